//! Groups, for the learner (issue 13; the server's contract is
//! `crates/server/API.md`, "Groups, for the learner"): the join code as
//! typed or carried by a link, what a group is told and what it never is
//! (in plain French, from the server's lists), and the summary the app
//! publishes to each group joined, computed from the learner's progress.
//!
//! **Invariant:** the summary holds only what the consent screen lists as
//! shared: each domain's state, the lessons of "Mon parcours", the day of
//! the last activity, and the CV only when the learner chose to share it.

use crate::content::Catalogue;
use crate::positioning::proposed_lessons;
use crate::progress::{CompetenceState, EventLog, Progress};
use crate::route::Route;
use serde::{Deserialize, Serialize};

/// The signs of a join code: no 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V, nor 6
/// (easy to read aloud and to type on a phone). The server makes codes
/// from them (`crates/server/src/pro/code.rs`).
pub const CODE_ALPHABET: &[u8; 20] = b"ACEFGHJKMNPRTWXY3479";
/// How many signs a join code has.
pub const CODE_LEN: usize = 6;

/// A typed code as the stored code (`"ACEFGH"`): case, spaces and dashes
/// do not matter. `None` if it cannot be a code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// How a code is shown and printed: `ACE-FGH`.
pub fn display_code(code: &str) -> String {
    let (a, b) = code.split_at(code.len().min(3));
    format!("{a}-{b}")
}

/// Why a typed code is not one, in French (for the join form).
pub fn code_problem(typed: &str) -> Option<&'static str> {
    if normalize_code(typed).is_some() {
        return None;
    }
    let signs = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .count();
    Some(match signs {
        0 => "Écrivez le code du groupe. Il a 6\u{a0}signes, par exemple ACE-FGH.",
        n if n != CODE_LEN => "Le code a 6\u{a0}signes, par exemple ACE-FGH. Vérifiez-le.",
        _ => "Ce code a un signe qui n'existe pas dans les codes de Déclic. Vérifiez-le.",
    })
}

/// The code a link carries, from the URL's query or fragment
/// (`?code=ACE-FGH`, `#code=ace-fgh`): the poster's QR code points there.
/// Only a well-formed code is taken.
pub fn code_from_link(query_or_fragment: &str) -> Option<String> {
    query_or_fragment
        .trim_start_matches(['?', '#'])
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))
        .and_then(|v| normalize_code(&percent_decoded(v)?))
}

/// The join link a group's poster carries in its QR code:
/// `{origin}/groupes#code=ACE-FGH`, `origin` being the site's
/// (`https://declic.example`). A camera app opens it on "Mes groupes",
/// which reads the code back with [`code_from_link`] (in the fragment, the
/// code never reaches the server's logs). `None` if `code` is not a code.
pub fn join_link(origin: &str, code: &str) -> Option<String> {
    let code = normalize_code(code)?;
    Some(format!(
        "{}{}#code={}",
        origin.trim_end_matches('/'),
        Route::Groups.path(),
        display_code(&code)
    ))
}

/// `%XX` escapes and `+` (a space) of a URL parameter, ASCII only.
fn percent_decoded(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(char::from(u8::from_str_radix(hex, 16).ok()?));
                i += 3;
            }
            b'+' => {
                out.push(' ');
                i += 1;
            }
            b => {
                out.push(char::from(b));
                i += 1;
            }
        }
    }
    Some(out)
}

/// The longest name a learner gives a group (the server's limit).
pub const MAX_DISPLAY_NAME: usize = 40;

/// The name given to the group, tidied; or why it is not accepted, in
/// French.
pub fn display_name(typed: &str) -> Result<String, &'static str> {
    let name = crate::text::tidy(typed);
    if name.is_empty() {
        return Err("Écrivez un prénom ou un surnom.");
    }
    if name.chars().count() > MAX_DISPLAY_NAME {
        return Err("Ce nom est trop long. Écrivez 40\u{a0}signes au plus.");
    }
    if name.chars().any(char::is_control) {
        return Err("Ce nom a un signe qui n'est pas accepté.");
    }
    Ok(name)
}

/// What one item of the server's `shared`, `shared_if_chosen` or
/// `never_shared` lists means, as the consent screen says it. `None` for
/// an item this version does not know.
pub fn item_words(item: &str) -> Option<&'static str> {
    Some(match item {
        "display_name" => "Le prénom ou le surnom que vous donnez au groupe.",
        "domains" => "Où vous en êtes dans chaque domaine\u{a0}: acquis, en cours ou pas commencé.",
        "path" => "Les leçons de «\u{a0}Mon parcours\u{a0}».",
        "last_activity" => "Le jour où vous avez utilisé Déclic pour la dernière fois.",
        "workshop_answers" => {
            "Vos réponses pendant les ateliers en direct. La salle voit seulement combien de personnes ont choisi chaque réponse."
        }
        "cv" => "Votre CV.",
        "recovery_phrase" => "Vos 8\u{a0}mots de sauvegarde.",
        "lessons_content" => "Le détail de ce que vous faites dans les leçons.",
        "quiz_answers_outside_workshops" => "Vos réponses aux quiz en dehors des ateliers.",
        "documents" => "Les documents que vous écrivez.",
        "letter" => "Votre lettre de motivation.",
        _ => return None,
    })
}

/// The consent screen's three lists, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub shared: Vec<&'static str>,
    pub shared_if_chosen: Vec<&'static str>,
    pub never_shared: Vec<&'static str>,
    /// Whether the learner may choose to share their CV.
    pub cv_offered: bool,
}

/// The preview's lists in words. An item of what would be shared that this
/// version cannot name makes it an error: consent must be to exactly what
/// is shown. (An unknown item of `never_shared` is only left out.)
pub fn consent(
    shared: &[String],
    shared_if_chosen: &[String],
    never_shared: &[String],
) -> Result<Consent, &'static str> {
    let named = |items: &[String]| -> Option<Vec<&'static str>> {
        items.iter().map(|i| item_words(i)).collect()
    };
    let unknown = "Cette version de Déclic ne sait pas dire tout ce que ce groupe verrait. \
                   Mettez à jour l'application avant de rejoindre ce groupe.";
    let shared_words = named(shared).ok_or(unknown)?;
    let chosen_words = named(shared_if_chosen).ok_or(unknown)?;
    Ok(Consent {
        shared: shared_words,
        cv_offered: shared_if_chosen.iter().any(|i| i == "cv"),
        shared_if_chosen: chosen_words,
        never_shared: never_shared.iter().filter_map(|i| item_words(i)).collect(),
    })
}

/// A domain's state, as the server spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainState {
    Acquis,
    EnCours,
    PasCommence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainLine {
    pub domain: String,
    pub state: DomainState,
}

/// What a group sees of the learner (the API's `Summary`), the CV aside:
/// `Cv` is how the app holds it (its stored value, unread here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary<Cv> {
    pub domains: Vec<DomainLine>,
    pub path: Vec<String>,
    /// Unix seconds.
    pub last_activity: Option<i64>,
    pub cv: Option<Cv>,
}

/// The server's limits on a summary (`crates/server/src/pro/summary.rs`).
pub const MAX_DOMAINS: usize = 20;
pub const MAX_PATH_LINES: usize = 60;
pub const MAX_LINE_CHARS: usize = 200;

/// The summary of this progress: each domain acquis (every competence
/// acquired), en cours (one started or acquired) or pas commencé; the
/// lessons of "Mon parcours" still to take, in order, each with its state
/// ("à faire", "en cours"), once the learner has done the positioning
/// test; the last event's day; and `cv` as given (the caller passes it
/// only if the learner chose to share it).
pub fn summary<Cv>(
    catalogue: &Catalogue,
    progress: &Progress,
    log: &EventLog,
    cv: Option<Cv>,
) -> Summary<Cv> {
    let domains = catalogue
        .domains
        .iter()
        .take(MAX_DOMAINS)
        .map(|domain| {
            let states: Vec<CompetenceState> = domain
                .competences
                .iter()
                .map(|c| progress.state(&c.id))
                .collect();
            let state =
                if !states.is_empty() && states.iter().all(|s| *s == CompetenceState::Acquired) {
                    DomainState::Acquis
                } else if states.iter().any(|s| *s != CompetenceState::NotStarted) {
                    DomainState::EnCours
                } else {
                    DomainState::PasCommence
                };
            DomainLine {
                domain: domain.id.clone(),
                state,
            }
        })
        .collect();
    let path = match &progress.placement {
        Some(placement) => proposed_lessons(catalogue, placement, &progress.acquired())
            .iter()
            .filter_map(|id| catalogue.competence(id))
            .take(MAX_PATH_LINES)
            .map(|(_, c)| {
                let state = match progress.state(&c.id) {
                    CompetenceState::NotStarted => "à faire",
                    _ => "en cours",
                };
                let line = format!("{}\u{a0}: {state}", c.title);
                line.chars().take(MAX_LINE_CHARS).collect()
            })
            .collect(),
        None => Vec::new(),
    };
    Summary {
        domains,
        path,
        last_activity: log.iter().map(|e| e.at).max().map(|ms| ms.div_euclid(1000)),
        cv,
    }
}

/// A group joined, as this device remembers it (the document `groups`):
/// the server's list is the truth about membership; what only the device
/// knows is whether the learner chose to share their CV with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    pub group_id: String,
    #[serde(default)]
    pub share_cv: bool,
}

/// The document the device keeps about its groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinedGroups {
    #[serde(default)]
    pub groups: Vec<Joined>,
}

impl JoinedGroups {
    /// Whether the learner chose to share their CV with `group_id`.
    pub fn shares_cv(&self, group_id: &str) -> bool {
        self.groups
            .iter()
            .any(|g| g.group_id == group_id && g.share_cv)
    }

    /// Records a group joined (again) with this choice.
    pub fn joined(&mut self, group_id: &str, share_cv: bool) {
        self.left(group_id);
        self.groups.push(Joined {
            group_id: group_id.to_string(),
            share_cv,
        });
    }

    pub fn left(&mut self, group_id: &str) {
        self.groups.retain(|g| g.group_id != group_id);
    }

    /// Brought in line with the server's list of memberships: groups left
    /// elsewhere go, groups joined on another device come in (without the
    /// CV: that choice was made there, and is asked again here).
    pub fn align(&mut self, server: &[String]) {
        self.groups.retain(|g| server.contains(&g.group_id));
        for id in server {
            if !self.groups.iter().any(|g| &g.group_id == id) {
                self.groups.push(Joined {
                    group_id: id.clone(),
                    share_cv: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CompetenceSummary, Domain, Level};
    use crate::plain_french::assert_message;
    use crate::positioning::{Certainty, DomainPlacement, Placement};
    use crate::progress::{derive, Event, EventId, EventKind};

    #[test]
    fn codes_are_typed_forgivingly() {
        for (typed, expected) in [
            ("ACE-FGH", Some("ACEFGH")),
            ("ace fgh", Some("ACEFGH")),
            (" a c e - f g h ", Some("ACEFGH")),
            ("acefgh", Some("ACEFGH")),
            ("ACEFG", None),
            ("ACEFGHJ", None),
            ("ACEFG0", None),
            ("ACÉFGH", None),
            ("", None),
        ] {
            assert_eq!(normalize_code(typed).as_deref(), expected, "{typed:?}");
        }
        assert_eq!(display_code("ACEFGH"), "ACE-FGH");
    }

    #[test]
    fn a_wrong_code_is_said_in_french() {
        assert_eq!(code_problem("ace-fgh"), None);
        for typed in ["", "  -", "ACE", "ACEFGHJ", "ACE-FG0", "acé fgh"] {
            let m = code_problem(typed).unwrap_or_else(|| panic!("{typed:?}"));
            assert_message(typed, m);
        }
        assert_ne!(code_problem("ACE"), code_problem("ACEFG0"));
    }

    #[test]
    fn a_link_carries_a_code() {
        for (link, expected) in [
            ("?code=ACE-FGH", Some("ACEFGH")),
            ("#code=ace-fgh", Some("ACEFGH")),
            ("?x=1&code=ACE+FGH", Some("ACEFGH")),
            ("?code=ACE%20FGH", Some("ACEFGH")),
            ("?code=ace%2Dfgh", Some("ACEFGH")),
            ("?code=ACE%2", None),
            ("code=ACEFGH", Some("ACEFGH")),
            ("?code=ACE-FG0", None),
            ("?codes=ACEFGH", None),
            ("", None),
        ] {
            assert_eq!(code_from_link(link).as_deref(), expected, "{link:?}");
        }
    }

    #[test]
    fn the_posters_link_is_read_back_by_the_learners_app() {
        for (origin, typed) in [
            ("https://declic.example", "ACE-FGH"),
            ("https://declic.example/", "acefgh"),
            ("http://192.168.1.20:8080", "x79 a3c"),
        ] {
            let link = join_link(origin, typed).unwrap();
            let rest = link.strip_prefix(origin.trim_end_matches('/')).unwrap();
            let (path, fragment) = rest.split_once('#').unwrap();
            // The learner's side: the route of "Mes groupes", then the code.
            assert_eq!(Route::parse(path), Route::Groups, "{link}");
            assert_eq!(Route::parse(rest), Route::Groups, "{link}");
            assert_eq!(code_from_link(fragment), normalize_code(typed), "{link}");
        }
        assert_eq!(
            join_link("https://declic.example", "ace fgh").as_deref(),
            Some("https://declic.example/groupes#code=ACE-FGH")
        );
        assert_eq!(join_link("https://declic.example", "ACE-FG0"), None);
        // Short enough for a small QR code that scans from across a room.
        let qr =
            crate::qr::Qr::encode(&join_link("https://declic.example", "ACEFGH").unwrap()).unwrap();
        assert!(qr.size <= 33, "{}", qr.size);
    }

    #[test]
    fn the_name_given_to_the_group() {
        assert_eq!(display_name("  Samia  ").as_deref(), Ok("Samia"));
        assert_eq!(display_name(&"é".repeat(40)).map(|n| n.len()), Ok(80));
        let long = "x".repeat(41);
        for bad in ["", "   ", long.as_str()] {
            let m = display_name(bad).unwrap_err();
            assert_message(bad, m);
        }
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// The server's lists (`crates/server/src/routes/learner.rs`).
    const SHARED: &[&str] = &[
        "display_name",
        "domains",
        "path",
        "last_activity",
        "workshop_answers",
    ];
    const NEVER: &[&str] = &[
        "recovery_phrase",
        "lessons_content",
        "quiz_answers_outside_workshops",
        "documents",
        "letter",
    ];

    #[test]
    fn every_item_the_server_lists_has_plain_words() {
        for item in SHARED.iter().chain(NEVER).chain(&["cv"]) {
            let words = item_words(item).unwrap_or_else(|| panic!("{item}"));
            assert_message(item, words);
        }
        let c = consent(&list(SHARED), &list(&["cv"]), &list(NEVER)).unwrap();
        assert_eq!(c.shared.len(), SHARED.len());
        assert_eq!(c.never_shared.len(), NEVER.len());
        assert!(c.cv_offered);
        let c = consent(&list(SHARED), &[], &list(NEVER)).unwrap();
        assert!(!c.cv_offered);
    }

    #[test]
    fn consent_is_never_asked_for_something_unnamed() {
        let shared = list(&["display_name", "location"]);
        let e = consent(&shared, &[], &[]).unwrap_err();
        assert_message("unknown", e);
        assert!(consent(&[], &list(&["photo"]), &[]).is_err());
        // Something new that is never shared only goes unsaid.
        let c = consent(&list(SHARED), &[], &list(&["letter", "photo"])).unwrap();
        assert_eq!(c.never_shared, [item_words("letter").unwrap()]);
    }

    fn catalogue() -> Catalogue {
        let competence = |id: &str, level| CompetenceSummary {
            id: id.into(),
            title: format!("Leçon {id}"),
            level,
            minutes: 5,
            goal: String::new(),
            url: String::new(),
        };
        let domain = |id: &str, competences| Domain {
            id: id.into(),
            title: format!("Domaine {id}"),
            description: String::new(),
            competences,
        };
        Catalogue {
            domains: vec![
                domain(
                    "internet",
                    vec![
                        competence("a", Level::Decouverte),
                        competence("b", Level::Autonomie),
                    ],
                ),
                domain("courriel", vec![competence("c", Level::Decouverte)]),
                domain("securite", vec![competence("d", Level::Decouverte)]),
                domain("vide", vec![]),
            ],
            positioning_url: String::new(),
        }
    }

    fn event(counter: u64, at: i64, kind: EventKind) -> Event {
        Event {
            id: EventId::new("d", counter),
            device: "d".into(),
            at,
            kind,
        }
    }

    fn passed(counter: u64, at: i64, competence: &str) -> Event {
        event(
            counter,
            at,
            EventKind::QuizCompleted {
                competence: competence.into(),
                correct: 5,
                total: 5,
            },
        )
    }

    fn seen(counter: u64, at: i64, competence: &str) -> Event {
        event(
            counter,
            at,
            EventKind::LessonStepSeen {
                competence: competence.into(),
                step: 1,
            },
        )
    }

    fn states(s: &Summary<()>) -> Vec<(&str, DomainState)> {
        s.domains
            .iter()
            .map(|d| (d.domain.as_str(), d.state))
            .collect()
    }

    #[test]
    fn domains_are_acquired_started_or_not() {
        let catalogue = catalogue();
        let log = EventLog::from_events([
            passed(1, 1_000, "c"),
            seen(2, 2_000, "a"),
            passed(3, 1_764_633_600_999, "d"),
        ]);
        let progress = derive(&log, &catalogue);
        let s = summary::<()>(&catalogue, &progress, &log, None);
        use DomainState::*;
        assert_eq!(
            states(&s),
            [
                ("internet", EnCours),
                ("courriel", Acquis),
                ("securite", Acquis),
                ("vide", PasCommence),
            ]
        );
        assert_eq!(s.last_activity, Some(1_764_633_600));
        assert_eq!(s.path, Vec::<String>::new(), "no positioning: no path");
        assert_eq!(s.cv, None);

        let empty = EventLog::new();
        let s = summary(&catalogue, &derive(&empty, &catalogue), &empty, Some(()));
        assert!(s.domains.iter().all(|d| d.state == PasCommence));
        assert_eq!(s.last_activity, None);
        assert_eq!(s.cv, Some(()), "the CV only as given");
    }

    #[test]
    fn the_path_lists_the_lessons_to_take_with_their_state() {
        let catalogue = catalogue();
        let placement = Placement {
            domains: ["internet", "courriel", "securite"]
                .map(|d| DomainPlacement {
                    domain: d.into(),
                    level: None,
                    certainty: Certainty::Decided,
                })
                .to_vec(),
        };
        let log = EventLog::from_events([
            event(
                1,
                10,
                EventKind::PositioningCompleted {
                    placement: placement.clone(),
                },
            ),
            seen(2, 20, "a"),
            passed(3, 30, "c"),
        ]);
        let progress = derive(&log, &catalogue);
        let s = summary::<()>(&catalogue, &progress, &log, None);
        assert_eq!(
            s.path,
            [
                "Leçon a\u{a0}: en cours",
                "Leçon d\u{a0}: à faire",
                "Leçon b\u{a0}: à faire",
            ]
        );
        for line in &s.path {
            crate::plain_french::assert_plain(line, line);
        }
    }

    #[test]
    fn the_summary_is_the_servers_json() {
        let catalogue = catalogue();
        let empty = EventLog::new();
        let s = summary(
            &catalogue,
            &derive(&empty, &catalogue),
            &empty,
            Some(serde_json::json!({"first_name": "Samia"})),
        );
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["domains"][0]["state"], "pas_commence");
        assert_eq!(json["last_activity"], serde_json::Value::Null);
        assert_eq!(json["cv"]["first_name"], "Samia");
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["cv", "domains", "last_activity", "path"]);
    }

    #[test]
    fn the_device_remembers_only_the_cv_choice() {
        let mut g = JoinedGroups::default();
        g.joined("g1", true);
        g.joined("g2", false);
        g.joined("g1", true);
        assert!(g.shares_cv("g1") && !g.shares_cv("g2") && !g.shares_cv("g3"));
        assert_eq!(g.groups.len(), 2);
        g.align(&["g1".into(), "g3".into()]);
        let ids: Vec<_> = g.groups.iter().map(|j| j.group_id.as_str()).collect();
        assert_eq!(ids, ["g1", "g3"]);
        assert!(g.shares_cv("g1") && !g.shares_cv("g3"));
        g.left("g1");
        assert!(!g.shares_cv("g1"));
    }
}

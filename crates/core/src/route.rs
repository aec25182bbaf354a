//! The app's URLs, as a pure two-way mapping between paths and screens.
//!
//! The app routes on the client with real URLs (history API) so that every
//! screen survives a reload and can be bookmarked or shared. Parsing lives
//! here, not in the view, so it is tested natively and there is one list of
//! URLs. Paths are French because learners see them.

use crate::cv::CvStep;

/// One screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/` — Accueil.
    Home,
    /// `/competences` — the competence map.
    Map,
    /// `/competences/{id}` — a competence: its lesson starts here (step 1).
    /// `/competences/{id}/etape/{n}` — step n (1-based) of its lesson.
    Lesson { competence: String, step: usize },
    /// `/competences/{id}/quiz` — the competence's quiz.
    Quiz { competence: String },
    /// `/faire-le-point` — the positioning test.
    Positioning,
    /// `/mon-parcours` — "Mon parcours": the lessons proposed to the
    /// learner after the positioning test.
    MyPath,
    /// `/mes-donnees` — "Mes données": what the device holds, its export
    /// and its erase.
    MyData,
    /// `/sauvegarde` — "Sauvegarder et retrouver ma progression": sync,
    /// its recovery phrase, restore on another device, shared computers.
    Backup,
    /// `/mon-cv` — the CV builder, its first step;
    /// `/mon-cv/{step}` — one step of it ([`CvStep::slug`]).
    Cv { step: CvStep },
    /// `/ma-lettre` — the spontaneous application letter.
    Letter,
    /// `/entretien` — interview preparation.
    Interview,
    /// `/s-entrainer` — "S'entraîner": the practice simulations.
    Practice,
    /// `/s-entrainer/{id}` — one practice simulation.
    Simulation { id: String },
    /// `/groupes` — "Mes groupes": the groups joined, their live
    /// workshops, joining one with its code (`?code=ACE-FGH` or
    /// `#code=…` fills it in: the poster's link), leaving one.
    Groups,
    /// `/atelier/{group_id}` — a group's live workshop, as a learner
    /// follows it (the group id is the server's: 32 lowercase hex digits).
    GroupWorkshop { group: String },
    /// `/pro…` — the professional space (its own entry, `pro.html`).
    Pro(ProScreen),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The CV builder, at its first step (`/mon-cv`): where links to "Mon
    /// CV" go.
    pub const CV: Route = Route::Cv {
        step: CvStep::Identity,
    };

    /// Parses a URL path (without query or fragment). Tolerates a trailing
    /// slash. Never fails: an unknown path is [`Route::NotFound`].
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["competences"] => Route::Map,
            ["competences", id] if is_slug(id) => Route::Lesson {
                competence: (*id).to_string(),
                step: 1,
            },
            ["competences", id, "etape", n] if is_slug(id) => match n.parse::<usize>() {
                Ok(step) if step >= 1 && n.chars().all(|c| c.is_ascii_digit()) => Route::Lesson {
                    competence: (*id).to_string(),
                    step,
                },
                _ => Route::NotFound,
            },
            ["competences", id, "quiz"] if is_slug(id) => Route::Quiz {
                competence: (*id).to_string(),
            },
            ["faire-le-point"] => Route::Positioning,
            ["mon-parcours"] => Route::MyPath,
            ["mes-donnees"] => Route::MyData,
            ["sauvegarde"] => Route::Backup,
            ["mon-cv"] => Route::Cv {
                step: CvStep::Identity,
            },
            // The first step has one path, `/mon-cv` (the service worker
            // knows each job-tools path exactly).
            ["mon-cv", slug] => match CvStep::from_slug(slug) {
                Some(step) if step != CvStep::Identity => Route::Cv { step },
                _ => Route::NotFound,
            },
            ["ma-lettre"] => Route::Letter,
            ["entretien"] => Route::Interview,
            ["s-entrainer"] => Route::Practice,
            ["s-entrainer", id] if is_slug(id) => Route::Simulation {
                id: (*id).to_string(),
            },
            ["groupes"] => Route::Groups,
            ["atelier", g] if is_server_id(g) => Route::GroupWorkshop {
                group: (*g).to_string(),
            },
            ["pro", rest @ ..] => ProScreen::parse(rest).map_or(Route::NotFound, Route::Pro),
            _ => Route::NotFound,
        }
    }

    /// The canonical path of this screen. `parse(r.path()) == r` for every
    /// route but `NotFound`, which has no path of its own.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Map => "/competences".into(),
            Route::Lesson { competence, step } if *step <= 1 => {
                format!("/competences/{competence}")
            }
            Route::Lesson { competence, step } => format!("/competences/{competence}/etape/{step}"),
            Route::Quiz { competence } => format!("/competences/{competence}/quiz"),
            Route::Positioning => "/faire-le-point".into(),
            Route::MyPath => "/mon-parcours".into(),
            Route::MyData => "/mes-donnees".into(),
            Route::Backup => "/sauvegarde".into(),
            Route::Cv {
                step: CvStep::Identity,
            } => "/mon-cv".into(),
            Route::Cv { step } => format!("/mon-cv/{}", step.slug()),
            Route::Letter => "/ma-lettre".into(),
            Route::Interview => "/entretien".into(),
            Route::Practice => "/s-entrainer".into(),
            Route::Simulation { id } => format!("/s-entrainer/{id}"),
            Route::Groups => "/groupes".into(),
            Route::GroupWorkshop { group } => format!("/atelier/{group}"),
            Route::Pro(screen) => screen.path(),
            Route::NotFound => "/404".into(),
        }
    }
}

/// A screen of the professional space. Ids are the server's (32 lowercase
/// hex digits); these screens need a session, so they are never prerendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProScreen {
    /// `/pro` — sign-in, then the list of groups.
    Groups,
    /// `/pro/compte` — change one's password, sign out; for an
    /// administrator, the counsellors' accounts.
    Account,
    /// `/pro/groupes/{id}` — one group: its code, rename, archive, start a workshop.
    Group { id: String },
    /// `/pro/suivi/{id}` — a group's follow-up table (printable).
    FollowUp { id: String },
    /// `/pro/affiche/{id}` — a group's poster with its join code (printable).
    Poster { id: String },
    /// `/pro/ateliers/{id}` — a live workshop, as the professional runs it.
    Workshop { id: String },
    /// `/pro/fiches` — the printable lesson guides ("fiches à imprimer"),
    /// lessons listed by domain.
    Guides,
    /// `/pro/fiches/{competence}` — one lesson's guide: every step, then
    /// "À retenir", on one page to print (a competence id, as in
    /// [`Route::Lesson`]).
    Guide { competence: String },
}

/// A server id: 32 lowercase hex digits.
fn is_server_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl ProScreen {
    fn parse(segments: &[&str]) -> Option<ProScreen> {
        let id = |s: &str| is_server_id(s).then(|| s.to_string());
        Some(match segments {
            [] => ProScreen::Groups,
            ["compte"] => ProScreen::Account,
            ["groupes", g] => ProScreen::Group { id: id(g)? },
            ["suivi", g] => ProScreen::FollowUp { id: id(g)? },
            ["affiche", g] => ProScreen::Poster { id: id(g)? },
            ["ateliers", w] => ProScreen::Workshop { id: id(w)? },
            ["fiches"] => ProScreen::Guides,
            ["fiches", c] if is_slug(c) => ProScreen::Guide {
                competence: (*c).to_string(),
            },
            _ => return None,
        })
    }

    fn path(&self) -> String {
        match self {
            ProScreen::Groups => "/pro".into(),
            ProScreen::Account => "/pro/compte".into(),
            ProScreen::Group { id } => format!("/pro/groupes/{id}"),
            ProScreen::FollowUp { id } => format!("/pro/suivi/{id}"),
            ProScreen::Poster { id } => format!("/pro/affiche/{id}"),
            ProScreen::Workshop { id } => format!("/pro/ateliers/{id}"),
            ProScreen::Guides => "/pro/fiches".into(),
            ProScreen::Guide { competence } => format!("/pro/fiches/{competence}"),
        }
    }
}

/// The HTML page (and so the wasm module) that serves a screen.
///
/// Most screens live in the main app (`index.html`). The job tools ("Mon
/// CV", the letter) are a second entry (`jobs.html`, its own
/// wasm): their forms, coaching, preview and PDF would otherwise weigh on
/// every learner's first visit (about 65 KB brotli, measured), and most
/// learners come for the lessons. The practice simulations are a third
/// (`practice.html`): their model and seven replicas weigh about 143 KB
/// brotli (measured), more than the rest of the main app. Going from one
/// entry to another is a normal page load; the service worker has them all
/// offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Main,
    /// The job tools: CV, letter (the interview preparation, their third
    /// tab, is practice).
    Jobs,
    /// The practice simulations ("S'entraîner"), and "Mes données": the
    /// export and the erasure are visited rarely, and their screen, the
    /// export's model and the erasure weighed 8 KB brotli in the main entry.
    /// Also the learner's groups and live workshops ("Mes groupes"): only
    /// learners a professional follows need them.
    Practice,
    /// The professional space (`/pro…`): counsellors only, so learners
    /// never download it.
    Pro,
}

/// The screens of the job-tools entry: every step of the CV builder (listed
/// one by one, so the service worker knows each path), the letter.
static JOB_SCREENS: [Route; 11] = [
    Route::Cv {
        step: CvStep::Identity,
    },
    Route::Cv {
        step: CvStep::Contact,
    },
    Route::Cv {
        step: CvStep::Title,
    },
    Route::Cv {
        step: CvStep::Experiences,
    },
    Route::Cv {
        step: CvStep::Education,
    },
    Route::Cv {
        step: CvStep::Skills,
    },
    Route::Cv {
        step: CvStep::Languages,
    },
    Route::Cv { step: CvStep::More },
    Route::Cv {
        step: CvStep::Summary,
    },
    Route::Cv {
        step: CvStep::Preview,
    },
    Route::Letter,
];
/// The screens of the practice entry. A screen with a parameter is listed
/// with an empty one: it stands for every value (see [`Entry::screens`]).
static PRACTICE_SCREENS: [Route; 7] = [
    Route::Practice,
    // A job tool, but practice (questions, a timer, a self-check quiz): here,
    // its prose and quiz stay out of the CV builder's wasm (−20 KB brotli).
    Route::Interview,
    Route::Simulation { id: String::new() },
    Route::MyData,
    Route::Backup,
    Route::Groups,
    Route::GroupWorkshop {
        group: String::new(),
    },
];
/// The screens of the professional entry: `/pro` and every path below it.
static PRO_SCREENS: [Route; 8] = [
    Route::Pro(ProScreen::Groups),
    Route::Pro(ProScreen::Account),
    Route::Pro(ProScreen::Group { id: String::new() }),
    Route::Pro(ProScreen::FollowUp { id: String::new() }),
    Route::Pro(ProScreen::Poster { id: String::new() }),
    Route::Pro(ProScreen::Workshop { id: String::new() }),
    Route::Pro(ProScreen::Guides),
    Route::Pro(ProScreen::Guide {
        competence: String::new(),
    }),
];

impl Entry {
    pub const ALL: [Entry; 4] = [Entry::Main, Entry::Jobs, Entry::Practice, Entry::Pro];

    /// The file, at the site root, that starts this entry.
    pub fn html(self) -> &'static str {
        match self {
            Entry::Main => "index.html",
            Entry::Jobs => "jobs.html",
            Entry::Practice => "practice.html",
            Entry::Pro => "pro.html",
        }
    }

    /// The screens this entry serves. The main entry serves every screen
    /// not listed by another entry, so its list is empty. A screen with a
    /// parameter is listed with an empty one, so its path ends with `/`:
    /// the service worker takes such a path as a prefix.
    pub fn screens(self) -> &'static [Route] {
        match self {
            Entry::Main => &[],
            Entry::Jobs => &JOB_SCREENS,
            Entry::Practice => &PRACTICE_SCREENS,
            Entry::Pro => &PRO_SCREENS,
        }
    }
}

impl Route {
    /// Whether a link from this screen to `to` changes screens in the page
    /// (history API) rather than by a page load: within the main entry, and
    /// between the steps of the CV builder (they share the CV being edited
    /// and what the learner has done with its fields). Any other screen of
    /// another entry is a page load.
    pub fn follows_in_page(&self, to: &Route) -> bool {
        match (self, to) {
            (Route::Cv { .. }, Route::Cv { .. }) => true,
            _ => self.entry() == Entry::Main && to.entry() == Entry::Main,
        }
    }

    /// Which entry serves this screen. `src/bin/postbuild.rs` writes the
    /// same mapping into the service worker, from [`Entry::screens`].
    pub fn entry(&self) -> Entry {
        // The variant is the screen, whatever its parameter (and comparing
        // variants keeps the main wasm small).
        let variant = std::mem::discriminant(self);
        Entry::ALL
            .into_iter()
            .find(|e| {
                e.screens()
                    .iter()
                    .any(|s| std::mem::discriminant(s) == variant)
            })
            .unwrap_or(Entry::Main)
    }

    /// One route of each kind, parameters filled with examples: tests that
    /// must cover every screen go through this list. (The `match` below
    /// stops compiling when a variant is added, until it is listed here.)
    pub fn examples() -> Vec<Route> {
        let lesson = |step| Route::Lesson {
            competence: "email-piece-jointe".into(),
            step,
        };
        let mut all = vec![
            Route::Home,
            Route::Map,
            lesson(1),
            lesson(3),
            Route::Quiz {
                competence: "email-piece-jointe".into(),
            },
            Route::Positioning,
            Route::MyPath,
            Route::MyData,
            Route::Backup,
            Route::Letter,
            Route::Interview,
            Route::Practice,
            Route::Simulation {
                id: "arnaque-ou-fiable".into(),
            },
            Route::Groups,
            Route::GroupWorkshop {
                group: EXAMPLE_ID.into(),
            },
            Route::Pro(ProScreen::Groups),
            Route::Pro(ProScreen::Account),
            Route::Pro(ProScreen::Group {
                id: EXAMPLE_ID.into(),
            }),
            Route::Pro(ProScreen::FollowUp {
                id: EXAMPLE_ID.into(),
            }),
            Route::Pro(ProScreen::Poster {
                id: EXAMPLE_ID.into(),
            }),
            Route::Pro(ProScreen::Workshop {
                id: EXAMPLE_ID.into(),
            }),
            Route::Pro(ProScreen::Guides),
            Route::Pro(ProScreen::Guide {
                competence: "email-piece-jointe".into(),
            }),
            Route::NotFound,
        ];
        all.extend(CvStep::ALL.map(|step| Route::Cv { step }));
        for route in &all {
            match route {
                Route::Home
                | Route::Map
                | Route::Lesson { .. }
                | Route::Quiz { .. }
                | Route::Positioning
                | Route::MyPath
                | Route::MyData
                | Route::Backup
                | Route::Cv { .. }
                | Route::Letter
                | Route::Interview
                | Route::Practice
                | Route::Simulation { .. }
                | Route::Groups
                | Route::GroupWorkshop { .. }
                | Route::Pro(_)
                | Route::NotFound => {}
            }
        }
        all
    }
}

/// A server id for [`Route::examples`].
const EXAMPLE_ID: &str = "0123456789abcdef0123456789abcdef";

/// Where the build puts the HTML of a screen painted ahead of the wasm
/// (`src/prerender.rs`, written by `src/bin/postbuild.rs`; the server sends
/// it on a navigation). One file per canonical path, so a screen has one
/// page: home is its entry's page itself.
pub const PRERENDERED_DIR: &str = "prerendered";

impl Route {
    /// The file, below the site root, that holds this screen prerendered:
    /// `index.html` for home, `prerendered/<path>.html` for the others
    /// (`prerendered/404.html` for not found).
    pub fn prerendered_file(&self) -> String {
        match self {
            Route::Home => Entry::Main.html().to_string(),
            route => format!("{PRERENDERED_DIR}{}.html", route.path()),
        }
    }
}

impl Entry {
    /// The entry's neutral page: its header and an empty screen, which the
    /// wasm fills with the screen of the URL. The service worker answers
    /// navigations with it (the prerendered pages are not precached), and
    /// the server sends it for a screen with no prerendered page.
    pub fn shell(self) -> &'static str {
        match self {
            Entry::Main => "shell.html",
            Entry::Jobs => "jobs.html",
            Entry::Practice => "practice.html",
            Entry::Pro => "pro.html",
        }
    }
}

/// Competence ids are lowercase ASCII words joined by dashes (the one
/// rule, in the text toolkit).
pub use crate::text::is_slug;

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(id: &str, step: usize) -> Route {
        Route::Lesson {
            competence: id.into(),
            step,
        }
    }

    fn cv(step: CvStep) -> Route {
        Route::Cv { step }
    }

    fn quiz(id: &str) -> Route {
        Route::Quiz {
            competence: id.into(),
        }
    }

    #[test]
    fn parses_every_screen() {
        let cases = [
            ("/", Route::Home),
            ("", Route::Home),
            ("/competences", Route::Map),
            ("/competences/", Route::Map),
            (
                "/competences/email-piece-jointe",
                lesson("email-piece-jointe", 1),
            ),
            (
                "/competences/email-piece-jointe/etape/3",
                lesson("email-piece-jointe", 3),
            ),
            ("/competences/email-piece-jointe/etape/0", Route::NotFound),
            ("/competences/email-piece-jointe/etape/+2", Route::NotFound),
            ("/competences/email-piece-jointe/etape/x", Route::NotFound),
            ("/competences/Email", Route::NotFound),
            ("/competences/a/b", Route::NotFound),
            (
                "/competences/email-piece-jointe/quiz",
                quiz("email-piece-jointe"),
            ),
            (
                "/competences/email-piece-jointe/quiz/",
                quiz("email-piece-jointe"),
            ),
            ("/competences/Email/quiz", Route::NotFound),
            ("/competences/email/quiz/2", Route::NotFound),
            ("/faire-le-point", Route::Positioning),
            ("/mon-parcours?x=1", Route::MyPath),
            ("/mes-donnees/", Route::MyData),
            ("/sauvegarde", Route::Backup),
            ("/mon-cv#haut", cv(CvStep::Identity)),
            ("/mon-cv/identite", Route::NotFound),
            ("/mon-cv/contact/", cv(CvStep::Contact)),
            ("/mon-cv/apercu", cv(CvStep::Preview)),
            ("/mon-cv/inconnue", Route::NotFound),
            ("/mon-cv/contact/x", Route::NotFound),
            ("/s-entrainer", Route::Practice),
            (
                "/s-entrainer/j-ai-clique",
                Route::Simulation {
                    id: "j-ai-clique".into(),
                },
            ),
            ("/s-entrainer/J-ai", Route::NotFound),
            ("/groupes", Route::Groups),
            ("/groupes/?code=ACE-FGH", Route::Groups),
            ("/groupes#code=ACE-FGH", Route::Groups),
            (
                "/atelier/0123456789abcdef0123456789abcdef",
                Route::GroupWorkshop {
                    group: EXAMPLE_ID.into(),
                },
            ),
            ("/atelier/0123456789ABCDEF0123456789ABCDEF", Route::NotFound),
            ("/atelier/0123", Route::NotFound),
            ("/atelier", Route::NotFound),
            ("/groupes/x", Route::NotFound),
            ("/s-entrainer/a/b", Route::NotFound),
            ("/index.html", Route::NotFound),
            ("/nimporte/quoi", Route::NotFound),
        ];
        for (path, expected) in cases {
            assert_eq!(Route::parse(path), expected, "path {path:?}");
        }
    }

    #[test]
    fn path_round_trips() {
        for route in Route::examples() {
            if route != Route::NotFound {
                assert_eq!(Route::parse(&route.path()), route);
            }
        }
        assert_eq!(Route::parse(&Route::NotFound.path()), Route::NotFound);
    }

    #[test]
    fn the_job_tools_have_their_own_entry() {
        for path in ["/mon-cv", "/mon-cv/recapitulatif", "/ma-lettre"] {
            assert_eq!(Route::parse(path).entry(), Entry::Jobs, "{path}");
        }
        assert_eq!(Entry::Jobs.html(), "jobs.html");
        for path in [
            "/",
            "/competences",
            "/competences/a",
            "/competences/a/etape/2",
            "/competences/a/quiz",
            "/faire-le-point",
            "/mon-parcours",
            "/s-entrainer/A",
            "/x",
        ] {
            assert_eq!(Route::parse(path).entry(), Entry::Main, "{path}");
        }
        for path in [
            "/s-entrainer",
            "/s-entrainer/",
            "/s-entrainer/a",
            "/entretien",
            "/mes-donnees",
            "/sauvegarde",
            "/groupes",
            "/atelier/0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(Route::parse(path).entry(), Entry::Practice, "{path}");
        }
        assert_eq!(Entry::Practice.html(), "practice.html");
        let id = EXAMPLE_ID;
        for path in [
            "/pro".to_string(),
            "/pro/".to_string(),
            "/pro/compte".to_string(),
            format!("/pro/groupes/{id}"),
            format!("/pro/suivi/{id}"),
            format!("/pro/affiche/{id}"),
            format!("/pro/ateliers/{id}"),
            "/pro/fiches".to_string(),
            "/pro/fiches/email-piece-jointe".to_string(),
        ] {
            assert_eq!(Route::parse(&path).entry(), Entry::Pro, "{path}");
        }
        assert_eq!(Entry::Pro.html(), "pro.html");
    }

    #[test]
    fn pro_screens_take_only_server_ids() {
        assert_eq!(
            Route::parse(&format!("/pro/groupes/{EXAMPLE_ID}")),
            Route::Pro(ProScreen::Group {
                id: EXAMPLE_ID.into()
            })
        );
        for bad in [
            "/pro/groupes/ABCDEF0123456789ABCDEF0123456789",
            "/pro/groupes/0123",
            "/pro/groupes",
            "/pro/ateliers/x",
            "/pro/inconnu",
            "/pro/compte/x",
        ] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
    }

    #[test]
    fn lesson_guides_take_competence_ids() {
        let guide = |c: &str| {
            Route::Pro(ProScreen::Guide {
                competence: c.into(),
            })
        };
        for (path, expected) in [
            ("/pro/fiches", Route::Pro(ProScreen::Guides)),
            ("/pro/fiches/", Route::Pro(ProScreen::Guides)),
            (
                "/pro/fiches/email-piece-jointe",
                guide("email-piece-jointe"),
            ),
            (
                "/pro/fiches/email-piece-jointe/",
                guide("email-piece-jointe"),
            ),
            ("/pro/fiches/Email", Route::NotFound),
            ("/pro/fiches/email--x", Route::NotFound),
            ("/pro/fiches/a/b", Route::NotFound),
            ("/pro/fiche/email", Route::NotFound),
        ] {
            assert_eq!(Route::parse(path), expected, "{path}");
        }
        assert_eq!(
            guide("appareil-clavier").path(),
            "/pro/fiches/appareil-clavier"
        );
        assert_eq!(guide("a").entry(), Entry::Pro);
        assert_eq!(Route::Pro(ProScreen::Guides).entry(), Entry::Pro);
    }

    #[test]
    fn links_stay_in_the_page_within_an_entry_screen_set() {
        let cases = [
            ("/", "/competences", true),
            ("/competences", "/mon-cv", false),
            ("/mon-cv", "/mon-cv/contact", true),
            ("/mon-cv/apercu", "/mon-cv", true),
            ("/mon-cv/contact", "/ma-lettre", false),
            ("/ma-lettre", "/mon-cv", false),
            ("/mon-cv", "/", false),
            ("/s-entrainer", "/s-entrainer/a", false),
        ];
        for (from, to, in_page) in cases {
            assert_eq!(
                Route::parse(from).follows_in_page(&Route::parse(to)),
                in_page,
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn every_step_of_the_cv_is_a_job_screen() {
        for step in CvStep::ALL {
            assert!(Entry::Jobs.screens().contains(&cv(step)), "{step:?}");
        }
    }

    #[test]
    fn every_screen_of_another_entry_has_a_path_or_a_prefix() {
        // The service worker gets these paths as a list: a screen without a
        // parameter by its path, one with a parameter by the prefix its
        // empty parameter leaves (a trailing `/`).
        for entry in Entry::ALL {
            for screen in entry.screens() {
                assert_eq!(screen.entry(), entry, "{screen:?}");
                let path = screen.path();
                if !path.ends_with('/') {
                    assert_eq!(&Route::parse(&path), screen, "{screen:?}");
                }
            }
        }
        for route in Route::examples() {
            let path = route.path();
            let listed = Entry::ALL.iter().any(|e| {
                e.screens().iter().any(|s| {
                    let listed = s.path();
                    listed == path || (listed.ends_with('/') && path.starts_with(&listed))
                })
            });
            assert_eq!(listed, route.entry() != Entry::Main, "{route:?}");
        }
    }

    #[test]
    fn each_screen_has_one_prerendered_file() {
        assert_eq!(Route::Home.prerendered_file(), "index.html");
        assert_eq!(
            Route::Map.prerendered_file(),
            "prerendered/competences.html"
        );
        assert_eq!(
            lesson("a", 1).prerendered_file(),
            "prerendered/competences/a.html"
        );
        assert_eq!(
            lesson("a", 2).prerendered_file(),
            "prerendered/competences/a/etape/2.html"
        );
        assert_eq!(Route::NotFound.prerendered_file(), "prerendered/404.html");
        let mut files: Vec<String> = Route::examples()
            .iter()
            .map(Route::prerendered_file)
            .collect();
        let count = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), count, "two screens share a file");
        for entry in Entry::ALL {
            assert!(entry.shell().ends_with(".html"));
            assert!(!files.contains(&entry.shell().to_string()) || entry == Entry::Main);
        }
        assert_ne!(Entry::Main.shell(), Entry::Main.html());
    }

    #[test]
    fn slugs() {
        assert!(is_slug("email-2"));
        for bad in ["", "-a", "a-", "a--b", "é", "A", "a b", "a_b"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }
}

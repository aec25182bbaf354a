//! The content model: what the content compiler (`crates/content`) produces
//! from `content/**/*.md` and what the app reads.
//!
//! Two shapes, loaded at two different times:
//! - [`Catalogue`]: the competence map (domains, competences, levels). Small,
//!   compiled into the app so the map shows with no fetch.
//! - [`CompetenceContent`]: one competence's lesson, quiz and positioning
//!   items. One JSON file per competence, fetched on demand and precached by
//!   the service worker for offline use.

use serde::{Deserialize, Serialize};

/// How far along a learner a competence sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Decouverte,
    Autonomie,
    Avance,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Decouverte, Level::Autonomie, Level::Avance];

    /// The word shown to learners (and written in content front matter).
    pub fn label(self) -> &'static str {
        match self {
            Level::Decouverte => "découverte",
            Level::Autonomie => "autonomie",
            Level::Avance => "avancé",
        }
    }

    /// Parses the French word used in content files. Accents are required:
    /// content is French and we keep one spelling.
    pub fn from_label(label: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.label() == label)
    }
}

/// The competence map: domains in display order, each with its competences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub domains: Vec<Domain>,
    /// Site-absolute URL of every competence's positioning items in one
    /// content-hashed JSON file ([`PositioningBank`]): the positioning test
    /// needs them all, and they are small, so one fetch instead of forty.
    #[serde(default)]
    pub positioning_url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub id: String,
    pub title: String,
    /// One short sentence that says what the domain is about.
    pub description: String,
    pub competences: Vec<CompetenceSummary>,
}

/// What the map needs to know about a competence, without its lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetenceSummary {
    pub id: String,
    pub title: String,
    pub level: Level,
    /// Estimated minutes to read the lesson and take the quiz.
    pub minutes: u32,
    /// One sentence: what the learner will be able to do.
    pub goal: String,
    /// Site-absolute URL of the compiled [`CompetenceContent`] (content-hashed
    /// file name, so it can be cached forever).
    pub url: String,
}

impl Catalogue {
    pub fn competences(&self) -> impl Iterator<Item = (&Domain, &CompetenceSummary)> {
        self.domains
            .iter()
            .flat_map(|d| d.competences.iter().map(move |c| (d, c)))
    }

    pub fn competence(&self, id: &str) -> Option<(&Domain, &CompetenceSummary)> {
        self.competences().find(|(_, c)| c.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }
}

/// One competence's full content, as compiled from its markdown file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetenceContent {
    pub id: String,
    pub title: String,
    /// The lesson: one idea per step, shown one step per screen.
    pub steps: Vec<Step>,
    /// The "À retenir" summary, as sanitised HTML.
    pub recap_html: String,
    /// The same summary as plain text, for read-aloud.
    pub recap_text: String,
    pub quiz: Vec<Question>,
    pub positioning: Vec<PositioningItem>,
}

/// One screen of a lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub title: String,
    /// Compiled, trusted HTML (produced by the content compiler from our own
    /// markdown; illustrations are inlined SVG with a text alternative).
    pub html: String,
    /// Plain text of the step for the read-aloud button.
    pub text: String,
}

/// A quiz question. Which answer is right is stored once, on the choice
/// (`correct`), never inferred from feedback wording. Its JSON is one flat
/// object tagged by `type` (`"true-false"`), through [`QuestionWire`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "QuestionWire", into = "QuestionWire")]
pub enum Question {
    /// Exactly one right choice.
    Single {
        prompt: String,
        choices: Vec<Choice>,
    },
    /// One or more right choices; the learner ticks all that apply.
    Multiple {
        prompt: String,
        choices: Vec<Choice>,
    },
    /// Two choices, "Vrai" then "Faux", exactly one right.
    TrueFalse {
        prompt: String,
        choices: Vec<Choice>,
    },
    /// Put the steps in order. `steps` is the right order; the app shuffles.
    Order {
        prompt: String,
        steps: Vec<String>,
        explanation: String,
    },
}

impl Question {
    pub fn prompt(&self) -> &str {
        match self {
            Question::Single { prompt, .. }
            | Question::Multiple { prompt, .. }
            | Question::TrueFalse { prompt, .. }
            | Question::Order { prompt, .. } => prompt,
        }
    }

    /// The name of the question type, as written in content files.
    pub fn kind(&self) -> QuestionKind {
        match self {
            Question::Single { .. } => QuestionKind::Single,
            Question::Multiple { .. } => QuestionKind::Multiple,
            Question::TrueFalse { .. } => QuestionKind::TrueFalse,
            Question::Order { .. } => QuestionKind::Order,
        }
    }
}

/// The JSON of a [`Question`]: the fields of every type, those a type does
/// not have left out. Not `#[serde(tag = "type")]` on the enum: serde then
/// buffers each question into a generic tree to find its tag, machinery that
/// weighed 14 KB of wasm in the main entry (see `progress::wire`, the same
/// choice for events).
#[derive(Serialize, Deserialize)]
struct QuestionWire {
    #[serde(rename = "type")]
    kind: QuestionKind,
    prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<Choice>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    steps: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
}

impl TryFrom<QuestionWire> for Question {
    type Error = String;

    fn try_from(w: QuestionWire) -> Result<Question, String> {
        let missing = |field: &str| format!("a `{:?}` question without its `{field}`", w.kind);
        let QuestionWire {
            kind,
            prompt,
            choices,
            steps,
            explanation,
        } = w;
        let choices = || choices.ok_or_else(|| missing("choices"));
        Ok(match kind {
            QuestionKind::Single => Question::Single {
                prompt,
                choices: choices()?,
            },
            QuestionKind::Multiple => Question::Multiple {
                prompt,
                choices: choices()?,
            },
            QuestionKind::TrueFalse => Question::TrueFalse {
                prompt,
                choices: choices()?,
            },
            QuestionKind::Order => Question::Order {
                prompt,
                steps: steps.ok_or_else(|| missing("steps"))?,
                explanation: explanation.ok_or_else(|| missing("explanation"))?,
            },
        })
    }
}

impl From<Question> for QuestionWire {
    fn from(q: Question) -> QuestionWire {
        let kind = q.kind();
        let (prompt, choices, steps, explanation) = match q {
            Question::Single { prompt, choices }
            | Question::Multiple { prompt, choices }
            | Question::TrueFalse { prompt, choices } => (prompt, Some(choices), None, None),
            Question::Order {
                prompt,
                steps,
                explanation,
            } => (prompt, None, Some(steps), Some(explanation)),
        };
        QuestionWire {
            kind,
            prompt,
            choices,
            steps,
            explanation,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    Order,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Order,
    ];

    /// The tag written in content files: `## [unique] …`.
    pub fn tag(self) -> &'static str {
        match self {
            QuestionKind::Single => "unique",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "vrai-faux",
            QuestionKind::Order => "ordre",
        }
    }

    pub fn from_tag(tag: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.tag() == tag)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub label: String,
    pub correct: bool,
    /// Why this choice is right or wrong. Shown after the learner answers.
    pub explanation: String,
}

/// Every competence's positioning items, in catalogue order: what the file
/// at [`Catalogue::positioning_url`] holds, and what
/// [`ItemBank::new`](crate::positioning::ItemBank::new) takes.
pub type PositioningBank = Vec<(String, Vec<PositioningItem>)>;

/// A question of the positioning test ("Faire le point"), tagged with the
/// level it probes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositioningItem {
    pub level: Level,
    pub question: Question,
}

/// How many bytes of a file's SHA-256 name it: content files
/// (`content/<id>-<hash>.json`) and the service worker's precache manifest
/// use the first 8, in lowercase hex (16 digits, the length of Trunk's own
/// file hashes, so one rule recognises both). The hashing itself is done by
/// the build tools (the core has no SHA-256); this is the one place that
/// says how long a short hash is and how it is written.
pub const SHORT_HASH_BYTES: usize = 8;

/// The short hash of a file, from its SHA-256 digest.
pub fn short_hash_hex(sha256: &[u8]) -> String {
    sha256
        .iter()
        .take(SHORT_HASH_BYTES)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `text` is written as a short hash: `2 × SHORT_HASH_BYTES`
/// lowercase hex digits.
pub fn is_short_hash(text: &str) -> bool {
    text.len() == 2 * SHORT_HASH_BYTES
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_labels_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::from_label(level.label()), Some(level));
        }
        assert_eq!(Level::from_label("avance"), None, "accents are required");
    }

    #[test]
    fn question_kind_tags_round_trip() {
        for kind in QuestionKind::ALL {
            assert_eq!(QuestionKind::from_tag(kind.tag()), Some(kind));
        }
        assert_eq!(QuestionKind::from_tag("choix"), None);
    }

    #[test]
    fn questions_serialise_with_a_type_tag() {
        let q = Question::TrueFalse {
            prompt: "Le cadenas suffit.".into(),
            choices: vec![],
        };
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.starts_with(r#"{"type":"true-false""#), "{json}");
    }

    /// The JSON every compiled content file holds, pinned: one flat object
    /// per question, `type` first, only the fields of its type.
    #[test]
    fn questions_keep_their_json_shape() {
        let single = Question::Single {
            prompt: "Où ?".into(),
            choices: vec![Choice {
                label: "Ici".into(),
                correct: true,
                explanation: "Oui.".into(),
            }],
        };
        let order = Question::Order {
            prompt: "Dans l'ordre".into(),
            steps: vec!["Un".into(), "Deux".into()],
            explanation: "Un puis deux.".into(),
        };
        let single_json = r#"{"type":"single","prompt":"Où ?","choices":[{"label":"Ici","correct":true,"explanation":"Oui."}]}"#;
        let order_json = r#"{"type":"order","prompt":"Dans l'ordre","steps":["Un","Deux"],"explanation":"Un puis deux."}"#;
        assert_eq!(serde_json::to_string(&single).unwrap(), single_json);
        assert_eq!(serde_json::to_string(&order).unwrap(), order_json);
        assert_eq!(
            serde_json::from_str::<Question>(single_json).unwrap(),
            single
        );
        assert_eq!(serde_json::from_str::<Question>(order_json).unwrap(), order);
        // Fields in another order read the same.
        let reordered = r#"{"explanation":"Un puis deux.","steps":["Un","Deux"],"prompt":"Dans l'ordre","type":"order"}"#;
        assert_eq!(serde_json::from_str::<Question>(reordered).unwrap(), order);
    }

    #[test]
    fn a_question_without_the_fields_of_its_type_is_refused_by_name() {
        let error =
            serde_json::from_str::<Question>(r#"{"type":"order","prompt":"P","choices":[]}"#)
                .unwrap_err()
                .to_string();
        assert!(error.contains("without its `steps`"), "{error}");
        assert!(serde_json::from_str::<Question>(r#"{"type":"essay","prompt":"P"}"#).is_err());
    }

    #[test]
    fn short_hashes() {
        let digest: Vec<u8> = (0..32).map(|i| i * 8).collect();
        assert_eq!(short_hash_hex(&digest), "0008101820283038");
        assert!(is_short_hash(&short_hash_hex(&digest)));
        for bad in [
            "",
            "0008101820",
            "00081018202830380",
            "000810182028303G",
            "000810182028303A",
        ] {
            assert!(!is_short_hash(bad), "{bad:?}");
        }
    }
}

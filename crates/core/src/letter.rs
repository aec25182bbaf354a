//! "Ma lettre": the spontaneous application letter ("candidature
//! spontanée") a learner writes to a company that has not published an offer.
//!
//! The learner fills in three short parts, following the classic French
//! "vous – moi – nous" plan: why this company (*vous*), what I bring (*moi*),
//! when I can start and a request for an interview (*nous*). From them and
//! the CV:
//! - [`compose`] lays out the letter (sender, recipient, place and date,
//!   subject, salutation, paragraphs, closing formula, signature). The
//!   paragraphs are the learner's own words, only tidied: the app never
//!   invents content about the learner;
//! - [`coach`] reads the letter the way a benevolent recruiter would and
//!   returns a list of [`LetterAdvice`], problems first, in page order;
//! - [`email_draft`] writes the short e-mail that carries the CV and the
//!   letter as attachments.
//!
//! Everything here is pure: no clock (today's date is a parameter, see
//! [`french_date`]), no I/O, no browser. The rules that judge the tone are
//! data ([`FAMILIAR`], [`TUTOIEMENT`], [`ACRONYMS`], [`SMILEYS`]) so they can
//! grow without touching the logic.

use serde::{Deserialize, Serialize};

use crate::cv::{normalize_phone, AdviceLevel, Cv, MonthYear, Target};

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

/// A learner's spontaneous application letter, as saved on the phone.
///
/// `#[serde(default)]` like the CV: a letter saved by an older version of
/// the app (with fewer fields) still loads, and unknown fields from a newer
/// version are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Letter {
    /// The company written to ("Boulangerie Martin").
    pub company: String,
    /// Optional: the person written to, with a civility when known
    /// ("Mme Durand", "M. Martin"). It decides the salutation ("Madame,").
    pub contact_name: String,
    pub company_city: String,
    /// The job sought ("poste visé"), in the subject line.
    pub job: String,
    /// Part "vous": why this company.
    pub why_them: String,
    /// Part "moi": what the learner brings (qualities, experiences).
    pub what_i_bring: String,
    /// Part "nous": when the learner can start, how (full time, part time…).
    pub availability: String,
    pub closing: Closing,
}

/// The closing formula ("formule de politesse"), from the most classic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Closing {
    /// "Je vous prie d'agréer, …, l'expression de mes salutations
    /// distinguées.": the one every recruiter expects.
    #[default]
    Distinguees,
    /// "Veuillez agréer, …, l'expression de mes salutations respectueuses."
    Respectueuses,
    /// "Je vous prie de recevoir, …, mes sincères salutations.": a little
    /// warmer, fine for a small business.
    Sinceres,
}

impl Closing {
    /// Every formula, in the order the app offers them.
    pub const ALL: [Closing; 3] = [
        Closing::Distinguees,
        Closing::Respectueuses,
        Closing::Sinceres,
    ];

    /// The short French label of the app's picker.
    pub fn label(self) -> &'static str {
        match self {
            Closing::Distinguees => "Salutations distinguées (la plus courante)",
            Closing::Respectueuses => "Salutations respectueuses",
            Closing::Sinceres => "Sincères salutations",
        }
    }

    /// The formula for an unknown recipient ("Madame, Monsieur,").
    pub fn text(self) -> String {
        self.text_for(Civility::Unknown)
    }

    /// The formula, addressing the recipient as the salutation does
    /// (a French letter repeats it in the closing).
    pub fn text_for(self, civility: Civility) -> String {
        let address = civility.address();
        match self {
            Closing::Distinguees => format!(
                "Je vous prie d'agréer, {address} l'expression de mes salutations distinguées."
            ),
            Closing::Respectueuses => {
                format!("Veuillez agréer, {address} l'expression de mes salutations respectueuses.")
            }
            Closing::Sinceres => {
                format!("Je vous prie de recevoir, {address} mes sincères salutations.")
            }
        }
    }
}

/// How to address the recipient, read from [`Letter::contact_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Civility {
    Madame,
    Monsieur,
    /// No contact, or a contact without civility ("Claire Durand",
    /// "Service RH"): a first name does not tell, so "Madame, Monsieur,".
    #[default]
    Unknown,
}

impl Civility {
    /// Reads the civility at the start of a contact: "Mme", "Madame",
    /// "Mlle", "Mademoiselle" (all addressed "Madame" today), "M.", "M",
    /// "Mr", "Monsieur". Any case, with or without a dot.
    pub fn of_contact(contact_name: &str) -> Civility {
        let first = contact_name
            .trim()
            .split(|c: char| c.is_whitespace() || c == '.')
            .next()
            .unwrap_or("");
        match fold_lower(first).as_str() {
            "mme" | "madame" | "mlle" | "mademoiselle" => Civility::Madame,
            "m" | "mr" | "monsieur" => Civility::Monsieur,
            _ => Civility::Unknown,
        }
    }

    /// The salutation: "Madame,", "Monsieur," or "Madame, Monsieur,".
    /// French usage never adds the name ("Madame Durand," is a mistake).
    pub fn address(self) -> &'static str {
        match self {
            Civility::Madame => "Madame,",
            Civility::Monsieur => "Monsieur,",
            Civility::Unknown => "Madame, Monsieur,",
        }
    }
}

// ---------------------------------------------------------------------------
// Dates and places
// ---------------------------------------------------------------------------

/// A date as a French letter writes it: "3 mars 2025", "1er mars 2025"
/// (the first of the month is "premier"). The day is printed as given if it
/// is 1 to 31; an impossible month, day or year (outside 1900 to 2100) falls
/// back to the numeric form "03/13/2025" rather than failing.
pub fn french_date(day: u8, month: u8, year: u16) -> String {
    match MonthYear::new(year, month) {
        Some(month) if (1..=31).contains(&day) => {
            let suffix = if day == 1 { "er" } else { "" };
            format!("{day}{suffix} {}", month.label())
        }
        _ => format!("{day:02}/{month:02}/{year}"),
    }
}

/// The place-and-date line: `place_date("Lyon", "3 mars 2025")` is
/// "À Lyon, le 3 mars 2025". Cities starting with "Le" or "Les" take the
/// contracted article: "Au Havre", "Aux Ulis". Without a city: "Le 3 mars
/// 2025". The app passes the result to [`compose`].
pub fn place_date(city: &str, date: &str) -> String {
    let city = city.trim();
    let date = date.trim();
    let place = if city.is_empty() {
        String::new()
    } else {
        match city.split_once(' ') {
            Some((article, rest)) if article.eq_ignore_ascii_case("les") => format!("Aux {rest}"),
            Some((article, rest)) if article.eq_ignore_ascii_case("le") => format!("Au {rest}"),
            _ => format!("À {city}"),
        }
    };
    match (place.is_empty(), date.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("Le {date}"),
        (false, true) => place,
        (false, false) => format!("{place}, le {date}"),
    }
}

// ---------------------------------------------------------------------------
// Composing the letter
// ---------------------------------------------------------------------------

/// The letter laid out, block by block, for the screen and the PDF.
/// Empty lines are left out of the line lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComposedLetter {
    /// Top left: name, phone, e-mail, city, from the CV.
    pub sender_lines: Vec<String>,
    /// Below, on the right: company, contact, city.
    pub recipient_lines: Vec<String>,
    /// "À Lyon, le 3 mars 2025".
    pub place_date: String,
    /// "Objet : Candidature spontanée – Vendeuse".
    pub subject: String,
    /// "Madame, Monsieur,".
    pub salutation: String,
    /// Vous, moi, nous: the learner's own words, tidied.
    pub paragraphs: Vec<String>,
    pub closing: String,
    /// The learner's first and last name.
    pub signature: String,
}

impl ComposedLetter {
    /// The whole letter as plain text, blocks separated by a blank line
    /// (for copying into a message, and for tests).
    pub fn to_text(&self) -> String {
        let mut blocks: Vec<String> = vec![
            self.sender_lines.join("\n"),
            self.recipient_lines.join("\n"),
            self.place_date.clone(),
            self.subject.clone(),
            self.salutation.clone(),
        ];
        blocks.extend(self.paragraphs.iter().cloned());
        blocks.push(self.closing.clone());
        blocks.push(self.signature.clone());
        blocks.retain(|block| !block.is_empty());
        blocks.join("\n\n")
    }
}

/// The sentence that ends the "nous" part, unless the learner already asks
/// for an interview. A formula, like the closing: it says nothing about the
/// learner, and is gender-neutral.
pub const INTERVIEW_REQUEST: &str =
    "Je me tiens à votre disposition pour un entretien, à la date qui vous conviendra.";

/// Lays out the letter.
///
/// `city_and_date` is the place-and-date line, ready to print: build it
/// with [`place_date`] and [`french_date`] from the learner's city and
/// today's date (the core has no clock). It is printed as given, trimmed.
///
/// The paragraphs follow the "vous – moi – nous" plan. Each part is the
/// learner's text, only tidied: spaces and line breaks straightened, a
/// capital letter at the start, a full stop at the end if there is no
/// final punctuation; a blank line in a part starts a new paragraph. An
/// empty part gives no paragraph. The last paragraph ends with
/// [`INTERVIEW_REQUEST`] unless the learner already mentions an interview
/// ("entretien", "rencontrer").
pub fn compose(letter: &Letter, cv: &Cv, city_and_date: &str) -> ComposedLetter {
    let civility = Civility::of_contact(&letter.contact_name);
    let identity = &cv.identity;
    let sender_lines = non_blank(vec![
        full_name(cv),
        phone(cv),
        identity.email.trim().to_string(),
        identity.city.trim().to_string(),
    ]);
    let contact = letter.contact_name.trim();
    let contact_line = if contact.is_empty() || civility == Civility::Unknown {
        contact.to_string()
    } else {
        format!("À l'attention de {contact}")
    };
    let recipient_lines = non_blank(vec![
        letter.company.trim().to_string(),
        contact_line,
        letter.company_city.trim().to_string(),
    ]);

    let mut paragraphs = tidy_paragraphs(&letter.why_them);
    paragraphs.extend(tidy_paragraphs(&letter.what_i_bring));
    let mut nous = tidy_paragraphs(&letter.availability);
    let folded = fold_lower(&letter.availability);
    if !(folded.contains("entretien") || folded.contains("rencontrer")) {
        match nous.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(INTERVIEW_REQUEST);
            }
            None => nous.push(INTERVIEW_REQUEST.to_string()),
        }
    }
    paragraphs.extend(nous);

    ComposedLetter {
        sender_lines,
        recipient_lines,
        place_date: city_and_date.trim().to_string(),
        subject: subject(&letter.job),
        salutation: civility.address().to_string(),
        paragraphs,
        closing: letter.closing.text_for(civility),
        signature: full_name(cv),
    }
}

/// "Objet : Candidature spontanée – Vendeuse".
fn subject(job: &str) -> String {
    let job = job.trim();
    if job.is_empty() {
        "Objet\u{a0}: Candidature spontanée".into()
    } else {
        format!("Objet\u{a0}: Candidature spontanée – {job}")
    }
}

/// The paragraphs of one part: split on blank lines, spaces straightened
/// (non-breaking spaces are kept: they are typography), capitalised, and
/// ended with a full stop when the learner left no final punctuation.
fn tidy_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut flush = |words: &mut Vec<&str>| {
        let joined = words.join(" ");
        let paragraph = joined.trim();
        if !paragraph.is_empty() {
            let mut chars = paragraph.chars();
            let mut tidy: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            tidy.push_str(chars.as_str());
            if !tidy.ends_with(['.', '!', '?', '…', '»', '"']) {
                tidy.push('.');
            }
            out.push(tidy);
        }
        words.clear();
    };
    for line in text.lines() {
        if blank(line) {
            flush(&mut words);
        } else {
            words.extend(line.split([' ', '\t', '\r']).filter(|w| !w.is_empty()));
        }
    }
    flush(&mut words);
    out
}

fn full_name(cv: &Cv) -> String {
    let id = &cv.identity;
    non_blank(vec![
        id.first_name.trim().to_string(),
        id.last_name.trim().to_string(),
    ])
    .join(" ")
}

/// The CV's phone, written "06 12 34 56 78" when it is valid, as typed
/// otherwise (the CV coach already speaks about it).
fn phone(cv: &Cv) -> String {
    let phone = cv.identity.phone.trim();
    normalize_phone(phone).unwrap_or_else(|_| phone.to_string())
}

fn non_blank(lines: Vec<String>) -> Vec<String> {
    lines.into_iter().filter(|line| !line.is_empty()).collect()
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

// ---------------------------------------------------------------------------
// Advice
// ---------------------------------------------------------------------------

/// One piece of advice from [`coach`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterAdvice {
    /// What the advice is about, so the app can show it next to that field.
    pub target: LetterTarget,
    pub level: AdviceLevel,
    /// What the coach noticed, in plain French.
    pub message: String,
    /// An example sentence or a replacement, when there is one.
    pub suggestion: Option<String>,
    /// The id of a competence whose lesson helps, to link to it.
    pub lesson: Option<&'static str>,
}

/// What a [`LetterAdvice`] is about, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterTarget {
    /// A field of the CV the letter takes from (the name, the contact):
    /// the app links to it.
    Cv(Target),
    Company,
    Job,
    WhyThem,
    WhatIBring,
    Availability,
    /// The letter as a whole (its length).
    Whole,
}

/// The competence ids the advice links to (see `content/domains.toml`).
const LESSON_SPONTANEOUS: &str = "emploi-candidature-spontanee";
const LESSON_EMAIL: &str = "emploi-candidature-email";
const LESSON_CV: &str = "emploi-cv";

/// Below this many words, the "vous" and "moi" parts are too thin to
/// convince: a recruiter wants a concrete example.
pub const MIN_PART_WORDS: usize = 15;
/// Above this many words, one part is too long to be read.
pub const MAX_PART_WORDS: usize = 120;
/// Above this many words in the three parts, the letter no longer fits on
/// one page with its header and formulas.
pub const MAX_LETTER_WORDS: usize = 350;

/// Example sentences, shown when a part is missing or too short.
const EXAMPLE_WHY_THEM: &str =
    "Par exemple\u{a0}: «\u{a0}Je connais votre magasin depuis longtemps. \
     J'apprécie l'accueil de vos équipes et la qualité de vos produits.\u{a0}»";
const EXAMPLE_WHAT_I_BRING: &str = "Par exemple\u{a0}: «\u{a0}Pendant mon stage en boulangerie, \
     j'ai appris à servir les clients avec le sourire et à tenir la caisse.\u{a0}»";
const EXAMPLE_AVAILABILITY: &str = "Par exemple\u{a0}: «\u{a0}Je suis disponible dès maintenant, \
     à temps plein ou à temps partiel.\u{a0}»";

impl LetterAdvice {
    fn problem(target: LetterTarget, message: impl Into<String>) -> LetterAdvice {
        LetterAdvice {
            target,
            level: AdviceLevel::Problem,
            message: message.into(),
            suggestion: None,
            lesson: None,
        }
    }

    fn suggestion(target: LetterTarget, message: impl Into<String>) -> LetterAdvice {
        LetterAdvice {
            level: AdviceLevel::Suggestion,
            ..LetterAdvice::problem(target, message)
        }
    }

    fn with_suggestion(self, suggestion: impl Into<String>) -> LetterAdvice {
        LetterAdvice {
            suggestion: Some(suggestion.into()),
            ..self
        }
    }

    fn with_lesson(self, lesson: &'static str) -> LetterAdvice {
        LetterAdvice {
            lesson: Some(lesson),
            ..self
        }
    }
}

/// The three parts of the letter, in page order.
fn parts(letter: &Letter) -> [(LetterTarget, &str); 3] {
    [
        (LetterTarget::WhyThem, letter.why_them.as_str()),
        (LetterTarget::WhatIBring, letter.what_i_bring.as_str()),
        (LetterTarget::Availability, letter.availability.as_str()),
    ]
}

/// Reads a letter (and the CV it takes the sender from) and says what to
/// fix and what would make it stronger. Ordered problems first, then in
/// page order (CV, company, job, vous, moi, nous, whole letter). A complete,
/// well-written letter gets an empty list.
///
/// The rules, and why:
/// - A name missing from the CV (the signature), or a CV with neither phone
///   nor e-mail (the recruiter cannot answer): problems, linked to the CV.
/// - No company or no job: problems. A spontaneous application is written
///   to one company, for one job.
/// - A missing part: a suggestion each, with an example sentence.
/// - "Vous" and "moi" under [`MIN_PART_WORDS`]: a suggestion (the "nous"
///   part is often one sentence, and that is fine). Any part over
///   [`MAX_PART_WORDS`], or all three over [`MAX_LETTER_WORDS`]: a
///   suggestion, the letter should fit on one page.
/// - Tone, see [`tone_issues`]: familiar words, SMS spelling and "tu" are
///   problems (a recruiter may stop reading); capitals, "!!!", stretched
///   words and emojis are suggestions. Only the learner's own texts are
///   read: the company's name is not the learner's to change.
pub fn coach(letter: &Letter, cv: &Cv) -> Vec<LetterAdvice> {
    let mut out = Vec::new();
    cv_advice(cv, &mut out);
    if blank(&letter.company) {
        out.push(
            LetterAdvice::problem(
                LetterTarget::Company,
                "Écrivez le nom de l'entreprise. Une candidature spontanée s'adresse \
                 à une entreprise précise.",
            )
            .with_lesson(LESSON_SPONTANEOUS),
        );
    }
    if blank(&letter.job) {
        let mut advice = LetterAdvice::problem(
            LetterTarget::Job,
            "Écrivez le poste que vous visez. Il apparaît dans l'objet de la lettre. \
             Par exemple\u{a0}: «\u{a0}Vendeuse\u{a0}».",
        )
        .with_lesson(LESSON_SPONTANEOUS);
        if !blank(&cv.title) {
            advice = advice.with_suggestion(format!(
                "Sur votre CV, vous cherchez un poste de «\u{a0}{}\u{a0}». Vous pouvez le reprendre.",
                cv.title.trim()
            ));
        }
        out.push(advice);
    }

    let names = known_names(letter, cv);
    let mut total = 0;
    for (target, text) in parts(letter) {
        if blank(text) {
            out.push(missing_part(target, cv));
            continue;
        }
        let words = word_count(text);
        total += words;
        if words < MIN_PART_WORDS && target != LetterTarget::Availability {
            out.push(
                LetterAdvice::suggestion(
                    target,
                    "Cette partie est un peu courte. Ajoutez un exemple concret, \
                     en deux ou trois phrases.",
                )
                .with_suggestion(example(target))
                .with_lesson(LESSON_SPONTANEOUS),
            );
        } else if words > MAX_PART_WORDS {
            out.push(
                LetterAdvice::suggestion(
                    target,
                    format!(
                        "Cette partie est longue\u{a0}: {words} mots. Un recruteur lit vite. \
                         Gardez l'essentiel, en {MAX_PART_WORDS} mots au plus."
                    ),
                )
                .with_lesson(LESSON_SPONTANEOUS),
            );
        }
        let issues = tone_issues(text, &names);
        if !issues.is_empty() {
            out.push(tone_advice(target, &issues));
        }
    }
    if total > MAX_LETTER_WORDS {
        out.push(
            LetterAdvice::suggestion(
                LetterTarget::Whole,
                "Votre lettre risque de dépasser une page. Un recruteur lit vite. \
                 Gardez l'essentiel de chaque partie.",
            )
            .with_lesson(LESSON_SPONTANEOUS),
        );
    }
    out.sort_by_key(|advice| (advice.level, position(advice.target)));
    out
}

fn cv_advice(cv: &Cv, out: &mut Vec<LetterAdvice>) {
    let id = &cv.identity;
    let name = match (blank(&id.first_name), blank(&id.last_name)) {
        (true, true) => Some((
            Target::FirstName,
            "Votre prénom et votre nom manquent sur votre CV. \
             La lettre les reprend pour la signature. Complétez votre CV.",
        )),
        (true, false) => Some((
            Target::FirstName,
            "Votre prénom manque sur votre CV. \
             La lettre le reprend pour la signature. Complétez votre CV.",
        )),
        (false, true) => Some((
            Target::LastName,
            "Votre nom de famille manque sur votre CV. \
             La lettre le reprend pour la signature. Complétez votre CV.",
        )),
        (false, false) => None,
    };
    if let Some((target, message)) = name {
        out.push(LetterAdvice::problem(LetterTarget::Cv(target), message).with_lesson(LESSON_CV));
    }
    if blank(&id.phone) && blank(&id.email) {
        out.push(
            LetterAdvice::problem(
                LetterTarget::Cv(Target::Phone),
                "Votre CV n'a ni numéro de téléphone ni adresse e-mail. \
                 Le recruteur ne pourra pas vous répondre. Complétez votre CV.",
            )
            .with_lesson(LESSON_CV),
        );
    }
}

fn missing_part(target: LetterTarget, cv: &Cv) -> LetterAdvice {
    let message = match target {
        LetterTarget::WhyThem => "Expliquez pourquoi cette entreprise vous plaît. \
             C'est la partie «\u{a0}vous\u{a0}» de la lettre."
            .to_string(),
        LetterTarget::WhatIBring => {
            let mut message = String::from(
                "Dites ce que vous pouvez apporter\u{a0}: vos qualités, ce que vous avez appris \
                 en stage, en mission ou en bénévolat. C'est la partie «\u{a0}moi\u{a0}» de la lettre.",
            );
            let role = cv
                .experiences
                .iter()
                .map(|e| e.role.trim())
                .find(|r| !r.is_empty());
            if let Some(role) = role {
                message.push_str(&format!(
                    " Votre CV parle de «\u{a0}{role}\u{a0}»\u{a0}: racontez ce que vous y avez appris."
                ));
            }
            message
        }
        _ => "Dites quand vous pouvez commencer. \
             C'est la partie «\u{a0}nous\u{a0}» de la lettre."
            .to_string(),
    };
    LetterAdvice::suggestion(target, message)
        .with_suggestion(example(target))
        .with_lesson(LESSON_SPONTANEOUS)
}

fn example(target: LetterTarget) -> &'static str {
    match target {
        LetterTarget::WhyThem => EXAMPLE_WHY_THEM,
        LetterTarget::WhatIBring => EXAMPLE_WHAT_I_BRING,
        _ => EXAMPLE_AVAILABILITY,
    }
}

fn tone_advice(target: LetterTarget, issues: &[ToneIssue]) -> LetterAdvice {
    let mut message =
        String::from("Une lettre de motivation est un document professionnel. Gardez un ton poli.");
    for issue in issues {
        message.push(' ');
        message.push_str(&issue.message());
    }
    let advice = if issues.iter().any(ToneIssue::is_serious) {
        LetterAdvice::problem(target, message)
    } else {
        LetterAdvice::suggestion(target, message)
    };
    advice.with_lesson(LESSON_SPONTANEOUS)
}

/// Proper names the learner may rightly write in capitals: the company,
/// and the employers and schools of the CV.
fn known_names<'a>(letter: &'a Letter, cv: &'a Cv) -> Vec<&'a str> {
    std::iter::once(letter.company.as_str())
        .chain(cv.experiences.iter().map(|e| e.employer.as_str()))
        .chain(cv.education.iter().map(|e| e.school.as_str()))
        .collect()
}

fn position(target: LetterTarget) -> u8 {
    match target {
        LetterTarget::Cv(_) => 0,
        LetterTarget::Company => 1,
        LetterTarget::Job => 2,
        LetterTarget::WhyThem => 3,
        LetterTarget::WhatIBring => 4,
        LetterTarget::Availability => 5,
        LetterTarget::Whole => 6,
    }
}

/// The words of a text, as a reader counts them: runs between spaces that
/// hold at least one letter or digit ("J'ai" is one word, "–" none).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

// ---------------------------------------------------------------------------
// Tone
// ---------------------------------------------------------------------------

/// Why a passage does not sound like a letter to a recruiter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ToneIssue {
    /// An entry of [`FAMILIAR`]: a familiar word or SMS spelling.
    Familiar(&'static str),
    /// "tu", "toi", "t'as"…: a recruiter is always addressed as "vous".
    Tutoiement,
    /// A word with a letter repeated three times ("merciii"); the word.
    Stretched(String),
    /// Words in capitals, which read as shouting; the first such run.
    Shouting(String),
    /// "!!!", "?!": more than one mark in a row.
    Exclamations,
    /// An emoji or a smiley (see [`SMILEYS`]).
    Emoji,
}

impl ToneIssue {
    /// Whether the issue is a [`AdviceLevel::Problem`]: familiar words and
    /// "tu" may make a recruiter stop reading.
    pub fn is_serious(&self) -> bool {
        matches!(self, ToneIssue::Familiar(_) | ToneIssue::Tutoiement)
    }

    /// What to tell the learner, in plain French.
    pub fn message(&self) -> String {
        match self {
            ToneIssue::Familiar(word) => {
                let instead = FAMILIAR
                    .iter()
                    .find(|(w, _)| w == word)
                    .map_or("", |&(_, instead)| instead);
                if instead.is_empty() {
                    format!(
                        "«\u{a0}{word}\u{a0}» s'écrit entre amis, pas dans une lettre. Retirez-le."
                    )
                } else {
                    format!(
                        "«\u{a0}{word}\u{a0}» s'écrit entre amis, pas dans une lettre. \
                         Écrivez plutôt «\u{a0}{instead}\u{a0}»."
                    )
                }
            }
            ToneIssue::Tutoiement => {
                "Dans une lettre, on dit toujours «\u{a0}vous\u{a0}» au recruteur, \
                 jamais «\u{a0}tu\u{a0}»."
                    .into()
            }
            ToneIssue::Stretched(word) => format!(
                "«\u{a0}{word}\u{a0}»\u{a0}: une lettre répétée fait penser à un SMS. \
                 Écrivez le mot normalement."
            ),
            ToneIssue::Shouting(words) => format!(
                "«\u{a0}{words}\u{a0}» est écrit en majuscules. À l'écrit, cela donne \
                 l'impression de crier. Écrivez en minuscules."
            ),
            ToneIssue::Exclamations => "Évitez «\u{a0}!!!\u{a0}» ou «\u{a0}?!\u{a0}». \
                 Dans une lettre, un seul signe suffit."
                .into(),
            ToneIssue::Emoji => "Les émojis et les smileys sont pour les messages entre amis. \
                 Retirez-les de la lettre."
                .into(),
        }
    }
}

/// Familiar words and SMS spellings, with what to write instead ("" when
/// the word should simply go). Matched as whole words, any case, accents
/// optional (so "bosse" also catches "bossé", and entries must differ
/// without their accents); an entry of several words matches them in a row, and an
/// apostrophe separates words ("j'suis" is "j" then "suis").
pub const FAMILIAR: &[(&str, &str)] = &[
    // Greetings and goodbyes between friends.
    ("salut", "Madame, Monsieur"),
    ("coucou", "Madame, Monsieur"),
    ("slt", "Madame, Monsieur"),
    ("cc", "Madame, Monsieur"),
    ("bjr", "Madame, Monsieur"),
    ("wesh", ""),
    ("bisous", ""),
    ("bises", ""),
    ("biz", ""),
    ("tchao", ""),
    // SMS spelling.
    ("stp", "s'il vous plaît"),
    ("svp", "s'il vous plaît"),
    ("jsuis", "je suis"),
    ("chuis", "je suis"),
    ("j'suis", "je suis"),
    ("jpeux", "je peux"),
    ("jveux", "je veux"),
    ("bcp", "beaucoup"),
    ("pcq", "parce que"),
    ("pck", "parce que"),
    ("pk", "pourquoi"),
    ("vrmt", "vraiment"),
    ("mtn", "maintenant"),
    ("tjrs", "toujours"),
    ("tjs", "toujours"),
    ("dsl", "désolé"),
    ("jsp", ""),
    ("tkt", ""),
    ("mdr", ""),
    ("ptdr", ""),
    ("lol", ""),
    ("jpp", ""),
    ("oklm", ""),
    // Familiar words.
    ("ouf", "impressionnant"),
    ("trop bien", "très intéressant"),
    ("trop cool", "très agréable"),
    ("trop hâte", "j'ai hâte"),
    ("trop envie", "très envie"),
    ("dispo", "disponible"),
    ("ouais", "oui"),
    ("nan", "non"),
    ("kiffe", "j'aime"),
    ("kiffer", "aimer"),
    ("kif", ""),
    ("boulot", "travail"),
    ("taf", "travail"),
    ("bosser", "travailler"),
    ("bosse", "travailler"),
    ("boss", "responsable"),
    ("cool", "agréable"),
    ("sympa", "agréable"),
    ("truc", "chose"),
    ("fringues", "vêtements"),
    ("bouffe", "nourriture"),
    ("mec", ""),
    ("chanmé", ""),
    ("stylé", ""),
];

/// Forms of "tu", matched like [`FAMILIAR`] (so "tuteur" and "statut" are
/// not concerned).
pub const TUTOIEMENT: &[&str] = &["tu", "toi", "t'es", "t'as", "t'étais"];

/// Acronyms learners rightly write in capitals (diplomas, contracts,
/// institutions). Short capital words (under five letters) are never taken
/// for shouting anyway; this list is for the longer ones, and for two in a
/// row ("BAC PRO").
pub const ACRONYMS: &[&str] = &[
    "cap", "bep", "bts", "bac", "pro", "dut", "but", "cqp", "bp", "bpjeps", "bafa", "bafd",
    "caces", "sst", "psc", "haccp", "cdi", "cdd", "cv", "rh", "drh", "pme", "tpe", "sncf", "ratp",
    "ehpad", "caf", "iut", "afpa", "greta", "toeic", "delf", "dalf", "fle", "smic", "sav", "btp",
    "vtc", "epide", "cfa", "esat", "mjc", "ssiap", "bnssa", "deaes", "deas", "aepe", "mco", "ndrc",
    "gpme", "sio", "ciel", "mmv", "ue", "usa",
];

/// Smileys typed with signs. A smiley that starts or ends with a letter
/// ("xD", ":p") only counts apart from other letters ("Horaires:Plein").
pub const SMILEYS: &[&str] = &[
    ":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":p", ":P", ":-p", ":-P", "<3", "^^", "xD",
    "XD", ":'(",
];

/// A word of a text: its letters as written, and folded for matching.
struct Word<'a> {
    text: &'a str,
    folded: String,
}

/// The words of a text: runs of letters and digits. Apostrophes, hyphens
/// and every other sign separate words.
fn words(text: &str) -> Vec<Word<'_>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|text| Word {
            text,
            folded: fold_lower(text),
        })
        .collect()
}

/// Where `phrase` (one or more words) first occurs in `words`, as whole words.
fn find_phrase(words: &[Word<'_>], phrase: &str) -> Option<usize> {
    let phrase: Vec<String> = self::words(phrase).into_iter().map(|w| w.folded).collect();
    if phrase.is_empty() {
        return None;
    }
    words
        .windows(phrase.len())
        .position(|window| window.iter().zip(&phrase).all(|(w, p)| w.folded == *p))
}

/// What makes a passage sound familiar, in this order: familiar words (in
/// the order they appear, each once), "tu", a stretched word, capitals,
/// repeated marks, emojis. Empty for a passage in a letter's tone.
///
/// `names` are proper names the learner may rightly write (the company,
/// former employers, schools): their words never count as shouting, and a
/// familiar entry found in one ("Hugo Boss") is not reported.
///
/// Capitals count as shouting for a word of five letters or more, a word
/// with an accent ("TRÈS"), or two capital words in a row ("JE SUIS"),
/// leaving out [`ACRONYMS`], words of `names`, words with digits and
/// single letters. Short capital words alone ("IKEA", "LOL") are taken for
/// acronyms: the cost of a wrong warning is higher than of a missed one.
pub fn tone_issues(text: &str, names: &[&str]) -> Vec<ToneIssue> {
    let words = words(text);
    let names: Vec<Vec<Word<'_>>> = names.iter().map(|name| self::words(name)).collect();
    let mut out = Vec::new();

    let mut familiar: Vec<(usize, &'static str)> = FAMILIAR
        .iter()
        .filter(|&&(entry, _)| !names.iter().any(|name| find_phrase(name, entry).is_some()))
        .filter_map(|&(entry, _)| find_phrase(&words, entry).map(|at| (at, entry)))
        .collect();
    familiar.sort_by_key(|&(at, _)| at);
    out.extend(
        familiar
            .into_iter()
            .map(|(_, entry)| ToneIssue::Familiar(entry)),
    );

    if TUTOIEMENT
        .iter()
        .any(|form| find_phrase(&words, form).is_some())
    {
        out.push(ToneIssue::Tutoiement);
    }

    if let Some(word) = words.iter().find(|w| stretched(w.text)) {
        out.push(ToneIssue::Stretched(word.text.to_string()));
    }

    if let Some(run) = shouting(&words, &names) {
        out.push(ToneIssue::Shouting(run));
    }

    if repeated_marks(text) {
        out.push(ToneIssue::Exclamations);
    }

    if text.chars().any(is_emoji) || has_smiley(text) {
        out.push(ToneIssue::Emoji);
    }
    out
}

/// The same lowercase letter three times in a row ("merciii"). Capitals
/// are left out ("XIII" is a number), and "w" ("www").
fn stretched(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_lowercase() && w[0] != 'w')
}

/// The first run of shouted words, joined by spaces.
fn shouting(words: &[Word<'_>], names: &[Vec<Word<'_>>]) -> Option<String> {
    let name_words: Vec<&str> = names.iter().flatten().map(|w| w.folded.as_str()).collect();
    let is_capital = |w: &Word<'_>| {
        let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && w.text
                .chars()
                .all(|c| c.is_alphabetic() && c.is_uppercase())
            && !ACRONYMS.contains(&w.folded.as_str())
            && !name_words.contains(&w.folded.as_str())
    };
    let mut run: Vec<&str> = Vec::new();
    let shouts = |run: &[&str]| match run {
        [] => false,
        [word] => word.chars().count() >= 5 || !word.is_ascii(),
        _ => true,
    };
    for word in words {
        if is_capital(word) {
            run.push(word.text);
        } else {
            if shouts(&run) {
                return Some(run.join(" "));
            }
            run.clear();
        }
    }
    shouts(&run).then(|| run.join(" "))
}

/// Two or more "!" or "?" in a row, spaces between them allowed ("!!!",
/// "?!", "! !").
fn repeated_marks(text: &str) -> bool {
    let mut marks = 0;
    for c in text.chars() {
        if c == '!' || c == '?' {
            marks += 1;
            if marks >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            marks = 0;
        }
    }
    false
}

/// Pictographs: the emoji blocks, miscellaneous symbols and dingbats.
fn is_emoji(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50..=0x2B55
    )
}

fn has_smiley(text: &str) -> bool {
    SMILEYS.iter().any(|smiley| {
        text.match_indices(smiley).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + smiley.len()..].chars().next();
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let glued_before = alnum(smiley.chars().next()) && alnum(before);
            let glued_after = alnum(smiley.chars().next_back()) && alnum(after);
            !(glued_before || glued_after)
        })
    })
}

/// Lowercase, with accents and ligatures removed: "Hâte" → "hate".
fn fold_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ä' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

// ---------------------------------------------------------------------------
// The e-mail
// ---------------------------------------------------------------------------

/// The e-mail that carries the application.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmailDraft {
    /// "Candidature spontanée – Vendeuse – Marie Dupont".
    pub subject: String,
    /// A short, polite message: the letter itself goes as an attachment.
    pub body: String,
    /// What to check before sending.
    pub reminder: String,
    /// The competence whose lesson explains how to send it.
    pub lesson: &'static str,
}

/// Writes the e-mail of the application: a subject a recruiter can sort
/// ("Candidature spontanée – job – name"), and a short body pointing to the
/// attached CV and letter, signed with the name and phone of the CV.
pub fn email_draft(letter: &Letter, cv: &Cv) -> EmailDraft {
    let name = full_name(cv);
    let job = letter.job.trim();
    let subject = non_blank(vec![
        "Candidature spontanée".into(),
        job.to_string(),
        name.clone(),
    ])
    .join(" – ");

    let mut request = String::from("Je vous adresse ma candidature spontanée");
    if !job.is_empty() {
        request.push_str(" pour un poste ");
        request.push_str(&de(&lowercase_first(job)));
    }
    let company = letter.company.trim();
    if !company.is_empty() {
        request.push_str(" chez ");
        request.push_str(company);
    }
    request.push('.');

    let mut signature = vec!["Cordialement,".to_string()];
    signature.extend(non_blank(vec![name, phone(cv)]));
    let body = [
        Civility::of_contact(&letter.contact_name)
            .address()
            .to_string(),
        format!("{request}\nVous trouverez en pièces jointes mon CV et ma lettre de motivation."),
        "Je reste à votre disposition pour un entretien.".to_string(),
        signature.join("\n"),
    ]
    .join("\n\n");

    EmailDraft {
        subject,
        body,
        reminder: "Pensez à joindre votre CV et votre lettre en PDF avant d'envoyer.".into(),
        lesson: LESSON_EMAIL,
    }
}

/// "de vendeuse", "d'agent d'accueil", "d'hôtesse de caisse": the
/// preposition elides before a vowel or a (mute) h.
fn de(noun: &str) -> String {
    let first = noun.chars().next().map(|c| fold_lower(&c.to_string()));
    let elides = matches!(
        first.as_deref(),
        Some("a" | "e" | "i" | "o" | "u" | "h" | "oe" | "ae")
    );
    if elides {
        format!("d'{noun}")
    } else {
        format!("de {noun}")
    }
}

/// "Vendeuse" → "vendeuse" inside a sentence; acronyms ("CAP…") are kept.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second)
            if first.is_uppercase() && !second.is_some_and(char::is_uppercase) =>
        {
            let mut out: String = first.to_lowercase().collect();
            out.push_str(&s[first.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::{Education, Experience, Identity};
    use proptest::prelude::*;
    use AdviceLevel::{Problem, Suggestion};

    const WHY: &str = "Je fais mes courses dans votre boulangerie depuis des années. \
        J'apprécie l'accueil de vos équipes et la qualité de vos pains.";
    const BRING: &str = "Pendant mon stage en boulangerie, j'ai appris à servir les clients \
        avec le sourire et à tenir la caisse. Je suis ponctuelle.";
    const WHEN: &str = "Je suis disponible dès maintenant, à temps plein ou à temps partiel.";

    fn complete_letter() -> Letter {
        Letter {
            company: "Boulangerie Martin".into(),
            contact_name: "Mme Durand".into(),
            company_city: "Lyon".into(),
            job: "Vendeuse".into(),
            why_them: WHY.into(),
            what_i_bring: BRING.into(),
            availability: WHEN.into(),
            closing: Closing::default(),
        }
    }

    fn complete_cv() -> Cv {
        Cv {
            identity: Identity {
                first_name: "Marie".into(),
                last_name: "Dupont".into(),
                phone: "0612345678".into(),
                email: "marie.dupont@gmail.com".into(),
                city: "Villeurbanne".into(),
                show_photo: false,
            },
            title: "Vendeuse en boulangerie".into(),
            experiences: vec![Experience {
                id: 1,
                role: "Vendeuse".into(),
                employer: "Boulangerie PAUL".into(),
                ..Experience::default()
            }],
            education: vec![Education {
                id: 2,
                school: "Lycée VOLTAIRE".into(),
                ..Education::default()
            }],
            ..Cv::default()
        }
    }

    /// French typography: a non-breaking space before « : ; ? ! » and
    /// inside « ». Runs of marks ("?!") only need it before the first.
    fn assert_typography(s: &str) {
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            match c {
                ':' | ';' | '?' | '!' | '»' => assert!(
                    prev == Some('\u{a0}')
                        || (matches!(c, '?' | '!') && matches!(prev, Some('?' | '!'))),
                    "no non-breaking space before {c:?} in {s:?}"
                ),
                '«' => assert_eq!(chars.get(i + 1), Some(&'\u{a0}'), "after « in {s:?}"),
                _ => {}
            }
        }
    }

    // ----- Dates and places -----

    #[test]
    fn french_date_table() {
        let cases = [
            ((1, 3, 2025), "1er mars 2025"),
            ((3, 3, 2025), "3 mars 2025"),
            ((1, 1, 2026), "1er janvier 2026"),
            ((2, 2, 2024), "2 février 2024"),
            ((29, 2, 2024), "29 février 2024"),
            ((15, 8, 2025), "15 août 2025"),
            ((31, 12, 2025), "31 décembre 2025"),
            ((11, 11, 2025), "11 novembre 2025"),
            ((21, 4, 2025), "21 avril 2025"),
            ((10, 5, 2025), "10 mai 2025"),
            ((14, 7, 2025), "14 juillet 2025"),
            ((30, 9, 2025), "30 septembre 2025"),
            ((1, 10, 2025), "1er octobre 2025"),
            ((20, 6, 2025), "20 juin 2025"),
            // Impossible input falls back to numbers rather than failing.
            ((3, 13, 2025), "03/13/2025"),
            ((0, 3, 2025), "00/03/2025"),
            ((32, 3, 2025), "32/03/2025"),
            ((3, 3, 1800), "03/03/1800"),
        ];
        for ((day, month, year), expected) in cases {
            assert_eq!(
                french_date(day, month, year),
                expected,
                "{day}/{month}/{year}"
            );
        }
    }

    #[test]
    fn place_date_table() {
        let date = "3 mars 2025";
        let cases = [
            ("Lyon", date, "À Lyon, le 3 mars 2025"),
            ("  Lyon ", " 3 mars 2025 ", "À Lyon, le 3 mars 2025"),
            ("Le Havre", date, "Au Havre, le 3 mars 2025"),
            ("le Mans", date, "Au Mans, le 3 mars 2025"),
            ("Les Ulis", date, "Aux Ulis, le 3 mars 2025"),
            ("La Rochelle", date, "À La Rochelle, le 3 mars 2025"),
            ("Saint-Denis", date, "À Saint-Denis, le 3 mars 2025"),
            ("Lesquin", date, "À Lesquin, le 3 mars 2025"),
            ("", date, "Le 3 mars 2025"),
            ("Lyon", "", "À Lyon"),
            ("", "", ""),
        ];
        for (city, date, expected) in cases {
            assert_eq!(place_date(city, date), expected, "{city:?}");
        }
        assert_eq!(
            place_date("Lyon", &french_date(1, 8, 2025)),
            "À Lyon, le 1er août 2025"
        );
    }

    // ----- Civility and closing -----

    #[test]
    fn civility_table() {
        use Civility::*;
        let cases = [
            ("Mme Durand", Madame),
            ("Madame Durand", Madame),
            ("mme durand", Madame),
            ("Mme. Durand", Madame),
            ("Mlle Roux", Madame),
            ("Mademoiselle Roux", Madame),
            ("M. Martin", Monsieur),
            ("M.Martin", Monsieur),
            ("M Martin", Monsieur),
            ("Mr Martin", Monsieur),
            ("Monsieur Martin", Monsieur),
            ("  MONSIEUR MARTIN ", Monsieur),
            // A first name does not tell: never guess.
            ("Marc Dupont", Unknown),
            ("Mathilde Roux", Unknown),
            ("Claire Durand", Unknown),
            ("Service RH", Unknown),
            ("Mmes Durand", Unknown),
            ("", Unknown),
        ];
        for (contact, expected) in cases {
            assert_eq!(Civility::of_contact(contact), expected, "{contact:?}");
        }
        assert_eq!(Civility::Madame.address(), "Madame,");
        assert_eq!(Civility::Monsieur.address(), "Monsieur,");
        assert_eq!(Civility::Unknown.address(), "Madame, Monsieur,");
    }

    #[test]
    fn closing_texts() {
        assert_eq!(Closing::default(), Closing::Distinguees);
        assert_eq!(
            Closing::default().text(),
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
        );
        let cases = [
            (
                Closing::Distinguees,
                Civility::Madame,
                "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.",
            ),
            (
                Closing::Respectueuses,
                Civility::Monsieur,
                "Veuillez agréer, Monsieur, l'expression de mes salutations respectueuses.",
            ),
            (
                Closing::Respectueuses,
                Civility::Unknown,
                "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations respectueuses.",
            ),
            (
                Closing::Sinceres,
                Civility::Madame,
                "Je vous prie de recevoir, Madame, mes sincères salutations.",
            ),
        ];
        for (closing, civility, expected) in cases {
            assert_eq!(closing.text_for(civility), expected);
        }
        let labels: std::collections::HashSet<_> = Closing::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels.len(), Closing::ALL.len());
    }

    // ----- Compose -----

    #[test]
    fn compose_a_complete_letter() {
        let place = place_date("Lyon", &french_date(3, 3, 2025));
        let got = compose(&complete_letter(), &complete_cv(), &format!(" {place} "));
        assert_eq!(
            got,
            ComposedLetter {
                sender_lines: vec![
                    "Marie Dupont".into(),
                    "06 12 34 56 78".into(),
                    "marie.dupont@gmail.com".into(),
                    "Villeurbanne".into(),
                ],
                recipient_lines: vec![
                    "Boulangerie Martin".into(),
                    "À l'attention de Mme Durand".into(),
                    "Lyon".into(),
                ],
                place_date: "À Lyon, le 3 mars 2025".into(),
                subject: "Objet\u{a0}: Candidature spontanée – Vendeuse".into(),
                salutation: "Madame,".into(),
                paragraphs: vec![
                    WHY.into(),
                    BRING.into(),
                    format!("{WHEN} {INTERVIEW_REQUEST}"),
                ],
                closing:
                    "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées."
                        .into(),
                signature: "Marie Dupont".into(),
            }
        );
        let text = got.to_text();
        assert!(text.starts_with("Marie Dupont\n06 12 34 56 78\n"), "{text}");
        assert!(
            text.contains("Villeurbanne\n\nBoulangerie Martin\n"),
            "{text}"
        );
        assert!(
            text.contains("\n\nMadame,\n\nJe fais mes courses"),
            "{text}"
        );
        assert!(text.ends_with("distinguées.\n\nMarie Dupont"), "{text}");
    }

    #[test]
    fn compose_a_bare_letter_invents_nothing() {
        let letter = Letter {
            company: "Boulangerie Martin".into(),
            ..Letter::default()
        };
        let cv = Cv {
            identity: Identity {
                first_name: " Marie ".into(),
                phone: "06 12".into(),
                ..Identity::default()
            },
            ..Cv::default()
        };
        let got = compose(&letter, &cv, "");
        assert_eq!(got.sender_lines, vec!["Marie", "06 12"]);
        assert_eq!(got.recipient_lines, vec!["Boulangerie Martin"]);
        assert_eq!(got.place_date, "");
        assert_eq!(got.subject, "Objet\u{a0}: Candidature spontanée");
        assert_eq!(got.salutation, "Madame, Monsieur,");
        assert_eq!(got.paragraphs, vec![INTERVIEW_REQUEST]);
        assert_eq!(got.closing, Closing::Distinguees.text());
        assert_eq!(got.signature, "Marie");
        assert_eq!(
            compose(&Letter::default(), &Cv::default(), "")
                .sender_lines
                .len(),
            0
        );
    }

    #[test]
    fn compose_with_and_without_contact() {
        // (contact, recipient lines, salutation, closing)
        let cases: [(&str, &[&str], &str, &str); 4] = [
            (
                "",
                &["Boulangerie Martin", "Lyon"],
                "Madame, Monsieur,",
                "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
            ),
            (
                "M. Martin",
                &["Boulangerie Martin", "À l'attention de M. Martin", "Lyon"],
                "Monsieur,",
                "Je vous prie de recevoir, Monsieur, mes sincères salutations.",
            ),
            (
                " Madame Durand ",
                &[
                    "Boulangerie Martin",
                    "À l'attention de Madame Durand",
                    "Lyon",
                ],
                "Madame,",
                "Je vous prie de recevoir, Madame, mes sincères salutations.",
            ),
            (
                "Service RH",
                &["Boulangerie Martin", "Service RH", "Lyon"],
                "Madame, Monsieur,",
                "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
            ),
        ];
        for (contact, recipient, salutation, closing) in cases {
            let letter = Letter {
                contact_name: contact.into(),
                closing: Closing::Sinceres,
                ..complete_letter()
            };
            let got = compose(&letter, &complete_cv(), "");
            assert_eq!(got.recipient_lines, recipient, "{contact:?}");
            assert_eq!(got.salutation, salutation, "{contact:?}");
            assert_eq!(got.closing, closing, "{contact:?}");
        }
    }

    #[test]
    fn compose_skips_missing_parts() {
        type Change = fn(&mut Letter);
        let cases: [(Change, Vec<String>); 4] = [
            (
                |l| l.why_them.clear(),
                vec![BRING.into(), format!("{WHEN} {INTERVIEW_REQUEST}")],
            ),
            (
                |l| l.what_i_bring = " \n ".into(),
                vec![WHY.into(), format!("{WHEN} {INTERVIEW_REQUEST}")],
            ),
            (
                |l| l.availability.clear(),
                vec![WHY.into(), BRING.into(), INTERVIEW_REQUEST.into()],
            ),
            (
                |l| l.availability = "Je serai heureuse de vous rencontrer".into(),
                vec![
                    WHY.into(),
                    BRING.into(),
                    "Je serai heureuse de vous rencontrer.".into(),
                ],
            ),
        ];
        for (change, expected) in cases {
            let mut letter = complete_letter();
            change(&mut letter);
            assert_eq!(compose(&letter, &complete_cv(), "").paragraphs, expected);
        }
    }

    #[test]
    fn paragraphs_are_tidied_not_rewritten() {
        let cases: [(&str, &[&str]); 12] = [
            ("je suis motivée", &["Je suis motivée."]),
            ("  Je suis\n   motivée  ", &["Je suis motivée."]),
            ("Je suis\r\nmotivée.", &["Je suis motivée."]),
            ("a\tb", &["A b."]),
            (
                "Première idée.\n\n  \nDeuxième idée",
                &["Première idée.", "Deuxième idée."],
            ),
            ("éric m'a parlé de vous", &["Éric m'a parlé de vous."]),
            ("Vous recrutez\u{a0}?", &["Vous recrutez\u{a0}?"]),
            ("Je suis prête\u{a0}!", &["Je suis prête\u{a0}!"]),
            (
                "Je travaille en CDI (temps plein)",
                &["Je travaille en CDI (temps plein)."],
            ),
            (
                "On m'a dit «\u{a0}bravo\u{a0}»",
                &["On m'a dit «\u{a0}bravo\u{a0}»"],
            ),
            ("Et ainsi de suite…", &["Et ainsi de suite…"]),
            ("\n \n\t\n", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(tidy_paragraphs(input), expected, "{input:?}");
        }
        // The interview request is not added twice.
        let letter = Letter {
            availability: "Je peux passer un ENTRETIEN quand vous voulez".into(),
            ..complete_letter()
        };
        let got = compose(&letter, &complete_cv(), "");
        assert_eq!(
            got.paragraphs.last().unwrap(),
            "Je peux passer un ENTRETIEN quand vous voulez."
        );
    }

    // ----- Coach -----

    fn summary(advice: &[LetterAdvice]) -> Vec<(LetterTarget, AdviceLevel)> {
        advice.iter().map(|a| (a.target, a.level)).collect()
    }

    #[test]
    fn a_complete_letter_gets_no_advice() {
        assert_eq!(coach(&complete_letter(), &complete_cv()), vec![]);
    }

    #[test]
    fn each_rule_on_its_own() {
        type Change = fn(&mut Letter, &mut Cv);
        let long = |n: usize| "mot ".repeat(n);
        let cases: Vec<(&str, Change, LetterTarget, AdviceLevel, &str)> = vec![
            (
                "no company",
                |l, _| l.company.clear(),
                LetterTarget::Company,
                Problem,
                "Écrivez le nom de l'entreprise.",
            ),
            (
                "blank job",
                |l, _| l.job = "  ".into(),
                LetterTarget::Job,
                Problem,
                "Écrivez le poste que vous visez.",
            ),
            (
                "no why them",
                |l, _| l.why_them.clear(),
                LetterTarget::WhyThem,
                Suggestion,
                "Expliquez pourquoi cette entreprise vous plaît.",
            ),
            (
                "no what I bring",
                |l, _| l.what_i_bring = "\n".into(),
                LetterTarget::WhatIBring,
                Suggestion,
                "Dites ce que vous pouvez apporter",
            ),
            (
                "no availability",
                |l, _| l.availability.clear(),
                LetterTarget::Availability,
                Suggestion,
                "Dites quand vous pouvez commencer.",
            ),
            (
                "short why them",
                |l, _| l.why_them = "Votre magasin est beau et bien placé.".into(),
                LetterTarget::WhyThem,
                Suggestion,
                "Cette partie est un peu courte.",
            ),
            (
                "short what I bring (14 words)",
                |l, _| {
                    l.what_i_bring =
                        "J'ai fait un stage de vente et je sais bien tenir une caisse.".into()
                },
                LetterTarget::WhatIBring,
                Suggestion,
                "Cette partie est un peu courte.",
            ),
            (
                "long what I bring",
                |l, _| l.what_i_bring = "mot ".repeat(121),
                LetterTarget::WhatIBring,
                Suggestion,
                "Cette partie est longue\u{a0}: 121 mots.",
            ),
            (
                "long availability",
                |l, _| l.availability = "mot ".repeat(130),
                LetterTarget::Availability,
                Suggestion,
                "Cette partie est longue\u{a0}: 130 mots.",
            ),
            (
                "whole letter over a page",
                |l, _| {
                    l.why_them = "mot ".repeat(117);
                    l.what_i_bring = "mot ".repeat(117);
                    l.availability = "mot ".repeat(117);
                },
                LetterTarget::Whole,
                Suggestion,
                "Votre lettre risque de dépasser une page.",
            ),
            (
                "familiar word",
                |l, _| l.what_i_bring = format!("{BRING} Ce serait trop bien."),
                LetterTarget::WhatIBring,
                Problem,
                "Une lettre de motivation est un document professionnel.",
            ),
            (
                "tutoiement",
                |l, _| l.why_them = format!("{WHY} Tu recrutes\u{a0}?"),
                LetterTarget::WhyThem,
                Problem,
                "Une lettre de motivation est un document professionnel.",
            ),
            (
                "capitals",
                |l, _| l.why_them = format!("{WHY} Je suis TRÈS motivée."),
                LetterTarget::WhyThem,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "emoji",
                |l, _| l.availability = format!("{WHEN} 😀"),
                LetterTarget::Availability,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "exclamations",
                |l, _| l.availability = "Je suis disponible dès lundi\u{a0}!!!".into(),
                LetterTarget::Availability,
                Suggestion,
                "Une lettre de motivation",
            ),
            (
                "no first name on the CV",
                |_, cv| cv.identity.first_name.clear(),
                LetterTarget::Cv(Target::FirstName),
                Problem,
                "Votre prénom manque sur votre CV.",
            ),
            (
                "no last name on the CV",
                |_, cv| cv.identity.last_name = " ".into(),
                LetterTarget::Cv(Target::LastName),
                Problem,
                "Votre nom de famille manque sur votre CV.",
            ),
            (
                "no name at all on the CV",
                |_, cv| {
                    cv.identity = Identity {
                        phone: "0612345678".into(),
                        ..Identity::default()
                    }
                },
                LetterTarget::Cv(Target::FirstName),
                Problem,
                "Votre prénom et votre nom manquent sur votre CV.",
            ),
            (
                "no way to answer",
                |_, cv| {
                    cv.identity.phone.clear();
                    cv.identity.email.clear();
                },
                LetterTarget::Cv(Target::Phone),
                Problem,
                "Votre CV n'a ni numéro de téléphone ni adresse e-mail.",
            ),
        ];
        assert_eq!(word_count(&long(3)), 3);
        for (name, change, target, level, start) in cases {
            let mut letter = complete_letter();
            let mut cv = complete_cv();
            change(&mut letter, &mut cv);
            let advice = coach(&letter, &cv);
            assert_eq!(advice.len(), 1, "{name}: {advice:#?}");
            assert_eq!(
                (advice[0].target, advice[0].level),
                (target, level),
                "{name}"
            );
            assert!(
                advice[0].message.starts_with(start),
                "{name}: {}",
                advice[0].message
            );
            assert!(advice[0].lesson.is_some(), "{name}");
        }
    }

    #[test]
    fn changes_that_need_no_advice() {
        type Change = fn(&mut Letter, &mut Cv);
        let cases: Vec<(&str, Change)> = vec![
            ("no contact", |l, _| l.contact_name.clear()),
            ("no company city", |l, _| l.company_city.clear()),
            ("another closing", |l, _| l.closing = Closing::Respectueuses),
            ("short availability", |l, _| {
                l.availability = "Je peux commencer lundi.".into()
            }),
            ("phone only", |_, cv| cv.identity.email.clear()),
            ("e-mail only", |_, cv| cv.identity.phone.clear()),
            ("no CV title", |_, cv| cv.title.clear()),
            // Only the learner's own texts are read: the company's name is
            // not theirs to change.
            ("company name with familiar words", |l, _| {
                l.company = "LOL Salut Tu 😀 Lolita!!!".into()
            }),
            ("contact with familiar words", |l, _| {
                l.contact_name = "Mme Cool".into()
            }),
            ("company in capitals in the text", |l, _| {
                l.company = "Decathlon".into();
                l.why_them = format!("{WHY} J'aime DECATHLON.");
            }),
            ("employer in capitals in the text", |_, cv| {
                cv.experiences[0].employer = "CARREFOUR Market".into();
            }),
            ("familiar word inside a brand name", |l, _| {
                l.company = "Hugo Boss".into();
                l.why_them = format!("{WHY} J'aime la marque Hugo Boss.");
            }),
            ("exactly 15 words", |l, _| l.why_them = "mot ".repeat(15)),
            ("exactly 120 words", |l, _| l.why_them = "mot ".repeat(120)),
            ("exactly 350 words", |l, _| {
                l.why_them = "mot ".repeat(120);
                l.what_i_bring = "mot ".repeat(120);
                l.availability = "mot ".repeat(110);
            }),
        ];
        for (name, change) in cases {
            let mut letter = complete_letter();
            let mut cv = complete_cv();
            change(&mut letter, &mut cv);
            assert_eq!(coach(&letter, &cv), vec![], "{name}");
        }
    }

    #[test]
    fn job_advice_points_to_the_cv_title() {
        let letter = Letter {
            job: String::new(),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(
            advice[0].suggestion.as_deref(),
            Some(
                "Sur votre CV, vous cherchez un poste de «\u{a0}Vendeuse en boulangerie\u{a0}». \
                 Vous pouvez le reprendre."
            )
        );
        let cv = Cv {
            title: " ".into(),
            ..complete_cv()
        };
        assert_eq!(coach(&letter, &cv)[0].suggestion, None);
    }

    #[test]
    fn missing_parts_come_with_examples() {
        let letter = Letter {
            why_them: String::new(),
            what_i_bring: String::new(),
            availability: String::new(),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(
            summary(&advice),
            vec![
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::WhatIBring, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
        for a in &advice {
            let suggestion = a.suggestion.as_deref().unwrap();
            assert!(
                suggestion.starts_with("Par exemple\u{a0}: «\u{a0}"),
                "{suggestion}"
            );
            assert_eq!(a.lesson, Some("emploi-candidature-spontanee"));
        }
        // The "moi" part reminds the learner of an experience of the CV.
        let reminder =
            "Votre CV parle de «\u{a0}Vendeuse\u{a0}»\u{a0}: racontez ce que vous y avez appris.";
        assert!(
            advice[1].message.ends_with(reminder),
            "{}",
            advice[1].message
        );
        let bare = coach(&letter, &Cv::default());
        assert!(!bare[3].message.contains("Votre CV parle"), "{bare:#?}");
    }

    #[test]
    fn tone_advice_lists_every_issue() {
        let letter = Letter {
            what_i_bring: format!("{BRING} Jsuis TRÈS motivée mdr\u{a0}!!!"),
            ..complete_letter()
        };
        let advice = coach(&letter, &complete_cv());
        assert_eq!(advice.len(), 1, "{advice:#?}");
        let message = &advice[0].message;
        for issue in [
            ToneIssue::Familiar("jsuis"),
            ToneIssue::Familiar("mdr"),
            ToneIssue::Shouting("TRÈS".into()),
            ToneIssue::Exclamations,
        ] {
            assert!(message.contains(&issue.message()), "{issue:?} in {message}");
        }
        assert!(
            message.contains("Écrivez plutôt «\u{a0}je suis\u{a0}»."),
            "{message}"
        );
        let mdr = "«\u{a0}mdr\u{a0}» s'écrit entre amis, pas dans une lettre. Retirez-le.";
        assert!(message.contains(mdr), "{message}");
    }

    #[test]
    fn advice_is_ordered_problems_first_then_by_position() {
        let letter = Letter {
            company: String::new(),
            job: String::new(),
            why_them: "Votre magasin est beau.".into(),
            what_i_bring: format!("{BRING} Tu vois."),
            availability: String::new(),
            ..complete_letter()
        };
        let mut cv = complete_cv();
        cv.identity.last_name.clear();
        assert_eq!(
            summary(&coach(&letter, &cv)),
            vec![
                (LetterTarget::Cv(Target::LastName), Problem),
                (LetterTarget::Company, Problem),
                (LetterTarget::Job, Problem),
                (LetterTarget::WhatIBring, Problem),
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
    }

    #[test]
    fn an_empty_letter_gets_kind_guidance_for_every_part() {
        assert_eq!(
            summary(&coach(&Letter::default(), &Cv::default())),
            vec![
                (LetterTarget::Cv(Target::FirstName), Problem),
                (LetterTarget::Cv(Target::Phone), Problem),
                (LetterTarget::Company, Problem),
                (LetterTarget::Job, Problem),
                (LetterTarget::WhyThem, Suggestion),
                (LetterTarget::WhatIBring, Suggestion),
                (LetterTarget::Availability, Suggestion),
            ]
        );
    }

    #[test]
    fn word_count_table() {
        let cases = [
            ("", 0),
            ("   ", 0),
            ("J'ai un CAP.", 3),
            ("Bonjour – merci\u{a0}!", 2),
            ("un\ndeux\tTrois", 3),
            ("aujourd'hui, 2025", 2),
        ];
        for (text, expected) in cases {
            assert_eq!(word_count(text), expected, "{text:?}");
        }
    }

    // ----- Tone -----

    #[test]
    fn tone_table() {
        use ToneIssue::*;
        let shout = |s: &str| Shouting(s.into());
        let cases: Vec<(&str, Vec<ToneIssue>)> = vec![
            // A letter's tone.
            ("Je vous prie d'agréer mes salutations distinguées.", vec![]),
            ("Je suis disponible à partir de 8h.", vec![]),
            // Greetings and goodbyes between friends.
            (
                "Salut, je veux bosser chez vous.",
                vec![Familiar("salut"), Familiar("bosser")],
            ),
            ("Bisous et à bientôt", vec![Familiar("bisous")]),
            ("cc je suis motivée", vec![Familiar("cc")]),
            ("L'accueil et l'accès aux clients me plaisent.", vec![]),
            // SMS spelling.
            (
                "slt jsuis dispo lundi",
                vec![Familiar("slt"), Familiar("jsuis"), Familiar("dispo")],
            ),
            ("Je suis disponible lundi.", vec![]),
            ("J'suis motivé", vec![Familiar("j'suis")]),
            ("J’suis motivé", vec![Familiar("j'suis")]),
            ("Rappelez-moi stp", vec![Familiar("stp")]),
            ("MDR", vec![Familiar("mdr")]),
            ("lol", vec![Familiar("lol")]),
            ("J'adore les parfums Lolita Lempicka.", vec![]),
            // Familiar words.
            ("C'est ouf de travailler ici", vec![Familiar("ouf")]),
            ("Une bouffée d'air, un souffle nouveau.", vec![]),
            ("Ce serait trop bien", vec![Familiar("trop bien")]),
            ("Il y a trop de clients, bien sûr.", vec![]),
            ("Trop hâte de commencer", vec![Familiar("trop hâte")]),
            ("Une équipe sympa", vec![Familiar("sympa")]),
            ("Une équipe sympathique", vec![]),
            ("Je kiffe la vente", vec![Familiar("kiffe")]),
            ("J'ai bossé au marché", vec![Familiar("bosse")]),
            ("Je bosse bien", vec![Familiar("bosse")]),
            // "tu", as a word only.
            ("Tu peux m'appeler.", vec![Tutoiement]),
            ("Si tu veux, appelle-moi, toi.", vec![Tutoiement]),
            ("T'as vu mon CV", vec![Tutoiement]),
            ("Mon tuteur de stage m'a aidée.", vec![]),
            ("Mon statut d'étudiant, une vertu, un tutoriel.", vec![]),
            ("Va-t-il venir\u{a0}? Est-ce utile\u{a0}?", vec![]),
            // Stretched words.
            ("Merciiii", vec![Stretched("Merciiii".into())]),
            ("Le règne de Louis XIII", vec![]),
            ("La société a été créée en 1990.", vec![]),
            ("Mon site\u{a0}: www.marie.fr", vec![]),
            // Capitals.
            ("Je suis TRÈS motivée.", vec![shout("TRÈS")]),
            ("JE SUIS MOTIVÉE", vec![shout("JE SUIS MOTIVÉE")]),
            ("URGENT", vec![shout("URGENT")]),
            ("J'ai un CAP, un BAC PRO et un BTS MCO.", vec![]),
            ("J'ai le CACES et le BPJEPS.", vec![]),
            ("J'ai travaillé chez IKEA.", vec![]),
            ("J'ai travaillé chez DECATHLON.", vec![shout("DECATHLON")]),
            ("À Lyon, j'ai un PSC1.", vec![]),
            // Marks.
            ("Merci !!!", vec![Exclamations]),
            ("Merci\u{a0}!", vec![]),
            ("Vous recrutez\u{a0}?!", vec![Exclamations]),
            ("Vous recrutez\u{a0}? Je suis prête\u{a0}!", vec![]),
            // Emojis and smileys.
            ("Au plaisir de vous rencontrer 😀", vec![Emoji]),
            ("Merci ❤️", vec![Emoji]),
            ("Merci :)", vec![Emoji]),
            ("Vu sur Indeed :D", vec![Emoji]),
            ("xD", vec![Emoji]),
            ("Horaires:Plein temps", vec![]),
            ("Je suis expert en Excel et DXD.", vec![]),
            // Everything at once, in the documented order.
            (
                "Slt!!! jsuis TROP MOTIVÉE 😀 tu m'appelles\u{a0}? merciii",
                vec![
                    Familiar("slt"),
                    Familiar("jsuis"),
                    Tutoiement,
                    Stretched("merciii".into()),
                    shout("TROP MOTIVÉE"),
                    Exclamations,
                    Emoji,
                ],
            ),
        ];
        assert!(cases.len() >= 25);
        for (text, expected) in cases {
            assert_eq!(tone_issues(text, &[]), expected, "{text:?}");
        }
    }

    #[test]
    fn names_are_not_judged() {
        assert_eq!(tone_issues("J'aime DECATHLON.", &["Decathlon"]), vec![]);
        assert_eq!(
            tone_issues("J'ai été vendeur chez LEROY MERLIN.", &["", "Leroy Merlin"]),
            vec![]
        );
        assert_eq!(tone_issues("Chez Hugo Boss", &["Hugo Boss"]), vec![]);
        assert_eq!(
            tone_issues("Chez Hugo Boss, mon boss", &["Autre"]),
            vec![ToneIssue::Familiar("boss")]
        );
    }

    #[test]
    fn tone_tables_are_clean() {
        for (word, instead) in FAMILIAR {
            assert_eq!(*word, word.to_lowercase(), "{word}");
            assert!(!words(word).is_empty(), "{word}");
            assert_ne!(word, instead);
        }
        for form in TUTOIEMENT {
            assert!(!words(form).is_empty(), "{form}");
        }
        for acronym in ACRONYMS {
            assert_eq!(*acronym, fold_lower(acronym), "{acronym}");
        }
        // Accents are optional when matching: entries must differ without them.
        let unique: std::collections::HashSet<_> =
            FAMILIAR.iter().map(|(w, _)| fold_lower(w)).collect();
        assert_eq!(unique.len(), FAMILIAR.len());
        // Every entry of the table is found in a sentence using it.
        for (word, _) in FAMILIAR {
            let text = format!("Je dis {word} ici.");
            assert!(
                tone_issues(&text, &[]).contains(&ToneIssue::Familiar(word)),
                "{word}"
            );
        }
    }

    // ----- E-mail -----

    #[test]
    fn email_draft_of_a_complete_letter() {
        let got = email_draft(&complete_letter(), &complete_cv());
        assert_eq!(
            got.subject,
            "Candidature spontanée – Vendeuse – Marie Dupont"
        );
        assert_eq!(
            got.body,
            "Madame,\n\n\
             Je vous adresse ma candidature spontanée pour un poste de vendeuse chez Boulangerie Martin.\n\
             Vous trouverez en pièces jointes mon CV et ma lettre de motivation.\n\n\
             Je reste à votre disposition pour un entretien.\n\n\
             Cordialement,\nMarie Dupont\n06 12 34 56 78"
        );
        assert_eq!(
            got.reminder,
            "Pensez à joindre votre CV et votre lettre en PDF avant d'envoyer."
        );
        assert_eq!(got.lesson, "emploi-candidature-email");
    }

    #[test]
    fn email_draft_without_optional_parts() {
        let letter = Letter {
            company: String::new(),
            contact_name: String::new(),
            job: String::new(),
            ..complete_letter()
        };
        let cv = Cv {
            identity: Identity {
                first_name: "Marie".into(),
                ..Identity::default()
            },
            ..Cv::default()
        };
        let got = email_draft(&letter, &cv);
        assert_eq!(got.subject, "Candidature spontanée – Marie");
        assert_eq!(
            got.body,
            "Madame, Monsieur,\n\n\
             Je vous adresse ma candidature spontanée.\n\
             Vous trouverez en pièces jointes mon CV et ma lettre de motivation.\n\n\
             Je reste à votre disposition pour un entretien.\n\n\
             Cordialement,\nMarie"
        );
        let got = email_draft(&Letter::default(), &Cv::default());
        assert_eq!(got.subject, "Candidature spontanée");
        assert!(got.body.ends_with("Cordialement,"), "{}", got.body);
    }

    #[test]
    fn email_job_grammar() {
        let cases = [
            ("Vendeuse", "pour un poste de vendeuse."),
            ("agent d'accueil", "pour un poste d'agent d'accueil."),
            ("Hôtesse de caisse", "pour un poste d'hôtesse de caisse."),
            (
                "Équipier polyvalent",
                "pour un poste d'équipier polyvalent.",
            ),
            ("ASH", "pour un poste d'ASH."),
            (
                "CAP cuisine en alternance",
                "pour un poste de CAP cuisine en alternance.",
            ),
            ("Cariste", "pour un poste de cariste."),
            ("boulanger", "pour un poste de boulanger."),
        ];
        for (job, expected) in cases {
            let letter = Letter {
                job: job.into(),
                company: String::new(),
                ..complete_letter()
            };
            let body = email_draft(&letter, &complete_cv()).body;
            assert!(body.contains(expected), "{job}: {body}");
        }
    }

    // ----- French -----

    #[test]
    fn every_learner_facing_string_is_plain_french() {
        let bad = Letter {
            company: String::new(),
            job: String::new(),
            why_them: "Slt!!! jsuis TROP MOTIVÉE 😀 tu m'appelles\u{a0}? merciii".into(),
            what_i_bring: "mot ".repeat(130),
            availability: "mot ".repeat(130),
            ..Letter::default()
        };
        let mut advice = coach(&bad, &Cv::default());
        advice.extend(coach(&Letter::default(), &complete_cv()));
        advice.extend(coach(
            &Letter {
                job: String::new(),
                why_them: "Court.".into(),
                ..complete_letter()
            },
            &complete_cv(),
        ));
        assert!(advice.len() > 10);
        for a in &advice {
            assert_typography(&a.message);
            assert!(a.message.ends_with('.'), "{}", a.message);
            assert!(!a.message.contains(" tu "), "{}", a.message);
            if let Some(suggestion) = &a.suggestion {
                assert_typography(suggestion);
                assert!(suggestion.ends_with(['.', '»']), "{suggestion}");
            }
        }
        let issues = [
            ToneIssue::Familiar("mdr"),
            ToneIssue::Familiar("stp"),
            ToneIssue::Tutoiement,
            ToneIssue::Stretched("merciii".into()),
            ToneIssue::Shouting("TRÈS".into()),
            ToneIssue::Exclamations,
            ToneIssue::Emoji,
        ];
        for issue in issues {
            assert_typography(&issue.message());
            assert!(issue.message().ends_with('.'), "{issue:?}");
        }
        for closing in Closing::ALL {
            assert_typography(&closing.text());
        }
        let composed = compose(&complete_letter(), &complete_cv(), "");
        assert_typography(&composed.to_text());
        let email = email_draft(&complete_letter(), &complete_cv());
        assert_typography(&email.body);
        assert_typography(&email.reminder);
        assert_typography(INTERVIEW_REQUEST);
    }

    #[test]
    fn lessons_exist_in_the_competence_map() {
        let domains = include_str!("../../../content/domains.toml");
        for lesson in [LESSON_SPONTANEOUS, LESSON_EMAIL, LESSON_CV] {
            assert!(domains.contains(&format!("\"{lesson}\"")), "{lesson}");
        }
    }

    // ----- Serde -----

    #[test]
    fn serde_round_trip() {
        let letter = Letter {
            closing: Closing::Sinceres,
            ..complete_letter()
        };
        let json = serde_json::to_string(&letter).unwrap();
        assert!(json.contains(r#""closing":"sinceres""#), "{json}");
        assert!(json.contains(r#""what_i_bring":"#), "{json}");
        let back: Letter = serde_json::from_str(&json).unwrap();
        assert_eq!(back, letter);
    }

    #[test]
    fn older_and_newer_saved_letters_still_load() {
        assert_eq!(
            serde_json::from_str::<Letter>("{}").unwrap(),
            Letter::default()
        );
        let old = r#"{"company": "Boulangerie Martin", "job": "Vendeuse"}"#;
        let letter: Letter = serde_json::from_str(old).unwrap();
        assert_eq!(letter.company, "Boulangerie Martin");
        assert_eq!(letter.contact_name, "");
        assert_eq!(letter.closing, Closing::Distinguees);
        let new = r#"{"job": "Cariste", "closing": "respectueuses", "attachments": ["cv.pdf"]}"#;
        let letter: Letter = serde_json::from_str(new).unwrap();
        assert_eq!(letter.job, "Cariste");
        assert_eq!(letter.closing, Closing::Respectueuses);
    }

    // ----- Properties -----

    proptest! {
        #[test]
        fn tone_issues_never_panic(text in "\\PC{0,60}", name in "\\PC{0,20}") {
            let _ = tone_issues(&text, &[name.as_str()]);
        }

        #[test]
        fn composed_paragraphs_are_tidy(
            why in "\\PC{0,40}",
            bring in "[a-zé ,.!?\n]{0,40}",
            when in "\\PC{0,40}",
        ) {
            let letter = Letter {
                why_them: why,
                what_i_bring: bring,
                availability: when,
                ..complete_letter()
            };
            let got = compose(&letter, &complete_cv(), "");
            prop_assert!(!got.paragraphs.is_empty());
            for p in &got.paragraphs {
                prop_assert!(!p.trim().is_empty());
                prop_assert!(!p.contains('\n'), "{:?}", p);
            }
        }

        #[test]
        fn coach_orders_problems_first(
            why in "\\PC{0,40}",
            job in "[a-z ]{0,5}",
            company in "[a-z ]{0,5}",
        ) {
            let letter = Letter { why_them: why, job, company, ..complete_letter() };
            let advice = coach(&letter, &complete_cv());
            prop_assert!(advice.windows(2).all(|w| w[0].level <= w[1].level));
        }
    }
}

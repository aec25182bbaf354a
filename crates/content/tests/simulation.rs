//! Practice simulations: one valid file per kind compiles to the core's
//! model; one failing example per rule, each asserting the file, the line
//! and the reason; and the real `content/simulations/` can be played
//! through to its end by the core's engine.

mod common;

use common::*;
use declic_content::simulation::{shown_references, ReferenceKind, SimulationFile};
use declic_core::simulation::{self as sim, Action, Scenario, Simulation, State};
use std::collections::BTreeMap;
use std::path::Path;

const EMAIL: &str = "simulations/sim-email.toml";
const SCAM: &str = "simulations/sim-arnaques.toml";
const RECOVERY: &str = "simulations/sim-clique.toml";
const PASSWORD: &str = "simulations/sim-mot-de-passe.toml";
const PROCEDURE: &str = "simulations/sim-demarche.toml";
const GESTURES: &str = "simulations/sim-gestes.toml";
const SEARCH: &str = "simulations/sim-recherche.toml";

/// The part every file shares. `{id}` and `{kind}` are replaced.
fn header(id: &str, kind: &str, fictitious: &str) -> String {
    format!(
        r#"id = "{id}"
kind = "{kind}"
competence = "email-piece-jointe"
title = "Un exercice"
minutes = 5
intro = "Vous allez vous entraîner."
notice = "Ceci est un exercice. Rien n'est envoyé."
learned = ["Lisez bien.", "Prenez votre temps."]
fictitious = [{fictitious}]
"#
    )
}

fn email() -> String {
    header("sim-email", "email", r#""fournisseur.fr""#)
        + r#"
[email]
task = "Envoyez votre CV à Mme Diallo."
from = "sam.martin@fournisseur.fr"
recipient_name = "Mme Diallo"
recipient_address = "c.diallo@fournisseur.fr"
greetings = ["Bonjour", "Madame"]
sent = "Votre e-mail est parti."

[[email.files]]
id = "cv"
name = "CV_final_v2.pdf"
kind = "pdf"
size = "245 Ko"
date = "12 mars"
description = "Votre CV."
right = true
feedback = "C'est le bon fichier."

[[email.files]]
id = "copie"
name = "CV_final_v2 (1).pdf"
kind = "pdf"
size = "245 Ko"
date = "12 mars"
description = "Une copie."
feedback = "C'est une copie."

[[email.files]]
id = "photo"
name = "IMG_2031.jpg"
kind = "image"
size = "3 Mo"
date = "Hier"
description = "Une photo."
feedback = "C'est une photo."

[email.coaching]
no-recipient = "Il manque l'adresse."
invalid-address = "L'adresse n'est pas valide."
address-typo = "Une lettre est différente."
wrong-recipient = "Ce n'est pas la bonne adresse."
no-subject = "Il manque l'objet."
no-text = "Le message est vide."
no-greeting = "Commencez par Bonjour."
no-attachment = "Le CV n'est pas joint."
same-file-twice = "Ce fichier est déjà joint."
"#
}

fn scam_message(i: usize) -> String {
    format!(
        r#"
[[scam.messages]]
id = "arnaque-{i}"
channel = "sms"
sender = "+33 6 XX XX XX XX"
time = "Hier"
text = "Payez 2 € avant ce soir sur colis-faux.com"
verdict = "arnaque"
explanation = "Un livreur ne demande pas de payer."
source = {{ title = "Un article", url = "https://presse.example/colis" }}

[[scam.messages.clues]]
kind = "urgence"
quote = "avant ce soir"
explanation = "On vous presse."

[[scam.messages.clues]]
kind = "lien"
quote = "colis-faux.com"
explanation = "Ce site est faux."
"#
    )
}

fn genuine_message(i: usize) -> String {
    format!(
        r#"
[[scam.messages]]
id = "vrai-{i}"
channel = "email"
sender = "Assurance Maladie <assurance-maladie@info.ameli.fr>"
subject = "Un document"
time = "Mardi"
text = "Un document est dans votre compte ameli."
verdict = "fiable"
explanation = "Le message ne demande rien."
source = {{ title = "Un article", url = "https://presse.example/ameli" }}

[[scam.messages.clues]]
kind = "expediteur"
in = "expediteur"
quote = "info.ameli.fr"
explanation = "L'adresse finit par ameli.fr."
"#
    )
}

fn scam() -> String {
    let mut s = header("sim-arnaques", "scam", r#""colis-faux.com""#)
        + r#"
[scam]
right = "Bien vu."
wrong = "Regardez bien."
says_scam = "C'est une arnaque."
says_genuine = "Ce message est fiable."
"#;
    for i in 0..8 {
        s += &scam_message(i);
    }
    for i in 0..7 {
        s += &genuine_message(i);
    }
    s
}

fn recovery_case(id: &str) -> String {
    format!(
        r#"
[[recovery.cases]]
id = "{id}"
title = "J'ai donné ma carte."
situation = "Vous avez tapé votre carte sur un faux site."

[[recovery.cases.steps]]
text = "Appeler ma banque."
why = "Elle bloque la carte."
first = "D'abord, appelez la banque."

[[recovery.cases.steps]]
text = "Transférer le SMS au 33700."
why = "Le 33700 bloque le numéro."
first = "D'abord, signalez le SMS."

[[recovery.cases.steps]]
text = "Porter plainte."
why = "La plainte aide l'enquête."

[[recovery.cases.distractors]]
text = "Attendre."
why_not = "Non. Chaque minute compte."
"#
    )
}

fn recovery() -> String {
    header("sim-clique", "recovery", "")
        + r#"
[recovery]
case_done = "Bravo."
reminder_title = "Que faire ?"
reminder_intro = "Gardez cette page."
"# + &recovery_case("carte")
        + &recovery_case("code")
        + &recovery_case("mot-de-passe")
}

fn password() -> String {
    header("sim-mot-de-passe", "password", "")
        + r#"
[password]
task = "Inventez un mot de passe."
remember = ["Écrivez-le dans un carnet.", "Tapez-le souvent."]
done = "Bravo."

[[password.examples]]
password = "soleil"
strength = "faible"

[password.strengths]
faible = "Il est faible."
moyen = "Il est moyen."
solide = "Il est solide."

[password.findings]
trop-court = "Il est trop court."
court = "Il est un peu court."
courant = "Il est très connu."
date = "Il contient une date."
prenom = "Il contient un prénom."
suite = "Il contient une suite."
repetition = "Un signe est répété."
chiffres = "Il n'a que des chiffres."
long = "Il est long."
mots = "Il a plusieurs mots."
melange = "Il mélange les caractères."
"#
}

fn procedure() -> String {
    header("sim-demarche", "procedure", "")
        + r#"
[procedure]
service = "Aide, site d'exercice"
expires_after = "situation"
back = "Vos réponses sont gardées."

[procedure.sign_in]
title = "Connexion"
text = "Connectez-vous."
button = "Se connecter"
note = "Comme FranceConnect."

[[procedure.persona]]
label = "Nom"
value = "MARTIN"

[[procedure.pages]]
id = "identite"
title = "Identité"
intro = "Tapez la fiche."

[[procedure.pages.fields]]
id = "nom"
label = "Nom"
type = "texte"
sample = "MARTIN"
errors = { vide = "Tapez votre nom." }

[[procedure.pages.fields]]
id = "naissance"
label = "Date de naissance"
type = "date"
sample = "05/03/1990"
errors = { vide = "Tapez la date.", format = "La date s'écrit 05/03/1990." }

[[procedure.pages]]
id = "situation"
title = "Situation"
intro = "Dites votre situation."

[[procedure.pages.fields]]
id = "logement"
label = "Vous êtes"
type = "choix"
options = ["Locataire", "Hébergé"]
sample = "Locataire"
errors = { vide = "Choisissez une réponse." }

[[procedure.pages.fields]]
id = "revenus"
label = "Revenus du mois"
type = "montant"
max = 20000
sample = "850"
errors = { vide = "Tapez vos revenus.", format = "Tapez un nombre.", trop-grand = "Vérifiez le nombre." }

[[procedure.pages]]
id = "documents"
title = "Documents"
intro = "Ajoutez la quittance."

[[procedure.pages.fields]]
id = "quittance"
label = "Quittance de loyer"
type = "document"
sample = "quittance"
errors = { vide = "Ajoutez la quittance." }

[[procedure.pages.fields.files]]
id = "quittance"
name = "quittance.pdf"
description = "La quittance."
right = true
feedback = "C'est le bon document."

[[procedure.pages.fields.files]]
id = "photo"
name = "IMG_2031.jpg"
description = "Une photo."
feedback = "Ce n'est pas la quittance."

[procedure.expired]
title = "Session expirée"
text = "Votre session a expiré."
button = "Se reconnecter"
back_in = "Vos réponses sont gardées."

[procedure.summary]
title = "Récapitulatif"
text = "Relisez."
edit = "Modifier"
submit = "Envoyer"

[procedure.confirmation]
title = "Demande envoyée"
text = "Votre demande est enregistrée."
number = "EXERCICE-2025-1"
keep = ["Notez le numéro."]
"#
}

fn gestures() -> String {
    header("sim-gestes", "gestures", r#""fournisseur.fr""#)
        + r#"
[[gestures.steps]]
id = "appui"
gesture = "appuyer"
title = "Appuyer"
instruction = "Touchez le bouton."
target = "le bouton"
done = "Bien."
alternative = { label = "Je n'y arrive pas", explanation = "Un clavier marche aussi." }
mistakes = { a-cote = "Visez le bouton." }

[[gestures.steps]]
id = "long"
gesture = "appui-long"
title = "Appuyer longtemps"
instruction = "Gardez le doigt posé."
target = "la photo"
done = "Bien."
alternative = { label = "Menu", explanation = "Le menu fait pareil." }
mistakes = { a-cote = "Visez la photo.", appui-court = "Gardez le doigt posé." }

[[gestures.steps]]
id = "glisser"
gesture = "glisser"
title = "Glisser"
instruction = "Glissez vers la gauche."
target = "la photo"
done = "Bien."
alternative = { label = "Suivante", explanation = "La flèche fait pareil." }
mistakes = { a-cote = "Visez la photo.", appui-court = "Glissez le doigt." }

[[gestures.steps]]
id = "defiler"
gesture = "faire-defiler"
title = "Faire défiler"
instruction = "Glissez vers le haut."
target = "la liste"
done = "Bien."
alternative = { label = "Descendre", explanation = "Le bouton fait pareil." }
mistakes = { appui-court = "Glissez le doigt." }

[[gestures.steps]]
id = "zoom"
gesture = "zoomer"
title = "Agrandir"
instruction = "Écartez deux doigts."
target = "la photo"
done = "Bien."
alternative = { label = "Agrandir", explanation = "Le bouton fait pareil." }
mistakes = { appui-court = "Il faut deux doigts.", un-doigt = "Posez deux doigts." }

[[gestures.steps]]
id = "ecrire"
gesture = "ecrire"
title = "Écrire"
instruction = "Tapez le texte."
target = "la case"
text = "À l'école : lea@fournisseur.fr"
done = "Bien."
alternative = { label = "Dicter", explanation = "Le micro écrit pour vous." }
mistakes = { sans-accent = "Il manque un accent.", sans-arobase = "Il manque le @.", autre-texte = "Comparez le texte." }
"#
}

fn search_round(id: &str) -> String {
    format!(
        r#"
[[search.rounds]]
id = "{id}"
task = "Choisissez le bon site."
query = "acte de naissance"

[[search.rounds.results]]
id = "pub"
label = "Sponsorisé"
title = "Acte en 24 h"
address = "www.acte-rapide.com"
snippet = "Frais : 29 €."
explanation = "C'est une publicité payante."

[[search.rounds.results.clues]]
kind = "annonce"
in = "etiquette"
quote = "Sponsorisé"
explanation = "C'est une publicité."

[[search.rounds.results]]
id = "officiel"
title = "Demander un acte"
address = "www.service-public.fr"
snippet = "Démarche gratuite."
trustworthy = true
explanation = "C'est le site officiel."

[[search.rounds.results.clues]]
kind = "lien"
quote = "service-public.fr"
explanation = "Le site officiel."

[[search.rounds.results]]
id = "copie"
title = "Acte officiel"
address = "www.acte-rapide.com"
snippet = "Service payant."
explanation = "Ce site est payant."

[[search.rounds.results.clues]]
kind = "prix"
in = "resume"
quote = "Service payant"
explanation = "La démarche est gratuite."
"#
    )
}

fn search() -> String {
    header("sim-recherche", "search", r#""acte-rapide.com""#)
        + &search_round("acte")
        + &search_round("carte")
}

/// What the simulations below show as real, added to the lessons' list,
/// and the example their `fictitious` declares.
const SIM_REFERENCES: &str = r#"
[[reference]]
kind = "site"
value = "ameli.fr"
official = true
what = "Assurance maladie."
source = "https://www.ameli.fr"

[[reference]]
kind = "site"
value = "info.ameli.fr"
official = true
what = "The sender domain of the Assurance maladie's e-mails."
source = "https://www.ameli.fr"

[[reference]]
kind = "phone"
value = "33 700"
what = "Free number to forward scam SMS to."
source = "https://www.service-public.fr/"

[[reference]]
kind = "example"
value = "fournisseur.fr"
what = "Placeholder provider in example e-mail addresses."
"#;

/// The lessons' valid fixture plus one valid simulation of each kind.
fn files() -> BTreeMap<String, String> {
    let mut files = valid_files();
    files
        .get_mut(REFERENCES_FILE)
        .expect("the lessons' list")
        .push_str(SIM_REFERENCES);
    for (path, text) in [
        (EMAIL, email()),
        (SCAM, scam()),
        (RECOVERY, recovery()),
        (PASSWORD, password()),
        (PROCEDURE, procedure()),
        (GESTURES, gestures()),
        (SEARCH, search()),
    ] {
        files.insert(path.to_string(), text);
    }
    files
}

fn compile_ok(files: &BTreeMap<String, String>) -> declic_content::Compiled {
    match Fixture::new(files).compile() {
        Ok(c) => c,
        Err(errors) => panic!(
            "valid simulations failed:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn one_simulation_of_each_kind_compiles_to_hashed_json() {
    let compiled = compile_ok(&files());
    assert_eq!(compiled.simulations.len(), 7);
    let mut kinds: Vec<&str> = compiled
        .simulations
        .iter()
        .map(|s| s.simulation.scenario.kind().tag())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "email",
            "gestures",
            "password",
            "procedure",
            "recovery",
            "scam",
            "search"
        ]
    );
    for s in &compiled.simulations {
        let expected = format!(
            "content/simulation-{}-{}.json",
            s.id,
            &sha256_hex(&s.json)[..16]
        );
        assert_eq!(s.path, expected);
        assert!(
            compiled
                .files
                .iter()
                .any(|(p, b)| *p == s.path && *b == s.json),
            "published: {}",
            s.path
        );
        let back: Simulation = serde_json::from_slice(&s.json).unwrap();
        assert_eq!(back, s.simulation);
        assert_eq!(
            s.file,
            Path::new("content/simulations").join(format!("{}.toml", s.id))
        );
        assert_eq!(s.simulation.competence, "email-piece-jointe");
        assert!(s.simulation.notice.starts_with("Ceci est un exercice"));
        let summary = s.summary();
        assert_eq!(summary.url, format!("/{}", s.path));
        assert_eq!(summary.kind, s.simulation.scenario.kind().tag());
    }
    // Deterministic: same input, same bytes.
    let again = compile_ok(&files());
    let paths = |c: &declic_content::Compiled| {
        c.simulations
            .iter()
            .map(|s| s.path.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(&compiled), paths(&again));
    let report = declic_content::simulation::Report {
        files: &compiled.simulations,
    }
    .to_string();
    assert!(report.starts_with("simulations: 7 ("), "{report}");
    assert!(report.contains("brotli"), "{report}");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn by_id<'a>(compiled: &'a declic_content::Compiled, id: &str) -> &'a SimulationFile {
    compiled.simulations.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn clues_cut_the_message_into_highlighted_segments() {
    let compiled = compile_ok(&files());
    let Scenario::Scam(scam) = &by_id(&compiled, "sim-arnaques").simulation.scenario else {
        panic!()
    };
    let m = &scam.messages[0];
    let parts: Vec<(&str, Option<usize>)> =
        m.text.iter().map(|s| (s.text.as_str(), s.clue)).collect();
    assert_eq!(
        parts,
        [
            ("Payez 2 € ", None),
            ("avant ce soir", Some(0)),
            (" sur ", None),
            ("colis-faux.com", Some(1))
        ]
    );
    assert!(
        m.clues.iter().all(|c| c.warning),
        "a scam's clues are warnings by default"
    );
    let genuine = &scam.messages[8];
    assert_eq!(genuine.sender[1].text, "info.ameli.fr");
    assert_eq!(genuine.sender[1].clue, Some(0));
    assert!(
        !genuine.clues[0].warning,
        "a genuine message's clues are signs of trust"
    );
}

#[test]
fn every_address_and_number_shown_is_listed_with_its_line() {
    let files = files();
    let compiled = compile_ok(&files);
    let scam = by_id(&compiled, "sim-arnaques");
    let refs = shown_references(scam);
    let text = &files[SCAM];
    let first = |value: &str| {
        refs.iter()
            .find(|r| r.value == value)
            .unwrap_or_else(|| panic!("{value}: {refs:?}"))
    };
    let link = first("colis-faux.com");
    assert_eq!(
        (link.kind, link.fictitious, link.line),
        (
            ReferenceKind::Domain,
            true,
            line_of(text, "text = \"Payez 2 €")
        )
    );
    let ameli = first("info.ameli.fr");
    assert_eq!(
        (ameli.kind, ameli.fictitious),
        (ReferenceKind::Domain, false)
    );
    let phone = first("+336XXXXXXXX");
    assert_eq!((phone.kind, phone.fictitious), (ReferenceKind::Phone, true));
    // 8 scams × (sender number + link) + 7 genuine × (sender + the
    // explanation's "ameli.fr").
    assert_eq!(refs.len(), 8 * 2 + 7 * 2);
    let recovery = by_id(&compiled, "sim-clique");
    assert!(shown_references(recovery)
        .iter()
        .all(|r| r.value == "33700" && !r.fictitious));
}

#[test]
fn what_the_simulations_show_counts_as_used_in_the_list() {
    let mut files = files();
    files.get_mut(REFERENCES_FILE).unwrap().push_str(
        r#"
[[reference]]
kind = "phone"
value = "3949"
what = "Shown by nobody."
source = "https://www.service-public.fr/"
"#,
    );
    let compiled = compile_ok(&files);
    let list = Path::new("content").join(REFERENCES_FILE);
    let unused: Vec<(usize, &str)> = compiled
        .warnings
        .iter()
        .filter(|w| w.file == list)
        .map(|w| (w.line, w.message.split('`').nth(1).unwrap_or("")))
        .collect();
    // ameli.fr, info.ameli.fr and 33 700 are shown by the scam and
    // recovery simulations only, fournisseur.fr declared invented by the
    // e-mail one, service-public.fr by the lessons.
    assert_eq!(
        unused,
        [(line_of(&files[REFERENCES_FILE], "value = \"3949\""), "3949")]
    );
}

// ---------------------------------------------------------------- rules

enum Line {
    Whole,
    /// The first line containing this text, in the file as changed.
    Of(&'static str),
}

struct Case {
    name: &'static str,
    file: &'static str,
    change: Box<dyn Fn(&str) -> String>,
    line: Line,
    keyword: &'static str,
}

fn case(
    name: &'static str,
    file: &'static str,
    change: impl Fn(&str) -> String + 'static,
    line: Line,
    keyword: &'static str,
) -> Case {
    Case {
        name,
        file,
        change: Box::new(change),
        line,
        keyword,
    }
}

/// Replaces the first occurrence only.
fn once(from: &'static str, to: &'static str) -> impl Fn(&str) -> String {
    move |s: &str| {
        assert!(s.contains(from), "`{from}` not in the fixture");
        s.replacen(from, to, 1)
    }
}

/// Removes the lines from the first containing `from` up to (excluded) the
/// next one containing `to` after it.
fn cut(from: &'static str, to: &'static str) -> impl Fn(&str) -> String {
    move |s: &str| {
        let start = s
            .find(from)
            .unwrap_or_else(|| panic!("`{from}` not in the fixture"));
        let end = start
            + s[start..]
                .find(to)
                .unwrap_or_else(|| panic!("`{to}` not after `{from}`"));
        format!("{}{}", &s[..start], &s[end..])
    }
}

fn sentence(n: usize) -> String {
    let mut words: Vec<&str> = std::iter::repeat_n("mot", n).collect();
    words[0] = "Un";
    format!("{}.", words.join(" "))
}

/// Every text value of these keys replaced by `text` (to move averages).
fn replace_values(s: &str, keys: &[&str], text: &str) -> String {
    s.lines()
        .map(|line| {
            let key = line.split(" = ").next().unwrap_or("");
            if keys.contains(&key) && line.contains(" = \"") && line.ends_with('"') {
                format!("{key} = \"{text}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

const EMAIL_VOICE: &[&str] = &[
    "intro",
    "task",
    "sent",
    "description",
    "feedback",
    "no-recipient",
    "invalid-address",
    "address-typo",
    "wrong-recipient",
    "no-subject",
    "no-text",
    "no-greeting",
    "no-attachment",
    "same-file-twice",
    "title",
];

fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        // The file.
        case("not TOML", EMAIL, once("minutes = 5", "minutes = = 5"), Of("minutes = = 5"), "simulation file"),
        case("unknown key", EMAIL, once("minutes = 5", "minutes = 5\nauthor = \"moi\""), Of("author"), "unknown field"),
        case("missing key", EMAIL, once("notice = \"Ceci est un exercice. Rien n'est envoyé.\"\n", ""), Of("id ="), "missing field `notice`"),
        case("id is not the file name", EMAIL, once("id = \"sim-email\"", "id = \"sim-courriel\""), Of("id ="), "file name"),
        case("bad id", EMAIL, once("id = \"sim-email\"", "id = \"Sim_Email\""), Of("id ="), "lowercase"),
        case("unknown competence", EMAIL, once("competence = \"email-piece-jointe\"", "competence = \"email-inconnu\""), Of("competence ="), "not in domains.toml"),
        case("title too long", EMAIL, once("title = \"Un exercice\"", "title = \"Un exercice très long pour voir si le titre dépasse bien soixante caractères\""), Of("title ="), "characters"),
        case("minutes out of range", EMAIL, once("minutes = 5", "minutes = 45"), Of("minutes ="), "minutes = 45"),
        case("no practice notice", EMAIL, once("notice = \"Ceci est un exercice. Rien n'est envoyé.\"", "notice = \"Rien n'est envoyé.\""), Of("notice ="), "Ceci est un exercice"),
        case("one learned point", EMAIL, once("learned = [\"Lisez bien.\", \"Prenez votre temps.\"]", "learned = [\"Lisez bien.\"]"), Of("learned ="), "Ce que vous avez appris"),
        case("unknown kind", EMAIL, once("kind = \"email\"", "kind = \"courriel\""), Of("kind ="), "kind `courriel`"),
        case("kind without its table", EMAIL, once("kind = \"email\"", "kind = \"scam\""), Of("kind ="), "no [scam] table"),
        case("another kind's table", EMAIL, |s: &str| s.replacen("[email]", "[gestures]\nsteps = []\n\n[email]", 1), Of("[gestures]"), "one kind per file"),
        case("empty text", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"  \""), Of("sent ="), "sent is empty"),
        // Plain French.
        case("long sentence in Déclic's voice", EMAIL, |s: &str| s.replacen("sent = \"Votre e-mail est parti.\"", &format!("sent = \"{}\"", sentence(21)), 1), Of("sent ="), "sentence of 21 words"),
        case("long sentence in a replica", SCAM, |s: &str| s.replacen("text = \"Un document est dans votre compte ameli.\"", &format!("text = \"{}\"", sentence(22)), 1), Of("text = \"Un mot"), "sentence of 22 words"),
        case("long sentences on average", EMAIL, |s: &str| replace_values(s, EMAIL_VOICE, &sentence(19)), Whole, "average"),
        case("hard words", EMAIL, |s: &str| replace_values(s, EMAIL_VOICE, "Indubitablement incompréhensible administrativement."), Whole, "Kandel–Moles"),
        // Addresses and numbers.
        case("a domain not in the list", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"Lisez vraiment-pas-officiel.fr.\""), Of("sent ="), "`vraiment-pas-officiel.fr` is not in content/references.toml"),
        case("a sub-domain of a listed site", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"Allez sur mon.ameli.fr.\""), Of("sent ="), "`mon.ameli.fr` is not in content/references.toml"),
        case("a URL of a site not in the list", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"Allez sur https://www.caf.fr/aide.\""), Of("sent ="), "`https://www.caf.fr/aide` is not in content/references.toml"),
        case("a service number not in the list", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"Appelez le 3949.\""), Of("sent ="), "`3949` is not in content/references.toml"),
        case("a real-looking number", EMAIL, once("sent = \"Votre e-mail est parti.\"", "sent = \"Appelez le 06 12 34 56 78.\""), Of("sent ="), "with X"),
        case("a listed site declared invented", EMAIL, once("fictitious = [\"fournisseur.fr\"]", "fictitious = [\"fournisseur.fr\", \"ameli.fr\"]"), Of("fictitious ="), "`ameli.fr` is a real domain"),
        case("a sub-domain of a listed site declared invented", EMAIL, once("fictitious = [\"fournisseur.fr\"]", "fictitious = [\"fournisseur.fr\", \"faux.ameli.fr\"]"), Of("fictitious ="), "`faux.ameli.fr` is a real domain"),
        case("an invented name that is no domain", EMAIL, once("fictitious = [\"fournisseur.fr\"]", "fictitious = [\"fournisseur.fr\", \"fournisseur\"]"), Of("fictitious ="), "not a domain"),
        case("an invented .gouv.fr", EMAIL, once("fictitious = [\"fournisseur.fr\"]", "fictitious = [\"fournisseur.fr\", \"aide.gouv.fr\"]"), Of("fictitious ="), ".gouv.fr"),
        case("an invented domain never shown", EMAIL, once("fictitious = [\"fournisseur.fr\"]", "fictitious = [\"fournisseur.fr\", \"autre-site.com\"]"), Of("fictitious ="), "never shown"),
        // E-mail.
        case("invalid recipient", EMAIL, once("recipient_address = \"c.diallo@fournisseur.fr\"", "recipient_address = \"c.diallo.fournisseur.fr\""), Of("recipient_address"), "not a valid address"),
        case("two files", EMAIL, cut("[[email.files]]\nid = \"photo\"", "[email.coaching]"), Of("[[email.files]]"), "files in the picker"),
        case("no right file", EMAIL, once("right = true\n", ""), Of("[[email.files]]"), "exactly one file"),
        case("a mistake without feedback", EMAIL, once("no-subject = \"Il manque l'objet.\"\n", ""), Of("[email.coaching]"), "no text for `no-subject`"),
        case("an unknown mistake", EMAIL, once("no-text = \"Le message est vide.\"", "no-text = \"Le message est vide.\"\nno-smile = \"Souriez.\""), Of("no-smile"), "unknown key `no-smile`"),
        case("no greetings", EMAIL, once("greetings = [\"Bonjour\", \"Madame\"]", "greetings = []"), Of("greetings"), "greetings is empty"),
        case("unknown file kind", EMAIL, once("kind = \"image\"", "kind = \"photo\""), Of("kind = \"photo\""), "file kind `photo`"),
        case("file id twice", EMAIL, once("id = \"copie\"", "id = \"cv\""), Of("id = \"cv\"\nname = \"CV_final_v2 (1)"), "used twice"),
        // Scam.
        case("too few messages", SCAM, cut("\n[[scam.messages]]\nid = \"arnaque-0\"", "\n[[scam.messages]]\nid = \"arnaque-1\""), Of("[[scam.messages]]"), "write at least 15"),
        case("too few genuine messages", SCAM, |s: &str| s.replace("verdict = \"fiable\"", "verdict = \"arnaque\"").replace("kind = \"expediteur\"", "kind = \"expediteur\"\nsign = \"alerte\""), Of("[[scam.messages]]"), "at least 5 of each"),
        case("clue not in the message", SCAM, once("quote = \"avant ce soir\"", "quote = \"avant demain\""), Of("quote = \"avant demain\""), "not in the message text"),
        case("overlapping clues", SCAM, once("quote = \"avant ce soir\"", "quote = \"ce soir sur colis\""), Of("quote = \"colis-faux.com\""), "overlaps"),
        case("a scam with one clue", SCAM, cut("[[scam.messages.clues]]\nkind = \"urgence\"", "[[scam.messages.clues]]\nkind = \"lien\""), Of("id = \"arnaque-0\""), "at least 2"),
        case("a link without its clue", SCAM, once("kind = \"lien\"\nquote = \"colis-faux.com\"", "kind = \"paiement\"\nquote = \"colis-faux.com\""), Of("id = \"arnaque-0\""), "kind \"lien\""),
        case("an e-mail without subject", SCAM, once("subject = \"Un document\"\n", ""), Of("id = \"vrai-0\""), "give it a `subject`"),
        case("an SMS with a subject", SCAM, once("channel = \"sms\"", "channel = \"sms\"\nsubject = \"Colis\""), Of("id = \"arnaque-0\""), "only e-mails"),
        case("no source", SCAM, once("source = { title = \"Un article\", url = \"https://presse.example/colis\" }\n", ""), Of("id = \"arnaque-0\""), "no `source`"),
        case("source without https", SCAM, once("url = \"https://presse.example/colis\"", "url = \"presse.example/colis\""), Of("url = \"presse.example"), "https://"),
        case("unknown channel", SCAM, once("channel = \"sms\"", "channel = \"courrier\""), Of("channel = \"courrier\""), "channel `courrier`"),
        case("unknown verdict", SCAM, once("verdict = \"arnaque\"", "verdict = \"faux\""), Of("verdict = \"faux\""), "verdict `faux`"),
        case("unknown clue kind", SCAM, once("kind = \"urgence\"", "kind = \"pression\""), Of("kind = \"pression\""), "clue kind `pression`"),
        case("clue in a subject that does not exist", SCAM, once("kind = \"urgence\"\nquote", "kind = \"urgence\"\nin = \"objet\"\nquote"), Of("quote = \"avant ce soir\""), "has no subject"),
        // Recovery.
        case("two cases", RECOVERY, cut("\n[[recovery.cases]]\nid = \"mot-de-passe\"", "\nTHE-END"), Of("[[recovery.cases]]"), "cases"),
        case("two steps", RECOVERY, cut("[[recovery.cases.steps]]\ntext = \"Transférer", "[[recovery.cases.steps]]\ntext = \"Porter"), Of("[[recovery.cases.steps]]"), "steps in case `carte`"),
        case("no distractor", RECOVERY, cut("[[recovery.cases.distractors]]", "\n[[recovery.cases]]"), Of("id = \"carte\""), "no distractor"),
        case("a step without first", RECOVERY, once("first = \"D'abord, appelez la banque.\"\n", ""), Of("text = \"Appeler ma banque.\""), "has no `first`"),
        case("a first on the last step", RECOVERY, once("why = \"La plainte aide l'enquête.\"", "why = \"La plainte aide l'enquête.\"\nfirst = \"En dernier.\""), Of("first = \"En dernier.\""), "last step"),
        case("the same choice twice", RECOVERY, once("text = \"Attendre.\"", "text = \"Porter plainte.\""), Of("id = \"carte\""), "twice"),
        // Password.
        case("an example rated otherwise", PASSWORD, once("strength = \"faible\"", "strength = \"solide\""), Of("password = \"soleil\""), "the meter rates it \"faible\""),
        case("a finding without text", PASSWORD, once("date = \"Il contient une date.\"\n", ""), Of("[password.findings]"), "no text for `date`"),
        case("a strength without text", PASSWORD, once("moyen = \"Il est moyen.\"\n", ""), Of("[password.strengths]"), "no text for `moyen`"),
        case("one tip to remember", PASSWORD, once("remember = [\"Écrivez-le dans un carnet.\", \"Tapez-le souvent.\"]", "remember = [\"Tapez-le souvent.\"]"), Of("remember ="), "tips"),
        // Procedure.
        case("a field that asks for a real number", PROCEDURE, once("label = \"Nom\"\ntype", "label = \"Numéro de sécurité sociale\"\ntype"), Of("id = \"nom\""), "never asks for real credentials"),
        case("a field that asks for a password", PROCEDURE, once("label = \"Nom\"\ntype", "label = \"Votre mot de passe\"\ntype"), Of("id = \"nom\""), "\"mot de passe\""),
        case("a persona with a CAF number", PROCEDURE, once("label = \"Nom\"\nvalue", "label = \"N° d'allocataire\"\nvalue"), Of("label = \"N° d'allocataire\""), "\"allocataire\""),
        case("a sample the field refuses", PROCEDURE, once("sample = \"05/03/1990\"", "sample = \"5 mars 1990\""), Of("sample = \"5 mars"), "refused by the field itself"),
        case("expiry after no page", PROCEDURE, once("expires_after = \"situation\"", "expires_after = \"revenus\""), Of("expires_after"), "not a page id"),
        case("expiry after the last page", PROCEDURE, once("expires_after = \"situation\"", "expires_after = \"documents\""), Of("expires_after"), "last page"),
        case("a service that could pass for a real one", PROCEDURE, once("service = \"Aide, site d'exercice\"", "service = \"Caisse d'aide\""), Of("service ="), "exercice"),
        case("a real-looking confirmation number", PROCEDURE, once("number = \"EXERCICE-2025-1\"", "number = \"2025-1\""), Of("number ="), "EXERCICE"),
        case("an amount without max", PROCEDURE, once("max = 20000\n", ""), Of("type = \"montant\""), "needs `max`"),
        case("options on a text field", PROCEDURE, once("type = \"texte\"", "type = \"texte\"\noptions = [\"A\", \"B\"]"), Of("type = \"texte\""), "cannot have `options`"),
        case("a document with two right files", PROCEDURE, once("description = \"Une photo.\"", "description = \"Une photo.\"\nright = true"), Of("type = \"document\""), "exactly one with"),
        case("unknown field type", PROCEDURE, once("type = \"texte\"", "type = \"mot\""), Of("type = \"mot\""), "field type `mot`"),
        case("two pages", PROCEDURE, cut("[[procedure.pages]]\nid = \"documents\"", "[procedure.expired]"), Of("[[procedure.pages]]"), "pages"),
        case("an error without text", PROCEDURE, once(", format = \"La date s'écrit 05/03/1990.\"", ""), Of("errors = { vide = \"Tapez la date.\""), "no text for `format`"),
        case("an error that cannot happen", PROCEDURE, once("errors = { vide = \"Tapez votre nom.\" }", "errors = { vide = \"Tapez votre nom.\", format = \"Non.\" }"), Of("errors = { vide = \"Tapez votre nom.\""), "cannot happen here"),
        // Gestures.
        case("a gesture without alternative", GESTURES, once("alternative = { label = \"Menu\", explanation = \"Le menu fait pareil.\" }\n", ""), Of("id = \"long\""), "WCAG 2.5.1"),
        case("typing without a text", GESTURES, once("text = \"À l'école : lea@fournisseur.fr\"\n", ""), Of("id = \"ecrire\""), "give the `text`"),
        case("a text on a tap", GESTURES, once("target = \"le bouton\"", "target = \"le bouton\"\ntext = \"Bonjour\""), Of("id = \"appui\""), "only typing steps"),
        case("a gesture not practised", GESTURES, cut("[[gestures.steps]]\nid = \"zoom\"", "[[gestures.steps]]\nid = \"ecrire\""), Of("[[gestures.steps]]"), "no step practises \"zoomer\""),
        case("a mistake without feedback", GESTURES, once(", appui-court = \"Gardez le doigt posé.\"", ""), Of("mistakes = { a-cote = \"Visez la photo.\" }"), "no text for `appui-court`"),
        // Search.
        case("two trustworthy results", SEARCH, once("explanation = \"Ce site est payant.\"", "explanation = \"Ce site est payant.\"\ntrustworthy = true"), Of("id = \"acte\""), "exactly one is the one to pick"),
        case("no ad", SEARCH, once("label = \"Sponsorisé\"\n", ""), Of("id = \"acte\""), "has no ad"),
        case("a result without clue", SEARCH, cut("[[search.rounds.results.clues]]\nkind = \"prix\"", "\n[[search.rounds]]"), Of("id = \"copie\""), "has no clue"),
        case("one round", SEARCH, cut("\n[[search.rounds]]\nid = \"carte\"", "THE-END"), Of("[[search.rounds]]"), "rounds"),
        case("two results", SEARCH, cut("[[search.rounds.results]]\nid = \"copie\"", "\n[[search.rounds]]"), Of("[[search.rounds.results]]"), "results in round `acte`"),
        case("a clue on a label that does not exist", SEARCH, once("kind = \"prix\"\nin = \"resume\"", "kind = \"prix\"\nin = \"etiquette\""), Of("quote = \"Service payant\""), "has no label"),
    ]
}

#[test]
fn every_simulation_rule_has_a_failing_example() {
    let mut examples = FailingExamples::default();
    for case in &cases() {
        let mut files = files();
        // "THE-END" lets a cut run to the end of a file.
        let before = format!("{}THE-END", files[case.file]);
        let after = (case.change)(&before).replace("THE-END", "");
        assert_ne!(
            before.replace("THE-END", ""),
            after,
            "case `{}` changes nothing",
            case.name
        );
        files.insert(case.file.to_string(), after);
        let line = match case.line {
            Line::Whole => 0,
            Line::Of(needle) => line_of_block(&files[case.file], needle),
        };
        examples.check(
            case.name,
            Fixture::new(&files).compile(),
            &Path::new("content").join(case.file),
            line,
            case.keyword,
        );
    }
    examples.assert_all_found();
}

/// The 1-based line where `needle` starts (it may span lines).
fn line_of_block(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{text}"));
    text[..at].matches('\n').count() + 1
}

// ---------------------------------------------------------------- the real content

fn real() -> Vec<SimulationFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    match declic_content::compile(&dir) {
        Ok(c) => c.simulations,
        Err(errors) => panic!(
            "content/ fails:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// The action that does the right thing on this screen, or `None` when
/// the simulation is finished.
fn right_action(simulation: &Simulation, state: &State) -> Option<Action> {
    use sim::*;
    Some(match (&simulation.scenario, state) {
        (Scenario::Email(s), State::Email(st)) => Action::Email(match st.screen {
            email::Screen::Inbox => email::Action::Compose,
            email::Screen::Picker => email::Action::Pick(s.files.iter().position(|f| f.right)?),
            email::Screen::Sent => return None,
            email::Screen::Compose if st.to.is_empty() => {
                email::Action::SetTo(s.recipient_address.clone())
            }
            email::Screen::Compose if st.subject.is_empty() => {
                email::Action::SetSubject("Mon CV".into())
            }
            email::Screen::Compose if st.text.is_empty() => {
                email::Action::SetText(format!("{} Madame, voici mon CV.", s.greetings[0]))
            }
            email::Screen::Compose if st.attached.is_empty() => email::Action::OpenPicker,
            email::Screen::Compose => email::Action::Send,
        }),
        (Scenario::Scam(s), State::Scam(st)) => {
            let i = st.current()?;
            Action::Scam(if st.revealed() {
                scam::Action::Next
            } else {
                scam::Action::Answer(s.messages[i].verdict)
            })
        }
        (Scenario::Recovery(s), State::Recovery(st)) => {
            if st.is_complete() {
                return None;
            }
            Action::Recovery(if st.case_done(s) {
                recovery::Action::NextCase
            } else {
                recovery::Action::Tap(
                    st.choices
                        .iter()
                        .position(|c| *c == recovery::Choice::Step(st.placed))?,
                )
            })
        }
        (Scenario::Password(_), State::Password(st)) => Action::Password(match st.phase {
            password::Phase::Typing if st.reached_strong => password::Action::Continue,
            password::Phase::Typing => password::Action::Try("Girafe-Orange-Vélo-Nuage-58".into()),
            password::Phase::Remember => password::Action::Finish,
            password::Phase::Done => return None,
        }),
        (Scenario::Procedure(s), State::Procedure(st)) => Action::Procedure(match st.screen {
            procedure::Screen::SignIn | procedure::Screen::Expired(_) => procedure::Action::SignIn,
            procedure::Screen::Page(p) => {
                match s.pages[p]
                    .fields
                    .iter()
                    .find(|f| st.values.get(&f.id) != Some(&f.sample))
                {
                    Some(f) => procedure::Action::Set {
                        field: f.id.clone(),
                        value: f.sample.clone(),
                    },
                    None => procedure::Action::Next,
                }
            }
            procedure::Screen::Summary => procedure::Action::Submit,
            procedure::Screen::Confirmed => return None,
        }),
        (Scenario::Gestures(s), State::Gestures(st)) => {
            let step = s.steps.get(st.step)?;
            Action::Gestures(match (st.done, step.gesture, &step.text) {
                (true, _, _) => gestures::Action::Next,
                (false, gestures::Gesture::Type, Some(text)) => {
                    gestures::Action::Typed(text.clone())
                }
                (false, g, _) => gestures::Action::Gesture(g),
            })
        }
        (Scenario::Search(s), State::Search(st)) => {
            let round = s.rounds.get(st.round)?;
            Action::Search(if st.solved {
                search::Action::Next
            } else {
                search::Action::Pick(round.results.iter().position(|r| r.trustworthy)?)
            })
        }
        _ => return None,
    })
}

#[test]
fn the_real_simulations_cover_every_kind_and_can_be_played_to_the_end() {
    let files = real();
    let mut kinds: Vec<&str> = files
        .iter()
        .map(|f| f.simulation.scenario.kind().tag())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "email",
            "gestures",
            "password",
            "procedure",
            "recovery",
            "scam",
            "search"
        ]
    );
    for file in &files {
        let s = &file.simulation;
        let mut state = sim::start(s, 2026).unwrap();
        let mut completed = false;
        for _ in 0..500 {
            let Some(action) = right_action(s, &state) else {
                break;
            };
            let reply = sim::apply(s, &state, &action)
                .unwrap_or_else(|e| panic!("{}: {action:?}: {e}", s.id));
            for f in &reply.feedback {
                assert!(
                    !f.text.trim().is_empty(),
                    "{}: empty feedback after {action:?}",
                    s.id
                );
            }
            completed |= reply.completed;
            state = reply.state;
        }
        assert!(
            completed && state.is_complete(),
            "{} cannot be finished as written",
            s.id
        );
    }
}

#[test]
fn the_real_scam_simulation_has_enough_messages_of_both_kinds() {
    let files = real();
    let scam = files.iter().find_map(|f| match &f.simulation.scenario {
        Scenario::Scam(s) => Some(s),
        _ => None,
    });
    let scam = scam.expect("a scam simulation");
    let scams = scam
        .messages
        .iter()
        .filter(|m| m.verdict == sim::scam::Verdict::Scam)
        .count();
    let genuine = scam.messages.len() - scams;
    assert!(
        scam.messages.len() >= 15 && scams >= 5 && genuine >= 5,
        "{scams} scams, {genuine} genuine"
    );
}

#[test]
fn every_mistake_of_the_real_simulations_has_feedback() {
    use sim::*;
    let files = real();
    let sims: BTreeMap<&str, &Simulation> = files
        .iter()
        .map(|f| (f.simulation.scenario.kind().tag(), &f.simulation))
        .collect();
    // A wrong move on the first screen of each kind, and what it must say.
    let email = sims["email"];
    let Scenario::Email(e) = &email.scenario else {
        panic!()
    };
    let mut state = start(email, 0).unwrap();
    for action in [email::Action::Compose, email::Action::Send] {
        let reply = apply(email, &state, &Action::Email(action)).unwrap();
        assert!(reply.feedback.iter().all(|f| !f.text.is_empty()));
        state = reply.state;
    }
    for (i, file) in e.files.iter().enumerate() {
        let picker = apply(email, &state, &Action::Email(email::Action::OpenPicker))
            .unwrap()
            .state;
        let reply = apply(email, &picker, &Action::Email(email::Action::Pick(i))).unwrap();
        assert_eq!(reply.feedback[0].text, file.feedback);
    }
    for code in <email::Mistake as Code>::ALL {
        assert!(!e.coaching.text(*code).is_empty(), "{code:?}");
    }
    let Scenario::Gestures(g) = &sims["gestures"].scenario else {
        panic!()
    };
    for step in &g.steps {
        for m in step.gesture.mistakes() {
            assert!(!step.mistakes.text(*m).is_empty(), "{} {m:?}", step.id);
        }
        assert!(
            !step.alternative.label.is_empty() && !step.alternative.explanation.is_empty(),
            "{}",
            step.id
        );
    }
    let Scenario::Password(p) = &sims["password"].scenario else {
        panic!()
    };
    for f in <password::Finding as Code>::ALL {
        assert!(!p.findings.text(*f).is_empty(), "{f:?}");
    }
    let Scenario::Procedure(pr) = &sims["procedure"].scenario else {
        panic!()
    };
    for field in pr.pages.iter().flat_map(|p| &p.fields) {
        for e in field.kind.possible_errors() {
            assert!(!field.errors.text(*e).is_empty(), "{} {e:?}", field.id);
        }
        assert_eq!(
            procedure::validate(field, &field.sample),
            Ok(()),
            "{}",
            field.id
        );
    }
}

#[test]
fn the_real_simulations_show_only_checked_addresses_and_numbers() {
    // Read content/references.toml here, apart from the compiler, so a
    // compiler that let an address through would still fail this test.
    let list: toml::Table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/references.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let listed = |kind: &str| -> Vec<String> {
        list["reference"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"].as_str() == Some(kind))
            .map(|e| e["value"].as_str().unwrap().replace(' ', ""))
            .collect()
    };
    let (sites, phones) = (listed("site"), listed("phone"));
    for file in real() {
        for r in shown_references(&file) {
            let national = match r.value.strip_prefix("+33") {
                Some(rest) => format!("0{rest}"),
                None => r.value.clone(),
            };
            let checked = match r.kind {
                ReferenceKind::Phone => phones.contains(&national),
                ReferenceKind::Url | ReferenceKind::Domain => sites.contains(&r.value),
            };
            assert!(
                r.fictitious != checked,
                "{}:{}: {} (fictitious: {})",
                file.file.display(),
                r.line,
                r.shown,
                r.fictitious
            );
            assert!(
                !(r.fictitious && r.value.ends_with(".gouv.fr")),
                "{}: {}",
                file.id,
                r.shown
            );
        }
    }
}

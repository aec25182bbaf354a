//! Practice simulations: one valid file per kind compiles to the core's
//! model; one failing example per rule, each asserting the file, the line
//! and the reason; and the real `content/simulations/` can be played
//! through to its end by the core's engine.
//!
//! This root holds what the tests share: one valid file of each kind.

#[path = "../common/mod.rs"]
mod common;
mod compile;
mod real_content;
mod references;
mod rules;

use common::*;
use declic_content::simulation::{shown_references, ReferenceKind, SimulationFile};
use declic_core::simulation::{self as sim, Action, Scenario, Simulation, State};
use std::collections::BTreeMap;
use std::path::Path;

/// Every simulation kind, by tag, in sorted order: the real content has
/// one of each, and so does the set of valid examples.
const EVERY_KIND: [&str; 7] = [
    "email",
    "gestures",
    "password",
    "procedure",
    "recovery",
    "scam",
    "search",
];

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

fn by_id<'a>(compiled: &'a declic_content::Compiled, id: &str) -> &'a SimulationFile {
    compiled.simulations.iter().find(|s| s.id == id).unwrap()
}

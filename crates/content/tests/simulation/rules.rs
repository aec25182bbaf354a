//! One failing example per simulation rule, each asserting the file, the line and the reason.

use super::*;

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

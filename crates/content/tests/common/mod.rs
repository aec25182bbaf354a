//! Test helpers: a throwaway content directory holding a valid two-lesson
//! domain, which each test may change before compiling.
#![allow(dead_code)]

use declic_content::{compile, compile_with, Compiled, ContentError, Date, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const DOMAINS: &str = r#"# The competence map.

[[domain]]
id = "email"
title = "L'adresse e-mail : les bases"
description = "Lire, écrire et envoyer des documents."
competences = [
  "email-piece-jointe",
  "email-creer",
]
"#;

/// A valid lesson. Tests find lines by searching this text, so they do not
/// depend on hand-counted numbers.
pub const LESSON: &str = r#"+++
id = "email-piece-jointe"
domain = "email"
level = "autonomie"
title = "Envoyer une pièce jointe"
goal = "Joindre une photo ou un document à un e-mail."
minutes = 8
sources = [
  "https://www.service-public.fr/particuliers/vosdroits/F1234",
  "https://www.blog-conseils.fr/pieces-jointes",
]
reviewed = 2026-11-20
+++

## Une pièce jointe, c'est quoi ?

Une pièce jointe est un fichier envoyé avec un e-mail.
Le symbole de la pièce jointe est un **trombone**.

![Un écran d'e-mail avec un trombone](img/trombone.svg)

## Choisir le fichier

Appuyez sur le trombone.
Choisissez la photo ou le document.
Revoyez la leçon [Créer une adresse](competence:email-creer).

## Envoyer

Vérifiez le message :

- le nom du fichier ;
- l'adresse du destinataire.

Lisez l'aide sur [service-public.fr](https://www.service-public.fr/).

# À retenir

- Le trombone sert à joindre un fichier.
- Vérifiez le nom du fichier avant d'envoyer.

# Quiz

## [unique] Quel symbole sert à joindre un fichier ?

- [x] Un trombone → Oui. Le trombone est le symbole de la pièce jointe.
- [ ] Une étoile → Non. L'étoile marque un e-mail important.
- [ ] Une poubelle → Non. La poubelle sert à supprimer.

## [multiple] Que pouvez-vous joindre à un e-mail ?

- [x] Une photo → Oui. Une photo est un fichier.
- [x] Un document PDF → Oui. Un PDF est un fichier.
- [ ] Un appel téléphonique → Non. Un appel n'est pas un fichier.

## [vrai-faux] On peut envoyer un e-mail avec deux pièces jointes.

- [x] Vrai → Oui. Vous pouvez joindre plusieurs fichiers.
- [ ] Faux → Si, c'est possible. Vous pouvez joindre plusieurs fichiers.

## [ordre] Remettez les étapes dans l'ordre.

1. Écrire le message.
2. Appuyer sur le trombone.
3. Choisir le fichier.
4. Appuyer sur Envoyer.

> On écrit d'abord le message.
> On joint ensuite le fichier.

## [unique] Où est souvent le bouton Envoyer ?

- [x] En haut de l'écran → Oui. Il est souvent en haut.
- [ ] Dans la poubelle → Non. La poubelle sert à supprimer.

# Positionnement

## [unique, découverte] À quoi sert le trombone dans un e-mail ?

- [x] À joindre un fichier → Oui.
- [ ] À écrire en gras → Non. Le trombone sert à joindre un fichier.

## [vrai-faux, autonomie] Un fichier trop lourd peut bloquer l'envoi.

- [x] Vrai → Oui. Les services limitent souvent la taille.
- [ ] Faux → Si. Un fichier trop lourd peut bloquer l'envoi.
"#;

/// The checked list of addresses and numbers: what the lessons show.
pub const REFERENCES: &str = r#"# What learners may read.

[[reference]]
kind = "site"
value = "service-public.fr"
official = true
what = "Le site officiel des démarches."
source = "https://www.service-public.fr/"
"#;

/// A valid interview preparation (content/outils/entretien.md), with one
/// question; not in `valid_files()` (a content dir may have none).
pub const INTERVIEW: &str = r#"+++
sources = [
  "https://www.service-public.fr/particuliers/vosdroits/F1234",
]
reviewed = 2026-11-20
+++

# Questions

## Présentez-vous.

Identifiant : presentez-vous

**Pourquoi**

L'employeur veut faire connaissance avec vous.
Il veut aussi voir si vous parlez clairement.

**Conseils**

- Parlez une minute environ.
- Dites ce que vous faites aujourd'hui.
- Finissez par ce qui vous attire dans ce poste.

**Exemple**

Je m'appelle Inès, j'ai 19 ans.
J'ai un CAP commerce, obtenu l'an dernier.
Pendant ma formation, j'ai fait un stage dans une supérette.
J'ai mis en rayon et tenu la caisse.
L'été dernier, j'ai aidé à la buvette de mon club.
J'aime le contact avec les clients.
C'est pour ça que votre poste m'intéresse.

**À éviter**

Évitez de raconter toute votre vie.

# Quiz

## [unique] Que dites-vous d'abord ?

- [x] Ce que je fais aujourd'hui → Oui. Puis vos expériences.
- [ ] Toute ma vie → Non. C'est trop long.

## [multiple] De quoi pouvez-vous parler ?

- [x] D'un stage → Oui. C'est une vraie expérience.
- [x] Du bénévolat → Oui. Il montre votre sérieux.
- [ ] De rien → Non. Tout le monde a commencé un jour.

## [vrai-faux] Un exemple rend la réponse plus forte.

- [x] Vrai → Oui. L'exemple prouve ce que vous dites.
- [ ] Faux → Si. L'exemple prouve ce que vous dites.

## [ordre] Remettez les étapes dans l'ordre.

1. Arriver en avance.
2. Répondre aux questions.
3. Remercier.

> Vous arrivez en avance. Vous répondez. Vous remerciez à la fin.

## [unique] Que faites-vous à la fin ?

- [x] Je pose une question → Oui. Le poste vous intéresse.
- [ ] Je pars sans rien dire → Non. Remerciez et posez une question.
"#;

pub const INTERVIEW_PATH: &str = "outils/entretien.md";

/// The day the rule tests measure reviews against (the fixture lesson was
/// reviewed eleven days before).
pub const TODAY: &str = "2026-12-01";

pub const SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- Un écran avec un trombone -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" width="120" height="80">
  <rect x="10" y="10" width="100" height="60" rx="6" fill="#e5e7eb"/>
  <path d="M40 30 l10 20" stroke="#1d4ed8" stroke-width="4" fill="none"/>
</svg>
"##;

pub const PIECE_JOINTE: &str = "email/email-piece-jointe.md";
pub const CREER: &str = "email/email-creer.md";
pub const TROMBONE: &str = "email/img/trombone.svg";
pub const REFERENCES_FILE: &str = "references.toml";

/// The second lesson: the first one with its id, title and link changed.
pub fn second_lesson() -> String {
    LESSON
        .replace("id = \"email-piece-jointe\"", "id = \"email-creer\"")
        .replace(
            "title = \"Envoyer une pièce jointe\"",
            "title = \"Créer une adresse\"",
        )
        .replace(
            "[Créer une adresse](competence:email-creer)",
            "[Envoyer une pièce jointe](competence:email-piece-jointe)",
        )
}

/// Files of a content dir, by path relative to it.
pub fn valid_files() -> BTreeMap<String, String> {
    BTreeMap::from([
        ("domains.toml".to_string(), DOMAINS.to_string()),
        (PIECE_JOINTE.to_string(), LESSON.to_string()),
        (CREER.to_string(), second_lesson()),
        (TROMBONE.to_string(), SVG.to_string()),
        (REFERENCES_FILE.to_string(), REFERENCES.to_string()),
    ])
}

/// A content dir written to a fresh temporary folder, removed on drop.
pub struct Fixture {
    root: PathBuf,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Fixture {
    pub fn new(files: &BTreeMap<String, String>) -> Fixture {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("declic-content-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let fixture = Fixture { root };
        for (path, text) in files {
            let path = fixture.content_dir().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        fixture
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn compile(&self) -> Result<Compiled, Vec<ContentError>> {
        compile(&self.content_dir())
    }

    /// Compiles with reviews measured against `today` (YYYY-MM-DD).
    pub fn compile_on(&self, today: &str) -> Result<Compiled, Vec<ContentError>> {
        let today = Date::parse(today).expect("a date");
        compile_with(&self.content_dir(), Options { today: Some(today) })
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// 1-based line of the first line of `text` containing `needle` (or equal
/// to it, when `needle` ends with a newline).
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| match needle.strip_suffix('\n') {
            Some(exact) => l == exact,
            None => l.contains(needle),
        })
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{text}"))
        + 1
}

/// A table of broken fixtures, each expected to fail with one error: the
/// cases whose error did not appear are collected, and the test fails once,
/// naming all of them (one run shows every rule that no longer bites).
#[derive(Default)]
pub struct FailingExamples {
    failures: Vec<String>,
    cases: usize,
}

impl FailingExamples {
    /// `result` is the compilation of case `name`'s broken fixture: it must
    /// hold an error on `file:line` whose message contains `keyword`.
    pub fn check<T>(
        &mut self,
        name: &str,
        result: Result<T, Vec<ContentError>>,
        file: &Path,
        line: usize,
        keyword: &str,
    ) {
        self.cases += 1;
        let errors = match result {
            Ok(_) => {
                self.failures
                    .push(format!("{name}: compiled without error"));
                return;
            }
            Err(errors) => errors,
        };
        let found = errors
            .iter()
            .any(|e| e.file == file && e.line == line && e.message.contains(keyword));
        if !found {
            let all: Vec<String> = errors.iter().map(|e| format!("    {e}")).collect();
            self.failures.push(format!(
                "{name}: expected {}:{line}: …{keyword}…, got:\n{}",
                file.display(),
                all.join("\n")
            ));
        }
    }

    pub fn assert_all_found(self) {
        assert!(
            self.failures.is_empty(),
            "{} of {} cases failed:\n{}",
            self.failures.len(),
            self.cases,
            self.failures.join("\n")
        );
    }
}

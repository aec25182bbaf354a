//! Renders screens to static HTML natively, for the build (see
//! `src/bin/postbuild.rs`): every screen with a canonical path gets a page
//! that paints before the wasm has loaded, with the same views the app runs.
//! The server sends it on a navigation; the live app replaces it with the
//! same screen once that screen is complete (`start` in `lib.rs`).
//!
//! A prerendered page is what a first visit sees: no saved progress
//! ([`Learner::first_visit`]) and the compiled content already in memory
//! ([`Site::new`]), so lessons, quizzes and the positioning test render as
//! they will in the app. Its controls are disabled ([`inert`]) until the
//! wasm runs: a button that does nothing must not look like one that works.
//! Links stay links: they work as page loads before the wasm.

use crate::app::{EmptyShell, JobsApp, PracticeApp};
use crate::catalogue::CATALOGUE;
use crate::content_loader::remember;
use crate::learner::Learner;
use crate::pwa::AppStatus;
use crate::router::Navigator;
use crate::App;
use declic_core::content::{CompetenceContent, PositioningBank};
use declic_core::route::{Entry, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// The compiled content, in memory, and the screens it makes.
pub struct Site {
    /// The number of steps of each competence's lesson, in catalogue order.
    lessons: Vec<(String, usize)>,
}

impl Site {
    /// Decodes the content compiler's files (`Compiled::files`: site path,
    /// JSON bytes) and keeps them in memory for the views, as the app does
    /// once it has fetched them.
    pub fn new(files: &[(String, Vec<u8>)]) -> Result<Site, String> {
        let file = |url: &str| {
            files
                .iter()
                .find(|(path, _)| url.strip_prefix('/') == Some(path.as_str()))
                .map(|(_, bytes)| bytes.as_slice())
                .ok_or_else(|| format!("no compiled file for {url}"))
        };
        let mut lessons = Vec::new();
        for (_, summary) in CATALOGUE.competences() {
            let content: CompetenceContent = serde_json::from_slice(file(&summary.url)?)
                .map_err(|e| format!("{}: {e}", summary.url))?;
            lessons.push((summary.id.clone(), content.steps.len()));
            remember(&summary.url, Arc::new(content));
        }
        let url = &CATALOGUE.positioning_url;
        let bank: PositioningBank =
            serde_json::from_slice(file(url)?).map_err(|e| format!("{url}: {e}"))?;
        remember(url, Arc::new(bank));
        Ok(Site { lessons })
    }

    /// Every screen with a canonical path, once: each kind of route
    /// ([`Route::examples`]), with its parameter taken over every competence
    /// (every step of its lesson and its "À retenir", its quiz).
    pub fn routes(&self) -> Vec<Route> {
        let mut routes: Vec<Route> = Vec::new();
        for example in Route::examples() {
            let expanded = match example {
                Route::Lesson { .. } => self
                    .lessons
                    .iter()
                    .flat_map(|(id, steps)| {
                        (1..=steps + 1).map(|step| Route::Lesson {
                            competence: id.clone(),
                            step,
                        })
                    })
                    .collect(),
                Route::Quiz { .. } => self
                    .lessons
                    .iter()
                    .map(|(id, _)| Route::Quiz {
                        competence: id.clone(),
                    })
                    .collect(),
                // A simulation's replica loads its scenario as the wasm runs:
                // its entry's neutral page serves it.
                Route::Simulation { .. } => Vec::new(),
                // The professional screens need a session, and the
                // learner's groups and workshops the device's sync space:
                // their entry's neutral page serves them.
                Route::Pro(_) | Route::Groups | Route::GroupWorkshop { .. } => Vec::new(),
                other => vec![other],
            };
            for route in expanded {
                if !routes.contains(&route) {
                    routes.push(route);
                }
            }
        }
        routes
    }
}

/// A screen as HTML: the whole shell (header, banners, the screen), with
/// its controls disabled.
pub fn page_html(route: &Route) -> String {
    no_executor();
    let html = Owner::new().with(|| {
        let status = AppStatus::new();
        let learner = Learner::first_visit();
        match route.entry() {
            Entry::Main => {
                let nav = Navigator::new(route.clone());
                view! { <App nav=nav status=status learner=learner /> }.to_html()
            }
            Entry::Jobs => {
                let nav = Navigator::new(route.clone());
                view! { <JobsApp nav=nav status=status learner=learner /> }.to_html()
            }
            Entry::Practice => {
                view! { <PracticeApp status=status learner=learner route=route.clone() /> }
                    .to_html()
            }
            // Never prerendered (`Site::routes`): a session decides what
            // shows; the neutral page stands for every pro screen.
            Entry::Pro => crate::prerender::shell_html(),
        }
    });
    inert(&html)
}

/// The content a screen fetches as soon as the wasm runs, for its page to
/// ask for at once (`<link rel="preload">`), so the fetch overlaps the
/// wasm's download instead of following it.
pub fn content_urls(route: &Route) -> Vec<String> {
    match route {
        Route::Lesson { competence, .. } | Route::Quiz { competence } => CATALOGUE
            .competence(competence)
            .map(|(_, c)| c.url.clone())
            .into_iter()
            .collect(),
        Route::Positioning => vec![CATALOGUE.positioning_url.clone()],
        _ => Vec::new(),
    }
}

/// `<link>` tags preloading `urls` as the app's `fetch` asks for them
/// (same-origin credentials, so the browser reuses the response).
pub fn preload_links(urls: &[String]) -> String {
    urls.iter()
        .map(|url| {
            format!(r#"<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous">"#)
        })
        .collect()
}

/// Views spawn their loads (IndexedDB reads, fetches) in effects: natively
/// there is nothing to load, so an executor that drops what it is given.
fn no_executor() {
    struct Drop;
    impl any_spawner::CustomExecutor for Drop {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // Already set (an earlier page, or a test's executor): keep it.
    let _ = any_spawner::Executor::init_local_custom_executor(Drop);
}

/// The neutral page of an entry (`Entry::shell`): the header and an empty
/// screen, for the wasm to fill with the screen of the URL. Never another
/// screen's content.
pub fn shell_html() -> String {
    Owner::new().with(|| view! { <EmptyShell /> }.to_html())
}

/// The home screen, as `index.html` carries it.
pub fn home_html() -> String {
    page_html(&Route::Home)
}

/// `html` with every form control disabled. Links are left alone.
pub fn inert(html: &str) -> String {
    let mut out = html.to_string();
    for tag in ["<button", "<input", "<select", "<textarea"] {
        out = out.replace(&format!("{tag} "), &format!("{tag} disabled "));
        out = out.replace(&format!("{tag}>"), &format!("{tag} disabled>"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_prerenders_in_french_with_every_entry() {
        let html = super::home_html();
        for text in [
            "Bienvenue sur Déclic",
            "Faire le point",
            "Mon parcours",
            "Toutes les compétences",
            "Mon CV",
        ] {
            assert!(html.contains(text), "missing {text:?} in {html}");
        }
        assert!(html.contains(r#"href="/competences""#));
        assert!(
            !html.contains("hors connexion"),
            "no offline banner before the app knows"
        );
    }

    #[test]
    fn controls_are_disabled_and_links_are_not() {
        for (html, inert_html) in [
            (
                r#"<button type="button">Écouter</button>"#,
                r#"<button disabled type="button">Écouter</button>"#,
            ),
            ("<button>OK</button>", "<button disabled>OK</button>"),
            (
                r#"<input type="radio" name="q">"#,
                r#"<input disabled type="radio" name="q">"#,
            ),
            (
                r#"<textarea id="t"></textarea><select>"#,
                r#"<textarea disabled id="t"></textarea><select disabled>"#,
            ),
            (r#"<a href="/x">Suivant</a>"#, r#"<a href="/x">Suivant</a>"#),
            ("<p>Un bouton</p>", "<p>Un bouton</p>"),
        ] {
            assert_eq!(inert(html), inert_html, "{html}");
        }
    }

    #[test]
    fn content_screens_preload_their_content() {
        let (_, summary) = CATALOGUE.competences().next().unwrap();
        let lesson = Route::Lesson {
            competence: summary.id.clone(),
            step: 2,
        };
        assert_eq!(content_urls(&lesson), vec![summary.url.clone()]);
        assert_eq!(
            content_urls(&Route::Positioning),
            vec![CATALOGUE.positioning_url.clone()]
        );
        assert!(content_urls(&Route::Map).is_empty());
        assert_eq!(
            preload_links(&["/content/a.json".into()]),
            r#"<link rel="preload" href="/content/a.json" as="fetch" crossorigin="anonymous">"#
        );
    }

    #[test]
    fn the_shell_has_the_header_and_no_screen() {
        let html = shell_html();
        assert!(html.contains("Déclic"), "{html}");
        assert!(html.contains(r#"<main id="contenu""#), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    /// The screens of the real content, as the build prerenders them.
    fn site() -> Site {
        let compiled =
            declic_content::compile(std::path::Path::new(env!("DECLIC_CONTENT_DIR_BUILT")))
                .expect("content compiles");
        Site::new(&compiled.files).expect("content decodes")
    }

    fn h1(html: &str) -> &str {
        let start = html.find("<h1").expect("an h1");
        let start = start + html[start..].find('>').unwrap() + 1;
        let end = start + html[start..].find("</h1>").unwrap();
        &html[start..end]
    }

    #[test]
    fn every_screen_prerenders_with_its_own_heading() {
        let site = site();
        let routes = site.routes();
        // Every kind but a simulation, whose replica loads as the wasm runs,
        // and the screens that need a session or a sync space: their
        // entry's neutral page serves them.
        let kinds = Route::examples().into_iter().filter(|r| {
            !matches!(
                r,
                Route::Simulation { .. }
                    | Route::Pro(_)
                    | Route::Groups
                    | Route::GroupWorkshop { .. }
            )
        });
        for kind in kinds {
            assert!(
                routes
                    .iter()
                    .any(|r| std::mem::discriminant(r) == std::mem::discriminant(&kind)),
                "{kind:?}"
            );
        }
        let competences = CATALOGUE.competences().count();
        assert!(routes.len() > 3 * competences, "{}", routes.len());
        for route in &routes {
            let html = page_html(route);
            let title = crate::pages::title(route).unwrap_or("Bienvenue sur Déclic".into());
            let heading = h1(&html)
                .replace("<!-- -->", "")
                .replace("<!>", "")
                .replace("&#x27;", "'");
            let heading = heading.replace('\u{a0}', " ");
            assert!(
                heading.contains(&*title.replace('\u{a0}', " ")) || route == &Route::Home,
                "{route:?}: h1 {heading:?}, title {title:?}"
            );
            assert!(!html.contains("<button type"), "{route:?}: a live button");
        }
    }

    #[test]
    fn lesson_steps_paint_their_text_and_quizzes_their_introduction() {
        let site = site();
        let (_, summary) = CATALOGUE.competences().next().unwrap();
        let content = crate::content_loader::cached::<CompetenceContent>(&summary.url).unwrap();
        let _ = &site;
        let step = |n| {
            page_html(&Route::Lesson {
                competence: summary.id.clone(),
                step: n,
            })
        };
        let second = step(2);
        assert!(second.contains(&content.steps[1].html), "{second}");
        assert!(second.contains("Étape 2 sur"), "{second}");
        assert!(!second.contains("Chargement"), "{second}");
        let recap = step(content.steps.len() + 1);
        assert!(recap.contains("À retenir"), "{recap}");
        let quiz = page_html(&Route::Quiz {
            competence: summary.id.clone(),
        });
        assert!(!quiz.contains("Chargement"), "{quiz}");
        let test = page_html(&Route::Positioning);
        assert!(!test.contains("Chargement"), "{test}");
    }
}

//! One module per screen. `screen` maps a route to its view.

mod advice_notes;
mod backup;
pub(crate) mod cv;
mod cv_sheet;
mod group_workshop;
mod groups;
mod home;
mod interview;
mod lesson;
mod letter;
mod map;
mod my_data;
mod my_path;
mod not_found;
mod offer_note;
mod pdf_buttons;
mod positioning;
pub(crate) mod pro;
mod progress_marks;
mod qr_image;
mod question;
mod quiz;
pub(crate) mod simulation;

pub use cv::CvBuilder;
pub use home::Home;

use crate::catalogue::CATALOGUE;
use crate::router::Navigator;
use declic_core::cv::CvStep;
use declic_core::route::Route;
use leptos::prelude::*;

/// The job tools, each a screen of the job-tools entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobTool {
    Cv,
    Letter,
    Interview,
}

impl JobTool {
    fn of(route: &Route) -> JobTool {
        match route {
            Route::Letter => JobTool::Letter,
            Route::Interview => JobTool::Interview,
            _ => JobTool::Cv,
        }
    }
}

/// The screens of the job-tools entry (`jobs.html`), with the tabs that
/// link them (plain links: each tool is a page load of the same cached
/// page; the CV's steps change in the page, the builder staying on).
pub fn job_screen(nav: Navigator) -> AnyView {
    let tool = Memo::new(move |_| JobTool::of(&nav.route()));
    let step = Memo::new(move |_| match nav.route() {
        Route::Cv { step } => step,
        _ => CvStep::Identity,
    });
    let screen = move || match tool.get() {
        JobTool::Letter => view! { <letter::LetterBuilder /> }.into_any(),
        // Served by the practice entry (see `Entry::Practice`).
        JobTool::Interview => in_its_entry(Route::Interview),
        JobTool::Cv => view! { <CvBuilder step=step /> }.into_any(),
    };
    view! { {job_tabs(move || tool.get())} {screen} }.into_any()
}

/// The tabs between the job tools, on each of their screens (the
/// interview's is in the practice entry), `current` marked.
fn job_tabs(current: impl Fn() -> JobTool + Copy + Send + Sync + 'static) -> impl IntoView {
    let tabs = [
        (JobTool::Cv, Route::CV, "Mon CV"),
        (JobTool::Letter, Route::Letter, "Ma lettre"),
        (JobTool::Interview, Route::Interview, "L'entretien"),
    ];
    view! {
        <nav class="job-tabs" aria-label="Outils pour l'emploi">
            {tabs.into_iter().map(|(t, r, label)| {
                let marked = move || (current() == t).then_some("page");
                view! { <a href=r.path() aria-current=marked>{label}</a> }
            }).collect_view()}
        </nav>
    }
}

/// A screen another entry serves, reached here only if its page failed to
/// load: its title and the way in.
fn in_its_entry(route: Route) -> AnyView {
    let title = title(&route).unwrap_or_default();
    view! {
        <h1 tabindex="-1">{title.clone()}</h1>
        <p><a class="button primary" href=route.path()>{format!("Ouvrir «\u{a0}{title}\u{a0}»")}</a></p>
    }
    .into_any()
}

/// The practice entry's screen for a route (`practice.html`): the list of
/// simulations or one of them, "Mes données", "Sauvegarde", or the
/// learner's groups and a group's live workshop (rarely visited screens:
/// their code, the phrase's word list among it, stays out of the first visit).
pub fn practice_screen(route: Route) -> AnyView {
    match route {
        Route::MyData => view! { <my_data::MyData /> }.into_any(),
        Route::Backup => view! { <backup::Backup /> }.into_any(),
        Route::Groups => view! { <groups::Groups /> }.into_any(),
        Route::GroupWorkshop { group } => {
            view! { <group_workshop::GroupWorkshop group=group /> }.into_any()
        }
        Route::Interview => view! {
            {job_tabs(|| JobTool::Interview)}
            <interview::InterviewPrep />
        }
        .into_any(),
        Route::Simulation { id } => match crate::catalogue::simulation(&id) {
            Some(summary) => {
                view! { <simulation::SimulationScreen summary=summary.clone() /> }.into_any()
            }
            None => view! { <not_found::NotFound /> }.into_any(),
        },
        _ => view! { <simulation::Practice /> }.into_any(),
    }
}

/// The professional entry's screen for a route (`pro.html`).
pub fn pro_screen(route: Route) -> AnyView {
    pro::pro_screen(route)
}

/// The view for a route.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        Route::Map => view! { <map::Map /> }.into_any(),
        Route::Lesson { competence, step } => match CATALOGUE.competence(&competence) {
            Some((_, summary)) => {
                view! { <lesson::Lesson summary=summary.clone() step=step /> }.into_any()
            }
            None => view! { <not_found::NotFound /> }.into_any(),
        },
        Route::Quiz { competence } => match CATALOGUE.competence(&competence) {
            Some((_, summary)) => view! { <quiz::Quiz summary=summary.clone() /> }.into_any(),
            None => view! { <not_found::NotFound /> }.into_any(),
        },
        Route::Positioning => view! { <positioning::PositioningTest /> }.into_any(),
        Route::MyPath => view! { <my_path::MyPath /> }.into_any(),
        // Served by another entry (jobs.html, practice.html); the main app
        // only ever gets here if that page failed to load, so it offers the
        // way in.
        route @ (Route::Cv { .. }
        | Route::Letter
        | Route::Interview
        | Route::Practice
        | Route::Simulation { .. }
        | Route::MyData
        | Route::Backup
        | Route::Groups
        | Route::GroupWorkshop { .. }
        | Route::Pro(_)) => in_its_entry(route),
        Route::NotFound => view! { <not_found::NotFound /> }.into_any(),
    }
}

/// The document title of a route's screen (None for home).
pub fn title(route: &Route) -> Option<String> {
    match route {
        Route::Home => None,
        Route::Map => Some("Toutes les compétences".into()),
        Route::Lesson { competence, .. } => Some(
            CATALOGUE
                .competence(competence)
                .map(|(_, c)| c.title.clone())
                .unwrap_or_else(|| "Page introuvable".into()),
        ),
        Route::Quiz { competence } => Some(
            CATALOGUE
                .competence(competence)
                .map(|(_, c)| format!("Quiz : {}", c.title))
                .unwrap_or_else(|| "Page introuvable".into()),
        ),
        Route::Positioning => Some("Faire le point".into()),
        Route::MyPath => Some("Mon parcours".into()),
        Route::MyData => Some("Mes données".into()),
        Route::Backup => Some("Sauvegarder et retrouver ma progression".into()),
        // The step's own heading ("Mon CV" is said above it, "Étape 2 sur 8").
        Route::Cv { step } => Some(step.heading().into()),
        Route::Letter => Some("Ma lettre de motivation".into()),
        Route::Interview => Some("Préparer un entretien".into()),
        Route::Practice => Some("S'entraîner".into()),
        Route::Simulation { id } => Some(
            crate::catalogue::simulation(id)
                .map(|s| s.title.clone())
                .unwrap_or_else(|| "Page introuvable".into()),
        ),
        Route::Groups => Some("Mes groupes".into()),
        Route::GroupWorkshop { .. } => Some("Atelier en direct".into()),
        Route::Pro(screen) => Some(pro::title(screen)),
        Route::NotFound => Some("Page introuvable".into()),
    }
}

//! A group's follow-up: learners × domains (in words, not only colour),
//! each learner's "Mon parcours" and last activity, printable. Only what
//! the server gives: learners who joined and agreed, under the name they
//! chose for the group, and the CV of those who chose to share it.

use super::{day, group_path, load, Remote, Waiting};
use crate::catalogue::CATALOGUE;
use crate::pages::cv_sheet::cv_sheet;
use crate::pro_client::{self, Group, Learner};
use leptos::prelude::*;

#[component]
pub fn FollowUp(id: String) -> impl IntoView {
    let (state, retry) = load({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move {
                let group = pro_client::group(&id).await?;
                let learners = pro_client::learners(&id).await?;
                Ok((group, learners))
            }
        }
    });
    view! {
        <p class="breadcrumb no-print"><a href=group_path(&id)>"← Le groupe"</a></p>
        {move || match state.get() {
            Remote::Ready((group, learners)) => view! { <Sheet group=group learners=learners /> }.into_any(),
            _ => view! { <h1 tabindex="-1">"Suivi du groupe"</h1> }.into_any(),
        }}
        <Waiting state=state retry=retry />
    }
}

/// The state of a domain in words (the server's spelling in, French out).
fn state_words(state: &str) -> (&'static str, &'static str) {
    match state {
        "acquis" => ("Acquis", "state-acquired"),
        "en_cours" => ("En cours", "state-started"),
        _ => ("Pas commencé", "state-none"),
    }
}

#[component]
fn Sheet(group: Group, learners: Vec<Learner>) -> impl IntoView {
    let domains: Vec<(String, String)> = CATALOGUE
        .domains
        .iter()
        .map(|d| (d.id.clone(), d.title.clone()))
        .collect();
    if learners.is_empty() {
        return view! {
            <h1 tabindex="-1">{format!("Suivi\u{a0}: {}", group.name)}</h1>
            <p>{format!("Personne n'a encore rejoint ce groupe. Donnez le code {} aux personnes\u{a0}: elles le tapent dans Déclic.", group.join_code)}</p>
        }
        .into_any();
    }
    let rows = learners.clone();
    let head = domains.clone();
    view! {
        <h1 tabindex="-1">{format!("Suivi\u{a0}: {}", group.name)}</h1>
        <p class="no-print"><button type="button" class="button" on:click=move |_| crate::files::print()>"Imprimer la fiche"</button></p>
        <p>{match learners.len() {
            1 => "1 personne a accepté de partager sa progression avec ce groupe.".to_string(),
            n => format!("{n} personnes ont accepté de partager leur progression avec ce groupe."),
        }}</p>
        <div class="table-scroll" role="region" aria-labelledby="tableau-titre" tabindex="0">
            <table class="follow-up">
                <caption id="tableau-titre">"Où en est chaque personne, par domaine"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Personne"</th>
                        {head.into_iter().map(|(_, title)| view! { <th scope="col">{title}</th> }).collect_view()}
                        <th scope="col">"Dernière activité"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|l| {
                        let cells = domains.iter().map(|(id, _)| {
                            let state = l.summary.as_ref()
                                .and_then(|s| s.domains.iter().find(|d| &d.domain == id))
                                .map_or("pas_commence", |d| d.state.as_str());
                            let (words, class) = state_words(state);
                            view! { <td class=class>{words}</td> }
                        }).collect_view();
                        let last = l.summary.as_ref().and_then(|s| s.last_activity).map_or_else(|| "Aucune".to_string(), day);
                        view! {
                            <tr>
                                <th scope="row">{l.display_name.clone()}</th>
                                {cells}
                                <td>{last}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {learners.into_iter().map(|l| view! { <LearnerPath learner=l /> }).collect_view()}
    }
    .into_any()
}

#[component]
fn LearnerPath(learner: Learner) -> impl IntoView {
    let lines = learner
        .summary
        .as_ref()
        .map(|s| s.path.clone())
        .unwrap_or_default();
    let last = learner.summary.as_ref().and_then(|s| s.last_activity);
    let cv = learner.summary.as_ref().and_then(|s| s.cv.clone());
    view! {
        <section class="learner-path">
            <h2>{learner.display_name.clone()}</h2>
            <p>{format!("A rejoint le groupe le {}.", day(learner.joined_at))}
                {last.map(|t| format!(" Dernière activité\u{a0}: {}.", day(t)))}</p>
            {learner.under_15.then(|| view! { <p>"Moins de 15\u{a0}ans\u{a0}: un parent a donné son accord."</p> })}
            {if learner.summary.is_none() {
                view! { <p>"Pas encore de progression partagée."</p> }.into_any()
            } else if lines.is_empty() {
                view! { <p>"«\u{a0}Mon parcours\u{a0}» est vide pour l'instant."</p> }.into_any()
            } else {
                view! {
                    <h3>"Mon parcours"</h3>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            {cv.map(|cv| view! {
                <details class="learner-cv no-print">
                    <summary>{format!("Le CV de {}", learner.display_name)}</summary>
                    {cv_sheet(&cv)}
                </details>
            })}
        </section>
    }
}

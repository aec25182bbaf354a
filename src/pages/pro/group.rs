//! One group: its join code shown big, its follow-up and poster, rename,
//! archive (after a confirmation: it cannot be undone), and starting a
//! live workshop on a lesson or a quiz of the catalogue.

use super::{act, guide_path, load, ErrorNote, Remote, Waiting};
use crate::catalogue::CATALOGUE;
use crate::pro_client::{self, Group};
use declic_core::route::{ProScreen, Route};
use declic_core::workshop::Kind;
use leptos::prelude::*;

#[component]
pub fn GroupScreen(id: String) -> impl IntoView {
    let (state, retry) = load({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { pro_client::group(&id).await }
        }
    });
    view! {
        <p class="breadcrumb no-print"><a href=Route::Pro(ProScreen::Groups).path()>"← Mes groupes"</a></p>
        {move || match state.get() {
            Remote::Ready(group) => view! { <GroupView group=group state=state /> }.into_any(),
            _ => view! { <h1 tabindex="-1">"Groupe"</h1> }.into_any(),
        }}
        <Waiting state=state retry=retry />
    }
}

#[component]
fn GroupView(group: Group, state: RwSignal<Remote<Group>>) -> impl IntoView {
    let id = group.id.clone();
    let follow_up = Route::Pro(ProScreen::FollowUp { id: id.clone() }).path();
    let poster = Route::Pro(ProScreen::Poster { id: id.clone() }).path();
    let people = match group.learners {
        0 => "Personne n'a encore rejoint ce groupe.".to_string(),
        1 => "1 personne a rejoint ce groupe.".to_string(),
        n => format!("{n} personnes ont rejoint ce groupe."),
    };
    view! {
        <h1 tabindex="-1">{group.name.clone()}</h1>
        {if group.archived {
            view! { <p class="notice">"Ce groupe est archivé\u{a0}: on ne peut plus le rejoindre."</p> }.into_any()
        } else {
            view! {
                <section class="join-box" aria-labelledby="code-titre">
                    <h2 id="code-titre">"Code pour rejoindre"</h2>
                    <p class="join-code">{group.join_code.clone()}</p>
                    <p>"Les personnes tapent ce code dans Déclic, «\u{a0}Rejoindre un groupe\u{a0}»."</p>
                    <p><a class="button" href=poster>"Affiche à imprimer"</a></p>
                </section>
            }.into_any()
        }}
        <p>{people}</p>
        <p><a class="button primary" href=follow_up>"Suivi des personnes"</a></p>
        {(!group.archived).then(|| view! { <StartWorkshop group_id=id.clone() /> })}
        {(!group.archived).then(|| view! { <Rename group=group.clone() state=state /> })}
        {(!group.archived).then(|| view! { <Archive group=group.clone() state=state /> })}
    }
}

/// Picks a competence and what to run (its lesson or its quiz), then starts.
#[component]
fn StartWorkshop(group_id: String) -> impl IntoView {
    let first = CATALOGUE
        .domains
        .first()
        .and_then(|d| d.competences.first())
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let competence = RwSignal::new(first);
    let kind = RwSignal::new(Kind::Quiz);
    let error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let group_id = group_id.clone();
        let content = competence.get();
        let k = kind.get();
        act(
            error,
            async move { pro_client::start_workshop(&group_id, &content, k.as_str()).await },
            |w| pro_client::go(&Route::Pro(ProScreen::Workshop { id: w.id }).path()),
        );
    };
    let radio = move |value: Kind, label: &'static str, id: &'static str| {
        view! {
            <p class="check-row">
                <input type="radio" id=id name="atelier-type" prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value) />
                <label for=id>{label}</label>
            </p>
        }
    };
    view! {
        <section aria-labelledby="atelier-titre" class="no-print">
            <h2 id="atelier-titre">"Lancer un atelier en direct"</h2>
            <p>"Les personnes du groupe suivent sur leur téléphone\u{a0}: vous passez les étapes, leurs écrans suivent."</p>
            <form class="pro-form" on:submit=start>
                <p class="field">
                    <label for="atelier-competence">"Sujet"</label>
                    <select id="atelier-competence" on:change=move |ev| competence.set(event_target_value(&ev))>
                        {CATALOGUE.domains.iter().map(|d| view! {
                            <optgroup label=d.title.clone()>
                                {d.competences.iter().map(|c| view! {
                                    <option value=c.id.clone()>{c.title.clone()}</option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </p>
                <p><a href=move || guide_path(&competence.get())>"La fiche à imprimer de ce sujet"</a></p>
                <fieldset class="field">
                    <legend>"Ce que vous faites ensemble"</legend>
                    {radio(Kind::Quiz, "Le quiz, question par question", "atelier-quiz")}
                    {radio(Kind::Lesson, "La leçon, étape par étape", "atelier-lecon")}
                </fieldset>
                <ErrorNote error=error />
                <p><button type="submit" class="button primary">"Lancer l'atelier"</button></p>
            </form>
        </section>
    }
}

#[component]
fn Rename(group: Group, state: RwSignal<Remote<Group>>) -> impl IntoView {
    let name = RwSignal::new(group.name.clone());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let id = group.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get().trim().to_string();
        if typed.is_empty() || typed.chars().count() > 80 {
            error.set(Some("Le nom doit avoir de 1 à 80 signes.".into()));
            return;
        }
        let id = id.clone();
        act(
            error,
            async move { pro_client::rename_group(&id, &typed).await },
            move |g| {
                done.set(true);
                state.set(Remote::Ready(g));
            },
        );
    };
    view! {
        <section aria-labelledby="renommer-titre" class="no-print">
            <h2 id="renommer-titre">"Renommer le groupe"</h2>
            <form class="pro-form" on:submit=submit>
                <p class="field">
                    <label for="group-rename">"Nouveau nom"</label>
                    <input id="group-rename" type="text" maxlength="80"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </p>
                <ErrorNote error=error />
                <p><button type="submit" class="button">"Renommer"</button></p>
            </form>
            <p role="status">{move || done.get().then_some("Le groupe est renommé.")}</p>
        </section>
    }
}

#[component]
fn Archive(group: Group, state: RwSignal<Remote<Group>>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let id = group.id.clone();
    let name = group.name.clone();
    let confirm = move |_| {
        let id = id.clone();
        act(
            error,
            async move { pro_client::archive_group(&id).await },
            move |g| {
                state.set(Remote::Ready(g));
            },
        );
    };
    view! {
        <section aria-labelledby="archiver-titre" class="no-print">
            <h2 id="archiver-titre">"Archiver le groupe"</h2>
            <p>"Quand le groupe est fini. Son code ne marchera plus et l'atelier en cours s'arrête."</p>
            <Show when=move || asking.get() fallback=move || view! {
                <p><button type="button" class="button" on:click=move |_| {
                    asking.set(true);
                    crate::app::focus_soon("#archiver-question");
                }>"Archiver…"</button></p>
            }>
                <div class="notice" role="alertdialog" aria-labelledby="archiver-question">
                    <p id="archiver-question" tabindex="-1"><strong>{format!("Archiver «\u{a0}{name}\u{a0}»\u{a0}? On ne pourra pas revenir en arrière.", name = name.clone())}</strong></p>
                    <ErrorNote error=error />
                    <p class="actions">
                        <button type="button" class="button primary" on:click=confirm.clone()>"Oui, archiver"</button>
                        <button type="button" class="button" on:click=move |_| asking.set(false)>"Annuler"</button>
                    </p>
                </div>
            </Show>
        </section>
    }
}

//! "Mes groupes" (`/groupes`, practice entry): the groups joined, each with
//! its live workshop when one runs ("L'atelier a commencé" → "Rejoindre
//! l'atelier") and "Quitter ce groupe" with a confirmation; joining one with
//! its code (typed forgivingly, or carried by the poster's link
//! `?code=ACE-FGH`), then the consent screen: exactly what the group sees
//! and never sees (the server's lists, in words by
//! `declic_core::groups::consent`), the name given to the group, under 15
//! a parent's agreement too, the CV only if ticked, "J'accepte" or "Je
//! refuse" (which records nothing). Joining needs sync: without it, the
//! screen says so and links to "Sauvegarde". Every call goes through
//! `crate::groups_client`.

use super::pro::{ErrorNote, Remote, Waiting};
use crate::groups_client::{self, GroupError, Join, Membership, Preview};
use crate::learner::Learner;
use declic_core::groups::{self, Consent};
use declic_core::route::Route;
use declic_core::workshop::Live;
use leptos::prelude::*;

/// How often the list looks for a workshop that has started.
const LOOK_FOR_WORKSHOPS_MS: i32 = 10_000;

/// A group joined, and its live workshop if one runs.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    membership: Membership,
    live: Option<Live>,
}

/// What the screen shows.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    List,
    /// The consent screen for the group of `code`.
    Consent(Box<Asked>),
}

/// The consent screen's content: the code typed, the preview, its lists
/// in words.
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    code: String,
    preview: Preview,
    consent: Consent,
}

async fn list() -> Result<Vec<Listed>, GroupError> {
    let mut listed = Vec::new();
    for membership in groups_client::memberships().await? {
        // A workshop that cannot be read now is looked for again soon.
        let live = groups_client::live_workshop(&membership.group_id)
            .await
            .ok()
            .flatten();
        listed.push(Listed { membership, live });
    }
    Ok(listed)
}

#[component]
pub fn Groups() -> impl IntoView {
    let learner = expect_context::<Learner>();
    let state = RwSignal::new(Remote::<Vec<Listed>>::Loading);
    let sync_off = RwSignal::new(false);
    let screen = RwSignal::new(Screen::List);
    // What just happened (joined, refused, left), said once.
    let notice = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let reload = move || {
        leptos::task::spawn_local(async move {
            match list().await {
                Ok(listed) => {
                    sync_off.set(false);
                    state.set(Remote::Ready(listed));
                }
                Err(GroupError::SyncOff) => {
                    sync_off.set(true);
                    state.set(Remote::Ready(Vec::new()));
                }
                // Already showing the list: keep it (the next look may work).
                Err(e) => {
                    if !matches!(state.get_untracked(), Remote::Ready(_)) {
                        state.set(Remote::Failed(e.message()));
                    }
                }
            }
        });
    };

    let look_up = move |typed: String| {
        if let Some(problem) = groups::code_problem(&typed) {
            code_error.set(Some(problem.into()));
            crate::app::focus_soon("#code-groupe");
            return;
        }
        code_error.set(None);
        notice.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = groups_client::preview(&typed).await;
            busy.set(false);
            match answer {
                Ok(preview) => match groups::consent(
                    &preview.shared,
                    &preview.shared_if_chosen,
                    &preview.never_shared,
                ) {
                    Ok(consent) => {
                        screen.set(Screen::Consent(Box::new(Asked {
                            code: typed,
                            preview,
                            consent,
                        })));
                        crate::app::focus_soon("main h1");
                    }
                    Err(message) => code_error.set(Some(message.into())),
                },
                Err(GroupError::SyncOff) => sync_off.set(true),
                Err(e) => {
                    code_error.set(Some(e.message()));
                    crate::app::focus_soon("#code-groupe");
                }
            }
        });
    };

    // Once the device's storage is read (sync's settings are there): the
    // list, the poster's code if the link carried one, and a look for
    // workshops every few seconds.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !learner.loaded() {
            return started.unwrap_or(false);
        }
        reload();
        if let Some(linked) = groups_client::link_code() {
            code.set(linked.clone());
            look_up(linked);
        }
        look_for_workshops(screen, reload);
        true
    });

    let back_to_list = move |message: String| {
        notice.set(Some(message));
        screen.set(Screen::List);
        code.set(String::new());
        reload();
        crate::app::focus_soon("#groupes-annonce");
    };

    move || {
        match screen.get() {
        Screen::Consent(asked) => view! {
            <ConsentScreen code=asked.code preview=asked.preview consent=asked.consent on_done=Callback::new(back_to_list) />
        }
        .into_any(),
        Screen::List => view! {
            <h1 tabindex="-1">"Mes groupes"</h1>
            <div id="groupes-annonce" tabindex="-1" role="status">
                {move || notice.get().map(|m| view! { <p class="notice">{m}</p> })}
            </div>
            <Waiting state=state retry=reload />
            {move || sync_off.get().then(|| view! {
                <div class="notice">
                    <p><strong>"Pour rejoindre un groupe, activez d'abord la sauvegarde."</strong></p>
                    <p>"Le groupe utilise votre sauvegarde pour vous reconnaître. Il voit seulement ce que vous acceptez de partager."</p>
                    {move || (!code.get().is_empty()).then(|| view! {
                        <p>"Le code du groupe est " <strong class="code-inline">{code.get()}</strong> ". Gardez-le\u{a0}: vous le taperez ensuite ici."</p>
                    })}
                    <p><a class="button primary" href=Route::Backup.path()>"Activer la sauvegarde"</a></p>
                </div>
            })}
            {move || match state.get() {
                Remote::Ready(listed) if !sync_off.get() => view! {
                    <Joined listed=listed on_left=Callback::new(back_to_list) />
                    <JoinForm code=code error=code_error busy=busy on_submit=Callback::new(look_up) />
                }.into_any(),
                _ => ().into_any(),
            }}
        }
        .into_any(),
    }
    }
}

/// Looks again for live workshops while the list is on show.
fn look_for_workshops(screen: RwSignal<Screen>, reload: impl Fn() + Copy + 'static) {
    crate::clock::after(LOOK_FOR_WORKSHOPS_MS, move || {
        if screen.get_untracked() == Screen::List {
            reload();
        }
        look_for_workshops(screen, reload);
    });
}

/// The groups joined, each with its workshop and "Quitter ce groupe".
#[component]
fn Joined(listed: Vec<Listed>, on_left: Callback<String>) -> impl IntoView {
    if listed.is_empty() {
        return view! { <p>"Vous n'avez rejoint aucun groupe pour l'instant."</p> }.into_any();
    }
    view! {
        <section aria-labelledby="groupes-rejoints">
            <h2 id="groupes-rejoints">"Les groupes que vous avez rejoints"</h2>
            <ul class="entries">
                {listed.into_iter().map(|l| view! { <JoinedGroup listed=l on_left=on_left /> }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn JoinedGroup(listed: Listed, on_left: Callback<String>) -> impl IntoView {
    let Listed { membership, live } = listed;
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let name = membership.group_name.clone();
    let question_id = format!("quitter-{}", membership.group_id);
    let leave = {
        let id = membership.group_id.clone();
        let name = name.clone();
        move |_| {
            let id = id.clone();
            let name = name.clone();
            error.set(None);
            leptos::task::spawn_local(async move {
                match groups_client::leave(&id).await {
                    Ok(()) => on_left.run(format!(
                        "Vous avez quitté «\u{a0}{name}\u{a0}». Ce groupe ne voit plus rien de votre progression."
                    )),
                    Err(e) => error.set(Some(e.message())),
                }
            });
        }
    };
    let workshop = Route::GroupWorkshop {
        group: membership.group_id.clone(),
    };
    view! {
        <li class="step group-card">
            <h3>{name.clone()}</h3>
            <p>{format!("Vous y êtes sous le nom «\u{a0}{}\u{a0}».", membership.display_name)}</p>
            {live.map(|_| view! {
                <div class="notice">
                    <p><strong>"L'atelier a commencé."</strong></p>
                    <p><a class="button primary" href=workshop.path()>"Rejoindre l'atelier"</a></p>
                </div>
            })}
            <Show when=move || !asking.get()>
                <p><button type="button" class="button" on:click=move |_| {
                    asking.set(true);
                    crate::app::focus_soon("[role=alertdialog] p[tabindex]");
                }>"Quitter ce groupe…"</button></p>
            </Show>
            <Show when=move || asking.get()>
                <div class="notice" role="alertdialog" aria-labelledby=question_id.clone()>
                    <p id=question_id.clone() tabindex="-1"><strong>{format!("Quitter «\u{a0}{}\u{a0}»\u{a0}?", name.clone())}</strong></p>
                    <p>"Le groupe ne verra plus rien de votre progression. Vos réponses aux ateliers sont effacées. Vous pourrez revenir avec le code."</p>
                    <ErrorNote error=error />
                    <p class="actions">
                        <button type="button" class="button primary" on:click=leave.clone()>"Oui, quitter ce groupe"</button>
                        <button type="button" class="button" on:click=move |_| asking.set(false)>"Non, rester"</button>
                    </p>
                </div>
            </Show>
        </li>
    }
}

/// "Rejoindre un groupe": the code, then "Continuer".
#[component]
fn JoinForm(
    code: RwSignal<String>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    on_submit: Callback<String>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(code.get_untracked());
    };
    view! {
        <section aria-labelledby="rejoindre">
            <h2 id="rejoindre">"Rejoindre un groupe"</h2>
            <form on:submit=submit>
                <div class="field">
                    <label for="code-groupe">"Code du groupe"</label>
                    <span class="hint" id="code-aide">"6\u{a0}signes, par exemple ACE-FGH. La personne qui anime le groupe vous le donne."</span>
                    <input id="code-groupe" type="text" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" maxlength="20" aria-describedby="code-aide"
                        aria-invalid=move || error.get().is_some().then_some("true")
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                {move || error.get().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                <p class="actions">
                    <button type="submit" class="button primary" disabled=move || busy.get()>"Continuer"</button>
                </p>
            </form>
        </section>
    }
}

/// What the group will see and never see, the name, the age, the CV, then
/// "J'accepte" or "Je refuse".
#[component]
fn ConsentScreen(
    code: String,
    preview: Preview,
    consent: Consent,
    on_done: Callback<String>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let under_15 = RwSignal::new(false);
    let parent = RwSignal::new(false);
    let share_cv = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let group = preview.group_name.clone();
    let accept = {
        let group = group.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let display_name = match groups::display_name(&name.get_untracked()) {
                Ok(n) => n,
                Err(m) => {
                    error.set(Some(m.into()));
                    crate::app::focus_soon("#nom-groupe");
                    return;
                }
            };
            let young = under_15.get_untracked();
            if young && !parent.get_untracked() {
                error.set(Some(
                    "Avant 15\u{a0}ans, un parent doit être d'accord lui aussi. Cochez la case quand il a dit oui."
                        .into(),
                ));
                crate::app::focus_soon("#parent-accord");
                return;
            }
            let join = Join {
                code: code.clone(),
                display_name,
                consent: true,
                under_15: young,
                parent_agreed: young && parent.get_untracked(),
            };
            let group = group.clone();
            let cv = share_cv.get_untracked();
            error.set(None);
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer = groups_client::join(&join, cv).await;
                busy.set(false);
                match answer {
                    Ok(_) => on_done.run(format!(
                        "Vous avez rejoint «\u{a0}{group}\u{a0}». Le groupe voit maintenant ce que vous avez accepté de partager."
                    )),
                    Err(e) => {
                        error.set(Some(e.message()));
                        crate::app::focus_soon("#consentement-erreur");
                    }
                }
            });
        }
    };
    let refuse = {
        let group = group.clone();
        move |_| {
            on_done.run(format!(
                "Vous n'avez pas rejoint «\u{a0}{group}\u{a0}». Rien n'a été partagé."
            ))
        }
    };
    let items = |list: Vec<&'static str>| {
        list.into_iter()
            .map(|words| view! { <li>{words}</li> })
            .collect_view()
    };
    view! {
        <h1 tabindex="-1">{format!("Rejoindre «\u{a0}{group}\u{a0}»")}</h1>
        <p>"Lisez ce que le groupe verra. Ensuite, vous choisissez."</p>
        <section class="step" aria-labelledby="partage-oui">
            <h2 id="partage-oui">"Ce que le groupe verra"</h2>
            <ul>{items(consent.shared)}</ul>
            {consent.cv_offered.then(|| view! {
                <p>"Et seulement si vous cochez la case plus bas\u{a0}:"</p>
                <ul>{items(consent.shared_if_chosen.clone())}</ul>
            })}
        </section>
        <section class="step" aria-labelledby="partage-jamais">
            <h2 id="partage-jamais">"Ce que le groupe ne verra jamais"</h2>
            <ul>{items(consent.never_shared)}</ul>
        </section>
        <form on:submit=accept>
            <div class="field">
                <label for="nom-groupe">"Votre prénom ou un surnom, pour ce groupe"</label>
                <span class="hint" id="nom-aide">"C'est le nom que la personne qui anime verra. 40\u{a0}signes au plus."</span>
                <input id="nom-groupe" type="text" autocomplete="given-name" maxlength="40"
                    aria-describedby="nom-aide"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <p class="check-row">
                <input type="checkbox" id="moins-15"
                    prop:checked=move || under_15.get()
                    on:change=move |ev| under_15.set(event_target_checked(&ev)) />
                <label for="moins-15">"J'ai moins de 15\u{a0}ans"</label>
            </p>
            <Show when=move || under_15.get()>
                <div class="notice">
                    <p>"Avant 15\u{a0}ans, la loi demande qu'un parent soit d'accord lui aussi. Montrez-lui cet écran."</p>
                    <p class="check-row">
                        <input type="checkbox" id="parent-accord"
                            prop:checked=move || parent.get()
                            on:change=move |ev| parent.set(event_target_checked(&ev)) />
                        <label for="parent-accord">"Un de mes parents a lu et il est d'accord"</label>
                    </p>
                </div>
            </Show>
            {consent.cv_offered.then(|| view! {
                <p class="check-row">
                    <input type="checkbox" id="partager-cv"
                        prop:checked=move || share_cv.get()
                        on:change=move |ev| share_cv.set(event_target_checked(&ev)) />
                    <label for="partager-cv">"Partager mon CV avec ce groupe"</label>
                </p>
            })}
            <div id="consentement-erreur" tabindex="-1">
                {move || error.get().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
            </div>
            <p class="actions">
                <button type="submit" class="button primary" disabled=move || busy.get()>"J'accepte"</button>
                <button type="button" class="button" on:click=refuse>"Je refuse"</button>
            </p>
        </form>
    }
}

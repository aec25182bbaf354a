//! "Choisir un résultat fiable": a replica results page (ads on top, as on
//! a real one). A wrong pick is explained with its clues on the result
//! itself; the learner picks again until they find the official site.

use super::clues::{ClueList, Segments};
use super::{about, FeedbackList, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::search::{Action as A, Search, SearchResult};
use declic_core::simulation::{plain, Action, State};
use leptos::prelude::*;

#[component]
pub fn Results(scenario: Search, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let act = move |a: A| sim.act(Action::Search(a));
    move || {
        let State::Search(st) = sim.state() else {
            return ().into_any();
        };
        let Some(round) = scenario.with_value(|s| s.rounds.get(st.round).cloned()) else {
            return ().into_any();
        };
        let feedback = sim.feedback();
        let last = st.round + 1 == st.rounds;
        view! {
            <p class="step-count">{format!("Recherche {} sur {}", st.round + 1, st.rounds)}</p>
            <section class="step" aria-labelledby="sim-ecran">
                <h2 id="sim-ecran" tabindex="-1">"Ce que vous cherchez"</h2>
                <p>{round.task.clone()}</p>
                <ListenButton text=round.task.clone() />
            </section>
            <div class="replica results">
                <p class="search-box"><span class="visually-hidden">"Recherche\u{a0}: "</span>{round.query.clone()}</p>
                <ol class="result-list">
                    {st.order.iter().filter_map(|&i| round.results.get(i).map(|r| (i, r.clone()))).map(|(i, r)| {
                        let picked = st.picked.contains(&i);
                        let notes = about(&feedback, Some(&r.id));
                        view! { <ResultView result=r index=i picked=picked solved=st.solved notes=notes sim=sim /> }
                    }).collect_view()}
                </ol>
            </div>
            {st.solved.then(|| view! {
                <p><button type="button" class="button primary" on:click=move |_| act(A::Next)>
                    {if last { "Terminer" } else { "Recherche suivante →" }}
                </button></p>
            })}
        }
        .into_any()
    }
}

#[component]
fn ResultView(
    result: SearchResult,
    index: usize,
    picked: bool,
    solved: bool,
    notes: Vec<declic_core::simulation::Feedback>,
    sim: Sim,
) -> impl IntoView {
    let clues = result.clues.clone();
    let title = result.plain_title();
    view! {
        <li class="result-item" data-result=result.id.clone()>
            {(!result.label.is_empty()).then(|| view! {
                <p class="ad-label"><Segments segments=result.label.clone() clues=clues.clone() revealed=picked /></p>
            })}
            <p class="result-address"><Segments segments=result.address.clone() clues=clues.clone() revealed=picked /></p>
            {if picked || solved {
                view! { <p class="result-title"><Segments segments=result.title.clone() clues=clues.clone() revealed=picked /></p> }.into_any()
            } else {
                view! {
                    <p><button type="button" class="result-title link-like"
                        on:click=move |_| sim.act(Action::Search(A::Pick(index)))>{title.clone()}</button></p>
                }
                .into_any()
            }}
            <p class="result-snippet"><Segments segments=result.snippet.clone() clues=clues.clone() revealed=picked /></p>
            {picked.then(|| view! {
                <FeedbackList items=notes />
                <ClueList clues=clues />
            })}
            <ListenButton text=format!("{}. {}. {}", plain(&result.address), title, plain(&result.snippet)) />
        </li>
    }
}

//! Clues on a message or a search result: once the learner has answered,
//! the words each clue is about are highlighted on the text itself, with
//! the clue's number and, in the list below, its name and whether it is a
//! warning sign or a sign of trust, in words as well as colour.

use declic_core::simulation::{Clue, Segment};
use leptos::prelude::*;

/// A text cut at its clues. `revealed`: highlight them.
#[component]
pub fn Segments(segments: Vec<Segment>, clues: Vec<Clue>, revealed: bool) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| match segment.clue.filter(|_| revealed) {
            Some(i) => {
                let warning = clues.get(i).is_none_or(|c| c.warning);
                let class = if warning { "clue clue-warning" } else { "clue clue-trust" };
                view! {
                    <mark class=class>{segment.text}<sup class="clue-number">{format!("[{}]", i + 1)}</sup></mark>
                }
                .into_any()
            }
            None => segment.text.into_any(),
        })
        .collect_view()
}

/// The clues, numbered as on the text.
#[component]
pub fn ClueList(clues: Vec<Clue>) -> impl IntoView {
    (!clues.is_empty()).then(|| {
        view! {
            <h3 class="order-heading">"Les indices"</h3>
            <ol class="clues">
                {clues.into_iter().map(|clue| {
                    let (class, sign) = if clue.warning {
                        ("clue-warning", "Signe d'alerte")
                    } else {
                        ("clue-trust", "Signe de confiance")
                    };
                    view! {
                        <li class=class>
                            <strong>{clue.kind.label()}</strong>" ("{sign}")\u{a0}: "{clue.explanation}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
    })
}

//! One question on screen, for the quiz and the positioning test: the four
//! answer widgets (radio, checkboxes, true/false, tap-to-order), and the
//! feedback that explains each answer.
//!
//! Put-in-order is "tap to place": tap a step to add it to your order, tap a
//! placed step to take it back. Plain buttons, so it works with a finger, a
//! keyboard and a screen reader; no drag and drop.

use crate::speech::ListenButton;
use declic_core::content::{Choice, Question};
use declic_core::quiz::{Answer, Feedback, Verdict};
use leptos::prelude::*;

/// The learner's answer in progress, before "Valider".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Ticked choices (indices into `choices`), or placed steps in order
    /// (indices into `steps`).
    pub picked: Vec<usize>,
}

impl Draft {
    /// The answer to check, once it is complete enough to be checked.
    pub fn answer(&self, question: &Question) -> Option<Answer> {
        match question {
            Question::Single { .. } | Question::TrueFalse { .. } => {
                self.picked.first().map(|&i| Answer::Choice(i))
            }
            Question::Multiple { .. } => {
                (!self.picked.is_empty()).then(|| Answer::Choices(self.picked.clone()))
            }
            Question::Order { steps, .. } => {
                (self.picked.len() == steps.len()).then(|| Answer::Order(self.picked.clone()))
            }
        }
    }
}

/// The widgets to answer `question`, its choices or steps shown in `order`
/// (`declic_core::quiz::display_order`). `locked`: the answer was given,
/// show it without letting it change.
#[component]
pub fn AnswerInput(
    question: Question,
    order: Vec<usize>,
    draft: RwSignal<Draft>,
    #[prop(into)] locked: Signal<bool>,
    /// Distinguishes input names when two questions are on screen.
    key: String,
) -> impl IntoView {
    match question {
        Question::Single { choices, .. } | Question::TrueFalse { choices, .. } => {
            choice_list(choices, order, draft, locked, key, false).into_any()
        }
        Question::Multiple { choices, .. } => view! {
            <p class="hint">"Plusieurs réponses possibles."</p>
            {choice_list(choices, order, draft, locked, key, true)}
        }
        .into_any(),
        Question::Order { steps, .. } => {
            view! { <OrderInput steps=steps order=order draft=draft locked=locked /> }.into_any()
        }
    }
}

fn choice_list(
    choices: Vec<Choice>,
    order: Vec<usize>,
    draft: RwSignal<Draft>,
    locked: Signal<bool>,
    key: String,
    multiple: bool,
) -> impl IntoView {
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <ul class="choices">
            {order
                .into_iter()
                .map(|i| {
                    let label = choices[i].label.clone();
                    let id = format!("{key}-choix-{i}");
                    let checked = move || draft.with(|d| d.picked.contains(&i));
                    let toggle = move |_| {
                        draft.update(|d| {
                            if !multiple {
                                d.picked = vec![i];
                            } else if let Some(at) = d.picked.iter().position(|&p| p == i) {
                                d.picked.remove(at);
                            } else {
                                d.picked.push(i);
                            }
                        })
                    };
                    view! {
                        <li>
                            <input type=kind id=id.clone() name=key.clone() prop:checked=checked
                                disabled=move || locked.get() on:change=toggle />
                            <label for=id class="choice">{label}</label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn OrderInput(
    steps: Vec<String>,
    order: Vec<usize>,
    draft: RwSignal<Draft>,
    locked: Signal<bool>,
) -> impl IntoView {
    let steps = StoredValue::new(steps);
    let label = move |i: usize| steps.with_value(|s| s[i].clone());
    view! {
        <p class="hint">"Appuyez sur les étapes dans le bon ordre. Appuyez sur une étape placée pour la retirer."</p>
        <h3 class="order-heading">"Votre ordre"</h3>
        {move || {
            let placed = draft.with(|d| d.picked.clone());
            if placed.is_empty() {
                view! { <p class="order-empty">"Aucune étape placée pour l'instant."</p> }.into_any()
            } else {
                view! {
                    <ol class="order-placed">
                        {placed
                            .into_iter()
                            .map(|i| {
                                let text = label(i);
                                view! {
                                    <li>
                                        <button type="button" class="step-chip placed" disabled=move || locked.get()
                                            aria-label=format!("Retirer : {text}")
                                            on:click=move |_| draft.update(|d| d.picked.retain(|&p| p != i))>
                                            {text.clone()}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }
        }}
        {move || {
            let remaining: Vec<usize> =
                order.iter().copied().filter(|i| draft.with(|d| !d.picked.contains(i))).collect();
            (!remaining.is_empty()).then(|| view! {
                <h3 class="order-heading">"Étapes à placer"</h3>
                <ul class="order-remaining">
                    {remaining
                        .into_iter()
                        .map(|i| {
                            let text = label(i);
                            view! {
                                <li>
                                    <button type="button" class="step-chip" disabled=move || locked.get()
                                        aria-label=format!("Placer : {text}")
                                        on:click=move |_| draft.update(|d| d.picked.push(i))>
                                        {text.clone()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })
        }}
    }
}

/// What to read aloud for a question: the prompt and the choices.
pub fn spoken(question: &Question) -> String {
    match question {
        Question::Single { prompt, choices }
        | Question::Multiple { prompt, choices }
        | Question::TrueFalse { prompt, choices } => {
            let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
            format!("{prompt} {}.", labels.join(". "))
        }
        Question::Order { prompt, steps, .. } => format!("{prompt} {}.", steps.join(". ")),
    }
}

/// The question's text, with "Écouter".
#[component]
pub fn Prompt(question: Question, id: String) -> impl IntoView {
    view! {
        <h2 id=id class="question-prompt" tabindex="-1">{question.prompt().to_string()}</h2>
        <ListenButton text=spoken(&question) />
    }
}

/// Right or wrong, and why: the content's explanation for each choice the
/// learner picked and each right choice they missed.
#[component]
pub fn VerdictView(question: Question, verdict: Verdict) -> impl IntoView {
    let (class, icon, title) = if verdict.correct {
        ("verdict verdict-right", "✓", "Bonne réponse\u{a0}!")
    } else {
        (
            "verdict verdict-wrong",
            "✗",
            "Ce n'est pas la bonne réponse.",
        )
    };
    let items =
        verdict
            .feedback
            .iter()
            .map(|f| {
                match (f, &question) {
            (
                Feedback::Choice { index, picked, correct, explanation },
                Question::Single { choices, .. }
                | Question::Multiple { choices, .. }
                | Question::TrueFalse { choices, .. },
            ) => {
                let tag = match (picked, correct) {
                    (true, true) => "Votre réponse, juste",
                    (true, false) => "Votre réponse",
                    (false, _) => "La bonne réponse",
                };
                view! {
                    <li>
                        <strong>{choices[*index].label.clone()}</strong>
                        <span class="tag">{tag}</span>
                        <p>{explanation.clone()}</p>
                    </li>
                }
                .into_any()
            }
            (Feedback::Order { explanation, .. }, Question::Order { steps, .. }) => view! {
                <li>
                    <strong>"Le bon ordre\u{a0}:"</strong>
                    <ol>{steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
                    <p>{explanation.clone()}</p>
                </li>
            }
            .into_any(),
            _ => ().into_any(),
        }
            })
            .collect_view();
    view! {
        <section class=class aria-labelledby="verdict-titre">
            <h2 id="verdict-titre" tabindex="-1"><span aria-hidden="true">{icon}" "</span>{title}</h2>
            <ul class="feedback">{items}</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single() -> Question {
        Question::Single {
            prompt: "?".into(),
            choices: (0..3)
                .map(|i| Choice {
                    label: format!("c{i}"),
                    correct: i == 0,
                    explanation: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn drafts_become_answers_only_when_complete() {
        let order = Question::Order {
            prompt: "?".into(),
            steps: vec!["a".into(), "b".into(), "c".into()],
            explanation: String::new(),
        };
        assert_eq!(Draft { picked: vec![1, 0] }.answer(&order), None);
        assert_eq!(
            Draft {
                picked: vec![1, 0, 2]
            }
            .answer(&order),
            Some(Answer::Order(vec![1, 0, 2]))
        );
        assert_eq!(Draft::default().answer(&single()), None);
        assert_eq!(
            Draft { picked: vec![2] }.answer(&single()),
            Some(Answer::Choice(2))
        );
    }
}

//! "Récapitulatif": every part of the CV, whether it is filled, and what is
//! missing in it, each missing thing a link to its step. The one place
//! where the coach's advice about empty parts is shown
//! (`declic_core::cv::summary`), calmly: nothing is an error here.

use super::{step_path, Coach};
use crate::pages::advice_notes::lesson_link;
use declic_core::cv::{summary, summary_lessons};
use leptos::prelude::*;

#[component]
pub(super) fn Summary() -> impl IntoView {
    let coach = expect_context::<Coach>();
    let lines = Memo::new(move |_| {
        coach.cv.with(|cv| {
            // The e-mail's verdict depends on the long word lists.
            crate::content_loader::follow_email_lists(&cv.identity.email);
            coach.advice.with(|all| summary(cv, all))
        })
    });
    view! {
        <ul class="cv-summary">
            {move || lines.get().into_iter().map(|line| {
                let href = step_path(line.step);
                let done = line.missing.is_empty();
                view! {
                    <li class:summary-done=done>
                        <p class="summary-part">
                            <a href=href.clone()>{line.step.heading()}</a>
                            <span class="summary-status">{if done { "✓ " } else { "" }}{line.status()}</span>
                        </p>
                        {(!done).then(|| view! {
                            <ul class="summary-missing">
                                {line.missing_lines().into_iter().map(|text| view! {
                                    <li><a href=href.clone()>{text.to_string()}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || {
            let lessons = lines.with(|l| summary_lessons(l));
            (!lessons.is_empty()).then(|| view! {
                <p>"Pour vous aider\u{a0}:"</p>
                <ul>{lessons.into_iter().map(|id| view! { <li>{lesson_link(id)}</li> }).collect_view()}</ul>
            })
        }}
    }
}

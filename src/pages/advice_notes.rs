//! How the job tools show a coach's advice (`declic_core::advice::Advice`,
//! for the CV and the letter alike): one note per piece of advice, and the
//! section that lists them all.

use declic_core::advice::{Advice, AdviceLevel};
use declic_core::route::Route;
use leptos::prelude::*;

/// One piece of advice: what to fix or a tip, the suggested replacement,
/// and a link to the lesson that helps.
#[component]
pub fn AdviceNote<T: 'static>(advice: Advice<T>) -> impl IntoView {
    note(
        advice.level,
        advice.message,
        advice.suggestion,
        advice.lesson,
    )
}

/// The note's view, whatever the advice is about (one copy in the wasm).
fn note(
    level: AdviceLevel,
    message: String,
    suggestion: Option<String>,
    lesson: Option<&'static str>,
) -> impl IntoView {
    let class = match level {
        AdviceLevel::Problem => "advice advice-problem",
        AdviceLevel::Suggestion => "advice advice-suggestion",
    };
    let lesson = lesson.map(lesson_link);
    view! {
        <div class=class>
            <p>
                <strong>{if level == AdviceLevel::Problem { "À corriger\u{a0}: " } else { "Conseil\u{a0}: " }}</strong>
                {message}
            </p>
            {suggestion.map(|s| view! { <p class="advice-suggestion-text">{s}</p> })}
            {lesson.map(|l| view! { <p>{l}</p> })}
        </div>
    }
}

/// "Voir la leçon « … »": the link to the lesson that helps.
pub fn lesson_link(id: &'static str) -> impl IntoView {
    let href = Route::Lesson {
        competence: id.to_string(),
        step: 1,
    }
    .path();
    let title = crate::catalogue::CATALOGUE
        .competence(id)
        .map(|(_, c)| c.title.clone())
        .unwrap_or_else(|| "la leçon".into());
    view! { <a href=href>{format!("Voir la leçon «\u{a0}{title}\u{a0}»")}</a> }
}

/// Every piece of advice, in the core's order, so nothing is missed; or
/// `done` (a "Bravo") when there is none.
#[component]
pub fn AllAdvice<T: Clone + Send + Sync + 'static>(
    advice: Memo<Vec<Advice<T>>>,
    /// The section's heading and its id.
    title: &'static str,
    id: &'static str,
    done: &'static str,
) -> impl IntoView {
    view! {
        <section class="cv-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {move || {
                let all = advice.get();
                if all.is_empty() {
                    view! { <p class="saved">{done}</p> }.into_any()
                } else {
                    all.into_iter().map(|a| view! { <AdviceNote advice=a /> }).collect_view().into_any()
                }
            }}
        </section>
    }
}

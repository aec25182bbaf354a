//! A CV as it reads on paper: the job tools' live preview (also what the
//! print stylesheet prints) and, in the professional's follow-up, the CV a
//! learner chose to share with the group.

use declic_core::cv::{period, Cv};
use leptos::prelude::*;

/// The CV's text, section by section; empty sections are left out.
pub fn cv_sheet(cv: &Cv) -> impl IntoView {
    let filled = |v: &[String]| {
        v.iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
    };
    let skills = filled(&cv.skills);
    let interests = filled(&cv.interests);
    let contact: Vec<String> = [&cv.identity.phone, &cv.identity.email, &cv.identity.city]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    view! {
        <article class="cv-preview" aria-label="Aperçu du CV">
            <header>
                <p class="cv-name">{format!("{} {}", cv.identity.first_name, cv.identity.last_name.to_uppercase())}</p>
                <p class="cv-contact">{contact.join(" · ")}</p>
                {(!cv.title.trim().is_empty()).then(|| view! { <p class="cv-title">{cv.title.clone()}</p> })}
            </header>
            {(!cv.experiences.is_empty()).then(|| view! {
                <h3>"Expériences professionnelles"</h3>
                <ul>{cv.experiences.iter().map(|e| view! {
                    <li>
                        <strong>{e.role.clone()}</strong>
                        {(!e.employer.is_empty()).then(|| format!(" – {}", e.employer))}
                        {(!e.city.is_empty()).then(|| format!(", {}", e.city))}
                        <span class="cv-period">{format!(" ({}, {})", e.kind.label(), period(e.start, e.end))}</span>
                        {(!e.description.trim().is_empty()).then(|| view! { <br /><span>{e.description.clone()}</span> })}
                    </li>
                }).collect_view()}</ul>
            })}
            {(!cv.education.is_empty()).then(|| view! {
                <h3>"Formation"</h3>
                <ul>{cv.education.iter().map(|e| view! {
                    <li>
                        <strong>{e.diploma.clone()}</strong>
                        {(!e.school.is_empty()).then(|| format!(" – {}", e.school))}
                        {(!e.city.is_empty()).then(|| format!(", {}", e.city))}
                        <span class="cv-period">{format!(" ({})", period(e.start, e.end))}</span>
                    </li>
                }).collect_view()}</ul>
            })}
            {(!skills.is_empty()).then(|| view! { <h3>"Compétences"</h3><ul>{skills.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> })}
            {(!cv.languages.is_empty()).then(|| view! {
                <h3>"Langues"</h3>
                <ul>{cv.languages.iter().filter(|l| !l.name.trim().is_empty()).map(|l| view! { <li>{format!("{} : {}", l.name, l.level.label())}</li> }).collect_view()}</ul>
            })}
            {cv.driving_licence.then(|| view! { <p>"Permis B"</p> })}
            {(!interests.is_empty()).then(|| view! { <h3>"Centres d'intérêt"</h3><p>{interests.join(" · ")}</p> })}
        </article>
    }
}

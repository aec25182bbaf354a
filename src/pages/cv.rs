//! "Mon CV": the CV builder. Guided sections in the French convention, the
//! core's coaching next to each field, a live preview, and a save to the
//! phone on every change (`documents::DocumentSaver`).
//!
//! The CV is one document (`Cv` from `declic_core::cv`) in a signal; every
//! edit goes through [`CvEditor::edit`], which updates it and saves it.
//! Inputs are bound to the document (`prop:value`), so what is shown is
//! always what is saved.

use crate::documents::{self, Editor};
use crate::learner::SaveIndicator;
use declic_core::cv::{
    coach, normalize_phone, Advice, AdviceLevel, Cv, Education, Experience, ExperienceKind,
    Language, LanguageLevel, MonthYear, SectionKind, Target,
};
use declic_core::route::Route;
use leptos::prelude::*;

const DOCUMENT: &str = "cv";

/// The CV being edited (see `documents::Editor`).
type CvEditor = Editor<Cv>;

/// A new experience or education entry's id.
fn next_id(editor: CvEditor) -> u32 {
    editor.doc.with_untracked(Cv::next_id)
}

/// Today, for the date checks (the core has no clock).
fn today() -> MonthYear {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        MonthYear {
            year: now.get_full_year() as u16,
            month: now.get_month() as u8 + 1,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    MonthYear {
        year: 2026,
        month: 1,
    }
}

#[component]
pub fn CvBuilder() -> impl IntoView {
    let editor = documents::open_editor::<Cv>(DOCUMENT);
    view! {
        <h1 tabindex="-1">"Mon CV"</h1>
        <p>"Remplissez les parties une par une. Tout est enregistré sur ce téléphone à chaque modification, même sans connexion."</p>
        {move || match editor.get() {
            None => view! { <p class="loading">"Chargement de votre CV…"</p> }.into_any(),
            Some(editor) => view! { <CvForm editor=editor /> }.into_any(),
        }}
    }
}

#[component]
fn CvForm(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc;
    let advice = Memo::new(move |_| cv.with(|cv| coach(cv, today())));
    let saver = editor.saver;
    provide_context(cv);
    view! {
        <SaveIndicator status=saver.status on_retry=move |_| saver.retry() />
        <IdentitySection editor=editor advice=advice />
        <section class="cv-section" aria-labelledby="cv-titre">
            <h2 id="cv-titre">"Le poste que vous cherchez"</h2>
            <TextField editor=editor label="Titre du CV" hint="Par exemple\u{a0}: Vendeuse en boulangerie"
                id="cv-title" get=|cv| cv.title.clone() set=|cv, v| cv.title = v />
            <AdviceFor advice=advice target=Target::Title filled=|cv| !cv.title.is_empty() />
        </section>
        <ExperiencesSection editor=editor advice=advice />
        <EducationSection editor=editor advice=advice />
        <ListSection editor=editor title="Compétences" id="cv-skills"
            hint="Une compétence par ligne. Par exemple\u{a0}: Accueil des clients"
            get=|cv| cv.skills.join("\n") set=|cv: &mut Cv, v: String| cv.skills = lines(&v) />
        <LanguagesSection editor=editor />
        <ListSection editor=editor title="Centres d'intérêt" id="cv-interests"
            hint="Un par ligne. Par exemple\u{a0}: Football en club"
            get=|cv| cv.interests.join("\n") set=|cv: &mut Cv, v: String| cv.interests = lines(&v) />
        <section class="cv-section" aria-labelledby="cv-permis">
            <h2 id="cv-permis">"Permis"</h2>
            <p class="check-row">
                <input type="checkbox" id="cv-driving" prop:checked=move || cv.with(|c| c.driving_licence)
                    on:change=move |ev| editor.edit(|c| c.driving_licence = event_target_checked(&ev)) />
                <label for="cv-driving">"J'ai le permis B"</label>
            </p>
        </section>
        <AllAdvice advice=advice />
        <Preview cv=cv />
    }
}

/// Lines of a textarea, kept as typed (an empty last line lets the learner
/// start a new one); empty lines are ignored by the preview and the coach.
fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

/// A labelled text input bound to one field of the CV.
#[component]
fn TextField(
    editor: CvEditor,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    id: &'static str,
    get: fn(&Cv) -> String,
    set: fn(&mut Cv, String),
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] on_blur: Option<fn(&mut Cv)>,
) -> impl IntoView {
    let hint_id = format!("{id}-aide");
    view! {
        <p class="field">
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
            <input id=id type=kind.unwrap_or("text") autocomplete=autocomplete
                aria-describedby=(!hint.is_empty()).then(|| hint_id.clone())
                prop:value=move || editor.doc.with(get)
                on:input=move |ev| editor.edit(|cv| set(cv, event_target_value(&ev)))
                on:blur=move |_| if let Some(f) = on_blur { editor.edit(f) } />
        </p>
    }
}

#[component]
fn IdentitySection(editor: CvEditor, advice: Memo<Vec<Advice>>) -> impl IntoView {
    view! {
        <section class="cv-section" aria-labelledby="cv-identite">
            <h2 id="cv-identite">"Identité et contact"</h2>
            <TextField editor=editor label="Prénom" id="cv-first-name" autocomplete="given-name"
                get=|cv| cv.identity.first_name.clone() set=|cv, v| cv.identity.first_name = v />
            <AdviceFor advice=advice target=Target::FirstName filled=|cv| !cv.identity.first_name.is_empty() />
            <TextField editor=editor label="Nom" id="cv-last-name" autocomplete="family-name"
                get=|cv| cv.identity.last_name.clone() set=|cv, v| cv.identity.last_name = v />
            <AdviceFor advice=advice target=Target::LastName filled=|cv| !cv.identity.last_name.is_empty() />
            <TextField editor=editor label="Téléphone" id="cv-phone" kind="tel" autocomplete="tel"
                hint="Par exemple\u{a0}: 06 12 34 56 78"
                get=|cv| cv.identity.phone.clone() set=|cv, v| cv.identity.phone = v
                on_blur=|cv| if let Ok(n) = normalize_phone(&cv.identity.phone) { cv.identity.phone = n } />
            <AdviceFor advice=advice target=Target::Phone filled=|cv| !cv.identity.phone.is_empty() />
            <TextField editor=editor label="Adresse e-mail" id="cv-email" kind="email" autocomplete="email"
                hint="Vous n'en avez pas\u{a0}? Laissez vide."
                get=|cv| cv.identity.email.clone() set=|cv, v| cv.identity.email = v.trim().to_string() />
            <AdviceFor advice=advice target=Target::Email />
            <TextField editor=editor label="Ville" id="cv-city" autocomplete="address-level2"
                get=|cv| cv.identity.city.clone() set=|cv, v| cv.identity.city = v />
            <AdviceFor advice=advice target=Target::City filled=|cv| !cv.identity.city.is_empty() />
        </section>
    }
}

/// The advice for one target, next to its field. An empty CV should not
/// greet the learner with a dozen "ajoutez…": next to a field we show what
/// is wrong, what concerns a field already filled, and always the e-mail
/// advice (it leads to the lesson for those who have no address). The
/// complete list is in "Conseils pour votre CV".
#[component]
fn AdviceFor(
    advice: Memo<Vec<Advice>>,
    target: Target,
    #[prop(optional)] filled: Option<fn(&Cv) -> bool>,
) -> impl IntoView {
    let cv = expect_context::<RwSignal<Cv>>();
    move || {
        let show_suggestions = target == Target::Email || filled.is_some_and(|f| cv.with(f));
        advice.with(|all| {
            all.iter()
                .filter(|a| {
                    a.target == target && (a.level == AdviceLevel::Problem || show_suggestions)
                })
                .map(|a| view! { <AdviceNote advice=a.clone() /> })
                .collect_view()
        })
    }
}

#[component]
pub fn AdviceNote(advice: Advice) -> impl IntoView {
    let class = match advice.level {
        AdviceLevel::Problem => "advice advice-problem",
        AdviceLevel::Suggestion => "advice advice-suggestion",
    };
    let lesson = advice.lesson.map(|id| {
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
    });
    view! {
        <div class=class>
            <p>
                <strong>{if advice.level == AdviceLevel::Problem { "À corriger\u{a0}: " } else { "Conseil\u{a0}: " }}</strong>
                {advice.message.clone()}
            </p>
            {advice.suggestion.clone().map(|s| view! { <p class="advice-suggestion-text">{s}</p> })}
            {lesson.map(|l| view! { <p>{l}</p> })}
        </div>
    }
}

/// Every piece of advice, in the core's order, so nothing is missed.
#[component]
fn AllAdvice(advice: Memo<Vec<Advice>>) -> impl IntoView {
    view! {
        <section class="cv-section" aria-labelledby="cv-conseils">
            <h2 id="cv-conseils">"Conseils pour votre CV"</h2>
            {move || {
                let all = advice.get();
                if all.is_empty() {
                    view! { <p class="saved">"Votre CV est complet. Bravo\u{a0}!"</p> }.into_any()
                } else {
                    all.into_iter().map(|a| view! { <AdviceNote advice=a /> }).collect_view().into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ExperiencesSection(editor: CvEditor, advice: Memo<Vec<Advice>>) -> impl IntoView {
    let cv = editor.doc;
    let add = move |_| {
        let id = next_id(editor);
        editor.edit(|c| {
            c.experiences.insert(
                0,
                Experience {
                    id,
                    ..Experience::default()
                },
            )
        });
    };
    view! {
        <section class="cv-section" aria-labelledby="cv-experiences">
            <h2 id="cv-experiences">"Expériences"</h2>
            <p class="hint">"Les stages, missions, jobs d'été, le bénévolat et le service civique comptent aussi. La plus récente en premier."</p>
            <AdviceFor advice=advice target=Target::Section(SectionKind::Experiences) filled=|cv| !cv.experiences.is_empty() />
            <p><button type="button" class="button" on:click=add>"+ Ajouter une expérience"</button></p>
            <For each=move || cv.with(|c| c.experiences.iter().map(|e| e.id).collect::<Vec<_>>()) key=|id| *id let:id>
                <ExperienceCard editor=editor id=id advice=advice />
            </For>
        </section>
    }
}

/// Reads one field of the experience `id`.
fn exp_field<T: Default>(cv: &Cv, id: u32, f: impl Fn(&Experience) -> T) -> T {
    cv.experiences
        .iter()
        .find(|e| e.id == id)
        .map(f)
        .unwrap_or_default()
}

fn edit_exp(editor: CvEditor, id: u32, f: impl FnOnce(&mut Experience)) {
    editor.edit(|c| {
        if let Some(e) = c.experiences.iter_mut().find(|e| e.id == id) {
            f(e);
        }
    });
}

fn month_value(m: Option<MonthYear>) -> String {
    m.map(|m| format!("{:04}-{:02}", m.year, m.month))
        .unwrap_or_default()
}

#[component]
fn ExperienceCard(editor: CvEditor, id: u32, advice: Memo<Vec<Advice>>) -> impl IntoView {
    let cv = editor.doc;
    let field = move |name: &str| format!("exp-{id}-{name}");
    let text = move |name: &'static str,
                     label: &'static str,
                     get: fn(&Experience) -> String,
                     set: fn(&mut Experience, String)| {
        let fid = field(name);
        view! {
            <p class="field">
                <label for=fid.clone()>{label}</label>
                <input id=fid type="text" prop:value=move || cv.with(|c| exp_field(c, id, get))
                    on:input=move |ev| { let v = event_target_value(&ev); edit_exp(editor, id, |e| set(e, v)) } />
            </p>
        }
    };
    let title = move || {
        cv.with(|c| {
            let role = exp_field(c, id, |e| e.role.clone());
            if role.trim().is_empty() {
                "Nouvelle expérience".to_string()
            } else {
                role
            }
        })
    };
    let (kind_id, start_id, end_id, current_id, desc_id) = (
        field("kind"),
        field("start"),
        field("end"),
        field("current"),
        field("description"),
    );
    view! {
        <div class="cv-entry" role="group" aria-label=title>
            <h3>{title}</h3>
            <p class="field">
                <label for=kind_id.clone()>"Type"</label>
                <select id=kind_id on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit_exp(editor, id, |e| if let Some(k) = ExperienceKind::ALL.iter().find(|k| k.label() == v) { e.kind = *k });
                }>
                    {ExperienceKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.label() selected=move || cv.with(|c| exp_field(c, id, |e| e.kind == k))>{k.label()}</option> }
                    }).collect_view()}
                </select>
            </p>
            {text("role", "Poste ou mission", |e| e.role.clone(), |e, v| e.role = v)}
            {text("employer", "Entreprise ou association", |e| e.employer.clone(), |e, v| e.employer = v)}
            {text("city", "Ville", |e| e.city.clone(), |e, v| e.city = v)}
            <div class="dates">
                <p class="field">
                    <label for=start_id.clone()>"Début (mois et année)"</label>
                    <input id=start_id type="month" prop:value=move || cv.with(|c| month_value(exp_field(c, id, |e| e.start)))
                        on:input=move |ev| { let v = MonthYear::parse(&event_target_value(&ev)); edit_exp(editor, id, |e| e.start = v) } />
                </p>
                <p class="field">
                    <label for=end_id.clone()>"Fin (mois et année)"</label>
                    <input id=end_id type="month" disabled=move || cv.with(|c| exp_field(c, id, |e| e.end.is_none() && e.start.is_some()) )
                        prop:value=move || cv.with(|c| month_value(exp_field(c, id, |e| e.end)))
                        on:input=move |ev| { let v = MonthYear::parse(&event_target_value(&ev)); edit_exp(editor, id, |e| e.end = v) } />
                </p>
            </div>
            <p class="check-row">
                <input type="checkbox" id=current_id.clone()
                    prop:checked=move || cv.with(|c| exp_field(c, id, |e| e.end.is_none()))
                    on:change=move |ev| {
                        let current = event_target_checked(&ev);
                        edit_exp(editor, id, |e| if current { e.end = None } else if e.end.is_none() { e.end = e.start });
                    } />
                <label for=current_id>"J'y suis encore (en cours)"</label>
            </p>
            <p class="field">
                <label for=desc_id.clone()>"Ce que vous avez fait"</label>
                <textarea id=desc_id rows="3" prop:value=move || cv.with(|c| exp_field(c, id, |e| e.description.clone()))
                    on:input=move |ev| { let v = event_target_value(&ev); edit_exp(editor, id, |e| e.description = v) }></textarea>
            </p>
            {move || advice.with(|all| {
                all.iter()
                    .filter(|a| matches!(a.target, Target::Experience { id: t, .. } if t == id))
                    .map(|a| view! { <AdviceNote advice=a.clone() /> })
                    .collect_view()
            })}
            <EntryActions editor=editor list=EntryList::Experiences id=id />
        </div>
    }
}

/// The lists whose entries the learner reorders and deletes.
#[derive(Clone, Copy)]
enum EntryList {
    Experiences,
    Education,
}

impl EntryList {
    fn ids(self, cv: &Cv) -> Vec<u32> {
        match self {
            EntryList::Experiences => cv.experiences.iter().map(|e| e.id).collect(),
            EntryList::Education => cv.education.iter().map(|e| e.id).collect(),
        }
    }

    fn swap(self, cv: &mut Cv, i: usize, j: usize) {
        match self {
            EntryList::Experiences => cv.experiences.swap(i, j),
            EntryList::Education => cv.education.swap(i, j),
        }
    }

    fn remove(self, cv: &mut Cv, id: u32) {
        match self {
            EntryList::Experiences => cv.experiences.retain(|e| e.id != id),
            EntryList::Education => cv.education.retain(|e| e.id != id),
        }
    }
}

/// "↑ Monter", "↓ Descendre", "Supprimer" for one entry (buttons, so the
/// order can be changed by touch, keyboard and screen reader alike).
#[component]
fn EntryActions(editor: CvEditor, list: EntryList, id: u32) -> impl IntoView {
    let cv = editor.doc;
    let position = move || cv.with(|c| list.ids(c).iter().position(|&x| x == id).unwrap_or(0));
    let count = move || cv.with(|c| list.ids(c).len());
    let move_by = move |delta: isize| {
        editor.edit(|c| {
            let ids = list.ids(c);
            if let Some(i) = ids.iter().position(|&x| x == id) {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < ids.len() {
                    list.swap(c, i, j as usize);
                }
            }
        })
    };
    view! {
        <div class="entry-actions">
            <button type="button" class="button" disabled=move || position() == 0 on:click=move |_| move_by(-1)>"↑ Monter"</button>
            <button type="button" class="button" disabled=move || { position() + 1 >= count() } on:click=move |_| move_by(1)>"↓ Descendre"</button>
            <button type="button" class="button danger" on:click=move |_| editor.edit(|c| list.remove(c, id))>"Supprimer"</button>
        </div>
    }
}

#[component]
fn EducationSection(editor: CvEditor, advice: Memo<Vec<Advice>>) -> impl IntoView {
    let cv = editor.doc;
    let add = move |_| {
        let id = next_id(editor);
        editor.edit(|c| {
            c.education.insert(
                0,
                Education {
                    id,
                    ..Education::default()
                },
            )
        });
    };
    view! {
        <section class="cv-section" aria-labelledby="cv-formations">
            <h2 id="cv-formations">"Formations"</h2>
            <p class="hint">"Diplômes, formations, certificats. Le plus récent en premier."</p>
            <AdviceFor advice=advice target=Target::Section(SectionKind::Education) filled=|cv| !cv.education.is_empty() />
            <p><button type="button" class="button" on:click=add>"+ Ajouter une formation"</button></p>
            <For each=move || cv.with(|c| c.education.iter().map(|e| e.id).collect::<Vec<_>>()) key=|id| *id let:id>
                <EducationCard editor=editor id=id advice=advice />
            </For>
        </section>
    }
}

fn edu_field<T: Default>(cv: &Cv, id: u32, f: impl Fn(&Education) -> T) -> T {
    cv.education
        .iter()
        .find(|e| e.id == id)
        .map(f)
        .unwrap_or_default()
}

fn edit_edu(editor: CvEditor, id: u32, f: impl FnOnce(&mut Education)) {
    editor.edit(|c| {
        if let Some(e) = c.education.iter_mut().find(|e| e.id == id) {
            f(e);
        }
    });
}

#[component]
fn EducationCard(editor: CvEditor, id: u32, advice: Memo<Vec<Advice>>) -> impl IntoView {
    let cv = editor.doc;
    let text = move |name: &'static str,
                     label: &'static str,
                     get: fn(&Education) -> String,
                     set: fn(&mut Education, String)| {
        let fid = format!("edu-{id}-{name}");
        view! {
            <p class="field">
                <label for=fid.clone()>{label}</label>
                <input id=fid type="text" prop:value=move || cv.with(|c| edu_field(c, id, get))
                    on:input=move |ev| { let v = event_target_value(&ev); edit_edu(editor, id, |e| set(e, v)) } />
            </p>
        }
    };
    let title = move || {
        cv.with(|c| {
            let d = edu_field(c, id, |e| e.diploma.clone());
            if d.trim().is_empty() {
                "Nouvelle formation".to_string()
            } else {
                d
            }
        })
    };
    let (start_id, end_id) = (format!("edu-{id}-start"), format!("edu-{id}-end"));
    view! {
        <div class="cv-entry" role="group" aria-label=title>
            <h3>{title}</h3>
            {text("diploma", "Diplôme ou formation", |e| e.diploma.clone(), |e, v| e.diploma = v)}
            {text("school", "École ou organisme", |e| e.school.clone(), |e, v| e.school = v)}
            {text("city", "Ville", |e| e.city.clone(), |e, v| e.city = v)}
            <div class="dates">
                <p class="field">
                    <label for=start_id.clone()>"Début"</label>
                    <input id=start_id type="month" prop:value=move || cv.with(|c| month_value(edu_field(c, id, |e| e.start)))
                        on:input=move |ev| { let v = MonthYear::parse(&event_target_value(&ev)); edit_edu(editor, id, |e| e.start = v) } />
                </p>
                <p class="field">
                    <label for=end_id.clone()>"Fin"</label>
                    <input id=end_id type="month" prop:value=move || cv.with(|c| month_value(edu_field(c, id, |e| e.end)))
                        on:input=move |ev| { let v = MonthYear::parse(&event_target_value(&ev)); edit_edu(editor, id, |e| e.end = v) } />
                </p>
            </div>
            {move || advice.with(|all| {
                all.iter()
                    .filter(|a| matches!(a.target, Target::Education { id: t, .. } if t == id))
                    .map(|a| view! { <AdviceNote advice=a.clone() /> })
                    .collect_view()
            })}
            <EntryActions editor=editor list=EntryList::Education id=id />
        </div>
    }
}

/// A section written as a list, one item per line.
#[component]
fn ListSection(
    editor: CvEditor,
    title: &'static str,
    id: &'static str,
    hint: &'static str,
    get: fn(&Cv) -> String,
    set: fn(&mut Cv, String),
) -> impl IntoView {
    let (heading, labelled_by) = (format!("{id}-titre"), format!("{id}-titre"));
    let hint_id = format!("{id}-aide");
    view! {
        <section class="cv-section" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <p class="field">
                <label for=id>{title}</label>
                <span class="hint" id=hint_id.clone()>{hint}</span>
                <textarea id=id rows="4" aria-describedby=hint_id prop:value=move || editor.doc.with(get)
                    on:input=move |ev| editor.edit(|cv| set(cv, event_target_value(&ev)))></textarea>
            </p>
        </section>
    }
}

#[component]
fn LanguagesSection(editor: CvEditor) -> impl IntoView {
    let cv = editor.doc;
    let add = move |_| {
        editor.edit(|c| {
            c.languages.push(Language {
                name: String::new(),
                level: LanguageLevel::B1,
            })
        })
    };
    view! {
        <section class="cv-section" aria-labelledby="cv-langues">
            <h2 id="cv-langues">"Langues"</h2>
            {move || {
                let n = cv.with(|c| c.languages.len());
                (0..n).map(|i| {
                    let (name_id, level_id) = (format!("lang-{i}-name"), format!("lang-{i}-level"));
                    view! {
                        <div class="cv-entry">
                            <p class="field">
                                <label for=name_id.clone()>"Langue"</label>
                                <input id=name_id type="text" prop:value=move || cv.with(|c| c.languages.get(i).map(|l| l.name.clone()).unwrap_or_default())
                                    on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|c| if let Some(l) = c.languages.get_mut(i) { l.name = v }) } />
                            </p>
                            <p class="field">
                                <label for=level_id.clone()>"Niveau"</label>
                                <select id=level_id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    editor.edit(|c| if let (Some(l), Some(level)) = (c.languages.get_mut(i), LanguageLevel::ALL.iter().find(|x| x.label() == v)) { l.level = *level });
                                }>
                                    {LanguageLevel::ALL.iter().map(|level| {
                                        let level = *level;
                                        view! { <option value=level.label() selected=move || cv.with(|c| c.languages.get(i).is_some_and(|l| l.level == level))>{level.label()}</option> }
                                    }).collect_view()}
                                </select>
                            </p>
                            <div class="entry-actions">
                                <button type="button" class="button danger" on:click=move |_| editor.edit(|c| { if i < c.languages.len() { c.languages.remove(i); } })>"Supprimer"</button>
                            </div>
                        </div>
                    }
                }).collect_view()
            }}
            <p><button type="button" class="button" on:click=add>"+ Ajouter une langue"</button></p>
        </section>
    }
}

/// The CV as it will look, live. Also what the print stylesheet prints.
#[component]
fn Preview(cv: RwSignal<Cv>) -> impl IntoView {
    let filled = |v: &[String]| {
        v.iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
    };
    let period = |start: Option<MonthYear>, end: Option<MonthYear>| match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", s.label(), e.label()),
        (Some(s), None) => format!("depuis {}", s.label()),
        (None, Some(e)) => e.label(),
        (None, None) => String::new(),
    };
    view! {
        <section class="cv-section" aria-labelledby="cv-apercu">
            <h2 id="cv-apercu">"Aperçu"</h2>
            <PdfExport cv=cv />
            {move || cv.with(|cv| {
                let skills = filled(&cv.skills);
                let interests = filled(&cv.interests);
                let contact: Vec<String> = [&cv.identity.phone, &cv.identity.email, &cv.identity.city]
                    .into_iter().filter(|s| !s.trim().is_empty()).cloned().collect();
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
            })}
        </section>
    }
}

fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// "Télécharger en PDF": the PDF is made here, on the phone, offline
/// (`declic_pdf`), in the template the learner picks.
#[component]
fn PdfExport(cv: RwSignal<Cv>) -> impl IntoView {
    let template = RwSignal::new(declic_pdf::Template::Classique);
    let make = move || {
        cv.with_untracked(|cv| {
            (
                declic_pdf::cv_pdf(cv, template.get_untracked()),
                pdf_file_name(cv),
            )
        })
    };
    view! {
        <fieldset class="templates">
            <legend>"Modèle"</legend>
            {declic_pdf::Template::ALL.iter().map(|t| {
                let t = *t;
                let id = format!("modele-{}", t.label().to_lowercase());
                view! {
                    <p class="check-row">
                        <input type="radio" name="modele" id=id.clone() prop:checked=move || template.get() == t
                            on:change=move |_| template.set(t) />
                        <label for=id>{t.label()}</label>
                    </p>
                }
            }).collect_view()}
        </fieldset>
        <div class="actions">
            <PdfButtons make=make />
            <button type="button" class="button" on:click=move |_| print()>"Imprimer"</button>
        </div>
        <p class="hint">"Le PDF est créé sur ce téléphone, même sans connexion. Vous le trouverez dans vos téléchargements."</p>
    }
}

/// "Télécharger en PDF" and, where the phone can, "Partager le PDF".
/// `make` builds the document and its file name when the learner asks
/// (timed as "declic-pdf" for the benches).
#[component]
pub fn PdfButtons(make: impl Fn() -> (Vec<u8>, String) + Copy + 'static) -> impl IntoView {
    let made = move || {
        crate::perf::start("declic-pdf");
        let made = make();
        crate::perf::end("declic-pdf");
        made
    };
    view! {
        <button type="button" class="button primary" on:click=move |_| {
            let (bytes, name) = made();
            save_file(&bytes, &name, "application/pdf");
        }>"Télécharger en PDF"</button>
        {can_share_files().then(|| view! {
            <button type="button" class="button" on:click=move |_| {
                let (bytes, name) = made();
                share_file(&bytes, &name, "application/pdf");
            }>"Partager le PDF"</button>
        })}
    }
}

/// "CV-Lea-Martin.pdf": letters without accents, so every phone and every
/// e-mail service handles the name.
pub fn pdf_file_name(cv: &Cv) -> String {
    let plain: String = format!("{} {}", cv.identity.first_name, cv.identity.last_name)
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'À' | 'Â' => 'A',
            'É' | 'È' | 'Ê' => 'E',
            'Ç' => 'C',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let words: Vec<&str> = plain.split_whitespace().collect();
    if words.is_empty() {
        "CV.pdf".into()
    } else {
        format!("CV-{}.pdf", words.join("-"))
    }
}

/// Whether this browser can hand a file to another app (the Web Share API
/// with files: Android Chrome, Safari). web-sys exposes it only behind its
/// unstable APIs, so it is reached through `Reflect`.
pub fn can_share_files() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        share_data(&[], "CV.pdf", "application/pdf").is_some_and(|(navigator, data)| {
            js_sys::Reflect::get(&navigator, &"canShare".into())
                .ok()
                .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
                .and_then(|f| f.call1(&navigator, &data).ok())
                .is_some_and(|ok| ok.is_truthy())
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Opens the phone's share sheet with the file (e-mail, messages, drive…).
pub fn share_file(bytes: &[u8], name: &str, mime: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some((navigator, data)) = share_data(bytes, name, mime) {
        if let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) {
            if let Ok(share) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(share) {
                // The learner may cancel: nothing to report then.
                let _ = share.call1(&navigator, &data);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (bytes, name, mime);
}

#[cfg(target_arch = "wasm32")]
fn share_data(
    bytes: &[u8],
    name: &str,
    mime: &str,
) -> Option<(wasm_bindgen::JsValue, js_sys::Object)> {
    let navigator: wasm_bindgen::JsValue = web_sys::window()?.navigator().into();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &name.into()).ok()?;
    Some((navigator, data))
}

/// Hands bytes to the browser as a downloaded file.
pub fn save_file(bytes: &[u8], name: &str, mime: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(a) = document.create_element("a") {
                let a: web_sys::HtmlAnchorElement = a.unchecked_into();
                a.set_href(&url);
                a.set_download(name);
                a.click();
            }
        }
        // Revoke later: the download has started from the URL by then.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (bytes, name, mime);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_names_are_plain_ascii() {
        let mut cv = Cv::default();
        assert_eq!(pdf_file_name(&cv), "CV.pdf");
        cv.identity.first_name = "Léa-Zoé".into();
        cv.identity.last_name = "N'Diaye Çelik".into();
        assert_eq!(pdf_file_name(&cv), "CV-Lea-Zoe-N-Diaye-Celik.pdf");
    }
}

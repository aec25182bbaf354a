//! "Mon CV": the CV a learner writes, and a kind coach that reads it.
//!
//! A learner far from digital tools fills in the CV one part at a time.
//! [`coach`] reads it the way a benevolent recruiter would and returns a list
//! of [`Advice`]: problems first (things that are wrong, such as a date in the
//! future or an address without "@"), then suggestions (things that would make
//! the CV stronger), each in the order it appears on the page, so the app can
//! show every piece of advice next to the field it is about.
//!
//! - [`model`]: the CV as saved on the phone ([`Cv`], its entries, the
//!   [`Entry`] trait both dated lists share, the PDF's file name);
//! - [`coach`](mod@coach): the advice, and what it points at ([`Target`]);
//! - [`guide`]: the guided builder's steps, where each piece of advice
//!   goes and when it shows, the summary;
//! - [`chronology`]: most recent first;
//! - [`length`]: will it fit on one page;
//! - dates come from [`crate::date`], the phone rule from [`crate::phone`],
//!   the e-mail checker from [`crate::email`].
//!
//! Everything here is pure: no clock (the current month is a parameter), no
//! I/O, no browser.

pub mod chronology;
pub mod coach;
pub mod guide;
pub mod length;
pub mod model;

#[cfg(test)]
mod fixtures;

pub use crate::advice::AdviceLevel;
pub use crate::date::{period, MonthYear};
pub use chronology::{is_most_recent_first, most_recent_first, Dated};
pub use coach::{coach, Advice, EducationField, ExperienceField, Target};
pub use guide::{summary, summary_lessons, Attention, CvStep, Place, StepSummary};
pub use length::{
    estimated_lines, ENTRY_LINES, HEADER_LINES, LINE_CHARS, PAGE_LINES, SECTION_TITLE_LINES,
};
pub use model::{
    Cv, Education, Entry, Experience, ExperienceKind, Identity, Language, LanguageLevel,
    SectionKind,
};

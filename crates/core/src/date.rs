//! French dates as the job tools write them: [`MonthYear`] (the dates of a
//! CV: "mars 2024", typed in any usual way), [`period`] (one entry's dates:
//! "mars 2024 – juin 2025"), and [`Date`] (a day, as a letter is dated:
//! "1er mars 2025"). The core has no clock: the app passes today in.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// A month of a year: the precision of dates on a CV.
///
/// The derived order compares `year`, then `month` (field order matters).
/// The fields are public for serde and tests; [`MonthYear::new`] and
/// [`MonthYear::parse`] only build valid months (1 to 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MonthYear {
    pub year: u16,
    pub month: u8,
}

/// The French month names, lowercase, with accents. Index 0 is January.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Common abbreviations of month names (accents removed), as people write
/// them: "janv. 2020", "sept 2021".
const MONTH_ABBREVIATIONS: [(&str, u8); 10] = [
    ("janv", 1),
    ("fev", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("sep", 9),
];

/// The years a CV date may have. Outside is a typo ("0224", "20024").
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

impl MonthYear {
    /// A month, if `month` is 1 to 12 and `year` plausible (1900 to 2100).
    pub fn new(year: u16, month: u8) -> Option<MonthYear> {
        ((1..=12).contains(&month) && YEARS.contains(&year)).then_some(MonthYear { year, month })
    }

    /// Reads a month as learners type it: "03/2024", "3/2024", "03-2024",
    /// "2024-03", "2024/03" or "mars 2024" (any case, accents optional,
    /// "sept." and other usual abbreviations accepted). Two-digit years
    /// ("03/24") are refused: "24" could be 1924 or 2024.
    pub fn parse(s: &str) -> Option<MonthYear> {
        let s = fold(s.trim());
        let words: Vec<&str> = s.split_whitespace().collect();
        match words.as_slice() {
            [numeric] => {
                let (a, b) = numeric.split_once(['/', '-', '.'])?;
                let (month, year) = if a.len() == 4 { (b, a) } else { (a, b) };
                if !(1..=2).contains(&month.len()) || year.len() != 4 {
                    return None;
                }
                MonthYear::new(digits(year)?, u8::try_from(digits(month)?).ok()?)
            }
            [name, year] => {
                let name = name.trim_end_matches('.');
                let month = MONTHS
                    .iter()
                    .position(|m| fold(m) == name)
                    .and_then(|i| u8::try_from(i + 1).ok())
                    .or_else(|| {
                        MONTH_ABBREVIATIONS
                            .iter()
                            .find(|(abbr, _)| *abbr == name)
                            .map(|&(_, m)| m)
                    })?;
                if year.len() != 4 {
                    return None;
                }
                MonthYear::new(digits(year)?, month)
            }
            _ => None,
        }
    }

    /// The French label printed on the CV: "mars 2024".
    pub fn label(self) -> String {
        match MONTHS.get(usize::from(self.month).wrapping_sub(1)) {
            Some(name) => format!("{name} {}", self.year),
            None => self.numeric(),
        }
    }

    /// The numeric form, for an input field: "03/2024".
    pub fn numeric(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }
}

impl fmt::Display for MonthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// The value of a string made only of ASCII digits (at most 4).
fn digits(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The dates of one entry (an experience, a formation) as the CV prints
/// them, in the preview and in the PDF alike:
/// - start and end: "mars 2024 – juin 2025", and one month once: "mars 2024";
/// - no end (still there): "depuis mars 2024";
/// - only an end: "juin 2025"; no date: "".
pub fn period(start: Option<MonthYear>, end: Option<MonthYear>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => s.label(),
        (Some(s), Some(e)) => format!("{} – {}", s.label(), e.label()),
        (Some(s), None) => format!("depuis {}", s.label()),
        (None, Some(e)) => e.label(),
        (None, None) => String::new(),
    }
}

/// A day of a month of a year, as the app's clock gives it (local time).
/// Not checked: [`Date::french`] prints an impossible date in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The month of this day, for the CV's date checks.
    pub fn month_year(self) -> MonthYear {
        MonthYear {
            year: self.year,
            month: self.month,
        }
    }

    /// The UTC day of a Unix time in seconds (the server's timestamps),
    /// by the civil-from-days rule (proleptic Gregorian calendar).
    pub fn from_unix_seconds(seconds: i64) -> Date {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// "3 mars 2025", see [`french_date`].
    pub fn french(self) -> String {
        french_date(self.day, self.month, self.year)
    }
}

/// A date as a French letter writes it: "3 mars 2025", "1er mars 2025"
/// (the first of the month is "premier"). The day is printed as given if it
/// is 1 to 31; an impossible month, day or year (outside 1900 to 2100) falls
/// back to the numeric form "03/13/2025" rather than failing.
pub fn french_date(day: u8, month: u8, year: u16) -> String {
    match MonthYear::new(year, month) {
        Some(month) if (1..=31).contains(&day) => {
            let suffix = if day == 1 { "er" } else { "" };
            format!("{day}{suffix} {}", month.label())
        }
        _ => format!("{day:02}/{month:02}/{year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn my(year: u16, month: u8) -> MonthYear {
        MonthYear::new(year, month).unwrap()
    }

    #[test]
    fn unix_seconds_to_days() {
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        assert_eq!(Date::from_unix_seconds(0), d(1970, 1, 1));
        assert_eq!(Date::from_unix_seconds(86_399), d(1970, 1, 1));
        assert_eq!(Date::from_unix_seconds(951_782_400), d(2000, 2, 29));
        assert_eq!(Date::from_unix_seconds(1_796_169_600), d(2026, 12, 2));
        assert_eq!(
            Date::from_unix_seconds(1_796_169_600).french(),
            "2 décembre 2026"
        );
    }

    #[test]
    fn month_year_parse_table() {
        let cases: Vec<(&str, Option<(u16, u8)>)> = vec![
            ("03/2024", Some((2024, 3))),
            ("3/2024", Some((2024, 3))),
            ("12/1999", Some((1999, 12))),
            ("03-2024", Some((2024, 3))),
            ("03.2024", Some((2024, 3))),
            ("2024-03", Some((2024, 3))),
            ("2024-3", Some((2024, 3))),
            ("2024/11", Some((2024, 11))),
            ("mars 2024", Some((2024, 3))),
            ("Mars 2024", Some((2024, 3))),
            ("MARS 2024", Some((2024, 3))),
            ("  mars   2024 ", Some((2024, 3))),
            ("février 2023", Some((2023, 2))),
            ("fevrier 2023", Some((2023, 2))),
            ("Août 2019", Some((2019, 8))),
            ("aout 2019", Some((2019, 8))),
            ("décembre 2020", Some((2020, 12))),
            ("DECEMBRE 2020", Some((2020, 12))),
            ("sept. 2021", Some((2021, 9))),
            ("janv 2020", Some((2020, 1))),
            ("juillet 2018", Some((2018, 7))),
            ("", None),
            ("mars", None),
            ("2024", None),
            ("13/2024", None),
            ("0/2024", None),
            ("00/2024", None),
            ("03/24", None),
            ("mars 24", None),
            ("marz 2024", None),
            ("03/20245", None),
            ("003/2024", None),
            ("01/1850", None),
            ("03/2024/01", None),
            ("mars 2024 ok", None),
            ("+3/2024", None),
            ("mars -2024", None),
        ];
        for (input, expected) in cases {
            assert_eq!(
                MonthYear::parse(input),
                expected.map(|(y, m)| my(y, m)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn month_year_labels_and_order() {
        assert_eq!(my(2024, 3).label(), "mars 2024");
        assert_eq!(my(2019, 8).label(), "août 2019");
        assert_eq!(my(2020, 12).to_string(), "décembre 2020");
        assert_eq!(my(2024, 3).numeric(), "03/2024");
        assert_eq!(
            MonthYear {
                year: 2024,
                month: 13
            }
            .label(),
            "13/2024"
        );
        assert!(my(2023, 12) < my(2024, 1));
        assert!(my(2024, 2) < my(2024, 3));
        assert_eq!(MonthYear::new(2024, 0), None);
        assert_eq!(MonthYear::new(2024, 13), None);
    }

    #[test]
    fn french_date_table() {
        let cases = [
            ((1, 3, 2025), "1er mars 2025"),
            ((3, 3, 2025), "3 mars 2025"),
            ((1, 1, 2026), "1er janvier 2026"),
            ((2, 2, 2024), "2 février 2024"),
            ((29, 2, 2024), "29 février 2024"),
            ((15, 8, 2025), "15 août 2025"),
            ((31, 12, 2025), "31 décembre 2025"),
            ((11, 11, 2025), "11 novembre 2025"),
            ((21, 4, 2025), "21 avril 2025"),
            ((10, 5, 2025), "10 mai 2025"),
            ((14, 7, 2025), "14 juillet 2025"),
            ((30, 9, 2025), "30 septembre 2025"),
            ((1, 10, 2025), "1er octobre 2025"),
            ((20, 6, 2025), "20 juin 2025"),
            // Impossible input falls back to numbers rather than failing.
            ((3, 13, 2025), "03/13/2025"),
            ((0, 3, 2025), "00/03/2025"),
            ((32, 3, 2025), "32/03/2025"),
            ((3, 3, 1800), "03/03/1800"),
        ];
        for ((day, month, year), expected) in cases {
            assert_eq!(
                french_date(day, month, year),
                expected,
                "{day}/{month}/{year}"
            );
        }
    }

    #[test]
    fn period_table() {
        let (march, june) = (Some(my(2024, 3)), Some(my(2025, 6)));
        let cases = [
            (march, june, "mars 2024 – juin 2025"),
            (march, march, "mars 2024"),
            (march, None, "depuis mars 2024"),
            (None, june, "juin 2025"),
            (None, None, ""),
            // An end before the start is printed as typed: the coach says so.
            (june, march, "juin 2025 – mars 2024"),
        ];
        for (start, end, expected) in cases {
            assert_eq!(period(start, end), expected, "{start:?} {end:?}");
        }
    }

    #[test]
    fn a_date_knows_its_month_and_its_french_form() {
        let date = Date {
            year: 2025,
            month: 3,
            day: 1,
        };
        assert_eq!(date.month_year(), my(2025, 3));
        assert_eq!(date.french(), "1er mars 2025");
        let impossible = Date {
            year: 2025,
            month: 13,
            day: 3,
        };
        assert_eq!(impossible.month_year().label(), "13/2025");
        assert_eq!(impossible.french(), "03/13/2025");
    }

    fn any_month() -> impl Strategy<Value = MonthYear> {
        (1900u16..=2100, 1u8..=12).prop_map(|(y, m)| my(y, m))
    }

    proptest! {
        #[test]
        fn month_labels_parse_back(m in any_month()) {
            prop_assert_eq!(MonthYear::parse(&m.label()), Some(m));
            prop_assert_eq!(MonthYear::parse(&m.numeric()), Some(m));
            prop_assert_eq!(MonthYear::parse(&m.label().to_uppercase()), Some(m));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            if let Some(m) = MonthYear::parse(&s) {
                prop_assert!((1..=12).contains(&m.month));
            }
        }
    }
}

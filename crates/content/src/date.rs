//! Calendar dates for review dates (`reviewed = 2026-12-01`).
//!
//! The compiler has no clock: "today" is given by its caller (the CLI reads
//! `--today`, `SOURCE_DATE_EPOCH` or the system clock), so every rule that
//! depends on the date is tested with a fixed one.

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` when the day does not exist (2026-02-30, month 13).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, exactly.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            bytes[r.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| text[r].parse::<u32>().ok())
                .flatten()
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        Date::new(
            year as i32,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The date `days` days after 1970-01-01 (negative: before). Howard
    /// Hinnant's `civil_from_days`, so `SOURCE_DATE_EPOCH` and the system
    /// clock become dates without a calendar crate.
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The same day one year later; 29 February becomes 28 February.
    pub fn next_year(self) -> Date {
        let year = self.year + 1;
        let day = self.day.min(days_in_month(year, self.month));
        Date { year, day, ..self }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Ymd = (i32, u8, u8);

    #[test]
    fn parses_only_real_days() {
        let cases: &[(&str, Option<Ymd>)] = &[
            ("2026-12-01", Some((2026, 12, 1))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2025-02-29", None),
            ("2026-13-01", None),
            ("2026-04-31", None),
            ("2026-00-10", None),
            ("2026-1-01", None),
            ("26-12-01", None),
            ("2026/12/01", None),
            ("2026-12-01T10:00", None),
            ("+026-12-01", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(y, m, d)| Date {
                year: y,
                month: m,
                day: d,
            });
            assert_eq!(Date::parse(text), expected, "{text}");
        }
        assert_eq!(Date::parse("2026-12-01").unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn unix_days_become_dates() {
        let cases: &[(i64, &str)] = &[
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
            (20_423, "2025-12-01"),
            (20_788, "2026-12-01"),
        ];
        for (days, expected) in cases {
            assert_eq!(Date::from_unix_days(*days).to_string(), *expected, "{days}");
        }
    }

    #[test]
    fn next_year_keeps_the_day_or_the_end_of_february() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2025-12-01").next_year(), d("2026-12-01"));
        assert_eq!(d("2024-02-29").next_year(), d("2025-02-28"));
    }
}

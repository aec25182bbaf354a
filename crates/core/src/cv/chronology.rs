//! The order of a CV's dated entries: most recent first, as French CVs
//! list them.

use std::cmp::Reverse;

use super::{Education, Experience};
use crate::date::MonthYear;

/// An entry with dates: experiences and education.
pub trait Dated {
    fn start(&self) -> Option<MonthYear>;
    /// `None` is "en cours" when the start is known.
    fn end(&self) -> Option<MonthYear>;
}

impl Dated for Experience {
    fn start(&self) -> Option<MonthYear> {
        self.start
    }
    fn end(&self) -> Option<MonthYear> {
        self.end
    }
}

impl Dated for Education {
    fn start(&self) -> Option<MonthYear> {
        self.start
    }
    fn end(&self) -> Option<MonthYear> {
        self.end
    }
}

/// How recent an entry is, larger is more recent: by end ("en cours" beats
/// any end), then by start. `None` for an entry without any date.
fn recency<T: Dated>(item: &T) -> Option<(u32, u32)> {
    fn months(m: MonthYear) -> u32 {
        u32::from(m.year) * 12 + u32::from(m.month)
    }
    match (item.start(), item.end()) {
        (start, Some(end)) => Some((months(end), start.map_or(0, months))),
        (Some(start), None) => Some((u32::MAX, months(start))),
        (None, None) => None,
    }
}

/// Sorts entries most recent first, as a CV lists them: an "en cours" entry
/// first, then by end date, then by start date. Entries without any date go
/// last. The sort is stable: ties keep the learner's order.
pub fn most_recent_first<T: Dated>(items: &mut [T]) {
    crate::small_sort::sort_by_key(items, |item| Reverse(recency(item)));
}

/// Whether the dated entries are most recent first. Undated entries are
/// ignored: they get their own advice (a missing start date), and the
/// learner should not be told the order is wrong because of them.
pub fn is_most_recent_first<T: Dated>(items: &[T]) -> bool {
    let keys: Vec<(u32, u32)> = items.iter().filter_map(recency).collect();
    keys.windows(2).all(|pair| pair[0] >= pair[1])
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn most_recent_first_table() {
        type Dates = (Option<MonthYear>, Option<MonthYear>);
        let a = (Some(my(2024, 9)), None); // en cours
        let b = (Some(my(2022, 1)), Some(my(2023, 6)));
        let c = (Some(my(2023, 1)), Some(my(2023, 6))); // same end as b, later start
        let d = (Some(my(2018, 1)), Some(my(2019, 1)));
        let e = (None, Some(my(2020, 1))); // end only
        let f = (Some(my(2010, 1)), None); // en cours, started long ago
        let u = (None, None); // undated
        let cases: Vec<(&str, Vec<Dates>, Vec<Dates>, bool)> = vec![
            ("empty", vec![], vec![], true),
            ("one", vec![d], vec![d], true),
            ("already sorted", vec![a, b, d], vec![a, b, d], true),
            ("reversed", vec![d, b, a], vec![a, b, d], false),
            ("en cours wins", vec![b, a], vec![a, b], false),
            ("same end: later start first", vec![b, c], vec![c, b], false),
            ("end only", vec![d, e, b], vec![b, e, d], false),
            (
                "two en cours: later start first",
                vec![f, a],
                vec![a, f],
                false,
            ),
            ("undated go last", vec![u, b, d], vec![b, d, u], true),
            (
                "undated in the middle is not a disorder",
                vec![b, u, d],
                vec![b, d, u],
                true,
            ),
        ];
        for (name, input, sorted, in_order) in cases {
            let mut items: Vec<Experience> = input
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| experience(i as u32, s, e))
                .collect();
            assert_eq!(is_most_recent_first(&items), in_order, "{name}");
            most_recent_first(&mut items);
            let got: Vec<Dates> = items.iter().map(|x| (x.start, x.end)).collect();
            assert_eq!(got, sorted, "{name}");
            assert!(is_most_recent_first(&items), "{name}: sorted");
        }
    }

    #[test]
    fn most_recent_first_is_stable() {
        let mut items = vec![
            experience(1, Some(my(2020, 1)), Some(my(2021, 1))),
            experience(2, Some(my(2020, 1)), Some(my(2021, 1))),
            experience(3, None, None),
            experience(4, None, None),
        ];
        most_recent_first(&mut items);
        assert_eq!(items.iter().map(|e| e.id).collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    proptest! {
        #[test]
        fn sorting_gives_a_most_recent_first_permutation(dates in prop::collection::vec(any_dates(), 0..8)) {
            let mut items: Vec<Experience> = dates
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| experience(i as u32, s, e))
                .collect();
            most_recent_first(&mut items);
            prop_assert!(is_most_recent_first(&items));
            let mut ids: Vec<u32> = items.iter().map(|e| e.id).collect();
            ids.sort_unstable();
            prop_assert_eq!(ids, (0..dates.len() as u32).collect::<Vec<_>>());
        }
    }
}

//! One stable sort for the short lists a person types or reads (a CV's
//! entries, a coach's advice, the familiar words of a letter): an insertion
//! sort, a few dozen bytes of wasm per list type.
//!
//! Why not `slice::sort_by_key`: the standard stable sort (driftsort) is
//! built for any length and costs 2 to 4 KB of wasm for each element type
//! it sorts. The job tools sorted five types that way, 20 KB of their
//! wasm, for lists that never hold more than a few dozen items, where an
//! insertion sort is as fast.

/// Sorts `items` by `key`, stable (equal keys keep their order), like
/// `slice::sort_by_key`. Quadratic: for lists of tens of items, not more.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_the_key_and_keeps_the_order_of_ties() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |&x| x);
    }

    proptest! {
        #[test]
        fn gives_what_the_standard_stable_sort_gives(items in prop::collection::vec((0u8..4, any::<u16>()), 0..40)) {
            let mut ours = items.clone();
            let mut std = items;
            sort_by_key(&mut ours, |&(k, _)| k);
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}

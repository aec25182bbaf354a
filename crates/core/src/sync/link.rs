//! The restore link: the backup screen's address with the phrase in the
//! URL fragment, `https://<server>/sauvegarde#mots=word+word…`. Browsers
//! never send a fragment to the server, so the words reach only the page.
//! The card's QR code holds this link; a camera app opens it.

use percent_encoding::{percent_decode_str, utf8_percent_encode, NON_ALPHANUMERIC};

/// What starts the fragment.
pub const FRAGMENT: &str = "#mots=";

/// The link to `page` (an absolute URL without fragment) that carries
/// `words` (separated by spaces): each word percent-encoded (accents),
/// joined by `+`.
pub fn restore_link(page: &str, words: &str) -> String {
    let words: Vec<String> = words
        .split_whitespace()
        .map(|w| utf8_percent_encode(w, NON_ALPHANUMERIC).to_string())
        .collect();
    format!("{page}{FRAGMENT}{}", words.join("+"))
}

/// The words a restore link (or only its fragment) carries, separated by
/// spaces; `None` when `text` has no `#mots=` or it does not decode.
pub fn words_in(text: &str) -> Option<String> {
    let (_, fragment) = text.split_once(FRAGMENT)?;
    let words: Option<Vec<String>> = fragment
        .split('+')
        .map(|w| {
            percent_decode_str(w)
                .decode_utf8()
                .ok()
                .map(|w| w.into_owned())
        })
        .collect();
    let words = words?.join(" ");
    (!words.trim().is_empty()).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::phrase::{Phrase, RANDOM_BYTES};

    #[test]
    fn a_link_carries_the_words_and_gives_them_back() {
        for seed in 0u8..40 {
            let phrase = Phrase::from_random([seed.wrapping_mul(91) ^ 0x5a; RANDOM_BYTES]);
            let words = phrase.to_string();
            let link = restore_link("https://declic.example/sauvegarde", &words);
            assert!(link.starts_with("https://declic.example/sauvegarde#mots="));
            assert!(link.is_ascii(), "{link}");
            assert!(!link.contains(' '));
            assert_eq!(words_in(&link).as_deref(), Some(words.as_str()));
            assert_eq!(
                Phrase::parse(&words_in(&link).unwrap()).unwrap().phrase,
                phrase
            );
        }
    }

    #[test]
    fn accents_are_encoded_and_only_a_restore_link_has_words() {
        let link = restore_link("http://192.168.1.20:8080/sauvegarde", "fusée  école");
        assert_eq!(
            link,
            "http://192.168.1.20:8080/sauvegarde#mots=fus%C3%A9e+%C3%A9cole"
        );
        assert_eq!(
            words_in("#mots=fus%C3%A9e+%C3%A9cole").as_deref(),
            Some("fusée école")
        );
        // What a browser might hand back: a lower-case escape, a raw accent.
        assert_eq!(
            words_in("#mots=fus%c3%a9e+école").as_deref(),
            Some("fusée école")
        );
        assert_eq!(words_in("https://declic.example/sauvegarde"), None);
        assert_eq!(words_in("https://declic.example/sauvegarde#mots="), None);
        assert_eq!(words_in("#mots=%FF"), None);
    }
}

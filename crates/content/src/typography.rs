//! French typography for learner-visible text.

const NBSP: char = '\u{a0}';

/// Replaces an ordinary space before `?`, `!`, `:`, `;`, `»` and after `«`
/// with a non-breaking space, so a phone never wraps a lone `?` or `»` onto
/// the next line. Only existing spaces are changed: inserting missing ones
/// would guess at intent (times like `10:30`, URLs), which we do not.
pub fn french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before_mark = chars
            .get(i + 1)
            .is_some_and(|n| matches!(n, '?' | '!' | ':' | ';' | '»'));
        let after_guillemet = i > 0 && chars[i - 1] == '«';
        if c == ' ' && (before_mark || after_guillemet) {
            out.push(NBSP);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_double_marks_become_non_breaking() {
        let cases = [
            ("Quoi ?", "Quoi\u{a0}?"),
            (
                "Oui ! Non ; peut-être : « ceci »",
                "Oui\u{a0}! Non\u{a0}; peut-être\u{a0}: «\u{a0}ceci\u{a0}»",
            ),
            ("Quoi?", "Quoi?"),
            ("À 10:30, https://a.fr", "À 10:30, https://a.fr"),
            ("l'e-mail", "l'e-mail"),
        ];
        for (input, expected) in cases {
            assert_eq!(french_spacing(input), expected, "{input}");
        }
    }
}

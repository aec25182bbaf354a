//! The safe HTML subset of lesson steps and recaps, generated from the block
//! tree (never copied from the source), plus the plain text read aloud.

/// Escapes text for HTML text and double-quoted attribute values.
/// Apostrophes are left as written: attributes are always double-quoted.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Joins units of text (paragraphs, list items) for speech synthesis: one
/// line each, ending with a punctuation mark so the voice pauses between
/// them ("Vous avez besoin de : Une photo. Un e-mail."). A unit already
/// ending with one (`.`, `!`, `?`, `…`, `:`, `;`, `,`) is left as written.
pub fn speech(units: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for unit in units {
        // Line breaks and runs of spaces become one space; no-break spaces
        // (French spacing) are kept.
        let line = unit
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() {
            continue;
        }
        if line.ends_with(['.', '!', '?', '…', ':', ';', ',']) {
            parts.push(line);
        } else {
            parts.push(format!("{line}."));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"a < b & "c" l'e"#),
            "a &lt; b &amp; &quot;c&quot; l'e"
        );
    }

    #[test]
    fn speech_ends_every_unit_with_a_pause() {
        let units = vec![
            "Vous avez besoin de\u{a0}:".to_string(),
            "Une photo".to_string(),
            "Un e-mail.\nEt voilà".to_string(),
            " ".to_string(),
        ];
        assert_eq!(
            speech(&units),
            "Vous avez besoin de\u{a0}: Une photo. Un e-mail. Et voilà."
        );
    }
}

/// Decodes `bytes` as UTF-8 (dropping a byte-order mark is left to normalisation).
///
/// Invalid sequences become U+FFFD and the warning names the file and the byte offset of the
/// first one; text with many control characters is flagged as probably binary.
pub fn decode(bytes: &[u8], name: &str) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let warning = looks_binary(text).then(|| {
                format!("{name}: looks like binary data, not text; extracted as text anyway")
            });
            (text.to_string(), warning)
        }
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{fffd}').count();
            let binary = if looks_binary(&text) {
                " (looks like binary data)"
            } else {
                ""
            };
            let warning = format!(
                "{name}: invalid UTF-8 at byte {}; decoded lossily, {bad} character(s) replaced by U+FFFD{binary}",
                e.valid_up_to()
            );
            (text, Some(warning))
        }
    }
}

/// More than 1% of control characters other than tab and line breaks, or any NUL.
pub(crate) fn looks_binary(text: &str) -> bool {
    let sample = text.char_indices().take(8192);
    let (mut total, mut control) = (0usize, 0usize);
    for (_, c) in sample {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    total > 0 && control * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_text_has_no_warning() {
        assert_eq!(
            decode("città".as_bytes(), "a.txt"),
            ("città".to_string(), None)
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let (text, warning) = decode(b"caf\xe9 ok", "b.txt");
        assert_eq!(text, "caf\u{fffd} ok");
        let warning = warning.unwrap();
        assert!(
            warning.starts_with("b.txt: invalid UTF-8 at byte 3;"),
            "{warning}"
        );
    }

    #[test]
    fn binary_is_flagged() {
        let (_, warning) = decode(b"\x00\x01\x02ELF\x7f", "c.bin");
        assert!(warning.unwrap().contains("binary"));
    }
}

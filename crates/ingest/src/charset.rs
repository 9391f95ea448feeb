//! Bytes of a web page to text: byte-order mark, then a charset declared by the transport
//! (HTTP `Content-Type`) or in the page (`<meta charset>`), then detection.
//!
//! `encoding_rs` decodes and `chardetng` guesses; only the `<meta>` pre-scan is ours, because
//! neither crate looks inside markup (and the full HTML5 pre-scan algorithm is more than
//! pages need: we look for `charset=` inside `<meta …>` tags of the first 4 KiB).
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for a `<meta>` charset declaration.
const PRESCAN: usize = 4096;

/// The decoded text of an HTML page and, when something went wrong, a warning naming `name`.
///
/// `declared` is a charset from outside the page (an HTTP header), if any. Valid UTF-8 wins
/// over a declared single-byte charset (a page that is valid UTF-8 with non-ASCII bytes is
/// almost never really latin-1 or windows-1251), and bytes that are invalid in the declared
/// charset are re-decoded with the detected one.
pub fn decode_html(bytes: &[u8], name: &str, declared: Option<&str>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        if bad {
            warnings.push(format!(
                "{name}: invalid {} after its byte-order mark; bad bytes replaced by U+FFFD",
                enc.name()
            ));
        }
        return (text.into_owned(), warnings);
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        // A page cannot declare UTF-16 in ASCII-compatible markup (HTML5 §13.2.3.2).
        .map(|e| {
            if e.is_single_byte() || e == UTF_8 {
                e
            } else {
                UTF_8
            }
        });
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    let encoding = match declared {
        Some(e) if e == UTF_8 && utf8_ok => UTF_8,
        Some(e) if e != UTF_8 && utf8_ok && !bytes.is_ascii() => {
            warnings.push(format!(
                "{name}: declared charset {} but the bytes are valid UTF-8; read as UTF-8",
                e.name()
            ));
            UTF_8
        }
        Some(e) if e != UTF_8 => e,
        None if utf8_ok => UTF_8,
        Some(_) | None => {
            let guess = detect(bytes);
            if declared.is_some() {
                let at = std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                warnings.push(format!(
                    "{name}: declared UTF-8 but invalid at byte {at}; decoded as detected {}",
                    guess.name()
                ));
            }
            guess
        }
    };
    let (text, bad) = encoding.decode_without_bom_handling(bytes);
    if bad {
        warnings.push(format!(
            "{name}: bytes invalid in {} replaced by U+FFFD",
            encoding.name()
        ));
    }
    (text.into_owned(), warnings)
}

/// chardetng's guess for bytes that are not UTF-8 (windows-1252 when it has nothing to go on).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess == UTF_8 { WINDOWS_1252 } else { guess }
}

/// The encoding named by `charset=` inside the first `<meta` tag that has one.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memfind(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(c) = memfind(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or(rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &b[n..]
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_declaration() {
        let (t, w) = decode_html("<p>città</p>".as_bytes(), "a", None);
        assert_eq!(t, "<p>città</p>");
        assert!(w.is_empty());
    }

    #[test]
    fn meta_charset_windows_1251() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><p>".to_vec();
        page.extend_from_slice(&[0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]); // Москва
        let (t, w) = decode_html(&page, "ru.html", None);
        assert!(t.ends_with("Москва"), "{t}");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn http_equiv_latin1_and_header_hint() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9";
        assert!(decode_html(page, "a", None).0.ends_with("café"));
        let bare = b"<p>caf\xe9";
        assert!(decode_html(bare, "a", Some("latin1")).0.ends_with("café"));
    }

    #[test]
    fn bom_wins() {
        let page = b"\xef\xbb\xbf<meta charset=latin1><p>\xc3\xa8";
        assert!(decode_html(page, "a", None).0.ends_with("è"));
        let utf16: Vec<u8> = [0xff, 0xfe, b'<', 0, b'p', 0, b'>', 0, 0xe8, 0].to_vec();
        assert_eq!(decode_html(&utf16, "a", None).0, "<p>è");
    }

    #[test]
    fn wrong_declarations_are_corrected_with_a_warning() {
        // Declared latin-1, really UTF-8.
        let (t, w) = decode_html("<meta charset=latin1><p>città".as_bytes(), "x", None);
        assert!(t.ends_with("città"));
        assert!(w[0].contains("valid UTF-8"), "{w:?}");
        // Declared UTF-8, really windows-1251 Russian.
        let mut page = b"<meta charset=utf-8><p>".to_vec();
        for _ in 0..20 {
            page.extend_from_slice(&[0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, b' ']);
        }
        let (t, w) = decode_html(&page, "y", None);
        assert!(t.contains("Москва"), "{t}");
        assert!(
            w[0].starts_with("y: declared UTF-8 but invalid at byte 23"),
            "{w:?}"
        );
    }

    #[test]
    fn undeclared_non_utf8_is_detected() {
        let mut page = b"<p>".to_vec();
        for _ in 0..20 {
            page.extend_from_slice("Ça a été très compliqué à gérer. ".as_bytes());
        }
        let latin1: Vec<u8> = String::from_utf8(page)
            .unwrap()
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        let (t, _) = decode_html(&latin1, "z", None);
        assert!(t.contains("très compliqué"), "{t}");
    }
}

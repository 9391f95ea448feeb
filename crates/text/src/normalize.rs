use std::ops::Range;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The record's text (NFC, `\n` line endings, no byte-order mark) with an exact map back to
/// the input it came from.
///
/// The map is sparse: it stores only the stretches that normalisation changed, so text that was
/// already NFC with `\n` line endings costs one scan and no memory.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// Changed stretches, in order: output range and the input range it came from.
    edits: Vec<Edit>,
}

#[derive(Clone, Debug)]
struct Edit {
    out: Range<usize>,
    input: Range<usize>,
}

impl Normalized {
    /// Normalises `input`.
    pub fn new(input: &str) -> Normalized {
        let body = input.strip_prefix('\u{feff}').unwrap_or(input);
        let bom = input.len() - body.len();
        let mut edits = Vec::new();
        if bom > 0 {
            edits.push(Edit {
                out: 0..0,
                input: 0..bom,
            });
        }
        // Fast path: one scan that finds nothing to change, then one copy.
        let Some(first) = first_change(body) else {
            return Normalized {
                text: body.to_string(),
                edits,
            };
        };
        let mut text = String::with_capacity(body.len());
        let mut chunk = String::new();
        // `copied`: body bytes already in `text`. `stretch`: start of the stretch that the
        // character at `i` belongs to (the last stable character before it).
        let mut copied = 0;
        let mut i = first.pos;
        let mut stretch = first.stretch;
        let bytes = body.as_bytes();
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\r' {
                text.push_str(&body[copied..i]);
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                let out_start = text.len();
                text.push('\n');
                edits.push(Edit {
                    out: out_start..text.len(),
                    input: i + bom..end + bom,
                });
                copied = end;
                i = end;
                stretch = end;
                continue;
            }
            if b < 0x80 {
                stretch = i;
                i += 1;
                continue;
            }
            let c = body[i..].chars().next().unwrap_or('\u{fffd}');
            if is_stable(c) {
                stretch = i;
                i += c.len_utf8();
                continue;
            }
            // A character that may change or combine: normalise its whole stretch, from the
            // last stable character before it to the next stable character.
            let mut end = i + c.len_utf8();
            while let Some(n) = body[end..].chars().next() {
                if n == '\r' || is_stable(n) {
                    break;
                }
                end += n.len_utf8();
            }
            let raw = &body[stretch..end];
            chunk.clear();
            chunk.extend(raw.nfc());
            if chunk != raw {
                text.push_str(&body[copied..stretch]);
                let out_start = text.len();
                text.push_str(&chunk);
                edits.push(Edit {
                    out: out_start..text.len(),
                    input: stretch + bom..end + bom,
                });
                copied = end;
            }
            i = end;
            stretch = end;
        }
        if edits.is_empty() {
            return Normalized {
                text: body.to_string(),
                edits,
            };
        }
        text.push_str(&body[copied..]);
        Normalized { text, edits }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consumes the value, returning the normalised text.
    pub fn into_text(self) -> String {
        self.text
    }

    /// True when normalisation changed nothing.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// The input byte range that produced the output byte range `out`.
    ///
    /// A range that starts or ends inside a changed stretch (a composed character, a `\r\n`) is
    /// widened to cover the whole stretch.
    pub fn to_input(&self, out: Range<usize>) -> Range<usize> {
        self.map_start(out.start)..self.map_end(out.end).max(self.map_start(out.start))
    }

    fn map_start(&self, pos: usize) -> usize {
        // The last edit starting at or before pos (edits whose output is empty sit at their
        // position and are skipped over when mapping a start).
        let i = self.edits.partition_point(|e| e.out.start <= pos);
        match i.checked_sub(1).map(|j| &self.edits[j]) {
            None => pos,
            Some(e) if pos < e.out.end => e.input.start,
            Some(e) => e.input.end + (pos - e.out.end),
        }
    }

    fn map_end(&self, pos: usize) -> usize {
        let i = self.edits.partition_point(|e| e.out.start < pos);
        match i.checked_sub(1).map(|j| &self.edits[j]) {
            None => pos,
            Some(e) if pos <= e.out.end => e.input.end,
            Some(e) => e.input.end + (pos - e.out.end),
        }
    }
}

struct FirstChange {
    /// Where the scan must resume: a `\r` or a character that is not stable.
    pos: usize,
    /// Start of the stretch that character belongs to.
    stretch: usize,
}

/// The first place where normalisation might change `text`, or `None` when it is already
/// NFC with `\n` line endings. ASCII is skipped a byte at a time without decoding.
fn first_change(text: &str) -> Option<FirstChange> {
    let bytes = text.as_bytes();
    let mut stretch = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\r' {
                return Some(FirstChange { pos: i, stretch: i });
            }
            stretch = i;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next()?;
        if !is_stable(c) {
            return Some(FirstChange { pos: i, stretch });
        }
        stretch = i;
        i += c.len_utf8();
    }
    None
}

/// True for a character that NFC leaves alone and that never combines with the character
/// before it (canonical combining class 0 and NFC quick check "yes"): text can be cut before
/// it and each piece normalised on its own.
///
/// The ranges checked first are the Latin, Cyrillic and punctuation blocks of our languages,
/// where every character is stable (a test checks this against the tables); they save two
/// table look-ups per character.
#[inline]
fn is_stable(c: char) -> bool {
    let u = c as u32;
    if u < 0x300
        || (0x400..0x483).contains(&u)
        || (0x48a..0x530).contains(&u)
        || (0x2010..0x2070).contains(&u)
    {
        return true;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn composes_and_maps_back() {
        // "e" + combining grave → "è"; CRLF → LF; BOM dropped.
        let input = "\u{feff}Perch\u{0065}\u{0300} no?\r\nS\u{0300}ì";
        let n = Normalized::new(input);
        // "S" + grave has no precomposed form: NFC keeps both; "i" + grave composes.
        assert_eq!(n.text(), "Perchè no?\nS\u{0300}ì");
        let e = n.text().find('è').unwrap();
        assert_eq!(&input[n.to_input(e..e + 2)], "e\u{0300}");
        let nl = n.text().find('\n').unwrap();
        assert_eq!(&input[n.to_input(nl..nl + 1)], "\r\n");
        let si = n.text().find('S').unwrap();
        assert_eq!(&input[n.to_input(si..n.text().len())], "S\u{0300}ì");
        assert_eq!(n.to_input(0..0), 3..3);
    }

    #[test]
    fn identity_costs_nothing() {
        let n = Normalized::new("Già normalizzato.\n");
        assert!(n.is_identity());
        assert_eq!(n.to_input(4..7), 4..7);
    }

    #[test]
    fn fast_ranges_are_stable() {
        let ranges = [0..0x300u32, 0x400..0x483, 0x48a..0x530, 0x2010..0x2070];
        for r in ranges {
            for u in r {
                let Some(c) = char::from_u32(u) else { continue };
                assert!(
                    canonical_combining_class(c) == 0
                        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes,
                    "U+{u:04X} is not stable"
                );
            }
        }
    }

    #[test]
    fn singletons_hangul_and_cyrillic_marks() {
        // U+2126 OHM SIGN → U+03A9; U+2000 EN QUAD → U+2002; jamo compose; и + breve → й.
        let input = "\u{2126} \u{2000}x \u{1100}\u{1161}\u{11a8} \u{438}\u{306}";
        let n = Normalized::new(input);
        assert_eq!(n.text(), "\u{3a9} \u{2002}x \u{ac01} \u{439}");
        let k = n.text().find('\u{ac01}').unwrap();
        assert_eq!(&input[n.to_input(k..k + 3)], "\u{1100}\u{1161}\u{11a8}");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for input in [
            "",
            "\u{feff}",
            "\r",
            "\r\r\n",
            "\u{301}",
            "\u{301}\u{301}a",
            "\u{fffd}\u{0}",
        ] {
            let n = Normalized::new(input);
            // A byte-order mark is dropped: the text starts after it.
            let bom = if input.starts_with('\u{feff}') { 3 } else { 0 };
            assert_eq!(n.to_input(0..n.text().len()), bom..input.len());
        }
    }

    /// The reference: line endings, then NFC over the whole text.
    fn reference(s: &str) -> String {
        s.replace("\r\n", "\n").replace('\r', "\n").nfc().collect()
    }

    proptest! {
        #[test]
        fn exact_spans_map_back_to_input_that_normalises_to_them(
            bom in any::<bool>(),
            body in "[a-zAEIè\u{0300}\u{0301}\u{0327}\u{0306}и\u{1100}\u{1161}\u{11a8}\u{2126}\u{2000}\u{0f73}\u{0344}\r\n ]{0,40}"
        ) {
            let input = if bom { format!("\u{feff}{body}") } else { body.clone() };
            let n = Normalized::new(&input);
            let expected = reference(&body);
            prop_assert_eq!(n.text(), expected.as_str());
            prop_assert_eq!(n.to_input(0..n.text().len()), if bom { 3 } else { 0 }..input.len());
            // Output positions that fall between changed stretches cut the text exactly: the
            // input between two of them normalises to the output between them.
            let exact: Vec<usize> = (0..=n.text().len())
                .filter(|&p| n.text().is_char_boundary(p))
                .filter(|&p| !n.edits.iter().any(|e| e.out.start < p && p < e.out.end))
                .collect();
            for (k, &p) in exact.iter().enumerate() {
                for &q in &exact[k..] {
                    let r = n.to_input(p..q);
                    prop_assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
                    let back = reference(input[r.clone()].trim_start_matches('\u{feff}'));
                    prop_assert_eq!(back.as_str(), &n.text()[p..q], "{:?} → {:?}", p..q, r);
                }
            }
            // Any other span widens to whole stretches and still covers its characters.
            for (i, c) in n.text().char_indices() {
                let r = n.to_input(i..i + c.len_utf8());
                prop_assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
                prop_assert!(reference(&input[r]).contains(c));
            }
        }
    }
}

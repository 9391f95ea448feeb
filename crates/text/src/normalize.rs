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
        if bom == 0 && !body.contains('\r') && is_nfc_quick(body.chars()) == IsNormalized::Yes {
            return Normalized {
                text: body.to_string(),
                edits: Vec::new(),
            };
        }
        let mut text = String::with_capacity(body.len());
        let mut edits = Vec::new();
        if bom > 0 {
            edits.push(Edit {
                out: 0..0,
                input: 0..bom,
            });
        }
        let mut chunk = String::new();
        for seg in segments(body) {
            let raw = &body[seg.clone()];
            let input_range = seg.start + bom..seg.end + bom;
            let out_start = text.len();
            if raw == "\r\n" || raw == "\r" {
                text.push('\n');
            } else if raw.len() == raw.chars().next().map_or(0, char::len_utf8)
                || is_nfc_quick(raw.chars()) == IsNormalized::Yes
            {
                text.push_str(raw);
                continue;
            } else {
                chunk.clear();
                chunk.extend(raw.nfc());
                if chunk == raw {
                    text.push_str(raw);
                    continue;
                }
                text.push_str(&chunk);
            }
            edits.push(Edit {
                out: out_start..text.len(),
                input: input_range,
            });
        }
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

/// Splits `text` into stretches that normalise independently: a character that can start a
/// composition sequence (canonical combining class 0 and NFC quick-check "yes") starts a new
/// stretch; `\r\n` is kept together.
fn segments(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = iter.next()?;
        let mut end = start + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
            return Some(start..end);
        }
        while let Some(&(i, next)) = iter.peek() {
            if next == '\r' || starts_stretch(next) {
                break;
            }
            iter.next();
            end = i + next.len_utf8();
        }
        Some(start..end)
    })
}

fn starts_stretch(c: char) -> bool {
    c.is_ascii()
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
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
        assert_eq!(n.text(), "Perchè no?\nSì");
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

    proptest! {
        #[test]
        fn every_output_char_maps_to_input_that_normalises_to_it(
            input in "[a-zàèé\u{0300}\u{0301}\u{0327}\r\n ]{0,40}"
        ) {
            let n = Normalized::new(&input);
            let expected: String = input.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
            prop_assert_eq!(n.text(), expected.as_str());
            let whole = n.to_input(0..n.text().len());
            prop_assert_eq!(whole, 0..input.len());
            for (i, c) in n.text().char_indices() {
                let r = n.to_input(i..i + c.len_utf8());
                prop_assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
                let back: String = input[r].replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
                prop_assert!(back.contains(c), "{:?} not in {:?}", c, back);
            }
        }
    }
}

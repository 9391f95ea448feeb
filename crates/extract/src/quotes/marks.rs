//! Quotation-mark regions: every pair of marks (and every dialogue-dash line) with the byte
//! ranges of its words and of its marks.

use std::ops::Range;

/// Text between a pair of quotation marks, or after a dialogue dash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// From the opening mark to the end of the closing mark (or of the line, when unclosed).
    pub outer: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
}

/// The closing mark of an opening mark, and whether it may also open (straight marks).
fn closer(open: char) -> Option<&'static [char]> {
    Some(match open {
        // A curly opening closed by a straight mark: '“The pool is out of balance," the group'.
        '“' => &['”', '“', '"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '‘' => &['’'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => return None,
    })
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// True when `c` at byte `i` opens a quotation: a straight or single mark only after a space,
/// a line start or an opening bracket or dash, and before a word.
fn opens(text: &str, i: usize, c: char) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + c.len_utf8()..].chars().next();
    match c {
        '"' | '\'' | '‘' => {
            !is_word_char(before)
                && !matches!(before, Some('.' | ',' | ';' | ':' | '!' | '?'))
                && after.is_some_and(|a| !a.is_whitespace())
        }
        // German »…« only when the mark is not closing a «…» pair (checked by the caller).
        _ => after.is_some_and(|a| !a.is_whitespace() || c != '»'),
    }
}

/// True when `c` at byte `i` closes a quotation opened by a mark that may also be an apostrophe
/// or may open: a mark followed by no letter.
fn closes(text: &str, i: usize, c: char) -> bool {
    let after = text[i + c.len_utf8()..].chars().next();
    match c {
        '\'' | '’' | '"' => !is_word_char(after),
        _ => true,
    }
}

/// The longest span, in bytes, of one quotation: longer runs are unbalanced marks.
const MAX_QUOTE: usize = 6000;

/// Every quotation in `text`, outermost only, in text order.
pub(crate) fn find_regions(text: &str) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    // Every mark starts with '"', '\'', or the lead byte of U+00AB–U+00BB (0xC2) or
    // U+2010–U+203A (0xE2): the scan jumps from one such byte to the next.
    let mut next_c2 = memchr::memchr(0xC2, bytes);
    while i < text.len() {
        if next_c2.is_some_and(|k| k < i) {
            next_c2 = memchr::memchr(0xC2, &bytes[i..]).map(|k| i + k);
        }
        let next = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..]).map(|k| i + k);
        i = match (next, next_c2) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if let Some(region) = dialogue_line(text, i) {
            i = region.outer.end.max(i + len);
            regions.push(region);
            continue;
        }
        if text[i..].starts_with("''")
            && opens(text, i, '\'')
            && let Some(region) = close_doubled(text, i)
        {
            i = region.outer.end;
            regions.push(region);
            continue;
        }
        if let Some(closing) = closer(c).filter(|_| opens(text, i, c))
            && let Some(region) = close(text, i, c, closing)
        {
            i = region.outer.end;
            regions.push(region);
            continue;
        }
        i += len;
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    regions
}

/// The region opened by `open` at byte `start`, if it closes (or runs to the end of a
/// paragraph whose next paragraph opens with the same mark, the convention for quotes over
/// several paragraphs).
fn close(text: &str, start: usize, open: char, closing: &[char]) -> Option<Region> {
    let from = start + open.len_utf8();
    let limit = (from + MAX_QUOTE).min(text.len());
    let mut k = from;
    let mut reopened = false;
    while k < limit {
        let c = text[k..].chars().next()?;
        if c == '\n' {
            // A paragraph break: the quote goes on only if the next paragraph reopens it.
            let rest = text[k..].trim_start_matches(['\n', ' ', '\t']);
            if rest.starts_with(open) {
                reopened = true;
                k = text.len() - rest.len() + open.len_utf8();
                continue;
            }
            return reopened.then_some(Region {
                outer: start..k,
                inner: from..k,
            });
        }
        if closing.contains(&c) && k > from && closes(text, k, c) {
            return Some(Region {
                outer: start..k + c.len_utf8(),
                inner: from..k,
            });
        }
        k += c.len_utf8();
    }
    None
}

/// A quotation between doubled apostrophes (''…''), as some newspapers write double marks.
fn close_doubled(text: &str, start: usize) -> Option<Region> {
    let from = start + 2;
    let end = (from + MAX_QUOTE).min(text.len());
    let mut k = from;
    while k < end {
        let rest = &text[k..];
        if rest.starts_with('\n') {
            return None;
        }
        if rest.starts_with("''") && k > from && !is_word_char(text[k + 2..].chars().next()) {
            return Some(Region {
                outer: start..k + 2,
                inner: from..k,
            });
        }
        k += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A dialogue line: a line opening with a dash, up to the next spaced dash or the line end.
fn dialogue_line(text: &str, i: usize) -> Option<Region> {
    let c = text[i..].chars().next()?;
    if !matches!(c, '—' | '―') {
        return None;
    }
    let line_start = text[..i].rfind('\n').map_or(0, |k| k + 1);
    if !text[line_start..i].trim().is_empty() {
        return None;
    }
    let from = i + c.len_utf8();
    let line_end = text[from..].find('\n').map_or(text.len(), |k| from + k);
    let end = text[from..line_end]
        .find(" —")
        .map_or(line_end, |k| from + k);
    let inner = from + (text[from..end].len() - text[from..end].trim_start().len())..end;
    (inner.end > inner.start).then_some(Region {
        outer: i..end,
        inner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_regions(text)
            .into_iter()
            .map(|r| &text[r.inner])
            .collect()
    }

    #[test]
    fn pairs_every_style_and_skips_apostrophes() {
        assert_eq!(inners("Ha detto «basta» e “mai”."), ["basta", "mai"]);
        assert_eq!(inners("Er sagte „nein“ und »ja«."), ["nein", "ja"]);
        assert_eq!(inners("l'uomo ha detto 'sì' all'alba"), ["sì"]);
        assert_eq!(inners("He said \"no\", and ‘yes’ isn’t it"), ["no", "yes"]);
        assert_eq!(inners("—Vengo ahora —dijo Juan."), ["Vengo ahora"]);
        assert_eq!(inners("''It isn't over,'' he said."), ["It isn't over,"]);
    }

    #[test]
    fn continues_over_paragraphs_that_reopen_the_quote() {
        let text = "“First part.\n\n“Second part.” Done.";
        assert_eq!(inners(text), ["First part.\n\n“Second part."]);
        assert!(inners("“Never closed.\n\nOther text.").is_empty());
    }
}

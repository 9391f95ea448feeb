//! The tokenizer: one forward scan over the bytes, decoding a character only where the byte
//! is not ASCII. It keeps no per-character table, so memory is the token list alone.
//!
//! Hand-written rather than built on UAX #29 word boundaries (`unicode-segmentation`) because
//! the number extractor needs digit runs cut in a fixed, non-Unicode way ("1.000", "10-20"),
//! and elision ("l’") depends on the language.

use super::{SegmentRules, Token, TokenKind};

/// The character starting at byte `i`, which must be a char boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// Characters that separate tokens without being one: whitespace, control characters and
/// invisible format characters (zero-width space, word joiner, byte-order mark).
#[inline]
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_common_letter(c) {
        return true;
    }
    // Soft hyphen and zero-width joiners sit inside words in web text.
    if matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}') {
        return true;
    }
    // Quotes, dashes and spaces: no table look-up (a test checks the block).
    if matches!(c as u32, 0x2000..=0x206F) || matches!(c, '«' | '»' | '\u{a0}') {
        return false;
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Accented Latin and Cyrillic letters, answered without the Unicode tables (whose look-up
/// took a third of the segmentation time on Russian text). A test checks the ranges.
#[inline]
pub(crate) fn is_common_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F)
}

#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Length of the number starting at `start` (an ASCII digit): digits with `.` `,` `'` `’`
/// inside, each followed by a digit.
#[inline]
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start + 1;
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_digit() => i += 1,
            Some(b'.' | b',' | b'\'') if digit(i + 1) => i += 2,
            // U+2019 RIGHT SINGLE QUOTATION MARK, three bytes.
            Some(0xE2) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) && digit(i + 3) => i += 4,
            _ => return i,
        }
    }
}

/// Cuts `text` into tokens, appending them to `out`.
pub(crate) fn tokenize(text: &str, rules: &SegmentRules, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    while i < len {
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            // Safe to decode: `i` is always on a char boundary.
            char_at(text, i).unwrap_or('\u{fffd}')
        };
        if is_separator(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if b.is_ascii_digit() {
            i = number_end(bytes, i);
            out.push(Token {
                span: start..i,
                kind: TokenKind::Number,
            });
        } else if is_word_char(c) {
            i = scan_word(text, rules, start, c, out);
        } else {
            i += c.len_utf8();
            // Runs of the same mark ("...", "--", "……") and of ! and ? ("?!", "!!!") are one
            // token.
            match c {
                '.' | '-' | '…' => {
                    while char_at(text, i) == Some(c) {
                        i += c.len_utf8();
                    }
                }
                '!' | '?' => {
                    while matches!(bytes.get(i), Some(b'!' | b'?')) {
                        i += 1;
                    }
                }
                _ => {}
            }
            out.push(Token {
                span: start..i,
                kind: TokenKind::Punct,
            });
        }
    }
}

/// Scans a word starting at `start` (whose first char is `first`), pushes it (and a split-off
/// possessive "'s"), and returns the end.
fn scan_word(
    text: &str,
    rules: &SegmentRules,
    start: usize,
    first: char,
    out: &mut Vec<Token>,
) -> usize {
    let mut i = start + first.len_utf8();
    let mut last = first;
    while let Some(c) = char_at(text, i) {
        if is_word_char(c) {
            i += c.len_utf8();
            last = c;
            continue;
        }
        if is_hyphen(c) {
            // "Khabar-24" and "thirty-six" are words; "10-20" is a range.
            match char_at(text, i + c.len_utf8()) {
                Some(n) if is_word_char(n) && !(last.is_ascii_digit() && n.is_ascii_digit()) => {
                    i += c.len_utf8() + n.len_utf8();
                    last = n;
                    continue;
                }
                _ => break,
            }
        }
        if is_apostrophe(c) {
            let after = i + c.len_utf8();
            match char_at(text, after) {
                Some(n) if n.is_alphabetic() => {
                    if rules.elision {
                        // "l’", "dell’", "d’": the elided word ends with its apostrophe.
                        i = after;
                        break;
                    }
                    let s_end = after + 1;
                    let possessive =
                        matches!(n, 's' | 'S') && !char_at(text, s_end).is_some_and(is_word_char);
                    if possessive {
                        out.push(Token {
                            span: start..i,
                            kind: TokenKind::Word,
                        });
                        out.push(Token {
                            span: i..s_end,
                            kind: TokenKind::Word,
                        });
                        return s_end;
                    }
                    // "O'Brien", "don't".
                    i = after + n.len_utf8();
                    last = n;
                    continue;
                }
                _ => break,
            }
        }
        break;
    }
    out.push(Token {
        span: start..i,
        kind: TokenKind::Word,
    });
    i
}

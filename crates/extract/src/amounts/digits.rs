//! Numbers written with digits: separators by the language's conventions, exponents, powers,
//! glued multipliers ("10k"), ordinal endings ("21st") and fractions ("3/4", "2 1/4").
//!
//! Hand-written scanner: the grammar is small, needs the language's marks at run time and must
//! not allocate; a regex would need one compiled pattern per language and still leave the group
//! validity checks (groups of exactly three digits) to code.
use cronaca_lang::{Conventions, Numbers};

/// A number written in digits, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DigitNumber {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Written as an integer (no decimal part, exponent or suffix).
    pub integer: bool,
    /// An ordinal ending was glued to it ("21st", "2°").
    pub ordinal: bool,
    /// A multiplier suffix was applied ("10k").
    pub suffixed: bool,
    /// Written as a fraction ("3/4").
    pub fraction: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Parses `text[i..i+n]` (ASCII digits and marks) into a number; marks other than digits are
/// dropped, `dec` (if at `dec_at`) becomes the point.
fn value_of(text: &str, start: usize, end: usize, dec_at: Option<usize>) -> f64 {
    let mut v = 0f64;
    let mut scale = 0i32;
    let mut after = false;
    for (i, c) in text[start..end].char_indices() {
        if Some(start + i) == dec_at {
            after = true;
        } else if let Some(d) = c.to_digit(10) {
            v = v * 10.0 + f64::from(d);
            if after {
                scale += 1;
            }
        }
    }
    v / 10f64.powi(scale)
}

/// Scans the plain number starting at byte `start` (a digit, or the decimal mark before a
/// digit): integer part with groups, decimal part. Returns (end, value, integer).
fn scan_plain(text: &str, start: usize, conv: &Conventions, strict: bool) -> (usize, f64, bool) {
    let b = text.as_bytes();
    let dec = conv.decimal_mark;
    if char_at(text, start) == Some(dec) {
        let n = digits_at(b, start + 1);
        let end = start + 1 + n;
        return (end, value_of(text, start, end, Some(start)), false);
    }
    let first = digits_at(b, start);
    let mut i = start + first;
    let mut group_mark: Option<char> = None;
    let mut groups = 0;
    while let Some(c) = char_at(text, i) {
        let cl = c.len_utf8();
        let next_digits = digits_at(b, (i + cl).min(b.len()));
        if next_digits == 0 {
            break;
        }
        if c == dec {
            // Decimal part, unless a lone three-digit group after a different decimal habit:
            // kept simple, the language's decimal mark wins.
            let end = i + cl + next_digits;
            return (end, value_of(text, start, end, Some(i)), false);
        }
        if conv.group_marks.contains(&c) {
            let valid = next_digits == 3 && first <= 3 && group_mark.is_none_or(|g| g == c);
            if valid {
                group_mark = Some(c);
                groups += 1;
                i += cl + 3;
                continue;
            }
            // A single non-space separator not making a group reads as a decimal point
            // ("1,3" in English, "5.00" in Spanish), when nothing else follows.
            if groups == 0 && !is_space(c) && !strict {
                let end = i + cl + next_digits;
                let more = char_at(text, end).is_some_and(|m| {
                    (m == '.' || m == ',') && digits_at(b, (end + 1).min(b.len())) > 0
                });
                if !more {
                    return (end, value_of(text, start, end, Some(i)), false);
                }
            }
        }
        break;
    }
    (i, value_of(text, start, i, None), true)
}

/// Scans a number in digits at `start` with everything glued to it. `start` must be an ASCII
/// digit or the decimal mark followed by a digit.
pub(crate) fn scan(text: &str, start: usize, conv: &Conventions, numbers: &Numbers) -> DigitNumber {
    scan_with(text, start, conv, numbers, false)
}

/// Like [`scan`], for the rest of a token that already broke into several numbers
/// ("22,24,26,31"): a lone separator is not read as a decimal point.
pub(crate) fn scan_strict(
    text: &str,
    start: usize,
    conv: &Conventions,
    numbers: &Numbers,
) -> DigitNumber {
    scan_with(text, start, conv, numbers, true)
}

fn scan_with(
    text: &str,
    start: usize,
    conv: &Conventions,
    numbers: &Numbers,
    strict: bool,
) -> DigitNumber {
    let b = text.as_bytes();
    let (mut end, mut value, mut integer) = scan_plain(text, start, conv, strict);
    let mut suffixed = false;
    let mut ordinal = false;
    let mut fraction = false;
    let letter_after = |i: usize| char_at(text, i).is_some_and(char::is_alphanumeric);
    // Exponent: 1e10, 12,32e+14, -12e-1.
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        let neg = b.get(j) == Some(&b'-');
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let n = digits_at(b, j.min(b.len()));
        if n > 0 && n < 4 && !letter_after(j + n) {
            let e: i32 = text[j..j + n].parse().unwrap_or(0);
            value *= 10f64.powi(if neg { -e } else { e });
            end = j + n;
            integer = false;
        }
    }
    // Power: 2,5^-1, 1,1^--23, and 1.3x10^6.
    let base_pow = |at: usize, value: &mut f64, end: &mut usize| -> bool {
        if b.get(at) != Some(&b'^') {
            return false;
        }
        let mut j = at + 1;
        let mut minus = 0;
        while matches!(b.get(j), Some(b'+' | b'-')) {
            if b[j] == b'-' {
                minus += 1;
            }
            j += 1;
        }
        let n = digits_at(b, j.min(b.len()));
        if n == 0 || n > 3 {
            return false;
        }
        let e: i32 = text[j..j + n].parse().unwrap_or(0);
        *value = value.powi(if minus % 2 == 1 { -e } else { e });
        *end = j + n;
        true
    };
    if base_pow(end, &mut value, &mut end) {
        integer = false;
    } else if text[end..].starts_with("x10^") || text[end..].starts_with("×10^") {
        let at = end + if b[end] == b'x' { 3 } else { 4 };
        let mut ten = 10.0;
        let mut e_end = end;
        if base_pow(at, &mut ten, &mut e_end) {
            value *= ten;
            end = e_end;
            integer = false;
        }
    }
    // Multiplier suffix, glued or after spaces: 10k, 2,33 k, 10 bln.
    let mut j = end;
    while char_at(text, j).is_some_and(is_space) && j - end < 4 {
        j += char_at(text, j).map_or(1, char::len_utf8);
    }
    for (suffix, mult) in &numbers.suffixes {
        if text[j..].starts_with(suffix.as_str()) && !letter_after(j + suffix.len()) {
            value *= mult;
            end = j + suffix.len();
            integer = false;
            suffixed = true;
            break;
        }
    }
    // Ordinal ending, glued: 21st, 2°, 21esima, 1ère.
    if !suffixed && integer {
        let rest = &text[end..];
        for suffix in &numbers.ordinal_suffixes {
            let n = suffix.len();
            let Some(head) = rest.get(..n) else { continue };
            // ASCII compared in place (no lower-cased copy): most text after digits is.
            let same = if head.is_ascii() {
                head.bytes()
                    .zip(suffix.bytes())
                    .all(|(h, s)| h.to_ascii_lowercase() == s)
            } else {
                head.to_lowercase() == *suffix
            };
            if same {
                let after = end + n;
                let ok = if suffix == "." {
                    // "die 3. Banane": a period, a space and a lower- or upper-case word, not a
                    // sentence end followed by a new sentence (decided by the caller).
                    false
                } else {
                    !letter_after(after)
                        && !char_at(text, after).is_some_and(|c| c.is_ascii_digit())
                };
                if ok {
                    end = after;
                    ordinal = true;
                    break;
                }
            }
        }
    }
    // Fraction: 3/4 (numerator below denominator, no third part as in dates).
    if integer && !ordinal && b.get(end) == Some(&b'/') {
        let n = digits_at(b, end + 1);
        if n > 0 && n <= 6 {
            let den = value_of(text, end + 1, end + 1 + n, None);
            let after = end + 1 + n;
            let third = matches!(b.get(after), Some(b'/' | b'-' | b'.' | b','))
                && b.get(after + 1).is_some_and(u8::is_ascii_digit);
            if den > 0.0 && value < den && !third && !letter_after(after) {
                value /= den;
                end = after;
                integer = false;
                fraction = true;
            }
        }
    }
    DigitNumber {
        start,
        end,
        value,
        integer,
        ordinal,
        suffixed,
        fraction,
    }
}

/// The value of a vulgar fraction character ("¾" → 0.75).
pub(crate) fn vulgar_fraction(c: char) -> Option<f64> {
    // Unicode's own numeric values for its fraction characters: language-neutral.
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

//! Name folding: the one normal form every key of the gazetteer is stored in.
//!
//! This file is also compiled into `build.rs` (with `#[path]`), so the index the build writes
//! and the lookups the library makes fold names identically.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name for lookup: canonical decomposition with combining marks removed (accents,
/// `ё` → `е`), lowercase, `ß` → `ss`, typographic apostrophes → `'` with no space after them,
/// hyphens and dashes → space, full stops removed, runs of white space → one space, trimmed.
///
/// `fold("Ministero degli Esteri")` is `"ministero degli esteri"`, `fold("Khabar-24")` is
/// `"khabar 24"`, `fold("Stati Uniti d’ America")` is `"stati uniti d'america"`.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// [`fold`] appending to `out` (which is not cleared), for callers that reuse a buffer.
pub fn fold_into(name: &str, out: &mut String) {
    let start = out.len();
    // Whether a space is pending (emitted only before the next visible character).
    let mut space = false;
    let step = |c: char| {
        match c {
            '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′' => {
                out.push('\'');
                space = false;
                // Elision joins: "d' America" folds like "d'America".
            }
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '_' | '/' => space = true,
            '.' | '·' | '\u{ad}' => {}
            'ß' | 'ẞ' => {
                if space && out.len() > start && !out.ends_with('\'') {
                    out.push(' ');
                }
                space = false;
                out.push_str("ss");
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space && out.len() > start && !out.ends_with('\'') {
                    out.push(' ');
                }
                space = false;
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    };
    if name.is_ascii() {
        // ASCII has nothing to decompose.
        name.chars().for_each(step);
    } else {
        name.nfd().filter(|&c| !is_combining_mark(c)).for_each(step);
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_punctuation() {
        for (input, folded) in [
            ("Ministero degli Esteri", "ministero degli esteri"),
            ("Khabar-24", "khabar 24"),
            ("Khabar 24", "khabar 24"),
            ("Stati Uniti d’ America", "stati uniti d'america"),
            ("Auswärtiges  Amt", "auswartiges amt"),
            ("Außenministerium", "aussenministerium"),
            ("Ёлкино", "елкино"),
            ("U.S.", "us"),
            ("  Almaty ", "almaty"),
            ("Bogotá", "bogota"),
            ("-", ""),
        ] {
            assert_eq!(fold(input), folded, "{input}");
        }
    }
}

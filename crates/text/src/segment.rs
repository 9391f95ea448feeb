use std::collections::HashSet;
use std::ops::Range;

/// What a language tells the segmenter.
#[derive(Clone, Debug, Default)]
pub struct SegmentRules {
    abbreviations: HashSet<String>,
    /// Languages that elide articles and prepositions with an apostrophe ("l’esercito",
    /// "d’accord") keep the apostrophe with the word before it; others ("Putin's") with the
    /// word after it.
    pub elision: bool,
}

impl SegmentRules {
    /// Adds an abbreviation, written with its final period ("sig.", "u.s.", "gen.").
    /// Matching ignores case.
    pub fn add_abbreviation(&mut self, abbreviation: &str) {
        self.abbreviations.insert(abbreviation.to_lowercase());
    }

    /// True when `word` (with its final period) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(&word.to_lowercase())
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks, digits or hyphens inside): "Kassym-Jomart", "l’", "Khabar-24".
    Word,
    /// Digits with separators inside: "1.000", "1,5", "62".
    Number,
    /// A punctuation mark or symbol.
    Punct,
}

/// One token: a byte range of the text and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What the token is made of.
    pub kind: TokenKind,
}

/// One sentence: its byte range and the range of its tokens in [`Segmentation::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text, from the first to the last token.
    pub span: Range<usize>,
    /// Indices of the sentence's tokens.
    pub tokens: Range<usize>,
}

/// The sentences and tokens of a text, computed once and reused by every stage.
#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, in text order; together they cover every token.
    pub sentences: Vec<Sentence>,
    /// The title: a first line followed by a blank line.
    pub title: Option<Range<usize>>,
}

/// Cuts `text` into tokens and sentences.
pub fn segment(text: &str, rules: &SegmentRules) -> Segmentation {
    let tokens = tokenize(text, rules);
    let title = find_title(text);
    let sentences = split_sentences(text, &tokens, rules, title.as_ref());
    Segmentation {
        tokens,
        sentences,
        title,
    }
}

fn find_title(text: &str) -> Option<Range<usize>> {
    let first = text.find('\n')?;
    let line = &text[..first];
    let rest = &text[first + 1..];
    let blank = rest.lines().next().is_some_and(|l| l.trim().is_empty());
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    (blank && end > start).then_some(start..end)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_is_mark(c)
}

fn unicode_is_mark(c: char) -> bool {
    // Combining marks left after NFC (e.g. Cyrillic stress marks).
    ('\u{0300}'..='\u{036f}').contains(&c)
}

fn tokenize(text: &str, rules: &SegmentRules) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i += 1;
            loop {
                match at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    Some('.' | ',' | '\'' | '’')
                        if at(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            tokens.push(Token {
                span: offset(start)..offset(i),
                kind: TokenKind::Number,
            });
        } else if is_word_char(c) {
            i += 1;
            loop {
                match at(i) {
                    Some(d) if is_word_char(d) => i += 1,
                    Some(h) if is_hyphen(h) && at(i + 1).is_some_and(is_word_char) => {
                        // "10-20" is a range, not a word; "Khabar-24" and "thirty-six" are words.
                        let left_digit = at(i - 1).is_some_and(|d| d.is_ascii_digit());
                        let right_digit = at(i + 1).is_some_and(|d| d.is_ascii_digit());
                        if left_digit && right_digit {
                            break;
                        }
                        i += 2;
                    }
                    Some(a) if is_apostrophe(a) && at(i + 1).is_some_and(char::is_alphabetic) => {
                        if rules.elision {
                            i += 1;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            tokens.push(Token {
                span: offset(start)..offset(i),
                kind: TokenKind::Word,
            });
        } else {
            i += 1;
            // Runs of the same mark ("...", "--", "!!") are one token.
            while at(i) == Some(c) && matches!(c, '.' | '-' | '!' | '?') {
                i += 1;
            }
            tokens.push(Token {
                span: offset(start)..offset(i),
                kind: TokenKind::Punct,
            });
        }
    }
    tokens
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '’' | '\'' | ')' | ']' | '›')
}

fn split_sentences(
    text: &str,
    tokens: &[Token],
    rules: &SegmentRules,
    title: Option<&Range<usize>>,
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let tok = |i: usize| &text[tokens[i].span.clone()];
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut end_here = false;
        // A line break that ends the title or a paragraph ends the sentence.
        if let Some(next) = tokens.get(i + 1) {
            let gap = &text[t.span.end..next.span.start];
            if gap.contains("\n\n") || title.is_some_and(|r| t.span.end == r.end) {
                end_here = true;
            }
        }
        if t.kind == TokenKind::Punct {
            let s = tok(i);
            let terminal = s.starts_with(['.', '!', '?', '…']);
            if terminal && !(s == "." && i > 0 && is_abbreviation_before(text, tokens, i, rules)) {
                // Take closing quotes and brackets along.
                while i + 1 < tokens.len()
                    && tokens[i + 1].span.start == tokens[i].span.end
                    && tok(i + 1).chars().all(is_closing)
                {
                    i += 1;
                }
                end_here = match tokens.get(i + 1) {
                    None => true,
                    Some(next) => {
                        let gap = &text[tokens[i].span.end..next.span.start];
                        let starts_upper = text[next.span.clone()]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic());
                        !gap.is_empty() && starts_upper
                    }
                };
            }
        }
        if end_here || i + 1 == tokens.len() {
            sentences.push(Sentence {
                span: tokens[first].span.start..tokens[i].span.end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
        i += 1;
    }
    sentences
}

/// True when the period at token `i` belongs to the word before it: a known abbreviation or a
/// single-letter initial ("J. R. R. Tolkien", "U.S.").
fn is_abbreviation_before(text: &str, tokens: &[Token], i: usize, rules: &SegmentRules) -> bool {
    let prev = &tokens[i - 1];
    if prev.span.end != tokens[i].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    // Gather "U.S" back to the start of a dotted run so "U.S." matches the list.
    let mut start = prev.span.start;
    let mut j = i - 1;
    while j >= 2
        && &text[tokens[j - 1].span.clone()] == "."
        && tokens[j - 1].span.end == tokens[j].span.start
        && tokens[j - 2].span.end == tokens[j - 1].span.start
        && tokens[j - 2].kind == TokenKind::Word
    {
        j -= 2;
        start = tokens[j].span.start;
    }
    let word = &text[start..tokens[i].span.end];
    let single_letter = {
        let w = &text[prev.span.clone()];
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
    };
    single_letter || rules.is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn it_rules() -> SegmentRules {
        let mut r = SegmentRules {
            elision: true,
            ..SegmentRules::default()
        };
        for a in ["sig.", "on.", "gen.", "u.s."] {
            r.add_abbreviation(a);
        }
        r
    }

    fn sentences(text: &str, rules: &SegmentRules) -> Vec<String> {
        let seg = segment(text, rules);
        seg.sentences
            .iter()
            .map(|s| text[s.span.clone()].to_string())
            .collect()
    }

    fn tokens(text: &str, rules: &SegmentRules) -> Vec<String> {
        let seg = segment(text, rules);
        seg.tokens
            .iter()
            .map(|t| text[t.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_words_and_elisions() {
        let t = tokens(
            "L’Organizzazione (Csto): 1.000 feriti, 2,5%; Khabar-24 10-20",
            &it_rules(),
        );
        assert_eq!(
            t,
            [
                "L’",
                "Organizzazione",
                "(",
                "Csto",
                ")",
                ":",
                "1.000",
                "feriti",
                ",",
                "2,5",
                "%",
                ";",
                "Khabar-24",
                "10",
                "-",
                "20"
            ]
        );
        let en = tokens("Putin's thirty-six", &SegmentRules::default());
        assert_eq!(en, ["Putin", "'s", "thirty-six"]);
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let s = sentences(
            "Il Sig. Rossi e l'On. Bianchi sono arrivati. J. R. Tolkien no. Gli U.S. sì.",
            &it_rules(),
        );
        assert_eq!(
            s,
            [
                "Il Sig. Rossi e l'On. Bianchi sono arrivati.",
                "J. R. Tolkien no.",
                "Gli U.S. sì."
            ]
        );
    }

    #[test]
    fn title_and_closing_quotes() {
        let text = "Titolo senza punto\n\n“Sono arrivate.” Poi altro. Fine";
        let seg = segment(text, &it_rules());
        assert_eq!(seg.title, Some(0..18));
        assert_eq!(
            sentences(text, &it_rules()),
            [
                "Titolo senza punto",
                "“Sono arrivate.”",
                "Poi altro.",
                "Fine"
            ]
        );
    }
}

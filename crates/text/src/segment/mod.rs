//! Sentence and token boundaries.

mod rules;
mod sentences;
mod tokens;

pub use rules::SegmentRules;
use std::ops::Range;
pub use tokens::is_separator;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks, digits, hyphens or apostrophes inside): "Kassym-Jomart", "l’",
    /// "Khabar-24", "'s".
    Word,
    /// ASCII digits with `.` `,` `'` `’` inside, each followed by a digit: "1.000", "1,5", "62".
    Number,
    /// A punctuation mark or symbol; runs of "." "-" "…" and of "!" "?" are one token.
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
    /// The dateline opening the body, without its dash ("ALMATY, 6 gen.", "MOSCOW (Reuters)").
    /// It stays inside the first sentence of the body.
    pub dateline: Option<Range<usize>>,
}

/// Cuts `text` into tokens and sentences.
///
/// Never panics, whatever the text; every character that is not a separator (see
/// [`is_separator`]) belongs to exactly one token, and every token to exactly one sentence.
pub fn segment(text: &str, rules: &SegmentRules) -> Segmentation {
    // News text averages five to six bytes a token.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokens::tokenize(text, rules, &mut tokens);
    let title = find_title(text);
    let sentences = sentences::split_sentences(text, &tokens, rules, title.as_ref());
    let body = sentences
        .iter()
        .find(|s| title.as_ref().is_none_or(|t| s.span.start >= t.end));
    let dateline = body.and_then(|s| sentences::find_dateline(text, &tokens, s));
    Segmentation {
        tokens,
        sentences,
        title,
        dateline,
    }
}

fn find_title(text: &str) -> Option<Range<usize>> {
    let first = memchr::memchr(b'\n', text.as_bytes())?;
    let line = &text[..first];
    let rest = &text[first + 1..];
    let blank = rest.lines().next().is_some_and(|l| l.trim().is_empty());
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    (blank && end > start).then_some(start..end)
}

#[cfg(test)]
mod tests;

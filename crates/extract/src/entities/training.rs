//! Training data for the tagger on cronaca's own tokens.
//!
//! Gold names come as code-point spans over a text; the text is segmented exactly as at
//! extraction time and each token takes the type of the gold name covering more than half of
//! it (the rule the scorers use), so the tagger learns on the tokens it will see.

use cronaca_lang::Lang;
use cronaca_ner::{EntityType, Label, TrainDocument, TrainSentence};
use cronaca_text::{Normalized, segment};
use std::ops::Range;

/// A training document could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrainingError {
    /// Normalisation changes the text, so gold offsets would not fit it.
    #[error("the text is not in normal form (NFC, \\n line endings)")]
    NotNormalized,
    /// A gold span is outside the text or empty.
    #[error("gold span {0:?} is outside the text")]
    BadSpan(Range<usize>),
}

/// The tagger's training document for `text` with gold names `gold` (code-point ranges and
/// their types), tokenised and split into sentences with `lang`'s rules, with the gazetteer's
/// names as the tagger will see them ([`super::sentences`]).
pub fn training_document(
    text: &str,
    gold: &[(Range<usize>, EntityType)],
    lang: &Lang,
) -> Result<TrainDocument, TrainingError> {
    if Normalized::new(text).text() != text {
        return Err(TrainingError::NotNormalized);
    }
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: Vec<(Range<usize>, EntityType)> = Vec::with_capacity(gold.len());
    for (r, t) in gold {
        if r.start >= r.end || r.end >= bytes.len() {
            return Err(TrainingError::BadSpan(r.clone()));
        }
        spans.push((bytes[r.start]..bytes[r.end], *t));
    }
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    let seg = segment(text, &lang.segment_rules);
    // The gold name (index into `spans`) each token belongs to.
    let owner: Vec<Option<usize>> = seg
        .tokens
        .iter()
        .map(|tok| {
            let len = tok.span.end - tok.span.start;
            spans.iter().position(|(r, _)| {
                let overlap = r
                    .end
                    .min(tok.span.end)
                    .saturating_sub(r.start.max(tok.span.start));
                overlap * 2 > len
            })
        })
        .collect();
    let matches = super::gazetteer_matches(&lang.code, &super::token_texts(text, &seg));
    let sentences = super::sentences(text, &seg, &matches)
        .into_iter()
        .zip(&seg.sentences)
        .map(|(input, s)| {
            let mut labels = Vec::with_capacity(s.tokens.len());
            for k in s.tokens.clone() {
                labels.push(match owner[k] {
                    None => Label::O,
                    Some(e) if k > s.tokens.start && owner[k - 1] == Some(e) => {
                        Label::I(spans[e].1)
                    }
                    Some(e) => Label::B(spans[e].1),
                });
            }
            TrainSentence {
                gazetteer: input
                    .gazetteer
                    .iter()
                    .map(|h| (h.start, h.end, h.class.to_string()))
                    .collect(),
                tokens: input.tokens.into_iter().map(str::to_string).collect(),
                labels,
            }
        })
        .collect();
    Ok(TrainDocument { sentences })
}

//! What the quotes stage reads of an analysis, prepared once per document: folded tokens, the
//! sentence of each token, the quotation regions and the entity mentions.

use super::marks::{Region, find_regions};
use crate::entities::Entity;
use cronaca_lang::{Lang, SpeakerWord, fold_time_into};
use cronaca_model::EntityType;
use cronaca_text::{Segmentation, Token, TokenKind};
use std::ops::Range;

/// One entity mention, with the index of its entity.
#[derive(Clone, Debug)]
pub(crate) struct MentionRef {
    pub span: Range<usize>,
    pub entity: usize,
    pub kind: EntityType,
}

/// The document as the quotes stage sees it.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub lang: &'a Lang,
    pub tokens: &'a [Token],
    /// Folded form of every token.
    pub words: Vec<&'a str>,
    /// Sentence index of every token.
    pub sentence_of: Vec<usize>,
    /// Token range of every sentence.
    pub sentences: Vec<Range<usize>>,
    pub regions: Vec<Region>,
    /// For every token, the region it lies inside (marks excluded).
    pub region_of: Vec<Option<usize>>,
    /// Every entity mention, in text order.
    pub mentions: Vec<MentionRef>,
    /// The type of every entity.
    pub entity_kinds: Vec<EntityType>,
    /// Folded sentence openers seen written in lower case somewhere in the text, sorted.
    lower: Vec<&'a str>,
}

impl<'a> View<'a> {
    pub fn new(
        text: &'a str,
        seg: &'a Segmentation,
        lang: &'a Lang,
        entities: Option<&[Entity]>,
        folded: &'a mut String,
    ) -> View<'a> {
        let tokens = &seg.tokens[..];
        let mut bounds = Vec::with_capacity(tokens.len());
        for t in tokens {
            let start = folded.len();
            fold_time_into(&text[t.span.clone()], folded);
            bounds.push(start..folded.len());
        }
        let folded: &'a str = folded;
        let words: Vec<&str> = bounds.into_iter().map(|r| &folded[r]).collect();
        let mut sentence_of = vec![0; tokens.len()];
        let sentences: Vec<Range<usize>> = seg.sentences.iter().map(|s| s.tokens.clone()).collect();
        for (k, s) in sentences.iter().enumerate() {
            for t in s.clone() {
                sentence_of[t] = k;
            }
        }
        let regions = find_regions(text);
        let mut region_of = vec![None; tokens.len()];
        for (k, r) in regions.iter().enumerate() {
            let first = tokens.partition_point(|t| t.span.start < r.inner.start);
            for (t, slot) in region_of.iter_mut().enumerate().skip(first) {
                if tokens[t].span.end > r.inner.end {
                    break;
                }
                *slot = Some(k);
            }
        }
        let mut mentions: Vec<MentionRef> = entities
            .unwrap_or_default()
            .iter()
            .enumerate()
            .flat_map(|(k, e)| {
                e.mentions.iter().map(move |m| MentionRef {
                    span: m.span.clone(),
                    entity: k,
                    kind: e.kind,
                })
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let entity_kinds = entities
            .unwrap_or_default()
            .iter()
            .map(|e| e.kind)
            .collect();
        // Words opening a sentence, and which of them also appear in lower case: a sorted list
        // searched by the (few) openers rather than a hash of every token.
        let initial = |t: &Token| text[t.span.clone()].chars().next();
        let first_inside = regions
            .iter()
            .map(|r| tokens.partition_point(|t| t.span.start < r.inner.start));
        let mut openers: Vec<&str> = sentences
            .iter()
            .map(|s| s.start)
            .chain(first_inside)
            .filter(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| initial(t).is_some_and(char::is_uppercase))
            })
            .map(|k| words[k])
            .collect();
        openers.sort_unstable();
        openers.dedup();
        let mut seen_lower = vec![false; openers.len()];
        if !openers.is_empty() {
            for (t, w) in tokens.iter().zip(&words) {
                if initial(t).is_some_and(char::is_lowercase)
                    && let Ok(k) = openers.binary_search(w)
                {
                    seen_lower[k] = true;
                }
            }
        }
        let lower = openers
            .into_iter()
            .zip(seen_lower)
            .filter_map(|(w, seen)| seen.then_some(w))
            .collect();
        View {
            text,
            lang,
            tokens,
            words,
            sentence_of,
            sentences,
            regions,
            region_of,
            mentions,
            entity_kinds,
            lower,
        }
    }

    pub fn token_text(&self, t: usize) -> &'a str {
        &self.text[self.tokens[t].span.clone()]
    }

    pub fn is_punct(&self, t: usize) -> bool {
        self.tokens[t].kind == TokenKind::Punct
    }

    pub fn is_comma(&self, t: usize) -> bool {
        self.token_text(t) == ","
    }

    /// A token that starts with a capital letter (or a digit inside a name: "Khabar-24") and
    /// is not a common word capitalised only because it opens a sentence or a quotation.
    pub fn is_capitalised(&self, t: usize) -> bool {
        let tok = &self.tokens[t];
        if tok.kind != TokenKind::Word
            || !self
                .token_text(t)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            return false;
        }
        let opens_sentence = self.sentences[self.sentence_of[t]].start == t
            || (t > 0 && self.is_punct(t - 1) && self.region_of[t] != self.region_of[t - 1]);
        !opens_sentence || !self.is_common_word(t)
    }

    /// True when the folded token is written in lower case elsewhere or is in a word list.
    fn is_common_word(&self, t: usize) -> bool {
        let w = self.words[t];
        self.lower.binary_search(&w).is_ok()
            || self.lang.speakers.longest_at(&self.words, t).is_some()
            || self.lang.speech.longest_at(&self.words, t).is_some()
    }

    /// Token index of the first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }

    /// Byte span of tokens `r`.
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.tokens[r.start].span.start..self.tokens[r.end - 1].span.end
    }

    /// The entity of a mention overlapping bytes `r`, people first.
    pub fn entity_over(&self, r: &Range<usize>) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.span.start < r.end);
        let over: Vec<&MentionRef> = self.mentions[..end]
            .iter()
            .rev()
            .take(16)
            .filter(|m| m.span.start < r.end && r.start < m.span.end)
            .collect();
        over.iter()
            .find(|m| m.kind == EntityType::Per)
            .or(over.first())
            .map(|m| m.entity)
    }
}

impl View<'_> {
    /// The name starting at token `t`: capitalised tokens, joined by connectors ("Ministero
    /// della Salute") and followed by numbers ("Formula 1"); an entity mention starting there
    /// counts as a name whatever its case.
    /// Whether token `k` is the period of an abbreviation written right before it ("Sig.").
    fn title_period(&self, k: usize) -> bool {
        k > 0
            && self.token_text(k) == "."
            && self.tokens[k - 1].span.end == self.tokens[k].span.start
            && self
                .lang
                .segment_rules
                .is_abbreviation(&self.text[self.tokens[k - 1].span.start..self.tokens[k].span.end])
    }

    pub fn name_at(&self, t: usize, limit: usize) -> Option<Range<usize>> {
        let at = self.tokens[t].span.start;
        let k = self.mentions.partition_point(|m| m.span.start < at);
        let mention_end = self
            .mentions
            .get(k)
            .filter(|m| m.span.start == at)
            .map(|m| self.token_at(m.span.end));
        if mention_end.is_none() && !self.is_capitalised(t) {
            return None;
        }
        let mut end = t + 1;
        loop {
            if end >= limit || self.region_of[end] != self.region_of[t] {
                break;
            }
            if self.is_capitalised(end)
                || (self.tokens[end].kind == TokenKind::Number && self.is_capitalised(end - 1))
            {
                end += 1;
            } else if end + 1 < limit && self.is_connector(end) && self.is_capitalised(end + 1) {
                end += 2;
            } else if end + 1 < limit && self.title_period(end) && self.is_capitalised(end + 1) {
                // A title's period: "Sig. Marco Neri", "Dr. Brown".
                end += 2;
            } else {
                break;
            }
        }
        Some(t..end.max(mention_end.unwrap_or(0)).min(limit.max(t + 1)))
    }

    pub fn is_connector(&self, t: usize) -> bool {
        self.speaker_word(t, |w| w == SpeakerWord::Connector)
    }

    pub fn is_determiner(&self, t: usize) -> bool {
        self.speaker_word(t, |w| {
            matches!(w, SpeakerWord::Definite | SpeakerWord::Indefinite)
        })
    }

    /// True when token `t` alone is a `speakers.tsv` word for which `is` holds.
    pub fn speaker_word(&self, t: usize, is: impl Fn(SpeakerWord) -> bool) -> bool {
        self.lang
            .speakers
            .matches_at(&self.words, t)
            .any(|(p, n)| n == 1 && is(p.label))
    }
}

/// How far back the stage looks for an antecedent, in mentions or speakers: enough for any
/// article, bounded so that long texts stay linear.
pub(crate) const LOOKBACK: usize = 400;

impl View<'_> {
    /// The region whose opening mark starts at byte `at`.
    pub fn region_opening_at(&self, at: usize) -> Option<usize> {
        let k = self.regions.partition_point(|r| r.outer.start < at);
        (self.regions.get(k)?.outer.start == at).then_some(k)
    }

    /// The region whose closing mark ends at byte `at`.
    pub fn region_closing_at(&self, at: usize) -> Option<usize> {
        let k = self.regions.partition_point(|r| r.outer.end < at);
        let r = self.regions.get(k)?;
        (r.outer.end == at && r.inner.end < at).then_some(k)
    }

    /// Indices of the regions overlapping bytes `r`.
    pub fn regions_over(&self, r: &Range<usize>) -> Range<usize> {
        let first = self.regions.partition_point(|g| g.outer.end <= r.start);
        let last = self.regions.partition_point(|g| g.outer.start < r.end);
        first..last.max(first)
    }

    /// The mentions starting before byte `at`, nearest first (at most [`LOOKBACK`]).
    pub fn mentions_before(&self, at: usize) -> impl Iterator<Item = &MentionRef> {
        let k = self.mentions.partition_point(|m| m.span.start < at);
        self.mentions[..k].iter().rev().take(LOOKBACK)
    }
}

//! What the quotes stage reads of an analysis, prepared once per document: folded tokens, the
//! sentence of each token, the quotation regions and the entity mentions.

use super::marks::{Region, find_regions};
use crate::entities::Entity;
use cronaca_lang::{Lang, QuoteWord, SpeakerWord, SpeechRole, TimeWord, fold_time_into};
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
    /// The longest `speech.tsv` phrase starting at every token, with its length in tokens.
    pub speech: Vec<Option<(SpeechRole, usize)>>,
    /// The longest `speakers.tsv` phrase starting at every token, with its length.
    speaker: Vec<Option<(SpeakerWord, usize)>>,
    /// The kinds of the one-word `speakers.tsv` phrases matching every token, as bits.
    speaker_one: Vec<u8>,
    /// Whether a `channels.tsv` phrase may start at every token.
    pub channel: Vec<bool>,
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
        let words = fold_tokens(text, tokens, folded);
        let lookups = Lookups::new(lang, &words);
        let mut sentence_of = vec![0; tokens.len()];
        let sentences: Vec<Range<usize>> = seg.sentences.iter().map(|s| s.tokens.clone()).collect();
        for (k, s) in sentences.iter().enumerate() {
            sentence_of[s.clone()].fill(k);
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
        let lower = openers_seen_lower(text, tokens, &words, &sentences, &regions);
        let Lookups {
            speech,
            speaker,
            speaker_one,
            channel,
        } = lookups;
        View {
            text,
            lang,
            tokens,
            words,
            speech,
            speaker,
            speaker_one,
            channel,
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
            || self.speaker[t].is_some()
            || self.speech[t].is_some()
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

/// The folded form of every token. `folded` receives the whole text with ASCII letters in
/// lower case (the fold of a plain-ASCII token is then a slice of it, no copy per token),
/// followed by the folds of the other tokens.
fn fold_tokens<'a>(text: &str, tokens: &[Token], folded: &'a mut String) -> Vec<&'a str> {
    folded.push_str(text);
    // Same length, and ASCII stays ASCII: what `fold_time_into` does to an ASCII token.
    folded.make_ascii_lowercase();
    if text.contains('`') {
        *folded = folded.replace('`', "'");
    }
    let mut bounds = Vec::with_capacity(tokens.len());
    for t in tokens {
        let word = &text[t.span.clone()];
        if word.is_ascii() {
            bounds.push(t.span.clone());
        } else {
            // `fold_time_into` works char by char: its ASCII case is done here.
            let start = folded.len();
            for (i, c) in word.char_indices() {
                match c {
                    '`' => folded.push('\''),
                    _ if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
                    _ => fold_time_into(&word[i..i + c.len_utf8()], folded),
                }
            }
            bounds.push(start..folded.len());
        }
    }
    let folded: &'a str = folded;
    bounds.into_iter().map(|r| &folded[r]).collect()
}

/// What the three word lists say about every token.
struct Lookups {
    speech: Vec<Option<(SpeechRole, usize)>>,
    speaker: Vec<Option<(SpeakerWord, usize)>>,
    speaker_one: Vec<u8>,
    channel: Vec<bool>,
}

impl Lookups {
    /// Every lookup the stage makes, done once per token behind one probe of the index of
    /// first words: the cue search, the speaker windows, the channel search and the
    /// capitalisation test all read these.
    fn new(lang: &Lang, words: &[&str]) -> Lookups {
        let n = words.len();
        let mut l = Lookups {
            speech: Vec::with_capacity(n),
            speaker: Vec::with_capacity(n),
            speaker_one: Vec::with_capacity(n),
            channel: Vec::with_capacity(n),
        };
        for (t, w) in words.iter().enumerate() {
            let q = lang.quote_words.get(w);
            l.speech.push(
                q.speech
                    .then(|| lang.speech.longest_at(words, t).map(|(p, n)| (p.label, n)))
                    .flatten(),
            );
            l.channel.push(q.channel);
            if q.speaker_phrase {
                let mut longest: Option<(SpeakerWord, usize)> = None;
                let mut one = 0u8;
                for (p, n) in lang.speakers.matches_at(words, t) {
                    if n == 1 {
                        one |= QuoteWord::bit(p.label);
                    }
                    if longest.is_none_or(|(_, m)| n > m) {
                        longest = Some((p.label, n));
                    }
                }
                l.speaker.push(longest);
                l.speaker_one.push(one);
            } else {
                l.speaker.push(q.speaker.map(|k| (k, 1)));
                l.speaker_one.push(q.speaker_kinds);
            }
        }
        l
    }
}

/// The folded words that open a sentence or a quotation capitalised and also appear in lower
/// case somewhere in the text, sorted.
fn openers_seen_lower<'a>(
    text: &str,
    tokens: &[Token],
    words: &[&'a str],
    sentences: &[Range<usize>],
    regions: &[Region],
) -> Vec<&'a str> {
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
    if openers.is_empty() {
        return openers;
    }
    // The openers are few and the tokens many: a bit set keyed by length and first and last
    // bytes turns away most tokens before the binary search.
    let key = |w: &str| {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => {
                (usize::from(f) * 31 + usize::from(l) * 7 + b.len() * 131) % 4096
            }
            _ => 0,
        }
    };
    let mut bloom = [0u64; 64];
    for w in &openers {
        let k = key(w);
        bloom[k / 64] |= 1 << (k % 64);
    }
    let mut seen_lower = vec![false; openers.len()];
    let bytes = text.as_bytes();
    for (t, w) in tokens.iter().zip(words) {
        let first = bytes[t.span.start];
        let lower = if first.is_ascii() {
            first.is_ascii_lowercase()
        } else {
            initial(t).is_some_and(char::is_lowercase)
        };
        if !lower {
            continue;
        }
        let k = key(w);
        if bloom[k / 64] & (1 << (k % 64)) != 0
            && let Ok(i) = openers.binary_search(w)
        {
            seen_lower[i] = true;
        }
    }
    openers
        .into_iter()
        .zip(seen_lower)
        .filter_map(|(w, seen)| seen.then_some(w))
        .collect()
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

    /// True when token `t` alone is a weekday or a (not weak) month: "Wednesday", "January".
    pub fn is_time_word(&self, t: usize) -> bool {
        self.is_lone_time_word(t, |w| {
            matches!(
                w,
                TimeWord::Weekday { .. } | TimeWord::Month { weak: false, .. }
            )
        })
    }

    /// True when token `t` is a weekday, a month, a time unit or a part of the day: "this
    /// week", "Tuesday night" name a time, not a speaker.
    pub fn is_time_noun(&self, t: usize) -> bool {
        self.is_lone_time_word(t, |w| {
            matches!(
                w,
                TimeWord::Weekday { .. }
                    | TimeWord::Month { weak: false, .. }
                    | TimeWord::Unit(_)
                    | TimeWord::PartOfDay(_)
            )
        })
    }

    /// Whether token `t` is, on its own, a time word that `kind` accepts.
    fn is_lone_time_word(&self, t: usize, kind: impl Fn(&TimeWord) -> bool) -> bool {
        self.lang
            .times
            .starting_with(self.words[t])
            .iter()
            .any(|e| e.rest.is_empty() && kind(&e.word))
    }

    /// True when token `t` is a comma, a determiner or a possessive: what follows a
    /// sentence-opening adverb or participle ("Even the…", "Instead, …", "Having fled…" are
    /// not all caught, but "Democrats are…" is left alone).
    pub fn opens_phrase(&self, t: usize) -> bool {
        t < self.tokens.len()
            && (self.is_comma(t) || self.is_determiner(t) || self.is_possessive(t))
    }

    /// True when the document has entity mentions (the entity layer ran and found some).
    pub fn has_mentions(&self) -> bool {
        !self.mentions.is_empty()
    }

    /// True when token `t` opens its sentence or a quotation.
    pub fn opens_sentence(&self, t: usize) -> bool {
        self.sentences[self.sentence_of[t]].start == t
            || (t > 0 && self.is_punct(t - 1) && self.region_of[t] != self.region_of[t - 1])
    }

    pub fn is_possessive(&self, t: usize) -> bool {
        self.speaker_word(t, |w| w == SpeakerWord::Possessive)
    }

    /// True when token `t` is a number in digits or a number word of the language ("24",
    /// "six", "dieci").
    pub fn is_number(&self, t: usize) -> bool {
        self.tokens.get(t).is_some_and(|tok| {
            tok.kind == TokenKind::Number
                || tok.kind == TokenKind::Word
                    && self.lang.numbers.get(self.words[t]).iter().any(
                        |r| matches!(r, cronaca_lang::Reading::Number(w) if w.role.is_numeral()),
                    )
        })
    }

    pub fn is_determiner(&self, t: usize) -> bool {
        self.speaker_word(t, |w| {
            matches!(w, SpeakerWord::Definite | SpeakerWord::Indefinite)
        })
    }

    /// True when token `t` alone is a `speakers.tsv` word for which `is` holds.
    pub fn speaker_word(&self, t: usize, is: impl Fn(SpeakerWord) -> bool) -> bool {
        let bits = self.speaker_one[t];
        bits != 0
            && SPEAKER_WORDS
                .iter()
                .any(|&w| bits & QuoteWord::bit(w) != 0 && is(w))
    }

    /// The longest `speakers.tsv` phrase at token `t` and its length in tokens.
    pub fn speaker_at(&self, t: usize) -> Option<(SpeakerWord, usize)> {
        self.speaker.get(t).copied().flatten()
    }
}

/// Every kind of speaker word.
const SPEAKER_WORDS: [SpeakerWord; 8] = [
    SpeakerWord::Person,
    SpeakerWord::Group,
    SpeakerWord::Pronoun,
    SpeakerWord::Definite,
    SpeakerWord::Indefinite,
    SpeakerWord::Connector,
    SpeakerWord::Function,
    SpeakerWord::Possessive,
];

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

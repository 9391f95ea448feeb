//! The `quotes` layer: direct, indirect and mixed speech with its speaker, cue, channel and
//! relay, and [`Quotes::attribution_of`], the source of any stretch of text for the figures and
//! events stages. The approach is in `DESIGN.md` next to this file.
//!
//! Everything the stage knows about words comes from `data/lang/<code>/speech.tsv`,
//! `channels.tsv` and `speakers.tsv`; the code reads only roles.

mod channels;
mod marks;
mod speakers;
mod view;

#[cfg(test)]
mod tests;

use crate::entities::Entity;
use channels::{ChannelMention, find_channels};
use cronaca_lang::{Lang, SpeechRole};
use cronaca_model::ChannelType;
use cronaca_model::{CharIndex, QuoteKind, Span};
use cronaca_text::{Segmentation, TokenKind};
use speakers::{Candidate, Form, Known, candidates, choose_left, choose_right, resolve};
use std::collections::HashSet;
use std::ops::Range;
use view::{LOOKBACK, View};

/// Who says something and how it reached us, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The source as written (or its nearest mention).
    pub span: Range<usize>,
    /// Index of its entity in `Analysis::entities` (record id `e{k+1}`).
    pub entity: Option<usize>,
    /// The medium the words went through.
    pub channel: Option<Channel>,
    /// Who relayed the words.
    pub via: Option<Via>,
}

/// A channel, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    /// The kind of medium.
    pub kind: ChannelType,
    /// Its name, when the text gives one.
    pub name: Option<Range<usize>>,
    /// The words naming the channel.
    pub span: Range<usize>,
}

/// A relay, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Via {
    /// The relayer as written.
    pub span: Range<usize>,
    /// Index of its entity.
    pub entity: Option<usize>,
}

/// One quote, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Inside the marks for direct quotes; the reported clause otherwise.
    pub content: Range<usize>,
    /// The author of the words.
    pub speaker: Attribution,
    /// The words introducing the quote.
    pub cue: Option<Range<usize>>,
    /// How the quote was found (`quotes:…`).
    pub rule: &'static str,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// A sentence that says who said what is next to it, without saying it itself: "Lo riferisce
/// l'agenzia Tass.", "È quanto si legge in un comunicato…".
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Index of the sentence in the segmentation.
    pub sentence: usize,
    /// The speech words.
    pub cue: Range<usize>,
    /// The source it names.
    pub attribution: Attribution,
}

/// The quotes layer of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quotes {
    /// Every quote, in text order of its content.
    pub quotes: Vec<Quote>,
    /// Attribution sentences.
    pub reports: Vec<Report>,
}

impl Attribution {
    /// The record's attribution, with code-point spans and entity ids `e{k+1}`.
    pub fn to_model(&self, text: &str, index: &CharIndex) -> cronaca_model::Attribution {
        let span = |r: &Range<usize>| Span::from_bytes(text, index, r.clone());
        cronaca_model::Attribution {
            text: text[self.span.clone()].to_string(),
            // An unnamed source ("The deal is viewed as a threat") has no span.
            span: (!self.span.is_empty()).then(|| span(&self.span)),
            entity: self.entity.map(|k| format!("e{}", k + 1)),
            channel: self.channel.as_ref().map(|c| cronaca_model::Channel {
                kind: c.kind,
                name: c.name.as_ref().map(|n| text[n.clone()].to_string()),
                span: Some(span(&c.span)),
            }),
            via: self.via.as_ref().map(|v| cronaca_model::Via {
                text: text[v.span.clone()].to_string(),
                entity: v.entity.map(|k| format!("e{}", k + 1)),
                span: span(&v.span),
            }),
        }
    }
}

impl Quote {
    /// The record's quote with id `q{n}`.
    pub fn to_model(&self, n: usize, text: &str, index: &CharIndex) -> cronaca_model::Quote {
        let span = |r: &Range<usize>| Span::from_bytes(text, index, r.clone());
        cronaca_model::Quote {
            id: format!("q{n}"),
            kind: self.kind,
            content: span(&self.content),
            speaker: self.speaker.to_model(text, index),
            cue: self.cue.as_ref().map(span),
            rule: self.rule.to_string(),
            confidence: self.confidence,
        }
    }
}

impl Quotes {
    /// Who states the words in bytes `range` of the text: the speaker of the quote whose content
    /// contains them (a "secondo X"/"according to X" source is such a quote); else the source
    /// named by an attribution sentence right after or right before the range's sentence
    /// ("Lo riferisce l'agenzia Tass."). `seg` is the segmentation the quotes were found on.
    pub fn attribution_of(&self, seg: &Segmentation, range: Range<usize>) -> Option<Attribution> {
        let k = self
            .quotes
            .partition_point(|q| q.content.start <= range.start);
        if let Some(q) = self.quotes[..k]
            .iter()
            .rev()
            .take(64)
            .filter(|q| q.content.start <= range.start && range.end <= q.content.end)
            .filter(|q| !q.speaker.span.is_empty())
            .min_by_key(|q| q.content.len())
        {
            return Some(q.speaker.clone());
        }
        let s = seg.sentences.iter().position(|s| {
            s.span.start <= range.start && range.start < s.span.end.max(s.span.start + 1)
        })?;
        [s + 1, s.wrapping_sub(1)]
            .into_iter()
            .find_map(|k| {
                let i = self.reports.partition_point(|r| r.sentence < k);
                self.reports.get(i).filter(|r| r.sentence == k)
            })
            .map(|r| r.attribution.clone())
    }
}

/// How telling a channel is when several are named around one quote: the interview over the
/// site that ran it, the Telegram channel over the note posted there, the note last.
fn channel_rank(kind: ChannelType) -> u8 {
    match kind {
        ChannelType::Interview => 5,
        ChannelType::Website => 3,
        ChannelType::PressConference => 2,
        ChannelType::Statement => 1,
        ChannelType::Other => 0,
        _ => 4,
    }
}

/// Tokens a reported clause may be away from its verb ("ha detto tramite i suoi legali che").
const COMPLEMENT_GAP: usize = 7;
/// Tokens a quotation may be away from its cue.
const QUOTE_GAP: usize = 4;
/// Tokens of a subject, words only, between a quotation and its verb.
const SPEAKER_GAP: usize = 8;
/// Tokens searched left of a cue for its subject.
const SUBJECT_WINDOW: usize = 30;

/// Finds the quotes of a segmented text. `entities` are the entity layer (speakers link to
/// them); without it speakers are found from capitalised words and role nouns alone.
pub fn find_quotes(
    text: &str,
    seg: &Segmentation,
    lang: &Lang,
    entities: Option<&[Entity]>,
) -> Quotes {
    if text.is_empty() {
        return Quotes::default();
    }
    let mut folded = String::with_capacity(text.len() + 16);
    let v = View::new(text, seg, lang, entities, &mut folded);
    let channels = find_channels(&v);
    let mut finder = Finder {
        used: vec![false; v.regions.len()],
        v: &v,
        channels,
        quotes: Vec::new(),
        reports: Vec::new(),
        known: Vec::new(),
        content_ends: HashSet::new(),
    };
    finder.cues();
    finder.orphan_regions();
    finder.quotes.dedup_by(|a, b| a.content == b.content);
    Quotes {
        quotes: finder.quotes,
        reports: finder.reports,
    }
}

struct Finder<'v, 'a> {
    v: &'v View<'a>,
    channels: Vec<ChannelMention>,
    /// Quotation regions already given to a quote.
    used: Vec<bool>,
    quotes: Vec<Quote>,
    reports: Vec<Report>,
    /// Speakers found so far, in text order.
    known: Vec<Known>,
    /// Where the contents of the quotes found so far end (a subject never reaches back past
    /// one).
    content_ends: HashSet<usize>,
}

impl Finder<'_, '_> {
    fn role_at(&self, t: usize) -> Option<(SpeechRole, usize)> {
        self.v.speech.get(t).copied().flatten()
    }

    fn sentence(&self, t: usize) -> Range<usize> {
        self.v.sentences[self.v.sentence_of[t]].clone()
    }

    /// The sentence's tokens without its closing punctuation.
    fn trim_end(&self, r: Range<usize>) -> Range<usize> {
        let mut end = r.end;
        while end > r.start + 1
            && self.v.is_punct(end - 1)
            && self.v.region_of[end - 1].is_none()
            && !self.closes_region(end - 1)
        {
            end -= 1;
        }
        r.start..end
    }

    fn closes_region(&self, t: usize) -> bool {
        self.v
            .region_closing_at(self.v.tokens[t].span.end)
            .is_some()
    }

    fn cues(&mut self) {
        let mut t = 0;
        while t < self.v.tokens.len() {
            // Cues are words; punctuation and numbers need no lookup.
            if self.v.region_of[t].is_some() || self.v.tokens[t].kind != TokenKind::Word {
                t += 1;
                continue;
            }
            let Some((role, n)) = self.role_at(t) else {
                t += 1;
                continue;
            };
            let next = match role {
                // After a determiner or a number the word is a noun: "the report", "30 states".
                // After a possessive the verb's form is a noun with its source: "his call
                // for…", "their hopes that…".
                SpeechRole::Verb { .. } if t > 0 && self.v.is_possessive(t - 1) => {
                    self.noun(t..t + n, false)
                }
                SpeechRole::Verb { .. } if self.after_determiner(t) => None,
                // A capitalised cue inside a sentence belongs to a title or a name: "Trump
                // Heard What His Nemesis Just Said".
                SpeechRole::Verb { .. } | SpeechRole::Noun | SpeechRole::OpenNoun
                    if !self.v.opens_sentence(t)
                        && self
                            .v
                            .token_text(t)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase) =>
                {
                    None
                }
                SpeechRole::Verb { bare, object } => self.verb(t..t + n, bare, object),
                SpeechRole::Noun => self.noun(t..t + n, false),
                SpeechRole::OpenNoun => self.noun(t..t + n, true),
                SpeechRole::Passive => self.passive(t..t + n),
                SpeechRole::Source => self.source(t..t + n),
                SpeechRole::Impersonal => self.impersonal(t..t + n),
                _ => None,
            };
            t = next.unwrap_or(t + n).max(t + n);
        }
    }

    /// True when token `t` follows a determiner, a possessive or a number in its sentence (a
    /// determiner that is also a pronoun, "this", "many", or a clitic excepted).
    fn after_determiner(&self, t: usize) -> bool {
        if t == 0 || self.v.sentence_of[t - 1] != self.v.sentence_of[t] {
            return false;
        }
        let p = t - 1;
        // "the most telling promise": a pronoun-like determiner after another determiner.
        let after_det = p > 0
            && self.v.sentence_of[p - 1] == self.v.sentence_of[p]
            && self.v.is_determiner(p - 1);
        self.v.tokens[p].kind == TokenKind::Number
            || ((self.v.is_determiner(p) || self.v.is_possessive(p))
                && (after_det
                    || !self
                        .v
                        .speaker_word(p, |w| w == cronaca_lang::SpeakerWord::Pronoun))
                && !matches!(self.role_at(p), Some((SpeechRole::Clitic, _))))
    }

    /// Index of the unused region whose closing mark ends at most `gap` tokens before token
    /// `t`, in the same sentence (no full stop in between).
    fn region_before(&self, t: usize, gap: usize) -> Option<usize> {
        let at = self.v.tokens[t].span.start;
        let k = self
            .v
            .regions
            .partition_point(|r| r.outer.end <= at)
            .checked_sub(1)?;
        let r = &self.v.regions[k];
        let after = self.v.token_at(r.outer.end);
        let between = after..t;
        // A quotation closing the sentence before is not this cue's: "“…whatever.” Others say".
        let same_sentence =
            after == 0 || after > t || self.v.sentence_of[after - 1] == self.v.sentence_of[t];
        (!self.used[k]
            && same_sentence
            && between.len() <= gap
            && between.clone().all(|b| !self.ends_sentence(b)))
        .then_some(k)
    }

    /// The unused region closing before a longer subject of the verb at token `t`, words
    /// only: "“…,” Clinton campaign manager Robby Mook wrote".
    fn region_before_long_speaker(&self, t: usize) -> Option<usize> {
        let k = self.region_before(t, SPEAKER_GAP)?;
        let after = self.v.token_at(self.v.regions[k].outer.end);
        let words = after..t;
        (words.len() > QUOTE_GAP
            && words
                .clone()
                .all(|b| self.v.tokens[b].kind == TokenKind::Word && self.role_at(b).is_none()))
        .then_some(k)
    }

    /// True when region `k` opens after a lower-case word of its sentence: words quoted inside
    /// a clause ("their “reveries about…,” Will urged"), not a quotation the cue after it
    /// introduces.
    fn inside_clause(&self, k: usize) -> bool {
        let open = self.v.token_at(self.v.regions[k].outer.start);
        open > 0
            && open < self.v.tokens.len()
            && self.v.sentence_of[open - 1] == self.v.sentence_of[open]
            && self.v.tokens[open - 1].kind == TokenKind::Word
            && self
                .v
                .token_text(open - 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    }

    /// Index of the unused region opening at most `gap` tokens after token `t` (exclusive),
    /// with no sentence end or speech cue in between.
    fn region_after(&self, t: usize, gap: usize) -> Option<(usize, Range<usize>)> {
        let at = self.v.tokens[t - 1].span.end;
        let k = self.v.regions.partition_point(|r| r.outer.start < at);
        let r = self.v.regions.get(k)?;
        let open = self.v.token_at(r.outer.start);
        let between = t..open;
        (!self.used[k]
            && between.len() <= gap
            && between
                .clone()
                .all(|b| !self.ends_sentence(b) && !self.is_that(b)))
        .then_some((k, between))
    }

    /// True for the last token of a sentence, or a semicolon.
    fn ends_sentence(&self, t: usize) -> bool {
        self.v.sentences[self.v.sentence_of[t]].end == t + 1 || self.v.token_text(t) == ";"
    }

    fn is_that(&self, t: usize) -> bool {
        matches!(
            self.role_at(t),
            Some((SpeechRole::That | SpeechRole::ThatInfinitive, 1))
        )
    }

    /// A "de"/"di" that could open an infinitive but joins a role noun to a name: "el
    /// ministerio de Salud", "le ministère de la Santé" (an infinitive is never capitalised).
    fn joins_name(&self, t: usize) -> bool {
        let len = self.v.tokens.len();
        let next = if t + 1 < len && self.v.is_determiner(t + 1) {
            t + 2
        } else {
            t + 1
        };
        matches!(self.role_at(t), Some((SpeechRole::ThatInfinitive, 1)))
            && t > 0
            && self.v.speaker_word(t - 1, |w| {
                matches!(
                    w,
                    cronaca_lang::SpeakerWord::Person | cronaca_lang::SpeakerWord::Group
                )
            })
            && next < len
            && self.v.is_capitalised(next)
    }

    /// The start of the reported clause after a verb ending at token `from`: after "che",
    /// "that"; at "di".
    fn complement(&self, from: usize, end: usize) -> Option<usize> {
        for j in from..end.min(from + COMPLEMENT_GAP) {
            if self.v.region_of[j].is_some()
                || self.ends_sentence(j)
                || self.v.token_text(j) == ":"
                || self.starts_region(j)
            {
                return None;
            }
            match self.role_at(j) {
                Some((SpeechRole::That, 1)) => return Some(j + 1),
                Some((SpeechRole::ThatInfinitive, 1)) if j == from => return Some(j),
                Some((SpeechRole::Verb { .. } | SpeechRole::Source, _)) if j > from => {
                    return None;
                }
                _ => {}
            }
        }
        None
    }

    /// True when token `t` is a preposition or another function word: what follows a verb
    /// there is an adjunct ("said on Wednesday"), not what was said.
    fn opens_adjunct(&self, t: usize) -> bool {
        // "said about 40 homes were destroyed", "said at least six people…", "At least 24
        // people were killed, …": a word before a number, or before a lower-case word and a
        // number, qualifies a count.
        // An article that is also a number word ("un", "a") is no count, nor is what comes
        // after a determiner or possessive ("to his three penalties").
        let count = |k: usize| self.v.is_number(k) && !self.v.speaker_word(k, |_| true);
        let before_number = count(t + 1)
            || count(t + 2)
                && self.v.tokens[t + 1].kind == TokenKind::Word
                && self
                    .v
                    .token_text(t + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !self.v.speaker_word(t + 1, |_| true);
        !before_number
            && self.v.speaker_word(t, |w| {
                matches!(
                    w,
                    cronaca_lang::SpeakerWord::Function | cronaca_lang::SpeakerWord::Connector
                )
            })
            || matches!(
                self.role_at(t),
                Some((SpeechRole::By | SpeechRole::Through | SpeechRole::Source, _))
            )
    }

    /// True when the word at token `t` (right after a name) goes on with the name's clause: a
    /// lower-case word that is no preposition or other function word ("said Clinton should…",
    /// not "said Smith on Tuesday").
    fn opens_clause(&self, t: usize, end: usize) -> bool {
        t < end && self.v.is_possessive(t)
            || t < end
                && self.v.tokens[t].kind == TokenKind::Word
                && self
                    .v
                    .token_text(t)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !self.opens_adjunct(t)
                && !matches!(
                    self.role_at(t),
                    Some((SpeechRole::By | SpeechRole::Through | SpeechRole::That, _))
                )
    }

    /// True when region `k` holds a sentence's worth of words rather than a scare quote.
    fn is_long(&self, k: usize) -> bool {
        self.v.text[self.v.regions[k].inner.clone()]
            .split_whitespace()
            .count()
            >= 5
    }

    /// The end of a reported clause starting at token `start`: the sentence end, or the comma,
    /// dash or clause link before the next speech verb ("…, specificando che …", "riportava 3
    /// morti mentre la STT parlava di…").
    fn clause_end(&self, start: usize, end: usize) -> usize {
        let next = (start + 1..end).find(|&j| {
            self.v.region_of[j].is_none()
                && matches!(
                    self.role_at(j),
                    Some((SpeechRole::Verb { .. } | SpeechRole::Source, _))
                )
        });
        match next {
            Some(j) => (start + 1..j)
                .rev()
                .find(|&c| {
                    self.v.is_comma(c)
                        || self.is_dash(c)
                        || matches!(self.role_at(c), Some((SpeechRole::ClauseLink, 1)))
                })
                .unwrap_or(end),
            None => end,
        }
    }

    /// Where a reported clause with no complementiser ends: at the first comma or the
    /// sentence end, but on over a comma before a participle that goes on with the clause
    /// ("…says suicide bombers blew themselves up…, killing five police").
    fn object_end(&self, from: usize, end: usize) -> usize {
        let mut k = from;
        while k < end && !self.ends_sentence(k) {
            if self.v.is_comma(k) && !self.gerund_at(k + 1) {
                break;
            }
            k += 1;
        }
        k
    }

    /// A lower-case word with one of the language's participle endings that is no speech
    /// verb ("killing", "including"; not "adding", which reports more).
    fn gerund_at(&self, t: usize) -> bool {
        t < self.v.tokens.len()
            && self.v.tokens[t].kind == TokenKind::Word
            && self.role_at(t).is_none()
            && !self.v.speaker_word(t, |_| true)
            && {
                let w = self.v.token_text(t);
                w.chars().next().is_some_and(char::is_lowercase)
                    && self
                        .v
                        .lang
                        .conventions
                        .gerund_endings
                        .iter()
                        .any(|e| w.len() >= e.len() + 3 && w.ends_with(e.as_str()))
            }
    }

    /// A dash between words: "… - an old favorite - others say …".
    fn is_dash(&self, t: usize) -> bool {
        self.v.is_punct(t) && matches!(self.v.token_text(t), "-" | "–" | "—")
    }

    fn starts_region(&self, t: usize) -> bool {
        self.v
            .region_opening_at(self.v.tokens[t].span.start)
            .is_some()
    }

    /// The left boundary of the subject window of a cue at token `c`: the sentence start, the
    /// end of a quotation, a colon or semicolon, or an earlier cue.
    fn subject_start(&self, c: usize) -> usize {
        let s = self.sentence(c).start;
        let mut k = c;
        while k > s && k + SUBJECT_WINDOW > c {
            let p = k - 1;
            if self.v.region_of[p].is_some_and(|k| self.is_long(k))
                || matches!(self.v.token_text(p), ":" | ";")
                || (self.closes_region(p)
                    && p > 0
                    && self.v.region_of[p - 1].is_some_and(|k| self.is_long(k)))
                || self.content_ends.contains(&self.v.tokens[p].span.end)
            {
                break;
            }
            k = p;
        }
        k
    }

    /// The window right of a cue: up to a comma, a quotation, a complementiser or the sentence
    /// end.
    fn object_window(&self, from: usize) -> Range<usize> {
        let end = self.sentence(from.saturating_sub(1)).end;
        let mut k = from;
        while k < end
            && !self.v.is_comma(k)
            && !self.ends_sentence(k)
            && self.v.region_of[k].is_none()
            && !self.starts_region(k)
            && (!self.is_that(k) || self.joins_name(k))
            && self.v.token_text(k) != ":"
        {
            k += 1;
        }
        from..k
    }

    /// True when token `t` is a coordinating conjunction ("and", "but").
    fn is_conjunction(&self, t: usize) -> bool {
        matches!(self.role_at(t), Some((SpeechRole::Conjunction, 1)))
    }

    /// The speaker of the earlier quote of the sentence that the subject window of a cue at
    /// token `cue` stops at, when the verb goes on with that quote's clause after a comma or a
    /// conjunction and no subject of its own comes in between: "ratcheted up his attacks on
    /// Rubio, saying…", "defended the plan…, and has not answered…, stating that…".
    fn shared_subject(&self, cue: usize) -> Option<Attribution> {
        let start = self.subject_start(cue);
        let sentence = self.sentence(cue);
        if start <= sentence.start || start >= cue {
            return None;
        }
        let end = self.v.tokens[start - 1].span.end;
        if !self.content_ends.contains(&end) {
            return None;
        }
        // The word before the verb: a comma or a conjunction, perhaps with one adverb ("and
        // also called").
        let p = cue - 1;
        let joined = |t: usize| self.v.is_comma(t) || self.is_conjunction(t);
        let adverb = p > start
            && self
                .v
                .speaker_word(p, |w| w == cronaca_lang::SpeakerWord::Function)
            && joined(p - 1);
        if !(joined(p) || adverb) {
            return None;
        }
        // A subject of its own: "…, but the minister argued".
        // A determiner after a preposition opens a complement: "in the United States".
        let governed = |c: &Candidate| {
            let d = c.tokens.start;
            let d = if self.v.is_determiner(d) { d } else { d - 1 };
            d > start
                && self.v.is_determiner(d)
                && self.v.speaker_word(d - 1, |w| {
                    matches!(
                        w,
                        cronaca_lang::SpeakerWord::Function | cronaca_lang::SpeakerWord::Connector
                    )
                })
        };
        if candidates(self.v, start..cue, &self.channels)
            .iter()
            .any(|c| !c.complement && !c.channel && !governed(c))
        {
            return None;
        }
        let q = self
            .quotes
            .iter()
            .rev()
            .take(16)
            .find(|q| q.content.end == end && q.cue.is_some())?;
        // After a reported clause with a named subject of its own the verb may go on with
        // that clause ("ha affermato che l'Isis ha rivendicato l'attentato, affermando…"):
        // left to the other rules.
        let first = self.v.token_at(q.content.start);
        if q.rule == "quotes:verb-that"
            && candidates(self.v, first..start, &self.channels)
                .first()
                .is_some_and(|c| {
                    (c.tokens.start == first
                        || c.tokens.start == first + 1 && self.v.is_determiner(first))
                        && c.form != Form::Pronoun
                })
        {
            return None;
        }
        Some(q.speaker.clone())
    }

    fn speaker_left(&self, cue: usize) -> Option<Candidate> {
        let start = self.subject_start(cue);
        let cands = candidates(self.v, start..cue, &self.channels);
        // A verb right after a comma goes on with the clause's subject: "Democrats are drawing
        // blueprints for…, saying…", "Clinton, who won Iowa, said".
        if cue > start
            && self.v.is_comma(cue - 1)
            && let Some(c) = cands.iter().find(|c| !c.complement && !c.channel)
        {
            return Some(c.clone());
        }
        // A medium right before the verb speaks for itself: "…la polizia locale mentre
        // l'agenzia irachena Nina parla di soli due morti".
        if let Some(c) = cands.last()
            && c.channel
            && c.tokens.end == cue
            // Not an agent: "a memo obtained by Reuters said".
            && !(c.tokens.start > 0
                && matches!(self.role_at(c.tokens.start - 1), Some((SpeechRole::By, _))))
        {
            return Some(c.clone());
        }
        let chosen = choose_left(self.v, &cands, cue).or_else(|| {
            // A channel that speaks for itself: "Il quotidiano … The Daily Mirror ha affermato".
            cands.last().cloned()
        });
        let np = self.noun_phrase_before(start, cue);
        // A noun phrase right before the verb is its subject rather than a name in a
        // complement or behind a comma: "Having fled Afghanistan in March, the couple worried".
        if let Some(np) = &np
            && let Some(c) = &chosen
            && c.tokens.end <= np.tokens.start
            && (c.complement || (c.tokens.end..np.tokens.start).any(|t| self.v.is_punct(t)))
            && !(np.tokens.start > start
                && self.v.speaker_word(np.tokens.start - 1, |w| {
                    w == cronaca_lang::SpeakerWord::Function
                }))
        {
            return Some(np.clone());
        }
        chosen.or(np)
    }

    /// A noun phrase opened by a determiner right before token `cue`, for subjects no word
    /// list knows: "the congressional report said".
    fn noun_phrase_before(&self, start: usize, cue: usize) -> Option<Candidate> {
        let from = start.max(cue.saturating_sub(6));
        let det = (from..cue)
            .rev()
            .take_while(|&k| !self.v.is_punct(k))
            .filter(|&k| self.v.is_determiner(k))
            .last()?;
        if (det..cue).any(|k| self.v.is_time_noun(k)) {
            return None;
        }
        Some(Candidate {
            tokens: det..cue,
            form: Form::Role {
                person: false,
                definite: false,
            },
            channel: false,
            complement: false,
        })
    }

    /// A channel named right after `from` that speaks for itself: "la tv di Stato".
    fn channel_right(&self, from: usize) -> Option<Candidate> {
        let window = self.object_window(from);
        self.channels
            .iter()
            .find(|c| window.contains(&c.tokens.start))
            .map(|c| Candidate {
                tokens: c.tokens.clone(),
                form: Form::Role {
                    person: false,
                    definite: true,
                },
                channel: true,
                complement: false,
            })
    }

    fn speaker_right(&self, from: usize) -> Option<Candidate> {
        if from >= self.v.tokens.len() {
            return None;
        }
        let window = self.object_window(from);
        choose_right(&candidates(self.v, window, &self.channels))
    }

    /// The nearest earlier person, for a cue with no subject written ("«…», dichiara, «…»").
    fn implied_speaker(&self, cue: usize) -> Option<Attribution> {
        let at = self.v.tokens[cue].span.start;
        let mention = self
            .v
            .mentions_before(at)
            .find(|m| m.span.end <= at && m.kind == cronaca_model::EntityType::Per);
        let known = self
            .known
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|k| k.span.end <= at && k.person);
        let (span, entity) = match (mention, known) {
            (Some(m), Some(k)) if k.span.start > m.span.start => (k.span.clone(), k.entity),
            (Some(m), _) => (m.span.clone(), Some(m.entity)),
            (None, Some(k)) => (k.span.clone(), k.entity),
            (None, None) => return None,
        };
        Some(Attribution {
            span,
            entity,
            channel: None,
            via: None,
        })
    }

    /// The attribution for a candidate, with its channel and relay looked for in `scope`
    /// (tokens of the attribution, content excluded).
    fn attribution(
        &mut self,
        c: &Candidate,
        scope: Range<usize>,
        content: &Range<usize>,
    ) -> Attribution {
        let span = self.v.span(c.tokens.clone());
        let entity = resolve(self.v, c, &self.known);
        let person = match c.form {
            Form::Role { person, .. } => person,
            Form::Pronoun => true,
            Form::Name => {
                entity.is_none_or(|e| self.v.entity_kinds[e] == cronaca_model::EntityType::Per)
            }
        };
        // Pronouns only point back; names and roles can be pointed back at.
        if c.form != Form::Pronoun {
            self.known.push(Known {
                span: span.clone(),
                entity,
                person,
            });
        }
        let mut a = Attribution {
            span,
            entity,
            channel: None,
            via: None,
        };
        a.channel = self.channel_in(scope.clone(), content, &a.span);
        a.via = self.relay_in(scope, content, &a.span);
        a
    }

    /// The most telling channel named in `scope`, outside `content`; a channel that is the
    /// speaker itself counts only for media that speak for themselves (agencies, newspapers,
    /// broadcasters).
    fn channel_in(
        &self,
        scope: Range<usize>,
        content: &Range<usize>,
        speaker: &Range<usize>,
    ) -> Option<Channel> {
        let first = self
            .channels
            .partition_point(|c| c.tokens.start < scope.start);
        self.channels[first..]
            .iter()
            .take_while(|c| c.tokens.start < scope.end)
            .filter(|c| c.tokens.end <= scope.end)
            .map(|c| (c, self.v.span(c.tokens.clone())))
            .filter(|(_, span)| span.end <= content.start || span.start >= content.end)
            .filter(|(c, span)| {
                let is_speaker = span.start < speaker.end && speaker.start < span.end;
                !is_speaker
                    || matches!(
                        c.kind,
                        ChannelType::Agency
                            | ChannelType::Newspaper
                            | ChannelType::Tv
                            | ChannelType::Radio
                    )
            })
            .max_by_key(|(c, span)| (channel_rank(c.kind), std::cmp::Reverse(span.start)))
            .map(|(c, span)| Channel {
                kind: c.kind,
                name: c.name.clone().map(|n| self.v.span(n)),
                span,
            })
    }

    /// A relay named in `scope`: "tramite un portavoce", "through his lawyers".
    fn relay_in(
        &self,
        scope: Range<usize>,
        content: &Range<usize>,
        speaker: &Range<usize>,
    ) -> Option<Via> {
        let t = scope.clone().find(|&t| {
            let span = &self.v.tokens[t].span;
            (span.end <= content.start || span.start >= content.end)
                && matches!(self.role_at(t), Some((SpeechRole::Through, _)))
        })?;
        let n = self.role_at(t)?.1;
        let window = self.object_window(t + n);
        let c = choose_right(&candidates(self.v, window, &self.channels))?;
        let span = self.v.span(c.tokens.clone());
        (span != *speaker).then(|| Via {
            entity: self.v.entity_over(&span),
            span,
        })
    }

    fn push(
        &mut self,
        kind: QuoteKind,
        content: Range<usize>,
        speaker: Attribution,
        cue: impl Into<Option<Range<usize>>>,
        rule: &'static str,
        confidence: f64,
    ) {
        // Markup ("<tweet id=\"7604…\">") and numbers say nothing.
        if content.is_empty()
            || !self.v.text[content.clone()]
                .chars()
                .any(char::is_alphabetic)
        {
            return;
        }
        for k in self.v.regions_over(&content) {
            let r = &self.v.regions[k];
            if r.inner.start < content.end && content.start < r.inner.end {
                self.used[k] = true;
            }
        }
        self.content_ends.insert(content.end);
        // Kept in text order of content (cues arrive in text order; orphans are inserted).
        let at = self
            .quotes
            .partition_point(|q| (q.content.start, q.content.end) <= (content.start, content.end));
        self.quotes.insert(
            at,
            Quote {
                kind,
                content,
                speaker,
                cue: cue.into(),
                rule,
                confidence,
            },
        );
    }

    /// The reported clause in tokens `r`: its byte span (extended over a quotation that runs
    /// past it) and whether it holds quoted words.
    fn clause(&self, r: Range<usize>) -> (Range<usize>, QuoteKind) {
        let mut span = self.v.span(r);
        let mut kind = QuoteKind::Indirect;
        for k in self.v.regions_over(&span.clone()) {
            let reg = &self.v.regions[k];
            if reg.outer.start < span.end && span.start < reg.outer.end {
                kind = QuoteKind::Mixed;
                span.start = span.start.min(reg.outer.start);
                span.end = span.end.max(reg.outer.end);
            }
        }
        (span, kind)
    }

    /// A speech verb at tokens `cue`.
    fn verb(&mut self, cue: Range<usize>, bare: bool, object: bool) -> Option<usize> {
        let sentence = self.sentence(cue.start);
        let cue_span = self.v.span(cue.clone());
        let clitic = (1..=2).any(|d| {
            cue.start >= sentence.start + d
                && matches!(self.role_at(cue.start - d), Some((SpeechRole::Clitic, 1)))
        });
        // 1. A reported clause after a complementiser.
        // An attitude verb's own object comes first: "blasted Republicans for …, now that …".
        let that = self
            .complement(cue.end, sentence.end)
            .filter(|&s| !object || s <= cue.end + 3);
        if !clitic && let Some(start) = that {
            let body = self.trim_end(start..self.clause_end(start, sentence.end));
            if body.len() >= 2 {
                let (content, kind) = self.clause(body.clone());
                let speaker = match self.shared_subject(cue.start) {
                    Some(a) => a,
                    None => {
                        let speaker = self
                            .speaker_left(cue.start)
                            .or_else(|| self.speaker_right(cue.end));
                        let scope = sentence.start..start;
                        match speaker {
                            Some(c) => self.attribution(&c, scope, &content),
                            None => self.implied_speaker(cue.start)?,
                        }
                    }
                };
                self.push(kind, content, speaker, cue_span, "quotes:verb-that", 0.8);
                return Some(body.end);
            }
        }
        // 2. A quotation right before the cue: "«…» ha detto X", "“…,” X said".
        if let Some(k) = self
            .region_before(cue.start, QUOTE_GAP)
            .or_else(|| self.region_before_long_speaker(cue.start))
            .filter(|&k| !self.inside_clause(k))
        {
            let region = self.v.regions[k].clone();
            let after = self.v.token_at(region.outer.end);
            let left = candidates(self.v, after..cue.start, &self.channels);
            let speaker =
                choose_left(self.v, &left, cue.start).or_else(|| self.speaker_right(cue.end));
            let scope = after..sentence.end.max(after);
            let speaker = match speaker {
                Some(c) => self.attribution(&c, scope, &region.inner),
                None => self.implied_speaker(cue.start)?,
            };
            self.push(
                QuoteKind::Direct,
                region.inner.clone(),
                speaker.clone(),
                cue_span.clone(),
                "quotes:quote-verb",
                0.9,
            );
            // A quotation split by its attribution: "«…», dichiara X, «…»".
            let tail = self.object_window(cue.end);
            let resume = if tail.end < self.v.tokens.len() && self.v.is_comma(tail.end) {
                tail.end + 1
            } else {
                tail.end
            };
            if resume < self.v.tokens.len()
                && let Some((k2, _)) = self.region_after(resume, 0)
            {
                let inner = self.v.regions[k2].inner.clone();
                self.push(
                    QuoteKind::Direct,
                    inner,
                    speaker,
                    cue_span,
                    "quotes:split-quote",
                    0.85,
                );
            }
            return None;
        }
        // 3. A quotation right after the cue: "ha spiegato: «…»", "si è detta «costernata»".
        if cue.end < self.v.tokens.len()
            && let Some((k, between)) = self.region_after(cue.end, QUOTE_GAP)
        {
            let region = self.v.regions[k].clone();
            let colon = between.clone().any(|b| self.v.token_text(b) == ":");
            // "acknowledged, however, “…”": an adverb between commas leaves the quotation to
            // the verb.
            let adverb = between.len() >= 3
                && self.v.is_comma(between.start)
                && self.v.is_comma(between.end - 1)
                && (between.start + 1..between.end - 1).all(|b| {
                    self.v
                        .speaker_word(b, |w| w == cronaca_lang::SpeakerWord::Function)
                });
            if between.len() > 1 && between.clone().any(|b| self.v.is_comma(b)) && !adverb {
                return None;
            }
            let upper = self.v.text[region.inner.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let (kind, content) = if colon || ((between.is_empty() || adverb) && upper) {
                (QuoteKind::Direct, region.inner.clone())
            } else {
                // The preposition governing the quoted words belongs to the reported clause:
                // "ad «evitare…»", "di «sciagura inaccettabile»".
                let start = match between.end.checked_sub(1) {
                    Some(p) if p >= between.start && (self.opens_adjunct(p) || self.is_that(p)) => {
                        self.v.tokens[p].span.start
                    }
                    _ => region.outer.start,
                };
                (QuoteKind::Mixed, start..region.outer.end)
            };
            let speaker = match self.shared_subject(cue.start) {
                Some(a) => a,
                None => match self.speaker_left(cue.start) {
                    Some(c) => self.attribution(&c, sentence.clone(), &content),
                    None => self.implied_speaker(cue.start)?,
                },
            };
            self.push(kind, content, speaker, cue_span, "quotes:verb-quote", 0.85);
            return None;
        }
        // 4. An attribution sentence: "Lo riferisce l'agenzia Tass."
        let tail = self.object_window(cue.end);
        let at_end = tail.end >= sentence.end || self.ends_sentence(tail.end);
        // Only the speaker may follow the verb: "Others say this is…" reports no one.
        let only_speaker = at_end
            && cue.start <= sentence.start + 1
            && self
                .speaker_right(cue.end)
                .is_some_and(|c| c.tokens.end == tail.end);
        if clitic || only_speaker {
            // After a clitic ("Lo ha riferito la tv di Stato") the subject follows the verb and
            // may be the medium itself; the clitic and its auxiliary are never the speaker.
            let speaker = match self.speaker_right(cue.end) {
                Some(c) => c,
                None if clitic => self.channel_right(cue.end)?,
                None => self.speaker_left(cue.start)?,
            };
            let attribution = self.attribution(&speaker, sentence.clone(), &(0..0));
            let s = self.v.sentence_of[cue.start];
            self.reports.push(Report {
                sentence: s,
                cue: cue_span.clone(),
                attribution: attribution.clone(),
            });
            let next_is_quote = self.standalone_in(s + 1).is_some();
            if clitic && !next_is_quote && s > 0 {
                let prev = self.trim_end(self.v.sentences[s - 1].clone());
                let (content, kind) = self.clause(prev);
                if !self
                    .quotes
                    .iter()
                    .rev()
                    .take(16)
                    .any(|q| q.content.start < content.end && content.start < q.content.end)
                {
                    self.push(
                        kind,
                        content,
                        attribution,
                        cue_span,
                        "quotes:clitic-report",
                        0.7,
                    );
                }
            }
            return Some(tail.end);
        }
        // 5. A clause or object straight after a verb: "Mosca ha confermato l'invio di truppe".
        let left = self.speaker_left(cue.start);
        // "has promised to push harder, opposed his trade deal…": a verb after a comma that
        // ends the previous quote's content shares its subject.
        // So does one with no subject after a comma in a sentence whose earlier cue had one:
        // "X called the agreement “…” in global efforts…, applauding…".
        let shared = self.shared_subject(cue.start);
        let shared = if shared.is_some() {
            shared
        } else if left.is_none() && cue.start > sentence.start + 1 && self.v.is_comma(cue.start - 1)
        {
            let from = self.v.tokens[sentence.start].span.start;
            let at = self.v.tokens[cue.start].span.start;
            self.quotes
                .iter()
                .rev()
                .take(8)
                .find(|q| {
                    q.content.end == self.v.tokens[cue.start - 2].span.end
                        || q.cue
                            .as_ref()
                            .is_some_and(|c| c.start >= from && c.end <= at)
                })
                .map(|q| q.speaker.clone())
        } else {
            None
        };
        if bare
            && let Some(inherited) = shared
            && cue.end < sentence.end
            && !self.v.is_punct(cue.end)
            && (object || !self.opens_adjunct(cue.end))
        {
            let end = self.object_end(cue.end, sentence.end);
            if end - cue.end >= 2 {
                let (content, kind) = self.clause(cue.end..end);
                self.push(
                    kind,
                    content,
                    inherited,
                    cue_span,
                    "quotes:shared-subject",
                    0.5,
                );
                return Some(end);
            }
        }
        // A participle opening the sentence takes the subject after its comma: "Citing the
        // storm damage, Mayor Ann Lee asked…".
        if bare
            && left.is_none()
            && cue.start == sentence.start
            && tail.len() >= 2
            && tail.end + 1 < sentence.end
            && self.v.is_comma(tail.end)
            && let Some(c) = candidates(self.v, self.object_window(tail.end + 1), &self.channels)
                .into_iter()
                .find(|c| !c.complement && !c.channel)
                .filter(|c| c.tokens.start <= tail.end + 3)
        {
            let (content, kind) = self.clause(tail.clone());
            let speaker = self.attribution(&c, tail.end..sentence.end, &content);
            self.push(
                kind,
                content,
                speaker,
                cue_span,
                "quotes:opening-participle",
                0.5,
            );
            return Some(tail.end);
        }
        // An attitude verb's object may be a name or an infinitive: "supports Trump", "wants
        // to lose"; after a speech verb a name is its subject or addressee ("said Smith").
        // "…, say some Democrats, who…": a speech verb after a comma with only its speaker
        // after it reports the clause before the comma (step 6).
        let inverted = !object
            && cue.start > sentence.start
            && self.v.is_comma(cue.start - 1)
            && self.speaker_right(cue.end).is_some_and(|c| {
                c.tokens.end == tail.end
                    && (cue.end..c.tokens.start).all(|k| {
                        self.v.is_determiner(k)
                            || self
                                .v
                                .speaker_word(k, |w| w == cronaca_lang::SpeakerWord::Pronoun)
                    })
            });
        if bare
            && !inverted
            && let Some(c) = left.clone()
            && cue.end < sentence.end
            && !self.v.is_punct(cue.end)
            && (object
                || self
                    .v
                    .name_at(cue.end, sentence.end)
                    .is_none_or(|n| self.opens_clause(n.end, sentence.end)))
            && (!self.opens_adjunct(cue.end)
                || object && matches!(self.role_at(cue.end), Some((SpeechRole::Infinitive, 1))))
        {
            let end = self.object_end(cue.end, sentence.end);
            // "… some friends say X would look zippier - an old favorite - others say …".
            let end = end
                .min(self.clause_end(cue.end, sentence.end))
                .min(self.coordinated_verb(cue.end, end));
            if end > cue.end && end - cue.end >= if object { 1 } else { 2 } {
                let (content, kind) = self.clause(cue.end..end);
                let speaker = self.attribution(&c, sentence.start..cue.end, &content);
                self.push(kind, content, speaker, cue_span, "quotes:verb-object", 0.6);
                return Some(end);
            }
        }
        // 6. A clause before: "Il velivolo è intatto, ha detto Ginn, e …", "…, the minister said."
        let comma = (sentence.start..cue.start)
            .rev()
            .take(5)
            .find(|&p| self.v.is_comma(p))
            .or_else(|| self.comma_before_long_name(sentence.start, cue.start));
        let Some(comma) = comma else {
            // 7. "As Josh Earnest explained, three taxes were postponed…": the clause after the
            // comma that closes the attribution.
            return self.clause_after(&tail, sentence, cue_span, left);
        };
        if comma < sentence.start + 3
            || !(tail.end >= sentence.end
                || self.ends_sentence(tail.end)
                || self.v.is_comma(tail.end))
        {
            return None;
        }
        // "…, he said on Tuesday.", "…, said the minister", "…, he told reporters": only
        // adjuncts, the speaker or a short complement may follow the verb; a verb with its own object ("In a poll, voters said Clinton should…")
        // reports that, not the words before the comma.
        let tail_is_object = tail.len() >= 3
            && !self.opens_adjunct(tail.start)
            && self.speaker_right(tail.start).is_none_or(|c| {
                c.tokens.start > tail.start + 2
                    || c.tokens.end < tail.end && self.opens_clause(c.tokens.end, tail.end)
            });
        if tail_is_object {
            return None;
        }
        let clause_words = (sentence.start..comma).any(|t| {
            self.v.tokens[t].kind == TokenKind::Word
                && self
                    .v
                    .token_text(t)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        });
        // "In a CNN poll the same month, …": an adjunct opening the sentence is no clause.
        // A conjunction opening the sentence goes on with the one before: "But this was the
        // first time…, she said" reports its clause.
        let first = if self.is_conjunction(sentence.start) {
            sentence.start + 1
        } else {
            sentence.start
        };
        let adjunct = self.opens_adjunct(first) && !(first..comma).any(|t| self.v.is_comma(t));
        if !clause_words || adjunct {
            return None;
        }
        // "…, a spokeswoman, Anna Richardson White, said on Saturday": the speaker is the
        // apposition between the commas before the verb, the clause what comes before it.
        if comma + 1 == cue.start
            && let Some((speaker, end)) = self.apposition_before(sentence.start, comma)
        {
            let (content, kind) = self.clause(sentence.start..end);
            let speaker = self.attribution(&speaker, end..sentence.end, &content);
            self.push(kind, content, speaker, cue_span, "quotes:clause-verb", 0.6);
            return None;
        }
        let between = candidates(self.v, comma + 1..cue.start, &self.channels);
        let speaker = choose_left(self.v, &between, cue.start)
            // A medium that speaks for itself: "…, CNN reported."
            .or_else(|| between.last().cloned())
            .or_else(|| self.speaker_right(cue.end))
            .or_else(|| {
                // A few words no list knows: "…, former rival says."
                let words = comma + 1..cue.start;
                (!words.is_empty()
                    && tail.is_empty()
                    && words.len() <= 4
                    && words.clone().all(|t| {
                        self.v.tokens[t].kind == TokenKind::Word && !self.opens_adjunct(t)
                    }))
                .then_some(Candidate {
                    tokens: words,
                    form: Form::Role {
                        person: false,
                        definite: false,
                    },
                    channel: false,
                    complement: false,
                })
            })?;
        let (content, kind) = self.clause(sentence.start..comma);
        let speaker = self.attribution(&speaker, comma..sentence.end, &content);
        self.push(kind, content, speaker, cue_span, "quotes:clause-verb", 0.65);
        None
    }

    /// The first conjunction in `from..end` that joins another speech verb to the clause, at
    /// most one word between them ("referred to them as X and recently pointed to…"), or `end`.
    fn coordinated_verb(&self, from: usize, end: usize) -> usize {
        (from + 1..end)
            .find(|&j| {
                self.is_conjunction(j)
                    && [j + 1, j + 2].into_iter().any(|k| {
                        k < end
                            && matches!(self.role_at(k), Some((SpeechRole::Verb { .. }, _)))
                            && (k == j + 1
                                || self.v.tokens[j + 1].kind == TokenKind::Word
                                    && self.role_at(j + 1).is_none()
                                    && !self.v.is_capitalised(j + 1))
                    })
            })
            .unwrap_or(end)
    }

    /// The speaker named between commas before token `comma` ("…, a spokeswoman, Anna White,")
    /// and the comma that ends the clause before it.
    fn apposition_before(&self, start: usize, comma: usize) -> Option<(Candidate, usize)> {
        let prev = |to: usize, within: usize| {
            (start + 3..to)
                .rev()
                .take(within)
                .find(|&p| self.v.is_comma(p))
        };
        let p1 = prev(comma, 8)?;
        let last = candidates(self.v, p1 + 1..comma, &self.channels)
            .into_iter()
            .find(|c| !c.complement)?;
        // A role before the name: "a spokeswoman, Anna White".
        if let Some(p2) = prev(p1, 6)
            && let Some(role) = candidates(self.v, p2 + 1..p1, &self.channels)
                .into_iter()
                .find(|c| matches!(c.form, Form::Role { .. }) && c.tokens.start <= p2 + 2)
        {
            return Some((role, p2));
        }
        Some((last, p1))
    }

    /// The comma before a long name or role that ends right before the verb at `cue`: "…, the
    /// UK-based Syrian Observatory for Human Rights (SOHR) said", "…, the governor of the
    /// province said". Between the comma and the verb, at most [`SPEAKER_GAP`] + 4 tokens,
    /// every word is capitalised, a determiner, connector, possessive or role noun, or a
    /// lower-case word joined by a hyphen ("UK-based"), and one of them is capitalised or a role
    /// noun: a clause there ("…, who met him on Monday, said") has other words.
    fn comma_before_long_name(&self, start: usize, cue: usize) -> Option<usize> {
        let comma = (start..cue)
            .rev()
            .take(SPEAKER_GAP + 4)
            .find(|&p| self.v.is_comma(p))?;
        let words = comma + 1..cue;
        let capitalised = |t: usize| {
            self.v
                .token_text(t)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let role = |t: usize| {
            self.v.speaker_word(t, |w| {
                matches!(
                    w,
                    cronaca_lang::SpeakerWord::Person | cronaca_lang::SpeakerWord::Group
                )
            })
        };
        let fits = |t: usize| {
            let tok = &self.v.tokens[t];
            match tok.kind {
                TokenKind::Word => {
                    capitalised(t)
                        || role(t)
                        || self.v.is_determiner(t)
                        || self.v.is_possessive(t)
                        || self
                            .v
                            .speaker_word(t, |w| w == cronaca_lang::SpeakerWord::Connector)
                        || t > words.start && self.is_dash(t - 1)
                }
                TokenKind::Number => false,
                _ => self.is_dash(t) || matches!(self.v.token_text(t), "(" | ")"),
            }
        };
        (words.clone().all(fits) && words.clone().any(|t| capitalised(t) || role(t)))
            .then_some(comma)
    }

    /// "As Josh Earnest explained, …", "As Byler pointed out in December, “…”": an attribution
    /// opening the sentence after a function word, closed by a comma after the verb and its
    /// adjuncts.
    fn clause_after(
        &mut self,
        tail: &Range<usize>,
        sentence: Range<usize>,
        cue_span: Range<usize>,
        left: Option<Candidate>,
    ) -> Option<usize> {
        let c = left?;
        if !(tail.is_empty() || self.opens_adjunct(tail.start))
            || tail.end + 1 >= sentence.end
            || !self.v.is_comma(tail.end)
            || c.tokens.start > sentence.start + 3
            || c.tokens.start == sentence.start
            || !self
                .v
                .speaker_word(sentence.start, |w| w == cronaca_lang::SpeakerWord::Function)
            // "At least seven people were reported…, and eleven…": a count, not "As".
            || !self.opens_adjunct(sentence.start)
        {
            return None;
        }
        let start = tail.end + 1;
        let body = self.trim_end(start..self.clause_end(start, sentence.end));
        if body.len() < 2 {
            return None;
        }
        let (content, kind) = match self.region_after(start, 0) {
            Some((k, _)) if self.v.regions[k].outer.end >= self.v.span(body.clone()).end => {
                (self.v.regions[k].inner.clone(), QuoteKind::Direct)
            }
            _ => self.clause(body.clone()),
        };
        let speaker = self.attribution(&c, sentence.start..tail.end, &content);
        self.push(kind, content, speaker, cue_span, "quotes:as-verb", 0.6);
        Some(body.end)
    }

    /// "his endorsement of Cruz", "Graham's energetic support for Cruz": the possessive before
    /// an attitude noun (at most two modifiers away) is the source, the phrase after it (or the
    /// clause after a complementiser) the content.
    ///
    /// An `open` noun with no possessive ("new questions about", "bitter debate on") stands
    /// for its unnamed holders: the noun and its modifiers are the source.
    fn noun(&mut self, cue: Range<usize>, open: bool) -> Option<usize> {
        let sentence = self.sentence(cue.start);
        let mut p = cue.start;
        let mut modifiers = cue.start;
        let pos = loop {
            if p <= sentence.start || cue.start - p > 2 {
                break None;
            }
            p -= 1;
            if self.v.is_possessive(p) {
                break Some(p);
            }
            let modifier = self.v.tokens[p].kind == TokenKind::Word
                && self.v.region_of[p].is_none()
                && self.v.speaker_at(p).is_none()
                && self.role_at(p).is_none()
                && !self.v.is_capitalised(p);
            if !modifier {
                break None;
            }
            modifiers = p;
        };
        let speaker = match pos {
            Some(pos) => self.possessive_source(pos, sentence.start)?,
            None if open => {
                // The subject of a verb the noun is the object of: "They have less rigid
                // attitudes about…", "Republicans express sharp reservations about…".
                let subject = self.speaker_left(modifiers).filter(|c| {
                    let lone_determiner =
                        c.tokens.len() == 1 && self.v.is_determiner(c.tokens.start);
                    // A complement right before the verb is its subject: "average citizens
                    // raised concern that…".
                    let complement = c.complement && c.tokens.end < modifiers;
                    !(lone_determiner || complement || c.channel)
                        && c.tokens.end <= modifiers
                        && modifiers - c.tokens.end <= 3
                        && (c.tokens.end..modifiers).all(|k| {
                            self.v.tokens[k].kind == TokenKind::Word
                                && self.v.region_of[k].is_none()
                                && !self.v.is_capitalised(k)
                        })
                });
                // Else the noun without its preposition and with one modifier stands for its
                // holders: "various reports" in "various reports of".
                let noun = (cue.end - 1).max(cue.start + 1);
                subject.unwrap_or(Candidate {
                    tokens: modifiers.max(cue.start.saturating_sub(1))..noun,
                    form: Form::Role {
                        person: false,
                        definite: false,
                    },
                    channel: false,
                    complement: false,
                })
            }
            None => return None,
        };
        self.noun_content(cue, sentence, speaker)
    }

    /// The source named by the possessive at token `pos`: the name it is written onto
    /// ("Graham's"), else the possessive itself ("his").
    fn possessive_source(&self, pos: usize, sentence_start: usize) -> Option<Candidate> {
        // A possessive written onto the word before ("Graham's") closes the source's name.
        let attached = pos > sentence_start
            && self.v.tokens[pos - 1].span.end == self.v.tokens[pos].span.start;
        Some(if attached {
            let start = self.subject_start(pos);
            candidates(self.v, start..pos, &self.channels)
                .into_iter()
                .rev()
                .find(|c| c.tokens.end == pos)?
        } else {
            Candidate {
                tokens: pos..pos + 1,
                form: Form::Pronoun,
                channel: false,
                complement: false,
            }
        })
    }

    /// The content after an attitude noun at tokens `cue`, given to `speaker`.
    fn noun_content(
        &mut self,
        cue: Range<usize>,
        sentence: Range<usize>,
        speaker: Candidate,
    ) -> Option<usize> {
        let start = if cue.end < sentence.end && self.is_that(cue.end) {
            cue.end + 1
        } else {
            cue.end
        };
        if start >= sentence.end {
            return None;
        }
        let window = self.object_window(start);
        let window = self.trim_end(window);
        if window.is_empty() || self.v.is_punct(window.start) {
            return None;
        }
        let (content, kind) = self.clause(window);
        let cue_span = self.v.span(cue.clone());
        let speaker = self.attribution(&speaker, sentence.start..cue.end, &content);
        self.push(kind, content, speaker, cue_span, "quotes:noun-object", 0.5);
        None
    }

    /// "The kingdom is viewed as a bulwark", "migrants were blamed for the abuse": an
    /// attitude verb in the passive gives the clause from its subject to the next comma; the
    /// source is the agent after "by", else unnamed.
    fn passive(&mut self, cue: Range<usize>) -> Option<usize> {
        let sentence = self.sentence(cue.start);
        // A form of "be" right before the participle, perhaps with adverbs ("was widely
        // criticized for", "was already being criticized as").
        let mut b = cue.start;
        let be = loop {
            if b <= sentence.start || cue.start - b > 3 {
                return None;
            }
            b -= 1;
            match self.role_at(b) {
                Some((SpeechRole::Be, 1)) => break b,
                _ if self.v.tokens[b].kind == TokenKind::Word
                    && self.v.speaker_at(b).is_none()
                    && self.role_at(b).is_none()
                    && !self.v.is_capitalised(b) => {}
                _ => return None,
            }
        };
        // "being criticized": the finite "was" before it.
        let be = if be > sentence.start && matches!(self.role_at(be - 1), Some((SpeechRole::Be, 1)))
        {
            be - 1
        } else {
            be
        };
        // The subject: back to punctuation, a function word or a conjunction ("where migrants
        // were blamed", "That deal was criticized").
        let mut start = be;
        while start > sentence.start
            && be - start < 8
            && !self.v.is_punct(start - 1)
            && self.v.region_of[start - 1].is_none()
            && !self.is_conjunction(start - 1)
            && !self.v.speaker_word(start - 1, |w| {
                matches!(
                    w,
                    cronaca_lang::SpeakerWord::Function | cronaca_lang::SpeakerWord::Connector
                )
            })
            && !matches!(self.role_at(start - 1), Some((SpeechRole::Verb { .. }, _)))
        {
            start -= 1;
        }
        if start == be {
            return None;
        }
        let mut end = cue.end;
        while end < sentence.end && !self.v.is_comma(end) && !self.ends_sentence(end) {
            end += 1;
        }
        if end - cue.end < 1 {
            return None;
        }
        let agent = (cue.end..end).find(|&k| matches!(self.role_at(k), Some((SpeechRole::By, 1))));
        let (content, kind) = self.clause(start..agent.unwrap_or(end));
        let cue_span = self.v.span(cue.clone());
        let speaker = match agent
            .and_then(|k| choose_right(&candidates(self.v, k + 1..end, &self.channels)))
        {
            Some(c) => self.attribution(&c, cue.start..end, &content),
            None => Attribution {
                span: cue_span.start..cue_span.start,
                entity: None,
                channel: None,
                via: None,
            },
        };
        self.push(kind, content, speaker, cue_span, "quotes:passive", 0.4);
        Some(end)
    }

    /// "secondo X, …", "according to X", "…, selon X."
    fn source(&mut self, cue: Range<usize>) -> Option<usize> {
        let sentence = self.sentence(cue.start);
        let window = self.object_window(cue.end);
        let first = candidates(self.v, window.clone(), &self.channels);
        // "according to a just-released poll from Florida Atlantic University, …": a noun
        // phrase no word list knows, up to the comma (or its first words).
        let fallback = (!window.is_empty() && (cue.len() > 1 || self.v.is_determiner(cue.end)))
            .then(|| {
                let to_comma = window.end >= sentence.end
                    || self.ends_sentence(window.end)
                    || self.v.is_comma(window.end);
                let len = if to_comma { 20 } else { 8 };
                Candidate {
                    tokens: window.start..window.end.min(window.start + len),
                    form: Form::Role {
                        person: false,
                        definite: false,
                    },
                    channel: false,
                    complement: false,
                }
            });
        let mut c = match (first.first(), fallback) {
            // "secondo" is also an ordinal: the source must follow at once (after a
            // determiner).
            (Some(c), fallback)
                if c.tokens.start > cue.end + 1
                    || (c.tokens.start == cue.end + 1 && !self.v.is_determiner(cue.end)) =>
            {
                fallback?
            }
            (Some(c), _) => c.clone(),
            (None, fallback) => fallback?,
        };
        // "according to the Reuters news agency, …": the channel noun after a name belongs to
        // the source.
        let at = self
            .channels
            .partition_point(|m| m.tokens.start < c.tokens.end);
        if let Some(m) = self.channels[at..]
            .iter()
            .take_while(|m| m.tokens.start == c.tokens.end)
            .find(|m| m.name.is_none() && m.tokens.end <= window.end)
        {
            c.tokens.end = m.tokens.end;
        }
        // Without a comma the source ends with its noun phrase: "Laut Polizei wurden …".
        let window = window.start..window.end.min(c.tokens.end.max(window.start));
        let cue_span = self.v.span(cue.clone());
        let opens = (sentence.start..cue.start)
            .all(|t| self.v.is_punct(t) || self.role_at(t).is_none() && t + 2 >= cue.start);
        let after = (window.end..sentence.end)
            .find(|&k| !self.v.is_comma(k))
            .unwrap_or(sentence.end);
        let (content, kind) = if opens && after < sentence.end {
            // The clause after the source; a quotation filling it is a direct quote.
            let body = self.trim_end(after..sentence.end);
            match self.region_after(after, 2) {
                Some((k, _)) if self.v.regions[k].outer.end >= self.v.span(body.clone()).end => {
                    (self.v.regions[k].inner.clone(), QuoteKind::Direct)
                }
                _ => self.clause(body),
            }
        } else if window.end >= sentence.end || self.ends_sentence(window.end) {
            let end = if cue.start > sentence.start && self.v.is_comma(cue.start - 1) {
                cue.start - 1
            } else {
                cue.start
            };
            if end <= sentence.start {
                return None;
            }
            self.clause(sentence.start..end)
        } else {
            self.clause(self.trim_end(sentence.clone()))
        };
        let speaker = self.attribution(&c, cue.start..window.end, &content);
        self.push(kind, content, speaker, cue_span, "quotes:source", 0.75);
        Some(window.end)
    }

    /// "si legge in una nota dell'alleanza diffusa su Telegram dalla portavoce…, Maria
    /// Zakharova": the speaker is the channel's owner, the agent of its release the relay.
    fn impersonal(&mut self, cue: Range<usize>) -> Option<usize> {
        let sentence = self.sentence(cue.start);
        let cue_span = self.v.span(cue.clone());
        let rest = cue.end..self.trim_end(sentence.clone()).end;
        let first = self
            .channels
            .partition_point(|c| c.tokens.start < rest.start);
        let owner = self.channels[first..]
            .iter()
            .take_while(|c| c.tokens.start < rest.end)
            .find(|c| c.tokens.end < rest.end && c.name.is_none())
            .and_then(|c| {
                let k = c.tokens.end;
                if !self.v.is_connector(k) {
                    return None;
                }
                let mut start = k + 1;
                if self.v.is_determiner(start) {
                    start += 1;
                }
                candidates(self.v, start..rest.end, &self.channels)
                    .into_iter()
                    .next()
                    .filter(|c| c.tokens.start == start)
                    .map(|mut c| {
                        if let Form::Role { person, .. } = c.form {
                            c.form = Form::Role {
                                person,
                                definite: true,
                            };
                        }
                        c
                    })
            })
            .or_else(|| self.speaker_right(cue.end));
        let by = rest
            .clone()
            .find(|&t| matches!(self.role_at(t), Some((SpeechRole::By, 1))));
        let relay = by.and_then(|b| {
            let names = candidates(self.v, b + 1..rest.end, &self.channels);
            names
                .iter()
                .rev()
                .find(|c| c.form == Form::Name)
                .or(names.first())
                .cloned()
        });
        let target = self
            .region_before(cue.start, QUOTE_GAP)
            .map(|k| self.v.regions[k].inner.clone())
            .or_else(|| {
                self.region_after(cue.end, QUOTE_GAP + 6)
                    .map(|(k, _)| self.v.regions[k].inner.clone())
            });
        let mut attribution = match owner {
            Some(c) => self.attribution(&c, sentence.clone(), &target.clone().unwrap_or(0..0)),
            None => match relay.clone() {
                Some(r) => self.attribution(&r, sentence.clone(), &target.clone().unwrap_or(0..0)),
                None => return None,
            },
        };
        if let Some(r) = relay {
            let span = self.v.span(r.tokens.clone());
            if span != attribution.span {
                let entity = resolve(self.v, &r, &self.known);
                attribution.via = Some(Via { span, entity });
            }
        }
        match target {
            Some(content) => {
                self.push(
                    QuoteKind::Direct,
                    content,
                    attribution,
                    cue_span,
                    "quotes:impersonal",
                    0.85,
                );
            }
            None => {
                let s = self.v.sentence_of[cue.start];
                // "È quanto si legge in un comunicato…": the channel of the quotes just before.
                if s > 0 {
                    let prev = self.v.span(self.v.sentences[s - 1].clone());
                    for q in
                        self.quotes.iter_mut().rev().take(16).filter(|q| {
                            q.content.start >= prev.start && q.content.end <= prev.end + 4
                        })
                    {
                        if q.speaker.channel.is_none() {
                            q.speaker.channel = attribution.channel.clone();
                        }
                    }
                }
                self.reports.push(Report {
                    sentence: s,
                    cue: cue_span,
                    attribution,
                });
            }
        }
        Some(sentence.end)
    }

    /// The unused region that makes up sentence `s` (from its first token to its closing
    /// punctuation), if any.
    fn standalone_in(&self, s: usize) -> Option<usize> {
        let sentence = self.v.sentences.get(s)?.clone();
        let first = self.v.tokens.get(sentence.start)?.span.start;
        let k = self.v.region_opening_at(first)?;
        let region = &self.v.regions[k];
        let last = self.v.token_at(region.outer.end);
        let end_sentence = self.sentence(last.min(self.v.tokens.len() - 1));
        let tail_ok =
            (last..end_sentence.end).all(|t| self.v.is_punct(t)) || last >= self.v.tokens.len();
        (!self.used[k] && tail_ok).then_some(k)
    }

    /// Quotations no cue took: a sentence that is a quotation takes the source of the
    /// attribution sentence before or after it, or of the quote just before it; a quotation
    /// after a colon takes the name before the colon. Others are scare quotes or titles.
    fn orphan_regions(&mut self) {
        for k in 0..self.v.regions.len() {
            if self.used[k] {
                continue;
            }
            let region = self.v.regions[k].clone();
            let open = self.v.token_at(region.outer.start);
            if open >= self.v.tokens.len() {
                continue;
            }
            let s = self.v.sentence_of[open];
            if self.standalone_in(s) == Some(k) {
                let i = self.reports.partition_point(|r| r.sentence + 1 < s);
                let report = self.reports[i..]
                    .iter()
                    .take(3)
                    .find(|r| r.sentence + 1 == s || r.sentence == s + 1)
                    .cloned();
                if let Some(r) = report {
                    self.push(
                        QuoteKind::Direct,
                        region.inner.clone(),
                        r.attribution,
                        r.cue,
                        "quotes:report",
                        0.8,
                    );
                    continue;
                }
                let before = self.v.tokens[self.v.sentences[s.saturating_sub(2)].start]
                    .span
                    .start;
                let i = self
                    .quotes
                    .partition_point(|q| q.content.start < region.outer.start);
                if let Some(q) = self.quotes[..i]
                    .iter()
                    .rev()
                    .take(8)
                    .find(|q| q.content.end <= region.outer.start && q.content.end >= before)
                    .cloned()
                {
                    self.push(
                        QuoteKind::Direct,
                        region.inner.clone(),
                        q.speaker,
                        q.cue,
                        "quotes:continued",
                        0.6,
                    );
                    continue;
                }
            }
            if open > 0 && self.v.token_text(open - 1) == ":" {
                let start = self.subject_start(open - 1);
                let cands = candidates(self.v, start..open - 1, &self.channels);
                if let Some(c) = choose_left(self.v, &cands, open - 1) {
                    let scope = start..open;
                    let speaker = self.attribution(&c, scope, &region.inner);
                    let colon = self.v.tokens[open - 1].span.clone();
                    self.push(
                        QuoteKind::Direct,
                        region.inner.clone(),
                        speaker,
                        colon,
                        "quotes:colon",
                        0.6,
                    );
                }
            }
        }
    }
}

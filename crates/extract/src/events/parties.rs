//! Actors and recipients: noun phrases and entities around a trigger, by position and voice.

use super::sentence::Document;
use super::{Context, Party};
use cronaca_lang::{EventEvidence, EventRole, EventTrigger, TriggerPart};
use cronaca_text::TokenKind;
use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

/// The longest noun phrase taken, in tokens.
const MAX_PHRASE: usize = 8;
/// The most recipients an enumeration gives.
const MAX_LIST: usize = 5;
/// How far after a trigger the destination of a movement may be, in tokens.
const DESTINATION_WINDOW: usize = 10;

/// The tokens of one sentence with what the events stage knows about each; indices are local
/// to the sentence.
pub(super) struct Words<'a> {
    text: &'a str,
    tokens: &'a [cronaca_text::Token],
    /// Folded tokens, for the phrase matchers.
    pub folded: &'a [&'a str],
    /// The structure role of each token (`event_roles.tsv`).
    pub roles: Vec<Option<EventRole>>,
    entity_at: &'a [Option<usize>],
    in_time: &'a [bool],
    in_trigger: Vec<Cell<bool>>,
}

impl<'a> Words<'a> {
    /// The words of the sentence whose tokens are `range`, folded as `folded`.
    pub fn new(
        cx: &Context<'a>,
        doc: &'a Document,
        range: Range<usize>,
        folded: &'a [&'a str],
    ) -> Words<'a> {
        let tokens = &cx.segmentation.tokens[range.clone()];
        let mut roles = vec![None; tokens.len()];
        let mut i = 0;
        while i < folded.len() {
            match cx.lang.events.roles.longest_at(folded, i) {
                Some((r, n)) => {
                    roles[i..i + n].fill(Some(r.label));
                    i += n;
                }
                None => i += 1,
            }
        }
        Words {
            text: cx.text,
            tokens,
            folded,
            roles,
            entity_at: &doc.entity_at[range.clone()],
            in_time: &doc.in_time[range],
            in_trigger: vec![Cell::new(false); tokens.len()],
        }
    }

    /// Marks the tokens of a trigger: they are no party's words.
    pub fn mark_trigger(&self, r: Range<usize>) {
        self.in_trigger[r].iter().for_each(|c| c.set(true));
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Byte range of the tokens `r` (local indices).
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.tokens[r.start].span.start..self.tokens[r.end - 1].span.end
    }

    /// A punctuation mark that ends a clause (quotation marks and hyphens do not).
    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Punct
            && matches!(
                &self.text[self.tokens[i].span.clone()],
                "," | ";" | ":" | "(" | ")"
            )
    }

    pub fn entity(&self, i: usize) -> Option<usize> {
        self.entity_at[i]
    }

    fn role(&self, i: usize) -> Option<EventRole> {
        self.roles.get(i).copied().flatten()
    }

    /// The tokens of the clause around token `i`, between clause punctuation.
    pub fn clause(&self, i: usize) -> Range<usize> {
        let start = (0..i)
            .rev()
            .find(|&j| self.is_punct(j))
            .map_or(0, |j| j + 1);
        let end = (i..self.len())
            .find(|&j| self.is_punct(j))
            .unwrap_or(self.len());
        start..end
    }

    /// The place named at token `i` after a preposition ("in Kazakistan", "comune di Almaty"):
    /// the entity of a mention starting there, or the place whose name the token is.
    pub fn place_at(&self, i: usize, places: &HashMap<String, usize>) -> Option<usize> {
        let starts =
            self.entity_at[i].is_some() && (i == 0 || self.entity_at[i - 1] != self.entity_at[i]);
        let governed = i > 0
            && matches!(
                self.role(i - 1),
                Some(EventRole::Function | EventRole::Of | EventRole::By)
            );
        if !governed {
            return None;
        }
        if starts {
            return self.entity_at[i];
        }
        places.get(self.folded[i]).copied()
    }

    /// A word that can be part of a noun phrase.
    fn is_content(&self, i: usize) -> bool {
        i < self.len()
            && self.tokens[i].kind != TokenKind::Punct
            && self.roles[i].is_none()
            && !self.in_time[i]
            && !self.in_trigger[i].get()
    }

    /// The noun phrase ending just before `end`, with one prepositional phrase after its head
    /// ("police in Baghdad").
    fn phrase_before(&self, end: usize) -> Option<Range<usize>> {
        let start = self.run_before(end)?;
        if start >= 2
            && self.role(start - 1) == Some(EventRole::Function)
            && let Some(head) = self.run_before(start - 1)
        {
            return Some(head..end);
        }
        Some(start..end)
    }

    fn run_before(&self, end: usize) -> Option<usize> {
        let mut start = end;
        while start > 0 && end - start < MAX_PHRASE {
            let i = start - 1;
            let joins = i > 0
                && start < end
                && match self.role(i) {
                    Some(EventRole::Of) => self.is_content(i - 1),
                    Some(EventRole::Det) => self.role(i - 1) == Some(EventRole::Of),
                    _ => false,
                };
            if self.is_content(i) || joins {
                start = i;
            } else {
                break;
            }
        }
        (start < end).then_some(start)
    }

    /// The noun phrase starting at `from` (after articles); a phrase that starts with a name
    /// ends with it ("a Vladimir Putin lanciando" → "Vladimir Putin") or with its complements.
    fn phrase_after(&self, mut from: usize) -> Option<Range<usize>> {
        while self.role(from) == Some(EventRole::Det) {
            from += 1;
        }
        let mut end = from;
        while end < self.len() && end - from < MAX_PHRASE {
            let joins = end > from
                && match self.role(end) {
                    Some(EventRole::Of) => {
                        self.is_content(end + 1)
                            || (self.role(end + 1) == Some(EventRole::Det)
                                && self.is_content(end + 2))
                    }
                    Some(EventRole::Det) => self.role(end - 1) == Some(EventRole::Of),
                    _ => false,
                };
            if self.is_content(end) || joins {
                end += 1;
            } else {
                break;
            }
        }
        while end > from && self.role(end - 1) == Some(EventRole::Of) {
            end -= 1;
        }
        if end > from && self.entity_at[from].is_some() {
            // A name ends its phrase ("a Vladimir Putin lanciando"), unless a complement
            // follows it ("il dipartimento di polizia della città di Almaty").
            let named = self.mention(from).end;
            if named < end && self.role(named) != Some(EventRole::Of) {
                end = named;
            }
        }
        (end > from).then_some(from..end)
    }

    /// Whether the tokens from `end` to `start` (at most three words besides articles and
    /// "of") make the noun at `start` a complement of the word before `end`.
    pub fn complements(&self, end: usize, start: usize) -> bool {
        let between = end..start;
        let words = between
            .clone()
            .filter(|&i| !matches!(self.role(i), Some(EventRole::Det | EventRole::Of)))
            .count();
        words <= 3
            && between.clone().all(|i| {
                self.tokens[i].kind != TokenKind::Punct
                    && matches!(self.role(i), None | Some(EventRole::Det | EventRole::Of))
            })
    }

    /// The phrase `first` and the ones listed after it when they make an enumeration that
    /// ends with "and" ("gli edifici, il dipartimento di polizia, uffici e stazioni").
    fn list(&self, first: Range<usize>) -> impl Iterator<Item = Range<usize>> {
        let mut items = vec![first];
        let mut closed = false;
        while items.len() < MAX_LIST && !closed {
            let end = items[items.len() - 1].end;
            let comma = end < self.len() && &self.text[self.tokens[end].span.clone()] == ",";
            closed = self.role(end) == Some(EventRole::And);
            match (comma || closed)
                .then(|| self.phrase_after(end + 1))
                .flatten()
            {
                Some(next) => items.push(next),
                None => break,
            }
        }
        if !closed {
            items.truncate(1);
        }
        items.into_iter()
    }

    /// The start of the run of `role` tokens ending at `end`.
    fn skip_back(&self, mut end: usize, role: EventRole) -> usize {
        while end > 0 && self.role(end - 1) == Some(role) {
            end -= 1;
        }
        end
    }

    /// Whether the phrase starting at `start` is the second of two coordinated ones ("il
    /// governo e i sindacati").
    fn coordinated(&self, start: usize) -> bool {
        let and = self.skip_back(start, EventRole::Det);
        and > 0 && self.role(and - 1) == Some(EventRole::And)
    }

    /// The tokens of the entity mention covering token `i`.
    fn mention(&self, i: usize) -> Range<usize> {
        let k = self.entity_at[i];
        let mut start = i;
        while start > 0 && self.entity_at[start - 1] == k {
            start -= 1;
        }
        let mut end = i + 1;
        while end < self.len() && self.entity_at[end] == k {
            end += 1;
        }
        start..end
    }

    /// The party named by tokens `r`; its entity is a name in it that is not the complement of
    /// a preposition ("Tokayev", "U.S. official", not "Almaty" in "dipartimento di polizia
    /// della città di Almaty").
    fn party(&self, r: Range<usize>) -> Party {
        let head = |i: &usize| {
            let i = *i;
            self.entity_at[i].is_some()
                && (i == r.start
                    || (self.entity_at[i - 1] != self.entity_at[i]
                        && !matches!(
                            self.role(i - 1),
                            Some(EventRole::Of | EventRole::Function | EventRole::By)
                        )))
        };
        Party {
            entity: r.clone().find(head).and_then(|i| self.entity_at[i]),
            span: self.span(r),
        }
    }

    /// The nearest entity mention before `end` that is not the object of a preposition, in the
    /// same clause or (`whole`) anywhere before in the sentence.
    fn entity_before(&self, end: usize, whole: bool) -> Option<Range<usize>> {
        let mut i = end;
        while i > 0 {
            i -= 1;
            if self.is_punct(i) && !whole {
                return None;
            }
            if self.entity_at[i].is_some() {
                let m = self.mention(i);
                let governed = m.start > 0
                    && matches!(
                        self.role(m.start - 1),
                        Some(EventRole::Function | EventRole::By)
                    );
                if !governed {
                    return Some(m);
                }
                i = m.start;
            }
        }
        None
    }

    /// The nearest entity mention after `from`, within `window` tokens, that `keep` accepts.
    fn entity_after(
        &self,
        from: usize,
        window: usize,
        keep: impl Fn(&Range<usize>) -> bool,
    ) -> Option<Range<usize>> {
        let mut i = from;
        while i < self.len().min(from + window) {
            if self.entity_at[i].is_some() {
                let m = self.mention(i);
                if keep(&m) {
                    return Some(m);
                }
                i = m.end;
            } else {
                i += 1;
            }
        }
        None
    }
}

/// The actors and recipients of the trigger at `trigger` (local token indices); `speech_act`
/// for accusations, demands, threats, refusals and promises.
pub(super) fn find(
    w: &Words<'_>,
    trigger: Range<usize>,
    t: &EventTrigger,
    speech_act: bool,
    evidence: &[(usize, &EventEvidence)],
) -> (Vec<Party>, Vec<Party>) {
    // The thing a movement trigger moves ("troops" for "sent") is neither actor nor recipient;
    // its recipient is where it goes.
    let moved = |r: &Range<usize>| {
        t.needs.as_ref().is_some_and(|class| {
            evidence
                .iter()
                .any(|(i, e)| r.contains(i) && &e.class == class)
        })
    };
    let destination = || {
        t.needs
            .as_ref()
            .and_then(|_| w.entity_after(trigger.end, DESTINATION_WINDOW, |m| !moved(m)))
            .map(|m| w.party(m))
    };
    match t.part {
        TriggerPart::Noun | TriggerPart::Agent => {
            if w.role(trigger.end) == Some(EventRole::Between)
                && let Some(x) = w.phrase_after(trigger.end + 1)
            {
                let y = (w.role(x.end) == Some(EventRole::And))
                    .then(|| w.phrase_after(x.end + 1))
                    .flatten();
                return (
                    vec![w.party(x)],
                    y.map(|y| w.party(y)).into_iter().collect(),
                );
            }
            // The author of an accusation or a demand named by a noun is the sentence's
            // subject; the actors of other happenings are named in their own clause.
            let actor = w
                .entity_before(trigger.start, speech_act)
                .map(|m| w.party(m));
            (
                actor.into_iter().collect(),
                destination().into_iter().collect(),
            )
        }
        TriggerPart::Verb => {
            let mut end = trigger.start;
            let mut passive = false;
            // Folding drops accents, so an auxiliary can read as "and" (Italian "è" / "e"):
            // right before a verb it is the auxiliary.
            if end > 0 && w.role(end - 1) == Some(EventRole::And) {
                end -= 1;
            }
            while end > 0 && matches!(w.role(end - 1), Some(EventRole::Skip | EventRole::Passive)) {
                passive |= w.role(end - 1) == Some(EventRole::Passive);
                end -= 1;
            }
            let subject = subject(w, end, trigger.start).filter(|r| !moved(r));
            let mut subjects: Vec<Party> = Vec::new();
            if let Some(s) = subject {
                let and = w.skip_back(s.start, EventRole::Det);
                if and >= 2
                    && w.role(and - 1) == Some(EventRole::And)
                    && let Some(other) = w.phrase_before(and - 1)
                {
                    subjects.push(w.party(other));
                }
                subjects.push(w.party(s));
            }
            if passive {
                let agent = (trigger.end..w.len().min(trigger.end + 4))
                    .find(|&i| w.role(i) == Some(EventRole::By))
                    .and_then(|i| w.phrase_after(i + 1))
                    .map(|r| w.party(r));
                let recipients = if subjects.is_empty() {
                    destination().into_iter().collect()
                } else {
                    subjects
                };
                return (agent.into_iter().collect(), recipients);
            }
            let mut from = trigger.end;
            while from < w.len()
                && from < trigger.end + 2
                && matches!(w.role(from), Some(EventRole::Function))
            {
                from += 1;
            }
            match w.phrase_after(from).filter(|r| !moved(r)) {
                Some(first) => (subjects, w.list(first).map(|r| w.party(r)).collect()),
                None => (subjects, destination().into_iter().collect()),
            }
        }
    }
}

/// The subject of a verb whose auxiliaries start at `end`: the noun phrase right before it when
/// it names an entity or no entity is in reach, else the nearest entity of the clause
/// (a participle clause's subject: "Tokayev ha scelto il pugno duro chiedendo soccorso").
fn subject(w: &Words<'_>, end: usize, trigger: usize) -> Option<Range<usize>> {
    let phrase = w.phrase_before(end);
    if phrase
        .as_ref()
        .is_some_and(|r| w.coordinated(r.start) || r.clone().any(|i| w.entity(i).is_some()))
    {
        return phrase;
    }
    w.entity_before(trigger, false).or(phrase)
}

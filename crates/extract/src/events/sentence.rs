//! Events of one sentence: triggers, evidence, status, parties, place and time.

use super::parties::{self, Words};
use super::{Context, Event, Party, When};
use cronaca_lang::{
    EventEvidence, EventRole, EventTrigger, Modality, Phrase, Phrases, TriggerPart,
};
use cronaca_model::{EntityType, EventStatus, TimeType};
use std::collections::HashMap;
use std::ops::Range;

/// Categories whose trigger frames what follows it in the sentence: the content of a demand, a
/// threat, a refusal, a promise or an accusation is not a happening of its own.
const FRAMES: [&str; 5] = ["AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"];
/// Cooperative categories: announced, they are an intention to cooperate (AGREE).
const COOPERATIVE: [&str; 6] = [
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
];
/// Hostile categories: announced, they are a threat (THREATEN).
const HOSTILE: [&str; 5] = ["SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"];
/// How many tokens before a trigger a modality cue may be.
const MODALITY_WINDOW: usize = 6;

/// Per-document facts every sentence reads.
pub(super) struct Document {
    /// For each token, the entity whose mention covers it.
    pub entity_at: Vec<Option<usize>>,
    /// For each token, whether a time expression covers it.
    pub in_time: Vec<bool>,
    /// The place the article is about: its most mentioned location.
    pub focus: Option<usize>,
    /// The ISO week of the publication date.
    pub week: Option<String>,
    /// Places by the folded text of their one-word mentions ("almaty"), to find a place named
    /// inside another name ("comune di Almaty").
    pub places: HashMap<String, usize>,
}

impl Document {
    pub fn new(cx: &Context<'_>) -> Document {
        let tokens = &cx.segmentation.tokens;
        let mut entity_at = vec![None; tokens.len()];
        for (k, e) in cx.entities.iter().enumerate() {
            for m in &e.mentions {
                for slot in &mut entity_at[m.tokens.clone()] {
                    *slot = Some(k);
                }
            }
        }
        let mut in_time = vec![false; tokens.len()];
        let mut t = 0;
        for time in cx.times {
            while t < tokens.len() && tokens[t].span.end <= time.span.start {
                t += 1;
            }
            let mut u = t;
            while u < tokens.len() && tokens[u].span.start < time.span.end {
                in_time[u] = true;
                u += 1;
            }
        }
        let focus = cx
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| is_place(e))
            .max_by(|(a, x), (b, y)| x.mentions.len().cmp(&y.mentions.len()).then(b.cmp(a)))
            .map(|(k, _)| k);
        let week = cx.published.and_then(|p| {
            let date: jiff::civil::Date = p.get(..10)?.parse().ok()?;
            let w = date.iso_week_date();
            Some(format!("{:04}-W{:02}", w.year(), w.week()))
        });
        let mut places = HashMap::new();
        for (k, e) in cx.entities.iter().enumerate().filter(|(_, e)| is_place(e)) {
            for m in e.mentions.iter().filter(|m| m.tokens.len() == 1) {
                places
                    .entry(cronaca_lang::fold_time(&cx.text[m.span.clone()]))
                    .or_insert(k);
            }
        }
        Document {
            entity_at,
            in_time,
            focus,
            week,
            places,
        }
    }
}

fn is_place(e: &crate::entities::Entity) -> bool {
    e.link
        .as_ref()
        .map_or(e.kind, |l| l.entity_type)
        .eq(&EntityType::Loc)
}

/// How specific a place is: cities and facilities over regions over countries.
fn specificity(e: &crate::entities::Entity) -> u8 {
    match e.link.as_ref().and_then(|l| l.subtype).map(|s| s.as_str()) {
        Some("city" | "place" | "facility") => 4,
        Some("admin2") => 3,
        Some("admin1") => 2,
        Some("country") => 1,
        _ => 0,
    }
}

/// An agent noun found in a sentence: it names the actors of the article's event of `kind`.
pub(super) struct Agent {
    pub kind: &'static str,
    pub party: Party,
}

struct Candidate<'l> {
    tokens: Range<usize>,
    trigger: &'l EventTrigger,
    rule: &'l str,
}

/// Adds the events of sentence `k` to `out` and its agent nouns to `agents`.
pub(super) fn events_of(
    cx: &Context<'_>,
    doc: &Document,
    k: usize,
    out: &mut Vec<Event>,
    agents: &mut Vec<Agent>,
) {
    let seg = cx.segmentation;
    let sentence = &seg.sentences[k];
    let lex = &cx.lang.events;
    if lex.triggers.is_empty() {
        return;
    }
    let folded = &cx.folded[sentence.tokens.clone()];
    let mut candidates = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        match most_specific(&lex.triggers, folded, i) {
            Some((p, n)) => {
                candidates.push(Candidate {
                    tokens: i..i + n,
                    trigger: &p.label,
                    rule: &p.rule,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    if candidates.is_empty() {
        return;
    }
    let mut evidence: Vec<(usize, &EventEvidence)> = Vec::new();
    for i in 0..folded.len() {
        lex.evidence
            .for_each_at(folded, i, |p, _| evidence.push((i, &p.label)));
    }
    let words = Words::new(cx, doc, sentence.tokens.clone(), folded);
    for c in candidates
        .iter()
        .filter(|c| c.trigger.part != TriggerPart::Agent)
    {
        words.mark_trigger(c.tokens.clone());
    }
    let quoted = quoted_tokens(cx.text, &words);
    let reported = words.roles.contains(&Some(EventRole::Reported)) || next_reports_this(cx, k);
    let mut frame: Option<usize> = None;
    let mut previous: Option<usize> = None;
    for c in candidates {
        if c.trigger.part == TriggerPart::Agent {
            agents.push(Agent {
                kind: c.trigger.kind,
                party: Party {
                    span: words.span(c.tokens.clone()),
                    entity: None,
                },
            });
            continue;
        }
        let near = |e: &&(usize, &EventEvidence)| e.1.applies_to == c.trigger.kind;
        if let Some(class) = &c.trigger.needs
            && !evidence.iter().filter(near).any(|e| &e.1.class == class)
        {
            continue;
        }
        if frame.is_some_and(|f| f < c.tokens.start) {
            continue;
        }
        // A noun that is the object or complement of the trigger just before it ("halted
        // economic aid", "lifted the curfew", "protest of the arrest") is part of that event.
        if c.trigger.part == TriggerPart::Noun
            && previous.is_some_and(|end| words.complements(end, c.tokens.start))
        {
            continue;
        }
        previous = Some(c.tokens.end);
        let mut kind = c.trigger.kind;
        let mut mode = c.trigger.mode.clone();
        let mut acled = c.trigger.acled;
        let mut rule = c.rule.to_string();
        let mut confidence: f64 = if c.trigger.needs.is_some() { 0.65 } else { 0.7 };
        let nearest = evidence
            .iter()
            .filter(near)
            .filter(|e| {
                e.1.retype.is_some()
                    || (mode.is_none() && e.1.mode.is_some())
                    || (e.1.mode.is_none() && e.1.acled.is_some() && refinable(acled))
            })
            .min_by_key(|e| e.0.abs_diff(c.tokens.start));
        if let Some((_, e)) = nearest {
            if let Some(t) = e.retype {
                kind = t;
            }
            mode = e.mode.clone().or(mode);
            acled = e.acled.or(acled);
            rule.push_str(&format!("+evidence:{}", e.class));
            confidence += 0.1;
        }
        let mut status = status_before(cx, &words, c.tokens.start);
        if status == EventStatus::Planned {
            if COOPERATIVE.contains(&kind) {
                kind = "AGREE";
            } else if HOSTILE.contains(&kind) {
                kind = "THREATEN";
            }
            if kind != c.trigger.kind {
                rule.push_str(&format!("+planned:{kind}"));
                mode = None;
                acled = None;
            }
        }
        if status == EventStatus::Asserted {
            if quoted[c.tokens.start] {
                status = EventStatus::Claimed;
            } else if reported {
                status = EventStatus::Reported;
            }
        }
        if FRAMES.contains(&kind) && frame.is_none() {
            frame = Some(c.tokens.end);
        }
        let (actors, recipients) = parties::find(
            &words,
            c.tokens.clone(),
            c.trigger,
            FRAMES.contains(&kind),
            &evidence,
        );
        let parties: Vec<&Party> = actors.iter().chain(&recipients).collect();
        let (location, located_in_sentence) = place(cx, doc, &words, c.tokens.start, &parties);
        let when = time(cx, &words, c.tokens.start)
            .map(When::Expression)
            .or_else(|| doc.week.clone().map(When::Published));
        out.push(Event {
            kind,
            mode,
            context: c.trigger.context.clone(),
            acled,
            triggers: vec![words.span(c.tokens.clone())],
            sentence: sentence.span.clone(),
            actors,
            recipients,
            location,
            located_in_sentence,
            time: when,
            status,
            rule,
            confidence: confidence.min(0.95),
        });
    }
}

/// Whether evidence that only gives an ACLED type may replace this one: none, or the peaceful
/// default that police intervention or force changes.
fn refinable(acled: Option<(&str, &str)>) -> bool {
    acled.is_none_or(|(_, sub)| sub == "Peaceful protest")
}

/// The longest match at `words[i]`, and among equally long ones the most specific (the longest
/// written phrase: "rivoltos*" over "rivolt*"), then the first in file order.
fn most_specific<'p, L>(
    phrases: &'p Phrases<L>,
    words: &[&str],
    i: usize,
) -> Option<(&'p Phrase<L>, usize)> {
    let mut best: Option<(&Phrase<L>, usize)> = None;
    phrases.for_each_at(words, i, |p, n| {
        if best.is_none_or(|b| (b.1, b.0.text.len()) < (n, p.text.len())) {
            best = Some((p, n));
        }
    });
    best
}

/// The status the nearest modality cue before the trigger gives (in the same clause).
fn status_before(cx: &Context<'_>, words: &Words<'_>, trigger: usize) -> EventStatus {
    let from = trigger.saturating_sub(MODALITY_WINDOW);
    let mut found = None;
    for i in from..trigger {
        if words.is_punct(i) {
            found = None;
            continue;
        }
        if let Some((cue, n)) = cx.lang.modality.longest_at(words.folded, i)
            && i + n <= trigger
        {
            found = Some(cue.label);
        }
    }
    match found {
        None => EventStatus::Asserted,
        Some(Modality::Negated) => EventStatus::Negated,
        Some(Modality::Hypothetical) => EventStatus::Hypothetical,
        Some(Modality::Denied) => EventStatus::Denied,
        Some(Modality::Claimed) => EventStatus::Claimed,
        Some(Modality::Planned) => EventStatus::Planned,
    }
}

/// Whether the next sentence opens by naming who reported this one ("Lo riferisce la Tass").
fn next_reports_this(cx: &Context<'_>, k: usize) -> bool {
    let Some(next) = cx.segmentation.sentences.get(k + 1) else {
        return false;
    };
    // Its first four tokens: a cue longer than that is not an opening.
    let first = &cx.folded[next.tokens.start..next.tokens.end.min(next.tokens.start + 4)];
    cx.lang
        .events
        .roles
        .longest_at(first, 0)
        .is_some_and(|(r, _)| r.label == EventRole::ReportedBefore)
}

/// For each token of the sentence, whether it is inside quotation marks.
fn quoted_tokens(text: &str, words: &Words<'_>) -> Vec<bool> {
    let mut inside = false;
    (0..words.len())
        .map(|i| {
            let t = &text[words.span(i..i + 1)];
            match t {
                "“" | "«" | "„" => inside = true,
                "”" | "»" => inside = false,
                "\"" => inside = !inside,
                _ => {}
            }
            inside
        })
        .collect()
}

/// The place of the event: a location named after a preposition ("in Kazakistan", "comune di
/// Almaty") in the trigger's clause, else in its sentence, the most specific first; else the
/// article's main place.
fn place(
    cx: &Context<'_>,
    doc: &Document,
    words: &Words<'_>,
    trigger: usize,
    parties: &[&Party],
) -> (Option<usize>, bool) {
    let taken: Vec<usize> = parties.iter().filter_map(|p| p.entity).collect();
    let clause = words.clause(trigger);
    let best = (0..words.len())
        .filter_map(|i| words.place_at(i, &doc.places).map(|k| (i, k)))
        .filter(|(_, k)| is_place(&cx.entities[*k]) && !taken.contains(k))
        .max_by_key(|(i, k)| {
            (
                clause.contains(i),
                specificity(&cx.entities[*k]),
                std::cmp::Reverse(i.abs_diff(trigger)),
            )
        });
    match best {
        Some((_, k)) => (Some(k), true),
        None => (doc.focus, false),
    }
}

/// The time expression of the sentence nearest the trigger (dates and times, not durations).
fn time(cx: &Context<'_>, words: &Words<'_>, trigger: usize) -> Option<usize> {
    let at = words.span(trigger..trigger + 1).start;
    let sentence = words.span(0..words.len());
    let first = cx.times.partition_point(|t| t.span.start < sentence.start);
    cx.times[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.span.start < sentence.end)
        .filter(|(_, t)| t.span.end <= sentence.end)
        .filter(|(_, t)| {
            matches!(
                t.kind,
                TimeType::Date | TimeType::Time | TimeType::Datetime | TimeType::Period
            )
        })
        .min_by_key(|(_, t)| t.span.start.abs_diff(at))
        .map(|(i, _)| first + i)
}

//! One event per happening: repeated descriptions of the same clash become one event that keeps
//! every trigger; agent nouns ("rivoltosi") name the actors of their category's event.

use super::sentence::Agent;
use super::{Event, Party};

/// How many of the article's first events a new one is compared with: an article has a few
/// happenings, and a pathological text must not make merging quadratic.
const MERGE_REACH: usize = 64;

/// Merges each event into an earlier one of the same category that can be the same happening,
/// and returns the events in text order.
pub(super) fn merge(text: &str, found: Vec<Event>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::with_capacity(found.len());
    for e in found {
        let same = events
            .iter_mut()
            .take(MERGE_REACH)
            .find(|old| same_happening(text, old, &e));
        match same {
            Some(old) => absorb(old, e),
            None => events.push(e),
        }
    }
    events
}

/// Same category and nothing that tells them apart: not both sides named differently, not two
/// different modes with one side named differently, not two different places.
fn same_happening(text: &str, a: &Event, b: &Event) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let actors = differ(text, &a.actors, &b.actors);
    let recipients = differ(text, &a.recipients, &b.recipients);
    let modes = matches!((&a.mode, &b.mode), (Some(x), Some(y)) if x != y);
    let places = a.located_in_sentence && b.located_in_sentence && a.location != b.location;
    !(actors && recipients) && !(modes && (actors || recipients)) && !places
}

/// Both sides name parties and none of them is the same entity or the same words.
fn differ(text: &str, a: &[Party], b: &[Party]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let same = |x: &Party, y: &Party| match (x.entity, y.entity) {
        (Some(p), Some(q)) => p == q,
        _ => {
            let (x, y) = (
                text[x.span.clone()].to_lowercase(),
                text[y.span.clone()].to_lowercase(),
            );
            x.contains(&y) || y.contains(&x)
        }
    };
    !a.iter().any(|x| b.iter().any(|y| same(x, y)))
}

fn absorb(old: &mut Event, new: Event) {
    old.triggers.extend(new.triggers);
    if old.actors.is_empty() {
        old.actors = new.actors;
    }
    if old.recipients.is_empty() {
        old.recipients = new.recipients;
    }
    if old.mode.is_none() {
        old.mode = new.mode;
    }
    if old.acled.is_none() {
        old.acled = new.acled;
    }
    for c in new.context {
        if !old.context.contains(&c) {
            old.context.push(c);
        }
    }
    if new.located_in_sentence && !old.located_in_sentence {
        old.location = new.location;
        old.located_in_sentence = true;
    }
    if old.time.is_none() {
        old.time = new.time;
    }
    old.confidence = (old.confidence.max(new.confidence) + 0.05).min(0.95);
    if !old.rule.split('&').any(|r| r == new.rule) {
        old.rule.push('&');
        old.rule.push_str(&new.rule);
    }
}

/// Gives each agent noun as actor to the first event of its category that has none.
pub(super) fn attach_agents(events: &mut [Event], agents: Vec<Agent>) {
    for a in agents {
        if let Some(e) = events
            .iter_mut()
            .take(MERGE_REACH)
            .find(|e| e.kind == a.kind && e.actors.is_empty())
        {
            e.actors.push(a.party);
        }
    }
}

//! Speaker candidates in a window of tokens — names (entity mentions or capitalised runs), role
//! noun phrases ("la portavoce", "il Ministero della Salute", "un portavoce della città") and
//! pronouns — the choice among them on each side of a cue, and the entity a role or pronoun
//! points back at.

use super::channels::ChannelMention;
use super::view::{LOOKBACK, View};
use cronaca_lang::SpeakerWord;
use cronaca_model::EntityType;
use cronaca_text::TokenKind;
use std::ops::Range;

/// What kind of words name a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A proper name.
    Name,
    /// A role noun phrase; `person` for people, `definite` after a definite determiner or a
    /// connector (pointing back at someone already named).
    Role { person: bool, definite: bool },
    /// A pronoun.
    Pronoun,
}

/// A possible speaker, in tokens.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub tokens: Range<usize>,
    pub form: Form,
    /// True when the words are (or contain) a channel's name: "l'agenzia Tass".
    pub channel: bool,
    /// True when a lower-case word (a preposition, a verb, an adjective) comes right before
    /// it: "a Firenze", "ai giornalisti" are complements, not subjects.
    pub complement: bool,
}

/// Every candidate inside tokens `window`, in text order, quotations excluded.
pub(crate) fn candidates(
    v: &View,
    window: Range<usize>,
    channels: &[ChannelMention],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut t = window.start;
    while t < window.end {
        if v.region_of[t].is_some() || v.is_punct(t) {
            if v.token_text(t) == "(" {
                // A parenthesis explains; it does not speak.
                while t < window.end && v.token_text(t) != ")" {
                    t += 1;
                }
            }
            t += 1;
            continue;
        }
        let found = if let Some((label, n)) = v.speaker_at(t) {
            match label {
                SpeakerWord::Person | SpeakerWord::Group => {
                    let definite = t > window.start
                        && v.speaker_word(t - 1, |w| {
                            matches!(w, SpeakerWord::Definite | SpeakerWord::Connector)
                        });
                    let start = if t > window.start && v.is_determiner(t - 1) {
                        t - 1
                    } else if t > window.start
                        && v.is_possessive(t - 1)
                        && (t < 2 || v.tokens[t - 2].span.end != v.tokens[t - 1].span.start)
                    {
                        // "his spokesman"; in "Sanders's campaign" the name before is its own
                        // candidate.
                        t - 1
                    } else {
                        t
                    };
                    let end = extend_role(v, t + n, window.end);
                    Some((
                        start..end,
                        Form::Role {
                            person: label == SpeakerWord::Person,
                            definite,
                        },
                    ))
                }
                SpeakerWord::Pronoun if !v.is_capitalised(t) => Some((t..t + n, Form::Pronoun)),
                // A determiner standing alone before the verb: "many worried that…".
                _ if t + 1 == window.end
                    && v.speaker_word(t, |w| w == SpeakerWord::Pronoun)
                    && !v.is_capitalised(t) =>
                {
                    Some((t..t + 1, Form::Pronoun))
                }
                _ => v.name_at(t, window.end).map(|r| (r, Form::Name)),
            }
        } else {
            v.name_at(t, window.end).map(|r| (r, Form::Name))
        };
        // A weekday or a month is a date, not a speaker ("said on Wednesday"); a lone
        // capitalised word opening a sentence, away from the window's end, that the entity
        // layer did not take is a common word ("Even", "Having fled …, the couple said").
        let found = found.filter(|(tokens, form)| {
            *form != Form::Name
                || tokens.len() > 1
                || !(v.is_time_word(tokens.start)
                    || v.has_mentions()
                        && tokens.end + 4 < window.end
                        && v.opens_sentence(tokens.start)
                        && v.opens_phrase(tokens.end)
                        && v.entity_over(&v.tokens[tokens.start].span).is_none())
        });
        match found {
            Some((tokens, form)) => {
                let first = channels.partition_point(|c| c.tokens.end <= tokens.start);
                let channel = channels[first..]
                    .iter()
                    .take_while(|c| c.tokens.start < tokens.end)
                    .any(|c| {
                        c.name
                            .as_ref()
                            .is_some_and(|n| n.start < tokens.end && tokens.start < n.end)
                    });
                // A role noun after a capitalised modifier shares the modifier's preposition:
                // "the interests of American workers".
                let after_complement = matches!(form, Form::Role { .. })
                    && out.last().is_some_and(|c: &Candidate| {
                        c.complement
                            && c.tokens.end == tokens.start
                            && v.speaker_word(c.tokens.start - 1, |w| {
                                matches!(w, SpeakerWord::Function | SpeakerWord::Connector)
                            })
                    });
                let complement = after_complement
                    || tokens.start > 0
                        && !v.is_determiner(tokens.start)
                        && !v.is_possessive(tokens.start)
                        && {
                            let b = tokens.start - 1;
                            v.tokens[b].kind == TokenKind::Word
                            && v.token_text(b)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                            && !v.is_determiner(b)
                            // "when Cruz knocked Rubio", "and Clinton said": a conjunction
                            // opens a clause, whose subject follows.
                            && !matches!(
                                v.speech.get(b).copied().flatten(),
                                Some((cronaca_lang::SpeechRole::Conjunction, 1))
                            )
                        };
                t = tokens.end;
                out.push(Candidate {
                    tokens,
                    form,
                    channel,
                    complement,
                });
            }
            None => t += 1,
        }
    }
    out
}

/// The end of a role phrase: connectors followed by a name or another role noun ("portavoce
/// del ministero degli Esteri", "dipartimento della polizia", "portavoce della FAA Laura Brown").
fn extend_role(v: &View, mut end: usize, limit: usize) -> usize {
    // An apposition: "il presidente Donald Trump", "il presidente turco Erdoğan".
    for skip in 0..2 {
        let k = end + skip;
        if k >= limit || v.is_punct(k) {
            break;
        }
        if let Some(name) = v.name_at(k, limit) {
            return name.end;
        }
        if v.is_connector(k) || v.is_determiner(k) {
            break;
        }
    }
    while end + 1 < limit && v.is_connector(end) {
        let mut k = end + 1;
        if v.is_determiner(k) && k + 1 < limit {
            k += 1;
        }
        if let Some(name) = v.name_at(k, limit) {
            end = name.end;
        } else if let Some((label, n)) = v.speaker_at(k) {
            if !matches!(label, SpeakerWord::Person | SpeakerWord::Group) {
                break;
            }
            end = k + n;
        } else if v.is_capitalised(k) && !v.opens_sentence(k) {
            // A capitalised complement no entity covers (languages without a tagger):
            // "el ministerio de Salud", "le ministère de la Santé".
            end = k + 1;
            while end < limit && v.is_capitalised(end) {
                end += 1;
            }
        } else {
            break;
        }
    }
    end
}

/// The subject of a cue among candidates to its left: the nearest one, except that an
/// apposition between commas ("L'Organizzazione Csto, composta da…, ritiene") gives way to the
/// name before it.
pub(crate) fn choose_left(v: &View, cands: &[Candidate], cue: usize) -> Option<Candidate> {
    let cands: Vec<&Candidate> = cands.iter().filter(|c| !c.channel).collect();
    // A candidate right before the verb is its subject unless a preposition governs it:
    // "a dynamic Greenberg said" (but "a Firenze ha detto").
    if let Some(c) = cands.last()
        && c.tokens.end == cue
        && c.complement
        && !v.speaker_word(c.tokens.start - 1, |w| {
            matches!(w, SpeakerWord::Function | SpeakerWord::Connector)
        })
    {
        return Some((*c).clone());
    }
    let last = cands
        .iter()
        .rev()
        .find(|c| !c.complement)
        .or(cands.last())
        .copied()?;
    // A pronoun right before the verb is its subject: "delegates who backed…", "and he said".
    if let Some(p) = cands.last()
        && p.form == Form::Pronoun
        && p.tokens.end + 3 >= cue
        && (p.tokens.end..cue).all(|t| !v.is_punct(t))
    {
        return Some((*p).clone());
    }
    let comma_after = (last.tokens.end..cue).any(|t| v.is_comma(t));
    if comma_after {
        let comma_before = (0..last.tokens.start)
            .rev()
            .take_while(|&t| t + 30 > last.tokens.start)
            .find(|&t| v.is_comma(t));
        if let Some(p) = comma_before
            && let Some(before) = cands.iter().rev().find(|c| c.tokens.end == p)
            && (last.form != Form::Name || before.form == Form::Name)
        {
            return Some((*before).clone());
        }
    }
    Some(last.clone())
}

/// The speaker after a cue: the first candidate that is not a channel's name, else the first.
pub(crate) fn choose_right(cands: &[Candidate]) -> Option<Candidate> {
    cands.iter().find(|c| !c.channel).or(cands.first()).cloned()
}

/// A speaker already found, for resolving later roles and pronouns.
#[derive(Clone, Debug)]
pub(crate) struct Known {
    pub span: Range<usize>,
    pub entity: Option<usize>,
    pub person: bool,
}

/// The entity a candidate names or points back at: a mention inside it; for a definite role
/// or a pronoun, the nearest earlier person (or organisation) among mentions and speakers
/// already found; for a bare name, an entity with a mention ending in the same word.
pub(crate) fn resolve(v: &View, c: &Candidate, known: &[Known]) -> Option<usize> {
    let span = v.span(c.tokens.clone());
    if let Some(e) = v.entity_over(&span) {
        return Some(e);
    }
    let person = match c.form {
        Form::Name => return same_surname(v, &span),
        Form::Role {
            definite: false, ..
        } => return None,
        Form::Role { person, .. } => person,
        Form::Pronoun => true,
    };
    let want = if person {
        EntityType::Per
    } else {
        EntityType::Org
    };
    let mention = v
        .mentions_before(span.start)
        .find(|m| m.span.end <= span.start && m.kind == want);
    let speaker = known
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|k| k.span.end <= span.start && k.person == person);
    match (mention, speaker) {
        (Some(m), Some(k)) if k.span.start > m.span.start => k.entity,
        (Some(m), _) => Some(m.entity),
        (None, Some(k)) => k.entity,
        (None, None) => None,
    }
}

/// The entity with a mention whose last word is the last word of `span` ("Azirbek" for
/// "Saltanat Azirbek").
fn same_surname(v: &View, span: &Range<usize>) -> Option<usize> {
    let last = v.text[span.clone()].split_whitespace().next_back()?;
    v.mentions_before(span.start)
        .find(|m| {
            m.kind == EntityType::Per
                && v.text[m.span.clone()].split_whitespace().next_back() == Some(last)
        })
        .map(|m| m.entity)
}

//! Event knowledge: the triggers of `events.tsv` (phrase → PLOVER category, mode, contexts,
//! ACLED type), the evidence of `event_evidence.tsv` (words that decide or change the mode of a
//! nearby trigger: weapons, crowds, troops) and the structure words of `event_roles.tsv`
//! (passive auxiliaries, "by", "between", "and", reporting cues) that the events stage reads to
//! find actors and recipients.

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// PLOVER 2.0's sixteen event categories.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// ACLED event types, and `Other` for the types beyond ACLED.
pub const ACLED_EVENT_TYPES: [&str; 7] = [
    "Battles",
    "Riots",
    "Protests",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Strategic developments",
    "Other",
];

/// ACLED sub-event types, and the types beyond ACLED (`Diplomatic event`…).
pub const ACLED_SUB_EVENT_TYPES: [&str; 30] = [
    "Armed clash",
    "Attack",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Arrests",
    "Looting/property destruction",
    "Agreement",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
    "Headquarters or base established",
    "Change to group/activity",
    "Disrupted weapons use",
    "Other",
    "Diplomatic event",
    "Attribution of responsibility",
    "Organized crime",
    "Natural disaster",
    "Man-made disaster",
];

/// How a trigger relates to the clause around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPart {
    /// A verb: the actor is its subject, the recipient its object ("attacked", "ha inviato").
    Verb,
    /// A noun naming the happening: "sparatoria", "airstrike", "manifestation".
    Noun,
    /// A noun naming the people who take part: "rioters", "rivoltosi". It never makes an event
    /// of its own; it names the actors of the article's event of its category.
    Agent,
}

/// What a trigger phrase signals.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTrigger {
    /// PLOVER category (one of [`PLOVER_TYPES`]).
    pub kind: &'static str,
    /// PLOVER mode, when the phrase itself decides it.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// ACLED event type and sub-event type, when one applies.
    pub acled: Option<(&'static str, &'static str)>,
    /// Verb, noun or agent noun.
    pub part: TriggerPart,
    /// An evidence class (see [`EventEvidence::class`]) the sentence must contain for the
    /// phrase to be a trigger: "inviato" is MOBILIZE only near "truppe".
    pub needs: Option<String>,
}

/// A word that tells more about a trigger of one category in the same sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct EventEvidence {
    /// The category of the triggers it applies to.
    pub applies_to: &'static str,
    /// The evidence class, named by triggers that need it: "troops", "firearms", "crowd".
    pub class: String,
    /// The mode it gives a trigger that has none.
    pub mode: Option<String>,
    /// The ACLED type it gives a trigger that has none.
    pub acled: Option<(&'static str, &'static str)>,
    /// A category the trigger becomes ("scontri" near "manifestanti" is a PROTEST).
    pub retype: Option<&'static str>,
}

/// Structure words the events stage reads around a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventRole {
    /// An article or determiner skipped at the start of a noun phrase: "the", "il".
    Det,
    /// A word that joins a noun phrase to its complement: "of", "di", "della".
    Of,
    /// Coordination between two parties: "and", "e".
    And,
    /// Introduces two sides of a clash: "between", "tra".
    Between,
    /// Introduces the agent of a passive verb: "by", "da".
    By,
    /// A passive auxiliary right before a verb trigger: "was", "è stata".
    Passive,
    /// A word between the subject and its verb that is not part of either: "has", "ha",
    /// "tried to".
    Skip,
    /// Any other function word: it ends a noun phrase.
    Function,
    /// The sentence reports what someone said: "according to", "secondo", "said".
    Reported,
    /// The sentence says who reported the previous one: "lo riferisce".
    ReportedBefore,
}

impl FromStr for EventRole {
    type Err = String;

    fn from_str(s: &str) -> Result<EventRole, String> {
        Ok(match s {
            "det" => EventRole::Det,
            "of" => EventRole::Of,
            "and" => EventRole::And,
            "between" => EventRole::Between,
            "by" => EventRole::By,
            "passive" => EventRole::Passive,
            "skip" => EventRole::Skip,
            "function" => EventRole::Function,
            "reported" => EventRole::Reported,
            "reported_before" => EventRole::ReportedBefore,
            other => {
                return Err(format!(
                    "unknown role {other:?} (expected det, of, and, between, by, passive, skip, \
                     function, reported or reported_before)"
                ));
            }
        })
    }
}

/// The event knowledge of one language.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    /// Trigger phrases (`events.tsv`).
    pub triggers: Phrases<EventTrigger>,
    /// Evidence phrases (`event_evidence.tsv`).
    pub evidence: Phrases<EventEvidence>,
    /// Structure words (`event_roles.tsv`).
    pub roles: Phrases<EventRole>,
}

impl EventLexicon {
    /// Reads `events.tsv`, `event_evidence.tsv` and `event_roles.tsv`; a trigger that needs an
    /// evidence class no evidence line gives is a problem.
    pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> EventLexicon {
        let evidence = Phrases::load(code, files, "event_evidence.tsv", problems, evidence);
        let triggers = Phrases::load(code, files, "events.tsv", problems, trigger);
        let roles = Phrases::load(
            code,
            files,
            "event_roles.tsv",
            problems,
            |cols| match cols {
                [r, ..] if !r.is_empty() => r.parse(),
                _ => Err("missing the role column".into()),
            },
        );
        for t in triggers.iter() {
            let Some(class) = &t.label.needs else {
                continue;
            };
            if !evidence.iter().any(|e| &e.label.class == class) {
                let (path, line) = t.rule.rsplit_once(':').unwrap_or((&t.rule, "0"));
                problems.at(
                    path,
                    line.parse().unwrap_or(0),
                    format!(
                        "{:?} needs evidence class {class:?}, which event_evidence.tsv does not define",
                        t.text
                    ),
                );
            }
        }
        EventLexicon {
            triggers,
            evidence,
            roles,
        }
    }
}

fn plover(s: &str) -> Result<&'static str, String> {
    PLOVER_TYPES
        .iter()
        .find(|t| **t == s)
        .copied()
        .ok_or_else(|| format!("unknown PLOVER category {s:?} (expected one of {PLOVER_TYPES:?})"))
}

fn optional(s: &str) -> Option<String> {
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

fn acled(event_type: &str, sub: &str) -> Result<Option<(&'static str, &'static str)>, String> {
    if event_type == "-" && sub == "-" {
        return Ok(None);
    }
    let t = ACLED_EVENT_TYPES
        .iter()
        .find(|t| **t == event_type)
        .ok_or_else(|| format!("unknown ACLED event type {event_type:?}"))?;
    let s = ACLED_SUB_EVENT_TYPES
        .iter()
        .find(|t| **t == sub)
        .ok_or_else(|| format!("unknown ACLED sub-event type {sub:?}"))?;
    Ok(Some((t, s)))
}

/// `TYPE  mode  contexts  acled_type  acled_sub_type  part  needs`.
fn trigger(cols: &[&str]) -> Result<EventTrigger, String> {
    let [kind, mode, context, acled_type, acled_sub, part, needs] = cols else {
        return Err(format!(
            "expected 8 columns (phrase, type, mode, contexts, ACLED type, ACLED sub-type, part, \
             needs), found {}",
            cols.len() + 1
        ));
    };
    Ok(EventTrigger {
        kind: plover(kind)?,
        mode: optional(mode),
        context: match *context {
            "-" => Vec::new(),
            c => c.split(',').map(|s| s.trim().to_string()).collect(),
        },
        acled: acled(acled_type, acled_sub)?,
        part: match *part {
            "verb" => TriggerPart::Verb,
            "noun" => TriggerPart::Noun,
            "agent" => TriggerPart::Agent,
            other => {
                return Err(format!(
                    "unknown part {other:?} (expected verb, noun or agent)"
                ));
            }
        },
        needs: optional(needs),
    })
}

/// `TYPE  class  mode  acled_type  acled_sub_type  retype`.
fn evidence(cols: &[&str]) -> Result<EventEvidence, String> {
    let [applies_to, class, mode, acled_type, acled_sub, retype] = cols else {
        return Err(format!(
            "expected 7 columns (phrase, type, class, mode, ACLED type, ACLED sub-type, retype), \
             found {}",
            cols.len() + 1
        ));
    };
    if class.is_empty() || *class == "-" {
        return Err("missing the evidence class".into());
    }
    Ok(EventEvidence {
        applies_to: plover(applies_to)?,
        class: class.to_string(),
        mode: optional(mode),
        acled: acled(acled_type, acled_sub)?,
        retype: match *retype {
            "-" => None,
            t => Some(plover(t)?),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn builtin_languages_read_their_triggers() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            ("it", "sparatoria", "ASSAULT", Some("firearms")),
            ("it", "chiedendo soccorso", "REQUEST", Some("assist")),
            ("en", "airstrike", "ASSAULT", Some("aerial")),
            ("es", "detuvieron", "COERCE", Some("arrest")),
            ("fr", "manifestation", "PROTEST", Some("demonstrate")),
            ("de", "Festnahme", "COERCE", Some("arrest")),
        ];
        for (code, text, kind, mode) in cases {
            let words: Vec<String> = text.split(' ').map(crate::fold_time).collect();
            let (t, n) = langs
                .get(code)
                .unwrap()
                .events
                .triggers
                .longest_at(&words, 0)
                .unwrap_or_else(|| panic!("{code}: {text}"));
            assert_eq!(
                (t.label.kind, t.label.mode.as_deref(), n),
                (kind, mode, words.len()),
                "{code}: {text}"
            );
        }
    }

    #[test]
    fn the_gate_lets_through_every_token_that_can_start_a_phrase() {
        let mut files = LangFiles::default();
        files.insert(
            "events.tsv",
            "data/lang/zz/events.tsv".into(),
            "spar*\tASSAULT\t-\t-\t-\t-\tverb\t-\nno\tREJECT\t-\t-\t-\t-\tverb\t-\n\
             ab*\tAID\t-\t-\t-\t-\tnoun\t-\n"
                .into(),
        );
        let lex = EventLexicon::load("zz", &files, &mut Problems::default());
        let gate = &lex.triggers;
        for word in ["sparatoria", "spar", "no", "ab", "abc", "abbattuto"] {
            assert!(gate.may_start(word), "{word}");
        }
        for word in ["", "sp", "nob", "il", "zebra"] {
            assert!(!gate.may_start(word), "{word}");
        }
    }

    fn lexicon(events: &str, evidence: &str) -> Vec<String> {
        let mut files = LangFiles::default();
        files.insert(
            "events.tsv",
            "data/lang/zz/events.tsv".into(),
            events.into(),
        );
        files.insert(
            "event_evidence.tsv",
            "data/lang/zz/event_evidence.tsv".into(),
            evidence.into(),
        );
        let mut problems = Problems::default();
        EventLexicon::load("zz", &files, &mut problems);
        problems.0
    }

    #[test]
    fn bad_lines_name_file_line_and_what_is_allowed() {
        let problems = lexicon(
            "shot\tASSAULT\tfirearms\tmilitary\tBattles\tArmed clash\tverb\t-\n\
             hit\tFIGHT\t-\t-\t-\t-\tverb\t-\n\
             sent\tMOBILIZE\ttroops\t-\t-\t-\tverb\ttanks\n\
             bombed\tASSAULT\t-\t-\tBattles\tBig clash\tverb\t-\n",
            "troops\tMOBILIZE\ttroops\t-\t-\t-\t-\ngun\tASSAULT\tfirearms\n",
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("data/lang/zz/event_evidence.tsv:2: "));
        assert!(problems[1].contains("events.tsv:2: ") && problems[1].contains("FIGHT"));
        assert!(problems[2].contains("events.tsv:4: ") && problems[2].contains("Big clash"));
        assert!(problems[3].contains("events.tsv:3: ") && problems[3].contains("\"tanks\""));
    }
}

use crate::{Extractor, Layers};
use cronaca_lang::Languages;
use cronaca_model::{Document, Event, EventStatus};
use std::sync::OnceLock;

fn events(code: &str, text: &str) -> Vec<Event> {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(|| Extractor::new(Languages::builtin().unwrap()));
    let doc = Document {
        text: text.into(),
        language: Some(code.into()),
        published: Some("2022-01-06".into()),
        ..Default::default()
    };
    extractor
        .analyse(&doc)
        .to_record(Layers::all())
        .events
        .unwrap()
}

#[test]
fn repeated_descriptions_of_one_riot_are_one_event_with_every_trigger() {
    let evs = events(
        "it",
        "La rivolta è scoppiata ieri. I disordini sono continuati per tutta la notte.",
    );
    assert_eq!(evs.len(), 1, "{evs:?}");
    let triggers: Vec<&str> = evs[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(triggers, ["rivolta", "disordini"]);
    assert_eq!(
        (evs[0].kind.as_str(), evs[0].id.as_str()),
        ("PROTEST", "ev1")
    );
}

#[test]
fn different_sides_keep_two_clashes_apart() {
    let evs = events(
        "it",
        "Una sparatoria tra militari e banditi. Poi una sparatoria tra agenti e contrabbandieri.",
    );
    assert_eq!(evs.len(), 2, "{evs:?}");
    assert_eq!(evs[1].actors[0].text, "agenti");
}

#[test]
fn passive_voice_swaps_actor_and_recipient() {
    let evs = events(
        "en",
        "The convoy was attacked by militiamen near the river.",
    );
    let ev = &evs[0];
    assert_eq!(ev.kind, "ASSAULT");
    assert_eq!(ev.actors[0].text, "militiamen");
    assert_eq!(ev.recipients[0].text, "convoy");
}

#[test]
fn a_speech_act_frames_the_rest_of_its_sentence() {
    let evs = events(
        "en",
        "The ministry accused the rebels of attacking a convoy.",
    );
    let kinds: Vec<&str> = evs.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["ACCUSE"]);
    assert_eq!(evs[0].recipients[0].text, "rebels");
}

#[test]
fn announced_acts_are_intentions() {
    let evs = events("en", "Finland will give Tanzania a grant.");
    assert_eq!(
        (evs[0].kind.as_str(), evs[0].status),
        ("AGREE", EventStatus::Planned)
    );
    let evs = events("en", "The army will shell the town.");
    assert_eq!(evs[0].kind, "THREATEN");
}

#[test]
fn status_comes_from_modality_quotes_and_reporters() {
    assert_eq!(
        events("en", "No clashes were reported.")[0].status,
        EventStatus::Negated
    );
    let evs = events("it", "I ribelli potrebbero attaccare la città.");
    assert_eq!(evs[0].status, EventStatus::Hypothetical);
    let evs = events("it", "Scontri in centro. Lo riferisce l'agenzia Ansa.");
    assert_eq!(evs[0].status, EventStatus::Reported);
    let evs = events(
        "it",
        "«Le bande hanno attaccato il carcere», ha detto il ministro.",
    );
    assert_eq!(evs[0].status, EventStatus::Claimed);
}

#[test]
fn time_is_the_sentence_expression_else_the_publication_week() {
    let evs = events("it", "Ieri i ribelli hanno attaccato la caserma.");
    let t = evs[0].time.as_ref().unwrap();
    assert_eq!(
        (t.value.as_str(), t.time.as_deref()),
        ("2022-01-05", Some("t1"))
    );
    let evs = events("it", "I ribelli hanno attaccato la caserma.");
    let t = evs[0].time.as_ref().unwrap();
    assert_eq!((t.value.as_str(), t.time.as_deref()), ("2022-W01", None));
}

#[test]
fn spanish_french_and_german_triggers() {
    let cases = [
        (
            "es",
            "La policía detuvieron a diez personas.",
            "COERCE",
            "arrest",
        ),
        (
            "fr",
            "Une manifestation a eu lieu devant la mairie.",
            "PROTEST",
            "demonstrate",
        ),
        (
            "de",
            "Nach der Festnahme des Verdächtigen blieb es ruhig.",
            "COERCE",
            "arrest",
        ),
        (
            "es",
            "Un tiroteo entre soldados y rebeldes.",
            "ASSAULT",
            "firearms",
        ),
        (
            "fr",
            "Le gouvernement a envoyé des troupes.",
            "MOBILIZE",
            "troops",
        ),
    ];
    for (code, text, kind, mode) in cases {
        let evs = events(code, text);
        assert!(
            evs.iter()
                .any(|e| e.kind == kind && e.mode.as_deref() == Some(mode)),
            "{code}: {text}: {evs:?}"
        );
    }
}

#[test]
fn spans_are_code_points_and_rules_name_the_data_line() {
    let evs = events("it", "Perché la città è in rivolta?");
    let ev = &evs[0];
    assert_eq!((ev.trigger.start, ev.trigger.end), (21, 28));
    assert!(
        ev.rule.starts_with("data/lang/it/events.tsv:"),
        "{}",
        ev.rule
    );
    assert!(ev.confidence > 0.5 && ev.confidence < 1.0);
}

#[test]
fn an_enumeration_ending_with_and_gives_every_recipient() {
    let evs = events(
        "it",
        "Gli estremisti hanno assaltato gli edifici amministrativi, il dipartimento di polizia e due stazioni.",
    );
    let recipients: Vec<&str> = evs[0].recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        recipients,
        [
            "edifici amministrativi",
            "dipartimento di polizia",
            "due stazioni"
        ]
    );
    let evs = events("en", "Soldiers arrested twelve people, police said.");
    let recipients: Vec<&str> = evs[0].recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(recipients, ["twelve people"]);
}

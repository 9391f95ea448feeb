//! The hand-made event test sets: every line of `tests/events/<lang>.tsv` must give an event of
//! its type, mode, ACLED sub-event type and status, with an actor containing the given words.

use cronaca_extract::{Extractor, Layers};
use cronaca_lang::Languages;
use cronaca_model::Document;

fn check(code: &str, content: &str) {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let mut failures = Vec::new();
    let mut lines = 0;
    for line in content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        lines += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [sentence, kind, mode, acled, actor, status] = cols[..] else {
            panic!("{code}: bad test line {line:?}");
        };
        let doc = Document {
            text: sentence.into(),
            language: Some(code.into()),
            published: Some("2024-05-10".into()),
            ..Default::default()
        };
        let record = extractor.analyse(&doc).to_record(Layers::all());
        let events = record.events.unwrap_or_default();
        let ok = events.iter().any(|e| {
            let status_name = serde_json::to_value(e.status).unwrap();
            e.kind == kind
                && e.mode.as_deref().unwrap_or("-") == mode
                && e.acled.as_ref().map_or("-", |a| a.sub_event_type.as_str()) == acled
                && status_name == status
                && (actor == "-" || e.actors.iter().any(|a| a.text.contains(actor)))
        });
        if !ok {
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} actors {:?}",
                        e.kind,
                        e.mode,
                        e.acled.as_ref().map(|a| &a.sub_event_type),
                        e.status,
                        e.trigger.text,
                        e.actors.iter().map(|a| &a.text).collect::<Vec<_>>()
                    )
                })
                .collect();
            failures.push(format!(
                "{sentence}\n    want {kind} {mode} {acled} {actor} {status}\n    got  {got:?}"
            ));
        }
    }
    assert!(lines >= 40, "{code}: only {lines} test sentences");
    assert!(
        failures.is_empty(),
        "{code}: {} of {lines} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_sentences() {
    check("en", include_str!("events/en.tsv"));
}

#[test]
fn italian_sentences() {
    check("it", include_str!("events/it.tsv"));
}

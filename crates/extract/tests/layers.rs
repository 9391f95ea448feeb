//! `--layers`: only the stages a selection needs run, and a written layer is the same whatever
//! else is asked for.

use cronaca_extract::{Extractor, Layer, Layers};
use cronaca_lang::Languages;
use cronaca_model::Document;

const TEXT: &str = "Almaty, 6 gennaio 2022. Almeno 18 agenti sono stati uccisi ieri negli \
    scontri davanti al municipio, ha detto il ministero dell'Interno. \"La situazione è sotto \
    controllo\", ha dichiarato giovedì il presidente Kassym-Jomart Tokayev alla televisione. \
    Secondo la Tass, più di mille persone sono rimaste ferite e 400 sono ricoverate. \
    Il pane costa ora 14.30 euro al chilo e le proteste durano da tre giorni.";

fn record(layers: Layers) -> serde_json::Value {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: TEXT.into(),
        language: Some("it".into()),
        published: Some("2022-01-06".into()),
        ..Default::default()
    };
    serde_json::to_value(extractor.analyse_layers(&doc, layers).to_record(layers)).unwrap()
}

#[test]
fn each_layer_alone_equals_the_same_layer_of_the_whole_record() {
    let whole = record(Layers::all());
    for layer in Layer::ALL {
        let name = layer.name();
        assert!(
            whole[name].as_array().is_some_and(|a| !a.is_empty()),
            "the text gives {name}"
        );
        let alone = record(Layers::none().with(layer));
        assert_eq!(alone[name], whole[name], "{name} alone");
        for other in Layer::ALL.into_iter().filter(|l| *l != layer) {
            assert!(
                alone[other.name()].is_null(),
                "{name} alone writes no {other:?}"
            );
        }
    }
}

#[test]
fn layers_not_asked_for_are_not_computed() {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: TEXT.into(),
        language: Some("it".into()),
        ..Default::default()
    };
    let times = extractor.analyse_layers(&doc, "times".parse().unwrap());
    assert!(!times.amounts.is_empty() && !times.times.is_empty());
    assert!(times.entities.is_none() && times.quotes.quotes.is_empty());
    assert!(times.figures.is_empty() && times.events.is_empty());
    let quotes = extractor.analyse_layers(&doc, "quotes".parse().unwrap());
    assert!(quotes.entities.is_some() && !quotes.quotes.quotes.is_empty());
    assert!(quotes.amounts.is_empty() && quotes.times.is_empty());
    // A layer that was not computed is not written even when asked for.
    let record = quotes.to_record(Layers::all());
    assert!(record.quotes.is_some() && record.amounts.is_none() && record.events.is_none());
}

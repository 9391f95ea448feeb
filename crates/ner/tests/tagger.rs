use cronaca_ner::{
    EntityType, FeatureOptions, Label, Model, Sentence, Tagger, TrainConfig, TrainDocument,
    TrainSentence, builtin, train,
};

fn labels(tagger: &Tagger, words: &[&str]) -> Vec<String> {
    tagger
        .tag(&Sentence::new(words.to_vec()))
        .iter()
        .map(|t| t.label.to_string())
        .collect()
}

#[test]
fn italian_sentences() {
    let it = builtin("it").expect("the Italian model is embedded");
    let words = [
        "Il",
        "presidente",
        "Sergio",
        "Mattarella",
        "è",
        "arrivato",
        "a",
        "Napoli",
        ".",
    ];
    assert_eq!(
        labels(it, &words),
        ["O", "O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"]
    );
    let words = [
        "Il",
        "ministro",
        "Luigi",
        "Di",
        "Maio",
        "ha",
        "incontrato",
        "a",
        "Roma",
        "i",
        "vertici",
        "della",
        "Fiat",
        ".",
    ];
    let got = labels(it, &words);
    assert_eq!(got[2..5], ["B-PER", "I-PER", "I-PER"]);
    assert_eq!(got[8], "B-LOC");
    assert_eq!(got[12], "B-ORG");
}

#[test]
fn english_sentences() {
    let en = builtin("en").expect("the English model is embedded");
    let words = [
        "German",
        "Chancellor",
        "Helmut",
        "Kohl",
        "met",
        "officials",
        "of",
        "the",
        "European",
        "Commission",
        "in",
        "Brussels",
        "on",
        "Monday",
        ".",
    ];
    let got = labels(en, &words);
    assert_eq!(got[2..4], ["B-PER", "I-PER"]);
    assert_eq!(got[8..10], ["B-ORG", "I-ORG"]);
    assert_eq!(got[11], "B-LOC");
    assert_eq!(got[3..4], ["I-PER"]);
    assert!(builtin("xx").is_none());
}

#[test]
fn builtin_models_state_their_training_data_and_licence() {
    let it = builtin("it").unwrap().model();
    assert!(it.header_value("data").unwrap().contains("KIND"));
    assert!(it.header_value("data").unwrap().contains("CC BY-NC 4.0"));
    let en = builtin("en").unwrap().model();
    assert!(
        en.header_value("data")
            .unwrap()
            .contains("research use only")
    );
    assert!(en.types().contains(&EntityType::Misc));
}

fn toy() -> Vec<TrainDocument> {
    let sent = |words: &str, tags: &str| TrainSentence {
        tokens: words.split(' ').map(String::from).collect(),
        labels: tags.split(' ').map(|t| Label::parse(t).unwrap()).collect(),
        gazetteer: Vec::new(),
    };
    vec![TrainDocument {
        sentences: vec![
            sent("Mario Rossi vive a Milano .", "B-PER I-PER O O B-LOC O"),
            sent("Anna Bianchi lavora a Torino .", "B-PER I-PER O O B-LOC O"),
            sent("La Fiat ha sede a Torino .", "O B-ORG O O O B-LOC O"),
            sent(
                "Luca Verdi parla con la Fiat .",
                "B-PER I-PER O O O B-ORG O",
            ),
        ],
    }]
}

#[test]
fn training_is_deterministic_and_the_model_round_trips() {
    let config = TrainConfig {
        bits: 12,
        epochs: 5,
        header: vec![("data".into(), "toy".into())],
        ..TrainConfig::default()
    };
    let a = train(&toy(), &config, |_| {});
    let b = train(&toy(), &config, |_| {});
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "same data and settings, same bytes");
    let read = Model::from_bytes(&bytes).unwrap();
    assert_eq!(read, a);
    assert_eq!(read.header_value("data"), Some("toy"));
    let tagger = Tagger::new(read);
    assert_eq!(
        labels(&tagger, &["Mario", "Rossi", "vive", "a", "Torino", "."]),
        ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    );
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
}

#[test]
fn feature_options_travel_in_the_header() {
    let plain = TrainConfig {
        bits: 12,
        epochs: 3,
        ..TrainConfig::default()
    };
    let with = TrainConfig {
        features: FeatureOptions {
            char_trigrams: true,
        },
        ..plain.clone()
    };
    let a = train(&toy(), &plain, |_| {});
    let b = Model::from_bytes(&train(&toy(), &with, |_| {}).to_bytes()).unwrap();
    assert!(!a.feature_options().char_trigrams);
    assert!(b.feature_options().char_trigrams);
    assert_eq!(b.header_value("char-trigrams"), Some("yes"));
    assert_ne!(a.to_bytes(), b.to_bytes());
    let tagger = Tagger::new(b);
    assert_eq!(
        labels(&tagger, &["Mario", "Rossi", "vive", "a", "Torino", "."]),
        ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    );
    // The Italian model has them, the English one not.
    let it = builtin("it").unwrap().model().feature_options();
    let en = builtin("en").unwrap().model().feature_options();
    assert!(it.char_trigrams && !en.char_trigrams);
}

#[test]
fn output_respects_iob2() {
    let it = builtin("it").unwrap();
    let text = "Ieri a Bruxelles la Commissione europea e il Parlamento di Strasburgo hanno \
                discusso con Ursula von der Leyen del piano Next Generation EU .";
    let tags = it.tag(&Sentence::new(text.split(' ').collect()));
    let mut prev = None;
    for t in &tags {
        assert!(t.label.may_follow(prev), "{:?} after {prev:?}", t.label);
        assert!((0.0..=1.0).contains(&t.confidence));
        prev = Some(t.label);
    }
}

use cronaca_extract::{Extractor, Layers};
use cronaca_lang::Languages;
use cronaca_model::{Document, EntityType};

fn entities(text: &str, lang: &str) -> Vec<(EntityType, String, Vec<String>)> {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: text.into(),
        language: Some(lang.into()),
        ..Default::default()
    };
    let record = extractor.analyse(&doc).to_record(Layers::all());
    let chars: Vec<char> = record.text.chars().collect();
    record
        .entities
        .expect("the entity layer is written")
        .into_iter()
        .map(|e| {
            for m in &e.mentions {
                assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            }
            assert!((0.0..=1.0).contains(&e.confidence));
            let ms = e.mentions.into_iter().map(|m| m.text).collect();
            (e.kind, e.name, ms)
        })
        .collect()
}

#[test]
fn italian_article_people_places_and_coreference() {
    let text = "Putin invia le truppe in Kazakistan\n\nIl presidente Kassym-Jomart Tokayev ha \
                chiesto aiuto a Vladimir Putin. Le truppe di Putin sono arrivate ad Almaty, \
                ha confermato Maria Zakharova.";
    let es = entities(text, "it");
    let putin = es
        .iter()
        .find(|e| e.1 == "Vladimir Putin")
        .expect("Putin is found");
    assert_eq!(putin.0, EntityType::Per);
    assert_eq!(putin.2, ["Putin", "Vladimir Putin", "Putin"]);
    // By a mention: linking gives entities the gazetteer's name ("Kazakhstan").
    let find = |name: &str| {
        es.iter()
            .find(|e| e.2.iter().any(|m| m == name))
            .map(|e| e.0)
    };
    assert_eq!(find("Kassym-Jomart Tokayev"), Some(EntityType::Per));
    assert_eq!(find("Maria Zakharova"), Some(EntityType::Per));
    assert_eq!(find("Kazakistan"), Some(EntityType::Loc));
    assert_eq!(find("Almaty"), Some(EntityType::Loc));
}

#[test]
fn english_article() {
    let text = "Prime Minister Boris Johnson met Emmanuel Macron in Paris on Monday. Johnson \
                said the European Union must act.";
    let es = entities(text, "en");
    let johnson = es
        .iter()
        .find(|e| e.1 == "Boris Johnson")
        .expect("Johnson is found");
    assert_eq!(johnson.2, ["Boris Johnson", "Johnson"]);
    assert!(es.iter().any(|e| e.1 == "Paris" && e.0 == EntityType::Loc));
    assert!(
        es.iter()
            .any(|e| e.1 == "European Union" && e.0 == EntityType::Org)
    );
    assert!(
        es.iter()
            .any(|e| e.1 == "Emmanuel Macron" && e.0 == EntityType::Per)
    );
}

#[test]
fn languages_without_a_model_have_no_entity_layer() {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: "Wladimir Putin ist in Berlin angekommen.".into(),
        language: Some("de".into()),
        ..Default::default()
    };
    assert!(
        extractor
            .analyse(&doc)
            .to_record(Layers::all())
            .entities
            .is_none()
    );
}

#[test]
fn media_the_gazetteer_knows_are_organisations() {
    let text = "La portavoce ha parlato alla televisione Khabar-24. Il video è stato diffuso \
                su Telegram dai manifestanti.";
    let es = entities(text, "it");
    for (name, mention) in [("Khabar 24", "Khabar-24"), ("Telegram", "Telegram")] {
        let e = es
            .iter()
            .find(|e| e.1 == name)
            .unwrap_or_else(|| panic!("{name} is found in {es:?}"));
        assert_eq!(
            (e.0, e.2.as_slice()),
            (EntityType::Org, [mention.to_string()].as_slice())
        );
    }
}

#[test]
fn a_country_after_a_name_stays_a_country() {
    let text = "Wilson Kipketer (Denmark) won the 800 metres ahead of Norberto Tellez (Cuba).";
    let es = entities(text, "en");
    let kipketer = es
        .iter()
        .find(|e| e.2.contains(&"Wilson Kipketer".to_string()))
        .expect("Kipketer is found");
    assert_eq!(kipketer.0, EntityType::Per);
    assert_eq!(kipketer.2, ["Wilson Kipketer"]);
}

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

/// The mentions of the entities of type `kind`, in entity order.
fn mentions_of(es: &[(EntityType, String, Vec<String>)], kind: EntityType) -> Vec<&str> {
    es.iter()
        .filter(|e| e.0 == kind)
        .flat_map(|e| e.2.iter().map(String::as_str))
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
fn languages_without_a_model_have_the_gazetteer_names() {
    let de = entities(
        "Laut dpa wurden in Almaty 20 Menschen getötet. Wladimir Putin ist in Berlin \
         angekommen, sagte das Innenministerium. Der Bus hielt in Kleinkleckersdorf.",
        "de",
    );
    let found = |es: &[(EntityType, String, Vec<String>)], name: &str| {
        es.iter()
            .find(|e| e.1 == name)
            .map(|e| (e.0, e.2.clone()))
            .unwrap_or_else(|| panic!("{name} is found in {es:?}"))
    };
    // A media name the gazetteer writes in lower case needs no capital.
    assert_eq!(
        found(&de, "Deutsche Presse-Agentur"),
        (EntityType::Org, vec!["dpa".into()])
    );
    assert_eq!(
        found(&de, "Almaty"),
        (EntityType::Loc, vec!["Almaty".into()])
    );
    assert_eq!(
        found(&de, "Vladimir Putin"),
        (EntityType::Per, vec!["Wladimir Putin".into()])
    );
    assert_eq!(
        found(&de, "Berlin"),
        (EntityType::Loc, vec!["Berlin".into()])
    );
    // Capitalised nouns and small places are no names.
    assert_eq!(de.len(), 5, "{de:?}");
    assert!(
        de.iter()
            .any(|e| e.0 == EntityType::Org && e.2 == ["Innenministerium"])
    );

    let es = entities(
        "Según Reuters, al menos 20 personas murieron en Almaty. El presidente de \
         Kazajistán pidió ayuda a Rusia y a la OTSC.",
        "es",
    );
    assert_eq!(
        found(&es, "Kazakhstan"),
        (EntityType::Loc, vec!["Kazajistán".into()])
    );
    assert_eq!(
        found(&es, "Russia"),
        (EntityType::Loc, vec!["Rusia".into()])
    );
    assert_eq!(
        found(&es, "Collective Security Treaty Organization"),
        (EntityType::Org, vec!["OTSC".into()])
    );
    assert_eq!(found(&es, "Reuters").0, EntityType::Org);

    let fr = entities(
        "Selon l'AFP, au moins 20 personnes ont été tuées à Almaty, au Kazakhstan. \
         Emmanuel Macron a appelé au calme.",
        "fr",
    );
    assert_eq!(
        found(&fr, "Agence France-Presse"),
        (EntityType::Org, vec!["AFP".into()])
    );
    assert_eq!(found(&fr, "Emmanuel Macron").0, EntityType::Per);
    assert_eq!(fr.len(), 4, "{fr:?}");
}

#[test]
fn a_german_figure_takes_its_source_from_the_gazetteer() {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: "Laut dpa wurden in Almaty mindestens 20 Menschen getötet.".into(),
        language: Some("de".into()),
        ..Default::default()
    };
    let record = extractor.analyse(&doc).to_record(Layers::all());
    let source = record.figures.as_ref().unwrap()[0]
        .source
        .clone()
        .expect("the figure has a source");
    assert_eq!(source.text, "dpa");
    let entity = source.entity.expect("the source is an entity");
    let entities = record.entities.unwrap();
    assert!(
        entities
            .iter()
            .any(|e| e.id == entity && e.name == "Deutsche Presse-Agentur")
    );
}

#[test]
fn undetermined_text_has_no_entity_layer() {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: "12 34 56 78.".into(),
        ..Default::default()
    };
    let record = extractor.analyse(&doc).to_record(Layers::all());
    assert_eq!(record.doc.language, "und");
    assert!(record.entities.is_none());
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

#[test]
fn an_italian_organisation_takes_the_national_adjective_after_it() {
    // As KIND writes Italian organisations: the adjective is part of the name. The tagger
    // alone stops before "inglese" in the first sentence.
    let text = "Lo ha detto il Parlamento inglese. La guardia costiera americana ha soccorso i \
                naufraghi.";
    let es = entities(text, "it");
    let mentions: Vec<&str> = mentions_of(&es, EntityType::Org);
    assert!(mentions.contains(&"Parlamento inglese"), "{es:?}");
    assert!(mentions.contains(&"guardia costiera americana"), "{es:?}");
    // English puts the adjective first, outside the name.
    let es = entities("The British government rejected the plan.", "en");
    assert!(
        es.iter()
            .all(|e| !e.2.iter().any(|m| m.contains("British government"))),
        "{es:?}"
    );
}

#[test]
fn a_city_name_after_a_determiner_is_a_common_noun_without_a_tagger() {
    // German and Spanish have no tagger: the gazetteer's names alone, but not a one-word city
    // name right after an article ("das Essen", "la Libertad").
    let es = entities(
        "Das Essen wurde am Bahnhof verteilt. Der Zug fuhr dann nach Essen weiter.",
        "de",
    );
    let essen: Vec<&Vec<String>> = es
        .iter()
        .filter(|e| e.0 == EntityType::Loc && e.1 == "Essen")
        .map(|e| &e.2)
        .collect();
    assert_eq!(essen, [&vec!["Essen".to_string()]], "{es:?}");
    let es = entities(
        "Hoy es el Día de la Libertad de Prensa, dijo el alcalde de Madrid.",
        "es",
    );
    assert!(es.iter().all(|e| e.1 != "Libertad"), "{es:?}");
    assert!(
        es.iter().any(|e| e.0 == EntityType::Loc && e.1 == "Madrid"),
        "{es:?}"
    );
}

#[test]
fn an_italian_place_name_keeps_its_abbreviated_saint() {
    // "St." does not end the sentence in Italian text: the place is one name.
    let es = entities(
        "La gara inaugurale si terrà a St. Petersburg, in Florida, il 15 marzo.",
        "it",
    );
    let places: Vec<&str> = mentions_of(&es, EntityType::Loc);
    assert!(places.contains(&"St. Petersburg"), "{es:?}");
}

#[test]
fn an_italian_institution_takes_the_noun_that_completes_its_name() {
    // KIND writes "Camera dei deputati", "Corte suprema di cassazione" as one name; the
    // tagger alone stops at "Camera" and "Corte suprema". A common noun that does not
    // complete institution names stays out ("il Consiglio di una nazione").
    let text = "Il decreto è passato alla Camera dei deputati con 300 voti. La Corte suprema \
                di cassazione ha confermato la condanna. Lo ha detto il Consiglio di una \
                nazione sovrana.";
    let es = entities(text, "it");
    let orgs: Vec<&str> = mentions_of(&es, EntityType::Org);
    assert!(orgs.contains(&"Camera dei deputati"), "{es:?}");
    assert!(orgs.contains(&"Corte suprema di cassazione"), "{es:?}");
    assert!(orgs.iter().all(|m| !m.contains("di una")), "{es:?}");
}

#[test]
fn an_italian_name_does_not_end_with_a_particle() {
    // The tagger alone stops at "Ordine nazionale dei" and "Associazione nazionale dei"; no
    // KIND name ends with a particle, so the mention goes on to the word that completes it.
    let text = "Il presidente dell'Ordine nazionale dei medici ha parlato. Lo ha annunciato \
                l'Associazione nazionale dei magistrati.";
    let es = entities(text, "it");
    let orgs: Vec<&str> = mentions_of(&es, EntityType::Org);
    assert!(orgs.contains(&"Ordine nazionale dei medici"), "{es:?}");
    assert!(
        orgs.contains(&"Associazione nazionale dei magistrati"),
        "{es:?}"
    );
}

#[test]
fn a_surname_of_a_person_named_in_full_is_that_person() {
    // The tagger alone takes "la Schiavone" and "la Stosur" for organisations.
    let text = "Francesca Schiavone ha vinto il primo set. Poi, sul 4 pari, la Schiavone ha \
                ceduto il servizio alla rivale. La tennista Samantha Stosur ha perso. Al terzo \
                gioco la Stosur ha commesso un doppio fallo.";
    let es = entities(text, "it");
    for (name, surname) in [
        ("Francesca Schiavone", "Schiavone"),
        ("Samantha Stosur", "Stosur"),
    ] {
        let e = es
            .iter()
            .find(|e| e.1 == name)
            .unwrap_or_else(|| panic!("{name} is found in {es:?}"));
        assert_eq!(e.0, EntityType::Per);
        assert!(e.2.iter().any(|m| m == surname), "{es:?}");
    }
    // Not after a masculine article (a stadium called after him) or in parentheses (his firm).
    let text = "Benito Stirpe fondò la società nel 1950. Oggi la squadra gioca allo Stirpe. \
                Vincent Bolloré (Bolloré) ha votato contro.";
    let es = entities(text, "it");
    for surname in ["Stirpe", "Bolloré"] {
        assert!(
            es.iter()
                .any(|e| e.0 != EntityType::Per && e.2.iter().any(|m| m == surname)),
            "{es:?}"
        );
    }
}

#[test]
fn a_name_written_twice_is_two_mentions() {
    // A title run into the first sentence: the tagger alone makes one four-word name.
    let text = "Iran: liberata Narges Tehrani Narges Tehrani, la giornalista, è tornata a casa.";
    let es = entities(text, "it");
    let e = es
        .iter()
        .find(|e| e.0 == EntityType::Per)
        .unwrap_or_else(|| panic!("a person is found in {es:?}"));
    assert_eq!(e.2, ["Narges Tehrani", "Narges Tehrani"], "{es:?}");
}

#[test]
fn a_name_with_a_quotation_mark_takes_the_closing_one() {
    // The tagger alone stops before the closing mark.
    let text = "Il ferito è stato portato all'ospedale \"Regina Margherita\" di Torino.";
    let es = entities(text, "it");
    let mentions: Vec<&str> = es
        .iter()
        .flat_map(|e| e.2.iter().map(String::as_str))
        .collect();
    assert!(
        mentions.contains(&"ospedale \"Regina Margherita\""),
        "{es:?}"
    );
}

#[test]
fn an_italian_clerical_title_is_part_of_the_name() {
    // KIND writes "suor Rosanna", "don Luigi Ciotti"; the tagger alone leaves the title out.
    let text = "Secondo suor Angela i bambini stanno bene. Lo ha detto don Luigi Ciotti a \
                Torino.";
    let es = entities(text, "it");
    let people: Vec<&str> = mentions_of(&es, EntityType::Per);
    assert!(people.contains(&"suor Angela"), "{es:?}");
    assert!(people.contains(&"don Luigi Ciotti"), "{es:?}");
}

#[test]
fn an_italian_name_does_not_end_with_a_function_word() {
    // The tagger alone takes "senza" into the name.
    let text = "Il Ministero senza fondi ha chiuso gli uffici. Lo ha deciso il Comune senza \
                sentire i cittadini.";
    let es = entities(text, "it");
    let orgs: Vec<&str> = mentions_of(&es, EntityType::Org);
    assert_eq!(orgs, ["Ministero", "Comune"], "{es:?}");
}

#[test]
fn a_club_word_before_a_town_makes_the_club() {
    // The tagger alone takes the town: "Rovigo", "Varese".
    let text = "Giocava nel Rugby Rovigo quando vinse lo scudetto. Ha firmato con la \
                Pallacanestro Varese per due anni.";
    let es = entities(text, "it");
    let orgs: Vec<&str> = mentions_of(&es, EntityType::Org);
    assert!(orgs.contains(&"Rugby Rovigo"), "{es:?}");
    assert!(orgs.contains(&"Pallacanestro Varese"), "{es:?}");
}

#[test]
fn an_italian_place_takes_the_adjective_of_direction_after_it() {
    // The tagger alone stops at "India" and "Tunisia".
    let text = "Il terremoto ha colpito l'India nordorientale nella notte. La Tunisia centrale è \
                senza acqua.";
    let es = entities(text, "it");
    let places: Vec<&str> = mentions_of(&es, EntityType::Loc);
    assert!(places.contains(&"India nordorientale"), "{es:?}");
    assert!(places.contains(&"Tunisia centrale"), "{es:?}");
}

#[test]
fn without_a_tagger_a_given_name_and_capitalised_words_are_a_person() {
    let people = |text: &str, lang: &str| -> Vec<String> {
        entities(text, lang)
            .into_iter()
            .filter(|e| e.0 == EntityType::Per)
            .flat_map(|e| e.2)
            .collect()
    };
    // The surname alone would be a place of the gazetteer ("Mora", "Ramírez").
    let es = entities("Carlos Mora y Víctor Ramírez marcaron en Madrid.", "es");
    let per: Vec<&str> = mentions_of(&es, EntityType::Per);
    assert_eq!(per, ["Carlos Mora", "Víctor Ramírez"], "{es:?}");
    let places: Vec<&str> = es
        .iter()
        .filter(|e| e.0 == EntityType::Loc)
        .map(|e| e.1.as_str())
        .collect();
    assert_eq!(places, ["Madrid"], "{es:?}");
    assert_eq!(
        people(
            "Trainer Kyle Platzer sagte, dass der Verein weiter kämpft.",
            "de"
        ),
        ["Kyle Platzer"]
    );
    // A club, a university named after a region, a headline word: no people.
    assert!(
        people(
            "GUADALUPE FC ganó ante Florida International University.",
            "es"
        )
        .is_empty()
    );
    // A function word opening a sentence is no place ("Dabei", "Sólo").
    for (text, lang) in [
        ("Dabei wurde niemand verletzt.", "de"),
        ("Sólo hubo daños materiales.", "es"),
    ] {
        let es = entities(text, lang);
        assert!(es.is_empty(), "{es:?}");
    }
}

#[test]
fn without_a_tagger_a_place_inside_a_longer_capitalised_name_is_no_place() {
    let places = |text: &str, lang: &str| -> Vec<String> {
        entities(text, lang)
            .into_iter()
            .filter(|e| e.0 == EntityType::Loc)
            .flat_map(|e| e.2)
            .collect()
    };
    assert_eq!(
        places(
            "El Manchester United perdió en Londres, informó la Universidad Nacional de Chile.",
            "es"
        ),
        ["Londres", "Chile"]
    );
    // German capitalises every noun: a capital next to a place says nothing.
    assert_eq!(
        places("In Berlin Demonstranten festgenommen.", "de"),
        ["Berlin"]
    );
}

#[test]
fn a_part_of_a_country_lies_in_that_country() {
    // "Italia settentrionale" is one Italian mention; linked as a part of Italy, not Italy.
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: "Forti piogge nell'Italia settentrionale e ad Almaty.".into(),
        language: Some("it".into()),
        ..Default::default()
    };
    let record = extractor.analyse(&doc).to_record(Layers::all());
    let entities = record.entities.expect("the entity layer is written");
    let north = entities
        .iter()
        .find(|e| e.name == "Italia settentrionale")
        .unwrap_or_else(|| panic!("{entities:?}"));
    assert_eq!(north.country.as_deref(), Some("IT"));
    assert!(
        north.ids.geonames.is_none() && north.geo.is_none(),
        "{north:?}"
    );
    let almaty = entities.iter().find(|e| e.name == "Almaty").unwrap();
    assert_eq!(almaty.ids.geonames, Some(1526384));
}

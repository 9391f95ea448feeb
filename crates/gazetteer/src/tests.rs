use super::*;
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::builtin().expect("builtin gazetteer loads"))
}

/// The seed article's context, from its own kind of tokens.
fn seed_context() -> Context {
    let text = "Rivolta del gas in Kazakistan : Putin ha inviato l’ esercito . Si aggrava il bilancio \
        in Kazakistan . Il presidente Kassym-Jomart Tokayev ha chiesto soccorso a Vladimir Putin . \
        In Kazakistan sono arrivate le truppe . Mosca ha confermato . Kazakistan . \
        Organizzazione del Trattato di Sicurezza Collettiva ( Csto ) Kazakistan Telegram \
        ministero degli Esteri russo , Maria Zakharova . Russia e Kazakistan , Armenia , \
        Bielorussia , Kirghizistan e Tagikistan . Ministero della Salute . Cremlino . Almaty . \
        Tass . Almaty . Khabar-24 . Kazakistan";
    let tokens: Vec<&str> = text.split(' ').collect();
    gaz().context_from_tokens("it", &tokens)
}

fn link(ty: EntityType, mentions: &[&str], ctx: &Context) -> Link {
    gaz()
        .link(ty, mentions, "it", ctx)
        .unwrap_or_else(|| panic!("{mentions:?} links"))
}

#[test]
fn seed_context_is_kazakhstan() {
    let ctx = seed_context();
    assert_eq!(
        ctx.main_country().as_deref(),
        Some("KZ"),
        "{:?}",
        ctx.countries()
    );
}

#[test]
fn seed_places_link() {
    let ctx = seed_context();
    let almaty = link(EntityType::Loc, &["Almaty", "Almaty"], &ctx);
    assert_eq!(almaty.name, "Almaty");
    assert_eq!(almaty.ids.geonames, Some(1526384));
    assert_eq!(almaty.country.as_deref(), Some("KZ"));
    assert_eq!(almaty.subtype, Some(Subtype::City));
    let geo = almaty.geo.unwrap();
    assert!(
        (geo.lat - 43.25).abs() < 0.01 && (geo.lon - 76.91).abs() < 0.02,
        "{geo:?}"
    );
    assert_eq!(geo.precision, Precision::City);
    assert!(almaty.confidence > 0.8, "{almaty:?}");

    let moscow = link(EntityType::Loc, &["Mosca"], &ctx);
    assert_eq!(
        (moscow.ids.geonames, moscow.country.as_deref()),
        (Some(524901), Some("RU"))
    );

    for (mention, iso, name, q) in [
        ("Kazakistan", "KZ", "Kazakhstan", "Q232"),
        ("Russia", "RU", "Russia", "Q159"),
        ("Armenia", "AM", "Armenia", "Q399"),
        ("Bielorussia", "BY", "Belarus", "Q184"),
        ("Kirghizistan", "KG", "Kyrgyzstan", "Q813"),
        ("Tagikistan", "TJ", "Tajikistan", "Q863"),
    ] {
        let l = link(EntityType::Loc, &[mention], &ctx);
        assert_eq!(l.subtype, Some(Subtype::Country), "{mention}");
        assert_eq!(l.ids.iso3166.as_deref(), Some(iso), "{mention}");
        assert_eq!(l.country.as_deref(), Some(iso), "{mention}");
        assert_eq!(l.name, name, "{mention}");
        assert_eq!(l.ids.wikidata.as_deref(), Some(q), "{mention}");
        assert!(l.geo.is_none(), "{mention}");
    }
}

#[test]
fn seed_organisations_link() {
    let ctx = seed_context();
    let csto = link(
        EntityType::Org,
        &[
            "Organizzazione del Trattato di Sicurezza Collettiva",
            "Csto",
            "Csto",
        ],
        &ctx,
    );
    assert_eq!(csto.name, "Collective Security Treaty Organization");
    assert_eq!(csto.subtype, Some(Subtype::InternationalOrg));

    let tass = link(EntityType::Org, &["Tass"], &ctx);
    assert_eq!(
        (tass.name.as_str(), tass.subtype),
        ("TASS", Some(Subtype::NewsAgency))
    );
    assert_eq!(tass.country.as_deref(), Some("RU"));

    let telegram = link(EntityType::Org, &["Telegram"], &ctx);
    assert_eq!(telegram.subtype, Some(Subtype::Platform));

    let khabar = link(EntityType::Org, &["Khabar-24"], &ctx);
    assert_eq!(
        (khabar.name.as_str(), khabar.subtype),
        ("Khabar 24", Some(Subtype::Media))
    );
    assert_eq!(khabar.country.as_deref(), Some("KZ"));

    let mfa = link(EntityType::Org, &["ministero degli Esteri russo"], &ctx);
    assert_eq!(mfa.name, "Ministry of Foreign Affairs of Russia");
    assert_eq!(
        (mfa.subtype, mfa.country.as_deref()),
        (Some(Subtype::Ministry), Some("RU"))
    );
    assert!(mfa.rule.ends_with("+demonym"), "{}", mfa.rule);

    let health = link(EntityType::Org, &["Ministero della Salute"], &ctx);
    assert_eq!(health.name, "Ministry of Health of Kazakhstan");
    assert_eq!(
        (health.subtype, health.country.as_deref()),
        (Some(Subtype::Ministry), Some("KZ"))
    );
    assert!(health.confidence < mfa.confidence);

    // Tagged ORG or LOC, the Kremlin is the Russian government.
    for ty in [EntityType::Org, EntityType::Loc] {
        let kremlin = link(ty, &["Cremlino"], &ctx);
        assert_eq!(kremlin.name, "Kremlin");
        assert_eq!(kremlin.entity_type, EntityType::Org);
        assert_eq!(
            (kremlin.subtype, kremlin.country.as_deref()),
            (Some(Subtype::Government), Some("RU"))
        );
    }
}

#[test]
fn seed_people_link() {
    let ctx = seed_context();
    let putin = link(EntityType::Per, &["Putin", "Vladimir Putin", "Putin"], &ctx);
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(putin.ids.wikidata.as_deref(), Some("Q7747"));
    assert_eq!(putin.country.as_deref(), Some("RU"));
    let tokayev = link(EntityType::Per, &["Kassym-Jomart Tokayev"], &ctx);
    assert_eq!(
        (tokayev.name.as_str(), tokayev.country.as_deref()),
        ("Kassym-Jomart Tokayev", Some("KZ"))
    );
    let zakharova = link(EntityType::Per, &["Maria Zakharova"], &ctx);
    assert_eq!(zakharova.subtype, Some(Subtype::Spokesperson));
    assert_eq!(zakharova.country.as_deref(), Some("RU"));
    let azirbek = link(EntityType::Per, &["Azirbek"], &ctx);
    assert_eq!(
        (
            azirbek.name.as_str(),
            azirbek.subtype,
            azirbek.country.as_deref()
        ),
        ("Saltanat Azirbek", Some(Subtype::Spokesperson), Some("KZ"))
    );
    assert!(
        gaz()
            .link(EntityType::Per, &["Azirbekov"], "it", &ctx)
            .is_none()
    );
}

#[test]
fn homonyms_follow_article_context() {
    let g = gaz();
    let none = Context::new();
    let paris = g.link(EntityType::Loc, &["Paris"], "en", &none).unwrap();
    assert_eq!(
        (paris.country.as_deref(), paris.ids.geonames),
        (Some("FR"), Some(2988507))
    );

    let us = g.context("en", ["United States", "Texas", "Dallas"]);
    let paris_tx = g.link(EntityType::Loc, &["Paris"], "en", &us).unwrap();
    assert_eq!(paris_tx.country.as_deref(), Some("US"));
    let texas = g.country("US").map(|_| g.lookup("Texas"));
    assert!(texas.is_some());
    assert_eq!(paris_tx.ids.geonames, Some(4717560), "{paris_tx:?}");

    let tripoli = g.link(EntityType::Loc, &["Tripoli"], "it", &none).unwrap();
    assert_eq!(tripoli.country.as_deref(), Some("LY"));
    let lebanon = g.context("it", ["Libano", "Beirut"]);
    let tripoli_lb = g
        .link(EntityType::Loc, &["Tripoli"], "it", &lebanon)
        .unwrap();
    assert_eq!(tripoli_lb.country.as_deref(), Some("LB"));

    // A country name beats a city of the same name.
    let georgia = g.link(EntityType::Loc, &["Georgia"], "it", &none).unwrap();
    assert_eq!(georgia.ids.iso3166.as_deref(), Some("GE"));
}

#[test]
fn patterns_in_other_languages() {
    let g = gaz();
    let none = Context::new();
    for (lang, mention, name, cc) in [
        (
            "en",
            "Russian Foreign Ministry",
            "Ministry of Foreign Affairs of Russia",
            "RU",
        ),
        (
            "en",
            "Ministry of Health of Kazakhstan",
            "Ministry of Health of Kazakhstan",
            "KZ",
        ),
        (
            "es",
            "Ministerio de Defensa ruso",
            "Ministry of Defence of Russia",
            "RU",
        ),
        (
            "fr",
            "ministère des Affaires étrangères français",
            "Ministry of Foreign Affairs of France",
            "FR",
        ),
        ("de", "Auswärtiges Amt", "Federal Foreign Office", "DE"),
        (
            "de",
            "russisches Innenministerium",
            "Ministry of the Interior of Russia",
            "RU",
        ),
        (
            "ru",
            "МИД России",
            "Ministry of Foreign Affairs of Russia",
            "RU",
        ),
        (
            "ru",
            "Министерство обороны России",
            "Ministry of Defence of Russia",
            "RU",
        ),
    ] {
        let l = g
            .link(EntityType::Org, &[mention], lang, &none)
            .unwrap_or_else(|| panic!("{mention}"));
        assert_eq!(
            (l.name.as_str(), l.country.as_deref()),
            (name, Some(cc)),
            "{mention}"
        );
    }
}

#[test]
fn acronyms_and_languages() {
    let g = gaz();
    let none = Context::new();
    for (lang, mention, name) in [
        ("ru", "ОДКБ", "Collective Security Treaty Organization"),
        ("fr", "OTSC", "Collective Security Treaty Organization"),
        ("es", "OTAN", "North Atlantic Treaty Organization"),
        ("it", "Onu", "United Nations"),
        ("en", "UN", "United Nations"),
        ("ru", "ООН", "United Nations"),
        ("it", "Croce Rossa", "Red Cross"),
        ("de", "Rotes Kreuz", "Red Cross"),
        ("it", "Ue", "European Union"),
    ] {
        let l = g.link(EntityType::Org, &[mention], lang, &none);
        assert_eq!(l.map(|l| l.name), Some(name.to_string()), "{mention}");
    }
    // "un" is an article, not the United Nations.
    let tokens = ["un", "portavoce", "dell'", "Onu"];
    let m = g.annotate("it", &tokens);
    assert!(
        !m.iter()
            .any(|m| m.tokens == (0..1) && m.kinds.contains(Kinds::ORG)),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|m| m.tokens == (3..4) && m.kinds.contains(Kinds::ORG)),
        "{m:?}"
    );
}

#[test]
fn annotate_finds_multi_token_names() {
    let g = gaz();
    let tokens = [
        "la",
        "televisione",
        "Khabar",
        "-",
        "24",
        "e",
        "il",
        "ministero",
        "degli",
        "Esteri",
        "russo",
        "a",
        "New",
        "York",
    ];
    let m = g.annotate("it", &tokens);
    let has = |r: Range<usize>, k: Kinds| m.iter().any(|x| x.tokens == r && x.kinds.contains(k));
    assert!(has(2..5, Kinds::MEDIA), "{m:?}");
    assert!(has(7..10, Kinds::ORG_PATTERN), "{m:?}");
    assert!(has(10..11, Kinds::DEMONYM), "{m:?}");
    assert!(has(12..14, Kinds::BIG_CITY), "{m:?}");
    // Demonyms match only in their language.
    let en = g.annotate("en", &["russo"]);
    assert!(!en.iter().any(|x| x.kinds.contains(Kinds::DEMONYM)));
}

#[test]
fn user_dictionaries_merge_with_line_errors() {
    let dir = std::env::temp_dir().join(format!("cronaca-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("mine.csv");
    std::fs::write(
        &csv,
        "name,type,subtype,country,wikidata,geonames,aliases\n\
         Saltanat Azirbek,PER,spokesperson,KZ,,,Azirbek\n\
         Qazaq Gaz,ORG,company,KZ,,,QazaqGaz|Казакгаз\n",
    )
    .unwrap();
    let g = Gazetteer::builtin()
        .unwrap()
        .with_user_dictionary(&csv)
        .unwrap();
    let none = Context::new();
    let az = g.link(EntityType::Per, &["Azirbek"], "it", &none).unwrap();
    assert_eq!(
        (az.name.as_str(), az.subtype, az.country.as_deref()),
        ("Saltanat Azirbek", Some(Subtype::Spokesperson), Some("KZ"))
    );
    assert!(az.rule.ends_with("mine.csv:2"), "{}", az.rule);

    let jsonl = dir.join("mine.jsonl");
    std::fs::write(
        &jsonl,
        "{\"name\": \"Zhanaozen\", \"type\": \"LOC\", \"subtype\": \"city\", \"country\": \"KZ\", \"aliases\": [\"Žanaozen\"]}\n\
         {\"name\": \"Bad\", \"type\": \"THING\"}\n\
         {\"name\": \"Worse\", \"type\": \"ORG\", \"country\": \"Kazakhstan\"}\n",
    )
    .unwrap();
    let err = Gazetteer::builtin()
        .unwrap()
        .with_user_dictionary(&jsonl)
        .unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
    assert!(
        err.problems()[0]
            .ends_with("mine.jsonl:2: unknown type \"THING\" (expected PER, ORG, LOC)"),
        "{err}"
    );
    assert!(
        err.problems()[1].contains("mine.jsonl:3: bad country"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn team_files_report_bad_lines() {
    let mut facts = facts::Facts::default();
    let mut problems = Vec::new();
    facts.parse_file(
        "data/lang/it/demonyms.tsv",
        "# header\nrusso\tRU\tadj\tm.sg\nkazako\tKZ\tverb\tm.sg\n",
        &mut problems,
    );
    assert_eq!(
        problems,
        ["data/lang/it/demonyms.tsv:3: unknown pos \"verb\" (expected adj, noun, adj/noun, gov)"]
    );
}

#[test]
fn open_maps_an_index_file() {
    let tsv = "C\t1522867\tKZ\t\t\t\t18276499\tPCLI\tKazakhstan\tKazakistan\n\
               P\t1526384\tKZ\t02\t43.25249\t76.91150\t1977011\tPPL\tAlmaty\tAlma-Ata\n";
    let bytes = write_index(tsv).unwrap();
    let path = std::env::temp_dir().join(format!("cronaca-gaz-{}.idx", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let g = Gazetteer::open(&path).unwrap();
    assert_eq!(g.place_count(), 2);
    let l = g
        .link(EntityType::Loc, &["Alma-Ata"], "it", &Context::new())
        .unwrap();
    assert_eq!(l.ids.geonames, Some(1526384));
    std::fs::remove_file(&path).ok();
    assert!(
        write_index("X\t1\tKZ\t\t\t\t0\tPPL\tA\t\n")
            .unwrap_err()
            .to_string()
            .starts_with("line 1: unknown kind")
    );
}

#[test]
fn gazetteer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
}

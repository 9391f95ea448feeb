//! Sentence tables per language, over the shipped data (`abbreviations.txt`,
//! `segmentation.toml`, `conventions.toml`). Every sentence here was written for these tests.
use cronaca_lang::Languages;
use cronaca_text::{TokenKind, segment};

/// (name, language, text, expected sentences)
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // Italian
    (
        "it/title",
        "it",
        "Scontri ad Almaty: decine di morti\n\nLa polizia ha sparato. Poi il silenzio.",
        &[
            "Scontri ad Almaty: decine di morti",
            "La polizia ha sparato.",
            "Poi il silenzio.",
        ],
    ),
    (
        "it/abbreviations",
        "it",
        "Il Sig. Verdi e l’On. Neri hanno parlato col gen. Bruni. La seduta è finita.",
        &[
            "Il Sig. Verdi e l’On. Neri hanno parlato col gen. Bruni.",
            "La seduta è finita.",
        ],
    ),
    (
        "it/quote-split-after-closing",
        "it",
        "“Le colonne sono entrate in città.” Poi è calato il buio.",
        &[
            "“Le colonne sono entrate in città.”",
            "Poi è calato il buio.",
        ],
    ),
    (
        "it/quote-attribution",
        "it",
        "“Nessuno deve uscire di casa”, ha dichiarato Azirbek alla radio. Fine.",
        &[
            "“Nessuno deve uscire di casa”, ha dichiarato Azirbek alla radio.",
            "Fine.",
        ],
    ),
    (
        "it/quote-attribution-inside",
        "it",
        "«Siamo pronti.» ha detto il portavoce. Poi ha lasciato la sala.",
        &[
            "«Siamo pronti.» ha detto il portavoce.",
            "Poi ha lasciato la sala.",
        ],
    ),
    (
        "it/period-after-quote",
        "it",
        "Lo ha definito «un attacco dall’estero». La Csto tace.",
        &["Lo ha definito «un attacco dall’estero».", "La Csto tace."],
    ),
    (
        "it/decimals-and-parentheses",
        "it",
        "L’inflazione (Istat) è salita all’1,5 per cento. Il Pil cresce del 2.3.",
        &[
            "L’inflazione (Istat) è salita all’1,5 per cento.",
            "Il Pil cresce del 2.3.",
        ],
    ),
    (
        "it/dateline",
        "it",
        "ALMATY, 6 gen. – La polizia ha arrestato cento persone. Il governo è caduto.",
        &[
            "ALMATY, 6 gen. – La polizia ha arrestato cento persone.",
            "Il governo è caduto.",
        ],
    ),
    (
        "it/dateline-date",
        "it",
        "ROMA, 6 gennaio 2022 - Il Consiglio dei ministri ha approvato il decreto.",
        &["ROMA, 6 gennaio 2022 - Il Consiglio dei ministri ha approvato il decreto."],
    ),
    (
        "it/ellipsis-and-interrobang",
        "it",
        "Sono arrivati?! Nessuno lo sa… Forse domani... o forse mai.",
        &[
            "Sono arrivati?!",
            "Nessuno lo sa…",
            "Forse domani... o forse mai.",
        ],
    ),
    (
        "it/ecc",
        "it",
        "Pane, acqua, coperte ecc. Poi sono partiti.",
        &["Pane, acqua, coperte ecc.", "Poi sono partiti."],
    ),
    (
        "it/line-breaks",
        "it",
        "Il bilancio è salito\na venti morti\nIl governo tace",
        &["Il bilancio è salito\na venti morti", "Il governo tace"],
    ),
    (
        "it/bullets",
        "it",
        "Le richieste:\n- prezzi più bassi\n- nuove elezioni\n• libertà di stampa",
        &[
            "Le richieste:",
            "- prezzi più bassi",
            "- nuove elezioni",
            "• libertà di stampa",
        ],
    ),
    (
        "it/list-numbers",
        "it",
        "1. Il primo punto.\n2. Il secondo punto.",
        &["1. Il primo punto.", "2. Il secondo punto."],
    ),
    (
        "it/s.p.a.",
        "it",
        "La Rossi S.p.A. ha chiuso. Gli operai protestano.",
        &["La Rossi S.p.A. ha chiuso.", "Gli operai protestano."],
    ),
    // English
    (
        "en/titles",
        "en",
        "Dr. Jones met Mr. Smith and Gen. Lee. They talked for an hour.",
        &[
            "Dr. Jones met Mr. Smith and Gen. Lee.",
            "They talked for an hour.",
        ],
    ),
    (
        "en/initials",
        "en",
        "J. R. R. Tolkien wrote it. The book sold well.",
        &["J. R. R. Tolkien wrote it.", "The book sold well."],
    ),
    (
        "en/u.s.-inside",
        "en",
        "The U.S. Army sent 3,000 troops. Officials confirmed it.",
        &[
            "The U.S. Army sent 3,000 troops.",
            "Officials confirmed it.",
        ],
    ),
    (
        "en/u.s.-end",
        "en",
        "The troops returned to the U.S. The war was over.",
        &["The troops returned to the U.S.", "The war was over."],
    ),
    (
        "en/dateline",
        "en",
        "MOSCOW (Reuters) - Russia sent troops on Thursday. Kazakhstan welcomed them.",
        &[
            "MOSCOW (Reuters) - Russia sent troops on Thursday.",
            "Kazakhstan welcomed them.",
        ],
    ),
    (
        "en/quotes",
        "en",
        "\"We will not leave,\" a protester said. \"Never.\" Police moved in.",
        &[
            "\"We will not leave,\" a protester said.",
            "\"Never.\"",
            "Police moved in.",
        ],
    ),
    (
        "en/possessive-and-time",
        "en",
        "Putin's envoy arrived at 6 p.m. on Friday. It was cold.",
        &["Putin's envoy arrived at 6 p.m. on Friday.", "It was cold."],
    ),
    (
        "en/inc-ending",
        "en",
        "The deal was signed by Acme Inc. Shares rose 2.5%.",
        &["The deal was signed by Acme Inc.", "Shares rose 2.5%."],
    ),
    (
        "en/jan",
        "en",
        "ALMATY, Jan. 6 - Protesters stormed the building. Dozens died.",
        &[
            "ALMATY, Jan. 6 - Protesters stormed the building.",
            "Dozens died.",
        ],
    ),
    // Spanish
    (
        "es/abbreviations",
        "es",
        "El Sr. García y la Dra. López llegaron a EE.UU. ayer. No hubo heridos.",
        &[
            "El Sr. García y la Dra. López llegaron a EE.UU. ayer.",
            "No hubo heridos.",
        ],
    ),
    (
        "es/inverted",
        "es",
        "¿Quién disparó? ¡Nadie lo sabe! El juez investiga.",
        &["¿Quién disparó?", "¡Nadie lo sabe!", "El juez investiga."],
    ),
    (
        "es/decimal",
        "es",
        "La inflación subió un 1,5 %. Según el banco, bajará.",
        &["La inflación subió un 1,5 %.", "Según el banco, bajará."],
    ),
    (
        "es/quotes",
        "es",
        "«Estamos a salvo», dijo el alcalde. «No hay heridos.» Luego se fue.",
        &[
            "«Estamos a salvo», dijo el alcalde.",
            "«No hay heridos.»",
            "Luego se fue.",
        ],
    ),
    // French
    (
        "fr/monsieur",
        "fr",
        "M. Macron a reçu Mme Dupont. Ils ont parlé de l’Ukraine.",
        &[
            "M. Macron a reçu Mme Dupont.",
            "Ils ont parlé de l’Ukraine.",
        ],
    ),
    (
        "fr/spaced-guillemets",
        "fr",
        "Il a déclaré : « Nous resterons ici. » Puis il est parti.",
        &[
            "Il a déclaré : « Nous resterons ici. »",
            "Puis il est parti.",
        ],
    ),
    (
        "fr/guillemets-attribution",
        "fr",
        "« Personne ne sortira », a affirmé le préfet. La ville est calme.",
        &[
            "« Personne ne sortira », a affirmé le préfet.",
            "La ville est calme.",
        ],
    ),
    (
        "fr/opening-guillemet-after-period",
        "fr",
        "Le préfet est arrivé. « Restez chez vous », a-t-il dit.",
        &["Le préfet est arrivé.", "« Restez chez vous », a-t-il dit."],
    ),
    (
        "fr/dialogue",
        "fr",
        "— Vous restez ? — Non, je pars.",
        &["— Vous restez ?", "— Non, je pars."],
    ),
    // German
    (
        "de/ordinal-date",
        "de",
        "Am 6. Januar wurden 18 Polizisten getötet. Die Lage ist ruhig.",
        &[
            "Am 6. Januar wurden 18 Polizisten getötet.",
            "Die Lage ist ruhig.",
        ],
    ),
    (
        "de/ordinal-noun",
        "de",
        "Es ist der 2. Einsatz in diesem Jahr. Er dauerte drei Tage.",
        &[
            "Es ist der 2. Einsatz in diesem Jahr.",
            "Er dauerte drei Tage.",
        ],
    ),
    (
        "de/number-at-end",
        "de",
        "Die Zahl der Toten stieg auf 18. Die Polizei ermittelt.",
        &["Die Zahl der Toten stieg auf 18.", "Die Polizei ermittelt."],
    ),
    (
        "de/abbreviations",
        "de",
        "Laut Dr. Meier kamen u.a. Soldaten, z.B. aus Russland, ins Land. Nr. 5 fehlt.",
        &[
            "Laut Dr. Meier kamen u.a. Soldaten, z.B. aus Russland, ins Land.",
            "Nr. 5 fehlt.",
        ],
    ),
    (
        "de/quotes",
        "de",
        "„Wir bleiben hier.“ Dann gingen sie. »Nie wieder.« Das sagte er.",
        &[
            "„Wir bleiben hier.“",
            "Dann gingen sie.",
            "»Nie wieder.«",
            "Das sagte er.",
        ],
    ),
    (
        "de/quote-attribution",
        "de",
        "„Es gibt keine Verletzten“, sagte ein Sprecher. Die Straße bleibt gesperrt.",
        &[
            "„Es gibt keine Verletzten“, sagte ein Sprecher.",
            "Die Straße bleibt gesperrt.",
        ],
    ),
    (
        "de/usw",
        "de",
        "Brot, Wasser usw. Alles fehlte.",
        &["Brot, Wasser usw.", "Alles fehlte."],
    ),
    // Russian
    (
        "ru/initials",
        "ru",
        "В. В. Путин провёл совещание. Оно длилось час.",
        &["В. В. Путин провёл совещание.", "Оно длилось час."],
    ),
    (
        "ru/year-abbreviation",
        "ru",
        "В 2022 г. в Казахстане начались протесты. Они быстро распространились.",
        &[
            "В 2022 г. в Казахстане начались протесты.",
            "Они быстро распространились.",
        ],
    ),
    (
        "ru/year-then-starter",
        "ru",
        "Это случилось в 2022 г. Он был в Москве.",
        &["Это случилось в 2022 г.", "Он был в Москве."],
    ),
    (
        "ru/quotes-and-dash",
        "ru",
        "«Ситуация под контролем», — заявил министр. — Мы справимся.",
        &[
            "«Ситуация под контролем», — заявил министр.",
            "— Мы справимся.",
        ],
    ),
    (
        "ru/etc",
        "ru",
        "Пострадали дома, школы и т.д. Власти обещают помощь.",
        &["Пострадали дома, школы и т.д.", "Власти обещают помощь."],
    ),
    (
        "ru/decimal",
        "ru",
        "Цены выросли на 1,5 %. Курс упал до 2.3.",
        &["Цены выросли на 1,5 %.", "Курс упал до 2.3."],
    ),
];

#[test]
fn sentence_tables() {
    let langs = Languages::builtin().unwrap();
    let mut failures = Vec::new();
    for (name, code, text, expected) in CASES {
        let rules = &langs.get(code).unwrap().segment_rules;
        let seg = segment(text, rules);
        let got: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect();
        if got != *expected {
            failures.push(format!(
                "{name}:\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_shapes_tokenise_as_the_extractors_expect() {
    let langs = Languages::builtin().unwrap();
    let text = "Il presidente Kassym-Jomart Tokayev ha lanciato l’operazione dell’Organizzazione \
                (Csto) in diretta su Khabar-24: tra 10-20 feriti.";
    let seg = segment(text, &langs.get("it").unwrap().segment_rules);
    let words: Vec<(&str, TokenKind)> = seg
        .tokens
        .iter()
        .map(|t| (&text[t.span.clone()], t.kind))
        .collect();
    for expected in [
        ("Kassym-Jomart", TokenKind::Word),
        ("l’", TokenKind::Word),
        ("operazione", TokenKind::Word),
        ("dell’", TokenKind::Word),
        ("Csto", TokenKind::Word),
        ("Khabar-24", TokenKind::Word),
        ("10", TokenKind::Number),
        ("20", TokenKind::Number),
    ] {
        assert!(words.contains(&expected), "{expected:?} in {words:?}");
    }
    assert_eq!(seg.sentences.len(), 1);
}

#[test]
fn dateline_is_reported() {
    let langs = Languages::builtin().unwrap();
    let text = "ALMATY, 6 gen. – La polizia ha sparato sulla folla.";
    let seg = segment(text, &langs.get("it").unwrap().segment_rules);
    assert_eq!(seg.dateline.map(|r| &text[r]), Some("ALMATY, 6 gen."));
}

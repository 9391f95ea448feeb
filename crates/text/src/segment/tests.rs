use super::*;

fn it_rules() -> SegmentRules {
    let mut r = SegmentRules {
        elision: true,
        ..SegmentRules::default()
    };
    for a in ["sig.", "on.", "gen.", "u.s.", "s.p.a."] {
        r.add_abbreviation(a);
    }
    r.add_ending_abbreviation("ecc.");
    for w in ["il", "poi", "ma"] {
        r.add_sentence_starter(w);
    }
    r
}

fn sentences(text: &str, rules: &SegmentRules) -> Vec<String> {
    let seg = segment(text, rules);
    seg.sentences
        .iter()
        .map(|s| text[s.span.clone()].to_string())
        .collect()
}

fn tokens(text: &str, rules: &SegmentRules) -> Vec<String> {
    let seg = segment(text, rules);
    seg.tokens
        .iter()
        .map(|t| text[t.span.clone()].to_string())
        .collect()
}

#[test]
fn tokens_keep_numbers_words_and_elisions() {
    let t = tokens(
        "L’Organizzazione (Csto): 1.000 feriti, 2,5%; Khabar-24 10-20 1’000 1'000",
        &it_rules(),
    );
    assert_eq!(
        t,
        [
            "L’",
            "Organizzazione",
            "(",
            "Csto",
            ")",
            ":",
            "1.000",
            "feriti",
            ",",
            "2,5",
            "%",
            ";",
            "Khabar-24",
            "10",
            "-",
            "20",
            "1’000",
            "1'000"
        ]
    );
    let en = tokens(
        "Putin's thirty-six O'Brien students' 'rebels'",
        &SegmentRules::default(),
    );
    assert_eq!(
        en,
        [
            "Putin",
            "'s",
            "thirty-six",
            "O'Brien",
            "students",
            "'",
            "'",
            "rebels",
            "'"
        ]
    );
}

#[test]
fn common_letter_ranges_are_letters() {
    for u in 0x80..0x600u32 {
        let Some(c) = char::from_u32(u) else { continue };
        if tokens::is_common_letter(c) {
            assert!(c.is_alphabetic(), "U+{u:04X}");
        }
    }
    for u in 0x2000..=0x206Fu32 {
        let c = char::from_u32(u).unwrap();
        let word = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        assert_eq!(
            tokens::is_word_char(c),
            word || matches!(u, 0x200c | 0x200d),
            "U+{u:04X}"
        );
    }
}

#[test]
fn token_kinds() {
    let text = "Kassym-Jomart 1.5 ?! … ...";
    let seg = segment(text, &it_rules());
    let kinds: Vec<(&str, TokenKind)> = seg
        .tokens
        .iter()
        .map(|t| (&text[t.span.clone()], t.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Kassym-Jomart", TokenKind::Word),
            ("1.5", TokenKind::Number),
            ("?!", TokenKind::Punct),
            ("…", TokenKind::Punct),
            ("...", TokenKind::Punct),
        ]
    );
}

#[test]
fn digits_are_cut_the_same_way_as_before() {
    // The number extractor relies on these cuts.
    assert_eq!(
        tokens("6th 10km 1980s", &it_rules()),
        ["6", "th", "10", "km", "1980", "s"]
    );
    assert_eq!(
        tokens("1.000.000,50 3.", &it_rules()),
        ["1.000.000,50", "3", "."]
    );
    assert_eq!(tokens("A1-20 x-1", &it_rules()), ["A1", "-", "20", "x-1"]);
}

#[test]
fn sentences_survive_abbreviations_and_initials() {
    let s = sentences(
        "Il Sig. Rossi e l'On. Bianchi sono arrivati. J. R. Tolkien no. Gli U.S. sì.",
        &it_rules(),
    );
    assert_eq!(
        s,
        [
            "Il Sig. Rossi e l'On. Bianchi sono arrivati.",
            "J. R. Tolkien no.",
            "Gli U.S. sì."
        ]
    );
}

#[test]
fn ending_abbreviation_and_starters() {
    let s = sentences(
        "Pane, latte ecc. Poi è uscito. Mele ecc. e pere.",
        &it_rules(),
    );
    assert_eq!(
        s,
        ["Pane, latte ecc.", "Poi è uscito.", "Mele ecc. e pere."]
    );
    // A known starter after an abbreviation shows the end of a sentence.
    let s = sentences("È nato negli U.S. Il padre no.", &it_rules());
    assert_eq!(s, ["È nato negli U.S.", "Il padre no."]);
}

#[test]
fn title_and_closing_quotes() {
    let text = "Titolo senza punto\n\n“Sono arrivate.” Poi altro. Fine";
    let seg = segment(text, &it_rules());
    assert_eq!(seg.title, Some(0..18));
    assert_eq!(
        sentences(text, &it_rules()),
        [
            "Titolo senza punto",
            "“Sono arrivate.”",
            "Poi altro.",
            "Fine"
        ]
    );
}

#[test]
fn spaced_closing_quotes_only_where_the_language_says() {
    let mut fr = SegmentRules {
        elision: true,
        ..SegmentRules::default()
    };
    fr.add_spaced_closing_quote('»');
    let text = "Il a dit : « Nous sommes là. » Puis il est parti.";
    assert_eq!(
        sentences(text, &fr),
        ["Il a dit : « Nous sommes là. »", "Puis il est parti."]
    );
}

#[test]
fn dateline_is_found_and_kept_in_its_sentence() {
    let text = "ALMATY, 6 gen. – La polizia ha sparato. Poi la calma.";
    let seg = segment(text, &it_rules());
    assert_eq!(seg.dateline.map(|r| &text[r]), Some("ALMATY, 6 gen."));
    assert_eq!(
        sentences(text, &it_rules()),
        ["ALMATY, 6 gen. – La polizia ha sparato.", "Poi la calma."]
    );
    let text = "MOSCOW (Reuters) - Russia said on Friday it would act.";
    let seg = segment(text, &SegmentRules::default());
    assert_eq!(seg.dateline.map(|r| &text[r]), Some("MOSCOW (Reuters)"));
    let text = "Titolo\n\nRoma, 6 gennaio 2022 - Il governo ha deciso.";
    let seg = segment(text, &it_rules());
    assert_eq!(seg.dateline.map(|r| &text[r]), Some("Roma, 6 gennaio 2022"));
    let text = "La guerra - dice lui - è finita.";
    assert_eq!(segment(text, &it_rules()).dateline, None);
}

#[test]
fn malformed_text_does_not_panic() {
    let long = "parola ".repeat(200_000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "\u{0}\u{1}\u{7f}",
        "\u{fffd}\u{fffd}.",
        "\u{301}\u{301} a\u{301}",
        ".",
        "...",
        "\"",
        "«»",
        "- \n- \n",
        "1.",
        "’s",
        "a'",
        "'",
        "A.",
        "\u{2028}\u{2029}",
        long.as_str(),
    ];
    for text in inputs {
        let seg = segment(text, &it_rules());
        check_invariants(text, &seg);
        let seg = segment(text, &SegmentRules::default());
        check_invariants(text, &seg);
    }
}

/// Tokens and sentences are non-empty, on char boundaries, ordered, non-overlapping, and cover
/// every non-separator character; sentences cover every token.
pub(crate) fn check_invariants(text: &str, seg: &Segmentation) {
    let mut prev_end = 0;
    for t in &seg.tokens {
        assert!(t.span.start < t.span.end, "empty token {t:?} in {text:?}");
        assert!(t.span.start >= prev_end, "overlap at {t:?} in {text:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            text[prev_end..t.span.start].chars().all(is_separator),
            "uncovered {:?} in {text:?}",
            &text[prev_end..t.span.start]
        );
        prev_end = t.span.end;
    }
    assert!(
        text[prev_end..].chars().all(is_separator),
        "uncovered tail in {text:?}"
    );
    let mut next_token = 0;
    for s in &seg.sentences {
        assert!(!s.tokens.is_empty(), "empty sentence in {text:?}");
        assert_eq!(
            s.tokens.start, next_token,
            "sentences skip tokens in {text:?}"
        );
        assert_eq!(s.span.start, seg.tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, seg.tokens[s.tokens.end - 1].span.end);
        next_token = s.tokens.end;
    }
    assert_eq!(next_token, seg.tokens.len());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn segmentation_invariants(
            text in "[a-zA-ZàÈé\u{301}\u{0}\u{ad}\u{200b}ДдЖ01.,'’\"“”«»()?!…:;\\- \n\t\u{a0}]{0,80}"
        ) {
            check_invariants(&text, &segment(&text, &it_rules()));
            check_invariants(&text, &segment(&text, &SegmentRules::default()));
        }

        #[test]
        fn any_string_is_safe(text in "\\PC{0,60}") {
            check_invariants(&text, &segment(&text, &it_rules()));
        }
    }
}

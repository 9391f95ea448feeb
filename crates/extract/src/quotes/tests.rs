use super::*;
use cronaca_lang::Languages;
use cronaca_text::segment;
use std::sync::OnceLock;

fn langs() -> &'static Languages {
    static LANGS: OnceLock<Languages> = OnceLock::new();
    LANGS.get_or_init(|| Languages::builtin().unwrap())
}

/// (kind, content, speaker, cue, channel type and words, via) of every quote of `text`.
type Row<'t> = (
    QuoteKind,
    &'t str,
    &'t str,
    Option<&'t str>,
    Option<(ChannelType, &'t str)>,
    Option<&'t str>,
);

fn quotes_of<'t>(code: &str, text: &'t str) -> (Quotes, Vec<Row<'t>>) {
    let lang = langs().get(code).unwrap();
    let seg = segment(text, &lang.segment_rules);
    let found = find_quotes(text, &seg, lang, None);
    let rows = found
        .quotes
        .iter()
        .map(|q| {
            let s = &q.speaker;
            (
                q.kind,
                &text[q.content.clone()],
                &text[s.span.clone()],
                q.cue.clone().map(|c| &text[c]),
                s.channel.as_ref().map(|c| (c.kind, &text[c.span.clone()])),
                s.via.as_ref().map(|v| &text[v.span.clone()]),
            )
        })
        .collect();
    (found, rows)
}

#[test]
fn italian_quote_split_by_its_attribution_with_a_named_tv_channel() {
    let text = "«Gli assalitori sono stati respinti», ha dichiarato Azirbek alla televisione \
                Khabar-24, «e la città è tranquilla».";
    let (_, rows) = quotes_of("it", text);
    let tv = Some((ChannelType::Tv, "televisione Khabar-24"));
    assert_eq!(
        rows,
        [
            (
                QuoteKind::Direct,
                "Gli assalitori sono stati respinti",
                "Azirbek",
                Some("dichiarato"),
                tv,
                None
            ),
            (
                QuoteKind::Direct,
                "e la città è tranquilla",
                "Azirbek",
                Some("dichiarato"),
                tv,
                None
            ),
        ]
    );
}

#[test]
fn italian_indirect_and_mixed_speech_with_complementisers() {
    let (_, rows) = quotes_of(
        "it",
        "Il sindaco Mario Rossi ha detto che la piazza sarà riaperta domani. La Prefettura \
         ritiene che i disordini siano «in parte organizzati».",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[0].0, rows[0].1, rows[0].2),
        (
            QuoteKind::Indirect,
            "la piazza sarà riaperta domani",
            "Il sindaco Mario Rossi"
        )
    );
    assert_eq!(
        (rows[1].0, rows[1].1, rows[1].2),
        (
            QuoteKind::Mixed,
            "i disordini siano «in parte organizzati»",
            "Prefettura"
        )
    );
}

#[test]
fn italian_statement_released_by_a_spokeswoman_is_relayed() {
    let text = "“La missione durerà pochi giorni”, si legge in una nota dell’alleanza diffusa \
                su Telegram dalla portavoce del ministero, Maria Zakharova.";
    let (_, rows) = quotes_of("it", text);
    assert_eq!(
        rows,
        [(
            QuoteKind::Direct,
            "La missione durerà pochi giorni",
            "alleanza",
            Some("si legge"),
            Some((ChannelType::Telegram, "Telegram")),
            Some("Maria Zakharova"),
        )]
    );
}

#[test]
fn attribution_sentences_give_the_quote_after_them_and_the_figures_before_them() {
    let text = "Più di mille persone sono state ferite. Lo ha annunciato alla tv pubblica il \
                Ministero della Salute. “Circa 400 sono ricoverate”. Decine di morti ad Almaty. \
                Lo riferisce l’agenzia Tass.";
    let lang = langs().get("it").unwrap();
    let seg = segment(text, &lang.segment_rules);
    let (found, rows) = quotes_of("it", text);
    let short: Vec<_> = rows.iter().map(|r| (r.0, r.1, r.2, r.3, r.4)).collect();
    assert_eq!(
        short,
        [
            (
                QuoteKind::Direct,
                "Circa 400 sono ricoverate",
                "il Ministero della Salute",
                Some("annunciato"),
                Some((ChannelType::Tv, "tv pubblica")),
            ),
            // Not followed by a quotation, "Lo riferisce" reports the sentence before it.
            (
                QuoteKind::Indirect,
                "Decine di morti ad Almaty",
                "Tass",
                Some("riferisce"),
                Some((ChannelType::Agency, "agenzia Tass")),
            ),
        ]
    );
    let figure = text.find("mille").unwrap();
    let source = found.attribution_of(&seg, figure..figure + 5).unwrap();
    assert_eq!(&text[source.span], "il Ministero della Salute");
    let deaths = text.find("Decine").unwrap();
    let source = found.attribution_of(&seg, deaths..deaths + 6).unwrap();
    assert_eq!(&text[source.span.clone()], "Tass");
    let channel = source.channel.unwrap();
    assert_eq!(
        (channel.kind, &text[channel.span]),
        (ChannelType::Agency, "agenzia Tass")
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let (_, rows) = quotes_of(
        "it",
        "Le truppe sono arrivate per “stabilizzare” il Paese. Stasera va in onda “La storia \
         siamo noi”.",
    );
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_role_noun_points_back_at_the_last_speaker() {
    let (found, rows) = quotes_of(
        "it",
        "«La notte è stata difficile», ha dichiarato Azirbek. La portavoce ha inoltre esortato \
         i residenti a «restare a casa».",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[1].0, rows[1].1, rows[1].2),
        (QuoteKind::Mixed, "a «restare a casa»", "La portavoce")
    );
    assert_eq!(
        found.quotes[1].speaker.entity,
        found.quotes[0].speaker.entity
    );
}

#[test]
fn english_said_according_to_and_trailing_attribution() {
    let (_, rows) = quotes_of(
        "en",
        "“We will not back down,” the mayor said. According to the Kremlin, the troops will \
         leave on Friday. The army has withdrawn, Defense Minister John Smith told reporters.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(
        short,
        [
            (QuoteKind::Direct, "We will not back down,", "the mayor"),
            (
                QuoteKind::Indirect,
                "the troops will leave on Friday",
                "Kremlin"
            ),
            (
                QuoteKind::Indirect,
                "The army has withdrawn",
                "Defense Minister John Smith"
            ),
        ]
    );
}

#[test]
fn a_channel_noun_after_the_name_stays_with_the_source() {
    let (_, rows) = quotes_of(
        "en",
        "According to the Reuters news agency, at least 20 people were killed.",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].1, rows[0].2),
        ("at least 20 people were killed", "Reuters news agency")
    );
}

#[test]
fn spanish_french_and_german_sources_and_verbs() {
    let cases = [
        (
            "es",
            "Según la policía, los manifestantes quemaron dos coches.",
            "la policía",
            "los manifestantes quemaron dos coches",
        ),
        (
            "fr",
            "Selon le ministère, la situation est sous contrôle.",
            "le ministère",
            "la situation est sous contrôle",
        ),
        (
            "es",
            "Según el ministerio de Salud, los muertos son al menos 20.",
            "el ministerio de Salud",
            "los muertos son al menos 20",
        ),
        (
            "fr",
            "Selon le ministère de la Santé, au moins 20 personnes sont mortes.",
            "le ministère de la Santé",
            "au moins 20 personnes sont mortes",
        ),
        (
            "de",
            "Laut Polizei wurden zwei Menschen verletzt.",
            "Polizei",
            "wurden zwei Menschen verletzt",
        ),
        (
            "es",
            "El portavoz dijo que «la calma ha vuelto».",
            "El portavoz",
            "«la calma ha vuelto»",
        ),
        (
            "fr",
            "Le porte-parole a déclaré qu'il n'y avait pas de victimes.",
            "Le porte-parole",
            "il n'y avait pas de victimes",
        ),
        (
            "de",
            "Ein Sprecher sagte, dass die Lage ruhig sei.",
            "Ein Sprecher",
            "die Lage ruhig sei",
        ),
    ];
    for (code, text, speaker, content) in cases {
        let (_, rows) = quotes_of(code, text);
        assert_eq!(rows.len(), 1, "{code}: {text}: {rows:?}");
        assert_eq!((rows[0].2, rows[0].1), (speaker, content), "{code}: {text}");
    }
}

#[test]
fn dialogue_dashes_are_direct_speech() {
    let (_, rows) = quotes_of("es", "—No vamos a rendirnos —dijo el alcalde.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].0, rows[0].1, rows[0].2),
        (QuoteKind::Direct, "No vamos a rendirnos", "el alcalde")
    );
}

#[test]
fn a_medium_after_a_clitic_report_is_the_source_and_a_title_stays_in_the_name() {
    let text = "Circa 300 persone sono state fermate. Lo ha riferito la tv di Stato. \
                Secondo il Sig. Marco Neri la situazione è sotto controllo.";
    let (_, rows) = quotes_of("it", text);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].1, "Circa 300 persone sono state fermate");
    assert_eq!(rows[0].2, "tv di Stato", "not the clitic 'Lo ha'");
    assert_eq!(rows[0].4, Some((ChannelType::Tv, "tv di Stato")));
    assert_eq!(rows[1].1, "la situazione è sotto controllo");
    assert!(rows[1].2.ends_with("Sig. Marco Neri"), "{:?}", rows[1].2);
}

#[test]
fn a_count_after_the_verb_is_what_was_said_not_an_adjunct() {
    let (_, rows) = quotes_of("en", "Jane Moss said about 40 homes were destroyed.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].1, rows[0].2),
        ("about 40 homes were destroyed", "Jane Moss")
    );
    let (_, rows) = quotes_of(
        "en",
        "Jane Moss said on Tuesday that the roads were closed.",
    );
    assert_eq!(rows[0].1, "the roads were closed");
}

#[test]
fn a_qualified_count_is_no_adjunct_before_or_after_the_verb() {
    // "at least" + a number word after the verb, and opening the clause before a trailing
    // attribution.
    let (_, rows) = quotes_of(
        "en",
        "A reporter in the town said at least six people have been confirmed dead.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(
        short,
        [(
            "at least six people have been confirmed dead",
            "A reporter in the town"
        )]
    );
    let (_, rows) = quotes_of("en", "At least 24 people were killed, the governor said.");
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("At least 24 people were killed", "the governor")]);
    // A count opening the sentence is no "As X explained, …" attribution.
    let (_, rows) = quotes_of(
        "en",
        "At least seven people were reported to have been killed, and eleven wounded in \
         Mogadishu, witnesses said.",
    );
    let short: Vec<_> = rows.iter().map(|r| r.2).collect();
    assert_eq!(short, ["witnesses"], "{rows:?}");
    // A preposition before a date stays an adjunct.
    let (_, rows) = quotes_of("en", "In the capital, the governor said.");
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_long_name_between_the_comma_and_a_trailing_verb_is_the_speaker() {
    let (_, rows) = quotes_of(
        "en",
        "Clashes left five government forces killed, the UK-based Syrian Observatory for \
         Human Rights (SOHR) said.",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1, "Clashes left five government forces killed");
    assert!(rows[0].2.contains("Syrian Observatory"), "{:?}", rows[0].2);
    // A relative clause between the commas is no name: the clause is not reported.
    let (_, rows) = quotes_of(
        "en",
        "The talks failed, the envoy who met them in Geneva on Monday said.",
    );
    assert!(rows.iter().all(|r| r.1 != "The talks failed"), "{rows:?}");
}

#[test]
fn a_reported_clause_runs_on_over_a_participle_after_a_comma() {
    let (_, rows) = quotes_of(
        "en",
        "Pakistan's military says suicide bombers blew themselves up in Quetta, killing five \
         police and wounding eight troops.",
    );
    assert_eq!(
        rows[0].1,
        "suicide bombers blew themselves up in Quetta, killing five police and wounding eight \
         troops"
    );
    // A speech verb after the comma reports more: the first clause stops before it.
    let (_, rows) = quotes_of(
        "en",
        "He said the plan was good, adding that it would pass.",
    );
    let short: Vec<_> = rows.iter().map(|r| r.1).collect();
    assert_eq!(short, ["the plan was good", "it would pass"]);
    let (_, rows) = quotes_of(
        "it",
        "Il ministro ha confermato l'attacco alla base, uccidendo tre soldati.",
    );
    assert_eq!(rows[0].1, "l'attacco alla base, uccidendo tre soldati");
}

#[test]
fn italian_reporting_verbs_take_a_count_as_their_object() {
    let (_, rows) = quotes_of("it", "L'agenzia ANSA riportava 3 morti.");
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(short, [("3 morti", "ANSA", Some("riportava"))]);
    let (_, rows) = quotes_of("it", "Le prime agenzie parlavano di due morti accertati.");
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.3)).collect();
    assert_eq!(short, [("due morti accertati", Some("parlavano di"))]);
    // A clause link ends the first report; a medium right before the verb is its speaker.
    let (_, rows) = quotes_of(
        "it",
        "La polizia ha parlato di venti morti mentre l'agenzia irachena Nina parla di soli \
         due morti.",
    );
    let short: Vec<_> = rows.iter().map(|r| r.1).collect();
    assert_eq!(short, ["di venti morti", "soli due morti"]);
    let (_, rows) = quotes_of(
        "it",
        "Lo ha reso noto la polizia mentre l'agenzia irachena Nina parla di soli due morti.",
    );
    assert!(
        rows.iter()
            .any(|r| (r.1, r.2) == ("soli due morti", "Nina")),
        "{rows:?}"
    );
    // An agent is no speaker: "a memo obtained by Reuters said".
    let (_, rows) = quotes_of(
        "en",
        "A memo obtained by Reuters said the files were stolen.",
    );
    assert_eq!(rows[0].2, "A memo", "{rows:?}");
    // "riporta ferite": suffering injuries reports nothing.
    let (_, rows) = quotes_of("it", "Il ragazzo riporta ferite gravi alla testa.");
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_verb_after_a_comma_or_and_shares_the_subject_of_the_quote_before() {
    let (_, rows) = quotes_of(
        "en",
        "Governor Ann Miller criticized the new budget for the schools in the northern \
         counties, saying that teachers deserve better. Senator Tom Reed said the tariff would \
         hurt farmers, and called it “a costly mistake.”",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert!(
        short.contains(&("teachers deserve better", "Governor Ann Miller")),
        "{short:?}"
    );
    assert!(
        short
            .iter()
            .any(|&(c, s)| c.contains("a costly mistake") && s == "Senator Tom Reed"),
        "{short:?}"
    );
}

#[test]
fn an_open_attitude_noun_without_a_possessive_still_gives_its_content() {
    let (_, rows) = quotes_of(
        "en",
        "The floods raised new questions about the dam. Farmers have deep doubts about the \
         repair plan. His criticism of the mayor was harsh.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            ("the dam", "new questions", Some("questions about")),
            ("the repair plan", "Farmers", Some("doubts about")),
            ("the mayor was harsh", "His", Some("criticism of")),
        ]
    );
}

#[test]
fn an_attitude_verb_in_the_passive_gives_its_clause_with_the_agent_or_no_source() {
    let text = "The new bridge was widely seen as a waste of money, and the toll was criticized \
                as unfair by Mayor Lisa Grant.";
    let (found, rows) = quotes_of("en", text);
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            (
                "The new bridge was widely seen as a waste of money",
                "",
                Some("seen as")
            ),
            (
                "the toll was criticized as unfair",
                "Mayor Lisa Grant",
                Some("criticized as")
            ),
        ]
    );
    // An unnamed source is no one's attribution.
    assert!(found.quotes[0].speaker.span.is_empty());
    let seg = segment(text, &langs().get("en").unwrap().segment_rules);
    assert!(found.attribution_of(&seg, 4..14).is_none());
}

#[test]
fn attitude_idioms_and_light_verbs_take_their_object() {
    let (_, rows) = quotes_of(
        "en",
        "The senator poked fun at the new tax code. Critics cast doubt on the survey results. \
         Some parents wonder about the new timetable.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            ("the new tax code", "The senator", Some("poked fun at")),
            ("the survey results", "Critics", Some("cast doubt on")),
            ("the new timetable", "Some parents", Some("wonder about")),
        ]
    );
}

#[test]
fn a_contracted_pronoun_is_a_speaker() {
    // "they’re" also written in lower case: a pronoun, not a name.
    let (_, rows) = quotes_of(
        "en",
        "Many farmers say they’re tired. They’re supportive of the new water law.",
    );
    assert!(
        rows.iter()
            .any(|r| r.1 == "the new water law" && r.2 == "They’re"),
        "{rows:?}"
    );
}

#[test]
fn a_name_after_a_conjunction_is_a_subject_not_a_complement() {
    let (_, rows) = quotes_of(
        "en",
        "There have been sharp exchanges, such as when Senator Ann Miller criticized the \
         budget and called it “a disgrace.”",
    );
    assert!(
        rows.iter()
            .all(|r| r.2 == "Senator Ann Miller" || r.2 == "Ann Miller"),
        "{rows:?}"
    );
    assert!(!rows.is_empty());
}

#[test]
fn a_participle_opening_the_sentence_takes_the_subject_after_its_comma() {
    let (_, rows) = quotes_of(
        "en",
        "Citing the storm damage, Mayor Ann Lee asked for federal help.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            ("the storm damage", "Mayor Ann Lee", Some("Citing")),
            ("federal help", "Mayor Ann Lee", Some("asked for")),
        ]
    );
}

#[test]
fn a_lower_case_people_noun_right_before_the_verb_is_its_subject() {
    // "organizers" is a role noun of speakers.tsv: the subject, not the place before its comma.
    let (_, rows) = quotes_of("en", "In Denver, organizers said the route would change.");
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("the route would change", "organizers")]);
    // A role noun after an adjective is still the subject of the verb right after it.
    let (_, rows) = quotes_of(
        "en",
        "Local farmers and rural residents raised concern that the dam would flood their land.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("the dam would flood their land", "residents")]);
}

#[test]
fn a_role_noun_after_a_capitalised_modifier_in_a_complement_is_no_subject() {
    let (_, rows) = quotes_of(
        "en",
        "Ann Miller ran on a platform of cutting taxes, making deals that serve the interests \
         of American workers, and rejecting new tariffs.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("new tariffs", "Ann Miller")]);
}

#[test]
fn a_subject_after_before_or_after_opens_its_clause() {
    // "before" opens a clause: "organizers" is its subject, not a complement losing to the
    // name before the comma.
    let (_, rows) = quotes_of(
        "en",
        "Fifth Avenue was closed for the parade, but not before organizers paid tribute to \
         the victims.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("the victims", "organizers")]);
}

#[test]
fn a_group_after_a_quotation_is_its_speaker() {
    let (_, rows) = quotes_of(
        "en",
        "The march was cancelled by Mayor Ann Lee. \"We will march again,\" the group said in a \
         statement.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(short, [("We will march again,", "the group")]);
}

#[test]
fn a_clause_opened_by_a_conjunction_before_the_attribution_is_reported() {
    let (_, rows) = quotes_of("en", "But the bridge was safe to use, she said.");
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [("But the bridge was safe to use", "she", Some("said"))]
    );
}

#[test]
fn a_speech_verb_after_a_comma_with_only_its_speaker_after_it_reports_the_clause_before() {
    let (_, rows) = quotes_of(
        "en",
        "A leaner Ann Miller may not be a bad thing, say some Democrats.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(
        short,
        [("A leaner Ann Miller may not be a bad thing", "Democrats")]
    );
}

#[test]
fn an_adverb_between_commas_leaves_the_quotation_to_the_verb() {
    let (_, rows) = quotes_of(
        "en",
        "Ann Miller acknowledged, however, “We have more work to do.”",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(
        short,
        [(QuoteKind::Direct, "We have more work to do.", "Ann Miller")]
    );
}

#[test]
fn a_quotation_before_a_long_subject_is_the_verb_s() {
    let (_, rows) = quotes_of(
        "en",
        "“We will win the state,” Clinton campaign manager Robby Mook wrote.",
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].0, rows[0].1, rows[0].3),
        (QuoteKind::Direct, "We will win the state,", Some("wrote"))
    );
    assert!(rows[0].2.ends_with("Robby Mook"), "{rows:?}");
}

#[test]
fn verbs_of_intention_and_reference_and_documents_that_read() {
    let (_, rows) = quotes_of(
        "en",
        "Unions have been plotting to repeal the tax for years. “We will win every state,” read \
         the email from the campaign. Her decision to close the border angered voters.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            ("repeal the tax for years", "Unions", Some("plotting to")),
            ("We will win every state,", "the email", Some("read")),
            (
                "close the border angered voters",
                "Her",
                Some("decision to")
            ),
        ]
    );
}

#[test]
fn an_object_ends_before_a_coordinated_speech_verb() {
    let (_, rows) = quotes_of(
        "en",
        "The candidate referred to the plan as a disaster and criticized its author.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        short,
        [
            (
                "the plan as a disaster",
                "The candidate",
                Some("referred to")
            ),
            ("its author", "The candidate", Some("criticized")),
        ]
    );
}

#[test]
fn present_and_participle_forms_of_attitude_verbs_are_cues() {
    let (_, rows) = quotes_of(
        "en",
        "Some farmers express doubts about the new dam. The mayor signs up to lead the committee. \
         With polls showing the council ahead, the governor backs the plan.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    for want in [
        ("doubts about the new dam", "Some farmers", Some("express")),
        ("lead the committee", "The mayor", Some("signs up to")),
        ("the plan", "the governor", Some("backs")),
    ] {
        assert!(short.contains(&want), "{want:?} not in {short:?}");
    }
    assert!(
        short
            .iter()
            .any(|r| r.1 == "polls" && r.2 == Some("showing")),
        "{short:?}"
    );
}

#[test]
fn consensus_and_buying_into_are_attitudes() {
    let (_, rows) = quotes_of(
        "en",
        "There is no consensus on whether the old dam is safe. \
         Many voters never bought into the promise of lower taxes.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert!(
        short
            .iter()
            .any(|r| r.0.contains("whether the old dam is safe") && r.2 == Some("consensus on")),
        "{short:?}"
    );
    assert!(
        short.contains(&(
            "the promise of lower taxes",
            "Many voters",
            Some("bought into")
        )),
        "{short:?}"
    );
}

#[test]
fn feel_reports_only_a_clause_after_that() {
    // "feel" takes objects that hold no attitude ("feel this way", "feel the pressure"), like
    // "felt" it cues only a "that" clause or a quotation.
    let (_, rows) = quotes_of(
        "en",
        "Many farmers feel the pressure of the drought. Officials feel that the dam is unsafe.",
    );
    let short: Vec<_> = rows.iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(short, [("the dam is unsafe", "Officials", Some("feel"))]);
}

use crate::{Extractor, Layers};
use cronaca_lang::Languages;
use cronaca_model::{Document, Figure, FigureCategory as C, Group, Qualifier as Q};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Languages::builtin().unwrap()))
}

fn figures(lang: &str, text: &str) -> Vec<Figure> {
    let doc = Document {
        text: text.into(),
        language: Some(lang.into()),
        ..Default::default()
    };
    extractor()
        .analyse(&doc)
        .to_record(Layers::all())
        .figures
        .unwrap()
}

/// (category, number as written, stated, qualifier, low, high)
type Expected<'a> = (C, &'a str, Option<f64>, Q, Option<f64>, Option<f64>);

#[track_caller]
fn check(lang: &str, text: &str, expected: &[Expected]) {
    let found = figures(lang, text);
    let got: Vec<Expected> = found
        .iter()
        .map(|f| {
            (
                f.category,
                f.number.text.as_str(),
                f.stated,
                f.qualifier,
                f.low,
                f.high,
            )
        })
        .collect();
    assert_eq!(got, expected, "{lang}: {text}");
    for f in &found {
        assert!(f.span.start <= f.number.start && f.number.end <= f.span.end);
        assert!(!f.rule.is_empty() && f.confidence > 0.0 && f.confidence <= 1.0);
    }
}

const N: Option<f64> = None;

fn exact(c: C, number: &str, n: f64) -> Expected<'_> {
    (c, number, Some(n), Q::Exact, Some(n), Some(n))
}

#[test]
fn italian_qualifiers() {
    check(
        "it",
        "Più di mille persone sono state ferite. “Circa 400 sono state ospedalizzate e 62 sono \
         in terapia intensiva”.",
        &[
            (
                C::Injured,
                "Più di mille",
                Some(1000.0),
                Q::MoreThan,
                Some(1001.0),
                N,
            ),
            (C::Hospitalized, "Circa 400", Some(400.0), Q::Approx, N, N),
            exact(C::Critical, "62", 62.0),
        ],
    );
    check(
        "it",
        "Almeno 5 poliziotti sono stati uccisi, fino a 30 manifestanti arrestati e meno di 10 \
         civili feriti.",
        &[
            (C::Killed, "Almeno 5", Some(5.0), Q::AtLeast, Some(5.0), N),
            (
                C::Arrested,
                "fino a 30",
                Some(30.0),
                Q::AtMost,
                N,
                Some(30.0),
            ),
            (
                C::Injured,
                "meno di 10",
                Some(10.0),
                Q::LessThan,
                N,
                Some(9.0),
            ),
        ],
    );
    check(
        "it",
        "Tra 10 e 20 morti nel crollo. Si contano decine di morti e centinaia di feriti. Una \
         decina di persone sono rimaste ferite.",
        &[
            (
                C::Killed,
                "Tra 10 e 20",
                N,
                Q::Range,
                Some(10.0),
                Some(20.0),
            ),
            (C::Killed, "decine", N, Q::Vague, Some(20.0), Some(99.0)),
            (
                C::Injured,
                "centinaia",
                N,
                Q::Vague,
                Some(200.0),
                Some(999.0),
            ),
            (C::Injured, "Una decina", Some(10.0), Q::Approx, N, N),
        ],
    );
    check(
        "it",
        "I morti sono 12. Uccise sei persone, 4 adulti e 2 bambini.",
        &[
            exact(C::Killed, "12", 12.0),
            exact(C::Killed, "sei", 6.0),
            exact(C::Killed, "4", 4.0),
            exact(C::Killed, "2", 2.0),
        ],
    );
}

#[test]
fn italian_group_who_negation_hypothesis_and_repeats() {
    let found = figures(
        "it",
        "Le decine di assalitori sono stati eliminati. Nessun morto tra i civili. Potrebbero \
         essere centinaia le vittime. I 62 feriti sono stabili; i 62 feriti sono a Roma.",
    );
    let f = &found[0];
    assert_eq!(f.who.as_ref().unwrap().text, "assalitori");
    assert_eq!(f.group, Some(Group::Attackers));
    assert!(!f.negated && !f.hypothetical);
    let f = &found[1];
    assert_eq!((f.category, f.number.text.as_str()), (C::Killed, "Nessun"));
    assert_eq!((f.stated, f.negated), (Some(0.0), true));
    let f = &found[2];
    assert_eq!((f.category, f.qualifier), (C::Killed, Q::Vague));
    assert!(f.hypothetical && !f.negated && f.confidence < 0.6);
    // The 62 wounded are one figure: the first mention.
    assert_eq!(found.len(), 4, "{found:#?}");
    assert_eq!(found[3].span.text, "62 feriti");
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["f1", "f2", "f3", "f4"]);
}

#[test]
fn italian_distractors_are_not_figures() {
    check(
        "it",
        "Il 3 gennaio 2022 alle 14.30 sono morte 5 persone.",
        &[exact(C::Killed, "5", 5.0)],
    );
    for text in [
        "Un uomo di 45 anni è stato ferito.",
        "Un risarcimento di 500 euro a ciascuno dei feriti.",
        "Il 20% dei feriti è grave.",
        "Per notizie sui dispersi chiamare lo 06 1234567.",
        "È il terzo morto della settimana.",
        "La partita è finita 3-1 e i tifosi arrestati sono stati rilasciati.",
    ] {
        check("it", text, &[]);
    }
}

#[test]
fn english_qualifiers() {
    check(
        "en",
        "More than 1,000 people were injured. About 400 were hospitalized and 62 are in \
         intensive care.",
        &[
            (
                C::Injured,
                "More than 1,000",
                Some(1000.0),
                Q::MoreThan,
                Some(1001.0),
                N,
            ),
            (C::Hospitalized, "About 400", Some(400.0), Q::Approx, N, N),
            exact(C::Critical, "62", 62.0),
        ],
    );
    check(
        "en",
        "At least five soldiers were killed, up to 30 protesters were arrested and fewer than \
         10 civilians were wounded.",
        &[
            (
                C::Killed,
                "At least five",
                Some(5.0),
                Q::AtLeast,
                Some(5.0),
                N,
            ),
            (
                C::Arrested,
                "up to 30",
                Some(30.0),
                Q::AtMost,
                N,
                Some(30.0),
            ),
            (
                C::Injured,
                "fewer than 10",
                Some(10.0),
                Q::LessThan,
                N,
                Some(9.0),
            ),
        ],
    );
    check(
        "en",
        "Between 10 and 20 people died. Hundreds were injured and a dozen people were detained.",
        &[
            (
                C::Killed,
                "Between 10 and 20",
                N,
                Q::Range,
                Some(10.0),
                Some(20.0),
            ),
            (
                C::Injured,
                "Hundreds",
                N,
                Q::Vague,
                Some(200.0),
                Some(999.0),
            ),
            (C::Arrested, "a dozen", Some(12.0), Q::Approx, N, N),
        ],
    );
    check(
        "en",
        "A grenade attack killed ten people and wounded 48 others.",
        &[exact(C::Killed, "ten", 10.0), exact(C::Injured, "48", 48.0)],
    );
}

#[test]
fn subsets_read_on_their_own_and_inside_the_predicate() {
    check(
        "en",
        "At least five people, including two elders, were killed.",
        &[
            (
                C::Killed,
                "At least five",
                Some(5.0),
                Q::AtLeast,
                Some(5.0),
                N,
            ),
            exact(C::Killed, "two", 2.0),
        ],
    );
    check(
        "it",
        "I feriti sono almeno 50, di cui 11 gravi. Sono morte 53 persone, di cui 44 bambini.",
        &[
            (
                C::Injured,
                "almeno 50",
                Some(50.0),
                Q::AtLeast,
                Some(50.0),
                N,
            ),
            exact(C::Critical, "11", 11.0),
            exact(C::Killed, "53", 53.0),
            exact(C::Killed, "44", 44.0),
        ],
    );
}

#[test]
fn things_destroyed_are_other() {
    check(
        "en",
        "About 40 homes were destroyed.",
        &[(C::Other, "About 40", Some(40.0), Q::Approx, N, N)],
    );
    check(
        "it",
        "Tra 10 e 20 negozi sono stati saccheggiati.",
        &[(C::Other, "Tra 10 e 20", N, Q::Range, Some(10.0), Some(20.0))],
    );
    // Things are not people: no casualty word applies to them.
    check("en", "Two grenades were thrown and killed nobody.", &[]);
}

#[test]
fn english_counts_before_names_and_possessives() {
    // "two Fifth Corps members": a count, not 2/5; "People's" inside a complement.
    check(
        "en",
        "Clashes left two Fifth Corps members and five government forces killed. Two civilians \
         and two fighters of the People's Protection Units (YPG) were hospitalized.",
        &[
            exact(C::Killed, "two", 2.0),
            exact(C::Killed, "five", 5.0),
            exact(C::Hospitalized, "Two", 2.0),
            exact(C::Hospitalized, "two", 2.0),
        ],
    );
}

#[test]
fn a_function_word_after_the_count_opens_no_noun_phrase() {
    // "tre mentre", "12 secondo" (according to, not 12 seconds), "12 according to".
    check(
        "it",
        "Un testimone afferma che le vittime sono tre mentre la rivista parla di sette. I \
         feriti sono 12 secondo la polizia.",
        &[exact(C::Killed, "tre", 3.0), exact(C::Injured, "12", 12.0)],
    );
    check(
        "en",
        "Those killed were 12 according to police.",
        &[exact(C::Killed, "12", 12.0)],
    );
    // A count with no casualty word before it stays no figure: "06 5550123 for news of".
    check("en", "Call 06 5550123 for news of the missing.", &[]);
}

#[test]
fn toll_verbs_and_a_qualifier_before_altre() {
    check(
        "en",
        "The death toll has risen to 24. The death toll reached 30 on Monday.",
        &[exact(C::Killed, "24", 24.0), exact(C::Killed, "30", 30.0)],
    );
    // The casualty word with a complement of its own before the toll verb.
    check(
        "it",
        "Il bilancio dei morti dell'attentato è salito a 24.",
        &[exact(C::Killed, "24", 24.0)],
    );
    check(
        "en",
        "The death toll of the attack has risen to 24.",
        &[exact(C::Killed, "24", 24.0)],
    );
    check(
        "it",
        "Sono rimaste uccise 20 persone e ferite almeno altre 18.",
        &[
            exact(C::Killed, "20", 20.0),
            (
                C::Injured,
                "almeno altre 18",
                Some(18.0),
                Q::AtLeast,
                Some(18.0),
                N,
            ),
        ],
    );
}

#[test]
fn english_negation_hypothesis_and_distractors() {
    let found = figures(
        "en",
        "No casualties were reported. Hundreds may have been killed.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].category, found[0].negated), (C::Affected, true));
    assert_eq!(found[0].stated, Some(0.0));
    assert!(found[1].hypothetical && found[1].category == C::Killed);
    check(
        "en",
        "On 3 January 2022, 5 people were killed.",
        &[exact(C::Killed, "5", 5.0)],
    );
    for text in [
        "A 45-year-old man was wounded.",
        "The government paid $500 to the injured.",
        "20% of the wounded are children.",
        "Call 06 5550123 for news of the missing.",
        "He was the third person killed this week.",
        "The match ended 3-1 and the fans arrested were released.",
    ] {
        check("en", text, &[]);
    }
}

#[test]
fn spanish_figures() {
    check(
        "es",
        "Más de 1.000 personas resultaron heridas. Unos 400 fueron hospitalizados. Al menos 5 \
         policías murieron.",
        &[
            (
                C::Injured,
                "Más de 1.000",
                Some(1000.0),
                Q::MoreThan,
                Some(1001.0),
                N,
            ),
            (C::Hospitalized, "Unos 400", Some(400.0), Q::Approx, N, N),
            (C::Killed, "Al menos 5", Some(5.0), Q::AtLeast, Some(5.0), N),
        ],
    );
    check(
        "es",
        "Hasta 30 manifestantes fueron detenidos, menos de 10 civiles heridos y entre 10 y 20 \
         muertos. Decenas de heridos.",
        &[
            (
                C::Arrested,
                "Hasta 30",
                Some(30.0),
                Q::AtMost,
                N,
                Some(30.0),
            ),
            (
                C::Injured,
                "menos de 10",
                Some(10.0),
                Q::LessThan,
                N,
                Some(9.0),
            ),
            (
                C::Killed,
                "entre 10 y 20",
                N,
                Q::Range,
                Some(10.0),
                Some(20.0),
            ),
            (C::Injured, "Decenas", N, Q::Vague, Some(20.0), Some(99.0)),
        ],
    );
    let found = figures("es", "Ningún muerto en el accidente.");
    assert_eq!((found.len(), found[0].negated), (1, true));
    check(
        "es",
        "El 3 de enero de 2022 murieron 5 personas.",
        &[exact(C::Killed, "5", 5.0)],
    );
    for text in [
        "Un hombre de 45 años resultó herido.",
        "Pagaron 500 euros a los heridos.",
        "El 20% de los heridos son niños.",
        "Llame al 06 1234567 por los desaparecidos.",
        "Es el tercer muerto de la semana.",
        "El partido terminó 3-1 y los hinchas detenidos fueron liberados.",
    ] {
        check("es", text, &[]);
    }
}

#[test]
fn french_figures() {
    check(
        "fr",
        "Plus de 1000 personnes ont été blessées. Environ 400 ont été hospitalisées. Au moins 5 \
         policiers ont été tués.",
        &[
            (
                C::Injured,
                "Plus de 1000",
                Some(1000.0),
                Q::MoreThan,
                Some(1001.0),
                N,
            ),
            (C::Hospitalized, "Environ 400", Some(400.0), Q::Approx, N, N),
            (C::Killed, "Au moins 5", Some(5.0), Q::AtLeast, Some(5.0), N),
        ],
    );
    check(
        "fr",
        "Jusqu'à 30 manifestants ont été interpellés, moins de 10 civils blessés, entre 10 et \
         20 morts. Des centaines de blessés.",
        &[
            (
                C::Arrested,
                "Jusqu'à 30",
                Some(30.0),
                Q::AtMost,
                N,
                Some(30.0),
            ),
            (
                C::Injured,
                "moins de 10",
                Some(10.0),
                Q::LessThan,
                N,
                Some(9.0),
            ),
            (
                C::Killed,
                "entre 10 et 20",
                N,
                Q::Range,
                Some(10.0),
                Some(20.0),
            ),
            (
                C::Injured,
                "centaines",
                N,
                Q::Vague,
                Some(200.0),
                Some(999.0),
            ),
        ],
    );
    let found = figures("fr", "Aucune victime n'est à déplorer.");
    assert_eq!((found.len(), found[0].negated), (1, true));
    check(
        "fr",
        "Le 3 janvier 2022, 5 personnes ont été tuées.",
        &[exact(C::Killed, "5", 5.0)],
    );
    for text in [
        "Un homme de 45 ans a été blessé.",
        "Ils ont payé 500 euros aux blessés.",
        "20 % des blessés sont des enfants.",
        "Appelez le 06 12345678 pour les disparus.",
        "C'est le troisième mort de la semaine.",
        "Le match s'est terminé 3-1 et les supporters arrêtés ont été relâchés.",
    ] {
        check("fr", text, &[]);
    }
}

#[test]
fn german_figures() {
    check(
        "de",
        "Mehr als 1000 Menschen wurden verletzt. Etwa 400 Menschen wurden evakuiert. \
         Mindestens 5 Polizisten wurden getötet.",
        &[
            (
                C::Injured,
                "Mehr als 1000",
                Some(1000.0),
                Q::MoreThan,
                Some(1001.0),
                N,
            ),
            (C::Evacuated, "Etwa 400", Some(400.0), Q::Approx, N, N),
            (
                C::Killed,
                "Mindestens 5",
                Some(5.0),
                Q::AtLeast,
                Some(5.0),
                N,
            ),
        ],
    );
    check(
        "de",
        "Bis zu 30 Demonstranten wurden festgenommen, weniger als 10 Zivilisten verletzt und \
         zwischen 10 und 20 Tote. Dutzende Verletzte.",
        &[
            (
                C::Arrested,
                "Bis zu 30",
                Some(30.0),
                Q::AtMost,
                N,
                Some(30.0),
            ),
            (
                C::Injured,
                "weniger als 10",
                Some(10.0),
                Q::LessThan,
                N,
                Some(9.0),
            ),
            (
                C::Killed,
                "zwischen 10 und 20",
                N,
                Q::Range,
                Some(10.0),
                Some(20.0),
            ),
            (C::Injured, "Dutzende", N, Q::Vague, Some(24.0), Some(143.0)),
        ],
    );
    let found = figures("de", "Keine Toten bei dem Unfall.");
    assert_eq!((found.len(), found[0].negated), (1, true));
    check(
        "de",
        "Am 3. Januar 2022 wurden 5 Menschen getötet.",
        &[exact(C::Killed, "5", 5.0)],
    );
    for text in [
        "Ein 45 Jahre alter Mann wurde verletzt.",
        "Sie zahlten 500 Euro an die Verletzten.",
        "20 % der Verletzten sind Kinder.",
        "Rufen Sie 06 1234567 an, wenn Sie Vermisste suchen.",
        "Er ist der dritte Tote der Woche.",
        "Das Spiel endete 3:1, die festgenommenen Fans wurden freigelassen.",
    ] {
        check("de", text, &[]);
    }
}

/// (number as written, source as written) of every figure of `text`: who states a figure is
/// the speaker of the quote or attribution around it, of a later mention of the same count,
/// or of another figure with the same count.
fn sources_of(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
    figures(lang, text)
        .into_iter()
        .map(|f| (f.number.text, f.source.map(|s| s.text)))
        .collect()
}

fn pair(n: &str, s: Option<&str>) -> (String, Option<String>) {
    (n.to_string(), s.map(str::to_string))
}

#[test]
fn a_headline_count_takes_the_source_of_the_same_count_in_the_body() {
    let got = sources_of(
        "Police detain 26 militants\n\nNewspapers said police detained 26 militants in the \
         capital on Friday. Three more people were arrested in the south.",
        "en",
    );
    assert_eq!(got, [pair("26", Some("Newspapers")), pair("Three", None)]);
}

#[test]
fn the_same_count_of_other_nouns_takes_the_source_stated_for_it() {
    let got = sources_of(
        "Police said 26 militants were arrested in the capital. The 26 suspects were arrested \
         in a dawn raid. Four soldiers were injured.",
        "en",
    );
    assert_eq!(
        got,
        [
            pair("26", Some("Police")),
            pair("26", Some("Police")),
            pair("Four", None),
        ]
    );
}

#[test]
fn trailing_attributions_with_counts_long_names_and_participles() {
    let got = sources_of(
        "At least 24 people were killed, the governor said. Clashes left five soldiers \
         killed, the UK-based Syrian Observatory for Human Rights (SOHR) said. The army says \
         a bomb went off in the city, killing two police and wounding eight.",
        "en",
    );
    assert_eq!(
        got,
        [
            pair("At least 24", Some("the governor")),
            pair("five", Some("UK-based Syrian Observatory for Human Rights")),
            pair("two", Some("The army")),
            pair("eight", Some("The army")),
        ]
    );
}

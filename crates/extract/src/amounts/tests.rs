//! `(name, lang, text, value, span)` tables, one per language, and the seed article's figures.
use super::find_amounts;
use cronaca_lang::Languages;
use cronaca_model::AmountKind;
use std::sync::OnceLock;

fn langs() -> &'static Languages {
    static LANGS: OnceLock<Languages> = OnceLock::new();
    LANGS.get_or_init(|| Languages::builtin().unwrap())
}

/// What an amount should be: its text, kind and value (`None` for vague plurals and ranges).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    &'static str,
);

/// Finds the amounts of `text` and checks that one has span text `span`, the value and
/// (for "ordinal"/"percent"/"money"/"range" in the name's prefix) the kind.
fn check(cases: &[Case]) {
    for &(name, code, text, value, span) in cases {
        let lang = langs().get(code).unwrap();
        let seg = cronaca_text::segment(text, &lang.segment_rules);
        let amounts = find_amounts(text, &seg, lang);
        let kind = match name.split(':').next().unwrap() {
            "ordinal" => AmountKind::Ordinal,
            "percent" => AmountKind::Percent,
            "money" => AmountKind::Money,
            "range" => AmountKind::Range,
            _ => AmountKind::Cardinal,
        };
        let got: Vec<_> = amounts
            .iter()
            .map(|a| (&text[a.span.clone()], a.kind, a.value))
            .collect();
        let ok = amounts.iter().any(|a| {
            &text[a.span.clone()] == span
                && a.kind == kind
                && match (a.value, value) {
                    (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
                    (None, None) => true,
                    _ => false,
                }
        });
        assert!(
            ok,
            "{name} ({code}) {text:?}: want {span:?} {kind:?} {value:?}, got {got:?}"
        );
    }
}

/// Checks that nothing of kind cardinal/money is found in `text`.
fn check_none(code: &str, texts: &[&str]) {
    let lang = langs().get(code).unwrap();
    for text in texts {
        let seg = cronaca_text::segment(text, &lang.segment_rules);
        let amounts = find_amounts(text, &seg, lang);
        let found: Vec<_> = amounts
            .iter()
            .filter(|a| matches!(a.kind, AmountKind::Cardinal | AmountKind::Money))
            .map(|a| &text[a.span.clone()])
            .collect();
        assert!(found.is_empty(), "{code} {text:?}: found {found:?}");
    }
}

#[test]
fn italian() {
    check(&[
        ("word", "it", "trentasei", Some(36.0), "trentasei"),
        (
            "glued",
            "it",
            "tremiladuecentoquarantatre",
            Some(3243.0),
            "tremiladuecentoquarantatre",
        ),
        ("elided ten", "it", "ventuno soldati", Some(21.0), "ventuno"),
        ("accent", "it", "ventitré", Some(23.0), "ventitré"),
        (
            "centottanta",
            "it",
            "centottanta",
            Some(180.0),
            "centottanta",
        ),
        ("groups", "it", "1.000 persone", Some(1000.0), "1.000"),
        ("decimal", "it", "0,23456000", Some(0.23456), "0,23456000"),
        (
            "digits multiplier",
            "it",
            "1,5 milioni di euro",
            Some(1_500_000.0),
            "1,5 milioni",
        ),
        (
            "and a half",
            "it",
            "un milione e mezzo",
            Some(1_500_000.0),
            "un milione e mezzo",
        ),
        (
            "digits and a half",
            "it",
            "3 milioni e mezzo",
            Some(3_500_000.0),
            "3 milioni e mezzo",
        ),
        (
            "half million",
            "it",
            "mezzo milione di uova",
            Some(500_000.0),
            "mezzo milione",
        ),
        ("fraction", "it", "due terzi", Some(2.0 / 3.0), "due terzi"),
        (
            "fraction plural",
            "it",
            "cinque ottavi",
            Some(0.625),
            "cinque ottavi",
        ),
        ("over", "it", "uno su tre", Some(1.0 / 3.0), "uno su tre"),
        (
            "point",
            "it",
            "duecento punto ventinove",
            Some(200.29),
            "duecento punto ventinove",
        ),
        ("negative", "it", "meno 5", Some(-5.0), "meno 5"),
        ("dozen", "it", "mezza dozzina", Some(6.0), "mezza dozzina"),
        (
            "dozens added",
            "it",
            "trecento e due dozzine",
            Some(324.0),
            "trecento e due dozzine",
        ),
        ("ip", "it", "192.168.1.2", Some(192_168.0), "192.168"),
        ("suffix", "it", "10G", Some(1e10), "10G"),
        (
            "ordinal:word",
            "it",
            "il ventesimo",
            Some(20.0),
            "ventesimo",
        ),
        (
            "ordinal:glued",
            "it",
            "ventunesimo",
            Some(21.0),
            "ventunesimo",
        ),
        ("ordinal:digits", "it", "il 21esimo", Some(21.0), "21esimo"),
        ("ordinal:degree", "it", "1°", Some(1.0), "1°"),
        (
            "percent:word",
            "it",
            "venti per cento",
            Some(20.0),
            "venti per cento",
        ),
        ("percent:sign", "it", "27%", Some(27.0), "27%"),
        ("money:euro", "it", "14,30 euro", Some(14.3), "14,30 euro"),
        ("vague", "it", "decine di morti", None, "decine"),
        (
            "vague single",
            "it",
            "una decina di feriti",
            Some(10.0),
            "una decina",
        ),
        ("two numbers", "it", "uno due", Some(2.0), "due"),
    ]);
    check_none(
        "it",
        &["tr", "ha compiuto settant anni", "il centro di Milano"],
    );
}

#[test]
fn vague_multiples_carry_bounds() {
    let lang = langs().get("it").unwrap();
    let text = "Oltre ai morti si contano centinaia di feriti.";
    let seg = cronaca_text::segment(text, &lang.segment_rules);
    let a = &find_amounts(text, &seg, lang)[0];
    assert_eq!(&text[a.span.clone()], "centinaia");
    assert_eq!((a.value, a.low, a.high), (None, Some(200.0), Some(999.0)));
    let v = a.vague.as_ref().unwrap();
    assert_eq!(
        (v.term.as_str(), v.unit, v.plural),
        ("centinaia", 100.0, true)
    );
    assert_eq!(a.rule, "it/quantifiers:centinaia");
    // Dozens stay below a gross, as the record's contract reads them: 24–143.
    let en = langs().get("en").unwrap();
    let text = "Dozens of people were hurt.";
    let seg = cronaca_text::segment(text, &en.segment_rules);
    let a = &find_amounts(text, &seg, en)[0];
    assert_eq!((a.low, a.high), (Some(24.0), Some(143.0)));
}

#[test]
fn english() {
    check(&[
        (
            "words",
            "en",
            "one hundred and six",
            Some(106.0),
            "one hundred and six",
        ),
        (
            "hyphen",
            "en",
            "Twenty-six people died",
            Some(26.0),
            "Twenty-six",
        ),
        ("groups", "en", "1,234,567", Some(1_234_567.0), "1,234,567"),
        (
            "narrow space",
            "en",
            "40\u{202f}000",
            Some(40_000.0),
            "40\u{202f}000",
        ),
        ("leading point", "en", ".25 of it", Some(0.25), ".25"),
        (
            "multiplier",
            "en",
            "2.3 million",
            Some(2_300_000.0),
            "2.3 million",
        ),
        (
            "and a half",
            "en",
            "3 million and a half",
            Some(3_500_000.0),
            "3 million and a half",
        ),
        ("fraction", "en", "three fifths", Some(0.6), "three fifths"),
        // A capitalised ordinal after a count starts a name, not a denominator.
        (
            "count before a name",
            "en",
            "two Fifth Corps members",
            Some(2.0),
            "two",
        ),
        (
            "fraction:singular",
            "fr",
            "trois cinquieme",
            Some(0.6),
            "trois cinquieme",
        ),
        (
            "over",
            "en",
            "one over twenty",
            Some(0.05),
            "one over twenty",
        ),
        (
            "minus",
            "en",
            "minus five point five",
            Some(-5.5),
            "minus five point five",
        ),
        ("negative", "en", "negative one", Some(-1.0), "negative one"),
        ("exponent", "en", "1.3x10^6", Some(1_300_000.0), "1.3x10^6"),
        ("suffix", "en", "10 bln", Some(1e10), "10 bln"),
        ("mixed", "en", "2 1/4", Some(2.25), "2 1/4"),
        ("vulgar", "en", "the result is ¾", Some(0.75), "¾"),
        ("dozen", "en", "a dozen eggs", Some(12.0), "a dozen"),
        ("dozens", "en", "dozens of people", None, "dozens"),
        (
            "ordinal:word",
            "en",
            "twenty-first",
            Some(21.0),
            "twenty-first",
        ),
        ("ordinal:digits", "en", "the 3rd time", Some(3.0), "3rd"),
        ("percent:sign", "en", "100%", Some(100.0), "100%"),
        (
            "percent:before",
            "en",
            "per cent of 210",
            Some(210.0),
            "per cent of 210",
        ),
        (
            "money:dollar",
            "en",
            "I want to earn $10000",
            Some(10_000.0),
            "$10000",
        ),
        (
            "range:between",
            "en",
            "between 20 and 30",
            None,
            "between 20 and 30",
        ),
        ("range:dash", "en", "1000 - 5000", None, "1000 - 5000"),
        (
            "range:more",
            "en",
            "more than thirty",
            None,
            "more than thirty",
        ),
        ("two numbers", "en", "423 0000", Some(0.0), "0000"),
    ]);
    check_none(
        "en",
        &["an", "This one you is not correct", "a last resort"],
    );
}

#[test]
fn spanish() {
    check(&[
        (
            "compound",
            "es",
            "cuatrocientos cincuenta y dos mil trescientos cuarenta y siete",
            Some(452_347.0),
            "cuatrocientos cincuenta y dos mil trescientos cuarenta y siete",
        ),
        ("glued", "es", "veintitrés", Some(23.0), "veintitrés"),
        (
            "mil millones",
            "es",
            "2 mil millones",
            Some(2e9),
            "2 mil millones",
        ),
        (
            "digits multiplier",
            "es",
            "322 millones",
            Some(322e6),
            "322 millones",
        ),
        ("decimal comma", "es", "4,800", Some(4.8), "4,800"),
        ("dozens", "es", "tres docenas", Some(36.0), "tres docenas"),
        (
            "and a half",
            "es",
            "tres millones y medio",
            Some(3_500_000.0),
            "tres millones y medio",
        ),
        (
            "con",
            "es",
            "siete con cincuenta",
            Some(7.5),
            "siete con cincuenta",
        ),
        (
            "avos",
            "es",
            "tres veinteavos",
            Some(0.15),
            "tres veinteavos",
        ),
        (
            "over",
            "es",
            "uno sobre tres",
            Some(1.0 / 3.0),
            "uno sobre tres",
        ),
        (
            "ordinal:chain",
            "es",
            "vigésimo quinto",
            Some(25.0),
            "vigésimo quinto",
        ),
        ("ordinal:digits", "es", "el 30º lugar", Some(30.0), "30º"),
        (
            "percent:words",
            "es",
            "veinte por ciento",
            Some(20.0),
            "veinte por ciento",
        ),
        (
            "range:between",
            "es",
            "entre 10 y 20",
            None,
            "entre 10 y 20",
        ),
        ("range:less", "es", "menos de 170", None, "menos de 170"),
        ("vague", "es", "decenas de muertos", None, "decenas"),
    ]);
}

#[test]
fn french() {
    check(&[
        (
            "quatre-vingt-dix",
            "fr",
            "quatre-vingt-dix-neuf",
            Some(99.0),
            "quatre-vingt-dix-neuf",
        ),
        (
            "spaced",
            "fr",
            "quatre vingt dix neuf",
            Some(99.0),
            "quatre vingt dix neuf",
        ),
        (
            "et un",
            "fr",
            "vingt et un ou plus",
            Some(21.0),
            "vingt et un",
        ),
        (
            "hundreds",
            "fr",
            "trois cent vingt quatre",
            Some(324.0),
            "trois cent vingt quatre",
        ),
        (
            "soixante-dix",
            "fr",
            "soixante-douze",
            Some(72.0),
            "soixante-douze",
        ),
        ("groups", "fr", "40 000 personnes", Some(40_000.0), "40 000"),
        (
            "and a half",
            "fr",
            "un million et demi",
            Some(1_500_000.0),
            "un million et demi",
        ),
        (
            "virgule",
            "fr",
            "deux cent virgule cinquante deux",
            Some(200.52),
            "deux cent virgule cinquante deux",
        ),
        ("fraction", "fr", "trois quarts", Some(0.75), "trois quarts"),
        (
            "ordinal:word",
            "fr",
            "le vingt et unième jour",
            Some(21.0),
            "vingt et unième",
        ),
        ("ordinal:digits", "fr", "la 1ère femme", Some(1.0), "1ère"),
        (
            "percent:words",
            "fr",
            "10 pourcents",
            Some(10.0),
            "10 pourcents",
        ),
        (
            "range:between",
            "fr",
            "entre 10 et 20",
            None,
            "entre 10 et 20",
        ),
        ("vague", "fr", "des dizaines de blessés", None, "dizaines"),
    ]);
}

#[test]
fn german() {
    check(&[
        (
            "glued",
            "de",
            "einhunderteinunddreißig",
            Some(131.0),
            "einhunderteinunddreißig",
        ),
        (
            "umlaut spelled",
            "de",
            "dreihundertneunundneunzigtausendfuenfhundertneun",
            Some(399_509.0),
            "dreihundertneunundneunzigtausendfuenfhundertneun",
        ),
        (
            "and a half glued",
            "de",
            "zweieinhalb Stücke",
            Some(2.5),
            "zweieinhalb",
        ),
        (
            "anderthalb",
            "de",
            "anderthalb Millionen",
            Some(1_500_000.0),
            "anderthalb Millionen",
        ),
        (
            "halves",
            "de",
            "drei halbe Schweine",
            Some(1.5),
            "drei halbe",
        ),
        (
            "dozen",
            "de",
            "ein halbes dutzend",
            Some(6.0),
            "ein halbes dutzend",
        ),
        ("groups", "de", "4.800", Some(4800.0), "4.800"),
        ("decimal", "de", "2,357", Some(2.357), "2,357"),
        (
            "digits multiplier",
            "de",
            "300 Milliarden",
            Some(3e11),
            "300 Milliarden",
        ),
        (
            "ordinal:word",
            "de",
            "Bob war zweiter",
            Some(2.0),
            "zweiter",
        ),
        (
            "ordinal:glued",
            "de",
            "siebenundzwanzigster",
            Some(27.0),
            "siebenundzwanzigster",
        ),
        (
            "percent:words",
            "de",
            "siebenunddreißig Prozent",
            Some(37.0),
            "siebenunddreißig Prozent",
        ),
        ("range:bis", "de", "100 bis 300", None, "100 bis 300"),
        (
            "range:less",
            "de",
            "weniger als 100",
            None,
            "weniger als 100",
        ),
        ("vague", "de", "Tausende Menschen", None, "Tausende"),
    ]);
    check_none("de", &["Das Dreieck ist ohne Zweifel, achtern"]);
}

#[test]
fn seed_article_figures() {
    let text = "Oltre ai morti si contano centinaia di feriti. Più di mille persone sono state \
                ferite. “Circa 400 sono state ospedalizzate e 62 sono in terapia intensiva”. Si \
                registrano decine di morti. La televisione Khabar-24.";
    let lang = langs().get("it").unwrap();
    let seg = cronaca_text::segment(text, &lang.segment_rules);
    let amounts = find_amounts(text, &seg, lang);
    let cardinal: Vec<_> = amounts
        .iter()
        .filter(|a| a.kind == AmountKind::Cardinal)
        .map(|a| {
            (
                &text[a.span.clone()],
                a.value,
                a.vague.as_ref().map(|v| v.unit),
            )
        })
        .collect();
    assert_eq!(
        cardinal,
        [
            ("centinaia", None, Some(100.0)),
            ("mille", Some(1000.0), None),
            ("400", Some(400.0), None),
            ("62", Some(62.0), None),
            ("decine", None, Some(10.0)),
        ]
    );
    let range = amounts
        .iter()
        .find(|a| a.kind == AmountKind::Range)
        .unwrap();
    assert_eq!(
        (&text[range.span.clone()], range.low, range.high),
        ("Più di mille", Some(1001.0), None)
    );
}

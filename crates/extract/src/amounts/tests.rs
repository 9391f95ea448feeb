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
}

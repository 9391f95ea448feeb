//! Open time, lookup and matching throughput of the built-in gazetteer.
//!
//! `cargo bench -p cronaca-gazetteer`. The matching benchmark runs over a committed-free,
//! generated token stream: the seed-like Italian sentence below repeated, 10,000 tokens.

use cronaca_gazetteer::{Context, EntityType, Gazetteer};

const SENTENCE: &str = "In una sparatoria tra militari e uomini armati di fronte alla sede del comune di \
    Almaty si registrano decine di morti , lo riferisce l' agenzia Tass ; il ministero degli \
    Esteri russo e la Csto confermano , mentre Kassym-Jomart Tokayev chiede aiuto a Mosca e \
    a Vladimir Putin per stabilizzare il Kazakistan .";

fn tokens() -> Vec<&'static str> {
    let words: Vec<&str> = SENTENCE.split_whitespace().collect();
    words.iter().copied().cycle().take(10_000).collect()
}

fn main() {
    divan::main();
}

#[divan::bench]
fn open_builtin() -> Gazetteer {
    Gazetteer::builtin().unwrap()
}

#[divan::bench]
fn annotate_10k_tokens(bencher: divan::Bencher) {
    let gaz = Gazetteer::builtin().unwrap();
    let tokens = tokens();
    // Checks the output, not only the time: every Almaty, Tass and Kazakistan is found.
    let found = gaz.annotate("it", &tokens).len();
    assert!(found > 1_000, "{found}");
    bencher
        .counter(divan::counter::ItemsCount::new(tokens.len()))
        .bench(|| gaz.annotate("it", divan::black_box(&tokens)).len());
}

#[divan::bench]
fn lookup(bencher: divan::Bencher) {
    let gaz = Gazetteer::builtin().unwrap();
    let names = [
        "Almaty",
        "Paris",
        "Kazakistan",
        "Csto",
        "San Jose",
        "Nowhere-at-all",
    ];
    bencher
        .counter(divan::counter::ItemsCount::new(names.len()))
        .bench(|| {
            names
                .iter()
                .map(|n| gaz.lookup(divan::black_box(n)).len())
                .sum::<usize>()
        });
}

#[divan::bench]
fn link_seed_entities(bencher: divan::Bencher) {
    let gaz = Gazetteer::builtin().unwrap();
    let tokens = tokens();
    let ctx: Context = gaz.context_from_tokens("it", &tokens[..60]);
    bencher.bench(|| {
        let a = gaz.link(EntityType::Loc, &["Almaty"], "it", &ctx).unwrap();
        let b = gaz
            .link(
                EntityType::Org,
                &["ministero degli Esteri russo"],
                "it",
                &ctx,
            )
            .unwrap();
        (a.ids.geonames, b.country)
    });
}

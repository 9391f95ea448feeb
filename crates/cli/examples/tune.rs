use cronaca_extract::entities::training_document;
use cronaca_ner::{EntityType, Label, Sentence, Tagger, TrainConfig, TrainDocument};
use std::io::BufRead;
fn load(lang: &cronaca_lang::Lang, path: &str) -> Vec<TrainDocument> {
    let mut docs = vec![];
    for line in std::io::BufReader::new(std::fs::File::open(path).unwrap()).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let mut gold = vec![];
        for k in ["entities", "ignored_entities"] {
            for e in v[k].as_array().into_iter().flatten() {
                gold.push((
                    e["start"].as_u64().unwrap() as usize..e["end"].as_u64().unwrap() as usize,
                    EntityType::from_name(e["type"].as_str().unwrap()).unwrap(),
                ));
            }
        }
        docs.push(training_document(v["text"].as_str().unwrap(), &gold, lang).unwrap());
    }
    docs
}
fn chunks(l: &[Label]) -> Vec<(usize, usize, EntityType)> {
    let mut out = vec![];
    let mut open: Option<(usize, usize, EntityType)> = None;
    for (i, x) in l.iter().enumerate() {
        match x {
            Label::I(t) if open.is_some_and(|o| o.2 == *t) => open.as_mut().unwrap().1 = i + 1,
            Label::B(t) | Label::I(t) => {
                out.extend(open.take());
                open = Some((i, i + 1, *t));
            }
            Label::O => out.extend(open.take()),
        }
    }
    out.extend(open);
    out.retain(|c| c.2 != EntityType::Misc);
    out
}
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let langs = cronaca_lang::Languages::builtin().unwrap();
    let lang = langs.get(&a[1]).unwrap();
    let train = load(lang, &a[2]);
    let dev = load(lang, &a[3]);
    let misc = train
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| &s.labels)
        .any(|l| l.entity_type() == Some(EntityType::Misc));
    // TUNE_CHAR_TRIGRAMS=1 trains with character trigrams (as `--char-trigrams`).
    let char_trigrams = std::env::var_os("TUNE_CHAR_TRIGRAMS").is_some();
    // TUNE_ERRORS=1 prints every false positive and false negative with its sentence.
    let errors = std::env::var_os("TUNE_ERRORS").is_some();
    for e in a[4].split(',') {
        let bits: u32 = a.get(5).map(|b| b.parse().unwrap()).unwrap_or(19);
        let mut types = vec![EntityType::Per, EntityType::Org, EntityType::Loc];
        if misc {
            types.push(EntityType::Misc);
        }
        let cfg = TrainConfig {
            epochs: e.parse().unwrap(),
            bits,
            types,
            // TUNE_SEED=N: another visiting order (runs differ by about ±0.003 F1).
            seed: std::env::var("TUNE_SEED")
                .ok()
                .map_or(TrainConfig::default().seed, |s| s.parse().unwrap()),
            features: cronaca_ner::FeatureOptions { char_trigrams },
            ..Default::default()
        };
        let t0 = std::time::Instant::now();
        let model = cronaca_ner::train(&train, &cfg, |_| {});
        let tagger = Tagger::new(model);
        let (mut tp, mut np, mut ng) = ([0; 3], [0; 3], [0; 3]);
        for d in &dev {
            let sents: Vec<Sentence> = d.sentences.iter().map(|s| s.sentence()).collect();
            let tags = tagger.tag_document(&sents);
            for (s, t) in d.sentences.iter().zip(tags) {
                let p = chunks(&t.iter().map(|x| x.label).collect::<Vec<_>>());
                let g = chunks(&s.labels);
                if errors {
                    let name = |c: &(usize, usize, EntityType)| {
                        format!("{:?} {}", c.2, s.tokens[c.0..c.1].join(" "))
                    };
                    for c in p.iter().filter(|c| !g.contains(c)) {
                        println!("FP {}\t| {}", name(c), s.tokens.join(" "));
                    }
                    for c in g.iter().filter(|c| !p.contains(c)) {
                        println!("FN {}\t| {}", name(c), s.tokens.join(" "));
                    }
                }
                for c in &p {
                    np[c.2 as usize] += 1;
                    if g.contains(c) {
                        tp[c.2 as usize] += 1;
                    }
                }
                for c in &g {
                    ng[c.2 as usize] += 1;
                }
            }
        }
        let f = |tp: usize, np: usize, ng: usize| 2.0 * tp as f64 / (np + ng) as f64;
        println!(
            "epochs {e} bits {bits}: F1 {:.4}  PER {:.4} ORG {:.4} LOC {:.4}  ({:.1}s)",
            f(tp.iter().sum(), np.iter().sum(), ng.iter().sum()),
            f(tp[0], np[0], ng[0]),
            f(tp[1], np[1], ng[1]),
            f(tp[2], np[2], ng[2]),
            t0.elapsed().as_secs_f64()
        );
    }
}

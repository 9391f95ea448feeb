//! `cronaca train ner`: trains the named-entity tagger from gold JSON Lines.
use crate::exit::{Exit, Fatal};
use crate::load_languages;
use clap::{Args, Subcommand};
use cronaca_extract::entities::training_document;
use cronaca_ner::{EntityType, TrainConfig, TrainDocument};
use std::io::BufRead;
use std::path::PathBuf;

/// What the built-in models were trained on, and under which terms (a literal, for `concat!`).
macro_rules! model_notes {
    () => {
        "NER models:
  it: NER trained on KIND (Paccosi & Palmero Aprosio, LREC 2022), annotations CC BY-NC 4.0 — non-commercial
  en: NER trained on CoNLL-2003 (Reuters RCV1) — research use only"
    };
}

/// The NER model notes, shown by `cronaca train ner --help`.
pub const MODEL_NOTES: &str = model_notes!();

/// `cronaca --version`: the version and the NER model notes.
pub const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\n", model_notes!());

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub what: TrainWhat,
}

#[derive(Subcommand, Debug)]
pub enum TrainWhat {
    /// Train the named-entity tagger for one language.
    #[command(after_help = MODEL_NOTES)]
    Ner(TrainNerArgs),
}

#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// Language of the training data (its tokenizer rules are used).
    #[arg(long, value_name = "CODE")]
    pub lang: String,
    /// Gold JSON Lines: one document a line with "text" and "entities" ({"type","start","end"}
    /// in code points); "ignored_entities" (MISC) are learnt as MISC and never output.
    #[arg(long, value_name = "PATH")]
    pub train: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    pub epochs: u32,
    /// The weight table has 2^bits rows.
    #[arg(long, default_value_t = 19)]
    pub bits: u32,
    /// Seed of the order in which sentences are visited.
    #[arg(long, default_value_t = 0x5eed_c0de)]
    pub seed: u64,
    /// Perceptrons trained on different visiting orders and averaged.
    #[arg(long, default_value_t = 3)]
    pub runs: u32,
    /// Character trigrams of capitalised words as features (the Italian model has them; see
    /// models/README.md).
    #[arg(long)]
    pub char_trigrams: bool,
    /// What the training data is and its licence, written in the model header (default: the
    /// statement for KIND for it, for CoNLL-2003 for en).
    #[arg(long, value_name = "TEXT")]
    pub data_note: Option<String>,
}

pub fn run(args: TrainArgs) -> Result<Exit, Fatal> {
    match args.what {
        TrainWhat::Ner(a) => ner(a),
    }
}

/// Where the given names the tagger embeds come from (`data/ner/first_names.txt`).
const FIRST_NAMES_NOTE: &str =
    "data/ner/first_names.txt, from the first-name lists of Faker 40.54.0 (PyPI, MIT)";

fn default_note(lang: &str) -> Option<&'static str> {
    match lang {
        "it" => Some(
            "NER trained on KIND (Paccosi & Palmero Aprosio, LREC 2022), annotations CC BY-NC 4.0 — non-commercial",
        ),
        "en" => Some("NER trained on CoNLL-2003 (Reuters RCV1) — research use only"),
        _ => None,
    }
}

fn ner(args: TrainNerArgs) -> Result<Exit, Fatal> {
    let langs = load_languages(None)?;
    let lang = langs
        .get(&args.lang)
        .ok_or_else(|| Fatal::usage(format!("--lang: unknown language {:?}", args.lang)))?;
    let note = args
        .data_note
        .clone()
        .or_else(|| default_note(&args.lang).map(str::to_string))
        .ok_or_else(|| Fatal::usage("--data-note is required for this language"))?;
    if !(10..=24).contains(&args.bits) {
        return Err(Fatal::usage("--bits: expected 10 to 24"));
    }
    if !(1..=16).contains(&args.runs) {
        return Err(Fatal::usage("--runs: expected 1 to 16"));
    }
    let file = std::fs::File::open(&args.train)
        .map_err(|e| Fatal::failure(format!("{}: {e}", args.train.display())))?;
    let mut docs: Vec<TrainDocument> = Vec::new();
    let mut misc = false;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let at = |m: String| Fatal::failure(format!("{}:{}: {m}", args.train.display(), n + 1));
        let line = line.map_err(|e| at(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| at(e.to_string()))?;
        let text = v["text"].as_str().ok_or_else(|| at("no \"text\"".into()))?;
        let mut gold = Vec::new();
        for key in ["entities", "ignored_entities"] {
            for e in v[key].as_array().into_iter().flatten() {
                let ty = e["type"].as_str().and_then(EntityType::from_name);
                let (Some(ty), Some(s), Some(t)) = (ty, e["start"].as_u64(), e["end"].as_u64())
                else {
                    return Err(at(format!("bad {key} item {e}")));
                };
                misc |= ty == EntityType::Misc;
                gold.push((s as usize..t as usize, ty));
            }
        }
        let doc = training_document(text, &gold, lang).map_err(|e| at(e.to_string()))?;
        docs.push(doc);
    }
    let mut types = vec![EntityType::Per, EntityType::Org, EntityType::Loc];
    if misc {
        types.push(EntityType::Misc);
    }
    // The last three components ("ner-it/train/gold.jsonl"): the same on every machine.
    let parts: Vec<String> = args
        .train
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let train_name = parts[parts.len().saturating_sub(3)..].join("/");
    let config = TrainConfig {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        runs: args.runs,
        types,
        features: cronaca_ner::FeatureOptions {
            char_trigrams: args.char_trigrams,
        },
        header: vec![
            ("language".into(), args.lang.clone()),
            ("data".into(), note),
            ("training-file".into(), train_name),
            ("first-names".into(), FIRST_NAMES_NOTE.into()),
            ("documents".into(), docs.len().to_string()),
            (
                "trainer".into(),
                format!(
                    "cronaca {} structured averaged perceptron",
                    env!("CARGO_PKG_VERSION")
                ),
            ),
        ],
    };
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    eprintln!(
        "cronaca: training on {} documents, {tokens} tokens",
        docs.len()
    );
    let model = cronaca_ner::train(&docs, &config, |r| {
        eprintln!(
            "cronaca: run {} epoch {:>2}: {} token errors ({:.2}%)",
            r.run,
            r.epoch,
            r.token_errors,
            100.0 * r.token_errors as f64 / r.tokens.max(1) as f64
        );
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .map_err(|e| Fatal::failure(format!("{}: {e}", args.out.display())))?;
    eprintln!(
        "cronaca: wrote {} ({:.1} MB)",
        args.out.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(Exit::Ok)
}

//! Training: a structured averaged perceptron (Collins 2002) with Viterbi decoding; a few
//! perceptrons trained on different visiting orders are averaged into the model.
//!
//! Deterministic: sentences are visited in an order drawn from a fixed-seed generator, weights
//! are integers while training, and the averaged weights are quantised the same way every time,
//! so the same data and settings give byte-identical models.

use crate::features::{
    GazetteerHit, Sentence, SentenceFeatures, Skip, document_features, lexicon_key,
};
use crate::label::label_set;
use crate::lexicon::{Lexicon, LexiconView};
use crate::model::CHAR_TRIGRAMS;
use crate::tagger::{Viterbi, allowed_transitions, masked_transitions};
use crate::{EntityType, FeatureOptions, Label, Model};

/// One training sentence: tokens, their gold labels and, optionally, gazetteer matches
/// (`start`, `end`, `class`, token indices as in [`GazetteerHit`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainSentence {
    /// The tokens, as the tokenizer gives them at tagging time.
    pub tokens: Vec<String>,
    /// One gold label per token.
    pub labels: Vec<Label>,
    /// Gazetteer matches, as the tagger will see them.
    pub gazetteer: Vec<(usize, usize, String)>,
}

impl TrainSentence {
    /// The sentence as the tagger sees it: tokens and gazetteer matches.
    pub fn sentence(&self) -> Sentence<'_> {
        Sentence {
            tokens: self.tokens.iter().map(String::as_str).collect(),
            gazetteer: self
                .gazetteer
                .iter()
                .map(|(start, end, class)| GazetteerHit {
                    start: *start,
                    end: *end,
                    class,
                })
                .collect(),
        }
    }
}

/// One training document: its sentences in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainDocument {
    /// The sentences.
    pub sentences: Vec<TrainSentence>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// The table has `2^bits` rows.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: u32,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Perceptrons trained (each on its own visiting order) and averaged.
    pub runs: u32,
    /// The entity types to learn (labels of other types in the data become `O`).
    pub types: Vec<EntityType>,
    /// Header fields written in the model (training data, licence…).
    pub header: Vec<(String, String)>,
    /// Optional feature templates (written in the header: tagging uses the same).
    pub features: FeatureOptions,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            bits: 19,
            epochs: 12,
            seed: 0x5eed_c0de,
            runs: 3,
            types: vec![EntityType::Per, EntityType::Org, EntityType::Loc],
            header: Vec::new(),
            features: FeatureOptions::default(),
        }
    }
}

/// Progress after one epoch.
#[derive(Clone, Copy, Debug)]
pub struct EpochReport {
    /// 1-based perceptron ([`TrainConfig::runs`]).
    pub run: u32,
    /// 1-based epoch.
    pub epoch: u32,
    /// Tokens whose predicted label was wrong during the epoch.
    pub token_errors: usize,
    /// Tokens seen.
    pub tokens: usize,
}

struct Averaged {
    w: Vec<i32>,
    total: Vec<i64>,
    stamp: Vec<u32>,
}

impl Averaged {
    fn new(n: usize) -> Averaged {
        Averaged {
            w: vec![0; n],
            total: vec![0; n],
            stamp: vec![0; n],
        }
    }

    #[inline]
    fn update(&mut self, i: usize, delta: i32, step: u32) {
        self.total[i] += i64::from(step - self.stamp[i]) * i64::from(self.w[i]);
        self.stamp[i] = step;
        self.w[i] += delta;
    }

    fn averages(mut self, step: u32) -> Vec<f64> {
        (0..self.w.len())
            .map(|i| {
                self.total[i] += i64::from(step - self.stamp[i]) * i64::from(self.w[i]);
                self.total[i] as f64 / f64::from(step.max(1))
            })
            .collect()
    }
}

/// Weights as `i16` and the scale that gives them back (`weight = value × scale`).
fn quantise(w: &[f64]) -> (Vec<i16>, f32) {
    let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let q = w
        .iter()
        .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    (q, scale as f32)
}

/// Folds of the training documents for the lexicon features.
const LEXICON_FOLDS: usize = 10;

/// xorshift64*: a small fixed generator for the visiting order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Trains a model on `docs`, calling `progress` after each epoch.
pub fn train(
    docs: &[TrainDocument],
    config: &TrainConfig,
    mut progress: impl FnMut(EpochReport),
) -> Model {
    let labels = label_set(&config.types);
    let l = labels.len();
    let allowed = allowed_transitions(&labels);
    let index = |label: Label| -> usize {
        let label = match label.entity_type() {
            Some(t) if !config.types.contains(&t) => Label::O,
            _ => label,
        };
        labels.iter().position(|&x| x == label).unwrap_or(0)
    };
    // The lexicon of the whole data, and of each fold: a document's features see the counts
    // of the other folds only, as new text will see those of the whole data.
    let mut lexicon = Lexicon::new(l);
    let mut folds: Vec<Lexicon> = (0..LEXICON_FOLDS).map(|_| Lexicon::new(l)).collect();
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            let labels = repair(s.labels.iter().map(|&y| index(y)).collect(), &allowed, l);
            for (w, &y) in s.tokens.iter().zip(&labels) {
                lexicon.add(lexicon_key(w), y);
                folds[d % LEXICON_FOLDS].add(lexicon_key(w), y);
            }
        }
    }
    // Features are computed once: they do not depend on the weights.
    let mut data: Vec<(SentenceFeatures, Vec<usize>)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let sentences: Vec<Sentence<'_>> =
            doc.sentences.iter().map(TrainSentence::sentence).collect();
        let view = LexiconView {
            all: &lexicon,
            minus: Some(&folds[d % LEXICON_FOLDS]),
        };
        let feats = document_features(
            &sentences,
            config.bits,
            &view,
            Skip::Nothing,
            config.features,
        );
        for (f, s) in feats.into_iter().zip(&doc.sentences) {
            if f.len() > 0 {
                let gold = s.labels.iter().map(|&y| index(y)).collect();
                data.push((f, repair(gold, &allowed, l)));
            }
        }
    }
    // Perceptrons trained on different visiting orders, averaged: steadier than one.
    let (mut w, mut t) = (
        vec![0.0; (1usize << config.bits) * l],
        vec![0.0; (l + 1) * l],
    );
    for run in 0..config.runs {
        let seed = config
            .seed
            .wrapping_add(u64::from(run).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let (rw, rt) = fit(
            &data,
            &allowed,
            l,
            config.bits,
            config.epochs,
            seed,
            &mut |r| progress(EpochReport { run: run + 1, ..r }),
        );
        for (a, b) in w.iter_mut().zip(rw) {
            *a += b / f64::from(config.runs);
        }
        for (a, b) in t.iter_mut().zip(rt) {
            *a += b / f64::from(config.runs);
        }
    }
    let (weights, scale) = quantise(&w);
    // Calibrate confidences: the median margin of the training tokens maps to 0.9.
    let mut model = Model {
        bits: config.bits,
        labels,
        scale,
        transitions: t.iter().map(|&x| x as f32).collect(),
        weights,
        header: Vec::new(),
        lexicon,
    };
    let mut options = Vec::new();
    if config.features.char_trigrams {
        options.push((CHAR_TRIGRAMS.to_string(), "yes".to_string()));
    }
    // The calibration tags with the features of the finished model.
    model.header.clone_from(&options);
    let tagger = crate::Tagger::new(model.clone());
    let mut margins: Vec<f32> = Vec::new();
    for doc in docs.iter().take(500) {
        let sentences: Vec<Sentence<'_>> =
            doc.sentences.iter().map(TrainSentence::sentence).collect();
        for tags in tagger.tag_document(&sentences) {
            margins.extend(
                tags.iter()
                    .filter(|t| t.label != Label::O && t.margin > 0.0)
                    .map(|t| t.margin),
            );
        }
    }
    margins.sort_by(f32::total_cmp);
    let temperature = margins
        .get(margins.len() / 2)
        .map_or(1.0, |m| (m / 9f32.ln()).max(1e-3));
    let mut header = config.header.clone();
    header.extend(options);
    header.push(("temperature".into(), format!("{temperature:.4}")));
    header.push(("epochs".into(), config.epochs.to_string()));
    header.push(("seed".into(), format!("{:#x}", config.seed)));
    header.push(("runs".into(), config.runs.to_string()));
    header.push(("sentences".into(), data.len().to_string()));
    model.header = header;
    model
}

/// One averaged perceptron over `data`: feature and transition weights.
fn fit(
    data: &[(SentenceFeatures, Vec<usize>)],
    allowed: &[bool],
    l: usize,
    bits: u32,
    epochs: u32,
    seed: u64,
    progress: &mut impl FnMut(EpochReport),
) -> (Vec<f64>, Vec<f64>) {
    let mut weights = Averaged::new((1usize << bits) * l);
    let mut trans = Averaged::new((l + 1) * l);
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut step: u32 = 0;
    let mut scores: Vec<f32> = Vec::new();
    let mut trans_f: Vec<f32> = vec![0.0; (l + 1) * l];
    let mut viterbi = Viterbi::default();
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut errors, mut tokens) = (0, 0);
        for &k in &order {
            step += 1;
            let (f, gold) = &data[k];
            let n = f.len();
            scores.clear();
            scores.resize(n * l, 0.0);
            for i in 0..n {
                for &b in f.token(i) {
                    let row = &weights.w[b as usize * l..b as usize * l + l];
                    for (s, &w) in scores[i * l..i * l + l].iter_mut().zip(row) {
                        *s += w as f32;
                    }
                }
            }
            for (t, &w) in trans_f.iter_mut().zip(&trans.w) {
                *t = w as f32;
            }
            let masked = masked_transitions(&trans_f, allowed);
            let pred = viterbi.best_path(&scores, &masked, l);
            tokens += n;
            for i in 0..n {
                let (g, p) = (gold[i], pred[i]);
                let (gp, pp) = if i == 0 {
                    (l, l)
                } else {
                    (gold[i - 1], pred[i - 1])
                };
                if g != p {
                    errors += 1;
                    for &b in f.token(i) {
                        weights.update(b as usize * l + g, 1, step);
                        weights.update(b as usize * l + p, -1, step);
                    }
                }
                if (g, gp) != (p, pp) {
                    trans.update(gp * l + g, 1, step);
                    trans.update(pp * l + p, -1, step);
                }
            }
        }
        progress(EpochReport {
            run: 1,
            epoch,
            token_errors: errors,
            tokens,
        });
    }
    (weights.averages(step), trans.averages(step))
}

/// Turns IOB2 violations of the gold labels (an `I-X` not after `X`) into `B-X`.
fn repair(mut gold: Vec<usize>, allowed: &[bool], l: usize) -> Vec<usize> {
    for i in 0..gold.len() {
        let prev = if i == 0 { l } else { gold[i - 1] };
        if !allowed[prev * l + gold[i]] {
            // I-X is at an even index 2k, B-X at 2k - 1.
            gold[i] -= 1;
        }
    }
    gold
}

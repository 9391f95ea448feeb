//! Tagging: hashed features → per-label scores → Viterbi under IOB2 constraints.

use crate::features::{Sentence, SentenceFeatures, document_features};
use crate::{Label, Model, ModelError};

/// One tagged token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tag {
    /// The label on the best path.
    pub label: Label,
    /// How sure the tagger is, 0 to 1: a logistic of the margin between this label and the
    /// best other label at this position (given the previous label on the path), scaled so
    /// that the median margin on the training data gives 0.9.
    pub confidence: f32,
    /// The raw score margin behind `confidence` (model units).
    pub margin: f32,
}

/// The named-entity tagger. Immutable, `Send + Sync`: one instance serves every thread.
#[derive(Clone, Debug)]
pub struct Tagger {
    model: Model,
    /// `allowed[p * L + c]`: label `c` may follow label `p` (`p = L`: sentence start).
    allowed: Vec<bool>,
    /// The transition weights with `-inf` where a transition is not allowed.
    transitions: Vec<f32>,
    /// The feature weights again, each row padded to whole [`Lanes`] so that a row is summed
    /// with a few wide additions: `row b` is `lanes[b * stride..(b + 1) * stride]`.
    lanes: Vec<Lanes>,
    stride: usize,
    /// Margins are divided by this before the logistic (header field `temperature`).
    temperature: f32,
}

impl Tagger {
    /// A tagger over `model`.
    pub fn new(model: Model) -> Tagger {
        let allowed = allowed_transitions(&model.labels);
        let temperature = model
            .header_value("temperature")
            .and_then(|t| t.parse::<f32>().ok())
            .filter(|t| *t > 0.0)
            .unwrap_or(1.0);
        let l = model.labels.len();
        let stride = l.div_ceil(LANES);
        let mut lanes = vec![Lanes([0; LANES]); model.weights.len() / l.max(1) * stride];
        for (row, weights) in lanes
            .chunks_exact_mut(stride)
            .zip(model.weights.chunks_exact(l))
        {
            for (k, &w) in weights.iter().enumerate() {
                row[k / LANES].0[k % LANES] = w;
            }
        }
        Tagger {
            transitions: masked_transitions(&model.transitions, &allowed),
            model,
            allowed,
            lanes,
            stride,
            temperature,
        }
    }

    /// Reads a model and builds its tagger.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::new)
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags every sentence of one document (in text order: features look at the whole
    /// document, e.g. how a word is capitalised elsewhere).
    pub fn tag_document(&self, doc: &[Sentence<'_>]) -> Vec<Vec<Tag>> {
        let feats = document_features(doc, self.model.bits);
        let l = self.model.labels.len();
        let mut scores = Vec::new();
        let mut viterbi = Viterbi::default();
        feats
            .iter()
            .map(|f| {
                self.emissions(f, &mut scores);
                let path = viterbi.best_path(&scores, &self.transitions, l);
                path.iter()
                    .enumerate()
                    .map(|(i, &y)| {
                        let prev = if i == 0 { l } else { path[i - 1] };
                        let score =
                            |c: usize| scores[i * l + c] + self.model.transitions[prev * l + c];
                        let best = score(y);
                        let other = (0..l)
                            .filter(|&c| c != y && self.allowed[prev * l + c])
                            .map(score)
                            .fold(f32::NEG_INFINITY, f32::max);
                        let margin = best - other;
                        Tag {
                            label: self.model.labels[y],
                            confidence: 1.0 / (1.0 + (-margin / self.temperature).exp()),
                            margin,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// Tags one sentence on its own.
    pub fn tag(&self, sentence: &Sentence<'_>) -> Vec<Tag> {
        self.tag_document(std::slice::from_ref(sentence))
            .pop()
            .unwrap_or_default()
    }

    fn emissions(&self, f: &SentenceFeatures, scores: &mut Vec<f32>) {
        let l = self.model.labels.len();
        let stride = self.stride;
        scores.clear();
        scores.resize(f.len() * l, 0.0);
        for (i, out) in scores.chunks_exact_mut(l).enumerate() {
            let mut acc = [[0i32; LANES]; MAX_LABELS.div_ceil(LANES)];
            let acc = &mut acc[..stride];
            for &b in f.token(i) {
                let row = &self.lanes[b as usize * stride..][..stride];
                for (a, w) in acc.iter_mut().zip(row) {
                    for (a, &w) in a.iter_mut().zip(&w.0) {
                        *a += i32::from(w);
                    }
                }
            }
            for (k, s) in out.iter_mut().enumerate() {
                *s = acc[k / LANES][k % LANES] as f32 * self.model.scale;
            }
        }
    }
}

/// Weights summed side by side (one 128-bit load per row of up to eight labels).
const LANES: usize = 8;

/// A row's weights for up to [`LANES`] labels, aligned so that it never straddles a cache
/// line.
#[derive(Clone, Copy, Debug)]
#[repr(align(16))]
struct Lanes([i16; LANES]);

/// `transitions` with `-inf` where `allowed` is false, for [`Viterbi::best_path`].
pub(crate) fn masked_transitions(transitions: &[f32], allowed: &[bool]) -> Vec<f32> {
    transitions
        .iter()
        .zip(allowed)
        .map(|(&t, &a)| if a { t } else { f32::NEG_INFINITY })
        .collect()
}

pub(crate) fn allowed_transitions(labels: &[Label]) -> Vec<bool> {
    let l = labels.len();
    let mut allowed = vec![false; (l + 1) * l];
    for p in 0..=l {
        let prev = labels.get(p).copied();
        for (c, cur) in labels.iter().enumerate() {
            allowed[p * l + c] = cur.may_follow(prev);
        }
    }
    allowed
}

/// The most labels a model may have (IOB2 over seven types).
pub(crate) const MAX_LABELS: usize = 15;

/// Viterbi decoding with buffers kept from one sentence to the next.
#[derive(Default)]
pub(crate) struct Viterbi {
    best: Vec<f32>,
    back: Vec<u8>,
    path: Vec<usize>,
}

impl Viterbi {
    /// The best label path given `scores` (`n × l`) and `transitions` (`(l + 1) × l`, last row
    /// = start; `-inf` where not allowed, see [`masked_transitions`]). Ties go to the lower
    /// label index.
    pub(crate) fn best_path(&mut self, scores: &[f32], transitions: &[f32], l: usize) -> &[usize] {
        let n = scores.len() / l;
        self.path.clear();
        if n == 0 {
            return &self.path;
        }
        let (best, back) = (&mut self.best, &mut self.back);
        best.clear();
        best.resize(n * l, f32::NEG_INFINITY);
        back.clear();
        back.resize(n * l, 0);
        for c in 0..l {
            best[c] = scores[c] + transitions[l * l + c];
        }
        for i in 1..n {
            for c in 0..l {
                let mut top = f32::NEG_INFINITY;
                let mut arg = 0;
                for p in 0..l {
                    let s = best[(i - 1) * l + p] + transitions[p * l + c];
                    if s > top {
                        top = s;
                        arg = p;
                    }
                }
                best[i * l + c] = top + scores[i * l + c];
                back[i * l + c] = arg as u8;
            }
        }
        self.path.resize(n, 0);
        let last = &best[(n - 1) * l..];
        let mut y = 0;
        for c in 1..l {
            if last[c] > last[y] {
                y = c;
            }
        }
        for i in (0..n).rev() {
            self.path[i] = y;
            y = back[i * l + y] as usize;
        }
        &self.path
    }
}

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
        Tagger {
            model,
            allowed,
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
        feats
            .iter()
            .map(|f| {
                self.emissions(f, &mut scores);
                let path = viterbi(&scores, &self.model.transitions, &self.allowed, l);
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
        scores.clear();
        scores.resize(f.len() * l, 0.0);
        let mut acc = vec![0i32; l];
        for i in 0..f.len() {
            acc.iter_mut().for_each(|a| *a = 0);
            for &b in f.token(i) {
                let row = &self.model.weights[b as usize * l..b as usize * l + l];
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
            for (s, &a) in scores[i * l..i * l + l].iter_mut().zip(&acc) {
                *s = a as f32 * self.model.scale;
            }
        }
    }
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

/// The best label path given `scores` (`n × l`), `transitions` (`(l + 1) × l`, last row =
/// start) and the allowed transitions. Ties go to the lower label index.
pub(crate) fn viterbi(
    scores: &[f32],
    transitions: &[f32],
    allowed: &[bool],
    l: usize,
) -> Vec<usize> {
    let n = scores.len() / l;
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u8; n * l];
    for c in 0..l {
        if allowed[l * l + c] {
            best[c] = scores[c] + transitions[l * l + c];
        }
    }
    for i in 1..n {
        for c in 0..l {
            let mut top = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..l {
                if !allowed[p * l + c] {
                    continue;
                }
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
    let mut path = vec![0usize; n];
    let last = &best[(n - 1) * l..];
    let mut y = 0;
    for c in 1..l {
        if last[c] > last[y] {
            y = c;
        }
    }
    for i in (0..n).rev() {
        path[i] = y;
        y = back[i * l + y] as usize;
    }
    path
}

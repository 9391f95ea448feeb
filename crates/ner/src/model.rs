//! The model: a hashed weight table, label transitions, and a readable header.
//!
//! File layout (all numbers little-endian):
//! ```text
//! cronaca-ner 2\n
//! key: value\n          … (labels, bits, scale, training data, licence, training settings)
//! \n                     a blank line ends the header
//! f32 × (L + 1) × L      transition weights: row p = previous label p, row L = sentence start
//! i16 × 2^bits × L       feature weights, quantised: weight = value × scale
//! (u64, u16 × L) × N     the training lexicon: word hash, label counts (header `lexicon: N`)
//! ```

use crate::EntityType;
use crate::Label;
use crate::label::label_set;
use crate::lexicon::Lexicon;

const MAGIC: &str = "cronaca-ner 2\n";

/// A model could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad NER model: {0}")]
pub struct ModelError(pub String);

/// A trained tagger model. Immutable once built.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub(crate) bits: u32,
    pub(crate) labels: Vec<Label>,
    pub(crate) scale: f32,
    pub(crate) transitions: Vec<f32>,
    pub(crate) weights: Vec<i16>,
    pub(crate) header: Vec<(String, String)>,
    pub(crate) lexicon: Lexicon,
}

/// The header field that turns on the character trigrams.
pub(crate) const CHAR_TRIGRAMS: &str = "char-trigrams";

impl Model {
    /// The labels the model predicts, `O` first.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The entity types the model knows.
    pub fn types(&self) -> Vec<EntityType> {
        self.labels
            .iter()
            .filter_map(|l| match l {
                Label::B(t) => Some(*t),
                _ => None,
            })
            .collect()
    }

    /// The header's `key: value` pairs (training data, licence, settings), in file order.
    pub fn header(&self) -> &[(String, String)] {
        &self.header
    }

    /// The value of header field `key`.
    pub fn header_value(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The optional feature templates the model was trained with (header field
    /// `char-trigrams: yes`).
    pub fn feature_options(&self) -> crate::FeatureOptions {
        crate::FeatureOptions {
            char_trigrams: self.header_value(CHAR_TRIGRAMS) == Some("yes"),
        }
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() * 2 + 4096);
        out.extend_from_slice(MAGIC.as_bytes());
        let labels: Vec<String> = self.labels.iter().map(Label::to_string).collect();
        let mut line = |k: &str, v: &str| {
            out.extend_from_slice(format!("{k}: {v}\n").as_bytes());
        };
        line("labels", &labels.join(" "));
        line("bits", &self.bits.to_string());
        line("scale", &format!("{:e}", self.scale));
        line("lexicon", &self.lexicon.counts.len().to_string());
        for (k, v) in &self.header {
            line(k, v);
        }
        out.push(b'\n');
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for (key, counts) in self.lexicon.sorted() {
            out.extend_from_slice(&key.to_le_bytes());
            for c in counts {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let err = |m: &str| ModelError(m.to_string());
        let rest = bytes
            .strip_prefix(MAGIC.as_bytes())
            .ok_or_else(|| err("missing \"cronaca-ner 2\" header"))?;
        let end = rest
            .windows(2)
            .position(|w| w == b"\n\n")
            .ok_or_else(|| err("unterminated header"))?;
        let text = std::str::from_utf8(&rest[..end]).map_err(|_| err("header is not UTF-8"))?;
        let body = &rest[end + 2..];
        let (mut labels, mut bits, mut scale, mut words) = (None, None, None, None);
        let mut header = Vec::new();
        for l in text.lines() {
            let (k, v) = l
                .split_once(": ")
                .ok_or_else(|| ModelError(format!("header line without \": \": {l:?}")))?;
            match k {
                "labels" => {
                    let parsed: Option<Vec<Label>> = v.split(' ').map(Label::parse).collect();
                    labels = Some(parsed.ok_or_else(|| err("unknown label"))?);
                }
                "bits" => bits = v.parse::<u32>().ok().filter(|b| (8..=28).contains(b)),
                "scale" => scale = v.parse::<f32>().ok(),
                "lexicon" => words = v.parse::<usize>().ok(),
                _ => header.push((k.to_string(), v.to_string())),
            }
        }
        let labels = labels.ok_or_else(|| err("no labels"))?;
        let bits = bits.ok_or_else(|| err("no valid bits"))?;
        let scale = scale.ok_or_else(|| err("no scale"))?;
        let words = words.ok_or_else(|| err("no lexicon size"))?;
        let types: Vec<EntityType> = labels
            .iter()
            .filter_map(|l| match l {
                Label::B(t) => Some(*t),
                _ => None,
            })
            .collect();
        if label_set(&types) != labels {
            return Err(err("labels must be O then B-/I- of each type"));
        }
        let l = labels.len();
        if l > crate::tagger::MAX_LABELS {
            return Err(err("too many labels"));
        }
        let n_trans = (l + 1) * l;
        let n_weights = (1usize << bits) * l;
        let expected = n_trans * 4 + n_weights * 2 + words * (8 + 2 * l);
        if body.len() != expected {
            return Err(ModelError(format!(
                "body is {} bytes, expected {expected}",
                body.len(),
            )));
        }
        let (t, rest) = body.split_at(n_trans * 4);
        let (w, rest) = rest.split_at(n_weights * 2);
        let (lex, _) = rest.split_at(words * (8 + 2 * l));
        let mut lexicon = Lexicon::new(l);
        for entry in lex.chunks_exact(8 + 2 * l) {
            let (key, counts) = entry.split_at(8);
            let key = u64::from_le_bytes(key.try_into().expect("8 bytes"));
            let counts = counts
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            lexicon.counts.insert(key, counts);
        }
        let transitions = floats(t);
        let weights = shorts(w);
        Ok(Model {
            bits,
            labels,
            scale,
            transitions,
            weights,
            header,
            lexicon,
        })
    }
}

fn floats(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn shorts(bytes: &[u8]) -> Vec<i16> {
    bytes
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect()
}

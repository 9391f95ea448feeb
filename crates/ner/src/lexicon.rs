//! The training lexicon: how often each word of the training data carried each label.
//!
//! A word's label counts become features (the share of each label, how often the word was
//! seen). A perceptron trusts the identity of a word it has seen only as much as it needed to
//! fit the training data, which is little when the context already did; counts taken from
//! *other* documents (see [`LexiconView`]: at training time the counts of a document's own
//! fold are left out) tell it how far a word's past labels carry over to new text.

use std::collections::{HashMap, HashSet};

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub(crate) type HashedMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;

/// A set of hashes.
pub(crate) type HashedSet = HashSet<u64, std::hash::BuildHasherDefault<Prehashed>>;

/// Label counts by word (the hash of the lower-cased word), `labels` counts per word.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lexicon {
    pub labels: usize,
    pub counts: HashedMap<Vec<u16>>,
}

impl Lexicon {
    pub fn new(labels: usize) -> Lexicon {
        Lexicon {
            labels,
            counts: HashedMap::default(),
        }
    }

    /// Counts one occurrence of `word` with label index `label`.
    pub fn add(&mut self, word: u64, label: usize) {
        let l = self.labels;
        let c = self.counts.entry(word).or_insert_with(|| vec![0; l]);
        c[label] = c[label].saturating_add(1);
    }

    /// The whole lexicon as features see it.
    pub fn view(&self) -> LexiconView<'_> {
        LexiconView {
            all: self,
            minus: None,
        }
    }

    /// The words in key order (for a deterministic file).
    pub fn sorted(&self) -> Vec<(u64, &[u16])> {
        let mut v: Vec<(u64, &[u16])> = self.counts.iter().map(|(&k, c)| (k, &c[..])).collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    }
}

/// A lexicon as features see it: every count, less those of `minus` (the fold of the
/// document being trained on).
#[derive(Clone, Copy)]
pub(crate) struct LexiconView<'a> {
    pub all: &'a Lexicon,
    pub minus: Option<&'a Lexicon>,
}

impl LexiconView<'_> {
    /// The label counts of `word` into `out` (the first `labels` entries); false when the
    /// word was never seen.
    pub fn counts(&self, word: u64, out: &mut [u32]) -> bool {
        let Some(c) = self.all.counts.get(&word) else {
            return false;
        };
        for (o, &n) in out.iter_mut().zip(c) {
            *o = u32::from(n);
        }
        if let Some(m) = self.minus.and_then(|m| m.counts.get(&word)) {
            for (o, &n) in out.iter_mut().zip(m) {
                *o -= u32::from(n);
            }
        }
        out[..c.len()].iter().any(|&n| n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_leaves_out_the_counts_of_its_fold() {
        let (mut all, mut fold) = (Lexicon::new(3), Lexicon::new(3));
        for (word, label, in_fold) in [(7, 1, false), (7, 1, true), (7, 0, false), (9, 2, true)] {
            all.add(word, label);
            if in_fold {
                fold.add(word, label);
            }
        }
        let mut c = [0u32; 3];
        assert!(all.view().counts(7, &mut c));
        assert_eq!(c, [1, 2, 0]);
        let view = LexiconView {
            all: &all,
            minus: Some(&fold),
        };
        assert!(view.counts(7, &mut c));
        assert_eq!(c, [1, 1, 0]);
        // Seen only in the fold: new to the documents of that fold.
        assert!(!view.counts(9, &mut c));
        assert!(!view.counts(8, &mut c));
        assert_eq!(all.sorted().iter().map(|e| e.0).collect::<Vec<_>>(), [7, 9]);
    }
}

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A stretch of the record's `text`, half-open, in Unicode code points, with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
}

impl Span {
    /// Builds the span of the byte range `bytes` of `text`.
    ///
    /// # Panics
    /// If `bytes` is out of range or not on character boundaries of `text`.
    pub fn from_bytes(text: &str, index: &CharIndex, bytes: Range<usize>) -> Span {
        Span {
            start: index.char_offset(bytes.start),
            end: index.char_offset(bytes.end),
            text: text[bytes].to_string(),
        }
    }
}

/// Converts byte offsets of one text into code-point offsets in O(log n).
///
/// Stores one checkpoint every 64 bytes; a lookup counts the characters between the nearest
/// checkpoint and the offset.
#[derive(Clone, Debug)]
pub struct CharIndex {
    bytes: Vec<u8>,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 64;

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes().to_vec();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0;
        for (i, b) in bytes.iter().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(chars);
            }
            if !is_continuation(*b) {
                chars += 1;
            }
        }
        CharIndex { bytes, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.bytes.len() {
            return self.checkpoints.last().copied().unwrap_or(0)
                + self.bytes[(self.checkpoints.len().saturating_sub(1)) * STRIDE..]
                    .iter()
                    .filter(|b| !is_continuation(**b))
                    .count();
        }
        let block = byte / STRIDE;
        self.checkpoints[block]
            + self.bytes[block * STRIDE..byte]
                .iter()
                .filter(|b| !is_continuation(**b))
                .count()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        let text = "Ü".repeat(40) + "a€b" + &"x".repeat(100) + "ё";
        let index = CharIndex::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), n, "byte {byte}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
        assert_eq!(CharIndex::new("").char_offset(0), 0);
    }
}

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

/// Converts byte offsets of one text into code-point offsets in constant time.
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
        for block in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += count_chars(block);
        }
        if checkpoints.is_empty() {
            checkpoints.push(0);
        }
        CharIndex { bytes, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = (byte / STRIDE).min(self.checkpoints.len() - 1);
        self.checkpoints[block] + count_chars(&self.bytes[block * STRIDE..byte])
    }
}

/// The characters that start in `bytes`: the bytes that are not UTF-8 continuation bytes,
/// counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("chunks of eight"));
        // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
        let continuation = w & !(w << 1) & 0x8080_8080_8080_8080;
        n += 8 - continuation.count_ones() as usize;
    }
    n + words
        .remainder()
        .iter()
        .filter(|b| !is_continuation(**b))
        .count()
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
        // A text that fills its last block exactly.
        let text = "é".repeat(64);
        let index = CharIndex::new(&text);
        assert_eq!(index.char_offset(text.len()), 64);
        assert_eq!(index.char_offset(66), 33);
        assert_eq!(index.char_offset(text.len() + 10), 64);
    }
}

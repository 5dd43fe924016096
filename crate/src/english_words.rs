//! What general English says of a word form (`crate/data/english_words.bin`, built by
//! `tools/lexicons/english_words.py` from wordfreq and spacy-lookups-data), read by the
//! part-of-speech and name taggers in place of counts from their training corpora:
//!
//! - how frequent the word is ([`zipf_band`], by its case-folded form);
//! - its Brown cluster ([`cluster`], case kept): words used alike share a cluster ("Senegal"
//!   with "Canada", "tweeted" with "posted"), so a word never seen in training is read like
//!   the words of its cluster that were. A cluster is the path of its leaf in a binary tree,
//!   stored reversed: its top levels are the low bits ([`at_depth`]).

use std::sync::LazyLock;

use crate::binary::take;

/// File magic of `english_words.bin`.
const MAGIC: &[u8; 8] = b"AIENW\x00\x01\x00";

/// The shipped table, parsed on first use.
pub static ENGLISH_WORDS: LazyLock<EnglishWords> = LazyLock::new(|| {
    EnglishWords::parse(include_bytes!("../data/english_words.bin"))
        .expect("crate/data/english_words.bin is well formed")
});

/// The Brown cluster of a word form as written (case kept), 0 when it has none.
pub fn cluster(w: &str) -> u32 {
    ENGLISH_WORDS.get(w).map_or(0, |e| e.cluster)
}

/// How frequent a lowercase word is in general English: its Zipf frequency (log10 of
/// occurrences per billion words) × 2, rounded down; 0 below 3.5 (about one in 300,000 words).
pub fn zipf_band(lower: &str) -> u8 {
    ENGLISH_WORDS.get(lower).map_or(0, |e| e.band)
}

/// Cluster `c` cut to its top `depth` levels (all of it from 32 on).
pub fn at_depth(c: u32, depth: u8) -> u32 {
    if depth >= 32 {
        c
    } else {
        c & ((1 << depth) - 1)
    }
}

/// What the table holds of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub cluster: u32,
    pub band: u8,
}

/// Sorted word forms, each with its cluster and frequency band.
pub struct EnglishWords {
    /// The words, one after another, sorted by their bytes; word `k` ends at `ends[k]`.
    text: String,
    ends: Vec<u32>,
    /// Per word, an index into `values`.
    index: Vec<u16>,
    values: Vec<u32>,
    bands: Vec<u8>,
    /// Open addressing by [`slot_hash`]: word index + 1, 0 for an empty slot; a power of two
    /// at least twice the words (a binary search over the words measured a third slower for
    /// the part-of-speech tagger, which looks up every distinct word twice).
    slots: Vec<u32>,
}

/// Where a word's probing starts: FNV-1a with its high bits folded in.
fn slot_hash(w: &str) -> usize {
    let h = crate::fnv::bytes(crate::fnv::BASIS, w.as_bytes());
    (h ^ h >> 29) as usize
}

impl EnglishWords {
    /// Reads the format `tools/lexicons/english_words.py` writes (documented there): the
    /// distinct clusters, the front-coded sorted words, then each word's cluster index as two
    /// byte planes and its band. `None` when anything is out of place.
    pub fn parse(bytes: &[u8]) -> Option<EnglishWords> {
        let r = &mut bytes.strip_prefix(MAGIC.as_slice())?;
        let n_values = u16::from_le_bytes(take(r, 2)?.try_into().ok()?) as usize;
        let values: Vec<u32> = take(r, n_values * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let n_words = u32::from_le_bytes(take(r, 4)?.try_into().ok()?) as usize;
        let (mut text, mut ends) = (String::new(), Vec::with_capacity(n_words.min(1 << 20)));
        let mut word: Vec<u8> = Vec::new();
        for _ in 0..n_words {
            let shared = take(r, 1)?[0] as usize;
            let line = r.iter().position(|&b| b == b'\n')?;
            let suffix = take(r, line + 1)?;
            if shared > word.len() {
                return None;
            }
            word.truncate(shared);
            word.extend_from_slice(&suffix[..line]);
            text.push_str(std::str::from_utf8(&word).ok()?);
            ends.push(text.len() as u32);
        }
        let (low, high, bands) = (take(r, n_words)?, take(r, n_words)?, take(r, n_words)?);
        let index: Vec<u16> = low
            .iter()
            .zip(high)
            .map(|(&l, &h)| u16::from_le_bytes([l, h]))
            .collect();
        let word =
            |k: usize| &text[if k == 0 { 0 } else { ends[k - 1] } as usize..ends[k] as usize];
        let sorted = (1..n_words).all(|k| word(k - 1).as_bytes() < word(k).as_bytes());
        let in_range = index.iter().all(|&i| (i as usize) < values.len());
        let mut table = EnglishWords {
            text,
            ends,
            index,
            values,
            bands: bands.to_vec(),
            slots: vec![0; (2 * n_words).next_power_of_two().max(2)],
        };
        let mask = table.slots.len() - 1;
        for k in 0..n_words {
            let mut at = slot_hash(table.word(k)) & mask;
            while table.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            table.slots[at] = k as u32 + 1;
        }
        (r.is_empty() && sorted && in_range).then_some(table)
    }

    fn word(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.text[start..self.ends[k] as usize]
    }

    /// What the table holds of `w` as written.
    pub fn get(&self, w: &str) -> Option<Entry> {
        let mask = self.slots.len() - 1;
        let mut at = slot_hash(w) & mask;
        loop {
            let k = self.slots[at].checked_sub(1)? as usize;
            if self.word(k) == w {
                return Some(Entry {
                    cluster: self.values[self.index[k] as usize],
                    band: self.bands[k],
                });
            }
            at = (at + 1) & mask;
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_groups_words_used_alike() {
        assert!(ENGLISH_WORDS.len() > 10_000);
        // Countries share a cluster, and so do forms of one use.
        assert_ne!(cluster("Canada"), 0);
        assert_eq!(cluster("Canada"), cluster("France"));
        assert_ne!(cluster("said"), cluster("Canada"));
        // Case is kept: the lowercase form is a word of its own.
        assert_eq!(cluster("zzzznotaword"), 0);
        assert_eq!(cluster(""), 0);
    }

    #[test]
    fn every_word_of_the_table_is_found() {
        let t = &*ENGLISH_WORDS;
        for k in 0..t.len() {
            let e = t.get(t.word(k)).expect("found");
            assert!(e.cluster != 0 || e.band != 0, "{}", t.word(k));
        }
    }

    #[test]
    fn frequency_bands_rank_words_by_use() {
        assert_eq!(zipf_band("the"), 15);
        assert!(zipf_band("house") > zipf_band("lighthouse"));
        assert!(zipf_band("lighthouse") > 0);
        // Bands are of case-folded words.
        assert_eq!(zipf_band("The"), 0);
        assert_eq!(zipf_band("zzzznotaword"), 0);
    }

    #[test]
    fn depth_keeps_the_top_levels() {
        assert_eq!(at_depth(0b1011_0110, 4), 0b0110);
        assert_eq!(at_depth(0b1011_0110, 32), 0b1011_0110);
    }

    #[test]
    fn a_damaged_table_is_refused() {
        let good = include_bytes!("../data/english_words.bin");
        assert!(EnglishWords::parse(good).is_some());
        assert!(EnglishWords::parse(&good[..good.len() - 1]).is_none());
        assert!(EnglishWords::parse(MAGIC).is_none());
        let mut extra = good.to_vec();
        extra.push(0);
        assert!(EnglishWords::parse(&extra).is_none());
    }
}

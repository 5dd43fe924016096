//! A compact statistical name tagger: an averaged perceptron over hashed features, decoding
//! BIO tags (PER, ORG, LOC, MISC) greedily left to right with the two previous tags as context.
//!
//! Training (`crate/examples/train_ner.rs`) and inference share everything here: the features
//! ([`Features`]), the decoding loop ([`tag_document`]) and the tag set. The trainer plugs a
//! learning [`Scorer`] into the same loop the crate runs with the shipped [`Model`], so the two
//! cannot drift apart. Weights live in `crate/data/ner.bin` (see [`Model::parse`] for the
//! format), quantised to `i8`, compiled in with `include_bytes!`.

mod chunks;
mod decode;
mod fast;
mod features;
mod flags;
mod gazetteer;
mod hash;
mod model;
#[cfg(test)]
mod tests;
mod words;

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::english_words::{at_depth, cluster as word_cluster, zipf_band};
use crate::lexicon::{Gender, LEX};
use crate::segment::{word_is_cap, Document, TokenKind};

pub use chunks::{chunks, find, Chunk};
pub use decode::{tag_document, Decision, Scorer};
pub use features::Features;
pub use model::{Model, MAGIC};

use decode::*;
use fast::*;
use features::*;
use flags::*;
use gazetteer::*;
use hash::*;
use model::*;
use words::*;

/// The tags, in weight-table column order.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const N_TAGS: usize = TAGS.len();
/// Tag index of `O`.
pub const O: u8 = 0;
/// History value before the first token of a sentence.
const START: u8 = N_TAGS as u8;

/// The index of a tag in [`TAGS`] (IOB1 `I-X` at a chunk start is read as `B-X` by callers).
pub fn tag_index(tag: &str) -> Option<u8> {
    TAGS.iter().position(|t| *t == tag).map(|i| i as u8)
}

/// Entity type of a tag: 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC.
pub const fn tag_type(t: u8) -> u8 {
    if t == O || t as usize >= N_TAGS {
        0
    } else {
        t.div_ceil(2)
    }
}

pub const fn is_begin(t: u8) -> bool {
    t != O && (t as usize) < N_TAGS && t % 2 == 1
}

/// `I-X` may only continue a chunk of type X.
pub const fn allowed(prev: u8, t: u8) -> bool {
    is_begin(t) || t == O || tag_type(prev) == tag_type(t)
}

/// The weights compiled into the crate, parsed on first use (`None` if the file is empty or
/// malformed: the rules then work alone).
pub static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::parse(include_bytes!("../../data/ner.bin")));

//! Part-of-speech tags: a Universal POS tag (`VERB`, `PROPN`…) and a Penn Treebank tag (`VBZ`,
//! `NNS`…) for every token, so later stages can tell "states" the verb from "states" the noun.
//!
//! An averaged perceptron over hashed word, affix, shape and context features, decoding
//! greedily left to right with the two previous tags as context. Trained by
//! `crate/examples/train_pos.rs` (`tools/pos/train.sh`) on Universal Dependencies English-EWT
//! and the openly licensed genres of GUM; weights in `crate/data/pos.bin`, compiled in.

mod decode;
pub mod features;
pub mod model;
pub mod tags;
mod words;

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::segment::Document;
pub use decode::{keys_of, tag_keys, Scorer, Tagger};
use features::Key;
pub use model::Model;
pub use tags::{class_of, Upos, ALL_UPOS, CLASSES, N_CLASSES};

/// The tags of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pos {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag as English-EWT writes it (`NN`, `VBZ`, `-LRB-`, `ADD`…).
    pub xpos: &'static str,
}

impl Pos {
    /// The tags of model class `c`.
    pub fn of_class(c: u8) -> Pos {
        let (upos, xpos) = CLASSES[c as usize];
        Pos { upos, xpos }
    }
}

/// The shipped weights (an empty model if the file were damaged: every word a noun).
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_bytes!("../../data/pos.bin")).unwrap_or_else(Model::empty)
});

/// One tag per token of `doc` (`doc.tokens[i]` ↔ result `[i]`).
pub fn tag(doc: &Document) -> Vec<Pos> {
    tag_with(doc, &MODEL)
}

/// [`tag`] with other weights (the trainer's).
pub fn tag_with(doc: &Document, model: &Model) -> Vec<Pos> {
    let runs: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .map(|s| s.tokens)
        .filter(|(a, b)| a < b)
        .collect();
    tag_runs(doc, model, &runs)
        .into_iter()
        .map(|p| p.unwrap_or(Pos::of_class(0)))
        .collect()
}

/// The tags of the words near the tokens `around` (in order): each read in a run from a few
/// tokens before it (or its sentence's start) to a few after, `None` for the other tokens. For
/// a stage that needs the class of a few words only (the quote finder's cue words), at a
/// fraction of the cost of the whole text; the class of a word of interest is that of the
/// whole sentence's tagging in all but a few cases (the run has less left context).
pub fn tag_around(doc: &Document, around: &[usize]) -> Vec<Option<Pos>> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &t in around {
        let s = &doc.sentences[doc.tokens[t].sentence as usize];
        let (a, b) = (
            t.saturating_sub(BEFORE).max(s.tokens.0),
            (t + AFTER).min(s.tokens.1),
        );
        match runs.last_mut() {
            Some(last) if last.1 >= a && doc.tokens[last.0].sentence == doc.tokens[t].sentence => {
                last.1 = last.1.max(b)
            }
            _ => runs.push((a, b)),
        }
    }
    tag_runs(doc, &MODEL, &runs)
}

/// Tokens read before and after a word of interest in [`tag_around`] (the end is exclusive:
/// two tokens after it is the word itself and the next). The model reads one word on each
/// side and the two classes before, so three tokens before give those classes some context
/// of their own.
const BEFORE: usize = 3;
const AFTER: usize = 2;

/// The tags of the tokens in `runs` (token ranges within one sentence each, in order), each
/// run tagged on its own; `None` for the other tokens.
fn tag_runs(doc: &Document, model: &Model, runs: &[(usize, usize)]) -> Vec<Option<Pos>> {
    let mut out = vec![None; doc.tokens.len()];
    // Most articles hold no ambiguous cue word: no tagger to build.
    if runs.is_empty() {
        return out;
    }
    let mut tagger = Tagger::new(model);
    let covered: usize = runs.iter().map(|(a, b)| b - a).sum();
    // A key and a slot once per distinct word. About one distinct word in two tokens in an
    // article (fewer in a long text): no regrowing on the way.
    let distinct = (covered / 2).min(4096) + 16;
    let mut seen: HashMap<&str, u32> =
        HashMap::with_capacity_and_hasher(distinct, Default::default());
    tagger.reserve(distinct);
    let mut scratch = features::Scratch::default();
    let mut slots = Vec::new();
    let mut w = words::Words::default();
    for &(a, b) in runs {
        words::sentence_into(doc, (a, b), &mut w);
        slots.clear();
        for word in &w.words {
            let slot = *seen
                .entry(word)
                .or_insert_with(|| tagger.new_slot(&Key::new(word, &mut scratch)));
            slots.push(slot);
        }
        let opens = doc.sentences[doc.tokens[a].sentence as usize].tokens.0 == a;
        let classes = tagger.tag_run(&slots, opens);
        for (t, &k) in (a..b).zip(&w.of_token) {
            out[t] = Some(Pos::of_class(classes[k]));
        }
    }
    out
}

/// One tag per word of a sentence already cut into UD-style words (`do`, `n't`): what the
/// evaluation on gold words uses.
pub fn tag_words(words: &[&str]) -> Vec<Pos> {
    tag_words_with(words, &MODEL)
}

/// [`tag_words`] with other weights.
pub fn tag_words_with(words: &[&str], model: &Model) -> Vec<Pos> {
    let classes = Tagger::new(model).tag(&keys_of(words));
    classes.into_iter().map(Pos::of_class).collect()
}

#[cfg(test)]
mod tests;

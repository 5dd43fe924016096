//! Greedy left-to-right decoding: each word takes the best class given its features and the
//! two classes just chosen.
//!
//! Training plugs a learning [`Scorer`] into [`tag_keys`], so the trainer and the crate decode
//! the same way. [`Tagger`] is the shipped model's fast path: the weights of the features that
//! depend on one word alone are summed once per distinct word, and the sums are integers, so
//! it gives exactly the classes [`tag_keys`] gives with the same [`Model`].

use rustc_hash::FxHashMap as HashMap;

use super::features::{self, Key};
use super::model::Model;
use super::tags::{N_CLASSES, START};

/// Scores of every class for a list of feature hashes.
pub trait Scorer {
    fn scores(&self, feats: &[u32]) -> [f32; N_CLASSES];
    /// Called after each decision in training (`gold` known); the default does nothing.
    fn learn(&mut self, _feats: &[u32], _gold: u8, _predicted: u8) {}
}

impl Scorer for &Model {
    fn scores(&self, feats: &[u32]) -> [f32; N_CLASSES] {
        let mut acc = [0; N_CLASSES];
        self.add(feats, &mut acc);
        // Exact for any sum a file can hold (|sum| < 2^24), so the order is the integers'.
        acc.map(|a| a as f32)
    }
}

/// The first best class (ties go to the more frequent class, the lower index).
fn best<T: PartialOrd + Copy>(scores: &[T; N_CLASSES]) -> u8 {
    // The maximum first (a branch-free pass), then its first position.
    let max = scores
        .iter()
        .fold(scores[0], |m, &s| if s > m { s } else { m });
    scores.iter().position(|&s| s == max).unwrap_or(0) as u8
}

/// The keys of `words`.
pub fn keys_of(words: &[&str]) -> Vec<Key> {
    let mut s = features::Scratch::default();
    words.iter().map(|w| Key::new(w, &mut s)).collect()
}

/// Classes of a sentence's words. With `gold`, the scorer learns from each decision and the
/// history is its own predictions (as at run time).
pub fn tag_keys<S: Scorer>(keys: &[Key], scorer: &mut S, gold: Option<&[u8]>) -> Vec<u8> {
    let mut out = Vec::with_capacity(keys.len());
    let mut feats = Vec::with_capacity(40);
    let (mut p1, mut p2) = (START, START);
    for i in 0..keys.len() {
        features::all(keys, i, p1, p2, &mut feats);
        let c = best(&scorer.scores(&feats));
        if let Some(g) = gold {
            scorer.learn(&feats, g[i], c);
        }
        out.push(c);
        (p2, p1) = (p1, c);
    }
    out
}

/// What the fast path keeps of a word: the summed weights of its own features (as a word
/// inside the sentence) and of those it lends to the words before and after it (`i16` is
/// enough: a part sums at most 16 weights of |w| ≤ 127); its case feature as a sentence's
/// first word and as any other, for the first word's correction.
struct Slot {
    near: [[i16; N_CLASSES]; 3],
    first: [u32; 2],
}

/// The shipped model's decoder, with its per-word sums; reuse one across a document.
pub struct Tagger<'m> {
    model: &'m Model,
    slot: HashMap<(u64, u64, u8), u32>,
    slots: Vec<Slot>,
    /// Per (previous class, class before): index into `hist_sums`, `u32::MAX` before first use.
    hist: Vec<u32>,
    hist_sums: Vec<[i16; N_CLASSES]>,
    feats: Vec<u32>,
}

impl<'m> Tagger<'m> {
    pub fn new(model: &'m Model) -> Self {
        let mut t = Tagger {
            model,
            slot: HashMap::default(),
            slots: Vec::new(),
            hist: vec![u32::MAX; (START as usize + 1) * (START as usize + 1)],
            hist_sums: Vec::new(),
            feats: Vec::with_capacity(24),
        };
        // Slots 0 and 1: the stand-ins before and after a sentence.
        t.slot(&Key::edge(-1));
        t.slot(&Key::edge(1));
        t
    }

    /// Room for `n` more distinct words.
    pub fn reserve(&mut self, n: usize) {
        self.slots.reserve(n);
    }

    /// The summed weights of `feats`.
    fn sum(&self, feats: &[u32]) -> [i16; N_CLASSES] {
        let mut acc = [0; N_CLASSES];
        for &h in feats {
            self.model.add_row16(h, 1, &mut acc);
        }
        acc
    }

    /// The slot of word key `k`, its parts summed on first use.
    pub fn slot(&mut self, k: &Key) -> u32 {
        let id = (k.lower, k.shape, k.flags);
        if let Some(&s) = self.slot.get(&id) {
            return s;
        }
        let s = self.new_slot(k);
        self.slot.insert(id, s);
        s
    }

    /// A new slot for `k` (the caller knows it has none yet, or does not mind a second).
    pub fn new_slot(&mut self, k: &Key) -> u32 {
        let mut near = [[0; N_CLASSES]; 3];
        let mut feats = std::mem::take(&mut self.feats);
        for (part, row) in near.iter_mut().enumerate() {
            feats.clear();
            match part {
                0 => features::own(k, false, &mut feats),
                n => features::neighbour(k, n - 1, &mut feats),
            }
            *row = self.sum(&feats);
        }
        self.feats = feats;
        let first = [false, true].map(|f| features::first_feature(k, f));
        self.slots.push(Slot { near, first });
        (self.slots.len() - 1) as u32
    }

    /// Classes of a sentence's words: those of [`tag_keys`] with the same model.
    pub fn tag(&mut self, keys: &[Key]) -> Vec<u8> {
        let slots: Vec<u32> = keys.iter().map(|k| self.slot(k)).collect();
        self.tag_slots(&slots)
    }

    /// [`Tagger::tag`] of the words in `slots` (from [`Tagger::slot`]).
    pub fn tag_slots(&mut self, slots: &[u32]) -> Vec<u8> {
        self.tag_run(slots, true)
    }

    /// The classes of a run of words, `opens` when it starts its sentence. A run inside a
    /// sentence is read as if it were one (no class before it, its first word not the
    /// sentence's first): an approximation for a few words around one of interest.
    pub fn tag_run(&mut self, slots: &[u32], opens: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(slots.len());
        let (mut p1, mut p2) = (START, START);
        let n = slots.len();
        for i in 0..n {
            let me = slots[i] as usize;
            let prev = if i > 0 { slots[i - 1] as usize } else { 0 };
            let next = if i + 1 < n { slots[i + 1] as usize } else { 1 };
            // `i16` sums: at most 30 weights of |w| ≤ 127 add up, far from overflowing.
            let mut acc = self.slots[me].near[0];
            add16(&mut acc, &self.slots[prev].near[1]);
            add16(&mut acc, &self.slots[next].near[2]);
            let h = self.history_of(p1, p2);
            add16(&mut acc, &self.hist_sums[h]);
            if i == 0 && opens {
                let [inside, first] = self.slots[me].first;
                self.model.add_row16(inside, -1, &mut acc);
                self.model.add_row16(first, 1, &mut acc);
            }
            let c = best(&acc);
            out.push(c);
            (p2, p1) = (p1, c);
        }
        out
    }

    /// Index of the summed history features of (`p1`, `p2`), summed on first use.
    fn history_of(&mut self, p1: u8, p2: u8) -> usize {
        let k = p1 as usize * (START as usize + 1) + p2 as usize;
        if self.hist[k] == u32::MAX {
            self.feats.clear();
            features::history(p1, p2, &mut self.feats);
            let sums = self.sum(&self.feats);
            self.hist_sums.push(sums);
            self.hist[k] = (self.hist_sums.len() - 1) as u32;
        }
        self.hist[k] as usize
    }
}

#[inline]
fn add16(acc: &mut [i16; N_CLASSES], row: &[i16; N_CLASSES]) {
    for (a, &w) in acc.iter_mut().zip(row) {
        *a += w;
    }
}

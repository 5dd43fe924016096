//! Greedy left-to-right decoding with the two previous tags as context, shared by training
//! (a learning [`Scorer`]) and the reference path at inference.

use super::*;

/// Scores of every tag for a token's features. The trainer's scorer also learns.
pub trait Scorer {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS];
    /// Called after each decision when training with gold tags.
    fn learn(&mut self, _feats: &[u32], _gold: u8, _predicted: u8) {}
}

/// One decided tag and how sure the model was: the score margin over the best other tag
/// (0 for tokens decided without scoring).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub tag: u8,
    pub margin: f32,
}

/// The best tag the history `p1` allows, and its margin over the next best allowed one.
pub(super) fn decide(sc: &[f32; N_TAGS], p1: u8) -> (u8, f32) {
    let mut best = O;
    for t in 1..N_TAGS as u8 {
        if allowed(p1, t) && sc[t as usize] > sc[best as usize] {
            best = t;
        }
    }
    let second = (0..N_TAGS as u8)
        .filter(|&t| t != best && allowed(p1, t))
        .map(|t| sc[t as usize])
        .fold(f32::NEG_INFINITY, f32::max);
    (best, sc[best as usize] - second)
}

/// Tags every sentence of `doc` (those for which `skip` is false) greedily. With `gold`
/// (one tag per token), the scorer learns from each decision; the history is always the
/// model's own tags, as at inference.
pub fn tag_document<S: Scorer>(
    doc: &Document,
    scorer: &mut S,
    gold: Option<&[u8]>,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Decision> {
    let feats = Features::new(doc);
    let mut out = vec![
        Decision {
            tag: O,
            margin: 0.0
        };
        doc.tokens.len()
    ];
    let mut buf = Vec::with_capacity(96);
    for s in &doc.sentences {
        if skip(s.block) {
            continue;
        }
        let (s0, s1) = s.tokens;
        let (mut p1, mut p2) = (START, START);
        for i in s0..s1 {
            let tag;
            let mut margin = 0.0;
            if (p1 == O || p1 == START) && feats.never_starts(i) {
                tag = O;
            } else {
                buf.clear();
                feats.token(i, (s0, s1), p1, p2, &mut buf);
                let best;
                (best, margin) = decide(&scorer.scores(&buf), p1);
                tag = best;
                if let Some(g) = gold {
                    // A gold `I-X` the history cannot continue is learnt as `B-X`.
                    let g = if allowed(p1, g[i]) { g[i] } else { g[i] - 1 };
                    scorer.learn(&buf, g, best);
                }
            }
            out[i] = Decision { tag, margin };
            (p2, p1) = (p1, tag);
        }
    }
    out
}

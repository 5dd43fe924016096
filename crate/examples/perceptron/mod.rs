//! The averaged perceptron both trainers use (`train_pos`, `train_ner`): a dense table of
//! `2^bits` hashed feature rows of `N` classes, the running sums for the average, pruning to
//! a budget of weights, and the seeded shuffle of the training order.
//!
//! Each trainer plugs it into its crate module's own `Scorer` trait (the part-of-speech and
//! the name tagger decode with the crate's own loops), so training and inference share the
//! features and the decoding.

// Each example uses part of this module.
#![allow(dead_code)]

/// Averaged perceptron over a dense hashed table.
pub struct Averaged<const N: usize> {
    pub mask: u32,
    pub w: Vec<f32>,
    /// Sum of step × update, for the average.
    u: Vec<f64>,
    step: f64,
    /// After pruning: the entries still learning (the others stay 0).
    keep: Option<Vec<bool>>,
}

impl<const N: usize> Averaged<N> {
    pub fn new(bits: u32) -> Self {
        let size = (1usize << bits) * N;
        Averaged {
            mask: (1u32 << bits) - 1,
            w: vec![0.0; size],
            u: vec![0.0; size],
            step: 0.0,
            keep: None,
        }
    }

    /// The class scores of `feats` under the current weights.
    pub fn scores(&self, feats: &[u32]) -> [f32; N] {
        dense_scores(&self.w, self.mask, feats)
    }

    /// One decision: a step of the average, and an update when `predicted` is not `gold`.
    pub fn learn(&mut self, feats: &[u32], gold: u8, predicted: u8) {
        self.step += 1.0;
        if gold == predicted {
            return;
        }
        for &h in feats {
            let r = (h & self.mask) as usize * N;
            for (t, d) in [(gold, 1.0f32), (predicted, -1.0)] {
                if self.keep.as_ref().is_some_and(|k| !k[r + t as usize]) {
                    continue;
                }
                self.w[r + t as usize] += d;
                self.u[r + t as usize] += d as f64 * self.step;
            }
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        let step = self.step.max(1.0);
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / step) as f32)
            .collect()
    }

    /// Drops all but the `budget` largest averaged weights; later epochs train the rest only.
    pub fn prune(&mut self, budget: usize, levels: u8) {
        let avg = self.averaged();
        let (cut, _) = threshold(&avg, budget, levels);
        let keep: Vec<bool> = avg.iter().map(|w| w.abs() > cut).collect();
        for (i, &k) in keep.iter().enumerate() {
            if !k {
                (self.w[i], self.u[i]) = (0.0, 0.0);
            }
        }
        self.keep = Some(keep);
    }
}

/// The class scores of `feats` under dense weights `w` (`N` a row, rows hashed by `mask`).
pub fn dense_scores<const N: usize>(w: &[f32], mask: u32, feats: &[u32]) -> [f32; N] {
    let mut s = [0f32; N];
    for &h in feats {
        let r = (h & mask) as usize * N;
        for (a, x) in s.iter_mut().zip(&w[r..r + N]) {
            *a += x;
        }
    }
    s
}

/// The magnitude below which a weight is dropped so that at most `budget` remain (and at
/// least half a quantisation step, below which it would round to 0), and the scale: the
/// largest weight is `levels` steps. (For the part-of-speech weights 31 steps, 5 bits of the
/// `i8`, compress the file 13% smaller than 127 and measured the same on dev within 0.15
/// points; clamping the largest weights for a finer step measured worse.)
pub fn threshold(avg: &[f32], budget: usize, levels: u8) -> (f32, f32) {
    let max = avg.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = max / levels as f32;
    let mut mags: Vec<f32> = avg
        .iter()
        .map(|w| w.abs())
        .filter(|&a| a >= scale * 0.5)
        .collect();
    if mags.len() <= budget {
        return (scale * 0.5, scale);
    }
    let (_, &mut cut, _) = mags.select_nth_unstable_by(budget, |a, b| b.total_cmp(a));
    (cut.max(scale * 0.5), scale)
}

/// The `--levels` option: quantisation steps of the largest weight, 1 to 127 (an `i8`).
pub fn levels(arg: &str) -> Option<u8> {
    arg.parse().ok().filter(|l| (1..=127).contains(l))
}

/// Shuffles `order` in place (Fisher–Yates, xorshift64).
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for k in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(k, (*rng % (k as u64 + 1)) as usize);
    }
}

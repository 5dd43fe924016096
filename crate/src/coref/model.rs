//! The pronoun resolver's weights: one number a feature, read from `crate/data/coref.txt`
//! (`feature<TAB>weight` lines, written by `crate/examples/train_coref.rs`).

use std::sync::LazyLock;

use super::features::{Candidate, FEATURES};

/// A linear ranking of candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Per feature of [`FEATURES`], its weight.
    pub weights: Vec<f32>,
}

/// The shipped weights.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(data_file!("coref.txt")).expect("crate/data/coref.txt is well formed")
});

impl Model {
    /// All weights zero.
    pub fn zero() -> Model {
        Model {
            weights: vec![0.0; FEATURES.len()],
        }
    }

    /// Reads `feature<TAB>weight` lines (`#` comments); `None` for a feature this code does
    /// not know, a bad number, or a known feature missing.
    pub fn parse(text: &str) -> Option<Model> {
        let mut weights = vec![f32::NAN; FEATURES.len()];
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (name, w) = line.split_once('\t')?;
            let k = FEATURES.iter().position(|f| *f == name)?;
            weights[k] = w.trim().parse().ok()?;
        }
        weights
            .iter()
            .all(|w| w.is_finite())
            .then_some(Model { weights })
    }

    /// The weights as `parse` reads them.
    pub fn write(&self) -> String {
        FEATURES
            .iter()
            .zip(&self.weights)
            .map(|(f, w)| format!("{f}\t{w:.4}\n"))
            .collect()
    }

    pub fn score(&self, c: &Candidate) -> f32 {
        c.features.iter().map(|&k| self.weights[k as usize]).sum()
    }

    /// The best candidate and its margin over the runner-up (infinite when it is the only
    /// one); on a tie the more recently named.
    pub fn choose(&self, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        let mut second = f32::NEG_INFINITY;
        for (k, c) in candidates.iter().enumerate() {
            let s = self.score(c);
            match best {
                Some((_, b)) if s <= b => second = second.max(s),
                _ => {
                    if let Some((_, b)) = best {
                        second = b;
                    }
                    best = Some((k, s));
                }
            }
        }
        best.map(|(k, s)| (k, s - second))
    }
}

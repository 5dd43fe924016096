//! The classifier's weights: two logistic models (a first pass over each block's features, a
//! second over the first pass's scores of it and its neighbours) for text and for HTML,
//! trained by `crate/examples/train_boilerplate/` (`tools/boilerplate/train.sh`) and shipped
//! as `crate/data/boilerplate.bin`.
//!
//! File format (little-endian): the magic `AIBP1\n`, then four tables (text first pass, text
//! second pass, HTML first pass, HTML second pass), each a `u32` count `n`, an `f32` scale,
//! then `n` entries of a `u32` feature id and an `i16` weight (weight × scale), ids ascending.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::features::Features;
use crate::binary::take;

const MAGIC: &[u8] = b"AIBP1\n";

/// One logistic model: the non-zero weights, by feature id (a hash map: a page of 5,000 blocks
/// looks up 350,000 features, and a binary search over 10,000 ids took a tenth of the stage).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    weights: FxHashMap<u32, f32>,
}

impl Weights {
    /// From a dense table (as the trainer holds it), keeping weights above `min_abs`.
    pub fn from_dense(dense: &[f32], min_abs: f32) -> Weights {
        let weights = dense
            .iter()
            .enumerate()
            .filter(|(_, w)| w.abs() > min_abs)
            .map(|(i, &w)| (i as u32, w))
            .collect();
        Weights { weights }
    }

    /// The log-odds that a block with these features is article text.
    pub fn score(&self, features: &Features) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f)).sum()
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<(u32, f32)> = self.weights.iter().map(|(&i, &w)| (i, w)).collect();
        entries.sort_unstable_by_key(|e| e.0);
        let max = entries.iter().fold(0f32, |m, (_, w)| m.max(w.abs()));
        let scale = if max > 0.0 {
            f32::from(i16::MAX) / max
        } else {
            1.0
        };
        out.extend((entries.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        for (id, w) in &entries {
            out.extend(id.to_le_bytes());
            out.extend(((w * scale).round() as i16).to_le_bytes());
        }
    }

    fn read(bytes: &mut &[u8]) -> Option<Weights> {
        let n = u32::from_le_bytes(take(bytes, 4)?.try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(take(bytes, 4)?.try_into().ok()?);
        let mut ids = Vec::with_capacity(n);
        let mut weights = FxHashMap::default();
        weights.reserve(n);
        for _ in 0..n {
            let e = take(bytes, 6)?;
            let id = u32::from_le_bytes(e[..4].try_into().ok()?);
            ids.push(id);
            weights.insert(
                id,
                f32::from(i16::from_le_bytes(e[4..].try_into().ok()?)) / scale,
            );
        }
        ids.windows(2)
            .all(|p| p[0] < p[1])
            .then_some(Weights { weights })
    }
}

/// The two passes of one input mode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Passes {
    pub first: Weights,
    pub second: Weights,
}

/// The whole classifier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub text: Passes,
    pub html: Passes,
}

impl Model {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for w in [
            &self.text.first,
            &self.text.second,
            &self.html.first,
            &self.html.second,
        ] {
            w.write(&mut out);
        }
        out
    }

    pub fn from_bytes(mut bytes: &[u8]) -> Option<Model> {
        take(&mut bytes, MAGIC.len()).filter(|m| *m == MAGIC)?;
        let mut next = || Weights::read(&mut bytes);
        let (a, b, c, d) = (next()?, next()?, next()?, next()?);
        bytes.is_empty().then_some(Model {
            text: Passes {
                first: a,
                second: b,
            },
            html: Passes {
                first: c,
                second: d,
            },
        })
    }

    pub fn passes(&self, html: bool) -> &Passes {
        if html {
            &self.html
        } else {
            &self.text
        }
    }
}

/// The shipped model.
pub static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/boilerplate.bin"))
        .expect("crate/data/boilerplate.bin is a boilerplate model")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_its_file_format() {
        let mut dense = vec![0.0; 16];
        dense[3] = 1.5;
        dense[7] = -0.25;
        dense[9] = 1e-6;
        let w = Weights::from_dense(&dense, 1e-4);
        assert_eq!(w.len(), 2);
        assert!((w.score(&vec![3, 7, 7, 12]) - 1.0).abs() < 1e-3);
        let m = Model {
            text: Passes {
                first: w.clone(),
                second: Weights::default(),
            },
            html: Passes::default(),
        };
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert!((back.text.first.score(&vec![3]) - 1.5).abs() < 1e-3);
        assert!(Model::from_bytes(b"AIBP1\n").is_none());
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(!SHIPPED.html.first.is_empty() && !SHIPPED.text.second.is_empty());
    }
}

//! The two logistic passes: rows, averaged SGD, features allowed by the sites they occur on,
//! out-of-fold first-pass scores for the second pass.

use std::collections::HashMap;

use article_inspector::boilerplate::features::{self, BITS};
use article_inspector::boilerplate::model::{Passes, Weights};

use crate::labels::hash_words;
use crate::prepare::Prepped;
use crate::sets::{Page, Set};

const INNER_FOLDS: u64 = 4;
const EPOCHS: usize = 6;
const RATE: f32 = 0.05;
const MIN_SITES: u32 = 3;
/// L2 penalty on a feature's weight, applied when the feature is seen.
const L2: f32 = 0.1;
/// The clean pastes of a set weigh this much against the set's real pages.
const SYNTHETIC_WEIGHT: f32 = 0.3;
const SEED: u64 = 0x5eed_b011_e4a7_0001;
/// Weights smaller than this are not shipped.
const MIN_WEIGHT: f32 = 1e-3;

/// A training row: a block's features, its label, its weight.
pub struct Row<'a> {
    pub features: &'a [u32],
    pub label: bool,
    pub weight: f32,
}

/// Rows of the labelled blocks of `preps`: each page weighs the same, each set as much as the
/// others.
pub fn rows<'a>(pages: &[Page], preps: &[&Prepped], feats: &'a [Vec<Vec<u32>>]) -> Vec<Row<'a>> {
    let mut per_set: HashMap<(Set, bool), f32> = HashMap::new();
    for p in preps {
        if p.labels.iter().any(Option::is_some) {
            *per_set.entry((pages[p.page].set, p.synthetic)).or_default() += 1.0;
        }
    }
    let mut out = Vec::new();
    for (p, f) in preps.iter().zip(feats) {
        let n = p.labels.iter().filter(|l| l.is_some()).count();
        if n == 0 {
            continue;
        }
        let set_weight = if p.synthetic { SYNTHETIC_WEIGHT } else { 1.0 };
        let w = set_weight / (n as f32 * per_set[&(pages[p.page].set, p.synthetic)]);
        for (b, l) in p.labels.iter().enumerate() {
            if let Some(label) = *l {
                out.push(Row {
                    features: &f[b],
                    label,
                    weight: w,
                });
            }
        }
    }
    let mean = out.iter().map(|r| r.weight).sum::<f32>() / out.len().max(1) as f32;
    for r in &mut out {
        r.weight /= mean;
    }
    out
}

/// Averaged SGD on the logistic loss, in a seeded order; features seen on fewer than
/// `MIN_SITES` sites keep a zero weight.
pub fn fit(rows: &[Row], allowed: &[bool]) -> Vec<f32> {
    let size = 1usize << BITS;
    let (mut w, mut u) = (vec![0f32; size], vec![0f32; size]);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = SEED;
    let mut c = 1f32;
    for epoch in 0..EPOCHS {
        shuffle(&mut order, &mut rng);
        let rate = RATE / (1.0 + epoch as f32);
        for &i in &order {
            let r = &rows[i];
            let z: f32 = r.features.iter().map(|&f| w[f as usize]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (f32::from(u8::from(r.label)) - p) * r.weight * rate;
            for &f in r.features {
                if allowed[f as usize] {
                    let step = g - rate * L2 * w[f as usize];
                    w[f as usize] += step;
                    u[f as usize] += c * step;
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(w, u)| w - u / c).collect()
}

pub fn shuffle(v: &mut [usize], rng: &mut u64) {
    for i in (1..v.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        v.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Features present on at least `MIN_SITES` sites of the training pages.
pub fn allowed_features(pages: &[Page], preps: &[&Prepped]) -> Vec<bool> {
    let mut by_site: HashMap<&str, Vec<u32>> = HashMap::new();
    for p in preps {
        by_site
            .entry(pages[p.page].site.as_str())
            .or_default()
            .extend(&p.distinct);
    }
    let mut count = vec![0u32; 1 << BITS];
    for ids in by_site.values_mut() {
        ids.sort_unstable();
        ids.dedup();
        for &id in ids.iter() {
            count[id as usize] += 1;
        }
    }
    count.iter().map(|&c| c >= MIN_SITES).collect()
}

pub fn fit_first(pages: &[Page], preps: &[&Prepped]) -> Weights {
    let feats: Vec<Vec<Vec<u32>>> = preps.iter().map(|p| p.prepared.first.clone()).collect();
    let allowed = allowed_features(pages, preps);
    Weights::from_dense(&fit(&rows(pages, preps, &feats), &allowed), MIN_WEIGHT)
}

pub fn fold_of(site: &str, salt: &str, folds: u64) -> u64 {
    hash_words(&[site, salt]) % folds
}

/// Both passes on `preps`: the second learns from first-pass scores made out of fold.
pub fn fit_passes(pages: &[Page], preps: &[&Prepped]) -> Passes {
    let mut z: Vec<Vec<f32>> = vec![Vec::new(); preps.len()];
    for k in 0..INNER_FOLDS {
        let inner = |p: &&Prepped| fold_of(&pages[p.page].site, "inner", INNER_FOLDS) == k;
        let train: Vec<&Prepped> = preps.iter().copied().filter(|p| !inner(p)).collect();
        let w = fit_first(pages, &train);
        for (i, p) in preps.iter().enumerate().filter(|(_, p)| inner(p)) {
            z[i] = p.prepared.first.iter().map(|f| w.score(f)).collect();
        }
    }
    let second: Vec<Vec<Vec<u32>>> = preps
        .iter()
        .zip(&z)
        .map(|(p, z)| features::second_pass(z, &p.prepared.facts))
        .collect();
    let allowed = vec![true; 1 << BITS];
    let second = Weights::from_dense(&fit(&rows(pages, preps, &second), &allowed), MIN_WEIGHT);
    Passes {
        first: fit_first(pages, preps),
        second,
    }
}

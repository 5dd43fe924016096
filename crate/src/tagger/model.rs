//! The shipped weights: the file format ([`Model::parse`], [`Model::serialize`]) and the
//! integer score sums.

use super::*;

/// The shipped weights: a `2^bits × N_TAGS` table of `i8`, score = sum × `scale`.
pub struct Model {
    pub(super) mask: u32,
    pub(super) scale: f32,
    pub(super) weights: Vec<i8>,
    /// Sums of the features with few values, for [`Fast`].
    pub(super) fixed: Box<Fixed>,
}

/// File magic of `ner.bin`.
pub const MAGIC: &[u8; 8] = b"AINER\x00\x01\x00";

impl Model {
    /// Reads the weight file: `MAGIC`, `bits: u32`, `scale: f32`, `rows: u32` (little
    /// endian), then `rows` LEB128 gaps between the indices of the non-zero rows (the first
    /// from 0), then `rows × N_TAGS` `i8` weights, row after row. Gaps and weights are stored
    /// apart because each compresses better among its own kind.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let u32_at = |k: usize| -> Option<u32> {
            Some(u32::from_le_bytes(rest.get(k..k + 4)?.try_into().ok()?))
        };
        let bits = u32_at(0)?;
        let scale = f32::from_bits(u32_at(4)?);
        let rows = u32_at(8)? as usize;
        if !(4..=24).contains(&bits) {
            return None;
        }
        let size = 1usize << bits;
        let mut weights = vec![0i8; size * N_TAGS];
        let mut pos = 12;
        let mut idx: Vec<usize> = Vec::with_capacity(rows);
        let mut row = 0usize;
        for k in 0..rows {
            let gap = crate::leb128::read(rest, &mut pos)?;
            row = if k == 0 { gap } else { row + gap };
            if row >= size {
                return None;
            }
            idx.push(row);
        }
        let w = rest.get(pos..pos + rows * N_TAGS)?;
        if pos + rows * N_TAGS != rest.len() {
            return None;
        }
        for (r, chunk) in idx.iter().zip(w.chunks_exact(N_TAGS)) {
            for (t, &b) in chunk.iter().enumerate() {
                weights[r * N_TAGS + t] = b as i8;
            }
        }
        let mask = (size - 1) as u32;
        let fixed = Fixed::new(&|hs| {
            let mut acc = [0; N_TAGS];
            add_rows(&weights, mask, &mut acc, hs.iter().map(|h| h.done()));
            acc
        });
        Some(Model {
            mask,
            scale,
            weights,
            fixed,
        })
    }

    /// Writes the format [`Model::parse`] reads, from a dense `2^bits × N_TAGS` table.
    pub fn serialize(bits: u32, scale: f32, weights: &[i8]) -> Vec<u8> {
        assert_eq!(weights.len(), (1usize << bits) * N_TAGS);
        let rows: Vec<usize> = (0..1usize << bits)
            .filter(|r| {
                weights[r * N_TAGS..(r + 1) * N_TAGS]
                    .iter()
                    .any(|&w| w != 0)
            })
            .collect();
        let mut out = MAGIC.to_vec();
        out.extend(bits.to_le_bytes());
        out.extend(scale.to_bits().to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        let mut last = 0;
        for (k, &r) in rows.iter().enumerate() {
            crate::leb128::push(if k == 0 { r } else { r - last }, &mut out);
            last = r;
        }
        for &r in &rows {
            out.extend(
                weights[r * N_TAGS..(r + 1) * N_TAGS]
                    .iter()
                    .map(|&w| w as u8),
            );
        }
        out
    }

    /// Score units per weight unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

impl Model {
    /// Adds the weight rows of feature hashes `hs` (`Fnv::done` values) to `acc`.
    #[inline]
    pub(super) fn add_all(&self, acc: &mut Acc, hs: &[u32]) {
        add_rows(&self.weights, self.mask, acc, hs.iter().copied());
    }

    pub(super) fn to_scores(&self, acc: &Acc) -> [f32; N_TAGS] {
        acc.map(|a| a as f32 * self.scale)
    }
}

/// Integer score sums, one per tag: adding them in any order gives the same scores.
pub(super) type Acc = [i32; N_TAGS];

/// Adds the rows of a `2^bits × N_TAGS` weight table (`mask` = `2^bits − 1`) of feature
/// hashes `hs` to `acc`. Given the hashes computed first (rather than one at a time between
/// the additions), the reads of their rows, scattered over the table and often missing the
/// caches, can all be under way at once.
#[inline]
pub(super) fn add_rows(weights: &[i8], mask: u32, acc: &mut Acc, hs: impl Iterator<Item = u32>) {
    let mut sum = *acc;
    for h in hs {
        let r = (h & mask) as usize * N_TAGS;
        let row: &[i8; N_TAGS] = weights[r..r + N_TAGS].try_into().unwrap();
        for (a, &w) in sum.iter_mut().zip(row) {
            *a += w as i32;
        }
    }
    *acc = sum;
}

pub(super) fn add_acc(acc: &mut Acc, x: &Acc) {
    for (a, b) in acc.iter_mut().zip(x) {
        *a += b;
    }
}

impl Scorer for &Model {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut acc = [0i32; N_TAGS];
        self.add_all(&mut acc, feats);
        self.to_scores(&acc)
    }
}

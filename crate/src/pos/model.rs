//! The shipped weights: a hashed table of sparse rows, `i8` weights with one `f32` scale.
//!
//! Each feature hash picks a row (`hash & mask`); a row holds only its non-zero
//! `(class, weight)` entries, so a feature that speaks for two classes costs two entries, not
//! a row of 73. In memory the rows are one array with an offset per row (CSR).

use super::tags::N_CLASSES;
use crate::leb128;

/// Integer score sums, one per class: adding them in any order gives the same scores.
pub type Acc = [i32; N_CLASSES];

/// File magic of `pos.bin`.
pub const MAGIC: &[u8; 8] = b"AIPOS\x00\x01\x00";

/// Hashed sparse weights; score = sum × `scale`.
pub struct Model {
    mask: u32,
    scale: f32,
    /// `offsets[r]..offsets[r + 1]` are row `r`'s entries.
    offsets: Vec<u32>,
    /// Entries; a row of [`DENSE_MIN`] or more is instead `(DENSE, lo), (hi, _)`: the index
    /// `lo + 256 × hi` of its weights in `dense`.
    entries: Vec<(u8, i8)>,
    /// Rows with many classes, as every class's weight: one vector add instead of a loop of
    /// scattered ones (the bias, the flags, short affixes and shapes speak for most classes).
    dense: Vec<[i16; N_CLASSES]>,
    /// Entries in the file.
    stored: usize,
}

/// Rows with at least this many entries are kept dense in memory.
const DENSE_MIN: usize = 12;
/// The class byte marking a dense row.
const DENSE: u8 = u8::MAX;

/// One row's weights.
pub enum RowRef<'m> {
    Sparse(&'m [(u8, i8)]),
    Dense(&'m [i16; N_CLASSES]),
}

/// A row of the table: its index and its non-zero entries.
pub type Row = (u32, Vec<(u8, i8)>);

impl Model {
    /// A model with no weights (every token gets the first class). For tests and a missing file.
    pub fn empty() -> Model {
        Model {
            mask: 0,
            scale: 1.0,
            offsets: vec![0, 0],
            entries: Vec::new(),
            dense: Vec::new(),
            stored: 0,
        }
    }

    /// Reads the weight file: `MAGIC`, then little-endian `bits: u32`, `scale: f32`,
    /// `classes: u32` (must be [`N_CLASSES`]), `rows: u32`; then `rows` LEB128 gaps between
    /// the indices of the stored rows (the first from 0), `rows` entry counts (one byte
    /// each), every entry's class (one byte each), every entry's weight (`i8`). Each kind of
    /// number is stored apart from the others because each compresses best among its own.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let u32_at = |k: usize| -> Option<u32> {
            Some(u32::from_le_bytes(rest.get(k..k + 4)?.try_into().ok()?))
        };
        let (bits, scale) = (u32_at(0)?, f32::from_bits(u32_at(4)?));
        let (classes, rows) = (u32_at(8)? as usize, u32_at(12)? as usize);
        if !(1..=24).contains(&bits) || classes != N_CLASSES || !scale.is_finite() {
            return None;
        }
        let size = 1usize << bits;
        let mut pos = 16;
        let mut idx = Vec::with_capacity(rows);
        for k in 0..rows {
            let gap = leb128::read(rest, &mut pos)?;
            let r = if k == 0 { gap } else { idx[k - 1] + gap };
            if r >= size || (k > 0 && gap == 0) {
                return None;
            }
            idx.push(r);
        }
        let counts = rest.get(pos..pos + rows)?;
        let total: usize = counts.iter().map(|&c| c as usize).sum();
        let cls = rest.get(pos + rows..pos + rows + total)?;
        let ws = rest.get(pos + rows + total..)?;
        if ws.len() != total || cls.iter().any(|&c| c as usize >= N_CLASSES) {
            return None;
        }
        let mut m = Model {
            mask: (size - 1) as u32,
            scale,
            offsets: vec![0u32; size + 1],
            entries: Vec::with_capacity(total),
            dense: Vec::new(),
            stored: total,
        };
        let (mut k, mut next) = (0, 0);
        for (&r, &c) in idx.iter().zip(counts) {
            m.offsets[next..=r].fill(m.entries.len() as u32);
            let row = cls[k..k + c as usize].iter().zip(&ws[k..k + c as usize]);
            m.push_row(row.map(|(&c, &w)| (c, w as i8)), c as usize);
            (k, next) = (k + c as usize, r + 1);
        }
        m.offsets[next..].fill(m.entries.len() as u32);
        Some(m)
    }

    /// Appends one row's entries, dense if it has many.
    fn push_row(&mut self, row: impl Iterator<Item = (u8, i8)>, len: usize) {
        if len < DENSE_MIN || self.dense.len() >= 1 << 16 {
            self.entries.extend(row);
            return;
        }
        let mut d = [0i16; N_CLASSES];
        for (c, w) in row {
            d[c as usize] = w as i16;
        }
        let i = self.dense.len();
        self.dense.push(d);
        self.entries.push((DENSE, (i & 0xff) as u8 as i8));
        self.entries.push(((i >> 8) as u8, 0));
    }

    /// Writes the format [`Model::parse`] reads. `rows` sorted by index, each with at most
    /// 255 entries.
    pub fn serialize(bits: u32, scale: f32, rows: &[Row]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(bits.to_le_bytes());
        out.extend(scale.to_bits().to_le_bytes());
        out.extend((N_CLASSES as u32).to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        let mut last = 0;
        for (k, (r, _)) in rows.iter().enumerate() {
            leb128::push(if k == 0 { *r } else { r - last } as usize, &mut out);
            last = *r;
        }
        out.extend(rows.iter().map(|(_, e)| e.len() as u8));
        out.extend(rows.iter().flat_map(|(_, e)| e.iter().map(|&(c, _)| c)));
        out.extend(
            rows.iter()
                .flat_map(|(_, e)| e.iter().map(|&(_, w)| w as u8)),
        );
        out
    }

    /// Score units per weight unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of `(class, weight)` entries in the file.
    pub fn entries(&self) -> usize {
        self.stored
    }

    /// The weights of feature hash `h`.
    #[inline]
    pub fn row(&self, h: u32) -> RowRef<'_> {
        let r = (h & self.mask) as usize;
        let e = &self.entries[self.offsets[r] as usize..self.offsets[r + 1] as usize];
        match e {
            [(DENSE, lo), (hi, _)] => {
                RowRef::Dense(&self.dense[(*lo as u8 as usize) | (*hi as usize) << 8])
            }
            _ => RowRef::Sparse(e),
        }
    }

    /// Adds the rows of feature hashes `hs` to `acc`.
    pub fn add(&self, hs: &[u32], acc: &mut Acc) {
        for &h in hs {
            match self.row(h) {
                RowRef::Sparse(e) => e.iter().for_each(|&(c, w)| acc[c as usize] += w as i32),
                RowRef::Dense(d) => acc.iter_mut().zip(d).for_each(|(a, &w)| *a += w as i32),
            }
        }
    }

    /// Adds `sign` × the row of `h` to `acc`, in `i16`: for sums of a few dozen weights
    /// (|w| ≤ 127: no overflow below 258 rows).
    #[inline]
    pub fn add_row16(&self, h: u32, sign: i16, acc: &mut [i16; N_CLASSES]) {
        match self.row(h) {
            RowRef::Sparse(e) => e
                .iter()
                .for_each(|&(c, w)| acc[c as usize] += sign * w as i16),
            RowRef::Dense(d) => acc.iter_mut().zip(d).for_each(|(a, &w)| *a += sign * w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_back() {
        let rows: Vec<Row> = vec![(3, vec![(0, 5), (72, -7)]), (200, vec![(1, 127)])];
        let bytes = Model::serialize(8, 0.25, &rows);
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.scale(), 0.25);
        let sparse = |h| match m.row(h) {
            RowRef::Sparse(e) => e.to_vec(),
            RowRef::Dense(_) => panic!("dense"),
        };
        assert_eq!(sparse(3), [(0, 5), (72, -7)]);
        assert_eq!(sparse(256 + 200), [(1, 127)]);
        assert!(sparse(4).is_empty());
        let mut acc = [0; N_CLASSES];
        m.add(&[3, 3, 200], &mut acc);
        assert_eq!((acc[0], acc[1], acc[72]), (10, 127, -14));
    }

    #[test]
    fn dense_rows_add_the_same() {
        let wide: Vec<(u8, i8)> = (0..37).map(|c| (c as u8 * 2, c as i8 - 20)).collect();
        let rows: Vec<Row> = vec![(1, vec![(5, 1)]), (7, wide.clone()), (9, vec![(3, -2)])];
        let m = Model::parse(&Model::serialize(4, 1.0, &rows)).unwrap();
        assert!(matches!(m.row(7), RowRef::Dense(_)));
        assert_eq!(m.entries(), 39);
        let (mut a, mut b) = ([0; N_CLASSES], [0i16; N_CLASSES]);
        m.add(&[1, 7, 9, 7], &mut a);
        for h in [1, 7, 9, 7] {
            m.add_row16(h, 1, &mut b);
        }
        let mut want = [0; N_CLASSES];
        (want[5], want[3]) = (1, -2);
        for &(c, w) in &wide {
            want[c as usize] += 2 * w as i32;
        }
        assert_eq!(a, want);
        assert_eq!(b.map(|x| x as i32), want);
    }

    #[test]
    fn damaged_files_are_refused() {
        let bytes = Model::serialize(8, 1.0, &[(3, vec![(0, 5)])]);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(b"AIPOS").is_none());
        let mut bad = bytes.clone();
        bad[8] = 40; // 2^40 rows
        assert!(Model::parse(&bad).is_none());
    }
}

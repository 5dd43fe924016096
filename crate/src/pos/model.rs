//! The shipped weights: a hashed table of sparse rows, `i8` weights with one `f32` scale.
//!
//! Each feature hash picks a row (`hash & mask`); a row holds only its non-zero
//! `(class, weight)` entries, so a feature that speaks for two classes costs two entries, not
//! a row of 73. In memory the rows are one array with an offset per row (CSR).

use super::tags::N_CLASSES;

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
    entries: Vec<(u8, i8)>,
}

/// A row of the table: its index and its non-zero entries.
pub type Row = (u32, Vec<(u8, i8)>);

fn leb128(mut v: usize, out: &mut Vec<u8>) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_leb128(bytes: &[u8], pos: &mut usize) -> Option<usize> {
    let mut v = 0usize;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as usize) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

impl Model {
    /// A model with no weights (every token gets the first class). For tests and a missing file.
    pub fn empty() -> Model {
        Model {
            mask: 0,
            scale: 1.0,
            offsets: vec![0, 0],
            entries: Vec::new(),
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
            let gap = read_leb128(rest, &mut pos)?;
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
        let mut offsets = vec![0u32; size + 1];
        for (&r, &c) in idx.iter().zip(counts) {
            offsets[r + 1] = c as u32;
        }
        for r in 0..size {
            offsets[r + 1] += offsets[r];
        }
        let entries = cls.iter().zip(ws).map(|(&c, &w)| (c, w as i8)).collect();
        Some(Model {
            mask: (size - 1) as u32,
            scale,
            offsets,
            entries,
        })
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
            leb128(if k == 0 { *r } else { r - last } as usize, &mut out);
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

    /// Number of stored `(class, weight)` entries.
    pub fn entries(&self) -> usize {
        self.entries.len()
    }

    /// The stored entries of feature hash `h`.
    #[inline]
    pub fn row(&self, h: u32) -> &[(u8, i8)] {
        let r = (h & self.mask) as usize;
        &self.entries[self.offsets[r] as usize..self.offsets[r + 1] as usize]
    }

    /// Adds the rows of feature hashes `hs` to `acc`.
    #[inline]
    pub fn add(&self, hs: &[u32], acc: &mut Acc) {
        for &h in hs {
            for &(c, w) in self.row(h) {
                acc[c as usize] += w as i32;
            }
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
        assert_eq!(m.row(3), &[(0, 5), (72, -7)]);
        assert_eq!(m.row(256 + 200), &[(1, 127)]);
        assert!(m.row(4).is_empty());
        let mut acc = [0; N_CLASSES];
        m.add(&[3, 3, 200], &mut acc);
        assert_eq!((acc[0], acc[1], acc[72]), (10, 127, -14));
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

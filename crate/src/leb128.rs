//! Unsigned LEB128, the variable-length integers of the weight files (`ner.bin`, `pos.bin`):
//! seven bits a byte, low bits first, the high bit set on every byte but the last.

/// Appends `v`.
pub fn push(mut v: usize, out: &mut Vec<u8>) {
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

/// The number at `*pos` (at most five bytes), moving `pos` past it; `None` past the end or
/// for a longer number.
pub fn read(bytes: &[u8], pos: &mut usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    #[test]
    fn round_trip_and_limits() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, 1 << 20, (1 << 35) - 1] {
            super::push(v, &mut out);
        }
        assert_eq!(&out[..4], &[0, 1, 127, 0x80]);
        let mut pos = 0;
        let back: Vec<usize> = (0..7)
            .map(|_| super::read(&out, &mut pos).unwrap())
            .collect();
        assert_eq!(back, [0, 1, 127, 128, 300, 1 << 20, (1 << 35) - 1]);
        assert_eq!(super::read(&out, &mut pos), None, "past the end");
        assert_eq!(
            super::read(&[0x80; 6], &mut 0),
            None,
            "more than five bytes"
        );
    }
}

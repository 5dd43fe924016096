//! UTF-8 byte offsets → UTF-16 code units, converted once at the boundary.
//!
//! Rust works in UTF-8 bytes; JavaScript's `String.prototype.slice` counts UTF-16 code units.
//! [`Utf16Table`] is built in one pass over the text and then answers each look-up in O(1), so
//! converting every span of an analysis costs O(text + spans).

use crate::types::{Analysis, Span};

/// The unit of the offsets in an [`Analysis`] as serialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust's native unit).
    Utf8,
    /// UTF-16 code units (JavaScript's unit).
    Utf16,
}

impl OffsetUnit {
    pub const fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Utf16 => "utf16",
        }
    }
}

/// Maps every UTF-8 byte offset of a text (on a char boundary, or one past the end) to its
/// UTF-16 offset.
pub struct Utf16Table {
    /// `units[i]` = UTF-16 offset of byte `i`; entries inside a multi-byte char repeat the
    /// char's start so that a stray offset still maps somewhere sensible.
    units: Vec<u32>,
}

impl Utf16Table {
    pub fn new(text: &str) -> Self {
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for c in text.chars() {
            for _ in 0..c.len_utf8() {
                units.push(u);
            }
            u += c.len_utf16() as u32;
        }
        units.push(u);
        Utf16Table { units }
    }

    /// The UTF-16 offset of UTF-8 byte offset `byte`.
    pub fn get(&self, byte: usize) -> usize {
        self.units[byte.min(self.units.len() - 1)] as usize
    }

    fn span(&self, s: Span) -> Span {
        Span::new(self.get(s.start), self.get(s.end))
    }
}

/// Converts every offset of `analysis` from UTF-8 bytes to UTF-16 code units.
pub fn to_utf16(mut analysis: Analysis) -> Analysis {
    if analysis.offsets == OffsetUnit::Utf16.as_str() {
        return analysis;
    }
    let t = Utf16Table::new(&analysis.text);
    let pair = |start: &mut usize, end: &mut usize| {
        *start = t.get(*start);
        *end = t.get(*end);
    };
    for b in &mut analysis.blocks {
        pair(&mut b.start, &mut b.end);
    }
    for e in &mut analysis.entities {
        pair(&mut e.start, &mut e.end);
    }
    for q in &mut analysis.quotes {
        pair(&mut q.start, &mut q.end);
        for p in &mut q.parts {
            *p = t.span(*p);
        }
        if let Some(s) = &mut q.speaker {
            pair(&mut s.start, &mut s.end);
        }
        if let Some(c) = &mut q.cue {
            pair(&mut c.start, &mut c.end);
        }
    }
    for r in &mut analysis.references {
        pair(&mut r.start, &mut r.end);
    }
    for tok in analysis.tokens.iter_mut().flatten() {
        pair(&mut tok.start, &mut tok.end);
    }
    analysis.offsets = OffsetUnit::Utf16.as_str();
    analysis
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_slices_match_utf8_slices() {
        let text = "€ 😀 é e\u{301} 中文 ok";
        let t = Utf16Table::new(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for (j, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if i > j {
                    continue;
                }
                let a = &text[i..j];
                let b = String::from_utf16(&utf16[t.get(i)..t.get(j)]).unwrap();
                assert_eq!(a, b);
            }
        }
        assert_eq!(t.get(text.len()), utf16.len());
    }
}

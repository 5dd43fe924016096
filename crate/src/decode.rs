//! Bytes → text: UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252, the
//! encoding most non-UTF-8 web pages of the English-speaking world actually use.

use crate::error::Error;

/// Decodes a file's bytes; returns the text and the encoding used.
///
/// # Errors
///
/// [`Error::Binary`] when the bytes are not text in any of these encodings.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), "utf-8"))
            .map_err(|_| Error::Binary);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let name = if le { "utf-16le" } else { "utf-16be" };
        return Ok((String::from_utf16_lossy(&units), name));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "utf-8")),
        Err(_) => Ok((
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            "windows-1252",
        )),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_common_encodings() {
        assert_eq!(decode("é “x”".as_bytes()).unwrap().0, "é “x”");
        assert_eq!(
            decode(b"caf\xe9 \x93x\x94").unwrap(),
            ("café “x”".into(), "windows-1252")
        );
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap().0, "hi");
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(Error::Binary));
    }
}

//! Bytes → text: UTF-8 (with or without BOM), UTF-16 by its BOM, else the charset an HTML page
//! declares (`<meta charset>`, `http-equiv`, `<?xml encoding?>`; command line only, the page
//! uses the browser's own decoder), else Windows-1252, the encoding most undeclared non-UTF-8
//! pages of the web use. Only really binary files are refused: known magic numbers, or mostly
//! control bytes. A few stray NUL bytes in a real page are text's problem
//! ([`crate::analysis`] drops them with a warning), not a reason to refuse it.

use crate::error::Error;

/// Decodes a file's bytes; returns the text and the encoding used.
///
/// # Errors
///
/// [`Error::Binary`] when the bytes are not text in any of these encodings.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((String::from_utf8_lossy(rest).into_owned(), "utf-8"));
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
    if is_binary(bytes) {
        return Err(Error::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "utf-8"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(decoded) = declared::decode(bytes) {
        return Ok(decoded);
    }
    Ok((
        bytes.iter().map(|&b| windows_1252(b)).collect(),
        "windows-1252",
    ))
}

/// Magic numbers of common binary formats, and bytes that are mostly control characters.
pub fn is_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"GIF8",
        b"\xFF\xD8\xFF",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"\x7FELF",
        b"MZ",
        b"RIFF",
        b"OggS",
        b"fLaC",
        b"ID3",
        b"\0\0\x01\x00",
        b"BZh",
        b"7z\xBC\xAF",
        b"Rar!",
        b"\xD0\xCF\x11\xE0",
        b"wOFF",
        b"wOF2",
        b"\0asm",
        b"SQLite format 3",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > sample.len().max(1) * 3
}

#[cfg(not(target_arch = "wasm32"))]
mod declared {
    /// The page's declared charset, if it names one `encoding_rs` knows (labels as browsers
    /// read them: `latin1` and `iso-8859-1` are Windows-1252).
    pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
        let head = &bytes[..bytes.len().min(4096)];
        let label = charset_label(&String::from_utf8_lossy(head).to_ascii_lowercase())?;
        let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
        let (text, used, _) = enc.decode(bytes);
        Some((text.into_owned(), used.name()))
    }

    fn charset_label(head: &str) -> Option<String> {
        let at = head
            .find("charset=")
            .map(|k| k + "charset=".len())
            .or_else(|| head.find("encoding=").map(|k| k + "encoding=".len()))?;
        let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        (!label.is_empty()).then_some(label)
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
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, b'a']), Err(Error::Binary));
    }

    #[test]
    fn a_few_nul_bytes_in_a_page_are_not_binary() {
        let page = b"<html><body><p>A real page\0 with a stray NUL.</p></body></html>";
        assert_eq!(decode(page).unwrap().1, "utf-8");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_declared_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xA3\xF3d\xBC</body>";
        let (text, enc) = decode(page).unwrap();
        assert_eq!(enc, "ISO-8859-2");
        assert!(text.contains("Łódź"), "{text}");
        let latin = b"<meta http-equiv=Content-Type content='text/html; charset=latin1'>\x93q\x94";
        assert_eq!(decode(latin).unwrap().1, "windows-1252");
    }
}

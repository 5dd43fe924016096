//! The input as the pipeline reads it: refused when too large or binary, without control
//! characters, line ends as `\n`, and HTML turned into text and blocks.

use super::MAX_INPUT_BYTES;
use crate::error::Error;
use crate::html;
use crate::types::Format;

/// The input, refused when too large or binary, without control characters (a warning says
/// how many went).
pub(super) fn checked(input: &str) -> Result<(std::borrow::Cow<'_, str>, Vec<String>), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if crate::decode::is_binary(input.as_bytes()) {
        return Err(Error::Binary);
    }
    let mut warnings = Vec::new();
    let (input, dropped) = without_control_chars(input);
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} control character{} (such as NUL bytes) that are not text were left out.",
            if dropped == 1 { "" } else { "s" }
        ));
    }
    Ok((input, warnings))
}

/// Line ends as `\n`, without soft hyphens (offsets then refer to the normalised text, which
/// the result carries).
pub(super) fn normalise_text(input: &str) -> String {
    let s = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    if s.contains(html::SOFT_HYPHEN) {
        s.replace(html::SOFT_HYPHEN, "")
    } else {
        s
    }
}

/// The text to analyse and, for HTML, what its markup says of each block. The boilerplate
/// trainer reads its pages through this too, so it learns on what the product sees.
pub fn read_input(input: &str, format: Format) -> (String, Option<html::HtmlDoc>) {
    match format {
        Format::Html => {
            let mut d = html::extract(input);
            (std::mem::take(&mut d.text), Some(d))
        }
        Format::Text => (normalise_text(input), None),
    }
}

/// `input` without control characters other than line ends, tabs and form feeds, and how many
/// were dropped. The boilerplate trainer reads its pages through this too.
pub fn without_control_chars(input: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    let dropped = input.chars().filter(|&c| bad(c)).count();
    if dropped == 0 {
        return (input.into(), 0);
    }
    (
        input
            .chars()
            .filter(|&c| !bad(c))
            .collect::<String>()
            .into(),
        dropped,
    )
}

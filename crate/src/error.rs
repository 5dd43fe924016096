//! The errors the core reports to its callers.

use std::fmt;

use crate::decimal::fixed;

/// Why an input could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::analysis::MAX_INPUT_BYTES`]. Split it, or analyse the
    /// part that holds the article.
    TooLarge { bytes: usize, limit: usize },
    /// The input looks like a binary file (it holds NUL or many control characters), not text
    /// or HTML. Open the text or HTML version of the article instead.
    Binary,
}

/// Megabytes as the page counts them (2^20 bytes), so that both say the limit is 20 MB.
const MB: f64 = (1 << 20) as f64;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the input is {} MB; the limit is {} MB — analyse a smaller part of it",
                fixed(*bytes as f64 / MB, 1),
                fixed(*limit as f64 / MB, 0)
            ),
            Error::Binary => write!(
                f,
                "this looks like a binary file, not text or HTML — open the article's text or HTML instead"
            ),
        }
    }
}

impl std::error::Error for Error {}

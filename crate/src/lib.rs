//! Article Inspector's core: finds the article in a scraped page, the people, organisations,
//! places and amounts it names, and who is quoted saying what.
//!
//! Everything here is plain Rust with no JavaScript in it; [`wasm`] is the only module that
//! knows about the browser. One function does the work:
//!
//! ```
//! use article_inspector::{analyze, Options};
//!
//! let a = analyze("“We will win,” Jane Smith said.", &Options::default()).unwrap();
//! assert_eq!(a.quotes.len(), 1);
//! assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Jane Smith");
//! ```

/// A file of `crate/data/`, as the crate ships it: without its `#` comment lines (`build.rs`).
macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}

pub mod analysis;
mod binary;
pub mod boilerplate;
pub mod coref;
pub mod decimal;
pub mod decode;
pub mod english_words;
pub mod entities;
pub mod error;
pub mod fnv;
pub mod html;
#[doc(hidden)]
pub mod invariants;
mod leb128;
pub mod lexicon;
pub mod metadata;
pub mod offsets;
pub mod pos;
pub mod quotes;
pub mod segment;
pub mod tagger;
pub mod types;
pub mod user_names;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{analyze, FormatChoice, Options};
pub use error::Error;
pub use offsets::OffsetUnit;
pub use types::*;
pub use user_names::UserName;

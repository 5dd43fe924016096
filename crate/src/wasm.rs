//! The only module that knows about JavaScript: `#[wasm_bindgen]` glue over [`crate::analyze`].
//!
//! Offsets in everything returned here are UTF-16 code units, so `text.slice(start, end)` is
//! exact in JavaScript.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{analyze as analyze_core, FormatChoice, OffsetUnit, Options};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses `input` (`format`: "auto", "text" or "html") and returns the Analysis as a plain
/// JavaScript object with UTF-16 offsets.
///
/// # Errors
///
/// A message a reader can act on: input too large, or not text.
#[wasm_bindgen]
pub fn analyze(input: &str, format: &str) -> Result<JsValue, JsError> {
    let format: FormatChoice = format.parse().map_err(|e: String| JsError::new(&e))?;
    let options = Options {
        format,
        offsets: OffsetUnit::Utf16,
    };
    let analysis = analyze_core(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The same Analysis as a JSON string (what the CLI prints for the same input).
///
/// # Errors
///
/// As [`analyze`].
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(input: &str, format: &str) -> Result<String, JsError> {
    let format: FormatChoice = format.parse().map_err(|e: String| JsError::new(&e))?;
    let options = Options {
        format,
        offsets: OffsetUnit::Utf16,
    };
    let analysis = analyze_core(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&analysis).map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

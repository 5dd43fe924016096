//! The only module that knows about JavaScript: `#[wasm_bindgen]` glue over [`crate::analyze`].
//!
//! Offsets in everything returned here are UTF-16 code units, so `text.slice(start, end)` is
//! exact in JavaScript.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{analyze as analyze_core, FormatChoice, OffsetUnit, Options, UserName};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The reader's decisions, all optional: blocks to keep and drop (`{keep: [i…], drop: [i…]}`,
/// block indices) and their own names (`names: [{text, kind?}…]`, kind as in `Entity.kind`;
/// no kind: not a name).
#[derive(Deserialize, Default)]
struct Overrides {
    #[serde(default)]
    keep: Vec<usize>,
    #[serde(default)]
    drop: Vec<usize>,
    #[serde(default)]
    names: Vec<UserName>,
}

fn options(format: &str, overrides: JsValue) -> Result<Options, JsError> {
    let format: FormatChoice = format.parse().map_err(|e: String| JsError::new(&e))?;
    let o: Overrides = if overrides.is_undefined() || overrides.is_null() {
        Overrides::default()
    } else {
        serde_wasm_bindgen::from_value(overrides).map_err(|e| JsError::new(&e.to_string()))?
    };
    Ok(Options {
        format,
        offsets: OffsetUnit::Utf16,
        keep: o.keep,
        drop: o.drop,
        names: o.names,
    })
}

/// Analyses `input` (`format`: "auto", "text" or "html"; `overrides`: optional
/// `{keep, drop, names}`, the reader's decisions) and returns the Analysis as a plain
/// JavaScript object with UTF-16 offsets.
///
/// # Errors
///
/// A message a reader can act on: input too large, or not text.
#[wasm_bindgen]
pub fn analyze(input: &str, format: &str, overrides: JsValue) -> Result<JsValue, JsError> {
    let options = options(format, overrides)?;
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
pub fn analyze_json(input: &str, format: &str, overrides: JsValue) -> Result<String, JsError> {
    let options = options(format, overrides)?;
    let analysis = analyze_core(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&analysis).map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

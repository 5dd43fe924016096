//! The only module that knows about JavaScript: `#[wasm_bindgen]` glue over [`crate::analyze`].
//!
//! Offsets in everything returned here are UTF-16 code units, so `text.slice(start, end)` is
//! exact in JavaScript.

use rustc_hash::FxHashMap;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::types::{
    Analysis, Block, Cluster, Cue, Entity, Quote, Reference, Span, Speaker, Stats, TokenTag,
};
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
    /// Include every token with its part of speech.
    #[serde(default)]
    tokens: bool,
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
        tokens: o.tokens,
    })
}

/// Analyses `input` (`format`: "auto", "text" or "html"; `overrides`: optional
/// `{keep, drop, names, tokens}`: the reader's decisions, and whether to list every token with
/// its part of speech) and returns the Analysis as a plain
/// JavaScript object with UTF-16 offsets.
///
/// # Errors
///
/// A message a reader can act on: input too large, or not text.
#[wasm_bindgen]
pub fn analyze(input: &str, format: &str, overrides: JsValue) -> Result<JsValue, JsError> {
    let options = options(format, overrides)?;
    let analysis = analyze_core(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Packed::new(&analysis).unpack())
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

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    /// Builds the Analysis object from a [`Packed`] (see `wasm.js`).
    #[wasm_bindgen(js_name = unpackAnalysis)]
    fn unpack_analysis(numbers: &[u32], ends: &[u32], strings: &str) -> JsValue;
}

/// An [`Analysis`] flattened for one cheap crossing into JavaScript, where `wasm.js` rebuilds
/// the very object `serde_json` describes (`analyzeJson`), key for key.
///
/// Building the object from Rust (serde-wasm-bindgen) costs one boundary call per property and
/// one `TextDecoder` call per string: thousands per article, a fifth of the whole `analyze`.
/// Packed, it is two `u32` arrays and one string, read by JavaScript straight from wasm memory:
/// `numbers` holds every number, flag and length in the order `wasm.js` reads them, and every
/// string as an index into a table of distinct strings (an article repeats its kinds and its
/// `why`s hundreds of times), which are concatenated in `strings` and end at `ends` (UTF-16
/// offsets, JavaScript's unit).
///
/// Each method here has a namesake in `wasm.js` reading the same fields in the same order.
#[derive(Default)]
struct Packed<'a> {
    numbers: Vec<u32>,
    ends: Vec<u32>,
    strings: String,
    /// Index in the table of each string already in `strings`.
    index: FxHashMap<&'a str, u32>,
    /// UTF-16 length of `strings`.
    utf16_len: u32,
}

impl<'a> Packed<'a> {
    fn new(a: &'a Analysis) -> Self {
        // Room for an article's distinct strings, so that the index seldom grows (rehashing
        // showed in profiles).
        let distinct = a.entities.len() + a.clusters.len() + a.quotes.len() * 4 + 32;
        let mut p = Packed {
            index: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
            ..Packed::default()
        };
        p.analysis(a);
        p
    }

    fn unpack(&self) -> JsValue {
        unpack_analysis(&self.numbers, &self.ends, &self.strings)
    }

    fn u32(&mut self, n: u32) {
        self.numbers.push(n);
    }

    /// An offset or a length (wasm32's usize is 32 bits).
    fn usize(&mut self, n: usize) {
        self.numbers.push(n as u32);
    }

    fn flag(&mut self, b: bool) {
        self.numbers.push(u32::from(b));
    }

    /// A string that may recur (a kind, a `why`, a name): the index of its one copy in the table.
    fn str(&mut self, s: &'a str) {
        let next = self.ends.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.add(s);
        }
        self.numbers.push(i);
    }

    /// A long string that occurs once (the text): into the table without hashing it.
    fn long(&mut self, s: &str) {
        self.numbers.push(self.ends.len() as u32);
        self.add(s);
    }

    fn add(&mut self, s: &str) {
        self.strings.push_str(s);
        self.utf16_len += utf16_len(s) as u32;
        self.ends.push(self.utf16_len);
    }

    /// A flag, then the value when there is one (`null` in JavaScript when there is not).
    fn opt<T>(&mut self, v: &'a Option<T>, f: fn(&mut Self, &'a T)) {
        self.flag(v.is_some());
        if let Some(v) = v {
            f(self, v);
        }
    }

    /// The length, then the items.
    fn list<T>(&mut self, v: &'a [T], f: fn(&mut Self, &'a T)) {
        self.usize(v.len());
        for x in v {
            f(self, x);
        }
    }

    fn analysis(&mut self, a: &'a Analysis) {
        self.long(&a.text);
        self.str(a.format.as_str());
        self.str(a.offsets);
        self.opt(&a.title, |p, s| p.str(s));
        self.opt(&a.byline, |p, s| p.str(s));
        self.opt(&a.published, |p, s| p.str(s));
        self.opt(&a.site_name, |p, s| p.str(s));
        self.opt(&a.language, |p, s| p.str(s));
        self.list(&a.warnings, |p, s| p.str(s));
        self.list(&a.blocks, Self::block);
        self.list(&a.entities, Self::entity);
        self.list(&a.clusters, Self::cluster);
        self.list(&a.quotes, Self::quote);
        self.list(&a.references, Self::reference);
        self.long(&a.clean_text);
        self.stats(&a.stats);
        self.opt(&a.tokens, |p, t| p.list(t, Self::token));
    }

    fn block(&mut self, b: &'a Block) {
        self.usize(b.start);
        self.usize(b.end);
        self.str(b.kind.as_str());
        self.flag(b.boilerplate);
        self.str(&b.why);
    }

    fn entity(&mut self, e: &'a Entity) {
        self.usize(e.start);
        self.usize(e.end);
        self.str(&e.text);
        self.str(e.kind.as_str());
        self.opt(&e.id, |p, &id| p.u32(id));
        self.str(&e.why);
    }

    fn cluster(&mut self, c: &'a Cluster) {
        self.u32(c.id);
        self.str(&c.name);
        self.str(c.kind.as_str());
        self.list(&c.also_kinds, |p, k| p.str(k.as_str()));
        self.list(&c.aliases, |p, s| p.str(s));
        self.list(&c.roles, |p, s| p.str(s));
        self.u32(c.mentions);
        self.u32(c.quotes);
        self.u32(c.quoted_words);
    }

    fn quote(&mut self, q: &'a Quote) {
        self.usize(q.start);
        self.usize(q.end);
        self.list(&q.parts, Self::span);
        self.str(&q.text);
        self.str(q.kind.as_str());
        self.opt(&q.speaker, Self::speaker);
        self.opt(&q.cue, Self::cue);
        self.str(q.confidence.as_str());
        self.str(&q.why);
    }

    fn reference(&mut self, r: &'a Reference) {
        self.usize(r.start);
        self.usize(r.end);
        self.str(&r.text);
        self.u32(r.id);
        self.str(&r.why);
    }

    fn span(&mut self, s: &'a Span) {
        self.usize(s.start);
        self.usize(s.end);
    }

    fn speaker(&mut self, s: &'a Speaker) {
        self.str(&s.name);
        self.opt(&s.entity, |p, &id| p.u32(id));
        self.usize(s.start);
        self.usize(s.end);
        self.str(&s.text);
    }

    fn cue(&mut self, c: &'a Cue) {
        self.usize(c.start);
        self.usize(c.end);
        self.str(&c.text);
    }

    fn token(&mut self, t: &'a TokenTag) {
        self.usize(t.start);
        self.usize(t.end);
        self.str(t.upos.as_str());
        self.str(t.xpos);
    }

    fn stats(&mut self, s: &'a Stats) {
        self.u32(s.words);
        self.u32(s.article_words);
        self.u32(s.boilerplate_blocks);
        self.u32(s.sources);
    }
}

/// The length of `s` in UTF-16 code units: one per char, two for a char outside the BMP (the
/// chars of four UTF-8 bytes). Counted byte by byte, which is faster than decoding the chars.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

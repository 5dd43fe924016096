//! The wasm API in a real JavaScript engine (Node, and headless Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1`): results are plain objects whose UTF-16 offsets slice the
//! text exactly as `String.prototype.slice` does, and bad input is a readable error.
#![cfg(target_arch = "wasm32")]

use article_inspector::wasm::{analyze, analyze_json};
use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap() as u32
}

const ARTICLE: &str = "Harbour town votes on new sea wall 🌊\n\n\
    The council of Port Ellery voted on Tuesday to build a €12 million sea wall.\n\n\
    “We cannot wait for the next storm 🌧️,” said Mayor Ana Lindqvist, who has led the town since 2019.\n\n\
    She said: “The wall will protect 4,000 homes.”";

#[wasm_bindgen_test]
fn utf16_offsets_slice_exactly_in_javascript() {
    let a = analyze(ARTICLE, "text", JsValue::UNDEFINED).unwrap();
    let text: JsString = get(&a, "text").into();
    let quotes: Array = get(&a, "quotes").into();
    assert_eq!(quotes.length(), 2);
    let q = quotes.get(0);
    let sliced: String = text.slice(num(&q, "start"), num(&q, "end")).into();
    assert_eq!(sliced, "“We cannot wait for the next storm 🌧️,”");
    let speaker = get(&q, "speaker");
    assert_eq!(get(&speaker, "name").as_string().unwrap(), "Ana Lindqvist");
    let s: String = text
        .slice(num(&speaker, "start"), num(&speaker, "end"))
        .into();
    assert_eq!(s, "Ana Lindqvist");
    // The pronoun speaker of the second quote resolves to the mayor.
    let q2 = quotes.get(1);
    let sp2 = get(&q2, "speaker");
    assert_eq!(get(&sp2, "name").as_string().unwrap(), "Ana Lindqvist");
    let s2: String = text.slice(num(&sp2, "start"), num(&sp2, "end")).into();
    assert_eq!(s2, "She");
    let entities: Array = get(&a, "entities").into();
    for e in entities.iter() {
        let sliced: String = text.slice(num(&e, "start"), num(&e, "end")).into();
        assert_eq!(sliced, get(&e, "text").as_string().unwrap());
    }
}

/// `analyze` does not go through JSON: its object must still be the one `analyzeJson` describes,
/// key for key and in the same order, whatever the input and the reader's overrides.
#[wasm_bindgen_test]
fn json_and_object_results_agree() {
    let html = include_str!("../../tests/golden/embassy-talks.html");
    let text = include_str!("../../tests/golden/harbour-vote.txt");
    let names = r#"{"names": [{"text": "Port Ellery", "kind": "PLACE"}, {"text": "Tuesday"}],
        "keep": [0, 1], "drop": [2]}"#;
    let overrides = [JsValue::UNDEFINED, js_sys::JSON::parse(names).unwrap()];
    for (input, format) in [
        (ARTICLE, "auto"),
        (html, "auto"),
        (html, "text"),
        (text, "auto"),
        ("", "auto"),
        ("\n\n \n", "text"),
        ("“No,” she said. 😀 €5", "text"),
    ] {
        for o in &overrides {
            let obj = analyze(input, format, o.clone()).unwrap();
            let json = analyze_json(input, format, o.clone()).unwrap();
            let parsed = js_sys::JSON::parse(&json).unwrap();
            let a = String::from(js_sys::JSON::stringify(&obj).unwrap());
            let b = String::from(js_sys::JSON::stringify(&parsed).unwrap());
            assert_eq!(a, b, "{format}: {input:.40}");
        }
    }
}

#[wasm_bindgen_test]
fn bad_input_is_a_readable_error() {
    let err = analyze("\0\u{1}\u{2}binary", "auto", JsValue::UNDEFINED).unwrap_err();
    let msg = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(msg.contains("binary"), "{msg}");
    assert!(analyze("text", "pdf", JsValue::UNDEFINED).is_err());
}

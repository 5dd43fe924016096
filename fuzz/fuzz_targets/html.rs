//! Arbitrary bytes (as UTF-8, invalid sequences replaced) analysed as HTML, with UTF-8 and
//! UTF-16 offsets; panics on any broken invariant (`article_inspector::invariants`).
#![no_main]

use article_inspector::{invariants::check_input, FormatChoice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_input(&String::from_utf8_lossy(data), FormatChoice::Html);
});

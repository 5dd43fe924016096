//! Arbitrary bytes as a file the CLI or the page opens: decoded (UTF-8, UTF-16 by its BOM,
//! else Windows-1252; binary refused), then analysed with the format detected, with UTF-8 and
//! UTF-16 offsets; panics on any broken invariant (`article_inspector::invariants`).
#![no_main]

use article_inspector::{decode::decode, invariants::check_input, FormatChoice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _encoding)) = decode(data) {
        check_input(&text, FormatChoice::Auto);
    }
});

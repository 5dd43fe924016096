//! For any input, text or HTML, the analysis never panics, every span is in bounds and on char
//! boundaries, spans of one layer never overlap, entities never cross quote pieces, and UTF-16
//! offsets slice the same text as UTF-8 ones. The checks themselves live in
//! `article_inspector::invariants`, shared with the fuzz targets in `fuzz/`.
#![cfg(not(target_arch = "wasm32"))]

use article_inspector::invariants::{check, check_input};
use article_inspector::{analyze, FormatChoice, Options};
use proptest::prelude::*;

/// Text with the characters that matter here: quotes of every kind, brackets, capitals,
/// digits, line breaks, tags, and non-ASCII (accents, emoji, CJK, RTL, combining marks).
#[rustfmt::skip]
fn messy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "″", "(", ")", "[", "]", "<", ">", "<p>",
        "</p>", "<div class='nav'>", "</div>", "<script>", "</script>", "<a href=x>", "</a>",
        "&amp;", "&#8220;", "&", ":", ",", ".", "!", "?", " ", " ", " ", "\n", "\n\n", "\u{a0}",
        "said", "told", "he", "She", "Mr.", "Dr", "the", "of", "Jane", "Smith", "Iran", "UN",
        "NCRI", "Council", "Ambassador", "2017", "19", "December", "$5", "40%", "é", "😀",
        "中文", "שלום", "e\u{301}", "\u{200b}", "Copyright", "©", "Comments", "[tag]", "-", "—",
    ]);
    prop::collection::vec(atoms, 0..120).prop_map(|v| v.concat())
}

// Cases per property: 256, or PROPTEST_CASES for a longer campaign.
proptest! {
    #[test]
    fn any_messy_text_analyses_cleanly(s in messy()) {
        for format in [FormatChoice::Text, FormatChoice::Html, FormatChoice::Auto] {
            check_input(&s, format);
        }
    }

    #[test]
    fn any_string_at_all_analyses_cleanly(s in "\\PC{0,300}") {
        for format in [FormatChoice::Text, FormatChoice::Html] {
            check_input(&s, format);
        }
    }
}

#[test]
fn one_five_megabyte_line_and_an_oversized_input() {
    // A whole "article" on one line: one block, analysed, not refused.
    let sentence = "“We will build it,” said Mayor Ana Lindqvist on Tuesday in Port Ellery. ";
    let line = sentence.repeat(5_000_000 / sentence.len());
    let a = analyze(&line, &Options::default()).unwrap();
    assert_eq!(a.blocks.len(), 1);
    assert!(a.quotes.len() > 1000);
    check(&a);
    // Over the limit: refused with a reason the page shows, never a frozen tab.
    let huge = "a ".repeat(article_inspector::analysis::MAX_INPUT_BYTES / 2 + 1);
    let err = analyze(&huge, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("limit"), "{err}");
}

#[test]
fn pathological_quote_and_bracket_patterns() {
    let inputs = [
        "\"".repeat(100_000),
        "“".repeat(50_000) + &"”".repeat(50_000),
        "'".repeat(100_000),
        "(".repeat(100_000),
        "<div>".repeat(50_000),
        "“a ".repeat(30_000),
        format!("Title line\n\n{}", "He said: “x\n\n".repeat(20_000)),
        // One "sentence" with no full stop and thousands of quotes in it: every rule that reads
        // the quote's sentence must stay near the quote (this once took minutes).
        "\"a\" b ".repeat(10_000),
        "He said \"word here, said Tom Hall\" and ".repeat(3_000),
        // Markup never closed, and roles joined by "and" without end: each is read a bounded
        // way (the tag's end within a window, three joined roles at most).
        "<a b=\"c ".repeat(30_000),
        format!("The senator {}said it.", "and senator ".repeat(30_000)),
    ];
    for s in &inputs {
        for format in [FormatChoice::Text, FormatChoice::Html] {
            assert!(check_input(s, format).is_some());
        }
    }
}

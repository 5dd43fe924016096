//! For any input, text or HTML, the analysis never panics, every span is in bounds and on char
//! boundaries, spans of one layer never overlap, entities never cross quote pieces, and UTF-16
//! offsets slice the same text as UTF-8 ones.
#![cfg(not(target_arch = "wasm32"))]

use article_inspector::{analyze, Analysis, FormatChoice, OffsetUnit, Options};
use proptest::prelude::*;

fn check(a: &Analysis) {
    let text = &a.text;
    let mut layers: Vec<(&str, Vec<(usize, usize)>)> = vec![
        ("block", a.blocks.iter().map(|b| (b.start, b.end)).collect()),
        (
            "entity",
            a.entities.iter().map(|e| (e.start, e.end)).collect(),
        ),
        (
            "quote",
            a.quotes
                .iter()
                .flat_map(|q| q.parts.iter().map(|p| (p.start, p.end)))
                .collect(),
        ),
    ];
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            layers.push(("speaker", vec![(s.start, s.end)]));
        }
        if let Some(c) = &q.cue {
            layers.push(("cue", vec![(c.start, c.end)]));
        }
    }
    for (name, spans) in &mut layers {
        for &(s, e) in spans.iter() {
            assert!(s <= e && e <= text.len(), "{name} {s}..{e} out of bounds");
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e),
                "{name} {s}..{e}"
            );
        }
        spans.sort();
        for w in spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "{name}s overlap: {:?} {:?}", w[0], w[1]);
        }
    }
    // Quote pieces do not overlap (checked above), so only the last piece starting before an
    // entity's end can cross it.
    let pieces = &layers[2].1;
    for e in &a.entities {
        let k = pieces.partition_point(|p| p.0 < e.end);
        if k > 0 {
            let p = pieces[k - 1];
            let crosses = e.start < p.1 && !(p.0 <= e.start && e.end <= p.1);
            assert!(!crosses, "entity {:?} crosses a quote piece", e.text);
        }
        assert_eq!(&text[e.start..e.end], e.text);
    }
}

fn utf16_agrees(a: &Analysis, format: FormatChoice) {
    let opts = Options {
        format,
        offsets: OffsetUnit::Utf16,
        ..Options::default()
    };
    // The analysed text of an HTML input is itself text: re-analyse the original instead.
    let u = analyze(
        &a.text,
        &Options {
            format: FormatChoice::Text,
            ..opts
        },
    )
    .unwrap();
    let units: Vec<u16> = u.text.encode_utf16().collect();
    for e in &u.entities {
        assert_eq!(String::from_utf16_lossy(&units[e.start..e.end]), e.text);
    }
}

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
            let opts = Options { format, ..Options::default() };
            if let Ok(a) = analyze(&s, &opts) {
                check(&a);
                utf16_agrees(&a, format);
            }
        }
    }

    #[test]
    fn any_string_at_all_analyses_cleanly(s in "\\PC{0,300}") {
        for format in [FormatChoice::Text, FormatChoice::Html] {
            let opts = Options { format, ..Options::default() };
            if let Ok(a) = analyze(&s, &opts) {
                check(&a);
            }
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
    ];
    for s in &inputs {
        for format in [FormatChoice::Text, FormatChoice::Html] {
            let a = analyze(
                s,
                &Options {
                    format,
                    ..Options::default()
                },
            )
            .unwrap();
            check(&a);
        }
    }
}

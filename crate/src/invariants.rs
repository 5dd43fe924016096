//! The invariants every analysis keeps, in one place for the property tests
//! (`tests/never_panics.rs`) and the fuzz targets (`fuzz/`). Not part of the API: each check
//! panics with a message naming the broken invariant, which is what both harnesses want.
//!
//! For any input and format: the analysis does not panic; every span is in bounds and on char
//! boundaries; spans of one layer (blocks, entities, quote pieces, a quote's speaker, its cue)
//! never overlap; an entity never crosses a quote piece and its text is the text it spans; and
//! the same input analysed with UTF-16 offsets gives the same spans, each slicing the same text
//! out of the UTF-16 code units as its UTF-8 twin does out of the bytes.

use crate::analysis::{analyze, FormatChoice, Options};
use crate::offsets::OffsetUnit;
use crate::types::Analysis;

/// Analyses `input` as `format` with UTF-8 and with UTF-16 offsets and checks both results.
/// Returns the UTF-8 analysis, or `None` when the input was refused (both times, the same way).
pub fn check_input(input: &str, format: FormatChoice) -> Option<Analysis> {
    let options = |offsets| Options {
        format,
        offsets,
        ..Options::default()
    };
    let a = analyze(input, &options(OffsetUnit::Utf8));
    let u = analyze(input, &options(OffsetUnit::Utf16));
    match (a, u) {
        (Ok(a), Ok(u)) => {
            check(&a);
            check_utf16(&a, &u);
            Some(a)
        }
        (Err(e), Err(f)) => {
            assert_eq!(e, f, "refused differently with UTF-16 offsets");
            None
        }
        (a, u) => panic!(
            "UTF-8 and UTF-16 runs disagree: {:?} vs {:?}",
            a.err(),
            u.err()
        ),
    }
}

/// Every span of one layer of `a`, as `(start, end)` pairs, named; quote pieces third.
fn layers(a: &Analysis) -> Vec<(&'static str, Vec<(usize, usize)>)> {
    let mut layers = vec![
        ("block", a.blocks.iter().map(|b| (b.start, b.end)).collect()),
        (
            "entity",
            a.entities.iter().map(|e| (e.start, e.end)).collect(),
        ),
        (
            "quote piece",
            a.quotes
                .iter()
                .flat_map(|q| q.parts.iter().map(|p| (p.start, p.end)))
                .collect(),
        ),
    ];
    for q in &a.quotes {
        layers.push(("quote", vec![(q.start, q.end)]));
        if let Some(s) = &q.speaker {
            layers.push(("speaker", vec![(s.start, s.end)]));
        }
        if let Some(c) = &q.cue {
            layers.push(("cue", vec![(c.start, c.end)]));
        }
    }
    layers
}

/// Checks an analysis with UTF-8 offsets (see the module's documentation).
pub fn check(a: &Analysis) {
    assert_eq!(
        a.offsets,
        OffsetUnit::Utf8.as_str(),
        "check wants UTF-8 offsets"
    );
    let text = &a.text;
    let mut layers = layers(a);
    for (name, spans) in &mut layers {
        for &(s, e) in spans.iter() {
            assert!(s <= e && e <= text.len(), "{name} {s}..{e} out of bounds");
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e),
                "{name} {s}..{e} not on char boundaries"
            );
        }
        spans.sort_unstable();
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
        assert_eq!(&text[e.start..e.end], e.text, "entity text");
    }
}

/// Checks that `u` (UTF-16 offsets) is `a` (UTF-8 offsets, already [`check`]ed) with every span
/// converted: same text, same spans in the same order, each slicing the same text.
pub fn check_utf16(a: &Analysis, u: &Analysis) {
    assert_eq!(u.offsets, OffsetUnit::Utf16.as_str());
    assert_eq!(
        a.text, u.text,
        "the analysed text depends on the offset unit"
    );
    let units: Vec<u16> = u.text.encode_utf16().collect();
    let (la, lu) = (layers(a), layers(u));
    assert_eq!(la.len(), lu.len(), "layers differ between UTF-8 and UTF-16");
    for ((name, sa), (_, su)) in la.iter().zip(&lu) {
        assert_eq!(sa.len(), su.len(), "{name} count differs in UTF-16");
        for (&(s8, e8), &(s16, e16)) in sa.iter().zip(su) {
            assert!(
                s16 <= e16 && e16 <= units.len(),
                "{name} {s16}..{e16} out of bounds in UTF-16"
            );
            let sliced = String::from_utf16(&units[s16..e16]).ok();
            assert_eq!(
                sliced.as_deref(),
                Some(&a.text[s8..e8]),
                "{name} {s8}..{e8} is {s16}..{e16} in UTF-16 but slices other text"
            );
        }
    }
}

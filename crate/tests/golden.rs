//! Golden files: fixture articles written for this project (`tests/golden/*.txt|*.html`) and a
//! readable rendering of what the analysis finds in each (`*.expected`), reviewed as diffs.
//!
//! The rendering puts every block on its own line with its kind, entities as `[KIND text]`, and
//! quote pieces as `«…»{speaker}`, reported speech as `⟨…⟩{speaker}`. Run with `UPDATE_GOLDEN=1` to rewrite the expected files
//! after an intended change, then read the diff.

use std::fmt::Write as _;
use std::path::PathBuf;

use article_inspector::{analyze, Analysis, Options};

fn render(a: &Analysis) -> String {
    let mut out = String::new();
    // Markers by position; at one offset an entity (inner) closes before a quote piece
    // (outer), closings come before openings, and a quote piece opens before an entity.
    let mut marks: Vec<(usize, u8, String)> = Vec::new();
    for e in &a.entities {
        marks.push((e.start, 3, format!("[{} ", e.kind.as_str())));
        marks.push((e.end, 0, "]".into()));
    }
    for q in &a.quotes {
        let who = match (&q.speaker, q.kind) {
            (_, article_inspector::QuoteKind::Mention) => "mention".to_string(),
            (Some(s), _) => format!(
                "{}{}",
                s.name,
                if s.text != s.name {
                    format!(" via {}", s.text)
                } else {
                    String::new()
                }
            ),
            (None, _) => "unknown".into(),
        };
        // Quotes as «…», reported speech as ⟨…⟩.
        let (open, close) = if q.kind == article_inspector::QuoteKind::Indirect {
            ("⟨", "⟩")
        } else {
            ("«", "»")
        };
        for p in &q.parts {
            marks.push((p.start, 2, open.into()));
            marks.push((p.end, 1, format!("{close}{{{who}}}")));
        }
    }
    marks.sort_by_key(|m| (m.0, m.1));
    let mut k = 0;
    for b in &a.blocks {
        let flag = if b.boilerplate { "drop" } else { "keep" };
        write!(out, "{flag} {:<10} | ", b.kind.as_str()).unwrap();
        let mut pos = b.start;
        while k < marks.len() && marks[k].0 < b.start {
            k += 1;
        }
        while k < marks.len() && marks[k].0 <= b.end {
            out.push_str(&a.text[pos..marks[k].0]);
            out.push_str(&marks[k].2);
            pos = marks[k].0;
            k += 1;
        }
        out.push_str(&a.text[pos..b.end]);
        writeln!(out, "\n     ({})", b.why).unwrap();
    }
    writeln!(out, "\nclusters:").unwrap();
    for c in &a.clusters {
        writeln!(
            out,
            "  {} {} = {:?} roles={:?} mentions={} quotes={}",
            c.kind.as_str(),
            c.name,
            c.aliases,
            c.roles,
            c.mentions,
            c.quotes
        )
        .unwrap();
    }
    out
}

#[test]
fn golden_files_match() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut failed = Vec::new();
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let a = analyze(&text, &Options::default()).unwrap();
        let got = render(&a);
        let expected_path = input.with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            let diff: Vec<String> = expected
                .lines()
                .zip(got.lines())
                .filter(|(e, g)| e != g)
                .take(5)
                .map(|(e, g)| format!("- {e}\n+ {g}"))
                .collect();
            failed.push(format!("{}:\n{}", input.display(), diff.join("\n")));
        }
    }
    assert!(
        failed.is_empty(),
        "golden files differ (UPDATE_GOLDEN=1 cargo test --test golden to accept):\n{}",
        failed.join("\n\n")
    );
}

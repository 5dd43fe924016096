//! Throughput of the full analysis, natively: `cargo bench -p article-inspector`.
//!
//! Corpus: the sample articles in `../shared/samples/` when present, else a built-in
//! fictional article. Reports milliseconds per typical article and MB/s, and the same for one
//! document of about 1 MB and 10 MB (the samples repeated), so a quadratic pass shows up as a
//! falling MB/s. Then each stage alone on the same corpus (segmentation, part of speech,
//! boilerplate, entities, quotes), each given the previous stages' output, so the MB/s of the stages show
//! where the time goes.
//!
//! With `BENCH_PAGES=DIR`, it also times every file in DIR on its own (format detected; the
//! best of three runs) and reports the median, 95th percentile and slowest page — the
//! per-page budget is 5 ms.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use article_inspector::segment::Document;
use article_inspector::{analyze, boilerplate, coref, entities, html, pos, quotes, Options};

const FALLBACK: &str = "Harbour town votes on new sea wall\n\n\
    The council of Port Ellery voted on Tuesday to build a €12 million sea wall, after two \
    winters of flooding that left 300 homes under water.\n\n\
    “We cannot wait for the next storm,” said Mayor Ana Lindqvist, who has led the town since \
    2019. “Every year we wait costs us more.”\n\n\
    She said the work would begin in March. Opposition councillor Tom Reyes told reporters the \
    plan was “rushed” and that the Harbour Trust had not been consulted.\n\n\
    Copyright © 2026 Ellery Gazette. All rights reserved.";

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples");
    let mut docs: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if docs.is_empty() {
        eprintln!("(samples not found: using the built-in article)");
        docs.push(FALLBACK.to_string());
    }
    docs
}

/// Runs `f` repeatedly for at least `min` and returns the per-run times.
fn time(min: Duration, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < min || times.len() < 3 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn report(name: &str, bytes: usize, times: &[Duration]) {
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    println!(
        "{name:<28} {:>9} bytes  median {:>9.3} ms  p95 {:>9.3} ms  {:>7.2} MB/s",
        bytes,
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / median.as_secs_f64()
    );
}

/// Each stage of the text pipeline alone over `docs` (per typical article), given what the
/// stages before it produce.
fn stages(docs: &[String]) {
    let n = docs.len() as u32;
    let bytes = docs.iter().map(String::len).sum::<usize>() / docs.len();
    let per = |times: Vec<Duration>| times.iter().map(|t| *t / n).collect::<Vec<_>>();
    let seg = time(Duration::from_secs(1), || {
        for d in docs {
            black_box(Document::new(black_box(d)));
        }
    });
    report("  stage: segmentation", bytes, &per(seg));
    let parsed: Vec<Document> = docs.iter().map(|d| Document::new(d)).collect();
    // The whole text's tags, as `--tokens` asks; the analysis itself tags only the words
    // around the quote finder's ambiguous cue words (inside the quotes stage below).
    let tags = time(Duration::from_secs(1), || {
        for doc in &parsed {
            black_box(pos::tag(black_box(doc)));
        }
    });
    report("  stage: part of speech", bytes, &per(tags));
    let bp = time(Duration::from_secs(1), || {
        for doc in &parsed {
            black_box(boilerplate::classify(black_box(doc), None));
        }
    });
    report("  stage: boilerplate", bytes, &per(bp));
    let classified: Vec<boilerplate::Classified> = parsed
        .iter()
        .map(|doc| boilerplate::classify(doc, None))
        .collect();
    let ent = time(Duration::from_secs(1), || {
        for (doc, c) in parsed.iter().zip(&classified) {
            black_box(entities::find(black_box(doc), &c.widgets, &[], c.language));
        }
    });
    report("  stage: entities", bytes, &per(ent));
    let layers: Vec<entities::EntityLayer> = parsed
        .iter()
        .zip(&classified)
        .map(|(doc, c)| entities::find(doc, &c.widgets, &[], c.language))
        .collect();
    let articles: Vec<Vec<bool>> = classified
        .iter()
        .map(|c| c.blocks.iter().map(|b| !b.boilerplate).collect())
        .collect();
    let q = time(Duration::from_secs(1), || {
        for ((doc, layer), article) in parsed.iter().zip(&layers).zip(&articles) {
            let marks = quotes::Marks::find(black_box(doc));
            let pronouns = coref::resolve(doc, layer, &marks, &|_| false);
            black_box(quotes::find(doc, layer, article, &marks, &pronouns));
        }
    });
    report("  stage: quotes", bytes, &per(q));
}

/// The boilerplate stage alone: read the input (HTML or text), cut it into blocks, classify.
fn boilerplate_stage(input: &str) -> usize {
    if html::looks_like_html(input) {
        let h = html::extract(input);
        let doc = Document::with_blocks(&h.text, h.blocks.iter().map(|b| b.span).collect());
        boilerplate::classify(&doc, Some(&h)).blocks.len()
    } else {
        let doc = Document::new(input);
        boilerplate::classify(&doc, None).blocks.len()
    }
}

/// Per-page times for every file in `dir`: the full analysis, and the boilerplate stage.
fn pages(dir: &str) {
    let opts = Options::default();
    let mut full = Vec::new();
    let mut stage = Vec::new();
    for entry in std::fs::read_dir(dir).expect("BENCH_PAGES is a directory") {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let best = |f: &dyn Fn()| {
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .min()
                .unwrap()
        };
        let name = path.display().to_string();
        let analysis = best(&|| {
            black_box(analyze(black_box(&text), &opts).ok());
        });
        let classify = best(&|| {
            black_box(boilerplate_stage(black_box(&text)));
        });
        full.push((analysis, text.len(), name.clone()));
        stage.push((classify, text.len(), name));
    }
    if full.is_empty() {
        eprintln!("no readable files in {dir}");
        return;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    for (what, mut times) in [("full analysis", full), ("boilerplate stage", stage)] {
        times.sort();
        let (max, bytes, slowest) = times.last().unwrap();
        let over = times
            .iter()
            .filter(|t| t.0 > Duration::from_millis(5))
            .count();
        println!(
            "{what:<18} {} pages  median {:.3} ms  p95 {:.3} ms  max {:.3} ms ({bytes} bytes: {slowest})  over 5 ms: {over}",
            times.len(),
            ms(times[times.len() / 2].0),
            ms(times[(times.len() * 95 / 100).min(times.len() - 1)].0),
            ms(*max),
        );
    }
}

fn main() {
    if let Ok(dir) = std::env::var("BENCH_PAGES") {
        pages(&dir);
        return;
    }
    let docs = corpus();
    let opts = Options::default();
    let total: usize = docs.iter().map(String::len).sum();
    let times = time(Duration::from_secs(3), || {
        for d in &docs {
            black_box(analyze(black_box(d), &opts).unwrap());
        }
    });
    let per_doc: Vec<Duration> = times.iter().map(|t| *t / docs.len() as u32).collect();
    report("typical article (mean size)", total / docs.len(), &per_doc);
    stages(&docs);
    for target in [1_000_000usize, 10_000_000] {
        let mut big = String::new();
        while big.len() < target {
            for d in &docs {
                big.push_str(d);
                big.push_str("\n\n");
            }
        }
        let times = time(Duration::from_secs(2), || {
            black_box(analyze(black_box(&big), &opts).unwrap());
        });
        report(
            &format!("one {} MB document", target / 1_000_000),
            big.len(),
            &times,
        );
        if target == 1_000_000 {
            let doc = Document::new(&big);
            let times = time(Duration::from_secs(1), || {
                black_box(pos::tag(black_box(&doc)));
            });
            report("  part of speech alone", big.len(), &times);
        }
    }
}

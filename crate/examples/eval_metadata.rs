//! Measures the page metadata (`article_inspector::metadata`) against trafilatura's evaluation
//! set: title, author and date over the pages whose gold has the field; Readability's own
//! metadata (`dom_smoothie`) on the same pages; and the two combined (ours first).
//!
//! ```sh
//! cargo run --release -p article-inspector --example eval_metadata [-- --misses [FIELD]]
//! ```
//!
//! The set is read from `../shared/eval/boilerplate/trafilatura` relative to the repository's
//! root (its README says what is in it); without it, the program says so and stops. Pages are
//! decoded as the product decodes a file (`decode::decode`: the declared charset honoured).
//! `--no-peers` skips Readability. `--half first|second` keeps the pages of one half
//! ([`first_half`]) for `--misses`. `--misses` lists each miss of ours (id, gold, predicted), or only those of
//! one field (`title`, `author`, `date`); `--page ID` shows what each side finds on one page.
//!
//! Comparisons: the title exactly, whitespace normalised; the authors as a set of names
//! (split at `,` `;` `&` `/` `and` `und` `et` `y`), in any order and case; the date by its day.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use article_inspector::metadata::{self, date, Metadata};
use serde_json::Value;

struct Page {
    id: String,
    html: String,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

impl Page {
    /// The page without its HTML (for scoring a subset).
    fn shallow(&self) -> Page {
        Page {
            id: self.id.clone(),
            html: String::new(),
            title: self.title.clone(),
            author: self.author.clone(),
            date: self.date.clone(),
        }
    }
}

fn set_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/boilerplate/trafilatura")
}

fn ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gold_text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => ws(s),
        Value::Array(a) => ws(&a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; ")),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// The page as the product reads a file: `decode` (BOM, UTF-8, the declared charset,
/// Windows-1252).
fn read_html(path: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(article_inspector::decode::decode(&bytes)
        .map(|(s, _)| s)
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned()))
}

fn load(dir: &Path) -> Result<Vec<Page>, String> {
    let json = std::fs::read_to_string(dir.join("evaldata.json")).map_err(|e| e.to_string())?;
    let data: HashMap<String, Value> = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    for v in data.values() {
        let Some(file) = v.get("file").and_then(Value::as_str) else {
            continue;
        };
        let id = file.trim_end_matches(".html").to_string();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let html = read_html(&path).map_err(|e| format!("{id}: {e}"))?;
        pages.push(Page {
            html,
            title: gold_text(v.get("title")),
            author: gold_text(v.get("author")),
            date: gold_text(v.get("date")),
            id,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn name_set(s: &str) -> BTreeSet<String> {
    let mut s = format!(" {} ", s.to_lowercase());
    for sep in [" and ", " und ", " et ", " y "] {
        s = s.replace(sep, ",");
    }
    s.split([',', ';', '&', '/'])
        .map(ws)
        .filter(|p| !p.is_empty())
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Title,
    Author,
    Date,
}

const FIELDS: [(Field, &str); 3] = [
    (Field::Title, "title"),
    (Field::Author, "author"),
    (Field::Date, "date"),
];

fn gold(p: &Page, f: Field) -> Option<&str> {
    match f {
        Field::Title => p.title.as_deref(),
        Field::Author => p.author.as_deref(),
        Field::Date => p.date.as_deref(),
    }
}

fn predicted(m: &Metadata, f: Field) -> Option<&str> {
    match f {
        Field::Title => m.title.as_deref(),
        Field::Author => m.byline.as_deref(),
        Field::Date => m.published.as_deref(),
    }
}

fn correct(f: Field, gold: &str, pred: Option<&str>) -> bool {
    let Some(pred) = pred else { return false };
    match f {
        Field::Title => ws(gold) == ws(pred),
        Field::Author => name_set(gold) == name_set(pred),
        Field::Date => date::day(gold) == date::day(pred),
    }
}

/// Readability's metadata (`get_article_metadata` with its JSON-LD), cleaned as ours
/// ([`Metadata::cleaned`]), or as given (the date's first ten characters). With `parse`, the byline Readability finds while extracting the article (its
/// `byline` class and `rel=author` rules) where the metadata has none.
fn readability(html: &str, clean: bool, parse: bool) -> Metadata {
    let Ok(mut r) = dom_smoothie::Readability::new(html, None, None) else {
        return Metadata::default();
    };
    let m = r.get_article_metadata(r.parse_json_ld());
    let byline = match (m.byline, parse) {
        (None, true) => r.parse().ok().and_then(|a| a.byline),
        (b, _) => b,
    };
    let raw = Metadata {
        title: Some(m.title),
        byline,
        published: m.published_time,
        site_name: m.site_name,
        language: m.lang,
        description: m.excerpt,
        article_body: None,
    };
    if clean {
        return raw.cleaned();
    }
    Metadata {
        title: raw.title.map(|t| ws(&t)).filter(|t| !t.is_empty()),
        byline: raw.byline.map(|b| ws(&b)).filter(|b| !b.is_empty()),
        published: raw.published.map(|d| d.chars().take(10).collect()),
        ..raw
    }
}

fn rates(pages: &[Page], preds: &[Metadata], label: &str) {
    let mut line = format!("{label:<46}");
    for (f, name) in FIELDS {
        let (mut n, mut ok) = (0, 0);
        for (p, m) in pages.iter().zip(preds) {
            if let Some(g) = gold(p, f) {
                n += 1;
                ok += usize::from(correct(f, g, predicted(m, f)));
            }
        }
        let rate = ok as f64 / n.max(1) as f64;
        line += &format!("  {name} {rate:.3} ({ok}/{n})");
    }
    println!("{line}");
}

/// The title rate ignoring case: some gold titles are in capitals because the page's style
/// sheet shows them so (`text-transform: uppercase`), while the markup has them in mixed case.
fn title_ignoring_case(pages: &[Page], preds: &[Metadata]) -> String {
    let (mut n, mut ok) = (0, 0);
    for (p, m) in pages.iter().zip(preds) {
        if let Some(g) = &p.title {
            n += 1;
            ok += usize::from(
                m.title
                    .as_ref()
                    .is_some_and(|t| ws(t).to_lowercase() == g.to_lowercase()),
            );
        }
    }
    format!("{:.3} ({ok}/{n})", ok as f64 / n.max(1) as f64)
}

fn misses(pages: &[Page], preds: &[Metadata], only: Option<&str>) {
    for (f, name) in FIELDS {
        if only.is_some_and(|o| o != name) {
            continue;
        }
        println!("\n## {name} misses");
        for (p, m) in pages.iter().zip(preds) {
            let Some(g) = gold(p, f) else { continue };
            if !correct(f, g, predicted(m, f)) {
                println!("{}\t{g}\t{}", p.id, predicted(m, f).unwrap_or("—"));
            }
        }
    }
}

/// Ours on every page, with the time `from_document` took and the time parsing the page into
/// a `Document` took (µs).
fn run_ours(pages: &[Page]) -> (Vec<Metadata>, Vec<f64>, Vec<f64>) {
    let (mut ours, mut micros, mut parse) = (Vec::new(), Vec::new(), Vec::new());
    for p in pages {
        let t = Instant::now();
        let doc = dom_query::Document::from(p.html.as_str());
        parse.push(t.elapsed().as_secs_f64() * 1e6);
        let t = Instant::now();
        ours.push(metadata::from_document(&doc));
        micros.push(t.elapsed().as_secs_f64() * 1e6);
    }
    (ours, micros, parse)
}

/// Readability's metadata as given, cleaned, and with `parse()`'s byline; each alone and
/// filling ours.
fn compare_with_readability(pages: &[Page], ours: &[Metadata]) {
    let run = |clean, parse| -> Vec<Metadata> {
        pages
            .iter()
            .map(|p| readability(&p.html, clean, parse))
            .collect()
    };
    rates(pages, &run(false, false), "readability, as given");
    let cleaned = run(true, false);
    rates(pages, &cleaned, "readability, cleaned");
    let parsed = run(true, true);
    rates(
        pages,
        &parsed,
        "readability, cleaned, with parse()'s byline",
    );
    for (label, other) in [
        ("ours or readability", &cleaned),
        ("ours or readability with parse()", &parsed),
    ] {
        let both: Vec<Metadata> = ours
            .iter()
            .zip(other)
            .map(|(a, b)| a.clone().or(b.clone()))
            .collect();
        rates(pages, &both, label);
    }
}

/// Whether a page falls in the first half of the set by id: its first character, lower-cased,
/// is at most `l` (digits and `_` included). Misses are studied on this half; the other
/// (`m`–`z` and the rest) checks that a change generalises.
fn first_half(id: &str) -> bool {
    id.chars()
        .next()
        .is_some_and(|c| c.to_lowercase().all(|l| l <= 'l'))
}

/// Ours on each half of the set ([`first_half`]).
fn halves(pages: &[Page], ours: &[Metadata]) {
    for (label, first) in [("ours, ids a–l", true), ("ours, ids m–z", false)] {
        let (p, m): (Vec<&Page>, Vec<&Metadata>) = pages
            .iter()
            .zip(ours)
            .filter(|(p, _)| first_half(&p.id) == first)
            .unzip();
        let p: Vec<Page> = p.into_iter().map(Page::shallow).collect();
        let m: Vec<Metadata> = m.into_iter().cloned().collect();
        rates(&p, &m, label);
    }
}

/// `median, mean, 90th percentile` of timings.
fn summary(mut micros: Vec<f64>) -> String {
    micros.sort_by(f64::total_cmp);
    let mean = micros.iter().sum::<f64>() / micros.len().max(1) as f64;
    let at = |q: usize| micros.get(micros.len() * q / 100).copied().unwrap_or(0.0);
    format!(
        "median {:.0} µs, mean {mean:.0} µs, 90th percentile {:.0} µs",
        at(50),
        at(90)
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = set_dir();
    if !dir.join("evaldata.json").exists() {
        println!("skipped: the evaluation set is not at {}", dir.display());
        return ExitCode::SUCCESS;
    }
    let pages = match load(&dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot read the set: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(i) = args.iter().position(|a| a == "--page") {
        let id = args.get(i + 1).map_or("", String::as_str);
        for p in pages.iter().filter(|p| p.id == id) {
            let doc = dom_query::Document::from(p.html.as_str());
            println!("gold: {:?} | {:?} | {:?}", p.title, p.author, p.date);
            println!("ours: {:#?}", metadata::from_document(&doc));
            println!("readability: {:#?}", readability(&p.html, true, true));
        }
        return ExitCode::SUCCESS;
    }
    let (ours, micros, parse) = run_ours(&pages);
    println!("{} pages", pages.len());
    rates(&pages, &ours, "ours");
    halves(&pages, &ours);
    if !args.iter().any(|a| a == "--no-peers") {
        compare_with_readability(&pages, &ours);
    }
    println!(
        "title ignoring case: ours {}",
        title_ignoring_case(&pages, &ours)
    );
    println!("from_document: {}", summary(micros));
    println!("(parsing the page into a Document: {})", summary(parse));
    if let Some(i) = args.iter().position(|a| a == "--misses") {
        let half = args
            .iter()
            .position(|a| a == "--half")
            .and_then(|j| args.get(j + 1))
            .map(|h| h == "first");
        let keep: Vec<(Page, Metadata)> = pages
            .iter()
            .zip(&ours)
            .filter(|(p, _)| half.is_none_or(|f| first_half(&p.id) == f))
            .map(|(p, m)| (p.shallow(), m.clone()))
            .collect();
        let (p, m): (Vec<Page>, Vec<Metadata>) = keep.into_iter().unzip();
        misses(
            &p,
            &m,
            args.get(i + 1)
                .map(String::as_str)
                .filter(|a| !a.starts_with("--")),
        );
    }
    ExitCode::SUCCESS
}

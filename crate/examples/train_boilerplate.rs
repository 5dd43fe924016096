//! Trains the boilerplate classifier (`crate/data/boilerplate.bin`) on the three development
//! sets of `../shared/eval/boilerplate/` (L3S-GN1, CleanEval, trafilatura's suite), and writes
//! the held-out predictions that measure it.
//!
//! ```sh
//! tools/boilerplate/train.sh     # = cargo run --profile train --example train_boilerplate
//! ```
//!
//! Pages are read through the product's own decoding and extraction (`decode`,
//! `analysis::read_input`), and scored by the product's own decision code
//! (`boilerplate::classify_prepared`), so what is measured is what ships. Block labels come
//! from each set's gold: the share of a block's word 4-grams found in the gold text (L3S,
//! CleanEval), or the "with"/"without" snippets a block holds or lies in (trafilatura; blocks
//! with neither are not used). Each page weighs the same, and each set as much as the others.
//!
//! Two logistic models per input mode: the first over each block's features, the second over
//! the first's scores of the block and its neighbours. The second learns from first-pass
//! scores of pages the first pass did not see (4 folds by site inside the training pages).
//! Features seen on fewer than `MIN_SITES` training sites are not learned: no weight can
//! memorise one site's class names.
//!
//! Evaluation schemes, written to `target/boilerplate-eval/{scheme}/{set}-{mode}.jsonl` for
//! `tests/eval/boilerplate.py --pred`: `cv` (5 folds by site over all three sets: every page
//! scored by a model that never saw its site), `lodo-{set}` (trained on the two other sets,
//! scored on this one), and `readability` (the blocks dom_smoothie keeps, alone: the peer).
//! The shipped model is trained on everything. Deterministic: the same
//! data gives the same bytes.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_inspector::analysis::{read_input, without_control_chars};
use article_inspector::boilerplate::features::{self, BITS};
use article_inspector::boilerplate::model::{Model, Passes, Weights};
use article_inspector::boilerplate::{self, Prepared};
use article_inspector::decode::decode;
use article_inspector::html::HtmlDoc;
use article_inspector::segment::Document;
use article_inspector::types::Format;

const FOLDS: u64 = 5;
const INNER_FOLDS: u64 = 4;
const EPOCHS: usize = 6;
const RATE: f32 = 0.05;
const MIN_SITES: u32 = 3;
/// The clean pastes of a set weigh this much against the set's real pages.
const SYNTHETIC_WEIGHT: f32 = 0.3;
const SEED: u64 = 0x5eed_b011_e4a7_0001;
/// Weights smaller than this are not shipped.
const MIN_WEIGHT: f32 = 1e-3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Set {
    L3s,
    CleanEval,
    Trafilatura,
}

const SETS: [(Set, &str); 3] = [
    (Set::L3s, "l3s-gn1"),
    (Set::CleanEval, "cleaneval"),
    (Set::Trafilatura, "trafilatura"),
];

fn set_name(s: Set) -> &'static str {
    SETS.iter().find(|x| x.0 == s).unwrap().1
}

enum Gold {
    Text(String),
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

struct Page {
    set: Set,
    id: String,
    site: String,
    text_path: Option<PathBuf>,
    html_path: PathBuf,
    gold: Gold,
}

/// A page read in one mode, with its facts, features and block labels.
struct Prepped {
    page: usize,
    text: String,
    html: Option<HtmlDoc>,
    prepared: Prepared,
    labels: Vec<Option<bool>>,
    /// The distinct first-pass feature ids of the page.
    distinct: Vec<u32>,
    /// Made from the gold text alone (an article pasted clean): trained on, never scored.
    synthetic: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(
        args.first()
            .map_or("../shared/eval/boilerplate", |s| s.as_str()),
    );
    let out_model = PathBuf::from(
        args.get(1)
            .map_or("crate/data/boilerplate.bin", |s| s.as_str()),
    );
    let out_eval = PathBuf::from("target/boilerplate-eval");
    let pages = match load_pages(&root) {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "cannot read the boilerplate sets under {}: {e}",
                root.display()
            );
            return ExitCode::FAILURE;
        }
    };
    eprintln!("{} pages", pages.len());
    let mut model = Model::default();
    for html in [false, true] {
        let mode = if html { "html" } else { "text" };
        let t = std::time::Instant::now();
        let preps = prepare_all(&pages, html);
        eprintln!(
            "{mode}: {} pages prepared in {:.1?}",
            preps.len(),
            t.elapsed()
        );
        let t = std::time::Instant::now();
        evaluate(&pages, &preps, html, &out_eval);
        let all: Vec<&Prepped> = preps.iter().collect();
        let passes = fit_passes(&pages, &all);
        eprintln!(
            "{mode}: trained in {:.1?}; shipped weights {} + {}",
            t.elapsed(),
            passes.first.len(),
            passes.second.len()
        );
        if html {
            model.html = passes;
        } else {
            model.text = passes;
        }
    }
    if let Err(e) = std::fs::write(&out_model, model.to_bytes()) {
        eprintln!("cannot write {}: {e}", out_model.display());
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {}", out_model.display());
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------------
// Reading the sets

fn load_pages(root: &Path) -> std::io::Result<Vec<Page>> {
    let mut pages = Vec::new();
    for (set, name) in SETS {
        let dir = root.join(name);
        let excluded = tsv_column(&dir.join("excluded.tsv"), "id").unwrap_or_default();
        let excluded: HashSet<String> = excluded.into_iter().collect();
        let snippets = if set == Set::Trafilatura {
            Some(read_snippets(&dir.join("evaldata.json"))?)
        } else {
            None
        };
        for row in tsv_rows(&dir.join("index.tsv"))? {
            let id = row["id"].clone();
            let text_path = dir.join(format!("{id}.txt"));
            let html_path = dir.join("html").join(format!("{id}.html.gz"));
            let gold = match &snippets {
                Some(s) => match s.get(&id) {
                    Some((with, without)) => Gold::Snippets {
                        with: with.clone(),
                        without: without.clone(),
                    },
                    None => continue,
                },
                None if excluded.contains(&id) => continue,
                None => match std::fs::read_to_string(dir.join("gold").join(format!("{id}.txt"))) {
                    Ok(g) => Gold::Text(g),
                    Err(_) => continue,
                },
            };
            pages.push(Page {
                set,
                site: site_of(&row["url"]),
                text_path: (!excluded.contains(&id) && text_path.is_file()).then_some(text_path),
                html_path,
                id,
                gold,
            });
        }
    }
    Ok(pages)
}

fn tsv_rows(path: &Path) -> std::io::Result<Vec<HashMap<String, String>>> {
    let data = std::fs::read_to_string(path)?;
    let mut lines = data.lines();
    let head: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    Ok(lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            head.iter()
                .zip(l.split('\t'))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect())
}

fn tsv_column(path: &Path, col: &str) -> std::io::Result<Vec<String>> {
    Ok(tsv_rows(path)?
        .into_iter()
        .filter_map(|mut r| r.remove(col))
        .collect())
}

type Snippets = HashMap<String, (Vec<String>, Vec<String>)>;

fn read_snippets(path: &Path) -> std::io::Result<Snippets> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let strings = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect())
            .unwrap_or_default()
    };
    let mut out = Snippets::new();
    for item in v.as_object().into_iter().flat_map(|o| o.values()) {
        let file = item["file"].as_str().unwrap_or_default();
        let id = file.strip_suffix(".html").unwrap_or(file).to_string();
        out.insert(id, (strings(&item["with"]), strings(&item["without"])));
    }
    Ok(out)
}

/// The host of a URL without `www.`: pages of one site share a fold.
fn site_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// Whitespace runs as one space, trimmed (trafilatura's `norm`).
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut out)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Preparing pages and labelling blocks

fn prepare_all(pages: &[Page], html: bool) -> Vec<Prepped> {
    let idx: Vec<usize> = (0..pages.len()).collect();
    let halves: Vec<&[usize]> = idx.chunks(idx.len().div_ceil(2).max(1)).collect();
    let mut out: Vec<Prepped> = std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .iter()
            .map(|h| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for &i in h.iter() {
                        let real = prepare_page(pages, i, html);
                        if !html {
                            out.extend(clean_paste(pages, i, real.as_ref()));
                        }
                        out.extend(real);
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    out.sort_by_key(|p| p.page);
    out
}

fn prepare_page(pages: &[Page], i: usize, html: bool) -> Option<Prepped> {
    let page = &pages[i];
    let bytes = if html {
        read_gz(&page.html_path).ok()?
    } else {
        std::fs::read(page.text_path.as_ref()?).ok()?
    };
    let (input, _) = decode(&bytes).ok()?;
    let format = if html { Format::Html } else { Format::Text };
    let (input, _) = without_control_chars(&input);
    let (text, html_doc) = read_input(&input, format);
    let doc = document(&text, html_doc.as_ref());
    let prepared = boilerplate::prepare(&doc, html_doc.as_ref());
    let labels = label_blocks(&doc, &page.gold);
    let mut distinct: Vec<u32> = prepared.first.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    Some(Prepped {
        page: i,
        text,
        html: html_doc,
        prepared,
        labels,
        distinct,
        synthetic: false,
    })
}

/// A page's gold text as a reader who copied little more than the article would paste it: for
/// every other page, the first and last two lines of the page's boilerplate around the
/// article's blocks; for the others, the article alone. Teaches the
/// classifier that a short paste keeps its prose and loses its stray lines.
fn clean_paste(pages: &[Page], i: usize, real: Option<&Prepped>) -> Option<Prepped> {
    let Gold::Text(gold) = &pages[i].gold else {
        return None;
    };
    let mut stray: Vec<&str> = Vec::new();
    // Half the pastes have stray lines around the article, half are the article alone (its
    // last paragraph last).
    if let Some(r) = real.filter(|_| i.is_multiple_of(2)) {
        let doc = document(&r.text, None);
        let negative: Vec<&str> = (0..doc.blocks.len())
            .filter(|&b| r.labels.get(b) == Some(&Some(false)))
            .map(|b| &r.text[doc.blocks[b].start..doc.blocks[b].end])
            .collect();
        stray = negative
            .iter()
            .take(2)
            .chain(negative.iter().rev().take(2).rev())
            .copied()
            .collect();
        stray.dedup();
    }
    let article: Vec<&str> = gold.lines().filter(|l| !l.trim().is_empty()).collect();
    let (head, tail) = stray.split_at(stray.len().min(2));
    let text = [head, &article[..], tail].concat().join("\n\n");
    let doc = Document::new(&text);
    let prepared = boilerplate::prepare(&doc, None);
    let article_blocks = Document::new(&article.join("\n\n")).blocks.len();
    let first = Document::new(&head.join("\n\n")).blocks.len();
    let labels: Vec<Option<bool>> = (0..doc.blocks.len())
        .map(|b| Some(b >= first && b < first + article_blocks))
        .collect();
    let mut distinct: Vec<u32> = prepared.first.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    (!labels.is_empty()).then_some(Prepped {
        page: i,
        text,
        html: None,
        prepared,
        labels,
        distinct,
        synthetic: true,
    })
}

fn document<'a>(text: &'a str, html: Option<&HtmlDoc>) -> Document<'a> {
    match html {
        Some(h) => Document::with_blocks(text, h.blocks.iter().map(|b| b.span).collect()),
        None => Document::new(text),
    }
}

/// Python's `\w+` tokens (letters, digits, marks, underscore).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x900..=0x97F | 0x980..=0x9FF)
        && !c.is_alphanumeric()
        && c != ' '
}

fn hash_words(ws: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in ws {
        for b in w.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn label_blocks(doc: &Document, gold: &Gold) -> Vec<Option<bool>> {
    match gold {
        Gold::Text(g) => {
            let tokens = words(g);
            let shingles: HashSet<u64> = tokens.windows(4).map(hash_words).collect();
            let mut short: HashSet<u64> = HashSet::new();
            for line in g.lines() {
                let ws = words(line);
                for n in 1..=3.min(ws.len()) {
                    if ws.len() <= 12 || n == ws.len() {
                        short.extend(ws.windows(n).map(hash_words));
                    }
                }
            }
            doc.blocks
                .iter()
                .map(|b| label_by_gold(&doc.text[b.start..b.end], &shingles, &short))
                .collect()
        }
        Gold::Snippets { with, without } => doc
            .blocks
            .iter()
            .map(|b| label_by_snippets(&norm(&doc.text[b.start..b.end]), with, without))
            .collect(),
    }
}

fn label_by_gold(s: &str, shingles: &HashSet<u64>, short: &HashSet<u64>) -> Option<bool> {
    let ws = words(s);
    match ws.len() {
        0 => None,
        1..=3 => Some(short.contains(&hash_words(&ws))),
        _ => {
            let total = ws.len() - 3;
            let found = ws
                .windows(4)
                .filter(|w| shingles.contains(&hash_words(w)))
                .count();
            let share = found as f32 / total as f32;
            if share >= 0.6 {
                Some(true)
            } else if share <= 0.2 {
                Some(false)
            } else {
                None
            }
        }
    }
}

fn label_by_snippets(block: &str, with: &[String], without: &[String]) -> Option<bool> {
    let touches = |snips: &[String]| {
        snips.iter().any(|w| {
            !w.is_empty()
                && (block.contains(w.as_str())
                    || (block.chars().count() >= 10 && w.contains(block)))
        })
    };
    match (touches(with), touches(without)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Training

/// A training row: a block's features, its label, its weight.
struct Row<'a> {
    features: &'a [u32],
    label: bool,
    weight: f32,
}

/// Rows of the labelled blocks of `preps`: each page weighs the same, each set as much as the
/// others.
fn rows<'a>(pages: &[Page], preps: &[&Prepped], feats: &'a [Vec<Vec<u32>>]) -> Vec<Row<'a>> {
    let mut per_set: HashMap<(Set, bool), f32> = HashMap::new();
    for p in preps {
        if p.labels.iter().any(Option::is_some) {
            *per_set.entry((pages[p.page].set, p.synthetic)).or_default() += 1.0;
        }
    }
    let mut out = Vec::new();
    for (p, f) in preps.iter().zip(feats) {
        let n = p.labels.iter().filter(|l| l.is_some()).count();
        if n == 0 {
            continue;
        }
        let set_weight = if p.synthetic { SYNTHETIC_WEIGHT } else { 1.0 };
        let w = set_weight / (n as f32 * per_set[&(pages[p.page].set, p.synthetic)]);
        for (b, l) in p.labels.iter().enumerate() {
            if let Some(label) = *l {
                out.push(Row {
                    features: &f[b],
                    label,
                    weight: w,
                });
            }
        }
    }
    let mean = out.iter().map(|r| r.weight).sum::<f32>() / out.len().max(1) as f32;
    for r in &mut out {
        r.weight /= mean;
    }
    out
}

/// Averaged SGD on the logistic loss, in a seeded order; features seen on fewer than
/// `MIN_SITES` sites keep a zero weight.
fn fit(rows: &[Row], allowed: &[bool]) -> Vec<f32> {
    let size = 1usize << BITS;
    let (mut w, mut u) = (vec![0f32; size], vec![0f32; size]);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = SEED;
    let mut c = 1f32;
    for epoch in 0..EPOCHS {
        shuffle(&mut order, &mut rng);
        let rate = RATE / (1.0 + epoch as f32);
        for &i in &order {
            let r = &rows[i];
            let z: f32 = r.features.iter().map(|&f| w[f as usize]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (f32::from(u8::from(r.label)) - p) * r.weight * rate;
            for &f in r.features {
                if allowed[f as usize] {
                    w[f as usize] += g;
                    u[f as usize] += c * g;
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(w, u)| w - u / c).collect()
}

fn shuffle(v: &mut [usize], rng: &mut u64) {
    for i in (1..v.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        v.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Features present on at least `MIN_SITES` sites of the training pages.
fn allowed_features(pages: &[Page], preps: &[&Prepped]) -> Vec<bool> {
    let mut by_site: HashMap<&str, Vec<u32>> = HashMap::new();
    for p in preps {
        by_site
            .entry(pages[p.page].site.as_str())
            .or_default()
            .extend(&p.distinct);
    }
    let mut count = vec![0u32; 1 << BITS];
    for ids in by_site.values_mut() {
        ids.sort_unstable();
        ids.dedup();
        for &id in ids.iter() {
            count[id as usize] += 1;
        }
    }
    count.iter().map(|&c| c >= MIN_SITES).collect()
}

fn fit_first(pages: &[Page], preps: &[&Prepped]) -> Weights {
    let feats: Vec<Vec<Vec<u32>>> = preps.iter().map(|p| p.prepared.first.clone()).collect();
    let allowed = allowed_features(pages, preps);
    Weights::from_dense(&fit(&rows(pages, preps, &feats), &allowed), MIN_WEIGHT)
}

fn fold_of(site: &str, salt: &str, folds: u64) -> u64 {
    hash_words(&[site, salt]) % folds
}

/// Both passes on `preps`: the second learns from first-pass scores made out of fold.
fn fit_passes(pages: &[Page], preps: &[&Prepped]) -> Passes {
    let mut z: Vec<Vec<f32>> = vec![Vec::new(); preps.len()];
    for k in 0..INNER_FOLDS {
        let inner = |p: &&Prepped| fold_of(&pages[p.page].site, "inner", INNER_FOLDS) == k;
        let train: Vec<&Prepped> = preps.iter().copied().filter(|p| !inner(p)).collect();
        let w = fit_first(pages, &train);
        for (i, p) in preps.iter().enumerate().filter(|(_, p)| inner(p)) {
            z[i] = p.prepared.first.iter().map(|f| w.score(f)).collect();
        }
    }
    let second: Vec<Vec<Vec<u32>>> = preps
        .iter()
        .zip(&z)
        .map(|(p, z)| features::second_pass(z, &p.prepared.facts))
        .collect();
    let allowed = vec![true; 1 << BITS];
    let second = Weights::from_dense(&fit(&rows(pages, preps, &second), &allowed), MIN_WEIGHT);
    Passes {
        first: fit_first(pages, preps),
        second,
    }
}

// ---------------------------------------------------------------------------------------------
// Held-out predictions

fn evaluate(pages: &[Page], preps: &[Prepped], html: bool, out: &Path) {
    let mode = if html { "html" } else { "text" };
    let mut cv: Vec<(usize, String)> = Vec::new();
    for k in 0..FOLDS {
        let test = |p: &&Prepped| fold_of(&pages[p.page].site, "outer", FOLDS) == k;
        let train: Vec<&Prepped> = preps.iter().filter(|p| !test(p)).collect();
        let passes = fit_passes(pages, &train);
        let scored = preps.iter().filter(|p| test(p) && !p.synthetic);
        cv.extend(scored.map(|p| (p.page, predict(&passes, p, html))));
    }
    for (set, name) in SETS {
        let of_set: Vec<(usize, String)> = cv
            .iter()
            .filter(|(i, _)| pages[*i].set == set)
            .cloned()
            .collect();
        write_preds(
            pages,
            &of_set,
            &out.join("cv").join(format!("{name}-{mode}.jsonl")),
        );
        let train: Vec<&Prepped> = preps.iter().filter(|p| pages[p.page].set != set).collect();
        let passes = fit_passes(pages, &train);
        let preds: Vec<(usize, String)> = preps
            .iter()
            .filter(|p| pages[p.page].set == set && !p.synthetic)
            .map(|p| (p.page, predict(&passes, p, html)))
            .collect();
        write_preds(
            pages,
            &preds,
            &out.join(format!("lodo-{name}"))
                .join(format!("{name}-{mode}.jsonl")),
        );
        if html {
            let alone: Vec<(usize, String)> = preps
                .iter()
                .filter(|p| pages[p.page].set == set && !p.synthetic)
                .map(|p| (p.page, readability_alone(p)))
                .collect();
            let path = out.join("readability").join(format!("{name}-html.jsonl"));
            write_preds(pages, &alone, &path);
        }
        eprintln!("{mode}: {} held-out predictions written", set_name(set));
    }
}

/// The clean text the product would give with these weights.
fn predict(passes: &Passes, p: &Prepped, html: bool) -> String {
    let mut model = Model::default();
    if html {
        model.html = passes.clone();
    } else {
        model.text = passes.clone();
    }
    let doc = document(&p.text, p.html.as_ref());
    let c = boilerplate::classify_prepared(&model, &doc, p.html.as_ref(), p.prepared.clone());
    c.blocks
        .iter()
        .filter(|b| !b.boilerplate)
        .map(|b| &p.text[b.start..b.end])
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The blocks Readability (dom_smoothie) keeps, alone: the peer the classifier must beat.
fn readability_alone(p: &Prepped) -> String {
    let h = p.html.as_ref().expect("HTML mode");
    h.blocks
        .iter()
        .filter(|b| b.in_readability)
        .map(|b| &p.text[b.span.start..b.span.end])
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn write_preds(pages: &[Page], preds: &[(usize, String)], path: &Path) {
    let lines: String = preds
        .iter()
        .map(|(i, text)| serde_json::json!({"id": pages[*i].id, "text": text}).to_string() + "\n")
        .collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create the predictions folder");
    }
    std::fs::write(path, lines).expect("write predictions");
}

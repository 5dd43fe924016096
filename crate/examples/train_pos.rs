//! Trains the part-of-speech weights (`crate/data/pos.bin`) from UD English-EWT train and the
//! openly licensed genres of GUM train, and prints the accuracy table.
//!
//! ```sh
//! tools/pos/train.sh      # = the command below, from the repo root
//! cargo run --profile train -p article-inspector --example train_pos -- ../shared/eval crate/data/pos.bin
//! ```
//!
//! An averaged perceptron over the crate's own features and decoding loop ([`pos::tag_keys`]
//! with a learning scorer), sentences in a seeded shuffle per epoch: the same data gives the
//! same bytes. Dev sets only measure (per epoch, to choose the epochs); they never train.
//! Options: `--epochs N`, `--retrain N` (epochs after pruning), `--bits B` (hashed rows 2^B),
//! `--budget N` (entries kept), `--levels L` (quantisation steps of the largest weight),
//! `--speed` (time the weights in OUT.bin only),
//! `--no-lodo` (skip the leave-one-dataset-out runs), `--dry` (write nothing).

#[path = "pos_common/mod.rs"]
mod common;
#[path = "perceptron/mod.rs"]
mod perceptron;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use article_inspector::pos::{self, model::Row, Model, Scorer, N_CLASSES};
use article_inspector::segment::Document;
use common::{licensed, read_conllu, read_gum, row, score, score_tokens, Sent};
use perceptron::{shuffle, threshold, Averaged};

const SEED: u64 = 0x5eed_0f00_d0c5_0001;

struct Opts {
    data: PathBuf,
    out: PathBuf,
    epochs: usize,
    bits: u32,
    budget: usize,
    lodo: bool,
    dry: bool,
    confusions: bool,
    retrain: usize,
    speed_only: bool,
    levels: u8,
}

/// The shared averaged perceptron, as the part-of-speech decoder's scorer.
struct Trainer(Averaged<N_CLASSES>);

impl Scorer for Trainer {
    fn scores(&self, feats: &[u32]) -> [f32; N_CLASSES] {
        self.0.scores(feats)
    }
    fn learn(&mut self, feats: &[u32], gold: u8, predicted: u8) {
        self.0.learn(feats, gold, predicted)
    }
}

/// Keeps the `budget` largest weights, quantised to `i8` with one scale.
fn quantise(bits: u32, avg: &[f32], budget: usize, levels: u8) -> Vec<u8> {
    let (cut, scale) = threshold(avg, budget, levels);
    let mut rows: Vec<Row> = Vec::new();
    for (r, chunk) in avg.chunks_exact(N_CLASSES).enumerate() {
        let e: Vec<(u8, i8)> = chunk
            .iter()
            .enumerate()
            .filter(|(_, w)| w.abs() > cut)
            .map(|(c, w)| (c as u8, (w / scale).round().clamp(-127.0, 127.0) as i8))
            .filter(|&(_, q)| q != 0)
            .collect();
        if !e.is_empty() {
            rows.push((r as u32, e));
        }
    }
    Model::serialize(bits, scale, &rows)
}

/// Trains on `train`: `epochs` epochs, then prunes to the budget and trains `retrain` more
/// epochs on the weights kept. Prints the UPOS accuracy on `dev` after the last epochs.
fn train(o: &Opts, train: &[&Sent], dev: &[(&str, &[Sent])]) -> Vec<u8> {
    let keys: Vec<_> = train
        .iter()
        .map(|s| pos::keys_of(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    let gold: Vec<Vec<u8>> = train.iter().map(|s| s.classes()).collect();
    let mut tr = Trainer(Averaged::new(o.bits));
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = SEED;
    for epoch in 1..=o.epochs + o.retrain {
        if epoch == o.epochs + 1 {
            tr.0.prune(o.budget, o.levels);
        }
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let pred = pos::tag_keys(&keys[k], &mut tr, Some(&gold[k]));
            total += pred.len();
            right += pred.iter().zip(&gold[k]).filter(|(p, g)| p == g).count();
        }
        let mut line = format!("epoch {epoch:2}: train {:.4}", right as f64 / total as f64);
        if !dev.is_empty() && epoch + 2 >= o.epochs + o.retrain {
            let m = Model::parse(&quantise(o.bits, &tr.0.averaged(), o.budget, o.levels)).unwrap();
            for (name, sents) in dev {
                line += &format!(" | {name} {:.4}", score(&m, sents).upos);
            }
        }
        eprintln!("{line}");
    }
    quantise(o.bits, &tr.0.averaged(), o.budget, o.levels)
}

fn parse_args() -> Option<Opts> {
    let mut o = Opts {
        data: PathBuf::from("../shared/eval"),
        out: PathBuf::from("crate/data/pos.bin"),
        epochs: 6,
        bits: 17,
        budget: 40_000,
        lodo: true,
        dry: false,
        confusions: false,
        retrain: 3,
        speed_only: false,
        levels: 31,
    };
    let mut pos = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => o.epochs = it.next()?.parse().ok()?,
            "--bits" => o.bits = it.next()?.parse().ok()?,
            "--budget" => o.budget = it.next()?.parse().ok()?,
            "--levels" => o.levels = perceptron::levels(&it.next()?)?,
            "--no-lodo" => o.lodo = false,
            "--dry" => o.dry = true,
            "--speed" => o.speed_only = true,
            "--retrain" => o.retrain = it.next()?.parse().ok()?,
            "--confusions" => o.confusions = true,
            _ => pos.push(a),
        }
    }
    if let [d, out] = pos.as_slice() {
        (o.data, o.out) = (d.into(), out.into());
    }
    Some(o)
}

fn main() -> ExitCode {
    let Some(o) = parse_args() else {
        eprintln!("usage: train_pos [DATA_DIR OUT.bin] [--epochs N] [--retrain N] [--bits B] [--budget N] [--levels L] [--no-lodo] [--dry] [--speed]");
        return ExitCode::FAILURE;
    };
    if o.speed_only {
        let model = Model::parse(&std::fs::read(&o.out).expect("weights")).expect("weights");
        speed(&model, &o.data, &common::eval_sets(&o.data));
        return ExitCode::SUCCESS;
    }
    let ewt_train = read_conllu(&o.data.join("pos/en_ewt/en_ewt-ud-train.conllu"));
    let gum_train = read_gum(&o.data.join("coref/gum/train"), &licensed);
    let sets = common::eval_sets(&o.data);
    let words = |s: &[&Sent]| s.iter().map(|x| x.words.len()).sum::<usize>();
    let all: Vec<&Sent> = ewt_train.iter().chain(&gum_train).collect();
    eprintln!(
        "train_pos: EWT train {} words, GUM train ({}) {} words; 2^{} rows, {} epochs, budget {}",
        words(&ewt_train.iter().collect::<Vec<_>>()),
        common::LICENSED_GENRES.join(", "),
        words(&gum_train.iter().collect::<Vec<_>>()),
        o.bits,
        o.epochs,
        o.budget
    );
    let dev: Vec<(&str, &[Sent])> = vec![("EWT dev", &sets[0].1), ("GUM dev", &sets[2].1)];
    let bytes = train(&o, &all, &dev);
    let model = Model::parse(&bytes).expect("the written weights read back");
    report(&o, &model, bytes.len(), &sets);
    if o.lodo {
        lodo(&o, &ewt_train, &gum_train, &sets);
    }
    if !o.dry {
        if let Err(e) = std::fs::write(&o.out, &bytes) {
            eprintln!("train_pos: {}: {e}", o.out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("train_pos: wrote {}", o.out.display());
    }
    ExitCode::SUCCESS
}

/// The all-in table, with the crate's-own-tokens figures and the tagging speed.
fn report(o: &Opts, model: &Model, size: usize, sets: &[(String, Vec<Sent>)]) {
    println!(
        "\npos.bin: {size} bytes, {} entries, scale {:.5}",
        model.entries(),
        model.scale()
    );
    println!("\n| trained on EWT train + GUM train (licensed genres) | words | UPOS | XPOS | UPOS on our tokens (share of words) |");
    println!("|---|---|---|---|---|");
    let (mut words, mut secs) = (0, 0.0);
    for (name, sents) in sets {
        let s = score(model, sents);
        let (tok, cover) = score_tokens(model, sents);
        (words, secs) = (words + s.words, secs + s.secs);
        println!(
            "{} {:.2}% ({:.1}%) |",
            row(name, &s),
            100.0 * tok,
            100.0 * cover
        );
    }
    println!(
        "\ntagging gold words (keys included): {:.2} M words/s",
        words as f64 / secs / 1e6
    );
    speed(model, &o.data, sets);
    if o.confusions {
        println!(
            "EWT dev confusions: {:?}",
            common::confusions(model, &sets[0].1, 16)
        );
    }
}

/// Best of three runs of [`pos::tag_with`] over `text` (segmentation not counted).
fn time_tagging(model: &Model, what: &str, text: &str) {
    let doc = Document::new(text);
    let best = (0..3)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(pos::tag_with(&doc, model));
            t0.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    println!(
        "tagging {what} ({:.2} MB, {} tokens): {:.1} ms, {:.2} M tokens/s, {:.1} MB/s",
        text.len() as f64 / 1e6,
        doc.tokens.len(),
        best * 1e3,
        doc.tokens.len() as f64 / best / 1e6,
        text.len() as f64 / best / 1e6
    );
}

/// [`pos::tag_with`] on `text` cut into documents of about 5 KB (a typical article), each
/// with a fresh tagger: what an article costs, the per-word sums computed anew.
fn time_per_chunk(model: &Model, text: &str) {
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .match_indices('\n')
            .map(|(i, _)| start + i + 1)
            .find(|&e| e - start >= 5000)
            .unwrap_or(text.len());
        docs.push(Document::new(&text[start..end]));
        start = end;
    }
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let best = (0..3)
        .map(|_| {
            let t0 = Instant::now();
            for d in &docs {
                std::hint::black_box(pos::tag_with(d, model));
            }
            t0.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    println!(
        "tagging the same texts as {} documents of ~5 KB: {:.3} ms a document, {:.2} M tokens/s, {:.1} MB/s",
        docs.len(),
        best * 1e3 / docs.len() as f64,
        tokens as f64 / best / 1e6,
        text.len() as f64 / best / 1e6
    );
}

/// Tagging speed on the crate's tokens: every evaluation text as one document (many distinct
/// words), and the benchmark's corpus (`../shared/samples`, repeated to 1 MB) when present.
fn speed(model: &Model, data: &Path, sets: &[(String, Vec<Sent>)]) {
    let mut text = String::new();
    for s in sets.iter().flat_map(|(_, v)| v) {
        text.push_str(&s.text);
        text.push('\n');
    }
    time_tagging(model, "all evaluation texts as one document", &text);
    time_per_chunk(model, &text);
    let mut samples: Vec<_> = std::fs::read_dir(data.join("../samples"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    let docs: Vec<String> = samples
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if !docs.is_empty() {
        let mut big = String::new();
        while big.len() < 1_000_000 {
            for d in &docs {
                big.push_str(d);
                big.push_str("\n\n");
            }
        }
        time_tagging(
            model,
            "the benchmark's 1 MB document (samples repeated)",
            &big,
        );
    }
}

/// Leave one dataset out: EWT alone → GUM test; GUM alone → EWT test.
fn lodo(o: &Opts, ewt: &[Sent], gum: &[Sent], sets: &[(String, Vec<Sent>)]) {
    println!("\n| leave one dataset out | words | UPOS | XPOS |\n|---|---|---|---|");
    let runs: [(&str, &[Sent], &[usize]); 2] = [
        ("EWT train only", ewt, &[1, 3, 4, 5]),
        ("GUM train only", gum, &[1, 3, 4]),
    ];
    for (name, data, targets) in runs {
        let train_set: Vec<&Sent> = data.iter().collect();
        let m = Model::parse(&train(o, &train_set, &[])).unwrap();
        for &t in targets {
            let s = score(&m, &sets[t].1);
            println!("{}", row(&format!("{name} → {}", sets[t].0), &s));
        }
    }
}

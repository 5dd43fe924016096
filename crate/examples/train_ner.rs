//! Trains the name tagger's weights (`crate/data/ner.bin`) on three corpora and prints the
//! leave-one-dataset-out table.
//!
//! ```sh
//! tools/ner/train.sh      # writes the corpora (tools/ner/corpora.py), then runs this
//! cargo run --profile train -p article-inspector --example train_ner -- target/ner-corpora crate/data/ner.bin
//! ```
//!
//! The corpora (see `tools/ner/corpora.py`): CoNLL++ (Reuters 1996, PER/ORG/LOC/MISC),
//! Universal NER English-EWT (web text, PER/ORG/LOC) and GUM's named mentions (news,
//! interviews, biographies, academic, court, travel guides; PER/ORG/LOC). Documents are
//! rebuilt as the evaluation rebuilds them (tokens joined by one space, sentences by a
//! newline) and segmented by the crate itself, so the model learns on the tokens it will
//! see. The two corpora without a MISC class cannot say a MISC guess is wrong: there a
//! predicted MISC over a token they leave outside any name is not an error.
//!
//! The perceptron runs the crate's own decoding loop ([`tagger::tag_document`]) with a
//! learning scorer, documents in a seeded shuffle per epoch: the same data gives the same
//! bytes. Scores here are the tagger's alone, chunks on the crate's tokens; the product's
//! figures (with the rules around the tagger) come from `tests/eval/ner.py`.
//! Options: `--epochs N`, `--retrain N` (epochs after pruning), `--bits B`, `--budget N`
//! (weights kept), `--levels L` (quantisation steps of the largest weight), `--seed N` (another
//! shuffle, to see how much a difference is noise), `--no-lodo`, `--dry` (write nothing).

#[path = "perceptron/mod.rs"]
mod perceptron;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_inspector::segment::Document;
use article_inspector::tagger::{self, Decision, Model, Scorer, N_TAGS, O};
use perceptron::{shuffle, threshold, Averaged};

const SEED: u64 = 0x5eed_1234_abcd_0001;
/// Entity type index of MISC ([`tagger::tag_type`]).
const MISC: u8 = 4;

struct Opts {
    dir: PathBuf,
    out: PathBuf,
    epochs: usize,
    retrain: usize,
    bits: u32,
    budget: usize,
    levels: u8,
    lodo: bool,
    dry: bool,
    seed: u64,
}

struct Doc {
    text: String,
    /// Per corpus token: byte span and tag index (IOB2).
    gold: Vec<(usize, usize, u8)>,
}

/// One corpus: its splits and whether it annotates MISC.
struct Corpus {
    name: &'static str,
    misc: bool,
    train: Vec<Doc>,
    /// The split reported (CoNLL++ has no test split here: its dev).
    eval: Vec<Doc>,
}

/// A file of `tools/ner/corpora.py`: `-DOCSTART-` lines, `token<TAB>tag` lines, blank lines
/// between sentences.
fn read_docs(path: &Path) -> Vec<Doc> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs: Vec<Doc> = Vec::new();
    let mut sentence_open = false;
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            docs.push(Doc {
                text: String::new(),
                gold: Vec::new(),
            });
            sentence_open = false;
            continue;
        }
        let Some(d) = docs.last_mut() else { continue };
        let Some((tok, tag)) = line.split_once('\t') else {
            sentence_open = false;
            continue;
        };
        if !d.text.is_empty() {
            d.text.push(if sentence_open { ' ' } else { '\n' });
        }
        sentence_open = true;
        let start = d.text.len();
        d.text.push_str(tok);
        let t = tagger::tag_index(tag).unwrap_or(O);
        d.gold.push((start, d.text.len(), t));
    }
    docs.retain(|d| !d.gold.is_empty());
    docs
}

/// The gold tag of every crate token: the tag of the corpus token it starts in (`I-` when it
/// starts inside that token).
fn crate_gold(doc: &Document, gold: &[(usize, usize, u8)]) -> Vec<u8> {
    doc.tokens
        .iter()
        .map(|t| {
            let k = gold.partition_point(|g| g.0 <= t.start);
            if k == 0 {
                return O;
            }
            let (s, e, tag) = gold[k - 1];
            if t.start >= e || tag == O {
                O
            } else if t.start > s && tagger::is_begin(tag) {
                tag + 1
            } else {
                tag
            }
        })
        .collect()
}

/// The shared averaged perceptron as the name tagger's scorer; `misc` false while it reads a
/// corpus without MISC.
struct Trainer {
    p: Averaged<N_TAGS>,
    misc: bool,
}

impl Scorer for Trainer {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        self.p.scores(feats)
    }
    fn learn(&mut self, feats: &[u32], gold: u8, predicted: u8) {
        let unknowable = !self.misc && gold == O && tagger::tag_type(predicted) == MISC;
        let gold = if unknowable { predicted } else { gold };
        self.p.learn(feats, gold, predicted)
    }
}

/// Counts for chunk-level P/R/F1, all types and ORG alone.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
    org: [usize; 3],
}

impl Counts {
    fn f1(tp: usize, pred: usize, gold: usize) -> f64 {
        2.0 * tp as f64 / (pred + gold).max(1) as f64
    }
    fn cell(&self) -> String {
        format!(
            "{:.3} (ORG {:.3})",
            Self::f1(self.tp, self.pred, self.gold),
            Self::f1(self.org[0], self.org[1], self.org[2])
        )
    }
}

/// Chunks of one sentence's tags, offset to document tokens.
fn sentence_chunks(tags: &[Decision], a: usize, misc: bool) -> Vec<(usize, usize, u8)> {
    tagger::chunks(tags)
        .into_iter()
        .filter(|c| misc || c.kind != MISC)
        .map(|c| (c.toks.0 + a, c.toks.1 + a, c.kind))
        .collect()
}

/// Chunk counts of `scorer` on `docs`, MISC chunks dropped where the corpus has none.
fn measure<S: Scorer>(docs: &[Doc], misc: bool, scorer: &mut S) -> Counts {
    let mut c = Counts::default();
    for d in docs {
        let doc = Document::new(&d.text);
        let gold = crate_gold(&doc, &d.gold);
        let pred = tagger::tag_document(&doc, scorer, None, &|_| false);
        for s in &doc.sentences {
            let (a, b) = s.tokens;
            let gd: Vec<Decision> = gold[a..b]
                .iter()
                .map(|&tag| Decision { tag, margin: 0.0 })
                .collect();
            let g = sentence_chunks(&gd, a, misc);
            let p = sentence_chunks(&pred[a..b], a, misc);
            let org = |v: &[(usize, usize, u8)]| v.iter().filter(|x| x.2 == 2).count();
            let hits: Vec<_> = p.iter().filter(|x| g.contains(x)).collect();
            c.tp += hits.len();
            c.pred += p.len();
            c.gold += g.len();
            c.org[0] += hits.iter().filter(|x| x.2 == 2).count();
            c.org[1] += org(&p);
            c.org[2] += org(&g);
        }
    }
    c
}

/// A feature row whose weights all round to this or less moves each tag's score by at most
/// one step: such rows (12% of them) are dropped. Measured: typed F1 −0.002 on CoNLL++ dev,
/// −0.001 on UNER dev, −0.003 on GUM dev, and 11.6 KB less of the gzipped wasm.
const LEAST_ROW_WEIGHT: i8 = 1;

/// Quantises averaged weights: the `budget` largest, `i8` with one scale, without the rows
/// that say almost nothing ([`LEAST_ROW_WEIGHT`]).
fn quantise(o: &Opts, avg: &[f32]) -> Vec<u8> {
    let (cut, scale) = threshold(avg, o.budget, o.levels);
    let mut q: Vec<i8> = avg
        .iter()
        .map(|&w| {
            if w.abs() > cut {
                (w / scale).round().clamp(-127.0, 127.0) as i8
            } else {
                0
            }
        })
        .collect();
    for row in q.chunks_exact_mut(N_TAGS) {
        if row
            .iter()
            .all(|w| w.unsigned_abs() <= LEAST_ROW_WEIGHT.unsigned_abs())
        {
            row.fill(0);
        }
    }
    Model::serialize(o.bits, scale, &q)
}

/// Trains on the training splits of `corpora` and returns the weight file's bytes.
fn train(o: &Opts, corpora: &[&Corpus]) -> Vec<u8> {
    let docs: Vec<(&Doc, bool)> = corpora
        .iter()
        .flat_map(|c| c.train.iter().map(move |d| (d, c.misc)))
        .collect();
    let mut tr = Trainer {
        p: Averaged::new(o.bits),
        misc: true,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = o.seed;
    for epoch in 1..=o.epochs + o.retrain {
        if epoch == o.epochs + 1 {
            tr.p.prune(o.budget, o.levels);
        }
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let (d, misc) = docs[k];
            tr.misc = misc;
            let doc = Document::new(&d.text);
            let gold = crate_gold(&doc, &d.gold);
            let pred = tagger::tag_document(&doc, &mut tr, Some(&gold), &|_| false);
            total += gold.len();
            right += pred.iter().zip(&gold).filter(|(p, g)| p.tag == **g).count();
        }
        eprintln!(
            "  epoch {epoch:2}: train token accuracy {:.4}",
            right as f64 / total as f64
        );
    }
    quantise(o, &tr.p.averaged())
}

/// One table row: the F1 (and ORG F1) on each corpus' reported split.
fn row(name: &str, model: &Model, corpora: &[Corpus], only: Option<usize>) -> String {
    let mut line = format!("| {name} |");
    for (k, c) in corpora.iter().enumerate() {
        if only.is_some_and(|o| o != k) {
            line += " |";
            continue;
        }
        line += &format!(" {} |", measure(&c.eval, c.misc, &mut &*model).cell());
    }
    line
}

fn parse_args() -> Option<Opts> {
    let mut o = Opts {
        dir: PathBuf::from("target/ner-corpora"),
        out: PathBuf::from("crate/data/ner.bin"),
        epochs: 12,
        retrain: 2,
        bits: 18,
        budget: 80_000,
        levels: 31,
        lodo: true,
        dry: false,
        seed: SEED,
    };
    let mut pos = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--epochs" => o.epochs = it.next()?.parse().ok()?,
            "--retrain" => o.retrain = it.next()?.parse().ok()?,
            "--bits" => o.bits = it.next()?.parse().ok()?,
            "--budget" => o.budget = it.next()?.parse().ok()?,
            "--levels" => o.levels = perceptron::levels(&it.next()?)?,
            "--no-lodo" => o.lodo = false,
            "--seed" => o.seed = SEED ^ it.next()?.parse::<u64>().ok()?,
            "--dry" => o.dry = true,
            _ => pos.push(a),
        }
    }
    if let [d, out] = pos.as_slice() {
        (o.dir, o.out) = (d.into(), out.into());
    }
    Some(o)
}

fn load(dir: &Path) -> Vec<Corpus> {
    let f = |name: &str| read_docs(&dir.join(name));
    vec![
        Corpus {
            name: "CoNLL++ dev",
            misc: true,
            train: f("conllpp.train"),
            eval: f("conllpp.dev"),
        },
        Corpus {
            name: "UNER-EWT test",
            misc: false,
            train: f("uner.train"),
            eval: f("uner.test"),
        },
        Corpus {
            name: "GUM test",
            misc: false,
            train: f("gum.train"),
            eval: f("gum.test"),
        },
    ]
}

fn main() -> ExitCode {
    let Some(o) = parse_args() else {
        eprintln!("usage: train_ner [CORPORA_DIR OUT.bin] [--epochs N] [--retrain N] [--bits B] [--budget N] [--levels L] [--no-lodo] [--dry]");
        return ExitCode::FAILURE;
    };
    let corpora = load(&o.dir);
    for c in &corpora {
        eprintln!(
            "train_ner: {}: train {} documents, {} tokens",
            c.name,
            c.train.len(),
            c.train.iter().map(|d| d.gold.len()).sum::<usize>()
        );
    }
    let head: Vec<&str> = corpora.iter().map(|c| c.name).collect();
    println!(
        "\n| typed F1 of the tagger alone (ORG F1) | {} |\n|---|---|---|---|",
        head.join(" | ")
    );
    if let Some(before) = std::fs::read(&o.out).ok().and_then(|b| Model::parse(&b)) {
        println!(
            "{}",
            row("the weights in OUT.bin now", &before, &corpora, None)
        );
    }
    eprintln!("train_ner: all three corpora, 2^{} rows", o.bits);
    let bytes = train(&o, &corpora.iter().collect::<Vec<_>>());
    let model = Model::parse(&bytes).expect("the written weights read back");
    println!("{}", row("trained on all three", &model, &corpora, None));
    if o.lodo {
        for (k, c) in corpora.iter().enumerate() {
            eprintln!("train_ner: all but {}", c.name);
            let rest: Vec<&Corpus> = corpora
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, c)| c)
                .collect();
            let m = Model::parse(&train(&o, &rest)).unwrap();
            println!(
                "{}",
                row(&format!("without {}", c.name), &m, &corpora, Some(k))
            );
        }
    }
    println!(
        "\nner.bin: {} bytes, scale {:.5}",
        bytes.len(),
        model.scale()
    );
    if !o.dry {
        if let Err(e) = std::fs::write(&o.out, &bytes) {
            eprintln!("train_ner: {}: {e}", o.out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("train_ner: wrote {}", o.out.display());
    }
    ExitCode::SUCCESS
}

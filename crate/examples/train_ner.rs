//! Trains the name tagger's weights (`crate/data/ner.bin`) from CoNLL-format data.
//!
//! ```sh
//! tools/ner/train.sh            # = the command below, from the repo root
//! cargo run --release -p article-inspector --example train_ner -- \
//!     ../shared/eval/ner/conllpp_train.txt crate/data/ner.bin [--dev ../shared/eval/ner/conllpp_dev.txt]
//! ```
//!
//! Documents are rebuilt exactly as the evaluation does (tokens joined by one space,
//! sentences by a newline) and segmented by the crate itself, so the model learns on the
//! tokens it will see; the gold tags are carried over to those tokens. The perceptron runs the
//! crate's own decoding loop ([`tagger::tag_document`]) with a learning scorer, in a fixed
//! document order per epoch (a seeded shuffle): the output is the same on every run. `--dev`
//! only measures (token-level chunks on the crate's tokens); it never trains.

use std::process::ExitCode;

use article_inspector::segment::Document;
use article_inspector::tagger::{self, Decision, Model, Scorer, N_TAGS, O};

/// log2 of the number of hashed feature rows.
const BITS: u32 = 18;
const EPOCHS: usize = 12;
const SEED: u64 = 0x5eed_1234_abcd_0001;

struct Doc {
    text: String,
    /// Per CoNLL token: byte span and tag index (IOB2).
    gold: Vec<(usize, usize, u8)>,
}

fn read_conll(path: &str) -> std::io::Result<Vec<Doc>> {
    let data = std::fs::read_to_string(path)?;
    let mut docs: Vec<Vec<Vec<(String, String)>>> = Vec::new();
    let mut sent: Vec<(String, String)> = Vec::new();
    let flush = |docs: &mut Vec<Vec<Vec<(String, String)>>>, sent: &mut Vec<(String, String)>| {
        if !sent.is_empty() {
            if docs.is_empty() {
                docs.push(Vec::new());
            }
            docs.last_mut().unwrap().push(std::mem::take(sent));
        }
    };
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            docs.push(Vec::new());
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        sent.push((parts[0].to_string(), parts[parts.len() - 1].to_string()));
    }
    flush(&mut docs, &mut sent);
    Ok(docs
        .into_iter()
        .filter(|d| !d.is_empty())
        .map(|sents| {
            let mut text = String::new();
            let mut gold = Vec::new();
            for (si, s) in sents.iter().enumerate() {
                if si > 0 {
                    text.push('\n');
                }
                let mut prev_type = 0;
                for (ti, (tok, tag)) in s.iter().enumerate() {
                    if ti > 0 {
                        text.push(' ');
                    }
                    let start = text.len();
                    text.push_str(tok);
                    // IOB1 or IOB2 in, IOB2 out.
                    let mut t = tagger::tag_index(tag).unwrap_or_else(|| {
                        let b = format!("B-{}", tag.trim_start_matches("I-"));
                        tagger::tag_index(&b).unwrap_or(O)
                    });
                    let ty = tagger::tag_type(t);
                    if !tagger::is_begin(t) && ty != 0 && ty != prev_type {
                        t -= 1;
                    }
                    prev_type = ty;
                    gold.push((start, text.len(), t));
                }
            }
            Doc { text, gold }
        })
        .collect())
}

/// The gold tag of every crate token: the tag of the CoNLL token it starts in (`I-` when it
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

/// Averaged perceptron over a dense hashed table.
struct Trainer {
    mask: u32,
    w: Vec<f64>,
    /// Sum of step × update, for the average.
    u: Vec<f64>,
    step: f64,
}

/// The tag scores of `feats` under dense weights `w` (`N_TAGS` a feature, hashed by `mask`).
fn dense_scores(w: &[f64], mask: u32, feats: &[u32]) -> [f32; N_TAGS] {
    let mut s = [0f64; N_TAGS];
    for &h in feats {
        let r = (h & mask) as usize * N_TAGS;
        for (a, x) in s.iter_mut().zip(&w[r..r + N_TAGS]) {
            *a += x;
        }
    }
    s.map(|x| x as f32)
}

impl Scorer for Trainer {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        dense_scores(&self.w, self.mask, feats)
    }
    fn learn(&mut self, feats: &[u32], gold: u8, predicted: u8) {
        self.step += 1.0;
        if gold == predicted {
            return;
        }
        for &h in feats {
            let r = (h & self.mask) as usize * N_TAGS;
            for (t, d) in [(gold, 1.0), (predicted, -1.0)] {
                self.w[r + t as usize] += d;
                self.u[r + t as usize] += d * self.step;
            }
        }
    }
}

impl Trainer {
    fn averaged(&self) -> Vec<f64> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect()
    }
}

/// Dense averaged weights as a scorer (for measuring between epochs).
struct Fixed {
    mask: u32,
    w: Vec<f64>,
}

impl Scorer for Fixed {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        dense_scores(&self.w, self.mask, feats)
    }
}

/// Chunk-level P/R/F1 of `scorer` on `docs` (on the crate's tokens).
fn measure<S: Scorer>(docs: &[Doc], scorer: &mut S) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for d in docs {
        let doc = Document::new(&d.text);
        let gold = crate_gold(&doc, &d.gold);
        let pred = tagger::tag_document(&doc, scorer, None, &|_| false);
        let mut g_ch = Vec::new();
        let mut p_ch = Vec::new();
        for s in &doc.sentences {
            let (a, b) = s.tokens;
            let gd: Vec<Decision> = gold[a..b]
                .iter()
                .map(|&tag| Decision { tag, margin: 0.0 })
                .collect();
            g_ch.extend(
                tagger::chunks(&gd)
                    .into_iter()
                    .map(|c| (c.toks.0 + a, c.toks.1 + a, c.kind)),
            );
            p_ch.extend(
                tagger::chunks(&pred[a..b])
                    .into_iter()
                    .map(|c| (c.toks.0 + a, c.toks.1 + a, c.kind)),
            );
        }
        ng += g_ch.len();
        np += p_ch.len();
        tp += p_ch.iter().filter(|c| g_ch.contains(c)).count();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut dev_path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--dev" {
            dev_path = it.next().cloned();
        } else {
            pos.push(a.clone());
        }
    }
    let [train_path, out_path] = pos.as_slice() else {
        eprintln!("usage: train_ner TRAIN.conll OUT.bin [--dev DEV.conll]");
        return ExitCode::FAILURE;
    };
    let train = match read_conll(train_path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("train_ner: {train_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dev = dev_path.map(|p| read_conll(&p).expect("dev file"));
    eprintln!(
        "train_ner: {} documents, {} tokens; 2^{BITS} rows, {EPOCHS} epochs",
        train.len(),
        train.iter().map(|d| d.gold.len()).sum::<usize>()
    );
    // Gold names a lowercase word or a mark opens (the decoder never starts one there).
    let mut unreachable = 0;
    for d in &train {
        let doc = Document::new(&d.text);
        let f = tagger::Features::new(&doc);
        let g = crate_gold(&doc, &d.gold);
        for s in &doc.sentences {
            for i in s.tokens.0..s.tokens.1 {
                let after_o = i == s.tokens.0 || g[i - 1] == O;
                if after_o && g[i] != O && f.never_starts(i) {
                    unreachable += 1;
                }
            }
        }
    }
    eprintln!("train_ner: {unreachable} gold names start on a word the decoder skips");

    let size = 1usize << BITS;
    let mut tr = Trainer {
        mask: (size - 1) as u32,
        w: vec![0.0; size * N_TAGS],
        u: vec![0.0; size * N_TAGS],
        step: 0.0,
    };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = SEED;
    for epoch in 1..=EPOCHS {
        // Fisher–Yates with xorshift64.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let d = &train[k];
            let doc = Document::new(&d.text);
            let gold = crate_gold(&doc, &d.gold);
            let pred = tagger::tag_document(&doc, &mut tr, Some(&gold), &|_| false);
            total += gold.len();
            right += pred.iter().zip(&gold).filter(|(p, g)| p.tag == **g).count();
        }
        let mut line = format!(
            "epoch {epoch:2}: train token accuracy {:.4}",
            right as f64 / total as f64
        );
        if let Some(dev) = &dev {
            let mut fixed = Fixed {
                mask: tr.mask,
                w: tr.averaged(),
            };
            let (p, r, f) = measure(dev, &mut fixed);
            line += &format!(" | dev chunks P {p:.4} R {r:.4} F1 {f:.4}");
        }
        eprintln!("{line}");
    }

    // Quantise the averaged weights to i8.
    let avg = tr.averaged();
    let max = avg.iter().fold(0f64, |m, w| m.max(w.abs()));
    let scale = (max / 127.0) as f32;
    let q: Vec<i8> = avg
        .iter()
        .map(|w| (w / scale as f64).round().clamp(-127.0, 127.0) as i8)
        .collect();
    let bytes = Model::serialize(BITS, scale, &q);
    let model = Model::parse(&bytes).expect("the written weights read back");
    let nonzero = q.iter().filter(|&&w| w != 0).count();
    eprintln!(
        "train_ner: max |w| {max:.2}, scale {scale:.5}, {nonzero} non-zero weights, {} bytes",
        bytes.len()
    );
    if let Some(dev) = &dev {
        let (p, r, f) = measure(dev, &mut &model);
        eprintln!("quantised: dev chunks P {p:.4} R {r:.4} F1 {f:.4}");
    }
    if let Err(e) = std::fs::write(out_path, &bytes) {
        eprintln!("train_ner: {out_path}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("train_ner: wrote {out_path}");
    ExitCode::SUCCESS
}

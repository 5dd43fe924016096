//! Shared by `train_pos` and `eval_pos`: reading CoNLL-U, the data sets, and the scores.
//!
//! Words are UD's syntactic words (a multi-word token `don't` is scored as its words `do` and
//! `n't`, as UD evaluations do); empty nodes (`8.1`) are skipped.

// Each example uses part of this module.
#![allow(dead_code)]

use std::path::Path;
use std::time::Instant;

use article_inspector::pos::{self, Model, Tagger, Upos};
use article_inspector::segment::Document;

/// GUM genres whose texts are CC BY or CC BY-SA: the only ones the shipped weights learn from.
pub const LICENSED_GENRES: [&str; 6] = ["academic", "bio", "court", "interview", "news", "voyage"];

pub struct Sent {
    pub words: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<String>,
    /// The `# text` line.
    pub text: String,
    /// Surface tokens: form, and the word it is when it is a single word (not a contraction).
    pub surface: Vec<(String, Option<usize>)>,
}

impl Sent {
    pub fn classes(&self) -> Vec<u8> {
        self.upos
            .iter()
            .zip(&self.xpos)
            .map(|(&u, x)| pos::class_of(u, x))
            .collect()
    }
}

/// The sentences of one CoNLL-U file.
pub fn read_conllu(path: &Path) -> Vec<Sent> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut s = empty();
    let mut mwt_end = 0usize;
    for line in data.lines() {
        if line.trim().is_empty() {
            if !s.words.is_empty() {
                out.push(std::mem::replace(&mut s, empty()));
            }
            mwt_end = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            s.text = t.to_string();
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 || c[0].contains('.') {
            continue;
        }
        if let Some((_, b)) = c[0].split_once('-') {
            mwt_end = b.parse().unwrap_or(0);
            s.surface.push((c[1].to_string(), None));
            continue;
        }
        let id: usize = c[0].parse().unwrap_or(0);
        if id > mwt_end {
            s.surface.push((c[1].to_string(), Some(s.words.len())));
        }
        s.words.push(c[1].to_string());
        s.upos.push(Upos::parse(c[3]).unwrap_or(Upos::X));
        s.xpos.push(c[4].to_string());
    }
    if !s.words.is_empty() {
        out.push(s);
    }
    out
}

fn empty() -> Sent {
    Sent {
        words: Vec::new(),
        upos: Vec::new(),
        xpos: Vec::new(),
        text: String::new(),
        surface: Vec::new(),
    }
}

/// The genre in a GUM file name (`GUM_news_iodine.conllu` → `news`).
pub fn gum_genre(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    name.split('_').nth(1).unwrap_or("").to_string()
}

/// The sentences of every GUM file in `dir` whose genre passes `keep`.
pub fn read_gum(dir: &Path, keep: &dyn Fn(&str) -> bool) -> Vec<Sent> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .filter(|p| keep(&gum_genre(p)))
        .collect();
    files.sort();
    files.iter().flat_map(|p| read_conllu(p)).collect()
}

pub fn licensed(genre: &str) -> bool {
    LICENSED_GENRES.contains(&genre)
}

/// Accuracy of one evaluation: UPOS, XPOS, words, seconds spent tagging.
#[derive(Clone, Copy, Default)]
pub struct Score {
    pub upos: f64,
    pub xpos: f64,
    pub words: usize,
    pub secs: f64,
}

/// UPOS and XPOS accuracy on gold words.
pub fn score(model: &Model, sents: &[Sent]) -> Score {
    let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
    let mut tagger = Tagger::new(model);
    let mut secs = 0.0;
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let t0 = Instant::now();
        let classes = tagger.tag(&pos::keys_of(&words));
        secs += t0.elapsed().as_secs_f64();
        for (k, &c) in classes.iter().enumerate() {
            let p = pos::Pos::of_class(c);
            u += (p.upos == s.upos[k]) as usize;
            x += (p.xpos == s.xpos[k]) as usize;
        }
        n += words.len();
    }
    Score {
        upos: u as f64 / n.max(1) as f64,
        xpos: x as f64 / n.max(1) as f64,
        words: n,
        secs,
    }
}

/// Byte spans of the surface tokens in the sentence's text (`None` where a form is not found).
fn surface_spans(s: &Sent) -> Vec<Option<(usize, usize)>> {
    let mut at = 0;
    s.surface
        .iter()
        .map(|(form, _)| {
            let k = s.text[at..].find(form.as_str())?;
            let span = (at + k, at + k + form.len());
            at = span.1;
            Some(span)
        })
        .collect()
}

/// Tagging the crate's own tokens of each `# text`: UPOS accuracy over the tokens that are
/// exactly one gold word, and the share of gold words that are such a token.
pub fn score_tokens(model: &Model, sents: &[Sent]) -> (f64, f64) {
    let (mut right, mut n, mut words) = (0usize, 0usize, 0usize);
    for s in sents {
        words += s.words.len();
        let doc = Document::new(&s.text);
        let tags = pos::tag_with(&doc, model);
        let spans = surface_spans(s);
        for (span, (_, w)) in spans.iter().zip(&s.surface) {
            let (Some((a, b)), Some(w)) = (span, w) else {
                continue;
            };
            let k = doc.tokens.partition_point(|t| t.start < *a);
            if doc.tokens.get(k).is_some_and(|t| t.end == *b) {
                n += 1;
                right += (tags[k].upos == s.upos[*w]) as usize;
            }
        }
    }
    (
        right as f64 / n.max(1) as f64,
        n as f64 / words.max(1) as f64,
    )
}

/// One table row: `| name | words | UPOS | XPOS |`.
pub fn row(name: &str, s: &Score) -> String {
    format!(
        "| {name} | {} | {:.2}% | {:.2}% |",
        s.words,
        100.0 * s.upos,
        100.0 * s.xpos
    )
}

/// The evaluation sets under `data` (the shared eval directory): (name, sentences).
pub fn eval_sets(data: &Path) -> Vec<(String, Vec<Sent>)> {
    let ewt = data.join("pos/en_ewt");
    let gum = data.join("coref/gum");
    vec![
        (
            "EWT dev".into(),
            read_conllu(&ewt.join("en_ewt-ud-dev.conllu")),
        ),
        (
            "EWT test".into(),
            read_conllu(&ewt.join("en_ewt-ud-test.conllu")),
        ),
        ("GUM dev".into(), read_gum(&gum.join("dev"), &|_| true)),
        (
            "GUM test (all 15 genres)".into(),
            read_gum(&gum.join("test"), &|_| true),
        ),
        (
            "GUM test (6 licensed genres)".into(),
            read_gum(&gum.join("test"), &licensed),
        ),
        (
            "GUM test2 (GENTLE)".into(),
            read_gum(&gum.join("test2"), &|_| true),
        ),
    ]
}

/// The most frequent UPOS confusions (gold → predicted) on gold words.
pub fn confusions(model: &Model, sents: &[Sent], top: usize) -> Vec<(String, usize)> {
    let mut c: std::collections::HashMap<String, usize> = Default::default();
    let mut tagger = Tagger::new(model);
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (k, cl) in tagger.tag(&pos::keys_of(&words)).into_iter().enumerate() {
            let p = pos::Pos::of_class(cl).upos;
            if p != s.upos[k] {
                *c.entry(format!("{}→{}", s.upos[k].as_str(), p.as_str()))
                    .or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = c.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(top);
    v
}

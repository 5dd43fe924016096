//! Held-out predictions: 5 folds by site, each set left out, and Readability alone.

use std::path::Path;

use article_inspector::boilerplate::{
    self,
    model::{Model, Passes},
};

use crate::fit::{fit_passes, fold_of};
use crate::prepare::{document, Prepped};
use crate::sets::{set_name, Page, SETS};

const FOLDS: u64 = 5;

pub fn evaluate(pages: &[Page], preps: &[Prepped], html: bool, out: &Path) {
    let mode = if html { "html" } else { "text" };
    let mut cv: Vec<(usize, Prediction)> = Vec::new();
    for k in 0..FOLDS {
        let test = |p: &&Prepped| fold_of(&pages[p.page].site, "outer", FOLDS) == k;
        let train: Vec<&Prepped> = preps.iter().filter(|p| !test(p)).collect();
        let passes = fit_passes(pages, &train);
        let scored = preps.iter().filter(|p| test(p) && !p.synthetic);
        cv.extend(scored.map(|p| (p.page, predict(&passes, p, html))));
    }
    for (set, name) in SETS {
        let of_set: Vec<(usize, Prediction)> = cv
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
        let preds: Vec<(usize, Prediction)> = preps
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
            let alone: Vec<(usize, Prediction)> = preps
                .iter()
                .filter(|p| pages[p.page].set == set && !p.synthetic)
                .map(|p| (p.page, (readability_alone(p), Vec::new())))
                .collect();
            let path = out.join("readability").join(format!("{name}-html.jsonl"));
            write_preds(pages, &alone, &path);
        }
        eprintln!("{mode}: {} held-out predictions written", set_name(set));
    }
}

/// The clean text the product would give, and per block (for reading the misses): the first
/// pass's log-odds, the final probability, whether it is kept and its first 80 characters.
pub type Prediction = (String, Vec<(f32, f32, bool, String)>);

/// The clean text the product would give with these weights, and the blocks' scores.
pub fn predict(passes: &Passes, p: &Prepped, html: bool) -> Prediction {
    let mut model = Model::default();
    if html {
        model.html = passes.clone();
    } else {
        model.text = passes.clone();
    }
    let doc = document(&p.text, p.html.as_ref());
    let (z, prob) = boilerplate::score(&model, &p.prepared, html);
    let c = boilerplate::classify_prepared(&model, &doc, p.html.as_ref(), p.prepared.clone());
    let text = c
        .blocks
        .iter()
        .filter(|b| !b.boilerplate)
        .map(|b| &p.text[b.start..b.end])
        .collect::<Vec<_>>()
        .join("\n\n");
    let blocks = c
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let head: String = p.text[b.start..b.end].chars().take(80).collect();
            (z[i], prob[i], !b.boilerplate, head)
        })
        .collect();
    (text, blocks)
}

/// The blocks Readability (dom_smoothie) keeps, alone: the peer the classifier must beat.
pub fn readability_alone(p: &Prepped) -> String {
    let h = p.html.as_ref().expect("HTML mode");
    h.blocks
        .iter()
        .filter(|b| b.in_readability)
        .map(|b| &p.text[b.span.start..b.span.end])
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn write_preds(pages: &[Page], preds: &[(usize, Prediction)], path: &Path) {
    let lines: String = preds
        .iter()
        .map(|(i, (text, blocks))| {
            let line = serde_json::json!({"id": pages[*i].id, "text": text, "blocks": blocks});
            line.to_string() + "\n"
        })
        .collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create the predictions folder");
    }
    std::fs::write(path, lines).expect("write predictions");
}

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

mod fit;
mod heldout;
mod labels;
mod prepare;
mod sets;

use std::path::PathBuf;
use std::process::ExitCode;

use article_inspector::boilerplate::model::Model;

use fit::fit_passes;
use heldout::evaluate;
use prepare::{prepare_all, Prepped};
use sets::load_pages;

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
    // `BOILERPLATE_MODES=html` (or `text`) measures one mode alone and writes no model.
    let only = std::env::var("BOILERPLATE_MODES").ok();
    let mut model = Model::default();
    for html in [false, true] {
        if only
            .as_deref()
            .is_some_and(|m| m != if html { "html" } else { "text" })
        {
            continue;
        }
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
    if only.is_some() {
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&out_model, model.to_bytes()) {
        eprintln!("cannot write {}: {e}", out_model.display());
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {}", out_model.display());
    ExitCode::SUCCESS
}

//! Scores the shipped part-of-speech weights (`crate/data/pos.bin`, compiled in) on UD
//! English-EWT and GUM: UPOS and XPOS accuracy on the gold words, and UPOS on the crate's own
//! tokens where a token is exactly one gold word. Run by `tests/eval/pos.py`.
//!
//! ```sh
//! cargo run --profile train -p article-inspector --example eval_pos -- [../shared/eval] [--json OUT]
//! ```

#[path = "pos_common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use article_inspector::pos::MODEL;
use common::{row, score, score_tokens};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("../shared/eval");
    let mut json = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = args.next().map(PathBuf::from),
            _ => data = PathBuf::from(a),
        }
    }
    if !data.join("pos/en_ewt/en_ewt-ud-test.conllu").is_file() {
        println!("skipped: {} not found", data.join("pos/en_ewt").display());
        return ExitCode::SUCCESS;
    }
    println!("| shipped pos.bin | words | UPOS | XPOS | UPOS on our tokens (share of words) |");
    println!("|---|---|---|---|---|");
    let mut out = Vec::new();
    for (name, sents) in common::eval_sets(&data) {
        let s = score(&MODEL, &sents);
        let (tok, cover) = score_tokens(&MODEL, &sents);
        println!(
            "{} {:.2}% ({:.1}%) |",
            row(&name, &s),
            100.0 * tok,
            100.0 * cover
        );
        out.push(format!(
            "{{\"set\": \"{name}\", \"words\": {}, \"upos\": {:.5}, \"xpos\": {:.5}, \"upos_own_tokens\": {tok:.5}, \"own_token_share\": {cover:.5}}}",
            s.words, s.upos, s.xpos
        ));
    }
    if let Some(path) = json {
        if let Err(e) = std::fs::write(&path, format!("[{}]\n", out.join(",\n"))) {
            eprintln!("eval_pos: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

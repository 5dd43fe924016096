//! `article-inspector`: the native command line, for batch use and evaluation.
//!
//! Prints one JSON Analysis per input, one per line. With `--jsonl`, each input line is
//! `{"id": …, "text": …, "format"?: …}` and each output line is that line's Analysis plus its
//! `id`; a line that cannot be analysed prints `{"id": …, "error": …}` and the run goes on.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use article_inspector::{analyze, decode::decode, Analysis, OffsetUnit, Options};
use serde::Serialize;

const USAGE: &str = "usage: article-inspector [--format auto|text|html] [--offsets utf16|utf8] [--jsonl] FILE… (- for stdin)";

#[derive(Serialize)]
struct Identified<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct Failure<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    error: String,
}

fn main() -> ExitCode {
    let mut options = Options {
        offsets: OffsetUnit::Utf16,
        ..Options::default()
    };
    let mut jsonl = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => match args.next().map(|v| v.parse()) {
                Some(Ok(f)) => options.format = f,
                _ => return usage("--format takes auto, text or html"),
            },
            "--offsets" => match args.next().as_deref() {
                Some("utf16") => options.offsets = OffsetUnit::Utf16,
                Some("utf8") => options.offsets = OffsetUnit::Utf8,
                _ => return usage("--offsets takes utf16 or utf8"),
            },
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--") => return usage(&format!("unknown option {a}")),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return usage("no input: give files, or - for stdin");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for f in &files {
        let bytes = match read_input(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("article-inspector: {f}: {e}");
                failed = true;
                continue;
            }
        };
        let result = if jsonl {
            run_jsonl(&bytes, &options, &mut out)
        } else {
            run_file(f, &bytes, &options, &mut out)
        };
        match result {
            Ok(ok) => failed |= !ok,
            Err(e) => {
                eprintln!("article-inspector: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("article-inspector: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn read_input(f: &str) -> io::Result<Vec<u8>> {
    if f == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(f)
    }
}

/// One file, one Analysis line. Returns whether it succeeded.
fn run_file(name: &str, bytes: &[u8], options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let result = decode(bytes).and_then(|(text, _)| analyze(&text, options));
    match result {
        Ok(a) => {
            serde_json::to_writer(&mut *out, &a)?;
            writeln!(out)?;
            Ok(true)
        }
        Err(e) => {
            eprintln!("article-inspector: {name}: {e}");
            serde_json::to_writer(
                &mut *out,
                &Failure {
                    id: None,
                    file: Some(name),
                    error: e.to_string(),
                },
            )?;
            writeln!(out)?;
            Ok(false)
        }
    }
}

/// JSON Lines in, JSON Lines out; bad lines are reported and skipped.
fn run_jsonl(bytes: &[u8], options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for (n, line) in bytes.lines().enumerate() {
        let line = match line {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => l,
            Err(e) => {
                fail(out, None, format!("line {}: not UTF-8: {e}", n + 1))?;
                ok = false;
                continue;
            }
        };
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                fail(out, None, format!("line {}: not JSON: {e}", n + 1))?;
                ok = false;
                continue;
            }
        };
        let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            fail(
                out,
                Some(&id),
                format!("line {}: no \"text\" string", n + 1),
            )?;
            ok = false;
            continue;
        };
        let mut opts = options.clone();
        if let Some(f) = value.get("format").and_then(|f| f.as_str()) {
            match f.parse() {
                Ok(f) => opts.format = f,
                Err(e) => {
                    fail(out, Some(&id), format!("line {}: {e}", n + 1))?;
                    ok = false;
                    continue;
                }
            }
        }
        match analyze(text, &opts) {
            Ok(a) => {
                serde_json::to_writer(
                    &mut *out,
                    &Identified {
                        id: &id,
                        analysis: &a,
                    },
                )?;
                writeln!(out)?;
            }
            Err(e) => {
                fail(out, Some(&id), e.to_string())?;
                ok = false;
            }
        }
    }
    Ok(ok)
}

fn fail(out: &mut impl Write, id: Option<&serde_json::Value>, error: String) -> io::Result<()> {
    eprintln!("article-inspector: {error}");
    serde_json::to_writer(
        &mut *out,
        &Failure {
            id,
            file: None,
            error,
        },
    )?;
    writeln!(out)
}

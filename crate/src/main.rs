//! `article-inspector`: the native command line, for batch use and evaluation.
//!
//! Prints one JSON Analysis per input, one per line, in input order. With `--jsonl`, each input
//! line is `{"id": …, "text": …, "format"?: …}` and each output line is that line's Analysis
//! plus its `id`; a line that cannot be analysed prints `{"id": …, "error": …}` and the run goes
//! on (exit status 1 at the end). Inputs are analysed on all cores, in batches, so memory stays
//! bounded and the output order is the input order.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use article_inspector::{analyze, decode::decode, Analysis, OffsetUnit, Options};
use serde::Serialize;

const USAGE: &str = "usage: article-inspector [--format auto|text|html] [--offsets utf16|utf8] [--names NAMES.json] [--tokens] [--jsonl] FILE… (- for stdin)
  --tokens: list every token with its part of speech (`tokens`: start, end, upos, xpos)
  --names: the reader's own names, as the page exports them: [{\"text\": \"Quay Street\", \"kind\": \"PLACE\"}, {\"text\": \"Harbour\"}] (no kind: not a name)";

/// Inputs analysed together, spread over the cores.
const BATCH: usize = 256;

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

/// One output line, and whether it is an analysis (not an error).
struct Output {
    line: String,
    ok: bool,
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
            "--names" => {
                let Some(path) = args.next() else {
                    return usage("--names takes a JSON file");
                };
                match std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
                {
                    Ok(names) => options.names = names,
                    Err(e) => return usage(&format!("--names {path}: {e}")),
                }
            }
            "--jsonl" => jsonl = true,
            "--tokens" => options.tokens = true,
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
    let result = if jsonl {
        run_jsonl(&files, &options, &mut out)
    } else {
        run_files(&files, &options, &mut out)
    };
    match result.and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("article-inspector: {e}");
            ExitCode::FAILURE
        }
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

/// Maps `f` over `items` on all cores, keeping their order. A panic while analysing one item
/// becomes that item's error line instead of ending the run.
fn in_parallel<T: Sync>(items: &[T], f: impl Fn(&T) -> Output + Sync) -> Vec<Output> {
    let guarded = |item: &T| {
        catch_unwind(AssertUnwindSafe(|| f(item))).unwrap_or_else(|_| Output {
            line: failure_line(
                None,
                None,
                "internal error while analysing this input".into(),
            ),
            ok: false,
        })
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(guarded).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(guarded).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Writes the lines; returns whether all were analyses.
fn write_all(out: &mut impl Write, lines: Vec<Output>) -> io::Result<bool> {
    let mut ok = true;
    for o in lines {
        out.write_all(o.line.as_bytes())?;
        writeln!(out)?;
        ok &= o.ok;
    }
    Ok(ok)
}

fn failure_line(id: Option<&serde_json::Value>, file: Option<&str>, error: String) -> String {
    eprintln!("article-inspector: {error}");
    serde_json::to_string(&Failure { id, file, error }).unwrap_or_default()
}

/// Files: one Analysis line each, a batch of files at a time.
fn run_files(files: &[String], options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for batch in files.chunks(BATCH) {
        let inputs: Vec<(&str, io::Result<Vec<u8>>)> =
            batch.iter().map(|f| (f.as_str(), read_input(f))).collect();
        let lines = in_parallel(&inputs, |(name, bytes)| match bytes {
            Err(e) => Output {
                line: failure_line(None, Some(name), format!("{name}: {e}")),
                ok: false,
            },
            Ok(bytes) => match decode(bytes).and_then(|(text, _)| analyze(&text, options)) {
                Ok(a) => Output {
                    line: serde_json::to_string(&a).unwrap_or_default(),
                    ok: true,
                },
                Err(e) => Output {
                    line: failure_line(None, Some(name), format!("{name}: {e}")),
                    ok: false,
                },
            },
        });
        ok &= write_all(out, lines)?;
    }
    Ok(ok)
}

/// JSON Lines in, JSON Lines out, a batch of lines at a time; bad lines are reported in place.
fn run_jsonl(files: &[String], options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for f in files {
        let bytes = match read_input(f) {
            Ok(b) => b,
            Err(e) => {
                ok &= write_all(
                    out,
                    vec![Output {
                        line: failure_line(None, Some(f), format!("{f}: {e}")),
                        ok: false,
                    }],
                )?;
                continue;
            }
        };
        // (line number, the line or why it is not text), blank lines skipped.
        let lines: Vec<(usize, Result<String, String>)> = bytes
            .lines()
            .enumerate()
            .map(|(n, l)| (n + 1, l.map_err(|e| format!("not UTF-8: {e}"))))
            .filter(|(_, l)| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
            .collect();
        for batch in lines.chunks(BATCH) {
            let outputs = in_parallel(batch, |(n, line)| match line {
                Ok(line) => jsonl_line(*n, line, options),
                Err(e) => Output {
                    line: failure_line(None, None, format!("line {n}: {e}")),
                    ok: false,
                },
            });
            ok &= write_all(out, outputs)?;
        }
    }
    Ok(ok)
}

/// One JSON Lines record: `{"id", "text", "format"?}` → its Analysis plus `id`, or an error.
fn jsonl_line(n: usize, line: &str, options: &Options) -> Output {
    let fail = |id: Option<&serde_json::Value>, msg: String| Output {
        line: failure_line(id, None, format!("line {n}: {msg}")),
        ok: false,
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return fail(None, format!("not JSON: {e}")),
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return fail(Some(&id), "no \"text\" string".into());
    };
    let mut opts = options.clone();
    if let Some(f) = value.get("format").and_then(|f| f.as_str()) {
        match f.parse() {
            Ok(f) => opts.format = f,
            Err(e) => return fail(Some(&id), e),
        }
    }
    match analyze(text, &opts) {
        Ok(a) => Output {
            line: serde_json::to_string(&Identified {
                id: &id,
                analysis: &a,
            })
            .unwrap_or_default(),
            ok: true,
        },
        Err(e) => fail(Some(&id), e.to_string()),
    }
}

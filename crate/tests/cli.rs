//! The command line's contract, which batch engines (Spark's `RDD.pipe`, Hadoop Streaming)
//! rely on: one output line per input line, in input order, bad lines reported in place as
//! `{"id", "error"}`, the run going on, and exit status 1 when any line failed.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (Vec<serde_json::Value>, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-inspector"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A child that refuses its arguments exits without reading: a broken pipe here is its
    // answer, which the status and output then show.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (lines, out.status.code().unwrap())
}

#[test]
fn json_lines_in_order_with_bad_lines_reported_in_place() {
    let mut input = String::new();
    for i in 0..600 {
        // More lines than one batch, so the order across batches and threads is tested.
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"“We will win,” Jane Smith said on day {i}. 😀\"}}\n"
        ));
        if i == 10 {
            input.push_str("not json\n\n");
            input.push_str("{\"id\": \"no-text\"}\n");
            input.push_str("{\"id\": \"bad-format\", \"text\": \"x\", \"format\": \"pdf\"}\n");
        }
    }
    let (out, status) = run(&["--jsonl", "-"], &input);
    assert_eq!(status, 1, "a failed line makes the exit status 1");
    assert_eq!(out.len(), 603, "one output per non-blank input line");
    assert_eq!(out[10]["id"], 10);
    assert!(out[11]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(out[12]["id"], "no-text");
    assert!(out[12]["error"].is_string());
    assert_eq!(out[13]["id"], "bad-format");
    assert_eq!(out[14]["id"], 11);
    assert_eq!(out[602]["id"], 599);
    let a = &out[602];
    assert_eq!(a["offsets"], "utf16");
    assert_eq!(a["quotes"][0]["speaker"]["name"], "Jane Smith");
    // UTF-16 offsets: the emoji counts two units.
    let text: Vec<u16> = a["text"].as_str().unwrap().encode_utf16().collect();
    assert_eq!(a["text"].as_str().unwrap().chars().count() + 1, text.len());
}

#[test]
fn all_good_lines_exit_zero_and_utf8_offsets_on_request() {
    let (out, status) = run(
        &["--jsonl", "--offsets", "utf8", "-"],
        "{\"id\": \"a\", \"text\": \"é “Oui,” said Anne Roy.\"}\n",
    );
    assert_eq!(status, 0);
    let q = &out[0]["quotes"][0];
    // "é " is 3 bytes in UTF-8.
    assert_eq!(q["start"], 3);
}

#[test]
fn files_give_one_line_each_and_a_missing_file_an_error_line() {
    let dir = std::env::temp_dir().join(format!("ai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.txt");
    let b = dir.join("b.html");
    std::fs::write(&a, "Plain text, said Tom Hardy.").unwrap();
    std::fs::write(
        &b,
        "<html><body><p>Some <b>HTML</b> here.</p></body></html>",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let args = [
        a.to_str().unwrap(),
        missing.to_str().unwrap(),
        b.to_str().unwrap(),
    ];
    let (out, status) = run(&args, "");
    assert_eq!(status, 1);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["format"], "text");
    assert!(out[1]["error"].is_string() && out[1]["file"].is_string());
    assert_eq!(out[2]["format"], "html");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_readers_names_file_overrules_the_analysis() {
    let dir = std::env::temp_dir().join(format!("ai-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = dir.join("names.json");
    std::fs::write(&names, r#"[{"text": "Quay Street", "kind": "PLACE"}]"#).unwrap();
    let input = "Families on Quay Street were moved out before the storm reached the town.";
    let (out, status) = run(&["--names", names.to_str().unwrap(), "-"], input);
    assert_eq!(status, 0);
    let e = out[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "Quay Street")
        .expect("the reader's name is an entity");
    assert_eq!(e["kind"], "PLACE");
    assert_eq!(e["why"], "in your list of names");
    // A file that is not a list of names is refused with a usage error.
    std::fs::write(&names, "[1, 2]").unwrap();
    let (_, status) = run(&["--names", names.to_str().unwrap(), "-"], input);
    assert_eq!(status, 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn tokens_with_their_part_of_speech_only_when_asked() {
    let text = "She states the facts. 😀 The states agreed.\n";
    let (plain, status) = run(&["-"], text);
    assert_eq!(status, 0);
    assert!(
        plain[0].get("tokens").is_none(),
        "the default output stays lean"
    );
    let (tagged, status) = run(&["--tokens", "-"], text);
    assert_eq!(status, 0);
    let a = &tagged[0];
    let full: Vec<u16> = a["text"].as_str().unwrap().encode_utf16().collect();
    let tokens = a["tokens"].as_array().unwrap();
    let tag_of = |nth: usize, word: &str| {
        let found: Vec<&serde_json::Value> = tokens
            .iter()
            .filter(|t| {
                let (s, e) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
                // Offsets in UTF-16 code units, the CLI's default, past the emoji too.
                String::from_utf16(&full[s as usize..e as usize]).unwrap() == word
            })
            .collect();
        (
            found[nth]["upos"].as_str().unwrap().to_string(),
            found[nth]["xpos"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(tag_of(0, "states"), ("VERB".into(), "VBZ".into()));
    assert_eq!(tag_of(1, "states"), ("NOUN".into(), "NNS".into()));
    assert_eq!(tag_of(0, "agreed").0, "VERB");
}

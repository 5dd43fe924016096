//! The three boilerplate sets: pages, sites, gold texts and snippets.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Set {
    L3s,
    CleanEval,
    Trafilatura,
}

pub const SETS: [(Set, &str); 3] = [
    (Set::L3s, "l3s-gn1"),
    (Set::CleanEval, "cleaneval"),
    (Set::Trafilatura, "trafilatura"),
];

pub fn set_name(s: Set) -> &'static str {
    SETS.iter().find(|x| x.0 == s).unwrap().1
}

pub enum Gold {
    Text(String),
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

pub struct Page {
    pub set: Set,
    pub id: String,
    pub site: String,
    pub text_path: Option<PathBuf>,
    pub html_path: PathBuf,
    pub gold: Gold,
}

pub fn load_pages(root: &Path) -> std::io::Result<Vec<Page>> {
    let mut pages = Vec::new();
    for (set, name) in SETS {
        let dir = root.join(name);
        let excluded = tsv_column(&dir.join("excluded.tsv"), "id").unwrap_or_default();
        let excluded: HashSet<String> = excluded.into_iter().collect();
        let snippets = if set == Set::Trafilatura {
            Some(read_snippets(&dir.join("evaldata.json"))?)
        } else {
            None
        };
        for row in tsv_rows(&dir.join("index.tsv"))? {
            let id = row["id"].clone();
            let text_path = dir.join(format!("{id}.txt"));
            let html_path = dir.join("html").join(format!("{id}.html.gz"));
            let gold = match &snippets {
                Some(s) => match s.get(&id) {
                    Some((with, without)) => Gold::Snippets {
                        with: with.clone(),
                        without: without.clone(),
                    },
                    None => continue,
                },
                None if excluded.contains(&id) => continue,
                None => match std::fs::read_to_string(dir.join("gold").join(format!("{id}.txt"))) {
                    Ok(g) => Gold::Text(g),
                    Err(_) => continue,
                },
            };
            pages.push(Page {
                set,
                site: site_of(&row["url"]),
                text_path: (!excluded.contains(&id) && text_path.is_file()).then_some(text_path),
                html_path,
                id,
                gold,
            });
        }
    }
    Ok(pages)
}

pub fn tsv_rows(path: &Path) -> std::io::Result<Vec<HashMap<String, String>>> {
    let data = std::fs::read_to_string(path)?;
    let mut lines = data.lines();
    let head: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    Ok(lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            head.iter()
                .zip(l.split('\t'))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect())
}

pub fn tsv_column(path: &Path, col: &str) -> std::io::Result<Vec<String>> {
    Ok(tsv_rows(path)?
        .into_iter()
        .filter_map(|mut r| r.remove(col))
        .collect())
}

pub type Snippets = HashMap<String, (Vec<String>, Vec<String>)>;

pub fn read_snippets(path: &Path) -> std::io::Result<Snippets> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let strings = |x: &serde_json::Value| -> Vec<String> {
        x.as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect())
            .unwrap_or_default()
    };
    let mut out = Snippets::new();
    for item in v.as_object().into_iter().flat_map(|o| o.values()) {
        let file = item["file"].as_str().unwrap_or_default();
        let id = file.strip_suffix(".html").unwrap_or(file).to_string();
        out.insert(id, (strings(&item["with"]), strings(&item["without"])));
    }
    Ok(out)
}

/// The host of a URL without `www.`: pages of one site share a fold.
pub fn site_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.trim_start_matches("www.").to_ascii_lowercase()
}

/// Whitespace runs as one space, trimmed (trafilatura's `norm`).
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut out)?;
    Ok(out)
}

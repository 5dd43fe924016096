//! Block labels from a set's gold: the share of a block's word 4-grams in the gold text, or
//! the snippets a block holds or lies in.

use std::collections::HashSet;

use article_inspector::fnv;
use article_inspector::segment::Document;

use crate::sets::{norm, Gold};

/// Python's `\w+` tokens (letters, digits, marks, underscore).
pub fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x900..=0x97F | 0x980..=0x9FF)
        && !c.is_alphanumeric()
        && c != ' '
}

pub fn hash_words(ws: &[&str]) -> u64 {
    ws.iter()
        .fold(fnv::BASIS, |h, w| fnv::step(fnv::bytes(h, w.as_bytes()), 0))
}

pub fn label_blocks(doc: &Document, gold: &Gold) -> Vec<Option<bool>> {
    match gold {
        Gold::Text(g) => {
            let tokens = words(g);
            let shingles: HashSet<u64> = tokens.windows(4).map(hash_words).collect();
            let mut short: HashSet<u64> = HashSet::new();
            for line in g.lines() {
                let ws = words(line);
                for n in 1..=3.min(ws.len()) {
                    if ws.len() <= 12 || n == ws.len() {
                        short.extend(ws.windows(n).map(hash_words));
                    }
                }
            }
            doc.blocks
                .iter()
                .map(|b| label_by_gold(&doc.text[b.start..b.end], &shingles, &short))
                .collect()
        }
        Gold::Snippets { with, without } => doc
            .blocks
            .iter()
            .map(|b| label_by_snippets(&norm(&doc.text[b.start..b.end]), with, without))
            .collect(),
    }
}

pub fn label_by_gold(s: &str, shingles: &HashSet<u64>, short: &HashSet<u64>) -> Option<bool> {
    let ws = words(s);
    match ws.len() {
        0 => None,
        1..=3 => Some(short.contains(&hash_words(&ws))),
        _ => {
            let total = ws.len() - 3;
            let found = ws
                .windows(4)
                .filter(|w| shingles.contains(&hash_words(w)))
                .count();
            let share = found as f32 / total as f32;
            if share >= 0.6 {
                Some(true)
            } else if share <= 0.2 {
                Some(false)
            } else {
                None
            }
        }
    }
}

pub fn label_by_snippets(block: &str, with: &[String], without: &[String]) -> Option<bool> {
    let touches = |snips: &[String]| {
        snips.iter().any(|w| {
            !w.is_empty()
                && (block.contains(w.as_str())
                    || (block.chars().count() >= 10 && w.contains(block)))
        })
    };
    match (touches(with), touches(without)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

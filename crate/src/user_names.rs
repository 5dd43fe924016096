//! The reader's own names: a list that overrules the tagger and the rules.
//!
//! A reader who knows that "Quay Street" is a place, that "Harbour" in a headline is not a
//! name, or that "MeK" is an organisation says so once; the page keeps the list in the browser
//! and sends it with every analysis. Each entry is matched in the text as a whole word sequence
//! (case-sensitive, and in capitals, for headlines and datelines) and replaces whatever mention
//! overlaps it.

use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::segment::Document;
use crate::types::{EntityKind, Span};

/// One entry of the reader's list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UserName {
    /// The name as it is written ("Quay Street").
    pub text: String,
    /// The kind it is, or `None` for "not a name" (a word the analysis should leave alone).
    #[serde(default)]
    pub kind: Option<EntityKind>,
}

/// Entries longer than this are ignored: a name is not a paragraph.
pub const MAX_NAME_CHARS: usize = 200;

/// Where the reader's names occur in `doc`: spans on token boundaries, with the entry's kind,
/// in text order, never overlapping (a longer entry wins over one it contains).
pub fn find(doc: &Document, names: &[UserName]) -> Vec<(Span, Option<EntityKind>)> {
    let mut entries: Vec<(&str, Option<EntityKind>)> = Vec::new();
    let mut caps: Vec<String> = Vec::new();
    for n in names {
        let t = n.text.trim();
        if t.is_empty() || t.chars().count() > MAX_NAME_CHARS {
            continue;
        }
        entries.push((t, n.kind));
        caps.push(t.to_uppercase());
    }
    if entries.is_empty() {
        return Vec::new();
    }
    // Longest first, so the alternation prefers "Port Ellis Gazette" over "Port Ellis".
    let mut order: Vec<(String, Option<EntityKind>)> = entries
        .iter()
        .map(|&(t, k)| (t.to_string(), k))
        .chain(caps.into_iter().zip(entries.iter().map(|&(_, k)| k)))
        .collect();
    order.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    order.dedup_by(|a, b| a.0 == b.0);
    let pattern = order
        .iter()
        .map(|(t, _)| regex::escape(t))
        .collect::<Vec<_>>()
        .join("|");
    let Ok(re) = Regex::new(&pattern) else {
        return Vec::new();
    };
    let kinds: FxHashMap<&str, Option<EntityKind>> =
        order.iter().map(|(t, k)| (t.as_str(), *k)).collect();
    let kind_of = |s: &str| kinds.get(s).copied().flatten();
    let text = doc.text;
    let word_char = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    for m in re.find_iter(text) {
        // Whole words only: "Ellis" is not in "Ellison".
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let first = m.as_str().chars().next();
        let last = m.as_str().chars().next_back();
        if (before.is_some_and(word_char) && first.is_some_and(word_char))
            || (after.is_some_and(word_char) && last.is_some_and(word_char))
        {
            continue;
        }
        out.push((Span::new(m.start(), m.end()), kind_of(m.as_str())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(&str, Option<EntityKind>)]) -> Vec<UserName> {
        list.iter()
            .map(|&(t, kind)| UserName {
                text: t.into(),
                kind,
            })
            .collect()
    }

    #[test]
    fn whole_words_longest_first_and_capitals() {
        let text = "PORT ELLIS — The Port Ellis Gazette said Port Ellis will vote. Ellison agreed.";
        let doc = Document::new(text);
        let found = find(
            &doc,
            &names(&[
                ("Port Ellis", Some(EntityKind::Place)),
                ("Port Ellis Gazette", Some(EntityKind::Org)),
                ("Ellis", None),
            ]),
        );
        let got: Vec<(&str, Option<EntityKind>)> = found
            .iter()
            .map(|(s, k)| (&text[s.start..s.end], *k))
            .collect();
        assert_eq!(
            got,
            vec![
                ("PORT ELLIS", Some(EntityKind::Place)),
                ("Port Ellis Gazette", Some(EntityKind::Org)),
                ("Port Ellis", Some(EntityKind::Place)),
            ]
        );
    }

    #[test]
    fn empty_and_oversized_entries_are_ignored() {
        let doc = Document::new("Nothing to see.");
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(find(&doc, &names(&[("  ", None), (&long, None)])).is_empty());
    }

    #[test]
    fn deserialises_from_the_page() {
        let v: Vec<UserName> =
            serde_json::from_str(r#"[{"text":"MeK","kind":"ORG"},{"text":"Harbour"}]"#).unwrap();
        assert_eq!(v[0].kind, Some(EntityKind::Org));
        assert_eq!(v[1].kind, None);
    }
}

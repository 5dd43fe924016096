//! What can be measured of one block in any language: length, sentence-final punctuation of
//! any script, shares of digits, capitals and punctuation, link text, the page language's
//! function words, repeats, the named patterns. The classifier's features are built from these
//! facts, and the reasons shown to the reader quote them.

use rustc_hash::FxHashMap as HashMap;

use super::language::FunctionWords;
use super::patterns;
use crate::html::HtmlDoc;
use crate::segment::{Document, TokenKind};

/// How a block's text ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `.` `!` `?` `…` or their forms in other scripts (`。` `！` `？` `؟` `।` `።`…).
    Sentence,
    Colon,
    Comma,
    Letter,
    Digit,
    Other,
}

/// One block's measurable facts.
#[derive(Debug, Clone)]
pub struct Facts {
    pub chars: usize,
    pub words: usize,
    /// Share of the words that are the page language's function words; `None` when the
    /// language is not known or has no list.
    pub function_share: Option<f32>,
    pub end: End,
    /// Share of the text inside links (HTML only; 0 in text).
    pub link_density: f32,
    pub digit_share: f32,
    /// Capitals among the letters.
    pub upper_share: f32,
    pub punct_share: f32,
    pub commas: usize,
    /// Starts like a list item (`•`, `-`, `1.`, `a)`).
    pub bullet: bool,
    /// The named patterns it matches (bit set of `patterns::PATTERNS`).
    pub patterns: u32,
    /// The words, lowercase, space-separated: for spotting repeats.
    pub key: String,
    /// Other blocks of the page with the same words.
    pub repeats: u32,
    /// Its words are the page's `<title>`, or within it.
    pub in_title: bool,
}

/// The facts of every block.
pub fn of_page(doc: &Document, html: Option<&HtmlDoc>, fw: Option<&FunctionWords>) -> Vec<Facts> {
    let title_key = html.and_then(|h| h.title.as_deref()).map(key_of_text);

    let mut facts: Vec<Facts> = (0..doc.blocks.len())
        .map(|b| of_block(doc, b, html, fw))
        .collect();
    let mut counts: HashMap<&str, u32> = HashMap::default();
    for f in &facts {
        if !f.key.is_empty() {
            *counts.entry(f.key.as_str()).or_default() += 1;
        }
    }
    let repeats: Vec<u32> = facts
        .iter()
        .map(|f| counts.get(f.key.as_str()).map_or(0, |c| c - 1))
        .collect();
    for (f, r) in facts.iter_mut().zip(repeats) {
        f.repeats = r;
        f.in_title = title_key
            .as_deref()
            .is_some_and(|t| !f.key.is_empty() && t.contains(f.key.as_str()));
    }
    facts
}

fn of_block(doc: &Document, b: usize, html: Option<&HtmlDoc>, fw: Option<&FunctionWords>) -> Facts {
    let span = doc.blocks[b];
    let s = &doc.text[span.start..span.end];
    let (t0, t1) = doc.block_tokens(b);
    let mut key = String::new();
    let (mut words, mut function) = (0usize, 0usize);
    for i in t0..t1 {
        if doc.tokens[i].kind == TokenKind::Punct {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        let from = key.len();
        key.extend(doc.tok(i).chars().flat_map(char::to_lowercase));
        if doc.tokens[i].kind == TokenKind::Word {
            words += 1;
            function += usize::from(fw.is_some_and(|fw| fw.contains(&key[from..])));
        }
    }
    let (mut letters, mut upper, mut digits, mut punct, mut chars) = (0, 0, 0, 0, 0);
    for c in s.chars() {
        chars += 1;
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if c.is_numeric() {
            digits += 1;
        } else if !c.is_whitespace() {
            punct += 1;
        }
    }
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f32 / of as f32 };
    let link_density = html
        .and_then(|h| h.blocks.get(b))
        .map_or(0.0, |h| share(h.link_bytes, span.len()));
    Facts {
        chars,
        words,
        function_share: fw.map(|_| share(function, words)),
        end: end_of(s),
        link_density,
        digit_share: share(digits, chars),
        upper_share: share(upper, letters),
        punct_share: share(punct, chars),
        commas: s.matches([',', '，', '、', '،']).count(),
        bullet: starts_like_list_item(s),
        patterns: patterns::matching(s),
        key,
        repeats: 0,
        in_title: false,
    }
}

/// Lowercase words separated by single spaces, as `Facts::key` is built.
fn key_of_text(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn end_of(s: &str) -> End {
    let t = without_citation_marks(s).trim_end_matches([
        '”', '"', '’', '\'', ')', ']', '»', '›', ' ', '」', '』', '）',
    ]);
    match t.chars().last() {
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।' | '॥' | '።' | ';') => {
            End::Sentence
        }
        Some(':' | '：') => End::Colon,
        Some(',' | '，' | '、' | '،') => End::Comma,
        Some(c) if c.is_alphabetic() => End::Letter,
        Some(c) if c.is_numeric() => End::Digit,
        _ => End::Other,
    }
}

fn starts_like_list_item(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some('•' | '·' | '-' | '–' | '—' | '*' | '▪' | '►' | '»' | '›' | '■' | '◦') => {
            true
        }
        Some(c) if c.is_ascii_digit() || c.is_alphabetic() => {
            let rest: String = cs.take(3).collect();
            let digits = c.is_ascii_digit() && rest.starts_with(|d: char| d.is_ascii_digit());
            let after = if digits { &rest[1..] } else { &rest[..] };
            (c.is_ascii_digit() || c.is_lowercase())
                && (after.starts_with(". ") || after.starts_with(") "))
        }
        _ => false,
    }
}

/// `s` without the citation marks that end it: "…in 2023.[8]", "…[12][13]", "…[citation
/// needed]" end like the sentence they follow.
pub fn without_citation_marks(mut s: &str) -> &str {
    loop {
        let t = s.trim_end();
        let Some(open) = t.strip_suffix(']').and_then(|r| r.rfind('[')) else {
            return t;
        };
        let inner = &t[open + 1..t.len() - 1];
        if inner.is_empty() || inner.chars().count() > 20 || inner.contains(['[', '\n']) {
            return t;
        }
        s = &t[..open];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_marks_do_not_hide_a_full_stop() {
        assert_eq!(without_citation_marks("in 2023.[8]"), "in 2023.");
        assert_eq!(without_citation_marks("combined.[12][13] "), "combined.");
        assert_eq!(
            without_citation_marks("a claim.[citation needed]"),
            "a claim."
        );
        assert_eq!(
            without_citation_marks("see [the list of many more items here]"),
            "see [the list of many more items here]"
        );
    }

    #[test]
    fn sentence_ends_in_any_script() {
        for s in [
            "Er kam.",
            "他来了。",
            "¿Vino?",
            "هل جاء؟",
            "वह आया।",
            "Said:\u{201d}",
            "(2023).[4]",
        ] {
            let want = if s.starts_with("Said") {
                End::Colon
            } else {
                End::Sentence
            };
            assert_eq!(end_of(s), want, "{s}");
        }
        assert_eq!(end_of("Weiterlesen:"), End::Colon);
        assert_eq!(end_of("Home"), End::Letter);
    }

    #[test]
    fn list_items_are_recognised() {
        for s in [
            "• Erster Punkt",
            "1. Schritt",
            "12) Zwölf",
            "a) erstens",
            "- Punkt",
        ] {
            assert!(starts_like_list_item(s), "{s}");
        }
        for s in ["Der Punkt", "1990 kam er", "A. Merkel sagte"] {
            assert!(!starts_like_list_item(s), "{s}");
        }
    }

    #[test]
    fn facts_count_words_links_and_repeats() {
        let doc = Document::new("Die Stadt hat die Brücke gebaut.\nMenü\nMenü");
        let fw = FunctionWords::for_code("deu");
        let f = of_page(&doc, None, fw.as_ref());
        assert_eq!((f[0].words, f[0].end), (6, End::Sentence));
        assert!(
            f[0].function_share.unwrap() > 0.3,
            "{:?}",
            f[0].function_share
        );
        assert_eq!((f[1].repeats, f[0].repeats), (1, 0));
    }
}

//! From the crate's tokens to the words the model was trained on (Universal Dependencies
//! English words), and back.
//!
//! The two cut text differently in three places: UD splits contractions (`do|n't`,
//! `we|'re`) and hyphenated compounds (`long|-|term`), which stay one token here; and it keeps
//! a web or e-mail address one word, which the crate cuts at its dots and slashes. So a
//! sentence's tokens become words by splitting and merging, and each token takes the class of
//! one word: the first of a contraction (`don't` → `do`, AUX), the last of a compound
//! (`long-term` → `term`), the address's for each of its pieces.

use crate::segment::{Document, TokenKind};

/// A sentence as the model's words, with each token's word.
#[derive(Debug, Default)]
pub struct Words<'a> {
    pub words: Vec<&'a str>,
    /// For each token of the sentence, in order: the index of the word whose class it takes.
    pub of_token: Vec<usize>,
}

const CLITICS: [&str; 6] = ["n't", "'re", "'ve", "'ll", "'d", "'m"];

/// Byte length of a clitic ending `w` (`n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`, any apostrophe).
fn clitic_len(w: &str) -> Option<usize> {
    let norm = |c: char| match c {
        '’' | 'ʼ' => '\'',
        c => c.to_ascii_lowercase(),
    };
    if !w.ends_with(['t', 'T', 'e', 'E', 'l', 'L', 'd', 'D', 'm', 'M']) {
        return None;
    }
    // The last three characters, last first.
    let mut tail = [(0usize, ' '); 3];
    let mut len = 0;
    for (k, ci) in w.char_indices().rev().take(3).enumerate() {
        (tail[k], len) = (ci, k + 1);
    }
    CLITICS.iter().find_map(|c| {
        let n = c.chars().count();
        let same = len >= n && c.chars().rev().zip(&tail).all(|(a, &(_, b))| a == norm(b));
        let start = tail.get(n - 1)?.0;
        (same && start > 0).then_some(w.len() - start)
    })
}

/// Looks like a web or e-mail address.
fn is_address(s: &str) -> bool {
    if !s.contains([':', '@']) && !s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    lower.contains("://")
        || (lower.starts_with("www.") && lower.len() > 6)
        || s.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.ends_with('.'))
}

/// Pushes the words of one token; returns the index of the word the token takes.
fn split_token<'a>(w: &'a str, out: &mut Vec<&'a str>) -> usize {
    // Most words hold no hyphen and no apostrophe (ASCII, or the first byte of `’` and `ʼ`).
    if !w.bytes().any(|b| matches!(b, b'-' | b'\'' | 0xe2 | 0xca)) {
        out.push(w);
        return out.len() - 1;
    }
    if let Some(n) = clitic_len(w) {
        out.push(&w[..w.len() - n]);
        out.push(&w[w.len() - n..]);
        return out.len() - 2;
    }
    if w.len() > 2 && w.contains('-') && w.split('-').all(|p| !p.is_empty()) {
        for (k, part) in w.split('-').enumerate() {
            if k > 0 {
                out.push("-");
            }
            out.push(part);
        }
        return out.len() - 1;
    }
    out.push(w);
    out.len() - 1
}

/// The words of tokens `[a, b)` of `doc` (one sentence).
#[cfg(test)]
pub fn sentence<'a>(doc: &Document<'a>, range: (usize, usize)) -> Words<'a> {
    let mut out = Words::default();
    sentence_into(doc, range, &mut out);
    out
}

/// [`sentence`] into `out` (cleared first), reusing its buffers.
pub fn sentence_into<'a>(doc: &Document<'a>, (a, b): (usize, usize), out: &mut Words<'a>) {
    out.words.clear();
    out.of_token.clear();
    let mut i = a;
    while i < b {
        // A run of tokens with no space between them, less trailing punctuation.
        let mut j = i + 1;
        while j < b && !doc.tokens[j].space_before {
            j += 1;
        }
        let mut k = j;
        while k > i + 1 && doc.tokens[k - 1].kind == TokenKind::Punct {
            k -= 1;
        }
        let run = &doc.text[doc.tokens[i].start..doc.tokens[k - 1].end];
        if k > i + 1 && is_address(run) {
            out.words.push(run);
            out.of_token
                .extend(std::iter::repeat_n(out.words.len() - 1, k - i));
            i = k;
        }
        for t in i..j {
            let w = split_token(doc.tok(t), &mut out.words);
            out.of_token.push(w);
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> (Vec<String>, Vec<usize>) {
        let d = Document::new(text);
        let w = sentence(&d, (0, d.tokens.len()));
        (w.words.iter().map(|s| s.to_string()).collect(), w.of_token)
    }

    #[test]
    fn contractions_and_compounds_split() {
        let (w, of) = words("I don’t like long-term plans.");
        assert_eq!(
            w,
            ["I", "do", "n’t", "like", "long", "-", "term", "plans", "."]
        );
        assert_eq!(of, [0, 1, 3, 6, 7, 8]);
        let (w, _) = words("We're here; can't stay");
        assert_eq!(w, ["We", "'re", "here", ";", "ca", "n't", "stay"]);
    }

    #[test]
    fn addresses_are_one_word() {
        let (w, of) = words("See https://example.com/a-b or mail jo@example.org.");
        assert_eq!(w[1], "https://example.com/a-b");
        assert_eq!(w[4], "jo@example.org");
        assert_eq!(w.last().unwrap(), ".");
        let d = Document::new("See https://example.com/a-b or mail jo@example.org.");
        assert_eq!(of.len(), d.tokens.len());
    }

    #[test]
    fn odd_tokens_do_not_split_badly() {
        for t in [
            "-", "--", "n't", "'m", "a-", "’", "x-y-z", "e-mail", "東京", "a--b",
        ] {
            let mut out = Vec::new();
            let k = split_token(t, &mut out);
            assert!(k < out.len() && out.iter().all(|w| !w.is_empty()), "{t}");
        }
    }
}

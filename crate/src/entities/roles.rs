//! Titles and roles: cues, not parts of a name. A title before a name ("Foreign Minister",
//! "Dr."), a role after it ("Ines Calloway, the ambassador,") or set off before it, and a
//! title standing alone where a name would be.

use super::*;

/// "Shahriar Kia, an Iranian dissident and a political analyst": an appositive after token
/// `j` naming a role (a title word, lowercase, within a few words of "a", "an" or "the").
pub(super) fn role_after(doc: &Document, j: usize) -> Option<String> {
    let s = doc.tokens.get(j)?.sentence as usize;
    let s1 = doc.sentences[s].tokens.1;
    if j + 2 >= s1 || doc.tok(j) != "," || !matches!(doc.tok(j + 1), "a" | "an" | "the") {
        return None;
    }
    for k in j + 2..s1.min(j + 9) {
        let w = doc.tok(k);
        if doc.tokens[k].kind == TokenKind::Punct {
            return None;
        }
        // "the nominee's eldest daughter": the role of someone else.
        let possessed = k + 1 < s1 && matches!(doc.tok(k + 1), "'s" | "’s");
        if !word_is_cap(w) && !possessed {
            if let Some(t) = LEX.title(w) {
                if !t.role.is_empty() {
                    return Some(t.role.clone());
                }
            }
        }
    }
    None
}

/// The role of a phrase set off before a name: `The ambassador of X to Y, NAME,`.
pub(super) fn role_before_apposition(doc: &Document, i: usize) -> Option<String> {
    if i < 3 || doc.tok(i - 1) != "," {
        return None;
    }
    let s0 = doc.sentences[doc.tokens[i].sentence as usize].tokens.0;
    // The phrase: back from the comma to the sentence start or an earlier comma.
    let from = (i.saturating_sub(16).max(s0)..i - 1)
        .rev()
        .find(|&k| k == s0 || doc.tok(k - 1) == ",")?;
    if !matches!(doc.tok(from), "The" | "the") {
        return None;
    }
    (from + 1..(from + 4).min(i - 1)).find_map(|k| {
        with_lower(doc.tok(k), |l| LEX.title(l))
            .filter(|t| !t.role.is_empty())
            .map(|t| t.role.clone())
    })
}

/// Tokens `[i, j)` are a title and nothing else ("President" of "Mr. President", "Del."),
/// and the text never writes the word as a surname ([`titles_as_surnames`]: "Larry King"
/// makes "Mr. King" a name, "Raj Shah" makes "Shah" one).
pub(super) fn lone_title(doc: &Document, i: usize, j: usize, surnames: &HashSet<&str>) -> bool {
    title_len(doc, i, j) == Some(j - i) && !surnames.contains(doc.tok(j - 1))
}

/// The title words the text writes as surnames: after a capitalised word that is no title
/// ("King" of "Larry King", "Shah" of "Raj Shah"). Once per text: asked of every lone title.
pub(super) fn titles_as_surnames<'a>(doc: &Document<'a>) -> HashSet<&'a str> {
    let mut set = HashSet::default();
    for k in 1..doc.tokens.len() {
        let (before, word) = (doc.tok(k - 1), doc.tok(k));
        if word_is_cap(word)
            && glued(doc, k)
            && word_is_cap(before)
            && LEX.title_of(&[word]).is_some()
            && LEX.title_of(&[before]).is_none()
        {
            set.insert(word);
        }
    }
    set
}

/// Length in tokens of the longest title starting at token `i` (before `j`).
pub(super) fn title_len(doc: &Document, i: usize, j: usize) -> Option<usize> {
    let max = LEX.title_max_words.min(j - i);
    let mut buf = [""; TITLE_WORDS];
    let words = &mut buf[..max];
    for (k, w) in words.iter_mut().enumerate() {
        *w = doc.tok(i + k);
    }
    // "Dr." is "Dr" followed by a period token.
    (1..=max)
        .rev()
        .find(|&len| LEX.title_of(&words[..len]).is_some())
}

/// Room for the words of the longest title ([`crate::lexicon::Lexicon::title_max_words`]; a
/// test keeps it so).
pub(super) const TITLE_WORDS: usize = 8;

/// A title in lowercase right before token `i` ("ambassador", "foreign minister").
pub(super) fn title_before(
    doc: &Document,
    i: usize,
) -> Option<(&'static crate::lexicon::Title, String)> {
    let s = doc.tokens[i].sentence as usize;
    let s0 = doc.sentences[s].tokens.0;
    for len in (1..=LEX.title_max_words.min(3)).rev() {
        if i < s0 + len {
            continue;
        }
        let mut a = i - len;
        // Skip a period after an abbreviated title: "Dr. Scutt".
        if doc.tok(i - 1) == "." && a > s0 {
            a -= 1;
        }
        let mut buf = [""; 4];
        let mut n = 0;
        for w in (a..i).map(|k| doc.tok(k)).filter(|w| *w != ".") {
            buf[n] = w;
            n += 1;
        }
        let words = &buf[..n];
        if words
            .iter()
            .any(|w| word_is_cap(w) && LEX.title_of(&[w]).is_none())
        {
            continue;
        }
        if let Some(t) = LEX.title_of(words) {
            return Some((t, words.join(" ")));
        }
    }
    None
}

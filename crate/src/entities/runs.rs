//! The rules' names: runs of capitalised words in a sentence, joined by connectors ("of",
//! "de", "bin") and possessives, past a dateline ("PORT KELLAN, 14 March —") and a byline's
//! role; a capital that opens a sentence is a name only with other evidence.

use super::*;

/// True when the capital of word token `i` says nothing about names: the sentence's first
/// word, or a word of a headline-case sentence.
pub(super) fn uninformative_capital(doc: &Document, i: usize) -> bool {
    let s = &doc.sentences[doc.tokens[i].sentence as usize];
    let first = (s.tokens.0..s.tokens.1).find(|&k| doc.tokens[k].kind == TokenKind::Word);
    first == Some(i) || doc.is_headline_case(s)
}

/// The name mentions of sentence `s`, into `out`: a dateline, then each run of name tokens
/// ([`is_name_token`]) joined across connectors ([`run_end`]), read by [`split_candidate`].
pub(super) fn name_mentions(
    doc: &Document,
    s: &Sentence,
    mid_caps: &HashSet<&str>,
    surnames: &HashSet<&str>,
    out: &mut Vec<Mention>,
) {
    let (s0, s1) = s.tokens;
    let c = Capitals {
        s0,
        s1,
        headline: doc.is_headline_case(s),
        // First word of the sentence (after quotes, brackets and citation marks like "[29]").
        initial: (s0..s1)
            .find(|&i| doc.tokens[i].kind == TokenKind::Word)
            .unwrap_or(s0),
        mid_caps,
    };
    // Each token's answer once (the joining loop asks about some tokens twice).
    let name_toks: Vec<bool> = (s0..s1).map(|i| is_name_token(doc, &c, i)).collect();
    let is_name_tok = |i: usize| name_toks[i - s0];
    let mut i = s0;
    if let Some(j) = dateline(doc, s) {
        out.push(Mention::of_tokens(
            doc,
            (s0, j),
            EntityKind::Place,
            OVERRIDES,
            "dateline".into(),
        ));
        i = j;
    }
    while i < s1 {
        if !is_name_tok(i) {
            i += 1;
            continue;
        }
        let j = run_end(doc, i, s1, &is_name_tok);
        split_candidate(doc, i, j, surnames, out);
        i = j;
    }
}

/// What [`is_name_token`] reads of a sentence: its tokens, whether it is in headline case,
/// its first word, and the words the text capitalises mid-sentence.
pub(super) struct Capitals<'c, 'a> {
    s0: usize,
    s1: usize,
    headline: bool,
    initial: usize,
    mid_caps: &'c HashSet<&'a str>,
}

/// Whether token `i` of the sentence `c` describes can be part of a name: a capitalised
/// word whose capital says something there.
pub(super) fn is_name_token(doc: &Document, c: &Capitals, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.tok(i);
    if !word_is_cap(w) || NOT_NAMES.contains(w) {
        return false;
    }
    if w.starts_with(['’', '\'']) || w.starts_with("I’") || w.starts_with("I'") {
        return false;
    }
    let known = in_gazetteer(w) || LEX.title_of(&[w]).is_some();
    // In a headline every word is capitalised: only words known as names count.
    if c.headline && !known {
        return rare(w)
            || LEX.surnames.contains(w)
            || LEX.org_heads.contains(w)
            || (is_all_caps(w) && w.chars().count() <= 6 && !is_common(w));
    }
    // After a colon, a dash or an opening quote a capital says as little as at the start.
    let after_break = i > c.s0
        && matches!(
            doc.tok(i - 1),
            ":" | "-" | "–" | "—" | "“" | "\"" | "‘" | "("
        );
    let wary = i == c.initial || after_break || is_all_caps(w);
    // An ordinary word can still open a longer name ("World Daily", "Supreme Court"),
    // but a function word never does ("While Russia").
    let next_cap = i + 1 < c.s1
        && doc.tokens[i + 1].kind == TokenKind::Word
        && doc.tokens[i + 1].space_before
        && word_is_cap(doc.tok(i + 1));
    if wary && is_common(w) && !known && (with_lower(w, |l| LEX.is_stopword(l)) || !next_cap) {
        return false;
    }
    // "Said Ellis: …": a reporting verb opening the sentence is a verb, not a name.
    if wary && !known && LEX.speech_verb(w).is_some() {
        return false;
    }
    // An unknown word opening a sentence, followed by an ordinary lowercase word and never
    // capitalised elsewhere ("Skip to main content"), is not a name. A reporting verb
    // after it ("Khoshroo said") says it is one.
    if (i == c.initial || after_break) && !known && !c.mid_caps.contains(w) {
        let evidence =
            rare(w) || LEX.surnames.contains(w) || LEX.org_heads.contains(w) || is_all_caps(w);
        let next_lower = doc.tokens.get(i + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !word_is_cap(doc.tok(i + 1))
                && LEX.speech_verb(doc.tok(i + 1)).is_none()
        });
        if !evidence && next_lower {
            return false;
        }
    }
    true
}

/// The end of the run of name tokens that starts at token `i` (before `s1`): glued tokens,
/// and a connector ("bin", "of", "&", a possessive) between two name tokens where it joins.
pub(super) fn run_end(
    doc: &Document,
    i: usize,
    s1: usize,
    is_name_tok: &dyn Fn(usize) -> bool,
) -> usize {
    let mut j = i + 1;
    loop {
        if j < s1 && is_name_tok(j) && glued(doc, j) {
            j += 1;
            continue;
        }
        if j + 1 < s1 && is_name_tok(j + 1) {
            let w = doc.tok(j);
            let lower_connector = CONNECTORS.contains(&w);
            let of = w == "of" && of_joins(doc, i, j);
            let amp = w == "&";
            let poss = doc.tokens[j].kind == TokenKind::Word
                && (w == "'s" || w == "’s")
                && possessive_joins(doc, i, j, s1);
            if lower_connector || of || amp || poss {
                j += 2;
                continue;
            }
        }
        return j;
    }
}

/// "PORT ELLERY, 14 March 2026 - The council…": a paragraph opening with a place in capitals,
/// then a comma and a dash before the prose (or the dash at once). Returns the end of the
/// place's tokens. A capitals line ("SOCCER - JAPAN GET LUCKY WIN") is not a dateline, nor an
/// acronym followed by a comma and prose ("NASA, the agency, said").
pub(super) fn dateline(doc: &Document, s: &Sentence) -> Option<usize> {
    let (s0, s1) = s.tokens;
    if doc.blocks[s.block].start != s.start {
        return None;
    }
    let caps = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && is_all_caps(doc.tok(k))
            && !doc.tok(k).contains('.')
    };
    let mut j = s0;
    while j < s1 && j - s0 < 4 && caps(j) {
        j += 1;
    }
    if j == s0 || j >= s1 || shouted_clause(doc, s0, j) {
        return None;
    }
    let dash = |k: usize| matches!(doc.tok(k), "-" | "–" | "—");
    let lower = |k: usize| doc.tokens[k].kind == TokenKind::Word && !word_is_cap(doc.tok(k));
    let opened = if dash(j) {
        true
    } else if doc.tok(j) == "," {
        (j + 1..s1.min(j + 9)).take_while(|&k| !lower(k)).any(dash)
    } else {
        false
    };
    // Prose follows: a lowercase word in the sentence.
    (opened && (j..s1).any(lower)).then_some(j)
}

/// In a byline ("By Jane Okafor, Coastal Affairs Reporter"), the words after the author's
/// name and a comma that end in a role word are the role: tokens `[a, b)`.
pub(super) fn byline_role(doc: &Document, i: usize) -> Option<(usize, usize)> {
    let s = &doc.sentences[doc.tokens[i].sentence as usize];
    let (s0, s1) = s.tokens;
    if doc.tok(s0) != "By" {
        return None;
    }
    let comma = (s0 + 1..i).find(|&k| doc.tok(k) == ",")?;
    let a = comma + 1;
    let mut b = a;
    while b < s1 && doc.tokens[b].kind == TokenKind::Word && word_is_cap(doc.tok(b)) {
        b += 1;
    }
    (b > a && LEX.title_of(&[doc.tok(b - 1)]).is_some()).then_some((a, b))
}

/// Tokens of one name follow each other with a space (or a hyphen inside the token).
pub(super) fn glued(doc: &Document, j: usize) -> bool {
    let prev = &doc.tokens[j - 1];
    let t = &doc.tokens[j];
    // Not across blocks (a line of copied text, or a hard-wrapped paragraph: a name broken
    // across its lines is one name).
    let block = |t: &crate::segment::Token| doc.sentences[t.sentence as usize].block;
    t.space_before && block(prev) == block(t)
}

pub(super) fn of_joins(doc: &Document, i: usize, j: usize) -> bool {
    let words: Vec<&str> = (i..j).map(|k| doc.tok(k)).collect();
    let has_head = words.iter().any(|w| LEX.org_heads.contains(w));
    let title_only = LEX.title_of(&words).is_some();
    let placey = words
        .iter()
        .any(|w| LEX.places.contains_key(w) || LEX.demonyms.contains_key(w));
    has_head || title_only || (words.len() >= 2 && !placey)
}

/// "People's Mojahedin Organization": a possessive inside an organisation's name.
pub(super) fn possessive_joins(doc: &Document, i: usize, j: usize, s1: usize) -> bool {
    let left: Vec<&str> = (i..j).map(|k| doc.tok(k)).collect();
    let left_s = left.join(" ");
    if LEX.places.contains_key(left_s.as_str())
        || LEX.organisations.contains_key(left_s.as_str())
        || left.iter().any(|w| LEX.given_names.contains_key(w))
        || left.len() > 2
    {
        return false;
    }
    let mut k = j + 1;
    while k < s1 && doc.tokens[k].kind == TokenKind::Word && word_is_cap(doc.tok(k)) {
        if LEX.org_heads.contains(doc.tok(k)) {
            return true;
        }
        k += 1;
    }
    false
}

/// Tokens `[i, j)` are words in capitals that hold a function word a name does not ("HAS",
/// "HIM" of "CONGRESS HAS INVESTIGATED HIM"): a headline's clause, not a name ("BANK OF
/// AMERICA", "ABU BAKR AL-BAGHDADI" are names).
pub(super) fn shouted_clause(doc: &Document, i: usize, j: usize) -> bool {
    j - i >= 2
        && (i..j).all(|k| is_all_caps(doc.tok(k)))
        && (i..j).any(|k| {
            let lower = doc.tok(k).to_lowercase();
            LEX.is_stopword(&lower)
                && !CONNECTORS.contains(&lower.as_str())
                && !matches!(lower.as_str(), "of" | "the" | "and" | "for" | "on" | "in")
        })
}

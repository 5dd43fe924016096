//! A surname the text gave in full and then alone: the person, wherever it stands. The tagger
//! reads a name from its context, and a lone surname in an unusual one ("According to
//! Limbaugh, …") slips through though "Rush Limbaugh" opened the article; one person's name
//! is one person's name throughout a text (the one-sense-per-discourse assumption of named
//! entity taggers since Finkel et al., 2005).

use super::{is_common, Mention};
use crate::segment::{word_is_cap, Document, TokenKind};
use crate::types::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// The last words of people named in full with a real cue (strength ≥ 1), each with the
/// first full name it ends.
pub(super) fn full_name_surnames<'a>(
    doc: &Document<'a>,
    mentions: &[Mention],
) -> HashMap<&'a str, &'a str> {
    let mut surnames = HashMap::default();
    for m in mentions {
        if m.kind == EntityKind::Person && m.strength >= 1 && m.toks.1 - m.toks.0 >= 2 {
            let last = doc.tok(m.toks.1 - 1);
            let full = &doc.text[m.span.start..m.span.end];
            surnames.entry(last).or_insert(full);
        }
    }
    surnames
}

/// Reads one-word mention `m` as the surname of the person named in full as `full`.
pub(super) fn read_as_surname(m: &mut Mention, full: &str) {
    m.kind = EntityKind::Person;
    m.strength = 2;
    m.why = format!("surname of {full}");
}

/// Adds a person mention for every word no mention covers that is the surname of a person
/// named in full (`surnames`, from [`full_name_surnames`]), standing alone (no capitalised
/// word on either side: not "Limbaugh Show") and no ordinary English word ("Price", "Young"
/// may be either), outside the blocks `skipped`. `mentions` stay in text order.
pub(super) fn add_surnames_named_again(
    doc: &Document,
    skipped: &dyn Fn(usize) -> bool,
    surnames: &HashMap<&str, &str>,
    mentions: &mut Vec<Mention>,
) {
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        covered[m.toks.0..m.toks.1]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let capital = |k: usize| doc.tokens[k].kind == TokenKind::Word && word_is_cap(doc.tok(k));
    let mut added = Vec::new();
    for s in doc.sentences.iter().filter(|s| !skipped(s.block)) {
        let (s0, s1) = s.tokens;
        for k in (s0..s1).filter(|&k| !covered[k]) {
            let w = doc.tok(k);
            let Some(full) = surnames.get(w) else {
                continue;
            };
            let alone = (k == s0 || !capital(k - 1)) && (k + 1 == s1 || !capital(k + 1));
            if !capital(k) || !alone || is_common(w) {
                continue;
            }
            let mut m = Mention::of_tokens(doc, (k, k + 1), EntityKind::Person, 0, String::new());
            read_as_surname(&mut m, full);
            added.push(m);
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(Mention::tokens);
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::find;

    fn people(text: &str) -> Vec<String> {
        let doc = crate::segment::Document::new(text);
        find(&doc, &[], &[], Some("en"))
            .entities
            .iter()
            .filter(|e| e.kind == crate::types::EntityKind::Person)
            .map(|e| text[e.start..e.end].to_string())
            .collect()
    }

    #[test]
    fn a_surname_named_in_full_is_the_person_wherever_it_stands() {
        let p = people("Rush Limbaugh spoke on Monday.\n\nAccording to Limbaugh, it was bad.");
        assert_eq!(p, ["Rush Limbaugh", "Limbaugh"]);
    }

    #[test]
    fn not_an_ordinary_word() {
        let p =
            people("Lloyd Price spoke on Monday. The stock hit a record price, and Price rose.");
        assert_eq!(p.iter().filter(|n| *n == "Price").count(), 0, "{p:?}");
    }
}

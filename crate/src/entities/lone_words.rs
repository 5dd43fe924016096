//! One word alone, where the tagger's reading is not to be trusted: words that are never a
//! name by themselves ("J" of a split "(D-N.J.)", "I’m"), and a given name it took for a
//! place ("Gloria developed severe eczema").

use super::Mention;
use crate::coref;
use crate::lexicon::{with_lower, Gender, LEX};
use crate::segment::Document;
use crate::types::EntityKind;

/// A word that is no name on its own: one letter ("J" of "(D-N.J.)", which the tokens split),
/// or a pronoun with a verb glued on ([`pronoun_contraction`]).
pub(super) fn no_name_alone(w: &str) -> bool {
    w.chars().count() == 1 || pronoun_contraction(w)
}

/// A pronoun with a verb glued on, "I’m", "We’ll", "THEY'VE": shaped like "O’Neill", never a
/// name.
fn pronoun_contraction(w: &str) -> bool {
    let Some((pronoun, rest)) = w.split_once(['\'', '’']) else {
        return false;
    };
    let pronoun = with_lower(pronoun, |p| {
        matches!(
            p,
            "i" | "you" | "he" | "she" | "we" | "they" | "it" | "that" | "there"
        )
    });
    pronoun && with_lower(rest, |r| matches!(r, "m" | "ll" | "ve" | "d" | "re" | "s"))
}

/// Retypes mention `m` (the tagger's, of `conf` confidence) as a person when it is a given
/// name the tagger read as a place ([`given_name_read_as_place`]). As sure as a gazetteer:
/// its other mentions, whatever the tagger made of them, follow it (`agree_on_types`).
pub(super) fn retype_given_name(doc: &Document, m: &mut Mention, conf: &str) {
    if given_name_read_as_place(doc, m) {
        m.kind = EntityKind::Person;
        m.strength = 3;
        m.why = format!(
            "a given name no gazetteer knows as a place, and a pronoun of its gender after it; \
             over the tagger ({conf} confidence)"
        );
    }
}

/// A lone word the tagger read as a place that the name lexicon knows as a man's or a
/// woman's given name and no place gazetteer knows, followed by a pronoun of that gender
/// ("… their child, Gloria. She died …"): a person. Not a surname too ("Florence"), which
/// places are named after, nor a word where places stand: after a preposition of place ("in
/// Madison") or before a comma and a known place ("Madison, Wisconsin"). Cities named like
/// people ("Madison", "Victoria") are kept out of the place gazetteer on purpose, so the
/// pronoun is what says a person is meant.
fn given_name_read_as_place(doc: &Document, m: &Mention) -> bool {
    const OF_PLACE: &[&str] = &[
        "in", "at", "from", "to", "near", "outside", "across", "around", "into", "toward",
        "towards", "through", "via",
    ];
    let (i, j) = m.toks;
    if m.kind != EntityKind::Place || j - i != 1 {
        return false;
    }
    let w = doc.tok(i);
    let gender = match LEX.given_names.get(w) {
        Some(g) if *g != Gender::Unknown => *g,
        _ => return false,
    };
    let after_preposition = i > 0 && with_lower(doc.tok(i - 1), |l| OF_PLACE.contains(&l));
    let before_place = doc.tokens.get(j + 1).is_some()
        && doc.tok(j) == ","
        && LEX.places.contains_key(doc.tok(j + 1));
    !LEX.places.contains_key(w)
        && !LEX.surnames.contains(w)
        && !after_preposition
        && !before_place
        && pronoun_follows(doc, j, gender)
}

/// A pronoun of `gender` in the rest of the sentence of token `j` or the next one.
fn pronoun_follows(doc: &Document, j: usize, gender: Gender) -> bool {
    let Some(t) = doc.tokens.get(j) else {
        return false;
    };
    let next = t.sentence as usize + 1;
    let end = doc
        .sentences
        .get(next)
        .map_or(doc.tokens.len(), |s| s.tokens.1);
    (j..end).any(|k| coref::pronoun(doc, k).is_some_and(|(g, _)| g == gender))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find;

    fn names(t: &str) -> Vec<(String, EntityKind)> {
        let doc = Document::new(t);
        let layer = find(&doc, &[], &[], None);
        layer
            .entities
            .iter()
            .filter(|e| e.kind.is_name())
            .map(|e| (doc.text[e.start..e.end].to_string(), e.kind))
            .collect()
    }

    #[test]
    fn pronoun_contractions_and_lone_letters_are_no_names() {
        let t = "I’m glad we came. I’m sure Mike Yamazaki (D-N.J.) will win. They’ve won.";
        assert_eq!(
            names(t),
            [("Mike Yamazaki".to_string(), EntityKind::Person)]
        );
        assert!(pronoun_contraction("I’m") && pronoun_contraction("THEY'VE"));
        assert!(!pronoun_contraction("O’Neill") && !pronoun_contraction("D’Souza"));
    }

    /// A lone given name the tagger took for a place, that no gazetteer knows as one, and that
    /// a pronoun of its gender follows, is a person; a given name that is a place, or a
    /// surname too, or with no such pronoun, stays what the tagger said.
    #[test]
    fn a_given_name_no_place_is_a_person() {
        let read_as_place = |t: &str, k: usize| {
            let doc = Document::new(t);
            let m = Mention {
                span: doc.tokens[k].span(),
                toks: (k, k + 1),
                kind: EntityKind::Place,
                strength: 2,
                why: String::new(),
                role: None,
                gender: Gender::Unknown,
                canonical: None,
            };
            given_name_read_as_place(&doc, &m)
        };
        assert!(read_as_place("Gloria developed eczema. She died.", 0));
        assert!(!read_as_place("Gloria developed eczema. He died.", 0));
        assert!(!read_as_place("Madison police said it was closed.", 0));
        assert!(!read_as_place("Florence developed eczema. She died.", 0));
        assert!(!read_as_place("They flew to Madison. She stayed.", 3));
        assert!(!read_as_place("Madison, Wisconsin, voted. She won.", 0));
    }
}

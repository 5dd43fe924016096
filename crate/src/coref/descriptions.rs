//! Definite descriptions of a person: "the ambassador", "the Vermont senator", "The
//! Republican presidential nominee", "Obama's former campaign strategist" — "the" or a name's
//! possessive, up to [`MODIFIERS`] modifiers, and a noun that names a person's role
//! ([`is_person_noun`]), or a people's name in the singular that ends the phrase ("the
//! Texan said", "the Republican, who…"). Not a title before a name ("the senator Bernie
//! Sanders": the entity layer reads that), and not a description that goes on an unnamed
//! person the text introduced ("an official said … the official added").

use crate::lexicon::{with_lower, Gender, LEX};
use crate::segment::{word_is_cap, Document, TokenKind};

/// Words allowed between "the" and the role noun ("the former Republican presidential").
pub const MODIFIERS: usize = 3;

/// How many roles joined by "and" are read as one description at most ("the presidential
/// candidate, and former secretary of state and senator": three).
const JOINED_ROLES: usize = 3;

/// How far back (in tokens) an indefinite "a/an … official" makes "the official" that
/// unnamed person.
const INTRODUCED_WITHIN: usize = 400;

/// Person nouns that are no title (titles with a role come from `titles.txt`): who a news
/// story quotes by description.
const PERSON_NOUNS: &[&str] = &[
    "official",
    "expert",
    "witness",
    "friend",
    "staffer",
    "employee",
    "voter",
    "resident",
    "member",
    "strategist",
    "consultant",
    "historian",
    "pollster",
    "organizer",
    "protester",
    "questioner",
    "narrator",
    "wife",
    "husband",
    "son",
    "daughter",
    "reader",
    "widow",
    "widower",
    "businessman",
    "businesswoman",
    "veteran",
    "student",
    "teacher",
    "worker",
];

/// Person nouns that are no title but name the kind of person a story is about: a
/// description with one ("the businessman said") may go to that person when no one was
/// given the role ([`Description::public`]).
const PUBLIC_PERSON_NOUNS: &[&str] = &[
    "businessman",
    "businesswoman",
    "front-runner",
    "frontrunner",
];

/// A noun naming one person by role ("senator", "nominee", "spokeswoman"): a title with a
/// role, or one of [`PERSON_NOUNS`]. Lowercase only.
pub fn is_person_noun(lower: &str) -> bool {
    LEX.title(lower).is_some_and(|t| !t.role.is_empty())
        || PERSON_NOUNS.contains(&lower)
        || PUBLIC_PERSON_NOUNS.contains(&lower)
}

/// A definite description of a person, its role noun at token `head`.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// Its first token: "the", or the first word of the possessor's name.
    pub first: usize,
    pub head: usize,
    /// The role it names (a title's canonical role, else the noun).
    pub role: String,
    /// Its capitalised modifiers ("Vermont", "Republican"): tokens.
    pub names: Vec<usize>,
    pub gender: Gender,
    /// Its role is one the person a story is about holds: a title's ("senator",
    /// "candidate"), one of [`PUBLIC_PERSON_NOUNS`], or a people's name ("the Republican");
    /// not the ordinary people a story quotes by description ("the employee", "the
    /// protester", "the narrator"), who are seldom the person it names most.
    pub public: bool,
}

/// The description whose role noun is token `k`, if it is one: with its own determiner a
/// few words before, or joined by "and" to one before it.
pub fn description_at(doc: &Document, k: usize) -> Option<Description> {
    if doc.tokens[k].kind != TokenKind::Word {
        return None;
    }
    if (k.saturating_sub(MODIFIERS + 1)..k).any(|j| determiner(doc, j)) {
        single_description_at(doc, k)
    } else {
        joined_to_another(doc, k, JOINED_ROLES - 1)
    }
}

/// "the" or a possessive at token `j`.
fn determiner(doc: &Document, j: usize) -> bool {
    matches!(doc.tok(j), "the" | "The") || possessive(doc, j)
}

/// A description of one role noun (no "and" before it), its noun at token `k`.
fn single_description_at(doc: &Document, k: usize) -> Option<Description> {
    let w = doc.tok(k);
    // "the" a few words before first: most words have none, and no look-up is made for them.
    let the = |j: usize| matches!(doc.tok(j), "the" | "The");
    let determiner = |j: usize| determiner(doc, j);
    if doc.tokens[k].kind != TokenKind::Word
        || !(k.saturating_sub(MODIFIERS + 1)..k).any(determiner)
    {
        return None;
    }
    // Looked up only after a determiner: the resolver asks this of every word. A capital
    // is a people's name ("the Texan") or nothing here.
    let one_of_a_people = word_is_cap(w);
    let noun = if one_of_a_people {
        stands_for_one_of_a_people(doc, k)
    } else {
        is_person_noun(w)
    };
    if !noun {
        return None;
    }
    let title = LEX.title(w);
    let s = &doc.sentences[doc.tokens[k].sentence as usize];
    let lo = k.saturating_sub(MODIFIERS).max(s.tokens.0);
    let mut j = k;
    // To "the", or to a name's possessive ("the group's spokesman" goes on to "the").
    let names_possessive = |t: usize| possessive(doc, t) && word_is_cap(doc.tok(t - 1));
    while j > lo && modifier(doc, j - 1) && !names_possessive(j - 1) {
        j -= 1;
    }
    let det = j.checked_sub(1).filter(|&t| t >= s.tokens.0)?;
    if !determiner(det) || names_next(doc, k, s.tokens.1) {
        return None;
    }
    // "Obama's former campaign strategist": the phrase opens with the possessor's name.
    let first = if the(det) {
        det
    } else {
        possessor(doc, det, s.tokens.0)?
    };
    if introduced_unnamed(doc, first, w) {
        return None;
    }
    Some(Description {
        first,
        head: k,
        role: title.map_or_else(|| w.to_lowercase(), |t| t.role.clone()),
        names: (det + 1..k).filter(|&j| word_is_cap(doc.tok(j))).collect(),
        gender: title.map_or(Gender::Unknown, |t| t.gender),
        public: one_of_a_people || title.is_some() || PUBLIC_PERSON_NOUNS.contains(&w),
    })
}

/// "the former secretary of state and current Democratic presidential nominee", "the
/// independent Vermont senator and Democratic presidential candidate": a role noun at token
/// `k` joined by "and" to a description before it describes the same person, and ends that
/// description. It keeps the first role ("secretary") and joins the second's capitalised
/// modifiers to its own ("Democratic"). At most
/// [`JOINED_ROLES`] roles, so a long run of "and"s costs no more than a few.
fn joined_to_another(doc: &Document, k: usize, more: usize) -> Option<Description> {
    /// Words a first description's role runs on past its noun ("secretary of state").
    const ROLE_TAIL: usize = 2;
    // An "and" a few words before: most words have none, and no look-up is made for them.
    let and_before = (k.saturating_sub(MODIFIERS + 1)..k).any(|j| doc.tok(j) == "and");
    if !and_before || word_is_cap(doc.tok(k)) || !is_person_noun(doc.tok(k)) {
        return None;
    }
    let s0 = doc.sentences[doc.tokens[k].sentence as usize].tokens.0;
    let mut j = k;
    while j > s0 && k - j < MODIFIERS && modifier(doc, j - 1) {
        j -= 1;
    }
    let and = j
        .checked_sub(1)
        .filter(|&a| a > s0 && doc.tok(a) == "and")?;
    let first = (and.saturating_sub(ROLE_TAIL + 1).max(s0)..and)
        .rev()
        .find_map(|h| {
            single_description_at(doc, h).or_else(|| {
                (more > 1)
                    .then(|| joined_to_another(doc, h, more - 1))
                    .flatten()
            })
        })?;
    let mut names = first.names.clone();
    names.extend((j..k).filter(|&t| word_is_cap(doc.tok(t))));
    Some(Description {
        head: k,
        names,
        ..first
    })
}

/// Token `k` is a demonym or a party's member in the singular that ends its phrase, and so
/// stands for one person: "the Texan said", "the Republican, who…", not "the Republican
/// nominee" (a modifier) nor "the Republicans" (a group).
fn stands_for_one_of_a_people(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    let ends_phrase = doc.tokens.get(k + 1).is_none_or(|t| {
        let next = doc.tok(k + 1);
        t.kind != TokenKind::Word
            || LEX.speech_verb(next).is_some()
            || next.ends_with("ly")
            || matches!(
                next,
                "who" | "has" | "had" | "is" | "was" | "will" | "would"
            )
    });
    !w.ends_with('s') && LEX.demonyms.contains_key(w) && ends_phrase
}

/// A possessive `'s` or `’s` written onto the word before it.
fn possessive(doc: &Document, j: usize) -> bool {
    j > 0 && !doc.tokens[j].space_before && matches!(doc.tok(j), "'s" | "’s")
}

/// The first word of the name before the possessive at token `det`, not before token `s0`:
/// capitalised words and an abbreviation's dot ("Sen. Bernie Sanders's"); none when the word
/// before is not capitalised ("the group's spokesman" is a description with "the").
fn possessor(doc: &Document, det: usize, s0: usize) -> Option<usize> {
    /// More words than a name and its title take (a bound on the look back).
    const NAME_WORDS: usize = 6;
    let mut a = det;
    while a > s0
        && det - a < NAME_WORDS
        && (word_is_cap(doc.tok(a - 1)) || (doc.tok(a - 1) == "." && a - 1 > s0))
    {
        a -= 1;
    }
    (a < det && word_is_cap(doc.tok(a))).then_some(a)
}

/// A word between "the" and the role noun: a name or an adjective-like word ("Vermont",
/// "former", "presidential"), not a function word or punctuation.
fn modifier(doc: &Document, j: usize) -> bool {
    /// Adjectives the stop-word list holds.
    const ADJECTIVES: &[&str] = &["former", "latter", "last", "next", "other", "own", "same"];
    let w = doc.tok(j);
    doc.tokens[j].kind == TokenKind::Word
        && with_lower(w, |l| ADJECTIVES.contains(&l) || !LEX.is_stopword(l))
}

/// A capitalised word right after the role noun: a title before a name ("the senator Bernie
/// Sanders").
fn names_next(doc: &Document, k: usize, s1: usize) -> bool {
    k + 1 < s1 && doc.tokens[k + 1].kind == TokenKind::Word && word_is_cap(doc.tok(k + 1))
}

/// "a"/"an" and modifiers before the same noun shortly before: the text introduced an
/// unnamed person ("a senior official … the official"; not "a question for the
/// president").
fn introduced_unnamed(doc: &Document, first: usize, noun: &str) -> bool {
    (first.saturating_sub(INTRODUCED_WITHIN)..first).any(|j| {
        let mut a = j;
        while a > 0 && j - a < MODIFIERS && modifier(doc, a - 1) {
            a -= 1;
        }
        doc.tok(j) == noun && a > 0 && matches!(doc.tok(a - 1), "a" | "an" | "A" | "An")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        (0..doc.tokens.len())
            .filter_map(|k| description_at(&doc, k))
            .map(|d| doc.text[doc.tokens[d.first].start..doc.tokens[d.head].end].to_string())
            .collect()
    }

    #[test]
    fn definite_role_nouns_are_descriptions() {
        assert_eq!(
            found("As for anger, the Vermont senator acknowledged it. The Republican presidential nominee wondered."),
            ["the Vermont senator", "The Republican presidential nominee"]
        );
    }

    #[test]
    fn a_possessive_name_opens_a_description_of_someone_else() {
        assert_eq!(
            found("Obama's former campaign strategist said so. The former senator agreed."),
            ["Obama's former campaign strategist", "The former senator"]
        );
        // Not after a lowercase possessor: "the group's" is found from "the".
        assert_eq!(
            found("the group's spokesman said"),
            ["the group's spokesman"]
        );
    }

    #[test]
    fn one_of_a_people_in_the_singular_is_a_description() {
        assert_eq!(
            found("Later the Texan said no. The Republican, who spoke first, agreed."),
            ["the Texan", "The Republican"]
        );
        assert_eq!(
            found("the Republican nominee said; the Republicans said; a Texan said"),
            ["the Republican nominee"]
        );
    }

    /// The first token of `doc` that is `word`.
    fn token(doc: &Document, word: &str) -> usize {
        (0..doc.tokens.len()).find(|&k| doc.tok(k) == word).unwrap()
    }

    #[test]
    fn two_roles_joined_by_and_are_one_description() {
        let text = "On the show, the former secretary of state and current Democratic \
                    presidential nominee said she wanted to speak.";
        let doc = Document::new(text);
        let d = description_at(&doc, token(&doc, "nominee")).expect("ending at 'nominee'");
        assert_eq!(doc.tok(d.first), "the");
        assert_eq!(d.role, "secretary");
        let names: Vec<&str> = d.names.iter().map(|&t| doc.tok(t)).collect();
        assert_eq!(names, ["Democratic"]);
        assert_eq!(found("The senator and his wife arrived."), ["The senator"]);
        // Three roles at most.
        let text = "He met the presidential candidate, and former secretary of state and \
                    senator, on Friday.";
        let doc = Document::new(text);
        let d = description_at(&doc, token(&doc, "senator")).expect("three roles joined");
        assert_eq!(doc.tok(d.first), "the");
    }

    #[test]
    fn titles_before_names_and_things_are_not() {
        assert!(
            found("the senator Bernie Sanders spoke; the report said so; the house fell.")
                .is_empty()
        );
    }

    #[test]
    fn an_unnamed_person_introduced_stays_unnamed() {
        assert!(found("An official spoke. Later the official said more.").is_empty());
        assert_eq!(
            found("She had a question for the president. Later the president said no."),
            ["the president", "the president"]
        );
    }
}

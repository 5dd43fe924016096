//! What the pronoun resolver reads of a candidate: each feature is a yes/no fact about the
//! candidate (its latest mention before the pronoun, its cluster) and the pronoun, named in
//! [`FEATURES`] so that the weights file can be read by a person.

use super::{Case, Pronoun, State};
use crate::lexicon::{Gender, LEX};
use crate::pos::Upos;
use crate::segment::{word_is_cap, TokenKind};

/// The features, in the order of their weights.
pub const FEATURES: &[&str] = &[
    // How many sentences back the candidate was last named: 0 (the pronoun's own), 1, 2,
    // 3–5, 6 or more.
    "sentences_back_0",
    "sentences_back_1",
    "sentences_back_2",
    "sentences_back_3_5",
    "sentences_back_6+",
    // Its rank among the candidates, the most recently named first.
    "rank_0",
    "rank_1",
    "rank_2",
    "rank_3+",
    // Its cluster's gender is known (a given name, a title, an earlier pronoun).
    "gender_known",
    // The mention is the first person named in its sentence.
    "first_person_of_sentence",
    // Only a title and modifiers before the mention in its sentence, and no possessive (its
    // subject, most often).
    "opens_sentence",
    // A verb right after the mention ("Reyes said", "Okafor has").
    "verb_after",
    // A preposition right before it ("with Reyes", "to Okafor").
    "after_preposition",
    // The mention is a possessive ("Reyes's plan").
    "possessive",
    // How often its cluster was named so far: 1, 2, 3–5, 6+.
    "mentions_1",
    "mentions_2",
    "mentions_3_5",
    "mentions_6+",
    // Inside quotation marks: the mention; the mention and the pronoun.
    "mention_quoted",
    "both_quoted",
    // The pronoun is quoted and the mention is not.
    "only_pronoun_quoted",
    // In the pronoun's paragraph.
    "same_paragraph",
    // The last pronoun of the same gender went to this cluster.
    "last_pronoun_went_here",
    // A subject pronoun ("he") and a mention opening its sentence, or a verb after it.
    "subject_pronoun_opens_sentence",
    "subject_pronoun_verb_after",
    // A possessive pronoun ("his") and a mention opening its sentence.
    "possessive_pronoun_opens_sentence",
    // An object pronoun ("him") in the sentence that names the candidate.
    "object_pronoun_same_sentence",
    // A name of two words or more.
    "full_name",
    // Its cluster has a role ("the ambassador", "Mayor").
    "has_role",
];

/// One candidate of a pronoun: a person cluster, its latest mention, what is true of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The latest mention before the pronoun (an index into the layer's entities).
    pub mention: usize,
    pub cluster: u32,
    /// The features that hold, indexes into [`FEATURES`], ascending.
    pub features: Vec<u8>,
}

/// The index of feature `name` (a name in [`FEATURES`]; checked by a test).
fn f(name: &str) -> u8 {
    FEATURES
        .iter()
        .position(|n| *n == name)
        .unwrap_or_else(|| panic!("{name} is no feature of FEATURES")) as u8
}

/// The bucket of a count: 0, 1, 2, 3–5 or 6 and more (`names` in that order; an empty
/// name for a bucket that cannot occur).
fn bucket(n: u32, names: [&str; 5]) -> u8 {
    f(names[match n {
        0..=2 => n as usize,
        3..=5 => 3,
        _ => 4,
    }])
}

impl State<'_> {
    /// Candidate `i` (an entity index, tokens `a..=b`) of pronoun `p`, `rank` candidates
    /// before it.
    pub(super) fn candidate(
        &self,
        p: &Pronoun,
        i: usize,
        a: usize,
        b: usize,
        rank: usize,
    ) -> Candidate {
        let doc = self.doc;
        let id = self.layer.entities[i].id.unwrap_or(0);
        let back = doc.tokens[p.token].sentence - doc.tokens[a].sentence;
        let mut on = self.how_far(back, rank, i);
        on.extend(self.facts(p, i, (a, b), back));
        on.sort_unstable();
        on.dedup();
        Candidate {
            mention: i,
            cluster: id,
            features: on,
        }
    }

    /// How far candidate `i` stands from the pronoun: sentences back, rank, and how often
    /// its cluster was named up to it.
    fn how_far(&self, back: u32, rank: usize, i: usize) -> Vec<u8> {
        vec![
            bucket(
                back,
                [
                    "sentences_back_0",
                    "sentences_back_1",
                    "sentences_back_2",
                    "sentences_back_3_5",
                    "sentences_back_6+",
                ],
            ),
            bucket(
                rank as u32,
                ["rank_0", "rank_1", "rank_2", "rank_3+", "rank_3+"],
            ),
            bucket(
                self.named_up_to(i),
                [
                    "",
                    "mentions_1",
                    "mentions_2",
                    "mentions_3_5",
                    "mentions_6+",
                ],
            ),
        ]
    }

    /// The yes-or-no features of candidate `i` (tokens `a..=b`), `back` sentences before
    /// pronoun `p`, that hold.
    fn facts(&self, p: &Pronoun, i: usize, (a, b): (usize, usize), back: u32) -> Vec<u8> {
        let doc = self.doc;
        let e = &self.layer.entities[i];
        let id = e.id.unwrap_or(0);
        let possessive = self.is_possessive(b);
        // "Rouhani’s government are …": a possessive opening the sentence is not its subject.
        let opens = self.opens_sentence(a) && !possessive;
        let verb_after = self.pos_is(b + 1, &[Upos::Verb, Upos::Aux]);
        let mention_quoted = self.is_quoted(e.start);
        let facts = [
            (
                self.gender[id as usize - 1] != Gender::Unknown,
                "gender_known",
            ),
            (
                self.first_person_of_sentence(i, a),
                "first_person_of_sentence",
            ),
            (opens, "opens_sentence"),
            (verb_after, "verb_after"),
            (
                a > 0 && self.pos_is(a - 1, &[Upos::Adp]),
                "after_preposition",
            ),
            (possessive, "possessive"),
            (mention_quoted, "mention_quoted"),
            (mention_quoted && p.quoted, "both_quoted"),
            (!mention_quoted && p.quoted, "only_pronoun_quoted"),
            (
                doc.sentences[doc.tokens[a].sentence as usize].block
                    == doc.sentences[doc.tokens[p.token].sentence as usize].block,
                "same_paragraph",
            ),
            (
                self.last[(p.gender == Gender::Female) as usize] == Some(id),
                "last_pronoun_went_here",
            ),
            (
                p.case == Case::Subject && opens,
                "subject_pronoun_opens_sentence",
            ),
            (
                p.case == Case::Subject && verb_after,
                "subject_pronoun_verb_after",
            ),
            (
                p.case == Case::Possessive && opens,
                "possessive_pronoun_opens_sentence",
            ),
            (
                p.case == Case::Object && back == 0,
                "object_pronoun_same_sentence",
            ),
            (b > a, "full_name"),
            (
                !self.layer.clusters[id as usize - 1].roles.is_empty(),
                "has_role",
            ),
        ];
        facts
            .iter()
            .filter(|(yes, _)| *yes)
            .map(|(_, n)| f(n))
            .collect()
    }

    /// How often the cluster of person mention `i` was named up to and including it.
    fn named_up_to(&self, i: usize) -> u32 {
        let k = self.persons.partition_point(|&(j, _, _)| j <= i);
        self.named[k - 1]
    }

    fn first_person_of_sentence(&self, i: usize, a: usize) -> bool {
        let k = self.persons.partition_point(|&(j, _, _)| j < i);
        k == 0 || {
            let (_, a0, _) = self.persons[k - 1];
            self.doc.tokens[a0].sentence != self.doc.tokens[a].sentence
        }
    }

    /// Nothing before token `a` in its sentence but the title and modifiers of a name
    /// ("Secretary of State John Kerry", "The French Foreign Minister Jean-Yves Le Drian",
    /// "Yesterday, Okafor"): capitalised words, "of" and "the". Not a name after a lowercase
    /// word ("The ambassador of Maranthia"): that name is not the sentence's subject.
    pub(super) fn opens_sentence(&self, a: usize) -> bool {
        let doc = self.doc;
        let s = &doc.sentences[doc.tokens[a].sentence as usize];
        let a = self.role_words_before(a, s.tokens.0);
        (s.tokens.0..a)
            .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
            .all(|k| {
                let w = doc.tok(k);
                word_is_cap(w) || matches!(w, "of" | "the")
            })
    }

    /// Where the lowercase role words before a name start ("communication director" of "Clinton
    /// communication director Jennifer Palmieri"): a title word right before the name, and
    /// the nouns and adjectives before it; `a` itself when there is no title word.
    fn role_words_before(&self, a: usize, s0: usize) -> usize {
        let doc = self.doc;
        let lower_title = |k: usize| {
            let w = doc.tok(k);
            !word_is_cap(w) && LEX.title(w).is_some()
        };
        if a == s0 || !lower_title(a - 1) {
            return a;
        }
        let mut k = a - 1;
        while k > s0 && !word_is_cap(doc.tok(k - 1)) && self.pos_is(k - 1, &[Upos::Noun, Upos::Adj])
        {
            k -= 1;
        }
        k
    }

    fn pos_is(&self, k: usize, classes: &[Upos]) -> bool {
        self.pos
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|p| classes.contains(&p.upos))
    }

    /// A possessive `'s` right after token `b`.
    fn is_possessive(&self, b: usize) -> bool {
        self.doc.tokens.get(b + 1).is_some_and(|t| !t.space_before)
            && matches!(self.doc.tok(b + 1), "'s" | "’s" | "'" | "’")
    }
}

//! Pronouns of people resolved to the person they stand for: "he", "him", "his", "himself",
//! "she", "her", "hers", "herself", each to a person cluster of the entity layer.
//!
//! Left to right, every pronoun's candidates are the people mentioned in its sentence before
//! it and in the [`WINDOW`] sentences before (else the [`FAR_WINDOW`]), whose gender agrees
//! (from given names and titles, and from the pronouns already resolved to them); outside
//! quotation marks, not the people named only inside them. A linear model fitted on GUM's
//! coreference chains ([`model`], trained by `crate/examples/train_coref.rs`) ranks them by
//! what [`features`] reads: how far back the candidate was named, whether it opened its
//! sentence or followed a preposition, how often it was named, whether the last pronoun of
//! the same gender went to it, inside or outside quotation marks. A pronoun with no
//! candidate stays unresolved: no guess.

mod features;
pub mod model;
#[cfg(test)]
mod tests;

use crate::entities::EntityLayer;
use crate::lexicon::{with_lower, Gender};
use crate::pos::{self, Pos};
use crate::quotes::Marks;
use crate::segment::{Document, TokenKind};
use crate::types::{EntityKind, Span};

pub use features::{Candidate, FEATURES};
use model::Model;

/// Sentences before the pronoun's own in which its candidates are looked for…
pub const WINDOW: u32 = 5;

/// …and, when none is there, how far back (a pronoun that goes on naming the person of a
/// long passage: "she said" in the tenth sentence after her name). A wider [`WINDOW`] (10)
/// instead, which makes the near candidates compete with far ones, measured worse on GUM dev
/// and on PolNeAR's speakers.
pub const FAR_WINDOW: u32 = 25;

/// Candidates ranked at most, the most recently named first.
const MAX_CANDIDATES: usize = 8;

/// A pronoun resolved to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub span: Span,
    /// The pronoun's token.
    pub token: usize,
    /// The candidate's latest mention before the pronoun (an index into the layer's
    /// entities) and its cluster id.
    pub antecedent: usize,
    pub cluster: u32,
    /// The model's margin over the runner-up (infinite for the only candidate).
    pub margin: f32,
}

/// What a pronoun says of its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// "he", "she".
    Subject,
    /// "him", "her" (read as an object unless a noun follows), "himself".
    Object,
    /// "his", "her" before a noun, "hers".
    Possessive,
}

/// The gender and case of a gendered third-person pronoun (`None` for any other word).
pub fn pronoun(doc: &Document, k: usize) -> Option<(Gender, Case)> {
    use Case::*;
    use Gender::*;
    let next_is_word = doc
        .tokens
        .get(k + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && t.space_before);
    with_lower(doc.tok(k), |l| match l {
        "he" => Some((Male, Subject)),
        "she" => Some((Female, Subject)),
        "him" | "himself" => Some((Male, Object)),
        "herself" => Some((Female, Object)),
        "his" => Some((Male, Possessive)),
        "hers" => Some((Female, Possessive)),
        "her" if next_is_word => Some((Female, Possessive)),
        "her" => Some((Female, Object)),
        _ => None,
    })
}

/// The pronouns of people in the tokens not skipped, each resolved where a candidate agrees.
/// `marks`: the text's quotation marks.
pub fn resolve(
    doc: &Document,
    layer: &EntityLayer,
    marks: &Marks,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Resolution> {
    resolve_with(doc, layer, marks, skip, &model::MODEL, &mut |_, _| {})
}

/// [`resolve`] with the weights `model`; `seen` is shown every pronoun's candidates and the
/// index of the one chosen (the trainer learns from them).
pub fn resolve_with(
    doc: &Document,
    layer: &EntityLayer,
    marks: &Marks,
    skip: &dyn Fn(usize) -> bool,
    model: &Model,
    seen: &mut dyn FnMut(&Pronoun, &[Candidate]),
) -> Vec<Resolution> {
    let mut state = State::new(doc, layer, marks);
    let mut out = Vec::new();
    for k in 0..doc.tokens.len() {
        let Some((gender, case)) = pronoun(doc, k) else {
            continue;
        };
        if skip(doc.sentences[doc.tokens[k].sentence as usize].block) {
            continue;
        }
        let p = Pronoun {
            token: k,
            gender,
            case,
            quoted: state.is_quoted(doc.tokens[k].start),
        };
        let candidates = state.candidates(&p);
        seen(&p, &candidates);
        if let Some((best, margin)) = model.choose(&candidates) {
            let c = &candidates[best];
            state.chose(&p, c.cluster);
            out.push(Resolution {
                span: Span::new(doc.tokens[k].start, doc.tokens[k].end),
                token: k,
                antecedent: c.mention,
                cluster: c.cluster,
                margin,
            });
        }
    }
    out
}

/// A pronoun to resolve.
#[derive(Debug, Clone, Copy)]
pub struct Pronoun {
    pub token: usize,
    pub gender: Gender,
    pub case: Case,
    pub quoted: bool,
}

/// What the resolution knows as it goes: the person mentions, and what earlier pronouns
/// said of their clusters.
struct State<'a> {
    doc: &'a Document<'a>,
    layer: &'a EntityLayer,
    marks: &'a Marks,
    /// The person mentions with a cluster: index into the layer's entities, first token,
    /// last token.
    persons: Vec<(usize, usize, usize)>,
    /// Per person mention: how often its cluster was named up to and including it.
    named: Vec<u32>,
    /// The word classes around the person mentions.
    pos: Vec<Option<Pos>>,
    /// Per cluster (index = id − 1): the gender its resolved pronouns gave it.
    gender: Vec<Gender>,
    /// Per gender (male, female): the cluster the last pronoun went to.
    last: [Option<u32>; 2],
}

impl<'a> State<'a> {
    fn new(doc: &'a Document<'a>, layer: &'a EntityLayer, marks: &'a Marks) -> Self {
        let persons: Vec<(usize, usize, usize)> = layer
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.id.is_some())
            .filter_map(|(i, e)| {
                let a = doc.token_at(e.start);
                let b = doc.token_at(e.end).checked_sub(1)?;
                (a <= b && b < doc.tokens.len()).then_some((i, a, b))
            })
            .collect();
        let mut count = vec![0u32; layer.clusters.len()];
        let named = persons
            .iter()
            .map(|&(i, _, _)| {
                let n = &mut count[layer.entities[i].id.unwrap_or(1) as usize - 1];
                *n += 1;
                *n
            })
            .collect();
        let mut around: Vec<usize> = persons.iter().flat_map(|&(_, a, b)| [a, b]).collect();
        around.dedup();
        let pos = if persons.is_empty() {
            Vec::new()
        } else {
            pos::tag_around(doc, &around)
        };
        State {
            doc,
            layer,
            marks,
            persons,
            named,
            pos,
            gender: layer.genders.clone(),
            last: [None; 2],
        }
    }

    fn is_quoted(&self, at: usize) -> bool {
        self.marks.is_quoted(at)
    }

    /// The gender-compatible people named in the window before pronoun `p`, most recent
    /// first, one a cluster (its latest mention).
    fn candidates(&self, p: &Pronoun) -> Vec<Candidate> {
        let near = self.within(p, WINDOW);
        if near.is_empty() {
            self.within(p, FAR_WINDOW)
        } else {
            near
        }
    }

    /// The candidates of `p` named in its sentence and the `window` sentences before.
    fn within(&self, p: &Pronoun, window: u32) -> Vec<Candidate> {
        let doc = self.doc;
        let start = doc.tokens[p.token].start;
        let sentence = doc.tokens[p.token].sentence;
        let end = self
            .persons
            .partition_point(|&(i, _, _)| self.layer.entities[i].end <= start);
        let mut out: Vec<Candidate> = Vec::new();
        for &(i, a, b) in self.persons[..end].iter().rev() {
            let e = &self.layer.entities[i];
            if doc.tokens[a].sentence + window < sentence {
                break;
            }
            let id = e.id.unwrap_or(0);
            // Narration's pronouns go back to narration: whom a quote names is seldom
            // whom the reporter's next "he" means.
            if !p.quoted && self.is_quoted(e.start) {
                continue;
            }
            if out.iter().any(|c| c.cluster == id) {
                continue;
            }
            if !self.gender[id as usize - 1].compatible(p.gender) {
                continue;
            }
            out.push(self.candidate(p, i, a, b, out.len()));
            if out.len() == MAX_CANDIDATES {
                break;
            }
        }
        out
    }

    /// Records that `p` went to `cluster`: its gender, and the last pronoun of that gender.
    fn chose(&mut self, p: &Pronoun, cluster: u32) {
        let g = &mut self.gender[cluster as usize - 1];
        if *g == Gender::Unknown {
            *g = p.gender;
        }
        self.last[(p.gender == Gender::Female) as usize] = Some(cluster);
    }
}

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
//!
//! Definite descriptions of people ("the ambassador", "the Republican nominee",
//! [`descriptions`]) go to the person the text last gave that role, else to the person the
//! text is plainly about, or stay unresolved.

pub mod descriptions;
mod features;
pub mod model;
#[cfg(test)]
mod tests;

use crate::entities::EntityLayer;
use crate::lexicon::{with_lower, Gender, LEX};
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

/// A description's modifiers ("Republican") are looked for before this many of a person's
/// latest mentions (among 20 times as many people's): a long text's descriptions cost the
/// same each.
const NAMED_WITH_LOOK_BACK: usize = 50;

/// How often the person a description goes to for want of a role holder must have been
/// named before it (and twice as often as anyone else).
const MAIN_PERSON_MENTIONS: u32 = 3;

/// Person mentions looked back over for the person a text is about.
const MAIN_PERSON_LOOK_BACK: usize = 2_000;

/// The two sides of American party politics, as descriptions name them ("the GOP
/// nominee").
const PARTIES: [[&str; 2]; 2] = [["Democratic", "Democrat"], ["Republican", "GOP"]];

/// The side of [`PARTIES`] that word `w` names.
fn party(w: &str) -> Option<usize> {
    PARTIES.iter().position(|side| side.contains(&w))
}

/// Candidates ranked at most, the most recently named first.
const MAX_CANDIDATES: usize = 8;

/// Person mentions looked at for them at most: more than the window's sentences hold in
/// prose, and a bound when a text has no sentence ends.
const MENTIONS_BACK: usize = 400;

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
    /// The model's margin over the runner-up (infinite for the only candidate, and for a
    /// description resolved by its role).
    pub margin: f32,
    /// What decided it.
    pub basis: Basis,
}

/// What decided a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The pronoun model ranked the candidate first.
    Model,
    /// A description ("the ambassador") went to the person last given its role.
    Role,
    /// A description no one was given the role of went to the person the text is about
    /// ([`State::main_person`]).
    MainPerson,
    /// The pronoun or description of a reporting verb ("he said", "the Vermont senator
    /// said") went to the speaker of the latest attribution
    /// ([`crate::quotes::speakers_go_on`]).
    LatestSpeaker,
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
        let pronoun = pronoun(doc, k);
        let description = match pronoun {
            Some(_) => None,
            None => descriptions::description_at(doc, k),
        };
        if pronoun.is_none() && description.is_none() {
            continue;
        }
        if skip(doc.sentences[doc.tokens[k].sentence as usize].block) {
            continue;
        }
        let quoted = state.is_quoted(doc.tokens[k].start);
        let resolution = match (pronoun, description) {
            (Some((gender, case)), _) => {
                let p = Pronoun {
                    token: k,
                    gender,
                    case,
                    quoted,
                };
                state.resolve_pronoun(&p, model, seen)
            }
            (None, Some(d)) => state.resolve_description(&d, quoted),
            (None, None) => None,
        };
        out.extend(resolution);
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
        let mut out: Vec<Candidate> = Vec::new();
        for &(i, a, b) in self.in_window(p, window).take(MENTIONS_BACK) {
            let id = self.layer.entities[i].id.unwrap_or(0);
            if out.iter().any(|c| c.cluster == id) || !self.agrees(p, i, id) {
                continue;
            }
            out.push(self.candidate(p, i, a, b, out.len()));
            if out.len() == MAX_CANDIDATES {
                break;
            }
        }
        out
    }

    /// The person mentions that end before `p`, in text order.
    fn persons_before(&self, p: &Pronoun) -> &[(usize, usize, usize)] {
        let start = self.doc.tokens[p.token].start;
        let end = self
            .persons
            .partition_point(|&(i, _, _)| self.layer.entities[i].end <= start);
        &self.persons[..end]
    }

    /// Those of [`State::persons_before`] in `p`'s sentence and the `window` before it,
    /// latest first.
    fn in_window(
        &self,
        p: &Pronoun,
        window: u32,
    ) -> impl Iterator<Item = &(usize, usize, usize)> + '_ {
        let sentence = self.doc.tokens[p.token].sentence;
        self.persons_before(p)
            .iter()
            .rev()
            .take_while(move |&&(_, a, _)| self.doc.tokens[a].sentence + window >= sentence)
    }

    /// Whether `p` may stand for person mention `i` of cluster `id`: a gender that agrees,
    /// for `p` in narration a mention outside quotation marks (whom a quote names is seldom
    /// whom the reporter's next "he" means), and not a form of address.
    fn agrees(&self, p: &Pronoun, i: usize, id: u32) -> bool {
        let start = self.layer.entities[i].start;
        (p.quoted || !self.is_quoted(start))
            && self.gender[id as usize - 1].compatible(p.gender)
            && !self.addressed(start)
    }

    /// The mention at byte `start` follows "your", "my" or "our": it addresses someone
    /// ("Your Honor", "my Lord") or exclaims ("my God"), and "he" or "she" is someone else.
    fn addressed(&self, start: usize) -> bool {
        let k = self.doc.token_at(start);
        k > 0 && with_lower(self.doc.tok(k - 1), |w| matches!(w, "your" | "my" | "our"))
    }

    /// Pronoun `p` resolved by `model` (`seen` is shown its candidates).
    fn resolve_pronoun(
        &mut self,
        p: &Pronoun,
        model: &Model,
        seen: &mut dyn FnMut(&Pronoun, &[Candidate]),
    ) -> Option<Resolution> {
        let candidates = self.candidates(p);
        seen(p, &candidates);
        let (best, margin) = model.choose(&candidates)?;
        let c = &candidates[best];
        self.chose(p, c.cluster);
        let t = &self.doc.tokens[p.token];
        Some(Resolution {
            span: Span::new(t.start, t.end),
            token: p.token,
            antecedent: c.mention,
            cluster: c.cluster,
            margin,
            basis: Basis::Model,
        })
    }

    /// Description `d`: the person the text last gave its role, whose mentions carry its
    /// capitalised modifiers ("Ines Calloway, the ambassador, … the ambassador said";
    /// "Republican presidential nominee Donald Trump … the Republican nominee"). A
    /// description whose role the text gives nobody goes to the person the text is plainly
    /// about ([`State::main_person`]), or stays unresolved: read as a pronoun (the latest
    /// person), "the Vermont senator" and "the Indiana governor" went to the wrong person
    /// about one time in two on PolNeAR dev (which senator is world knowledge).
    fn resolve_description(
        &self,
        d: &descriptions::Description,
        quoted: bool,
    ) -> Option<Resolution> {
        let doc = self.doc;
        let p = Pronoun {
            token: d.head,
            gender: d.gender,
            case: Case::Subject,
            quoted,
        };
        let ((mention, cluster), basis) = match self.role_holder(&p, d) {
            Some(found) => (found, Basis::Role),
            None => (self.main_person(&p, d)?, Basis::MainPerson),
        };
        Some(Resolution {
            span: Span::new(doc.tokens[d.first].start, doc.tokens[d.head].end),
            token: d.head,
            antecedent: mention,
            cluster,
            margin: f32::INFINITY,
            basis,
        })
    }

    /// The person the text is about when description `d` (its role noun at `p`) comes, for
    /// a public role only ([`descriptions::Description::public`]): of those named before
    /// it, outside quotation marks (when `p` is) and of a compatible gender, the one named
    /// most often, at least [`MAIN_PERSON_MENTIONS`] times and at least twice as often as
    /// anyone else that fits ("the businessman said" in a story that names Donald Trump
    /// seven times and no one else twice); not one the text named with another party than
    /// `d` names or never with its people ([`State::of_its_people`]), nor one named in the
    /// description's own sentence. Its latest mention and cluster.
    fn main_person(&self, p: &Pronoun, d: &descriptions::Description) -> Option<(usize, u32)> {
        if !d.public {
            return None;
        }
        let before = self.persons_before(p);
        // Per cluster: its latest mention of a gender that fits and how often it was named by
        // then, the latest first.
        let mut seen = vec![false; self.layer.clusters.len() + 1];
        let mut latest: Vec<(usize, u32, u32)> = Vec::new();
        // Among the latest mentions: a person the text is about was named among them, and
        // the counts are the whole text's (a bound that keeps a long text linear).
        let recent = before.len().saturating_sub(MAIN_PERSON_LOOK_BACK);
        for (j, &(i, _, _)) in before.iter().enumerate().skip(recent).rev() {
            let Some(id) = self.layer.entities[i].id else {
                continue;
            };
            if !seen[id as usize] && self.agrees(p, i, id) {
                seen[id as usize] = true;
                latest.push((i, id, self.named[j]));
            }
        }
        // Of those, the two most named (the latest first among equals) whom the description's
        // party and people fit. Picked, not sorted: a sort of its own costs the wasm 6 KB.
        let fits =
            |id: u32| !self.of_another_party(before, id, d) && self.of_its_people(before, id, d);
        let mut most_named = || loop {
            let k = (0..latest.len()).min_by_key(|&k| std::cmp::Reverse(latest[k].2))?;
            let found = latest.remove(k);
            if fits(found.1) {
                return Some(found);
            }
        };
        let (i, id, n) = most_named()?;
        let runner_up = most_named().map_or(0, |(_, _, n)| n);
        // Named in the description's own sentence, a person is named again by a pronoun, not
        // a description: "Trump took on Clinton after the Democratic front-runner said".
        let sentence = |k: usize| self.doc.tokens[k].sentence;
        let same_sentence =
            sentence(self.doc.token_at(self.layer.entities[i].start)) == sentence(p.token);
        (n >= MAIN_PERSON_MENTIONS && n >= 2 * runner_up && !same_sentence).then_some((i, id))
    }

    /// The latest person before `p` in the [`FAR_WINDOW`] whose cluster has the role of
    /// `d`, of a compatible gender (outside quotation marks when `p` is), preferring one
    /// with a mention that carries each of `d`'s capitalised modifiers just before it
    /// ("Republican"; a place may be written otherwise: "California congressman" of "Rep.
    /// Adam Schiff (D-Calif.)"): its mention and cluster.
    fn role_holder(&self, p: &Pronoun, d: &descriptions::Description) -> Option<(usize, u32)> {
        // The latest mention of each cluster that fits.
        let mut holders: Vec<(usize, u32)> = Vec::new();
        for &(i, _, _) in self.in_window(p, FAR_WINDOW).take(MENTIONS_BACK) {
            let Some(id) = self.layer.entities[i].id else {
                continue;
            };
            let fits = self.agrees(p, i, id)
                && self.layer.clusters[id as usize - 1].roles.contains(&d.role)
                && !holders.iter().any(|&(_, h)| h == id);
            if fits {
                holders.push((i, id));
            }
        }
        let before = self.persons_before(p);
        holders
            .iter()
            .find(|&&(_, id)| {
                d.names
                    .iter()
                    .all(|&t| self.named_with(before, id, self.doc.tok(t)))
            })
            .or(holders.first())
            .copied()
    }

    /// Whether description `d` names a party ("the Democratic front-runner") and the text
    /// named cluster `id` with the other one ("Republican nominee Donald Trump").
    fn of_another_party(
        &self,
        mentions: &[(usize, usize, usize)],
        id: u32,
        d: &descriptions::Description,
    ) -> bool {
        d.names.iter().any(|&t| {
            party(self.doc.tok(t)).is_some_and(|side| {
                PARTIES[1 - side]
                    .iter()
                    .any(|o| self.named_with(mentions, id, o))
            })
        })
    }

    /// Whether cluster `id` was named with each people's name `d` holds, other than a
    /// party's, or with its country ("Russian" of "the Russian leader": "Russian President
    /// Vladimir Putin", "President Vladimir V. Putin of Russia").
    fn of_its_people(
        &self,
        mentions: &[(usize, usize, usize)],
        id: u32,
        d: &descriptions::Description,
    ) -> bool {
        /// Words after a name that may hold its country ("of Russia").
        const AFTER: usize = 3;
        d.names.iter().all(|&t| {
            let w = self.doc.tok(t);
            let Some(country) = LEX.demonyms.get(w) else {
                return true;
            };
            let near = |&(i, _, b): &(usize, usize, usize)| {
                let after = b + 1..(b + 1 + AFTER).min(self.doc.tokens.len());
                self.layer.entities[i].id == Some(id)
                    && after.into_iter().any(|k| Some(self.doc.tok(k)) == *country)
            };
            party(w).is_some()
                || self.named_with(mentions, id, w)
                || mentions
                    .iter()
                    .rev()
                    .take(NAMED_WITH_LOOK_BACK * 20)
                    .any(near)
        })
    }

    /// Whether one of the latest [`NAMED_WITH_LOOK_BACK`] mentions of cluster `id` among
    /// `mentions` has `word` among the few words before it ("Republican" of "Republican
    /// presidential nominee Donald Trump").
    #[inline(never)] // Called in three places: inlined, 460 bytes more of gzipped wasm.
    fn named_with(&self, mentions: &[(usize, usize, usize)], id: u32, word: &str) -> bool {
        const BEFORE: usize = 4;
        mentions
            .iter()
            .rev()
            .take(NAMED_WITH_LOOK_BACK * 20)
            .filter(|&&(i, _, _)| self.layer.entities[i].id == Some(id))
            .take(NAMED_WITH_LOOK_BACK)
            .any(|&(_, a, _)| (a.saturating_sub(BEFORE)..a).any(|k| self.doc.tok(k) == word))
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

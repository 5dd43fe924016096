//! Quotations and who said them.
//!
//! Quotation marks are paired one paragraph at a time, so a mark that never closes ends with its
//! paragraph instead of shifting every later pair. Curly marks nest; straight marks toggle; a
//! closing mark at the start of a paragraph (`” It’s time…`, scraped text) opens. A quote left
//! open at the end of a paragraph continues when the next paragraph opens with a mark, the
//! convention for multi-paragraph quotes.
//!
//! Speakers come from a sieve of increasingly loose rules, each recorded in `why`: a reporting
//! verb right after the quote (`"…", X said` / `said X`), one before it in the same sentence
//! (`X said: "…"`), a paragraph ending `X told the rally:`, the previous quote's speaker for a
//! quote-only paragraph, and the subject of the sentence for a partial quote. Pronouns and
//! descriptions ("he", "the ambassador") resolve as [`crate::coref`] resolved them.
//!
//! A reporting verb is a verb: a speech-verb form that may be another word class ("states",
//! "notes", "claims", "questions") is a cue only where the part-of-speech tagger reads a verb
//! ([`crate::pos::tag_around`], run on the few words around such forms), or right after its
//! subject, or right after a quote, or in a title-cased headline, where the tagger is unsure.
//!
//! The folder reads in the order of the work: [`marks`] pairs the marks; [`sieve`] finds each
//! quote's speaker, one rule a file, from the words around it ([`cues`], [`mentions`],
//! [`subjects`], [`words`]); [`resolve`] turns the mention into the entity it names;
//! [`reported`] finds reported speech without marks; and [`topic`] gives "he said" to the
//! latest speaker.

mod cues;
mod documents;
mod marks;
mod mentions;
mod reported;
mod resolve;
mod sieve;
mod subjects;
#[cfg(test)]
mod tests;
mod topic;
mod words;

pub use marks::Marks;
pub use topic::speakers_go_on;

use crate::coref::Resolution;
use crate::entities::EntityLayer;
use crate::lexicon::Gender;
use crate::pos::Pos;
use crate::segment::Document;
use crate::types::{EntityKind, Quote, Span};
use marks::RawQuote;

/// How many earlier quotes or mentions a fallback looks back over: enough for any paragraph
/// of prose, and a bound that keeps a whole book on one line linear.
const LOOK_BACK: usize = 50;

/// How many tokens of a sentence a rule reads on each side of its quote or verb: more than any
/// real sentence holds, and a bound that keeps a book-length "sentence" (text with no full
/// stops) linear.
const SENTENCE_REACH: usize = 120;

/// A speaker mention found in the text before resolution.
#[derive(Debug, Clone)]
struct SpeakerMention {
    span: Span,
    /// Index into `layer.entities` when the mention is a name.
    entity: Option<usize>,
    pronoun: Option<Gender>,
}

struct Ctx<'a> {
    doc: &'a Document<'a>,
    layer: &'a EntityLayer,
    /// The text's quotation marks (entities inside direct quotes are not antecedents).
    marks: &'a Marks,
    /// The pronouns and descriptions resolved to people ([`crate::coref`]), in order.
    pronouns: &'a [Resolution],
    /// Word classes of the cue words other than "say" and "tell" and their neighbours
    /// ([`cue_classes`]); `None` elsewhere.
    pos: Vec<Option<Pos>>,
    /// The article's headline ([`sieve::headline::headline_block`]).
    headline: Option<usize>,
    /// Word classes of every "that" and its neighbours, tagged the first time reported
    /// speech asks ([`reported`]).
    that_classes: std::cell::OnceCell<Vec<Option<Pos>>>,
}

impl Ctx<'_> {
    /// The name entity covering token `i`, if any (`None` past the last token).
    fn entity_at(&self, i: usize) -> Option<usize> {
        let t = self.doc.tokens.get(i)?;
        let k = self.layer.entities.partition_point(|e| e.end <= t.start);
        let e = self.layer.entities.get(k)?;
        (e.start <= t.start && t.end <= e.end && e.kind.is_name()).then_some(k)
    }

    fn word(&self, i: usize) -> &str {
        self.doc.tok(i)
    }

    /// `quoted` is sorted and its spans do not overlap: a binary search finds the one that
    /// could hold `pos`.
    fn inside_quote(&self, pos: usize) -> bool {
        self.marks.is_quoted(pos)
    }

    fn token_quoted(&self, k: usize) -> bool {
        self.inside_quote(self.doc.tokens[k].start)
    }

    fn is_pronoun_mention(&self, m: &SpeakerMention) -> bool {
        m.pronoun.is_some() || words::is_pronoun_word(&self.doc.text[m.span.start..m.span.end])
    }
}

/// A nickname inside a person's name (`Marcia "Cia" Price`): the name's, not a quote.
fn inside_a_name(layer: &EntityLayer, q: &RawQuote) -> bool {
    q.parts.iter().all(|p| {
        let k = layer.entities.partition_point(|e| e.start < p.start);
        k > 0 && {
            let e = &layer.entities[k - 1];
            e.kind == EntityKind::Person && p.end < e.end
        }
    })
}

/// Finds the quotes of the blocks marked `true` in `article`, between the `marks` of `doc`;
/// `pronouns`: the pronouns resolved to people, in order.
pub fn find(
    doc: &Document,
    layer: &EntityLayer,
    article: &[bool],
    marks: &Marks,
    pronouns: &[Resolution],
) -> Vec<Quote> {
    let ctx = Ctx {
        doc,
        layer,
        pos: cues::cue_classes(doc),
        marks,
        pronouns,
        headline: sieve::headline::headline_block(doc, article),
        that_classes: std::cell::OnceCell::new(),
    };
    let mut out: Vec<Quote> = Vec::new();
    for q in marks.raw() {
        if inside_a_name(layer, q) {
            continue;
        }
        let Some(site) = sieve::Site::new(doc, q, article) else {
            continue;
        };
        let quote = sieve::attribute(&ctx, &site, &out);
        if !sieve::joins_previous(doc, &mut out, &quote) {
            out.push(quote);
        }
    }
    let reported = reported::reported_speech(&ctx, article, &out);
    out.extend(reported);
    out.sort_by_key(|q| q.start);
    out
}

//! The speaker sieve: rules from the most precise to the loosest, each in its own file with
//! its examples, and the first that finds a speaker decides. Each rule records in `why` what
//! it read. A rule that only guesses (a quote-only paragraph after someone's quote) marks its
//! finding as a guess, and the quote's confidence is low.
//!
//! | rule | reads |
//! |---|---|
//! | [`verb_after`] | `"…," X said`, `"…," said X`, `"…" ― X` |
//! | [`in_sentence`] | `Trump's claim that "…"`, `as X put it`, `according to X`, `, she said,` |
//! | [`verb_before`] | `X said: "…"`, `X told reporters that "…"` |
//! | [`sentence_final`] | `"…" and "…", X said.` |
//! | [`paragraph_introduces`] | a paragraph ending `X told the rally:` |
//! | [`speech_noun_colon`] | `X made the following comment: "…"`, with no reporting verb |
//! | [`sentence_before_reports`] | `…, Schiff said. “…”` in one paragraph |
//! | [`continues`] | a quote after one by a known speaker, in its paragraph or opening the next |
//! | [`paragraph_before_reports`] | a quote paragraph after one that reports someone |
//! | [`headline`] | `Obama on Climate Change: The Trends Are 'Terrifying'` |
//! | [`partial_guess`] | words quoted inside a sentence with no reporting verb near them |

mod continues;
pub(super) mod headline;
mod in_sentence;
mod paragraph_before_reports;
mod paragraph_introduces;
mod partial_guess;
mod sentence_before_reports;
mod sentence_final;
mod speech_noun_colon;
mod verb_after;
mod verb_before;

use super::marks::RawQuote;
use super::{Ctx, SpeakerMention, LOOK_BACK, SENTENCE_REACH};
use crate::lexicon::LEX;
use crate::segment::{count_words, count_words_upto, Document};
use crate::types::{Confidence, Cue, EntityKind, Quote, QuoteKind, Span};

/// Where a quote stands, as the rules read it.
pub(super) struct Site<'q> {
    pub(super) quote: &'q RawQuote,
    /// Its first and last pieces.
    pub(super) first: Span,
    pub(super) last: Span,
    /// The paragraph of its first piece.
    pub(super) block: usize,
    /// The token of its opening mark, and the token after its closing mark.
    pub(super) open_tok: usize,
    pub(super) after_tok: usize,
    /// The first token of the sentence of its opening mark.
    pub(super) s0: usize,
    /// Nothing stands before the opening mark in its sentence (within reach).
    pub(super) opens_sentence: bool,
    /// It starts a sentence of its own: first in its sentence, or after a colon, a dash or a
    /// reporting verb.
    pub(super) begins_sentence: bool,
    /// Its words, all pieces joined.
    pub(super) text: String,
    pub(super) words: usize,
    /// The paragraph before it is part of the article.
    pub(super) after_article_paragraph: bool,
}

impl<'q> Site<'q> {
    /// The site of `quote`, if it is one to attribute: in the article, with words, and not a
    /// mark left open on a short or mid-sentence run of words.
    pub(super) fn new(doc: &Document, quote: &'q RawQuote, article: &[bool]) -> Option<Self> {
        let first = quote.parts[0];
        let last = *quote.parts.last().unwrap();
        let block = doc.block_at(first.start);
        if !article.get(block).copied().unwrap_or(true) {
            return None;
        }
        let text: String = quote
            .parts
            .iter()
            .map(|p| &doc.text[p.start..p.end])
            .collect::<Vec<_>>()
            .join(" ");
        let words = count_words(&text);
        if words == 0 {
            return None;
        }
        let open_tok = doc.token_at(first.start);
        let sent = doc.tokens.get(open_tok).map(|t| t.sentence as usize);
        let s0 = sent.map_or(open_tok, |s| doc.sentences[s].tokens.0);
        // What stands before the opening mark in its sentence, within reach.
        let pre: Vec<&str> = (s0.max(open_tok.saturating_sub(SENTENCE_REACH))..open_tok)
            .map(|k| doc.tok(k))
            .collect();
        let begins_sentence = pre.is_empty()
            || matches!(pre.last().copied(), Some(":" | "—" | "–"))
            || pre.last().is_some_and(|w| LEX.speech_verb(w).is_some())
            || (pre.last() == Some(&",") && pre.iter().any(|w| LEX.speech_verb(w).is_some()));
        if quote.unclosed && (words < 4 || !begins_sentence) {
            return None;
        }
        Some(Site {
            quote,
            first,
            last,
            block,
            open_tok,
            after_tok: doc.token_at(last.end),
            s0,
            opens_sentence: pre.is_empty(),
            begins_sentence,
            text,
            words,
            after_article_paragraph: block > 0 && article.get(block - 1) == Some(&true),
        })
    }
}

/// What a rule found: the mention of the speaker, the reporting verb, why, and whether it is
/// only a guess.
pub(super) struct Found {
    pub(super) mention: SpeakerMention,
    pub(super) verb: Option<usize>,
    pub(super) why: String,
    pub(super) guess: bool,
}

impl Found {
    fn sure(mention: SpeakerMention, verb: Option<usize>, why: String) -> Self {
        Found {
            mention,
            verb,
            why,
            guess: false,
        }
    }

    fn guess(mention: SpeakerMention, verb: Option<usize>, why: String) -> Self {
        Found {
            mention,
            verb,
            why,
            guess: true,
        }
    }
}

/// A rule: the quote's site and the quotes found before it, to a speaker.
type Rule = fn(&Ctx, &Site, &[Quote]) -> Option<Found>;

/// The rules for a quote's speaker, most precise first.
const RULES: &[Rule] = &[
    verb_after::rule,
    in_sentence::rule,
    verb_before::rule,
    sentence_final::rule,
    paragraph_introduces::rule,
    speech_noun_colon::rule,
    sentence_before_reports::rule,
    continues::rule,
    paragraph_before_reports::rule,
    headline::rule,
];

/// The quote at `site`, its kind and its speaker: the first rule's finding, then, for words
/// quoted inside a sentence that no rule attributed, [`partial_guess`].
pub(super) fn attribute(ctx: &Ctx, site: &Site, before: &[Quote]) -> Quote {
    let mut found = RULES.iter().find_map(|rule| rule(ctx, site, before));
    let kind = if site.quote.single && site.words <= 4 && found.is_none() {
        QuoteKind::Mention
    } else if site.begins_sentence && site.words >= 3 {
        QuoteKind::Direct
    } else if found.is_some() {
        if site.begins_sentence {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    } else if !site.quote.single {
        // Words quoted inside a sentence with no reporting verb near them: still someone's
        // words (news rarely quotes for nothing), so a partial quote, its source a guess.
        found = partial_guess::guess(ctx, site, before);
        QuoteKind::Partial
    } else {
        QuoteKind::Mention
    };
    build(ctx, site, kind, found)
}

/// The quote, its speaker resolved ([`Ctx::speaker`]) and `why` completed: how a pronoun or
/// description resolved, or that no one was found (with the person named nearest before it
/// as a lead for the reader).
fn build(ctx: &Ctx, site: &Site, kind: QuoteKind, found: Option<Found>) -> Quote {
    let doc = ctx.doc;
    let found = found.filter(|_| kind != QuoteKind::Mention);
    let mut confidence = if found.as_ref().is_some_and(|f| f.guess) {
        Confidence::Low
    } else {
        Confidence::High
    };
    let (speaker, cue, why) = match found {
        Some(f) => {
            let (s, resolved) = ctx.speaker(&f.mention);
            let mut why = f.why;
            if f.mention.pronoun.is_some() || f.mention.entity.is_none() {
                if resolved {
                    why.push_str(&format!("; '{}' resolved to {}", s.text, s.name));
                    let named_in_place = f.mention.span.contains(Span::new(s.start, s.end));
                    if f.mention.pronoun.is_some() && !named_in_place {
                        confidence = Confidence::Low;
                    }
                } else {
                    why.push_str(&format!("; '{}' not resolved to a name", s.text));
                    confidence = Confidence::Low;
                }
            }
            let cue = f.verb.map(|v| {
                let t = &doc.tokens[v];
                Cue {
                    start: t.start,
                    end: t.end,
                    text: doc.tok(v).to_string(),
                }
            });
            (Some(s), cue, why)
        }
        None if kind == QuoteKind::Mention => {
            let why = if site.quote.single {
                "single-quoted words with no speaker: a scare quote or title"
            } else {
                "quoted words with no reporting verb: a scare quote or title"
            };
            (None, None, why.to_string())
        }
        // Speech with no speaker found is credited to no one (a guess, the person named
        // nearest before it, was right for 5 of 17 quotes of named speakers on PolNeAR dev,
        // and its wrong guesses merged people); that person is named in `why` as a lead.
        None => {
            confidence = Confidence::Low;
            let why = match nearest_person_before(ctx, site.first.start, site.block) {
                Some(name) => format!(
                    "no reporting verb or speaker found nearby (the person named nearest before \
                     it: {name})"
                ),
                None => "no reporting verb or speaker found nearby".into(),
            };
            (None, None, why)
        }
    };
    Quote {
        start: site.first.start,
        end: site.last.end,
        parts: site.quote.parts.clone(),
        text: site.text.clone(),
        kind,
        speaker,
        cue,
        confidence,
        why,
    }
}

/// Whether a subject found with no reporting verb names someone: a name that is not a place
/// (`LOS ANGELES, Sept. 28 (UPI) —` opens a sentence, and a place speaks only with a verb), a
/// pronoun, or a description.
fn names_someone(ctx: &Ctx, m: &SpeakerMention) -> bool {
    let last = ctx.doc.text[m.span.start..m.span.end]
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let place = m
        .entity
        .is_some_and(|e| ctx.layer.entities[e].kind == EntityKind::Place);
    (m.entity.is_some() && !place)
        || m.pronoun.is_some()
        || crate::quotes::words::is_description_noun(last)
}

/// The colon that ends the paragraph before the quote's, when the quote opens its own
/// sentence there: `… Haley told the council:` / `“We will not stand by.”`.
fn colon_ending_paragraph_before(ctx: &Ctx, site: &Site) -> Option<usize> {
    let doc = ctx.doc;
    if !site.opens_sentence || site.block == 0 {
        return None;
    }
    let prev = doc.blocks[site.block - 1];
    let last = doc.token_at(prev.end).checked_sub(1)?;
    (last >= doc.token_at(prev.start) && ctx.word(last) == ":").then_some(last)
}

/// The name of the person mentioned last before `pos` in its paragraph or the one before,
/// outside quotation marks.
fn nearest_person_before(ctx: &Ctx, pos: usize, block: usize) -> Option<String> {
    let (doc, layer) = (ctx.doc, ctx.layer);
    let from = doc.blocks[block.saturating_sub(1)].start;
    let k = layer.entities.partition_point(|e| e.start < pos);
    let e = (0..k)
        .rev()
        .take_while(|&i| layer.entities[i].start >= from)
        .take(LOOK_BACK)
        .find(|&i| {
            layer.entities[i].kind == EntityKind::Person
                && !ctx.inside_quote(layer.entities[i].start)
        })?;
    Some(layer.name_of(&layer.entities[e]))
}

/// `"A," he said, "B."`: one quote by one speaker in two pieces; also `"A," said X, a
/// professor at Y. "B."`, where B has no attribution of its own. Joins `quote` to the last
/// of `out` when it continues it, and says whether it did.
pub(super) fn joins_previous(doc: &Document, out: &mut [Quote], quote: &Quote) -> bool {
    let Some(prev) = out.last_mut() else {
        return false;
    };
    let gap = Span::new(prev.end, quote.start);
    let gap_text = doc.text[gap.start..gap.end].trim();
    let same_cue = prev
        .cue
        .as_ref()
        .is_some_and(|c| gap.contains(Span::new(c.start, c.end)));
    // Counting the gap's words stops past 40: it may be paragraphs long.
    let gap_words = || count_words_upto(gap_text, 41);
    let joins = (gap_text.ends_with([',', ':']) && gap_words() <= 8)
        || (quote.cue.is_none() && gap_text.ends_with('.') && gap_words() <= 40);
    if quote.kind == QuoteKind::Mention
        || prev.kind == QuoteKind::Mention
        || doc.block_at(prev.end) != doc.block_at(quote.start)
        || !same_cue
        || !joins
    {
        return false;
    }
    prev.parts.extend(quote.parts.iter().copied());
    prev.end = quote.end;
    prev.text.push(' ');
    prev.text.push_str(&quote.text);
    true
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    /// A quote with no reporting verb or speaker near it is credited to no one; the person
    /// named last before it is only a lead in `why`.
    #[test]
    fn no_speaker_is_guessed() {
        let text = "Mary Blige sang at the rally on Friday.\n\n\
                    \"Promise mama you'll keep your hands in sight, and come home safe tonight.\"";
        assert_quote(text, "Promise mama", None, QuoteKind::Direct);
        let qs = quotes(text);
        let q = qs.iter().find(|q| q.text.contains("Promise")).unwrap();
        assert_eq!(q.confidence, Confidence::Low);
        assert!(q.why.contains("nearest before it: Mary Blige"), "{}", q.why);
    }

    #[test]
    fn split_quote_is_one_quote() {
        let qs = quotes("“We came,” Sam Reed said, “and we won.”");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].parts.len(), 2);
        assert_eq!(qs[0].speaker.as_ref().unwrap().name, "Sam Reed");
    }
}

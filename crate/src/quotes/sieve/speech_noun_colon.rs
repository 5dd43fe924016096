//! A speech noun and a colon before the quote, with no reporting verb: `President Obama is
//! rolling out a new and more personal campaign message: "It's about me."`, `Sanders made
//! the following comment:` / `"For young people who …"`. The words are the sentence's
//! subject's. A possessive before the noun ("his message:") names someone else's words, and
//! [`super::in_sentence`] reads it first.

use super::{colon_ending_paragraph_before, names_someone, Found, Site};
use crate::lexicon::with_lower;
use crate::quotes::words::SPEECH_NOUNS;
use crate::quotes::Ctx;
use crate::types::Quote;

/// How many tokens may stand between the noun and the colon ("message for voters:").
const NOUN_REACH: usize = 4;

/// The subject of the sentence whose speech noun and colon open the quote, in its sentence or
/// ending the paragraph before: the clause's subject past an opening phrase ("When Wallace
/// died in 1998, President Clinton released the following statement:"), else the person
/// nearest before the noun's phrase.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let colon = colon_before(ctx, site)?;
    let doc = ctx.doc;
    let s0 = doc.sentences[doc.tokens[colon].sentence as usize].tokens.0;
    let noun = (colon.saturating_sub(NOUN_REACH).max(s0)..colon)
        .rev()
        .find(|&k| with_lower(ctx.word(k), |l| SPEECH_NOUNS.contains(&l)))?;
    let owned = noun > s0
        && matches!(
            ctx.word(noun - 1),
            "his" | "her" | "their" | "its" | "'s" | "’s"
        );
    if owned || (noun..colon).any(|k| ctx.is_reporting_verb(k)) {
        return None;
    }
    // The subject before the noun's phrase ("a new campaign message" is not one).
    let mut phrase = noun;
    while phrase > s0 && is_modifier(ctx.word(phrase - 1)) {
        phrase -= 1;
        if matches!(ctx.word(phrase), "a" | "an" | "the" | "this" | "that") {
            break;
        }
    }
    let m = ctx
        .clause_subject(s0, phrase)
        .or_else(|| ctx.subject_before(phrase, s0, false))
        .filter(|m| names_someone(ctx, m))?;
    let why = format!(
        "a speech noun and a colon before the quote: '{}'",
        ctx.word(noun)
    );
    Some(Found::sure(m, None, why))
}

/// The colon right before the quote's opening mark, or ending the paragraph before when the
/// quote opens its own.
fn colon_before(ctx: &Ctx, site: &Site) -> Option<usize> {
    let before = site.open_tok.checked_sub(1)?;
    if before >= site.s0 && ctx.word(before) == ":" {
        return Some(before);
    }
    colon_ending_paragraph_before(ctx, site)
}

/// A word of a noun phrase before its noun, back to its determiner: a lowercase word that is
/// not a verb of speech ("a new and more personal campaign", "the following").
fn is_modifier(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && !w.is_empty()
        && crate::lexicon::LEX.speech_verb(w).is_none()
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn the_subject_of_a_speech_noun_and_a_colon_speaks() {
        assert_mention(
            "President Barack Obama is rolling out a new campaign message: \"It's about me \
             and my record.\"",
            "It's about",
            "Barack Obama",
            "Barack Obama",
        );
        assert_mention(
            "On July 6, Bernie Sanders made the following comment:\n\n\"For young people \
             who have graduated, the rate is 33 percent.\"",
            "For young",
            "Bernie Sanders",
            "Bernie Sanders",
        );
    }

    #[test]
    fn not_someone_elses_words() {
        let qs = quotes(
            "Critics seized on his message: \"It's about me and my record.\" Anna Bell spoke \
             later.",
        );
        let q = qs.iter().find(|q| q.text.contains("about me")).unwrap();
        assert!(
            q.speaker.as_ref().is_none_or(|s| s.name != "Critics"),
            "{q:#?}"
        );
    }
}

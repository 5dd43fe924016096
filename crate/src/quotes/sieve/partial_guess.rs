//! Words quoted inside a sentence with no reporting verb near them are still someone's words
//! (news rarely quotes for nothing): a reporting verb earlier in the sentence, else the
//! sentence's subject, else the speaker of the paragraph's previous quote. All guesses, and
//! marked as such. `Critics called the plan “a disgrace”` is the critics'.

use super::{names_someone, Found, Site};
use crate::quotes::resolve::previous_speaker;
use crate::quotes::{Ctx, LOOK_BACK};
use crate::types::Quote;

/// The first of the three guesses that finds someone.
pub(super) fn guess(ctx: &Ctx, site: &Site, before: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if let Some((m, v)) = ctx.before_quote(site.open_tok, 40) {
        let why = format!("reporting verb '{}' earlier in the sentence", doc.tok(v));
        return Some(Found::guess(m, Some(v), why));
    }
    if let Some(m) = sentence_subject(ctx, site) {
        let why = "subject of the sentence (no reporting verb)".into();
        return Some(Found::guess(m, None, why));
    }
    let s = before
        .iter()
        .rev()
        .take_while(|p| doc.block_at(p.start) == site.block)
        .take(LOOK_BACK)
        .find_map(|p| p.speaker.as_ref())?;
    let why = "the speaker of the paragraph's previous quote (no reporting verb)".into();
    Some(Found::guess(previous_speaker(s, ctx.layer), None, why))
}

/// The subject opening the quote's sentence, if it names someone ([`names_someone`]).
fn sentence_subject(ctx: &Ctx, site: &Site) -> Option<crate::quotes::SpeakerMention> {
    ctx.subject_before(site.open_tok, site.s0.min(site.open_tok), true)
        .filter(|m| names_someone(ctx, m))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    /// A dateline opens the sentence, and is no guessed speaker of words quoted without a
    /// reporting verb.
    #[test]
    fn a_place_is_no_guessed_subject() {
        let qs = quotes(
            "LOS ANGELES, Sept. 28 (UPI) — In a preview clip, the band plays \"American Skin \
             for the crowd\" to Hillary Clinton.",
        );
        assert!(
            qs.iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "LOS ANGELES")),
            "{qs:#?}"
        );
    }

    #[test]
    fn scare_quotes_have_no_speaker() {
        assert_quote(
            "Iran derides Trump 'blunder' at UN",
            "blunder",
            None,
            QuoteKind::Mention,
        );
    }
}

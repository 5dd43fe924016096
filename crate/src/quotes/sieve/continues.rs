//! A quote with no attribution of its own that follows one by a known speaker: in the same
//! paragraph (news convention: a new speaker would come with a reporting verb of their own,
//! which the rules before this one find first), or opening the next paragraph (likely, but a
//! guess). `“We are ready,” Haley said. “We have been for weeks.”`

use super::{Found, Site};
use crate::quotes::resolve::previous_speaker;
use crate::quotes::{Ctx, LOOK_BACK};
use crate::segment::count_words_upto;
use crate::types::{Quote, QuoteKind};

/// The speaker of the latest direct quote (or partial quote of five words or more: not the
/// titles and few words quoted inside an attribution, `said Cuban, a host on "Shark Tank."`)
/// in this paragraph, or in the one before when this quote opens its paragraph.
pub(super) fn rule(ctx: &Ctx, site: &Site, before: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if !site.opens_sentence {
        return None;
    }
    let p = before
        .iter()
        .rev()
        .take_while(|p| doc.block_at(p.end) + 1 >= site.block)
        .take(LOOK_BACK)
        .find(|p| {
            p.kind == QuoteKind::Direct
                || (p.kind == QuoteKind::Partial && count_words_upto(&p.text, 5) > 4)
        })?;
    let s = p.speaker.as_ref()?;
    let prev_block = doc.block_at(p.end);
    let m = previous_speaker(s, ctx.layer);
    if prev_block == site.block {
        let why = "continues the quote before it in the same paragraph".into();
        Some(Found::sure(m, None, why))
    } else if prev_block + 1 == site.block && doc.blocks[site.block].start == site.first.start {
        let why = "a quote-only paragraph after a quote by the same speaker".into();
        Some(Found::guess(m, None, why))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn the_speaker_goes_on_in_the_same_paragraph() {
        // Other people named in the apposition do not take the second piece, which continues
        // the same quote.
        let t = "“It was a cynical place,” said Tim Hess, a developer who introduced Mr. Clarke to his bank. “But people lean forward.”";
        assert_quote(t, "It was", Some("Tim Hess"), QuoteKind::Direct);
        assert_eq!(quotes(t)[0].parts.len(), 2);
    }

    #[test]
    fn attribution_in_the_next_paragraph_does_not_count() {
        let t = "“We will see what happens next in the talks,” the statement ended.\n\nJohn Hale said the vote was close.";
        let qs = quotes(t);
        assert!(
            qs[0].speaker.as_ref().is_none_or(|s| s.name != "John Hale"),
            "{qs:#?}"
        );
    }
}

//! A quote in the headline, which names its speaker by opening with them and seldom has a
//! reporting verb: `Obama on Climate Change: The Trends Are 'Terrifying.'`, `Hillary Clinton
//! Speaks ‘Directly To White People’ After Latest Police Shooting`, `Trump questions the
//! fairness of moderators; talk compared to 'working the referees'`. Headlines quote in
//! single marks, so without this rule their few words read as scare quotes.
//!
//! On PolNeAR's headline quotes, the name that opens the headline is the speaker in all but a
//! handful, and those ("Ted Cruz Is A ‘Natural Born Citizen,’ Board Of Election Finds") have
//! a reporting verb that the rules before this one read first.

use super::{Found, Site};
use crate::quotes::Ctx;
use crate::quotes::SpeakerMention;
use crate::segment::{count_words_upto, Document};
use crate::types::{EntityKind, Quote};

/// Longer than this, the first paragraph is prose, not a headline.
const HEADLINE_WORDS: usize = 30;

/// The headline: the article's first paragraph (of those marked `true` in `article`), if it
/// is short.
pub(in crate::quotes) fn headline_block(doc: &Document, article: &[bool]) -> Option<usize> {
    let b = article.iter().position(|&a| a)?;
    let span = doc.blocks[b];
    let words = count_words_upto(&doc.text[span.start..span.end], HEADLINE_WORDS + 1);
    (words <= HEADLINE_WORDS).then_some(b)
}

/// The person or organisation named by the headline's first words ([`headline_block`]),
/// when the quote is in the headline.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if Some(site.block) != ctx.headline {
        return None;
    }
    let span = doc.blocks[site.block];
    let first = doc.token_at(span.start);
    let e = ctx.entity_at(first)?;
    let entity = &ctx.layer.entities[e];
    let after = doc.token_at(entity.end);
    // "Obama's" and "Sanders'", not the mark opening a quote after a space ("Trump 'Disgusted'").
    let possessive = doc
        .tokens
        .get(after)
        .is_some_and(|t| !t.space_before && matches!(doc.tok(after), "'s" | "’s" | "'" | "’"));
    if !matches!(entity.kind, EntityKind::Person | EntityKind::Org)
        || possessive
        || ctx.inside_quote(entity.start)
        || entity.start >= site.first.start
        || !named_below(ctx, e, span.end)
    {
        return None;
    }
    let mention = SpeakerMention {
        span: entity.span(),
        entity: Some(e),
        pronoun: None,
    };
    let why = "in the headline, which opens with its speaker".to_string();
    Some(Found::sure(mention, None, why))
}

/// Whether entity `e`'s cluster is named again after the headline (which ends at `end`):
/// headline capitals make names of verbs ("Elizabeth Warren Hammers Wells Fargo"), and a
/// name the article never repeats is more likely one of those.
fn named_below(ctx: &Ctx, e: usize, end: usize) -> bool {
    let layer = ctx.layer;
    let id = layer.entities[e].id;
    id.is_some()
        && layer.entities[e + 1..]
            .iter()
            .any(|m| m.id == id && m.start >= end)
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    const BODY: &str = "\n\nBarack Obama spoke at length on Thursday about the warming of the \
                        oceans and what it means for the islands of the Pacific.";

    #[test]
    fn the_name_opening_the_headline_speaks() {
        let text = format!("Barack Obama on Climate Change: The Trends Are 'Terrifying.'{BODY}");
        assert_quote(
            &text,
            "Terrifying",
            Some("Barack Obama"),
            QuoteKind::Partial,
        );
    }

    #[test]
    fn a_mark_after_the_name_opens_the_quote() {
        let text = format!("Barack Obama 'Terrified' By Warming{BODY}");
        assert_quote(&text, "Terrified", Some("Barack Obama"), QuoteKind::Partial);
    }

    #[test]
    fn not_a_name_the_article_never_repeats() {
        let text = "Elizabeth Warren Hammers Wells Fargo: 'Terrifying.'\n\nThe senator spoke at \
                    length on Thursday about the bank and what it means for its customers.";
        assert_quote(text, "Terrifying", None, QuoteKind::Mention);
    }

    #[test]
    fn not_a_possessive_nor_a_paragraph_of_prose() {
        let text = format!("Barack Obama's 'terrifying' trends.{BODY}");
        assert_quote(&text, "terrifying", None, QuoteKind::Mention);
        let prose = format!(
            "Barack Obama spoke on Thursday at the Pacific summit, in a long speech to an \
             audience of officials, scientists and students from the islands, about the \
             oceans and their 'terrifying' rise over the last ten years.{BODY}"
        );
        assert_quote(&prose, "terrifying", None, QuoteKind::Mention);
    }
}

//! A quote opening its paragraph after one that ends with a colon introducing it: `… Haley
//! told the council:` / `“We will not stand by.”`

use super::{Found, Site};
use crate::quotes::Ctx;
use crate::types::Quote;

/// The reporting verb and subject of the colon's sentence.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if !site.opens_sentence || site.block == 0 {
        return None;
    }
    let prev = &doc.blocks[site.block - 1];
    if !doc.text[prev.start..prev.end].trim_end().ends_with(':') {
        return None;
    }
    let end_tok = doc.token_at(prev.end);
    let sentence = doc.tokens[end_tok - 1].sentence as usize;
    let (m, v) = ctx.before_in_sentence(end_tok, sentence, 40)?;
    let why = format!("the previous paragraph introduces it: '{}'", doc.tok(v));
    Some(Found::sure(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::assert_mention;

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_quote() {
        assert_mention(
            "Ines Calloway told the council on Friday:\n\n\"We will not stand by.\"",
            "We will",
            "Ines Calloway",
            "Ines Calloway",
        );
    }
}

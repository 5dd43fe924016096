//! A quote opening its paragraph after one that ends with a colon introducing it: `… Haley
//! told the council:` / `“We will not stand by.”`

use super::{colon_ending_paragraph_before, Found, Site};
use crate::quotes::Ctx;
use crate::types::Quote;

/// The reporting verb and subject of the colon's sentence.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    let colon = colon_ending_paragraph_before(ctx, site)?;
    let sentence = doc.tokens[colon].sentence as usize;
    let (m, v) = ctx.before_in_sentence(colon + 1, sentence, 40)?;
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

//! A quote opening its sentence right after a sentence of its paragraph that reports someone's
//! words without quoting them: `The administration may be reluctant to act, Schiff said. “The
//! other factor is the appearance.”` The quote goes on with the same speaker's words; a new
//! speaker would come with an attribution of their own, which the rules before this one find
//! first.

use super::{Found, Site};
use crate::quotes::reported::{content_then_verb, says_something, verb_then_content};
use crate::quotes::Ctx;
use crate::types::Quote;

/// The speaker of the reported speech in the sentence before, in the same paragraph.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if !site.opens_sentence {
        return None;
    }
    let s = (doc.tokens.get(site.open_tok)?.sentence as usize).checked_sub(1)?;
    let (s0, s1) = doc.sentences[s].tokens;
    if doc.sentences[s].block != site.block || ctx.inside_quote(doc.tokens[s0].start) {
        return None;
    }
    let e = doc.words_end(s0, s1);
    if e <= s0 {
        return None;
    }
    let (m, Some(v), (c0, c1), _) =
        verb_then_content(ctx, s0, e).or_else(|| content_then_verb(ctx, s0, e))?
    else {
        return None;
    };
    if !says_something(doc, c0, c1) {
        return None;
    }
    let why = format!("the sentence before reports this speaker: '{}'", doc.tok(v));
    Some(Found::sure(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn a_quote_goes_on_from_the_report_before_it() {
        assert_mention(
            "The agency may wait while Ana Reyes negotiates with Maranthia, Adam Schiff said. \
             \"The other factor is the appearance of taking sides.\"",
            "The other",
            "Adam Schiff",
            "Adam Schiff",
        );
        assert_mention(
            "Mary Lee said the plan would fail within a year. \"Nobody believes in it.\"",
            "Nobody",
            "Mary Lee",
            "Mary Lee",
        );
    }

    /// Not across a paragraph, and not from a sentence that reports no one.
    #[test]
    fn only_a_report_in_the_same_paragraph() {
        assert_quote(
            "Mary Lee said the plan would fail within a year.\n\n\"Nobody believes in it.\"",
            "Nobody",
            Some("Mary Lee"),
            QuoteKind::Direct,
        );
        let qs = quotes("The plan failed within a year. \"Nobody believes in it.\"");
        let q = qs.iter().find(|q| q.text.contains("Nobody")).unwrap();
        assert!(q.speaker.is_none(), "{q:#?}");
    }
}

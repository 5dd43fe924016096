//! A quote paragraph after a paragraph that ends reporting someone: `Speaking to reporters, the
//! ambassador said both sides had stopped listening.` / `“We came here to talk.”` News goes
//! on to quote them. A guess, and marked as one.

use super::{Found, Site};
use crate::quotes::reported::verb_then_content;
use crate::quotes::Ctx;
use crate::types::Quote;

/// The subject of the reported speech that ends the paragraph before, for a paragraph that is
/// all quote (this one may run on over the next).
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    if !site.opens_sentence || !site.after_article_paragraph {
        return None;
    }
    let b = &doc.blocks[site.block];
    let prev = &doc.blocks[site.block - 1];
    let end_tok = doc.token_at(prev.end);
    let last = site.last.end;
    let whole = doc.text[last..b.end.max(last)].trim().is_empty() || site.quote.parts.len() > 1;
    if b.start != site.first.start || !whole || end_tok == 0 {
        return None;
    }
    let s = doc.tokens[end_tok - 1].sentence as usize;
    let (s0, s1) = doc.sentences[s].tokens;
    let (m, Some(v), _, _) = verb_then_content(ctx, s0, doc.words_end(s0, s1))? else {
        return None;
    };
    let why = format!(
        "the paragraph before reports this speaker: '{}'",
        doc.tok(v)
    );
    Some(Found::guess(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn a_quote_paragraph_after_one_reporting_its_speaker() {
        let t = "Speaking after the session, Ines Calloway said both sides had stopped \
                 listening.\n“We came here with a proposal that gave something to everyone.\n\
                 “Nobody can take that home and call it a deal.”";
        let qs = quotes(t);
        let q = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
        assert_eq!(q.parts.len(), 2, "{q:#?}");
        assert_eq!(q.speaker.as_ref().unwrap().name, "Ines Calloway");
        assert_eq!(q.confidence, Confidence::Low, "a guess says so");
    }
}

//! `…, X said.` / `…, said X.` closing the sentence that holds the quote: the speaker of
//! everything quoted in it (`Clinton called the plan “a disgrace” and “a fraud,” her spokesman
//! said.`).

use super::{Found, Site};
use crate::lexicon::LEX;
use crate::quotes::*;
use crate::segment::TokenKind;
use crate::types::Quote;

impl Ctx<'_> {
    /// `…, X said.` / `…, said X.` closing the sentence that holds the quote (ending at token
    /// `after`): the speaker of everything quoted in it.
    pub(in crate::quotes) fn sentence_final_attribution(
        &self,
        after: usize,
    ) -> Option<(SpeakerMention, usize)> {
        let toks = &self.doc.tokens;
        let s = toks.get(after.checked_sub(1)?)?.sentence as usize;
        let (s0, s1) = self.doc.sentences[s].tokens;
        // The last word of the sentence, before its closing punctuation.
        let e = self.doc.words_end(s0, s1);
        if e <= after || e < s0 + 3 {
            return None;
        }
        // A comma before the mention, past any titles and modifiers: ", Mr. Van Voorhis
        // said", ", DFA spokesman Neil Sroka said".
        let comma_at = |k: usize| {
            let mut k = self.titles_before(k, after);
            let stop = k.saturating_sub(4).max(after);
            while k > stop
                && self.doc.tokens[k - 1].kind == TokenKind::Word
                && !LEX.is_stopword(self.word(k - 1))
                && self.cue(k - 1).is_none()
            {
                k = self.titles_before(k - 1, after);
            }
            // `…,” The Hill reported`: the comma may close the last quote.
            let closing = |j: usize| matches!(self.word(j), "”" | "\"" | "''" | "’");
            k > after
                && (self.word(k - 1) == ","
                    || (k > after + 1 && closing(k - 1) && self.word(k - 2) == ","))
        };
        // "…, X said."
        let v = e - 1;
        if self.cue(v).is_some() {
            for start in (v.saturating_sub(4).max(after)..v).rev() {
                if let Some((m, end)) = self.mention_at(start) {
                    if end == v && comma_at(start) {
                        return Some((m, v));
                    }
                }
            }
        }
        // "…, said X.", "…, noted NBC's Dante Chinni." (the possessor modifies the name).
        for v in (e.saturating_sub(7).max(after)..e).rev() {
            if self.cue(v).is_some() && comma_at(v) {
                if let Some((m, mut end)) = self.mention_at(v + 1) {
                    let mut m = m;
                    if end + 1 < e && matches!(self.word(end), "'s" | "’s") {
                        if let Some((owned, owned_end)) = self.mention_at(end + 1) {
                            (m, end) = (owned, owned_end);
                        }
                    }
                    if end == e {
                        return Some((m, v));
                    }
                }
            }
        }
        None
    }
}

/// `"…" and "…", X said.`
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let (m, v) = ctx.sentence_final_attribution(site.after_tok)?;
    let doc = ctx.doc;
    let why = format!(
        "the sentence ends '…, {} {}'",
        &doc.text[m.span.start..m.span.end],
        doc.tok(v)
    );
    Some(Found::sure(m, Some(v), why))
}

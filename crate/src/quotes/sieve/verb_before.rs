//! A reporting verb before the quote in its sentence, and its subject: `X said: "…"`, `X told
//! reporters that "…"`, `Said Ellis: "…"`, `After saying her foot was “swollen,” she …`, and
//! a pronoun reporting inside someone's report (`She said she recalls “…”`: the outer
//! speaker's).

use super::{Found, Site};
use crate::quotes::*;
use crate::segment::TokenKind;
use crate::types::Quote;

impl Ctx<'_> {
    /// Speaker before a quote starting at token `open` in the same sentence (or the
    /// sentence that ends a paragraph with a colon): `X said: "…"`.
    pub(in crate::quotes) fn before_quote(
        &self,
        open: usize,
        max_gap: usize,
    ) -> Option<(SpeakerMention, usize)> {
        let toks = &self.doc.tokens;
        let s = toks.get(open)?.sentence as usize;
        self.before_in_sentence(open, s, max_gap)
    }

    /// As [`Self::before_quote`], looking back from token `open` (exclusive) within sentence
    /// `s`.
    pub(in crate::quotes) fn before_in_sentence(
        &self,
        open: usize,
        s: usize,
        max_gap: usize,
    ) -> Option<(SpeakerMention, usize)> {
        let toks = &self.doc.tokens;
        let s0 = self.doc.sentences[s].tokens.0;
        // The reporting verb nearest before the quote.
        let lo = open.saturating_sub(max_gap).max(s0);
        // Not an infinitive ("too early to tell"): it has no subject of its own.
        let v = (lo..open).rev().find(|&k| {
            self.is_reporting_verb(k)
                && !self.inside_quote(toks[k].start)
                && !(k > s0 && self.word(k - 1) == "to")
        })?;
        // Inverted at the start of the sentence: `Said Ellis: "…"`.
        if v == s0 {
            return self
                .mention_at(v + 1)
                .filter(|(_, end)| *end <= open)
                .map(|(m, _)| (m, v));
        }
        // A participle opening the sentence ("After saying her foot was “swollen,” she …")
        // belongs to the subject after its phrase.
        if v <= s0 + 2 && self.word(v).ends_with("ing") {
            let e = self.doc.sentences[s].tokens.1;
            // The first word after the phrase (its comma may close the quote: `walk,” she`).
            let after = (open..e).find(|&k| {
                !self.token_quoted(k)
                    && self.doc.tokens[k].kind == TokenKind::Word
                    && k > 0
                    && matches!(self.word(k - 1), "," | "”" | "\"")
            })?;
            return self.mention_at(after).map(|(m, _)| (m, v));
        }
        // A participle ("…, saying") or a second verb ("X stressed … and said") belongs to the
        // clause's first subject.
        let leftmost =
            self.word(v).ends_with("ing") || (v > s0 && matches!(self.word(v - 1), "and" | "but"));
        let m = self.subject_before(v, s0, leftmost)?;
        // A pronoun reporting inside someone's report ("She said she recalls …", "Obama said it
        // would tell …", "He said he did not mention … because “…”"): the quote is the outer
        // speaker's, named without a hop through the pronoun.
        if self.is_pronoun_mention(&m) {
            let first = self.doc.token_at(m.span.start);
            // The pronoun opens the outer verb's content: `said (that) she`, `said in a
            // statement that it`.
            let opens_content = |k: usize| {
                first == k + 1
                    || (first > k + 1 && first <= k + 7 && self.word(first - 1) == "that")
            };
            let outer = (first.saturating_sub(7).max(s0 + 1)..first)
                .filter(|&k| {
                    matches!(
                        self.cue(k),
                        Some("say" | "tell" | "add" | "note" | "write" | "explain" | "state")
                    ) && !self.token_quoted(k)
                        && opens_content(k)
                })
                .find_map(|k| {
                    self.subject_before(k, s0, false)
                        .filter(|o| o.span.end <= self.doc.tokens[k].start)
                        .map(|o| (o, k))
                });
            if let Some(outer) = outer {
                return Some(outer);
            }
        }
        Some((m, v))
    }
}

/// `X said: "…"`. A quote of one or two words looks back only a few words for its verb: it is
/// more often a term the sentence uses than something said.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let reach = if site.words <= 2 { 8 } else { 40 };
    let (m, v) = ctx.before_quote(site.open_tok, reach)?;
    let why = format!("reporting verb '{}' before the quote", ctx.doc.tok(v));
    Some(Found::sure(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn a_pronoun_reporting_inside_a_report_gives_the_outer_speaker() {
        assert_mention(
            "Nora Vance took questions.\n\nShe said she recalls the colleague being \"confused,\" \
             at first.",
            "confused",
            "Nora Vance",
            "She",
        );
        // Not when the outer verb does not report ("When Sanders accused Clinton …, she said").
        assert_mention(
            "When Tom Toll accused Maria Lind of weakness, she said \"I stood up to the banks\" \
             on the night.",
            "I stood",
            "Maria Lind",
            "she",
        );
    }

    #[test]
    fn verb_before_quote_and_previous_paragraph() {
        assert_quote(
            "Peter Hall, a lawyer from Leeds, told the rally:\n\n” It’s time to act now.”",
            "It’s time",
            Some("Peter Hall"),
            QuoteKind::Direct,
        );
        assert_quote(
            "Dr. Anne Carter, a professor at Cambridge said: “What we see is new.”",
            "What we",
            Some("Anne Carter"),
            QuoteKind::Direct,
        );
    }

    /// Found by the property test: a reporting verb opening the last sentence, with nothing
    /// after it, was asked for the mention one past the last token.
    #[test]
    fn regression_a_reporting_verb_ending_the_text() {
        quotes("<p>said,Comments");
        quotes("Said");
        quotes("According to");
    }
}

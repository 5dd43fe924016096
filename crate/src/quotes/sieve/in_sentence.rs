//! Attributions inside the quote's sentence that are not a subject and its reporting verb: a
//! possessive speech noun (`Trump’s claim that there have been “thousands…”`), a name and a
//! colon opening the line (`Rush Limbaugh: Hillary's request ‘reeks of fear’`), `according
//! to X`, `as X put it`, and `, she said,` in mid-sentence.

use super::{Found, Site};
use crate::lexicon::{with_lower, Gender};
use crate::quotes::reported::*;
use crate::quotes::words::*;
use crate::quotes::*;
use crate::segment::TokenKind;
use crate::types::{EntityKind, Quote};

/// How far "put it" may stand from "as" when a name's apposition comes between.
const APPOSITION_REACH: usize = 30;

/// A speaker, the token of its cue, and the rule's name.
type InSentence = (SpeakerMention, usize, &'static str);

impl Ctx<'_> {
    /// Attributions inside the quote's sentence that are not a subject and its reporting verb:
    /// a possessive speech noun (`Trump’s claim that there have been “thousands…”`, `his
    /// promise to “drain the swamp”`), `as X put it`, and `, she said,` in mid-sentence,
    /// after the quote or before it. `open` is the quote's first token.
    pub(in crate::quotes) fn attribution_in_sentence(&self, open: usize) -> Option<InSentence> {
        let s = self.doc.tokens.get(open)?.sentence as usize;
        let (s0, s1) = self.doc.sentences[s].tokens;
        // Past the possessive and the colon, the rules read the sentence around the quote.
        let lo = s0.max(open.saturating_sub(SENTENCE_REACH));
        let hi = s1.min(open + SENTENCE_REACH);
        self.possessive_speech_noun(open, s0)
            .or_else(|| self.name_and_colon(open, s0))
            .or_else(|| self.according_to_in(lo, hi))
            .or_else(|| self.as_x_put_it(lo, hi, s1))
            .or_else(|| self.said_mid_sentence(lo, hi, s1))
    }

    /// A possessive speech noun before the quote, with no reporting verb nearer.
    fn possessive_speech_noun(&self, open: usize, s0: usize) -> Option<InSentence> {
        let toks = &self.doc.tokens;
        let mut k = open;
        while k > s0 && k + 12 > open {
            k -= 1;
            if self.inside_quote(toks[k].start) || self.is_reporting_verb(k) {
                break;
            }
            // The noun must frame the quote ("claim that …", "promise to …", "words: …"), not
            // be talked about ("Trump’s statement was “true”").
            let frames = k + 1 == open || matches!(self.word(k + 1), "that" | "to" | ":" | ",");
            if !with_lower(self.word(k), |l| SPEECH_NOUNS.contains(&l)) || k == s0 || !frames {
                continue;
            }
            let p = k - 1;
            let owner = match self.word(p) {
                "his" | "His" => Some(self.possessive_pronoun(p, Gender::Male)),
                "her" | "Her" => Some(self.possessive_pronoun(p, Gender::Female)),
                "'s" | "’s" if p > s0 => self
                    .entity_at(p - 1)
                    .filter(|&e| self.layer.entities[e].kind.is_name())
                    .map(|e| SpeakerMention {
                        span: self.layer.entities[e].span(),
                        entity: Some(e),
                        pronoun: None,
                    }),
                _ => None,
            };
            if let Some(m) = owner {
                return Some((m, k, "a possessive speech noun"));
            }
        }
        None
    }

    /// `Rush Limbaugh: Hillary's request ‘reeks of fear’`: a person's name and a colon open
    /// the line; or, in a headline's manner, stand right before the quote: `A lesson from
    /// Loretta Lynch: 'Be the voice that people hear.'`
    fn name_and_colon(&self, open: usize, s0: usize) -> Option<InSentence> {
        let person = |m: &SpeakerMention| {
            m.entity
                .is_some_and(|e| self.layer.entities[e].kind == EntityKind::Person)
        };
        if let Some((m, end)) = self.mention_at(s0) {
            if person(&m) && end < open && self.word(end) == ":" {
                return Some((m, end, "a name and a colon open the sentence"));
            }
        }
        let colon = open
            .checked_sub(1)
            .filter(|&c| c > s0 && self.word(c) == ":")?;
        let (m, _) = (colon.saturating_sub(6).max(s0)..colon)
            .filter(|&k| !self.token_quoted(k))
            .find_map(|k| self.mention_at(k).filter(|(_, e)| *e == colon))?;
        person(&m).then_some((m, colon, "a name and a colon before the quote"))
    }

    /// `“…,” according to a court document`, `According to X, “…”`.
    fn according_to_in(&self, lo: usize, hi: usize) -> Option<InSentence> {
        let e = self.doc.words_end(lo, hi);
        if let Some((m, Some(a), _, _)) = according_to(self, lo, e) {
            return Some((m, a, "'according to'"));
        }
        None
    }

    /// `as X put it`, anywhere in the sentence; X may be a name with an apposition (up to
    /// [`APPOSITION_REACH`] tokens from "as" to "put").
    fn as_x_put_it(&self, lo: usize, hi: usize, s1: usize) -> Option<InSentence> {
        for a in lo..hi.saturating_sub(3) {
            if !self.word(a).eq_ignore_ascii_case("as") || self.token_quoted(a) {
                continue;
            }
            let put = (a + 2..(a + APPOSITION_REACH).min(s1.saturating_sub(1)))
                .find(|&v| matches!(self.word(v), "put" | "puts") && self.word(v + 1) == "it");
            let Some(v) = put else {
                continue;
            };
            let named = self.mention_at(a + 1);
            // `as Steven M. Rosenthal, a tax lawyer …, recently put it`: a name, then an
            // apposition between commas, and at most one word ("recently").
            let apposition = named.as_ref().filter(|(m, end)| {
                m.entity.is_some()
                    && self.word(*end) == ","
                    && *end + 2 < v
                    && (self.word(v - 1) == "," || self.word(v - 2) == ",")
            });
            let m = match apposition {
                Some((m, _)) => Some(m.clone()),
                None if v <= a + 9 => named
                    .filter(|(_, end)| *end == v)
                    .map(|(m, _)| m)
                    .or_else(|| self.noun_phrase_before(v, a + 1)),
                None => None,
            };
            if let Some(m) = m {
                return Some((m, v, "'as … put it'"));
            }
        }
        None
    }

    /// `“…” to do X, she said, adding …`; `Mills “got immunity,” Jordan said, and still “…”`.
    fn said_mid_sentence(&self, lo: usize, hi: usize, s1: usize) -> Option<InSentence> {
        for c in lo..hi.saturating_sub(2) {
            if self.word(c) != "," || self.token_quoted(c) {
                continue;
            }
            if let Some((m, end)) = self.mention_at(c + 1) {
                let named = m.pronoun.is_some() || m.entity.is_some();
                // Then a comma, or a few words to the end: `, he said in an interview.`
                let tail_ok = || {
                    let mut t = end + 1;
                    while t < s1 && self.doc.tokens[t].kind != TokenKind::Punct && t <= end + 5 {
                        t += 1;
                    }
                    t < s1 && (self.word(t) == "," || t + 1 == s1)
                };
                if named
                    && end + 1 < s1
                    && self.cue(end).is_some()
                    && !self.word(end).ends_with("ing")
                    && tail_ok()
                {
                    return Some((m, end, "', X said,' later in the sentence"));
                }
            }
        }
        None
    }
}

/// A speech noun, `according to`, `as X put it` or `, X said,` in the quote's sentence.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let (m, v, rule) = ctx.attribution_in_sentence(site.open_tok)?;
    let why = format!("{rule}: '{}'", ctx.doc.tok(v));
    Some(Found::sure(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    /// A person's name and a colon right before the quote, as headlines write it.
    #[test]
    fn a_name_and_a_colon_before_the_quote() {
        assert_mention(
            "A lesson from Loretta Lynch: 'Be the voice that people hear.'",
            "Be the",
            "Loretta Lynch",
            "Loretta Lynch",
        );
    }

    #[test]
    fn attributions_without_a_subject_and_verb() {
        assert_mention(
            "Critics checked Ivo Grant’s claim that there were “thousands of cases” last year.",
            "thousands",
            "Ivo Grant",
            "Ivo Grant",
        );
        assert_mention(
            "The program needs a \"lawful source of income,\" as a federal memo put it.",
            "lawful",
            "a federal memo",
            "a federal memo",
        );
        assert_mention(
            "As Tom Hale, a tax lawyer and senior fellow at the Urban Tax Policy Center, \
             recently put it, \"Did he lower his taxes legally?\"",
            "Did he",
            "Tom Hale",
            "Tom Hale",
        );
        assert_mention(
            "As Tom Hale, a lawyer, put it, \"Did he lower his taxes legally?\"",
            "Did he",
            "Tom Hale",
            "Tom Hale",
        );
        assert_mention(
            "Nadia Roos spoke.\n\n“You squeezed employees” to raise the price, she said, \
             pointing at the board.",
            "You squeezed",
            "Nadia Roos",
            "she",
        );
        // Words running on into the sentence are not set off as an attribution.
        assert_mention(
            "Mayor Pia Lund said in a letter that the ad “unmistakably and wrongfully” \
             suggests that Fenwick supports him.",
            "unmistakably",
            "Pia Lund",
            "Pia Lund",
        );
    }

    #[test]
    fn according_to_and_long_appositions_name_direct_speakers() {
        assert_mention(
            "“The evidence cannot prove the crime,” according to a court document filed by \
             state attorney Dan Arlo.",
            "The evidence",
            "Dan Arlo",
            "a court document filed by state attorney Dan Arlo",
        );
        // An initial's dot does not end the apposition.
        assert_mention(
            "''We have to accept it,'' Tom Lorr, who led the Senate under George W. Brash, told \
             lawmakers.",
            "We have",
            "Tom Lorr",
            "Tom Lorr",
        );
        // A description ends at its verb: "the company said in a statement".
        assert_mention(
            "“We wish them all the best,” the company said in a statement.",
            "We wish",
            "the company",
            "the company",
        );
    }
}

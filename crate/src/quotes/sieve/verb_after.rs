//! A reporting verb right after the quote, and its subject: `"…," X said`, `"…," said X`,
//! `"…," said Mayor Ana Lindqvist`, `"…," a narrator in the ad asks`, `"…," Scott Pruitt, the
//! attorney general of Oklahoma, said`, `"…," the White House spokesman, Josh Earnest, said`,
//! and a signature closing the paragraph: `” ― Veronica
//! Cruz`.

use super::{Found, Site};
use crate::coref::descriptions::is_person_noun;
use crate::lexicon::{with_lower, LEX};
use crate::quotes::*;
use crate::segment::{self, word_is_cap, TokenKind};
use crate::types::{EntityKind, Quote};

/// Where the attribution after a quote starts, and how it is set off.
struct After {
    /// The quote's paragraph.
    block: usize,
    /// The first token of the attribution, past commas and dashes.
    i: usize,
    /// How far the attribution is read.
    limit: usize,
    /// Punctuation sets it off from the quote: `"…," said X`, `"…?" X asked`.
    set_off: bool,
    /// The quote ended its own sentence (`…regime.” Mr. X added.`).
    new_sentence: bool,
}

impl Ctx<'_> {
    /// Speaker after a quote ending at token `after` (the token after the closing mark):
    /// `, X said` / `, said X` / ` X added.`, in that order of shapes.
    pub(in crate::quotes) fn after_quote(&self, after: usize) -> Option<(SpeakerMention, usize)> {
        let toks = &self.doc.tokens;
        let n = toks.len();
        // The quote's own paragraph: the closing mark is the token before `after`.
        let block = self.doc.block_at(toks.get(after.checked_sub(1)?)?.start);
        if after >= n || self.doc.block_at(toks[after].start) != block {
            return None;
        }
        // `"…". X said` ends the sentence outside the quote: what follows is not its attribution.
        if matches!(self.word(after), "." | "!" | "?" | ";") {
            return None;
        }
        if let Some(found) = self.signature(after, block) {
            return Some(found);
        }
        let limit = (after + 14).min(n);
        let mut i = after;
        while i < limit
            && toks[i].kind == TokenKind::Punct
            && (self.word(i) == "," || is_dash(self.word(i)))
        {
            i += 1;
        }
        if i >= n {
            return None;
        }
        // `“…,” while 73 percent said the same of Trump`: a new clause, not an attribution.
        if matches!(
            self.word(i),
            "while" | "whereas" | "although" | "though" | "because" | "when" | "if" | "but"
        ) {
            return None;
        }
        // Quoted words running on into the sentence (`“unmistakably” suggests that…`,
        // `“unhinged” a tweet attacking…`) are not set off, and not attributed here.
        let before_close = self.doc.text[..toks[after - 1].end]
            .trim_end_matches(['"', '”', '“', '\'', '’', '‘', '»', '«', '`', '″']);
        let at = After {
            block,
            i,
            limit,
            set_off: i > after || before_close.ends_with([',', '.', '?', '!', '…', ':', ';']),
            new_sentence: toks[i].sentence != toks[after.saturating_sub(1)].sentence,
        };
        self.verb_first(&at)
            .or_else(|| self.phrase_then_verb(&at))
            .or_else(|| self.subject_first(&at))
    }

    fn in_block(&self, k: usize, block: usize) -> bool {
        k < self.doc.tokens.len() && self.doc.block_at(self.doc.tokens[k].start) == block
    }

    /// A signature closing the paragraph: `”  ― Veronica Cruz`: a person's name after a dash,
    /// and at most a few words after it.
    fn signature(&self, after: usize, block: usize) -> Option<(SpeakerMention, usize)> {
        if !is_dash(self.word(after)) || !self.in_block(after + 1, block) {
            return None;
        }
        let (m, end) = self.mention_at(after + 1)?;
        let person = m
            .entity
            .is_some_and(|e| self.layer.entities[e].kind == EntityKind::Person);
        let rest = (end..self.doc.tokens.len())
            .take_while(|&k| self.in_block(k, block))
            .filter(|&k| self.doc.tokens[k].kind == TokenKind::Word)
            .count();
        (person && rest <= 8).then_some((m, after))
    }

    /// Verb first: `, said Khoshroo`, `, said the spokesman`; titles or a short description
    /// may stand between: `, said Mayor Ana Lindqvist`, `, said fisherman Owen Price`, `, said
    /// 9/11 widow Terry Strada`.
    fn verb_first(&self, at: &After) -> Option<(SpeakerMention, usize)> {
        let (toks, i) = (&self.doc.tokens, at.i);
        if !at.set_off || !self.in_block(i, at.block) || self.cue(i).is_none() {
            return None;
        }
        let mut k = i + 1;
        while self.in_block(k, at.block) && k - i <= 5 {
            if let Some((m, _)) = self.mention_at(k) {
                return Some((m, i));
            }
            let w = self.word(k);
            let between = LEX.title(&w.trim_end_matches('.').to_lowercase()).is_some()
                || (w == "." && segment::is_abbreviation(self.word(k - 1)))
                || toks[k].kind == TokenKind::Number
                || matches!(w, "/" | "-")
                || (toks[k].kind == TokenKind::Word
                    && !word_is_cap(w)
                    && (k - i <= 2 || is_person_noun(w))
                    && LEX.speech_verb(w).is_none()
                    && w != "that");
            if !between {
                return None;
            }
            k += 1;
        }
        None
    }

    /// A plain noun phrase and its verb: `” a narrator in the ad asks.`, `,” the report said`.
    fn phrase_then_verb(&self, at: &After) -> Option<(SpeakerMention, usize)> {
        let i = at.i;
        if !at.set_off || at.new_sentence {
            return None;
        }
        let v = (i + 1..(i + 7).min(at.limit)).find(|&v| {
            self.in_block(v, at.block) && self.after_quote_cue(v) && !self.word(v).ends_with("ing")
        })?;
        if (i..v).any(|k| self.mention_at(k).is_some()) {
            return None;
        }
        // "answering questions about …" is a participle, not a subject.
        if self.word(i).ends_with("ing") && !word_is_cap(self.word(i)) {
            return None;
        }
        let m = self.noun_phrase_before(v, i)?;
        (m.span.start == self.doc.tokens[i].start).then_some((m, v))
    }

    /// Subject first: `, Haley told`, `, he said`, `, Ambassador Francois Delattre said`. Only
    /// titles and capitalised words may stand between the quote and the speaker, not `, and
    /// after Iran's leader … said`.
    fn subject_first(&self, at: &After) -> Option<(SpeakerMention, usize)> {
        let mut k = at.i;
        while k < at.limit && self.in_block(k, at.block) {
            if let Some((m, end)) = self.mention_at(k) {
                if let Some(next) = self.modifier_of_speaker(&m, end, at.block) {
                    k = next;
                    continue;
                }
                return self.verb_after_subject(at, m, end);
            }
            if !self.may_precede_speaker(k, at.i) || k - at.i >= 5 {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "Norwegian Foreign Minister Ingrid Solberg", "Air Force general Ray Noll": a demonym,
    /// place or organisation before more capitalised or title words qualifies the speaker; it
    /// is not the speaker. Where the words after it start (past an abbreviation's dot: "Rep.
    /// Jim Orr").
    fn modifier_of_speaker(&self, m: &SpeakerMention, end: usize, block: usize) -> Option<usize> {
        let n = self.doc.tokens.len();
        let next =
            if end + 1 < n && self.word(end) == "." && segment::is_abbreviation(self.word(end - 1))
            {
                end + 1
            } else {
                end
            };
        let modifier = m
            .entity
            .is_some_and(|e| self.layer.entities[e].kind != EntityKind::Person)
            && next < n
            && self.in_block(next, block)
            && (word_is_cap(self.word(next))
                || with_lower(self.word(next), |l| LEX.title(l).is_some()));
        modifier.then_some(next)
    }

    /// The reporting verb after the subject `m` (ending at token `end`): past an apposition
    /// between commas (`” Scott Pruitt, the Republican attorney general of Oklahoma, said`,
    /// also after a bracket: `” Rep. Jim Jordan (R-Ohio), a panel member, said`), or a few
    /// words on; right after it when the quote is not set off (`"…" he said`).
    fn verb_after_subject(
        &self,
        at: &After,
        m: SpeakerMention,
        end: usize,
    ) -> Option<(SpeakerMention, usize)> {
        let n = self.doc.tokens.len();
        let mut end = end;
        // Past a bracket after the name: `Rep. Jim Jordan (R-Ohio), a panel member, said`,
        // `Del. Marcia Price (D-Newport News) shouted`.
        if end < n && self.word(end) == "(" {
            if let Some(close) = (end..(end + 8).min(n)).find(|&k| self.word(k) == ")") {
                end = close + 1;
            }
        }
        if at.set_off && !at.new_sentence && end < n && self.word(end) == "," {
            let stop = (end + 40).min(n);
            let sentence_end =
                |v: usize| self.word(v) == "." && !segment::is_abbreviation(self.word(v - 1));
            let mut v = end + 1;
            while v < stop
                && self.in_block(v, at.block)
                && !matches!(self.word(v), "“" | "\"" | "”" | ";")
                && !sentence_end(v)
            {
                if self.word(v - 1) == "," && v > end + 1 && self.cue(v).is_some() {
                    let named = self.name_in_apposition(&m, end + 1, v - 1);
                    return Some((named.unwrap_or(m), v));
                }
                v += 1;
            }
        }
        // Title words between the name and the verb. Not set off by punctuation, only the
        // plainest form.
        let reach = match (at.set_off, at.new_sentence) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 10,
        };
        let mut v = end;
        while v < at.limit && self.in_block(v, at.block) && v - end <= reach {
            if self.after_quote_cue(v) && (at.set_off || !self.word(v).ends_with("ing")) {
                return Some((m, v));
            }
            if matches!(self.word(v), "“" | "\"" | "”") {
                break;
            }
            v += 1;
        }
        None
    }

    /// The person's name that makes up the whole apposition (tokens `from..comma`) after a
    /// description: `the White House spokesman, Josh Earnest, said`. The name is who spoke.
    fn name_in_apposition(
        &self,
        m: &SpeakerMention,
        from: usize,
        comma: usize,
    ) -> Option<SpeakerMention> {
        if m.entity.is_some() || self.is_pronoun_mention(m) {
            return None;
        }
        let (name, end) = self.mention_at(from)?;
        let person = name
            .entity
            .is_some_and(|e| self.layer.entities[e].kind == EntityKind::Person);
        (person && end == comma).then_some(name)
    }

    /// Token `k` may stand between a quote (its attribution starting at token `i`) and its
    /// speaker: a capitalised or title word, an article, an abbreviation's or initial's dot,
    /// or a lowercase modifier before capitalised or title words ("retired Air Force general
    /// Lloyd Newton said", "former presidential candidate Herman Cain said", "an angry
    /// Hollande retaliated", "state Sen. John Walsh said": a speech verb's form that is no
    /// cue here).
    fn may_precede_speaker(&self, k: usize, i: usize) -> bool {
        let toks = &self.doc.tokens;
        let n = toks.len();
        let w = self.word(k);
        let initial = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        // "state" of "state Sen. John Walsh said" is no verb here.
        let modifier = toks[k].kind == TokenKind::Word
            && (!LEX.is_stopword(w) || matches!(w, "former" | "then" | "late"))
            && self.cue(k).is_none()
            && (k + 1..(k + 4).min(n))
                .take_while(|&j| toks[j].kind == TokenKind::Word)
                .any(|j| {
                    word_is_cap(self.word(j))
                        || with_lower(self.word(j), |l| LEX.title(l).is_some())
                });
        word_is_cap(w)
            || modifier
            || matches!(w, "the" | "a" | "an")
            || (w == "."
                && k > i
                && (segment::is_abbreviation(self.word(k - 1)) || initial(self.word(k - 1))))
            || with_lower(w, |l| LEX.title(l).is_some())
    }
}

fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "-" | "―" | "--")
}

/// `"…," X said`: the most precise rule. A speaker opening the next sentence (`Russia insisted
/// that Pyongyang “stop it.” The agency said …`) yields to a reporting verb before the quote
/// in its own sentence.
pub(super) fn rule(ctx: &Ctx, site: &Site, _: &[Quote]) -> Option<Found> {
    let doc = ctx.doc;
    let (m, v) = ctx.after_quote(site.after_tok).filter(|(_, v)| {
        let next_sentence = doc.tokens[*v].sentence != doc.tokens[site.open_tok].sentence;
        !(next_sentence && !site.opens_sentence && ctx.before_quote(site.open_tok, 40).is_some())
    })?;
    let why = format!("reporting verb '{}' after the quote", doc.tok(v));
    Some(Found::sure(m, Some(v), why))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn attributions_past_modifiers_brackets_and_second_verbs() {
        assert_mention(
            "Voss \"has the experience to keep us safe,\" retired Air Force general Ray Noll said.",
            "has the experience",
            "Ray Noll",
            "Ray Noll",
        );
        assert_mention(
            "“If the bureau wanted a laptop, it would take it,” Rep. Jim Orr (R-Ohio), a panel \
             member, said.",
            "If the bureau",
            "Jim Orr",
            "Jim Orr",
        );
        // A bracket with no apposition after it, and a modifier shaped like a speech verb.
        assert_mention(
            "Voss spoke.\n\n\"We won the vote!\" Del. Ana Pryce (D-Newport News) shouted.",
            "We won",
            "Ana Pryce",
            "Ana Pryce",
        );
        assert_mention(
            "Voss spoke.\n\n\"We had it,\" state Sen. John Walsh said.",
            "We had",
            "John Walsh",
            "John Walsh",
        );
        // A description, then the name in apposition: the name spoke.
        assert_mention(
            "“That program is worth a close look,” the White House spokesman, Tom Hale, said.",
            "That program",
            "Tom Hale",
            "Tom Hale",
        );
        // A second verb belongs to the clause's first subject.
        assert_mention(
            "Vera Lind stressed her role in the raid that killed Omar Kest and said she has \
             what the job needs: \"Steadiness, and strength.\"",
            "Steadiness",
            "Vera Lind",
            "Vera Lind",
        );
        // An infinitive has no subject of its own; the speaker of the next sentence does not
        // take a quote whose own sentence has a reporting verb.
        assert_mention(
            "At a press conference in Chelsea, the mayor also said it was too early to tell, and \
             there was “no evidence” of terrorism. The police said more.",
            "no evidence",
            "the mayor",
            "the mayor",
        );
        assert_mention(
            "Ruvia insisted that Pellam “stop its dangerous escapades.” The agency said more.",
            "stop its",
            "Ruvia",
            "Ruvia",
        );
    }

    #[test]
    fn a_new_clause_after_a_quote_is_not_its_attribution() {
        assert_mention(
            "Only 52 percent of registered voters agreed that Vera Lind is in \"good enough \
             health to serve,\" while 73 percent said the same of Bram Toll.",
            "good enough",
            "Only 52 percent",
            "Only 52 percent",
        );
    }

    #[test]
    fn verb_after_quote() {
        assert_quote(
            "“We will win,” Jane Smith said.",
            "We will",
            Some("Jane Smith"),
            QuoteKind::Direct,
        );
        assert_quote(
            "\"It is over\", said John Brown.",
            "It is",
            Some("John Brown"),
            QuoteKind::Direct,
        );
        assert_quote(
            "Mary Jones arrived.\n\n“We will win,” she said.",
            "We will",
            Some("Mary Jones"),
            QuoteKind::Direct,
        );
        // A number and a role noun between the verb and the name.
        assert_mention(
            "Rep. Tim Walz (D-Minn.) said, \"We will win.\"\n\n“The rationales don’t hold,” \
             said 9/11 widow Terry Strada.",
            "The rationales",
            "Terry Strada",
            "Terry Strada",
        );
    }

    #[test]
    fn a_signature_after_a_dash_names_the_speaker() {
        let t = "”He is very confident of himself and will not change.” ― Veronica Cruz";
        assert_quote(t, "He is very", Some("Veronica Cruz"), QuoteKind::Direct);
    }

    #[test]
    fn inverted_attribution() {
        assert_quote(
            "Said Ellis: “I don’t get the sense she’s interested in tax reform.”",
            "I don’t",
            Some("Ellis"),
            QuoteKind::Direct,
        );
    }
}

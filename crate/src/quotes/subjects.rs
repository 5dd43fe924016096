//! The subject of a reporting verb.

use super::words::*;
use super::*;
use crate::coref::descriptions::{description_at, is_person_noun};
use crate::lexicon::{with_lower, LEX};
use crate::segment::{word_is_cap, TokenKind};
use crate::types::{EntityKind, Span};

impl Ctx<'_> {
    /// The subject of the verb at token `v`: the nearest person (else organisation, pronoun,
    /// description) before it in the sentence that is not possessive and not after a
    /// preposition — or, with `leftmost`, the first such person: the clause's subject, for a
    /// participle ("…, saying") or a quote with no verb near it.
    pub(super) fn subject_before(
        &self,
        v: usize,
        s0: usize,
        leftmost: bool,
    ) -> Option<SpeakerMention> {
        if let Some(m) = self.subject_next_to(v, s0) {
            return Some(m);
        }
        if leftmost {
            if let Some(m) = self.clause_subject(s0, v) {
                return Some(m);
            }
        }
        let mut best: Option<(u8, SpeakerMention)> = None;
        let mut k = v;
        let floor = s0.max(v.saturating_sub(SENTENCE_REACH));
        while k > floor {
            k -= 1;
            if self.inside_quote(self.doc.tokens[k].start) {
                continue;
            }
            let Some((m, end)) = self.mention_at(k) else {
                continue;
            };
            // Move to the mention's first token (never forward: the scan must end).
            let first = self.doc.token_at(m.span.start).min(k);
            if end < self.doc.tokens.len()
                && matches!(self.word(end), "'s" | "’s")
                && !self.is_pronoun_mention(&m)
            {
                k = first;
                continue;
            }
            // An acronym in brackets repeats the name before it.
            if first > s0 && self.word(first - 1) == "(" {
                k = first;
                continue;
            }
            // The word before the mention, looking past "the".
            let mut p = first;
            while p > s0 && self.word(p - 1).eq_ignore_ascii_case("the") {
                p -= 1;
            }
            if p > s0 && with_lower(self.word(p - 1), is_preposition) {
                k = first;
                continue;
            }
            let rank = match (&m.entity, m.pronoun) {
                (Some(e), _) if self.layer.entities[*e].kind == EntityKind::Person => 3,
                (_, Some(_)) => 2,
                (Some(e), _) if self.layer.entities[*e].kind == EntityKind::Org => 1,
                // "the mayor" over "it", "they".
                (None, None) if !self.is_pronoun_mention(&m) => 1,
                _ => 0,
            };
            // A participle ("…, saying …") belongs to the clause's first subject: keep the
            // leftmost person rather than the nearest.
            if best
                .as_ref()
                .is_none_or(|(r, _)| rank > *r || (leftmost && rank == 3 && *r == 3))
            {
                best = Some((rank, m));
                if rank == 3 && !leftmost {
                    break;
                }
            }
            k = first;
        }
        best.map(|(_, m)| m)
            .or_else(|| self.noun_phrase_before(v, s0))
    }

    /// The mention that ends right before the verb at `v` — past auxiliaries and adverbs ("the
    /// Vermont senator acknowledged", "he would later say", "Stevie Wonder, who joked") — when
    /// nothing makes it the object of a preposition: English puts the subject there, whatever
    /// other names the sentence holds.
    pub(super) fn subject_next_to(&self, v: usize, s0: usize) -> Option<SpeakerMention> {
        if self.doc.tokens.get(v)?.kind != TokenKind::Word {
            return None;
        }
        let end = self.past_auxiliaries(v, s0);
        if end <= s0 {
            return None;
        }
        // "he's said" is a contraction; "Clinton's said" is not a subject and its verb.
        let contracted = (end..v).any(|k| matches!(self.word(k), "'s" | "’s"));
        if let Some(m) = self.relative_subject(end, s0) {
            return m;
        }
        // The longest mention ending at `end`.
        let m = (end.saturating_sub(6).max(s0)..end)
            .filter(|&k| !self.inside_quote(self.doc.tokens[k].start))
            .find_map(|k| self.mention_at(k).filter(|(_, e)| *e == end))?
            .0;
        let first = self.doc.token_at(m.span.start);
        let mut p = first;
        while p > s0 && self.word(p - 1).eq_ignore_ascii_case("the") {
            p -= 1;
        }
        // "footage of Trump saying …": a participle's subject may follow a preposition.
        let after_preposition = p > s0
            && with_lower(self.word(p - 1), is_preposition)
            && !(end == v && self.word(v).ends_with("ing"));
        let possessive = first > s0 && matches!(self.word(first - 1), "'s" | "’s");
        let not_a_contraction = contracted && !self.is_pronoun_mention(&m);
        // A name after "and" may end an apposition ("Malcolm Fowler, a member of the Law
        // Society of England and Wales told"): unless a person, the ranked search decides.
        let conjoined = p > s0 && matches!(self.word(p - 1), "and" | "or");
        let person = m
            .entity
            .is_none_or(|e| self.layer.entities[e].kind == EntityKind::Person);
        (!after_preposition && !possessive && !not_a_contraction && (person || !conjoined))
            .then_some(m)
    }

    /// The subject before the word ending at `end` when it is a relative pronoun or closes an
    /// apposition: `Some` of what that shape gives (which may be no one), `None` when neither
    /// shape is there.
    ///
    /// - "…, who said" / "the department which reported": the relative pronoun is the mention;
    ///   the name before it is who it is (past an apposition, "McConnell, now the Senate
    ///   majority leader, who", the nearest person before it in the sentence).
    /// - "Christie, who has campaigned for Trump since …, blasted": the subject stands before
    ///   an apposition set off by commas; "Michael Mulgrew, president of the teachers' union,
    ///   …, said": a role noun opens an apposition too.
    fn relative_subject(&self, end: usize, s0: usize) -> Option<Option<SpeakerMention>> {
        let w = self.word(end - 1);
        if matches!(w, "who" | "which") && end - 1 > s0 {
            let mut a = end - 2;
            if self.word(a) == "," && a > s0 {
                a -= 1;
            }
            let antecedent = self
                .entity_at(a)
                .filter(|&e| self.doc.token_at(self.layer.entities[e].end) == a + 1)
                .or_else(|| {
                    (a.saturating_sub(12).max(s0)..a).rev().find_map(|k| {
                        self.entity_at(k)
                            .filter(|&e| self.layer.entities[e].kind == EntityKind::Person)
                    })
                });
            return Some(antecedent.map(|e| SpeakerMention {
                span: self.doc.tokens[end - 1].span(),
                entity: Some(e),
                pronoun: None,
            }));
        }
        if w != "," {
            return None;
        }
        let opens = |w: &str| {
            matches!(
                w,
                "who" | "a" | "an" | "the" | "now" | "whose" | "which" | "also"
            ) || (!word_is_cap(w) && is_person_noun(w))
        };
        let open = (s0 + 1..end - 1)
            .find(|&c| self.word(c) == "," && opens(self.word(c + 1)) && !self.token_quoted(c));
        Some(open.and_then(|open| {
            let (m, _) = (open.saturating_sub(6).max(s0)..open)
                .find_map(|k| self.mention_at(k).filter(|(_, e)| *e == open))?;
            Some(self.person_of_place(&m, s0).unwrap_or(m))
        }))
    }

    /// The person a place after "of" belongs to: "Rep. Lee Zeldin of New York, a Trump
    /// supporter, said" is Lee Zeldin's.
    fn person_of_place(&self, m: &SpeakerMention, s0: usize) -> Option<SpeakerMention> {
        let e = m.entity?;
        if self.layer.entities[e].kind != EntityKind::Place {
            return None;
        }
        let of = self.doc.token_at(m.span.start).checked_sub(1)?;
        if of <= s0 || self.word(of) != "of" {
            return None;
        }
        let p = self.entity_at(of - 1)?;
        let ent = &self.layer.entities[p];
        (ent.kind == EntityKind::Person && self.doc.token_at(ent.end) == of).then(|| {
            SpeakerMention {
                span: ent.span(),
                entity: Some(p),
                pronoun: None,
            }
        })
    }

    /// Where the subject of the verb at token `v` ends: past auxiliaries and adverbs ("he
    /// would later say") and a time ("who in 2010 said", "who on Monday said").
    fn past_auxiliaries(&self, v: usize, s0: usize) -> usize {
        let time = |k: usize| {
            self.doc.tokens[k].kind == TokenKind::Number
                || matches!(
                    self.word(k),
                    "Monday"
                        | "Tuesday"
                        | "Wednesday"
                        | "Thursday"
                        | "Friday"
                        | "Saturday"
                        | "Sunday"
                        | "week"
                        | "month"
                        | "year"
                        | "night"
                        | "morning"
                )
        };
        let mut end = v;
        loop {
            if end > s0 && end + 3 > v && is_auxiliary_or_adverb(self.word(end - 1)) {
                end -= 1;
            } else if end > s0 + 2
                && end + 6 > v
                && time(end - 1)
                && matches!(
                    self.word(end - 2),
                    "in" | "on" | "last" | "this" | "earlier"
                )
            {
                end -= 2;
            } else {
                return end;
            }
        }
    }

    /// The subject opening the sentence, before token `v`: a mention at its start, past
    /// connectives ("Then he …", "But she …") or an introductory phrase ending in a comma
    /// ("In an interview last year, Lazar said …"). The subject of a participle or a second
    /// verb ("The president left no doubt …, saying", "She defended it … but admitted").
    pub(super) fn clause_subject(&self, s0: usize, v: usize) -> Option<SpeakerMention> {
        let intro = (s0..v.min(s0 + 12)).find(|&k| self.word(k) == ",");
        for start in [Some(s0), intro.map(|c| c + 1)].into_iter().flatten() {
            let mut k = start;
            while k < v
                && (with_lower(self.word(k), is_auxiliary_or_adverb)
                    || matches!(
                        self.word(k),
                        "Then" | "And" | "But" | "So" | "Still" | "Yet" | "Even" | "even"
                    ))
            {
                k += 1;
            }
            // "President Clinton released …": the name after its titles.
            if self.entity_at(k).is_none() {
                k = self.past_titles(k);
            }
            if k >= v || self.token_quoted(k) {
                continue;
            }
            let Some((m, end)) = self.mention_at(k) else {
                continue;
            };
            let possessive = end < v && matches!(self.word(end), "'s" | "’s");
            if end < v && !possessive && !(start > s0 && self.word(end) == ",") {
                return Some(m);
            }
        }
        None
    }

    /// The plain noun phrase right before the verb at `v`, when no name or pronoun is the
    /// subject: "The bank said", "a spokesman announced", "Civil rights activists say". It runs
    /// back from the verb over words to a determiner or the start of the sentence.
    pub(super) fn noun_phrase_before(&self, v: usize, s0: usize) -> Option<SpeakerMention> {
        let (m, first) = self.noun_phrase_ending_at(v, s0)?;
        // "France's ambassador to the United Nations told": a phrase after a preposition
        // modifies the subject before it; the subject is that earlier phrase.
        let mut p = first;
        while p > s0 && with_lower(self.word(p - 1), |l| matches!(l, "the" | "a" | "an")) {
            p -= 1;
        }
        if p > s0 && with_lower(self.word(p - 1), is_preposition) {
            return self.noun_phrase_before(p - 1, s0);
        }
        Some(m)
    }

    /// The phrase [`Self::noun_phrase_before`] starts from, and its first token.
    pub(super) fn noun_phrase_ending_at(
        &self,
        v: usize,
        s0: usize,
    ) -> Option<(SpeakerMention, usize)> {
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "some", "many", "most", "several", "his", "her", "their", "its",
            "our", "this", "these", "those", "other", "one", "another", "each", "every", "two",
            "three", "both", "all",
        ];
        // Past auxiliaries and adverbs: "The bank has said", "the donor didn't disclose".
        let mut head = v.checked_sub(1)?;
        while head > s0 && is_auxiliary_or_adverb(self.word(head)) {
            head -= 1;
        }
        // "the United Nations said": a phrase ending in a name is that name.
        if let Some(e) = self.entity_at(head) {
            let ent = &self.layer.entities[e];
            if ent.end == self.doc.tokens[head].end && ent.start >= self.doc.tokens[s0].start {
                let m = SpeakerMention {
                    span: ent.span(),
                    entity: Some(e),
                    pronoun: None,
                };
                return Some((m, self.doc.token_at(ent.start)));
            }
        }
        // "Obama's former campaign strategist said": a description a possessive opens.
        if let Some(d) = description_at(self.doc, head).filter(|d| d.first >= s0) {
            let m = SpeakerMention {
                span: Span::new(self.doc.tokens[d.first].start, self.doc.tokens[head].end),
                entity: None,
                pronoun: None,
            };
            return Some((m, d.first));
        }
        let w = self.word(head);
        if head < s0
            || self.doc.tokens[head].kind != TokenKind::Word
            || w.ends_with("ly")
            || with_lower(w, |l| LEX.is_stopword(l))
        {
            return None;
        }
        let mut start = head;
        loop {
            if with_lower(self.word(start), |l| DETERMINERS.contains(&l)) || start == s0 {
                break;
            }
            if start + 4 <= head || start == 0 {
                return None;
            }
            let prev = start - 1;
            // A preposition ends the phrase ("registered voters" in "52 percent of registered
            // voters said"); `noun_phrase_before` then steps over it to the subject.
            if start < head && with_lower(self.word(prev), is_preposition) {
                break;
            }
            // A clause boundary starts the phrase: "However, 63 percent said".
            if prev >= s0 && matches!(self.word(prev), "," | ";" | "—" | "–") && start < head {
                break;
            }
            if prev < s0 || self.doc.tokens[prev].kind == TokenKind::Punct {
                return None;
            }
            start = prev;
        }
        let m = SpeakerMention {
            span: Span::new(self.doc.tokens[start].start, self.doc.tokens[head].end),
            entity: None,
            pronoun: None,
        };
        Some((m, start))
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn the_subject_next_to_the_verb_speaks() {
        // A description right before the verb, though another name stands earlier.
        assert_mention(
            "Asked whether Marta Quill still feels anger, the Ohio senator acknowledged that \
             there are \"some people\" who do.",
            "some people",
            "the Ohio senator",
            "the Ohio senator",
        );
        // A relative pronoun is the mention; the name before it is who it is.
        assert_mention(
            "Guests included Dario Venn, who joked of the museum, \"I haven't seen it yet.\"",
            "I haven",
            "Dario Venn",
            "who",
        );
        // "He's" is a contraction, not a possessive.
        assert_mention(
            "Olek Brandt spoke first.\n\nHe’s claiming that fraud is “a big, big problem” now.",
            "a big",
            "Olek Brandt",
            "He",
        );
        // A participle right after a name, even after a preposition.
        assert_mention(
            "The ad shows footage of Lena Marsh asking, “Why aren’t we ahead?”",
            "Why aren",
            "Lena Marsh",
            "Lena Marsh",
        );
    }

    #[test]
    fn a_participle_or_second_verb_belongs_to_the_sentence_subject() {
        assert_mention(
            "The president left no doubt of his support for Mrs. Vale, saying that \
             ''nobody is more qualified.''",
            "nobody is",
            "The president",
            "The president",
        );
        assert_mention(
            "In an interview with journalist Mat Rosk last year, Lazar said he welcomed the \
             trial and added, \"I'll plead guilty, no problem.\"",
            "I'll plead",
            "Lazar",
            "Lazar",
        );
        assert_mention(
            "Ben Ardo spoke.\n\nNearby, his wife whispered to him: \"They're still with you.\"",
            "They're still",
            "his wife",
            "his wife",
        );
    }

    /// Past a negated auxiliary, and past a place the subject is "of" and an apposition.
    #[test]
    fn negated_auxiliaries_and_people_of_places() {
        assert_eq!(
            reported(
                "While the mega donor didn't disclose his degree of backing, he spoke.",
                "his degree"
            )
            .as_deref(),
            Some("the mega donor")
        );
        assert_mention(
            "Rep. Lee Zeldin of New York, a Trump supporter, said it will help both of them \
             if they \"work through their differences.\"",
            "work through",
            "Lee Zeldin",
            "Lee Zeldin",
        );
    }

    #[test]
    fn a_subject_is_not_the_object_of_its_preposition() {
        let t = "France's ambassador to the United Nations told the meeting that recent protests do not threaten peace.";
        let qs = quotes(t);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.text, "France's ambassador", "{qs:#?}");
    }

    #[test]
    fn pronouns_groups_and_participles() {
        // "they" resolves to the nearest organisation; unresolved, the pronoun itself is the
        // speaker mention.
        assert_quote(
            "The Security Council met on Monday.\n\n\"We will act,\" they said.",
            "We will",
            Some("United Nations Security Council"),
            QuoteKind::Direct,
        );
        assert_quote(
            "Police say they have \"adequate resources\" now.",
            "adequate",
            Some("Police"),
            QuoteKind::Partial,
        );
        // A participle belongs to the clause's first subject, not the nearest name.
        assert_quote(
            "Tom Hardy attacked Anna Bell for her vote, saying, \"She was wrong on Iraq.\"",
            "She was",
            Some("Tom Hardy"),
            QuoteKind::Direct,
        );
        // A demonym before a title qualifies the speaker.
        assert_quote(
            "“We came to listen,” Norwegian Foreign Minister Ingrid Solberg said.",
            "We came",
            Some("Ingrid Solberg"),
            QuoteKind::Direct,
        );
    }
}

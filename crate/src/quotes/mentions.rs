//! Speaker mentions: a name, a pronoun, or a description, and the titles and modifiers
//! around a name.

use super::words::*;
use super::*;
use crate::coref::descriptions::{description_at, is_person_noun, MODIFIERS};
use crate::lexicon::{with_lower, Gender, LEX};
use crate::segment::{self, word_is_cap, TokenKind};
use crate::types::{EntityKind, Span};

impl Ctx<'_> {
    /// The person a name modifies: an English name phrase ends in its head, so a place,
    /// group, organisation or title word before a title and a person's name is a modifier of
    /// that person ("Tulsa Police Chief Chuck Jordan", "House Speaker Paul Ryan", "Israeli
    /// Prime Minister Benjamin Netanyahu", "MSNBC's Chris Matthews", "Democratic presidential
    /// nominee Hillary Clinton"), and so is a person's name before a lowercase role ("Clinton
    /// campaign spokesman Brian Fallon"). Between them only capitalised
    /// words, title words, "of", "the", a possessive or an abbreviation's dot, or lowercase
    /// modifiers of a description noun right before the name ([`Ctx::plain_modifier`]).
    pub(super) fn person_it_modifies(&self, e: usize) -> Option<usize> {
        const WITHIN: usize = 6;
        let ent = &self.layer.entities[e];
        let doc = self.doc;
        let sentence = doc.tokens[doc.token_at(ent.start)].sentence;
        let next = self.layer.entities.get(e + 1)?;
        let (a, b) = (doc.token_at(ent.end), doc.token_at(next.start));
        let described = b > a && is_description_noun(doc.tok(b - 1));
        // A person modifies a person only through a lowercase role ("Clinton campaign
        // spokesman Brian Fallon", "Trump lawyer Marc Kasowitz"); two names side by side are
        // two people.
        let role = b > a && !word_is_cap(doc.tok(b - 1)) && is_person_noun(doc.tok(b - 1));
        if ent.kind == EntityKind::Person && !role {
            return None;
        }
        let linking = |k: usize| {
            let w = doc.tok(k);
            word_is_cap(w)
                || matches!(w, "of" | "the" | "." | "'s" | "’s")
                || with_lower(w, |l| LEX.title(l).is_some())
                || (described && self.plain_modifier(k))
        };
        (next.kind == EntityKind::Person
            && b - a <= WITHIN
            && doc.tokens.get(b).is_some_and(|t| t.sentence == sentence)
            && (a..b).all(linking))
        .then_some(e + 1)
    }

    /// A lowercase word that can modify a noun in a description: not a verb of speech, a
    /// preposition or a function word ("presidential" of "presidential nominee").
    pub(super) fn plain_modifier(&self, k: usize) -> bool {
        let w = self.word(k);
        self.doc.tokens[k].kind == TokenKind::Word
            && !word_is_cap(w)
            && LEX.speech_verb(w).is_none()
            && !is_preposition(w)
            && !LEX.is_stopword(w)
    }

    /// The description a place, group or other name that is not a person's or an
    /// organisation's opens, ending at token `noun` (a description noun at most three words
    /// on): "European officials", "U.S. senator"
    /// (the name is a modifier; the speaker is described, not named). Not when a person's
    /// name follows the description (then [`Ctx::person_it_modifies`]).
    pub(super) fn description_after(&self, e: usize, end: usize) -> Option<usize> {
        const WITHIN: usize = 3;
        let ent = &self.layer.entities[e];
        if matches!(ent.kind, EntityKind::Person | EntityKind::Org) {
            return None;
        }
        let s1 = self.doc.sentences
            [self.doc.tokens[end.min(self.doc.tokens.len() - 1)].sentence as usize]
            .tokens
            .1;
        let noun = (end..(end + WITHIN).min(s1))
            .take_while(|&k| self.plain_modifier(k))
            .find(|&k| is_description_noun(self.word(k)))?;
        // "Tulsa police Chief Chuck Jordan": past a title to the name it opens.
        (self.entity_at(self.past_titles(noun + 1)).is_none()).then_some(noun)
    }

    /// The role noun of a description that a name at token `first` opens as a possessive,
    /// the name ending at token `end`: "Obama's former campaign strategist" is the
    /// strategist, not Obama ([`crate::coref::descriptions`]).
    fn role_of_possessor(&self, first: usize, end: usize) -> Option<usize> {
        (end + 1..(end + MODIFIERS + 2).min(self.doc.tokens.len()))
            .filter_map(|k| description_at(self.doc, k))
            .find(|d| d.first == first)
            .map(|d| d.head)
    }

    /// The first token from `k` on that is no title word nor an abbreviation's period ("Rev"
    /// "." of "the Rev. Peter Wherry", "Chief" of "police Chief Chuck Jordan").
    pub(super) fn past_titles(&self, mut k: usize) -> usize {
        let n = self.doc.tokens.len();
        while k < n && (self.word(k) == "." || LEX.title_of(&[self.word(k)]).is_some()) {
            k += 1;
        }
        k
    }

    /// A speaker mention at token `i`: a name, a pronoun, or "the" + a description.
    pub(super) fn mention_at(&self, i: usize) -> Option<(SpeakerMention, usize)> {
        if i >= self.doc.tokens.len() {
            return None;
        }
        // "the Texan said", "the Republican said": one person, described by a name of
        // their people, not the group.
        let one_of_a_people = word_is_cap(self.word(i))
            .then(|| description_at(self.doc, i))
            .flatten()
            .filter(|d| d.head == i);
        if let Some(d) = one_of_a_people {
            let m = SpeakerMention {
                span: Span::new(self.doc.tokens[d.first].start, self.doc.tokens[i].end),
                entity: None,
                pronoun: None,
            };
            return Some((m, i + 1));
        }
        if let Some(e) = self.entity_at(i) {
            let ent = &self.layer.entities[e];
            let end = self.doc.token_at(ent.end);
            if let Some(noun) = self
                .description_after(e, end)
                .or_else(|| self.role_of_possessor(i, end))
            {
                // "the former secretary of state and current Democratic presidential
                // nominee": the description the noun ends may open before the name.
                let start = description_at(self.doc, noun)
                    .map_or(ent.start, |d| self.doc.tokens[d.first].start.min(ent.start));
                let span = Span::new(start, self.doc.tokens[noun].end);
                let m = SpeakerMention {
                    span,
                    entity: None,
                    pronoun: None,
                };
                return Some((m, noun + 1));
            }
            return Some((
                SpeakerMention {
                    span: ent.span(),
                    entity: Some(e),
                    pronoun: None,
                },
                end,
            ));
        }
        let w = self.word(i);
        // One token naming the speaker; a pronoun carries its gender.
        let single = |pronoun: Option<Gender>| {
            Some((
                SpeakerMention {
                    span: self.doc.tokens[i].span(),
                    entity: None,
                    pronoun,
                },
                i + 1,
            ))
        };
        // "they said", "it said", "I said": a speaker, resolved below if it can be.
        if GENDERLESS_PRONOUNS.contains(&w) {
            return single(None);
        }
        // A body named by a bare noun at the start of a clause: "Police say", "Officials
        // said".
        let next_lower = self
            .doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && !word_is_cap(self.word(i + 1)));
        if word_is_cap(w) && is_description_noun(w) && next_lower {
            return single(None);
        }
        if let Some(g) = pronoun(w) {
            return single(Some(g));
        }
        self.description_from(i)
    }

    /// "the ambassador", "the French ambassador", "one former campaign staffer": a
    /// determiner at token `i` and a description noun a few words on, before any verb or
    /// function word ("the company said in a statement" is not one phrase). Past the noun to
    /// a name it ends ("The New York Post") or a title before a name ("the Rev. Peter
    /// Wherry").
    fn description_from(&self, i: usize) -> Option<(SpeakerMention, usize)> {
        let w = self.word(i);
        let determiner = [
            "the", "a", "an", "one", "another", "two", "three", "several", "some", "his", "her",
            "their", "its",
        ]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d));
        if determiner && i + 1 < self.doc.tokens.len() {
            // "the ambassador", "the French ambassador", "one former campaign staffer"
            for mut k in i + 1..(i + 6).min(self.doc.tokens.len()) {
                if is_description_noun(self.word(k)) {
                    // A compound ends in its head: "the campaign strategist".
                    while self.doc.tokens.get(k + 1).is_some_and(|t| t.space_before)
                        && !word_is_cap(self.word(k + 1))
                        && is_description_noun(self.word(k + 1))
                    {
                        k += 1;
                    }
                    // The noun ends a name after "The": "The New York Post", "The
                    // International Atomic Energy Agency" are the organisations.
                    if self
                        .entity_at(i + 1)
                        .is_some_and(|e| self.entity_at(k) == Some(e))
                    {
                        return self.mention_at(i + 1);
                    }
                    // A title before a name: "the Rev. Peter Wherry" is Peter Wherry.
                    let name = self.past_titles(k + 1);
                    if self
                        .entity_at(name)
                        .is_some_and(|e| self.layer.entities[e].kind == EntityKind::Person)
                    {
                        return self.mention_at(name);
                    }
                    let span = Span::new(self.doc.tokens[i].start, self.doc.tokens[k].end);
                    return Some((
                        SpeakerMention {
                            span,
                            entity: None,
                            pronoun: None,
                        },
                        k + 1,
                    ));
                }
                // The phrase ends at a verb or a function word ("the company said in a
                // statement" is not one phrase).
                let w = self.word(k);
                if self.doc.tokens[k].kind != TokenKind::Word
                    || LEX.speech_verb(w).is_some()
                    || is_preposition(w)
                    || matches!(w, "and" | "or" | "that" | "who" | "which" | "is" | "was")
                {
                    break;
                }
            }
        }
        None
    }

    pub(super) fn possessive_pronoun(&self, k: usize, g: Gender) -> SpeakerMention {
        SpeakerMention {
            span: self.doc.tokens[k].span(),
            entity: None,
            pronoun: Some(g),
        }
    }

    /// The first token of the titles ("Mr.", "Sen.", "Dr.") that stand right before token `k`,
    /// not before `floor`; `k` itself when there are none.
    pub(super) fn titles_before(&self, mut k: usize, floor: usize) -> usize {
        while k > floor {
            let w = self.word(k - 1);
            let dot = w == "." && k - 1 > floor && segment::is_abbreviation(self.word(k - 2));
            if dot {
                k -= 2;
            } else if with_lower(w, |l| LEX.title(l).is_some()) {
                k -= 1;
            } else {
                break;
            }
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    /// "The" before an organisation whose name ends in a description noun: the organisation.
    #[test]
    fn the_organisation_not_the_noun_it_ends_in() {
        assert_mention(
            "The International Atomic Energy Agency said: \"The test was a nuclear one.\"",
            "The test",
            "International Atomic Energy Agency",
            "International Atomic Energy Agency",
        );
    }

    /// A place, group or organisation before a title and a person's name modifies the
    /// person, who is the speaker.
    /// A name's possessive opens a description of another person, who spoke last.
    #[test]
    fn the_possessor_is_not_the_speaker() {
        let t = "David Axelrod on Wednesday called on Howard Dean to apologize.\n\n\
                 “That was outrageous,” Obama's former campaign strategist said.";
        assert_mention(
            t,
            "That was",
            "David Axelrod",
            "Obama's former campaign strategist",
        );
        let t = "David Axelrod on Wednesday called on Howard Dean to apologize.\n\n\
                 “That was outrageous,” the former campaign strategist said.";
        assert_mention(
            t,
            "That was",
            "David Axelrod",
            "the former campaign strategist",
        );
    }

    #[test]
    fn the_modifier_of_a_name_is_not_the_speaker() {
        assert_mention(
            "\"We will achieve justice,\" Tulsa police Chief Chuck Jordan said Monday.",
            "We will",
            "Chuck Jordan",
            "Chuck Jordan",
        );
        assert_mention(
            "\"To be frank, the city will change,\" said the Rev. Peter Wherry, of Mayfield \
             Church.",
            "To be",
            "Peter Wherry",
            "Peter Wherry",
        );
        assert_mention(
            "\"We are investigating,\" said Tulsa Police Chief Chuck Jordan.",
            "We are",
            "Chuck Jordan",
            "Chuck Jordan",
        );
        assert_mention(
            "Israeli Prime Minister Benjamin Netanyahu said: \"We will not wait.\"",
            "We will",
            "Benjamin Netanyahu",
            "Benjamin Netanyahu",
        );
        assert_mention(
            "Democratic presidential nominee Hillary Clinton said: \"We can do this.\"",
            "We can",
            "Hillary Clinton",
            "Hillary Clinton",
        );
        // A place opening a description is no speaker: the description is.
        assert_mention(
            "\"We need change,\" European officials said.",
            "We need",
            "European officials",
            "European officials",
        );
        // A person before a lowercase role and a name modifies that name.
        assert_mention(
            "Hillary Clinton was ill.\n\n\"She will be out there,\" Clinton campaign \
             spokesman Brian Fallon said on Monday.",
            "She will",
            "Brian Fallon",
            "Brian Fallon",
        );
        assert_mention(
            "Ivana Trump sued.\n\n\"We are pleased,\" Trump lawyer Marc Kasowitz said.",
            "We are",
            "Marc Kasowitz",
            "Marc Kasowitz",
        );
        // A role after a comma opens an apposition: the name before it speaks.
        assert_mention(
            "Michael Mulgrew, president of the United Federation of Teachers, which represents \
             city educators, said he hopes that \"communities are standing up.\"",
            "communities",
            "Michael Mulgrew",
            "Michael Mulgrew",
        );
        // Not across a verb or a lowercase word that is no title.
        assert_mention(
            "\"It is over,\" the Senate said after Mary Lee spoke.",
            "It is",
            "United States Senate",
            "Senate",
        );
    }
}

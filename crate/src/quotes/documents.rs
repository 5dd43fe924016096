//! A document speaks for whoever wrote it: "a Times article", "the IMF report", "Ivana
//! Trump's brief", "a complaint filed by the SEC" are their authors' words, and so is "the
//! statement" of an earlier "the Security Council issued a statement" or "Trump said in a
//! statement". A reader asking who said it means the author, and PolNeAR's guidelines credit
//! the author too. A document with no author in the text ("the clip", "a memo") stays a
//! description.

use super::Ctx;
use crate::lexicon::{with_lower, LEX};
use crate::segment::{word_is_cap, TokenKind};
use crate::types::{EntityKind, Span};

/// Nouns for what an author writes or issues.
const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "letter",
    "ruling",
    "study",
    "poll",
    "survey",
    "complaint",
    "lawsuit",
    "memo",
    "article",
    "post",
    "tweet",
    "email",
    "filing",
    "analysis",
    "book",
    "editorial",
    "brief",
    "document",
    "release",
    "column",
    "piece",
    "opinion",
];

/// Documents the name before which says where they were put up ("a Facebook post"), not who
/// wrote them.
const MEDIUM_NAMED: &[&str] = &["post", "tweet", "email"];

/// Verbs that put a document out: its subject is the author ("the council issued a
/// statement").
const ISSUING: &[&str] = &[
    "issued",
    "released",
    "published",
    "wrote",
    "sent",
    "posted",
    "filed",
    "put",
    "provided",
];

/// How many tokens back a definite document ("the article") looks for the same noun named
/// with its author.
const DOCUMENT_REACH: usize = 400;

impl Ctx<'_> {
    /// The author of the document `span` names, when its last word is a document noun: named
    /// in the phrase ([`Self::author_at`]), or, for "the" or "this" document, named where the
    /// text brought that document up before.
    pub(super) fn author_of_document(&self, span: Span) -> Option<usize> {
        let first = self.doc.token_at(span.start);
        let head = self.doc.token_at(span.end).checked_sub(1)?;
        if head < first || !self.is_document(head) {
            return None;
        }
        if let Some(e) = self.author_at(head, first) {
            return Some(e);
        }
        let definite = with_lower(self.word(first), |l| matches!(l, "the" | "this" | "that"));
        if !definite {
            return None;
        }
        let noun = self.word(head);
        (first.saturating_sub(DOCUMENT_REACH)..first)
            .rev()
            .filter(|&t| self.word(t).eq_ignore_ascii_case(noun) && !self.token_quoted(t))
            .filter(|&t| self.is_document(t))
            .find_map(|t| {
                self.author_at(t, t.saturating_sub(6))
                    .or_else(|| self.issuer(t))
            })
    }

    /// Whether token `k` is a document noun, in lowercase ("American Community Survey" is a
    /// name) unless its sentence is in headline case ("Schlafly's Final Column").
    fn is_document(&self, k: usize) -> bool {
        let w = self.word(k);
        let in_headline = || {
            let s = &self.doc.sentences[self.doc.tokens[k].sentence as usize];
            self.doc.is_headline_case(s)
        };
        with_lower(w, |l| DOCUMENTS.contains(&l)) && (!word_is_cap(w) || in_headline())
    }

    /// The author named with the document noun at token `head`, down to token `floor`: the
    /// possessor before it ("Ivana Trump's brief"; "the school's Facebook post" is no one
    /// named), else the nearest name before it past lowercase modifiers ("a Times article",
    /// "a new CBO report", "a Clinton campaign memo"), else a name after it with "by" or
    /// "from" ("a complaint filed by the SEC").
    fn author_at(&self, head: usize, floor: usize) -> Option<usize> {
        let mut nearest = None;
        let mut k = head;
        while k > floor && k + 6 > head {
            k -= 1;
            let w = self.word(k);
            if matches!(w, "'s" | "’s") {
                return k.checked_sub(1).and_then(|p| self.author_entity(p));
            }
            if let Some(e) = self.entity_at(k) {
                nearest = nearest.or_else(|| self.author_entity(k));
                k = self.doc.token_at(self.layer.entities[e].start);
                continue;
            }
            if !self.lowercase_modifier(k) {
                break;
            }
        }
        // "a Facebook post": the name before a post names where it went up, not who wrote it.
        let medium = with_lower(self.word(head), |l| MEDIUM_NAMED.contains(&l));
        nearest
            .filter(|_| !medium)
            .or_else(|| self.author_after(head))
    }

    /// "a report by the Congressional Budget Office", "a complaint filed by the SEC", "an email
    /// from Neera Tanden": the name after the document noun at `head`.
    fn author_after(&self, head: usize) -> Option<usize> {
        let n = self.doc.tokens.len();
        let mut k = head + 1;
        if k < n && with_lower(self.word(k), |l| ISSUING.contains(&l)) {
            k += 1;
        }
        if k + 1 >= n || !matches!(self.word(k), "by" | "from") {
            return None;
        }
        let name = if self.word(k + 1).eq_ignore_ascii_case("the") {
            k + 2
        } else {
            k + 1
        };
        self.author_entity(name)
    }

    /// "the Security Council issued a statement", "Trump said in a statement", "Cook provided
    /// a written statement": the subject of the verb that put out the document at token `t`
    /// (past its auxiliaries: "has issued"), resolved.
    fn issuer(&self, t: usize) -> Option<usize> {
        let s0 = self.doc.sentences[self.doc.tokens[t].sentence as usize]
            .tokens
            .0;
        // Past lowercase modifiers: "a written statement", "a lengthy email".
        let mut det = t.checked_sub(1).filter(|&d| d > s0)?;
        while det > s0 + 1 && t - det <= 2 && self.lowercase_modifier(det) {
            det -= 1;
        }
        if !with_lower(self.word(det), |l| {
            matches!(l, "a" | "an" | "the" | "its" | "his" | "her")
        }) {
            return None;
        }
        let mut v = det - 1;
        // "said in a statement"
        if self.word(v) == "in" && v > s0 && LEX.speech_verb(self.word(v - 1)).is_some() {
            v -= 1;
        } else if !with_lower(self.word(v), |l| ISSUING.contains(&l)) {
            return None;
        }
        // A name or a pronoun: a description here ("the report issued a statement") is
        // another document, not followed further.
        // Nor one of two subjects ("Smith and Woods have filed a lawsuit"): no one author. A
        // clause joined by ", and" has its own subject ("…on Friday, and Cook issued a …").
        let m = self
            .subject_next_to(v, s0)
            .filter(|m| m.entity.is_some() || self.is_pronoun_mention(m))
            .filter(|m| {
                let first = self.doc.token_at(m.span.start);
                first < 2 || self.word(first - 1) != "and" || !word_is_cap(self.word(first - 2))
            })?;
        let e = self.resolve(&m)?;
        can_write(self.layer.entities[e].kind).then_some(e)
    }

    /// Token `k` is a lowercase word that is no function word: a modifier before a document
    /// noun ("a written statement", "a new CBO report").
    fn lowercase_modifier(&self, k: usize) -> bool {
        let w = self.word(k);
        self.doc.tokens[k].kind == TokenKind::Word
            && !word_is_cap(w)
            && !with_lower(w, |l| LEX.is_stopword(l))
    }

    /// The entity at token `k` when it can write: a person, an organisation or a group (not a
    /// place: "a Benghazi email").
    fn author_entity(&self, k: usize) -> Option<usize> {
        let e = self.entity_at(k)?;
        (can_write(self.layer.entities[e].kind) && !self.token_quoted(k)).then_some(e)
    }
}

fn can_write(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person | EntityKind::Org | EntityKind::Group
    )
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn a_document_speaks_for_its_author() {
        let t = "The International Monetary Fund met in Lima.\n\n\
                 \"Growth will slow across the region,\" the IMF report said.";
        assert_mention(
            t,
            "Growth will",
            "International Monetary Fund",
            "the IMF report",
        );
        let t = "Regulators acted on Friday.\n\n\"The scheme defrauded investors for years,\" \
                 said a complaint filed by the Securities and Exchange Commission.";
        assert_mention(
            t,
            "The scheme",
            "Securities and Exchange Commission",
            "a complaint",
        );
    }

    #[test]
    fn the_document_named_again() {
        let t = "The Security Council issued a statement on Friday.\n\n\
                 \"The attacks must stop at once,\" the statement said.";
        assert_mention(
            t,
            "The attacks",
            "United Nations Security Council",
            "the statement",
        );
        let t = "The paper said Peter Cook provided a written statement on Friday.\n\n\
                 \"The practice has stopped,\" the statement said.";
        assert_mention(t, "The practice", "Peter Cook", "the statement");
        // A clause joined by ", and" has a subject of its own.
        let t = "The House passed the bill on Friday, and Peter Cook issued a statement.\n\n\
                 \"The practice has stopped,\" the statement said.";
        assert_mention(t, "The practice", "Peter Cook", "the statement");
        // Two people filed it: neither alone wrote it.
        let t = "Ana Smith and Charles Woods have filed a wrongful death lawsuit.\n\n\
                 The lawsuit contends that \"the deaths were caused by negligence.\"";
        assert_unresolved(t, "deaths");
        // A memo no one is said to have written stays a description.
        let t = "Anna Bell spoke on Friday.\n\n\"The plan will fail,\" a memo said.";
        assert_unresolved(t, "plan");
    }
}

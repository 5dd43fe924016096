//! Reporting verbs: which speech-verb forms are cues here.

use super::words::is_preposition;
use super::*;
use crate::lexicon::{with_lower, LEX};
use crate::pos::{self, Pos, Upos};
use crate::segment::Document;
use crate::types::EntityKind;

/// Forms of these lemmas are verbs wherever they are cues: they need no tagging.
const ALWAYS_VERBS: [&str; 2] = ["say", "tell"];

/// Whether the speech-verb form `w` (of `lemma`) is a cue only where it is a verb: not the
/// forms of say and tell, not the "-ed" forms (see [`cue_classes`]).
fn needs_class(w: &str, lemma: &str) -> bool {
    !ALWAYS_VERBS.contains(&lemma) && !w.ends_with("ed")
}

/// The word classes the quote finder reads: those of the speech-verb forms that may be
/// another word class ("states", "notes", "claims", "show", "charge", "warning"), with their
/// neighbours. Not the "-ed" forms: tagging them changed 2 of PolNeAR dev's 1,600 predictions
/// and cost a quarter of the tagging time. Not in a title-cased line ("Bill Clinton Calls
/// Obamacare …"): its capitals mislead the tagger, and every form there stays a cue.
pub(super) fn cue_classes(doc: &Document) -> Vec<Option<Pos>> {
    let mut cues = Vec::new();
    for s in &doc.sentences {
        let ambiguous = |&t: &usize| {
            let w = doc.tok(t);
            LEX.speech_verb(w)
                .is_some_and(|lemma| needs_class(w, lemma))
        };
        let first = cues.len();
        cues.extend((s.tokens.0..s.tokens.1).filter(ambiguous));
        if cues.len() > first && doc.is_title_cased(s) {
            cues.truncate(first);
        }
    }
    pos::tag_around(doc, &cues)
}

impl Ctx<'_> {
    /// The lemma of the reporting verb at token `k`: a speech-verb form the part-of-speech
    /// tagger reads as a verb here ("she notes", not "his notes"; "states", not "the United
    /// States"), or one right after its subject ([`Ctx::after_subject`]).
    pub(super) fn cue(&self, k: usize) -> Option<&'static str> {
        let w = self.word(k);
        let lemma = LEX.speech_verb(w)?;
        // Only the forms tagged for this ([`cue_classes`]): a "said" that a neighbour's
        // window tagged is a cue whatever its class.
        let other = needs_class(w, lemma)
            && self
                .pos
                .get(k)
                .copied()
                .flatten()
                .is_some_and(|p| !matches!(p.upos, Upos::Verb | Upos::Aux));
        (!other || self.after_subject(k)).then_some(lemma)
    }

    /// Whether token `k` follows a subject: a person's or organisation's name ending right
    /// before it, or a subject pronoun ("Mr. Castañeda argues", "AROS argues", "she notes").
    /// The tagger reads a rare "-s" form after a name as a plural noun; a noun there would
    /// be a compound ("phone calls"), and names are not its first part in news.
    pub(super) fn after_subject(&self, k: usize) -> bool {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        let name = self.entity_at(p).is_some_and(|e| {
            matches!(
                self.layer.entities[e].kind,
                EntityKind::Person | EntityKind::Org
            ) && self.entity_at(k) != Some(e)
        });
        name || with_lower(self.word(p), |w| {
            matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who")
        })
    }

    /// A reporting verb right after a quote and its speaker (`“…,” a narrator in the ad
    /// asks`): any speech-verb form, whatever the tagger read (a form after a quote and a noun
    /// phrase is the verb; the tagger took that "asks" for a plural noun), or "read(s)", which
    /// reports only there (`“…,” the letter reads`). Not a form right after a preposition other than "to": that is a noun ("the former
    /// secretary of state said", "in charge").
    pub(super) fn after_quote_cue(&self, k: usize) -> bool {
        let after_preposition = k
            .checked_sub(1)
            .is_some_and(|p| self.word(p) != "to" && is_preposition(self.word(p)));
        !after_preposition
            && (LEX.speech_verb(self.word(k)).is_some() || matches!(self.word(k), "read" | "reads"))
    }

    /// A reporting verb used as a verb: not "his remarks", "the statement", "remarks by X".
    pub(super) fn is_reporting_verb(&self, k: usize) -> bool {
        if self.cue(k).is_none() {
            return false;
        }
        let prev = k.checked_sub(1).map(|p| self.word(p).to_lowercase());
        let next = self.doc.tokens.get(k + 1).map(|_| self.word(k + 1));
        let determiner = prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "these"
                    | "those"
                    | "this"
                    | "that"
                    | "’s"
                    | "'s"
                    | "whose"
            )
        });
        // "a letter that says", "the group which said": a relative pronoun, not "that claim".
        let relative = matches!(prev.as_deref(), Some("that" | "which"))
            && (self.word(k).ends_with('s') || self.word(k).ends_with("ed") || {
                let w = self.word(k);
                matches!(w, "said" | "told" | "wrote" | "spoke")
            });
        (!determiner || relative) && next != Some("by")
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn a_speech_verb_form_after_a_preposition_is_a_noun() {
        let qs = quotes("“That is wrong,” the former secretary of state said on Monday.");
        let cue = qs[0].cue.as_ref().map(|c| c.text.as_str());
        assert_eq!(cue, Some("said"), "{qs:#?}");
        // Not "to": "he went on to say".
        let qs = quotes("“That is wrong,” he went on to say.");
        assert_eq!(qs[0].cue.as_ref().map(|c| c.text.as_str()), Some("say"));
    }

    #[test]
    fn a_noun_spelled_like_a_speech_verb_is_no_cue() {
        let r = |text: &str, content: &str| reported(text, content);
        // Tagged as nouns: "questions", "claims", "calls" report nothing here.
        let none = [
            (
                "The candidates took questions about the fairness of the debate.",
                "about",
            ),
            (
                "His claims that the plant was safe drew scrutiny from regulators.",
                "the plant",
            ),
            (
                "Too many calls to the hotline still roll over to voicemail.",
                "to the hotline",
            ),
        ];
        for (text, content) in none {
            assert_eq!(r(text, content), None, "{text}");
        }
        // Verbs: after their subject, and where the tagger reads a verb.
        // The tagger reads these "argues" and "reports" as plural nouns; after a name they are
        // the verb.
        assert_eq!(
            r(
                "Mr. Castañeda argues that there are other tools in the toolbox.",
                "there are other tools"
            ),
            Some("Castañeda".into())
        );
        assert_eq!(
            r(
                "The Wall Street Journal reports that bonuses were $500 every three months.",
                "bonuses were"
            ),
            Some("Wall Street Journal".into())
        );
        assert_eq!(
            r("She notes that the wall was built in 1920.", "the wall"),
            Some("She".into())
        );
        // A title-cased headline keeps its cues: the tagger cannot read its capitals.
        assert_mention(
            "Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Obama.",
            "Demoralizing",
            "Retired General",
            "Retired General",
        );
    }
}

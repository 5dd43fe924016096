//! From a speaker mention to the entity it names.

use super::words::*;
use super::*;
use crate::entities::{title_case, EntityLayer};
use crate::lexicon::LEX;
use crate::types::{EntityKind, Span, Speaker};

impl Ctx<'_> {
    /// The entity a mention stands for: its own, or the person it modifies
    /// ([`Ctx::person_it_modifies`]); for "he" or "his", the person
    /// [`crate::coref`] resolved it to; for "it" and "they", the nearest organisation before;
    /// for a description ("the ambassador"), the person [`crate::coref`] resolved it to, a
    /// document's author ([`Ctx::author_of_document`]), or the organisation whose name holds
    /// its noun ("the commission").
    pub(super) fn resolve(&self, m: &SpeakerMention) -> Option<usize> {
        if let Some(e) = m.entity {
            return Some(self.person_it_modifies(e).unwrap_or(e));
        }
        if m.pronoun.is_some() {
            let k = self
                .pronouns
                .partition_point(|r| r.span.start < m.span.start);
            return self
                .pronouns
                .get(k)
                .filter(|r| r.span == m.span)
                .map(|r| r.antecedent);
        }
        let text = &self.doc.text[m.span.start..m.span.end];
        let k = self
            .layer
            .entities
            .partition_point(|e| e.start < m.span.start);
        // "it" and "they": the nearest organisation (or, for "they", group) before.
        if matches!(text, "it" | "It" | "they" | "They") {
            let groups = text.eq_ignore_ascii_case("they");
            return (0..k).rev().take(30).find(|&i| {
                let e = &self.layer.entities[i];
                !self.inside_quote(e.start)
                    && (e.kind == EntityKind::Org || (groups && e.kind == EntityKind::Group))
            });
        }
        // A description ("the ambassador", "the Vermont senator"): as coref resolved the
        // one that ends where it ends.
        let r = self.pronouns.partition_point(|r| r.span.start < m.span.end);
        self.pronouns[..r]
            .iter()
            .rev()
            .take_while(|r| r.span.end >= m.span.start)
            .find(|r| r.span.end == m.span.end)
            .map(|r| r.antecedent)
            .or_else(|| self.author_of_document(m.span))
            .or_else(|| self.organisation_described(text, k))
    }

    /// "the commission", "the department": the latest organisation before entity `k` (outside
    /// quotation marks) whose name holds the description's noun ("Commission on Presidential
    /// Debates", "State Department"), a word that ends organisations' names (`org_heads.txt`:
    /// not "the report" of "Drudge Report"). A noun no name holds ("the union") is left
    /// unresolved: which organisation it is, the text does not say in so many words; nor are
    /// "the group" and "the company", which end the names of firms they seldom mean
    /// ("UnitedHealth Group" for "the trade group").
    fn organisation_described(&self, text: &str, k: usize) -> Option<usize> {
        const GENERIC: &[&str] = &["group", "company"];
        let mut words = text.split_whitespace();
        let first = words.next()?;
        let noun = words.last()?;
        if !first.eq_ignore_ascii_case("the")
            || !noun.chars().all(|c| c.is_lowercase())
            || GENERIC.contains(&noun)
        {
            return None;
        }
        let head = title_case(noun);
        if !LEX.org_heads.contains(head.as_str()) {
            return None;
        }
        let layer = self.layer;
        (0..k).rev().take(LOOK_BACK).find(|&i| {
            let e = &layer.entities[i];
            let name =
                e.id.and_then(|id| layer.cluster(id))
                    .map_or(&self.doc.text[e.start..e.end], |c| c.name.as_str());
            e.kind == EntityKind::Org
                && !self.inside_quote(e.start)
                && name.split_whitespace().any(|w| w == head)
        })
    }

    pub(super) fn speaker(&self, m: &SpeakerMention) -> (Speaker, bool) {
        let resolved = self.resolve(m);
        // The modifier of a person's name ("Tulsa" of "Tulsa Police Chief Chuck Jordan") is
        // not the mention that names the speaker: the name is.
        let span = match (m.entity, resolved) {
            (Some(a), Some(b)) if a != b => self.layer.entities[b].span(),
            _ => m.span,
        };
        let text = self.doc.text[span.start..span.end].to_string();
        match resolved {
            Some(e) => {
                let ent = &self.layer.entities[e];
                (
                    Speaker {
                        name: self.layer.name_of(ent),
                        entity: ent.id,
                        start: span.start,
                        end: span.end,
                        text,
                    },
                    true,
                )
            }
            None => (
                Speaker {
                    name: text.clone(),
                    entity: None,
                    start: m.span.start,
                    end: m.span.end,
                    text,
                },
                false,
            ),
        }
    }
}

/// The speaker of an earlier quote as a mention a later quote can share.
pub(super) fn previous_speaker(s: &Speaker, layer: &EntityLayer) -> SpeakerMention {
    let k = layer.entities.partition_point(|e| e.start < s.start);
    SpeakerMention {
        span: Span::new(s.start, s.end),
        entity: layer
            .entities
            .get(k)
            .filter(|e| e.start == s.start && s.entity.is_some() && e.id == s.entity)
            .map(|_| k),
        pronoun: pronoun(&s.text),
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    /// "the commission" is the organisation named before whose name holds "commission"; "the
    /// group" (a firm's name's last word) and "the union" (no name holds it) stay
    /// descriptions.
    #[test]
    fn an_organisation_by_the_noun_in_its_name() {
        let t = "The Federal Trade Commission met on Friday.\n\n\
                 \"The merger will go ahead,\" the commission said.";
        assert_mention(
            t,
            "The merger",
            "Federal Trade Commission",
            "the commission",
        );
        let t = "UnitedHealth Group met on Friday.\n\n\"The plan will close,\" the group said.";
        assert_unresolved(t, "plan");
        let t = "UnitedHealth Group met on Friday.\n\n\"The plan will close,\" the union said.";
        assert_unresolved(t, "plan");
    }
}

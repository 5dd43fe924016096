//! A transcript's speaker label (`PENCE: Well, look, …`, [`speaker_label`]) names a person
//! when its last word is the surname of someone the text names in full, or a surname the
//! lexicon knows, or when it opens with a given name ("JAKE TAPPER"). The tagger, which reads
//! capitals at a paragraph start warily, misses most labels ("PENCE" in a Fox News transcript
//! pasted into an article), and section labels in the same shape ("UPDATE:", "VIDEO:",
//! "CLARIFICATION:") are no one.

use super::named_again::read_as_surname;
use super::{given_name, title_case, Mention};
use crate::lexicon::LEX;
use crate::segment::labels::speaker_label;
use crate::segment::Document;
use crate::types::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Reads the speaker label of every paragraph not `skipped` that names a person as a person
/// mention, in place of any mention of its words; `surnames`: the last words of the people
/// named in full ([`super::named_again::full_name_surnames`]). `mentions` stay in text order.
pub(super) fn add_speaker_labels(
    doc: &Document,
    skipped: &dyn Fn(usize) -> bool,
    surnames: &HashMap<&str, &str>,
    mentions: &mut Vec<Mention>,
) {
    let mut added = Vec::new();
    for b in (0..doc.blocks.len()).filter(|&b| !skipped(b)) {
        let Some(label) = speaker_label(doc, b) else {
            continue;
        };
        let (i, j) = label.words;
        let surname = title_case(doc.tok(j - 1));
        let why = "a transcript's speaker label".to_string();
        let mut m = Mention::of_tokens(doc, (i, j), EntityKind::Person, 1, why);
        let given = (j - i >= 2)
            .then(|| given_name(&title_case(doc.tok(i))))
            .flatten();
        if let Some(full) = surnames.get(surname.as_str()) {
            read_as_surname(&mut m, full);
        } else if let Some(g) = given {
            m.gender = g;
        } else if !LEX.surnames.contains(surname.as_str()) {
            continue;
        }
        added.push(m);
    }
    if added.is_empty() {
        return;
    }
    // Labels come in text order and never overlap: a mention overlaps one only if the last
    // label starting before its end reaches past its start.
    let labelled: Vec<(usize, usize)> = added.iter().map(|m| m.toks).collect();
    mentions.retain(|m| {
        let k = labelled.partition_point(|&(i, _)| i < m.toks.1);
        !(k > 0 && labelled[k - 1].1 > m.toks.0)
    });
    mentions.extend(added);
    mentions.sort_by_key(Mention::tokens);
}

#[cfg(test)]
mod tests {
    use crate::entities::find;
    use crate::segment::Document;
    use crate::types::EntityKind;

    /// Each person mention's text and the name of its cluster.
    fn people(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let layer = find(&doc, &[], &[], Some("en"));
        layer
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (text[e.start..e.end].to_string(), layer.name_of(e)))
            .collect()
    }

    #[test]
    fn a_label_is_the_person_named_in_full() {
        let p = people(
            "Gov. Mike Pence spoke on Sunday.\n\n\"WALLACE: Will she be there?\n\n\
             \"PENCE: Well, look, she will not be attending.\n\nJAKE TAPPER: And you?",
        );
        let pence = p.iter().find(|(t, _)| t == "PENCE").expect("PENCE");
        assert_eq!(pence.1, "Mike Pence");
        assert!(p.iter().any(|(t, _)| t == "WALLACE"), "{p:?}");
        assert!(p.iter().any(|(t, _)| t == "JAKE TAPPER"), "{p:?}");
    }

    #[test]
    fn a_section_label_is_no_one() {
        let p = people(
            "Gov. Mike Pence spoke on Sunday.\n\nUPDATE: The debate is on.\n\n\
             CLARIFICATION: An earlier version misstated the date.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
    }
}

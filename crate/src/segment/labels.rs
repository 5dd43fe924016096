//! Speaker labels. A transcript names whoever speaks at the start of each turn, in capitals
//! and with a colon (`PENCE: Well, look, …`, `JAKE TAPPER: Donald Trump released…`), and a
//! site that pastes one into an article puts each turn in quotation marks (`"WALLACE: If I
//! may, sir, …`). This is the shape only; whether a label names a person, the entity finder
//! decides ([`crate::entities`]), and the quote finder ends a quoted turn where the next
//! label begins ([`crate::quotes::Marks`]).

use super::{Document, TokenKind};

/// Longest label, in words ("JAKE TAPPER", "REP. JIM JORDAN" is three and a full stop).
const LABEL_WORDS: usize = 3;

/// A speaker label opening a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerLabel {
    /// The label's words: tokens `[first, last)`.
    pub words: (usize, usize),
    /// The byte where the turn's own words begin, after the colon.
    pub turn: usize,
}

/// The speaker label opening block `b`, after a quotation mark at most: one to
/// [`LABEL_WORDS`] words in capitals, the last of two letters or more ("Q:" and "A:" name
/// no one), a colon, and words after it.
pub fn speaker_label(doc: &Document, b: usize) -> Option<SpeakerLabel> {
    let (t0, t1) = doc.block_tokens(b);
    let mut k = t0;
    if k < t1 && is_quotation_mark(doc.tok(k)) {
        k += 1;
    }
    let first = k;
    while k < t1 && k - first < LABEL_WORDS + 1 && is_label_word(doc, k) {
        k += 1;
    }
    let words = k - first;
    let colon = k;
    let ok = (1..=LABEL_WORDS).contains(&words)
        && doc
            .tok(colon - 1)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
        && colon + 1 < t1
        && doc.tok(colon) == ":"
        && doc.tokens[colon + 1].space_before;
    ok.then(|| SpeakerLabel {
        words: (first, colon),
        turn: doc.tokens[colon + 1].start,
    })
}

/// A word in capitals: no lowercase letter, and a letter ("SEN", "O'ROURKE", "AL-SISI").
fn is_label_word(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    doc.tokens[k].kind == TokenKind::Word
        && w.chars().any(char::is_alphabetic)
        && !w.chars().any(char::is_lowercase)
}

fn is_quotation_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "„" | "«" | "»" | "'" | "‘")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<String> {
        let doc = Document::new(text);
        speaker_label(&doc, 0).map(|l| {
            let (a, b) = l.words;
            format!(
                "{} | {}",
                &text[doc.tokens[a].start..doc.tokens[b - 1].end],
                &text[l.turn..]
            )
        })
    }

    #[test]
    fn a_name_in_capitals_and_a_colon_open_a_turn() {
        assert_eq!(
            label("PENCE: Well, look."),
            Some("PENCE | Well, look.".into())
        );
        assert_eq!(
            label("\"JAKE TAPPER: Donald Trump released a video."),
            Some("JAKE TAPPER | Donald Trump released a video.".into())
        );
        assert_eq!(label("“AL-SISI: No."), Some("AL-SISI | No.".into()));
    }

    #[test]
    fn not_a_label() {
        for text in [
            "Pence: Gennifer Flowers Won’t Be at Debate",
            "Q: Will you run?",
            "THE PRESIDENT OF THE BOARD: no.",
            "NOTES:",
            "Partial transcript as follows:",
            "WASHINGTON — The senator said: “No.”",
            "AT 10:30 the vote opened.",
        ] {
            assert_eq!(label(text), None, "{text}");
        }
    }
}

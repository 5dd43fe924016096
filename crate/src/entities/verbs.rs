//! A name holds no verb: in a headline's capitals ("Obama Sees 'Personal Insult'…", "Obama
//! Says African-American Museum Will Tell…") the tagger runs a name on into the verb after
//! it, and capitals alone cannot tell it not to. The part-of-speech layer can: a chunk is
//! cut at every word it reads as a finite verb or a modal (`VBZ`, `VBP`, `MD`; not the
//! participles of "Manchester United", "New York-based", "Purchasing Management"), and a
//! piece left of one ordinary word is a name only if the tagger reads it as a proper noun.

use super::{in_gazetteer, is_common};
use crate::pos::{self, Upos};
use crate::segment::{word_is_cap, Document};
use crate::tagger::Chunk;

/// `chunks` (in order, not overlapping) with each chunk cut at its verbs. Only the words that
/// could be verbs (capitalised ordinary words inside a chunk of two words or more) are
/// tagged, a few words around each: most texts tag none.
pub(super) fn cut_at_verbs(doc: &Document, chunks: Vec<Chunk>) -> Vec<Chunk> {
    let maybe_verb = |k: usize| {
        let w = doc.tok(k);
        word_is_cap(w) && verb_shaped(w) && is_common(w) && !in_gazetteer(w)
    };
    let around: Vec<usize> = chunks
        .iter()
        .filter(|c| c.toks.1 - c.toks.0 >= 2)
        .flat_map(|c| c.toks.0..c.toks.1)
        .filter(|&k| maybe_verb(k))
        .collect();
    if around.is_empty() {
        return chunks;
    }
    let tags = pos::tag_around(doc, &around);
    let verb =
        |k: usize| tags[k].is_some_and(|p| matches!(p.xpos, "VBZ" | "VBP" | "MD")) && maybe_verb(k);
    let mut out = Vec::with_capacity(chunks.len());
    for c in chunks {
        let (a, b) = c.toks;
        if b - a < 2 || !(a..b).any(verb) {
            out.push(c);
            continue;
        }
        let mut start = a;
        for k in a..=b {
            if k < b && !verb(k) {
                continue;
            }
            // A piece of one ordinary word is a name only if read as one: "Obama" of "Obama
            // Sees", not "Rally" of "Blacks Don't Rally".
            let one_word_name =
                |t: usize| !maybe_verb(t) || tags[t].is_none_or(|p| p.upos == Upos::Propn);
            if k > start && (k - start > 1 || one_word_name(start)) {
                out.push(Chunk {
                    toks: (start, k),
                    apart: c.apart || start > a,
                    ..c
                });
            }
            start = k + 1;
        }
    }
    out
}

/// A capitalised word shaped like a finite verb of a headline: a third-person "-s" ("Sees",
/// "Says", "Wins"; not "Congress") or an auxiliary or modal ("Will", "Don't"). Only these are
/// tagged: the capitalised ordinary words inside names ("Trump", "New", "House") are many, and
/// tagging around each cost a twentieth of the whole analysis.
fn verb_shaped(w: &str) -> bool {
    const AUXILIARIES: &[&str] = &[
        "Will", "Would", "Can", "Could", "May", "Might", "Must", "Shall", "Should", "Do", "Don't",
        "Don’t", "Did", "Didn't", "Didn’t", "Won't", "Won’t", "Can't", "Can’t", "Are", "Were",
        "Have", "Had",
    ];
    (w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss")) || AUXILIARIES.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Document;

    fn chunk(a: usize, b: usize) -> Chunk {
        Chunk {
            toks: (a, b),
            kind: 1,
            margin: 5.0,
            apart: false,
        }
    }

    fn cut(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
        let doc = Document::new(text);
        let chunks = spans.iter().map(|&(a, b)| chunk(a, b)).collect();
        cut_at_verbs(&doc, chunks)
            .iter()
            .map(|c| doc.text[doc.tokens[c.toks.0].start..doc.tokens[c.toks.1 - 1].end].to_string())
            .collect()
    }

    #[test]
    fn a_headline_verb_ends_the_name() {
        // Obama Sees ' Personal Insult ' if …
        assert_eq!(
            cut(
                "Obama Sees 'Personal Insult' if Voters Stay Home.",
                &[(0, 2)]
            ),
            ["Obama"]
        );
    }

    #[test]
    fn participles_stay_in_names() {
        assert_eq!(
            cut(
                "Manchester United beat the National Association of Purchasing Management.",
                &[(0, 2), (4, 9)]
            ),
            [
                "Manchester United",
                "National Association of Purchasing Management"
            ]
        );
    }

    #[test]
    fn names_without_verbs_are_kept_whole() {
        assert_eq!(
            cut("Hillary Clinton met New York voters.", &[(0, 2), (3, 5)]),
            ["Hillary Clinton", "New York"]
        );
    }
}

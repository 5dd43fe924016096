//! Which blocks are the article and which are everything else.
//!
//! A learned classifier, the same in every language: each block's facts ([`facts`]: length,
//! punctuation of any script, link text, the page language's function words, repeats, named
//! patterns), the markup around it in HTML (tag path, class and id words, Readability's
//! judgement) and its neighbours' become hashed features ([`features`]); a logistic model
//! scores each block, and a second model reads those scores along the page (a block's label
//! depends on its neighbours') and decides ([`model`], weights in `crate/data/boilerplate.bin`,
//! trained on three corpora by `tools/boilerplate/train.sh`). Small named rules then say what
//! each block is ([`kinds`]): the title, headings, bylines, menus, share bars, captions,
//! repeats — and every decision keeps its reason for the reader.

pub mod facts;
pub mod features;
mod kinds;
pub mod language;
pub mod model;
pub mod patterns;

use crate::html::HtmlDoc;
use crate::segment::Document;
use crate::types::Block;
use facts::Facts;
use features::Features;
use language::FunctionWords;
pub use model::{Model, SHIPPED};

/// The blocks of a document, classified.
#[derive(Debug, Clone)]
pub struct Classified {
    pub blocks: Vec<Block>,
    /// Per block: a widget rather than text (a menu, skip link, share bar, shortcode, advert
    /// or link list). Such blocks are not prose, so nothing in them is annotated.
    pub widgets: Vec<bool>,
    /// The page's language (ISO 639-3), when it could be told.
    pub language: Option<&'static str>,
    /// What the reader should know about the decision (e.g. nothing looked like an article).
    pub warnings: Vec<String>,
}

/// What the classifier knows of a page before it scores it.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub facts: Vec<Facts>,
    pub first: Vec<Features>,
    pub language: Option<&'static str>,
}

/// Facts and first-pass features of every block of `doc` (`html`: the markup it came from).
pub fn prepare(doc: &Document, html: Option<&HtmlDoc>) -> Prepared {
    let language = language::detect(doc);
    let fw = language.and_then(FunctionWords::for_code);
    let facts = facts::of_page(doc, html, fw.as_ref());
    let first = features::first_pass(&facts, html);
    Prepared {
        facts,
        first,
        language,
    }
}

/// Per block: the first pass's log-odds and the final probability of being article text.
pub fn score(model: &Model, p: &Prepared, html: bool) -> (Vec<f32>, Vec<f32>) {
    let passes = model.passes(html);
    let z: Vec<f32> = p.first.iter().map(|f| passes.first.score(f)).collect();
    let second = features::second_pass(&z, &p.facts);
    let prob = second
        .iter()
        .map(|f| 1.0 / (1.0 + (-passes.second.score(f)).exp()))
        .collect();
    (z, prob)
}

/// Classifies every block of `doc` with the shipped model.
pub fn classify(doc: &Document, html: Option<&HtmlDoc>) -> Classified {
    classify_with(&SHIPPED, doc, html)
}

/// Classifies every block of `doc` with `model`.
pub fn classify_with(model: &Model, doc: &Document, html: Option<&HtmlDoc>) -> Classified {
    classify_prepared(model, doc, html, prepare(doc, html))
}

/// [`classify_with`] on a page already [`prepare`]d.
pub fn classify_prepared(
    model: &Model,
    doc: &Document,
    html: Option<&HtmlDoc>,
    prepared: Prepared,
) -> Classified {
    let (_, prob) = score(model, &prepared, html.is_some());
    let (kept, warnings) = kinds::decide(&prob, &prepared.facts);
    let (blocks, widgets) = kinds::name(doc, html, &prepared.facts, &kept, &prob);
    Classified {
        blocks,
        widgets,
        language: prepared.language,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::BlockKind;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let doc = Document::new(text);
        classify(&doc, None)
            .blocks
            .into_iter()
            .map(|b| (text[b.start..b.end].to_string(), b.kind))
            .collect()
    }

    #[test]
    fn title_body_and_trailing_boilerplate() {
        let para = "The government said on Tuesday that it would not change its policy, and that the protests were a matter for the courts to decide in the coming weeks.";
        let text = format!(
            "Skip to main content\nRallies spread across the country\n\n{para}\n\n{para} And more.\n\nComments\n\nPopular posts from this blog\n\nSomething else entirely here"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Navigation, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[2].1, BlockKind::Body);
        assert_eq!(k[3].1, BlockKind::Body);
        assert!(
            k[4..].iter().all(|(_, kind)| kind.is_boilerplate()),
            "{k:?}"
        );
    }

    #[test]
    fn an_encyclopedia_title_is_the_line_above_its_tagline() {
        let text = "Morwen Reservoir\nFrom Wikipedia, the free encyclopedia\nMorwen Reservoir is a \
                    reservoir on the River Tessel. It holds 48 million cubic metres of water and \
                    supplies the city.[1]\nHistory\nThe board first proposed a dam at Morwen in \
                    1928, but the plan was shelved during the war.[2] Construction began in 1956.[3]";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(k[0], BlockKind::Title, "{k:?}");
        assert!(k[1].is_boilerplate());
        assert_eq!(k[2], BlockKind::Body);
    }

    #[test]
    fn german_prose_is_article_text() {
        let para = "Die Bundesregierung hat am Dienstag beschlossen, dass die neuen Regeln für \
                    den Wohnungsbau schon im nächsten Jahr gelten sollen. Die Länder müssen sie \
                    bis dahin umsetzen, sagte eine Sprecherin in Berlin.";
        let text = format!("Startseite\nPolitik\nWirtschaft\nNeue Regeln für den Wohnungsbau\n{para}\n{para}\nImpressum\nDatenschutz");
        let k = kinds(&text);
        assert_eq!(k[4].1, BlockKind::Body, "{k:?}");
        assert!(k[0].1.is_boilerplate() && k[7].1.is_boilerplate(), "{k:?}");
    }
}

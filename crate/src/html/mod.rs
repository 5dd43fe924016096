//! Inert HTML → readable text, blocks, and the structure around each block.
//!
//! The page is parsed by html5ever (through `dom_query`), so browsers' error recovery comes
//! with it: unclosed `<p>`, misnested tags, tables, character references. Nothing is executed
//! or fetched: the tree is only read. [`walk`] turns it into text the way a browser's
//! `innerText` does (block elements start new blocks, whitespace collapses, scripts, styles and
//! hidden elements are left out) and remembers, for each block, the elements around it (tag,
//! class and id words, links). [`readability`] runs Mozilla Readability's judgement
//! (`dom_smoothie`) on the same tree and tells which blocks it kept.

mod depth;
mod readability;
mod walk;

pub use walk::is_hidden;

use crate::types::Span;

/// An element that holds text of the page, as the block classifier sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Index of the parent element in [`HtmlDoc::elements`]; `None` for the root.
    pub parent: Option<u32>,
    /// The tag name, lowercase (`"custom"` for names outside HTML's own).
    pub tag: &'static str,
    /// The words of its `class` and `id` attributes, lowercase, split at every character that
    /// is not a letter or digit (`"sticky-navigation"` → `sticky`, `navigation`).
    pub words: Vec<Box<str>>,
}

/// One block of the extracted text with what the markup says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBlock {
    pub span: Span,
    /// The innermost block element around the text (`p`, `h1`, `li`, `td`, `div`, …).
    pub tag: &'static str,
    /// The element holding the block's first text (index into [`HtmlDoc::elements`]).
    pub element: u32,
    /// Bytes of the block's text that are inside links.
    pub link_bytes: usize,
    /// Readability (Mozilla's algorithm) kept this block in its article.
    pub in_readability: bool,
}

/// The readable text of an HTML page, its blocks and elements, and its `<title>`.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    pub text: String,
    pub blocks: Vec<HtmlBlock>,
    pub elements: Vec<Element>,
    pub title: Option<String>,
    /// Readability found an article (else no block is `in_readability`).
    pub readability_found: bool,
    /// What the page's markup says about the article (headline, authors, date, JSON-LD body…).
    pub metadata: crate::metadata::Metadata,
}

impl HtmlDoc {
    /// The element `e` and its ancestors, innermost first.
    pub fn ancestry(&self, e: u32) -> impl Iterator<Item = &Element> {
        std::iter::successors(self.elements.get(e as usize), |el| {
            el.parent.and_then(|p| self.elements.get(p as usize))
        })
    }
}

/// Deepest element nesting Readability and the metadata are run on.
const MAX_ANALYSED_DEPTH: usize = 200;

/// U+00AD, where a word may break at a line end: invisible, and left out of the text (it would
/// split "Kiess\u{ad}ling" in two for every later stage, and the reader never sees it).
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Extracts the readable text and blocks of `html`. Never fails: broken markup yields what text
/// it has.
pub fn extract(html: &str) -> HtmlDoc {
    let dom = dom_query::Document::from(&*depth::capped(html));
    let (mut doc, nodes, depth) = walk::walk(&dom);
    // Readability recurses over the tree, and both it and the metadata look up ancestors: a
    // pathologically deep page would exhaust the stack (wasm's is 1 MB) and take quadratic
    // time. Real pages nest a few dozen levels.
    if depth > MAX_ANALYSED_DEPTH {
        return doc;
    }
    doc.metadata = crate::metadata::from_document(&dom);
    let kept = readability::kept_blocks(dom, &nodes, &doc.blocks);
    doc.readability_found = kept.is_some();
    for (b, k) in doc.blocks.iter_mut().zip(kept.unwrap_or_default()) {
        b.in_readability = k;
    }
    doc
}

/// True when `input` looks like an HTML document rather than text that mentions a tag.
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let lower: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    // Otherwise: many known tags relative to the amount of text.
    let sample = &input[..floor_char_boundary(input, input.len().min(200_000))];
    // Each tag starts with its only '<', so counting every tag's occurrences is counting, at
    // each '<', the tags that start there (ASCII case-insensitively): no lowercase copy, and
    // text without a '<' costs one scan.
    const TAGS: [&[u8]; 11] = [
        b"<p>", b"<p ", b"<div", b"<br", b"<a href", b"<span", b"<li>", b"<td", b"<h1", b"<h2",
        b"</p>",
    ];
    let bytes = sample.as_bytes();
    let tags: usize = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'<')
        .map(|(k, _)| {
            let rest = &bytes[k..];
            TAGS.iter()
                .filter(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t))
                .count()
        })
        .sum();
    tags >= 3 && (head.starts_with('<') || tags * 200 >= sample.len())
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let d = extract(html);
        d.blocks
            .iter()
            .map(|b| d.text[b.span.start..b.span.end].to_string())
            .collect()
    }

    #[test]
    fn scripts_and_styles_are_dropped_and_blocks_split() {
        let html = "<html><head><title>T &amp; U</title><style>p{}</style></head><body>\
            <script>alert('x<p>')</script><p>One &ldquo;two&rdquo;\n  three</p><p>Four<br>Five</p>\
            <img src=\"http://evil/x.png\" alt=\"pic\"><!-- <p>hidden</p> --></body></html>";
        assert_eq!(blocks(html), ["One “two” three", "Four", "Five"]);
        assert_eq!(extract(html).title.as_deref(), Some("T & U"));
    }

    #[test]
    fn elements_and_links_are_remembered() {
        let d = extract(
            "<nav class='sticky-navigation'><a href=/>Home</a> | <a href=/n>News</a></nav>\
             <div id='story_body'><p>Text</p></div>",
        );
        assert_eq!(d.blocks[0].link_bytes, 8);
        assert_eq!(d.blocks[0].tag, "nav");
        let words: Vec<&str> = d
            .ancestry(d.blocks[0].element)
            .flat_map(|e| e.words.iter().map(|w| &**w))
            .collect();
        assert_eq!(words, ["sticky", "navigation"]);
        let tags: Vec<&str> = d.ancestry(d.blocks[1].element).map(|e| e.tag).collect();
        assert_eq!(tags, ["p", "div", "body", "html"]);
        assert_eq!(
            &*d.elements[d.blocks[1].element as usize - 1].words[0],
            "story"
        );
    }

    #[test]
    fn trailing_spaces_stay_outside_blocks() {
        let d = extract("<p>Breaking News:&nbsp;</p><p>Last line&nbsp; \u{3000}");
        for b in &d.blocks {
            assert!(b.span.end <= d.text.len());
        }
        assert_eq!(d.text, "Breaking News:\n\nLast line");
    }

    #[test]
    fn script_content_is_raw_text() {
        let html = "<script><!--\ndocument.write(\"<iframe src='x'><\\/iframe>\");\n//--></script>\
            <script>var s = '<div>'; if (a<b) {}</script><p>Story text</p>\
            <textarea><p>not a paragraph</p></textarea><p>More</p>";
        assert_eq!(blocks(html), ["Story text", "More"]);
    }

    #[test]
    fn hidden_elements_are_left_out_as_a_browser_does() {
        let html = "<p hidden>Hidden one</p><div style='display: none'>Hidden two</div>\
            <template><p>Template</p></template><noscript>Enable JavaScript</noscript>\
            <p style='color:red'>Shown</p>";
        assert_eq!(blocks(html), ["Shown"]);
    }

    #[test]
    fn browsers_error_recovery_applies() {
        // Unclosed paragraphs, a misnested inline element, a list without its ends.
        let html = "<p>One <b>bold<p>Two</b> three<ul><li>a<li>b</ul>";
        assert_eq!(blocks(html), ["One bold", "Two three", "a", "b"]);
        let d = extract("<table><tr><td>Cell one<td>Cell two</table>");
        assert_eq!(
            d.blocks.iter().map(|b| b.tag).collect::<Vec<_>>(),
            ["td", "td"]
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<div><p>a</p><p>b</p></div>"));
        assert!(!looks_like_html(
            "He wrote <b> once in a long article about tags."
        ));
    }

    #[test]
    fn broken_markup_keeps_text() {
        assert_eq!(
            blocks("<p>a <b>b</p> c &bogus; &#x201C;d<"),
            ["a b", "c &bogus; “d<"]
        );
        let deep = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        assert_eq!(blocks(&deep), ["deep"]);
    }
}

//! The parsed tree → text and blocks, the way a browser's `innerText` reads it.
//!
//! Block elements start and end blocks, `<br>` ends a line, whitespace collapses (kept inside
//! `<pre>`, where each line is a block), and what a reader never sees is left out: scripts,
//! styles, templates, `<noscript>` (the reader's browser runs scripts), form controls' option
//! lists, media, and elements hidden by the `hidden` attribute or an inline `display: none`.
//! The walk is iterative, so no nesting depth can exhaust the stack.

use dom_query::{Document, NodeId, NodeRef};

use super::{Element, HtmlBlock, HtmlDoc};
use crate::types::Span;

/// Elements whose content is never shown as the page's text.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "svg", "math", "object", "embed",
    "select", "datalist", "canvas", "video", "audio", "map", "textarea", "xmp", "noembed",
    "noframes",
];

/// Elements that break the text into blocks.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// HTML's other element names, kept as themselves; any other name is `"custom"`.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "button", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "input", "ins", "kbd", "label", "mark", "meter", "nobr", "output",
    "picture", "progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// An open element on the walk's path.
#[derive(Clone, Copy)]
struct Open {
    element: u32,
    /// The innermost block element at or above this one.
    block_tag: &'static str,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit { block: bool, link: bool, pre: bool },
}

#[derive(Default)]
struct Walker {
    doc: HtmlDoc,
    nodes: Vec<NodeId>,
    open: Vec<Open>,
    /// The deepest nesting of elements seen.
    depth: usize,
    links: u32,
    pres: u32,
    /// The block being filled: where it starts, and its element once it has text.
    block_start: usize,
    block_at: Option<Open>,
    link_bytes: usize,
    pending_space: bool,
}

/// Walks the whole document: its text and blocks, the `NodeId` of each element (same index as
/// `HtmlDoc::elements`), and the deepest nesting of elements.
pub(super) fn walk(dom: &Document) -> (HtmlDoc, Vec<NodeId>, usize) {
    let mut w = Walker::default();
    let mut todo = vec![Step::Enter(dom.root())];
    while let Some(step) = todo.pop() {
        match step {
            Step::Enter(n) if n.is_text() => w.push_text(&n.text()),
            Step::Enter(n) if n.is_element() => w.enter(n, &mut todo),
            Step::Enter(n) => {
                if n.is_document() || n.is_fragment() {
                    todo.extend(n.children_it(true).map(Step::Enter));
                }
            }
            Step::Exit { block, link, pre } => {
                if block {
                    w.flush();
                }
                w.open.pop();
                w.links -= u32::from(link);
                w.pres -= u32::from(pre);
            }
        }
    }
    w.flush();
    let end = w.doc.blocks.last().map_or(0, |b| b.span.end);
    w.doc.text.truncate(end);
    (w.doc, w.nodes, w.depth)
}

impl Walker {
    fn enter<'a>(&mut self, n: NodeRef<'a>, todo: &mut Vec<Step<'a>>) {
        let name = n.node_name().unwrap_or_default().to_ascii_lowercase();
        if name == "title" {
            if self.doc.title.is_none() {
                let t = n.text();
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                self.doc.title = Some(t).filter(|t| !t.is_empty());
            }
            return;
        }
        let (tag, role) = known(&name);
        if role == Some(Role::Skipped) || is_hidden(&n) {
            return;
        }
        if tag == "br" {
            self.flush();
            return;
        }
        let block = role == Some(Role::Block);
        if block {
            self.flush();
        }
        let element = self.doc.elements.len() as u32;
        let parent = self.open.last().copied();
        self.doc.elements.push(Element {
            parent: parent.map(|p| p.element),
            tag,
            words: class_id_words(&n),
        });
        self.nodes.push(n.id);
        let block_tag = if block {
            tag
        } else {
            parent.map_or("body", |p| p.block_tag)
        };
        self.open.push(Open { element, block_tag });
        self.depth = self.depth.max(self.open.len());
        let (link, pre) = (tag == "a", tag == "pre");
        self.links += u32::from(link);
        self.pres += u32::from(pre);
        todo.push(Step::Exit { block, link, pre });
        todo.extend(n.children_it(true).map(Step::Enter));
    }

    fn push_text(&mut self, s: &str) {
        let pre = self.pres > 0;
        for c in s.chars() {
            if pre && c == '\n' {
                self.flush();
                continue;
            }
            if c.is_whitespace() && c != '\u{a0}' {
                self.pending_space = true;
                continue;
            }
            if c == super::SOFT_HYPHEN {
                continue;
            }
            if self.doc.text.len() > self.block_start && self.pending_space {
                self.doc.text.push(' ');
            }
            if self.block_at.is_none() {
                self.block_at = self.open.last().copied();
            }
            self.pending_space = false;
            self.doc.text.push(c);
            if self.links > 0 {
                self.link_bytes += c.len_utf8();
            }
        }
    }

    /// Ends the block being filled (if it has text) and starts the next.
    fn flush(&mut self) {
        let whole = Span::new(self.block_start, self.doc.text.len());
        match crate::segment::trim_span(&self.doc.text, whole) {
            None => self.doc.text.truncate(self.block_start),
            Some(span) => {
                self.doc.text.truncate(span.end);
                let at = self.block_at.unwrap_or(Open {
                    element: 0,
                    block_tag: "body",
                });
                self.doc.blocks.push(HtmlBlock {
                    span,
                    tag: at.block_tag,
                    element: at.element,
                    link_bytes: self.link_bytes.min(span.len()),
                    in_readability: false,
                });
                self.doc.text.push_str("\n\n");
            }
        }
        self.block_start = self.doc.text.len();
        self.block_at = None;
        self.link_bytes = 0;
        self.pending_space = false;
    }
}

/// The `hidden` attribute, or an inline style with `display: none`: what a browser never
/// shows, whatever its style sheets say.
pub fn is_hidden(n: &NodeRef) -> bool {
    if n.has_attr("hidden") {
        return true;
    }
    n.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none")
    })
}

/// What the walk does with an element of a known name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Left out with its content ([`SKIPPED`]).
    Skipped,
    /// Starts a block of its own ([`BLOCKS`]).
    Block,
    /// Runs inside the block around it ([`INLINE`]).
    Inline,
}

/// The tag names the walk knows, as `&'static str`, with their role: one look-up per element
/// of every page. A name in two lists takes the stronger role (skipped, then block).
static KNOWN: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, (&'static str, Role)>> =
    std::sync::LazyLock::new(|| {
        let with = |list: &'static [&'static str], role| list.iter().map(move |&t| (t, (t, role)));
        with(INLINE, Role::Inline)
            .chain(with(BLOCKS, Role::Block))
            .chain(with(SKIPPED, Role::Skipped))
            .collect()
    });

/// The tag as `&'static str` (`"custom"` for names outside HTML's own) and its role.
fn known(name: &str) -> (&'static str, Option<Role>) {
    KNOWN
        .get(name)
        .map_or(("custom", None), |&(tag, role)| (tag, Some(role)))
}

/// Class and id words: lowercase runs of letters and digits, numbers alone left out.
fn class_id_words(n: &NodeRef) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    for attr in ["class", "id"] {
        let Some(v) = n.attr(attr) else { continue };
        for w in v.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) || out.len() >= 16 {
                continue;
            }
            let w = w.to_lowercase();
            if !out.iter().any(|x| **x == *w) {
                out.push(w.into_boxed_str());
            }
        }
    }
    out
}

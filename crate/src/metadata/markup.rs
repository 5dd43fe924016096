//! What the page's elements say: the `<title>`, the `<h1>`s, `<time>`s, microdata
//! (`itemprop`), byline elements, the language and the page's own address.

use dom_query::{Document, NodeId, NodeRef};
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Whitespace collapsed to single spaces, trimmed; soft hyphens and zero-width characters
/// removed.
pub fn normalise(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(node: &NodeRef) -> String {
    normalise(&node.text())
}

/// The class and id of a node, lower case, for keyword tests.
pub fn class_and_id(node: &NodeRef) -> String {
    let mut s = node
        .attr("class")
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    if let Some(id) = node.attr("id") {
        s.push(' ');
        s.push_str(&id.to_lowercase());
    }
    s
}

/// An attribute's value, borrowed for `f` (no copy).
pub fn with_attr<R>(node: &NodeRef, name: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let el = node.element_ref()?;
    let attr = el.attrs.iter().find(|a| &*a.name.local == name)?;
    Some(f(&attr.value))
}

/// A text node's text, borrowed for `f` (no copy); `None` for other nodes.
pub fn with_text<R>(node: &NodeRef, f: impl FnOnce(&str) -> R) -> Option<R> {
    node.query(|n| match &n.data {
        dom_query::NodeData::Text { contents } => Some(f(contents)),
        _ => None,
    })
    .flatten()
}

/// Whether `haystack` holds `needle` (lower-case ASCII), ignoring ASCII case.
pub fn contains_ci(haystack: &str, needle: &str) -> bool {
    let n = needle.len();
    n <= haystack.len()
        && haystack
            .as_bytes()
            .windows(n)
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Words to find in classes and ids, in any case (`author` in `Article-Author`).
pub struct ClassWords(Regex);

impl ClassWords {
    pub fn new(words: &[&str]) -> ClassWords {
        let alternatives: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        ClassWords(Regex::new(&format!("(?i){}", alternatives.join("|"))).unwrap())
    }

    pub fn is_in(&self, s: &str) -> bool {
        self.0.is_match(s)
    }
}

/// Whether the node's class or id holds one of `words`.
pub fn class_has(node: &NodeRef, words: &ClassWords) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    el.attrs
        .iter()
        .any(|a| matches!(&*a.name.local, "class" | "id") && words.is_in(&a.value))
}

/// Whether a node lies in a part of the page that is not the article: `<aside>`, `<nav>`, or
/// an element with one of `words` in a class or id token (`comment-list`, `sidebar`), up to
/// `<body>` (whose classes describe the page: `has-sidebar`, `comments-open`), and not one
/// that holds the article (an `<h1>`, `<main>`, or the `#content`/`#main`
/// wrapper: a layout named `layout-with-sidebar` around the whole page).
pub fn in_part(node: &NodeRef, words: &ClassWords) -> bool {
    for n in std::iter::once(*node).chain(node.ancestors_it(None)) {
        if !n.is_element() {
            continue;
        }
        if n.has_name("body") || n.has_name("html") {
            return false;
        }
        if n.has_name("aside") || n.has_name("nav") {
            return true;
        }
        if !class_has(&n, words) {
            continue;
        }
        let c = class_and_id(&n);
        let hit = c.split_whitespace().any(|token| {
            !["has-", "no-", "with-", "show-", "hide-", "mobile-"]
                .iter()
                .any(|p| token.starts_with(p))
                && words.is_in(token)
        });
        // A comment section holding the headline is broken markup (a `<div>` never closed),
        // not a comment section; a sidebar holding the article is the page's layout.
        let holds_article = || holds_article(&n);
        if hit && !holds_article() {
            return true;
        }
    }
    false
}

/// What [`in_part`] knows of the elements holding the article while [`with_article_holders`]
/// runs.
enum Holders {
    /// Outside `with_article_holders`: each wrapper is searched.
    Unscoped,
    /// Inside it, before the first wrapper that needs them.
    Pending,
    /// The elements with the page's `<h1>`, `<main>`, `#content` or `#main` inside them.
    Found(HashSet<NodeId>),
}

thread_local! {
    static HOLDERS: RefCell<Holders> = const { RefCell::new(Holders::Unscoped) };
}

const ARTICLE_ANCHORS: &str = "h1, main, #content, #main";

/// Runs `f` (the reading of one page) with the elements that hold the article found at most
/// once: [`in_part`] asks whether a wrapper holds it for every node it is given, and searching
/// each page-wide wrapper again took 170 ms on a 390 KB page.
pub fn with_article_holders<T>(f: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            HOLDERS.with(|h| *h.borrow_mut() = Holders::Unscoped);
        }
    }
    HOLDERS.with(|h| *h.borrow_mut() = Holders::Pending);
    let _reset = Reset;
    f()
}

/// Whether `n` has the page's `<h1>`, `<main>`, `#content` or `#main` inside it.
fn holds_article(n: &NodeRef) -> bool {
    HOLDERS.with(|h| {
        let mut h = h.borrow_mut();
        if let Holders::Pending = *h {
            let root = n.ancestors_it(None).last().unwrap_or(*n);
            let anchors = dom_query::Selection::from(root).select(ARTICLE_ANCHORS);
            let found = anchors
                .nodes()
                .iter()
                .flat_map(|a| a.ancestors_it(None).map(|x| x.id));
            *h = Holders::Found(found.collect());
        }
        match &*h {
            Holders::Found(holders) => holders.contains(&n.id),
            _ => dom_query::Selection::from(*n)
                .select(ARTICLE_ANCHORS)
                .exists(),
        }
    })
}

/// The `<title>` of the head (not an SVG's).
pub fn title(doc: &Document) -> Option<String> {
    let head = doc.select_single("head > title");
    let sel = if head.exists() {
        head
    } else {
        doc.select_single("title")
    };
    let t = normalise(&sel.text());
    (!t.is_empty()).then_some(t)
}

/// A page heading (`<h1>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heading {
    pub text: String,
    /// The headline without its kicker, when the heading marks one (`<h1><span
    /// class="kicker">Weather</span><span>Rain expected</span></h1>`).
    pub headline: Option<String>,
    /// The texts of its parts when it has several (children with text, through wrappers with a
    /// single child), in order; empty otherwise.
    pub parts: Vec<String>,
    /// Marked up as the site's name or logo (`class="site-title"`, `rel="home"`).
    pub site_like: bool,
}

const SITE_CLASSES: &[&str] = &[
    "logo",
    "site-title",
    "site-name",
    "sitename",
    "site_title",
    "brand",
    "masthead",
    "blog-title",
    "blogtitle",
    "site-branding",
    "header-title",
];

/// A link to a site's home page: `/`, `index.html`, `https://example.org/` (also inside an
/// archive's address, `https://web.archive.org/web/…/http://example.org/`).
fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    let path = match href.rfind("://") {
        Some(i) => href[i + 3..].split_once('/').map_or("", |(_, p)| p),
        None => href.trim_start_matches(['.', '/']),
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    matches!(path, "" | "index.html" | "index.htm" | "index.php" | "home")
}

fn is_site_like(h: &NodeRef) -> bool {
    let links = dom_query::Selection::from(*h).select("a[href]");
    if links.nodes().iter().any(|a| {
        a.attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("home")))
            || a.attr("href").is_some_and(|href| is_home_link(&href))
    }) {
        return true;
    }
    let mut node = Some(*h);
    for _ in 0..3 {
        let Some(n) = node else { break };
        let c = class_and_id(&n);
        if SITE_CLASSES.iter().any(|k| c.contains(k)) {
            return true;
        }
        node = n.parent();
    }
    false
}

/// Hidden from readers (for screen readers or scripts only).
fn is_hidden(node: &NodeRef) -> bool {
    let c = class_and_id(node);
    crate::html::is_hidden(node)
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || c.split_whitespace().any(|w| {
            [
                "hidden",
                "sr-only",
                "visually",
                "screen-reader",
                "invisible",
                "offscreen",
                "aural",
                "navskip",
                "skip-link",
            ]
            .iter()
            .any(|k| w.contains(k))
        })
}

/// The heading's parts: its children's texts when it has more than one with text (through
/// wrappers with a single child).
fn parts(h: &NodeRef) -> Vec<String> {
    let mut node = *h;
    loop {
        let kids: Vec<NodeRef> = node
            .children()
            .into_iter()
            .filter(|k| text_of(k).chars().any(char::is_alphanumeric))
            .collect();
        match kids.as_slice() {
            [only] if only.is_element() => node = *only,
            [_, _, ..] => return kids.iter().map(text_of).collect(),
            _ => return Vec::new(),
        }
    }
}

/// Classes of a kicker (the line above a headline: its topic or series).
#[rustfmt::skip]
const KICKER_CLASSES: &[&str] = &[
    "kicker", "dachzeile", "topline", "overline", "roofline", "eyebrow", "spitzmarke",
    "supertitle", "topic", "label", "titleheader", "flag", "rubric", "category", "pretitle",
    "vorzeile", "ressort",
];

fn is_block(node: &NodeRef) -> bool {
    node.node_name()
        .is_some_and(|n| matches!(n.as_ref(), "div" | "p" | "section" | "header"))
}

/// The heading's text without its kicker: its first part, when that is an element marked as a
/// kicker (by class, by being a block of its own, or by a hidden separator after it).
fn without_kicker(h: &NodeRef) -> Option<String> {
    let mut node = *h;
    let kids = loop {
        let kids = node.children();
        let content: Vec<&NodeRef> = kids
            .iter()
            .filter(|k| text_of(k).chars().any(char::is_alphanumeric))
            .collect();
        match content.as_slice() {
            [only] if only.is_element() => node = **only,
            _ => break kids,
        }
    };
    let content: Vec<&NodeRef> = kids
        .iter()
        .filter(|k| text_of(k).chars().any(char::is_alphanumeric))
        .collect();
    let [first, rest @ ..] = content.as_slice() else {
        return None;
    };
    let hidden_separator = kids
        .iter()
        .any(|k| k.is_element() && is_hidden(k) && !text_of(k).chars().any(char::is_alphanumeric));
    let c = class_and_id(first);
    let kicker = first.is_element()
        && (hidden_separator || is_block(first) || KICKER_CLASSES.iter().any(|k| c.contains(k)));
    if rest.is_empty() || !kicker {
        return None;
    }
    let text = rest
        .iter()
        .map(|k| text_of(k))
        .collect::<Vec<_>>()
        .join(" ");
    Some(normalise(&text)).filter(|t| !t.is_empty())
}

/// The page's `<h1>`s with text, in document order.
pub fn headings(doc: &Document) -> Vec<Heading> {
    headings_of(doc, "h1")
}

/// The page's `<h2>`s and `<h3>`s with text, in document order: where blogs whose `<h1>` is
/// their name put their posts' titles.
pub fn subheadings(doc: &Document) -> Vec<Heading> {
    headings_of(doc, "h2, h3")
}

fn headings_of(doc: &Document, selector: &str) -> Vec<Heading> {
    doc.select(selector)
        .nodes()
        .iter()
        .filter_map(|h| {
            let text = text_of(h);
            (!text.is_empty() && !is_hidden(h)).then(|| Heading {
                headline: without_kicker(h),
                parts: parts(h),
                site_like: is_site_like(h),
                text,
            })
        })
        .collect()
}

/// Values of microdata properties (`itemprop="…"`): `content`, `datetime`, else the text. For
/// an `author` with its own scope, the nested `name`.
pub fn itemprops(doc: &Document, prop: &str) -> Vec<String> {
    let sel = format!("[itemprop~={prop}]");
    let mut out = Vec::new();
    for node in doc.select(&sel).nodes() {
        let v = if let Some(c) = node.attr("content").or_else(|| node.attr("datetime")) {
            normalise(&c)
        } else {
            let name = dom_query::Selection::from(*node).select_single("[itemprop~=name]");
            match name.nodes().first() {
                Some(n) => n
                    .attr("content")
                    .map_or_else(|| text_of(n), |c| normalise(&c)),
                None => text_of(node),
            }
        };
        if !v.is_empty() {
            out.push(v);
        }
    }
    out
}

static PUBLISH: LazyLock<ClassWords> = LazyLock::new(|| ClassWords::new(&["publish"]));

/// The dates `<time>` elements give (`datetime`, else their text), and hAtom's
/// `<abbr class="published" title="…">`; those marked as the publication's first.
pub fn times(doc: &Document) -> Vec<String> {
    let mut marked = Vec::new();
    let mut other = Vec::new();
    for node in doc
        .select("time, abbr.published[title], .published[datetime]")
        .nodes()
    {
        let is_time = node.node_name().is_some_and(|n| n.as_ref() == "time");
        let v = match node.attr("datetime").or_else(|| node.attr("title")) {
            Some(v) => v.to_string(),
            None if is_time => normalise(&node.text()),
            None => continue,
        };
        let is_pub = node.has_attr("pubdate")
            || node
                .attr("itemprop")
                .is_some_and(|p| p.contains("datePublished"))
            || class_has(node, &PUBLISH);
        if is_pub {
            marked.push(v);
        } else {
            other.push(v);
        }
    }
    marked.extend(other);
    marked
}

/// The `lang` of `<html>`.
pub fn html_lang(doc: &Document) -> Option<String> {
    doc.select_single("html[lang]")
        .attr("lang")
        .map(|l| l.trim().to_string())
}

/// The page's address, as it gives it: the canonical link, else `og:url`.
pub fn canonical(doc: &Document) -> Option<String> {
    doc.select_single("link[rel~=canonical][href]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|h| h.contains("://"))
}

/// The host of an address, without `www.`.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_kickers_and_site_titles() {
        let doc = Document::from(
            r#"<html><head><title>  Rain | Daily </title></head><body>
            <header class="site-header"><h1 class="site-title"><a href="/" rel="home">Daily</a></h1></header>
            <h1><span class="kicker">Weather</span><span class="sr-only">: </span>
              <span class="headline">Rain   expected</span></h1>
            <h1><a href="/x"><span>One</span></a></h1>
            <svg><title>icon</title></svg></body></html>"#,
        );
        assert_eq!(title(&doc).as_deref(), Some("Rain | Daily"));
        let h = headings(&doc);
        assert_eq!(h.len(), 3);
        assert!(h[0].site_like);
        assert_eq!(h[1].text, "Weather: Rain expected");
        assert_eq!(h[1].headline.as_deref(), Some("Rain expected"));
        assert!(!h[1].site_like);
        assert_eq!(h[2].headline, None);
        assert_eq!(h[1].parts, vec!["Weather", "Rain expected"]);
        assert!(h[2].parts.is_empty());
    }

    #[test]
    fn microdata_times_and_bylines() {
        let doc = Document::from(
            r#"<html lang="de-DE"><head><link rel="canonical" href="https://www.example.org/a/b"></head><body>
            <div itemprop="author" itemscope><span itemprop="name">Eva Maier</span></div>
            <span itemprop="author">Tom Lind</span>
            <time datetime="2021-03-06">later</time>
            <time datetime="2021-03-05" pubdate>first</time>
            </body></html>"#,
        );
        assert_eq!(itemprops(&doc, "author"), vec!["Eva Maier", "Tom Lind"]);
        assert_eq!(times(&doc), vec!["2021-03-05", "2021-03-06"]);
        assert_eq!(html_lang(&doc).as_deref(), Some("de-DE"));
        let url = canonical(&doc).unwrap();
        assert_eq!(host(&url), Some("example.org"));
    }

    #[test]
    fn a_layout_named_for_its_sidebar_is_not_one() {
        let doc = Document::from(
            r#"<body><div class="layoutWithRightSidebar"><div id="content"><p id="a">Text</p>
            </div><div class="sidebar"><p id="b">Links</p></div></div></body>"#,
        );
        let words = ClassWords::new(&["sidebar"]);
        let inside = |id: &str| in_part(doc.select_single(id).nodes().first().unwrap(), &words);
        assert!(!inside("#a"));
        assert!(inside("#b"));
    }
}

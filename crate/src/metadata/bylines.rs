//! Bylines in the page's elements: those marked as bylines (`rel="author"`, a class or id
//! naming the author or byline) and those written out (`By Jane Smith`, `Von Eva Maier`,
//! `Autor: …`), outside comment sections.

use super::markup::{
    class_and_id, class_has, contains_ci, in_part, normalise, with_attr, with_text, ClassWords,
};
use super::names;
use dom_query::{Document, NodeRef};
use std::sync::LazyLock;

/// A node's text with a space at every element boundary (`<b>Jane</b>Smith` → `Jane Smith`),
/// whitespace-normalised; scripts and styles left out.
pub fn spaced_text(node: &NodeRef) -> String {
    spaced_text_within(node, usize::MAX).unwrap_or_default()
}

/// [`spaced_text`], or `None` as soon as the raw text passes `limit` bytes.
pub fn spaced_text_within(node: &NodeRef, limit: usize) -> Option<String> {
    let mut s = String::new();
    if node.is_text() {
        s.push_str(&node.text());
    }
    for d in node.descendants_it() {
        if d.is_text() {
            let in_code = d.parent().is_some_and(|p| {
                p.has_name("script") || p.has_name("style") || p.has_name("noscript")
            });
            if !in_code {
                if d.prev_sibling().is_some_and(|p| p.is_element()) {
                    s.push(' ');
                }
                s.push_str(&d.text());
            }
        } else if d.is_element() {
            s.push(' ');
        }
        if s.len() > limit {
            return None;
        }
    }
    Some(normalise(&s))
}

/// Inside a comment section, a sidebar, navigation or a list of other articles: bylines there
/// are not the article's.
fn in_comments(node: &NodeRef) -> bool {
    static WORDS: LazyLock<ClassWords> = LazyLock::new(|| {
        ClassWords::new(&[
            "comment", "respond", "reply", "disqus", "sidebar", "related",
        ])
    });
    in_part(node, &WORDS)
}

/// Classes and ids that name the author or byline.
static MARKED_CLASSES: LazyLock<ClassWords> =
    LazyLock::new(|| ClassWords::new(&["author", "byline", "autor", "username"]));

/// Classes of pictures and blurbs about an author, not the byline.
static NOT_BYLINES: LazyLock<ClassWords> = LazyLock::new(|| {
    ClassWords::new(&[
        "avatar",
        "image",
        "img",
        "photo",
        "description",
        "social",
        "license",
        "licence",
        "credit",
        "copyright",
        "caption",
    ])
});

/// Paths of links to an author's page.
const AUTHOR_PATHS: &[&str] = &["/author/", "/autor/", "/autoren/", "/authors/"];

/// Boxes about the author (a photo, a biography) hold the name in a heading or a link.
const BOXES: &[&str] = &["bio", "box", "card", "about"];

/// Whether an element names the author: `rel="author"`, a link to an author's page, a class
/// or id naming the author or byline, an hCard name (`class="fn"`).
fn is_marked(node: &NodeRef) -> bool {
    with_attr(node, "rel", |r| contains_ci(r, "author")).unwrap_or(false)
        || (node.has_name("a")
            && with_attr(node, "href", |h| AUTHOR_PATHS.iter().any(|p| h.contains(p)))
                .unwrap_or(false))
        || class_has(node, &MARKED_CLASSES)
        // hCard's formatted name.
        || with_attr(node, "class", |c| c.split_whitespace().any(|t| t == "fn")).unwrap_or(false)
}

/// A picture, or a picture's credit or caption: the element has a class of them, or one of
/// its three nearest ancestors is a figure, a caption or a credit (`license-author`).
fn is_credit(node: &NodeRef) -> bool {
    static CREDITS: LazyLock<ClassWords> =
        LazyLock::new(|| ClassWords::new(&["license", "licence", "credit", "copyright"]));
    class_has(node, &NOT_BYLINES)
        || node
            .ancestors_it(Some(3))
            .any(|n| n.has_name("figure") || n.has_name("figcaption") || class_has(&n, &CREDITS))
}

/// Texts of elements marked as bylines, short ones only, in document order. In an author's
/// box, the text of its first heading, strong text or link.
pub fn marked(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.root().descendants_it() {
        if !node.is_element() || !is_marked(&node) {
            continue;
        }
        if is_credit(&node) || in_comments(&node) {
            continue;
        }
        let c = class_and_id(&node);
        let t = if BOXES.iter().any(|k| c.contains(k)) {
            let inner = dom_query::Selection::from(node)
                .select_single("h2, h3, h4, h5, h6, strong, b, a, [class*=name]");
            inner.nodes().first().map(spaced_text).unwrap_or_default()
        } else {
            spaced_text_within(&node, 400).unwrap_or_default()
        };
        if (2..100).contains(&t.chars().count()) {
            out.push(t);
        }
    }
    out
}

/// The end of a sentence: a full stop after a word of two letters or more (not an initial),
/// then a capital.
static SENTENCE_END: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\p{L}{2}\.\s+\p{Lu}").unwrap());

/// Names in copyright lines (`© 2021 Jane Smith`): on a personal site, the author's.
pub fn copyright(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.root().descendants_it().filter(NodeRef::is_text) {
        let marked = with_text(&node, |t| {
            t.len() <= 200
                && (t.contains('©') || contains_ci(t, "(c)") || contains_ci(t, "copyright"))
        });
        if marked != Some(true) {
            continue;
        }
        let t = node.text();
        let t = t.trim();
        let lower = t.to_ascii_lowercase(); // ASCII only: byte offsets stay those of `t`
        let Some(at) = ["©", "(c)", "copyright"]
            .iter()
            .find_map(|m| lower.find(m).map(|i| i + m.len()))
        else {
            continue;
        };
        let rest = lower.get(at..).map_or("", |_| &t[at..]);
        let rest = rest.trim_start_matches(|c: char| !c.is_alphabetic());
        // `© 2012 Jane Smith. All rights reserved.`: the name ends with its sentence.
        let rest = SENTENCE_END.find(rest).map_or(rest, |m| {
            &rest[..m.start() + m.as_str().find('.').unwrap_or(0)]
        });
        out.extend(
            names::names(rest)
                .into_iter()
                .filter(|n| names::is_person(n)),
        );
    }
    out
}

fn is_block(node: &NodeRef) -> bool {
    node.node_name().is_some_and(|n| {
        matches!(
            n.as_ref(),
            "p" | "div"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "table"
                | "tr"
                | "td"
                | "dd"
                | "dt"
                | "br"
        )
    })
}

/// The text after a label (`<h5>Autor:</h5> Jane Smith<br>`, `<h4>Author</h4><p>Jane
/// Smith</p>`): following siblings up to a line break or through the first block.
fn after_label(label: &NodeRef) -> String {
    let mut s = String::new();
    let mut next = label.next_sibling();
    while let Some(n) = next {
        let block = n.is_element() && is_block(&n);
        let has_text = !s.trim().is_empty();
        if block && (has_text || n.node_name().is_some_and(|t| t.as_ref() == "br")) {
            break;
        }
        s.push(' ');
        s.push_str(&spaced_text(&n));
        if block || s.len() > 120 {
            break;
        }
        next = n.next_sibling();
    }
    normalise(&s)
}

/// `s` from its first letter or digit (`| By` → `By`).
fn alphanumeric_start(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The byline a lead word starts (`By`, `Von`, `Autor:`), from its text node: the text itself
/// when names follow the lead in it; else its element's, or what follows a label.
fn byline_at(text_node: &NodeRef, text: &str) -> Option<String> {
    let lead = names::lead_len(text)?;
    if lead < text.len() {
        return Some(text.to_string());
    }
    // The lead's own element (`<span>| By </span>`, a separator before it included).
    let label = match text_node.parent() {
        Some(p) if alphanumeric_start(&spaced_text(&p)) == text => p,
        _ => *text_node,
    };
    let rest = after_label(&label);
    if !rest.is_empty() {
        return Some(format!("{text} {rest}"));
    }
    // `<p><span>By</span></p><p>Jane Smith</p>`-like: the nearest ancestor with more text.
    let mut el = label.parent()?;
    for _ in 0..2 {
        let t = spaced_text(&el);
        let t = alphanumeric_start(&t);
        if t.chars().count() > 120 || !t.starts_with(text) {
            break;
        }
        if t.len() > text.len() {
            return Some(t.to_string());
        }
        el = el.parent()?;
    }
    None
}

/// Bylines written out in the page's text (`By Jane Smith`, `von Eva Maier`, `Autor: Tom
/// Lind`) whose names look like people's, in document order.
pub fn written(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.root().descendants_it() {
        if !node.is_text() {
            continue;
        }
        let candidate = with_text(&node, |t| {
            let t = t.trim();
            !t.is_empty() && t.len() <= 200 && names::may_lead(t)
        });
        if candidate != Some(true) {
            continue;
        }
        let raw = node.text();
        let trimmed = raw.trim();
        // `| By`, `— von`: the lead word after a separator.
        let text = normalise(alphanumeric_start(trimmed));
        let Some(line) = byline_at(&node, &text) else {
            continue;
        };
        let credit = node
            .ancestors_it(Some(3))
            .any(|n| n.has_name("figure") || n.has_name("figcaption"));
        if let Some(people) = people_of(&line).filter(|_| !credit && !in_comments(&node)) {
            out.push(people);
        }
    }
    out
}

/// Names printed on a date line (`25.10.2022 - Eva Maier`, `04.02.2022 | 13:10 Uhr | Tom
/// Lind`): a short text with a date and one other part between separators, that part a
/// person's name; in document order.
pub fn dated(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.root().descendants_it() {
        let short_with_digit = with_text(&node, |t| {
            t.len() <= 100 && t.bytes().filter(u8::is_ascii_digit).count() >= 4
        });
        if short_with_digit != Some(true) || in_comments(&node) {
            continue;
        }
        let text = normalise(&node.text());
        // The cheap test first: a bare date, or one among several other parts, is no byline.
        let others: Vec<&str> = SEPARATORS
            .split(&text)
            .map(str::trim)
            .filter(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit()))
            .collect();
        if let [one] = others.as_slice() {
            if super::date::parse(&text).is_some() {
                out.extend(people_of(one));
            }
        }
    }
    out
}

/// Separators between the parts of a date line.
static SEPARATORS: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"\s[-–—/]\s|\s*[|·•]\s*").unwrap());

/// An agency's or desk's short code after the names (`dpa`, `SP-X`, `AFP`): one word of at
/// most five letters, or in capitals.
fn is_code(name: &str) -> bool {
    !name.contains(' ')
        && (name.chars().filter(|c| c.is_alphabetic()).count() <= 5
            || !name.chars().any(char::is_lowercase))
}

/// The people a byline names, joined (`Jane Smith, Karl Müller`), when every name in it is a
/// person's or an agency's code (`Peter Maahn/SP-X`), and one at least a person's.
fn people_of(line: &str) -> Option<String> {
    // A picture's credit (`Foto: MDR/Bernd Cramer`) names the photographer.
    let first = line.split([' ', ':']).next().unwrap_or("").to_lowercase();
    if names::PICTURE_CREDITS.contains(&first.as_str()) {
        return None;
    }
    let found = names::names(line);
    let people: Vec<&str> = found
        .iter()
        .filter(|n| names::is_person(n))
        .map(String::as_str)
        .collect();
    let rest_are_codes = found.iter().all(|n| names::is_person(n) || is_code(n));
    // A given name alone (`Posted by Konstantin`): a weak candidate, as a user name is.
    if let [one] = found.as_slice() {
        if !one.contains(' ') && names::has_given_name(one) {
            return Some(one.clone());
        }
    }
    (!people.is_empty() && rest_are_codes).then(|| people.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_bylines_outside_comments() {
        let doc = Document::from(
            r#"<body><p class="article-byline">Von <b>Eva</b>Maier</p>
            <div class="author-bio">A long biography</div>
            <section id="comments"><span class="comment-author">Tom sagt:</span></section>
            <a rel="author" href="/jane">Jane Smith</a></body>"#,
        );
        assert_eq!(marked(&doc), vec!["Von Eva Maier", "Jane Smith"]);
    }

    #[test]
    fn written_bylines_in_their_forms() {
        let doc = Document::from(
            r#"<body><h1>Rain</h1>
            <div><span>By</span> <a href="/a">Jane Smith</a></div>
            <p><i>von Eva Maier</i></p>
            <div><h5>Autor:</h5>Tom Lind<br>Other text</div>
            <div><h4>Author</h4> <p>Ann Lee</p></div>
            <p>Von Montag bis Freitag ist geöffnet.</p>
            <div class="comments"><p>By Bob Roe</p></div></body>"#,
        );
        assert_eq!(
            written(&doc),
            vec!["Jane Smith", "Eva Maier", "Tom Lind", "Ann Lee"]
        );
    }

    #[test]
    fn a_lead_after_a_separator_in_its_own_element() {
        let doc = Document::from(
            r#"<body><h1>Rain</h1><div><span>| By </span> <span>Jane Smith</span> | <time>May 5</time></div></body>"#,
        );
        assert_eq!(written(&doc), vec!["Jane Smith"]);
    }

    #[test]
    fn a_copyright_line_ends_with_its_sentence() {
        let doc = Document::from(
            r#"<body><p>Copyright (c) 2012- Jane Smith. All rights reserved. Design by X.</p>
            <p>© 2020 J. R. Smith. Powered by Y.</p></body>"#,
        );
        assert_eq!(copyright(&doc), vec!["Jane Smith", "J. R. Smith"]);
    }

    #[test]
    fn names_on_a_date_line() {
        let doc = Document::from(
            r#"<body><h1>Rain</h1><small>05.03.2021 | 10:32 Uhr | Eva Maier</small>
            <p>11.12.2019 - Tom Lind</p><p>Am 5. März 2021 sprach Eva Maier.</p>
            <p>12.03.2020 | Example Verlag</p></body>"#,
        );
        assert_eq!(dated(&doc), vec!["Eva Maier", "Tom Lind"]);
    }

    #[test]
    fn agency_codes_after_the_names_and_picture_credits() {
        assert_eq!(
            people_of("Autor: Eva Maier/SP-X").as_deref(),
            Some("Eva Maier")
        );
        assert_eq!(people_of("Von Tom Lind, dpa").as_deref(), Some("Tom Lind"));
        assert_eq!(people_of("Foto: AFP/Tom Lind"), None);
        assert_eq!(people_of("Illustration: Ann Lee/Example"), None);
        assert_eq!(people_of("Posted by Maria").as_deref(), Some("Maria"));
        assert_eq!(people_of("Posted by Xqzt"), None);
        assert_eq!(people_of("Von Tom Lind und Example Verlag"), None);
    }
}

//! Dates a reader sees: in elements marked as dates (`class="date"`, `post-meta`…), and
//! written near the headline (`Stand: 5. März 2021`, `January 13, 2020 at 08:45`).

use super::bylines::spaced_text_within;
use super::date;
use super::markup::{class_has, in_part, normalise, ClassWords};
use dom_query::{Document, NodeRef};
use std::sync::LazyLock;

/// Where dates live: classes and ids with these words.
static DATE_CLASSES: LazyLock<ClassWords> = LazyLock::new(|| {
    ClassWords::new(&[
        "date", "time", "datum", "publish", "posted", "byline", "meta", "stand", "created",
        "dateline", "info",
    ])
});

/// Dates of the last change, not the publication.
static CHANGED: LazyLock<ClassWords> = LazyLock::new(|| ClassWords::new(&["update", "modif"]));

/// Words that say a date is the last change.
static CHANGED_WORDS: LazyLock<ClassWords> = LazyLock::new(|| {
    ClassWords::new(&[
        "update",
        "aktualisiert",
        "geändert",
        "modifié",
        "mis à jour",
        "actualizado",
        "aggiornato",
        "atualizado",
        "zaktualizowano",
    ])
});

/// Words that say a date is the first publication.
static PUBLISHED_WORDS: LazyLock<ClassWords> = LazyLock::new(|| {
    ClassWords::new(&[
        "publi",
        "veröffentlicht",
        "erschienen",
        "erstellt",
        "posted",
        "pubblicato",
        "opublikowano",
    ])
});

/// Inside comments, a sidebar or navigation.
fn elsewhere(node: &NodeRef) -> bool {
    static WORDS: LazyLock<ClassWords> =
        LazyLock::new(|| ClassWords::new(&["comment", "respond", "reply", "sidebar"]));
    in_part(node, &WORDS)
}

/// …or in a list of other articles, for dates found anywhere in the page (near the headline,
/// a headline's own block may be called a teaser).
fn in_lists(node: &NodeRef) -> bool {
    static WORDS: LazyLock<ClassWords> = LazyLock::new(|| {
        ClassWords::new(&[
            "comment", "respond", "reply", "sidebar", "related", "teaser",
        ])
    });
    in_part(node, &WORDS)
}

/// Dates in elements whose class or id says they hold one, in document order.
pub fn marked_dates(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.root().descendants_it() {
        if !node.is_element() || !class_has(&node, &DATE_CLASSES) || class_has(&node, &CHANGED) {
            continue;
        }
        let Some(t) = spaced_text_within(&node, 300) else {
            continue;
        };
        if t.is_empty() || t.chars().count() > 150 {
            continue;
        }
        if let Some(d) = date::parse(&t) {
            if !in_lists(&node) {
                out.push(d);
            }
        }
    }
    out
}

/// Whether a text node is text a reader sees (not in a script, style or template).
fn is_visible_text(n: &NodeRef) -> bool {
    n.is_text()
        && !n.parent().is_some_and(|p| {
            ["script", "style", "noscript", "template", "title"]
                .iter()
                .any(|t| p.has_name(t))
        })
}

/// The element the headline is in: the first `<h1>` (else `<h2>`, `<h3>`) whose text holds
/// `headline`, else the first `<h1>`.
fn headline_node<'a>(doc: &'a Document, headline: Option<&str>) -> Option<NodeRef<'a>> {
    let holds = |h: &NodeRef| headline.is_some_and(|t| normalise(&h.text()).contains(t));
    ["h1", "h2", "h3"]
        .iter()
        .find_map(|tag| doc.select(tag).nodes().iter().find(|h| holds(h)).copied())
        .or_else(|| doc.select("h1").nodes().first().copied())
}

/// A date in a text node near the headline: a short line of its own (`Stand: 5. März
/// 2021`), or the start of a longer one (`29.11.2022 – The council…`, a dateline). A date
/// further into a paragraph is the story's, not the article's.
fn dateline(n: &NodeRef) -> Option<String> {
    let t = n.text();
    let t = t.trim();
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let line = n.parent().and_then(|p| spaced_text_within(&p, 300));
    let short = line.as_deref().filter(|l| l.chars().count() <= 150);
    // `Aktualisiert am 6. März`: the last change, unless the line also gives the first
    // publication (`Published 5 March, updated 6 March`: the earliest date wins).
    let changed_only = short.is_some_and(|l| CHANGED_WORDS.is_in(l) && !PUBLISHED_WORDS.is_in(l));
    if changed_only {
        return None;
    }
    let head: String = if short.is_some() {
        normalise(t)
    } else {
        normalise(&t.chars().take(40).collect::<String>())
    };
    date::parse(&head).filter(|_| !elsewhere(n))
}

/// The first date written near the headline: in the text after it, then in the text just
/// before it.
pub fn date_near_headline(doc: &Document, headline: Option<&str>) -> Option<String> {
    const AFTER: usize = 60;
    const BEFORE: usize = 15;
    let h = headline_node(doc, headline)?;
    let first_inside = h.descendants_it().find(NodeRef::is_text)?;
    // The text nodes just before the headline, and from it on: one walk, stopped after.
    let mut before: std::collections::VecDeque<NodeRef> = std::collections::VecDeque::new();
    let mut after: Vec<NodeRef> = Vec::new();
    for n in doc.root().descendants_it().filter(is_visible_text) {
        if after.is_empty() && n.id != first_inside.id {
            if before.len() == BEFORE {
                before.pop_front();
            }
            before.push_back(n);
            continue;
        }
        after.push(n);
        if after.len() == AFTER {
            break;
        }
    }
    if after.is_empty() {
        return None;
    }
    let found = after.iter().find_map(dateline);
    found.or_else(|| before.iter().rev().find_map(dateline))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_dates_outside_comments() {
        let doc = Document::from(
            r#"<body><ul class="related"><li><span class="date">01.01.2020</span></li></ul>
            <p class="post-meta">Posted on March 5, 2021 by Jane</p>
            <span class="updated-date">6 March 2021</span>
            <div class="comment"><span class="date">7 March 2021</span></div></body>"#,
        );
        assert_eq!(marked_dates(&doc), vec!["2021-03-05"]);
    }

    #[test]
    fn dates_near_the_headline() {
        let doc = Document::from(
            r#"<body><p>Menu 2019</p><p>12.12.2012</p><h1>Rain <b>expected</b></h1>
            <p>By Jane Smith</p><p>A story told at length in a paragraph far longer than any
            dateline, about what happened on 3 March 2021, with all the details one could want
            and then some more of them, so that nobody could take it for a line of its own.</p>
            <p>Aktualisiert am 6. März 2021</p>
            <p>Stand: 5. März 2021, 10:00 Uhr</p><p>8.3.2021</p></body>"#,
        );
        assert_eq!(
            date_near_headline(&doc, Some("Rain expected")).as_deref(),
            Some("2021-03-05")
        );
        let doc = Document::from("<body><p>5 March 2021</p><h1>Rain</h1><p>Text</p></body>");
        assert_eq!(
            date_near_headline(&doc, None).as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(
            date_near_headline(&Document::from("<p>5.3.2021</p>"), None),
            None
        );
    }
}

//! Authors the page names without a byline: a signature under the article (a paragraph that
//! is only a person's name, set apart in bold, italics or to the right), and the owner of a
//! personal site (the site's name is a person's).

use super::bylines::spaced_text;
use super::markup::{in_part, normalise, with_attr, ClassWords};
use super::names;
use dom_query::{Document, NodeRef};
use std::sync::LazyLock;

/// Whether every piece of text in `p` is set in bold or italics, or `p` is aligned right.
fn set_apart(p: &NodeRef) -> bool {
    let right = with_attr(p, "align", |a| a.eq_ignore_ascii_case("right")).unwrap_or(false)
        || with_attr(p, "style", |s| {
            s.replace(' ', "").contains("text-align:right")
        })
        .unwrap_or(false);
    let emphasised = p
        .descendants_it()
        .filter(|d| d.is_text() && !d.text().trim().is_empty())
        .all(|d| {
            d.ancestors_it(None)
                .take_while(|a| a.id != p.id)
                .any(|a| ["b", "strong", "i", "em"].iter().any(|t| a.has_name(t)))
        });
    right || emphasised
}

/// Whether one of the three elements before `p` is a paragraph of prose (150 characters or
/// more): `p` ends an article.
fn after_prose(p: &NodeRef) -> bool {
    let mut prev = p.prev_element_sibling();
    for _ in 0..3 {
        let Some(n) = prev else { return false };
        if n.text().chars().count() >= 150 {
            return true;
        }
        prev = n.prev_element_sibling();
    }
    false
}

/// Names signed under the article: a paragraph that is only a person's name (two to four
/// words), set apart ([`set_apart`]), right after prose ([`after_prose`]); outside comments
/// and sidebars. In document order.
pub fn signatures(doc: &Document) -> Vec<String> {
    static OUTSIDE: LazyLock<ClassWords> =
        LazyLock::new(|| ClassWords::new(&["comment", "sidebar", "related", "footer"]));
    doc.select("p")
        .nodes()
        .iter()
        .filter(|p| p.text().chars().count() <= 60)
        .filter_map(|p| {
            let t = normalise(&spaced_text(p));
            let person = names::is_person(&t) && names::names(&t) == [t.as_str()];
            (person && set_apart(p) && after_prose(p) && !in_part(p, &OUTSIDE)).then_some(t)
        })
        .collect()
}

/// Academic titles a site's owner may put before the name (`Dr. Jane Smith`).
const TITLES: &[&str] = &["dr.", "prof.", "dr", "prof", "mag.", "dipl.-ing."];

/// The owner of a personal site: the site's name (the title of its feed, `Jane Smith » Feed`,
/// or `og:site_name`) when it is a person's, starting with a known given name; academic
/// titles left out.
pub fn site_owner(doc: &Document, site_name: Option<&str>) -> Option<String> {
    let feeds = doc.select(r#"link[rel="alternate"][title]"#);
    let feed_titles = feeds.nodes().iter().filter_map(|l| {
        let feed = with_attr(l, "type", |t| t.contains("rss") || t.contains("atom"))?;
        feed.then(|| with_attr(l, "title", str::to_string))
            .flatten()
    });
    site_name
        .map(str::to_string)
        .into_iter()
        .chain(feed_titles)
        .find_map(|t| owner_in(&t))
}

/// The person a feed's or site's title names (`Dr. Jane Smith » Feed` → `Jane Smith`).
fn owner_in(title: &str) -> Option<String> {
    let name = title
        .split(['»', '|', '–', '—', '·'])
        .next()?
        .split(" - ")
        .next()?;
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| TITLES.contains(&w.to_lowercase().as_str()))
        .collect();
    let name = words.join(" ");
    (names::is_person(&name) && names::has_given_name(&name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "Rain fell all week over the valley, and the river rose past the old \
        mark by the mill; the town closed the lower bridge on Tuesday and opened it again on \
        Friday morning.";

    #[test]
    fn a_name_signed_under_the_article() {
        let html = format!(
            r#"<body><h1>Rain</h1><p>{PROSE}</p><p><b><i>Jane Smith</i></b></p>
            <p>Short line</p><p><strong>Tom Lind</strong></p>
            <div class="comments"><p>{PROSE}</p><p><b>Ann Lee</b></p></div></body>"#
        );
        assert_eq!(
            signatures(&Document::from(html)),
            vec!["Jane Smith", "Tom Lind"]
        );
        // Plain text, or a bold phrase that is no name, signs nothing.
        let html =
            format!("<body><p>{PROSE}</p><p>Jane Smith</p><p><b>Read more here</b></p></body>");
        assert!(signatures(&Document::from(html)).is_empty());
        let right = format!(r#"<body><p>{PROSE}</p><p align="right">Eva Maier</p></body>"#);
        assert_eq!(signatures(&Document::from(right)), vec!["Eva Maier"]);
    }

    #[test]
    fn the_owner_of_a_personal_site() {
        let doc = Document::from(
            r#"<head><link rel="alternate" type="application/rss+xml" title="Dr. Jane Smith &raquo; Feed" href="/feed"></head>"#,
        );
        assert_eq!(site_owner(&doc, None).as_deref(), Some("Jane Smith"));
        let doc = Document::from(
            r#"<head><link rel="alternate" type="application/rss+xml" title="Rain News &raquo; Feed" href="/feed"></head>"#,
        );
        assert_eq!(site_owner(&doc, None), None);
        assert_eq!(
            site_owner(&doc, Some("Tom Lind")).as_deref(),
            Some("Tom Lind")
        );
    }
}

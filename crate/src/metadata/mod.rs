//! The page's metadata: headline, authors, publication date, site, language, description and
//! the JSON-LD article body, from the markup every news site uses (Open Graph, `<meta>`
//! names, schema.org JSON-LD and microdata, `<time>`, `<h1>`, `<title>`).
//!
//! ```
//! use article_inspector::metadata;
//!
//! let doc = dom_query::Document::from(
//!     r#"<html lang="en"><head><title>Rain expected | The Daily Example</title>
//!        <meta name="author" content="By Jane Smith">
//!        <meta property="article:published_time" content="2021-03-05T10:32:00+01:00">
//!        </head><body><h1>Rain expected</h1></body></html>"#,
//! );
//! let m = metadata::from_document(&doc);
//! assert_eq!(m.title.as_deref(), Some("Rain expected"));
//! assert_eq!(m.byline.as_deref(), Some("Jane Smith"));
//! assert_eq!(m.published.as_deref(), Some("2021-03-05T10:32:00+01:00"));
//! assert_eq!(m.language.as_deref(), Some("en"));
//! ```

mod authors;
pub mod bylines;
pub mod date;
pub mod json_ld;
pub mod markup;
pub mod meta_tags;
pub mod names;
mod signature;
pub mod text;
pub mod title;
pub mod visible;

use dom_query::Document;
use json_ld::Item;
use meta_tags::MetaTags;
use serde::Serialize;

/// What a page says about its article. Every field is `None` when the page does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The article's headline.
    pub title: Option<String>,
    /// Author name(s) as the page gives them, without `By` and the like: `Jane Smith, Karl
    /// Müller`.
    pub byline: Option<String>,
    /// ISO 8601: `2021-03-05` or `2021-03-05T10:32:00+01:00`.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// BCP 47 tag from the markup (`de`, `en-GB`).
    pub language: Option<String>,
    pub description: Option<String>,
    /// JSON-LD `articleBody`, whitespace-normalised: evidence for the block classifier.
    pub article_body: Option<String>,
}

impl Metadata {
    /// Metadata as another extractor gives it (Readability's `byline` with its `By`, a date
    /// in any format, `en_US`), cleaned as this module's own: the byline's names only
    /// ([`names::byline`]), the date in ISO 8601 or nothing ([`date::parse`]), the language
    /// tag tidied, text whitespace-normalised. For [`Metadata::or`]:
    /// `ours.or(readability.cleaned())`.
    pub fn cleaned(self) -> Metadata {
        let text = |s: Option<String>| s.map(|t| markup::normalise(&t)).filter(|t| !t.is_empty());
        Metadata {
            title: text(self.title),
            byline: self.byline.as_deref().and_then(|b| names::byline([b])),
            published: self.published.as_deref().and_then(date::parse),
            site_name: text(self.site_name),
            language: self.language.as_deref().and_then(language_tag),
            description: text(self.description),
            article_body: text(self.article_body),
        }
    }

    /// Fills what is missing from another source (e.g. Readability's metadata, see
    /// [`Metadata::cleaned`]): each field is `self`'s when it has one, else `other`'s.
    ///
    /// Measured on trafilatura's 990 pages, filling ours from Readability's
    /// (`dom_smoothie` 0.19, `get_article_metadata` with its JSON-LD) adds nothing to titles,
    /// dates or authors; with the byline Readability's full `parse()` finds, 3 authors of 538
    /// (0.717 → 0.723).
    pub fn or(self, other: Metadata) -> Metadata {
        Metadata {
            title: self.title.or(other.title),
            byline: self.byline.or(other.byline),
            published: self.published.or(other.published),
            site_name: self.site_name.or(other.site_name),
            language: self.language.or(other.language),
            description: self.description.or(other.description),
            article_body: self.article_body.or(other.article_body),
        }
    }
}

/// `<meta>` keys for each field, best first.
#[rustfmt::skip]
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "citation_publication_date", "citation_date", "citation_online_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created",
    "dcterms.created", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "og:published_time", "published_time",
    "release_date", "article.published", "date.created",
];
const SITE_KEYS: &[&str] = &["og:site_name", "dc.publisher"];
const DESCRIPTION_KEYS: &[&str] = &[
    "description",
    "og:description",
    "twitter:description",
    "dc.description",
];
const LANGUAGE_KEYS: &[&str] = &["content-language", "language", "dc.language", "og:locale"];
/// (`headline`: microdata in a `<meta itemprop>`; an element's own text would only confirm
/// itself.)
const TITLE_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "headline",
    "dc.title",
    "citation_title",
];

/// The first `Some` of an item field, best item first.
fn from_items<T>(items: &[Item], f: impl Fn(&Item) -> Option<T>) -> Option<T> {
    items.iter().find_map(f)
}

/// Reads the page's metadata.
pub fn from_document(doc: &Document) -> Metadata {
    markup::with_article_holders(|| read(doc))
}

fn read(doc: &Document) -> Metadata {
    let meta = MetaTags::read(doc);
    let scripts: Vec<String> = doc
        .select("script[type]")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .map(|n| n.text().to_string())
        .collect();
    let items = json_ld::items(scripts.iter().map(String::as_str));
    // `application-name` is sometimes the page's title: only a short one is taken.
    let app_name = meta
        .get("application-name")
        .filter(|n| n.split_whitespace().count() <= 4);
    let site_name = meta
        .first(SITE_KEYS)
        .map(markup::normalise)
        .or_else(|| from_items(&items, |i| i.publisher.clone()))
        .or_else(|| app_name.map(markup::normalise));
    let url = markup::canonical(doc).or_else(|| meta.get("og:url").map(str::to_string));
    let mut site_hints: Vec<&str> = site_name.iter().map(String::as_str).collect();
    site_hints.extend(url.as_deref().and_then(markup::host));
    let title = headline(doc, &meta, &items, &site_hints);
    Metadata {
        published: published(doc, &meta, &items, title.as_deref()),
        title,
        byline: authors::byline(doc, &meta, &items, &site_hints),
        language: language(doc, &meta, &items),
        description: meta
            .first(DESCRIPTION_KEYS)
            .map(markup::normalise)
            .or_else(|| from_items(&items, |i| i.description.clone())),
        article_body: items
            .iter()
            .filter(|i| i.rank == 3)
            .find_map(|i| i.body.clone()),
        site_name,
    }
}

/// A `<meta>` title cut short by a quotation mark the page left unescaped (`content="Rain
/// called "historic""` reads `Rain called `): the `<title>` it begins, when a `"` follows
/// it there.
fn uncut_by_quote<'a>(title: &'a str, tag: &'a str) -> &'a str {
    let cut = tag
        .strip_prefix(title.trim_end())
        .is_some_and(|rest| rest.trim_start().starts_with('"'));
    if cut {
        tag
    } else {
        title
    }
}

fn headline(doc: &Document, meta: &MetaTags, items: &[Item], site: &[&str]) -> Option<String> {
    let headings = markup::headings(doc);
    let subheadings = || markup::subheadings(doc);
    let mut titles: Vec<&str> = items
        .iter()
        .filter(|i| i.rank >= 2)
        .filter_map(|i| i.headline.as_deref())
        .collect();
    titles.extend(TITLE_KEYS.iter().filter_map(|k| meta.get(k)));
    let title_tag = markup::title(doc);
    if let Some(tag) = &title_tag {
        for t in &mut titles {
            *t = uncut_by_quote(t, tag);
        }
    }
    title::choose(&title::Sources {
        headings: &headings,
        subheadings: Some(&subheadings),
        titles,
        title_tag: title_tag.as_deref(),
        site: site.to_vec(),
    })
    .map(|t| markup::normalise(&t))
}

/// The publication date. What the page's metadata says (its `<meta>`s, JSON-LD, microdata,
/// `<time>`), unless the date printed near the headline is another day: readers see that one,
/// and metadata sometimes gives the last change, or the day in another time zone. With no
/// metadata: a date in an element marked as one, or printed near the headline.
fn published(
    doc: &Document,
    meta: &MetaTags,
    items: &[Item],
    headline: Option<&str>,
) -> Option<String> {
    let from_meta = PUBLISHED_KEYS
        .iter()
        .flat_map(|k| meta.all(k))
        .find_map(date::parse);
    let from_markup = from_meta
        .or_else(|| from_items(items, |i| i.published.as_deref().and_then(date::parse)))
        .or_else(|| {
            markup::itemprops(doc, "datePublished")
                .iter()
                .find_map(|v| date::parse(v))
        })
        .or_else(|| markup::times(doc).iter().find_map(|v| date::parse(v)))
        .or_else(|| from_items(items, |i| i.created.as_deref().and_then(date::parse)))
        .or_else(|| url_date(doc, meta));
    let seen = visible::date_near_headline(doc, headline);
    match (from_markup, seen) {
        (Some(m), Some(s)) if date::day(&m) != s => Some(s),
        (Some(m), _) => Some(m),
        (None, seen) => seen.or_else(|| visible::marked_dates(doc).into_iter().next()),
    }
}

/// A date in the page's address (`https://example.org/2021/03/05/story`).
fn url_date(doc: &Document, meta: &MetaTags) -> Option<String> {
    let url = markup::canonical(doc).or_else(|| meta.get("og:url").map(str::to_string))?;
    let path = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    date::parse(path).map(|d| date::day(&d).to_string())
}

/// A BCP 47 tag, tidied: `de_de` → `de-DE`; `None` for what is not a language tag.
pub fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let mut subtags = raw.split('-');
    let primary = subtags.next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && !matches!(primary.as_str(), "und" | "mul" | "zxx" | "mis");
    if !ok {
        return None;
    }
    let mut out = primary;
    for s in subtags {
        if s.is_empty() || s.len() > 8 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match s.len() {
            2 => out.push_str(&s.to_ascii_uppercase()),
            4 => {
                out.push_str(&s[..1].to_ascii_uppercase());
                out.push_str(&s[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&s.to_ascii_lowercase()),
        }
    }
    Some(out)
}

fn language(doc: &Document, meta: &MetaTags, items: &[Item]) -> Option<String> {
    markup::html_lang(doc)
        .and_then(|l| language_tag(&l))
        .or_else(|| {
            LANGUAGE_KEYS
                .iter()
                .filter_map(|k| meta.get(k))
                .find_map(language_tag)
        })
        .or_else(|| from_items(items, |i| i.language.as_deref().and_then(language_tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_tidied_or_refused() {
        assert_eq!(language_tag("de").as_deref(), Some("de"));
        assert_eq!(language_tag("en_gb").as_deref(), Some("en-GB"));
        assert_eq!(language_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("de-DE, en").as_deref(), Some("de-DE"));
        assert_eq!(language_tag("x-default"), None);
        assert_eq!(language_tag("und"), None);
        assert_eq!(language_tag("{{lang}}"), None);
    }

    #[test]
    fn another_extractors_metadata_cleaned() {
        let raw = Metadata {
            title: Some("  Rain \n expected ".into()),
            byline: Some("By Jane Smith".into()),
            published: Some("Fri, 05 Mar 2021 10:32:00 +0100".into()),
            language: Some("en_gb".into()),
            description: Some("   ".into()),
            ..Default::default()
        };
        let c = raw.cleaned();
        assert_eq!(c.title.as_deref(), Some("Rain expected"));
        assert_eq!(c.byline.as_deref(), Some("Jane Smith"));
        assert_eq!(c.published.as_deref(), Some("2021-03-05T10:32:00+01:00"));
        assert_eq!(c.language.as_deref(), Some("en-GB"));
        assert_eq!(c.description, None);
    }

    #[test]
    fn or_fills_only_what_is_missing() {
        let a = Metadata {
            title: Some("A".into()),
            ..Default::default()
        };
        let b = Metadata {
            title: Some("B".into()),
            byline: Some("Jane Smith".into()),
            ..Default::default()
        };
        let c = a.or(b);
        assert_eq!(c.title.as_deref(), Some("A"));
        assert_eq!(c.byline.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn json_ld_and_open_graph_together() {
        let doc = Document::from(
            r#"<html><head><title>Rain expected – Weather – The Daily Example</title>
            <meta property="og:site_name" content="The Daily Example">
            <meta name="description" content="It will  rain.">
            <meta http-equiv="content-language" content="en-gb">
            <script type="application/ld+json">{"@context":"https://schema.org",
              "@type":"NewsArticle","headline":"Rain expected",
              "author":{"@type":"Person","name":"Jane Smith"},
              "datePublished":"2021-03-05","articleBody":"It will\n rain."}</script>
            </head><body><h1 class="site-title"><a href="/" rel="home">The Daily Example</a></h1>
            <article><h1>Rain expected</h1></article></body></html>"#,
        );
        let m = from_document(&doc);
        assert_eq!(m.title.as_deref(), Some("Rain expected"));
        assert_eq!(m.byline.as_deref(), Some("Jane Smith"));
        assert_eq!(m.published.as_deref(), Some("2021-03-05"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.description.as_deref(), Some("It will rain."));
        assert_eq!(m.article_body.as_deref(), Some("It will rain."));
    }

    #[test]
    fn a_blog_post_without_metadata() {
        let doc = Document::from(
            r#"<html lang="en-us"><head><title>Baking bread | Crumbs and Co</title></head>
            <body><header><h1><a href="https://crumbs.example/">Crumbs and Co</a></h1></header>
            <div class="post"><h2 class="entry-title">Baking bread</h2>
            <p class="meta">Posted on March 5, 2021 by <a href="/author/jdoe/">Jane Doe</a></p>
            <p>Flour, water, salt and time.</p></div>
            <div id="comments"><p class="comment-author">Tom Lind says:</p>
            <p>Lovely, 6 March 2021</p></div>
            <footer>© 2021 Jane Doe</footer></body></html>"#,
        );
        let m = from_document(&doc);
        assert_eq!(m.title.as_deref(), Some("Baking bread"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published.as_deref(), Some("2021-03-05"));
        assert_eq!(m.language.as_deref(), Some("en-US"));
    }

    #[test]
    fn a_news_page_with_a_kicker_a_byline_and_a_dateline() {
        let doc = Document::from(
            r#"<html lang="de"><head><title>Stadtrat: Neue Brücke beschlossen | Tagesblatt</title>
            <meta property="og:title" content="Stadtrat: Neue Brücke beschlossen">
            <meta property="og:site_name" content="Tagesblatt">
            <meta name="author" content="Tagesblatt">
            <meta property="article:published_time" content="2022-01-10T23:30:00Z"></head>
            <body><article><h1><span class="kicker">Stadtrat</span><span class="sr-only">: </span>
            <span class="headline">Neue Brücke beschlossen</span></h1>
            <p class="byline">Von Eva Maier und Tom Lind</p><p>Stand: 11.01.2022, 00:30 Uhr</p>
            <p>Die Brücke wird 2024 gebaut, sagte der Bürgermeister am 3. Januar 2022 in einer
            langen Sitzung, die bis in den späten Abend dauerte und viele Fragen offen ließ.</p>
            </article></body></html>"#,
        );
        let m = from_document(&doc);
        assert_eq!(m.title.as_deref(), Some("Neue Brücke beschlossen"));
        // The site's own name waits; the people in the byline come first.
        assert_eq!(m.byline.as_deref(), Some("Eva Maier, Tom Lind"));
        // The day the reader sees, not the UTC day of the metadata.
        assert_eq!(m.published.as_deref(), Some("2022-01-11"));
        assert_eq!(m.site_name.as_deref(), Some("Tagesblatt"));
    }

    #[test]
    fn a_spanish_page_with_microdata() {
        let doc = Document::from(
            r#"<html><head><meta http-equiv="content-language" content="es"></head><body>
            <article itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Llueve en Madrid</h1>
            <span itemprop="author" itemscope><span itemprop="name">Ana García</span></span>
            <p>Publicado el 5 de marzo de 2021</p></article></body></html>"#,
        );
        let m = from_document(&doc);
        assert_eq!(m.title.as_deref(), Some("Llueve en Madrid"));
        assert_eq!(m.byline.as_deref(), Some("Ana García"));
        assert_eq!(m.published.as_deref(), Some("2021-03-05"));
        assert_eq!(m.language.as_deref(), Some("es"));
    }

    #[test]
    fn a_name_that_is_no_persons_waits_for_one_that_is() {
        let doc = Document::from(
            r#"<html><head><meta name="author" content="Landesamt für Beispielwesen">
            </head><body><p class="info">Autorin: <span itemprop="author">Eva Maier</span></p>
            </body></html>"#,
        );
        assert_eq!(from_document(&doc).byline.as_deref(), Some("Eva Maier"));
        let alone = Document::from(
            r#"<html><head><meta name="author" content="Landesamt für Beispielwesen"></head></html>"#,
        );
        assert_eq!(
            from_document(&alone).byline.as_deref(),
            Some("Landesamt für Beispielwesen")
        );
    }

    #[test]
    fn an_organisation_in_a_marked_byline_when_no_person_is_named() {
        let doc = Document::from(
            r#"<html><body><h1>Rain</h1><div class="entry-author">von
            <a rel="author" href="/impressum">Beispiel Online Redaktion</a></div>
            <p>Text</p></body></html>"#,
        );
        assert_eq!(
            from_document(&doc).byline.as_deref(),
            Some("Beispiel Online Redaktion")
        );
    }

    #[test]
    fn a_user_account_in_the_byline_before_names_further_down() {
        let doc = Document::from(
            r#"<html><body><article><h1>Rain</h1>
            <p class="meta">Posted by <a rel="author" href="/author/jdoe">jdoe</a></p>
            <p>It rained all week.</p><p>Von Tom Lind</p></article></body></html>"#,
        );
        assert_eq!(from_document(&doc).byline.as_deref(), Some("jdoe"));
    }

    #[test]
    fn the_site_credited_beside_a_person_is_no_author() {
        let page = |author: &str| {
            Document::from(format!(
                r#"<html><head><meta property="og:site_name" content="CNN">
                <meta name="author" content="{author}"></head><body><p>Text</p></body></html>"#
            ))
        };
        let byline = |author: &str| from_document(&page(author)).byline;
        assert_eq!(byline("Rob Picheta, CNN").as_deref(), Some("Rob Picheta"));
        // Another publisher's credit stays: the wire copy is theirs.
        assert_eq!(
            byline("Rob Picheta, Reuters").as_deref(),
            Some("Rob Picheta, Reuters")
        );
        assert_eq!(byline("CNN").as_deref(), Some("CNN"));
    }

    #[test]
    fn an_author_in_a_labelled_pair_of_metas() {
        let doc = Document::from(
            r#"<html><head><meta name="twitter:label1" content="Verfasst von">
            <meta name="twitter:data1" content="Eva Maier">
            <meta name="twitter:label2" content="Lesezeit"><meta name="twitter:data2" content="4 Minuten">
            </head><body><p>Text</p></body></html>"#,
        );
        assert_eq!(from_document(&doc).byline.as_deref(), Some("Eva Maier"));
    }

    #[test]
    fn a_meta_title_cut_by_a_quotation_mark() {
        assert_eq!(
            uncut_by_quote("Mayor calls the plan", r#"Mayor calls the plan "reckless""#),
            r#"Mayor calls the plan "reckless""#
        );
        assert_eq!(uncut_by_quote("Rain", "Rain expected"), "Rain");
        let doc = Document::from(
            r#"<html><head><title>Mayor calls the plan "reckless"</title>
            <meta property="og:title" content="Mayor calls the plan "reckless"">
            </head><body><p>Text</p></body></html>"#,
        );
        assert_eq!(
            from_document(&doc).title.as_deref(),
            Some(r#"Mayor calls the plan "reckless""#)
        );
    }

    #[test]
    fn an_empty_page_says_nothing() {
        assert_eq!(from_document(&Document::from("")), Metadata::default());
        assert_eq!(
            from_document(&Document::from("just text")),
            Metadata::default()
        );
    }
}

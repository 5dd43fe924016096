//! schema.org JSON-LD (`<script type="application/ld+json">`): the article's headline,
//! authors, date, publisher, language and body.
//!
//! Scripts may hold one object, an array, or a `@graph`; authors may be strings, objects,
//! arrays, or `{"@id": …}` references to a `Person` elsewhere in the page's JSON-LD. A script
//! that is not valid JSON is skipped (raw line breaks inside strings, which many pages have,
//! are tolerated).

use serde_json::Value;

/// What one schema.org item says. `rank` orders items: articles first, then web pages, then
/// anything else that has a headline.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Item {
    pub rank: u8,
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<Author>,
    pub published: Option<String>,
    pub created: Option<String>,
    pub publisher: Option<String>,
    pub body: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
}

/// An author's name, and whether schema.org types it as an organisation.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Author {
    pub name: String,
    pub organisation: bool,
}

/// Article types (schema.org `Article` and its subtypes that news sites use).
const ARTICLES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "posting",
    "medicalscholarlyarticle",
    "satiricalarticle",
    "advertisercontentarticle",
];

/// Page types: their headline and dates describe the page, often the article itself.
const PAGES: &[&str] = &[
    "webpage",
    "itempage",
    "aboutpage",
    "faqpage",
    "qapage",
    "profilepage",
    "collectionpage",
];

fn type_rank(v: &Value) -> u8 {
    let names: Vec<String> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    };
    // `http://schema.org/NewsArticle` as well as `NewsArticle`.
    let short = |n: &String| n.rsplit(['/', ':']).next().unwrap_or(n).to_string();
    if names
        .iter()
        .map(short)
        .any(|n| ARTICLES.contains(&n.as_str()))
    {
        3
    } else if names.iter().map(short).any(|n| PAGES.contains(&n.as_str())) {
        2
    } else {
        1
    }
}

/// The text of a value: a string, or the first string of an array, or an object's `name`.
/// Some sites escape their JSON-LD strings as HTML (`Redacci&oacute;n`): entities are decoded.
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => html_escape::decode_html_entities(s),
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        Value::Object(o) => return text(o.get("name")),
        _ => return None,
    };
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Every object in a JSON-LD document: the top, arrays' members and `@graph`s, nested
/// `mainEntity`s.
fn objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| objects(x, out)),
        Value::Object(o) => {
            out.push(v);
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(inner @ (Value::Array(_) | Value::Object(_))) = o.get(key) {
                    objects(inner, out);
                }
            }
        }
        _ => {}
    }
}

fn is_organisation(v: &serde_json::Map<String, Value>) -> bool {
    let t = match v.get("@type") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(a)) => a.first().and_then(Value::as_str).unwrap_or(""),
        _ => "",
    };
    t.contains("Organization") || t.contains("Organisation")
}

/// Authors: strings, objects with a `name`, arrays of either, or `@id` references resolved in
/// `all`.
fn authors(v: Option<&Value>, all: &[&Value]) -> Vec<Author> {
    let mut out = Vec::new();
    let Some(v) = v else { return out };
    match v {
        Value::Array(a) => a.iter().for_each(|x| out.extend(authors(Some(x), all))),
        Value::String(_) => out.extend(text(Some(v)).map(|name| Author {
            name,
            organisation: false,
        })),
        Value::Object(o) => {
            let target = match o.get("name") {
                Some(_) => Some(o),
                None => {
                    let id = o.get("@id").and_then(Value::as_str);
                    all.iter().filter_map(|x| x.as_object()).find(|x| {
                        id.is_some()
                            && x.get("@id").and_then(Value::as_str) == id
                            && x.get("name").is_some()
                    })
                }
            };
            out.extend(target.and_then(|t| {
                Some(Author {
                    name: text(t.get("name"))?,
                    organisation: is_organisation(t),
                })
            }));
        }
        _ => {}
    }
    out
}

fn item(v: &Value, all: &[&Value]) -> Item {
    Item {
        rank: type_rank(v),
        headline: text(v.get("headline")),
        name: text(v.get("name")),
        authors: authors(v.get("author").or_else(|| v.get("creator")), all),
        published: text(v.get("datePublished")),
        created: text(v.get("dateCreated")),
        publisher: v.get("publisher").and_then(|p| match p {
            Value::Object(o) => text(o.get("name")),
            Value::Array(a) => a.first().and_then(|x| text(x.get("name"))),
            _ => None,
        }),
        body: text(v.get("articleBody")),
        description: text(v.get("description")),
        language: text(v.get("inLanguage")),
    }
}

/// Parses one script's text; `None` when it is not JSON.
fn parse(script: &str) -> Option<Value> {
    let s = script.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s).trim();
    let s = s.strip_prefix("//<![CDATA[").unwrap_or(s);
    let s = s.strip_suffix("//]]>").unwrap_or(s).trim();
    let s = s.strip_suffix(';').unwrap_or(s);
    serde_json::from_str(s).ok().or_else(|| {
        // Raw line breaks and tabs inside strings are invalid JSON but common; outside strings
        // they are only whitespace.
        let cleaned: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// The items of all scripts, best rank first (document order within a rank).
pub fn items<'a>(scripts: impl IntoIterator<Item = &'a str>) -> Vec<Item> {
    let docs: Vec<Value> = scripts.into_iter().filter_map(parse).collect();
    let mut all = Vec::new();
    for d in &docs {
        objects(d, &mut all);
    }
    let mut out: Vec<Item> = all
        .iter()
        .filter(|v| v.get("@type").is_some())
        .map(|v| item(v, &all))
        .collect();
    out.sort_by_key(|i| std::cmp::Reverse(i.rank));
    out
}

#[cfg(test)]
mod tests {
    use super::items;

    #[test]
    fn a_news_article() {
        let s = r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Rain  expected","datePublished":"2021-03-05T10:00:00+01:00",
            "author":[{"@type":"Person","name":"Jane Smith"},"Karl Müller"],
            "publisher":{"@type":"Organization","name":"The Daily Example"},
            "articleBody":"First line.\n\nSecond   line.","inLanguage":"en-GB"}"#;
        let it = &items([s])[0];
        assert_eq!(it.rank, 3);
        assert_eq!(it.headline.as_deref(), Some("Rain expected"));
        let names: Vec<&str> = it.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Jane Smith", "Karl Müller"]);
        assert_eq!(it.published.as_deref(), Some("2021-03-05T10:00:00+01:00"));
        assert_eq!(it.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(it.body.as_deref(), Some("First line. Second line."));
        assert_eq!(it.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn a_graph_with_author_references_and_pages() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://example.org/a#page","name":"A page"},
            {"@type":["Article"],"headline":"Story","author":{"@id":"https://example.org/#p1"}},
            {"@type":"Person","@id":"https://example.org/#p1","name":"Ann Lee"}]}"#;
        let all = items([s]);
        assert_eq!(all[0].headline.as_deref(), Some("Story"));
        assert_eq!(all[0].authors[0].name, "Ann Lee");
        assert!(!all[0].authors[0].organisation);
        assert_eq!(all[1].rank, 2);
        assert_eq!(all[1].name.as_deref(), Some("A page"));
    }

    #[test]
    fn arrays_and_bad_scripts() {
        let good = "[{\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\"}]";
        let all = items(["{not json", good, "<!-- {\"@type\":\"Thing\"} -->"]);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].headline.as_deref(), Some("Line break"));
        assert_eq!(all[1].rank, 1);
    }

    #[test]
    fn html_entities_in_strings_are_decoded() {
        let items = items([
            r#"{"@type": "NewsArticle", "headline": "Caf&eacute; &amp; Bar",
            "author": {"@type": "Person", "name": "Jos&eacute; Mar&iacute;a"}}"#,
        ]);
        assert_eq!(items[0].headline.as_deref(), Some("Café & Bar"));
        assert_eq!(items[0].authors[0].name, "José María");
    }

    #[test]
    fn author_as_a_plain_string() {
        let s = r#"{"@type":"Article","author":"By Eva Maier","creator":"x"}"#;
        assert_eq!(items([s])[0].authors[0].name, "By Eva Maier");
        let s = r#"{"@type":"Article","author":{"@type":"Organization","name":"Example News"}}"#;
        assert!(items([s])[0].authors[0].organisation);
    }
}

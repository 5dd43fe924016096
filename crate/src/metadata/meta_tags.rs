//! `<meta>` elements: Open Graph (`property="og:title"`), `name="author"`, Dublin Core,
//! Highwire (`citation_*`), Parse.ly, Sailthru, `http-equiv`, microdata `itemprop`.

use dom_query::Document;

/// Every `<meta … content>` of the page, by key (the `property`, `name`, `http-equiv` or
/// `itemprop`, lower case), in document order.
#[derive(Debug, Default)]
pub struct MetaTags {
    entries: Vec<(String, String)>,
}

impl MetaTags {
    pub fn read(doc: &Document) -> MetaTags {
        let mut entries = Vec::new();
        for node in doc.select("meta[content]").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content: String = content.split_whitespace().collect::<Vec<_>>().join(" ");
            if content.is_empty() {
                continue;
            }
            let mut keys: Vec<String> = Vec::new();
            for attr in ["property", "name", "http-equiv", "itemprop"] {
                if let Some(k) = node.attr(attr) {
                    // `property` may hold several names (RDFa): `og:title dc:title`.
                    keys.extend(k.split_whitespace().map(str::to_ascii_lowercase));
                }
            }
            keys.dedup();
            for k in keys {
                entries.push((k, content.clone()));
            }
        }
        MetaTags { entries }
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of the first key in `keys` that the page has.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// Every value of `key`, in document order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The values of the first key in `keys` that the page has, all of them.
    pub fn all_of_first<'a>(&'a self, keys: &[&'a str]) -> Vec<&'a str> {
        keys.iter()
            .map(|k| self.all(k).collect::<Vec<_>>())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::MetaTags;
    use dom_query::Document;

    #[test]
    fn reads_keys_of_every_kind() {
        let doc = Document::from(
            r#"<html><head>
            <meta property="og:title" content="  A  title ">
            <meta name="Author" content="Jane Smith">
            <meta name="citation_author" content="Lee, Ann">
            <meta name="citation_author" content="Roe, Bo">
            <meta http-equiv="Content-Language" content="de">
            <meta property="og:description dc:description" content="About it">
            <meta name="empty" content="">
            </head><body><meta itemprop="datePublished" content="2021-03-05"></body></html>"#,
        );
        let m = MetaTags::read(&doc);
        assert_eq!(m.get("og:title"), Some("A title"));
        assert_eq!(m.get("author"), Some("Jane Smith"));
        assert_eq!(m.get("content-language"), Some("de"));
        assert_eq!(m.get("dc:description"), Some("About it"));
        assert_eq!(m.get("datepublished"), Some("2021-03-05"));
        assert_eq!(m.get("empty"), None);
        assert_eq!(m.first(&["dc.creator", "author"]), Some("Jane Smith"));
        assert_eq!(
            m.all_of_first(&["sailthru.author", "citation_author"]),
            vec!["Lee, Ann", "Roe, Bo"]
        );
    }
}

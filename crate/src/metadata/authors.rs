//! The article's authors: the first of the page's sources that names a person (JSON-LD,
//! `<meta>`, microdata, marked and written bylines, names on a date line, a signature under
//! the article), else an organisation, a user name or a personal site's owner.

use super::json_ld::Item;
use super::meta_tags::MetaTags;
use super::{bylines, markup, names, signature, title};
use dom_query::Document;

/// `<meta>` keys of authors, best first.
#[rustfmt::skip]
const AUTHOR_KEYS: &[&str] = &[
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
    "citation_author", "parsely-author", "sailthru.author", "byl", "book:author",
];

/// Whether a name is the site's (`Example Online` on `example.com`). A short name (`CNN`,
/// `BBC`) only when it is the whole of one of the site's names.
fn names_site(name: &str, site: &[&str]) -> bool {
    let k = title::key(name);
    site.iter().any(|s| {
        let sk = title::key(if s.contains('.') {
            title::host_label(s)
        } else {
            s
        });
        let long = k.chars().count() >= 4 && sk.chars().count() >= 4;
        (long && (k.contains(&sk) || sk.contains(&k))) || (k.chars().count() >= 2 && k == sk)
    })
}

/// What a source says of the names it gives.
#[derive(Clone, Copy, PartialEq)]
enum Standing {
    /// Nothing: the names are judged by their shape.
    AsNamed,
    /// Organisations (JSON-LD types them so).
    Organisation,
    /// A user account the site shows as the byline (`jdoe`, `anna1984` in an element marked
    /// as the author's): the author as the page credits them.
    Account,
}

/// Names from one source, and what the source says of them.
type Candidate = (Vec<String>, Standing);

fn ld_authors(items: &[Item]) -> Vec<Candidate> {
    let ld = items
        .iter()
        .filter(|i| i.rank >= 2)
        .find(|i| !i.authors.is_empty());
    ld.map(|item| {
        let org = item.authors.iter().all(|a| a.organisation);
        (
            names::names_of(item.authors.iter().map(|a| a.name.as_str())),
            if org {
                Standing::Organisation
            } else {
                Standing::AsNamed
            },
        )
    })
    .into_iter()
    .collect()
}

fn meta_authors(meta: &MetaTags) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = AUTHOR_KEYS
        .iter()
        .map(|k| (names::names_of(meta.all(k)), Standing::AsNamed))
        .collect();
    out.extend(labelled_authors(meta).map(|n| (n, Standing::AsNamed)));
    out
}

/// Names in a labelled pair of `<meta>`s (`twitter:label1` `Written by` / `Verfasst von`,
/// `twitter:data1` the names), as blogging software writes them.
fn labelled_authors(meta: &MetaTags) -> Option<Vec<String>> {
    (1..=4).find_map(|i| {
        let label = meta.get(&format!("twitter:label{i}"))?;
        let lead = names::lead_len(label.trim())?;
        if lead < label.trim().len() {
            return None;
        }
        let data = meta.get(&format!("twitter:data{i}"))?;
        Some(names::names(data)).filter(|n| !n.is_empty())
    })
}

fn itemprop_authors(doc: &Document) -> Vec<Candidate> {
    let props = markup::itemprops(doc, "author");
    vec![(
        names::names_of(props.iter().map(String::as_str)),
        Standing::AsNamed,
    )]
}

/// Elements marked as bylines also hold labels and links ("More posts"): only names that look
/// like people's, a user account ([`names::is_account`]), or, as a last resort, a single word
/// or an organisation (`Example Redaktion`, `Support Team`).
fn marked_authors(doc: &Document) -> Vec<Candidate> {
    bylines::marked(doc)
        .iter()
        .map(|t| names::names(t))
        .filter(|found| {
            let single = matches!(found.as_slice(), [one] if !one.contains(' '));
            let people = found.iter().any(|n| names::is_person(n))
                && found.iter().all(|n| n.split_whitespace().count() <= 4);
            let organisation = found.iter().all(|n| names::is_organisation(n));
            single || people || organisation
        })
        .map(|found| {
            let account = matches!(found.as_slice(), [one] if names::is_account(one));
            let standing = if account {
                Standing::Account
            } else {
                Standing::AsNamed
            };
            (found, standing)
        })
        .collect()
}

/// Bylines already read as names (`Jane Smith, Karl Müller`), one candidate each.
fn candidates(bylines: Vec<String>) -> Vec<Candidate> {
    bylines
        .into_iter()
        .map(|t| (vec![t], Standing::AsNamed))
        .collect()
}

/// A source's names without the site's own name credited beside a person (`Rob Picheta, CNN`
/// on CNN's page): the site is the publisher, not an author.
fn without_site(found: Vec<String>, site: &[&str]) -> Vec<String> {
    let site_named = |n: &String| !names::is_person(n) && names_site(n, site);
    if found.iter().any(site_named) && !found.iter().all(site_named) {
        found.into_iter().filter(|n| !site_named(n)).collect()
    } else {
        found
    }
}

/// The authors: the first source that names a person ([`names::is_person`]), in the order
/// below (JSON-LD, `<meta>`, microdata, marked bylines, written bylines, names on a date line,
/// a signature under the article). Organisations (typed so in JSON-LD, named like one, the
/// site itself, or any name not shaped like a person's: `Landesamt für Beispielwesen`) and
/// bare user names (`jdoe`) only when no source names a person; then a person's name in a
/// copyright line; then the owner of a personal site. A user account in a marked byline
/// (`Posted by jdoe`) comes before the persons later sources name: blogs and forums credit
/// their posts so, and the persons further down are commenters or people written about.
pub fn byline(doc: &Document, meta: &MetaTags, items: &[Item], site: &[&str]) -> Option<String> {
    let sources: [&dyn Fn() -> Vec<Candidate>; 7] = [
        &|| ld_authors(items),
        &|| meta_authors(meta),
        &|| itemprop_authors(doc),
        &|| marked_authors(doc),
        &|| candidates(bylines::written(doc)),
        &|| candidates(bylines::dated(doc)),
        &|| candidates(signature::signatures(doc)),
    ];
    let mut fallback: Option<String> = None;
    let mut account: Option<String> = None;
    for source in sources {
        for (found, standing) in source() {
            if found.is_empty() {
                continue;
            }
            let weak = standing == Standing::Organisation
                || !found
                    .iter()
                    .any(|n| names::is_person(n) && !names_site(n, site));
            if !weak {
                return account.or(Some(without_site(found, site).join(", ")));
            }
            let joined = found.join(", ");
            if standing == Standing::Account && !names_site(&joined, site) {
                account.get_or_insert(joined.clone());
            }
            fallback.get_or_insert(joined);
        }
    }
    // A person's name in the copyright line, on a site with no byline: a personal site. When
    // it is also the site's name, only if it starts with a known given name (a blog called
    // `Mister Crumb` is not a person).
    fallback.or_else(|| {
        bylines::copyright(doc)
            .into_iter()
            .find(|n| !names_site(n, site) || names::has_given_name(n))
            .or_else(|| signature::site_owner(doc, site.first().copied()))
    })
}

//! The article's headline: the `<h1>` that the page's other titles confirm (or nearly give),
//! its headline without the kicker; else the titles from metadata, with the site's name cut
//! off.

use super::markup::Heading;
use regex::Regex;
use std::cmp::Reverse;
use std::sync::LazyLock;

/// What the headline is chosen from.
#[derive(Default)]
pub struct Sources<'a> {
    pub headings: &'a [Heading],
    /// `<h2>`s and `<h3>`s, read only when no `<h1>` will do: a headline there only when the
    /// metadata titles confirm it.
    pub subheadings: Option<&'a dyn Fn() -> Vec<Heading>>,
    /// Titles from metadata, best first (JSON-LD `headline`, `og:title`, …).
    pub titles: Vec<&'a str>,
    /// The `<title>`.
    pub title_tag: Option<&'a str>,
    /// Names of the site (`og:site_name`, the publisher, the host).
    pub site: Vec<&'a str>,
}

/// Separators between a title and the site's name: ` | `, ` - `, ` – `, ` :: `, ` » `…
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:[|\-–—»«·•~:]|::|//)\s+|\s*[|»«]\s*").unwrap());

/// Letters and digits only, lower case: the key titles are compared by.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The parts of a title between separators, as byte ranges.
fn segments(title: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SEPARATOR.find_iter(title) {
        if m.start() > start {
            out.push((start, m.start()));
        }
        start = m.end();
    }
    if start < title.len() {
        out.push((start, title.len()));
    }
    out
}

/// The main label of a host name: `example` of `news.example.co.uk`.
pub fn host_label(host: &str) -> &str {
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop();
    // A second-level public suffix: `co.uk`, `com.au`, `org.pl`.
    if labels.len() > 1 && labels.last().is_some_and(|l| l.len() <= 3) {
        labels.pop();
    }
    labels.last().copied().unwrap_or(host)
}

/// Whether a title segment names the site: it is one of the site's names, begins with one
/// (`Example News - the best news`), or is the start of one; or begins with the host's main
/// label (`Example Online` on `example.com`).
fn is_site(segment: &str, site: &[&str]) -> bool {
    let k = key(segment);
    !k.is_empty()
        && (is_domain(segment.trim())
            || site.iter().any(|s| {
                let sk = key(s);
                let long = k.chars().count().min(sk.chars().count()) >= 5;
                let label = key(host_label(s));
                k == sk
                    || (long && (k.starts_with(&sk) || sk.starts_with(&k)))
                    || (s.contains('.') && label.chars().count() >= 4 && k.starts_with(&label))
            }))
}

/// A domain name (`example.com`, `News.Example.co.uk`): a site's name, not a title's part.
fn is_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
                && head
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        })
}

/// Whether a heading is only the site's name: one of its names, or the host's main label.
fn is_site_name(text: &str, site: &[&str]) -> bool {
    let k = key(text);
    site.iter()
        .any(|s| k == key(s) || (s.contains('.') && k == key(host_label(s))))
}

/// The title without the site's name at either end: segments that name the site (see
/// [`is_site`]); failing that, a short last segment (up to four words) after a longer rest.
pub fn cut_site(title: &str, site: &[&str]) -> String {
    let segs = segments(title);
    if segs.len() < 2 {
        return title.trim().to_string();
    }
    let site_flags: Vec<bool> = segs
        .iter()
        .map(|&(a, b)| is_site(&title[a..b], site))
        .collect();
    // The site's name at the start; then the first one after the title, and whatever follows
    // it (a slogan).
    let Some(first) = site_flags.iter().position(|s| !s) else {
        return title.trim().to_string();
    };
    let mut last = (first + 1..segs.len())
        .find(|&i| site_flags[i])
        .map_or(segs.len() - 1, |i| i - 1);
    if first == 0 && last == segs.len() - 1 {
        let words = |(a, b): (usize, usize)| title[a..b].split_whitespace().count();
        let rest: usize = segs[..last].iter().map(|&s| words(s)).sum();
        if words(segs[last]) <= 4 && rest > words(segs[last]) {
            last -= 1;
        }
    }
    title[segs[first].0..segs[last].1]
        .trim()
        .trim_end_matches([' ', '-', '|', ':', '–', '—', '»'])
        .to_string()
}

/// Every form of the metadata titles a headline may take: whole, without the site's name,
/// and each segment that does not name the site.
fn variants(titles: &[&str], title_tag: Option<&str>, site: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for t in titles.iter().chain(title_tag.iter()) {
        out.push(key(t));
        out.push(key(&cut_site(t, site)));
        for (a, b) in segments(t) {
            if !is_site(&t[a..b], site) {
                out.push(key(&t[a..b]));
            }
        }
    }
    out.retain(|k| !k.is_empty());
    out
}

/// A heading's headline: without its kicker when it marks one; else the whole heading when
/// the metadata titles give it, or the part of it they give (`Kicker Headline` with `og:title`
/// `Headline – Kicker`).
fn headline_of(h: &Heading, known: impl Fn(&str) -> bool) -> String {
    if let Some(headline) = &h.headline {
        return headline.clone();
    }
    // `<h1><span>Kicker</span> <span>Headline</span></h1>` with `Kicker – Headline` in the
    // title: the last part is the headline.
    if let [_, .., last] = h.parts.as_slice() {
        if known(last) {
            return last.clone();
        }
    }
    if known(&h.text) {
        return h.text.clone();
    }
    h.parts
        .iter()
        .filter(|p| known(p))
        .max_by_key(|p| p.chars().count())
        .unwrap_or(&h.text)
        .clone()
}

/// The words of a text, as [`key`]s.
fn word_keys(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace().map(key).filter(|k| !k.is_empty())
}

/// How a heading must stand in the metadata titles to be taken for the headline they extend.
#[derive(Clone, Copy, PartialEq)]
enum Held {
    /// Every word of it somewhere in the titles (an `<h1>`, the page's main heading).
    Words,
    /// Its words one after another in one title (a subheading: a section heading may share a
    /// few of the title's words, "Man in London" under "Police arrest man in London").
    Run,
}

/// Of several headings none of which the titles give whole, the longest the titles hold as
/// `held` says (`Frei erfunden: Grab-Bote fliegt nach Singapur` with the title `Frei erfunden:
/// Grab-Bote fliegt nach Singapur, Thailand`): the visible headline, which the titles extend
/// with a dateline, a brand or other words. At least three words, so that a section's name
/// (`Bangkok`) is not taken for it.
fn nearly_given<'h>(
    headings: &'h [Heading],
    titles: &[&str],
    title_tag: Option<&str>,
    held: Held,
) -> Option<&'h Heading> {
    let titles: Vec<Vec<String>> = titles
        .iter()
        .chain(title_tag.iter())
        .map(|t| word_keys(t).collect())
        .collect();
    headings
        .iter()
        .filter(|h| {
            let words: Vec<String> = word_keys(&h.text).collect();
            words.len() >= 3
                && match held {
                    Held::Words => words.iter().all(|w| titles.iter().any(|t| t.contains(w))),
                    Held::Run => titles
                        .iter()
                        .any(|t| t.windows(words.len()).any(|r| r == words)),
                }
        })
        .min_by_key(|h| Reverse(h.text.chars().count()))
}

/// The headline: see the module's documentation.
pub fn choose(src: &Sources) -> Option<String> {
    // The site's name as its own headings give it (a logo's `<h1>`) helps cut titles.
    let mut site = src.site.clone();
    site.extend(
        src.headings
            .iter()
            .filter(|h| h.site_like)
            .map(|h| h.text.as_str()),
    );
    let variants = variants(&src.titles, src.title_tag, &site);
    let known = |s: &str| variants.contains(&key(s));
    let candidates = |hs: &'_ [Heading]| -> Vec<Heading> {
        hs.iter()
            .filter(|h| !h.site_like && !is_site_name(&h.text, &site))
            .cloned()
            .collect()
    };
    let confirmed = |h: &&Heading| {
        known(&h.text)
            || h.headline.as_deref().is_some_and(known)
            || h.parts.iter().any(|p| known(p))
    };
    let h1s = candidates(src.headings);
    // Several `<h1>`s the titles confirm (a section's name, then the headline, as
    // `Site - Section - Headline` gives both): the longest headline they give, the first of
    // equals.
    if let Some(headline) = h1s
        .iter()
        .filter(confirmed)
        .map(|h| headline_of(h, known))
        .min_by_key(|t| Reverse(t.chars().count()))
    {
        return Some(headline);
    }
    if let [only] = h1s.as_slice() {
        return Some(headline_of(only, known));
    }
    if let Some(h) = nearly_given(&h1s, &src.titles, src.title_tag, Held::Words) {
        return Some(h.text.clone());
    }
    let subheadings = src.subheadings.map(|read| read()).unwrap_or_default();
    let subheadings = candidates(&subheadings);
    if let Some(h) = subheadings.iter().find(confirmed) {
        return Some(headline_of(h, known));
    }
    if let Some(h) = nearly_given(&subheadings, &src.titles, src.title_tag, Held::Run) {
        return Some(h.text.clone());
    }
    let best = src.titles.first().or(src.title_tag.as_ref())?;
    Some(cut_site(best, &site)).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(text: &str, headline: Option<&str>) -> Heading {
        Heading {
            text: text.into(),
            headline: headline.map(str::to_string),
            parts: Vec::new(),
            site_like: false,
        }
    }

    #[test]
    fn cuts_the_site_name() {
        let site = ["The Daily Example", "dailyexample.com"];
        assert_eq!(
            cut_site("Rain expected | The Daily Example", &site),
            "Rain expected"
        );
        assert_eq!(
            cut_site(
                "Daily Example » Blog » Rain expected",
                &["dailyexample.com"]
            ),
            "Blog » Rain expected"
        );
        assert_eq!(
            cut_site("Rain expected - Weather - DailyExample.com", &site),
            "Rain expected - Weather"
        );
        // Unknown site: a short last part after a longer title.
        assert_eq!(
            cut_site("Storms move east after a wet week :: Example Post", &[]),
            "Storms move east after a wet week"
        );
        assert_eq!(cut_site("Q&A: the rain", &[]), "Q&A: the rain");
        assert_eq!(cut_site("No separator here", &site), "No separator here");
        // A domain name is the site's, whatever the page calls itself.
        assert_eq!(
            cut_site("Style guide - example.net - Design", &[]),
            "Style guide"
        );
    }

    #[test]
    fn the_confirmed_heading_wins() {
        let headings = [
            h("Daily Example", None),
            h("Weather: Rain expected", Some("Rain expected")),
        ];
        let src = Sources {
            headings: &headings,
            titles: vec!["Rain expected - Weather"],
            title_tag: Some("Rain expected | Daily Example"),
            site: vec!["Daily Example"],
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Rain expected"));
    }

    #[test]
    fn the_longest_of_the_confirmed_headings() {
        let headings = [
            h("Weather", None),
            h("Rain expected all week", None),
            h("Rain expected all week", Some("Rain")),
        ];
        let src = Sources {
            headings: &headings,
            title_tag: Some("Daily Example - Weather - Rain expected all week"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Rain expected all week"));
        // Judged by the headline each gives, not by the heading's whole text.
        let headings = [
            h("Rain expected all week", None),
            Heading {
                text: "Weather Forecasts and warnings for the whole region".into(),
                parts: vec![
                    "Weather".into(),
                    "Forecasts and warnings for the whole region".into(),
                ],
                ..Default::default()
            },
        ];
        let src = Sources {
            headings: &headings,
            title_tag: Some("Daily Example - Weather - Rain expected all week"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Rain expected all week"));
    }

    #[test]
    fn a_post_title_in_a_subheading() {
        let site_name = [Heading {
            text: "Crumbs".into(),
            site_like: true,
            ..Default::default()
        }];
        let posts = || vec![h("Archive", None), h("Baking bread", None)];
        let src = Sources {
            headings: &site_name,
            subheadings: Some(&posts),
            title_tag: Some("Crumbs » Baking bread"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Baking bread"));
    }

    #[test]
    fn a_heading_the_titles_nearly_give() {
        let title = "Courier invents a trip to Singapore, Thailand";
        let under = |headings: &[Heading]| {
            choose(&Sources {
                headings,
                titles: vec![title],
                ..Default::default()
            })
        };
        // The title adds a dateline; the section's `<h1>` is too short to count.
        let headings = [
            h("Bangkok", None),
            h("Courier invents a trip to Singapore", None),
            h("Reader comments", None),
        ];
        assert_eq!(
            under(&headings).as_deref(),
            Some("Courier invents a trip to Singapore")
        );
        // A word the titles lack: not this heading.
        let headings = [h("Bangkok", None), h("Courier invents a flight", None)];
        assert_eq!(under(&headings).as_deref(), Some(title));
        // Among the subheadings, when no `<h1>` will do.
        let posts = || vec![h("Archive", None), h("Good to know", None)];
        let src = Sources {
            subheadings: Some(&posts),
            title_tag: Some("Sales outsourced - different, or good to know"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Good to know"));
        // A subheading needs its words in a row in a title: this one only shares them.
        let sections = || vec![h("Rain and wind warning", None)];
        let src = Sources {
            subheadings: Some(&sections),
            title_tag: Some("Wind warning: rain expected and schools closed"),
            ..Default::default()
        };
        assert_eq!(
            choose(&src).as_deref(),
            Some("Wind warning: rain expected and schools closed")
        );
    }

    #[test]
    fn a_single_heading_or_the_cut_title() {
        let one = [h("Rain expected all week", None)];
        let src = Sources {
            headings: &one,
            title_tag: Some("Other | Site"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Rain expected all week"));
        let two = [h("Menu", None), h("Latest", None)];
        let src = Sources {
            headings: &two,
            title_tag: Some("Rain expected all week | Site"),
            ..Default::default()
        };
        assert_eq!(choose(&src).as_deref(), Some("Rain expected all week"));
        assert_eq!(choose(&Sources::default()), None);
    }
}

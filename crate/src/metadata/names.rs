//! Author strings as pages give them → the names alone.
//!
//! `By Jane Smith and Karl Müller, 5 March 2021` → `Jane Smith, Karl Müller`. The byline's
//! lead word (`By`, `Von`, `Par`, `Por`, `Autor:`…), a trailing date, time or role and
//! anything after a separator bar are dropped; URLs and e-mail addresses are never names.

use regex::Regex;
use std::sync::LazyLock;

/// What bylines start with, before the names (lower case; matched case-insensitively).
const LEADS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reported by",
    "words by",
    "story by",
    "text by",
    "by",
    "geschrieben von",
    "ein beitrag von",
    "ein kommentar von",
    "ein gastbeitrag von",
    "eine analyse von",
    "ein interview von",
    "text von",
    "von",
    "texte de",
    "écrit par",
    "publié par",
    "par",
    "escrito por",
    "publicado por",
    "por",
    "scritto da",
    "a cura di",
    "di",
    "door",
    "autor",
    "autorin",
    "autoren",
    "autorinnen",
    "author",
    "authors",
    "auteur",
    "text",
    "texto",
    "redakteur",
    "redakteurin",
];

/// Words that say what someone is, not who: a part made of these is dropped.
const ROLES: &[&str] = &[
    "redakteur",
    "redakteurin",
    "redaktion",
    "korrespondent",
    "korrespondentin",
    "reporter",
    "reporterin",
    "editor",
    "senior",
    "staff",
    "writer",
    "contributor",
    "contributing",
    "journalist",
    "journalistin",
    "freier",
    "freie",
    "chefredakteur",
    "chefredakteurin",
    "columnist",
    "kolumnist",
    "kolumnistin",
    "photographer",
    "fotograf",
    "fotografin",
    "fotos",
    "photos",
    "foto",
    "photo",
    "bild",
    "bilder",
    "video",
    "grafik",
    "updated",
    "aktualisiert",
    "published",
    "veröffentlicht",
    "posted",
    "mehr",
    "more",
    "articles",
    "artikel",
    "beiträge",
    "follow",
    "folgen",
    "twitter",
    "facebook",
    "e-mail",
    "email",
    "mail",
    "profil",
    "profile",
    "autorenprofil",
    "uhr",
    "min",
    "minuten",
    "lesezeit",
    "read",
    "reading",
    "time",
    "am",
    "um",
    "on",
    "at",
    "le",
    "el",
    "il",
];

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[,;/&]|\s(?:and|und|et|y|e|i|en|og|och|sowie)\s)\s*").unwrap()
});

/// Where the names end: a separator bar, a line break, a bracket, a date or time.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s[|•·—–-]\s|[|•·\n\r\t]|\s\(|\d|(?i:\b(?:updated|aktualisiert|published|veröffentlicht|stand|posted|publié|publicado|pubblicato|erschienen)\b)",
    )
    .unwrap()
});

/// URLs and e-mail addresses inside an author string.
static LINKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+://\S*|\bwww\.\S+|\S+@\S+\.\S+").unwrap());

/// A bare domain name (`example-news.com`): lower-case letters after the last dot.
fn is_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.len() > 4
        && s.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

fn is_url_or_email(s: &str) -> bool {
    LINKS.is_match(s) || s.starts_with('/') || is_domain(s)
}

/// Drops a byline's lead word (`By`, `Von:`…) when names follow it.
fn strip_lead(s: &str) -> &str {
    let lower = s.to_lowercase();
    for lead in LEADS {
        let Some(rest) = lower.strip_prefix(lead) else {
            continue;
        };
        let rest_start = s.len() - rest.len();
        let after = s[rest_start..].trim_start_matches(':').trim_start();
        // A word boundary, and a name (capitalised, or anything after a colon) next.
        let bounded = rest.starts_with([' ', ':', '\u{a0}']);
        let colon = rest.trim_start().starts_with(':');
        if bounded && (colon || after.chars().next().is_some_and(char::is_uppercase)) {
            return after;
        }
    }
    s
}

fn is_role(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty() || ROLES.contains(&w.as_str())
    })
}

/// One name, if `part` can be one: letters, at most six words, no URL.
fn as_name(part: &str) -> Option<&str> {
    let part = part.trim_matches(|c: char| c.is_whitespace() || ",;:-–|()[]\"'“”„«»".contains(c));
    let words = part.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && part.chars().count() <= 60
        && part.chars().any(char::is_alphabetic)
        && !is_url_or_email(part)
        && !is_role(part);
    ok.then_some(part)
}

/// The names in one author string, in order, without duplicates.
pub fn names(raw: &str) -> Vec<String> {
    let s: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = LINKS.replace_all(&s, ",");
    let s = strip_lead(s.trim());
    let mut s = match TAIL.find(s) {
        Some(m) => &s[..m.start()],
        None => s,
    };
    // Small lower-case words left before a cut date (`Jean Dupont le`, `Eva Maier am`).
    while let Some((head, last)) = s.trim_end().rsplit_once(' ') {
        if last.chars().count() > 3 || !last.chars().all(char::is_lowercase) {
            break;
        }
        s = head;
    }
    let mut out: Vec<String> = Vec::new();
    for part in SPLIT.split(s) {
        let part = strip_lead(part.trim());
        if let Some(name) = as_name(part) {
            if !out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// The names of several author strings, joined as a byline (`Jane Smith, Karl Müller`).
pub fn byline<'a>(raws: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut all: Vec<String> = Vec::new();
    for raw in raws {
        for n in names(raw) {
            if !all.iter().any(|a| a.to_lowercase() == n.to_lowercase()) {
                all.push(n);
            }
        }
    }
    (!all.is_empty()).then(|| all.join(", "))
}

#[cfg(test)]
mod tests {
    use super::{byline, names};

    fn one(s: &str) -> Option<String> {
        byline([s])
    }

    #[test]
    fn lead_words_are_dropped() {
        assert_eq!(one("By Jane Smith").as_deref(), Some("Jane Smith"));
        assert_eq!(one("Von Karl Müller").as_deref(), Some("Karl Müller"));
        assert_eq!(one("Par Amélie Durand").as_deref(), Some("Amélie Durand"));
        assert_eq!(one("Por Ana García").as_deref(), Some("Ana García"));
        assert_eq!(one("Autor: Jan Kowalski").as_deref(), Some("Jan Kowalski"));
        assert_eq!(one("AUTORIN: Eva Maier").as_deref(), Some("Eva Maier"));
        // A name that starts like a lead word stays whole.
        assert_eq!(one("Byron Bay").as_deref(), Some("Byron Bay"));
        assert_eq!(one("von der Leyen").as_deref(), Some("von der Leyen"));
    }

    #[test]
    fn several_names_are_split_and_joined() {
        assert_eq!(
            one("By Jane Smith and Karl Müller").as_deref(),
            Some("Jane Smith, Karl Müller")
        );
        assert_eq!(
            one("Anna Berg und Tom Lind").as_deref(),
            Some("Anna Berg, Tom Lind")
        );
        assert_eq!(
            byline(["Jane Smith", "Karl Müller", "jane smith"]).as_deref(),
            Some("Jane Smith, Karl Müller")
        );
    }

    #[test]
    fn trailing_dates_roles_and_bars_are_dropped() {
        assert_eq!(
            one("Von Eva Maier, 05.03.2021").as_deref(),
            Some("Eva Maier")
        );
        assert_eq!(
            one("By Jane Smith | Updated March 5, 2021").as_deref(),
            Some("Jane Smith")
        );
        assert_eq!(
            one("Jane Smith, Redakteurin").as_deref(),
            Some("Jane Smith")
        );
        assert_eq!(
            one("Von Eva Maier am 5. März 2021 um 10:00 Uhr").as_deref(),
            Some("Eva Maier")
        );
        assert_eq!(one("Tom Lind (Text)").as_deref(), Some("Tom Lind"));
    }

    #[test]
    fn urls_and_addresses_are_never_names() {
        assert_eq!(one("https://example.org/authors/jane"), None);
        assert_eq!(one("www.example.org"), None);
        assert_eq!(one("jane@example.org"), None);
        assert_eq!(one("example-news.com"), None);
        assert_eq!(
            names("Jane Smith, https://example.org/jane"),
            vec!["Jane Smith"]
        );
    }

    #[test]
    fn sentences_are_not_names() {
        assert_eq!(
            one("This is a long sentence that is certainly not anybody's name at all"),
            None
        );
        assert_eq!(one("  "), None);
    }
}

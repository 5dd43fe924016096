//! Author strings as pages give them → the names alone.
//!
//! `By Jane Smith and Karl Müller, 5 March 2021` → `Jane Smith, Karl Müller`. The byline's
//! lead word (`By`, `Von`, `Par`, `Por`, `Autor:`…), a trailing date, time or role and
//! anything after a separator bar are dropped; URLs and e-mail addresses are never names.

use regex::Regex;
use std::sync::LazyLock;

/// What bylines start with, before the names (lower case; matched case-insensitively).
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "written by", "posted by", "published by", "reported by", "words by", "story by",
    "text by", "by", "geschrieben von", "eingestellt von", "erstellt von", "verfasst von",
    "ein beitrag von", "beitrag von", "pressemitteilung von", "artikel von", "ein kommentar von",
    "ein gastbeitrag von", "eine analyse von", "ein interview von", "text und interview",
    "text von", "vom", "von", "texte de", "écrit par", "publié par", "par", "escrito por",
    "publicado por", "por", "scritto da", "a cura di", "di", "door", "autor", "autorin",
    "autoren", "autorinnen", "author", "authors", "auteur", "auteurs", "autore", "verfasser",
    "verfasserin", "interview", "text", "texto", "tekst", "redakteur", "redakteurin",
    "fotos", "foto",
];

/// Name particles: after a lower-case lead word (`von`), one of these means the lead word
/// belongs to the name (`von der Leyen`).
const PARTICLES: &[&str] = &[
    "der", "den", "dem", "zu", "van", "de", "la", "le", "du", "des", "da", "dos", "del",
];

/// Words that say what someone is, or what a label is, not who: a part made of these is
/// dropped.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter",
    "reporterin", "editor", "senior", "staff", "writer", "contributor", "contributing",
    "journalist", "journalistin", "freier", "freie", "chefredakteur", "chefredakteurin",
    "columnist", "kolumnist", "kolumnistin", "photographer", "fotograf", "fotografin",
    "fotos", "photos", "foto", "photo", "bild", "bilder", "video", "grafik", "updated",
    "aktualisiert", "published", "publiziert", "veröffentlicht", "posted", "mehr", "more",
    "articles", "artikel", "beiträge", "follow", "folgen", "twitter", "facebook", "e-mail",
    "email", "mail", "profil", "profile", "autorenprofil", "uhr", "min", "minuten",
    "lesezeit", "read", "reading", "time", "am", "um", "on", "at", "le", "el", "il", "name",
    "datum", "date", "link", "links", "autor", "autorin", "author", "authors", "auteurs",
    "von", "by", "admin", "administrator", "unknown", "anonymous", "anonym", "no", "none",
    "null", "undefined", "gast", "guest", "share", "teilen", "kommentar", "kommentare",
    "comments", "comment", "antworten", "reply", "phd", "ph.d", "md", "msc", "mba", "dr",
    "prof",
    // weekdays
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
];

/// Words of a page's furniture, never of a name: a part with one of them is not a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "über", "about", "alle", "all", "posts", "beiträge", "articles", "weitere", "sponsored",
    "gesponserte", "gesponsert", "anzeige", "inhalte", "content", "move", "edit", "bearbeiten",
    "login", "anmelden", "register", "newsletter", "abonnieren", "subscribe", "home", "menu",
    "menü", "suche", "search", "impressum", "datenschutz", "privacy", "agreement", "licence",
    "license", "terms", "cookies", "cookie", "ingredient", "zeige", "show", "view", "mehr",
    "more", "rights", "reserved", "rechte", "vorbehalten", "alle", "deinen", "unsere", "our",
    "your", "ihre", "kontakt", "contact", "experience", "weiterlesen", "copyright",
];

/// Weekdays as datelines abbreviate them (`Fr., 5. März`, `Thu, March 4`).
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "lun", "mer", "jeu", "ven", "sam", "dim", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Words that end a comment's heading (`Jane sagt:`): the name is a commenter's.
const SAYS: &[&str] = &[
    "sagt", "says", "said", "schreibt", "meint", "dice", "dit", "wrote",
];

/// Words of organisations' names.
#[rustfmt::skip]
const ORGANISATION: &[&str] = &[
    "gmbh", "ag", "e.v.", "ev", "ltd", "inc", "llc", "se", "kg", "verlag", "redaktion",
    "redacción", "rédaction", "redazione", "redakcja", "zeitung", "magazin", "magazine",
    "online", "news", "media", "team", "staff", "agency", "agentur", "agencia", "stiftung",
    "verband", "institut", "institute", "universität", "university", "presse", "press",
    "pressestelle", "nachrichten", "newsroom", "desk", "blog", "images", "pictures",
    "photography", "pexels", "unsplash", "pixabay", "shutterstock", "istock", "imago",
];

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[,;/&]|\s(?:and|und|et|y|e|i|en|og|och|sowie)\s)\s*").unwrap()
});

/// Where the names end: a separator bar, a line break, a bracket, a date or time, another
/// credit (`Illustration von …`, `Fotos: …`).
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s[|•·—–-]\s|[|•·\n\r\t]|\s\(|(?:^|\s)\d|(?i:\b(?:updated|aktualisiert|published|veröffentlicht|stand|posted|publié|publicado|pubblicato|erschienen|hace)\b|\b(?:{})\s*(?::|\b(?:von|by|de|por)\s)|\b(?:übersetzung|translation|translated)\b)",
        PICTURE_CREDITS.join("|")
    ))
    .unwrap()
});

/// Words that open a picture's credit (`Foto: …`, `Illustration von …`): the names after
/// them are the photographer's or the artist's, not the author's.
#[rustfmt::skip]
pub const PICTURE_CREDITS: &[&str] = &[
    "foto", "fotos", "photo", "photos", "bild", "bilder", "illustration", "illustrationen",
    "illustrations", "grafik",
];

/// URLs and e-mail addresses inside an author string.
static LINKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S+://\S*|\bwww\.\S+|\S+@\S+\.\S+|(?:^|\s)@\w+").unwrap());

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

/// A cheap test before [`lead_len`]: whether the first word of `s` (after punctuation) can
/// start a lead (`By`, `Von`, `Autor:`…).
pub fn may_lead(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let word: String = s
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .flat_map(char::to_lowercase)
        .collect();
    label_len(s) > 0 || LEAD_FIRST_WORDS.contains(word.as_str())
}

/// The first word of every lead (`written` of `written by`): [`may_lead`] runs on every short
/// text of a page.
static LEAD_FIRST_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| LEADS.iter().filter_map(|l| l.split(' ').next()).collect());

/// The length of a byline's lead word (`By `, `Von `, `Autor: `) at the start of `s`, when
/// names follow it, or when nothing does (a label on its own).
pub fn lead_len(s: &str) -> Option<usize> {
    let lower = s.to_lowercase();
    for lead in LEADS {
        let Some(rest) = lower.strip_prefix(lead) else {
            continue;
        };
        // `Di Maio` is a name; only `di Mario Rossi` is a byline.
        if *lead == "di" && s.starts_with('D') {
            continue;
        }
        if !(rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}'])) {
            continue;
        }
        // Lower-casing can change lengths: measure on the original.
        let rest_start = s
            .char_indices()
            .nth(lead.chars().count())
            .map_or(s.len(), |(i, _)| i);
        let tail = &s[rest_start..];
        let after = tail.trim_start().trim_start_matches(':').trim_start();
        let colon = tail.trim_start().starts_with(':');
        let next_word = after.split_whitespace().next().unwrap_or("");
        let next_upper = next_word.chars().next().is_some_and(char::is_uppercase);
        let particle = PARTICLES.contains(&next_word.to_lowercase().as_str());
        if after.is_empty() || colon || next_upper || !particle {
            return Some(s.len() - after.len());
        }
    }
    // A label and a colon (`Redaktion: Eva Maier`) lead names too.
    Some(label_len(s)).filter(|&n| n > 0)
}

/// Words of labels before names (`Text & Fotos:`, `Redaktion und Recherche:`).
#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "text", "texte", "texto", "tekst", "fotos", "foto", "photos", "photo", "bilder", "bild",
    "grafik", "grafiken", "illustration", "illustrationen", "video", "redaktion", "recherche",
    "interview", "mitarbeit", "autor", "autorin", "autoren", "author", "authors", "und",
    "and", "&", "/", "+", "words", "reporting",
];

/// The length of a label (`Text & Fotos: `) at the start of `s`: words of labels up to a
/// colon; 0 when there is none.
fn label_len(s: &str) -> usize {
    let Some(i) = s.find(": ").filter(|&i| i <= 30) else {
        return 0;
    };
    let all_label_words = s[..i]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str()));
    if all_label_words {
        i + 2
    } else {
        0
    }
}

/// Drops a byline's lead word (`By`, `Von:`…) when names follow it.
fn strip_lead(s: &str) -> &str {
    match lead_len(s) {
        Some(n) => &s[n..],
        None => s,
    }
}

fn is_role(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty() || ROLES.contains(&w.as_str()) || super::date::is_month(&w)
    })
}

/// One name, if `part` can be one: letters, at most six words, no URL.
fn as_name(part: &str) -> Option<&str> {
    let part =
        part.trim_matches(|c: char| c.is_whitespace() || ",;:-–—|()[]\"'“”„«»~©*•·".contains(c));
    let words = part.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && part.chars().count() <= 60
        && part.chars().any(char::is_alphabetic)
        && !is_url_or_email(part)
        && !is_role(part)
        && !part
            .split_whitespace()
            .any(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()));
    ok.then_some(part)
}

/// Whether a name is an organisation's (`Example Zeitung`, `Example GmbH`, `Redaktion`).
pub fn is_organisation(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_lowercase();
        ORGANISATION.contains(&w.as_str())
    })
}

/// Whether a name starts with a known given name (`Jane Smith`), by the crate's lexicon.
pub fn has_given_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    crate::lexicon::LEX.given_names.contains_key(first)
}

/// Whether a name looks like a person's as bylines print them: two to four words, each
/// capitalised (or a particle such as `von`, `de`), no digits.
pub fn is_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !is_organisation(name)
        && words.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            // Initials and short titles end in a dot (`J.`, `Dr.`); longer words end
            // sentences. A lone letter is no name's word.
            let dot_ok = !w.ends_with('.') || letters <= 3;
            dot_ok
                && (letters >= 2 || w.ends_with('.'))
                && !w.chars().any(|c| c.is_ascii_digit())
                && (first.is_uppercase()
                    || PARTICLES.contains(&w.to_lowercase().as_str())
                    || *w == "von")
        })
}

/// Whether a name is a user account's (`jdoe`, `anna1984`, `r2d2`): one word of ASCII
/// letters, digits, `.`, `_` or `-`, starting with a letter, in lower case or with a digit.
/// Not an agency's code (`dpa`, `epd`: three letters or fewer, no digit) nor a given name
/// written small (`sarah`).
pub fn is_account(name: &str) -> bool {
    let digit = name.chars().any(|c| c.is_ascii_digit());
    let code = !digit && name.len() <= 3;
    let given = !digit && {
        let mut cs = name.chars();
        let capitalised: String = cs
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(cs)
            .collect();
        crate::lexicon::LEX
            .given_names
            .contains_key(capitalised.as_str())
    };
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && (!name.chars().any(|c| c.is_ascii_uppercase()) || digit)
        && !code
        && !given
}

/// A byline whose lead comes after a date or a role (`Posted on March 5, 2021 by Jane
/// Smith`, `Veröffentlicht am 5. März von Eva Maier`): the text from that lead on.
fn from_late_lead(s: &str) -> &str {
    for (i, _) in s.match_indices(' ') {
        let (head, tail) = (&s[..i], &s[i + 1..]);
        let head_is_date_or_role = is_role(&head.replace(|c: char| !c.is_alphabetic(), " "));
        if head_is_date_or_role && may_lead(tail) && lead_len(tail).is_some() {
            return tail;
        }
    }
    s
}

/// A name of two words or more printed twice in a row (`Jane Smith Jane Smith`, a picture's
/// alt text beside the caption): once. (`R. R.` are initials.)
fn undoubled(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let half = words.len() / 2;
    if half > 1 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        let end = name
            .match_indices(words[half - 1])
            .next()
            .map_or(name.len(), |(i, w)| i + w.len());
        return &name[..end];
    }
    name
}

/// The names in one author string, in order, without duplicates.
pub fn names(raw: &str) -> Vec<String> {
    // Soft hyphens (`Mat\u{ad}thias`) and zero-width characters are invisible: the name is
    // without them.
    let s = super::markup::normalise(raw);
    let s = LINKS.replace_all(&s, ",");
    let s = strip_lead(from_late_lead(s.trim()));
    // `Redaktion: Eva Maier`, `Text & Fotos: Tom Lind`: a label, then the names.
    let s = s.get(label_len(s)..).unwrap_or(s);
    let s = match TAIL.find(s) {
        Some(m) => &s[..m.start()],
        None => s,
    };
    // A commenter (`Jane sagt:`), not an author.
    let last_word = s
        .trim_end_matches([':', ' '])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    if SAYS.contains(&last_word.to_lowercase().as_str()) {
        return Vec::new();
    }
    let mut s = s;
    // Small lower-case words and weekdays left before a cut date (`Jean Dupont le`, `Eva
    // Maier am`, `Tom Lind Fr.`).
    while let Some((head, last)) = s.trim_end().rsplit_once(' ') {
        let small = last.chars().count() <= 3 && last.chars().all(char::is_lowercase);
        let word = last.trim_end_matches([',', '.']).to_lowercase();
        if !small && !WEEKDAYS.contains(&word.as_str()) {
            break;
        }
        s = head;
    }
    let mut out: Vec<String> = Vec::new();
    for part in SPLIT.split(s) {
        let part = strip_lead(part.trim());
        if let Some(name) = as_name(part).map(undoubled) {
            if !out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// The names of several author strings, without duplicates.
pub fn names_of<'a>(raws: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for raw in raws {
        for n in names(raw) {
            if !all.iter().any(|a| a.to_lowercase() == n.to_lowercase()) {
                all.push(n);
            }
        }
    }
    all
}

/// The names of several author strings, joined as a byline (`Jane Smith, Karl Müller`).
pub fn byline<'a>(raws: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let all = names_of(raws);
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
        assert_eq!(one("Tom Lind Fr. 5.3.2021").as_deref(), Some("Tom Lind"));
        assert_eq!(one("Redaktion: Eva Maier").as_deref(), Some("Eva Maier"));
        assert_eq!(
            one("Text: Eva Maier Foto: Tom Lind").as_deref(),
            Some("Eva Maier")
        );
    }

    #[test]
    fn a_second_credit_ends_the_names() {
        assert_eq!(
            one("Text von Eva Maier Illustration von Tom Lind").as_deref(),
            Some("Eva Maier")
        );
        assert_eq!(
            one("Words by Jane Smith Photos by Ann Lee").as_deref(),
            Some("Jane Smith")
        );
    }

    #[test]
    fn a_lead_after_a_date_or_a_role() {
        assert_eq!(
            one("Posted on March 5, 2021 by Jane Smith").as_deref(),
            Some("Jane Smith")
        );
        assert_eq!(
            one("Veröffentlicht am 5. März 2021 von Eva Maier").as_deref(),
            Some("Eva Maier")
        );
        // A byline that does not start with a date keeps its words.
        assert_eq!(one("Anna von Berg").as_deref(), Some("Anna von Berg"));
    }

    #[test]
    fn soft_hyphens_and_doubled_names() {
        assert_eq!(
            one("Von Mat\u{ad}thi\u{ad}as Berg").as_deref(),
            Some("Matthias Berg")
        );
        assert_eq!(one("© Eva Maier Eva Maier").as_deref(), Some("Eva Maier"));
        assert_eq!(one("Von R. R.").as_deref(), Some("R. R."));
        assert_eq!(one("Redaktion: Tom Lind").as_deref(), Some("Tom Lind"));
    }

    #[test]
    fn user_accounts() {
        use super::is_account;
        assert!(is_account("jdoe"));
        assert!(is_account("anna1984"));
        assert!(is_account("Bob2000"));
        assert!(is_account("jane.smith"));
        assert!(!is_account("Jane"));
        assert!(!is_account("Jane Smith"));
        assert!(!is_account("1984"));
        assert!(!is_account("müller"));
        assert!(!is_account("dpa"), "an agency's code");
        assert!(!is_account("sarah"), "a given name written small");
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

//! A date in free text → ISO 8601.
//!
//! Understands what news pages write: ISO strings (`2021-03-05`, `2021-03-05T10:32:00+01:00`),
//! RFC 2822 (`Fri, 05 Mar 2021 10:32:00 +0100`), numeric dates (`05.03.2021`, `2021/03/05`,
//! `5.3.21`), and month names in English, German, French, Spanish, Italian, Portuguese, Polish
//! and Dutch (`March 5, 2018`, `5th March 2018`, `5. März 2021`, `5 de marzo de 2021`,
//! `1er mars 2021`, `5 marca 2021`). The earliest date in the text wins. Impossible dates
//! (`31.02.2021`) are rejected; a bare year is never taken for a date, nor is a numeric date
//! whose day and month could be swapped (`03/05/2021`) unless one of them is over 12.

use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Month names and abbreviations, lower case, with their number.
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // German
    ("januar", 1), ("jänner", 1), ("jän", 1), ("februar", 2), ("feber", 2), ("märz", 3),
    ("mär", 3), ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10), ("okt", 10),
    ("dezember", 12), ("dez", 12),
    // French
    ("janvier", 1), ("janv", 1), ("février", 2), ("fevrier", 2), ("févr", 2), ("fév", 2),
    ("mars", 3), ("avril", 4), ("avr", 4), ("juin", 6), ("juillet", 7), ("juil", 7),
    ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("décembre", 12), ("decembre", 12), ("déc", 12),
    // Spanish
    ("enero", 1), ("ene", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4),
    ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8), ("ago", 8), ("septiembre", 9),
    ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("dic", 12),
    // Italian
    ("gennaio", 1), ("gen", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("mag", 5),
    ("giugno", 6), ("giu", 6), ("luglio", 7), ("lug", 7), ("settembre", 9), ("set", 9),
    ("ottobre", 10), ("ott", 10), ("dicembre", 12),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("fev", 2), ("março", 3), ("marco", 3), ("maio", 5),
    ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10), ("out", 10),
    ("dezembro", 12),
    // Polish: nominative and genitive
    ("styczeń", 1), ("stycznia", 1), ("luty", 2), ("lutego", 2), ("marzec", 3), ("marca", 3),
    ("kwiecień", 4), ("kwietnia", 4), ("maj", 5), ("maja", 5), ("czerwiec", 6),
    ("czerwca", 6), ("lipiec", 7), ("lipca", 7), ("sierpień", 8), ("sierpnia", 8),
    ("wrzesień", 9), ("września", 9), ("październik", 10), ("października", 10),
    ("listopad", 11), ("listopada", 11), ("grudzień", 12), ("grudnia", 12),
    // Dutch
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    ("oktober", 10),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, n)| n)
}

/// Whether a word (lower case, a trailing dot allowed) names a month.
pub fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// The month alternation, longest names first so that `märz` wins over `mär`.
fn month_pattern() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})
        (?:[T\ ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?:$|[^\d])",
    )
    .unwrap()
});

static RFC2822: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)\b",
    )
    .unwrap()
});

/// `2021/03/05`, `2021.03.05`, `2021_03_05`, as in paths and some datelines.
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{4})([/._])(\d{1,2})([/._])(\d{1,2})(?:$|[^\d])").unwrap()
});

/// `05.03.2021`, `5.3.21`, `05/03/2021`, `05-03-2021`.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.,/-])(\d{1,2})([./-])\s?(\d{1,2})([./-])\s?(\d{4}|\d{2})(?:$|[^\d.]|\.(?:$|\D))").unwrap()
});

/// `5. März 2021`, `5th March, 2018`, `1er mars 2021`, `5 de marzo de 2021`.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°|o)?\s*(?:de\s+|of\s+)?({})\b\.?,?\s*(?:de\s+|del\s+)?'?(\d{{4}})\b",
        month_pattern()
    ))
    .unwrap()
});

/// `March 5, 2018`, `Mar. 5th 2018`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
        month_pattern()
    ))
    .unwrap()
});

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// `YYYY-MM-DD` when the day exists (years 1900–2099).
fn ymd(year: i32, month: u32, day: u32) -> Option<String> {
    ((1900..2100).contains(&year) && day >= 1 && day <= days_in_month(year, month))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn num<T: std::str::FromStr>(c: &Captures, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// `+0100`, `+01:00`, `Z`, `GMT` → `+01:00` or `Z`.
fn offset(zone: &str) -> Option<String> {
    match zone {
        "Z" | "GMT" | "UTC" | "UT" => Some("Z".into()),
        _ => {
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = digits.split_at(2);
            let (hh, mm): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (hh <= 14 && mm < 60).then(|| format!("{}{h}:{m}", &zone[..1]))
        }
    }
}

/// The time part, when it is valid: `T10:32:00`, with the zone when there is one.
fn time(c: &Captures, first: usize) -> Option<String> {
    let h: u32 = num(c, first)?;
    let m: u32 = num(c, first + 1)?;
    let s: u32 = num(c, first + 2).unwrap_or(0);
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let zone = match c.get(first + 3) {
        Some(z) => offset(z.as_str())?,
        None => String::new(),
    };
    Some(format!("T{h:02}:{m:02}:{s:02}{zone}"))
}

fn iso(c: &Captures) -> Option<String> {
    let day = ymd(num(c, 1)?, num(c, 2)?, num(c, 3)?)?;
    Some(match c.get(4).and_then(|_| time(c, 4)) {
        Some(t) => day + &t,
        None => day,
    })
}

fn rfc2822(c: &Captures) -> Option<String> {
    let day = ymd(num(c, 3)?, month_number(&c[2])?, num(c, 1)?)?;
    Some(day + &time(c, 4)?)
}

fn year_ymd(c: &Captures) -> Option<String> {
    // The same separator twice: `2021/03/05`, not `2021/03.05`.
    (c[2] == c[4]).then_some(())?;
    ymd(num(c, 1)?, num(c, 3)?, num(c, 5)?)
}

fn dmy(c: &Captures) -> Option<String> {
    (c[2] == c[4]).then_some(())?;
    let (a, b): (u32, u32) = (num(c, 1)?, num(c, 3)?);
    let y = &c[5];
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        // Two-digit years only in the dotted form, the one that uses them (`5.3.21`).
        _ if &c[2] == "." => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    match &c[2] {
        // Dots and dashes: day first everywhere they are used.
        "." | "-" => ymd(year, b, a),
        // Slashes: day first in most of the world, month first in the US. Only when one of
        // the two cannot be a month.
        _ if a > 12 => ymd(year, b, a),
        _ if b > 12 => ymd(year, a, b),
        _ => None,
    }
}

fn day_month_year(c: &Captures) -> Option<String> {
    ymd(num(c, 3)?, month_number(&c[2])?, num(c, 1)?)
}

fn month_day_year(c: &Captures) -> Option<String> {
    ymd(num(c, 3)?, month_number(&c[1])?, num(c, 2)?)
}

type Reader = fn(&Captures) -> Option<String>;

/// The earliest valid date in `text`, as `YYYY-MM-DD`, or with the time when the text gives
/// one in ISO or RFC 2822 form (`2021-03-05T10:32:00+01:00`).
pub fn parse(text: &str) -> Option<String> {
    // Every date written with a year has at least four digits (`5.3.21`).
    if text.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return None;
    }
    let readers: [(&Regex, Reader); 6] = [
        (&ISO, iso),
        (&RFC2822, rfc2822),
        (&YMD, year_ymd),
        (&DMY, dmy),
        (&DAY_MONTH_YEAR, day_month_year),
        (&MONTH_DAY_YEAR, month_day_year),
    ];
    let mut best: Option<(usize, String)> = None;
    for (re, read) in readers {
        for c in re.captures_iter(text) {
            let start = c.get(1).map_or(0, |m| m.start());
            if best.as_ref().is_some_and(|(s, _)| *s <= start) {
                break;
            }
            if let Some(date) = read(&c) {
                best = Some((start, date));
                break;
            }
        }
    }
    best.map(|(_, d)| d)
}

/// The day of an ISO date or date-time (`2021-03-05T10:32:00Z` → `2021-03-05`).
pub fn day(iso: &str) -> &str {
    iso.get(..10).unwrap_or(iso)
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn p(s: &str) -> Option<String> {
        parse(s)
    }

    #[test]
    fn iso_dates_and_times() {
        assert_eq!(p("2021-03-05").as_deref(), Some("2021-03-05"));
        assert_eq!(
            p("2021-03-05T10:32:00+01:00").as_deref(),
            Some("2021-03-05T10:32:00+01:00")
        );
        assert_eq!(
            p("2021-03-05T10:32:00.000Z").as_deref(),
            Some("2021-03-05T10:32:00Z")
        );
        assert_eq!(
            p("2021-03-05 10:32").as_deref(),
            Some("2021-03-05T10:32:00")
        );
        assert_eq!(
            p("2021-03-05T10:32:00+0100").as_deref(),
            Some("2021-03-05T10:32:00+01:00")
        );
        // A bad time keeps the day.
        assert_eq!(p("2021-03-05T25:00").as_deref(), Some("2021-03-05"));
    }

    #[test]
    fn rfc_2822() {
        assert_eq!(
            p("Fri, 05 Mar 2021 10:32:00 +0100").as_deref(),
            Some("2021-03-05T10:32:00+01:00")
        );
        assert_eq!(
            p("Tue, 2 Nov 2021 08:00:00 GMT").as_deref(),
            Some("2021-11-02T08:00:00Z")
        );
    }

    #[test]
    fn month_names_in_many_languages() {
        for (text, want) in [
            ("March 5, 2018", "2018-03-05"),
            ("Published Mar. 5th, 2018 at noon", "2018-03-05"),
            ("5 March 2018", "2018-03-05"),
            ("5th of March, 2018", "2018-03-05"),
            ("5. März 2021", "2021-03-05"),
            ("am 12. Jänner 2020", "2020-01-12"),
            ("1er mars 2021", "2021-03-01"),
            ("le 14 février 2019", "2019-02-14"),
            ("5 de marzo de 2021", "2021-03-05"),
            ("12 settembre 2020", "2020-09-12"),
            ("3 de março de 2022", "2022-03-03"),
            ("5 marca 2021", "2021-03-05"),
            ("17 października 2019", "2019-10-17"),
            ("5 maart 2021", "2021-03-05"),
        ] {
            assert_eq!(p(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(p("05.03.2021").as_deref(), Some("2021-03-05"));
        assert_eq!(
            p("Stand: 5.3.2021, 10:00 Uhr").as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(p("5.3.21").as_deref(), Some("2021-03-05"));
        assert_eq!(p("2021/03/05").as_deref(), Some("2021-03-05"));
        assert_eq!(p("/news/2021/03/05/a-story").as_deref(), Some("2021-03-05"));
        assert_eq!(p("25/12/2020").as_deref(), Some("2020-12-25"));
        assert_eq!(p("12/25/2020").as_deref(), Some("2020-12-25"));
        assert_eq!(p("05-03-2021").as_deref(), Some("2021-03-05"));
    }

    #[test]
    fn the_earliest_date_wins() {
        assert_eq!(
            p("Published 5 March 2018, updated 2018-03-07").as_deref(),
            Some("2018-03-05")
        );
    }

    #[test]
    fn rejects_impossible_ambiguous_and_bare_years() {
        for text in [
            "31.02.2021",
            "2021-13-01",
            "30 February 2020",
            "in 2021",
            "March 2021",
            "03/05/2021",
            "version 1.2.3",
            "call 0800-123-4567",
            "",
        ] {
            assert_eq!(p(text), None, "{text}");
        }
        assert_eq!(p("29.02.2020").as_deref(), Some("2020-02-29"));
        assert_eq!(p("29.02.2021"), None);
    }
}

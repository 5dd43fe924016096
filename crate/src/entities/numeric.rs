//! Dates, times, amounts, percentages and numbers: regular expressions over the whole text,
//! kept where no name already stands and never across blocks.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use crate::segment::Document;
use crate::types::{Entity, EntityKind, Span};

/// Dates, times, amounts and numbers, where no name already stands.
pub(super) fn add_numeric(
    doc: &Document,
    skipped: &dyn Fn(usize) -> bool,
    entities: &mut Vec<Entity>,
) {
    // One pass of each pattern over the whole text; a match never runs across blocks and none
    // is kept in a skipped block.
    let mut found: Vec<(Span, EntityKind, usize)> = Vec::new();
    let text = doc.text;
    let mut keep = |span: Span, kind: EntityKind, p: usize| {
        let block = doc.block_at(span.start);
        if doc.blocks[block].end >= span.end && !skipped(block) {
            found.push((span, kind, p));
        }
    };
    let starts = amount_starts(text);
    for (p, (re, kind, _)) in NUMERIC.iter().enumerate() {
        if let Some(anchored) = &ANCHORED[p] {
            // Every match starts at one of `starts`: the leftmost match from `from` on is the
            // first of them where an anchored search matches, as `find_iter` finds it.
            let money = *kind == EntityKind::Money;
            anchored_find(anchored, text, &starts, money, |m| {
                keep(Span::new(m.start, m.end), *kind, p);
            });
            continue;
        }
        if re.captures_len() == 1 {
            for m in re.find_iter(text) {
                keep(Span::new(m.start(), m.end()), *kind, p);
            }
            continue;
        }
        for whole in re.find_iter(text) {
            // A pattern may mark the part that is the mention: "in (May)". Such a part lies
            // after a lowercase word, or is the whole match: only a match that starts with a
            // lowercase letter needs its groups (the same match again, from the same place).
            let m = if whole.as_str().starts_with(|c: char| c.is_ascii_lowercase()) {
                let c = re.captures_at(text, whole.start()).expect("the same match");
                c.name("m")
                    .or_else(|| c.name("m2"))
                    .unwrap_or_else(|| c.get(0).unwrap())
            } else {
                debug_assert!(re.captures_at(text, whole.start()).is_some_and(|c| c
                    .name("m")
                    .or_else(|| c.name("m2"))
                    .is_none_or(|g| g.range() == whole.range())));
                whole
            };
            keep(Span::new(m.start(), m.end()), *kind, p);
        }
    }
    place_numeric(doc, found, entities);
}

/// Adds the numeric matches `found` (span, kind, pattern) to `entities`: leftmost, then
/// longest, then the more specific kind, none over another or over a name, none glued to a
/// digit, no citation mark.
fn place_numeric(
    doc: &Document,
    mut found: Vec<(Span, EntityKind, usize)>,
    entities: &mut Vec<Entity>,
) {
    found.sort_by_key(|(s, _, p)| (s.start, std::cmp::Reverse(s.end), *p));
    // Names are in text order and do not overlap: only the last one starting before a
    // span's end can overlap it.
    let names: Vec<Span> = entities.iter().map(Entity::span).collect();
    debug_assert!(names.windows(2).all(|w| w[0].end <= w[1].start));
    let overlaps_name = |span: Span| {
        let k = names.partition_point(|n| n.start < span.end);
        k > 0 && names[k - 1].overlaps(span)
    };
    let mut last_end = 0;
    for (span, kind, p) in found {
        if span.start < last_end || overlaps_name(span) {
            continue;
        }
        // Dates may be glued to a word ("People19 December 2017"), never to a digit.
        let before = doc.text[..span.start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // A citation mark "[27]" is not a number in the article.
        let after = doc.text[span.end..].chars().next();
        if kind == EntityKind::Number && before == Some('[') && after == Some(']') {
            continue;
        }
        last_end = span.end;
        entities.push(Entity {
            start: span.start,
            end: span.end,
            text: doc.text[span.start..span.end].to_string(),
            kind,
            id: None,
            why: NUMERIC[p].2.to_string(),
        });
    }
}

/// Where an amount, a percentage or a time can start, and whether at a digit (else at a
/// currency sign or the "U" of "US$"). Those patterns open with a currency sign, or with an
/// ASCII word boundary before a digit (`\d`: any Unicode digit) or the "U": an ASCII digit or
/// "U" right after an ASCII word character starts none of them.
fn amount_starts(text: &str) -> Vec<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let after_word =
        |k: usize| k > 0 && (bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'_');
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'$' => out.push((k, false)),
            b'0'..=b'9' if !after_word(k) => out.push((k, true)),
            b'U' if !after_word(k) => out.push((k, false)),
            0xC0.. => {
                let c = text[k..].chars().next().unwrap_or(' ');
                if matches!(c, '€' | '£' | '¥') {
                    out.push((k, false));
                } else if c.is_numeric() {
                    out.push((k, true));
                }
            }
            _ => {}
        }
    }
    out
}

/// The matches of `re` that start at one of `starts` (only at digits unless `money`), in
/// order and not overlapping, as an unanchored scan finds them when no match starts elsewhere.
fn anchored_find(
    re: &meta::Regex,
    text: &str,
    starts: &[(usize, bool)],
    money: bool,
    mut f: impl FnMut(std::ops::Range<usize>),
) {
    let mut from = 0;
    for &(k, digit) in starts {
        if k < from || !(digit || money) {
            continue;
        }
        if let Some(m) = re.search(&Input::new(text).range(k..).anchored(Anchored::Yes)) {
            f(m.range());
            from = m.end();
        }
    }
}

/// The amount, percentage and time patterns of [`NUMERIC`] again, for anchored searches at
/// the places [`amount_starts`] gives (the others can start at too many places).
static ANCHORED: LazyLock<Vec<Option<meta::Regex>>> = LazyLock::new(|| {
    NUMERIC
        .iter()
        .map(|(re, kind, _)| {
            matches!(
                kind,
                EntityKind::Money | EntityKind::Percent | EntityKind::Time
            )
            .then(|| meta::Regex::new(re.as_str()).expect("numeric pattern compiles"))
        })
        .collect()
});

const MONTH_RE: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

static NUMERIC: LazyLock<Vec<(Regex, EntityKind, &'static str)>> = LazyLock::new(|| {
    let num = r"\d+(?:[,.]\d+)*";
    let scale = r"(?:\s?(?:million|billion|trillion|thousand|bn|mn|m|k)\b)?";
    let words = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|tens)";
    let spec: Vec<(String, EntityKind, &'static str)> = vec![
        (
            format!(
                r"[$€£¥]\s?{num}{scale}|\b{num}{scale}\s?(?:dollars|euros|pounds|yen|yuan|rubles|roubles|rials|rupees|USD|EUR|GBP)\b|\bUS\$\s?{num}{scale}"
            ),
            EntityKind::Money,
            "amount with a currency",
        ),
        (
            format!(r"\b{num}\s?(?:%|per ?cent\b|percent\b|percentage points?\b)"),
            EntityKind::Percent,
            "percentage",
        ),
        (
            format!(
                r"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}(?:,?\s+\d{{4}})?|\b{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b{MONTH_RE}\s+\d{{4}}\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:the\s+)?(?:19|20)\d0s\b|\b(?:(?:early|mid|late)[- ])?(?:19|20)\d\d\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:yesterday|today|tomorrow)\b|\b(?:in|since|until|by|from|early|late|mid|last|next|this|of)[- ](?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{{4}}\b)?)\b|\b(?P<m2>January|February|March|April|June|July|August|September|October|November|December)\b"
            ),
            EntityKind::Date,
            "date",
        ),
        (
            r"\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)|\b\d{1,2}:\d\d\b"
                .to_string(),
            EntityKind::Time,
            "time of day",
        ),
        (
            format!(r"\b{num}{scale}|\b{words}(?:\s+of\s+{words})?\b"),
            EntityKind::Number,
            "number",
        ),
    ];
    // ASCII word boundaries: the fast (DFA) engines support them, Unicode ones they do not,
    // and these patterns are about digits and English words.
    spec.into_iter()
        .map(|(re, k, why)| {
            let re = re.replace(r"\b", r"(?-u:\b)");
            (Regex::new(&re).expect("numeric pattern compiles"), k, why)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_amounts_are_the_matches_of_a_scan() {
        let texts = [
            "US$5 and $ 3.2bn, €12 million, £4, ¥30, 40 dollars, 5 per cent, 3% and 10:30 am.",
            "AUS$5 x12 12USD US$US$7 ١٢% ٣ pm 5pm_ 7 GMT\n8:00 9 percentage points",
            "",
            "no digits at all here",
        ];
        for t in texts {
            let starts = amount_starts(t);
            for (p, (re, kind, _)) in NUMERIC.iter().enumerate() {
                let Some(a) = &ANCHORED[p] else { continue };
                let scan: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                let mut anchored = Vec::new();
                let money = *kind == EntityKind::Money;
                anchored_find(a, t, &starts, money, |m| anchored.push(m));
                assert_eq!(scan, anchored, "{kind:?} in {t:?}");
                assert!(!scan.is_empty() || t.len() < 30, "{kind:?} in {t:?}");
            }
        }
    }
}

//! From the classifier's probabilities to blocks a reader can read: which are kept (never
//! none when the page has prose), and what each block is — title, heading, byline, body, or
//! the kind of boilerplate — with the reason.

use super::facts::{End, Facts};
use super::patterns;
use crate::decimal::fixed;
use crate::html::HtmlDoc;
use crate::metadata::{date, names};
use crate::segment::Document;
use crate::types::{Block, BlockKind};

/// Above this probability a block is article text.
pub const THRESHOLD: f32 = 0.5;

/// A short block that is a known boilerplate phrase (a named pattern: skip link, menu, tag
/// list, share widget, copyright line…), and a markup leftover of any length (shortcode,
/// template slug), are left out whatever the model says: the patterns never match prose (a
/// test checks), and on a short line the model has too little else to go on.
const PATTERN_DECIDES_UP_TO_WORDS: usize = 12;

/// Which blocks are kept. When none is but the page has prose, the densest run of prose is,
/// with a warning.
pub fn decide(prob: &[f32], facts: &[Facts]) -> (Vec<bool>, Vec<String>) {
    let mut kept: Vec<bool> = prob
        .iter()
        .zip(facts)
        .map(|(&p, f)| {
            let phrase = f.patterns != 0 && f.words <= PATTERN_DECIDES_UP_TO_WORDS;
            p > THRESHOLD && !phrase && f.patterns & *patterns::MARKUP == 0
        })
        .collect();
    // The second and later copies of a block are not kept twice.
    let mut seen = rustc_hash::FxHashSet::default();
    for (k, f) in kept.iter_mut().zip(facts) {
        if *k && !f.key.is_empty() && !seen.insert(f.key.as_str()) {
            *k = false;
        }
    }
    let mut warnings = Vec::new();
    // One or two blocks are the reader's own selection, not a page: kept, but for known
    // boilerplate phrases.
    if facts.len() <= 2 {
        for (k, f) in kept.iter_mut().zip(facts) {
            *k = f.patterns == 0 && !f.key.is_empty();
        }
    }
    if !kept.iter().any(|&k| k) {
        if let Some(run) = densest_prose(facts) {
            for k in run.clone() {
                kept[k] = true;
            }
            warnings.push(format!(
                "Nothing here looked clearly like an article; blocks {}–{}, the longest run of prose, are kept.",
                run.start + 1,
                run.end
            ));
        }
    }
    (kept, warnings)
}

/// The run of consecutive prose-like blocks (three words or more, not links, no boilerplate
/// phrase) with the most words (at least 10).
fn densest_prose(facts: &[Facts]) -> Option<std::ops::Range<usize>> {
    let prose = |f: &Facts| f.words >= 3 && f.link_density < 0.5 && f.patterns == 0;
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    let mut b = 0;
    while b < facts.len() {
        if !prose(&facts[b]) {
            b += 1;
            continue;
        }
        let start = b;
        let mut words = 0;
        while b < facts.len() && prose(&facts[b]) {
            words += facts[b].words;
            b += 1;
        }
        if words >= 10 && best.as_ref().is_none_or(|(w, _)| words > *w) {
            best = Some((words, start..b));
        }
    }
    best.map(|(_, r)| r)
}

/// Names every block, and tells which are widgets.
pub fn name(
    doc: &Document,
    html: Option<&HtmlDoc>,
    facts: &[Facts],
    kept: &[bool],
    prob: &[f32],
) -> (Vec<Block>, Vec<bool>) {
    let text = |b: usize| &doc.text[doc.blocks[b].start..doc.blocks[b].end];
    let title = find_title(html, facts, kept, &text);
    let first_kept = kept.iter().position(|&k| k);
    let first_body = (0..kept.len()).find(|&b| kept[b] && Some(b) != title && facts[b].words >= 8);
    let mut widgets = vec![false; kept.len()];
    let blocks = (0..kept.len())
        .map(|b| {
            let f = &facts[b];
            let p = prob[b];
            let near_title = title.is_some_and(|t| b > t && first_body.is_none_or(|g| b < g));
            let title_copy = title.is_some_and(|t| t != b && facts[t].key == f.key);
            let (kind, why) = if Some(b) == title {
                (
                    BlockKind::Title,
                    format!("the article's title (p = {})", fixed(p.into(), 2)),
                )
            } else if title_copy {
                (BlockKind::Duplicate, "repeats the title".into())
            } else if let Some((kind, why)) =
                near_title.then(|| byline_or_date(text(b), f)).flatten()
            {
                (kind, format!("{why} under the title"))
            } else if kept[b] && near_title && f.words <= 4 && f.end != End::Sentence {
                let why = "a short line between the title and the article: a site or section name";
                (BlockKind::Navigation, why.into())
            } else if kept[b] {
                article_kind(doc, html, b, f, p)
            } else {
                let (kind, why) = boilerplate_kind(html, b, f, first_kept);
                widgets[b] = matches!(
                    kind,
                    BlockKind::Navigation
                        | BlockKind::Share
                        | BlockKind::Markup
                        | BlockKind::Advert
                );
                (kind, format!("{why} (p = {})", fixed(p.into(), 2)))
            };
            let span = doc.blocks[b];
            Block {
                start: span.start,
                end: span.end,
                kind,
                boilerplate: kind.is_boilerplate(),
                why,
            }
        })
        .collect();
    (blocks, widgets)
}

/// A byline or a date line, in any of the supported languages: a named pattern's (English),
/// else a byline's lead word (`By`, `Von`, `Par`, `Por`…, [`names::lead_len`]) followed by
/// people's names, else a short line that is a date ([`date::parse`]) and little else.
fn byline_or_date(s: &str, f: &Facts) -> Option<(BlockKind, &'static str)> {
    let named = patterns::first(f.patterns).and_then(|(kind, _)| match kind {
        BlockKind::Byline => Some((BlockKind::Byline, "a byline")),
        BlockKind::Dateline => Some((BlockKind::Dateline, "a date line")),
        _ => None,
    });
    if named.is_some() || f.words > 16 || (f.end == End::Sentence && f.words > 10) {
        return named;
    }
    if is_byline(s) {
        return Some((BlockKind::Byline, "a byline"));
    }
    is_date_line(s, f).then_some((BlockKind::Dateline, "a date line"))
}

/// A byline's lead word, then names, the first of them a person's (`Von Katrin Vogel und Tom
/// Lind, dpa`); `Von Montag bis Freitag geöffnet` has no person's name after its lead.
fn is_byline(s: &str) -> bool {
    if !names::may_lead(s) || names::lead_len(s).is_none_or(|n| n >= s.trim_end().len()) {
        return false;
    }
    let found = names::names(s);
    found.first().is_some_and(|n| names::is_person(n))
        && found.iter().all(|n| n.split_whitespace().count() <= 4)
}

/// A short line holding a date (`12. März 2026`, `Stand: 12.03.2026, 10:15 Uhr`, `Publié le 12
/// mars 2026 à 10h30`): at most ten words, of which at most two are long words that are
/// neither numbers nor month names (`Aktualisiert`, a weekday, a place).
fn is_date_line(s: &str, f: &Facts) -> bool {
    if f.words > 10 || f.end == End::Sentence || date::parse(s).is_none() {
        return false;
    }
    let other = s
        .split_whitespace()
        .filter(|w| {
            let letters = w.trim_matches(|c: char| !c.is_alphabetic());
            !w.chars().any(|c| c.is_ascii_digit())
                && !date::is_month(letters)
                && letters.chars().count() > 3
        })
        .count();
    other <= 2
}

fn article_kind(
    doc: &Document,
    html: Option<&HtmlDoc>,
    b: usize,
    f: &Facts,
    p: f32,
) -> (BlockKind, String) {
    let tag = html.and_then(|h| h.blocks.get(b)).map(|h| h.tag);
    let heading_tag = tag.is_some_and(|t| matches!(t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
    let s = &doc.text[doc.blocks[b].start..doc.blocks[b].end];
    let heading_like = f.chars < 140
        && f.words <= 20
        && matches!(f.end, End::Letter | End::Digit | End::Other)
        && !s.ends_with(',');
    if heading_tag || (heading_like && tag.is_none_or(|t| t != "li")) {
        return (
            BlockKind::Heading,
            format!("a heading inside the article (p = {})", fixed(p.into(), 2)),
        );
    }
    let fw = f
        .function_share
        .map(|s| format!(", {}% function words", fixed(f64::from(s) * 100.0, 0)))
        .unwrap_or_default();
    (
        BlockKind::Body,
        format!(
            "article text: {} words{fw} (p = {})",
            f.words,
            fixed(p.into(), 2)
        ),
    )
}

/// The kind of a block left out: a named pattern's, else what the markup says, else repeats,
/// links or "not the article".
fn boilerplate_kind(
    html: Option<&HtmlDoc>,
    b: usize,
    f: &Facts,
    first_kept: Option<usize>,
) -> (BlockKind, String) {
    if let Some((kind, why)) = patterns::first(f.patterns) {
        return (kind, why.to_string());
    }
    if let Some(h) = html {
        for e in h.ancestry(h.blocks[b].element) {
            if let Some(kind) = kind_of_tag(e.tag) {
                return (kind, format!("inside <{}>", e.tag));
            }
            if let Some((w, kind)) = e.words.iter().find_map(|w| kind_of_word(w).map(|k| (w, k))) {
                return (kind, format!("inside an element named '{w}'"));
            }
        }
    }
    if f.repeats > 0 {
        return (
            BlockKind::Duplicate,
            "repeated elsewhere on the page".into(),
        );
    }
    if f.key.is_empty() {
        return (BlockKind::Markup, "no words".into());
    }
    if f.link_density > 0.5 {
        return (BlockKind::Navigation, "mostly link text".into());
    }
    let before_article = first_kept.is_none_or(|k| k >= b);
    let why = if before_article {
        "before the article"
    } else if f.end != End::Sentence {
        "a short line, not the article's prose"
    } else {
        "outside the article's run of paragraphs"
    };
    let kind = if before_article {
        BlockKind::Navigation
    } else {
        BlockKind::Related
    };
    (kind, why.into())
}

/// The kind of boilerplate a sectioning tag holds.
fn kind_of_tag(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "nav" | "header" | "menu" | "form" | "button" => BlockKind::Navigation,
        "footer" => BlockKind::Legal,
        "aside" => BlockKind::Related,
        "figcaption" | "figure" => BlockKind::Caption,
        _ => return None,
    })
}

/// The kind of boilerplate a class or id word names. Only names a block the classifier left
/// out; it never decides (the classifier learns its own weights for these words).
fn kind_of_word(w: &str) -> Option<BlockKind> {
    Some(match w {
        "nav" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" => BlockKind::Navigation,
        "share" | "sharing" | "social" => BlockKind::Share,
        "footer" | "copyright" => BlockKind::Legal,
        "comment" | "comments" => BlockKind::Comments,
        "related" | "sidebar" | "widget" | "promo" | "teaser" => BlockKind::Related,
        "ad" | "ads" | "advert" | "advertisement" | "sponsor" | "sponsored" => BlockKind::Advert,
        "caption" | "credit" => BlockKind::Caption,
        _ => return None,
    })
}

/// The title: among the blocks before the article's first paragraph (at most 12 before it),
/// the page's `<h1>` or a block the `<title>` holds, else the nearest headline-like line;
/// never a byline or a date line.
fn find_title<'a>(
    html: Option<&HtmlDoc>,
    facts: &[Facts],
    kept: &[bool],
    text: &impl Fn(usize) -> &'a str,
) -> Option<usize> {
    let first = (0..kept.len())
        .find(|&b| kept[b] && facts[b].words >= 8 && facts[b].end == End::Sentence)?;
    let from = first.saturating_sub(12);
    let headline = |b: usize| {
        let f = &facts[b];
        (2..=30).contains(&f.words)
            && f.chars < 250
            && f.end != End::Sentence
            && f.patterns == 0
            && f.link_density < 0.5
            && byline_or_date(text(b), f).is_none()
    };
    // An encyclopedia page copied as text: its title is the line above the tagline ("Morwen
    // Reservoir" / "From Wikipedia, the free encyclopedia"), however short.
    let tagline = (from.max(1)..first).find(|&b| facts[b].patterns & *patterns::TAGLINE != 0);
    if let Some(t) = tagline.filter(|&t| (1..=30).contains(&facts[t - 1].words)) {
        return Some(t - 1);
    }
    if let Some(h) = html {
        let marked =
            (from..first).find(|&b| headline(b) && (h.blocks[b].tag == "h1" || facts[b].in_title));
        if marked.is_some() {
            return marked;
        }
    }
    let t = (from..first)
        .rev()
        .find(|&b| headline(b) && facts[b].words >= 3 && (kept[b] || b + 3 >= first))?;
    // A title repeated (a site's heading and the article's): the first copy is the title.
    (from..t)
        .find(|&b| facts[b].key == facts[t].key)
        .or(Some(t))
}

#[cfg(test)]
mod tests {
    use crate::types::{Analysis, BlockKind};
    use crate::{analyze, FormatChoice, Options};

    fn run(input: &str, format: FormatChoice) -> Analysis {
        let options = Options {
            format,
            ..Options::default()
        };
        analyze(input, &options).expect("analysed")
    }

    /// The kind of the block holding `needle`.
    fn kind_of(a: &Analysis, needle: &str) -> BlockKind {
        a.blocks
            .iter()
            .find(|b| a.text[b.start..b.end].contains(needle))
            .map(|b| b.kind)
            .unwrap_or_else(|| panic!("no block holds {needle:?}"))
    }

    /// A headline, a byline, a date line and two paragraphs, as text and as HTML.
    fn check(headline: &str, byline: &str, dateline: &str, para: &str) {
        let text = format!("{headline}\n{byline}\n{dateline}\n{para}\n{para}");
        let html = format!(
            "<html><body><article><h1>{headline}</h1><p>{byline}</p><p>{dateline}</p>\
             <p>{para}</p><p>{para}</p></article></body></html>"
        );
        for (input, format) in [(text, FormatChoice::Text), (html, FormatChoice::Html)] {
            let a = run(&input, format);
            let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
            assert_eq!(kind_of(&a, headline), BlockKind::Title, "{kinds:?}");
            assert_eq!(kind_of(&a, byline), BlockKind::Byline, "{kinds:?}");
            assert_eq!(kind_of(&a, dateline), BlockKind::Dateline, "{kinds:?}");
            assert_eq!(a.title.as_deref(), Some(headline));
        }
    }

    #[test]
    fn a_german_byline_and_date_line_are_named_not_the_title() {
        check(
            "Neue Brücke über den Fluss beschlossen",
            "Von Katrin Vogel",
            "12. März 2026",
            "Der Stadtrat hat am Dienstag beschlossen, dass die alte Brücke im nächsten Jahr \
             abgerissen und durch einen Neubau ersetzt wird, sagte die Bürgermeisterin.",
        );
        check(
            "Schulen bleiben am Montag geschlossen",
            "Von Jonas Weber und Lea Hofmann, dpa",
            "Aktualisiert am 3. Februar 2026 um 10:15 Uhr",
            "Wegen des Sturms bleiben alle Schulen im Landkreis am Montag geschlossen, wie das \
             Landratsamt am Sonntagabend mitteilte, und auch die Busse fahren nicht.",
        );
    }

    #[test]
    fn a_french_byline_and_date_line_are_named() {
        check(
            "La mairie vote un nouveau pont",
            "Par Amélie Durand",
            "Publié le 12 mars 2026 à 10h30",
            "Le conseil municipal a voté mardi soir la construction d'un nouveau pont sur la \
             rivière, a annoncé la maire lors d'une conférence de presse.",
        );
    }

    #[test]
    fn a_spanish_byline_and_date_line_are_named() {
        check(
            "El ayuntamiento aprueba un puente nuevo",
            "Por Ana García",
            "5 de marzo de 2026",
            "El pleno del ayuntamiento aprobó el martes la construcción de un puente nuevo \
             sobre el río, según explicó la alcaldesa en una rueda de prensa.",
        );
    }

    #[test]
    fn an_english_byline_and_date_line_are_named() {
        check(
            "Council approves a new bridge",
            "By Jane Smith",
            "March 12, 2026",
            "The city council voted on Tuesday to replace the old bridge over the river next \
             year, the mayor told reporters after a long meeting.",
        );
    }

    #[test]
    fn lines_that_only_look_like_bylines_or_dates_are_not() {
        use super::{is_byline, is_date_line};
        let facts = |s: &str| {
            let doc = crate::segment::Document::new(s);
            super::super::facts::of_page(&doc, None, None).remove(0)
        };
        assert!(!is_byline("Von Montag bis Freitag geöffnet"));
        assert!(!is_byline("By the end of the week"));
        assert!(!is_byline("Von"));
        assert!(is_byline("Texte de Marc Lefèvre"));
        let line = "Die Sitzung am 12. März 2026 dauerte bis in den späten Abend.";
        assert!(!is_date_line(line, &facts(line)));
        assert!(!is_date_line(
            "Neue Regeln ab 2026",
            &facts("Neue Regeln ab 2026")
        ));
        let stand = "Stand: 12.03.2026, 10:15 Uhr";
        assert!(is_date_line(stand, &facts(stand)));
    }
}

//! Which blocks are the article and which are everything else.
//!
//! The idea is jusText's: classify each block from shallow features of its own text (length,
//! share of function words, final punctuation, link text in HTML) and from known boilerplate
//! phrases (copyright lines, "Skip to main content", share widgets, shortcodes…), then revise
//! the undecided short blocks from their neighbours, find the title, and drop what trails the
//! article (teasers after "Popular posts", comment sections). Every decision keeps its reason.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::html::HtmlBlock;
use crate::lexicon::LEX;
use crate::segment::{Document, TokenKind};
use crate::types::{Block, BlockKind};

/// A phrase that decides a block on its own.
struct Pattern {
    re: Regex,
    kind: BlockKind,
    why: &'static str,
    /// Everything after this block (in the later part of the page) is not the article either.
    ends_article: bool,
}

/// Known boilerplate phrases. Each pattern carries examples that a test checks.
const PATTERNS: &[(&str, BlockKind, &str, bool, &[&str])] = &[
    (
        r"^(skip (to|navigation)|jump to (main )?(content|navigation))",
        BlockKind::Navigation,
        "skip link",
        false,
        &["Skip to main content", "Jump to navigation"],
    ),
    (
        r"^(\S+(\s\S+){0,3}\s*[|•·»›]\s*){2,}\S+(\s\S+){0,3}$",
        BlockKind::Navigation,
        "menu: short items between separators",
        false,
        &[
            "Home | News | Sport | Weather",
            "Sign in \u{a0}·\u{a0} Register · Read today's paper · Jobs",
        ],
    ),
    (
        r"^from [^,]{1,60}, the free\b[^.]{0,40}encyclopedia\.?$",
        BlockKind::Navigation,
        "an encyclopedia's tagline",
        false,
        &[
            "From Wikipedia, the free encyclopedia",
            "From the Northmoor Encyclopedia, the free regional encyclopedia",
        ],
    ),
    (
        r"^(tags?|tagged|filed under|categories|category|topics)\s*:",
        BlockKind::Navigation,
        "tag list",
        false,
        &["Tags: , , , ,", "Filed under: Politics"],
    ),
    (
        r"^(click (here|on the button|the button|below)|(download|get) (our|the) app|follow us)",
        BlockKind::Navigation,
        "call to action",
        false,
        &["Click on the button below", "Follow us on Twitter"],
    ),
    (
        r"^((the )?latest|top|more|breaking|recent) (news|stories|headlines|posts|articles)$",
        BlockKind::Related,
        "news list heading",
        true,
        &["Latest News", "More stories"],
    ),
    (
        r"^(popular posts\b|related( posts| articles| stories| news| content| coverage| links)?\W*$|you (may|might) (also )?like|more (from|on) |read more\b|recommended( for you| stories)?\W*$|most (read|popular|viewed|shared)\b|trending( now)?\W*$|further reading|see also\W*$|also read\b|what to read next)",
        BlockKind::Related,
        "related-stories heading",
        true,
        &[
            "Popular posts from this blog",
            "Related Articles",
            "You may also like",
            "Read more:",
        ],
    ),
    (
        r"^((\d+ )?comments?( \(\d+\))?|leave a (reply|comment)|post a comment|add (a|your) comment|(show|view|load) comments|join the (conversation|discussion))\W*$",
        BlockKind::Comments,
        "comments heading",
        true,
        &["Comments", "12 Comments", "Leave a Reply"],
    ),
    (
        r"^((posted|submitted|written|comment(ed)?)( by)?:?\s+\S.{0,60}?(\d{1,2}:\d\d|\b(19|20)\d\d\b).{0,30}|(reply|report abuse|permalink|recommend)( \| ?(reply|report abuse|permalink|recommend))*)$",
        BlockKind::Comments,
        "comment signature",
        true,
        &[
            "Posted by: dan | Jan 10, 2008 6:02:53 PM",
            "Submitted by Jo Bloggs on March 3, 2008 - 10:12am.",
            "Reply | Report abuse",
        ],
    ),
    (
        r"(sharing icons|share (this|on|via)\b|^share$|^(tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit)\W*$|\bpowered by\b)",
        BlockKind::Share,
        "share widget",
        false,
        &[
            "Social media & sharing icons powered by UltimatelySocial",
            "Share this:",
            "Tweet",
        ],
    ),
    (
        r"(copyright|©|\(c\) ?(19|20)\d\d|all rights reserved|licensed under|creative commons|terms (of|and) (use|service|conditions)|privacy policy|cookie|xml sitemap)",
        BlockKind::Legal,
        "copyright or licence notice",
        false,
        &[
            "Copyright © 2020 All Rights Reserved | XML Sitemap",
            "Creative Commons License",
            "This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License",
        ],
    ),
    (
        r"^(advertisement|sponsored( content)?|promoted|ad|sign up( now)?|subscribe( now)?|(sign up|subscribe) (to|for) (our|the) .{0,40}newsletter.*)\W*$",
        BlockKind::Advert,
        "advert or sign-up line",
        false,
        &["Advertisement", "Subscribe to our daily newsletter"],
    ),
    (
        r"^\[/?[a-z_][\w-]*(\s[^\]]*)?\]$",
        BlockKind::Markup,
        "shortcode",
        false,
        &[
            "[/bg_collapse]",
            "[premium_newsticker id=”154171″]",
            r##"[bg_collapse view="button-orange" color="#4a4949" ]"##,
        ],
    ),
    (
        r"^([a-z0-9]+[-_])+[a-z0-9]+$",
        BlockKind::Markup,
        "template leftover (a slug)",
        false,
        &["black-horizontal", "post_thumbnail"],
    ),
    (
        r"^(image result for|(photo|picture|image|file photo)( credit)?\s*[:/]|\(?(photo|image|pictured|credit)s?:)",
        BlockKind::Caption,
        "image caption or credit",
        false,
        &[
            "Image result for Protests not a threat",
            "Photo: Reuters",
        ],
    ),
    (
        r"^(by|written by|posted by|from|source|a dispatch from|reporting by)\s*:?\s+(?-i:\p{Lu})[\p{L}.'’-]*(\s+(?-i:\p{Lu})[\p{L}.'’-]*){0,4}(\s*[,|/].{0,60})?$",
        BlockKind::Byline,
        "byline",
        false,
        &["By Jane Smith, Reuters", "A Dispatch from Telesur"],
    ),
    (
        r"^((published|updated|posted|last updated)\s*:?\s*)?(((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{1,2}(st|nd|rd|th)?)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})([\s,|at-]+\d{1,2}[:.]\d\d\s*([ap]\.?m\.?)?\s*\w*)?$",
        BlockKind::Dateline,
        "date line",
        false,
        &["19 December 2017", "Updated: March 5, 2018 10:32 am", "Friday, Jan. 5, 2018"],
    ),
];

static COMPILED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .map(|(re, kind, why, ends_article, _)| Pattern {
            // ASCII word boundaries keep the fast engines usable (see entities::NUMERIC).
            re: Regex::new(&format!("(?i){}", re.replace(r"\b", r"(?-u:\b)")))
                .expect("boilerplate pattern compiles"),
            kind: *kind,
            why,
            ends_article: *ends_article,
        })
        .collect()
});

/// All the patterns in one automaton: one pass per block tells which match.
static SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(COMPILED.iter().map(|p| p.re.as_str())).expect("boilerplate patterns compile")
});

/// The first pattern a block matches, and the first of those that ends the article.
fn matching_patterns(s: &str) -> (Option<usize>, Option<usize>) {
    // Most blocks match none: the plain search costs less than the overlapping one.
    if !SET.is_match(s) {
        return (None, None);
    }
    let hits = SET.matches(s);
    let first = hits.iter().next();
    (first, hits.iter().find(|&i| COMPILED[i].ends_article))
}

/// A date glued to the end of a title ("…People19 December 2017").
static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\p{L}\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}$")
        .unwrap()
});

/// Shallow features of one block's text.
#[derive(Debug, Clone, Default)]
struct Features {
    chars: usize,
    words: usize,
    stop_density: f32,
    /// Ends like a sentence (`.` `!` `?` `:` or a closing quote after them).
    sentence_end: bool,
    link_density: f32,
    commas: usize,
    /// Normalised text for spotting repeats.
    key: String,
}

/// jusText's first-pass classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

/// How many blocks away a pull quote's source may be.
const PULL_QUOTE_REACH: usize = 25;

/// Thresholds (jusText's defaults, adjusted for text copied from browsers).
const SHORT_CHARS: usize = 70;
const LONG_CHARS: usize = 200;
const STOP_HIGH: f32 = 0.30;
const STOP_LOW: f32 = 0.20;
const MAX_LINK_DENSITY: f32 = 0.35;

/// The blocks of a document, classified.
#[derive(Debug, Clone)]
pub struct Classified {
    pub blocks: Vec<Block>,
    /// Per block: a widget rather than text (a menu, skip link, share bar, shortcode, advert
    /// or link list, recognised by a phrase or by its markup). Such blocks are not prose, so
    /// nothing in them is annotated.
    pub widgets: Vec<bool>,
}

/// Classifies every block of `doc`. `html` carries the markup facts of each block (same
/// order) when the input was HTML; `page_title` is the HTML `<title>`.
pub fn classify(
    doc: &Document,
    html: Option<&[HtmlBlock]>,
    page_title: Option<&str>,
) -> Classified {
    let n = doc.blocks.len();
    let feats: Vec<Features> = (0..n).map(|b| features(doc, b, html)).collect();
    // Decided blocks: kind and reason. Undecided ones get a class.
    let mut decided: Vec<Option<(BlockKind, String)>> = vec![None; n];
    let mut widgets = vec![false; n];
    let mut class: Vec<Class> = vec![Class::Bad; n];
    let mut ends_article_at: Option<usize> = None;

    let patterns: Vec<(Option<usize>, Option<usize>)> = doc
        .blocks
        .iter()
        .map(|span| matching_patterns(&doc.text[span.start..span.end]))
        .collect();
    for b in 0..n {
        if let Some(p) = patterns[b].0.map(|i| &COMPILED[i]) {
            decided[b] = Some((p.kind, p.why.to_string()));
            widgets[b] = is_widget_kind(p.kind);
            // "Popular posts" ends the article only after some of it: before any prose it is a
            // sidebar's heading.
            let prose_before = (0..b).any(|k| {
                decided[k].is_none()
                    && feats[k].chars >= LONG_CHARS
                    && feats[k].stop_density >= STOP_HIGH
            });
            if p.ends_article && b * 2 >= n && prose_before && ends_article_at.is_none() {
                ends_article_at = Some(b);
            }
            continue;
        }
        if feats[b].key.is_empty() {
            decided[b] = Some((BlockKind::Markup, "no words".into()));
            continue;
        }
        if let Some(h) = html.and_then(|h| h.get(b)) {
            if let Some((kind, why)) = hint_kind(h, &feats[b]) {
                decided[b] = Some((kind, why.into()));
                widgets[b] = is_widget_kind(kind);
                continue;
            }
        }
        let f = &feats[b];
        class[b] = if f.link_density > MAX_LINK_DENSITY {
            decided[b] = Some((BlockKind::Navigation, "mostly link text".into()));
            widgets[b] = true;
            Class::Bad
        } else if f.chars < SHORT_CHARS {
            Class::Short
        } else if f.stop_density >= STOP_HIGH && (f.chars >= LONG_CHARS || f.sentence_end) {
            Class::Good
        } else if f.stop_density >= STOP_LOW {
            Class::NearGood
        } else {
            Class::Bad
        };
    }

    // A comment thread: short lines of one shape with numbers in them (dates, times, ids)
    // repeated after the article's prose ("BY X AT 01/08/08 05:30 PM", "Comment No. 1034").
    if let Some(first) = repeated_signatures(doc, &feats, &decided) {
        if ends_article_at.is_none_or(|e| first < e) {
            decided[first] = Some((BlockKind::Comments, "comment signature".into()));
            ends_article_at = Some(first);
        }
    }

    // Repeats: the title again, a caption under its image's alt text.
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for b in 0..n {
        let key = feats[b].key.as_str();
        if key.is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(key) {
            if decided[b].is_none() || class[b] != Class::Good || feats[b].words < 40 {
                decided[b] = Some((
                    BlockKind::Duplicate,
                    format!("repeats block {} word for word", first + 1),
                ));
                if first + 1 == b && first > 0 && decided[first].is_none() && feats[b].words <= 30 {
                    decided[first] = Some((
                        BlockKind::Caption,
                        "repeated right after itself: an image's caption".into(),
                    ));
                }
            }
        } else {
            seen.insert(key, b);
        }
    }

    // Pull quotes: a short block in quotation marks whose words repeat a passage of a longer
    // block near it.
    for b in 0..n {
        let f = &feats[b];
        if decided[b].is_some() || !(5..=50).contains(&f.words) {
            continue;
        }
        let s = &doc.text[doc.blocks[b].start..doc.blocks[b].end];
        let quote_mark = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»');
        let quoted = s.starts_with(quote_mark)
            || s.trim_end_matches(|c: char| c.is_ascii_punctuation() && !quote_mark(c))
                .ends_with(quote_mark);
        if !quoted {
            continue;
        }
        let near = b.saturating_sub(PULL_QUOTE_REACH)..(b + PULL_QUOTE_REACH + 1).min(n);
        // One searcher for the key, reused on every neighbour.
        let finder = memchr::memmem::Finder::new(f.key.as_bytes());
        if let Some(source) = near.filter(|&k| k != b).find(|&k| {
            feats[k].words > f.words + 5 && finder.find(feats[k].key.as_bytes()).is_some()
        }) {
            decided[b] = Some((
                BlockKind::QuoteBox,
                format!("repeats a passage of block {}: a pull quote", source + 1),
            ));
        }
    }

    // After "Popular posts", "Comments"… in the later half of the page: not the article.
    // Each block takes the kind of the nearest marker before it. In HTML, where link text
    // shows what a box of related links is, prose that is not links ends the marker's reach:
    // the box sat inside the article.
    if let Some(end) = ends_article_at {
        let mut active = decided[end].clone();
        for b in end + 1..n {
            if let Some(p) = patterns[b].1.map(|i| &COMPILED[i]) {
                active = Some((p.kind, p.why.to_string()));
                continue;
            }
            let prose = class[b] == Class::Good
                && feats[b].chars >= LONG_CHARS
                && feats[b].link_density < 0.1;
            let links_box = active
                .as_ref()
                .is_some_and(|(k, _)| *k == BlockKind::Related);
            if html.is_some() && links_box && prose && decided[b].is_none() {
                active = None;
            }
            if let Some((kind, marker)) = &active {
                if decided[b].as_ref().is_none_or(|(k, _)| !k.is_boilerplate()) {
                    decided[b] = Some((*kind, format!("follows the {marker}")));
                }
            }
        }
    }

    // HTML: the container holding most of the prose is the article (Readability's idea);
    // its undecided blocks lean towards the article, prose outside it towards boilerplate.
    if let Some(h) = html {
        if let Some(top) = main_container(h, &feats, &class, &decided) {
            for b in 0..n {
                if decided[b].is_some() {
                    continue;
                }
                let inside = h[b].containers.contains(&top);
                match class[b] {
                    Class::NearGood if inside && feats[b].link_density < 0.3 => {
                        class[b] = Class::Good
                    }
                    Class::Good if !inside => class[b] = Class::NearGood,
                    _ => {}
                }
            }
        }
    }

    revise_by_context(&mut class, &decided, &feats);

    // The title: the first headline-like block before the first paragraph of prose.
    let first_good = (0..n).find(|&b| {
        decided[b].is_none() && class[b] == Class::Good && feats[b].chars >= SHORT_CHARS
    });
    let title = find_title(
        doc,
        &decided,
        &feats,
        first_good.unwrap_or(n),
        html,
        page_title,
    );

    let mut blocks = Vec::with_capacity(n);
    for b in 0..n {
        let span = doc.blocks[b];
        let (kind, why) = if let Some((k, w)) = decided[b].take() {
            (k, w)
        } else if let Some((_, why)) = title.as_ref().filter(|t| t.0 == b) {
            (BlockKind::Title, why.clone())
        } else if title.as_ref().is_some_and(|t| b < t.0) {
            (BlockKind::Navigation, "above the title".into())
        } else if title.as_ref().is_some_and(|t| b > t.0)
            && first_good.is_some_and(|g| b < g)
            && feats[b].words <= 4
        {
            (
                BlockKind::Navigation,
                "short line between the title and the article: a site or section name".into(),
            )
        } else {
            match class[b] {
                Class::Good if is_heading_like(doc, b, &feats[b]) => (
                    BlockKind::Heading,
                    "short line without final punctuation inside the article".into(),
                ),
                Class::Good => (BlockKind::Body, body_why(&feats[b])),
                _ if first_good.is_none_or(|g| b < g) => (
                    BlockKind::Navigation,
                    "short or list-like line before the article".into(),
                ),
                _ if feats[b].stop_density < STOP_LOW && feats[b].chars >= SHORT_CHARS => (
                    BlockKind::Related,
                    "few function words: a list or teaser, not prose".into(),
                ),
                _ => (
                    BlockKind::Related,
                    "short line outside the run of article paragraphs".into(),
                ),
            }
        };
        blocks.push(Block {
            start: span.start,
            end: span.end,
            kind,
            boilerplate: kind.is_boilerplate(),
            why,
        });
    }
    Classified { blocks, widgets }
}

fn is_widget_kind(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Navigation | BlockKind::Share | BlockKind::Markup | BlockKind::Advert
    )
}

/// The first of three or more short lines with the same shape and a number in it, each next to
/// a paragraph of prose (the comment), all after some article prose: the signatures of a
/// comment thread. (A results table repeats its shape too, but not between paragraphs.)
fn repeated_signatures(
    doc: &Document,
    feats: &[Features],
    decided: &[Option<(BlockKind, String)>],
) -> Option<usize> {
    let first_prose = (0..feats.len()).find(|&k| {
        decided[k].is_none() && feats[k].chars >= LONG_CHARS && feats[k].stop_density >= STOP_HIGH
    })?;
    let mut seen: HashMap<String, (usize, u32)> = HashMap::default();
    for (b, f) in feats.iter().enumerate().skip(first_prose + 1) {
        let (t0, t1) = doc.block_tokens(b);
        if t1 - t0 > 16 || f.sentence_end {
            continue;
        }
        let prose = |k: usize| {
            feats
                .get(k)
                .is_some_and(|f| f.words >= 4 && f.stop_density >= STOP_HIGH)
        };
        if !prose(b - 1) && !prose(b + 1) {
            continue;
        }
        let shape = line_shape(doc, t0, t1);
        if !shape.contains('0') {
            continue;
        }
        let e = seen.entry(shape).or_insert((b, 0));
        e.1 += 1;
    }
    seen.values()
        .filter(|(_, count)| *count >= 3)
        .map(|(first, _)| *first)
        .min()
}

/// A line's shape: each word as its letter case (Aa, a, A), each number as 0, punctuation as
/// itself, runs of the same word shape collapsed ("Posted by: tom wolgat | Jan 10, 2008").
fn line_shape(doc: &Document, t0: usize, t1: usize) -> String {
    let mut out = String::new();
    let mut last = "";
    for i in t0..t1 {
        let w = doc.tok(i);
        let s = match doc.tokens[i].kind {
            TokenKind::Number => "0",
            TokenKind::Punct => w,
            TokenKind::Word if w.chars().all(|c| !c.is_lowercase()) => "A",
            TokenKind::Word if w.chars().next().is_some_and(char::is_uppercase) => "Aa",
            TokenKind::Word => "a",
        };
        if s != last || doc.tokens[i].kind == TokenKind::Punct {
            out.push_str(s);
            out.push(' ');
        }
        last = s;
    }
    out
}

/// The container element with the highest Readability score: each paragraph of prose scores
/// 1 + its commas + one per 100 characters (at most 3), credited in full to its container and
/// half to the one above.
fn main_container(
    h: &[HtmlBlock],
    feats: &[Features],
    class: &[Class],
    decided: &[Option<(BlockKind, String)>],
) -> Option<u32> {
    let mut scores: HashMap<u32, f32> = HashMap::default();
    for (b, f) in feats.iter().enumerate() {
        if decided[b].is_some() || !matches!(class[b], Class::Good | Class::NearGood) {
            continue;
        }
        let c = &h.get(b)?.containers;
        let score = 1.0 + f.commas as f32 + (f.chars as f32 / 100.0).min(3.0);
        if let Some(&parent) = c.last() {
            *scores.entry(parent).or_default() += score;
        }
        if c.len() >= 2 {
            *scores.entry(c[c.len() - 2]).or_default() += score / 2.0;
        }
    }
    scores
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

fn features(doc: &Document, b: usize, html: Option<&[HtmlBlock]>) -> Features {
    let span = doc.blocks[b];
    let s = &doc.text[span.start..span.end];
    let (t0, t1) = doc.block_tokens(b);
    let mut words = 0;
    let mut stops = 0;
    let mut key = String::new();
    for i in t0..t1 {
        let t = &doc.tokens[i];
        if t.kind == TokenKind::Punct {
            continue;
        }
        // The lowercased word goes straight into the key; no string per token.
        if !key.is_empty() {
            key.push(' ');
        }
        let from = key.len();
        let tok = doc.tok(i);
        if tok.is_ascii() {
            key.push_str(tok);
            key[from..].make_ascii_lowercase();
        } else {
            key.extend(tok.chars().flat_map(char::to_lowercase));
        }
        let w = &key[from..];
        if t.kind == TokenKind::Word && !matches!(w, "'s" | "’s") {
            words += 1;
            if LEX.is_stopword(w) {
                stops += 1;
            }
        }
    }
    let last = without_citation_marks(s)
        .trim_end_matches(['”', '"', '’', '\'', ')', ']', '»', ' '])
        .chars()
        .last()
        .unwrap_or(' ');
    let link_density = html
        .and_then(|h| h.get(b))
        .map_or(0.0, |h| h.link_bytes as f32 / span.len().max(1) as f32);
    Features {
        chars: s.chars().count(),
        words,
        stop_density: if words == 0 {
            0.0
        } else {
            stops as f32 / words as f32
        },
        sentence_end: matches!(last, '.' | '!' | '?' | ':' | '…'),
        link_density,
        commas: s.matches(',').count(),
        key,
    }
}

/// The boilerplate kind the markup around an HTML block implies, unless its text is plainly
/// article prose.
fn hint_kind(h: &HtmlBlock, f: &Features) -> Option<(BlockKind, &'static str)> {
    let prose = f.chars >= LONG_CHARS && f.stop_density >= STOP_HIGH && f.link_density < 0.2;
    let hints = &h.hints;
    let kind = if hints.comments {
        (BlockKind::Comments, "inside a comments section")
    } else if hints.share {
        (BlockKind::Share, "inside a share widget")
    } else if hints.advert {
        (BlockKind::Advert, "inside an advert")
    } else if hints.navigation {
        (BlockKind::Navigation, "inside navigation markup")
    } else if hints.footer {
        (BlockKind::Legal, "inside the page footer")
    } else if hints.related && !hints.article {
        (BlockKind::Related, "inside a related-links box")
    } else if hints.caption && f.words <= 60 {
        (BlockKind::Caption, "an image caption")
    } else if hints.byline && f.words <= 20 {
        (BlockKind::Byline, "marked as author or date")
    } else {
        return None;
    };
    (!prose || matches!(kind.0, BlockKind::Comments)).then_some(kind)
}

/// jusText's context step: short and near-good blocks take their class from the nearest
/// decided neighbours.
fn revise_by_context(
    class: &mut [Class],
    decided: &[Option<(BlockKind, String)>],
    feats: &[Features],
) {
    let n = class.len();
    let neighbour = |class: &[Class], b: usize, forward: bool| -> Option<Class> {
        let mut i = b;
        loop {
            i = if forward {
                if i + 1 >= n {
                    return None;
                }
                i + 1
            } else {
                i.checked_sub(1)?
            };
            if let Some((k, _)) = &decided[i] {
                if k.is_boilerplate() {
                    return Some(Class::Bad);
                }
                continue;
            }
            if matches!(class[i], Class::Good | Class::Bad) {
                return Some(class[i]);
            }
        }
    };
    // Near-good first: they join any good neighbour.
    let snapshot = class.to_vec();
    for b in 0..n {
        if decided[b].is_none() && snapshot[b] == Class::NearGood {
            let good = neighbour(&snapshot, b, false) == Some(Class::Good)
                || neighbour(&snapshot, b, true) == Some(Class::Good);
            class[b] = if good { Class::Good } else { Class::Bad };
        }
    }
    let snapshot = class.to_vec();
    for b in 0..n {
        if decided[b].is_some() || snapshot[b] != Class::Short {
            continue;
        }
        let prev = neighbour(&snapshot, b, false);
        let next = neighbour(&snapshot, b, true);
        class[b] = match (prev, next) {
            (Some(Class::Good), Some(Class::Good)) => Class::Good,
            // A heading or a short paragraph that opens the article.
            (_, Some(Class::Good)) if feats[b].words >= 2 && !feats[b].sentence_end => Class::Good,
            (Some(Class::Good), _)
                if feats[b].sentence_end && feats[b].stop_density >= STOP_HIGH =>
            {
                Class::Good
            }
            _ => Class::Bad,
        };
    }
    // A full sentence between two article paragraphs is article text even when it is dense
    // with names ("Turkish Foreign Minister Mevlut Cavusoglu joined in support.").
    let snapshot = class.to_vec();
    for b in 0..n {
        if decided[b].is_none()
            && snapshot[b] == Class::Bad
            && feats[b].sentence_end
            && feats[b].stop_density >= 0.1
            && neighbour(&snapshot, b, false) == Some(Class::Good)
            && neighbour(&snapshot, b, true) == Some(Class::Good)
        {
            class[b] = Class::Good;
        }
    }
    // A heading needs article text after it: trailing short lines that are not sentences are
    // not headings.
    let last_good = (0..n).rev().find(|&b| {
        decided[b].is_none() && class[b] == Class::Good && feats[b].chars >= SHORT_CHARS
    });
    if let Some(last) = last_good {
        for b in last + 1..n {
            if class[b] == Class::Good && !feats[b].sentence_end {
                class[b] = Class::Bad;
            }
        }
    }
}

/// `s` without the citation marks that end it: "…in 2023.[8]", "…[12][13]", "…[citation
/// needed]" end like the sentence they follow.
fn without_citation_marks(mut s: &str) -> &str {
    loop {
        let t = s.trim_end();
        let Some(open) = t.strip_suffix(']').and_then(|r| r.rfind('[')) else {
            return t;
        };
        let inner = &t[open + 1..t.len() - 1];
        if inner.is_empty() || inner.chars().count() > 20 || inner.contains(['[', '\n']) {
            return t;
        }
        s = &t[..open];
    }
}

fn is_heading_like(doc: &Document, b: usize, f: &Features) -> bool {
    let s = &doc.text[doc.blocks[b].start..doc.blocks[b].end];
    f.chars < SHORT_CHARS * 2 && !f.sentence_end && f.words <= 20 && !s.ends_with(',')
}

fn body_why(f: &Features) -> String {
    format!(
        "prose: {} words, {:.0}% function words",
        f.words,
        f.stop_density * 100.0
    )
}

/// The block that is the article's title, and why.
fn find_title(
    doc: &Document,
    decided: &[Option<(BlockKind, String)>],
    feats: &[Features],
    first_good: usize,
    html: Option<&[HtmlBlock]>,
    page_title: Option<&str>,
) -> Option<(usize, String)> {
    let candidates = (0..first_good.min(doc.blocks.len())).filter(|&b| {
        decided[b].is_none() && (3..=30).contains(&feats[b].words) && feats[b].chars < 250
    });
    // HTML: the <h1>, or a block the <title> starts with.
    if let Some(h) = html {
        let page_key = page_title.map(|t| t.to_lowercase());
        for b in candidates.clone() {
            if h.get(b).is_some_and(|x| x.tag == "h1") {
                return Some((b, "the page's main heading (h1)".into()));
            }
            let s = doc.text[doc.blocks[b].start..doc.blocks[b].end].to_lowercase();
            if page_key
                .as_deref()
                .is_some_and(|p| p.starts_with(&s) || s.starts_with(p))
            {
                return Some((b, "matches the page's <title>".into()));
            }
        }
    }
    // An encyclopedia page copied as text: its title is the line above the tagline ("Morwen
    // Reservoir" / "From Wikipedia, the free encyclopedia"), however short.
    let tagline = (1..first_good.min(doc.blocks.len())).find(|&b| {
        decided[b]
            .as_ref()
            .is_some_and(|(_, why)| why == "an encyclopedia's tagline")
    });
    if let Some(t) =
        tagline.filter(|&t| decided[t - 1].is_none() && (1..=30).contains(&feats[t - 1].words))
    {
        return Some((t - 1, "the line above an encyclopedia's tagline".into()));
    }
    let b = candidates
        .clone()
        .find(|&b| feats[b].words >= 4 && !ends_like_sentence(doc, b))
        .or_else(|| candidates.clone().next())?;
    let s = &doc.text[doc.blocks[b].start..doc.blocks[b].end];
    let why = if GLUED_DATE.is_match(s) {
        "first headline-like line (a date is glued to its end)"
    } else {
        "first headline-like line before the article"
    };
    Some((b, why.into()))
}

fn ends_like_sentence(doc: &Document, b: usize) -> bool {
    let s = &doc.text[doc.blocks[b].start..doc.blocks[b].end];
    s.ends_with('.') && !s.ends_with("...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_marks_do_not_hide_a_full_stop() {
        assert_eq!(without_citation_marks("in 2023.[8]"), "in 2023.");
        assert_eq!(without_citation_marks("combined.[12][13] "), "combined.");
        assert_eq!(
            without_citation_marks("a claim.[citation needed]"),
            "a claim."
        );
        assert_eq!(
            without_citation_marks("see [the list of many more items here]"),
            "see [the list of many more items here]"
        );
    }

    #[test]
    fn an_encyclopedia_title_is_the_line_above_its_tagline() {
        let text = "Morwen Reservoir\nFrom Wikipedia, the free encyclopedia\nMorwen Reservoir is a \
                    reservoir on the River Tessel. It holds 48 million cubic metres of water and \
                    supplies the city.[1]\nHistory\nThe board first proposed a dam at Morwen in \
                    1928, but the plan was shelved during the war.[2] Construction began in 1956.[3]";
        let doc = Document::new(text);
        let k = classify(&doc, None, None).blocks;
        let kinds: Vec<BlockKind> = k.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Navigation,
                BlockKind::Body,
                BlockKind::Heading,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn every_pattern_matches_its_examples() {
        for (i, (_, _, why, _, examples)) in PATTERNS.iter().enumerate() {
            for ex in *examples {
                let first = COMPILED.iter().position(|p| p.re.is_match(ex));
                assert_eq!(first, Some(i), "{why}: {ex:?} matched pattern {first:?}");
            }
        }
    }

    #[test]
    fn prose_is_never_matched_by_a_pattern() {
        let prose = [
            "The minister said the talks would resume on Friday, according to officials.",
            "Share prices fell sharply after the announcement.",
            "By the end of the week, thousands had joined the rallies.",
            "Comments made by the ambassador drew criticism.",
            "Related protests took place in Paris and London last month.",
            "Lindqvist said:",
            "He says: we will win in 2026.",
            "Posted in 2008, the video was seen by millions of people across the world.",
        ];
        for p in prose {
            assert!(
                !COMPILED.iter().any(|x| x.re.is_match(p)),
                "pattern matched prose: {p}"
            );
        }
    }

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let doc = Document::new(text);
        classify(&doc, None, None)
            .blocks
            .into_iter()
            .map(|b| (text[b.start..b.end].to_string(), b.kind))
            .collect()
    }

    #[test]
    fn a_pull_quote_repeats_the_article() {
        let para = "The minister said the harbour would be rebuilt, adding that \u{201c}nobody will be left behind in this town\u{201d} before the next winter storms arrive.";
        let text = format!("Harbour plan approved by the council\n\n{para}\n\n\u{201c}Nobody will be left behind in this town\u{201d}\n\n{para} More followed.");
        let k = kinds(&text);
        assert_eq!(k[2].1, BlockKind::QuoteBox, "{k:?}");
        assert!(k[2].1.is_boilerplate());
    }

    #[test]
    fn title_body_and_trailing_boilerplate() {
        let para = "The government said on Tuesday that it would not change its policy, and that the protests were a matter for the courts to decide in the coming weeks.";
        let text = format!(
            "Skip to main content\nRallies spread across the country\n\n{para}\n\nWhat comes next\n\n{para} And more.\n\nComments\n\nPopular posts from this blog\n\nSomething else entirely here"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Navigation);
        assert_eq!(k[1].1, BlockKind::Title);
        assert_eq!(k[2].1, BlockKind::Body);
        assert_eq!(k[3].1, BlockKind::Heading);
        assert_eq!(k[4].1, BlockKind::Body);
        assert!(
            k[5..].iter().all(|(_, kind)| kind.is_boilerplate()),
            "{k:?}"
        );
    }
}

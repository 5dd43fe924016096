//! The pipeline: input → text and blocks → boilerplate → entities → quotes → one [`Analysis`].

use crate::boilerplate;
use crate::coref;
use crate::entities::{self, EntityLayer};
use crate::error::Error;
use crate::html;
use crate::metadata::{self, Metadata};
use crate::offsets::{self, OffsetUnit};
use crate::quotes;
use crate::segment::{count_words, Document, TokenKind};
use crate::types::{
    Analysis, Block, BlockKind, Cluster, Entity, EntityKind, Format, Quote, QuoteKind, Reference,
    Span, Stats, TokenTag,
};
use crate::user_names::UserName;

/// Inputs above this size are refused rather than risk a frozen tab.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    /// HTML when it looks like HTML, else text.
    #[default]
    Auto,
    Text,
    Html,
}

impl std::str::FromStr for FormatChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(FormatChoice::Auto),
            "text" => Ok(FormatChoice::Text),
            "html" => Ok(FormatChoice::Html),
            _ => Err(format!("unknown format {s:?}: use auto, text or html")),
        }
    }
}

/// Options for [`analyze`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub format: FormatChoice,
    /// The unit of the offsets in the result.
    pub offsets: OffsetUnit,
    /// The reader's decisions, which overrule the classifier's: blocks (by index in
    /// `Analysis::blocks` of the same input and format) to keep in the article…
    pub keep: Vec<usize>,
    /// …and to leave out of it.
    pub drop: Vec<usize>,
    /// The reader's own names, which overrule the tagger and the rules.
    pub names: Vec<UserName>,
    /// Include every token with its part of speech (`Analysis::tokens`).
    pub tokens: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: FormatChoice::Auto,
            offsets: OffsetUnit::Utf8,
            keep: Vec::new(),
            drop: Vec::new(),
            names: Vec::new(),
            tokens: false,
        }
    }
}

/// Analyses one article (plain text or HTML).
///
/// # Errors
///
/// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`]; [`Error::Binary`] for input that is not text.
pub fn analyze(input: &str, options: &Options) -> Result<Analysis, Error> {
    let (input, mut warnings) = checked(input)?;
    let input = input.as_ref();
    let format = match options.format {
        FormatChoice::Text => Format::Text,
        FormatChoice::Html => Format::Html,
        FormatChoice::Auto if html::looks_like_html(input) => Format::Html,
        FormatChoice::Auto => Format::Text,
    };
    let (text, mut html_doc) = read_input(input, format);
    let doc = match &html_doc {
        Some(h) => Document::with_blocks(&text, h.blocks.iter().map(|b| b.span).collect()),
        None => Document::new(&text),
    };
    let boilerplate::Classified {
        mut blocks,
        widgets,
        language,
        warnings: more,
    } = boilerplate::classify(&doc, html_doc.as_ref());
    warnings.extend(more);
    apply_overrides(&mut blocks, options);
    let article: Vec<bool> = blocks.iter().map(|b| !b.boilerplate).collect();
    let mut layer = entities::find(&doc, &widgets, &options.names, language);
    let marks = quotes::Marks::find(&doc);
    let skipped = |b: usize| widgets.get(b).copied().unwrap_or(false);
    let mut pronouns = coref::resolve(&doc, &layer, &marks, &skipped);
    let mut quotes = quotes::find(&doc, &layer, &article, &marks, &pronouns);
    quotes::speakers_go_on(&doc, &layer, &marks, &mut quotes, &mut pronouns);
    let references = references(&doc, &layer, &pronouns);
    keep_entities_outside_quote_pieces(&mut layer.entities, &quotes);
    count_cluster_totals(&mut layer, &quotes);

    let markup = html_doc.as_mut().map(|h| std::mem::take(&mut h.metadata));
    let meta = page_metadata(markup.unwrap_or_default(), &blocks, &text);
    let clean_text = blocks
        .iter()
        .filter(|b| !b.boilerplate)
        .map(|b| &text[b.start..b.end])
        .collect::<Vec<_>>()
        .join("\n\n");
    let stats = stats(&doc, &article, &blocks, &layer.clusters);
    let tokens = options.tokens.then(|| token_tags(&doc));
    let analysis = Analysis {
        format,
        offsets: OffsetUnit::Utf8.as_str(),
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        language: language
            .map(|l| boilerplate::language::bcp47(l).to_string())
            .or(meta.language),
        warnings,
        blocks,
        entities: layer.entities,
        clusters: layer.clusters,
        quotes,
        references,
        clean_text,
        stats,
        tokens,
        text,
    };
    Ok(match options.offsets {
        OffsetUnit::Utf8 => analysis,
        OffsetUnit::Utf16 => offsets::to_utf16(analysis),
    })
}

/// Every token of `doc` with its part of speech.
fn token_tags(doc: &Document) -> Vec<TokenTag> {
    doc.tokens
        .iter()
        .zip(crate::pos::tag(doc))
        .map(|(t, p)| TokenTag {
            start: t.start,
            end: t.end,
            upos: p.upos,
            xpos: p.xpos,
        })
        .collect()
}

/// The input, refused when too large or binary, without control characters (a warning says
/// how many went).
fn checked(input: &str) -> Result<(std::borrow::Cow<'_, str>, Vec<String>), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if crate::decode::is_binary(input.as_bytes()) {
        return Err(Error::Binary);
    }
    let mut warnings = Vec::new();
    let (input, dropped) = without_control_chars(input);
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} control character{} (such as NUL bytes) that are not text were left out.",
            if dropped == 1 { "" } else { "s" }
        ));
    }
    Ok((input, warnings))
}

/// The reader's overrides; quotes and totals follow them.
fn apply_overrides(blocks: &mut [Block], options: &Options) {
    for (list, keep) in [(&options.keep, true), (&options.drop, false)] {
        for &i in list.iter() {
            let Some(b) = blocks.get_mut(i) else { continue };
            if b.boilerplate == keep {
                let by = if keep { "kept" } else { "removed" };
                b.boilerplate = !keep;
                b.why = format!("{} ({by} by the reader)", b.why);
            }
        }
    }
}

/// Spans of one layer never cross; an entity never crosses a quote's piece.
/// The resolved pronouns as the result lists them.
fn references(
    doc: &Document,
    layer: &EntityLayer,
    pronouns: &[coref::Resolution],
) -> Vec<Reference> {
    pronouns
        .iter()
        .map(|r| {
            let antecedent = &layer.entities[r.antecedent];
            let sure = if r.margin >= 1.0 {
                "clearly"
            } else {
                "narrowly"
            };
            Reference {
                start: r.span.start,
                end: r.span.end,
                text: doc.text[r.span.start..r.span.end].to_string(),
                id: r.cluster,
                why: match r.basis {
                    coref::Basis::Role => {
                        format!("'{}' was given that role before it", antecedent.text)
                    }
                    coref::Basis::MainPerson => format!(
                        "no one was given that role; '{}' is the person the text names most",
                        antecedent.text
                    ),
                    coref::Basis::LatestSpeaker => format!(
                        "'{}' spoke last, and no one else has been a sentence's subject since",
                        antecedent.text
                    ),
                    coref::Basis::Model => {
                        format!("'{}' before it, {sure} the likeliest", antecedent.text)
                    }
                },
            }
        })
        .collect()
}

fn keep_entities_outside_quote_pieces(entities: &mut Vec<Entity>, quotes: &[Quote]) {
    let mut pieces: Vec<Span> = quotes
        .iter()
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    pieces.sort();
    entities.retain(|e| {
        // Pieces do not overlap each other: the ones overlapping the entity are a run. It
        // stays if there are none, or it lies inside the one ("UN”Council", with a quote
        // piece inside it, does not).
        let a = pieces.partition_point(|p| p.end <= e.start);
        let b = pieces.partition_point(|p| p.start < e.end);
        b <= a || (b == a + 1 && pieces[a].contains(e.span()))
    });
}

/// Cluster totals: mentions as kept, quotes and quoted words per speaker (the speaker's own
/// words, not reported speech). A place that speaks, directly or in reported speech ("Iran
/// said …", "according to Russia"), is also read as an actor: ORG joins its `also_kinds`.
/// Its mentions keep the type their own context gives (the benchmarks type "Iran said" a
/// place).
fn count_cluster_totals(layer: &mut entities::EntityLayer, quotes: &[Quote]) {
    for c in &mut layer.clusters {
        c.mentions = 0;
    }
    for e in &layer.entities {
        if let Some(id) = e.id {
            layer.clusters[id as usize - 1].mentions += 1;
        }
    }
    entities::set_readings(&mut layer.clusters, &layer.entities);
    for q in quotes {
        let Some(id) = q.speaker.as_ref().and_then(|s| s.entity) else {
            continue;
        };
        let c = &mut layer.clusters[id as usize - 1];
        if q.kind != QuoteKind::Mention
            && c.kind == EntityKind::Place
            && !c.also_kinds.contains(&EntityKind::Org)
        {
            c.also_kinds.push(EntityKind::Org);
        }
        if !matches!(q.kind, QuoteKind::Mention | QuoteKind::Indirect) {
            c.quotes += 1;
            c.quoted_words += count_words(&q.text) as u32;
        }
    }
}

/// The page's metadata: the markup's where it says (HTML), else what the blocks show — the
/// title line (without a date glued to it), the names of the byline, a date line.
fn page_metadata(meta: Metadata, blocks: &[Block], text: &str) -> Metadata {
    // A block of hard-wrapped text holds line breaks: read as one line.
    let line = |b: &Block| metadata::markup::normalise(&text[b.start..b.end]);
    let title_block = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title && !b.boilerplate)
        .map(|b| {
            let whole = line(b);
            let (title, date) = metadata::text::headline(&whole);
            (title.to_string(), date)
        });
    let block_date = || {
        blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Dateline | BlockKind::Byline))
            .find_map(|b| metadata::date::parse(&text[b.start..b.end]))
    };
    let block_byline = || {
        blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Byline)
            .find_map(|b| metadata::names::byline([line(b).as_str()]))
    };
    let published = meta
        .published
        .or_else(|| title_block.as_ref().and_then(|t| t.1.clone()))
        .or_else(block_date);
    // A title the page never shows (the site's name, a line written for search engines) is
    // not the headline the reader sees, when the page shows one of its own.
    let title = match (meta.title, title_block) {
        (Some(t), Some((shown, _))) if !shows(text, &t) => Some(shown),
        (t, block) => t.or(block.map(|b| b.0)),
    };
    Metadata {
        published,
        title,
        byline: meta.byline.or_else(block_byline),
        ..meta
    }
}

/// Whether `text` shows `title`, ignoring case, runs of whitespace and invisible characters.
fn shows(text: &str, title: &str) -> bool {
    // Most pages show it as it is: no folded copy of the whole text then.
    let fold = |s: &str| metadata::markup::normalise(s).to_lowercase();
    text.contains(title) || fold(text).contains(&fold(title))
}

/// Words (the word and number tokens; a possessive 's is not a word of its own), the article's
/// share of them, boilerplate blocks, quoted sources.
fn stats(doc: &Document, article: &[bool], blocks: &[Block], clusters: &[Cluster]) -> Stats {
    let (mut words, mut article_words) = (0u32, 0u32);
    for t in &doc.tokens {
        if t.kind == TokenKind::Punct || matches!(&doc.text[t.start..t.end], "'s" | "’s") {
            continue;
        }
        words += 1;
        if article[doc.sentences[t.sentence as usize].block] {
            article_words += 1;
        }
    }
    Stats {
        words,
        article_words,
        boilerplate_blocks: blocks.iter().filter(|b| b.boilerplate).count() as u32,
        sources: clusters
            .iter()
            .filter(|c| {
                c.quotes > 0
                    && (matches!(c.kind, EntityKind::Person | EntityKind::Org)
                        || c.also_kinds.contains(&EntityKind::Org))
            })
            .count() as u32,
    }
}

/// Line ends as `\n`, without soft hyphens (offsets then refer to the normalised text, which
/// the result carries).
fn normalise_text(input: &str) -> String {
    let s = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    if s.contains(html::SOFT_HYPHEN) {
        s.replace(html::SOFT_HYPHEN, "")
    } else {
        s
    }
}

/// The text to analyse and, for HTML, what its markup says of each block. The boilerplate
/// trainer reads its pages through this too, so it learns on what the product sees.
pub fn read_input(input: &str, format: Format) -> (String, Option<html::HtmlDoc>) {
    match format {
        Format::Html => {
            let mut d = html::extract(input);
            (std::mem::take(&mut d.text), Some(d))
        }
        Format::Text => (normalise_text(input), None),
    }
}

/// `input` without control characters other than line ends, tabs and form feeds, and how many
/// were dropped. The boilerplate trainer reads its pages through this too.
pub fn without_control_chars(input: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    let dropped = input.chars().filter(|&c| bad(c)).count();
    if dropped == 0 {
        return (input.into(), 0);
    }
    (
        input
            .chars()
            .filter(|&c| !bad(c))
            .collect::<String>()
            .into(),
        dropped,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_names_overrule_the_model_and_the_rules() {
        let text = "Harbour town votes\n\nPORT ELLIS — The council of Port Ellis voted on \
                    Tuesday. “We will build it,” said Mayor Helen Okafor of Port Ellis. The \
                    Port Ellis Gazette Company reported the vote.";
        let names = vec![
            UserName {
                text: "Port Ellis".into(),
                kind: Some(EntityKind::Place),
            },
            UserName {
                text: "Harbour".into(),
                kind: None,
            },
        ];
        let a = analyze(
            text,
            &Options {
                names,
                ..Options::default()
            },
        )
        .unwrap();
        let ellis: Vec<_> = a
            .entities
            .iter()
            .filter(|e| e.text.eq_ignore_ascii_case("Port Ellis"))
            .collect();
        assert_eq!(ellis.len(), 3);
        for e in ellis {
            assert_eq!(e.kind, EntityKind::Place);
            assert_eq!(e.why, "in your list of names");
        }
        assert!(
            !a.entities.iter().any(|e| e.text == "Harbour"),
            "not a name"
        );
        // A longer name holding the reader's stays whole.
        let whole = |e: &&crate::types::Entity| e.text == "Port Ellis Gazette Company";
        assert_eq!(
            a.entities.iter().filter(whole).count(),
            1,
            "{:?}",
            a.entities
        );
        let c = a.clusters.iter().find(|c| c.name == "Port Ellis").unwrap();
        assert_eq!((c.kind, c.mentions), (EntityKind::Place, 3));
        // The rest is as before: the mayor speaks.
        assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Helen Okafor");
    }

    /// German capitalises every noun: names need evidence beyond the capital there, and the
    /// same kind of text in English keeps the tagger's reading.
    #[test]
    fn a_place_that_speaks_is_one_entity_read_two_ways() {
        let text = "Diplomats from six countries arrived in Iran on Monday for talks.\n\n\
                    \"We will allow inspectors back within a month,\" Iran said on Tuesday.\n\n\
                    Officials in Iran have not said when the inspectors would arrive.";
        let a = analyze(text, &Options::default()).unwrap();
        let iran: Vec<&Cluster> = a.clusters.iter().filter(|c| c.name == "Iran").collect();
        assert_eq!(iran.len(), 1, "{:#?}", a.clusters);
        assert_eq!(iran[0].kind, EntityKind::Place);
        assert_eq!(iran[0].also_kinds, vec![EntityKind::Org]);
        assert_eq!(iran[0].quotes, 1);
        assert_eq!(a.stats.sources, 1, "a place that speaks is a source");
        // The cluster's kind is the type most of its mentions take, the other its reading.
        let mention = |i: usize, kind| Entity {
            start: i * 10,
            end: i * 10 + 4,
            text: "Iran".into(),
            kind,
            id: Some(1),
            why: String::new(),
        };
        let mentions = [
            mention(0, EntityKind::Org),
            mention(1, EntityKind::Place),
            mention(2, EntityKind::Place),
        ];
        let mut clusters = vec![Cluster {
            kind: EntityKind::Org,
            ..iran[0].clone()
        }];
        entities::set_readings(&mut clusters, &mentions);
        assert_eq!(clusters[0].kind, EntityKind::Place);
        assert_eq!(clusters[0].also_kinds, vec![EntityKind::Org]);
        // An acronym typed ORG and its name typed MISC: one organisation, no second reading.
        let acronym = [mention(0, EntityKind::Org), mention(1, EntityKind::Misc)];
        entities::set_readings(&mut clusters, &acronym);
        assert!(clusters[0].also_kinds.is_empty());
    }

    #[test]
    fn german_nouns_are_not_names() {
        let text = "Bundeskanzler Olaf Scholz hat am Dienstag in Berlin mit dem französischen \
                    Präsidenten Emmanuel Macron über die Lage in der Ukraine gesprochen. Die \
                    Regierung plant neue Hilfen für die Wirtschaft, weil die Preise für Energie \
                    und Geld stark gestiegen sind. Das Geld soll aus dem Haushalt kommen, \
                    erklärte Finanzminister Christian Lindner.";
        let a = analyze(text, &Options::default()).unwrap();
        assert_eq!(a.language.as_deref(), Some("de"));
        let names: Vec<(&str, EntityKind)> = a
            .entities
            .iter()
            .filter(|e| e.kind.is_name())
            .map(|e| (e.text.as_str(), e.kind))
            .collect();
        for want in [
            ("Olaf Scholz", EntityKind::Person),
            ("Emmanuel Macron", EntityKind::Person),
            ("Christian Lindner", EntityKind::Person),
            ("Berlin", EntityKind::Place),
            ("Ukraine", EntityKind::Place),
        ] {
            assert!(names.contains(&want), "{want:?} not in {names:?}");
        }
        for noun in [
            "Dienstag",
            "Regierung",
            "Energie",
            "Geld",
            "Das Geld",
            "Haushalt",
        ] {
            assert!(!names.iter().any(|n| n.0 == noun), "{noun} in {names:?}");
        }
    }

    #[test]
    fn empty_and_whitespace_inputs_give_empty_analyses() {
        for input in ["", "   \n\n\t", "\u{FEFF}"] {
            let a = analyze(input, &Options::default()).unwrap();
            assert!(a.blocks.is_empty() && a.entities.is_empty() && a.quotes.is_empty());
        }
    }

    #[test]
    fn binary_and_huge_inputs_are_refused_with_a_reason() {
        let bin = "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}PNG\u{3}\u{4}";
        assert_eq!(analyze(bin, &Options::default()), Err(Error::Binary));
        // A few NUL bytes in a real page are dropped, with a warning.
        let a = analyze("A page\0 with a NUL.", &Options::default()).unwrap();
        assert_eq!(a.text, "A page with a NUL.");
        assert!(
            a.warnings[0].contains("1 control character "),
            "{:?}",
            a.warnings
        );
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        let err = analyze(&big, &Options::default()).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }));
        // The page's words for the same limit.
        assert!(err.to_string().contains("the limit is 20 MB"), "{err}");
    }

    #[test]
    fn the_readers_overrides_win_and_quotes_follow() {
        let text = "Skip to main content\n\n“We will win,” Jane Smith said on Tuesday at the rally in the town square.\n\nCopyright 2026 Example News";
        let a = analyze(text, &Options::default()).unwrap();
        assert!(a.blocks[0].boilerplate && !a.blocks[1].boilerplate && a.blocks[2].boilerplate);
        assert_eq!(a.quotes.len(), 1);
        let o = Options {
            keep: vec![2],
            drop: vec![1, 99],
            ..Options::default()
        };
        let b = analyze(text, &o).unwrap();
        assert!(!b.blocks[2].boilerplate && b.blocks[1].boilerplate);
        assert!(b.blocks[1].why.ends_with("(removed by the reader)"));
        assert_eq!(b.clean_text, "Copyright 2026 Example News");
        assert!(b.quotes.is_empty(), "quotes of a removed block go with it");
        let t = analyze("Big news about the harbour today\n\nThe council said on Tuesday that the harbour wall would be rebuilt next year at a cost of millions.", &Options::default()).unwrap();
        assert!(t.title.is_some());
        let t = analyze(
            &t.text,
            &Options {
                drop: vec![0],
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(t.title, None, "a title the reader removed is no title");
    }

    #[test]
    fn a_title_the_page_never_shows_gives_way_to_the_headline_it_shows() {
        let para =
            "<p>The council voted on Tuesday to rebuild the harbour wall, which was damaged \
            in the winter storms, at a cost of four million pounds, officials said.</p>";
        let page = |title: &str, shown: &str| {
            format!(
                "<html><head><meta property=\"og:title\" content=\"{title}\"></head><body>\
                 <h2>Harbour wall to be rebuilt</h2>{para}{para}<p>{shown}</p>{para}</body></html>"
            )
        };
        let a = analyze(&page("Example Gazette", ""), &Options::default()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour wall to be rebuilt"));
        // A title the page shows somewhere, in any case, stays.
        let a = analyze(
            &page("Example Gazette", "EXAMPLE  GAZETTE"),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Example Gazette"));
    }

    #[test]
    fn html_input_is_read_inertly() {
        let html = "<html><body><script>document.write('x')</script><h1>Big news today here</h1>\
            <p>“We will win,” Jane Smith said on Tuesday in a long speech to the party faithful.</p>\
            <img src='http://example.com/track.gif'></body></html>";
        let a = analyze(html, &Options::default()).unwrap();
        assert_eq!(a.format, Format::Html);
        assert!(!a.text.contains("document.write"));
        assert_eq!(a.title.as_deref(), Some("Big news today here"));
        assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Jane Smith");
    }

    #[test]
    fn soft_hyphens_are_left_out_of_the_text() {
        let para = "Die For\u{ad}sche\u{ad}rin Ann Kiess\u{ad}ling hat am Dienstag in Boston \
                    einen Preis erhalten, sagte eine Sprecherin der Universität.";
        for input in [
            para.to_string(),
            format!("<html><body><p>{para}</p></body></html>"),
        ] {
            let a = analyze(&input, &Options::default()).unwrap();
            assert!(
                a.text.contains("Forscherin Ann Kiessling hat"),
                "{}",
                a.text
            );
            assert!(!a.text.contains('\u{ad}'));
        }
    }
}

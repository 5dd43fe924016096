//! The pipeline: input → text and blocks → boilerplate → entities → quotes → one [`Analysis`].

use crate::boilerplate;
use crate::coref;
use crate::entities::{self, EntityLayer};
use crate::error::Error;
use crate::html;
use crate::offsets::{self, OffsetUnit};
use crate::quotes;
use crate::segment::{count_words, Document, TokenKind};
use crate::types::{
    Analysis, Block, Cluster, Entity, EntityKind, Format, Quote, QuoteKind, Reference, Span, Stats,
    TokenTag,
};
use crate::user_names::UserName;

mod input;
mod page;

use input::checked;
pub use input::{read_input, without_control_chars};
use page::page_metadata;

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

/// Spans of one layer never cross; an entity never crosses a quote's piece.
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

#[cfg(test)]
mod tests;

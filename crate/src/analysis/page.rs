//! The page's metadata: the markup's where it says, else what the blocks show.

use crate::metadata::{self, Metadata};
use crate::types::{Block, BlockKind};

/// The page's metadata: the markup's where it says (HTML), else what the blocks show — the
/// title line (without a date glued to it), the names of the byline, a date line.
pub(super) fn page_metadata(meta: Metadata, blocks: &[Block], text: &str) -> Metadata {
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

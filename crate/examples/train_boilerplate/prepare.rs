//! Pages read in one mode through the product's own code, with their block labels; and the
//! clean pastes made from the gold texts.

use article_inspector::analysis::{read_input, without_control_chars};
use article_inspector::boilerplate::{self, Prepared};
use article_inspector::decode::decode;
use article_inspector::html::HtmlDoc;
use article_inspector::segment::Document;
use article_inspector::types::Format;

use crate::labels::label_blocks;
use crate::sets::{read_gz, Gold, Page};

/// A page read in one mode, with its facts, features and block labels.
pub struct Prepped {
    pub page: usize,
    pub text: String,
    pub html: Option<HtmlDoc>,
    pub prepared: Prepared,
    pub labels: Vec<Option<bool>>,
    /// The distinct first-pass feature ids of the page.
    pub distinct: Vec<u32>,
    /// Made from the gold text alone (an article pasted clean): trained on, never scored.
    pub synthetic: bool,
}

pub fn prepare_all(pages: &[Page], html: bool) -> Vec<Prepped> {
    let idx: Vec<usize> = (0..pages.len()).collect();
    let halves: Vec<&[usize]> = idx.chunks(idx.len().div_ceil(2).max(1)).collect();
    let mut out: Vec<Prepped> = std::thread::scope(|s| {
        let handles: Vec<_> = halves
            .iter()
            .map(|h| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for &i in h.iter() {
                        let real = prepare_page(pages, i, html);
                        if !html {
                            out.extend(clean_paste(pages, i, real.as_ref()));
                        }
                        out.extend(real);
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    out.sort_by_key(|p| p.page);
    out
}

pub fn prepare_page(pages: &[Page], i: usize, html: bool) -> Option<Prepped> {
    let page = &pages[i];
    let bytes = if html {
        read_gz(&page.html_path).ok()?
    } else {
        std::fs::read(page.text_path.as_ref()?).ok()?
    };
    let (input, _) = decode(&bytes).ok()?;
    let format = if html { Format::Html } else { Format::Text };
    let (input, _) = without_control_chars(&input);
    let (text, html_doc) = read_input(&input, format);
    let doc = document(&text, html_doc.as_ref());
    let prepared = boilerplate::prepare(&doc, html_doc.as_ref());
    let labels = label_blocks(&doc, &page.gold);
    let mut distinct: Vec<u32> = prepared.first.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    Some(Prepped {
        page: i,
        text,
        html: html_doc,
        prepared,
        labels,
        distinct,
        synthetic: false,
    })
}

/// A page's gold text as a reader who copied little more than the article would paste it: for
/// every other page, the first and last two lines of the page's boilerplate around the
/// article's blocks; for the others, the article alone. Teaches the
/// classifier that a short paste keeps its prose and loses its stray lines.
pub fn clean_paste(pages: &[Page], i: usize, real: Option<&Prepped>) -> Option<Prepped> {
    let Gold::Text(gold) = &pages[i].gold else {
        return None;
    };
    let mut stray: Vec<&str> = Vec::new();
    // Half the pastes have stray lines around the article, half are the article alone (its
    // last paragraph last).
    if let Some(r) = real.filter(|_| i.is_multiple_of(2)) {
        let doc = document(&r.text, None);
        let negative: Vec<&str> = (0..doc.blocks.len())
            .filter(|&b| r.labels.get(b) == Some(&Some(false)))
            .map(|b| &r.text[doc.blocks[b].start..doc.blocks[b].end])
            .collect();
        stray = negative
            .iter()
            .take(2)
            .chain(negative.iter().rev().take(2).rev())
            .copied()
            .collect();
        stray.dedup();
    }
    let article: Vec<&str> = gold.lines().filter(|l| !l.trim().is_empty()).collect();
    let (head, tail) = stray.split_at(stray.len().min(2));
    let text = [head, &article[..], tail].concat().join("\n\n");
    let doc = Document::new(&text);
    let prepared = boilerplate::prepare(&doc, None);
    let article_blocks = Document::new(&article.join("\n\n")).blocks.len();
    let first = Document::new(&head.join("\n\n")).blocks.len();
    let labels: Vec<Option<bool>> = (0..doc.blocks.len())
        .map(|b| Some(b >= first && b < first + article_blocks))
        .collect();
    let mut distinct: Vec<u32> = prepared.first.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    (!labels.is_empty()).then_some(Prepped {
        page: i,
        text,
        html: None,
        prepared,
        labels,
        distinct,
        synthetic: true,
    })
}

pub fn document<'a>(text: &'a str, html: Option<&HtmlDoc>) -> Document<'a> {
    match html {
        Some(h) => Document::with_blocks(text, h.blocks.iter().map(|b| b.span).collect()),
        None => Document::new(text),
    }
}

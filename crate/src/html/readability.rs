//! Readability's judgement as evidence: which blocks Mozilla's algorithm (`dom_smoothie`, a
//! Rust port of Readability.js) keeps as the article.
//!
//! Each element holding a block is tagged with an attribute naming its index, Readability
//! runs on the tree (the last reader of it: it takes the tree, so no copy is made), and the
//! indices still present in its article are the kept elements. Readability moves, renames
//! and removes elements, but keeps the attributes of the ones it keeps.

use dom_query::{Document, NodeId};
use dom_smoothie::{Config, Readability};

use super::HtmlBlock;

const ATTR: &str = "data-article-inspector";

/// Per block: kept by Readability. `None` when it finds no article. Readability rewrites the
/// tree it is given: `dom` is consumed.
pub(super) fn kept_blocks(
    dom: Document,
    nodes: &[NodeId],
    blocks: &[HtmlBlock],
) -> Option<Vec<bool>> {
    if blocks.is_empty() {
        return None;
    }
    for b in blocks {
        if let Some(&id) = nodes.get(b.element as usize) {
            if let Some(n) = dom.tree.get(&id) {
                n.set_attr(ATTR, &b.element.to_string());
            }
        }
    }
    let config = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let article = Readability::with_document(dom, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    let kept = kept_elements(&article.content, nodes.len());
    Some(blocks.iter().map(|b| kept[b.element as usize]).collect())
}

/// The element indices named by the attribute in Readability's article HTML.
fn kept_elements(content: &str, n: usize) -> Vec<bool> {
    let mut kept = vec![false; n];
    let needle = format!("{ATTR}=\"");
    for (at, _) in content.match_indices(&needle) {
        let digits = &content[at + needle.len()..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        if let Some(k) = digits[..end].parse::<usize>().ok().filter(|&k| k < n) {
            kept[k] = true;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    #[test]
    fn readability_keeps_the_article_and_not_the_menu() {
        let para = "The council voted on Tuesday to rebuild the harbour wall, which was \
                    damaged in the winter storms, at a cost of four million pounds, officials said.";
        let html = format!(
            "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li>\
             </ul></nav><div class='content'><h1>Harbour wall to be rebuilt</h1><p>{para}</p>\
             <p>{para}</p><p>{para}</p></div><footer><p>Contact us</p></footer></body></html>"
        );
        let d = extract(&html);
        assert!(d.readability_found);
        let kept: Vec<(&str, bool)> = d
            .blocks
            .iter()
            .map(|b| (&d.text[b.span.start..b.span.end], b.in_readability))
            .collect();
        assert!(kept.iter().filter(|k| k.0 == para).all(|k| k.1), "{kept:?}");
        assert!(!kept.iter().find(|k| k.0 == "Home").unwrap().1, "{kept:?}");
    }
}

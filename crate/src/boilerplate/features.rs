//! The classifier's features: hashed names of binned facts, of the markup around a block (tag
//! path, class and id words — learned, not listed), of Readability's judgement, and of the
//! neighbouring blocks. The same code builds them for training (`examples/train_boilerplate/`)
//! and for the product, so the two never drift apart.

use super::facts::Facts;
use crate::html::HtmlDoc;

/// Feature ids are hashes into a table of this many weights.
pub const BITS: u32 = 18;

/// The features of one block: ids into the weight table.
pub type Features = Vec<u32>;

/// FNV-1a over a namespace (in parts: a prefix and a name) and a value: the same id on every
/// platform (wasm too).
fn id(ns: &[&str], v: &[u8]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = ns.iter().flat_map(|p| p.bytes());
    for b in bytes.chain([0xff]).chain(v.iter().copied()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((h >> 32) ^ h) as u32 & ((1 << BITS) - 1)
}

fn put(out: &mut Features, ns: &str, v: &[u8]) {
    out.push(id(&[ns], v));
}

/// A feature of one of a block's neighbours, or of itself (`p` = "").
fn put_at(out: &mut Features, p: &str, ns: &str, v: &[u8]) {
    out.push(id(&[p, ns], v));
}

/// ⌊log2(n + 1)⌋, at most 15.
fn log_bin(n: usize) -> u8 {
    (usize::BITS - n.leading_zeros()).min(15) as u8
}

/// `x` in [0, 1] cut at the given bounds: the index of the first bound above it.
fn cut(x: f32, bounds: &[f32]) -> u8 {
    bounds.iter().position(|&b| x < b).unwrap_or(bounds.len()) as u8
}

const SHARE: &[f32] = &[0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8];

/// The facts of one block alone, as features under the namespace prefix `p`.
fn own(out: &mut Features, p: &str, f: &Facts, html: bool) {
    let len = log_bin(f.chars);
    put_at(out, p, "len", &[len]);
    put_at(out, p, "end", &[f.end as u8]);
    let fw = f.function_share.map_or(99, |s| cut(s, SHARE));
    put_at(out, p, "fw", &[fw]);
    put_at(out, p, "fw-len", &[fw, len / 2]);
    put_at(out, p, "end-len", &[f.end as u8, len / 2]);
    if html {
        let ld = cut(f.link_density, &[0.01, 0.2, 0.5, 0.8, 0.99]);
        put_at(out, p, "ld", &[ld]);
        put_at(out, p, "ld-len", &[ld, len / 2]);
    }
}

/// First-pass features of every block.
pub fn first_pass(facts: &[Facts], html: Option<&HtmlDoc>) -> Vec<Features> {
    let n = facts.len();
    // Readability's article from its first block to its last.
    let span = html.map(|h| {
        let first = h.blocks.iter().position(|b| b.in_readability);
        let last = h.blocks.iter().rposition(|b| b.in_readability);
        (first.unwrap_or(n), last.unwrap_or(0))
    });
    (0..n)
        .map(|b| {
            let f = &facts[b];
            let mut out = Features::with_capacity(64);
            put(&mut out, "bias", &[]);
            own(&mut out, "", f, html.is_some());
            put(&mut out, "words", &[log_bin(f.words)]);
            put(&mut out, "digits", &[cut(f.digit_share, SHARE)]);
            put(&mut out, "upper", &[cut(f.upper_share, SHARE)]);
            put(&mut out, "punct", &[cut(f.punct_share, SHARE)]);
            let commas = cut(
                f.commas as f32 / f.words.max(1) as f32,
                &[0.01, 0.04, 0.08, 0.15],
            );
            put(&mut out, "commas", &[commas]);
            put(&mut out, "bullet", &[u8::from(f.bullet)]);
            put(&mut out, "repeats", &[f.repeats.min(3) as u8]);
            put(
                &mut out,
                "in-title",
                &[u8::from(f.in_title), log_bin(f.words)],
            );
            for i in 0..32 {
                if f.patterns & (1 << i) != 0 {
                    put(&mut out, "pattern", &[i]);
                }
            }
            put(&mut out, "pos", &[(b * 10 / n.max(1)) as u8]);
            put(&mut out, "from-start", &[b.min(5) as u8]);
            put(&mut out, "from-end", &[(n - 1 - b).min(5) as u8]);
            for (k, p) in [(b.checked_sub(1), "prev-"), (b.checked_sub(2), "prev2-")] {
                match k {
                    Some(k) => own(&mut out, p, &facts[k], html.is_some()),
                    None => put(&mut out, p, b"none"),
                }
            }
            for (k, p) in [(b + 1, "next-"), (b + 2, "next2-")] {
                match facts.get(k) {
                    Some(g) => own(&mut out, p, g, html.is_some()),
                    None => put(&mut out, p, b"none"),
                }
            }
            if let Some((h, (first, last))) = html.zip(span) {
                markup(&mut out, h, b, f);
                // Where the block lies against Readability's article: before, inside, after.
                let at = if b < first {
                    0
                } else if b <= last {
                    1
                } else {
                    2
                };
                let rd = u8::from(h.blocks[b].in_readability);
                put(&mut out, "readability-at", &[at, rd, log_bin(f.chars) / 2]);
            }
            out
        })
        .collect()
}

/// Tags that say what a region of a page is, wherever they stand above a block.
const SECTIONING: &[&str] = &[
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "li",
    "table",
    "blockquote",
    "figure",
    "ul",
    "ol",
    "dl",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "button",
    "label",
    "address",
    "time",
    "pre",
    "code",
    "em",
    "strong",
    "b",
    "i",
    "span",
    "small",
    "custom",
];

/// Features of the markup around block `b`: its tag, the sectioning tags above it, the class and
/// id words of its element and its two nearest ancestors (each at its depth), Readability's
/// judgement. Words of higher wrappers are left out: one `above-footer` or `global-search`
/// around a whole page would otherwise mark its article (trained without trafilatura's
/// suite, F1 on it went from 0.84 to 0.89 by leaving them out).
fn markup(out: &mut Features, h: &HtmlDoc, b: usize, f: &Facts) {
    let block = &h.blocks[b];
    let len = log_bin(f.chars);
    put(out, "tag", block.tag.as_bytes());
    put(out, "tag-len", &[block.tag.as_bytes(), &[len / 2]].concat());
    for (depth, el) in h.ancestry(block.element).enumerate() {
        if depth < 6 || SECTIONING.contains(&el.tag) {
            put(out, "above", el.tag.as_bytes());
        }
        let ns = match depth {
            0 => "word0",
            1 => "word1",
            2 => "word2",
            _ => continue,
        };
        for w in &el.words {
            put(out, ns, w.as_bytes());
            put(out, "word-any", w.as_bytes());
        }
    }
    let rd = match (h.readability_found, block.in_readability) {
        (false, _) => 2,
        (true, kept) => u8::from(kept),
    };
    put(out, "readability", &[rd]);
    put(out, "readability-len", &[rd, len / 2]);
    put(out, "readability-end", &[rd, f.end as u8]);
    let same_parent = |k: usize| {
        h.blocks.get(k).is_some_and(|o| {
            h.elements[o.element as usize].parent == h.elements[block.element as usize].parent
        })
    };
    put(
        out,
        "sibling-prev",
        &[u8::from(b > 0 && same_parent(b - 1))],
    );
    put(out, "sibling-next", &[u8::from(same_parent(b + 1))]);
}

/// A first-pass score (log-odds) in bins of one half.
fn score_bin(z: f32) -> u8 {
    ((z * 2.0).round().clamp(-12.0, 12.0) as i8 + 12) as u8
}

/// Second-pass features: the block's own first-pass score and its neighbours', the run of
/// article-like blocks around it. A block's label depends on its neighbours'.
pub fn second_pass(z: &[f32], facts: &[Facts]) -> Vec<Features> {
    let n = z.len();
    let at = |k: isize| -> Option<f32> { usize::try_from(k).ok().and_then(|k| z.get(k).copied()) };
    let p: Vec<f32> = z.iter().map(|z| 1.0 / (1.0 + (-z).exp())).collect();
    // Mean probability of the blocks in `lo..hi` (clipped to the page).
    let mean = |lo: usize, hi: usize| -> f32 {
        let w = &p[lo.min(n)..hi.min(n)];
        w.iter().sum::<f32>() / w.len().max(1) as f32
    };
    // The first and last blocks the first pass is sure of: a block is inside the article's
    // span when sure blocks stand on both sides of it.
    let first_sure = z.iter().position(|&v| v > 1.0);
    let last_sure = z.iter().rposition(|&v| v > 1.0);
    // The page's best block: a block is judged against it too, since the first pass's
    // scale differs from page to page (an article can be the best block of a page whose
    // markup looks like boilerplate throughout).
    let best = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (0..n)
        .map(|b| {
            let mut out = Features::with_capacity(32);
            put(&mut out, "bias", &[]);
            let own = score_bin(z[b]);
            put(&mut out, "z", &[own]);
            for d in [-3isize, -2, -1, 1, 2, 3] {
                let v = at(b as isize + d).map_or(255, score_bin);
                put(&mut out, "z-at", &[d as u8, v]);
                if d.abs() == 1 {
                    put(&mut out, "z-pair", &[d as u8, own / 3, v / 3]);
                }
            }
            put(
                &mut out,
                "before",
                &[cut(mean(b.saturating_sub(6), b), SHARE)],
            );
            put(&mut out, "after", &[cut(mean(b + 1, b + 7), SHARE)]);
            let sure_before = first_sure.is_some_and(|f| f < b);
            let sure_after = last_sure.is_some_and(|l| l > b);
            put(
                &mut out,
                "inside",
                &[u8::from(sure_before), u8::from(sure_after), own / 4],
            );
            let below = cut((best - z[b]) / 32.0, &[0.02, 0.04, 0.08, 0.16, 0.32, 0.64]);
            put(&mut out, "below-best", &[below]);
            put(&mut out, "below-best-own", &[below, own / 4]);
            let f = &facts[b];
            put(&mut out, "len", &[log_bin(f.chars), own / 4]);
            put(&mut out, "end", &[f.end as u8, own / 4]);
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIAS_ID: u32 = 251_234;

    #[test]
    fn ids_are_stable_and_in_range() {
        // A weight file is read on every platform: the ids must not depend on the word size.
        assert_eq!(id(&["tag"], b"p"), id(&["t", "ag"], b"p"));
        assert_ne!(id(&["tag"], b"p"), id(&["tag"], b"li"));
        assert_eq!(id(&["bias"], b""), BIAS_ID);
        assert!(id(&["x"], b"y") < 1 << BITS);
    }

    #[test]
    fn bins() {
        assert_eq!(
            (log_bin(0), log_bin(1), log_bin(3), log_bin(1 << 20)),
            (0, 1, 2, 15)
        );
        assert_eq!(
            (cut(0.0, SHARE), cut(0.5, SHARE), cut(1.0, SHARE)),
            (0, 6, 8)
        );
        assert_eq!(
            (score_bin(0.0), score_bin(-100.0), score_bin(100.0)),
            (12, 0, 24)
        );
    }
}

//! The classifier's features: hashed names of binned facts, of the markup around a block (tag
//! path, class and id words — learned, not listed), of Readability's judgement, and of the
//! neighbouring blocks. The same code builds them for training (`examples/train_boilerplate/`)
//! and for the product, so the two never drift apart.

use super::facts::Facts;
use crate::fnv;
use crate::html::HtmlDoc;

/// Feature ids are hashes into a table of this many weights.
pub const BITS: u32 = 18;

/// The features of one block: ids into the weight table.
pub type Features = Vec<u32>;

/// A feature's namespace (a prefix naming the block it describes, and a name), as the hash
/// state after it: computed at compile time, so a feature costs only the hashing of its value.
/// A feature's id is FNV-1a over prefix, name, a 0xff separator and the value.
#[derive(Clone, Copy)]
struct Ns(u64);

impl Ns {
    const fn new(prefix: &str, name: &str) -> Ns {
        Ns(fnv::bytes(
            fnv::bytes(fnv::bytes(fnv::BASIS, prefix.as_bytes()), name.as_bytes()),
            &[0xff],
        ))
    }

    fn id(self, v: &[u8]) -> u32 {
        self.id2(v, &[])
    }

    /// The id of the value `a` followed by `b`.
    fn id2(self, a: &[u8], b: &[u8]) -> u32 {
        let h = fnv::bytes(fnv::bytes(self.0, a), b);
        ((h >> 32) ^ h) as u32 & ((1 << BITS) - 1)
    }
}

/// The namespace `name` of the block itself, as a constant.
macro_rules! ns {
    ($name:literal) => {
        const { Ns::new("", $name) }
    };
}

fn put(out: &mut Features, ns: Ns, v: &[u8]) {
    out.push(ns.id(v));
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

/// The namespaces of [`own`]'s features for one block: the block itself or a neighbour.
struct OwnNs {
    len: Ns,
    end: Ns,
    fw: Ns,
    fw_len: Ns,
    end_len: Ns,
    ld: Ns,
    ld_len: Ns,
    /// The neighbour does not exist (before the first block, after the last).
    none: Ns,
}

impl OwnNs {
    const fn new(p: &str) -> OwnNs {
        OwnNs {
            len: Ns::new(p, "len"),
            end: Ns::new(p, "end"),
            fw: Ns::new(p, "fw"),
            fw_len: Ns::new(p, "fw-len"),
            end_len: Ns::new(p, "end-len"),
            ld: Ns::new(p, "ld"),
            ld_len: Ns::new(p, "ld-len"),
            none: Ns::new(p, ""),
        }
    }
}

const SELF: OwnNs = OwnNs::new("");
const PREV: OwnNs = OwnNs::new("prev-");
const PREV2: OwnNs = OwnNs::new("prev2-");
const NEXT: OwnNs = OwnNs::new("next-");
const NEXT2: OwnNs = OwnNs::new("next2-");

/// The facts of one block alone, as features in the namespaces `ns` (itself or a neighbour).
fn own(out: &mut Features, ns: &OwnNs, f: &Facts, html: bool) {
    let len = log_bin(f.chars);
    put(out, ns.len, &[len]);
    put(out, ns.end, &[f.end as u8]);
    let fw = f.function_share.map_or(99, |s| cut(s, SHARE));
    put(out, ns.fw, &[fw]);
    put(out, ns.fw_len, &[fw, len / 2]);
    put(out, ns.end_len, &[f.end as u8, len / 2]);
    if html {
        let ld = cut(f.link_density, &[0.01, 0.2, 0.5, 0.8, 0.99]);
        put(out, ns.ld, &[ld]);
        put(out, ns.ld_len, &[ld, len / 2]);
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
            put(&mut out, ns!("bias"), &[]);
            own(&mut out, &SELF, f, html.is_some());
            put(&mut out, ns!("words"), &[log_bin(f.words)]);
            put(&mut out, ns!("digits"), &[cut(f.digit_share, SHARE)]);
            put(&mut out, ns!("upper"), &[cut(f.upper_share, SHARE)]);
            put(&mut out, ns!("punct"), &[cut(f.punct_share, SHARE)]);
            let commas = cut(
                f.commas as f32 / f.words.max(1) as f32,
                &[0.01, 0.04, 0.08, 0.15],
            );
            put(&mut out, ns!("commas"), &[commas]);
            put(&mut out, ns!("bullet"), &[u8::from(f.bullet)]);
            put(&mut out, ns!("repeats"), &[f.repeats.min(3) as u8]);
            put(
                &mut out,
                ns!("in-title"),
                &[u8::from(f.in_title), log_bin(f.words)],
            );
            for i in 0..32 {
                if f.patterns & (1 << i) != 0 {
                    put(&mut out, ns!("pattern"), &[i]);
                }
            }
            put(&mut out, ns!("pos"), &[(b * 10 / n.max(1)) as u8]);
            put(&mut out, ns!("from-start"), &[b.min(5) as u8]);
            put(&mut out, ns!("from-end"), &[(n - 1 - b).min(5) as u8]);
            for (k, ns) in [(b.checked_sub(1), &PREV), (b.checked_sub(2), &PREV2)] {
                match k {
                    Some(k) => own(&mut out, ns, &facts[k], html.is_some()),
                    None => put(&mut out, ns.none, b"none"),
                }
            }
            for (k, ns) in [(b + 1, &NEXT), (b + 2, &NEXT2)] {
                match facts.get(k) {
                    Some(g) => own(&mut out, ns, g, html.is_some()),
                    None => put(&mut out, ns.none, b"none"),
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
                put(
                    &mut out,
                    ns!("readability-at"),
                    &[at, rd, log_bin(f.chars) / 2],
                );
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
    put(out, ns!("tag"), block.tag.as_bytes());
    out.push(ns!("tag-len").id2(block.tag.as_bytes(), &[len / 2]));
    for (depth, el) in h.ancestry(block.element).enumerate() {
        if depth < 6 || SECTIONING.contains(&el.tag) {
            put(out, ns!("above"), el.tag.as_bytes());
        }
        let ns = match depth {
            0 => ns!("word0"),
            1 => ns!("word1"),
            2 => ns!("word2"),
            _ => continue,
        };
        for w in &el.words {
            put(out, ns, w.as_bytes());
            put(out, ns!("word-any"), w.as_bytes());
        }
    }
    let rd = match (h.readability_found, block.in_readability) {
        (false, _) => 2,
        (true, kept) => u8::from(kept),
    };
    put(out, ns!("readability"), &[rd]);
    put(out, ns!("readability-len"), &[rd, len / 2]);
    put(out, ns!("readability-end"), &[rd, f.end as u8]);
    let same_parent = |k: usize| {
        h.blocks.get(k).is_some_and(|o| {
            h.elements[o.element as usize].parent == h.elements[block.element as usize].parent
        })
    };
    put(
        out,
        ns!("sibling-prev"),
        &[u8::from(b > 0 && same_parent(b - 1))],
    );
    put(out, ns!("sibling-next"), &[u8::from(same_parent(b + 1))]);
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
            put(&mut out, ns!("bias"), &[]);
            let own = score_bin(z[b]);
            put(&mut out, ns!("z"), &[own]);
            for d in [-3isize, -2, -1, 1, 2, 3] {
                let v = at(b as isize + d).map_or(255, score_bin);
                put(&mut out, ns!("z-at"), &[d as u8, v]);
                if d.abs() == 1 {
                    put(&mut out, ns!("z-pair"), &[d as u8, own / 3, v / 3]);
                }
            }
            put(
                &mut out,
                ns!("before"),
                &[cut(mean(b.saturating_sub(6), b), SHARE)],
            );
            put(&mut out, ns!("after"), &[cut(mean(b + 1, b + 7), SHARE)]);
            let sure_before = first_sure.is_some_and(|f| f < b);
            let sure_after = last_sure.is_some_and(|l| l > b);
            put(
                &mut out,
                ns!("inside"),
                &[u8::from(sure_before), u8::from(sure_after), own / 4],
            );
            let below = cut((best - z[b]) / 32.0, &[0.02, 0.04, 0.08, 0.16, 0.32, 0.64]);
            put(&mut out, ns!("below-best"), &[below]);
            put(&mut out, ns!("below-best-own"), &[below, own / 4]);
            let f = &facts[b];
            put(&mut out, ns!("len"), &[log_bin(f.chars), own / 4]);
            put(&mut out, ns!("end"), &[f.end as u8, own / 4]);
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
        // A weight file is read on every platform, and its ids were hashed when it was
        // trained: they must not depend on the word size, nor change with the code.
        assert_eq!(ns!("tag").id(b"p"), Ns::new("t", "ag").id(b"p"));
        assert_eq!(ns!("tag").id2(b"p", b"q"), ns!("tag").id(b"pq"));
        assert_ne!(ns!("tag").id(b"p"), ns!("tag").id(b"li"));
        assert_eq!(ns!("bias").id(b""), BIAS_ID);
        assert_eq!(PREV.none.id(b"none"), Ns::new("", "prev-").id(b"none"));
        assert!(ns!("x").id(b"y") < 1 << BITS);
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

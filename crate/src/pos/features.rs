//! Hashed features of a word in its sentence.
//!
//! A word is reduced once to a [`Key`]: hashes of its normalised lower case, affixes and
//! shape, and a few flags. A token's features are hashes of a template number and keys of
//! the words around it, in three groups: the word's own (with its case at the sentence's
//! start or not), those it lends to the word before and after it, and those of the two tags
//! already predicted. The runtime sums the first two groups once per distinct word and the
//! third once per pair of tags ([`super::decode::Tagger`]); training sums them all per token;
//! both add the same integers.

use crate::english_words;
use crate::fnv;

/// Hashes of one word, computed once per distinct word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Lower case, digits as `0`, apostrophes as `'`.
    pub lower: u64,
    /// Suffixes of 1–4 characters of `lower` (the whole word when shorter).
    pub suf: [u64; 4],
    /// Prefixes of 1–4 characters.
    pub pre: [u64; 4],
    /// Character classes: `Xxxx`, `ddd`, `X.X.` (runs of one class cut at three).
    pub shape: u64,
    /// `FLAG_*` bits.
    pub flags: u8,
    /// The Brown cluster of the word as written, else of its lower case; 0 for none.
    pub cluster: u32,
}

pub const FLAG_TITLE: u8 = 1;
pub const FLAG_UPPER: u8 = 1 << 1;
pub const FLAG_DIGIT: u8 = 1 << 2;
pub const FLAG_HYPHEN: u8 = 1 << 3;
pub const FLAG_NO_LETTER: u8 = 1 << 4;
pub const FLAG_LONG: u8 = 1 << 5;

/// FNV-1a of `bytes`.
fn fnv(bytes: &[u8]) -> u64 {
    fnv::bytes(fnv::BASIS, bytes)
}

/// SplitMix64's finaliser, folded to the 32 bits a feature is.
#[inline]
fn fin(mut z: u64) -> u32 {
    z ^= z >> 30;
    z = z.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z ^= z >> 27;
    z = z.wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    z as u32
}

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// Feature of template `t` over one value.
#[inline]
fn f1(t: u8, a: u64) -> u32 {
    fin(a ^ (t as u64 + 1).wrapping_mul(GOLDEN))
}

/// Feature of template `t` over two values.
#[inline]
fn f2(t: u8, a: u64, b: u64) -> u32 {
    fin(a.rotate_left(23)
        ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd)
        ^ (t as u64 + 1).wrapping_mul(GOLDEN))
}

/// The word as its features read it: lower case, every digit `0`, curly apostrophes straight.
pub fn normalise(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        let long = w.len() > 1;
        out.extend(w.bytes().map(|b| match b {
            b'0'..=b'9' => '0',
            b'`' if long => '\'',
            b => b.to_ascii_lowercase() as char,
        }));
        return;
    }
    let long = w.chars().nth(1).is_some();
    for c in w.chars() {
        match c {
            '0'..='9' => out.push('0'),
            '’' | 'ʼ' | '‘' | '`' if long => out.push('\''),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

fn class_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// `Xxxx`, `dd,ddd`, `X.X.`: each character's class, runs cut at three.
#[cfg(test)]
fn shape(w: &str, out: &mut String) {
    out.clear();
    shape_chars(w, |c| out.push(c));
}

fn shape_chars(w: &str, mut push: impl FnMut(char)) {
    let (mut last, mut run) = ('\0', 0);
    for c in w.chars().map(class_char) {
        run = if c == last { run + 1 } else { 1 };
        last = c;
        if run <= 3 {
            push(c);
        }
    }
}

/// The hash of [`shape`]'s string, without the string.
fn shape_hash(w: &str) -> u64 {
    let mut h = fnv::BASIS;
    let mut buf = [0u8; 4];
    shape_chars(w, |c| {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = fnv::step(h, b);
        }
    });
    h
}

fn flags(w: &str) -> u8 {
    let (mut letters, mut lower, mut lower_after_first, mut digit, mut chars) =
        (0, false, false, false, 0);
    for (i, c) in w.chars().enumerate() {
        chars += 1;
        letters += c.is_alphabetic() as usize;
        let l = c.is_lowercase();
        lower |= l;
        lower_after_first |= l && i > 0;
        digit |= c.is_ascii_digit();
    }
    let mut f = 0;
    if w.chars().next().is_some_and(char::is_uppercase) && lower_after_first {
        f |= FLAG_TITLE;
    }
    if letters >= 2 && !lower {
        f |= FLAG_UPPER;
    }
    if digit {
        f |= FLAG_DIGIT;
    }
    if w.len() > 1 && w.contains('-') {
        f |= FLAG_HYPHEN;
    }
    if letters == 0 {
        f |= FLAG_NO_LETTER;
    }
    if chars > 8 {
        f |= FLAG_LONG;
    }
    f
}

/// Scratch string for [`Key::new`].
#[derive(Default)]
pub struct Scratch {
    lower: String,
}

impl Key {
    /// The key of word `w`.
    pub fn new(w: &str, s: &mut Scratch) -> Key {
        normalise(w, &mut s.lower);
        let l = s.lower.as_bytes();
        // One pass: the hash of the whole word, and of each prefix of 1–4 characters on the
        // way (FNV is sequential, so a prefix's hash is the state after its bytes).
        let mut pre = [0u64; 4];
        let (mut h, mut chars) = (fnv::BASIS, 0);
        for (i, &b) in l.iter().enumerate() {
            h = fnv::step(h, b);
            let ends_char = l.get(i + 1).is_none_or(|&n| n & 0xc0 != 0x80);
            if ends_char && chars < 4 {
                pre[chars] = h;
                chars += 1;
            }
        }
        pre[chars..].fill(h);
        let pre = [0, 1, 2, 3].map(|k| pre[k] ^ (k as u64 + 1) << 8);
        // Byte offsets where the last k characters start.
        let mut from_end = [0usize; 4];
        let mut rev = (0..l.len()).rev().filter(|&i| l[i] & 0xc0 != 0x80);
        for f in &mut from_end {
            *f = rev.next().unwrap_or(0);
        }
        let suf = [0, 1, 2, 3].map(|k| fnv(&l[from_end[k]..]) ^ (k as u64 + 1));
        Key {
            lower: h,
            suf,
            pre,
            shape: shape_hash(w),
            flags: flags(w),
            cluster: cluster(w, &s.lower),
        }
    }

    /// The stand-in for a word before the sentence's start (`-1`) or after its end (`+1`).
    pub const fn edge(side: i8) -> Key {
        let v = if side < 0 { 0x51a7 } else { 0xe2d0 };
        Key {
            lower: v,
            suf: [v; 4],
            pre: [v; 4],
            shape: v,
            flags: 0x80,
            cluster: u32::MAX,
        }
    }
}

// Template numbers; a feature is the hash of its template and values.
const T_BIAS: u8 = 0;
const T_LOWER: u8 = 1;
const T_LOWER_FLAGS: u8 = 2;
const T_SUF: u8 = 3; // 3..=6
const T_PRE: u8 = 7; // 7..=10
const T_SHAPE: u8 = 11;
const T_FLAGS: u8 = 12;
const T_NEIGH_LOWER: u8 = 13; // 13, 14 for −1, +1
const T_NEIGH_SUF3: u8 = 17; // 17, 18 for −1, +1
const T_NEIGH_SHAPE: u8 = 19; // 19, 20 for −1, +1
const T_FIRST: u8 = 23;
const T_P1: u8 = 24;
const T_P2: u8 = 25;
const T_P1P2: u8 = 26;
const T_CLUSTER: u8 = 27;
const T_NEIGH_CLUSTER: u8 = 28; // 28, 29 for −1, +1

/// The word's Brown cluster ([`crate::english_words`]) by its form, else by its lower case
/// (digits as `0` there, which no cluster holds).
/// (Most words are written in lower case already: one look-up for them.)
fn cluster(w: &str, lower: &str) -> u32 {
    match english_words::cluster(w) {
        0 if lower != w => english_words::cluster(lower),
        c => c,
    }
}

/// The depths of a word's own cluster features (its neighbours' are whole).
const DEPTHS: [u8; 4] = [4, 8, 12, 32];

/// Neighbour offsets, in the order of the neighbour templates. (The words two places away,
/// and the pairs of the word with each neighbour, measured no better on dev and made tagging
/// half again as slow.)
pub const NEIGHBOURS: [isize; 2] = [-1, 1];

/// The features of a word on its own (the bias included), and of its case where it opens the
/// sentence (`first`) or not.
pub fn own(k: &Key, first: bool, out: &mut Vec<u32>) {
    out.push(first_feature(k, first));
    out.push(f1(T_BIAS, 0));
    out.push(f1(T_LOWER, k.lower));
    out.push(f2(
        T_LOWER_FLAGS,
        k.lower,
        (k.flags & (FLAG_TITLE | FLAG_UPPER)) as u64,
    ));
    for j in 0..4 {
        out.push(f1(T_SUF + j as u8, k.suf[j]));
        out.push(f1(T_PRE + j as u8, k.pre[j]));
    }
    out.push(f1(T_SHAPE, k.shape));
    out.push(f1(T_FLAGS, k.flags as u64));
    for d in DEPTHS {
        let c = english_words::at_depth(k.cluster, d);
        out.push(f2(T_CLUSTER, d as u64, c as u64));
    }
}

/// The features a word lends to the token it is `NEIGHBOURS[n]` places away from.
pub fn neighbour(k: &Key, n: usize, out: &mut Vec<u32>) {
    out.push(f1(T_NEIGH_LOWER + n as u8, k.lower));
    out.push(f1(T_NEIGH_SUF3 + n as u8, k.suf[2]));
    out.push(f1(T_NEIGH_SHAPE + n as u8, k.shape));
    out.push(f1(T_NEIGH_CLUSTER + n as u8, k.cluster as u64));
}

/// The word's case flags where it opens the sentence or not.
pub fn first_feature(k: &Key, first: bool) -> u32 {
    f2(T_FIRST, first as u64, k.flags as u64)
}

/// The features of the two classes already chosen (`START` before the sentence). (Pairs of
/// the previous class with the word measured no better on dev, and cost two look-ups a word.)
pub fn history(p1: u8, p2: u8, out: &mut Vec<u32>) {
    out.push(f1(T_P1, p1 as u64));
    out.push(f1(T_P2, p2 as u64));
    out.push(f2(T_P1P2, p1 as u64, p2 as u64));
}

/// The key of the word at `i + d`, or the edge stand-in.
pub fn key_at(keys: &[Key], i: usize, d: isize) -> Key {
    match i.checked_add_signed(d) {
        Some(j) if j < keys.len() => keys[j],
        _ => Key::edge(d.signum() as i8),
    }
}

/// Every feature of token `i` given the two previous tags: what training scores.
pub fn all(keys: &[Key], i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
    out.clear();
    own(&keys[i], i == 0, out);
    for (n, &d) in NEIGHBOURS.iter().enumerate() {
        neighbour(&key_at(keys, i, d), n, out);
    }
    history(p1, p2, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(w: &str) -> String {
        let mut s = String::new();
        shape(w, &mut s);
        s
    }

    #[test]
    fn shapes_and_normal_forms() {
        assert_eq!(shape_of("Hello"), "Xxxx");
        assert_eq!(shape_of("1,234,567"), "d,ddd,ddd");
        assert_eq!(shape_of("U.S."), "X.X.");
        let mut s = String::new();
        normalise("Don’t 1999", &mut s);
        assert_eq!(s, "don't 0000");
    }

    #[test]
    fn keys_differ_by_case_only_in_flags() {
        let mut s = Scratch::default();
        let a = Key::new("States", &mut s);
        let b = Key::new("states", &mut s);
        assert_eq!((a.lower, a.suf, a.pre), (b.lower, b.suf, b.pre));
        assert_ne!(a.flags, b.flags);
        assert_ne!(a.shape, b.shape);
    }

    #[test]
    fn odd_words_have_keys() {
        let mut s = Scratch::default();
        for w in ["", "’", "😀", "東京", "a-", "-"] {
            let k = Key::new(w, &mut s);
            let mut out = Vec::new();
            all(&[k], 0, 0, 0, &mut out);
            assert!(out.len() > 20);
        }
    }
}

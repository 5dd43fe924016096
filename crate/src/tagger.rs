//! A compact statistical name tagger: an averaged perceptron over hashed features, decoding
//! BIO tags (PER, ORG, LOC, MISC) greedily left to right with the two previous tags as context.
//!
//! Training (`crate/examples/train_ner.rs`) and inference share everything here: the features
//! ([`Features`]), the decoding loop ([`tag_document`]) and the tag set. The trainer plugs a
//! learning [`Scorer`] into the same loop the crate runs with the shipped [`Model`], so the two
//! cannot drift apart. Weights live in `crate/data/ner.bin` (see [`Model::parse`] for the
//! format), quantised to `i8`, compiled in with `include_bytes!`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Gender, LEX};
use crate::segment::{word_is_cap, Document, TokenKind};

/// The tags, in weight-table column order.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const N_TAGS: usize = TAGS.len();
/// Tag index of `O`.
pub const O: u8 = 0;
/// History value before the first token of a sentence.
const START: u8 = N_TAGS as u8;

/// The index of a tag in [`TAGS`] (IOB1 `I-X` at a chunk start is read as `B-X` by callers).
pub fn tag_index(tag: &str) -> Option<u8> {
    TAGS.iter().position(|t| *t == tag).map(|i| i as u8)
}

/// Entity type of a tag: 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC.
pub const fn tag_type(t: u8) -> u8 {
    if t == O || t as usize >= N_TAGS {
        0
    } else {
        t.div_ceil(2)
    }
}

pub const fn is_begin(t: u8) -> bool {
    t != O && (t as usize) < N_TAGS && t % 2 == 1
}

/// `I-X` may only continue a chunk of type X.
pub const fn allowed(prev: u8, t: u8) -> bool {
    is_begin(t) || t == O || tag_type(prev) == tag_type(t)
}

/// FNV-1a, 64 bits, folded to 32: the same on every platform and in every build.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const fn new(template: u8) -> Fnv {
        Fnv(crate::fnv::step(crate::fnv::BASIS, template))
    }
    fn bytes(mut self, b: &[u8]) -> Fnv {
        for &x in b {
            self.0 = crate::fnv::step(self.0, x);
        }
        self
    }
    fn str(self, s: &str) -> Fnv {
        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        self.bytes(s.as_bytes()).bytes(&[0xff])
    }
    fn byte(self, b: u8) -> Fnv {
        self.bytes(&[b])
    }
    /// `states.map(|h| h.str(s))`, in one pass over `s`: the lanes' multiplications do not
    /// wait on each other.
    #[inline]
    fn str_lanes<const N: usize>(mut states: [Fnv; N], s: &str) -> [Fnv; N] {
        for &x in s.as_bytes().iter().chain(&[0xff]) {
            for h in &mut states {
                h.0 = crate::fnv::step(h.0, x);
            }
        }
        states
    }
    const fn done(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

// Per-token flags (bits of `Tok::flags`).
const F_CAP: u32 = 1;
const F_ALLCAPS: u32 = 1 << 1;
const F_DIGIT: u32 = 1 << 2;
const F_LOWER: u32 = 1 << 3;
const F_PUNCT: u32 = 1 << 4;
const F_GIVEN_M: u32 = 1 << 5;
const F_GIVEN_F: u32 = 1 << 6;
const F_GIVEN_U: u32 = 1 << 7;
const F_SURNAME: u32 = 1 << 8;
const F_COUNTRY: u32 = 1 << 9;
const F_REGION: u32 = 1 << 10;
const F_CITY: u32 = 1 << 11;
const F_DEMONYM: u32 = 1 << 12;
const F_GROUP: u32 = 1 << 13;
const F_ORG: u32 = 1 << 14;
const F_ORG_HEAD: u32 = 1 << 15;
const F_TITLE: u32 = 1 << 16;
const F_COMMON: u32 = 1 << 17;
const F_STOP: u32 = 1 << 18;
const F_SPEECH: u32 = 1 << 19;
const F_CALENDAR: u32 = 1 << 20;
const F_MID_CAPS: u32 = 1 << 21;
const F_INITIAL: u32 = 1 << 22;
const F_HEADLINE: u32 = 1 << 23;
const F_HYPHEN: u32 = 1 << 24;
const F_PERIOD: u32 = 1 << 25;
/// A capitalised word the same document also writes in lowercase ("Harbour" / "harbour").
const F_LOWER_SEEN: u32 = 1 << 26;
/// A lowercase word that may be a name written in lowercase, as web text does ("chicago",
/// "tmobile"): its title case is a name the gazetteers know and it is not among the most
/// common words, or it is a word of letters general English does not use at all.
const F_LOWER_NAME: u32 = 1 << 27;
const N_FLAGS: u32 = 28;
/// The gazetteer flags [`F_LOWER_NAME`] reads.
const NAME_FLAGS: u32 =
    F_GIVEN_M | F_GIVEN_F | F_GIVEN_U | F_SURNAME | F_COUNTRY | F_REGION | F_CITY | F_ORG;
/// Flags worth seeing on the neighbouring tokens.
const CONTEXT_FLAGS: u32 = F_CAP
    | F_ALLCAPS
    | F_DIGIT
    | F_GIVEN_M
    | F_GIVEN_F
    | F_GIVEN_U
    | F_SURNAME
    | F_COUNTRY
    | F_CITY
    | F_DEMONYM
    | F_ORG_HEAD
    | F_TITLE
    | F_SPEECH
    | F_CALENDAR;

const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// What the features need to know about one distinct word (token text) of a document,
/// computed once per document however often the word occurs.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    /// `text.to_lowercase()` and [`shape`]`(text)`: byte ranges of [`Strs::lower`] and
    /// [`Strs::shape`] (one buffer each for the whole document, not two strings a word).
    lower: (u32, u32),
    shape: (u32, u32),
    /// The flags that depend on the word alone (all but `F_PUNCT`, `F_INITIAL`, `F_HEADLINE`).
    flags: u32,
    /// Alphabetic and uppercase characters, for the headline test.
    letters: u32,
    upper: u32,
    /// The lengths of the multi-word gazetteer entries the word or its title case leads
    /// (see [`Gaz::leads`]); empty when neither is a lead.
    leads: Lengths,
    /// Capitalised with a lowercase letter (may join `mid_caps`).
    mixed_cap: bool,
    /// How frequent the word is in general English ([`Lexicon::word_zipf`]; 0 if rare),
    /// with its case: `band << 2 | case` (case 0 lower, 1 capitalised, 2 all capitals, 3
    /// other).
    zipf: u8,
}

/// One token: its word and what depends on where it stands.
#[derive(Debug, Clone, Copy)]
struct Tok {
    word: u32,
    /// `F_PUNCT`, `F_INITIAL`, `F_HEADLINE`.
    flags: u32,
    /// Longest multi-word gazetteer match covering the token: kind (1 place, 2 organisation,
    /// 3 demonym) × 2 + (0 first word, 1 later word); 0 for none.
    gaz: u8,
}

/// The lowercase forms and shapes of a document's words, each word's a range of one buffer.
#[derive(Default)]
struct Strs {
    lower: String,
    shape: String,
}

/// "McDonald" → "XxXx", "1996-08-22" → "d-d-d", "U.S." → "X.X.": character classes with
/// repeats collapsed. (The definition: [`word_facts`] computes the same in its one pass over
/// the word.)
#[cfg(test)]
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

/// "NEW YORK" → "New York": the form under which capitals are looked up in the gazetteers.
/// Written over `out`, which is returned.
fn title_case<'s>(s: &str, out: &'s mut String) -> &'s str {
    out.clear();
    title_case_into(s, out, &mut true);
    out
}

/// [`title_case`] of `s` appended to `out`, `start` saying whether the next letter opens a
/// word (so that a text can be title-cased piece by piece).
fn title_case_into(s: &str, out: &mut String, start: &mut bool) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if *start {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        } else if *start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        *start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
}

/// In [`WordFlags::exact`] only, never a feature: the word is one of [`Gaz::leads`] (so that
/// one lookup answers both).
const LEAD: u32 = 1 << 31;

/// The lexicon flags of `w`, and whether it is one of [`Gaz::leads`].
fn lexicon_flags(w: &str) -> (u32, bool) {
    let flags = &*WORD_FLAGS;
    if !flags.exact_first.holds(w) {
        return (0, false);
    }
    let f = flags.exact.get(w).copied().unwrap_or(0);
    (f & !LEAD, f & LEAD != 0)
}

/// A set of first bytes: a test that rejects, without hashing, the words no key of a map
/// starts like (most lowercase words, for the case-sensitive lexicon).
#[derive(Default)]
struct FirstBytes([u64; 4]);

impl FirstBytes {
    fn insert(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().first() {
            self.0[b as usize / 64] |= 1 << (b % 64);
        }
    }
    /// False only when no inserted key starts with `w`'s first byte (so `w` is none of them;
    /// the empty key is never inserted, nor is the empty word ever looked up).
    fn holds(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.0[b as usize / 64] & (1 << (b % 64)) != 0)
    }
}

/// The lexicon flags of words, in one lookup each.
struct WordFlags {
    /// Case-sensitive entries: given names, surnames, places, demonyms and groups,
    /// organisations, organisation words.
    exact: HashMap<&'static str, u32>,
    /// The first bytes of `exact`'s keys.
    exact_first: FirstBytes,
    /// Lowercase entries: `F_COMMON`, `F_STOP`, `F_CALENDAR`, `F_SPEECH`, and `F_TITLE` for
    /// one-word titles.
    lower: HashMap<&'static str, u32>,
}

static WORD_FLAGS: LazyLock<WordFlags> = LazyLock::new(|| {
    let mut exact: HashMap<&'static str, u32> = HashMap::default();
    let mut add = |w: &'static str, f: u32| *exact.entry(w).or_default() |= f;
    for (w, g) in &LEX.given_names {
        add(
            w,
            match g {
                Gender::Male => F_GIVEN_M,
                Gender::Female => F_GIVEN_F,
                Gender::Unknown => F_GIVEN_U,
            },
        );
    }
    for w in &LEX.surnames {
        add(w, F_SURNAME);
    }
    for (w, k) in &LEX.places {
        add(
            w,
            match *k {
                "country" => F_COUNTRY,
                "region" => F_REGION,
                _ => F_CITY,
            },
        );
    }
    for (w, p) in &LEX.demonyms {
        add(w, if p.is_some() { F_DEMONYM } else { F_GROUP });
    }
    for w in LEX.organisations.keys() {
        add(w, F_ORG);
    }
    for w in &LEX.org_heads {
        add(w, F_ORG_HEAD);
    }
    for w in GAZ.leads.keys() {
        add(w, LEAD);
    }
    let mut exact_first = FirstBytes::default();
    for w in exact.keys() {
        assert!(!w.is_empty(), "an empty lexicon entry");
        exact_first.insert(w);
    }
    let mut lower: HashMap<&'static str, u32> = HashMap::default();
    let mut add = |w: &'static str, f: u32| *lower.entry(w).or_default() |= f;
    for (w, _) in LEX
        .word_zipf
        .iter()
        .filter(|&(_, &band)| band >= COMMON_BAND)
    {
        add(w, F_COMMON);
    }
    for w in &LEX.stopwords {
        add(w, F_STOP);
    }
    for w in CALENDAR {
        add(w, F_CALENDAR);
    }
    for w in LEX.speech_verbs.keys() {
        add(w, F_SPEECH);
    }
    for w in LEX.titles.keys() {
        add(w.as_str(), F_TITLE);
    }
    WordFlags {
        exact,
        exact_first,
        lower,
    }
});

/// The word-level facts of `w`, its lowercase form and shape appended to `strs`; `tc` is
/// scratch space for a title case.
///
/// One pass over the characters gathers what the flags need, the shape and (for an ASCII
/// word, the usual case) the lowercase form; a word with other characters is lowercased by
/// `str::to_lowercase` itself, which treats a final sigma apart.
fn word_facts<'a>(w: &'a str, strs: &mut Strs, tc: &mut String) -> Word<'a> {
    let (lower_at, shape_at) = (strs.lower.len(), strs.shape.len());
    let (mut letters, mut upper, mut any_lower) = (0u32, 0u32, false);
    let (mut digit, mut hyphen, mut period, mut ascii_upper, mut ascii) =
        (false, false, false, false, true);
    let mut last_class = '\0';
    for c in w.chars() {
        let (is_upper, is_lower) = (c.is_uppercase(), c.is_lowercase());
        if c.is_alphabetic() {
            letters += 1;
            upper += is_upper as u32;
        }
        any_lower |= is_lower;
        digit |= c.is_ascii_digit();
        hyphen |= c == '-';
        period |= c == '.';
        ascii_upper |= c.is_ascii_uppercase();
        // The shape: character classes with repeats collapsed.
        let class = if is_upper {
            'X'
        } else if is_lower {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if class != last_class {
            strs.shape.push(class);
            last_class = class;
        }
        if c.is_ascii() {
            strs.lower.push(c.to_ascii_lowercase());
        } else {
            ascii = false;
        }
    }
    if !ascii {
        strs.lower.truncate(lower_at);
        strs.lower.push_str(&w.to_lowercase());
    }
    let lower = &strs.lower[lower_at..];
    let first = w.chars().next();
    let cap = word_is_cap(w);
    let all_caps = letters >= 2 && !any_lower;
    let mut flags = 0;
    for (yes, f) in [
        (cap, F_CAP),
        (all_caps, F_ALLCAPS),
        (digit, F_DIGIT),
        (first.is_some_and(char::is_lowercase), F_LOWER),
        (hyphen, F_HYPHEN),
        (period, F_PERIOD),
    ] {
        if yes {
            flags |= f;
        }
    }
    let (lex, lead) = lexicon_flags(w);
    flags |= lex;
    let mut leads = Lengths::default();
    if lead {
        leads.0 |= GAZ.leads[w].0;
    }
    if all_caps {
        let tc = title_case(w, tc);
        let (lex, tc_lead) = lexicon_flags(tc);
        flags |= lex;
        if tc_lead {
            leads.0 |= GAZ.leads[tc].0;
        }
    }
    let get = |k: &str| WORD_FLAGS.lower.get(k).copied().unwrap_or(0);
    let by_lower = get(lower);
    flags |= by_lower & (F_COMMON | F_STOP | F_CALENDAR);
    let titled = lower.trim_end_matches('.');
    flags |= if titled.len() == lower.len() {
        by_lower
    } else {
        get(titled)
    } & F_TITLE;
    // As `Lexicon::speech_verb` looks words up: lowercased only with an ASCII capital.
    let speech = if ascii_upper || w == lower {
        by_lower
    } else {
        get(w)
    };
    flags |= speech & F_SPEECH;
    let case = if all_caps {
        2
    } else if cap {
        1
    } else if first.is_some_and(char::is_lowercase) {
        0
    } else {
        3
    };
    let band = LEX.word_zipf.get(lower).copied().unwrap_or(0);
    let zipf = band << 2 | case;
    if case == 0 && letters >= 3 {
        let named = band <= 10 && lexicon_flags(title_case(w, tc)).0 & NAME_FLAGS != 0;
        if named || (band == 0 && letters as usize == w.chars().count()) {
            flags |= F_LOWER_NAME;
        }
    }
    Word {
        text: w,
        zipf,
        lower: (lower_at as u32, strs.lower.len() as u32),
        shape: (shape_at as u32, strs.shape.len() as u32),
        flags,
        letters,
        upper,
        leads,
        mixed_cap: cap && any_lower,
    }
}

/// The features of every token of a document. Built once per document; [`Features::token`]
/// then gives the hashed features of one token given the two tags before it.
pub struct Features<'d, 'a> {
    doc: &'d Document<'a>,
    words: Vec<Word<'a>>,
    strs: Strs,
    toks: Vec<Tok>,
}

/// Longest gazetteer n-gram tried.
const GAZ_MAX: usize = 6;

/// What [`Features::token`] reads of one token.
struct View<'f> {
    lower: &'f str,
    shape: &'f str,
    flags: u32,
    gaz: u8,
    zipf: u8,
}

impl<'d, 'a> Features<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        let n = doc.tokens.len();
        // Each distinct word's facts once. (About half the tokens of an article are distinct
        // words: room for those saves growing the map.)
        let mut ids: HashMap<&'a str, u32> =
            HashMap::with_capacity_and_hasher(n / 2, Default::default());
        let mut words: Vec<Word<'a>> = Vec::with_capacity(n / 2);
        let mut strs = Strs {
            lower: String::with_capacity(doc.text.len() / 2),
            shape: String::with_capacity(doc.text.len() / 4),
        };
        let mut tc = String::new();
        let mut toks: Vec<Tok> = Vec::with_capacity(n);
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = doc.tok(i);
            let word = *ids.entry(w).or_insert_with(|| {
                words.push(word_facts(w, &mut strs, &mut tc));
                (words.len() - 1) as u32
            });
            toks.push(Tok {
                word,
                flags: if t.kind == TokenKind::Punct {
                    F_PUNCT
                } else {
                    0
                },
                gaz: 0,
            });
        }
        // Words capitalised somewhere other than a sentence start; sentence starts; lines
        // mostly in capitals.
        let mut mid_caps = vec![false; words.len()];
        for s in &doc.sentences {
            let (s0, s1) = s.tokens;
            let first = (s0..s1).find(|&i| doc.tokens[i].kind != TokenKind::Punct);
            if let Some(f) = first {
                toks[f].flags |= F_INITIAL;
            }
            let mut letters = 0;
            let mut upper = 0;
            for (i, t) in toks.iter().enumerate().take(s1).skip(s0) {
                let w = &words[t.word as usize];
                letters += w.letters;
                upper += w.upper;
                if Some(i) != first && w.mixed_cap {
                    mid_caps[t.word as usize] = true;
                }
            }
            if letters >= 6 && upper * 10 >= letters * 8 {
                for t in &mut toks[s0..s1] {
                    t.flags |= F_HEADLINE;
                }
            }
        }
        for k in 0..words.len() {
            let w = &words[k];
            let mid = mid_caps[k]
                || (w.flags & F_ALLCAPS != 0
                    && ids
                        .get(title_case(w.text, &mut tc))
                        .is_some_and(|&j| mid_caps[j as usize]));
            if mid {
                words[k].flags |= F_MID_CAPS;
            }
            let w = &words[k];
            let lower_seen = w.flags & F_CAP != 0
                && ids
                    .get(&strs.lower[w.lower.0 as usize..w.lower.1 as usize])
                    .is_some_and(|&j| words[j as usize].flags & F_LOWER != 0);
            if lower_seen {
                words[k].flags |= F_LOWER_SEEN;
            }
        }
        // Multi-word gazetteer matches, longest first, within a sentence.
        let (mut tc, mut tc_ends) = (String::new(), Vec::new());
        for s in &doc.sentences {
            let (s0, s1) = s.tokens;
            let mut i = s0;
            while i < s1 {
                let mut matched = 0;
                let w = &words[toks[i].word as usize];
                // The lengths of the entries worth looking up.
                let lengths = if i + 1 < s1 && before_mark(doc, i) {
                    w.leads
                } else {
                    Lengths::ALL
                };
                if w.flags & F_CAP != 0 && lengths != Lengths::default() {
                    let longest = GAZ_MAX.min(s1 - i);
                    // The title case of the longest run, and where each token ends in it
                    // (title casing maps a text's prefix to a prefix of its result).
                    tc.clear();
                    tc_ends.clear();
                    if w.flags & F_ALLCAPS != 0 {
                        let mut start = true;
                        let mut from = doc.tokens[i].start;
                        for t in &doc.tokens[i..i + longest] {
                            title_case_into(&doc.text[from..t.end], &mut tc, &mut start);
                            tc_ends.push(tc.len());
                            from = t.end;
                        }
                    }
                    for len in (2..=longest).rev() {
                        let text = &doc.text[doc.tokens[i].start..doc.tokens[i + len - 1].end];
                        let kind = lengths
                            .holds(text.len())
                            .then(|| gazetteer_kind(text))
                            .flatten()
                            .or_else(|| {
                                let &e = tc_ends.get(len - 1)?;
                                lengths.holds(e).then(|| gazetteer_kind(&tc[..e]))?
                            });
                        if let Some(k) = kind {
                            toks[i].gaz = k * 2;
                            for t in &mut toks[i + 1..i + len] {
                                t.gaz = k * 2 + 1;
                            }
                            matched = len;
                            break;
                        }
                    }
                }
                i += matched.max(1);
            }
        }
        Features {
            doc,
            words,
            strs,
            toks,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    fn word(&self, i: usize) -> &Word<'a> {
        &self.words[self.toks[i].word as usize]
    }

    fn flags(&self, i: usize) -> u32 {
        self.word(i).flags | self.toks[i].flags
    }

    /// The lowercase form of word `w`.
    fn lower(&self, w: &Word) -> &str {
        &self.strs.lower[w.lower.0 as usize..w.lower.1 as usize]
    }

    /// The shape of word `w`.
    fn shape(&self, w: &Word) -> &str {
        &self.strs.shape[w.shape.0 as usize..w.shape.1 as usize]
    }

    fn view(&self, i: usize) -> View<'_> {
        let w = self.word(i);
        View {
            lower: self.lower(w),
            shape: self.shape(w),
            flags: w.flags | self.toks[i].flags,
            gaz: self.toks[i].gaz,
            zipf: w.zipf,
        }
    }

    /// True when token `i` cannot start a name, so that after `O` it is `O` without scoring:
    /// punctuation, and lowercase words but those [`F_LOWER_NAME`] marks. Training and inference both skip these.
    pub fn never_starts(&self, i: usize) -> bool {
        let f = self.flags(i);
        f & F_PUNCT != 0 || f & (F_LOWER | F_LOWER_NAME) == F_LOWER
    }

    /// The hashed features of token `i` of the sentence `[s0, s1)`, given the previous two
    /// tags, appended to `out`. This is the definition; [`Fast`] computes the same sums
    /// with its per-word parts cached.
    pub fn token(&self, i: usize, (s0, s1): (usize, usize), p1: u8, p2: u8, out: &mut Vec<u32>) {
        let t = self.view(i);
        let at = |k: isize| -> Option<View> {
            let j = i as isize + k;
            (j >= s0 as isize && j < s1 as isize).then(|| self.view(j as usize))
        };
        let word = |k: isize| at(k).map_or("<s>", |t| t.lower);
        let shp = |k: isize| at(k).map_or("<s>", |t| t.shape);
        let w = self.doc.tok(i);
        let mut f = |h: Fnv| out.push(h.done());
        f(Fnv::new(0));
        f(Fnv::new(1).str(t.lower));
        f(Fnv::new(2).str(w));
        f(Fnv::new(3).str(word(-1)));
        f(Fnv::new(4).str(word(1)));
        f(Fnv::new(5).str(word(-2)));
        f(Fnv::new(6).str(word(2)));
        f(Fnv::new(7).str(word(-1)).str(t.lower));
        f(Fnv::new(8).str(t.lower).str(word(1)));
        f(Fnv::new(9).str(t.shape));
        f(Fnv::new(10).str(shp(-1)));
        f(Fnv::new(11).str(shp(1)));
        f(Fnv::new(12).str(shp(-1)).str(t.shape));
        f(Fnv::new(13).str(t.shape).str(shp(1)));
        f(Fnv::new(14).str(shp(-1)).str(t.shape).str(shp(1)));
        // Prefixes and suffixes up to four characters.
        affixes(w, &mut f);
        // Flags of the token, and the useful ones of its neighbours.
        for b in 0..N_FLAGS {
            if t.flags & (1 << b) != 0 {
                f(Fnv::new(17).byte(b as u8));
            }
        }
        for (k, tpl) in [(-1isize, 18u8), (1, 19), (-2, 20), (2, 21)] {
            match at(k) {
                Some(n) => {
                    let fl = n.flags & CONTEXT_FLAGS;
                    for b in 0..N_FLAGS {
                        if fl & (1 << b) != 0 {
                            f(Fnv::new(tpl).byte(b as u8));
                        }
                    }
                    f(Fnv::new(tpl).byte(100 + n.gaz));
                }
                None => f(Fnv::new(tpl).byte(200)),
            }
        }
        f(Fnv::new(22).byte(t.gaz));
        // Capitals mean less at a sentence start and in a headline.
        let wary = t.flags & (F_INITIAL | F_HEADLINE);
        if wary != 0 {
            f(Fnv::new(23).bytes(&wary.to_le_bytes()).str(t.lower));
            f(Fnv::new(24)
                .bytes(&wary.to_le_bytes())
                .bytes(&(t.flags & (F_MID_CAPS | F_COMMON | F_STOP)).to_le_bytes()));
        }
        // The previous tags.
        f(Fnv::new(25).byte(p1));
        f(Fnv::new(26).byte(p1).byte(p2));
        f(Fnv::new(27).byte(p1).str(t.lower));
        f(Fnv::new(28).byte(p1).str(t.shape));
        // How common the word and its neighbours are in general English.
        let zipf = |k: isize| at(k).map_or(NO_ZIPF, |t| t.zipf);
        f(Fnv::new(34).byte(t.zipf));
        f(Fnv::new(35).byte(zipf(-1)));
        f(Fnv::new(36).byte(zipf(1)));
    }
}

/// Prefix and suffix features of `w`, up to four characters each.
fn affixes(w: &str, f: &mut impl FnMut(Fnv)) {
    let n = w.chars().count();
    let mut ends = w.char_indices().map(|c| c.0).skip(1).chain([w.len()]);
    let mut starts = w.char_indices().rev().map(|c| c.0);
    for k in 1..=4.min(n) {
        let pre = &w[..ends.next().unwrap_or(w.len())];
        let suf = &w[starts.next().unwrap_or(0)..];
        f(Fnv::new(15).byte(k as u8).str(pre));
        f(Fnv::new(16).byte(k as u8).str(suf));
    }
}

/// True when token `i` (not the last of its sentence) is followed by an ASCII mark or space:
/// then an entry spelled by tokens `i..` (or whose title case is) starts with the token's
/// word (or its title case) and that character, so it is one that word leads (see
/// [`Gaz::leads`]), and has one of the lengths [`Word::leads`] holds. (Title casing keeps
/// ASCII marks as they are and maps a text's prefix to a prefix of its result.) Anything
/// else is looked up in full.
fn before_mark(doc: &Document, i: usize) -> bool {
    let next = doc.text.as_bytes()[doc.tokens[i].end];
    next.is_ascii() && !next.is_ascii_alphanumeric()
}

/// A set of byte lengths, those of 127 bytes or more as one member: a test that rejects,
/// without hashing, a text as long as no entry.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Lengths(u128);

impl Lengths {
    const ALL: Lengths = Lengths(u128::MAX);
    fn bit(len: usize) -> u128 {
        1 << len.min(127)
    }
    fn insert(&mut self, len: usize) {
        self.0 |= Lengths::bit(len);
    }
    fn holds(self, len: usize) -> bool {
        self.0 & Lengths::bit(len) != 0
    }
}

/// Kind of a multi-word gazetteer entry: 1 place, 2 organisation, 3 demonym.
fn gazetteer_kind(text: &str) -> Option<u8> {
    if text.len() > GAZ.longest {
        return None;
    }
    GAZ.kinds.get(text).copied()
}

/// The gazetteers as the tagger reads them.
struct Gaz {
    /// Entry → kind (1 place, 2 organisation, 3 demonym; the first when in several).
    kinds: HashMap<&'static str, u8>,
    /// Every leading part of an entry that ends just before a character that is not
    /// alphanumeric ("New" of "New York", "St" of "St. Louis", "Al" of "Al-Qaeda"). A token
    /// ends just before such a character (or an alphanumeric one only when a lowercase letter
    /// meets a digit), so a run of tokens starting with a word `w` followed by such a
    /// character can spell an entry only if `w` is in this set: most capitalised words are
    /// not, and skip the n-gram lookups. With each, the lengths of the entries it leads, which
    /// are the only ones such a run is worth looking up at.
    leads: HashMap<&'static str, Lengths>,
    /// Length in bytes of the longest entry.
    longest: usize,
}

static GAZ: LazyLock<Gaz> = LazyLock::new(|| {
    let mut kinds = HashMap::default();
    let mut leads: HashMap<&'static str, Lengths> = HashMap::default();
    let lists: [(u8, Vec<&'static str>); 3] = [
        (3, LEX.demonyms.keys().copied().collect()),
        (2, LEX.organisations.keys().copied().collect()),
        (1, LEX.places.keys().copied().collect()),
    ];
    for (kind, keys) in lists {
        for e in keys {
            kinds.insert(e, kind);
            for (k, c) in e.char_indices() {
                if k > 0 && !c.is_alphanumeric() {
                    leads.entry(&e[..k]).or_default().insert(e.len());
                }
            }
        }
    }
    let longest = kinds.keys().map(|k| k.len()).max().unwrap_or(0);
    Gaz {
        kinds,
        leads,
        longest,
    }
});

/// Scores of every tag for a token's features. The trainer's scorer also learns.
pub trait Scorer {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS];
    /// Called after each decision when training with gold tags.
    fn learn(&mut self, _feats: &[u32], _gold: u8, _predicted: u8) {}
}

/// One decided tag and how sure the model was: the score margin over the best other tag
/// (0 for tokens decided without scoring).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub tag: u8,
    pub margin: f32,
}

/// The best tag the history `p1` allows, and its margin over the next best allowed one.
fn decide(sc: &[f32; N_TAGS], p1: u8) -> (u8, f32) {
    let mut best = O;
    for t in 1..N_TAGS as u8 {
        if allowed(p1, t) && sc[t as usize] > sc[best as usize] {
            best = t;
        }
    }
    let second = (0..N_TAGS as u8)
        .filter(|&t| t != best && allowed(p1, t))
        .map(|t| sc[t as usize])
        .fold(f32::NEG_INFINITY, f32::max);
    (best, sc[best as usize] - second)
}

/// Tags every sentence of `doc` (those for which `skip` is false) greedily. With `gold`
/// (one tag per token), the scorer learns from each decision; the history is always the
/// model's own tags, as at inference.
pub fn tag_document<S: Scorer>(
    doc: &Document,
    scorer: &mut S,
    gold: Option<&[u8]>,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Decision> {
    let feats = Features::new(doc);
    let mut out = vec![
        Decision {
            tag: O,
            margin: 0.0
        };
        doc.tokens.len()
    ];
    let mut buf = Vec::with_capacity(96);
    for s in &doc.sentences {
        if skip(s.block) {
            continue;
        }
        let (s0, s1) = s.tokens;
        let (mut p1, mut p2) = (START, START);
        for i in s0..s1 {
            let tag;
            let mut margin = 0.0;
            if (p1 == O || p1 == START) && feats.never_starts(i) {
                tag = O;
            } else {
                buf.clear();
                feats.token(i, (s0, s1), p1, p2, &mut buf);
                let best;
                (best, margin) = decide(&scorer.scores(&buf), p1);
                tag = best;
                if let Some(g) = gold {
                    // A gold `I-X` the history cannot continue is learnt as `B-X`.
                    let g = if allowed(p1, g[i]) { g[i] } else { g[i] - 1 };
                    scorer.learn(&buf, g, best);
                }
            }
            out[i] = Decision { tag, margin };
            (p2, p1) = (p1, tag);
        }
    }
    out
}

/// The shipped weights: a `2^bits × N_TAGS` table of `i8`, score = sum × `scale`.
pub struct Model {
    mask: u32,
    scale: f32,
    weights: Vec<i8>,
    /// Sums of the features with few values, for [`Fast`].
    fixed: Box<Fixed>,
}

/// File magic of `ner.bin`.
pub const MAGIC: &[u8; 8] = b"AINER\x00\x01\x00";

impl Model {
    /// Reads the weight file: `MAGIC`, `bits: u32`, `scale: f32`, `rows: u32` (little
    /// endian), then `rows` LEB128 gaps between the indices of the non-zero rows (the first
    /// from 0), then `rows × N_TAGS` `i8` weights, row after row. Gaps and weights are stored
    /// apart because each compresses better among its own kind.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let u32_at = |k: usize| -> Option<u32> {
            Some(u32::from_le_bytes(rest.get(k..k + 4)?.try_into().ok()?))
        };
        let bits = u32_at(0)?;
        let scale = f32::from_bits(u32_at(4)?);
        let rows = u32_at(8)? as usize;
        if !(4..=24).contains(&bits) {
            return None;
        }
        let size = 1usize << bits;
        let mut weights = vec![0i8; size * N_TAGS];
        let mut pos = 12;
        let mut idx: Vec<usize> = Vec::with_capacity(rows);
        let mut row = 0usize;
        for k in 0..rows {
            let gap = crate::leb128::read(rest, &mut pos)?;
            row = if k == 0 { gap } else { row + gap };
            if row >= size {
                return None;
            }
            idx.push(row);
        }
        let w = rest.get(pos..pos + rows * N_TAGS)?;
        if pos + rows * N_TAGS != rest.len() {
            return None;
        }
        for (r, chunk) in idx.iter().zip(w.chunks_exact(N_TAGS)) {
            for (t, &b) in chunk.iter().enumerate() {
                weights[r * N_TAGS + t] = b as i8;
            }
        }
        let mask = (size - 1) as u32;
        let fixed = Fixed::new(&|hs| {
            let mut acc = [0; N_TAGS];
            add_rows(&weights, mask, &mut acc, hs.iter().map(|h| h.done()));
            acc
        });
        Some(Model {
            mask,
            scale,
            weights,
            fixed,
        })
    }

    /// Writes the format [`Model::parse`] reads, from a dense `2^bits × N_TAGS` table.
    pub fn serialize(bits: u32, scale: f32, weights: &[i8]) -> Vec<u8> {
        assert_eq!(weights.len(), (1usize << bits) * N_TAGS);
        let rows: Vec<usize> = (0..1usize << bits)
            .filter(|r| {
                weights[r * N_TAGS..(r + 1) * N_TAGS]
                    .iter()
                    .any(|&w| w != 0)
            })
            .collect();
        let mut out = MAGIC.to_vec();
        out.extend(bits.to_le_bytes());
        out.extend(scale.to_bits().to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        let mut last = 0;
        for (k, &r) in rows.iter().enumerate() {
            crate::leb128::push(if k == 0 { r } else { r - last }, &mut out);
            last = r;
        }
        for &r in &rows {
            out.extend(
                weights[r * N_TAGS..(r + 1) * N_TAGS]
                    .iter()
                    .map(|&w| w as u8),
            );
        }
        out
    }

    /// Score units per weight unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

impl Model {
    /// Adds the weight rows of feature hashes `hs` (`Fnv::done` values) to `acc`.
    #[inline]
    fn add_all(&self, acc: &mut Acc, hs: &[u32]) {
        add_rows(&self.weights, self.mask, acc, hs.iter().copied());
    }

    fn to_scores(&self, acc: &Acc) -> [f32; N_TAGS] {
        acc.map(|a| a as f32 * self.scale)
    }
}

/// Integer score sums, one per tag: adding them in any order gives the same scores.
type Acc = [i32; N_TAGS];

/// Adds the rows of a `2^bits × N_TAGS` weight table (`mask` = `2^bits − 1`) of feature
/// hashes `hs` to `acc`. Given the hashes computed first (rather than one at a time between
/// the additions), the reads of their rows, scattered over the table and often missing the
/// caches, can all be under way at once.
#[inline]
fn add_rows(weights: &[i8], mask: u32, acc: &mut Acc, hs: impl Iterator<Item = u32>) {
    let mut sum = *acc;
    for h in hs {
        let r = (h & mask) as usize * N_TAGS;
        let row: &[i8; N_TAGS] = weights[r..r + N_TAGS].try_into().unwrap();
        for (a, &w) in sum.iter_mut().zip(row) {
            *a += w as i32;
        }
    }
    *acc = sum;
}

fn add_acc(acc: &mut Acc, x: &Acc) {
    for (a, b) in acc.iter_mut().zip(x) {
        *a += b;
    }
}

impl Scorer for &Model {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut acc = [0i32; N_TAGS];
        self.add_all(&mut acc, feats);
        self.to_scores(&acc)
    }
}

/// The shipped model's scores of a document's tokens, computed as [`Features::token`]
/// defines them but faster:
///
/// - the weights of the features that depend on one word alone (its own, and those it lends
///   as a neighbour one or two tokens away) are summed once per distinct word, on first use
///   ([`Fast::part`]);
/// - the features with few possible values (the token's place flags and gazetteer position,
///   a neighbour's gazetteer position, the previous tags, a sentence edge) are summed once
///   per model ([`Fixed`]);
/// - the features of a pair of words are hashed from the state the first word's string left
///   (cached per word with its parts), so only the second word's bytes are folded per token,
///   several hashes over the same string in one pass ([`Fnv::str_lanes`]).
///
/// Integer sums do not depend on order, so the scores are exactly those of
/// `model.scores(token(…))`.
struct Fast<'f, 'd, 'a> {
    f: &'f Features<'d, 'a>,
    model: &'f Model,
    /// Per word: index into `parts`, or `u32::MAX` before first use.
    slot: Vec<u32>,
    parts: Vec<Parts>,
    /// Scratch: the feature hashes of a part being summed.
    hashes: Vec<u32>,
}

/// What [`Fast`] keeps of one used word.
struct Parts {
    /// [own, as token −1, +1, −2, +2] partial sums; bit `p` of `done` says part `p` is summed.
    accs: [Acc; 5],
    done: u8,
    /// The word as the token, with part 0: the states after its first string of the pair
    /// features it starts, `Fnv::new(8).str(lower)` and `Fnv::new(13).str(shape)`.
    first: [Fnv; 2],
    /// The word as the token before, with part 1: `Fnv::new(7).str(lower)`,
    /// `Fnv::new(12).str(shape)`, `Fnv::new(14).str(shape)`.
    before: [Fnv; 3],
}

/// Templates of a neighbour's word, shape and context flags, at −1, +1, −2, +2.
const NEIGHBOUR: [(u8, Option<u8>, u8); 4] = [
    (3, Some(10), 18),
    (4, Some(11), 19),
    (5, None, 20),
    (6, None, 21),
];

/// The flags a [`Fixed::place`] index stands for (bits 3–5; bits 0–2 are the token's
/// gazetteer position): those of [`Tok::flags`].
const PLACE_FLAGS: [u32; 3] = [F_PUNCT, F_INITIAL, F_HEADLINE];

/// The flags a [`Fixed::wary`] index stands for: the capitals warning's two (bits 0–1), then
/// the three template 24 pairs them with.
const WARY_FLAGS: [u32; 5] = [F_INITIAL, F_HEADLINE, F_MID_CAPS, F_COMMON, F_STOP];

/// `flags` as an index: bit `b` set when `flags` holds `list[b]`.
fn pack(flags: u32, list: &[u32]) -> usize {
    list.iter()
        .enumerate()
        .filter(|&(_, f)| flags & f != 0)
        .fold(0, |k, (b, _)| k | 1 << b)
}

/// The flags index `k` stands for: the inverse of [`pack`].
fn unpack(k: usize, list: &[u32]) -> u32 {
    list.iter()
        .enumerate()
        .filter(|&(b, _)| k & 1 << b != 0)
        .fold(0, |flags, (_, f)| flags | f)
}

/// The sums of the features that take few values, summed once per model. Each entry is the
/// sum of the same features as [`Features::token`] gives them.
struct Fixed {
    /// By gazetteer position `| pack(tok.flags, &PLACE_FLAGS) << 3`: template 17 of the
    /// token's place flags, and template 22.
    place: [Acc; 64],
    /// By `pack(flags, &WARY_FLAGS)`: template 24 (zero when neither `F_INITIAL` nor
    /// `F_HEADLINE` is set, as then the token has no such feature).
    wary: [Acc; 32],
    /// By previous tags `[p1][p2]`: templates 25 and 26.
    history: [[Acc; START as usize + 1]; START as usize + 1],
    /// By neighbour (−1, +1, −2, +2) and its gazetteer position: templates 18–21 of
    /// `100 + gaz`.
    neighbour_gaz: [[Acc; 8]; 4],
    /// What a sentence edge lends in place of a neighbour at −1, +1, −2, +2 ("<s>" word and
    /// shape, flag 200).
    edge: [Acc; 4],
    /// [`Parts::before`] of "<s>", for a token at a sentence start.
    edge_before: [Fnv; 3],
    /// By the warning's two bits of the [`Fixed::wary`] index:
    /// `Fnv::new(23).bytes(&wary.to_le_bytes())`.
    seed23: [Fnv; 4],
    /// By previous tag `p1`: `Fnv::new(27).byte(p1)` and `Fnv::new(28).byte(p1)`.
    seed27: [Fnv; START as usize + 1],
    seed28: [Fnv; START as usize + 1],
}

/// The least frequency band ([`Lexicon::word_zipf`]) of an `F_COMMON` word: Zipf 3.5, about
/// the 15,000 most frequent English words.
const COMMON_BAND: u8 = 7;

/// The word frequency feature byte of a sentence edge (templates 35, 36).
const NO_ZIPF: u8 = 255;

impl Fixed {
    /// The tables, given the sum of the weights of some features.
    fn new(sum: &dyn Fn(&[Fnv]) -> Acc) -> Box<Fixed> {
        let place = std::array::from_fn(|k| {
            let mut hs = vec![Fnv::new(22).byte((k & 7) as u8)];
            for_bits(unpack(k >> 3, &PLACE_FLAGS), |b| {
                hs.push(Fnv::new(17).byte(b))
            });
            sum(&hs)
        });
        let warning = |k: usize| unpack(k & 3, &WARY_FLAGS);
        let wary = std::array::from_fn(|k| {
            let of = unpack(k, &WARY_FLAGS) & !warning(k);
            let h = Fnv::new(24)
                .bytes(&warning(k).to_le_bytes())
                .bytes(&of.to_le_bytes());
            if warning(k) == 0 {
                [0; N_TAGS]
            } else {
                sum(&[h])
            }
        });
        let history = std::array::from_fn(|p1| {
            std::array::from_fn(|p2| {
                sum(&[
                    Fnv::new(25).byte(p1 as u8),
                    Fnv::new(26).byte(p1 as u8).byte(p2 as u8),
                ])
            })
        });
        let neighbour_gaz = std::array::from_fn(|p| {
            std::array::from_fn(|gaz| sum(&[Fnv::new(NEIGHBOUR[p].2).byte(100 + gaz as u8)]))
        });
        let edge = std::array::from_fn(|p| {
            let (wt, st, ft) = NEIGHBOUR[p];
            let mut hs = vec![Fnv::new(wt).str("<s>"), Fnv::new(ft).byte(200)];
            hs.extend(st.map(|st| Fnv::new(st).str("<s>")));
            // The word frequency of the neighbours at −1 and +1 (templates 35, 36).
            if p < 2 {
                hs.push(Fnv::new(35 + p as u8).byte(NO_ZIPF));
            }
            sum(&hs)
        });
        Box::new(Fixed {
            place,
            wary,
            history,
            neighbour_gaz,
            edge,
            edge_before: [
                Fnv::new(7).str("<s>"),
                Fnv::new(12).str("<s>"),
                Fnv::new(14).str("<s>"),
            ],
            seed23: std::array::from_fn(|k| Fnv::new(23).bytes(&warning(k).to_le_bytes())),
            seed27: std::array::from_fn(|p1| Fnv::new(27).byte(p1 as u8)),
            seed28: std::array::from_fn(|p1| Fnv::new(28).byte(p1 as u8)),
        })
    }
}

impl<'f, 'd, 'a> Fast<'f, 'd, 'a> {
    fn new(f: &'f Features<'d, 'a>, model: &'f Model) -> Self {
        Fast {
            f,
            model,
            slot: vec![u32::MAX; f.words.len()],
            parts: Vec::new(),
            hashes: Vec::with_capacity(64),
        }
    }

    /// Word `w`'s [`Parts`] with part `p` (0 own, 1–4 as a neighbour at −1, +1, −2, +2)
    /// summed.
    fn part(&mut self, w: u32, p: usize) -> &Parts {
        let mut s = self.slot[w as usize];
        if s == u32::MAX {
            s = self.parts.len() as u32;
            self.slot[w as usize] = s;
            self.parts.push(Parts {
                accs: [[0; N_TAGS]; 5],
                done: 0,
                first: [Fnv(0); 2],
                before: [Fnv(0); 3],
            });
        }
        let (model, f) = (self.model, self.f);
        let parts = &mut self.parts[s as usize];
        if parts.done & (1 << p) == 0 {
            parts.done |= 1 << p;
            let word = &f.words[w as usize];
            let (lower, shape) = (f.lower(word), f.shape(word));
            let hs = &mut self.hashes;
            hs.clear();
            let mut push = |h: Fnv| hs.push(h.done());
            match p {
                0 => {
                    let [h1, h8] = Fnv::str_lanes([Fnv::new(1), Fnv::new(8)], lower);
                    let [h9, h13] = Fnv::str_lanes([Fnv::new(9), Fnv::new(13)], shape);
                    parts.first = [h8, h13];
                    push(Fnv::new(0));
                    push(h1);
                    push(Fnv::new(2).str(word.text));
                    push(h9);
                    push(Fnv::new(34).byte(word.zipf));
                    affixes(word.text, &mut push);
                    for_bits(word.flags, |b| push(Fnv::new(17).byte(b)));
                }
                1 => {
                    let [h3, h7] = Fnv::str_lanes([Fnv::new(3), Fnv::new(7)], lower);
                    let [h10, h12, h14] =
                        Fnv::str_lanes([Fnv::new(10), Fnv::new(12), Fnv::new(14)], shape);
                    parts.before = [h7, h12, h14];
                    push(h3);
                    push(h10);
                    push(Fnv::new(35).byte(word.zipf));
                    for_bits(word.flags & CONTEXT_FLAGS, |b| push(Fnv::new(18).byte(b)));
                }
                _ => {
                    let (wt, st, ft) = NEIGHBOUR[p - 1];
                    push(Fnv::new(wt).str(lower));
                    if p == 2 {
                        push(Fnv::new(36).byte(word.zipf));
                    }
                    if let Some(st) = st {
                        push(Fnv::new(st).str(shape));
                    }
                    for_bits(word.flags & CONTEXT_FLAGS, |b| push(Fnv::new(ft).byte(b)));
                }
            }
            model.add_all(&mut parts.accs[p], hs);
        }
        parts
    }

    /// The scores of token `i` of the sentence `[s0, s1)` after tags `p1`, `p2`.
    fn scores(&mut self, i: usize, (s0, s1): (usize, usize), p1: u8, p2: u8) -> [f32; N_TAGS] {
        let f = self.f;
        let model = self.model;
        let fixed = &*model.fixed;
        let tok = f.toks[i];
        let own = self.part(tok.word, 0);
        let (mut acc, first) = (own.accs[0], own.first);
        // Neighbours: their cached parts, and the gazetteer position they lend.
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= s0 as isize && j < s1 as isize).then_some(j as usize)
        };
        let mut before = fixed.edge_before;
        for (p, k) in [(1usize, -1isize), (2, 1), (3, -2), (4, 2)] {
            match at(k) {
                Some(j) => {
                    let n = f.toks[j];
                    let parts = self.part(n.word, p);
                    add_acc(&mut acc, &parts.accs[p]);
                    if p == 1 {
                        before = parts.before;
                    }
                    add_acc(&mut acc, &fixed.neighbour_gaz[p - 1][n.gaz as usize]);
                }
                None => add_acc(&mut acc, &fixed.edge[p - 1]),
            }
        }
        let t = f.view(i);
        let (w_next, s_next) = at(1).map_or(("<s>", "<s>"), |j| {
            let v = f.view(j);
            (v.lower, v.shape)
        });
        let wary = pack(t.flags, &WARY_FLAGS);
        // The pair features: 7 (word before, word), 8 (word, word after), 12, 13 and 14 (the
        // same of shapes, 14 all three), 23 (capitals warning, word), 27 and 28 (previous
        // tag, word or shape). Each string is folded once into every hash it continues.
        let [h7, h23, h27] = Fnv::str_lanes(
            [before[0], fixed.seed23[wary & 3], fixed.seed27[p1 as usize]],
            t.lower,
        );
        let [h12, h14, h28] =
            Fnv::str_lanes([before[1], before[2], fixed.seed28[p1 as usize]], t.shape);
        let [h8] = Fnv::str_lanes([first[0]], w_next);
        let [h13, h14] = Fnv::str_lanes([first[1], h14], s_next);
        model.add_all(&mut acc, &[h7, h8, h12, h13, h14, h27, h28].map(Fnv::done));
        add_acc(
            &mut acc,
            &fixed.place[t.gaz as usize | pack(tok.flags, &PLACE_FLAGS) << 3],
        );
        if wary & 3 != 0 {
            model.add_all(&mut acc, &[h23.done()]);
            add_acc(&mut acc, &fixed.wary[wary]);
        }
        add_acc(&mut acc, &fixed.history[p1 as usize][p2 as usize]);
        model.to_scores(&acc)
    }
}

/// Calls `f` with the index of every set bit of `flags`.
fn for_bits(mut flags: u32, mut f: impl FnMut(u8)) {
    while flags != 0 {
        f(flags.trailing_zeros() as u8);
        flags &= flags - 1;
    }
}

/// [`tag_document`] with the shipped model, through [`Fast`]: the same decisions.
fn tag_fast(feats: &Features, model: &Model, skip: &dyn Fn(usize) -> bool) -> Vec<Decision> {
    let doc = feats.doc;
    let mut fast = Fast::new(feats, model);
    let mut out = vec![
        Decision {
            tag: O,
            margin: 0.0
        };
        doc.tokens.len()
    ];
    for s in &doc.sentences {
        if skip(s.block) {
            continue;
        }
        let (s0, s1) = s.tokens;
        let (mut p1, mut p2) = (START, START);
        for (i, d) in out.iter_mut().enumerate().take(s1).skip(s0) {
            if !((p1 == O || p1 == START) && feats.never_starts(i)) {
                let (tag, margin) = decide(&fast.scores(i, (s0, s1), p1, p2), p1);
                *d = Decision { tag, margin };
            }
            (p2, p1) = (p1, d.tag);
        }
    }
    out
}

/// The weights compiled into the crate, parsed on first use (`None` if the file is empty or
/// malformed: the rules then work alone).
pub static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::parse(include_bytes!("../data/ner.bin")));

/// A name the model found: token range `[start, end)`, entity type (1 PER, 2 ORG, 3 LOC,
/// 4 MISC) and the smallest score margin among its tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chunk {
    pub toks: (usize, usize),
    pub kind: u8,
    pub margin: f32,
    /// Cut from the chunk before it (see [`unglue_person`]): the two are not one name.
    pub apart: bool,
}

/// Chunks of a tag sequence (`I-X` after anything but X starts a chunk, as in conlleval).
pub fn chunks(tags: &[Decision]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, d) in tags.iter().enumerate() {
        let ty = tag_type(d.tag);
        let cont = !is_begin(d.tag) && ty != 0 && open.is_some_and(|c| c.kind == ty);
        if cont {
            let c = open.as_mut().unwrap();
            c.toks.1 = i + 1;
            c.margin = c.margin.min(d.margin);
            continue;
        }
        out.extend(open.take());
        if ty != 0 {
            open = Some(Chunk {
                toks: (i, i + 1),
                kind: ty,
                margin: d.margin,
                apart: false,
            });
        }
    }
    out.extend(open);
    out
}

/// The model's chunks in `doc`, sentences in skipped blocks left out; empty without a model.
pub fn find(doc: &Document, skip: &dyn Fn(usize) -> bool) -> Vec<Chunk> {
    let Some(model) = MODEL.as_ref() else {
        return Vec::new();
    };
    let feats = Features::new(doc);
    let tags = tag_fast(&feats, model, skip);
    // Chunks never cross sentences: a sentence start closes the open chunk.
    let mut out = Vec::new();
    for s in &doc.sentences {
        for mut c in chunks(&tags[s.tokens.0..s.tokens.1]) {
            c.toks = (c.toks.0 + s.tokens.0, c.toks.1 + s.tokens.0);
            unglue_person(&feats, c, &mut out);
        }
    }
    extend_lists(&feats, &mut out);
    out
}

/// The last name of a list takes the type of the names before it: in "MEK, PMOI or MKO",
/// two organisations and a comma before "or", "MKO" (capitalised, untagged, alone before a
/// mark or the sentence's end) is a third. Two names of one type before it, so that "Smith,
/// Jones and Co" needs both "Smith" and "Jones" to be organisations.
fn extend_lists(f: &Features, chunks: &mut Vec<Chunk>) {
    let doc = f.doc;
    let mut add = Vec::new();
    for w in chunks.windows(2) {
        let (x, y) = (w[0], w[1]);
        let (j, e) = (y.toks.1, y.toks.1 + 1);
        let comma = x.toks.1 + 1 == y.toks.0 && doc.tok(x.toks.1) == ",";
        let joined =
            e < doc.tokens.len() && matches!(doc.tok(j), "or" | "and") && x.kind == y.kind && comma;
        if !joined {
            continue;
        }
        let k = e;
        let sentence = |i: usize| doc.tokens[i].sentence;
        let last = k + 1 >= doc.tokens.len()
            || sentence(k + 1) != sentence(k)
            || doc.tokens[k + 1].kind == TokenKind::Punct;
        let free = chunks.iter().all(|c| c.toks.1 <= k || c.toks.0 > k);
        if sentence(k) == sentence(j) && last && free && f.flags(k) & F_CAP != 0 {
            add.push(Chunk {
                toks: (k, k + 1),
                kind: y.kind,
                // No score of the model's: the lowest confidence.
                margin: 0.0,
                apart: true,
            });
        }
    }
    if !add.is_empty() {
        chunks.extend(add);
        chunks.sort_by_key(|c| c.toks);
    }
}

/// Entity type index of PER and LOC ([`tag_type`]).
const PER: u8 = 1;
const LOC: u8 = 3;

/// Pushes chunk `c`, a person's name glued to its neighbours in a run of capitals (a tag
/// line: "Iran Maryam Rajavi NCRI PMOI") taken apart:
/// - a country or region the gazetteers know, directly before a given name, is a place of its
///   own ("Iran" | "Maryam Rajavi"): people's names do not open with a country
///   ([`place_then_person`]); the person is marked [`Chunk::apart`] from it, also when the
///   model itself ended the place there;
/// - an all-capitals word of three letters or more that no name list knows ends no person's
///   name ("Rajavi NCRI"): it is left out.
fn unglue_person(f: &Features, mut c: Chunk, out: &mut Vec<Chunk>) {
    if c.kind != PER {
        out.push(c);
        return;
    }
    let (a, mut b) = c.toks;
    if let Some(k) = (a + 1..b).find(|&k| place_then_person(f, a, k)) {
        out.push(Chunk {
            toks: (a, k),
            kind: LOC,
            margin: c.margin,
            apart: c.apart,
        });
        (c.toks.0, c.apart) = (k, true);
    } else if let Some(last) = out.last() {
        let (p0, p1) = last.toks;
        c.apart |= last.kind == LOC && p1 == a && place_then_person(f, p0, a);
    }
    while b - c.toks.0 > 1 && {
        let w = f.word(b - 1);
        w.flags & F_ALLCAPS != 0 && w.letters >= 3 && w.flags & NAME_FLAGS == 0
    } {
        b -= 1;
    }
    c.toks.1 = b;
    out.push(c);
}

/// True when tokens `[a, k)` are names of countries or regions the gazetteers know (and no
/// person's name) and token `k` is a given name: a place, then a person. (Not cities: many
/// are people's names the name lists lack, "Shahriar Kia", "Austin Powers".)
fn place_then_person(f: &Features, a: usize, k: usize) -> bool {
    const GIVEN: u32 = F_GIVEN_M | F_GIVEN_F | F_GIVEN_U;
    const PERSON: u32 = GIVEN | F_SURNAME;
    const PLACE: u32 = F_COUNTRY | F_REGION;
    a < k
        && (a..k).all(|j| f.flags(j) & PLACE != 0 && f.flags(j) & PERSON == 0)
        && f.flags(k) & GIVEN != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(text: &str) -> Vec<Vec<u32>> {
        let doc = Document::new(text);
        let f = Features::new(&doc);
        let s = &doc.sentences[0];
        (s.tokens.0..s.tokens.1)
            .map(|i| {
                let mut out = Vec::new();
                f.token(i, s.tokens, O, START, &mut out);
                out
            })
            .collect()
    }

    #[test]
    fn features_are_deterministic_and_depend_on_context() {
        let t = "Foreign Minister Klaus Kinkel met NATO officials in Brussels.";
        let a = features_of(t);
        assert_eq!(a, features_of(t));
        assert_eq!(a.len(), 10);
        // Fixed hashes: a change here changes what the shipped weights mean.
        assert_eq!(Fnv::new(1).str("kinkel").done(), 0xafaf_df65);
        // The same word in another context has other features.
        let b = features_of("Klaus Kinkel met NATO officials in Brussels.");
        assert_ne!(a[2], b[0]);
        // The previous tags are features.
        let doc = Document::new(t);
        let f = Features::new(&doc);
        let (mut x, mut y) = (Vec::new(), Vec::new());
        f.token(3, doc.sentences[0].tokens, O, O, &mut x);
        f.token(3, doc.sentences[0].tokens, 1, O, &mut y);
        assert_ne!(x, y);
    }

    /// The fast path decides exactly what the reference loop decides, margins included.
    #[test]
    fn fast_scores_equal_the_definition() {
        let model = MODEL.as_ref().expect("model");
        let texts = [
            include_str!("../../tests/golden/harbour-vote.txt"),
            include_str!("../../tests/golden/embassy-talks.html"),
            "PORT ELLERY, 14 March 2026 - The NEW YORK Times said U.S. Virgin Islands and St. Louis \
             joined Al-Qaeda's rivals. Jean-Yves Le Drian met O'Brien in SÃO PAULO.\n\
             ÉMILE ZOLA in İSTANBUL — Ⓐ straße ǅemal said “NEW YORK-based” People19 firm",
            "",
            "A",
        ];
        for text in texts {
            let doc = Document::new(text);
            let feats = Features::new(&doc);
            let slow = tag_document(&doc, &mut &*model, None, &|_| false);
            assert_eq!(tag_fast(&feats, model, &|_| false), slow);
            let odd = |b: usize| b % 2 == 1;
            assert_eq!(
                tag_fast(&feats, model, &odd),
                tag_document(&doc, &mut &*model, None, &odd)
            );
        }
    }

    /// A tag line read as one person's name is taken apart: the country before the given
    /// name is a place, the acronym after the surname is left out; a name alone stays whole.
    #[test]
    fn glued_person_names_come_apart() {
        let cases = [
            ("Iran Maryam Rajavi NCRI", vec![(0, 1, LOC), (1, 3, PER)]),
            ("Maryam Rajavi", vec![(0, 2, PER)]),
            ("Jordan Henderson", vec![(0, 2, PER)]),
            ("NCRI", vec![(0, 1, PER)]),
        ];
        for (text, want) in cases {
            let doc = Document::new(text);
            let f = Features::new(&doc);
            let mut out = Vec::new();
            let whole = Chunk {
                toks: (0, doc.tokens.len()),
                kind: PER,
                margin: 1.0,
                apart: false,
            };
            unglue_person(&f, whole, &mut out);
            let got: Vec<_> = out.iter().map(|c| (c.toks.0, c.toks.1, c.kind)).collect();
            assert_eq!(got, want, "{text}");
        }
        // The model's own place, then its person: kept apart.
        let doc = Document::new("Iran Maryam Rajavi");
        let f = Features::new(&doc);
        let mut out = Vec::new();
        for (toks, kind) in [((0, 1), LOC), ((1, 3), PER)] {
            let c = Chunk {
                toks,
                kind,
                margin: 1.0,
                apart: false,
            };
            unglue_person(&f, c, &mut out);
        }
        assert!(!out[0].apart && out[1].apart);
    }

    /// The last name of a list of two of one type is a third.
    #[test]
    fn a_list_shares_its_type() {
        let doc = Document::new("abbreviated MEK, PMOI or MKO) is");
        let f = Features::new(&doc);
        let org = |a, b| Chunk {
            toks: (a, b),
            kind: 2,
            margin: 5.0,
            apart: false,
        };
        let mut chunks = vec![org(1, 2), org(3, 4)];
        extend_lists(&f, &mut chunks);
        let got: Vec<_> = chunks.iter().map(|c| (c.toks, c.kind)).collect();
        assert_eq!(got, [((1, 2), 2), ((3, 4), 2), ((5, 6), 2)]);
        // Not when the word is followed by more of a name, nor without the comma.
        for text in ["MEK, PMOI or MKO Group", "MEK PMOI or MKO."] {
            let doc = Document::new(text);
            let f = Features::new(&doc);
            let mut chunks = vec![org(0, 1), org(doc.tokens.len() - 4, doc.tokens.len() - 3)];
            let before = chunks.len();
            extend_lists(&f, &mut chunks);
            assert_eq!(chunks.len(), before, "{text}");
        }
    }

    /// The one-pass word facts equal their definitions: `str::to_lowercase`, [`shape`], and
    /// the first-byte test lets every case-sensitive lexicon entry through.
    #[test]
    fn word_facts_equal_the_definitions() {
        let text = "The NEW YORK Times: McDonald's 1996-08-22 U.S. ΟΔΥΣΣΕΥΣ Σ ΣΑ İSTANBUL \
                    straße ǅemal Ⓐ 12½ x² O’Brien Jean-Yves “NEW” ʼn ﬁne Ǆ";
        let doc = Document::new(text);
        let f = Features::new(&doc);
        assert!(f.words.len() > 20);
        for w in &f.words {
            assert_eq!(f.lower(w), w.text.to_lowercase(), "{}", w.text);
            assert_eq!(f.shape(w), shape(w.text), "{}", w.text);
        }
        let first = &WORD_FLAGS.exact_first;
        assert!(WORD_FLAGS.exact.keys().all(|k| first.holds(k)));
        assert!(!first.holds("") && !first.holds("\u{1}"));
    }

    #[test]
    fn gazetteer_leads() {
        assert!(GAZ.leads.contains_key("New") && GAZ.leads.contains_key("St"));
        assert!(!GAZ.leads.contains_key("Tuesday"));
        assert!(GAZ.leads["New"].holds("New York".len()) && !GAZ.leads["New"].holds(4));
        // The flags' lookup answers the same.
        assert!(lexicon_flags("New").1 && lexicon_flags("St").1 && !lexicon_flags("Tuesday").1);
        assert!(GAZ.leads.keys().all(|w| lexicon_flags(w).1));
        let doc = Document::new("He flew from New York to SAO PAULO and Rio.");
        let f = Features::new(&doc);
        let gaz: Vec<u8> = f.toks.iter().map(|t| t.gaz).collect();
        assert_eq!(gaz, [0, 0, 0, 2, 3, 0, 2, 3, 0, 0, 0]);
    }

    /// The gazetteer positions without the lead and length tests: every n-gram from every
    /// capitalised token looked up, as itself and title-cased.
    fn gazetteer_reference(doc: &Document) -> Vec<u8> {
        let f = Features::new(doc);
        let mut gaz = vec![0u8; doc.tokens.len()];
        for s in &doc.sentences {
            let (s0, s1) = s.tokens;
            let mut i = s0;
            while i < s1 {
                let mut matched = 1;
                if f.word(i).flags & F_CAP != 0 {
                    for len in (2..=GAZ_MAX.min(s1 - i)).rev() {
                        let text = &doc.text[doc.tokens[i].start..doc.tokens[i + len - 1].end];
                        let tc = (f.word(i).flags & F_ALLCAPS != 0)
                            .then(|| title_case(text, &mut String::new()).to_string());
                        let kind = gazetteer_kind(text).or_else(|| gazetteer_kind(&tc?));
                        if let Some(k) = kind {
                            gaz[i] = k * 2;
                            gaz[i + 1..i + len].fill(k * 2 + 1);
                            matched = len;
                            break;
                        }
                    }
                }
                i += matched;
            }
        }
        gaz
    }

    /// The lead and length tests skip only lookups that cannot succeed.
    #[test]
    fn gazetteer_tests_skip_only_misses() {
        for text in [
            include_str!("../../tests/golden/harbour-vote.txt"),
            include_str!("../../tests/golden/embassy-talks.html"),
            "He flew from New York to SAO PAULO, NEW YORK CITY and St. Louis via the United \
             States, the UNITED ARAB EMIRATES and Al-Qaeda's base; New York-based Rio de \
             Janeiro, New Zealand’s Port Ellery and ST. LOUIS.",
        ] {
            let doc = Document::new(text);
            let f = Features::new(&doc);
            let gaz: Vec<u8> = f.toks.iter().map(|t| t.gaz).collect();
            assert_eq!(gaz, gazetteer_reference(&doc));
        }
        let doc = Document::new("NEW YORK CITY, St. Louis and the UNITED ARAB EMIRATES.");
        let f = Features::new(&doc);
        assert!(f.toks.iter().filter(|t| t.gaz != 0).count() >= 7);
    }

    #[test]
    fn tags_and_transitions() {
        assert_eq!(tag_index("B-ORG"), Some(3));
        assert_eq!(tag_type(4), 2);
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(O, 2) && !allowed(3, 2));
        assert!(allowed(START, 1) && !allowed(START, 2));
        let d = |tag| Decision { tag, margin: 1.0 };
        let c = chunks(&[d(1), d(2), d(O), d(5), d(3), d(4)]);
        let spans: Vec<_> = c.iter().map(|c| (c.toks, c.kind)).collect();
        assert_eq!(spans, [((0, 2), 1), ((3, 4), 3), ((4, 6), 2)]);
    }

    #[test]
    fn weights_round_trip_and_bad_files_are_refused() {
        let bits = 6;
        let mut w = vec![0i8; (1 << bits) * N_TAGS];
        w[5 * N_TAGS + 2] = -7;
        w[40 * N_TAGS] = 127;
        w[63 * N_TAGS + 8] = 1;
        let bytes = Model::serialize(bits, 0.5, &w);
        let m = Model::parse(&bytes).expect("parses");
        assert_eq!(m.weights, w);
        assert_eq!(m.scale(), 0.5);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(b"not a model").is_none());
        assert!(Model::parse(&[]).is_none());
    }

    #[test]
    fn the_shipped_file_is_what_serialize_writes() {
        let bytes = include_bytes!("../data/ner.bin");
        let m = Model::parse(bytes).expect("parses");
        let bits = m.mask.count_ones();
        assert_eq!(Model::serialize(bits, m.scale(), &m.weights), bytes);
    }

    #[test]
    fn shipped_model_loads_and_tags() {
        let m = MODEL.as_ref().expect("crate/data/ner.bin parses");
        assert!(m.weights.iter().any(|&w| w != 0));
        let doc = Document::new(
            "German Foreign Minister Klaus Kinkel told the European Commission in Brussels on Monday.",
        );
        let found: Vec<(String, u8)> = find(&doc, &|_| false)
            .iter()
            .map(|c| {
                let (i, j) = c.toks;
                (
                    doc.text[doc.tokens[i].start..doc.tokens[j - 1].end].to_string(),
                    c.kind,
                )
            })
            .collect();
        for want in [
            ("German", 4),
            ("Klaus Kinkel", 1),
            ("European Commission", 2),
            ("Brussels", 3),
        ] {
            assert!(
                found.iter().any(|(t, k)| t == want.0 && *k == want.1),
                "{want:?} not in {found:?}"
            );
        }
    }
}

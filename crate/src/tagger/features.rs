//! The features of every token: built once per document ([`Features::new`]), then hashed per
//! token given the two previous tags ([`Features::token`], the definition [`super::fast`] must
//! equal).

use super::*;

/// The features of every token of a document. Built once per document; [`Features::token`]
/// then gives the hashed features of one token given the two tags before it.
pub struct Features<'d, 'a> {
    pub(super) doc: &'d Document<'a>,
    pub(super) words: Vec<Word<'a>>,
    pub(super) strs: Strs,
    pub(super) toks: Vec<Tok>,
}

/// Longest gazetteer n-gram tried.
pub(super) const GAZ_MAX: usize = 6;

/// What [`Features::token`] reads of one token.
pub(super) struct View<'f> {
    pub(super) lower: &'f str,
    pub(super) shape: &'f str,
    pub(super) flags: u32,
    pub(super) gaz: u8,
    pub(super) zipf: u8,
    pub(super) cluster: u32,
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
            let flags = if t.kind == TokenKind::Punct {
                F_PUNCT
            } else {
                0
            };
            toks.push(Tok {
                word,
                flags,
                gaz: 0,
            });
        }
        let mut f = Features {
            doc,
            words,
            strs,
            toks,
        };
        let mid_caps = f.mark_sentences();
        f.mark_words(&ids, &mid_caps);
        let mut scratch = (String::new(), Vec::new());
        for s in &doc.sentences {
            f.match_gazetteer(s.tokens, &mut scratch);
        }
        f
    }

    /// Marks sentence starts (`F_INITIAL`) and lines mostly in capitals (`F_HEADLINE`), and
    /// returns, per word, whether it is capitalised somewhere other than a sentence start.
    fn mark_sentences(&mut self) -> Vec<bool> {
        let (doc, words, toks) = (self.doc, &self.words, &mut self.toks);
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
        mid_caps
    }

    /// The flags that depend on the whole document: `F_MID_CAPS` (capitalised other than at a
    /// sentence start, the all-capitals form by its title case) and `F_LOWER_SEEN`.
    fn mark_words(&mut self, ids: &HashMap<&'a str, u32>, mid_caps: &[bool]) {
        let mut tc = String::new();
        for k in 0..self.words.len() {
            let w = &self.words[k];
            let mid = mid_caps[k]
                || (w.flags & F_ALLCAPS != 0
                    && ids
                        .get(title_case(w.text, &mut tc))
                        .is_some_and(|&j| mid_caps[j as usize]));
            let lower_seen = w.flags & F_CAP != 0
                && ids
                    .get(self.lower(w))
                    .is_some_and(|&j| self.words[j as usize].flags & F_LOWER != 0);
            let w = &mut self.words[k];
            if mid {
                w.flags |= F_MID_CAPS;
            }
            if lower_seen {
                w.flags |= F_LOWER_SEEN;
            }
        }
    }

    /// Multi-word gazetteer matches in the sentence `[s0, s1)`, longest first (`Tok::gaz`).
    /// `scratch`: a title case and where each token ends in it.
    fn match_gazetteer(&mut self, (s0, s1): (usize, usize), scratch: &mut (String, Vec<usize>)) {
        let doc = self.doc;
        let (tc, tc_ends) = scratch;
        let mut i = s0;
        while i < s1 {
            let mut matched = 0;
            let w = &self.words[self.toks[i].word as usize];
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
                        title_case_into(&doc.text[from..t.end], tc, &mut start);
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
                        self.toks[i].gaz = k * 2;
                        for t in &mut self.toks[i + 1..i + len] {
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

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub(super) fn word(&self, i: usize) -> &Word<'a> {
        &self.words[self.toks[i].word as usize]
    }

    pub(super) fn flags(&self, i: usize) -> u32 {
        self.word(i).flags | self.toks[i].flags
    }

    /// The lowercase form of word `w`.
    pub(super) fn lower(&self, w: &Word) -> &str {
        &self.strs.lower[w.lower.0 as usize..w.lower.1 as usize]
    }

    /// The shape of word `w`.
    pub(super) fn shape(&self, w: &Word) -> &str {
        &self.strs.shape[w.shape.0 as usize..w.shape.1 as usize]
    }

    pub(super) fn view(&self, i: usize) -> View<'_> {
        let w = self.word(i);
        View {
            lower: self.lower(w),
            shape: self.shape(w),
            flags: w.flags | self.toks[i].flags,
            gaz: self.toks[i].gaz,
            zipf: w.zipf,
            cluster: w.cluster,
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
        // The word's Brown cluster at several depths, and its neighbours'.
        let cluster = |k: isize| at(k).map_or(EDGE_CLUSTER, |t| t.cluster);
        clusters(t.cluster, 37, &OWN_DEPTHS, &mut f);
        clusters(cluster(-1), 38, &NEIGHBOUR_DEPTHS, &mut f);
        clusters(cluster(1), 39, &NEIGHBOUR_DEPTHS, &mut f);
    }
}

/// The cluster of a sentence edge standing in for a neighbour.
pub(super) const EDGE_CLUSTER: u32 = u32::MAX;

/// The depths at which a token's own cluster is a feature, and a neighbour's.
pub(super) const OWN_DEPTHS: [u8; 4] = [4, 8, 12, 32];
pub(super) const NEIGHBOUR_DEPTHS: [u8; 2] = [8, 32];

/// Template `tpl` of cluster `c` cut to each depth of `depths` (one feature for an edge).
pub(super) fn clusters(c: u32, tpl: u8, depths: &[u8], f: &mut impl FnMut(Fnv)) {
    if c == EDGE_CLUSTER {
        return f(Fnv::new(tpl).byte(200));
    }
    for &d in depths {
        f(Fnv::new(tpl).byte(d).bytes(&at_depth(c, d).to_le_bytes()));
    }
}

/// Prefix and suffix features of `w`, up to four characters each.
pub(super) fn affixes(w: &str, f: &mut impl FnMut(Fnv)) {
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
pub(super) fn before_mark(doc: &Document, i: usize) -> bool {
    let next = doc.text.as_bytes()[doc.tokens[i].end];
    next.is_ascii() && !next.is_ascii_alphanumeric()
}

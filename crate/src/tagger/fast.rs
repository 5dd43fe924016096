//! The inference path: the same scores as [`Features::token`] summed into the [`Model`], with
//! each word's parts and the few-valued features' sums cached.

use super::*;

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
pub(super) struct Fast<'f, 'd, 'a> {
    pub(super) f: &'f Features<'d, 'a>,
    pub(super) model: &'f Model,
    /// Per word: index into `parts`, or `u32::MAX` before first use.
    pub(super) slot: Vec<u32>,
    pub(super) parts: Vec<Parts>,
    /// Scratch: the feature hashes of a part being summed.
    pub(super) hashes: Vec<u32>,
}

/// What [`Fast`] keeps of one used word.
pub(super) struct Parts {
    /// [own, as token −1, +1, −2, +2] partial sums; bit `p` of `done` says part `p` is summed.
    pub(super) accs: [Acc; 5],
    pub(super) done: u8,
    /// The word as the token, with part 0: the states after its first string of the pair
    /// features it starts, `Fnv::new(8).str(lower)` and `Fnv::new(13).str(shape)`.
    pub(super) first: [Fnv; 2],
    /// The word as the token before, with part 1: `Fnv::new(7).str(lower)`,
    /// `Fnv::new(12).str(shape)`, `Fnv::new(14).str(shape)`.
    pub(super) before: [Fnv; 3],
}

/// Templates of a neighbour's word, shape and context flags, at −1, +1, −2, +2.
pub(super) const NEIGHBOUR: [(u8, Option<u8>, u8); 4] = [
    (3, Some(10), 18),
    (4, Some(11), 19),
    (5, None, 20),
    (6, None, 21),
];

/// The flags a [`Fixed::place`] index stands for (bits 3–5; bits 0–2 are the token's
/// gazetteer position): those of [`Tok::flags`].
pub(super) const PLACE_FLAGS: [u32; 3] = [F_PUNCT, F_INITIAL, F_HEADLINE];

/// The flags a [`Fixed::wary`] index stands for: the capitals warning's two (bits 0–1), then
/// the three template 24 pairs them with.
pub(super) const WARY_FLAGS: [u32; 5] = [F_INITIAL, F_HEADLINE, F_MID_CAPS, F_COMMON, F_STOP];

/// `flags` as an index: bit `b` set when `flags` holds `list[b]`.
pub(super) fn pack(flags: u32, list: &[u32]) -> usize {
    list.iter()
        .enumerate()
        .filter(|&(_, f)| flags & f != 0)
        .fold(0, |k, (b, _)| k | 1 << b)
}

/// The flags index `k` stands for: the inverse of [`pack`].
pub(super) fn unpack(k: usize, list: &[u32]) -> u32 {
    list.iter()
        .enumerate()
        .filter(|&(b, _)| k & 1 << b != 0)
        .fold(0, |flags, (_, f)| flags | f)
}

/// The sums of the features that take few values, summed once per model. Each entry is the
/// sum of the same features as [`Features::token`] gives them.
pub(super) struct Fixed {
    /// By gazetteer position `| pack(tok.flags, &PLACE_FLAGS) << 3`: template 17 of the
    /// token's place flags, and template 22.
    pub(super) place: [Acc; 64],
    /// By `pack(flags, &WARY_FLAGS)`: template 24 (zero when neither `F_INITIAL` nor
    /// `F_HEADLINE` is set, as then the token has no such feature).
    pub(super) wary: [Acc; 32],
    /// By previous tags `[p1][p2]`: templates 25 and 26.
    pub(super) history: [[Acc; START as usize + 1]; START as usize + 1],
    /// By neighbour (−1, +1, −2, +2) and its gazetteer position: templates 18–21 of
    /// `100 + gaz`.
    pub(super) neighbour_gaz: [[Acc; 8]; 4],
    /// What a sentence edge lends in place of a neighbour at −1, +1, −2, +2 ("<s>" word and
    /// shape, flag 200).
    pub(super) edge: [Acc; 4],
    /// [`Parts::before`] of "<s>", for a token at a sentence start.
    pub(super) edge_before: [Fnv; 3],
    /// By the warning's two bits of the [`Fixed::wary`] index:
    /// `Fnv::new(23).bytes(&wary.to_le_bytes())`.
    pub(super) seed23: [Fnv; 4],
    /// By previous tag `p1`: `Fnv::new(27).byte(p1)` and `Fnv::new(28).byte(p1)`.
    pub(super) seed27: [Fnv; START as usize + 1],
    pub(super) seed28: [Fnv; START as usize + 1],
}

/// The word frequency feature byte of a sentence edge (templates 35, 36).
pub(super) const NO_ZIPF: u8 = 255;

impl Fixed {
    /// The tables, given the sum of the weights of some features.
    pub(super) fn new(sum: &dyn Fn(&[Fnv]) -> Acc) -> Box<Fixed> {
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
                clusters(EDGE_CLUSTER, 38 + p as u8, &NEIGHBOUR_DEPTHS, &mut |h| {
                    hs.push(h)
                });
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
    pub(super) fn new(f: &'f Features<'d, 'a>, model: &'f Model) -> Self {
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
    pub(super) fn part(&mut self, w: u32, p: usize) -> &Parts {
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
                    clusters(word.cluster, 37, &OWN_DEPTHS, &mut push);
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
                    clusters(word.cluster, 38, &NEIGHBOUR_DEPTHS, &mut push);
                    for_bits(word.flags & CONTEXT_FLAGS, |b| push(Fnv::new(18).byte(b)));
                }
                _ => {
                    let (wt, st, ft) = NEIGHBOUR[p - 1];
                    push(Fnv::new(wt).str(lower));
                    if p == 2 {
                        push(Fnv::new(36).byte(word.zipf));
                        clusters(word.cluster, 39, &NEIGHBOUR_DEPTHS, &mut push);
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
    pub(super) fn scores(
        &mut self,
        i: usize,
        (s0, s1): (usize, usize),
        p1: u8,
        p2: u8,
    ) -> [f32; N_TAGS] {
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
pub(super) fn for_bits(mut flags: u32, mut f: impl FnMut(u8)) {
    while flags != 0 {
        f(flags.trailing_zeros() as u8);
        flags &= flags - 1;
    }
}

/// [`tag_document`] with the shipped model, through [`Fast`]: the same decisions.
pub(super) fn tag_fast(
    feats: &Features,
    model: &Model,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Decision> {
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

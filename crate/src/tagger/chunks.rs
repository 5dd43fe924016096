//! From tags to names: chunks of a tag sequence, and the small named rules that take apart
//! what a run of capitals glued together or complete a list.

use super::*;

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
            head_takes_modifiers(&feats, &mut c, s.tokens.0, &out);
            if own_possessive(&feats, &mut c, s.tokens.0, &mut out) {
                unglue_person(&feats, c, &mut out);
            }
        }
    }
    extend_lists(&feats, &mut out);
    acronym_lists(&feats, &mut out);
    out
}

/// An organisation's name does not open on its head word when capitalised words stand right
/// before it: "Mojahedin Organization", "Khalq Party" take them in, back to a function word
/// ("The"), a title, a demonym, a date word, a mark, or the end of a name found before (then
/// [`own_possessive`] takes the owner of a `'s` reached this way).
pub(super) fn head_takes_modifiers(
    f: &Features,
    c: &mut Chunk,
    sentence_start: usize,
    out: &[Chunk],
) {
    const STOPS: u32 = F_STOP | F_TITLE | F_DEMONYM | F_CALENDAR | F_PUNCT;
    let doc = f.doc;
    if c.kind != ORG || f.flags(c.toks.0) & F_ORG_HEAD == 0 {
        return;
    }
    let ended = out.last().map_or(0, |p| p.toks.1);
    let mut i = c.toks.0;
    while i > sentence_start.max(ended) {
        let k = i - 1;
        let possessive = matches!(doc.tok(k), "'s" | "’s") && !doc.tokens[k].space_before;
        if !possessive && (f.flags(k) & STOPS != 0 || f.flags(k) & F_CAP == 0) {
            break;
        }
        i = k;
    }
    c.toks.0 = i;
}

/// A name does not open on a possessive: one that does ("'s Mojahedin Organization") takes in
/// the capitalised word its `'s` belongs to ("People's Mojahedin Organization"), joining the
/// name before it when that word ends one; without an owner it starts after the `'s`. False
/// when nothing is left to push (joined, or nothing after the `'s`).
pub(super) fn own_possessive(
    f: &Features,
    c: &mut Chunk,
    sentence_start: usize,
    out: &mut [Chunk],
) -> bool {
    let doc = f.doc;
    let i = c.toks.0;
    if !matches!(doc.tok(i), "'s" | "’s" | "'" | "’") {
        return true;
    }
    let owner = i > sentence_start && !doc.tokens[i].space_before && f.flags(i - 1) & F_CAP != 0;
    if !owner {
        c.toks.0 = i + 1;
        return c.toks.0 < c.toks.1;
    }
    if let Some(p) = out.last_mut().filter(|p| p.toks.1 == i) {
        (p.toks.1, p.kind, p.margin) = (c.toks.1, c.kind, p.margin.min(c.margin));
        return false;
    }
    c.toks.0 = i - 1;
    true
}

/// The last name of a list takes the type of the names before it: in "MEK, PMOI or MKO",
/// two organisations and a comma before "or", "MKO" (capitalised, untagged, alone before a
/// mark or the sentence's end) is a third. Two names of one type before it, so that "Smith,
/// Jones and Co" needs both "Smith" and "Jones" to be organisations.
pub(super) fn extend_lists(f: &Features, chunks: &mut Vec<Chunk>) {
    let doc = f.doc;
    let mut add = Vec::new();
    for (n, w) in chunks.windows(2).enumerate() {
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
        // Chunks are in order and do not overlap: only the one after `y` could hold `k`.
        let free = chunks.get(n + 2).is_none_or(|c| c.toks.0 > k);
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

/// Acronyms listed together name things of one type: in "abbreviated MEK, PMOI or MKO" with
/// "MEK" an organisation, the untagged all-capitals words of the list ("PMOI", "MKO") are too.
/// A list is words joined by commas, "or" and "and", each alone between its joiners and the
/// list's ends. An acronym here is a word of two to five capitals that no name list knows (not
/// "KENNEDY, SOUTER, GINSBURG", surnames in capitals), outside a line of capitals.
pub(super) fn acronym_lists(f: &Features, chunks: &mut Vec<Chunk>) {
    let doc = f.doc;
    let joiner = |i: usize| matches!(doc.tok(i), "," | "or" | "and");
    let acronym = |i: usize| {
        f.flags(i) & (F_ALLCAPS | F_HEADLINE | NAME_FLAGS) == F_ALLCAPS
            && (2..=5).contains(&f.word(i).letters)
            && doc.tokens[i].kind == TokenKind::Word
    };
    let taken = |i: usize, cs: &[Chunk]| cs.iter().any(|c| c.toks.0 <= i && i < c.toks.1);
    // The member after (or before) member `i`: past one or more joiners, in the sentence.
    let next = |i: usize, forward: bool| -> Option<usize> {
        let step = |k: usize| {
            if forward {
                k.checked_add(1)
            } else {
                k.checked_sub(1)
            }
        };
        let mut k = step(i).filter(|&k| k < doc.tokens.len() && joiner(k))?;
        while joiner(k) {
            k = step(k).filter(|&k| k < doc.tokens.len())?;
        }
        (doc.tokens[k].sentence == doc.tokens[i].sentence && acronym(k)).then_some(k)
    };
    let mut add: Vec<Chunk> = Vec::new();
    for c in chunks
        .iter()
        .filter(|c| c.toks.1 == c.toks.0 + 1 && acronym(c.toks.0))
    {
        for forward in [false, true] {
            let mut i = c.toks.0;
            while let Some(k) = next(i, forward) {
                if !taken(k, chunks) && !taken(k, &add) {
                    add.push(Chunk {
                        toks: (k, k + 1),
                        kind: c.kind,
                        margin: 0.0,
                        apart: true,
                    });
                }
                i = k;
            }
        }
    }
    if !add.is_empty() {
        chunks.extend(add);
        chunks.sort_by_key(|c| c.toks);
    }
}

/// Entity type index of PER, ORG and LOC ([`tag_type`]).
pub(super) const PER: u8 = 1;
pub(super) const ORG: u8 = 2;
pub(super) const LOC: u8 = 3;

/// Pushes chunk `c`, a person's name glued to its neighbours in a run of capitals (a tag
/// line: "Iran Maryam Rajavi NCRI PMOI") taken apart:
/// - a country or region the gazetteers know, directly before a given name, is a place of its
///   own ("Iran" | "Maryam Rajavi"): people's names do not open with a country
///   ([`place_then_person`]); the person is marked [`Chunk::apart`] from it, also when the
///   model itself ended the place there;
/// - an all-capitals word of three letters or more that no name list knows ends no person's
///   name ("Rajavi NCRI"): it is left out.
pub(super) fn unglue_person(f: &Features, mut c: Chunk, out: &mut Vec<Chunk>) {
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
pub(super) fn place_then_person(f: &Features, a: usize, k: usize) -> bool {
    const GIVEN: u32 = F_GIVEN_M | F_GIVEN_F | F_GIVEN_U;
    const PERSON: u32 = GIVEN | F_SURNAME;
    const PLACE: u32 = F_COUNTRY | F_REGION;
    a < k
        && (a..k).all(|j| f.flags(j) & PLACE != 0 && f.flags(j) & PERSON == 0)
        && f.flags(k) & GIVEN != 0
}

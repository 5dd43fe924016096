//! The tagger's tests: the fast path equals the definition, the word facts their
//! definitions, the file format round-trips, and the chunk rules.

use super::chunks::*;
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
        include_str!("../../../tests/golden/harbour-vote.txt"),
        include_str!("../../../tests/golden/embassy-talks.html"),
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

/// A name opening on a possessive takes in its owner, or starts after it.
#[test]
fn a_name_does_not_open_on_a_possessive() {
    for (text, from, want) in [
        ("The People's Mojahedin Organization", 2, Some((1, 5))),
        ("the people's Party", 2, Some((3, 4))),
        ("the people's", 2, None),
    ] {
        let doc = Document::new(text);
        let f = Features::new(&doc);
        let mut c = Chunk {
            toks: (from, doc.tokens.len()),
            kind: 2,
            margin: 1.0,
            apart: false,
        };
        let kept = own_possessive(&f, &mut c, 0, &mut []);
        assert_eq!(kept.then_some(c.toks), want, "{text}");
    }
    // The owner ends a name already found: one name.
    let doc = Document::new("The People's Mojahedin");
    let f = Features::new(&doc);
    let chunk = |a, b| Chunk {
        toks: (a, b),
        kind: 2,
        margin: 1.0,
        apart: false,
    };
    let mut out = [chunk(1, 2)];
    assert!(!own_possessive(&f, &mut chunk(2, 4), 0, &mut out));
    assert_eq!(out[0].toks, (1, 4));
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

/// An organisation's name opening on its head word takes in the capitals before it.
#[test]
fn an_organisations_head_takes_its_modifiers() {
    let chunk = |toks, kind| Chunk {
        toks,
        kind,
        margin: 1.0,
        apart: false,
    };
    let cases = [
        // Back over a possessive to the function word that opens the sentence.
        (
            "The People's Mojahedin Organization of Iran",
            (4, 7),
            ORG,
            (1, 7),
        ),
        // Not over a date word, nor for a person's name.
        ("On Tuesday Council members met", (2, 3), ORG, (2, 3)),
        ("The Mojahedin Organization", (2, 3), PER, (2, 3)),
        // Not when its head does not open it.
        ("The Mojahedin Freedom Council", (2, 4), ORG, (2, 4)),
    ];
    for (text, toks, kind, want) in cases {
        let doc = Document::new(text);
        let f = Features::new(&doc);
        let mut c = chunk(toks, kind);
        head_takes_modifiers(&f, &mut c, 0, &[]);
        assert_eq!(c.toks, want, "{text}");
    }
    // Not into a name found before it ("Trump" | "Organization").
    let doc = Document::new("The Trump Organization");
    let f = Features::new(&doc);
    let mut c = chunk((2, 3), ORG);
    head_takes_modifiers(&f, &mut c, 0, &[chunk((1, 2), PER)]);
    assert_eq!(c.toks, (2, 3));
}

/// Untagged acronyms listed with a tagged one take its type; surnames in capitals do not.
#[test]
fn acronyms_listed_together_share_a_type() {
    let org = |a| Chunk {
        toks: (a, a + 1),
        kind: ORG,
        margin: 5.0,
        apart: false,
    };
    type Case = (&'static str, usize, &'static [(usize, usize)]);
    let cases: [Case; 4] = [
        (
            "abbreviated MEK, PMOI or MKO) is",
            1,
            &[(1, 2), (3, 4), (5, 6)],
        ),
        // From the last member back.
        (
            "known as PMOI, MKO or MEK abroad",
            6,
            &[(2, 3), (4, 5), (6, 7)],
        ),
        // A word that is no acronym ends the list.
        ("MEK, Smith or MKO", 0, &[(0, 1)]),
        ("ALITO, SOUTER and GINSBURG", 0, &[(0, 1)]),
    ];
    for (text, tagged, want) in cases {
        let doc = Document::new(text);
        let f = Features::new(&doc);
        let mut chunks = vec![org(tagged)];
        acronym_lists(&f, &mut chunks);
        let got: Vec<_> = chunks.iter().map(|c| c.toks).collect();
        assert_eq!(got, want, "{text}");
        assert!(chunks.iter().all(|c| c.kind == ORG));
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
        include_str!("../../../tests/golden/harbour-vote.txt"),
        include_str!("../../../tests/golden/embassy-talks.html"),
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
    let bytes = include_bytes!("../../data/ner.bin");
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

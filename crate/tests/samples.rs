//! The sample articles in `../shared/samples/`, as readers paste them, and what the first issue
//! says a reader must see in each. The samples are third-party text: they are read at test time
//! and never copied into the repository. Without them these tests say so and pass.

use std::path::PathBuf;

use article_inspector::{analyze, Analysis, BlockKind, EntityKind, Options, QuoteKind};

fn sample(prefix: &str) -> Option<Analysis> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} not found", dir.display());
        return None;
    };
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))?;
    let text = std::fs::read_to_string(&path).unwrap();
    Some(analyze(&text, &Options::default()).unwrap())
}

/// The block whose text starts with `start`, at its `nth` occurrence.
fn block(a: &Analysis, start: &str, nth: usize) -> (BlockKind, bool) {
    let b = a
        .blocks
        .iter()
        .filter(|b| a.text[b.start..b.end].starts_with(start))
        .nth(nth)
        .unwrap_or_else(|| panic!("no block #{nth} starting {start:?}"));
    (b.kind, b.boilerplate)
}

fn assert_boilerplate(a: &Analysis, start: &str, nth: usize) {
    let (kind, bp) = block(a, start, nth);
    assert!(bp, "{start:?} (#{nth}) should be boilerplate, is {kind:?}");
}

fn assert_article(a: &Analysis, start: &str) {
    let (kind, bp) = block(a, start, 0);
    assert!(!bp, "{start:?} should be article, is {kind:?}");
}

/// The quote whose words start with `start` is spoken by `speaker` (a cluster's name).
fn assert_speaker(a: &Analysis, start: &str, speaker: &str) {
    let q = a
        .quotes
        .iter()
        .find(|q| {
            q.text
                .trim_start_matches(['"', '“', '”', '\'', '‘', ' '])
                .starts_with(start)
        })
        .unwrap_or_else(|| panic!("no quote starting {start:?}"));
    assert!(
        matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial),
        "{start:?} is {:?}",
        q.kind
    );
    let s = q
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("{start:?} has no speaker"));
    assert_eq!(s.name, speaker, "speaker of {start:?} (why: {})", q.why);
    assert!(
        s.entity.is_some(),
        "{start:?}: speaker not linked to an entity"
    );
}

/// The cluster named `name` has every one of `aliases`.
fn assert_cluster(a: &Analysis, name: &str, kind: EntityKind, aliases: &[&str]) {
    let c = a
        .clusters
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no cluster {name:?}"));
    assert_eq!(c.kind, kind, "{name}");
    for al in aliases {
        assert!(
            c.aliases.iter().any(|x| x == al),
            "{name}: {al:?} not in {:?}",
            c.aliases
        );
    }
}

#[test]
fn sample_000_un_meeting() {
    let Some(a) = sample("000_") else { return };
    assert_eq!(
        block(&a, "Iran stages pro-government rallies", 0).0,
        BlockKind::Title
    );
    assert_boilerplate(&a, "Iran stages pro-government rallies", 1);
    assert_boilerplate(&a, "Image result for", 0);
    assert_boilerplate(&a, "Latest News", 0);
    assert_article(&a, "Hundreds of people took to the streets");
    assert_speaker(&a, "The Iranian people are rising up", "Haley");
    assert_speaker(&a, "It's another attempt", "Gholamali Khoshroo");
    assert_speaker(&a, "However worrying", "Francois Delattre");
    // Scare quotes are not speech with an invented speaker.
    let blunder = a
        .quotes
        .iter()
        .find(|q| q.text.contains("blunder"))
        .unwrap();
    assert_eq!(blunder.kind, QuoteKind::Mention);
    assert!(blunder.speaker.is_none());
    for q in a.quotes.iter().filter(|q| q.text.contains("farce")) {
        assert_ne!(q.kind, QuoteKind::Direct);
        if let Some(s) = &q.speaker {
            assert_eq!(s.name, "Gholamali Khoshroo");
        }
    }
    assert_cluster(&a, "Gholamali Khoshroo", EntityKind::Person, &["Khoshroo"]);
}

#[test]
fn sample_001_telesur() {
    let Some(a) = sample("001_") else { return };
    assert_boilerplate(&a, "[bg_collapse", 0);
    assert_boilerplate(&a, "[/bg_collapse]", 0);
    assert_boilerplate(&a, "[premium_newsticker", 0);
    assert_boilerplate(&a, "Click on the button below", 0);
    assert_boilerplate(&a, "Creative Commons License", 0);
    assert_boilerplate(&a, "This work is licensed", 0);
    assert_boilerplate(&a, "black-horizontal", 0);
    assert_boilerplate(&a, "People take part in pro-government rallies", 1);
    assert_article(&a, "Rallies were held in the cities");
    assert_article(&a, "According to a 2009 report");
    assert_speaker(&a, "Iran’s stability is important", "Mevlut Cavusoglu");
    assert_cluster(
        &a,
        "People's Mojahedin Organization of Iran",
        EntityKind::Org,
        &["MEK", "MeK", "PMOI", "MKO", "Mojahedin-e Khalq"],
    );
    assert_cluster(&a, "Mevlut Cavusoglu", EntityKind::Person, &["Cavusoglu"]);
}

#[test]
fn sample_002_mek_rally() {
    let Some(a) = sample("002_") else { return };
    assert_boilerplate(&a, "Tags: , , , ,", 0);
    assert_boilerplate(&a, "Copyright ©", 0);
    assert_boilerplate(&a, "Social media & sharing icons powered by", 0);
    assert_article(&a, "In the heavy presence of security");
    assert_speaker(&a, "It’s time to stand", "Malcolm Fowler");
    assert_speaker(&a, "What we’re seeing on the streets", "Jocellyne Scutt");
    assert_speaker(&a, "In gathering Bassiji thugs", "Mohammad Mohaddessin");
    assert_speaker(&a, "Nevertheless, he admitted", "Mohammad Mohaddessin");
    assert_cluster(
        &a,
        "Mohammad Mohaddessin",
        EntityKind::Person,
        &["Mohaddessin"],
    );
    assert_cluster(
        &a,
        "National Council of Resistance of Iran",
        EntityKind::Org,
        &["NCRI"],
    );
}

#[test]
fn sample_003_iran_focus() {
    let Some(a) = sample("003_") else { return };
    assert_boilerplate(&a, "Skip to main content", 0);
    assert_boilerplate(&a, "Comments", 0);
    assert_boilerplate(&a, "Popular posts from this blog", 0);
    // Known regression of the learned classifier (issue 14, open): the teasers under "Popular
    // posts" ("WE SHOULD LISTEN CLOSELY TO IRAN Created: …", "French FM Visits Iran…") are
    // kept. Restoring the old rule "a 'Popular posts' heading ends the article" cost L3S HTML
    // 0.013 F1, so it is not back; the session note says what to try next.
    assert_eq!(
        block(&a, "Tackle Iran by Supporting", 0).0,
        BlockKind::Title
    );
    // The headline line as copied has the date glued to it; the title is the headline alone,
    // and the date is the publication date.
    assert_eq!(
        a.title.as_deref(),
        Some("Tackle Iran by Supporting the Iranian People")
    );
    assert_eq!(a.published.as_deref(), Some("2017-12-19"));
    assert_article(&a, "London, 19 Dec - Ever since");
    assert_speaker(&a, "Iran’s role", "Jean-Yves Le Drian");
    assert_speaker(&a, "The solution is showing firmness", "Maryam Rajavi");
    assert_speaker(&a, "A concerted and firm effort", "Shahriar Kia");
    let date = a.entities.iter().find(|e| e.text == "19 December 2017");
    assert_eq!(date.map(|e| e.kind), Some(EntityKind::Date));
}

/// Every span of every sample is in bounds, on char boundaries, and spans of one layer never
/// cross; UTF-16 offsets slice the same text as UTF-8 ones.
#[test]
fn sample_spans_are_well_formed() {
    for prefix in ["000_", "001_", "002_", "003_"] {
        let Some(a) = sample(prefix) else { return };
        let mut spans: Vec<(&str, usize, usize)> = Vec::new();
        spans.extend(a.blocks.iter().map(|b| ("block", b.start, b.end)));
        spans.extend(a.entities.iter().map(|e| ("entity", e.start, e.end)));
        for q in &a.quotes {
            spans.extend(q.parts.iter().map(|p| ("quote", p.start, p.end)));
        }
        for (layer, s, e) in &spans {
            assert!(s < e && *e <= a.text.len(), "{prefix} {layer} {s}..{e}");
            assert!(a.text.is_char_boundary(*s) && a.text.is_char_boundary(*e));
        }
        for layer in ["block", "entity", "quote"] {
            let mut l: Vec<_> = spans.iter().filter(|x| x.0 == layer).collect();
            l.sort_by_key(|x| x.1);
            for w in l.windows(2) {
                assert!(
                    w[0].2 <= w[1].1,
                    "{prefix}: {layer}s overlap: {:?} {:?}",
                    w[0],
                    w[1]
                );
            }
        }
        for e in &a.entities {
            for q in a.quotes.iter().flat_map(|q| q.parts.iter()) {
                let crosses =
                    e.start < q.end && q.start < e.end && !(q.start <= e.start && e.end <= q.end);
                assert!(!crosses, "{prefix}: entity {:?} crosses a quote", e.text);
            }
        }
        let opts = Options {
            offsets: article_inspector::OffsetUnit::Utf16,
            ..Options::default()
        };
        let text = a.text.clone();
        let u = analyze(&text, &opts).unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (e8, e16) in a.entities.iter().zip(&u.entities) {
            assert_eq!(
                String::from_utf16(&utf16[e16.start..e16.end]).unwrap(),
                e8.text
            );
        }
    }
}

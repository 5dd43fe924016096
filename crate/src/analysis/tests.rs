//! The pipeline's tests, through [`analyze`].

use super::*;

#[test]
fn the_readers_names_overrule_the_model_and_the_rules() {
    let text = "Harbour town votes\n\nPORT ELLIS — The council of Port Ellis voted on \
                Tuesday. “We will build it,” said Mayor Helen Okafor of Port Ellis. The \
                Port Ellis Gazette Company reported the vote.";
    let names = vec![
        UserName {
            text: "Port Ellis".into(),
            kind: Some(EntityKind::Place),
        },
        UserName {
            text: "Harbour".into(),
            kind: None,
        },
    ];
    let a = analyze(
        text,
        &Options {
            names,
            ..Options::default()
        },
    )
    .unwrap();
    let ellis: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.text.eq_ignore_ascii_case("Port Ellis"))
        .collect();
    assert_eq!(ellis.len(), 3);
    for e in ellis {
        assert_eq!(e.kind, EntityKind::Place);
        assert_eq!(e.why, "in your list of names");
    }
    assert!(
        !a.entities.iter().any(|e| e.text == "Harbour"),
        "not a name"
    );
    // A longer name holding the reader's stays whole.
    let whole = |e: &&crate::types::Entity| e.text == "Port Ellis Gazette Company";
    assert_eq!(
        a.entities.iter().filter(whole).count(),
        1,
        "{:?}",
        a.entities
    );
    let c = a.clusters.iter().find(|c| c.name == "Port Ellis").unwrap();
    assert_eq!((c.kind, c.mentions), (EntityKind::Place, 3));
    // The rest is as before: the mayor speaks.
    assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Helen Okafor");
}

/// German capitalises every noun: names need evidence beyond the capital there, and the
/// same kind of text in English keeps the tagger's reading.
#[test]
fn a_place_that_speaks_is_one_entity_read_two_ways() {
    let text = "Diplomats from six countries arrived in Iran on Monday for talks.\n\n\
                \"We will allow inspectors back within a month,\" Iran said on Tuesday.\n\n\
                Officials in Iran have not said when the inspectors would arrive.";
    let a = analyze(text, &Options::default()).unwrap();
    let iran: Vec<&Cluster> = a.clusters.iter().filter(|c| c.name == "Iran").collect();
    assert_eq!(iran.len(), 1, "{:#?}", a.clusters);
    assert_eq!(iran[0].kind, EntityKind::Place);
    assert_eq!(iran[0].also_kinds, vec![EntityKind::Org]);
    assert_eq!(iran[0].quotes, 1);
    assert_eq!(a.stats.sources, 1, "a place that speaks is a source");
    // The cluster's kind is the type most of its mentions take, the other its reading.
    let mention = |i: usize, kind| Entity {
        start: i * 10,
        end: i * 10 + 4,
        text: "Iran".into(),
        kind,
        id: Some(1),
        why: String::new(),
    };
    let mentions = [
        mention(0, EntityKind::Org),
        mention(1, EntityKind::Place),
        mention(2, EntityKind::Place),
    ];
    let mut clusters = vec![Cluster {
        kind: EntityKind::Org,
        ..iran[0].clone()
    }];
    entities::set_readings(&mut clusters, &mentions);
    assert_eq!(clusters[0].kind, EntityKind::Place);
    assert_eq!(clusters[0].also_kinds, vec![EntityKind::Org]);
    // An acronym typed ORG and its name typed MISC: one organisation, no second reading.
    let acronym = [mention(0, EntityKind::Org), mention(1, EntityKind::Misc)];
    entities::set_readings(&mut clusters, &acronym);
    assert!(clusters[0].also_kinds.is_empty());
}

#[test]
fn german_nouns_are_not_names() {
    let text = "Bundeskanzler Olaf Scholz hat am Dienstag in Berlin mit dem französischen \
                Präsidenten Emmanuel Macron über die Lage in der Ukraine gesprochen. Die \
                Regierung plant neue Hilfen für die Wirtschaft, weil die Preise für Energie \
                und Geld stark gestiegen sind. Das Geld soll aus dem Haushalt kommen, \
                erklärte Finanzminister Christian Lindner.";
    let a = analyze(text, &Options::default()).unwrap();
    assert_eq!(a.language.as_deref(), Some("de"));
    let names: Vec<(&str, EntityKind)> = a
        .entities
        .iter()
        .filter(|e| e.kind.is_name())
        .map(|e| (e.text.as_str(), e.kind))
        .collect();
    for want in [
        ("Olaf Scholz", EntityKind::Person),
        ("Emmanuel Macron", EntityKind::Person),
        ("Christian Lindner", EntityKind::Person),
        ("Berlin", EntityKind::Place),
        ("Ukraine", EntityKind::Place),
    ] {
        assert!(names.contains(&want), "{want:?} not in {names:?}");
    }
    for noun in [
        "Dienstag",
        "Regierung",
        "Energie",
        "Geld",
        "Das Geld",
        "Haushalt",
    ] {
        assert!(!names.iter().any(|n| n.0 == noun), "{noun} in {names:?}");
    }
}

#[test]
fn empty_and_whitespace_inputs_give_empty_analyses() {
    for input in ["", "   \n\n\t", "\u{FEFF}"] {
        let a = analyze(input, &Options::default()).unwrap();
        assert!(a.blocks.is_empty() && a.entities.is_empty() && a.quotes.is_empty());
    }
}

#[test]
fn binary_and_huge_inputs_are_refused_with_a_reason() {
    let bin = "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}PNG\u{3}\u{4}";
    assert_eq!(analyze(bin, &Options::default()), Err(Error::Binary));
    // A few NUL bytes in a real page are dropped, with a warning.
    let a = analyze("A page\0 with a NUL.", &Options::default()).unwrap();
    assert_eq!(a.text, "A page with a NUL.");
    assert!(
        a.warnings[0].contains("1 control character "),
        "{:?}",
        a.warnings
    );
    let big = "a".repeat(MAX_INPUT_BYTES + 1);
    let err = analyze(&big, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }));
    // The page's words for the same limit.
    assert!(err.to_string().contains("the limit is 20 MB"), "{err}");
}

#[test]
fn the_readers_overrides_win_and_quotes_follow() {
    let text = "Skip to main content\n\n“We will win,” Jane Smith said on Tuesday at the rally in the town square.\n\nCopyright 2026 Example News";
    let a = analyze(text, &Options::default()).unwrap();
    assert!(a.blocks[0].boilerplate && !a.blocks[1].boilerplate && a.blocks[2].boilerplate);
    assert_eq!(a.quotes.len(), 1);
    let o = Options {
        keep: vec![2],
        drop: vec![1, 99],
        ..Options::default()
    };
    let b = analyze(text, &o).unwrap();
    assert!(!b.blocks[2].boilerplate && b.blocks[1].boilerplate);
    assert!(b.blocks[1].why.ends_with("(removed by the reader)"));
    assert_eq!(b.clean_text, "Copyright 2026 Example News");
    assert!(b.quotes.is_empty(), "quotes of a removed block go with it");
    let t = analyze("Big news about the harbour today\n\nThe council said on Tuesday that the harbour wall would be rebuilt next year at a cost of millions.", &Options::default()).unwrap();
    assert!(t.title.is_some());
    let t = analyze(
        &t.text,
        &Options {
            drop: vec![0],
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(t.title, None, "a title the reader removed is no title");
}

#[test]
fn a_title_the_page_never_shows_gives_way_to_the_headline_it_shows() {
    let para = "<p>The council voted on Tuesday to rebuild the harbour wall, which was damaged \
        in the winter storms, at a cost of four million pounds, officials said.</p>";
    let page = |title: &str, shown: &str| {
        format!(
            "<html><head><meta property=\"og:title\" content=\"{title}\"></head><body>\
             <h2>Harbour wall to be rebuilt</h2>{para}{para}<p>{shown}</p>{para}</body></html>"
        )
    };
    let a = analyze(&page("Example Gazette", ""), &Options::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("Harbour wall to be rebuilt"));
    // A title the page shows somewhere, in any case, stays.
    let a = analyze(
        &page("Example Gazette", "EXAMPLE  GAZETTE"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("Example Gazette"));
}

#[test]
fn html_input_is_read_inertly() {
    let html = "<html><body><script>document.write('x')</script><h1>Big news today here</h1>\
        <p>“We will win,” Jane Smith said on Tuesday in a long speech to the party faithful.</p>\
        <img src='http://example.com/track.gif'></body></html>";
    let a = analyze(html, &Options::default()).unwrap();
    assert_eq!(a.format, Format::Html);
    assert!(!a.text.contains("document.write"));
    assert_eq!(a.title.as_deref(), Some("Big news today here"));
    assert_eq!(a.quotes[0].speaker.as_ref().unwrap().name, "Jane Smith");
}

#[test]
fn soft_hyphens_are_left_out_of_the_text() {
    let para = "Die For\u{ad}sche\u{ad}rin Ann Kiess\u{ad}ling hat am Dienstag in Boston \
                einen Preis erhalten, sagte eine Sprecherin der Universität.";
    for input in [
        para.to_string(),
        format!("<html><body><p>{para}</p></body></html>"),
    ] {
        let a = analyze(&input, &Options::default()).unwrap();
        assert!(
            a.text.contains("Forscherin Ann Kiessling hat"),
            "{}",
            a.text
        );
        assert!(!a.text.contains('\u{ad}'));
    }
}

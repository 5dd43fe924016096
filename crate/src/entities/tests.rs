//! The entity stage's tests of names, types, dates and clusters, through [`find`].

use super::clusters::initials;
use super::*;

fn ents(text: &str) -> Vec<(String, EntityKind)> {
    let doc = Document::new(text);
    find(&doc, &[], &[], None)
        .entities
        .into_iter()
        .map(|e| (e.text, e.kind))
        .collect()
}

fn has(text: &str, name: &str, kind: EntityKind) {
    let e = ents(text);
    assert!(
        e.iter().any(|(t, k)| t == name && *k == kind),
        "{name} as {kind:?} not in {e:?}"
    );
}

#[test]
fn names_and_dates_run_across_the_lines_of_one_block_not_across_blocks() {
    // One hard-wrapped paragraph (one block over two lines), then a new block.
    let text =
        "The council met Prime Minister Jacinda\nArdern on 5\nMarch 2024 in Wellington.\nMonday";
    let end = text.rfind('\n').unwrap();
    let doc = Document::with_blocks(
        text,
        vec![Span::new(0, end), Span::new(end + 1, text.len())],
    );
    let e: Vec<(String, EntityKind)> = find(&doc, &[], &[], None)
        .entities
        .into_iter()
        .map(|e| (e.text, e.kind))
        .collect();
    assert!(
        e.iter()
            .any(|(t, k)| t == "Jacinda\nArdern" && *k == EntityKind::Person),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|(t, k)| t == "5\nMarch 2024" && *k == EntityKind::Date),
        "{e:?}"
    );
    assert!(
        !e.iter()
            .any(|(t, _)| t.contains("Monday") && t.contains("Wellington")),
        "{e:?}"
    );
}

#[test]
fn the_longest_title_fits_title_words() {
    assert!(LEX.title_max_words <= TITLE_WORDS);
}

#[test]
fn titles_are_cues_not_names() {
    let t = "Iran's Ambassador Gholamali Khoshroo slammed the meeting.";
    has(t, "Gholamali Khoshroo", EntityKind::Person);
    has(t, "Iran", EntityKind::Place);
    let t = "Turkish Foreign Minister Mevlut Cavusoglu joined in.";
    has(t, "Turkish", EntityKind::Group);
    has(t, "Mevlut Cavusoglu", EntityKind::Person);
    has(
        "He met Dr. Jocellyne Scutt on Friday.",
        "Jocellyne Scutt",
        EntityKind::Person,
    );
    has(
        "British ambassador Matthew Rycroft said so.",
        "Matthew Rycroft",
        EntityKind::Person,
    );
}

#[test]
fn organisations_and_acronyms() {
    let t = "the National Council of Resistance of Iran (NCRI) said. Later the NCRI met.";
    let doc = Document::new(t);
    let layer = find(&doc, &[], &[], None);
    let ncri: Vec<_> = layer
        .entities
        .iter()
        .filter(|e| e.text.contains("NCRI") || e.text.starts_with("National"))
        .collect();
    assert_eq!(ncri.len(), 3, "{:?}", layer.entities);
    assert!(ncri.iter().all(|e| e.id == ncri[0].id));
    assert_eq!(
        layer.cluster(ncri[0].id.unwrap()).unwrap().name,
        "National Council of Resistance of Iran"
    );
}

#[test]
fn surname_joins_full_name() {
    let t =
        "“No,” said Khoshroo. Later Gholamali Khoshroo, the ambassador, left. Mr. Khoshroo smiled.";
    let doc = Document::new(t);
    let layer = find(&doc, &[], &[], None);
    let ids: Vec<_> = layer
        .entities
        .iter()
        .filter(|e| e.text.contains("Khoshroo"))
        .map(|e| e.id)
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|i| *i == ids[0]));
}

/// A surname that is also a place, a particle opening a sentence, another apostrophe:
/// the same person.
#[test]
fn a_surname_in_another_form_joins_its_full_name() {
    let t = "Rep. Jim Jordan, an oversight panel member, spoke. Later Jordan said more.\n\n\
             Mayor Bill de Blasio described it. De Blasio said it was an attack.\n\n\
             Police Commissioner James O’Neill came. O'Neill said little.";
    let doc = Document::new(t);
    let layer = find(&doc, &[], &[], None);
    for (full, short) in [
        ("Jim Jordan", "Jordan"),
        ("Bill de Blasio", "De Blasio"),
        ("James O’Neill", "O'Neill"),
    ] {
        let id = |text: &str| {
            let e = layer.entities.iter().find(|e| e.text == text);
            e.unwrap_or_else(|| panic!("no {text}: {:?}", layer.entities))
                .id
        };
        assert_eq!(id(full), id(short), "{short}: {:?}", layer.entities);
    }
}

/// A headline's clause in capitals is no name; a name in capitals is.
#[test]
fn a_clause_in_capitals_is_no_name() {
    let doc = Document::new(
        "TRUMP'S DOCTOR: CONGRESS HAS INVESTIGATED HIM\n\nThe BANK OF AMERICA said so.",
    );
    let layer = find(&doc, &[], &[], None);
    assert!(
        layer.entities.iter().all(|e| !e.text.contains("HAS")),
        "{:?}",
        layer.entities
    );
}

#[test]
fn a_role_set_off_before_a_name() {
    let doc = Document::new(
        "The ambassador of Maranthia to the Council, Ines Calloway, warned on Friday that \
         the talks could fail. Later the ambassador said more.",
    );
    let layer = find(&doc, &[], &[], None);
    let c = layer
        .clusters
        .iter()
        .find(|c| c.name == "Ines Calloway")
        .expect("a cluster");
    assert_eq!(c.roles, vec!["ambassador".to_string()]);
}

#[test]
fn party_words_and_lone_titles_are_no_names() {
    let doc = Document::new(
        "Republican Donald Trump said the race was close. \"Mr. President, will you \
         pledge it?\" a reporter asked. \"Not now,\" said Del. Stacey Plaskett. Larry \
         King listened. \"Never,\" Mr. King said.",
    );
    let layer = find(&doc, &[], &[], None);
    let people: Vec<&str> = layer
        .clusters
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(people, ["Donald Trump", "Stacey Plaskett", "Larry King"]);
}

#[test]
fn numbers_and_dates() {
    let t = "On 19 December 2017, 22 people and $5 million, 40% of it, at 10:30 am. [27]";
    has(t, "19 December 2017", EntityKind::Date);
    has(t, "22", EntityKind::Number);
    has(t, "$5 million", EntityKind::Money);
    has(t, "40%", EntityKind::Percent);
    has(t, "10:30 am", EntityKind::Time);
    assert!(!ents(t).iter().any(|(x, _)| x == "27"));
    // A month and year after a preposition are one date.
    has(
        "The tower was seen most recently in August 2022.",
        "August 2022",
        EntityKind::Date,
    );
}

#[test]
fn datelines_bylines_and_ordinary_first_words() {
    let t = "Harbour town votes for a wall\nBy Jane Okafor, Coastal Affairs Reporter\n\
             PORT KELLAN, 14 March 2026 - The council of Port Kellan voted. \
             The harbour was closed. Opposition members met the Harbour Trust.";
    let e = ents(t);
    has(t, "PORT KELLAN", EntityKind::Place);
    has(t, "Port Kellan", EntityKind::Place);
    has(t, "Jane Okafor", EntityKind::Person);
    for w in ["Harbour", "Coastal", "KELLAN", "Coastal Affairs Reporter"] {
        assert!(!e.iter().any(|(x, _)| x == w), "{w} in {e:?}");
    }
    // Not datelines: a capitals headline, an acronym before prose.
    assert_eq!(dateline_of("SOCCER - JAPAN GET LUCKY WIN"), None);
    assert_eq!(
        dateline_of("NASA, the space agency, said so - again."),
        None
    );
    assert_eq!(dateline_of("LONDON - Prices rose."), Some("LONDON".into()));
    // A clause in capitals opening a section is no place.
    assert_eq!(
        dateline_of("CONGRESS HAS INVESTIGATED HIM — his advice earned attention."),
        None
    );
    // A title the tagger takes into a person's name is left out of it.
    let t = "“We cannot wait,” said Mayor Helen Okafor, who proposed the plan.";
    has(t, "Helen Okafor", EntityKind::Person);
    assert!(!ents(t).iter().any(|(x, _)| x.starts_with("Mayor")));
}

fn dateline_of(t: &str) -> Option<String> {
    let doc = Document::new(t);
    let s = &doc.sentences[0];
    dateline(&doc, s).map(|j| doc.text[s.start..doc.tokens[j - 1].end].to_string())
}

#[test]
fn model_finds_clubs_and_says_why() {
    let t = "Manchester United beat Chelsea 2-1 on Saturday, said coach Alex Ferguson.";
    has(t, "Manchester United", EntityKind::Org);
    has(t, "Chelsea", EntityKind::Org);
    has(t, "Alex Ferguson", EntityKind::Person);
    let doc = Document::new(t);
    let layer = find(&doc, &[], &[], None);
    let mu = layer
        .entities
        .iter()
        .find(|e| e.text == "Manchester United");
    assert!(mu.unwrap().why.starts_with("statistical tagger"), "{mu:?}");
    // "the" is not part of a name; a reporting verb opening a sentence is not either.
    has(
        "The Environment Agency said so.",
        "Environment Agency",
        EntityKind::Org,
    );
    has("Said Ellis: “No.”", "Ellis", EntityKind::Person);
}

#[test]
fn initials_spell_acronyms() {
    assert_eq!(initials("National Council of Resistance of Iran"), "NCRI");
    assert_eq!(initials("Mojahedin-e Khalq"), "MEK");
    assert_eq!(initials("People's Mojahedin Organization of Iran"), "PMOI");
}

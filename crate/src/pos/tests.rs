//! Tests of the shipped model: they fail if the weights or the features break.

use super::*;

/// The (word, UPOS, XPOS) of every token of `text`.
fn tagged(text: &str) -> Vec<(String, &'static str, &'static str)> {
    let d = Document::new(text);
    let t = tag(&d);
    assert_eq!(t.len(), d.tokens.len());
    (0..d.tokens.len())
        .map(|i| (d.tok(i).to_string(), t[i].upos.as_str(), t[i].xpos))
        .collect()
}

fn tag_of(text: &str, word: &str) -> (&'static str, &'static str) {
    let t = tagged(text);
    let (_, u, x) = t.iter().find(|(w, _, _)| w == word).expect("word in text");
    (*u, *x)
}

#[test]
fn states_the_verb_and_the_noun() {
    assert_eq!(tag_of("She states the facts.", "states"), ("VERB", "VBZ"));
    assert_eq!(tag_of("The United States is large.", "States").0, "PROPN");
    assert_eq!(
        tag_of("Several of the states voted.", "states"),
        ("NOUN", "NNS")
    );
    assert_eq!(
        tag_of("He notes that the notes were lost.", "notes"),
        ("VERB", "VBZ")
    );
}

#[test]
fn punctuation_numbers_and_addresses() {
    let t = tagged("“Yes,” he said (on 12 May), see www.example.com.");
    let upos = |w: &str| -> Vec<&str> { t.iter().filter(|x| x.0 == w).map(|x| x.1).collect() };
    for w in ["“", "”", ",", "(", ")"] {
        assert!(upos(w).iter().all(|u| *u == "PUNCT"), "{w}: {:?}", upos(w));
    }
    assert_eq!(t.last().unwrap().1, "PUNCT");
    assert_eq!(upos("12"), ["NUM"]);
    assert_eq!(upos("said"), ["VERB"]);
    // Every piece of the address takes the address's tag.
    let www = t.iter().position(|x| x.0 == "www").unwrap();
    for x in &t[www..t.len() - 1] {
        assert_eq!(x.2, "ADD", "{x:?}");
    }
}

#[test]
fn contractions_take_their_verb() {
    assert_eq!(tag_of("I don't know.", "don't").0, "AUX");
    assert_eq!(tag_of("They're late.", "They're").0, "PRON");
}

#[test]
fn gold_words_and_tokens_agree() {
    let words = ["She", "states", "the", "facts", "."];
    let a: Vec<Pos> = tag_words(&words);
    let d = Document::new("She states the facts.");
    assert_eq!(a, tag(&d));
}

#[test]
fn fast_path_matches_the_plain_scorer() {
    let text = "The council voted on Tuesday to build a €12 million sea wall after floods.";
    let words: Vec<&str> = text.split(' ').collect();
    let keys = keys_of(&words);
    let plain = tag_keys(&keys, &mut &*MODEL, None);
    assert_eq!(plain, Tagger::new(&MODEL).tag(&keys));
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    assert!(tag(&Document::new("")).is_empty());
    assert!(tag_words(&[]).is_empty());
    for text in [
        "😀😀 ?!",
        "東京は日本の首都です。",
        "Привет, мир",
        "a\u{301}--b ’’ ''",
        "x@y",
        "-",
    ] {
        let d = Document::new(text);
        assert_eq!(tag(&d).len(), d.tokens.len());
    }
}

#[test]
fn the_shipped_weights_load() {
    assert!(MODEL.entries() > 10_000);
}

#[cfg(not(target_arch = "wasm32"))]
mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_gets_one_tag_a_token(text in "\\PC{0,80}") {
            let d = Document::new(&text);
            prop_assert_eq!(tag(&d).len(), d.tokens.len());
        }
    }
}

#[test]
fn words_tagged_in_a_window_as_in_their_sentence() {
    let text = "Several of the states voted. In a long note on the budget, she notes that \
                the questions the council raised were answered, and the mayor claims the \
                works will start. His claims drew scrutiny.";
    let d = Document::new(text);
    let whole = tag(&d);
    let of_interest: Vec<usize> = (0..d.tokens.len())
        .filter(|&i| matches!(d.tok(i), "states" | "notes" | "questions" | "claims"))
        .collect();
    assert_eq!(of_interest.len(), 5);
    let around = tag_around(&d, &of_interest);
    for &i in &of_interest {
        assert_eq!(around[i], Some(whole[i]), "{}", d.tok(i));
    }
    // Only the windows are tagged: "long" is far from every word of interest.
    let long = (0..d.tokens.len()).find(|&i| d.tok(i) == "long").unwrap();
    assert_eq!(around[long], None);
}

use super::*;
use crate::entities;

fn resolved(text: &str) -> Vec<(String, String)> {
    let doc = Document::new(text);
    let layer = entities::find(&doc, &[], &[], Some("en"));
    resolve(&doc, &layer, &crate::quotes::Marks::find(&doc), &|_| false)
        .into_iter()
        .map(|r| {
            let name = layer.cluster(r.cluster).unwrap().name.clone();
            (doc.tok(r.token).to_string(), name)
        })
        .collect()
}

#[test]
fn every_feature_name_is_known_once() {
    for (k, name) in FEATURES.iter().enumerate() {
        assert_eq!(FEATURES.iter().position(|n| n == name), Some(k), "{name}");
    }
    assert_eq!(model::MODEL.weights.len(), FEATURES.len());
}

#[test]
fn the_weights_file_round_trips() {
    let m = model::MODEL.clone();
    assert_eq!(model::Model::parse(&m.write()), Some(m));
    assert_eq!(model::Model::parse("no_such_feature\t1.0\n"), None);
}

#[test]
fn a_pronoun_goes_to_a_person_of_its_gender() {
    let r = resolved("Maria Lopez met John Smith in Lisbon. She said the talks went well.");
    assert_eq!(r, [("She".to_string(), "Maria Lopez".to_string())]);
    let r = resolved("Maria Lopez met John Smith in Lisbon. He said the talks went well.");
    assert_eq!(r, [("He".to_string(), "John Smith".to_string())]);
}

#[test]
fn no_candidate_no_guess() {
    assert!(resolved("The council met on Tuesday. He said the talks went well.").is_empty());
    // Too far back: more than the window of sentences.
    let far = format!(
        "John Smith arrived.{} He left.",
        " It rained.".repeat(FAR_WINDOW as usize + 1)
    );
    assert!(resolved(&far).is_empty());
}

#[test]
fn her_before_a_noun_is_possessive() {
    let doc = Document::new("She saw her. Her plan");
    let cases: Vec<_> = (0..doc.tokens.len())
        .filter_map(|k| pronoun(&doc, k))
        .collect();
    assert_eq!(
        cases,
        [
            (Gender::Female, Case::Subject),
            (Gender::Female, Case::Object),
            (Gender::Female, Case::Possessive)
        ]
    );
}

#[test]
fn a_name_after_a_lowercase_word_is_not_the_subject() {
    // "Maranthia", an invented country, is read as a person's name; the ambassador is the
    // subject all the same.
    let text = "The ambassador of Maranthia to the Northern Isles Council, Ines Calloway, warned \
                on Friday that talks could fail.\nSpeaking to reporters, the ambassador said \
                both sides had stopped listening.\nShe said the talks would go on.";
    let r = resolved(text);
    let r: Vec<(&str, &str)> = r.iter().map(|(p, n)| (p.as_str(), n.as_str())).collect();
    // "the ambassador" (its role noun listed), by the role the text gave her; "She".
    assert_eq!(
        r,
        [("ambassador", "Ines Calloway"), ("She", "Ines Calloway")]
    );
}

#[test]
fn a_description_goes_to_the_person_given_its_role_and_party() {
    let text = "Democratic presidential nominee Hillary Clinton spoke first. Republican \
                presidential nominee Donald Trump spoke next. Later the Democratic nominee said \
                more, and the Vermont senator left.";
    let r = resolved(text);
    let r: Vec<(&str, &str)> = r.iter().map(|(p, n)| (p.as_str(), n.as_str())).collect();
    // "the Vermont senator": nobody was given the role, and neither is named more: no guess.
    assert_eq!(r, [("nominee", "Hillary Clinton")]);
}

#[test]
fn a_surname_that_is_also_a_given_name_gives_no_gender() {
    // "Clinton" is a man's given name too: the cluster of Hillary Clinton, first named
    // "Clinton", is no candidate for "he".
    let r = resolved("Clinton leads the race. Hillary Clinton spoke on Monday. He was not there.");
    assert!(r.is_empty(), "{r:?}");
    let r = resolved("Clinton leads the race. Hillary Clinton spoke on Monday. She was tired.");
    assert_eq!(r, [("She".to_string(), "Hillary Clinton".to_string())]);
}

#[test]
fn lowercase_role_words_before_a_name_open_the_sentence() {
    let doc = Document::new("Campaign communication director Jennifer Palmieri said it.");
    let layer = entities::find(&doc, &[], &[], Some("en"));
    let marks = crate::quotes::Marks::find(&doc);
    let state = State::new(&doc, &layer, &marks);
    let &(_, a, _) = state.persons.first().expect("a person");
    assert_eq!(doc.tok(a), "Jennifer");
    assert!(state.opens_sentence(a));
}

#[test]
fn a_form_of_address_is_no_one_a_pronoun_stands_for() {
    // "Honor" is tagged a person; the "he" of a court transcript is someone else.
    let r = resolved("Well, Your Honor, I do not think it matters whether he was found guilty.");
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_description_nobody_holds_goes_to_the_person_the_text_is_about() {
    // Named three times, and no one else twice: "the senator" is Bernie Sanders.
    let about = "Bernie Sanders spoke in Iowa. Sanders praised the crowd. Later Sanders met \
                 Jane Doe. Then the senator said the race was close.";
    let r = resolved(about);
    assert_eq!(r, [("senator".to_string(), "Bernie Sanders".to_string())]);
    // Two people named as often: no guess.
    let two = "Bernie Sanders met Ted Cruz. Sanders and Cruz spoke. Sanders left, then Cruz. \
               Then the senator said the race was close.";
    assert!(resolved(two).is_empty(), "{:?}", resolved(two));
    // Named only twice: too little to say the text is about him.
    let twice = "Bernie Sanders spoke in Iowa. Sanders left. Then the senator said no.";
    assert!(resolved(twice).is_empty());
    // A woman's role never goes to a man.
    let r = resolved(
        &about
            .replace("Bernie", "Michael")
            .replace("the senator", "the spokeswoman"),
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn a_description_of_one_party_never_goes_to_a_person_of_the_other() {
    let text = "Republican nominee Donald Trump spoke in Iowa. Trump praised the crowd. Trump \
                left. Later the Democratic front-runner said the race was close.";
    assert!(resolved(text).is_empty(), "{:?}", resolved(text));
    let r = resolved(&text.replace("Democratic", "GOP"));
    assert_eq!(
        r,
        [("front-runner".to_string(), "Donald Trump".to_string())]
    );
}

#[test]
fn a_description_is_not_the_person_its_own_sentence_names() {
    let text = "Donald Trump spoke in Iowa. Trump praised the crowd. Trump took on Jane Roe \
                after the front-runner said he was wrong.";
    assert!(resolved(text).iter().all(|(w, _)| w != "front-runner"));
}

//! The quote finder's test helpers, shared by the tests of each rule, and tests of shapes
//! that cross its rules.

pub(super) use super::marks::*;
pub(super) use super::*;
pub(super) use crate::entities;
pub(super) use crate::segment::Document;
pub(super) use crate::types::{Confidence, Quote, QuoteKind};

/// The quotes of `text` as the analysis finds them: [`find`], then [`speakers_go_on`].
pub(super) fn quotes(text: &str) -> Vec<Quote> {
    let doc = Document::new(text);
    let layer = entities::find(&doc, &[], &[], None);
    let marks = Marks::find(&doc);
    let mut pronouns = crate::coref::resolve(&doc, &layer, &marks, &|_| false);
    let article = vec![true; doc.blocks.len()];
    let mut quotes = find(&doc, &layer, &article, &marks, &pronouns);
    speakers_go_on(&doc, &layer, &marks, &mut quotes, &mut pronouns);
    quotes
}

pub(super) fn assert_quote(text: &str, starts_with: &str, speaker: Option<&str>, kind: QuoteKind) {
    let qs = quotes(text);
    let q = qs
        .iter()
        .find(|q| {
            q.text
                .trim_start_matches(['"', '“', '”', '‘', '\'', '`', ' '])
                .starts_with(starts_with)
        })
        .unwrap_or_else(|| panic!("no quote starting {starts_with:?} in {qs:#?}"));
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        speaker,
        "{q:#?}"
    );
    assert_eq!(q.kind, kind, "{q:#?}");
}

/// The quote of `text` holding `words` has a speaker that names no entity: a description
/// left as written.
pub(super) fn assert_unresolved(text: &str, words: &str) {
    let qs = quotes(text);
    let q = qs.iter().find(|q| q.text.contains(words)).unwrap();
    assert_eq!(q.speaker.as_ref().unwrap().entity, None, "{q:#?}");
}

/// The speaker's resolved name and the in-text mention it was attributed through.
pub(super) fn assert_mention(text: &str, starts_with: &str, name: &str, mention: &str) {
    let qs = quotes(text);
    let q = qs
        .iter()
        .find(|q| {
            q.kind != QuoteKind::Indirect
                && q.text
                    .trim_start_matches(['"', '“', '”', '‘', '\'', '`', ' '])
                    .starts_with(starts_with)
        })
        .unwrap_or_else(|| panic!("no quote starting {starts_with:?} in {qs:#?}"));
    let s = q
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("no speaker: {q:#?}"));
    assert_eq!(
        (s.name.as_str(), s.text.as_str()),
        (name, mention),
        "{q:#?}"
    );
}

/// The reported statement starting with `content`, and its speaker mention's text.
pub(super) fn reported(text: &str, content: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.text.starts_with(content))
        .and_then(|q| q.speaker.map(|s| s.text))
}

#[test]
fn more_attribution_shapes() {
    // "read" reports after a quote.
    assert_mention(
        "“We see charter schools offering hope to parents,” the letter reads.",
        "We see",
        "the letter",
        "the letter",
    );
    // The subject before an apposition.
    assert_mention(
        "Chris Dalton, who has campaigned for Ted Marsh since June, blasted Vera Lind as a \
         “disgrace” on the radio.",
        "disgrace",
        "Chris Dalton",
        "Chris Dalton",
    );
    // A participle opening the sentence belongs to the subject after its phrase.
    assert_mention(
        "John Hart was there.\n\nAfter saying her foot was “so swollen I could barely walk,” \
         she was taken to hospital.",
        "so swollen",
        "she",
        "she",
    );
    // A comma that closes the quote before the attribution.
    assert_mention(
        "The four “loopholes” he cited are “the ability to use losses,” The Hill reported.",
        "loopholes",
        "Hill",
        "Hill",
    );
    // A name and a colon open a headline. (This checks the attribution; finding the name
    // is the tagger's part, and since issue 15's retraining it cuts "Rush Limbaugh" in
    // headline case to "Rush".)
    assert_mention(
        "Sean Lindgren: Hillary Asking Moderator To Fact Check ‘Reeks of Fear.’",
        "Reeks",
        "Sean Lindgren",
        "Sean Lindgren",
    );
    // "who in 2010 said", past an apposition.
    assert_mention(
        "Obama has had a frosty relationship with Mitch Connell, now the Senate majority \
         leader, who in 2010 said the goal was to make Obama a \"one-term president.\"",
        "one-term",
        "Mitch Connell",
        "who",
    );
}

/// A nickname in quotation marks inside a person's name is the name's, not a quote.
#[test]
fn a_nickname_in_a_name_is_no_quote() {
    let text = "\"We have his back,\" state Del. Marcia \"Cia\" Price shouted to the crowd.";
    let found: Vec<String> = quotes(text).into_iter().map(|q| q.text).collect();
    assert_eq!(found, ["\"We have his back,\""]);
}

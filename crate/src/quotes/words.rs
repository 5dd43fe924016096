//! The closed word lists the quote finder reads: speaker pronouns, description nouns, words
//! between a subject and its verb, prepositions, speech nouns.

use crate::coref::descriptions::is_person_noun;
use crate::lexicon::{with_lower, Gender};

/// Pronouns that can name a speaker, with the gender they imply.
pub(super) fn pronoun(w: &str) -> Option<Gender> {
    with_lower(w, |l| match l {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    })
}

/// Pronouns that name a speaker without a gender: "it said", "they said", "we", "I".
pub(super) const GENDERLESS_PRONOUNS: &[&str] = &["it", "It", "they", "They", "we", "We", "I"];

/// A pronoun that can stand for a speaker, gendered ([`pronoun`]) or not.
pub(super) fn is_pronoun_word(w: &str) -> bool {
    pronoun(w).is_some() || GENDERLESS_PRONOUNS.contains(&w)
}

/// Nouns that describe a speaker without naming them: a person's role ("the spokesman",
/// [`is_person_noun`]), people ("officials", "aides"), and the bodies and documents that
/// speak too ("the ruling said", "the letter reads").
pub(super) fn is_description_noun(w: &str) -> bool {
    with_lower(w, |lw| {
        is_person_noun(lw)
            || matches!(
                lw,
                "officials"
                    | "source"
                    | "sources"
                    | "statement"
                    | "ministry"
                    | "government"
                    | "police"
                    | "report"
                    | "letter"
                    | "ruling"
                    | "study"
                    | "poll"
                    | "survey"
                    | "complaint"
                    | "lawsuit"
                    | "memo"
                    | "article"
                    | "clip"
                    | "video"
                    | "ad"
                    | "post"
                    | "tweet"
                    | "email"
                    | "filing"
                    | "analysis"
                    | "finding"
                    | "findings"
                    | "campaign"
                    | "administration"
                    | "court"
                    | "agency"
                    | "committee"
                    | "aides"
                    | "advisers"
                    | "supporters"
                    | "critics"
                    | "staffers"
                    | "voters"
                    | "residents"
                    | "members"
                    | "researchers"
                    | "organizers"
                    | "protesters"
                    | "lawyers"
                    | "attorneys"
                    | "book"
            )
    })
}

/// Words that may stand between a subject and its verb: "he would later say", "she has also
/// said".
pub(super) fn is_auxiliary_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "has"
            | "have"
            | "had"
            | "did"
            | "does"
            | "do"
            | "is"
            | "was"
            | "are"
            | "were"
            | "also"
            | "now"
            | "then"
            | "later"
            | "again"
            | "once"
            | "still"
            | "even"
            | "never"
            | "not"
            | "just"
            | "already"
            | "'s"
            | "’s"
            | "'d"
            | "’d"
            | "'ll"
            | "’ll"
    ) || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
        // A negated auxiliary: "didn't", "hasn’t", "won't".
        || ((w.ends_with("n't") || w.ends_with("n’t")) && w.chars().next().is_some_and(char::is_lowercase))
}

pub(super) fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "to" | "of"
            | "by"
            | "with"
            | "for"
            | "from"
            | "against"
            | "at"
            | "on"
            | "in"
            | "about"
            | "than"
            | "near"
    )
}

/// Nouns for what someone said: "Trump’s claim that …", "her promise to …".
pub(super) const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "remark",
    "remarks",
    "comment",
    "comments",
    "words",
    "assertion",
    "promise",
    "pledge",
    "vow",
    "warning",
    "description",
    "accusation",
    "suggestion",
    "argument",
    "contention",
    "insistence",
    "boast",
    "call",
    "demand",
    "tweet",
    "message",
    "slogan",
    "mantra",
    "characterization",
    "characterisation",
    "prediction",
    "admission",
    "charge",
    "allegation",
    "quip",
    "declaration",
];

//! The word lists and word tests the name rules read: connectors inside names, months and
//! weekdays, the heads that end place and event names, words never a name, and how common
//! or rare a word is in general English.

use super::*;

pub(super) const CONNECTORS: &[&str] = &[
    "al", "bin", "ibn", "bint", "da", "de", "del", "della", "der", "den", "des", "di", "dos", "du",
    "el", "la", "le", "van", "von", "y", "zu",
];

pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that end a place name ("Trafalgar Square", "Camp Liberty" starts with one).
pub(super) const PLACE_HEADS: &[&str] = &[
    "Airport",
    "Avenue",
    "Bay",
    "Camp",
    "Canal",
    "Cape",
    "Coast",
    "County",
    "Desert",
    "District",
    "Fort",
    "Gulf",
    "Port",
    "Island",
    "Islands",
    "Lake",
    "Mount",
    "Mountains",
    "Ocean",
    "Peninsula",
    "Province",
    "Region",
    "River",
    "Road",
    "Sea",
    "Square",
    "Strait",
    "Street",
    "Valley",
];

/// Words that end the name of an event, a law or an agreement ("Iraq War", "Paris Agreement").
pub(super) const EVENT_HEADS: &[&str] = &[
    "Accord",
    "Accords",
    "Act",
    "Agreement",
    "Championship",
    "Conference",
    "Convention",
    "Crisis",
    "Cup",
    "Deal",
    "Election",
    "Elections",
    "Festival",
    "Games",
    "Olympics",
    "Protocol",
    "Revolution",
    "Summit",
    "Treaty",
    "War",
    "Uprising",
];

/// Words that never start or are never a name on their own when capitalised.
pub(super) const NEVER_NAMES: &[&str] = &[
    "I", "Mr", "Mrs", "Ms", "Dr", "He", "She", "It", "They", "We", "You", "His", "Her", "Their",
    "Our", "My", "Its", "A", "An", "The", "This", "That", "These", "Those", "But", "And", "Or",
];

/// Capitalised words that never are (or open) a name: [`NEVER_NAMES`], weekdays and months,
/// in one set, asked of every capitalised word.
pub(super) static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [NEVER_NAMES, WEEKDAYS, MONTHS, MONTH_ABBREVIATIONS]
        .concat()
        .into_iter()
        .collect()
});

pub(super) fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// An ordinary English word (so its capitalised form at a sentence start is not a name).
pub(super) fn is_common(w: &str) -> bool {
    with_lower(w, |lower| {
        if frequent(lower) || LEX.is_stopword(lower) {
            return true;
        }
        // "Pro-Government", "Anti-War": a prefix and an ordinary word.
        if let Some((a, b)) = lower.split_once('-') {
            let prefix = matches!(
                a,
                "pro" | "anti" | "non" | "ex" | "post" | "pre" | "co" | "self"
            ) || frequent(a);
            return prefix && (frequent(b) || LEX.is_stopword(b));
        }
        false
    })
}

/// A lowercase word at least once in 100,000 words of general English (Zipf 4: "harbour",
/// "protest", "regime"; on the three name sets Zipf 4.5 and 5 measured no better).
pub(super) fn frequent(lower: &str) -> bool {
    english_words::zipf_band(lower) >= 8
}

/// A capital says more of a word that general English does not use often in lower case
/// ("Khoshroo", "Mojahedin"), in place of the counts of one tagged corpus.
pub(super) fn rare(w: &str) -> bool {
    with_lower(w, |l| english_words::zipf_band(l) == 0)
}

pub(super) fn in_gazetteer(w: &str) -> bool {
    let hit = |w: &str| {
        LEX.places.contains_key(w)
            || LEX.demonyms.contains_key(w)
            || LEX.organisations.contains_key(w)
            || LEX.given_names.contains_key(w)
    };
    hit(w) || (is_all_caps(w) && hit(&title_case(w)))
}

/// "NEW YORK" → "New York", "AL-ASSAD" → "Al-Assad": headlines and datelines in capitals.
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

/// Words that begin a sentence and are also capitalised elsewhere in the text: evidence that
/// a sentence-initial word is a name.
pub(super) fn mid_sentence_capitals<'a>(doc: &Document<'a>) -> HashSet<&'a str> {
    let mut set = HashSet::default();
    for s in &doc.sentences {
        let first_word = (s.tokens.0..s.tokens.1).find(|&i| doc.tokens[i].kind == TokenKind::Word);
        for i in s.tokens.0..s.tokens.1 {
            let w = doc.tok(i);
            if Some(i) != first_word
                && doc.tokens[i].kind == TokenKind::Word
                && word_is_cap(w)
                && !is_all_caps(w)
            {
                set.insert(w);
            }
        }
    }
    set
}

/// Languages (ISO 639-3, as `boilerplate::language::detect` names them) that capitalise every
/// noun ("die Regierung", "das Geld"): there a capital says little about a name, and the
/// statistical tagger, which learnt English, reads the nouns as people. Its mentions and the
/// rules' keep only those with evidence beyond the capital ([`names_with_evidence`]).
pub(super) const NOUNS_CAPITALISED: &[&str] = &["deu"];

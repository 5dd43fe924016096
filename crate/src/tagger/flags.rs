//! Word flags: what the lexicons, the word's spelling and its place in the document say about a
//! word, one bit each (`F_…`), looked up once per distinct word.

use super::*;

pub(super) const F_CAP: u32 = 1;
pub(super) const F_ALLCAPS: u32 = 1 << 1;
pub(super) const F_DIGIT: u32 = 1 << 2;
pub(super) const F_LOWER: u32 = 1 << 3;
pub(super) const F_PUNCT: u32 = 1 << 4;
pub(super) const F_GIVEN_M: u32 = 1 << 5;
pub(super) const F_GIVEN_F: u32 = 1 << 6;
pub(super) const F_GIVEN_U: u32 = 1 << 7;
pub(super) const F_SURNAME: u32 = 1 << 8;
pub(super) const F_COUNTRY: u32 = 1 << 9;
pub(super) const F_REGION: u32 = 1 << 10;
pub(super) const F_CITY: u32 = 1 << 11;
pub(super) const F_DEMONYM: u32 = 1 << 12;
pub(super) const F_GROUP: u32 = 1 << 13;
pub(super) const F_ORG: u32 = 1 << 14;
pub(super) const F_ORG_HEAD: u32 = 1 << 15;
pub(super) const F_TITLE: u32 = 1 << 16;
/// A common word of general English: its frequency band ([`zipf_band`]) is at least
/// [`COMMON_BAND`].
pub(super) const F_COMMON: u32 = 1 << 17;
pub(super) const F_STOP: u32 = 1 << 18;
pub(super) const F_SPEECH: u32 = 1 << 19;
pub(super) const F_CALENDAR: u32 = 1 << 20;
pub(super) const F_MID_CAPS: u32 = 1 << 21;
pub(super) const F_INITIAL: u32 = 1 << 22;
pub(super) const F_HEADLINE: u32 = 1 << 23;
pub(super) const F_HYPHEN: u32 = 1 << 24;
pub(super) const F_PERIOD: u32 = 1 << 25;
/// A capitalised word the same document also writes in lowercase ("Harbour" / "harbour").
pub(super) const F_LOWER_SEEN: u32 = 1 << 26;
/// A lowercase word that may be a name written in lowercase, as web text does ("chicago",
/// "tmobile"): its title case is a name the gazetteers know and it is not among the most
/// common words, or it is a word of letters general English does not use at all.
pub(super) const F_LOWER_NAME: u32 = 1 << 27;
/// The least frequency band of an `F_COMMON` word: Zipf 3.5, about the 15,000 most frequent
/// English words.
pub(super) const COMMON_BAND: u8 = 7;
pub(super) const N_FLAGS: u32 = 28;
/// The gazetteer flags [`F_LOWER_NAME`] reads.
pub(super) const NAME_FLAGS: u32 =
    F_GIVEN_M | F_GIVEN_F | F_GIVEN_U | F_SURNAME | F_COUNTRY | F_REGION | F_CITY | F_ORG;
/// Flags worth seeing on the neighbouring tokens.
pub(super) const CONTEXT_FLAGS: u32 = F_CAP
    | F_ALLCAPS
    | F_DIGIT
    | F_GIVEN_M
    | F_GIVEN_F
    | F_GIVEN_U
    | F_SURNAME
    | F_COUNTRY
    | F_CITY
    | F_DEMONYM
    | F_ORG_HEAD
    | F_TITLE
    | F_SPEECH
    | F_CALENDAR;

pub(super) const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// In [`WordFlags::exact`] only, never a feature: the word is one of [`Gaz::leads`] (so that
/// one lookup answers both).
pub(super) const LEAD: u32 = 1 << 31;

/// The lexicon flags of `w`, and whether it is one of [`Gaz::leads`].
pub(super) fn lexicon_flags(w: &str) -> (u32, bool) {
    let flags = &*WORD_FLAGS;
    if !flags.exact_first.holds(w) {
        return (0, false);
    }
    let f = flags.exact.get(w).copied().unwrap_or(0);
    (f & !LEAD, f & LEAD != 0)
}

/// A set of first bytes: a test that rejects, without hashing, the words no key of a map
/// starts like (most lowercase words, for the case-sensitive lexicon).
#[derive(Default)]
pub(super) struct FirstBytes([u64; 4]);

impl FirstBytes {
    pub(super) fn insert(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().first() {
            self.0[b as usize / 64] |= 1 << (b % 64);
        }
    }
    /// False only when no inserted key starts with `w`'s first byte (so `w` is none of them;
    /// the empty key is never inserted, nor is the empty word ever looked up).
    pub(super) fn holds(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.0[b as usize / 64] & (1 << (b % 64)) != 0)
    }
}

/// The lexicon flags of words, in one lookup each.
pub(super) struct WordFlags {
    /// Case-sensitive entries: given names, surnames, places, demonyms and groups,
    /// organisations, organisation words.
    pub(super) exact: HashMap<&'static str, u32>,
    /// The first bytes of `exact`'s keys.
    pub(super) exact_first: FirstBytes,
    /// Lowercase entries: `F_STOP`, `F_CALENDAR`, `F_SPEECH`, and `F_TITLE` for
    /// one-word titles.
    pub(super) lower: HashMap<&'static str, u32>,
}

pub(super) static WORD_FLAGS: LazyLock<WordFlags> = LazyLock::new(|| {
    let mut exact: HashMap<&'static str, u32> = HashMap::default();
    let mut add = |w: &'static str, f: u32| *exact.entry(w).or_default() |= f;
    for (w, g) in &LEX.given_names {
        add(
            w,
            match g {
                Gender::Male => F_GIVEN_M,
                Gender::Female => F_GIVEN_F,
                Gender::Unknown => F_GIVEN_U,
            },
        );
    }
    for w in &LEX.surnames {
        add(w, F_SURNAME);
    }
    for (w, k) in &LEX.places {
        add(
            w,
            match *k {
                "country" => F_COUNTRY,
                "region" => F_REGION,
                _ => F_CITY,
            },
        );
    }
    for (w, p) in &LEX.demonyms {
        add(w, if p.is_some() { F_DEMONYM } else { F_GROUP });
    }
    for w in LEX.organisations.keys() {
        add(w, F_ORG);
    }
    for w in &LEX.org_heads {
        add(w, F_ORG_HEAD);
    }
    for w in GAZ.leads.keys() {
        add(w, LEAD);
    }
    let mut exact_first = FirstBytes::default();
    for w in exact.keys() {
        assert!(!w.is_empty(), "an empty lexicon entry");
        exact_first.insert(w);
    }
    let mut lower: HashMap<&'static str, u32> = HashMap::default();
    let mut add = |w: &'static str, f: u32| *lower.entry(w).or_default() |= f;
    for w in &LEX.stopwords {
        add(w, F_STOP);
    }
    for w in CALENDAR {
        add(w, F_CALENDAR);
    }
    for w in LEX.speech_verbs.keys() {
        add(w, F_SPEECH);
    }
    for w in LEX.titles.keys() {
        add(w.as_str(), F_TITLE);
    }
    WordFlags {
        exact,
        exact_first,
        lower,
    }
});

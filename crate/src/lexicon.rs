//! The word lists the analyses consult, compiled into the crate.
//!
//! Each list is a plain UTF-8 file in `crate/data/` (one entry a line, TAB-separated fields,
//! `#` comments, a header naming its source and licence; see `crate/data/README.md`), parsed
//! once on first use into [`LEX`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Grammatical gender a name or title implies, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
    /// True when a referent of gender `self` can be called by a pronoun of gender `p`.
    pub fn compatible(self, p: Gender) -> bool {
        self == Gender::Unknown || p == Gender::Unknown || self == p
    }
}

/// A title or role word that may precede a name ("Ambassador", "Dr.", "Foreign Minister").
#[derive(Debug, Clone)]
pub struct Title {
    pub gender: Gender,
    /// Lowercase canonical role, or empty for pure honorifics ("Mr").
    pub role: String,
}

#[derive(Debug)]
pub struct Lexicon {
    pub given_names: HashMap<&'static str, Gender>,
    pub surnames: HashSet<&'static str>,
    /// Place name → "country" | "region" | "city".
    pub places: HashMap<&'static str, &'static str>,
    /// Demonym or group word → the place it belongs to (`None` for groups like "Muslims").
    pub demonyms: HashMap<&'static str, Option<&'static str>>,
    /// Organisation name or alias → canonical name.
    pub organisations: HashMap<&'static str, &'static str>,
    pub org_heads: HashSet<&'static str>,
    /// Lowercased title (one or more words) → what it says.
    pub titles: HashMap<String, Title>,
    /// Longest title in words.
    pub title_max_words: usize,
    /// Lowercase inflected form → lemma.
    pub speech_verbs: HashMap<&'static str, &'static str>,
    pub stopwords: HashSet<&'static str>,
}

/// Non-comment, non-empty lines of a data file, split on TAB.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn field(r: &[&'static str], i: usize) -> &'static str {
    r.get(i).copied().unwrap_or("")
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let titles: HashMap<String, Title> = rows(data_file!("titles.txt"))
        .map(|r| {
            let role = field(&r, 2);
            (
                r[0].to_lowercase(),
                Title {
                    gender: Gender::parse(field(&r, 1)),
                    role: if role == "-" {
                        String::new()
                    } else {
                        role.to_string()
                    },
                },
            )
        })
        .collect();
    let title_max_words = titles
        .keys()
        .map(|k| k.split([' ', '-']).count())
        .max()
        .unwrap_or(1);
    Lexicon {
        given_names: rows(data_file!("given_names.txt"))
            .map(|r| (r[0], Gender::parse(field(&r, 1))))
            .collect(),
        surnames: rows(data_file!("surnames.txt")).map(|r| r[0]).collect(),
        places: rows(data_file!("places.txt"))
            .map(|r| (r[0], field(&r, 1)))
            .collect(),
        demonyms: rows(data_file!("demonyms.txt"))
            .map(|r| {
                let p = field(&r, 1);
                (r[0], (!p.is_empty() && p != "-").then_some(p))
            })
            .collect(),
        organisations: rows(data_file!("organisations.txt"))
            .map(|r| {
                let c = field(&r, 1);
                (r[0], if c.is_empty() { r[0] } else { c })
            })
            .collect(),
        org_heads: rows(data_file!("org_heads.txt")).map(|r| r[0]).collect(),
        titles,
        title_max_words,
        speech_verbs: rows(data_file!("speech_verbs.txt"))
            .map(|r| (r[0], field(&r, 1)))
            .collect(),
        stopwords: rows(data_file!("stopwords.txt")).map(|r| r[0]).collect(),
    }
});

impl Lexicon {
    pub fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }
    /// The lemma of a reporting verb form ("told" → "tell").
    pub fn speech_verb(&self, word: &str) -> Option<&'static str> {
        if !SPEECH_VERB_SHAPES.may_hold(word) {
            return None;
        }
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            with_lower(word, |w| self.speech_verbs.get(w).copied())
        } else {
            self.speech_verbs.get(word).copied()
        }
    }
    pub fn title(&self, words_lower: &str) -> Option<&Title> {
        self.titles.get(words_lower)
    }
    /// The title spelled by `words` as written: lowercased, a final period dropped from each,
    /// joined by spaces ("Foreign", "Minister" → "foreign minister"; "Dr." → "dr").
    pub fn title_of(&self, words: &[&str]) -> Option<&Title> {
        // The key's first piece is the first word not empty without its period, its last
        // piece the last word's. Most words start and end no title: two set lookups, no key
        // built.
        let ok = |w: &str, (shapes, set): &(Shapes, HashSet<String>)| {
            let w = w.trim_end_matches('.');
            if !shapes.may_hold(w) {
                return false;
            }
            if w.is_ascii() {
                with_lower(w, |k| set.contains(k))
            } else {
                set.contains(&w.chars().flat_map(char::to_lowercase).collect::<String>())
            }
        };
        let first = words.iter().find(|w| !w.trim_end_matches('.').is_empty());
        if let (Some(first), Some(last)) = (first, words.last()) {
            if !ok(first, &TITLE_ENDS.0) || !ok(last, &TITLE_ENDS.1) {
                return None;
            }
        }
        let mut key = String::new();
        for w in words {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(w.trim_end_matches('.').chars().flat_map(char::to_lowercase));
        }
        self.titles.get(&key)
    }
}

/// The first and the last word of every title (words split at spaces), each set with its
/// [`Shapes`].
#[allow(clippy::type_complexity)]
static TITLE_ENDS: LazyLock<((Shapes, HashSet<String>), (Shapes, HashSet<String>))> =
    LazyLock::new(|| {
        let mut first = HashSet::default();
        let mut last = HashSet::default();
        for k in LEX.titles.keys() {
            first.insert(k.split(' ').next().unwrap_or("").to_string());
            last.insert(k.rsplit(' ').next().unwrap_or("").to_string());
        }
        let shapes = |set: &HashSet<String>| Shapes::of(set.iter().map(String::as_str));
        ((shapes(&first), first), (shapes(&last), last))
    });

static SPEECH_VERB_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::of(LEX.speech_verbs.keys().copied()));

/// A one-hash Bloom filter over the shapes of a list of lowercase words (first, second and
/// last letter, length): tells in a few instructions that most words are certainly not in
/// the list, before any lowercasing and hashing. The lookups it guards run on nearly every
/// token, and most tokens are in none of the lists.
pub struct Shapes {
    bits: Box<[u64; Shapes::WORDS]>,
}

impl Shapes {
    const WORDS: usize = 256;

    /// The filter bit of an ASCII word, read as lowercase.
    fn bit(w: &[u8]) -> usize {
        let (first, last) = (w[0] | 0x20, w[w.len() - 1] | 0x20);
        let second = w.get(1).map_or(0, |b| b | 0x20);
        let h = (u32::from(first) << 24 | u32::from(second) << 16 | u32::from(last) << 8)
            ^ w.len() as u32;
        (h.wrapping_mul(0x9E37_79B1) >> 18) as usize
    }

    pub fn of<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut bits = Box::new([0u64; Shapes::WORDS]);
        for w in words.filter(|w| !w.is_empty() && w.is_ascii()) {
            let k = Shapes::bit(w.as_bytes());
            bits[k / 64] |= 1 << (k % 64);
        }
        Shapes { bits }
    }

    /// False only when no entry equals `w` lowercased. An ASCII word keeps its length when
    /// lowercased (and `| 0x20` lowercases its letters; other bytes only ever make more
    /// words pass), and an ASCII word never equals an entry that is not ASCII; any other word
    /// may be in the list.
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        if w.is_empty() {
            return false;
        }
        if !w.is_ascii() {
            return true;
        }
        let k = Shapes::bit(w.as_bytes());
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }
}

/// Calls `f` with `w` in lowercase (as `str::to_lowercase` gives it), without allocating
/// when `w` has no uppercase letter or is short ASCII.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(w);
        }
        let mut buf = [0u8; 32];
        if let Some(b) = buf.get_mut(..w.len()) {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            // Still ASCII, so still UTF-8.
            return f(std::str::from_utf8(b).unwrap_or(w));
        }
    }
    f(&w.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list's [`Shapes`] never rules out one of its words, however capitalised.
    #[test]
    fn shapes_hold_every_entry() {
        let lists = [
            (
                &*SPEECH_VERB_SHAPES,
                LEX.speech_verbs.keys().copied().collect::<Vec<_>>(),
            ),
            (
                &TITLE_ENDS.0 .0,
                TITLE_ENDS.0 .1.iter().map(String::as_str).collect(),
            ),
            (
                &TITLE_ENDS.1 .0,
                TITLE_ENDS.1 .1.iter().map(String::as_str).collect(),
            ),
        ];
        for (shapes, words) in lists {
            for w in words {
                let title: String = w
                    .chars()
                    .take(1)
                    .flat_map(char::to_uppercase)
                    .chain(w.chars().skip(1))
                    .collect();
                for form in [w.to_string(), title, w.to_uppercase()] {
                    assert!(shapes.may_hold(&form), "{form}");
                }
            }
        }
        assert!(!SPEECH_VERB_SHAPES.may_hold("Qqq"));
        assert!(LEX.speech_verb("Said") == Some("say") && LEX.speech_verb("TOLD") == Some("tell"));
    }

    /// Every data file: sorted, no duplicate keys, no empty fields.
    #[test]
    fn data_files_are_sorted_and_unique() {
        let files: &[(&str, &str)] = &[
            ("given_names", data_file!("given_names.txt")),
            ("surnames", data_file!("surnames.txt")),
            ("places", data_file!("places.txt")),
            ("demonyms", data_file!("demonyms.txt")),
            ("organisations", data_file!("organisations.txt")),
            ("org_heads", data_file!("org_heads.txt")),
            ("titles", data_file!("titles.txt")),
            ("speech_verbs", data_file!("speech_verbs.txt")),
            ("stopwords", data_file!("stopwords.txt")),
        ];
        for (name, data) in files {
            let keys: Vec<&str> = rows(data).map(|r| r[0]).collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn lexicon_knows_the_basics() {
        assert_eq!(LEX.given_names.get("Maryam"), Some(&Gender::Female));
        assert_eq!(LEX.speech_verb("told"), Some("tell"));
        assert!(LEX.places.contains_key("Tehran"));
        assert!(LEX.demonyms.contains_key("Iranian"));
        assert!(LEX.title("ambassador").is_some());
        assert!(LEX.title("foreign minister").is_some());
        assert!(LEX.is_stopword("the"));
    }

    #[test]
    fn title_of_matches_the_written_words() {
        assert!(LEX.title_of(&["Foreign", "Minister"]).is_some());
        assert!(LEX.title_of(&["Dr."]).is_some());
        assert!(LEX.title_of(&["AMBASSADOR"]).is_some());
        assert!(LEX.title_of(&["Minister", "Foreign"]).is_none());
        assert!(LEX.title_of(&["Kinkel"]).is_none());
        assert!(LEX.title_of(&[]).is_none());
        for w in ["ABC", "Straße", "İstanbul", "ΟΔΟΣ", "x", &"Q".repeat(40)] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase());
        }
    }
}

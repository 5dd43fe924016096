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

/// How a token has been tagged in the entity training data (per-token type evidence).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenStats {
    pub per: u32,
    pub org: u32,
    pub loc: u32,
    pub misc: u32,
    pub other: u32,
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
    pub common_words: HashSet<&'static str>,
    pub entity_tokens: HashMap<&'static str, TokenStats>,
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
    let titles: HashMap<String, Title> = rows(include_str!("../data/titles.txt"))
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
        given_names: rows(include_str!("../data/given_names.txt"))
            .map(|r| (r[0], Gender::parse(field(&r, 1))))
            .collect(),
        surnames: rows(include_str!("../data/surnames.txt"))
            .map(|r| r[0])
            .collect(),
        places: rows(include_str!("../data/places.txt"))
            .map(|r| (r[0], field(&r, 1)))
            .collect(),
        demonyms: rows(include_str!("../data/demonyms.txt"))
            .map(|r| {
                let p = field(&r, 1);
                (r[0], (!p.is_empty() && p != "-").then_some(p))
            })
            .collect(),
        organisations: rows(include_str!("../data/organisations.txt"))
            .map(|r| {
                let c = field(&r, 1);
                (r[0], if c.is_empty() { r[0] } else { c })
            })
            .collect(),
        org_heads: rows(include_str!("../data/org_heads.txt"))
            .map(|r| r[0])
            .collect(),
        titles,
        title_max_words,
        speech_verbs: rows(include_str!("../data/speech_verbs.txt"))
            .map(|r| (r[0], field(&r, 1)))
            .collect(),
        stopwords: rows(include_str!("../data/stopwords.txt"))
            .map(|r| r[0])
            .collect(),
        common_words: rows(include_str!("../data/common_words.txt"))
            .map(|r| r[0])
            .collect(),
        entity_tokens: rows(include_str!("../data/entity_tokens.txt"))
            .map(|r| {
                let n = |i| field(&r, i).parse().unwrap_or(0);
                (
                    r[0],
                    TokenStats {
                        per: n(1),
                        org: n(2),
                        loc: n(3),
                        misc: n(4),
                        other: n(5),
                    },
                )
            })
            .collect(),
    }
});

impl Lexicon {
    pub fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }
    /// The lemma of a reporting verb form ("told" → "tell").
    pub fn speech_verb(&self, word: &str) -> Option<&'static str> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.speech_verbs.get(word.to_lowercase().as_str()).copied()
        } else {
            self.speech_verbs.get(word).copied()
        }
    }
    pub fn title(&self, words_lower: &str) -> Option<&Title> {
        self.titles.get(words_lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data file: sorted, no duplicate keys, no empty fields.
    #[test]
    fn data_files_are_sorted_and_unique() {
        let files: &[(&str, &str)] = &[
            ("given_names", include_str!("../data/given_names.txt")),
            ("surnames", include_str!("../data/surnames.txt")),
            ("places", include_str!("../data/places.txt")),
            ("demonyms", include_str!("../data/demonyms.txt")),
            ("organisations", include_str!("../data/organisations.txt")),
            ("org_heads", include_str!("../data/org_heads.txt")),
            ("titles", include_str!("../data/titles.txt")),
            ("speech_verbs", include_str!("../data/speech_verbs.txt")),
            ("stopwords", include_str!("../data/stopwords.txt")),
            ("common_words", include_str!("../data/common_words.txt")),
            ("entity_tokens", include_str!("../data/entity_tokens.txt")),
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
}

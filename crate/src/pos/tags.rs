//! The tag set: the 17 Universal POS tags, and the classes the model predicts, each one
//! (UPOS, Penn Treebank XPOS) pair seen at least 20 times in the training data.
//!
//! Predicting the pair in one decision keeps the two tags consistent (`VBZ` is never a `NOUN`)
//! and costs no more than predicting XPOS alone: the weights are sparse per class.

use serde::Serialize;

/// A Universal Dependencies part-of-speech tag (universaldependencies.org/u/pos).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

/// Every UPOS tag, in the order of [`Upos::as_str`]'s names sorted.
pub const ALL_UPOS: [Upos; 17] = [
    Upos::Adj,
    Upos::Adp,
    Upos::Adv,
    Upos::Aux,
    Upos::Cconj,
    Upos::Det,
    Upos::Intj,
    Upos::Noun,
    Upos::Num,
    Upos::Part,
    Upos::Pron,
    Upos::Propn,
    Upos::Punct,
    Upos::Sconj,
    Upos::Sym,
    Upos::Verb,
    Upos::X,
];

impl Upos {
    /// The tag as UD writes it: `"NOUN"`, `"PROPN"`…
    pub const fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag named `s` as UD writes it.
    pub fn parse(s: &str) -> Option<Upos> {
        ALL_UPOS.into_iter().find(|u| u.as_str() == s)
    }
}

impl From<Upos> for &'static str {
    fn from(u: Upos) -> &'static str {
        u.as_str()
    }
}

use Upos::*;

/// The model's classes, most frequent first (EWT train + GUM train).
pub const CLASSES: [(Upos, &str); 73] = [
    (Noun, "NN"),
    (Adp, "IN"),
    (Det, "DT"),
    (Adj, "JJ"),
    (Pron, "PRP"),
    (Propn, "NNP"),
    (Punct, "."),
    (Punct, ","),
    (Noun, "NNS"),
    (Adv, "RB"),
    (Verb, "VB"),
    (Cconj, "CC"),
    (Num, "CD"),
    (Verb, "VBN"),
    (Sconj, "IN"),
    (Verb, "VBD"),
    (Verb, "VBG"),
    (Aux, "VBZ"),
    (Part, "TO"),
    (Pron, "PRP$"),
    (Aux, "MD"),
    (Verb, "VBP"),
    (Aux, "VBP"),
    (Aux, "VBD"),
    (Verb, "VBZ"),
    (Part, "RB"),
    (Intj, "UH"),
    (Punct, ":"),
    (Aux, "VB"),
    (Punct, "-RRB-"),
    (Punct, "-LRB-"),
    (Pron, "DT"),
    (Pron, "WDT"),
    (Adv, "WRB"),
    (Punct, "``"),
    (Punct, "''"),
    (Adp, "RP"),
    (Punct, "HYPH"),
    (Pron, "WP"),
    (Part, "POS"),
    (Adj, "NNP"),
    (Propn, "NNPS"),
    (Pron, "NN"),
    (Adj, "JJR"),
    (Adj, "JJS"),
    (Pron, "EX"),
    (Adv, "RBR"),
    (Aux, "VBN"),
    (Sym, "SYM"),
    (Sym, "$"),
    (Det, "PDT"),
    (X, "FW"),
    (Aux, "VBG"),
    (Propn, "ADD"),
    (Punct, "NFP"),
    (Adv, "RBS"),
    (X, "GW"),
    (Det, "WDT"),
    (Verb, "NNP"),
    (Num, "LS"),
    (Sym, "NFP"),
    (Sym, "NN"),
    (Sym, ","),
    (Noun, "FW"),
    (X, "LS"),
    (X, "NN"),
    (Adv, "FW"),
    (Propn, "GW"),
    (X, "ADD"),
    (Pron, "WP$"),
    (X, "AFX"),
    (Adv, "IN"),
    (Punct, "SYM"),
];

/// Number of classes: the width of a weight row.
pub const N_CLASSES: usize = CLASSES.len();

/// History value of a tag before the start of a sentence.
pub const START: u8 = N_CLASSES as u8;

/// The class of a gold (UPOS, XPOS) pair: the pair itself, or for a pair too rare to be a
/// class, the most frequent class with the same UPOS (so the UPOS is always kept).
pub fn class_of(upos: Upos, xpos: &str) -> u8 {
    let exact = CLASSES.iter().position(|&(u, x)| u == upos && x == xpos);
    let same_upos = || CLASSES.iter().position(|&(u, _)| u == upos);
    exact.or_else(same_upos).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_unique_and_cover_every_upos() {
        for (i, a) in CLASSES.iter().enumerate() {
            assert!(!CLASSES[..i].contains(a), "{a:?} twice");
        }
        for u in ALL_UPOS {
            assert!(CLASSES.iter().any(|c| c.0 == u), "{u:?} has no class");
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
    }

    #[test]
    fn rare_pairs_keep_their_upos() {
        assert_eq!(CLASSES[class_of(Adv, "AFX") as usize], (Adv, "RB"));
        assert_eq!(CLASSES[class_of(Verb, "VBZ") as usize], (Verb, "VBZ"));
    }
}

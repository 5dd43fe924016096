//! Multi-word gazetteer names ("New York", "United Nations"): which word lengths to try after a
//! lead word, and the kind of a matched name.

use super::*;

/// A set of byte lengths, those of 127 bytes or more as one member: a test that rejects,
/// without hashing, a text as long as no entry.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Lengths(pub(super) u128);

impl Lengths {
    pub(super) const ALL: Lengths = Lengths(u128::MAX);
    pub(super) fn bit(len: usize) -> u128 {
        1 << len.min(127)
    }
    pub(super) fn insert(&mut self, len: usize) {
        self.0 |= Lengths::bit(len);
    }
    pub(super) fn holds(self, len: usize) -> bool {
        self.0 & Lengths::bit(len) != 0
    }
}

/// Kind of a multi-word gazetteer entry: 1 place, 2 organisation, 3 demonym.
pub(super) fn gazetteer_kind(text: &str) -> Option<u8> {
    if text.len() > GAZ.longest {
        return None;
    }
    GAZ.kinds.get(text).copied()
}

/// The gazetteers as the tagger reads them.
pub(super) struct Gaz {
    /// Entry → kind (1 place, 2 organisation, 3 demonym; the first when in several).
    pub(super) kinds: HashMap<&'static str, u8>,
    /// Every leading part of an entry that ends just before a character that is not
    /// alphanumeric ("New" of "New York", "St" of "St. Louis", "Al" of "Al-Qaeda"). A token
    /// ends just before such a character (or an alphanumeric one only when a lowercase letter
    /// meets a digit), so a run of tokens starting with a word `w` followed by such a
    /// character can spell an entry only if `w` is in this set: most capitalised words are
    /// not, and skip the n-gram lookups. With each, the lengths of the entries it leads, which
    /// are the only ones such a run is worth looking up at.
    pub(super) leads: HashMap<&'static str, Lengths>,
    /// Length in bytes of the longest entry.
    pub(super) longest: usize,
}

pub(super) static GAZ: LazyLock<Gaz> = LazyLock::new(|| {
    let mut kinds = HashMap::default();
    let mut leads: HashMap<&'static str, Lengths> = HashMap::default();
    let lists: [(u8, Vec<&'static str>); 3] = [
        (3, LEX.demonyms.keys().copied().collect()),
        (2, LEX.organisations.keys().copied().collect()),
        (1, LEX.places.keys().copied().collect()),
    ];
    for (kind, keys) in lists {
        for e in keys {
            kinds.insert(e, kind);
            for (k, c) in e.char_indices() {
                if k > 0 && !c.is_alphanumeric() {
                    leads.entry(&e[..k]).or_default().insert(e.len());
                }
            }
        }
    }
    let longest = kinds.keys().map(|k| k.len()).max().unwrap_or(0);
    Gaz {
        kinds,
        leads,
        longest,
    }
});

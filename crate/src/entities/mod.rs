//! Named and numeric mentions, merged into one cluster per real-world entity.
//!
//! Names come first from the statistical tagger ([`crate::tagger`]): it decides where names
//! are and their types. The rules below run too; they lend the model's mentions their facts
//! (role, gender, canonical name) and add names with a strong cue the model missed.
//!
//! Names are runs of capitalised words joined by connectors ("of", "de", "bin", "al", "&"),
//! with titles ("Ambassador", "Foreign Minister", "Dr.") peeled off as cues rather than kept as
//! part of the name. Each run is typed by the strongest cue: gazetteers (places, demonyms,
//! organisations), a title before it, an organisation head word ("Council"), a given name, a
//! reporting verb after it, per-token evidence learned from tagged news, and finally its shape.
//! The document then agrees with itself: one surface form gets one type everywhere, a surname
//! joins the full name of the person it names (`people.rs`: never two people by a shared
//! surname), and an acronym joins its expansion. Dates and amounts come from regular
//! expressions.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use crate::english_words;
use crate::lexicon::{with_lower, Gender, LEX};
use crate::segment::{word_is_cap, Document, Sentence, TokenKind};
use crate::tagger;
use crate::types::{Cluster, Entity, EntityKind, Span};
use crate::user_names::{self, UserName};

mod candidate;
mod clusters;
mod combine;
mod labels;
mod lone_words;
mod named_again;
mod people;
mod verbs;

use candidate::split_candidate;
use clusters::{cluster, Sets};

/// What the entity stage found, plus facts the quote stage needs.
#[derive(Debug, Clone, Default)]
pub struct EntityLayer {
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    /// Per cluster (same order as `clusters`): gender implied by given names and titles.
    pub genders: Vec<Gender>,
}

impl EntityLayer {
    /// The cluster with id `id` (ids count from 1 in order, so this is an index).
    pub fn cluster(&self, id: u32) -> Option<&Cluster> {
        let c = self.clusters.get((id as usize).checked_sub(1)?)?;
        debug_assert_eq!(c.id, id);
        Some(c)
    }
    /// The name of the entity mention `e` stands for: its cluster's, else its own text.
    pub fn name_of(&self, e: &Entity) -> String {
        e.id.and_then(|id| self.cluster(id))
            .map_or_else(|| e.text.clone(), |c| c.name.clone())
    }
}

/// How much a typing cue is worth when mentions of one surface form disagree.
type Strength = u8;

/// Strength of a rule mention that overrides the tagger on its words (a dateline).
const OVERRIDES: Strength = 4;

#[derive(Debug, Clone)]
struct Mention {
    span: Span,
    /// Token range.
    toks: (usize, usize),
    kind: EntityKind,
    strength: Strength,
    why: String,
    /// Title or role words peeled off the front ("ambassador").
    role: Option<String>,
    gender: Gender,
    /// Canonical key from a gazetteer (organisation or country the name stands for).
    canonical: Option<&'static str>,
}

impl Mention {
    /// A mention of tokens `toks` (`[first, last)`) with no role, gender or gazetteer name.
    fn of_tokens(
        doc: &Document,
        toks: (usize, usize),
        kind: EntityKind,
        strength: Strength,
        why: String,
    ) -> Mention {
        Mention {
            span: Span::new(doc.tokens[toks.0].start, doc.tokens[toks.1 - 1].end),
            toks,
            kind,
            strength,
            why,
            role: None,
            gender: Gender::Unknown,
            canonical: None,
        }
    }

    /// Its token range: the key mentions are sorted by (one function, so the wasm holds one
    /// instantiation of the sort for them).
    fn tokens(&self) -> (usize, usize) {
        self.toks
    }
}

const CONNECTORS: &[&str] = &[
    "al", "bin", "ibn", "bint", "da", "de", "del", "della", "der", "den", "des", "di", "dos", "du",
    "el", "la", "le", "van", "von", "y", "zu",
];

const MONTHS: &[&str] = &[
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

const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words that end a place name ("Trafalgar Square", "Camp Liberty" starts with one).
const PLACE_HEADS: &[&str] = &[
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
const EVENT_HEADS: &[&str] = &[
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
const NEVER_NAMES: &[&str] = &[
    "I", "Mr", "Mrs", "Ms", "Dr", "He", "She", "It", "They", "We", "You", "His", "Her", "Their",
    "Our", "My", "Its", "A", "An", "The", "This", "That", "These", "Those", "But", "And", "Or",
];

/// Capitalised words that never are (or open) a name: [`NEVER_NAMES`], weekdays and months,
/// in one set, asked of every capitalised word.
static NOT_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [NEVER_NAMES, WEEKDAYS, MONTHS, MONTH_ABBREVIATIONS]
        .concat()
        .into_iter()
        .collect()
});

fn is_all_caps(w: &str) -> bool {
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
fn is_common(w: &str) -> bool {
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
fn frequent(lower: &str) -> bool {
    english_words::zipf_band(lower) >= 8
}

/// A capital says more of a word that general English does not use often in lower case
/// ("Khoshroo", "Mojahedin"), in place of the counts of one tagged corpus.
fn rare(w: &str) -> bool {
    with_lower(w, |l| english_words::zipf_band(l) == 0)
}

fn in_gazetteer(w: &str) -> bool {
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
fn mid_sentence_capitals<'a>(doc: &Document<'a>) -> HashSet<&'a str> {
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
const NOUNS_CAPITALISED: &[&str] = &["deu"];

/// Finds every mention in `doc` and clusters the names. Blocks marked in `skip` (menus,
/// share widgets, markup: not prose) get none. The reader's `names` overrule everything else.
/// `language`: the prose's language when it could be told (ISO 639-3).
pub fn find(
    doc: &Document,
    skip: &[bool],
    names: &[UserName],
    language: Option<&str>,
) -> EntityLayer {
    let skipped = |b: usize| skip.get(b).copied().unwrap_or(false);
    let mut mentions = Vec::new();
    let mid_caps = mid_sentence_capitals(doc);
    let surnames = titles_as_surnames(doc);
    for s in doc.sentences.iter().filter(|s| !skipped(s.block)) {
        name_mentions(doc, s, &mid_caps, &surnames, &mut mentions);
    }
    let chunks = tagger::find(doc, &skipped);
    let mut mentions = combine::combine(doc, mentions, &chunks, &surnames);
    if let Some(l) = language.filter(|l| NOUNS_CAPITALISED.contains(l)) {
        mentions = names_with_evidence(doc, mentions, l);
    }
    let full_names = named_again::full_name_surnames(doc, &mentions);
    named_again::add_surnames_named_again(doc, &skipped, &full_names, &mut mentions);
    labels::add_speaker_labels(doc, &skipped, &full_names, &mut mentions);
    agree_on_types(doc, &full_names, &mut mentions);
    apply_user_names(doc, &skipped, names, &mut mentions);
    let (entities, clusters, genders) = cluster(doc, &mentions);
    let mut entities = entities;
    add_numeric(doc, &skipped, &mut entities);
    entities.sort_by_key(|e| (e.start, e.end));
    EntityLayer {
        entities,
        clusters,
        genders,
    }
}

/// For a language that capitalises every noun: the mentions with evidence beyond a capital. A
/// person's name must hold a given name or surname the lexicons know, and starts at the first
/// one ("Bundeskanzler Olaf Scholz" → "Olaf Scholz"); any other mention must be a name the
/// gazetteers know or carry a strong cue of the rules (a title, a gazetteer entry). So "die
/// Regierung", "das Geld", "Dienstag" are no names. The language's function words are no
/// personal names ("Das" is a surname in the lists, and German's article).
fn names_with_evidence(doc: &Document, mentions: Vec<Mention>, language: &str) -> Vec<Mention> {
    let function = crate::boilerplate::language::FunctionWords::for_code(language);
    let personal = |k: usize| {
        let w = doc.tok(k);
        let is_function = function
            .as_ref()
            .is_some_and(|f| with_lower(w, |l| f.contains(l)));
        !is_function && (given_name(w).is_some() || LEX.surnames.contains(w))
    };
    mentions
        .into_iter()
        .filter_map(|mut m| {
            let (i, j) = m.toks;
            if m.kind == EntityKind::Person {
                let k = (i..j).find(|&k| personal(k))?;
                m.toks.0 = k;
                m.span.start = doc.tokens[k].start;
                return Some(m);
            }
            (m.strength >= 3 || in_gazetteer(join_words(doc, i, j))).then_some(m)
        })
        .collect()
}

/// The reader's names replace every mention they overlap; an entry with no kind ("not a
/// name") only removes.
fn apply_user_names(
    doc: &Document,
    skipped: &dyn Fn(usize) -> bool,
    names: &[UserName],
    mentions: &mut Vec<Mention>,
) {
    let found: Vec<(Span, Option<EntityKind>)> = user_names::find(doc, names)
        .into_iter()
        .filter(|(s, _)| !skipped(doc.block_at(s.start)))
        .collect();
    if found.is_empty() {
        return;
    }
    // A longer name holding the reader's ("Port Ellis" in "Port Ellis Gazette") stays, and the
    // reader's entry does not apply inside it.
    let inside_longer = |s: Span| {
        let k = mentions.partition_point(|m| m.span.start <= s.start);
        mentions[..k]
            .iter()
            .rev()
            .take(8)
            .any(|m| m.span.contains(s) && m.span != s)
    };
    let found: Vec<(Span, Option<EntityKind>)> = found
        .into_iter()
        .filter(|(s, _)| !inside_longer(*s))
        .collect();
    // Both lists are in text order: a mention overlaps a found name only if the last name
    // starting before the mention's end reaches past its start.
    mentions.retain(|m| {
        let k = found.partition_point(|(s, _)| s.start < m.span.end);
        !(k > 0 && found[k - 1].0.end > m.span.start)
    });
    for (span, kind) in found {
        let Some(kind) = kind else { continue };
        let toks = (doc.token_at(span.start), doc.token_at(span.end));
        let gender = if kind == EntityKind::Person {
            name_gender(doc, toks.0, toks.1)
        } else {
            Gender::Unknown
        };
        mentions.push(Mention {
            span,
            toks,
            kind,
            strength: 9,
            why: "in your list of names".into(),
            role: title_before(doc, toks.0)
                .and_then(|(t, _)| (!t.role.is_empty()).then(|| t.role.clone())),
            gender,
            canonical: None,
        });
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Kind of a model chunk (tagger type `ty`, tokens `[i, j)`) and the canonical name a
/// gazetteer gives it: a MISC that is a demonym or a group word is a GROUP.
fn model_kind(doc: &Document, ty: u8, i: usize, j: usize) -> (EntityKind, Option<&'static str>) {
    let t = join_words(doc, i, j);
    let key = if is_all_caps(t) {
        Cow::Owned(title_case(t))
    } else {
        Cow::Borrowed(t)
    };
    match ty {
        1 => (EntityKind::Person, None),
        2 => (EntityKind::Org, LEX.organisations.get(&*key).copied()),
        3 => (EntityKind::Place, None),
        _ => match LEX.demonyms.get(&*key) {
            Some(p) => (EntityKind::Group, *p),
            None if key.split('-').all(|p| LEX.demonyms.contains_key(p)) => {
                (EntityKind::Group, None)
            }
            None => (EntityKind::Misc, None),
        },
    }
}

/// "Shahriar Kia, an Iranian dissident and a political analyst": an appositive after token
/// `j` naming a role (a title word, lowercase, within a few words of "a", "an" or "the").
fn role_after(doc: &Document, j: usize) -> Option<String> {
    let s = doc.tokens.get(j)?.sentence as usize;
    let s1 = doc.sentences[s].tokens.1;
    if j + 2 >= s1 || doc.tok(j) != "," || !matches!(doc.tok(j + 1), "a" | "an" | "the") {
        return None;
    }
    for k in j + 2..s1.min(j + 9) {
        let w = doc.tok(k);
        if doc.tokens[k].kind == TokenKind::Punct {
            return None;
        }
        // "the nominee's eldest daughter": the role of someone else.
        let possessed = k + 1 < s1 && matches!(doc.tok(k + 1), "'s" | "’s");
        if !word_is_cap(w) && !possessed {
            if let Some(t) = LEX.title(w) {
                if !t.role.is_empty() {
                    return Some(t.role.clone());
                }
            }
        }
    }
    None
}

/// The role of a phrase set off before a name: `The ambassador of X to Y, NAME,`.
fn role_before_apposition(doc: &Document, i: usize) -> Option<String> {
    if i < 3 || doc.tok(i - 1) != "," {
        return None;
    }
    let s0 = doc.sentences[doc.tokens[i].sentence as usize].tokens.0;
    // The phrase: back from the comma to the sentence start or an earlier comma.
    let from = (i.saturating_sub(16).max(s0)..i - 1)
        .rev()
        .find(|&k| k == s0 || doc.tok(k - 1) == ",")?;
    if !matches!(doc.tok(from), "The" | "the") {
        return None;
    }
    (from + 1..(from + 4).min(i - 1)).find_map(|k| {
        with_lower(doc.tok(k), |l| LEX.title(l))
            .filter(|t| !t.role.is_empty())
            .map(|t| t.role.clone())
    })
}

/// Tokens `[i, j)` are a title and nothing else ("President" of "Mr. President", "Del."),
/// and the text never writes the word as a surname ([`titles_as_surnames`]: "Larry King"
/// makes "Mr. King" a name, "Raj Shah" makes "Shah" one).
fn lone_title(doc: &Document, i: usize, j: usize, surnames: &HashSet<&str>) -> bool {
    title_len(doc, i, j) == Some(j - i) && !surnames.contains(doc.tok(j - 1))
}

/// Tokens `[i, j)` are words in capitals that hold a function word a name does not ("HAS",
/// "HIM" of "CONGRESS HAS INVESTIGATED HIM"): a headline's clause, not a name ("BANK OF
/// AMERICA", "ABU BAKR AL-BAGHDADI" are names).
fn shouted_clause(doc: &Document, i: usize, j: usize) -> bool {
    j - i >= 2
        && (i..j).all(|k| is_all_caps(doc.tok(k)))
        && (i..j).any(|k| {
            let lower = doc.tok(k).to_lowercase();
            LEX.is_stopword(&lower)
                && !CONNECTORS.contains(&lower.as_str())
                && !matches!(lower.as_str(), "of" | "the" | "and" | "for" | "on" | "in")
        })
}

/// The title words the text writes as surnames: after a capitalised word that is no title
/// ("King" of "Larry King", "Shah" of "Raj Shah"). Once per text: asked of every lone title.
fn titles_as_surnames<'a>(doc: &Document<'a>) -> HashSet<&'a str> {
    let mut set = HashSet::default();
    for k in 1..doc.tokens.len() {
        let (before, word) = (doc.tok(k - 1), doc.tok(k));
        if word_is_cap(word)
            && glued(doc, k)
            && word_is_cap(before)
            && LEX.title_of(&[word]).is_some()
            && LEX.title_of(&[before]).is_none()
        {
            set.insert(word);
        }
    }
    set
}

/// Adds the rule mentions with a strong cue where neither the model's mentions (`out`, in
/// order, not overlapping) nor a rule mention added before took the words. (One sort at the
/// end: inserting each in place was quadratic in a long document's mentions.)
fn add_strong_rules(out: &mut Vec<Mention>, rules: Vec<Mention>) {
    // Added rule mentions, start → end; they never overlap one another.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut added = Vec::new();
    for x in rules {
        let (a, b) = x.toks;
        let k = out.partition_point(|m| m.toks.1 <= a);
        let free = out.get(k).is_none_or(|m| m.toks.0 >= b)
            && taken.range(..b).next_back().is_none_or(|(_, &e)| e <= a);
        if free && x.strength >= 3 {
            taken.insert(a, b);
            added.push(x);
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(Mention::tokens);
    }
}

/// True when the capital of word token `i` says nothing about names: the sentence's first
/// word, or a word of a headline-case sentence.
fn uninformative_capital(doc: &Document, i: usize) -> bool {
    let s = &doc.sentences[doc.tokens[i].sentence as usize];
    let first = (s.tokens.0..s.tokens.1).find(|&k| doc.tokens[k].kind == TokenKind::Word);
    first == Some(i) || doc.is_headline_case(s)
}

/// The name mentions of sentence `s`, into `out`: a dateline, then each run of name tokens
/// ([`is_name_token`]) joined across connectors ([`run_end`]), read by [`split_candidate`].
fn name_mentions(
    doc: &Document,
    s: &Sentence,
    mid_caps: &HashSet<&str>,
    surnames: &HashSet<&str>,
    out: &mut Vec<Mention>,
) {
    let (s0, s1) = s.tokens;
    let c = Capitals {
        s0,
        s1,
        headline: doc.is_headline_case(s),
        // First word of the sentence (after quotes, brackets and citation marks like "[29]").
        initial: (s0..s1)
            .find(|&i| doc.tokens[i].kind == TokenKind::Word)
            .unwrap_or(s0),
        mid_caps,
    };
    // Each token's answer once (the joining loop asks about some tokens twice).
    let name_toks: Vec<bool> = (s0..s1).map(|i| is_name_token(doc, &c, i)).collect();
    let is_name_tok = |i: usize| name_toks[i - s0];
    let mut i = s0;
    if let Some(j) = dateline(doc, s) {
        out.push(Mention::of_tokens(
            doc,
            (s0, j),
            EntityKind::Place,
            OVERRIDES,
            "dateline".into(),
        ));
        i = j;
    }
    while i < s1 {
        if !is_name_tok(i) {
            i += 1;
            continue;
        }
        let j = run_end(doc, i, s1, &is_name_tok);
        split_candidate(doc, i, j, surnames, out);
        i = j;
    }
}

/// What [`is_name_token`] reads of a sentence: its tokens, whether it is in headline case,
/// its first word, and the words the text capitalises mid-sentence.
struct Capitals<'c, 'a> {
    s0: usize,
    s1: usize,
    headline: bool,
    initial: usize,
    mid_caps: &'c HashSet<&'a str>,
}

/// Whether token `i` of the sentence `c` describes can be part of a name: a capitalised
/// word whose capital says something there.
fn is_name_token(doc: &Document, c: &Capitals, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.tok(i);
    if !word_is_cap(w) || NOT_NAMES.contains(w) {
        return false;
    }
    if w.starts_with(['’', '\'']) || w.starts_with("I’") || w.starts_with("I'") {
        return false;
    }
    let known = in_gazetteer(w) || LEX.title_of(&[w]).is_some();
    // In a headline every word is capitalised: only words known as names count.
    if c.headline && !known {
        return rare(w)
            || LEX.surnames.contains(w)
            || LEX.org_heads.contains(w)
            || (is_all_caps(w) && w.chars().count() <= 6 && !is_common(w));
    }
    // After a colon, a dash or an opening quote a capital says as little as at the start.
    let after_break = i > c.s0
        && matches!(
            doc.tok(i - 1),
            ":" | "-" | "–" | "—" | "“" | "\"" | "‘" | "("
        );
    let wary = i == c.initial || after_break || is_all_caps(w);
    // An ordinary word can still open a longer name ("World Daily", "Supreme Court"),
    // but a function word never does ("While Russia").
    let next_cap = i + 1 < c.s1
        && doc.tokens[i + 1].kind == TokenKind::Word
        && doc.tokens[i + 1].space_before
        && word_is_cap(doc.tok(i + 1));
    if wary && is_common(w) && !known && (with_lower(w, |l| LEX.is_stopword(l)) || !next_cap) {
        return false;
    }
    // "Said Ellis: …": a reporting verb opening the sentence is a verb, not a name.
    if wary && !known && LEX.speech_verb(w).is_some() {
        return false;
    }
    // An unknown word opening a sentence, followed by an ordinary lowercase word and never
    // capitalised elsewhere ("Skip to main content"), is not a name. A reporting verb
    // after it ("Khoshroo said") says it is one.
    if (i == c.initial || after_break) && !known && !c.mid_caps.contains(w) {
        let evidence =
            rare(w) || LEX.surnames.contains(w) || LEX.org_heads.contains(w) || is_all_caps(w);
        let next_lower = doc.tokens.get(i + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !word_is_cap(doc.tok(i + 1))
                && LEX.speech_verb(doc.tok(i + 1)).is_none()
        });
        if !evidence && next_lower {
            return false;
        }
    }
    true
}

/// The end of the run of name tokens that starts at token `i` (before `s1`): glued tokens,
/// and a connector ("bin", "of", "&", a possessive) between two name tokens where it joins.
fn run_end(doc: &Document, i: usize, s1: usize, is_name_tok: &dyn Fn(usize) -> bool) -> usize {
    let mut j = i + 1;
    loop {
        if j < s1 && is_name_tok(j) && glued(doc, j) {
            j += 1;
            continue;
        }
        if j + 1 < s1 && is_name_tok(j + 1) {
            let w = doc.tok(j);
            let lower_connector = CONNECTORS.contains(&w);
            let of = w == "of" && of_joins(doc, i, j);
            let amp = w == "&";
            let poss = doc.tokens[j].kind == TokenKind::Word
                && (w == "'s" || w == "’s")
                && possessive_joins(doc, i, j, s1);
            if lower_connector || of || amp || poss {
                j += 2;
                continue;
            }
        }
        return j;
    }
}

/// "PORT ELLERY, 14 March 2026 - The council…": a paragraph opening with a place in capitals,
/// then a comma and a dash before the prose (or the dash at once). Returns the end of the
/// place's tokens. A capitals line ("SOCCER - JAPAN GET LUCKY WIN") is not a dateline, nor an
/// acronym followed by a comma and prose ("NASA, the agency, said").
fn dateline(doc: &Document, s: &Sentence) -> Option<usize> {
    let (s0, s1) = s.tokens;
    if doc.blocks[s.block].start != s.start {
        return None;
    }
    let caps = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && is_all_caps(doc.tok(k))
            && !doc.tok(k).contains('.')
    };
    let mut j = s0;
    while j < s1 && j - s0 < 4 && caps(j) {
        j += 1;
    }
    if j == s0 || j >= s1 || shouted_clause(doc, s0, j) {
        return None;
    }
    let dash = |k: usize| matches!(doc.tok(k), "-" | "–" | "—");
    let lower = |k: usize| doc.tokens[k].kind == TokenKind::Word && !word_is_cap(doc.tok(k));
    let opened = if dash(j) {
        true
    } else if doc.tok(j) == "," {
        (j + 1..s1.min(j + 9)).take_while(|&k| !lower(k)).any(dash)
    } else {
        false
    };
    // Prose follows: a lowercase word in the sentence.
    (opened && (j..s1).any(lower)).then_some(j)
}

/// In a byline ("By Jane Okafor, Coastal Affairs Reporter"), the words after the author's
/// name and a comma that end in a role word are the role: tokens `[a, b)`.
fn byline_role(doc: &Document, i: usize) -> Option<(usize, usize)> {
    let s = &doc.sentences[doc.tokens[i].sentence as usize];
    let (s0, s1) = s.tokens;
    if doc.tok(s0) != "By" {
        return None;
    }
    let comma = (s0 + 1..i).find(|&k| doc.tok(k) == ",")?;
    let a = comma + 1;
    let mut b = a;
    while b < s1 && doc.tokens[b].kind == TokenKind::Word && word_is_cap(doc.tok(b)) {
        b += 1;
    }
    (b > a && LEX.title_of(&[doc.tok(b - 1)]).is_some()).then_some((a, b))
}

/// Tokens of one name follow each other with a space (or a hyphen inside the token).
fn glued(doc: &Document, j: usize) -> bool {
    let prev = &doc.tokens[j - 1];
    let t = &doc.tokens[j];
    // Not across blocks (a line of copied text, or a hard-wrapped paragraph: a name broken
    // across its lines is one name).
    let block = |t: &crate::segment::Token| doc.sentences[t.sentence as usize].block;
    t.space_before && block(prev) == block(t)
}

fn of_joins(doc: &Document, i: usize, j: usize) -> bool {
    let words: Vec<&str> = (i..j).map(|k| doc.tok(k)).collect();
    let has_head = words.iter().any(|w| LEX.org_heads.contains(w));
    let title_only = LEX.title_of(&words).is_some();
    let placey = words
        .iter()
        .any(|w| LEX.places.contains_key(w) || LEX.demonyms.contains_key(w));
    has_head || title_only || (words.len() >= 2 && !placey)
}

/// "People's Mojahedin Organization": a possessive inside an organisation's name.
fn possessive_joins(doc: &Document, i: usize, j: usize, s1: usize) -> bool {
    let left: Vec<&str> = (i..j).map(|k| doc.tok(k)).collect();
    let left_s = left.join(" ");
    if LEX.places.contains_key(left_s.as_str())
        || LEX.organisations.contains_key(left_s.as_str())
        || left.iter().any(|w| LEX.given_names.contains_key(w))
        || left.len() > 2
    {
        return false;
    }
    let mut k = j + 1;
    while k < s1 && doc.tokens[k].kind == TokenKind::Word && word_is_cap(doc.tok(k)) {
        if LEX.org_heads.contains(doc.tok(k)) {
            return true;
        }
        k += 1;
    }
    false
}

/// The gender a person's name `[i, j)` gives by its given name: its first word, if a name
/// of two words or more, or a word alone that is no surname ("Hillary", not "Clinton", a
/// given name too, which made "he" Hillary Clinton). Two given names before the surname
/// that disagree tell nothing ("Marine John Tiegen": "Marine" is a rank here).
fn name_gender(doc: &Document, i: usize, j: usize) -> Gender {
    let first = doc.tok(i);
    if j - i < 2 && LEX.surnames.contains(first) {
        return Gender::Unknown;
    }
    let g = given_name(first).unwrap_or(Gender::Unknown);
    let second = (j - i >= 3).then(|| given_name(doc.tok(i + 1))).flatten();
    match second {
        Some(h) if h != Gender::Unknown && g != Gender::Unknown && h != g => Gender::Unknown,
        _ => g,
    }
}

/// The gender of a given name, including hyphenated ones ("Jean-Yves": Yves is male).
fn given_name(w: &str) -> Option<Gender> {
    if let Some(g) = LEX.given_names.get(w) {
        return Some(*g);
    }
    if w.contains('-') {
        let parts: Vec<Option<Gender>> = w
            .split('-')
            .map(|p| LEX.given_names.get(p).copied())
            .collect();
        if parts.iter().all(Option::is_some) {
            return parts
                .iter()
                .flatten()
                .find(|g| **g != Gender::Unknown)
                .copied()
                .or(Some(Gender::Unknown));
        }
    }
    None
}

/// Length in tokens of the longest title starting at token `i` (before `j`).
fn title_len(doc: &Document, i: usize, j: usize) -> Option<usize> {
    let max = LEX.title_max_words.min(j - i);
    let mut buf = [""; TITLE_WORDS];
    let words = &mut buf[..max];
    for (k, w) in words.iter_mut().enumerate() {
        *w = doc.tok(i + k);
    }
    // "Dr." is "Dr" followed by a period token.
    (1..=max)
        .rev()
        .find(|&len| LEX.title_of(&words[..len]).is_some())
}

/// Room for the words of the longest title ([`crate::lexicon::Lexicon::title_max_words`]; a
/// test keeps it so).
const TITLE_WORDS: usize = 8;

/// A title in lowercase right before token `i` ("ambassador", "foreign minister").
fn title_before(doc: &Document, i: usize) -> Option<(&'static crate::lexicon::Title, String)> {
    let s = doc.tokens[i].sentence as usize;
    let s0 = doc.sentences[s].tokens.0;
    for len in (1..=LEX.title_max_words.min(3)).rev() {
        if i < s0 + len {
            continue;
        }
        let mut a = i - len;
        // Skip a period after an abbreviated title: "Dr. Scutt".
        if doc.tok(i - 1) == "." && a > s0 {
            a -= 1;
        }
        let mut buf = [""; 4];
        let mut n = 0;
        for w in (a..i).map(|k| doc.tok(k)).filter(|w| *w != ".") {
            buf[n] = w;
            n += 1;
        }
        let words = &buf[..n];
        if words
            .iter()
            .any(|w| word_is_cap(w) && LEX.title_of(&[w]).is_none())
        {
            continue;
        }
        if let Some(t) = LEX.title_of(words) {
            return Some((t, words.join(" ")));
        }
    }
    None
}

/// The text of tokens `[i, j)`, with what lies between them.
fn join_words<'a>(doc: &Document<'a>, i: usize, j: usize) -> &'a str {
    &doc.text[doc.tokens[i].start..doc.tokens[j - 1].end]
}

/// A mention from the gazetteers, if `text` is in one.
fn gazetteer_mention(doc: &Document, i: usize, j: usize, text: &str) -> Option<Mention> {
    let span = Span::new(doc.tokens[i].start, doc.tokens[j - 1].end);
    let mk = |kind, why: String, canonical| Mention {
        span,
        toks: (i, j),
        kind,
        strength: 3,
        why,
        role: None,
        gender: Gender::Unknown,
        canonical,
    };
    if let Some(c) = LEX.organisations.get(text) {
        return Some(mk(EntityKind::Org, "known organisation".into(), Some(*c)));
    }
    // A place in capitals ("LONDON 1996-08-30", "PORT ELLIS").
    if is_all_caps(text) && text.chars().count() > 3 {
        if let Some(t) = LEX.places.get(title_case(text).as_str()) {
            return Some(mk(
                EntityKind::Place,
                format!("known {t} (in capitals)"),
                None,
            ));
        }
    }
    if let Some(t) = LEX.places.get(text) {
        return Some(mk(EntityKind::Place, format!("known {t}"), None));
    }
    if let Some(p) = LEX.demonyms.get(text) {
        let why = match p {
            Some(p) => format!("people or adjective of {p}"),
            None => "religious, ethnic or political group".into(),
        };
        return Some(mk(EntityKind::Group, why, *p));
    }
    // "Israeli-Palestinian": every part a demonym.
    if text.contains('-') && text.split('-').all(|p| LEX.demonyms.contains_key(p)) {
        return Some(mk(
            EntityKind::Group,
            "groups joined by a hyphen".into(),
            None,
        ));
    }
    None
}

/// A reporting verb right after the name ("Haley told") or right before it after a quote
/// ("…", said Khoshroo).
fn speech_verb_next_to(doc: &Document, i: usize, j: usize) -> Option<&'static str> {
    if j < doc.tokens.len() && doc.tokens[j].sentence == doc.tokens[i].sentence {
        if let Some(v) = LEX.speech_verb(doc.tok(j)) {
            return Some(v);
        }
    }
    // Before the name only a verb of saying: "called X", "dubbed X" name X, they do not
    // make X a speaker.
    if i > 0 && doc.tokens[i - 1].sentence == doc.tokens[i].sentence {
        if let Some(v) = LEX.speech_verb(doc.tok(i - 1)) {
            if !NAMING_VERBS.contains(&v) {
                return Some(v);
            }
        }
    }
    None
}

/// Reporting verbs that name rather than report: what follows them is a name or a label.
const NAMING_VERBS: &[&str] = &["brand", "call", "dub", "label", "term"];

/// One surface form, one type: the mention with the strongest cue decides for all the
/// others; a surname alone takes the type of the full name it ends (`surnames`, from
/// [`named_again::full_name_surnames`]).
fn agree_on_types(doc: &Document, surnames: &HashMap<&str, &str>, mentions: &mut [Mention]) {
    let mut best: HashMap<Cow<str>, (Strength, EntityKind, String)> = HashMap::default();
    for m in mentions.iter() {
        let key = surface_key(&doc.text[m.span.start..m.span.end]);
        match best.get_mut(&key) {
            Some(e) if m.strength > e.0 => *e = (m.strength, m.kind, m.why.clone()),
            Some(_) => {}
            None => {
                best.insert(key, (m.strength, m.kind, m.why.clone()));
            }
        }
    }
    for m in mentions.iter_mut() {
        let text = &doc.text[m.span.start..m.span.end];
        let key = surface_key(text);
        // A surname speaks even where it is also a known place ("Rep. Jim Jordan … Jordan
        // said").
        let speaks = || speech_verb_next_to(doc, m.toks.0, m.toks.1).is_some();
        if m.toks.1 - m.toks.0 == 1 && (m.strength < 3 || speaks()) {
            if let Some(full) = surnames.get(text) {
                named_again::read_as_surname(m, full);
                continue;
            }
        }
        if let Some((s, k, why)) = best.get(&key) {
            if *s > m.strength && *k != m.kind {
                m.kind = *k;
                m.why = format!("{why} (elsewhere in the text)");
                m.strength = *s;
            }
        }
    }
}

/// The form under which mentions of one name agree: names in capitals ("PORT ELLIS",
/// "LONDON") as they would be written in a sentence; short acronyms stay as they are.
fn surface_key(text: &str) -> Cow<'_, str> {
    if is_all_caps(text) && text.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
        Cow::Owned(title_case(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// The readings of a cluster that mixes place and organisation mentions (the one entity two
/// ways: "in Iran", "Iran said" typed ORG): its kind is the type most of its mentions take
/// (the first mention's among equals), the other its `also_kinds`. Other clusters keep their
/// kind (an acronym typed ORG and its name typed MISC are one organisation, not two readings).
/// Run on the mentions the analysis keeps.
pub fn set_readings(clusters: &mut [Cluster], entities: &[Entity]) {
    // Per cluster: (kind, mentions, first mention) of each type seen.
    let mut seen: Vec<Vec<(EntityKind, u32, usize)>> = vec![Vec::new(); clusters.len()];
    for (i, e) in entities.iter().enumerate() {
        let Some(id) = e.id else { continue };
        let kinds = &mut seen[id as usize - 1];
        match kinds.iter_mut().find(|(k, _, _)| *k == e.kind) {
            Some((_, n, _)) => *n += 1,
            None => kinds.push((e.kind, 1, i)),
        }
    }
    let actor = |k: EntityKind| matches!(k, EntityKind::Org | EntityKind::Misc);
    for (c, mut kinds) in clusters.iter_mut().zip(seen) {
        c.also_kinds.clear();
        let place = kinds.iter().any(|&(k, _, _)| k == EntityKind::Place);
        if !(place && kinds.iter().any(|&(k, _, _)| actor(k))) {
            continue;
        }
        // Most mentions first, then the earliest: a few kinds at most, moved by hand.
        let before = |a: &(EntityKind, u32, usize), b: &(EntityKind, u32, usize)| {
            a.1 > b.1 || (a.1 == b.1 && a.2 < b.2)
        };
        while let Some(i) = (1..kinds.len()).find(|&i| before(&kinds[i], &kinds[i - 1])) {
            kinds.swap(i, i - 1);
        }
        c.kind = kinds[0].0;
        c.also_kinds = kinds[1..].iter().map(|&(k, _, _)| k).collect();
    }
}

/// Dates, times, amounts and numbers, where no name already stands.
fn add_numeric(doc: &Document, skipped: &dyn Fn(usize) -> bool, entities: &mut Vec<Entity>) {
    // One pass of each pattern over the whole text; a match never runs across blocks and none
    // is kept in a skipped block.
    let mut found: Vec<(Span, EntityKind, usize)> = Vec::new();
    let text = doc.text;
    let mut keep = |span: Span, kind: EntityKind, p: usize| {
        let block = doc.block_at(span.start);
        if doc.blocks[block].end >= span.end && !skipped(block) {
            found.push((span, kind, p));
        }
    };
    let starts = amount_starts(text);
    for (p, (re, kind, _)) in NUMERIC.iter().enumerate() {
        if let Some(anchored) = &ANCHORED[p] {
            // Every match starts at one of `starts`: the leftmost match from `from` on is the
            // first of them where an anchored search matches, as `find_iter` finds it.
            let money = *kind == EntityKind::Money;
            anchored_find(anchored, text, &starts, money, |m| {
                keep(Span::new(m.start, m.end), *kind, p);
            });
            continue;
        }
        if re.captures_len() == 1 {
            for m in re.find_iter(text) {
                keep(Span::new(m.start(), m.end()), *kind, p);
            }
            continue;
        }
        for whole in re.find_iter(text) {
            // A pattern may mark the part that is the mention: "in (May)". Such a part lies
            // after a lowercase word, or is the whole match: only a match that starts with a
            // lowercase letter needs its groups (the same match again, from the same place).
            let m = if whole.as_str().starts_with(|c: char| c.is_ascii_lowercase()) {
                let c = re.captures_at(text, whole.start()).expect("the same match");
                c.name("m")
                    .or_else(|| c.name("m2"))
                    .unwrap_or_else(|| c.get(0).unwrap())
            } else {
                debug_assert!(re.captures_at(text, whole.start()).is_some_and(|c| c
                    .name("m")
                    .or_else(|| c.name("m2"))
                    .is_none_or(|g| g.range() == whole.range())));
                whole
            };
            keep(Span::new(m.start(), m.end()), *kind, p);
        }
    }
    place_numeric(doc, found, entities);
}

/// Adds the numeric matches `found` (span, kind, pattern) to `entities`: leftmost, then
/// longest, then the more specific kind, none over another or over a name, none glued to a
/// digit, no citation mark.
fn place_numeric(
    doc: &Document,
    mut found: Vec<(Span, EntityKind, usize)>,
    entities: &mut Vec<Entity>,
) {
    found.sort_by_key(|(s, _, p)| (s.start, std::cmp::Reverse(s.end), *p));
    // Names are in text order and do not overlap: only the last one starting before a
    // span's end can overlap it.
    let names: Vec<Span> = entities.iter().map(Entity::span).collect();
    debug_assert!(names.windows(2).all(|w| w[0].end <= w[1].start));
    let overlaps_name = |span: Span| {
        let k = names.partition_point(|n| n.start < span.end);
        k > 0 && names[k - 1].overlaps(span)
    };
    let mut last_end = 0;
    for (span, kind, p) in found {
        if span.start < last_end || overlaps_name(span) {
            continue;
        }
        // Dates may be glued to a word ("People19 December 2017"), never to a digit.
        let before = doc.text[..span.start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // A citation mark "[27]" is not a number in the article.
        let after = doc.text[span.end..].chars().next();
        if kind == EntityKind::Number && before == Some('[') && after == Some(']') {
            continue;
        }
        last_end = span.end;
        entities.push(Entity {
            start: span.start,
            end: span.end,
            text: doc.text[span.start..span.end].to_string(),
            kind,
            id: None,
            why: NUMERIC[p].2.to_string(),
        });
    }
}

/// Where an amount, a percentage or a time can start, and whether at a digit (else at a
/// currency sign or the "U" of "US$"). Those patterns open with a currency sign, or with an
/// ASCII word boundary before a digit (`\d`: any Unicode digit) or the "U": an ASCII digit or
/// "U" right after an ASCII word character starts none of them.
fn amount_starts(text: &str) -> Vec<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let after_word =
        |k: usize| k > 0 && (bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'_');
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'$' => out.push((k, false)),
            b'0'..=b'9' if !after_word(k) => out.push((k, true)),
            b'U' if !after_word(k) => out.push((k, false)),
            0xC0.. => {
                let c = text[k..].chars().next().unwrap_or(' ');
                if matches!(c, '€' | '£' | '¥') {
                    out.push((k, false));
                } else if c.is_numeric() {
                    out.push((k, true));
                }
            }
            _ => {}
        }
    }
    out
}

/// The matches of `re` that start at one of `starts` (only at digits unless `money`), in
/// order and not overlapping, as an unanchored scan finds them when no match starts elsewhere.
fn anchored_find(
    re: &meta::Regex,
    text: &str,
    starts: &[(usize, bool)],
    money: bool,
    mut f: impl FnMut(std::ops::Range<usize>),
) {
    let mut from = 0;
    for &(k, digit) in starts {
        if k < from || !(digit || money) {
            continue;
        }
        if let Some(m) = re.search(&Input::new(text).range(k..).anchored(Anchored::Yes)) {
            f(m.range());
            from = m.end();
        }
    }
}

/// The amount, percentage and time patterns of [`NUMERIC`] again, for anchored searches at
/// the places [`amount_starts`] gives (the others can start at too many places).
static ANCHORED: LazyLock<Vec<Option<meta::Regex>>> = LazyLock::new(|| {
    NUMERIC
        .iter()
        .map(|(re, kind, _)| {
            matches!(
                kind,
                EntityKind::Money | EntityKind::Percent | EntityKind::Time
            )
            .then(|| meta::Regex::new(re.as_str()).expect("numeric pattern compiles"))
        })
        .collect()
});

const MONTH_RE: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";

static NUMERIC: LazyLock<Vec<(Regex, EntityKind, &'static str)>> = LazyLock::new(|| {
    let num = r"\d+(?:[,.]\d+)*";
    let scale = r"(?:\s?(?:million|billion|trillion|thousand|bn|mn|m|k)\b)?";
    let words = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|tens)";
    let spec: Vec<(String, EntityKind, &'static str)> = vec![
        (
            format!(
                r"[$€£¥]\s?{num}{scale}|\b{num}{scale}\s?(?:dollars|euros|pounds|yen|yuan|rubles|roubles|rials|rupees|USD|EUR|GBP)\b|\bUS\$\s?{num}{scale}"
            ),
            EntityKind::Money,
            "amount with a currency",
        ),
        (
            format!(r"\b{num}\s?(?:%|per ?cent\b|percent\b|percentage points?\b)"),
            EntityKind::Percent,
            "percentage",
        ),
        (
            format!(
                r"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE}(?:,?\s+\d{{4}})?|\b{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b{MONTH_RE}\s+\d{{4}}\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:the\s+)?(?:19|20)\d0s\b|\b(?:(?:early|mid|late)[- ])?(?:19|20)\d\d\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:yesterday|today|tomorrow)\b|\b(?:in|since|until|by|from|early|late|mid|last|next|this|of)[- ](?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{{4}}\b)?)\b|\b(?P<m2>January|February|March|April|June|July|August|September|October|November|December)\b"
            ),
            EntityKind::Date,
            "date",
        ),
        (
            r"\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)|\b\d{1,2}:\d\d\b"
                .to_string(),
            EntityKind::Time,
            "time of day",
        ),
        (
            format!(r"\b{num}{scale}|\b{words}(?:\s+of\s+{words})?\b"),
            EntityKind::Number,
            "number",
        ),
    ];
    // ASCII word boundaries: the fast (DFA) engines support them, Unicode ones they do not,
    // and these patterns are about digits and English words.
    spec.into_iter()
        .map(|(re, k, why)| {
            let re = re.replace(r"\b", r"(?-u:\b)");
            (Regex::new(&re).expect("numeric pattern compiles"), k, why)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::clusters::initials;
    use super::*;

    fn ents(text: &str) -> Vec<(String, EntityKind)> {
        let doc = Document::new(text);
        find(&doc, &[], &[], None)
            .entities
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect()
    }

    fn has(text: &str, name: &str, kind: EntityKind) {
        let e = ents(text);
        assert!(
            e.iter().any(|(t, k)| t == name && *k == kind),
            "{name} as {kind:?} not in {e:?}"
        );
    }

    #[test]
    fn names_and_dates_run_across_the_lines_of_one_block_not_across_blocks() {
        // One hard-wrapped paragraph (one block over two lines), then a new block.
        let text = "The council met Prime Minister Jacinda\nArdern on 5\nMarch 2024 in Wellington.\nMonday";
        let end = text.rfind('\n').unwrap();
        let doc = Document::with_blocks(
            text,
            vec![Span::new(0, end), Span::new(end + 1, text.len())],
        );
        let e: Vec<(String, EntityKind)> = find(&doc, &[], &[], None)
            .entities
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect();
        assert!(
            e.iter()
                .any(|(t, k)| t == "Jacinda\nArdern" && *k == EntityKind::Person),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|(t, k)| t == "5\nMarch 2024" && *k == EntityKind::Date),
            "{e:?}"
        );
        assert!(
            !e.iter()
                .any(|(t, _)| t.contains("Monday") && t.contains("Wellington")),
            "{e:?}"
        );
    }

    #[test]
    fn the_longest_title_fits_title_words() {
        assert!(LEX.title_max_words <= TITLE_WORDS);
    }

    #[test]
    fn titles_are_cues_not_names() {
        let t = "Iran's Ambassador Gholamali Khoshroo slammed the meeting.";
        has(t, "Gholamali Khoshroo", EntityKind::Person);
        has(t, "Iran", EntityKind::Place);
        let t = "Turkish Foreign Minister Mevlut Cavusoglu joined in.";
        has(t, "Turkish", EntityKind::Group);
        has(t, "Mevlut Cavusoglu", EntityKind::Person);
        has(
            "He met Dr. Jocellyne Scutt on Friday.",
            "Jocellyne Scutt",
            EntityKind::Person,
        );
        has(
            "British ambassador Matthew Rycroft said so.",
            "Matthew Rycroft",
            EntityKind::Person,
        );
    }

    #[test]
    fn organisations_and_acronyms() {
        let t = "the National Council of Resistance of Iran (NCRI) said. Later the NCRI met.";
        let doc = Document::new(t);
        let layer = find(&doc, &[], &[], None);
        let ncri: Vec<_> = layer
            .entities
            .iter()
            .filter(|e| e.text.contains("NCRI") || e.text.starts_with("National"))
            .collect();
        assert_eq!(ncri.len(), 3, "{:?}", layer.entities);
        assert!(ncri.iter().all(|e| e.id == ncri[0].id));
        assert_eq!(
            layer.cluster(ncri[0].id.unwrap()).unwrap().name,
            "National Council of Resistance of Iran"
        );
    }

    #[test]
    fn surname_joins_full_name() {
        let t = "“No,” said Khoshroo. Later Gholamali Khoshroo, the ambassador, left. Mr. Khoshroo smiled.";
        let doc = Document::new(t);
        let layer = find(&doc, &[], &[], None);
        let ids: Vec<_> = layer
            .entities
            .iter()
            .filter(|e| e.text.contains("Khoshroo"))
            .map(|e| e.id)
            .collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.iter().all(|i| *i == ids[0]));
    }

    /// A surname that is also a place, a particle opening a sentence, another apostrophe:
    /// the same person.
    #[test]
    fn a_surname_in_another_form_joins_its_full_name() {
        let t = "Rep. Jim Jordan, an oversight panel member, spoke. Later Jordan said more.\n\n\
                 Mayor Bill de Blasio described it. De Blasio said it was an attack.\n\n\
                 Police Commissioner James O’Neill came. O'Neill said little.";
        let doc = Document::new(t);
        let layer = find(&doc, &[], &[], None);
        for (full, short) in [
            ("Jim Jordan", "Jordan"),
            ("Bill de Blasio", "De Blasio"),
            ("James O’Neill", "O'Neill"),
        ] {
            let id = |text: &str| {
                let e = layer.entities.iter().find(|e| e.text == text);
                e.unwrap_or_else(|| panic!("no {text}: {:?}", layer.entities))
                    .id
            };
            assert_eq!(id(full), id(short), "{short}: {:?}", layer.entities);
        }
    }

    /// A headline's clause in capitals is no name; a name in capitals is.
    #[test]
    fn a_clause_in_capitals_is_no_name() {
        let doc = Document::new(
            "TRUMP'S DOCTOR: CONGRESS HAS INVESTIGATED HIM\n\nThe BANK OF AMERICA said so.",
        );
        let layer = find(&doc, &[], &[], None);
        assert!(
            layer.entities.iter().all(|e| !e.text.contains("HAS")),
            "{:?}",
            layer.entities
        );
    }

    #[test]
    fn a_role_set_off_before_a_name() {
        let doc = Document::new(
            "The ambassador of Maranthia to the Council, Ines Calloway, warned on Friday that \
             the talks could fail. Later the ambassador said more.",
        );
        let layer = find(&doc, &[], &[], None);
        let c = layer
            .clusters
            .iter()
            .find(|c| c.name == "Ines Calloway")
            .expect("a cluster");
        assert_eq!(c.roles, vec!["ambassador".to_string()]);
    }

    #[test]
    fn party_words_and_lone_titles_are_no_names() {
        let doc = Document::new(
            "Republican Donald Trump said the race was close. \"Mr. President, will you \
             pledge it?\" a reporter asked. \"Not now,\" said Del. Stacey Plaskett. Larry \
             King listened. \"Never,\" Mr. King said.",
        );
        let layer = find(&doc, &[], &[], None);
        let people: Vec<&str> = layer
            .clusters
            .iter()
            .filter(|c| c.kind == EntityKind::Person)
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(people, ["Donald Trump", "Stacey Plaskett", "Larry King"]);
    }

    #[test]
    fn anchored_amounts_are_the_matches_of_a_scan() {
        let texts = [
            "US$5 and $ 3.2bn, €12 million, £4, ¥30, 40 dollars, 5 per cent, 3% and 10:30 am.",
            "AUS$5 x12 12USD US$US$7 ١٢% ٣ pm 5pm_ 7 GMT\n8:00 9 percentage points",
            "",
            "no digits at all here",
        ];
        for t in texts {
            let starts = amount_starts(t);
            for (p, (re, kind, _)) in NUMERIC.iter().enumerate() {
                let Some(a) = &ANCHORED[p] else { continue };
                let scan: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                let mut anchored = Vec::new();
                let money = *kind == EntityKind::Money;
                anchored_find(a, t, &starts, money, |m| anchored.push(m));
                assert_eq!(scan, anchored, "{kind:?} in {t:?}");
                assert!(!scan.is_empty() || t.len() < 30, "{kind:?} in {t:?}");
            }
        }
    }

    #[test]
    fn numbers_and_dates() {
        let t = "On 19 December 2017, 22 people and $5 million, 40% of it, at 10:30 am. [27]";
        has(t, "19 December 2017", EntityKind::Date);
        has(t, "22", EntityKind::Number);
        has(t, "$5 million", EntityKind::Money);
        has(t, "40%", EntityKind::Percent);
        has(t, "10:30 am", EntityKind::Time);
        assert!(!ents(t).iter().any(|(x, _)| x == "27"));
        // A month and year after a preposition are one date.
        has(
            "The tower was seen most recently in August 2022.",
            "August 2022",
            EntityKind::Date,
        );
    }

    #[test]
    fn datelines_bylines_and_ordinary_first_words() {
        let t = "Harbour town votes for a wall\nBy Jane Okafor, Coastal Affairs Reporter\n\
                 PORT KELLAN, 14 March 2026 - The council of Port Kellan voted. \
                 The harbour was closed. Opposition members met the Harbour Trust.";
        let e = ents(t);
        has(t, "PORT KELLAN", EntityKind::Place);
        has(t, "Port Kellan", EntityKind::Place);
        has(t, "Jane Okafor", EntityKind::Person);
        for w in ["Harbour", "Coastal", "KELLAN", "Coastal Affairs Reporter"] {
            assert!(!e.iter().any(|(x, _)| x == w), "{w} in {e:?}");
        }
        // Not datelines: a capitals headline, an acronym before prose.
        assert_eq!(dateline_of("SOCCER - JAPAN GET LUCKY WIN"), None);
        assert_eq!(
            dateline_of("NASA, the space agency, said so - again."),
            None
        );
        assert_eq!(dateline_of("LONDON - Prices rose."), Some("LONDON".into()));
        // A clause in capitals opening a section is no place.
        assert_eq!(
            dateline_of("CONGRESS HAS INVESTIGATED HIM — his advice earned attention."),
            None
        );
        // A title the tagger takes into a person's name is left out of it.
        let t = "“We cannot wait,” said Mayor Helen Okafor, who proposed the plan.";
        has(t, "Helen Okafor", EntityKind::Person);
        assert!(!ents(t).iter().any(|(x, _)| x.starts_with("Mayor")));
    }

    fn dateline_of(t: &str) -> Option<String> {
        let doc = Document::new(t);
        let s = &doc.sentences[0];
        dateline(&doc, s).map(|j| doc.text[s.start..doc.tokens[j - 1].end].to_string())
    }

    #[test]
    fn model_finds_clubs_and_says_why() {
        let t = "Manchester United beat Chelsea 2-1 on Saturday, said coach Alex Ferguson.";
        has(t, "Manchester United", EntityKind::Org);
        has(t, "Chelsea", EntityKind::Org);
        has(t, "Alex Ferguson", EntityKind::Person);
        let doc = Document::new(t);
        let layer = find(&doc, &[], &[], None);
        let mu = layer
            .entities
            .iter()
            .find(|e| e.text == "Manchester United");
        assert!(mu.unwrap().why.starts_with("statistical tagger"), "{mu:?}");
        // "the" is not part of a name; a reporting verb opening a sentence is not either.
        has(
            "The Environment Agency said so.",
            "Environment Agency",
            EntityKind::Org,
        );
        has("Said Ellis: “No.”", "Ellis", EntityKind::Person);
    }

    #[test]
    fn initials_spell_acronyms() {
        assert_eq!(initials("National Council of Resistance of Iran"), "NCRI");
        assert_eq!(initials("Mojahedin-e Khalq"), "MEK");
        assert_eq!(initials("People's Mojahedin Organization of Iran"), "PMOI");
    }
}

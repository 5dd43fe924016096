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
//!
//! | file | holds |
//! |---|---|
//! | `mod.rs` | the layer's types and the flow ([`find`]) |
//! | `runs.rs` | the rules' names: runs of capitals, datelines, bylines |
//! | `roles.rs` | titles and roles, cues rather than names |
//! | `words.rs` | the word lists and word tests the rules read |
//! | `candidate.rs` | a run's type from its cues |
//! | `combine.rs` | the model's chunks and the rules' mentions made one list |
//! | `verbs.rs` | names cut at the verbs of headline capitals |
//! | `lone_words.rs`, `labels.rs`, `named_again.rs` | one word alone, transcript speaker labels, surnames given again |
//! | `people.rs` | people told apart by their names |
//! | `clusters.rs` | mentions joined into entities |
//! | `numeric.rs` | dates, times, amounts, numbers |

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::english_words;
use crate::lexicon::{with_lower, Gender, LEX};
use crate::segment::{word_is_cap, Document, Sentence, TokenKind};
use crate::tagger;
use crate::types::{Cluster, Entity, EntityKind, Span};
use crate::user_names::{self, UserName};
use roles::*;
use runs::*;
pub(crate) use words::title_case;
use words::*;

mod candidate;
mod clusters;
mod combine;
mod labels;
mod lone_words;
mod named_again;
mod numeric;
mod people;
mod roles;
mod runs;
mod verbs;
mod words;

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
    numeric::add_numeric(doc, &skipped, &mut entities);
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

#[cfg(test)]
mod tests;

//! Which mentions name one entity, and the clusters they make: the union-find of mentions
//! and the steps that join them.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::{people, surface_key, Mention};
use crate::lexicon::Gender;
use crate::segment::Document;
use crate::types::{Cluster, Entity, EntityKind};

/// Initials of a name for acronym matching ("National Council of Resistance of Iran" → NCRI;
/// "Mojahedin-e Khalq" → MEK).
pub(super) fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "of" | "the" | "and" | "for" | "'s" | "’s" | "&")
        })
        .filter_map(|w| w.trim_end_matches(['\'', '’']).chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    (2..=8).contains(&letters) && upper * 3 >= letters * 2 && !s.contains(' ')
}

/// Union-find over mentions.
/// Union-find over mentions.
pub(super) struct Sets(Vec<usize>);

impl Sets {
    pub(super) fn find(&mut self, a: usize) -> usize {
        let mut r = a;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut x = a;
        while self.0[x] != r {
            let next = self.0[x];
            self.0[x] = r;
            x = next;
        }
        r
    }
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the earlier mention as the root.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// Alias statements: "A or the B", "A (B)", "(…abbreviated B, C or D)", "A, also known as B".
static ALIAS_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\s*,?\s*(or|aka|also known as|also called|formerly)\s+(the\s+)?|\s*\(\s*(the\s+)?)$",
    )
    .unwrap()
});
static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(abbreviated|also known as|known as|aka|or simply)\b").unwrap()
});

/// The entities of `mentions` (in text order) and their clusters: people by their names'
/// parts ([`people::join_people`]), other mentions by their text, acronyms with the names they
/// spell, and names a text says are one ("A, also known as B"); per cluster, the gender its
/// mentions give.
pub(super) fn cluster(
    doc: &Document,
    mentions: &[Mention],
) -> (Vec<Entity>, Vec<Cluster>, Vec<Gender>) {
    let mut sets = Sets((0..mentions.len()).collect());
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| &doc.text[m.span.start..m.span.end])
        .collect();
    // Asked several times of each mention below.
    let acronym: Vec<bool> = texts.iter().map(|t| is_acronym(t)).collect();
    // People by their names' parts; the names of one word they resolve are not joined by
    // their text (every "Trump" would join, and through them every Trump).
    let resolved = people::join_people(doc, &texts, mentions, &mut sets);
    join_same_key(mentions, &texts, &acronym, &resolved, &mut sets);
    join_acronyms(mentions, &texts, &acronym, &mut sets);
    join_alias_statements(doc, mentions, &mut sets);
    join_abbreviations(doc, mentions, &acronym, &mut sets);
    build(mentions, &texts, &mut sets)
}

/// Same key → same entity: a gazetteer's canonical name, a short acronym without its dots, or
/// the text ([`surface_key`]), within a kind group ([`group_kind`]); not the one-word names
/// of people [`people::join_people`] resolved (`resolved`).
fn join_same_key(
    mentions: &[Mention],
    texts: &[&str],
    acronym: &[bool],
    resolved: &[bool],
    sets: &mut Sets,
) {
    let key_of = |i: usize, m: &Mention| -> (u8, Cow<str>) {
        let t = texts[i];
        let k = if let Some(c) = m.canonical {
            Cow::Borrowed(c)
        } else if acronym[i] && t.chars().filter(|c| c.is_alphabetic()).count() < 5 {
            Cow::Owned(t.replace('.', "").to_uppercase())
        } else {
            surface_key(t)
        };
        (group_kind(m.kind), k)
    };
    let mut first: HashMap<(u8, Cow<str>), usize> =
        HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for (i, m) in mentions.iter().enumerate() {
        if resolved[i] {
            continue;
        }
        let k = key_of(i, m);
        match first.get(&k) {
            Some(&f) => sets.union(f, i),
            None => {
                first.insert(k, i);
            }
        }
    }
}

/// Acronyms join the name whose initials they spell (the first such name).
fn join_acronyms(mentions: &[Mention], texts: &[&str], acronym: &[bool], sets: &mut Sets) {
    if !acronym.contains(&true) {
        return;
    }
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    for (k, o) in mentions.iter().enumerate() {
        if matches!(o.kind, EntityKind::Org | EntityKind::Misc) && !acronym[k] {
            by_initials.entry(initials(texts[k])).or_insert(k);
        }
    }
    for i in (0..mentions.len()).filter(|&i| acronym[i]) {
        if let Some(&k) = by_initials.get(&texts[i].replace('.', "").to_uppercase()) {
            sets.union(k, i);
        }
    }
}

/// Alias statements between neighbouring organisation mentions ([`ALIAS_GAP`]).
fn join_alias_statements(doc: &Document, mentions: &[Mention], sets: &mut Sets) {
    let actor = |m: &Mention| matches!(m.kind, EntityKind::Org | EntityKind::Misc);
    for i in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if !actor(a) || !actor(b) {
            continue;
        }
        let gap = &doc.text[a.span.end..b.span.start];
        if gap.len() < 40 && ALIAS_GAP.is_match(gap) {
            sets.union(i, i + 1);
        }
    }
}

/// "(Persian: …, abbreviated MEK, PMOI or MKO)": the acronyms in a parenthesis after a name
/// ([`ABBREVIATED`]).
fn join_abbreviations(doc: &Document, mentions: &[Mention], acronym: &[bool], sets: &mut Sets) {
    let n = mentions.len();
    for i in 0..n {
        let a = &mentions[i];
        if !matches!(a.kind, EntityKind::Org | EntityKind::Misc) || acronym[i] {
            continue;
        }
        let rest = &doc.text[a.span.end..];
        if !rest.trim_start().starts_with('(') {
            continue;
        }
        let open = a.span.end + rest.find('(').unwrap();
        let Some(close) = doc.text[open..].find(')').map(|k| open + k) else {
            continue;
        };
        if close - open > 400 || !ABBREVIATED.is_match(&doc.text[open..close]) {
            continue;
        }
        let inside: Vec<usize> = (i + 1..n)
            .take_while(|&k| mentions[k].span.start < close)
            .filter(|&k| acronym[k])
            .collect();
        for k in inside {
            sets.union(i, k);
        }
    }
}

/// The entities and clusters of the joined `sets`, clusters numbered in order of first
/// mention: aliases, roles, the first gender a mention gives, the mention count, and the
/// canonical name ([`canonical_name`]).
fn build(
    mentions: &[Mention],
    texts: &[&str],
    sets: &mut Sets,
) -> (Vec<Entity>, Vec<Cluster>, Vec<Gender>) {
    let n = mentions.len();
    // Per root mention: its cluster's id, 0 before its first mention.
    let mut root_to_id: Vec<u32> = vec![0; n];
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut genders: Vec<Gender> = Vec::new();
    // Per cluster: the canonical name a gazetteer gave one of its mentions.
    let mut gazetteer_names: Vec<Option<&'static str>> = Vec::new();
    let mut entities = Vec::with_capacity(n);
    for (i, m) in mentions.iter().enumerate() {
        let r = sets.find(i);
        let next_id = clusters.len() as u32 + 1;
        if root_to_id[r] == 0 {
            root_to_id[r] = next_id;
        }
        let id = root_to_id[r];
        if id == next_id {
            clusters.push(Cluster {
                id,
                name: String::new(),
                kind: mentions[r].kind,
                also_kinds: Vec::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: 0,
                quotes: 0,
                quoted_words: 0,
            });
            genders.push(Gender::Unknown);
            gazetteer_names.push(None);
        }
        let k = id as usize - 1;
        gazetteer_names[k] = gazetteer_names[k].or(m.canonical);
        add_mention(&mut clusters[k], &mut genders[k], m, texts[i]);
        entities.push(Entity {
            start: m.span.start,
            end: m.span.end,
            text: texts[i].to_string(),
            kind: m.kind,
            id: Some(id),
            why: m.why.clone(),
        });
    }
    for (c, gazetteer) in clusters.iter_mut().zip(gazetteer_names) {
        c.name = canonical_name(&c.aliases, c.kind, gazetteer);
    }
    (entities, clusters, genders)
}

/// Counts mention `m` (its text `t`) in cluster `c`: an alias and a role not seen before, and
/// the cluster's gender `g` if none was known.
fn add_mention(c: &mut Cluster, g: &mut Gender, m: &Mention, t: &str) {
    c.mentions += 1;
    if !c.aliases.iter().any(|a| a == t) {
        c.aliases.push(t.to_string());
    }
    if let Some(role) = &m.role {
        if !c.roles.contains(role) {
            c.roles.push(role.clone());
        }
    }
    if *g == Gender::Unknown {
        *g = m.gender;
    }
}

/// Types that may share a cluster: an acronym typed ORG joins a name typed MISC, and a name
/// typed PLACE in one sentence and ORG in another ("in Iran", "Iran said") is one entity read
/// two ways (see [`set_readings`]).
fn group_kind(k: EntityKind) -> u8 {
    match k {
        EntityKind::Org | EntityKind::Misc | EntityKind::Place => 0,
        EntityKind::Person => 1,
        EntityKind::Group => 3,
        _ => 4,
    }
}

/// The fullest form: the gazetteer's canonical name, else the longest non-acronym alias.
fn canonical_name(aliases: &[String], kind: EntityKind, gazetteer: Option<&str>) -> String {
    if let Some(c) = gazetteer.filter(|_| kind != EntityKind::Group) {
        return c.to_string();
    }
    aliases
        .iter()
        .filter(|a| !is_acronym(a))
        .max_by_key(|a| (a.split_whitespace().count(), a.len()))
        .or_else(|| aliases.first())
        .cloned()
        .unwrap_or_default()
}

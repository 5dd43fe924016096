//! The model's chunks and the rules' mentions made one list of mentions. The model decides
//! where names are and their types; the rules' mention of the same words lends its facts
//! (role, gender, canonical name); a rule mention with a strong cue (gazetteer, title) stands
//! where the model found nothing. An appositive role ("X, a political analyst") makes a weak
//! non-person a person.

use super::*;
use std::cell::OnceCell;

/// Merges the rules' mentions with the model's chunks (see the module's doc).
pub(super) fn combine(
    doc: &Document,
    rules: Vec<Mention>,
    chunks: &[tagger::Chunk],
    surnames: &HashSet<&str>,
) -> Vec<Mention> {
    if chunks.is_empty() {
        return rules;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(chunks.len() + rules.len());
    // Rules that override the tagger on their words (a dateline).
    let overrides: Vec<(usize, usize)> = rules
        .iter()
        .filter(|x| x.strength >= OVERRIDES)
        .map(|x| x.toks)
        .collect();
    let (mut r, mut o) = (0, 0);
    let lowercase = LowercaseWords::default();
    for c in &verbs::cut_at_verbs(doc, join_nicknames(doc, join_glued(doc, chunks))) {
        let Some((i, j)) = name_tokens(doc, c, surnames) else {
            continue;
        };
        if not_a_name(doc, i, j, &lowercase) {
            continue;
        }
        while o < overrides.len() && overrides[o].1 <= i {
            o += 1;
        }
        if overrides.get(o).is_some_and(|&(a, _)| a < j) {
            continue;
        }
        let (mut m, conf) = model_mention(doc, c, i, j);
        // The rules' mention of the same words.
        while r < rules.len() && rules[r].toks.1 <= i {
            r += 1;
        }
        let same = rules[r..]
            .iter()
            .take_while(|x| x.toks.0 < j)
            .find(|x| x.toks == (i, j));
        if let Some(x) = same {
            lend_rule_facts(doc, &mut m, x, conf);
        }
        person_facts(doc, &mut m, conf);
        out.push(m);
    }
    add_strong_rules(&mut out, rules);
    out
}

/// Two chunks of different types with nothing between them ("Mojahedin-e" MISC, "Khalq" ORG)
/// are one name of the last one's type (English names end in their head).
fn join_glued(doc: &Document, chunks: &[tagger::Chunk]) -> Vec<tagger::Chunk> {
    let mut merged: Vec<tagger::Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        if let Some(last) = merged.last_mut() {
            if last.toks.1 == c.toks.0 && !c.apart && glued(doc, c.toks.0) {
                last.toks.1 = c.toks.1;
                last.kind = c.kind;
                last.margin = last.margin.min(c.margin);
                continue;
            }
        }
        merged.push(*c);
    }
    merged
}

/// A nickname in quotation marks inside a person's name (`Marcia "Cia" Price`, `Robert C.
/// "Bobby" Scott`): one name, from the given name to the surname after the closing mark,
/// and the chunks it covers are part of it. Only a one-word nickname after a given name
/// (or an initial) and before a capital that is no date ("called Hillary "Crooked" Monday"
/// is no name).
fn join_nicknames(doc: &Document, chunks: Vec<tagger::Chunk>) -> Vec<tagger::Chunk> {
    let mark = |k: usize| matches!(doc.tok(k), "\"" | "“" | "”");
    let cap = |k: usize| doc.tokens[k].kind == TokenKind::Word && word_is_cap(doc.tok(k));
    let given = |c: &tagger::Chunk| {
        let (i, j) = c.toks;
        LEX.given_names.contains_key(doc.tok(i)) || (j - i >= 2 && doc.tok(j - 1) == ".")
    };
    let nickname_at = |j: usize| {
        let surname = j + 3;
        surname < doc.tokens.len()
            && mark(j)
            && cap(j + 1)
            && mark(j + 2)
            && cap(surname)
            && doc.tokens[j].sentence == doc.tokens[surname].sentence
            && !WEEKDAYS.contains(&doc.tok(surname))
            && !MONTHS.contains(&doc.tok(surname))
    };
    let mut out: Vec<tagger::Chunk> = Vec::with_capacity(chunks.len());
    for mut c in chunks {
        if let Some(last) = out.last_mut() {
            if c.toks.0 < last.toks.1 {
                last.toks.1 = last.toks.1.max(c.toks.1);
                continue;
            }
        }
        if c.kind == 1 && given(&c) && nickname_at(c.toks.1) {
            c.toks.1 += 4;
        }
        out.push(c);
    }
    out
}

/// The tokens of chunk `c` that are the name: past punctuation, an opening reporting verb or
/// "the", and a person's titles and party words; `None` when nothing but a title is left.
fn name_tokens(
    doc: &Document,
    c: &tagger::Chunk,
    surnames: &HashSet<&str>,
) -> Option<(usize, usize)> {
    let (mut i, j) = c.toks;
    // A name never starts with punctuation ("Rep" + ". Jim Orr").
    while i < j && doc.tokens[i].kind == TokenKind::Punct {
        i += 1;
    }
    if i == j {
        return None;
    }
    // "Said Ellis: …": a reporting verb opening the sentence is not part of the name, nor is
    // "the" ("The Environment Agency").
    let verb = LEX.speech_verb(doc.tok(i)).is_some() && !in_gazetteer(doc.tok(i));
    if j - i >= 2 && (verb || matches!(doc.tok(i), "The" | "the")) {
        i += 1;
    }
    // A title or a party word opening a person's name is a cue, not part of it ("Mayor Helen
    // Okafor", "Republican Donald Trump").
    if c.kind == 1 {
        while j - i >= 2 && people::PARTY_WORDS.contains(&doc.tok(i)) && word_is_cap(doc.tok(i + 1))
        {
            i += 1;
        }
        while let Some(len) = title_len(doc, i, j) {
            // "Rep. Jim Orr": past the abbreviation's dot.
            let mut k = i + len;
            if k < j && doc.tok(k) == "." {
                k += 1;
            }
            if k >= j || !word_is_cap(doc.tok(k)) {
                break;
            }
            i = k;
        }
        if lone_title(doc, i, j, surnames) {
            return None;
        }
    }
    Some((i, j))
}

/// The text's lowercase words, gathered the first time a lone capital asks.
#[derive(Default)]
struct LowercaseWords<'a>(OnceCell<HashSet<&'a str>>);

impl<'a> LowercaseWords<'a> {
    fn contains(&self, doc: &Document<'a>, w: &str) -> bool {
        let set = self.0.get_or_init(|| {
            let mut set = HashSet::with_capacity_and_hasher(doc.tokens.len(), Default::default());
            set.extend(
                doc.tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.kind == TokenKind::Word)
                    .map(|(k, _)| doc.tok(k))
                    .filter(|w| w.starts_with(|c: char| c.is_lowercase())),
            );
            set
        });
        with_lower(w, |l| set.contains(l))
    }
}

/// Tokens `[i, j)` the tagger took for a name that are none: a clause in capitals, a lone
/// word that is no name alone, a byline's role, or a lone capital the text also writes in
/// lowercase.
fn not_a_name<'a>(doc: &Document<'a>, i: usize, j: usize, lowercase: &LowercaseWords<'a>) -> bool {
    if shouted_clause(doc, i, j) || (j - i == 1 && lone_words::no_name_alone(doc.tok(i))) {
        return true;
    }
    // Words of a byline's role are not names ("Coastal Affairs Reporter").
    if byline_role(doc, i).is_some_and(|(a, b)| a <= i && j <= b)
        && (i..j).all(|k| !in_gazetteer(doc.tok(k)))
    {
        return true;
    }
    // A lone word where capitals say nothing (a sentence's first word, a headline), which the
    // same text also writes in lowercase ("Harbour town votes…" / "the harbour"), is an
    // ordinary word.
    j - i == 1
        && uninformative_capital(doc, i)
        && !in_gazetteer(doc.tok(i))
        && lowercase.contains(doc, doc.tok(i))
}

/// The model's mention of tokens `[i, j)` (chunk `c`), and its confidence in words.
fn model_mention(doc: &Document, c: &tagger::Chunk, i: usize, j: usize) -> (Mention, &'static str) {
    let (kind, canonical) = model_kind(doc, c.kind, i, j);
    let conf = if c.margin >= 8.0 {
        "high"
    } else if c.margin >= 3.0 {
        "medium"
    } else {
        "low"
    };
    let m = Mention {
        span: Span::new(doc.tokens[i].start, doc.tokens[j - 1].end),
        toks: (i, j),
        kind,
        strength: if c.margin >= 8.0 { 2 } else { 1 },
        why: format!("statistical tagger, {conf} confidence"),
        role: None,
        gender: Gender::Unknown,
        canonical,
    };
    (m, conf)
}

/// The rules' mention `x` of the same words as `m` lends its facts, and its cue when it
/// agrees; an unsure tagger gives way to a place word opening a name no gazetteer knows.
fn lend_rule_facts(doc: &Document, m: &mut Mention, x: &Mention, conf: &str) {
    let (i, j) = m.toks;
    m.role.clone_from(&x.role);
    m.gender = x.gender;
    m.canonical = x.canonical.or(m.canonical);
    if x.kind == m.kind {
        m.why.push_str("; ");
        m.why.push_str(&x.why);
        m.strength = m.strength.max(x.strength);
    } else if m.strength < 2
        && x.kind == EntityKind::Place
        && j - i >= 2
        && PLACE_HEADS.contains(&doc.tok(i))
        && !in_gazetteer(join_words(doc, i, j))
    {
        // The tagger unsure, and a name the gazetteers do not know opening with a place word
        // ("Port Ellery", "Mount Kellan").
        m.why = format!("{}; over the tagger ({conf} confidence)", x.why);
        m.kind = x.kind;
        m.strength = x.strength;
    }
}

/// What the words around `m` say of a person: a role after a weak non-person's name makes it
/// one, as does a given name read as a place; a person's role from a title before the name
/// or an apposition; its gender from titles, else its given name.
fn person_facts(doc: &Document, m: &mut Mention, conf: &str) {
    let (i, j) = m.toks;
    if m.kind != EntityKind::Person && m.strength < 2 {
        if let Some(role) = role_after(doc, j) {
            m.kind = EntityKind::Person;
            m.why = format!("role after the name: '{role}'");
            m.role = Some(role);
        }
    }
    lone_words::retype_given_name(doc, m, conf);
    if m.kind != EntityKind::Person {
        return;
    }
    if m.role.is_none() {
        if let Some((t, _)) = title_before(doc, i) {
            m.role = (!t.role.is_empty()).then(|| t.role.clone());
            m.gender = t.gender;
        }
    }
    // "The ambassador of Maranthia to the Council, Ines Calloway, warned", "Ines Calloway,
    // the ambassador, said": the role a later "the ambassador" refers to.
    if m.role.is_none() {
        m.role = role_before_apposition(doc, i).or_else(|| {
            // Only an apposition closed by a comma: "Chelsea, the mayor also said" is a new
            // subject.
            let role = role_after(doc, j)?;
            let s1 = doc.sentences[doc.tokens[j].sentence as usize].tokens.1;
            let close =
                (j + 2..s1.min(j + 10)).find(|&k| doc.tokens[k].kind == TokenKind::Punct)?;
            (doc.tok(close) == ",").then_some(role)
        });
    }
    if m.gender == Gender::Unknown {
        m.gender = name_gender(doc, i, j);
    }
}

//! One capitalised run of words read as a name: the demonyms, places and titles before it
//! peeled off ("Turkish Foreign Minister …"), then its type by the strongest cue it carries.

use rustc_hash::FxHashSet as HashSet;

use super::{
    gazetteer_mention, given_name, in_gazetteer, is_all_caps, is_common, join_words, lone_title,
    name_gender, speech_verb_next_to, title_before, title_len, Mention, Strength, EVENT_HEADS,
    PLACE_HEADS,
};
use crate::lexicon::{Gender, LEX};
use crate::segment::Document;
use crate::types::{EntityKind, Span};

/// Peels demonyms, places and titles off the front of a capitalised run `[i, j)` and types
/// the rest, into `out`.
pub(super) fn split_candidate(
    doc: &Document,
    i: usize,
    j: usize,
    surnames: &HashSet<&str>,
    out: &mut Vec<Mention>,
) {
    let whole = join_words(doc, i, j);
    // A gazetteer hit for the whole run wins.
    if let Some(m) = gazetteer_mention(doc, i, j, whole) {
        out.push(m);
        return;
    }
    let Some(i) = past_modifiers(doc, i, j, out) else {
        return;
    };
    let (i, titles) = read_titles(doc, i, j);
    // Nothing but titles: "Mr. President" names nobody (but "Mr. King" does, where the text
    // names Larry King).
    if i >= j || (!titles.words.is_empty() && lone_title(doc, i, j, surnames)) {
        return;
    }
    let text = join_words(doc, i, j);
    if let Some(m) = gazetteer_mention(doc, i, j, text) {
        out.push(m);
        return;
    }
    let Some((kind, strength, why)) = name_type(doc, i, j, &titles.words) else {
        return;
    };
    let gender = if kind == EntityKind::Person && titles.gender == Gender::Unknown {
        name_gender(doc, i, j)
    } else {
        titles.gender
    };
    out.push(Mention {
        span: Span::new(doc.tokens[i].start, doc.tokens[j - 1].end),
        toks: (i, j),
        kind,
        strength,
        why,
        role: titles.role,
        gender,
        canonical: None,
    });
}

/// Where the name of run `[i, j)` starts past a leading "The" and a demonym or place before
/// a title ("Turkish Foreign Minister …", "U.S. President …"; the demonym or place goes into
/// `out`). `None` when a demonym stands before ordinary words ("Iranian People", "Iranian
/// Regime"): the group only, which goes into `out`.
fn past_modifiers(doc: &Document, mut i: usize, j: usize, out: &mut Vec<Mention>) -> Option<usize> {
    if doc.tok(i) == "The" && j - i > 1 {
        i += 1;
    }
    if j - i >= 2 {
        let first = doc.tok(i);
        if (LEX.demonyms.contains_key(first) || LEX.places.contains_key(first))
            && title_len(doc, i + 1, j).is_some()
        {
            out.extend(gazetteer_mention(doc, i, i + 1, first));
            i += 1;
        }
    }
    if j - i >= 2 && LEX.demonyms.contains_key(doc.tok(i)) {
        let rest_ordinary = (i + 1..j).all(|k| {
            let w = doc.tok(k);
            is_common(w) && !LEX.org_heads.contains(w) && LEX.title_of(&[w]).is_none()
        });
        if rest_ordinary {
            out.extend(gazetteer_mention(doc, i, i + 1, doc.tok(i)));
            return None;
        }
    }
    Some(i)
}

/// The titles before a name: the role and gender they give, and their words.
struct Titles {
    role: Option<String>,
    gender: Gender,
    words: Vec<String>,
}

/// The titles at the start of run `[i, j)`, possibly several ("Supreme Leader Ayatollah Ali
/// Khamenei"), else a lowercase title right before it ("ambassador Matthew Rycroft"), and
/// where the name after them starts.
fn read_titles(doc: &Document, mut i: usize, j: usize) -> (usize, Titles) {
    let mut t = Titles {
        role: None,
        gender: Gender::Unknown,
        words: Vec::new(),
    };
    while let Some(len) = title_len(doc, i, j) {
        if i + len >= j {
            break;
        }
        let words: Vec<&str> = (i..i + len).map(|k| doc.tok(k)).collect();
        if let Some(title) = LEX.title_of(&words) {
            if !title.role.is_empty() {
                t.role = Some(title.role.clone());
            }
            if title.gender != Gender::Unknown {
                t.gender = title.gender;
            }
        }
        t.words.push(join_words(doc, i, i + len).to_string());
        i += len;
        // "Chairman of Foreign Affairs Committee": the title's "of" goes with it.
        if i < j && doc.tok(i) == "of" {
            i += 1;
            t.role = None;
            t.words.clear();
        }
    }
    if t.words.is_empty() {
        if let Some((title, w)) = title_before(doc, i) {
            t.role = (!title.role.is_empty()).then(|| title.role.clone());
            if title.gender != Gender::Unknown {
                t.gender = title.gender;
            }
            t.words.push(w);
        }
    }
    (i, t)
}

/// The type of name `[i, j)` by the strongest cue it carries, with that cue's strength and
/// words (`titles`: the titles before it); `None` for one ordinary word with a capital ("the
/// Regime", "Protests").
fn name_type(
    doc: &Document,
    i: usize,
    j: usize,
    titles: &[String],
) -> Option<(EntityKind, Strength, String)> {
    let words: Vec<&str> = (i..j).map(|k| doc.tok(k)).collect();
    let last = *words.last().unwrap();
    let first = words[0];
    let typed = if !titles.is_empty() && !LEX.org_heads.contains(last) {
        (
            EntityKind::Person,
            3,
            format!("title '{}' before name", titles.join(" ")),
        )
    } else if LEX.org_heads.contains(last)
        || words.iter().any(|w| LEX.org_heads.contains(w)) && words.len() >= 3
    {
        let head = words
            .iter()
            .rev()
            .find(|w| LEX.org_heads.contains(*w))
            .unwrap();
        (EntityKind::Org, 2, format!("organisation word '{head}'"))
    } else if EVENT_HEADS.contains(&last) && words.len() >= 2 {
        let why = format!("event, law or agreement word '{last}'");
        (EntityKind::Misc, 2, why)
    } else if PLACE_HEADS.contains(&last) || (PLACE_HEADS.contains(&first) && words.len() >= 2) {
        (EntityKind::Place, 2, "place word in the name".into())
    } else if words.len() >= 2
        && given_name(first).is_some()
        && !words
            .iter()
            .any(|w| is_common(w) && !in_gazetteer(w) && !LEX.surnames.contains(w))
    {
        (EntityKind::Person, 2, format!("given name '{first}'"))
    } else if words.len() == 2
        && given_name(first).is_some()
        && i > doc.sentences[doc.tokens[i].sentence as usize].tokens.0
        && !last.ends_with('s')
        && !LEX.places.contains_key(last)
        && !LEX.demonyms.contains_key(last)
    {
        // "fisherman Owen Price": a given name and a capitalised word mid-sentence, where the
        // capital is informative even if the surname is also an ordinary word.
        let why = format!("given name '{first}' and a capitalised surname");
        (EntityKind::Person, 1, why)
    } else if words.len() == 1 && is_all_caps(first) && first.chars().count() <= 6 {
        (EntityKind::Org, 1, "acronym".into())
    } else if let Some(verb) = speech_verb_next_to(doc, i, j) {
        (EntityKind::Person, 1, format!("speaks: '{verb}'"))
    } else if words.len() == 1 && (LEX.surnames.contains(first) || given_name(first).is_some()) {
        (EntityKind::Person, 1, "known personal name".into())
    } else if (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| !is_common(w) || LEX.surnames.contains(w))
    {
        let why = "capitalised words that look like a personal name".into();
        (EntityKind::Person, 0, why)
    } else if words.len() == 1 && is_common(first) {
        return None;
    } else {
        (
            EntityKind::Misc,
            0,
            "capitalised name of unknown type".into(),
        )
    };
    Some(typed)
}

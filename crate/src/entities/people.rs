//! Which person mentions name one person. Names are compared by their parts, a given name and
//! a surname with its particles ("Jean-Yves" + "Le Drian"), never by a shared surname alone:
//! "Melania Trump" is not "Donald Trump", and "Trump" is whichever of them the text last named.

use super::{Mention, Sets, CONNECTORS};
use crate::lexicon::{Gender, LEX};
use crate::segment::Document;
use crate::types::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// Party words that may stand before a name in a mention and are no part of it ("Republican
/// Donald Trump").
pub(super) const PARTY_WORDS: &[&str] = &["Republican", "Democrat", "Democratic", "GOP"];

/// Generational suffixes after a surname ("Joseph R. Biden Jr.").
const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// A person's name in parts, each in the form under which names are compared ([`fold`]).
#[derive(Debug, PartialEq, Eq)]
struct Name {
    /// The first word of a name of two words or more, unless that word starts the surname.
    given: Option<String>,
    /// From the first particle on ("le drian", "bin salman"), else the last word.
    surname: String,
}

/// The form under which the parts of names are compared: lower case, one apostrophe
/// ("De Blasio" opening a sentence is "Bill de Blasio"; "O'Neill" is "O’Neill"; "PENCE" in a
/// transcript is "Mike Pence").
fn fold(part: &str) -> String {
    part.to_lowercase().replace('’', "'")
}

/// "Jean-Yves Le Drian" → Jean-Yves + Le Drian; "Le Drian" → Le Drian alone; "Republican
/// Donald Trump" → Donald + Trump.
fn name_parts(text: &str) -> Name {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let cue = |w: &str| PARTY_WORDS.contains(&w) || LEX.title_of(&[w]).is_some();
    let start = words.iter().position(|w| !cue(w)).unwrap_or(0);
    let mut words = &words[start.min(words.len().saturating_sub(1))..];
    while words.len() > 1 && SUFFIXES.contains(&words[words.len() - 1].trim_end_matches(',')) {
        words = &words[..words.len() - 1];
    }
    let particle = |w: &str| CONNECTORS.contains(&w.to_lowercase().as_str());
    let last = words.len().saturating_sub(1);
    let at = (0..last).find(|&k| particle(words[k])).unwrap_or(last);
    Name {
        given: (at > 0).then(|| fold(words[0])),
        surname: words
            .get(at..)
            .map_or(String::new(), |w| fold(&w.join(" "))),
    }
}

/// Two given names of one person: the same, or one the other's initial ("J." and "John").
fn same_given(a: &str, b: &str) -> bool {
    let initial = |i: &str, n: &str| {
        let i = i.trim_end_matches('.');
        i.chars().count() == 1 && n.starts_with(i)
    };
    a == b || initial(a, b) || initial(b, a)
}

/// Joins the person mentions that name one person, and returns which mentions it resolved (a
/// name of one word, or a surname with no given name, joined to a full name): the caller
/// leaves those out of its joining by identical text, which would otherwise join every
/// "Trump" and through them every Trump.
///
/// - Full names join when their surnames are the same and their given names agree.
/// - A surname alone, or a given name alone, joins a full name that has that surname (or
///   given name) and a compatible gender ("Mrs. Trump" is not Donald): the latest one before
///   it in its paragraph; else, of those before it, the person named most often in full (the
///   one the article is about: "Cruz" is Ted, not Heidi, named once), the latest among
///   equals; else the first after it, if the text names only one person of that name
///   after it ("President Obama" before "Michelle Obama" and "Barack Obama" joins neither);
///   never a name given another role.
///
/// Every look-up goes through an index, so a long text with thousands of names costs about
/// as much per name as a short one.
pub(super) fn join_people(
    doc: &Document,
    texts: &[&str],
    mentions: &[Mention],
    sets: &mut Sets,
) -> Vec<bool> {
    let names: Vec<Option<Name>> = (0..mentions.len())
        .map(|i| (mentions[i].kind == EntityKind::Person).then(|| name_parts(texts[i])))
        .collect();
    let full: Vec<usize> = (0..mentions.len())
        .filter(|&i| names[i].as_ref().is_some_and(|n| n.given.is_some()))
        .collect();
    let key = |k: usize| {
        let n = names[k].as_ref().unwrap();
        (n.given.as_deref().unwrap(), n.surname.as_str())
    };
    let salience = join_full_names(&full, &key, sets, mentions.len());
    let index = Candidates::new(&full, &key, &salience);
    let mut resolved = vec![false; mentions.len()];
    for (i, name) in names.iter().enumerate() {
        let Some(name) = name.as_ref().filter(|n| n.given.is_none()) else {
            continue;
        };
        let m = &mentions[i];
        // A gender only from a title right before it ("Mrs. Trump"): not from its own words
        // ("Clinton" and "Le" are given names too).
        // "Mr. Obama": past the abbreviation's period.
        let t = m.toks.0;
        let t = if t > 1 && doc.tok(t - 1) == "." {
            t - 1
        } else {
            t
        };
        let gender = (t > 0)
            .then(|| LEX.title_of(&[doc.tok(t - 1)]))
            .flatten()
            .map_or(Gender::Unknown, |title| title.gender);
        // Nor a name given another role ("President Obama" is not "the first lady, Michelle
        // Obama").
        let fits = |k: usize| {
            mentions[k].gender.compatible(gender)
                && (m.role.is_none() || mentions[k].role.is_none() || m.role == mentions[k].role)
        };
        let block =
            |k: usize| doc.sentences[doc.tokens[mentions[k].toks.0].sentence as usize].block;
        let start = |k: usize| mentions[k].span.start;
        if let Some(k) = index.choose(&name.surname, m.span.start, &start, &fits, &|k| {
            block(k) == block(i)
        }) {
            sets.union(k, i);
            resolved[i] = true;
        }
    }
    resolved
}

/// Joins the full names of one person (the same surname, given names that agree), and
/// returns, per mention, how often its exact name occurs in full (0 for the others).
fn join_full_names<'n>(
    full: &[usize],
    key: &dyn Fn(usize) -> (&'n str, &'n str),
    sets: &mut Sets,
    n: usize,
) -> Vec<usize> {
    // Identical names join at once; the distinct given names of one surname are compared.
    let mut first: HashMap<(&str, &str), usize> = HashMap::default();
    let mut count: HashMap<(&str, &str), usize> = HashMap::default();
    let mut givens: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for &a in full {
        let (given, surname) = key(a);
        *count.entry((given, surname)).or_default() += 1;
        match first.get(&(given, surname)) {
            Some(&f) => sets.union(f, a),
            None => {
                first.insert((given, surname), a);
                givens.entry(surname).or_default().push((given, a));
            }
        }
    }
    for gs in givens.values() {
        for (x, &(ga, a)) in gs.iter().enumerate() {
            for &(gb, b) in &gs[x + 1..] {
                if same_given(ga, gb) {
                    sets.union(a, b);
                }
            }
        }
    }
    let mut salience = vec![0; n];
    for &a in full {
        salience[a] = count[&key(a)];
    }
    salience
}

/// The full names a one-word name may be, by their surname and by their given name, each list
/// in text order with, at each place, the most salient entry up to there.
struct Candidates<'n> {
    by_word: HashMap<&'n str, Entries<'n>>,
}

/// The full names of one word, in text order: mention, the most salient up to there, given
/// name.
type Entries<'n> = (Vec<usize>, Vec<usize>, Vec<&'n str>);

/// How far back the latest full name of a compatible gender is looked for when a title gives
/// the one-word name a gender (without one, the latest is the one before).
const GENDER_LOOK_BACK: usize = 200;

impl<'n> Candidates<'n> {
    fn new(full: &[usize], key: &dyn Fn(usize) -> (&'n str, &'n str), salience: &[usize]) -> Self {
        let mut by_word: HashMap<&str, Entries> = HashMap::default();
        for &a in full {
            let (given, surname) = key(a);
            let e = by_word.entry(surname).or_default();
            e.0.push(a);
            e.2.push(given);
            if given != surname {
                let e = by_word.entry(given).or_default();
                e.0.push(a);
                e.2.push(given);
            }
        }
        for (list, best, _) in by_word.values_mut() {
            // The latest of the most salient up to each place.
            let mut b = list[0];
            for &k in list.iter() {
                if salience[k] >= salience[b] {
                    b = k;
                }
                best.push(b);
            }
        }
        Candidates { by_word }
    }

    /// The full name a one-word name `word` at `pos` joins (see [`join_people`]).
    fn choose(
        &self,
        word: &str,
        pos: usize,
        start: &dyn Fn(usize) -> usize,
        fits: &dyn Fn(usize) -> bool,
        same_block: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let (list, best, given) = self.by_word.get(word)?;
        let p = list.partition_point(|&k| start(k) < pos);
        let before = &list[..p];
        let latest = before
            .iter()
            .rev()
            .take(GENDER_LOOK_BACK)
            .copied()
            .find(|&k| fits(k));
        match latest {
            Some(k) if same_block(k) => Some(k),
            // Without a gender to check, the most salient before; with one, the latest that fits.
            Some(k) => Some(if fits(best[p - 1]) { best[p - 1] } else { k }),
            // Before any full name: the one named after it, if the text names only one
            // ("Obama … the first lady, Michelle Obama … Barack Obama" is neither).
            None => {
                let mut after = (p..list.len())
                    .filter(|&j| fits(list[j]))
                    .take(GENDER_LOOK_BACK);
                let first = after.next()?;
                after
                    .all(|j| same_given(given[j], given[first]))
                    .then_some(list[first])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find;

    /// The aliases of each person cluster of `text`.
    fn people(text: &str) -> Vec<Vec<String>> {
        let doc = Document::new(text);
        find(&doc, &[], &[], None)
            .clusters
            .into_iter()
            .filter(|c| c.kind == EntityKind::Person)
            .map(|c| c.aliases)
            .collect()
    }

    /// The one cluster holding `alias`.
    fn holding<'p>(people: &'p [Vec<String>], alias: &str) -> &'p [String] {
        let mut found = people.iter().filter(|a| a.iter().any(|x| x == alias));
        let one = found
            .next()
            .unwrap_or_else(|| panic!("{alias} in no cluster: {people:?}"));
        assert!(
            found.next().is_none(),
            "{alias} in two clusters: {people:?}"
        );
        one
    }

    /// True when the one cluster holding `name` also holds `alias`.
    fn joined(people: &[Vec<String>], name: &str, alias: &str) -> bool {
        holding(people, name).iter().any(|a| a == alias)
    }

    #[test]
    fn people_who_share_a_surname_are_never_merged() {
        let p = people(
            "Donald Trump spoke in Ohio on Monday.\n\nMelania Trump spoke in New York. \
             Trump thanked the crowd.\n\nBill Clinton met Hillary Clinton in Little Rock. \
             Mrs. Clinton said little.",
        );
        assert!(!joined(&p, "Donald Trump", "Melania Trump"), "{p:?}");
        // "Trump" in Melania's paragraph, after her name: her.
        assert!(joined(&p, "Melania Trump", "Trump"), "{p:?}");
        assert!(!joined(&p, "Bill Clinton", "Hillary Clinton"), "{p:?}");
        // A title's gender decides between them.
        assert!(joined(&p, "Hillary Clinton", "Clinton"), "{p:?}");
    }

    #[test]
    fn a_surname_before_two_full_names_of_it_joins_neither() {
        let p = people(
            "President Obama spoke on Monday. The campaign will use Mr. Obama and the first \
             lady, Michelle Obama, in the fall.\n\nBarack Obama said little.",
        );
        assert!(!joined(&p, "Michelle Obama", "Obama"), "{p:?}");
        assert!(!joined(&p, "Michelle Obama", "Barack Obama"), "{p:?}");
    }

    /// A nickname in quotation marks is part of the name, and no quote; a quoted word before
    /// a day is neither.
    #[test]
    fn a_nickname_in_marks_is_part_of_the_name() {
        let text = "Scott's niece, state Del. Marcia \"Cia\" Price, shouted to the crowd. \
                    Marine John \u{201c}Tig\u{201d} Tiegen said he was there.";
        let found = people(text);
        assert_eq!(
            holding(&found, "Marcia \"Cia\" Price").len(),
            1,
            "{found:?}"
        );
        let doc = Document::new(text);
        let layer = find(&doc, &[], &[], None);
        let tiegen = layer
            .clusters
            .iter()
            .position(|c| c.name.ends_with("Tiegen"));
        let gender = tiegen.map(|k| layer.genders[k]);
        assert_eq!(gender, Some(Gender::Unknown), "{:?}", layer.clusters);
        let not = people("Trump called Hillary \"Crooked\" Monday in Ohio.");
        assert!(
            not.iter().flatten().all(|a| !a.contains("Monday")),
            "{not:?}"
        );
    }

    #[test]
    fn a_surname_alone_is_the_person_the_article_names_most() {
        let p = people(
            "Ted Cruz endorsed the nominee. Ted Cruz spoke for an hour.\n\n\
             Heidi Cruz watched from the floor.\n\nOn Friday, Cruz said he had no regrets.",
        );
        assert!(joined(&p, "Ted Cruz", "Cruz"), "{p:?}");
        assert!(!joined(&p, "Heidi Cruz", "Ted Cruz"), "{p:?}");
    }

    #[test]
    fn full_names_of_one_person_join() {
        let p = people(
            "Joseph R. Biden Jr. spoke first. Later, Joseph Biden took questions, and \
             Biden left. Jean-Yves Le Drian arrived; Le Drian said nothing.",
        );
        assert!(joined(&p, "Joseph R. Biden Jr.", "Joseph Biden"), "{p:?}");
        assert!(joined(&p, "Joseph R. Biden Jr.", "Biden"), "{p:?}");
        assert!(joined(&p, "Jean-Yves Le Drian", "Le Drian"), "{p:?}");
    }

    #[test]
    fn names_in_parts() {
        let p = |t| {
            let n = name_parts(t);
            (n.given, n.surname)
        };
        let given = |g: &str| Some(g.to_string());
        assert_eq!(
            p("Jean-Yves Le Drian"),
            (given("jean-yves"), "le drian".into())
        );
        assert_eq!(p("Le Drian"), (None, "le drian".into()));
        assert_eq!(
            p("Mohammed bin Salman"),
            (given("mohammed"), "bin salman".into())
        );
        assert_eq!(
            p("Republican Donald Trump"),
            (given("donald"), "trump".into())
        );
        assert_eq!(p("Donald J. Trump"), (given("donald"), "trump".into()));
        assert_eq!(p("Trump"), (None, "trump".into()));
        assert_eq!(p("Joseph R. Biden Jr."), (given("joseph"), "biden".into()));
        // One form for a particle opening a sentence, curly and straight apostrophes.
        assert_eq!(p("De Blasio"), p("de Blasio"));
        assert_eq!(p("James O’Neill").1, p("O'Neill").1);
    }

    #[test]
    fn initials_agree_with_given_names() {
        assert!(same_given("j.", "john"));
        assert!(same_given("hillary", "hillary"));
        assert!(!same_given("melania", "donald"));
        assert!(!same_given("jo", "john"));
    }
}

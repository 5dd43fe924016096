//! What the features need to know about each distinct word of a document ([`Word`]), computed
//! in one pass over its characters ([`word_facts`]), and each token ([`Tok`]).

use super::*;

/// What the features need to know about one distinct word (token text) of a document,
/// computed once per document however often the word occurs.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    /// `text.to_lowercase()` and [`shape`]`(text)`: byte ranges of [`Strs::lower`] and
    /// [`Strs::shape`] (one buffer each for the whole document, not two strings a word).
    pub(super) lower: (u32, u32),
    pub(super) shape: (u32, u32),
    /// The flags that depend on the word alone (all but `F_PUNCT`, `F_INITIAL`, `F_HEADLINE`).
    pub(super) flags: u32,
    /// Alphabetic and uppercase characters, for the headline test.
    pub(super) letters: u32,
    pub(super) upper: u32,
    /// The lengths of the multi-word gazetteer entries the word or its title case leads
    /// (see [`Gaz::leads`]); empty when neither is a lead.
    pub(super) leads: Lengths,
    /// Capitalised with a lowercase letter (may join `mid_caps`).
    pub(super) mixed_cap: bool,
    /// How frequent the word is in general English ([`zipf_band`]; 0 if rare),
    /// with its case: `band << 2 | case` (case 0 lower, 1 capitalised, 2 all capitals, 3
    /// other).
    pub(super) zipf: u8,
    /// A capitalised word's Brown cluster ([`crate::english_words`]; an all-capitals word
    /// by its title case), 0 for none and for a lowercase word.
    pub(super) cluster: u32,
}

/// One token: its word and what depends on where it stands.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) word: u32,
    /// `F_PUNCT`, `F_INITIAL`, `F_HEADLINE`.
    pub(super) flags: u32,
    /// Longest multi-word gazetteer match covering the token: kind (1 place, 2 organisation,
    /// 3 demonym) × 2 + (0 first word, 1 later word); 0 for none.
    pub(super) gaz: u8,
}

/// The lowercase forms and shapes of a document's words, each word's a range of one buffer.
#[derive(Default)]
pub(super) struct Strs {
    pub(super) lower: String,
    pub(super) shape: String,
}

/// "McDonald" → "XxXx", "1996-08-22" → "d-d-d", "U.S." → "X.X.": character classes with
/// repeats collapsed. (The definition: [`word_facts`] computes the same in its one pass over
/// the word.)
#[cfg(test)]
pub(super) fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

/// "NEW YORK" → "New York": the form under which capitals are looked up in the gazetteers.
/// Written over `out`, which is returned.
pub(super) fn title_case<'s>(s: &str, out: &'s mut String) -> &'s str {
    out.clear();
    title_case_into(s, out, &mut true);
    out
}

/// [`title_case`] of `s` appended to `out`, `start` saying whether the next letter opens a
/// word (so that a text can be title-cased piece by piece).
pub(super) fn title_case_into(s: &str, out: &mut String, start: &mut bool) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if *start {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        } else if *start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        *start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
}

/// The word-level facts of `w`, its lowercase form and shape appended to `strs`; `tc` is
/// scratch space for a title case.
///
/// One pass over the characters gathers what the flags need, the shape and (for an ASCII
/// word, the usual case) the lowercase form; a word with other characters is lowercased by
/// `str::to_lowercase` itself, which treats a final sigma apart.
pub(super) fn word_facts<'a>(w: &'a str, strs: &mut Strs, tc: &mut String) -> Word<'a> {
    let (lower_at, shape_at) = (strs.lower.len(), strs.shape.len());
    let sp = spell(w, strs);
    let lower = &strs.lower[lower_at..];
    let first = w.chars().next();
    let cap = word_is_cap(w);
    let all_caps = sp.letters >= 2 && !sp.any_lower;
    let mut flags = 0;
    for (yes, f) in [
        (cap, F_CAP),
        (all_caps, F_ALLCAPS),
        (sp.digit, F_DIGIT),
        (first.is_some_and(char::is_lowercase), F_LOWER),
        (sp.hyphen, F_HYPHEN),
        (sp.period, F_PERIOD),
    ] {
        if yes {
            flags |= f;
        }
    }
    let (lex, lead) = lexicon_flags(w);
    flags |= lex;
    let mut leads = Lengths::default();
    if lead {
        leads.0 |= GAZ.leads[w].0;
    }
    // Only a capital's cluster is read: those of lowercase words measured no better on
    // the corpora left out, and worse on GUM.
    let mut cluster = if cap { word_cluster(w) } else { 0 };
    if all_caps {
        let tc = title_case(w, tc);
        if cluster == 0 {
            cluster = word_cluster(tc);
        }
        let (lex, tc_lead) = lexicon_flags(tc);
        flags |= lex;
        if tc_lead {
            leads.0 |= GAZ.leads[tc].0;
        }
    }
    flags |= lowercase_flags(w, lower, sp.ascii_upper);
    let band = zipf_band(lower);
    if band >= COMMON_BAND {
        flags |= F_COMMON;
    }
    let case = if all_caps {
        2
    } else if cap {
        1
    } else if first.is_some_and(char::is_lowercase) {
        0
    } else {
        3
    };
    if case == 0 && sp.letters >= 3 {
        let named = band <= 10 && lexicon_flags(title_case(w, tc)).0 & NAME_FLAGS != 0;
        if named || (band == 0 && sp.letters as usize == w.chars().count()) {
            flags |= F_LOWER_NAME;
        }
    }
    Word {
        text: w,
        zipf: band << 2 | case,
        lower: (lower_at as u32, strs.lower.len() as u32),
        shape: (shape_at as u32, strs.shape.len() as u32),
        flags,
        letters: sp.letters,
        upper: sp.upper,
        leads,
        mixed_cap: cap && sp.any_lower,
        cluster,
    }
}

/// What one pass over a word's characters finds.
struct Spelling {
    letters: u32,
    upper: u32,
    any_lower: bool,
    digit: bool,
    hyphen: bool,
    period: bool,
    ascii_upper: bool,
}

/// Appends `w`'s lowercase form and shape to `strs` and counts its kinds of characters.
fn spell(w: &str, strs: &mut Strs) -> Spelling {
    let lower_at = strs.lower.len();
    let mut sp = Spelling {
        letters: 0,
        upper: 0,
        any_lower: false,
        digit: false,
        hyphen: false,
        period: false,
        ascii_upper: false,
    };
    let mut ascii = true;
    let mut last_class = '\0';
    for c in w.chars() {
        let (is_upper, is_lower) = (c.is_uppercase(), c.is_lowercase());
        if c.is_alphabetic() {
            sp.letters += 1;
            sp.upper += is_upper as u32;
        }
        sp.any_lower |= is_lower;
        sp.digit |= c.is_ascii_digit();
        sp.hyphen |= c == '-';
        sp.period |= c == '.';
        sp.ascii_upper |= c.is_ascii_uppercase();
        // The shape: character classes with repeats collapsed.
        let class = if is_upper {
            'X'
        } else if is_lower {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if class != last_class {
            strs.shape.push(class);
            last_class = class;
        }
        if c.is_ascii() {
            strs.lower.push(c.to_ascii_lowercase());
        } else {
            ascii = false;
        }
    }
    if !ascii {
        strs.lower.truncate(lower_at);
        strs.lower.push_str(&w.to_lowercase());
    }
    sp
}

/// The flags of the lowercase lexicons: `F_STOP`, `F_CALENDAR` by the lowercase
/// form, `F_TITLE` by it without a final period, `F_SPEECH` as `Lexicon::speech_verb` looks
/// words up (lowercased only with an ASCII capital).
fn lowercase_flags(w: &str, lower: &str, ascii_upper: bool) -> u32 {
    let get = |k: &str| WORD_FLAGS.lower.get(k).copied().unwrap_or(0);
    let by_lower = get(lower);
    let mut flags = by_lower & (F_STOP | F_CALENDAR);
    let titled = lower.trim_end_matches('.');
    flags |= if titled.len() == lower.len() {
        by_lower
    } else {
        get(titled)
    } & F_TITLE;
    let speech = if ascii_upper || w == lower {
        by_lower
    } else {
        get(w)
    };
    flags | speech & F_SPEECH
}

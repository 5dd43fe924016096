//! Reported speech without quotation marks.

use super::words::*;
use super::*;
use crate::lexicon::{with_lower, LEX};
use crate::segment::{self, Document, TokenKind};
use crate::types::{Confidence, Cue, Quote, QuoteKind, Span};

/// The fewest words (not punctuation) a reported statement holds.
const MIN_REPORT_WORDS: usize = 4;

/// Tokens `[c0, c1)` hold enough words to be what someone said: "He didn't suggest
/// retaliation." reports no words.
pub(super) fn says_something(doc: &Document, c0: usize, c1: usize) -> bool {
    (c0..c1)
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .count()
        >= MIN_REPORT_WORDS
}

/// Reported speech, one statement per sentence at most: `X said (that) …`, `X told
/// reporters …`, `according to X, …` / `…, according to X`, and `…, X said.` without
/// quotation marks. The content's pieces leave out any quoted words inside it (they are quotes
/// of their own), so quote pieces never overlap.
pub(super) fn reported_speech(ctx: &Ctx, article: &[bool], quotes: &[Quote]) -> Vec<Quote> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let quoted: Vec<Span> = {
        let mut q: Vec<Span> = quotes
            .iter()
            .flat_map(|q| q.parts.iter().copied())
            .collect();
        q.sort();
        q
    };
    for s in &doc.sentences {
        if !article.get(s.block).copied().unwrap_or(true) {
            continue;
        }
        let (s0, s1) = s.tokens;
        // The sentence's last word, before closing punctuation.
        let e = doc.words_end(s0, s1);
        if e <= s0 || ctx.inside_quote(doc.tokens[s0].start) {
            continue;
        }
        let Some(((m, cue, (c0, c1), why), aside)) = statement(ctx, s0, e) else {
            continue;
        };
        let span = Span::new(doc.tokens[c0].start, doc.tokens[c1 - 1].end);
        let Some((span, mut parts)) = content_pieces(doc, &quoted, span, s.block) else {
            continue;
        };
        if let Some(aside) = aside {
            parts = without(doc.text, &parts, aside);
        }
        let (speaker, resolved) = ctx.speaker(&m);
        let confidence = if resolved || m.entity.is_some() {
            Confidence::High
        } else {
            Confidence::Low
        };
        out.push(Quote {
            start: span.start,
            end: span.end,
            parts,
            text: doc.text[span.start..span.end].to_string(),
            kind: QuoteKind::Indirect,
            speaker: Some(speaker),
            cue: cue.map(|v| Cue {
                start: doc.tokens[v].start,
                end: doc.tokens[v].end,
                text: doc.tok(v).to_string(),
            }),
            confidence,
            why,
        });
    }
    out
}

/// The sentence's reported statement in one of the forms, the first whose content
/// [`says_something`], and the attribution inside the content, if any. A reporting verb
/// that closes the sentence but for a few words ("…, Mr. Obama said in his interview.")
/// reports what comes before it; a verb with words of its own after it reports those ("On
/// the show, Clinton criticized the officer for …"); one set off by commas inside the
/// sentence ("Though the transition was seamless, he said, replacing her would be
/// acrimonious.") reports both sides, without the aside.
fn statement(ctx: &Ctx, s0: usize, e: usize) -> Option<(Reported, Option<Span>)> {
    let doc = ctx.doc;
    let says = |r: &Reported| says_something(doc, r.2 .0, r.2 .1);
    if let Some(r) = according_to(ctx, s0, e).filter(says) {
        return Some((r, None));
    }
    let after = verb_then_content(ctx, s0, e).filter(says);
    let before = content_then_verb(ctx, s0, e).filter(says);
    match (after, before) {
        (Some(a), Some(mut b)) if a.1 == b.1 => {
            let (a0, a1) = a.2;
            if doc.tok(a0 - 1) != "," {
                // "said in his interview", not "said the plan would fail".
                let circumstance = with_lower(doc.tok(a0), |w| w != "to" && is_preposition(w));
                return Some((if circumstance { b } else { a }, None));
            }
            let aside = Span::new(doc.tokens[b.2 .1].start, doc.tokens[a0].start);
            b.2 .1 = a1;
            Some((b, Some(aside)))
        }
        (a, b) => a.or(b).map(|r| (r, None)),
    }
}

/// `parts` without the bytes of `aside`, each trimmed.
fn without(text: &str, parts: &[Span], aside: Span) -> Vec<Span> {
    parts
        .iter()
        .flat_map(|p| {
            if p.end <= aside.start || p.start >= aside.end {
                return vec![*p];
            }
            [
                Span::new(p.start, aside.start.max(p.start)),
                Span::new(aside.end.min(p.end), p.end),
            ]
            .into_iter()
            .filter_map(|q| segment::trim_span(text, q))
            .collect()
        })
        .collect()
}

/// The pieces of reported content `span` (in paragraph `block`) without the quotes inside it
/// (`quoted`, sorted), and its span: a quote the content ends inside (`had been “patched, not
/// repaired, for thirty years.”`, whose closing mark comes after the sentence's last word)
/// ends it. `None` when it is mostly quoted: a quote, found already.
fn content_pieces(
    doc: &Document,
    quoted: &[Span],
    mut span: Span,
    block: usize,
) -> Option<(Span, Vec<Span>)> {
    let k = quoted.partition_point(|q| q.start < span.end);
    if let Some(q) = k.checked_sub(1).map(|k| quoted[k]) {
        if q.start >= span.start && q.end > span.end && doc.block_at(q.start) == block {
            span.end = q.end;
        }
    }
    let mut parts = Vec::new();
    let mut pos = span.start;
    let k = quoted.partition_point(|q| q.end <= span.start);
    let mut quoted_bytes = 0;
    for qs in quoted[k..].iter().take_while(|q| q.start < span.end) {
        if qs.start > pos {
            parts.extend(segment::trim_span(doc.text, Span::new(pos, qs.start)));
        }
        quoted_bytes += qs.end.min(span.end) - qs.start.max(span.start);
        pos = pos.max(qs.end);
    }
    if pos < span.end {
        parts.extend(segment::trim_span(doc.text, Span::new(pos, span.end)));
    }
    (!parts.is_empty() && quoted_bytes * 10 <= span.len() * 7).then_some((span, parts))
}

/// Verbs of showing, finding and belief report a statement too ("the poll shows …", "she
/// believes that …"), but they are not verbs of speech: only for reported speech, and (but for
/// "show" and "find") only before a "that" clause. Returns the lemma.
fn evidential_verb(doc: &Document, k: usize, e: usize) -> Option<&'static str> {
    // A `match` (by length, then bytes), not a list scan: this runs on every token of the
    // sentences searched for reported speech.
    let lemma = match doc.tok(k) {
        "believe" | "believed" | "believes" => "believe",
        "cite" | "cited" | "cites" => "cite",
        "expect" | "expects" => "expect",
        "fear" | "feared" | "fears" => "fear",
        "find" | "finds" | "found" => "find",
        "hope" | "hoped" | "hopes" => "hope",
        "show" | "showed" | "shows" => "show",
        "think" | "thinks" | "thought" => "think",
        _ => return None,
    };
    let that_follows = (k + 1..(k + 3).min(e)).any(|j| doc.tok(j) == "that");
    (that_follows || matches!(lemma, "show" | "find")).then_some(lemma)
}

/// Verbs whose infinitive complement is what was said ("urged voters to …").
const DIRECTIVE_VERBS: &[&str] = &[
    "advise", "ask", "beg", "demand", "plead", "tell", "urge", "warn",
];

/// A speaker, the cue token, the content's token range, and why.
pub(super) type Reported = (SpeakerMention, Option<usize>, (usize, usize), String);

/// `According to X, …` or `…, according to X.`
pub(super) fn according_to(ctx: &Ctx, s0: usize, e: usize) -> Option<Reported> {
    let doc = ctx.doc;
    let a = (s0..e.saturating_sub(2))
        .find(|&k| doc.tok(k).eq_ignore_ascii_case("according") && doc.tok(k + 1) == "to")?;
    // "according to officials": a body named by a bare noun counts too; so does a longer
    // phrase up to the comma or the end ("according to a new Washington Post-ABC News poll"),
    // standing for the name inside it, if any.
    let phrase = |end: usize| (end..e).find(|&k| doc.tok(k) == ",").unwrap_or(e);
    // A mention that is only the start of the phrase ("a court" in "a court document filed
    // by …") gives way to the whole phrase.
    let whole = phrase(a + 2);
    let (m, end) = ctx
        .mention_at(a + 2)
        .filter(|(m, end)| *end == whole || m.entity.is_some() || whole > a + 14)
        .or_else(|| {
            is_description_noun(doc.tok(a + 2)).then(|| {
                (
                    SpeakerMention {
                        span: doc.tokens[a + 2].span(),
                        entity: None,
                        pronoun: None,
                    },
                    a + 3,
                )
            })
        })
        .or_else(|| {
            let end = phrase(a + 2);
            if end <= a + 2 || end > a + 14 {
                return None;
            }
            let span = Span::new(doc.tokens[a + 2].start, doc.tokens[end - 1].end);
            let entity = (a + 2..end).rev().find_map(|k| ctx.entity_at(k));
            Some((
                SpeakerMention {
                    span,
                    entity,
                    pronoun: None,
                },
                end,
            ))
        })?;
    // The phrase ends at the next comma, or with the sentence.
    let phrase_end = phrase(end);
    let content = if a == s0 {
        (phrase_end + 1, e)
    } else {
        let c1 = if a > s0 && doc.tok(a - 1) == "," {
            a - 1
        } else {
            a
        };
        (s0, c1)
    };
    Some((m, Some(a), content, "according to".into()))
}

/// `X said (that) …`, `X told reporters (that) …`: the first reporting verb of the sentence
/// with a subject before it and no quotation mark or colon right after it.
pub(super) fn verb_then_content(ctx: &Ctx, s0: usize, e: usize) -> Option<Reported> {
    let doc = ctx.doc;
    // The first reporting verb with a subject: "state" in "Federal and state officials said"
    // has none.
    let (v, m) = (s0 + 1..e)
        .filter(|&k| {
            (ctx.is_reporting_verb(k) || evidential_verb(doc, k, e).is_some())
                && !ctx.token_quoted(k)
                && !doc.tok(k).ends_with("ing")
                && reports_with_what_follows(doc, k)
        })
        .find_map(|k| ctx.subject_before(k, s0, false).map(|m| (k, m)))?;
    let lemma = LEX
        .speech_verb(doc.tok(v))
        .or_else(|| evidential_verb(doc, v, e))
        .unwrap_or("");
    // "that" within a few words: the content starts after it ("said in a statement that");
    // not a "that" inside the content ("said officials have video that shows …"), which
    // the part-of-speech layer reads as a pronoun.
    let that = (v + 1..(v + 8).min(e))
        .find(|&k| doc.tok(k) == "that")
        .filter(|&t| t == v + 1 || ctx.opens_clause(t));
    // "warned officials to …", "urged voters to …": the infinitive is what was said.
    let to = (v + 1..(v + 5).min(e))
        .find(|&k| doc.tok(k) == "to")
        .filter(|_| DIRECTIVE_VERBS.contains(&lemma));
    let mut c0 = match that.or(to) {
        Some(t) if Some(t) == that => t + 1,
        Some(t) => t,
        None => {
            // "told reporters …": skip the hearer (a short run of words) after "tell".
            let tell = LEX.speech_verb(doc.tok(v)) == Some("tell");
            if tell {
                (v + 1..(v + 4).min(e))
                    .find(|&k| doc.tokens[k].kind == TokenKind::Punct)
                    .map_or(v + 2, |k| k + 1)
            } else {
                v + 1
            }
        }
    };
    while c0 < e && doc.tok(c0) == "," {
        c0 += 1;
    }
    // A colon or an opening quotation mark: a direct quote follows, found elsewhere.
    if c0 >= e || matches!(doc.tok(c0), ":" | "“" | "\"" | "‘" | "'" | "«") {
        return None;
    }
    // `…, noted NBC's Dante Chinni.`: after a comma, a verb and a name closing the sentence
    // are an attribution turned round ([`content_then_verb`]), not a report of the name.
    let turned_round = ctx
        .sentence_final_attribution(s0 + 1)
        .is_some_and(|(_, verb)| verb == v);
    if v > s0 && doc.tok(v - 1) == "," && turned_round {
        return None;
    }
    Some((
        m,
        Some(v),
        (c0, e),
        format!("reported speech after '{}' ({lemma})", doc.tok(v)),
    ))
}

/// Verbs that report speech only with a clause after them: "maintained that …", "continued
/// to insist …", not "continues to grow", "maintained their lead", "reflects the mood". On
/// PolNeAR train, reported speech after them was wrong more often than right (continue: 63
/// false, 23 with the gold's own cue).
const CLAUSE_ONLY: &[&str] = &["continue", "maintain", "reflect"];

/// Whether the reporting verb at token `k` reports with the words after it: a verb of
/// [`CLAUSE_ONLY`] only before "that" or "to" and a speech verb.
fn reports_with_what_follows(doc: &Document, k: usize) -> bool {
    if !LEX
        .speech_verb(doc.tok(k))
        .is_some_and(|l| CLAUSE_ONLY.contains(&l))
    {
        return true;
    }
    let next = |j: usize| (j < doc.tokens.len()).then(|| doc.tok(j));
    match next(k + 1) {
        Some("that") => true,
        Some("to") => next(k + 2).is_some_and(|w| LEX.speech_verb(w).is_some()),
        _ => false,
    }
}

impl Ctx<'_> {
    /// The "that" at token `t` opens a clause (a subordinating conjunction), by the
    /// part-of-speech layer. Every "that" of the text is tagged at once, the first time.
    fn opens_clause(&self, t: usize) -> bool {
        let doc = self.doc;
        let classes = self.that_classes.get_or_init(|| {
            let that: Vec<usize> = (0..doc.tokens.len())
                .filter(|&k| doc.tok(k) == "that")
                .collect();
            crate::pos::tag_around(doc, &that)
        });
        classes[t].is_some_and(|p| p.upos == crate::pos::Upos::Sconj)
    }
}

/// `…, X said.` closing a sentence with no quotation marks: what comes before the comma.
pub(super) fn content_then_verb(ctx: &Ctx, s0: usize, e: usize) -> Option<Reported> {
    let doc = ctx.doc;
    // "…, top black lawmakers said Friday afternoon, as they …": after a comma, a subject and
    // a reporting verb, then at most a few words before the next comma or the end.
    for c in s0 + 3..e {
        if doc.tok(c) != "," {
            continue;
        }
        let Some(v) = (c + 2..(c + 7).min(e))
            .find(|&k| ctx.is_reporting_verb(k) && !doc.tok(k).ends_with("ing"))
        else {
            continue;
        };
        let Some(m) = ctx
            .mention_at(c + 1)
            .filter(|(_, end)| *end == v)
            .map(|(m, _)| m)
            .or_else(|| {
                ctx.noun_phrase_before(v, c + 1).filter(|m| {
                    let first = doc.token_at(m.span.start);
                    first <= c + 2 || ctx.titles_before(first, c + 1) == c + 1
                })
            })
        else {
            continue;
        };
        let tail = (v + 1..e).take_while(|&k| doc.tok(k) != ",").count();
        if tail <= 4 {
            return Some((
                m,
                Some(v),
                (s0, c),
                "reported speech before '…, X said'".into(),
            ));
        }
    }
    let (m, v) = ctx.sentence_final_attribution(s0 + 1)?;
    let comma = (s0..v).rev().find(|&k| doc.tok(k) == ",")?;
    Some((
        m,
        Some(v),
        (s0, comma),
        "reported speech before '…, X said.'".into(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn reported_speech_forms() {
        let r = |text: &str, content: &str| reported(text, content);
        // "state" has no subject; "said" does.
        assert_eq!(
            r(
                "Federal and state officials said the two raised $350 million through it.",
                "the two raised"
            ),
            Some("Federal and state officials".into())
        );
        // A title between the comma and the name.
        assert_eq!(
            r(
                "An acre of trees can store 156 tons of carbon, Mr. Tal Voorn said.",
                "An acre"
            ),
            Some("Tal Voorn".into())
        );
        // "according to" + a longer phrase.
        assert_eq!(
            r(
                "The prison population stood at 200,000 in 1972, according to the \
                 Federal Bureau of Prisons.",
                "The prison population"
            ),
            Some("the Federal Bureau of Prisons".into())
        );
        assert_eq!(
            r(
                "According to a new national poll, the two candidates are virtually tied.",
                "the two candidates"
            ),
            Some("a new national poll".into())
        );
    }

    /// Where the verb stands says which words it reports.
    #[test]
    fn the_words_a_verb_reports() {
        let indirect = |text: &str| {
            quotes(text)
                .into_iter()
                .find(|q| q.kind == QuoteKind::Indirect)
                .map(|q| (q.text, q.parts.len()))
        };
        // A few words of circumstance after a closing verb.
        let t = "Crops are withering in the Marshall Islands, Mr. Obama said in his interview.";
        assert_eq!(
            indirect(t),
            Some(("Crops are withering in the Marshall Islands".into(), 1))
        );
        // An aside set off by commas: both sides, in two pieces.
        let t = "Though the transition was seamless, he said, replacing her would be much \
                 more acrimonious.";
        let (text, parts) = indirect(t).unwrap();
        assert!(
            text.starts_with("Though") && text.ends_with("acrimonious"),
            "{text}"
        );
        assert_eq!(parts, 2);
        // A verb with words of its own after it reports those.
        let t = "On the morning show on Tuesday, Clinton criticized Tulsa, Okla., police \
                 officer Betty Shelby for shooting a man.";
        assert!(indirect(t).unwrap().0.starts_with("Tulsa"));
        let t = "After a long and tiring meeting, she said the plan would fail.";
        assert_eq!(indirect(t), Some(("the plan would fail".into(), 1)));
        // An aspect verb reports nothing, unless a clause or a speech verb follows it.
        assert_eq!(
            indirect("Hiring continues to buck the recessionary trends."),
            None
        );
        assert_eq!(
            indirect("He continued to insist that the plan would work."),
            Some(("the plan would work".into(), 1))
        );
        // A "that" inside the words reported, and one that opens them.
        let t = "Smith said officials have a video that shows the explosion.";
        assert_eq!(
            indirect(t),
            Some(("officials have a video that shows the explosion".into(), 1))
        );
        let t = "Smith said in a statement on Friday that the plant would close.";
        assert_eq!(indirect(t), Some(("the plant would close".into(), 1)));
    }

    #[test]
    fn reported_speech_holds_a_quote_it_ends_inside() {
        let text =
            "Priya Nair said the old wall had been “patched, not repaired, for thirty years.”";
        let r = reported(text, "the old wall");
        assert!(r.is_some());
        let q = quotes(text)
            .into_iter()
            .find(|q| q.kind == QuoteKind::Indirect)
            .unwrap();
        assert!(
            q.text.ends_with("years.”") || q.text.ends_with("years”"),
            "{q:#?}"
        );
    }
}

//! Quotation marks, paired one paragraph at a time (see the module's documentation).

use std::sync::LazyLock;

use regex::Regex;

use crate::segment::labels::speaker_label;
use crate::segment::{count_words_upto, Document};
use crate::types::Span;

/// A paired run of quoted text before it is interpreted.
#[derive(Debug, Clone)]
pub(super) struct RawQuote {
    pub(super) parts: Vec<Span>,
    /// The last part ran to the end of its paragraph without a closing mark.
    pub(super) unclosed: bool,
    /// Marked with single quotation marks.
    pub(super) single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Open,
    Close,
    /// A straight mark: opens or closes depending on what is open.
    Either,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '＂')
}

/// A typewriter double mark (`"`, and its look-alikes `″` and `＂`).
fn is_straight(c: char) -> bool {
    matches!(c, '"' | '″' | '＂')
}

/// How the mark `c` at byte `i` of `s` acts (`None`: not a quotation mark here, e.g. an
/// apostrophe).
fn classify_mark(s: &str, i: usize, c: char) -> Option<Mark> {
    let before = s[..i].chars().next_back();
    let after = s[i + c.len_utf8()..].chars().next();
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{“‘—–-/".contains(b));
    let word_after = after.is_some_and(char::is_alphanumeric);
    let word_before = before.is_some_and(char::is_alphanumeric);
    // The mark ends quoted words: it follows a letter, a digit or the punctuation that ends a
    // sentence or clause (not `:`, which opens: `He said:“…`), or German's inner closing mark
    // (`„Er sagte ‚nein‘“`).
    let ends_words = before.is_some_and(|b| b.is_alphanumeric() || ".,;!?…‘".contains(b));
    match c {
        // An opening mark after the words it ends closes: German's `„…“, sagte X` and `‚…‘`,
        // and a wrong-way English mark (`…for her here,“ said X`).
        '“' | '‘' if ends_words && !word_after => Some(Mark::Close),
        // `‚` is a comma look-alike in mis-decoded text unless it opens a word after a space.
        '‚' if !(space_before && word_after) => None,
        '“' | '„' | '‟' | '‚' | '‘' | '‹' => Some(Mark::Open),
        // German and Danish `»…«`: the marks point inwards. French `l’« expert »` opens.
        '«' if ends_words && !word_after => Some(Mark::Close),
        '»' if space_before && word_after => Some(Mark::Open),
        '«' => Some(Mark::Open),
        // A wrong-way closing mark at a word start opens (Swedish and Finnish `”…”`).
        '”' if space_before && (word_after || before.is_none()) => Some(Mark::Open),
        '”' | '»' | '›' => Some(Mark::Close),
        '’' => {
            if word_before && word_after {
                None // it’s
            } else if space_before && word_after {
                Some(Mark::Open) // wrong-way opening single mark
            } else if word_after {
                None
            } else {
                Some(Mark::Close)
            }
        }
        '"' | '″' | '＂' => Some(Mark::Either),
        '\'' => {
            if space_before && word_after {
                Some(Mark::Open)
            } else if !word_after && !space_before {
                // 'blunder' closes; the apostrophe in "protesters' rights" does too, which a
                // missing opener then ignores.
                Some(Mark::Close)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `, said Tomas Reilly` / `, the mayor said` / `, she added` inside a quote left open: where
/// its missing closing mark belonged.
static ATTRIBUTION_IN_OPEN_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ,\s+(?:
            (?:said|says|told|added|asked|wrote)\s+(?:\p{Lu}|the\s|a\s)
          | (?:he|she|they|\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3}|the\s+\w+)\s+
            (?:said|says|added|told|wrote|asked)\b
        )",
    )
    .expect("valid regex")
});

/// Pairs the quotation marks of every block.
fn pair_marks(doc: &Document) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    // A double quote left open at the end of the previous paragraph, which this paragraph may
    // continue by opening with a mark.
    let mut carried: Option<usize> = None;
    for bi in 0..doc.blocks.len() {
        carried = pair_paragraph(doc, bi, carried, &mut out);
    }
    out
}

/// Pairs the marks of paragraph `bi` into `out`; its first quote continues quote `carried`
/// if it opens the paragraph. Returns the quote it leaves open for the next paragraph to
/// continue.
fn pair_paragraph(
    doc: &Document,
    bi: usize,
    carried: Option<usize>,
    out: &mut Vec<RawQuote>,
) -> Option<usize> {
    let b = &doc.blocks[bi];
    let s = &doc.text[b.start..b.end];
    let mut doubles: Vec<usize> = Vec::new(); // open double marks (byte offsets in text)
    let mut single: Option<usize> = None;
    let mut first_mark = true;
    // The quote this paragraph's first quoted part continues.
    let mut cont: Option<usize> = None;
    // The end of a two-character mark just read (typewriter quotes), or of a markup tag.
    let mut skip_to = 0;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        if let Some(end) = markup_tag_end(s, i, c) {
            skip_to = end;
            continue;
        }
        let Some((mark, width, pair)) = read_mark(s, i, c) else {
            continue;
        };
        if pair {
            skip_to = i + 2;
        }
        let pos = b.start + i;
        let end = pos + width;
        if pair || is_double(c) {
            let opens = match mark {
                Mark::Open => true,
                Mark::Close => false,
                Mark::Either => doubles.is_empty(),
            };
            if opens {
                if first_mark && doubles.is_empty() && s[..i].trim().is_empty() {
                    cont = carried;
                }
                doubles.push(pos);
                single = None;
            } else if let Some(open) = doubles.pop() {
                if doubles.is_empty() {
                    add_part(out, cont.take(), Span::new(open, end), false);
                }
            } else if first_mark && s[..i].chars().any(char::is_alphanumeric) {
                // A closer first in the paragraph closes a quote begun at its start.
                add_part(out, None, Span::new(b.start, end), false);
            }
        } else if doubles.is_empty() {
            match (mark, single) {
                (Mark::Open, None) => single = Some(pos),
                (Mark::Close, Some(open)) => {
                    out.push(RawQuote {
                        parts: vec![Span::new(open, end)],
                        unclosed: false,
                        single: true,
                    });
                    single = None;
                }
                _ => {}
            }
        }
        first_mark = false;
    }
    let &open = doubles.first()?;
    left_open(doc, bi, open, cont, out)
}

/// Markup left in a text (`<tweet author="x" tweet-id="77…">`, `<a href="…">`): where the
/// tag that opens at byte `i` of `s` ends, when it holds an attribute value in marks. Its
/// marks are the markup's, not quotation marks.
fn markup_tag_end(s: &str, i: usize, c: char) -> Option<usize> {
    /// A tag's length at most: the search for its end stays linear in the text.
    const TAG_BYTES: usize = 1000;
    let b = s.as_bytes();
    let name = |k: usize| {
        b.get(k)
            .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'-' || x == b':')
    };
    // The shape of a tag: `<name attribute="`, its first attribute's value in marks (not "x
    // <y then z=" in prose).
    if c != '<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut k = i + 1;
    while name(k) {
        k += 1;
    }
    let spaces = k;
    // Any white space, a no-break space too (`<rdfs:comment\u{a0} xml:lang="en">`).
    k += s[k..]
        .find(|ch: char| !ch.is_whitespace())
        .unwrap_or(s.len() - k);
    let attribute = k;
    while name(k) {
        k += 1;
    }
    if k == spaces || k == attribute || !s[k..].starts_with("=\"") {
        return None;
    }
    let window = &b[k..(i + TAG_BYTES).min(s.len()).max(k)];
    let len = window.iter().position(|&x| x == b'>')?;
    Some(k + len + 1)
}

/// The quotation mark `c` at byte `i` of `s`, if it is one here: how it acts, its width in
/// bytes, and whether it is a typewriter pair (``…'' or ''…'', as the NYT's wire text has
/// them).
fn read_mark(s: &str, i: usize, c: char) -> Option<(Mark, usize, bool)> {
    if !(is_double(c) || matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›' | '`')) {
        return None;
    }
    let pair =
        (c == '\'' && s[i + 1..].starts_with('\'')) || (c == '`' && s[i + 1..].starts_with('`'));
    if pair {
        let m = if c == '`' { Mark::Open } else { Mark::Either };
        return Some((m, 2, true));
    }
    if c == '`' {
        return None;
    }
    classify_mark(s, i, c).map(|m| (m, c.len_utf8(), false))
}

/// A double mark opened at byte `open` and still open at the end of paragraph `bi`: it ends
/// at its own attribution if one follows inside it, else with the paragraph, unless the next
/// paragraph opens with a mark and so continues it (then returns the quote to continue).
fn left_open(
    doc: &Document,
    bi: usize,
    open: usize,
    cont: Option<usize>,
    out: &mut Vec<RawQuote>,
) -> Option<usize> {
    let b = &doc.blocks[bi];
    // A mark that never closes before its own attribution (`“Every week they talk, we lose a
    // week, said Tomas Reilly, who…`): the quote ends at that comma.
    if let Some(m) = ATTRIBUTION_IN_OPEN_QUOTE.find(&doc.text[open..b.end]) {
        add_part(out, cont, Span::new(open, open + m.start() + 1), true);
        return None;
    }
    let q = add_part(out, cont, Span::new(open, b.end), true);
    // The next paragraph continues it when it opens with a mark of the same kind: a text
    // that mixes typewriter and typographic marks (an excerpt pasted into another site's
    // article) opens a new quote with the other kind, and a transcript's speaker label
    // (`"PENCE: Well, …`) opens another speaker's turn.
    let straight = doc.text[open..].chars().next().is_some_and(is_straight);
    let next_opens = doc.blocks.get(bi + 1).is_some_and(|nb| {
        let ns = &doc.text[nb.start..nb.end];
        ns.chars().next().is_some_and(|c| {
            is_double(c)
                && is_straight(c) == straight
                && classify_mark(ns, 0, c) != Some(Mark::Close)
        })
    }) && speaker_label(doc, bi + 1).is_none()
        && !is_stage_direction(doc, bi + 1);
    // A one- or two-word fragment left open is a stray mark, not a long quote.
    let long = count_words_upto(&doc.text[open..b.end], 5) >= 5;
    (next_opens && long).then_some(q)
}

/// Whether paragraph `bi` is a transcript's stage direction (`"(CROSSTALK.)`, `"(APPLAUSE)`):
/// words in parentheses after the mark, which no one says.
fn is_stage_direction(doc: &Document, bi: usize) -> bool {
    let Some(b) = doc.blocks.get(bi) else {
        return false;
    };
    /// Words a stage direction takes at most ("(CROSSTALK.)", "(LAUGHTER AND APPLAUSE)").
    const WORDS: usize = 6;
    let words = doc.text[b.start..b.end]
        .trim_start_matches(is_double)
        .trim();
    let inner = words.trim_end_matches(['.', '"', '”']);
    words.starts_with('(')
        && inner.ends_with(')')
        && inner.matches(')').count() == 1
        && count_words_upto(inner, WORDS + 1) <= WORDS
}

/// Adds a quoted part to quote `cont` (a continuation) or as a new quote; returns its index.
fn add_part(out: &mut Vec<RawQuote>, cont: Option<usize>, span: Span, unclosed: bool) -> usize {
    match cont {
        Some(q) => {
            out[q].parts.push(span);
            out[q].unclosed = unclosed;
            q
        }
        None => {
            out.push(RawQuote {
                parts: vec![span],
                unclosed,
                single: false,
            });
            out.len() - 1
        }
    }
}

/// A quoted turn of a transcript (`"WALLACE: If I may, …`) holds the speaker's words, not
/// their label: `part`, opening its paragraph, starts after the label if one follows its mark.
fn after_speaker_label(doc: &Document, part: &mut Span) {
    let b = doc.block_at(part.start);
    if doc.blocks[b].start != part.start {
        return;
    }
    if let Some(label) = speaker_label(doc, b).filter(|l| l.turn < part.end) {
        part.start = label.turn;
    }
}

/// The quotation marks of a text, paired.
pub struct Marks {
    raw: Vec<RawQuote>,
    /// The spans inside double marks, sorted.
    quoted: Vec<Span>,
}

impl Marks {
    pub fn find(doc: &Document) -> Marks {
        let mut raw = pair_marks(doc);
        for q in raw.iter_mut().filter(|q| !q.single) {
            after_speaker_label(doc, &mut q.parts[0]);
        }
        let mut quoted: Vec<Span> = raw
            .iter()
            .filter(|q| !q.single)
            .flat_map(|q| q.parts.iter().copied())
            .collect();
        quoted.sort();
        Marks { raw, quoted }
    }

    /// The paired quotes, in text order.
    pub(super) fn raw(&self) -> &[RawQuote] {
        &self.raw
    }

    /// Whether byte `at` is inside double quotation marks.
    pub fn is_quoted(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|q| q.start <= at);
        k > 0 && at < self.quoted[k - 1].end
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::*;

    #[test]
    fn quotation_marks_of_other_languages() {
        // German „…“ and »…«, Danish »…«, French « … », Swedish ”…”, German single ‚…‘:
        // each pair is one quote, whatever follows its closing mark.
        let texts = [
            "„Wir bauen schneller und günstiger“, sagte Anna Kiessling am Montag.",
            "»Wir bauen schneller und günstiger«, sagte Anna Kiessling am Montag.",
            "« Nous construisons plus vite », a déclaré Anna Kiessling lundi.",
            "”Vi bygger snabbare och billigare”, sade Anna Kiessling på måndagen.",
            "Sie nannte das ‚schneller und günstiger‘, sagte Anna Kiessling.",
            "„Er sagte ‚schneller und günstiger‘“, berichtete Anna Kiessling. Dann ging sie.",
            "Le ministre a qualifié l’« expert » de menteur, a déclaré Anna Kiessling.",
        ];
        for text in texts {
            let qs = quotes(text);
            let inner: Vec<&str> = qs
                .iter()
                .map(|q| q.text.trim_matches(|c: char| !c.is_alphanumeric()))
                .collect();
            assert_eq!(inner.len(), 1, "{text}: {qs:#?}");
            assert!(
                ["günstiger", "vite", "billigare", "expert"]
                    .iter()
                    .any(|w| inner[0].ends_with(w)),
                "{text}: {inner:?}"
            );
        }
    }

    #[test]
    fn an_opening_mark_after_a_colon_or_a_closing_mark_opens() {
        let texts = [
            "He said:“…and that is the end of it,” Smith told reporters.",
            "“Yes.”“…and that is the end of it,” said Tom Reyes.",
        ];
        for text in texts {
            let qs = quotes(text);
            assert!(
                qs.iter()
                    .any(|q| q.text.starts_with("“…and that is the end of it,”")),
                "{text}: {qs:#?}"
            );
        }
        // A comma look-alike (mis-decoded text) is no quotation mark.
        let qs = quotes("Prices rose‚ the report said‚ and the workers’ union objected.");
        assert!(qs.iter().all(|q| q.kind != QuoteKind::Direct), "{qs:#?}");
    }

    #[test]
    fn a_long_apposition_does_not_split_a_quote() {
        let qs = quotes(
            "\"This isn't reform,\" said Dora Holt, an economist who served as director of \
             the budget office and now leads a group. \"It's anti-reform.\"",
        );
        let direct: Vec<_> = qs.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 1, "{qs:#?}");
        assert_eq!(direct[0].parts.len(), 2);
        assert_eq!(direct[0].speaker.as_ref().unwrap().name, "Dora Holt");
    }

    #[test]
    fn a_mark_that_never_closes_ends_at_its_attribution() {
        let t = "Crews were less patient. “Every week they talk, we lose another week of the \
                 season, said Tomas Reilly, who skippers a trawler.";
        assert_mention(t, "Every week", "Tomas Reilly", "Tomas Reilly");
        let q = &quotes(t)[0];
        assert!(q.text.ends_with("season,"), "{q:#?}");
    }

    #[test]
    fn a_wrong_way_opening_mark_closes() {
        assert_mention(
            "“That could create real problems for her here,“ said Jim Calder, a congressman.",
            "That could",
            "Jim Calder",
            "Jim Calder",
        );
    }

    #[test]
    fn unclosed_mark_does_not_derail_later_quotes() {
        let text = "He left. \"An\n\n“Fine,” said Tom Hardy.\n\n“Good,” said Anna Bell.";
        assert_quote(text, "Fine", Some("Tom Hardy"), QuoteKind::Direct);
        assert_quote(text, "Good", Some("Anna Bell"), QuoteKind::Direct);
    }

    #[test]
    fn attribute_values_of_markup_left_in_a_text_are_not_quotes() {
        let text = "Warren spoke on Tuesday.\n\n<tweet author=\"carlq\" tweet-id=\"77825794\">The \
                    blue arrow is Warren.</tweet> \"We will act,\" she said.";
        let quoted: Vec<String> = quotes(text)
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| q.text)
            .collect();
        assert_eq!(quoted, ["\"We will act,\""]);
        // Prose with a "<" and an "=" is no markup.
        let text = "\"If x <y then z=\" she said, \"the plan is bad.\" The rest is left > home.";
        let n = quotes(text)
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .flat_map(|q| q.parts.iter())
            .count();
        assert_eq!(n, 2);
    }

    #[test]
    fn a_stage_direction_does_not_continue_a_turn() {
        let text = "\"PENCE: We will win this election in November, and we will win it well.\n\n\
                    \"(CROSSTALK.)\n\n\"WALLACE: If I may, sir, we have limited time.";
        let quoted: Vec<String> = quotes(text)
            .into_iter()
            .flat_map(|q| q.parts)
            .map(|p| text[p.start..p.end].to_string())
            .collect();
        assert!(
            quoted.iter().all(|q| !q.contains("CROSSTALK")),
            "{quoted:?}"
        );
        assert_eq!(quoted.len(), 2, "{quoted:?}");
        // A turn that opens with an aside in brackets goes on.
        let text = "\"He said we will win this election in November, and we will win it.\n\n\
                    \"(Laughing) And then I told them we would win it all (eventually).";
        let parts: usize = quotes(text).iter().map(|q| q.parts.len()).max().unwrap();
        assert_eq!(parts, 2);
    }

    #[test]
    fn typewriter_double_quotes() {
        assert_quote(
            "''This isn't tax reform,'' said Douglas Holtz.",
            "This isn't",
            Some("Douglas Holtz"),
            QuoteKind::Direct,
        );
        assert_quote(
            "The plan is ``a mess'' for the town, Sam Reed said.",
            "a mess",
            Some("Sam Reed"),
            QuoteKind::Partial,
        );
    }

    #[test]
    fn nested_and_multi_paragraph_quotes() {
        let qs = quotes("“They chant “no more,” and leave,” Sam Reed said.");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        let qs = quotes(
            "Sam Reed said:\n\n“This is the first part of it.\n\n“And this is the second part.”",
        );
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].parts.len(), 2);
    }

    #[test]
    fn an_excerpt_in_typewriter_marks_is_not_continued_by_a_typographic_quote() {
        // A site pastes another's paragraphs in "…" and its quotes in “…”.
        let text = "The Post wrote:\n\n\"Dana Kell thought the whole thing was outrageous \
                    and unfair to everyone.\n\n“It never crossed my mind,” she said.";
        let qs = quotes(text);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(qs[1].text, "“It never crossed my mind,”");
        // The same kind of mark continues it.
        let qs = quotes(&text.replace(['“', '”'], "\""));
        assert_eq!(qs.len(), 1, "{qs:#?}");
    }

    /// A transcript pasted in marks: each labelled paragraph is its speaker's own turn, and
    /// the label is the speaker, not part of the words.
    #[test]
    fn a_speaker_label_opens_a_new_turn() {
        let text = "Gov. Mike Pence spoke to Chris Wallace on Sunday.\n\n\
                    \"WALLACE: Will she be at the debate tomorrow night?\n\n\
                    \"PENCE: Well, look, she will not be attending the debate.\n\n\
                    \"WALLACE: Governor, I do not want to interrupt you.";
        let qs = quotes(text);
        let turns: Vec<(&str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_ref().unwrap().name.as_str()))
            .collect();
        assert_eq!(
            turns,
            [
                ("Will she be at the debate tomorrow night?", "Chris Wallace"),
                (
                    "Well, look, she will not be attending the debate.",
                    "Mike Pence"
                ),
                ("Governor, I do not want to interrupt you.", "Chris Wallace"),
            ]
        );
    }

    /// Found by the property test: commas after the last quote ran past the last token.
    #[test]
    fn regression_commas_after_the_last_quote_end_the_text() {
        quotes("said\"(«\"«»<p>(<p>\",");
        quotes("“We won,” ,");
    }
}

//! Hard-wrapped text rejoined into paragraphs. E-mail, newsletters, plain-text archives and
//! terminal copies break every line at a fixed width (often 72 or 80 columns), so one
//! paragraph arrives as many lines, each of which alone looks like a fragment. Such a run of
//! lines becomes one block; its text is untouched (the reader still sees the original lines).
//!
//! The test is the one a text filler applies, in any language that puts spaces between words:
//! a line was broken by the wrap, not by its writer, when the next line's first word would not
//! have fitted on it. (Chinese or Japanese text, wrapped without spaces and in columns twice a
//! character's width, is not recognised.) It applies
//! only when the text shows a wrap width: many lines end within a few characters of the same
//! width, and none is much longer.

use super::{line_blocks, Span};

/// Narrowest wrap width looked for, in characters.
const MIN_WIDTH: usize = 40;
/// Widest wrap width looked for: text with longer lines is not wrapped.
const MAX_WIDTH: usize = 120;
/// A wrapped line ends this close to the width, or closer.
const SLACK: usize = 15;
/// Fillers aim a little short of their width (`fmt` at 93% of it): a next word that would
/// have fitted within this many characters of the width counts as not fitting.
const AIM_SHORT: usize = 5;
/// Lines ending near the width (and lines joined) needed before the text counts as wrapped:
/// at least this many, and at least half of the lines at least half the width long.
const MIN_FULL_LINES: usize = 3;

/// The blocks of `text`: one per non-blank line, with the lines of a hard-wrapped paragraph
/// joined into one block.
pub fn blocks(text: &str) -> Vec<Span> {
    let lines = line_blocks(text);
    let Some(joins) = wrapped_pairs(text, &lines) else {
        return lines;
    };
    let mut out: Vec<Span> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(b) if joins[i - 1] => b.end = line.end,
            _ => out.push(*line),
        }
    }
    out
}

/// For each pair of successive lines, whether the second continues the first's paragraph;
/// `None` when the text is not hard-wrapped. It is when it shows a wrap width (the longest
/// line, with enough lines ending close to it); when most lines broken at the width end
/// mid-sentence (text with a paragraph a line ends its lines with full stops); when lines
/// that end mid-sentence short of the width, though the next word would have fitted, are rare
/// (a list of headlines has many); and when most paragraphs so joined end a sentence (rows of
/// a table, headlines and verse of equal lengths do not).
fn wrapped_pairs(text: &str, lines: &[Span]) -> Option<Vec<bool>> {
    let line = |i: usize| &text[lines[i].start..lines[i].end];
    let lens: Vec<usize> = (0..lines.len()).map(|i| line(i).chars().count()).collect();
    let width = wrap_width(&lens)?;
    let (mut joins, mut mid, mut early) = (Vec::new(), 0, 0);
    for i in 1..lines.len() {
        let (prev, next) = (line(i - 1), line(i));
        let adjacent = text[lines[i - 1].end..lines[i].start].matches('\n').count() == 1;
        let first_word = next.split(char::is_whitespace).next().unwrap_or("");
        let fits = lens[i - 1] + 1 + first_word.chars().count() + AIM_SHORT <= width;
        let open = ends_mid_sentence(prev);
        let join = adjacent && !fits && lens[i - 1] + SLACK >= width && !starts_item(next);
        mid += usize::from(join && open);
        early += usize::from(adjacent && fits && open && !starts_item(next));
        joins.push(join);
    }
    // The last line of each run of joined lines, and whether it ends a sentence.
    let ends: Vec<bool> = (0..joins.len())
        .filter(|&i| joins[i] && joins.get(i + 1) != Some(&true))
        .map(|i| ends_sentence(line(i + 1)))
        .collect();
    let n = joins.iter().filter(|&&j| j).count();
    let closed = ends.iter().filter(|&&e| e).count();
    let prose = n >= MIN_FULL_LINES && 2 * mid >= n && n >= 4 * early && 2 * closed > ends.len();
    prose.then_some(joins)
}

/// The width the text may be wrapped at: the longest line, when enough lines end close to it.
fn wrap_width(lens: &[usize]) -> Option<usize> {
    let width = *lens.iter().max()?;
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
        return None;
    }
    let full = lens.iter().filter(|&&n| n + SLACK >= width).count();
    let long = lens.iter().filter(|&&n| 2 * n >= width).count();
    (full >= MIN_FULL_LINES && 2 * full >= long).then_some(width)
}

/// Ends inside a sentence: on a letter, a comma, a hyphen or a dash (not a digit: rows of
/// figures end so).
fn ends_mid_sentence(s: &str) -> bool {
    s.chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, ',' | '-' | '–' | '—' | '/' | '('))
}

/// Ends a sentence: a full stop, question or exclamation mark of any script, maybe inside
/// closing quotes or brackets.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।'])
}

/// Starts like an item of a list (`- `, `* `, `• `, `1. `, `2) `).
fn starts_item(s: &str) -> bool {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &s[digits..];
    if digits > 0 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "+ ", "• ", "– ", "— ", "> "]
        .iter()
        .any(|m| s.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text).iter().map(|b| &text[b.start..b.end]).collect()
    }

    /// A paragraph wrapped at 60 columns, as a filler would.
    fn wrap(paragraph: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for w in paragraph.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out + &line + "\n"
    }

    const ONE: &str = "The harbour council met on Tuesday evening to vote on the \
        new sea wall, which engineers say must be finished before the winter storms arrive, \
        and which will cost more than any project the town has paid for since the war.";
    const TWO: &str = "Opponents said the plan was rushed and that the fishermen of \
        the old quarter had not been asked, while the mayor replied that every month of delay \
        would make the wall dearer and the town less safe.";

    #[test]
    fn wrapped_paragraphs_are_rejoined() {
        let text = format!("Sea wall approved\n\n{}\n{}", wrap(ONE, 60), wrap(TWO, 60));
        let b = texts(&text);
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[0], "Sea wall approved");
        assert!(b[1].starts_with("The harbour") && b[1].ends_with("since the war."));
        assert!(b[2].starts_with("Opponents") && b[2].ends_with("less safe."));
        assert!(b[1].contains('\n'), "the original lines are kept");
    }

    #[test]
    fn any_script_and_width() {
        let text =
            wrap(&ONE.replace("the", "тот"), 72) + "\n" + &wrap(&TWO.replace("the", "тот"), 72);
        assert_eq!(texts(&text).len(), 2);
    }

    #[test]
    fn one_paragraph_a_line_is_left_alone() {
        let text = format!("Sea wall approved\n{ONE}\n{TWO}\nShare this article\n");
        assert_eq!(texts(&text).len(), 4);
    }

    #[test]
    fn menus_and_headline_lists_are_left_alone() {
        let menu = "Home\nNews\nSport\nWeather\nContact us\n";
        assert_eq!(texts(menu).len(), 5);
        let headlines = "Council approves the new sea wall after two winters of floods\n\
            Fishermen of the old quarter say they were never asked\n\
            Mayor: every month of delay makes the wall dearer\n\
            Storm season could start early, forecasters warn this week\n\
            Harbour trust to publish its accounts next month\n";
        assert_eq!(texts(headlines).len(), 5);
    }

    #[test]
    fn tables_headline_lists_and_verse_are_left_alone() {
        let table = "Final table\n\
            1  Harbour Town      38 26  6  6 88 43 +45 84\n\
            2  Port Ellery FC    38 24  8  6 75 40 +35 80\n\
            3  Quay Street Utd   38 22  7  9 70 45 +25 73\n\
            4  Northgate Rovers  38 20  9  9 66 47 +19 69\n\
            5  Old Quarter Town  38 19  8 11 60 50 +10 65\n";
        assert_eq!(texts(table).len(), 6);
        let results = "Election results by district, with turnout and the swing since 2019\n\
            Northgate: Labour hold, majority 4,312, turnout 61 per cent, swing 2\n\
            Harbour: Liberal gain, majority 1,204, turnout 58 per cent, swing 7\n\
            Old Quarter: Green hold, majority 2,911, turnout 64 per cent, swing 1\n\
            Quay Street: Labour hold, majority 6,020, turnout 55 per cent, swing 3\n";
        assert_eq!(texts(results).len(), 5);
        let most_read = "Most read\n\
            Council approves the new sea wall after two winters of floods\n\
            Fishermen of the old quarter say they were never consulted\n\
            Storm season could start early this year, forecasters warn\n\
            Harbour trust to publish its accounts for the first time ever\n\
            Mayor defends the cost of the wall at a packed town meeting\n\
            Ferry timetable changes for the winter months announced today\n";
        assert_eq!(texts(most_read).len(), 7);
        let verse = "The tide comes in across the grey and patient stones\n\
            and every wave remembers what the last one said\n\
            the gulls go quiet when the evening fog has grown\n\
            and lamps along the harbour wall burn low and red\n";
        assert_eq!(texts(verse).len(), 4);
    }

    #[test]
    fn list_items_and_short_lines_end_a_paragraph() {
        let text = wrap(ONE, 60) + "- first point of the plan\n- second point\n" + &wrap(TWO, 60);
        let b = texts(&text);
        assert_eq!(b.len(), 4, "{b:?}");
        assert_eq!(b[1], "- first point of the plan");
    }
}

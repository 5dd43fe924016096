//! Text → blocks → sentences → tokens.
//!
//! A block is one non-blank line: scraped text puts a paragraph on a line, and adjacent lines
//! ("Skip to main content" above the title) are different things — except in hard-wrapped text,
//! whose lines are joined back into paragraphs ([`paragraphs`]). Tokens are words, numbers and
//! single punctuation marks; a possessive `'s` is its own token so names never swallow it.
//! Sentences are split at `.!?` unless the word before is a known abbreviation or an initial.

pub mod labels;
pub mod paragraphs;

use crate::types::Span;

/// Whitespace as scraped text has it: ASCII, no-break spaces, zero-width and BOM characters.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}')
}

/// Starts with a capital letter.
pub fn word_is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words in `s`: runs between whitespace that hold a letter or digit.
pub fn count_words(s: &str) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// `count_words(s).min(cap)`, without counting past `cap`.
pub fn count_words_upto(s: &str, cap: usize) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(cap)
        .count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Index of the sentence holding this token.
    pub sentence: u32,
    /// Whitespace (or the start of the block) comes right before this token.
    pub space_before: bool,
}

impl Token {
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Token indices `[first, last)`.
    pub tokens: (usize, usize),
    /// Index of the block holding this sentence.
    pub block: usize,
}

/// A text cut into blocks, sentences and tokens. All offsets are UTF-8 bytes into `text`.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub blocks: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl<'a> Document<'a> {
    /// Segments `text`, one block per non-blank line or hard-wrapped paragraph.
    pub fn new(text: &'a str) -> Self {
        Self::with_blocks(text, paragraphs::blocks(text))
    }

    /// Segments `text` whose blocks are already known (from HTML structure).
    pub fn with_blocks(text: &'a str, blocks: Vec<Span>) -> Self {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        let mut chars = Vec::new();
        for (bi, b) in blocks.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, *b, &mut chars, &mut tokens);
            split_sentences(text, bi, first, &mut tokens, &mut sentences);
        }
        Document {
            text,
            blocks,
            sentences,
            tokens,
        }
    }

    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Index of the block containing byte `pos` (or the nearest before it).
    pub fn block_at(&self, pos: usize) -> usize {
        self.blocks
            .partition_point(|b| b.start <= pos)
            .saturating_sub(1)
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// The end of tokens `[from, to)` without the punctuation that closes them: past a
    /// sentence's last word ("said" of `…, Schiff said.”`).
    pub fn words_end(&self, from: usize, to: usize) -> usize {
        let mut e = to;
        while e > from && self.tokens[e - 1].kind == TokenKind::Punct {
            e -= 1;
        }
        e
    }

    /// Token index range `[first, last)` of block `b`.
    pub fn block_tokens(&self, b: usize) -> (usize, usize) {
        let span = self.blocks[b];
        (self.token_at(span.start), self.token_at(span.end))
    }

    /// True when most content words of the sentence are capitalised and it does not end like a
    /// sentence: a headline or a title line, where capitals say nothing about names.
    pub fn is_headline_case(&self, s: &Sentence) -> bool {
        let last = self.text[s.start..s.end]
            .trim_end_matches(['”', '"', '’', '\'', ')'])
            .chars()
            .next_back();
        !matches!(last, Some('.' | '!' | '?')) && self.is_title_cased(s)
    }

    /// True when at least 70% of the sentence's words of four letters or more (and three at
    /// least) are capitalised, however it ends: "Retired General Reveals ‘Demoralizing’
    /// Experience Of Serving Under Obama." Word classes are hard to tell there.
    pub fn is_title_cased(&self, s: &Sentence) -> bool {
        /// Content words read: a headline has fewer, and a text with no sentence end costs
        /// the same for each name in it.
        const READ: usize = 80;
        let mut content = 0;
        let mut caps = 0;
        for i in s.tokens.0..s.tokens.1 {
            let w = self.tok(i);
            if self.tokens[i].kind != TokenKind::Word || w.len() < 4 {
                continue;
            }
            if content == READ {
                break;
            }
            content += 1;
            if word_is_cap(w) {
                caps += 1;
            }
        }
        content >= 3 && caps * 10 >= content * 7
    }
}

/// Every non-blank line, trimmed.
pub fn line_blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if let Some(s) = trim_span(text, Span::new(start, pos)) {
            out.push(s);
        }
    }
    out
}

/// `span` without leading and trailing whitespace; `None` if nothing is left.
pub fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let body = s.trim_matches(is_space);
    (!body.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + body.len()))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | 'ʼ')
}

/// Tokenizes one block; `chars` is scratch space reused across blocks.
fn tokenize(text: &str, block: Span, chars: &mut Vec<(usize, char)>, out: &mut Vec<Token>) {
    let s = &text[block.start..block.end];
    chars.clear();
    chars.extend(s.char_indices());
    let chars = &chars[..];
    let n = chars.len();
    let at = |i: usize| if i < n { chars[i].1 } else { ' ' };
    let off = |i: usize| block.start + if i < n { chars[i].0 } else { s.len() };
    let mut i = 0;
    let mut space = true;
    while i < n {
        let c = chars[i].1;
        if is_space(c) {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            if let Some(len) = dotted_abbreviation(&chars[i..]) {
                i += len;
                kind = TokenKind::Word;
            } else {
                let numeric = c.is_numeric();
                i += 1;
                loop {
                    let d = at(i);
                    if d.is_alphanumeric() {
                        // "People19": a lowercase letter followed by a digit starts a new token.
                        if d.is_numeric() && !numeric && at(i - 1).is_lowercase() {
                            break;
                        }
                        i += 1;
                    } else if (d == '-' || is_apostrophe(d) || (numeric && matches!(d, ',' | '.')))
                        && at(i + 1).is_alphanumeric()
                    {
                        // A possessive 's is its own token.
                        if is_apostrophe(d)
                            && matches!(at(i + 1), 's' | 'S')
                            && !at(i + 2).is_alphanumeric()
                        {
                            break;
                        }
                        if numeric && matches!(d, ',' | '.') && !at(i + 1).is_numeric() {
                            break;
                        }
                        i += 2;
                    } else {
                        break;
                    }
                }
                kind = if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
            }
        } else if is_apostrophe(c)
            && matches!(at(i + 1), 's' | 'S')
            && !at(i + 2).is_alphanumeric()
            && i > 0
            && at(i - 1).is_alphanumeric()
        {
            i += 2;
            kind = TokenKind::Word;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        out.push(Token {
            start: off(start),
            end: off(i),
            kind,
            sentence: 0,
            space_before: space,
        });
        space = false;
    }
}

/// Length in chars of an abbreviation like `U.S.` or `e.g.` at the start of `chars`.
fn dotted_abbreviation(chars: &[(usize, char)]) -> Option<usize> {
    let mut i = 0;
    let mut letters = 0;
    while i + 1 < chars.len() && chars[i].1.is_alphabetic() && chars[i + 1].1 == '.' {
        letters += 1;
        i += 2;
    }
    let next_alnum = chars.get(i).is_some_and(|c| c.1.is_alphanumeric());
    (letters >= 2 && !next_alnum).then_some(i)
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Del", "Dr", "Feb", "Fr",
    "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar", "Messrs",
    "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt",
    "Sr", "St", "Supt", "approx", "etc", "vs",
];

pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn split_sentences(
    text: &str,
    block: usize,
    first: usize,
    tokens: &mut [Token],
    out: &mut Vec<Sentence>,
) {
    let n = tokens.len();
    let mut s = first;
    let mut i = first;
    let tok = |t: &Token| &text[t.start..t.end];
    while i < n {
        let t = tok(&tokens[i]);
        let mut end_here = false;
        let mut last = i;
        if matches!(t, "." | "!" | "?" | "…") {
            // Closing quotes and brackets stay with the sentence they close.
            while last + 1 < n
                && matches!(
                    tok(&tokens[last + 1]),
                    "”" | "\"" | "’" | "'" | ")" | "]" | "»"
                )
                && !tokens[last + 1].space_before
            {
                last += 1;
            }
            let next = tokens.get(last + 1).map(tok);
            let starts_sentence = next.is_some_and(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“\"‘'(«[".contains(c))
            });
            let abbrev = t == "."
                && i > first
                && !tokens[i].space_before
                && is_abbreviation(tok(&tokens[i - 1]));
            end_here = next.is_none() || (starts_sentence && !abbrev);
        }
        if end_here || last + 1 == n {
            push_sentence(tokens, s, last + 1, block, out);
            s = last + 1;
        }
        i = last + 1;
    }
}

fn push_sentence(tokens: &mut [Token], a: usize, b: usize, block: usize, out: &mut Vec<Sentence>) {
    if a >= b {
        return;
    }
    let idx = out.len() as u32;
    for t in &mut tokens[a..b] {
        t.sentence = idx;
    }
    out.push(Sentence {
        start: tokens[a].start,
        end: tokens[b - 1].end,
        tokens: (a, b),
        block,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let d = Document::new(text);
        (0..d.tokens.len()).map(|i| d.tok(i)).collect()
    }

    #[test]
    fn lines_are_blocks() {
        let d = Document::new("Skip to main content\nTitle here\n\n  Body text.  \n\u{a0}\n");
        let b: Vec<&str> = d.blocks.iter().map(|s| &d.text[s.start..s.end]).collect();
        assert_eq!(b, ["Skip to main content", "Title here", "Body text."]);
    }

    #[test]
    fn possessives_and_glued_dates_split() {
        assert_eq!(words("Iran’s role"), ["Iran", "’s", "role"]);
        assert_eq!(
            words("the People19 December"),
            ["the", "People", "19", "December"]
        );
        assert_eq!(words("U.S. forces"), ["U.S.", "forces"]);
        assert_eq!(words("Jean-Yves Le Drian"), ["Jean-Yves", "Le", "Drian"]);
        assert_eq!(
            words("531,943 votes in 1970s"),
            ["531,943", "votes", "in", "1970s"]
        );
        assert_eq!(words("don't"), ["don't"]);
        assert_eq!(words("strategy.Hassan"), ["strategy", ".", "Hassan"]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let d = Document::new("Mr. Smith went to Washington. He said “no.” Then Dr. J. Doe left.");
        let s: Vec<&str> = d
            .sentences
            .iter()
            .map(|s| &d.text[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Smith went to Washington.",
                "He said “no.”",
                "Then Dr. J. Doe left."
            ]
        );
    }
}

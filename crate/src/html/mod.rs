//! Inert HTML → readable text and blocks.
//!
//! A small tokenizer in the spirit of a browser's `innerText`: block elements start new blocks,
//! whitespace collapses, character references are decoded, and `script`, `style`, `template`,
//! `iframe`, `svg`, … are dropped with their content. Nothing is executed or fetched: the input
//! is only ever read as a string. Each block remembers the structure around it (tag, class/id
//! hints such as `nav` or `share`, link text) for the boilerplate classifier.

use crate::types::Span;

/// What the markup around a block says about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// Inside `<nav>`, `<header>`, or an element whose class/id says menu, breadcrumb, nav….
    pub navigation: bool,
    pub footer: bool,
    pub share: bool,
    pub related: bool,
    pub comments: bool,
    pub advert: bool,
    pub caption: bool,
    pub byline: bool,
    /// Inside `<article>` or `<main>` (or class/id "article-body", "story", …).
    pub article: bool,
}

impl Hints {
    fn merge(self, o: Hints) -> Hints {
        Hints {
            navigation: self.navigation || o.navigation,
            footer: self.footer || o.footer,
            share: self.share || o.share,
            related: self.related || o.related,
            comments: self.comments || o.comments,
            advert: self.advert || o.advert,
            caption: self.caption || o.caption,
            byline: self.byline || o.byline,
            article: self.article || o.article,
        }
    }
}

/// One block of the extracted text with what the markup said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBlock {
    pub span: Span,
    /// The innermost block element (`p`, `h1`, `li`, `td`, …).
    pub tag: &'static str,
    pub hints: Hints,
    /// Bytes of the block's text that are inside links.
    pub link_bytes: usize,
    /// The elements that contain the block and may contain other blocks (`div`, `td`,
    /// `article`, `ul`…), outermost first, by an id unique within the page.
    pub containers: Vec<u32>,
}

/// The readable text of an HTML page, its blocks, and its `<title>`.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    pub text: String,
    pub blocks: Vec<HtmlBlock>,
    pub title: Option<String>,
}

/// Elements whose content is raw text up to their end tag (no markup inside), never shown.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "iframe", "xmp", "noembed", "noframes",
];

/// Elements whose content is markup that is not shown as the page's text.
const HIDDEN: &[&str] = &[
    "template", "svg", "math", "object", "noscript", "select", "canvas", "video", "audio", "map",
];

/// Elements that break the text into blocks.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Deepest element nesting tracked; deeper markup still yields its text.
const MAX_DEPTH: usize = 256;

/// True when `input` looks like an HTML document rather than text that mentions a tag.
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let lower: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    // Otherwise: many known tags relative to the amount of text.
    let sample = &input[..floor_char_boundary(input, input.len().min(200_000))];
    // Each tag starts with its only '<', so counting every tag's occurrences is counting, at
    // each '<', the tags that start there (ASCII case-insensitively): no lowercase copy, and
    // text without a '<' costs one scan.
    const TAGS: [&[u8]; 11] = [
        b"<p>", b"<p ", b"<div", b"<br", b"<a href", b"<span", b"<li>", b"<td", b"<h1", b"<h2",
        b"</p>",
    ];
    let bytes = sample.as_bytes();
    let tags: usize = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'<')
        .map(|(k, _)| {
            let rest = &bytes[k..];
            TAGS.iter()
                .filter(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t))
                .count()
        })
        .sum();
    tags >= 3 && (head.starts_with('<') || tags * 200 >= sample.len())
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Open {
    tag: String,
    hints: Hints,
    id: u32,
}

/// Block elements that hold one block's text rather than other blocks.
const LEAF_BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "summary",
    "pre",
    "address",
];

struct Builder {
    doc: HtmlDoc,
    /// Start of the block being filled.
    block_start: usize,
    block_tag: &'static str,
    block_hints: Hints,
    link_bytes: usize,
    /// A space is pending (collapsed whitespace) before the next visible character.
    pending_space: bool,
}

impl Builder {
    fn push_text(&mut self, s: &str, in_link: bool, pre: bool, stack: &[Open]) {
        for c in s.chars() {
            if c.is_whitespace() && !(pre && c == '\n') && c != '\u{a0}' {
                self.pending_space = true;
                continue;
            }
            if pre && c == '\n' {
                self.flush(stack);
                continue;
            }
            if self.doc.text.len() > self.block_start && self.pending_space {
                self.doc.text.push(' ');
            }
            self.pending_space = false;
            self.doc.text.push(c);
            if in_link {
                self.link_bytes += c.len_utf8();
            }
        }
    }

    fn flush(&mut self, stack: &[Open]) {
        let whole = Span::new(self.block_start, self.doc.text.len());
        match crate::segment::trim_span(&self.doc.text, whole) {
            None => self.doc.text.truncate(self.block_start),
            Some(span) => {
                self.doc.text.truncate(span.end);
                self.doc.blocks.push(HtmlBlock {
                    span,
                    tag: self.block_tag,
                    hints: self.block_hints,
                    link_bytes: self.link_bytes.min(span.len()),
                    containers: stack
                        .iter()
                        .filter(|o| {
                            BLOCKS.contains(&o.tag.as_str())
                                && !LEAF_BLOCKS.contains(&o.tag.as_str())
                        })
                        .map(|o| o.id)
                        .collect(),
                });
                self.doc.text.push_str("\n\n");
            }
        }
        self.block_start = self.doc.text.len();
        self.link_bytes = 0;
        self.pending_space = false;
    }
}

/// Extracts the readable text and blocks of `html`. Never fails: broken markup yields what text
/// it has.
pub fn extract(html: &str) -> HtmlDoc {
    // A hidden element left open swallows the rest of the page; when that would lose most of
    // it, read the page again with that element shown.
    let mut shown: Vec<String> = Vec::new();
    loop {
        let (doc, open_hidden) = extract_showing(html, &shown);
        match open_hidden {
            Some((name, at)) if at * 10 < html.len() * 9 && shown.len() < HIDDEN.len() => {
                shown.push(name)
            }
            _ => return doc,
        }
    }
}

/// Byte offset just past the end tag `</name…>` at or after `from`, case-insensitive. In a
/// script whose content opens with `<!--`, the end tag is looked for after the `-->`.
fn end_of_raw_text(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut start = from;
    if name == "script" && html[from..].trim_start().starts_with("<!--") {
        if let Some(k) = html[from..].find("-->") {
            start = from + k;
        }
    }
    let mut i = start;
    while let Some(k) = memchr_lt(&bytes[i..]) {
        let at = i + k;
        let rest = &bytes[at..];
        if rest.len() > name.len() + 2
            && rest[1] == b'/'
            && rest[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                rest[2 + name.len()],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'
            )
        {
            return Some(
                rest.iter()
                    .position(|&c| c == b'>')
                    .map_or(html.len(), |e| at + e + 1),
            );
        }
        i = at + 1;
    }
    None
}

/// [`extract`], with the hidden elements in `shown` treated as visible. Also returns the hidden
/// element still open at the end, and where it opened.
fn extract_showing(html: &str, shown: &[String]) -> (HtmlDoc, Option<(String, usize)>) {
    let mut b = Builder {
        doc: HtmlDoc::default(),
        block_start: 0,
        block_tag: "body",
        block_hints: Hints::default(),
        link_bytes: 0,
        pending_space: false,
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut next_id = 0u32;
    // Inside a hidden element: its tag, how deeply it nests, where it opened.
    let mut hidden: Option<(String, u32, usize)> = None;
    let mut title: Option<String> = None;
    let mut in_title = false;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        if bytes[i] != b'<' {
            let next = memchr_lt(&bytes[i..]).map_or(html.len(), |k| i + k);
            let raw = &html[i..next];
            if in_title {
                title.get_or_insert_with(String::new).push_str(&decode(raw));
            } else if hidden.is_none() {
                let in_link = stack.iter().any(|o| o.tag == "a");
                let pre = stack.iter().any(|o| o.tag == "pre");
                b.push_text(&decode(raw), in_link, pre, &stack);
            }
            i = next;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |k| i + k + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |k| i + k + 1);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            // A lone '<' is text.
            if hidden.is_none() && !in_title {
                b.push_text("<", false, false, &stack);
            }
            i += 1;
            continue;
        };
        let tag_start = i;
        i += tag.len;
        let name = tag.name.as_str();
        if let Some((h, depth, _)) = &mut hidden {
            if name == h.as_str() && !tag.self_closing {
                if tag.end {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
            }
            if *depth == 0 {
                hidden = None;
            }
            continue;
        }
        if name == "title" {
            in_title = !tag.end && title.is_none();
            continue;
        }
        if !tag.end && RAW_TEXT.contains(&name) {
            // Skip to the end tag; without one, only the start tag is skipped (a browser
            // would hide the rest of the page, but the reader pasted it for its text).
            if let Some(end) = end_of_raw_text(html, i, name) {
                i = end;
            }
            continue;
        }
        if !tag.end
            && HIDDEN.contains(&name)
            && !tag.self_closing
            && !shown.iter().any(|s| s == name)
        {
            hidden = Some((tag.name.clone(), 1, tag_start));
            continue;
        }
        let block_tag = BLOCKS.iter().find(|t| **t == name).copied();
        if let Some(bt) = block_tag {
            b.flush(&stack);
            if !tag.end && bt != "br" && bt != "hr" {
                b.block_tag = bt;
            }
        }
        if tag.end {
            if let Some(k) = stack.iter().rposition(|o| o.tag == name) {
                stack.truncate(k);
            }
        } else if !VOID.contains(&name) && !tag.self_closing && stack.len() < MAX_DEPTH {
            // A new paragraph or list item closes the open one, as browsers do.
            if matches!(name, "p" | "li" | "div" | "h1" | "h2" | "h3" | "table") {
                if let Some(k) = stack.iter().rposition(|o| o.tag == "p") {
                    stack.truncate(k);
                }
            }
            if name == "li" {
                if let Some(k) = stack.iter().rposition(|o| o.tag == "li") {
                    stack.truncate(k);
                }
            }
            let parent = stack.last().map(|o| o.hints).unwrap_or_default();
            next_id += 1;
            stack.push(Open {
                tag: tag.name.clone(),
                hints: parent.merge(hints_of(name, &tag.class_id)),
                id: next_id,
            });
        }
        if block_tag.is_some() {
            b.block_hints = stack.last().map(|o| o.hints).unwrap_or_default();
            if tag.end {
                b.block_tag = stack
                    .iter()
                    .rev()
                    .find_map(|o| BLOCKS.iter().find(|t| **t == o.tag).copied())
                    .unwrap_or("body");
            }
        }
    }
    b.flush(&stack);
    let end = b.doc.blocks.last().map_or(0, |x| x.span.end);
    b.doc.text.truncate(end);
    b.doc.title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    (b.doc, hidden.map(|(name, _, at)| (name, at)))
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    /// The values of the class and id attributes, lowercased.
    class_id: String,
    /// Bytes consumed, `<` to `>` inclusive.
    len: usize,
}

fn parse_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 1;
    let end = b.get(1) == Some(&b'/');
    if end {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == name_start || !b[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut class_id = String::new();
    let mut self_closing = false;
    // Attributes: name[=value], value quoted with " or ' or bare.
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            return Some(Tag {
                name,
                end,
                self_closing,
                class_id,
                len: b.len(),
            });
        }
        match b[i] {
            b'>' => {
                return Some(Tag {
                    name,
                    end,
                    self_closing,
                    class_id,
                    len: i + 1,
                })
            }
            b'/' => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let an = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == an {
            i += 1;
            continue;
        }
        let attr = s[an..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (vs, ve);
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                vs = i + 1;
                ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |k| vs + k);
                i = (ve + 1).min(b.len());
            } else {
                vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                ve = i;
            }
            if attr == "class" || attr == "id" {
                class_id.push(' ');
                class_id.push_str(&s[vs..ve].to_ascii_lowercase());
            }
        }
    }
}

/// Hints an element gives by its tag and its class/id words.
fn hints_of(tag: &str, class_id: &str) -> Hints {
    let mut h = Hints {
        navigation: matches!(tag, "nav" | "header" | "menu"),
        footer: tag == "footer",
        related: tag == "aside",
        caption: tag == "figcaption",
        article: matches!(tag, "article" | "main"),
        ..Hints::default()
    };
    for w in class_id.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let has = |keys: &[&str]| keys.iter().any(|k| w == *k || w.starts_with(k));
        if has(&["nav", "menu", "breadcrumb", "masthead", "topbar", "skip"]) {
            h.navigation = true;
        }
        if has(&["footer", "copyright", "legal", "disclaimer"]) {
            h.footer = true;
        }
        if has(&["share", "social", "addthis", "sharing", "bookmark"]) {
            h.share = true;
        }
        if has(&[
            "related",
            "recommend",
            "popular",
            "trending",
            "teaser",
            "sidebar",
            "morestories",
            "promo",
            "widget",
        ]) {
            h.related = true;
        }
        if has(&["comment", "disqus", "respond", "reply", "discussion"]) {
            h.comments = true;
        }
        if matches!(w, "ad" | "ads" | "adv" | "advert" | "banner" | "sponsor")
            || has(&["advert", "sponsor", "adsense", "dfp"])
        {
            h.advert = true;
        }
        if has(&["caption", "credit", "photo", "image"]) {
            h.caption = true;
        }
        if has(&["byline", "author", "dateline", "timestamp", "pubdate"]) {
            h.byline = true;
        }
        if has(&[
            "article",
            "story",
            "entry",
            "post-body",
            "content-body",
            "main",
        ]) {
            h.article = true;
        }
    }
    h
}

/// Decodes character references (`&amp;`, `&#8217;`, `&rsquo;`, …).
pub fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let body_end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..body_end];
        let has_semi = rest[body_end..].starts_with(';');
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            n.map(|n| match n {
                // Windows-1252 punctuation, as browsers map it.
                0x91 => '‘',
                0x92 => '’',
                0x93 => '“',
                0x94 => '”',
                0x96 => '–',
                0x97 => '—',
                0x85 => '…',
                _ => char::from_u32(n)
                    .filter(|c| *c != '\0')
                    .unwrap_or('\u{FFFD}'),
            })
        } else if has_semi || matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp") {
            named_entity(name)
        } else {
            None
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[body_end + usize::from(has_semi)..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "iexcl" => '¡',
        "iquest" => '¿',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "prime" => '′',
        "Prime" => '″',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "szlig" => 'ß',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Auml" => 'Ä',
        "Ccedil" => 'Ç',
        "Eacute" => 'É',
        "Egrave" => 'È',
        "Ntilde" => 'Ñ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Uuml" => 'Ü',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let d = extract(html);
        d.blocks
            .iter()
            .map(|b| d.text[b.span.start..b.span.end].to_string())
            .collect()
    }

    #[test]
    fn scripts_and_styles_are_dropped_and_blocks_split() {
        let html = "<html><head><title>T &amp; U</title><style>p{}</style></head><body>\
            <script>alert('x<p>')</script><p>One &ldquo;two&rdquo;\n  three</p><p>Four<br>Five</p>\
            <img src=\"http://evil/x.png\" alt=\"pic\"><!-- <p>hidden</p> --></body></html>";
        assert_eq!(blocks(html), ["One “two” three", "Four", "Five"]);
        assert_eq!(extract(html).title.as_deref(), Some("T & U"));
    }

    #[test]
    fn hints_and_links_are_remembered() {
        let d = extract("<nav><a href=/>Home</a> | <a href=/n>News</a></nav><div class='story-body'><p>Text</p></div>");
        assert!(d.blocks[0].hints.navigation);
        assert_eq!(d.blocks[0].link_bytes, 8);
        assert!(d.blocks[1].hints.article);
    }

    #[test]
    fn trailing_spaces_stay_outside_blocks() {
        let d = extract("<p>Breaking News:&nbsp;</p><p>Last line&nbsp; \u{3000}");
        for b in &d.blocks {
            assert!(b.span.end <= d.text.len());
        }
        assert_eq!(d.text, "Breaking News:\n\nLast line");
    }

    #[test]
    fn script_content_is_raw_text() {
        let html = "<script><!--\ndocument.write(\"<iframe src='x'><\\/iframe>\");\n//--></script>\
            <script>var s = '<div>'; if (a<b) {}</script><p>Story text</p>\
            <textarea><p>not a paragraph</p></textarea><p>More</p>";
        assert_eq!(blocks(html), ["Story text", "More"]);
    }

    #[test]
    fn an_unclosed_hidden_element_does_not_swallow_the_page() {
        let html =
            "<select><option>Menu</option><p>The article starts here.</p><p>And goes on.</p>";
        assert!(blocks(html).contains(&"The article starts here.".to_string()));
        assert_eq!(
            blocks("<script>unclosed <p>Visible</p>"),
            ["unclosed", "Visible"]
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<div><p>a</p><p>b</p></div>"));
        assert!(!looks_like_html(
            "He wrote <b> once in a long article about tags."
        ));
    }

    #[test]
    fn broken_markup_keeps_text() {
        assert_eq!(
            blocks("<p>a <b>b</p> c &bogus; &#x201C;d<"),
            ["a b", "c &bogus; “d<"]
        );
        let deep = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        assert_eq!(blocks(&deep), ["deep"]);
    }
}

//! A cap on nesting before the parser sees the page, as browsers have one (Blink nests at most
//! 512 elements deep; deeper ones become siblings). html5ever has none, and its tree builder
//! checks the open elements at every tag: 50,000 nested `<div>`s took seven seconds. Start tags
//! past the cap are left out (their text stays); pages within it are passed through untouched.

use std::borrow::Cow;

/// Deepest nesting kept.
pub const MAX_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with the start tags that would nest deeper than [`MAX_DEPTH`] left out.
pub fn capped(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + k;
        let end = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
        let tag = &html[at..end];
        let closing = tag.starts_with("</");
        let after = &tag.as_bytes()[if closing { 2 } else { 1 }..];
        let name_len = after
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let name = &after[..name_len];
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        i = end;
        if name.is_empty() {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if is(RAW) {
            // Skip to its end tag: its content is not markup.
            i = end_tag(bytes, end, name);
            continue;
        }
        if is(VOID) || tag.ends_with("/>") {
            continue;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            copied = end;
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Where the end tag `</name` starts at or after `from` (ASCII case-insensitively), or the end.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + k;
        let rest = &bytes[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page =
            "<html><body><div><p>a<br>b</p><script>if (a<b) {'<div>'}</script></div></body></html>";
        assert!(matches!(capped(page), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_text_kept() {
        let deep = "<div>".repeat(MAX_DEPTH + 100) + "deep text";
        let c = capped(&deep);
        assert_eq!(c.matches("<div>").count(), MAX_DEPTH);
        assert!(c.ends_with("deep text"));
    }
}

//! Named phrases that say what a block is: skip links, menus, tag lists, share widgets,
//! copyright lines, shortcodes, bylines, date lines… Each carries examples a test checks.
//!
//! They no longer decide on their own: each is a feature of the learned classifier (its weight
//! learned on every training set), and names the kind of a block the classifier leaves out.

use std::sync::LazyLock;

use regex::RegexSet;

use crate::types::BlockKind;

/// Known boilerplate phrases: the pattern (matched case-insensitively), the kind of block it
/// names, the reason shown to the reader, and examples a test checks.
pub const PATTERNS: &[(&str, BlockKind, &str, &[&str])] = &[
    (
        r"^(skip (to|navigation)|jump to (main )?(content|navigation))",
        BlockKind::Navigation,
        "skip link",
        &["Skip to main content", "Jump to navigation"],
    ),
    (
        r"^(\S+(\s\S+){0,3}\s*[|•·»›]\s*){2,}\S+(\s\S+){0,3}$",
        BlockKind::Navigation,
        "menu: short items between separators",
        &[
            "Home | News | Sport | Weather",
            "Sign in \u{a0}·\u{a0} Register · Read today's paper · Jobs",
        ],
    ),
    (
        r"^from [^,]{1,60}, the free\b[^.]{0,40}encyclopedia\.?$",
        BlockKind::Navigation,
        "an encyclopedia's tagline",
        &[
            "From Wikipedia, the free encyclopedia",
            "From the Northmoor Encyclopedia, the free regional encyclopedia",
        ],
    ),
    (
        r"^(tags?|tagged|filed under|categories|category|topics)\s*:",
        BlockKind::Navigation,
        "tag list",
        &["Tags: , , , ,", "Filed under: Politics"],
    ),
    (
        r"^(click (here|on the button|the button|below)|(download|get) (our|the) app|follow us)",
        BlockKind::Navigation,
        "call to action",
        &["Click on the button below", "Follow us on Twitter"],
    ),
    (
        r"^((the )?latest|top|more|breaking|recent) (news|stories|headlines|posts|articles)$",
        BlockKind::Related,
        "news list heading",
        &["Latest News", "More stories"],
    ),
    (
        r"^(popular posts\b|related( posts| articles| stories| news| content| coverage| links)?\W*$|you (may|might) (also )?like|more (from|on) |read more\b|recommended( for you| stories)?\W*$|most (read|popular|viewed|shared)\b|trending( now)?\W*$|further reading|see also\W*$|also read\b|what to read next)",
        BlockKind::Related,
        "related-stories heading",
        &[
            "Popular posts from this blog",
            "Related Articles",
            "You may also like",
            "Read more:",
        ],
    ),
    (
        r"^((\d+ )?comments?( \(\d+\))?|leave a (reply|comment)|post a comment|add (a|your) comment|(show|view|load) comments|join the (conversation|discussion))\W*$",
        BlockKind::Comments,
        "comments heading",
        &["Comments", "12 Comments", "Leave a Reply"],
    ),
    (
        r"^((posted|submitted|written|comment(ed)?)( by)?:?\s+\S.{0,60}?(\d{1,2}:\d\d|\b(19|20)\d\d\b).{0,30}|(reply|report abuse|permalink|recommend)( \| ?(reply|report abuse|permalink|recommend))*)$",
        BlockKind::Comments,
        "comment signature",
        &[
            "Posted by: dan | Jan 10, 2008 6:02:53 PM",
            "Submitted by Jo Bloggs on March 3, 2008 - 10:12am.",
            "Reply | Report abuse",
        ],
    ),
    (
        r"(sharing icons|share (this|on|via)\b|^share$|^(tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit)\W*$|\bpowered by\b)",
        BlockKind::Share,
        "share widget",
        &[
            "Social media & sharing icons powered by UltimatelySocial",
            "Share this:",
            "Tweet",
        ],
    ),
    (
        r"(copyright|©|\(c\) ?(19|20)\d\d|all rights reserved|licensed under|creative commons|terms (of|and) (use|service|conditions)|privacy policy|cookie|xml sitemap)",
        BlockKind::Legal,
        "copyright or licence notice",
        &[
            "Copyright © 2020 All Rights Reserved | XML Sitemap",
            "Creative Commons License",
            "This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License",
        ],
    ),
    (
        r"^(advertisement|sponsored( content)?|promoted|ad|sign up( now)?|subscribe( now)?|(sign up|subscribe) (to|for) (our|the) .{0,40}newsletter.*)\W*$",
        BlockKind::Advert,
        "advert or sign-up line",
        &["Advertisement", "Subscribe to our daily newsletter"],
    ),
    (
        r"^\[/?[a-z_][\w-]*(\s[^\]]*)?\]$",
        BlockKind::Markup,
        "shortcode",
        &[
            "[/bg_collapse]",
            "[premium_newsticker id=”154171″]",
            r##"[bg_collapse view="button-orange" color="#4a4949" ]"##,
        ],
    ),
    (
        r"^([a-z0-9]+[-_])+[a-z0-9]+$",
        BlockKind::Markup,
        "template leftover (a slug)",
        &["black-horizontal", "post_thumbnail"],
    ),
    (
        r"^(image result for|(photo|picture|image|file photo)( credit)?\s*[:/]|\(?(photo|image|pictured|credit)s?:)",
        BlockKind::Caption,
        "image caption or credit",
        &[
            "Image result for Protests not a threat",
            "Photo: Reuters",
        ],
    ),
    (
        r"^(by|written by|posted by|from|source|a dispatch from|reporting by)\s*:?\s+(?-i:\p{Lu})[\p{L}.'’-]*(\s+(?-i:\p{Lu})[\p{L}.'’-]*){0,4}(\s*[,|/].{0,60})?$",
        BlockKind::Byline,
        "byline",
        &["By Jane Smith, Reuters", "A Dispatch from Telesur"],
    ),
    (
        r"^((published|updated|posted|last updated)\s*:?\s*)?(((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{1,2}(st|nd|rd|th)?)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})([\s,|at-]+\d{1,2}[:.]\d\d\s*([ap]\.?m\.?)?\s*\w*)?$",
        BlockKind::Dateline,
        "date line",
        &["19 December 2017", "Updated: March 5, 2018 10:32 am", "Friday, Jan. 5, 2018"],
    ),
];

/// All the patterns in one automaton: one pass per block tells which match.
static SET: LazyLock<RegexSet> = LazyLock::new(|| {
    // ASCII word boundaries keep the fast engines usable (see entities::NUMERIC).
    let res = PATTERNS
        .iter()
        .map(|(re, ..)| format!("(?i){}", re.replace(r"\b", r"(?-u:\b)")));
    RegexSet::new(res).expect("boilerplate patterns compile")
});

/// The patterns for which `pred(kind, why)` holds, as a bit set.
fn mask(pred: impl Fn(BlockKind, &str) -> bool) -> u32 {
    PATTERNS
        .iter()
        .enumerate()
        .filter(|(_, p)| pred(p.1, p.2))
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// The patterns that are markup left over (shortcodes, template slugs), not phrases.
pub static MARKUP: LazyLock<u32> = LazyLock::new(|| mask(|kind, _| kind == BlockKind::Markup));

/// An encyclopedia's tagline ("From Wikipedia, the free encyclopedia").
pub static TAGLINE: LazyLock<u32> =
    LazyLock::new(|| mask(|_, why| why == "an encyclopedia's tagline"));

/// The kind and reason of the first pattern in the bit set `bits`, if any.
pub fn first(bits: u32) -> Option<(BlockKind, &'static str)> {
    let (_, kind, why, _) = PATTERNS.get(bits.trailing_zeros() as usize)?;
    Some((*kind, why))
}

/// The patterns a block matches, as a bit set (bit i = `PATTERNS[i]`).
pub fn matching(s: &str) -> u32 {
    // Most blocks match none: the plain search costs less than the overlapping one.
    if !SET.is_match(s) {
        return 0;
    }
    SET.matches(s).iter().fold(0, |m, i| m | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_matches_its_examples() {
        for (i, (_, _, why, examples)) in PATTERNS.iter().enumerate() {
            for ex in *examples {
                let first = SET.matches(ex).iter().next();
                assert_eq!(first, Some(i), "{why}: {ex:?} matched pattern {first:?}");
            }
        }
    }

    #[test]
    fn prose_is_never_matched_by_a_pattern() {
        let prose = [
            "The minister said the talks would resume on Friday, according to officials.",
            "Share prices fell sharply after the announcement.",
            "By the end of the week, thousands had joined the rallies.",
            "Comments made by the ambassador drew criticism.",
            "Related protests took place in Paris and London last month.",
            "Lindqvist said:",
            "He says: we will win in 2026.",
            "Posted in 2008, the video was seen by millions of people across the world.",
        ];
        for p in prose {
            assert!(matching(p) == 0, "pattern matched prose: {p}");
        }
    }
}

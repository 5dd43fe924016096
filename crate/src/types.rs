//! Fundamental types used by this crate: spans, blocks, entities, clusters, quotes and the
//! [`Analysis`] that bundles them.
//!
//! Every offset in these types is a **UTF-8 byte offset** into [`Analysis::text`], half-open
//! `[start, end)` and always on a char boundary, so `&text[start..end]` works. The JSON that
//! JavaScript and the CLI see is converted to UTF-16 code units in one place
//! ([`crate::offsets`]).

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    /// Byte offset of the first byte (UTF-8 inside Rust; UTF-16 code units in JSON).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies inside `self` (bounds included).
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when the two spans overlap without one containing the other.
    pub const fn crosses(&self, other: Span) -> bool {
        self.overlaps(other) && !self.contains(other) && !other.contains(*self)
    }
}

/// What a block of the page is. The boilerplate kinds are the ones a reader usually wants gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Title,
    Heading,
    Byline,
    Dateline,
    Body,
    Caption,
    /// A pull quote: a passage of the article set apart and repeated.
    QuoteBox,
    Navigation,
    Related,
    Share,
    Legal,
    Comments,
    Markup,
    Advert,
    Duplicate,
}

impl BlockKind {
    /// Whether blocks of this kind are left out of the clean text by default.
    pub const fn is_boilerplate(self) -> bool {
        !matches!(
            self,
            BlockKind::Title | BlockKind::Heading | BlockKind::Body
        )
    }
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::QuoteBox => "quote-box",
            BlockKind::Navigation => "navigation",
            BlockKind::Related => "related",
            BlockKind::Share => "share",
            BlockKind::Legal => "legal",
            BlockKind::Comments => "comments",
            BlockKind::Markup => "markup",
            BlockKind::Advert => "advert",
            BlockKind::Duplicate => "duplicate",
        }
    }
}

/// A paragraph, or a single line where lines are not separated by blank lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// Left out of `clean_text`.
    pub boilerplate: bool,
    /// The cue that decided the kind, for the reader.
    pub why: String,
}

impl Block {
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One token with its part of speech (in the Analysis only when asked for: `--tokens`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenTag {
    pub start: usize,
    pub end: usize,
    /// Universal POS tag (`NOUN`, `VERB`, `PROPN`…).
    pub upos: crate::pos::Upos,
    /// Penn Treebank tag as English-EWT writes it (`NNS`, `VBZ`…).
    pub xpos: &'static str,
}

/// The type of a named or numeric mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    /// Nationalities, religious and political groups ("Iranian", "Muslim", "Democrats").
    Group,
    /// Events, laws, works and other names.
    Misc,
    Date,
    Time,
    Money,
    Percent,
    Number,
}

impl EntityKind {
    /// Names get clusters; dates and amounts do not.
    pub const fn is_name(self) -> bool {
        matches!(
            self,
            EntityKind::Person
                | EntityKind::Org
                | EntityKind::Place
                | EntityKind::Group
                | EntityKind::Misc
        )
    }
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
            EntityKind::Group => "GROUP",
            EntityKind::Misc => "MISC",
            EntityKind::Date => "DATE",
            EntityKind::Time => "TIME",
            EntityKind::Money => "MONEY",
            EntityKind::Percent => "PERCENT",
            EntityKind::Number => "NUMBER",
        }
    }
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: EntityKind,
    /// The cluster this mention belongs to (`None` for dates and amounts).
    pub id: Option<u32>,
    pub why: String,
}

impl Entity {
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One real-world entity: all the mentions that refer to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub id: u32,
    /// The fullest name seen.
    pub name: String,
    /// The type most of its mentions take.
    pub kind: EntityKind,
    /// Its other readings: the other types its mentions take by their context when it mixes
    /// place and organisation mentions (a country that is a place in one sentence, "in Iran",
    /// and typed ORG in another, "Iran said", is one cluster of kind PLACE with `also_kinds`
    /// `[ORG]`), and ORG for a place that speaks in a quote or reported speech.
    pub also_kinds: Vec<EntityKind>,
    /// Every distinct surface form seen, in order of first appearance.
    pub aliases: Vec<String>,
    /// Roles and titles seen next to the name ("Ambassador", "Foreign Minister").
    pub roles: Vec<String>,
    pub mentions: u32,
    /// Quotes attributed to this entity (direct and partial).
    pub quotes: u32,
    /// Words inside those quotes.
    pub quoted_words: u32,
}

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Speech quoted in full.
    Direct,
    /// A few quoted words inside reported speech: `called Iran a “brutal regime.”`
    Partial,
    /// Scare quotes and titles: quoted words that are not anyone's speech.
    Mention,
    /// Reported speech without quotation marks: `X said that …`, `according to X, …`.
    Indirect,
}

impl QuoteKind {
    /// The name in the JSON (as serde writes it).
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Mention => "mention",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A pronoun that stands for a person: "he" for the cluster of "Tom Reyes".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The person's cluster.
    pub id: u32,
    /// What decided it: the mention it goes back to and how sure the model is.
    pub why: String,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The resolved name ("Jean-Yves Le Drian" for a mention "He").
    pub name: String,
    /// The cluster of the speaker, when the speaker is a known entity.
    pub entity: Option<u32>,
    /// The in-text mention that names the speaker (may be a pronoun).
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The reporting verb or phrase ("said", "told", "according to").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How sure the attribution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Low,
}

impl Confidence {
    /// The name in the JSON (as serde writes it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Low => "low",
        }
    }
}

/// A quotation: one or more quoted pieces (a quote split by its attribution, or running over
/// several paragraphs) with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// From the first opening mark to the last closing mark (or the end of the paragraph
    /// when the mark never closes).
    pub start: usize,
    pub end: usize,
    /// The quoted pieces, each inside one block, quotation marks included.
    pub parts: Vec<Span>,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
    pub confidence: Confidence,
    pub why: String,
}

/// The input format, as given or as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
}

impl Format {
    /// The name in the JSON (as serde writes it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// Document facts the page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Stats {
    pub words: u32,
    pub article_words: u32,
    pub boilerplate_blocks: u32,
    pub sources: u32,
}

/// Everything the core finds in one document. The one contract shared by the wasm API, the CLI
/// and the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The analysed text; for HTML input, the readable text extracted from it.
    pub text: String,
    pub format: Format,
    /// The unit of every offset below: `"utf8"` (bytes) or `"utf16"` (code units).
    pub offsets: &'static str,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// When the article was published, ISO 8601 (`2021-03-05` or with a time), if the page
    /// says.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// The article's language as a BCP 47 tag (`en`, `de`), when it could be told.
    pub language: Option<String>,
    /// What the reader should know about how the input was read (control bytes dropped,
    /// nothing clearly an article…).
    pub warnings: Vec<String>,
    pub blocks: Vec<Block>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
    /// The pronouns that stand for a person of `clusters`.
    pub references: Vec<Reference>,
    pub clean_text: String,
    pub stats: Stats,
    /// Every token with its part of speech, when the options ask for it (`Options::tokens`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenTag>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is what the wasm module hands to JavaScript ([`crate::wasm`]), so it must be the
    /// name serde gives the JSON for every variant.
    #[test]
    fn as_str_is_the_serde_name() {
        fn check<T: Serialize>(values: &[T], as_str: fn(&T) -> &'static str) {
            for v in values {
                assert_eq!(serde_json::to_value(v).unwrap(), as_str(v));
            }
        }
        use BlockKind as B;
        check(
            &[
                B::Title,
                B::Heading,
                B::Byline,
                B::Dateline,
                B::Body,
                B::Caption,
                B::QuoteBox,
                B::Navigation,
                B::Related,
                B::Share,
                B::Legal,
                B::Comments,
                B::Markup,
                B::Advert,
                B::Duplicate,
            ],
            |k| k.as_str(),
        );
        use EntityKind as E;
        check(
            &[
                E::Person,
                E::Org,
                E::Place,
                E::Group,
                E::Misc,
                E::Date,
                E::Time,
                E::Money,
                E::Percent,
                E::Number,
            ],
            |k| k.as_str(),
        );
        use QuoteKind as Q;
        check(&[Q::Direct, Q::Partial, Q::Mention, Q::Indirect], |k| {
            k.as_str()
        });
        check(&[Confidence::High, Confidence::Low], |c| c.as_str());
        check(&[Format::Text, Format::Html], |f| f.as_str());
    }
}

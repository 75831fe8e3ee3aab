//! The typed AST: the contract between the stages and, through its JSON,
//! with users. See `docs/json.md` for the versioning policy.
//!
//! Lowering (`crate::lower`) fills the syntactic fields; resolution
//! (`crate::resolve`) fills the fields documented as *resolved* (numbers,
//! designations, footnote numbers, reference targets, opening words).
//! Every node carries the byte span of its source text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// Version of the JSON format. Bumped on any change that could break a
/// consumer (see `docs/json.md`).
pub const FORMAT_VERSION: &str = "1.0";

/// A byte range `[start, end)` in the source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A label the drafter attached to a node (`<op-coop>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Label {
    pub name: String,
    pub span: Span,
}

/// A number or letter typed by hand (`4.`, `b)`, `II.`); checked against the
/// computed one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Typed {
    /// The designation as written, without punctuation (`4`, `b`, `II`).
    pub text: String,
    pub span: Span,
}

/// A computed number (*resolved*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Designation {
    /// 1-based position among its siblings.
    pub ordinal: u32,
    /// The bare designation in the document's language (`4`, `b`, `II`, `A`).
    pub text: String,
    /// As printed in front of the node (`4.`, `(b)`, `b)`, `II.`).
    pub display: String,
    /// The full designation used by references (`4 (b)`, `4 b)`).
    pub path: String,
    /// A stable anchor (`op-4-b`, `para-5`, `sec-2`, `annex-1`).
    pub anchor: String,
}

/// A whole source file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The document's language (*resolved* from `language:`; `en` when absent).
    pub language: Lang,
    pub meta: Masthead,
    pub body: Vec<Block>,
    pub annexes: Vec<Annex>,
    /// Labelled footnote definitions (`^label: text`), in source order.
    pub footnote_defs: Vec<FootnoteDef>,
    /// Every footnote of the document in print order (*resolved*): the
    /// masthead's first, then in order of first reference.
    pub footnotes: Vec<Footnote>,
    pub span: Span,
}

/// One `key: value` line of the masthead metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Field {
    /// The value as read: its plain text, escapes resolved (`\*` is `*`).
    pub text: String,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// The document's metadata, printed as the first-page masthead.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Masthead {
    /// Document symbol (`UNEP/MC/COP.6/20`). Required.
    pub symbol: Option<Field>,
    /// `General`, `Limited` or `Restricted`.
    pub distribution: Option<Field>,
    /// ISO date (`2025-08-12`).
    pub date: Option<Field>,
    /// Language of submission, as a code (`en`).
    pub original: Option<Field>,
    /// Language of this version, as a code (`ru`). Required.
    pub language: Option<Field>,
    /// The body (`Conference of the Parties to the Minamata Convention on Mercury`).
    pub body: Option<Field>,
    /// The meeting (`Sixth meeting`).
    pub meeting: Option<Field>,
    pub place: Option<Field>,
    pub dates: Option<Field>,
    /// Agenda item number (`5 (c)`).
    pub agenda_item: Option<Field>,
    pub agenda_title: Option<Field>,
    /// Symbol of the provisional agenda; becomes the masthead footnote.
    pub provisional_agenda: Option<Field>,
    /// Title of the document. Required.
    pub title: Option<Field>,
    /// Kind of document (`Note by the secretariat`).
    pub kind: Option<Field>,
    /// Number of the masthead footnote citing the provisional agenda (*resolved*).
    pub agenda_footnote: Option<u32>,
}

impl Masthead {
    /// Every field with its metadata key (`agenda-item:`), in the canonical
    /// order of the source. The one list of keys: lowering, validation,
    /// walking and formatting all go through it.
    pub fn fields(&self) -> [(&'static str, &Option<Field>); 14] {
        [
            ("symbol", &self.symbol),
            ("distribution", &self.distribution),
            ("date", &self.date),
            ("original", &self.original),
            ("language", &self.language),
            ("body", &self.body),
            ("meeting", &self.meeting),
            ("place", &self.place),
            ("dates", &self.dates),
            ("agenda-item", &self.agenda_item),
            ("agenda-title", &self.agenda_title),
            ("provisional-agenda", &self.provisional_agenda),
            ("title", &self.title),
            ("kind", &self.kind),
        ]
    }

    /// [`Masthead::fields`], mutable.
    pub fn fields_mut(&mut self) -> [(&'static str, &mut Option<Field>); 14] {
        [
            ("symbol", &mut self.symbol),
            ("distribution", &mut self.distribution),
            ("date", &mut self.date),
            ("original", &mut self.original),
            ("language", &mut self.language),
            ("body", &mut self.body),
            ("meeting", &mut self.meeting),
            ("place", &mut self.place),
            ("dates", &mut self.dates),
            ("agenda-item", &mut self.agenda_item),
            ("agenda-title", &mut self.agenda_title),
            ("provisional-agenda", &mut self.provisional_agenda),
            ("title", &mut self.title),
            ("kind", &mut self.kind),
        ]
    }

    /// The metadata keys, in canonical order.
    pub fn keys() -> [&'static str; 14] {
        Masthead::default().fields().map(|(key, _)| key)
    }
}

/// A block of the body or of an annex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Section(Section),
    Paragraph(Paragraph),
    Decision(Decision),
}

/// A section (`# Introduction`, level 1, numbered I, II …) or sub-section
/// (`## …`, level 2, lettered A, B …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    pub level: u8,
    pub label: Option<Label>,
    pub typed_number: Option<Typed>,
    /// *Resolved.*
    pub number: Option<Designation>,
    pub title: Vec<Inline>,
    pub content: Vec<Block>,
    pub span: Span,
}

/// A body paragraph: numbered (`#.` or `5.`) or plain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    pub numbered: bool,
    pub label: Option<Label>,
    pub typed_number: Option<Typed>,
    /// *Resolved* (numbered paragraphs only).
    pub number: Option<Designation>,
    pub content: Vec<Inline>,
    pub subparagraphs: Vec<SubParagraph>,
    pub span: Span,
}

/// A draft decision (`::: decision … :::`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    pub label: Option<Label>,
    /// The decision's number as written (`MC-6/[…]`).
    pub symbol: Option<Field>,
    pub title: Option<Field>,
    /// The organ's formula (`The Conference of the Parties,`).
    pub formula: Option<Formula>,
    pub preamble: Vec<PreambularClause>,
    pub operative: Vec<OperativeParagraph>,
    /// *Resolved*: the anchor of the decision (`decision-1`).
    pub anchor: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Formula {
    pub content: Vec<Inline>,
    pub span: Span,
}

/// The opening words of a clause, printed in italics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Opening {
    pub text: String,
    /// How the words were found.
    pub source: OpeningSource,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OpeningSource {
    /// Matched an entry of the language's lexicon.
    Lexicon,
    /// Marked by the drafter with `*…*` at the start of the clause.
    Marked,
}

/// The actor a paragraph addresses (`the Executive Secretary`), found by the
/// lexicon right after the opening words. Its text stays in `content`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Addressee {
    pub text: String,
    pub span: Span,
}

/// An unnumbered preambular clause (`Recalling …,`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PreambularClause {
    pub label: Option<Label>,
    /// *Resolved*: ordinal among the preamble's clauses.
    pub number: Option<Designation>,
    /// *Resolved* (or marked).
    pub opening: Option<Opening>,
    /// The clause's text after the opening words.
    pub content: Vec<Inline>,
    pub subparagraphs: Vec<SubParagraph>,
    pub span: Span,
}

/// A numbered operative paragraph (`1. Takes note …;`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OperativeParagraph {
    pub label: Option<Label>,
    pub typed_number: Option<Typed>,
    /// *Resolved.* A decision's only operative paragraph is not numbered in
    /// print: its `display` is empty.
    pub number: Option<Designation>,
    /// *Resolved* (or marked).
    pub opening: Option<Opening>,
    /// *Resolved.*
    pub addressee: Option<Addressee>,
    /// The paragraph's text after the opening words.
    pub content: Vec<Inline>,
    pub subparagraphs: Vec<SubParagraph>,
    pub span: Span,
}

/// A sub-paragraph: level 1 is lettered ((a), (b)), level 2 roman ((i), (ii)),
/// level 3 lettered again (a., b.), level 4 roman (i., ii.).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubParagraph {
    pub level: u8,
    pub label: Option<Label>,
    pub typed_marker: Option<Typed>,
    /// *Resolved.*
    pub number: Option<Designation>,
    pub content: Vec<Inline>,
    pub children: Vec<SubParagraph>,
    pub span: Span,
}

/// An annex (`::: annex Title`), running to the next annex or the end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Annex {
    pub label: Option<Label>,
    /// *Resolved*: `I`, `II` …; `display` is empty when there is one annex.
    pub number: Option<Designation>,
    pub title: Option<Field>,
    pub content: Vec<Block>,
    pub span: Span,
}

/// A labelled footnote definition (`^agenda: UNEP/MC/COP.6/1.`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteDef {
    pub label: Label,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// A footnote as printed (*resolved*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    pub number: u32,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    /// The footnote starts with the language's word for *Ibid.*
    pub ibid: bool,
    /// Where the footnote's text is written.
    pub span: Span,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text. Line breaks inside a block are folded to one space.
    Text {
        text: String,
        span: Span,
    },
    /// `*text*`, printed in italics.
    Emphasis {
        content: Vec<Inline>,
        span: Span,
    },
    /// `**text**`, printed in bold.
    Strong {
        content: Vec<Inline>,
        span: Span,
    },
    FootnoteRef(FootnoteRef),
    CrossRef(CrossRef),
    DecisionRef(DecisionRef),
    DocumentRef(DocumentRef),
}

impl Inline {
    pub fn span(&self) -> Span {
        match self {
            Inline::Text { span, .. }
            | Inline::Emphasis { span, .. }
            | Inline::Strong { span, .. } => *span,
            Inline::FootnoteRef(f) => f.span,
            Inline::CrossRef(r) => r.span,
            Inline::DecisionRef(r) => r.span,
            Inline::DocumentRef(r) => r.span,
        }
    }
}

/// A footnote reference: inline (`^{text}`) or labelled (`^label`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteRef {
    pub label: Option<Label>,
    /// The footnote's text, for inline footnotes.
    pub content: Option<Vec<Inline>>,
    /// *Resolved.*
    pub number: Option<u32>,
    pub span: Span,
}

/// `@label` (with the noun: "paragraph 4 (b)") or `@#label` (bare: "4 (b)").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrossRef {
    pub label: Label,
    pub bare: bool,
    /// *Resolved.*
    pub target: Option<RefTarget>,
    pub span: Span,
}

/// What a cross-reference points at (*resolved*).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RefTarget {
    pub kind: TargetKind,
    /// The text printed in place of the reference ("paragraph 4 (b)").
    pub text: String,
    pub anchor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Section,
    Subsection,
    Paragraph,
    Decision,
    PreambularClause,
    OperativeParagraph,
    Subparagraph,
    Annex,
}

/// A reference to a decision (`MC-3/11`, `МК-3/11`, `BC.Ex-2/1`, `MC-6/[…]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionRef {
    /// As written.
    pub text: String,
    /// Normalised, in Latin script (`MC-3/11`).
    pub symbol: String,
    /// `MC`, `BC`, `RC` or `SC`.
    pub convention: String,
    pub extraordinary: bool,
    pub meeting: Option<u32>,
    /// `None` for a decision not yet numbered (`MC-6/[…]`).
    pub number: Option<u32>,
    pub span: Span,
}

/// A reference to a document by its symbol (`UNEP/MC/COP.6/INF/29`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentRef {
    pub symbol: String,
    pub span: Span,
}

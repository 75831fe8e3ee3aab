//! The typed AST: the contract between the stages and, through its JSON,
//! with users. See `docs/json.md` for the versioning policy.
//!
//! Lowering (`crate::lower`) fills the syntactic fields; resolution
//! (`crate::resolve`) fills the fields documented as *resolved* (numbers,
//! designations, footnote numbers, reference targets, opening words).
//! Every node carries the byte span of its source text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::lang::Lang;
use crate::lang::style::{DocKind, HouseStyle, OpeningFace};
pub use crate::lower::plain_text;

/// Version of the JSON format. Bumped on any change that could break a
/// consumer (see `docs/json.md`).
pub const FORMAT_VERSION: &str = "2.6";

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
    /// Every footnote of the document, the one home of its text: inline
    /// footnotes (`^{text}`), named ones (`^label: text`) and the
    /// masthead's. Lowering lists them in source order; resolution puts them
    /// in print order (footnote `i` has number `i + 1`), followed by those
    /// never referenced, which have no number. A [`FootnoteRef`]'s `id` is
    /// a position in this list.
    pub footnotes: Vec<Footnote>,
    /// *Resolved*: the words printed around the drafter's text.
    pub presentation: Presentation,
    pub span: Span,
}

impl Document {
    /// The house style of the document's `organ:`; the default style when
    /// it has none or names no organ (validation reports that, E0005).
    pub fn house_style(&self) -> &'static HouseStyle {
        self.meta
            .organ
            .as_ref()
            .and_then(|f| HouseStyle::from_key(&f.text))
            .unwrap_or_else(HouseStyle::default_style)
    }

    /// The kind of document its `type:` names; a note by default.
    pub fn kind(&self) -> DocKind {
        self.meta
            .doc_type
            .as_ref()
            .and_then(|f| DocKind::from_key(&f.text))
            .unwrap_or_default()
    }
}

/// What resolution decided to print that the drafter did not write as
/// text: the masthead's lines and the document's window title. Every word
/// comes from the language tables (`src/lang`); backends print these as
/// they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Presentation {
    /// The masthead, line by line, in print order.
    pub masthead: Vec<MastheadLine>,
    /// The lines printed after the text of an adopted resolution or
    /// decision (`64th plenary meeting`, `29 March 2023`).
    pub closing: Vec<MastheadLine>,
    /// How the opening words of operative paragraphs are set (the house
    /// style's): in italics, or upright as typed (`ENDORSES`).
    pub operative_openings: OpeningFace,
    /// The document's name for a window or a file's properties:
    /// "Title (SYMBOL)", the title or the symbol alone.
    pub page_title: String,
}

/// One line of the printed masthead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MastheadLine {
    pub role: LineRole,
    /// The language the line's words are in: the distribution block is in
    /// English in the Arabic, Chinese and Russian versions.
    pub lang: Lang,
    pub pieces: Vec<Piece>,
}

/// What a masthead line is, which decides its place and style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineRole {
    /// `United Nations` (or a specialized agency's name: `World Health
    /// Organization`), top left, across from the symbol.
    Agency,
    /// The document symbol, top right.
    Symbol,
    /// The organ or programme under the agency line (`General Assembly`,
    /// `United Nations Environment Programme`), left of the distribution
    /// block.
    Organ,
    /// `Distr.: General`.
    Distribution,
    /// The date of the document, in words.
    Date,
    /// The language of a translated version (`Russian`).
    VersionLanguage,
    /// `Original: English`.
    Original,
    /// The body (`Conference of the Parties …`).
    Body,
    /// The meeting (`Sixth meeting`).
    Meeting,
    /// Place and dates of the meeting.
    PlaceDates,
    /// `Item 5 (c) of the provisional agenda`, with the masthead footnote.
    AgendaItem,
    AgendaTitle,
    Title,
    /// The kind of document (`Note by the secretariat`).
    Kind,
    /// `Algeria, Andorra … : draft resolution`.
    Sponsors,
    /// `Resolution adopted by the General Assembly on 29 March 2023`, or
    /// the Security Council's `Adopted by the Security Council at its
    /// 7488th meeting, on 20 July 2015`.
    Adoption,
    /// `[without reference to a Main Committee (A/77/L.58)]`.
    Committee,
    /// The closing lines of an adopted text: `64th plenary meeting`.
    ClosingMeeting,
    /// The date under `ClosingMeeting` (`29 March 2023`).
    ClosingDate,
}

/// A piece of printed text that resolution assembled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Piece {
    /// Words from the language tables, never the drafter's.
    Words { text: String },
    /// The content of a field, printed as written: a metadata field in the
    /// masthead; the decision's `symbol` or `title` in a decision heading.
    Field { key: FieldKey },
    /// A symbol printed whole (a decision symbol in its heading).
    Symbol { text: String },
    /// A footnote reference (the masthead's footnote).
    FootnoteRef(FootnoteRef),
}

/// How many metadata keys there are.
pub const FIELDS: usize = 21;

/// The key of a metadata field (`agenda-item:` is `agenda_item`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKey {
    Type,
    Organ,
    Symbol,
    Distribution,
    Date,
    Original,
    Language,
    Body,
    Meeting,
    Place,
    Dates,
    AgendaItem,
    AgendaTitle,
    ProvisionalAgenda,
    Sponsors,
    Number,
    Title,
    Kind,
    Adopted,
    AdoptedAt,
    Committee,
}

impl FieldKey {
    /// Every key, in the canonical order of the metadata block.
    pub const ALL: [FieldKey; FIELDS] = [
        FieldKey::Type,
        FieldKey::Organ,
        FieldKey::Symbol,
        FieldKey::Distribution,
        FieldKey::Date,
        FieldKey::Original,
        FieldKey::Language,
        FieldKey::Body,
        FieldKey::Meeting,
        FieldKey::Place,
        FieldKey::Dates,
        FieldKey::AgendaItem,
        FieldKey::AgendaTitle,
        FieldKey::ProvisionalAgenda,
        FieldKey::Sponsors,
        FieldKey::Number,
        FieldKey::Title,
        FieldKey::Kind,
        FieldKey::Adopted,
        FieldKey::AdoptedAt,
        FieldKey::Committee,
    ];

    /// The key as the drafter writes it (`agenda-item`).
    pub fn name(self) -> &'static str {
        match self {
            FieldKey::Type => "type",
            FieldKey::Organ => "organ",
            FieldKey::Symbol => "symbol",
            FieldKey::Distribution => "distribution",
            FieldKey::Date => "date",
            FieldKey::Original => "original",
            FieldKey::Language => "language",
            FieldKey::Body => "body",
            FieldKey::Meeting => "meeting",
            FieldKey::Place => "place",
            FieldKey::Dates => "dates",
            FieldKey::AgendaItem => "agenda-item",
            FieldKey::AgendaTitle => "agenda-title",
            FieldKey::ProvisionalAgenda => "provisional-agenda",
            FieldKey::Sponsors => "sponsors",
            FieldKey::Number => "number",
            FieldKey::Title => "title",
            FieldKey::Kind => "kind",
            FieldKey::Adopted => "adopted",
            FieldKey::AdoptedAt => "adopted-at",
            FieldKey::Committee => "committee",
        }
    }
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
    /// The kind of document (`draft-resolution`, `resolution` …; see
    /// `lang::style::DocKind`); a note when absent.
    #[serde(rename = "type")]
    pub doc_type: Option<Field>,
    /// The organ whose house style the document follows (`ga`, `sc`,
    /// `who` …; see `lang::style::HouseStyle`).
    pub organ: Option<Field>,
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
    /// The sponsors of a draft resolution (`France, Germany and Italy`),
    /// printed as the sponsor line.
    pub sponsors: Option<Field>,
    /// The number of an adopted text, printed before its title
    /// (`77/276`, `2231 (2015)`, `WHA77.1`).
    pub number: Option<Field>,
    /// Title of the document. Required in a note.
    pub title: Option<Field>,
    /// Kind of document (`Note by the secretariat`), printed as written.
    pub kind: Option<Field>,
    /// ISO date of adoption of an adopted text.
    pub adopted: Option<Field>,
    /// The number of the meeting that adopted it (`31`, `7488`).
    pub adopted_at: Option<Field>,
    /// The reference line of a General Assembly resolution, printed in
    /// square brackets (`without reference to a Main Committee (A/78/L.5)`).
    pub committee: Option<Field>,
}

impl Masthead {
    /// Every field with its metadata key (`agenda-item:`), in the canonical
    /// order of the source. The one list of keys: lowering, validation,
    /// walking and formatting all go through it.
    pub fn fields(&self) -> [(&'static str, &Option<Field>); FIELDS] {
        FieldKey::ALL.map(|key| (key.name(), self.get(key)))
    }

    /// The field of `key`.
    pub fn get(&self, key: FieldKey) -> &Option<Field> {
        match key {
            FieldKey::Type => &self.doc_type,
            FieldKey::Organ => &self.organ,
            FieldKey::Symbol => &self.symbol,
            FieldKey::Distribution => &self.distribution,
            FieldKey::Date => &self.date,
            FieldKey::Original => &self.original,
            FieldKey::Language => &self.language,
            FieldKey::Body => &self.body,
            FieldKey::Meeting => &self.meeting,
            FieldKey::Place => &self.place,
            FieldKey::Dates => &self.dates,
            FieldKey::AgendaItem => &self.agenda_item,
            FieldKey::AgendaTitle => &self.agenda_title,
            FieldKey::ProvisionalAgenda => &self.provisional_agenda,
            FieldKey::Sponsors => &self.sponsors,
            FieldKey::Number => &self.number,
            FieldKey::Title => &self.title,
            FieldKey::Kind => &self.kind,
            FieldKey::Adopted => &self.adopted,
            FieldKey::AdoptedAt => &self.adopted_at,
            FieldKey::Committee => &self.committee,
        }
    }

    /// [`Masthead::get`], mutable.
    pub fn get_mut(&mut self, key: FieldKey) -> &mut Option<Field> {
        match key {
            FieldKey::Type => &mut self.doc_type,
            FieldKey::Organ => &mut self.organ,
            FieldKey::Symbol => &mut self.symbol,
            FieldKey::Distribution => &mut self.distribution,
            FieldKey::Date => &mut self.date,
            FieldKey::Original => &mut self.original,
            FieldKey::Language => &mut self.language,
            FieldKey::Body => &mut self.body,
            FieldKey::Meeting => &mut self.meeting,
            FieldKey::Place => &mut self.place,
            FieldKey::Dates => &mut self.dates,
            FieldKey::AgendaItem => &mut self.agenda_item,
            FieldKey::AgendaTitle => &mut self.agenda_title,
            FieldKey::ProvisionalAgenda => &mut self.provisional_agenda,
            FieldKey::Sponsors => &mut self.sponsors,
            FieldKey::Number => &mut self.number,
            FieldKey::Title => &mut self.title,
            FieldKey::Kind => &mut self.kind,
            FieldKey::Adopted => &mut self.adopted,
            FieldKey::AdoptedAt => &mut self.adopted_at,
            FieldKey::Committee => &mut self.committee,
        }
    }

    /// [`Masthead::fields`], mutable.
    pub fn fields_mut(&mut self) -> [(&'static str, &mut Option<Field>); FIELDS] {
        [
            ("type", &mut self.doc_type),
            ("organ", &mut self.organ),
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
            ("sponsors", &mut self.sponsors),
            ("number", &mut self.number),
            ("title", &mut self.title),
            ("kind", &mut self.kind),
            ("adopted", &mut self.adopted),
            ("adopted-at", &mut self.adopted_at),
            ("committee", &mut self.committee),
        ]
    }

    /// The metadata keys, in canonical order.
    pub fn keys() -> [&'static str; FIELDS] {
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
    /// `::: option` … `:::`: paragraphs offered as alternatives.
    Options(OptionBlock<Block>),
}

/// An option block: "Option 1", "Option 2" … each followed by its
/// paragraphs, of which the negotiators will keep one. Each option's
/// paragraphs are numbered from the same number, and the paragraphs after
/// the block continue after the longest option. `T` is what an option
/// holds: blocks in the body or an annex, preambular clauses or operative
/// paragraphs in a decision. Preambular clauses are not numbered in print,
/// but their ordinals ("the third preambular paragraph") run the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OptionBlock<T> {
    /// Two or more, in source order (one is allowed, and is still a
    /// choice left open).
    pub options: Vec<Choice<T>>,
    /// *Resolved*: 1-based position among the document's option blocks,
    /// the number `build --accept` addresses it by.
    pub ordinal: u32,
    /// From the first `::: option` line to the closing `:::`.
    pub span: Span,
}

/// One option of an [`OptionBlock`] (`::: option <label>`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Choice<T> {
    pub label: Option<Label>,
    /// *Resolved*: 1-based position in its block.
    pub ordinal: u32,
    /// *Resolved*: the heading printed over the option (`Option 2`,
    /// `Вариант 2`, `备选案文2`).
    pub heading: String,
    /// *Resolved*: the option's id (`option-1-2`: the document's first
    /// option block, its second option); its paragraphs' anchors start
    /// with it (`option-1-2-op-5`).
    pub anchor: String,
    pub content: Vec<T>,
    /// The `::: option` line.
    pub fence_span: Span,
    /// From its `::: option` line to the next one or the closing `:::`.
    pub span: Span,
}

/// An item of a decision's preamble: a preambular clause, or an option
/// block of preambular clauses (negotiating texts offer "Option 1" and
/// "Option 2" from the preamble on). Untagged, as [`Operative`]: a clause
/// prints in the JSON as it did before option blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
// As in `Operative`: clauses are nearly every item.
#[allow(clippy::large_enum_variant)]
pub enum Preambular {
    Clause(PreambularClause),
    Options(OptionBlock<PreambularClause>),
}

impl Preambular {
    pub fn span(&self) -> Span {
        match self {
            Preambular::Clause(c) => c.span,
            Preambular::Options(o) => o.span,
        }
    }

    /// The clauses it holds, in source order.
    pub fn clauses(&self) -> Box<dyn Iterator<Item = &PreambularClause> + '_> {
        match self {
            Preambular::Clause(c) => Box::new(std::iter::once(c)),
            Preambular::Options(o) => Box::new(o.options.iter().flat_map(|c| c.content.iter())),
        }
    }
}

/// An item of a decision's operative part: an operative paragraph, or an
/// option block of operative paragraphs. Untagged: an operative paragraph
/// prints in the JSON as it did before option blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
// Paragraphs are nearly every item: boxing them to shrink the rare block
// would cost an allocation a paragraph.
#[allow(clippy::large_enum_variant)]
pub enum Operative {
    Paragraph(OperativeParagraph),
    Options(OptionBlock<OperativeParagraph>),
}

impl Operative {
    pub fn span(&self) -> Span {
        match self {
            Operative::Paragraph(p) => p.span,
            Operative::Options(o) => o.span,
        }
    }

    /// The operative paragraphs it holds, in source order.
    pub fn paragraphs(&self) -> Box<dyn Iterator<Item = &OperativeParagraph> + '_> {
        match self {
            Operative::Paragraph(p) => Box::new(std::iter::once(p)),
            Operative::Options(o) => Box::new(o.options.iter().flat_map(|c| c.content.iter())),
        }
    }
}

/// A section (`# Introduction`, level 1, numbered I, II …), sub-section
/// (`## …`, level 2, lettered A, B …) or unnumbered sub-heading (`### …`,
/// level 3, no number). Inside a decision a heading has no blocks: it
/// stands in [`PreambularClause::headings`] or
/// [`OperativeParagraph::headings`] of the clause under it, and is
/// numbered within the decision (the decision's parts I, II …).
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
    /// Inserted after the paragraph above it (`#+.`, `9 bis.`): it takes
    /// that paragraph's number with `bis`, `ter` … and the paragraphs after
    /// it keep theirs. Absent from the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inserted: bool,
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
    /// Preambular clauses and option blocks of them.
    pub preamble: Vec<Preambular>,
    /// Operative paragraphs and option blocks of them.
    pub operative: Vec<Operative>,
    /// *Resolved*: the anchor of the decision (`decision-1`).
    pub anchor: Option<String>,
    /// *Resolved*: the heading printed over the decision when it has a
    /// symbol or a title (`MC-6/1: Title`, `Draft decision: Title`).
    pub heading: Option<Vec<Piece>>,
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
    /// *Resolved*: a space is printed between the opening words and the
    /// rest of the clause (not in Chinese, nor before punctuation).
    pub space_after: bool,
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
    /// The headings printed above the clause, when a part of the decision
    /// starts with it (`# Technical guidelines`). Absent from the JSON
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Section>,
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
    /// The headings printed above the paragraph (see
    /// [`PreambularClause::headings`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Section>,
    /// Inserted after the paragraph above it (see [`Paragraph::inserted`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub inserted: bool,
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
    /// An en-dash item (`– text`): printed with a dash, not lettered, and
    /// not counted among its lettered siblings. Absent from the JSON when
    /// false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub dash: bool,
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
    /// *Resolved*: the heading line (`Annex I`, `Annex`).
    pub heading: String,
    pub title: Option<Field>,
    pub content: Vec<Block>,
    pub span: Span,
}

/// A footnote: its text and, once resolved, its number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    pub origin: FootnoteOrigin,
    /// The name of a named footnote (`^agenda: …`).
    pub label: Option<Label>,
    /// *Resolved*: the printed number; `None` for a footnote that is never
    /// referenced from the text, or that the house style marks with a
    /// symbol instead.
    pub number: Option<u32>,
    /// *Resolved*: the printed mark when it is a symbol, not a number
    /// (`*`: the masthead's footnote in a UN Secretariat or WHO document,
    /// `HouseStyle::masthead_note`). Absent from the JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    pub content: Vec<Inline>,
    /// *Resolved*: the footnote starts with the language's word for *Ibid.*
    pub ibid: bool,
    /// Where the footnote's text is written: the whole `^{…}` or
    /// `^label: …` line; for the masthead's, the `provisional-agenda:` field.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FootnoteOrigin {
    /// Written where it is referenced: `^{text}`.
    Inline,
    /// Defined on a line of its own (`^label: text`) and referenced `^label`.
    Named,
    /// The masthead's footnote citing the provisional agenda.
    Masthead,
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
    /// `[text]`: text in negotiation brackets, not yet agreed.
    Bracket(Bracket),
    /// `[shall][should]`, `[A] [B]`: bracketed texts side by side, of
    /// which the negotiators will keep one.
    Alternatives(Alternatives),
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
            Inline::Bracket(b) => b.span,
            Inline::Alternatives(a) => a.span,
        }
    }
}

/// Text in negotiation brackets (`[text]`), which may hold brackets of its
/// own. The brackets are the negotiators': nothing of draftdec's syntax is
/// written inside them, so a note about the bracket follows it
/// (`[text]{EU}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Bracket {
    pub content: Vec<Inline>,
    /// Who proposed the text, or a note on it: `{EU}` right after `]`.
    pub note: Option<BracketNote>,
    /// From `[` to `]`, the note included.
    pub span: Span,
}

/// The note after a bracket (`{G77 and China}`), printed after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BracketNote {
    /// The note's text, without its braces.
    pub text: String,
    /// The whole `{…}`.
    pub span: Span,
}

/// Bracketed alternatives written side by side (`[shall][should]`), or
/// separated by one space (`[A] [B]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Alternatives {
    /// Two or more, in source order.
    pub options: Vec<Bracket>,
    /// The options are separated by a space (`[A] [B]`), not written
    /// together (`[A][B]`). Absent from the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub spaced: bool,
    pub span: Span,
}

/// A footnote reference: inline (`^{text}`) or labelled (`^label`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteRef {
    pub label: Option<Label>,
    /// The footnote's position in [`Document::footnotes`]: set by lowering
    /// for an inline footnote, by resolution for a named one.
    pub id: Option<usize>,
    /// *Resolved.*
    pub number: Option<u32>,
    /// *Resolved*: the footnote's mark when it is a symbol (see
    /// [`Footnote::mark`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// *Resolved*: printed before the mark when the reference follows
    /// another with nothing between (`1,2`, never `12`): the Editorial
    /// Manual separates indicators at one place by a comma.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    pub span: Span,
}

/// `@label` (with the noun: "paragraph 4 (b)") or `@#label` (bare: "4 (b)").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrossRef {
    pub label: Label,
    pub bare: bool,
    /// `@.label`: a sub-paragraph named alone ("subparagraph (d)"), not
    /// with the paragraph that holds it. Absent from the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub short: bool,
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
    /// The target's id: its anchor (`op-4-b`), also its HTML id.
    pub anchor: String,
    /// The target's span: the whole labelled node.
    pub span: Span,
    /// The span of the label where it is defined (`<op-coop>`).
    pub label_span: Span,
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
    /// An option of an option block (`::: option <label>`).
    Option,
}

/// A reference to a decision (`MC-3/11`, `МК-3/11`, `BC.Ex-2/1`, `MC-6/[…]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionRef {
    /// As written.
    pub text: String,
    /// Normalised, in Latin script (`MC-3/11`, `1/CP.21`).
    pub symbol: String,
    /// `MC`, `BC`, `RC` or `SC`; for a UNFCCC decision, its body: `CP`,
    /// `CMP` or `CMA`.
    pub convention: String,
    pub extraordinary: bool,
    /// The meeting, or the UNFCCC session (21 of `1/CP.21`).
    pub meeting: Option<u32>,
    /// `None` for a decision not yet numbered (`MC-6/[…]`, `-/CP.21`).
    pub number: Option<u32>,
    pub span: Span,
}

/// A reference to a document by its symbol (`UNEP/MC/COP.6/INF/29`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentRef {
    pub symbol: String,
    pub span: Span,
}

/// Serde's test for a flag left out of the JSON when it is not set.
fn is_false(b: &bool) -> bool {
    !*b
}

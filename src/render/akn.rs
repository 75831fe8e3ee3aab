//! Akoma Ntoso 3.0 (OASIS LegalDocML) following the UN's profile, AKN4UN,
//! where it applies (see `docs/akn.md` for which rules are kept).
//!
//! A printer like the others: the masthead is `Document.presentation`,
//! numbers are the designations' `display`, every `eId` is the anchor the
//! HTML page uses as its id, footnotes come from `Document.footnotes`. What
//! this module decides itself is markup only: element names and the FRBR
//! identifiers built from the symbol, the language and the date.

use std::collections::BTreeSet;

use crate::ast::{
    Annex, Block, Decision, Document, Field, FieldKey, FootnoteRef, Inline, LineRole, MastheadLine,
    Opening, Operative, OperativeParagraph, OptionBlock, Paragraph, Piece, Preambular,
    PreambularClause, Section, SubParagraph,
};
use crate::lang::style::{DocKind, OpeningFace};

/// The agent that marked the document up (`source` of the metadata).
const AGENT: &str = "draftdec";

/// The AKN 3.0 namespace.
const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The whole document as AKN XML.
pub fn render(doc: &Document) -> String {
    let mut w = Writer {
        doc,
        out: String::with_capacity(64 * 1024),
        ids: BTreeSet::new(),
        notes_written: BTreeSet::new(),
    };
    w.document();
    w.out
}

/// Appends `s` escaped for XML text and double-quoted attributes. Characters
/// XML 1.0 cannot hold at all (hygiene refuses most) become U+FFFD.
fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// One component of an AKN IRI: a symbol's slashes become hyphens (a slash
/// separates components), spaces underscores, and anything but ASCII
/// letters, digits and `-._` is percent-encoded, so `MC-6/[…]` stays one
/// valid component.
pub(crate) fn iri_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '/' => out.push('-'),
            ' ' => out.push('_'),
            c if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push('%');
                    for digit in [b >> 4, b & 0xF] {
                        let hex = char::from_digit(u32::from(digit), 16).unwrap_or('0');
                        out.push(hex.to_ascii_uppercase());
                    }
                }
            }
        }
    }
    if out.is_empty() { "nn".into() } else { out }
}

struct Writer<'a> {
    doc: &'a Document,
    out: String,
    /// `eId`s already written: the schema wants them unique, so a repeated
    /// anchor (a malformed AST) is dropped rather than repeated.
    ids: BTreeSet<String>,
    /// Footnotes already written in full; a later reference points to them.
    notes_written: BTreeSet<String>,
}

impl Writer<'_> {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        esc_into(&mut self.out, s);
    }

    /// ` eId="…"` unless empty or already used.
    fn eid(&mut self, id: &str) {
        if !id.is_empty() && self.ids.insert(id.to_string()) {
            self.push(" eId=\"");
            self.text(id);
            self.push("\"");
        }
    }

    fn field_text(&self, key: FieldKey) -> Option<&str> {
        self.doc
            .meta
            .get(key)
            .as_ref()
            .map(|f| f.text.trim())
            .filter(|t| !t.is_empty())
    }

    fn document(&mut self) {
        let doc = self.doc;
        let (element, _, name) = doc.kind().akn_class();
        self.push("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        self.push(&format!("<akomaNtoso xmlns=\"{NAMESPACE}\">\n"));
        self.push(&format!("<{element} name=\"{name}\">\n"));
        self.meta();
        self.preface();
        let sole = sole_decision(self.doc);
        if let Some(d) = sole {
            self.decision_preamble(d);
        }
        self.push("<mainBody>\n");
        let before = self.out.len();
        match sole {
            Some(d) => {
                self.operatives(&d.operative);
            }
            None => self.blocks(&doc.body),
        }
        for annex in &doc.annexes {
            self.annex(annex);
        }
        if self.out.len() == before {
            // The schema wants at least one element in the main body.
            self.push("<p/>\n");
        }
        self.push("</mainBody>\n");
        self.conclusions();
        self.push(&format!("</{element}>\n</akomaNtoso>\n"));
    }

    fn meta(&mut self) {
        let doc = self.doc;
        let (element, subtype, _) = doc.kind().akn_class();
        let symbol = self.field_text(FieldKey::Symbol).unwrap_or_default();
        // The date the IRIs carry: the document's, else its adoption's.
        let date = self
            .field_text(FieldKey::Date)
            .or_else(|| self.field_text(FieldKey::Adopted))
            .unwrap_or("0001-01-01")
            .to_string();
        let author = match self.field_text(FieldKey::Organ) {
            Some(organ) => {
                let organ = iri_component(&organ.to_ascii_lowercase());
                format!("un{organ}")
            }
            None => iri_component(
                &symbol
                    .split('/')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
            ),
        };
        let lang = doc.language.iso639_2();
        let work = format!(
            "/akn/un/{element}/{subtype}/{author}/{date}/{}",
            iri_component(symbol)
        );
        let expression = format!("{work}/{lang}@");
        let mut m = String::new();
        m.push_str("<meta>\n<identification source=\"#draftdec\">\n");
        m.push_str(&format!(
            "<FRBRWork>\n<FRBRthis value=\"{work}/!main\"/>\n<FRBRuri value=\"{work}\"/>\n\
             <FRBRdate date=\"{date}\" name=\"issued\"/>\n<FRBRauthor href=\"#{author}\"/>\n\
             <FRBRcountry value=\"un\"/>\n<FRBRsubtype value=\"{subtype}\"/>\n"
        ));
        m.push_str("<FRBRnumber value=\"");
        esc_into(&mut m, symbol);
        m.push_str("\"/>\n</FRBRWork>\n");
        m.push_str(&format!(
            "<FRBRExpression>\n<FRBRthis value=\"{expression}/!main\"/>\n\
             <FRBRuri value=\"{expression}\"/>\n<FRBRdate date=\"{date}\" name=\"issued\"/>\n\
             <FRBRauthor href=\"#{author}\"/>\n<FRBRlanguage language=\"{lang}\"/>\n\
             </FRBRExpression>\n"
        ));
        m.push_str(&format!(
            "<FRBRManifestation>\n<FRBRthis value=\"{expression}/!main.xml\"/>\n\
             <FRBRuri value=\"{expression}.akn\"/>\n<FRBRdate date=\"{date}\" name=\"generation\"/>\n\
             <FRBRauthor href=\"#draftdec\"/>\n<FRBRformat value=\"application/akn+xml\"/>\n\
             </FRBRManifestation>\n</identification>\n"
        ));
        m.push_str(&format!(
            "<references source=\"#draftdec\">\n\
             <TLCOrganization eId=\"{author}\" href=\"/akn/ontology/organization/un/{author}\" showAs=\"{author}\"/>\n\
             <TLCOrganization eId=\"draftdec\" href=\"/akn/ontology/organization/un/draftdec\" showAs=\"draftdec\"/>\n\
             </references>\n</meta>\n"
        ));
        self.ids.insert(author);
        self.ids.insert(AGENT.into());
        self.push(&m);
    }

    /// The masthead, line by line, each line's words marked by its role.
    fn preface(&mut self) {
        let doc = self.doc;
        if doc.presentation.masthead.is_empty() {
            return;
        }
        self.push("<preface>\n");
        for line in &doc.presentation.masthead {
            self.line(line);
        }
        if let Some(d) = sole_decision(self.doc)
            && let Some(heading) = &d.heading
        {
            self.push("<longTitle><p>");
            self.decision_heading(d, heading);
            self.push("</p></longTitle>\n");
        }
        self.push("</preface>\n");
    }

    fn line(&mut self, line: &MastheadLine) {
        let doc = self.doc;
        let (open, close): (String, &str) = match line.role {
            LineRole::Symbol => ("<docNumber>".into(), "</docNumber>"),
            LineRole::Title => ("<docTitle>".into(), "</docTitle>"),
            LineRole::Kind => ("<docType>".into(), "</docType>"),
            LineRole::Meeting => ("<session>".into(), "</session>"),
            LineRole::Body => ("<docAuthority>".into(), "</docAuthority>"),
            LineRole::Distribution => ("<docStatus>".into(), "</docStatus>"),
            LineRole::Sponsors => ("<docProponent>".into(), "</docProponent>"),
            LineRole::Date => match self.field_text(FieldKey::Date) {
                Some(date) => (format!("<docDate date=\"{date}\">"), "</docDate>"),
                None => (String::new(), ""),
            },
            _ => (String::new(), ""),
        };
        self.push(role_class(line.role));
        if line.lang != doc.language {
            self.push(" xml:lang=\"");
            self.push(line.lang.table().typography.locale);
            self.push("\"");
        }
        self.push(">");
        self.push(&open);
        let meta = |key| doc.meta.get(key).as_ref();
        self.pieces(&line.pieces, &meta);
        self.push(close);
        self.push("</p>\n");
    }

    fn pieces<'f>(&mut self, pieces: &[Piece], fields: &dyn Fn(FieldKey) -> Option<&'f Field>) {
        for piece in pieces {
            match piece {
                Piece::Words { text } => self.text(text),
                Piece::Field { key } => {
                    if let Some(f) = fields(*key) {
                        self.field(f);
                    }
                }
                Piece::Symbol { text } => self.text(text),
                Piece::FootnoteRef(r) => self.note(r),
            }
        }
    }

    fn field(&mut self, f: &Field) {
        if f.content.is_empty() {
            self.text(f.text.trim());
        } else {
            self.inlines(&f.content);
        }
    }

    fn conclusions(&mut self) {
        let doc = self.doc;
        if doc.presentation.closing.is_empty() {
            return;
        }
        self.push("<conclusions>\n");
        for line in &doc.presentation.closing {
            self.line(line);
        }
        self.push("</conclusions>\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Section(s) => self.section(s),
                Block::Paragraph(p) => self.paragraph(p),
                Block::Decision(d) => self.decision(d),
                Block::Options(o) => self.options(o, |w, blocks| w.blocks(blocks)),
            }
        }
    }

    fn operatives(&mut self, items: &[Operative]) {
        for item in items {
            match item {
                Operative::Paragraph(p) => self.operative(p),
                Operative::Options(o) => self.options(o, |w, paras| {
                    paras.iter().for_each(|p| w.operative(p));
                }),
            }
        }
    }

    /// An option block: a container of containers, each headed by its
    /// option's heading ("Option 2"), holding its paragraphs.
    fn options<T>(&mut self, o: &OptionBlock<T>, mut content: impl FnMut(&mut Self, &[T])) {
        self.push("<hcontainer name=\"options\">\n");
        for choice in &o.options {
            self.push("<hcontainer name=\"option\">\n<heading>");
            self.text(&choice.heading);
            self.push("</heading>\n");
            content(self, &choice.content);
            self.push("</hcontainer>\n");
        }
        self.push("</hcontainer>\n");
    }

    fn section(&mut self, s: &Section) {
        let (open, close) = if s.level <= 1 {
            ("<section", "</section>\n")
        } else {
            ("<subsection", "</subsection>\n")
        };
        self.push(open);
        if let Some(n) = &s.number {
            self.eid(&n.anchor);
        }
        self.push(">\n");
        if let Some(n) = s.number.as_ref().filter(|n| !n.display.is_empty()) {
            self.push("<num>");
            self.text(&n.display);
            self.push("</num>\n");
        }
        self.push("<heading>");
        self.inlines(&s.title);
        self.push("</heading>\n");
        self.blocks(&s.content);
        self.push(close);
    }

    fn paragraph(&mut self, p: &Paragraph) {
        self.push("<paragraph");
        if let Some(n) = &p.number {
            self.eid(&n.anchor);
        }
        self.push(">\n");
        if p.numbered {
            self.num(p.number.as_ref().map(|n| n.display.as_str()));
        }
        self.body_with_points(None, &p.content, &p.subparagraphs, false);
        self.push("</paragraph>\n");
    }

    fn num(&mut self, display: Option<&str>) {
        if let Some(d) = display.filter(|d| !d.is_empty()) {
            self.push("<num>");
            self.text(d);
            self.push("</num>\n");
        }
    }

    /// A paragraph's or point's text: `content` alone, or with its
    /// sub-paragraphs an `intro` and the `point`s of a `list`.
    fn body_with_points(
        &mut self,
        opening: Option<&Opening>,
        content: &[Inline],
        subs: &[SubParagraph],
        italic: bool,
    ) {
        if subs.is_empty() {
            self.push("<content><p>");
            self.clause_text(opening, content, italic);
            self.push("</p></content>\n");
            return;
        }
        self.push("<list>\n<intro><p>");
        self.clause_text(opening, content, italic);
        self.push("</p></intro>\n");
        for s in subs {
            self.push("<point");
            if let Some(n) = &s.number {
                self.eid(&n.anchor);
            }
            self.push(">\n");
            self.num(s.number.as_ref().map(|n| n.display.as_str()));
            self.body_with_points(None, &s.content, &s.children, false);
            self.push("</point>\n");
        }
        self.push("</list>\n");
    }

    fn clause_text(&mut self, opening: Option<&Opening>, content: &[Inline], italic: bool) {
        if let Some(o) = opening {
            self.push(if italic {
                "<i class=\"opening\">"
            } else {
                "<span class=\"opening\">"
            });
            self.text(&o.text);
            self.push(if italic { "</i>" } else { "</span>" });
            if o.space_after {
                self.push(" ");
            }
        }
        self.inlines(content);
    }

    fn decision_heading(&mut self, d: &Decision, heading: &[Piece]) {
        let fields = |key| match key {
            FieldKey::Symbol => d.symbol.as_ref(),
            FieldKey::Title => d.title.as_ref(),
            _ => None,
        };
        self.pieces(heading, &fields);
    }

    /// The formula and recitals of the decision that is the whole document.
    fn decision_preamble(&mut self, d: &Decision) {
        if d.formula.is_none() && d.preamble.is_empty() {
            return;
        }
        self.push("<preamble>\n");
        self.formula_and_recitals(d);
        self.push("</preamble>\n");
    }

    fn formula_and_recitals(&mut self, d: &Decision) {
        if let Some(f) = &d.formula {
            self.push("<formula name=\"enactingFormula\"><p>");
            self.inlines(&f.content);
            self.push("</p></formula>\n");
        }
        // Recitals hold recitals only: an option block ends them, and each
        // of its options is recitals of its own under the option's
        // heading; an option with no clause, only its heading.
        let mut open = false;
        for item in &d.preamble {
            match item {
                Preambular::Clause(c) => {
                    if !open {
                        self.push("<recitals>\n");
                        open = true;
                    }
                    self.recital(c);
                }
                Preambular::Options(o) => {
                    if open {
                        self.push("</recitals>\n");
                        open = false;
                    }
                    for choice in &o.options {
                        if choice.content.is_empty() {
                            self.push("<container name=\"option\"><p>");
                            self.text(&choice.heading);
                            self.push("</p></container>\n");
                            continue;
                        }
                        self.push("<recitals>\n<heading>");
                        self.text(&choice.heading);
                        self.push("</heading>\n");
                        choice.content.iter().for_each(|c| self.recital(c));
                        self.push("</recitals>\n");
                    }
                }
            }
        }
        if open {
            self.push("</recitals>\n");
        }
    }

    /// A decision inside a note or an annex: a container named `decision`
    /// holding an embedded structure with its own formula, recitals and
    /// paragraphs.
    fn decision(&mut self, d: &Decision) {
        self.push("<hcontainer name=\"decision\"");
        if let Some(a) = &d.anchor {
            self.eid(a);
        }
        self.push(">\n");
        if let Some(heading) = &d.heading {
            self.push("<heading>");
            self.decision_heading(d, heading);
            self.push("</heading>\n");
        }
        self.push("<content><block name=\"decision\"><embeddedStructure>\n");
        self.formula_and_recitals(d);
        self.operatives(&d.operative);
        if d.formula.is_none() && d.preamble.is_empty() && d.operative.is_empty() {
            self.push("<p/>\n");
        }
        self.push("</embeddedStructure></block></content>\n</hcontainer>\n");
    }

    fn recital(&mut self, c: &PreambularClause) {
        self.push("<recital");
        if let Some(n) = &c.number {
            self.eid(&n.anchor);
        }
        self.push("><p>");
        self.clause_text(c.opening.as_ref(), &c.content, true);
        self.push("</p>");
        if !c.subparagraphs.is_empty() {
            self.push("\n");
            self.block_list(&c.subparagraphs);
        }
        self.push("</recital>\n");
    }

    /// Sub-paragraphs of a recital: recitals hold blocks, not points.
    fn block_list(&mut self, subs: &[SubParagraph]) {
        self.push("<blockList>\n");
        for s in subs {
            self.push("<item");
            if let Some(n) = &s.number {
                self.eid(&n.anchor);
            }
            self.push(">");
            self.num(s.number.as_ref().map(|n| n.display.as_str()));
            self.push("<p>");
            self.inlines(&s.content);
            self.push("</p>");
            if !s.children.is_empty() {
                self.push("\n");
                self.block_list(&s.children);
            }
            self.push("</item>\n");
        }
        self.push("</blockList>\n");
    }

    fn operative(&mut self, p: &OperativeParagraph) {
        self.push("<paragraph");
        if let Some(n) = &p.number {
            self.eid(&n.anchor);
        }
        self.push(">\n");
        self.num(p.number.as_ref().map(|n| n.display.as_str()));
        let italic = self.doc.presentation.operative_openings == OpeningFace::Italic;
        self.body_with_points(p.opening.as_ref(), &p.content, &p.subparagraphs, italic);
        self.push("</paragraph>\n");
    }

    fn annex(&mut self, a: &Annex) {
        self.push("<hcontainer name=\"annex\"");
        if let Some(n) = &a.number {
            self.eid(&n.anchor);
        }
        self.push(">\n<num>");
        self.text(&a.heading);
        self.push("</num>\n");
        if let Some(t) = &a.title {
            self.push("<heading>");
            self.field(t);
            self.push("</heading>\n");
        }
        self.blocks(&a.content);
        self.push("</hcontainer>\n");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text { text, .. } => self.text(text),
                Inline::Emphasis { content, .. } => {
                    self.push("<i>");
                    self.inlines(content);
                    self.push("</i>");
                }
                Inline::Strong { content, .. } => {
                    self.push("<b>");
                    self.inlines(content);
                    self.push("</b>");
                }
                Inline::FootnoteRef(f) => self.note(f),
                Inline::CrossRef(r) => match &r.target {
                    Some(t) if !t.anchor.is_empty() => {
                        self.push("<ref href=\"#");
                        self.text(&t.anchor);
                        self.push("\">");
                        self.text(&t.text);
                        self.push("</ref>");
                    }
                    Some(t) => self.text(&t.text),
                    None => self.text(&r.label.name),
                },
                Inline::DecisionRef(r) => {
                    // The decision's Work IRI without its date, which the
                    // draft does not give.
                    self.push("<ref class=\"decision\" href=\"/akn/un/statement/decision/");
                    self.push(&iri_component(&r.convention.to_ascii_lowercase()));
                    self.push("/");
                    self.push(&iri_component(&r.symbol));
                    self.push("\">");
                    self.text(&r.text);
                    self.push("</ref>");
                }
                Inline::Bracket(b) => self.bracket(b),
                Inline::Alternatives(a) => {
                    for (i, option) in a.options.iter().enumerate() {
                        if i > 0 && a.spaced {
                            self.push(" ");
                        }
                        self.bracket(option);
                    }
                }
                Inline::DocumentRef(r) => {
                    self.push("<ref class=\"document\" href=\"/akn/un/doc/");
                    self.push(&iri_component(&r.symbol));
                    self.push("\">");
                    self.text(&r.symbol);
                    self.push("</ref>");
                }
            }
        }
    }

    /// Negotiation brackets in bold, as the HTML page prints them.
    fn bracket(&mut self, b: &crate::ast::Bracket) {
        self.push("<b>[</b>");
        self.inlines(&b.content);
        self.push("<b>]</b>");
        if let Some(note) = &b.note {
            self.push(" (<i>");
            self.text(&note.text);
            self.push("</i>)");
        }
    }

    /// A footnote: written in full where it is first referenced, as an
    /// `authorialNote` with the HTML page's id; later references point to it.
    /// The marker is the printed number, or the symbol resolution gave
    /// (`*`); the id is the HTML page's (`fn-2`, `fn-m2a`).
    fn note(&mut self, r: &FootnoteRef) {
        let doc = self.doc;
        let Some(key) = crate::render::note_key(r.number, r.mark.as_deref()) else {
            return;
        };
        let Some(footnote) = r.id.and_then(|i| doc.footnotes.get(i)) else {
            return;
        };
        let mut marker = String::new();
        esc_into(
            &mut marker,
            &crate::render::printed_mark(r.number, r.mark.as_deref()),
        );
        if !self.notes_written.insert(key.clone()) {
            self.push(&format!(
                "<noteRef href=\"#fn-{key}\" marker=\"{marker}\" placement=\"bottom\"/>"
            ));
            return;
        }
        self.push(&format!(
            "<authorialNote marker=\"{marker}\" placement=\"bottom\""
        ));
        self.eid(&format!("fn-{key}"));
        self.push("><p>");
        self.inlines(&footnote.content);
        self.push("</p></authorialNote>");
    }
}

/// The one decision that is the whole text of a resolution or decision as
/// issued: its formula and preamble become the document's preamble.
fn sole_decision(doc: &Document) -> Option<&Decision> {
    match (doc.kind(), doc.body.as_slice()) {
        (DocKind::Note, _) => None,
        (_, [Block::Decision(d)]) => Some(d),
        _ => None,
    }
}

/// The opening tag of a masthead line: its `class` is its role, as in the
/// JSON output.
fn role_class(role: LineRole) -> &'static str {
    match role {
        LineRole::Agency => "<p class=\"agency\"",
        LineRole::Symbol => "<p class=\"symbol\"",
        LineRole::Organ => "<p class=\"organ\"",
        LineRole::Distribution => "<p class=\"distribution\"",
        LineRole::Date => "<p class=\"date\"",
        LineRole::VersionLanguage => "<p class=\"version_language\"",
        LineRole::Original => "<p class=\"original\"",
        LineRole::Body => "<p class=\"body\"",
        LineRole::Meeting => "<p class=\"meeting\"",
        LineRole::PlaceDates => "<p class=\"place_dates\"",
        LineRole::AgendaItem => "<p class=\"agenda_item\"",
        LineRole::AgendaTitle => "<p class=\"agenda_title\"",
        LineRole::Title => "<p class=\"title\"",
        LineRole::Kind => "<p class=\"kind\"",
        LineRole::Sponsors => "<p class=\"sponsors\"",
        LineRole::Adoption => "<p class=\"adoption\"",
        LineRole::Committee => "<p class=\"committee\"",
        LineRole::ClosingMeeting => "<p class=\"closing_meeting\"",
        LineRole::ClosingDate => "<p class=\"closing_date\"",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_components_hold_no_separator() {
        assert_eq!(iri_component("UNEP/MC/COP.6/21"), "UNEP-MC-COP.6-21");
        assert_eq!(iri_component("MC-6/[…]"), "MC-6-%5B%E2%80%A6%5D");
        assert_eq!(iri_component(""), "nn");
    }

    #[test]
    fn an_empty_document_is_still_a_document() {
        let xml = render(&crate::compile("").document);
        assert!(xml.contains("<mainBody>\n<p/>\n</mainBody>"));
    }
}

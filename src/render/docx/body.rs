//! The resolved AST as WordprocessingML paragraphs: the masthead, the body,
//! the decisions and the annexes, in print order, and the footnotes.
//!
//! Numbers, designations, footnote numbers and reference texts are printed
//! exactly as the resolver computed them; nothing here counts.

use std::collections::BTreeSet;

use super::ooxml::{Content, Fonts, Para, ParaProps, Run, RunProps};
use super::styles::{self, id};
use super::table::BodyElement;
use crate::ast::{
    Annex, Block, Bracket, Decision, Document, Field, FieldKey, FootnoteRef, Inline, LineRole,
    Opening, Operative, OperativeParagraph, OptionBlock, Paragraph as AstParagraph, Piece,
    Preambular, PreambularClause, Section, SubParagraph,
};
use crate::lang::LangTable;
use crate::lang::style::OpeningFace;
use crate::render::unbreakable_symbol;

/// The document's paragraphs, its footnotes and its later-page header.
pub struct Built {
    pub body: Vec<BodyElement>,
    /// Each footnote's id and paragraph, in print order (ids 1, 2, 3 …).
    pub footnotes: Vec<(usize, Para)>,
    pub header: Para,
    /// The document carries tracked changes (`diff --to docx`): Word goes
    /// on tracking the reader's own edits.
    pub tracked: bool,
}

/// Removes what XML 1.0 forbids (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) and folds tab and line breaks to a space:
/// a literal tab or newline inside `w:t` is not a Word tab or break, and
/// layout tabs are written by this backend only.
pub fn clean(text: &str) -> String {
    // Most text has nothing to remove: a C0 control is a byte below 0x20,
    // and U+FFFE and U+FFFF both begin with the bytes EF BF.
    let clean = !text
        .bytes()
        .zip(text.bytes().skip(1).chain([0]))
        .any(|(b, next)| b < 0x20 || (b == 0xEF && next == 0xBF));
    if clean {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

#[derive(Clone, Copy, Default)]
struct Fmt {
    italic: bool,
    bold: bool,
}

struct Builder<'a> {
    doc: &'a Document,
    table: &'static LangTable,
    /// Takes each paragraph of the body as it is made.
    emit: &'a mut dyn FnMut(Para),
    footnotes: Vec<(usize, Para)>,
    /// Footnotes already placed (a second reference prints the mark only:
    /// a Word footnote cannot be referenced twice).
    placed: BTreeSet<usize>,
    /// Footnotes placed with Word's own number (no custom mark): the next
    /// is Word's `numbered + 1`.
    numbered: usize,
}

/// Builds the paragraphs of `doc`.
pub fn build(doc: &Document) -> Built {
    let mut body = Vec::new();
    let built = stream(doc, &mut |p| body.push(BodyElement::Para(p)));
    Built { body, ..built }
}

/// Builds the paragraphs of `doc` and hands each of the body's to `emit`
/// as it is made, so that they need not be held together: what is
/// returned has the footnotes and the header, and an empty body.
pub fn stream(doc: &Document, emit: &mut dyn FnMut(Para)) -> Built {
    let table = doc.language.table();
    let mut b = Builder {
        doc,
        table,
        emit,
        footnotes: Vec::new(),
        placed: BTreeSet::new(),
        numbered: 0,
    };
    b.masthead();
    for block in &doc.body {
        b.block(block);
    }
    b.closing();
    for annex in &doc.annexes {
        b.annex(annex);
    }

    let symbol = doc
        .meta
        .symbol
        .as_ref()
        .map(|f| clean(&f.text))
        .unwrap_or_default();
    // Later pages: the symbol and the page number; the first page carries
    // the masthead instead.
    let header = Para {
        mark: None,
        props: b.props(id::HEADER),
        runs: vec![
            Run::default().text(symbol).with(Content::Tab),
            Run::default().with(Content::PageField),
        ],
    };
    Built {
        body: Vec::new(),
        footnotes: b.footnotes,
        header,
        tracked: false,
    }
}

fn field_inlines(field: &Field) -> Vec<Inline> {
    if field.content.is_empty() {
        vec![Inline::Text {
            text: field.text.clone(),
            span: field.span,
        }]
    } else {
        field.content.clone()
    }
}

/// A run of `text` with no script handling: for masthead lines in another
/// language than the document's, which keep their own direction.
fn plain_run(text: &str) -> Run {
    Run::default().text(clean(text))
}

/// The drafter's emphasis as run properties. A script without italics
/// (the table's `opening_face`) sets `*…*` upright in that face, as it sets
/// opening words: the same mark, the same look.
fn fmt_props(fmt: Fmt, table: &LangTable) -> RunProps {
    let face = table.typography.opening_face.filter(|_| fmt.italic);
    RunProps {
        fonts: face.map(|f| Fonts {
            east_asia: Some(f),
            ..Fonts::default()
        }),
        italic: fmt.italic && face.is_none(),
        bold: fmt.bold,
        ..RunProps::default()
    }
}

/// A strong right-to-left character (Hebrew, Arabic and their presentation
/// forms).
fn is_rtl_char(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `text` cut where its direction changes, each piece with whether it is in
/// the document's own script. In a left-to-right document that is the whole
/// text. In a right-to-left one, a left-to-right piece runs from a Latin
/// letter to the last Latin letter or digit before the next right-to-left
/// character ("MC-3/11", "UNEP/MC/COP.6/INF/29"); spaces and punctuation
/// around it, and numbers on their own ("2026-2027", "4 -"), belong to the
/// Arabic text, where Word orders them as Arabic readers expect.
fn segments(text: &str, rtl: bool) -> Vec<(&str, bool)> {
    if !rtl {
        return vec![(text, true)];
    }
    let mut out = Vec::new();
    let mut start = 0; // of the pending right-to-left piece
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphabetic() || is_rtl_char(c) {
            continue;
        }
        // A Latin letter: the left-to-right piece ends at the last letter or
        // digit before the next right-to-left character.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_rtl_char(d) {
                break;
            }
            chars.next();
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
            }
        }
        if start < i {
            out.push((&text[start..i], true));
        }
        out.push((&text[i..end], false));
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push((&text[start..], true));
    }
    out
}

/// Runs of `text` in a document in `table`'s language, one per direction,
/// with properties `base` (see `Builder::script_runs`).
pub fn script_runs(table: &LangTable, text: &str, base: &RunProps) -> Vec<Run> {
    let text = clean(text);
    let hint = table.typography.east_asia_hint;
    segments(&text, table.rtl)
        .into_iter()
        .map(|(piece, own_script)| {
            let mut props = base.clone();
            if own_script && hint {
                props.fonts = Some(Fonts {
                    east_asia_hint: true,
                    ..props.fonts.unwrap_or_default()
                });
            }
            props.rtl = own_script && table.rtl;
            Run::new(props).text(piece)
        })
        .collect()
}

impl<'a> Builder<'a> {
    /// A paragraph in `style`, marked right-to-left when its style is (the
    /// style says so too; the paragraph repeats it for readers that ignore
    /// style direction).
    fn props(&self, style: &'static str) -> ParaProps {
        ParaProps {
            style: Some(style),
            bidi: styles::bidi_style(self.table, style),
            ..ParaProps::default()
        }
    }

    /// Runs of `text`, one per direction, with properties `base`: pieces
    /// in the language's own script are `w:rtl` in a right-to-left
    /// language and carry the `eastAsia` hint in an East Asian one (shared
    /// punctuation set full width).
    fn script_runs(&self, text: &str, base: &RunProps) -> Vec<Run> {
        script_runs(self.table, text, base)
    }

    fn text_runs(&self, text: &str, fmt: Fmt) -> Vec<Run> {
        self.script_runs(text, &fmt_props(fmt, self.table))
    }

    fn push(&mut self, style: &'static str, runs: Vec<Run>) {
        let p = Para {
            mark: None,
            props: self.props(style),
            runs,
        };
        (self.emit)(p);
    }

    fn inlines(&mut self, content: &[Inline], fmt: Fmt, out: &mut Vec<Run>) {
        for inline in content {
            match inline {
                Inline::Text { text, .. } => out.extend(self.text_runs(text, fmt)),
                Inline::Emphasis { content, .. } => self.inlines(
                    content,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                    out,
                ),
                Inline::Strong { content, .. } => {
                    self.inlines(content, Fmt { bold: true, ..fmt }, out)
                }
                Inline::FootnoteRef(r) => out.extend(self.footnote(r)),
                Inline::CrossRef(r) => {
                    let text = match &r.target {
                        Some(t) => t.text.as_str(),
                        // Validation rejects unresolved references; printing
                        // the label keeps the sentence readable regardless.
                        None => r.label.name.as_str(),
                    };
                    out.extend(self.text_runs(text, fmt));
                }
                Inline::DecisionRef(r) => {
                    out.extend(self.text_runs(&unbreakable_symbol(&r.text), fmt))
                }
                Inline::DocumentRef(r) => out.extend(self.text_runs(&r.symbol, fmt)),
                Inline::Bracket(b) => self.bracket(b, fmt, out),
                Inline::Alternatives(a) => {
                    for (i, option) in a.options.iter().enumerate() {
                        if i > 0 && a.spaced {
                            out.extend(self.text_runs(" ", fmt));
                        }
                        self.bracket(option, fmt, out);
                    }
                }
            }
        }
    }

    /// Negotiation brackets in bold, as UN negotiating texts print them;
    /// the note after them in parentheses, in italics.
    fn bracket(&mut self, b: &Bracket, fmt: Fmt, out: &mut Vec<Run>) {
        let bold = Fmt { bold: true, ..fmt };
        out.extend(self.text_runs("[", bold));
        self.inlines(&b.content, fmt, out);
        out.extend(self.text_runs("]", bold));
        if let Some(note) = &b.note {
            out.extend(self.text_runs(" (", fmt));
            out.extend(self.text_runs(
                &note.text,
                Fmt {
                    italic: true,
                    ..fmt
                },
            ));
            out.extend(self.text_runs(")", fmt));
        }
    }

    fn runs(&mut self, content: &[Inline]) -> Vec<Run> {
        let mut out = Vec::new();
        self.inlines(content, Fmt::default(), &mut out);
        out
    }

    /// The runs referencing a footnote: the separator resolution put
    /// before it, if any, then a real Word footnote the first time, the
    /// bare mark afterwards. Word numbers the footnotes without a custom
    /// mark in the order they are placed, which is the order resolution
    /// numbered them in; a symbol (`*`), or a number that ever differed
    /// from Word's, is printed as a custom mark.
    fn footnote(&mut self, r: &FootnoteRef) -> Vec<Run> {
        let mut runs = Vec::new();
        let Some(index) = r.id else { return runs };
        let shown = match (&r.mark, r.number) {
            (Some(m), _) => m.clone(),
            (None, Some(n)) => n.to_string(),
            (None, None) => return runs,
        };
        let Some(note) = self.doc.footnotes.get(index) else {
            return runs;
        };
        let mark = RunProps {
            style: Some(id::FOOTNOTE_REFERENCE),
            ..RunProps::default()
        };
        if let Some(sep) = &r.separator {
            runs.push(Run::new(mark.clone()).text(sep.clone()));
        }
        if !self.placed.insert(index) {
            runs.push(Run::new(mark).text(shown));
            return runs;
        }
        // Fixed ids in print order, so equal documents give equal bytes.
        let footnote_id = self.placed.len();
        let auto = r.mark.is_none() && r.number == Some(self.numbered as u32 + 1);
        let custom = if auto {
            self.numbered += 1;
            None
        } else {
            Some(shown)
        };
        let own_mark = match &custom {
            Some(n) => Content::Text(n.clone()),
            None => Content::FootnoteMark,
        };
        let mut text = vec![
            Run::new(mark.clone()).with(own_mark),
            Run::default().with(Content::Tab),
        ];
        text.extend(self.runs(&note.content));
        let p = Para {
            mark: None,
            props: self.props(id::FOOTNOTE_TEXT),
            runs: text,
        };
        self.footnotes.push((footnote_id, p));
        runs.push(Run::new(mark).with(Content::FootnoteReference {
            id: footnote_id,
            custom,
        }));
        runs
    }

    /// Runs for resolved pieces; `fields` answers `Piece::Field`. Words
    /// and fields of plain text make one run together.
    fn pieces<'f>(
        &mut self,
        pieces: &[Piece],
        fields: &dyn Fn(FieldKey) -> Option<&'f Field>,
        own_script: bool,
    ) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut text = String::new();
        let flush = |b: &mut Self, text: &mut String, runs: &mut Vec<Run>| {
            if text.is_empty() {
                return;
            }
            // Lines in another language than the document's (the English
            // distribution block of an Arabic version) are set as they
            // are, without the document's script handling.
            if own_script {
                runs.extend(b.text_runs(text, Fmt::default()));
            } else {
                runs.push(plain_run(text));
            }
            text.clear();
        };
        for piece in pieces {
            match piece {
                Piece::Words { text: words } => text.push_str(words),
                Piece::Field { key } => match fields(*key) {
                    Some(f) if f.content.iter().all(|i| matches!(i, Inline::Text { .. })) => {
                        text.push_str(&f.text)
                    }
                    Some(f) => {
                        flush(self, &mut text, &mut runs);
                        runs.extend(self.runs(&f.content));
                    }
                    None => {}
                },
                Piece::Symbol { text: symbol } => {
                    flush(self, &mut text, &mut runs);
                    runs.extend(self.text_runs(&unbreakable_symbol(symbol), Fmt::default()));
                }
                Piece::FootnoteRef(r) => {
                    flush(self, &mut text, &mut runs);
                    runs.extend(self.footnote(r));
                }
            }
        }
        flush(self, &mut text, &mut runs);
        runs
    }

    fn masthead(&mut self) {
        let doc = self.doc;
        let meta = |key| doc.meta.get(key).as_ref();
        let lines = &doc.presentation.masthead;
        // The agency and the symbol share the top line, one at each end:
        // each run in its character style, a tab between them.
        let top: Vec<_> = lines
            .iter()
            .filter(|l| matches!(l.role, LineRole::Agency | LineRole::Symbol))
            .collect();
        if !top.is_empty() {
            let mut runs = Vec::new();
            for (i, line) in top.iter().enumerate() {
                let character = match line.role {
                    LineRole::Agency => id::AGENCY,
                    _ => id::SYMBOL_TEXT,
                };
                let mut line_runs = self.pieces(&line.pieces, &meta, line.lang == doc.language);
                for run in &mut line_runs {
                    run.props.style.get_or_insert(character);
                }
                if i > 0 {
                    runs.push(Run::default().with(Content::Tab));
                }
                runs.extend(line_runs);
            }
            self.push(id::MASTHEAD_TOP, runs);
        }
        let mut ruled = false;
        for line in lines {
            let style = match line.role {
                LineRole::Agency | LineRole::Symbol => continue,
                LineRole::Organ => id::ORGAN,
                LineRole::Distribution
                | LineRole::Date
                | LineRole::VersionLanguage
                | LineRole::Original => id::DISTRIBUTION,
                LineRole::Body | LineRole::Meeting => id::BODY,
                LineRole::PlaceDates | LineRole::AgendaItem => id::MEETING,
                LineRole::AgendaTitle => id::AGENDA_TITLE,
                LineRole::Sponsors | LineRole::Committee => id::MEETING,
                LineRole::Title => id::TITLE,
                LineRole::Kind | LineRole::Adoption => id::KIND,
                LineRole::ClosingMeeting | LineRole::ClosingDate => id::TEXT,
            };
            // The rule under the organ and the distribution block.
            if !ruled && !matches!(style, id::ORGAN | id::DISTRIBUTION) {
                self.push(id::MASTHEAD_RULE, Vec::new());
                ruled = true;
            }
            let runs = self.pieces(&line.pieces, &meta, line.lang == doc.language);
            self.push(style, runs);
        }
        if !ruled {
            self.push(id::MASTHEAD_RULE, Vec::new());
        }
    }

    /// The closing lines of an adopted text, after its body.
    fn closing(&mut self) {
        let doc = self.doc;
        let meta = |key| doc.meta.get(key).as_ref();
        for line in &doc.presentation.closing {
            let runs = self.pieces(&line.pieces, &meta, line.lang == doc.language);
            self.push(id::TEXT, runs);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Section(s) => self.section(s),
            Block::Paragraph(p) => self.paragraph(p),
            Block::Decision(d) => self.decision(d),
            Block::Options(o) => self.options(o, id::SUBHEADING, Self::block),
        }
    }

    /// Each option of a block: its heading (in `style`), then its
    /// paragraphs, each written by `item`.
    fn options<T>(&mut self, o: &OptionBlock<T>, style: &'static str, item: fn(&mut Self, &T)) {
        for choice in &o.options {
            self.option_heading(&choice.heading, style);
            choice.content.iter().for_each(|x| item(self, x));
        }
    }

    /// "Option 2" over an option's paragraphs, bold as negotiating texts
    /// set it: in the style of an unnumbered sub-heading (`style`, the
    /// document's or a decision's), which keeps it with what follows.
    fn option_heading(&mut self, heading: &str, style: &'static str) {
        let runs = self.script_runs(heading, &RunProps::default());
        self.push(style, runs);
    }

    /// `display` and a tab, when there is a designation to print.
    fn designation(&self, display: Option<&str>) -> Vec<Run> {
        match display {
            Some(d) if !d.is_empty() => {
                let mut runs = self.script_runs(d, &RunProps::default());
                if let Some(last) = runs.last_mut() {
                    last.content.push(Content::Tab);
                }
                runs
            }
            _ => Vec::new(),
        }
    }

    fn section(&mut self, s: &Section) {
        let numbered = s.number.as_ref().is_some_and(|n| !n.display.is_empty());
        let style = match s.level {
            0 | 1 => id::HEADING1,
            2 => id::HEADING2,
            // `###`: unnumbered, at the text column.
            _ if !numbered => id::SUBHEADING,
            _ => id::HEADING3,
        };
        let mut runs = self.designation(s.number.as_ref().map(|n| n.display.as_str()));
        runs.extend(self.runs(&s.title));
        self.push(style, runs);
        for block in &s.content {
            self.block(block);
        }
    }

    /// The heading of a part of a decision (`#`, `##`, `###` inside
    /// `::: decision`): set within the decision's text column, smaller
    /// than the document's section headings.
    fn part(&mut self, s: &Section) {
        let style = match s.level {
            0 | 1 => id::DECISION_PART,
            2 => id::DECISION_SUBPART,
            _ => id::DECISION_SUBHEADING,
        };
        let mut runs = self.designation(s.number.as_ref().map(|n| n.display.as_str()));
        runs.extend(self.runs(&s.title));
        self.push(style, runs);
    }

    fn paragraph(&mut self, p: &AstParagraph) {
        let number = p.number.as_ref().map(|n| n.display.as_str());
        let style = match number {
            Some(d) if p.numbered && !d.is_empty() && p.inserted => id::PARAGRAPH_INSERTED,
            Some(d) if p.numbered && !d.is_empty() => id::PARAGRAPH,
            _ => id::TEXT,
        };
        let mut runs = if style != id::TEXT {
            self.designation(number)
        } else {
            Vec::new()
        };
        runs.extend(self.runs(&p.content));
        self.push(style, runs);
        self.subparagraphs(&p.subparagraphs, 1);
    }

    fn subparagraphs(&mut self, subs: &[SubParagraph], depth: u8) {
        for sp in subs {
            let level = if sp.level == 0 { depth } else { sp.level };
            let mut runs = self.designation(sp.number.as_ref().map(|n| n.display.as_str()));
            runs.extend(self.runs(&sp.content));
            self.push(styles::sub_style(level), runs);
            self.subparagraphs(&sp.children, level.saturating_add(1));
        }
    }

    fn decision(&mut self, d: &Decision) {
        if let Some(heading) = &d.heading {
            let fields = |key| match key {
                FieldKey::Symbol => d.symbol.as_ref(),
                FieldKey::Title => d.title.as_ref(),
                _ => None,
            };
            let runs = self.pieces(heading, &fields, true);
            self.push(id::DECISION_HEADING, runs);
        }
        if let Some(f) = &d.formula {
            let runs = self.runs(&f.content);
            self.push(id::FORMULA, runs);
        }
        for item in &d.preamble {
            match item {
                Preambular::Clause(clause) => self.preambular_with_parts(clause),
                Preambular::Options(o) => {
                    self.options(o, id::DECISION_SUBHEADING, Self::preambular_with_parts)
                }
            }
        }
        for item in &d.operative {
            match item {
                Operative::Paragraph(op) => self.operative_with_parts(op),
                Operative::Options(o) => {
                    self.options(o, id::DECISION_SUBHEADING, Self::operative_with_parts)
                }
            }
        }
    }

    fn preambular_with_parts(&mut self, clause: &PreambularClause) {
        clause.headings.iter().for_each(|h| self.part(h));
        self.preambular(clause);
    }

    fn operative_with_parts(&mut self, op: &OperativeParagraph) {
        op.headings.iter().for_each(|h| self.part(h));
        self.operative(op);
    }

    /// `italic`: the opening words take the opening style (the house
    /// style may print operative ones upright).
    fn opening_runs(
        &mut self,
        opening: Option<&Opening>,
        content: &[Inline],
        italic: bool,
    ) -> Vec<Run> {
        let mut runs = Vec::new();
        if let Some(o) = opening {
            let opening = RunProps {
                style: italic.then_some(id::OPENING),
                ..RunProps::default()
            };
            runs.extend(self.script_runs(&o.text, &opening));
            if o.space_after {
                runs.extend(self.text_runs(" ", Fmt::default()));
            }
        }
        runs.extend(self.runs(content));
        runs
    }

    fn preambular(&mut self, c: &PreambularClause) {
        let runs = self.opening_runs(c.opening.as_ref(), &c.content, true);
        self.push(id::PREAMBLE, runs);
        self.subparagraphs(&c.subparagraphs, 1);
    }

    fn operative(&mut self, op: &OperativeParagraph) {
        let display = op.number.as_ref().map(|n| n.display.as_str());
        let numbered = display.is_some_and(|d| !d.is_empty());
        let mut runs = self.designation(display);
        let italic = self.doc.presentation.operative_openings == OpeningFace::Italic;
        runs.extend(self.opening_runs(op.opening.as_ref(), &op.content, italic));
        // A decision's only operative paragraph is unnumbered and set like
        // a preambular clause.
        // "9 bis." is wider than one step: its number hangs further out,
        // its text stays on the column.
        let style = match (numbered, op.inserted) {
            (true, false) => id::OPERATIVE,
            (true, true) => id::OPERATIVE_INSERTED,
            (false, _) => id::OPERATIVE_SINGLE,
        };
        self.push(style, runs);
        self.subparagraphs(&op.subparagraphs, 1);
    }

    fn annex(&mut self, a: &Annex) {
        let runs = self.text_runs(&a.heading, Fmt::default());
        self.push(id::ANNEX_HEADING, runs);
        if let Some(t) = &a.title {
            let runs = self.runs(&field_inlines(t));
            self.push(id::ANNEX_TITLE, runs);
        }
        for block in &a.content {
            self.block(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, segments};

    #[test]
    fn clean_removes_what_xml_forbids_and_keeps_the_rest() {
        assert_eq!(clean("a\tb\nc\rd"), "a b c d");
        assert_eq!(clean("a\u{1}b\u{1f}"), "ab");
        assert_eq!(clean("\u{FFFE}x\u{FFFF}"), "x");
        // Characters whose UTF-8 begins like U+FFFE's are kept.
        assert_eq!(clean("\u{FFFD}\u{FFE0}"), "\u{FFFD}\u{FFE0}");
        assert_eq!(clean("Договаривающиеся 缔约方"), "Договаривающиеся 缔约方");
    }

    #[test]
    fn right_to_left_text_is_cut_around_latin_symbols() {
        let text = "في مقرراته MC\u{2011}3/11 و UNEP/MC/COP.6/INF/29، وفي 2026-2027.";
        let pieces = segments(text, true);
        assert_eq!(
            pieces,
            vec![
                ("في مقرراته ", true),
                ("MC\u{2011}3/11", false),
                (" و ", true),
                ("UNEP/MC/COP.6/INF/29", false),
                ("، وفي 2026-2027.", true),
            ]
        );
        assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
        // Numbers alone, designations and Latin-only text.
        assert_eq!(segments("1 -", true), vec![("1 -", true)]);
        assert_eq!(segments("(أ)", true), vec![("(أ)", true)]);
        assert_eq!(
            segments("Distr.: General", true),
            vec![("Distr.: General", false)]
        );
        assert_eq!(segments("", true), vec![("", true)]);
        // Left-to-right documents are never cut.
        assert_eq!(
            segments("MC-3/11 и BC-17/22", false),
            vec![("MC-3/11 и BC-17/22", true)]
        );
    }
}

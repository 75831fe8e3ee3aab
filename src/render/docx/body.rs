//! The resolved AST as docx-rs paragraphs: the masthead, the body, the
//! decisions and the annexes, in print order.
//!
//! Numbers, designations, footnote numbers and reference texts are printed
//! exactly as the resolver computed them; nothing here counts.

use std::collections::BTreeSet;

use docx_rs::{Docx, Footnote, Header, PageMargin, PageNum, Paragraph, Run, RunFonts};

use super::styles::{self, id};
use crate::ast::{
    Annex, Block, Decision, Document, Field, FieldKey, FootnoteRef, Inline, LineRole, Opening,
    OperativeParagraph, Paragraph as AstParagraph, Piece, PreambularClause, Section, SubParagraph,
};
use crate::lang::LangTable;
use crate::lang::style::OpeningFace;
use crate::render::unbreakable_symbol;

/// The docx-rs document and what the post-processing layer must know.
pub struct Built {
    pub docx: Docx,
    pub has_footnotes: bool,
}

/// Removes what XML 1.0 forbids (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) and folds tab and line breaks to a space:
/// a literal tab or newline inside `w:t` is not a Word tab or break, and
/// layout tabs are written by this backend only.
pub fn clean(text: &str) -> String {
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
    paragraphs: Vec<Paragraph>,
    /// Footnotes already placed (a second reference prints the mark only:
    /// a Word footnote cannot be referenced twice).
    placed: BTreeSet<usize>,
}

/// Builds the docx-rs document for `doc`.
pub fn build(doc: &Document) -> Built {
    let table = doc.language.table();
    let mut b = Builder {
        doc,
        table,
        paragraphs: Vec::new(),
        placed: BTreeSet::new(),
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
    let header = Header::new().add_paragraph(
        b.direction(Paragraph::new().style(id::HEADER), id::HEADER)
            .add_run(Run::new().add_text(symbol).add_tab())
            .add_page_num(PageNum::new()),
    );
    let first_header = Header::new().add_paragraph(Paragraph::new());

    let mut docx = Docx::new()
        .styles(styles::styles(table))
        .page_size(styles::PAGE_WIDTH, styles::PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(styles::MARGIN_TOP)
                .bottom(styles::MARGIN_BOTTOM)
                .left(styles::MARGIN_LEFT)
                .right(styles::MARGIN_RIGHT)
                .header(styles::MARGIN_HEADER)
                .footer(styles::MARGIN_FOOTER),
        )
        .header(header)
        .first_header(first_header);
    for p in b.paragraphs {
        docx = docx.add_paragraph(p);
    }
    Built {
        docx,
        has_footnotes: !b.placed.is_empty(),
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
    Run::new().add_text(clean(text))
}

fn fmt_run(fmt: Fmt) -> Run {
    let mut run = Run::new();
    if fmt.italic {
        run = run.italic();
    }
    if fmt.bold {
        run = run.bold();
    }
    run
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

impl<'a> Builder<'a> {
    /// `p` marked right-to-left when its style is (the style says so too;
    /// the paragraph repeats it for readers that ignore style direction).
    fn direction(&self, mut p: Paragraph, style: &str) -> Paragraph {
        if styles::bidi_style(self.table, style) {
            p.property = p.property.bidi(true);
        }
        p
    }

    /// Runs of `text`, one per direction, made by `base`: pieces in the
    /// language's own script carry its `w:rFonts w:hint` (East Asian
    /// punctuation set full width; right-to-left runs, which the layer makes
    /// `w:rtl`).
    fn script_runs(&self, text: &str, base: &dyn Fn() -> Run) -> Vec<Run> {
        let text = clean(text);
        let hint = self.table.typography.run_hint;
        segments(&text, self.table.rtl)
            .into_iter()
            .map(|(piece, own_script)| {
                let run = base().add_text(piece);
                match hint {
                    Some(h) if own_script => run.fonts(RunFonts::new().hint(h)),
                    _ => run,
                }
            })
            .collect()
    }

    fn text_runs(&self, text: &str, fmt: Fmt) -> Vec<Run> {
        self.script_runs(text, &|| fmt_run(fmt))
    }

    fn push(&mut self, style: &str, runs: Vec<Run>) {
        let mut p = self.direction(Paragraph::new().style(style), style);
        for r in runs {
            p = p.add_run(r);
        }
        self.paragraphs.push(p);
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
            }
        }
    }

    fn runs(&mut self, content: &[Inline]) -> Vec<Run> {
        let mut out = Vec::new();
        self.inlines(content, Fmt::default(), &mut out);
        out
    }

    /// The run referencing a footnote: a real Word footnote the first time,
    /// the bare mark afterwards. Word numbers footnotes in the order they
    /// are placed, which is the order resolution numbered them in.
    fn footnote(&mut self, r: &FootnoteRef) -> Option<Run> {
        let (index, number) = (r.id?, r.number?);
        let note = self.doc.footnotes.get(index)?;
        if !self.placed.insert(index) {
            return Some(
                Run::new()
                    .style(id::FOOTNOTE_REFERENCE)
                    .add_text(number.to_string()),
            );
        }
        // Fixed ids in print order: never docx-rs's process-wide counter.
        let footnote_id = self.placed.len();
        let mut runs = vec![Run::new().add_tab()];
        runs.extend(self.runs(&note.content));
        let mut p = self.direction(Paragraph::new().style(id::FOOTNOTE_TEXT), id::FOOTNOTE_TEXT);
        for r in runs {
            p = p.add_run(r);
        }
        let note = Footnote {
            id: footnote_id,
            content: vec![p],
        };
        Some(
            Run::new()
                .style(id::FOOTNOTE_REFERENCE)
                .add_footnote_reference(note),
        )
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
        let mut ruled = false;
        for line in &doc.presentation.masthead {
            let style = match line.role {
                LineRole::Symbol => id::SYMBOL,
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
            // The rule under the symbol and distribution block.
            if !ruled && !matches!(style, id::SYMBOL | id::DISTRIBUTION) {
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
        }
    }

    /// `display` and a tab, when there is a designation to print.
    fn designation(&self, display: Option<&str>) -> Vec<Run> {
        match display {
            Some(d) if !d.is_empty() => {
                let mut runs = self.script_runs(d, &Run::new);
                if let Some(last) = runs.pop() {
                    runs.push(last.add_tab());
                }
                runs
            }
            _ => Vec::new(),
        }
    }

    fn section(&mut self, s: &Section) {
        let style = if s.level <= 1 {
            id::HEADING1
        } else {
            id::HEADING2
        };
        let mut runs = self.designation(s.number.as_ref().map(|n| n.display.as_str()));
        runs.extend(self.runs(&s.title));
        self.push(style, runs);
        for block in &s.content {
            self.block(block);
        }
    }

    fn paragraph(&mut self, p: &AstParagraph) {
        let number = p.number.as_ref().map(|n| n.display.as_str());
        let style = match number {
            Some(d) if p.numbered && !d.is_empty() => id::PARAGRAPH,
            _ => id::TEXT,
        };
        let mut runs = if style == id::PARAGRAPH {
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
        for clause in &d.preamble {
            clause.headings.iter().for_each(|h| self.section(h));
            self.preambular(clause);
        }
        for op in &d.operative {
            op.headings.iter().for_each(|h| self.section(h));
            self.operative(op);
        }
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
            if italic {
                runs.extend(self.script_runs(&o.text, &|| Run::new().style(id::OPENING)));
            } else {
                runs.extend(self.script_runs(&o.text, &Run::new));
            }
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
        let style = if numbered {
            id::OPERATIVE
        } else {
            id::OPERATIVE_SINGLE
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
    use super::segments;

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

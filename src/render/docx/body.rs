//! The resolved AST as docx-rs paragraphs: the masthead, the body, the
//! decisions and the annexes, in print order.
//!
//! Numbers, designations, footnote numbers and reference texts are printed
//! exactly as the resolver computed them; nothing here counts.

use std::collections::{BTreeMap, BTreeSet};

use docx_rs::{Docx, Footnote, Header, PageMargin, PageNum, Paragraph, Run};

use super::styles::{self, id};
use crate::ast::{
    Annex, Block, Decision, Document, Field, Inline, OperativeParagraph, Paragraph as AstParagraph,
    PreambularClause, Section, SubParagraph,
};
use crate::lang::{Lang, LangTable, MastheadWords};

/// The docx-rs document and what the post-processing layer must know.
pub struct Built {
    pub docx: Docx,
    /// Footnote id → printed mark, for footnotes whose resolved number is
    /// not the running number Word would print.
    pub custom_marks: BTreeMap<usize, String>,
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
    words: MastheadWords,
    paragraphs: Vec<Paragraph>,
    /// Footnote number → its printed content, from `doc.footnotes`.
    notes: BTreeMap<u32, &'a [Inline]>,
    /// Footnote numbers already placed (a second reference prints the mark
    /// only: Word footnotes cannot be referenced twice).
    placed: BTreeSet<u32>,
    /// Real footnotes placed so far: Word's running number of the last one.
    running: u32,
    custom_marks: BTreeMap<usize, String>,
}

/// Builds the docx-rs document for `doc`.
pub fn build(doc: &Document) -> Built {
    let table = doc.language.table();
    let mut b = Builder {
        doc,
        table,
        words: table.masthead,
        paragraphs: Vec::new(),
        notes: doc
            .footnotes
            .iter()
            .map(|f| (f.number, f.content.as_slice()))
            .collect(),
        placed: BTreeSet::new(),
        running: 0,
        custom_marks: BTreeMap::new(),
    };
    b.masthead();
    for block in &doc.body {
        b.block(block);
    }
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
        Paragraph::new()
            .style(id::HEADER)
            .add_run(Run::new().add_text(symbol).add_tab())
            .add_page_num(PageNum::new()),
    );
    let first_header = Header::new().add_paragraph(Paragraph::new());

    let mut docx = Docx::new()
        .styles(styles::styles())
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
        custom_marks: b.custom_marks,
        has_footnotes: b.running > 0,
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

fn text_run(text: &str, fmt: Fmt) -> Run {
    let mut run = Run::new().add_text(clean(text));
    if fmt.italic {
        run = run.italic();
    }
    if fmt.bold {
        run = run.bold();
    }
    run
}

/// Whether a space must separate the opening words from `content`: not
/// when the content already starts with a space or with punctuation
/// ("признавая, что …").
fn needs_space(content: &[Inline]) -> bool {
    let first = content.iter().find_map(|i| match i {
        Inline::Text { text, .. } => text.chars().next(),
        Inline::FootnoteRef(_) => Some(','),
        _ => Some('a'),
    });
    match first {
        Some(c) => !(c.is_whitespace() || ",;:.)]".contains(c)),
        None => false,
    }
}

impl<'a> Builder<'a> {
    fn push(&mut self, style: &str, runs: Vec<Run>) {
        let mut p = Paragraph::new().style(style);
        for r in runs {
            p = p.add_run(r);
        }
        self.paragraphs.push(p);
    }

    fn inlines(&mut self, content: &[Inline], fmt: Fmt, out: &mut Vec<Run>) {
        for inline in content {
            match inline {
                Inline::Text { text, .. } => out.push(text_run(text, fmt)),
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
                Inline::FootnoteRef(r) => {
                    if let Some(run) = self.footnote(r.number, r.content.as_deref()) {
                        out.push(run);
                    }
                }
                Inline::CrossRef(r) => {
                    let text = match &r.target {
                        Some(t) => t.text.as_str(),
                        // Validation rejects unresolved references; printing
                        // the label keeps the sentence readable regardless.
                        None => r.label.name.as_str(),
                    };
                    out.push(text_run(text, fmt));
                }
                Inline::DecisionRef(r) => out.push(text_run(&r.text, fmt)),
                Inline::DocumentRef(r) => out.push(text_run(&r.symbol, fmt)),
            }
        }
    }

    fn runs(&mut self, content: &[Inline]) -> Vec<Run> {
        let mut out = Vec::new();
        self.inlines(content, Fmt::default(), &mut out);
        out
    }

    /// The run referencing footnote `number`: a real Word footnote the first
    /// time, the bare mark afterwards.
    fn footnote(&mut self, number: Option<u32>, inline: Option<&[Inline]>) -> Option<Run> {
        let number = number?;
        let mark_run = || {
            Run::new()
                .style(id::FOOTNOTE_REFERENCE)
                .add_text(number.to_string())
        };
        if !self.placed.insert(number) {
            return Some(mark_run());
        }
        let content: Vec<Inline> = self
            .notes
            .get(&number)
            .map(|c| c.to_vec())
            .or_else(|| inline.map(<[Inline]>::to_vec))
            .unwrap_or_default();
        self.running += 1;
        // Fixed ids in print order: never docx-rs's process-wide counter.
        let footnote_id = self.running as usize;
        if number != self.running {
            self.custom_marks.insert(footnote_id, number.to_string());
        }
        let mut runs = vec![Run::new().add_tab()];
        runs.extend(self.runs(&content));
        let mut p = Paragraph::new().style(id::FOOTNOTE_TEXT);
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

    fn masthead(&mut self) {
        let doc = self.doc;
        let m = &doc.meta;
        if let Some(symbol) = &m.symbol {
            let runs = self.runs(&field_inlines(symbol));
            self.push(id::SYMBOL, runs);
        }
        // The version's masthead words: English in the Arabic, Chinese,
        // English and Russian versions, French and Spanish in theirs.
        let words = self.words;
        if let Some(d) = &m.distribution {
            let line = if d.text.trim().eq_ignore_ascii_case("general") {
                words.distribution_general.to_string()
            } else {
                format!("Distr.: {}", d.text)
            };
            self.push(id::DISTRIBUTION, vec![text_run(&line, Fmt::default())]);
        }
        if let Some(d) = &m.date {
            let date = self
                .table
                .masthead_date(d.text.trim())
                .unwrap_or_else(|| d.text.clone());
            self.push(id::DISTRIBUTION, vec![text_run(&date, Fmt::default())]);
        }
        let original = m.original.as_ref().map(|o| (o, Lang::from_code(&o.text)));
        // A translation names its own language above "Original: …".
        if let Some((_, Some(o))) = original
            && o != doc.language
        {
            let runs = vec![text_run(words.language_line, Fmt::default())];
            self.push(id::DISTRIBUTION, runs);
        }
        if let Some((field, lang)) = original {
            let line = match lang {
                Some(l) => self.table.original_line(l),
                None => words.original.replace("{}", &field.text),
            };
            self.push(id::DISTRIBUTION, vec![text_run(&line, Fmt::default())]);
        }
        self.push(id::MASTHEAD_RULE, Vec::new());

        for field in [&m.body, &m.meeting].into_iter().flatten() {
            let runs = self.runs(&field_inlines(field));
            self.push(id::BODY, runs);
        }
        let place_dates = match (&m.place, &m.dates) {
            (Some(p), Some(d)) => Some(format!("{}, {}", p.text, d.text)),
            (Some(p), None) => Some(p.text.clone()),
            (None, Some(d)) => Some(d.text.clone()),
            (None, None) => None,
        };
        if let Some(pd) = place_dates {
            self.push(id::MEETING, vec![text_run(&pd, Fmt::default())]);
        }

        // The agenda footnote hangs on the agenda line; without one, on the
        // first masthead line that follows, so that it is never lost.
        let mut agenda_note = m.agenda_footnote;
        if let Some(item) = &m.agenda_item {
            let line = self.words.agenda_item.replace("{}", &item.text);
            let mut runs = vec![text_run(&line, Fmt::default())];
            runs.extend(self.footnote(agenda_note.take(), None));
            self.push(id::MEETING, runs);
        }
        let lines = [
            (&m.agenda_title, id::AGENDA_TITLE),
            (&m.title, id::TITLE),
            (&m.kind, id::KIND),
        ];
        for (field, style) in lines {
            if let Some(field) = field {
                let mut runs = self.runs(&field_inlines(field));
                runs.extend(self.footnote(agenda_note.take(), None));
                self.push(style, runs);
            }
        }
        if let Some(n) = agenda_note {
            let runs: Vec<Run> = self.footnote(Some(n), None).into_iter().collect();
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
    fn designation(display: Option<&str>) -> Vec<Run> {
        match display {
            Some(d) if !d.is_empty() => vec![Run::new().add_text(clean(d)).add_tab()],
            _ => Vec::new(),
        }
    }

    fn section(&mut self, s: &Section) {
        let style = if s.level <= 1 {
            id::HEADING1
        } else {
            id::HEADING2
        };
        let mut runs = Self::designation(s.number.as_ref().map(|n| n.display.as_str()));
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
            Self::designation(number)
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
            let mut runs = Self::designation(sp.number.as_ref().map(|n| n.display.as_str()));
            runs.extend(self.runs(&sp.content));
            self.push(styles::sub_style(level), runs);
            self.subparagraphs(&sp.children, level.saturating_add(1));
        }
    }

    fn decision(&mut self, d: &Decision) {
        let symbol = d.symbol.as_ref().map(|f| f.text.as_str());
        let title = d.title.as_ref();
        if symbol.is_some() || title.is_some() {
            let head = symbol.unwrap_or(self.words.draft_decision).to_string();
            let mut runs = vec![text_run(&head, Fmt::default())];
            if let Some(t) = title {
                runs.push(text_run(": ", Fmt::default()));
                runs.extend(self.runs(&field_inlines(t)));
            }
            self.push(id::DECISION_HEADING, runs);
        }
        if let Some(f) = &d.formula {
            let runs = self.runs(&f.content);
            self.push(id::FORMULA, runs);
        }
        for clause in &d.preamble {
            self.preambular(clause);
        }
        for op in &d.operative {
            self.operative(op);
        }
    }

    fn opening_runs(&mut self, opening: Option<&str>, content: &[Inline]) -> Vec<Run> {
        let mut runs = Vec::new();
        if let Some(o) = opening {
            runs.push(Run::new().style(id::OPENING).add_text(clean(o)));
            if needs_space(content) {
                runs.push(Run::new().add_text(" "));
            }
        }
        runs.extend(self.runs(content));
        runs
    }

    fn preambular(&mut self, c: &PreambularClause) {
        let runs = self.opening_runs(c.opening.as_ref().map(|o| o.text.as_str()), &c.content);
        self.push(id::PREAMBLE, runs);
        self.subparagraphs(&c.subparagraphs, 1);
    }

    fn operative(&mut self, op: &OperativeParagraph) {
        let display = op.number.as_ref().map(|n| n.display.as_str());
        let numbered = display.is_some_and(|d| !d.is_empty());
        let mut runs = Self::designation(display);
        runs.extend(self.opening_runs(op.opening.as_ref().map(|o| o.text.as_str()), &op.content));
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
        let heading = match &a.number {
            Some(n) if !n.display.is_empty() => self.words.annex_numbered.replace("{}", &n.text),
            _ => self.words.annex.to_string(),
        };
        self.push(id::ANNEX_HEADING, vec![text_run(&heading, Fmt::default())]);
        if let Some(t) = &a.title {
            let runs = self.runs(&field_inlines(t));
            self.push(id::ANNEX_TITLE, runs);
        }
        for block in &a.content {
            self.block(block);
        }
    }
}

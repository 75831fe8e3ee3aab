//! The resolved AST as docx-rs paragraphs: the masthead, the body, the
//! decisions and the annexes, in print order.
//!
//! Numbers, designations, footnote numbers and reference texts are printed
//! exactly as the resolver computed them; nothing here counts.

use std::collections::{BTreeMap, BTreeSet};

use docx_rs::{Docx, Footnote, Header, PageMargin, PageNum, Paragraph, Run, RunFonts};

use super::styles::{self, id};
use crate::ast::{
    Annex, Block, Decision, Document, Field, Inline, OperativeParagraph, Paragraph as AstParagraph,
    PreambularClause, Section, SubParagraph,
};
use crate::lang::{Lang, LangTable, MastheadWords};
use crate::render::unbreakable_symbol;

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

/// A run of `text` with no script handling: for the English masthead lines,
/// which stay left-to-right in every version.
fn plain_run(text: &str, fmt: Fmt) -> Run {
    fmt_run(fmt).add_text(clean(text))
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
            self.push(id::DISTRIBUTION, vec![plain_run(&line, Fmt::default())]);
        }
        if let Some(d) = &m.date {
            let date = self
                .table
                .masthead_date(d.text.trim())
                .unwrap_or_else(|| d.text.clone());
            self.push(id::DISTRIBUTION, vec![plain_run(&date, Fmt::default())]);
        }
        let original = m.original.as_ref().map(|o| (o, Lang::from_code(&o.text)));
        // A translation names its own language above "Original: …".
        if let Some((_, Some(o))) = original
            && o != doc.language
        {
            let runs = vec![plain_run(words.language_line, Fmt::default())];
            self.push(id::DISTRIBUTION, runs);
        }
        if let Some((field, lang)) = original {
            let line = match lang {
                Some(l) => self.table.original_line(l),
                None => words.original.replace("{}", &field.text),
            };
            self.push(id::DISTRIBUTION, vec![plain_run(&line, Fmt::default())]);
        }
        self.push(id::MASTHEAD_RULE, Vec::new());

        for field in [&m.body, &m.meeting].into_iter().flatten() {
            let runs = self.runs(&field_inlines(field));
            self.push(id::BODY, runs);
        }
        let place_dates = match (&m.place, &m.dates) {
            (Some(p), Some(d)) => Some(format!("{}{}{}", p.text, words.list_separator, d.text)),
            (Some(p), None) => Some(p.text.clone()),
            (None, Some(d)) => Some(d.text.clone()),
            (None, None) => None,
        };
        if let Some(pd) = place_dates {
            let runs = self.text_runs(&pd, Fmt::default());
            self.push(id::MEETING, runs);
        }

        // The agenda footnote hangs on the agenda line; without one, on the
        // first masthead line that follows, so that it is never lost.
        let mut agenda_note = m.agenda_footnote;
        if let Some(item) = &m.agenda_item {
            let line = self.words.agenda_item.replace("{}", &item.text);
            let mut runs = self.text_runs(&line, Fmt::default());
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
        let symbol = d.symbol.as_ref().map(|f| f.text.as_str());
        let title = d.title.as_ref();
        if symbol.is_some() || title.is_some() {
            let head = match symbol {
                Some(s) => unbreakable_symbol(s),
                None => self.words.draft_decision.to_string(),
            };
            let mut runs = self.text_runs(&head, Fmt::default());
            if let Some(t) = title {
                runs.extend(self.text_runs(": ", Fmt::default()));
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
            runs.extend(self.script_runs(o, &|| Run::new().style(id::OPENING)));
            if self.table.typography.word_spaces && needs_space(content) {
                runs.extend(self.text_runs(" ", Fmt::default()));
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
        let mut runs = self.designation(display);
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
        let runs = self.text_runs(&heading, Fmt::default());
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

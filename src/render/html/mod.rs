//! Standalone HTML: one self-contained, printable, accessible page per
//! document (see `docs/html.md`).
//!
//! Everything printed comes from the resolved AST: numbers are the
//! designations' `display`, ids their `anchor`, footnote numbers the resolved
//! ones. Every character of the drafter's text goes through [`esc_into`],
//! so nothing the drafter writes can become markup; the only unescaped
//! strings are the literals of this module and numbers it formats.

pub mod redline;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use crate::ast::{
    Annex, Block, Bracket, Choice, Decision, Document, Field, FieldKey, FootnoteRef, Inline,
    LineRole, MastheadLine, Opening, Operative, OperativeParagraph, Paragraph, Piece, Preambular,
    PreambularClause, Section, SubParagraph,
};
use crate::lang::LangTable;
use crate::lang::style::OpeningFace;

/// The stylesheet, inlined so the page needs nothing from the network.
/// Logical properties (`inline-start`) keep the layout right for `dir="rtl"`.
const CSS: &str = include_str!("page.css");

/// The whole document as one HTML5 page.
pub fn render(doc: &Document) -> String {
    let mut r = Renderer::new(doc, None);
    r.page();
    r.out
}

/// [`render`]'s page written to `out` a chunk at a time, so that it is
/// never whole in memory. Fails only when `out` does.
pub fn render_to(doc: &Document, mut out: impl Write) -> io::Result<()> {
    let mut r = Renderer::new(doc, Some(&mut out));
    r.page();
    r.spill(0);
    r.failed.map_or(Ok(()), Err)
}

/// The page is handed to the writer whenever this much of it is ready.
const CHUNK: usize = 64 << 10;

/// Appends `s` with the five HTML-significant characters replaced, which is
/// safe both in text and in double- or single-quoted attribute values.
pub(crate) fn esc_into(out: &mut String, s: &str) {
    crate::render::escape_with(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        // NUL is a parse error in HTML text; U+FFFD is what a browser
        // would show in its place anyway.
        b'\0' => Some("\u{FFFD}"),
        _ => None,
    });
}

struct Renderer<'a> {
    doc: &'a Document,
    table: &'static LangTable,
    /// The page so far, or its part not yet handed to `sink`.
    out: String,
    sink: Option<&'a mut dyn Write>,
    /// The sink's first error; nothing more is written after it.
    failed: Option<io::Error>,
    /// Ids already written: a malformed AST with a repeated anchor must still
    /// give a page whose ids are unique, so repeats are dropped.
    ids: BTreeSet<String>,
    /// Footnotes that have a note to link to, by [`note_key`].
    notes: BTreeSet<String>,
    /// References written so far to each footnote, to give each its own id.
    refs: BTreeMap<String, u32>,
}

impl<'a> Renderer<'a> {
    fn new(doc: &'a Document, sink: Option<&'a mut dyn Write>) -> Self {
        let table = doc.language.table();
        Renderer {
            doc,
            table,
            out: String::with_capacity(CHUNK + CHUNK / 4),
            sink,
            failed: None,
            ids: BTreeSet::new(),
            notes: doc
                .footnotes
                .iter()
                .filter_map(|f| crate::render::note_key(f.number, f.mark.as_deref()))
                .collect(),
            refs: BTreeMap::new(),
        }
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
        self.spill(CHUNK);
    }

    fn text(&mut self, s: &str) {
        esc_into(&mut self.out, s);
        self.spill(CHUNK);
    }

    /// Hands the page so far to the sink, if there is one and at least
    /// `at` bytes are ready.
    fn spill(&mut self, at: usize) {
        let Some(sink) = &mut self.sink else { return };
        if self.out.len() < at {
            return;
        }
        if self.failed.is_none()
            && let Err(e) = sink.write_all(self.out.as_bytes())
        {
            self.failed = Some(e);
        }
        self.out.clear();
    }

    /// Writes ` id="…"` unless the id is empty or already used.
    fn id_attr(&mut self, id: &str) {
        if !id.is_empty() && self.ids.insert(id.to_string()) {
            self.push(" id=\"");
            self.text(id);
            self.push("\"");
        }
    }

    fn page(&mut self) {
        let doc = self.doc;
        let lang = self.table.typography.locale;
        let dir = if self.table.rtl { "rtl" } else { "ltr" };
        self.push("<!DOCTYPE html>\n");
        self.push(&format!("<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n"));
        self.push("<meta charset=\"utf-8\">\n");
        self.push("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        self.push(concat!(
            "<meta name=\"generator\" content=\"draftdec ",
            env!("CARGO_PKG_VERSION"),
            "\">\n"
        ));
        self.push("<title>");
        self.text(&doc.presentation.page_title);
        self.push("</title>\n<style>\n");
        self.push(CSS);
        // The language's faces: Arabic and Chinese need their own before
        // the Latin serif (a table constant, never drafter text).
        self.push("body { font-family: ");
        self.push(self.table.typography.css_fonts);
        self.push("; }\n");
        // A script without italics sets opening words and emphasis
        // upright in its own face (the table's, as the Word document).
        if let Some(face) = self.table.typography.css_opening_face {
            self.push("em, em.opening { font-style: normal; font-family: ");
            self.push(face);
            self.push("; }\n");
        }
        self.push("</style>\n</head>\n<body>\n");
        self.masthead();
        self.push("<main>\n");
        self.blocks(&doc.body, 2);
        self.closing();
        for annex in &doc.annexes {
            self.annex(annex);
        }
        self.push("</main>\n");
        self.footnotes();
        self.push("</body>\n</html>\n");
    }

    fn field(&mut self, f: &Field) {
        if f.content.is_empty() {
            let t = f.text.trim().to_string();
            self.text(&t);
        } else {
            self.inlines(&f.content);
        }
    }

    /// The pieces of a masthead line or heading, as resolution assembled
    /// them; `fields` answers `Piece::Field`.
    fn pieces<'f>(&mut self, pieces: &[Piece], fields: &dyn Fn(FieldKey) -> Option<&'f Field>) {
        for piece in pieces {
            match piece {
                Piece::Words { text } => self.text(text),
                Piece::Field { key } => {
                    if let Some(f) = fields(*key) {
                        self.field(f);
                    }
                }
                Piece::Symbol { text } => {
                    self.push("<span class=\"decision-symbol\" dir=\"ltr\">");
                    self.text(&crate::render::unbreakable_symbol(text));
                    self.push("</span>");
                }
                Piece::FootnoteRef(r) => self.footnote_ref(r),
            }
        }
    }

    fn masthead(&mut self) {
        let doc = self.doc;
        let lines = &doc.presentation.masthead;
        let meta = |key| doc.meta.get(key).as_ref();
        fn of<'l>(
            lines: &'l [MastheadLine],
            roles: &'l [LineRole],
        ) -> impl Iterator<Item = &'l MastheadLine> {
            lines.iter().filter(move |l| roles.contains(&l.role))
        }
        self.push("<header class=\"masthead\">\n");

        self.push("<div class=\"mh-top\">");
        for line in of(lines, &[LineRole::Agency, LineRole::Symbol]) {
            self.push(match line.role {
                LineRole::Agency => "<p class=\"mh-agency\">",
                _ => "<p class=\"mh-symbol\">",
            });
            self.pieces(&line.pieces, &meta);
            self.push("</p>");
        }
        self.push("</div>\n");

        let distr: Vec<&MastheadLine> = of(
            lines,
            &[
                LineRole::Distribution,
                LineRole::Date,
                LineRole::VersionLanguage,
                LineRole::Original,
            ],
        )
        .collect();
        self.push("<div class=\"mh-distr\">");
        for line in of(lines, &[LineRole::Organ]) {
            self.push("<p class=\"mh-organ\">");
            self.pieces(&line.pieces, &meta);
            self.push("</p>");
        }
        if let Some(first) = distr.first() {
            self.push("<div class=\"mh-distr-lines\"");
            let table = first.lang.table();
            if first.lang != doc.language {
                self.push(" lang=\"");
                self.push(table.typography.locale);
                self.push("\"");
            }
            // Left-to-right lines in a right-to-left page stay left to right,
            // or "20 August 2025" would read "August 2025 20".
            if self.table.rtl && !table.rtl {
                self.push(" dir=\"ltr\"");
            }
            self.push(">\n");
            for line in distr {
                self.push("<p>");
                self.pieces(&line.pieces, &meta);
                self.push("</p>\n");
            }
            self.push("</div>");
        }
        self.push("</div>\n");

        // The meeting's lines and the sponsor line sit in the left-hand
        // block; from the adoption line or the title on, lines run across
        // the text column.
        let title_at = lines
            .iter()
            .position(|l| matches!(l.role, LineRole::Adoption | LineRole::Title))
            .unwrap_or(lines.len());
        self.push("<div class=\"mh-meeting\">\n");
        for line in &lines[..title_at] {
            let class = match line.role {
                LineRole::Body => "mh-body",
                LineRole::Meeting => "mh-session",
                LineRole::PlaceDates => "mh-place",
                LineRole::AgendaItem | LineRole::Sponsors | LineRole::Committee => "mh-item",
                LineRole::AgendaTitle => "mh-agenda-title",
                _ => continue,
            };
            self.push("<p class=\"");
            self.push(class);
            self.push("\">");
            self.pieces(&line.pieces, &meta);
            self.push("</p>\n");
        }
        self.push("</div>\n");

        for line in &lines[title_at..] {
            match line.role {
                LineRole::Title => {
                    self.push("<h1 class=\"mh-title\">");
                    self.pieces(&line.pieces, &meta);
                    self.push("</h1>\n");
                }
                LineRole::Kind | LineRole::Adoption => {
                    self.push("<p class=\"mh-kind\">");
                    self.pieces(&line.pieces, &meta);
                    self.push("</p>\n");
                }
                LineRole::Sponsors | LineRole::Committee => {
                    self.push("<p class=\"mh-item\">");
                    self.pieces(&line.pieces, &meta);
                    self.push("</p>\n");
                }
                _ => {}
            }
        }
        for line in of(&lines[..title_at], &[LineRole::Kind]) {
            self.push("<p class=\"mh-kind\">");
            self.pieces(&line.pieces, &meta);
            self.push("</p>\n");
        }
        self.push("</header>\n");
    }

    /// The closing lines of an adopted text, after its body.
    fn closing(&mut self) {
        let doc = self.doc;
        if doc.presentation.closing.is_empty() {
            return;
        }
        let meta = |key| doc.meta.get(key).as_ref();
        self.push("<div class=\"closing\">\n");
        for line in &doc.presentation.closing {
            self.push("<p>");
            self.pieces(&line.pieces, &meta);
            self.push("</p>\n");
        }
        self.push("</div>\n");
    }

    /// `level` is the HTML heading level for headings found at this depth;
    /// it follows nesting, not `Section::level`, so the outline never skips.
    fn blocks(&mut self, blocks: &[Block], level: u8) {
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::Paragraph(p) if p.numbered => {
                    // A run of numbered paragraphs is one ordered list.
                    self.push("<ol class=\"paras\">\n");
                    while let Some(Block::Paragraph(p)) = blocks.get(i) {
                        if !p.numbered {
                            break;
                        }
                        self.numbered_paragraph(p);
                        i += 1;
                    }
                    self.push("</ol>\n");
                    continue;
                }
                Block::Paragraph(p) => self.plain_paragraph(p),
                Block::Section(s) => self.section(s, level),
                Block::Decision(d) => self.decision(d, level),
                Block::Options(o) => {
                    for choice in &o.options {
                        self.option_heading(choice);
                        self.blocks(&choice.content, level);
                    }
                }
            }
            i += 1;
        }
    }

    fn heading_tag(level: u8) -> String {
        format!("h{}", level.clamp(1, 6))
    }

    fn section(&mut self, s: &Section, level: u8) {
        let h = Self::heading_tag(level);
        self.push("<section class=\"level-");
        self.push(&s.level.min(9).to_string());
        self.push("\"");
        if let Some(n) = &s.number {
            self.id_attr(&n.anchor);
        }
        self.push(">\n<");
        self.push(&h);
        self.push(" class=\"heading\">");
        if let Some(n) = s.number.as_ref().filter(|n| !n.display.is_empty()) {
            self.push("<span class=\"num\">");
            self.text(&n.display);
            self.push("</span> ");
        }
        self.push("<span class=\"heading-text\">");
        self.inlines(&s.title);
        self.push("</span></");
        self.push(&h);
        self.push(">\n");
        self.blocks(&s.content, level.saturating_add(1));
        self.push("</section>\n");
    }

    fn plain_paragraph(&mut self, p: &Paragraph) {
        self.push("<div class=\"para\"");
        if let Some(n) = &p.number {
            self.id_attr(&n.anchor);
        }
        self.push("><p>");
        self.inlines(&p.content);
        self.push("</p>");
        self.subparagraphs(&p.subparagraphs);
        self.push("</div>\n");
    }

    fn numbered_paragraph(&mut self, p: &Paragraph) {
        self.push("<li");
        if let Some(n) = &p.number {
            self.id_attr(&n.anchor);
        }
        self.push(">");
        self.marker(p.number.as_ref().map(|n| n.display.as_str()));
        self.inlines(&p.content);
        self.subparagraphs(&p.subparagraphs);
        self.push("</li>\n");
    }

    /// The resolved designation as real text, so that it is what screen
    /// readers announce and what a copy-paste keeps; CSS hangs it.
    fn marker(&mut self, display: Option<&str>) {
        if let Some(d) = display.filter(|d| !d.is_empty()) {
            self.push("<span class=\"num\">");
            self.text(d);
            self.push("</span> ");
        }
    }

    fn subparagraphs(&mut self, subs: &[SubParagraph]) {
        if subs.is_empty() {
            return;
        }
        self.push("\n<ol class=\"sub\">\n");
        for s in subs {
            self.push("<li");
            if let Some(n) = &s.number {
                self.id_attr(&n.anchor);
            }
            self.push(">");
            self.marker(s.number.as_ref().map(|n| n.display.as_str()));
            self.inlines(&s.content);
            self.subparagraphs(&s.children);
            self.push("</li>\n");
        }
        self.push("</ol>\n");
    }

    fn decision(&mut self, d: &Decision, level: u8) {
        let titled = d.heading.is_some();
        self.push(if titled {
            "<section class=\"decision\""
        } else {
            "<div class=\"decision\""
        });
        if let Some(a) = &d.anchor {
            self.id_attr(a);
        }
        self.push(">\n");
        if let Some(heading) = &d.heading {
            let h = Self::heading_tag(level);
            self.push("<");
            self.push(&h);
            self.push(" class=\"decision-title\">");
            let fields = |key| match key {
                FieldKey::Symbol => d.symbol.as_ref(),
                FieldKey::Title => d.title.as_ref(),
                _ => None,
            };
            self.pieces(heading, &fields);
            self.push("</");
            self.push(&h);
            self.push(">\n");
        }
        if let Some(f) = &d.formula {
            self.push("<p class=\"formula\">");
            self.inlines(&f.content);
            self.push("</p>\n");
        }
        // The heading of a part of the decision is one level below the
        // decision's own heading, if it has one.
        let part_level = if titled {
            level.saturating_add(1)
        } else {
            level
        };
        if !d.preamble.is_empty() {
            self.push("<div class=\"preamble\">\n");
            for item in &d.preamble {
                match item {
                    Preambular::Clause(c) => self.preambular_with_parts(c, part_level),
                    Preambular::Options(o) => {
                        for choice in &o.options {
                            self.option_heading(choice);
                            for c in &choice.content {
                                self.preambular_with_parts(c, part_level);
                            }
                        }
                    }
                }
            }
            self.push("</div>\n");
        }
        // A heading cannot stand inside a list: the list of operative
        // paragraphs stops for it and goes on after it.
        // Nor can an option's heading.
        let mut open = false;
        for item in &d.operative {
            match item {
                Operative::Paragraph(p) => self.operative_in_list(p, part_level, &mut open),
                Operative::Options(o) => {
                    for choice in &o.options {
                        if open {
                            self.push("</ol>\n");
                            open = false;
                        }
                        self.option_heading(choice);
                        for p in &choice.content {
                            self.operative_in_list(p, part_level, &mut open);
                        }
                    }
                }
            }
        }
        if open {
            self.push("</ol>\n");
        }
        self.push(if titled { "</section>\n" } else { "</div>\n" });
    }

    /// An operative paragraph in the list of operative paragraphs (`open`
    /// when it is open), after the headings of a part it starts.
    fn operative_in_list(&mut self, p: &OperativeParagraph, part_level: u8, open: &mut bool) {
        if *open && !p.headings.is_empty() {
            self.push("</ol>\n");
            *open = false;
        }
        self.parts(&p.headings, part_level);
        if !*open {
            self.push("<ol class=\"operative\">\n");
            *open = true;
        }
        self.operative(p);
    }

    /// "Option 2" over an option's paragraphs, in bold as negotiating
    /// texts print it.
    fn option_heading<T>(&mut self, choice: &Choice<T>) {
        self.push("<p class=\"option\" id=\"");
        self.text(&choice.anchor);
        self.push("\"><strong>");
        self.text(&choice.heading);
        self.push("</strong></p>\n");
    }

    /// The headings of a part of a decision (they hold no blocks).
    fn parts(&mut self, headings: &[Section], level: u8) {
        for h in headings {
            self.section(h, level);
        }
    }

    /// A preambular clause, after the headings of a part it starts.
    fn preambular_with_parts(&mut self, c: &PreambularClause, part_level: u8) {
        self.parts(&c.headings, part_level);
        self.preambular(c);
    }

    fn preambular(&mut self, c: &PreambularClause) {
        self.push("<div class=\"preambular\"");
        if let Some(n) = &c.number {
            self.id_attr(&n.anchor);
        }
        self.push("><p>");
        self.clause_text(c.opening.as_ref(), &c.content, true);
        self.push("</p>");
        self.subparagraphs(&c.subparagraphs);
        self.push("</div>\n");
    }

    fn operative(&mut self, p: &OperativeParagraph) {
        self.push("<li");
        if let Some(n) = &p.number {
            self.id_attr(&n.anchor);
        }
        self.push(">");
        self.marker(p.number.as_ref().map(|n| n.display.as_str()));
        let italic = self.doc.presentation.operative_openings == OpeningFace::Italic;
        self.clause_text(p.opening.as_ref(), &p.content, italic);
        self.subparagraphs(&p.subparagraphs);
        self.push("</li>\n");
    }

    /// Opening words in `<em>` (or upright in a `<span>`, as the house
    /// style wants), then the rest of the clause.
    fn clause_text(&mut self, opening: Option<&Opening>, content: &[Inline], italic: bool) {
        if let Some(o) = opening {
            let (open, close) = if italic {
                ("<em class=\"opening\">", "</em>")
            } else {
                ("<span class=\"opening\">", "</span>")
            };
            self.push(open);
            self.text(&o.text);
            self.push(close);
            if o.space_after {
                self.push(" ");
            }
        }
        self.inlines(content);
    }

    fn annex(&mut self, a: &Annex) {
        self.push("<section class=\"annex\"");
        if let Some(n) = &a.number {
            self.id_attr(&n.anchor);
        }
        self.push(">\n<h2 class=\"annex-heading\"><span class=\"annex-label\">");
        self.text(&a.heading);
        self.push("</span>");
        if let Some(t) = &a.title {
            self.push(" <span class=\"annex-title\">");
            self.field(t);
            self.push("</span>");
        }
        self.push("</h2>\n");
        self.blocks(&a.content, 3);
        self.push("</section>\n");
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text { text, .. } => self.text(text),
                Inline::Emphasis { content, .. } => {
                    self.push("<em>");
                    self.inlines(content);
                    self.push("</em>");
                }
                Inline::Strong { content, .. } => {
                    self.push("<strong>");
                    self.inlines(content);
                    self.push("</strong>");
                }
                Inline::FootnoteRef(f) => self.footnote_ref(f),
                Inline::CrossRef(r) => match &r.target {
                    Some(t) if !t.anchor.is_empty() => {
                        self.push("<a class=\"xref\" href=\"#");
                        self.text(&t.anchor);
                        self.push("\">");
                        self.text(&t.text);
                        self.push("</a>");
                    }
                    Some(t) => self.text(&t.text),
                    // Unresolved: validation has reported it; show the label
                    // so the gap is visible rather than silently dropped.
                    None => {
                        self.push("<span class=\"xref-unresolved\">");
                        self.text(&r.label.name);
                        self.push("</span>");
                    }
                },
                // No URL is known for decisions or documents, so these stay
                // text; `translate` keeps page translators off the symbols.
                // `dir="ltr"` isolates the symbol, so that in Arabic text
                // "MC-3/11" keeps its order and its neighbours theirs.
                Inline::Bracket(b) => self.bracket(b),
                Inline::Alternatives(a) => {
                    self.push("<span class=\"alternatives\">");
                    for (i, option) in a.options.iter().enumerate() {
                        if i > 0 && a.spaced {
                            self.push(" ");
                        }
                        self.bracket(option);
                    }
                    self.push("</span>");
                }
                Inline::DecisionRef(r) => {
                    self.push("<span class=\"symbol\" translate=\"no\" dir=\"ltr\">");
                    self.text(&crate::render::unbreakable_symbol(&r.text));
                    self.push("</span>");
                }
                Inline::DocumentRef(r) => {
                    self.push("<span class=\"symbol\" translate=\"no\" dir=\"ltr\">");
                    self.text(&r.symbol);
                    self.push("</span>");
                }
            }
        }
    }

    /// Negotiation brackets are printed bold, as in UN negotiating texts;
    /// a bracket's note follows it, in parentheses and italics.
    fn bracket(&mut self, b: &Bracket) {
        self.push("<span class=\"bracket\"><b class=\"bk\">[</b>");
        self.inlines(&b.content);
        self.push("<b class=\"bk\">]</b>");
        if let Some(note) = &b.note {
            self.push(" <i class=\"bracket-note\">(");
            self.text(&note.text);
            self.push(")</i>");
        }
        self.push("</span>");
    }

    /// A footnote's indicator, after the separator resolution put
    /// between it and an indicator right before it.
    fn footnote_ref(&mut self, r: &FootnoteRef) {
        let Some(key) = crate::render::note_key(r.number, r.mark.as_deref()) else {
            return;
        };
        let count = self.refs.entry(key.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            format!("fnref-{key}")
        } else {
            format!("fnref-{key}-{count}")
        };
        if let Some(sep) = &r.separator {
            self.push("<sup class=\"fnsep\">");
            self.text(sep);
            self.push("</sup>");
        }
        let shown = crate::render::printed_mark(r.number, r.mark.as_deref());
        self.push("<sup class=\"fnref\">");
        if self.notes.contains(&key) {
            self.push("<a href=\"#fn-");
            self.push(&key);
            self.push("\"");
            self.id_attr(&id);
            self.push(" role=\"doc-noteref\">");
            self.text(&shown);
            self.push("</a>");
        } else {
            self.text(&shown);
        }
        self.push("</sup>");
    }

    fn footnotes(&mut self) {
        let doc = self.doc;
        if self.notes.is_empty() {
            return;
        }
        self.push("<footer class=\"footnotes\">\n<ol>\n");
        for f in &doc.footnotes {
            // Never referenced: validation has reported it (W0104).
            let Some(n) = crate::render::note_key(f.number, f.mark.as_deref()) else {
                continue;
            };
            let shown = crate::render::printed_mark(f.number, f.mark.as_deref());
            self.push("<li");
            self.id_attr(&format!("fn-{n}"));
            self.push("><span class=\"num\">");
            // The back link goes to the first reference, if there is one.
            if self.ids.contains(&format!("fnref-{n}")) {
                self.push(&format!("<a href=\"#fnref-{n}\" role=\"doc-backlink\">"));
                self.text(&shown);
                self.push("</a>");
            } else {
                self.text(&shown);
            }
            self.push("</span> ");
            self.inlines(&f.content);
            self.push("</li>\n");
        }
        self.push("</ol>\n</footer>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Designation, FootnoteRef, Span};
    use crate::lang::Lang;

    #[test]
    fn escapes_all_five_characters() {
        let mut s = String::new();
        esc_into(&mut s, "<a href=\"x\" title='y'>&amp;</a>\0");
        assert_eq!(
            s,
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\u{FFFD}"
        );
    }

    fn empty(language: Lang) -> Document {
        Document {
            language,
            meta: Default::default(),
            body: vec![],
            annexes: vec![],
            footnotes: vec![],
            presentation: Default::default(),
            span: Span::default(),
        }
    }

    fn numbered(anchor: &str, content: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
            inserted: false,
            numbered: true,
            label: None,
            typed_number: None,
            number: Some(Designation {
                ordinal: 1,
                text: "1".into(),
                display: "1.".into(),
                path: "1".into(),
                anchor: anchor.into(),
            }),
            content,
            subparagraphs: vec![],
            span: Span::default(),
        })
    }

    #[test]
    fn an_empty_document_is_still_a_valid_page() {
        // Resolution names even an empty document.
        let page = render(&crate::compile("").document);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">"));
        assert!(page.contains("<title>draftdec</title>"));
        assert!(page.contains("<main>\n</main>"));
        assert!(!page.contains("<footer"));
    }

    #[test]
    fn a_language_without_a_table_keeps_its_code() {
        let page = render(&empty(Lang::Zh));
        assert!(page.contains("<html lang=\"zh-CN\""));
    }

    #[test]
    fn repeated_anchors_and_missing_notes_do_not_break_the_page() {
        let mut doc = empty(Lang::Ru);
        let dangling = Inline::FootnoteRef(FootnoteRef {
            label: None,
            id: None,
            number: Some(7),
            mark: None,
            separator: None,
            span: Span::default(),
        });
        doc.body = vec![
            numbered("para-1", vec![dangling]),
            numbered("para-1", vec![]),
        ];
        let page = render(&doc);
        assert_eq!(page.matches("id=\"para-1\"").count(), 1);
        assert!(
            page.contains("<sup class=\"fnref\">7</sup>"),
            "no link to a missing note"
        );
        assert!(!page.contains("href=\"#fn-7\""));
    }

    #[test]
    fn stylesheet_sets_a4_and_cannot_be_closed_early() {
        assert!(CSS.contains("size: A4"));
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!CSS.contains("url("), "the page must fetch nothing");
        assert!(!CSS.contains("@import"));
    }
}

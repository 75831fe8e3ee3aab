//! Standalone HTML: one self-contained, printable, accessible page per
//! document (see `docs/html.md`).
//!
//! Everything printed comes from the resolved AST: numbers are the
//! designations' `display`, ids their `anchor`, footnote numbers the resolved
//! ones. Every character of the drafter's text goes through [`esc_into`],
//! so nothing the drafter writes can become markup; the only unescaped
//! strings are the literals of this module and numbers it formats.

use std::collections::{BTreeMap, BTreeSet};

use crate::ast::{
    Annex, Block, Decision, Document, Field, Inline, Opening, OperativeParagraph, Paragraph,
    PreambularClause, Section, SubParagraph,
};
use crate::lang::{self, Lang, LangTable};

/// The stylesheet, inlined so the page needs nothing from the network.
/// Logical properties (`inline-start`) keep the layout right for `dir="rtl"`.
const CSS: &str = include_str!("page.css");

/// The whole document as one HTML5 page.
pub fn render(doc: &Document) -> String {
    let mut r = Renderer::new(doc);
    r.page();
    r.out
}

/// Appends `s` with the five HTML-significant characters replaced, which is
/// safe both in text and in double- or single-quoted attribute values.
fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL is a parse error in HTML text; U+FFFD is what a browser
            // would show in its place anyway.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// The text of inlines without markup, for `<title>`.
fn plain_text(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                plain_text(content, out)
            }
            Inline::FootnoteRef(_) => {}
            Inline::CrossRef(r) => match &r.target {
                Some(t) => out.push_str(&t.text),
                None => out.push_str(&r.label.name),
            },
            Inline::DecisionRef(r) => out.push_str(&r.text),
            Inline::DocumentRef(r) => out.push_str(&r.symbol),
        }
    }
}

fn field_plain(f: &Field) -> String {
    if f.content.is_empty() {
        return f.text.trim().to_string();
    }
    let mut s = String::new();
    plain_text(&f.content, &mut s);
    s.trim().to_string()
}

struct Renderer<'a> {
    doc: &'a Document,
    table: &'static LangTable,
    out: String,
    /// Ids already written: a malformed AST with a repeated anchor must still
    /// give a page whose ids are unique, so repeats are dropped.
    ids: BTreeSet<String>,
    /// Footnote numbers that have a note to link to.
    notes: BTreeSet<u32>,
    /// References written so far to each footnote, to give each its own id.
    refs: BTreeMap<u32, u32>,
}

impl<'a> Renderer<'a> {
    fn new(doc: &'a Document) -> Self {
        let table = doc.language.table();
        Renderer {
            doc,
            table,
            out: String::with_capacity(64 * 1024),
            ids: BTreeSet::new(),
            notes: doc.footnotes.iter().map(|f| f.number).collect(),
            refs: BTreeMap::new(),
        }
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        esc_into(&mut self.out, s);
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
        let title = self.page_title();
        self.text(&title);
        self.push("</title>\n<style>\n");
        self.push(CSS);
        // The language's faces: Arabic and Chinese need their own before
        // the Latin serif (a table constant, never drafter text).
        self.push("body { font-family: ");
        self.push(self.table.typography.css_fonts);
        self.push("; }\n");
        self.push("</style>\n</head>\n<body>\n");
        self.masthead();
        self.push("<main>\n");
        self.blocks(&doc.body, 2);
        for annex in &doc.annexes {
            self.annex(annex);
        }
        self.push("</main>\n");
        self.footnotes();
        self.push("</body>\n</html>\n");
    }

    /// "Title (SYMBOL)"; an empty `<title>` would fail the accessibility audit,
    /// so a document without either still gets one.
    fn page_title(&self) -> String {
        let m = &self.doc.meta;
        let title = m.title.as_ref().map(field_plain).unwrap_or_default();
        let symbol = m.symbol.as_ref().map(field_plain).unwrap_or_default();
        match (title.is_empty(), symbol.is_empty()) {
            (false, false) => format!("{title} ({symbol})"),
            (false, true) => title,
            (true, false) => symbol,
            (true, true) => "draftdec".to_string(),
        }
    }

    fn field(&mut self, f: &Field) {
        if f.content.is_empty() {
            let t = f.text.trim().to_string();
            self.text(&t);
        } else {
            self.inlines(&f.content);
        }
    }

    fn masthead(&mut self) {
        let doc = self.doc;
        let m = &doc.meta;
        self.push("<header class=\"masthead\">\n");

        self.push("<div class=\"mh-top\">");
        if let Some(symbol) = &m.symbol {
            self.push("<p class=\"mh-symbol\">");
            self.field(symbol);
            self.push("</p>");
        }
        self.push("</div>\n");

        // Distribution, date, version and original language are printed in
        // English in every language version (see `lang::masthead_date`).
        let original = m.original.as_ref().map(|f| (f, Lang::from_code(&f.text)));
        let version_line = matches!(original, Some((_, Some(o))) if o != doc.language);
        let any = m.distribution.is_some() || m.date.is_some() || original.is_some();
        self.push("<div class=\"mh-distr\">");
        if any {
            self.push("<div class=\"mh-distr-lines\"");
            if doc.language != Lang::En {
                self.push(" lang=\"");
                self.push(Lang::En.table().typography.locale);
                self.push("\"");
            }
            // English lines in a right-to-left page stay left to right, or
            // "20 August 2025" would read "August 2025 20".
            if self.table.rtl {
                self.push(" dir=\"ltr\"");
            }
            self.push(">\n");
            if let Some(d) = &m.distribution {
                self.push("<p>Distr.: ");
                self.field(d);
                self.push("</p>\n");
            }
            if let Some(d) = &m.date {
                self.push("<p>");
                match lang::masthead_date(d.text.trim()) {
                    Some(date) => self.text(&date),
                    None => self.field(d),
                }
                self.push("</p>\n");
            }
            if version_line {
                self.push("<p>");
                self.push(doc.language.english_name());
                self.push("</p>\n");
            }
            if let Some((f, o)) = original {
                self.push("<p>Original: ");
                match o {
                    Some(o) => self.push(o.english_name()),
                    None => self.field(f),
                }
                self.push("</p>\n");
            }
            self.push("</div>");
        }
        self.push("</div>\n");

        self.push("<div class=\"mh-meeting\">\n");
        if let Some(f) = &m.body {
            self.push("<p class=\"mh-body\">");
            self.field(f);
            self.push("</p>\n");
        }
        if let Some(f) = &m.meeting {
            self.push("<p class=\"mh-session\">");
            self.field(f);
            self.push("</p>\n");
        }
        if m.place.is_some() || m.dates.is_some() {
            self.push("<p class=\"mh-place\">");
            if let Some(f) = &m.place {
                self.field(f);
            }
            if m.place.is_some() && m.dates.is_some() {
                self.text(self.table.masthead.list_separator);
            }
            if let Some(f) = &m.dates {
                self.field(f);
            }
            self.push("</p>\n");
        }
        if let Some(item) = &m.agenda_item {
            self.push("<p class=\"mh-item\">");
            let words = self.table.masthead.agenda_item;
            let (before, after) = words.split_once("{}").unwrap_or((words, ""));
            self.text(before);
            self.field(item);
            self.text(after);
            if let Some(n) = m.agenda_footnote {
                self.footnote_ref(n);
            }
            self.push("</p>\n");
        } else if let Some(n) = m.agenda_footnote {
            // Keep the masthead footnote reachable even without an item line.
            self.push("<p class=\"mh-item\">");
            self.footnote_ref(n);
            self.push("</p>\n");
        }
        if let Some(f) = &m.agenda_title {
            self.push("<p class=\"mh-agenda-title\">");
            self.field(f);
            self.push("</p>\n");
        }
        self.push("</div>\n");

        if let Some(f) = &m.title {
            self.push("<h1 class=\"mh-title\">");
            self.field(f);
            self.push("</h1>\n");
        }
        if let Some(f) = &m.kind {
            self.push("<p class=\"mh-kind\">");
            self.field(f);
            self.push("</p>\n");
        }
        self.push("</header>\n");
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
        let titled = d.symbol.is_some() || d.title.is_some();
        self.push(if titled {
            "<section class=\"decision\""
        } else {
            "<div class=\"decision\""
        });
        if let Some(a) = &d.anchor {
            self.id_attr(a);
        }
        self.push(">\n");
        if titled {
            let h = Self::heading_tag(level);
            self.push("<");
            self.push(&h);
            self.push(" class=\"decision-title\">");
            if let Some(s) = &d.symbol {
                self.push("<span class=\"decision-symbol\" dir=\"ltr\">");
                let symbol = crate::render::unbreakable_symbol(s.text.trim());
                self.text(&symbol);
                self.push("</span>");
                if d.title.is_some() {
                    self.push(": ");
                }
            }
            if let Some(t) = &d.title {
                self.field(t);
            }
            self.push("</");
            self.push(&h);
            self.push(">\n");
        }
        if let Some(f) = &d.formula {
            self.push("<p class=\"formula\">");
            self.inlines(&f.content);
            self.push("</p>\n");
        }
        if !d.preamble.is_empty() {
            self.push("<div class=\"preamble\">\n");
            for c in &d.preamble {
                self.preambular(c);
            }
            self.push("</div>\n");
        }
        if !d.operative.is_empty() {
            self.push("<ol class=\"operative\">\n");
            for p in &d.operative {
                self.operative(p);
            }
            self.push("</ol>\n");
        }
        self.push(if titled { "</section>\n" } else { "</div>\n" });
    }

    fn preambular(&mut self, c: &PreambularClause) {
        self.push("<div class=\"preambular\"");
        if let Some(n) = &c.number {
            self.id_attr(&n.anchor);
        }
        self.push("><p>");
        self.clause_text(c.opening.as_ref(), &c.content);
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
        self.clause_text(p.opening.as_ref(), &p.content);
        self.subparagraphs(&p.subparagraphs);
        self.push("</li>\n");
    }

    /// Opening words in `<em>`, then the rest of the clause. `content` holds
    /// the text after the opening words, so the space between them is put
    /// back unless the rest starts with punctuation or space already.
    fn clause_text(&mut self, opening: Option<&Opening>, content: &[Inline]) {
        if let Some(o) = opening {
            self.push("<em class=\"opening\">");
            self.text(&o.text);
            self.push("</em>");
            let next = match content.first() {
                Some(Inline::Text { text, .. }) => text.chars().next(),
                Some(_) => Some('x'),
                None => None,
            };
            if self.table.typography.word_spaces
                && next.is_some_and(|c| !c.is_whitespace() && !",;:.)".contains(c))
            {
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
        let words = &self.table.masthead;
        match a.number.as_ref().filter(|n| !n.display.is_empty()) {
            Some(n) => {
                let (before, after) = words
                    .annex_numbered
                    .split_once("{}")
                    .unwrap_or((words.annex_numbered, ""));
                let text = format!("{before}{}{after}", n.text);
                self.text(&text);
            }
            None => self.text(words.annex),
        }
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
                Inline::FootnoteRef(f) => {
                    if let Some(n) = f.number {
                        self.footnote_ref(n);
                    }
                }
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

    fn footnote_ref(&mut self, n: u32) {
        let count = self.refs.entry(n).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            format!("fnref-{n}")
        } else {
            format!("fnref-{n}-{count}")
        };
        self.push("<sup class=\"fnref\">");
        if self.notes.contains(&n) {
            self.push("<a href=\"#fn-");
            self.push(&n.to_string());
            self.push("\"");
            self.id_attr(&id);
            self.push(" role=\"doc-noteref\">");
            self.push(&n.to_string());
            self.push("</a>");
        } else {
            self.push(&n.to_string());
        }
        self.push("</sup>");
    }

    fn footnotes(&mut self) {
        let doc = self.doc;
        if doc.footnotes.is_empty() {
            return;
        }
        self.push("<footer class=\"footnotes\">\n<ol>\n");
        for f in &doc.footnotes {
            let n = f.number;
            self.push("<li");
            self.id_attr(&format!("fn-{n}"));
            self.push("><span class=\"num\">");
            // The back link goes to the first reference, if there is one.
            if self.ids.contains(&format!("fnref-{n}")) {
                self.push(&format!(
                    "<a href=\"#fnref-{n}\" role=\"doc-backlink\">{n}</a>"
                ));
            } else {
                self.push(&n.to_string());
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
            footnote_defs: vec![],
            footnotes: vec![],
            span: Span::default(),
        }
    }

    fn numbered(anchor: &str, content: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
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
        let page = render(&empty(Lang::En));
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
            content: None,
            number: Some(7),
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

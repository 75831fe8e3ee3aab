//! The layout: AST and comments → canonical source (see `docs/fmt.md`).
//!
//! Comments and labelled footnote definitions are not part of the tree, so
//! they wait in one queue ordered by source position and are printed just
//! before the first node that started after them. A comment inside a
//! paragraph (between two of its lines) sits in the folded line break; the
//! paragraph is broken there again so that the comment stays in place.

use std::collections::VecDeque;

use super::escape::{Lead, Trail, escape};
use crate::ast::{
    Annex, Block, Bracket, Choice, Decision, Document, Field, Footnote, FootnoteOrigin, Inline,
    Label, OpeningSource, Operative, OperativeParagraph, OptionBlock, Paragraph, Preambular,
    PreambularClause, Section, Span, SubParagraph, Typed,
};
use crate::lang::{DASH_ITEM, INSERTED_LATIN, LangTable};
use crate::lower::Comment;

/// Spaces per sub-paragraph level below the first.
pub const INDENT: usize = 4;

enum Floating<'a> {
    Comment(&'a Comment),
    Def(&'a Footnote),
}

impl Floating<'_> {
    fn start(&self) -> usize {
        match self {
            Floating::Comment(c) => c.span.start,
            Floating::Def(d) => d.span.start,
        }
    }
}

pub(super) struct Printer<'a> {
    out: String,
    /// A blank line is owed before the next line.
    gap: bool,
    /// Something other than a comment has been printed (a plain paragraph
    /// at the top of a file without metadata could read as metadata).
    started: bool,
    has_meta: bool,
    floating: VecDeque<Floating<'a>>,
    /// Whether each sub-paragraph level writes its letters in parentheses.
    parens: [bool; 4],
    /// The document's footnotes: an inline footnote's text is printed
    /// where it is referenced.
    footnotes: &'a [Footnote],
}

/// One item line: a paragraph, clause or sub-paragraph.
struct Item<'n> {
    indent: usize,
    marker: Option<String>,
    label: Option<&'n Label>,
    content: Vec<Inline>,
}

pub(super) fn print(doc: &Document, comments: &[Comment]) -> String {
    let table: &LangTable = doc.language.table();
    let mut floating: Vec<Floating> = comments.iter().map(Floating::Comment).collect();
    floating.extend(
        doc.footnotes
            .iter()
            .filter(|f| f.origin == FootnoteOrigin::Named)
            .map(Floating::Def),
    );
    floating.sort_by_key(Floating::start);
    let fields = doc.meta.fields();
    let has_meta = fields.iter().any(|(_, f)| f.is_some());
    let mut p = Printer {
        out: String::new(),
        gap: false,
        started: false,
        has_meta,
        floating: floating.into(),
        parens: table.sub_levels.map(|s| s.wrap.0 == "("),
        footnotes: &doc.footnotes,
    };
    p.metadata(&fields);
    p.blocks(&doc.body);
    for annex in &doc.annexes {
        p.annex(annex);
    }
    p.gap = true;
    p.flush(usize::MAX, 0);
    p.out
}

impl<'a> Printer<'a> {
    fn line(&mut self, text: &str) {
        if self.gap && !self.out.is_empty() {
            self.out.push('\n');
        }
        self.gap = false;
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Prints the comments and footnote definitions that start before `start`.
    fn flush(&mut self, start: usize, indent: usize) {
        while self.floating.front().is_some_and(|f| f.start() < start) {
            match self.floating.pop_front() {
                Some(Floating::Comment(c)) => self.comment(c, indent),
                Some(Floating::Def(d)) => self.def(d),
                None => {}
            }
        }
    }

    fn comment(&mut self, c: &Comment, indent: usize) {
        self.line(&format!("{}//{}", " ".repeat(indent), c.text.trim_end()));
    }

    fn def(&mut self, d: &'a Footnote) {
        self.gap = true;
        let name = d.label.as_ref().map_or("", |l| l.name.as_str());
        let mut buf = format!("^{name}: ");
        self.inlines(&d.content, &mut buf, Lead::Clean, false, 0);
        self.line(buf.trim_end());
        self.started = true;
        self.gap = true;
    }

    /// Metadata in canonical order. A comment among the metadata lines
    /// travels with the field below it.
    fn metadata(&mut self, fields: &[(&'static str, &'a Option<Field>)]) {
        let present: Vec<(&str, &Field)> = fields
            .iter()
            .filter_map(|(k, f)| f.as_ref().map(|f| (*k, f)))
            .collect();
        if present.is_empty() {
            return;
        }
        // A field's span is its value's; its key and any comment above it
        // come before. Attach each comment to the first field after it.
        let first_start = present.iter().map(|(_, f)| f.span.start).min().unwrap_or(0);
        let last_start = present.iter().map(|(_, f)| f.span.start).max().unwrap_or(0);
        let mut attached: Vec<Vec<&Comment>> = vec![Vec::new(); present.len()];
        // Comments above the first metadata line head the file.
        let mut head = Vec::new();
        let mut rest = VecDeque::new();
        while let Some(f) = self.floating.pop_front() {
            match f {
                Floating::Comment(c) if c.span.start < first_start => head.push(c),
                Floating::Comment(c) if c.span.start < last_start => {
                    let owner = present
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, field))| field.span.start > c.span.start)
                        .min_by_key(|(_, (_, field))| field.span.start)
                        .map(|(i, _)| i);
                    match owner {
                        Some(i) => attached[i].push(c),
                        None => rest.push_back(Floating::Comment(c)),
                    }
                }
                other => rest.push_back(other),
            }
        }
        self.floating = rest;
        for c in head {
            self.comment(c, 0);
        }
        for ((key, field), comments) in present.iter().zip(attached) {
            for c in comments {
                self.comment(c, 0);
            }
            let mut buf = format!("{key}: ");
            self.inlines(&field.content, &mut buf, Lead::Clean, false, 0);
            self.line(buf.trim_end());
        }
        self.started = true;
        self.gap = true;
    }

    fn blocks(&mut self, blocks: &'a [Block]) {
        for block in blocks {
            self.gap = true;
            self.block(block);
        }
    }

    fn block(&mut self, block: &'a Block) {
        match block {
            Block::Section(s) => self.section(s),
            Block::Paragraph(p) => self.paragraph(p),
            Block::Decision(d) => self.decision(d),
            Block::Options(o) => self.options(o, Self::block),
        }
    }

    /// Each option's line and what it holds (printed by `item`), then the
    /// closing `:::`.
    fn options<T>(&mut self, o: &'a OptionBlock<T>, item: fn(&mut Self, &'a T)) {
        for choice in &o.options {
            self.option_line(choice);
            for (i, x) in choice.content.iter().enumerate() {
                self.gap = i > 0;
                item(self, x);
            }
        }
        self.gap = false;
        self.flush(o.span.end, 0);
        self.line(":::");
    }

    /// `::: option <label>`, after a blank line; the option's first
    /// paragraph follows it directly, as a decision's formula follows its
    /// `::: decision` line.
    fn option_line<T>(&mut self, choice: &'a Choice<T>) {
        self.gap = true;
        self.flush(choice.fence_span.start, 0);
        let mut buf = String::from("::: option");
        if let Some(label) = &choice.label {
            buf.push_str(&format!(" <{}>", label.name));
        }
        self.line(&buf);
        self.started = true;
    }

    fn section(&mut self, s: &'a Section) {
        self.flush(s.span.start, 0);
        let mut buf = "#".repeat(usize::from(s.level.clamp(1, 3)));
        buf.push(' ');
        if let Some(label) = &s.label {
            buf.push_str(&format!("<{}> ", label.name));
        }
        let number = section_number(s);
        if let Some(n) = &number {
            buf.push_str(&format!("{n}. "));
        }
        let lead = Lead::Heading {
            label: s.label.is_some(),
            number: number.is_some(),
        };
        self.inlines(&s.title, &mut buf, lead, false, 0);
        self.line(buf.trim_end());
        self.started = true;
        self.blocks(&s.content);
    }

    fn paragraph(&mut self, p: &'a Paragraph) {
        let marker = p.numbered.then(|| {
            let resolved = p.number.as_ref().map(|d| &d.text);
            number_marker(p.typed_number.as_ref(), resolved, p.inserted)
        });
        self.item(
            p.span,
            Item {
                indent: 0,
                marker,
                label: p.label.as_ref(),
                content: p.content.clone(),
            },
        );
        self.subs(&p.subparagraphs);
    }

    fn decision(&mut self, d: &'a Decision) {
        self.flush(d.span.start, 0);
        let mut buf = String::from("::: decision");
        if let Some(label) = &d.label {
            buf.push_str(&format!(" <{}>", label.name));
        }
        if let Some(symbol) = &d.symbol {
            buf.push(' ');
            self.inlines(&symbol.content, &mut buf, Lead::Clean, false, 0);
        }
        if let Some(title) = &d.title {
            buf.push_str(if d.symbol.is_some() { ": " } else { " " });
            let lead = Lead::Fence {
                label: d.label.is_some(),
                symbol: d.symbol.is_some(),
            };
            self.inlines(&title.content, &mut buf, lead, false, 0);
        }
        self.line(buf.trim_end());
        self.started = true;
        let mut first = true;
        let mut next_gap = |p: &mut Self| {
            p.gap = !first;
            first = false;
        };
        if let Some(f) = &d.formula {
            next_gap(self);
            let item = Item {
                indent: 0,
                marker: None,
                label: None,
                content: f.content.clone(),
            };
            self.item(f.span, item);
        }
        for item in &d.preamble {
            next_gap(self);
            match item {
                Preambular::Clause(clause) => self.preambular(clause),
                Preambular::Options(o) => self.options(o, Self::preambular),
            }
        }
        for item in &d.operative {
            next_gap(self);
            match item {
                Operative::Paragraph(para) => self.operative(para),
                Operative::Options(o) => self.options(o, Self::operative),
            }
        }
        self.flush(d.span.end, 0);
        self.line(":::");
    }

    fn preambular(&mut self, clause: &'a PreambularClause) {
        self.parts(&clause.headings);
        let item = Item {
            indent: 0,
            marker: None,
            label: clause.label.as_ref(),
            content: with_opening(clause.opening.as_ref(), &clause.content),
        };
        let own = [
            clause.label.as_ref().map(|l| l.span),
            clause.opening.as_ref().map(|o| o.span),
        ];
        self.item(
            after_parts(&clause.headings, clause.span, own, &clause.content),
            item,
        );
        self.subs(&clause.subparagraphs);
    }

    fn operative(&mut self, para: &'a OperativeParagraph) {
        {
            self.parts(&para.headings);
            let item = Item {
                indent: 0,
                marker: Some(number_marker(
                    para.typed_number.as_ref(),
                    para.number.as_ref().map(|d| &d.text),
                    para.inserted,
                )),
                label: para.label.as_ref(),
                content: with_opening(para.opening.as_ref(), &para.content),
            };
            let own = [
                para.typed_number.as_ref().map(|t| t.span),
                para.label.as_ref().map(|l| l.span),
            ];
            self.item(
                after_parts(&para.headings, para.span, own, &para.content),
                item,
            );
            self.subs(&para.subparagraphs);
        }
    }

    /// The headings of a decision's part, each after a blank line, and a
    /// blank line before the clause under them.
    fn parts(&mut self, headings: &'a [Section]) {
        for heading in headings {
            self.gap = true;
            self.section(heading);
            self.gap = true;
        }
    }

    fn annex(&mut self, a: &'a Annex) {
        self.gap = true;
        self.flush(a.span.start, 0);
        let mut buf = String::from("::: annex");
        if let Some(label) = &a.label {
            buf.push_str(&format!(" <{}>", label.name));
        }
        if let Some(title) = &a.title {
            buf.push(' ');
            let lead = Lead::Fence {
                label: a.label.is_some(),
                symbol: false,
            };
            self.inlines(&title.content, &mut buf, lead, false, 0);
        }
        self.line(buf.trim_end());
        self.started = true;
        self.blocks(&a.content);
    }

    fn subs(&mut self, subs: &'a [SubParagraph]) {
        for sub in subs {
            let level = usize::from(sub.level.clamp(1, 4));
            let marker = match (&sub.typed_marker, &sub.number) {
                (None, _) if sub.dash => DASH_ITEM.to_string(),
                (None, _) => "-".to_string(),
                (Some(typed), number) => {
                    let text = number.as_ref().map_or(&typed.text, |n| &n.text);
                    sub_marker(text, self.parens[level - 1]).unwrap_or_else(|| "-".to_string())
                }
            };
            let item = Item {
                indent: (level - 1) * INDENT,
                marker: Some(marker),
                label: sub.label.as_ref(),
                content: sub.content.clone(),
            };
            self.item(sub.span, item);
            self.subs(&sub.children);
        }
    }

    fn item(&mut self, span: Span, item: Item<'_>) {
        self.flush(span.start, item.indent);
        let mut buf = " ".repeat(item.indent);
        if let Some(m) = &item.marker {
            buf.push_str(m);
            buf.push(' ');
        }
        if let Some(label) = item.label {
            buf.push_str(&format!("<{}> ", label.name));
        }
        let lead = if item.marker.is_none() && item.label.is_none() {
            Lead::Line {
                meta: !self.has_meta && !self.started,
            }
        } else {
            Lead::Marker {
                label: item.label.is_some(),
            }
        };
        self.inlines(&item.content, &mut buf, lead, false, item.indent);
        if item.content.is_empty() {
            // An item whose text was only an escaped space (`\ `): a line
            // with nothing after the marker would not be an item at all.
            buf.push_str("\\ ");
            self.line(&buf);
        } else {
            self.line(buf.trim_end());
        }
        self.started = true;
    }

    /// Prints inline content into `buf`. Adjacent text nodes print as one
    /// run (line breaks and escapes split them in the AST); a folded line
    /// break that holds comments becomes a line break again.
    fn inlines(
        &mut self,
        nodes: &[Inline],
        buf: &mut String,
        start: Lead,
        footnote: bool,
        indent: usize,
    ) {
        let mut lead = start;
        let mut run = String::new();
        for node in nodes {
            match node {
                // An escaped bracket (`\[`, one character from two) stays
                // escaped: written bare it would open a negotiation bracket.
                Inline::Text { text, span }
                    if matches!(text.as_str(), "[" | "]" | "{") && span.end - span.start == 2 =>
                {
                    flush_run(&mut run, buf, lead, Trail::Clean, footnote);
                    buf.push('\\');
                    buf.push_str(text);
                    lead = Lead::Clean;
                }
                Inline::Text { text, span } => {
                    let inside: Vec<&Comment> = self.comments_in(*span);
                    if inside.is_empty() {
                        run.push_str(text);
                        continue;
                    }
                    flush_run(&mut run, buf, lead, Trail::Break, footnote);
                    for c in inside {
                        buf.push('\n');
                        buf.push_str(&" ".repeat(indent));
                        buf.push_str("//");
                        buf.push_str(c.text.trim_end());
                    }
                    buf.push('\n');
                    buf.push_str(&" ".repeat(indent));
                    lead = Lead::Line { meta: false };
                }
                other => {
                    let trail = match other {
                        Inline::CrossRef(_) | Inline::DecisionRef(_) | Inline::DocumentRef(_) => {
                            Trail::Glue
                        }
                        _ => Trail::Clean,
                    };
                    let at_line = matches!(lead, Lead::Line { .. }) && run.is_empty();
                    flush_run(&mut run, buf, lead, trail, footnote);
                    lead = self.node(other, buf, footnote, indent, at_line);
                }
            }
        }
        flush_run(&mut run, buf, lead, Trail::Clean, footnote);
    }

    /// Prints one non-text node; returns what the text after it follows.
    fn node(
        &mut self,
        node: &Inline,
        buf: &mut String,
        footnote: bool,
        indent: usize,
        at_line: bool,
    ) -> Lead {
        match node {
            Inline::Text { .. } => Lead::Clean,
            Inline::Emphasis { content, .. } => {
                buf.push('*');
                self.inlines(content, buf, Lead::Emphasis, footnote, indent);
                buf.push('*');
                Lead::Clean
            }
            Inline::Strong { content, .. } => {
                buf.push_str("**");
                self.inlines(content, buf, Lead::Clean, footnote, indent);
                buf.push_str("**");
                Lead::Clean
            }
            Inline::FootnoteRef(f) => match (&f.label, f.id) {
                (Some(label), _) => {
                    buf.push('^');
                    buf.push_str(&label.name);
                    Lead::Name { line: at_line }
                }
                (None, id) => {
                    buf.push_str("^{");
                    let footnotes = self.footnotes;
                    let content = id.and_then(|id| footnotes.get(id));
                    self.inlines(
                        content.map_or(&[][..], |f| &f.content),
                        buf,
                        Lead::Clean,
                        true,
                        indent,
                    );
                    buf.push('}');
                    Lead::Clean
                }
            },
            Inline::CrossRef(r) => {
                buf.push('@');
                if r.bare {
                    buf.push('#');
                }
                if r.short {
                    buf.push('.');
                }
                buf.push_str(&r.label.name);
                Lead::Name { line: false }
            }
            Inline::Bracket(b) => {
                self.bracket(b, buf, footnote, indent);
                Lead::Clean
            }
            Inline::Alternatives(a) => {
                for (i, option) in a.options.iter().enumerate() {
                    if i > 0 && a.spaced {
                        buf.push(' ');
                    }
                    self.bracket(option, buf, footnote, indent);
                }
                Lead::Clean
            }
            Inline::DecisionRef(r) => {
                buf.push_str(&r.text);
                Lead::Symbol
            }
            Inline::DocumentRef(r) => {
                buf.push_str(&r.symbol);
                Lead::Symbol
            }
        }
    }

    /// `[text]{note}`.
    fn bracket(&mut self, b: &Bracket, buf: &mut String, footnote: bool, indent: usize) {
        buf.push('[');
        self.inlines(&b.content, buf, Lead::Clean, footnote, indent);
        buf.push(']');
        if let Some(note) = &b.note {
            buf.push('{');
            buf.push_str(&note.text);
            buf.push('}');
        }
    }

    /// Takes the comments that sit inside a folded line break at `span`.
    fn comments_in(&mut self, span: Span) -> Vec<&'a Comment> {
        let mut found = Vec::new();
        while let Some(Floating::Comment(c)) = self.floating.front() {
            if c.span.start >= span.start && c.span.end <= span.end && span.start < span.end {
                found.push(*c);
                self.floating.pop_front();
            } else {
                break;
            }
        }
        found
    }
}

fn flush_run(run: &mut String, buf: &mut String, lead: Lead, trail: Trail, footnote: bool) -> Lead {
    if run.is_empty() {
        return lead;
    }
    buf.push_str(&escape(run, lead, trail, footnote));
    run.clear();
    Lead::Clean
}

/// The opening words go back in front of the clause's text: in italics
/// when the drafter marked them, as plain text when the lexicon found them.
fn with_opening(opening: Option<&crate::ast::Opening>, content: &[Inline]) -> Vec<Inline> {
    let mut out = Vec::with_capacity(content.len() + 1);
    if let Some(o) = opening {
        let text = Inline::Text {
            text: o.text.clone(),
            span: Span::new(o.span.start, o.span.start),
        };
        out.push(match o.source {
            OpeningSource::Marked => Inline::Emphasis {
                content: vec![text],
                span: o.span,
            },
            OpeningSource::Lexicon => text,
        });
    }
    out.extend_from_slice(content);
    out
}

/// Where a clause's own line starts (its span holds the headings above
/// it): at the first of its parts, `own` and its text, that is written.
fn after_parts<const N: usize>(
    headings: &[Section],
    span: Span,
    own: [Option<Span>; N],
    content: &[Inline],
) -> Span {
    if headings.is_empty() {
        return span;
    }
    let first = own
        .into_iter()
        .flatten()
        .chain(content.first().map(Inline::span))
        .map(|s| s.start)
        .min()
        .unwrap_or(span.end);
    Span::new(first, span.end)
}

/// `#.` or the resolved number (`4.`) when the drafter typed one; for an
/// inserted paragraph, `#+.` or the number as typed (`9 bis.`), whose
/// Latin word the resolved number, in the document's language, may not have.
fn number_marker(typed: Option<&Typed>, resolved: Option<&String>, inserted: bool) -> String {
    let computed = if inserted { "#+." } else { "#." };
    let Some(typed) = typed else {
        return computed.to_string();
    };
    if inserted {
        let fits = typed.text.split_once(' ').is_some_and(|(n, word)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && INSERTED_LATIN.contains(&word)
        });
        return if fits {
            format!("{}.", typed.text)
        } else {
            computed.to_string()
        };
    }
    let text = resolved.unwrap_or(&typed.text);
    if (1..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        format!("{text}.")
    } else {
        // The grammar takes four digits at most; `#.` numbers it the same.
        "#.".to_string()
    }
}

/// `(b)` or `b)`, when the letters fit the grammar's marker.
fn sub_marker(text: &str, parens: bool) -> Option<String> {
    // WHO's `(1)` is written in parentheses in every language.
    if (1..=2).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("({text})"));
    }
    let n = text.chars().count();
    let ok = (1..=5).contains(&n) && text.chars().all(|c| c.is_alphabetic() && !c.is_uppercase());
    ok.then(|| {
        if parens {
            format!("({text})")
        } else {
            format!("{text})")
        }
    })
}

/// The section's typed number, renumbered, when it fits the grammar.
fn section_number(s: &Section) -> Option<String> {
    let typed = s.typed_number.as_ref()?;
    let fits = |t: &str| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
    let resolved = s.number.as_ref().map(|n| n.text.as_str());
    [resolved, Some(typed.text.as_str())]
        .into_iter()
        .flatten()
        .find(|t| fits(t))
        .map(str::to_string)
}

//! Punctuation conventions of decisions: preambular clauses end with a
//! comma (a semicolon in the house styles that say so, WHO and PAHO);
//! operative paragraphs with a semicolon, the last with a full stop; a
//! paragraph that introduces sub-paragraphs with a colon (or a comma, as
//! real resolutions also write); sub-paragraphs with a semicolon, the very
//! last with the full stop.
//!
//! What real texts put after the mark is not a missing mark: a conjunction
//! (`; and`, `; et`, `؛ و`), a closing quotation mark or bracket after a
//! quoted sentence's own mark (`…world.”`). A fix never writes a second
//! mark beside one.

use super::chars_with_offsets;
use crate::ast::{
    Decision, Document, Inline, OperativeParagraph, OptionBlock, Paragraph, PreambularClause, Span,
    SubParagraph,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::style::PreambleEnd;
use crate::lang::{LangTable, Marks};
use crate::visit::{
    Visitor, walk_decision, walk_operative_paragraph, walk_preambular_clause, walk_subparagraph,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Comma,
    Semicolon,
    FullStop,
    Colon,
}

impl Mark {
    /// The forms of the mark in the language, its own first.
    fn forms(self, marks: &Marks) -> &'static [char] {
        match self {
            Mark::Comma => marks.comma,
            Mark::Semicolon => marks.semicolon,
            Mark::FullStop => marks.full_stop,
            Mark::Colon => marks.colon,
        }
    }
    /// The mark a fix writes.
    fn own(self, marks: &Marks) -> char {
        self.forms(marks).first().copied().unwrap_or(',')
    }
    fn name(self) -> &'static str {
        match self {
            Mark::Comma => "a comma",
            Mark::Semicolon => "a semicolon",
            Mark::FullStop => "a full stop",
            Mark::Colon => "a colon",
        }
    }
}

pub(super) fn check(doc: &Document, table: &LangTable, diags: &mut Vec<Diagnostic>) {
    let preamble_end = match doc.house_style().preamble_end {
        PreambleEnd::Comma => Mark::Comma,
        PreambleEnd::Semicolon => Mark::Semicolon,
    };
    Punctuation {
        cx: Cx {
            marks: &table.marks,
            conjunctions: table.list_conjunctions,
        },
        preamble_end,
        diags,
        preamble_left: 0,
        operative_left: 0,
        lists: Vec::new(),
    }
    .visit_document(doc);
}

/// What the language writes at the end of a paragraph.
struct Cx<'a> {
    /// The language's forms of each mark.
    marks: &'a Marks,
    /// Conjunctions that may follow a mark (`; and`).
    conjunctions: &'a [&'a str],
}

struct Punctuation<'a> {
    cx: Cx<'a>,
    /// The mark preambular clauses end with in the document's house style.
    preamble_end: Mark,
    diags: &'a mut Vec<Diagnostic>,
    /// Preambular clauses of the decision not yet visited (an option block
    /// counting as one): in a house style whose clauses end with ";", the
    /// last may end with a comma before the operative part, as WHA55.15's
    /// does ("… by the end of 2002,").
    preamble_left: usize,
    /// Operative paragraphs of the decision not yet visited (an option block
    /// counting as one): the last ends with a full stop.
    operative_left: usize,
    /// The lists of sub-paragraphs being visited, innermost last: how many
    /// are left, and the mark the last of them ends with.
    lists: Vec<(usize, Mark)>,
}

/// Before sub-paragraphs: a colon, or a comma (`Calls upon States,` then
/// `(a) To …;`), which real resolutions write too. A fix writes the colon.
const INTRODUCES: &[Mark] = &[Mark::Colon, Mark::Comma];

impl Visitor for Punctuation<'_> {
    /// Only decisions follow these conventions.
    fn visit_paragraph(&mut self, _: &Paragraph) {}

    fn visit_decision(&mut self, d: &Decision) {
        self.preamble_left = d.preamble.len();
        self.operative_left = d.operative.len();
        walk_decision(self, d);
    }

    fn visit_preambular_clause(&mut self, clause: &PreambularClause) {
        self.preamble_left = self.preamble_left.saturating_sub(1);
        let last = [self.preamble_end, Mark::Comma];
        let ends: &[Mark] = if self.preamble_left == 0 && self.preamble_end != Mark::Comma {
            &last
        } else {
            &last[..1]
        };
        if clause.subparagraphs.is_empty() {
            expect(
                &self.cx,
                &clause.content,
                ends,
                Code::W0201,
                "this preambular clause",
                self.diags,
            );
        } else {
            expect(
                &self.cx,
                &clause.content,
                INTRODUCES,
                Code::W0204,
                "a clause that introduces sub-paragraphs",
                self.diags,
            );
        }
        self.lists
            .push((clause.subparagraphs.len(), self.preamble_end));
        walk_preambular_clause(self, clause);
        self.lists.pop();
    }

    /// Each option is read as if it stood alone in the block's place: its
    /// last clause ends the preamble when nothing follows the block.
    fn visit_preambular_options(&mut self, o: &OptionBlock<PreambularClause>) {
        let after = self.preamble_left.saturating_sub(1);
        for choice in &o.options {
            self.preamble_left = after + choice.content.len();
            self.visit_preambular_choice(choice);
        }
        self.preamble_left = after;
    }

    /// Each option is read as if it stood alone in the block's place: its
    /// last paragraph ends the decision when nothing follows the block.
    fn visit_operative_options(&mut self, o: &OptionBlock<OperativeParagraph>) {
        let after = self.operative_left.saturating_sub(1);
        for choice in &o.options {
            self.operative_left = after + choice.content.len();
            self.visit_operative_choice(choice);
        }
        self.operative_left = after;
    }

    fn visit_operative_paragraph(&mut self, para: &OperativeParagraph) {
        self.operative_left = self.operative_left.saturating_sub(1);
        let (end, code, what) = if self.operative_left == 0 {
            (Mark::FullStop, Code::W0203, "the last operative paragraph")
        } else {
            (Mark::Semicolon, Code::W0202, "this operative paragraph")
        };
        if para.subparagraphs.is_empty() {
            expect(&self.cx, &para.content, &[end], code, what, self.diags);
        } else {
            expect(
                &self.cx,
                &para.content,
                INTRODUCES,
                Code::W0204,
                "a paragraph that introduces sub-paragraphs",
                self.diags,
            );
        }
        self.lists.push((para.subparagraphs.len(), end));
        walk_operative_paragraph(self, para);
        self.lists.pop();
    }

    /// Sub-paragraphs end with a semicolon, the last of a list with the
    /// mark its holder would end with.
    fn visit_subparagraph(&mut self, sub: &SubParagraph) {
        // The walk reaches sub-paragraphs only through their holders, which
        // are always on the stack.
        let Some((left, last_end)) = self.lists.last_mut() else {
            return;
        };
        *left -= 1;
        let end = if *left == 0 {
            *last_end
        } else {
            Mark::Semicolon
        };
        if sub.children.is_empty() {
            let what = if end == Mark::Semicolon {
                "this sub-paragraph"
            } else {
                "the last sub-paragraph"
            };
            expect(
                &self.cx,
                &sub.content,
                &[end],
                Code::W0205,
                what,
                self.diags,
            );
        } else {
            expect(
                &self.cx,
                &sub.content,
                INTRODUCES,
                Code::W0204,
                "a sub-paragraph that introduces sub-paragraphs",
                self.diags,
            );
        }
        self.lists.push((sub.children.len(), end));
        walk_subparagraph(self, sub);
        self.lists.pop();
    }
}

/// Closing quotation marks and brackets that may follow a quoted
/// sentence's own mark (`…world.”`, `…(see annex).)`).
const CLOSERS: &[char] = &['”', '’', '»', '"', '\'', ')', '」', '』'];

/// Marks that end a quoted sentence as a full stop would.
const ENDS_SENTENCE: &[char] = &['?', '!', '？', '！', '؟'];

/// The last character before a closing quotation mark, past the
/// (non-breaking) space French sets inside guillemets (`? »`).
fn mark_inside_closer(before: &[(char, Span)]) -> Option<char> {
    before
        .iter()
        .rev()
        .map(|&(c, _)| c)
        .find(|c| !c.is_whitespace())
}

fn expect(
    cx: &Cx<'_>,
    content: &[Inline],
    accepted: &[Mark],
    code: Code,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let marks = cx.marks;
    let mut chars = Vec::new();
    chars_with_offsets(content, &mut chars);
    // Footnote indicators, closing negotiation brackets and blanks may follow the mark.
    let Some(mut last) = chars
        .iter()
        .rposition(|(c, _)| !c.is_whitespace() && *c != ']')
    else {
        return;
    };
    let is_mark = |c: char| {
        [Mark::Comma, Mark::Semicolon, Mark::FullStop, Mark::Colon]
            .iter()
            .any(|m| m.forms(marks).contains(&c))
    };
    // `…; and`: the mark before the conjunction is the one checked; a fix
    // replaces the mark and the conjunction, since the list goes on or not
    // as only the drafter knows.
    let mut conjunction = None;
    if let Some((mark_at, conj)) = conjunction_after_mark(&chars[..=last], cx.conjunctions, is_mark)
    {
        conjunction = Some(Span::new(chars[mark_at].1.start, conj.end));
        last = mark_at;
    }
    let (c, at) = chars[last];
    let own = accepted[0].own(marks);
    let ok = |c: char| accepted.iter().any(|m| m.forms(marks).contains(&c));
    if ok(c) {
        return;
    }
    let (fix_span, found, applicability) = if let Some(span) = conjunction {
        (
            span,
            format!("it ends with `{c}` and a conjunction"),
            Applicability::NeedsReview,
        )
    } else if let Some(inner) = CLOSERS
        .contains(&c)
        .then(|| mark_inside_closer(&chars[..last]))
        .flatten()
        .filter(|&m| is_mark(m) || ENDS_SENTENCE.contains(&m))
    {
        // A quotation that ends with its own mark: accepted when that is
        // the mark wanted, a quoted question or exclamation where a full
        // stop is wanted (`…climate change?”`, in French `…climatiques ? »`);
        // otherwise the mark goes after the quotation, as a suggestion (the
        // quotation's mark stays).
        if ok(inner) || (ENDS_SENTENCE.contains(&inner) && accepted.contains(&Mark::FullStop)) {
            return;
        }
        (
            Span::new(at.end, at.end),
            format!("it ends with a quotation that ends with `{inner}`"),
            Applicability::NeedsReview,
        )
    } else if is_mark(c) {
        (at, format!("it ends with `{c}`"), Applicability::Safe)
    } else {
        (
            Span::new(at.end, at.end),
            "it has no closing punctuation".to_string(),
            Applicability::Safe,
        )
    };
    let names: Vec<&str> = accepted.iter().map(|m| m.name()).collect();
    diags.push(
        Diagnostic::new(
            code,
            at,
            format!("{what} should end with {}, but {found}", names.join(" or ")),
        )
        .label(format!("expected `{own}`"))
        .help(format!("end it with `{own}`"))
        .fix(fix_span, own.to_string(), applicability),
    );
}

/// `…; and` at the end of `chars`: the position of the mark and the span
/// of the conjunction, a whole word after the mark and any blanks (`; and`,
/// `;and`, Chinese `；以及`).
fn conjunction_after_mark(
    chars: &[(char, Span)],
    conjunctions: &[&str],
    is_mark: impl Fn(char) -> bool,
) -> Option<(usize, Span)> {
    conjunctions.iter().find_map(|conj| {
        let n = conj.chars().count();
        let start = chars.len().checked_sub(n)?;
        let word = &chars[start..];
        if !word.iter().map(|(c, _)| *c).eq(conj.chars()) {
            return None;
        }
        let span = Span::new(word[0].1.start, word[n - 1].1.end);
        let mark_at = chars[..start]
            .iter()
            .rposition(|(c, _)| !c.is_whitespace())?;
        is_mark(chars[mark_at].0).then_some((mark_at, span))
    })
}

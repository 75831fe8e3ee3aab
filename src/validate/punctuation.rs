//! Punctuation conventions of decisions: preambular clauses end with a
//! comma; operative paragraphs with a semicolon, the last with a full stop;
//! a paragraph that introduces sub-paragraphs with a colon; sub-paragraphs
//! with a semicolon, the very last with the full stop.

use super::chars_with_offsets;
use crate::ast::{
    Decision, Document, Inline, OperativeParagraph, Paragraph, PreambularClause, Span, SubParagraph,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::Marks;
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

pub(super) fn check(doc: &Document, marks: &Marks, diags: &mut Vec<Diagnostic>) {
    Punctuation {
        marks,
        diags,
        operative_left: 0,
        lists: Vec::new(),
    }
    .visit_document(doc);
}

struct Punctuation<'a> {
    /// The language's forms of each mark.
    marks: &'a Marks,
    diags: &'a mut Vec<Diagnostic>,
    /// Operative paragraphs of the decision not yet visited: the last ends
    /// with a full stop.
    operative_left: usize,
    /// The lists of sub-paragraphs being visited, innermost last: how many
    /// are left, and the mark the last of them ends with.
    lists: Vec<(usize, Mark)>,
}

impl Visitor for Punctuation<'_> {
    /// Only decisions follow these conventions.
    fn visit_paragraph(&mut self, _: &Paragraph) {}

    fn visit_decision(&mut self, d: &Decision) {
        self.operative_left = d.operative.len();
        walk_decision(self, d);
    }

    fn visit_preambular_clause(&mut self, clause: &PreambularClause) {
        if clause.subparagraphs.is_empty() {
            expect(
                self.marks,
                &clause.content,
                Mark::Comma,
                Code::W0201,
                "this preambular clause",
                self.diags,
            );
        } else {
            expect(
                self.marks,
                &clause.content,
                Mark::Colon,
                Code::W0204,
                "a clause that introduces sub-paragraphs",
                self.diags,
            );
        }
        self.lists.push((clause.subparagraphs.len(), Mark::Comma));
        walk_preambular_clause(self, clause);
        self.lists.pop();
    }

    fn visit_operative_paragraph(&mut self, para: &OperativeParagraph) {
        self.operative_left = self.operative_left.saturating_sub(1);
        let (end, code, what) = if self.operative_left == 0 {
            (Mark::FullStop, Code::W0203, "the last operative paragraph")
        } else {
            (Mark::Semicolon, Code::W0202, "this operative paragraph")
        };
        if para.subparagraphs.is_empty() {
            expect(self.marks, &para.content, end, code, what, self.diags);
        } else {
            expect(
                self.marks,
                &para.content,
                Mark::Colon,
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
            expect(self.marks, &sub.content, end, Code::W0205, what, self.diags);
        } else {
            expect(
                self.marks,
                &sub.content,
                Mark::Colon,
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

fn expect(
    marks: &Marks,
    content: &[Inline],
    mark: Mark,
    code: Code,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut chars = Vec::new();
    chars_with_offsets(content, &mut chars);
    // Footnote indicators, closing negotiation brackets and blanks may follow the mark.
    let Some(&(c, at)) = chars
        .iter()
        .rev()
        .find(|(c, _)| !c.is_whitespace() && *c != ']')
    else {
        return;
    };
    if mark.forms(marks).contains(&c) {
        return;
    }
    let replaced = [Mark::Comma, Mark::Semicolon, Mark::FullStop, Mark::Colon]
        .iter()
        .any(|m| m.forms(marks).contains(&c));
    let own = mark.own(marks);
    let (fix_span, found) = if replaced {
        (at, format!("it ends with `{c}`"))
    } else {
        let end = at.end;
        (
            Span::new(end, end),
            "it has no closing punctuation".to_string(),
        )
    };
    diags.push(
        Diagnostic::new(
            code,
            at,
            format!("{what} should end with {}, but {found}", mark.name()),
        )
        .label(format!("expected `{own}`"))
        .help(format!("end it with `{own}`"))
        .fix(fix_span, own.to_string(), Applicability::Safe),
    );
}

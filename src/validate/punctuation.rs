//! Punctuation conventions of decisions: preambular clauses end with a
//! comma; operative paragraphs with a semicolon, the last with a full stop;
//! a paragraph that introduces sub-paragraphs with a colon; sub-paragraphs
//! with a semicolon, the very last with the full stop.

use super::chars_with_offsets;
use crate::ast::{Decision, Inline, Span, SubParagraph};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::Marks;

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

pub(super) fn check(d: &Decision, marks: &Marks, diags: &mut Vec<Diagnostic>) {
    for clause in &d.preamble {
        if clause.subparagraphs.is_empty() {
            expect(
                marks,
                &clause.content,
                clause.span,
                Mark::Comma,
                Code::W0201,
                "this preambular clause",
                diags,
            );
        } else {
            expect(
                marks,
                &clause.content,
                clause.span,
                Mark::Colon,
                Code::W0204,
                "a clause that introduces sub-paragraphs",
                diags,
            );
            subs(marks, &clause.subparagraphs, Mark::Comma, diags);
        }
    }
    let count = d.operative.len();
    for (i, para) in d.operative.iter().enumerate() {
        let last = i + 1 == count;
        let (end, code, what) = if last {
            (Mark::FullStop, Code::W0203, "the last operative paragraph")
        } else {
            (Mark::Semicolon, Code::W0202, "this operative paragraph")
        };
        if para.subparagraphs.is_empty() {
            expect(marks, &para.content, para.span, end, code, what, diags);
        } else {
            expect(
                marks,
                &para.content,
                para.span,
                Mark::Colon,
                Code::W0204,
                "a paragraph that introduces sub-paragraphs",
                diags,
            );
            subs(marks, &para.subparagraphs, end, diags);
        }
    }
}

/// Sub-paragraphs end with a semicolon, the last with `last_end`.
fn subs(marks: &Marks, list: &[SubParagraph], last_end: Mark, diags: &mut Vec<Diagnostic>) {
    for (i, sub) in list.iter().enumerate() {
        let end = if i + 1 == list.len() {
            last_end
        } else {
            Mark::Semicolon
        };
        if sub.children.is_empty() {
            let what = if end == Mark::Semicolon {
                "this sub-paragraph"
            } else {
                "the last sub-paragraph"
            };
            expect(marks, &sub.content, sub.span, end, Code::W0205, what, diags);
        } else {
            expect(
                marks,
                &sub.content,
                sub.span,
                Mark::Colon,
                Code::W0204,
                "a sub-paragraph that introduces sub-paragraphs",
                diags,
            );
            subs(marks, &sub.children, end, diags);
        }
    }
}

fn expect(
    marks: &Marks,
    content: &[Inline],
    block: Span,
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
    let _ = block;
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

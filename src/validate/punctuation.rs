//! Punctuation conventions of decisions: preambular clauses end with a
//! comma; operative paragraphs with a semicolon, the last with a full stop;
//! a paragraph that introduces sub-paragraphs with a colon; sub-paragraphs
//! with a semicolon, the very last with the full stop.

use super::chars_with_offsets;
use crate::ast::{Decision, Inline, Span, SubParagraph};
use crate::diag::Diagnostic;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Comma,
    Semicolon,
    FullStop,
    Colon,
}

impl Mark {
    fn ascii(self) -> char {
        match self {
            Mark::Comma => ',',
            Mark::Semicolon => ';',
            Mark::FullStop => '.',
            Mark::Colon => ':',
        }
    }
    fn name(self) -> &'static str {
        match self {
            Mark::Comma => "a comma",
            Mark::Semicolon => "a semicolon",
            Mark::FullStop => "a full stop",
            Mark::Colon => "a colon",
        }
    }
    /// The mark as written in Latin, Arabic and Chinese scripts.
    fn matches(self, c: char) -> bool {
        match self {
            Mark::Comma => matches!(c, ',' | '،' | '，' | '、'),
            Mark::Semicolon => matches!(c, ';' | '؛' | '；'),
            Mark::FullStop => matches!(c, '.' | '。'),
            Mark::Colon => matches!(c, ':' | '：'),
        }
    }
}

pub(super) fn check(d: &Decision, diags: &mut Vec<Diagnostic>) {
    for clause in &d.preamble {
        if clause.subparagraphs.is_empty() {
            expect(
                &clause.content,
                clause.span,
                Mark::Comma,
                "W0201",
                "this preambular clause",
                diags,
            );
        } else {
            expect(
                &clause.content,
                clause.span,
                Mark::Colon,
                "W0204",
                "a clause that introduces sub-paragraphs",
                diags,
            );
            subs(&clause.subparagraphs, Mark::Comma, diags);
        }
    }
    let count = d.operative.len();
    for (i, para) in d.operative.iter().enumerate() {
        let last = i + 1 == count;
        let (end, code, what) = if last {
            (Mark::FullStop, "W0203", "the last operative paragraph")
        } else {
            (Mark::Semicolon, "W0202", "this operative paragraph")
        };
        if para.subparagraphs.is_empty() {
            expect(&para.content, para.span, end, code, what, diags);
        } else {
            expect(
                &para.content,
                para.span,
                Mark::Colon,
                "W0204",
                "a paragraph that introduces sub-paragraphs",
                diags,
            );
            subs(&para.subparagraphs, end, diags);
        }
    }
}

/// Sub-paragraphs end with a semicolon, the last with `last_end`.
fn subs(list: &[SubParagraph], last_end: Mark, diags: &mut Vec<Diagnostic>) {
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
            expect(&sub.content, sub.span, end, "W0205", what, diags);
        } else {
            expect(
                &sub.content,
                sub.span,
                Mark::Colon,
                "W0204",
                "a sub-paragraph that introduces sub-paragraphs",
                diags,
            );
            subs(&sub.children, end, diags);
        }
    }
}

fn expect(
    content: &[Inline],
    block: Span,
    mark: Mark,
    code: &'static str,
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
    if mark.matches(c) {
        return;
    }
    let replaced = [Mark::Comma, Mark::Semicolon, Mark::FullStop, Mark::Colon]
        .iter()
        .any(|m| m.matches(c));
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
        .label(format!("expected `{}`", mark.ascii()))
        .help(format!("end it with `{}`", mark.ascii()))
        .fix(fix_span, mark.ascii().to_string()),
    );
}

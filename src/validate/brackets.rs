//! Negotiation brackets and quotation marks balance within each paragraph
//! (with its sub-paragraphs), heading, metadata value and footnote.

use super::marks_with_offsets;
use crate::ast::{
    Document, Field, FieldKey, Footnote, Formula, Inline, Masthead, OperativeParagraph, Paragraph,
    PreambularClause, Section, Span, SubParagraph,
};
use crate::diag::{Code, Diagnostic};
use crate::visit::{Visitor, walk_section};

/// The masthead's fields written in words; the others hold codes, dates
/// and symbols.
const PROSE_FIELDS: [FieldKey; 8] = [
    FieldKey::Body,
    FieldKey::Meeting,
    FieldKey::Place,
    FieldKey::Dates,
    FieldKey::AgendaItem,
    FieldKey::AgendaTitle,
    FieldKey::Title,
    FieldKey::Kind,
];

pub(super) fn check(doc: &Document, src: &str, diags: &mut Vec<Diagnostic>) {
    Brackets(diags, src).visit_document(doc);
}

/// Checks each unit: a field, a heading, a formula, a paragraph or clause
/// with its sub-paragraphs, a footnote.
struct Brackets<'a>(&'a mut Vec<Diagnostic>, &'a str);

impl Visitor for Brackets<'_> {
    fn visit_masthead(&mut self, meta: &Masthead) {
        for key in PROSE_FIELDS {
            if let Some(field) = meta.get(key) {
                self.visit_field(field);
            }
        }
    }

    fn visit_field(&mut self, field: &Field) {
        unit(&field.content, self.1, self.0);
    }

    fn visit_section(&mut self, s: &Section) {
        unit(&s.title, self.1, self.0);
        walk_section(self, s);
    }

    fn visit_formula(&mut self, f: &Formula) {
        unit(&f.content, self.1, self.0);
    }

    fn visit_paragraph(&mut self, p: &Paragraph) {
        tree(&p.content, &p.subparagraphs, self.1, self.0);
    }

    fn visit_preambular_clause(&mut self, c: &PreambularClause) {
        for heading in &c.headings {
            self.visit_section(heading);
        }
        tree(&c.content, &c.subparagraphs, self.1, self.0);
    }

    fn visit_operative_paragraph(&mut self, p: &OperativeParagraph) {
        for heading in &p.headings {
            self.visit_section(heading);
        }
        tree(&p.content, &p.subparagraphs, self.1, self.0);
    }

    fn visit_footnote(&mut self, f: &Footnote) {
        unit(&f.content, self.1, self.0);
    }
}

fn unit(content: &[Inline], src: &str, diags: &mut Vec<Diagnostic>) {
    tree(content, &[], src, diags);
}

/// Whether the character at `at` is written escaped (`\[`): an odd run of
/// backslashes before it in the source (`\\[` is an escaped backslash
/// and a bracket).
fn escaped(src: &str, at: Span) -> bool {
    let before = src.get(..at.start).unwrap_or("");
    before.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

fn tree(content: &[Inline], subs: &[SubParagraph], src: &str, diags: &mut Vec<Diagnostic>) {
    let mut chars = Vec::new();
    marks_with_offsets(content, subs, is_mark, &MARK_LEADS, &mut chars);
    // A bracket written escaped is a literal character, not a negotiation
    // bracket.
    chars.retain(|&(c, at)| !matches!(c, '[' | ']') || !escaped(src, at));
    let mut open: Vec<(char, Span)> = Vec::new();
    for &(c, at) in &chars {
        match c {
            '[' => open.push((c, at)),
            ']' if open.pop().is_none() => {
                diags.push(
                        Diagnostic::new(Code::E0110, at, "this `]` closes no bracket")
                            .label("unmatched `]`")
                            .help("negotiation brackets open with `[` and close with `]` in the same paragraph"),
                    );
            }
            _ => {}
        }
    }
    for (_, at) in open {
        diags.push(
            Diagnostic::new(Code::E0110, at, "this `[` is never closed")
                .label("unmatched `[`")
                .help("close the bracketed text with `]` in the same paragraph"),
        );
    }
    quotes(&chars, diags);
}

/// The characters this rule pairs.
const MARKS: [char; 7] = ['[', ']', '«', '»', '“', '”', '"'];

fn is_mark(c: char) -> bool {
    MARKS.contains(&c)
}

/// The first bytes of the [`MARKS`] in UTF-8.
const MARK_LEADS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < MARKS.len() {
        let mut buf = [0u8; 4];
        t[MARKS[i].encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

fn quotes(chars: &[(char, Span)], diags: &mut Vec<Diagnostic>) {
    for (open_q, close_q) in [('«', '»'), ('“', '”')] {
        let mut stack = Vec::new();
        for &(c, at) in chars {
            if c == open_q {
                stack.push(at);
            } else if c == close_q && stack.pop().is_none() {
                diags.push(
                    Diagnostic::new(
                        Code::W0111,
                        at,
                        format!("this `{close_q}` closes no quotation"),
                    )
                    .label("unmatched closing quotation mark")
                    .help(format!("open the quotation with `{open_q}`")),
                );
            }
        }
        for at in stack {
            diags.push(
                Diagnostic::new(Code::W0111, at, format!("this `{open_q}` is never closed"))
                    .label("unmatched opening quotation mark")
                    .help(format!(
                        "close the quotation with `{close_q}` in the same paragraph"
                    )),
            );
        }
    }
    let straight: Vec<Span> = chars
        .iter()
        .filter(|(c, _)| *c == '"')
        .map(|(_, at)| *at)
        .collect();
    if straight.len() % 2 == 1 {
        let at = *straight.last().expect("odd count is at least one");
        diags.push(
            Diagnostic::new(Code::W0111, at, "an odd number of `\"` in this paragraph")
                .label("unpaired quotation mark")
                .help("pair every opening `\"` with a closing one"),
        );
    }
}

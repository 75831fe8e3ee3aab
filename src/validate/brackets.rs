//! Negotiation brackets and quotation marks balance within each paragraph
//! (with its sub-paragraphs), heading, metadata value and footnote.

use super::{chars_with_offsets, subs_chars};
use crate::ast::{Block, Document, Inline, Span};
use crate::diag::{Code, Diagnostic};

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let m = &doc.meta;
    for field in [
        &m.body,
        &m.meeting,
        &m.place,
        &m.dates,
        &m.agenda_item,
        &m.agenda_title,
        &m.title,
        &m.kind,
    ]
    .into_iter()
    .flatten()
    {
        unit(&field.content, diags);
    }
    blocks(&doc.body, diags);
    for annex in &doc.annexes {
        if let Some(title) = &annex.title {
            unit(&title.content, diags);
        }
        blocks(&annex.content, diags);
    }
    // Every footnote, inline or labelled, as resolution numbered it.
    for footnote in &doc.footnotes {
        unit(&footnote.content, diags);
    }
}

fn blocks(list: &[Block], diags: &mut Vec<Diagnostic>) {
    for block in list {
        match block {
            Block::Section(s) => {
                unit(&s.title, diags);
                blocks(&s.content, diags);
            }
            Block::Paragraph(p) => tree(&p.content, &p.subparagraphs, diags),
            Block::Decision(d) => {
                if let Some(t) = &d.title {
                    unit(&t.content, diags);
                }
                if let Some(f) = &d.formula {
                    unit(&f.content, diags);
                }
                for c in &d.preamble {
                    tree(&c.content, &c.subparagraphs, diags);
                }
                for c in &d.operative {
                    tree(&c.content, &c.subparagraphs, diags);
                }
            }
        }
    }
}

fn unit(content: &[Inline], diags: &mut Vec<Diagnostic>) {
    tree(content, &[], diags);
}

fn tree(content: &[Inline], subs: &[crate::ast::SubParagraph], diags: &mut Vec<Diagnostic>) {
    let mut chars = Vec::new();
    chars_with_offsets(content, &mut chars);
    subs_chars(subs, &mut chars);
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

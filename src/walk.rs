//! Visiting every inline node of a document in reading order: masthead,
//! body, annexes, then labelled footnote definitions.

use crate::ast::{Block, Document, Field, Inline, SubParagraph};

/// Calls `f` on every inline node, parents before children, in reading order.
pub fn inlines_mut(doc: &mut Document, f: &mut impl FnMut(&mut Inline)) {
    let m = &mut doc.meta;
    for field in [
        &mut m.symbol,
        &mut m.distribution,
        &mut m.date,
        &mut m.original,
        &mut m.language,
        &mut m.body,
        &mut m.meeting,
        &mut m.place,
        &mut m.dates,
        &mut m.agenda_item,
        &mut m.agenda_title,
        &mut m.provisional_agenda,
        &mut m.title,
        &mut m.kind,
    ]
    .into_iter()
    .flatten()
    {
        content_mut(&mut field.content, f);
    }
    blocks_mut(&mut doc.body, f);
    for annex in &mut doc.annexes {
        field_mut(&mut annex.title, f);
        blocks_mut(&mut annex.content, f);
    }
    for def in &mut doc.footnote_defs {
        content_mut(&mut def.content, f);
    }
}

fn field_mut(field: &mut Option<Field>, f: &mut impl FnMut(&mut Inline)) {
    if let Some(field) = field {
        content_mut(&mut field.content, f);
    }
}

fn blocks_mut(blocks: &mut [Block], f: &mut impl FnMut(&mut Inline)) {
    for block in blocks {
        match block {
            Block::Section(s) => {
                content_mut(&mut s.title, f);
                blocks_mut(&mut s.content, f);
            }
            Block::Paragraph(p) => {
                content_mut(&mut p.content, f);
                subs_mut(&mut p.subparagraphs, f);
            }
            Block::Decision(d) => {
                field_mut(&mut d.symbol, f);
                field_mut(&mut d.title, f);
                if let Some(formula) = &mut d.formula {
                    content_mut(&mut formula.content, f);
                }
                for c in &mut d.preamble {
                    content_mut(&mut c.content, f);
                    subs_mut(&mut c.subparagraphs, f);
                }
                for c in &mut d.operative {
                    content_mut(&mut c.content, f);
                    subs_mut(&mut c.subparagraphs, f);
                }
            }
        }
    }
}

fn subs_mut(subs: &mut [SubParagraph], f: &mut impl FnMut(&mut Inline)) {
    for s in subs {
        content_mut(&mut s.content, f);
        subs_mut(&mut s.children, f);
    }
}

pub fn content_mut(content: &mut [Inline], f: &mut impl FnMut(&mut Inline)) {
    for node in content {
        f(node);
        match node {
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                content_mut(content, f)
            }
            Inline::FootnoteRef(r) => {
                if let Some(content) = &mut r.content {
                    content_mut(content, f);
                }
            }
            _ => {}
        }
    }
}

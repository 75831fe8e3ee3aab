//! Visiting every inline node of a document in reading order: masthead,
//! body, annexes, then the footnotes' texts.

use crate::ast::{Block, Decision, Document, Field, Inline, SubParagraph};

/// Calls `f` on every inline node, parents before children, in reading order.
pub fn inlines_mut(doc: &mut Document, f: &mut impl FnMut(&mut Inline)) {
    for (_, field) in doc.meta.fields_mut() {
        field_mut(field, f);
    }
    text_mut(doc, f);
    for note in &mut doc.footnotes {
        content_mut(&mut note.content, f);
    }
}

/// Calls `f` on every inline node of the body and the annexes (not the
/// masthead, not the footnotes' texts), parents before children.
pub fn text_mut(doc: &mut Document, f: &mut impl FnMut(&mut Inline)) {
    blocks_mut(&mut doc.body, f);
    for annex in &mut doc.annexes {
        field_mut(&mut annex.title, f);
        blocks_mut(&mut annex.content, f);
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
            _ => {}
        }
    }
}

/// Calls `f` on every list of inline content in the body and annexes
/// (titles, paragraphs, clauses, sub-paragraphs), then on the footnotes' texts;
/// nested lists (inside emphasis) are visited after their parent.
pub fn contents(doc: &Document, f: &mut impl FnMut(&[Inline])) {
    fn list(content: &[Inline], f: &mut impl FnMut(&[Inline])) {
        f(content);
        for node in content {
            match node {
                Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                    list(content, f)
                }
                _ => {}
            }
        }
    }
    fn subs(items: &[SubParagraph], f: &mut impl FnMut(&[Inline])) {
        for s in items {
            list(&s.content, f);
            subs(&s.children, f);
        }
    }
    fn blocks(items: &[Block], f: &mut impl FnMut(&[Inline])) {
        for block in items {
            match block {
                Block::Section(s) => {
                    list(&s.title, f);
                    blocks(&s.content, f);
                }
                Block::Paragraph(p) => {
                    list(&p.content, f);
                    subs(&p.subparagraphs, f);
                }
                Block::Decision(d) => {
                    for field in [&d.symbol, &d.title].into_iter().flatten() {
                        list(&field.content, f);
                    }
                    if let Some(formula) = &d.formula {
                        list(&formula.content, f);
                    }
                    for c in &d.preamble {
                        list(&c.content, f);
                        subs(&c.subparagraphs, f);
                    }
                    for c in &d.operative {
                        list(&c.content, f);
                        subs(&c.subparagraphs, f);
                    }
                }
            }
        }
    }
    blocks(&doc.body, f);
    for annex in &doc.annexes {
        if let Some(t) = &annex.title {
            list(&t.content, f);
        }
        blocks(&annex.content, f);
    }
    for note in &doc.footnotes {
        list(&note.content, f);
    }
}

/// Calls `f` on every decision of the body and the annexes, in order.
pub fn decisions(doc: &Document, f: &mut impl FnMut(&Decision)) {
    fn blocks(list: &[Block], f: &mut impl FnMut(&Decision)) {
        for block in list {
            match block {
                Block::Decision(d) => f(d),
                Block::Section(s) => blocks(&s.content, f),
                Block::Paragraph(_) => {}
            }
        }
    }
    blocks(&doc.body, f);
    for annex in &doc.annexes {
        blocks(&annex.content, f);
    }
}

/// [`decisions`], mutable.
pub fn decisions_mut(doc: &mut Document, f: &mut impl FnMut(&mut Decision)) {
    fn blocks(list: &mut [Block], f: &mut impl FnMut(&mut Decision)) {
        for block in list {
            match block {
                Block::Decision(d) => f(d),
                Block::Section(s) => blocks(&mut s.content, f),
                Block::Paragraph(_) => {}
            }
        }
    }
    blocks(&mut doc.body, f);
    for annex in &mut doc.annexes {
        blocks(&mut annex.content, f);
    }
}

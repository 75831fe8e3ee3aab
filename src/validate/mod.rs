//! Stage 4: validation of the drafting conventions on the resolved
//! document. Each rule lives in its own module and only reads the AST.

mod brackets;
mod footnote_placement;
mod metadata;
mod openings;
mod punctuation;

use crate::ast::{Block, Decision, Document, Inline, Span, SubParagraph};
use crate::diag::Diagnostic;

/// Checks `doc`, compiled from `src`, against the drafting conventions.
pub fn validate(doc: &Document, src: &str, diags: &mut Vec<Diagnostic>) {
    let table = doc.language.table();
    metadata::check(doc, diags);
    for_each_decision(doc, &mut |d| {
        punctuation::check(d, diags);
        openings::check(d, table, diags);
    });
    brackets::check(doc, diags);
    footnote_placement::check(doc, src, table, diags);
}

fn for_each_decision(doc: &Document, f: &mut impl FnMut(&Decision)) {
    fn walk(blocks: &[Block], f: &mut impl FnMut(&Decision)) {
        for block in blocks {
            match block {
                Block::Decision(d) => f(d),
                Block::Section(s) => walk(&s.content, f),
                Block::Paragraph(_) => {}
            }
        }
    }
    walk(&doc.body, f);
    for annex in &doc.annexes {
        walk(&annex.content, f);
    }
}

/// The characters of inline content with their source offsets, footnotes
/// left out. Exact for text that equals its source; a folded line break or
/// an escape maps to its own start.
pub(crate) fn chars_with_offsets(content: &[Inline], out: &mut Vec<(char, usize)>) {
    for node in content {
        match node {
            Inline::Text { text, span } => {
                let exact = span.end - span.start == text.len();
                for (i, c) in text.char_indices() {
                    out.push((c, if exact { span.start + i } else { span.start }));
                }
            }
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                chars_with_offsets(content, out)
            }
            Inline::DecisionRef(r) => {
                out.extend(r.text.char_indices().map(|(i, c)| (c, r.span.start + i)))
            }
            Inline::DocumentRef(r) => {
                out.extend(r.symbol.char_indices().map(|(i, c)| (c, r.span.start + i)))
            }
            Inline::CrossRef(_) | Inline::FootnoteRef(_) => {}
        }
    }
}

/// A sub-paragraph tree's characters, in reading order.
fn subs_chars(subs: &[SubParagraph], out: &mut Vec<(char, usize)>) {
    for s in subs {
        out.push(('\n', s.span.start));
        chars_with_offsets(&s.content, out);
        subs_chars(&s.children, out);
    }
}

/// The span of one character at `offset`.
fn char_span(offset: usize, c: char) -> Span {
    Span::new(offset, offset + c.len_utf8())
}

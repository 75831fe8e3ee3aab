//! Stage 4: validation of the drafting conventions on the resolved
//! document. Each rule lives in its own module and only reads the AST.

mod brackets;
mod footnote_placement;
mod metadata;
mod openings;
mod punctuation;

use crate::ast::{Document, Inline, Span, SubParagraph};
use crate::diag::Diagnostic;

/// Checks `doc`, compiled from `src`, against the drafting conventions.
pub fn validate(doc: &Document, src: &str, diags: &mut Vec<Diagnostic>) {
    let table = doc.language.table();
    metadata::check(doc, diags);
    crate::walk::decisions(doc, &mut |d| {
        punctuation::check(d, &table.marks, diags);
        openings::check(d, table, diags);
    });
    brackets::check(doc, diags);
    footnote_placement::check(doc, src, table, diags);
}

/// The characters of inline content with their source spans, footnotes
/// left out. Exact for text that equals its source; text that differs from
/// its source (an escape `\\x`, a folded line break or tab) is the end of its
/// source, where the escaped character or the last blank stands; text longer
/// than its source (none is written so today) gets the whole node's span.
/// Every span is on character boundaries of the source.
pub(crate) fn chars_with_offsets(content: &[Inline], out: &mut Vec<(char, Span)>) {
    for node in content {
        match node {
            Inline::Text { text, span } => {
                let len = span.end - span.start;
                let base = if len >= text.len() {
                    Some(span.end - text.len())
                } else {
                    None
                };
                for (i, c) in text.char_indices() {
                    out.push((
                        c,
                        match base {
                            Some(b) => char_span(b + i, c),
                            None => *span,
                        },
                    ));
                }
            }
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                chars_with_offsets(content, out)
            }
            Inline::DecisionRef(r) => exact(&r.text, r.span, out),
            Inline::DocumentRef(r) => exact(&r.symbol, r.span, out),
            Inline::CrossRef(_) | Inline::FootnoteRef(_) => {}
        }
    }
}

/// Text that is written as it stands in the source, if the span says so.
fn exact(text: &str, span: Span, out: &mut Vec<(char, Span)>) {
    let fits = span.end - span.start == text.len();
    out.extend(text.char_indices().map(|(i, c)| {
        (
            c,
            if fits {
                char_span(span.start + i, c)
            } else {
                span
            },
        )
    }));
}

/// A sub-paragraph tree's characters, in reading order.
fn subs_chars(subs: &[SubParagraph], out: &mut Vec<(char, Span)>) {
    for s in subs {
        out.push(('\n', Span::new(s.span.start, s.span.start)));
        chars_with_offsets(&s.content, out);
        subs_chars(&s.children, out);
    }
}

/// The span of one character at `offset`.
fn char_span(offset: usize, c: char) -> Span {
    Span::new(offset, offset + c.len_utf8())
}

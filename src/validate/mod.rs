//! Stage 4: validation of the drafting conventions on the resolved
//! document. Each rule lives in its own module and only reads the AST.

mod brackets;
mod emphasis;
mod footnote_placement;
mod labels;
mod metadata;
mod openings;
mod punctuation;

use crate::ast::{DecisionRef, Document, DocumentRef, FootnoteRef, Inline, Span, SubParagraph};
use crate::diag::Diagnostic;
use crate::visit::{Visitor, walk_subparagraph};

/// Checks `doc`, compiled from `src`, against the drafting conventions.
pub fn validate(doc: &Document, src: &str, diags: &mut Vec<Diagnostic>) {
    let table = doc.language.table();
    metadata::check(doc, diags);
    punctuation::check(doc, table, diags);
    openings::check(doc, table, diags);
    brackets::check(doc, src, diags);
    labels::check(doc, diags);
    emphasis::check(doc, src, diags);
    footnote_placement::check(doc, src, table, diags);
}

/// The characters of inline content with their source spans, footnotes
/// left out. Exact for text that equals its source; text that differs from
/// its source (an escape `\\x`, a folded line break or tab) is the end of its
/// source, where the escaped character or the last blank stands; text longer
/// than its source (none is written so today) gets the whole node's span.
/// Every span is on character boundaries of the source.
pub(crate) fn chars_with_offsets(content: &[Inline], out: &mut Vec<(char, Span)>) {
    Chars {
        out,
        keep: |_| true,
        lead: &[true; 256],
    }
    .visit_content(content);
}

/// The characters of inline content for which `keep` holds, and of a
/// sub-paragraph tree after it, in reading order, with their spans as
/// [`chars_with_offsets`] gives them: the rules that look for a few marks
/// (brackets, quotation marks) need not collect every letter.
///
/// `lead` holds, for each byte, whether a character `keep` accepts may
/// begin with it: a text with none of those bytes is skipped without
/// being decoded.
fn marks_with_offsets(
    content: &[Inline],
    subs: &[SubParagraph],
    keep: fn(char) -> bool,
    lead: &'static [bool; 256],
    out: &mut Vec<(char, Span)>,
) {
    let mut chars = Chars { out, keep, lead };
    chars.visit_content(content);
    for s in subs {
        chars.visit_subparagraph(s);
    }
}

/// Collects characters (see [`chars_with_offsets`]); a sub-paragraph
/// starts with a line break.
struct Chars<'a> {
    out: &'a mut Vec<(char, Span)>,
    keep: fn(char) -> bool,
    lead: &'static [bool; 256],
}

impl Visitor for Chars<'_> {
    fn visit_subparagraph(&mut self, s: &SubParagraph) {
        if (self.keep)('\n') {
            self.out.push(('\n', Span::new(s.span.start, s.span.start)));
        }
        walk_subparagraph(self, s);
    }

    fn visit_text(&mut self, text: &str, span: &Span) {
        if !text.bytes().any(|b| self.lead[usize::from(b)]) {
            return;
        }
        let len = span.end - span.start;
        let base = if len >= text.len() {
            Some(span.end - text.len())
        } else {
            None
        };
        for (i, c) in text.char_indices() {
            if (self.keep)(c) {
                self.out.push((
                    c,
                    match base {
                        Some(b) => char_span(b + i, c),
                        None => *span,
                    },
                ));
            }
        }
    }

    fn visit_decision_ref(&mut self, r: &DecisionRef) {
        exact(&r.text, r.span, self.keep, self.out);
    }

    fn visit_document_ref(&mut self, r: &DocumentRef) {
        exact(&r.symbol, r.span, self.keep, self.out);
    }

    /// A footnote is not part of the text it is attached to.
    fn visit_footnote_ref(&mut self, _: &FootnoteRef) {}
}

/// Text that is written as it stands in the source, if the span says so.
fn exact(text: &str, span: Span, keep: fn(char) -> bool, out: &mut Vec<(char, Span)>) {
    let fits = span.end - span.start == text.len();
    out.extend(text.char_indices().filter(|&(_, c)| keep(c)).map(|(i, c)| {
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

/// The span of one character at `offset`.
fn char_span(offset: usize, c: char) -> Span {
    Span::new(offset, offset + c.len_utf8())
}

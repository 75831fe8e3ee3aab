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
    Chars(out).visit_content(content);
}

/// A sub-paragraph tree's characters, in reading order, each sub-paragraph
/// starting with a line break.
fn subs_chars(subs: &[SubParagraph], out: &mut Vec<(char, Span)>) {
    let mut chars = Chars(out);
    for s in subs {
        chars.visit_subparagraph(s);
    }
}

/// Collects characters (see [`chars_with_offsets`]).
struct Chars<'a>(&'a mut Vec<(char, Span)>);

impl Visitor for Chars<'_> {
    fn visit_subparagraph(&mut self, s: &SubParagraph) {
        self.0.push(('\n', Span::new(s.span.start, s.span.start)));
        walk_subparagraph(self, s);
    }

    fn visit_text(&mut self, text: &str, span: &Span) {
        let len = span.end - span.start;
        let base = if len >= text.len() {
            Some(span.end - text.len())
        } else {
            None
        };
        for (i, c) in text.char_indices() {
            self.0.push((
                c,
                match base {
                    Some(b) => char_span(b + i, c),
                    None => *span,
                },
            ));
        }
    }

    fn visit_decision_ref(&mut self, r: &DecisionRef) {
        exact(&r.text, r.span, self.0);
    }

    fn visit_document_ref(&mut self, r: &DocumentRef) {
        exact(&r.symbol, r.span, self.0);
    }

    /// A footnote is not part of the text it is attached to.
    fn visit_footnote_ref(&mut self, _: &FootnoteRef) {}
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

/// The span of one character at `offset`.
fn char_span(offset: usize, c: char) -> Span {
    Span::new(offset, offset + c.len_utf8())
}

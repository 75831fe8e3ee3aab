//! Where the footnote indicator stands relative to punctuation: after it in
//! English, before it in French, Spanish and Russian (`LangTable`).

use crate::ast::{Document, Inline, Span};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::LangTable;
use crate::visit::{Visitor, walk_content};

const MARKS: [char; 4] = [',', ';', ':', '.'];

pub(super) fn check(doc: &Document, src: &str, table: &LangTable, diags: &mut Vec<Diagnostic>) {
    Placement { src, table, diags }.visit_document(doc);
}

struct Placement<'a> {
    src: &'a str,
    table: &'a LangTable,
    diags: &'a mut Vec<Diagnostic>,
}

impl Visitor for Placement<'_> {
    /// An indicator and the punctuation beside it are neighbours in one list.
    fn visit_content(&mut self, content: &[Inline]) {
        for (i, node) in content.iter().enumerate() {
            let Inline::FootnoteRef(r) = node else {
                continue;
            };
            let note = &self.src[r.span.start..r.span.end];
            if self.table.footnote_before_punctuation {
                // `text,^{…}` should be `text^{…},`
                let Some(Inline::Text { text, span }) =
                    i.checked_sub(1).and_then(|j| content.get(j))
                else {
                    continue;
                };
                let Some(mark) = text.chars().last().filter(|c| MARKS.contains(c)) else {
                    continue;
                };
                if span.end != r.span.start || span.end - span.start != text.len() {
                    continue;
                }
                let at = Span::new(span.end - mark.len_utf8(), r.span.end);
                self.diags.push(misplaced(
                    at,
                    r.span,
                    mark,
                    "before",
                    format!("{note}{mark}"),
                ));
            } else {
                // `text^{…},` should be `text,^{…}`
                let Some(Inline::Text { text, span }) = content.get(i + 1) else {
                    continue;
                };
                let Some(mark) = text.chars().next().filter(|c| MARKS.contains(c)) else {
                    continue;
                };
                if span.start != r.span.end || span.end - span.start != text.len() {
                    continue;
                }
                let at = Span::new(r.span.start, span.start + mark.len_utf8());
                self.diags.push(misplaced(
                    at,
                    r.span,
                    mark,
                    "after",
                    format!("{mark}{note}"),
                ));
            }
        }
        walk_content(self, content);
    }
}

fn misplaced(whole: Span, note: Span, mark: char, side: &str, replacement: String) -> Diagnostic {
    Diagnostic::new(
        Code::W0208,
        note,
        format!("in this language the footnote indicator stands {side} the `{mark}`"),
    )
    .label("footnote indicator")
    .help(format!("move the indicator {side} the `{mark}`"))
    .fix(whole, replacement, Applicability::Safe)
}

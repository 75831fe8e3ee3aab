//! Recognition of the opening words of preambular clauses and operative
//! paragraphs, and of the actor an operative paragraph addresses.

use crate::ast::{
    Addressee, Document, Inline, Opening, OpeningSource, OperativeParagraph, PreambularClause, Span,
};
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::visit::mutable::VisitorMut;

pub(super) fn recognise(doc: &mut Document, table: &LangTable) {
    Openings { table }.visit_document(doc);
}

struct Openings<'a> {
    table: &'a LangTable,
}

// Opening words are the first words of a clause: nothing inside one is visited.
impl VisitorMut for Openings<'_> {
    fn visit_preambular_clause(&mut self, clause: &mut PreambularClause) {
        if clause.opening.is_none() {
            clause.opening = opening(&mut clause.content, self.table, true);
        }
        spacing(&mut clause.opening, &clause.content, self.table);
    }

    fn visit_operative_paragraph(&mut self, para: &mut OperativeParagraph) {
        if para.opening.is_none() {
            para.opening = opening(&mut para.content, self.table, false);
        }
        if para.opening.is_some() {
            para.addressee = addressee(&para.content, self.table);
        }
        spacing(&mut para.opening, &para.content, self.table);
    }
}

/// Whether a space is printed after the opening words: in languages that
/// separate words, unless the rest starts with a blank, with punctuation
/// ("признавая, что …") or with a footnote indicator.
fn spacing(opening: &mut Option<Opening>, rest: &[Inline], table: &LangTable) {
    let Some(opening) = opening else { return };
    let first = rest.iter().find_map(|i| match i {
        Inline::Text { text, .. } => text.chars().next(),
        Inline::FootnoteRef(_) => Some(','),
        _ => Some('a'),
    });
    opening.space_after = table.typography.word_spaces
        && first.is_some_and(|c| !(c.is_whitespace() || ",;:.)]".contains(c)));
}

/// Takes the opening words off the front of `content`: a leading `*…*`, or
/// the longest lexicon entry.
fn opening(content: &mut Vec<Inline>, table: &LangTable, preambular: bool) -> Option<Opening> {
    match content.first_mut()? {
        // Only plain words can be opening words: an emphasis holding a
        // footnote or a reference stays in the content, where nothing is lost.
        Inline::Emphasis {
            content: words,
            span,
        } if words.iter().all(|w| matches!(w, Inline::Text { .. })) => {
            let opening = Opening {
                text: plain_text(words),
                source: OpeningSource::Marked,
                space_after: false,
                span: *span,
            };
            content.remove(0);
            Some(opening)
        }
        Inline::Text { text, span } => {
            let len = table.match_opening(text, preambular)?;
            // Where the text equals its source the split is exact; otherwise
            // (an escape or folded blank inside the node) both halves keep
            // the node's span, which at least lies on character boundaries.
            let exact = span.end - span.start == text.len();
            let end = if exact { span.start + len } else { span.end };
            let opening = Opening {
                text: text[..len].to_string(),
                source: OpeningSource::Lexicon,
                space_after: false,
                span: Span::new(span.start, end),
            };
            text.drain(..len);
            if exact {
                span.start = end;
            }
            if text.is_empty() {
                content.remove(0);
            }
            Some(opening)
        }
        _ => None,
    }
}

fn addressee(content: &[Inline], table: &LangTable) -> Option<Addressee> {
    let Some(Inline::Text { text, span }) = content.first() else {
        return None;
    };
    let lead = text.len() - text.trim_start().len();
    let len = table.match_actor(&text[lead..])?;
    let start = span.start + lead;
    Some(Addressee {
        text: text[lead..lead + len].to_string(),
        span: Span::new(start, (start + len).min(span.end)),
    })
}

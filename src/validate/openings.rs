//! Opening words: known to the language's lexicon, and capitalised as the
//! language wants.

use crate::ast::{
    Document, Inline, Opening, OpeningSource, OperativeParagraph, PreambularClause, Span,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::visit::Visitor;

pub(super) fn check(doc: &Document, table: &LangTable, diags: &mut Vec<Diagnostic>) {
    Openings { table, diags }.visit_document(doc);
}

struct Openings<'a> {
    table: &'a LangTable,
    diags: &'a mut Vec<Diagnostic>,
}

// Opening words are the first words of a clause: nothing inside one is visited.
impl Visitor for Openings<'_> {
    fn visit_preambular_clause(&mut self, clause: &PreambularClause) {
        let opening = clause.opening.as_ref();
        check_one(opening, &clause.content, true, self.table, self.diags);
    }

    fn visit_operative_paragraph(&mut self, para: &OperativeParagraph) {
        let opening = para.opening.as_ref();
        check_one(opening, &para.content, false, self.table, self.diags);
    }
}

fn check_one(
    opening: Option<&Opening>,
    content: &[Inline],
    preambular: bool,
    table: &LangTable,
    diags: &mut Vec<Diagnostic>,
) {
    let what = if preambular {
        "preambular clause"
    } else {
        "operative paragraph"
    };
    let Some(opening) = opening else {
        let text = plain_text(content);
        let first_word = text.split_whitespace().next().unwrap_or("");
        let Some(first) = content.first() else { return };
        if let Inline::Emphasis { span, .. } = first {
            diags.push(
                Diagnostic::new(Code::W0209, *span, format!("the opening words of this {what} hold a footnote or a reference"))
                    .label("marked opening words")
                    .help("opening words are words only: put the footnote or reference after the closing `*`"),
            );
            return;
        }
        // The first word when the first node is text equal to its source;
        // otherwise the whole first node.
        let span = match first {
            Inline::Text { text, span }
                if span.end - span.start == text.len() && text.starts_with(first_word) =>
            {
                Span::new(span.start, span.start + first_word.len())
            }
            other => other.span(),
        };
        let mut d = Diagnostic::new(
            Code::W0206,
            span,
            format!("this {what} does not start with opening words draftdec knows"),
        )
        .label("unknown opening words");
        d = match table.closest_opening(&text, preambular) {
            Some(entry) => d.help(format!("did you mean `{entry}`? If the words are right, mark them as opening words: `*{first_word} …*`")),
            None => d.help(format!("mark the opening words: `*{first_word} …*`")),
        };
        diags.push(d);
        return;
    };
    let Some(first) = opening.text.chars().next() else {
        return;
    };
    // Caseless scripts (Arabic, Chinese) are always right.
    if !table.opener_case_ok(&opening.text) {
        let fixed: String = if table.capitalised_openers {
            first.to_uppercase().collect()
        } else {
            first.to_lowercase().collect()
        };
        let case = if table.capitalised_openers {
            "a capital letter"
        } else {
            "a lower-case letter"
        };
        // The first letter's place in the source, when it is known exactly:
        // lexicon words equal to their source, or `*words*`.
        let len = opening.span.end - opening.span.start;
        let at = match opening.source {
            OpeningSource::Lexicon if len == opening.text.len() => Some(opening.span.start),
            OpeningSource::Marked if len == opening.text.len() + 2 => Some(opening.span.start + 1),
            _ => None,
        };
        let help = format!("write `{fixed}{}`", &opening.text[first.len_utf8()..]);
        let message = format!("opening words start with {case} in this language");
        let d = match at {
            Some(at) => {
                let letter = Span::new(at, at + first.len_utf8());
                Diagnostic::new(Code::W0207, letter, message)
                    .label(format!("write `{fixed}`"))
                    .help(help)
                    .fix(letter, fixed, Applicability::Safe)
            }
            None => Diagnostic::new(Code::W0207, opening.span, message)
                .label("opening words")
                .help(help),
        };
        diags.push(d);
    }
}

//! What a draft leaves to negotiate: the final gate (`check --final`).
//! A text to be adopted holds no negotiation brackets and no alternatives;
//! each one left is an error at its place.

use crate::ast::{Alternatives, Bracket, Document, Span};
use crate::diag::{Code, Diagnostic};
use crate::visit::{Visitor, walk_bracket};

/// How much a draft leaves to negotiate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outstanding {
    /// Bracketed texts, nested ones included, outside alternatives.
    pub brackets: usize,
    /// Sets of alternatives (`[shall][should]`).
    pub alternatives: usize,
}

impl Outstanding {
    pub fn is_empty(&self) -> bool {
        self.brackets == 0 && self.alternatives == 0
    }
}

/// Every bracket and set of alternatives left in `doc`, compiled from
/// `src`, as errors in source order, with their count.
pub fn final_gate(doc: &Document, src: &str) -> (Vec<Diagnostic>, Outstanding) {
    let mut gate = Gate {
        src,
        diags: Vec::new(),
        left: Outstanding::default(),
    };
    gate.visit_document(doc);
    gate.diags.sort_by_key(|d| d.primary.span.start);
    (gate.diags, gate.left)
}

struct Gate<'a> {
    src: &'a str,
    diags: Vec<Diagnostic>,
    left: Outstanding,
}

impl Gate<'_> {
    fn bracket(&mut self, span: Span, label: &str) {
        self.left.brackets += 1;
        self.diags.push(
            Diagnostic::new(Code::E0116, span, "square brackets left in a final text")
                .label(label)
                .help("agree on the text and remove the brackets, or delete the bracketed text"),
        );
    }
}

impl Visitor for Gate<'_> {
    fn visit_bracket(&mut self, b: &Bracket) {
        self.bracket(b.span, "bracketed text");
        walk_bracket(self, b);
    }

    fn visit_alternatives(&mut self, a: &Alternatives) {
        self.left.alternatives += 1;
        let mut d = Diagnostic::new(
            Code::E0117,
            a.span,
            format!("{} alternatives left in a final text", a.options.len()),
        )
        .label("choose one")
        .help("keep one of the alternatives, without its brackets, and delete the others");
        for (i, option) in a.options.iter().enumerate() {
            d = d.secondary(option.span, format!("alternative {}", i + 1));
        }
        self.diags.push(d);
        // Brackets inside an alternative are left too.
        for option in &a.options {
            self.visit_content(&option.content);
        }
    }

    /// A bracket that opens in one run of text and closes in another
    /// (across sub-paragraphs) stays text; it is left all the same.
    fn visit_text(&mut self, text: &str, span: &Span) {
        if self.src.get(span.start..span.end) != Some(text) {
            return;
        }
        for (i, c) in text.char_indices() {
            if c == '[' {
                let at = span.start + i;
                self.bracket(Span::new(at, at + 1), "opens bracketed text");
            }
        }
    }
}

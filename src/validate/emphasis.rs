//! Bold and italics used for emphasis, which the UN Editorial Manual rules
//! out: "Italics are not used for … emphasis", and "in running text, bold
//! print is used only for conclusions and recommendations in documents
//! submitted to legislative bodies" (General Assembly resolution 52/214,
//! sect. B, para. 25).
//!
//! Only what is emphasis for certain is reported:
//! - bold in a decision's text: a decision is the organ's own text, not a
//!   conclusion or recommendation put to it, and UN decisions set nothing
//!   in bold;
//! - bold italics anywhere: none of the manual's uses of either calls for
//!   both at once.
//!
//! Italics alone are never reported. Titles of publications, foreign
//! words, species names, ships' names, variables and an operative verb in
//! the middle of a paragraph ("and *requests*") are italic in UN texts, and
//! only a reader can tell them from emphasis.

use crate::ast::{Decision, Document, Inline, Span};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::visit::{Visitor, walk_decision, walk_emphasis, walk_strong};

pub(super) fn check(doc: &Document, src: &str, diags: &mut Vec<Diagnostic>) {
    Emphasis {
        src,
        in_decision: false,
        diags,
    }
    .visit_document(doc);
}

struct Emphasis<'a> {
    src: &'a str,
    in_decision: bool,
    diags: &'a mut Vec<Diagnostic>,
}

fn holds(content: &[Inline], strong: bool) -> bool {
    content.iter().any(|i| match i {
        Inline::Emphasis { content, .. } => !strong || holds(content, strong),
        Inline::Strong { content, .. } => strong || holds(content, strong),
        _ => false,
    })
}

const HELP: &str = "the UN Editorial Manual uses neither bold nor italics for emphasis: \
                    let the wording carry the weight";

impl Emphasis<'_> {
    fn bold_italics(&mut self, span: Span) {
        self.diags.push(
            Diagnostic::new(Code::W0210, span, "bold italics used for emphasis")
                .label("bold and italic")
                .help(HELP),
        );
    }
}

impl Visitor for Emphasis<'_> {
    fn visit_decision(&mut self, d: &Decision) {
        let outer = std::mem::replace(&mut self.in_decision, true);
        walk_decision(self, d);
        self.in_decision = outer;
    }

    fn visit_strong(&mut self, content: &[Inline], span: &Span) {
        if self.in_decision {
            let mut d = Diagnostic::new(Code::W0210, *span, "bold used for emphasis in a decision")
                .label("bold")
                .help(HELP);
            // `**text**` becomes `text` when the span is exactly the markup.
            let source = &self.src[span.start..span.end];
            if let Some(inner) = source.strip_prefix("**").and_then(|s| s.strip_suffix("**")) {
                d = d.fix(*span, inner.to_string(), Applicability::Safe);
            }
            self.diags.push(d);
        } else if holds(content, false) {
            self.bold_italics(*span);
        } else {
            walk_strong(self, content, span);
        }
    }

    fn visit_emphasis(&mut self, content: &[Inline], span: &Span) {
        // Bold inside italics in a decision is reported as bold, below.
        if !self.in_decision && holds(content, true) {
            self.bold_italics(*span);
        } else {
            walk_emphasis(self, content, span);
        }
    }
}

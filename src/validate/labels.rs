//! Labels that look like something they are not: a label written in two
//! scripts (`op-а` with a Cyrillic `а`), and two labels that look the same
//! (UTS #39 confusables). Either makes `@op-a` point where the drafter
//! cannot see. Labels are already in composed form (NFC, `lower`), and
//! invisible characters inside them are reported by hygiene (W0013).

use std::collections::HashMap;

use unicode_security::{MixedScript, skeleton};

use crate::ast::{CrossRef, Document, Footnote, FootnoteRef, Label};
use crate::diag::{Code, Diagnostic};
use crate::visit::Visitor;

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let mut defs = Definitions::default();
    defs.visit_document(doc);
    for list in [&defs.nodes, &defs.footnotes] {
        confusable(list, diags);
    }
    for label in defs.nodes.iter().chain(&defs.footnotes) {
        if !label.name.as_str().is_single_script() {
            diags.push(
                Diagnostic::new(
                    Code::W0141,
                    label.span,
                    format!(
                        "the label `{}` mixes letters of several scripts",
                        label.name
                    ),
                )
                .label("mixed scripts")
                .help(
                    "write a label in one script: one that mixes them can look like another label",
                ),
            );
        }
    }
}

/// Labels where they are defined: on nodes (`<name>`) and on named
/// footnotes (`^name:`), each its own namespace; references are not
/// definitions.
#[derive(Default)]
struct Definitions {
    nodes: Vec<Label>,
    footnotes: Vec<Label>,
}

impl Visitor for Definitions {
    fn visit_label(&mut self, label: &Label) {
        self.nodes.push(label.clone());
    }

    fn visit_footnote(&mut self, footnote: &Footnote) {
        if let Some(label) = &footnote.label {
            self.footnotes.push(label.clone());
        }
        self.visit_content(&footnote.content);
    }

    fn visit_cross_ref(&mut self, _: &CrossRef) {}

    fn visit_footnote_ref(&mut self, _: &FootnoteRef) {}
}

/// Two different labels with the same skeleton look alike.
fn confusable(labels: &[Label], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, &Label> = HashMap::new();
    for label in labels {
        let shape: String = skeleton(&label.name).collect();
        match seen.get(&shape) {
            Some(first) if first.name != label.name => diags.push(
                Diagnostic::new(
                    Code::W0142,
                    label.span,
                    format!(
                        "the label `{}` looks like `{}` but is another label",
                        label.name, first.name
                    ),
                )
                .label("looks like another label")
                .secondary(first.span, "the label it looks like")
                .help("rename one of them: a reference to either reads the same"),
            ),
            Some(_) => {}
            None => {
                seen.insert(shape, label);
            }
        }
    }
}

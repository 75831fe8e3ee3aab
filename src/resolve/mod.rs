//! Stage 3: resolution. Finds the language, recognises opening words,
//! computes every number and designation, resolves labels, cross-references
//! and footnotes. Fills the AST's *resolved* fields.

mod footnotes;
mod numbering;
mod openings;
mod presentation;

pub(crate) use numbering::decision_reference;

use std::collections::HashMap;

use crate::ast::{Annex, CrossRef, Document, RefTarget, Span, TargetKind};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::{Lang, LangTable};
use crate::visit::mutable::VisitorMut;

/// What a label names.
#[derive(Clone, Debug)]
pub(crate) struct LabelTarget {
    pub kind: TargetKind,
    /// The text of a reference with its noun ("paragraph 4 (b)").
    pub full: String,
    /// The bare designation ("4 (b)").
    pub bare: String,
    /// A sub-paragraph named alone, with its noun ("subparagraph (b)") and
    /// bare ("(b)"); for other nodes, `full` and `bare` again.
    pub short: String,
    pub short_bare: String,
    /// The annex the node is in, outside any decision in it: its ordinal
    /// and how a reference from elsewhere names it.
    pub annex: Option<(u32, AnnexOf)>,
    pub anchor: String,
    /// The label where it is defined.
    pub span: Span,
    /// The labelled node.
    pub node: Span,
}

pub fn resolve(doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    let table = language(doc, diags);
    openings::recognise(doc, table);
    let labels = numbering::number(doc, table, diags);
    cross_refs(doc, table, &labels, diags);
    presentation::present(doc, table);
    footnotes::number(doc, table, diags);
}

/// The table for the document's `language:`; English when it is missing or
/// not a language code (validation reports a missing one).
fn language(doc: &mut Document, diags: &mut Vec<Diagnostic>) -> &'static LangTable {
    let Some(field) = &doc.meta.language else {
        return Lang::En.table();
    };
    match Lang::from_code(&field.text) {
        Some(lang) => {
            doc.language = lang;
            lang.table()
        }
        None => {
            diags.push(
                Diagnostic::new(
                    Code::E0005,
                    field.span,
                    format!("`{}` is not a language code", field.text),
                )
                .label("unknown language")
                .help(format!("write one of {}", crate::lang::language_codes())),
            );
            Lang::En.table()
        }
    }
}

/// How a reference from outside an annex names it.
#[derive(Clone, Debug)]
pub(crate) enum AnnexOf {
    /// The document's only annex.
    Single,
    /// Annex `{}`: its numeral.
    Numbered(String),
}

/// A reference's `text` as read from outside the annex its target is in
/// ("paragraph 2 of annex I", "paragraph 2 of the annex"); the amendments
/// document names a paragraph of an annex the same way.
pub(crate) fn of_annex(table: &LangTable, text: &str, of: &AnnexOf) -> String {
    match of {
        AnnexOf::Single => table.refs.in_single_annex.replace("{ref}", text),
        AnnexOf::Numbered(numeral) => table
            .refs
            .in_annex
            .replace("{ref}", text)
            .replace("{}", numeral),
    }
}

fn cross_refs(
    doc: &mut Document,
    table: &'static LangTable,
    labels: &HashMap<String, LabelTarget>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut names: Vec<&str> = labels.keys().map(String::as_str).collect();
    names.sort_unstable();
    CrossRefs {
        table,
        annex: 0,
        labels,
        names,
        unknown: 0,
        diags,
    }
    .visit_document(doc);
}

/// Fills every cross-reference's target.
struct CrossRefs<'a> {
    table: &'static LangTable,
    /// The annex being visited (its ordinal), 0 in the body.
    annex: u32,
    labels: &'a HashMap<String, LabelTarget>,
    /// The labels, sorted, for suggestions.
    names: Vec<&'a str>,
    unknown: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl VisitorMut for CrossRefs<'_> {
    fn visit_annex(&mut self, annex: &mut Annex) {
        self.annex += 1;
        crate::visit::mutable::walk_annex(self, annex);
    }

    fn visit_cross_ref(&mut self, r: &mut CrossRef) {
        match self.labels.get(&r.label.name) {
            Some(t) => {
                let mut text = match (r.bare, r.short) {
                    (false, false) => t.full.clone(),
                    (true, false) => t.bare.clone(),
                    (false, true) => t.short.clone(),
                    (true, true) => t.short_bare.clone(),
                };
                // From outside its annex, a paragraph is named with the
                // annex ("paragraph 2 of annex I"); a bare reference is
                // the drafter's to complete.
                if let Some((_, of)) = t.annex.as_ref().filter(|(n, _)| *n != self.annex)
                    && !r.bare
                {
                    text = of_annex(self.table, &text, of);
                }
                r.target = Some(RefTarget {
                    kind: t.kind,
                    text,
                    anchor: t.anchor.clone(),
                    span: t.node,
                    label_span: t.span,
                });
            }
            None => {
                let mut d = Diagnostic::new(
                    Code::E0102,
                    r.label.span,
                    format!("no label `{}` in this draft", r.label.name),
                )
                .label("unknown label");
                self.unknown += 1;
                let near = (self.unknown <= crate::util::MAX_SUGGESTIONS)
                    .then(|| crate::util::closest(&r.label.name, self.names.iter().copied()))
                    .flatten();
                d = match near {
                    Some(name) => d.help(format!("did you mean `{name}`?")).fix(r.label.span, name, Applicability::NeedsReview),
                    None => d.help("labels are written `<name>` right after a paragraph's number or a heading's `#`"),
                };
                self.diags.push(d);
            }
        }
    }
}

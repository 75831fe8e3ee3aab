//! Numbers and designations of sections, paragraphs, clauses,
//! sub-paragraphs, decisions and annexes; typed numbers checked; labels
//! collected.

use std::collections::HashMap;

use super::LabelTarget;
use crate::ast::{
    Annex, Decision, Designation, Document, Label, OperativeParagraph, Paragraph, PreambularClause,
    Section, Span, SubParagraph, TargetKind, Typed,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::{Counter, LangTable};
use crate::visit::Visitor;
use crate::visit::mutable::{
    VisitorMut, walk_annex, walk_decision, walk_operative_paragraph, walk_paragraph,
    walk_preambular_clause, walk_section, walk_subparagraph,
};

struct Numberer<'a> {
    table: &'a LangTable,
    diags: &'a mut Vec<Diagnostic>,
    labels: HashMap<String, LabelTarget>,
    /// Decisions in the document; anchors carry the decision's number when
    /// there is more than one.
    decisions: usize,
    decision_index: usize,
    /// Unnumbered paragraphs that have sub-paragraphs, for their anchors.
    plain_index: usize,
    /// Annexes in the document: a single one has no numeral.
    annexes: usize,
    annex_index: u32,
    /// The division (the body or an annex): its anchors' prefix and its
    /// sections and paragraphs, numbered afresh in each.
    prefix: String,
    sections: u32,
    paragraphs: u32,
    /// The enclosing sections, innermost last, each with the sub-sections
    /// numbered in it so far.
    sections_open: Vec<(Designation, u32)>,
    /// The decision being numbered: its clauses' anchor prefix, its clauses
    /// numbered so far, and whether it has one operative paragraph.
    clause_prefix: String,
    preambular: u32,
    operative: u32,
    single_operative: bool,
    /// The paragraphs, clauses and sub-paragraphs that hold the
    /// sub-paragraphs being numbered, innermost last: each designation, the
    /// words that name it in references, and its sub-paragraphs so far.
    holders: Vec<(Designation, &'static str, u32)>,
}

/// Counts the decisions.
struct Decisions(usize);

impl Visitor for Decisions {
    fn visit_decision(&mut self, _: &Decision) {
        self.0 += 1;
    }
}

pub(super) fn number(
    doc: &mut Document,
    table: &LangTable,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, LabelTarget> {
    let mut decisions = Decisions(0);
    decisions.visit_document(doc);
    let mut n = Numberer {
        table,
        diags,
        labels: HashMap::new(),
        decisions: decisions.0,
        decision_index: 0,
        plain_index: 0,
        annexes: doc.annexes.len(),
        annex_index: 0,
        prefix: String::new(),
        sections: 0,
        paragraphs: 0,
        sections_open: Vec::new(),
        clause_prefix: String::new(),
        preambular: 0,
        operative: 0,
        single_operative: false,
        holders: Vec::new(),
    };
    n.visit_document(doc);
    n.labels
}

impl VisitorMut for Numberer<'_> {
    fn visit_annex(&mut self, annex: &mut Annex) {
        self.annex_index += 1;
        let ordinal = self.annex_index;
        let single = self.annexes == 1;
        let text = self.table.annex_counter.format(ordinal);
        let path = if single { String::new() } else { text.clone() };
        let anchor = format!("annex-{ordinal}");
        let display = path.clone();
        if let Some(label) = &annex.label {
            let full = if single {
                self.table.refs.annex_single.to_string()
            } else {
                self.table.annex_ref(ordinal)
            };
            // A single annex has no numeral: `@#label` prints its name too.
            let bare = if single { full.clone() } else { path.clone() };
            self.label(label, annex.span, TargetKind::Annex, full, bare, &anchor);
        }
        annex.number = Some(Designation {
            ordinal,
            text,
            display,
            path,
            anchor: anchor.clone(),
        });
        self.prefix = format!("{anchor}-");
        self.sections = 0;
        self.paragraphs = 0;
        walk_annex(self, annex);
    }

    fn visit_section(&mut self, s: &mut Section) {
        let prefix = &self.prefix;
        let (ordinal, text, display, path, anchor, kind, full) = match self.sections_open.last_mut()
        {
            None => {
                self.sections += 1;
                let n = self.sections;
                let text = self.table.section.format(n);
                let display = self.table.section_label(n);
                let full = self.table.section_ref(n);
                (
                    n,
                    text.clone(),
                    display,
                    text,
                    format!("{prefix}sec-{n}"),
                    TargetKind::Section,
                    full,
                )
            }
            Some((p, subsections)) => {
                *subsections += 1;
                let n = *subsections;
                let text = self.table.subsection.format(n);
                let path = format!("{}.{}", p.path, text);
                // Anchors are the same in every language version.
                let anchor = format!("{}-{}", p.anchor, Counter::LowerLatin.format(n));
                let full = self.table.refs.subsection.replace("{}", &path);
                (
                    n,
                    text,
                    self.table.subsection_label(n),
                    path,
                    anchor,
                    TargetKind::Subsection,
                    full,
                )
            }
        };
        self.check_typed(s.typed_number.as_ref(), &text, "section");
        let d = Designation {
            ordinal,
            display,
            text,
            path,
            anchor,
        };
        if let Some(label) = &s.label {
            self.label(label, s.span, kind, full, d.path.clone(), &d.anchor);
        }
        self.sections_open.push((d, 0));
        walk_section(self, s);
        s.number = self.sections_open.pop().map(|(d, _)| d);
    }

    fn visit_paragraph(&mut self, p: &mut Paragraph) {
        let base = if p.numbered {
            self.paragraphs += 1;
            let n = self.paragraphs;
            let text = n.to_string();
            self.check_typed(p.typed_number.as_ref(), &text, "paragraph");
            let d = Designation {
                ordinal: n,
                display: self.table.paragraph_label(n),
                path: text.clone(),
                anchor: format!("{}para-{text}", self.prefix),
                text,
            };
            let words = self.table.refs.paragraph;
            self.label_numbered(p.label.as_ref(), p.span, TargetKind::Paragraph, words, &d);
            p.number = Some(d.clone());
            d
        } else {
            self.plain_index += 1;
            let anchor = format!("{}text-{}", self.prefix, self.plain_index);
            if let Some(label) = &p.label {
                self.diags.push(
                    Diagnostic::new(
                        Code::E0023,
                        label.span,
                        "an unnumbered paragraph cannot carry a label",
                    )
                    .label("nothing to refer to")
                    .help("number the paragraph (`#.`) or move the label"),
                );
            }
            Designation {
                ordinal: 0,
                text: String::new(),
                display: String::new(),
                path: String::new(),
                anchor,
            }
        };
        self.holders.push((base, self.table.refs.paragraph, 0));
        walk_paragraph(self, p);
        self.holders.pop();
    }

    fn visit_decision(&mut self, d: &mut Decision) {
        self.decision_index += 1;
        let anchor = format!("decision-{}", self.decision_index);
        self.clause_prefix = if self.decisions > 1 {
            format!("{anchor}-")
        } else {
            String::new()
        };
        if let Some(label) = &d.label {
            let (full, bare) = match &d.symbol {
                Some(s) => (
                    self.table.refs.decision.replace("{}", &s.text),
                    s.text.clone(),
                ),
                None => (
                    self.table.refs.draft_decision.to_string(),
                    self.table.refs.draft_decision.to_string(),
                ),
            };
            self.label(label, d.span, TargetKind::Decision, full, bare, &anchor);
        }
        d.anchor = Some(anchor);
        self.preambular = 0;
        self.operative = 0;
        self.single_operative = d.operative.len() == 1;
        walk_decision(self, d);
    }

    fn visit_preambular_clause(&mut self, clause: &mut PreambularClause) {
        self.preambular += 1;
        let ordinal = self.preambular;
        let text = ordinal.to_string();
        let des = Designation {
            ordinal,
            display: String::new(),
            path: text.clone(),
            anchor: format!("{}pp-{text}", self.clause_prefix),
            text,
        };
        let (kind, words) = (TargetKind::PreambularClause, self.table.refs.preambular);
        self.label_numbered(clause.label.as_ref(), clause.span, kind, words, &des);
        self.holders.push((des, words, 0));
        walk_preambular_clause(self, clause);
        clause.number = self.holders.pop().map(|(d, _, _)| d);
    }

    fn visit_operative_paragraph(&mut self, para: &mut OperativeParagraph) {
        self.operative += 1;
        let ordinal = self.operative;
        let text = ordinal.to_string();
        self.check_typed(para.typed_number.as_ref(), &text, "operative paragraph");
        let display = if self.single_operative {
            String::new()
        } else {
            self.table.paragraph_label(ordinal)
        };
        let des = Designation {
            ordinal,
            display,
            path: text.clone(),
            anchor: format!("{}op-{text}", self.clause_prefix),
            text,
        };
        let (kind, words) = (TargetKind::OperativeParagraph, self.table.refs.paragraph);
        self.label_numbered(para.label.as_ref(), para.span, kind, words, &des);
        self.holders.push((des, words, 0));
        walk_operative_paragraph(self, para);
        para.number = self.holders.pop().map(|(d, _, _)| d);
    }

    fn visit_subparagraph(&mut self, sub: &mut SubParagraph) {
        // The walk reaches sub-paragraphs only through their holders, which
        // are always on the stack.
        let Some((parent, words, count)) = self.holders.last_mut() else {
            return;
        };
        *count += 1;
        let ordinal = *count;
        let words = *words;
        let style = self.table.sub_levels[(sub.level as usize).clamp(1, 4) - 1];
        let text = style.counter.format(ordinal);
        let display = style.display(ordinal);
        let path = if parent.path.is_empty() {
            display.clone()
        } else {
            format!("{}{}{}", parent.path, self.table.ref_sub_sep, display)
        };
        let d = Designation {
            ordinal,
            // Language-neutral, so that anchors agree across versions.
            anchor: format!(
                "{}-{}",
                parent.anchor,
                anchor_counter(sub.level).format(ordinal)
            ),
            text,
            display,
            path,
        };
        self.check_typed(sub.typed_marker.as_ref(), &d.text, "sub-paragraph");
        self.label_numbered(
            sub.label.as_ref(),
            sub.span,
            TargetKind::Subparagraph,
            words,
            &d,
        );
        self.holders.push((d, words, 0));
        walk_subparagraph(self, sub);
        sub.number = self.holders.pop().map(|(d, _, _)| d);
    }
}

impl Numberer<'_> {
    /// Records `label` as naming the node spanning `node`.
    fn label(
        &mut self,
        label: &Label,
        node: Span,
        kind: TargetKind,
        full: String,
        bare: String,
        anchor: &str,
    ) {
        if let Some(first) = self.labels.get(&label.name) {
            self.diags.push(
                Diagnostic::new(
                    Code::E0101,
                    label.span,
                    format!("the label `{}` is used twice", label.name),
                )
                .label("second use")
                .secondary(first.span, "first defined here")
                .help("give each labelled node its own name"),
            );
            return;
        }
        self.labels.insert(
            label.name.clone(),
            LabelTarget {
                kind,
                full,
                bare,
                anchor: anchor.to_string(),
                span: label.span,
                node,
            },
        );
    }

    /// Records the label of a paragraph, clause or sub-paragraph numbered
    /// `d`, which references name with `words` ("paragraph {}").
    fn label_numbered(
        &mut self,
        label: Option<&Label>,
        node: Span,
        kind: TargetKind,
        words: &str,
        d: &Designation,
    ) {
        if let Some(label) = label {
            let full = words.replace("{}", &d.path);
            self.label(label, node, kind, full, d.path.clone(), &d.anchor);
        }
    }

    /// A typed number must be the computed one.
    fn check_typed(&mut self, typed: Option<&Typed>, computed: &str, what: &str) {
        let Some(typed) = typed else { return };
        if fold_lookalikes(&typed.text) == computed {
            return;
        }
        // The span covers the whole marker (`4.`, `(b)`, `b)`, `II.`); the fix
        // replaces only the designation inside it.
        let marker_len = typed.span.end - typed.span.start;
        let start = if marker_len >= typed.text.len() + 2 {
            typed.span.start + 1
        } else {
            typed.span.start
        };
        let fix_span = Span::new(start, start + typed.text.len());
        self.diags.push(
            Diagnostic::new(Code::E0106, typed.span, format!("this {what} is typed as `{}` but it is number `{computed}`", typed.text))
                .label(format!("expected `{computed}`"))
                .help("write `#.` (or `-` for a sub-paragraph) to let draftdec number it, or correct the number")
                .fix(fix_span, computed, Applicability::Safe),
        );
    }
}

/// The counter of sub-paragraph anchors: the English designations, in every language.
fn anchor_counter(level: u8) -> Counter {
    if level % 2 == 1 {
        Counter::LowerLatin
    } else {
        Counter::LowerRoman
    }
}

/// Cyrillic letters that look like the Latin ones UN documents use for
/// sub-paragraphs: a Russian drafter's `а)` means `a)`.
fn fold_lookalikes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'а' => 'a',
            'с' => 'c',
            'е' => 'e',
            'і' => 'i',
            'о' => 'o',
            'р' => 'p',
            'х' => 'x',
            'у' => 'y',
            'І' => 'I',
            'Х' => 'X',
            'В' => 'B',
            'А' => 'A',
            'С' => 'C',
            other => other,
        })
        .collect()
}

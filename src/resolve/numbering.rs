//! Numbers and designations of sections, paragraphs, clauses,
//! sub-paragraphs, decisions and annexes; typed numbers checked; labels
//! collected.

use std::collections::HashMap;

use super::LabelTarget;
use crate::ast::{
    Block, Decision, Designation, Document, Label, Span, SubParagraph, TargetKind, Typed,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::{Counter, LangTable};

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
}

pub(super) fn number(
    doc: &mut Document,
    table: &LangTable,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, LabelTarget> {
    let mut decisions = 0;
    crate::walk::decisions(doc, &mut |_| decisions += 1);
    let mut n = Numberer {
        table,
        diags,
        labels: HashMap::new(),
        decisions,
        decision_index: 0,
        plain_index: 0,
    };
    n.division(&mut doc.body, "");
    let single = doc.annexes.len() == 1;
    for (i, annex) in doc.annexes.iter_mut().enumerate() {
        let ordinal = i as u32 + 1;
        let text = table.annex_counter.format(ordinal);
        let path = if single { String::new() } else { text.clone() };
        let anchor = format!("annex-{ordinal}");
        let display = path.clone();
        if let Some(label) = &annex.label {
            let full = if single {
                table.refs.annex_single.to_string()
            } else {
                table.annex_ref(ordinal)
            };
            // A single annex has no numeral: `@#label` prints its name too.
            let bare = if single { full.clone() } else { path.clone() };
            n.label(label, annex.span, TargetKind::Annex, full, bare, &anchor);
        }
        annex.number = Some(Designation {
            ordinal,
            text,
            display,
            path,
            anchor: anchor.clone(),
        });
        n.division(&mut annex.content, &format!("{anchor}-"));
    }
    n.labels
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

    /// Body or one annex: sections and paragraphs are numbered afresh.
    fn division(&mut self, blocks: &mut [Block], prefix: &str) {
        let mut sections = 0;
        let mut paragraphs = 0;
        self.blocks(blocks, prefix, &mut sections, &mut paragraphs, None);
    }

    fn blocks(
        &mut self,
        blocks: &mut [Block],
        prefix: &str,
        sections: &mut u32,
        paragraphs: &mut u32,
        parent: Option<&Designation>,
    ) {
        let mut subsections = 0;
        for block in blocks {
            match block {
                Block::Section(s) => {
                    let (ordinal, text, display, path, anchor, kind, full) = match parent {
                        None => {
                            *sections += 1;
                            let n = *sections;
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
                        Some(p) => {
                            subsections += 1;
                            let n = subsections;
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
                    if s.level == 1 {
                        self.blocks(&mut s.content, prefix, sections, paragraphs, Some(&d));
                    } else {
                        let mut none = 0;
                        self.blocks(&mut s.content, prefix, &mut none, paragraphs, Some(&d));
                    }
                    s.number = Some(d);
                }
                Block::Paragraph(p) => {
                    let base = if p.numbered {
                        *paragraphs += 1;
                        let text = paragraphs.to_string();
                        self.check_typed(p.typed_number.as_ref(), &text, "paragraph");
                        let d = Designation {
                            ordinal: *paragraphs,
                            display: self.table.paragraph_label(*paragraphs),
                            path: text.clone(),
                            anchor: format!("{prefix}para-{text}"),
                            text,
                        };
                        if let Some(label) = &p.label {
                            self.label(
                                label,
                                p.span,
                                TargetKind::Paragraph,
                                self.table.refs.paragraph.replace("{}", &d.path),
                                d.path.clone(),
                                &d.anchor,
                            );
                        }
                        p.number = Some(d.clone());
                        d
                    } else {
                        self.plain_index += 1;
                        let anchor = format!("{prefix}text-{}", self.plain_index);
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
                    self.subs(&mut p.subparagraphs, &base, self.table.refs.paragraph);
                }
                Block::Decision(d) => self.decision(d),
            }
        }
    }

    fn decision(&mut self, d: &mut Decision) {
        self.decision_index += 1;
        let anchor = format!("decision-{}", self.decision_index);
        let prefix = if self.decisions > 1 {
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
        for (i, clause) in d.preamble.iter_mut().enumerate() {
            let ordinal = i as u32 + 1;
            let text = ordinal.to_string();
            let des = Designation {
                ordinal,
                display: String::new(),
                path: text.clone(),
                anchor: format!("{prefix}pp-{text}"),
                text,
            };
            if let Some(label) = &clause.label {
                self.label(
                    label,
                    clause.span,
                    TargetKind::PreambularClause,
                    self.table.refs.preambular.replace("{}", &des.path),
                    des.path.clone(),
                    &des.anchor,
                );
            }
            self.subs(&mut clause.subparagraphs, &des, self.table.refs.preambular);
            clause.number = Some(des);
        }
        let single = d.operative.len() == 1;
        for (i, para) in d.operative.iter_mut().enumerate() {
            let ordinal = i as u32 + 1;
            let text = ordinal.to_string();
            self.check_typed(para.typed_number.as_ref(), &text, "operative paragraph");
            let display = if single {
                String::new()
            } else {
                self.table.paragraph_label(ordinal)
            };
            let des = Designation {
                ordinal,
                display,
                path: text.clone(),
                anchor: format!("{prefix}op-{text}"),
                text,
            };
            if let Some(label) = &para.label {
                self.label(
                    label,
                    para.span,
                    TargetKind::OperativeParagraph,
                    self.table.refs.paragraph.replace("{}", &des.path),
                    des.path.clone(),
                    &des.anchor,
                );
            }
            self.subs(&mut para.subparagraphs, &des, self.table.refs.paragraph);
            para.number = Some(des);
        }
    }

    fn subs(&mut self, subs: &mut [SubParagraph], parent: &Designation, words: &str) {
        for (i, sub) in subs.iter_mut().enumerate() {
            let ordinal = i as u32 + 1;
            let style = self.table.sub_levels[(sub.level as usize).clamp(1, 4) - 1];
            let text = style.counter.format(ordinal);
            let display = style.display(ordinal);
            self.check_typed(sub.typed_marker.as_ref(), &text, "sub-paragraph");
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
            if let Some(label) = &sub.label {
                self.label(
                    label,
                    sub.span,
                    TargetKind::Subparagraph,
                    words.replace("{}", &d.path),
                    d.path.clone(),
                    &d.anchor,
                );
            }
            self.subs(&mut sub.children, &d, words);
            sub.number = Some(d);
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

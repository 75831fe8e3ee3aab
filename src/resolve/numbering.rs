//! Numbers and designations of sections, paragraphs, clauses,
//! sub-paragraphs, decisions and annexes; typed numbers checked; labels
//! collected.

use std::collections::HashMap;

use super::{AnnexOf, LabelTarget};
use crate::ast::{
    Annex, Block, Choice, Decision, Designation, Document, Label, Operative, OperativeParagraph,
    OptionBlock, Paragraph, PreambularClause, Section, Span, SubParagraph, TargetKind, Typed,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::{Counter, DASH_ITEM, INSERTED_LATIN, LangTable, SubStyle};
use crate::visit::Visitor;
use crate::visit::mutable::{
    VisitorMut, walk_annex, walk_choice, walk_decision, walk_operative_choice,
    walk_operative_paragraph, walk_paragraph, walk_preambular_choice, walk_preambular_clause,
    walk_section, walk_subparagraph,
};

/// The most sub-paragraphs under one paragraph or sub-paragraph: (a) to
/// (z), (aa) to (zz), (aaa) to (zzz). Beyond, designations would grow with
/// the list; E0040 refuses it instead.
pub const MAX_SUBPARAGRAPHS: u32 = 26 * crate::lang::MAX_LETTER_REPEAT;

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
    /// The division's paragraphs so far and the inserts (`#+.`) since the
    /// last numbered one.
    paragraph_seq: (u32, u32),
    /// The enclosing sections, innermost last, each with the sub-sections
    /// numbered in it so far.
    sections_open: Vec<(Designation, u32)>,
    /// The decision being numbered: its clauses' anchor prefix, its clauses
    /// numbered so far (a sequence with no inserts), and whether it has one
    /// operative paragraph.
    clause_prefix: String,
    preambular_seq: (u32, u32),
    /// The decision's operative paragraphs so far, and the inserts since
    /// the last numbered one.
    operative_seq: (u32, u32),
    single_operative: bool,
    /// The paragraphs, clauses and sub-paragraphs that hold the
    /// sub-paragraphs being numbered, innermost last: each designation, the
    /// words that name it in references, and its sub-paragraphs so far.
    holders: Vec<(Designation, &'static str, u32)>,
    /// Dash items under the innermost holder so far, for their anchors.
    dashes: Vec<u32>,
    /// Inside a decision: its parts (`#`) so far and the open part with
    /// its sub-parts (`##`).
    in_decision: bool,
    parts: u32,
    part_open: Option<(Designation, u32)>,
    /// The house style's first-degree designations, if it has its own
    /// (WHO's "(1)").
    sub_first: Option<SubStyle>,
    /// Option blocks numbered so far, in the document.
    option_blocks: u32,
    /// Inside an option: the anchor prefix of its paragraphs
    /// (`option-1-2-`), which replaces the division's or the decision's.
    option_prefix: Option<String>,
}

/// A sequence of numbered paragraphs: the division's, or the decision's
/// preambular or operative.
#[derive(Clone, Copy)]
enum Seq {
    Paragraphs,
    Preambular,
    Operative,
}

/// A paragraph's designation: `9`, or `9 bis` for the first inserted after
/// paragraph 9; with the Latin form for its anchor and a typed number.
struct Number {
    text: String,
    latin: String,
}

/// How a reference names a decision: by its symbol ("decision SC-4/2"),
/// or "the draft decision" when it has none. The amendments document
/// names a decision the same way (`crate::amendments`).
pub(crate) fn decision_reference(d: &Decision, table: &LangTable) -> String {
    match &d.symbol {
        Some(s) => table.refs.decision.replace("{}", &s.text),
        None => table.refs.draft_decision.to_string(),
    }
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
        paragraph_seq: (0, 0),
        sections_open: Vec::new(),
        clause_prefix: String::new(),
        preambular_seq: (0, 0),
        operative_seq: (0, 0),
        single_operative: false,
        holders: Vec::new(),
        dashes: Vec::new(),
        in_decision: false,
        parts: 0,
        part_open: None,
        sub_first: doc.house_style().sub_first,
        option_blocks: 0,
        option_prefix: None,
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
            let mut target = self.target(label, annex.span, TargetKind::Annex, full, bare, &anchor);
            target.annex = None;
            self.label(label, target);
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
        self.paragraph_seq = (0, 0);
        walk_annex(self, annex);
    }

    fn visit_section(&mut self, s: &mut Section) {
        if s.level >= 3 {
            // An unnumbered sub-heading: nothing to count or to refer to.
            if let Some(label) = &s.label {
                self.unnumbered_label(label, "an unnumbered heading");
            }
            walk_section(self, s);
            return;
        }
        if self.in_decision {
            self.decision_part(s);
            return;
        }
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
            let target = self.target(label, s.span, kind, full, d.path.clone(), &d.anchor);
            self.label(label, target);
        }
        self.sections_open.push((d, 0));
        walk_section(self, s);
        s.number = self.sections_open.pop().map(|(d, _)| d);
    }

    fn visit_paragraph(&mut self, p: &mut Paragraph) {
        let base = if p.numbered {
            let (mut count, mut inserts) = self.paragraph_seq;
            let n = self.count(p.inserted, p.span, &mut count, &mut inserts);
            self.paragraph_seq = (count, inserts);
            self.check_typed(p.typed_number.as_ref(), &n.latin, "paragraph");
            let d = Designation {
                ordinal: self.paragraph_seq.0,
                display: self.table.paragraph_label(&n.text),
                path: n.text.clone(),
                anchor: format!("{}para-{}", self.para_prefix(), n.latin.replace(' ', "-")),
                text: n.text,
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
        self.dashes.push(0);
        walk_paragraph(self, p);
        self.dashes.pop();
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
        self.in_decision = true;
        self.parts = 0;
        self.part_open = None;
        if let Some(label) = &d.label {
            let full = decision_reference(d, self.table);
            let bare = d
                .symbol
                .as_ref()
                .map_or_else(|| full.clone(), |s| s.text.clone());
            let mut target = self.target(label, d.span, TargetKind::Decision, full, bare, &anchor);
            target.annex = None;
            self.label(label, target);
        }
        d.anchor = Some(anchor);
        self.preambular_seq = (0, 0);
        self.operative_seq = (0, 0);
        self.single_operative = matches!(d.operative.as_slice(), [Operative::Paragraph(_)]);
        walk_decision(self, d);
        self.in_decision = false;
    }

    fn visit_preambular_clause(&mut self, clause: &mut PreambularClause) {
        self.preambular_seq.0 += 1;
        let ordinal = self.preambular_seq.0;
        let text = ordinal.to_string();
        let des = Designation {
            ordinal,
            display: String::new(),
            path: text.clone(),
            anchor: format!("{}pp-{text}", self.clause_anchor_prefix()),
            text,
        };
        let (kind, words) = (TargetKind::PreambularClause, self.table.refs.preambular);
        self.label_numbered(clause.label.as_ref(), clause.span, kind, words, &des);
        self.holders.push((des, words, 0));
        self.dashes.push(0);
        walk_preambular_clause(self, clause);
        self.dashes.pop();
        clause.number = self.holders.pop().map(|(d, _, _)| d);
    }

    fn visit_operative_paragraph(&mut self, para: &mut OperativeParagraph) {
        let (mut count, mut inserts) = self.operative_seq;
        let n = self.count(para.inserted, para.span, &mut count, &mut inserts);
        self.operative_seq = (count, inserts);
        let ordinal = count;
        self.check_typed(para.typed_number.as_ref(), &n.latin, "operative paragraph");
        let display = if self.single_operative {
            String::new()
        } else {
            self.table.paragraph_label(&n.text)
        };
        let des = Designation {
            ordinal,
            display,
            path: n.text.clone(),
            anchor: format!(
                "{}op-{}",
                self.clause_anchor_prefix(),
                n.latin.replace(' ', "-")
            ),
            text: n.text,
        };
        let (kind, words) = (TargetKind::OperativeParagraph, self.table.refs.paragraph);
        self.label_numbered(para.label.as_ref(), para.span, kind, words, &des);
        self.holders.push((des, words, 0));
        self.dashes.push(0);
        walk_operative_paragraph(self, para);
        self.dashes.pop();
        para.number = self.holders.pop().map(|(d, _, _)| d);
    }

    /// Each option is numbered from where the block starts; what follows
    /// the block goes on after the longest option.
    fn visit_options(&mut self, o: &mut OptionBlock<Block>) {
        self.option_block(o, Seq::Paragraphs, walk_choice);
    }

    /// Clauses are counted as operative paragraphs are, for their ordinals.
    fn visit_preambular_options(&mut self, o: &mut OptionBlock<PreambularClause>) {
        self.option_block(o, Seq::Preambular, walk_preambular_choice);
    }

    fn visit_operative_options(&mut self, o: &mut OptionBlock<OperativeParagraph>) {
        self.option_block(o, Seq::Operative, walk_operative_choice);
    }

    fn visit_subparagraph(&mut self, sub: &mut SubParagraph) {
        // The walk reaches sub-paragraphs only through their holders, which
        // are always on the stack.
        let Some((parent, words, count)) = self.holders.last_mut() else {
            return;
        };
        if sub.dash {
            let (path, words, parent_anchor) = (parent.path.clone(), *words, parent.anchor.clone());
            let dashes = self.dashes.last_mut().map_or(0, |n| {
                *n += 1;
                *n
            });
            let d = Designation {
                ordinal: 0,
                text: String::new(),
                display: DASH_ITEM.to_string(),
                path,
                anchor: format!("{parent_anchor}-dash-{dashes}"),
            };
            if let Some(label) = &sub.label {
                self.unnumbered_label(label, "a dash item");
            }
            self.holders.push((d, words, 0));
            self.dashes.push(0);
            walk_subparagraph(self, sub);
            self.dashes.pop();
            sub.number = self.holders.pop().map(|(d, _, _)| d);
            return;
        }
        *count += 1;
        let ordinal = *count;
        let words = *words;
        let style = match self.sub_first {
            Some(own) if sub.level <= 1 => own,
            _ => self.table.sub_levels[(sub.level as usize).clamp(1, 4) - 1],
        };
        if ordinal == MAX_SUBPARAGRAPHS + 1 {
            self.diags.push(
                Diagnostic::new(
                    Code::E0040,
                    sub.span,
                    format!(
                        "more than {MAX_SUBPARAGRAPHS} sub-paragraphs at one level: letters run out at ({})",
                        style.counter.format(MAX_SUBPARAGRAPHS)
                    ),
                )
                .label("one sub-paragraph too many")
                .help("split the list under two paragraphs, or make it a list in an annex"),
            );
        }
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
        if let Some(label) = &sub.label {
            let full = words.replace("{}", &d.path);
            let kind = TargetKind::Subparagraph;
            let mut target = self.target(label, sub.span, kind, full, d.path.clone(), &d.anchor);
            target.short = self.table.refs.subparagraph.replace("{}", &d.display);
            target.short_bare = d.display.clone();
            self.label(label, target);
        }
        self.holders.push((d, words, 0));
        self.dashes.push(0);
        walk_subparagraph(self, sub);
        self.dashes.pop();
        sub.number = self.holders.pop().map(|(d, _, _)| d);
    }
}

impl Numberer<'_> {
    /// Numbers an option block of the sequence `seq`: each option from
    /// the count where the block starts; afterwards the sequence goes on
    /// after the longest option. `walk` numbers one option.
    fn option_block<T>(
        &mut self,
        o: &mut OptionBlock<T>,
        seq: Seq,
        mut walk: impl FnMut(&mut Self, &mut Choice<T>),
    ) {
        self.option_blocks += 1;
        let ordinal = self.option_blocks;
        o.ordinal = ordinal;
        let start = *self.seq(seq);
        let mut furthest = start;
        let outer = self.option_prefix.take();
        for (i, choice) in o.options.iter_mut().enumerate() {
            let k = i as u32 + 1;
            choice.ordinal = k;
            choice.heading = self.table.refs.option.replace("{}", &k.to_string());
            choice.anchor = format!("option-{ordinal}-{k}");
            if let Some(label) = &choice.label {
                let (full, bare) = (choice.heading.clone(), k.to_string());
                let kind = TargetKind::Option;
                let target = self.target(label, choice.span, kind, full, bare, &choice.anchor);
                self.label(label, target);
            }
            *self.seq(seq) = start;
            self.option_prefix = Some(format!("{}-", choice.anchor));
            walk(self, choice);
            // The longest option: the most paragraphs, then the most
            // inserted after the last of them.
            furthest = furthest.max(*self.seq(seq));
        }
        self.option_prefix = outer;
        *self.seq(seq) = furthest;
    }

    /// The anchor prefix of a body paragraph: its option's, or its division's.
    fn para_prefix(&self) -> &str {
        self.option_prefix.as_deref().unwrap_or(&self.prefix)
    }

    /// The anchor prefix of a preambular clause or an operative paragraph.
    fn clause_anchor_prefix(&self) -> &str {
        self.option_prefix.as_deref().unwrap_or(&self.clause_prefix)
    }

    /// The count and the inserts since the last numbered paragraph of a
    /// sequence.
    fn seq(&mut self, seq: Seq) -> &mut (u32, u32) {
        match seq {
            Seq::Paragraphs => &mut self.paragraph_seq,
            Seq::Preambular => &mut self.preambular_seq,
            Seq::Operative => &mut self.operative_seq,
        }
    }
    /// A part of a decision (`#`, `##` inside `::: decision`): numbered I,
    /// II … and A, B … within the decision.
    fn decision_part(&mut self, s: &mut Section) {
        let prefix = self.clause_prefix.clone();
        let (ordinal, text, display, path, anchor, kind) = match (&mut self.part_open, s.level) {
            (Some((part, subparts)), 2) => {
                *subparts += 1;
                let n = *subparts;
                let text = self.table.subsection.format(n);
                let path = format!("{}.{}", part.path, text);
                let anchor = format!("{}-{}", part.anchor, Counter::LowerLatin.format(n));
                let display = self.table.subsection_label(n);
                (n, text, display, path, anchor, TargetKind::Subsection)
            }
            _ => {
                self.parts += 1;
                let n = self.parts;
                let text = self.table.section.format(n);
                let anchor = format!("{prefix}part-{n}");
                let display = self.table.section_label(n);
                (n, text.clone(), display, text, anchor, TargetKind::Section)
            }
        };
        let what = if kind == TargetKind::Section {
            "part"
        } else {
            "sub-part"
        };
        self.check_typed(s.typed_number.as_ref(), &text, what);
        let d = Designation {
            ordinal,
            text,
            display,
            path,
            anchor,
        };
        if let Some(label) = &s.label {
            let full = match kind {
                TargetKind::Section => self.table.section_ref(ordinal),
                _ => self.table.refs.subsection.replace("{}", &d.path),
            };
            let target = self.target(label, s.span, kind, full, d.path.clone(), &d.anchor);
            self.label(label, target);
        }
        if kind == TargetKind::Section {
            self.part_open = Some((d.clone(), 0));
        }
        s.number = Some(d);
        walk_section(self, s);
    }

    /// The next paragraph's number in a sequence counted by `count`, with
    /// `inserts` paragraphs inserted since the last numbered one.
    fn count(&mut self, inserted: bool, span: Span, count: &mut u32, inserts: &mut u32) -> Number {
        if inserted && *count == 0 {
            self.diags.push(
                Diagnostic::new(
                    Code::E0115,
                    Span::new(span.start, span.start + 3.min(span.end - span.start)),
                    "an inserted paragraph must follow a numbered paragraph",
                )
                .label("nothing above it to insert after")
                .help("number it `#.`: it is the first paragraph of its sequence"),
            );
        }
        if !inserted || *count == 0 {
            *count += 1;
            *inserts = 0;
            let text = count.to_string();
            return Number {
                latin: text.clone(),
                text,
            };
        }
        *inserts += 1;
        let k = (*inserts as usize).min(INSERTED_LATIN.len()) - 1;
        Number {
            text: format!("{count} {}", self.table.refs.inserted[k]),
            latin: format!("{count} {}", INSERTED_LATIN[k]),
        }
    }

    /// E0114: a label on a node printed without a number.
    fn unnumbered_label(&mut self, label: &Label, what: &str) {
        self.diags.push(
            Diagnostic::new(
                Code::E0114,
                label.span,
                format!("{what} cannot carry a label"),
            )
            .label("nothing to refer to")
            .help("label the numbered paragraph, section or sub-paragraph it belongs to"),
        );
    }

    /// The target of `label`, naming the node spanning `node`.
    fn target(
        &self,
        label: &Label,
        node: Span,
        kind: TargetKind,
        full: String,
        bare: String,
        anchor: &str,
    ) -> LabelTarget {
        let annex = (self.annex_index > 0 && !self.in_decision).then(|| {
            let of = if self.annexes == 1 {
                AnnexOf::Single
            } else {
                AnnexOf::Numbered(self.table.annex_counter.format(self.annex_index))
            };
            (self.annex_index, of)
        });
        LabelTarget {
            kind,
            short: full.clone(),
            short_bare: bare.clone(),
            full,
            bare,
            anchor: anchor.to_string(),
            span: label.span,
            node,
            annex,
        }
    }

    /// Records `label` as naming `target`.
    fn label(&mut self, label: &Label, target: LabelTarget) {
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
        self.labels.insert(label.name.clone(), target);
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
            let target = self.target(label, node, kind, full, d.path.clone(), &d.anchor);
            self.label(label, target);
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

#[cfg(test)]
mod tests {
    use crate::ast::{Block, Operative};
    use crate::visit::Visitor;

    /// The printed numbers of a draft's paragraphs and operative
    /// paragraphs in source order, each option's marked by its heading.
    fn numbers(src: &str) -> Vec<String> {
        struct Numbers(Vec<String>);
        impl Visitor for Numbers {
            fn visit_paragraph(&mut self, p: &crate::ast::Paragraph) {
                self.0.extend(p.number.as_ref().map(|n| n.text.clone()));
            }
            fn visit_operative_paragraph(&mut self, p: &crate::ast::OperativeParagraph) {
                self.0.extend(p.number.as_ref().map(|n| n.text.clone()));
            }
            fn visit_choice(&mut self, c: &crate::ast::Choice<Block>) {
                self.0.push(c.heading.clone());
                crate::visit::walk_choice(self, c);
            }
            fn visit_operative_choice(
                &mut self,
                c: &crate::ast::Choice<crate::ast::OperativeParagraph>,
            ) {
                self.0.push(c.heading.clone());
                crate::visit::walk_operative_choice(self, c);
            }
        }
        let compiled = crate::compile(src);
        let errors: Vec<_> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{src}\n{errors:#?}");
        let mut n = Numbers(Vec::new());
        n.visit_document(&compiled.document);
        n.0
    }

    const HEAD: &str = "symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n";

    #[test]
    fn options_restart_and_what_follows_goes_on_after_the_longest() {
        let table: &[(&str, &[&str])] = &[
            // Each option from the same number; after the block, after the longest.
            (
                "#. A.\n\n::: option\n#. B.\n::: option\n#. C.\n\n#. D.\n:::\n\n#. E.\n",
                &["1", "Option 1", "2", "Option 2", "2", "3", "4"],
            ),
            // The longest first.
            (
                "#. A.\n\n::: option\n#. B.\n\n#. C.\n::: option\n#. D.\n:::\n\n#. E.\n",
                &["1", "Option 1", "2", "3", "Option 2", "2", "4"],
            ),
            // An insert inside an option; the next paragraph after the longest.
            (
                "#. A.\n\n::: option\n#. B.\n\n#+. C.\n::: option\n#. D.\n\n#. E.\n:::\n\n#. F.\n",
                &["1", "Option 1", "2", "2 bis", "Option 2", "2", "3", "4"],
            ),
            // An option of inserts only: what follows is inserted after it.
            (
                "#. A.\n\n::: option\n#+. B.\n\n#+. C.\n::: option\n:::\n\n#+. D.\n",
                &["1", "Option 1", "1 bis", "1 ter", "Option 2", "1 quater"],
            ),
            // A block at the start, an empty option, two blocks.
            (
                "::: option\n#. A.\n::: option\n:::\n\n::: option\n#. B.\n::: option\n#. C.\n:::\n",
                &[
                    "Option 1", "1", "Option 2", "Option 1", "2", "Option 2", "2",
                ],
            ),
            // In a decision, with a typed number checked in each option.
            (
                "::: decision\nThe Conference of the Parties,\n\n1. Decides a;\n\n::: option\n2. Decides b;\n::: option\n2. Decides c;\n\n3. Decides d;\n:::\n\n4. Decides e.\n:::\n",
                &["1", "Option 1", "2", "Option 2", "2", "3", "4"],
            ),
        ];
        for (body, expected) in table {
            let src = format!("{HEAD}{body}");
            assert_eq!(numbers(&src), *expected, "{body}");
        }
    }

    #[test]
    fn a_decision_of_one_paragraph_and_options_numbers_them() {
        let src = format!(
            "{HEAD}::: decision\nThe Conference of the Parties,\n\n::: option\n#. Decides a.\n::: option\n#. Decides b.\n:::\n:::\n"
        );
        let doc = crate::compile(&src).document;
        let Some(Block::Decision(d)) = doc.body.first() else {
            panic!("no decision");
        };
        let Some(Operative::Options(o)) = d.operative.first() else {
            panic!("no options");
        };
        let display = &o.options[0].content[0].number.as_ref().unwrap().display;
        assert_eq!(display, "1.");
    }

    #[test]
    fn preamble_options_count_clauses_as_options_count_paragraphs() {
        struct Clauses(Vec<(String, String)>);
        impl Visitor for Clauses {
            fn visit_preambular_clause(&mut self, c: &crate::ast::PreambularClause) {
                let n = c.number.as_ref().expect("a number");
                self.0.push((n.path.clone(), n.anchor.clone()));
            }
        }
        let src = format!(
            "{HEAD}::: decision\nThe Conference of the Parties,\n\n*Recalling* a,\n\n::: option\n*Noting* b,\n::: option\n*Noting* c,\n\n*Noting* d,\n:::\n\n*Welcoming* e,\n\n::: option\n#. Decides f.\n::: option\n#. Decides g.\n:::\n:::\n"
        );
        let compiled = crate::compile(&src);
        assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
        let mut clauses = Clauses(Vec::new());
        clauses.visit_document(&compiled.document);
        let expected = [
            ("1", "pp-1"),
            ("2", "option-1-1-pp-2"),
            ("2", "option-1-2-pp-2"),
            ("3", "option-1-2-pp-3"),
            ("4", "pp-4"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(clauses.0, expected);
        // The operative part's block comes second in the document.
        let Some(Block::Decision(d)) = compiled.document.body.first() else {
            panic!("no decision");
        };
        let Some(Operative::Options(o)) = d.operative.first() else {
            panic!("no options");
        };
        assert_eq!((o.ordinal, o.options[1].anchor.as_str()), (2, "option-2-2"));
    }

    #[test]
    fn option_headings_follow_the_language() {
        for (lang, heading) in [
            ("en", "Option 2"),
            ("fr", "Option 2"),
            ("es", "Opción 2"),
            ("ru", "Вариант 2"),
            ("zh", "备选案文2"),
            ("ar", "الخيار 2"),
        ] {
            let src = format!(
                "symbol: UNEP/MC/COP.6/1\nlanguage: {lang}\ntitle: T\n\n::: option\n#. A.\n::: option\n#. B.\n:::\n"
            );
            let n = numbers(&src);
            assert_eq!(n[2], heading, "{lang}");
        }
    }
}

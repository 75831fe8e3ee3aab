//! Nests line-level blocks into sections, decisions, annexes and
//! sub-paragraph trees. Sub-paragraph levels come from indentation: a
//! sub-paragraph indented deeper than the one above it is its child.

use super::options::{self, Closed, OpenOptions};
use super::{LineBlock, Marker};
use crate::ast::{
    Annex, Block, Decision, Field, Formula, Inline, Label, Operative, OperativeParagraph,
    Paragraph, Preambular, PreambularClause, Section, Span, SubParagraph, Typed,
};
use crate::diag::{Applicability, Code, Diagnostic};

/// The deepest sub-paragraph level (a, i, a., i.).
pub const MAX_SUB_LEVEL: usize = 4;

/// The item that sub-paragraphs attach to.
enum Host {
    Paragraph(Paragraph),
    Preambular(PreambularClause),
    Operative(OperativeParagraph),
}

impl Host {
    fn subparagraphs(&mut self) -> &mut Vec<SubParagraph> {
        match self {
            Host::Paragraph(p) => &mut p.subparagraphs,
            Host::Preambular(p) => &mut p.subparagraphs,
            Host::Operative(p) => &mut p.subparagraphs,
        }
    }
    fn extend_span(&mut self, end: usize) {
        let span = match self {
            Host::Paragraph(p) => &mut p.span,
            Host::Preambular(p) => &mut p.span,
            Host::Operative(p) => &mut p.span,
        };
        span.end = span.end.max(end);
    }
}

#[derive(Default)]
pub(super) struct Builder {
    body: Vec<Block>,
    annexes: Vec<Annex>,
    /// The annex being filled, once the first `::: annex` is seen.
    annex: Option<Annex>,
    section: Option<Section>,
    subsection: Option<Section>,
    /// An unnumbered sub-heading (`###`) and the blocks under it.
    subhead: Option<Section>,
    decision: Option<Decision>,
    /// The option block being filled (`::: option`), in the body, an annex
    /// or a decision.
    options: Option<OpenOptions>,
    /// Headings met inside the open decision, waiting for the clause
    /// they stand over.
    parts: Vec<Section>,
    host: Option<Host>,
    /// Open sub-paragraphs with their indentation, outermost first.
    subs: Vec<(usize, SubParagraph)>,
}

impl Builder {
    pub fn push(&mut self, block: LineBlock, diags: &mut Vec<Diagnostic>) {
        match block {
            LineBlock::Heading {
                level,
                label,
                typed,
                title,
                span,
            } => self.heading(level, label, typed, title, span, diags),
            LineBlock::Fence {
                kind,
                label,
                head,
                span,
            } => self.fence(kind, label, head, span, diags),
            LineBlock::Item {
                indent,
                marker,
                label,
                content,
                span,
            } => match marker {
                Some(Marker::Sub(typed, dash)) => {
                    let sub = SubParagraph {
                        level: 1,
                        dash,
                        label,
                        typed_marker: typed,
                        number: None,
                        content,
                        children: Vec::new(),
                        span,
                    };
                    self.sub(indent, sub, diags)
                }
                Some(Marker::Number(typed, inserted)) => {
                    self.numbered(label, typed, inserted, content, span, diags)
                }
                None => self.plain(label, content, span, diags),
            },
        }
    }

    pub fn finish(mut self, diags: &mut Vec<Diagnostic>) -> (Vec<Block>, Vec<Annex>) {
        self.close_options(None, diags);
        self.close_decision(diags);
        self.close_sections();
        if let Some(annex) = self.annex.take() {
            self.annexes.push(annex);
        }
        (self.body, self.annexes)
    }

    fn heading(
        &mut self,
        level: usize,
        label: Option<Label>,
        typed: Option<Typed>,
        title: Vec<Inline>,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) {
        if title.is_empty() {
            diags.push(
                Diagnostic::new(Code::E0015, span, "this heading has no title")
                    .label("empty heading"),
            );
        }
        self.close_options(Some((span, "a heading")), diags);
        let mut section = Section {
            level: 1,
            label,
            typed_number: typed,
            number: None,
            title,
            content: Vec::new(),
            span,
        };
        if level > 3 {
            diags.push(
                Diagnostic::new(
                    Code::E0016,
                    span,
                    format!(
                        "headings have three levels, `#`, `##` and `###`; this one has {level}"
                    ),
                )
                .label("too many `#`")
                .help("use `###` for an unnumbered sub-heading"),
            );
        }
        if self.decision.is_some() {
            // A part of the decision: it stands over the next clause.
            self.flush_host();
            section.level = level.min(3) as u8;
            self.parts.push(section);
            return;
        }
        match level {
            1 => {
                self.close_sections();
                self.section = Some(section);
            }
            2 => {
                self.close_subsection();
                section.level = 2;
                if self.section.is_none() {
                    diags.push(
                        Diagnostic::new(
                            Code::E0017,
                            span,
                            "a sub-section must be inside a section",
                        )
                        .label("`##` with no `#` section above it")
                        .help("add a `# Section` heading above it, or write `#` for a section"),
                    );
                    section.level = 1;
                    self.section = Some(section);
                } else {
                    self.subsection = Some(section);
                }
            }
            _ => {
                // Under the section and sub-section it follows, if any.
                self.close_subhead();
                section.level = 3;
                self.subhead = Some(section);
            }
        }
    }

    fn fence(
        &mut self,
        kind: Option<(String, Span)>,
        label: Option<Label>,
        head: Vec<Inline>,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.flush_host();
        let Some((kind, kind_span)) = kind else {
            if let Some(open) = self.options.take() {
                self.push_options(options::close(open, span));
                return;
            }
            if self.decision.is_some() {
                self.drop_parts(span, "the end of the decision", diags);
            }
            match self.decision.take() {
                Some(mut decision) => {
                    decision.span.end = span.end;
                    self.push_block(Block::Decision(decision));
                }
                None => diags.push(
                    Diagnostic::new(Code::E0018, span, "this `:::` closes nothing")
                        .label("no decision is open")
                        .help("a decision starts with `::: decision` and ends with `:::`"),
                ),
            }
            return;
        };
        if kind != "option" {
            self.close_options(Some((span, "a `:::` block")), diags);
        }
        match kind.as_str() {
            "option" => {
                if let Some(first) = head.first() {
                    let last = head.last().map_or(first.span(), Inline::span);
                    diags.push(
                        Diagnostic::new(
                            Code::E0029,
                            first.span().to(last),
                            "an option line holds only `::: option` and a label",
                        )
                        .label("text after `::: option`")
                        .help("draftdec prints the option's heading (\"Option 2\"); put the text in the option's first paragraph"),
                    );
                }
                if self.decision.is_some() {
                    // A part's heading goes over a paragraph: above the
                    // block's options it would be printed inside the first.
                    self.drop_parts(span, "an option", diags);
                }
                match &mut self.options {
                    Some(open) => open.next(label, span),
                    None => {
                        self.options = Some(OpenOptions::open(self.decision.is_some(), label, span))
                    }
                }
            }
            "decision" => {
                if let Some(open) = &self.decision {
                    diags.push(
                        Diagnostic::new(
                            Code::E0019,
                            span,
                            "a decision cannot start inside another decision",
                        )
                        .label("new decision")
                        .secondary(open.span, "this decision is still open")
                        .help("close the decision above with a `:::` line"),
                    );
                    self.close_decision(&mut Vec::new());
                }
                let (symbol, title) = split_decision_head(head);
                self.decision = Some(Decision {
                    label,
                    symbol,
                    title,
                    formula: None,
                    preamble: Vec::new(),
                    operative: Vec::new(),
                    anchor: None,
                    heading: None,
                    span,
                });
            }
            "annex" => {
                self.close_decision(diags);
                self.close_sections();
                if let Some(annex) = self.annex.take() {
                    self.annexes.push(annex);
                }
                let title = field_of(head);
                self.annex = Some(Annex {
                    label,
                    number: None,
                    heading: String::new(),
                    title,
                    content: Vec::new(),
                    span,
                });
            }
            other => {
                let mut d = Diagnostic::new(
                    Code::E0020,
                    kind_span,
                    format!("`::: {other}` is not a block draftdec knows"),
                )
                .label("unknown block");
                d = match crate::util::closest(other, ["decision", "annex", "option"]) {
                    Some(k) => d.help(format!("did you mean `{k}`?")).fix(
                        kind_span,
                        k,
                        Applicability::NeedsReview,
                    ),
                    None => d.help("the blocks are `::: decision`, `::: annex` and `::: option`"),
                };
                diags.push(d);
            }
        }
    }

    fn numbered(
        &mut self,
        label: Option<Label>,
        typed: Option<Typed>,
        inserted: bool,
        content: Vec<Inline>,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.flush_host();
        if self.decision.is_some() && self.options.as_ref().is_some_and(|o| o.holds_preambular()) {
            // An option block of preambular clauses ends before the
            // operative part.
            self.close_options(Some((span, "an operative paragraph")), diags);
        }
        let (headings, span) = self.take_parts(span);
        self.host = Some(if self.decision.is_some() {
            Host::Operative(OperativeParagraph {
                headings,
                inserted,
                label,
                typed_number: typed,
                number: None,
                opening: None,
                addressee: None,
                content,
                subparagraphs: Vec::new(),
                span,
            })
        } else {
            Host::Paragraph(Paragraph {
                numbered: true,
                inserted,
                label,
                typed_number: typed,
                number: None,
                content,
                subparagraphs: Vec::new(),
                span,
            })
        });
    }

    fn plain(
        &mut self,
        label: Option<Label>,
        content: Vec<Inline>,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.flush_host();
        if self.decision.is_some() && self.options.as_ref().is_some_and(|o| !o.takes_preambular()) {
            // An option block of operative paragraphs holds no clause.
            self.close_options(Some((span, "an unnumbered paragraph")), diags);
        }
        // A clause in an option is never the formula, which no option
        // offers (E0030 for the first, in a decision with no formula yet).
        let in_options = self.options.is_some();
        let before_formula = (self.options.as_ref())
            .filter(|o| o.is_empty())
            .map(|o| options::before_formula(o, span));
        match &mut self.decision {
            Some(d)
                if !in_options
                    && d.formula.is_none()
                    && d.preamble.is_empty()
                    && d.operative.is_empty() =>
            {
                if let Some(label) = label {
                    diags.push(
                        Diagnostic::new(
                            Code::E0021,
                            label.span,
                            "the organ's formula cannot carry a label",
                        )
                        .label("label on the formula"),
                    );
                }
                if let Some(part) = self.parts.first() {
                    diags.push(unplaced_heading(part.span, span, "the organ's formula"));
                }
                self.parts.clear();
                d.formula = Some(Formula { content, span });
            }
            Some(d) => {
                if let Some(last) = d.operative.last() {
                    diags.push(
                        Diagnostic::new(Code::E0022, span, "an unnumbered paragraph cannot follow the operative paragraphs")
                            .label("unnumbered paragraph")
                            .secondary(last.span(), "after this operative paragraph")
                            .help("number it (`#.`) to make it an operative paragraph, or move it above the first operative paragraph"),
                    );
                } else if d.formula.is_none()
                    && d.preamble.is_empty()
                    && let Some(d) = before_formula
                {
                    diags.push(d);
                }
                let (headings, span) = self.take_parts(span);
                self.host = Some(Host::Preambular(PreambularClause {
                    headings,
                    label,
                    number: None,
                    opening: None,
                    content,
                    subparagraphs: Vec::new(),
                    span,
                }));
            }
            None => {
                self.host = Some(Host::Paragraph(Paragraph {
                    numbered: false,
                    inserted: false,
                    label,
                    typed_number: None,
                    number: None,
                    content,
                    subparagraphs: Vec::new(),
                    span,
                }))
            }
        }
    }

    fn sub(&mut self, indent: usize, mut sub: SubParagraph, diags: &mut Vec<Diagnostic>) {
        let span = sub.span;
        let Some(host) = &mut self.host else {
            diags.push(
                Diagnostic::new(Code::E0107, span, "this sub-paragraph has no paragraph to belong to")
                    .label("sub-paragraph outside a paragraph")
                    .help("a sub-paragraph follows a paragraph, clause or operative paragraph, usually one ending with a colon"),
            );
            return;
        };
        host.extend_span(span.end);
        while self.subs.last().is_some_and(|(w, _)| *w >= indent) {
            self.pop_sub();
        }
        let level = self.subs.len() + 1;
        if level > MAX_SUB_LEVEL {
            diags.push(
                Diagnostic::new(
                    Code::E0026,
                    span,
                    format!("sub-paragraphs nest {MAX_SUB_LEVEL} levels deep at most"),
                )
                .label(format!("level {level}"))
                .help("indent this sub-paragraph less"),
            );
            return;
        }
        sub.level = level as u8;
        self.subs.push((indent, sub));
    }

    fn pop_sub(&mut self) {
        if let Some((_, sub)) = self.subs.pop() {
            match self.subs.last_mut() {
                Some((_, parent)) => {
                    parent.span.end = parent.span.end.max(sub.span.end);
                    parent.children.push(sub);
                }
                None => {
                    if let Some(host) = &mut self.host {
                        host.subparagraphs().push(sub);
                    }
                }
            }
        }
    }

    /// Closes the current item and its sub-paragraphs.
    fn flush_host(&mut self) {
        while !self.subs.is_empty() {
            self.pop_sub();
        }
        let Some(host) = self.host.take() else { return };
        match host {
            Host::Paragraph(p) => self.push_block(Block::Paragraph(p)),
            Host::Preambular(p) => {
                let p = match &mut self.options {
                    Some(open) => open.push_preambular(p),
                    None => Some(p),
                };
                if let (Some(d), Some(p)) = (&mut self.decision, p) {
                    d.preamble.push(Preambular::Clause(p));
                }
            }
            Host::Operative(p) => {
                let p = match &mut self.options {
                    Some(open) => open.push_operative(p),
                    None => Some(p),
                };
                if let (Some(d), Some(p)) = (&mut self.decision, p) {
                    d.operative.push(Operative::Paragraph(p));
                }
            }
        }
    }

    /// The headings waiting for the clause at `span`, and the clause's
    /// span grown to hold them: they are part of it, written before it.
    fn take_parts(&mut self, span: Span) -> (Vec<Section>, Span) {
        let start = self.parts.first().map_or(span.start, |h| h.span.start);
        (std::mem::take(&mut self.parts), Span::new(start, span.end))
    }

    /// Headings left where no paragraph can follow them (`what`, at
    /// `next`: the end of the decision, an option) stand over nothing.
    fn drop_parts(&mut self, next: Span, what: &str, diags: &mut Vec<Diagnostic>) {
        if let Some(part) = self.parts.first() {
            diags.push(unplaced_heading(part.span, next, what));
        }
        self.parts.clear();
    }

    /// Closes an option block left open where something else starts
    /// (`at`: its span and what it is; `None` at the end of the file).
    fn close_options(&mut self, at: Option<(Span, &str)>, diags: &mut Vec<Diagnostic>) {
        self.flush_host();
        let Some(open) = self.options.take() else {
            return;
        };
        diags.push(options::not_closed(&open, at));
        let end = at.map_or(0, |(span, _)| span.start);
        self.push_options(options::close(open, Span::new(end, end)));
    }

    fn push_options(&mut self, closed: Closed) {
        match closed {
            Closed::Block(block) => self.push_block(block),
            Closed::Preamble(item) => {
                if let Some(d) = &mut self.decision {
                    d.preamble.push(item);
                }
            }
            Closed::Operative(item) => {
                if let Some(d) = &mut self.decision {
                    d.operative.push(item);
                }
            }
        }
    }

    fn close_decision(&mut self, diags: &mut Vec<Diagnostic>) {
        self.close_options(None, diags);
        if let Some(d) = &self.decision {
            let end = Span::new(d.span.start, d.span.start + 3);
            self.drop_parts(end, "the end of the decision", diags);
        }
        if let Some(decision) = self.decision.take() {
            let opener = Span::new(decision.span.start, decision.span.start + 3);
            diags.push(
                Diagnostic::new(Code::E0024, opener, "this decision is not closed")
                    .label("decision opened here")
                    .help("end the decision with a line holding only `:::`"),
            );
            self.push_block(Block::Decision(decision));
        }
    }

    fn close_subhead(&mut self) {
        self.flush_host();
        if let Some(head) = self.subhead.take() {
            self.push_block(Block::Section(head));
        }
    }

    fn close_subsection(&mut self) {
        self.close_subhead();
        if let Some(sub) = self.subsection.take() {
            match &mut self.section {
                Some(section) => section.content.push(Block::Section(sub)),
                None => self.division().push(Block::Section(sub)),
            }
        }
    }

    fn close_sections(&mut self) {
        self.close_subsection();
        if let Some(section) = self.section.take() {
            self.division().push(Block::Section(section));
        }
    }

    fn division(&mut self) -> &mut Vec<Block> {
        match &mut self.annex {
            Some(annex) => &mut annex.content,
            None => &mut self.body,
        }
    }

    fn push_block(&mut self, block: Block) {
        let block = match &mut self.options {
            Some(open) => match open.push_block(block) {
                Some(block) => block,
                None => return,
            },
            None => block,
        };
        if let Some(head) = &mut self.subhead {
            head.content.push(block);
        } else if let Some(sub) = &mut self.subsection {
            sub.content.push(block);
        } else if let Some(section) = &mut self.section {
            section.content.push(block);
        } else {
            self.division().push(block);
        }
    }
}

/// `MC-6/[…]: Title` → the symbol and the title.
fn split_decision_head(mut head: Vec<Inline>) -> (Option<Field>, Option<Field>) {
    let symbol = match head.first() {
        Some(Inline::DecisionRef(r)) => {
            let f = Field {
                text: r.text.clone(),
                content: vec![head[0].clone()],
                span: r.span,
            };
            head.remove(0);
            Some(f)
        }
        _ => None,
    };
    if symbol.is_some()
        && let Some(Inline::Text { text, span }) = head.first_mut()
    {
        let cut = text.len() - text.trim_start().trim_start_matches(':').trim_start().len();
        text.drain(..cut);
        span.start += cut;
        if text.is_empty() {
            head.remove(0);
        }
    }
    (symbol, field_of(head))
}

fn field_of(content: Vec<Inline>) -> Option<Field> {
    let first = content.first()?.span();
    let last = content.last()?.span();
    let text = super::plain_text(&content);
    Some(Field {
        text,
        content,
        span: first.to(last),
    })
}

/// E0027: a heading inside a decision with no clause under it, before
/// `next` (the formula, or the end of the decision).
fn unplaced_heading(heading: Span, next: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E0027,
        heading,
        "a heading inside a decision must stand over a preambular or operative paragraph",
    )
    .label("heading with no paragraph under it")
    .secondary(next, format!("{what} follows it"))
    .help("move the heading above the paragraph that starts its part, or delete it")
}

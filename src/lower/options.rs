//! Option blocks (`::: option` … `:::`) while the builder fills them: the
//! block open, its options so far, and where a paragraph goes.

use crate::ast::{
    Block, Choice, Label, Operative, OperativeParagraph, OptionBlock, Preambular, PreambularClause,
    Span,
};
use crate::diag::{Code, Diagnostic};

/// An option block being filled: of blocks in the body or an annex, or of
/// preambular clauses or operative paragraphs in a decision. A decision's
/// block holds what its first paragraph is: until then it is `Decision`,
/// and a block closed with no paragraph at all stays in the operative part.
pub(super) enum OpenOptions {
    Body(OptionBlock<Block>),
    Decision(OptionBlock<OperativeParagraph>),
    Preamble(OptionBlock<PreambularClause>),
}

impl OpenOptions {
    /// A block opened by the `::: option` line at `fence`.
    pub fn open(in_decision: bool, label: Option<Label>, fence: Span) -> Self {
        if in_decision {
            OpenOptions::Decision(OptionBlock {
                options: vec![choice(label, fence)],
                ordinal: 0,
                span: fence,
            })
        } else {
            OpenOptions::Body(OptionBlock {
                options: vec![choice(label, fence)],
                ordinal: 0,
                span: fence,
            })
        }
    }

    pub fn first_fence(&self) -> Span {
        match self {
            OpenOptions::Body(o) => o.span,
            OpenOptions::Decision(o) => o.span,
            OpenOptions::Preamble(o) => o.span,
        }
    }

    /// The next option, opened by the `::: option` line at `fence`.
    pub fn next(&mut self, label: Option<Label>, fence: Span) {
        match self {
            OpenOptions::Body(o) => next(o, label, fence),
            OpenOptions::Decision(o) => next(o, label, fence),
            OpenOptions::Preamble(o) => next(o, label, fence),
        }
    }

    /// Adds a block to the open option; gives it back when the options
    /// hold operative paragraphs.
    pub fn push_block(&mut self, block: Block) -> Option<Block> {
        match self {
            OpenOptions::Body(o) => push(o, block),
            OpenOptions::Decision(_) | OpenOptions::Preamble(_) => Some(block),
        }
    }

    /// A decision's block that a preambular clause may go into: one of
    /// clauses, or one with no paragraph yet.
    pub fn takes_preambular(&self) -> bool {
        match self {
            OpenOptions::Preamble(_) => true,
            OpenOptions::Decision(o) => is_empty(o),
            OpenOptions::Body(_) => false,
        }
    }

    /// No option holds a paragraph yet.
    pub fn is_empty(&self) -> bool {
        match self {
            OpenOptions::Body(o) => is_empty(o),
            OpenOptions::Decision(o) => is_empty(o),
            OpenOptions::Preamble(o) => is_empty(o),
        }
    }

    /// A decision's block of preambular clauses, which an operative
    /// paragraph ends.
    pub fn holds_preambular(&self) -> bool {
        matches!(self, OpenOptions::Preamble(_))
    }

    /// Adds a preambular clause to the open option (see
    /// [`OpenOptions::takes_preambular`]); gives it back when the block
    /// holds something else.
    pub fn push_preambular(&mut self, p: PreambularClause) -> Option<PreambularClause> {
        if let OpenOptions::Decision(o) = self
            && is_empty(o)
        {
            *self = OpenOptions::Preamble(OptionBlock {
                options: std::mem::take(&mut o.options)
                    .into_iter()
                    .map(retype)
                    .collect(),
                ordinal: o.ordinal,
                span: o.span,
            });
        }
        match self {
            OpenOptions::Preamble(o) => push(o, p),
            OpenOptions::Body(_) | OpenOptions::Decision(_) => Some(p),
        }
    }

    /// Adds an operative paragraph to the open option; gives it back when
    /// the options hold blocks.
    pub fn push_operative(&mut self, p: OperativeParagraph) -> Option<OperativeParagraph> {
        match self {
            OpenOptions::Decision(o) => push(o, p),
            OpenOptions::Body(_) | OpenOptions::Preamble(_) => Some(p),
        }
    }
}

/// The finished block, closed by the `:::` line at `close`, as a block of
/// the body or an item of the preamble or of the operative part.
pub(super) enum Closed {
    Block(Block),
    Preamble(Preambular),
    Operative(Operative),
}

pub(super) fn close(open: OpenOptions, close: Span) -> Closed {
    match open {
        OpenOptions::Body(mut o) => {
            finish(&mut o, close);
            Closed::Block(Block::Options(o))
        }
        OpenOptions::Decision(mut o) => {
            finish(&mut o, close);
            Closed::Operative(Operative::Options(o))
        }
        OpenOptions::Preamble(mut o) => {
            finish(&mut o, close);
            Closed::Preamble(Preambular::Options(o))
        }
    }
}

/// E0028: an option block still open where something starts (`at`: its
/// span and what it is), or at the end of the file (`None`).
pub(super) fn not_closed(open: &OpenOptions, at: Option<(Span, &str)>) -> Diagnostic {
    let fence = open.first_fence();
    let mut d = Diagnostic::new(
        Code::E0028,
        Span::new(fence.start, fence.start + 3),
        "this option block is not closed",
    )
    .label("option block opened here")
    .help("end the last option with a line holding only `:::`");
    if let Some((span, what)) = at {
        d = d.secondary(span, format!("{what} starts inside it"));
    }
    d
}

/// E0030: the first unnumbered paragraph of a decision with no formula
/// (`clause`) in an option of the block `open`. Kept as a clause of the
/// option; read as the formula once that option is accepted, it would
/// change meaning.
pub(super) fn before_formula(open: &OpenOptions, clause: Span) -> Diagnostic {
    let fence = open.first_fence();
    Diagnostic::new(
        Code::E0030,
        clause,
        "a decision's first unnumbered paragraph is the organ's formula, which cannot stand in an option",
    )
    .label("first unnumbered paragraph of the decision")
    .secondary(Span::new(fence.start, fence.start + 3), "option block opened here")
    .help("write the organ's formula (`The Conference of the Parties,`) above the option block")
}

fn choice<T>(label: Option<Label>, fence: Span) -> Choice<T> {
    Choice {
        label,
        ordinal: 0,
        heading: String::new(),
        anchor: String::new(),
        content: Vec::new(),
        fence_span: fence,
        span: fence,
    }
}

/// Adds `x` to the block's last option (there is always one); nothing is
/// given back.
fn push<T, U>(o: &mut OptionBlock<T>, x: T) -> Option<U> {
    if let Some(c) = o.options.last_mut() {
        c.content.push(x);
    }
    None
}

/// No option of the block holds a paragraph yet.
fn is_empty<T>(o: &OptionBlock<T>) -> bool {
    o.options.iter().all(|c| c.content.is_empty())
}

/// An option with no content yet, to hold another kind of paragraph.
fn retype<T, U>(c: Choice<T>) -> Choice<U> {
    Choice {
        label: c.label,
        ordinal: c.ordinal,
        heading: c.heading,
        anchor: c.anchor,
        content: Vec::new(),
        fence_span: c.fence_span,
        span: c.span,
    }
}

fn next<T>(o: &mut OptionBlock<T>, label: Option<Label>, fence: Span) {
    if let Some(last) = o.options.last_mut() {
        last.span.end = fence.start;
    }
    o.options.push(choice(label, fence));
}

/// Each option runs to the next `::: option` line, the last to the
/// closing `:::` (`close.start`); the block ends with `close`. A block
/// left open (`E0028`) ends with its last option's content.
fn finish<T: HasSpan>(o: &mut OptionBlock<T>, close: Span) {
    if let Some(last) = o.options.last_mut() {
        let content_end = last
            .content
            .last()
            .map_or(last.fence_span.end, HasSpan::end);
        last.span.end = close.start.max(content_end);
    }
    let end = o
        .options
        .last()
        .map_or(close.end, |c| c.span.end.max(close.end));
    o.span.end = end;
}

pub(super) trait HasSpan {
    fn end(&self) -> usize;
}

impl HasSpan for Block {
    fn end(&self) -> usize {
        match self {
            Block::Section(s) => s.span.end,
            Block::Paragraph(p) => p.span.end,
            Block::Decision(d) => d.span.end,
            Block::Options(o) => o.span.end,
        }
    }
}

impl HasSpan for OperativeParagraph {
    fn end(&self) -> usize {
        self.span.end
    }
}

impl HasSpan for PreambularClause {
    fn end(&self) -> usize {
        self.span.end
    }
}

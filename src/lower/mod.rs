//! Stage 2: lowering pest pairs into the typed AST. One `lower_<rule>`
//! function per grammar rule; `Builder` assembles the line-level blocks into
//! sections, decisions and annexes.

/// The `Node` of a rule of the grammar, or of the reference grammar of the
/// differential test: their block rules have the same names.
macro_rules! node_of {
    ($R:ident, $rule:expr) => {
        match $rule {
            $R::metadata => Node::Metadata,
            $R::meta_field => Node::MetaField,
            $R::meta_key => Node::MetaKey,
            $R::comment_line => Node::CommentLine,
            $R::heading => Node::Heading,
            $R::heading_marks => Node::HeadingMarks,
            $R::label => Node::Label,
            $R::label_name => Node::LabelName,
            $R::section_number => Node::SectionNumber,
            $R::fence => Node::Fence,
            $R::fence_kind => Node::FenceKind,
            $R::item => Node::Item,
            $R::indent => Node::Indent,
            $R::num_marker => Node::NumMarker,
            $R::sub_marker => Node::SubMarker,
            $R::footnote_def => Node::FootnoteDef,
            $R::block_inlines | $R::line_inlines => Node::Inlines,
            _ => Node::Other,
        }
    };
}

mod brackets;
mod builder;
mod inline;
mod meta;
mod options;
#[cfg(test)]
mod reference;
pub(crate) mod symbol;

use pest::RuleType;
use pest::iterators::{Pair, Pairs};
use serde::Serialize;

use crate::ast::{Document, Footnote, FootnoteOrigin, Inline, Label, Masthead, Span, Typed};
use crate::diag::Diagnostic;
use crate::syntax::{self, Rule};
use builder::Builder;
pub use inline::plain_text;

/// A `//` comment. Comments never reach the AST or any output; the formatter
/// puts them back where they were.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

pub struct Lowered {
    pub document: Document,
    pub comments: Vec<Comment>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers a whole source file. Never fails: problems become diagnostics and
/// the document holds what could be read.
pub fn lower(src: &str) -> Lowered {
    lower_in_parts(src, PART)
}

/// The size of the parts a long draft is parsed and lowered in, one after
/// the other: pest's tokens (40 bytes each) for one part are alive at a
/// time, not the whole draft's. A draft shorter than this is one part.
const PART: usize = 256 * 1024;

/// Parses and lowers `src` part by part, each part about `size` bytes and
/// ending with a blank line (`syntax::parts`). The grammar reads every part
/// as it would read it in the whole draft, so the document is the same.
fn lower_in_parts(src: &str, size: usize) -> Lowered {
    let mut lowerer = Lowerer::new(src);
    if let Some(d) = syntax::nesting_error(src) {
        return lowerer.refused(d);
    }
    let mut doc = empty_document(src.len());
    let mut builder = Builder::default();
    for (i, part) in syntax::parts(src, size).into_iter().enumerate() {
        let pairs = match syntax::parse_part(src, part.clone(), i == 0) {
            Ok(pairs) => pairs,
            // A syntax error refuses the whole draft, as it always did.
            Err(d) => return Lowerer::new(src).refused(*d),
        };
        lowerer.base = part.start;
        for root in pairs {
            lowerer.lower_blocks(root, &mut doc, &mut builder);
        }
    }
    lowerer.finish(doc, builder)
}

/// The block rules that lowering reads. The grammar and the reference
/// grammar of the differential test (`reference`) both have them, under
/// the same names, so the two share this stage's code up to the inline
/// content.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    Metadata,
    MetaField,
    MetaKey,
    CommentLine,
    Heading,
    HeadingMarks,
    Label,
    LabelName,
    SectionNumber,
    Fence,
    FenceKind,
    Item,
    Indent,
    NumMarker,
    SubMarker,
    FootnoteDef,
    /// `block_inlines` or `line_inlines`.
    Inlines,
    Other,
}

pub(crate) trait Grammar: RuleType {
    fn kind(self) -> Node;
    /// The inline content of a `block_inlines` or `line_inlines` pair.
    fn lower_inlines(lowerer: &mut Lowerer<'_>, pair: Pair<'_, Self>) -> Vec<Inline>;
}

impl Grammar for Rule {
    fn kind(self) -> Node {
        node_of!(Rule, self)
    }

    /// The grammar only finds where inline content ends; the scanner reads it.
    fn lower_inlines(lowerer: &mut Lowerer<'_>, pair: Pair<'_, Self>) -> Vec<Inline> {
        let span = lowerer.span_of(&pair);
        lowerer.lower_inlines(span.start, span.end)
    }
}

/// A document with nothing in it, spanning `len` bytes.
pub fn empty_document(len: usize) -> Document {
    Document {
        language: Default::default(),
        meta: Masthead::default(),
        body: Vec::new(),
        annexes: Vec::new(),
        footnotes: Vec::new(),
        presentation: Default::default(),
        span: Span::new(0, len),
    }
}

pub(crate) struct Lowerer<'s> {
    src: &'s str,
    /// Where the part being lowered starts in `src`: pest's positions are
    /// relative to the part it parsed.
    base: usize,
    diags: Vec<Diagnostic>,
    comments: Vec<Comment>,
    /// Every footnote met so far, in source order: the document's list.
    footnotes: Vec<Footnote>,
}

/// A marker in front of an item.
pub(crate) enum Marker {
    /// `4.` or `#.`; inserted (`true`) for `9 bis.` or `#+.`.
    Number(Option<Typed>, bool),
    /// `(a)`, `a)` or `-`; a dash item (`true`) for `–`.
    Sub(Option<Typed>, bool),
}

/// One line-level block, before the builder nests it.
pub(crate) enum LineBlock {
    Heading {
        level: usize,
        label: Option<Label>,
        typed: Option<Typed>,
        title: Vec<Inline>,
        span: Span,
    },
    Fence {
        kind: Option<(String, Span)>,
        label: Option<Label>,
        head: Vec<Inline>,
        span: Span,
    },
    Item {
        indent: usize,
        marker: Option<Marker>,
        label: Option<Label>,
        content: Vec<Inline>,
        span: Span,
    },
}

impl<'s> Lowerer<'s> {
    fn new(src: &'s str) -> Self {
        Lowerer {
            src,
            base: 0,
            diags: Vec::new(),
            comments: Vec::new(),
            footnotes: Vec::new(),
        }
    }

    /// A draft the parser refused: an empty document and the reason.
    fn refused(mut self, d: Diagnostic) -> Lowered {
        self.diags.push(d);
        Lowered {
            document: empty_document(self.src.len()),
            comments: Vec::new(),
            diagnostics: self.diags,
        }
    }

    /// Lowers the blocks of one parsed part (a `document` or `blocks` pair).
    fn lower_blocks<R: Grammar>(
        &mut self,
        pair: Pair<'_, R>,
        doc: &mut Document,
        builder: &mut Builder,
    ) {
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::Metadata => doc.meta = self.lower_metadata(p),
                Node::CommentLine => self.lower_comments(Pairs::single(p)),
                Node::Heading => builder.push(self.lower_heading(p), &mut self.diags),
                Node::Fence => builder.push(self.lower_fence(p), &mut self.diags),
                Node::Item => builder.push(self.lower_item(p), &mut self.diags),
                Node::FootnoteDef => self.lower_footnote_def(p),
                _ => {}
            }
        }
    }

    fn finish(mut self, mut doc: Document, builder: Builder) -> Lowered {
        let (body, annexes) = builder.finish(&mut self.diags);
        doc.body = body;
        doc.annexes = annexes;
        doc.footnotes = self.footnotes;
        Lowered {
            document: doc,
            comments: self.comments,
            diagnostics: self.diags,
        }
    }

    /// A pair's span in the source.
    pub(super) fn span_of<R: RuleType>(&self, pair: &Pair<'_, R>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    /// A label as written, in Unicode's composed form (NFC): `é` typed as
    /// one character or as `e` and a combining accent is the same label.
    pub(super) fn label_of<R: RuleType>(&self, pair: &Pair<'_, R>) -> Label {
        let span = self.span_of(pair);
        inline::label_at(self.src, span.start, span.end)
    }

    /// A block's span without the line break that ends it.
    fn trimmed_span<R: RuleType>(&self, pair: &Pair<'_, R>) -> Span {
        let s = pair.as_str();
        let trimmed = s.trim_end_matches(['\r', '\n', ' ', '\t']);
        let start = self.base + pair.as_span().start();
        Span::new(start, start + trimmed.len())
    }

    /// The typed designation of a marker, or `None` for `#.`, `#+.`, `-` and `–`.
    fn typed_marker<R: RuleType>(&self, pair: &Pair<'_, R>, punct: &[char]) -> Option<Typed> {
        let text = pair.as_str().trim_matches(punct);
        let computed = matches!(text, "#" | "#+" | "-" | "\u{2013}");
        (!computed).then(|| Typed {
            text: text.to_string(),
            span: self.span_of(pair),
        })
    }

    fn lower_comments<R: Grammar>(&mut self, pairs: Pairs<'_, R>) {
        for p in pairs.filter(|p| p.as_rule().kind() == Node::CommentLine) {
            let span = self.span_of(&p);
            let text = p.into_inner().next().map_or("", |t| t.as_str()).to_string();
            self.comments.push(Comment { text, span });
        }
    }

    fn lower_heading<R: Grammar>(&mut self, pair: Pair<'_, R>) -> LineBlock {
        let span = self.trimmed_span(&pair);
        let (mut level, mut label, mut typed, mut title) = (1, None, None, Vec::new());
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::HeadingMarks => level = p.as_str().len(),
                Node::Label => label = Some(self.lower_label(p)),
                Node::SectionNumber => {
                    let s = self.span_of(&p);
                    typed = Some(Typed {
                        text: p.as_str().trim_end_matches('.').to_string(),
                        span: s,
                    });
                }
                Node::Inlines => title = inline::trim(R::lower_inlines(self, p)),
                _ => {}
            }
        }
        LineBlock::Heading {
            level,
            label,
            typed,
            title,
            span,
        }
    }

    fn lower_fence<R: Grammar>(&mut self, pair: Pair<'_, R>) -> LineBlock {
        let span = self.trimmed_span(&pair);
        let (mut kind, mut label, mut head) = (None, None, Vec::new());
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::FenceKind => kind = Some((p.as_str().to_string(), self.span_of(&p))),
                Node::Label => label = Some(self.lower_label(p)),
                Node::Inlines => head = inline::trim(R::lower_inlines(self, p)),
                _ => {}
            }
        }
        LineBlock::Fence {
            kind,
            label,
            head,
            span,
        }
    }

    fn lower_item<R: Grammar>(&mut self, pair: Pair<'_, R>) -> LineBlock {
        let span = self.trimmed_span(&pair);
        let (mut indent, mut marker, mut label, mut content) = (0, None, None, Vec::new());
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::Indent => {
                    indent = p
                        .as_str()
                        .chars()
                        .map(|c| if c == '\t' { 4 } else { 1 })
                        .sum()
                }
                Node::NumMarker => {
                    let inserted = p.as_str().contains(['+', ' ']);
                    let typed = self.typed_marker(&p, &['.'][..]);
                    marker = Some(Marker::Number(typed, inserted));
                }
                Node::SubMarker => {
                    let dash = p.as_str() == "\u{2013}";
                    let typed = self.typed_marker(&p, &['(', ')'][..]);
                    marker = Some(Marker::Sub(typed, dash));
                }
                Node::Label => label = Some(self.lower_label(p)),
                Node::Inlines => content = inline::trim(R::lower_inlines(self, p)),
                _ => {}
            }
        }
        LineBlock::Item {
            indent,
            marker,
            label,
            content,
            span: Span::new(span.start + indent_bytes(&span, self.src), span.end),
        }
    }

    fn lower_footnote_def<R: Grammar>(&mut self, pair: Pair<'_, R>) {
        let span = self.trimmed_span(&pair);
        let id = self.reserve_footnote(FootnoteOrigin::Named, span);
        let mut label = Label {
            name: String::new(),
            span,
        };
        let mut content = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::LabelName => label = self.label_of(&p),
                Node::Inlines => content = inline::trim(R::lower_inlines(self, p)),
                _ => {}
            }
        }
        let footnote = &mut self.footnotes[id];
        footnote.label = Some(label);
        footnote.content = content;
    }

    /// A place in the document's footnote list, taken before the
    /// footnote's text is lowered so that a footnote nested in it comes
    /// after it: the list stays in source order.
    pub(super) fn reserve_footnote(&mut self, origin: FootnoteOrigin, span: Span) -> usize {
        self.footnotes.push(Footnote {
            origin,
            label: None,
            number: None,
            mark: None,
            content: Vec::new(),
            ibid: false,
            span,
        });
        self.footnotes.len() - 1
    }
}

fn indent_bytes(span: &Span, src: &str) -> usize {
    let s = &src[span.start..span.end];
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

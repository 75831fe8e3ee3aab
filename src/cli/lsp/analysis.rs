//! One compiled version of an open draft, with what the editor features
//! look up in it: the labels defined, the references, the opening words
//! and the outline. Built once per version by one walk of the resolved
//! document (`draftdec::visit`); the features only search these lists.

use std::sync::Arc;

use draftdec::Compiled;
use draftdec::ast::{
    Annex, Block, Choice, CrossRef, Decision, DecisionRef, Designation, Document, DocumentRef,
    Field, FootnoteRef, Inline, Label, Opening, OperativeParagraph, Paragraph, Piece,
    PreambularClause, Section, Span, SubParagraph, plain_text,
};
use draftdec::visit::{self, Visitor};
use lsp_types::SymbolKind;

use super::position::LineIndex;

pub(crate) struct Analysis {
    /// The version of the text it was compiled from (the server's count).
    pub(crate) generation: u64,
    /// The client's text, whose positions requests give.
    pub(crate) text: Arc<str>,
    pub(crate) lines: LineIndex,
    pub(crate) compiled: Compiled,
    pub(crate) index: Index,
}

impl Analysis {
    pub(crate) fn new(generation: u64, text: Arc<str>) -> Analysis {
        // `decode` turns a lone CR into LF at the same offset, as
        // `draftdec check` reads a file; spans stay valid in `text`.
        let compiled = match draftdec::decode(text.as_bytes()) {
            Ok(decoded) => draftdec::compile(&decoded),
            Err(_) => draftdec::compile_bytes(text.as_bytes()),
        };
        let index = Index::of(&compiled.document);
        Analysis {
            generation,
            lines: LineIndex::new(&text),
            text,
            compiled,
            index,
        }
    }

    pub(crate) fn document(&self) -> &Document {
        &self.compiled.document
    }
}

/// A label where it is defined (`<op-coop>`), on a numbered node.
pub(crate) struct LabelDef {
    pub(crate) label: Label,
    /// What the node is and its designation (`operative paragraph 2 (a)`).
    pub(crate) what: String,
    /// The node's first words, to recognise it by.
    pub(crate) first_words: String,
}

/// An opening of a clause, and whether the clause is preambular.
pub(crate) struct OpeningAt {
    pub(crate) opening: Opening,
    pub(crate) preambular: bool,
}

/// A node of the document's outline (sections, decisions, annexes,
/// paragraphs by number).
pub(crate) struct OutlineNode {
    pub(crate) name: String,
    pub(crate) kind: SymbolKind,
    pub(crate) span: Span,
    /// What to select: the label, the heading or the number.
    pub(crate) selection: Span,
    pub(crate) children: Vec<OutlineNode>,
}

#[derive(Default)]
pub(crate) struct Index {
    pub(crate) labels: Vec<LabelDef>,
    pub(crate) cross_refs: Vec<CrossRef>,
    pub(crate) footnote_refs: Vec<FootnoteRef>,
    pub(crate) decision_refs: Vec<DecisionRef>,
    pub(crate) document_refs: Vec<DocumentRef>,
    pub(crate) openings: Vec<OpeningAt>,
    /// Where each decision is written.
    pub(crate) decisions: Vec<Span>,
    pub(crate) outline: Vec<OutlineNode>,
    /// Where the masthead's fields are written, from the first to the last.
    pub(crate) masthead: Option<Span>,
    /// The nodes being filled, innermost last.
    stack: Vec<OutlineNode>,
    /// Inside a decision's preamble clause (for its opening words).
    in_preamble: bool,
}

impl Index {
    fn of(document: &Document) -> Index {
        let mut index = Index::default();
        index.visit_document(document);
        index.masthead = document
            .meta
            .fields()
            .iter()
            .filter_map(|(_, field)| field.as_ref().map(|f| f.span))
            .reduce(Span::to);
        index
    }

    /// The printed reference to a label, where a cross-reference printed it.
    pub(crate) fn printed(&self, def: &LabelDef) -> Option<&str> {
        self.cross_refs
            .iter()
            .filter_map(|r| r.target.as_ref())
            .find(|t| t.label_span == def.label.span)
            .map(|t| t.text.as_str())
    }

    /// An option of an option block: its label, and an outline node
    /// named by its heading ("Option 2") holding its paragraphs; the
    /// caller closes it after the walk.
    fn option<T>(&mut self, node: &Choice<T>) {
        let what = format!("option {}", node.ordinal);
        self.define(&node.label, what, node.heading.clone());
        self.open(
            node.heading.clone(),
            SymbolKind::ENUM_MEMBER,
            node.span,
            selection(&node.label, node.fence_span),
        );
    }

    fn define(&mut self, label: &Option<Label>, what: String, words: String) {
        if let Some(label) = label {
            self.labels.push(LabelDef {
                label: label.clone(),
                what,
                first_words: first_words(&words),
            });
        }
    }

    /// Opens an outline node; its children are what the walk meets until
    /// [`Index::close`].
    fn open(&mut self, name: String, kind: SymbolKind, span: Span, selection: Span) {
        self.stack.push(OutlineNode {
            name,
            kind,
            span,
            selection,
            children: Vec::new(),
        });
    }

    fn close(&mut self) {
        if let Some(node) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(node),
                None => self.outline.push(node),
            }
        }
    }
}

/// A node's designation as printed before it, or nothing.
fn display(number: &Option<Designation>) -> &str {
    number.as_ref().map_or("", |n| n.display.as_str())
}

/// A node's kind and full designation (`operative paragraph 2 (a)`).
fn what(kind: &str, number: &Option<Designation>) -> String {
    match number {
        Some(n) if !n.path.is_empty() => format!("{kind} {}", n.path),
        _ => kind.to_string(),
    }
}

/// `display` and `text` joined by a space, either possibly empty.
fn joined(display: &str, text: &str) -> String {
    [display, text]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The selection of a node: its label, else its first characters.
fn selection(label: &Option<Label>, span: Span) -> Span {
    label
        .as_ref()
        .map_or(Span::new(span.start, span.start), |l| l.span)
}

fn field_text(field: &Option<Field>) -> &str {
    field.as_ref().map_or("", |f| f.text.as_str())
}

/// The first dozen words (or, in a script without spaces, the first forty
/// characters) of a text, with an ellipsis when it goes on.
pub(crate) fn first_words(text: &str) -> String {
    const WORDS: usize = 12;
    const CHARS: usize = 40;
    let text = text.trim();
    let mut end = text.len();
    let mut words = 0;
    for (i, (at, c)) in text.char_indices().enumerate() {
        if c == ' ' {
            words += 1;
        }
        if words == WORDS || i == CHARS * 2 || (i == CHARS && words < 2) {
            end = at;
            break;
        }
    }
    if end < text.len() {
        format!("{}…", text[..end].trim_end())
    } else {
        text.to_string()
    }
}

/// The words of a decision's resolved heading (`MC-6/[…]: Title`).
fn heading_text(decision: &Decision) -> String {
    let pieces = decision.heading.as_deref().unwrap_or_default();
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Words { text: words } | Piece::Symbol { text: words } => text.push_str(words),
            Piece::Field { key } => {
                let field = match key {
                    draftdec::ast::FieldKey::Symbol => &decision.symbol,
                    _ => &decision.title,
                };
                text.push_str(field_text(field));
            }
            Piece::FootnoteRef(_) => {}
        }
    }
    text
}

impl Visitor for Index {
    fn visit_section(&mut self, node: &Section) {
        let title = plain_text(&node.title);
        let kind = if node.level == 1 {
            "section"
        } else {
            "sub-section"
        };
        self.define(&node.label, what(kind, &node.number), title.clone());
        self.open(
            joined(display(&node.number), &title),
            SymbolKind::NAMESPACE,
            node.span,
            selection(&node.label, node.span),
        );
        visit::walk_section(self, node);
        self.close();
    }

    fn visit_paragraph(&mut self, node: &Paragraph) {
        let text = plain_text(&node.content);
        self.define(&node.label, what("paragraph", &node.number), text);
        if node.numbered {
            let name = what("Paragraph", &node.number);
            self.open(
                name,
                SymbolKind::NUMBER,
                node.span,
                selection(&node.label, node.span),
            );
            visit::walk_paragraph(self, node);
            self.close();
        } else {
            visit::walk_paragraph(self, node);
        }
    }

    fn visit_decision(&mut self, node: &Decision) {
        let heading = heading_text(node);
        self.define(&node.label, "decision".into(), heading.clone());
        self.decisions.push(node.span);
        let name = if heading.is_empty() {
            "Decision".to_string()
        } else {
            heading
        };
        self.open(
            name,
            SymbolKind::CLASS,
            node.span,
            selection(&node.label, node.span),
        );
        visit::walk_decision(self, node);
        self.close();
    }

    fn visit_preambular_clause(&mut self, node: &PreambularClause) {
        let text = node
            .opening
            .as_ref()
            .map_or(String::new(), |o| o.text.clone())
            + " "
            + &plain_text(&node.content);
        self.define(&node.label, what("preambular clause", &node.number), text);
        self.in_preamble = true;
        visit::walk_preambular_clause(self, node);
        self.in_preamble = false;
    }

    fn visit_operative_paragraph(&mut self, node: &OperativeParagraph) {
        let opening = node.opening.as_ref().map_or("", |o| o.text.as_str());
        let text = joined(opening, &plain_text(&node.content));
        let kind = "operative paragraph";
        self.define(&node.label, what(kind, &node.number), text);
        let name = joined(&what("Paragraph", &node.number), opening);
        self.open(
            name,
            SymbolKind::NUMBER,
            node.span,
            selection(&node.label, node.span),
        );
        visit::walk_operative_paragraph(self, node);
        self.close();
    }

    fn visit_subparagraph(&mut self, node: &SubParagraph) {
        let text = plain_text(&node.content);
        self.define(&node.label, what("sub-paragraph", &node.number), text);
        visit::walk_subparagraph(self, node);
    }

    fn visit_annex(&mut self, node: &Annex) {
        let title = field_text(&node.title).to_string();
        self.define(&node.label, what("annex", &node.number), title.clone());
        self.open(
            joined(&node.heading, &title),
            SymbolKind::MODULE,
            node.span,
            selection(&node.label, node.span),
        );
        visit::walk_annex(self, node);
        self.close();
    }

    fn visit_choice(&mut self, node: &Choice<Block>) {
        self.option(node);
        visit::walk_choice(self, node);
        self.close();
    }

    fn visit_preambular_choice(&mut self, node: &Choice<PreambularClause>) {
        self.option(node);
        visit::walk_preambular_choice(self, node);
        self.close();
    }

    fn visit_operative_choice(&mut self, node: &Choice<OperativeParagraph>) {
        self.option(node);
        visit::walk_operative_choice(self, node);
        self.close();
    }

    fn visit_opening(&mut self, node: &Opening) {
        self.openings.push(OpeningAt {
            opening: node.clone(),
            preambular: self.in_preamble,
        });
    }

    fn visit_inline(&mut self, node: &Inline) {
        match node {
            Inline::CrossRef(r) => self.cross_refs.push(r.clone()),
            Inline::FootnoteRef(r) => self.footnote_refs.push(r.clone()),
            Inline::DecisionRef(r) => self.decision_refs.push(r.clone()),
            Inline::DocumentRef(r) => self.document_refs.push(r.clone()),
            _ => {}
        }
        visit::walk_inline(self, node);
    }
}

#[cfg(test)]
mod tests {
    use super::first_words;

    #[test]
    fn first_words_stop_at_a_dozen_words_or_forty_ideographs() {
        assert_eq!(
            first_words("Requests the secretariat"),
            "Requests the secretariat"
        );
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen";
        assert_eq!(
            first_words(long),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
        let zh = "请秘书处".repeat(20);
        assert_eq!(first_words(&zh).chars().count(), 41);
    }
}

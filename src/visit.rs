//! The one traversal of the AST, in the style of rustc's and syn's visitors.
//!
//! [`Visitor`] has one `visit_*` method per kind of node; each default
//! calls the matching `walk_*` function, which visits the node's children.
//! A stage overrides the methods of the nodes it cares about, keeps its
//! context (the enclosing section, the decision, a counter) in its own
//! struct, and calls `walk_*` where it wants to go deeper; not calling it
//! prunes the subtree. [`mutable::VisitorMut`] is the same trait over
//! `&mut` nodes, with the same method names; both are expanded from one
//! macro, so they cannot disagree on what is visited or in which order.
//!
//! Every node with a span is visited, once, in source order: the masthead's
//! fields in the order they are written, and in each node what is written
//! first comes first (a heading's label before its typed number, a
//! paragraph's typed number before its label, a clause's opening words
//! before its text). What the AST keeps out of line is visited after the
//! annexes:
//!
//! - the footnotes, whose texts have one home, `Document::footnotes`
//!   (lowering lists them in source order, resolution in print order); a
//!   reference holds only the footnote's position in that list, so the
//!   walk cannot reach a footnote where it is written;
//! - the presentation layer (`Document::presentation`: the masthead's
//!   printed lines), resolved from the masthead.
//!
//! [`walk_print_order`] visits instead in the order of the printed page,
//! for what is numbered as it is printed.
//!
//! A decision's heading (resolved pieces, with no span) comes after its
//! label; the headings of its parts (`# Part` inside a decision) come with
//! the clause under them, before it. An operative paragraph's addressee is found in the first words of
//! its text and the words stay there: it is visited with the opening words,
//! before the text that holds it.
//!
//! Resolved fields that are not nodes (designations, anchors, reference
//! targets, whose spans are those of the nodes they point at) are not
//! visited.
//!
//! The backends (`render::{json, html, docx}`) and the formatter (`fmt`) do
//! not use the visitor: they print in the layout of their output, which
//! is not always source order (the masthead's fields, footnotes at the end
//! of the page), so each keeps the structure of what it prints.

use crate::ast::{
    Addressee, Alternatives, Annex, Block, Bracket, BracketNote, Choice, CrossRef, Decision,
    DecisionRef, Document, DocumentRef, Field, Footnote, FootnoteRef, Formula, Inline, Label,
    Masthead, MastheadLine, Opening, Operative, OperativeParagraph, OptionBlock, Paragraph, Piece,
    Preambular, PreambularClause, Presentation, Section, Span, SubParagraph, Typed,
};

/// Both visitors from one definition. `$m` is `mut` or nothing; `$Content`
/// and `$Text` are the borrowed forms of inline content and of text
/// (`[Inline]`, `str` read-only; `Vec<Inline>`, `String` mutable, so that a
/// stage may insert and remove nodes); `$fields` and `$get` are
/// `Masthead::fields` and `get`, or their `_mut` forms.
macro_rules! visitor {
    (
        $(#[$doc:meta])*
        trait $Visitor:ident;
        mode = [$($m:tt)?];
        content = $Content:ty;
        text = $Text:ty;
        fields = $fields:ident;
        get = $get:ident;
    ) => {
        $(#[$doc])*
        pub trait $Visitor {
            fn visit_document(&mut self, node: &$($m)? Document) {
                walk_document(self, node)
            }
            fn visit_masthead(&mut self, node: &$($m)? Masthead) {
                walk_masthead(self, node)
            }
            /// A masthead field, a decision's symbol or title, an annex's title.
            fn visit_field(&mut self, node: &$($m)? Field) {
                walk_field(self, node)
            }
            fn visit_block(&mut self, node: &$($m)? Block) {
                walk_block(self, node)
            }
            fn visit_section(&mut self, node: &$($m)? Section) {
                walk_section(self, node)
            }
            fn visit_paragraph(&mut self, node: &$($m)? Paragraph) {
                walk_paragraph(self, node)
            }
            fn visit_decision(&mut self, node: &$($m)? Decision) {
                walk_decision(self, node)
            }
            fn visit_formula(&mut self, node: &$($m)? Formula) {
                walk_formula(self, node)
            }
            fn visit_preambular_clause(&mut self, node: &$($m)? PreambularClause) {
                walk_preambular_clause(self, node)
            }
            fn visit_operative_paragraph(&mut self, node: &$($m)? OperativeParagraph) {
                walk_operative_paragraph(self, node)
            }
            fn visit_subparagraph(&mut self, node: &$($m)? SubParagraph) {
                walk_subparagraph(self, node)
            }
            fn visit_annex(&mut self, node: &$($m)? Annex) {
                walk_annex(self, node)
            }
            /// An option block of the body or an annex: each option in turn.
            fn visit_options(&mut self, node: &$($m)? OptionBlock<Block>) {
                walk_options(self, node)
            }
            /// An option of the body or an annex: its label, its blocks.
            fn visit_choice(&mut self, node: &$($m)? Choice<Block>) {
                walk_choice(self, node)
            }
            /// An option block of a decision's preamble.
            fn visit_preambular_options(&mut self, node: &$($m)? OptionBlock<PreambularClause>) {
                walk_preambular_options(self, node)
            }
            /// An option of a decision's preamble: its label, its clauses.
            fn visit_preambular_choice(&mut self, node: &$($m)? Choice<PreambularClause>) {
                walk_preambular_choice(self, node)
            }
            /// An option block of a decision's operative part.
            fn visit_operative_options(&mut self, node: &$($m)? OptionBlock<OperativeParagraph>) {
                walk_operative_options(self, node)
            }
            /// An option of a decision: its label, its operative paragraphs.
            fn visit_operative_choice(&mut self, node: &$($m)? Choice<OperativeParagraph>) {
                walk_operative_choice(self, node)
            }
            /// A footnote's text, in `Document::footnotes`.
            fn visit_footnote(&mut self, node: &$($m)? Footnote) {
                walk_footnote(self, node)
            }
            fn visit_presentation(&mut self, node: &$($m)? Presentation) {
                walk_presentation(self, node)
            }
            fn visit_masthead_line(&mut self, node: &$($m)? MastheadLine) {
                walk_masthead_line(self, node)
            }
            /// A piece of the presentation layer: of a masthead line or a
            /// decision's heading.
            fn visit_piece(&mut self, node: &$($m)? Piece) {
                walk_piece(self, node)
            }
            /// Every label: those attached to nodes (`<name>`), a named
            /// footnote's, and the names in references (`@name`, `^name`).
            fn visit_label(&mut self, _node: &$($m)? Label) {}
            /// A number or marker typed by hand (`4.`, `(b)`, `II.`).
            fn visit_typed(&mut self, _node: &$($m)? Typed) {}
            fn visit_opening(&mut self, _node: &$($m)? Opening) {}
            fn visit_addressee(&mut self, _node: &$($m)? Addressee) {}
            /// A list of inline content: a title, a field's value, the text
            /// of a paragraph or clause, what emphasis or a footnote holds.
            fn visit_content(&mut self, node: &$($m)? $Content) {
                walk_content(self, node)
            }
            fn visit_inline(&mut self, node: &$($m)? Inline) {
                walk_inline(self, node)
            }
            fn visit_text(&mut self, _text: &$($m)? $Text, _span: &$($m)? Span) {}
            fn visit_emphasis(&mut self, content: &$($m)? $Content, span: &$($m)? Span) {
                walk_emphasis(self, content, span)
            }
            fn visit_strong(&mut self, content: &$($m)? $Content, span: &$($m)? Span) {
                walk_strong(self, content, span)
            }
            fn visit_footnote_ref(&mut self, node: &$($m)? FootnoteRef) {
                walk_footnote_ref(self, node)
            }
            fn visit_cross_ref(&mut self, node: &$($m)? CrossRef) {
                walk_cross_ref(self, node)
            }
            /// `[text]{note}`: the text, then the note.
            fn visit_bracket(&mut self, node: &$($m)? Bracket) {
                walk_bracket(self, node)
            }
            fn visit_bracket_note(&mut self, _node: &$($m)? BracketNote) {}
            /// `[A][B]`: each option in turn.
            fn visit_alternatives(&mut self, node: &$($m)? Alternatives) {
                walk_alternatives(self, node)
            }
            fn visit_decision_ref(&mut self, _node: &$($m)? DecisionRef) {}
            fn visit_document_ref(&mut self, _node: &$($m)? DocumentRef) {}
        }

        /// The masthead, the body, the annexes, then what is kept out of
        /// line: the footnotes and the presentation layer.
        pub fn walk_document<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Document) {
            v.visit_masthead(&$($m)? node.meta);
            for block in &$($m)? node.body {
                v.visit_block(block);
            }
            for annex in &$($m)? node.annexes {
                v.visit_annex(annex);
            }
            for footnote in &$($m)? node.footnotes {
                v.visit_footnote(footnote);
            }
            v.visit_presentation(&$($m)? node.presentation);
        }

        /// The document in print order, for what is numbered as it is
        /// printed (footnotes): the masthead's printed lines, following
        /// each `Piece::Field` to its field, then the body and the annexes.
        /// The footnotes' texts are not visited: a reference inside one is
        /// not part of that order.
        pub fn walk_print_order<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Document) {
            let Document {
                meta,
                presentation,
                body,
                annexes,
                ..
            } = node;
            for line in &$($m)? presentation.masthead {
                for piece in &$($m)? line.pieces {
                    match piece {
                        Piece::Field { key } => {
                            if let Some(field) = meta.$get(*key) {
                                v.visit_field(field);
                            }
                        }
                        other => v.visit_piece(other),
                    }
                }
            }
            for block in body {
                v.visit_block(block);
            }
            for annex in annexes {
                v.visit_annex(annex);
            }
        }

        /// The fields in the order they are written (metadata lines may
        /// come in any order).
        pub fn walk_masthead<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Masthead) {
            let mut fields = node.$fields().map(|(_, field)| field);
            fields.sort_by_key(|field| field.as_ref().map(|f| f.span.start));
            for field in fields.into_iter().flatten() {
                v.visit_field(field);
            }
        }

        pub fn walk_field<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Field) {
            v.visit_content(&$($m)? node.content);
        }

        pub fn walk_block<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Block) {
            match node {
                Block::Section(s) => v.visit_section(s),
                Block::Paragraph(p) => v.visit_paragraph(p),
                Block::Decision(d) => v.visit_decision(d),
                Block::Options(o) => v.visit_options(o),
            }
        }

        pub fn walk_options<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? OptionBlock<Block>) {
            for choice in &$($m)? node.options {
                v.visit_choice(choice);
            }
        }

        /// `::: option <label>`, then the option's blocks.
        pub fn walk_choice<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Choice<Block>) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            for block in &$($m)? node.content {
                v.visit_block(block);
            }
        }

        pub fn walk_preambular_options<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? OptionBlock<PreambularClause>,
        ) {
            for choice in &$($m)? node.options {
                v.visit_preambular_choice(choice);
            }
        }

        /// `::: option <label>`, then the option's preambular clauses.
        pub fn walk_preambular_choice<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? Choice<PreambularClause>,
        ) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            for clause in &$($m)? node.content {
                v.visit_preambular_clause(clause);
            }
        }

        pub fn walk_operative_options<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? OptionBlock<OperativeParagraph>,
        ) {
            for choice in &$($m)? node.options {
                v.visit_operative_choice(choice);
            }
        }

        /// `::: option <label>`, then the option's operative paragraphs.
        pub fn walk_operative_choice<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? Choice<OperativeParagraph>,
        ) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            for para in &$($m)? node.content {
                v.visit_operative_paragraph(para);
            }
        }

        /// `# <label> II. Title`, then the section's blocks.
        pub fn walk_section<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Section) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            if let Some(typed) = &$($m)? node.typed_number {
                v.visit_typed(typed);
            }
            v.visit_content(&$($m)? node.title);
            for block in &$($m)? node.content {
                v.visit_block(block);
            }
        }

        /// `4. <label> text`, then the sub-paragraphs.
        pub fn walk_paragraph<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Paragraph) {
            if let Some(typed) = &$($m)? node.typed_number {
                v.visit_typed(typed);
            }
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            v.visit_content(&$($m)? node.content);
            for sub in &$($m)? node.subparagraphs {
                v.visit_subparagraph(sub);
            }
        }

        /// `::: decision <label> MC-6/[…]: Title` (the heading printed
        /// for the symbol and title first), the formula, the preamble, the
        /// operative paragraphs.
        pub fn walk_decision<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Decision) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            for piece in (&$($m)? node.heading).into_iter().flatten() {
                v.visit_piece(piece);
            }
            if let Some(symbol) = &$($m)? node.symbol {
                v.visit_field(symbol);
            }
            if let Some(title) = &$($m)? node.title {
                v.visit_field(title);
            }
            if let Some(formula) = &$($m)? node.formula {
                v.visit_formula(formula);
            }
            // The preamble comes first, save in a draft with an unnumbered
            // paragraph after the operative ones (E0022), which lowering
            // keeps in the preamble: each is visited where it is written.
            let mut preamble = (&$($m)? node.preamble).into_iter().peekable();
            let mut operative = (&$($m)? node.operative).into_iter().peekable();
            loop {
                let clause_first = match (preamble.peek(), operative.peek()) {
                    (Some(c), Some(p)) => c.span().start <= p.span().start,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                if clause_first {
                    match preamble.next() {
                        Some(Preambular::Clause(clause)) => v.visit_preambular_clause(clause),
                        Some(Preambular::Options(options)) => v.visit_preambular_options(options),
                        None => {}
                    }
                } else {
                    match operative.next() {
                        Some(Operative::Paragraph(para)) => v.visit_operative_paragraph(para),
                        Some(Operative::Options(options)) => v.visit_operative_options(options),
                        None => {}
                    }
                }
            }
        }

        pub fn walk_formula<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Formula) {
            v.visit_content(&$($m)? node.content);
        }

        /// The headings above it (`# Part`), `<label> *Recalling* text`,
        /// then the sub-paragraphs.
        pub fn walk_preambular_clause<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? PreambularClause,
        ) {
            for heading in &$($m)? node.headings {
                v.visit_section(heading);
            }
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            if let Some(opening) = &$($m)? node.opening {
                v.visit_opening(opening);
            }
            v.visit_content(&$($m)? node.content);
            for sub in &$($m)? node.subparagraphs {
                v.visit_subparagraph(sub);
            }
        }

        /// The headings above it, `2. <label> Requests the Executive
        /// Secretary text`, then the sub-paragraphs. The addressee comes
        /// with the opening words, before the text it is part of.
        pub fn walk_operative_paragraph<V: $Visitor + ?Sized>(
            v: &mut V,
            node: &$($m)? OperativeParagraph,
        ) {
            for heading in &$($m)? node.headings {
                v.visit_section(heading);
            }
            if let Some(typed) = &$($m)? node.typed_number {
                v.visit_typed(typed);
            }
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            if let Some(opening) = &$($m)? node.opening {
                v.visit_opening(opening);
            }
            if let Some(addressee) = &$($m)? node.addressee {
                v.visit_addressee(addressee);
            }
            v.visit_content(&$($m)? node.content);
            for sub in &$($m)? node.subparagraphs {
                v.visit_subparagraph(sub);
            }
        }

        /// `(b) <label> text`, then the nested sub-paragraphs.
        pub fn walk_subparagraph<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? SubParagraph) {
            if let Some(typed) = &$($m)? node.typed_marker {
                v.visit_typed(typed);
            }
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            v.visit_content(&$($m)? node.content);
            for sub in &$($m)? node.children {
                v.visit_subparagraph(sub);
            }
        }

        /// `::: annex <label> Title`, then the annex's blocks.
        pub fn walk_annex<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Annex) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            if let Some(title) = &$($m)? node.title {
                v.visit_field(title);
            }
            for block in &$($m)? node.content {
                v.visit_block(block);
            }
        }

        /// `^label: text` or `^{text}`.
        pub fn walk_footnote<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Footnote) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
            v.visit_content(&$($m)? node.content);
        }

        pub fn walk_presentation<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Presentation) {
            for line in &$($m)? node.masthead {
                v.visit_masthead_line(line);
            }
            for line in &$($m)? node.closing {
                v.visit_masthead_line(line);
            }
        }

        pub fn walk_masthead_line<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? MastheadLine) {
            for piece in &$($m)? node.pieces {
                v.visit_piece(piece);
            }
        }

        /// A footnote reference; the other pieces are words and a field's
        /// key, which the walk does not follow (the field is visited where
        /// it is written).
        pub fn walk_piece<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Piece) {
            match node {
                Piece::FootnoteRef(r) => v.visit_footnote_ref(r),
                Piece::Words { .. } | Piece::Field { .. } | Piece::Symbol { .. } => {}
            }
        }

        pub fn walk_content<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? $Content) {
            for inline in node {
                v.visit_inline(inline);
            }
        }

        pub fn walk_inline<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Inline) {
            match node {
                Inline::Text { text, span } => v.visit_text(text, span),
                Inline::Emphasis { content, span } => v.visit_emphasis(content, span),
                Inline::Strong { content, span } => v.visit_strong(content, span),
                Inline::FootnoteRef(r) => v.visit_footnote_ref(r),
                Inline::CrossRef(r) => v.visit_cross_ref(r),
                Inline::DecisionRef(r) => v.visit_decision_ref(r),
                Inline::DocumentRef(r) => v.visit_document_ref(r),
                Inline::Bracket(b) => v.visit_bracket(b),
                Inline::Alternatives(a) => v.visit_alternatives(a),
            }
        }

        pub fn walk_bracket<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Bracket) {
            v.visit_content(&$($m)? node.content);
            if let Some(note) = &$($m)? node.note {
                v.visit_bracket_note(note);
            }
        }

        pub fn walk_alternatives<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? Alternatives) {
            for option in &$($m)? node.options {
                v.visit_bracket(option);
            }
        }

        pub fn walk_emphasis<V: $Visitor + ?Sized>(
            v: &mut V,
            content: &$($m)? $Content,
            _span: &$($m)? Span,
        ) {
            v.visit_content(content);
        }

        pub fn walk_strong<V: $Visitor + ?Sized>(
            v: &mut V,
            content: &$($m)? $Content,
            _span: &$($m)? Span,
        ) {
            v.visit_content(content);
        }

        /// `^label`; the footnote's text is in `Document::footnotes`.
        pub fn walk_footnote_ref<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? FootnoteRef) {
            if let Some(label) = &$($m)? node.label {
                v.visit_label(label);
            }
        }

        /// `@label`: the name; the resolved target has no span of its own.
        pub fn walk_cross_ref<V: $Visitor + ?Sized>(v: &mut V, node: &$($m)? CrossRef) {
            v.visit_label(&$($m)? node.label);
        }
    };
}

visitor! {
    /// A read-only visit of the AST (see the module's documentation).
    trait Visitor;
    mode = [];
    content = [Inline];
    text = str;
    fields = fields;
    get = get;
}

/// The visitor over `&mut` nodes: [`mutable::VisitorMut`] and its `walk_*`
/// functions, with the names and the order of [`Visitor`]'s.
pub mod mutable {
    use super::*;

    visitor! {
        /// A visit of the AST that may change it (see [`crate::visit`]).
        trait VisitorMut;
        mode = [mut];
        content = Vec<Inline>;
        text = String;
        fields = fields_mut;
        get = get_mut;
    }
}

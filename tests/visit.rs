//! The visitor (`draftdec::visit`) reaches every node that has a span,
//! once, in source order, and its read-only and mutable forms agree.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use draftdec::ast::*;
use draftdec::visit::{self, mutable};

/// One visit: the kind of node, its span (if it has one of its own), and
/// the part of the document it is in: 0 for the text, then one for each
/// part kept out of line (each footnote, the presentation layer).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Visit {
    kind: &'static str,
    span: Option<Span>,
    part: usize,
}

/// A recorder for each trait, from one definition: `$m` is `mut` or
/// nothing, `$walk` the module of the `walk_*` functions.
macro_rules! recorder {
    ($Rec:ident, $Trait:path, $walk:ident, [$($m:tt)?], $Content:ty, $Text:ty) => {
        #[derive(Default)]
        struct $Rec {
            log: Vec<Visit>,
            part: usize,
            parts: usize,
        }

        impl $Rec {
            fn log(&mut self, kind: &'static str, span: Option<Span>) {
                let part = self.part;
                self.log.push(Visit { kind, span, part });
            }

            /// Enters a part kept out of line; returns the part it was in.
            fn enter(&mut self) -> usize {
                self.parts += 1;
                std::mem::replace(&mut self.part, self.parts)
            }
        }

        impl $Trait for $Rec {
            fn visit_document(&mut self, n: &$($m)? Document) {
                self.log("document", Some(n.span));
                $walk::walk_document(self, n);
            }
            fn visit_masthead(&mut self, n: &$($m)? Masthead) {
                self.log("masthead", None);
                $walk::walk_masthead(self, n);
            }
            fn visit_field(&mut self, n: &$($m)? Field) {
                self.log("field", Some(n.span));
                $walk::walk_field(self, n);
            }
            fn visit_block(&mut self, n: &$($m)? Block) {
                self.log("block", None);
                $walk::walk_block(self, n);
            }
            fn visit_section(&mut self, n: &$($m)? Section) {
                self.log("section", Some(n.span));
                $walk::walk_section(self, n);
            }
            fn visit_paragraph(&mut self, n: &$($m)? Paragraph) {
                self.log("paragraph", Some(n.span));
                $walk::walk_paragraph(self, n);
            }
            fn visit_decision(&mut self, n: &$($m)? Decision) {
                self.log("decision", Some(n.span));
                $walk::walk_decision(self, n);
            }
            fn visit_formula(&mut self, n: &$($m)? Formula) {
                self.log("formula", Some(n.span));
                $walk::walk_formula(self, n);
            }
            fn visit_preambular_clause(&mut self, n: &$($m)? PreambularClause) {
                self.log("preambular_clause", Some(n.span));
                $walk::walk_preambular_clause(self, n);
            }
            fn visit_operative_paragraph(&mut self, n: &$($m)? OperativeParagraph) {
                self.log("operative_paragraph", Some(n.span));
                $walk::walk_operative_paragraph(self, n);
            }
            fn visit_subparagraph(&mut self, n: &$($m)? SubParagraph) {
                self.log("subparagraph", Some(n.span));
                $walk::walk_subparagraph(self, n);
            }
            fn visit_annex(&mut self, n: &$($m)? Annex) {
                self.log("annex", Some(n.span));
                $walk::walk_annex(self, n);
            }
            fn visit_options(&mut self, n: &$($m)? OptionBlock<Block>) {
                self.log("options", Some(n.span));
                $walk::walk_options(self, n);
            }
            fn visit_choice(&mut self, n: &$($m)? Choice<Block>) {
                self.log("choice", Some(n.span));
                $walk::walk_choice(self, n);
            }
            fn visit_preambular_options(&mut self, n: &$($m)? OptionBlock<PreambularClause>) {
                self.log("preambular_options", Some(n.span));
                $walk::walk_preambular_options(self, n);
            }
            fn visit_preambular_choice(&mut self, n: &$($m)? Choice<PreambularClause>) {
                self.log("preambular_choice", Some(n.span));
                $walk::walk_preambular_choice(self, n);
            }
            fn visit_operative_options(&mut self, n: &$($m)? OptionBlock<OperativeParagraph>) {
                self.log("operative_options", Some(n.span));
                $walk::walk_operative_options(self, n);
            }
            fn visit_operative_choice(&mut self, n: &$($m)? Choice<OperativeParagraph>) {
                self.log("operative_choice", Some(n.span));
                $walk::walk_operative_choice(self, n);
            }
            fn visit_footnote(&mut self, n: &$($m)? Footnote) {
                let outer = self.enter();
                self.log("footnote", Some(n.span));
                $walk::walk_footnote(self, n);
                self.part = outer;
            }
            fn visit_presentation(&mut self, n: &$($m)? Presentation) {
                let outer = self.enter();
                self.log("presentation", None);
                $walk::walk_presentation(self, n);
                self.part = outer;
            }
            fn visit_masthead_line(&mut self, n: &$($m)? MastheadLine) {
                self.log("masthead_line", None);
                $walk::walk_masthead_line(self, n);
            }
            fn visit_piece(&mut self, n: &$($m)? Piece) {
                self.log("piece", None);
                $walk::walk_piece(self, n);
            }
            fn visit_label(&mut self, n: &$($m)? Label) {
                self.log("label", Some(n.span));
            }
            fn visit_typed(&mut self, n: &$($m)? Typed) {
                self.log("typed", Some(n.span));
            }
            fn visit_opening(&mut self, n: &$($m)? Opening) {
                self.log("opening", Some(n.span));
            }
            fn visit_addressee(&mut self, n: &$($m)? Addressee) {
                self.log("addressee", Some(n.span));
            }
            fn visit_content(&mut self, n: &$($m)? $Content) {
                self.log("content", None);
                $walk::walk_content(self, n);
            }
            fn visit_inline(&mut self, n: &$($m)? Inline) {
                self.log("inline", None);
                $walk::walk_inline(self, n);
            }
            fn visit_text(&mut self, _: &$($m)? $Text, span: &$($m)? Span) {
                self.log("text", Some(*span));
            }
            fn visit_emphasis(&mut self, c: &$($m)? $Content, span: &$($m)? Span) {
                self.log("emphasis", Some(*span));
                $walk::walk_emphasis(self, c, span);
            }
            fn visit_strong(&mut self, c: &$($m)? $Content, span: &$($m)? Span) {
                self.log("strong", Some(*span));
                $walk::walk_strong(self, c, span);
            }
            fn visit_footnote_ref(&mut self, n: &$($m)? FootnoteRef) {
                self.log("footnote_ref", Some(n.span));
                $walk::walk_footnote_ref(self, n);
            }
            fn visit_cross_ref(&mut self, n: &$($m)? CrossRef) {
                self.log("cross_ref", Some(n.span));
                $walk::walk_cross_ref(self, n);
            }
            fn visit_bracket(&mut self, n: &$($m)? Bracket) {
                self.log("bracket", Some(n.span));
                $walk::walk_bracket(self, n);
            }
            fn visit_bracket_note(&mut self, n: &$($m)? BracketNote) {
                self.log("bracket_note", Some(n.span));
            }
            fn visit_alternatives(&mut self, n: &$($m)? Alternatives) {
                self.log("alternatives", Some(n.span));
                $walk::walk_alternatives(self, n);
            }
            fn visit_decision_ref(&mut self, n: &$($m)? DecisionRef) {
                self.log("decision_ref", Some(n.span));
            }
            fn visit_document_ref(&mut self, n: &$($m)? DocumentRef) {
                self.log("document_ref", Some(n.span));
            }
        }
    };
}

recorder!(Rec, visit::Visitor, visit, [], [Inline], str);
recorder!(RecMut, mutable::VisitorMut, mutable, [mut], Vec<Inline>, String);

fn record(doc: &Document) -> Vec<Visit> {
    let mut rec = Rec::default();
    visit::Visitor::visit_document(&mut rec, doc);
    rec.log
}

fn record_mut(doc: &mut Document) -> Vec<Visit> {
    let mut rec = RecMut::default();
    mutable::VisitorMut::visit_document(&mut rec, doc);
    rec.log
}

/// Every span in the document's JSON: the nodes that have a span, found
/// without the visitor. A reference's resolved target is not a node: its
/// spans are those of the node it points at.
fn spans_in_json(doc: &Document) -> Vec<(usize, usize)> {
    fn collect(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(span) = map.get("span") {
                    out.push((
                        span["start"].as_u64().expect("start") as usize,
                        span["end"].as_u64().expect("end") as usize,
                    ));
                }
                for (key, value) in map {
                    if key != "span" && key != "target" {
                        collect(value, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
            _ => {}
        }
    }
    let json = serde_json::to_value(doc).expect("a document serialises");
    let mut out = Vec::new();
    collect(&json, &mut out);
    out.sort_unstable();
    out
}

/// Checks one document; returns the kinds of node it visited.
fn check(name: &str, doc: &Document) -> BTreeSet<&'static str> {
    let log = record(doc);

    // Every node with a span, exactly once.
    let mut visited: Vec<(usize, usize)> = log
        .iter()
        .filter_map(|v| v.span.map(|s| (s.start, s.end)))
        .collect();
    visited.sort_unstable();
    let expected = spans_in_json(doc);
    let missed: Vec<_> = expected.iter().filter(|s| !visited.contains(s)).collect();
    assert_eq!(
        visited, expected,
        "{name}: the visited spans are not the document's; never visited: {missed:?}"
    );

    // Source order: in the text and in each part kept out of line, starts
    // never decrease. The addressee lies in the text after it.
    let mut last: HashMap<usize, usize> = HashMap::new();
    for (i, v) in log.iter().enumerate() {
        let Some(span) = v.span else { continue };
        let last = last.entry(v.part).or_default();
        if v.kind == "addressee" {
            let text = log[i..]
                .iter()
                .find(|n| n.kind == "text")
                .and_then(|n| n.span)
                .unwrap_or_else(|| panic!("{name}: no text after the addressee at {span:?}"));
            assert!(
                text.start <= span.start && span.end <= text.end && *last <= span.start,
                "{name}: the addressee at {span:?} is not in the text {text:?} that follows it"
            );
            continue;
        }
        assert!(
            *last <= span.start,
            "{name}: {} at {span:?} visited after a node starting at {last}",
            v.kind
        );
        *last = span.start;
    }

    // The mutable visitor visits the same nodes in the same order.
    let mut copy = doc.clone();
    assert_eq!(
        record_mut(&mut copy),
        log,
        "{name}: Visitor and VisitorMut differ"
    );

    log.iter().map(|v| v.kind).collect()
}

fn drafts(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the directory exists")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "draft"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let src = std::fs::read_to_string(&p).expect("readable");
            (p.display().to_string(), src)
        })
        .collect()
}

/// Every example, and between them every kind of node.
#[test]
fn examples_are_visited_whole_in_source_order() {
    let examples = drafts("examples");
    assert!(examples.len() >= 7);
    let mut kinds = BTreeSet::new();
    for (name, src) in &examples {
        kinds.extend(check(name, &draftdec::compile(src).document));
    }
    let missing: Vec<_> = ALL_KINDS.iter().filter(|k| !kinds.contains(*k)).collect();
    assert!(missing.is_empty(), "no example has {missing:?}");
}

/// Every `visit_*` method, as the recorders name them.
const ALL_KINDS: [&str; 38] = [
    "document",
    "masthead",
    "field",
    "block",
    "section",
    "paragraph",
    "decision",
    "formula",
    "preambular_clause",
    "operative_paragraph",
    "subparagraph",
    "annex",
    "footnote",
    "presentation",
    "masthead_line",
    "piece",
    "label",
    "typed",
    "opening",
    "addressee",
    "content",
    "inline",
    "text",
    "emphasis",
    "strong",
    "footnote_ref",
    "cross_ref",
    "decision_ref",
    "document_ref",
    "bracket",
    "bracket_note",
    "alternatives",
    "options",
    "choice",
    "preambular_options",
    "preambular_choice",
    "operative_options",
    "operative_choice",
];

/// Drafts with errors: whatever lowering could read is visited the same way.
#[test]
fn bad_drafts_are_visited_whole_in_source_order() {
    for (name, src) in drafts("tests/ui") {
        check(&name, &draftdec::compile(&src).document);
    }
}

/// Every node beside the nodes written before and after it: typed numbers
/// and labels, opening words and addressees, nested footnotes, a named
/// footnote defined between paragraphs of a section, the masthead's
/// footnote.
const EVERY_PAIR: &str = "\
symbol: UNEP/MC/COP.6/1
language: en
provisional-agenda: UNEP/MC/COP.6/1
title: Title^{masthead **note**}

# <intro> I. Introduction

1. <p1> See @p1, @#intro and ^n1, **bold *both*** MC-3/11 UNEP/MC/COP.6/INF/1:
(a) <sa> sub^{inline};
    (i) <si> deep.

^n1: Defined, citing @intro.

::: decision <dec> MC-6/[…]: Title
The Conference of the Parties,

<pp> *Recalling* decision MC-5/3,

::: option <o0>
<pp2> *Noting* the report,
::: option
*Noting* the study,
:::

1. <op1> Requests the Executive Secretary:
(a) <opa> to act;
(b) to report;

2. Decides [to act [now]]{EU} [here][there].

::: option <o1>
#. <op2> Decides to act;
::: option
#+. Decides to wait.
:::
:::

::: annex <ax> Annex title

#. Text.

::: option <o2>
#. One.
::: option
#. Two.
:::
";

#[test]
fn every_pair_of_neighbours_is_in_source_order() {
    let compiled = draftdec::compile(EVERY_PAIR);
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let kinds = check("EVERY_PAIR", &compiled.document);
    assert_eq!(kinds.len(), ALL_KINDS.len(), "{kinds:?}");
}

/// Metadata lines come in any order; the masthead is visited as written.
#[test]
fn masthead_fields_are_visited_as_written() {
    let src = "title: T\nlanguage: en\nsymbol: UNEP/MC/COP.6/1\n\n#. Text.\n";
    let log = record(&draftdec::compile(src).document);
    let fields: Vec<usize> = log
        .iter()
        .filter(|v| v.kind == "field")
        .map(|v| v.span.expect("a span").start)
        .collect();
    let at = |value: &str| src.find(value).expect("in the source");
    assert_eq!(fields, [at("T\n"), at("en\n"), at("UNEP")]);
}

/// Whatever the markup, well formed or not, whatever lowering recovers is
/// visited whole and in source order.
mod any_markup {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn is_visited_whole_in_source_order(
            pieces in prop::collection::vec(prop_oneof![
                Just("^{"), Just("}"), Just("**"), Just("*"), Just("\\"), Just("\n"),
                Just("\n\n"), Just("#. "), Just("4. "), Just("(a) "), Just("b) "), Just("- "),
                Just("    "), Just("\t"), Just("::: decision "), Just("::: annex "), Just("::: option\n"),
                Just(":::\n"), Just("# "), Just("## "), Just("II. "), Just("@x"), Just("@#y"),
                Just("<x> "), Just("<y> "), Just("^x"), Just("^x: "), Just("// c\n"),
                Just("MC-3/11"), Just("UNEP/MC/COP.6/1"), Just("Recalling "),
                Just("Requests the Executive Secretary "), Just("The Conference of the Parties,\n"),
                Just("word"), Just(" "), Just(", "), Just("["), Just("]"), Just("title: "),
                Just("provisional-agenda: A/1\n"), Just("language: ru\n"),
            ], 0..80)
        ) {
            let src = format!("symbol: A/1\n{}", pieces.concat());
            super::check(&src, &draftdec::compile(&src).document);
        }
    }
}

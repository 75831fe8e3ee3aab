//! The differential test of the inline scanner: the parse of before (the
//! pest grammar with its inline rules, kept in tests/fixtures/reference.pest,
//! lowered pair by pair as it was) against the scanner, on every example,
//! every UI draft, generated notes in both languages, the real resolutions
//! under `../shared/corpus` and random texts made of the fragments where the
//! two could part. Documents, diagnostics (code, span, message, fix) and
//! comments must be the same.
//!
//! The block rules are the same in both grammars, so both go through the
//! same block lowering (`Grammar`); only the inline content differs.

use pest::Parser;
use pest::iterators::{Pair, Pairs};
use proptest::prelude::*;

use super::inline::{Buf, footnote_ref, trim};
use super::{Grammar, Lowered, Lowerer, Node};
use crate::ast::{CrossRef, FootnoteOrigin, Inline, Label};
use crate::syntax;

#[derive(pest_derive::Parser)]
#[grammar = "../tests/fixtures/reference.pest"]
struct ReferenceParser;

impl Grammar for Rule {
    fn kind(self) -> Node {
        node_of!(Rule, self)
    }

    fn lower_inlines(lowerer: &mut Lowerer<'_>, pair: Pair<'_, Self>) -> Vec<Inline> {
        lowerer.reference_inlines(pair.into_inner())
    }
}

/// Lowers `src` through the reference grammar, whole.
fn lower(src: &str) -> Lowered {
    let mut lowerer = Lowerer::new(src);
    if let Some(d) = syntax::nesting_error(src) {
        return lowerer.refused(d);
    }
    match ReferenceParser::parse(Rule::document, src) {
        Ok(pairs) => {
            let mut doc = super::empty_document(src.len());
            let mut builder = super::builder::Builder::default();
            for root in pairs {
                lowerer.lower_blocks(root, &mut doc, &mut builder);
            }
            lowerer.finish(doc, builder)
        }
        Err(e) => lowerer.refused(syntax::syntax_error(src, 0, e, describe)),
    }
}

/// The reference grammar's rules in the drafter's words, as they were.
fn describe(rule: Rule) -> &'static str {
    syntax::describe_rule!(Rule, rule, {
        Rule::footnote => "a footnote (`^{…}`)",
        Rule::footnote_ref => "a footnote reference (`^name`)",
        Rule::cross_ref | Rule::bare_mark | Rule::short_mark => "a reference (`@name`)",
        Rule::strong | Rule::fn_strong => "bold text (`**…**`)",
        Rule::emphasis | Rule::fn_emphasis => "italic text (`*…*`)",
        Rule::escape | Rule::escaped | Rule::escaped_word | Rule::escaped_run => {
            "an escaped character (`\\*`)"
        }
        Rule::decision_sym
        | Rule::convention
        | Rule::hyphen
        | Rule::fccc_number
        | Rule::fccc_body => "a decision symbol (`MC-3/11`, `1/CP.21`)",
        Rule::document_sym
        | Rule::organ
        | Rule::symbol_part
        | Rule::symbol_piece
        | Rule::symbol_char
        | Rule::res_symbol
        | Rule::slash_symbol
        | Rule::dotted_symbol
        | Rule::suffix_symbol => "a document symbol (`UNEP/MC/COP.6/1`)",
        Rule::plain | Rule::plain_word | Rule::plain_gap | Rule::latin_chars => "text",
        Rule::word | Rule::word_char | Rule::space | Rule::punct | Rule::stray => "text",
        Rule::inline | Rule::fn_inline => "text",
    })
}

/// Lowering of the inline rules, as it was before the scanner.
impl Lowerer<'_> {
    fn reference_inlines(&mut self, pairs: Pairs<'_, Rule>) -> Vec<Inline> {
        let mut buf = Buf::default();
        for pair in pairs {
            self.reference_inline(pair, &mut buf);
        }
        super::brackets::pair(self.src, buf.out)
    }

    fn reference_inline(&mut self, pair: Pair<'_, Rule>, buf: &mut Buf) {
        let span = self.span_of(&pair);
        match pair.as_rule() {
            Rule::space if pair.as_str().contains('\t') => buf.folded(" ", span),
            Rule::plain | Rule::word | Rule::space | Rule::punct => buf.exact(pair.as_str(), span),
            Rule::soft_break => {
                self.lower_comments(pair.into_inner());
                buf.folded(" ", span);
            }
            Rule::escape => {
                let escaped = pair.into_inner().next().map_or("", |p| p.as_str());
                buf.folded(escaped, span);
            }
            Rule::footnote => {
                let id = self.reserve_footnote(FootnoteOrigin::Inline, span);
                let content = trim(self.reference_inlines(pair.into_inner()));
                self.footnotes[id].content = content;
                buf.node(footnote_ref(None, Some(id), span));
            }
            Rule::footnote_ref => {
                let label = self.lower_label(pair);
                buf.node(footnote_ref(Some(label), None, span));
            }
            Rule::cross_ref => {
                let (mut bare, mut short) = (false, false);
                let mut label = None;
                for inner in pair.into_inner() {
                    match inner.as_rule() {
                        Rule::bare_mark => bare = true,
                        Rule::short_mark => short = true,
                        _ => label = Some(self.label_of(&inner)),
                    }
                }
                let label = label.unwrap_or(Label {
                    name: String::new(),
                    span,
                });
                buf.node(Inline::CrossRef(CrossRef {
                    label,
                    bare,
                    short,
                    target: None,
                    span,
                }));
            }
            Rule::emphasis | Rule::fn_emphasis => {
                let content = self.reference_inlines(pair.into_inner());
                buf.node(Inline::Emphasis { content, span });
            }
            Rule::strong | Rule::fn_strong => {
                let content = self.reference_inlines(pair.into_inner());
                buf.node(Inline::Strong { content, span });
            }
            Rule::decision_sym => buf.node(self.lower_decision_sym(pair.as_str(), span)),
            Rule::document_sym => buf.node(self.lower_document_sym(pair.as_str(), span)),
            Rule::stray => {
                self.stray(span.start, span.end - span.start);
                buf.exact(pair.as_str(), span);
            }
            Rule::comment_line => self.lower_comments(Pairs::single(pair)),
            _ => buf.exact(pair.as_str(), span),
        }
    }
}

/// Asserts that the scanner and the reference lower `src` alike, and that
/// so does the scanner when the draft is parsed in parts cut at every
/// blank line they can be.
fn same(src: &str) {
    let old = lower(src);
    let json = |l: &Lowered| serde_json::to_string_pretty(&l.document).expect("serialisable");
    for new in [super::lower(src), super::lower_in_parts(src, 1)] {
        assert_eq!(json(&new), json(&old), "document of {src:?}");
        assert_eq!(new.diagnostics, old.diagnostics, "diagnostics of {src:?}");
        assert_eq!(new.comments, old.comments, "comments of {src:?}");
    }
}

fn drafts_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            drafts_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "draft") {
            out.push(path);
        }
    }
}

#[test]
fn examples_and_ui_drafts_lower_the_same() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    drafts_under(&root.join("examples"), &mut paths);
    drafts_under(&root.join("tests"), &mut paths);
    assert!(paths.len() > 80, "found {} drafts", paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        // The UI tests hold files that are not UTF-8 on purpose.
        if let Ok(text) = crate::hygiene::decode(&bytes) {
            same(&text);
        }
    }
}

#[test]
fn generated_notes_lower_the_same() {
    use draftdec_bench::corpus;
    for i in 0..6 {
        for lang in [corpus::CorpusLang::En, corpus::CorpusLang::Ru] {
            let draft = corpus::document(11, i, lang).draft;
            assert!(syntax::parts(&draft, 1).len() > 10, "cut in parts");
            same(&draft);
        }
    }
}

/// Real resolutions (`pdftotext` output, not drafts: every line a
/// paragraph, page numbers, symbols and footnote marks where they fall),
/// beside the repository or beside the directory of its worktree.
#[test]
fn real_resolutions_lower_the_same() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(dir) = root
        .ancestors()
        .skip(1)
        .take(2)
        .map(|d| d.join("shared/corpus/un-resolutions/en"))
        .find(|d| d.is_dir())
    else {
        eprintln!("no ../shared/corpus: the examples and generated notes stand for it");
        return;
    };
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("UTF-8");
        same(&text);
        n += 1;
    }
    assert!(n > 0);
}

/// Symbols at every kind of word boundary, markup across line breaks in
/// one-line blocks, escapes before symbols.
#[test]
fn tricky_texts_lower_the_same() {
    for src in [
        "see MC-3/11 and (MC-3/11), xMC-3/11, mc-3/11, MC3/11, BC.Ex-2/1 and МК\u{2011}17/22.\n",
        "abc第MC-3/11号决定 根据第MC-3/11号决定，和UNEP/MC/COP.6/1。\n",
        "وMC-4/9 المقرر MC-4/9، وUNEP/MC/COP.6/1.\n",
        "write to abc@UNEP.org, a@b or x@ y; UNEP/MC/COP.6/INF/29 and A/RES/70/1.\n",
        "the Executive Secretary, ECE/MP.PP/2 and S/RES/1 at E/2024/1 -- MC-6/[…].\n",
        "S/RES/2231 (2015), A/RES/70 (LXX), S/RES/1 (20155), A/RES/3 (XI1), WHA77.1, WHA77(1), EB154.R1, CSP3.1\n",
        "Corr.1/Add.2 and Rev.3/ and GC(66)/RES/6 and ICCD/COP(15)/CST/1 and IDB.51/Dec.3\n",
        "\\UNEP/MC/COP.6/1 \\A/RES/70/1 \\-MC-3/11 \\* \\\\ \\\n",
        "decisions 1/CP.16, 2/CP.18 and -/CMA.1; x1/CP.21 1/CP21 1/CP.21a 1/CPX.2 a-/CP.21 (1/CP.21)\n",
        "FCCC/KP/CMP/2012/1, WHO/1/CP.21, 1/CP.21/Add.1, 12/CP.21/x, \\1/CP.21, 第1/CP.21号决定\n",
        "# **Title\ncontinued** here\n\ntext\n",
        "# *Title\n// c\ncontinued* here\n",
        "title: ^{a\nb} x\n\n# h ^{a **b\n} c}\n",
        "::: decision <d> MC-6/[…]: **a\nb**\n:::\n",
        "4. **a ^{b **c** d} e** *f* ^n1 @#x @.y @z-1\n\n^n1: *x\n  // c\n  y*\n",
        "a  \t b\t\n  c \\\n(a) d\n",
        "*a **b* c** ** *** **** *\n",
        "^{ ^{ a } }\n^{\n",
        "x ^{a\n\ny}\n",
    ] {
        same(src);
    }
}

/// Fragments around every boundary the scanner must respect: symbols and
/// their look-alikes, e-mail addresses, markup, escapes, brackets,
/// footnotes, blanks, line breaks, the starts of blocks, and Arabic and
/// Chinese script changes.
const FRAGMENTS: &[&str] = &[
    "MC",
    "МК",
    "BC",
    "СК",
    ".Ex",
    "-",
    "\u{2011}",
    "/",
    "3",
    "11",
    "[…]",
    "[...]",
    "UNEP",
    "ECE",
    "E",
    "A",
    "S",
    "/RES/",
    " (2015)",
    "(",
    "COP.6",
    "WHA",
    "77",
    ".R",
    "Corr",
    "Add",
    ".1",
    "@",
    "@#",
    "@.",
    "x",
    "abc",
    "Word",
    "слово",
    "é",
    "e\u{301}",
    "_",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    " \n",
    ",",
    ".",
    ";",
    ":",
    ")",
    "*",
    "**",
    "^{",
    "}",
    "^n1",
    "^n1: ",
    "\\",
    "\\*",
    "\\A",
    "\\\\",
    "«",
    "»",
    "–",
    "“",
    "#. ",
    "4. ",
    "(a) ",
    "a) ",
    "- ",
    "# ",
    "## ",
    ":::",
    "::: decision ",
    "<l>",
    "// c",
    "\n// c\n",
    "title: ",
    "%",
    "?",
    "'",
    "#",
    "+",
    "[",
    "]",
    "{EU}",
    "\u{2010}",
    "…",
    "\r\n",
    "Ab1",
    "ª",
    "²",
    "第",
    "号决定",
    "و",
    "المقرر",
    "\u{64E}",
    "،",
    "，",
    "。",
    "ДМ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn random_texts_lower_the_same(parts in prop::collection::vec(0..FRAGMENTS.len(), 0..48)) {
        let src: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        same(&src);
    }
}

/// Few fragments, so that random sequences often put a symbol right after
/// a word of another script, a gap, an escape or markup.
const SYMBOL_FRAGMENTS: &[&str] = &[
    "MC", "-", "3", "/", "11", "第", "号", "و", "abc", "Abc", " ", ".Ex", "@", "UNEP", "(", ")",
    "\n", "\\", "*", "S", "/RES/", " (", "2015", "LX", "IV", ".", "R", "Corr", "[…]",
    // The UNFCCC's decisions, whole and in pieces: 1/CP.21, -/CMA.1.
    "/CP.", "/CMP.", "/CMA", "CP", "21", "1/CP.21", "-/CMA.1",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn random_symbol_contexts_lower_the_same(
        parts in prop::collection::vec(0..SYMBOL_FRAGMENTS.len(), 0..24)
    ) {
        let src: String = parts.iter().map(|&i| SYMBOL_FRAGMENTS[i]).collect();
        same(&src);
    }
}

/// The one-line blocks (a heading, a fence, a metadata field) whose markup
/// may cross into the next lines, and the fragments that decide how far:
/// the extent `line_inlines` finds in pest must be the one the scanner
/// reads.
const LINE_STARTS: &[&str] = &[
    "# ",
    "## <l> II. ",
    "title: ",
    "::: decision ",
    "::: annex ",
];
const MARKUP_FRAGMENTS: &[&str] = &[
    "*", "**", " ", "\t", "x", "y z", "\n", "\n\n", "^{", "}", "\\", "\\*", "\\}", "// c\n", "#. ",
    "(a) ", ":::", "^n: ", "@x",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn markup_across_the_lines_of_one_line_blocks_lowers_the_same(
        start in 0..LINE_STARTS.len(),
        parts in prop::collection::vec(0..MARKUP_FRAGMENTS.len(), 0..20)
    ) {
        let body: String = parts.iter().map(|&i| MARKUP_FRAGMENTS[i]).collect();
        same(&format!("{}{body}", LINE_STARTS[start]));
    }
}

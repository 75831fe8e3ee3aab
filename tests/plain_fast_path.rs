//! The grammar's `plain` rule is a fast path (docs/performance.md): it
//! matches runs of prose that `word`, `space` and `punct` would otherwise
//! match one token at a time. It must never change a parse. This test
//! interprets the grammar twice with pest_vm, as written and with the fast
//! path taken out (the `inline` choice as it was before it), and checks that
//! both give the same tree once adjacent text tokens are merged, as lowering
//! merges them.

mod common;

use pest_vm::Vm;
use proptest::prelude::*;

const GRAMMAR: &str = include_str!("../grammar/draft.pest");

fn vm(grammar: &str) -> Vm {
    let (_, rules) = pest_meta::parse_and_optimize(grammar).expect("the grammar compiles");
    Vm::new(rules)
}

/// The grammar without the fast path, `inline` in its original order.
fn reference_grammar() -> String {
    let fast = "inline = _{\n    plain\n  | space\n  | escape";
    let tail = "  | word\n  | stray";
    assert!(
        GRAMMAR.contains(fast) && GRAMMAR.contains(tail),
        "update this test with `inline`"
    );
    GRAMMAR
        .replace(fast, "inline = _{\n    escape")
        .replace(tail, "  | word\n  | space\n  | stray")
}

/// The parse as (rule, start, end) in pre-order, with adjacent text tokens
/// merged into one `text` token.
fn tree(vm: &Vm, src: &str) -> Result<Vec<(String, usize, usize)>, String> {
    let pairs = vm.parse("document", src).map_err(|e| e.to_string())?;
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for pair in pairs.flatten() {
        let (start, end) = (pair.as_span().start(), pair.as_span().end());
        // Lowering folds a blank holding a tab into one space, so such a
        // token must come out the same, unmerged.
        let rule = match pair.as_rule() {
            "space" if pair.as_str().contains('\t') => "tab",
            "plain" | "word" | "space" | "punct" => "text",
            other => other,
        };
        if rule == "text"
            && let Some(last) = out.last_mut()
            && last.0 == "text"
            && last.2 == start
        {
            last.2 = end;
            continue;
        }
        out.push((rule.to_string(), start, end));
    }
    Ok(out)
}

fn same_parse(fast: &Vm, reference: &Vm, src: &str) {
    assert_eq!(tree(fast, src), tree(reference, src), "input: {src:?}");
}

#[test]
fn examples_and_generated_documents_parse_the_same() {
    let (fast, reference) = (vm(GRAMMAR), vm(&reference_grammar()));
    for path in common::examples() {
        same_parse(&fast, &reference, &common::read(&path));
    }
    for i in 0..4 {
        let lang = draftdec_bench::corpus::mixed_lang(i);
        same_parse(
            &fast,
            &reference,
            &draftdec_bench::corpus::document(5, i, lang).draft,
        );
    }
}

/// Fragments around every boundary the fast path must respect: symbols and
/// their look-alikes, e-mail addresses, markup, blanks and line breaks.
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
    "UNEP",
    "ECE",
    "E",
    "A",
    "S",
    "COP.6",
    "@",
    "@#",
    "x",
    "abc",
    "Word",
    "слово",
    "é",
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
    "(",
    ")",
    "*",
    "**",
    "^{",
    "}",
    "^n1",
    "^n1: ",
    "\\",
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
    ":::",
    "<l>",
    "// c",
    "%",
    "?",
    "'",
    "#",
    "+",
    "$",
    "<",
    "=",
    "\u{2010}",
    "…",
    "\r\n",
    "Ab1",
    "_x",
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

#[test]
fn symbols_at_every_kind_of_word_boundary_parse_the_same() {
    let (fast, reference) = (vm(GRAMMAR), vm(&reference_grammar()));
    for src in [
        "see MC-3/11 and (MC-3/11), xMC-3/11, mc-3/11, MC3/11, BC.Ex-2/1 and МК\u{2011}17/22.\n",
        "abc第MC-3/11号决定 根据第MC-3/11号决定，和UNEP/MC/COP.6/1。\n",
        "وMC-4/9 المقرر MC-4/9، وUNEP/MC/COP.6/1.\n",
        "write to abc@UNEP.org, a@b or x@ y; UNEP/MC/COP.6/INF/29 and A/RES/70/1.\n",
        "the Executive Secretary, ECE/MP.PP/2 and S/RES/1 at E/2024/1 -- MC-6/[…].\n",
    ] {
        same_parse(&fast, &reference, src);
    }
}

/// Few fragments, so that random sequences often put a symbol right after
/// a word of another script, a gap or markup.
const SYMBOL_FRAGMENTS: &[&str] = &[
    "MC", "-", "3", "/", "11", "第", "号", "و", "abc", "Abc", " ", ".Ex", "@", "UNEP", "(", "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn random_symbol_contexts_parse_the_same(
        parts in prop::collection::vec(0..SYMBOL_FRAGMENTS.len(), 0..16)
    ) {
        thread_local! {
            static VMS: (Vm, Vm) = (vm(GRAMMAR), vm(&reference_grammar()));
        }
        let src: String = parts.iter().map(|&i| SYMBOL_FRAGMENTS[i]).collect();
        VMS.with(|(fast, reference)| same_parse(fast, reference, &src));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn random_text_parses_the_same(parts in prop::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        thread_local! {
            static VMS: (Vm, Vm) = (vm(GRAMMAR), vm(&reference_grammar()));
        }
        let src: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        VMS.with(|(fast, reference)| same_parse(fast, reference, &src));
    }
}

//! Regression tests for the compiler side of "Reliability, round two":
//! nothing the drafter wrote is lost or silently changed in meaning.

use draftdec::ast::{Block, Inline};
use draftdec::diag::Code;

const HEAD: &str = "symbol: UNEP/MC/COP.6/20\nlanguage: en\ntitle: Cooperation\n\n";

fn codes(src: &str) -> Vec<Code> {
    draftdec::compile(src)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn a_footnote_inside_a_footnote_is_refused_not_dropped() {
    // Before: "Outer  end" printed and "Inner" nowhere, exit 0.
    for src in [
        format!("{HEAD}#. Text.^{{Outer ^{{Inner}} end}}\n"),
        format!("{HEAD}#. Text.^a\n\n^a: Outer ^b end.\n\n^b: Inner.\n"),
        format!("{HEAD}#. Text.^a\n\n^a: Outer ^zzz end.\n"),
        format!("{HEAD}#. Text.^a\n\n^a: Outer ^a end.\n"),
    ] {
        let c = codes(&src);
        assert!(c.contains(&Code::E0130), "{src:?}: {c:?}");
        assert!(draftdec::compile(&src).has_errors());
    }
}

#[test]
fn a_list_of_a_hundred_thousand_items_is_refused_with_bounded_designations() {
    // Before: designations grew as (aaaa…a) and the JSON reached 836 MB.
    let src = format!("{HEAD}#. List:\n{}", "- x;\n".repeat(100_000));
    let compiled = draftdec::compile(&src);
    let e0040: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::E0040)
        .collect();
    assert_eq!(e0040.len(), 1, "reported once, at item 79");
    let Block::Paragraph(p) = &compiled.document.body[0] else {
        panic!()
    };
    let longest = p
        .subparagraphs
        .iter()
        .filter_map(|s| s.number.as_ref())
        .map(|d| d.display.len())
        .max()
        .unwrap();
    assert!(longest <= 8, "a designation of {longest} bytes");
    // 78 items are fine: (a) … (zzz).
    let ok = format!("{HEAD}#. List:\n{}- x.\n", "- x;\n".repeat(77));
    assert!(!codes(&ok).contains(&Code::E0040));
}

#[test]
fn escaped_brackets_are_literal() {
    // The documented escape `\[` did not stop E0110.
    let src =
        format!("{HEAD}#. The text \\[ opens and \\] closes nothing; and \\\\ is a backslash.\n");
    assert!(!codes(&src).contains(&Code::E0110), "{:?}", codes(&src));
    // An escaped backslash before a bracket leaves the bracket a bracket.
    let src = format!("{HEAD}#. A backslash \\\\[ then an open bracket.\n");
    assert!(codes(&src).contains(&Code::E0110));
}

#[test]
fn a_typed_number_of_twenty_digits_is_checked_not_dropped() {
    // Before: the line became an unnumbered paragraph, silently.
    let src = format!("{HEAD}12345678901234567890. Text.\n");
    let compiled = draftdec::compile(&src);
    let Block::Paragraph(p) = &compiled.document.body[0] else {
        panic!()
    };
    assert!(p.numbered);
    assert!(codes(&src).contains(&Code::E0106));
}

#[test]
fn labels_are_compared_in_composed_form() {
    // "café" with a precomposed é, referenced with e + combining acute.
    let src = format!("{HEAD}#. <caf\u{e9}> Text.\n\n#. See @cafe\u{301}.\n");
    let compiled = draftdec::compile(&src);
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    let Block::Paragraph(p) = &compiled.document.body[1] else {
        panic!()
    };
    let target = p.content.iter().find_map(|i| match i {
        Inline::CrossRef(r) => r.target.as_ref(),
        _ => None,
    });
    assert_eq!(target.unwrap().text, "paragraph 1");
}

#[test]
fn look_alike_and_invisible_labels_are_reported() {
    // Latin a and Cyrillic а: one label in two scripts.
    let mixed = format!("{HEAD}#. <op-\u{430}> Text.\n\n#. See @op-\u{430}.\n");
    assert!(codes(&mixed).contains(&Code::W0141));
    // Two labels that look the same.
    let alike = format!("{HEAD}#. <op-1> A.\n\n#. <op-l> B, see @op-1.\n");
    assert!(codes(&alike).contains(&Code::W0142));
    // `@opㅤ` (a Hangul filler after `op`) read as `@op`.
    let filler = format!("{HEAD}#. <op\u{3164}> A.\n\n#. See @op\u{3164}.\n");
    assert!(codes(&filler).contains(&Code::W0013));
}

#[test]
fn every_invisible_character_is_reported() {
    for c in [
        '\u{2028}',
        '\u{2029}',
        '\u{34F}',
        '\u{3164}',
        '\u{115F}',
        '\u{FFA0}',
        '\u{E0041}',
        '\u{FE0F}',
        '\u{E0100}',
        '\u{206A}',
        '\u{FFF9}',
        '\u{1D173}',
        '\u{180B}',
        '\u{17B4}',
        '\u{2800}',
    ] {
        let src = format!("{HEAD}#. Te{c}xt.\n");
        assert!(
            codes(&src).contains(&Code::W0013),
            "U+{:04X} passed silently",
            c as u32
        );
    }
}

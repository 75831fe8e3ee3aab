//! The formatter as a library: canonical output of the fixtures, round trips
//! of the examples, idempotence, meaning kept, refusals.

mod common;

use std::path::PathBuf;

use common::{files_in, read};
use draftdec::diag::Code;
use draftdec::fmt::{self, FmtError};
use proptest::prelude::*;

/// Formats `src`, then checks what every formatting must satisfy: the
/// output is a fixed point, and the resolved document (numbers, references,
/// footnotes, opening words) is the same once spans and the spelling of
/// typed numbers are set aside.
fn format_checked(src: &str) -> String {
    let out = fmt::format(src).unwrap_or_else(|e| panic!("{e}\n--- input:\n{src}"));
    let again = fmt::format(&out).unwrap_or_else(|e| panic!("{e}\n--- output:\n{out}"));
    assert_eq!(again, out, "formatting is not idempotent");
    let before = draftdec::compile(src);
    let after = draftdec::compile(&out);
    assert_eq!(
        fmt::meaning(&before.document),
        fmt::meaning(&after.document),
        "the formatted draft means something else:\n{out}"
    );
    let texts = |c: &[draftdec::Comment]| -> Vec<String> {
        c.iter().map(|c| c.text.trim_end().to_string()).collect()
    };
    assert_eq!(texts(&before.comments), texts(&after.comments));
    out
}

#[test]
fn examples_are_in_canonical_form() {
    for path in common::examples() {
        let src = read(&path);
        let out = format_checked(&src);
        assert!(
            out == src,
            "{} is not formatted; run `draftdec fmt {}`",
            path.display(),
            path.display()
        );
    }
}

#[test]
fn the_layout_shown_in_the_docs_is_canonical() {
    let page = read("docs/fmt.md");
    let start = page.find("```text\n").expect("docs/fmt.md shows a draft") + 8;
    let len = page[start..].find("```").expect("the block is closed");
    let draft = &page[start..start + len];
    assert_eq!(format_checked(draft), draft);
}

#[test]
fn fixtures_format_to_their_expected_output() {
    for input in files_in("tests/fmt", ".in.draft") {
        let expected_path =
            PathBuf::from(input.to_string_lossy().replace(".in.draft", ".out.draft"));
        let out = format_checked(&read(&input));
        if let Some(expected) = common::golden(&expected_path, &out) {
            assert_eq!(
                out,
                expected,
                "{}: the expected output is stale; after a deliberate change run `{}`",
                input.display(),
                common::BLESS
            );
        }
        // The expected output is itself canonical.
        assert_eq!(format_checked(&out), out);
    }
}

#[test]
fn typed_numbers_are_renumbered_and_untyped_ones_stay_untyped() {
    let src = "title: T\n\n# IV. A\n\n7. One.\n\n#. Two:\n  (c) x;\n  - y.\n";
    let out = format_checked(src);
    assert_eq!(
        out,
        "title: T\n\n# I. A\n\n1. One.\n\n#. Two:\n(a) x;\n- y.\n"
    );
    // Fixing the numbers is what the E0106 errors asked for.
    assert!(
        draftdec::compile(src)
            .diagnostics
            .iter()
            .any(|d| d.code == Code::E0106)
    );
    assert!(
        !draftdec::compile(&out)
            .diagnostics
            .iter()
            .any(|d| d.code == Code::E0106)
    );
}

#[test]
fn russian_letters_keep_the_language_s_style() {
    let src = "language: ru\n\n#. Текст:\n  (b) один;\n  (c) два.\n";
    let out = format_checked(src);
    assert!(out.contains("\na) один;\nb) два.\n"), "{out}");
}

#[test]
fn layout_is_normalised() {
    let src = "kind: Note\ntitle:   Spaced   \n\n\n\n#. A paragraph\n   on two lines\n\n\n#. Next.";
    let out = format_checked(src);
    assert_eq!(
        out,
        "title: Spaced\nkind: Note\n\n#. A paragraph on two lines\n\n#. Next.\n"
    );
}

#[test]
fn comments_stay_in_order_and_in_place() {
    let src = "// head\ntitle: T\n\n#. One\n// inside\ntwo.\n\n// before\n#. Three.\n// tail\n";
    let out = format_checked(src);
    assert_eq!(
        out,
        "// head\ntitle: T\n\n#. One\n// inside\ntwo.\n\n// before\n#. Three.\n\n// tail\n"
    );
}

/// Inputs whose text would read as markup if printed without escapes.
#[test]
fn tricky_text_keeps_its_meaning() {
    let cases = [
        r"#. \*not italic\* and \*\*not bold\*\*.",
        r"#. \^{not a footnote} and \^label.",
        r"#. \@label and \@#label and a@b.org and a \@ sign.",
        r"#. \MC-3/11 and \UNEP/MC/COP.6/1 and \A/RES/70/1.",
        r"#. MC-3/11\a and UNEP/MC/COP.6/1\.x and @lab\el.",
        r"#. A\MC-3/11 and x\@y and z^{a \} b}.",
        "#. Line one\n  // comment\n  - not a marker after a comment? no, a continuation.",
        r"\#. Not a numbered paragraph.",
        r"\- not a sub-paragraph",
        r"\(a) not a sub-paragraph",
        r"\<lab> not a label",
        "title: T\n\n\\^n: not a footnote definition",
        r"\key: not metadata",
        "# \\II. Not a number\n\n#. x",
        "# \\<x> Not a label\n\n#. x",
        "::: decision MC-6/1: \\: colon title\nThe Conference,\n\n#. Decides.\n:::",
        "::: annex \\<x> not a label\n\n#. x",
        r"#. *\ spaced*? no: \*\ x.",
        r"#. Trailing backslash \\",
        "#. **bold *and italic* inside** then *a**b*.",
    ];
    for src in cases {
        format_checked(src);
    }
}

#[test]
fn drafts_with_syntax_errors_are_refused() {
    for (src, code) in [
        ("#. An *unclosed emphasis.\n", Code::E0006),
        ("#. An unclosed footnote^{here.\n", Code::E0006),
        ("titel: T\n", Code::E0002),
        (
            "::: decision\nThe Conference,\n\n#. Decides.\n",
            Code::E0024,
        ),
        // The parser refused the file: its document is empty, and printing
        // it would delete the draft.
        ("title: T\n\n#. A^{b^{c^{d}}}.\n", Code::E0014),
    ] {
        match fmt::format(src) {
            Err(FmtError::Unreadable(diags)) => {
                assert!(diags.iter().any(|d| d.code == code), "{src}: {diags:?}")
            }
            other => panic!("{src}: expected a refusal with {code}, got {other:?}"),
        }
    }
}

/// An error that leaves the text whole does not stop `fmt`: the formatted
/// draft still has it, for `check` to report.
#[test]
fn an_error_that_loses_no_text_does_not_stop_fmt() {
    let src = "title: T\n\n<context> Text.\n\n#. Text.\n";
    let out = fmt::format(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let again = draftdec::compile(&out);
    assert!(
        again.diagnostics.iter().any(|d| d.code == Code::E0023),
        "{out}"
    );
}

#[test]
fn drafts_with_only_warnings_are_formatted() {
    let src = "symbol: UNEP/MC/COP.6/5\nlanguage: en\ntitle: T\n\n::: decision\nThe Conference of the Parties,\n\nRecalling its decision MC-3/11\n\n#. Decides something\n:::\n";
    let compiled = draftdec::compile(src);
    assert!(compiled.has_warnings() && !compiled.has_errors());
    assert_eq!(format_checked(src), src);
}

/// Pieces of source: markup, escapes, symbols, markers and line breaks,
/// glued at random. Whatever lowering makes of them, a draft it can read
/// fully must format to a fixed point with the same meaning.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Word",
        " ",
        "  ",
        "\n",
        "\n\n",
        "*",
        "**",
        "\\*",
        "\\\\",
        "\\@",
        "\\M",
        "\\U",
        "\\a",
        "\\ ",
        "@x",
        "@#x",
        "^x",
        "^{",
        "}",
        "\\}",
        "MC-3/11",
        "UNEP/MC/COP.6/1",
        "A/B",
        ".",
        "-",
        "(a) ",
        "a) ",
        "- ",
        "#. ",
        "4. ",
        "# ",
        "## ",
        "<x> ",
        "// c\n",
        ":",
        "x@y",
        "[",
        "]",
        "…",
        "é",
        "\u{301}",
        "\n  - ",
        "\n    (i) ",
        "\n:::\n",
        "\n::: option\n",
        "\n^n: ",
        "II. ",
        "key: ",
        "\\:",
        "\\<",
        "\t",
        "\\#",
        "\n// c\n  ",
        "@.x",
        "@#.x",
        "### ",
        "\n# ",
        "\n### ",
        "#+. ",
        "9 bis. ",
        "1 ter. ",
        "– ",
        "\n– ",
        "\n  – ",
        "\\–",
    ])
}

/// 300 by default; `FMT_CASES=5000 cargo test --test fmt` searches longer.
fn cases() -> u32 {
    std::env::var("FMT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]
    #[test]
    fn generated_sources_format_safely(
        start in prop::sample::select(vec![
            "title: T\n\n#. ", "title: T\n\n", "", "# ", "::: decision ", "title: T\n\n::: annex ",
        ]),
        pieces in prop::collection::vec(piece(), 1..40),
    ) {
        let src = format!("{start}{}\n", pieces.concat());
        match fmt::format(&src) {
            Ok(out) => {
                prop_assert_eq!(fmt::format(&out).ok(), Some(out.clone()), "not idempotent");
                let before = draftdec::compile(&src).document;
                let after = draftdec::compile(&out).document;
                prop_assert_eq!(fmt::meaning(&before), fmt::meaning(&after));
            }
            Err(FmtError::Unreadable(_)) => {}
            Err(FmtError::Changed) => prop_assert!(false, "the formatter changed the meaning of:\n{}", src),
        }
    }
}

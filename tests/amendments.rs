//! `draftdec diff OLD NEW --to amendments`: the example pair's amendments
//! (a golden draft, which checks clean, builds to DOCX that Word's rules
//! accept and pandoc reads), each kind of edit in the UN's wording, the
//! refusals, the command, and for generated pairs of drafts, that the
//! amendments document compiles without a diagnostic and that its
//! amendments, applied to OLD as a reader would, give NEW.

mod common;

use draftdec::amendments::{Side, amendments};
use draftdec::diag::Code;
use draftdec::diff::UnitKind;
use proptest::prelude::*;

const SYMBOL: &str = "UNEP/MC/COP.6/L.7";

/// The amendments turning `old` into `new`, which must compile without a
/// single diagnostic.
fn written(old: &str, new: &str) -> String {
    let (a, b) = (
        common::compile_clean("old", old),
        common::compile_clean("new", new),
    );
    let text = amendments(&a.document, &b.document, SYMBOL, &[])
        .unwrap_or_else(|e| panic!("refused: {e:#?}\n{old}\n---\n{new}"));
    let compiled = draftdec::compile(&text);
    assert!(
        compiled.diagnostics.is_empty(),
        "{text}\n{:#?}",
        compiled.diagnostics
    );
    text
}

/// The amendments alone: what follows the masthead.
fn body(text: &str) -> &str {
    text.split_once("\n\n").map_or("", |(_, body)| body)
}

/// The amendments turning `old` into `new` (files), which must match the
/// golden draft `golden`.
fn golden_pair(old: &str, new: &str, golden: &str) -> String {
    let text = written(&common::read(old), &common::read(new));
    if let Some(expected) = common::golden(golden, &text) {
        panic!(
            "stale golden file (`{}`):\n--- expected\n{expected}\n+++ actual\n{text}",
            common::BLESS
        );
    }
    text
}

#[test]
fn the_example_pair() {
    let text = golden_pair(
        "examples/negotiation.rev0.draft",
        "examples/negotiation.rev1.draft",
        "tests/amendments/negotiation.amendments.draft",
    );
    builds_to_docx(
        &text,
        &[
            "Amendments to draft decision UNEP/MC/COP.6/L.4",
            "Insert a new preambular paragraph after the first preambular paragraph, reading:",
            // Word keeps a decision symbol on one line (non-breaking hyphens).
            "“Recalling also decisions BC\u{2011}17/22, RC\u{2011}12/9 and SC\u{2011}12/23,”",
            "In operative paragraph 3, replace “meeting] [at its eighth meeting];” with “meeting.”.",
        ],
    );
}

/// A note whose annex holds two decisions, each numbering its paragraphs
/// from 1: every place in a decision names the decision, as a reference
/// to it does ("operative paragraph 2 of decision SC-4/2").
#[test]
fn several_decisions() {
    let text = golden_pair(
        "examples/report-decisions-sc.en.draft",
        "tests/amendments/report-decisions-sc.rev1.draft",
        "tests/amendments/report-decisions-sc.amendments.draft",
    );
    builds_to_docx(
        &text,
        &[
            "In operative paragraph 2 of decision SC\u{2011}4/2, replace “need” with “have”.",
            "In operative paragraph 2 of decision SC\u{2011}4/3, after “all” insert “the”.",
            "In operative paragraph 1 of decision SC\u{2011}4/3, add new subparagraphs, reading:",
            "“(a) Production;”",
            "In operative paragraph 1 of decision SC\u{2011}4/2, after “control;” insert a footnote reading:",
        ],
    );
    // Decisions with no symbol, or one they share, are named by their place.
    let old = common::read("examples/report-decisions-sc.en.draft")
        .replace("::: decision SC-4/2: DDT", "::: decision")
        .replace(
            "::: decision SC-4/3: Exemptions",
            "::: decision SC-4/[…]: Exemptions",
        );
    let revise = |old: &str| {
        old.replace("may need to", "may have to")
            .replace("#. Notes the", "#. Notes with concern the")
    };
    assert_eq!(
        body(&written(&old, &revise(&old))),
        "#. In operative paragraph 2 of the first draft decision, replace “need” with “have”.\n\n\
         #. In operative paragraph 1 of decision SC-4/[…], after “Notes” insert “with concern”.\n"
    );
    let old = old.replace("::: decision\n", "::: decision SC-4/[…]: DDT\n");
    assert_eq!(
        body(&written(&old, &revise(&old))),
        "#. In operative paragraph 2 of the first draft decision, replace “need” with “have”.\n\n\
         #. In operative paragraph 1 of the second draft decision, after “Notes” insert “with concern”.\n"
    );
}

/// A note whose body and annexes each number their paragraphs from 1:
/// a paragraph of an annex is named with it, as a reference from the
/// body names it ("paragraph 1 of annex I"); the body's, alone.
#[test]
fn paragraphs_of_annexes() {
    let old = "symbol: UNEP/MC/COP.6/21\nlanguage: en\ntitle: Report\n\n\
               #. The secretariat reports on its work.\n\n\
               ::: annex Plan\n\n#. The plan has three parts.\n\n#. The first part is the survey.\n\n\
               ::: annex Other\n\n#. Another.\n";
    let new = old
        .replace("on its work", "on all its work")
        .replace("three parts", "four parts")
        .replace(
            "survey.\n",
            "survey.\n\n#. The second part is the report.\n",
        )
        .replace("Another.", "Another one.");
    assert_eq!(
        body(&written(old, &new)),
        "#. In paragraph 1, after “on” insert “all”.\n\n\
         #. In paragraph 1 of annex I, replace “three” with “four”.\n\n\
         #. Insert a new paragraph after paragraph 2 of annex I, reading:\n\n\
         “The second part is the report.”\n\n\
         #. In paragraph 1 of annex II, after “Another” insert “one”.\n"
    );
    // One annex: "of the annex".
    let (old, new) = (
        old.split("::: annex Other").next().unwrap(),
        new.split("::: annex Other").next().unwrap(),
    );
    assert!(
        body(&written(old, new))
            .contains("#. In paragraph 1 of the annex, replace “three” with “four”.\n"),
        "{}",
        written(old, new)
    );
}

/// With sponsors, the amendments document prints their line, in the
/// words of amendment documents ("Algeria (…): amendments to draft
/// resolution A/HRC/S-4/L.1", A/HRC/S-4/L.3); without, nothing changes.
#[test]
fn the_sponsors_line() {
    let compile = |s: &str| common::compile_clean("draft", s).document;
    let old = compile(&common::read("examples/negotiation.rev0.draft"));
    let new = compile(&common::read("examples/negotiation.rev1.draft"));
    let golden = common::read("tests/amendments/negotiation.amendments.draft");
    let with = |sponsors: &[&str]| amendments(&old, &new, SYMBOL, sponsors).unwrap();
    assert_eq!(with(&[]), golden);
    for (sponsors, line) in [
        (&["Cuba"][..], "Cuba"),
        (&["Cuba", "Mexico"][..], "Cuba and Mexico"),
        (
            &["Cuba", "Mexico", "Trinidad and Tobago"][..],
            "Cuba, Mexico and Trinidad and Tobago",
        ),
    ] {
        let text = with(sponsors);
        let line = format!("sponsors: {line}: amendments to draft decision UNEP/MC/COP.6/L.4\n");
        assert_eq!(
            text,
            golden.replace("\ntitle: ", &format!("\n{line}title: "))
        );
    }
    let text = with(&["Cuba", "Mexico"]);
    // One line of the masthead, before the title, printed as written.
    let doc = common::compile_clean("amendments", &text).document;
    let roles: Vec<_> = doc.presentation.masthead.iter().map(|l| l.role).collect();
    let at = roles
        .iter()
        .position(|r| *r == draftdec::ast::LineRole::Sponsors)
        .unwrap();
    assert_eq!(roles[at + 1], draftdec::ast::LineRole::Title);
    builds_to_docx(
        &text,
        &["Cuba and Mexico: amendments to draft decision UNEP/MC/COP.6/L.4"],
    );
    // One amendment: "amendment to".
    let one = compile(&decision("UNEP/MC/COP.6/L.4", &[], &["*Decides* to meet."]));
    let other = compile(&decision(
        "UNEP/MC/COP.6/L.4/Rev.1",
        &[],
        &["*Decides* to meet twice."],
    ));
    assert!(
        amendments(&one, &other, SYMBOL, &["Cuba"])
            .unwrap()
            .contains("\nsponsors: Cuba: amendment to draft decision UNEP/MC/COP.6/L.4\n")
    );
}

/// A draft like any other: it builds to a Word document that Word's rules
/// accept and pandoc reads with these `lines`.
fn builds_to_docx(text: &str, lines: &[&str]) {
    let doc = common::compile_clean("amendments", text).document;
    let bytes = draftdec::render::docx::render(&doc);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amendments.docx");
    std::fs::write(&path, &bytes).unwrap();
    if let Some(tool) = common::OPENXML_AUDIT.require() {
        let (reports, _) = common::openxml_audit(&tool, &path);
        let report = &reports[0];
        assert!(
            report["error_count"] == 0 && report["valid"] == true,
            "{report:#}"
        );
    }
    if let Some(pandoc) = common::PANDOC.require() {
        let output = std::process::Command::new(&pandoc)
            .args(["-f", "docx", "-t", "plain", "--wrap=none"])
            .arg(&path)
            .output()
            .unwrap();
        let plain = String::from_utf8_lossy(&output.stdout);
        for line in lines {
            assert!(plain.contains(line), "{line:?} not in:\n{plain}");
        }
    }
}

/// A draft decision with these preambular and operative paragraphs.
fn decision(symbol: &str, preamble: &[&str], operative: &[&str]) -> String {
    let mut src = format!("type: draft-decision\nsymbol: {symbol}\nlanguage: en\ntitle: T\n\n");
    push_decision(&mut src, "::: decision", preamble, operative);
    src
}

/// A `::: decision` block (its first line `head`) with these paragraphs.
fn push_decision(src: &mut String, head: &str, preamble: &[&str], operative: &[&str]) {
    src.push_str(&format!("{head}\nThe Conference of the Parties,\n\n"));
    for p in preamble {
        src.push_str(&format!("{p}\n\n"));
    }
    for p in operative {
        src.push_str(&format!("#. {p}\n\n"));
    }
    src.push_str(":::\n");
}

/// Old preamble and operative part, new ones, the amendments expected.
type Case<'a> = (
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
    &'a str,
);

/// Each kind of edit, in the words of General Assembly amendments.
#[test]
fn each_kind_of_edit() {
    let ops = [
        "*Requests* the secretariat to report;",
        "*Invites* Parties to act;",
        "*Decides* that the team shall meet once a year.",
    ];
    let pre = ["*Recalling* decision MC-5/19,", "*Noting* the report,"];
    #[rustfmt::skip]
    let cases: &[Case] = &[
        // Words inserted, at the end of a paragraph and inside it.
        (&pre, &ops, &pre, &["*Requests* the secretariat to report annually;", ops[1], ops[2]],
         "#. In operative paragraph 1, after “report” insert “annually”.\n"),
        (&pre, &ops, &pre, &[ops[0], "*Invites* all Parties to act;", ops[2]],
         "#. In operative paragraph 2, after “Invites” insert “all”.\n"),
        // Words replaced and deleted.
        (&pre, &ops, &pre, &[ops[0], ops[1], "*Decides* that the team should meet once a year."],
         "#. In operative paragraph 3, replace “shall” with “should”.\n"),
        (&pre, &ops, &pre, &[ops[0], ops[1], "*Decides* that the team shall meet."],
         "#. In operative paragraph 3, delete “once a year”.\n"),
        // Paragraphs deleted, by number and by ordinal.
        (&pre, &ops, &pre, &[ops[0], ops[2]], "#. Delete operative paragraph 2.\n"),
        (&pre, &ops, &pre[..1], &ops, "#. Delete the second preambular paragraph.\n"),
        // Paragraphs inserted, after one and before the first; several at
        // one place in one amendment.
        (&pre, &ops, &[pre[0], "*Welcoming* the cooperation,", pre[1]], &ops,
         "#. Insert a new preambular paragraph after the first preambular paragraph, reading:\n\n\
          “*Welcoming* the cooperation,”\n"),
        (&pre, &ops, &pre, &["*Takes note* of the report;", "*Welcomes* the cooperation;", ops[0], ops[1], ops[2]],
         "#. Insert new operative paragraphs before operative paragraph 1, reading:\n\n\
          “*Takes note* of the report;”\n\n“*Welcomes* the cooperation;”\n"),
        // A reference renumbered only because its target moved is no
        // amendment: amendments speak of the draft as it stands.
        (&pre, &["<a> *Requests* the secretariat to report;", "*Invites* Parties to apply paragraph @#a."],
         &pre, &["*Takes note* of the report;", "<a> *Requests* the secretariat to report;", "*Invites* Parties to apply paragraph @#a."],
         "#. Insert a new operative paragraph before operative paragraph 1, reading:\n\n\
          “*Takes note* of the report;”\n"),
        // A footnote inserted after words of a paragraph, deleted by its
        // number, or going with the paragraph that holds its mark.
        (&pre, &ops, &pre, &[ops[0], ops[1], "*Decides* that the team shall meet once a year.^{See UNEP/MC/COP.5/22.}"],
         "#. In operative paragraph 3, after “year.” insert a footnote reading:\n\n“See UNEP/MC/COP.5/22.”\n"),
        (&pre, &[ops[0], "*Invites* Parties^{Including regional economic integration organizations.} to act;", ops[2]], &pre, &ops,
         "#. Delete footnote 1.\n"),
        (&pre, &[ops[0], "*Invites* Parties^{Including regional economic integration organizations.} to act;", ops[2]], &pre, &[ops[0], ops[2]],
         "#. Delete operative paragraph 2.\n"),
        // A new paragraph is quoted with its footnote.
        (&pre, &ops, &pre, &[ops[0], ops[1], "*Notes* the work of the team;^{UNEP/MC/COP.6/INF/3.}", ops[2]],
         "#. Insert a new operative paragraph after operative paragraph 2, reading:\n\n\
          “*Notes* the work of the team;^{UNEP/MC/COP.6/INF/3.}”\n"),
        // Subparagraphs given to a paragraph that had none.
        (&pre, &ops, &pre, &["*Requests* the secretariat to report:\n(a) On the work;\n(b) On the costs;", ops[1], ops[2]],
         "#. In operative paragraph 1, replace “report;” with “report:”.\n\n\
          #. In operative paragraph 1, add new subparagraphs, reading:\n\n“(a) On the work;”\n\n“(b) On the costs;”\n"),
        // A moved paragraph is deleted and inserted.
        (&pre, &ops, &pre, &[ops[2], ops[0], ops[1]],
         "#. Insert a new operative paragraph before operative paragraph 1, reading:\n\n\
          “*Decides* that the team shall meet once a year.”\n\n\
          #. Delete operative paragraph 3.\n"),
    ];
    let mut failures = Vec::new();
    for (k, (pre_a, ops_a, pre_b, ops_b, expected)) in cases.iter().enumerate() {
        let text = written(
            &decision("UNEP/MC/COP.6/L.4", pre_a, ops_a),
            &decision("UNEP/MC/COP.6/L.4/Rev.1", pre_b, ops_b),
        );
        if body(&text) != *expected {
            failures.push(format!("case {k}:\n{}\n---\n{expected}", body(&text)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn subparagraphs_and_ordinals() {
    let old = decision(
        "UNEP/MC/COP.6/L.4",
        &["*Recalling* decision MC-5/19,"; 12],
        &["*Requests* the secretariat:\n(a) To report;\n(b) To consult Parties."],
    );
    let mut preamble = vec!["*Recalling* decision MC-5/19,"; 11];
    preamble.push("*Recalling also* decision MC-5/19,");
    let new = decision(
        "UNEP/MC/COP.6/L.4/Rev.1",
        &preamble,
        &[
            "*Requests* the secretariat:\n(a) To report;\n(b) To consult all Parties;\n(c) To publish the results.",
        ],
    );
    let text = written(&old, &new);
    assert_eq!(
        body(&text),
        "#. In the twelfth preambular paragraph, after “Recalling” insert “also”.\n\n\
         #. In operative paragraph 1 (b), replace “Parties.” with “all Parties;”.\n\n\
         #. Insert a new subparagraph after operative paragraph 1 (b), reading:\n\n\
         “(c) To publish the results.”\n"
    );
    // A new paragraph is quoted with its subparagraphs.
    let new = decision(
        "UNEP/MC/COP.6/L.4/Rev.1",
        &["*Recalling* decision MC-5/19,"; 12],
        &[
            "*Requests* the secretariat:\n(a) To report;\n(b) To consult Parties;",
            "*Invites* Parties:\n(a) To act;\n(b) To report.",
        ],
    );
    assert_eq!(
        body(&written(&old, &new)),
        "#. In operative paragraph 1 (b), replace “Parties.” with “Parties;”.\n\n\
         #. Insert a new operative paragraph after operative paragraph 1, reading:\n\n\
         “*Invites* Parties:”\n\n“(a) To act;”\n\n“(b) To report.”\n"
    );
}

#[test]
fn refusals_name_the_revision() {
    let en = decision("UNEP/MC/COP.6/L.4", &[], &["*Decides* to meet."]);
    let compile = |s: &str| common::compile_clean("draft", s).document;
    let fr = en.replace("language: en", "language: fr");
    let refused = amendments(&compile(&fr), &compile(&fr), SYMBOL, &[]).unwrap_err();
    assert_eq!(refused.len(), 1);
    assert_eq!((refused[0].0, refused[0].1.code), (Side::Old, Code::E0401));
    // A footnote inserted right after words inserted: no words of the
    // draft as it stands place it.
    let noted = en.replace("to meet.", "to meet there^{See UNEP/MC/COP.5/22.} once.");
    let refused = amendments(&compile(&en), &compile(&noted), SYMBOL, &[]).unwrap_err();
    assert_eq!(
        refused
            .iter()
            .map(|(s, d)| (*s, d.code))
            .collect::<Vec<_>>(),
        [(Side::New, Code::E0402)]
    );
}

#[test]
fn the_command() {
    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let pair = [
        root.join("examples/negotiation.rev0.draft"),
        root.join("examples/negotiation.rev1.draft"),
    ];
    let run = |extra: &[&str]| {
        common::draftdec()
            .current_dir(dir.path())
            .args(["diff", "--to", "amendments"])
            .args(extra)
            .args(&pair)
            .output()
            .unwrap()
    };
    // The amendments document needs a symbol of its own.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--symbol"));
    assert!(out.stdout.is_empty());
    // Written to a file, the golden draft; on standard output, the same.
    let out = run(&["--symbol", SYMBOL, "-o", "a.draft"]);
    assert!(out.status.success(), "{out:?}");
    let file = std::fs::read_to_string(dir.path().join("a.draft")).unwrap();
    assert_eq!(
        file,
        common::read("tests/amendments/negotiation.amendments.draft")
    );
    let out = run(&["--symbol", SYMBOL]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), file);
    // Sponsors, separated by commas, make the sponsors' line.
    let out = run(&["--symbol", SYMBOL, "--sponsors", "Cuba, Mexico"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        file.replace(
            "\ntitle: ",
            "\nsponsors: Cuba and Mexico: amendments to draft decision UNEP/MC/COP.6/L.4\ntitle: "
        )
    );
    let json = common::draftdec()
        .args(["diff", "--to", "json", "--sponsors", "Cuba"])
        .args(&pair)
        .output()
        .unwrap();
    for out in [run(&["--symbol", SYMBOL, "--sponsors", "Cuba,"]), json] {
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--sponsors"),
            "{out:?}"
        );
        assert!(out.stdout.is_empty());
    }
    // `draftdec check` finds nothing in it, and `build` makes a DOCX.
    let check = common::draftdec()
        .current_dir(dir.path())
        .args(["check", "a.draft"])
        .output()
        .unwrap();
    assert!(
        check.status.success() && check.stdout.is_empty(),
        "{check:?}"
    );
    let build = common::draftdec()
        .current_dir(dir.path())
        .args(["build", "--to", "docx", "a.draft"])
        .output()
        .unwrap();
    assert!(build.status.success(), "{build:?}");
    assert!(dir.path().join("a.docx").exists());
    // Refused: status 1, the diagnostic on standard error, nothing written.
    let fr = common::workspace(&[
        (
            "old.draft",
            &common::read("tests/ui/E0401-french/1-old.draft"),
        ),
        (
            "new.draft",
            &common::read("tests/ui/E0401-french/2-new.draft"),
        ),
    ]);
    let out = common::draftdec()
        .current_dir(fr.path())
        .args([
            "diff",
            "--to",
            "amendments",
            "--symbol",
            SYMBOL,
            "-o",
            "a.draft",
        ])
        .args(["--color", "never", "old.draft", "new.draft"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[E0401]") && err.contains("old.draft:3:11"),
        "{err}"
    );
    assert!(err.ends_with("draftdec: no amendments written\n"), "{err}");
    assert!(!fr.path().join("a.draft").exists());
}

/// A generated paragraph: its words, a footnote after them or none (as
/// source), and its subparagraphs (an operative paragraph's only).
type Para_ = (String, String, Vec<String>);

fn noted() -> impl Strategy<Value = Para_> {
    (
        paragraph(),
        prop::sample::select(vec![
            "",
            "",
            "^{See decision MC-5/19.}",
            "^{UNEP/MC/COP.6/INF/3, annex.}",
        ]),
        prop::collection::vec(paragraph(), 0..3),
    )
        .prop_map(|(p, note, subs)| (p, note.to_string(), subs))
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "the",
            "Parties",
            "shall",
            "should",
            "report",
            "[on it]",
            "[at]",
            "annually",
            "and",
            "secretariat",
            "MC-5/19",
            "meeting",
            "*",
            "@",
            "\u{201c}",
            "\u{201d}",
        ]),
        1..10,
    )
    .prop_map(|words| {
        // Quotation marks kept in pairs, markup characters as text.
        words
            .iter()
            .map(|w| match *w {
                "*" => "\\*".to_string(),
                "@" => "\\@".to_string(),
                "\u{201c}" => "\u{201c}x\u{201d}".to_string(),
                "\u{201d}" => "y".to_string(),
                w => w.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the two revisions, of one decision or of several, the
    /// amendments compile without a diagnostic, there are some exactly
    /// when the words differ, and applied to OLD they give NEW.
    #[test]
    fn the_amendments_compile_clean_and_apply(
        decisions in prop::collection::vec(
            (
                prop::collection::vec(noted(), 0..4),
                prop::collection::vec(noted(), 1..5),
                prop::collection::vec(noted(), 0..4),
                prop::collection::vec(noted(), 1..5),
            ),
            1..4,
        ),
        numbered in any::<bool>(),
    ) {
        let pre = |v: &[Para_]| v.iter().map(|(p, note, _)| format!("*Recalling* {p},{note}")).collect::<Vec<_>>();
        let ops = |v: &[Para_]| {
            v.iter()
                .map(|(p, note, subs)| {
                    let mut text = format!("*Decides* {p};{note}");
                    for (k, sub) in subs.iter().enumerate() {
                        text.push_str(&format!("\n({}) {sub};", char::from(b'a' + k as u8)));
                    }
                    text
                })
                .collect::<Vec<_>>()
        };
        let (mut olds, mut news) = (Vec::new(), Vec::new());
        for (pre_a, ops_a, pre_b, ops_b) in &decisions {
            olds.push((pre(pre_a), ops(ops_a)));
            news.push((pre(pre_b), ops(ops_b)));
        }
        let draft = |symbol: &str, parts: &[(Vec<String>, Vec<String>)]| match parts {
            [(p, o)] => decision(symbol, &strs(p), &strs(o)),
            _ => several(symbol, parts, numbered),
        };
        let old = draft("UNEP/MC/COP.6/L.4", &olds);
        let new = draft("UNEP/MC/COP.6/L.4/Rev.1", &news);
        let text = written(&old, &new);
        prop_assert_eq!(body(&text).is_empty(), olds == news, "{}", text);
        // Applied to OLD as a reader would, they give NEW: its paragraphs,
        // and its footnotes in order.
        let (paragraphs, notes): (Vec<Para>, Vec<Para>) =
            units(&new).into_iter().partition(|u| u.kind != UnitKind::Footnote);
        let texts = |v: Vec<Para>| v.into_iter().map(|u| tidy(&u.text)).collect::<Vec<_>>();
        prop_assert_eq!(apply(&units(&old), &text), (texts(paragraphs), texts(notes)), "{}", text);
    }
}

/// A note holding several decisions, numbered `MC-6/1` … or not.
fn several(symbol: &str, decisions: &[(Vec<String>, Vec<String>)], numbered: bool) -> String {
    let mut src = format!("symbol: {symbol}\nlanguage: en\ntitle: T\n\n");
    for (k, (preamble, operative)) in decisions.iter().enumerate() {
        let head = match numbered {
            true => format!("::: decision MC-6/{}", k + 1),
            false => "::: decision".to_string(),
        };
        push_decision(&mut src, &head, &strs(preamble), &strs(operative));
        src.push('\n');
    }
    src
}

/// A paragraph of a generated draft: its kind, designation, text, the
/// decision it is in (each decision opens with its formula), and the
/// numbers of the footnotes marked in it.
#[derive(Debug)]
struct Para {
    kind: UnitKind,
    path: String,
    text: String,
    decision: usize,
    notes: Vec<String>,
}

fn units(src: &str) -> Vec<Para> {
    use draftdec::ast::{Inline, OperativeParagraph, PreambularClause, SubParagraph};
    use draftdec::visit::{self, Visitor};
    /// The footnotes marked in each paragraph, by its span.
    #[derive(Default)]
    struct Marks(std::collections::HashMap<(usize, usize), Vec<String>>);
    impl Marks {
        fn add(&mut self, span: draftdec::ast::Span, content: &[Inline]) {
            let notes = content.iter().filter_map(|i| match i {
                Inline::FootnoteRef(r) => r.number.map(|n| n.to_string()),
                _ => None,
            });
            self.0.insert((span.start, span.end), notes.collect());
        }
    }
    impl Visitor for Marks {
        fn visit_preambular_clause(&mut self, c: &PreambularClause) {
            self.add(c.span, &c.content);
        }
        fn visit_operative_paragraph(&mut self, p: &OperativeParagraph) {
            self.add(p.span, &p.content);
            visit::walk_operative_paragraph(self, p);
        }
        fn visit_subparagraph(&mut self, s: &SubParagraph) {
            self.add(s.span, &s.content);
        }
    }
    let doc = common::compile_clean("draft", src).document;
    let mut marks = Marks::default();
    marks.visit_document(&doc);
    let mut decision = 0;
    let mut out = Vec::new();
    for u in draftdec::diff::diff(&doc, &doc).old {
        if u.kind == UnitKind::Formula {
            decision += 1;
            continue;
        }
        out.push(Para {
            notes: marks
                .0
                .remove(&(u.span.start, u.span.end))
                .unwrap_or_default(),
            kind: u.kind,
            path: u.path,
            text: u.text,
            decision: decision.max(1) - 1,
        });
    }
    out
}

/// The ordinals a generated preamble needs, as the amendments write them.
const ORDINALS: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];

/// The old paragraph an amendment names: a preambular one by ordinal, an
/// operative one by number; in one of several decisions, with the
/// decision's symbol or place.
fn find(units: &[Para], place: &str) -> usize {
    let (place, decision) = match place.split_once(" of ") {
        Some((place, decision)) => {
            let k = match decision.strip_prefix("decision MC-6/") {
                Some(n) => n.parse::<usize>().expect("a number") - 1,
                None => {
                    let ordinal = decision
                        .strip_prefix("the ")
                        .and_then(|d| d.strip_suffix(" draft decision"))
                        .unwrap_or_else(|| panic!("no decision: {decision:?}"));
                    ORDINALS
                        .iter()
                        .position(|o| *o == ordinal)
                        .expect("ordinal")
                }
            };
            (place, k)
        }
        None => (place, 0),
    };
    let (kind, path) = match place.strip_prefix("operative paragraph ") {
        Some(n) if n.contains(" (") => (UnitKind::Subparagraph, n.to_string()),
        Some(n) => (UnitKind::OperativeParagraph, n.to_string()),
        None if place.starts_with("footnote ") => {
            let n = place.strip_prefix("footnote ").unwrap();
            return units
                .iter()
                .position(|u| u.kind == UnitKind::Footnote && u.path == n)
                .unwrap_or_else(|| panic!("no {place:?}"));
        }
        None => {
            let ordinal = place
                .strip_prefix("the ")
                .and_then(|p| p.strip_suffix(" preambular paragraph"))
                .unwrap_or_else(|| panic!("no place: {place:?}"));
            let n = ORDINALS
                .iter()
                .position(|o| *o == ordinal)
                .expect("ordinal")
                + 1;
            (UnitKind::PreambularParagraph, n.to_string())
        }
    };
    units
        .iter()
        .position(|u| u.kind == kind && u.path == path && u.decision == decision)
        .unwrap_or_else(|| panic!("no {place:?}"))
}

/// The quoted words that open `s` (quotation marks inside them in pairs),
/// unescaped and without the italics of their opening words, and what
/// follows them.
fn quoted(s: &str) -> (String, &str) {
    let s = s
        .strip_prefix('\u{201c}')
        .unwrap_or_else(|| panic!("no quotation: {s:?}"));
    let mut depth = 1;
    for (at, c) in s.char_indices() {
        depth += match c {
            '\u{201c}' => 1,
            '\u{201d}' => -1,
            _ => 0,
        };
        if depth == 0 {
            let mut text = String::new();
            let mut escaped = false;
            for c in s[..at].chars() {
                if c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == '*' && !escaped {
                    continue;
                }
                escaped = false;
                text.push(c);
            }
            return (text, &s[at + '\u{201d}'.len_utf8()..]);
        }
    }
    panic!("unclosed quotation: {s:?}")
}

/// A footnote of a paragraph once amended: one of OLD's (its unit), or a
/// new one's text.
#[derive(Clone)]
enum Note {
    Old(usize),
    New(String),
}

/// A quoted paragraph as a reader takes it: its letter (`(a) `) left to
/// the numbering, its footnotes (`^{…}`) taken out as notes.
fn quoted_paragraph(text: String) -> (String, Vec<Note>) {
    let text = match text.strip_prefix('(').and_then(|t| t.split_once(") ")) {
        Some((letters, rest)) if letters.chars().all(|c| c.is_ascii_lowercase()) => {
            rest.to_string()
        }
        _ => text,
    };
    let (mut out, mut notes) = (String::new(), Vec::new());
    let mut rest = text.as_str();
    while let Some((before, after)) = rest.split_once("^{") {
        let (note, after) = after.split_once('}').expect("a footnote closed");
        out.push_str(before);
        notes.push(Note::New(note.to_string()));
        rest = after;
    }
    out.push_str(rest);
    (out, notes)
}

/// The texts of OLD's paragraphs, and of its footnotes in order, once
/// `amendments` are applied, each to OLD as it stands: words replaced
/// where they occur (once) in the old text, paragraphs and footnotes
/// deleted, new ones placed by their old neighbours (a footnote after the
/// words it follows).
fn apply(units: &[Para], amendments: &str) -> (Vec<String>, Vec<String>) {
    let mut texts: Vec<Option<String>> = units.iter().map(|u| Some(u.text.clone())).collect();
    let footnote = |n: &String| {
        units
            .iter()
            .position(|u| u.kind == UnitKind::Footnote && u.path == *n)
            .expect("a footnote")
    };
    let mut notes: Vec<Vec<Note>> = units
        .iter()
        .map(|u| u.notes.iter().map(|n| Note::Old(footnote(n))).collect())
        .collect();
    // Edits to each paragraph, located in its old text: (start, end, new).
    let mut edits: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); units.len()];
    type New = Vec<(String, Vec<Note>)>;
    let (mut before, mut after): (Vec<New>, Vec<New>) =
        (vec![Vec::new(); units.len()], vec![Vec::new(); units.len()]);
    let blocks: Vec<&str> = body(amendments).split("\n\n").collect();
    let mut k = 0;
    while k < blocks.len() {
        let sentence = blocks[k].trim().strip_prefix("#. ").expect("an amendment");
        k += 1;
        let mut reading = Vec::new();
        while k < blocks.len() && blocks[k].starts_with('\u{201c}') {
            reading.push(quoted(blocks[k].trim()).0);
            k += 1;
        }
        let paragraphs = || reading.iter().cloned().map(quoted_paragraph);
        if let Some(place) = sentence.strip_prefix("Delete ") {
            // A paragraph goes with its subparagraphs.
            let i = find(units, place.trim_end_matches('.'));
            for t in &mut texts[i..=last_of(units, i)] {
                *t = None;
            }
        } else if let Some(rest) = sentence.strip_prefix("Insert ") {
            let rest = rest.strip_suffix(", reading:").expect("reading");
            let (at, list) = match rest.split_once(" after ") {
                Some((_, place)) => (last_of(units, find(units, place)), &mut after),
                None => (
                    find(units, rest.split_once(" before ").expect("before").1),
                    &mut before,
                ),
            };
            list[at].extend(paragraphs());
        } else {
            let rest = sentence.strip_prefix("In ").expect("In");
            let (place, edit) = rest.split_once(", ").expect("place, edit");
            let i = find(units, place);
            let old = &units[i].text;
            let locate = |words: &str| {
                assert_eq!(old.matches(words).count(), 1, "{words:?} in {old:?}");
                let at = old.find(words).unwrap();
                (at, at + words.len())
            };
            if edit.starts_with("add new subparagraph")
                || edit.starts_with("add a new subparagraph")
            {
                assert!(edit.ends_with(", reading:"), "{edit:?}");
                after[i].extend(paragraphs());
                continue;
            }
            if let Some(rest) = edit.strip_suffix(" insert a footnote reading:") {
                // At the end of the paragraph, where the generator puts it.
                let (x, _) = quoted(rest.strip_prefix("after ").expect("after"));
                assert_eq!(locate(&x).1, old.len(), "{x:?} in {old:?}");
                notes[i].extend(reading.iter().map(|t| Note::New(t.clone())));
                continue;
            }
            let edit = edit.strip_suffix('.').expect("full stop");
            if let Some(rest) = edit.strip_prefix("after ") {
                let (x, rest) = quoted(rest);
                let (y, _) = quoted(rest.strip_prefix(" insert ").expect("insert"));
                let end = locate(&x).1;
                edits[i].push((end, end, format!(" {y}")));
            } else if let Some(rest) = edit.strip_prefix("before ") {
                let (x, rest) = quoted(rest);
                let (y, _) = quoted(rest.strip_prefix(" insert ").expect("insert"));
                let start = locate(&x).0;
                edits[i].push((start, start, format!("{y} ")));
            } else if let Some(rest) = edit.strip_prefix("replace ") {
                let (x, rest) = quoted(rest);
                let (y, _) = quoted(rest.strip_prefix(" with ").expect("with"));
                let (start, end) = locate(&x);
                edits[i].push((start, end, y));
            } else {
                let (x, _) = quoted(edit.strip_prefix("delete ").expect("delete"));
                let (start, end) = locate(&x);
                edits[i].push((start, end, String::new()));
            }
        }
    }
    for (i, text) in texts.iter_mut().enumerate() {
        if let Some(text) = text {
            edits[i].sort_by_key(|e| std::cmp::Reverse(e.0));
            for (start, end, new) in &edits[i] {
                text.replace_range(start..end, new);
            }
        }
    }
    let mut out: New = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if units[i].kind == UnitKind::Footnote {
            continue;
        }
        out.append(&mut before[i]);
        if let Some(text) = text {
            out.push((text.clone(), notes[i].clone()));
        }
        out.append(&mut after[i]);
    }
    let footnotes = out
        .iter()
        .flat_map(|(_, notes)| notes)
        .filter_map(|n| match n {
            Note::Old(f) => texts[*f].clone(),
            Note::New(t) => Some(t.clone()),
        })
        .map(|t| tidy(&t))
        .collect();
    (out.iter().map(|(t, _)| tidy(t)).collect(), footnotes)
}

/// The last unit of paragraph `i` with its subparagraphs.
fn last_of(units: &[Para], i: usize) -> usize {
    let inside = |u: &Para| {
        u.kind == UnitKind::Subparagraph
            && u.decision == units[i].decision
            && u.path.starts_with(&format!("{} (", units[i].path))
    };
    i + units[i + 1..].iter().take_while(|u| inside(u)).count()
}

/// Blanks left where words were deleted ("meet ;") are the reader's to
/// tidy, as when an amendment is adopted.
fn tidy(text: &str) -> String {
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for mark in [",", ";", ".", ":"] {
        out = out.replace(&format!(" {mark}"), mark);
    }
    out
}

//! The `draftdec` command as a user runs it: exit statuses, output formats,
//! standard input, colour, `build`'s file handling, `explain` and `schema`.
//!
//! The pages under `docs/diagnostics/` are tested here too: each example must
//! raise its code and nothing else, each fixed example must be clean, and the
//! output shown on the page must be what draftdec prints. After a deliberate
//! change to messages, `INSTA_UPDATE=always cargo test --test cli` refreshes
//! the pages and the JSON Schema (`common::BLESS`).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{run_with_stdin, workspace};

use draftdec::diag::Code;
use draftdec::diag::codes::Stage;

/// A draft with one error (an unknown label) and one warning (the last
/// operative paragraph ends with a semicolon), on known lines and columns.
const BAD: &str = "\
symbol: UNEP/MC/COP.6/20
language: en
title: Cooperation and coordination

::: decision
The Conference of the Parties,

1. <op-coop> *Welcomes* the cooperation between the secretariats;
2. *Decides* to review @op-cop at its seventh meeting;
:::
";

/// Only the warning of `BAD`.
const WARNS: &str = "\
symbol: UNEP/MC/COP.6/20
language: en
title: Cooperation and coordination

::: decision
The Conference of the Parties,

1. <op-coop> *Welcomes* the cooperation between the secretariats;
2. *Decides* to review @op-coop at its seventh meeting;
:::
";

const CLEAN: &str = "\
symbol: UNEP/MC/COP.6/20
language: en
title: Cooperation and coordination

::: decision
The Conference of the Parties,

1. <op-coop> *Welcomes* the cooperation between the secretariats;
2. *Decides* to review @op-coop at its seventh meeting.
:::
";

/// `draftdec` run in `dir` (`common::draftdec`: a predictable environment).
fn draftdec(dir: &Path) -> Command {
    let mut cmd = common::draftdec();
    cmd.current_dir(dir);
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("draftdec runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn status(out: &Output) -> i32 {
    out.status.code().expect("draftdec exits with a status")
}

#[test]
fn check_exit_statuses() {
    let dir = workspace(&[
        ("bad.draft", BAD),
        ("clean.draft", CLEAN),
        ("warns.draft", WARNS),
    ]);
    let clean = run(draftdec(dir.path()).args(["check", "clean.draft"]));
    assert_eq!(status(&clean), 0, "{}", stdout(&clean));
    assert_eq!(stdout(&clean), "");

    let bad = run(draftdec(dir.path()).args(["check", "bad.draft"]));
    assert_eq!(status(&bad), 1);

    // Warnings alone pass, unless denied.
    let warns = run(draftdec(dir.path()).args(["check", "warns.draft"]));
    assert_eq!(status(&warns), 0);
    assert!(
        stdout(&warns).contains("warning[W0203]"),
        "{}",
        stdout(&warns)
    );
    let denied = run(draftdec(dir.path()).args(["check", "--deny-warnings", "warns.draft"]));
    assert_eq!(status(&denied), 1);
    let denied_clean = run(draftdec(dir.path()).args(["check", "--deny-warnings", "clean.draft"]));
    assert_eq!(status(&denied_clean), 0);

    // An unreadable file is an I/O error (2) and is named; the other files
    // are still checked.
    let missing = run(draftdec(dir.path()).args(["check", "missing.draft", "bad.draft"]));
    assert_eq!(status(&missing), 2);
    assert!(
        stderr(&missing).contains("cannot read missing.draft"),
        "{}",
        stderr(&missing)
    );
    assert!(stdout(&missing).contains("E0102"));

    let usage = run(draftdec(dir.path()).args(["check", "--format", "xml", "bad.draft"]));
    assert_eq!(status(&usage), 2);
    let no_files = run(draftdec(dir.path()).args(["check"]));
    assert_eq!(status(&no_files), 2);
}

#[test]
fn check_rejects_text_that_is_not_utf8() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("latin1.draft"), b"title: Coop\xe9ration\n").expect("write");
    let out = run(draftdec(dir.path()).args(["check", "latin1.draft"]));
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("latin1.draft: not UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn short_format() {
    let dir = workspace(&[("bad.draft", BAD)]);
    let out = run(draftdec(dir.path()).args(["check", "--format", "short", "bad.draft"]));
    assert_eq!(
        stdout(&out),
        "bad.draft:9:25: error[E0102]: no label `op-cop` in this draft\n\
         bad.draft:9:54: warning[W0203]: the last operative paragraph should end with a full stop, but it ends with `;`\n"
    );
}

#[test]
fn json_format() {
    let dir = workspace(&[("bad.draft", BAD)]);
    let out = run(draftdec(dir.path()).args(["check", "--format", "json", "bad.draft"]));
    assert_eq!(status(&out), 1);
    let expected = r#"[
  {
    "code": "E0102",
    "severity": "error",
    "message": "no label `op-cop` in this draft",
    "file": "bad.draft",
    "primary": {
      "start": 210,
      "end": 216,
      "line": 9,
      "column": 25,
      "end_line": 9,
      "end_column": 31,
      "label": "unknown label"
    },
    "secondary": [],
    "help": "did you mean `op-coop`?",
    "fix": {
      "start": 210,
      "end": 216,
      "line": 9,
      "column": 25,
      "end_line": 9,
      "end_column": 31,
      "replacement": "op-coop",
      "applicability": "needs_review"
    }
  },
  {
    "code": "W0203",
    "severity": "warning",
    "message": "the last operative paragraph should end with a full stop, but it ends with `;`",
    "file": "bad.draft",
    "primary": {
      "start": 239,
      "end": 240,
      "line": 9,
      "column": 54,
      "end_line": 9,
      "end_column": 55,
      "label": "expected `.`"
    },
    "secondary": [],
    "help": "end it with `.`",
    "fix": {
      "start": 239,
      "end": 240,
      "line": 9,
      "column": 54,
      "end_line": 9,
      "end_column": 55,
      "replacement": ".",
      "applicability": "safe"
    }
  }
]
"#;
    assert_eq!(stdout(&out), expected);
}

#[test]
fn json_format_joins_every_file_into_one_array() {
    let dir = workspace(&[
        ("bad.draft", BAD),
        ("clean.draft", CLEAN),
        ("warns.draft", WARNS),
    ]);
    let out = run(draftdec(dir.path()).args([
        "check",
        "--format",
        "json",
        "bad.draft",
        "clean.draft",
        "warns.draft",
    ]));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON value");
    let files: Vec<&str> = value
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(files, ["bad.draft", "bad.draft", "warns.draft"]);

    let clean = run(draftdec(dir.path()).args(["check", "--format", "json", "clean.draft"]));
    assert_eq!(stdout(&clean), "[]\n");
}

#[test]
fn json_positions_with_crlf_and_lone_cr() {
    for newline in ["\r\n", "\r"] {
        let source = BAD.replace('\n', newline);
        let dir = workspace(&[("bad.draft", &source)]);
        let out = run(draftdec(dir.path()).args(["check", "--format", "json", "bad.draft"]));
        let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        let primary = &value[0]["primary"];
        assert_eq!(value[0]["code"], "E0102", "{newline:?}");
        assert_eq!(
            (&primary["line"], &primary["column"]),
            (&9.into(), &25.into())
        );
        let start = primary["start"].as_u64().expect("an offset") as usize;
        assert_eq!(&source[start..start + 6], "op-cop");
    }
}

#[test]
fn human_format() {
    let dir = workspace(&[("bad.draft", BAD)]);
    let out = run(draftdec(dir.path()).args(["check", "bad.draft"]));
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'), "no colour off a terminal");
    insta::assert_snapshot!("human_bad_draft", text);
}

#[test]
fn narratable_format() {
    let dir = workspace(&[("bad.draft", BAD)]);
    let out = run(draftdec(dir.path()).args(["check", "--format", "narratable", "bad.draft"]));
    assert_eq!(status(&out), 1);
    let text = stdout(&out);
    for line in [
        "no label `op-cop` in this draft",
        "    Diagnostic severity: error",
        "Begin snippet for bad.draft starting at line 8, column 1",
        "snippet line 9: 2. *Decides* to review @op-cop at its seventh meeting;",
        "    label at line 9, columns 25 to 30: unknown label",
        "diagnostic help: did you mean `op-coop`?",
        "suggested fix (needs review): replace `op-cop` with `op-coop`",
        "diagnostic code: E0102",
        "    Diagnostic severity: warning",
        "    label at line 9, column 54: expected `.`",
        "safe fix: replace `;` with `.`",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    assert!(
        !text.contains('│'),
        "no drawing characters for screen readers"
    );
}

#[test]
fn standard_input() {
    let dir = workspace(&[]);
    let out = run_with_stdin(
        draftdec(dir.path()).args(["check", "--format", "short", "-"]),
        BAD,
    );
    assert_eq!(status(&out), 1);
    assert!(
        stdout(&out).starts_with("<stdin>:9:25: error[E0102]"),
        "{}",
        stdout(&out)
    );
    let twice = run(draftdec(dir.path()).args(["check", "-", "-"]));
    assert_eq!(status(&twice), 2);

    let built = run_with_stdin(
        draftdec(dir.path()).args(["build", "-", "--to", "json"]),
        CLEAN,
    );
    assert_eq!(status(&built), 0, "{}", stderr(&built));
    let value: serde_json::Value = serde_json::from_str(&stdout(&built)).expect("JSON");
    assert_eq!(value["format_version"], "2.6");
}

#[test]
fn colour() {
    let dir = workspace(&[("bad.draft", BAD)]);
    let esc = |out: &Output| stdout(out).contains("\u{1b}[");
    let check = |dir: &Path| {
        let mut cmd = draftdec(dir);
        cmd.args(["check", "bad.draft"]);
        cmd
    };
    // Tests do not run on a terminal: no colour by default.
    assert!(!esc(&run(&mut check(dir.path()))));
    assert!(esc(&run(check(dir.path()).env("CLICOLOR_FORCE", "1"))));
    assert!(!esc(&run(check(dir.path())
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1"))));
    // An empty NO_COLOR does not count (https://no-color.org).
    assert!(esc(&run(check(dir.path())
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", ""))));
    assert!(esc(&run(check(dir.path()).args(["--color", "always"]))));
    assert!(!esc(&run(check(dir.path())
        .args(["--color", "never"])
        .env("CLICOLOR_FORCE", "1"))));
    // JSON is never coloured.
    assert!(!esc(&run(
        check(dir.path()).args(["--format", "json", "--color", "always"])
    )));
}

#[test]
fn build_json_next_to_the_input() {
    let dir = workspace(&[("note.en.draft", CLEAN)]);
    let out = run(draftdec(dir.path()).args(["build", "note.en.draft", "--to", "json"]));
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let written = std::fs::read_to_string(dir.path().join("note.en.json")).expect("output written");
    let value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(value["format_version"], "2.6");
    // The temporary file was renamed, not left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    let out = run(draftdec(dir.path()).args([
        "build",
        "note.en.draft",
        "--to",
        "json",
        "-o",
        "out/x.json",
    ]));
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("out"),
        "names the directory: {}",
        stderr(&out)
    );
}

#[test]
fn build_writes_nothing_when_the_draft_has_errors() {
    let dir = workspace(&[("bad.draft", BAD), ("old.json", "previous output\n")]);
    let out = run(draftdec(dir.path()).args(["build", "bad.draft", "--to", "json"]));
    assert_eq!(status(&out), 1);
    assert!(!dir.path().join("bad.json").exists());
    assert!(stderr(&out).contains("error[E0102]"), "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing was written"));
    assert_eq!(stdout(&out), "");

    let out =
        run(draftdec(dir.path()).args(["build", "bad.draft", "--to", "json", "-o", "old.json"]));
    assert_eq!(status(&out), 1);
    let old = std::fs::read_to_string(dir.path().join("old.json")).expect("still there");
    assert_eq!(old, "previous output\n");

    // Warnings do not stop a build.
    let dir = workspace(&[("warns.draft", WARNS)]);
    let out = run(draftdec(dir.path()).args(["build", "warns.draft", "--to", "json"]));
    assert_eq!(status(&out), 0);
    assert!(stderr(&out).contains("warning[W0203]"));
    assert!(dir.path().join("warns.json").exists());
}

#[test]
fn build_refuses_to_overwrite_its_input() {
    let dir = workspace(&[("note.draft", CLEAN)]);
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    for output in ["note.draft", "./note.draft", "sub/../note.draft"] {
        let out =
            run(draftdec(dir.path()).args(["build", "note.draft", "--to", "json", "-o", output]));
        assert_eq!(status(&out), 2, "-o {output}");
        assert!(
            stderr(&out).contains("refusing to overwrite the input note.draft"),
            "{}",
            stderr(&out)
        );
    }
    let text = std::fs::read_to_string(dir.path().join("note.draft")).expect("input");
    assert_eq!(text, CLEAN);

    // An input named like its default output.
    let dir = workspace(&[("note.json", CLEAN)]);
    let out = run(draftdec(dir.path()).args(["build", "note.json", "--to", "json"]));
    assert_eq!(status(&out), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("note.json")).expect("input"),
        CLEAN
    );
}

/// The html and docx backends are merged separately; until then the flags
/// exist and say so. (Delete this test when wiring them.)
#[test]
fn explain() {
    let dir = workspace(&[]);
    let out = run(draftdec(dir.path()).args(["explain", "E0102"]));
    assert_eq!(status(&out), 0);
    let page = common::read("docs/diagnostics/E0102.md");
    assert_eq!(stdout(&out), page);
    let lower = run(draftdec(dir.path()).args(["explain", "w0203"]));
    assert!(stdout(&lower).starts_with("# W0203: "));

    let out = run(draftdec(dir.path()).args(["explain", "E0120"]));
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out),
        "draftdec: no diagnostic code `E0120`; did you mean `E0020`?\n  \
         run `draftdec explain --list` to see every code\n"
    );
    let out = run(draftdec(dir.path()).args(["explain", "nonsense"]));
    assert_eq!(status(&out), 2);
    assert!(!stderr(&out).contains("did you mean"));

    // A retired code still has its page, which names the codes that
    // replaced it.
    let out = run(draftdec(dir.path()).args(["explain", "e0007"]));
    assert_eq!(status(&out), 0);
    let page = common::read("docs/diagnostics/E0007.md");
    assert_eq!(stdout(&out), page);
    assert!(page.contains("[E0017](E0017.md)"), "{page}");

    let list = stdout(&run(draftdec(dir.path()).args(["explain", "--list"])));
    assert!(list.contains("E0102  error    unknown label\n"), "{list}");
    assert!(list.contains("W0104  warning  unused footnote\n"), "{list}");
    assert!(
        list.contains("E0301  retired  language versions differ: split into E0302, E0303, E0304, E0305, E0306, E0307\n"),
        "{list}"
    );
    assert_eq!(
        list.lines().count(),
        Code::ALL.len() + draftdec::diag::codes::RETIRED.len()
    );

    assert_eq!(status(&run(draftdec(dir.path()).args(["explain"]))), 2);
}

#[test]
fn schema_matches_the_shipped_file() {
    let dir = workspace(&[]);
    let out = run(draftdec(dir.path()).arg("schema"));
    assert_eq!(status(&out), 0);
    let printed = stdout(&out);
    assert!(
        common::golden("docs/schema/draftdec.schema.json", &printed).is_none(),
        "docs/schema/draftdec.schema.json is stale: run `{}`",
        common::BLESS
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    assert_eq!(schema["properties"]["format_version"]["const"], "2.6");
}

#[test]
fn version_and_help() {
    let dir = workspace(&[]);
    let out = run(draftdec(dir.path()).arg("--version"));
    assert_eq!(
        stdout(&out),
        format!("draftdec {}\n", env!("CARGO_PKG_VERSION"))
    );
    for sub in ["check", "build", "explain", "schema"] {
        let out = run(draftdec(dir.path()).args([sub, "--help"]));
        assert_eq!(status(&out), 0, "{sub} --help");
        assert!(stdout(&out).contains(&format!("Usage: draftdec {sub}")));
    }
}

/// A fenced block of a page: the text between "```kind\n" and "```".
fn fenced<'a>(page: &'a str, kind: &str) -> Vec<(usize, &'a str)> {
    let open = format!("```{kind}\n");
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(at) = page[from..].find(&open) {
        let start = from + at + open.len();
        let Some(len) = page[start..].find("```") else {
            break;
        };
        blocks.push((start, &page[start..start + len]));
        from = start + len + 3;
    }
    blocks
}

/// Codes no draft is known to raise: the grammar accepts any text, so a
/// syntax error (E0001) is a safety net, and its page says so.
/// E0011 (not UTF-8) and E0012 (control characters) need bytes a Markdown
/// page cannot hold; tests/hygiene.rs tests both.
const NO_EXAMPLE: &[Code] = &[Code::E0001, Code::E0011, Code::E0012];

/// What draftdec prints for a page's example, and the codes it raises.
/// A version code's page holds two versions (`note.en.draft`,
/// `note.ru.draft`) checked with `--versions`; any further draft is the
/// second version fixed. Other pages hold one draft, then fixed ones.
/// An amendment code's page holds OLD and NEW, written as amendments
/// (`diff --to amendments`), whose diagnostics are on standard error.
fn run_example(code: Code, drafts: &[(usize, &str)]) -> (String, Vec<String>) {
    let versions = code.stages() == [Stage::Versions];
    let final_text = code.stages() == [Stage::Negotiation];
    let amendments = code.stages() == [Stage::Amendments];
    let files: &[&str] = if versions {
        &["note.en.draft", "note.ru.draft"]
    } else if amendments {
        &["old.draft", "new.draft"]
    } else {
        &["example.draft"]
    };
    assert!(drafts.len() >= files.len(), "{code}: no example");
    let written: Vec<(&str, &str)> = files.iter().zip(drafts).map(|(f, d)| (*f, d.1)).collect();
    let dir = workspace(&written);
    let amend = |dir: &Path, format: &str| {
        let mut cmd = draftdec(dir);
        cmd.args(["diff", "--to", "amendments", "--symbol", "A/C.3/78/L.60"]);
        run(cmd.args(["--format", format]).args(files))
    };
    let check = |format: &str| {
        if amendments {
            // The diagnostics, without the closing line.
            let err = stderr(&amend(dir.path(), format));
            return err.replace("draftdec: no amendments written\n", "");
        }
        let mut cmd = draftdec(dir.path());
        cmd.args(["check", "--format", format]);
        if versions {
            cmd.arg("--versions");
        }
        if final_text {
            cmd.arg("--final");
        }
        stdout(&run(cmd.args(files)))
    };
    let value: serde_json::Value = serde_json::from_str(&check("json")).expect("JSON");
    let codes = value
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect();
    let fixes = &drafts[files.len()..];
    if amendments {
        // One fixed draft is NEW fixed; two are OLD and NEW.
        let mut fixed_files = written.clone();
        let from = files.len() - fixes.len().min(files.len());
        for (slot, (_, fixed)) in fixed_files[from..].iter_mut().zip(fixes) {
            slot.1 = fixed;
        }
        let dir = workspace(&fixed_files);
        let out = amend(dir.path(), "short");
        assert_eq!(stderr(&out), "", "{code}: the fixed example is refused");
        assert!(stdout(&out).contains("#. "), "{code}: no amendment written");
        return (check("human"), codes);
    }
    for (_, fixed) in fixes {
        let mut fixed_files = written.clone();
        if let Some(last) = fixed_files.last_mut() {
            last.1 = fixed;
        }
        let dir = workspace(&fixed_files);
        let mut cmd = draftdec(dir.path());
        cmd.args(["check", "--format", "short"]);
        if versions {
            cmd.arg("--versions");
        }
        if final_text {
            cmd.arg("--final");
        }
        let out = run(cmd.args(files));
        assert_eq!(stdout(&out), "", "{code}: the fixed example is not clean");
    }
    (check("human"), codes)
}

#[test]
fn diagnostic_pages_show_real_output() {
    let mut stale = Vec::new();
    for &code in Code::ALL {
        let path = common::root().join(format!("docs/diagnostics/{code}.md"));
        let page = std::fs::read_to_string(&path).expect("page");
        assert!(
            page.starts_with(&format!("# {code}: {}\n", code.title())),
            "{code}: the title must match codes.rs"
        );
        for section in [
            "## What triggers it",
            "## What draftdec prints",
            "## How to fix",
        ] {
            assert!(page.contains(section), "{code}: no {section:?}");
        }
        if NO_EXAMPLE.contains(&code) {
            continue;
        }
        let (human, codes) = run_example(code, &fenced(&page, "draft"));
        assert!(
            !codes.is_empty() && codes.iter().all(|c| c == code.as_str()),
            "{code}: the example raises {codes:?}"
        );
        let printed = fenced(&page, "text");
        let (start, shown) = printed.first().copied().unwrap_or((0, ""));
        if shown != human {
            if start > 0 && common::bless() {
                let updated = format!(
                    "{}{}{}",
                    &page[..start],
                    human,
                    &page[start + shown.len()..]
                );
                std::fs::write(&path, updated).expect("update the page");
            } else {
                stale.push(code);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "pages whose printed output is stale: {stale:?}; run `{}`",
        common::BLESS
    );
}

#[test]
fn language_versions() {
    let page = common::read("docs/diagnostics/E0304.md");
    let drafts = fenced(&page, "draft");
    let dir = workspace(&[
        ("note.en.draft", drafts[0].1),
        ("note.ru.draft", drafts[1].1),
    ]);
    let out =
        run(draftdec(dir.path()).args(["check", "--versions", "note.en.draft", "note.ru.draft"]));
    assert_eq!(status(&out), 1);
    assert!(
        stdout(&out).contains("┌─ note.ru.draft:") && stdout(&out).contains("┌─ note.en.draft:"),
        "reported in both files"
    );

    // Without --versions each file is checked alone and is clean.
    let out = run(draftdec(dir.path()).args(["check", "note.en.draft", "note.ru.draft"]));
    assert_eq!(status(&out), 0, "{}", stdout(&out));
}

#[test]
fn build_several_files_in_parallel() {
    let dir = workspace(&[("a.draft", CLEAN), ("b.draft", BAD), ("c.draft", CLEAN)]);
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = run(draftdec(dir.path()).args([
        "build", "a.draft", "b.draft", "c.draft", "--to", "json", "-j", "2",
    ]));
    // One draft with errors: the others are still built, the status is 1.
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert!(dir.path().join("a.json").exists() && dir.path().join("c.json").exists());
    assert!(!dir.path().join("b.json").exists());
    assert!(stderr(&out).contains("b.draft has errors; nothing was written"));

    let out = run(
        draftdec(dir.path()).args(["build", "a.draft", "c.draft", "--to", "html", "-o", "out"])
    );
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("out/a.html").exists() && dir.path().join("out/c.html").exists());

    // -o must be a directory, and two inputs may not share an output.
    let out = run(draftdec(dir.path()).args([
        "build", "a.draft", "c.draft", "--to", "json", "-o", "x.json",
    ]));
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("existing directory"),
        "{}",
        stderr(&out)
    );
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/a.draft"), CLEAN).expect("write");
    let out = run(draftdec(dir.path()).args([
        "build",
        "a.draft",
        "sub/a.draft",
        "--to",
        "json",
        "-o",
        "out",
    ]));
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("would both be written"),
        "{}",
        stderr(&out)
    );
    let out = run(draftdec(dir.path()).args(["build", "a.draft", "-", "--to", "json"]));
    assert_eq!(status(&out), 2);
}

/// `check --versions` across kinds: an adopted WHO resolution and its
/// French version agree; a French version that lost its operative
/// paragraph does not.
#[test]
fn language_versions_of_a_resolution() {
    let en = common::read("examples/resolution-who.en.draft");
    let fr = common::read("tests/fixtures/versions/resolution-who.fr.draft");
    let cut = fr[..fr.find("#. DÉCIDE").expect("operative paragraph")].to_string() + ":::\n";
    let dir = workspace(&[
        ("who.en.draft", en.as_str()),
        ("who.fr.draft", fr.as_str()),
        ("cut.fr.draft", cut.as_str()),
    ]);
    let out =
        run(draftdec(dir.path()).args(["check", "--versions", "who.en.draft", "who.fr.draft"]));
    assert_eq!(status(&out), 0, "{}", stdout(&out));
    let out =
        run(draftdec(dir.path()).args(["check", "--versions", "who.en.draft", "cut.fr.draft"]));
    assert_eq!(status(&out), 1, "{}", stdout(&out));
    assert!(stdout(&out).contains("E0304"), "{}", stdout(&out));
}

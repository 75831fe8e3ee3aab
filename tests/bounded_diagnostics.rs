//! Diagnostics stay bounded on hostile input: a long line is printed as a
//! window around each label, each code is reported at most
//! `MAX_PER_CODE` times per file, and control characters never reach the
//! terminal raw (issue "Reliability, round two", items 1 and 9).

use std::process::Command;

const HEAD: &str = "symbol: UNEP/X/1\nlanguage: en\ntitle: T\n\n";

/// `draftdec check` on `source`, written to a file named `name`: exit code,
/// standard output and standard error.
fn check(name: &str, source: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_draftdec"))
        .arg("check")
        .args(args)
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn all(out: &(i32, String, String)) -> String {
    format!("{}{}", out.1, out.2)
}

#[test]
fn a_hundred_thousand_unclosed_brackets_print_a_bounded_report() {
    // 300 KB on one line; before, the human report reprinted the line for
    // each of the 100,000 diagnostics and ran out of memory.
    let src = format!("{HEAD}#. {}\n", "[a ".repeat(100_000));
    let out = check("brackets.draft", &src, &[]);
    assert_eq!(out.0, 1);
    let text = all(&out);
    assert!(text.len() < 100_000, "{} bytes", text.len());
    assert_eq!(text.matches("error[E0110]").count(), 100);
    assert!(
        text.contains("99900 more E0110 diagnostics in this file are not shown"),
        "{}",
        &text[text.len().saturating_sub(600)..]
    );
    // Every printed source line is a window, not the whole line.
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 200, "a line of {longest} characters");
    // The JSON form is bounded the same way and is one array.
    let json = check("brackets.draft", &src, &["--format", "json"]);
    let records: serde_json::Value = serde_json::from_str(&json.1).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 100);
}

#[test]
fn a_label_far_into_a_long_line_is_shown_with_its_real_column() {
    let src = format!("{HEAD}#. {}[x\n", "word ".repeat(2_000));
    let out = check("long.draft", &src, &[]);
    let text = all(&out);
    // "#. " is 3 characters, the words 10,000: the bracket is column 10,004.
    assert!(text.contains("long.draft:5:10004"), "{text}");
    // The window starts with an ellipsis and the caret sits under the `[`.
    let line = text.lines().find(|l| l.starts_with("5 │ …")).unwrap();
    let caret = text.lines().find(|l| l.contains("^ unmatched")).unwrap();
    let at = caret.find('^').unwrap();
    let under: String = line
        .chars()
        .skip(caret[..at].chars().count())
        .take(2)
        .collect();
    assert_eq!(under, "[x", "{line}\n{caret}");
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    // ESC clears the screen and BEL rings; both are reported (E0012) and
    // must be shown, not sent.
    let src = format!("{HEAD}#. Text \u{1b}[2J and \u{7} bell.\n");
    for format in ["human", "short", "narratable"] {
        let out = check("esc\u{1b}]0;title\u{7}.draft", &src, &["--format", format]);
        let text = all(&out);
        assert_eq!(out.0, 1, "{format}: {text}");
        assert!(!text.contains('\u{1b}'), "{format}: raw ESC in {text:?}");
        assert!(!text.contains('\u{7}'), "{format}: raw BEL in {text:?}");
        assert!(text.contains("E0012"), "{format}: {text}");
    }
    let human = all(&check("esc.draft", &src, &[]));
    assert!(human.contains('\u{241B}'), "ESC shown as ␛: {human}");
}

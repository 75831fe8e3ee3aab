//! `draftdec fmt` on the command line: in place, `--check`, `-`, refusals.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::workspace;

const MESSY: &str = "title: T\nsymbol: UNEP/MC/COP.6/9\nlanguage: en\n\n\n7. One\n   line.\n";
const TIDY: &str = "symbol: UNEP/MC/COP.6/9\nlanguage: en\ntitle: T\n\n1. One line.\n";

fn draftdec(args: &[&str], stdin: Option<&str>) -> Output {
    common::run_with_stdin(common::draftdec().args(args), stdin.unwrap_or(""))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

#[test]
fn formats_in_place_and_then_has_nothing_to_do() {
    let dir = workspace(&[("d.draft", MESSY)]);
    let file = dir.path().join("d.draft");
    let out = draftdec(&["fmt", path_str(&file)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&file).expect("read back"), TIDY);
    // No temporary file is left next to it.
    let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(names.len(), 1);
    let out = draftdec(&["fmt", "--check", path_str(&file)], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn check_fails_on_a_misformatted_copy_with_a_diff() {
    let dir = workspace(&[("d.draft", MESSY)]);
    let file = dir.path().join("d.draft");
    let out = draftdec(&["fmt", "--check", path_str(&file)], None);
    assert_eq!(out.status.code(), Some(1));
    let diff = text(&out.stdout);
    assert!(diff.contains("-7. One\n"), "{diff}");
    assert!(diff.contains("+1. One line.\n"), "{diff}");
    assert!(diff.starts_with("--- "), "{diff}");
    // --check writes nothing.
    assert_eq!(fs::read_to_string(&file).expect("read back"), MESSY);
}

#[test]
fn check_passes_on_every_example() {
    let examples = common::examples();
    let mut args = vec!["fmt", "--check"];
    args.extend(examples.iter().map(|p| path_str(p)));
    let out = draftdec(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn dash_reads_standard_input_and_writes_standard_output() {
    let out = draftdec(&["fmt", "-"], Some(MESSY));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), TIDY);
    let out = draftdec(&["fmt", "--check", "-"], Some(MESSY));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("+1. One line."));
}

#[test]
fn a_draft_with_syntax_errors_is_left_alone() {
    let broken = "title: T\n\n#. An *unclosed\n   emphasis.\n";
    let dir = workspace(&[("bad.draft", broken), ("good.draft", MESSY)]);
    let (bad, good) = (dir.path().join("bad.draft"), dir.path().join("good.draft"));
    let out = draftdec(
        &["fmt", "--color", "never", path_str(&bad), path_str(&good)],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("E0006"), "{err}");
    assert!(err.contains("not formatted"), "{err}");
    assert_eq!(fs::read_to_string(&bad).expect("read back"), broken);
    // The other draft is still formatted.
    assert_eq!(fs::read_to_string(&good).expect("read back"), TIDY);
}

#[test]
fn a_missing_file_is_an_input_error() {
    let out = draftdec(&["fmt", "/nonexistent/d.draft"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
}

#[test]
fn crlf_line_endings_are_kept() {
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let dir = workspace(&[("tidy.draft", &crlf(TIDY)), ("messy.draft", &crlf(MESSY))]);
    let (tidy, messy) = (
        dir.path().join("tidy.draft"),
        dir.path().join("messy.draft"),
    );
    // A canonical draft with CRLF endings is canonical: no diff.
    let out = draftdec(&["fmt", "--check", path_str(&tidy)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(out.stdout.is_empty());
    // Only the lines that change are in the diff.
    let out = draftdec(&["fmt", "--check", path_str(&messy)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !text(&out.stdout).contains("-language: en"),
        "{}",
        text(&out.stdout)
    );
    // Rewritten with CRLF endings.
    let out = draftdec(&["fmt", path_str(&messy)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&messy).expect("read back"), crlf(TIDY));
    // Standard input too.
    let out = draftdec(&["fmt", "-"], Some(&crlf(MESSY)));
    assert_eq!(text(&out.stdout), crlf(TIDY));
}

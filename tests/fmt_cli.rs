//! `draftdec fmt` on the command line: in place, `--check`, `-`, refusals.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const MESSY: &str = "title: T\nsymbol: UNEP/MC/COP.6/9\nlanguage: en\n\n\n7. One\n   line.\n";
const TIDY: &str = "symbol: UNEP/MC/COP.6/9\nlanguage: en\ntitle: T\n\n1. One line.\n";

fn draftdec(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_draftdec"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("draftdec runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin takes the draft");
    drop(pipe);
    child.wait_with_output().expect("draftdec finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn formats_in_place_and_then_has_nothing_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("d.draft");
    fs::write(&file, MESSY).expect("write draft");
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
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("d.draft");
    fs::write(&file, MESSY).expect("write draft");
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
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut args = vec!["fmt".to_string(), "--check".to_string()];
    for entry in fs::read_dir(&examples).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "draft") {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    assert!(args.len() > 2);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
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
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.draft");
    let good = dir.path().join("good.draft");
    let broken = "title: T\n\n#. An *unclosed\n   emphasis.\n";
    fs::write(&bad, broken).expect("write draft");
    fs::write(&good, MESSY).expect("write draft");
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

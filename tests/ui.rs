//! UI tests: every bad draft under `tests/ui/` with its expected diagnostics
//! in a `.stderr` file beside it (code, severity, message, spans as
//! line:column, help, and fix with its applicability). After a deliberate
//! change, `INSTA_UPDATE=always cargo test --test ui` rewrites the expected
//! files (`common::BLESS`); then review the diff.
//!
//! Language-version codes (E03xx) need several files: a directory
//! `tests/ui/CODE-name/` holds the versions, compared in file-name order
//! (the first is the reference, as in `check --versions`), and
//! `tests/ui/CODE-name.stderr` every file's diagnostics, as that command
//! reports them. Amendment codes (E04xx) need two revisions: a directory
//! holds them (the first in file-name order is OLD), written as
//! amendments (`diff --to amendments`).

mod common;

use std::fmt::Write as _;
use std::path::Path;

use draftdec::diag::codes::Stage;
use draftdec::diag::{self, Applicability, Code, Diagnostic, Severity};
use draftdec::line_col;

fn range(src: &str, span: draftdec::ast::Span) -> String {
    let (l1, c1) = line_col(src, span.start);
    let (l2, c2) = line_col(src, span.end);
    format!("{l1}:{c1}-{l2}:{c2}")
}

fn render(src: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(out, "{sev}[{}]: {}", d.code, d.message).unwrap();
        let p = &d.primary;
        writeln!(
            out,
            "  --> {} `{}`: {}",
            range(src, p.span),
            &src[p.span.start..p.span.end],
            p.message
        )
        .unwrap();
        for s in &d.secondary {
            writeln!(
                out,
                "  ::: {} `{}`: {}",
                range(src, s.span),
                &src[s.span.start..s.span.end],
                s.message
            )
            .unwrap();
        }
        if let Some(help) = &d.help {
            writeln!(out, "  = help: {help}").unwrap();
        }
        if let Some(fix) = &d.fix {
            let applicability = match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::NeedsReview => "needs review",
            };
            writeln!(
                out,
                "  = fix ({applicability}): {} `{}` -> `{}`",
                range(src, fix.span),
                &src[fix.span.start..fix.span.end],
                fix.replacement
            )
            .unwrap();
        }
    }
    out
}

/// One test: a single draft, compiled; checked as a final text
/// (`check --final`) when its code is the final gate's.
fn single(path: &Path, final_text: bool) -> (String, Vec<Code>) {
    let src = common::read(path);
    let compiled = draftdec::compile(&src);
    let mut diags = compiled.diagnostics;
    if final_text {
        diags.extend(draftdec::negotiation::final_gate(&compiled.document, &src).0);
        diag::sort(&mut diags);
    }
    let codes = diags.iter().map(|d| d.code).collect();
    (render(&src, &diags), codes)
}

/// One test: the language versions in a directory, each compiled, then
/// compared; each file's diagnostics under its name.
fn versions(dir: &Path) -> (String, Vec<Code>) {
    let paths = common::files_in(dir, ".draft");
    assert!(
        paths.len() >= 2,
        "{}: fewer than two versions",
        dir.display()
    );
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    let sources: Vec<String> = paths.iter().map(common::read).collect();
    let compiled: Vec<_> = sources.iter().map(|s| draftdec::compile(s)).collect();
    let list: Vec<_> = (0..paths.len())
        .map(|i| draftdec::versions::Version {
            name: &names[i],
            source: &sources[i],
            document: &compiled[i].document,
        })
        .collect();
    let mut diags: Vec<Vec<Diagnostic>> = compiled.iter().map(|c| c.diagnostics.clone()).collect();
    for (i, d) in draftdec::versions::compare(&list) {
        diags[i].push(d);
    }
    let mut out = String::new();
    let mut codes = Vec::new();
    for (i, file) in diags.iter_mut().enumerate() {
        diag::sort(file);
        writeln!(out, "== {}", names[i]).unwrap();
        out.push_str(&render(&sources[i], file));
        codes.extend(file.iter().map(|d| d.code));
    }
    (out, codes)
}

/// One test: two revisions in a directory, each compiled, then written
/// as amendments; each file's diagnostics under its name.
fn amendments(dir: &Path) -> (String, Vec<Code>) {
    let paths = common::files_in(dir, ".draft");
    assert_eq!(paths.len(), 2, "{}: OLD and NEW", dir.display());
    let sources: Vec<String> = paths.iter().map(common::read).collect();
    let compiled: Vec<_> = sources.iter().map(|s| draftdec::compile(s)).collect();
    let mut diags: Vec<Vec<Diagnostic>> = compiled.iter().map(|c| c.diagnostics.clone()).collect();
    let refused = draftdec::amendments::amendments(
        &compiled[0].document,
        &compiled[1].document,
        "A/C.3/78/L.60",
        &[],
    )
    .err()
    .unwrap_or_default();
    for (side, d) in refused {
        diags[usize::from(side == draftdec::amendments::Side::New)].push(d);
    }
    let mut out = String::new();
    let mut codes = Vec::new();
    for (i, file) in diags.iter_mut().enumerate() {
        diag::sort(file);
        let name = paths[i].file_name().unwrap().to_string_lossy();
        writeln!(out, "== {name}").unwrap();
        out.push_str(&render(&sources[i], file));
        codes.extend(file.iter().map(|d| d.code));
    }
    (out, codes)
}

#[test]
fn ui() {
    let dir = common::root().join("tests/ui");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut seen_codes = Vec::new();
    for path in entries
        .iter()
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "draft"))
    {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let code = Code::parse(&name[..5])
            .unwrap_or_else(|| panic!("{name}: the name does not start with a code"));
        let (actual, codes) = if path.is_dir() && code.stages() == [Stage::Amendments] {
            amendments(path)
        } else if path.is_dir() {
            versions(path)
        } else {
            single(path, code.stages() == [Stage::Negotiation])
        };
        assert!(
            codes.contains(&code),
            "{name}: expected a {code} diagnostic, got:\n{actual}"
        );
        assert_eq!(
            path.is_dir(),
            matches!(code.stages(), [Stage::Versions] | [Stage::Amendments]),
            "{name}: a directory of versions or revisions tests exactly the version and amendment codes"
        );
        seen_codes.push(code);
        if let Some(expected) = common::golden(path.with_extension("stderr"), &actual) {
            failures.push(format!(
                "{name}:\n--- expected\n{expected}\n+++ actual\n{actual}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "UI tests differ (`{}` to accept):\n{}",
        common::BLESS,
        failures.join("\n")
    );
    for code in Code::ALL {
        // E0001 is reachable only past the parser's limits and E0011 only
        // with bytes that are not UTF-8 (refused before compiling): each
        // has tests of its own.
        if ![Code::E0001, Code::E0011].contains(code) {
            assert!(seen_codes.contains(code), "no UI test for {code}");
        }
    }
}

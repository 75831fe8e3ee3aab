//! UI tests: every bad draft under `tests/ui/` with its expected diagnostics
//! in a `.stderr` file beside it (code, severity, message, spans as
//! line:column, help and fix). After a deliberate change,
//! `INSTA_UPDATE=always cargo test --test ui` rewrites the expected files
//! (`common::BLESS`); then review the diff.

mod common;

use std::fmt::Write as _;

use draftdec::diag::codes::CODES;
use draftdec::diag::{Diagnostic, Severity};

use draftdec::hygiene::line_col;

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
            writeln!(
                out,
                "  = fix: {} `{}` -> `{}`",
                range(src, fix.span),
                &src[fix.span.start..fix.span.end],
                fix.replacement
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn ui() {
    let mut failures = Vec::new();
    let mut seen_codes = Vec::new();
    for path in common::files_in("tests/ui", ".draft") {
        let src = common::read(&path);
        let compiled = draftdec::compile(&src);
        let actual = render(&src, &compiled.diagnostics);
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let code = &name[..5];
        assert!(
            compiled.diagnostics.iter().any(|d| d.code == code),
            "{name}: expected a {code} diagnostic, got:\n{actual}"
        );
        seen_codes.push(code.to_string());
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
    for info in CODES {
        // E0001 is reachable only past the parser's limits, E0301 only with
        // several files, E0011 only with bytes that are not UTF-8 (refused
        // before compiling): each has tests of its own.
        if !["E0001", "E0301", "E0011"].contains(&info.code) {
            assert!(
                seen_codes.iter().any(|c| c == info.code),
                "no UI test for {}",
                info.code
            );
        }
    }
}

#[test]
fn every_code_has_a_page_with_a_title() {
    for info in CODES {
        assert!(
            info.page.starts_with(&format!("# {}", info.code)),
            "{}: page must start with its code",
            info.code
        );
    }
}

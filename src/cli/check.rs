//! `draftdec check`.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use draftdec::ast::Document;
use draftdec::diag::render::Format;
use draftdec::diag::{self, Diagnostic};
use draftdec::negotiation::Outstanding;

use super::*;

/// One draft read and compiled by `check`.
pub(crate) struct Checked {
    name: String,
    source: String,
    document: Document,
    diagnostics: Vec<Diagnostic>,
    /// With `--final`: what the draft leaves to negotiate.
    outstanding: Option<Outstanding>,
}

/// What `check` checks besides each draft alone.
pub(crate) struct CheckMode {
    /// The drafts are language versions of one document.
    pub(crate) versions: bool,
    /// The drafts are final texts (the final gate).
    pub(crate) final_text: bool,
}

pub(crate) fn check(
    files: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    mode: CheckMode,
    color: ColorArg,
) -> Result<u8, Failure> {
    let color = use_color(color, io::stdout().is_terminal());
    Report::new(format, color, Stream::Stdout)
        .run(|report| check_all(files, deny_warnings, &mode, report))
}

fn check_all(
    files: &[PathBuf],
    deny_warnings: bool,
    mode: &CheckMode,
    report: &mut Report,
) -> Result<u8, Failure> {
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let mut status = CLEAN;
    let mut drafts = Vec::new();
    for path in files {
        // One unreadable file does not stop the others from being checked.
        match read_draft(path) {
            Ok(source) => {
                let (document, mut diagnostics) = compile(&source);
                let outstanding = mode.final_text.then(|| {
                    let (found, outstanding) =
                        draftdec::negotiation::final_gate(&document, &source);
                    diagnostics.extend(found);
                    diag::sort(&mut diagnostics);
                    outstanding
                });
                drafts.push(Checked {
                    name: display_name(path),
                    source,
                    document,
                    diagnostics,
                    outstanding,
                });
            }
            Err(unread) => {
                report.unread(&display_name(path), unread);
                status = USAGE_OR_IO;
            }
        }
    }
    if mode.versions {
        // All files are compiled first so that each finding can be shown
        // in the file it concerns, among that file's own diagnostics.
        let list: Vec<draftdec::versions::Version<'_>> = drafts
            .iter()
            .map(|d| draftdec::versions::Version {
                name: &d.name,
                source: &d.source,
                document: &d.document,
            })
            .collect();
        let found = draftdec::versions::compare(&list);
        for (index, diagnostic) in found {
            if let Some(draft) = drafts.get_mut(index) {
                draft.diagnostics.push(diagnostic);
            }
        }
        for draft in &mut drafts {
            diag::sort(&mut draft.diagnostics);
        }
    }
    for draft in &drafts {
        let fails = draft
            .diagnostics
            .iter()
            .any(|d| d.is_error() || deny_warnings);
        if fails && status == CLEAN {
            status = DRAFT_ERRORS;
        }
        report.diagnostics(&draft.name, &draft.source, &draft.diagnostics)?;
        if let Some(left) = draft.outstanding.filter(|l| !l.is_empty()) {
            report.note(&final_summary(&draft.name, left));
        }
    }
    Ok(status)
}

/// The line after a draft's diagnostics that counts what `--final` found.
fn final_summary(name: &str, left: Outstanding) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut parts = Vec::new();
    if left.brackets > 0 {
        parts.push(count(left.brackets, "bracketed text", "bracketed texts"));
    }
    if left.alternatives > 0 {
        parts.push(count(
            left.alternatives,
            "set of alternatives",
            "sets of alternatives",
        ));
    }
    if left.options > 0 {
        parts.push(count(left.options, "option block", "option blocks"));
    }
    let listed = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    };
    format!("{name}: not final: {listed} left")
}

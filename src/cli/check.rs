//! `draftdec check`.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use draftdec::ast::Document;
use draftdec::diag::render::Format;
use draftdec::diag::{self, Diagnostic};

use super::*;

/// One draft read and compiled by `check`.
pub(crate) struct Checked {
    name: String,
    source: String,
    document: Document,
    diagnostics: Vec<Diagnostic>,
}

pub(crate) fn check(
    files: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    versions: bool,
    color: ColorArg,
) -> Result<u8, Failure> {
    let color = use_color(color, io::stdout().is_terminal());
    Report::new(format, color, Stream::Stdout)
        .run(|report| check_all(files, deny_warnings, versions, report))
}

fn check_all(
    files: &[PathBuf],
    deny_warnings: bool,
    versions: bool,
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
                let (document, diagnostics) = compile(&source);
                drafts.push(Checked {
                    name: display_name(path),
                    source,
                    document,
                    diagnostics,
                });
            }
            Err(unread) => {
                report.unread(&display_name(path), unread);
                status = USAGE_OR_IO;
            }
        }
    }
    if versions {
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
    }
    Ok(status)
}

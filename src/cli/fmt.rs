//! `draftdec fmt`.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use draftdec::diag::render::{self as diag_render, Format};

use super::*;

/// `draftdec fmt`: each draft is formatted on its own, so one draft with
/// errors does not stop the others.
pub(crate) fn fmt_files(files: &[PathBuf], check: bool, color: ColorArg) -> Result<u8, Failure> {
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let color = use_color(color, io::stderr().is_terminal());
    let mut status = CLEAN;
    let mut worst = |s: u8| status = status.max(s);
    for path in files {
        match fmt_one(path, check, color) {
            Ok(s) => worst(s),
            Err(Failure(message)) => {
                write_stderr(&format!("draftdec: {message}\n"));
                worst(USAGE_OR_IO);
            }
        }
    }
    Ok(status)
}

pub(crate) fn fmt_one(path: &Path, check: bool, color: bool) -> Result<u8, Failure> {
    let source = read_draft(path)?;
    let name = display_name(path);
    let formatted = match draftdec::fmt::format(&source) {
        Ok(formatted) => formatted,
        Err(err) => {
            if let draftdec::fmt::FmtError::Unreadable(diagnostics) = &err {
                let text = diag_render::render(Format::Human, &name, &source, diagnostics, color);
                write_stderr(&text);
            }
            write_stderr(&format!("draftdec: {name}: {err}\n"));
            return Ok(DRAFT_ERRORS);
        }
    };
    if check {
        if formatted == source {
            return Ok(CLEAN);
        }
        let diff = similar::TextDiff::from_lines(&source, &formatted)
            .unified_diff()
            .context_radius(3)
            .header(&name, &format!("{name} (formatted)"))
            .to_string();
        write_stdout(diff.as_bytes())?;
        return Ok(DRAFT_ERRORS);
    }
    if is_stdin(path) {
        write_stdout(formatted.as_bytes())?;
    } else if formatted != source {
        // An untouched file keeps its modification time, so build tools
        // and editors see no change.
        write_atomically(path, formatted.as_bytes())?;
    }
    Ok(CLEAN)
}

//! `draftdec fmt`.

use std::fs;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use draftdec::diag::render::{self as diag_render, Format};
use draftdec::diag::visible;

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
    // Checked before reading: reading `/dev/stdin` or a FIFO consumes it.
    if !check && !is_stdin(path) {
        match fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                return Err(Failure(format!(
                    "cannot format {} in place: it is not a regular file; `draftdec fmt - < {}` \
                     prints it formatted",
                    shown(path),
                    shown(path)
                )));
            }
            _ => {}
        }
    }
    let source = read_draft(path)?;
    let name = display_name(path);
    let formatted = match draftdec::fmt::format(&source) {
        Ok(formatted) => with_line_endings_of(&source, formatted),
        Err(err) => {
            if let draftdec::fmt::FmtError::Unreadable(diagnostics) = &err {
                let text = diag_render::render(Format::Human, &name, &source, diagnostics, color);
                write_stderr(&text);
            }
            write_stderr(&format!(
                "draftdec: {}: {}\n",
                visible(&name),
                visible(&err.to_string())
            ));
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
        write_stdout(visible_lines(&diff).as_bytes())?;
        return Ok(DRAFT_ERRORS);
    }
    if is_stdin(path) {
        write_stdout(formatted.as_bytes())?;
    } else if formatted != source {
        // An untouched file keeps its modification time, so build tools
        // and editors see no change.
        write_output(path, formatted.as_bytes())?;
    }
    Ok(CLEAN)
}

/// The printer writes LF; a draft whose first line ends in CRLF gets CRLF
/// throughout, so that a Windows draft stays one and `--check` does not
/// show every line as changed (docs/fmt.md).
fn with_line_endings_of(source: &str, formatted: String) -> String {
    match source.find('\n') {
        Some(i) if source[..i].ends_with('\r') => formatted.replace('\n', "\r\n"),
        _ => formatted,
    }
}

/// A diff for the terminal: control characters in each line made visible,
/// line endings kept.
fn visible_lines(diff: &str) -> String {
    diff.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches(['\n', '\r']);
            format!("{}{}", visible(body), &line[body.len()..])
        })
        .collect()
}

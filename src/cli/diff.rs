//! `draftdec diff OLD NEW`: two revisions of a draft compared, printed as
//! an edit script (JSON), a redline (HTML) or tracked changes (DOCX).

use std::io::{self, IsTerminal};
use std::path::Path;

use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};
use draftdec::render::docx::Revision;

use super::*;

pub(crate) fn diff(
    old: &Path,
    new: &Path,
    to: DiffTarget,
    output: Option<&Path>,
    mut revision: Revision,
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
    if let Some(date) = &revision.date {
        revision.date = Some(date_time(date).ok_or_else(|| {
            Failure(format!(
                "--date {date:?}: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"
            ))
        })?);
    }
    if is_stdin(old) && is_stdin(new) {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let mut documents = Vec::new();
    let mut failed = false;
    for path in [old, new] {
        let source = read_draft(path)?;
        let (document, diagnostics) = compile(&source);
        if !diagnostics.is_empty() {
            let color = use_color(color, io::stderr().is_terminal());
            let name = display_name(path);
            write_stderr(&diag_render::render(
                format,
                &name,
                &source,
                &diagnostics,
                color,
            ));
        }
        failed |= diagnostics.iter().any(Diagnostic::is_error);
        documents.push(document);
    }
    if failed {
        write_stderr("draftdec: a revision has errors; nothing was written\n");
        return Ok(DRAFT_ERRORS);
    }
    // The tracked changes compare the printed paragraphs, not the units.
    let found = || draftdec::diff::diff(&documents[0], &documents[1]);
    let bytes = match to {
        DiffTarget::Json => {
            let mut text = serde_json::to_string_pretty(&found().edits())
                .expect("the edit script serialises to JSON");
            text.push('\n');
            text.into_bytes()
        }
        DiffTarget::Html => {
            draftdec::render::html::redline::render(&found(), &documents[1]).into_bytes()
        }
        DiffTarget::Docx => {
            draftdec::render::docx::render_tracked(&documents[0], &documents[1], &revision)
        }
    };
    match output {
        Some(path) => write_output(path, &bytes)?,
        None => write_stdout(&bytes)?,
    }
    Ok(CLEAN)
}

/// `w:date` as `xsd:dateTime`: a date alone is that day at midnight UTC.
fn date_time(given: &str) -> Option<String> {
    let b = given.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date {
        return None;
    }
    match &given[10..] {
        "" => Some(format!("{given}T00:00:00Z")),
        time if time.len() == 10
            && time.starts_with('T')
            && time.ends_with('Z')
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19) =>
        {
            Some(given.to_string())
        }
        _ => None,
    }
}

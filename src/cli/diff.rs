//! `draftdec diff OLD NEW`: two revisions of a draft compared, printed as
//! an edit script (JSON), a redline (HTML), tracked changes (DOCX) or the
//! amendments that turn OLD into NEW (a draft).

use std::io::{self, IsTerminal};
use std::path::Path;

use draftdec::amendments::Side;
use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};
use draftdec::render::docx::Revision;

use super::*;

#[allow(clippy::too_many_arguments)]
pub(crate) fn diff(
    old: &Path,
    new: &Path,
    to: DiffTarget,
    symbol: Option<&str>,
    sponsors: Option<&str>,
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
    let symbol = match (to, symbol) {
        (DiffTarget::Amendments, None) => {
            return Err(Failure(
                "--to amendments needs --symbol SYMBOL: the amendments document's own symbol"
                    .to_string(),
            ));
        }
        (DiffTarget::Amendments, Some(s)) if s.trim().is_empty() || s.contains('\n') => {
            return Err(Failure(format!(
                "--symbol {}: expected a document symbol on one line",
                draftdec::diag::visible(s)
            )));
        }
        (_, symbol) => symbol.unwrap_or_default(),
    };
    let sponsors: Vec<&str> = match (to, sponsors) {
        (_, None) => Vec::new(),
        (DiffTarget::Amendments, Some(given)) => {
            let names: Vec<&str> = given.split(',').map(str::trim).collect();
            if given.contains('\n') || names.iter().any(|n| n.is_empty()) {
                return Err(Failure(format!(
                    "--sponsors {}: expected names separated by commas, such as \"Cuba, Mexico\"",
                    draftdec::diag::visible(given)
                )));
            }
            names
        }
        (_, Some(_)) => {
            return Err(Failure(
                "--sponsors is for --to amendments: the sponsors of the amendments".to_string(),
            ));
        }
    };
    if is_stdin(old) && is_stdin(new) {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let mut documents = Vec::new();
    let mut sources = Vec::new();
    let mut diagnostics = Vec::new();
    for path in [old, new] {
        let source = read_draft(path)?;
        let (document, found) = compile(&source);
        documents.push(document);
        sources.push(source);
        diagnostics.push(found);
    }
    let failed = diagnostics.iter().flatten().any(Diagnostic::is_error);
    // The amendments' refusals join each revision's own diagnostics, so
    // that each file's are printed once (one JSON array per file).
    let amendments = match to {
        DiffTarget::Amendments if !failed => Some(
            draftdec::amendments::amendments(&documents[0], &documents[1], symbol, &sponsors)
                .map_err(|refused| {
                    for (side, d) in refused {
                        diagnostics[usize::from(side == Side::New)].push(d);
                    }
                }),
        ),
        _ => None,
    };
    for ((path, source), found) in [old, new].iter().zip(&sources).zip(&mut diagnostics) {
        if !found.is_empty() {
            draftdec::diag::sort(found);
            let color = use_color(color, io::stderr().is_terminal());
            write_stderr(&diag_render::render(
                format,
                &display_name(path),
                source,
                found,
                color,
            ));
        }
    }
    if failed {
        write_stderr("draftdec: a revision has errors; nothing was written\n");
        return Ok(DRAFT_ERRORS);
    }
    // The tracked changes compare the printed paragraphs, not the units.
    let found = || draftdec::diff::diff(&documents[0], &documents[1]);
    let bytes = match to {
        DiffTarget::Amendments => match amendments {
            Some(Ok(text)) => text.into_bytes(),
            _ => {
                write_stderr("draftdec: no amendments written\n");
                return Ok(DRAFT_ERRORS);
            }
        },
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

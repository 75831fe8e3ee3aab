//! `draftdec diff OLD NEW`: two revisions of a draft compared, printed as
//! an edit script (JSON) or a redline (HTML).

use std::io::{self, IsTerminal};
use std::path::Path;

use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};

use super::*;

pub(crate) fn diff(
    old: &Path,
    new: &Path,
    to: DiffTarget,
    output: Option<&Path>,
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
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
    let found = draftdec::diff::diff(&documents[0], &documents[1]);
    let bytes = match to {
        DiffTarget::Json => {
            let mut text = serde_json::to_string_pretty(&found.edits())
                .expect("the edit script serialises to JSON");
            text.push('\n');
            text.into_bytes()
        }
        DiffTarget::Html => {
            draftdec::render::html::redline::render(&found, &documents[1]).into_bytes()
        }
    };
    match output {
        Some(path) => write_output(path, &bytes)?,
        None => write_stdout(&bytes)?,
    }
    Ok(CLEAN)
}

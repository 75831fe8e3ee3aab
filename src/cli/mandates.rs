//! `draftdec mandates`: the table of the mandates the drafts' decisions
//! give, as CSV, JSON, HTML or DOCX.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Comma-separated values, every field quoted
    Csv,
    /// JSON (see `draftdec mandates --schema`)
    Json,
    /// A standalone HTML page with the table
    Html,
    /// A Word document with the table (binary: give -o PATH at a terminal)
    Docx,
}

/// Compiles every draft and prints the table of their mandates; a draft
/// with errors stops the command, which writes nothing.
pub(crate) fn mandates(
    files: &[PathBuf],
    to: TableFormat,
    output: Option<&Path>,
    color: ColorArg,
) -> Result<u8, Failure> {
    if to == TableFormat::Docx && output.is_none() && io::stdout().is_terminal() {
        return Err(Failure(
            "a .docx file is binary and standard output is a terminal; give -o PATH".to_string(),
        ));
    }
    let mut documents = Vec::new();
    let mut status = CLEAN;
    let color = use_color(color, io::stderr().is_terminal());
    for file in files {
        let source = read_draft(file)?;
        let name = display_name(file);
        let (document, diagnostics) = compile(&source);
        if diagnostics.iter().any(Diagnostic::is_error) {
            let text = diag_render::render(Format::Human, &name, &source, &diagnostics, color);
            write_stderr(&text);
            write_stderr(&format!("draftdec: {} has errors\n", shown(file)));
            status = DRAFT_ERRORS;
        }
        documents.push(document);
    }
    if status != CLEAN {
        write_stderr("draftdec: nothing was written\n");
        return Ok(status);
    }
    let refs: Vec<&_> = documents.iter().collect();
    let table = draftdec::mandates::table(&refs);
    let bytes = match to {
        TableFormat::Csv => draftdec::mandates::csv(&table).into_bytes(),
        TableFormat::Json => draftdec::mandates::json(&table).into_bytes(),
        TableFormat::Html => draftdec::mandates::html(&table).into_bytes(),
        TableFormat::Docx => draftdec::mandates::docx(&table),
    };
    match output {
        Some(path) => write_output(path, &bytes)?,
        None => write_stdout(&bytes)?,
    }
    Ok(CLEAN)
}

//! What a command says about its drafts: diagnostics, failures (a file that
//! cannot be read or written) and notes ("nothing was written").
//!
//! In a text format each goes out as it comes, file names escaped. With
//! `--format json` the stream holds one JSON document and nothing else:
//! an array of records, diagnostics (E0011 included) and failures alike,
//! written by `finish`. A failure's record has the keys of a diagnostic's,
//! with `code` and `primary` `null` (docs/cli.md).

use draftdec::diag::render::{self as diag_render, Format, JsonDiagnostic};
use draftdec::diag::{Diagnostic, Severity};
use serde::Serialize;

use super::*;

/// Where diagnostics go: `check` prints them on standard output, `build`
/// and `watch` on standard error.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum Record {
    Diagnostic(JsonDiagnostic),
    Failure(FailureRecord),
}

#[derive(Serialize)]
pub(crate) struct FailureRecord {
    code: Option<()>,
    severity: Severity,
    message: String,
    file: Option<String>,
    primary: Option<()>,
    secondary: [(); 0],
    help: Option<()>,
    fix: Option<()>,
}

pub(crate) struct Report {
    format: Format,
    color: bool,
    stream: Stream,
    /// Text kept for later (a worker of `build_many`), instead of printed.
    held: Option<(String, String)>,
    records: Vec<Record>,
    /// `watch`: an empty array is news (the problems are gone).
    empty: bool,
}

impl Report {
    pub(crate) fn new(format: Format, color: bool, stream: Stream) -> Report {
        Report {
            format,
            color,
            stream,
            held: None,
            records: Vec::new(),
            empty: false,
        }
    }

    /// A report that prints nothing until `absorb`ed by another.
    pub(crate) fn held(&self) -> Report {
        Report {
            held: Some((String::new(), String::new())),
            ..Report::new(self.format, self.color, self.stream)
        }
    }

    /// Runs a command's work: a failure it returns is reported like any
    /// other (a record, with `--format json`), and the report is finished.
    pub(crate) fn run(
        mut self,
        work: impl FnOnce(&mut Report) -> Result<u8, Failure>,
    ) -> Result<u8, Failure> {
        let status = work(&mut self).unwrap_or_else(|failure| {
            self.failure(None, failure);
            USAGE_OR_IO
        });
        self.finish(true)?;
        Ok(status)
    }

    pub(crate) fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    /// One draft's diagnostics (nothing for none).
    pub(crate) fn diagnostics(
        &mut self,
        name: &str,
        source: &str,
        diagnostics: &[Diagnostic],
    ) -> Result<(), Failure> {
        if self.is_json() {
            self.records.extend(
                diag_render::json_records(name, source, diagnostics)
                    .into_iter()
                    .map(Record::Diagnostic),
            );
            return Ok(());
        }
        if diagnostics.is_empty() {
            return Ok(());
        }
        let text = diag_render::render(self.format, name, source, diagnostics, self.color);
        self.out(self.stream, &text)
    }

    /// A draft that could not be read: its E0011 diagnostics, if any, as
    /// records; the failure itself otherwise.
    pub(crate) fn unread(&mut self, name: &str, unread: Unread) {
        if self.is_json() && !unread.diagnostics.is_empty() {
            self.records.extend(
                diag_render::json_records(name, &unread.text, &unread.diagnostics)
                    .into_iter()
                    .map(Record::Diagnostic),
            );
        } else {
            self.failure(Some(name), unread.failure);
        }
    }

    /// A failure, about a file if `file` is given.
    pub(crate) fn failure(&mut self, file: Option<&str>, Failure(message): Failure) {
        if self.is_json() {
            self.records.push(Record::Failure(FailureRecord {
                code: None,
                severity: Severity::Error,
                message,
                file: file.map(str::to_string),
                primary: None,
                secondary: [],
                help: None,
                fix: None,
            }));
        } else {
            let _ = self.out(Stream::Stderr, &format!("draftdec: {message}\n"));
        }
    }

    /// A sentence for people ("nothing was written"); JSON has the exit
    /// status for it. `text` is printed as it is: escape what it echoes.
    pub(crate) fn note(&mut self, text: &str) {
        if !self.is_json() {
            let _ = self.out(Stream::Stderr, &format!("draftdec: {text}\n"));
        }
    }

    fn out(&mut self, stream: Stream, text: &str) -> Result<(), Failure> {
        match (&mut self.held, stream) {
            (Some((out, _)), Stream::Stdout) => out.push_str(text),
            (Some((_, err)), Stream::Stderr) => err.push_str(text),
            (None, Stream::Stdout) => write_stdout(text.as_bytes())?,
            (None, Stream::Stderr) => write_stderr(text),
        }
        Ok(())
    }

    /// Takes over what a held report kept, in order.
    pub(crate) fn absorb(&mut self, other: Report) -> Result<(), Failure> {
        if let Some((out, err)) = other.held {
            self.out(Stream::Stdout, &out)?;
            self.out(Stream::Stderr, &err)?;
        }
        self.records.extend(other.records);
        Ok(())
    }

    /// Whether `finish` has a document to write: `watch` prints one line
    /// per report that says something.
    pub(crate) fn has_records(&self) -> bool {
        self.is_json() && (self.empty || !self.records.is_empty())
    }

    /// Marks a report of no diagnostics as worth printing (`[]`).
    pub(crate) fn empty_document(&mut self) {
        self.empty = true;
    }

    /// Writes the JSON document: one pretty-printed array (`pretty`) or one
    /// line (`watch`, one line per rebuild). Nothing in a text format.
    pub(crate) fn finish(&mut self, pretty: bool) -> Result<(), Failure> {
        if !self.is_json() {
            return Ok(());
        }
        let records = std::mem::take(&mut self.records);
        // Plain structs of strings and integers always serialise.
        let mut json = if pretty {
            serde_json::to_string_pretty(&records)
        } else {
            serde_json::to_string(&records)
        }
        .unwrap_or_else(|_| "[]".to_string());
        json.push('\n');
        self.out(self.stream, &json)
    }
}

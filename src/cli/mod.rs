//! The `draftdec` command's parts: one module per subcommand, the command
//! line, and the I/O they share.

pub(crate) mod args;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod events;
pub(crate) mod explain;
pub(crate) mod fmt;
pub(crate) mod io;
pub(crate) mod lsp;
pub(crate) mod mandates;
pub(crate) mod pdf;
pub(crate) mod report;
pub(crate) mod watch;
pub(crate) mod write;

pub(crate) use args::*;
pub(crate) use io::*;
pub(crate) use report::{Report, Stream};
pub(crate) use write::{write_output, write_streamed};

pub(crate) use build::{build, build_many, render_to};
pub(crate) use check::{CheckMode, check};
pub(crate) use diff::diff;
pub(crate) use explain::explain;
pub(crate) use fmt::fmt_files;
pub(crate) use lsp::lsp;
pub(crate) use mandates::{TableFormat, mandates};
pub(crate) use watch::watch;

use draftdec::ast::Document;
use draftdec::diag::{self, Diagnostic};

/// Compiles a draft and sorts its diagnostics, for every subcommand.
pub(crate) fn compile(source: &str) -> (Document, Vec<Diagnostic>) {
    let compiled = draftdec::compile(source);
    let mut diagnostics = compiled.diagnostics;
    diag::sort(&mut diagnostics);
    (compiled.document, diagnostics)
}

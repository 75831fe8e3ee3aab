//! The pipeline in one call: lower → resolve → validate. No I/O.

use crate::ast::Document;
use crate::diag::{self, Diagnostic};
use crate::lower::{self, Comment};
use crate::{hygiene, resolve, validate};

pub struct Compiled {
    /// The resolved document, as far as it could be read. Backends may only
    /// be given it when `has_errors()` is false.
    pub document: Document,
    /// Every problem found, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The source's comments, for the formatter.
    pub comments: Vec<Comment>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
    pub fn has_warnings(&self) -> bool {
        self.diagnostics.iter().any(|d| !d.is_error())
    }
}

pub fn compile(source: &str) -> Compiled {
    let lowered = lower::lower(source);
    let mut document = lowered.document;
    let mut diagnostics = lowered.diagnostics;
    hygiene::check(source, &mut diagnostics);
    // A file the parser refused has an empty document: checking it would
    // only add noise ("no `title:`").
    let refused = diagnostics.iter().any(|d| d.code.unparsed());
    if !refused {
        resolve::resolve(&mut document, &mut diagnostics);
        validate::validate(&document, source, &mut diagnostics);
    }
    diag::sort(&mut diagnostics);
    diag::limit(&mut diagnostics);
    Compiled {
        document,
        diagnostics,
        comments: lowered.comments,
    }
}

/// Compiles a file's bytes. Text that is not UTF-8 gives an empty document
/// and a diagnostic naming the byte offset of each invalid sequence (E0011);
/// otherwise the bytes are decoded by [`crate::decode`] (lone CR → LF,
/// same offsets) and compiled. Render the diagnostics against
/// `decode(bytes)`, or against `String::from_utf8_lossy(bytes)`
/// when it fails.
pub fn compile_bytes(bytes: &[u8]) -> Compiled {
    match hygiene::decode(bytes) {
        Ok(text) => compile(&text),
        Err(diagnostics) => Compiled {
            document: lower::empty_document(bytes.len()),
            diagnostics,
            comments: Vec::new(),
        },
    }
}

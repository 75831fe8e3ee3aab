//! The pipeline in one call: lower → resolve → validate. No I/O.

use crate::ast::Document;
use crate::diag::{self, Diagnostic};
use crate::lower::{self, Comment};
use crate::{resolve, validate};

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
    resolve::resolve(&mut document, &mut diagnostics);
    validate::validate(&document, source, &mut diagnostics);
    diag::sort(&mut diagnostics);
    Compiled {
        document,
        diagnostics,
        comments: lowered.comments,
    }
}

//! The one diagnostic type of draftdec. Every stage reports problems as
//! `Diagnostic`s; `diag::render` turns them into text or JSON.

use serde::Serialize;

use crate::ast::Span;

pub mod codes;
mod excerpt;
pub mod render;

pub use codes::Code;
/// Text with control characters shown as their pictures (`␛`), for
/// anything echoed to a terminal: the command's own messages use it too.
pub use excerpt::visible;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A span with a short message, underlined in the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanLabel {
    pub span: Span,
    pub message: String,
}

/// How sure draftdec is of a fix. Every fix says so, in every output
/// format, so that a guess never looks like a safe edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Certainly right: a tool (an editor, a future `fmt --fix`) may apply
    /// it without asking.
    Safe,
    /// A guess ("did you mean"), or an edit that is right only if the
    /// drafter meant what draftdec assumes: a person decides.
    NeedsReview,
}

/// A suggested edit: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    pub applicability: Applicability,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code (`E0102`); documented in `docs/diagnostics/`.
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub primary: SpanLabel,
    /// Related places ("first defined here").
    pub secondary: Vec<SpanLabel>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the severity registered for `code`.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            primary: SpanLabel {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// The short text under the primary span.
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(SpanLabel {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
            applicability,
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Diagnostics in source order, errors before warnings at the same place.
/// The most diagnostics of one code reported for one file. A draft with ten
/// thousand unclosed brackets gets the first hundred and a note on the last
/// one saying how many more there are; every error still fails the check.
pub const MAX_PER_CODE: usize = 100;

/// Keeps the first [`MAX_PER_CODE`] diagnostics of each code (in the order
/// given) and notes on the last kept one how many were left out.
pub fn limit(diags: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::BTreeMap<Code, usize> = Default::default();
    diags.retain(|d| {
        let n = seen.entry(d.code).or_insert(0);
        *n += 1;
        *n <= MAX_PER_CODE
    });
    for (code, count) in seen {
        if count <= MAX_PER_CODE {
            continue;
        }
        if let Some(last) = diags.iter_mut().rev().find(|d| d.code == code) {
            let more = count - MAX_PER_CODE;
            let note = format!("{more} more {code} diagnostics in this file are not shown");
            last.help = Some(match last.help.take() {
                Some(help) => format!("{help}; {note}"),
                None => note,
            });
        }
    }
}

pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.primary.span.start, a.severity, a.code).cmp(&(b.primary.span.start, b.severity, b.code))
    });
}

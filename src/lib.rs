//! draftdec: a compiler for UN-style draft decisions.
//!
//! # The public API
//!
//! - [`compile`] (text) and [`compile_bytes`] (a file's bytes) run the whole
//!   pipeline and return a [`Compiled`]: the resolved document, every
//!   diagnostic, and the source's [`Comment`]s. [`decode`] is the text
//!   `compile_bytes` compiles (render its diagnostics against it);
//!   [`line_col`] turns a byte offset into a 1-based line and column.
//! - [`lexicon`]: the opening words a language's drafting rules know
//!   ([`Lexicon`]), for editors that complete and explain them.
//! - [`ast`]: the document's types, [`ast::Lang`] among them, and
//!   [`ast::plain_text`]. Every node carries its [`ast::Span`] in the
//!   source.
//! - [`diag`]: [`diag::Diagnostic`] and its parts, the code registry
//!   ([`diag::codes`], what `draftdec explain` prints) and the renderings
//!   of diagnostics ([`diag::render`]: human, short, JSON, narratable).
//! - [`render`]: the backends, [`render::json`], [`render::html`],
//!   [`render::docx`], [`render::akn`] (Akoma Ntoso). Give them only a
//!   document without errors.
//! - [`fmt`]: the formatter, [`fmt::format`] (source to canonical source),
//!   [`fmt::print`] (a document and its comments to source) and
//!   [`fmt::meaning`] (what formatting keeps).
//! - [`mandates`]: the table of the mandates decisions give, one row per
//!   request to an addressee, and its printers.
//! - [`versions`]: the language versions of one document compared
//!   ([`versions::compare`]).
//! - [`diff`]: two revisions of a draft compared ([`diff::diff`]), the
//!   edit script and the aligned steps a redline prints.
//! - [`amendments`]: the amendments that turn one revision into another,
//!   as the source of a draft ([`amendments::amendments`]).
//! - [`negotiation`]: what a draft leaves to negotiate, the final gate
//!   ([`negotiation::final_gate`]).
//! - [`visit`]: the one traversal of the AST, [`visit::Visitor`] (and
//!   [`visit::mutable::VisitorMut`]), for a program that reads the document.
//!
//! Everything else is internal. The pipeline (see `docs/architecture.md`):
//! `hygiene` → `syntax` (pest) → `lower` (typed AST) → `resolve` (numbers,
//! labels, footnotes) → `validate` (drafting rules); `compile` runs it.
//! The command (`main.rs`, `cli/`) uses only this API and does all the I/O.

pub mod amendments;
pub mod ast;
pub mod diag;
pub mod diff;
pub mod fmt;
pub mod mandates;
pub mod negotiation;
pub mod render;
pub mod versions;
pub mod visit;

mod driver;
mod hygiene;
mod lang;
mod lower;
mod resolve;
mod syntax;
mod util;
mod validate;

pub use driver::{Compiled, compile, compile_bytes};
pub use hygiene::{decode, line_col};
pub use lang::{Lexicon, lexicon};
pub use lower::Comment;

/// The stages one at a time, for the benchmarks (`benches/pipeline.rs` and
/// `draftdec-bench stage`, which time each stage alone). Compiled only with
/// the `stages` feature, which the benchmark crate turns on; not part of
/// the API.
#[cfg(feature = "stages")]
#[doc(hidden)]
pub mod stages {
    pub use crate::lower::lower;
    pub use crate::resolve::resolve;
    pub use crate::syntax::parse;
    pub use crate::validate::validate;
}

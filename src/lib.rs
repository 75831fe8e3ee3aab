//! draftdec: a compiler for UN-style draft decisions.
//!
//! The pipeline (see `docs/architecture.md`):
//! `syntax` (pest) → `lower` (typed AST) → `resolve` (numbers, labels,
//! footnotes) → `validate` (drafting rules) → `render::{json, html, docx}`.
//! Only `main.rs` does I/O.

pub mod ast;
pub mod corpus;
pub mod diag;
pub mod driver;
pub mod lang;
pub mod lower;
pub mod render;
pub mod resolve;
pub mod syntax;
pub mod util;
pub mod validate;
pub mod walk;

pub use driver::{Compiled, compile};
pub mod versions;

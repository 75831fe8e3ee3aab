//! draftdec: a compiler for UN-style draft decisions.
//!
//! The pipeline (see `docs/architecture.md`):
//! `syntax` (pest) → `lower` (typed AST) → `resolve` (numbers, labels,
//! footnotes) → `validate` (drafting rules) → `render::{json, html, docx}`.
//! Only the command (`main.rs`, `cli/`) does I/O, and `watch`, which waits
//! for file events.

pub mod ast;
pub mod corpus;
pub mod diag;
pub mod driver;
pub mod fmt;
pub mod hygiene;
pub mod lang;
pub mod lower;
pub mod render;
pub mod resolve;
pub mod syntax;
pub mod util;
pub mod validate;
pub mod versions;
pub mod visit;
pub mod watch;

pub use driver::{Compiled, compile, compile_bytes};

//! Backends. Each turns a resolved `Document` into bytes. Invariant: render
//! never reports user errors; validation has already accepted the document.

pub mod docx;
pub mod html;
pub mod json;

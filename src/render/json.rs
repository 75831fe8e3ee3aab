//! JSON output: the resolved document wrapped with its format version.

use serde::Serialize;

use crate::ast::{Document, FORMAT_VERSION};

#[derive(Serialize)]
struct Envelope<'a> {
    format_version: &'static str,
    generator: &'static str,
    document: &'a Document,
}

/// The resolved document as pretty-printed JSON (deterministic: struct
/// fields in declaration order, no maps).
pub fn render(doc: &Document) -> String {
    let envelope = Envelope {
        format_version: FORMAT_VERSION,
        generator: concat!("draftdec ", env!("CARGO_PKG_VERSION")),
        document: doc,
    };
    let mut out = serde_json::to_string_pretty(&envelope).expect("the AST serialises to JSON");
    out.push('\n');
    out
}

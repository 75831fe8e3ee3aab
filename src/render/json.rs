//! JSON output: the resolved document wrapped with its format version.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::ast::{Document, FORMAT_VERSION};

/// The output, and the source of its JSON Schema: the schema is generated
/// from the very struct that is written, so the two cannot drift.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(
    title = "draftdec document",
    description = "A draft decision compiled by draftdec: the resolved document with its format version."
)]
struct Envelope<'a> {
    /// Version of the JSON format; a consumer should refuse a major version
    /// it does not know.
    #[schemars(extend("const" = FORMAT_VERSION))]
    format_version: &'static str,
    /// The program and version that wrote the file (`draftdec X.Y.Z`).
    generator: &'static str,
    document: &'a Document,
}

/// The resolved document as pretty-printed JSON (deterministic: struct
/// fields in declaration order, no maps).
pub fn render(doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, so only serialisation could; JSON
    // from serde_json is UTF-8.
    render_to(doc, &mut out)
        .ok()
        .and_then(|()| String::from_utf8(out).ok())
        .expect("the AST serialises to JSON")
}

/// [`render`]'s bytes written straight to `out`, never held whole in
/// memory. Fails only when `out` does.
pub fn render_to(doc: &Document, out: impl Write) -> io::Result<()> {
    let envelope = Envelope {
        format_version: FORMAT_VERSION,
        generator: concat!("draftdec ", env!("CARGO_PKG_VERSION")),
        document: doc,
    };
    // serde_json writes a few bytes at a time (a quote, an indent): into a
    // buffer of its own, that is a copy; into `out`, which may be a
    // `dyn Write`, a call each, which cost half as much again as the rest.
    let mut out = BufWriter::with_capacity(64 << 10, out);
    serde_json::to_writer_pretty(&mut out, &envelope).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The JSON Schema of [`render`]'s output, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Envelope<'static>);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises to JSON");
    text.push('\n');
    text
}

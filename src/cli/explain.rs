//! `draftdec explain` and `draftdec schema`.

use draftdec::ast::{Document, FORMAT_VERSION};
use draftdec::diag::{self, codes};

use super::*;

pub(crate) fn explain(code: Option<&str>, list: bool) -> Result<u8, Failure> {
    if list {
        let mut text = String::new();
        for info in codes::CODES {
            let severity = match info.severity {
                diag::Severity::Error => "error",
                diag::Severity::Warning => "warning",
            };
            text.push_str(&format!("{}  {severity:<7}  {}\n", info.code, info.title));
        }
        write_stdout(text.as_bytes())?;
        return Ok(CLEAN);
    }
    let code = code.unwrap_or_default();
    if let Some(info) = codes::lookup(code) {
        write_stdout(info.page.as_bytes())?;
        return Ok(CLEAN);
    }
    let wanted = code.trim().to_ascii_uppercase();
    let mut message = format!("no diagnostic code `{}`", code.trim());
    if let Some(near) = draftdec::util::closest(&wanted, codes::CODES.iter().map(|c| c.code)) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message.push_str("\n  run `draftdec explain --list` to see every code");
    Err(Failure(message))
}

/// The shape of `draftdec build --to json` output, for the schema only:
/// `render::json` writes the same three fields.
#[derive(schemars::JsonSchema)]
#[schemars(
    title = "draftdec document",
    description = "A draft decision compiled by draftdec: the resolved document with its format version."
)]
// Never built: it exists to describe render::json's envelope to schemars.
#[allow(dead_code)]
pub(crate) struct Envelope {
    /// Version of the JSON format; a consumer should refuse a major version
    /// it does not know.
    #[schemars(extend("const" = FORMAT_VERSION))]
    format_version: String,
    /// The program and version that wrote the file (`draftdec X.Y.Z`).
    generator: String,
    document: Document,
}

pub(crate) fn schema() -> String {
    let schema = schemars::schema_for!(Envelope);
    // A schema generated from our own types is always serialisable.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

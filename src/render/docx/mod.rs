//! DOCX output: a Word document laid out like an official UN pre-session
//! document (see `docs/docx.md`).
//!
//! Three steps: `body` turns the resolved AST into paragraphs (`ooxml`'s
//! plain values) in the named styles of `styles`; `package` writes every
//! part in schema order and zips them deterministically.

mod body;
mod ooxml;
mod package;
mod styles;
mod tracked;

pub use tracked::Revision;

use crate::ast::{Document, LineRole};

use body::clean;

/// The DOCX file for `doc`. Deterministic: equal documents give equal bytes.
pub fn render(doc: &Document) -> Vec<u8> {
    package::pack(&parts(doc))
}

/// The package parts (path, bytes) in archive order, before zipping; the
/// tests read these to check the XML without unzipping.
pub fn parts(doc: &Document) -> Vec<(String, Vec<u8>)> {
    package_parts(doc, &body::build(doc))
}

/// The DOCX file of `new` with the changes from `old` tracked (Word's
/// `w:ins` and `w:del`): accepting them all gives `new`'s text, rejecting
/// them all `old`'s. The package (styles, language, header) is `new`'s.
pub fn render_tracked(old: &Document, new: &Document, revision: &Revision) -> Vec<u8> {
    package::pack(&tracked_parts(old, new, revision))
}

/// The parts of [`render_tracked`]'s file, before zipping.
pub fn tracked_parts(
    old: &Document,
    new: &Document,
    revision: &Revision,
) -> Vec<(String, Vec<u8>)> {
    let built = tracked::merge(body::build(old), body::build(new), revision);
    package_parts(new, &built)
}

fn package_parts(doc: &Document, built: &body::Built) -> Vec<(String, Vec<u8>)> {
    let meta = &doc.meta;
    let table = doc.language.table();
    // The distribution block is in the language resolution gave its lines
    // (English in the Arabic, Chinese and Russian versions).
    let distribution_lang = doc
        .presentation
        .masthead
        .iter()
        .find(|l| {
            matches!(
                l.role,
                LineRole::Distribution
                    | LineRole::Date
                    | LineRole::VersionLanguage
                    | LineRole::Original
            )
        })
        .map(|l| l.lang.table().typography.word_lang[0]);
    let field =
        |f: &Option<crate::ast::Field>| f.as_ref().map(|f| clean(&f.text)).unwrap_or_default();
    let package = package::Meta {
        title: field(&meta.title),
        subject: field(&meta.symbol),
        language: doc.language.code(),
        styles: styles::styles(table, distribution_lang),
        defaults: styles::defaults(table),
        fonts: table.typography.fonts,
        all_fonts: table
            .typography
            .fonts
            .into_iter()
            .chain(table.typography.opening_face)
            .collect(),
        rtl: table.rtl,
    };
    package::parts(built, &package)
}

//! DOCX output: a Word document laid out like an official UN pre-session
//! document (see `docs/docx.md`).
//!
//! Three steps: `body` turns the resolved AST into docx-rs paragraphs in the
//! named styles of `styles`; docx-rs builds the XML parts; `layer` closes
//! docx-rs's gaps on those parts and packs them deterministically.

mod body;
mod layer;
pub mod styles;

use crate::ast::Document;
use crate::lang::Lang;

pub use body::clean;

/// The DOCX file for `doc`. Deterministic: equal documents give equal bytes.
pub fn render(doc: &Document) -> Vec<u8> {
    layer::pack(&parts(doc))
}

/// The package parts (path, bytes) in archive order, before zipping; the
/// tests read these to check the XML without unzipping.
pub fn parts(doc: &Document) -> Vec<(String, Vec<u8>)> {
    let built = body::build(doc);
    let meta = &doc.meta;
    let table = doc.language.table();
    let fixes = layer::Fixes {
        title: meta
            .title
            .as_ref()
            .map(|f| clean(&f.text))
            .unwrap_or_default(),
        subject: meta
            .symbol
            .as_ref()
            .map(|f| clean(&f.text))
            .unwrap_or_default(),
        language: doc.language.code().to_string(),
        word_lang: table.typography.word_lang.map(str::to_string),
        english_lang: Lang::En.table().typography.word_lang[0].to_string(),
        rtl: table.rtl,
        // The distribution lines are English unless the version's table
        // gives them words of its own (French, Spanish).
        english_styles: if table.masthead.original == Lang::En.table().masthead.original {
            vec![styles::id::DISTRIBUTION]
        } else {
            Vec::new()
        },
        custom_marks: built.custom_marks,
        has_footnotes: built.has_footnotes,
    };
    layer::fix_parts(built.docx.build(), &fixes)
}

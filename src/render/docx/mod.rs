//! DOCX output: a Word document laid out like an official UN pre-session
//! document (see `docs/docx.md`).
//!
//! Three steps: `body` turns the resolved AST into docx-rs paragraphs in the
//! named styles of `styles`; docx-rs builds the XML parts; `layer` closes
//! docx-rs's gaps on those parts and packs them deterministically.

mod body;
mod layer;
mod styles;

use crate::ast::{Document, LineRole};

use body::clean;

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
        .map(|l| l.lang);
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
        rtl: table.rtl,
        // The distribution block is in the language resolution gave its
        // lines (English in the Arabic, Chinese and Russian versions).
        style_langs: distribution_lang
            .map(|l| {
                let lang = l.table().typography.word_lang[0].to_string();
                vec![(styles::id::DISTRIBUTION, lang)]
            })
            .unwrap_or_default(),
        has_footnotes: built.has_footnotes,
    };
    layer::fix_parts(built.docx.build(), &fixes)
}

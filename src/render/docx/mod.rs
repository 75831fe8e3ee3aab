//! DOCX output: a Word document laid out like an official UN pre-session
//! document (see `docs/docx.md`).
//!
//! Three steps: `body` turns the resolved AST into paragraphs (`ooxml`'s
//! plain values) in the named styles of `styles`; `package` writes every
//! part in schema order and zips them deterministically. [`render_to`]
//! streams the body's paragraphs from `body` into the zip as they are
//! made, so that they are never all in memory at once.

mod body;
mod ooxml;
mod package;
mod styles;
mod table;
mod tracked;

pub use tracked::Revision;

use std::io::{self, Cursor, Seek, Write};

use crate::ast::{Document, LineRole};
use crate::lang::LangTable;

use body::clean;
use ooxml::{Content, Para, ParaProps, Run, RunProps, Spacing};
use package::Parts;
use table::{BodyElement, Row, Table};

/// The DOCX file for `doc`. Deterministic: equal documents give equal bytes.
pub fn render(doc: &Document) -> Vec<u8> {
    zipped(|parts| write_parts(doc, &body::build(doc), parts))
}

/// [`render`]'s file written to `out`, its large parts a chunk at a time
/// as they are made, so that neither they nor the file are ever whole in
/// memory. Fails only when `out` does.
pub fn render_to(doc: &Document, out: impl Write + Seek) -> io::Result<()> {
    let mut zip = package::Zip::new(out);
    let meta = package_meta_of(doc);
    package::write_streamed(|emit| body::stream(doc, emit), &meta, &mut zip)?;
    zip.finish().map(drop)
}

/// The package parts (path, bytes) in archive order, before zipping; the
/// tests read these to check the XML without unzipping.
pub fn parts(doc: &Document) -> Vec<(String, Vec<u8>)> {
    listed(|parts| write_parts(doc, &body::build(doc), parts))
}

/// The DOCX file of `new` with the changes from `old` tracked (Word's
/// `w:ins` and `w:del`): accepting them all gives `new`'s text, rejecting
/// them all `old`'s. The package (styles, language, header) is `new`'s.
pub fn render_tracked(old: &Document, new: &Document, revision: &Revision) -> Vec<u8> {
    let built = tracked::merge(body::build(old), body::build(new), revision);
    zipped(|parts| write_parts(new, &built, parts))
}

/// The parts of [`render_tracked`]'s file, before zipping.
pub fn tracked_parts(
    old: &Document,
    new: &Document,
    revision: &Revision,
) -> Vec<(String, Vec<u8>)> {
    let built = tracked::merge(body::build(old), body::build(new), revision);
    listed(|parts| write_parts(new, &built, parts))
}

/// The zip of the parts `write` writes, in memory.
fn zipped(write: impl FnOnce(&mut dyn Parts) -> io::Result<()>) -> Vec<u8> {
    let mut zip = package::Zip::new(Cursor::new(Vec::new()));
    // Writing to memory cannot fail short of allocation failure; a failed
    // entry would be reported by LibreOffice's repair prompt, which the
    // tests check for.
    match write(&mut zip).and_then(|()| zip.finish()) {
        Ok(cursor) => cursor.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// The parts `write` writes, as a list.
fn listed(write: impl FnOnce(&mut dyn Parts) -> io::Result<()>) -> Vec<(String, Vec<u8>)> {
    let mut parts = Vec::new();
    // A list in memory takes every part.
    let _ = write(&mut parts);
    parts
}

fn write_parts(doc: &Document, built: &body::Built, parts: &mut dyn Parts) -> io::Result<()> {
    package::write(built, &package_meta_of(doc), parts)
}

/// The package's metadata for `doc`.
fn package_meta_of(doc: &Document) -> package::Meta<'_> {
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
    package_meta(
        table,
        doc.language.code(),
        (field(&meta.title), field(&meta.symbol)),
        distribution_lang,
        false,
    )
}

/// The package's metadata for a document in `table`'s language, `code`.
fn package_meta<'a>(
    table: &LangTable,
    code: &'a str,
    (title, subject): (String, String),
    distribution_lang: Option<&str>,
    landscape: bool,
) -> package::Meta<'a> {
    package::Meta {
        title,
        subject,
        language: code,
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
        landscape,
    }
}

/// A document that is one table: a heading row, repeated on every page,
/// and rows of plain text, on landscape A4 in the styles, fonts and
/// direction of a language. Every word is the caller's.
pub struct TableDocument<'a> {
    pub lang: &'static LangTable,
    /// The language's code (`ru`), for `dc:language`.
    pub code: &'a str,
    pub title: String,
    pub subject: String,
    pub headings: &'a [String],
    /// One cell per heading.
    pub rows: &'a [Vec<String>],
    /// Relative widths of the columns, one per heading.
    pub weights: &'a [u32],
}

/// The DOCX file of a table document. Deterministic like [`render`].
pub fn render_table(t: &TableDocument) -> Vec<u8> {
    zipped(|parts| write_table(t, parts))
}

/// The package parts of a table document (see [`parts`]).
pub fn table_parts(t: &TableDocument) -> Vec<(String, Vec<u8>)> {
    listed(|parts| write_table(t, parts))
}

fn write_table(t: &TableDocument, parts: &mut dyn Parts) -> io::Result<()> {
    let lang = t.lang;
    let total: u32 = t.weights.iter().sum::<u32>().max(1);
    let width = styles::LANDSCAPE_TEXT_WIDTH;
    let mut columns: Vec<u32> = t.weights.iter().map(|w| width * w / total).collect();
    // Rounding leaves the last column the remainder, so the table fills
    // the text column exactly.
    let rest = width - columns.iter().sum::<u32>();
    if let Some(last) = columns.last_mut() {
        *last += rest;
    }
    let cell = |text: &str, bold: bool| {
        vec![Para {
            mark: None,
            props: ParaProps {
                bidi: lang.rtl,
                spacing: Some(Spacing {
                    before: None,
                    after: Some(styles::CELL_AFTER),
                    line: None,
                }),
                ..ParaProps::default()
            },
            runs: body::script_runs(
                lang,
                text,
                &RunProps {
                    bold,
                    ..RunProps::default()
                },
            ),
        }]
    };
    let mut rows = vec![Row {
        heading: true,
        cells: t.headings.iter().map(|h| cell(h, true)).collect(),
    }];
    rows.extend(t.rows.iter().map(|r| Row {
        heading: false,
        cells: r.iter().map(|c| cell(c, false)).collect(),
    }));
    let built = body::Built {
        body: vec![
            BodyElement::Table(Table {
                bidi: lang.rtl,
                columns,
                rule: styles::TABLE_RULE,
                cell_margin: styles::CELL_MARGIN,
                rows,
            }),
            // Word ends a body with a paragraph, never a table.
            BodyElement::Para(Para {
                mark: None,
                props: ParaProps {
                    bidi: lang.rtl,
                    ..ParaProps::default()
                },
                runs: Vec::new(),
            }),
        ],
        footnotes: Vec::new(),
        tracked: false,
        header: Para {
            mark: None,
            props: ParaProps {
                style: Some(styles::id::HEADER),
                bidi: styles::bidi_style(lang, styles::id::HEADER),
                ..ParaProps::default()
            },
            runs: vec![Run::default().with(Content::PageField)],
        },
    };
    let meta = package_meta(
        lang,
        t.code,
        (clean(&t.title), clean(&t.subject)),
        None,
        true,
    );
    package::write(&built, &meta, parts)
}

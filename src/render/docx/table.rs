//! Tables (`w:tbl`) and what a document body holds: paragraphs and tables.
//!
//! Like `ooxml`, each writer emits an element's children in the order
//! ISO/IEC 29500-1 sequences them (`CT_Tbl`, `CT_TblPr`, `CT_Row`, `CT_Tc`,
//! `CT_TcPr`). Only what a draftdec table needs is modelled: fixed column
//! widths, single rules around every cell, a heading row repeated on every
//! page, and the right-to-left column order of a bidi table.

use std::fmt::Write as _;

use super::ooxml::Para;

/// A block-level element of the body (`EG_BlockLevelElts`).
#[derive(Clone, Debug, PartialEq)]
pub enum BodyElement {
    Para(Para),
    Table(Table),
}

impl BodyElement {
    pub fn write(&self, out: &mut String) {
        match self {
            BodyElement::Para(p) => p.write(out),
            BodyElement::Table(t) => t.write(out),
        }
    }
}

/// A table with fixed column widths (in twips) and rules of `rule` eighths
/// of a point around and between its cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// `w:bidiVisual`: the first column is on the right.
    pub bidi: bool,
    /// `w:gridCol` widths; each row has one cell per column.
    pub columns: Vec<u32>,
    pub rule: u32,
    /// Start and end cell margins (`w:tblCellMar`), in twips.
    pub cell_margin: u32,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// `w:tblHeader`: repeated at the top of every page the table runs on.
    pub heading: bool,
    /// One cell per column, each its paragraphs (at least one: Word
    /// requires a cell to end with a paragraph).
    pub cells: Vec<Vec<Para>>,
}

impl Table {
    pub fn write(&self, out: &mut String) {
        let width: u32 = self.columns.iter().sum();
        out.push_str("<w:tbl><w:tblPr>");
        if self.bidi {
            out.push_str("<w:bidiVisual/>");
        }
        let _ = write!(out, r#"<w:tblW w:w="{width}" w:type="dxa"/>"#);
        out.push_str("<w:tblBorders>");
        // Transitional `left`/`right`, read as start and end sides of a
        // bidi table, for the readers the paragraph indents serve.
        for side in [
            "<w:top",
            "<w:left",
            "<w:bottom",
            "<w:right",
            "<w:insideH",
            "<w:insideV",
        ] {
            let _ = write!(
                out,
                r#"{side} w:val="single" w:sz="{}" w:space="0" w:color="auto"/>"#,
                self.rule
            );
        }
        out.push_str("</w:tblBorders>");
        out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        let _ = write!(
            out,
            r#"<w:tblCellMar><w:left w:w="{m}" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>"#,
            m = self.cell_margin
        );
        out.push_str("</w:tblPr><w:tblGrid>");
        for w in &self.columns {
            let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        out.push_str("</w:tblGrid>");
        for row in &self.rows {
            out.push_str("<w:tr>");
            if row.heading {
                out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for (cell, w) in row.cells.iter().zip(&self.columns) {
                let _ = write!(
                    out,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#
                );
                if cell.is_empty() {
                    Para::default().write(out);
                }
                for p in cell {
                    p.write(out);
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::ooxml::Run;

    #[test]
    fn table_children_follow_the_schema_sequence() {
        let t = Table {
            bidi: true,
            columns: vec![1000, 2000],
            rule: 4,
            cell_margin: 85,
            rows: vec![
                Row {
                    heading: true,
                    cells: vec![
                        vec![Para {
                            runs: vec![Run::default().text("A")],
                            ..Para::default()
                        }],
                        vec![],
                    ],
                },
                Row {
                    heading: false,
                    cells: vec![vec![], vec![]],
                },
            ],
        };
        let mut out = String::new();
        t.write(&mut out);
        let order = [
            "<w:tbl>",
            "<w:tblPr>",
            "<w:bidiVisual/>",
            "<w:tblW ",
            "<w:tblBorders>",
            "<w:top ",
            "<w:left ",
            "<w:bottom ",
            "<w:right ",
            "<w:insideH ",
            "<w:insideV ",
            "<w:tblLayout ",
            "<w:tblCellMar>",
            "</w:tblPr>",
            "<w:tblGrid>",
            r#"<w:gridCol w:w="1000"/>"#,
            r#"<w:gridCol w:w="2000"/>"#,
            "<w:tr>",
            "<w:trPr><w:tblHeader/></w:trPr>",
            r#"<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p>"#,
            r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p></w:p></w:tc>"#,
            "</w:tr><w:tr><w:tc>",
            "</w:tbl>",
        ];
        let mut from = 0;
        for o in order {
            let at = out[from..]
                .find(o)
                .unwrap_or_else(|| panic!("{o} after {from}: {out}"));
            from += at + o.len();
        }
        assert_eq!(out.matches("<w:tc>").count(), 4, "{out}");
    }
}

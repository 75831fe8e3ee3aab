//! The WordprocessingML a draftdec document uses, as plain values written
//! straight to XML.
//!
//! Each writer emits an element's children in the order ISO/IEC 29500-1
//! sequences them (`CT_PPrBase`, `CT_RPr`, `CT_Style`, `CT_SectPr`): Word
//! drops or refuses properties out of sequence, which LibreOffice forgives
//! and hides. Only what the document needs is modelled; a new property is
//! added in its place in the sequence, never appended.

use std::fmt::Write as _;

/// `text` escaped for element content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` escaped (see [`escape`]).
pub fn escape_into(out: &mut String, text: &str) {
    crate::render::escape_with(out, text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        _ => None,
    });
}

/// `w:lang`: the language of Latin-script, East Asian and complex-script text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordLang {
    pub val: String,
    pub east_asia: Option<String>,
    pub bidi: Option<String>,
}

/// `w:rFonts`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Fonts {
    /// `w:ascii` and `w:hAnsi`.
    pub latin: Option<&'static str>,
    pub east_asia: Option<&'static str>,
    pub cs: Option<&'static str>,
    /// `w:hint="eastAsia"`: characters shared with Latin text (quotation
    /// marks, the ellipsis) are set in the East Asian face, full width.
    pub east_asia_hint: bool,
}

/// Run properties (`CT_RPr`), in a style, the document defaults or a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunProps {
    /// `w:rStyle`: a character style.
    pub style: Option<&'static str>,
    pub fonts: Option<Fonts>,
    /// `w:b` and `w:bCs`.
    pub bold: bool,
    /// `w:i` and `w:iCs`.
    pub italic: bool,
    /// `w:sz` and `w:szCs`, in half-points.
    pub size: Option<u32>,
    /// `w:vertAlign w:val="superscript"`.
    pub superscript: bool,
    /// `w:rtl`: the run is right-to-left, complex-script text.
    pub rtl: bool,
    pub lang: Option<WordLang>,
}

impl RunProps {
    pub fn write(&self, out: &mut String) {
        // Written in place and taken back if it stays empty: no `w:rPr`
        // without a property.
        let open = out.len();
        out.push_str("<w:rPr>");
        let inner = &mut *out;
        if let Some(s) = self.style {
            empty(inner, "w:rStyle", &[("w:val", s)]);
        }
        if let Some(f) = &self.fonts {
            let mut attrs = Vec::new();
            if let Some(l) = f.latin {
                attrs.push(("w:ascii", l));
                attrs.push(("w:hAnsi", l));
            }
            if let Some(e) = f.east_asia {
                attrs.push(("w:eastAsia", e));
            }
            if let Some(c) = f.cs {
                attrs.push(("w:cs", c));
            }
            if f.east_asia_hint {
                attrs.push(("w:hint", "eastAsia"));
            }
            empty(inner, "w:rFonts", &attrs);
        }
        if self.bold {
            inner.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            inner.push_str("<w:i/><w:iCs/>");
        }
        if let Some(sz) = self.size {
            let sz = sz.to_string();
            empty(inner, "w:sz", &[("w:val", &sz)]);
            empty(inner, "w:szCs", &[("w:val", &sz)]);
        }
        if self.superscript {
            inner.push_str(r#"<w:vertAlign w:val="superscript"/>"#);
        }
        if self.rtl {
            inner.push_str("<w:rtl/>");
        }
        if let Some(l) = &self.lang {
            let mut attrs = vec![("w:val", l.val.as_str())];
            if let Some(e) = &l.east_asia {
                attrs.push(("w:eastAsia", e));
            }
            if let Some(b) = &l.bidi {
                attrs.push(("w:bidi", b));
            }
            empty(inner, "w:lang", &attrs);
        }
        close(out, open, "<w:rPr>", "</w:rPr>");
    }
}

/// `w:spacing`, in twips; `line` is a multiple of 240 with `w:lineRule="auto"`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Spacing {
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub line: Option<u32>,
}

/// `w:ind`, in twips. `start` and `end` are the paragraph's own start and
/// end sides (left and right, mirrored in a right-to-left paragraph).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Indent {
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub hanging: Option<i32>,
    pub first_line: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TabKind {
    /// Aligned at the paragraph's start side.
    Start,
    /// Aligned at the paragraph's end side.
    End,
}

/// `w:jc`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Justify {
    /// Flush with the paragraph's end side (right, or left when right to left).
    End,
}

/// `w:framePr`: a paragraph set in a frame of its own, `width` wide, at
/// the page's left margin (or right, `right`), which the paragraphs after
/// it flow beside: a masthead's organ line beside the distribution block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: i32,
    pub right: bool,
}

/// Paragraph properties (`CT_PPrBase`): what a style or a paragraph sets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParaProps {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub page_break_before: bool,
    pub frame: Option<Frame>,
    /// `w:pBdr/w:bottom`: a single rule this thick, in eighths of a point.
    pub bottom_rule: Option<u32>,
    pub tabs: Vec<(TabKind, i32)>,
    pub bidi: bool,
    pub spacing: Option<Spacing>,
    pub indent: Option<Indent>,
    pub justify: Option<Justify>,
    /// `w:outlineLvl`, 0-based.
    pub outline: Option<u8>,
}

impl ParaProps {
    pub fn write(&self, out: &mut String) {
        let open = out.len();
        out.push_str("<w:pPr>");
        let inner = &mut *out;
        if let Some(s) = self.style {
            empty(inner, "w:pStyle", &[("w:val", s)]);
        }
        if self.keep_next {
            inner.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            inner.push_str("<w:pageBreakBefore/>");
        }
        if let Some(f) = self.frame {
            let side = if f.right { "right" } else { "left" };
            let _ = write!(
                inner,
                r#"<w:framePr w:w="{}" w:hSpace="284" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="{side}"/>"#,
                f.width
            );
        }
        if let Some(sz) = self.bottom_rule {
            let _ = write!(
                inner,
                r#"<w:pBdr><w:bottom w:val="single" w:sz="{sz}" w:space="1" w:color="auto"/></w:pBdr>"#
            );
        }
        if !self.tabs.is_empty() {
            inner.push_str("<w:tabs>");
            for (kind, pos) in &self.tabs {
                // `left`/`right` rather than ISO's `start`/`end`: Word
                // before 2010 and LibreOffice read only these; both mean
                // the paragraph's own sides in a bidi paragraph.
                let val = match kind {
                    TabKind::Start => "left",
                    TabKind::End => "right",
                };
                let _ = write!(inner, r#"<w:tab w:val="{val}" w:pos="{pos}"/>"#);
            }
            inner.push_str("</w:tabs>");
        }
        if self.bidi {
            inner.push_str("<w:bidi/>");
        }
        if let Some(s) = &self.spacing {
            let (before, after, line) = (
                s.before.map(|v| v.to_string()),
                s.after.map(|v| v.to_string()),
                s.line.map(|v| v.to_string()),
            );
            let mut attrs = Vec::new();
            if let Some(v) = &before {
                attrs.push(("w:before", v.as_str()));
            }
            if let Some(v) = &after {
                attrs.push(("w:after", v.as_str()));
            }
            if let Some(v) = &line {
                // Said in full: without `w:lineRule`, LibreOffice reads 240
                // as an exact 12 pt and a 14 pt title's lines overlap.
                attrs.push(("w:line", v.as_str()));
                attrs.push(("w:lineRule", "auto"));
            }
            empty(inner, "w:spacing", &attrs);
        }
        if let Some(i) = &self.indent {
            let values =
                [i.start, i.end, i.hanging, i.first_line].map(|v| v.map(|v| v.to_string()));
            let mut attrs = Vec::new();
            // `left`/`right` for the same readers as the tabs; Word maps
            // them onto the start and end sides of a bidi paragraph.
            for (key, v) in ["w:left", "w:right", "w:hanging", "w:firstLine"]
                .into_iter()
                .zip(&values)
            {
                if let Some(v) = v {
                    attrs.push((key, v.as_str()));
                }
            }
            empty(inner, "w:ind", &attrs);
        }
        if let Some(j) = self.justify {
            match j {
                // Transitional `right`: the end side of a bidi paragraph.
                Justify::End => inner.push_str(r#"<w:jc w:val="right"/>"#),
            }
        }
        if let Some(l) = self.outline {
            let l = l.to_string();
            empty(inner, "w:outlineLvl", &[("w:val", &l)]);
        }
        close(out, open, "<w:pPr>", "</w:pPr>");
    }
}

/// What a run holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Text; each U+2011 becomes Word's no-break hyphen.
    Text(String),
    Tab,
    /// The reference to footnote `id`; with `custom`, the mark printed
    /// instead of Word's running number follows as text.
    FootnoteReference {
        id: usize,
        custom: Option<String>,
    },
    /// A footnote's own number, opening its text.
    FootnoteMark,
    Separator,
    ContinuationSeparator,
    /// The `PAGE` field, showing `1` until Word updates it.
    PageField,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub props: RunProps,
    pub content: Vec<Content>,
    /// A tracked change the run is part of (`w:ins` or `w:del` around it).
    pub change: Option<Change>,
}

/// Whether a tracked change inserts or deletes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Insert,
    Delete,
}

/// A tracked change (`CT_TrackChange`): `w:id` is unique in the document;
/// `w:author` is required by the schema, and empty when no author was
/// given; `w:date` only when given, so that equal inputs give equal bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub id: u32,
    pub author: String,
    pub date: Option<String>,
}

impl Change {
    fn name(&self) -> &'static str {
        match self.kind {
            ChangeKind::Insert => "w:ins",
            ChangeKind::Delete => "w:del",
        }
    }

    fn open(&self, out: &mut String, close: bool) {
        let id = self.id.to_string();
        let mut attrs = vec![("w:id", id.as_str()), ("w:author", self.author.as_str())];
        if let Some(date) = &self.date {
            attrs.push(("w:date", date));
        }
        if close {
            empty(out, self.name(), &attrs);
        } else {
            start(out, self.name(), &attrs);
        }
    }
}

impl Run {
    pub fn new(props: RunProps) -> Self {
        Run {
            props,
            content: Vec::new(),
            change: None,
        }
    }

    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.content.push(Content::Text(text.into()));
        self
    }

    pub fn with(mut self, content: Content) -> Self {
        self.content.push(content);
        self
    }

    fn write(&self, out: &mut String) {
        if let Some(change) = &self.change {
            change.open(out, false);
        }
        // Deleted text is `w:delText` and a deleted field code
        // `w:delInstrText`: a `w:t` inside `w:del` is invalid.
        let deleted = matches!(
            &self.change,
            Some(Change {
                kind: ChangeKind::Delete,
                ..
            })
        );
        let text = if deleted { "w:delText" } else { "w:t" };
        out.push_str("<w:r>");
        self.props.write(out);
        for c in &self.content {
            match c {
                Content::Text(t) => write_text(out, t, text),
                Content::Tab => out.push_str("<w:tab/>"),
                Content::FootnoteReference { id, custom } => match custom {
                    Some(mark) => {
                        let _ = write!(
                            out,
                            r#"<w:footnoteReference w:customMarkFollows="1" w:id="{id}"/>"#
                        );
                        write_text(out, mark, text);
                    }
                    None => {
                        let _ = write!(out, r#"<w:footnoteReference w:id="{id}"/>"#);
                    }
                },
                Content::FootnoteMark => out.push_str("<w:footnoteRef/>"),
                Content::Separator => out.push_str("<w:separator/>"),
                Content::ContinuationSeparator => out.push_str("<w:continuationSeparator/>"),
                Content::PageField => {
                    let instr = if deleted {
                        "w:delInstrText"
                    } else {
                        "w:instrText"
                    };
                    let _ = write!(
                        out,
                        concat!(
                            r#"<w:fldChar w:fldCharType="begin"/>"#,
                            r#"<{i} xml:space="preserve"> PAGE </{i}>"#,
                            r#"<w:fldChar w:fldCharType="separate"/><{t}>1</{t}>"#,
                            r#"<w:fldChar w:fldCharType="end"/>"#
                        ),
                        i = instr,
                        t = text
                    );
                }
            }
        }
        out.push_str("</w:r>");
        if let Some(change) = &self.change {
            let _ = write!(out, "</{}>", change.name());
        }
    }
}

/// `w:t` (or `w:delText`, `element`) for each piece of `text` between
/// no-break hyphens.
fn write_text(out: &mut String, text: &str, element: &str) {
    for (i, piece) in text.split('\u{2011}').enumerate() {
        if i > 0 {
            out.push_str("<w:noBreakHyphen/>");
        }
        if !piece.is_empty() {
            out.push('<');
            out.push_str(element);
            out.push_str(r#" xml:space="preserve">"#);
            escape_into(out, piece);
            out.push_str("</");
            out.push_str(element);
            out.push('>');
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    pub props: ParaProps,
    pub runs: Vec<Run>,
    /// The paragraph mark inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`):
    /// accepting a deleted mark, or rejecting an inserted one, joins the
    /// paragraph to the next.
    pub mark: Option<Change>,
}

impl Para {
    pub fn write(&self, out: &mut String) {
        out.push_str("<w:p>");
        match &self.mark {
            None => self.props.write(out),
            Some(change) => {
                // `w:rPr` closes `CT_PPr`, after every `CT_PPrBase` element.
                let mut props = String::new();
                self.props.write(&mut props);
                let inner = props
                    .strip_prefix("<w:pPr>")
                    .and_then(|p| p.strip_suffix("</w:pPr>"))
                    .unwrap_or("");
                out.push_str("<w:pPr>");
                out.push_str(inner);
                out.push_str("<w:rPr>");
                change.open(out, true);
                out.push_str("</w:rPr></w:pPr>");
            }
        }
        for r in &self.runs {
            r.write(out);
        }
        out.push_str("</w:p>");
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StyleKind {
    Paragraph,
    Character,
}

/// A named style (`CT_Style`).
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    pub kind: StyleKind,
    pub id: &'static str,
    pub name: String,
    /// The default style of its kind (`Normal`, `DefaultParagraphFont`).
    pub default: bool,
    pub based_on: Option<&'static str>,
    pub next: Option<&'static str>,
    /// Hidden from the style gallery until used (Word's built-in styles).
    pub semi_hidden: bool,
    /// Shown in the Quick Styles gallery.
    pub quick: bool,
    pub para: ParaProps,
    pub run: RunProps,
}

impl Style {
    pub fn new(kind: StyleKind, id: &'static str, name: impl Into<String>) -> Self {
        Style {
            kind,
            id,
            name: name.into(),
            default: false,
            based_on: None,
            next: None,
            semi_hidden: false,
            quick: false,
            para: ParaProps::default(),
            run: RunProps::default(),
        }
    }

    pub fn write(&self, out: &mut String) {
        let kind = match self.kind {
            StyleKind::Paragraph => "paragraph",
            StyleKind::Character => "character",
        };
        let default = if self.default {
            r#"w:default="1" "#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<w:style w:type="{kind}" {default}w:styleId="{}">"#,
            escape(self.id)
        );
        empty(out, "w:name", &[("w:val", &self.name)]);
        if let Some(b) = self.based_on {
            empty(out, "w:basedOn", &[("w:val", b)]);
        }
        if let Some(n) = self.next {
            empty(out, "w:next", &[("w:val", n)]);
        }
        if self.semi_hidden {
            out.push_str("<w:semiHidden/><w:unhideWhenUsed/>");
        }
        if self.quick {
            out.push_str("<w:qFormat/>");
        }
        if self.kind == StyleKind::Paragraph {
            self.para.write(out);
        }
        self.run.write(out);
        out.push_str("</w:style>");
    }
}

/// The section: page size and margins in twips, the two headers' relationship ids.
pub struct Section<'a> {
    pub width: u32,
    pub height: u32,
    /// Top, right, bottom, left, header, footer.
    pub margins: [i32; 6],
    pub header: &'a str,
    pub first_header: &'a str,
    /// A right-to-left section: Word then puts the footnote separator and
    /// columns on the right.
    pub bidi: bool,
}

impl Section<'_> {
    pub fn write(&self, out: &mut String) {
        let [top, right, bottom, left, header, footer] = self.margins;
        let _ = write!(
            out,
            concat!(
                r#"<w:sectPr><w:headerReference w:type="default" r:id="{}"/>"#,
                r#"<w:headerReference w:type="first" r:id="{}"/>"#,
                r#"<w:pgSz {}w:w="{}" w:h="{}"/>"#,
                r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
                r#"<w:cols w:space="720"/><w:titlePg/>{}</w:sectPr>"#
            ),
            escape(self.header),
            escape(self.first_header),
            // Word prints by `w:orient`, not by the sizes.
            if self.width > self.height {
                r#"w:orient="landscape" "#
            } else {
                ""
            },
            self.width,
            self.height,
            top,
            right,
            bottom,
            left,
            header,
            footer,
            if self.bidi { "<w:bidi/>" } else { "" }
        );
    }
}

/// `<name attr="value" …/>`, values escaped.
fn empty(out: &mut String, name: &str, attrs: &[(&str, &str)]) {
    start(out, name, attrs);
    out.insert(out.len() - 1, '/');
}

/// A start tag.
fn start(out: &mut String, name: &str, attrs: &[(&str, &str)]) {
    out.push('<');
    out.push_str(name);
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_into(out, v);
        out.push('"');
    }
    out.push('>');
}

/// Ends the properties element opened with `open_tag` at `open`: closed
/// with `close_tag` if anything was written into it, taken back if not.
fn close(out: &mut String, open: usize, open_tag: &str, close_tag: &str) {
    if out.len() == open + open_tag.len() {
        out.truncate(open);
    } else {
        out.push_str(close_tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(p: &Para) -> String {
        let mut out = String::new();
        p.write(&mut out);
        out
    }

    /// Each `<w:NAME` of `order` appears in `out`, in that order.
    fn in_order(out: &str, order: &[&str]) {
        let at: Vec<usize> = order
            .iter()
            .map(|n| out.find(&format!("<w:{n}")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{out}");
    }

    #[test]
    fn paragraph_properties_follow_the_schema_sequence() {
        let p = Para {
            mark: None,
            props: ParaProps {
                style: Some("S"),
                keep_next: true,
                page_break_before: true,
                frame: Some(Frame {
                    width: 4000,
                    right: false,
                }),
                bottom_rule: Some(12),
                tabs: vec![(TabKind::Start, 1247)],
                bidi: true,
                spacing: Some(Spacing {
                    before: Some(0),
                    after: Some(120),
                    line: None,
                }),
                indent: Some(Indent {
                    start: Some(1247),
                    hanging: Some(624),
                    ..Indent::default()
                }),
                justify: Some(Justify::End),
                outline: Some(0),
            },
            runs: Vec::new(),
        };
        let out = para(&p);
        let order = [
            "pStyle",
            "keepNext",
            "pageBreakBefore",
            "framePr",
            "pBdr",
            "tabs",
            "bidi",
            "spacing",
            "ind",
            "jc",
            "outlineLvl",
        ];
        in_order(&out, &order);
    }

    #[test]
    fn run_properties_follow_the_schema_sequence() {
        let r = Run::new(RunProps {
            style: Some("C"),
            fonts: Some(Fonts {
                east_asia_hint: true,
                ..Fonts::default()
            }),
            bold: true,
            italic: true,
            size: Some(24),
            superscript: true,
            rtl: true,
            lang: Some(WordLang {
                val: "en-GB".into(),
                ..WordLang::default()
            }),
        });
        let mut out = String::new();
        r.write(&mut out);
        let order = [
            "rStyle",
            "rFonts",
            "b/",
            "bCs",
            "i/",
            "iCs",
            "sz ",
            "szCs",
            "vertAlign",
            "rtl",
            "lang",
        ];
        in_order(&out, &order);
    }

    #[test]
    fn style_children_follow_the_schema_sequence() {
        let mut s = Style::new(StyleKind::Paragraph, "UNTitle", "UN Title");
        s.based_on = Some("Normal");
        s.next = Some("UNTitle");
        s.quick = true;
        s.para.keep_next = true;
        s.run.bold = true;
        let mut out = String::new();
        s.write(&mut out);
        assert_eq!(
            out,
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="UNTitle"><w:name w:val="UN Title"/>"#,
                r#"<w:basedOn w:val="Normal"/><w:next w:val="UNTitle"/><w:qFormat/>"#,
                r#"<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#
            )
        );
    }

    #[test]
    fn text_is_escaped_and_no_break_hyphens_are_elements() {
        let p = Para {
            mark: None,
            props: ParaProps::default(),
            runs: vec![Run::default().text("MC\u{2011}3/11 & </w:t>\u{2011}")],
        };
        assert_eq!(
            para(&p),
            concat!(
                r#"<w:p><w:r><w:t xml:space="preserve">MC</w:t><w:noBreakHyphen/>"#,
                r#"<w:t xml:space="preserve">3/11 &amp; &lt;/w:t&gt;</w:t><w:noBreakHyphen/></w:r></w:p>"#
            )
        );
    }
}

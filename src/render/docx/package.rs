//! The package: every part of the DOCX, written directly in schema order,
//! and the zip that holds them.
//!
//! The parts are exactly the ones the document uses: no comments,
//! numbering or custom properties that nothing refers to, and the theme
//! part Word requires of every main document (its fonts are the
//! document's, so a theme font never overrides a style). Nothing here
//! reads a clock or a counter: equal documents give equal bytes.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Cursor, Seek, Write};

use super::body::Built;
use super::ooxml::{Content, Para, ParaProps, Run, RunProps, Section, Spacing, Style, escape};
use super::styles;

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What the package needs besides the paragraphs.
pub struct Meta<'a> {
    pub title: String,
    pub subject: String,
    /// Language code (`ru`), for `dc:language`.
    pub language: &'a str,
    pub styles: Vec<Style>,
    pub defaults: (RunProps, ParaProps),
    /// The faces of the document's text (Latin, East Asian, complex script).
    pub fonts: [&'static str; 3],
    /// Every face a style names, for the font table.
    pub all_fonts: Vec<&'static str>,
    /// A right-to-left document: the section is `w:bidi` and the footnote
    /// separators start on the right, like the notes.
    pub rtl: bool,
    /// A4 turned on its side, for a wide table.
    pub landscape: bool,
}

/// A part's path, content type and relationship type (from the document),
/// for the parts the main document relates.
struct Related {
    target: &'static str,
    content_type: &'static str,
    rel: &'static str,
}

const STYLES: Related = Related {
    target: "styles.xml",
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
};
const SETTINGS: Related = Related {
    target: "settings.xml",
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
};
const FONT_TABLE: Related = Related {
    target: "fontTable.xml",
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
};
const THEME: Related = Related {
    target: "theme/theme1.xml",
    content_type: "application/vnd.openxmlformats-officedocument.theme+xml",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
};
const FOOTNOTES: Related = Related {
    target: "footnotes.xml",
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
};
const HEADER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const HEADERS: [&str; 2] = ["header1.xml", "header2.xml"];

/// Where the parts go, in archive order: the zip, or a list of them
/// (the tests read the XML without unzipping).
pub trait Parts {
    /// Begins the part at `path`; `size` is its length when it is known
    /// before the part is written.
    fn start(&mut self, path: &str, size: Option<usize>) -> io::Result<()>;
    /// Appends to the part begun last.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
}

impl Parts for Vec<(String, Vec<u8>)> {
    fn start(&mut self, path: &str, size: Option<usize>) -> io::Result<()> {
        self.push((path.to_string(), Vec::with_capacity(size.unwrap_or(0))));
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some((_, part)) = self.last_mut() {
            part.extend_from_slice(bytes);
        }
        Ok(())
    }
}

/// A large part is handed on whenever this much of it is ready, so that
/// no part is ever whole in memory. Deflate's output depends on how its
/// input is cut, so a part written in chunks compresses to other (as
/// valid, as deterministic) bytes than the same part written at once: a
/// chunk this large keeps every real draft's file byte for byte what it
/// was when parts were made whole (`document.xml` is about twice the
/// source, so up to a draft of about 450 KiB), and costs a 10 MiB draft
/// a tenth of its size in memory.
const CHUNK: usize = 1 << 20;

/// A part being written: its XML so far, not yet handed on.
struct Part<'p> {
    parts: &'p mut dyn Parts,
    path: &'p str,
    xml: String,
    started: bool,
}

impl<'p> Part<'p> {
    fn new(parts: &'p mut dyn Parts, path: &'p str, xml: String) -> Self {
        Part {
            parts,
            path,
            xml,
            started: false,
        }
    }

    /// Hands the XML so far on once there is a chunk of it.
    fn spill(&mut self) -> io::Result<()> {
        if self.xml.len() < CHUNK {
            return Ok(());
        }
        if !self.started {
            self.parts.start(self.path, None)?;
            self.started = true;
        }
        self.parts.write(self.xml.as_bytes())?;
        self.xml.clear();
        Ok(())
    }

    /// Hands the rest on; a part never spilled is given with its size.
    fn finish(self) -> io::Result<()> {
        if !self.started {
            self.parts.start(self.path, Some(self.xml.len()))?;
        }
        self.parts.write(self.xml.as_bytes())
    }
}

/// A part made whole (the small ones).
fn whole(parts: &mut dyn Parts, path: &str, bytes: Vec<u8>) -> io::Result<()> {
    parts.start(path, Some(bytes.len()))?;
    parts.write(&bytes)
}

/// The parts the main document relates, and the ids of its two headers
/// (`rId1`… for the related parts, then the headers).
fn relations(has_footnotes: bool) -> (Vec<&'static Related>, [String; 2]) {
    let mut related = vec![&STYLES, &SETTINGS, &FONT_TABLE, &THEME];
    if has_footnotes {
        related.push(&FOOTNOTES);
    }
    let header_ids = [1, 2].map(|i| format!("rId{}", related.len() + i));
    (related, header_ids)
}

/// Writes every part, in archive order, to `parts`.
pub fn write(built: &Built, meta: &Meta, parts: &mut dyn Parts) -> io::Result<()> {
    let (related, header_ids) = relations(!built.footnotes.is_empty());
    head(meta, &related, parts)?;
    let mut part = Part::new(parts, DOCUMENT, String::new());
    document_start(&mut part.xml);
    for element in &built.body {
        element.write(&mut part.xml);
        part.spill()?;
    }
    document_end(meta, &header_ids, &mut part.xml);
    part.finish()?;
    tail(built, meta, &related, &header_ids, parts)
}

/// Writes every part, in archive order, into `zip`, the body's
/// paragraphs as `body` makes them (see `body::stream`). The main
/// document comes before the parts that say whether there are footnotes,
/// but is known to have them only once its last paragraph is made: it is
/// compressed into a scratch archive first, then copied, still
/// compressed, into its place.
pub fn write_streamed<W: Write + Seek>(
    body: impl FnOnce(&mut dyn FnMut(Para)) -> Built,
    meta: &Meta,
    zip: &mut Zip<W>,
) -> io::Result<()> {
    let mut scratch = Zip::new(Cursor::new(Vec::new()));
    let mut part = Part::new(&mut scratch, DOCUMENT, String::new());
    document_start(&mut part.xml);
    let mut failed = None;
    let built = body(&mut |p| {
        p.write(&mut part.xml);
        if failed.is_none() {
            failed = part.spill().err();
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let (related, header_ids) = relations(!built.footnotes.is_empty());
    document_end(meta, &header_ids, &mut part.xml);
    part.finish()?;
    let scratch = scratch.finish()?;
    let mut scratch = zip::ZipArchive::new(scratch).map_err(io::Error::other)?;
    head(meta, &related, zip)?;
    let document = scratch.by_index_raw(0).map_err(io::Error::other)?;
    zip.0.raw_copy_file(document).map_err(io::Error::other)?;
    tail(&built, meta, &related, &header_ids, zip)
}

const DOCUMENT: &str = "word/document.xml";

/// The parts before the main document.
fn head(meta: &Meta, related: &[&Related], parts: &mut dyn Parts) -> io::Result<()> {
    whole(parts, "[Content_Types].xml", content_types(related))?;
    whole(parts, "_rels/.rels", package_rels())?;
    whole(parts, "docProps/core.xml", core(meta))?;
    whole(parts, "docProps/app.xml", app())
}

/// The parts after the main document.
fn tail(
    built: &Built,
    meta: &Meta,
    related: &[&Related],
    header_ids: &[String; 2],
    parts: &mut dyn Parts,
) -> io::Result<()> {
    let has_footnotes = !built.footnotes.is_empty();
    whole(
        parts,
        "word/_rels/document.xml.rels",
        document_rels(related, header_ids),
    )?;
    whole(parts, "word/styles.xml", styles_part(meta))?;
    whole(
        parts,
        "word/settings.xml",
        settings(has_footnotes, built.tracked),
    )?;
    whole(parts, "word/fontTable.xml", font_table(&meta.all_fonts))?;
    whole(parts, "word/theme/theme1.xml", theme(meta.fonts))?;
    if has_footnotes {
        footnotes(built, meta.rtl, parts)?;
    }
    // The later-page header carries the symbol and the page number; the
    // first page's is empty, the masthead standing in its place.
    let first = Para::default();
    for (name, para) in HEADERS.iter().zip([&built.header, &first]) {
        whole(parts, &format!("word/{name}"), header(para))?;
    }
    Ok(())
}

fn content_types(related: &[&Related]) -> Vec<u8> {
    let mut out = String::from(XML_DECL);
    out.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    ));
    for r in related {
        let _ = write!(
            out,
            r#"<Override PartName="/word/{}" ContentType="{}"/>"#,
            r.target, r.content_type
        );
    }
    for h in HEADERS {
        let _ = write!(
            out,
            r#"<Override PartName="/word/{h}" ContentType="{HEADER}"/>"#
        );
    }
    out.push_str(concat!(
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
        "</Types>"
    ));
    out.into_bytes()
}

fn package_rels() -> Vec<u8> {
    format!(
        concat!(
            "{decl}<Relationships xmlns=\"{rel}\">",
            r#"<Relationship Id="rId1" Type="{office}/officeDocument" Target="word/document.xml"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="{office}/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>"
        ),
        decl = XML_DECL,
        rel = REL_NS,
        office = OFFICE_REL
    )
    .into_bytes()
}

fn document_rels(related: &[&Related], header_ids: &[String; 2]) -> Vec<u8> {
    let mut out = format!("{XML_DECL}<Relationships xmlns=\"{REL_NS}\">");
    for (i, r) in related.iter().enumerate() {
        let _ = write!(
            out,
            r#"<Relationship Id="rId{}" Type="{}" Target="{}"/>"#,
            i + 1,
            r.rel,
            r.target
        );
    }
    for (id, target) in header_ids.iter().zip(HEADERS) {
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{OFFICE_REL}/header" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out.into_bytes()
}

/// Title, subject (the symbol), creator and language; no dates, which
/// would make two builds differ.
fn core(meta: &Meta) -> Vec<u8> {
    format!(
        concat!(
            "{}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>draftdec</dc:creator>",
            "<dc:language>{}</dc:language><cp:revision>1</cp:revision></cp:coreProperties>"
        ),
        XML_DECL,
        escape(&meta.title),
        escape(&meta.subject),
        escape(meta.language)
    )
    .into_bytes()
}

fn app() -> Vec<u8> {
    format!(
        concat!(
            "{}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">",
            "<Application>draftdec</Application></Properties>"
        ),
        XML_DECL
    )
    .into_bytes()
}

fn root(name: &str) -> String {
    format!("{XML_DECL}<{name} xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">")
}

fn document_start(out: &mut String) {
    out.push_str(&root("w:document"));
    out.push_str("<w:body>");
}

/// The section's properties, which close the body.
fn document_end(meta: &Meta, header_ids: &[String; 2], out: &mut String) {
    let (width, height) = if meta.landscape {
        (styles::PAGE_HEIGHT, styles::PAGE_WIDTH)
    } else {
        (styles::PAGE_WIDTH, styles::PAGE_HEIGHT)
    };
    Section {
        width,
        height,
        margins: [
            styles::MARGIN_TOP,
            styles::MARGIN_RIGHT,
            styles::MARGIN_BOTTOM,
            styles::MARGIN_LEFT,
            styles::MARGIN_HEADER,
            styles::MARGIN_FOOTER,
        ],
        header: &header_ids[0],
        first_header: &header_ids[1],
        bidi: meta.rtl,
    }
    .write(out);
    out.push_str("</w:body></w:document>");
}

fn styles_part(meta: &Meta) -> Vec<u8> {
    let mut out = root("w:styles");
    out.push_str("<w:docDefaults><w:rPrDefault>");
    meta.defaults.0.write(&mut out);
    out.push_str("</w:rPrDefault><w:pPrDefault>");
    meta.defaults.1.write(&mut out);
    out.push_str("</w:pPrDefault></w:docDefaults>");
    for s in &meta.styles {
        s.write(&mut out);
    }
    out.push_str("</w:styles>");
    out.into_bytes()
}

/// `w:settings` in `CT_Settings` order. The compatibility options are
/// Word 2013's (mode 15) with the East Asian layout flags Word writes for
/// documents that may hold CJK text.
fn settings(has_footnotes: bool, tracked: bool) -> Vec<u8> {
    let mut out = root("w:settings");
    out.push_str(r#"<w:zoom w:percent="100"/>"#);
    if tracked {
        out.push_str("<w:trackRevisions/>");
    }
    out.push_str(concat!(
        r#"<w:defaultTabStop w:val="720"/>"#,
        r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
    ));
    if has_footnotes {
        out.push_str(
            r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#,
        );
    }
    out.push_str(concat!(
        "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>",
        "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:useFELayout/>",
        r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
        r#"<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
        r#"<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
        r#"<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
        "</w:compat></w:settings>"
    ));
    out.into_bytes()
}

/// The faces the styles name, each once.
fn font_table(fonts: &[&'static str]) -> Vec<u8> {
    let mut out = root("w:fonts");
    let unique: BTreeSet<&str> = fonts.iter().copied().collect();
    for f in unique {
        let _ = write!(out, r#"<w:font w:name="{}"/>"#, escape(f));
    }
    out.push_str("</w:fonts>");
    out.into_bytes()
}

/// The smallest complete theme: Office's colours, the document's own faces
/// as the theme fonts, plain fills and lines.
fn theme(fonts: [&'static str; 3]) -> Vec<u8> {
    let [latin, east_asia, cs] = fonts.map(escape);
    let face = format!(
        r#"<a:latin typeface="{latin}"/><a:ea typeface="{east_asia}"/><a:cs typeface="{cs}"/>"#
    );
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let three = |s: &str| s.repeat(3);
    let line = format!(r#"<a:ln w="6350">{fill}</a:ln>"#);
    // Office's colours: a theme must name all twelve.
    let colours = concat!(
        r#"<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>"#,
        r#"<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>"#,
        r#"<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>"#,
        r#"<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>"#,
        r#"<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>"#
    );
    format!(
        concat!(
            "{decl}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"draftdec\">",
            "<a:themeElements><a:clrScheme name=\"Office\">",
            "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>",
            "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>{colours}</a:clrScheme>",
            "<a:fontScheme name=\"draftdec\"><a:majorFont>{face}</a:majorFont><a:minorFont>{face}</a:minorFont></a:fontScheme>",
            "<a:fmtScheme name=\"Office\"><a:fillStyleLst>{fills}</a:fillStyleLst><a:lnStyleLst>{lines}</a:lnStyleLst>",
            "<a:effectStyleLst>{effects}</a:effectStyleLst><a:bgFillStyleLst>{fills}</a:bgFillStyleLst></a:fmtScheme>",
            "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        ),
        decl = XML_DECL,
        colours = colours,
        face = face,
        fills = three(fill),
        lines = three(&line),
        effects = three("<a:effectStyle><a:effectLst/></a:effectStyle>"),
    )
    .into_bytes()
}

/// Separator and continuation separator (Word draws the line above the
/// notes with them), then the notes.
fn footnotes(built: &Built, rtl: bool, parts: &mut dyn Parts) -> io::Result<()> {
    let mut part = Part::new(parts, "word/footnotes.xml", root("w:footnotes"));
    let out = &mut part.xml;
    for (id, kind, content) in [
        (-1, "separator", Content::Separator),
        (0, "continuationSeparator", Content::ContinuationSeparator),
    ] {
        let _ = write!(out, r#"<w:footnote w:type="{kind}" w:id="{id}">"#);
        Para {
            mark: None,
            props: ParaProps {
                bidi: rtl,
                spacing: Some(Spacing {
                    before: None,
                    after: Some(0),
                    line: Some(240),
                }),
                ..ParaProps::default()
            },
            runs: vec![Run::default().with(content)],
        }
        .write(out);
        out.push_str("</w:footnote>");
    }
    for (id, p) in &built.footnotes {
        let _ = write!(part.xml, r#"<w:footnote w:id="{id}">"#);
        p.write(&mut part.xml);
        part.xml.push_str("</w:footnote>");
        part.spill()?;
    }
    part.xml.push_str("</w:footnotes>");
    part.finish()
}

fn header(p: &Para) -> Vec<u8> {
    let mut out = root("w:hdr");
    p.write(&mut out);
    out.push_str("</w:hdr>");
    out.into_bytes()
}

/// The zip: entries in a fixed order with a fixed timestamp (1980-01-01)
/// and permissions, so equal input gives equal bytes.
pub struct Zip<W: Write + Seek>(zip::ZipWriter<W>);

/// Parts smaller than this are stored as they are: setting up a deflate
/// stream costs more than it saves on a part of a few hundred bytes (a
/// quarter of a small note's build went into it).
const STORED_BELOW: usize = 4096;

impl<W: Write + Seek> Zip<W> {
    pub fn new(out: W) -> Self {
        Zip(zip::ZipWriter::new(out))
    }

    /// Writes the central directory; the archive is complete.
    pub fn finish(self) -> io::Result<W> {
        self.0.finish().map_err(io::Error::other)
    }
}

impl<W: Write + Seek> Parts for Zip<W> {
    fn start(&mut self, path: &str, size: Option<usize>) -> io::Result<()> {
        let method = match size {
            Some(n) if n < STORED_BELOW => zip::CompressionMethod::Stored,
            _ => zip::CompressionMethod::Deflated,
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        self.0.start_file(path, options).map_err(io::Error::other)
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }
}

//! The one layer over docx-rs 0.4.22.
//!
//! docx-rs builds the document; `Docx::build` hands back its parts as XML
//! (`XMLDocx`); this module rewrites those parts where docx-rs falls short
//! and packs them itself. Every gap is closed here and nowhere else, so a
//! docx-rs upgrade means re-reading one file (see `docs/docx.md`):
//!
//! - **numbering**: docx-rs always writes an abstract numbering and a `w:num`
//!   with id 1 that shadow a user definition with the same id. draftdec
//!   prints the numbers the compiler resolved as text, never as Word lists
//!   (Word would renumber them and break every "paragraph 4 (b)"), so the
//!   numbering part is replaced by an empty one.
//! - **footnotes**: docx-rs writes footnote bodies without `<w:footnoteRef/>`
//!   (so the footnote area shows no number) and no separator footnotes. The
//!   layer adds the separator (`w:id="-1"`) and continuation separator
//!   (`w:id="0"`), announces them in settings, and opens each footnote's first
//!   paragraph with its number mark. Footnote ids are fixed by the caller
//!   (docx-rs's global counter is never used).
//! - **ids**: docx-rs numbers `w14:paraId` from a thread-local counter, so two
//!   renders in one thread differ. They are optional and dropped.
//! - **language and direction**: docx-rs has no API for `w:lang` or `w:rtl`.
//!   The layer writes `w:lang` (Latin, East Asian and complex-script
//!   locales from the language's `Typography`) into the document defaults
//!   and English into the styles that print English in every version; it
//!   adds `w:rtl` to every run the body builder marked as complex script
//!   (`w:rFonts w:hint="cs"`: the builder cuts right-to-left text into runs
//!   by direction, so a Latin symbol inside Arabic text stays a
//!   left-to-right run). Paragraph direction (`w:bidi`) is docx-rs's own.
//! - **no-break hyphens**: docx-rs has no `w:noBreakHyphen`; each U+2011 in
//!   a run's text becomes one, so a decision symbol never breaks across
//!   lines and Word prints the font's own hyphen.
//! - **properties**: docx-rs cannot set `dc:title`, `dc:subject` or
//!   `dc:language` and stamps dates; `docProps/core.xml` is written here,
//!   without dates.
//! - **packing**: entries are written in a fixed order with a fixed timestamp
//!   (1980-01-01) and fixed permissions, so equal input gives equal bytes.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesStart, Event};

/// What the layer needs to know about the document.
#[derive(Debug, Default, Clone)]
pub struct Fixes {
    pub title: String,
    pub subject: String,
    /// Language code (`ru`), for `dc:language`.
    pub language: String,
    /// `w:lang`'s `w:val`, `w:eastAsia` and `w:bidi` (`en-GB`, `zh-CN`, `ar-SA`).
    pub word_lang: [String; 3],
    /// Right-to-left document: the footnote separators are `w:bidi` too, so
    /// their rule starts on the right like the notes.
    pub rtl: bool,
    /// Styles whose text has a language of its own, with its `w:lang`
    /// (`UNDistribution`, `en-GB` in an Arabic document).
    pub style_langs: Vec<(&'static str, String)>,
    /// Whether the body references a footnote (docx-rs then relates the
    /// footnotes part; settings may only name separators that exist).
    pub has_footnotes: bool,
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The separator and continuation-separator footnotes Word expects before
/// the real ones; without them Word draws no line above the footnotes.
fn separators(rtl: bool) -> String {
    let bidi = if rtl { "<w:bidi/>" } else { "" };
    format!(
        concat!(
            r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>{bidi}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
            r#"<w:r><w:separator/></w:r></w:p></w:footnote>"#,
            r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>{bidi}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>"#,
            r#"<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
        ),
        bidi = bidi
    )
}

const FOOTNOTE_PR: &str =
    r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#;

/// The fixed parts, in archive order, with their paths.
pub fn fix_parts(xml: XMLDocx, fixes: &Fixes) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), core_xml(fixes)),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        (
            "word/document.xml".into(),
            fix_runs(&drop_para_ids(&xml.document)),
        ),
        ("word/styles.xml".into(), fix_styles(&xml.styles, fixes)),
        (
            "word/settings.xml".into(),
            if fixes.has_footnotes {
                fix_settings(&xml.settings)
            } else {
                xml.settings
            },
        ),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), empty_numbering()),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        (
            "word/footnotes.xml".into(),
            fix_runs(&fix_footnotes(&xml.footnotes, fixes)),
        ),
    ];
    for (i, h) in xml.headers.iter().enumerate() {
        parts.push((
            format!("word/header{}.xml", i + 1),
            fix_runs(&drop_para_ids(h)),
        ));
        if let Some(rels) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, f) in xml.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), drop_para_ids(f)));
        if let Some(rels) = xml.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }
    parts
}

/// Writes `parts` as a ZIP archive with fixed metadata.
pub fn pack(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    // Setting up a deflate stream costs more than it saves on a part of a
    // few hundred bytes (a quarter of a small note's build went into it):
    // small parts are stored as they are.
    let stored = options.compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in parts {
        let options = if bytes.len() < 4096 { stored } else { options };
        // Writing to memory cannot fail short of allocation failure; a
        // failed entry would be reported by LibreOffice's repair prompt,
        // which the tests check for.
        if zip.start_file(path.as_str(), options).is_ok() {
            let _ = zip.write_all(bytes);
        }
    }
    match zip.finish() {
        Ok(cursor) => cursor.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// Streams `part` through `edit`, which writes each event (possibly changed,
/// possibly with extra markup) given the names of the open ancestors. On
/// malformed input (docx-rs never produces it) the part is returned as is.
fn transform<F>(part: &[u8], mut edit: F) -> Vec<u8>
where
    F: FnMut(&[Vec<u8>], Event<'_>, &mut Writer<Vec<u8>>) -> std::io::Result<()>,
{
    let mut run = || -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut reader = Reader::from_reader(part);
        let mut writer = Writer::new(Vec::with_capacity(part.len() + 1024));
        let mut stack: Vec<Vec<u8>> = Vec::new();
        loop {
            let event = reader.read_event()?;
            match &event {
                Event::Eof => break,
                Event::Start(e) => {
                    let name = e.name().as_ref().to_vec();
                    edit(&stack, event, &mut writer)?;
                    stack.push(name);
                }
                Event::End(_) => {
                    stack.pop();
                    edit(&stack, event, &mut writer)?;
                }
                _ => edit(&stack, event, &mut writer)?,
            }
        }
        Ok(writer.into_inner())
    };
    run().unwrap_or_else(|_| part.to_vec())
}

fn raw(writer: &mut Writer<Vec<u8>>, markup: &str) {
    writer.get_mut().extend_from_slice(markup.as_bytes());
}

/// `start` without its `w14:paraId` attribute.
fn without_para_id<'a>(start: &BytesStart<'a>) -> BytesStart<'static> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for attr in start.attributes().flatten() {
        if attr.key.as_ref() != b"w14:paraId" {
            out.push_attribute(attr);
        }
    }
    out.into_owned()
}

fn is_para(e: &BytesStart<'_>) -> bool {
    e.name().as_ref() == b"w:p"
}

fn drop_para_ids(part: &[u8]) -> Vec<u8> {
    transform(part, |_, event, w| match event {
        Event::Start(e) if is_para(&e) => w.write_event(Event::Start(without_para_id(&e))),
        Event::Empty(e) if is_para(&e) => w.write_event(Event::Empty(without_para_id(&e))),
        other => w.write_event(other),
    })
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// Runs in `document.xml`, `footnotes.xml` and the headers: `w:rtl` on the
/// runs the builder marked as complex script, and Word's no-break hyphen
/// for each U+2011.
fn fix_runs(part: &[u8]) -> Vec<u8> {
    const NB_HYPHEN: &str = "\u{2011}";
    let mut complex = false;
    transform(part, |stack, event, w| match event {
        Event::Empty(e)
            if e.name().as_ref() == b"w:rFonts"
                && stack.len() >= 2
                && stack[stack.len() - 2] == b"w:r"
                && attr(&e, b"w:hint").as_deref() == Some("cs") =>
        {
            complex = true;
            w.write_event(Event::Empty(e))
        }
        Event::End(e) if e.name().as_ref() == b"w:rPr" => {
            // `w:rtl` sits late in the run properties, after the fonts.
            if std::mem::take(&mut complex) {
                raw(w, "<w:rtl/>");
            }
            w.write_event(Event::End(e))
        }
        Event::Text(t)
            if stack.last().is_some_and(|n| n == b"w:t")
                && t.windows(3).any(|b| b == NB_HYPHEN.as_bytes()) =>
        {
            // Text bytes are escaped already and U+2011 is never escaped, so
            // the text is cut on the bytes and the run's `w:t` reopened.
            let text = String::from_utf8_lossy(&t).into_owned();
            let mut pieces = text.split(NB_HYPHEN);
            raw(w, pieces.next().unwrap_or(""));
            for piece in pieces {
                raw(w, "</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">");
                raw(w, piece);
            }
            Ok(())
        }
        other => w.write_event(other),
    })
}

/// `footnotes.xml`: separators first, then each footnote opened by its mark.
fn fix_footnotes(part: &[u8], fixes: &Fixes) -> Vec<u8> {
    // The mark to insert once the current footnote's first paragraph has its
    // properties written (`w:pPr` must stay the paragraph's first child).
    let mut mark: Option<String> = None;
    const MARK_RUN: &str =
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>"#;
    transform(part, |stack, event, w| match event {
        Event::Start(e) if e.name().as_ref() == b"w:footnotes" => {
            w.write_event(Event::Start(e))?;
            raw(w, &separators(fixes.rtl));
            Ok(())
        }
        Event::Empty(e) if e.name().as_ref() == b"w:footnotes" => {
            w.write_event(Event::Start(e.clone()))?;
            raw(w, &separators(fixes.rtl));
            raw(w, "</w:footnotes>");
            Ok(())
        }
        Event::Start(e) if e.name().as_ref() == b"w:footnote" => {
            mark = Some(MARK_RUN.to_string());
            w.write_event(Event::Start(e))
        }
        Event::Start(e) if is_para(&e) => w.write_event(Event::Start(without_para_id(&e))),
        Event::Empty(e) if is_para(&e) => {
            // An empty first paragraph still gets its mark.
            match mark.take() {
                Some(m) => {
                    w.write_event(Event::Start(without_para_id(&e)))?;
                    raw(w, &m);
                    raw(w, "</w:p>");
                    Ok(())
                }
                None => w.write_event(Event::Empty(without_para_id(&e))),
            }
        }
        Event::End(e) if e.name().as_ref() == b"w:pPr" => {
            w.write_event(Event::End(e))?;
            if stack.last().is_some_and(|n| n == b"w:p")
                && let Some(m) = mark.take()
            {
                raw(w, &m);
            }
            Ok(())
        }
        Event::Empty(e) if e.name().as_ref() == b"w:pPr" => {
            w.write_event(Event::Empty(e))?;
            if let Some(m) = mark.take() {
                raw(w, &m);
            }
            Ok(())
        }
        Event::Start(e) if e.name().as_ref() == b"w:r" => {
            // A first paragraph without properties: the mark opens it.
            if let Some(m) = mark.take() {
                raw(w, &m);
            }
            w.write_event(Event::Start(e))
        }
        other => w.write_event(other),
    })
}

/// `styles.xml`: languages on the document defaults; English on the styles
/// that print English in every version.
fn fix_styles(part: &[u8], fixes: &Fixes) -> Vec<u8> {
    let [val, east_asia, bidi] = fixes.word_lang.each_ref().map(|l| escape(l));
    let default_rpr =
        format!("<w:lang w:val=\"{val}\" w:eastAsia=\"{east_asia}\" w:bidi=\"{bidi}\"/>");
    let mut style_id: Option<String> = None;
    let extra_rpr = |stack: &[Vec<u8>], style_id: &Option<String>| -> Option<String> {
        let parent = stack.last()?;
        if parent == b"w:rPrDefault" {
            return Some(default_rpr.clone());
        }
        if parent == b"w:style" {
            let id = style_id.as_deref()?;
            if let Some((_, lang)) = fixes.style_langs.iter().find(|(s, _)| *s == id) {
                return Some(format!("<w:lang w:val=\"{}\"/>", escape(lang)));
            }
        }
        None
    };
    transform(part, |stack, event, w| match event {
        Event::Start(e) if e.name().as_ref() == b"w:style" => {
            style_id = attr(&e, b"w:styleId");
            w.write_event(Event::Start(e))
        }
        Event::End(e) if e.name().as_ref() == b"w:rPr" => {
            // `stack` no longer holds `w:rPr`: its last entry is the parent.
            if let Some(extra) = extra_rpr(stack, &style_id) {
                raw(w, &extra);
            }
            w.write_event(Event::End(e))
        }
        Event::Empty(e) if e.name().as_ref() == b"w:rPr" => match extra_rpr(stack, &style_id) {
            Some(extra) => {
                raw(w, &format!("<w:rPr>{extra}</w:rPr>"));
                Ok(())
            }
            None => w.write_event(Event::Empty(e)),
        },
        other => w.write_event(other),
    })
}

/// `settings.xml`: announce the separator footnotes (`w:footnotePr` comes
/// right before `w:compat` in the schema's order).
fn fix_settings(part: &[u8]) -> Vec<u8> {
    transform(part, |_, event, w| match event {
        Event::Start(e) if e.name().as_ref() == b"w:compat" => {
            raw(w, FOOTNOTE_PR);
            w.write_event(Event::Start(e))
        }
        Event::Empty(e) if e.name().as_ref() == b"w:compat" => {
            raw(w, FOOTNOTE_PR);
            w.write_event(Event::Empty(e))
        }
        other => w.write_event(other),
    })
}

fn empty_numbering() -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W_NS}\"/>"
    )
    .into_bytes()
}

fn core_xml(fixes: &Fixes) -> Vec<u8> {
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>draftdec</dc:creator>",
            "<dc:language>{}</dc:language><cp:revision>1</cp:revision></cp:coreProperties>"
        ),
        escape(&fixes.title),
        escape(&fixes.subject),
        escape(&fixes.language)
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(b: Vec<u8>) -> String {
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn footnotes_get_separators_and_marks() {
        let part = br#"<?xml version="1.0"?><w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p w14:paraId="00000001"><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>B</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let out = s(fix_footnotes(part, &Fixes::default()));
        assert!(out.contains(r#"w:type="separator" w:id="-1""#), "{out}");
        assert!(out.contains(r#"w:type="continuationSeparator" w:id="0""#));
        assert!(out.contains(r#"</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t>A</w:t>"#), "{out}");
        assert!(out.contains(r#"<w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t>B</w:t>"#), "{out}");
        assert!(!out.contains("paraId"));
        assert_eq!(out.matches("<w:footnoteRef/>").count(), 2);
    }

    #[test]
    fn styles_get_language_and_direction() {
        let part = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:styleId="UNDistribution"><w:rPr/></w:style><w:style w:styleId="Other"><w:rPr><w:b/></w:rPr></w:style></w:styles>"#;
        let fixes = Fixes {
            language: "ar".into(),
            word_lang: ["en-GB".into(), "zh-CN".into(), "ar-SA".into()],
            rtl: true,
            style_langs: vec![("UNDistribution", "en-GB".into())],
            ..Fixes::default()
        };
        let out = s(fix_styles(part, &fixes));
        assert!(out.contains(r#"<w:sz w:val="20"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>"#), "{out}");
        // Direction is per run and per paragraph, never a default: the
        // English masthead lines of an Arabic document are left to right.
        assert!(
            !out.contains("<w:rtl/>") && !out.contains("<w:bidi/>"),
            "{out}"
        );
        assert!(
            out.contains(r#"w:styleId="UNDistribution"><w:rPr><w:lang w:val="en-GB"/></w:rPr>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"w:styleId="Other"><w:rPr><w:b/></w:rPr>"#),
            "{out}"
        );
    }

    #[test]
    fn complex_script_runs_turn_rtl_and_no_break_hyphens_become_elements() {
        let part = "<w:document><w:body><w:p><w:r><w:rPr><w:rFonts w:hint=\"cs\"/></w:rPr><w:t>يشير</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">MC\u{2011}3/11 &amp; x\u{2011}y</w:t></w:r></w:p></w:body></w:document>";
        let out = s(fix_runs(part.as_bytes()));
        assert!(
            out.contains(r#"<w:rFonts w:hint="cs"/><w:rtl/></w:rPr><w:t>يشير"#),
            "{out}"
        );
        assert_eq!(out.matches("<w:rtl/>").count(), 1, "{out}");
        assert!(out.contains(r#"<w:t xml:space="preserve">MC</w:t><w:noBreakHyphen/><w:t xml:space="preserve">3/11 &amp; x</w:t><w:noBreakHyphen/><w:t xml:space="preserve">y</w:t>"#), "{out}");
        assert!(!out.contains('\u{2011}'));
    }

    #[test]
    fn right_to_left_separators_are_bidi() {
        assert!(separators(true).contains("<w:pPr><w:bidi/><w:spacing"));
        assert!(!separators(false).contains("bidi"));
    }

    #[test]
    fn settings_announce_separators_before_compat() {
        let out = s(fix_settings(
            b"<w:settings><w:zoom/><w:compat><w:x/></w:compat></w:settings>",
        ));
        assert!(out.contains("<w:zoom/><w:footnotePr>"), "{out}");
        assert!(out.contains("</w:footnotePr><w:compat>"), "{out}");
    }

    #[test]
    fn core_properties_are_escaped() {
        let fixes = Fixes {
            title: "A </dc:title> & ]]>".into(),
            subject: "S".into(),
            language: "ru".into(),
            ..Fixes::default()
        };
        let out = s(core_xml(&fixes));
        assert!(
            out.contains("<dc:title>A &lt;/dc:title&gt; &amp; ]]&gt;</dc:title>"),
            "{out}"
        );
        assert!(out.contains("<dc:language>ru</dc:language>"));
    }
}

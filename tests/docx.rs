//! DOCX backend: well-formed parts, golden snapshots, footnotes, styles,
//! escaping, determinism. The LibreOffice round trip is in
//! `docx_libreoffice.rs`.

mod common;

use std::io::Read;

use common::docx_parts;
use draftdec::ast::*;
use draftdec::render::docx;
use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::Event;

/// The seed example, compiled.
fn seed() -> Document {
    common::compile_file("examples/cooperation.ru.draft")
}

/// Parses `xml` completely; panics with the part's name on any error.
fn check_well_formed(name: &str, xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0i32;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(_)) if depth == 0 => roots += 1,
            Ok(Event::Text(t)) => {
                // Every entity in text must resolve.
                t.xml10_content()
                    .unwrap_or_else(|e| panic!("{name}: bad text {e}"));
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{name}: not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
    assert_eq!(roots, 1, "{name}: expected one root element");
    for c in xml.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r')
            || (c as u32) >= 0x20 && c != '\u{FFFE}' && c != '\u{FFFF}';
        assert!(
            ok,
            "{name}: character U+{:04X} is not allowed in XML 1.0",
            c as u32
        );
    }
}

/// Indented XML for snapshots (docx-rs writes no whitespace between tags,
/// so nothing is lost by re-indenting).
fn pretty(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            e => writer.write_event(e).unwrap(),
        }
    }
    String::from_utf8(writer.into_inner()).unwrap()
}

/// The text of every `w:t` of `xml`, unescaped, one string per paragraph.
fn paragraph_texts(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_t = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:p" => out.push(String::new()),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Empty(e) if e.name().as_ref() == b"w:footnoteReference" => {
                if let Some(last) = out.last_mut() {
                    last.push_str("[fn]");
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => {
                if let Some(last) = out.last_mut() {
                    last.push('\t');
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"w:noBreakHyphen" => {
                if let Some(last) = out.last_mut() {
                    last.push('\u{2011}');
                }
            }
            Event::Text(t) if in_t => {
                let text = t.xml10_content().unwrap().into_owned();
                out.last_mut().unwrap().push_str(&text);
            }
            Event::GeneralRef(r) if in_t => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => match &*r.decode().unwrap() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unknown entity {other}"),
                    },
                };
                out.last_mut().unwrap().push_str(&c);
            }
            _ => {}
        }
    }
    out
}

/// The `w:pStyle` of every body paragraph, in order.
fn paragraph_styles(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                let v = e.try_get_attribute("w:val").unwrap().unwrap();
                out.push(String::from_utf8(v.value.to_vec()).unwrap());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_part_of_every_example_is_well_formed() {
    for (name, doc) in common::compiled_examples() {
        for (part, xml) in docx_parts(&doc) {
            check_well_formed(&format!("{name}:{part}"), &xml);
        }
    }
    for (part, xml) in docx_parts(&hand_built()) {
        check_well_formed(&format!("hand-built:{part}"), &xml);
    }
}

/// Every DOCX this suite pins (the examples, the fixtures, the hand-built
/// document) and one that omits everything optional.
fn every_golden_document() -> Vec<(String, Document)> {
    let mut out = common::compiled_examples();
    for path in common::files_in("tests/fixtures", ".draft") {
        out.push((common::stem(&path), common::compile_file(&path)));
    }
    out.push(("hand-built".into(), hand_built()));
    out.push(("empty".into(), empty_arabic()));
    out
}

/// A document with nothing in it, right to left.
fn empty_arabic() -> Document {
    Document {
        language: Lang::Ar,
        meta: Masthead::default(),
        body: vec![],
        annexes: vec![],
        footnotes: vec![],
        presentation: Presentation::default(),
        span: sp(),
    }
}

/// Word refuses, or silently repairs, what the Open XML SDK's validator
/// rejects: every file must pass `openxml-audit` (a port of that validator)
/// with Microsoft 365's rules and no error at all. Under CI the tool must
/// be there (`.ci/run` installs it); elsewhere its absence skips the test
/// with a message (`Tool::require`).
#[test]
fn every_docx_passes_the_open_xml_sdk_rules() {
    let Some(tool) = common::OPENXML_AUDIT.require() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let documents = every_golden_document();
    for (name, doc) in &documents {
        std::fs::write(dir.path().join(format!("{name}.docx")), docx::render(doc)).unwrap();
    }
    let (reports, success) = common::openxml_audit(&tool, dir.path());
    assert_eq!(reports.len(), documents.len(), "{reports:#?}");
    let mut failures = Vec::new();
    for r in &reports {
        if r["error_count"] != 0 || r["valid"] != true {
            for e in r["errors"].as_array().into_iter().flatten() {
                failures.push(format!(
                    "{}: {} {} ({})",
                    r["file"], e["part_uri"], e["path"], e["description"]
                ));
            }
            if failures.is_empty() {
                failures.push(format!("{}: {}", r["file"], r["verdict"]));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(success);
}

/// Word asks to repair a file whose styles share an id; single spacing must
/// say `auto`, or LibreOffice reads it as an exact height and large type
/// overlaps.
#[test]
fn style_ids_are_unique_and_single_spacing_is_auto() {
    for (name, doc) in common::compiled_examples() {
        let styles = &docx_parts(&doc)["word/styles.xml"];
        let mut ids: Vec<&str> = styles
            .split("w:styleId=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "{name}: a style id is used twice");
        assert!(
            styles.contains(r#"w:line="240" w:lineRule="auto""#),
            "{name}: default spacing"
        );
    }
}

#[test]
fn golden_snapshots_of_every_example() {
    for (name, doc) in common::compiled_examples() {
        let p = docx_parts(&doc);
        for part in ["document", "styles", "footnotes"] {
            // A document that places no footnote has no footnotes part.
            let xml = p.get(&format!("word/{part}.xml"));
            insta::assert_snapshot!(
                format!("{name}__{part}"),
                xml.map_or_else(|| "(no part)".to_string(), |x| pretty(x))
            );
        }
    }
}

#[test]
fn golden_snapshots_of_the_hand_built_document() {
    let p = docx_parts(&hand_built());
    insta::assert_snapshot!("hand_built__document", pretty(&p["word/document.xml"]));
    insta::assert_snapshot!("hand_built__footnotes", pretty(&p["word/footnotes.xml"]));
}

#[test]
fn seed_masthead_and_body_in_order() {
    let p = docx_parts(&seed());
    let texts = paragraph_texts(&p["word/document.xml"]);
    let styles = paragraph_styles(&p["word/document.xml"]);
    assert_eq!(texts.len(), styles.len(), "every paragraph has a style");
    let expect = [
        (
            "UNMastheadTop",
            "Организация Объединенных Наций\tUNEP/MC/COP.6/21",
        ),
        (
            "UNOrgan",
            "Программа Организации Объединенных Наций по окружающей среде",
        ),
        ("UNDistribution", "Distr.: General"),
        ("UNDistribution", "20 August 2025"),
        ("UNDistribution", "Russian"),
        ("UNDistribution", "Original: English"),
        ("UNMastheadRule", ""),
        ("UNBody", "Конференция Сторон Минаматской конвенции о ртути"),
        ("UNBody", "Шестое совещание"),
        ("UNMeeting", "Женева, 3–7 ноября 2025 года"),
        ("UNMeeting", "Пункт 5 c) предварительной повестки дня[fn]"),
    ];
    for (i, (style, text)) in expect.iter().enumerate() {
        assert_eq!(
            (styles[i].as_str(), texts[i].as_str()),
            (*style, *text),
            "line {i}"
        );
    }
    assert_eq!(styles[11], "UNAgendaTitle");
    assert_eq!(styles[12], "UNTitle");
    assert!(texts[12].starts_with("Сотрудничество и координация"));
    assert_eq!(
        (styles[13].as_str(), texts[13].as_str()),
        ("UNKind", "Записка секретариата")
    );
    assert_eq!(
        (styles[14].as_str(), texts[14].as_str()),
        ("UNHeading1", "I.\tВведение")
    );
    // Decision symbols print Word's no-break hyphen.
    assert!(texts[15].starts_with("1.\tВ решениях МК\u{2011}3/11"));
    assert_eq!(styles[15], "UNParagraph");

    // The draft decision: formula, two preambular clauses, four operative
    // paragraphs numbered as resolved, three sub-paragraphs `a)`…`c)`.
    let count = |s: &str| styles.iter().filter(|x| *x == s).count();
    assert_eq!(count("UNFormula"), 1);
    assert_eq!(count("UNPreamble"), 2);
    assert_eq!(count("UNOperative"), 4);
    assert_eq!(count("UNSubparagraph1"), 3);
    assert_eq!(count("UNParagraph"), 6);
    assert_eq!(count("UNHeading1"), 3);
    let ops: Vec<&String> = texts
        .iter()
        .zip(&styles)
        .filter(|(_, s)| *s == "UNOperative")
        .map(|(t, _)| t)
        .collect();
    assert!(ops[0].starts_with("1.\tпринимает к сведению совместный доклад"));
    assert!(ops[3].starts_with("4.\tпоручает Исполнительному секретарю:"));
    let subs: Vec<&String> = texts
        .iter()
        .zip(&styles)
        .filter(|(_, s)| *s == "UNSubparagraph1")
        .map(|(t, _)| t)
        .collect();
    assert!(subs[0].starts_with("a)\tпродолжать"));
    assert!(subs[2].starts_with("c)\tпредставить доклад"));
}

#[test]
fn opening_words_are_italic_through_a_character_style() {
    let p = docx_parts(&seed());
    let doc = &p["word/document.xml"];
    for opening in [
        "признавая",
        "ссылаясь на",
        "принимает к сведению",
        "вновь подтверждает",
        "приветствует",
        "поручает",
    ] {
        let run = format!(
            r#"<w:r><w:rPr><w:rStyle w:val="UNOpening"/></w:rPr><w:t xml:space="preserve">{opening}</w:t></w:r>"#
        );
        assert!(doc.contains(&run), "no italic opening {opening}");
    }
    // `*поручает*` marked by the drafter inside paragraph 3: direct italics.
    assert!(
        doc.contains(r#"<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">поручает</w:t>"#)
    );
    let styles = &p["word/styles.xml"];
    assert!(styles.contains(r#"w:styleId="UNOpening""#));
    assert!(!doc.contains("<w:ind "), "indents belong in styles");
    assert!(!doc.contains("<w:sz "), "sizes belong in styles");
}

#[test]
fn footnotes_are_real_word_footnotes() {
    let p = docx_parts(&seed());
    let doc = &p["word/document.xml"];
    let notes = &p["word/footnotes.xml"];
    // References in print order with fixed ids 1, 2, 3.
    let refs: Vec<usize> = doc
        .match_indices(r#"<w:footnoteReference w:id=""#)
        .map(|(i, m)| {
            let rest = &doc[i + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(refs, vec![1, 2, 3]);
    assert!(!doc.contains("customMarkFollows"));
    assert!(notes.contains(r#"<w:footnote w:type="separator" w:id="-1">"#));
    assert!(notes.contains(r#"<w:footnote w:type="continuationSeparator" w:id="0">"#));
    assert_eq!(notes.matches("<w:footnoteRef/>").count(), 3);
    let texts = paragraph_texts(notes);
    assert_eq!(
        texts,
        vec![
            "".to_string(),
            "".to_string(),
            "\tUNEP/MC/COP.6/1.".to_string(),
            "\tUNEP/MC/COP.6/INF/29, приложение I.".to_string(),
            "\tТам же, приложение II.".to_string(),
        ]
    );
    // The masthead footnote hangs on the agenda line.
    let agenda = doc.find("предварительной повестки дня</w:t>").unwrap();
    let first_ref = doc.find(r#"<w:footnoteReference w:id="1""#).unwrap();
    assert!(first_ref > agenda && first_ref - agenda < 200);
    let styles = &p["word/styles.xml"];
    assert!(styles.contains(r#"w:styleId="FootnoteText""#));
    assert!(styles.contains(r#"<w:name w:val="footnote text"/>"#));
    assert!(styles.contains(r#"w:styleId="FootnoteReference""#));
    assert!(styles.contains(r#"<w:vertAlign w:val="superscript"/>"#));
    assert!(
        p["word/settings.xml"].contains(
            r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
        )
    );
}

#[test]
fn properties_language_and_numbering() {
    let p = docx_parts(&seed());
    let core = &p["docProps/core.xml"];
    assert!(core.contains("<dc:title>Сотрудничество и координация между секретариатами"));
    assert!(core.contains("<dc:subject>UNEP/MC/COP.6/21</dc:subject>"));
    assert!(core.contains("<dc:language>ru</dc:language>"));
    assert!(!core.contains("dcterms:created"), "no clock in the output");
    let styles = &p["word/styles.xml"];
    assert!(styles.contains(
        r#"<w:lang w:val="ru-RU" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
    ));
    // The lines printed in English in every version are marked English.
    let distr = styles.find(r#"w:styleId="UNDistribution""#).unwrap();
    let end = distr + styles[distr..].find("</w:style>").unwrap();
    assert!(styles[distr..end].contains(r#"<w:lang w:val="en-GB"/>"#));
    assert!(styles.contains(r#"<w:rFonts w:ascii="Times New Roman""#));
    assert!(styles.contains(r#"<w:sz w:val="20"/>"#));
    assert!(!styles.contains("<w:rtl/>"));
    // Numbers are resolved text, never Word lists: no numbering part, and
    // no part that nothing uses.
    let names: Vec<&str> = p.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/fontTable.xml",
            "word/footnotes.xml",
            "word/header1.xml",
            "word/header2.xml",
            "word/settings.xml",
            "word/styles.xml",
            "word/theme/theme1.xml",
        ]
    );
    for (name, xml) in &p {
        if name.ends_with(".rels") || name.starts_with('[') {
            continue;
        }
        // Every part but the document itself is related and typed.
        let target = name.trim_start_matches("word/");
        if name.starts_with("word/") && name != "word/document.xml" {
            assert!(
                p["word/_rels/document.xml.rels"].contains(&format!(r#"Target="{target}""#)),
                "{name} is not related"
            );
        }
        assert!(
            p["[Content_Types].xml"].contains(&format!(r#"PartName="/{name}""#)),
            "{name} has no content type"
        );
        assert!(
            !xml.contains("<w:rPr/>") && !xml.contains("<w:pPr/>"),
            "{name}: empty properties"
        );
    }
    assert!(styles.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#));
    let doc = &p["word/document.xml"];
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(doc.contains("<w:titlePg"), "a first page of its own");
    assert!(!doc.contains("w14:paraId"));
    // Later pages: symbol, tab, page number.
    let headers: Vec<&String> = p
        .iter()
        .filter(|(k, _)| k.starts_with("word/header"))
        .map(|(_, v)| v)
        .collect();
    assert!(
        headers
            .iter()
            .any(|h| h.contains("UNEP/MC/COP.6/21</w:t><w:tab/>")
                && h.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#))
    );
}

#[test]
fn bytes_are_deterministic_across_calls_and_threads() {
    let doc = seed();
    let a = docx::render(&doc);
    let b = docx::render(&doc);
    assert_eq!(a, b);
    let doc2 = doc.clone();
    let c = std::thread::spawn(move || docx::render(&doc2))
        .join()
        .unwrap();
    assert_eq!(a, c);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day(), t.hour()),
            (1980, 1, 1, 0),
            "{}",
            f.name()
        );
        names.push(f.name().to_string());
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        check_well_formed(f.name(), std::str::from_utf8(&bytes).unwrap());
    }
    assert_eq!(names[0], "[Content_Types].xml");
    assert!(names.contains(&"word/footnotes.xml".to_string()));
}

// ---------------------------------------------------------------------------
// Hand-built documents: what the examples do not exercise yet.

fn sp() -> Span {
    Span::default()
}

fn t(s: &str) -> Inline {
    Inline::Text {
        text: s.into(),
        span: sp(),
    }
}

fn field(s: &str) -> Option<Field> {
    Some(Field {
        text: s.into(),
        content: vec![t(s)],
        span: sp(),
    })
}

fn des(text: &str, display: &str) -> Option<Designation> {
    Some(Designation {
        ordinal: 1,
        text: text.into(),
        display: display.into(),
        path: text.into(),
        anchor: format!("x-{text}"),
    })
}

/// A reference to footnote `n`, the `n`th of the document's list.
fn fref(n: u32) -> Inline {
    Inline::FootnoteRef(FootnoteRef {
        label: None,
        id: Some(n as usize - 1),
        number: Some(n),
        mark: None,
        separator: None,
        span: sp(),
    })
}

fn note(n: u32, text: &str) -> Footnote {
    Footnote {
        origin: FootnoteOrigin::Inline,
        number: Some(n),
        mark: None,
        label: None,
        content: vec![t(text)],
        ibid: false,
        span: sp(),
    }
}

/// The masthead as resolution lays it out, the distribution and original
/// lines printing their fields so that drafter text reaches every line.
fn masthead_lines() -> Vec<MastheadLine> {
    let words = |s: &str| Piece::Words { text: s.into() };
    let f = |key| Piece::Field { key };
    let line = |role, pieces| MastheadLine {
        role,
        lang: Lang::En,
        pieces,
    };
    vec![
        line(LineRole::Symbol, vec![f(FieldKey::Symbol)]),
        line(
            LineRole::Distribution,
            vec![words("Distr.: "), f(FieldKey::Distribution)],
        ),
        line(LineRole::Date, vec![words("3 February 2025")]),
        line(LineRole::Original, vec![words("Original: English")]),
        line(LineRole::Body, vec![f(FieldKey::Body)]),
        line(LineRole::Meeting, vec![f(FieldKey::Meeting)]),
        line(
            LineRole::PlaceDates,
            vec![f(FieldKey::Place), words(", "), f(FieldKey::Dates)],
        ),
        line(
            LineRole::AgendaItem,
            vec![
                words("Item "),
                f(FieldKey::AgendaItem),
                words(" of the provisional agenda"),
                Piece::FootnoteRef(FootnoteRef {
                    label: None,
                    id: Some(0),
                    number: Some(1),
                    mark: None,
                    separator: None,
                    span: sp(),
                }),
            ],
        ),
        line(LineRole::AgendaTitle, vec![f(FieldKey::AgendaTitle)]),
        line(LineRole::Title, vec![f(FieldKey::Title)]),
        line(LineRole::Kind, vec![f(FieldKey::Kind)]),
    ]
}

fn para(number: &str, content: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        inserted: false,
        numbered: true,
        label: None,
        typed_number: None,
        number: des(number, &format!("{number}.")),
        content,
        subparagraphs: vec![],
        span: sp(),
    })
}

/// An English document with a sub-section, emphasis, a cross-reference, a
/// footnote referenced twice, a single (unnumbered) operative paragraph with
/// nested sub-paragraphs, and two annexes.
fn hand_built() -> Document {
    let meta = Masthead {
        symbol: field("UNEP/XX/COP.1/2"),
        distribution: field("Limited"),
        date: field("2025-02-03"),
        original: field("en"),
        language: field("en"),
        body: field("Conference of the Parties"),
        meeting: field("First meeting"),
        place: field("Nairobi"),
        dates: field("1–5 March 2025"),
        agenda_item: field("3 (a)"),
        agenda_title: field("Organizational matters"),
        provisional_agenda: field("UNEP/XX/COP.1/1"),
        title: field("Hand-built document"),
        kind: field("Note by the secretariat"),
        ..Masthead::default()
    };
    let sub = |level: u8, text: &str, display: &str, body: &str, children| SubParagraph {
        dash: false,
        level,
        label: None,
        typed_marker: None,
        number: des(text, display),
        content: vec![t(body)],
        children,
        span: sp(),
    };
    let decision = Decision {
        label: None,
        symbol: field("XX-1/[…]"),
        title: field("Hand-built decision"),
        formula: Some(Formula {
            content: vec![
                Inline::Emphasis {
                    content: vec![t("The Conference of the Parties")],
                    span: sp(),
                },
                t(","),
            ],
            span: sp(),
        }),
        preamble: vec![Preambular::Clause(PreambularClause {
            headings: Vec::new(),
            label: None,
            number: des("1", ""),
            opening: Some(Opening {
                text: "Recalling".into(),
                source: OpeningSource::Lexicon,
                space_after: true,
                span: sp(),
            }),
            content: vec![
                t("decision "),
                Inline::DecisionRef(DecisionRef {
                    text: "MC-4/9".into(),
                    symbol: "MC-4/9".into(),
                    convention: "MC".into(),
                    extraordinary: false,
                    meeting: Some(4),
                    number: Some(9),
                    span: sp(),
                }),
                t(","),
            ],
            subparagraphs: vec![],
            span: sp(),
        })],
        operative: vec![Operative::Paragraph(OperativeParagraph {
            headings: Vec::new(),
            inserted: false,
            label: None,
            typed_number: None,
            number: des("1", ""),
            opening: Some(Opening {
                text: "Requests".into(),
                source: OpeningSource::Lexicon,
                space_after: true,
                span: sp(),
            }),
            addressee: None,
            content: vec![t("the secretariat:")],
            subparagraphs: vec![sub(
                1,
                "a",
                "(a)",
                "To act;",
                vec![
                    sub(2, "i", "(i)", "First;", vec![]),
                    sub(2, "ii", "(ii)", "Second.", vec![]),
                ],
            )],
            span: sp(),
        })],
        anchor: Some("decision-1".into()),
        heading: Some(vec![
            Piece::Symbol {
                text: "XX-1/[…]".into(),
            },
            Piece::Words { text: ": ".into() },
            Piece::Field {
                key: FieldKey::Title,
            },
        ]),
        span: sp(),
    };
    let section = Section {
        level: 1,
        label: None,
        typed_number: None,
        number: des("I", "I."),
        title: vec![t("Background")],
        content: vec![
            para(
                "1",
                vec![
                    t("See "),
                    Inline::CrossRef(CrossRef {
                        short: false,
                        label: Label {
                            name: "req".into(),
                            span: sp(),
                        },
                        bare: false,
                        target: Some(RefTarget {
                            kind: TargetKind::Subparagraph,
                            text: "paragraph 1 (a) (ii)".into(),
                            anchor: "op-1-a-ii".into(),
                            span: sp(),
                            label_span: sp(),
                        }),
                        span: sp(),
                    }),
                    t(" of "),
                    Inline::DocumentRef(DocumentRef {
                        symbol: "UNEP/XX/COP.1/INF/3".into(),
                        span: sp(),
                    }),
                    t("."),
                    fref(2),
                    t(" "),
                    Inline::Strong {
                        content: vec![
                            t("Bold "),
                            Inline::Emphasis {
                                content: vec![t("and italic")],
                                span: sp(),
                            },
                        ],
                        span: sp(),
                    },
                    t(" again."),
                    fref(2),
                ],
            ),
            Block::Section(Section {
                level: 2,
                label: None,
                typed_number: None,
                number: des("A", "A."),
                title: vec![t("Sub-section")],
                content: vec![para("2", vec![t("Text.")])],
                span: sp(),
            }),
            Block::Decision(decision),
        ],
        span: sp(),
    };
    let annex = |n: &str, title: &str| Annex {
        label: None,
        number: des(n, n),
        heading: format!("Annex {n}"),
        title: field(title),
        content: vec![Block::Paragraph(Paragraph {
            inserted: false,
            numbered: false,
            label: None,
            typed_number: None,
            number: None,
            content: vec![t("Annex text."), fref(3)],
            subparagraphs: vec![],
            span: sp(),
        })],
        span: sp(),
    };
    let mut second = annex("II", "Second annex");
    second.content = vec![para("3", vec![t("Numbered in an annex.")])];
    Document {
        language: Lang::En,
        meta,
        body: vec![Block::Section(section)],
        annexes: vec![annex("I", "First annex"), second],
        presentation: Presentation {
            masthead: masthead_lines(),
            page_title: "Hand-built document (UNEP/XX/COP.1/2)".into(),
            ..Presentation::default()
        },
        footnotes: vec![
            note(1, "UNEP/XX/COP.1/1."),
            note(2, "Second note."),
            note(3, "Third note."),
        ],
        span: sp(),
    }
}

#[test]
fn hand_built_document_prints_resolved_designations() {
    let p = docx_parts(&hand_built());
    let doc = &p["word/document.xml"];
    let texts = paragraph_texts(doc);
    let styles = paragraph_styles(doc);
    let find = |style: &str| -> Vec<String> {
        texts
            .iter()
            .zip(&styles)
            .filter(|(_, s)| *s == style)
            .map(|(t, _)| t.clone())
            .collect()
    };
    // English version of an English original: no language line.
    assert_eq!(
        find("UNDistribution"),
        vec!["Distr.: Limited", "3 February 2025", "Original: English"]
    );
    assert_eq!(
        find("UNMeeting")[1],
        "Item 3 (a) of the provisional agenda[fn]"
    );
    assert_eq!(find("UNHeading2"), vec!["A.\tSub-section"]);
    assert_eq!(
        find("UNParagraph")[0],
        "1.\tSee paragraph 1 (a) (ii) of UNEP/XX/COP.1/INF/3.[fn] Bold and italic again.2"
    );
    assert_eq!(
        find("UNDecisionHeading"),
        vec!["XX\u{2011}1/[…]: Hand-built decision"]
    );
    assert_eq!(find("UNFormula"), vec!["The Conference of the Parties,"]);
    assert_eq!(
        find("UNPreamble"),
        vec!["Recalling decision MC\u{2011}4/9,"]
    );
    // A single operative paragraph is not numbered.
    assert_eq!(find("UNOperativeSingle"), vec!["Requests the secretariat:"]);
    assert_eq!(find("UNSubparagraph1"), vec!["(a)\tTo act;"]);
    assert_eq!(
        find("UNSubparagraph2"),
        vec!["(i)\tFirst;", "(ii)\tSecond."]
    );
    assert_eq!(find("UNAnnexHeading"), vec!["Annex I", "Annex II"]);
    assert_eq!(find("UNAnnexTitle"), vec!["First annex", "Second annex"]);
    assert_eq!(find("UNText"), vec!["Annex text.[fn]"]);
    // Footnote 2 is referenced twice: one Word footnote, then the bare mark.
    assert_eq!(doc.matches("<w:footnoteReference ").count(), 3);
    assert_eq!(
        p["word/footnotes.xml"].matches("<w:footnoteRef/>").count(),
        3
    );
    // Strong wrapping emphasis: both.
    assert!(doc.contains(
        r#"<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">and italic</w:t>"#
    ));
}

#[test]
fn drafter_text_is_escaped_everywhere_and_forbidden_characters_removed() {
    const PAYLOADS: [&str; 4] = ["</w:t>", "]]>", "&amp;", "<w:p>\"'"];
    let evil = PAYLOADS.join(" ");
    let bad = "x\u{0}\u{1}\u{B}\u{FFFE}\u{FFFF}y\tz\n";
    let mut doc = hand_built();
    let put = |f: &mut Option<Field>| *f = field(&format!("{evil} {bad}"));
    for f in [
        &mut doc.meta.symbol,
        &mut doc.meta.distribution,
        &mut doc.meta.date,
        &mut doc.meta.original,
        &mut doc.meta.body,
        &mut doc.meta.meeting,
        &mut doc.meta.place,
        &mut doc.meta.dates,
        &mut doc.meta.agenda_item,
        &mut doc.meta.agenda_title,
        &mut doc.meta.title,
        &mut doc.meta.kind,
    ] {
        put(f);
    }
    doc.footnotes[1].content = vec![t(&evil), t(bad)];
    // The original line prints the field, so that it carries the payload.
    doc.presentation.masthead[3].pieces = vec![
        Piece::Words {
            text: "Original: ".into(),
        },
        Piece::Field {
            key: FieldKey::Original,
        },
    ];
    doc.annexes[0].title = field(&evil);
    if let Block::Section(s) = &mut doc.body[0] {
        s.title = vec![t(&evil), t(bad)];
        if let Block::Paragraph(p) = &mut s.content[0] {
            p.content.push(Inline::DecisionRef(DecisionRef {
                text: evil.clone(),
                symbol: "MC-1/1".into(),
                convention: "MC".into(),
                extraordinary: false,
                meeting: None,
                number: None,
                span: sp(),
            }));
            p.content.push(Inline::CrossRef(CrossRef {
                short: false,
                label: Label {
                    name: "x".into(),
                    span: sp(),
                },
                bare: true,
                target: Some(RefTarget {
                    kind: TargetKind::Paragraph,
                    text: evil.clone(),
                    anchor: "para-1".into(),
                    span: sp(),
                    label_span: sp(),
                }),
                span: sp(),
            }));
        }
    }
    let p = docx_parts(&doc);
    for (part, xml) in &p {
        check_well_formed(part, xml);
    }
    let texts = paragraph_texts(&p["word/document.xml"]);
    let cleaned = "xy z ";
    let want_field = format!("{evil} {cleaned}");
    assert_eq!(texts[0], want_field, "symbol");
    assert!(texts.iter().any(|t| t == &format!("Distr.: {want_field}")));
    assert!(
        texts
            .iter()
            .any(|t| t == &format!("Original: {want_field}"))
    );
    assert!(texts.iter().any(|t| t == &want_field), "title");
    assert!(
        texts
            .iter()
            .any(|t| t == &format!("Item {want_field} of the provisional agenda[fn]")),
        "agenda line"
    );
    assert!(texts.iter().any(|t| t == &format!("I.\t{evil}{cleaned}")));
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with(&format!("again.2{evil}{evil}")))
    );
    assert!(texts.iter().any(|t| t == &evil), "annex title");
    let notes = paragraph_texts(&p["word/footnotes.xml"]);
    assert!(notes.contains(&format!("\t{evil}{cleaned}")));
    let header = p
        .iter()
        .find(|(k, v)| k.starts_with("word/header") && v.contains("PAGE"))
        .unwrap()
        .1;
    assert!(paragraph_texts(header)[0].starts_with(&format!("{want_field}\t")));
    let core = &p["docProps/core.xml"];
    assert!(core.contains(
        "<dc:title>&lt;/w:t&gt; ]]&gt; &amp;amp; &lt;w:p&gt;&quot;&apos; xy z </dc:title>"
    ));
}

#[test]
fn never_panics_on_sparse_or_odd_documents() {
    let empty = empty_arabic();
    let bytes = docx::render(&empty);
    assert!(!bytes.is_empty());
    for (part, xml) in docx_parts(&empty) {
        check_well_formed(&part, &xml);
    }
    // Unresolved numbers and references, odd levels, a footnote without a
    // definition, a masthead footnote with no agenda line.
    let mut odd = hand_built();
    odd.meta.agenda_item = None;
    odd.meta.agenda_title = None;
    odd.footnotes.clear();
    if let Block::Section(s) = &mut odd.body[0] {
        s.number = None;
        s.level = 9;
        if let Block::Paragraph(p) = &mut s.content[0] {
            p.number = None;
            p.content.push(Inline::CrossRef(CrossRef {
                short: false,
                label: Label {
                    name: "missing".into(),
                    span: sp(),
                },
                bare: false,
                target: None,
                span: sp(),
            }));
            p.content.push(Inline::FootnoteRef(FootnoteRef {
                label: None,
                id: None,
                number: None,
                mark: None,
                separator: None,
                span: sp(),
            }));
            p.subparagraphs = vec![SubParagraph {
                dash: false,
                level: 0,
                label: None,
                typed_marker: None,
                number: None,
                content: vec![],
                children: vec![SubParagraph {
                    dash: false,
                    level: 200,
                    label: None,
                    typed_marker: None,
                    number: None,
                    content: vec![t("deep")],
                    children: vec![],
                    span: sp(),
                }],
                span: sp(),
            }];
        }
    }
    let p = docx_parts(&odd);
    for (part, xml) in &p {
        check_well_formed(part, xml);
    }
    let texts = paragraph_texts(&p["word/document.xml"]);
    assert!(texts.iter().any(|t| t.contains("missing")));
    assert!(texts.iter().any(|t| t == "deep"));
    // Lines whose field is gone print empty; a reference to a footnote that
    // is not in the list prints nothing.
    assert!(texts.iter().any(|t| t == "Item  of the provisional agenda"));
}

#[test]
fn without_an_agenda_line_the_masthead_footnote_hangs_on_the_title() {
    let src = "symbol: UNEP/XX/COP.1/2\nlanguage: en\nprovisional-agenda: UNEP/XX/COP.1/1\n\
               title: Hand-built document\n\n#. Text.\n";
    let p = docx_parts(&common::compile_clean("masthead", src).document);
    let texts = paragraph_texts(&p["word/document.xml"]);
    assert!(
        texts.iter().any(|t| t == "Hand-built document[fn]"),
        "{texts:?}"
    );
}

/// A decision's parts have their own styles, within the decision's text
/// column; an unnumbered sub-heading sits on the text column; an inserted
/// paragraph keeps the operative column ("2 bis." fits the hanging indent).
#[test]
fn decision_parts_and_inserted_paragraphs_have_their_own_styles() {
    let doc = common::compile_file("tests/fixtures/decision-parts.en.draft");
    let xml = &docx_parts(&doc)["word/document.xml"];
    let lines: Vec<(String, String)> = paragraph_styles(xml)
        .into_iter()
        .zip(paragraph_texts(xml))
        .filter(|(s, _)| {
            s.starts_with("UNDecision") || s.ends_with("Inserted") || s == "UNSubheading"
        })
        .collect();
    let expect = [
        ("UNSubheading", "Background"),
        (
            "UNDecisionHeading",
            "BC\u{2011}16/[…]: Technical guidelines",
        ),
        ("UNDecisionPart", "I.\tTechnical guidelines on wastes"),
        ("UNDecisionSubpart", "A.\tUpdated guidelines"),
        (
            "UNOperativeInserted",
            "2 bis.\tInvites Parties to use the guidelines;",
        ),
        ("UNDecisionPart", "II.\tElectronic waste"),
        ("UNDecisionSubheading", "Amendments to the annexes"),
    ];
    let got: Vec<(&str, &str)> = lines
        .iter()
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(got, expect);
}

//! Rendering of right-to-left (Arabic) and East Asian (Chinese) documents,
//! one test per convention: DOCX paragraph and run direction, fonts and
//! languages per script; HTML direction, languages and isolates; no-break
//! hyphens in decision symbols in every language; and, through LibreOffice,
//! Latin symbols that stay intact inside Arabic text.
//!
//! The drafts are `tests/fixtures/note.{ar,zh}.draft` and the examples.

mod common;

use std::path::Path;

use common::{LibreOffice, compile_file, docx_parts, root};
use draftdec::ast::Document;
use draftdec::render::{docx, html};
use quick_xml::Reader;
use quick_xml::events::Event;

/// One paragraph of `document.xml` as read back: its style, whether it is
/// `w:bidi`, and its runs (text, `w:rtl`, `w:rFonts w:hint`).
#[derive(Debug, Default)]
struct Para {
    style: String,
    bidi: bool,
    runs: Vec<RunInfo>,
}

#[derive(Debug, Default, Clone)]
struct RunInfo {
    text: String,
    rtl: bool,
    hint: Option<String>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn read_paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<Para> = Vec::new();
    let mut run: Option<RunInfo> = None;
    let mut in_t = false;
    loop {
        let event = reader.read_event().unwrap();
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => out.push(Para::default()),
                b"w:pStyle" => out.last_mut().unwrap().style = attr(e, b"w:val").unwrap(),
                b"w:bidi" if run.is_none() => out.last_mut().unwrap().bidi = true,
                b"w:r" if matches!(event, Event::Start(_)) => run = Some(RunInfo::default()),
                b"w:rtl" => run.as_mut().unwrap().rtl = true,
                b"w:rFonts" => {
                    if let Some(r) = run.as_mut() {
                        r.hint = attr(e, b"w:hint");
                    }
                }
                b"w:noBreakHyphen" => run.as_mut().unwrap().text.push('\u{2011}'),
                b"w:t" => in_t = matches!(event, Event::Start(_)),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:r" => {
                    if let (Some(r), Some(p)) = (run.take(), out.last_mut()) {
                        p.runs.push(r);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t => {
                let text = t.xml10_content().unwrap().into_owned();
                run.as_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) if in_t => {
                let s = match &*r.decode().unwrap() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                };
                run.as_mut().unwrap().text.push_str(s);
            }
            _ => {}
        }
    }
    out
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// The Arabic drafts: the fixture, and the example once it exists.
fn arabic_drafts() -> Vec<String> {
    let mut v = vec!["tests/fixtures/note.ar.draft".to_string()];
    if root().join("examples/cooperation.ar.draft").exists() {
        v.push("examples/cooperation.ar.draft".into());
    }
    v
}

fn chinese_drafts() -> Vec<String> {
    let mut v = vec!["tests/fixtures/note.zh.draft".to_string()];
    if root().join("examples/cooperation.zh.draft").exists() {
        v.push("examples/cooperation.zh.draft".into());
    }
    v
}

#[test]
fn arabic_docx_declares_complex_script_fonts_and_languages() {
    for draft in arabic_drafts() {
        let p = docx_parts(&compile_file(&draft));
        let styles = &p["word/styles.xml"];
        assert!(
            styles.contains(r#"w:cs="Simplified Arabic""#),
            "{draft}: complex-script font"
        );
        assert!(
            styles.contains(r#"<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#),
            "{draft}: w:lang w:bidi"
        );
        // The English masthead lines stay left to right: their style is not
        // bidi, and neither is Normal, which they are based on.
        for id in ["UNDistribution", "Normal"] {
            let at = styles.find(&format!(r#"w:styleId="{id}""#)).unwrap();
            let end = at + styles[at..].find("</w:style>").unwrap();
            assert!(!styles[at..end].contains("w:bidi"), "{draft}: {id} is bidi");
        }
        let at = styles.find(r#"w:styleId="UNParagraph""#).unwrap();
        let end = at + styles[at..].find("</w:style>").unwrap();
        assert!(
            styles[at..end].contains("<w:bidi/>"),
            "{draft}: UNParagraph"
        );
        // The section runs right to left too: Word then starts the
        // footnote separator on the right.
        let doc = &p["word/document.xml"];
        let sect = doc.find("<w:sectPr>").unwrap();
        assert!(doc[sect..].contains("<w:bidi/></w:sectPr>"), "{draft}");
    }
}

#[test]
fn arabic_docx_paragraphs_are_bidi_except_the_english_masthead_lines() {
    for draft in arabic_drafts() {
        let paras = read_paragraphs(&docx_parts(&compile_file(&draft))["word/document.xml"]);
        let mut bidi = 0;
        for p in &paras {
            if p.style == "UNDistribution" {
                assert!(!p.bidi, "{draft}: {p:?}");
                assert!(p.runs.iter().all(|r| !r.rtl), "{draft}: {p:?}");
            } else if !p.style.is_empty() {
                assert!(p.bidi, "{draft}: {p:?}");
                bidi += 1;
            }
        }
        assert!(bidi > 20, "{draft}: only {bidi} bidi paragraphs");
        let footnotes = read_paragraphs(&docx_parts(&compile_file(&draft))["word/footnotes.xml"]);
        // Separators, continuation separator and every note.
        assert!(footnotes.len() >= 3);
        assert!(footnotes.iter().all(|p| p.bidi), "{draft}: {footnotes:?}");
    }
}

#[test]
fn arabic_runs_are_rtl_and_latin_symbols_are_left_to_right_runs() {
    for draft in arabic_drafts() {
        let p = docx_parts(&compile_file(&draft));
        let mut runs: Vec<RunInfo> = Vec::new();
        for part in ["word/document.xml", "word/footnotes.xml"] {
            runs.extend(read_paragraphs(&p[part]).into_iter().flat_map(|p| p.runs));
        }
        let mut latin = 0;
        for r in &runs {
            if r.text.chars().any(is_arabic) {
                assert!(r.rtl, "{draft}: Arabic run without w:rtl: {r:?}");
                // `w:rtl` alone makes a run complex script; ISO/IEC 29500
                // has no `cs` hint.
                assert_eq!(r.hint, None, "{draft}: {r:?}");
                assert!(
                    !r.text.chars().any(|c| c.is_ascii_alphabetic()),
                    "{draft}: Latin letters inside an Arabic run: {r:?}"
                );
            }
            if r.text.contains("UNEP/MC/COP.6/INF/29") || r.text.starts_with("MC\u{2011}") {
                assert!(!r.rtl, "{draft}: symbol run marked rtl: {r:?}");
                latin += 1;
            }
        }
        assert!(latin >= 3, "{draft}: symbols found as runs: {latin}");
    }
}

#[test]
fn chinese_docx_declares_east_asian_fonts_languages_and_hints() {
    for draft in chinese_drafts() {
        let p = docx_parts(&compile_file(&draft));
        let styles = &p["word/styles.xml"];
        assert!(styles.contains(r#"w:eastAsia="SimSun""#), "{draft}");
        assert!(
            styles.contains(r#"<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/>"#),
            "{draft}"
        );
        assert!(!styles.contains("<w:bidi/>") && !styles.contains("<w:rtl"));
        // Opening words: upright in a Kai face, never a synthesized oblique.
        let at = styles.find(r#"w:styleId="UNOpening""#).unwrap();
        let end = at + styles[at..].find("</w:style>").unwrap();
        assert!(
            styles[at..end].contains(r#"<w:rFonts w:eastAsia="KaiTi"/>"#),
            "{draft}"
        );
        assert!(!styles[at..end].contains("<w:i/>"), "{draft}");
        assert!(p["word/fontTable.xml"].contains(r#"w:name="KaiTi""#));
        // The drafter's `*…*` too: no `w:i` on a Chinese run.
        assert!(!p["word/document.xml"].contains("<w:i/>"), "{draft}");
        assert!(!p["word/document.xml"].contains("<w:bidi/>"));
        let paras = read_paragraphs(&p["word/document.xml"]);
        let han: Vec<&RunInfo> = paras
            .iter()
            .flat_map(|p| &p.runs)
            .filter(|r| {
                r.text
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            })
            .collect();
        assert!(han.len() > 20);
        // The hint makes Word set “ ” and the like in the East Asian face.
        assert!(
            han.iter()
                .all(|r| r.hint.as_deref() == Some("eastAsia") && !r.rtl),
            "{draft}"
        );
    }
}

#[test]
fn chinese_full_width_punctuation_is_kept_and_no_space_follows_opening_words() {
    let draft = "tests/fixtures/note.zh.draft";
    let source = common::read(draft);
    let p = docx_parts(&compile_file(draft));
    let text_of = |part: &str| -> String {
        read_paragraphs(&p[part])
            .iter()
            .map(|p| p.runs.iter().map(|r| r.text.as_str()).collect::<String>() + "\n")
            .collect()
    };
    let text = text_of("word/document.xml");
    let printed = text.clone() + &text_of("word/footnotes.xml");
    let written: String = source.lines().filter(|l| !l.starts_with("//")).collect();
    // Every mark the drafter wrote is printed as written; the masthead adds
    // one Chinese comma between the place and the dates, and the three
    // section numbers their 、 (一、).
    for mark in ['，', '；', '。', '：', '、', '—', '“', '”'] {
        let added = match mark {
            '，' => 1,
            '、' => 3,
            _ => 0,
        };
        assert_eq!(
            printed.matches(mark).count(),
            written.matches(mark).count() + added,
            "{mark} in the document"
        );
    }
    for ascii in [',', ';'] {
        assert_eq!(
            printed.matches(ascii).count(),
            written.matches(ascii).count()
        );
    }
    assert!(
        text.contains("认识到在稳定安排下"),
        "no space after opening words"
    );
    assert!(
        text.contains("日内瓦，2025年11月3日至7日"),
        "Chinese comma in the masthead"
    );
    assert!(text_of("word/footnotes.xml").contains("UNEP/MC/COP.6/INF/29，附件一。"));
}

#[test]
fn decision_symbols_print_no_break_hyphens_in_every_language() {
    let mut drafts = arabic_drafts();
    drafts.extend(chinese_drafts());
    drafts.push("examples/cooperation.ru.draft".into());
    drafts.push("examples/cooperation.en.draft".into());
    for draft in drafts {
        let doc = compile_file(&draft);
        let p = docx_parts(&doc);
        let runs: Vec<RunInfo> = read_paragraphs(&p["word/document.xml"])
            .into_iter()
            .flat_map(|p| p.runs)
            .collect();
        let symbols: Vec<&RunInfo> = runs.iter().filter(|r| r.text.contains("3/11")).collect();
        assert!(!symbols.is_empty(), "{draft}: no decision symbol found");
        for r in &symbols {
            assert!(
                r.text.contains("\u{2011}3/11") && !r.text.contains("-3/11"),
                "{draft}: {r:?}"
            );
        }
        assert!(p["word/document.xml"].contains("<w:noBreakHyphen/>"));
        let page = html::render(&doc);
        assert!(page.contains("\u{2011}3/11"), "{draft}: HTML");
        assert!(!page.contains("-3/11<"), "{draft}: HTML breakable symbol");
    }
}

#[test]
fn html_direction_languages_and_isolates() {
    for draft in arabic_drafts() {
        let page = html::render(&compile_file(&draft));
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{draft}");
        assert!(
            page.contains("<div class=\"mh-distr-lines\" lang=\"en-GB\" dir=\"ltr\">"),
            "{draft}: English masthead lines"
        );
        // Every symbol is an isolate, so "MC-3/11" keeps its order.
        let symbols = page.matches("class=\"symbol\"").count();
        assert!(symbols >= 4, "{draft}");
        assert_eq!(
            page.matches("<span class=\"symbol\" translate=\"no\" dir=\"ltr\">")
                .count(),
            symbols,
            "{draft}"
        );
        assert!(page.contains("body { font-family: \"Simplified Arabic\", \"Noto Naskh Arabic\""));
    }
    for draft in chinese_drafts() {
        let page = html::render(&compile_file(&draft));
        assert!(
            page.contains("<html lang=\"zh-CN\" dir=\"ltr\">"),
            "{draft}"
        );
        assert!(page.contains("lang=\"en-GB\">"), "{draft}");
        assert!(!page.contains("lang=\"en-GB\" dir="), "{draft}");
        assert!(page.contains("body { font-family: SimSun, "), "{draft}");
    }
    let ru = html::render(&compile_file("examples/cooperation.ru.draft"));
    assert!(ru.contains("<html lang=\"ru-RU\" dir=\"ltr\">"));
}

#[test]
fn arabic_and_chinese_outputs_are_deterministic() {
    let mut drafts = arabic_drafts();
    drafts.extend(chinese_drafts());
    for draft in drafts {
        let a = compile_file(&draft);
        let b = compile_file(&draft);
        assert_eq!(docx::render(&a), docx::render(&b), "{draft}");
        assert_eq!(html::render(&a), html::render(&b), "{draft}");
    }
}

/// The PDF text LibreOffice makes of `doc`, without bidi control marks.
fn libreoffice_text(office: &LibreOffice, doc: &Document, name: &str, dir: &Path) -> String {
    let docx_path = dir.join(format!("{name}.docx"));
    std::fs::write(&docx_path, docx::render(doc)).unwrap();
    office
        .text(&office.pdf(&docx_path), false)
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .map(|c| if c == '\u{2011}' { '-' } else { c })
        .collect()
}

#[test]
fn libreoffice_keeps_latin_symbols_intact_in_arabic_text() {
    let Some(office) = LibreOffice::require() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let ar = libreoffice_text(
        &office,
        &compile_file("tests/fixtures/note.ar.draft"),
        "note-ar",
        tmp.path(),
    );
    // Each symbol as one left-to-right word: a reordering bidi algorithm
    // would print "3/11-MC" or "29/INF/...".
    for symbol in [
        "UNEP/MC/COP.6/INF/29",
        "MC-3/11",
        "MC-4/9",
        "MC-5/19",
        "BC-17/22",
        "RC-12/9",
        "SC-12/23",
        "UNEP/MC/COP.6/21",
        "Distr.: General",
        "20 August 2025",
        "Original: English",
    ] {
        assert!(ar.contains(symbol), "{symbol} not intact in:\n{ar}");
    }
    assert!(
        ar.contains("مذكرة من الأمانة"),
        "Arabic text shaped and kept"
    );
    let zh = libreoffice_text(
        &office,
        &compile_file("tests/fixtures/note.zh.draft"),
        "note-zh",
        tmp.path(),
    );
    for s in [
        "秘书处的说明",
        "UNEP/MC/COP.6/INF/29，附件一。",
        "同上，附件二。",
        "认识到在稳定安排下",
    ] {
        assert!(zh.contains(s), "{s} not in:\n{zh}");
    }
}

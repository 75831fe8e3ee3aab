//! Text hygiene (issue 6): invalid UTF-8 names its byte offset, a BOM is
//! accepted, CRLF and lone CR give the right lines and columns, control
//! characters are reported (never passed to an output), invisible characters
//! are warned about, tabs are handled.

use draftdec::diag::Code;
use draftdec::{compile, compile_bytes, decode, line_col};

const EXAMPLE: &str = include_str!("../examples/cooperation.ru.draft");

const MINIMAL: &str =
    "symbol: UNEP/MC/COP.6/20\nlanguage: en\ntitle: Cooperation\n\n#. The secretariat reports.\n";

fn codes(src: &[u8]) -> Vec<&'static str> {
    compile_bytes(src)
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn the_baselines_compile_without_errors() {
    assert!(!compile(EXAMPLE).has_errors());
    assert!(compile(MINIMAL).diagnostics.is_empty());
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("reports").unwrap();
    bytes[at] = 0xE9; // `é` in Windows-1252
    let c = compile_bytes(&bytes);
    assert_eq!(c.diagnostics.len(), 1);
    let d = &c.diagnostics[0];
    assert_eq!(d.code, Code::E0011);
    assert!(d.is_error());
    assert_eq!((d.primary.span.start, d.primary.span.end), (at, at + 1));
    assert!(
        d.message.contains(&format!("at byte {at}")),
        "{}",
        d.message
    );
    assert!(d.message.contains("line 5, column 20"), "{}", d.message);
    assert!(d.message.contains("0xE9"), "{}", d.message);
    assert!(
        c.document.body.is_empty(),
        "nothing is guessed from a broken file"
    );
}

#[test]
fn every_invalid_sequence_is_reported_up_to_a_limit() {
    let bytes = b"symbol: \xFF\nlanguage: en \xC3\ntitle: \xF0\x9F\x98";
    let c = compile_bytes(bytes);
    let starts: Vec<usize> = c.diagnostics.iter().map(|d| d.primary.span.start).collect();
    assert_eq!(starts, vec![8, 23, 32]);
    assert!(c.diagnostics[2].message.contains("ends in the middle"));
    assert_eq!(c.diagnostics[2].primary.span.end, bytes.len());

    let many = vec![0xFFu8; 1000];
    let c = compile_bytes(&many);
    // "At most ten" (docs/diagnostics/E0011.md).
    assert_eq!(c.diagnostics.len(), 10);
    assert!(c.diagnostics.last().unwrap().message.contains("990 more"));
}

#[test]
fn utf16_is_named_as_such() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(MINIMAL.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let c = compile_bytes(&utf16);
    assert_eq!(codes(&utf16), vec!["E0011"]);
    assert!(c.diagnostics[0].message.contains("UTF-16"));
}

#[test]
fn a_bom_is_accepted() {
    let with_bom = format!("\u{FEFF}{EXAMPLE}");
    let plain = compile(EXAMPLE);
    let bom = compile_bytes(with_bom.as_bytes());
    assert_eq!(
        plain
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>(),
        bom.diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>()
    );
    assert_eq!(without_spans(&plain.document), without_spans(&bom.document));
    assert_eq!(
        bom.document.meta.symbol.as_ref().unwrap().text,
        "UNEP/MC/COP.6/21"
    );
    assert_eq!(line_col(&with_bom, 3), (1, 1), "the BOM takes no column");
}

/// Serialises the document with every span removed, to compare documents
/// whose byte offsets differ.
fn without_spans(doc: &draftdec::ast::Document) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("span");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(doc).unwrap();
    strip(&mut v);
    v
}

#[test]
fn crlf_and_lone_cr_read_like_lf() {
    let lf = compile(EXAMPLE);
    for ending in ["\r\n", "\r"] {
        let src = EXAMPLE.replace('\n', ending);
        let c = compile_bytes(src.as_bytes());
        assert_eq!(
            without_spans(&c.document),
            without_spans(&lf.document),
            "{ending:?}"
        );
        let lines = |c: &draftdec::Compiled, text: &str| -> Vec<(&str, usize, usize)> {
            c.diagnostics
                .iter()
                .map(|d| {
                    let (l, col) = line_col(text, d.primary.span.start);
                    (d.code.as_str(), l, col)
                })
                .collect()
        };
        assert_eq!(lines(&c, &src), lines(&lf, EXAMPLE), "{ending:?}");
        let json = draftdec::render::json::render(&c.document);
        assert!(
            !json.contains("\\r"),
            "a CR reached the output ({ending:?})"
        );
    }
}

#[test]
fn a_diagnostic_after_crlf_and_cr_lines_has_the_right_line_and_column() {
    for ending in ["\n", "\r\n", "\r"] {
        let src = format!(
            "symbol: UNEP/MC/COP.6/20{e}language: en{e}title: Cooperation{e}{e}See @nowhere.{e}",
            e = ending
        );
        let c = compile_bytes(src.as_bytes());
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == Code::E0102)
            .unwrap();
        assert_eq!(line_col(&src, d.primary.span.start), (5, 6), "{ending:?}");
        let text = decode(src.as_bytes()).unwrap();
        assert_eq!(&text[d.primary.span.start..d.primary.span.end], "nowhere");
    }
}

#[test]
fn lone_cr_is_normalised_without_moving_offsets() {
    let text = decode(b"a\rb\r\nc\r").unwrap();
    assert_eq!(text, "a\nb\r\nc\n");
}

/// Inserts `c` in the title, a paragraph, a footnote, a heading and a
/// decision: each place must report it.
fn positions(c: char) -> Vec<String> {
    vec![
        format!("symbol: UNEP/MC/COP.6/20\nlanguage: en\ntitle: Co{c}operation\n"),
        format!("{MINIMAL}\n#. Second{c} paragraph.\n"),
        format!("{MINIMAL}\n#. Note^{{a{c}b}}.\n"),
        format!("{MINIMAL}\n# Head{c}ing\n"),
        format!("{MINIMAL}\n::: decision\nThe Conference,\n\n1. Decides {c}to act.\n:::\n"),
    ]
}

#[test]
fn control_characters_are_errors_at_their_place() {
    for c in [
        '\0', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{1B}', '\u{1F}', '\u{7F}', '\u{85}', '\u{9F}',
        '\u{FFFE}', '\u{FFFF}',
    ] {
        for src in positions(c) {
            let compiled = compile(&src);
            let at = src.find(c).unwrap();
            let d = compiled
                .diagnostics
                .iter()
                .find(|d| d.code == Code::E0012)
                .unwrap_or_else(|| panic!("U+{:04X} not reported in {src:?}", c as u32));
            assert_eq!(d.primary.span.start, at);
            assert_eq!(d.primary.span.end, at + c.len_utf8());
            assert!(compiled.has_errors(), "no output may be written");
            assert!(d.message.contains(&format!("U+{:04X}", c as u32)));
            assert_eq!(d.fix.as_ref().unwrap().replacement, "");
        }
    }
}

#[test]
fn invisible_and_bidi_characters_are_warnings() {
    for c in [
        '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}',
        '\u{202E}', '\u{2060}', '\u{2066}', '\u{2069}', '\u{FEFF}', '\u{61C}',
    ] {
        for src in positions(c) {
            let compiled = compile(&src);
            let at = src.find(c).unwrap();
            let d = compiled
                .diagnostics
                .iter()
                .find(|d| d.code == Code::W0013)
                .unwrap_or_else(|| panic!("U+{:04X} not reported in {src:?}", c as u32));
            assert_eq!(d.primary.span.start, at);
            assert!(!d.is_error());
        }
    }
}

#[test]
fn ordinary_text_is_not_reported() {
    let src =
        format!("{MINIMAL}\n#. Ünïcödé — «текст» “text” 中文 عربي e\u{301} \u{A0}nbsp\tand tab.\n");
    let c = compile(&src);
    assert!(
        c.diagnostics
            .iter()
            .all(|d| d.code != Code::E0012 && d.code != Code::W0013),
        "{:?}",
        c.diagnostics
    );
}

#[test]
fn character_reports_are_capped() {
    let src = format!("{MINIMAL}\n#. {}\n", "\0".repeat(500));
    let c = compile(&src);
    let nul: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::E0012)
        .collect();
    // "At most fifty" (docs/diagnostics/E0012.md).
    assert_eq!(nul.len(), 50);
    assert!(nul.iter().any(|d| d.message.contains("450 more")));
}

#[test]
fn tabs_inside_text_become_spaces() {
    let src = format!("{MINIMAL}\n#. Tab\tinside\t\tthe text.\n\ttabbed continuation.\n");
    let c = compile(&src);
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let json = draftdec::render::json::render(&c.document);
    assert!(!json.contains("\\t"), "a tab reached the output: {json}");
    let draftdec::ast::Block::Paragraph(p) = &c.document.body[1] else {
        panic!("a paragraph")
    };
    assert_eq!(
        draftdec::ast::plain_text(&p.content),
        "Tab inside the text. tabbed continuation."
    );
}

#[test]
fn tabs_in_metadata_values_become_spaces() {
    let c = compile("symbol: UNEP/MC/COP.6/20\nlanguage:\ten\ntitle: Co\toperation\n");
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    assert_eq!(c.document.meta.title.as_ref().unwrap().text, "Co operation");
    let json = draftdec::render::json::render(&c.document);
    assert!(!json.contains("\\t"), "a tab reached the output: {json}");
}

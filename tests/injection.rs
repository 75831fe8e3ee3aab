//! Nothing injected (issue 6): attack strings typed into every text position
//! of a draft come out as text. The DOCX parts and the HTML page must have
//! exactly the markup of the same draft filled with harmless tokens, with the
//! strings back, decoded, where the tokens were; the JSON must parse and
//! hold the strings verbatim. (tests/html_injection.rs covers the HTML
//! backend on ASTs built in code; this goes through the source text.)

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// Text positions: metadata values, headings, paragraphs, sub-paragraphs,
/// a decision's title, formula, clauses and operative paragraphs, inline and
/// labelled footnotes, an annex title and body.
fn draft(fill: &dyn Fn(usize) -> String) -> String {
    let f = |n| fill(n);
    format!(
        "symbol: UNEP/MC/COP.6/20\ndistribution: General\ndate: 2025-08-12\noriginal: en\nlanguage: en\n\
body: {}\nmeeting: {}\nplace: {}\ndates: {}\nagenda-item: 5 (c)\nagenda-title: {}\n\
provisional-agenda: UNEP/MC/COP.6/1\ntitle: {}\nkind: {}\n\n\
# {}\n\n#. {} **{}** *{}*.^{{{}}}\n\n#. {}:\n    (a) {};\n    (b) {}.^lab\n\n## {}\n\n{}\n\n\
::: decision MC-6/[…]: {}\n{},\n\n*Recalling* {},\n\n1. *Requests* {}.\n:::\n\n\
^lab: {}\n\n::: annex {}\n#. {}.\n",
        f(1),
        f(2),
        f(3),
        f(4),
        f(5),
        f(6),
        f(7),
        f(8),
        f(9),
        f(10),
        f(11),
        f(12),
        f(13),
        f(14),
        f(15),
        f(16),
        f(17),
        f(18),
        f(19),
        f(20),
        f(21),
        f(22),
        f(23),
        f(24),
    )
}
const POSITIONS: usize = 24;

fn token(n: usize) -> String {
    format!("tok{n}x")
}

/// Escapes every ASCII punctuation character, so the string is text in a
/// draft whatever it holds.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

const VECTORS: &[&str] = &[
    // XML / DOCX
    "</w:t></w:r><w:r><w:t>injected",
    "[[x]]>",
    "<![CDATA[x]]>",
    "&amp; &lt; &#0; &#x1F; &e;",
    "<!DOCTYPE x [<!ENTITY e \"boom\">]>",
    "<?xml version=\"1.0\"?>",
    "\"'><w:p/>",
    // HTML / JS
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</style><style>*{}</style>",
    "<!-- -->",
    "{{7*7}} ${7*7}",
    // JSON
    "\"},\"x\":{\"y\":\"",
    "\\u0000 \\\" \\n",
];

fn compile(src: &str) -> draftdec::Compiled {
    let c = draftdec::compile(src);
    assert!(
        !c.has_errors(),
        "{:?}\n{src}",
        c.diagnostics.iter().find(|d| d.is_error())
    );
    c
}

/// The markup of an XML part (elements and attributes, in order) and its
/// decoded text.
fn xml_shape(xml: &str) -> (Vec<String>, String) {
    let mut reader = Reader::from_str(xml);
    let mut shape = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let mut s = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                for a in e.attributes() {
                    let a = a.unwrap();
                    s.push_str(&format!(
                        " {}={:?}",
                        String::from_utf8_lossy(a.key.as_ref()),
                        String::from_utf8_lossy(&a.value)
                    ));
                }
                shape.push(s);
            }
            Event::End(e) => shape.push(format!("/{}", String::from_utf8_lossy(e.name().as_ref()))),
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                });
            }
            Event::CData(_) => panic!("no CDATA is written"),
            Event::DocType(_) => panic!("no DOCTYPE is written"),
            Event::Eof => break,
            _ => {}
        }
    }
    (shape, text)
}

/// Consecutive runs with the same properties count as one: an escaped
/// character is its own text node, so its own run, which changes nothing on
/// the page.
fn plain_runs(shape: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < shape.len() {
        if shape[i] == "w:r" {
            let end = (i..shape.len()).find(|&k| shape[k] == "/w:r").unwrap();
            let key: Vec<&str> = shape[i..=end]
                .iter()
                .map(String::as_str)
                .filter(|e| !e.starts_with("w:t ") && *e != "w:t" && *e != "/w:t")
                .collect();
            let key = format!("RUN{key:?}");
            if out.last() != Some(&key) {
                out.push(key);
            }
            i = end + 1;
        } else {
            out.push(shape[i].clone());
            i += 1;
        }
    }
    out
}

fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            parts.push((name, s));
        }
    }
    parts
}

#[test]
fn the_token_draft_fills_every_position() {
    let src = draft(&token);
    let c = compile(&src);
    let json = draftdec::render::json::render(&c.document);
    for n in 1..=POSITIONS {
        assert!(json.contains(&token(n)), "position {n} is lost");
    }
}

#[test]
fn docx_structure_is_unchanged_by_any_text() {
    let base = compile(&draft(&token));
    let base_parts = docx_parts(&draftdec::render::docx::render(&base.document));
    for v in VECTORS {
        let c = compile(&draft(&|n| format!("{}{}", token(n), escape(v))));
        let parts = docx_parts(&draftdec::render::docx::render(&c.document));
        assert_eq!(parts.len(), base_parts.len());
        for ((name, xml), (_, base_xml)) in parts.iter().zip(&base_parts) {
            let (shape, text) = xml_shape(xml);
            let (base_shape, base_text) = xml_shape(base_xml);
            let (shape, base_shape) = (plain_runs(shape), plain_runs(base_shape));
            if let Some(i) =
                (0..shape.len().min(base_shape.len())).find(|&i| shape[i] != base_shape[i])
            {
                panic!(
                    "{v:?} changed the markup of {name} at element {i}: {:?} instead of {:?}",
                    &shape[i.saturating_sub(6)..(i + 4).min(shape.len())],
                    &base_shape[i.saturating_sub(6)..(i + 4).min(base_shape.len())]
                );
            }
            assert_eq!(shape.len(), base_shape.len(), "{v:?}: {name}");
            if name.starts_with("docProps/") {
                // The properties hold metadata values (escapes resolved);
                // only their structure is compared.
                continue;
            }
            let mut expected = base_text.clone();
            for n in (1..=POSITIONS).rev() {
                let shown = v;
                expected = expected.replace(&token(n), &format!("{}{shown}", token(n)));
            }
            assert_eq!(text, expected, "{v:?} in {name}");
        }
    }
}

#[test]
fn html_structure_is_unchanged_by_any_text() {
    let base = compile(&draft(&token));
    let base_html = draftdec::render::html::render(&base.document);
    let strip = |html: &str| -> String {
        // The markup: everything outside text, with attribute values kept.
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    out.push(c)
                }
                '>' => {
                    in_tag = false;
                    out.push(c)
                }
                _ if in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    for v in VECTORS {
        let c = compile(&draft(&|n| format!("{}{}", token(n), escape(v))));
        let html = draftdec::render::html::render(&c.document);
        assert_eq!(
            strip(&html),
            strip(&base_html),
            "{v:?} changed the page's markup"
        );
        for bad in [
            "<script>alert",
            "<img src",
            "<w:p/>",
            "<!-- -->",
            "</style><style>",
        ] {
            assert!(!html.contains(bad), "{v:?}: {bad} reached the page");
        }
    }
}

#[test]
fn json_holds_every_string_verbatim() {
    for v in VECTORS {
        let c = compile(&draft(&|n| format!("{}{}", token(n), escape(v))));
        let json = draftdec::render::json::render(&c.document);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let mut texts = Vec::new();
        collect_strings(&value, &mut texts);
        let all = texts.concat();
        for n in 1..=POSITIONS {
            assert!(
                all.contains(&format!("{}{v}", token(n))) || all.contains(&token(n)),
                "{v:?} at position {n}"
            );
        }
        assert!(all.contains(v), "{v:?} not verbatim in the JSON");
        assert!(value["document"].is_object(), "{v:?} broke the envelope");
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(m) => m.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

//! The backends that `build` streams into its output file (JSON, HTML,
//! DOCX) give the very bytes of their in-memory forms, which the goldens
//! pin: on every example, and on a draft large enough that every backend
//! hands its output on in several chunks.

mod common;

use std::io::Cursor;

use draftdec::ast::Document;
use draftdec::render::{docx, html, json};
use draftdec_bench::corpus::{self, CorpusLang};

/// A generated draft whose `document.xml` is over 1 MiB, the DOCX
/// backend's chunk, and whose page is many times the HTML one's.
fn large() -> String {
    corpus::sized(3, 600 << 10, CorpusLang::En).draft
}

fn assert_streams_agree(name: &str, doc: &Document) {
    let mut out = Vec::new();
    json::render_to(doc, &mut out).expect("writing to memory");
    assert!(
        out == json::render(doc).into_bytes(),
        "{name}: JSON differs"
    );
    let mut out = Vec::new();
    html::render_to(doc, &mut out).expect("writing to memory");
    assert!(
        out == html::render(doc).into_bytes(),
        "{name}: HTML differs"
    );
    let mut out = Cursor::new(Vec::new());
    docx::render_to(doc, &mut out).expect("writing to memory");
    assert!(
        out.into_inner() == docx::render(doc),
        "{name}: DOCX differs"
    );
}

#[test]
fn streamed_outputs_are_the_in_memory_ones() {
    for (name, doc) in common::compiled_examples() {
        assert_streams_agree(&name, &doc);
    }
    let doc = common::compile_clean("large", &large()).document;
    let parts = docx::parts(&doc);
    let document = parts
        .iter()
        .find(|(path, _)| path == "word/document.xml")
        .map_or(0, |(_, bytes)| bytes.len());
    assert!(document > 1 << 20, "document.xml is only {document} bytes");
    assert_streams_agree("large", &doc);
}

#[test]
fn build_writes_the_streamed_bytes() {
    let source = large();
    let dir = common::workspace(&[("large.draft", &source)]);
    let doc = common::compile_clean("large", &source).document;
    let expected = [
        ("json", json::render(&doc).into_bytes()),
        ("html", html::render(&doc).into_bytes()),
        ("docx", docx::render(&doc)),
    ];
    for (to, bytes) in expected {
        let out = dir.path().join(format!("out.{to}"));
        let status = common::draftdec()
            .arg("build")
            .arg(dir.path().join("large.draft"))
            .args(["--to", to, "-o"])
            .arg(&out)
            .status()
            .expect("draftdec runs");
        assert!(status.success(), "build --to {to}: {status}");
        let written = std::fs::read(&out).expect("the output exists");
        assert!(written == bytes, "build --to {to} wrote other bytes");
    }
}

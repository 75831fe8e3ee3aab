//! The whole pipeline on arbitrary bytes: decode → parse → lower → resolve →
//! validate → every backend. Any panic, stack overflow, hang or broken
//! invariant is a crash. See docs/reliability.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let compiled = draftdec::compile_bytes(bytes);
    let Ok(text) = draftdec::decode(bytes) else {
        assert!(compiled.has_errors(), "invalid UTF-8 must be an error");
        return;
    };
    for d in &compiled.diagnostics {
        let spans = std::iter::once(d.primary.span)
            .chain(d.secondary.iter().map(|s| s.span))
            .chain(d.fix.iter().map(|f| f.span));
        for span in spans {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{} span {span:?} outside the source",
                d.code
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{} span {span:?} not on a character boundary",
                d.code
            );
        }
    }
    let json = draftdec::render::json::render(&compiled.document);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    if !compiled.has_errors() {
        backends(&compiled.document);
    }
});

/// Every backend. Backends are only given documents without errors (the
/// CLI writes nothing otherwise). The DOCX must never hold a character that
/// XML 1.0 forbids: Word refuses such a file.
fn backends(doc: &draftdec::ast::Document) {
    let html = draftdec::render::html::render(doc);
    assert!(!html.contains('\0'));
    let docx = draftdec::render::docx::render(doc);
    assert!(docx.starts_with(b"PK"), "a DOCX is a zip file");
    let mut fmt = draftdec::fmt::print(doc, &[]);
    fmt.clear();
}

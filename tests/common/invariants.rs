//! Invariants every compilation must keep, whatever the input (shared by the
//! robustness tests; the fuzz target checks the same ones).

use draftdec::ast::{Document, Span};
use draftdec::{Compiled, compile_bytes};

/// Compiles `bytes` and checks the invariants: diagnostics' spans lie in the
/// source on character boundaries, invalid UTF-8 is an error, the JSON output
/// is valid and compilation is deterministic. Returns the compilation.
pub fn check(bytes: &[u8]) -> Compiled {
    let compiled = compile_bytes(bytes);
    let Ok(text) = draftdec::decode(bytes) else {
        assert!(compiled.has_errors(), "invalid UTF-8 must be an error");
        return compiled;
    };
    spans_in_source(&compiled, &text);
    let json = draftdec::render::json::render(&compiled.document);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON output parses");
    let again = compile_bytes(bytes);
    assert_eq!(
        again.diagnostics, compiled.diagnostics,
        "diagnostics differ between runs"
    );
    assert_eq!(
        draftdec::render::json::render(&again.document),
        json,
        "output differs between runs"
    );
    compiled
}

pub fn spans_in_source(compiled: &Compiled, text: &str) {
    for d in &compiled.diagnostics {
        let spans = std::iter::once(d.primary.span)
            .chain(d.secondary.iter().map(|s| s.span))
            .chain(d.fix.iter().map(|f| f.span));
        for span in spans {
            assert_span(span, text, d.code.as_str());
        }
    }
    document_spans(&compiled.document, text);
}

pub fn assert_span(span: Span, text: &str, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside the source ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on character boundaries"
    );
}

/// Every `span` in the document's JSON lies in the source, on boundaries.
pub fn document_spans(doc: &Document, text: &str) {
    fn walk(v: &serde_json::Value, text: &str) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e)) = (
                    m.get("start").and_then(|v| v.as_u64()),
                    m.get("end").and_then(|v| v.as_u64()),
                ) && m.len() == 2
                {
                    assert_span(Span::new(s as usize, e as usize), text, "AST node");
                }
                m.values().for_each(|v| walk(v, text));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, text)),
            _ => {}
        }
    }
    walk(&serde_json::to_value(doc).unwrap(), text);
}

/// Two revisions, OLD then NEW, compared as `draftdec diff` compares them,
/// with the promises of docs/negotiation.md (the fuzz target `diff` checks
/// the same): every output is made without a panic, a revision compared
/// with itself has no edit, the amendments document compiles without an
/// error, and each refusal's span lies in the revision it names. Pairs
/// where a revision has errors are not compared, as the CLI does.
#[allow(dead_code)] // Not every test binary that shares `common` compares pairs.
pub fn check_pair(old_text: &str, new_text: &str) {
    let (old, new) = (draftdec::compile(old_text), draftdec::compile(new_text));
    if old.has_errors() || new.has_errors() {
        return;
    }
    let (old, new) = (&old.document, &new.document);
    let found = draftdec::diff::diff(old, new);
    serde_json::to_string(&found.edits()).expect("the edit script serialises");
    draftdec::render::html::redline::render(&found, new);
    let tracked = draftdec::render::docx::render_tracked(old, new, &Default::default());
    assert!(tracked.starts_with(b"PK"), "a DOCX is a zip file");
    assert!(draftdec::diff::diff(old, old).edits().is_empty());
    let amendments = draftdec::amendments::amendments(old, new, "TEST/1", &["Cuba", "Mexico"]);
    match amendments {
        Ok(text) => {
            assert_eq!(
                draftdec::amendments::amendments(old, new, "TEST/1", &["Cuba", "Mexico"]).ok(),
                Some(text.clone()),
                "amendments differ between runs"
            );
            let written = draftdec::compile(&text);
            let errors: Vec<_> = written
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code.as_str())
                .collect();
            assert!(
                errors.is_empty(),
                "amendments with errors {errors:?}:\n{text}"
            );
        }
        Err(refused) => {
            for (side, d) in refused {
                let text = match side {
                    draftdec::amendments::Side::Old => old_text,
                    draftdec::amendments::Side::New => new_text,
                };
                assert_span(d.primary.span, text, d.code.as_str());
            }
        }
    }
}

//! Two revisions compared (`draftdec diff`), on arbitrary pairs of drafts:
//! the input is OLD, a NUL byte, then NEW. Any panic, stack overflow or
//! hang is a crash, and so is a broken promise of docs/negotiation.md:
//! a revision compared with itself has no edit; the amendments document,
//! when one is written, compiles without an error; a refusal points
//! inside the revision it names. See docs/reliability.md.
#![no_main]

use draftdec::amendments::Side;
use draftdec::render::docx::Revision;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some(cut) = bytes.iter().position(|&b| b == 0) else {
        return;
    };
    let (Ok(old_text), Ok(new_text)) = (
        draftdec::decode(&bytes[..cut]),
        draftdec::decode(&bytes[cut + 1..]),
    ) else {
        return;
    };
    let old = draftdec::compile(&old_text);
    let new = draftdec::compile(&new_text);
    // The CLI compares only revisions without errors.
    if old.has_errors() || new.has_errors() {
        return;
    }
    let (old, new) = (&old.document, &new.document);

    let found = draftdec::diff::diff(old, new);
    let edits = serde_json::to_string(&found.edits()).expect("the edit script serialises");
    assert!(serde_json::from_str::<serde_json::Value>(&edits).is_ok());
    let redline = draftdec::render::html::redline::render(&found, new);
    assert!(!redline.contains('\0'));
    let tracked = draftdec::render::docx::render_tracked(old, new, &Revision::default());
    assert!(tracked.starts_with(b"PK"), "a DOCX is a zip file");

    let same = draftdec::diff::diff(old, old);
    assert!(
        same.edits().is_empty(),
        "a revision compared with itself has edits"
    );

    match draftdec::amendments::amendments(old, new, "FUZZ/1", &["Cuba", "Mexico"]) {
        Ok(text) => {
            let written = draftdec::compile(&text);
            let errors: Vec<_> = written
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code)
                .collect();
            assert!(
                errors.is_empty(),
                "the amendments document has errors {errors:?}:\n{text}"
            );
        }
        Err(refused) => {
            for (side, d) in refused {
                let text = if side == Side::Old {
                    &old_text
                } else {
                    &new_text
                };
                let span = d.primary.span;
                assert!(
                    span.start <= span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{} span {span:?} outside its revision",
                    d.code
                );
            }
        }
    }
});

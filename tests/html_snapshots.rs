//! Golden pages, and determinism.

mod html_fixture;

use draftdec::lang::Lang;
use draftdec::render::html;

#[test]
fn hand_built_english_note() {
    insta::assert_snapshot!(html::render(&html_fixture::readable(Lang::En)));
}

#[test]
fn rendering_is_deterministic() {
    for lang in [Lang::En, Lang::Ru] {
        let doc = html_fixture::readable(lang);
        let first = html::render(&doc);
        for _ in 0..5 {
            assert_eq!(html::render(&doc.clone()), first);
        }
        // Through a JSON round trip too: no hidden state rides on the values.
        let json = serde_json::to_string(&doc).unwrap();
        let back: draftdec::ast::Document = serde_json::from_str(&json).unwrap();
        assert_eq!(html::render(&back), first);
    }
}

/// Every `examples/*.draft`, compiled and rendered; the pages are also the
/// input of the browser test (`tests/html_browser.rs`).
fn examples() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "draft"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn every_example() {
    for (name, source) in examples() {
        let compiled = draftdec::driver::compile(&source);
        assert!(
            !compiled.has_errors(),
            "{name}: {:#?}",
            compiled.diagnostics
        );
        let page = html::render(&compiled.document);
        assert_eq!(page, html::render(&compiled.document), "{name}");
        insta::assert_snapshot!(format!("example_{name}"), page);
    }
}

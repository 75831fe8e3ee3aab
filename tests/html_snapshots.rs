//! Golden pages, and determinism.

mod common;

use common::html_fixture;
use draftdec::ast::Lang;
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

/// Every `examples/*.draft`, compiled and rendered; the browser test
/// (`tests/html_browser.rs`) opens the same pages.
#[test]
fn every_example() {
    for (name, doc) in common::compiled_examples() {
        let page = html::render(&doc);
        assert_eq!(page, html::render(&doc), "{name}");
        insta::assert_snapshot!(format!("example_{name}"), page);
    }
}

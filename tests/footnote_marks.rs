//! The marks of footnotes as each house style prints them: the masthead's
//! footnote numbered 1 (UNEP-serviced meetings) or marked with an asterisk,
//! the text's then numbered from 1 (the Secretariat's masthead documents,
//! WHO); indicators at one place separated by a comma (Editorial Manual,
//! *Footnotes*, IX.B), never read as one number.

mod common;

use draftdec::render::html;

fn note(organ: &str) -> String {
    format!(
        "organ: {organ}\nsymbol: A/78/100\nlanguage: en\nagenda-item: 14\n\
         provisional-agenda: A/78/50\ntitle: A note\n\n\
         #. The first report^{{A/77/1.}}^{{A/77/2.}} and the second.^{{A/77/3.}}\n"
    )
}

#[test]
fn a_ga_document_marks_the_masthead_footnote_with_an_asterisk() {
    let doc = common::compile_clean("ga.draft", &note("ga")).document;
    let marks: Vec<(Option<u32>, Option<&str>)> = doc
        .footnotes
        .iter()
        .map(|f| (f.number, f.mark.as_deref()))
        .collect();
    assert_eq!(
        marks,
        [
            (None, Some("*")),
            (Some(1), None),
            (Some(2), None),
            (Some(3), None)
        ]
    );
    let page = html::render(&doc);
    assert!(
        page.contains("agenda<sup class=\"fnref\"><a href=\"#fn-m2a\""),
        "{page}"
    );
    assert!(page.contains("role=\"doc-noteref\">*</a></sup>"));
    // Two indicators at one place: "1,2".
    assert!(
        page.contains(">1</a></sup><sup class=\"fnsep\">,</sup><sup class=\"fnref\">"),
        "{page}"
    );
    let parts = common::docx_parts(&doc);
    let body = &parts["word/document.xml"];
    // The asterisk is Word's custom mark; the text's footnotes keep Word's
    // own numbers 1, 2, 3, and the comma stands between the first two.
    assert_eq!(
        body.matches("w:customMarkFollows=\"1\"").count(),
        1,
        "{body}"
    );
    assert!(body.contains("<w:t xml:space=\"preserve\">*</w:t>"));
    assert!(body.contains("<w:t xml:space=\"preserve\">,</w:t>"));
    let notes = &parts["word/footnotes.xml"];
    assert_eq!(notes.matches("<w:footnoteRef/>").count(), 3, "{notes}");
}

#[test]
fn a_unep_document_numbers_the_masthead_footnote_first() {
    let doc = common::compile_clean("cop.draft", &note("cop")).document;
    let numbers: Vec<Option<u32>> = doc.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4)]);
    assert!(doc.footnotes.iter().all(|f| f.mark.is_none()));
    let body = &common::docx_parts(&doc)["word/document.xml"];
    assert!(!body.contains("w:customMarkFollows"));
}

#[test]
fn the_seed_keeps_its_footnotes_1_2_3() {
    let doc = common::compile_file("examples/cooperation.en.draft");
    let numbers: Vec<Option<u32>> = doc.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
}

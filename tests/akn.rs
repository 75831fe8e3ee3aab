//! Akoma Ntoso output (`build --to akn`): every example is valid against
//! the OASIS schema (xmllint with `akomantoso30.xsd`), matches its golden
//! file, and names its parts with the ids of the HTML page.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

/// The values of `attr="…"` in `text`.
fn attribute_values(text: &str, attr: &str) -> BTreeSet<String> {
    let needle = format!(" {attr}=\"");
    text.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &text[i + needle.len()..];
            rest[..rest.find('"').expect("a closing quote")].to_string()
        })
        .collect()
}

#[test]
fn every_example_matches_its_golden_file() {
    let mut stale = Vec::new();
    for (name, doc) in common::compiled_examples() {
        let xml = draftdec::render::akn::render(&doc);
        assert_eq!(
            xml,
            draftdec::render::akn::render(&doc),
            "{name}: deterministic"
        );
        let path = format!("tests/akn/{name}.akn.xml");
        if common::golden(&path, &xml).is_some() {
            stale.push(path);
        }
    }
    common::assert_fresh(&stale);
}

#[test]
fn every_example_is_valid_against_the_oasis_schema() {
    let (Some(xmllint), Some(xsd)) = (common::XMLLINT.require(), common::AKN_SCHEMA.require())
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    for (name, doc) in common::compiled_examples() {
        let path = dir.path().join(format!("{name}.akn.xml"));
        std::fs::write(&path, draftdec::render::akn::render(&doc)).expect("write");
        files.push(path);
    }
    assert_valid(&xmllint, &xsd, &files);
}

/// Every file in `files` validates against the schema `xsd`.
fn assert_valid(xmllint: &std::path::Path, xsd: &std::path::Path, files: &[std::path::PathBuf]) {
    let out = Command::new(xmllint)
        .arg("--noout")
        .arg("--schema")
        .arg(xsd)
        .args(files)
        .output()
        .expect("xmllint runs");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "not valid Akoma Ntoso:\n{log}");
    assert_eq!(
        log.matches(" validates").count(),
        files.len(),
        "every file validates:\n{log}"
    );
}

/// A preamble's option blocks, one with an option of no clause ("No
/// text"), in a decision that is the document and in one inside a note:
/// each option is recitals of its own, or a container of its heading.
#[test]
fn preamble_options_are_valid_against_the_oasis_schema() {
    let (Some(xmllint), Some(xsd)) = (common::XMLLINT.require(), common::AKN_SCHEMA.require())
    else {
        return;
    };
    let decision = "::: decision\nThe Conference of the Parties,\n\n*Recalling* decision MC-5/1,\n\n::: option\n*Noting* the report,\n::: option\n:::\n\n*Welcoming* the plan,\n\n::: option\n*Noting* the study,\n::: option\n*Noting* the plan,\n\n*Noting* the budget,\n:::\n\n#. *Decides* to act.\n:::\n";
    let drafts = [
        format!(
            "type: draft-decision\nsymbol: UNEP/MC/COP.6/L.5\nlanguage: en\nbody: Conference of the Parties\ntitle: T\n\n{decision}"
        ),
        format!(
            "symbol: UNEP/MC/COP.6/20\nlanguage: en\ntitle: T\n\n#. The secretariat proposes:\n\n{decision}"
        ),
    ];
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut files = Vec::new();
    for (i, src) in drafts.iter().enumerate() {
        let compiled = draftdec::compile(src);
        assert!(!compiled.has_errors(), "{src}\n{:#?}", compiled.diagnostics);
        let xml = draftdec::render::akn::render(&compiled.document);
        assert!(
            xml.contains("<container name=\"option\"><p>Option 2</p></container>"),
            "{xml}"
        );
        assert!(
            xml.contains("<recitals>\n<heading>Option 2</heading>"),
            "{xml}"
        );
        let path = dir.path().join(format!("preamble-options-{i}.akn.xml"));
        std::fs::write(&path, xml).expect("write");
        files.push(path);
    }
    assert_valid(&xmllint, &xsd, &files);
}

/// The checker must notice an invalid document: one the schema refuses
/// (a paragraph outside the main body) fails.
#[test]
fn the_schema_refuses_a_broken_document() {
    let (Some(xmllint), Some(xsd)) = (common::XMLLINT.require(), common::AKN_SCHEMA.require())
    else {
        return;
    };
    let doc = common::compile_file("examples/tour.en.draft");
    let xml = draftdec::render::akn::render(&doc).replace("<mainBody>", "<paragraph/><mainBody>");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("broken.xml");
    std::fs::write(&path, xml).expect("write");
    let out = Command::new(xmllint)
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(&path)
        .output()
        .expect("xmllint runs");
    assert!(!out.status.success());
}

#[test]
fn every_eid_is_an_id_of_the_html_page() {
    for (name, doc) in common::compiled_examples() {
        let xml = draftdec::render::akn::render(&doc);
        let html = draftdec::render::html::render(&doc);
        let ids = attribute_values(&html, "id");
        // The metadata's own ids name organisations, not parts of the text.
        let body = &xml[xml.find("</meta>").expect("metadata")..];
        let eids = attribute_values(body, "eId");
        // The shortest example (SC-2/3) has three: its operative paragraphs.
        assert!(eids.len() >= 3, "{name}: {eids:?}");
        let missing: Vec<_> = eids.difference(&ids).collect();
        assert!(
            missing.is_empty(),
            "{name}: eIds not in the HTML: {missing:?}"
        );
        // Every numbered part the HTML names is in the AKN too.
        let numbered: BTreeSet<_> = ids
            .iter()
            .filter(|id| id.starts_with("op-") || id.starts_with("pp-") || id.starts_with("sec-"))
            .cloned()
            .collect();
        let lost: Vec<_> = numbered.difference(&eids).collect();
        assert!(
            lost.is_empty(),
            "{name}: parts missing from the AKN: {lost:?}"
        );
    }
}

#[test]
fn the_iris_are_built_from_symbol_language_and_date() {
    let doc = common::compile_file("examples/cooperation.ru.draft");
    let xml = draftdec::render::akn::render(&doc);
    let work = "/akn/un/doc/note/unep/2025-08-20/UNEP-MC-COP.6-21";
    assert!(xml.contains(&format!("<FRBRthis value=\"{work}/!main\"/>")));
    assert!(xml.contains(&format!("<FRBRuri value=\"{work}/rus@\"/>")));
    assert!(xml.contains(&format!("<FRBRthis value=\"{work}/rus@/!main.xml\"/>")));
    assert!(xml.contains("<FRBRlanguage language=\"rus\"/>"));
    let ga = common::compile_file("examples/resolution-ga.en.draft");
    let xml = draftdec::render::akn::render(&ga);
    assert!(xml.contains("<statement name=\"resolution\">"));
    assert!(xml.contains("/akn/un/statement/resolution/unga/2023-04-04/A-RES-77-276/!main"));
    assert!(xml.contains("<preamble>\n<formula name=\"enactingFormula\">"));
    assert!(xml.contains("<conclusions>"));
}

#[test]
fn build_writes_akn_next_to_the_draft() {
    let source = common::read("examples/tour.en.draft");
    let dir = common::workspace(&[("tour.draft", &source)]);
    let out = common::draftdec()
        .current_dir(dir.path())
        .args(["build", "tour.draft", "--to", "akn"])
        .output()
        .expect("draftdec runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(dir.path().join("tour.akn.xml")).expect("written");
    let doc = common::compile_file("examples/tour.en.draft");
    assert_eq!(written, draftdec::render::akn::render(&doc));
}

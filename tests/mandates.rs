//! The table of mandates (`draftdec mandates`): golden files for the seed
//! in six languages, the same rows in every language, and the command.

mod common;

use draftdec::mandates::{self, Mandate};

/// What a row means, without its words: the same in every language.
fn meaning(m: &Mandate) -> (String, String, String, String, Vec<String>, Option<String>) {
    (
        m.decision_anchor.clone(),
        m.anchor.clone(),
        m.addressee.key.clone(),
        m.action.key.clone(),
        m.conditions.iter().map(|c| c.key.clone()).collect(),
        m.deadline.as_ref().map(|d| d.key.clone()),
    )
}

#[test]
fn the_seed_matches_its_golden_files_in_six_languages() {
    let mut stale = Vec::new();
    for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
        let doc = common::compile_file(format!("examples/cooperation.{lang}.draft"));
        let table = mandates::table(&[&doc]);
        for (ext, text) in [
            ("json", mandates::json(&table)),
            ("csv", mandates::csv(&table)),
            ("html", mandates::html(&table)),
        ] {
            let path = format!("tests/mandates/cooperation.{lang}.{ext}");
            if common::golden(&path, &text).is_some() {
                stale.push(path);
            }
        }
    }
    common::assert_fresh(&stale);
}

#[test]
fn every_language_gives_the_same_rows() {
    let english = mandates::mandates(&common::compile_file("examples/cooperation.en.draft"));
    let expected: Vec<_> = english.iter().map(meaning).collect();
    // The four mandates of the seed: the secretariat's in paragraph 3,
    // given inside the paragraph and subject to resources, and the
    // Executive Secretary's three, the last due at the next meeting.
    let rows: Vec<(&str, &str, &str)> = english.iter().map(keys).collect();
    assert_eq!(
        rows,
        [
            ("3", "secretariat", "request"),
            ("4 (a)", "executive_secretary", "request"),
            ("4 (b)", "executive_secretary", "request"),
            ("4 (c)", "executive_secretary", "request"),
        ]
    );
    assert_eq!(
        english[0].conditions[0].text,
        "subject to the availability of resources"
    );
    assert_eq!(
        english[3].deadline.as_ref().map(|d| d.text.as_str()),
        Some("at its next meeting")
    );
    for lang in ["fr", "es", "ru", "ar", "zh"] {
        let rows = mandates::mandates(&common::compile_file(format!(
            "examples/cooperation.{lang}.draft"
        )));
        let meanings: Vec<_> = rows.iter().map(meaning).collect();
        assert_eq!(meanings, expected, "{lang}");
    }
    let russian = mandates::mandates(&common::compile_file("examples/cooperation.ru.draft"));
    assert_eq!(russian[1].action.text, "поручает");
    assert_eq!(russian[1].addressee.text, "Исполнительному секретарю");
    assert_eq!(
        russian[0].conditions[0].text,
        "при условии наличия ресурсов"
    );
}

#[test]
fn a_decision_that_requests_nothing_gives_no_row() {
    let doc = common::compile_file("examples/resolution-ga.en.draft");
    assert!(mandates::mandates(&doc).is_empty());
    // The tour's decision: the secretariat's two tasks and an invitation to
    // Parties.
    let tour = mandates::mandates(&common::compile_file("examples/tour.en.draft"));
    let rows: Vec<(&str, &str, &str)> = tour.iter().map(keys).collect();
    assert_eq!(
        rows,
        [
            ("2 (a)", "secretariat", "request"),
            ("2 (b)", "secretariat", "request"),
            ("3", "parties", "invite"),
        ]
    );
}

/// `draftdec mandates ARGS…` from the repository's root, which must
/// succeed: its standard output.
fn run_mandates<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Vec<u8> {
    let out = common::draftdec()
        .current_dir(common::root())
        .arg("mandates")
        .args(args)
        .output()
        .expect("draftdec runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_command_writes_the_table_of_several_drafts() {
    let csv = String::from_utf8(run_mandates([
        "examples/cooperation.en.draft",
        "examples/tour.en.draft",
        "--to",
        "csv",
    ]))
    .expect("UTF-8");
    assert!(csv.starts_with("\"Document\",\"Decision\",\"Paragraph\",\"Addressee\""));
    assert_eq!(csv.lines().count(), 1 + 4 + 3, "{csv}");
    assert!(
        csv.contains(
            "\"UNEP/MC/COP.6/INF/99\",\"MC-6/[…]: Thresholds for mercury waste\",\"2 (a)\""
        )
    );

    let schema = common::draftdec()
        .args(["mandates", "--schema"])
        .output()
        .expect("draftdec runs");
    assert!(schema.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).expect("JSON");
    assert_eq!(schema["title"], "draftdec mandates");

    let bad = common::workspace(&[("bad.draft", "symbol: X\n::: decision\n")]);
    let out = common::draftdec()
        .current_dir(bad.path())
        .args(["mandates", "bad.draft"])
        .output()
        .expect("draftdec runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing is written");
}

/// The DOCX of the seed's table in `lang`, written to `dir`.
fn seed_docx(dir: &std::path::Path, lang: &str) -> (std::path::PathBuf, mandates::Table) {
    let doc = common::compile_file(format!("examples/cooperation.{lang}.draft"));
    let table = mandates::table(&[&doc]);
    let path = dir.join(format!("mandates.{lang}.docx"));
    std::fs::write(&path, mandates::docx(&table)).unwrap();
    (path, table)
}

/// The DOCX's main part, one table row a line: the golden file of the seed
/// in two left-to-right languages and a right-to-left one.
#[test]
fn the_docx_table_matches_its_golden_files() {
    let mut stale = Vec::new();
    for lang in ["en", "ru", "ar"] {
        let doc = common::compile_file(format!("examples/cooperation.{lang}.draft"));
        let table = mandates::table(&[&doc]);
        let parts = mandates::docx_parts(&table);
        let (_, xml) = parts
            .iter()
            .find(|(name, _)| name == "word/document.xml")
            .expect("a main document part");
        let xml = String::from_utf8(xml.clone())
            .unwrap()
            .replace("</w:tr>", "</w:tr>\n");
        assert_eq!(xml.matches("<w:tr>").count(), 1 + table.mandates.len());
        assert_eq!(xml.contains("<w:bidiVisual/>"), lang == "ar");
        assert!(xml.contains(r#"w:orient="landscape""#));
        let path = format!("tests/mandates/cooperation.{lang}.docx.xml");
        if common::golden(&path, &xml).is_some() {
            stale.push(path);
        }
        assert_eq!(
            mandates::docx(&table),
            mandates::docx(&table),
            "{lang}: deterministic"
        );
    }
    common::assert_fresh(&stale);
}

/// Word's rules (the Open XML SDK validator's port, as for every example's
/// DOCX in tests/docx.rs): no error in the table documents.
#[test]
fn the_docx_table_passes_the_open_xml_sdk_rules() {
    let Some(tool) = common::OPENXML_AUDIT.require() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ru", "ar", "zh"] {
        seed_docx(dir.path(), lang);
    }
    let (reports, _) = common::openxml_audit(&tool, dir.path());
    assert_eq!(reports.len(), 4, "{reports:#?}");
    for r in &reports {
        assert!(
            r["error_count"] == 0 && r["valid"] == true,
            "{}: {:#}",
            r["file"],
            r["errors"]
        );
    }
}

/// LibreOffice opens the table without complaint and lays out every row:
/// each heading and each row's paragraph, addressee and verb are in the
/// PDF's text.
#[test]
fn libreoffice_lays_out_every_row_of_the_docx_table() {
    let Some(office) = common::LibreOffice::require() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ru", "ar"] {
        let (docx, table) = seed_docx(dir.path(), lang);
        // poppler brackets right-to-left lines with embedding controls and
        // sets a paragraph number's brackets in visual order ("( 4أ)"):
        // both are left out of the comparison.
        let plain = |s: &str| -> String {
            s.chars()
                .filter(|c| {
                    !matches!(
                        c,
                        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '(' | ')'
                    )
                })
                .collect()
        };
        let text = plain(&office.text(&office.pdf(&docx), false));
        let has = |phrase: &str| plain(phrase).split_whitespace().all(|w| text.contains(w));
        for h in &table.headings {
            assert!(has(h), "{lang}: heading {h:?} in {text}");
        }
        for m in &table.mandates {
            for cell in [&m.paragraph, &m.addressee.text, &m.action.text] {
                assert!(has(cell), "{lang}: {cell:?} in {text}");
            }
        }
        let verbs = table.mandates[1].action.text.as_str();
        assert!(
            text.matches(verbs).count() >= 3,
            "{lang}: a row for each of paragraph 4's mandates: {text}"
        );
    }
}

#[test]
fn the_command_writes_the_docx_table() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("mandates.docx");
    run_mandates([
        "examples/cooperation.ru.draft".as_ref(),
        "--to".as_ref(),
        "docx".as_ref(),
        "-o".as_ref(),
        out_path.as_os_str(),
    ]);
    let doc = common::compile_file("examples/cooperation.ru.draft");
    assert_eq!(
        std::fs::read(&out_path).unwrap(),
        mandates::docx(&mandates::table(&[&doc]))
    );
}

/// A row as (paragraph, addressee, action) keys, the same in every language.
fn keys(m: &mandates::Mandate) -> (&str, &str, &str) {
    (
        m.paragraph.as_str(),
        m.addressee.key.as_str(),
        m.action.key.as_str(),
    )
}

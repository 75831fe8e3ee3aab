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
    assert!(
        stale.is_empty(),
        "stale golden files (rewrite with {}): {stale:?}",
        common::BLESS
    );
}

#[test]
fn every_language_gives_the_same_rows() {
    let english = mandates::mandates(&common::compile_file("examples/cooperation.en.draft"));
    let expected: Vec<_> = english.iter().map(meaning).collect();
    // The four mandates of the seed: the secretariat's in paragraph 3,
    // given inside the paragraph and subject to resources, and the
    // Executive Secretary's three, the last due at the next meeting.
    let rows: Vec<(&str, &str, &str)> = english
        .iter()
        .map(|m| {
            (
                m.paragraph.as_str(),
                m.addressee.key.as_str(),
                m.action.key.as_str(),
            )
        })
        .collect();
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
    let rows: Vec<(&str, &str, &str)> = tour
        .iter()
        .map(|m| {
            (
                m.paragraph.as_str(),
                m.addressee.key.as_str(),
                m.action.key.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2 (a)", "secretariat", "request"),
            ("2 (b)", "secretariat", "request"),
            ("3", "parties", "invite"),
        ]
    );
}

#[test]
fn the_command_writes_the_table_of_several_drafts() {
    let out = common::draftdec()
        .current_dir(common::root())
        .args([
            "mandates",
            "examples/cooperation.en.draft",
            "examples/tour.en.draft",
            "--to",
            "csv",
        ])
        .output()
        .expect("draftdec runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
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

//! `draftdec diff`: the example pair's edit script and redline (golden
//! files), and for generated pairs of drafts, that the aligned steps give
//! back each revision whole: accepting every change gives the new
//! revision's units, rejecting every change the old one's.

mod common;

use draftdec::diff::{Diff, Step, Words};
use proptest::prelude::*;

fn compile(path: &str) -> draftdec::ast::Document {
    let compiled = draftdec::compile(&common::read(path));
    assert!(
        !compiled.has_errors(),
        "{path}: {:#?}",
        compiled.diagnostics
    );
    compiled.document
}

#[test]
fn the_example_pair() {
    let old = compile("examples/negotiation.rev0.draft");
    let new = compile("examples/negotiation.rev1.draft");
    let found = draftdec::diff::diff(&old, &new);
    let json = serde_json::to_string_pretty(&found.edits()).expect("JSON");
    insta::assert_snapshot!("negotiation-edits", json);
    let html = draftdec::render::html::redline::render(&found, &new);
    insta::assert_snapshot!("negotiation-redline", html);
    // Renumbering alone is no change: the paragraph labelled `op-services`
    // went from 1 to 2 with the same words.
    assert!(found.steps.iter().any(|s| matches!(s,
        Step::Same { old, new } if found.old[*old].path == "1" && found.new[*new].path == "2")));
    // The redline tells a change in words, not by colour alone.
    assert!(html.contains("<ins data-label=\"inserted\">"));
    assert!(html.contains("<del data-label=\"deleted\">"));
}

#[test]
fn a_revision_against_itself_has_no_edits() {
    let doc = compile("examples/cooperation.en.draft");
    let found = draftdec::diff::diff(&doc, &doc);
    assert!(found.edits().is_empty());
}

/// Each side rebuilt from the steps, unit by unit.
fn sides(d: &Diff) -> (Vec<String>, Vec<String>) {
    let keep = |words: &[Words], insert: bool| -> String {
        words
            .iter()
            .filter_map(|w| match w {
                Words::Same(t) => Some(t.as_str()),
                Words::Insert(t) if insert => Some(t),
                Words::Delete(t) if !insert => Some(t),
                _ => None,
            })
            .collect()
    };
    let (mut old, mut new) = (Vec::new(), Vec::new());
    let mut old_seen = Vec::new();
    for step in &d.steps {
        match step {
            Step::Same { old: i, new: j } => {
                old_seen.push((*i, d.old[*i].text.clone()));
                new.push(d.new[*j].text.clone());
            }
            Step::Replace {
                old: i,
                new: _,
                words,
            } => {
                old_seen.push((*i, keep(words, false)));
                new.push(keep(words, true));
            }
            Step::Delete { old: i } | Step::MovedAway { old: i, .. } => {
                old_seen.push((*i, d.old[*i].text.clone()))
            }
            Step::Insert { new: j } | Step::MovedHere { new: j, .. } => {
                new.push(d.new[*j].text.clone())
            }
        }
    }
    old_seen.sort_by_key(|(i, _)| *i);
    old.extend(old_seen.into_iter().map(|(_, t)| t));
    (old, new)
}

fn draft(paragraphs: &[String]) -> String {
    let mut src = String::from("symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n# Intro\n\n");
    for p in paragraphs {
        src.push_str("#. ");
        src.push_str(p);
        src.push_str("\n\n");
    }
    src
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "the",
            "Parties",
            "shall",
            "should",
            "report",
            "[on",
            "it]",
            "annually,",
            "and",
            "secretariat",
            "decides",
            "meeting.",
        ]),
        1..12,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn accept_gives_new_and_reject_gives_old(
        a in prop::collection::vec(paragraph(), 0..8),
        b in prop::collection::vec(paragraph(), 0..8),
    ) {
        let (old, new) = (draftdec::compile(&draft(&a)), draftdec::compile(&draft(&b)));
        let found = draftdec::diff::diff(&old.document, &new.document);
        let (rejected, accepted) = sides(&found);
        let texts = |units: &[draftdec::diff::Unit]| units.iter().map(|u| u.text.clone()).collect::<Vec<_>>();
        prop_assert_eq!(accepted, texts(&found.new));
        prop_assert_eq!(rejected, texts(&found.old));
    }
}

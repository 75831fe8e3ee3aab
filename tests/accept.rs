//! `draftdec build --accept`: the document with an option of an option
//! block chosen, numbered afresh; a choice that names no option refused.

mod common;

use std::path::Path;
use std::process::Output;

use common::workspace;

const EXAMPLE: &str = include_str!("../examples/negotiation.options.draft");

/// Two option blocks: one in the body, one in a decision, the second
/// with a reference into its first option.
const TWO_BLOCKS: &str = "\
symbol: UNEP/MC/COP.6/20
language: en
title: Cooperation and coordination

#. The secretariat reports.

::: option <annual>
#. The task team meets once a year.
::: option <on-request>
#. The task team meets when the Parties request it.

#. Its report is posted online.
:::

#. The budget is annexed.

::: decision
The Conference of the Parties,

#. *Takes note* of the report;

::: option
#. <op-fund> *Decides* to establish a fund;
::: option
#. *Decides* to continue the work;
:::

#. *Requests* the secretariat to report on paragraph @#op-fund.
:::
";

fn build(dir: &Path, file: &str, accept: &[&str]) -> Output {
    let mut cmd = common::draftdec();
    cmd.current_dir(dir)
        .args(["build", file, "--to", "json", "-o", "-"]);
    for a in accept {
        cmd.args(["--accept", a]);
    }
    cmd.output().expect("draftdec runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The printed numbers of the JSON's numbered paragraphs and operative
/// paragraphs, and the headings of the options left outside preambles, in
/// order.
fn printed(out: &Output) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(h) = map.get("heading").and_then(|h| h.as_str())
                    && map.contains_key("fence_span")
                {
                    out.push(h.to_string());
                }
                if map.contains_key("content")
                    && let Some(text) = map
                        .get("number")
                        .and_then(|n| n.get("path"))
                        .and_then(|t| t.as_str())
                    && (map.contains_key("numbered") || map.contains_key("addressee"))
                {
                    out.push(text.to_string());
                }
                for (key, value) in map {
                    // A decision's preamble: see `preamble`.
                    if !["meta", "presentation", "footnotes", "preamble"].contains(&key.as_str()) {
                        walk(value, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    assert!(out.status.success(), "{}", stderr(out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut numbers = Vec::new();
    walk(&value["document"]["body"], &mut numbers);
    numbers
}

#[test]
fn the_example_with_each_option() {
    let dir = workspace(&[("sip.draft", EXAMPLE)]);
    let all = build(dir.path(), "sip.draft", &[]);
    // (The annex's block is left: the body is compared.)
    assert_eq!(
        printed(&all),
        [
            "1", "Option 1", "2", "2 bis", "Option 2", "2", "3", "4", "5"
        ]
    );
    let extend = build(dir.path(), "sip.draft", &["sip-extend"]);
    assert_eq!(printed(&extend), ["1", "2", "2 bis", "3"]);
    assert_eq!(stderr(&extend), "");
    for spelling in ["sip-end", "2:option-2"] {
        let end = build(dir.path(), "sip.draft", &[spelling]);
        assert_eq!(printed(&end), ["1", "2", "3", "4", "5"], "{spelling}");
    }
}

/// The anchors of the preamble's clauses in the JSON's first decision,
/// with the headings of the options left.
fn preamble(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", stderr(out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let anchor = |c: &serde_json::Value| c["number"]["anchor"].as_str().unwrap_or("").to_string();
    let mut found = Vec::new();
    for item in value["document"]["body"][0]["preamble"]
        .as_array()
        .expect("a preamble")
    {
        match item["options"].as_array() {
            Some(options) => {
                for option in options {
                    found.push(option["heading"].as_str().unwrap_or("").to_string());
                    found.extend(
                        option["content"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(anchor),
                    );
                }
            }
            None => found.push(anchor(item)),
        }
    }
    found
}

#[test]
fn an_option_of_the_preamble_is_chosen_like_any_other() {
    let dir = workspace(&[("sip.draft", EXAMPLE)]);
    let all = build(dir.path(), "sip.draft", &[]);
    assert_eq!(
        preamble(&all),
        [
            "pp-1",
            "Option 1",
            "option-1-1-pp-2",
            "Option 2",
            "option-1-2-pp-2",
            "option-1-2-pp-3"
        ]
    );
    for spelling in ["pre-report", "1:option-2"] {
        let report = build(dir.path(), "sip.draft", &[spelling, "sip-end"]);
        assert_eq!(preamble(&report), ["pp-1", "pp-2", "pp-3"], "{spelling}");
        assert_eq!(printed(&report), ["1", "2", "3", "4", "5"], "{spelling}");
        assert_eq!(stderr(&report), "");
    }
    let review = build(dir.path(), "sip.draft", &["pre-review"]);
    assert_eq!(preamble(&review), ["pp-1", "pp-2"]);
}

#[test]
fn several_blocks_are_named_by_order_or_label() {
    let dir = workspace(&[("two.draft", TWO_BLOCKS)]);
    let out = build(dir.path(), "two.draft", &["on-request", "2:option-1"]);
    assert_eq!(printed(&out), ["1", "2", "3", "4", "1", "2", "3"]);
    // One block chosen, the other left as it is.
    let out = build(dir.path(), "two.draft", &["1:option-1"]);
    assert_eq!(
        printed(&out),
        ["1", "2", "3", "1", "Option 1", "2", "Option 2", "2", "3"]
    );
}

#[test]
fn the_chosen_text_is_checked_like_any_draft() {
    let dir = workspace(&[("two.draft", TWO_BLOCKS)]);
    let out = build(dir.path(), "two.draft", &["2:option-2"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[E0102]"), "{err}");
    assert!(
        err.contains("two.draft (with 2:option-2 accepted)"),
        "{err}"
    );
    assert!(
        err.contains("two.draft has errors with 2:option-2 accepted; nothing was written"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_choice_that_names_no_option_is_refused() {
    let only = TWO_BLOCKS.split("::: decision").next().unwrap_or_default();
    let plain = only.split("::: option").next().unwrap_or_default();
    let dir = workspace(&[
        ("two.draft", TWO_BLOCKS),
        ("sip.draft", EXAMPLE),
        ("only.draft", only),
        ("plain.draft", plain),
    ]);
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "sip.draft",
            &["1:option-3"],
            "`1:option-3`: option block 1 has 2 options",
        ),
        (
            "sip.draft",
            &["4:option-1"],
            "`4:option-1`: the draft has 3 option blocks",
        ),
        (
            "sip.draft",
            &["fund"],
            "`fund`: no option is labelled `<fund>`",
        ),
        (
            "two.draft",
            &["option-1"],
            "`option-1`: the draft has 2 option blocks; name the block: `1:option-1` … `2:option-1`, or an option's label",
        ),
        (
            "only.draft",
            &["option-3"],
            "`option-3`: option block 1 has 2 options",
        ),
        (
            "only.draft",
            &["2:option-1"],
            "`2:option-1`: the draft has 1 option block",
        ),
        (
            "plain.draft",
            &["option-1"],
            "`option-1`: the draft has no option block",
        ),
        (
            "two.draft",
            &["annual", "1:option-2"],
            "`annual` and `1:option-2` both choose in option block 1: accept one option of a block",
        ),
        (
            "sip.draft",
            &["op-fund"],
            "`op-fund`: no option is labelled `<op-fund>`",
        ),
    ];
    for (file, accept, message) in cases {
        let out = build(dir.path(), file, accept);
        assert_eq!(out.status.code(), Some(2), "{accept:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("draftdec: {message}")),
            "{accept:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
    }
    for bad in ["option-0", "x:option-1", "1:option", "<sip-end>", ""] {
        let out = build(dir.path(), "sip.draft", &[bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&out).contains("names no option"),
            "{bad}: {}",
            stderr(&out)
        );
    }
    let mut cmd = common::draftdec();
    let out = cmd
        .current_dir(dir.path())
        .args([
            "build",
            "sip.draft",
            "two.draft",
            "--to",
            "json",
            "--accept",
            "option-1",
        ])
        .output()
        .expect("draftdec runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--accept chooses options of one draft"));
}

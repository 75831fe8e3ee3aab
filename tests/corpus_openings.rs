//! How many opening words of real General Assembly resolutions the English
//! lexicon recognises. The texts are the 32 resolutions of
//! `../shared/corpus/un-resolutions/en/` (sessions 77–78, `pdftotext`
//! output; its README describes the artefacts), found beside the
//! repository as CI has it. Under `CI` a missing corpus fails the test;
//! elsewhere the test says so and passes.
//!
//! The openings are taken from the texts by their layout, never by the
//! lexicon, so the count measures the lexicon (see `paragraphs`). Each is
//! compiled as a clause of a draft decision and counted when lowering found
//! its opening words in the lexicon. `docs/languages.md` keeps the numbers;
//! the test fails when they differ, so the page cannot go stale.
//! `cargo test --test corpus_openings -- --nocapture` lists the openings
//! not recognised.

use std::collections::BTreeMap;
use std::path::PathBuf;

use draftdec::ast::{Block, Opening, OpeningSource};

mod common;

const CORPUS: &str = "shared/corpus/un-resolutions/en";

/// The corpus directory: `shared/` beside the repository, or beside a
/// directory that holds it (a git worktree one level down).
fn corpus_dir() -> Option<PathBuf> {
    common::root()
        .ancestors()
        .skip(1)
        .take(2)
        .map(|dir| dir.join(CORPUS))
        .find(|dir| dir.is_dir())
}

/// Preambular and operative paragraphs of one resolution, as the first two
/// lines of each, joined.
///
/// The text starts after the organ's formula (`The General Assembly,`) and
/// stops at an annex or the meeting line, so the declarations annexed to
/// some resolutions ("We commit …") are not counted. An operative
/// paragraph is a number alone on a line (`1.`, its text on the next
/// non-blank line) or a number and text (`10. Welcomes …`). A preambular
/// clause is a line before the first operative paragraph that starts with
/// a capitalised participle (`-ing`, `-ed`) or one of the adjectives and
/// adverbs that open clauses, right after a line ending with a comma
/// (perhaps followed by a footnote number). Clauses cut by a page break are
/// missed, which the README of the corpus describes.
fn paragraphs(text: &str) -> (Vec<String>, Vec<String>) {
    const ADJECTIVES: [&str; 16] = [
        "Aware",
        "Conscious",
        "Mindful",
        "Cognizant",
        "Desirous",
        "Deeply",
        "Gravely",
        "Seriously",
        "Fully",
        "Firmly",
        "Profoundly",
        "Strongly",
        "Further",
        "Also",
        "Keenly",
        "Convinced",
    ];
    let text = text.replace('\u{c}', "");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.starts_with("The General Assembly,"))
    else {
        return (Vec::new(), Vec::new());
    };
    let end = lines[start..]
        .iter()
        .position(|l| *l == "Annex" || l.starts_with("Annex ") || is_meeting_line(l))
        .map_or(lines.len(), |i| start + i);
    let body = &lines[start..end];
    let next_text = |from: usize| body[from..].iter().find(|l| !l.is_empty()).copied();
    let two_lines = |i: usize, first: &str| {
        let next = body.get(i + 1).copied().unwrap_or("");
        format!("{first} {next}")
    };
    let mut preambular = Vec::new();
    let mut operative = Vec::new();
    let mut previous = "";
    for (i, line) in body.iter().enumerate() {
        if let Some(rest) = operative_number(line) {
            let first = if rest.is_empty() {
                next_text(i + 1).unwrap_or("")
            } else {
                rest
            };
            if first.starts_with(char::is_uppercase) {
                operative.push(first.to_string());
            }
        } else if operative.is_empty() && i > 0 && ends_with_comma(previous) {
            let word = line.split(' ').next().unwrap_or("");
            let opens = word.starts_with(char::is_uppercase)
                && (word.ends_with("ing") || word.ends_with("ed") || ADJECTIVES.contains(&word));
            if opens {
                preambular.push(two_lines(i, line));
            }
        }
        if !line.is_empty() {
            previous = line;
        }
    }
    (preambular, operative)
}

/// `12.` or `12. Text`: the text after the number, empty when alone.
fn operative_number(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = line[digits..].strip_prefix('.')?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(' ').map(str::trim_start)
    }
}

/// `39th plenary meeting`.
fn is_meeting_line(line: &str) -> bool {
    line.ends_with("plenary meeting") && line.starts_with(|c: char| c.is_ascii_digit())
}

/// A clause's last line: `…Development,` or `…Development, 2`.
fn ends_with_comma(line: &str) -> bool {
    let line = line.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    line.ends_with(',') || line == "The General Assembly,"
}

/// The text as one line of a draft, its markup characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\*^@{}#<[]".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Compiles the clauses as one English decision; how many of each kind
/// have opening words from the lexicon, and the first words of those
/// that have none.
fn recognised(preambular: &[String], operative: &[String]) -> (usize, usize, Vec<String>) {
    let mut draft = String::from(
        "symbol: A/RES/77/1\nlanguage: en\ntitle: Corpus\n\n::: decision\nThe General Assembly,\n\n",
    );
    for clause in preambular {
        draft.push_str(&escape(clause));
        draft.push_str("\n\n");
    }
    for para in operative {
        draft.push_str("#. ");
        draft.push_str(&escape(para));
        draft.push_str("\n\n");
    }
    draft.push_str(":::\n");
    let compiled = draftdec::compile(&draft);
    let Some(Block::Decision(decision)) = compiled.document.body.first() else {
        panic!("the corpus draft holds no decision: {draft}");
    };
    assert_eq!(decision.preamble.len(), preambular.len(), "{draft}");
    assert_eq!(decision.operative.len(), operative.len(), "{draft}");
    let mut missed = Vec::new();
    let pre = count(
        decision
            .preamble
            .iter()
            .flat_map(|c| c.clauses())
            .map(|c| &c.opening),
        preambular,
        "preambular",
        &mut missed,
    );
    let op = count(
        decision
            .operative
            .iter()
            .flat_map(|o| o.paragraphs())
            .map(|p| &p.opening),
        operative,
        "operative",
        &mut missed,
    );
    (pre, op, missed)
}

/// How many of `openings` come from the lexicon; the first words of the
/// others go to `missed`.
fn count<'a>(
    openings: impl Iterator<Item = &'a Option<Opening>>,
    texts: &[String],
    kind: &str,
    missed: &mut Vec<String>,
) -> usize {
    openings
        .zip(texts)
        .filter(|(opening, text)| {
            let ok = opening
                .as_ref()
                .is_some_and(|o| o.source == OpeningSource::Lexicon);
            if !ok {
                let words: Vec<&str> = text.split(' ').take(4).collect();
                missed.push(format!("{kind}: {}", words.join(" ")));
            }
            ok
        })
        .count()
}

#[test]
fn the_lexicon_recognises_real_openings() {
    let Some(dir) = corpus_dir() else {
        assert!(
            !common::in_ci(),
            "the corpus `../{CORPUS}` is missing: CI must have it beside the repository"
        );
        eprintln!("skipped: no `../{CORPUS}` beside the repository");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 32, "the corpus holds 32 resolutions");
    let (mut pre_all, mut op_all) = (Vec::new(), Vec::new());
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (pre, op) = paragraphs(&text);
        pre_all.extend(pre);
        op_all.extend(op);
    }
    let (pre, op, missed) = recognised(&pre_all, &op_all);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &missed {
        *counts.entry(m.as_str()).or_default() += 1;
    }
    for (m, n) in &counts {
        eprintln!("not recognised ({n}): {m}");
    }
    let line = format!(
        "<!-- corpus-openings: preambular {pre}/{}, operative {op}/{} -->",
        pre_all.len(),
        op_all.len()
    );
    eprintln!("{line}");
    let docs = common::read("docs/languages.md");
    assert!(
        docs.contains(&line),
        "docs/languages.md must record the corpus numbers: put `{line}` there, with the numbers in its text"
    );
}

//! The code registry (`src/diag/codes.rs`) against what describes it and
//! what raises it, so that neither can drift:
//!
//! - the table of codes in `docs/architecture.md` is generated from the
//!   registry (`INSTA_UPDATE=always cargo test --test codes` rewrites it,
//!   `common::BLESS`);
//! - the table of codes `fmt` refuses in `docs/fmt.md` lists exactly the
//!   codes whose effect stops it;
//! - every code is raised, only in the modules the registry names, and a
//!   retired code is raised nowhere.

mod common;

use std::path::{Path, PathBuf};

use draftdec::diag::codes::{Effect, RETIRED};
use draftdec::diag::{Code, Severity};

const BEGIN: &str = "<!-- codes: generated from src/diag/codes.rs by tests/codes.rs -->\n";
const END: &str = "<!-- end of codes -->\n";

fn table() -> String {
    let mut out =
        String::from("| Code | Severity | Title | Raised in | Effect |\n|---|---|---|---|---|\n");
    for &code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let modules: Vec<String> = code
            .stages()
            .iter()
            .map(|s| format!("`{}`", s.module()))
            .collect();
        let effect = match code.effect() {
            Effect::Reported => "reported",
            Effect::Unformattable => "`fmt` refuses",
            Effect::Unparsed => "not parsed; `fmt` refuses",
        };
        out.push_str(&format!(
            "| [{code}](diagnostics/{code}.md) | {severity} | {} | {} | {effect} |\n",
            code.title().replace('|', "\\|"),
            modules.join(", ")
        ));
    }
    for old in RETIRED {
        let new: Vec<String> = old
            .split_into
            .iter()
            .map(|c| format!("[{c}](diagnostics/{c}.md)"))
            .collect();
        out.push_str(&format!(
            "| [{}](diagnostics/{}.md) | retired | {} | split into {} | |\n",
            old.code,
            old.code,
            old.title,
            new.join(", ")
        ));
    }
    out
}

#[test]
fn the_architecture_table_is_the_registry() {
    let doc = common::read("docs/architecture.md");
    let start = doc.find(BEGIN).expect("the table's opening marker") + BEGIN.len();
    let len = doc[start..].find(END).expect("the table's closing marker");
    let updated = format!("{}{}{}", &doc[..start], table(), &doc[start + len..]);
    assert!(
        common::golden("docs/architecture.md", &updated).is_none(),
        "the table of codes in docs/architecture.md differs from the registry; run `{}`",
        common::BLESS
    );
}

#[test]
fn the_fmt_table_lists_the_codes_that_stop_it() {
    let doc = common::read("docs/fmt.md");
    let mut listed: Vec<Code> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| Code::parse(l.get(..5)?))
        .collect();
    listed.sort();
    let mut stopping: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| c.severity() == Severity::Error && c.stops_fmt())
        .collect();
    stopping.sort();
    assert_eq!(listed, stopping, "docs/fmt.md, \"What it refuses\"");
}

/// The `.rs` files under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `Code::X` named in `text` (a retired code's name too), with its
/// line.
fn named_codes(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("Code::") {
            rest = &rest[at + "Code::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name.len() == 5 && name[1..].chars().all(|c| c.is_ascii_digit()) {
                found.push((name, i + 1));
            }
        }
    }
    found
}

#[test]
fn codes_are_raised_where_the_registry_says() {
    let src = common::root().join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut raised: Vec<(Code, String)> = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&src).expect("under src");
        // The registry itself and the renderer's own tests name codes
        // without raising them.
        if relative.starts_with("diag") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        // Unit tests build diagnostics of their own.
        let code_part = text.split("#[cfg(test)]").next().unwrap_or_default();
        let module = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|m| m.trim_end_matches(".rs"))
            .unwrap_or_default();
        for (name, line) in named_codes(code_part) {
            let place = format!("src/{}:{line}", relative.display());
            assert!(
                RETIRED.iter().all(|r| r.code != name),
                "{place}: {name} is retired"
            );
            let code =
                Code::parse(&name).unwrap_or_else(|| panic!("{place}: {name} is not registered"));
            let stages: Vec<&str> = code.stages().iter().map(|s| s.module()).collect();
            assert!(
                stages.contains(&module),
                "{place}: {code} is raised in `{module}`, but the registry says {stages:?}: \
                 decide on codes from their properties (`Code::unparsed`, `stops_fmt`), \
                 or register the module"
            );
            raised.push((code, module.to_string()));
        }
    }
    for &code in Code::ALL {
        for stage in code.stages() {
            assert!(
                raised
                    .iter()
                    .any(|(c, m)| *c == code && m == stage.module()),
                "{code} is registered as raised in `{}`, which does not raise it",
                stage.module()
            );
        }
    }
}

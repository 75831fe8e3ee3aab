//! The VS Code extension (`editors/vscode`): its TextMate grammar on every
//! example against the golden token files, through `vscode-textmate` as
//! VS Code runs it; and its `.vsix`, packed by `vsce` as CI packs it, with
//! what VS Code needs to load it.

mod common;

use std::io::Read;
use std::process::Command;

const EXTENSION: &str = "editors/vscode";

#[test]
fn the_grammar_tokenizes_the_examples_as_pinned() {
    let (Some(node), Some(dir)) = (common::NODE.require(), common::npm_installed(EXTENSION)) else {
        return;
    };
    let out = Command::new(node)
        .arg("test/grammar.test.js")
        .current_dir(dir)
        .output()
        .expect("node runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "the grammar test failed:\n{log}");
    assert!(log.contains("examples tokenized as pinned"), "{log}");
}

#[test]
fn the_vsix_holds_the_extension() {
    let (Some(npm), Some(dir)) = (common::NPM.require(), common::npm_installed(EXTENSION)) else {
        return;
    };
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let vsix = scratch.path().join("draftdec.vsix");
    let out = Command::new(npm)
        .args(["exec", "--offline", "--", "vsce", "package"])
        .args(["--skip-license", "--allow-missing-repository", "--out"])
        .arg(&vsix)
        .current_dir(&dir)
        .output()
        .expect("npm runs");
    assert!(
        out.status.success(),
        "vsce package failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::File::open(&vsix).expect("the .vsix is written");
    let mut archive = zip::ZipArchive::new(file).expect("a .vsix is a zip archive");
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap_or_else(|e| panic!("{name} in the .vsix: {e}"))
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    };
    // The files VS Code reads, as they are in the repository.
    for name in [
        "package.json",
        "extension.js",
        "language-configuration.json",
        "syntaxes/draft.tmLanguage.json",
    ] {
        assert_eq!(
            read(&format!("extension/{name}")),
            common::read(format!("{EXTENSION}/{name}")),
            "{name}"
        );
    }
    // The language client the extension requires, and no test tooling.
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("extension/node_modules/vscode-languageclient/")),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.contains("vscode-textmate") || n.starts_with("extension/test/")),
        "{names:?}"
    );
    let manifest = read("extension.vsixmanifest");
    assert!(manifest.contains("draftdec"), "{manifest}");
}

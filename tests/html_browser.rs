//! The pages in a real browser: runs `tests/browser/check.mjs` (headless
//! Chromium through playwright-core, axe-core audit, A4 print check) on every
//! example, on the hand-built fixture and on the page full of attack strings.
//!
//! Needs `node` and Chromium (`chromium` on `PATH`, or `$CHROMIUM`): without
//! them the test is skipped with a message, except under CI, where it fails
//! (`common::Tool::require`). The npm packages are installed with `npm ci`
//! in `tests/browser` when absent. Set `DRAFTDEC_SHOTS=DIR` to keep the
//! pages, screenshots and PDFs.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{CHROMIUM, NODE, NPM, html_fixture};
use draftdec::ast::Lang;
use draftdec::render::html;

#[test]
fn pages_in_chromium() {
    let (chromium, node) = (CHROMIUM.require(), NODE.require());
    let (Some(chromium), Some(node)) = (chromium, node) else {
        return;
    };
    let browser_dir = common::root().join("tests/browser");
    if !browser_dir.join("node_modules/playwright-core").exists()
        || !browser_dir.join("node_modules/axe-core").exists()
    {
        let Some(npm) = NPM.require() else {
            return;
        };
        let status = Command::new(npm)
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&browser_dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .status()
            .expect("npm runs");
        assert!(status.success(), "npm ci in tests/browser failed");
    }

    let tmp = tempfile::tempdir().unwrap();
    let out: PathBuf = match std::env::var_os("DRAFTDEC_SHOTS") {
        Some(d) => PathBuf::from(d),
        None => tmp.path().join("out"),
    };
    std::fs::create_dir_all(&out).unwrap();

    let mut pages = Vec::new();
    let mut add = |name: &str, kind: &str, page: String| {
        let file = out.join(format!("{name}.html"));
        std::fs::write(&file, page).unwrap();
        pages.push(serde_json::json!({ "name": name, "file": file, "kind": kind }));
    };
    for (name, doc) in common::compiled_examples() {
        add(&name, "page", html::render(&doc));
    }
    add(
        "fixture.en",
        "page",
        html::render(&html_fixture::readable(Lang::En)),
    );
    add(
        "injection.ru",
        "injection",
        html::render(&html_fixture::attacked(Lang::Ru)),
    );

    let manifest = tmp.path().join("manifest.json");
    let json = serde_json::json!({ "out": out, "pages": pages });
    std::fs::write(&manifest, serde_json::to_vec_pretty(&json).unwrap()).unwrap();

    let result = Command::new(node)
        .arg(browser_dir.join("check.mjs"))
        .arg(&manifest)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    for p in &pages {
        let name = p["name"].as_str().unwrap();
        let shot = out.join(format!("{name}.png"));
        assert!(
            std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
            "no screenshot for {name}"
        );
    }
}

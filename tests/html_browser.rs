//! The pages in a real browser: runs `tests/browser/check.mjs` (headless
//! Chromium through playwright-core, axe-core audit, A4 print check) on every
//! example, on the hand-built fixture and on the page full of attack strings.
//!
//! Needs `node` and Chromium (`/usr/bin/chromium`, or `$CHROMIUM`); skips
//! with a message when either is missing. The npm packages are installed
//! with `npm ci` in `tests/browser` when absent. Set `DRAFTDEC_SHOTS=DIR` to
//! keep the pages, screenshots and PDFs.

mod html_fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use draftdec::lang::Lang;
use draftdec::render::html;

fn tool_present(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn pages_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() || !tool_present("node", "--version") {
        eprintln!(
            "SKIPPED pages_in_chromium: needs node and Chromium at {chromium} \
             (apt-get install chromium nodejs)"
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    if !browser_dir.join("node_modules/playwright-core").exists()
        || !browser_dir.join("node_modules/axe-core").exists()
    {
        let status = Command::new("npm")
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
    let mut entries: Vec<_> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "draft"))
        .collect();
    entries.sort();
    for path in entries {
        let compiled = draftdec::driver::compile(&std::fs::read_to_string(&path).unwrap());
        assert!(!compiled.has_errors(), "{}", path.display());
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        add(&name, "page", html::render(&compiled.document));
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

    let result = Command::new("node")
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

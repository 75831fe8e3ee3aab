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

/// LibreOffice stamps the sRGB profile of the output intent with the time
/// of conversion, to the second; draftdec dates it like the rest of the
/// file, so two builds more than a second apart give the same bytes.
#[test]
fn two_builds_seconds_apart_give_the_same_bytes() {
    let (Some(_), Some(pdfinfo)) = (common::SOFFICE.require(), common::PDFINFO.require()) else {
        return;
    };
    let first = tempfile::tempdir().expect("a temporary directory");
    let second = tempfile::tempdir().expect("a temporary directory");
    let name = "cooperation.ar";
    let a = build_pdf(first.path(), name);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let b = build_pdf(second.path(), name);
    let (a_bytes, b_bytes) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let differ = a_bytes.iter().zip(&b_bytes).position(|(x, y)| x != y);
    assert!(
        a_bytes.len() == b_bytes.len() && differ.is_none(),
        "{name}: lengths {} and {}, first difference at byte {differ:?}",
        a_bytes.len(),
        b_bytes.len()
    );
    // The rewritten file still reads: every cross-reference points at its
    // object.
    let info = poppler(&pdfinfo, &a, &[]);
    assert!(info.contains("Pages:"), "{info}");
    // Byte offsets: the file is read as bytes, not text.
    let ascii =
        |range: std::ops::Range<usize>| String::from_utf8_lossy(&a_bytes[range]).to_string();
    let tail = a_bytes.len() - 40;
    let start: usize = ascii(tail..a_bytes.len())
        .split("startxref")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .expect("a startxref offset");
    let table = ascii(start..a_bytes.len());
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("xref"));
    let count: usize = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("one subsection");
    for (object, entry) in lines.take(count).enumerate() {
        if entry.trim_end().ends_with(" n") {
            let offset: usize = entry[..10].parse().unwrap();
            let head = format!("{object} 0 obj");
            assert!(
                a_bytes[offset..].starts_with(head.as_bytes()),
                "object {object} is not at {offset}"
            );
        }
    }
}

//! `build --to pdf`: the DOCX rendered to PDF/A-2b by LibreOffice, which
//! draftdec runs headless with a user profile of its own per run, so that
//! parallel builds neither share nor lock one (see `docs/pdf.md`).
//!
//! LibreOffice stamps every PDF with the time of conversion and a random
//! file identifier; both are rewritten in place, at the same length, from
//! the document's own date and a hash of the file, so that the same draft
//! gives the same bytes.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use draftdec::ast::Document;

use super::Failure;

/// The program, and the variable that may name it instead of `PATH`.
const SOFFICE: &str = "soffice";
const SOFFICE_VAR: &str = "DRAFTDEC_SOFFICE";

/// PDF/A-2b (`SelectPdfVersion` 2): fonts embedded, metadata in XMP.
const FILTER: &str = r#"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#;

/// The document as PDF/A bytes.
pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, Failure> {
    let soffice = find_soffice().ok_or_else(|| {
        Failure(
            "cannot make a PDF: LibreOffice (`soffice`) is not installed or not on PATH; \
             install it (Debian and Ubuntu: apt-get install libreoffice-writer-nogui) or set \
             DRAFTDEC_SOFFICE to its path, or build --to docx"
                .to_string(),
        )
    })?;
    let work = ScratchDir::new()?;
    let docx = work.0.join("document.docx");
    fs::write(&docx, draftdec::render::docx::render(doc))
        .map_err(|e| Failure(format!("cannot write {}: {e}", docx.display())))?;
    let profile = work.0.join("profile");
    let out = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            FILTER,
            "--outdir",
        ])
        .arg(&work.0)
        .arg(&docx)
        // Dates in UTC have one length ("Z"), which the rewriting needs.
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failure(format!("cannot run {}: {e}", soffice.display())))?;
    let pdf = work.0.join("document.pdf");
    let bytes = fs::read(&pdf).map_err(|_| {
        Failure(format!(
            "LibreOffice did not convert the document to PDF (status {}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    })?;
    let date = doc
        .meta
        .date
        .as_ref()
        .or(doc.meta.adopted.as_ref())
        .map(|f| f.text.trim().to_string());
    Ok(stabilise(bytes, date.as_deref().unwrap_or("2000-01-01")))
}

fn find_soffice() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(SOFFICE_VAR) {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let dirs = std::env::var_os("PATH")?;
    std::env::split_paths(&dirs)
        .map(|dir| dir.join(SOFFICE))
        .find(|p| p.is_file())
}

/// A directory of its own under the system's temporary directory, removed
/// when dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new() -> Result<ScratchDir, Failure> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        for attempt in 0..1000u32 {
            let dir = base.join(format!("draftdec-pdf-{pid}-{attempt}"));
            match fs::create_dir(&dir) {
                Ok(()) => return Ok(ScratchDir(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Failure(format!(
                        "cannot create a temporary directory in {}: {e}",
                        base.display()
                    )));
                }
            }
        }
        Err(Failure(format!(
            "cannot create a temporary directory in {}",
            base.display()
        )))
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        // Best effort: a leftover directory in the temporary directory is
        // no reason to fail a build that succeeded.
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Rewrites what LibreOffice varies from run to run, byte for byte at the
/// same length so that the cross-reference offsets stay right: the
/// creation date of the information dictionary (`D:YYYYMMDDhhmmssZ`) and
/// of the XMP metadata (`YYYY-MM-DDThh:mm:ssZ`) become `date` at midnight
/// UTC, and the file identifier a hash of the file with those fixed.
fn stabilise(mut pdf: Vec<u8>, date: &str) -> Vec<u8> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 8 {
        return pdf;
    }
    let info = format!("{digits}000000");
    let xmp = format!("{date}T00:00:00");
    replace_after(&mut pdf, b"/CreationDate(D:", info.as_bytes());
    replace_after(&mut pdf, b"/ModDate(D:", info.as_bytes());
    replace_after(&mut pdf, b"<xmp:CreateDate>", xmp.as_bytes());
    replace_after(&mut pdf, b"<xmp:ModifyDate>", xmp.as_bytes());
    replace_after(&mut pdf, b"<xmp:MetadataDate>", xmp.as_bytes());
    // The identifier: `/ID [ <hex> <hex> ]`, each 32 hex digits.
    let Some(at) = find(&pdf, b"/ID [ <", 0) else {
        return pdf;
    };
    let ids: Vec<Vec<u8>> = [at + 7, at + 7 + 32 + 3]
        .into_iter()
        .filter_map(|start| pdf.get(start..start + 32).map(<[u8]>::to_vec))
        .filter(|id| id.iter().all(u8::is_ascii_hexdigit))
        .collect();
    if ids.len() != 2 {
        return pdf;
    }
    let mut blank = pdf.clone();
    for id in &ids {
        replace_all(&mut blank, id, &[b'0'; 32]);
    }
    let hash = format!("{:016X}{:016X}", fnv1a(&blank, 0), fnv1a(&blank, 1));
    for id in &ids {
        replace_all(&mut pdf, id, hash.as_bytes());
    }
    pdf
}

/// Overwrites the bytes after each `marker` with `value`.
fn replace_after(pdf: &mut [u8], marker: &[u8], value: &[u8]) {
    let mut from = 0;
    while let Some(at) = find(pdf, marker, from) {
        let start = at + marker.len();
        let Some(slot) = pdf.get_mut(start..start + value.len()) else {
            return;
        };
        slot.copy_from_slice(value);
        from = start + value.len();
    }
}

fn replace_all(pdf: &mut [u8], old: &[u8], new: &[u8]) {
    let mut from = 0;
    while let Some(at) = find(pdf, old, from) {
        pdf[at..at + new.len()].copy_from_slice(new);
        from = at + new.len();
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// FNV-1a, 64 bits, with a seed folded into the offset basis: two seeds
/// give the 128 bits of a PDF identifier.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_identifier_are_rewritten_at_the_same_length() {
        let pdf = b"<xmp:CreateDate>2026-12-07T11:06:33Z</xmp:CreateDate>\n\
                    /CreationDate(D:20261207110633Z')>>\n\
                    /ID [ <B50CE2113AB08801AE120675960CB258>\n<B50CE2113AB08801AE120675960CB258> ]"
            .to_vec();
        let out = stabilise(pdf.clone(), "2025-08-20");
        assert_eq!(out.len(), pdf.len());
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("<xmp:CreateDate>2025-08-20T00:00:00Z</xmp:CreateDate>"));
        assert!(text.contains("/CreationDate(D:20250820000000Z')"));
        assert!(!text.contains("B50CE2113AB08801AE120675960CB258"));
        // The same input, at another time and with another identifier,
        // gives the same bytes.
        let other = String::from_utf8(pdf)
            .unwrap()
            .replace("11:06:33", "09:01:02")
            .replace("110633", "090102")
            .replace(
                "B50CE2113AB08801AE120675960CB258",
                "0123456789ABCDEF0123456789ABCDEF",
            );
        assert_eq!(stabilise(other.into_bytes(), "2025-08-20"), out);
    }

    #[test]
    fn a_file_without_the_markers_is_left_alone() {
        let pdf = b"%PDF-1.6 nothing to see".to_vec();
        assert_eq!(stabilise(pdf.clone(), "2025-08-20"), pdf);
    }
}

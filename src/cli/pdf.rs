//! `build --to pdf`: the DOCX rendered to PDF/A-2b by LibreOffice, which
//! draftdec runs headless with a user profile of its own per run, so that
//! parallel builds neither share nor lock one (see `docs/pdf.md`).
//!
//! LibreOffice stamps every PDF with the time of conversion (in the
//! metadata and inside the compressed ICC profile) and a random file
//! identifier; all are rewritten from the document's own date and a hash
//! of the file, so that the same draft gives the same bytes.

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

/// Rewrites what LibreOffice varies from run to run: the ICC profile's
/// creation time (see [`icc`]), then, byte for byte at the same length so
/// that the cross-reference offsets stay right, the creation date of the information dictionary (`D:YYYYMMDDhhmmssZ`) and
/// of the XMP metadata (`YYYY-MM-DDThh:mm:ssZ`) become `date` at midnight
/// UTC, and the file identifier a hash of the file with those fixed.
fn stabilise(pdf: Vec<u8>, date: &str) -> Vec<u8> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 8 {
        return pdf;
    }
    let mut pdf = match icc::restamp(&pdf, &digits) {
        Some(restamped) => restamped,
        None => pdf,
    };
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
    // LibreOffice's `/DocChecksum`, an MD5 of the content it wrote (the
    // ICC profile's time included), is blanked and rewritten with the
    // identifier: a hash of the file as it now is.
    let checksum = find(&pdf, CHECKSUM, 0)
        .map(|at| at + CHECKSUM.len())
        .filter(|&at| {
            pdf.get(at..at + 32)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        });
    let mut blank = pdf.clone();
    for id in &ids {
        replace_all(&mut blank, id, &[b'0'; 32]);
    }
    if let Some(at) = checksum {
        blank[at..at + 32].copy_from_slice(&[b'0'; 32]);
    }
    let hash = format!("{:016X}{:016X}", fnv1a(&blank, 0), fnv1a(&blank, 1));
    for id in &ids {
        replace_all(&mut pdf, id, hash.as_bytes());
    }
    if let Some(at) = checksum {
        let sum = format!("{:016X}{:016X}", fnv1a(&blank, 2), fnv1a(&blank, 3));
        pdf[at..at + 32].copy_from_slice(sum.as_bytes());
    }
    pdf
}

const CHECKSUM: &[u8] = b"/DocChecksum /";

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

/// The sRGB ICC profile of the PDF/A output intent, whose header
/// LibreOffice stamps with the time of conversion inside a compressed
/// stream: inflated, dated like the rest of the file, deflated again, and
/// the cross-reference table moved by the difference in length.
mod icc {
    use std::io::{Read, Write};

    use flate2::Compression;
    use flate2::read::ZlibDecoder;
    use flate2::write::ZlibEncoder;

    use super::find;

    /// The ICC header's `dateTime` (ICC.1 7.2.1): six big-endian 16-bit
    /// numbers at byte 24, and the signature that makes it a profile.
    const DATE_AT: usize = 24;
    const SIGNATURE: (usize, &[u8]) = (36, b"acsp");
    /// The profile ID (ICC v4), an MD5 that would cover the date; a v2
    /// profile, as LibreOffice's sRGB is, leaves it zero.
    const PROFILE_ID: std::ops::Range<usize> = 84..100;

    /// `pdf` with the profile dated `digits` (`YYYYMMDD`) at midnight, or
    /// `None` when the file is not laid out as expected (one classic
    /// cross-reference table, the profile a Flate stream): the caller
    /// keeps it as it is.
    pub(super) fn restamp(pdf: &[u8], digits: &str) -> Option<Vec<u8>> {
        let date = [&digits[0..4], &digits[4..6], &digits[6..8]]
            .map(|d| d.parse::<u16>().ok())
            .map(|d| d.unwrap_or(0));
        let object = reference(pdf, b"/DestOutputProfile ")?;
        let start = find(pdf, format!("\n{object} 0 obj\n").as_bytes(), 0)?;
        let dict_end = find(pdf, b">>", start)?;
        let dict = &pdf[start..dict_end];
        find(dict, b"/Filter/FlateDecode", 0)?;
        // The length, direct or in an object of its own; where its digits
        // are.
        let length_at = find(dict, b"/Length ", 0)? + start + 8;
        let (direct, n) = number_at(pdf, length_at)?;
        let (length_digits, length) = if pdf[direct.end..].starts_with(b" 0 R") {
            let object = format!("\n{n} 0 obj\n");
            number_at(pdf, find(pdf, object.as_bytes(), 0)? + object.len())?
        } else {
            (direct, n)
        };
        let data_at = find(pdf, b"stream", dict_end)? + 6;
        let data_at = data_at + skip_eol(&pdf[data_at..]);
        let data = pdf.get(data_at..data_at + length)?;
        let mut profile = Vec::new();
        ZlibDecoder::new(data).read_to_end(&mut profile).ok()?;
        let (sig_at, sig) = SIGNATURE;
        if profile.get(sig_at..sig_at + sig.len())? != sig
            || profile.get(PROFILE_ID)?.iter().any(|&b| b != 0)
        {
            return None;
        }
        let stamp = [date[0], date[1], date[2], 0, 0, 0];
        for (i, v) in stamp.iter().enumerate() {
            profile[DATE_AT + 2 * i..DATE_AT + 2 * i + 2].copy_from_slice(&v.to_be_bytes());
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&profile).ok()?;
        let deflated = encoder.finish().ok()?;
        let mut edits = vec![
            (
                length_digits.clone(),
                deflated.len().to_string().into_bytes(),
            ),
            (data_at..data_at + length, deflated),
        ];
        edits.sort_by_key(|(r, _)| r.start);
        rebuild(pdf, &edits)
    }

    /// The object number after `key` (`/Key 105 0 R`).
    fn reference(pdf: &[u8], key: &[u8]) -> Option<u64> {
        let at = find(pdf, key, 0)? + key.len();
        let (_, n) = number_at(pdf, at)?;
        u64::try_from(n).ok()
    }

    /// The digits of the decimal number at `at`, and its value.
    fn number_at(pdf: &[u8], at: usize) -> Option<(std::ops::Range<usize>, usize)> {
        let len = pdf
            .get(at..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = std::str::from_utf8(&pdf[at..at + len]).ok()?;
        Some((at..at + len, text.parse().ok()?))
    }

    fn skip_eol(bytes: &[u8]) -> usize {
        match bytes {
            [b'\r', b'\n', ..] => 2,
            [b'\n' | b'\r', ..] => 1,
            _ => 0,
        }
    }

    /// `pdf` with `edits` (ranges in order, none overlapping) made, and the
    /// offsets of the cross-reference table and `startxref` moved to match.
    fn rebuild(pdf: &[u8], edits: &[(std::ops::Range<usize>, Vec<u8>)]) -> Option<Vec<u8>> {
        let moved = |offset: usize| -> Option<usize> {
            let mut shift: isize = 0;
            for (range, new) in edits {
                if range.end <= offset {
                    shift += new.len() as isize - range.len() as isize;
                } else if range.start < offset {
                    return None;
                }
            }
            offset.checked_add_signed(shift)
        };
        let tail = pdf.len().saturating_sub(64);
        let startxref = tail + find(&pdf[tail..], b"startxref", 0)?;
        let (xref_digits, xref) = number_at(pdf, startxref + 9 + skip_eol(&pdf[startxref + 9..]))?;
        // One table only: an update (`/Prev`) would need every table moved.
        if !pdf[xref..].starts_with(b"xref") || find(&pdf[xref..], b"/Prev", 0).is_some() {
            return None;
        }
        if edits.iter().any(|(r, _)| r.end > xref) {
            return None;
        }
        let mut out = Vec::with_capacity(pdf.len() + 64);
        let mut at = 0;
        for (range, new) in edits {
            out.extend_from_slice(&pdf[at..range.start]);
            out.extend_from_slice(new);
            at = range.end;
        }
        out.extend_from_slice(&pdf[at..xref]);
        // Subsections: `first count` then `count` entries of 20 bytes,
        // `oooooooooo ggggg n` with an end of line.
        let mut pos = xref + 4;
        pos += skip_eol(&pdf[pos..]);
        let mut table = pdf[xref..pos].to_vec();
        while pdf.get(pos)?.is_ascii_digit() {
            let line_end = pos + pdf[pos..].iter().position(|&b| b == b'\n')? + 1;
            let header = std::str::from_utf8(&pdf[pos..line_end]).ok()?;
            let count: usize = header.split_whitespace().nth(1)?.parse().ok()?;
            table.extend_from_slice(&pdf[pos..line_end]);
            pos = line_end;
            for _ in 0..count {
                let entry = pdf.get(pos..pos + 20)?;
                let mut entry = entry.to_vec();
                if entry[17] == b'n' {
                    let offset: usize = std::str::from_utf8(&entry[..10]).ok()?.parse().ok()?;
                    let offset = format!("{:010}", moved(offset)?);
                    entry[..10].copy_from_slice(offset.as_bytes());
                }
                table.extend_from_slice(&entry);
                pos += 20;
            }
        }
        let new_xref = out.len();
        out.extend_from_slice(&table);
        out.extend_from_slice(&pdf[pos..xref_digits.start]);
        out.extend_from_slice(new_xref.to_string().as_bytes());
        out.extend_from_slice(&pdf[xref_digits.end..]);
        Some(out)
    }
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

    /// A PDF holding an output intent whose profile is dated `time`
    /// (hour, minute, second), compressed at `level`.
    fn with_profile(time: [u16; 3], level: u32) -> Vec<u8> {
        use std::io::Write;
        let mut profile = vec![0u8; 160];
        profile[36..40].copy_from_slice(b"acsp");
        for (i, v) in [2026, 12, 7, time[0], time[1], time[2]].iter().enumerate() {
            profile[24 + 2 * i..26 + 2 * i].copy_from_slice(&u16::to_be_bytes(*v));
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        z.write_all(&profile).unwrap();
        let data = z.finish().unwrap();
        let mut pdf = b"%PDF-1.6\n".to_vec();
        let mut offsets = Vec::new();
        let objects: [Vec<u8>; 3] = [
            b"<</Type/OutputIntent/DestOutputProfile 2 0 R>>".to_vec(),
            [
                &b"<</N 3/Length 3 0 R/Filter/FlateDecode>>\nstream\n"[..],
                &data,
                b"\nendstream",
            ]
            .concat(),
            data.len().to_string().into_bytes(),
        ];
        for (i, body) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            pdf.extend_from_slice(body);
            pdf.extend_from_slice(b"\nendobj\n");
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<</Size 4>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        pdf
    }

    #[test]
    fn the_profile_is_dated_and_the_cross_references_follow() {
        let out = stabilise(with_profile([11, 6, 33], 1), "2025-08-20");
        assert_eq!(out, stabilise(with_profile([9, 1, 2], 6), "2025-08-20"));
        let text = String::from_utf8_lossy(&out).to_string();
        // Every offset of the table points at its object.
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(out[start..].starts_with(b"xref\n0 4\n"));
        for i in 1..4 {
            let entry = &out[start + 9 + 20 * i..start + 19 + 20 * i];
            let offset: usize = std::str::from_utf8(entry).unwrap().parse().unwrap();
            assert!(
                out[offset..].starts_with(format!("{i} 0 obj").as_bytes()),
                "{i}"
            );
        }
        // The stream is the new length and inflates to the dated profile.
        let length_at = find(&out, b"3 0 obj\n", 0).unwrap() + 8;
        let length: usize = std::str::from_utf8(&out[length_at..])
            .unwrap_or_default()
            .split('\n')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap();
        let data_at = find(&out, b"stream\n", 0).unwrap() + 7;
        assert_eq!(
            &out[data_at + length..data_at + length + 10],
            b"\nendstream"
        );
        let mut profile = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::ZlibDecoder::new(&out[data_at..data_at + length]),
            &mut profile,
        )
        .unwrap();
        let date: Vec<u16> = profile[24..36]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(date, [2025, 8, 20, 0, 0, 0]);
    }

    #[test]
    fn a_file_without_the_markers_is_left_alone() {
        let pdf = b"%PDF-1.6 nothing to see".to_vec();
        assert_eq!(stabilise(pdf.clone(), "2025-08-20"), pdf);
    }
}

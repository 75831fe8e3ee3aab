//! Reading drafts, standard streams and the terminal. Writing outputs is
//! `cli/write.rs`; reporting diagnostics and failures is `cli/report.rs`.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use draftdec::diag::{Diagnostic, visible};

use super::*;

/// The largest draft read, in bytes (128 MiB). Real drafts are well under
/// 1 MiB; the benchmarks go to 100 MiB. A larger input, or one that never
/// ends (`/dev/zero`), is refused with status 2 once this much is read.
pub(crate) const MAX_INPUT: u64 = 128 << 20;

/// A failure that ends the command with status 2, already worded for the
/// drafter: what was being done, to which path, and why. File names in it
/// are `shown`, so it can go to a terminal as it is.
pub(crate) struct Failure(pub(crate) String);

impl Failure {
    pub(crate) fn io(action: &str, path: &Path, err: &io::Error) -> Failure {
        Failure(format!("cannot {action} {}: {err}", shown(path)))
    }
}

/// A draft that could not be read. A file that is not UTF-8 keeps its
/// E0011 diagnostics, so that JSON reports carry them as records.
pub(crate) struct Unread {
    pub(crate) failure: Failure,
    /// E0011 diagnostics (empty for other failures), with spans in `text`.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The bytes read, each invalid byte replaced by `?`, so that offsets,
    /// lines and columns are those of the file.
    pub(crate) text: String,
}

impl From<Failure> for Unread {
    fn from(failure: Failure) -> Unread {
        Unread {
            failure,
            diagnostics: Vec::new(),
            text: String::new(),
        }
    }
}

impl From<Unread> for Failure {
    fn from(unread: Unread) -> Failure {
        unread.failure
    }
}

pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name diagnostics and JSON records give a draft, as it is; renderers
/// of human-readable text escape it.
pub(crate) fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// A path as the command's messages print it: control characters (an ESC
/// in a file name) as their pictures, so a name cannot act on the terminal.
pub(crate) fn shown(path: &Path) -> String {
    visible(&display_name(path))
}

/// Reads a draft as UTF-8 text, at most [`MAX_INPUT`] bytes.
pub(crate) fn read_draft(path: &Path) -> Result<String, Unread> {
    let bytes = if is_stdin(path) {
        read_limited(io::stdin().lock(), path)?
    } else {
        let file = fs::File::open(path).map_err(|e| Failure::io("read", path, &e))?;
        let meta = file.metadata().map_err(|e| Failure::io("read", path, &e))?;
        if meta.is_dir() {
            return Err(Failure(format!("cannot read {}: it is a directory", shown(path))).into());
        }
        if meta.is_file() && meta.len() > MAX_INPUT {
            return Err(too_large(path).into());
        }
        read_limited(file, path)?
    };
    // Lone CRs become LFs (same offsets); invalid UTF-8 is named by byte
    // offset, line and column (E0011).
    match draftdec::decode(&bytes) {
        Ok(text) => Ok(text.into_owned()),
        Err(diagnostics) => Err(Unread {
            failure: Failure(format!(
                "cannot read {}: not UTF-8 text: {}; save the draft as UTF-8",
                shown(path),
                diagnostics
                    .first()
                    .map_or("not UTF-8 text".to_string(), |d| visible(&d.message))
            )),
            diagnostics,
            text: placeholder(&bytes),
        }),
    }
}

/// Reads to the end, but no further than one byte past the limit: a device
/// or pipe that never ends is refused, not read into all the memory there is.
fn read_limited(reader: impl Read, path: &Path) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io("read", path, &e))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(too_large(path));
    }
    Ok(bytes)
}

fn too_large(path: &Path) -> Failure {
    Failure(format!(
        "cannot read {}: a draft may have at most {} MiB",
        shown(path),
        MAX_INPUT >> 20
    ))
}

/// `bytes` as text of the same length: every byte of an invalid sequence
/// becomes `?`.
fn placeholder(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len());
                text.extend(std::iter::repeat_n('?', bad));
                bytes = &rest[bad..];
            }
        }
    }
}

/// Whether to colour output going to a stream. An explicit flag wins; in
/// `auto`, NO_COLOR (https://no-color.org) beats CLICOLOR_FORCE, which beats
/// the terminal test.
pub(crate) fn use_color(choice: ColorArg, stream_is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                stream_is_terminal
            }
        }
    }
}

/// Writes to standard output. A closed pipe (`draftdec … | head`) is not an
/// error worth reporting; anything else is.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("cannot write to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

pub(crate) fn write_stderr(text: &str) {
    // Nothing sensible can be done if standard error itself fails.
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Whether two paths name the same file, including through links and
/// `./` detours. A path that does not exist yet is compared through its
/// canonical parent directory.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    fn canonical(path: &Path) -> Option<PathBuf> {
        if let Ok(path) = fs::canonicalize(path) {
            return Some(path);
        }
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Some(fs::canonicalize(parent).ok()?.join(path.file_name()?))
    }
    match (canonical(a), canonical(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

//! Files, standard streams and the terminal: every I/O of the command.
//! Outputs are written atomically (a temporary file in the same directory,
//! then a rename), so a failure never leaves half a file.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::*;

/// A failure that ends the command with status 2, already worded for the
/// drafter: what was being done, to which path, and why.
pub(crate) struct Failure(pub(crate) String);

impl Failure {
    fn io(action: &str, path: &Path, err: &io::Error) -> Failure {
        Failure(format!("cannot {action} {}: {err}", path.display()))
    }
}

pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub(crate) fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a draft as UTF-8 text.
pub(crate) fn read_draft(path: &Path) -> Result<String, Failure> {
    let bytes = if is_stdin(path) {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        fs::read(path).map_err(|e| Failure::io("read", path, &e))?
    };
    // Lone CRs become LFs (same offsets); invalid UTF-8 is named by byte
    // offset, line and column (E0011).
    match draftdec::decode(&bytes) {
        Ok(text) => Ok(text.into_owned()),
        Err(diags) => Err(Failure(format!(
            "cannot read {}: not UTF-8 text: {}; save the draft as UTF-8",
            display_name(path),
            diags
                .first()
                .map_or("not UTF-8 text", |d| d.message.as_str())
        ))),
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

/// Writes `bytes` to `dest` so that a reader never sees a half-written file
/// and a failed build leaves the previous output intact: write a temporary
/// file in the same directory (so the rename cannot cross file systems),
/// flush it to disk, then rename it over `dest`.
pub(crate) fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(file_name) = dest.file_name() else {
        return Err(Failure(format!(
            "cannot write {}: not a file name",
            dest.display()
        )));
    };
    if dest.is_dir() {
        return Err(Failure(format!(
            "cannot write {}: it is a directory",
            dest.display()
        )));
    }
    let (temp, mut file) = create_temp(dir, file_name)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Failure::io("write", &temp, &e));
    drop(file);
    let renamed = written.and_then(|()| {
        fs::rename(&temp, dest).map_err(|e| {
            Failure(format!(
                "cannot replace {} with {}: {e}",
                dest.display(),
                temp.display()
            ))
        })
    });
    if renamed.is_err() {
        // Best effort: the error that matters is the one being returned.
        let _ = fs::remove_file(&temp);
    }
    renamed
}

/// A new, exclusively created temporary file next to the destination.
pub(crate) fn create_temp(
    dir: &Path,
    file_name: &std::ffi::OsStr,
) -> Result<(PathBuf, fs::File), Failure> {
    let mut attempt = 0u32;
    loop {
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(format!(".{}-{attempt}.tmp", std::process::id()));
        let temp = dir.join(name);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            // A stale file from a crashed run: try the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => {
                return Err(Failure(format!(
                    "cannot create a temporary file in {}: {e}",
                    dir.display()
                )));
            }
        }
    }
}

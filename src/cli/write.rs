//! Writing outputs: what `build`, `fmt` and `watch` do to the destination.
//!
//! - A regular file is replaced atomically (a temporary file in the same
//!   directory, flushed to disk, renamed over it), so a reader never sees
//!   half a file and a failure leaves the old one whole. The new file keeps
//!   the old one's mode and owner; a read-only file (no write bit at all)
//!   is refused, even for root.
//! - A symbolic link is written through: its target is replaced, the link
//!   stays.
//! - A file with several hard links is rewritten in place, so that every
//!   link still names it (not atomic: see docs/reliability.md); so is one
//!   whose owner this process cannot give to a new file.
//! - A device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is
//!   opened and written into, never replaced.
//!
//! Temporary files are removed if the command is stopped by SIGINT, SIGTERM
//! or SIGHUP (SIGKILL cannot be caught).

use std::borrow::Cow;
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufWriter, Cursor, Seek, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use tempfile::NamedTempFile;

use super::*;

/// Bytes of the destination's name kept in a temporary file's name: the
/// whole name may already be as long as the file system allows.
const TEMP_NAME_KEEPS: usize = 64;

/// Symbolic links followed to find the file a link names (Linux's own
/// limit is 40).
const MAX_LINKS: usize = 40;

/// A file an output can be streamed into: a DOCX's zip seeks back to
/// fill in each entry's sizes.
pub(crate) trait Sink: Write + Seek {}

impl<T: Write + Seek> Sink for T {}

/// What is written: bytes already made, or a producer that writes them
/// into the file itself, so that a large output is never whole in memory
/// next to the document it is made from.
pub(crate) enum Content<'a> {
    Bytes(&'a [u8]),
    Produce(&'a mut dyn FnMut(&mut dyn Sink) -> io::Result<()>),
}

/// Bytes produced into a buffer of this size before they reach the file.
const BUFFER: usize = 64 << 10;

impl Content<'_> {
    /// The whole output, for the destinations written in one go (standard
    /// output, a device, a file rewritten in place).
    fn bytes(&mut self) -> io::Result<Cow<'_, [u8]>> {
        match self {
            Content::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            Content::Produce(produce) => {
                let mut out = Cursor::new(Vec::new());
                produce(&mut out)?;
                Ok(Cow::Owned(out.into_inner()))
            }
        }
    }

    /// Writes the output into `file`, from its start.
    fn write_to(&mut self, file: &fs::File) -> io::Result<()> {
        match self {
            Content::Bytes(bytes) => (&*file).write_all(bytes),
            Content::Produce(produce) => {
                let mut out = BufWriter::with_capacity(BUFFER, file);
                produce(&mut out)?;
                out.flush()
            }
        }
    }
}

/// Writes `bytes` to `dest` (see the module's comment); `-` is standard
/// output.
pub(crate) fn write_output(dest: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_content(dest, Content::Bytes(bytes))
}

/// Writes what `produce` writes to `dest`, as [`write_output`] does: a
/// new or replaced file is streamed into its temporary file, so that a
/// failure, even halfway, leaves the destination as it was.
pub(crate) fn write_streamed(
    dest: &Path,
    produce: &mut dyn FnMut(&mut dyn Sink) -> io::Result<()>,
) -> Result<(), Failure> {
    write_content(dest, Content::Produce(produce))
}

fn write_content(dest: &Path, mut content: Content) -> Result<(), Failure> {
    if is_stdin(dest) {
        let bytes = content
            .bytes()
            .map_err(|e| Failure(format!("cannot write to standard output: {e}")))?;
        return write_stdout(&bytes);
    }
    // `metadata` follows links the way the kernel does, `/proc/self/fd`
    // included, so `/dev/stdout` is seen as the pipe or terminal it is.
    match fs::metadata(dest) {
        Ok(meta) if meta.is_dir() => Err(Failure(format!(
            "cannot write {}: it is a directory",
            shown(dest)
        ))),
        Ok(meta) if !meta.is_file() => write_into(dest, content),
        Ok(meta) => {
            let target = fs::canonicalize(dest).map_err(|e| Failure::io("write", dest, &e))?;
            replace(&target, &meta, content)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => create(&link_target(dest)?, content),
        Err(e) => Err(Failure::io("write", dest, &e)),
    }
}

/// The path a chain of symbolic links ends at, which need not exist (a
/// dangling link to the output of a first build).
fn link_target(path: &Path) -> Result<PathBuf, Failure> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::read_link(&path) {
            Ok(next) => path = path.parent().unwrap_or(Path::new("")).join(next),
            Err(_) => return Ok(path),
        }
    }
    Err(Failure(format!(
        "cannot write {}: more than {MAX_LINKS} symbolic links",
        shown(&path)
    )))
}

/// A device, FIFO or socket: written into as it is, once the output is
/// whole (a pipe cannot seek).
fn write_into(dest: &Path, mut content: Content) -> Result<(), Failure> {
    let bytes = content
        .bytes()
        .map_err(|e| Failure::io("write", dest, &e))?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(dest)
        .map_err(|e| Failure::io("write", dest, &e))?;
    file.write_all(&bytes)
        .and_then(|()| file.flush())
        .map_err(|e| Failure::io("write", dest, &e))
}

/// An existing regular file (links resolved).
fn replace(target: &Path, meta: &fs::Metadata, content: Content) -> Result<(), Failure> {
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o222 == 0 {
        return Err(Failure(format!(
            "cannot write {}: it is read-only (mode {mode:04o}); make it writable first if it \
             should be replaced",
            shown(target)
        )));
    }
    // Not writable by this user although a bit is set: the rename below
    // needs only the directory, so ask the file itself.
    fs::OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| Failure::io("write", target, &e))?;
    if meta.nlink() > 1 {
        return write_in_place(target, content);
    }
    let temp = Temp::new(target, fs::Permissions::from_mode(0o600))?;
    let owner = (meta.uid(), meta.gid());
    let kept = {
        let file = temp.file.as_file();
        let now = file.metadata().map(|m| (m.uid(), m.gid())).ok();
        (now == Some(owner) || std::os::unix::fs::fchown(file, Some(owner.0), Some(owner.1)).is_ok())
            // After the owner: changing it clears set-user-ID bits.
            && file.set_permissions(fs::Permissions::from_mode(mode)).is_ok()
    };
    if !kept {
        // Only root may give a file away; rather than change the owner,
        // write the old file itself.
        temp.discard();
        return write_in_place(target, content);
    }
    temp.finish(target, content)
}

/// A new file, with the default mode (0666 less the umask).
fn create(target: &Path, content: Content) -> Result<(), Failure> {
    Temp::new(target, fs::Permissions::from_mode(0o666))?.finish(target, content)
}

/// Rewrites a file's contents, keeping its inode (mode, owner, links).
/// The output is made whole first, so that the file is not left half
/// old, half new for longer than the write itself.
fn write_in_place(target: &Path, mut content: Content) -> Result<(), Failure> {
    let bytes = content
        .bytes()
        .map_err(|e| Failure::io("write", target, &e))?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| Failure::io("write", target, &e))?;
    file.write_all(&bytes)
        .and_then(|()| file.set_len(bytes.len() as u64))
        .and_then(|()| file.sync_all())
        .map_err(|e| Failure::io("write", target, &e))
}

/// Temporary files not yet renamed or removed, for the signal handler.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files, then die of
/// the signal as if there were no handler (the shell sees the same status).
/// The lock is kept to the end, so no new temporary file can appear.
fn remove_temps_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let live = live();
                for path in live.iter() {
                    let _ = fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A temporary file next to a destination, registered for removal on a
/// signal until it is renamed or dropped.
struct Temp {
    file: NamedTempFile,
}

impl Temp {
    fn new(target: &Path, mode: fs::Permissions) -> Result<Temp, Failure> {
        remove_temps_on_signals();
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let Some(name) = target.file_name() else {
            return Err(Failure(format!(
                "cannot write {}: not a file name",
                shown(target)
            )));
        };
        // `.NAME.XXXXXX.tmp`, with NAME cut so that a name near the file
        // system's limit still leaves room.
        let mut prefix = b".".to_vec();
        prefix.extend(name.as_bytes().iter().take(TEMP_NAME_KEEPS));
        prefix.push(b'.');
        let prefix = OsString::from_vec(prefix);
        let mut live = live();
        let file = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .permissions(mode)
            .tempfile_in(dir)
            .map_err(|e| {
                Failure(format!(
                    "cannot write {}: cannot create a temporary file in {}: {e}",
                    shown(target),
                    shown(dir)
                ))
            })?;
        live.push(file.path().to_path_buf());
        Ok(Temp { file })
    }

    /// Writes, flushes to disk and renames over `target`.
    fn finish(self, target: &Path, mut content: Content) -> Result<(), Failure> {
        let written = content
            .write_to(self.file.as_file())
            .and_then(|()| self.file.as_file().sync_all());
        if let Err(e) = written {
            let failure = Failure::io("write", target, &e);
            self.discard();
            return Err(failure);
        }
        let mut live = live();
        let path = self.file.path().to_path_buf();
        // On failure the temporary file is removed with the error.
        let renamed = self
            .file
            .persist(target)
            .map_err(|e| Failure::io("write", target, &e.error));
        live.retain(|p| *p != path);
        renamed.map(drop)
    }

    /// Removes the file.
    fn discard(self) {
        let mut live = live();
        let path = self.file.path().to_path_buf();
        drop(self.file);
        live.retain(|p| *p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is in `dir`, by name.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_stream_that_fails_halfway_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dest = dir.path().join("out.json");
        fs::write(&dest, "old").expect("write");
        let written = write_streamed(&dest, &mut |out| {
            out.write_all(&[b'x'; 200_000])?;
            Err(io::Error::other("the backend's writer failed"))
        });
        let Err(Failure(message)) = written else {
            panic!("the failure was not reported");
        };
        assert!(message.contains("the backend's writer failed"), "{message}");
        assert_eq!(fs::read_to_string(&dest).expect("read"), "old");
        assert_eq!(names(dir.path()), ["out.json"]);

        // Nor is a new file left behind, half written.
        let new = dir.path().join("new.json");
        assert!(write_streamed(&new, &mut |_| Err(io::Error::other("no"))).is_err());
        assert_eq!(names(dir.path()), ["out.json"]);
    }

    #[test]
    fn a_stream_replaces_the_file_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dest = dir.path().join("out.docx");
        fs::write(&dest, "an older and longer file").expect("write");
        write_streamed(&dest, &mut |out| {
            // A zip seeks back to fill in sizes: the file must let it.
            out.write_all(b"....tail")?;
            out.seek(io::SeekFrom::Start(0))?;
            out.write_all(b"head")
        })
        .map_err(|Failure(m)| m)
        .expect("written");
        assert_eq!(fs::read_to_string(&dest).expect("read"), "headtail");
        assert_eq!(names(dir.path()), ["out.docx"]);
    }
}

//! Waiting for a draft to be saved, for `draftdec watch`.
//!
//! Waiting for file events cannot be expressed as strings in, strings out,
//! so it lives with the command, not in the library. It only waits;
//! reading, compiling and writing stay in `cli/watch.rs` (the `on_save`
//! callback).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, PollWatcher, RecursiveMode, Watcher};

/// How long to wait for an editor to finish saving: a save is often several
/// events (truncate, write, rename), and one rebuild is enough.
const SETTLE: Duration = Duration::from_millis(100);

/// A draft saved over and over (a script, autosave) is still rebuilt
/// this often.
const SETTLE_AT_MOST: Duration = Duration::from_secs(1);

/// The polling interval when the system's file notifications are not
/// available (some network and container file systems); also how often the
/// draft is looked at directly, in case no event comes (see `watch`).
const POLL: Duration = Duration::from_millis(500);

/// Calls `on_save` once the watch is set up (a save made while it was being
/// set up is not missed), then each time `path` is saved. Returns only if
/// watching fails (or `on_save` returns `false`); the caller stops it with
/// Ctrl-C.
///
/// The directory is watched rather than the file, because many editors
/// save by writing a new file and renaming it over the old one, and a watch
/// on the old file would then see nothing more. A draft that is a symbolic
/// link is saved in its target's directory, which is watched too. Events
/// are not everything: a directory removed and made again is a new
/// directory that no watch is on, and a link can be pointed elsewhere. So
/// every `POLL` the draft's own state (through links) is compared with the
/// last build's, and the watches are set up again when the directories
/// they are on have been replaced.
pub(crate) fn watch(path: &Path, mut on_save: impl FnMut() -> bool) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel();
    let mut watched = Watched::new(path, &tx)?;
    if !on_save() {
        return Ok(());
    }
    let mut stamp = Stamp::of(path);
    let mut looked = Instant::now();
    loop {
        let saved = match rx.recv_timeout(POLL) {
            Ok(Ok(event)) if watched.relevant(&event) => {
                // Let the rest of this save arrive, then rebuild once. Only
                // events on the draft count: a viewer reading the output in
                // the same directory would otherwise keep this from ever
                // settling.
                let started = Instant::now();
                let mut last = started;
                while last.elapsed() < SETTLE && started.elapsed() < SETTLE_AT_MOST {
                    match rx.recv_timeout(SETTLE.saturating_sub(last.elapsed())) {
                        Ok(Ok(event)) if watched.relevant(&event) => last = Instant::now(),
                        Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                true
            }
            Ok(_) | Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        if !saved {
            // Other events do not delay the look: it is due every `POLL`.
            if looked.elapsed() < POLL {
                continue;
            }
            looked = Instant::now();
            if watched.stale(path) {
                // The directory may be gone for now: keep looking.
                if let Ok(again) = Watched::new(path, &tx) {
                    watched = again;
                }
            }
            if Stamp::of(path) == stamp {
                continue;
            }
        }
        if !on_save() {
            return Ok(());
        }
        stamp = Stamp::of(path);
    }
}

type Sender = mpsc::Sender<notify::Result<Event>>;

/// The watches on the directories a draft is saved in: its own and, for a
/// symbolic link, its target's.
struct Watched {
    /// Dropping a watcher stops it.
    _watchers: Vec<Box<dyn Watcher>>,
    /// Each directory watched and its identity (device, inode) then.
    dirs: Vec<(PathBuf, Option<(u64, u64)>)>,
    /// The names that are the draft: the link's and the target's.
    names: Vec<OsString>,
    /// Where the link pointed.
    target: Option<PathBuf>,
}

impl Watched {
    fn new(path: &Path, tx: &Sender) -> notify::Result<Watched> {
        let target = std::fs::canonicalize(path).ok();
        let mut files = vec![path.to_path_buf()];
        files.extend(target.clone().filter(|t| t != path));
        let mut watched = Watched {
            _watchers: Vec::new(),
            dirs: Vec::new(),
            names: Vec::new(),
            target,
        };
        for file in files {
            let dir = match file.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            watched.names.extend(file.file_name().map(OsString::from));
            if watched.dirs.iter().any(|(d, _)| *d == dir) {
                continue;
            }
            let watcher: Box<dyn Watcher> = match notify::recommended_watcher(tx.clone()) {
                Ok(mut w) => match w.watch(&dir, RecursiveMode::NonRecursive) {
                    Ok(()) => Box::new(w),
                    Err(_) => Box::new(poll(tx.clone(), &dir)?),
                },
                Err(_) => Box::new(poll(tx.clone(), &dir)?),
            };
            watched._watchers.push(watcher);
            let identity = identity(&dir);
            watched.dirs.push((dir, identity));
        }
        Ok(watched)
    }

    /// Could this event have changed the draft? Reads do not.
    fn relevant(&self, event: &Event) -> bool {
        !matches!(event.kind, EventKind::Access(_))
            && event.paths.iter().any(|p| {
                p.file_name()
                    .is_some_and(|n| self.names.iter().any(|m| m == n))
            })
    }

    /// Whether a directory watched was replaced or the link re-pointed.
    fn stale(&self, path: &Path) -> bool {
        self.dirs.iter().any(|(dir, id)| identity(dir) != *id)
            || std::fs::canonicalize(path).ok() != self.target
    }
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// What a save changes about a file, seen through links: which file it is,
/// its size and its times.
#[derive(PartialEq, Eq)]
struct Stamp(Option<(u64, u64, u64, i64, i64, i64, i64)>);

impl Stamp {
    fn of(path: &Path) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp(std::fs::metadata(path).ok().map(|m| {
            (
                m.dev(),
                m.ino(),
                m.len(),
                m.mtime(),
                m.mtime_nsec(),
                m.ctime(),
                m.ctime_nsec(),
            )
        }))
    }
}

fn poll(tx: Sender, dir: &Path) -> notify::Result<PollWatcher> {
    let mut w = PollWatcher::new(tx, notify::Config::default().with_poll_interval(POLL))?;
    w.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(w)
}

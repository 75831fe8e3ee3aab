//! Waiting for a draft to be saved, for `draftdec watch`.
//!
//! The one library module that touches the file system: waiting for file
//! events cannot be expressed as strings in, strings out. It only waits;
//! reading, compiling and writing stay in `main.rs` (the `on_save` callback).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{Event, EventKind, PollWatcher, RecursiveMode, Watcher};

/// How long to wait for an editor to finish saving: a save is often several
/// events (truncate, write, rename), and one rebuild is enough.
const SETTLE: Duration = Duration::from_millis(100);

/// The polling interval when the system's file notifications are not
/// available (some network and container file systems).
const POLL: Duration = Duration::from_millis(500);

/// Calls `on_save` each time `path` is saved. Returns only if watching
/// fails (or `on_save` returns `false`); the caller stops it with Ctrl-C.
///
/// The directory is watched rather than the file, because many editors
/// save by writing a new file and renaming it over the old one, and a watch
/// on the old file would then see nothing more.
pub fn watch(path: &Path, mut on_save: impl FnMut() -> bool) -> notify::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(OsString::from).unwrap_or_default();
    let (tx, rx) = mpsc::channel();
    // Both kinds are kept alive in this frame: dropping a watcher stops it.
    let _watcher: Box<dyn Watcher> = match notify::recommended_watcher(tx.clone()) {
        Ok(mut w) => match w.watch(&dir, RecursiveMode::NonRecursive) {
            Ok(()) => Box::new(w),
            Err(_) => Box::new(poll(tx, &dir)?),
        },
        Err(_) => Box::new(poll(tx, &dir)?),
    };
    loop {
        if !wait_for(&rx, &name)? {
            return Ok(());
        }
        // Let the rest of this save arrive, then rebuild once.
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        if !on_save() {
            return Ok(());
        }
    }
}

fn poll(tx: mpsc::Sender<notify::Result<Event>>, dir: &Path) -> notify::Result<PollWatcher> {
    let mut w = PollWatcher::new(tx, notify::Config::default().with_poll_interval(POLL))?;
    w.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(w)
}

/// Blocks until an event that may have changed the file named `name`;
/// `false` when the watcher has gone.
fn wait_for(rx: &Receiver<notify::Result<Event>>, name: &OsString) -> notify::Result<bool> {
    loop {
        let Ok(event) = rx.recv() else {
            return Ok(false);
        };
        let event = event?;
        if matches!(event.kind, EventKind::Access(_)) {
            continue;
        }
        if event.paths.iter().any(|p| p.file_name() == Some(name)) {
            return Ok(true);
        }
    }
}

//! Waiting for a draft to be saved, for `draftdec watch`.
//!
//! Waiting for file events cannot be expressed as strings in, strings out,
//! so it lives with the command, not in the library. It only waits;
//! reading, compiling and writing stay in `cli/watch.rs` (the `on_save`
//! callback).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, PollWatcher, RecursiveMode, Watcher};

/// How long to wait for an editor to finish saving: a save is often several
/// events (truncate, write, rename), and one rebuild is enough.
const SETTLE: Duration = Duration::from_millis(100);

/// A draft saved over and over (a script, autosave) is still rebuilt
/// this often.
const SETTLE_AT_MOST: Duration = Duration::from_secs(1);

/// The polling interval when the system's file notifications are not
/// available (some network and container file systems).
const POLL: Duration = Duration::from_millis(500);

/// Calls `on_save` once the watch is set up (a save made while it was being
/// set up is not missed), then each time `path` is saved. Returns only if
/// watching fails (or `on_save` returns `false`); the caller stops it with
/// Ctrl-C.
///
/// The directory is watched rather than the file, because many editors
/// save by writing a new file and renaming it over the old one, and a watch
/// on the old file would then see nothing more.
pub(crate) fn watch(path: &Path, mut on_save: impl FnMut() -> bool) -> notify::Result<()> {
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
    if !on_save() {
        return Ok(());
    }
    loop {
        if !wait_for(&rx, &name)? {
            return Ok(());
        }
        // Let the rest of this save arrive, then rebuild once. Only events
        // on the draft count: a viewer reading the output in the same
        // directory would otherwise keep this from ever settling.
        let started = Instant::now();
        let mut last = started;
        while last.elapsed() < SETTLE && started.elapsed() < SETTLE_AT_MOST {
            match rx.recv_timeout(SETTLE.saturating_sub(last.elapsed())) {
                Ok(Ok(event)) if relevant(&event, &name) => last = Instant::now(),
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
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
        if relevant(&event?, name) {
            return Ok(true);
        }
    }
}

/// Could this event have changed the file named `name`? Reads do not.
fn relevant(event: &Event, name: &OsString) -> bool {
    !matches!(event.kind, EventKind::Access(_))
        && event.paths.iter().any(|p| p.file_name() == Some(name))
}

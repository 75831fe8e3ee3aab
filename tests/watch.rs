//! `draftdec watch`: a saved draft is rebuilt; a draft with errors keeps the
//! last good output; Ctrl-C stops it. Every wait polls with a generous
//! deadline; nothing depends on how fast the machine is.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(120);

fn draft(title: &str) -> String {
    format!("symbol: UNEP/MC/COP.6/7\nlanguage: en\ntitle: {title}\n\n#. A paragraph.\n")
}

/// Polls `ready` until it holds; false after the deadline.
fn poll(mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while !ready() {
        if start.elapsed() > DEADLINE {
            return false;
        }
        thread::sleep(Duration::from_millis(50));
    }
    true
}

/// Kills the watcher if the test fails half-way.
struct Watcher {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn start(file: &Path, out: &Path) -> Watcher {
    let mut child = common::draftdec()
        .args(["watch", "--to", "json", "--color", "never", "-o"])
        .arg(out)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("draftdec watch starts");
    let stderr = Arc::new(Mutex::new(String::new()));
    let pipe = child.stderr.take().expect("stderr is piped");
    let sink = Arc::clone(&stderr);
    thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let mut s = sink.lock().expect("stderr buffer");
            s.push_str(&line);
            s.push('\n');
        }
    });
    Watcher { child, stderr }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// Saves like an editor that writes a new file and renames it over the old.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("draft~");
    fs::write(&temp, text).expect("write draft");
    fs::rename(&temp, path).expect("rename over draft");
}

#[test]
fn rebuilds_on_save_keeps_the_last_good_output_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("d.draft");
    let out = dir.path().join("d.json");
    fs::write(&file, draft("First title")).expect("write draft");
    let mut w = start(&file, &out);
    let log = Arc::clone(&w.stderr);
    let wait_until = |what: &str, ready: &mut dyn FnMut() -> bool| {
        if !poll(ready) {
            let log = log.lock().map(|s| s.clone()).unwrap_or_default();
            panic!("timed out waiting for {what}; watch printed:\n{log}");
        }
    };

    wait_until("the first build", &mut || {
        read(&out).contains("First title")
    });
    wait_until("the watch to start", &mut || {
        w.stderr.lock().expect("lock").contains("watching")
    });

    // A plain overwrite, then an editor-style rename.
    fs::write(&file, draft("Second title")).expect("write draft");
    wait_until("the rebuild after a save", &mut || {
        read(&out).contains("Second title")
    });
    save(&file, &draft("Third title"));
    wait_until("the rebuild after a rename", &mut || {
        read(&out).contains("Third title")
    });

    // Errors are printed and the last good output stays.
    save(&file, &draft("Broken *title"));
    wait_until("the error report", &mut || {
        w.stderr
            .lock()
            .expect("lock")
            .contains("keeps the last good build")
    });
    assert!(w.stderr.lock().expect("lock").contains("E0006"));
    assert!(read(&out).contains("Third title"));

    // Fixed again: the output follows.
    save(&file, &draft("Fourth title"));
    wait_until("the rebuild after the fix", &mut || {
        read(&out).contains("Fourth title")
    });

    // Ctrl-C (SIGINT) ends it, leaving only the draft and the output.
    let pid = w.child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(status.success());
    wait_until("the watcher to stop", &mut || {
        matches!(w.child.try_wait(), Ok(Some(_)))
    });
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["d.draft", "d.json"]);
    assert!(read(&out).contains("Fourth title"));
}

#[test]
fn a_missing_draft_is_reported_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = common::draftdec()
        .args(["watch", "--to", "json"])
        .arg(dir.path().join("missing.draft"))
        .output()
        .expect("draftdec runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

/// Waits until `out` holds `text`, or panics with what the watcher printed.
fn wait_for_output(w: &Watcher, out: &Path, text: &str) {
    if !poll(|| read(out).contains(text)) {
        let log = w.stderr.lock().map(|s| s.clone()).unwrap_or_default();
        panic!(
            "timed out waiting for {text:?} in {}; watch printed:\n{log}",
            out.display()
        );
    }
}

#[test]
fn keeps_watching_when_the_directory_is_removed_and_made_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("drafts");
    fs::create_dir(&sub).expect("mkdir");
    let file = sub.join("d.draft");
    let out = dir.path().join("d.json");
    fs::write(&file, draft("First title")).expect("write draft");
    let w = start(&file, &out);
    wait_for_output(&w, &out, "First title");
    assert!(poll(|| w.stderr.lock().expect("lock").contains("watching")));

    // A checkout or sync tool replaces the whole directory.
    fs::remove_dir_all(&sub).expect("remove the directory");
    thread::sleep(Duration::from_millis(300));
    fs::create_dir(&sub).expect("mkdir again");
    fs::write(&file, draft("Second title")).expect("write draft");
    wait_for_output(&w, &out, "Second title");
    // And it goes on after that.
    fs::write(&file, draft("Third title")).expect("write draft");
    wait_for_output(&w, &out, "Third title");
}

#[test]
fn sees_edits_to_a_symbolic_links_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real");
    fs::create_dir(&real).expect("mkdir");
    let target = real.join("target.draft");
    fs::write(&target, draft("First title")).expect("write draft");
    let link = dir.path().join("link.draft");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let out = dir.path().join("out.json");
    let w = start(&link, &out);
    wait_for_output(&w, &out, "First title");
    assert!(poll(|| w.stderr.lock().expect("lock").contains("watching")));
    fs::write(&target, draft("Second title")).expect("write draft");
    wait_for_output(&w, &out, "Second title");
    save(&target, &draft("Third title"));
    wait_for_output(&w, &out, "Third title");
}

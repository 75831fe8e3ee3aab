//! The command's files and streams under stress (issue 17): devices, pipes
//! and links as outputs, existing files' mode, owner and links, signals,
//! input size, `-j`, control characters in file names, JSON streams, long
//! file names. docs/reliability.md names the guarantee each test pins.

mod common;

use std::fs;
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::workspace;

/// Not in canonical layout: `fmt` rewrites it as `TIDY`.
const MESSY: &str = "title: T\nsymbol: UNEP/MC/COP.6/9\nlanguage: en\n\n\n7. One\n   line.\n";
const TIDY: &str = "symbol: UNEP/MC/COP.6/9\nlanguage: en\ntitle: T\n\n1. One line.\n";
/// An unknown label: one error.
const BAD: &str = "symbol: UNEP/MC/COP.6/9\nlanguage: en\ntitle: T\n\n1. See @nowhere.\n";

fn draftdec(dir: &Path) -> Command {
    let mut cmd = common::draftdec();
    cmd.current_dir(dir);
    cmd
}

/// `draftdec SUBCOMMAND --color never ARGS…` in `dir`.
fn run(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = common::draftdec();
    cmd.current_dir(dir).arg(args[0]);
    if matches!(args[0], "check" | "build" | "fmt" | "watch") {
        cmd.arg("--color=never");
    }
    cmd.args(&args[1..]).output().expect("draftdec runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Waits for `child` at most `limit`; kills it and returns `None` after.
fn wait_at_most(mut child: Child, limit: Duration) -> Option<Output> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Ok(Some(_)) = child.try_wait() {
            return child.wait_with_output().ok();
        }
        thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn is_root() -> bool {
    // Only root can give a file to another owner.
    let dir = tempfile::tempdir().expect("temp dir");
    let probe = dir.path().join("probe");
    fs::write(&probe, "").expect("write");
    std::os::unix::fs::chown(&probe, Some(4242), Some(4242)).is_ok()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn devices_pipes_and_links_are_written_into_not_replaced() {
    let dir = workspace(&[("d.draft", TIDY), ("messy.draft", MESSY)]);
    let d = dir.path();
    for (link, device) in [("null.json", "/dev/null"), ("full.json", "/dev/full")] {
        symlink(device, d.join(link)).expect("symlink");
    }
    let out = run(d, &["build", "d.draft", "--to", "json", "-o", "null.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // /dev/full: the write fails and says so (it used to "succeed" by
    // replacing the link).
    let out = run(d, &["build", "d.draft", "--to", "json", "-o", "full.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot write full.json: No space left on device"),
        "{}",
        text(&out.stderr)
    );
    for (link, device) in [("null.json", "/dev/null"), ("full.json", "/dev/full")] {
        let meta = fs::symlink_metadata(d.join(link)).expect("link");
        assert!(meta.file_type().is_symlink(), "{link} was replaced");
        assert_eq!(
            fs::read_link(d.join(link)).expect("link"),
            Path::new(device)
        );
    }

    // /dev/stdout (through a link, so that a failing run cannot touch the
    // machine's own) and `-o -`: the JSON arrives on standard output.
    symlink("/dev/stdout", d.join("stdout.json")).expect("symlink");
    for dest in ["stdout.json", "-"] {
        let out = run(d, &["build", "d.draft", "--to", "json", "-o", dest]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("the document on standard output");
        assert!(json.is_object(), "{dest}");
    }
    assert!(
        fs::symlink_metadata(d.join("stdout.json"))
            .expect("link")
            .file_type()
            .is_symlink()
    );

    // A named pipe: a reader gets the document; the pipe stays a pipe.
    let fifo = d.join("pipe.json");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_string(&mut text))
                .expect("read the pipe");
            text
        })
    };
    let child = draftdec(d)
        .args(["build", "d.draft", "--to", "json", "-o", "pipe.json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("draftdec starts");
    let out = wait_at_most(child, Duration::from_secs(60));
    let is_fifo = {
        use std::os::unix::fs::FileTypeExt;
        fs::symlink_metadata(&fifo)
            .expect("pipe")
            .file_type()
            .is_fifo()
    };
    if !is_fifo || out.is_none() {
        // Unblock the reader before failing.
        let _ = fs::write(&fifo, "");
    }
    let out = out.expect("build into a FIFO finishes");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(is_fifo, "the FIFO was replaced by a regular file");
    let got = reader.join().expect("reader");
    assert!(got.contains("\"symbol\""), "{got}");

    // `fmt` of a draft that is not a regular file (standard input through a
    // link) is refused before it is read: nothing replaces the link.
    symlink("/dev/stdin", d.join("stdin.draft")).expect("symlink");
    let out = common::run_with_stdin(draftdec(d).args(["fmt", "stdin.draft"]), MESSY);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("not a regular file"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(d.join("stdin.draft"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn rewritten_files_keep_mode_owner_and_links() {
    let dir = workspace(&[]);
    let d = dir.path();
    // Mode: kept for 0600 and 0755; a read-only draft is refused (exit 2)
    // and left as it was, even for root, who could write it.
    for m in [0o600, 0o755, 0o640] {
        let file = d.join(format!("m{m:o}.draft"));
        fs::write(&file, MESSY).expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(m)).expect("chmod");
        let out = run(d, &["fmt", file.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(fs::read_to_string(&file).expect("read"), TIDY);
        assert_eq!(mode(&file), m, "mode of {}", file.display());
    }
    let ro = d.join("ro.draft");
    fs::write(&ro, MESSY).expect("write");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(d, &["fmt", "ro.draft"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("ro.draft: it is read-only"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&ro).expect("read"), MESSY);
    assert_eq!(mode(&ro), 0o444);

    // A build's existing output keeps its mode too.
    fs::write(d.join("d.draft"), TIDY).expect("write");
    fs::write(d.join("d.json"), "old").expect("write");
    fs::set_permissions(d.join("d.json"), fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = run(d, &["build", "d.draft", "--to", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(mode(&d.join("d.json")), 0o600);
    fs::set_permissions(d.join("d.json"), fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(d, &["build", "d.draft", "--to", "json"]);
    assert_eq!(out.status.code(), Some(2), "a read-only output is refused");

    // Owner: kept (only root can set up the test).
    let owned = d.join("owned.draft");
    fs::write(&owned, MESSY).expect("write");
    if is_root() {
        std::os::unix::fs::chown(&owned, Some(4242), Some(4343)).expect("chown");
        let out = run(d, &["fmt", "owned.draft"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let meta = fs::metadata(&owned).expect("metadata");
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
        assert_eq!(fs::read_to_string(&owned).expect("read"), TIDY);
    } else {
        eprintln!("not root: the owner part of this test cannot be set up");
    }

    // A symbolic link: its target is formatted, the link stays.
    fs::create_dir(d.join("real")).expect("mkdir");
    fs::write(d.join("real/target.draft"), MESSY).expect("write");
    symlink("real/target.draft", d.join("link.draft")).expect("symlink");
    let out = run(d, &["fmt", "link.draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        fs::symlink_metadata(d.join("link.draft"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(d.join("real/target.draft")).expect("read"),
        TIDY
    );
    // A dangling link as an output: the file is made where it points.
    symlink("real/out.json", d.join("out.json")).expect("symlink");
    let out = run(d, &["build", "d.draft", "--to", "json", "-o", "out.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        fs::symlink_metadata(d.join("out.json"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(d.join("real/out.json"))
            .expect("read")
            .contains("\"symbol\"")
    );

    // A hard link: both names still name one file, formatted.
    fs::write(d.join("a.draft"), MESSY).expect("write");
    fs::hard_link(d.join("a.draft"), d.join("b.draft")).expect("hard link");
    let out = run(d, &["fmt", "a.draft"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(d.join("b.draft")).expect("read"), TIDY);
    assert_eq!(
        fs::metadata(d.join("a.draft")).expect("metadata").nlink(),
        2
    );
}

/// A draft whose HTML (about 750 KB) takes a moment to write and flush.
fn big_draft() -> String {
    let mut s = String::from("symbol: UNEP/MC/COP.6/9\nlanguage: en\ntitle: T\n\n");
    for _ in 0..4000 {
        s.push_str(
            "#. *Requests* the secretariat to prepare a long report on the matters \
             discussed, in all the official languages of the United Nations;\n\n",
        );
    }
    s.push_str("#. *Decides* to remain seized of the matter.\n");
    s
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

/// The build is stopped (SIGSTOP) while a temporary file exists, sent the
/// signal, and continued: the signal is then handled with the file there,
/// whatever the timing.
#[test]
fn a_signal_removes_the_temporary_files() {
    use rustix::process::{Pid, Signal, kill_process};
    let big = big_draft();
    let names: Vec<String> = (0..6).map(|i| format!("d{i}.draft")).collect();
    let files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), big.as_str())).collect();
    let dir = workspace(&files);
    let d = dir.path();
    let mut caught = Vec::new();
    for signal in [Signal::TERM, Signal::INT, Signal::HUP]
        .iter()
        .cycle()
        .take(30)
    {
        if caught.len() == 3 {
            break;
        }
        let mut child = draftdec(d)
            .args(["build", "--to", "html", "-j", "2"])
            .args(&names)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("draftdec starts");
        let pid = Pid::from_raw(child.id() as i32).expect("a pid");
        let start = Instant::now();
        let mut stopped = false;
        while start.elapsed() < Duration::from_secs(120) && !stopped {
            if temporaries(d).is_empty() {
                if !matches!(child.try_wait(), Ok(None)) {
                    break;
                }
                thread::sleep(Duration::from_micros(100));
                continue;
            }
            kill_process(pid, Signal::STOP).expect("stop");
            // Renamed between the look and the stop: go on to the next.
            stopped = !temporaries(d).is_empty();
            if !stopped {
                kill_process(pid, Signal::CONT).expect("continue");
            }
        }
        if stopped {
            kill_process(pid, *signal).expect("signal");
            kill_process(pid, Signal::CONT).expect("continue");
        }
        let out = wait_at_most(child, Duration::from_secs(120)).expect("draftdec ends");
        for file in fs::read_dir(d).expect("list") {
            let path = file.expect("entry").path();
            if path.extension().is_some_and(|e| e == "html") {
                fs::remove_file(path).expect("remove output");
            }
        }
        if stopped {
            assert!(out.status.code().is_none(), "{signal:?} ends the build");
            let left = temporaries(d);
            assert!(left.is_empty(), "after {signal:?}: left {left:?}");
            caught.push(*signal);
        }
    }
    assert!(
        !caught.is_empty(),
        "no build was caught with a temporary file"
    );
}

#[test]
fn inputs_are_limited_in_size() {
    let dir = workspace(&[]);
    let d = dir.path();
    // A device that never ends, under a memory limit so that a failing run
    // cannot take the machine's memory: refused once the limit is read.
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 2097152; exec {} check --color=never /dev/zero",
            env!("CARGO_BIN_EXE_draftdec")
        ))
        .current_dir(d)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    let out = wait_at_most(child, Duration::from_secs(120)).expect("check /dev/zero ends");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("cannot read /dev/zero: a draft may have at most 128 MiB"),
        "{}",
        text(&out.stderr)
    );
    // A regular file over the limit is refused before it is read (sparse:
    // it takes no disk).
    let big = fs::File::create(d.join("big.draft")).expect("create");
    big.set_len((128 << 20) + 1).expect("set_len");
    let out = run(d, &["check", "big.draft"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("at most 128 MiB"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn jobs_are_capped() {
    let dir = workspace(&[("a.draft", TIDY), ("b.draft", TIDY)]);
    let d = dir.path();
    for jobs in ["0", "65", "10000"] {
        let child = draftdec(d)
            .args(["build", "--to", "json", "-j", jobs, "a.draft", "b.draft"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("draftdec starts");
        let out = wait_at_most(child, Duration::from_secs(60)).expect("-j {jobs} returns");
        assert_eq!(
            out.status.code(),
            Some(2),
            "-j {jobs}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("1..=64"),
            "{}",
            text(&out.stderr)
        );
    }
    let out = run(
        d,
        &["build", "--to", "json", "-j", "64", "a.draft", "b.draft"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let help = run(d, &["build", "--help"]);
    assert!(
        text(&help.stdout).contains("1 to 64"),
        "{}",
        text(&help.stdout)
    );
}

#[test]
fn control_characters_in_file_names_are_escaped() {
    let name = "evil\u{1b}[2J\u{7}.draft";
    let messy = "evil\u{1b}-messy.draft";
    let broken = "evil\u{1b}-broken.draft";
    let dir = workspace(&[
        (name, BAD),
        (messy, MESSY),
        (broken, "title: T\n\n#. An *unclosed\n"),
    ]);
    let d = dir.path();
    let shown = "evil␛[2J␇";
    let cases: [&[&str]; 8] = [
        &["check", "missing\u{1b}[2J.draft"],
        &["build", "--to", "json", name],
        &["build", "--to", "json", name, "missing\u{1b}.draft"],
        &["fmt", "--check", messy],
        &["fmt", broken],
        &["check", "--format", "short", name],
        &["fmt", "missing\u{1b}.draft"],
        &["watch", "--to", "json", "missing\u{1b}.draft"],
    ];
    for args in cases {
        let out = run(d, args);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}'),
            "{args:?}: {all:?}"
        );
        assert!(all.contains('␛'), "{args:?}: {all}");
    }
    let out = run(d, &["build", "--to", "json", name]);
    assert!(
        text(&out.stderr).contains(&format!("{shown}.draft has errors; nothing was written")),
        "{}",
        text(&out.stderr)
    );
    let out = run(d, &["explain", "E\u{1b}[2J"]);
    assert!(
        text(&out.stderr).contains("no diagnostic code `E␛[2J`"),
        "{}",
        text(&out.stderr)
    );
}

/// The records of a stream that must be one JSON array.
fn records(stream: &[u8]) -> Vec<serde_json::Value> {
    match serde_json::from_slice(stream) {
        Ok(serde_json::Value::Array(records)) => records,
        other => panic!("not one JSON array ({other:?}): {}", text(stream)),
    }
}

#[test]
fn json_streams_hold_one_document() {
    let dir = workspace(&[("bad.draft", BAD), ("bad2.draft", BAD), ("ok.draft", TIDY)]);
    let d = dir.path();
    fs::write(d.join("latin1.draft"), b"title: caf\xe9\n").expect("write");

    let out = run(
        d,
        &["build", "--to", "json", "--format", "json", "bad.draft"],
    );
    assert_eq!(out.status.code(), Some(1));
    let r = records(&out.stderr);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["code"], "E0102");

    // Several files, one of them missing: still one array.
    let out = run(
        d,
        &[
            "build",
            "--to",
            "json",
            "--format",
            "json",
            "bad.draft",
            "bad2.draft",
            "ok.draft",
            "missing.draft",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out.stderr);
    let files: Vec<&str> = r
        .iter()
        .map(|r| r["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, ["bad.draft", "bad2.draft", "missing.draft"]);
    assert!(r[2]["code"].is_null());
    assert_eq!(r[2]["severity"], "error");
    assert!(
        r[2]["message"]
            .as_str()
            .expect("message")
            .contains("cannot read missing.draft")
    );

    // `check`: E0011 as a record with its position; an unreadable file as
    // a failure record; nothing on standard error.
    let out = run(
        d,
        &[
            "check",
            "--format",
            "json",
            "latin1.draft",
            "missing.draft",
            "ok.draft",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "");
    let r = records(&out.stdout);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0]["code"], "E0011");
    assert_eq!(r[0]["file"], "latin1.draft");
    assert_eq!(r[0]["primary"]["start"], 10);
    assert_eq!(r[0]["primary"]["column"], 11);
    assert!(r[1]["code"].is_null());
    assert_eq!(r[1]["file"], "missing.draft");
}

#[test]
fn file_names_near_the_limit() {
    let dir = workspace(&[]);
    let d = dir.path();
    // 250 bytes: the name is allowed, and so must be its temporary file.
    let stem = "a".repeat(244);
    let name = format!("{stem}.draft");
    fs::write(d.join(&name), MESSY).expect("write");
    let out = run(d, &["fmt", &name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(d.join(&name)).expect("read"), TIDY);
    let out = run(d, &["build", "--to", "json", &name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(d.join(format!("{stem}.json")).exists());
    // Too long: the message blames the file, not the directory.
    let long = "b".repeat(300);
    let out = run(d, &["build", "--to", "json", &name, "-o", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(&format!(
            "draftdec: cannot write {long}: File name too long"
        )),
        "{}",
        text(&out.stderr)
    );
}

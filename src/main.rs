//! The `draftdec` command. This is the only place that touches files,
//! standard streams, the environment and the terminal; the library only
//! turns strings into strings.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use draftdec::ast::{Document, FORMAT_VERSION};
use draftdec::diag::render::{self as diag_render, Format};
use draftdec::diag::{self, Diagnostic, codes};

/// Exit status: the drafts are clean (or only warned about).
const CLEAN: u8 = 0;
/// Exit status: a draft has errors (or warnings, with `--deny-warnings`).
const DRAFT_ERRORS: u8 = 1;
/// Exit status: bad command line, or a file could not be read or written.
const USAGE_OR_IO: u8 = 2;

/// The name diagnostics use for a draft read from standard input.
const STDIN_NAME: &str = "<stdin>";

const FMT_STATUS_HELP: &str = "\
Exit status:
  0  every draft is formatted (or, with --check, already was)
  1  with --check, a draft is not formatted; or a draft has errors that
     stop it from being formatted
  2  bad command line, or a file could not be read or written";

const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  success (no errors; warnings allowed unless --deny-warnings)
  1  a draft has errors (or warnings, with --deny-warnings)
  2  bad command line, or a file could not be read or written";

#[derive(Parser)]
#[command(
    name = "draftdec",
    version,
    about = "Compile UN-style draft decisions written as plain text (.draft files)",
    long_about = "Compile UN-style draft decisions written as plain text (.draft files).\n\n\
                  `check` reports every problem in a draft; `build` turns a clean draft into \
                  a Word document, an HTML page or JSON; `fmt` rewrites drafts \
                  in canonical form; `watch` rebuilds on every save; `explain` prints the \
                  page of a diagnostic code; `schema` prints the JSON Schema of the JSON output.",
    after_help = EXIT_STATUS_HELP,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts and print every problem found
    #[command(after_help = EXIT_STATUS_HELP)]
    Check {
        /// Draft files to check; `-` reads standard input (named `<stdin>`)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to print diagnostics (on standard output)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Exit with status 1 when there are warnings, not only errors
        #[arg(long)]
        deny_warnings: bool,
        /// The files are language versions of one document: also check that
        /// each has the structure, labels and symbols of the first (E0301)
        #[arg(long)]
        versions: bool,
        /// When to colour the human and short forms: `auto` colours only a
        /// terminal and honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Compile a draft into an output document; writes nothing if it has errors
    #[command(after_help = EXIT_STATUS_HELP)]
    Build {
        /// The drafts to compile; `-` reads standard input (alone). Several
        /// files are built in parallel, on every core
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The output format
        #[arg(long, value_enum)]
        to: Target,
        /// Where to write [default: FILE with the extension of --to; standard
        /// output for `-` input]; `-` writes to standard output. With
        /// several files: an existing directory to write them all into
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// With several files: how many to build at once [default: two per core]
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// How to print diagnostics (on standard error)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// When to colour diagnostics: `auto` colours only a terminal and
        /// honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Rewrite drafts in canonical layout (see docs/fmt.md); refuses drafts
    /// with syntax errors
    #[command(after_help = FMT_STATUS_HELP)]
    Fmt {
        /// Drafts to format in place; `-` reads standard input and writes
        /// the formatted draft to standard output
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write nothing: print a diff for each draft that is not in
        /// canonical layout and exit with status 1
        #[arg(long)]
        check: bool,
        /// When to colour diagnostics: `auto` colours only a terminal and
        /// honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Rebuild a draft on every save and print its problems as they change;
    /// stop with Ctrl-C
    Watch {
        /// The draft to watch
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The output format
        #[arg(long, value_enum)]
        to: Target,
        /// Where to write [default: FILE with the extension of --to]
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// How to print diagnostics (on standard error)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// When to colour diagnostics: `auto` colours only a terminal and
        /// honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Print the page that explains a diagnostic code
    #[command(after_help = "Exit status:\n  0  the page was printed\n  2  unknown code")]
    Explain {
        /// A diagnostic code such as E0102 (case does not matter)
        #[arg(required_unless_present = "list", value_name = "CODE")]
        code: Option<String>,
        /// List every code with its severity and title instead
        #[arg(long, conflicts_with = "code")]
        list: bool,
    },
    /// Print the JSON Schema of `draftdec build --to json` output
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// rustc-style: the source lines with the problem underlined
    Human,
    /// One line per problem: `file:line:col: error[CODE]: message`
    Short,
    /// A JSON array of diagnostics with byte offsets, lines and columns
    Json,
    /// Plain sentences for screen readers
    Narratable,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Short => Format::Short,
            FormatArg::Json => Format::Json,
            FormatArg::Narratable => Format::Narratable,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Target {
    /// The resolved document as JSON (see `draftdec schema`)
    Json,
    /// A standalone HTML page
    Html,
    /// A Word document
    Docx,
}

impl Target {
    fn extension(self) -> &'static str {
        match self {
            Target::Json => "json",
            Target::Html => "html",
            Target::Docx => "docx",
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// The backend for `target`.
fn backend(target: Target) -> fn(&Document) -> Vec<u8> {
    match target {
        Target::Json => |doc| draftdec::render::json::render(doc).into_bytes(),
        Target::Html => |doc| draftdec::render::html::render(doc).into_bytes(),
        Target::Docx => draftdec::render::docx::render,
    }
}

/// A failure that ends the command with status 2, already worded for the
/// drafter: what was being done, to which path, and why.
struct Failure(String);

impl Failure {
    fn io(action: &str, path: &Path, err: &io::Error) -> Failure {
        Failure(format!("cannot {action} {}: {err}", path.display()))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            format,
            deny_warnings,
            versions,
            color,
        } => check(&files, format.into(), deny_warnings, versions, color),
        Command::Build {
            files,
            to,
            output,
            format,
            color,
            jobs,
        } => match files.as_slice() {
            [file] => build(file, to, output.as_deref(), format.into(), color),
            _ => build_many(&files, to, output.as_deref(), format.into(), color, jobs),
        },
        Command::Fmt {
            files,
            check,
            color,
        } => fmt_files(&files, check, color),
        Command::Watch {
            file,
            to,
            output,
            format,
            color,
        } => watch(&file, to, output.as_deref(), format.into(), color),
        Command::Explain { code, list } => explain(code.as_deref(), list),
        Command::Schema => write_stdout(schema().as_bytes()).map(|()| CLEAN),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(Failure(message)) => {
            // If standard error is gone there is nobody left to tell.
            let _ = writeln!(io::stderr(), "draftdec: {message}");
            ExitCode::from(USAGE_OR_IO)
        }
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a draft as UTF-8 text.
fn read_draft(path: &Path) -> Result<String, Failure> {
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
    match draftdec::hygiene::decode(&bytes) {
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
fn use_color(choice: ColorArg, stream_is_terminal: bool) -> bool {
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
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("cannot write to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

fn write_stderr(text: &str) {
    // Nothing sensible can be done if standard error itself fails.
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

fn compile(source: &str) -> (Document, Vec<Diagnostic>) {
    let compiled = draftdec::driver::compile(source);
    let mut diagnostics = compiled.diagnostics;
    diag::sort(&mut diagnostics);
    (compiled.document, diagnostics)
}

/// One draft read and compiled by `check`.
struct Checked {
    name: String,
    source: String,
    document: Document,
    diagnostics: Vec<Diagnostic>,
}

fn check(
    files: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    versions: bool,
    color: ColorArg,
) -> Result<u8, Failure> {
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let color = use_color(color, io::stdout().is_terminal());
    let mut status = CLEAN;
    let mut drafts = Vec::new();
    for path in files {
        // One unreadable file does not stop the others from being checked.
        match read_draft(path) {
            Ok(source) => {
                let (document, diagnostics) = compile(&source);
                drafts.push(Checked {
                    name: display_name(path),
                    source,
                    document,
                    diagnostics,
                });
            }
            Err(Failure(message)) => {
                write_stderr(&format!("draftdec: {message}\n"));
                status = USAGE_OR_IO;
            }
        }
    }
    if versions {
        // All files are compiled first so that each finding can be shown
        // in the file it concerns, among that file's own diagnostics.
        let list: Vec<draftdec::versions::Version<'_>> = drafts
            .iter()
            .map(|d| draftdec::versions::Version {
                name: &d.name,
                source: &d.source,
                document: &d.document,
            })
            .collect();
        let found = draftdec::versions::compare(&list);
        for (index, diagnostic) in found {
            if let Some(draft) = drafts.get_mut(index) {
                draft.diagnostics.push(diagnostic);
            }
        }
        for draft in &mut drafts {
            diag::sort(&mut draft.diagnostics);
        }
    }
    let mut json = Vec::new();
    for draft in &drafts {
        let fails = draft
            .diagnostics
            .iter()
            .any(|d| d.is_error() || deny_warnings);
        if fails && status == CLEAN {
            status = DRAFT_ERRORS;
        }
        if format == Format::Json {
            // One array for the whole run, so tools parse a single value.
            json.extend(diag_render::json_records(
                &draft.name,
                &draft.source,
                &draft.diagnostics,
            ));
        } else {
            let text = diag_render::render(
                format,
                &draft.name,
                &draft.source,
                &draft.diagnostics,
                color,
            );
            write_stdout(text.as_bytes())?;
        }
    }
    if format == Format::Json {
        write_stdout(diag_render::json_array(&json).as_bytes())?;
    }
    Ok(status)
}

fn build(
    input: &Path,
    target: Target,
    output: Option<&Path>,
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
    let render = backend(target);
    let destination = match output {
        Some(path) if is_stdin(path) => None,
        Some(path) => Some(path.to_path_buf()),
        None if is_stdin(input) => None,
        None => Some(input.with_extension(target.extension())),
    };
    if destination.is_none() && target == Target::Docx && io::stdout().is_terminal() {
        return Err(Failure(
            "a .docx file is binary and standard output is a terminal; give -o PATH".to_string(),
        ));
    }
    if let Some(dest) = &destination
        && !is_stdin(input)
        && same_file(input, dest)
    {
        return Err(Failure(format!(
            "refusing to overwrite the input {} with the output; give another -o PATH",
            input.display()
        )));
    }

    let source = read_draft(input)?;
    let name = display_name(input);
    let (document, diagnostics) = compile(&source);
    if !diagnostics.is_empty() {
        let color = use_color(color, io::stderr().is_terminal());
        let text = diag_render::render(format, &name, &source, &diagnostics, color);
        write_stderr(&text);
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        write_stderr(&format!(
            "draftdec: {name} has errors; nothing was written\n"
        ));
        return Ok(DRAFT_ERRORS);
    }

    let bytes = render(&document);
    match destination {
        None => write_stdout(&bytes)?,
        Some(dest) => write_atomically(&dest, &bytes)?,
    }
    Ok(CLEAN)
}

/// Whether two paths name the same file, including through links and
/// `./` detours. A path that does not exist yet is compared through its
/// canonical parent directory.
/// `build` over several files: each is compiled and written by a worker of
/// a rayon pool, and its diagnostics are printed in the order the files were
/// given, so the output does not depend on scheduling. A file with errors
/// does not stop the others; the status is the worst of them all.
fn build_many(
    inputs: &[PathBuf],
    target: Target,
    output: Option<&Path>,
    format: Format,
    color: ColorArg,
    jobs: Option<usize>,
) -> Result<u8, Failure> {
    use rayon::prelude::*;

    if inputs.iter().any(|p| is_stdin(p)) {
        return Err(Failure(
            "`-` (standard input) can only be built alone".to_string(),
        ));
    }
    let dir = match output {
        None => None,
        Some(dir) if dir.is_dir() => Some(dir),
        Some(path) => {
            return Err(Failure(format!(
                "with several files, -o must be an existing directory; {} is not",
                path.display()
            )));
        }
    };
    let destination = |input: &Path| match dir {
        Some(dir) => dir.join(
            input
                .with_extension(target.extension())
                .file_name()
                .unwrap_or_default(),
        ),
        None => input.with_extension(target.extension()),
    };
    let mut seen = std::collections::HashMap::new();
    for input in inputs {
        if let Some(first) = seen.insert(destination(input), input) {
            return Err(Failure(format!(
                "{} and {} would both be written to {}; build them separately",
                first.display(),
                input.display(),
                destination(input).display()
            )));
        }
    }
    // Each output is flushed to disk before it is renamed, and a worker
    // waiting on the disk leaves its core idle: two workers a core keep the
    // cores busy (measured in docs/performance.md).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(2 * cores).max(1))
        .build()
        .map_err(|e| Failure(format!("cannot start the build threads: {e}")))?;
    let color = use_color(color, io::stderr().is_terminal());
    let render = backend(target);
    let results: Vec<Result<(String, u8), Failure>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let dest = destination(input);
                if same_file(input, &dest) {
                    return Err(Failure(format!(
                        "refusing to overwrite the input {} with the output",
                        input.display()
                    )));
                }
                let source = read_draft(input)?;
                let name = display_name(input);
                let (document, diagnostics) = compile(&source);
                let mut report = String::new();
                if !diagnostics.is_empty() {
                    report = diag_render::render(format, &name, &source, &diagnostics, color);
                }
                if diagnostics.iter().any(Diagnostic::is_error) {
                    report.push_str(&format!(
                        "draftdec: {name} has errors; nothing was written\n"
                    ));
                    return Ok((report, DRAFT_ERRORS));
                }
                write_atomically(&dest, &render(&document))?;
                Ok((report, CLEAN))
            })
            .collect()
    });
    let mut status = CLEAN;
    for result in results {
        match result {
            Ok((report, file_status)) => {
                write_stderr(&report);
                status = status.max(file_status);
            }
            Err(Failure(message)) => {
                write_stderr(&format!("draftdec: {message}\n"));
                status = status.max(USAGE_OR_IO);
            }
        }
    }
    Ok(status)
}

fn same_file(a: &Path, b: &Path) -> bool {
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
fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<(), Failure> {
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
fn create_temp(dir: &Path, file_name: &std::ffi::OsStr) -> Result<(PathBuf, fs::File), Failure> {
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

/// `draftdec fmt`: each draft is formatted on its own, so one draft with
/// errors does not stop the others.
fn fmt_files(files: &[PathBuf], check: bool, color: ColorArg) -> Result<u8, Failure> {
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Failure(
            "`-` (standard input) can be given only once".to_string(),
        ));
    }
    let color = use_color(color, io::stderr().is_terminal());
    let mut status = CLEAN;
    let mut worst = |s: u8| status = status.max(s);
    for path in files {
        match fmt_one(path, check, color) {
            Ok(s) => worst(s),
            Err(Failure(message)) => {
                write_stderr(&format!("draftdec: {message}\n"));
                worst(USAGE_OR_IO);
            }
        }
    }
    Ok(status)
}

fn fmt_one(path: &Path, check: bool, color: bool) -> Result<u8, Failure> {
    let source = read_draft(path)?;
    let name = display_name(path);
    let formatted = match draftdec::fmt::format(&source) {
        Ok(formatted) => formatted,
        Err(err) => {
            if let draftdec::fmt::FmtError::Unreadable(diagnostics) = &err {
                let text = diag_render::render(Format::Human, &name, &source, diagnostics, color);
                write_stderr(&text);
            }
            write_stderr(&format!("draftdec: {name}: {err}\n"));
            return Ok(DRAFT_ERRORS);
        }
    };
    if check {
        if formatted == source {
            return Ok(CLEAN);
        }
        let diff = similar::TextDiff::from_lines(&source, &formatted)
            .unified_diff()
            .context_radius(3)
            .header(&name, &format!("{name} (formatted)"))
            .to_string();
        write_stdout(diff.as_bytes())?;
        return Ok(DRAFT_ERRORS);
    }
    if is_stdin(path) {
        write_stdout(formatted.as_bytes())?;
    } else if formatted != source {
        // An untouched file keeps its modification time, so build tools
        // and editors see no change.
        write_atomically(path, formatted.as_bytes())?;
    }
    Ok(CLEAN)
}

/// `draftdec watch`: builds once, then again on every save. Diagnostics are
/// printed when they differ from the last ones printed; a draft with errors
/// leaves the last good output in place.
fn watch(
    input: &Path,
    target: Target,
    output: Option<&Path>,
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
    let render = backend(target);
    if is_stdin(input) || output.is_some_and(is_stdin) {
        return Err(Failure(
            "watch reads a file and writes a file; `-` cannot be watched or written to".to_string(),
        ));
    }
    let dest = output.map_or_else(
        || input.with_extension(target.extension()),
        Path::to_path_buf,
    );
    if same_file(input, &dest) {
        return Err(Failure(format!(
            "refusing to overwrite the input {} with the output; give another -o PATH",
            input.display()
        )));
    }
    let color = use_color(color, io::stderr().is_terminal());
    let name = display_name(input);
    let mut state = WatchState::default();
    // The first build fails loudly (a missing file is a typo); later ones
    // only report, since a save in progress can briefly remove the file.
    state.rebuild(input, &dest, &name, render, format, color)?;
    write_stderr(&format!(
        "draftdec: watching {name}; press Ctrl-C to stop\n"
    ));
    let watched = draftdec::watch::watch(input, || {
        if let Err(Failure(message)) = state.rebuild(input, &dest, &name, render, format, color) {
            write_stderr(&format!("draftdec: {message}\n"));
        }
        true
    });
    watched.map_err(|e| Failure(format!("cannot watch {name}: {e}")))?;
    Ok(CLEAN)
}

#[derive(Default)]
struct WatchState {
    /// The source last built, to skip saves that changed nothing.
    source: Option<String>,
    /// The diagnostics last printed.
    printed: Option<Vec<Diagnostic>>,
}

impl WatchState {
    fn rebuild(
        &mut self,
        input: &Path,
        dest: &Path,
        name: &str,
        render: fn(&Document) -> Vec<u8>,
        format: Format,
        color: bool,
    ) -> Result<(), Failure> {
        let source = read_draft(input)?;
        if self.source.as_ref() == Some(&source) {
            return Ok(());
        }
        let (document, diagnostics) = compile(&source);
        if self.printed.as_ref() != Some(&diagnostics) {
            if diagnostics.is_empty() {
                write_stderr(&format!("draftdec: {name}: no problems\n"));
            } else {
                write_stderr(&diag_render::render(
                    format,
                    name,
                    &source,
                    &diagnostics,
                    color,
                ));
            }
        }
        let errors = diagnostics.iter().any(Diagnostic::is_error);
        self.printed = Some(diagnostics);
        self.source = Some(source);
        if errors {
            write_stderr(&format!(
                "draftdec: {name} has errors; {} keeps the last good build\n",
                dest.display()
            ));
            return Ok(());
        }
        write_atomically(dest, &render(&document))?;
        write_stderr(&format!("draftdec: wrote {}\n", dest.display()));
        Ok(())
    }
}

fn explain(code: Option<&str>, list: bool) -> Result<u8, Failure> {
    if list {
        let mut text = String::new();
        for info in codes::CODES {
            let severity = match info.severity {
                diag::Severity::Error => "error",
                diag::Severity::Warning => "warning",
            };
            text.push_str(&format!("{}  {severity:<7}  {}\n", info.code, info.title));
        }
        write_stdout(text.as_bytes())?;
        return Ok(CLEAN);
    }
    let code = code.unwrap_or_default();
    if let Some(info) = codes::lookup(code) {
        write_stdout(info.page.as_bytes())?;
        return Ok(CLEAN);
    }
    let wanted = code.trim().to_ascii_uppercase();
    let mut message = format!("no diagnostic code `{}`", code.trim());
    if let Some(near) = draftdec::util::closest(&wanted, codes::CODES.iter().map(|c| c.code)) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message.push_str("\n  run `draftdec explain --list` to see every code");
    Err(Failure(message))
}

/// The shape of `draftdec build --to json` output, for the schema only:
/// `render::json` writes the same three fields.
#[derive(schemars::JsonSchema)]
#[schemars(
    title = "draftdec document",
    description = "A draft decision compiled by draftdec: the resolved document with its format version."
)]
// Never built: it exists to describe render::json's envelope to schemars.
#[allow(dead_code)]
struct Envelope {
    /// Version of the JSON format; a consumer should refuse a major version
    /// it does not know.
    #[schemars(extend("const" = FORMAT_VERSION))]
    format_version: String,
    /// The program and version that wrote the file (`draftdec X.Y.Z`).
    generator: String,
    document: Document,
}

fn schema() -> String {
    let schema = schemars::schema_for!(Envelope);
    // A schema generated from our own types is always serialisable.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

//! `draftdec build`, for one file or many in parallel.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use draftdec::ast::Document;
use draftdec::diag::Diagnostic;
use draftdec::diag::render::Format;
use draftdec::negotiation::Accept;

use super::*;

/// Renders `doc` for `target` into `dest`. JSON, HTML and DOCX are
/// written straight into the output file as they are made; Akoma Ntoso
/// and PDF (which LibreOffice makes from a whole DOCX) once whole.
pub(crate) fn render_to(target: Target, doc: &Document, dest: &Path) -> Result<(), Failure> {
    use draftdec::render::{akn, docx, html, json};
    match target {
        Target::Json => write_streamed(dest, &mut |out| json::render_to(doc, out)),
        Target::Html => write_streamed(dest, &mut |out| html::render_to(doc, out)),
        Target::Docx => write_streamed(dest, &mut |out| docx::render_to(doc, out)),
        Target::Akn => write_output(dest, akn::render(doc).as_bytes()),
        Target::Pdf => write_output(dest, &super::pdf::render(doc)?),
    }
}

/// Runs `run` with a report on standard error (`Report::run`).
fn reported(
    format: Format,
    color: ColorArg,
    run: impl FnOnce(&mut Report) -> Result<u8, Failure>,
) -> Result<u8, Failure> {
    let color = use_color(color, io::stderr().is_terminal());
    Report::new(format, color, Stream::Stderr).run(run)
}

pub(crate) fn build(
    input: &Path,
    target: Target,
    output: Option<&Path>,
    accept: &[Accept],
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
    reported(format, color, |report| {
        let destination = match output {
            Some(path) => path.to_path_buf(),
            None if is_stdin(input) => PathBuf::from("-"),
            None => input.with_extension(target.extension()),
        };
        if is_stdin(&destination) && target.is_binary() && io::stdout().is_terminal() {
            return Err(Failure(format!(
                "a .{target} file is binary and standard output is a terminal; give -o PATH"
            )));
        }
        build_one(input, &destination, target, accept, report)
    })
}

/// Reads, compiles and writes one draft; its diagnostics and failures go
/// to `report`.
fn build_one(
    input: &Path,
    dest: &Path,
    target: Target,
    accept: &[Accept],
    report: &mut Report,
) -> Result<u8, Failure> {
    let name = display_name(input);
    if !is_stdin(input) && !is_stdin(dest) && same_file(input, dest) {
        report.failure(
            Some(&name),
            Failure(format!(
                "refusing to overwrite the input {} with the output; give another -o PATH",
                shown(input)
            )),
        );
        return Ok(USAGE_OR_IO);
    }
    let source = match read_draft(input) {
        Ok(source) => source,
        Err(unread) => {
            report.unread(&name, unread);
            return Ok(USAGE_OR_IO);
        }
    };
    let (mut document, mut diagnostics) = compile(&source);
    if !accept.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        // The draft as written must be sound before an option is chosen
        // in it; then the text with the option is compiled afresh, and its
        // diagnostics are told against that text.
        let chosen = match draftdec::negotiation::accept(&document, &source, accept) {
            Ok(chosen) => chosen,
            Err(why) => {
                report.diagnostics(&name, &source, &diagnostics)?;
                report.failure(Some(&name), Failure(why));
                return Ok(USAGE_OR_IO);
            }
        };
        let choices: Vec<String> = accept.iter().map(Accept::to_string).collect();
        let name = format!("{name} (with {} accepted)", choices.join(", "));
        (document, diagnostics) = compile(&chosen);
        report.diagnostics(&name, &chosen, &diagnostics)?;
        if diagnostics.iter().any(Diagnostic::is_error) {
            report.note(&format!(
                "{} has errors with {} accepted; nothing was written",
                shown(input),
                choices.join(", ")
            ));
            return Ok(DRAFT_ERRORS);
        }
        return write_built(&document, dest, target, &name, report);
    }
    report.diagnostics(&name, &source, &diagnostics)?;
    // The backends read only the document: the source (as large as the
    // input) is not kept alive while the output is made.
    drop(source);
    if diagnostics.iter().any(Diagnostic::is_error) {
        report.note(&format!("{} has errors; nothing was written", shown(input)));
        return Ok(DRAFT_ERRORS);
    }
    drop(diagnostics);
    write_built(&document, dest, target, &name, report)
}

/// Renders `document` for `target` into `dest`, streamed where the
/// backend can be.
fn write_built(
    document: &Document,
    dest: &Path,
    target: Target,
    name: &str,
    report: &mut Report,
) -> Result<u8, Failure> {
    if let Err(failure) = render_to(target, document, dest) {
        report.failure(Some(name), failure);
        return Ok(USAGE_OR_IO);
    }
    Ok(CLEAN)
}

/// `build` over several files: each is compiled and written by a worker of
/// a rayon pool, and its diagnostics are printed in the order the files were
/// given, so the output does not depend on scheduling. A file with errors
/// does not stop the others; the status is the worst of them all.
pub(crate) fn build_many(
    inputs: &[PathBuf],
    target: Target,
    output: Option<&Path>,
    accept: &[Accept],
    format: Format,
    color: ColorArg,
    jobs: Option<usize>,
) -> Result<u8, Failure> {
    use rayon::prelude::*;

    reported(format, color, |report| {
        if !accept.is_empty() {
            return Err(Failure(
                "--accept chooses options of one draft; build the drafts one at a time".to_string(),
            ));
        }
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
                    shown(path)
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
                    shown(first),
                    shown(input),
                    shown(&destination(input))
                )));
            }
        }
        // Each output is flushed to disk before it is renamed, and a worker
        // waiting on the disk leaves its core idle: two workers a core keep
        // the cores busy (measured in docs/performance.md). Never more
        // workers than files.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = jobs
            .unwrap_or(2 * cores)
            .clamp(1, MAX_JOBS)
            .min(inputs.len());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| Failure(format!("cannot start the build threads: {e}")))?;
        let template = report.held();
        let results: Vec<(Report, u8)> = pool.install(|| {
            inputs
                .par_iter()
                .map(|input| {
                    let mut held = template.held();
                    let status = build_one(input, &destination(input), target, &[], &mut held)
                        .unwrap_or_else(|failure| {
                            held.failure(Some(&display_name(input)), failure);
                            USAGE_OR_IO
                        });
                    (held, status)
                })
                .collect()
        });
        let mut status = CLEAN;
        for (held, file_status) in results {
            report.absorb(held)?;
            status = status.max(file_status);
        }
        Ok(status)
    })
}

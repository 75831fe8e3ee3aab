//! `draftdec build`, for one file or many in parallel.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use draftdec::ast::Document;
use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};

use super::*;

/// The backend for `target`. Only the PDF can fail: it needs LibreOffice.
pub(crate) fn backend(target: Target) -> fn(&Document) -> Result<Vec<u8>, Failure> {
    match target {
        Target::Json => |doc| Ok(draftdec::render::json::render(doc).into_bytes()),
        Target::Html => |doc| Ok(draftdec::render::html::render(doc).into_bytes()),
        Target::Docx => |doc| Ok(draftdec::render::docx::render(doc)),
        Target::Akn => |doc| Ok(draftdec::render::akn::render(doc).into_bytes()),
        Target::Pdf => super::pdf::render,
    }
}

pub(crate) fn build(
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
    if destination.is_none() && target.is_binary() && io::stdout().is_terminal() {
        return Err(Failure(format!(
            "a .{target} file is binary and standard output is a terminal; give -o PATH"
        )));
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

    let bytes = render(&document)?;
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
pub(crate) fn build_many(
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
                write_atomically(&dest, &render(&document)?)?;
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

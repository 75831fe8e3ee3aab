//! `draftdec watch`.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use draftdec::diag::render::Format;
use draftdec::diag::{Diagnostic, visible};

use super::*;

/// `draftdec watch`: builds once, then again on every save. Diagnostics are
/// printed when they differ from the last ones printed; a draft with errors
/// leaves the last good output in place. With `--format json` each report
/// is one line holding one JSON array (JSON Lines), and nothing else is
/// printed on standard error.
pub(crate) fn watch(
    input: &Path,
    target: Target,
    output: Option<&Path>,
    format: Format,
    color: ColorArg,
) -> Result<u8, Failure> {
    if is_stdin(input) {
        return Err(Failure(
            "watch reads a file; standard input (`-`) cannot be watched".to_string(),
        ));
    }
    let dest = output.map_or_else(
        || input.with_extension(target.extension()),
        Path::to_path_buf,
    );
    if is_stdin(&dest) && target == Target::Docx && io::stdout().is_terminal() {
        return Err(Failure(
            "a .docx file is binary and standard output is a terminal; give -o PATH".to_string(),
        ));
    }
    if !is_stdin(&dest) && same_file(input, &dest) {
        return Err(Failure(format!(
            "refusing to overwrite the input {} with the output; give another -o PATH",
            shown(input)
        )));
    }
    let mut state = WatchState {
        input: input.to_path_buf(),
        dest,
        target,
        format,
        color: use_color(color, io::stderr().is_terminal()),
        source: None,
        printed: None,
    };
    // The first build fails loudly (a missing file is a typo); later ones
    // only report, since a save in progress can briefly remove the file.
    if !state.rebuild()? {
        return Ok(USAGE_OR_IO);
    }
    state
        .report()
        .note(&format!("watching {}; press Ctrl-C to stop", shown(input)));
    let watched = events::watch(input, || {
        // Failures are reported inside: only a closed stream gets here.
        let _ = state.rebuild();
        true
    });
    watched.map_err(|e| Failure(format!("cannot watch {}: {e}", shown(input))))?;
    Ok(CLEAN)
}

pub(crate) struct WatchState {
    input: PathBuf,
    dest: PathBuf,
    target: Target,
    format: Format,
    color: bool,
    /// The source last built, to skip saves that changed nothing.
    source: Option<String>,
    /// The diagnostics last printed.
    printed: Option<Vec<Diagnostic>>,
}

impl WatchState {
    fn report(&self) -> Report {
        Report::new(self.format, self.color, Stream::Stderr)
    }

    /// Rebuilds and reports; `false` if reading or writing failed.
    fn rebuild(&mut self) -> Result<bool, Failure> {
        let mut report = self.report();
        let name = display_name(&self.input);
        let built = self.build(&mut report, &name);
        let ok = built.is_ok();
        if let Err(failure) = built {
            report.failure(Some(&name), failure);
        }
        // One line per report in JSON, and none when nothing was said.
        if report.has_records() {
            report.finish(false)?;
        }
        Ok(ok)
    }

    fn build(&mut self, report: &mut Report, name: &str) -> Result<(), Failure> {
        let source = read_draft(&self.input)?;
        if self.source.as_ref() == Some(&source) {
            return Ok(());
        }
        let (document, diagnostics) = compile(&source);
        if self.printed.as_ref() != Some(&diagnostics) {
            if diagnostics.is_empty() {
                report.note(&format!("{}: no problems", visible(name)));
                report.empty_document();
            } else {
                report.diagnostics(name, &source, &diagnostics)?;
            }
        }
        let errors = diagnostics.iter().any(Diagnostic::is_error);
        self.printed = Some(diagnostics);
        self.source = Some(source);
        if errors {
            report.note(&format!(
                "{} has errors; {} keeps the last good build",
                visible(name),
                shown(&self.dest)
            ));
            return Ok(());
        }
        render_to(self.target, &document, &self.dest)?;
        if !is_stdin(&self.dest) {
            report.note(&format!("wrote {}", shown(&self.dest)));
        }
        Ok(())
    }
}

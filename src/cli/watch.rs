//! `draftdec watch`.

use std::io::{self, IsTerminal};
use std::path::Path;

use draftdec::ast::Document;
use draftdec::diag::Diagnostic;
use draftdec::diag::render::{self as diag_render, Format};

use super::*;

/// `draftdec watch`: builds once, then again on every save. Diagnostics are
/// printed when they differ from the last ones printed; a draft with errors
/// leaves the last good output in place.
pub(crate) fn watch(
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
    let watched = events::watch(input, || {
        if let Err(Failure(message)) = state.rebuild(input, &dest, &name, render, format, color) {
            write_stderr(&format!("draftdec: {message}\n"));
        }
        true
    });
    watched.map_err(|e| Failure(format!("cannot watch {name}: {e}")))?;
    Ok(CLEAN)
}

#[derive(Default)]
pub(crate) struct WatchState {
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
        render: fn(&Document) -> Result<Vec<u8>, Failure>,
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
        write_atomically(dest, &render(&document)?)?;
        write_stderr(&format!("draftdec: wrote {}\n", dest.display()));
        Ok(())
    }
}

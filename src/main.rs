//! The `draftdec` command. It and `cli/` are the only places that touch
//! files, standard streams, the environment and the terminal; the library
//! only turns strings into strings.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::*;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            format,
            deny_warnings,
            versions,
            final_text,
            color,
        } => check(
            &files,
            format.into(),
            deny_warnings,
            CheckMode {
                versions,
                final_text,
            },
            color,
        ),
        Command::Build {
            files,
            to,
            output,
            format,
            color,
            jobs,
            accept,
        } => match files.as_slice() {
            [file] => build(file, to, output.as_deref(), &accept, format.into(), color),
            _ => build_many(
                &files,
                to,
                output.as_deref(),
                &accept,
                format.into(),
                color,
                jobs.map(usize::from),
            ),
        },
        Command::Diff {
            old,
            new,
            to,
            symbol,
            sponsors,
            output,
            author,
            date,
            format,
            color,
        } => diff(
            &old,
            &new,
            to,
            symbol.as_deref(),
            sponsors.as_deref(),
            output.as_deref(),
            draftdec::render::docx::Revision { author, date },
            format.into(),
            color,
        ),
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
        Command::Mandates {
            files,
            to,
            output,
            schema,
            color,
        } => {
            if schema {
                write_stdout(draftdec::mandates::schema().as_bytes()).map(|()| CLEAN)
            } else {
                mandates(&files, to, output.as_deref(), color)
            }
        }
        Command::Lsp => lsp(),
        Command::Schema => {
            write_stdout(draftdec::render::json::schema().as_bytes()).map(|()| CLEAN)
        }
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

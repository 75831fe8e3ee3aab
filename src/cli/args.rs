//! The command line: subcommands, flags and their help texts (clap).

use std::fmt;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use draftdec::diag::render::Format;
use draftdec::negotiation::Accept;

use super::TableFormat;

/// Exit status: the drafts are clean (or only warned about).
pub(crate) const CLEAN: u8 = 0;
/// Exit status: a draft has errors (or warnings, with `--deny-warnings`).
pub(crate) const DRAFT_ERRORS: u8 = 1;
/// Exit status: bad command line, or a file could not be read or written.
pub(crate) const USAGE_OR_IO: u8 = 2;

/// The most drafts `build` compiles at once (`-j`): each holds its draft
/// (up to `MAX_INPUT`) and its output in memory.
pub(crate) const MAX_JOBS: usize = 64;

/// The name diagnostics use for a draft read from standard input.
pub(crate) const STDIN_NAME: &str = "<stdin>";

pub(crate) const FMT_STATUS_HELP: &str = "\
Exit status:
  0  every draft is formatted (or, with --check, already was)
  1  with --check, a draft is not formatted; or a draft has errors that
     stop it from being formatted
  2  bad command line, or a file could not be read or written";

pub(crate) const EXIT_STATUS_HELP: &str = "\
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
                  a Word document, a PDF, an HTML page, JSON or Akoma Ntoso XML; `fmt` rewrites drafts \
                  in canonical form; `watch` rebuilds on every save; `diff` compares two \
                  revisions; `mandates` tables the requests the decisions make; `lsp` is the \
                  language server editors start; `explain` prints the page of a diagnostic \
                  code; `schema` prints the JSON Schema of the JSON output.",
    after_help = EXIT_STATUS_HELP,
    propagate_version = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Check drafts and print every problem found
    #[command(after_help = EXIT_STATUS_HELP)]
    Check {
        /// Draft files to check, at most 128 MiB each; `-` reads standard
        /// input (named `<stdin>`)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to print diagnostics (on standard output)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Exit with status 1 when there are warnings, not only errors
        #[arg(long)]
        deny_warnings: bool,
        /// The files are language versions of one document: also check that
        /// each has the structure, labels and symbols of the first (E0302-E0307)
        #[arg(long)]
        versions: bool,
        /// The drafts are final texts: every negotiation bracket and set of
        /// alternatives left is an error (E0116, E0117), counted at the end
        #[arg(long = "final")]
        final_text: bool,
        /// When to colour the human and short forms: `auto` colours only a
        /// terminal and honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Compile a draft into an output document; writes nothing if it has errors
    #[command(after_help = EXIT_STATUS_HELP)]
    Build {
        /// The drafts to compile, at most 128 MiB each; `-` reads standard
        /// input (alone). Several files are built in parallel (see --jobs)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The output format
        #[arg(long, value_enum)]
        to: Target,
        /// Where to write [default: FILE with the extension of --to; standard
        /// output for `-` input]; `-` writes to standard output. A device or
        /// named pipe is written into and a symbolic link written through;
        /// an existing file keeps its mode and owner, a read-only one is
        /// refused. With several files: an existing directory to write them
        /// all into
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// With several files: how many to build at once, 1 to 64 [default:
        /// two per core, at most 64; never more than the files]
        #[arg(short, long, value_name = "N",
              value_parser = clap::value_parser!(u16).range(1..=MAX_JOBS as i64))]
        jobs: Option<u16>,
        /// Build the draft with an option of an option block chosen (one
        /// draft only; repeat for several blocks): `option-N` (the draft's
        /// only block), `B:option-N` (option N of the B-th block in source
        /// order) or an option's label (`world-bank` for `::: option
        /// <world-bank>`). The block is replaced by the option's paragraphs
        /// and the result is numbered and checked afresh (docs/negotiation.md)
        #[arg(long, value_name = "OPTION", value_parser = Accept::parse)]
        accept: Vec<Accept>,
        /// How to print diagnostics (on standard error)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// When to colour diagnostics: `auto` colours only a terminal and
        /// honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Compare two revisions of a draft: paragraphs matched by label and
    /// content, words within them; renumbering is no change
    #[command(after_help = EXIT_STATUS_HELP)]
    Diff {
        /// The earlier revision; `-` reads standard input
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later revision; `-` reads standard input
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// What to print: the edit script (`json`), a redline page (`html`),
        /// the new revision with Word tracked changes (`docx`) or the
        /// amendments that turn OLD into NEW, as a draft (`amendments`,
        /// English only; see docs/negotiation.md)
        #[arg(long, value_enum, default_value_t = DiffTarget::Json)]
        to: DiffTarget,
        /// The amendments document's own symbol (`--to amendments`, which
        /// requires it), such as `A/C.3/78/L.60`
        #[arg(long, value_name = "SYMBOL")]
        symbol: Option<String>,
        /// The sponsors of the amendments (`--to amendments` only), names
        /// separated by commas, such as `"Cuba, Mexico"`: printed as the
        /// sponsors' line "Cuba and Mexico: amendments to draft resolution
        /// SYMBOL-OF-OLD" [default: none, and no sponsors' line]
        #[arg(long, value_name = "NAMES")]
        sponsors: Option<String>,
        /// Where to write [default: standard output]
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// The author of the tracked changes (`--to docx`) [default: none]
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// The date of the tracked changes (`--to docx`), `YYYY-MM-DD` or
        /// `YYYY-MM-DDThh:mm:ssZ` [default: none, so that the output is
        /// the same on every run]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
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
        /// Drafts to format in place (regular files, at most 128 MiB; a
        /// symbolic link's target is rewritten; mode and owner are kept;
        /// read-only files are refused; CRLF line endings are kept); `-`
        /// reads standard input and writes the formatted draft to standard
        /// output
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
        /// The draft to watch (at most 128 MiB; a symbolic link's target is
        /// watched)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The output format
        #[arg(long, value_enum)]
        to: Target,
        /// Where to write [default: FILE with the extension of --to]; `-`
        /// writes each build to standard output. Written as by `build -o`
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
    /// The table of mandates: every request the drafts' decisions make of
    /// the Executive Secretary, the secretariat, Parties…, one row each
    #[command(after_help = EXIT_STATUS_HELP)]
    Mandates {
        /// The drafts whose decisions to read; `-` reads standard input
        #[arg(required_unless_present = "schema", value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The table's format
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        to: TableFormat,
        /// Where to write [default: standard output]
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Print the JSON Schema of `--to json` instead
        #[arg(long, conflicts_with_all = ["files", "to", "output"])]
        schema: bool,
        /// When to colour diagnostics: `auto` colours only a terminal and
        /// honours NO_COLOR and CLICOLOR_FORCE
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Run the language server (LSP over standard input and output) that
    /// editors start: diagnostics as you type, hover, go to definition,
    /// references, rename, completion, outline, formatting, quick fixes
    /// (see docs/editor.md)
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    /// rustc-style: the source lines with the problem underlined
    Human,
    /// One line per problem: `file:line:col: error[CODE]: message`
    Short,
    /// One JSON array per stream: the diagnostics with byte offsets, lines and
    /// columns, and a record for each file that could not be read or written
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
pub(crate) enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Target {
    /// The resolved document as JSON (see `draftdec schema`)
    Json,
    /// A standalone HTML page
    Html,
    /// A Word document
    Docx,
    /// Akoma Ntoso 3.0 XML, in the UN's profile (AKN4UN)
    Akn,
    /// PDF/A of the Word document, A4, fonts embedded (needs LibreOffice)
    Pdf,
}

impl Target {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Target::Json => "json",
            Target::Html => "html",
            Target::Docx => "docx",
            Target::Akn => "akn.xml",
            Target::Pdf => "pdf",
        }
    }

    /// Whether the output is binary, not text for a terminal.
    pub(crate) fn is_binary(self) -> bool {
        matches!(self, Target::Docx | Target::Pdf)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// What `diff` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffTarget {
    /// The edit script: insertions, deletions, replacements and moves
    Json,
    /// A redline page: the new revision with `<ins>` and `<del>`
    Html,
    /// A Word document: the new revision with tracked changes
    Docx,
    /// A draft: the amendments to OLD, in the United Nations' wording
    Amendments,
}

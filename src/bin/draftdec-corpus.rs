//! Writes a deterministic corpus of generated documents, each as `.draft`
//! and as pandoc Markdown, for `scripts/bench-vs-pandoc.sh` and for anyone
//! who wants to time draftdec on more than the seed example.
//!
//! draftdec-corpus --out DIR [--count N] [--seed S] [--lang en|ru|mixed]
//! draftdec-corpus --out DIR --size MIB [--seed S] [--lang en|ru]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use draftdec::corpus::{self, CorpusLang, Generated};

#[derive(Parser)]
#[command(about = "Write a deterministic corpus of .draft documents and their Markdown twins")]
struct Args {
    /// Directory to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Number of documents of realistic size (8–40 KiB each).
    #[arg(long, default_value_t = 100)]
    count: u64,
    /// Instead of a corpus, one document of at least this many MiB.
    #[arg(long)]
    size: Option<f64>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// `en`, `ru`, or `mixed` (two English for each Russian document).
    #[arg(long, default_value = "mixed")]
    lang: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let fixed = match args.lang.as_str() {
        "mixed" => None,
        code => match CorpusLang::from_code(code) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: unknown --lang `{code}` (en, ru or mixed)");
                return ExitCode::from(2);
            }
        },
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("error: cannot create {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let result = match args.size {
        Some(mib) => {
            let lang = fixed.unwrap_or(CorpusLang::En);
            let bytes = (mib * 1024.0 * 1024.0) as usize;
            let name = format!("sized-{mib}MiB.{}", lang.code());
            write(&args.out, &name, &corpus::sized(args.seed, bytes, lang))
        }
        None => (0..args.count).try_for_each(|i| {
            let lang = fixed.unwrap_or_else(|| corpus::mixed_lang(i));
            let name = format!("doc-{i:05}.{}", lang.code());
            write(&args.out, &name, &corpus::document(args.seed, i, lang))
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &std::path::Path, stem: &str, g: &Generated) -> std::io::Result<()> {
    std::fs::write(dir.join(format!("{stem}.draft")), &g.draft)?;
    std::fs::write(dir.join(format!("{stem}.md")), &g.markdown)
}

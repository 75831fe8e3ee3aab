//! Tools for measuring draftdec, used by `scripts/bench-vs-pandoc.sh` and
//! `docs/performance.md`:
//!
//! draftdec-bench corpus --out DIR [--count N] [--seed S] [--lang en|ru|mixed]
//! draftdec-bench corpus --out DIR --size MIB [--seed S] [--lang en|ru]
//! draftdec-bench stage STAGE FILE... [--repeat N]
//!
//! `corpus` writes generated documents, each as `.draft` and as pandoc
//! Markdown. `stage` times one pipeline stage in this process, on one core,
//! files read beforehand, so that the figure is the stage and not the disk
//! or process start-up (which `draftdec build` pays and the script times).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use draftdec_bench::corpus::{self, CorpusLang, Generated};

#[derive(Parser)]
#[command(about = "Corpus generator and stage timer for draftdec's benchmarks")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a deterministic corpus of .draft documents and their Markdown twins.
    Corpus {
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
    },
    /// Time one stage over files, in this process, on one core.
    Stage {
        stage: Stage,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Runs over all files; the fastest is reported (the least disturbed
        /// by other processes on a shared machine).
        #[arg(long, default_value_t = 3)]
        repeat: u32,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Stage {
    /// The pest parse of the block structure, every pair visited (inline
    /// content is read by the scanner, in lowering).
    Parse,
    /// Parse and lowering into the typed AST, inline content included.
    Lower,
    /// Parse, lowering, resolution and validation (`draftdec::compile`).
    Compile,
    /// `compile`, then the JSON backend.
    Json,
    /// `compile`, then the HTML backend.
    Html,
    /// `compile`, then the DOCX backend.
    Docx,
    /// The JSON backend alone, on documents compiled beforehand.
    RenderJson,
    /// The HTML backend alone, on documents compiled beforehand.
    RenderHtml,
    /// The DOCX backend alone, on documents compiled beforehand.
    RenderDocx,
}

fn main() -> ExitCode {
    match Args::parse().command {
        Command::Corpus {
            out,
            count,
            size,
            seed,
            lang,
        } => write_corpus(&out, count, size, seed, &lang),
        Command::Stage {
            stage,
            files,
            repeat,
        } => time_stage(stage, &files, repeat),
    }
}

fn write_corpus(out: &Path, count: u64, size: Option<f64>, seed: u64, lang: &str) -> ExitCode {
    let fixed = match lang {
        "mixed" => None,
        code => match CorpusLang::from_code(code) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: unknown --lang `{code}` (en, ru or mixed)");
                return ExitCode::from(2);
            }
        },
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let result = match size {
        Some(mib) => {
            let lang = fixed.unwrap_or(CorpusLang::En);
            let bytes = (mib * 1024.0 * 1024.0) as usize;
            let name = format!("sized-{mib}MiB.{}", lang.code());
            write(out, &name, &corpus::sized(seed, bytes, lang))
        }
        None => (0..count).try_for_each(|i| {
            let lang = fixed.unwrap_or_else(|| corpus::mixed_lang(i));
            let name = format!("doc-{i:05}.{}", lang.code());
            write(out, &name, &corpus::document(seed, i, lang))
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

fn write(dir: &Path, stem: &str, g: &Generated) -> std::io::Result<()> {
    std::fs::write(dir.join(format!("{stem}.draft")), &g.draft)?;
    std::fs::write(dir.join(format!("{stem}.md")), &g.markdown)?;
    std::fs::write(dir.join(format!("{stem}.bluebell.txt")), &g.bluebell)
}

fn time_stage(stage: Stage, files: &[PathBuf], repeat: u32) -> ExitCode {
    let mut sources = Vec::with_capacity(files.len());
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(s) => sources.push(s),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", f.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes: usize = sources.iter().map(String::len).sum();
    // A backend stage is given its documents compiled, outside the timed
    // loop, so that its figure is the backend's alone.
    let documents: Vec<_> = match stage {
        Stage::RenderJson | Stage::RenderHtml | Stage::RenderDocx => sources
            .iter()
            .map(|src| draftdec::compile(src).document)
            .collect(),
        _ => Vec::new(),
    };
    let mut best = f64::INFINITY;
    let mut sink = 0usize;
    for _ in 0..repeat.max(1) {
        let start = Instant::now();
        if documents.is_empty() {
            for src in &sources {
                sink = sink.wrapping_add(run(stage, src));
            }
        } else {
            for doc in &documents {
                sink = sink.wrapping_add(render(stage, doc));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mib = bytes as f64 / (1024.0 * 1024.0);
    // `sink` keeps the work observable so that none of it is optimised out.
    println!(
        "{} files, {mib:.2} MiB, {best:.4} s, {:.2} MiB/s (check {})",
        sources.len(),
        mib / best,
        sink % 10
    );
    ExitCode::SUCCESS
}

/// Runs one stage and returns a number that depends on its result.
fn run(stage: Stage, src: &str) -> usize {
    match stage {
        Stage::Parse => match draftdec::stages::parse(src) {
            Ok(pairs) => pairs.flatten().count(),
            Err(_) => 0,
        },
        Stage::Lower => draftdec::stages::lower(src).document.body.len(),
        Stage::Compile => draftdec::compile(src).diagnostics.len(),
        Stage::Json
        | Stage::Html
        | Stage::Docx
        | Stage::RenderJson
        | Stage::RenderHtml
        | Stage::RenderDocx => render(stage, &draftdec::compile(src).document),
    }
}

/// Runs one backend and returns its output's length.
fn render(stage: Stage, doc: &draftdec::ast::Document) -> usize {
    match stage {
        Stage::Json | Stage::RenderJson => draftdec::render::json::render(doc).len(),
        Stage::Html | Stage::RenderHtml => draftdec::render::html::render(doc).len(),
        Stage::Docx | Stage::RenderDocx => draftdec::render::docx::render(doc).len(),
        // Not backends: `time_stage` never renders for them.
        Stage::Parse | Stage::Lower | Stage::Compile => 0,
    }
}

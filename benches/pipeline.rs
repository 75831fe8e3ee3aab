//! Per-stage benchmarks: `cargo bench` (about a minute on two cores).
//!
//! Each stage runs on the seed example and on generated 1 MiB and 10 MiB
//! documents (`draftdec_bench::corpus`, fixed seed), with throughput in bytes of
//! source so that stages compare in MiB/s. A stage is timed alone: its
//! input is prepared outside the timed loop.
//!
//! `cargo bench -- 1MiB` runs one size; `cargo bench -- parse` one stage.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use draftdec::{ast::Document, render, stages};
use draftdec_bench::corpus::{self, CorpusLang};

fn main() {
    divan::main();
}

const SEED: &str = include_str!("../examples/cooperation.ru.draft");
const SIZES: &[&str] = &["seed", "1MiB", "10MiB"];

/// The source for a size name, generated once per process.
fn source(size: &str) -> &'static str {
    static ONE: OnceLock<String> = OnceLock::new();
    static TEN: OnceLock<String> = OnceLock::new();
    // Mixed languages as in an archive: the 1 MiB input is English, the
    // 10 MiB input Russian (two bytes a letter, so fewer characters a MiB).
    match size {
        "seed" => SEED,
        "1MiB" => ONE.get_or_init(|| corpus::sized(1, 1 << 20, CorpusLang::En).draft),
        "10MiB" => TEN.get_or_init(|| corpus::sized(1, 10 << 20, CorpusLang::Ru).draft),
        other => panic!("no input named {other}"),
    }
}

/// The document as lowering leaves it: the input of `resolve`.
fn lowered(size: &str) -> Document {
    stages::lower(source(size)).document
}

/// The document as `compile` leaves it: the input of validation and the backends.
fn compiled(size: &str) -> Document {
    let compiled = draftdec::compile(source(size));
    assert!(!compiled.has_errors(), "generated input has errors");
    compiled.document
}

fn bytes(size: &str) -> BytesCount {
    BytesCount::new(source(size).len())
}

// Long inputs take ~0.1–1 s an iteration: cap each benchmark's time so the
// whole run stays short on a shared machine.
#[divan::bench_group(sample_count = 20, max_time = 2)]
mod stage {
    use super::*;

    /// The bare pest parse: the limit of this design.
    #[divan::bench(args = SIZES)]
    fn parse(b: Bencher, size: &str) {
        let src = source(size);
        b.counter(bytes(size))
            .bench(|| stages::parse(black_box(src)).map(|p| p.count()));
    }

    /// Parse + lowering into the typed AST.
    #[divan::bench(args = SIZES)]
    fn lower(b: Bencher, size: &str) {
        let src = source(size);
        b.counter(bytes(size))
            .bench(|| stages::lower(black_box(src)));
    }

    /// Resolution alone, on a lowered document.
    #[divan::bench(args = SIZES)]
    fn resolve(b: Bencher, size: &str) {
        let doc = lowered(size);
        b.counter(bytes(size))
            .with_inputs(|| doc.clone())
            .bench_local_values(|mut doc| {
                let mut diags = Vec::new();
                stages::resolve(&mut doc, &mut diags);
                (doc, diags)
            });
    }

    /// Validation alone, on a resolved document.
    #[divan::bench(args = SIZES)]
    fn validate(b: Bencher, size: &str) {
        let (src, doc) = (source(size), compiled(size));
        b.counter(bytes(size)).bench(|| {
            let mut diags = Vec::new();
            stages::validate(black_box(&doc), src, &mut diags);
            diags
        });
    }

    /// Parse + lower + resolve + validate: `draftdec::compile`, what
    /// `draftdec check` does on every save.
    #[divan::bench(args = SIZES)]
    fn compile(b: Bencher, size: &str) {
        let src = source(size);
        b.counter(bytes(size))
            .bench(|| draftdec::compile(black_box(src)));
    }

    #[divan::bench(args = SIZES)]
    fn json(b: Bencher, size: &str) {
        let doc = compiled(size);
        b.counter(bytes(size))
            .bench(|| render::json::render(black_box(&doc)));
    }

    #[divan::bench(args = SIZES)]
    fn html(b: Bencher, size: &str) {
        let doc = compiled(size);
        b.counter(bytes(size))
            .bench(|| render::html::render(black_box(&doc)));
    }

    #[divan::bench(args = SIZES)]
    fn docx(b: Bencher, size: &str) {
        let doc = compiled(size);
        b.counter(bytes(size))
            .bench(|| render::docx::render(black_box(&doc)));
    }
}

/// Inputs that were quadratic or exponential before the limits, compiled at
/// two sizes: 4× the input should take about 4× the time (quadratic would be
/// 16×). Measured here, not asserted in a test: a timed test fails on a busy
/// machine. `cargo bench -- hostile` prints both sizes side by side.
#[divan::bench_group(sample_count = 10, max_time = 2)]
mod hostile {
    use super::*;

    const HEAD: &str = "symbol: UNEP/MC/COP.6/20\nlanguage: en\ntitle: Cooperation\n\n";
    type Gen = fn(usize) -> String;
    const CASES: &[(&str, Gen)] = &[
        ("words", |n| format!("{HEAD}#. {}\n", "word ".repeat(n))),
        ("unknown labels among many labels", |n| {
            let labels: String = (0..n / 8).map(|i| format!("#. <l{i}> x\n")).collect();
            let refs: String = (0..n / 8).map(|i| format!("@l{i}x ")).collect();
            format!("{HEAD}{labels}\n{refs}\n")
        }),
        ("footnote references and definitions", |n| {
            let refs: String = (0..n / 8).map(|i| format!("^f{i} ")).collect();
            let defs: String = (0..n / 8).map(|i| format!("^f{i}: x\n")).collect();
            format!("{HEAD}#. {refs}\n\n{defs}")
        }),
        ("leading escaped blanks", |n| {
            format!("{HEAD}#. {}x\n", "\\ ".repeat(n))
        }),
        ("unclosed footnotes with unclosed markup", |n| {
            format!("{HEAD}#. ^{{**a *b ^{{**a *b {}\n", "word ".repeat(n))
        }),
        ("unclosed markup in a footnote", |n| {
            format!("{HEAD}#. ^{{ {}\n", "*a **b \\* ".repeat(n / 2))
        }),
        ("too deep: refused before parsing", |n| {
            format!("{HEAD}#. {}\n", "^{ *a **b ".repeat(n / 2))
        }),
        ("brackets", |n| format!("{HEAD}#. {}\n", "[ ".repeat(n))),
        ("sub-paragraphs", |n| {
            let subs: String = (0..n / 8)
                .map(|i| format!("{}(a) y\n", " ".repeat(i % 9)))
                .collect();
            format!("{HEAD}#. x:\n{subs}")
        }),
    ];
    const NAMES: &[&str] = &[
        "words",
        "unknown labels among many labels",
        "footnote references and definitions",
        "leading escaped blanks",
        "unclosed footnotes with unclosed markup",
        "unclosed markup in a footnote",
        "too deep: refused before parsing",
        "brackets",
        "sub-paragraphs",
    ];

    fn input(name: &str, n: usize) -> String {
        let (_, generate) = CASES.iter().find(|(c, _)| *c == name).expect("a case");
        generate(n)
    }

    #[divan::bench(args = NAMES)]
    fn small(bencher: Bencher, name: &str) {
        let src = input(name, 4_000);
        bencher
            .counter(BytesCount::new(src.len()))
            .bench(|| draftdec::compile(black_box(&src)));
    }

    #[divan::bench(args = NAMES)]
    fn large(bencher: Bencher, name: &str) {
        let src = input(name, 16_000);
        bencher
            .counter(BytesCount::new(src.len()))
            .bench(|| draftdec::compile(black_box(&src)));
    }
}

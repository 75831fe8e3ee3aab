//! Benchmark support for draftdec, kept out of the library it measures:
//! `corpus` generates deterministic draft documents (and their pandoc
//! Markdown twins) for `benches/pipeline.rs`, the inline scanner's
//! differential test (`src/lower/reference.rs`) and
//! `scripts/bench-vs-pandoc.sh`; the `draftdec-bench` binary writes them
//! to disk and times one stage at a time.

pub mod corpus;

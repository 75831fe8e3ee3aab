//! Every input that once crashed draftdec or broke an invariant (found by
//! the fuzzer or by hand) is kept in `tests/regressions/` and checked here
//! with the fuzz target's invariants. See docs/reliability.md.

mod common;

use common::invariants;
use draftdec::diag::Code;

#[test]
fn every_regression_input_keeps_the_invariants() {
    for file in common::files_in("tests/regressions", ".draft") {
        let bytes = std::fs::read(&file).unwrap();
        // Run on a thread with the default 2 MiB test stack, named after the file.
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        std::thread::Builder::new()
            .name(name.clone())
            .stack_size(2 << 20)
            .spawn(move || {
                invariants::check(&bytes);
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{name} broke an invariant"));
    }
}

/// Pairs of revisions (OLD, a NUL byte, NEW) that once broke a promise of
/// `draftdec diff`, found by the fuzz target `diff`.
#[test]
fn every_regression_pair_keeps_the_diff_invariants() {
    for file in common::files_in("tests/regressions/diff", ".pair") {
        let bytes = std::fs::read(&file).unwrap();
        let cut = bytes.iter().position(|&b| b == 0).expect("OLD NUL NEW");
        let old = String::from_utf8(bytes[..cut].to_vec()).unwrap();
        let new = String::from_utf8(bytes[cut + 1..].to_vec()).unwrap();
        invariants::check_pair(&old, &new);
    }
}

/// The first fuzz crash: an escaped multi-byte quotation mark (`\”`) was
/// reported at its backslash with the quotation mark's length, so the span
/// ended inside the character.
#[test]
fn escaped_quote_is_reported_on_its_own_character() {
    let src = "symbol: A/1\nlanguage: en\ntitle: T\n\n#. An escaped \\” quote.\n";
    let c = invariants::check(src.as_bytes());
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::W0111)
        .unwrap();
    assert_eq!(&src[d.primary.span.start..d.primary.span.end], "”");
}

//! Two revisions compared (`draftdec diff`), on arbitrary pairs of drafts:
//! the input is OLD, a NUL byte, then NEW. Any panic, stack overflow or
//! hang is a crash, and so is a broken promise of docs/negotiation.md,
//! as `check_pair` (shared with `tests/robust_regressions.rs`) states
//! them: a revision compared with itself has no edit; the amendments
//! document, when one is written, compiles without an error; a refusal
//! points inside the revision it names. See docs/reliability.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)] // The target compares pairs only.
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Some(cut) = bytes.iter().position(|&b| b == 0) else {
        return;
    };
    if let (Ok(old), Ok(new)) = (
        draftdec::decode(&bytes[..cut]),
        draftdec::decode(&bytes[cut + 1..]),
    ) {
        invariants::check_pair(&old, &new);
    }
});

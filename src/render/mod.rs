//! Backends. Each turns a resolved `Document` into bytes. Invariant: render
//! never reports user errors; validation has already accepted the document.

pub mod akn;
pub mod docx;
pub mod html;
pub mod json;

/// A decision symbol as printed: its hyphens are no-break hyphens (U+2011),
/// so that a line never ends inside "MC-3/11" ("СК-" / "12/23"). Word gets
/// `w:noBreakHyphen` from the DOCX layer; HTML prints the character.
pub(crate) fn unbreakable_symbol(symbol: &str) -> String {
    symbol.replace(['-', '\u{2010}'], "\u{2011}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn decision_symbols_do_not_break() {
        assert_eq!(super::unbreakable_symbol("MC-3/11"), "MC\u{2011}3/11");
        assert_eq!(
            super::unbreakable_symbol("СК\u{2010}12/23"),
            "СК\u{2011}12/23"
        );
        assert_eq!(
            super::unbreakable_symbol("BC\u{2011}17/22"),
            "BC\u{2011}17/22"
        );
    }
}

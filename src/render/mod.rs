//! Backends. Each turns a resolved `Document` into bytes. Invariant: render
//! never reports user errors; validation has already accepted the document.

pub mod akn;
pub mod docx;
pub mod html;
pub mod json;

/// Appends `text` to `out` with each ASCII byte that `replacement` names
/// replaced. A replaced character is ASCII, which never occurs inside a
/// multi-byte character, so the text between them is copied whole.
pub(crate) fn escape_with(
    out: &mut String,
    text: &str,
    replacement: impl Fn(u8) -> Option<&'static str>,
) {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        if let Some(r) = replacement(b) {
            out.push_str(&text[from..i]);
            out.push_str(r);
            from = i + 1;
        }
    }
    out.push_str(&text[from..]);
}

/// A decision symbol as printed: its hyphens are no-break hyphens (U+2011),
/// so that a line never ends inside "MC-3/11" ("СК-" / "12/23"). Word gets
/// `w:noBreakHyphen` from the DOCX layer; HTML prints the character.
pub(crate) fn unbreakable_symbol(symbol: &str) -> String {
    symbol.replace(['-', '\u{2010}'], "\u{2011}")
}

/// A footnote's part of its ids: its number (`fn-2`), or its symbol's
/// code points (`fn-m2a` for `*`). `None`: it is printed nowhere.
pub(crate) fn note_key(number: Option<u32>, mark: Option<&str>) -> Option<String> {
    match (mark, number) {
        (Some(m), _) => Some(m.chars().fold(String::from("m"), |mut key, c| {
            key.push_str(&format!("{:x}", c as u32));
            key
        })),
        (None, Some(n)) => Some(n.to_string()),
        (None, None) => None,
    }
}

/// What a footnote's indicator prints: its symbol, or its number.
pub(crate) fn printed_mark(number: Option<u32>, mark: Option<&str>) -> String {
    match (mark, number) {
        (Some(m), _) => m.to_string(),
        (None, Some(n)) => n.to_string(),
        (None, None) => String::new(),
    }
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

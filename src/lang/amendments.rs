//! The words of an amendments document (`draftdec diff --to amendments`,
//! `crate::amendments`): how a language names the paragraphs of a draft and
//! states each kind of edit, as the United Nations' amendment documents do.
//!
//! A language has a table only where the wording was found in real
//! amendment documents (sources in `docs/negotiation.md`); for the others
//! `LangTable::amendments` is `None` and the command refuses (E0401)
//! rather than print words nobody checked.
//!
//! Templates: `{place}` is a paragraph as [`AmendmentWords::places`] names
//! it, `{old}` and `{new}` quoted words, `{kind}` one of
//! [`AmendmentWords::kinds`], `{symbol}` the amended draft's symbol.

#[derive(Debug)]
pub struct AmendmentWords {
    /// The title: one amendment, several, each to a draft resolution, a
    /// draft decision, or another document (`{symbol}`).
    pub title_one: [&'static str; 3],
    pub title_many: [&'static str; 3],
    /// The sponsors' line, as `title_one` and `title_many`: `{sponsors}`
    /// the sponsors' names as a list, `{symbol}` the amended draft's.
    pub sponsors_one: [&'static str; 3],
    pub sponsors_many: [&'static str; 3],
    /// A list of names: `, ` between them, ` and ` before the last.
    pub list: (&'static str, &'static str),
    /// The quotation marks around quoted words and paragraphs.
    pub quote: (&'static str, &'static str),
    /// How a paragraph is named: a preambular paragraph by its ordinal
    /// (`{ord}`), the others by their number (`{}`): preambular,
    /// operative, a subparagraph of an operative paragraph, a paragraph
    /// of a note, a subparagraph of one, a footnote.
    pub places: Places,
    /// What a new paragraph is (`Insert a new {kind}`), for the same kinds
    /// but footnotes.
    pub kinds: Kinds,
    /// A paragraph of one of several decisions: `{place}` in `{decision}`,
    /// the decision as a cross-reference names it (`decision SC-4/2`).
    pub of_decision: &'static str,
    /// A decision that no symbol names alone (none, or one another
    /// decision shares), by its place among the document's decisions
    /// (`{ord}`, an [`AmendmentWords::ordinal`]).
    pub decision_ordinal: &'static str,
    /// `{n}` in words, in the case the places' templates need.
    pub ordinal: fn(u32) -> String,
    /// `In {place}, {edit}.`: a change of words inside a paragraph.
    pub within: &'static str,
    /// `after {old} insert {new}`: `{old}` is the words before.
    pub insert_after_words: &'static str,
    /// `before {old} insert {new}`, at the start of a paragraph.
    pub insert_before_words: &'static str,
    pub replace_words: &'static str,
    pub delete_words: &'static str,
    /// `Insert {kind} after {place}, reading:`, `{kind}` one or several.
    pub insert_after: &'static str,
    pub insert_before: &'static str,
    /// `In {place}, add {kind}, reading:`: subparagraphs given to a
    /// paragraph (or subparagraph) that had none.
    pub add_to: &'static str,
    /// `In {place}, after {old} insert a footnote reading:`, and before
    /// `{old}` at the start of a paragraph; the footnote is quoted.
    pub footnote_after: &'static str,
    pub footnote_before: &'static str,
    /// `Delete {place}.`
    pub delete: &'static str,
    /// Ends a sentence (`.`).
    pub full_stop: &'static str,
}

/// How each kind of paragraph is named.
#[derive(Debug)]
pub struct Places {
    pub preambular: &'static str,
    pub operative: &'static str,
    pub operative_sub: &'static str,
    pub paragraph: &'static str,
    pub paragraph_sub: &'static str,
    pub footnote: &'static str,
}

/// What a new paragraph is called, one and several.
#[derive(Debug)]
pub struct Kinds {
    pub preambular: [&'static str; 2],
    pub operative: [&'static str; 2],
    pub subparagraph: [&'static str; 2],
    pub paragraph: [&'static str; 2],
}

/// English, as General Assembly amendment documents word it: A/789
/// ("Delete paragraph 3.", "Substitute the word “with” for “through” in
/// paragraph 5"), the amendments quoted in US/A/C.1/2102 and the 1954
/// Delga 187 ("Insert the following new paragraph between first and second
/// preambular paragraphs:", "In second preambular paragraph replace the
/// phrase … by the following"), A/C.3/42/SR.61 and A/61/PV.79 ("In
/// operative paragraph 12 …", "delete operative paragraph 13"); the
/// sponsors' line as A/HRC/S-4/L.3 prints it ("Algeria (…): amendments to
/// draft resolution A/HRC/S-4/L.1").
pub const EN: AmendmentWords = AmendmentWords {
    title_one: [
        "Amendment to draft resolution {symbol}",
        "Amendment to draft decision {symbol}",
        "Amendment to document {symbol}",
    ],
    title_many: [
        "Amendments to draft resolution {symbol}",
        "Amendments to draft decision {symbol}",
        "Amendments to document {symbol}",
    ],
    sponsors_one: [
        "{sponsors}: amendment to draft resolution {symbol}",
        "{sponsors}: amendment to draft decision {symbol}",
        "{sponsors}: amendment to document {symbol}",
    ],
    sponsors_many: [
        "{sponsors}: amendments to draft resolution {symbol}",
        "{sponsors}: amendments to draft decision {symbol}",
        "{sponsors}: amendments to document {symbol}",
    ],
    list: (", ", " and "),
    quote: ("\u{201c}", "\u{201d}"),
    places: Places {
        preambular: "the {ord} preambular paragraph",
        operative: "operative paragraph {}",
        operative_sub: "operative paragraph {}",
        paragraph: "paragraph {}",
        paragraph_sub: "paragraph {}",
        footnote: "footnote {}",
    },
    kinds: Kinds {
        preambular: ["a new preambular paragraph", "new preambular paragraphs"],
        operative: ["a new operative paragraph", "new operative paragraphs"],
        subparagraph: ["a new subparagraph", "new subparagraphs"],
        paragraph: ["a new paragraph", "new paragraphs"],
    },
    of_decision: "{place} of {decision}",
    decision_ordinal: "the {ord} draft decision",
    ordinal: english_ordinal,
    within: "In {place}, {edit}.",
    insert_after_words: "after {old} insert {new}",
    insert_before_words: "before {old} insert {new}",
    replace_words: "replace {old} with {new}",
    delete_words: "delete {old}",
    insert_after: "Insert {kind} after {place}, reading:",
    insert_before: "Insert {kind} before {place}, reading:",
    add_to: "In {place}, add {kind}, reading:",
    footnote_after: "In {place}, after {old} insert a footnote reading:",
    footnote_before: "In {place}, before {old} insert a footnote reading:",
    delete: "Delete {place}.",
    full_stop: ".",
};

/// `first` … `ninety-ninth`; from 100 on, as a meeting's number (`100th`).
fn english_ordinal(n: u32) -> String {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    // The tens as cardinals (before a unit) and as ordinals (alone).
    const TENS: [(&str, &str); 8] = [
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
    ];
    match n {
        1..=19 => UNITS[n as usize - 1].to_string(),
        20..=99 => {
            let (cardinal, ordinal) = TENS[n as usize / 10 - 2];
            match n % 10 {
                0 => ordinal.to_string(),
                u => format!("{cardinal}-{}", UNITS[u as usize - 1]),
            }
        }
        _ => super::en::TABLE.kinds.ordinal(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ordinals() {
        let words: Vec<String> = [1, 2, 3, 11, 12, 20, 21, 42, 99, 100, 101, 111, 112]
            .into_iter()
            .map(english_ordinal)
            .collect();
        assert_eq!(
            words,
            [
                "first",
                "second",
                "third",
                "eleventh",
                "twelfth",
                "twentieth",
                "twenty-first",
                "forty-second",
                "ninety-ninth",
                "100th",
                "101st",
                "111th",
                "112th"
            ]
        );
    }
}

//! The inline layer's tokens, matched by hand: words, symbols, labels, soft
//! breaks. Each function reads what the inline rules of the pest grammar
//! read (tests/fixtures/reference.pest keeps them; `lower::reference`
//! checks the two agree) and returns where the token ends, or `None`.
//!
//! pest spent most of a parse in its per-call guards and backtracking
//! bookkeeping, one call per alternative at every word
//! (docs/performance.md); here a token costs one look at its first
//! character. Character classes are pest's own Unicode tables, so a
//! letter is a letter to both.

use pest::unicode::{ARABIC, CONNECTOR_PUNCTUATION, IDEOGRAPHIC, LETTER, MARK, NUMBER};

/// The character at `i`, if any.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
    }
}

/// The script of a word (`word`'s three kinds): a change of kind ends a word.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Ideographic,
    /// Arabic letters and combining marks.
    Arabic,
    /// Letters and numbers of any other script, marks, connectors (`_`).
    Other,
}

/// Cyrillic а–я and А–Я: letters of no special script, the commonest
/// non-ASCII characters of a Russian draft, classified without a table.
#[inline]
fn basic_cyrillic(c: char) -> bool {
    ('\u{410}'..='\u{44F}').contains(&c)
}

/// The inline rules' `word_char`: a letter or number, not ideographic or Arabic.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    basic_cyrillic(c) || (!IDEOGRAPHIC(c) && !ARABIC(c) && (LETTER(c) || NUMBER(c)))
}

/// Which kind of word `c` begins, if any, in `word`'s order of choice.
#[inline]
pub fn word_kind(c: char) -> Option<WordKind> {
    if c.is_ascii() {
        return (c.is_ascii_alphanumeric() || c == '_').then_some(WordKind::Other);
    }
    if basic_cyrillic(c) {
        Some(WordKind::Other)
    } else if IDEOGRAPHIC(c) {
        Some(WordKind::Ideographic)
    } else if ARABIC(c) || MARK(c) {
        Some(WordKind::Arabic)
    } else {
        (is_word_char(c) || CONNECTOR_PUNCTUATION(c)).then_some(WordKind::Other)
    }
}

/// Whether `c` continues a word of kind `kind`.
#[inline]
fn continues(kind: WordKind, c: char) -> bool {
    match kind {
        WordKind::Ideographic => !c.is_ascii() && IDEOGRAPHIC(c),
        WordKind::Arabic => !c.is_ascii() && (ARABIC(c) || MARK(c)),
        WordKind::Other => {
            if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '_'
            } else {
                basic_cyrillic(c) || is_word_char(c) || MARK(c) || CONNECTOR_PUNCTUATION(c)
            }
        }
    }
}

/// `word` at `i`, whose first character `c` begins a word of `kind`: the
/// end of the run of that kind, and of an e-mail address's `@…` after a
/// word of the third kind.
pub fn word(s: &str, i: usize, kind: WordKind) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    // ASCII letters and digits first, in bytes: most of an English draft.
    if kind == WordKind::Other {
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
            j += 1;
        }
    }
    while let Some(c) = char_at(s, j) {
        if !continues(kind, c) {
            break;
        }
        j += c.len_utf8();
        if kind == WordKind::Other {
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
        }
    }
    if kind == WordKind::Other
        && b.get(j) == Some(&b'@')
        && let Some(end) = symbol_part(s, j + 1)
    {
        return end;
    }
    j
}

fn digits(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// One or more ASCII digits.
fn digits1(s: &str, i: usize) -> Option<usize> {
    let j = digits(s, i);
    (j > i).then_some(j)
}

fn alnum1(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    (j > i).then_some(j)
}

fn lit(s: &str, i: usize, t: &str) -> Option<usize> {
    s.as_bytes()[i..]
        .starts_with(t.as_bytes())
        .then(|| i + t.len())
}

/// `!word_char` at `i`.
fn ends_word(s: &str, i: usize) -> bool {
    char_at(s, i).is_none_or(|c| !is_word_char(c))
}

/// The inline rules' `symbol_char`.
pub fn is_symbol_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'(' | b')')
}

/// `escaped_run`: the characters of a symbol after an escaped letter.
pub fn symbol_run(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && is_symbol_char(b[j]) {
        j += 1;
    }
    j
}

/// `symbol_piece`: `ASCII_ALPHANUMERIC+ ("(" ASCII_ALPHANUMERIC+ ")")?`.
fn symbol_piece(s: &str, i: usize) -> Option<usize> {
    let j = alnum1(s, i)?;
    let paren = lit(s, j, "(")
        .and_then(|k| alnum1(s, k))
        .and_then(|k| lit(s, k, ")"));
    Some(paren.unwrap_or(j))
}

/// `symbol_part`: pieces joined by `.` or `-`.
fn symbol_part(s: &str, i: usize) -> Option<usize> {
    let mut j = symbol_piece(s, i)?;
    while let Some(k) = lit(s, j, ".")
        .or_else(|| lit(s, j, "-"))
        .and_then(|k| symbol_piece(s, k))
    {
        j = k;
    }
    Some(j)
}

/// Whether a decision symbol may begin with `c` (a convention's first letter).
#[inline]
pub fn may_start_symbol(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'М' | 'Б' | 'Р' | 'С')
}

/// `decision_sym` at `i`: `MC-3/11`, `МК-3/11`, `BC.Ex-2/1`, `MC-6/[…]`,
/// and the malformed `MC3/11`, `MC-3`, `MC-3/`.
pub fn decision_sym(s: &str, i: usize) -> Option<usize> {
    let j = ["MC", "BC", "RC", "SC", "МК", "БК", "РК", "СК"]
        .iter()
        .find_map(|c| lit(s, i, c))?;
    let j = lit(s, j, ".Ex").unwrap_or(j);
    let hyphen = lit(s, j, "-")
        .or_else(|| lit(s, j, "\u{2011}"))
        .or_else(|| lit(s, j, "\u{2010}"));
    let end = match hyphen {
        Some(k) => {
            let k = digits(s, k);
            match lit(s, k, "/") {
                Some(m) => digits1(s, m)
                    .or_else(|| lit(s, m, "[…]"))
                    .or_else(|| lit(s, m, "[...]"))
                    .unwrap_or(m),
                None => k,
            }
        }
        None => {
            let k = digits1(s, j)?;
            let k = lit(s, k, "/")?;
            digits1(s, k)?
        }
    };
    ends_word(s, end).then_some(end)
}

/// A UNFCCC decision at `i` (`decision_sym`'s second form): the number or
/// `-` while it has none, the body and the session, `1/CP.21`, `-/CMA.1`;
/// not when `/` and a letter or digit follow, which make it a piece of a
/// longer symbol.
pub fn fccc_decision(s: &str, i: usize) -> Option<usize> {
    let j = lit(s, i, "-").or_else(|| digits1(s, i))?;
    let j = fccc_body(s, j)?;
    let end = digits1(s, j)?;
    let piece = lit(s, end, "/").is_some_and(|k| alnum1(s, k).is_some());
    (!piece && ends_word(s, end)).then_some(end)
}

/// `fccc_body` at `i`: `/CP.`, `/CMP.` or `/CMA.` before a digit.
fn fccc_body(s: &str, i: usize) -> Option<usize> {
    let j = lit(s, i, "/C")?;
    let j = lit(s, j, "P")
        .or_else(|| lit(s, j, "MP"))
        .or_else(|| lit(s, j, "MA"))?;
    let j = lit(s, j, ".")?;
    s.as_bytes().get(j)?.is_ascii_digit().then_some(j)
}

/// `document_sym` at `i`: `E/2023/L.12`, `S/RES/2231 (2015)`, `WHA77.1`,
/// `Corr.1`, … (tests/fixtures/reference.pest lists the forms).
pub fn document_sym(s: &str, i: usize) -> Option<usize> {
    let end = res_symbol(s, i)
        .or_else(|| slash_symbol(s, i))
        .or_else(|| dotted_symbol(s, i))
        .or_else(|| suffix_symbol(s, i))?;
    ends_word(s, end).then_some(end)
}

fn res_symbol(s: &str, i: usize) -> Option<usize> {
    let j = lit(s, i, "S").or_else(|| lit(s, i, "A"))?;
    let j = lit(s, j, "/RES/")?;
    let j = digits1(s, j)?;
    let j = lit(s, j, " (")?;
    let b = s.as_bytes();
    let j = if b.len() >= j + 4 && b[j..j + 4].iter().all(u8::is_ascii_digit) {
        j + 4
    } else {
        let mut k = j;
        while k < b.len() && matches!(b[k], b'I' | b'V' | b'X' | b'L') {
            k += 1;
        }
        (k > j).then_some(k)?
    };
    lit(s, j, ")")
}

fn slash_symbol(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    // A digit must come before anything that is not a symbol's character.
    let mut k = i;
    while k < b.len() && !b[k].is_ascii_digit() && is_symbol_char(b[k]) {
        k += 1;
    }
    if !b.get(k).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // The organ.
    let mut j = i;
    while j < b.len() && b[j].is_ascii_uppercase() {
        j += 1;
    }
    if j == i {
        return None;
    }
    let j = digits(s, j);
    let j = lit(s, j, "(")
        .and_then(|k| digits1(s, k))
        .and_then(|k| lit(s, k, ")"))
        .or_else(|| lit(s, j, ".").and_then(|k| digits1(s, k)))
        .unwrap_or(j);
    // `("/" ~ symbol_part?)+`
    let mut end = lit(s, j, "/")?;
    end = symbol_part(s, end).unwrap_or(end);
    while let Some(k) = lit(s, end, "/") {
        end = symbol_part(s, k).unwrap_or(k);
    }
    Some(end)
}

fn dotted_symbol(s: &str, i: usize) -> Option<usize> {
    let j = ["WHA", "EB", "CE", "CD", "CSP"]
        .iter()
        .find_map(|p| lit(s, i, p))?;
    let j = digits1(s, j)?;
    lit(s, j, ".")
        .and_then(|k| digits1(s, lit(s, k, "R").unwrap_or(k)))
        .or_else(|| {
            lit(s, j, "(")
                .and_then(|k| digits1(s, k))
                .and_then(|k| lit(s, k, ")"))
        })
}

fn suffix_symbol(s: &str, i: usize) -> Option<usize> {
    let j = ["Add", "Corr", "Rev"].iter().find_map(|p| lit(s, i, p))?;
    let mut j = digits1(s, lit(s, j, ".")?)?;
    while let Some(k) = lit(s, j, "/").and_then(|k| symbol_part(s, k)) {
        j = k;
    }
    Some(j)
}

/// Whether `s` begins with a decision or document symbol.
pub fn starts_with_symbol(s: &str) -> bool {
    decision_sym(s, 0).is_some() || fccc_decision(s, 0).is_some() || document_sym(s, 0).is_some()
}

/// `label_name` at `i`: a letter or number, then letters, numbers, marks,
/// `_` and `-`.
pub fn label_name(s: &str, i: usize) -> Option<usize> {
    let c = char_at(s, i)?;
    if !(LETTER(c) || NUMBER(c)) {
        return None;
    }
    let mut j = i + c.len_utf8();
    while let Some(c) = char_at(s, j) {
        let more = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '_' || c == '-'
        } else {
            LETTER(c) || NUMBER(c) || MARK(c)
        };
        if !more {
            break;
        }
        j += c.len_utf8();
    }
    Some(j)
}

/// A blank (`sp`).
#[inline]
pub fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The end of the blanks at `i`.
pub fn blanks(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && is_blank(b[j]) {
        j += 1;
    }
    j
}

/// The end of a line break (`nl`) at `i`.
pub fn line_break(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        b'\r' if s.as_bytes().get(i + 1) == Some(&b'\n') => Some(i + 2),
        b'\r' | b'\n' => Some(i + 1),
        _ => None,
    }
}

/// A soft break at `i` that the block grammar has already matched (so its
/// line break is known to continue the paragraph): its end, and the
/// comment lines in it as (line, text) spans.
pub fn soft_break(s: &str, i: usize, comments: &mut Vec<(usize, usize, usize, usize)>) -> usize {
    let b = s.as_bytes();
    let mut j = blanks(s, i);
    j = line_break(s, j).unwrap_or(j);
    loop {
        let k = blanks(s, j);
        if !b[k..].starts_with(b"//") {
            break;
        }
        let text = k + 2;
        let mut e = text;
        while e < b.len() && b[e] != b'\n' && b[e] != b'\r' {
            e += 1;
        }
        let end = line_break(s, e).unwrap_or(e);
        comments.push((j, end, text, e));
        j = end;
    }
    blanks(s, j)
}

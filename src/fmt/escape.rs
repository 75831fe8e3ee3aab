//! Escaping plain text so that it reads back as the same plain text.
//!
//! The AST keeps the meaning of an escape (`\*` is a `Text` holding `*`) but
//! not the escape itself, so the printer decides afresh which characters
//! would otherwise be read as markup. Escaping a character is always safe
//! (`\x` reads as `x`), so every rule here errs towards escaping; leaving
//! one out would change the document, which `fmt::format` checks anyway.

use crate::lang::INSERTED_LATIN;

/// What a run of text follows: decides which first characters would join
/// or start a token that the AST does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    /// Mid-content, after text or a node that ends cleanly (`*`, `**`, `}`).
    Clean,
    /// The start of a line: a marker, heading, fence, comment or metadata
    /// key here would start a new block. `meta` when the line could still be
    /// read as the metadata at the top of the file.
    Line { meta: bool },
    /// After a paragraph marker; `label` when a label was printed.
    Marker { label: bool },
    /// A heading's title.
    Heading { label: bool, number: bool },
    /// The title on a `:::` line.
    Fence { label: bool, symbol: bool },
    /// The first character of italic text may not be a space.
    Emphasis,
    /// After `@name` or `^name`: a name character would lengthen the name.
    /// `line` for a footnote reference that starts a line (`^name:` there
    /// is a footnote definition).
    Name { line: bool },
    /// After a decision or document symbol: it could grow.
    Symbol,
}

/// What follows a run of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trail {
    /// Nothing that a word could swallow.
    Clean,
    /// A symbol or `@name`: a word character right before it would make the
    /// word take it in (`x@name` is an e-mail address).
    Glue,
    /// A line break: spaces before it would fold into it.
    Break,
}

/// Escapes `text` for printing after `lead` and before `trail`.
/// `footnote` when inside `^{…}`, where `}` ends the footnote.
pub(crate) fn escape(text: &str, lead: Lead, trail: Trail, footnote: bool) -> String {
    let chars: Vec<char> = text
        .chars()
        // Text never holds a line break (the parser folds them); a generated
        // AST might, and a break cannot be escaped.
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let n = chars.len();
    let mut escaped = vec![false; n];
    if n > 0 && first_is_hazard(&chars, lead) {
        escaped[0] = true;
    }
    if trail == Trail::Glue && n > 0 && may_join(chars[n - 1]) {
        escaped[n - 1] = true;
    }
    if trail == Trail::Break && chars.last().is_some_and(|c| c.is_whitespace()) {
        escaped[n - 1] = true;
    }
    // `@` at the end of a run could take the name of a node after it.
    if chars.last() == Some(&'@') {
        escaped[n - 1] = true;
    }
    for i in 0..n {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        escaped[i] |= matches!(c, '\\' | '*' | '^')
            || (c == '}' && footnote)
            || (c == '@'
                && starts_reference(
                    word_takes_at(&chars, &escaped, i),
                    next,
                    escaped.get(i + 1) == Some(&true),
                ));
    }
    // A symbol (`MC-3/11`, `UNEP/MC/COP.6/1`) at a token start would be read
    // as a reference. Whether it matches depends on the escapes after it
    // (a lookahead), so check the printed text until nothing more changes.
    loop {
        let (printed, offsets) = render(&chars, &escaped);
        let mut changed = false;
        // The characters of a symbol right after an escaped letter or digit
        // are text (`\UNEP/MC/…`, the grammar's `escaped_word`): no symbol
        // starts there.
        let mut after_escape = false;
        for i in 0..n {
            if escaped[i] {
                after_escape = chars[i].is_ascii_alphanumeric();
                continue;
            }
            after_escape &= is_symbol_char(chars[i]);
            let boundary = !after_escape && (i == 0 || escaped[i - 1] || !is_word(chars[i - 1]));
            if boundary && may_start_symbol(chars[i]) && is_symbol(&printed[offsets[i]..]) {
                escaped[i] = true;
                after_escape = true;
                changed = true;
            }
        }
        if !changed {
            return printed;
        }
    }
}

fn render(chars: &[char], escaped: &[bool]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(chars.len() + 8);
    let mut offsets = Vec::with_capacity(chars.len());
    for (c, e) in chars.iter().zip(escaped) {
        if *e {
            out.push('\\');
        }
        offsets.push(out.len());
        out.push(*c);
    }
    (out, offsets)
}

/// `@` starts a cross-reference unless a word before it makes it part of an
/// e-mail address (`name@example.org`).
fn starts_reference(prev_word: bool, next: Option<char>, next_escaped: bool) -> bool {
    let Some(next) = next else { return false };
    if next_escaped {
        return false;
    }
    next == '#' || next == '.' || (may_join(next) && !prev_word)
}

/// Would the word before `chars[at]` take the `@` as an e-mail address? A
/// word takes one `@` (`word = letters+ ("@" symbol_part)?`); after it the
/// next `@` starts a token of its own.
fn word_takes_at(chars: &[char], escaped: &[bool], at: usize) -> bool {
    if at == 0 || escaped[at - 1] || !is_word(chars[at - 1]) {
        return false;
    }
    for j in (0..at).rev() {
        if escaped[j] {
            return true;
        }
        match chars[j] {
            '@' => return false,
            c if is_word(c) || c == '.' || c == '-' => {}
            _ => return true,
        }
    }
    true
}

fn first_is_hazard(chars: &[char], lead: Lead) -> bool {
    let c = chars[0];
    match lead {
        Lead::Clean => false,
        Lead::Line { meta } => line_hazard(chars) || (meta && meta_hazard(chars)),
        Lead::Marker { label } => !label && c == '<',
        Lead::Heading { label, number } => {
            (!label && c == '<') || (!number && section_number_hazard(chars))
        }
        Lead::Fence { label, symbol } => {
            (!label && c == '<') || (symbol && (c == ':' || c.is_whitespace()))
        }
        Lead::Emphasis => c.is_whitespace(),
        Lead::Name { line } => is_name_char(c) || (line && c == ':'),
        Lead::Symbol => {
            may_join(c)
                || matches!(c, '/' | '[')
                || (matches!(c, '.' | '-' | '\u{2010}' | '\u{2011}')
                    && chars.get(1).is_some_and(|n| n.is_alphanumeric()))
        }
    }
}

/// Would this line start a block (see `block_start` and `item` in the grammar)?
fn line_hazard(chars: &[char]) -> bool {
    let c = chars[0];
    let followed_by_space = |i: usize| chars.get(i).is_none_or(|c| c.is_whitespace());
    if c.is_whitespace() || matches!(c, '#' | '<' | '^') {
        return true;
    }
    if c == '/' && chars.get(1) == Some(&'/') {
        return true;
    }
    if c == ':' && chars.get(1) == Some(&':') && chars.get(2) == Some(&':') {
        return true;
    }
    if matches!(c, '-' | '\u{2013}') && followed_by_space(1) {
        return true;
    }
    // `4. `
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=4).contains(&digits) && chars.get(digits) == Some(&'.') && followed_by_space(digits + 1)
    {
        return true;
    }
    // `9 bis. `
    if digits > 0 && chars.get(digits) == Some(&' ') {
        let rest: String = chars[digits + 1..].iter().take(11).collect();
        if let Some(word) = rest.split('.').next()
            && INSERTED_LATIN.contains(&word)
            && followed_by_space(digits + 2 + word.len())
            && chars.get(digits + 1 + word.len()) == Some(&'.')
        {
            return true;
        }
    }
    // `(a) ` and `a) `
    let start = usize::from(c == '(');
    let letters = chars[start..]
        .iter()
        .take_while(|c| c.is_alphabetic() && !c.is_uppercase())
        .count();
    (1..=5).contains(&letters)
        && chars.get(start + letters) == Some(&')')
        && followed_by_space(start + letters + 1)
}

/// `key:` on the first line of a file without metadata is a metadata field.
fn meta_hazard(chars: &[char]) -> bool {
    if !chars[0].is_ascii_lowercase() {
        return false;
    }
    let key = chars
        .iter()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == '-')
        .count();
    chars[key..]
        .iter()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_some_and(|c| *c == ':')
}

/// `II. ` at the start of a heading's title is its typed number.
fn section_number_hazard(chars: &[char]) -> bool {
    let upper = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=8).contains(&upper)
        && chars.get(upper) == Some(&'.')
        && chars.get(upper + 1).is_none_or(|c| c.is_whitespace())
}

/// A character that surely continues a `word` token of the grammar: where
/// it is unsure (combining marks), a token boundary is assumed, which leads
/// to checking for symbols and escaping `@`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A character that may join the token before it: where unsure, it is
/// assumed to, which leads to escaping it.
fn may_join(c: char) -> bool {
    is_word(c) || is_mark(c)
}

fn is_name_char(c: char) -> bool {
    may_join(c) || c == '-'
}

/// Combining marks: the common blocks.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// First letters of the conventions and organs that start a symbol: any
/// Latin capital (a document symbol's organ need not be known), and the
/// Cyrillic decision prefixes.
fn may_start_symbol(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'М' | 'Б' | 'Р' | 'С')
}

/// The grammar's `symbol_char`.
fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '(' | ')')
}

fn is_symbol(s: &str) -> bool {
    crate::syntax::scan::starts_with_symbol(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        escape(s, Lead::Clean, Trail::Clean, false)
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(clean(r"a*b\c^d"), r"a\*b\\c\^d");
        assert_eq!(escape("a}", Lead::Clean, Trail::Clean, true), r"a\}");
        assert_eq!(clean("a}"), "a}");
    }

    #[test]
    fn references_but_not_addresses() {
        assert_eq!(clean("@name"), r"\@name");
        assert_eq!(clean("a @#b"), r"a \@#b");
        assert_eq!(clean("info@example.org"), "info@example.org");
        assert_eq!(clean("a @ b"), "a @ b");
    }

    #[test]
    fn symbols_at_a_token_start_only() {
        assert_eq!(clean("MC-3/11"), r"\MC-3/11");
        assert_eq!(clean("see UNEP/MC/COP.6/1."), r"see \UNEP/MC/COP.6/1.");
        assert_eq!(clean("XMC-3/11"), "XMC-3/11");
        assert_eq!(clean("and/or"), "and/or");
        assert_eq!(clean("WHA77.1 and N/A"), r"\WHA77.1 and N/A");
        assert_eq!(clean("A/78/123 and Corr.1"), r"\A/78/123 and \Corr.1");
    }

    #[test]
    fn line_starts() {
        let line = |s: &str| escape(s, Lead::Line { meta: false }, Trail::Clean, false);
        assert_eq!(line("4. x"), r"\4. x");
        assert_eq!(line("2025 x"), "2025 x");
        assert_eq!(line("a) x"), r"\a) x");
        assert_eq!(line("(iv) x"), r"\(iv) x");
        assert_eq!(line("Mercury) x"), "Mercury) x");
        assert_eq!(line("- x"), r"\- x");
        assert_eq!(line("-x"), "-x");
        assert_eq!(line("// x"), r"\// x");
        assert_eq!(line("::: x"), r"\::: x");
        assert_eq!(line("# x"), r"\# x");
        assert_eq!(
            escape("note: x", Lead::Line { meta: true }, Trail::Clean, false),
            r"\note: x"
        );
        assert_eq!(line("note: x"), "note: x");
    }

    #[test]
    fn neighbours_of_names_and_symbols() {
        assert_eq!(
            escape("s", Lead::Name { line: false }, Trail::Clean, false),
            r"\s"
        );
        assert_eq!(
            escape(", x", Lead::Name { line: false }, Trail::Clean, false),
            ", x"
        );
        assert_eq!(escape(".x", Lead::Symbol, Trail::Clean, false), r"\.x");
        assert_eq!(escape(". x", Lead::Symbol, Trail::Clean, false), ". x");
        assert_eq!(escape("ab", Lead::Clean, Trail::Glue, false), r"a\b");
        assert_eq!(escape("a ", Lead::Clean, Trail::Glue, false), "a ");
    }
}

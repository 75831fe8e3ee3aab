//! Stage 1: the pest parser over `grammar/draft.pest`, which reads the block
//! structure and finds where each block's inline content ends, and the
//! translation of its rule names into words a drafter understands. The
//! inline content itself is read by hand (`scan`, and lowering's scanner in
//! `lower/inline.rs`).

pub mod scan;

use std::ops::Range;

use pest::Parser;
use pest::iterators::Pairs;

use crate::ast::Span;
use crate::diag::{Code, Diagnostic};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/draft.pest"]
pub struct DraftParser;

/// Parses a whole file (for the benchmark of this stage alone; `lower`
/// parses a long draft in parts, with [`parse_part`]). The grammar is total
/// over text, so an error here is rare; it is still reported in the
/// drafter's words.
#[cfg(feature = "stages")]
pub fn parse(src: &str) -> Result<Pairs<'_, Rule>, Box<Diagnostic>> {
    if let Some(d) = nesting_error(src) {
        return Err(Box::new(d));
    }
    parse_part(src, 0..src.len(), true)
}

/// Parses the part `range` of `src`, one of [`parts`]: the first as the
/// start of a `document` (its metadata), the others as `blocks`. Positions
/// in the pairs are relative to the part.
pub fn parse_part(
    src: &str,
    range: Range<usize>,
    first: bool,
) -> Result<Pairs<'_, Rule>, Box<Diagnostic>> {
    let rule = if first { Rule::document } else { Rule::blocks };
    let base = range.start;
    DraftParser::parse(rule, &src[range])
        .map_err(|e| Box::new(syntax_error(src, base, e, describe)))
}

/// Cuts `src` into parts of at least `size` bytes, each ending with a blank
/// line, so that pest's tokens for one part at a time are alive. The cut
/// is sound because nothing in the grammar spans a blank line (a paragraph,
/// a footnote's text and markup end at one; `soft_break` never crosses
/// one), and the metadata ends at the first blank line after a line that
/// is not blank: after it, the document is a sequence of blocks that each
/// parse alike wherever the parse started. Linear in the input.
pub fn parts(src: &str, size: usize) -> Vec<Range<usize>> {
    let b = src.as_bytes();
    let Some(text) = b
        .iter()
        .position(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    else {
        return std::iter::once(0..b.len()).collect();
    };
    let first_line_end = next_line(b, text);
    let mut parts = Vec::new();
    let mut start = 0;
    // Only the lines past each part's size are looked at, one by one.
    let mut line = line_from(b, size.max(first_line_end));
    while line < b.len() {
        let end = next_line(b, line);
        let blank = b[line..end]
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'));
        line = end;
        if blank && end < b.len() {
            parts.push(start..end);
            start = end;
            line = line_from(b, start + size);
        }
    }
    parts.push(start..b.len());
    parts
}

/// The first start of a line at or after `i`.
fn line_from(b: &[u8], i: usize) -> usize {
    if i >= b.len() {
        return b.len();
    }
    let at_start = match i.checked_sub(1).map(|j| b[j]) {
        None | Some(b'\n') => true,
        Some(b'\r') => b.get(i) != Some(&b'\n'),
        Some(_) => false,
    };
    if at_start { i } else { next_line(b, i) }
}

/// The start of the line after the one that holds `i` (or the end).
fn next_line(b: &[u8], i: usize) -> usize {
    match b[i.min(b.len())..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
    {
        None => b.len(),
        Some(k) if b[i + k] == b'\r' && b.get(i + k + 1) == Some(&b'\n') => i + k + 2,
        Some(k) => i + k + 1,
    }
}

/// The most footnotes (`^{`) that may be open at once within a paragraph,
/// closed or not: a footnote may hold one footnote, no deeper. Every other
/// inline nesting (`**…*…*…**`) goes through a footnote, so this bounds the
/// depth of the parser, of lowering and of every stage that recurses over
/// inline content. It also bounds backtracking: markup that is not closed
/// is re-read once per enclosing footnote and alternative, at most about
/// `4^MAX_NESTING` times, so parsing stays linear in the input.
pub const MAX_NESTING: usize = 2;

/// Scans for footnotes open deeper than [`MAX_NESTING`], the way the parser
/// will see them: `^{` opens, `}` closes (inside a footnote nothing else can
/// take a `}`), `\x` escapes, `//` comment lines are skipped and a blank
/// line ends every footnote. Counts unclosed `^{` too, since the parser
/// nests into them before it finds they are not closed. Linear in the input.
pub fn nesting_error(src: &str) -> Option<Diagnostic> {
    let b = src.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        if line_start {
            line_start = false;
            let mut j = i;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'\n' || b[j] == b'\r' {
                open.clear(); // a blank line ends the paragraph
            } else if b[j..].starts_with(b"//") {
                while j < b.len() && b[j] != b'\n' && b[j] != b'\r' {
                    j += 1;
                }
            }
            i = j;
            continue;
        }
        match b[i] {
            b'\n' | b'\r' => {
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                line_start = true;
            }
            b'\\' if !matches!(b.get(i + 1), None | Some(b'\n' | b'\r')) => i += 1,
            b'^' if b.get(i + 1) == Some(&b'{') => {
                open.push(i);
                if open.len() > MAX_NESTING {
                    return Some(
                        Diagnostic::new(
                            Code::E0014,
                            Span::new(i, i + 2),
                            format!(
                                "footnotes are open {} deep here; they nest {MAX_NESTING} deep at most (footnotes not closed count)",
                                open.len()
                            ),
                        )
                        .label(format!("footnote opened at depth {}", open.len()))
                        .secondary(Span::new(open[0], open[0] + 2), "outermost open footnote")
                        .help("close each `^{` with `}`; a footnote inside a footnote is not a drafting convention"),
                    );
                }
                i += 1;
            }
            b'}' => {
                open.pop();
            }
            _ => {
                // Most bytes are none of the above: skip them in one search.
                i += 1 + b[i + 1..]
                    .iter()
                    .position(|c| matches!(c, b'\n' | b'\r' | b'\\' | b'^' | b'}'))
                    .unwrap_or(b.len() - i - 1);
                continue;
            }
        }
        i += 1;
    }
    None
}

/// A pest error in the drafter's words, rules named by `describe`; `base`
/// is where the text pest read starts in `src`.
pub(crate) fn syntax_error<R: pest::RuleType>(
    src: &str,
    base: usize,
    e: pest::error::Error<R>,
    describe: fn(R) -> &'static str,
) -> Diagnostic {
    let at = base
        + match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
    let end = src[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let message = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } if !positives.is_empty() => {
            let mut words: Vec<&str> = positives.iter().map(|r| describe(*r)).collect();
            words.sort_unstable();
            words.dedup();
            format!("expected {}", join_or(&words))
        }
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
        _ => "this line cannot be read".to_string(),
    };
    Diagnostic::new(Code::E0001, Span::new(at, end), message).label("here")
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The rules of the block grammar in the drafter's words; `$arms` words
/// the rules of one grammar only. A macro, so that the reference grammar of
/// the differential test (`lower::reference`, a rule type of its own) words
/// its block rules alike.
macro_rules! describe_rule {
    ($R:ident, $rule:expr, { $($arms:tt)* }) => {
        match $rule {
            $R::EOI => "the end of the file",
            $R::metadata | $R::meta_field | $R::meta_key => "a metadata line (`key: value`)",
            $R::heading | $R::heading_marks => "a heading (`# Title`)",
            $R::section_number => "a section number (`II.`)",
            $R::fence | $R::fence_kind => "a `:::` line",
            $R::footnote_def => "a footnote definition (`^name: text`)",
            $R::item | $R::indent => "a paragraph",
            $R::num_marker | $R::insert_word => "a paragraph number (`4.`, `#.`, `9 bis.`)",
            $R::sub_marker | $R::sub_letters | $R::sub_digits => {
                "a sub-paragraph marker (`(a)`, `a)`, `(1)`, `-` or `–`)"
            }
            $R::label | $R::label_name => "a label (`<name>`)",
            $R::comment_line | $R::comment_text => "a comment (`// …`)",
            $R::block_inlines | $R::line_inlines | $R::soft_break | $R::sp => "text",
            $R::nl | $R::eol | $R::blank_line => "the end of the line",
            $R::marker | $R::block_start => "a paragraph marker",
            $R::document | $R::block | $R::bom => "a draft",
            $($arms)*
        }
    };
}
#[cfg(test)]
pub(crate) use describe_rule;

/// A grammar rule in the drafter's words.
pub fn describe(rule: Rule) -> &'static str {
    describe_rule!(Rule, rule, {
        Rule::blocks => "a draft",
        Rule::ext_inline
        | Rule::ext_fn
        | Rule::ext_run
        | Rule::ext_stop
        | Rule::ext_escape
        | Rule::ext_footnote
        | Rule::ext_strong
        | Rule::ext_emphasis
        | Rule::ext_fn_strong
        | Rule::ext_fn_emphasis => "text",
    })
}

//! Lowering of inline content: text, emphasis, footnotes, references and
//! recognised symbols.

use pest::RuleType;
use pest::iterators::Pair;

use super::Lowerer;
use crate::ast::{
    Alternatives, Bracket, CrossRef, DecisionRef, DocumentRef, FootnoteOrigin, FootnoteRef, Inline,
    Label, Span,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::syntax::scan;
use crate::visit::Visitor;

/// Accumulates inline nodes, merging adjacent plain text whose text equals
/// its source slice, so that every `Text` span stays exact.
#[derive(Default)]
pub(super) struct Buf {
    pub(super) out: Vec<Inline>,
    last_exact: bool,
}

impl Buf {
    pub(super) fn exact(&mut self, text: &str, span: Span) {
        if self.last_exact
            && let Some(Inline::Text { text: t, span: s }) = self.out.last_mut()
            && s.end == span.start
        {
            t.push_str(text);
            s.end = span.end;
            return;
        }
        self.out.push(Inline::Text {
            text: text.to_string(),
            span,
        });
        self.last_exact = true;
    }

    /// Text that differs from its source (a folded line break, an escape).
    pub(super) fn folded(&mut self, text: &str, span: Span) {
        self.out.push(Inline::Text {
            text: text.to_string(),
            span,
        });
        self.last_exact = false;
    }

    pub(super) fn node(&mut self, node: Inline) {
        self.out.push(node);
        self.last_exact = false;
    }
}

pub(super) fn label_at(src: &str, start: usize, end: usize) -> Label {
    use unicode_normalization::UnicodeNormalization;
    Label {
        name: src[start..end].nfc().collect(),
        span: Span::new(start, end),
    }
}

/// A footnote's indicator: by label (`^name`) or by its place in the
/// document's list (`^{…}`); numbered later, in resolution.
pub(super) fn footnote_ref(label: Option<Label>, id: Option<usize>, span: Span) -> Inline {
    Inline::FootnoteRef(FootnoteRef {
        label,
        id,
        number: None,
        mark: None,
        separator: None,
        span,
    })
}

/// The content gathered in `buf`, brackets paired. Its spare capacity is
/// given back: inline vectors are most of a document's memory, and one
/// that doubled as it grew is up to half empty.
fn content(src: &str, buf: Buf) -> Vec<Inline> {
    let mut content = super::brackets::pair(src, buf.out);
    content.shrink_to_fit();
    content
}

/// Where a run of inline content stops, besides the end of its extent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A paragraph's or a line's text: at its end only.
    End,
    /// Bold text: at `**`.
    Strong,
    /// Italic text: at `*`.
    Emphasis,
    /// A footnote: at `}`.
    Footnote,
}

/// What a failed attempt at markup must take back: the attempt lowered its
/// content as it went, diagnostics, footnotes and comments included.
struct Mark {
    diags: usize,
    footnotes: usize,
    comments: usize,
}

impl Lowerer<'_> {
    /// Lowers the inline content the block grammar found at `start..end`
    /// (a `block_inlines` or `line_inlines` token). Every line break inside
    /// it is a soft break: the grammar crossed it.
    pub(super) fn lower_inlines(&mut self, start: usize, end: usize) -> Vec<Inline> {
        let mut buf = Buf::default();
        let stop = self.scan(start, end, false, Stop::End, &mut buf);
        debug_assert_eq!(stop, end, "the scanner reads the whole extent");
        content(self.src, buf)
    }

    fn mark(&self) -> Mark {
        Mark {
            diags: self.diags.len(),
            footnotes: self.footnotes.len(),
            comments: self.comments.len(),
        }
    }

    fn reset(&mut self, mark: Mark) {
        self.diags.truncate(mark.diags);
        self.footnotes.truncate(mark.footnotes);
        self.comments.truncate(mark.comments);
    }

    /// Reads inline content from `i` until `stop` or `end`, into `buf`, and
    /// returns where it stopped. `in_footnote`: a `}` ends every markup, as
    /// in the grammar's `fn_inline`. This is the grammar's `inline` choice
    /// in its order; text (words, spaces, punctuation) is gathered in one
    /// pending run, since lowering merges it anyway.
    fn scan(
        &mut self,
        mut i: usize,
        end: usize,
        in_footnote: bool,
        stop: Stop,
        buf: &mut Buf,
    ) -> usize {
        let src = self.src;
        let b = src.as_bytes();
        let mut run = i;
        macro_rules! flush {
            () => {
                if run < i {
                    buf.exact(&src[run..i], Span::new(run, i));
                }
            };
        }
        // A node that ends at `$end`, after the text before it.
        macro_rules! emit {
            ($node:expr, $end:expr) => {{
                let (node, end) = ($node, $end);
                flush!();
                buf.node(node);
                i = end;
                run = i;
            }};
        }
        while i < end {
            let c = b[i];
            let stops = match c {
                b'*' => {
                    stop == Stop::Emphasis || (stop == Stop::Strong && b.get(i + 1) == Some(&b'*'))
                }
                b'}' => in_footnote,
                _ => false,
            };
            if stops {
                break;
            }
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    let q = scan::blanks(src, i);
                    if q < end && matches!(b[q], b'\n' | b'\r') {
                        flush!();
                        let mut lines = Vec::new();
                        let k = scan::soft_break(src, i, &mut lines);
                        for (line, line_end, text, text_end) in lines {
                            self.comments.push(super::Comment {
                                text: src[text..text_end].to_string(),
                                span: Span::new(line, line_end),
                            });
                        }
                        buf.folded(" ", Span::new(i, k));
                        i = k;
                        run = i;
                    } else if q == i {
                        // A line break the grammar did not cross: the end.
                        break;
                    } else if b[i..q].contains(&b'\t') {
                        // A tab inside text prints as one space: Word and
                        // browsers would each show it differently.
                        flush!();
                        buf.folded(" ", Span::new(i, q));
                        i = q;
                        run = i;
                    } else {
                        i = q;
                    }
                }
                b'\\' => match scan::char_at(src, i + 1) {
                    Some(e) if e.is_ascii_alphanumeric() => {
                        // An escaped letter or digit escapes the symbol it
                        // starts: the rest of the symbol is text.
                        flush!();
                        buf.folded(&src[i + 1..i + 2], Span::new(i, i + 2));
                        run = i + 2;
                        i = scan::symbol_run(src, i + 2);
                    }
                    Some(e) if e != '\n' && e != '\r' => {
                        flush!();
                        let k = i + 1 + e.len_utf8();
                        buf.folded(&src[i + 1..k], Span::new(i, k));
                        i = k;
                        run = i;
                    }
                    _ => {
                        self.stray(i, 1);
                        i += 1;
                    }
                },
                b'^' if b.get(i + 1) == Some(&b'{') => match self.footnote(i, end) {
                    Some((k, node)) => emit!(node, k),
                    None => {
                        self.stray(i, 2);
                        i += 2;
                    }
                },
                b'^' => match scan::label_name(src, i + 1) {
                    Some(k) => emit!(
                        footnote_ref(Some(self.label(i + 1, k)), None, Span::new(i, k)),
                        k
                    ),
                    None => i += 1,
                },
                b'@' => {
                    let mut j = i + 1;
                    let bare = b.get(j) == Some(&b'#');
                    j += usize::from(bare);
                    let short = b.get(j) == Some(&b'.');
                    j += usize::from(short);
                    match scan::label_name(src, j) {
                        Some(k) => emit!(
                            Inline::CrossRef(CrossRef {
                                label: self.label(j, k),
                                bare,
                                short,
                                target: None,
                                span: Span::new(i, k),
                            }),
                            k
                        ),
                        None => i += 1,
                    }
                }
                b'*' => {
                    let strong = b.get(i + 1) == Some(&b'*');
                    let width = if strong { 2 } else { 1 };
                    match self.markup(i, end, in_footnote, strong) {
                        Some((k, node)) => emit!(node, k),
                        None => {
                            self.stray(i, width);
                            i += width;
                        }
                    }
                }
                _ => {
                    let ch = scan::char_at(src, i).unwrap_or_default();
                    if (c.is_ascii_digit() || c == b'-')
                        && let Some(k) = scan::fccc_decision(src, i)
                    {
                        let node = self.lower_decision_sym(&src[i..k], Span::new(i, k));
                        emit!(node, k);
                        continue;
                    }
                    if scan::may_start_symbol(ch) {
                        let symbol = match scan::decision_sym(src, i) {
                            Some(k) => Some((k, true)),
                            None if c.is_ascii_uppercase() => {
                                scan::document_sym(src, i).map(|k| (k, false))
                            }
                            None => None,
                        };
                        if let Some((k, decision)) = symbol {
                            let (text, span) = (&src[i..k], Span::new(i, k));
                            let node = if decision {
                                self.lower_decision_sym(text, span)
                            } else {
                                self.lower_document_sym(text, span)
                            };
                            emit!(node, k);
                            continue;
                        }
                    }
                    i = match scan::word_kind(ch) {
                        Some(kind) => scan::word(src, i, kind),
                        None => i + ch.len_utf8(),
                    };
                }
            }
        }
        flush!();
        i
    }

    /// A footnote `^{…}` at `i`, if it is closed.
    fn footnote(&mut self, i: usize, end: usize) -> Option<(usize, Inline)> {
        let mark = self.mark();
        let id = self.reserve_footnote(FootnoteOrigin::Inline, Span::new(i, i));
        let mut inner = Buf::default();
        let j = self.scan(i + 2, end, true, Stop::Footnote, &mut inner);
        if !(j < end && self.src.as_bytes()[j] == b'}') {
            self.reset(mark);
            return None;
        }
        let span = Span::new(i, j + 1);
        let content = trim(content(self.src, inner));
        let footnote = &mut self.footnotes[id];
        footnote.span = span;
        footnote.content = content;
        Some((j + 1, footnote_ref(None, Some(id), span)))
    }

    /// Bold (`strong`) or italic text at `i`, if it is closed and not empty.
    fn markup(
        &mut self,
        i: usize,
        end: usize,
        in_footnote: bool,
        strong: bool,
    ) -> Option<(usize, Inline)> {
        let b = self.src.as_bytes();
        let (open, stop) = if strong {
            (i + 2, Stop::Strong)
        } else {
            // Italics start on a character, not a blank or another `*`.
            if matches!(b.get(i + 1), Some(b'*' | b' ' | b'\t')) {
                return None;
            }
            (i + 1, Stop::Emphasis)
        };
        let mark = self.mark();
        let mut inner = Buf::default();
        let j = self.scan(open, end, in_footnote, stop, &mut inner);
        let close = if strong { "**" } else { "*" };
        if j == open || j >= end || !b[j..].starts_with(close.as_bytes()) {
            self.reset(mark);
            return None;
        }
        let k = j + close.len();
        let span = Span::new(i, k);
        let content = content(self.src, inner);
        let node = if strong {
            Inline::Strong { content, span }
        } else {
            Inline::Emphasis { content, span }
        };
        Some((k, node))
    }

    /// Markup opened and not closed (`^{`, `**`, `*`), or a backslash at
    /// the end of a line: reported, and kept as text.
    pub(super) fn stray(&mut self, i: usize, width: usize) {
        let span = Span::new(i, i + width);
        let (code, what, label, help) = match &self.src[i..i + width] {
            "^{" => (
                Code::E0006,
                "this footnote is not closed",
                "opened here",
                "close it with `}` in the same paragraph",
            ),
            "**" => (
                Code::E0006,
                "this bold text is not closed",
                "opened here",
                "close it with `**` in the same paragraph, or write `\\*\\*` for asterisks",
            ),
            "*" => (
                Code::E0006,
                "this italic text is not closed",
                "opened here",
                "close it with `*` in the same paragraph, or write `\\*` for an asterisk",
            ),
            _ => (
                Code::E0025,
                "a backslash at the end of a line escapes nothing",
                "nothing to escape",
                "write `\\\\` for a backslash",
            ),
        };
        self.diags
            .push(Diagnostic::new(code, span, what).label(label).help(help));
    }

    /// A label's name at `start..end`, composed (NFC).
    fn label(&self, start: usize, end: usize) -> Label {
        label_at(self.src, start, end)
    }

    pub(super) fn lower_label<R: RuleType>(&mut self, pair: Pair<'_, R>) -> Label {
        match pair.into_inner().next() {
            Some(p) => self.label_of(&p),
            None => Label {
                name: String::new(),
                span: Span::default(),
            },
        }
    }

    /// `MC-3/11`, `МК-3/11`, `BC.Ex-2/1`, `MC-6/[…]`; malformed ones reported.
    pub(super) fn lower_decision_sym(&mut self, text: &str, span: Span) -> Inline {
        if let Some(r) = super::symbol::fccc_decision(text, span) {
            return Inline::DecisionRef(r);
        }
        let (conv_src, rest) =
            text.split_at(text.char_indices().nth(2).map_or(text.len(), |(i, _)| i));
        let convention = crate::lang::canonical_convention(conv_src).unwrap_or(conv_src);
        let (extraordinary, rest) = match rest.strip_prefix(".Ex") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let hyphenated = rest.starts_with(['-', '\u{2011}', '\u{2010}']);
        let rest = rest.trim_start_matches(['-', '\u{2011}', '\u{2010}']);
        let (meeting_s, number_s) = match rest.split_once('/') {
            Some((m, n)) => (m, Some(n)),
            None => (rest, None),
        };
        let meeting = meeting_s.parse::<u32>().ok();
        let placeholder = matches!(number_s, Some("[…]" | "[...]"));
        let number = number_s.and_then(|n| n.parse::<u32>().ok());
        let ex = if extraordinary { ".Ex" } else { "" };
        let meeting_txt = meeting.map_or(String::new(), |m| m.to_string());
        let number_txt = if placeholder {
            "[…]".to_string()
        } else {
            number.map_or(String::new(), |n| n.to_string())
        };
        let symbol = format!("{convention}{ex}-{meeting_txt}/{number_txt}");
        let problem = if !hyphenated {
            Some(format!(
                "the decision symbol `{text}` has no hyphen after `{conv_src}`"
            ))
        } else if meeting.is_none() {
            Some(format!(
                "the decision symbol `{text}` has no meeting number"
            ))
        } else if number.is_none() && !placeholder {
            Some(format!(
                "the decision symbol `{text}` has no decision number"
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            let mut d = Diagnostic::new(Code::E0108, span, message)
                .label("malformed decision symbol")
                .help(format!("a decision symbol reads `{conv_src}-<meeting>/<number>`, as in `{conv_src}-3/11`"));
            if meeting.is_some() && number.is_some() {
                d = d.fix(
                    span,
                    format!("{conv_src}{ex}-{meeting_txt}/{number_txt}"),
                    Applicability::Safe,
                );
            }
            self.diags.push(d);
        }
        Inline::DecisionRef(DecisionRef {
            text: text.to_string(),
            symbol,
            convention: convention.to_string(),
            extraordinary,
            meeting,
            number,
            span,
        })
    }

    /// `UNEP/MC/COP.6/INF/29`; empty parts and unnumbered series reported,
    /// and an organ draftdec does not know.
    pub(super) fn lower_document_sym(&mut self, text: &str, span: Span) -> Inline {
        let parts: Vec<&str> = text.split('/').collect();
        if parts.len() > 1 && !super::symbol::known_organ(parts[0]) {
            let organ = parts[0];
            self.diags.push(
                Diagnostic::new(
                    Code::W0113,
                    Span::new(span.start, span.start + organ.len()),
                    format!("`{organ}` is not an organ draftdec knows, in the document symbol `{text}`"),
                )
                .label("unknown organ")
                .help("check the symbol against the official document; if the organ is right, the symbol is kept as written"),
            );
        }
        let mut problem = None;
        for part in &parts[1..] {
            if part.is_empty() {
                problem = Some((
                    format!("the document symbol `{text}` has an empty part"),
                    None,
                ));
                break;
            }
            if let Some(fixed) = dotted_series(part) {
                problem = Some((
                    format!(
                        "`{part}` in the document symbol `{text}` needs a full stop before its number"
                    ),
                    Some(text.replacen(part, &fixed, 1)),
                ));
                break;
            }
        }
        if let Some((message, fix)) = problem {
            let mut d = Diagnostic::new(Code::E0109, span, message)
                .label("malformed document symbol")
                .help("a document symbol reads like `UNEP/MC/COP.6/INF/29`: the organ, then parts separated by `/`");
            if let Some(fixed) = fix {
                d = d.fix(span, fixed, Applicability::Safe);
            }
            self.diags.push(d);
        }
        Inline::DocumentRef(DocumentRef {
            symbol: text.to_string(),
            span,
        })
    }
}

/// `COP6` → `COP.6`, `Add1` → `Add.1`: series whose number UN symbols write
/// after a full stop.
fn dotted_series(part: &str) -> Option<String> {
    const SERIES: [&str; 9] = [
        "COP", "MOP", "OEWG", "EA", "Add", "Rev", "Corr", "CRP", "Ex",
    ];
    SERIES.iter().find_map(|s| {
        let digits = part.strip_prefix(s)?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("{s}.{digits}"))
    })
}

/// Drops whitespace at both ends of inline content, keeping spans exact.
pub(super) fn trim(mut content: Vec<Inline>) -> Vec<Inline> {
    while let Some(Inline::Text { text, span }) = content.last_mut() {
        let trimmed = text.trim_end().len();
        span.end -= (text.len() - trimmed).min(span.end - span.start);
        text.truncate(trimmed);
        if text.is_empty() {
            content.pop();
        } else {
            break;
        }
    }
    // Leading blanks may be many nodes (`\ \ \ …`): drop them in one go, not
    // one `remove(0)` at a time, which is quadratic.
    let mut empty = 0;
    for node in content.iter_mut() {
        let Inline::Text { text, span } = node else {
            break;
        };
        let cut = text.len() - text.trim_start().len();
        span.start += cut.min(span.end - span.start);
        text.drain(..cut);
        if text.is_empty() {
            empty += 1;
        } else {
            break;
        }
    }
    content.drain(..empty);
    content
}

/// The plain text of inline content (footnotes excluded).
pub fn plain_text(content: &[Inline]) -> String {
    let mut text = PlainText(String::new());
    text.visit_content(content);
    text.0
}

/// Collects the words of inline content as printed.
struct PlainText(String);

impl Visitor for PlainText {
    fn visit_text(&mut self, text: &str, _: &Span) {
        self.0.push_str(text);
    }

    fn visit_decision_ref(&mut self, r: &DecisionRef) {
        self.0.push_str(&r.text);
    }

    fn visit_document_ref(&mut self, r: &DocumentRef) {
        self.0.push_str(&r.symbol);
    }

    fn visit_cross_ref(&mut self, r: &CrossRef) {
        self.0
            .push_str(r.target.as_ref().map_or(&r.label.name, |t| &t.text));
    }

    /// An indicator prints no words of the text.
    fn visit_footnote_ref(&mut self, _: &FootnoteRef) {}

    /// The brackets are printed; the note is not part of the text.
    fn visit_bracket(&mut self, b: &Bracket) {
        self.0.push('[');
        self.visit_content(&b.content);
        self.0.push(']');
    }

    fn visit_alternatives(&mut self, a: &Alternatives) {
        for (i, option) in a.options.iter().enumerate() {
            if i > 0 && a.spaced {
                self.0.push(' ');
            }
            self.visit_bracket(option);
        }
    }
}

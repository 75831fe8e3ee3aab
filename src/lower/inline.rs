//! Lowering of inline content: text, emphasis, footnotes, references and
//! recognised symbols.

use pest::iterators::{Pair, Pairs};

use super::Lowerer;
use crate::ast::{
    Alternatives, Bracket, CrossRef, DecisionRef, DocumentRef, FootnoteOrigin, FootnoteRef, Inline,
    Label, Span,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::syntax::Rule;
use crate::visit::Visitor;

/// Accumulates inline nodes, merging adjacent plain text whose text equals
/// its source slice, so that every `Text` span stays exact.
#[derive(Default)]
struct Buf {
    out: Vec<Inline>,
    last_exact: bool,
}

impl Buf {
    fn exact(&mut self, text: &str, span: Span) {
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
    fn folded(&mut self, text: &str, span: Span) {
        self.out.push(Inline::Text {
            text: text.to_string(),
            span,
        });
        self.last_exact = false;
    }

    fn node(&mut self, node: Inline) {
        self.out.push(node);
        self.last_exact = false;
    }
}

/// A label as written, in Unicode's composed form (NFC): `é` typed as one
/// character or as `e` and a combining accent is the same label.
pub(super) fn label_of(pair: &Pair<'_, Rule>) -> Label {
    use unicode_normalization::UnicodeNormalization;
    Label {
        name: pair.as_str().nfc().collect(),
        span: span_of(pair),
    }
}

pub(super) fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

impl Lowerer<'_> {
    pub(super) fn lower_inlines(&mut self, pairs: Pairs<'_, Rule>) -> Vec<Inline> {
        let mut buf = Buf::default();
        for pair in pairs {
            self.lower_inline(pair, &mut buf);
        }
        super::brackets::pair(self.src, buf.out)
    }

    fn lower_inline(&mut self, pair: Pair<'_, Rule>, buf: &mut Buf) {
        let span = span_of(&pair);
        match pair.as_rule() {
            // A tab inside text prints as one space: Word and browsers
            // would each show it differently. (`plain` never holds a tab.)
            Rule::space if pair.as_str().contains('\t') => buf.folded(" ", span),
            Rule::plain | Rule::word | Rule::space | Rule::punct => buf.exact(pair.as_str(), span),
            Rule::soft_break => {
                self.lower_comments(pair.into_inner());
                buf.folded(" ", span);
            }
            Rule::escape => {
                let escaped = pair.into_inner().next().map_or("", |p| p.as_str());
                buf.folded(escaped, span);
            }
            Rule::footnote => {
                let id = self.reserve_footnote(FootnoteOrigin::Inline, span);
                let content = trim(self.lower_inlines(pair.into_inner()));
                self.footnotes[id].content = content;
                buf.node(Inline::FootnoteRef(FootnoteRef {
                    label: None,
                    id: Some(id),
                    number: None,
                    mark: None,
                    separator: None,
                    span,
                }));
            }
            Rule::footnote_ref => {
                let label = self.lower_label_name(pair.into_inner());
                buf.node(Inline::FootnoteRef(FootnoteRef {
                    label: Some(label),
                    id: None,
                    number: None,
                    mark: None,
                    separator: None,
                    span,
                }));
            }
            Rule::cross_ref => {
                let (mut bare, mut short) = (false, false);
                let mut label = None;
                for inner in pair.into_inner() {
                    match inner.as_rule() {
                        Rule::bare_mark => bare = true,
                        Rule::short_mark => short = true,
                        _ => label = Some(label_of(&inner)),
                    }
                }
                let label = label.unwrap_or(Label {
                    name: String::new(),
                    span,
                });
                buf.node(Inline::CrossRef(CrossRef {
                    label,
                    bare,
                    short,
                    target: None,
                    span,
                }));
            }
            Rule::emphasis | Rule::fn_emphasis => {
                let content = self.lower_inlines(pair.into_inner());
                buf.node(Inline::Emphasis { content, span });
            }
            Rule::strong | Rule::fn_strong => {
                let content = self.lower_inlines(pair.into_inner());
                buf.node(Inline::Strong { content, span });
            }
            Rule::decision_sym => buf.node(self.lower_decision_sym(pair.as_str(), span)),
            Rule::document_sym => buf.node(self.lower_document_sym(pair.as_str(), span)),
            Rule::stray => {
                let (code, what, label, help) = match pair.as_str() {
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
                buf.exact(pair.as_str(), span);
            }
            Rule::comment_line => self.lower_comments(Pairs::single(pair)),
            _ => buf.exact(pair.as_str(), span),
        }
    }

    pub(super) fn lower_label_name(&mut self, mut pairs: Pairs<'_, Rule>) -> Label {
        match pairs.next() {
            Some(p) => label_of(&p),
            None => Label {
                name: String::new(),
                span: Span::default(),
            },
        }
    }

    pub(super) fn lower_label(&mut self, pair: Pair<'_, Rule>) -> Label {
        self.lower_label_name(pair.into_inner())
    }

    /// `MC-3/11`, `МК-3/11`, `BC.Ex-2/1`, `MC-6/[…]`; malformed ones reported.
    fn lower_decision_sym(&mut self, text: &str, span: Span) -> Inline {
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
    fn lower_document_sym(&mut self, text: &str, span: Span) -> Inline {
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

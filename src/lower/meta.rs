//! Lowering of the metadata lines into the masthead.

use pest::iterators::Pair;

use super::Lowerer;
use super::inline::{span_of, trim};
use crate::ast::{Field, Masthead, Span};
use crate::diag::Diagnostic;
use crate::syntax::Rule;

/// Every metadata key, in canonical order.
pub const KEYS: [&str; 14] = [
    "symbol",
    "distribution",
    "date",
    "original",
    "language",
    "body",
    "meeting",
    "place",
    "dates",
    "agenda-item",
    "agenda-title",
    "provisional-agenda",
    "title",
    "kind",
];

pub fn slot<'m>(meta: &'m mut Masthead, key: &str) -> Option<&'m mut Option<Field>> {
    Some(match key {
        "symbol" => &mut meta.symbol,
        "distribution" => &mut meta.distribution,
        "date" => &mut meta.date,
        "original" => &mut meta.original,
        "language" => &mut meta.language,
        "body" => &mut meta.body,
        "meeting" => &mut meta.meeting,
        "place" => &mut meta.place,
        "dates" => &mut meta.dates,
        "agenda-item" => &mut meta.agenda_item,
        "agenda-title" => &mut meta.agenda_title,
        "provisional-agenda" => &mut meta.provisional_agenda,
        "title" => &mut meta.title,
        "kind" => &mut meta.kind,
        _ => return None,
    })
}

impl Lowerer<'_> {
    pub(super) fn lower_metadata(&mut self, pair: Pair<'_, Rule>) -> Masthead {
        let mut meta = Masthead::default();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::meta_field => self.lower_meta_field(p, &mut meta),
                Rule::comment_line => self.lower_comments(pest::iterators::Pairs::single(p)),
                _ => {}
            }
        }
        meta
    }

    fn lower_meta_field(&mut self, pair: Pair<'_, Rule>, meta: &mut Masthead) {
        let line = super::trimmed_span(&pair);
        let mut key = ("", Span::default());
        let mut field = Field {
            text: String::new(),
            content: Vec::new(),
            span: Span::new(line.end, line.end),
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::meta_key => key = (p.as_str(), span_of(&p)),
                Rule::line_inlines => {
                    let span = span_of(&p);
                    let content = trim(self.lower_inlines(p.into_inner()));
                    let text = self.src[span.start..span.end].trim();
                    let start = content.first().map_or(span.start, |c| c.span().start);
                    field = Field {
                        // Tabs become spaces, as in the content (same length).
                        text: text.replace('\t', " "),
                        content,
                        span: Span::new(start, start + text.len()),
                    };
                }
                _ => {}
            }
        }
        let (name, key_span) = key;
        let Some(slot) = slot(meta, name) else {
            let mut d = Diagnostic::new(
                "E0002",
                key_span,
                format!("unknown metadata field `{name}`"),
            )
            .label("not a metadata field");
            d = match crate::util::closest(name, KEYS) {
                Some(k) => d.help(format!("did you mean `{k}`?")).fix(key_span, k),
                None => d.help(format!("the fields are: {}", KEYS.join(", "))),
            };
            self.diags.push(d);
            return;
        };
        if let Some(first) = slot {
            self.diags.push(
                Diagnostic::new("E0003", key_span, format!("`{name}` is set twice"))
                    .label("set again here")
                    .secondary(first.span, "first set here")
                    .help("keep one of the two lines"),
            );
            return;
        }
        *slot = Some(field);
    }
}

//! Lowering of the metadata lines into the masthead.

use pest::iterators::Pair;

use super::inline::trim;
use super::{Grammar, Lowerer, Node};
use crate::ast::{Field, Masthead, Span};
use crate::diag::{Applicability, Code, Diagnostic};

impl Lowerer<'_> {
    pub(super) fn lower_metadata<R: Grammar>(&mut self, pair: Pair<'_, R>) -> Masthead {
        let mut meta = Masthead::default();
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::MetaField => self.lower_meta_field(p, &mut meta),
                Node::CommentLine => self.lower_comments(pest::iterators::Pairs::single(p)),
                _ => {}
            }
        }
        meta
    }

    fn lower_meta_field<R: Grammar>(&mut self, pair: Pair<'_, R>, meta: &mut Masthead) {
        let line = self.trimmed_span(&pair);
        let mut key = ("", Span::default());
        let mut field = Field {
            text: String::new(),
            content: Vec::new(),
            span: Span::new(line.end, line.end),
        };
        for p in pair.into_inner() {
            match p.as_rule().kind() {
                Node::MetaKey => key = (p.as_str(), self.span_of(&p)),
                Node::Inlines => {
                    let span = self.span_of(&p);
                    let content = trim(R::lower_inlines(self, p));
                    let text = self.src[span.start..span.end].trim();
                    let start = content.first().map_or(span.start, |c| c.span().start);
                    field = Field {
                        // The value as read: escapes resolved, tabs as spaces.
                        text: super::plain_text(&content),
                        content,
                        span: Span::new(start, start + text.len()),
                    };
                }
                _ => {}
            }
        }
        let (name, key_span) = key;
        let Some(slot) = meta
            .fields_mut()
            .into_iter()
            .find(|(key, _)| *key == name)
            .map(|(_, slot)| slot)
        else {
            let mut d = Diagnostic::new(
                Code::E0002,
                key_span,
                format!("unknown metadata field `{name}`"),
            )
            .label("not a metadata field");
            d = match crate::util::closest(name, Masthead::keys()) {
                Some(k) => d.help(format!("did you mean `{k}`?")).fix(
                    key_span,
                    k,
                    Applicability::NeedsReview,
                ),
                None => d.help(format!("the fields are: {}", Masthead::keys().join(", "))),
            };
            self.diags.push(d);
            return;
        };
        if let Some(first) = slot {
            self.diags.push(
                Diagnostic::new(Code::E0003, key_span, format!("`{name}` is set twice"))
                    .label("set again here")
                    .secondary(first.span, "first set here")
                    .help("keep one of the two lines"),
            );
            return;
        }
        *slot = Some(field);
    }
}

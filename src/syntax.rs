//! Stage 1: the pest parser over `grammar/draft.pest`, and the translation of
//! its rule names into words a drafter understands.

use pest::Parser;
use pest::iterators::Pairs;

use crate::ast::Span;
use crate::diag::Diagnostic;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/draft.pest"]
pub struct DraftParser;

/// Parses a whole file. The grammar is total over text, so an error here is
/// rare; it is still reported in the drafter's words.
pub fn parse(src: &str) -> Result<Pairs<'_, Rule>, Box<Diagnostic>> {
    DraftParser::parse(Rule::document, src).map_err(|e| Box::new(syntax_error(src, e)))
}

fn syntax_error(src: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    let at = match e.location {
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
    Diagnostic::new("E0001", Span::new(at, end), message).label("here")
}

fn join_or(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// A grammar rule in the drafter's words.
pub fn describe(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the file",
        Rule::metadata | Rule::meta_field | Rule::meta_key => "a metadata line (`key: value`)",
        Rule::heading | Rule::heading_marks => "a heading (`# Title`)",
        Rule::section_number => "a section number (`II.`)",
        Rule::fence | Rule::fence_kind => "a `:::` line",
        Rule::footnote_def => "a footnote definition (`^name: text`)",
        Rule::item | Rule::indent => "a paragraph",
        Rule::num_marker => "a paragraph number (`4.` or `#.`)",
        Rule::sub_marker | Rule::sub_letters => "a sub-paragraph marker (`(a)`, `a)` or `-`)",
        Rule::label | Rule::label_name => "a label (`<name>`)",
        Rule::comment_line | Rule::comment_text => "a comment (`// …`)",
        Rule::footnote => "a footnote (`^{…}`)",
        Rule::footnote_ref => "a footnote reference (`^name`)",
        Rule::cross_ref | Rule::bare_mark => "a reference (`@name`)",
        Rule::strong => "bold text (`**…**`)",
        Rule::emphasis => "italic text (`*…*`)",
        Rule::escape | Rule::escaped => "an escaped character (`\\*`)",
        Rule::decision_sym | Rule::convention | Rule::hyphen => "a decision symbol (`MC-3/11`)",
        Rule::document_sym | Rule::organ | Rule::symbol_part => {
            "a document symbol (`UNEP/MC/COP.6/1`)"
        }
        Rule::block_inlines | Rule::line_inlines | Rule::soft_break => "text",
        Rule::plain | Rule::plain_word | Rule::plain_gap | Rule::latin_chars => "text",
        Rule::word | Rule::word_char | Rule::space | Rule::punct | Rule::stray => "text",
        Rule::nl | Rule::eol | Rule::blank_line => "the end of the line",
        Rule::marker | Rule::block_start => "a paragraph marker",
        Rule::document | Rule::block | Rule::bom => "a draft",
        Rule::sp | Rule::inline => "text",
    }
}

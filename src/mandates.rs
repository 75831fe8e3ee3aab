//! The table of mandates: every request a set of decisions makes of an
//! addressee (the Executive Secretary, the secretariat, Parties …), one row
//! each, as secretariats compile by hand for programmes of work and
//! budgets (`docs/mandates.md`).
//!
//! Recognition is the language tables' (`lang::mandates`): each verb,
//! addressee, condition and deadline has a key that is the same in every
//! language, so the six versions of a decision give the same rows with
//! their own words. Every word of a row, headings included, is decided
//! here; [`csv`], [`json`] and [`html`] only print.

use schemars::JsonSchema;
use serde::Serialize;

use crate::ast::{Decision, Document, Inline, OperativeParagraph, Piece, plain_text};
use crate::lang::mandates::{Forms, MandateWords};
use crate::lang::{Lang, LangTable};
use crate::visit::Visitor;

/// One mandate.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Mandate {
    /// The language of the row's words.
    pub language: Lang,
    /// The symbol of the document that holds the decision.
    pub document: String,
    /// The decision as its heading names it (`MC-6/[…]: Thresholds`), or
    /// the language's word for a draft decision when it has no heading.
    pub decision: String,
    /// The decision's anchor (`decision-1`), the same in every language.
    pub decision_anchor: String,
    /// The paragraph as references print it (`4 (b)`, `4 b)`).
    pub paragraph: String,
    /// The paragraph's anchor (`op-4-b`), the same in every language.
    pub anchor: String,
    pub addressee: Term,
    /// The verb that gives the mandate (`Requests`, `поручает`).
    pub action: Term,
    /// The mandate's text: the sub-paragraph, or the paragraph from the
    /// verb on.
    pub text: String,
    pub conditions: Vec<Term>,
    /// When the mandate is due or where it reports (`at its next meeting`).
    pub deadline: Option<Term>,
}

/// Words of the text with the key they were recognised under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Term {
    /// The same in every language (`executive_secretary`, `request`).
    pub key: String,
    /// As written.
    pub text: String,
}

/// The table: its headings, in the language of the first document, and
/// its rows.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Table {
    /// The column headings: document, decision, paragraph, addressee,
    /// action, text, conditions, deadline.
    pub headings: Vec<String>,
    pub mandates: Vec<Mandate>,
}

/// The table of the mandates of `docs`, in order.
pub fn table(docs: &[&Document]) -> Table {
    let language = docs.first().map_or(Lang::En, |d| d.language);
    Table {
        headings: language
            .table()
            .mandates
            .headings
            .iter()
            .map(|h| h.to_string())
            .collect(),
        mandates: docs.iter().flat_map(|d| mandates(d)).collect(),
    }
}

/// The mandates of one document: those of its decisions, in the body and
/// in the annexes.
pub fn mandates(doc: &Document) -> Vec<Mandate> {
    let document = doc
        .meta
        .symbol
        .as_ref()
        .map(|f| f.text.trim().to_string())
        .unwrap_or_default();
    let mut rows = Rows {
        language: doc.language,
        table: doc.language.table(),
        document,
        rows: Vec::new(),
    };
    rows.visit_document(doc);
    rows.rows
}

/// The rows of every decision, in the body and in the annexes, in order.
struct Rows {
    language: Lang,
    table: &'static LangTable,
    document: String,
    rows: Vec<Mandate>,
}

impl Visitor for Rows {
    fn visit_decision(&mut self, d: &Decision) {
        let table = self.table;
        let decision = decision_name(d, table);
        let decision_anchor = d.anchor.clone().unwrap_or_default();
        for p in d.operative.iter().flat_map(|o| o.paragraphs()) {
            for found in paragraph_mandates(p, table.mandates) {
                self.rows.push(Mandate {
                    language: self.language,
                    document: self.document.clone(),
                    decision: decision.clone(),
                    decision_anchor: decision_anchor.clone(),
                    conditions: all_terms(&found.text, table.mandates.conditions),
                    deadline: first_term(&found.text, table.mandates.deadlines),
                    paragraph: found.paragraph,
                    anchor: found.anchor,
                    addressee: found.addressee,
                    action: found.action,
                    text: found.text,
                });
            }
        }
    }
}

fn decision_name(d: &Decision, table: &LangTable) -> String {
    let Some(heading) = &d.heading else {
        return table.masthead.draft_decision.to_string();
    };
    let mut name = String::new();
    for piece in heading {
        match piece {
            Piece::Words { text } | Piece::Symbol { text } => name.push_str(text),
            Piece::Field { key } => {
                let field = match key {
                    crate::ast::FieldKey::Symbol => &d.symbol,
                    crate::ast::FieldKey::Title => &d.title,
                    _ => &None,
                };
                if let Some(f) = field {
                    name.push_str(f.text.trim());
                }
            }
            Piece::FootnoteRef(_) => {}
        }
    }
    name
}

struct Found {
    paragraph: String,
    anchor: String,
    addressee: Term,
    action: Term,
    text: String,
}

/// The mandates of one operative paragraph: its opening's, one per
/// sub-paragraph when it has them, and those given inside its text.
fn paragraph_mandates(p: &OperativeParagraph, words: &MandateWords) -> Vec<Found> {
    let mut out = Vec::new();
    let Some(number) = &p.number else {
        return out;
    };
    let content = plain_text(&p.content);
    let opening = p
        .opening
        .as_ref()
        .and_then(|o| ending_term(&o.text, words.verbs).map(|verb| (o, verb)));
    if let (Some((_, action)), Some(addressee)) = (opening, &p.addressee)
        && let Some(key) = addressee_key(&addressee.text, words.actors)
    {
        let addressee = Term {
            key,
            text: addressee.text.clone(),
        };
        if p.subparagraphs.is_empty() {
            out.push(Found {
                paragraph: number.path.clone(),
                anchor: number.anchor.clone(),
                addressee,
                action,
                text: content.trim().to_string(),
            });
        } else {
            for s in &p.subparagraphs {
                let Some(n) = &s.number else { continue };
                out.push(Found {
                    paragraph: n.path.clone(),
                    anchor: n.anchor.clone(),
                    addressee: addressee.clone(),
                    action: action.clone(),
                    text: sub_text(&s.content, &s.children),
                });
            }
        }
    }
    for (at, action) in inline_verbs(&content, words.inline_verbs) {
        let rest = &content[at + action.text.len()..];
        if let Some(addressee) = following_actor(rest, words.actors) {
            out.push(Found {
                paragraph: number.path.clone(),
                anchor: number.anchor.clone(),
                addressee,
                action,
                text: content[at..].trim().to_string(),
            });
        }
    }
    out
}

/// A sub-paragraph's text with its own sub-paragraphs.
fn sub_text(content: &[Inline], children: &[crate::ast::SubParagraph]) -> String {
    let mut text = plain_text(content).trim().to_string();
    for c in children {
        let child = sub_text(&c.content, &c.children);
        if !child.is_empty() {
            text.push(' ');
            text.push_str(&child);
        }
    }
    text
}

/// Where `needle` occurs in `haystack`, compared without regard to case:
/// byte offsets into `haystack`.
fn find_all(haystack: &str, needle: &str) -> Vec<usize> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = haystack.char_indices().collect();
    let mut found = Vec::new();
    'start: for i in 0..chars.len() {
        let mut j = i;
        let mut k = 0;
        while k < needle.len() {
            let Some(&(_, c)) = chars.get(j) else {
                continue 'start;
            };
            for lower in c.to_lowercase() {
                if needle.get(k) != Some(&lower) {
                    continue 'start;
                }
                k += 1;
            }
            j += 1;
        }
        found.push(chars[i].0);
    }
    found
}

/// The byte length of the text at `at` that matched `form`: the same
/// number of characters.
fn matched<'t>(text: &'t str, at: usize, form: &str) -> &'t str {
    let len: usize = text[at..]
        .chars()
        .take(form.chars().count())
        .map(char::len_utf8)
        .sum();
    &text[at..at + len]
}

/// The key of the longest form `text` ends with.
fn ending_term(text: &str, forms: Forms) -> Option<Term> {
    let text = text.trim();
    let mut best: Option<(usize, &str)> = None;
    for (key, list) in forms {
        for form in *list {
            let Some(&at) = find_all(text, form).last() else {
                continue;
            };
            let m = matched(text, at, form);
            let ends = at + m.len() == text.len();
            let boundary = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic())
                || !is_spaced(form);
            if ends && boundary && best.is_none_or(|(len, _)| m.len() > len) {
                best = Some((m.len(), key));
            }
        }
    }
    best.map(|(len, key)| Term {
        key: key.to_string(),
        text: text[text.len() - len..].to_string(),
    })
}

/// Whether a form is written between spaces (not Chinese).
fn is_spaced(form: &str) -> bool {
    !form.chars().any(crate::lang::is_han)
}

/// The key of the addressee: the longest form it starts with.
fn addressee_key(text: &str, forms: Forms) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for (key, list) in forms {
        for form in *list {
            if find_all(text, form).first() == Some(&0) && best.is_none_or(|(n, _)| form.len() > n)
            {
                best = Some((form.len(), key));
            }
        }
    }
    best.map(|(_, key)| key.to_string())
}

/// The verbs inside `text`, on word boundaries where the language spaces
/// its words, in order.
fn inline_verbs(text: &str, forms: Forms) -> Vec<(usize, Term)> {
    let mut out: Vec<(usize, Term)> = Vec::new();
    for (key, list) in forms {
        for form in *list {
            for at in find_all(text, form) {
                let m = matched(text, at, form);
                let before = text[..at].chars().next_back();
                let after = text[at + m.len()..].chars().next();
                if is_spaced(form)
                    && (before.is_some_and(char::is_alphabetic)
                        || after.is_some_and(char::is_alphabetic))
                {
                    continue;
                }
                // A shorter form inside a longer one found already
                // ("يطلب إلى" in "ويطلب إلى") is the same verb.
                if out
                    .iter()
                    .any(|(start, t)| at >= *start && at < start + t.text.len())
                {
                    continue;
                }
                out.retain(|(start, _)| !(*start >= at && *start < at + m.len()));
                out.push((
                    at,
                    Term {
                        key: key.to_string(),
                        text: m.to_string(),
                    },
                ));
            }
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// How far after a verb its addressee may start: the addressee is the
/// verb's object, so only a few words (an article, a convention's name in
/// Chinese) come between.
const ADDRESSEE_WINDOW: usize = 40;

/// The addressee right after an inline verb: the earliest actor within the
/// window, before any clause ends.
fn following_actor(rest: &str, forms: Forms) -> Option<Term> {
    let window: String = rest
        .chars()
        .take(ADDRESSEE_WINDOW)
        .take_while(|c| !matches!(c, ';' | '.' | '；' | '。' | '؛'))
        .collect();
    let mut best: Option<(usize, usize, &str)> = None;
    for (key, list) in forms {
        for form in *list {
            if let Some(&at) = find_all(&window, form).first() {
                let len = matched(&window, at, form).len();
                let better = match best {
                    None => true,
                    Some((b_at, b_len, _)) => at < b_at || (at == b_at && len > b_len),
                };
                if better {
                    best = Some((at, len, key));
                }
            }
        }
    }
    best.map(|(at, len, key)| Term {
        key: key.to_string(),
        text: window[at..at + len].to_string(),
    })
}

/// Every key with a form in `text`, in the order of the table.
fn all_terms(text: &str, forms: Forms) -> Vec<Term> {
    forms
        .iter()
        .filter_map(|(key, list)| {
            list.iter().find_map(|form| {
                find_all(text, form).first().map(|&at| Term {
                    key: key.to_string(),
                    text: matched(text, at, form).to_string(),
                })
            })
        })
        .collect()
}

/// The first key with a form in `text`.
fn first_term(text: &str, forms: Forms) -> Option<Term> {
    all_terms(text, forms).into_iter().next()
}

/// The table as CSV (RFC 4180: every field quoted, CRLF line ends).
pub fn csv(table: &Table) -> String {
    let mut out = String::new();
    let mut row = |cells: &[&str]| {
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    let headings: Vec<&str> = table.headings.iter().map(String::as_str).collect();
    row(&headings);
    for m in &table.mandates {
        let cells = cells(m);
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        row(&cells);
    }
    out
}

/// A row's cells, in the order of the headings; several conditions are
/// separated by the language's list separator.
pub fn cells(m: &Mandate) -> [String; 8] {
    let separator = m.language.table().masthead.list_separator;
    [
        m.document.clone(),
        m.decision.clone(),
        m.paragraph.clone(),
        m.addressee.text.clone(),
        m.action.text.clone(),
        m.text.clone(),
        m.conditions
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(separator),
        m.deadline
            .as_ref()
            .map(|d| d.text.clone())
            .unwrap_or_default(),
    ]
}

/// The table as JSON, with the format version of the main output.
pub fn json(table: &Table) -> String {
    let envelope = Envelope {
        format_version: crate::ast::FORMAT_VERSION,
        generator: concat!("draftdec ", env!("CARGO_PKG_VERSION")),
        table,
    };
    let mut out = serde_json::to_string_pretty(&envelope).expect("the table serialises to JSON");
    out.push('\n');
    out
}

#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "draftdec mandates",
    description = "Every mandate a set of decisions gives, one row each (draftdec mandates --to json)."
)]
struct Envelope<'a> {
    /// The version of draftdec's JSON format.
    #[schemars(extend("const" = crate::ast::FORMAT_VERSION))]
    format_version: &'static str,
    /// The program and version that wrote the file.
    generator: &'static str,
    table: &'a Table,
}

/// The JSON Schema of [`json`]'s output.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Envelope<'static>);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises to JSON");
    text.push('\n');
    text
}

/// The language the table is printed in: its rows'.
fn language(table: &Table) -> Lang {
    table.mandates.first().map_or(Lang::En, |m| m.language)
}

/// The columns' relative widths in a DOCX: the text widest, the short
/// references narrow.
const DOCX_WEIGHTS: [u32; 8] = [12, 15, 9, 12, 9, 25, 9, 9];

/// The table as a Word document: one row per mandate under the headings,
/// on landscape pages in the language's fonts and direction.
pub fn docx(table: &Table) -> Vec<u8> {
    crate::render::docx::render_table(&docx_document(table, &docx_rows(table)))
}

/// The package parts of [`docx`], for tests that read the XML.
pub fn docx_parts(table: &Table) -> Vec<(String, Vec<u8>)> {
    crate::render::docx::table_parts(&docx_document(table, &docx_rows(table)))
}

fn docx_rows(table: &Table) -> Vec<Vec<String>> {
    table.mandates.iter().map(|m| cells(m).to_vec()).collect()
}

fn docx_document<'a>(
    table: &'a Table,
    rows: &'a [Vec<String>],
) -> crate::render::docx::TableDocument<'a> {
    let language = language(table);
    crate::render::docx::TableDocument {
        lang: language.table(),
        code: language.code(),
        // As the HTML page's title; the subject names the documents.
        title: table.headings.join(" / "),
        subject: {
            let mut symbols: Vec<&str> = Vec::new();
            for m in &table.mandates {
                if !symbols.contains(&m.document.as_str()) {
                    symbols.push(&m.document);
                }
            }
            symbols.join(language.table().masthead.list_separator)
        },
        headings: &table.headings,
        rows,
        weights: &DOCX_WEIGHTS,
    }
}

/// The table as a standalone HTML page.
pub fn html(table: &Table) -> String {
    let language = language(table);
    let lang = language.table();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
        lang.typography.locale,
        if lang.rtl { "rtl" } else { "ltr" }
    ));
    crate::render::html::esc_into(&mut out, &table.headings.join(" / "));
    out.push_str("</title>\n<style>\nbody { font-family: ");
    out.push_str(lang.typography.css_fonts);
    out.push_str("; }\ntable { border-collapse: collapse; }\nth, td { border: 1px solid #888; padding: 0.3em; vertical-align: top; text-align: start; }\n</style>\n</head>\n<body>\n<table>\n<thead>\n<tr>");
    for h in &table.headings {
        out.push_str("<th scope=\"col\">");
        crate::render::html::esc_into(&mut out, h);
        out.push_str("</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for m in &table.mandates {
        out.push_str("<tr data-addressee=\"");
        crate::render::html::esc_into(&mut out, &m.addressee.key);
        out.push_str("\" data-action=\"");
        crate::render::html::esc_into(&mut out, &m.action.key);
        out.push_str("\">");
        for cell in cells(m) {
            out.push_str("<td>");
            crate::render::html::esc_into(&mut out, &cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_found_on_word_boundaries() {
        let words = crate::lang::mandates::EN;
        let found = inline_verbs(
            "the secretariat requested services and requests the secretariat",
            words.inline_verbs,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.key, "request");
    }

    #[test]
    fn case_does_not_matter_but_the_text_is_kept() {
        assert_eq!(find_all("A la Secretaría", "a la secretaría"), vec![0]);
        let t = ending_term("Also requests", crate::lang::mandates::EN.verbs).unwrap();
        assert_eq!((t.key.as_str(), t.text.as_str()), ("request", "requests"));
        let t = ending_term("邀请", crate::lang::mandates::ZH.verbs).unwrap();
        assert_eq!(t.key, "invite", "the longest form wins");
    }
}

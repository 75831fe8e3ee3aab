//! The formatter: a draft's AST and comments → its canonical source.
//! Pure (no I/O); `draftdec fmt` reads and writes the files. The layout is
//! described in `docs/fmt.md`.
//!
//! `format` never returns source that means something else: it parses its
//! own output and compares the two documents (`meaning`) before answering.

mod escape;
mod printer;

use serde_json::Value;

use crate::ast::Document;
use crate::diag::Diagnostic;
use crate::lower::{self, Comment};

#[derive(Debug)]
pub enum FmtError {
    /// The draft has errors that make formatting lose text; they are
    /// returned for the caller to report.
    Unreadable(Vec<Diagnostic>),
    /// The canonical source would read back differently: a bug in the
    /// formatter, reported instead of writing a changed draft.
    Changed,
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FmtError::Unreadable(d) => write!(
                f,
                "not formatted: the draft has {} error{} to fix first",
                d.len(),
                if d.len() == 1 { "" } else { "s" }
            ),
            FmtError::Changed => write!(
                f,
                "not formatted: the formatted draft would read differently (a bug in draftdec fmt; please report it with the draft)"
            ),
        }
    }
}

impl std::error::Error for FmtError {}

/// Prints a document in canonical layout. `comments` are those lowering
/// returned for the same source; their spans place them. Typed numbers
/// print as the resolved ones when the document is resolved, as typed
/// otherwise.
pub fn print(doc: &Document, comments: &[Comment]) -> String {
    printer::print(doc, comments)
}

/// An error after which the AST no longer holds everything the drafter
/// wrote (the registry's `Effect` of its code): printing it would lose text.
fn stops_fmt(d: &Diagnostic) -> bool {
    d.is_error() && d.code.stops_fmt()
}

/// Formats a whole source file.
pub fn format(source: &str) -> Result<String, FmtError> {
    let compiled = crate::compile(source);
    let blocking: Vec<Diagnostic> = compiled.diagnostics.into_iter().filter(stops_fmt).collect();
    if !blocking.is_empty() {
        return Err(FmtError::Unreadable(blocking));
    }
    let out = print(&compiled.document, &compiled.comments);
    let before = lower::lower(source);
    let after = lower::lower(&out);
    let comment_texts = |c: &[Comment]| -> Vec<String> {
        c.iter().map(|c| c.text.trim_end().to_string()).collect()
    };
    let same = meaning(&before.document) == meaning(&after.document)
        && comment_texts(&before.comments) == comment_texts(&after.comments)
        && !after.diagnostics.iter().any(stops_fmt);
    if same {
        Ok(out)
    } else {
        Err(FmtError::Changed)
    }
}

/// What a formatted draft must keep: the document, lowered or resolved,
/// with every span set to zero and adjacent text nodes merged (a line break inside a paragraph or
/// an escape splits the text into several nodes), without the text of
/// typed numbers (which the formatter renumbers; whether a number is typed
/// is kept) and the as-written copy of field values (the value is in
/// `content`; an escape that was not needed is dropped).
pub fn meaning(doc: &Document) -> Document {
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    erase(&mut value);
    forget_spellings(&mut value);
    serde_json::from_value(value).unwrap_or_else(|_| doc.clone())
}

fn erase(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                // `span`, and the spans a resolved node keeps of another
                // (`label_span` of a reference's target).
                if (key == "span" || key.ends_with("_span")) && child.is_object() {
                    *child = serde_json::json!({"start": 0, "end": 0});
                } else {
                    erase(child);
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                erase(item);
            }
            merge_text(items);
        }
        _ => {}
    }
}

fn is_text(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some("text")
}

fn merge_text(items: &mut Vec<Value>) {
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if is_text(&item) {
            let text = item.get("text").and_then(Value::as_str).unwrap_or("");
            if text.is_empty() {
                continue;
            }
            if let Some(last) = out.last_mut().filter(|l| is_text(l))
                && let Some(Value::String(s)) = last.get_mut("text")
            {
                s.push_str(text);
                continue;
            }
        }
        out.push(item);
    }
    *items = out;
}

fn forget_spellings(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let typed = key == "typed_number" || key == "typed_marker";
                if let Value::Object(inner) = child {
                    if typed {
                        inner.insert("text".into(), Value::String(String::new()));
                    } else if inner.contains_key("content")
                        && inner.contains_key("text")
                        && inner.len() == 3
                    {
                        // A `Field`: its text is the value as written.
                        inner.insert("text".into(), Value::String(String::new()));
                    }
                }
                forget_spellings(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(forget_spellings),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_keeps_typed_numbers_of_an_unresolved_document() {
        let src = "#. One.\n\n7. Seven.\n";
        let lowered = lower::lower(src);
        assert_eq!(print(&lowered.document, &lowered.comments), src);
    }

    #[test]
    fn meaning_merges_text_split_by_line_breaks() {
        let a = lower::lower("#. one\ntwo \\* three\n").document;
        let b = lower::lower("#. one two \\* three\n").document;
        assert_ne!(a, b);
        assert_eq!(meaning(&a), meaning(&b));
        let c = lower::lower("#. onetwo \\* three\n").document;
        assert_ne!(meaning(&a), meaning(&c));
    }

    #[test]
    fn meaning_ignores_where_a_resolved_target_stands() {
        let a = crate::compile("title: T\n\n#. @x\n  - <x> y\n").document;
        let b = crate::compile("title: T\n\n#. @x\n- <x> y\n").document;
        assert_ne!(a, b);
        assert_eq!(meaning(&a), meaning(&b));
    }
}

//! Required metadata and the form of metadata values.

use crate::ast::{Document, Field, Inline, Span};
use crate::diag::{Code, Diagnostic};
use crate::lang::style::{DocKind, HouseStyle};
use crate::lang::{Distribution, Lang, language_codes, masthead_date};

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let m = &doc.meta;
    for (key, field) in [
        ("symbol", &m.symbol),
        ("language", &m.language),
        ("title", &m.title),
    ] {
        // A body's text is titled by its resolution or decision.
        let needed = key != "title" || !doc.kind().is_text_of_body();
        if needed && field.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::E0004,
                    Span::new(0, 0),
                    format!("the draft has no `{key}:`"),
                )
                .label("the metadata starts here")
                .help(format!(
                    "add a line `{key}: …` to the metadata at the top of the file"
                )),
            );
        }
    }
    let fields = m.fields();
    for (key, field) in fields {
        if let Some(f) = field
            && f.text.is_empty()
        {
            diags.push(invalid(
                f,
                format!("`{key}:` has no value"),
                "write the value after the colon",
            ));
        }
    }
    if let Some(f) = &m.distribution
        && !f.text.is_empty()
        && Distribution::from_key(&f.text).is_none()
    {
        let keys = Distribution::ALL.map(Distribution::key);
        diags.push(invalid(
            f,
            format!("`{}` is not a distribution", f.text),
            &format!("write {}, {} or {}", keys[0], keys[1], keys[2]),
        ));
    }
    if let Some(f) = &m.doc_type
        && !f.text.is_empty()
        && DocKind::from_key(&f.text).is_none()
    {
        diags.push(invalid(
            f,
            format!("`{}` is not a kind of document", f.text),
            &format!("write one of {}", DocKind::keys()),
        ));
    }
    if let Some(f) = &m.organ
        && !f.text.is_empty()
        && HouseStyle::from_key(&f.text).is_none()
    {
        diags.push(invalid(
            f,
            format!("`{}` is not an organ with a house style", f.text),
            &format!("write one of {}", HouseStyle::keys()),
        ));
    }
    for f in [&m.date, &m.adopted].into_iter().flatten() {
        if f.text.is_empty() || masthead_date(&f.text).is_some() {
            continue;
        }
        diags.push(invalid(
            f,
            format!("`{}` is not a date", f.text),
            "write the date as year-month-day, e.g. `2025-08-20`",
        ));
    }
    if let Some(f) = &m.adopted_at
        && !f.text.is_empty()
        && f.text.trim().parse::<u32>().is_err()
    {
        diags.push(invalid(
            f,
            format!("`{}` is not a meeting number", f.text),
            "write the number of the meeting that adopted the text, e.g. `31`",
        ));
    }
    if let Some(f) = &m.original
        && !f.text.is_empty()
        && Lang::from_code(&f.text).is_none()
    {
        diags.push(invalid(
            f,
            format!("`{}` is not a language code", f.text),
            &format!("write one of {}", language_codes()),
        ));
    }
    for (key, field) in [
        ("symbol", &m.symbol),
        ("provisional-agenda", &m.provisional_agenda),
    ] {
        if let Some(f) = field {
            let is_symbol =
                matches!(f.content.as_slice(), [Inline::DocumentRef(r)] if r.symbol == f.text);
            if !f.text.is_empty() && !is_symbol {
                diags.push(
                    Diagnostic::new(
                        Code::E0005,
                        f.span,
                        format!("`{}` is not a document symbol", f.text),
                    )
                    .label(format!("`{key}:` must be a document symbol"))
                    .help("a document symbol reads like `UNEP/MC/COP.6/20`"),
                );
            }
        }
    }
}

fn invalid(f: &Field, message: String, help: &str) -> Diagnostic {
    Diagnostic::new(Code::E0005, f.span, message)
        .label("invalid value")
        .help(help)
}

//! Footnote numbering: one sequence through the document in print order
//! (the masthead's lines, then the text), each footnote numbered at its
//! first reference; the document's list is then put in that order.

use std::collections::HashMap;

use crate::ast::{Document, Footnote, FootnoteRef, Inline, Label, Piece};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::walk;

pub(super) fn number(doc: &mut Document, table: &LangTable, diags: &mut Vec<Diagnostic>) {
    // Named footnotes by name: the first definition wins, a second is E0112.
    let mut defs: HashMap<String, usize> = HashMap::new();
    for (i, note) in doc.footnotes.iter().enumerate() {
        let Some(label) = &note.label else { continue };
        if let Some(&first) = defs.get(&label.name) {
            let first_span = doc.footnotes[first]
                .label
                .as_ref()
                .map_or(label.span, |l| l.span);
            diags.push(
                Diagnostic::new(
                    Code::E0112,
                    label.span,
                    format!("the footnote `{}` is defined twice", label.name),
                )
                .label("second definition")
                .secondary(first_span, "first defined here")
                .help("give each footnote its own name"),
            );
        } else {
            defs.insert(label.name.clone(), i);
        }
    }
    let mut def_names: Vec<&str> = defs.keys().map(String::as_str).collect();
    def_names.sort_unstable();

    // Numbers in print order: the masthead's lines, then the text. A
    // footnote's own text is not part of that order: a reference inside it
    // numbers nothing.
    let mut numbers: Vec<Option<u32>> = vec![None; doc.footnotes.len()];
    let mut next = 0;
    let mut unknown = 0;
    let mut visit = |r: &mut FootnoteRef| {
        let id = match (&r.label, r.id) {
            (_, Some(id)) => id,
            (Some(label), None) => match defs.get(&label.name) {
                Some(&id) => id,
                None => {
                    unknown += 1;
                    diags.push(undefined(label, unknown, &def_names));
                    return;
                }
            },
            (None, None) => return,
        };
        r.id = Some(id);
        let Some(slot) = numbers.get_mut(id) else {
            return;
        };
        if slot.is_none() {
            next += 1;
            *slot = Some(next);
        }
        r.number = *slot;
    };
    let Document {
        meta, presentation, ..
    } = &mut *doc;
    for line in &mut presentation.masthead {
        for piece in &mut line.pieces {
            match piece {
                Piece::FootnoteRef(r) => visit(r),
                Piece::Field { key } => {
                    if let Some(field) = meta.get_mut(*key) {
                        walk::content_mut(&mut field.content, &mut |node| {
                            if let Inline::FootnoteRef(r) = node {
                                visit(r)
                            }
                        });
                    }
                }
                Piece::Words { .. } | Piece::Symbol { .. } => {}
            }
        }
    }
    walk::text_mut(doc, &mut |node| {
        if let Inline::FootnoteRef(r) = node {
            visit(r)
        }
    });

    for (i, note) in doc.footnotes.iter().enumerate() {
        if numbers[i].is_some() {
            continue;
        }
        if let Some(label) = &note.label
            && defs.get(&label.name) == Some(&i)
        {
            diags.push(
                Diagnostic::new(
                    Code::W0104,
                    label.span,
                    format!("the footnote `{}` is never referenced", label.name),
                )
                .label("unused footnote")
                .help(format!(
                    "reference it with `^{}` where its indicator belongs, or delete it",
                    label.name
                )),
            );
        }
    }

    for (note, number) in doc.footnotes.iter_mut().zip(&numbers) {
        note.number = *number;
        note.ibid = table.is_ibid(&plain_text(&note.content));
        if note.ibid && *number == Some(1) {
            diags.push(
                Diagnostic::new(
                    Code::E0105,
                    note.span,
                    "this Ibid. footnote has no footnote before it to refer to",
                )
                .label("Ibid. with no preceding footnote")
                .help("cite the source in full in the first footnote"),
            );
        }
    }
    print_order(doc);
}

fn undefined(label: &Label, unknown: usize, names: &[&str]) -> Diagnostic {
    let d = Diagnostic::new(
        Code::E0103,
        label.span,
        format!("no footnote `{}` is defined", label.name),
    )
    .label("undefined footnote");
    let near = (unknown <= crate::util::MAX_SUGGESTIONS)
        .then(|| crate::util::closest(&label.name, names.iter().copied()))
        .flatten();
    match near {
        Some(name) => d.help(format!("did you mean `{name}`?")).fix(
            label.span,
            name,
            Applicability::NeedsReview,
        ),
        None => d.help(format!(
            "define it on a line of its own: `^{}: text of the footnote`",
            label.name
        )),
    }
}

/// Puts the footnotes in print order (by number, the unnumbered after in
/// source order) and points every reference at its footnote's new place.
fn print_order(doc: &mut Document) {
    let mut order: Vec<usize> = (0..doc.footnotes.len()).collect();
    order.sort_by_key(|&i| {
        (
            doc.footnotes[i].number.is_none(),
            doc.footnotes[i].number,
            i,
        )
    });
    let mut place = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut notes: Vec<Option<Footnote>> = std::mem::take(&mut doc.footnotes)
        .into_iter()
        .map(Some)
        .collect();
    doc.footnotes = order.iter().filter_map(|&i| notes[i].take()).collect();
    let remap = |r: &mut FootnoteRef| {
        if let Some(id) = r.id {
            r.id = place.get(id).copied();
        }
    };
    for line in &mut doc.presentation.masthead {
        for piece in &mut line.pieces {
            if let Piece::FootnoteRef(r) = piece {
                remap(r);
            }
        }
    }
    walk::inlines_mut(doc, &mut |node| {
        if let Inline::FootnoteRef(r) = node {
            remap(r);
        }
    });
}

#[cfg(test)]
mod tests {
    /// A reference inside a definition, before, between and after other
    /// definitions, is never numbered as a footnote of the text.
    #[test]
    fn references_inside_definitions_are_not_numbered() {
        let src = "title: T\nlanguage: en\nsymbol: UNEP/MC/COP.6/1\n\n\
                   ^a: First, citing ^{inner a}.\n\n\
                   #. Text^a and^{one} more^b.\n\n\
                   ^b: Second, citing ^{inner b}.\n\n\
                   #. After^{two}.\n";
        let doc = crate::compile(src).document;
        let numbered: Vec<String> = doc
            .footnotes
            .iter()
            .filter(|f| f.number.is_some())
            .map(|f| crate::lower::plain_text(&f.content))
            .collect();
        assert_eq!(
            numbered,
            ["First, citing .", "one", "Second, citing .", "two"]
        );
    }
}

//! Footnote numbering: one sequence through the document in print order
//! (the masthead's lines, then the text), each footnote numbered at its
//! first reference; the document's list is then put in that order.

use std::collections::HashMap;

use crate::ast::{Document, Footnote, FootnoteOrigin, FootnoteRef, Inline, Label};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::visit::mutable::{VisitorMut, walk_content, walk_print_order};

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
    // The house style may mark the masthead's footnote with a symbol
    // (`*`): it is placed first and takes no number.
    let masthead_mark = doc.house_style().masthead_note.mark();
    let marks: Vec<Option<&str>> = doc
        .footnotes
        .iter()
        .map(|f| masthead_mark.filter(|_| f.origin == FootnoteOrigin::Masthead))
        .collect();
    let mut refs = Refs {
        defs: &defs,
        def_names,
        marks: &marks,
        numbers: vec![None; doc.footnotes.len()],
        placed: vec![None; doc.footnotes.len()],
        next: 0,
        next_placed: 0,
        unknown: 0,
        diags: &mut *diags,
    };
    refs.visit_document(doc);
    let numbers = refs.numbers;
    let placed = refs.placed;
    Adjacent(table.marks.footnote_separator).visit_document(doc);

    // A footnote holds no footnote: UN documents have none, and its mark
    // would print nothing, losing the text.
    let mut nested = Nested(&mut *diags);
    for note in &doc.footnotes {
        crate::visit::Visitor::visit_content(&mut nested, &note.content);
    }

    for (i, note) in doc.footnotes.iter().enumerate() {
        if placed[i].is_some() {
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

    for (i, (note, number)) in doc.footnotes.iter_mut().zip(&numbers).enumerate() {
        note.number = *number;
        note.mark = placed[i].and(marks[i]).map(str::to_string);
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
    print_order(doc, &placed);
}

/// Separates a footnote reference from the one right before it (`1,2`).
struct Adjacent(&'static str);

impl VisitorMut for Adjacent {
    fn visit_content(&mut self, node: &mut Vec<Inline>) {
        for i in 1..node.len() {
            let follows = matches!(node[i - 1], Inline::FootnoteRef(_));
            if let Inline::FootnoteRef(r) = &mut node[i] {
                r.separator = follows.then(|| self.0.to_string());
            }
        }
        walk_content(self, node);
    }
}

/// References inside a footnote's text.
struct Nested<'a>(&'a mut Vec<Diagnostic>);

impl crate::visit::Visitor for Nested<'_> {
    fn visit_footnote_ref(&mut self, r: &FootnoteRef) {
        self.0.push(
            Diagnostic::new(
                Code::E0130,
                r.span,
                "a footnote cannot hold another footnote",
            )
            .label("footnote inside a footnote")
            .help("write its text in the outer footnote (\"See also …\"), or put the reference in the text"),
        );
    }
}

/// Numbers the footnote references in print order.
struct Refs<'a> {
    /// Named footnotes by name.
    defs: &'a HashMap<String, usize>,
    /// The names, sorted, for suggestions.
    def_names: Vec<&'a str>,
    /// The symbol that marks a footnote of the list instead of a number.
    marks: &'a [Option<&'a str>],
    /// The number of each footnote of the list, once referenced.
    numbers: Vec<Option<u32>>,
    /// Where each footnote of the list is placed (first referenced) among
    /// all, numbered or marked.
    placed: Vec<Option<u32>>,
    next: u32,
    next_placed: u32,
    unknown: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl VisitorMut for Refs<'_> {
    fn visit_document(&mut self, doc: &mut Document) {
        walk_print_order(self, doc);
    }

    fn visit_footnote_ref(&mut self, r: &mut FootnoteRef) {
        let id = match (&r.label, r.id) {
            (_, Some(id)) => id,
            (Some(label), None) => match self.defs.get(&label.name) {
                Some(&id) => id,
                None => {
                    self.unknown += 1;
                    let d = undefined(label, self.unknown, &self.def_names);
                    self.diags.push(d);
                    return;
                }
            },
            (None, None) => return,
        };
        r.id = Some(id);
        let Some(place) = self.placed.get_mut(id) else {
            return;
        };
        if place.is_none() {
            self.next_placed += 1;
            *place = Some(self.next_placed);
            if self.marks[id].is_none() {
                self.next += 1;
                self.numbers[id] = Some(self.next);
            }
        }
        r.number = self.numbers[id];
        r.mark = self.marks[id].map(str::to_string);
    }
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

/// Puts the footnotes in print order (by first reference, the unreferenced
/// after in source order) and points every reference at its footnote's new
/// place.
fn print_order(doc: &mut Document, placed: &[Option<u32>]) {
    let mut order: Vec<usize> = (0..doc.footnotes.len()).collect();
    order.sort_by_key(|&i| (placed[i].is_none(), placed[i], i));
    let mut place = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut notes: Vec<Option<Footnote>> = std::mem::take(&mut doc.footnotes)
        .into_iter()
        .map(Some)
        .collect();
    doc.footnotes = order.iter().filter_map(|&i| notes[i].take()).collect();
    Remap(place).visit_document(doc);
}

/// Points every reference at its footnote's new place in the list.
struct Remap(Vec<usize>);

impl VisitorMut for Remap {
    fn visit_footnote_ref(&mut self, r: &mut FootnoteRef) {
        if let Some(id) = r.id {
            r.id = self.0.get(id).copied();
        }
    }
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

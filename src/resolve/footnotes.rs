//! Footnote numbering: one sequence through the document, the masthead's
//! footnote first, then in order of first reference.

use std::collections::HashMap;

use crate::ast::{
    Document, DocumentRef, Footnote, FootnoteDef, FootnoteRef, Inline, Masthead, Span,
};
use crate::diag::Diagnostic;
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::visit::mutable::{VisitorMut, walk_footnote_ref};

pub(super) fn number(doc: &mut Document, table: &LangTable, diags: &mut Vec<Diagnostic>) {
    let mut footnotes = Vec::new();
    if let Some(agenda) = &doc.meta.provisional_agenda {
        // The masthead's agenda footnote cites the provisional agenda by symbol.
        let content = vec![
            Inline::DocumentRef(DocumentRef {
                symbol: agenda.text.clone(),
                span: agenda.span,
            }),
            Inline::Text {
                text: ".".to_string(),
                span: Span::new(agenda.span.end, agenda.span.end),
            },
        ];
        footnotes.push(Footnote {
            number: 1,
            label: None,
            content,
            ibid: false,
            span: agenda.span,
        });
        doc.meta.agenda_footnote = Some(1);
    }

    let mut defs: HashMap<String, usize> = HashMap::new();
    for (i, def) in doc.footnote_defs.iter().enumerate() {
        if let Some(&first) = defs.get(&def.label.name) {
            diags.push(
                Diagnostic::new(
                    "E0101",
                    def.label.span,
                    format!("the footnote `{}` is defined twice", def.label.name),
                )
                .label("second definition")
                .secondary(doc.footnote_defs[first].label.span, "first defined here")
                .help("give each footnote its own name"),
            );
        } else {
            defs.insert(def.label.name.clone(), i);
        }
    }
    let defs_snapshot = doc.footnote_defs.clone();
    let mut def_names: Vec<&str> = defs.keys().map(String::as_str).collect();
    def_names.sort_unstable();
    let mut refs = Refs {
        footnotes,
        defs: &defs,
        def_list: &defs_snapshot,
        def_names,
        numbered: HashMap::new(),
        unknown: 0,
        diags: &mut *diags,
    };
    refs.visit_document(doc);
    let Refs {
        mut footnotes,
        numbered,
        ..
    } = refs;

    for def in &defs_snapshot {
        if !numbered.contains_key(&def.label.name)
            && defs
                .get(&def.label.name)
                .is_some_and(|&i| defs_snapshot[i].span == def.span)
        {
            diags.push(
                Diagnostic::new(
                    "W0104",
                    def.label.span,
                    format!("the footnote `{}` is never referenced", def.label.name),
                )
                .label("unused footnote")
                .help(format!(
                    "reference it with `^{}` where its indicator belongs, or delete it",
                    def.label.name
                )),
            );
        }
    }

    for (i, footnote) in footnotes.iter_mut().enumerate() {
        footnote.ibid = table.is_ibid(&plain_text(&footnote.content));
        if footnote.ibid && i == 0 {
            diags.push(
                Diagnostic::new(
                    "E0105",
                    footnote.span,
                    "this Ibid. footnote has no footnote before it to refer to",
                )
                .label("Ibid. with no preceding footnote")
                .help("cite the source in full in the first footnote"),
            );
        }
    }
    doc.footnotes = footnotes;
}

/// Numbers the footnote references of the text in reading order.
struct Refs<'a> {
    /// The footnotes numbered so far, in print order.
    footnotes: Vec<Footnote>,
    /// Each defined name and the index of its first definition.
    defs: &'a HashMap<String, usize>,
    def_list: &'a [FootnoteDef],
    /// The defined names, sorted, for suggestions.
    def_names: Vec<&'a str>,
    /// The number of each labelled footnote already referenced.
    numbered: HashMap<String, u32>,
    unknown: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl VisitorMut for Refs<'_> {
    /// The masthead's fields in the order they are printed, which is the
    /// order of `Masthead::fields`, whatever order they are written in.
    fn visit_masthead(&mut self, meta: &mut Masthead) {
        for (_, field) in meta.fields_mut() {
            if let Some(field) = field {
                self.visit_field(field);
            }
        }
    }

    /// References inside labelled definitions are not footnotes of the text.
    fn visit_footnote_def(&mut self, _: &mut FootnoteDef) {}

    fn visit_footnote_ref(&mut self, r: &mut FootnoteRef) {
        self.number(r);
        // A footnote inside an inline footnote comes after it.
        walk_footnote_ref(self, r);
    }
}

impl Refs<'_> {
    fn number(&mut self, r: &mut FootnoteRef) {
        if let Some(content) = &r.content {
            let number = self.footnotes.len() as u32 + 1;
            self.footnotes.push(Footnote {
                number,
                label: None,
                content: content.clone(),
                ibid: false,
                span: r.span,
            });
            r.number = Some(number);
            return;
        }
        let Some(label) = &r.label else { return };
        if let Some(&n) = self.numbered.get(&label.name) {
            r.number = Some(n);
            return;
        }
        match self.defs.get(&label.name) {
            Some(&i) => {
                let def = &self.def_list[i];
                let number = self.footnotes.len() as u32 + 1;
                self.footnotes.push(Footnote {
                    number,
                    label: Some(label.name.clone()),
                    content: def.content.clone(),
                    ibid: false,
                    span: def.span,
                });
                self.numbered.insert(label.name.clone(), number);
                r.number = Some(number);
            }
            None => {
                let mut d = Diagnostic::new(
                    "E0103",
                    label.span,
                    format!("no footnote `{}` is defined", label.name),
                )
                .label("undefined footnote");
                self.unknown += 1;
                let near = (self.unknown <= crate::util::MAX_SUGGESTIONS)
                    .then(|| crate::util::closest(&label.name, self.def_names.iter().copied()))
                    .flatten();
                d = match near {
                    Some(name) => d
                        .help(format!("did you mean `{name}`?"))
                        .fix(label.span, name),
                    None => d.help(format!(
                        "define it on a line of its own: `^{}: text of the footnote`",
                        label.name
                    )),
                };
                self.diags.push(d);
            }
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
            .map(|f| crate::lower::plain_text(&f.content))
            .collect();
        assert_eq!(
            numbered,
            ["First, citing .", "one", "Second, citing .", "two"]
        );
    }
}

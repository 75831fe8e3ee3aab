//! Footnote numbering: one sequence through the document, the masthead's
//! footnote first, then in order of first reference.

use std::collections::HashMap;

use crate::ast::{Document, DocumentRef, Footnote, Inline, Span};
use crate::diag::Diagnostic;
use crate::lang::LangTable;
use crate::lower::plain_text;
use crate::walk;

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
    let mut numbered: HashMap<String, u32> = HashMap::new();
    let defs_snapshot = doc.footnote_defs.clone();
    let mut def_names: Vec<&str> = defs.keys().map(String::as_str).collect();
    def_names.sort_unstable();

    // References inside labelled definitions are not footnotes of the text.
    let def_spans: Vec<Span> = defs_snapshot.iter().map(|d| d.span).collect();
    // Definitions are in source order and do not overlap: a binary search
    // keeps this linear-logarithmic for drafts with many footnotes.
    let inside_def = |s: Span| {
        let i = def_spans.partition_point(|d| d.start <= s.start);
        i > 0 && s.end <= def_spans[i - 1].end
    };
    let mut unknown = 0;

    walk::inlines_mut(doc, &mut |node| {
        let Inline::FootnoteRef(r) = node else { return };
        if inside_def(r.span) {
            return;
        }
        if let Some(content) = &r.content {
            let number = footnotes.len() as u32 + 1;
            footnotes.push(Footnote {
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
        if let Some(&n) = numbered.get(&label.name) {
            r.number = Some(n);
            return;
        }
        match defs.get(&label.name) {
            Some(&i) => {
                let def = &defs_snapshot[i];
                let number = footnotes.len() as u32 + 1;
                footnotes.push(Footnote {
                    number,
                    label: Some(label.name.clone()),
                    content: def.content.clone(),
                    ibid: false,
                    span: def.span,
                });
                numbered.insert(label.name.clone(), number);
                r.number = Some(number);
            }
            None => {
                let mut d = Diagnostic::new(
                    "E0103",
                    label.span,
                    format!("no footnote `{}` is defined", label.name),
                )
                .label("undefined footnote");
                unknown += 1;
                let near = (unknown <= crate::util::MAX_SUGGESTIONS)
                    .then(|| crate::util::closest(&label.name, def_names.iter().copied()))
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
                diags.push(d);
            }
        }
    });

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

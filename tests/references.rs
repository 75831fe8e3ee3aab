//! What a cross-reference prints, for every kind of target, in English and
//! in Russian.

use draftdec::ast::CrossRef;
use draftdec::visit::Visitor;

struct Printed(Vec<String>);

impl Visitor for Printed {
    fn visit_cross_ref(&mut self, r: &CrossRef) {
        self.0
            .push(r.target.as_ref().expect("resolved").text.clone());
    }
}

/// The printed texts of every cross-reference, in reading order.
fn references(src: &str) -> Vec<String> {
    let compiled = draftdec::compile(src);
    assert!(!compiled.has_errors(), "{:#?}", compiled.diagnostics);
    let mut printed = Printed(Vec::new());
    printed.visit_document(&compiled.document);
    printed.0
}

const BODY: &str = "\
# <intro> Introduction

## <sub> Background

#. <p1> See @p2, @#p2, @sub, @intro, @op-b, @#op-b-i and @pp.

#. <p2> Text.

::: decision <dec> MC-6/[…]: Title
The Conference of the Parties,

<pp> Recalling its decision MC-5/3,

#. Decides to act;

#. <op> Requests the secretariat:
(a) To act;
(b) <op-b> To report on:
    (i) <op-b-i> Thresholds;
    (ii) Methods.
:::

#. The decision is @dec, in @one.

::: annex <one> Annex text

#. Text.
";

#[test]
fn english() {
    let src = format!("symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n{BODY}");
    assert_eq!(
        references(&src),
        [
            "paragraph 2",
            "2",
            "section I.A",
            "section I",
            "paragraph 2 (b)",
            "2 (b) (i)",
            "preambular paragraph 1",
            "decision MC-6/[…]",
            "the annex",
        ]
    );
}

#[test]
fn russian() {
    let src = format!("symbol: UNEP/MC/COP.6/1\nlanguage: ru\ntitle: T\n\n{BODY}")
        .replace("Recalling its decision", "ссылаясь на решение")
        .replace("Decides to act", "постановляет действовать")
        .replace("Requests the secretariat", "просит секретариат");
    assert_eq!(
        references(&src),
        [
            "пункт 2",
            "2",
            "раздел I.A",
            "раздел I",
            "пункт 2 b)",
            "2 b) i)",
            "пункт 1 преамбулы",
            "решение MC-6/[…]",
            "приложение",
        ]
    );
}

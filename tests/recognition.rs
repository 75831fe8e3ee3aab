//! Symbols are recognised without markup, in every script.

use draftdec::ast::{Block, Inline};

/// The inline content of the first paragraph of a one-paragraph draft.
fn first_paragraph(lang: &str, text: &str) -> Vec<Inline> {
    let src = format!("symbol: UNEP/MC/COP.6/1\nlanguage: {lang}\ntitle: T\n\n#. {text}\n");
    let doc = draftdec::compile(&src).document;
    match &doc.body[0] {
        Block::Paragraph(p) => p.content.clone(),
        other => panic!("not a paragraph: {other:?}"),
    }
}

fn decisions(content: &[Inline]) -> Vec<(String, String)> {
    content
        .iter()
        .filter_map(|n| match n {
            Inline::DecisionRef(r) => Some((r.text.clone(), r.symbol.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn decision_symbols_in_every_script() {
    let c = first_paragraph("ru", "В решениях МК-3/11 и БК\u{2011}17/22.");
    assert_eq!(
        decisions(&c),
        [
            ("МК-3/11".into(), "MC-3/11".into()),
            ("БК\u{2011}17/22".into(), "BC-17/22".into())
        ]
    );
    // Chinese and Arabic write symbols against the surrounding words.
    let c = first_paragraph("zh", "回顾第MC-3/11号决定。");
    assert_eq!(decisions(&c), [("MC-3/11".into(), "MC-3/11".into())]);
    let c = first_paragraph("ar", "وإذ يشير إلى المقررين MC-3/11 وMC-4/9،");
    assert_eq!(
        decisions(&c),
        [
            ("MC-3/11".into(), "MC-3/11".into()),
            ("MC-4/9".into(), "MC-4/9".into())
        ]
    );
}

#[test]
fn document_symbols_stop_before_sentence_punctuation() {
    let c = first_paragraph(
        "en",
        "See UNEP/MC/COP.6/INF/29, annex I, and UNEP/EA.6/Res.3.",
    );
    let symbols: Vec<&str> = c
        .iter()
        .filter_map(|n| match n {
            Inline::DocumentRef(r) => Some(r.symbol.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(symbols, ["UNEP/MC/COP.6/INF/29", "UNEP/EA.6/Res.3"]);
}

#[test]
fn an_at_sign_inside_a_word_is_not_a_reference() {
    let c = first_paragraph("en", "Write to secretariat@un.org for details.");
    assert!(c.iter().all(|n| matches!(n, Inline::Text { .. })), "{c:?}");
}

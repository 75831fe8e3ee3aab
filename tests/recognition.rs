//! Symbols are recognised without markup, in every script.

use draftdec::ast::{Block, DecisionRef, Inline};

/// The inline content of the first paragraph of a one-paragraph draft.
fn first_paragraph(lang: &str, text: &str) -> Vec<Inline> {
    let src = format!("symbol: UNEP/MC/COP.6/1\nlanguage: {lang}\ntitle: T\n\n#. {text}\n");
    let doc = draftdec::compile(&src).document;
    match &doc.body[0] {
        Block::Paragraph(p) => p.content.clone(),
        other => panic!("not a paragraph: {other:?}"),
    }
}

/// The decision symbols of `content`, each as `part` reads it.
fn decision_parts<T>(content: &[Inline], part: impl Fn(&DecisionRef) -> T) -> Vec<T> {
    content
        .iter()
        .filter_map(|n| match n {
            Inline::DecisionRef(r) => Some(part(r)),
            _ => None,
        })
        .collect()
}

fn decisions(content: &[Inline]) -> Vec<(String, String)> {
    decision_parts(content, |r| (r.text.clone(), r.symbol.clone()))
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

fn documents(content: &[Inline]) -> Vec<String> {
    content
        .iter()
        .filter_map(|n| match n {
            Inline::DocumentRef(r) => Some(r.symbol.clone()),
            _ => None,
        })
        .collect()
}

/// Every series of the UN and the UN system is one symbol, whatever follows.
#[test]
fn every_symbol_series_is_one_symbol() {
    let series = [
        "S/RES/2231 (2015)",
        "A/RES/1145 (XII)",
        "EM/RC68/R.1",
        "CE172.R5",
        "WHA77.1",
        "WHA77(1)",
        "EB154.R1",
        "FCCC/CP/2015/L.9/Rev.1",
        "CBD/COP/DEC/16/31",
        "UNEP/EA.6/Res.3",
        "E/2023/L.12",
        "ICCD/COP(15)/CST/1",
        "GC(66)/RES/6",
        "A/77/277-S/2022/606",
        "IDB.51/Dec.3",
    ];
    for symbol in series {
        for lang in ["en", "fr", "ru"] {
            let c = first_paragraph(lang, &format!("See {symbol}, annex; and {symbol}."));
            assert_eq!(documents(&c), [symbol, symbol], "{lang}: {c:?}");
            assert!(decisions(&c).is_empty(), "{lang}: {c:?}");
        }
        let c = first_paragraph("zh", &format!("见{symbol}号文件。"));
        assert_eq!(documents(&c), [symbol], "{c:?}");
        let c = first_paragraph("ar", &format!("انظر {symbol}، المرفق."));
        assert_eq!(documents(&c), [symbol], "{c:?}");
    }
}

/// A change of script ends a symbol: the Arabic conjunction `و` joins two.
#[test]
fn a_change_of_script_ends_a_symbol() {
    let c = first_paragraph("ar", "انظر A/78/123وCorr.1،");
    assert_eq!(documents(&c), ["A/78/123", "Corr.1"]);
    let text: String = c
        .iter()
        .filter_map(|n| match n {
            Inline::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "انظر و،");
    let c = first_paragraph("en", "See A/78/123 and Corr.1 and Add.1/Rev.2.");
    assert_eq!(documents(&c), ["A/78/123", "Corr.1", "Add.1/Rev.2"]);
}

/// Nothing inside a symbol is read as a decision, and words with a slash
/// but no digit are words.
#[test]
fn no_decision_inside_a_symbol() {
    let c = first_paragraph(
        "en",
        "See WHO/MC-3/11 and UNEP/MC/COP.3/MC-3/11, not N/A or EU/EEA.",
    );
    assert_eq!(documents(&c), ["WHO/MC-3/11", "UNEP/MC/COP.3/MC-3/11"]);
    assert!(decisions(&c).is_empty(), "{c:?}");
}

fn fccc(content: &[Inline]) -> Vec<(String, String, Option<u32>, Option<u32>)> {
    decision_parts(content, |r| {
        (r.text.clone(), r.convention.clone(), r.meeting, r.number)
    })
}

/// UNFCCC decisions (`1/CP.21`, `-/CMA.1`): the number (none while it is
/// `-`), the body and the session, in prose, in every script.
#[test]
fn unfccc_decision_numbers() {
    let c = first_paragraph(
        "en",
        "Recalling decisions 1/CP.17, 2/CMP.16 and -/CMA.1, and -/CP.21.",
    );
    assert_eq!(
        fccc(&c),
        [
            ("1/CP.17".into(), "CP".into(), Some(17), Some(1)),
            ("2/CMP.16".into(), "CMP".into(), Some(16), Some(2)),
            ("-/CMA.1".into(), "CMA".into(), Some(1), None),
            ("-/CP.21".into(), "CP".into(), Some(21), None),
        ]
    );
    assert!(documents(&c).is_empty(), "{c:?}");
    // Written against Chinese and Arabic words, as MEA symbols are.
    let text = |r: &DecisionRef| r.text.clone();
    let c = first_paragraph("zh", "回顾第1/CP.21号决定和决定草案 -/CMA.1。");
    assert_eq!(decision_parts(&c, text), ["1/CP.21", "-/CMA.1"]);
    let c = first_paragraph("ar", "وإذ يشير إلى المقرر 1/CP.21،");
    assert_eq!(decision_parts(&c, text), ["1/CP.21"]);
}

/// A UNFCCC number is read only where a word begins and ends: inside a
/// document symbol, after letters, or followed by a further part, it is
/// not a decision.
#[test]
fn no_unfccc_decision_inside_a_symbol_or_a_word() {
    let c = first_paragraph(
        "en",
        "See FCCC/CP/2015/L.9/Rev.1, FCCC/KP/CMP/2012/1 and WHO/1/CP.21, not x1/CP.21, 1/CP21, 1/CP.21a or 1/CPX.2.",
    );
    assert_eq!(
        documents(&c),
        [
            "FCCC/CP/2015/L.9/Rev.1",
            "FCCC/KP/CMP/2012/1",
            "WHO/1/CP.21"
        ]
    );
    assert!(decisions(&c).is_empty(), "{c:?}");
}

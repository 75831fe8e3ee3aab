//! Round trip through LibreOffice: each example's DOCX is converted to PDF
//! headless and the PDF's text must hold the masthead, every paragraph in
//! order and every footnote with its number.
//!
//! Needs `soffice` and `pdftotext`: without them the test is skipped with a
//! message, except under CI, where it fails (`common::Tool::require`). Set
//! `DRAFTDEC_DOCX_KEEP=DIR` to keep the DOCX and PDF files in DIR.

mod common;

use std::path::PathBuf;

use common::LibreOffice;
use draftdec::ast::*;
use draftdec::render::docx;

/// Plain text of inlines as printed, without footnote marks.
fn plain(content: &[Inline]) -> String {
    let mut out = String::new();
    for i in content {
        match i {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                out.push_str(&plain(content))
            }
            Inline::FootnoteRef(_) => out.push(' '),
            Inline::CrossRef(r) => {
                out.push_str(r.target.as_ref().map_or(&r.label.name, |t| &t.text))
            }
            Inline::DecisionRef(r) => out.push_str(&r.text),
            Inline::DocumentRef(r) => out.push_str(&r.symbol),
            Inline::Bracket(b) => out.push_str(&bracket(b)),
            Inline::Alternatives(a) => {
                let options: Vec<String> = a.options.iter().map(bracket).collect();
                out.push_str(&options.join(if a.spaced { " " } else { "" }));
            }
        }
    }
    out
}

/// `[text]`, and its note in parentheses.
fn bracket(b: &Bracket) -> String {
    let note = b
        .note
        .as_ref()
        .map_or(String::new(), |n| format!(" ({})", n.text));
    format!("[{}]{note}", plain(&b.content))
}

/// Opening words and the clause's text, joined as printed.
fn opened(opening: Option<&Opening>, content: &[Inline]) -> String {
    let text = plain(content);
    match opening {
        None => text,
        Some(o) if text.starts_with(|c: char| c.is_whitespace() || ",;:.)]".contains(c)) => {
            format!("{}{text}", o.text)
        }
        Some(o) => format!("{} {text}", o.text),
    }
}

/// The words of the masthead line of `role`, when resolution took them
/// from the language tables (`Distr.: General`, the date in words,
/// `Original: English`).
fn masthead_words(doc: &Document, role: LineRole) -> Option<String> {
    let line = doc.presentation.masthead.iter().find(|l| l.role == role)?;
    match line.pieces.as_slice() {
        [Piece::Words { text }] => Some(text.clone()),
        _ => None,
    }
}

/// Whitespace folded, hyphen look-alikes unified (the PDF text may carry
/// the font's hyphen for U+2011).
fn norm(s: &str) -> String {
    s.replace(['\u{2011}', '\u{00AD}'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `n` words of a text: enough to identify a paragraph, short
/// enough not to cross a footnote mark.
fn head(text: &str, n: usize) -> String {
    let text = norm(text);
    // Chinese has no spaces between words: take characters instead, as
    // many as fit on any line.
    if text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        return text
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(3 * n)
            .collect();
    }
    text.split(' ').take(n).collect::<Vec<_>>().join(" ")
}

/// What must appear, in order: (designation, first words).
fn expected_paragraphs(doc: &Document) -> Vec<(String, String)> {
    fn subs(out: &mut Vec<(String, String)>, s: &[SubParagraph]) {
        for sp in s {
            let d = sp
                .number
                .as_ref()
                .map(|n| n.display.clone())
                .unwrap_or_default();
            out.push((d, head(&plain(&sp.content), 3)));
            subs(out, &sp.children);
        }
    }
    fn preambular(out: &mut Vec<(String, String)>, c: &PreambularClause) {
        out.push((
            String::new(),
            head(&opened(c.opening.as_ref(), &c.content), 3),
        ));
        subs(out, &c.subparagraphs);
    }
    fn operative(out: &mut Vec<(String, String)>, op: &OperativeParagraph) {
        let d = op
            .number
            .as_ref()
            .map(|n| n.display.clone())
            .unwrap_or_default();
        out.push((d, head(&opened(op.opening.as_ref(), &op.content), 3)));
        subs(out, &op.subparagraphs);
    }
    fn blocks(out: &mut Vec<(String, String)>, b: &[Block]) {
        for block in b {
            match block {
                Block::Section(s) => {
                    let d = s
                        .number
                        .as_ref()
                        .map(|n| n.display.clone())
                        .unwrap_or_default();
                    out.push((d, head(&plain(&s.title), 3)));
                    blocks(out, &s.content);
                }
                Block::Paragraph(p) => {
                    let d = p
                        .number
                        .as_ref()
                        .map(|n| n.display.clone())
                        .unwrap_or_default();
                    out.push((d, head(&plain(&p.content), 3)));
                    subs(out, &p.subparagraphs);
                }
                Block::Decision(dec) => {
                    if let Some(f) = &dec.formula {
                        out.push((String::new(), head(&plain(&f.content), 3)));
                    }
                    for item in &dec.preamble {
                        match item {
                            Preambular::Clause(c) => preambular(out, c),
                            Preambular::Options(o) => {
                                for choice in &o.options {
                                    out.push((String::new(), choice.heading.clone()));
                                    choice.content.iter().for_each(|c| preambular(out, c));
                                }
                            }
                        }
                    }
                    for item in &dec.operative {
                        match item {
                            Operative::Paragraph(op) => operative(out, op),
                            Operative::Options(o) => {
                                for choice in &o.options {
                                    out.push((String::new(), choice.heading.clone()));
                                    choice.content.iter().for_each(|op| operative(out, op));
                                }
                            }
                        }
                    }
                }
                Block::Options(o) => {
                    for choice in &o.options {
                        out.push((String::new(), choice.heading.clone()));
                        blocks(out, &choice.content);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&mut out, &doc.body);
    for a in &doc.annexes {
        if let Some(t) = &a.title {
            out.push((String::new(), head(&t.text, 3)));
        }
        blocks(&mut out, &a.content);
    }
    out
}

#[test]
fn libreoffice_renders_every_example_faithfully() {
    let Some(office) = LibreOffice::require() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let outdir = std::env::var_os("DRAFTDEC_DOCX_KEEP")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("out"));
    std::fs::create_dir_all(&outdir).unwrap();

    for (name, doc) in common::compiled_examples() {
        let stem = name.replace('.', "-");
        let docx_path = outdir.join(format!("{stem}.docx"));
        std::fs::write(&docx_path, docx::render(&doc)).unwrap();
        let raw = office.text(&office.pdf(&docx_path), true);
        // pdftotext reorders right-to-left text (and inserts direction
        // marks), so for Arabic only the left-to-right parts are compared
        // here; tests/rtl*.rs check the Arabic parts in the DOCX itself.
        let rtl = doc.language == Lang::Ar;
        // Chinese text has no spaces, and LibreOffice wraps it anywhere:
        // compare it without white space.
        let squash = |s: &str| -> String {
            if doc.language == Lang::Zh {
                s.chars().filter(|c| !c.is_whitespace()).collect()
            } else {
                norm(s)
            }
        };
        let pages: Vec<String> = raw.split('\u{c}').map(squash).collect();
        let text = squash(&raw);
        let head = |t: &str, n: usize| squash(&head(t, n));

        // The masthead, on the first page.
        let m = &doc.meta;
        let first = &pages[0];
        let mut masthead = vec![&m.symbol];
        if !rtl {
            masthead.extend([&m.body, &m.meeting, &m.agenda_title, &m.title, &m.kind]);
        }
        for f in masthead.into_iter().flatten() {
            assert!(
                first.contains(&head(&f.text, 4)),
                "{stem}: masthead lacks {:?}",
                f.text
            );
        }
        // The lines whose words resolution took from the language tables.
        for role in [LineRole::Distribution, LineRole::Date, LineRole::Original] {
            if let Some(words) = masthead_words(&doc, role)
                && !rtl
            {
                assert!(first.contains(&squash(&words)), "{stem}: {role:?}");
            }
        }
        if rtl {
            // The left-to-right symbols survive in order.
            for f in &doc.footnotes {
                for node in &f.content {
                    if let draftdec::ast::Inline::DocumentRef(r) = node {
                        assert!(text.contains(&r.symbol), "{stem}: {} missing", r.symbol);
                    }
                }
            }
            continue;
        }

        // Every paragraph, in order, with its designation right before it.
        let mut at = 0;
        for (designation, words) in expected_paragraphs(&doc) {
            let needle = squash(&format!("{designation} {words}"));
            match text[at..].find(&needle) {
                Some(i) => at += i + needle.len(),
                None => panic!("{stem}: {needle:?} missing or out of order after byte {at}"),
            }
        }

        // Every footnote: its number followed by its text, on some page.
        for f in &doc.footnotes {
            let Some(number) = f.number else { continue };
            let needle = squash(&format!("{number} {}", head(&plain(&f.content), 3)));
            assert!(
                text.contains(&needle),
                "{stem}: footnote {needle:?} missing"
            );
        }
        // The masthead footnote sits at the foot of the first page.
        let masthead_note = doc
            .footnotes
            .iter()
            .find(|f| f.origin == draftdec::ast::FootnoteOrigin::Masthead);
        if let Some(f) = masthead_note {
            let n = f.number.unwrap();
            let needle = squash(&format!("{n} {}", head(&plain(&f.content), 3)));
            assert!(first.contains(&needle), "{stem}: {needle:?} not on page 1");
        }
        // The seed: footnotes 2 and 3 at the foot of the page that holds
        // operative paragraph 1, which references them.
        if stem == "cooperation-ru" {
            let page = pages
                .iter()
                .find(|p| p.contains("1. принимает к сведению"))
                .expect("operative paragraph 1");
            assert!(page.contains("2 UNEP/MC/COP.6/INF/29, приложение I."));
            assert!(page.contains("3 Там же, приложение II."));
        }
        assert!(
            !text.contains("[fn]") && !text.contains("</w:"),
            "{stem}: markup leaked"
        );

        // Later pages carry the symbol in the header with the page number.
        if let Some(symbol) = &m.symbol {
            for (i, page) in pages.iter().enumerate().skip(1) {
                if page.is_empty() {
                    continue;
                }
                assert!(
                    page.starts_with(&squash(&format!("{} {}", symbol.text, i + 1))),
                    "{stem}: page {} header: {:?}",
                    i + 1,
                    &page[..page.len().min(60)]
                );
            }
        }
    }
}

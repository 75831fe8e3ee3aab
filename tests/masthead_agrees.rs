//! The masthead is decided once, in resolution: the HTML page and the Word
//! document of every example print the same lines, word for word.

mod common;

use draftdec::render::html;

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Text without tags; footnote marks (`<sup>…</sup>`) left out.
fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("<sup") {
            let end = rest
                .find("</sup>")
                .map_or(rest.len(), |e| e + "</sup>".len());
            rest = &rest[end..];
        } else {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    unescape(&out)
}

/// The masthead's lines in the page: each `<p>` and `<h1>` of the header.
fn html_lines(page: &str) -> Vec<String> {
    let start = page.find("<header class=\"masthead\">").unwrap();
    let end = start + page[start..].find("</header>").unwrap();
    let header = &page[start..end];
    let mut lines = Vec::new();
    for (open, close) in [("<p", "</p>"), ("<h1", "</h1>")] {
        let mut rest = header;
        while let Some(i) = rest.find(open) {
            let at = rest[i..].find('>').unwrap() + i + 1;
            let end = at + rest[at..].find(close).unwrap();
            lines.push((header.len() - rest.len() + i, strip(&rest[at..end])));
            rest = &rest[end..];
        }
    }
    lines.sort();
    lines.into_iter().map(|(_, l)| l).collect()
}

/// Each paragraph's style and text (`w:t`, no-break hyphens as U+2011).
fn docx_paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:p>").or_else(|| rest.find("<w:p ")) {
        let end = i + rest[i..].find("</w:p>").unwrap_or(rest.len() - i);
        let p = &rest[i..end];
        let style = p
            .find("<w:pStyle w:val=\"")
            .map(|s| {
                let v = &p[s + 17..];
                v[..v.find('"').unwrap()].to_string()
            })
            .unwrap_or_default();
        let mut text = String::new();
        let mut r = p;
        // Whichever comes first: a hyphen between two runs of text is read
        // in its place (`SC-2/3`), not after them.
        while let Some(t) = [r.find("<w:t"), r.find("<w:noBreakHyphen")]
            .into_iter()
            .flatten()
            .min()
        {
            let tag = &r[t..];
            if tag.starts_with("<w:noBreakHyphen") {
                text.push('\u{2011}');
                r = &tag[1..];
                continue;
            }
            // A tab separates the two ends of the top line.
            if tag.starts_with("<w:tab/>") {
                text.push('\t');
                r = &tag[1..];
                continue;
            }
            if tag.starts_with("<w:tab") || !(tag.starts_with("<w:t>") || tag.starts_with("<w:t "))
            {
                r = &tag[1..];
                continue;
            }
            let at = tag.find('>').unwrap() + 1;
            let stop = tag.find("</w:t>").unwrap();
            text.push_str(&unescape(&tag[at..stop]));
            r = &tag[stop..];
        }
        out.push((style, text));
        rest = &rest[end..];
    }
    out
}

const MASTHEAD_STYLES: &[&str] = &[
    "UNMastheadTop",
    "UNOrgan",
    "UNDistribution",
    "UNBody",
    "UNMeeting",
    "UNAgendaTitle",
    "UNTitle",
    "UNKind",
];

#[test]
fn every_example_prints_the_same_masthead_in_html_and_docx() {
    let examples = common::compiled_examples();
    assert!(examples.len() >= 7);
    for (name, doc) in &examples {
        let from_html = html_lines(&html::render(doc));
        let from_docx: Vec<String> = docx_paragraphs(&common::docx_parts(doc)["word/document.xml"])
            .into_iter()
            .take_while(|(style, _)| {
                MASTHEAD_STYLES.contains(&style.as_str()) || style == "UNMastheadRule"
            })
            .filter(|(style, _)| style != "UNMastheadRule")
            .flat_map(|(style, text)| match style.as_str() {
                "UNMastheadTop" => text.split('\t').map(str::to_string).collect(),
                _ => vec![text],
            })
            .collect();
        assert_eq!(from_html, from_docx, "{name}");
        // The closing lines of an adopted text: the same in both, after
        // the body.
        let page = html::render(doc);
        let html_closing: Vec<String> = match page.find("<div class=\"closing\">") {
            Some(i) => {
                let block = &page[i..i + page[i..].find("</div>").unwrap()];
                block
                    .split("<p>")
                    .skip(1)
                    .map(|p| strip(&p[..p.find("</p>").unwrap()]))
                    .collect()
            }
            None => Vec::new(),
        };
        let closing: Vec<String> = doc
            .presentation
            .closing
            .iter()
            .map(|l| {
                l.pieces
                    .iter()
                    .map(|p| match p {
                        draftdec::ast::Piece::Words { text } => text.clone(),
                        _ => String::new(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(html_closing, closing, "{name}");
        let docx_texts: Vec<String> =
            docx_paragraphs(&common::docx_parts(doc)["word/document.xml"])
                .into_iter()
                .map(|(_, t)| t)
                .collect();
        for line in &closing {
            assert!(docx_texts.contains(line), "{name}: {line}");
        }
        // And they are the lines resolution decided.
        assert_eq!(from_html.len(), doc.presentation.masthead.len(), "{name}");
    }
}

#[test]
fn french_and_spanish_mastheads_are_in_their_own_language() {
    for (file, lines) in [
        (
            "cooperation.fr.draft",
            [
                "Distr. générale",
                "20 août 2025",
                "Français",
                "Original\u{A0}: anglais",
            ],
        ),
        (
            "cooperation.es.draft",
            [
                "Distr. general",
                "20 de agosto de 2025",
                "Español",
                "Original: inglés",
            ],
        ),
        (
            "cooperation.ru.draft",
            [
                "Distr.: General",
                "20 August 2025",
                "Russian",
                "Original: English",
            ],
        ),
    ] {
        let page = html::render(&common::compile_file(format!("examples/{file}")));
        let got = html_lines(&page);
        assert_eq!(&got[3..7], &lines, "{file}");
    }
}

/// The line over the masthead names the United Nations, or the agency of a
/// house style that has its own, in the document's language; the line
/// under it the organ, or the programme the symbol's series names.
#[test]
fn the_agency_and_organ_lines_follow_the_house_style_and_the_symbol() {
    for (file, agency, organ) in [
        (
            "cooperation.en.draft",
            "United Nations",
            Some("United Nations Environment Programme"),
        ),
        (
            "cooperation.fr.draft",
            "Nations Unies",
            Some("Programme des Nations Unies pour l'environnement"),
        ),
        ("cooperation.zh.draft", "联合国", Some("联合国环境规划署")),
        (
            "resolution-ga.en.draft",
            "United Nations",
            Some("General Assembly"),
        ),
        (
            "resolution-sc.en.draft",
            "United Nations",
            Some("Security Council"),
        ),
        ("resolution-who.en.draft", "World Health Organization", None),
    ] {
        let page = html::render(&common::compile_file(format!("examples/{file}")));
        let got = html_lines(&page);
        assert_eq!(got[0], agency, "{file}");
        let organ_line = page
            .find("<p class=\"mh-organ\">")
            .map(|i| strip(&page[i..i + page[i..].find("</p>").unwrap()]));
        assert_eq!(organ_line.as_deref(), organ, "{file}");
    }
}

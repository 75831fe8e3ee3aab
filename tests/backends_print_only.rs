//! Backends print what resolution decided: no language branch and no word
//! of their own. Every string literal of `src/render` (outside its unit
//! tests) is read; one that is not markup must be a technical name listed
//! here. A new word to print belongs in `src/lang` and the presentation
//! layer, not in this list.

use std::path::{Path, PathBuf};

/// Technical names the backends write: style ids and names, HTML classes and
/// attributes, XML names, and messages that never reach a document.
const TECHNICAL: &[&str] = &[
    // Word's built-in style ids and names.
    "Normal",
    "DefaultParagraphFont",
    "Default Paragraph Font",
    "FootnoteReference",
    "FootnoteText",
    "footnote reference",
    "footnote text",
    // OOXML values.
    "auto",
    "cs",
    "separator",
    "continuationSeparator",
    "eastAsia",
    "left",
    "right",
    "paragraph",
    "character",
    // HTML values.
    "ltr",
    "rtl",
    "page.css",
    // The redline's elements and classes.
    "ins",
    "del",
    " moved",
    " deleted",
    "redline.css",
    "body { font-family: ",
    "em, em.opening { font-style: normal; font-family: ",
    // Akoma Ntoso: the agent that marks the document up, and the naming
    // convention's component for "no number".
    "draftdec",
    "nn",
    // Build metadata and JSON Schema text.
    "CARGO_PKG_VERSION",
    "draftdec ",
    "draftdec document",
    "const",
    "A draft decision compiled by draftdec: the resolved document with its format version.",
    // Messages of `expect`, for bugs only.
    "the AST serialises to JSON",
    "a schema serialises to JSON",
];

/// Patterns that would branch on a language.
const BRANCHES: &[&str] = &[".language ==", ".language !=", "match doc.language"];

/// Whether `code` names the language enum itself (`Lang`, not `LangTable`).
fn names_lang(code: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices("Lang").any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + 4..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its unit tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The string literals of Rust code, comments and character literals
/// skipped; raw strings included.
fn literals(code: &str) -> Vec<String> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'#') || b.get(i + 1) == Some(&b'"'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut hashes = 0;
                let mut j = i + 1;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let start = j + 1;
                let end = start + code[start..].find(&close).unwrap();
                out.push(code[start..end].to_string());
                i = end + close.len();
            }
            b'\'' => {
                // A character literal ('"', '\'') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'"' => {
                let mut j = i + 1;
                let mut s = String::new();
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' {
                        s.push('\\');
                        j += 1;
                    }
                    s.push(b[j] as char);
                    j += 1;
                }
                out.push(code[i + 1..j].to_string());
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Markup, ids and names that no reader sees as words.
fn is_markup(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters < 2
        || s.contains('<')
        || s.contains('>')
        || s.contains('{') && !s.contains(' ')
        || s.starts_with("w:")
        || s.starts_with("w14:")
        || s.starts_with("xmlns:")
        || s.starts_with(" id=")
        || s.ends_with(".xml")
        || s.ends_with(".rels")
        || s.starts_with("mh-")
        || s.starts_with("UN")
        || s.starts_with(" dir=")
        || s.starts_with(" lang=")
        || s.starts_with(" eId=")
        || s.starts_with(" xml:lang=")
        || s.starts_with('&')
        || s.starts_with("\\u{")
        || s.starts_with("http")
        || s.starts_with("application/vnd.")
        || s.starts_with("; }")
}

#[test]
fn backends_hold_no_words_and_no_language_branch() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    let mut found = Vec::new();
    for path in &files {
        let code = code(path);
        for pattern in BRANCHES {
            if code.contains(pattern) {
                found.push(format!("{}: language branch `{pattern}`", path.display()));
            }
        }
        if names_lang(&code) {
            found.push(format!("{}: names the `Lang` enum", path.display()));
        }
        for lit in literals(&code) {
            if !is_markup(&lit) && !TECHNICAL.contains(&lit.as_str()) {
                found.push(format!("{}: {lit:?}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words or language branches in a backend (put words in src/lang and the \
         presentation layer):\n{}",
        found.join("\n")
    );
}

/// The checker must notice a word and a branch.
#[test]
fn the_checker_sees_words_and_branches() {
    let code = r##"fn f() { push("Annex "); if d == Lang::En { push(r#"<p>"#) } }"##;
    let words: Vec<String> = literals(code)
        .into_iter()
        .filter(|l| !is_markup(l))
        .collect();
    assert_eq!(words, ["Annex "]);
    assert!(names_lang(code));
    assert!(!names_lang("use crate::lang::LangTable;"));
    assert!(
        BRANCHES
            .iter()
            .any(|p| "if doc.language == x {}".contains(p))
    );
}

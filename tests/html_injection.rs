//! Every text position of a document receives HTML/JS attack strings; the
//! page's markup must be exactly the markup of the same document filled with
//! harmless tokens, and every attack string must come back, decoded, as text.

mod common;

use common::html_fixture::{self, CORPUS};
use draftdec::ast::Lang;
use draftdec::render::html;

/// The harmless filler of the `n`th text position (1-based); brackets keep
/// `[x1]` from matching inside `[x12]`.
fn token(n: usize) -> String {
    format!("[x{n}]")
}

/// Everything a reader or a browser gets from the page as data: decoded text
/// and attribute values.
fn visible(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        match t {
            Token::Start(_, attrs) => {
                for (_, v) in attrs {
                    out.push_str(v);
                    out.push('\n');
                }
            }
            Token::Text(s) => out.push_str(s),
            _ => {}
        }
    }
    out
}

/// The page filled with attack strings, and the same page filled with
/// harmless tokens, plus the strings used, in order.
fn pages(lang: Lang) -> (String, String, Vec<String>) {
    let mut used = Vec::new();
    let mut i = 0usize;
    let doc = html_fixture::document(lang, &mut |_| {
        // A unique suffix keeps ids unique, so the renderer's treatment of
        // repeated ids cannot make the two pages differ.
        let s = format!("{}#{i}#", CORPUS[i % CORPUS.len()]);
        i += 1;
        used.push(s.clone());
        s
    });
    let mut j = 0usize;
    let benign = html_fixture::document(lang, &mut |_| {
        j += 1;
        token(j)
    });
    assert_eq!(i, j, "both fills visit the same positions");
    assert!(
        i >= 2 * CORPUS.len(),
        "every string reaches several positions"
    );
    (html::render(&doc), html::render(&benign), used)
}

#[derive(Debug, PartialEq)]
enum Token {
    Doctype,
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

/// Decodes the references the renderer writes, and fails on any other `&`
/// sequence: a raw `&` in output would mean something went unescaped.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (entity, ch) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e))
        .unwrap_or_else(|| {
            panic!(
                "raw or unknown character reference at {:?}",
                &rest[..rest.len().min(20)]
            )
        });
        out.push(ch);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    out
}

/// A tokenizer following the HTML rules that matter here: tags, quoted
/// attribute values, comments, and the raw text of `<style>`/`<script>`.
fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(b.len(), |k| i + k);
            tokens.push(Token::Text(decode(&html[i..end])));
            i = end;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            panic!("comment in output at byte {i}");
        }
        if rest.starts_with("<!DOCTYPE html>") {
            tokens.push(Token::Doctype);
            i += "<!DOCTYPE html>".len();
            continue;
        }
        let end_tag = rest.starts_with("</");
        let mut k = i + if end_tag { 2 } else { 1 };
        let name_start = k;
        while k < b.len() && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let name = html[name_start..k].to_ascii_lowercase();
        assert!(!name.is_empty(), "a bare '<' in output at byte {i}");
        let mut attrs = Vec::new();
        loop {
            while b[k].is_ascii_whitespace() {
                k += 1;
            }
            if b[k] == b'>' {
                k += 1;
                break;
            }
            let a0 = k;
            while !b[k].is_ascii_whitespace() && b[k] != b'=' && b[k] != b'>' {
                k += 1;
            }
            let aname = html[a0..k].to_ascii_lowercase();
            let mut value = String::new();
            if b[k] == b'=' {
                let q = b[k + 1];
                assert!(q == b'"', "unquoted attribute {aname} at byte {k}");
                let v0 = k + 2;
                let v1 = v0 + html[v0..].find('"').expect("closing quote");
                value = decode(&html[v0..v1]);
                k = v1 + 1;
            }
            attrs.push((aname, value));
        }
        i = k;
        if end_tag {
            tokens.push(Token::End(name));
        } else {
            let raw = name == "style" || name == "script";
            tokens.push(Token::Start(name.clone(), attrs));
            if raw {
                let close = format!("</{name}");
                let at = html[i..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .expect("raw text element is closed");
                tokens.push(Token::Text(html[i..i + at].to_string()));
                i += at;
            }
        }
    }
    tokens
}

/// Tag names and attribute names, without values or text.
fn skeleton(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .filter_map(|t| match t {
            Token::Doctype => Some("!doctype".to_string()),
            Token::Start(n, a) => Some(format!(
                "<{n} {}>",
                a.iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            Token::End(n) => Some(format!("</{n}>")),
            Token::Text(_) => None,
        })
        .collect()
}

const ALLOWED_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "div",
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "li", "span", "em", "strong", "sup", "a",
];

fn check(lang: Lang) {
    let (attacked, benign, used) = pages(lang);
    let tokens = tokenize(&attacked);
    assert_eq!(
        skeleton(&tokens),
        skeleton(&tokenize(&benign)),
        "attack strings changed the markup"
    );

    const ALLOWED_ATTRS: &[&str] = &[
        "id",
        "class",
        "href",
        "lang",
        "dir",
        "role",
        "translate",
        "charset",
        "name",
        "content",
    ];
    for t in &tokens {
        if let Token::Start(name, attrs) = t {
            assert!(ALLOWED_TAGS.contains(&name.as_str()), "tag <{name}>");
            for (k, v) in attrs {
                assert!(ALLOWED_ATTRS.contains(&k.as_str()), "attribute {k}");
                if k == "href" {
                    assert!(v.starts_with('#'), "a link leaves the page: {v}");
                }
            }
        }
    }
    // Nothing the drafter wrote was swallowed: every position the page prints
    // (found with the harmless fill) reads back intact, and the positions it
    // does not print (the language code, labels …) stay out in both fills.
    // NUL is the one character a browser would replace anyway.
    let seen = visible(&tokens);
    let seen_benign = visible(&tokenize(&benign));
    let mut printed = 0;
    for (n, s) in used.iter().enumerate() {
        let expect = s.replace('\0', "\u{FFFD}");
        if seen_benign.contains(&token(n + 1)) {
            printed += 1;
            // Decision symbols print their hyphens as no-break hyphens
            // (U+2011), whichever hyphen was typed.
            let symbol = expect.replace(['-', '\u{2010}'], "\u{2011}");
            assert!(
                seen.contains(&expect) || seen.contains(&symbol),
                "missing from page: {expect:?}"
            );
        } else {
            assert!(
                !seen.contains(&expect),
                "printed in one fill only: {expect:?}"
            );
        }
    }
    // The rest are codes, labels, bare designations and the like, which the
    // page shows in another form or not at all.
    assert!(
        printed * 5 >= used.len() * 3,
        "{printed} of {} printed",
        used.len()
    );

    let lower = attacked.to_ascii_lowercase();
    assert_eq!(lower.matches("<script").count(), 0);
    assert_eq!(lower.matches("</style").count(), 1);
    assert_eq!(lower.matches("<style").count(), 1);
    assert!(!lower.contains("<img") && !lower.contains("<svg") && !lower.contains("<iframe"));
}

#[test]
fn attack_strings_never_become_markup_en() {
    check(Lang::En);
}

#[test]
fn attack_strings_never_become_markup_ru() {
    check(Lang::Ru);
}

/// The checker itself must catch a leak: feed it a page with one unescaped
/// string and it has to notice.
#[test]
fn the_checker_catches_an_unescaped_string() {
    let (_, benign, _) = pages(Lang::En);
    // The first of the fixture's strings that is text in an element.
    let text = (1..)
        .map(|n| format!("{}<", token(n)))
        .find(|t| benign.contains(t.as_str()))
        .unwrap();
    let leaked = benign.replacen(&text, "<img src=\"x\" onerror=\"alert(1)\"><", 1);
    assert_ne!(leaked, benign);
    assert_ne!(skeleton(&tokenize(&leaked)), skeleton(&tokenize(&benign)));
}

/// A random mix of corpus fragments in every position, a few hundred times.
#[test]
fn mixed_fragments_never_become_markup() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..200 {
        let mut j = 0usize;
        let doc = html_fixture::document(Lang::Ru, &mut |_| {
            j += 1;
            let mut s = String::new();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(CORPUS[(seed % CORPUS.len() as u64) as usize]);
            }
            format!("{s}#{j}")
        });
        let mut k = 0usize;
        let benign = html_fixture::document(Lang::Ru, &mut |_| {
            k += 1;
            token(k)
        });
        assert_eq!(
            skeleton(&tokenize(&html::render(&doc))),
            skeleton(&tokenize(&html::render(&benign)))
        );
    }
}

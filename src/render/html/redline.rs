//! The redline (`draftdec diff --to html`): the new revision as a page,
//! with what was deleted struck through (`<del>`) and what was inserted
//! underlined (`<ins>`), each change named in words from the language
//! tables for a screen reader.

use super::esc_into;
use crate::ast::Document;
use crate::diff::{Diff, Step, Unit, Words};

/// The redline of `diff`, whose new revision is `new`.
pub fn render(diff: &Diff, new: &Document) -> String {
    let table = new.language.table();
    let words = &table.redline;
    let mut out = String::new();
    let lang = table.typography.locale;
    let dir = if table.rtl { "rtl" } else { "ltr" };
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
    ));
    esc_into(&mut out, words.title);
    out.push_str(": ");
    esc_into(&mut out, &new.presentation.page_title);
    out.push_str("</title>\n<style>\n");
    out.push_str(include_str!("redline.css"));
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    esc_into(&mut out, &new.presentation.page_title);
    out.push_str("</h1>\n");
    let mark = |out: &mut String, tag: &str, label: &str, text: &str| {
        out.push_str(&format!("<{tag} data-label=\""));
        esc_into(out, label);
        out.push_str("\">");
        esc_into(out, text);
        out.push_str(&format!("</{tag}>"));
    };
    for step in &diff.steps {
        let (unit, class) = match *step {
            Step::Same { new, .. } | Step::Replace { new, .. } | Step::Insert { new } => {
                (&diff.new[new], "")
            }
            Step::MovedHere { new, .. } => (&diff.new[new], " moved"),
            Step::Delete { old } | Step::MovedAway { old, .. } => (&diff.old[old], " deleted"),
        };
        open(&mut out, unit, class);
        match *step {
            Step::Same { new, .. } => esc_into(&mut out, &diff.new[new].text),
            Step::Replace { ref words, .. } => {
                for w in words {
                    match w {
                        Words::Same(t) => esc_into(&mut out, t),
                        Words::Insert(t) => mark(&mut out, "ins", table.redline.inserted, t),
                        Words::Delete(t) => mark(&mut out, "del", table.redline.deleted, t),
                    }
                }
            }
            Step::Insert { new } => mark(&mut out, "ins", words.inserted, &diff.new[new].text),
            Step::Delete { old } => mark(&mut out, "del", words.deleted, &diff.old[old].text),
            Step::MovedAway { old, new } => {
                mark(&mut out, "del", words.deleted, &diff.old[old].text);
                note(&mut out, words.moved_to, &diff.new[new]);
            }
            Step::MovedHere { old, new } => {
                mark(&mut out, "ins", words.inserted, &diff.new[new].text);
                note(&mut out, words.moved_from, &diff.old[old]);
            }
        }
        out.push_str("</p>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A unit's paragraph and its designation as printed.
fn open(out: &mut String, unit: &Unit, class: &str) {
    out.push_str(&format!("<p class=\"unit level-{}{class}\">", unit.level));
    if !unit.display.is_empty() {
        out.push_str("<span class=\"num\">");
        esc_into(out, &unit.display);
        out.push_str("</span> ");
    }
}

/// Where a moved unit went or came from (`moved to 2.`).
fn note(out: &mut String, words: &str, other: &Unit) {
    out.push_str(" <span class=\"move\">(");
    esc_into(out, words);
    if !other.display.is_empty() {
        out.push(' ');
        esc_into(out, &other.display);
    }
    out.push_str(")</span>");
}

//! Completion: labels after `@` (and `@#`), named footnotes after `^`,
//! metadata keys in the masthead, and the opening words of the document's
//! language at the start of a clause in a decision.

use draftdec::ast::{FieldKey, FootnoteOrigin, Span, plain_text};
use lsp_types::{CompletionItem, CompletionItemKind};
use unicode_normalization::char::is_combining_mark;

use super::analysis::{Analysis, first_words};
use super::features::{item, line_start};

fn is_label_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || is_combining_mark(c)
}

pub(crate) fn complete(a: &Analysis, offset: usize) -> Vec<CompletionItem> {
    let start = line_start(a, offset);
    let Some(prefix) = a.text.get(start..offset) else {
        return Vec::new();
    };
    let word_len: usize = prefix
        .chars()
        .rev()
        .take_while(|&c| is_label_char(c))
        .map(char::len_utf8)
        .sum();
    let word = Span::new(offset - word_len, offset);
    let before = &prefix[..prefix.len() - word_len];
    if before.ends_with('@') || before.ends_with("@#") {
        return labels(a, word);
    }
    if before.ends_with('^') {
        return footnotes(a, word);
    }
    if before.trim().is_empty() && masthead_before(a, start).is_some() {
        return keys(a, word, start);
    }
    openings(a, start, prefix, offset)
}

fn labels(a: &Analysis, word: Span) -> Vec<CompletionItem> {
    a.index
        .labels
        .iter()
        .map(|def| {
            let printed = a.index.printed(def).unwrap_or(&def.what).to_string();
            let name = &def.label.name;
            let doc = Some(format!("{} — {}", def.what, def.first_words));
            item(
                a,
                word,
                name,
                name.clone(),
                CompletionItemKind::REFERENCE,
                printed,
                doc,
            )
        })
        .collect()
}

fn footnotes(a: &Analysis, word: Span) -> Vec<CompletionItem> {
    a.document()
        .footnotes
        .iter()
        .filter(|f| f.origin == FootnoteOrigin::Named)
        .filter_map(|f| {
            let name = &f.label.as_ref()?.name;
            let detail = f
                .number
                .map_or("footnote, not yet referenced".to_string(), |n| {
                    format!("footnote {n}")
                });
            let doc = Some(first_words(&plain_text(&f.content)));
            Some(item(
                a,
                word,
                name,
                name.clone(),
                CompletionItemKind::REFERENCE,
                detail,
                doc,
            ))
        })
        .collect()
}

/// The lines of the metadata block before `line`, if `line` is in it:
/// the block is the first run of lines that are not blank, after the
/// comments and blank lines that may open the file. Read from the text,
/// so that keys are offered while the block does not parse yet.
fn masthead_before(a: &Analysis, line: usize) -> Option<Vec<&str>> {
    let mut lines = a.text[..line].lines().skip_while(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with("//")
    });
    let block: Vec<&str> = lines.by_ref().collect();
    (!block.iter().any(|l| l.trim().is_empty())).then_some(block)
}

/// The keys not yet set in the block, in canonical order.
fn keys(a: &Analysis, word: Span, line: usize) -> Vec<CompletionItem> {
    let Some(block) = masthead_before(a, line) else {
        return Vec::new();
    };
    let after = a.text[line..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty());
    let set: Vec<&str> = block
        .into_iter()
        .chain(after)
        .filter_map(|l| l.split_once(':').map(|(key, _)| key.trim()))
        .collect();
    FieldKey::ALL
        .into_iter()
        .filter(|key| !set.contains(&key.name()))
        .map(|key| {
            let name = key.name();
            let detail = "metadata key".to_string();
            item(
                a,
                word,
                name,
                format!("{name}: "),
                CompletionItemKind::PROPERTY,
                detail,
                None,
            )
        })
        .collect()
}

/// Opening words, where a clause starts in a decision: after a number
/// (`#.`, `3.`) an operative paragraph's, on a line after a blank one a
/// preambular clause's; a label may come first. What is typed so far
/// (letters and spaces) is replaced.
fn openings(a: &Analysis, line: usize, prefix: &str, offset: usize) -> Vec<CompletionItem> {
    if !a
        .index
        .decisions
        .iter()
        .any(|d| d.start < line && offset <= d.end)
    {
        return Vec::new();
    }
    let mut rest = prefix.trim_start();
    let numbered = ["#.", "#"]
        .iter()
        .find_map(|m| rest.strip_prefix(m).filter(|r| r.starts_with(' ')))
        .or_else(|| {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            rest[digits..]
                .strip_prefix('.')
                .filter(|r| digits > 0 && r.starts_with(' '))
        });
    let preambular = numbered.is_none();
    if let Some(after) = numbered {
        rest = after.trim_start();
    } else if !a.text[..line]
        .trim_end_matches([' ', '\t'])
        .ends_with("\n\n")
    {
        return Vec::new();
    }
    if let Some(after) = rest.strip_prefix('<').and_then(|r| r.split_once('>')) {
        rest = after.1.trim_start();
    }
    let typed_ok = rest.chars().count() <= 40
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || is_combining_mark(c));
    if !typed_ok {
        return Vec::new();
    }
    let lang = a.document().language;
    let lexicon = draftdec::lexicon(lang);
    let (list, kind) = if preambular {
        (lexicon.preambular, "preambular")
    } else {
        (lexicon.operative, "operative")
    };
    let typed = Span::new(offset - rest.len(), offset);
    list.iter()
        .map(|entry| {
            let detail = format!("{kind} opening words ({})", lang.code());
            item(
                a,
                typed,
                entry,
                entry.to_string(),
                CompletionItemKind::KEYWORD,
                detail,
                None,
            )
        })
        .collect()
}

//! Language versions checked against each other. All versions of a UN
//! document share the symbol and the structure: the same sections,
//! paragraphs, clauses, sub-paragraphs and footnotes, the same labels and
//! the same references to decisions and documents.
//!
//! Each version is flattened into a sequence of structural items; the
//! sequences are aligned (a weighted longest common subsequence: items of
//! the same kind match, and match better when their symbols, the numbers in
//! their text and their relative length agree), and what does not align is
//! reported in both files.

use crate::ast::{
    Annex, Decision, DecisionRef, Document, DocumentRef, Footnote, FootnoteRef, Formula, Inline,
    Label, OperativeParagraph, Paragraph, PreambularClause, Section, Span, SubParagraph,
};
use crate::diag::{Applicability, Code, Diagnostic};
use crate::visit::{
    Visitor, walk_annex, walk_decision, walk_operative_paragraph, walk_paragraph,
    walk_preambular_clause, walk_section, walk_subparagraph,
};

/// One language version: its file name, its source and its resolved document.
pub struct Version<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub document: &'a Document,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Section,
    Subsection,
    Paragraph,
    Unnumbered,
    Decision,
    Formula,
    Preambular,
    Operative,
    Subparagraph(u8),
    Annex,
    Footnote,
}

#[derive(Debug)]
struct Item {
    kind: Kind,
    /// "paragraph 4", "operative paragraph 2 (a)" (English: the tool's own words).
    name: String,
    span: Span,
    label: Option<String>,
    /// Decision and document symbols, normalised, in order.
    symbols: Vec<String>,
    /// Numbers written in the text (years, amounts): they survive translation.
    numbers: Vec<String>,
    /// Length of the text in characters.
    len: usize,
}

/// Compares every version with the first. Returns, for each finding, the
/// index of the version it is reported in and the diagnostic.
pub fn compare(versions: &[Version<'_>]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    let Some(first) = versions.first() else {
        return out;
    };
    let base = items(first.document);
    for (vi, other) in versions.iter().enumerate().skip(1) {
        metadata(first, other, vi, &mut out);
        let theirs = items(other.document);
        align_and_report(first, &base, other, &theirs, vi, &mut out);
    }
    out
}

fn metadata(a: &Version<'_>, b: &Version<'_>, bi: usize, out: &mut Vec<(usize, Diagnostic)>) {
    let (sa, sb) = (&a.document.meta.symbol, &b.document.meta.symbol);
    if let (Some(sa), Some(sb)) = (sa, sb)
        && sa.text != sb.text
    {
        out.push((
            bi,
            Diagnostic::new(
                Code::E0302,
                sb.span,
                format!("the symbol differs from {}'s `{}`", a.name, sa.text),
            )
            .label("symbol of this version")
            .help(format!(
                "every language version carries the same symbol as {} ({})",
                a.name,
                at(a, sa.span)
            ))
            .fix(sb.span, sa.text.clone(), Applicability::NeedsReview),
        ));
    }
    if a.document.language == b.document.language
        && let Some(field) = &b.document.meta.language
    {
        out.push((
            bi,
            Diagnostic::new(
                Code::E0303,
                field.span,
                format!("{} is in the same language", a.name),
            )
            .label("same language as the first version")
            .help("each version of a set is in a different language"),
        ));
    }
}

fn align_and_report(
    a: &Version<'_>,
    xs: &[Item],
    b: &Version<'_>,
    ys: &[Item],
    bi: usize,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let pairs = align(xs, ys);
    let (mut i, mut j) = (0, 0);
    let mut matched = pairs.iter().peekable();
    while i < xs.len() || j < ys.len() {
        match matched.peek() {
            Some(&&(pi, pj)) if pi == i && pj == j => {
                compare_pair(a, &xs[i], b, &ys[j], bi, out);
                matched.next();
                i += 1;
                j += 1;
            }
            next => {
                let (stop_i, stop_j) = next.map_or((xs.len(), ys.len()), |&&(pi, pj)| (pi, pj));
                if i < stop_i {
                    missing(a, &xs[i], b, ys, j, bi, out);
                    i += 1;
                } else if j < stop_j {
                    extra(a, b, &ys[j], bi, out);
                    j += 1;
                }
            }
        }
    }
}

/// An item of the first version with no counterpart in `b`: reported in the
/// first version (index 0) and in `b`, where it should be.
fn missing(
    a: &Version<'_>,
    x: &Item,
    b: &Version<'_>,
    ys: &[Item],
    j: usize,
    bi: usize,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    out.push((
        0,
        Diagnostic::new(
            Code::E0304,
            lead(a.source, x.span),
            format!("{} has no counterpart in {}", x.name, b.name),
        )
        .label(format!("missing from {}", b.name))
        .help(format!(
            "every language version has the same structure; add the {} to {}",
            kind_word(x.kind),
            b.name
        )),
    ));
    let (span, place) = match j.checked_sub(1).map(|k| &ys[k]) {
        Some(prev) => (prev.span, format!("after this {}", kind_word(prev.kind))),
        None => (Span::new(0, 0), "here".to_string()),
    };
    out.push((
        bi,
        Diagnostic::new(
            Code::E0304,
            lead(b.source, span),
            format!("{} lacks {} of {}", b.name, x.name, a.name),
        )
        .label(format!("{} expected {place}", x.name))
        .help(format!("{} has it at {}", a.name, at(a, x.span))),
    ));
}

fn extra(
    a: &Version<'_>,
    b: &Version<'_>,
    y: &Item,
    bi: usize,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    out.push((
        bi,
        Diagnostic::new(
            Code::E0305,
            lead(b.source, y.span),
            format!("{} has no counterpart in {}", y.name, a.name),
        )
        .label(format!("not in {}", a.name))
        .help(format!(
            "every language version has the same structure; remove it or add it to {}",
            a.name
        )),
    ));
}

fn compare_pair(
    a: &Version<'_>,
    x: &Item,
    b: &Version<'_>,
    y: &Item,
    bi: usize,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    if x.label != y.label {
        let said = |l: &Option<String>| {
            l.as_ref()
                .map_or("no label".to_string(), |l| format!("the label `{l}`"))
        };
        out.push((
            bi,
            Diagnostic::new(
                Code::E0306,
                lead(b.source, y.span),
                format!(
                    "{} has {} here but {} in {}",
                    y.name,
                    said(&y.label),
                    said(&x.label),
                    a.name
                ),
            )
            .label("label differs")
            .help(format!(
                "labels are shared by all versions; see {}",
                at(a, x.span)
            )),
        ));
    }
    if x.symbols != y.symbols {
        let list = |s: &[String]| {
            if s.is_empty() {
                "none".to_string()
            } else {
                s.join(", ")
            }
        };
        out.push((
            bi,
            Diagnostic::new(
                Code::E0307,
                lead(b.source, y.span),
                format!(
                    "{} cites {} here but {} in {}",
                    y.name,
                    list(&y.symbols),
                    list(&x.symbols),
                    a.name
                ),
            )
            .label("references differ")
            .help(format!(
                "decision and document symbols are the same in every version; see {}",
                at(a, x.span)
            )),
        ));
    }
}

/// Weighted LCS: the matched index pairs, in order.
fn align(xs: &[Item], ys: &[Item]) -> Vec<(usize, usize)> {
    let mean = |items: &[Item]| {
        items.iter().map(|i| i.len).sum::<usize>().max(1) as f64 / items.len().max(1) as f64
    };
    let (ma, mb) = (mean(xs), mean(ys));
    let score = |x: &Item, y: &Item| -> Option<f64> {
        if x.kind != y.kind {
            return None;
        }
        let rel = |l: usize, mean: f64| l as f64 / mean;
        let (la, lb) = (rel(x.len, ma), rel(y.len, mb));
        let length = 1.0 - ((la - lb).abs() / la.max(lb).max(1e-9)).min(1.0);
        let label = if x.label == y.label { 1.0 } else { 0.0 };
        Some(
            2.0 + jaccard(&x.symbols, &y.symbols)
                + jaccard(&x.numbers, &y.numbers)
                + length
                + label,
        )
    };
    align_by(xs, ys, score)
}

/// Weighted LCS of two sequences under `score` (`None`: the two never
/// match): the matched index pairs, in order. `diff` aligns revisions with
/// it too.
pub(crate) fn align_by<T>(
    xs: &[T],
    ys: &[T],
    score: impl Fn(&T, &T) -> Option<f64>,
) -> Vec<(usize, usize)> {
    let (n, m) = (xs.len(), ys.len());
    // dp[i * (m + 1) + j]: best score aligning xs[i..] with ys[j..].
    let w = m + 1;
    let mut dp = vec![0.0f64; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut best = dp[(i + 1) * w + j].max(dp[i * w + j + 1]);
            if let Some(s) = score(&xs[i], &ys[j]) {
                best = best.max(s + dp[(i + 1) * w + j + 1]);
            }
            dp[i * w + j] = best;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if let Some(s) = score(&xs[i], &ys[j])
            && (dp[i * w + j] - (s + dp[(i + 1) * w + j + 1])).abs() < 1e-9
        {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if (dp[i * w + j] - dp[(i + 1) * w + j]).abs() < 1e-9 {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Similarity of two multisets: |a ∩ b| / |a ∪ b|, counting repeats.
pub(crate) fn jaccard(a: &[String], b: &[String]) -> f64 {
    fn sorted(v: &[String]) -> Vec<&str> {
        let mut v: Vec<&str> = v.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
    jaccard_sorted(&sorted(a), &sorted(b))
}

/// [`jaccard`] of two multisets given sorted, so that their intersection
/// is one merge: the diff compares millions of pairs of paragraphs.
pub(crate) fn jaccard_sorted<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Section => "section",
        Kind::Subsection => "sub-section",
        Kind::Paragraph | Kind::Unnumbered => "paragraph",
        Kind::Decision => "decision",
        Kind::Formula => "formula",
        Kind::Preambular => "preambular clause",
        Kind::Operative => "operative paragraph",
        Kind::Subparagraph(_) => "sub-paragraph",
        Kind::Annex => "annex",
        Kind::Footnote => "footnote",
    }
}

/// `file:line:col` of a span's start.
fn at(v: &Version<'_>, span: Span) -> String {
    let (line, col) = crate::hygiene::line_col(v.source, span.start);
    format!("{}:{line}:{col}", v.name)
}

/// The start of a span (its first line, at most 60 characters), so that a
/// diagnostic about a whole block underlines only where it starts.
fn lead(src: &str, span: Span) -> Span {
    let text = &src[span.start.min(src.len())..span.end.min(src.len())];
    let line = &text[..text.find(['\n', '\r']).unwrap_or(text.len())];
    let end = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
    Span::new(span.start, span.start + end)
}

// ------------------------------------------------------------- flattening

fn items(doc: &Document) -> Vec<Item> {
    let mut items = Items {
        out: Vec::new(),
        holders: Vec::new(),
    };
    items.visit_document(doc);
    items.out
}

/// Flattens the structure into items, in reading order.
struct Items {
    out: Vec<Item>,
    /// The names of the paragraphs, clauses and sub-paragraphs that hold
    /// the sub-paragraphs being visited, innermost last.
    holders: Vec<String>,
}

impl Items {
    fn push(
        &mut self,
        kind: Kind,
        name: String,
        span: Span,
        label: &Option<Label>,
        content: &[Inline],
    ) {
        let label = label.as_ref().map(|l| l.name.clone());
        self.out.push(item(kind, name, span, label, content));
    }
}

impl Visitor for Items {
    fn visit_section(&mut self, s: &Section) {
        let kind = if s.level == 1 {
            Kind::Section
        } else {
            Kind::Subsection
        };
        let name = match &s.number {
            Some(n) => format!("{} {}", kind_word(kind), n.path),
            None => "an unnumbered heading".to_string(),
        };
        self.push(kind, name, s.span, &s.label, &s.title);
        walk_section(self, s);
    }

    fn visit_paragraph(&mut self, p: &Paragraph) {
        let (kind, name) = match &p.number {
            Some(n) if p.numbered => (Kind::Paragraph, format!("paragraph {}", n.path)),
            _ => (Kind::Unnumbered, "an unnumbered paragraph".to_string()),
        };
        self.push(kind, name.clone(), p.span, &p.label, &p.content);
        self.holders.push(name);
        walk_paragraph(self, p);
        self.holders.pop();
    }

    fn visit_decision(&mut self, d: &Decision) {
        let name = match &d.symbol {
            Some(s) => format!("decision {}", s.text),
            None => "the draft decision".to_string(),
        };
        self.push(Kind::Decision, name, d.span, &d.label, &[]);
        walk_decision(self, d);
    }

    fn visit_formula(&mut self, f: &Formula) {
        self.push(
            Kind::Formula,
            "the formula".to_string(),
            f.span,
            &None,
            &f.content,
        );
    }

    fn visit_preambular_clause(&mut self, c: &PreambularClause) {
        let n = c.number.as_ref().map_or("", |n| n.path.as_str());
        let name = format!("preambular clause {n}");
        self.push(Kind::Preambular, name.clone(), c.span, &c.label, &c.content);
        self.holders.push(name);
        walk_preambular_clause(self, c);
        self.holders.pop();
    }

    fn visit_operative_paragraph(&mut self, p: &OperativeParagraph) {
        let n = p.number.as_ref().map_or("", |n| n.path.as_str());
        let name = format!("operative paragraph {n}");
        self.push(Kind::Operative, name.clone(), p.span, &p.label, &p.content);
        self.holders.push(name);
        walk_operative_paragraph(self, p);
        self.holders.pop();
    }

    fn visit_subparagraph(&mut self, s: &SubParagraph) {
        let parent = self.holders.last().map_or("", String::as_str);
        let display = s.number.as_ref().map_or("", |n| n.text.as_str());
        let name = format!("{parent} ({display})");
        self.push(
            Kind::Subparagraph(s.level),
            name.clone(),
            s.span,
            &s.label,
            &s.content,
        );
        self.holders.push(name);
        walk_subparagraph(self, s);
        self.holders.pop();
    }

    fn visit_annex(&mut self, annex: &Annex) {
        let name = format!(
            "annex {}",
            annex.number.as_ref().map_or("", |n| n.text.as_str())
        )
        .trim()
        .to_string();
        let title = annex.title.as_ref().map_or(&[][..], |t| &t.content);
        self.push(Kind::Annex, name, annex.span, &annex.label, title);
        walk_annex(self, annex);
    }

    /// Only printed footnotes are compared, in print order (the list's
    /// after resolution): an unreferenced one is reported in its own
    /// version (W0104).
    fn visit_footnote(&mut self, f: &Footnote) {
        if let Some(number) = f.number {
            self.push(
                Kind::Footnote,
                format!("footnote {number}"),
                f.span,
                &None,
                &f.content,
            );
        }
    }
}

fn item(kind: Kind, name: String, span: Span, label: Option<String>, content: &[Inline]) -> Item {
    let mut symbols = Symbols(Vec::new());
    symbols.visit_content(content);
    let symbols = symbols.0;
    let text = crate::lower::plain_text(content);
    let numbers = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    Item {
        kind,
        name,
        span,
        label,
        symbols,
        numbers,
        len: text.chars().count(),
    }
}

/// The decision and document symbols an item cites, footnotes left out.
struct Symbols(Vec<String>);

impl Visitor for Symbols {
    fn visit_decision_ref(&mut self, r: &DecisionRef) {
        self.0.push(r.symbol.clone());
    }

    fn visit_document_ref(&mut self, r: &DocumentRef) {
        self.0.push(r.symbol.clone());
    }

    fn visit_footnote_ref(&mut self, _: &FootnoteRef) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n# Intro\n\n#. In MC-3/11 the Conference decided.\n\n#. In 2024 and 2025 the secretariats worked together on many matters of common interest.\n\n#. See UNEP/MC/COP.6/INF/29.\n";
    const RU: &str = "symbol: UNEP/MC/COP.6/1\nlanguage: ru\ntitle: Т\n\n# Введение\n\n#. В решении МК-3/11 Конференция постановила.\n\n#. См. UNEP/MC/COP.6/INF/29.\n";

    /// The multiset overlap, as the greedy pairing of equal tokens counts it.
    fn jaccard_by_pairing(a: &[&str], b: &[&str]) -> f64 {
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let mut rest = b.to_vec();
        let mut common = 0;
        for x in a {
            if let Some(i) = rest.iter().position(|y| y == x) {
                rest.swap_remove(i);
                common += 1;
            }
        }
        common as f64 / (a.len() + b.len() - common) as f64
    }

    #[test]
    fn jaccard_counts_repeated_words_once_per_pair() {
        let words = ["the", "of", "the", "Parties", "the", "of", "decides", ""];
        for n in 0..words.len() {
            for m in 0..words.len() {
                let (a, b) = (&words[..n], &words[m..]);
                let own = |v: &[&str]| v.iter().map(|w| w.to_string()).collect::<Vec<_>>();
                assert_eq!(
                    jaccard(&own(a), &own(b)),
                    jaccard_by_pairing(a, b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn a_removed_paragraph_is_named_in_both_files() {
        let (en, ru) = (crate::compile(EN), crate::compile(RU));
        let found = compare(&[
            Version {
                name: "en.draft",
                source: EN,
                document: &en.document,
            },
            Version {
                name: "ru.draft",
                source: RU,
                document: &ru.document,
            },
        ]);
        let messages: Vec<(usize, String)> =
            found.iter().map(|(i, d)| (*i, d.message.clone())).collect();
        assert_eq!(
            messages,
            [
                (0, "paragraph 2 has no counterpart in ru.draft".to_string()),
                (1, "ru.draft lacks paragraph 2 of en.draft".to_string())
            ]
        );
    }

    #[test]
    fn identical_structures_agree() {
        let en = crate::compile(EN);
        let other = EN.replace("language: en", "language: ru");
        let ru = crate::compile(&other);
        let found = compare(&[
            Version {
                name: "a",
                source: EN,
                document: &en.document,
            },
            Version {
                name: "b",
                source: &other,
                document: &ru.document,
            },
        ]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

//! Two revisions as one Word document with tracked changes
//! (`draftdec diff --to docx`): the new revision's paragraphs, with what
//! the old one had and the new one has not as deletions, and the rest as
//! insertions, so that Word's "Accept all" gives the new revision and
//! "Reject all" the old one.
//!
//! The comparison is of the built paragraphs, not of the AST's units: what
//! Word shows is the printed text (masthead, numbers, designations), and
//! comparing exactly that is what makes accepting and rejecting give each
//! revision back whole. Paragraphs equal in both anchor the alignment;
//! between anchors, paragraphs with the same properties and much the same
//! words are one paragraph with its words changed; the others are
//! inserted or deleted whole, paragraph mark included. Footnotes are the
//! new revision's, then those of the old one that it has not.

use std::collections::BTreeMap;

use super::body::Built;
use super::ooxml::{Change, ChangeKind, Content, Para, Run, RunProps};
use super::table::BodyElement;

/// Who made the changes and when, as `w:author` and `w:date` write them.
#[derive(Clone, Debug, Default)]
pub struct Revision {
    pub author: Option<String>,
    /// An ISO 8601 date and time (`xsd:dateTime`).
    pub date: Option<String>,
}

/// The paragraphs of `new`, with the changes from `old` tracked.
pub fn merge(old: Built, new: Built, revision: &Revision) -> Built {
    let mut marks = Marks { next: 1, revision };
    // The old revision's footnotes that the new one has not (or has
    // under its number with other words) follow the new one's, under
    // numbers of their own: the deleted references point to them, so that
    // rejecting the changes gives back the old notes too.
    let mut footnotes = new.footnotes.clone();
    let mut next = footnotes.iter().map(|(i, _)| *i).max().unwrap_or(0);
    let renumber: BTreeMap<usize, usize> = old
        .footnotes
        .iter()
        .map(|(i, p)| match new.footnotes.iter().find(|(j, _)| j == i) {
            Some((_, q)) if q == p => (*i, *i),
            _ => {
                next += 1;
                footnotes.push((next, p.clone()));
                (*i, next)
            }
        })
        .collect();
    let old_body: Vec<BodyElement> = old
        .body
        .into_iter()
        .map(|e| match e {
            BodyElement::Para(p) => BodyElement::Para(Para {
                runs: p.runs.iter().map(|r| renumbered(r, &renumber)).collect(),
                ..p
            }),
            table => table,
        })
        .collect();
    let pairs = lcs(&old_body, &new.body, |a, b| a == b);
    let mut body = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (oi, nj) in pairs
        .iter()
        .copied()
        .chain([(old_body.len(), new.body.len())])
    {
        gap(&old_body[i..oi], &new.body[j..nj], &mut marks, &mut body);
        if oi < old_body.len() {
            body.push(new.body[nj].clone());
        }
        (i, j) = (oi + 1, nj + 1);
    }
    Built {
        body,
        footnotes,
        header: new.header,
        tracked: true,
    }
}

struct Marks<'a> {
    next: u32,
    revision: &'a Revision,
}

impl Marks<'_> {
    fn change(&mut self, kind: ChangeKind) -> Change {
        let id = self.next;
        self.next += 1;
        Change {
            kind,
            id,
            author: self.revision.author.clone().unwrap_or_default(),
            date: self.revision.date.clone(),
        }
    }
}

fn renumbered(run: &Run, renumber: &BTreeMap<usize, usize>) -> Run {
    let mut run = run.clone();
    for c in &mut run.content {
        if let Content::FootnoteReference { id, .. } = c
            && let Some(to) = renumber.get(id)
        {
            *id = *to;
        }
    }
    run
}

/// Beyond this many pairs of paragraphs between two anchors, the
/// paragraphs are deleted and inserted whole rather than compared two by
/// two: comparing is quadratic in the words of each pair, and a stretch
/// this long with nothing in common is rewritten, not revised.
const MOST_PAIRS: usize = 10_000;

/// The paragraphs between two anchors: pairs of alike paragraphs changed
/// word by word, the rest deleted before inserted.
fn gap(old: &[BodyElement], new: &[BodyElement], marks: &mut Marks, out: &mut Vec<BodyElement>) {
    // A draft's body is paragraphs: tables are only in table documents
    // (the table of mandates), which are not compared. A table of the new
    // revision that differs is kept as it is, one of the old dropped.
    let paragraphs = |elements: &[BodyElement]| -> Vec<Para> {
        elements
            .iter()
            .filter_map(|e| match e {
                BodyElement::Para(p) => Some(p.clone()),
                BodyElement::Table(_) => None,
            })
            .collect()
    };
    let mut paras = Vec::new();
    gap_paragraphs(&paragraphs(old), &paragraphs(new), marks, &mut paras);
    out.extend(paras.into_iter().map(BodyElement::Para));
    out.extend(
        new.iter()
            .filter(|e| matches!(e, BodyElement::Table(_)))
            .cloned(),
    );
}

/// [`gap`] for paragraphs.
fn gap_paragraphs(old: &[Para], new: &[Para], marks: &mut Marks, out: &mut Vec<Para>) {
    let pairs = if old.len() * new.len() > MOST_PAIRS {
        Vec::new()
    } else {
        let (x, y): (Vec<_>, Vec<_>) = (
            old.iter().map(tokens).collect(),
            new.iter().map(tokens).collect(),
        );
        let (xs, ys): (Vec<usize>, Vec<usize>) =
            ((0..old.len()).collect(), (0..new.len()).collect());
        lcs(&xs, &ys, |&i, &j| {
            old[i].props == new[j].props && alike(&x[i], &y[j])
        })
    };
    let (mut i, mut j) = (0, 0);
    for (oi, nj) in pairs.iter().copied().chain([(old.len(), new.len())]) {
        for p in &old[i..oi] {
            out.push(whole(p, ChangeKind::Delete, marks));
        }
        for p in &new[j..nj] {
            out.push(whole(p, ChangeKind::Insert, marks));
        }
        if oi < old.len() {
            out.push(words(&old[oi], &new[nj], marks));
        }
        (i, j) = (oi + 1, nj + 1);
    }
}

/// A paragraph inserted or deleted whole, its mark too.
fn whole(p: &Para, kind: ChangeKind, marks: &mut Marks) -> Para {
    let runs = p
        .runs
        .iter()
        .map(|r| Run {
            change: Some(marks.change(kind)),
            ..r.clone()
        })
        .collect();
    Para {
        props: p.props.clone(),
        runs,
        mark: Some(marks.change(kind)),
    }
}

/// One piece of a paragraph: a word, the spaces after it, or a tab, a
/// footnote reference, in its run's properties.
#[derive(Clone, PartialEq)]
struct Token {
    props: RunProps,
    content: Content,
}

fn tokens(p: &Para) -> Vec<Token> {
    let mut out = Vec::new();
    for r in &p.runs {
        for c in &r.content {
            match c {
                Content::Text(t) => {
                    let mut start = 0;
                    let mut space = None;
                    for (k, ch) in t.char_indices() {
                        let is_space = ch.is_whitespace();
                        if space.is_some_and(|s| s != is_space) {
                            out.push(Token {
                                props: r.props.clone(),
                                content: Content::Text(t[start..k].to_string()),
                            });
                            start = k;
                        }
                        space = Some(is_space);
                    }
                    if start < t.len() {
                        out.push(Token {
                            props: r.props.clone(),
                            content: Content::Text(t[start..].to_string()),
                        });
                    }
                }
                c => out.push(Token {
                    props: r.props.clone(),
                    content: c.clone(),
                }),
            }
        }
    }
    out
}

/// Whether two paragraphs share at least half their words: then they are
/// one paragraph revised, not one deleted and another inserted.
fn alike(x: &[Token], y: &[Token]) -> bool {
    // At most the shorter's words are common: no table when that is too few.
    if 2 * x.len().min(y.len()) < x.len().max(y.len()) {
        return false;
    }
    let common = lcs(x, y, |s, t| s == t).len();
    2 * common >= x.len().max(y.len()) && common > 0
}

/// A paragraph of the new revision with its words changed from `old`.
fn words(old: &Para, new: &Para, marks: &mut Marks) -> Para {
    let (x, y) = (tokens(old), tokens(new));
    let pairs = lcs(&x, &y, |s, t| s == t);
    let mut pieces: Vec<(Option<ChangeKind>, &Token)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (oi, nj) in pairs.iter().copied().chain([(x.len(), y.len())]) {
        pieces.extend(x[i..oi].iter().map(|t| (Some(ChangeKind::Delete), t)));
        pieces.extend(y[j..nj].iter().map(|t| (Some(ChangeKind::Insert), t)));
        if nj < y.len() {
            pieces.push((None, &y[nj]));
        }
        (i, j) = (oi + 1, nj + 1);
    }
    // Consecutive pieces of one kind in one face are one run (and one
    // change).
    let mut runs: Vec<(Option<ChangeKind>, Run)> = Vec::new();
    for (kind, token) in pieces {
        match runs.last_mut() {
            Some((k, run)) if *k == kind && run.props == token.props => {
                match (run.content.last_mut(), &token.content) {
                    (Some(Content::Text(a)), Content::Text(b)) => a.push_str(b),
                    _ => run.content.push(token.content.clone()),
                }
            }
            _ => runs.push((
                kind,
                Run {
                    props: token.props.clone(),
                    content: vec![token.content.clone()],
                    change: None,
                },
            )),
        }
    }
    Para {
        props: new.props.clone(),
        runs: runs
            .into_iter()
            .map(|(kind, run)| Run {
                change: kind.map(|k| marks.change(k)),
                ..run
            })
            .collect(),
        mark: None,
    }
}

/// The longest common subsequence of `a` and `b` under `same`, as pairs of
/// indexes in increasing order.
fn lcs<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<(usize, usize)> {
    // Equal heads and tails are matched without the table: revisions are
    // mostly the same text, and the table is quadratic.
    let head = a.iter().zip(b).take_while(|(x, y)| same(x, y)).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (x, y) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let (n, m) = (x.len(), y.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if same(&x[i], &y[j]) {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..head).map(|k| (k, k)).collect();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(&x[i], &y[j]) {
            pairs.push((head + i, head + j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs.extend((0..tail).map(|k| (a.len() - tail + k, b.len() - tail + k)));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::ooxml::ParaProps;
    use proptest::prelude::*;

    /// Each character of a paragraph (or its tab) in its run's face: equal
    /// for paragraphs that print the same, however their runs are cut.
    type Flat = (ParaProps, Vec<(RunProps, String)>);

    fn flat(p: &Para) -> Flat {
        let mut out = Vec::new();
        for r in &p.runs {
            for c in &r.content {
                match c {
                    Content::Text(t) => {
                        out.extend(t.chars().map(|ch| (r.props.clone(), ch.to_string())))
                    }
                    c => out.push((r.props.clone(), format!("{c:?}"))),
                }
            }
        }
        (p.props.clone(), out)
    }

    /// What Word's "Accept all" (`keep` = insertions) or "Reject all"
    /// (`keep` = deletions) leaves: a paragraph whose mark goes is joined
    /// to the next, which keeps its own properties.
    fn settle(body: &[Para], keep: ChangeKind) -> Vec<Flat> {
        let mut out = Vec::new();
        let mut carried: Vec<(RunProps, String)> = Vec::new();
        for p in body {
            let runs: Vec<Run> = p
                .runs
                .iter()
                .filter(|r| r.change.as_ref().is_none_or(|c| c.kind == keep))
                .cloned()
                .collect();
            let (props, mut chars) = flat(&Para { runs, ..p.clone() });
            carried.append(&mut chars);
            if p.mark.as_ref().is_none_or(|c| c.kind == keep) {
                out.push((props, std::mem::take(&mut carried)));
            }
        }
        out
    }

    fn paragraph() -> impl Strategy<Value = Para> {
        let word = prop::sample::select(vec!["shall", "should", "Parties", "the", "1.", "[may]"]);
        let run = (any::<bool>(), prop::collection::vec(word, 1..4)).prop_map(|(bold, words)| {
            Run::new(RunProps {
                bold,
                ..RunProps::default()
            })
            .text(words.join(" ") + " ")
        });
        (
            prop::sample::select(vec!["A", "B"]),
            prop::collection::vec(run, 0..4),
            any::<bool>(),
        )
            .prop_map(|(style, mut runs, tab)| {
                if tab && let Some(first) = runs.first_mut() {
                    first.content.push(Content::Tab);
                }
                Para {
                    props: ParaProps {
                        style: Some(style),
                        ..ParaProps::default()
                    },
                    runs,
                    mark: None,
                }
            })
    }

    fn built(body: Vec<Para>) -> Built {
        Built {
            body: body.into_iter().map(BodyElement::Para).collect(),
            footnotes: Vec::new(),
            header: Para::default(),
            tracked: false,
        }
    }

    proptest! {
        #[test]
        fn accepting_gives_the_new_revision_and_rejecting_the_old(
            old in prop::collection::vec(paragraph(), 0..8),
            new in prop::collection::vec(paragraph(), 0..8),
        ) {
            let merged = merge(built(old.clone()), built(new.clone()), &Revision::default());
            let merged: Vec<Para> = merged
                .body
                .into_iter()
                .filter_map(|e| match e {
                    BodyElement::Para(p) => Some(p),
                    BodyElement::Table(_) => None,
                })
                .collect();
            let expect = |body: &[Para]| body.iter().map(flat).collect::<Vec<_>>();
            prop_assert_eq!(settle(&merged, ChangeKind::Insert), expect(&new));
            prop_assert_eq!(settle(&merged, ChangeKind::Delete), expect(&old));
            let mut ids: Vec<u32> = merged
                .iter()
                .flat_map(|p| p.mark.iter().chain(p.runs.iter().filter_map(|r| r.change.as_ref())))
                .map(|c| c.id)
                .collect();
            let count = ids.len();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), count);
        }
    }
}

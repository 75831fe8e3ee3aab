//! Two revisions of a draft compared (`draftdec diff OLD NEW`).
//!
//! Each revision is flattened into units (headings, paragraphs, clauses,
//! sub-paragraphs, the formula, footnotes in print order). Units whose
//! text is the same and occurs once in each revision anchor the
//! alignment; between anchors, units are matched by label, then by
//! content, with the weighted alignment of `check --versions`
//! ([`crate::versions::align_by`]). A matched unit whose words changed is
//! compared word by word; a unit deleted in one place and inserted with
//! the same text in another is a move. A unit whose number changed and
//! whose text did not is no change: renumbering follows from the edits.

use std::collections::HashMap;

use serde::Serialize;

use crate::ast::{
    Annex, Block, Choice, Document, Footnote, Formula, Inline, Label, Lang, Opening,
    OperativeParagraph, Paragraph, PreambularClause, Section, Span, SubParagraph,
};
use crate::visit::{
    Visitor, walk_annex, walk_choice, walk_operative_choice, walk_operative_paragraph,
    walk_paragraph, walk_preambular_choice, walk_preambular_clause, walk_section,
    walk_subparagraph,
};

/// What kind of unit of the text a change is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Heading,
    Paragraph,
    Formula,
    PreambularParagraph,
    OperativeParagraph,
    Subparagraph,
    AnnexTitle,
    /// The heading of an option of an option block ("Option 2"), before
    /// the option's paragraphs.
    Option,
    Footnote,
}

/// One unit of a revision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unit {
    pub kind: UnitKind,
    /// Heading and sub-paragraph level; 0 for the others.
    pub level: u8,
    /// The unit's designation as references write it (`4 (b)`); for a
    /// preambular paragraph its ordinal, as amendments count them; empty
    /// for what is not numbered.
    pub path: String,
    /// The designation as printed in front of the unit (`4.`, `(b)`).
    pub display: String,
    pub label: Option<String>,
    /// The words as printed: opening words, then the text.
    pub text: String,
    pub span: Span,
}

/// A piece of a unit's text, unchanged or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
pub enum Words {
    Same(String),
    Insert(String),
    Delete(String),
}

/// One step of the aligned revisions, in reading order; indexes are into
/// [`Diff::old`] and [`Diff::new`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Step {
    /// The same text (perhaps renumbered).
    Same {
        old: usize,
        new: usize,
    },
    /// Matched, with words changed.
    Replace {
        old: usize,
        new: usize,
        words: Vec<Words>,
    },
    Delete {
        old: usize,
    },
    Insert {
        new: usize,
    },
    /// The old place of a moved unit.
    MovedAway {
        old: usize,
        new: usize,
    },
    /// The new place of a moved unit.
    MovedHere {
        old: usize,
        new: usize,
    },
}

/// Two revisions aligned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diff {
    pub old: Vec<Unit>,
    pub new: Vec<Unit>,
    pub steps: Vec<Step>,
    /// The language of the new revision, whose words a redline prints.
    #[serde(skip)]
    pub language: Lang,
}

/// Where an edit is: a unit's kind and designation, and its name in
/// English (`operative paragraph 4 (b)`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub kind: UnitKind,
    pub path: String,
    pub name: String,
    pub span: Span,
}

/// One edit of the edit script (`diff --to json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// A unit inserted after `after` (the unit before it in the new
    /// revision; none at the start).
    Insert {
        at: Place,
        after: Option<Place>,
        text: String,
    },
    Delete {
        at: Place,
        text: String,
    },
    /// Words changed inside a unit.
    Replace {
        old: Place,
        new: Place,
        words: Vec<Words>,
    },
    /// A unit moved; `words` are its changes, if any, on the way.
    Move {
        old: Place,
        new: Place,
        words: Vec<Words>,
    },
}

/// Compares two revisions of a draft.
pub fn diff(old: &Document, new: &Document) -> Diff {
    let (a, b) = (units(old), units(new));
    let pairs = align(&a, &b);
    let steps = steps(&a, &b, &pairs);
    Diff {
        old: a,
        new: b,
        steps,
        language: new.language,
    }
}

/// The steps that turn units `a` into `b`, aligned as [`diff`] aligns two
/// revisions (the amendments compare several decisions one by one).
pub(crate) fn steps_between(a: &[Unit], b: &[Unit]) -> Vec<Step> {
    steps(a, b, &align(a, b))
}

impl Diff {
    /// The edit script: every step that changes the text.
    pub fn edits(&self) -> Vec<Edit> {
        let place = |u: &Unit| Place {
            kind: u.kind,
            path: u.path.clone(),
            name: name(u),
            span: u.span,
        };
        let mut out = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            match *step {
                Step::Same { .. } | Step::MovedAway { .. } => {}
                Step::Replace {
                    old,
                    new,
                    ref words,
                } => out.push(Edit::Replace {
                    old: place(&self.old[old]),
                    new: place(&self.new[new]),
                    words: words.clone(),
                }),
                Step::Delete { old } => out.push(Edit::Delete {
                    at: place(&self.old[old]),
                    text: self.old[old].text.clone(),
                }),
                Step::Insert { new } => out.push(Edit::Insert {
                    at: place(&self.new[new]),
                    after: self.steps[..i]
                        .iter()
                        .rev()
                        .find_map(new_index)
                        .map(|j| place(&self.new[j])),
                    text: self.new[new].text.clone(),
                }),
                Step::MovedHere { old, new } => {
                    let (x, y) = (&self.old[old], &self.new[new]);
                    out.push(Edit::Move {
                        old: place(x),
                        new: place(y),
                        words: if x.text == y.text {
                            Vec::new()
                        } else {
                            words(&x.text, &y.text)
                        },
                    });
                }
            }
        }
        out
    }
}

/// The unit of the new revision a step stands at, if any.
fn new_index(step: &Step) -> Option<usize> {
    match *step {
        Step::Same { new, .. }
        | Step::Replace { new, .. }
        | Step::Insert { new }
        | Step::MovedHere { new, .. } => Some(new),
        Step::Delete { .. } | Step::MovedAway { .. } => None,
    }
}

/// A kind of unit in English, as the edit script and diagnostics name it.
pub(crate) fn noun(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Heading => "heading",
        UnitKind::Paragraph => "paragraph",
        UnitKind::Formula => "formula",
        UnitKind::PreambularParagraph => "preambular paragraph",
        UnitKind::OperativeParagraph => "operative paragraph",
        UnitKind::Subparagraph => "subparagraph",
        UnitKind::AnnexTitle => "annex",
        UnitKind::Option => "option",
        UnitKind::Footnote => "footnote",
    }
}

/// A unit's name in English, as the edit script gives it.
fn name(u: &Unit) -> String {
    let kind = noun(u.kind);
    if u.path.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} {}", u.path)
    }
}

// ------------------------------------------------------------- alignment

/// How many cells the weighted alignment of one stretch between anchors
/// may fill; a larger stretch is matched by label alone.
const MAX_CELLS: usize = 4_000_000;

fn align(a: &[Unit], b: &[Unit]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut i0, mut j0) = (0, 0);
    for (i, j) in anchors(a, b).into_iter().chain([(a.len(), b.len())]) {
        align_stretch(a, b, (i0, i), (j0, j), &mut pairs);
        if i < a.len() {
            pairs.push((i, j));
        }
        (i0, j0) = (i + 1, j + 1);
    }
    pairs
}

/// Units with the same text that occurs once in each revision, in an
/// order both agree on (the longest increasing run, as patience diff).
fn anchors(a: &[Unit], b: &[Unit]) -> Vec<(usize, usize)> {
    let key = |u: &Unit| (u.kind, u.level, u.text.clone());
    let mut count: HashMap<_, (usize, usize, usize, usize)> = HashMap::new();
    for (i, u) in a.iter().enumerate() {
        let e = count.entry(key(u)).or_default();
        e.0 += 1;
        e.2 = i;
    }
    for (j, u) in b.iter().enumerate() {
        let e = count.entry(key(u)).or_default();
        e.1 += 1;
        e.3 = j;
    }
    let mut candidates: Vec<(usize, usize)> = count
        .values()
        .filter(|e| e.0 == 1 && e.1 == 1)
        .map(|e| (e.2, e.3))
        .collect();
    candidates.sort_unstable();
    // Longest increasing subsequence of the new indexes.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; candidates.len()];
    for (k, &(_, j)) in candidates.iter().enumerate() {
        let at = tails.partition_point(|&t| candidates[t].1 < j);
        if at > 0 {
            prev[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(candidates[k]);
        k = prev[k];
    }
    out.reverse();
    out
}

fn align_stretch<'a>(
    a: &'a [Unit],
    b: &'a [Unit],
    (i0, i1): (usize, usize),
    (j0, j1): (usize, usize),
    pairs: &mut Vec<(usize, usize)>,
) {
    if i0 >= i1 || j0 >= j1 {
        return;
    }
    let (xs, ys) = (&a[i0..i1], &b[j0..j1]);
    let bags = |units: &'a [Unit]| -> Vec<Vec<&'a str>> { units.iter().map(bag).collect() };
    let labelled = |x: &Unit, y: &Unit| x.label.is_some() && x.label == y.label;
    let same_slot = |x: &Unit, y: &Unit| x.kind == y.kind && x.level == y.level;
    let found = if xs.len() * ys.len() > MAX_CELLS {
        crate::versions::align_by(xs, ys, |x, y| {
            (same_slot(x, y) && labelled(x, y)).then_some(1.0)
        })
    } else {
        let (bx, by) = (bags(xs), bags(ys));
        // Aligned by index, so that the score reads each unit's words.
        let (ix, iy): (Vec<usize>, Vec<usize>) = ((0..xs.len()).collect(), (0..ys.len()).collect());
        crate::versions::align_by(&ix, &iy, |&x, &y| {
            if !same_slot(&xs[x], &ys[y]) {
                return None;
            }
            let similar = crate::versions::jaccard_sorted(&bx[x], &by[y]);
            if labelled(&xs[x], &ys[y]) {
                Some(3.0 + similar)
            } else {
                (similar >= 0.5).then_some(1.0 + similar)
            }
        })
    };
    pairs.extend(found.into_iter().map(|(i, j)| (i0 + i, j0 + j)));
}

/// The steps in reading order: each old unit not kept is deleted where it
/// stood, before the new units inserted in its place.
fn steps(a: &[Unit], b: &[Unit], pairs: &[(usize, usize)]) -> Vec<Step> {
    let mut matched_old = vec![false; a.len()];
    let mut matched_new = vec![false; b.len()];
    for &(i, j) in pairs {
        matched_old[i] = true;
        matched_new[j] = true;
    }
    // Moves: a deleted unit whose text is inserted elsewhere.
    let mut inserted: HashMap<(UnitKind, u8, &str), Vec<usize>> = HashMap::new();
    for (j, u) in b.iter().enumerate().rev() {
        if !matched_new[j] {
            inserted
                .entry((u.kind, u.level, u.text.as_str()))
                .or_default()
                .push(j);
        }
    }
    let mut moved_to = vec![None; a.len()];
    let mut moved_from = vec![None; b.len()];
    for (i, u) in a.iter().enumerate() {
        if matched_old[i] {
            continue;
        }
        if let Some(j) = inserted
            .get_mut(&(u.kind, u.level, u.text.as_str()))
            .and_then(Vec::pop)
        {
            moved_to[i] = Some(j);
            moved_from[j] = Some(i);
        }
    }
    // Then a deleted unit much like one inserted elsewhere, changed on
    // its way, most alike first.
    let (left_old, left_new): (Vec<usize>, Vec<usize>) = (
        (0..a.len())
            .filter(|&i| !matched_old[i] && moved_to[i].is_none())
            .collect(),
        (0..b.len())
            .filter(|&j| !matched_new[j] && moved_from[j].is_none())
            .collect(),
    );
    if left_old.len() * left_new.len() <= MAX_MOVE_PAIRS {
        let bags_new: Vec<Vec<&str>> = left_new.iter().map(|&j| bag(&b[j])).collect();
        let mut candidates = Vec::new();
        for &i in &left_old {
            let bag_old = bag(&a[i]);
            for (k, &j) in left_new.iter().enumerate() {
                if a[i].kind == b[j].kind && a[i].level == b[j].level {
                    let similar = crate::versions::jaccard_sorted(&bag_old, &bags_new[k]);
                    if similar >= 0.5 {
                        candidates.push((similar, i, j));
                    }
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, i, j) in candidates {
            if moved_to[i].is_none() && moved_from[j].is_none() {
                moved_to[i] = Some(j);
                moved_from[j] = Some(i);
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let flush = |i: &mut usize, j: &mut usize, upto: (usize, usize), out: &mut Vec<Step>| {
        while *i < upto.0 {
            out.push(match moved_to[*i] {
                Some(new) => Step::MovedAway { old: *i, new },
                None => Step::Delete { old: *i },
            });
            *i += 1;
        }
        while *j < upto.1 {
            out.push(match moved_from[*j] {
                Some(old) => Step::MovedHere { old, new: *j },
                None => Step::Insert { new: *j },
            });
            *j += 1;
        }
    };
    for &(pi, pj) in pairs {
        flush(&mut i, &mut j, (pi, pj), &mut out);
        out.push(if a[pi].text == b[pj].text {
            Step::Same { old: pi, new: pj }
        } else {
            Step::Replace {
                old: pi,
                new: pj,
                words: words(&a[pi].text, &b[pj].text),
            }
        });
        (i, j) = (pi + 1, pj + 1);
    }
    flush(&mut i, &mut j, (a.len(), b.len()), &mut out);
    out
}

/// How many pairs of unmatched units are compared for moves.
const MAX_MOVE_PAIRS: usize = 1_000_000;

// ------------------------------------------------------------ word level

/// Words, runs of blanks, and each other character alone.
/// A unit's words as a sorted multiset, for [`crate::versions::jaccard_sorted`].
fn bag(u: &Unit) -> Vec<&str> {
    let mut words = tokens(&u.text);
    words.sort_unstable();
    words
}

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_alphanumeric() {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut prev: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if i > start && (prev != Some(k) || k == 2) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The longest a word-level comparison may be (tokens × tokens); longer
/// changed stretches are one deletion and one insertion.
const MAX_WORD_CELLS: usize = 4_000_000;

/// `old` turned into `new`, word by word.
pub(crate) fn words(old: &str, new: &str) -> Vec<Words> {
    let (x, y) = (tokens(old), tokens(new));
    let head = x.iter().zip(&y).take_while(|(a, b)| a == b).count();
    let tail = x[head..]
        .iter()
        .rev()
        .zip(y[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (mx, my) = (&x[head..x.len() - tail], &y[head..y.len() - tail]);
    let mut out = Vec::new();
    let mut push = |w: Words| push_words(&mut out, w);
    push(Words::Same(x[..head].concat()));
    if mx.len() * my.len() > MAX_WORD_CELLS {
        push(Words::Delete(mx.concat()));
        push(Words::Insert(my.concat()));
    } else {
        let (n, m) = (mx.len(), my.len());
        let w = m + 1;
        let mut dp = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i * w + j] = if mx[i] == my[j] {
                    dp[(i + 1) * w + j + 1] + 1
                } else {
                    dp[(i + 1) * w + j].max(dp[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && mx[i] == my[j] {
                push(Words::Same(mx[i].to_string()));
                i += 1;
                j += 1;
            } else if i < n && (j == m || dp[(i + 1) * w + j] >= dp[i * w + j + 1]) {
                push(Words::Delete(mx[i].to_string()));
                i += 1;
            } else {
                push(Words::Insert(my[j].to_string()));
                j += 1;
            }
        }
    }
    push(Words::Same(x[x.len() - tail..].concat()));
    tidy(out)
}

fn push_words(out: &mut Vec<Words>, w: Words) {
    let text = match &w {
        Words::Same(t) | Words::Insert(t) | Words::Delete(t) => t,
    };
    if text.is_empty() {
        return;
    }
    match (out.last_mut(), &w) {
        (Some(Words::Same(a)), Words::Same(b))
        | (Some(Words::Insert(a)), Words::Insert(b))
        | (Some(Words::Delete(a)), Words::Delete(b)) => a.push_str(b),
        _ => out.push(w),
    }
}

/// A blank alone between two changes joins them, so that a changed phrase
/// reads as one deletion and one insertion, deletion first.
fn tidy(words: Vec<Words>) -> Vec<Words> {
    let mut out: Vec<Words> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let changed = |w: Option<&Words>| matches!(w, Some(Words::Insert(_) | Words::Delete(_)));
        if let Words::Same(s) = &words[k]
            && s.trim().is_empty()
            && changed(out.last())
            && changed(words.get(k + 1))
        {
            // Fold the blank into both sides of the change.
            let mut del = String::new();
            let mut ins = String::new();
            while let Some(w) = out.pop_if(|w| !matches!(w, Words::Same(_))) {
                match w {
                    Words::Delete(t) => del.insert_str(0, &t),
                    Words::Insert(t) => ins.insert_str(0, &t),
                    Words::Same(_) => {}
                }
            }
            del.push_str(s);
            ins.push_str(s);
            k += 1;
            while let Some(w) = words.get(k).filter(|w| !matches!(w, Words::Same(_))) {
                match w {
                    Words::Delete(t) => del.push_str(t),
                    Words::Insert(t) => ins.push_str(t),
                    Words::Same(_) => {}
                }
                k += 1;
            }
            push_words(&mut out, Words::Delete(del));
            push_words(&mut out, Words::Insert(ins));
            continue;
        }
        push_words(&mut out, words[k].clone());
        k += 1;
    }
    out
}

// ------------------------------------------------------------ flattening

pub(crate) fn units(doc: &Document) -> Vec<Unit> {
    let mut units = Units(Vec::new());
    units.visit_document(doc);
    units.0
}

/// Flattens a revision into units, in reading order.
struct Units(Vec<Unit>);

impl Units {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: UnitKind,
        level: u8,
        number: Option<(&str, &str)>,
        label: &Option<Label>,
        opening: Option<&Opening>,
        content: &[Inline],
        span: Span,
    ) {
        let body = crate::lower::plain_text(content);
        let text = match opening {
            Some(o) if o.space_after && !body.is_empty() => format!("{} {body}", o.text),
            Some(o) => format!("{}{body}", o.text),
            None => body,
        };
        let (path, display) = number.unwrap_or(("", ""));
        self.0.push(Unit {
            kind,
            level,
            path: path.to_string(),
            display: display.to_string(),
            label: label.as_ref().map(|l| l.name.clone()),
            text,
            span,
        });
    }
}

impl Units {
    /// An option's heading, a unit of its own: an option inserted or
    /// deleted shows as its heading and its paragraphs.
    fn option<T>(&mut self, c: &Choice<T>) {
        let n = c.ordinal.to_string();
        let heading = [Inline::Text {
            text: c.heading.clone(),
            span: c.fence_span,
        }];
        let number = Some((n.as_str(), c.heading.as_str()));
        self.push(
            UnitKind::Option,
            0,
            number,
            &c.label,
            None,
            &heading,
            c.fence_span,
        );
    }
}

impl Visitor for Units {
    fn visit_section(&mut self, s: &Section) {
        let number = s
            .number
            .as_ref()
            .map(|n| (n.path.as_str(), n.display.as_str()));
        self.push(
            UnitKind::Heading,
            s.level,
            number,
            &s.label,
            None,
            &s.title,
            s.span,
        );
        walk_section(self, s);
    }

    fn visit_paragraph(&mut self, p: &Paragraph) {
        let number = p
            .number
            .as_ref()
            .map(|n| (n.path.as_str(), n.display.as_str()));
        self.push(
            UnitKind::Paragraph,
            0,
            number,
            &p.label,
            None,
            &p.content,
            p.span,
        );
        walk_paragraph(self, p);
    }

    fn visit_formula(&mut self, f: &Formula) {
        self.push(UnitKind::Formula, 0, None, &None, None, &f.content, f.span);
    }

    fn visit_preambular_clause(&mut self, c: &PreambularClause) {
        for heading in &c.headings {
            self.visit_section(heading);
        }
        let number = c.number.as_ref().map(|n| (n.path.as_str(), ""));
        self.push(
            UnitKind::PreambularParagraph,
            0,
            number,
            &c.label,
            c.opening.as_ref(),
            &c.content,
            c.span,
        );
        let mut rest = c.clone();
        rest.headings.clear();
        walk_preambular_clause(self, &rest);
    }

    fn visit_operative_paragraph(&mut self, p: &OperativeParagraph) {
        for heading in &p.headings {
            self.visit_section(heading);
        }
        let number = p
            .number
            .as_ref()
            .map(|n| (n.path.as_str(), n.display.as_str()));
        self.push(
            UnitKind::OperativeParagraph,
            0,
            number,
            &p.label,
            p.opening.as_ref(),
            &p.content,
            p.span,
        );
        let mut rest = p.clone();
        rest.headings.clear();
        walk_operative_paragraph(self, &rest);
    }

    fn visit_choice(&mut self, c: &Choice<Block>) {
        self.option(c);
        walk_choice(self, c);
    }

    fn visit_preambular_choice(&mut self, c: &Choice<PreambularClause>) {
        self.option(c);
        walk_preambular_choice(self, c);
    }

    fn visit_operative_choice(&mut self, c: &Choice<OperativeParagraph>) {
        self.option(c);
        walk_operative_choice(self, c);
    }

    fn visit_subparagraph(&mut self, s: &SubParagraph) {
        let number = s
            .number
            .as_ref()
            .map(|n| (n.path.as_str(), n.display.as_str()));
        self.push(
            UnitKind::Subparagraph,
            s.level,
            number,
            &s.label,
            None,
            &s.content,
            s.span,
        );
        walk_subparagraph(self, s);
    }

    fn visit_annex(&mut self, a: &Annex) {
        let number = a.number.as_ref().map(|n| (n.path.as_str(), ""));
        let title = a.title.as_ref().map_or(&[][..], |t| &t.content);
        self.push(
            UnitKind::AnnexTitle,
            0,
            number,
            &a.label,
            None,
            title,
            a.span,
        );
        walk_annex(self, a);
    }

    /// Printed footnotes, in print order (the list's, after resolution).
    fn visit_footnote(&mut self, f: &Footnote) {
        if let Some(n) = f.number {
            let n = n.to_string();
            self.push(
                UnitKind::Footnote,
                0,
                Some((&n, &n)),
                &f.label,
                None,
                &f.content,
                f.span,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_change_as_phrases() {
        assert_eq!(
            words("The Parties shall act now.", "The Parties should act now."),
            [
                Words::Same("The Parties ".into()),
                Words::Delete("shall".into()),
                Words::Insert("should".into()),
                Words::Same(" act now.".into()),
            ]
        );
        assert_eq!(
            words(
                "to report at its seventh meeting",
                "to report at its eighth session"
            ),
            [
                Words::Same("to report at its ".into()),
                Words::Delete("seventh meeting".into()),
                Words::Insert("eighth session".into()),
            ]
        );
    }

    /// Applying the words gives each side back.
    #[test]
    fn words_accept_and_reject() {
        let (a, b) = ("A b, c [d] e.", "A x, c d e; f");
        let w = words(a, b);
        let side = |keep_insert: bool| -> String {
            w.iter()
                .filter_map(|w| match w {
                    Words::Same(t) => Some(t.as_str()),
                    Words::Insert(t) if keep_insert => Some(t),
                    Words::Delete(t) if !keep_insert => Some(t),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(side(true), b);
        assert_eq!(side(false), a);
    }

    /// An option block is compared as its options' headings and
    /// paragraphs: an option added shows as its heading and paragraphs
    /// inserted, a word changed in an option as a replace in it, and the
    /// paragraph after the block, renumbered (3 to 4), as no change.
    #[test]
    fn option_blocks_compare_as_their_units() {
        let old = "symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n#. A.\n\n::: option <x>\n#. The fund is kept.\n::: option\n#. The fund is closed.\n:::\n\n#. Z.\n";
        let new = old.replace(
            "#. The fund is closed.\n:::",
            "#. The fund is closed soon.\n\n::: option\n#. The fund is merged.\n\n#. Its assets are moved.\n:::",
        );
        let (a, b) = (crate::compile(old), crate::compile(&new));
        assert!(!a.has_errors() && !b.has_errors());
        let d = diff(&a.document, &b.document);
        let kinds = |units: &[Unit]| {
            units
                .iter()
                .map(|u| (u.kind, u.path.clone()))
                .collect::<Vec<_>>()
        };
        let option = |n: &str| (UnitKind::Option, n.to_string());
        let para = |n: &str| (UnitKind::Paragraph, n.to_string());
        assert_eq!(
            kinds(&d.new),
            [
                para("1"),
                option("1"),
                para("2"),
                option("2"),
                para("2"),
                option("3"),
                para("2"),
                para("3"),
                para("4")
            ]
        );
        let script: Vec<String> = d
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Same { .. } => None,
                Step::Replace { new, .. } => Some(format!("replace {}", name(&d.new[*new]))),
                Step::Insert { new } => Some(format!("insert {}", name(&d.new[*new]))),
                other => Some(format!("{other:?}")),
            })
            .collect();
        assert_eq!(
            script,
            [
                "replace paragraph 2",
                "insert option 3",
                "insert paragraph 2",
                "insert paragraph 3",
            ]
        );
    }

    /// An option block in a preamble is compared as one in the body: with
    /// one option kept, the block's headings and the other option's
    /// clauses are deleted, and the clause kept is no change.
    #[test]
    fn a_preamble_option_kept_deletes_the_others() {
        let old = "symbol: UNEP/MC/COP.6/1\nlanguage: en\ntitle: T\n\n::: decision\nThe Conference of the Parties,\n\n*Recalling* a,\n\n::: option\n*Noting* b,\n::: option\n*Noting* c,\n:::\n\n#. *Decides* d.\n:::\n";
        let new = old
            .replace("::: option\n*Noting* b,\n::: option\n", "")
            .replace(":::\n\n#.", "\n#.");
        let (a, b) = (crate::compile(old), crate::compile(&new));
        assert!(!a.has_errors() && !b.has_errors(), "{:#?}", b.diagnostics);
        let d = diff(&a.document, &b.document);
        let names = |units: &[Unit]| units.iter().map(name).collect::<Vec<_>>();
        assert_eq!(
            names(&d.old),
            [
                "formula",
                "preambular paragraph 1",
                "option 1",
                "preambular paragraph 2",
                "option 2",
                "preambular paragraph 2",
                "operative paragraph 1",
            ]
        );
        let script: Vec<String> = d
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Same { .. } => None,
                Step::Delete { old } => Some(format!("delete {}", name(&d.old[*old]))),
                other => Some(format!("{other:?}")),
            })
            .collect();
        assert_eq!(
            script,
            [
                "delete option 1",
                "delete preambular paragraph 2",
                "delete option 2",
            ]
        );
    }
}

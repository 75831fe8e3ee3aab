//! The amendments document (`draftdec diff OLD NEW --to amendments`): the
//! edits that turn OLD into NEW, written as a `.draft` in the United
//! Nations' wording of amendments ("In the second preambular paragraph,
//! after “the” insert “continued”.", "Delete operative paragraph 2.").
//!
//! Amendments are proposed to the draft as it stands, so every paragraph
//! is named by OLD's designation: a preambular paragraph by its ordinal,
//! the others by their number, with its decision when OLD holds several
//! (and its annex when the body and annexes number paragraphs), as each
//! numbers them afresh. A paragraph inserted is placed after (or before) a
//! paragraph of OLD and quoted in full with its subparagraphs, opening
//! words in italics and footnotes; a moved one is deleted and inserted,
//! as no wording of a move was found. Subparagraphs given to a paragraph
//! that had none are added to it; a footnote is deleted by its number, or
//! inserted after words of its paragraph.
//! Inside a paragraph, each run of changed words becomes one amendment,
//! widened to whole words and then to words that occur once in the
//! paragraph, so that it names one place. Every word comes from the
//! language's table (`lang::amendments`); a language without one is
//! refused (E0401), and so is a change in a part that amendments do not
//! name (E0402), rather than printing an amendment nobody can apply.

use std::collections::{HashMap, HashSet};

use crate::ast::{CrossRef, Decision, Document, Field, Span};
use crate::diag::{Code, Diagnostic};
use crate::diff::{Step, Unit, UnitKind, Words, noun};
use crate::lang::AmendmentWords;
use crate::lang::style::DocKind;
use crate::visit::Visitor;
use crate::visit::mutable::VisitorMut;

/// Which revision a diagnostic's span is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

/// The amendments that turn `old` into `new`, as the source of a draft
/// whose symbol is `symbol`; or why they cannot be written, each
/// diagnostic with the revision its span is in.
pub fn amendments(
    old: &Document,
    new: &Document,
    symbol: &str,
    sponsors: &[&str],
) -> Result<String, Vec<(Side, Diagnostic)>> {
    let Some(words) = old.language.table().amendments else {
        let span = old
            .meta
            .language
            .as_ref()
            .map_or(Span::new(0, 0), |f| f.span);
        return Err(vec![(
            Side::Old,
            Diagnostic::new(
                Code::E0401,
                span,
                format!(
                    "no confirmed wording of amendments in `{}`",
                    old.language.code()
                ),
            )
            .label("the amended draft's language")
            .help(
                "draftdec writes amendments only in a language whose wording was found in \
                 real amendment documents (English); write these by hand, or compare the \
                 English versions",
            ),
        )]);
    };
    let new = &in_old_numbers(old, new);
    let diff = by_decision(crate::diff::diff(old, new), old, new);
    let mut writer = Writer::new(old, new, &diff, words);
    for (at, step) in diff.steps.iter().enumerate() {
        writer.step(&diff.steps, at, step);
    }
    writer.flush();
    if !writer.refused.is_empty() {
        return Err(writer.refused);
    }
    let (text, starts) = source(old, new, symbol, sponsors, words, &writer.out);
    read_back(&text, &starts, &writer.out)?;
    Ok(text)
}

/// The amendments document compiled as a user will compile it: an error
/// in it (words quoted that read otherwise on their own, such as a
/// negotiation bracket escaped next to a symbol) is refused at the
/// paragraph its amendment is about, so that nothing that fails to check
/// is ever written.
fn read_back(
    text: &str,
    starts: &[usize],
    amendments: &[Amendment],
) -> Result<(), Vec<(Side, Diagnostic)>> {
    let written = crate::compile(text);
    let mut refused: Vec<(Side, Diagnostic)> = Vec::new();
    for d in written.diagnostics.iter().filter(|d| d.is_error()) {
        let k = starts
            .partition_point(|&s| s <= d.primary.span.start)
            .saturating_sub(1);
        let (side, span) = amendments
            .get(k)
            .map_or((Side::Old, Span::new(0, 0)), |a| a.about);
        if refused
            .iter()
            .any(|(s, r)| *s == side && r.primary.span == span)
        {
            continue;
        }
        let quoted = &text[d.primary.span.start..d.primary.span.end];
        refused.push((
            side,
            Diagnostic::new(
                Code::E0403,
                span,
                format!(
                    "the amendment to this paragraph would not read back as written: {} (`{}`)",
                    d.code.as_str(),
                    crate::diag::visible(quoted)
                ),
            )
            .label("its amendment would not check")
            .help(format!(
                "write this amendment by hand; quoted alone, these words read as {}: {}",
                d.code.as_str(),
                d.message
            )),
        ));
    }
    if refused.is_empty() {
        Ok(())
    } else {
        Err(refused)
    }
}

/// The comparison of two revisions that hold the same number of
/// decisions, several, made decision by decision (and stretch by stretch
/// between them): paragraphs that no amendment can carry from one decision
/// to another are compared within their decision, not taken for a
/// decision moved (its formula with them), which no amendment names.
fn by_decision(mut diff: crate::diff::Diff, old: &Document, new: &Document) -> crate::diff::Diff {
    let (od, nd) = (decisions(old), decisions(new));
    if od.len() < 2 || od.len() != nd.len() {
        return diff;
    }
    let (Some(a), Some(b)) = (stretches(&diff.old, &od), stretches(&diff.new, &nd)) else {
        return diff;
    };
    let mut steps = Vec::with_capacity(diff.steps.len());
    for (ra, rb) in a.into_iter().zip(b) {
        let (i0, j0) = (ra.start, rb.start);
        for step in crate::diff::steps_between(&diff.old[ra], &diff.new[rb]) {
            steps.push(match step {
                Step::Same { old, new } => Step::Same {
                    old: old + i0,
                    new: new + j0,
                },
                Step::Replace { old, new, words } => Step::Replace {
                    old: old + i0,
                    new: new + j0,
                    words,
                },
                Step::Delete { old } => Step::Delete { old: old + i0 },
                Step::Insert { new } => Step::Insert { new: new + j0 },
                Step::MovedAway { old, new } => Step::MovedAway {
                    old: old + i0,
                    new: new + j0,
                },
                Step::MovedHere { old, new } => Step::MovedHere {
                    old: old + i0,
                    new: new + j0,
                },
            });
        }
    }
    diff.steps = steps;
    diff
}

/// The units of a revision cut into stretches: before the first decision,
/// the first decision, between it and the next, and so on, the footnotes
/// (numbered through the document) last; `None` if the units are not in
/// that order.
fn stretches(
    units: &[Unit],
    decisions: &[(Span, Option<String>)],
) -> Option<Vec<std::ops::Range<usize>>> {
    let stretch = |u: &Unit| {
        if u.kind == UnitKind::Footnote {
            return 2 * decisions.len();
        }
        match decision_of(u, decisions) {
            Some(k) => 2 * k + 1,
            None => {
                2 * decisions
                    .iter()
                    .filter(|(d, _)| d.end <= u.span.start)
                    .count()
            }
        }
    };
    let mut out = vec![0..0; 2 * decisions.len() + 1];
    let mut last = 0;
    for (k, u) in units.iter().enumerate() {
        let s = stretch(u);
        if s < last {
            return None;
        }
        if out[s].is_empty() {
            out[s] = k..k;
        }
        out[s].end = k + 1;
        last = s;
    }
    // An empty stretch starts where the units after it do.
    let mut at = units.len();
    for r in out.iter_mut().rev() {
        if r.start == r.end {
            *r = at..at;
        }
        at = r.start;
    }
    Some(out)
}

/// `new` with each cross-reference to a paragraph OLD has too printed with
/// OLD's number: amendments speak of the draft as it stands, and a
/// reference renumbered only because its target moved is no amendment
/// (the text is renumbered when the amendments are adopted).
fn in_old_numbers(old: &Document, new: &Document) -> Document {
    let paths = |doc: &Document| -> HashMap<String, String> {
        crate::diff::units(doc)
            .into_iter()
            .filter_map(|u| Some((u.label?, u.path)))
            .filter(|(_, path)| !path.is_empty())
            .collect()
    };
    let (was, is) = (paths(old), paths(new));
    let renumbered: HashMap<String, (String, String)> = is
        .into_iter()
        .filter_map(|(label, now)| {
            let then = was.get(&label)?;
            (*then != now).then(|| (label, (now, then.clone())))
        })
        .collect();
    let mut doc = new.clone();
    if !renumbered.is_empty() {
        Renumber(&renumbered).visit_document(&mut doc);
    }
    doc
}

/// Puts OLD's designation in the printed text of references to
/// renumbered paragraphs (label → new and old designation).
struct Renumber<'a>(&'a HashMap<String, (String, String)>);

impl VisitorMut for Renumber<'_> {
    fn visit_cross_ref(&mut self, r: &mut CrossRef) {
        let (Some(target), Some((now, then))) = (&mut r.target, self.0.get(&r.label.name)) else {
            return;
        };
        // The designation as a whole token of the printed text.
        let whole = |at: usize| {
            let before = target.text[..at].chars().next_back();
            let after = target.text[at + now.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        if let Some(at) = target
            .text
            .match_indices(now.as_str())
            .map(|(at, _)| at)
            .find(|&at| whole(at))
        {
            target.text.replace_range(at..at + now.len(), then);
        }
    }
}

/// One amendment: its sentence and the paragraphs it quotes, as source,
/// and the paragraph it is about, in the revision that has it.
struct Amendment {
    sentence: String,
    quoted: Vec<String>,
    about: (Side, Span),
}

/// Paragraphs inserted at one place, written as one amendment when the
/// next step inserts nothing more there: their kind, the sentence
/// (`insert_after` or `insert_before`) and the place it names.
struct Pending {
    kind: UnitKind,
    template: &'static str,
    place: String,
    quoted: Vec<String>,
    count: usize,
    /// The first paragraph inserted.
    span: Span,
}

struct Writer<'a> {
    old: &'a [Unit],
    new: &'a [Unit],
    old_parent: Vec<Option<usize>>,
    new_parent: Vec<Option<usize>>,
    /// The part each unit is in, if any: a decision (its index among its
    /// revision's decisions), or an annex outside its decisions (after
    /// the decisions: the decisions' count plus the annex's index).
    old_scope: Vec<Option<usize>>,
    new_scope: Vec<Option<usize>>,
    /// OLD's part that each of NEW's parts revises.
    revises: HashMap<usize, usize>,
    /// How a place in each of OLD's parts is named with the part, when
    /// several parts number the same kind of paragraph; `None` where the
    /// place's name is enough.
    qualifiers: Vec<Option<Qualifier>>,
    table: &'static crate::lang::LangTable,
    /// The opening words of NEW's clauses, by the clause's span.
    openings: HashMap<(usize, usize), String>,
    /// The footnote marks in each revision's paragraphs.
    old_marks: Marks,
    new_marks: Marks,
    /// The unit of OLD each unit of NEW is matched with in place, and the
    /// words that changed between them.
    matched: Vec<Option<usize>>,
    changed: HashMap<usize, &'a [Words]>,
    /// Old units deleted or moved away; new units inserted or moved here.
    removed: Vec<bool>,
    added: Vec<bool>,
    words: &'static AmendmentWords,
    pending: Option<Pending>,
    out: Vec<Amendment>,
    refused: Vec<(Side, Diagnostic)>,
    /// The spans of NEW's option blocks.
    new_options: Vec<Span>,
    /// Names that more than one of OLD's units would have (the paragraphs
    /// of options, which number alike): no amendment uses them.
    named_twice: HashSet<String>,
}

impl<'a> Writer<'a> {
    fn new(
        old_doc: &Document,
        new_doc: &Document,
        diff: &'a crate::diff::Diff,
        words: &'static AmendmentWords,
    ) -> Self {
        let (old, new) = (&diff.old[..], &diff.new[..]);
        let (mut removed, mut added) = (vec![false; old.len()], vec![false; new.len()]);
        for s in &diff.steps {
            match *s {
                Step::Delete { old } | Step::MovedAway { old, .. } => removed[old] = true,
                Step::Insert { new } | Step::MovedHere { new, .. } => added[new] = true,
                Step::Same { .. } | Step::Replace { .. } => {}
            }
        }
        let (old_decisions, new_decisions) = (decisions(old_doc), decisions(new_doc));
        let old_scope = scopes(old, &old_decisions, old_doc);
        let new_scope = scopes(new, &new_decisions, new_doc);
        // A part of NEW revises the part of OLD its paragraphs were
        // matched with, those matched in place first.
        let mut revises = HashMap::new();
        let pairs = |moved: bool| {
            diff.steps.iter().filter_map(move |s| match *s {
                Step::Same { old, new } | Step::Replace { old, new, .. } if !moved => {
                    Some((old, new))
                }
                Step::MovedHere { old, new } if moved => Some((old, new)),
                _ => None,
            })
        };
        for (i, j) in pairs(false).chain(pairs(true)) {
            if let (Some(a), Some(b)) = (old_scope[i], new_scope[j]) {
                revises.entry(b).or_insert(a);
            }
        }
        let mut qualifiers: Vec<Option<Qualifier>> = if old_decisions.len() > 1 {
            decision_names(&old_decisions, words)
                .into_iter()
                .map(|n| Some(Qualifier::Decision(n)))
                .collect()
        } else {
            vec![None; old_decisions.len()]
        };
        // Paragraphs numbered in more than one division (the body, each
        // annex) are named with their annex, as a reference from outside
        // it names them; those of the body alone.
        let mut divisions: Vec<Option<usize>> = old
            .iter()
            .zip(&old_scope)
            .filter(|(u, _)| u.kind == UnitKind::Paragraph && !u.path.is_empty())
            .map(|(_, s)| *s)
            .collect();
        divisions.sort_unstable();
        divisions.dedup();
        let several = divisions.len() > 1;
        qualifiers.extend(old_doc.annexes.iter().map(|a| {
            let of = match (&a.number, old_doc.annexes.len()) {
                (Some(n), 2..) => crate::resolve::AnnexOf::Numbered(n.text.clone()),
                _ => crate::resolve::AnnexOf::Single,
            };
            several.then_some(Qualifier::Annex(of))
        }));
        let mut writer = Writer {
            old,
            new,
            old_parent: parents(old),
            new_parent: parents(new),
            old_scope,
            new_scope,
            revises,
            qualifiers,
            table: old_doc.language.table(),
            openings: openings(new_doc),
            old_marks: Marks::of(old_doc, old),
            new_marks: Marks::of(new_doc, new),
            matched: {
                let mut m = vec![None; new.len()];
                for s in &diff.steps {
                    if let Step::Same { old, new } | Step::Replace { old, new, .. } = *s {
                        m[new] = Some(old);
                    }
                }
                m
            },
            changed: diff
                .steps
                .iter()
                .filter_map(|s| match s {
                    Step::Replace { new, words, .. } => Some((*new, &words[..])),
                    _ => None,
                })
                .collect(),
            removed,
            added,
            words,
            pending: None,
            out: Vec::new(),
            refused: Vec::new(),
            named_twice: HashSet::new(),
            new_options: crate::negotiation::option_blocks(new_doc),
        };
        let mut seen = HashSet::new();
        writer.named_twice = (0..old.len())
            .filter_map(|i| writer.designation(i))
            .filter(|n| !seen.insert(n.clone()))
            .collect();
        writer
    }

    fn step(&mut self, steps: &[Step], at: usize, step: &Step) {
        // A unit inside a paragraph deleted or inserted whole goes with it.
        let old_gone = |w: &Self, i: usize| covered(&w.old_parent, &w.removed, i);
        let new_gone = |w: &Self, j: usize| covered(&w.new_parent, &w.added, j);
        match *step {
            // A footnote whose mark is now in another paragraph is one
            // footnote deleted and another inserted, whatever their words.
            Step::Same { old, new } | Step::Replace { old, new, .. }
                if self.old[old].kind == UnitKind::Footnote && !self.marked_alike(old, new) =>
            {
                self.delete(old);
                self.insert_footnote(new);
            }
            Step::Same { old, new } | Step::Replace { old, new, .. } => {
                match (old_gone(self, old), new_gone(self, new)) {
                    (false, false) => {
                        if let Step::Replace { words, .. } = step {
                            self.flush();
                            self.replace(old, words);
                        }
                    }
                    (true, false) => self.insert(steps, at, new),
                    (false, true) => self.delete(old),
                    (true, true) => {}
                }
            }
            Step::Delete { old } | Step::MovedAway { old, .. } => {
                if !old_gone(self, old) {
                    self.delete(old);
                }
            }
            Step::Insert { new } | Step::MovedHere { new, .. } => {
                if !new_gone(self, new) {
                    self.insert(steps, at, new);
                }
            }
        }
    }

    fn refuse(&mut self, side: Side, unit: &Unit, what: &str) {
        self.refused.push((
            side,
            Diagnostic::new(
                Code::E0402,
                unit.span,
                format!("{what}: amendments name only paragraphs and footnotes by their number"),
            )
            .label(what.to_string())
            .help("write this amendment by hand, or make the change in a numbered paragraph"),
        ));
    }

    /// Old unit `i` changed and unnamed: because its name would name
    /// another paragraph too (options number alike), or because
    /// amendments name no such unit.
    fn refuse_old(&mut self, i: usize, what: &str) {
        let unit = &self.old[i];
        match self.designation(i).filter(|n| self.named_twice.contains(n)) {
            Some(place) => self.refused.push((
                Side::Old,
                Diagnostic::new(
                    Code::E0402,
                    unit.span,
                    format!("{what}: “{place}” would name more than one paragraph of this draft"),
                )
                .label(format!("{what}, in an option block"))
                .help(
                    "the options of a block are numbered alike, and an amendment names one \
                     place: choose the options first (`draftdec build --accept`), then compare",
                ),
            )),
            None => self.refuse(Side::Old, unit, what),
        }
    }

    /// A footnote that no amendment can place: `why`, in full.
    fn refuse_footnote(&mut self, unit: &Unit, why: &str) {
        self.refused.push((
            Side::New,
            Diagnostic::new(Code::E0402, unit.span, why.to_string())
                .label("footnote inserted")
                .help(
                    "write this amendment by hand, or put the footnote's mark after words \
                     the draft already has, once",
                ),
        ));
    }

    fn delete(&mut self, i: usize) {
        self.flush();
        let unit = &self.old[i];
        // A footnote whose marks are all in paragraphs deleted goes with them.
        if unit.kind == UnitKind::Footnote
            && let Some(holders) = self.old_marks.holders(&unit.path)
            && holders
                .iter()
                .all(|&h| self.removed[h] || covered(&self.old_parent, &self.removed, h))
        {
            return;
        }
        match self.name(i) {
            Some(place) => self.out.push(Amendment {
                sentence: fill(self.words.delete, &[("{place}", &place)]),
                quoted: Vec::new(),
                about: (Side::Old, unit.span),
            }),
            _ => self.refuse_old(i, &format!("{} deleted", noun(unit.kind))),
        }
    }

    /// Whether old footnote `i` and new footnote `j` are marked in the same
    /// paragraphs (the new ones matched in place with the old).
    fn marked_alike(&self, i: usize, j: usize) -> bool {
        let old: Vec<usize> = self
            .old_marks
            .of_footnote(&self.old[i].path)
            .into_iter()
            .map(|m| m.0)
            .collect();
        let new: Vec<Option<usize>> = self
            .new_marks
            .of_footnote(&self.new[j].path)
            .into_iter()
            .map(|m| self.matched[m.0])
            .collect();
        new.len() == old.len() && new.iter().zip(&old).all(|(n, o)| *n == Some(*o))
    }

    /// The new footnote `j` inserted: in a paragraph inserted whole, it is
    /// quoted with it; in one kept, an amendment inserts it after (or
    /// before) words of the paragraph as it stands.
    fn insert_footnote(&mut self, j: usize) {
        self.flush();
        let unit = &self.new[j];
        let marks = self.new_marks.of_footnote(&unit.path);
        let added = |h: usize| self.added[h] || covered(&self.new_parent, &self.added, h);
        if !marks.is_empty() && marks.iter().all(|&(h, _)| added(h)) {
            return;
        }
        let why = match marks.as_slice() {
            [(h, Some(at))] => match self.matched[*h] {
                Some(i) => match self.old_offset(*h, *at) {
                    Some(old_at) => {
                        let text = &self.old[i].text;
                        match (insertion_context(text, old_at), self.name(i)) {
                            (Some((after, context)), Some(place)) => {
                                let (open, close) = self.words.quote;
                                let template = if after {
                                    self.words.footnote_after
                                } else {
                                    self.words.footnote_before
                                };
                                let old = format!("{open}{}{close}", context.trim());
                                self.out.push(Amendment {
                                    sentence: fill(
                                        template,
                                        &[("{place}", &place), ("{old}", &old)],
                                    ),
                                    quoted: vec![format!(
                                        "{open}{}{close}",
                                        plain(unit.text.trim())
                                    )],
                                    about: (Side::New, unit.span),
                                });
                                return;
                            }
                            _ => {
                                "footnote inserted where no words of its paragraph name one \
                                 place: an amendment inserts a footnote after words it quotes"
                            }
                        }
                    }
                    None => {
                        "footnote inserted next to words inserted: an amendment inserts a \
                         footnote after words the draft already has"
                    }
                },
                None => "footnote inserted in a part amendments do not name",
            },
            [(_, None)] => {
                "footnote inserted inside brackets or emphasis: an amendment inserts a \
                 footnote between words, not inside markup"
            }
            [] => "footnote inserted in a part amendments do not name",
            _ => "footnote marked at several places: an amendment inserts a footnote at one",
        };
        self.refuse_footnote(unit, why);
    }

    /// Where offset `at` of new unit `j`'s text is in the text of the old
    /// unit it is matched with: in words both have, or at their edge after
    /// words deleted; `None` next to words inserted, whose place in the
    /// draft as it stands is none.
    fn old_offset(&self, j: usize, at: usize) -> Option<usize> {
        let Some(words) = self.changed.get(&j) else {
            return Some(at);
        };
        let (mut o, mut n) = (0, 0);
        let mut found = None;
        for w in *words {
            match w {
                Words::Insert(t) if (n..=n + t.len()).contains(&at) => return None,
                Words::Insert(t) => n += t.len(),
                Words::Delete(t) => o += t.len(),
                Words::Same(t) => {
                    if found.is_none() && (n..=n + t.len()).contains(&at) {
                        found = Some(o + at - n);
                    }
                    o += t.len();
                    n += t.len();
                }
            }
        }
        found.or((at == n).then_some(o))
    }

    /// The new unit `j` inserted whole, at step `at`.
    fn insert(&mut self, steps: &[Step], at: usize, j: usize) {
        let unit = &self.new[j];
        if unit.kind == UnitKind::Footnote {
            return self.insert_footnote(j);
        }
        let whole =
            || (j + 1..self.new.len()).take_while(|&k| ancestors(&self.new_parent, k).contains(&j));
        if let Some(why) = std::iter::once(j)
            .chain(whole())
            .find_map(|k| self.new_marks.unplaced(k))
        {
            self.flush();
            return self.refuse_footnote(unit, why);
        }
        let Some(_) = kind_words(self.words, unit.kind) else {
            self.flush();
            self.refuse(Side::New, unit, &format!("{} inserted", noun(unit.kind)));
            return;
        };
        // Inside an option, no name places it: the paragraphs around it
        // are numbered as in the other options, and those outside the
        // block would place it outside.
        if self
            .new_options
            .iter()
            .any(|b| b.start <= unit.span.start && unit.span.end <= b.end)
        {
            self.flush();
            self.refused.push((
                Side::New,
                Diagnostic::new(
                    Code::E0402,
                    unit.span,
                    format!("{} inserted in an option block", noun(unit.kind)),
                )
                .label(format!("{} inserted in an option", noun(unit.kind)))
                .help(
                    "an amendment names one place, and the options of a block are numbered \
                     alike: choose the options first (`draftdec build --accept`), then compare",
                ),
            ));
            return;
        }
        let Some((template, anchor)) = self.anchor(steps, at, j).or_else(|| {
            // Subparagraphs given to a paragraph that had none.
            let holder = self.new_parent[j].and_then(|p| self.matched[p])?;
            let had = (0..self.old.len())
                .any(|i| self.old_parent[i] == Some(holder) && self.old[i].level == unit.level);
            (unit.kind == UnitKind::Subparagraph && !had).then_some((self.words.add_to, holder))
        }) else {
            self.flush();
            self.refuse(
                Side::New,
                unit,
                &format!(
                    "{} inserted with none like it before or after",
                    noun(unit.kind)
                ),
            );
            return;
        };
        let place = self
            .name(anchor)
            .expect("an anchor is a paragraph with a name");
        let quoted: Vec<String> = std::iter::once(j)
            .chain(whole())
            .map(|k| self.quote(k))
            .collect();
        if let Some(p) = &mut self.pending
            && p.kind == unit.kind
            && p.template == template
            && p.place == place
        {
            p.quoted.extend(quoted);
            p.count += 1;
            return;
        }
        self.flush();
        self.pending = Some(Pending {
            kind: unit.kind,
            template,
            place,
            quoted,
            count: 1,
            span: unit.span,
        });
    }

    /// A paragraph of OLD to insert the new unit `j` after (or before):
    /// the nearest of its kind and level kept before it, else after it,
    /// else one deleted before it; a subparagraph's, among its siblings.
    fn anchor(&self, steps: &[Step], at: usize, j: usize) -> Option<(&'static str, usize)> {
        let unit = &self.new[j];
        // In the decision of OLD that the unit's decision revises.
        let scope = match self.new_scope[j] {
            Some(b) => Some(*self.revises.get(&b)?),
            None => None,
        };
        let here = |i: usize| self.old_scope[i] == scope;
        // A subparagraph's siblings are in the paragraph of OLD its own is
        // matched with.
        let holder = self.new_parent[j].and_then(|p| self.matched[p]);
        let sibling = |i: usize| {
            self.old[i].kind == unit.kind
                && self.old[i].level == unit.level
                && here(i)
                && (unit.kind != UnitKind::Subparagraph || self.old_parent[i] == holder)
        };
        let kept = |i: usize| !self.removed[i] && !covered(&self.old_parent, &self.removed, i);
        // A subparagraph's siblings end at the paragraph that holds them
        // (one the revision keeps).
        let fence = |i: usize| {
            unit.kind == UnitKind::Subparagraph
                && kept(i)
                && (self.old[i].kind != UnitKind::Subparagraph || self.old[i].level < unit.level)
        };
        let named = |i: usize| self.name(i).is_some();
        let old_of = |s: &Step| match *s {
            Step::Same { old, .. }
            | Step::Replace { old, .. }
            | Step::Delete { old }
            | Step::MovedAway { old, .. } => Some(old),
            Step::Insert { .. } | Step::MovedHere { .. } => None,
        };
        let before = || steps[..at].iter().rev().filter_map(old_of);
        let after = || steps[at + 1..].iter().filter_map(old_of);
        let mut deleted_before = None;
        for i in before() {
            if fence(i) {
                break;
            }
            if sibling(i) && named(i) {
                if kept(i) {
                    return Some((self.words.insert_after, i));
                }
                deleted_before.get_or_insert(i);
            }
        }
        for i in after() {
            if fence(i) {
                break;
            }
            if sibling(i) && named(i) && kept(i) {
                return Some((self.words.insert_before, i));
            }
        }
        if let Some(i) = deleted_before {
            return Some((self.words.insert_after, i));
        }
        // None of its kind (a first preambular paragraph): next to the
        // nearest paragraph, whatever its kind, kept if one is (its place
        // in OLD is the place even if deleted); a subparagraph has only
        // its siblings.
        if unit.kind == UnitKind::Subparagraph {
            return None;
        }
        let paragraph =
            |i: &usize| named(*i) && self.old[*i].kind != UnitKind::Footnote && here(*i);
        let near = |keep: bool| {
            let ok = move |i: &usize| paragraph(i) && (kept(*i) || !keep);
            before()
                .find(ok)
                .map(|i| (self.words.insert_after, i))
                .or_else(|| after().find(ok).map(|i| (self.words.insert_before, i)))
        };
        near(true).or_else(|| near(false))
    }

    /// How amendments name old unit `i`, if they do and the name is its
    /// alone.
    fn name(&self, i: usize) -> Option<String> {
        self.designation(i)
            .filter(|n| !self.named_twice.contains(n))
    }

    /// Old unit `i`'s name: with its decision when OLD has several, with
    /// its annex when the body and annexes number paragraphs, as each
    /// numbers them afresh.
    fn designation(&self, i: usize) -> Option<String> {
        let place = place(self.words, self.old, &self.old_parent, i)?;
        let qualifier = self.old_scope[i]
            .filter(|_| self.old[i].kind != UnitKind::Footnote)
            .and_then(|p| self.qualifiers[p].as_ref());
        Some(match qualifier {
            Some(Qualifier::Decision(d)) => fill(
                self.words.of_decision,
                &[("{place}", &place), ("{decision}", d)],
            ),
            Some(Qualifier::Annex(of)) => crate::resolve::of_annex(self.table, &place, of),
            None => place,
        })
    }

    /// A new unit as quoted in full, as source: a subparagraph with its
    /// letter, a clause with its opening words in italics, as the draft
    /// sets them (the words resolution recognised).
    fn quote(&self, k: usize) -> String {
        let unit = &self.new[k];
        let (open, close) = self.words.quote;
        let text = &unit.text;
        let marks = self.new_marks.in_unit(k);
        let opening = self
            .openings
            .get(&(unit.span.start, unit.span.end))
            .filter(|o| !o.is_empty() && text.starts_with(o.as_str()))
            .filter(|o| marks.iter().all(|m| m.0.is_some_and(|at| at >= o.len())));
        let mut out = String::new();
        if unit.kind == UnitKind::Subparagraph && !unit.display.is_empty() {
            out.push_str(&plain(&unit.display));
            out.push(' ');
        }
        let mut from = 0;
        if let Some(o) = opening {
            out.push_str(&format!("*{}*", plain(o)));
            from = o.len();
        }
        // Each footnote where its mark is, as an inline footnote.
        for (at, number) in marks {
            let Some(at) = *at else { continue };
            let note = self
                .new
                .iter()
                .find(|u| u.kind == UnitKind::Footnote && u.path == *number)
                .map_or("", |u| u.text.trim());
            out.push_str(&plain(&text[from..at]));
            out.push_str(&format!("^{{{}}}", plain(note)));
            from = at;
        }
        out.push_str(&plain(&text[from..]));
        format!("{open}{}{close}", out.trim())
    }

    fn flush(&mut self) {
        if let Some(p) = self.pending.take() {
            let kinds = kind_words(self.words, p.kind).expect("checked when inserted");
            let kind = if p.count == 1 { kinds[0] } else { kinds[1] };
            self.out.push(Amendment {
                sentence: fill(p.template, &[("{kind}", kind), ("{place}", &p.place)]),
                quoted: p.quoted,
                about: (Side::New, p.span),
            });
        }
    }

    /// The words of old unit `i` changed as `words` say.
    fn replace(&mut self, i: usize, words: &[Words]) {
        let unit = &self.old[i];
        let Some(place) = self.name(i) else {
            self.refuse_old(i, &format!("{} changed", noun(unit.kind)));
            return;
        };
        let (open, close) = self.words.quote;
        let quote = |s: &str| format!("{open}{}{close}", s.trim());
        let (o, n, mut changes) = changes(words);
        named_once(&o, &n, &mut changes);
        for c in changes {
            let (a, b) = (o[c.o.0..c.o.1].trim(), n[c.n.0..c.n.1].trim());
            let edit = if a.is_empty() && b.is_empty() {
                continue;
            } else if let Some((after, context)) =
                insertion_context(&o, c.o.0).filter(|_| a.is_empty() && balanced(b))
            {
                let template = if after {
                    self.words.insert_after_words
                } else {
                    self.words.insert_before_words
                };
                fill(
                    template,
                    &[("{old}", &quote(context)), ("{new}", &quote(b))],
                )
            } else if b.is_empty() && quotable(&o, a) {
                fill(self.words.delete_words, &[("{old}", &quote(a))])
            } else {
                let (x, y) = (quote(a), quote(b));
                fill(self.words.replace_words, &[("{old}", &x), ("{new}", &y)])
            };
            self.out.push(Amendment {
                sentence: fill(self.words.within, &[("{place}", &place), ("{edit}", &edit)]),
                quoted: Vec::new(),
                about: (Side::Old, unit.span),
            });
        }
    }
}

/// A revision's decisions in source order: each one's span and how a
/// cross-reference names it, if by its symbol.
fn decisions(doc: &Document) -> Vec<(Span, Option<String>)> {
    struct Found(Vec<(Span, Option<String>)>, &'static crate::lang::LangTable);
    impl Visitor for Found {
        fn visit_decision(&mut self, d: &Decision) {
            let name = d
                .symbol
                .is_some()
                .then(|| crate::resolve::decision_reference(d, self.1));
            self.0.push((d.span, name));
        }
    }
    let mut found = Found(Vec::new(), doc.language.table());
    found.visit_document(doc);
    found.0
}

/// The footnote marks in a revision's paragraphs: for each unit, each
/// mark's place in its text (a byte offset; `None` for a mark inside
/// brackets or emphasis, which the text alone does not place) and the
/// footnote's number, as its unit's `path`.
struct Marks(HashMap<usize, Vec<(Option<usize>, String)>>);

impl Marks {
    fn of(doc: &Document, units: &[Unit]) -> Marks {
        use crate::ast::{Inline, Opening};
        use crate::visit::{self, Visitor};
        /// The numbers of the footnotes marked in some content.
        struct Refs(Vec<String>);
        impl Visitor for Refs {
            fn visit_footnote_ref(&mut self, r: &crate::ast::FootnoteRef) {
                self.0.extend(r.number.map(|n| n.to_string()));
            }
        }
        struct Found {
            units: HashMap<(usize, usize), usize>,
            marks: HashMap<usize, Vec<(Option<usize>, String)>>,
        }
        impl Found {
            fn holder(&mut self, span: Span, opening: Option<&Opening>, content: &[Inline]) {
                let Some(&unit) = self.units.get(&(span.start, span.end)) else {
                    return;
                };
                // The unit's text is the opening words, a blank, the words.
                let mut at = match opening {
                    Some(o) if o.space_after && !crate::lower::plain_text(content).is_empty() => {
                        o.text.len() + 1
                    }
                    Some(o) => o.text.len(),
                    None => 0,
                };
                let mut found = Vec::new();
                for inline in content {
                    let one = std::slice::from_ref(inline);
                    let mut refs = Refs(Vec::new());
                    refs.visit_content(one);
                    let top = matches!(inline, Inline::FootnoteRef(_));
                    found.extend(refs.0.into_iter().map(|n| (top.then_some(at), n)));
                    at += crate::lower::plain_text(one).len();
                }
                if !found.is_empty() {
                    self.marks.insert(unit, found);
                }
            }
        }
        impl Visitor for Found {
            fn visit_preambular_clause(&mut self, c: &crate::ast::PreambularClause) {
                self.holder(c.span, c.opening.as_ref(), &c.content);
                visit::walk_preambular_clause(self, c);
            }
            fn visit_operative_paragraph(&mut self, p: &crate::ast::OperativeParagraph) {
                self.holder(p.span, p.opening.as_ref(), &p.content);
                visit::walk_operative_paragraph(self, p);
            }
            fn visit_paragraph(&mut self, p: &crate::ast::Paragraph) {
                self.holder(p.span, None, &p.content);
                visit::walk_paragraph(self, p);
            }
            fn visit_subparagraph(&mut self, s: &crate::ast::SubParagraph) {
                self.holder(s.span, None, &s.content);
                visit::walk_subparagraph(self, s);
            }
        }
        let mut found = Found {
            units: units
                .iter()
                .enumerate()
                .filter(|(_, u)| u.kind != UnitKind::Footnote)
                .map(|(k, u)| ((u.span.start, u.span.end), k))
                .collect(),
            marks: HashMap::new(),
        };
        found.visit_document(doc);
        Marks(found.marks)
    }

    /// The marks of the footnote numbered `number`: each unit holding one,
    /// with its place.
    fn of_footnote(&self, number: &str) -> Vec<(usize, Option<usize>)> {
        let mut out: Vec<(usize, Option<usize>)> = self
            .0
            .iter()
            .flat_map(|(&unit, marks)| {
                marks
                    .iter()
                    .filter(|(_, n)| n == number)
                    .map(move |(at, _)| (unit, *at))
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The units holding a mark of footnote `number`, if any does.
    fn holders(&self, number: &str) -> Option<Vec<usize>> {
        let units: Vec<usize> = self.of_footnote(number).into_iter().map(|m| m.0).collect();
        (!units.is_empty()).then_some(units)
    }

    /// The marks in unit `k`, in their order.
    fn in_unit(&self, k: usize) -> &[(Option<usize>, String)] {
        self.0.get(&k).map_or(&[], Vec::as_slice)
    }

    /// Why an inserted unit `k` cannot be quoted with its footnotes.
    fn unplaced(&self, k: usize) -> Option<&'static str> {
        self.in_unit(k)
            .iter()
            .any(|(at, _)| at.is_none())
            .then_some(
                "paragraph inserted with a footnote inside brackets or emphasis: its quotation \
                 places a footnote only between words",
            )
    }
}

/// The opening words resolution recognised in each clause of a revision,
/// by the clause's span.
fn openings(doc: &Document) -> HashMap<(usize, usize), String> {
    struct Found(HashMap<(usize, usize), String>);
    impl Visitor for Found {
        fn visit_preambular_clause(&mut self, c: &crate::ast::PreambularClause) {
            if let Some(o) = &c.opening {
                self.0.insert((c.span.start, c.span.end), o.text.clone());
            }
        }
        fn visit_operative_paragraph(&mut self, p: &crate::ast::OperativeParagraph) {
            if let Some(o) = &p.opening {
                self.0.insert((p.span.start, p.span.end), o.text.clone());
            }
        }
    }
    let mut found = Found(HashMap::new());
    found.visit_document(doc);
    found.0
}

/// How the amendments name each of several decisions: as a reference
/// does, by its symbol, when no other decision has the same; else by its
/// place among them ("the second draft decision"), as a decision with no
/// symbol, or with a provisional one it shares (`MC-6/[…]`), has no other
/// name a reader can find.
fn decision_names(decisions: &[(Span, Option<String>)], words: &AmendmentWords) -> Vec<String> {
    decisions
        .iter()
        .enumerate()
        .map(|(k, (_, name))| match name {
            Some(n) if decisions.iter().filter(|d| d.1.as_ref() == Some(n)).count() == 1 => {
                n.clone()
            }
            _ => {
                let ord = (words.ordinal)(u32::try_from(k + 1).unwrap_or(u32::MAX));
                fill(words.decision_ordinal, &[("{ord}", &ord)])
            }
        })
        .collect()
}

/// How a place is named with the part of the document it is in.
#[derive(Clone)]
enum Qualifier {
    /// "… of decision SC-4/2": the decision's name.
    Decision(String),
    /// "… of annex I", as a reference from outside the annex.
    Annex(crate::resolve::AnnexOf),
}

/// The part each unit is in, if any: its decision, else its annex (after
/// the decisions).
fn scopes(
    units: &[Unit],
    decisions: &[(Span, Option<String>)],
    doc: &Document,
) -> Vec<Option<usize>> {
    // An annex's span is its heading line; its content follows, up to the
    // next annex.
    units
        .iter()
        .map(|u| {
            decision_of(u, decisions).or_else(|| {
                let a = doc
                    .annexes
                    .iter()
                    .rposition(|a| a.span.start <= u.span.start)?;
                Some(decisions.len() + a)
            })
        })
        .collect()
}

fn decision_of(u: &Unit, decisions: &[(Span, Option<String>)]) -> Option<usize> {
    decisions
        .iter()
        .position(|(d, _)| d.start <= u.span.start && u.span.end <= d.end)
}

/// The unit that holds each unit: a subparagraph's paragraph or
/// subparagraph one level up.
fn parents(units: &[Unit]) -> Vec<Option<usize>> {
    let mut out = vec![None; units.len()];
    for (k, u) in units.iter().enumerate() {
        if u.kind != UnitKind::Subparagraph {
            continue;
        }
        for j in (0..k).rev() {
            match units[j].kind {
                UnitKind::Subparagraph if units[j].level < u.level => {}
                UnitKind::Subparagraph => continue,
                UnitKind::OperativeParagraph
                | UnitKind::Paragraph
                | UnitKind::PreambularParagraph => {}
                _ => break,
            }
            out[k] = Some(j);
            break;
        }
    }
    out
}

fn ancestors(parents: &[Option<usize>], mut k: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(p) = parents[k] {
        out.push(p);
        k = p;
    }
    out
}

/// Whether a unit that holds `k` is itself deleted (or inserted) whole.
fn covered(parents: &[Option<usize>], whole: &[bool], k: usize) -> bool {
    ancestors(parents, k).into_iter().any(|p| whole[p])
}

/// How amendments name unit `i`, if they do.
fn place(
    words: &AmendmentWords,
    units: &[Unit],
    parents: &[Option<usize>],
    i: usize,
) -> Option<String> {
    let u = &units[i];
    if u.path.is_empty() {
        return None;
    }
    let p = &words.places;
    let template = match u.kind {
        UnitKind::PreambularParagraph => {
            let n: u32 = u.path.parse().ok()?;
            return Some(fill(p.preambular, &[("{ord}", &(words.ordinal)(n))]));
        }
        UnitKind::OperativeParagraph => p.operative,
        UnitKind::Paragraph => p.paragraph,
        UnitKind::Footnote => p.footnote,
        UnitKind::Subparagraph => {
            let root = *ancestors(parents, i).last()?;
            match units[root].kind {
                UnitKind::OperativeParagraph => p.operative_sub,
                UnitKind::Paragraph => p.paragraph_sub,
                _ => return None,
            }
        }
        UnitKind::Heading | UnitKind::Formula | UnitKind::AnnexTitle | UnitKind::Option => {
            return None;
        }
    };
    Some(fill(template, &[("{}", &u.path)]))
}

fn kind_words(words: &AmendmentWords, kind: UnitKind) -> Option<[&'static str; 2]> {
    let k = &words.kinds;
    match kind {
        UnitKind::PreambularParagraph => Some(k.preambular),
        UnitKind::OperativeParagraph => Some(k.operative),
        UnitKind::Subparagraph => Some(k.subparagraph),
        UnitKind::Paragraph => Some(k.paragraph),
        _ => None,
    }
}

// ------------------------------------------------------------ word level

/// A change: byte ranges of the old and the new text, with the same text
/// between consecutive changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    o: (usize, usize),
    n: (usize, usize),
}

/// The old and new texts and their changes, each widened to whole words
/// (a boundary is a blank on one side of it), changes that meet merged.
fn changes(words: &[Words]) -> (String, String, Vec<Change>) {
    let (mut o, mut n) = (String::new(), String::new());
    let mut out: Vec<Change> = Vec::new();
    let mut last_same = true;
    for w in words {
        match w {
            Words::Same(t) => {
                o.push_str(t);
                n.push_str(t);
                last_same = true;
                continue;
            }
            Words::Delete(_) | Words::Insert(_) if last_same => out.push(Change {
                o: (o.len(), o.len()),
                n: (n.len(), n.len()),
            }),
            _ => {}
        }
        let c = out.last_mut().expect("pushed above");
        match w {
            Words::Delete(t) => o.push_str(t),
            Words::Insert(t) => n.push_str(t),
            Words::Same(_) => {}
        }
        (c.o.1, c.n.1) = (o.len(), n.len());
        last_same = false;
    }
    let mut k = 0;
    while k < out.len() {
        let c = out[k];
        let sides = [&o[c.o.0..c.o.1], &n[c.n.0..c.n.1]];
        let left_ok = word_edge(
            o[..c.o.0].chars().rev().take(2),
            sides.iter().filter_map(|s| s.chars().next()),
        );
        let right_ok = word_edge(
            o[c.o.1..].chars().take(2),
            sides.iter().filter_map(|s| s.chars().next_back()),
        );
        if !left_ok {
            let step = o[..c.o.0].chars().next_back().map_or(0, char::len_utf8);
            out[k].o.0 -= step;
            out[k].n.0 -= step;
            if k > 0 && out[k - 1].o.1 == out[k].o.0 {
                out[k - 1] = join(out[k - 1], out[k]);
                out.remove(k);
                k -= 1;
            }
            continue;
        }
        if !right_ok {
            let step = o[c.o.1..].chars().next().map_or(0, char::len_utf8);
            out[k].o.1 += step;
            out[k].n.1 += step;
            if k + 1 < out.len() && out[k + 1].o.0 == out[k].o.1 {
                out[k] = join(out[k], out[k + 1]);
                out.remove(k + 1);
            }
            continue;
        }
        k += 1;
    }
    (o, n, out)
}

/// Whether a change whose texts have `inside` next to the edge, and the
/// same text `outside` it (nearest character first), starts (or ends) on
/// a word's edge: a blank outside, blanks inside, or a word inside
/// against punctuation outside. A bracket is punctuation glued to its
/// word, so `[shall]` is not cut; a hyphen, slash or full stop between
/// letters or digits joins them, so that a symbol (`MC-4/10`,
/// `UNEP/MC/COP.6/L.4`) or a compound word is quoted whole: a piece of a
/// symbol (`MC-4`) would read back as a malformed one (E0108).
fn word_edge(
    mut outside: impl Iterator<Item = char>,
    inside: impl Iterator<Item = char> + Clone,
) -> bool {
    const JOINERS: [char; 4] = ['-', '/', '.', '\u{2010}'];
    match outside.next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) => {
            let joins = JOINERS.contains(&c) && outside.next().is_some_and(char::is_alphanumeric);
            inside.clone().all(char::is_whitespace)
                || (!c.is_alphanumeric() && !joins && inside.clone().all(char::is_alphanumeric))
        }
    }
}

fn join(a: Change, b: Change) -> Change {
    Change {
        o: (a.o.0, b.o.1),
        n: (a.n.0, b.n.1),
    }
}

/// Whether `part` occurs once in `text`, counting occurrences that
/// overlap (`it] [on it]` is twice in `[on it] [on it] [on it]`).
fn unique(text: &str, part: &str) -> bool {
    let Some(first) = text.find(part).filter(|_| !part.is_empty()) else {
        return false;
    };
    let next = first + text[first..].chars().next().map_or(1, char::len_utf8);
    !text[next..].contains(part)
}

/// Whether every quotation mark `part` opens it closes, so that quoting
/// it leaves the amendment's own marks balanced (W0111).
fn balanced(part: &str) -> bool {
    [('\u{201c}', '\u{201d}'), ('«', '»')]
        .iter()
        .all(|&(open, close)| part.matches(open).count() == part.matches(close).count())
}

/// Words that name one place and may be quoted.
fn quotable(text: &str, part: &str) -> bool {
    unique(text, part) && balanced(part)
}

/// Where one word starts before `at` (blanks skipped), or `None` at the start.
fn word_before(text: &str, at: usize) -> Option<usize> {
    let trimmed = text[..at].trim_end();
    if trimmed.is_empty() {
        return None;
    }
    Some(trimmed.rfind(char::is_whitespace).map_or(0, |b| b + 1))
}

/// Where one word ends after `at` (blanks skipped), or `None` at the end.
fn word_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let start = rest.len() - rest.trim_start().len();
    if start == rest.len() {
        return None;
    }
    let word = &rest[start..];
    Some(at + start + word.find(char::is_whitespace).unwrap_or(word.len()))
}

/// The fewest words before an insertion at `at` that may be quoted
/// (`true`: insert after them), else the fewest after it (insert before
/// them); `None` when no words around it name one place.
fn insertion_context(text: &str, at: usize) -> Option<(bool, &str)> {
    let mut from = at;
    while let Some(start) = word_before(text, from) {
        from = start;
        if quotable(text, text[from..at].trim()) {
            return Some((true, &text[from..at]));
        }
    }
    let mut to = at;
    while let Some(end) = word_after(text, to) {
        to = end;
        if quotable(text, text[at..to].trim()) {
            return Some((false, &text[at..to]));
        }
    }
    None
}

/// `template` with each placeholder replaced by its value, in one pass,
/// so that a value holding a placeholder's name is left as written.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((at, key, value)) = values
        .iter()
        .filter_map(|(k, v)| rest.find(k).map(|at| (at, *k, *v)))
        .min_by_key(|(at, _, _)| *at)
    {
        out.push_str(&rest[..at]);
        out.push_str(value);
        rest = &rest[at + key.len()..];
    }
    out.push_str(rest);
    out
}

/// Whether a change can be stated as it is: an insertion with words
/// around it that name one place, a deletion or replacement of words that
/// occur once; all of it quotable.
fn stated(o: &str, n: &str, c: Change) -> bool {
    let (a, b) = (o[c.o.0..c.o.1].trim(), n[c.n.0..c.n.1].trim());
    (a.is_empty() && b.is_empty())
        || (a.is_empty() && balanced(b) && insertion_context(o, c.o.0).is_some())
        || (quotable(o, a) && balanced(b))
}

/// Widens each change that cannot be stated by the words on either side
/// (the same in both texts) until it can: its old words occur once in
/// the old text and every quotation mark is in a pair. A change that
/// reaches its neighbour takes it in, so that no words are quoted twice.
fn named_once(o: &str, n: &str, changes: &mut Vec<Change>) {
    let mut k = 0;
    while k < changes.len() {
        let c = changes[k];
        if stated(o, n, c) {
            k += 1;
            continue;
        }
        if let Some(start) = word_before(o, c.o.0) {
            if k > 0 && start <= changes[k - 1].o.1 {
                changes[k - 1] = join(changes[k - 1], c);
                changes.remove(k);
                k -= 1;
            } else {
                let d = c.o.0 - start;
                changes[k].o.0 = start;
                changes[k].n.0 -= d;
            }
        } else if let Some(end) = word_after(o, c.o.1) {
            if k + 1 < changes.len() && end >= changes[k + 1].o.0 {
                changes[k] = join(c, changes[k + 1]);
                changes.remove(k + 1);
            } else {
                let d = end - c.o.1;
                changes[k].o.1 = end;
                changes[k].n.1 += d;
            }
        } else {
            // The whole paragraph: nothing more to widen it by.
            k += 1;
        }
    }
}

// ------------------------------------------------------------ the source

/// The `.draft` source: a note whose masthead is the amended draft's, with
/// the sponsors' line if there are sponsors, and one numbered paragraph per
/// amendment.
fn source(
    old: &Document,
    new: &Document,
    symbol: &str,
    sponsors: &[&str],
    words: &AmendmentWords,
    amendments: &[Amendment],
) -> (String, Vec<usize>) {
    let text = |f: &Option<Field>| f.as_ref().map(|f| f.text.trim().to_string());
    let old_symbol = text(&old.meta.symbol).unwrap_or_default();
    let new_symbol = text(&new.meta.symbol).unwrap_or_default();
    let mut out = format!(
        "// The amendments that make {old_symbol} read as {new_symbol},\n\
         // written by `draftdec diff --to amendments` (docs/negotiation.md).\n"
    );
    let (titles, lines) = if amendments.len() == 1 {
        (words.title_one, words.sponsors_one)
    } else {
        (words.title_many, words.sponsors_many)
    };
    let of_kind = |t: [&'static str; 3]| match old.kind() {
        DocKind::DraftResolution => t[0],
        DocKind::DraftDecision => t[1],
        DocKind::Note | DocKind::Resolution | DocKind::Decision => t[2],
    };
    let title = fill(of_kind(titles), &[("{symbol}", &old_symbol)]);
    let sponsors = match sponsors {
        [] => None,
        [names @ .., last] if !names.is_empty() => Some(format!(
            "{}{}{last}",
            names.join(words.list.0),
            words.list.1
        )),
        [one, ..] => Some(one.to_string()),
    }
    .map(|names| {
        fill(
            of_kind(lines),
            &[("{sponsors}", &names), ("{symbol}", &old_symbol)],
        )
    });
    let m = &old.meta;
    let code = old.language.code().to_string();
    let fields: [(&str, Option<String>); 15] = [
        ("type", Some("note".to_string())),
        ("organ", text(&m.organ)),
        ("symbol", Some(symbol.trim().to_string())),
        ("distribution", text(&m.distribution)),
        ("original", Some(code.clone())),
        ("language", Some(code)),
        ("body", text(&m.body)),
        ("meeting", text(&m.meeting)),
        ("place", text(&m.place)),
        ("dates", text(&m.dates)),
        ("agenda-item", text(&m.agenda_item)),
        ("agenda-title", text(&m.agenda_title)),
        ("provisional-agenda", text(&m.provisional_agenda)),
        ("sponsors", sponsors),
        ("title", Some(title)),
    ];
    for (key, value) in fields {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {}\n", plain(&v)));
        }
    }
    let mut starts = Vec::with_capacity(amendments.len());
    for a in amendments {
        starts.push(out.len());
        out.push_str(&format!("\n#. {}\n", plain(&a.sentence)));
        for q in &a.quoted {
            out.push_str(&format!("\n{q}\n"));
        }
    }
    (out, starts)
}

/// Text written so that it reads back as itself, symbols recognised:
/// each character that opens or closes markup escaped, except the `[…]`
/// that stands for a decision's number not yet given (`MC-6/[…]`), which
/// escaped would leave a symbol without a number (E0108). The lines start
/// with `#. `, a key or a quotation mark, so nothing here starts a block.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if let Some(end) = (c == '[').then(|| to_be_numbered(text, at)).flatten() {
            out.push_str(&text[at..end]);
            chars
                .by_ref()
                .take_while(|&(k, _)| k + 1 < end)
                .for_each(drop);
            continue;
        }
        match c {
            '\\' | '*' | '^' | '@' | '[' | ']' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // Text holds no line break; a blank keeps the block whole.
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Where the `[…]` at `at` ends when it is the number of a decision
/// symbol (`MC-6/[…]`), as the scanner reads one.
fn to_be_numbered(text: &str, at: usize) -> Option<usize> {
    let symbol_char =
        |c: char| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '\u{2010}' | '\u{2011}');
    let from = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| symbol_char(c))
        .last()
        .map_or(at, |(k, _)| k);
    text[from..at]
        .char_indices()
        .filter(|&(_, c)| crate::syntax::scan::may_start_symbol(c))
        .find_map(|(k, _)| crate::syntax::scan::decision_sym(text, from + k))
        .filter(|&end| end > at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(parts: &[(char, &str)]) -> Vec<Words> {
        parts
            .iter()
            .map(|&(k, t)| match k {
                '=' => Words::Same(t.into()),
                '+' => Words::Insert(t.into()),
                _ => Words::Delete(t.into()),
            })
            .collect()
    }

    fn texts(words: &[Words]) -> Vec<(String, String)> {
        let (o, n, cs) = changes(words);
        cs.iter()
            .map(|c| (o[c.o.0..c.o.1].to_string(), n[c.n.0..c.n.1].to_string()))
            .collect()
    }

    #[test]
    fn changes_are_whole_words() {
        // Brackets settled: one replacement, not three pieces.
        assert_eq!(
            texts(&w(&[
                ('=', "that the task team "),
                ('-', "[shall]["),
                ('=', "should"),
                ('-', "]"),
                ('=', " meet"),
            ])),
            [("[shall][should]".into(), "should".into())]
        );
        // A word inserted between blanks stays alone.
        assert_eq!(
            texts(&w(&[
                ('=', "Welcoming the "),
                ('+', "continued "),
                ('=', "cooperation")
            ])),
            [(String::new(), "continued ".into())]
        );
        // A changed ending takes its word.
        assert_eq!(
            texts(&w(&[('=', "once a year"), ('-', "."), ('+', ";")])),
            [("year.".into(), "year;".into())]
        );
        // A symbol is quoted whole, never a piece of it.
        assert_eq!(
            texts(&w(&[
                ('=', "decisions MC-"),
                ('-', "0"),
                ('+', "1"),
                ('=', "/6 and MC-4/10,"),
            ])),
            [("MC-0/6".into(), "MC-1/6".into())]
        );
        // A sentence's full stop still ends a word.
        assert_eq!(
            texts(&w(&[
                ('=', "until "),
                ('-', "2035"),
                ('+', "2040"),
                ('=', ".")
            ])),
            [("2035".into(), "2040".into())]
        );
    }

    #[test]
    fn a_decision_to_be_numbered_keeps_its_placeholder() {
        assert_eq!(
            plain("decision MC-6/[…] and [MC-6/…] (BC-7/[...])"),
            "decision MC-6/[…] and \\[MC-6/…\\] (BC-7/[...])"
        );
    }

    #[test]
    fn context_names_one_place() {
        let text = "the Parties and the secretariat";
        // "the" twice: one more word before it, or the word after it.
        assert_eq!(insertion_context(text, 20), Some((true, "and the ")));
        assert_eq!(insertion_context(text, 4), Some((false, "Parties")));
        assert_eq!(insertion_context("one two", 0), Some((false, "one")));
        assert_eq!(insertion_context("a a", 1), None);
        assert_eq!(
            fill(
                "In {place}, {edit}.",
                &[("{place}", "{edit}"), ("{edit}", "x")]
            ),
            "In {edit}, x."
        );
        let mut cs = vec![Change {
            o: (16, 19),
            n: (16, 17),
        }];
        named_once(
            "the Parties and the secretariat",
            "the Parties and a secretariat",
            &mut cs,
        );
        assert_eq!((cs[0].o, cs[0].n), ((12, 19), (12, 17)));
        // Quotation marks stay in pairs inside what is quoted.
        let (o, n) = ("Decides “x” “y” now", "Decides “x” now");
        let mut cs = vec![Change {
            o: (16, 24),
            n: (16, 16),
        }];
        named_once(o, n, &mut cs);
        assert!(balanced(&o[cs[0].o.0..cs[0].o.1]) && balanced(&n[cs[0].n.0..cs[0].n.1]));
        // Widening reaches the change before and takes it in.
        let (o, n) = ("a x b x c", "a y b c");
        let mut cs = vec![
            Change {
                o: (2, 3),
                n: (2, 3),
            },
            Change {
                o: (6, 8),
                n: (6, 6),
            },
        ];
        named_once(o, n, &mut cs);
        assert!(cs.iter().all(|c| stated(o, n, *c)), "{cs:?}");
    }

    proptest::proptest! {
        /// The changes, widened and merged, still turn the old text into
        /// the new one, in order and without overlapping, each stated
        /// once it can be.
        #[test]
        fn widened_changes_still_apply(
            a in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..12),
            b in proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..12),
        ) {
            let (a, b) = (a.join(" "), b.join(" "));
            let (o, n, mut cs) = changes(&crate::diff::words(&a, &b));
            proptest::prop_assert_eq!((&o, &n), (&a, &b));
            named_once(&o, &n, &mut cs);
            let mut rebuilt = String::new();
            let mut at = 0;
            for c in &cs {
                proptest::prop_assert!(c.o.0 >= at && c.o.0 <= c.o.1);
                rebuilt.push_str(&o[at..c.o.0]);
                rebuilt.push_str(&n[c.n.0..c.n.1]);
                at = c.o.1;
                proptest::prop_assert!(
                    stated(&o, &n, *c) || (c.o.0 == 0 && c.o.1 == o.len()),
                    "{:?} in {:?} -> {:?}", c, o, n
                );
            }
            rebuilt.push_str(&o[at..]);
            proptest::prop_assert_eq!(rebuilt, n);
        }
    }

    const WORDS: [&str; 12] = [
        "the",
        "Parties",
        "shall",
        "[on",
        "it]",
        "“x”",
        "a;",
        "b.",
        "\u{201c}y",
        "MC-4/10",
        "MC-5/10,",
        "L.4",
    ];
}

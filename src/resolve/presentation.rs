//! The presentation layer: every word printed around the drafter's text,
//! decided once from the language tables. The masthead's lines (with their
//! roles and language), decision and annex headings, the window title.
//! Backends print these pieces; none of them assembles words.

use crate::ast::{
    Decision, Document, Field, FieldKey, Footnote, FootnoteOrigin, FootnoteRef, Inline, LineRole,
    MastheadLine, Piece, Span,
};
use crate::lang::style::{Adoption, Closing, DocKind, organ_of_symbol};
use crate::lang::{Distribution, Lang, LangTable, split_template};
use crate::lower::plain_text;
use crate::lower::symbol::is_fccc;
use crate::visit::mutable::VisitorMut;

pub(super) fn present(doc: &mut Document, table: &LangTable) {
    let style = doc.house_style();
    doc.presentation.operative_openings = style.operative_openings;
    doc.presentation.masthead = masthead(doc, table);
    doc.presentation.closing = closing(doc, table);
    doc.presentation.page_title = page_title(doc);
    Headings(table).visit_document(doc);
    let single = doc.annexes.len() == 1;
    for (i, annex) in doc.annexes.iter_mut().enumerate() {
        annex.heading = table.annex_heading((!single).then_some(i as u32 + 1));
    }
}

/// Sets every decision's heading.
struct Headings<'a>(&'a LangTable);

impl VisitorMut for Headings<'_> {
    fn visit_decision(&mut self, d: &mut Decision) {
        d.heading = decision_heading(d, self.0);
    }
}

fn words(text: &str) -> Piece {
    Piece::Words {
        text: text.to_string(),
    }
}

fn field(key: FieldKey) -> Piece {
    Piece::Field { key }
}

/// `template`'s words around the field `key` (`Item {} of the provisional agenda`).
fn around(template: &str, key: FieldKey) -> Vec<Piece> {
    around_piece(template, field(key))
}

/// `template`'s words around `piece` (`Decision {}`).
fn around_piece(template: &str, piece: Piece) -> Vec<Piece> {
    let (before, after) = split_template(template);
    let mut pieces = Vec::new();
    if !before.is_empty() {
        pieces.push(words(before));
    }
    pieces.push(piece);
    if !after.is_empty() {
        pieces.push(words(after));
    }
    pieces
}

fn masthead(doc: &mut Document, table: &LangTable) -> Vec<MastheadLine> {
    let m = &doc.meta;
    let own = doc.language;
    let distr = table.masthead.distribution_lang;
    let mut lines = Vec::new();
    let mut line = |role, lang, pieces| {
        lines.push(MastheadLine { role, lang, pieces });
    };
    let style = doc.house_style();
    let names = |n: &[&str; 6]| vec![words(n[own.index()])];
    let agency = match style.agency {
        Some(agency) => names(agency),
        None => vec![words(table.masthead.united_nations)],
    };
    line(LineRole::Agency, own, agency);
    if m.symbol.is_some() {
        line(LineRole::Symbol, own, vec![field(FieldKey::Symbol)]);
    }
    let organ = style
        .masthead_organ
        .or_else(|| m.symbol.as_ref().and_then(|s| organ_of_symbol(&s.text)));
    if let Some(organ) = organ {
        line(LineRole::Organ, own, names(organ));
    }
    if let Some(d) = &m.distribution {
        let pieces = match Distribution::from_key(d.text.trim()) {
            Some(d) => vec![words(table.masthead.distribution[d as usize])],
            // Not a distribution: validation reports it (E0005).
            None => vec![field(FieldKey::Distribution)],
        };
        line(LineRole::Distribution, distr, pieces);
    }
    if let Some(d) = &m.date {
        let pieces = match table.masthead_date(d.text.trim()) {
            Some(date) => vec![words(&date)],
            None => vec![field(FieldKey::Date)],
        };
        line(LineRole::Date, distr, pieces);
    }
    if let Some(o) = &m.original {
        let original = Lang::from_code(&o.text);
        // A translation names its own language above "Original: …".
        if original.is_some_and(|o| o != own) {
            let pieces = vec![words(table.masthead.language_line)];
            line(LineRole::VersionLanguage, distr, pieces);
        }
        let pieces = match original {
            Some(o) => vec![words(&table.original_line(o))],
            None => around(table.masthead.original, FieldKey::Original),
        };
        line(LineRole::Original, distr, pieces);
    }
    // A body the organ line already names ("General Assembly") is not
    // printed twice.
    let body_is_organ = |b: &Field| organ.is_some_and(|o| o[own.index()] == field_plain(b));
    if m.body.as_ref().is_some_and(|b| !body_is_organ(b)) {
        line(LineRole::Body, own, vec![field(FieldKey::Body)]);
    }
    if m.meeting.is_some() {
        line(LineRole::Meeting, own, vec![field(FieldKey::Meeting)]);
    }
    let place_dates = match (&m.place, &m.dates) {
        (Some(_), Some(_)) => vec![
            field(FieldKey::Place),
            words(table.masthead.list_separator),
            field(FieldKey::Dates),
        ],
        (Some(_), None) => vec![field(FieldKey::Place)],
        (None, Some(_)) => vec![field(FieldKey::Dates)],
        (None, None) => Vec::new(),
    };
    if !place_dates.is_empty() {
        line(LineRole::PlaceDates, own, place_dates);
    }
    let kind = doc.kind();
    if m.agenda_item.is_some() {
        // A session's agenda is adopted by the time its body adopts a text.
        let template = if kind.is_text_of_body() {
            table.kinds.agenda_item
        } else {
            table.masthead.agenda_item
        };
        line(
            LineRole::AgendaItem,
            own,
            around(template, FieldKey::AgendaItem),
        );
    }
    if m.agenda_title.is_some() {
        line(
            LineRole::AgendaTitle,
            own,
            vec![field(FieldKey::AgendaTitle)],
        );
    }
    if m.sponsors.is_some() {
        // A note says itself what its sponsors put forward (an amendments
        // document: "Cuba and Mexico: amendments to draft resolution …",
        // its words from the amendment table, `lang::amendments`).
        let pieces = match kind {
            DocKind::DraftDecision | DocKind::Decision => {
                around(table.kinds.sponsors_decision, FieldKey::Sponsors)
            }
            DocKind::DraftResolution | DocKind::Resolution => {
                around(table.kinds.sponsors_resolution, FieldKey::Sponsors)
            }
            DocKind::Note => vec![field(FieldKey::Sponsors)],
        };
        line(LineRole::Sponsors, own, pieces);
    }
    let adopted = kind.is_adopted();
    if adopted && style.adoption == Adoption::AdoptedOn {
        let template = match kind {
            DocKind::Decision => table.kinds.decision_adopted_on,
            _ => table.kinds.resolution_adopted_on,
        };
        if let Some(text) = adoption_words(template, doc, table) {
            line(LineRole::Adoption, own, vec![words(&text)]);
        }
    }
    if adopted && m.committee.is_some() {
        line(
            LineRole::Committee,
            own,
            around(table.kinds.committee, FieldKey::Committee),
        );
    }
    if let Some(title) = title_pieces(doc, table) {
        line(LineRole::Title, own, title);
    }
    if adopted
        && style.adoption == Adoption::AdoptedAtMeeting
        && let Some(text) = adoption_words(table.kinds.adopted_at_meeting, doc, table)
    {
        line(LineRole::Adoption, own, vec![words(&text)]);
    }
    if m.kind.is_some() {
        line(LineRole::Kind, own, vec![field(FieldKey::Kind)]);
    }
    if let Some(agenda) = &doc.meta.provisional_agenda {
        let note = agenda_footnote(agenda);
        doc.footnotes.push(note);
        let reference = Piece::FootnoteRef(FootnoteRef {
            label: None,
            id: Some(doc.footnotes.len() - 1),
            number: None,
            mark: None,
            separator: None,
            span: agenda.span,
        });
        // The footnote hangs on the agenda line; without one, on the first
        // line after it, so that it is never lost.
        let host = lines.iter_mut().find(|l| {
            matches!(
                l.role,
                LineRole::AgendaItem
                    | LineRole::AgendaTitle
                    | LineRole::Sponsors
                    | LineRole::Title
                    | LineRole::Kind
            )
        });
        match host {
            Some(host) => host.pieces.push(reference),
            None => lines.push(MastheadLine {
                role: LineRole::AgendaItem,
                lang: own,
                pieces: vec![reference],
            }),
        }
    }
    lines
}

/// The title line: the title alone; in an adopted text, its number first
/// (`77/276. Title`, `WHA77.1  Title`), or `Resolution 2231 (2015)` when
/// it has a number and no title.
fn title_pieces(doc: &Document, table: &LangTable) -> Option<Vec<Piece>> {
    let m = &doc.meta;
    let kind = doc.kind();
    let number = m.number.is_some() && kind.is_adopted();
    match (number, m.title.is_some()) {
        (true, true) => Some(vec![
            field(FieldKey::Number),
            words(doc.house_style().number_separator),
            field(FieldKey::Title),
        ]),
        (true, false) => {
            let template = match kind {
                DocKind::Decision => table.kinds.decision_number,
                _ => table.kinds.resolution_number,
            };
            Some(around(template, FieldKey::Number))
        }
        (false, true) => Some(vec![field(FieldKey::Title)]),
        (false, false) => None,
    }
}

/// An adoption template filled: `{organ}` from the house style, `{date}`
/// from `adopted:`, `{n}` from `adopted-at:`. `None` when a value it needs
/// is missing or malformed (validation reports those).
fn adoption_words(template: &str, doc: &Document, table: &LangTable) -> Option<String> {
    let m = &doc.meta;
    let date = table.kinds.date(&m.adopted.as_ref()?.text)?;
    let mut text = template
        .replace("{organ}", doc.house_style().names[doc.language.index()])
        .replace("{date}", &date);
    if text.contains("{n}") {
        let n: u32 = m.adopted_at.as_ref()?.text.trim().parse().ok()?;
        text = text.replace("{n}", &table.kinds.ordinal(n));
    }
    Some(text)
}

/// The lines after an adopted text: the plenary meeting and the date.
fn closing(doc: &Document, table: &LangTable) -> Vec<MastheadLine> {
    let m = &doc.meta;
    if !doc.kind().is_adopted() {
        return Vec::new();
    }
    let own = doc.language;
    let k = &table.kinds;
    let date = m.adopted.as_ref().and_then(|d| k.date(&d.text));
    let n = m
        .adopted_at
        .as_ref()
        .and_then(|n| n.text.trim().parse::<u32>().ok());
    let line = |role, text: String| MastheadLine {
        role,
        lang: own,
        pieces: vec![words(&text)],
    };
    match (doc.house_style().closing, n, date) {
        (Closing::PlenaryTwoLines, Some(n), Some(date)) => vec![
            line(
                LineRole::ClosingMeeting,
                k.plenary_meeting.replace("{n}", &k.ordinal(n)),
            ),
            line(LineRole::ClosingDate, date),
        ],
        (Closing::PlenaryOneLine, Some(n), Some(date)) => vec![line(
            LineRole::ClosingMeeting,
            k.plenary_line
                .replace("{n}", &k.ordinal_in_words(n))
                .replace("{date}", &date),
        )],
        _ => Vec::new(),
    }
}

/// The masthead's footnote cites the provisional agenda by its symbol.
fn agenda_footnote(agenda: &Field) -> Footnote {
    let end = Span::new(agenda.span.end, agenda.span.end);
    Footnote {
        origin: FootnoteOrigin::Masthead,
        label: None,
        number: None,
        mark: None,
        content: vec![
            Inline::DocumentRef(crate::ast::DocumentRef {
                symbol: agenda.text.clone(),
                span: agenda.span,
            }),
            Inline::Text {
                text: ".".to_string(),
                span: end,
            },
        ],
        ibid: false,
        span: agenda.span,
    }
}

/// A field's text without markup: its content's, or its value as read.
fn field_plain(f: &Field) -> String {
    if f.content.is_empty() {
        f.text.trim().to_string()
    } else {
        plain_text(&f.content).trim().to_string()
    }
}

/// "Title (SYMBOL)"; never empty, so that a page always has a name.
fn page_title(doc: &Document) -> String {
    let m = &doc.meta;
    let title = m.title.as_ref().map(field_plain).unwrap_or_default();
    let symbol = m.symbol.as_ref().map(field_plain).unwrap_or_default();
    match (title.is_empty(), symbol.is_empty()) {
        (false, false) => format!("{title} ({symbol})"),
        (false, true) => title,
        (true, false) => symbol,
        (true, true) => "draftdec".to_string(),
    }
}

/// A decision's heading: `MC-6/1: Title`, or `Draft decision: Title` when
/// the decision has a title and no symbol; none when it has neither. A
/// UNFCCC decision number is named as the UNFCCC heads its decisions:
/// "Draft decision -/CP.21" (FCCC/CP/2015/L.9), "Decision 1/CP.21"
/// (FCCC/CP/2015/10/Add.1).
fn decision_heading(d: &Decision, table: &LangTable) -> Option<Vec<Piece>> {
    if d.symbol.is_none() && d.title.is_none() {
        return None;
    }
    let mut pieces = match &d.symbol {
        Some(s) => {
            let symbol = Piece::Symbol {
                text: s.text.trim().to_string(),
            };
            match s.content.first() {
                Some(Inline::DecisionRef(r)) if is_fccc(r) => match r.number {
                    Some(_) => around_piece(table.masthead.decision_numbered, symbol),
                    None => vec![
                        words(&format!("{} ", table.masthead.draft_decision)),
                        symbol,
                    ],
                },
                _ => vec![symbol],
            }
        }
        None => vec![words(table.masthead.draft_decision)],
    };
    if d.title.is_some() {
        pieces.push(words(table.masthead.heading_separator));
        pieces.push(field(FieldKey::Title));
    }
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The heading of the first decision of a one-decision draft, as text.
    fn heading(lang: &str, head: &str) -> String {
        let src = format!(
            "symbol: FCCC/CP/2015/L.9\nlanguage: {lang}\ntitle: T\n\n::: decision {head}\nThe Conference of the Parties,\n\n#. Decides.\n:::\n"
        );
        let doc = crate::compile(&src).document;
        let d = match &doc.body[0] {
            crate::ast::Block::Decision(d) => d,
            other => panic!("not a decision: {other:?}"),
        };
        d.heading
            .iter()
            .flatten()
            .map(|p| match p {
                Piece::Words { text } | Piece::Symbol { text } => text.clone(),
                Piece::Field { key } => format!("{{{key:?}}}"),
                Piece::FootnoteRef(_) => "^".into(),
            })
            .collect()
    }

    #[test]
    fn unfccc_decisions_are_headed_as_the_unfccc_does() {
        assert_eq!(heading("en", "-/CP.21"), "Draft decision -/CP.21");
        assert_eq!(heading("en", "1/CP.21"), "Decision 1/CP.21");
        assert_eq!(
            heading("en", "-/CMA.1: Title"),
            "Draft decision -/CMA.1: {Title}"
        );
        assert_eq!(heading("zh", "-/CP.11"), "决定草案 -/CP.11");
        assert_eq!(heading("zh", "1/CP.21"), "第1/CP.21号决定");
        assert_eq!(heading("fr", "2/CMP.16"), "Décision 2/CMP.16");
        // Other decision symbols stand alone, as MEA decisions print them.
        assert_eq!(heading("en", "MC-6/1: Title"), "MC-6/1: {Title}");
        assert_eq!(heading("en", "Title"), "Draft decision: {Title}");
    }
}

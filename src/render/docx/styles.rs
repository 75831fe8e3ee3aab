//! The named styles of a draftdec DOCX and the page geometry.
//!
//! Every visual decision lives here, in styles an editor can change once for
//! the whole document ("UN Paragraph", "UN Operative", …). The body builder
//! only picks a style; it never sets indents, sizes or fonts on a paragraph.
//! Measurements are in twentieths of a point (twips): 567 twips = 1 cm.

use super::ooxml::{
    Fonts, Frame, Indent, Justify, ParaProps, RunProps, Spacing, Style, StyleKind, TabKind,
    WordLang,
};
use crate::lang::LangTable;

/// A4 portrait.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: i32 = 1134;
pub const MARGIN_BOTTOM: i32 = 1134;
pub const MARGIN_LEFT: i32 = 1134;
pub const MARGIN_RIGHT: i32 = 1134;
pub const MARGIN_HEADER: i32 = 567;
pub const MARGIN_FOOTER: i32 = 567;
/// Width of the text column.
pub const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// Width of the text column of a landscape page (a table's).
pub const LANDSCAPE_TEXT_WIDTH: u32 = PAGE_HEIGHT - (MARGIN_LEFT + MARGIN_RIGHT) as u32;
/// A table's rules (half a point, in eighths) and the space between a
/// cell's rules and its text (0.15 cm).
pub const TABLE_RULE: u32 = 4;
pub const CELL_MARGIN: u32 = 85;
/// Space after each paragraph in a table cell (3 pt).
pub const CELL_AFTER: u32 = 60;

/// The text column of the body: every paragraph's text starts here and its
/// number hangs one step to the left, so numbers stand out in the margin as
/// in UN documents.
const TEXT: i32 = 1247;
/// One indentation step (1.1 cm).
const STEP: i32 = 624;
/// Where the right-hand masthead block (Distr., date, Original) starts.
const DISTR: i32 = TEXT_WIDTH - 2835;
/// The masthead's left block stops short of the right margin, as the
/// meeting lines of UN mastheads do.
const MASTHEAD_RIGHT: i32 = 3402;

/// 10 pt, in half-points.
pub const BODY_SIZE: u32 = 20;

/// Style ids (what `w:pStyle`/`w:rStyle` name) and display names.
pub mod id {
    pub const SYMBOL: &str = "UNSymbol";
    pub const MASTHEAD_TOP: &str = "UNMastheadTop";
    /// Character styles of the top line's two ends.
    pub const AGENCY: &str = "UNAgency";
    pub const SYMBOL_TEXT: &str = "UNSymbolText";
    pub const ORGAN: &str = "UNOrgan";
    pub const SUBHEADING: &str = "UNSubheading";
    pub const DECISION_PART: &str = "UNDecisionPart";
    pub const DECISION_SUBPART: &str = "UNDecisionSubpart";
    pub const DECISION_SUBHEADING: &str = "UNDecisionSubheading";
    pub const PARAGRAPH_INSERTED: &str = "UNParagraphInserted";
    pub const OPERATIVE_INSERTED: &str = "UNOperativeInserted";
    pub const DISTRIBUTION: &str = "UNDistribution";
    pub const MASTHEAD_RULE: &str = "UNMastheadRule";
    pub const BODY: &str = "UNBody";
    pub const MEETING: &str = "UNMeeting";
    pub const AGENDA_TITLE: &str = "UNAgendaTitle";
    pub const TITLE: &str = "UNTitle";
    pub const KIND: &str = "UNKind";
    pub const HEADING1: &str = "UNHeading1";
    pub const HEADING2: &str = "UNHeading2";
    pub const HEADING3: &str = "UNHeading3";
    pub const PARAGRAPH: &str = "UNParagraph";
    pub const TEXT: &str = "UNText";
    pub const DECISION_HEADING: &str = "UNDecisionHeading";
    pub const FORMULA: &str = "UNFormula";
    pub const PREAMBLE: &str = "UNPreamble";
    pub const OPERATIVE: &str = "UNOperative";
    pub const OPERATIVE_SINGLE: &str = "UNOperativeSingle";
    /// Sub-paragraph levels 1 to 4.
    pub const SUB: [&str; 4] = [
        "UNSubparagraph1",
        "UNSubparagraph2",
        "UNSubparagraph3",
        "UNSubparagraph4",
    ];
    pub const ANNEX_HEADING: &str = "UNAnnexHeading";
    pub const ANNEX_TITLE: &str = "UNAnnexTitle";
    pub const HEADER: &str = "UNHeader";
    pub const FOOTNOTE_TEXT: &str = "FootnoteText";
    pub const FOOTNOTE_REFERENCE: &str = "FootnoteReference";
    pub const OPENING: &str = "UNOpening";
}

/// The style for a sub-paragraph of `level` (1-based; deeper levels share
/// the last style rather than fail).
pub fn sub_style(level: u8) -> &'static str {
    let i = usize::from(level.clamp(1, 4)) - 1;
    id::SUB[i]
}

/// The default paragraph style, which every paragraph style is based on.
pub const NORMAL: &str = "Normal";
/// The default character style (Word's "Default Paragraph Font").
const DEFAULT_FONT: &str = "DefaultParagraphFont";

fn para(id: &'static str, name: &str) -> Style {
    let mut s = Style::new(StyleKind::Paragraph, id, name);
    s.based_on = Some(NORMAL);
    s.next = Some(id);
    s.quick = true;
    s
}

fn spacing(before: u32, after: u32) -> Option<Spacing> {
    Some(Spacing {
        before: Some(before),
        after: Some(after),
        line: None,
    })
}

fn indent(start: i32, end: Option<i32>) -> Option<Indent> {
    Some(Indent {
        start: Some(start),
        end,
        ..Indent::default()
    })
}

fn first_line(start: i32) -> Option<Indent> {
    Some(Indent {
        start: Some(start),
        first_line: Some(STEP),
        ..Indent::default()
    })
}

/// The number hangs one step left of the text column at `start`, and the
/// tab after it lands exactly on that column.
fn hanging(s: &mut Style, start: i32) {
    s.para.indent = Some(Indent {
        start: Some(start),
        hanging: Some(STEP),
        ..Indent::default()
    });
    s.para.tabs = vec![(TabKind::Start, start)];
}

/// A heading: bold, `size` half-points, kept with the next paragraph,
/// its number hanging, at outline `level`.
fn heading(id: &'static str, name: &str, size: u32, before: u32, level: u8) -> Style {
    let mut s = para(id, name);
    s.run.bold = true;
    s.run.size = Some(size);
    s.para.keep_next = true;
    s.para.spacing = spacing(before, 120);
    s.para.outline = Some(level);
    hanging(&mut s, TEXT);
    s
}

/// Whether paragraphs of `style` run right to left. The distribution lines
/// run in the direction of their own language (`MastheadWords::
/// distribution_lang`): in an Arabic document they are English and stay a
/// left-to-right block, or "20 August 2025" would read "August 2025 20".
pub fn bidi_style(table: &LangTable, style: &str) -> bool {
    if style == id::DISTRIBUTION {
        table.masthead.distribution_lang.table().rtl
    } else {
        table.rtl
    }
}

/// The document defaults (`w:docDefaults`): fonts, size and languages of
/// every run; single spacing, nothing after, for every paragraph.
pub fn defaults(table: &LangTable) -> (RunProps, ParaProps) {
    let [latin, east_asia, cs] = table.typography.fonts;
    let [val, east, bidi] = table.typography.word_lang;
    let run = RunProps {
        fonts: Some(Fonts {
            latin: Some(latin),
            east_asia: Some(east_asia),
            cs: Some(cs),
            east_asia_hint: false,
        }),
        size: Some(BODY_SIZE),
        lang: Some(WordLang {
            val: val.to_string(),
            east_asia: Some(east.to_string()),
            bidi: Some(bidi.to_string()),
        }),
        ..RunProps::default()
    };
    let para = ParaProps {
        spacing: Some(Spacing {
            before: None,
            after: Some(0),
            line: Some(240),
        }),
        ..ParaProps::default()
    };
    (run, para)
}

/// The style sheet of a document in `table`'s language, every named style
/// in a fixed order. `distribution_lang` is the `w:lang` of the
/// distribution block when its language is not the document's.
///
/// A right-to-left language makes every style but the distribution lines
/// `w:bidi`. Word and LibreOffice read `w:ind w:left` and `w:jc` of a bidi
/// paragraph from its start (right) side, so the layout mirrors as Arabic
/// UN documents are: numbers hang on the right, the symbol stands top left.
pub fn styles(table: &LangTable, distribution_lang: Option<&str>) -> Vec<Style> {
    // Normal stays left to right: the distribution lines are based on it
    // and must not inherit the direction; every other style sets its own.
    let mut normal = Style::new(StyleKind::Paragraph, NORMAL, "Normal");
    normal.default = true;
    normal.quick = true;
    let mut default_font = Style::new(StyleKind::Character, DEFAULT_FONT, "Default Paragraph Font");
    default_font.default = true;
    default_font.semi_hidden = true;

    let mut symbol = para(id::SYMBOL, "UN Symbol");
    symbol.run.bold = true;
    symbol.run.size = Some(24);
    symbol.para.justify = Some(Justify::End);
    symbol.para.spacing = spacing(0, 120);
    symbol.para.bottom_rule = Some(12);

    // The top line: the agency at the start, the symbol at the end (a
    // tab), the rule under both; LibreOffice and Word mirror it in a
    // right-to-left paragraph, as Arabic UN documents are.
    let mut top = para(id::MASTHEAD_TOP, "UN Masthead Top");
    top.para.spacing = spacing(0, 120);
    top.para.bottom_rule = Some(12);
    top.para.tabs = vec![(TabKind::End, TEXT_WIDTH)];
    let mut agency = Style::new(StyleKind::Character, id::AGENCY, "UN Agency");
    agency.based_on = Some(DEFAULT_FONT);
    agency.run.size = Some(24);
    let mut symbol_text = Style::new(StyleKind::Character, id::SYMBOL_TEXT, "UN Symbol Text");
    symbol_text.based_on = Some(DEFAULT_FONT);
    symbol_text.run.bold = true;
    symbol_text.run.size = Some(24);

    // The organ or programme, in a frame at the start side so that the
    // distribution block stands beside it.
    let mut organ = para(id::ORGAN, "UN Organ");
    organ.run.bold = true;
    organ.run.size = Some(28);
    organ.para.frame = Some(Frame {
        width: DISTR - 284,
        right: table.rtl,
    });

    // `###` outside a decision: an unnumbered sub-heading at the text
    // column (a hanging indent would set it in the numbers' column).
    let mut subheading = para(id::SUBHEADING, "UN Subheading");
    subheading.run.bold = true;
    subheading.para.keep_next = true;
    subheading.para.spacing = spacing(120, 120);
    subheading.para.indent = indent(TEXT, None);

    // The parts of a decision (`#`, `##`, `###` inside it), as COP
    // decisions set them: within the decision's text column, the number
    // where operative numbers stand and the title on the operative text,
    // smaller than the document's own headings (14 and 12 pt).
    let part = |sid, name, size| {
        let mut s = para(sid, name);
        s.run.bold = true;
        s.run.size = Some(size);
        s.para.keep_next = true;
        s.para.spacing = spacing(120, 120);
        hanging(&mut s, TEXT + STEP);
        s
    };
    let decision_part = part(id::DECISION_PART, "UN Decision Part", 22);
    let decision_subpart = part(id::DECISION_SUBPART, "UN Decision Subpart", BODY_SIZE);
    let mut decision_subheading = para(id::DECISION_SUBHEADING, "UN Decision Subheading");
    decision_subheading.run.bold = true;
    decision_subheading.para.keep_next = true;
    decision_subheading.para.spacing = spacing(120, 120);
    decision_subheading.para.indent = indent(TEXT + STEP, None);

    // An inserted paragraph ("9 bis."): numbered where the others are,
    // its text on the same column. "9 bis." and "10 ter." fit in the step
    // at 10 pt; a longer number ("10 quinquies.") goes on to a second stop
    // one step further for the first line only, never to Word's default
    // stops.
    let inserted = |sid, name, start| {
        let mut s = para(sid, name);
        s.para.spacing = spacing(0, 120);
        hanging(&mut s, start);
        s.para.tabs.push((TabKind::Start, start + STEP));
        s
    };
    let paragraph_inserted = inserted(id::PARAGRAPH_INSERTED, "UN Paragraph Inserted", TEXT);
    let operative_inserted = inserted(id::OPERATIVE_INSERTED, "UN Operative Inserted", TEXT + STEP);

    // Mirrored in a right-to-left document: the English lines stay
    // left-to-right and move to the left-hand column, across from the
    // symbol's old place, as in Arabic UN documents.
    let mut distribution = para(id::DISTRIBUTION, "UN Distribution");
    distribution.para.indent = if table.rtl {
        indent(0, Some(DISTR))
    } else {
        indent(DISTR, None)
    };
    distribution.run.lang = distribution_lang.map(|l| WordLang {
        val: l.to_string(),
        ..WordLang::default()
    });

    let mut rule = para(id::MASTHEAD_RULE, "UN Masthead Rule");
    rule.run.size = Some(4);
    rule.para.spacing = spacing(0, 240);
    rule.para.bottom_rule = Some(12);

    let masthead_left = |id, name, bold| {
        let mut s = para(id, name);
        s.run.bold = bold;
        s.para.indent = indent(0, Some(MASTHEAD_RIGHT));
        s
    };
    let body = masthead_left(id::BODY, "UN Body", true);
    let meeting = masthead_left(id::MEETING, "UN Meeting", false);
    let agenda_title = masthead_left(id::AGENDA_TITLE, "UN Agenda Title", true);

    let mut title = para(id::TITLE, "UN Title");
    title.run.bold = true;
    title.run.size = Some(28);
    title.para.keep_next = true;
    title.para.spacing = spacing(480, 240);
    title.para.indent = indent(TEXT, Some(TEXT));

    let mut kind = para(id::KIND, "UN Kind");
    kind.run.bold = true;
    kind.run.size = Some(24);
    kind.para.keep_next = true;
    kind.para.spacing = spacing(0, 240);
    kind.para.indent = indent(TEXT, None);

    // The Editorial Manual's heading sizes: main headings 14 pt bold,
    // first-degree subheadings 12 pt bold, second-degree 10 pt bold.
    let heading1 = heading(id::HEADING1, "UN Heading 1", 28, 240, 0);
    let heading2 = heading(id::HEADING2, "UN Heading 2", 24, 120, 1);
    let heading3 = heading(id::HEADING3, "UN Heading 3", BODY_SIZE, 120, 2);

    let mut paragraph = para(id::PARAGRAPH, "UN Paragraph");
    paragraph.para.spacing = spacing(0, 120);
    hanging(&mut paragraph, TEXT);

    let mut text = para(id::TEXT, "UN Text");
    text.para.spacing = spacing(0, 120);
    text.para.indent = indent(TEXT, None);

    let mut decision_heading = para(id::DECISION_HEADING, "UN Decision Heading");
    decision_heading.run.bold = true;
    decision_heading.para.keep_next = true;
    decision_heading.para.spacing = spacing(120, 120);
    decision_heading.para.indent = indent(TEXT, None);

    let mut formula = para(id::FORMULA, "UN Formula");
    formula.para.keep_next = true;
    formula.para.spacing = spacing(0, 120);
    formula.para.indent = first_line(TEXT);

    let mut preamble = para(id::PREAMBLE, "UN Preamble");
    preamble.para.spacing = spacing(0, 120);
    preamble.para.indent = first_line(TEXT);

    let mut operative = para(id::OPERATIVE, "UN Operative");
    operative.para.spacing = spacing(0, 120);
    hanging(&mut operative, TEXT + STEP);

    let mut operative_single = para(id::OPERATIVE_SINGLE, "UN Operative Unnumbered");
    operative_single.para.spacing = spacing(0, 120);
    operative_single.para.indent = first_line(TEXT);

    let subs = id::SUB.iter().enumerate().map(|(level, sid)| {
        let mut s = para(sid, &format!("UN Subparagraph {}", level + 1));
        s.para.spacing = spacing(0, 120);
        hanging(&mut s, TEXT + STEP * (level as i32 + 2));
        s
    });

    let mut annex_heading = para(id::ANNEX_HEADING, "UN Annex Heading");
    annex_heading.run.bold = true;
    annex_heading.run.size = Some(24);
    annex_heading.para.keep_next = true;
    annex_heading.para.page_break_before = true;
    annex_heading.para.spacing = spacing(0, 120);
    annex_heading.para.indent = indent(TEXT, None);
    annex_heading.para.outline = Some(0);

    let mut annex_title = para(id::ANNEX_TITLE, "UN Annex Title");
    annex_title.run.bold = true;
    annex_title.run.size = Some(24);
    annex_title.para.keep_next = true;
    annex_title.para.spacing = spacing(0, 240);
    annex_title.para.indent = indent(TEXT, Some(TEXT));

    let mut header = para(id::HEADER, "UN Header");
    header.run.bold = true;
    header.run.size = Some(17);
    header.para.spacing = spacing(0, 0);
    header.para.bottom_rule = Some(4);
    header.para.tabs = vec![(TabKind::End, TEXT_WIDTH)];

    // Word's built-in names ("footnote text", "footnote reference"; the UI
    // shows them capitalised), so Word and LibreOffice map them onto their
    // own footnote styles instead of adding look-alikes.
    let mut footnote_text = para(id::FOOTNOTE_TEXT, "footnote text");
    footnote_text.quick = false;
    footnote_text.semi_hidden = true;
    footnote_text.run.size = Some(18);
    footnote_text.para.spacing = spacing(0, 40);
    hanging(&mut footnote_text, TEXT);

    let mut footnote_reference = Style::new(
        StyleKind::Character,
        id::FOOTNOTE_REFERENCE,
        "footnote reference",
    );
    footnote_reference.based_on = Some(DEFAULT_FONT);
    footnote_reference.semi_hidden = true;
    footnote_reference.run.superscript = true;

    let mut opening = Style::new(StyleKind::Character, id::OPENING, "UN Opening");
    opening.based_on = Some(DEFAULT_FONT);
    opening.quick = true;
    opening.run = opening_props(table);

    let mut out = vec![
        normal,
        default_font,
        symbol,
        distribution,
        rule,
        body,
        meeting,
        agenda_title,
        title,
        kind,
        heading1,
        heading2,
        heading3,
        paragraph,
        text,
        decision_heading,
        formula,
        preamble,
        operative,
        operative_single,
    ];
    out.extend(subs);
    out.extend([
        annex_heading,
        annex_title,
        header,
        footnote_text,
        footnote_reference,
        opening,
        // Added after the first set, so that the seed's styles.xml only
        // grows.
        top,
        agency,
        symbol_text,
        organ,
        subheading,
        decision_part,
        decision_subpart,
        decision_subheading,
        paragraph_inserted,
        operative_inserted,
    ]);
    for s in &mut out {
        if s.kind == StyleKind::Paragraph && s.id != NORMAL && bidi_style(table, s.id) {
            s.para.bidi = true;
        }
    }
    out
}

/// How opening words are set: italic, or upright in the face the
/// language's table names for a script without italics (no oblique is
/// synthesized from a CJK face).
fn opening_props(table: &LangTable) -> RunProps {
    match table.typography.opening_face {
        Some(face) => RunProps {
            fonts: Some(Fonts {
                east_asia: Some(face),
                ..Fonts::default()
            }),
            ..RunProps::default()
        },
        None => RunProps {
            italic: true,
            ..RunProps::default()
        },
    }
}

//! The named styles of a draftdec DOCX and the page geometry.
//!
//! Every visual decision lives here, in styles an editor can change once for
//! the whole document ("UN Paragraph", "UN Operative", …). The body builder
//! only picks a style; it never sets indents, sizes or fonts on a paragraph.
//! Measurements are in twentieths of a point (twips): 567 twips = 1 cm.

use crate::lang::LangTable;
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, SpecialIndentType, Style, StyleType,
    Styles, Tab, TabValueType, VertAlignType,
};

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
pub const BODY_SIZE: usize = 20;

/// Style ids (what `w:pStyle`/`w:rStyle` name) and display names.
pub mod id {
    pub const SYMBOL: &str = "UNSymbol";
    pub const DISTRIBUTION: &str = "UNDistribution";
    pub const MASTHEAD_RULE: &str = "UNMastheadRule";
    pub const BODY: &str = "UNBody";
    pub const MEETING: &str = "UNMeeting";
    pub const AGENDA_TITLE: &str = "UNAgendaTitle";
    pub const TITLE: &str = "UNTitle";
    pub const KIND: &str = "UNKind";
    pub const HEADING1: &str = "UNHeading1";
    pub const HEADING2: &str = "UNHeading2";
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

fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next(id)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn hanging(mut s: Style, left: i32) -> Style {
    s = s.indent(
        Some(left),
        Some(SpecialIndentType::Hanging(STEP)),
        None,
        None,
    );
    // The tab after the number lands exactly on the text column.
    s.paragraph_property = s
        .paragraph_property
        .add_tab(Tab::new().val(TabValueType::Left).pos(left as usize));
    s
}

fn keep_next(mut s: Style) -> Style {
    s.paragraph_property = s.paragraph_property.keep_next(true);
    s
}

fn bottom_rule(mut s: Style, size: usize) -> Style {
    // `with_empty`: docx-rs's default border set is a full box.
    s.paragraph_property = s.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(size)
                .space(1)
                .color("auto"),
        ),
    );
    s
}

fn outline(mut s: Style, level: usize) -> Style {
    s.paragraph_property = s.paragraph_property.outline_lvl(level);
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

/// The style sheet of a document in `table`'s language: document defaults
/// and every named style.
///
/// A right-to-left language makes every style but the distribution lines
/// `w:bidi`. Word and LibreOffice read `w:ind w:left` and `w:jc` of a bidi
/// paragraph from its start (right) side, so the layout mirrors as Arabic
/// UN documents are: numbers hang on the right, the symbol stands top left.
pub fn styles(table: &LangTable) -> Styles {
    let [latin, east_asia, complex] = table.typography.fonts;
    let fonts = RunFonts::new()
        .ascii(latin)
        .hi_ansi(latin)
        .east_asia(east_asia)
        .cs(complex);
    let mut s = Styles::new()
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        // Single spacing, said in full: without `w:lineRule`, LibreOffice
        // reads 240 as an exact 12 pt, and lines of a 14 pt title overlap.
        .default_line_spacing(
            LineSpacing::new()
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );

    let symbol = bottom_rule(
        para(id::SYMBOL, "UN Symbol")
            .align(AlignmentType::Right)
            .bold()
            .size(24)
            .line_spacing(spacing(0, 120)),
        12,
    );
    // Mirrored in a right-to-left document: the English lines stay
    // left-to-right and move to the left-hand column, across from the
    // symbol's old place, as in Arabic UN documents.
    let distribution = if table.rtl {
        para(id::DISTRIBUTION, "UN Distribution").indent(Some(0), None, Some(DISTR), None)
    } else {
        para(id::DISTRIBUTION, "UN Distribution").indent(Some(DISTR), None, None, None)
    };
    let rule = bottom_rule(
        para(id::MASTHEAD_RULE, "UN Masthead Rule")
            .size(4)
            .line_spacing(spacing(0, 240)),
        12,
    );
    let body = para(id::BODY, "UN Body")
        .bold()
        .indent(Some(0), None, Some(MASTHEAD_RIGHT), None);
    let meeting = para(id::MEETING, "UN Meeting").indent(Some(0), None, Some(MASTHEAD_RIGHT), None);
    let agenda_title = para(id::AGENDA_TITLE, "UN Agenda Title").bold().indent(
        Some(0),
        None,
        Some(MASTHEAD_RIGHT),
        None,
    );
    let title = keep_next(
        para(id::TITLE, "UN Title")
            .bold()
            .size(28)
            .indent(Some(TEXT), None, Some(TEXT), None)
            .line_spacing(spacing(480, 240)),
    );
    let kind = keep_next(
        para(id::KIND, "UN Kind")
            .bold()
            .size(24)
            .indent(Some(TEXT), None, None, None)
            .line_spacing(spacing(0, 240)),
    );
    let heading1 = outline(
        keep_next(hanging(
            para(id::HEADING1, "UN Heading 1")
                .bold()
                .size(24)
                .line_spacing(spacing(240, 120)),
            TEXT,
        )),
        0,
    );
    let heading2 = outline(
        keep_next(hanging(
            para(id::HEADING2, "UN Heading 2")
                .bold()
                .line_spacing(spacing(120, 120)),
            TEXT,
        )),
        1,
    );
    let paragraph = hanging(
        para(id::PARAGRAPH, "UN Paragraph").line_spacing(spacing(0, 120)),
        TEXT,
    );
    let text = para(id::TEXT, "UN Text")
        .indent(Some(TEXT), None, None, None)
        .line_spacing(spacing(0, 120));
    let decision_heading = keep_next(
        para(id::DECISION_HEADING, "UN Decision Heading")
            .bold()
            .indent(Some(TEXT), None, None, None)
            .line_spacing(spacing(120, 120)),
    );
    let formula = keep_next(
        para(id::FORMULA, "UN Formula")
            .indent(
                Some(TEXT),
                Some(SpecialIndentType::FirstLine(STEP)),
                None,
                None,
            )
            .line_spacing(spacing(0, 120)),
    );
    let preamble = para(id::PREAMBLE, "UN Preamble")
        .indent(
            Some(TEXT),
            Some(SpecialIndentType::FirstLine(STEP)),
            None,
            None,
        )
        .line_spacing(spacing(0, 120));
    let operative = hanging(
        para(id::OPERATIVE, "UN Operative").line_spacing(spacing(0, 120)),
        TEXT + STEP,
    );
    let operative_single = para(id::OPERATIVE_SINGLE, "UN Operative Unnumbered")
        .indent(
            Some(TEXT),
            Some(SpecialIndentType::FirstLine(STEP)),
            None,
            None,
        )
        .line_spacing(spacing(0, 120));
    let annex_heading = {
        let mut h = keep_next(
            para(id::ANNEX_HEADING, "UN Annex Heading")
                .bold()
                .size(24)
                .indent(Some(TEXT), None, None, None)
                .line_spacing(spacing(0, 120)),
        );
        h.paragraph_property = h.paragraph_property.page_break_before(true);
        outline(h, 0)
    };
    let annex_title = keep_next(
        para(id::ANNEX_TITLE, "UN Annex Title")
            .bold()
            .size(24)
            .indent(Some(TEXT), None, Some(TEXT), None)
            .line_spacing(spacing(0, 240)),
    );
    let header = {
        let mut h = bottom_rule(
            para(id::HEADER, "UN Header")
                .bold()
                .size(17)
                .line_spacing(spacing(0, 0)),
            4,
        );
        h.paragraph_property = h
            .paragraph_property
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH as usize));
        h
    };
    // Word's built-in names ("footnote text", "footnote reference"; the UI
    // shows them capitalised), so Word and LibreOffice map them onto their
    // own footnote styles instead of adding look-alikes.
    let footnote_text = hanging(
        para(id::FOOTNOTE_TEXT, "footnote text")
            .size(18)
            .line_spacing(spacing(0, 40)),
        TEXT,
    );
    let mut footnote_reference =
        Style::new(id::FOOTNOTE_REFERENCE, StyleType::Character).name("footnote reference");
    footnote_reference.run_property = footnote_reference
        .run_property
        .vert_align(VertAlignType::SuperScript);
    let opening = Style::new(id::OPENING, StyleType::Character)
        .name("UN Opening")
        .italic();

    let rtl = |mut style: Style| {
        if bidi_style(table, &style.style_id) && style.style_type == StyleType::Paragraph {
            style.paragraph_property = style.paragraph_property.bidi(true);
        }
        style
    };
    // docx-rs's own Normal style stays left to right: the distribution lines
    // are based on it and must not inherit the direction; every other style
    // sets its own.
    for style in [
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
        paragraph,
        text,
        decision_heading,
        formula,
        preamble,
        operative,
        operative_single,
    ] {
        s = s.add_style(rtl(style));
    }
    for (level, sid) in id::SUB.iter().enumerate() {
        let left = TEXT + STEP * (level as i32 + 2);
        let name = format!("UN Subparagraph {}", level + 1);
        s = s.add_style(rtl(hanging(
            para(sid, &name).line_spacing(spacing(0, 120)),
            left,
        )));
    }
    for style in [
        annex_heading,
        annex_title,
        header,
        footnote_text,
        footnote_reference,
        opening,
    ] {
        s = s.add_style(rtl(style));
    }
    s
}

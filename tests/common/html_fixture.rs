//! A hand-built, fully resolved document that uses every node and every text
//! position of the AST. Each piece of text goes through a callback, so the
//! same shape can be filled with readable text, neutral tokens or attack
//! strings.

use std::cell::RefCell;

use draftdec::ast::*;

/// HTML/JS attack strings, for the injection tests.
pub const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><plaintext>",
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp; &#60; &#x3C; &quot; &apos; &nbsp",
    "]]><![CDATA[<script>alert(1)</script>]]>",
    "<!-- open comment",
    "--> <!-- -->",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus x='",
    "<base href=\"//evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<style>body{display:none}</style>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<object data=\"data:text/html,<script>alert(1)</script>\">",
    "#fn-1\" onclick=\"alert(1)",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "\u{0}nul \u{202E}rlo \u{FEFF}bom",
    "<",
    ">",
    "&",
];

const SP: Span = Span { start: 0, end: 0 };

/// Fills the document's text positions: receives the readable default and
/// returns what to put there. Shared, so nested builders can all use it.
struct Fill<'a>(RefCell<&'a mut dyn FnMut(&str) -> String>);

impl Fill<'_> {
    fn s(&self, default: &str) -> String {
        (self.0.borrow_mut())(default)
    }
}

fn text(t: &Fill, s: &str) -> Inline {
    Inline::Text {
        text: t.s(s),
        span: SP,
    }
}

fn field(t: &Fill, s: &str) -> Option<Field> {
    let v = t.s(s);
    Some(Field {
        content: vec![Inline::Text {
            text: v.clone(),
            span: SP,
        }],
        text: v,
        span: SP,
    })
}

/// A field as a hand-built AST may carry it: text only, no inlines.
fn bare_field(t: &Fill, s: &str) -> Option<Field> {
    Some(Field {
        text: t.s(s),
        content: vec![],
        span: SP,
    })
}

fn label(t: &Fill, s: &str) -> Option<Label> {
    Some(Label {
        name: t.s(s),
        span: SP,
    })
}

fn des(t: &Fill, ordinal: u32, text: &str, display: &str, path: &str, anchor: &str) -> Designation {
    Designation {
        ordinal,
        text: t.s(text),
        display: t.s(display),
        path: t.s(path),
        anchor: t.s(anchor),
    }
}

/// A reference to footnote `n`, the `n`th of the document's list.
fn fnref(n: u32, t: &Fill, lbl: Option<&str>) -> Inline {
    Inline::FootnoteRef(FootnoteRef {
        label: lbl.and_then(|l| label(t, l)),
        id: Some(n as usize - 1),
        number: Some(n),
        mark: None,
        separator: None,
        span: SP,
    })
}

fn words(t: &Fill, s: &str) -> Piece {
    Piece::Words { text: t.s(s) }
}

fn line(role: LineRole, lang: Lang, pieces: Vec<Piece>) -> MastheadLine {
    MastheadLine { role, lang, pieces }
}

/// The masthead as resolution lays it out, with every kind of piece.
fn masthead(t: &Fill, language: Lang) -> Vec<MastheadLine> {
    let f = |key| Piece::Field { key };
    vec![
        line(LineRole::Symbol, language, vec![f(FieldKey::Symbol)]),
        line(
            LineRole::Distribution,
            Lang::En,
            vec![words(t, "Distr.: General")],
        ),
        line(LineRole::Date, Lang::En, vec![words(t, "20 August 2025")]),
        line(
            LineRole::Original,
            Lang::En,
            vec![words(t, "Original: English")],
        ),
        line(LineRole::Body, language, vec![f(FieldKey::Body)]),
        line(LineRole::Meeting, language, vec![f(FieldKey::Meeting)]),
        line(
            LineRole::PlaceDates,
            language,
            vec![f(FieldKey::Place), words(t, ", "), f(FieldKey::Dates)],
        ),
        line(
            LineRole::AgendaItem,
            language,
            vec![
                words(t, "Item "),
                f(FieldKey::AgendaItem),
                words(t, " of the provisional agenda"),
                Piece::FootnoteRef(FootnoteRef {
                    label: None,
                    id: Some(0),
                    number: Some(1),
                    mark: None,
                    separator: None,
                    span: SP,
                }),
            ],
        ),
        line(
            LineRole::AgendaTitle,
            language,
            vec![f(FieldKey::AgendaTitle)],
        ),
        line(LineRole::Title, language, vec![f(FieldKey::Title)]),
        line(LineRole::Kind, language, vec![f(FieldKey::Kind)]),
    ]
}

fn xref(t: &Fill, lbl: &str, shown: &str, anchor: &str, kind: TargetKind) -> Inline {
    Inline::CrossRef(CrossRef {
        short: false,
        label: label(t, lbl).unwrap(),
        bare: false,
        target: Some(RefTarget {
            kind,
            text: t.s(shown),
            anchor: t.s(anchor),
            span: SP,
            label_span: SP,
        }),
        span: SP,
    })
}

fn sub(t: &Fill, level: u8, d: Designation, s: &str, children: Vec<SubParagraph>) -> SubParagraph {
    SubParagraph {
        dash: false,
        level,
        label: None,
        typed_marker: None,
        number: Some(d),
        content: vec![text(t, s)],
        children,
        span: SP,
    }
}

fn para(t: &Fill, n: u32, content: Vec<Inline>, subs: Vec<SubParagraph>) -> Block {
    let s = n.to_string();
    Block::Paragraph(Paragraph {
        inserted: false,
        numbered: true,
        label: None,
        typed_number: None,
        number: Some(des(t, n, &s, &format!("{n}."), &s, &format!("para-{n}"))),
        content,
        subparagraphs: subs,
        span: SP,
    })
}

/// An English note with a masthead, sections, a sub-section, nested
/// sub-paragraphs, a draft decision, two annexes and footnotes.
pub fn document(language: Lang, fill: &mut dyn FnMut(&str) -> String) -> Document {
    let t = &Fill(RefCell::new(fill));
    let meta = Masthead {
        symbol: field(t, "UNEP/MC/COP.6/99"),
        distribution: field(t, "General"),
        date: bare_field(t, "2025-08-20"),
        original: bare_field(t, "en"),
        language: bare_field(t, language.code()),
        body: field(
            t,
            "Conference of the Parties to the Minamata Convention on Mercury",
        ),
        meeting: field(t, "Sixth meeting"),
        place: field(t, "Geneva"),
        dates: field(t, "3–7 November 2025"),
        agenda_item: field(t, "5 (c)"),
        agenda_title: field(
            t,
            "Matters for consideration or action by the Conference of the Parties: \
             international cooperation and coordination",
        ),
        provisional_agenda: field(t, "UNEP/MC/COP.6/1"),
        title: Some(Field {
            text: t.s("Cooperation between the secretariats"),
            content: vec![
                text(t, "Cooperation between the "),
                Inline::Emphasis {
                    content: vec![text(t, "secretariats")],
                    span: SP,
                },
            ],
            span: SP,
        }),
        kind: bare_field(t, "Note by the secretariat"),
        ..Masthead::default()
    };

    let intro = Block::Section(Section {
        level: 1,
        label: label(t, "intro"),
        typed_number: None,
        number: Some(des(t, 1, "I", "I.", "I", "sec-1")),
        title: vec![text(t, "Introduction")],
        content: vec![
            para(
                t,
                1,
                vec![
                    text(t, "In decisions "),
                    Inline::DecisionRef(DecisionRef {
                        text: t.s("MC-3/11"),
                        symbol: t.s("MC-3/11"),
                        convention: t.s("MC"),
                        extraordinary: false,
                        meeting: Some(3),
                        number: Some(11),
                        span: SP,
                    }),
                    text(t, " and "),
                    Inline::DecisionRef(DecisionRef {
                        text: t.s("MC-4/9"),
                        symbol: t.s("MC-4/9"),
                        convention: t.s("MC"),
                        extraordinary: false,
                        meeting: Some(4),
                        number: Some(9),
                        span: SP,
                    }),
                    text(
                        t,
                        ", the Conference of the Parties affirmed the importance of ",
                    ),
                    Inline::Strong {
                        content: vec![text(t, "continued cooperation")],
                        span: SP,
                    },
                    text(t, " (see "),
                    xref(
                        t,
                        "requests",
                        "paragraph 2 (a)",
                        "op-2-a",
                        TargetKind::Subparagraph,
                    ),
                    text(t, " below)."),
                ],
                vec![],
            ),
            Block::Paragraph(Paragraph {
                inserted: false,
                numbered: false,
                label: None,
                typed_number: None,
                number: None,
                content: vec![text(t, "An unnumbered paragraph between numbered ones.")],
                subparagraphs: vec![],
                span: SP,
            }),
            para(
                t,
                2,
                vec![
                    text(t, "The secretariats reported on:"),
                    fnref(2, t, Some("inf29")),
                ],
                vec![
                    sub(
                        t,
                        1,
                        des(t, 1, "a", "(a)", "2 (a)", "para-2-a"),
                        "Shared services;",
                        vec![
                            sub(
                                t,
                                2,
                                des(t, 1, "i", "(i)", "2 (a) (i)", "para-2-a-i"),
                                "Conference services;",
                                vec![],
                            ),
                            sub(
                                t,
                                2,
                                des(t, 2, "ii", "(ii)", "2 (a) (ii)", "para-2-a-ii"),
                                "Information technology;",
                                vec![],
                            ),
                        ],
                    ),
                    sub(
                        t,
                        1,
                        des(t, 2, "b", "(b)", "2 (b)", "para-2-b"),
                        "Joint activities.",
                        vec![],
                    ),
                ],
            ),
        ],
        span: SP,
    });

    let implementation = Block::Section(Section {
        level: 1,
        label: None,
        typed_number: None,
        number: Some(des(t, 2, "II", "II.", "II", "sec-2")),
        title: vec![text(t, "Implementation")],
        content: vec![Block::Section(Section {
            level: 2,
            label: None,
            typed_number: None,
            number: Some(des(t, 1, "A", "A.", "II.A", "sec-2-a")),
            title: vec![text(t, "Shared services")],
            content: vec![para(
                t,
                3,
                vec![
                    text(t, "Annex I to document "),
                    Inline::DocumentRef(DocumentRef {
                        symbol: t.s("UNEP/MC/COP.6/INF/29"),
                        span: SP,
                    }),
                    text(t, " contains the joint report"),
                    fnref(2, t, Some("inf29")),
                    text(t, "; see also "),
                    xref(t, "annex-b", "annex II", "annex-2", TargetKind::Annex),
                    text(t, "."),
                ],
                vec![],
            )],
            span: SP,
        })],
        span: SP,
    });

    let decision = Decision {
        label: label(t, "cooperation"),
        symbol: field(t, "MC-6/[…]"),
        title: field(t, "Cooperation and coordination"),
        formula: Some(Formula {
            content: vec![text(t, "The Conference of the Parties,")],
            span: SP,
        }),
        preamble: vec![
            Preambular::Clause(PreambularClause {
                headings: Vec::new(),
                label: None,
                number: Some(des(t, 1, "1", "", "1", "pp-1")),
                opening: Some(Opening {
                    text: t.s("Recognizing"),
                    source: OpeningSource::Lexicon,
                    space_after: false,
                    span: SP,
                }),
                content: vec![text(t, " that sharing services strengthens cooperation,")],
                subparagraphs: vec![],
                span: SP,
            }),
            Preambular::Clause(PreambularClause {
                headings: Vec::new(),
                label: None,
                number: Some(des(t, 2, "2", "", "2", "pp-2")),
                opening: Some(Opening {
                    text: t.s("Recalling"),
                    source: OpeningSource::Lexicon,
                    space_after: false,
                    span: SP,
                }),
                content: vec![text(t, " its decisions on:")],
                subparagraphs: vec![sub(
                    t,
                    1,
                    des(t, 1, "a", "(a)", "2 (a)", "pp-2-a"),
                    "Cooperation and coordination,",
                    vec![],
                )],
                span: SP,
            }),
        ],
        operative: vec![
            Operative::Paragraph(OperativeParagraph {
                headings: Vec::new(),
                inserted: false,
                label: None,
                typed_number: None,
                number: Some(des(t, 1, "1", "1.", "1", "op-1")),
                opening: Some(Opening {
                    text: t.s("Takes note"),
                    source: OpeningSource::Lexicon,
                    space_after: false,
                    span: SP,
                }),
                addressee: None,
                content: vec![
                    text(t, " of the joint report"),
                    fnref(3, t, None),
                    text(t, ";"),
                ],
                subparagraphs: vec![],
                span: SP,
            }),
            Operative::Paragraph(OperativeParagraph {
                headings: Vec::new(),
                inserted: false,
                label: label(t, "requests"),
                typed_number: None,
                number: Some(des(t, 2, "2", "2.", "2", "op-2")),
                opening: Some(Opening {
                    text: t.s("Requests"),
                    source: OpeningSource::Marked,
                    space_after: false,
                    span: SP,
                }),
                addressee: Some(Addressee {
                    text: t.s("the Executive Secretary"),
                    span: SP,
                }),
                content: vec![text(t, " the Executive Secretary:")],
                subparagraphs: vec![
                    sub(
                        t,
                        1,
                        des(t, 1, "a", "(a)", "2 (a)", "op-2-a"),
                        "To continue cooperation;",
                        vec![],
                    ),
                    sub(
                        t,
                        1,
                        des(t, 2, "b", "(b)", "2 (b)", "op-2-b"),
                        "To report to the Conference of the Parties at its next meeting.",
                        vec![],
                    ),
                ],
                span: SP,
            }),
        ],
        anchor: Some(t.s("decision-1")),
        heading: Some(vec![
            Piece::Symbol {
                text: t.s("MC-6/[…]"),
            },
            words(t, ": "),
            Piece::Field {
                key: FieldKey::Title,
            },
        ]),
        span: SP,
    };

    let action = Block::Section(Section {
        level: 1,
        label: label(t, "action"),
        typed_number: None,
        number: Some(des(t, 3, "III", "III.", "III", "sec-3")),
        title: vec![text(t, "Suggested action by the Conference of the Parties")],
        content: vec![
            para(
                t,
                4,
                vec![text(
                    t,
                    "The Conference of the Parties may wish to adopt a decision along the \
                     following lines:",
                )],
                vec![],
            ),
            Block::Decision(decision),
        ],
        span: SP,
    });

    let annexes = vec![
        Annex {
            label: None,
            number: Some(des(t, 1, "I", "I", "I", "annex-1")),
            heading: t.s("Annex I"),
            title: field(t, "Activities planned for 2026–2027"),
            content: vec![Block::Paragraph(Paragraph {
                inserted: false,
                numbered: false,
                label: None,
                typed_number: None,
                number: None,
                content: vec![text(t, "The secretariats plan joint activities.")],
                subparagraphs: vec![],
                span: SP,
            })],
            span: SP,
        },
        Annex {
            label: label(t, "annex-b"),
            number: Some(des(t, 2, "II", "II", "II", "annex-2")),
            heading: t.s("Annex II"),
            title: bare_field(t, "Shared services"),
            content: vec![para(
                t,
                5,
                vec![text(t, "Services are shared on a cost recovery basis.")],
                vec![],
            )],
            span: SP,
        },
    ];

    let footnotes = vec![
        Footnote {
            origin: FootnoteOrigin::Masthead,
            number: Some(1),
            mark: None,
            label: None,
            content: vec![Inline::DocumentRef(DocumentRef {
                symbol: t.s("UNEP/MC/COP.6/1"),
                span: SP,
            })],
            ibid: false,
            span: SP,
        },
        Footnote {
            origin: FootnoteOrigin::Named,
            number: Some(2),
            mark: None,
            label: label(t, "inf29"),
            content: vec![text(t, "UNEP/MC/COP.6/INF/29, annex I.")],
            ibid: false,
            span: SP,
        },
        Footnote {
            origin: FootnoteOrigin::Inline,
            number: Some(3),
            mark: None,
            label: None,
            content: vec![text(t, "Ibid., annex II.")],
            ibid: true,
            span: SP,
        },
    ];

    Document {
        language,
        meta,
        body: vec![intro, implementation, action],
        annexes,
        footnotes,
        presentation: Presentation {
            masthead: masthead(t, language),
            page_title: t.s("Cooperation between the secretariats (UNEP/MC/COP.6/99)"),
            ..Presentation::default()
        },
        span: SP,
    }
}

/// The readable fixture.
pub fn readable(language: Lang) -> Document {
    document(language, &mut |s| s.to_string())
}

/// The fixture with an attack string in every text position, each made unique
/// by a `#n#` suffix.
pub fn attacked(language: Lang) -> Document {
    let mut i = 0usize;
    document(language, &mut |_| {
        let s = format!("{}#{i}#", CORPUS[i % CORPUS.len()]);
        i += 1;
        s
    })
}

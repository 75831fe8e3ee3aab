//! Negotiation brackets: `[` and `]` written in the text (not escaped) are
//! paired into [`Bracket`] nodes, a bracket's note (`[text]{EU}`) is
//! attached to it, and brackets side by side become [`Alternatives`].
//!
//! Pairing happens on one run of inline content (a paragraph's text, what
//! a bold span or a footnote holds), after the grammar: a bracket opened
//! in one run and closed in another (across sub-paragraphs, or across
//! the edge of bold text) stays text, and validation checks that such
//! brackets balance in their paragraph (E0110). Doing it here rather than
//! in the grammar keeps the parse linear: an unclosed `[` costs no
//! backtracking.

use crate::ast::{Alternatives, Bracket, BracketNote, Inline, Span};

/// How deep brackets nest as nodes. Negotiating texts rarely nest more
/// than three deep; deeper brackets stay text (still checked to balance,
/// and still left for the final gate), which bounds the depth of the tree
/// every later stage walks.
const MAX_DEPTH: usize = 8;

/// One bracket being filled, or the run itself (`open` is `None`).
struct Frame {
    open: Option<usize>,
    out: Vec<Inline>,
}

/// Pairs the brackets of `content`, lowered from `src`.
pub(super) fn pair(src: &str, content: Vec<Inline>) -> Vec<Inline> {
    let has_bracket = content.iter().any(|node| {
        matches!(node, Inline::Text { text, span } if exact(src, text, *span) && text.contains(['[', ']']))
    });
    if !has_bracket {
        return content;
    }
    let mut frames = vec![Frame {
        open: None,
        out: Vec::new(),
    }];
    // Brackets opened past `MAX_DEPTH`, kept as text, and not yet closed.
    let mut too_deep = 0usize;
    for node in content {
        let (text, span) = match node {
            Inline::Text { text, span } if exact(src, &text, span) => (text, span),
            other => {
                top(&mut frames).push(other);
                continue;
            }
        };
        let mut start = 0;
        let mut skip_to = 0;
        for (i, c) in text.char_indices() {
            if i < skip_to || !matches!(c, '[' | ']') {
                continue;
            }
            push_text(src, top(&mut frames), &text[start..i], span.start + start);
            start = i + 1;
            let at = span.start + i;
            if c == '[' && frames.len() > MAX_DEPTH || c == ']' && too_deep > 0 {
                if c == '[' {
                    too_deep += 1;
                } else {
                    too_deep -= 1;
                }
                push_text(src, top(&mut frames), &text[i..i + 1], at);
                continue;
            }
            if c == '[' {
                frames.push(Frame {
                    open: Some(at),
                    out: Vec::new(),
                });
                continue;
            }
            let Some(Frame {
                open: Some(open),
                out,
            }) = (frames.len() > 1).then(|| frames.pop()).flatten()
            else {
                // A `]` that closes nothing stays text; validation reports it.
                push_text(src, top(&mut frames), "]", at);
                continue;
            };
            let note = note(&text[i + 1..], at + 1);
            let end = note.as_ref().map_or(at + 1, |n| n.span.end);
            if let Some(n) = &note {
                start = n.span.end - span.start;
                skip_to = start;
            }
            top(&mut frames).push(Inline::Bracket(Bracket {
                content: group(out),
                note,
                span: Span::new(open, end),
            }));
        }
        if start < text.len() {
            push_text(src, top(&mut frames), &text[start..], span.start + start);
        }
    }
    // A `[` never closed is text again, and what it held goes back to the
    // run around it.
    while frames.len() > 1 {
        let Some(Frame { open, out }) = frames.pop() else {
            break;
        };
        let parent = top(&mut frames);
        if let Some(at) = open {
            push_text(src, parent, "[", at);
        }
        for node in out {
            match node {
                Inline::Text { text, span } if exact(src, &text, span) => {
                    push_text(src, parent, &text, span.start)
                }
                other => parent.push(other),
            }
        }
    }
    group(frames.pop().map(|f| f.out).unwrap_or_default())
}

fn top(frames: &mut [Frame]) -> &mut Vec<Inline> {
    let last = frames.len() - 1;
    &mut frames[last].out
}

/// Text equal to its source: neither an escape (`\[` is a literal
/// bracket) nor a folded line break.
fn exact(src: &str, text: &str, span: Span) -> bool {
    src.get(span.start..span.end) == Some(text)
}

/// Appends source text at `start`, joined to the text before it when that
/// is source text ending there (as lowering merges it).
fn push_text(src: &str, out: &mut Vec<Inline>, text: &str, start: usize) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text { text: t, span }) = out.last_mut()
        && span.end == start
        && exact(src, t, *span)
    {
        t.push_str(text);
        span.end += text.len();
        return;
    }
    out.push(Inline::Text {
        text: text.to_string(),
        span: Span::new(start, start + text.len()),
    });
}

/// `{note}` at the start of `rest`, which starts at `at` in the source.
fn note(rest: &str, at: usize) -> Option<BracketNote> {
    let body = rest.strip_prefix('{')?;
    let end = body.find(['}', '{', '[', ']'])?;
    let text = &body[..end];
    (body[end..].starts_with('}') && !text.trim().is_empty()).then(|| BracketNote {
        text: text.to_string(),
        span: Span::new(at, at + end + 2),
    })
}

/// Brackets side by side, written together or separated by one space,
/// become one set of alternatives; the first separator decides which.
fn group(content: Vec<Inline>) -> Vec<Inline> {
    if content
        .iter()
        .filter(|n| matches!(n, Inline::Bracket(_)))
        .count()
        < 2
    {
        return content;
    }
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    let mut nodes = content.into_iter().peekable();
    while let Some(node) = nodes.next() {
        let Inline::Bracket(first) = node else {
            out.push(node);
            continue;
        };
        let mut options = vec![first];
        let mut spaced = None;
        loop {
            match (nodes.peek(), spaced) {
                (Some(Inline::Bracket(_)), None | Some(false)) => {
                    spaced = Some(false);
                    if let Some(Inline::Bracket(b)) = nodes.next() {
                        options.push(b);
                    }
                }
                (Some(Inline::Text { text, .. }), None | Some(true)) if text == " " => {
                    let space = nodes.next();
                    if let Some(Inline::Bracket(_)) = nodes.peek() {
                        spaced = Some(true);
                        if let Some(Inline::Bracket(b)) = nodes.next() {
                            options.push(b);
                        }
                    } else {
                        finish(&mut out, options, spaced);
                        out.extend(space);
                        break;
                    }
                }
                _ => {
                    finish(&mut out, options, spaced);
                    break;
                }
            }
        }
    }
    out
}

fn finish(out: &mut Vec<Inline>, mut options: Vec<Bracket>, spaced: Option<bool>) {
    if options.len() == 1 {
        out.extend(options.pop().map(Inline::Bracket));
        return;
    }
    let span = Span::new(
        options.first().map_or(0, |b| b.span.start),
        options.last().map_or(0, |b| b.span.end),
    );
    out.push(Inline::Alternatives(Alternatives {
        options,
        spaced: spaced == Some(true),
        span,
    }));
}

#[cfg(test)]
mod tests {
    use crate::ast::{Block, Inline};

    fn content(text: &str) -> Vec<Inline> {
        let src = format!("symbol: A/1\nlanguage: en\ntitle: T\n\n{text}\n");
        let doc = crate::compile(&src).document;
        match &doc.body[0] {
            Block::Paragraph(p) => p.content.clone(),
            other => panic!("{other:?}"),
        }
    }

    fn shape(nodes: &[Inline]) -> String {
        nodes
            .iter()
            .map(|n| match n {
                Inline::Text { text, .. } => format!("'{text}'"),
                Inline::Bracket(b) => format!(
                    "B({}{})",
                    shape(&b.content),
                    b.note
                        .as_ref()
                        .map_or(String::new(), |n| format!("@{}", n.text))
                ),
                Inline::Alternatives(a) => format!(
                    "A{}({})",
                    if a.spaced { "s" } else { "" },
                    a.options
                        .iter()
                        .map(|b| shape(&b.content))
                        .collect::<Vec<_>>()
                        .join("|")
                ),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn brackets_nest_and_alternatives_group() {
        assert_eq!(
            shape(&content("Parties [shall][should] act [now [or later]].")),
            "'Parties ' A('shall'|'should') ' act ' B('now ' B('or later')) '.'"
        );
        assert_eq!(
            shape(&content("Adopts [A] [B] and [C].")),
            "'Adopts ' As('A'|'B') ' and ' B('C') '.'"
        );
    }

    #[test]
    fn a_note_follows_its_bracket() {
        assert_eq!(
            shape(&content("Urges [all States]{EU} to act.")),
            "'Urges ' B('all States'@EU) ' to act.'"
        );
    }

    #[test]
    fn escaped_and_unclosed_brackets_are_text() {
        assert_eq!(
            shape(&content(r"Acts \[without vote\] [and")),
            "'Acts ' '[' 'without vote' ']' ' [and'"
        );
    }

    #[test]
    fn spans_are_exact() {
        let nodes = content("A [b]{x} c.");
        let Inline::Bracket(b) = &nodes[1] else {
            panic!()
        };
        assert_eq!(b.span.end - b.span.start, "[b]{x}".len());
        assert_eq!(b.note.as_ref().unwrap().span.end, b.span.end);
    }
}

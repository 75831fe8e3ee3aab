//! What a draft leaves to negotiate: the final gate (`check --final`).
//! A text to be adopted holds no negotiation brackets, no alternatives and
//! no option blocks; each one left is an error at its place. And the
//! choice of options (`build --accept`).

use std::fmt;

use crate::ast::{
    Alternatives, Block, Bracket, Choice, Document, OperativeParagraph, OptionBlock,
    PreambularClause, Span,
};
use crate::diag::{Code, Diagnostic};
use crate::visit::{
    Visitor, walk_bracket, walk_operative_options, walk_options, walk_preambular_options,
};

/// How much a draft leaves to negotiate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outstanding {
    /// Bracketed texts, nested ones included, outside alternatives.
    pub brackets: usize,
    /// Sets of alternatives (`[shall][should]`).
    pub alternatives: usize,
    /// Option blocks (`::: option` … `:::`).
    pub options: usize,
}

impl Outstanding {
    pub fn is_empty(&self) -> bool {
        self.brackets == 0 && self.alternatives == 0 && self.options == 0
    }
}

/// Every bracket and set of alternatives left in `doc`, compiled from
/// `src`, as errors in source order, with their count.
pub fn final_gate(doc: &Document, src: &str) -> (Vec<Diagnostic>, Outstanding) {
    let mut gate = Gate {
        src,
        diags: Vec::new(),
        left: Outstanding::default(),
    };
    gate.visit_document(doc);
    gate.diags.sort_by_key(|d| d.primary.span.start);
    (gate.diags, gate.left)
}

struct Gate<'a> {
    src: &'a str,
    diags: Vec<Diagnostic>,
    left: Outstanding,
}

impl Gate<'_> {
    fn bracket(&mut self, span: Span, label: &str) {
        self.left.brackets += 1;
        self.diags.push(
            Diagnostic::new(Code::E0116, span, "square brackets left in a final text")
                .label(label)
                .help("agree on the text and remove the brackets, or delete the bracketed text"),
        );
    }
}

impl Gate<'_> {
    fn options<T>(&mut self, o: &OptionBlock<T>) {
        self.left.options += 1;
        let mut d = Diagnostic::new(
            Code::E0118,
            o.span,
            match o.options.len() {
                1 => "option block of 1 option left in a final text".to_string(),
                n => format!("option block of {n} options left in a final text"),
            },
        )
        .label("choose one")
        .help("keep the paragraphs of one option, without its `::: option` line, and delete the others and the closing `:::`; `draftdec build --accept` shows the result");
        for choice in &o.options {
            d = d.secondary(choice.fence_span, choice.heading.clone());
        }
        self.diags.push(d);
    }
}

impl Visitor for Gate<'_> {
    fn visit_options(&mut self, o: &OptionBlock<Block>) {
        self.options(o);
        walk_options(self, o);
    }

    fn visit_preambular_options(&mut self, o: &OptionBlock<PreambularClause>) {
        self.options(o);
        walk_preambular_options(self, o);
    }

    fn visit_operative_options(&mut self, o: &OptionBlock<OperativeParagraph>) {
        self.options(o);
        walk_operative_options(self, o);
    }

    fn visit_bracket(&mut self, b: &Bracket) {
        self.bracket(b.span, "bracketed text");
        walk_bracket(self, b);
    }

    fn visit_alternatives(&mut self, a: &Alternatives) {
        self.left.alternatives += 1;
        let mut d = Diagnostic::new(
            Code::E0117,
            a.span,
            format!("{} alternatives left in a final text", a.options.len()),
        )
        .label("choose one")
        .help("keep one of the alternatives, without its brackets, and delete the others");
        for (i, option) in a.options.iter().enumerate() {
            d = d.secondary(option.span, format!("alternative {}", i + 1));
        }
        self.diags.push(d);
        // Brackets inside an alternative are left too.
        for option in &a.options {
            self.visit_content(&option.content);
        }
    }

    /// A bracket that opens in one run of text and closes in another
    /// (across sub-paragraphs) stays text; it is left all the same.
    fn visit_text(&mut self, text: &str, span: &Span) {
        if self.src.get(span.start..span.end) != Some(text) {
            return;
        }
        for (i, c) in text.char_indices() {
            if c == '[' {
                let at = span.start + i;
                self.bracket(Span::new(at, at + 1), "opens bracketed text");
            }
        }
    }
}

/// One option to keep, as `build --accept` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accept {
    /// `option-N`: option N of the draft's only option block.
    Only(u32),
    /// `B:option-N`: option N of the B-th option block, in source order.
    Nth { block: u32, option: u32 },
    /// `LABEL`: the option labelled `<LABEL>`.
    Label(String),
}

impl Accept {
    /// Reads `option-2`, `3:option-1` or a label.
    pub fn parse(s: &str) -> Result<Accept, String> {
        let option = |t: &str| {
            t.strip_prefix("option-")
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|n| *n > 0)
        };
        if let Some((block, rest)) = s.split_once(':') {
            let block = block.parse::<u32>().ok().filter(|b| *b > 0);
            return match (block, option(rest)) {
                (Some(block), Some(option)) => Ok(Accept::Nth { block, option }),
                _ => Err(format!(
                    "`{s}` names no option: write `option-N`, `B:option-N` (the B-th option block) or an option's label"
                )),
            };
        }
        if let Some(n) = option(s) {
            return Ok(Accept::Only(n));
        }
        let numbered = s
            .strip_prefix("option-")
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if numbered || s.is_empty() || s.chars().any(|c| c.is_whitespace() || "<>@".contains(c)) {
            return Err(format!(
                "`{s}` names no option: write `option-N`, `B:option-N` or an option's label without its `<>`"
            ));
        }
        Ok(Accept::Label(s.to_string()))
    }
}

impl fmt::Display for Accept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Accept::Only(n) => write!(f, "option-{n}"),
            Accept::Nth { block, option } => write!(f, "{block}:option-{option}"),
            Accept::Label(l) => f.write_str(l),
        }
    }
}

/// Where an option block and its options are written: enough to cut one
/// option out of the source.
#[derive(Clone, Debug)]
struct Written {
    span: Span,
    labels: Vec<Option<String>>,
    /// Each option's `::: option` line and its whole extent.
    options: Vec<(Span, Span)>,
}

/// The option blocks of `doc`, in source order.
struct Blocks(Vec<Written>);

impl Blocks {
    fn add<T>(&mut self, o: &OptionBlock<T>) {
        let written = |c: &Choice<T>| (c.fence_span, c.span);
        self.0.push(Written {
            span: o.span,
            labels: o
                .options
                .iter()
                .map(|c| c.label.as_ref().map(|l| l.name.clone()))
                .collect(),
            options: o.options.iter().map(written).collect(),
        });
    }
}

impl Visitor for Blocks {
    fn visit_options(&mut self, o: &OptionBlock<Block>) {
        self.add(o);
        walk_options(self, o);
    }

    fn visit_preambular_options(&mut self, o: &OptionBlock<PreambularClause>) {
        self.add(o);
        walk_preambular_options(self, o);
    }

    fn visit_operative_options(&mut self, o: &OptionBlock<OperativeParagraph>) {
        self.add(o);
        walk_operative_options(self, o);
    }
}

/// The spans of `doc`'s option blocks, in source order, wherever they are
/// (the amendments document refuses a paragraph inserted inside one).
pub(crate) fn option_blocks(doc: &Document) -> Vec<Span> {
    let mut blocks = Blocks(Vec::new());
    blocks.visit_document(doc);
    blocks.0.into_iter().map(|w| w.span).collect()
}

/// The source of `doc` (compiled from `src`) with the options `accept`
/// names chosen: each of their blocks replaced by the chosen option's
/// paragraphs, as written. Compile the result as any draft: the numbers
/// are computed afresh. Blocks no choice names are left as they are.
pub fn accept(doc: &Document, src: &str, accept: &[Accept]) -> Result<String, String> {
    let mut blocks = Blocks(Vec::new());
    blocks.visit_document(doc);
    let blocks = blocks.0;
    let mut chosen: Vec<Option<(usize, &Accept)>> = vec![None; blocks.len()];
    for a in accept {
        let (b, k) = find(&blocks, a)?;
        if let Some((_, first)) = chosen[b] {
            return Err(format!(
                "`{first}` and `{a}` both choose in option block {}: accept one option of a block",
                b + 1
            ));
        }
        chosen[b] = Some((k, a));
    }
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for (block, choice) in blocks.iter().zip(&chosen) {
        let Some((k, _)) = choice else { continue };
        let (fence, extent) = block.options[*k];
        let start = line_start(src, block.span.start);
        out.push_str(&src[at..start]);
        // The chosen option's text, from the line after its `::: option`
        // line to its end (the line of the next option or of `:::`).
        let from = line_end(src, fence.end);
        let to = line_start(src, extent.end).max(from);
        out.push_str(&src[from..to]);
        at = line_end(src, block.span.end);
    }
    out.push_str(&src[at..]);
    Ok(out)
}

/// The block and option `a` names.
fn find(blocks: &[Written], a: &Accept) -> Result<(usize, usize), String> {
    let option = |b: usize, n: u32| {
        let count = blocks[b].options.len();
        if n as usize > count {
            Err(format!(
                "`{a}`: option block {} has {count} option{}",
                b + 1,
                if count == 1 { "" } else { "s" }
            ))
        } else {
            Ok((b, n as usize - 1))
        }
    };
    match a {
        Accept::Only(n) => match blocks.len() {
            0 => Err(format!("`{a}`: the draft has no option block")),
            1 => option(0, *n),
            count => Err(format!(
                "`{a}`: the draft has {count} option blocks; name the block: `1:option-{n}` … `{count}:option-{n}`, or an option's label"
            )),
        },
        Accept::Nth { block, option: n } => match blocks.len() {
            count if *block as usize > count => Err(format!(
                "`{a}`: the draft has {count} option block{}",
                if count == 1 { "" } else { "s" }
            )),
            _ => option(*block as usize - 1, *n),
        },
        Accept::Label(name) => blocks
            .iter()
            .enumerate()
            .find_map(|(b, w)| {
                let k = w.labels.iter().position(|l| l.as_deref() == Some(name))?;
                Some((b, k))
            })
            .ok_or_else(|| format!("`{a}`: no option is labelled `<{name}>`")),
    }
}

/// The start of the line holding byte `at`.
fn line_start(src: &str, at: usize) -> usize {
    src[..at.min(src.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
}

/// The start of the line after the one holding byte `at` (the end of the
/// text on the last line).
fn line_end(src: &str, at: usize) -> usize {
    let at = at.min(src.len());
    match src[at..].find(['\n', '\r']) {
        Some(i) => {
            let nl = at + i;
            if src[nl..].starts_with("\r\n") {
                nl + 2
            } else {
                nl + 1
            }
        }
        None => src.len(),
    }
}

// Writes a draft highlighted by the extension's grammar as an HTML page,
// coloured as VS Code's Light+ theme colours these scopes, for the
// screenshot in docs/editor.md: `node test/highlight.js FILE > page.html`.
'use strict';

const fs = require('fs');
const { loadGrammar, tokenize } = require('./tokenize');

// The most specific rule wins: later entries override earlier ones.
const COLOURS = [
    ['markup.heading', 'color:#800000;font-weight:bold'],
    ['entity.name.section', 'color:#800000;font-weight:bold'],
    ['meta.brackets.negotiation', 'background:#fff3c4'],
    ['markup.quote.footnote', 'color:#5c6b77'],
    ['markup.bold', 'font-weight:bold'],
    ['markup.italic', 'font-style:italic'],
    ['string.unquoted.value', 'color:#a31515'],
    ['keyword.other.key', 'color:#0451a5'],
    ['keyword.control.fence', 'color:#af00db'],
    ['storage.type.block', 'color:#0000ff'],
    ['constant.numeric.marker', 'color:#098658;font-weight:bold'],
    ['constant.numeric.designation', 'color:#098658'],
    ['entity.name.label', 'color:#267f99'],
    ['punctuation.definition.label', 'color:#267f99'],
    ['variable.other.reference', 'color:#001080;text-decoration:underline'],
    ['punctuation.definition.reference', 'color:#001080'],
    ['entity.name.footnote', 'color:#795e26;font-weight:bold'],
    ['variable.other.footnote', 'color:#795e26'],
    ['punctuation.definition.footnote', 'color:#795e26'],
    ['constant.other.symbol', 'color:#0070c1'],
    ['constant.character.escape', 'color:#ee0000'],
    ['comment', 'color:#008000;font-style:italic'],
];

function style(scopes) {
    const names = scopes.flatMap((s) => s.split(' '));
    return COLOURS.filter(([prefix]) => names.some((n) => n === prefix || n.startsWith(prefix + '.')))
        .map(([, css]) => css)
        .join(';');
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main() {
    const file = process.argv[2];
    const text = fs.readFileSync(file, 'utf8');
    const grammar = await loadGrammar();
    const lines = [];
    for (const token of tokenize(grammar, text)) {
        while (lines.length < token.line) lines.push('');
        const css = style(token.scopes);
        const html = escape(token.text);
        lines[token.line - 1] += css ? `<span style="${css}">${html}</span>` : html;
    }
    const body = lines.map((l, i) => `<div class="l"><span class="n">${i + 1}</span>${l}</div>`).join('');
    process.stdout.write(`<!doctype html><meta charset="utf-8"><title>${escape(file)}</title>
<style>
body{margin:0;background:#fff;font:14px/1.45 "DejaVu Sans Mono","Noto Sans Mono",monospace;color:#1f1f1f}
.tab{background:#f3f3f3;border-bottom:1px solid #ddd;padding:6px 12px;font-family:sans-serif;font-size:13px}
pre{margin:0;padding:8px 0;white-space:pre-wrap}
.l{padding-left:3.5em;text-indent:-3.5em;min-height:1.45em}
.n{display:inline-block;width:3em;margin-right:.5em;text-align:right;color:#237893;text-indent:0}
</style>
<div class="tab">${escape(file.split('/').pop())} — draftdec grammar (VS Code Light+ colours)</div>
<pre>${body}</pre>
`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});

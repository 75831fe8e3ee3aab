// Tokenizes .draft text with the extension's TextMate grammar, as VS Code
// does (vscode-textmate with the Oniguruma engine compiled to WebAssembly).
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'draft.tmLanguage.json');

async function loadGrammar() {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName) =>
            scopeName === 'source.draft'
                ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR)
                : null,
    });
    return registry.loadGrammar('source.draft');
}

// Every line's tokens: { line, start, end, text, scopes } (columns in
// UTF-16 units, as the editor counts them); `scopes` without the root.
function tokenize(grammar, text) {
    const tokens = [];
    let state = vsctm.INITIAL;
    text.split(/\r\n|\r|\n/).forEach((line, number) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            tokens.push({
                line: number + 1,
                start: token.startIndex,
                end: Math.min(token.endIndex, line.length),
                text: line.slice(token.startIndex, token.endIndex),
                scopes: token.scopes.filter((s) => s !== 'source.draft'),
            });
        }
        state = result.ruleStack;
    });
    return tokens;
}

module.exports = { loadGrammar, tokenize };

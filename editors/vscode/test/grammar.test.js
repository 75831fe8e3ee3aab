// The grammar on the shipped examples: every token with a scope is pinned
// in test/tokens/<example>.tokens (golden files, rewritten only by
// INSTA_UPDATE=always as every golden file of the repository, and never
// under CI), and the constructs the issue names are checked by scope.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { loadGrammar, tokenize } = require('./tokenize');

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const GOLDEN = path.join(__dirname, 'tokens');

const bless = ['always', '1', 'force'].includes(process.env.INSTA_UPDATE || '');
const ci = !['', '0', 'false'].includes(process.env.CI || '');
if (bless && ci) {
    throw new Error('INSTA_UPDATE rewrites golden files; CI only compares them');
}

function golden(tokens) {
    return tokens
        .filter((t) => t.scopes.length > 0 && t.text.trim() !== '')
        .map((t) => `${t.line}:${t.start}-${t.end} ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`)
        .join('\n') + '\n';
}

// Asserts that every token covering occurrence `nth` of `needle` has
// `scope`.
function assertScope(stem, tokens, text, needle, scope, nth = 0) {
    const lines = text.split(/\r\n|\r|\n/);
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        let at = lines[i].indexOf(needle);
        while (at >= 0) {
            if (seen++ === nth) {
                const covering = tokens.filter((t) => t.line === i + 1 && t.start < at + needle.length && at < t.end);
                assert(covering.length > 0, `${stem}: no token at ${needle}`);
                for (const token of covering) {
                    const has = token.scopes.some((s) => s.split(' ').includes(scope));
                    assert(has, `${stem}: ${JSON.stringify(token.text)} in ${needle} is ${token.scopes.join(', ')}, not ${scope}`);
                }
                return;
            }
            at = lines[i].indexOf(needle, at + 1);
        }
    }
    throw new Error(`${stem}: ${needle} #${nth} not in the text`);
}

const CHECKS = {
    'tour.en': [
        ['// A tour of the language: every construct draftdec knows, in one note.', 'comment.line.double-slash.draft'],
        ['agenda-item', 'keyword.other.key.draft'],
        ['#', 'punctuation.definition.heading.draft'],
        ['intro', 'entity.name.label.draft'],
        ['Introduction', 'entity.name.section.draft'],
        ['#.', 'constant.numeric.marker.draft'],
        ['p-mandate', 'entity.name.label.draft'],
        ['MC-5/3', 'constant.other.symbol.decision.draft'],
        ['mandate', 'variable.other.footnote.draft', 1],
        ['UNEP/MC/COP.6/INF/12', 'constant.other.symbol.document.draft'],
        ['p-options', 'variable.other.reference.draft'],
        ['(a)', 'constant.numeric.marker.draft'],
        ['opt-a', 'entity.name.label.draft'],
        ['Ibid., para. 12.', 'markup.quote.footnote.draft'],
        ['\\*', 'constant.character.escape.draft'],
        [':::', 'keyword.control.fence.draft', 1],
        ['decision', 'storage.type.block.draft', 4],
        ['MC-6/[…]', 'constant.other.symbol.decision.draft'],
        ['a threshold of 15 mg/kg', 'meta.brackets.negotiation.draft'],
        ['The Conference of the Parties may wish to adopt the draft decision set out in ', 'markup.bold.draft'],
    ],
    'cooperation.ru': [
        ['МК-3/11', 'constant.other.symbol.decision.draft'],
        ['requests-es', 'entity.name.label.draft'],
        ['a)', 'constant.numeric.marker.draft'],
    ],
    'cooperation.ar': [
        ['المرجع نفسه، المرفق الثاني.', 'markup.quote.footnote.draft'],
        ['الإجراء المقترح أن يتخذه مؤتمر الأطراف', 'entity.name.section.draft'],
    ],
    'cooperation.zh': [['language', 'keyword.other.key.draft']],
    'draft-decision-cop.en': [
        ['-/CP.21', 'constant.other.symbol.decision.draft', 2],
        ['1/CP.17', 'constant.other.symbol.decision.draft', 1],
    ],
    'resolution-who-rc.en': [['(1)', 'constant.numeric.marker.draft', 1]],
};

async function main() {
    const grammar = await loadGrammar();
    const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.draft')).sort();
    assert(examples.length > 0, 'no examples');
    const stale = [];
    for (const file of examples) {
        const stem = file.replace(/\.draft$/, '');
        const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
        const tokens = tokenize(grammar, text);
        for (const [needle, scope, nth] of CHECKS[stem] || []) {
            assertScope(stem, tokens, text, needle, scope, nth);
        }
        const actual = golden(tokens);
        const goldenPath = path.join(GOLDEN, `${stem}.tokens`);
        const expected = fs.existsSync(goldenPath) ? fs.readFileSync(goldenPath, 'utf8') : '';
        if (actual !== expected) {
            if (bless) {
                fs.writeFileSync(goldenPath, actual);
            } else {
                stale.push(`${goldenPath} differs (INSTA_UPDATE=always npm test rewrites it)`);
            }
        }
    }
    for (const stem of Object.keys(CHECKS)) {
        assert(examples.includes(`${stem}.draft`), `${stem}.draft is checked but not an example`);
    }
    assert.deepStrictEqual(stale, []);
    console.log(`grammar: ${examples.length} examples tokenized as pinned`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});

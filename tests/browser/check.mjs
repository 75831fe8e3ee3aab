// Opens draftdec HTML pages in headless Chromium and checks what only a real
// browser can tell: the page loads nothing from outside, axe-core finds no
// accessibility violation, every internal link lands, numbers hang to the
// left of their text, print-to-PDF is A4, and attack strings stay text.
//
// Usage: node check.mjs MANIFEST.json
// MANIFEST: { "out": DIR, "pages": [{ "name", "file", "kind": "page" | "injection" }] }
// Writes DIR/NAME.png (full-page screenshot) and DIR/NAME.pdf for each page.
// Exits 1 with a list of failures, 0 when every check passes.

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const failures = [];
const fail = (name, msg) => failures.push(`${name}: ${msg}`);

// A4 in PostScript points; Chromium rounds page sizes to whole CSS pixels.
const A4 = [595.28, 841.89];

/** Every page's /MediaBox in a PDF written by Chromium (uncompressed dicts). */
function mediaBoxes(pdf) {
  const text = pdf.toString('latin1');
  const re = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/g;
  const boxes = [];
  for (let m; (m = re.exec(text)); ) {
    boxes.push([+m[3] - +m[1], +m[4] - +m[2]]);
  }
  return boxes;
}

const userDataDir = mkdtempSync(join(tmpdir(), 'draftdec-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1000, height: 1200 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  for (const entry of manifest.pages) {
    const { name, file, kind } = entry;
    const page = await context.newPage();
    const outside = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    const url = pathToFileURL(file).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) fail(name, `could not load ${url}`);
    await page.screenshot({ path: join(manifest.out, `${name}.png`), fullPage: true });

    // Checks on the page as the author wrote it, before axe adds a script.
    const dom = await page.evaluate((kind) => {
      const out = { problems: [] };
      const p = (m) => out.problems.push(m);
      if (document.querySelectorAll('script').length) p('the page has a <script>');
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) {
          if (a.toLowerCase().startsWith('on')) p(`event handler ${a} on <${el.localName}>`);
        }
      }
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href');
        if (!href.startsWith('#')) p(`link leaves the page: ${href}`);
        // The attack page fills anchors and targets independently.
        else if (kind !== 'injection' && !document.getElementById(href.slice(1)))
          p(`link to missing #${href.slice(1)}`);
      }
      // Every numbered item can be linked to.
      for (const li of document.querySelectorAll('ol.paras > li, ol.operative > li, ol.sub > li, .footnotes li')) {
        if (!li.id) p(`list item without id: ${li.textContent.slice(0, 40)}`);
      }
      // Numbers hang outside (before) their text.
      const rtl = document.documentElement.dir === 'rtl';
      // On the attack page the numbers are long strings that cannot hang.
      const numbers = kind === 'injection' ? [] : document.querySelectorAll(
        'ol.paras > li > .num, ol.operative > li > .num, ol.sub > li > .num');
      for (const num of numbers) {
        const n = num.getBoundingClientRect();
        const li = num.parentElement;
        const style = getComputedStyle(li);
        const box = li.getBoundingClientRect();
        const start = rtl
          ? box.right - parseFloat(style.paddingRight)
          : box.left + parseFloat(style.paddingLeft);
        const hangs = rtl ? n.left >= start - 1 : n.right <= start + 1;
        if (!hangs) p(`number ${num.textContent} does not hang (#${li.id})`);
      }
      // Italic, or upright in the face of a script without italics (the
      // language table's opening face: Chinese Kai), never a synthesized
      // oblique of the body's face.
      const bodyFace = getComputedStyle(document.body).fontFamily;
      for (const em of document.querySelectorAll('em.opening')) {
        const st = getComputedStyle(em);
        const want = st.fontFamily !== bodyFace ? 'normal' : 'italic';
        if (st.fontStyle !== want) p(`opening words not ${want}`);
      }
      out.counts = {
        paras: document.querySelectorAll('ol.paras > li').length,
        operative: document.querySelectorAll('ol.operative > li').length,
        footnotes: document.querySelectorAll('.footnotes li').length,
      };
      out.text = document.body.innerText;
      out.foreign = [...document.querySelectorAll('svg, img, iframe, object, embed, base, math, textarea, plaintext, meta[http-equiv]')]
        .map((e) => e.localName);
      return out;
    }, kind);
    for (const m of dom.problems) fail(name, m);

    if (kind === 'injection') {
      if (dom.foreign.length) fail(name, `injected elements: ${dom.foreign.join(', ')}`);
      for (const s of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</style>']) {
        if (!dom.text.includes(s)) fail(name, `attack string not shown as text: ${s}`);
      }
    } else if (dom.counts.paras + dom.counts.operative === 0) {
      // A note numbers its paragraphs; a resolution, its operative ones.
      fail(name, 'no numbered paragraphs rendered');
    }
    if (dialogs.length) fail(name, `dialogs opened: ${dialogs.join(' | ')}`);
    if (errors.length) fail(name, `script errors: ${errors.join(' | ')}`);

    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async () => {
      // Every rule axe ships, best practices included, except experimental ones.
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    for (const v of axe) fail(name, `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join('; ')}`);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(join(manifest.out, `${name}.pdf`), pdf);
    const boxes = mediaBoxes(pdf);
    if (!boxes.length) fail(name, 'no page in the PDF');
    for (const [w, h] of boxes) {
      if (Math.abs(w - A4[0]) > 1.5 || Math.abs(h - A4[1]) > 1.5)
        fail(name, `PDF page is ${w}x${h} pt, not A4`);
    }
    if (outside.length) fail(name, `requests outside the file: ${outside.join(', ')}`);
    console.log(
      `${name}: ${dom.counts.paras} paragraphs, ${dom.counts.operative} operative, ` +
        `${dom.counts.footnotes} footnotes, ${axe.length} axe violations, ${boxes.length} PDF page(s)`,
    );
    await page.close();
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`FAILED (${failures.length}):\n` + failures.map((f) => `  ${f}`).join('\n'));
  process.exit(1);
}
console.log(`ok: ${manifest.pages.length} page(s)`);

// The script-tag bundle as a CMS page uses it: dist/creditkit.js built by the library config,
// served as static files beside a plain HTML page under a strict CSP, loaded with one
// <script type="module"> tag. A page with only a price list gets it without downloading the other
// elements first; every element is defined; the pricing table renders the catalog; the
// calculator counts a prompt exactly: short text on the page's thread (the rank table fetched
// lazily from beside the bundle), long text in the token-count worker.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
// @ts-expect-error a plain .mjs helper without types
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; worker-src 'self'";
const TAGS = ['credit-pricing-table', 'credit-calculator', 'credit-balance', 'credit-usage', 'credit-chat-cost', 'credit-statement'];
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>creditkit from a script tag</title>
<script type="module" src="/dist/creditkit.js"></script></head>
<body>
<credit-pricing-table src="/catalog/gptbots.json"></credit-pricing-table>
<credit-calculator src="/catalog/gptbots.json"></credit-calculator>
</body></html>`;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;
const requested: string[] = [];
const notFound: string[] = [];

function serve(root: string, prefix: string, path: string): Buffer | undefined {
  const file = normalize(join(root, path.slice(prefix.length)));
  if (!file.startsWith(root)) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'creditkit-script-tag-'));
  await build({ configFile: 'vite.lib.config.ts', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, sourcemap: false } });
  const catalogDir = join(process.cwd(), 'catalog');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const body = path === '/' || path === '/trusted-types' ? Buffer.from(PAGE) : path === '/pricing-only' ? Buffer.from(PAGE.replace(/<credit-calculator[^]*?<\/credit-calculator>/, '')) : path === '/pricing-packages' ? Buffer.from(PAGE.replace(/<credit-calculator[^]*?<\/credit-calculator>/, '').replace('gptbots.json', 'meingpt.json')) : path.startsWith('/dist/') ? serve(out, '/dist/', path) : path.startsWith('/catalog/') ? serve(catalogDir, '/catalog/', path) : undefined;
    if (!body) {
      if (path !== '/favicon.ico') notFound.push(path);
      return void res.writeHead(404).end();
    }
    const csp = path === '/trusted-types' ? `${CSP}; require-trusted-types-for 'script'` : CSP;
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html', 'content-security-policy': csp }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(out, { recursive: true, force: true });
});

async function openPage(path = '/'): Promise<{ page: Page; problems: string[]; workers: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(`${origin}${path}`);
  return { page, problems, workers };
}

/** The calculator's first prompt box: types `text`, waits for the exact count, returns [tokens, encoding]. */
async function countInCalculator(page: Page, text: string): Promise<[number, string]> {
  const prompt = page.locator('credit-calculator textarea').first();
  await prompt.fill(text);
  const hint = page.locator('credit-calculator .hint[id$="prompt-count"]').first();
  await hint.filter({ hasText: /tokens \(exact, \w+\)/ }).waitFor({ timeout: 30_000 });
  const match = /([\d,]+) tokens \(exact, (\w+)\)/.exec(await hint.innerText())!;
  return [Number(match[1]!.replace(/,/g, '')), match[2]!];
}

const reference = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) } as Record<string, Tiktoken>;

describe('dist/creditkit.js from a <script type="module"> tag under a strict CSP', () => {
  it('ships the rank tables as separate files beside the bundle, not inside it', () => {
    const files = readdirSync(join(out, 'chunks')).concat(readdirSync(join(out, 'assets')));
    assert.ok(files.some((f) => /^o200k_base-.+\.js$/.test(f)) && files.some((f) => /^cl100k_base-.+\.js$/.test(f)), files.join(', '));
    assert.ok(readFileSync(join(out, 'creditkit.js')).length < 2000, 'creditkit.js is a small loader; the elements are chunks beside it');
  });

  // The issue's target is 30 KB; measured 53.9 KB on 7 Dec 2026 before the table's path left out
  // decimal.js and the rating engine, 37.1 KB after: lit and the element layer 15.2, the catalog's
  // validation with zod 11.4, the table 9.8. This guard keeps it from growing back; the gap to
  // the target is printed on every run. Dated prices in the catalog's schema (9d69d7a) added 1.0 KB.
  // The price list as a product (issue 15: toolbar of visitor controls, plan cards, the grid
  // keyboard, compact phone rows; table15) added 9.6 KB: 47.7 KB measured (48.9 with meinGPT's plan
  // cards): the table's first paint 8.3, what shows a model (loaded with it) 6.5, the controls it
  // uses 4.4 (combobox 2.0, segmented 1.1, button 0.9, badge 0.4, each a chunk shared with the
  // calculator and balance). Guard 49 KB. Prices through time, service tiers and a second currency
  // (issue 16 items 5 and 6; table16) added 2.4 KB, measured 51.3 KB: the dated periods, instant
  // parsing and the service-tier view in the catalog chunk (+0.6), the exchange-rate module and its
  // strings in common (+0.9, shared with the balance), the marks and switch in the table and its
  // model (+0.5); decimal.js stays out of the path. 52.0 KB after main's image and audio prices in
  // the catalog schema (+0.3) and the footer's "prices in force on". Guard 53 KB.
  // parseCatalog without zod (the schema compiled into a shape at build time, checked by
  // src/core/catalog/shape.ts; test/core/catalog/shape.node.test.ts holds it to zod's answers):
  // the catalog chunk 13.8 → 7.1 KB, the page 52.1 → 45.5 KB. The common chunk holding only what
  // the price list uses too (lit's repeat and guard, the online and style-property controllers,
  // downloads, meter styles, zod's issue mapping and the statement's words moved to the elements'
  // chunks): 16.3 → 14.7 KB, the page 44.0 KB. The button, badge, field and segmented control
  // (used by nearly every element) in the common chunk instead of four files: 42.9 KB in 7 files.
  // The table and what shows its model as one file (was fetched only once the first had run):
  // 42.1 KB in 6 files; 42.3 after main's fuller catalog diff. The comparison of two catalogs
  // (core's diff, for `previous` and live refreshes) loaded only when there is one: 41.7 KB;
  // 41.9 KB after main's InstantReader (rateMany's instants, in core/instant.ts, which the catalog
  // chunk carries for instantMs). 42.4 KB after main's rows built for the viewport and kept across
  // renders (8469f58, f47929c: the table's chunk +0.4) and instants read in one function (f038b36:
  // the catalog chunk +0.1). Guard 42.75 KB.
  it('a page with only a price list downloads ≤ 42.75 KB gzipped in all (target 30): until its priced rows are on screen, and after the page has been idle 5 s (no other element, no tokenizer)', async (t) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/pricing-only`);
    const distFiles = async () =>
      (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))).filter((p) => p.startsWith('/dist/'));
    const gzipped = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f.slice('/dist/'.length))), { level: 9 }).length, 0);
    // The moment a visitor sees prices: a priced row of the table is visible in the viewport.
    await page.locator('credit-pricing-table tbody tr').first().waitFor({ state: 'visible' });
    await page.getByText('4,545,454', { exact: false }).first().waitFor({ state: 'visible' });
    const atRows = await distFiles();
    await page.waitForTimeout(5000);
    const afterIdle = await distFiles();
    for (const [moment, files] of [['rows on screen', atRows], ['idle 5 s', afterIdle]] as const) {
      t.diagnostic(`pricing table from the script tag, ${moment}: ${(gzipped(files) / 1024).toFixed(1)} KB gzipped in ${files.length} files (${files.map((f) => `${f.replace(/^.*\//, "")} ${(gzipped([f]) / 1024).toFixed(1)}`).join(", ")})`);
      assert.ok(files.some((f) => /\/pricing-table-[\w-]+\.js$/.test(f)), files.join(', '));
      assert.deepEqual(files.filter((f) => /(calculator|usage|balance|chat-cost|statement|tokenizer|_base)-[\w-]+\.js$/.test(f)), [], `${moment}: no other element, no tokenizer`);
      if (gzipped(files) > 30 * 1024) t.diagnostic(`${moment}: ${((gzipped(files) - 30 * 1024) / 1024).toFixed(1)} KB over the 30 KB target`);
      assert.ok(gzipped(files) <= 42.75 * 1024, `${moment}: ${gzipped(files)} bytes gzipped`);
    }
    await page.close();
  });

  // The plan cards are a chunk of their own (a catalog without packages does not load it): the list
  // waits for it, so the cards do not arrive after the rows and push them down. Measured 43.0 KB,
  // 43.2 KB with main's InstantReader, 43.7 KB with the same commits as above.
  it('a price list with packages (meinGPT) shows its plan cards in the same frame as its first rows, and downloads ≤ 44 KB gzipped in all', async (t) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/pricing-packages`);
    // Checked every frame until the first row is in the table: were the cards there too?
    const firstRows = await page.waitForFunction(
      () => {
        const root = document.querySelector('credit-pricing-table')?.shadowRoot;
        return root?.querySelector('tbody tr') ? { cards: root.querySelector('[part~="package"]') !== null } : false;
      },
      undefined,
      { polling: 'raf' },
    );
    const cardsWithFirstRow = ((await firstRows.jsonValue()) as { cards: boolean }).cards;
    assert.equal(cardsWithFirstRow, true, 'the plan cards were not on screen with the first row');
    await page.waitForTimeout(5000);
    const files = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))).filter((p) => p.startsWith('/dist/'));
    const size = files.reduce((n, f) => n + gzipSync(readFileSync(join(out, f.slice('/dist/'.length))), { level: 9 }).length, 0);
    t.diagnostic(`pricing table with plan cards, idle 5 s: ${(size / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    assert.ok(files.some((f) => /\/plan-cards-[\w-]+\.js$/.test(f)), files.join(', '));
    assert.ok(size <= 44 * 1024, `${size} bytes gzipped`);
    await page.close();
  });

  it('defines the elements on the page, the others when a page script asks for them, and renders the 118 GPTBots services, loading no rank table for it', async () => {
    const { page, problems } = await openPage();
    await page.evaluate(() => Promise.all(['credit-pricing-table', 'credit-calculator'].map((t) => customElements.whenDefined(t))));
    const defined = () => page.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);
    assert.deepEqual(await defined(), ['credit-pricing-table', 'credit-calculator'], 'only the two tags on the page');
    await page.evaluate(
      async ([bundle, tags]) => {
        const { loadElement } = (await import(bundle!)) as { loadElement(tag: string): Promise<void> };
        await Promise.all(tags!.map(loadElement));
      },
      ['/dist/creditkit.js', TAGS] as [string, string[]],
    );
    assert.deepEqual(await defined(), TAGS);
    const rows = page.locator('credit-pricing-table tbody tr');
    await rows.nth(117).waitFor();
    assert.equal(await rows.count(), 118);
    await page.getByText('4,545,454', { exact: false }).first().waitFor();
    assert.deepEqual(problems, []);
    assert.ok(!requested.some((p) => /_base-/.test(p)), `a rank table was fetched for the price list: ${requested.filter((p) => /_base-/.test(p)).join(', ')}`);
    await page.close();
  });

  it('counts a short prompt exactly on the page, the rank table fetched lazily from beside the bundle', async () => {
    const { page, problems, workers } = await openPage();
    const text = 'How many credits does a 2,000-word German contract summary cost with GPT-4.1? Bitte auf Deutsch.';
    const [tokens, encoding] = await countInCalculator(page, text);
    assert.equal(tokens, reference[encoding]!.encode(text).length, encoding);
    assert.ok(requested.some((p) => p.startsWith('/dist/chunks/') && p.includes(`${encoding}-`)), `fetched ${encoding} from dist/chunks`);
    assert.deepEqual(workers, [], 'a short text is counted without a worker');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('counts a 60,000-character prompt exactly in the token-count worker', async () => {
    const { page, problems, workers } = await openPage();
    const text = Array.from({ length: 1500 }, (_, i) => `Zeile ${i}: Preis pro 1.000 Tokens, `).join('').padEnd(60_000, 'x ');
    const [tokens, encoding] = await countInCalculator(page, text);
    assert.equal(tokens, reference[encoding]!.encode(text).length, encoding);
    assert.ok(workers.some((w) => /^\/dist\/assets\/count\.worker-.+\.js$/.test(w)), `a count worker ran from beside the bundle: ${workers.join(', ')}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(notFound, [], 'every file the bundle asked for was found beside it');
    await page.close();
  });

  it('the worker shares the tokenizer chunk and rank files with the page: a short count on the page then a long one in the worker ask for the same rank file (one URL, so an HTTP cache serves the second), and the worker loads no lit', async () => {
    const { page, problems, workers } = await openPage();
    const from = requested.length;
    const [, encoding] = await countInCalculator(page, 'A short prompt, counted on the page.');
    const long = Array.from({ length: 1500 }, (_, i) => `Zeile ${i}: Preis pro 1.000 Tokens, `).join('').padEnd(60_000, 'x ');
    const [tokens] = await countInCalculator(page, long);
    assert.equal(tokens, reference[encoding]!.encode(long).length, encoding);
    assert.equal(workers.length, 1, workers.join(', '));
    const ranks = requested.slice(from).filter((p) => /_base-/.test(p));
    assert.ok(ranks.length >= 1 && new Set(ranks).size === 1, `rank files fetched: ${ranks.join(', ')}`);
    assert.match(ranks[0]!, /^\/dist\/chunks\//);
    const worker = readFileSync(join(out, workers[0]!.slice('/dist/'.length)), 'utf8');
    assert.ok(worker.length < 1000, `the worker is a small entry (${worker.length} bytes)`);
    for (const [, dep] of worker.matchAll(/from"([^"]+)"/g)) assert.doesNotMatch(readFileSync(join(out, 'assets', dep!), 'utf8'), /createTreeWalker|lit-html/, dep);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('with Trusted Types required, renders the price list and still counts a long prompt exactly (on the page: the worker is blocked)', async () => {
    const { page, problems, workers } = await openPage('/trusted-types');
    await page.locator('credit-pricing-table tbody tr').nth(117).waitFor();
    const text = 'Trusted Types. '.repeat(4000);
    const [tokens, encoding] = await countInCalculator(page, text);
    assert.equal(tokens, reference[encoding]!.encode(text).length, encoding);
    // The worker's URL would need a TrustedScriptURL; bundlers only rewrite the literal
    // `new Worker(new URL(…))`, so the worker is refused (one CSP report) and the count falls back.
    assert.deepEqual(workers, []);
    assert.deepEqual(problems, ["console: This document requires 'TrustedScriptURL' assignment. The action has been blocked."]);
    await page.close();
  });
});

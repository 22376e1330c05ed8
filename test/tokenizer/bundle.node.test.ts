// The rank tables never reach a page that does not count tokens: Vite builds a pricing page
// (core only, through the `creditkit` entry) and a counting page, and the chunk lists are checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';

const src = resolve('src/index.ts');
// A run of o200k_base's rank data ("IQ== Ig== Iw==" are its first tokens, "!", "\"", "#").
const RANK_DATA = 'IQ== Ig== Iw==';

test('Vite: the pricing page\'s scripts hold no rank table; the counting page loads one lazily, and the worker is its own chunk', { timeout: 120_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'creditkit-bundle-'));
  try {
    writeFileSync(join(root, 'pricing.html'), '<!doctype html><script type="module" src="./pricing.ts"></script>');
    writeFileSync(join(root, 'pricing.ts'), `import { parseCatalog, rate } from ${JSON.stringify(src)};\nconsole.log(parseCatalog, rate);\n`);
    writeFileSync(join(root, 'counting.html'), '<!doctype html><script type="module" src="./counting.ts"></script>');
    writeFileSync(join(root, 'counting.ts'), `import { countTokens } from ${JSON.stringify(src)};\ncountTokens('hello', { model: 'gpt-4o' }).then(console.log);\n`);
    const output = (await build({
      root,
      logLevel: 'silent',
      configFile: false,
      // Module workers code-split like pages, so the worker loads one rank chunk on demand; Vite's
      // default 'iife' inlines both tables (3.4 MB) into the worker file.
      worker: { format: 'es' },
      build: { outDir: join(root, 'out'), write: true, chunkSizeWarningLimit: 8192, rollupOptions: { input: { pricing: join(root, 'pricing.html'), counting: join(root, 'counting.html') } } },
    })) as Rollup.RollupOutput;
    const chunks = output.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    /** Every chunk a page loads before any dynamic import: its entry and static imports, transitively. */
    const initial = (entry: Rollup.OutputChunk): Rollup.OutputChunk[] => {
      const seen = new Set<string>();
      const visit = (c: Rollup.OutputChunk): void => {
        if (seen.has(c.fileName)) return;
        seen.add(c.fileName);
        for (const i of c.imports) visit(byName.get(i)!);
      };
      visit(entry);
      return [...seen].map((f) => byName.get(f)!);
    };
    const pricing = chunks.find((c) => c.isEntry && c.name === 'pricing')!;
    const counting = chunks.find((c) => c.isEntry && c.name === 'counting')!;
    for (const c of initial(pricing)) assert.ok(!c.code.includes(RANK_DATA), `${c.fileName} (initial chunk of the pricing page) holds rank data`);
    for (const c of initial(counting)) assert.ok(!c.code.includes(RANK_DATA), `${c.fileName} (initial chunk of the counting page) holds rank data`);
    const rankChunks = chunks.filter((c) => c.code.includes(RANK_DATA));
    assert.ok(rankChunks.length >= 1, 'the rank tables are built as chunks of their own');
    for (const c of rankChunks) assert.ok(c.code.length > 1_000_000 && !c.isEntry, `${c.fileName} is a lazily loaded rank chunk`);
    const assets = readdirSync(join(root, 'out', 'assets'));
    const worker = assets.find((f) => /count\.worker/.test(f));
    assert.ok(worker, `the counting worker is emitted as its own file (assets: ${assets.join(', ')})`);
    const workerCode = readFileSync(join(root, 'out', 'assets', worker), 'utf8');
    assert.ok(workerCode.length > 0 && !workerCode.includes(RANK_DATA), 'the worker file itself holds no rank table');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

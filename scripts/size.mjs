// Size budgets, checked in CI: the gzipped JavaScript a page downloads, bundled and minified the
// way an app bundler would. Fails (exit 1) when a budget is exceeded.
//   pricing table alone (initial chunks only, nothing lazy)   ≤ 30 KB (the target)
//   every element, all chunks but the tokenizer's rank tables ≤ 96 KB: a regression guard at
//     today's size. The target is 80 KB and is not met (decimal.js, zod/mini and lit alone
//     are ~27 KB; the calculator with its simulation core and en/de strings ~20 KB); the gap is
//     printed on every run until the bundle is brought down to it.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const KB = 1024;
const BUDGETS = [
  { name: 'pricing table alone (first paint)', entries: ['src/elements/pricing-table/index.ts'], limit: 30 * KB, initialOnly: true },
  { name: 'every element, as dist/creditkit.js loads them (all chunks but the rank tables)', entries: ['src/elements/index.ts'], limit: 96 * KB, target: 80 * KB, initialOnly: false },
];
const isRankChunk = (output) => Object.keys(output.inputs).some((i) => /js-tiktoken\/dist\/ranks|js-tiktoken\/ranks|ranks\/(o200k|cl100k)/.test(i));

let failed = false;
const outdir = 'node_modules/.cache/creditkit-size';
for (const budget of BUDGETS) {
  rmSync(outdir, { recursive: true, force: true });
  let result;
  try {
    result = await build({
      entryPoints: budget.entries,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      metafile: true,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      conditions: ['browser', 'production'],
    });
  } catch (error) {
    console.error(`size: ${budget.name}: cannot bundle (${error.message.split('\n')[0]})`);
    failed = true;
    continue;
  }
  const outputs = result.metafile.outputs;
  const counted = new Set();
  if (budget.initialOnly) {
    // The entry chunks and what they import statically: what the first paint needs. (esbuild
    // marks dynamically imported modules as entry points too; only the declared ones count.)
    const queue = Object.entries(outputs).filter(([, o]) => budget.entries.includes(o.entryPoint)).map(([f]) => f);
    while (queue.length) {
      const file = queue.pop();
      if (counted.has(file)) continue;
      counted.add(file);
      for (const imp of outputs[file].imports) if (imp.kind === 'import-statement') queue.push(imp.path);
    }
  } else {
    for (const [file, output] of Object.entries(outputs)) if (file.endsWith('.js') && !isRankChunk(output)) counted.add(file);
  }
  let gz = 0;
  for (const file of counted) gz += gzipSync(readFileSync(file), { level: 9 }).length;
  const rankInInitial = budget.initialOnly && [...counted].some((f) => isRankChunk(outputs[f]));
  const ok = gz <= budget.limit && !rankInInitial;
  failed ||= !ok;
  const target = budget.target && gz > budget.target ? `; ${((gz - budget.target) / KB).toFixed(1)} KB over the ${budget.target / KB} KB target` : '';
  console.log(`${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${(gz / KB).toFixed(1)} KB gzipped (budget ${budget.limit / KB} KB${target}, ${counted.size} chunk${counted.size === 1 ? '' : 's'})${rankInInitial ? ' — a rank table is in the initial chunks!' : ''}`);
}
process.exit(failed ? 1 : 0);

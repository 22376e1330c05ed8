// The JavaScript a page needs for <credit-pricing-table> alone: the package's
// dist/elements/pricing-table/index.js, as an app gets it from npm (lit's template text minified
// by the build; src/ when there is no build yet, ~0.4 KB more), bundled by esbuild (minified, code splitting, browser/production conditions) and gzipped with
// node:zlib (level 9), against the 30 KB budget. The first paint needs only the initial chunks;
// core's validator (the zod schema compiled into plain data, no zod) and the price model
// (no decimal.js) load in parallel with the catalog request; the whole page (first paint and lazy
// chunks, ~42 KB) is what test/package/script-tag.node.test.ts measures in Chromium. Beside it, the baseline: a minimal lit element bundled the same way.
import type { Metafile } from 'esbuild';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureBundle } from '../scripts/bundle-size.mjs';

const KB = 1024;
const BUDGET = 30 * KB;

async function bundle(entry: string) {
  const size = await measureBundle([entry]);
  return { initial: size.initial, all: size.all, byPackage: byPackage(size.metafile) };
}

/** Minified bytes (before gzip) per origin: lit, zod, decimal.js, creditkit's core, i18n and elements. */
function byPackage(metafile: Metafile): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const own = /^(?:src|dist)\/(core|i18n)\//.exec(input)?.[1];
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? (own ? `creditkit ${own}` : 'creditkit elements');
      const key = name.startsWith('@lit') || name.startsWith('lit') ? 'lit' : name;
      totals[key] = (totals[key] ?? 0) + bytesInOutput;
    }
  }
  return totals;
}

const dir = mkdtempSync(join(tmpdir(), 'creditkit-lit-'));
const minimal = join(dir, 'minimal.ts');
writeFileSync(
  minimal,
  `import { LitElement, html, css } from '${resolve('node_modules/lit/index.js')}';
class X extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>\${this.title}</p>\`; } }
customElements.define('x-minimal', X);`,
);
const built = existsSync('dist/elements/pricing-table/index.js');
const table = await bundle(built ? 'dist/elements/pricing-table/index.js' : 'src/elements/pricing-table/index.ts');
if (!built) console.log('(no dist/ yet: measuring src/, whose lit templates are not minified; `npm run build` first for the shipped figure)');
if (!table.initial) throw new Error('no initial chunk found');
const baseline = await bundle(minimal);
rmSync(dir, { recursive: true, force: true });

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
console.log(`${'gzipped JS'.padEnd(44)} ${'pricing table'.padStart(14)} ${'minimal lit'.padStart(12)}  budget`);
console.log(`${'first paint (entry + static imports)'.padEnd(44)} ${kb(table.initial).padStart(14)} ${kb(baseline.initial).padStart(12)}  ${kb(BUDGET)} ${table.initial <= BUDGET ? 'ok' : 'OVER'}`);
// The budget is the first paint's; the lazy chunks load while the catalog request is in flight.
console.log(`${'with the lazy chunks (validator, price model)'.padEnd(44)} ${kb(table.all).padStart(14)} ${kb(baseline.all).padStart(12)}  (not budgeted)`);
console.log(
  'minified bytes by origin (before gzip): ' +
    Object.entries(table.byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', '),
);

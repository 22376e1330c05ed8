// Bundles entry points the way an app bundler would (esbuild: minified, code splitting,
// browser/production conditions) and measures the gzipped JavaScript. Shared by the size
// budgets (scripts/size.mjs) and the pricing-table size benchmark.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The app that imports the entries (esbuild's stdin). */
const APP = 'creditkit-size-app.js';
const isRankChunk = (output) => Object.keys(output.inputs).some((i) => /js-tiktoken\/(dist\/)?ranks|ranks\/(o200k|cl100k)/.test(i));

/**
 * Each entry is bundled as an app uses it, `import '<entry>'`: what the app does not use of its
 * exports is shaken out (creditkit/elements exports every class, and defines every element).
 * @param {string[]} entries
 * @returns {Promise<{ initial: number, all: number, allButRanks: number, rankInInitial: boolean, initialChunks: number, chunks: number, metafile: import('esbuild').Metafile }>}
 *   gzipped bytes of the first-paint chunks (declared entries + their static imports), of every
 *   chunk, and of every chunk but the tokenizer's rank tables.
 */
export async function measureBundle(entries) {
  const outdir = mkdtempSync(join(tmpdir(), 'creditkit-size-'));
  try {
    const result = await build({
      stdin: { contents: entries.map((e) => `import ${JSON.stringify(resolve(e))};`).join('\n'), resolveDir: process.cwd(), sourcefile: APP },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      metafile: true,
      logLevel: 'silent',
      conditions: ['browser', 'production'],
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const outputs = result.metafile.outputs;
    const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
    // esbuild also marks dynamically imported modules as entry points: only the app's counts.
    const queue = Object.entries(outputs).filter(([, o]) => o.entryPoint === APP).map(([f]) => f);
    const initial = new Set();
    while (queue.length) {
      const file = queue.pop();
      if (initial.has(file)) continue;
      initial.add(file);
      for (const imp of outputs[file].imports) if (imp.kind === 'import-statement') queue.push(imp.path);
    }
    const js = Object.keys(outputs).filter((f) => f.endsWith('.js'));
    const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
    return {
      initial: sum(initial),
      all: sum(js),
      allButRanks: sum(js.filter((f) => !isRankChunk(outputs[f]))),
      rankInInitial: [...initial].some((f) => isRankChunk(outputs[f])),
      initialChunks: initial.size,
      chunks: js.length,
      metafile: result.metafile,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * The script-tag bundle as shipped: dist/creditkit.js and every file it can load from beside it
 * (its chunks, the token-count worker), each gzipped as a server sends it; the tokenizer's rank
 * tables apart. Needs `npm run build` first.
 * @param {string} dist
 * @returns {{ allButRanks: number, files: number }}
 */
export function measureShipped(dist = 'dist') {
  const entry = join(dist, 'creditkit.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const beside = ['chunks', 'assets'].flatMap((dir) => (existsSync(join(dist, dir)) ? readdirSync(join(dist, dir)).map((f) => join(dist, dir, f)) : []));
  const files = [entry, ...beside.filter((f) => f.endsWith('.js') && !/(o200k|cl100k)_base-[\w-]+\.js$/.test(f))];
  return { allButRanks: files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0), files: files.length };
}

// The built package in plain Node 20: `import { parseCatalog, rate } from 'creditkit'` works from
// dist/ without any DOM global, and the `creditkit` bin runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = process.cwd();
let out: string;

before(() => {
  // Emit only (type checking is `npm run typecheck`), into a folder whose node_modules resolve.
  out = mkdtempSync(join(root, 'node_modules', '.creditkit-dist-'));
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out, '--noCheck', '--declaration', 'false', '--sourceMap', 'false', '--inlineSources', 'false'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
after(() => rmSync(out, { recursive: true, force: true }));

function node(script: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
}

describe('dist in plain Node', () => {
  it('prices meinGPT\'s chat through the package entry, touching no DOM global', () => {
    const run = node(`
      import { readFileSync } from 'node:fs';
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      const { parseCatalog, rate } = await import(${JSON.stringify(join(out, 'index.js'))});
      // zod keeps its registry on globalThis (__zod_*); nothing else may appear.
      const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k) && !k.startsWith('__zod_'));
      const catalog = parseCatalog(readFileSync('catalog/meingpt.json', 'utf8'));
      const charge = rate(catalog, [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }]);
      console.log(JSON.stringify({ added, credits: charge.credits, hasWindow: typeof window, hasDocument: typeof document }));
    `);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
    assert.deepEqual(result, { added: [], credits: '2.6533', hasWindow: 'undefined', hasDocument: 'undefined' });
  });

  it('runs the creditkit bin: `creditkit check catalog/meingpt.json` exits 0 and reports the package warning', () => {
    const run = spawnSync(process.execPath, [join(out, 'cli', 'bin.js'), 'check', 'catalog/meingpt.json'], { encoding: 'utf8', cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout + run.stderr, /standard/i);
  });

  it('declares a bin with a shebang and ESM-only exports', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.bin.creditkit, './dist/cli/bin.js');
    assert.match(readFileSync('src/cli/bin.ts', 'utf8'), /^#!\/usr\/bin\/env node/);
    assert.equal(pkg.exports['.'].default, './dist/index.js');
  });
});

// `npm run build`: ESM + .d.ts for every entry point (tsc), the catalog JSON Schema, the host
// API's OpenAPI document, the self-contained dist/creditkit.js bundle (Vite, lib mode) and the
// custom elements manifest. Each step prints what it made; any failure stops the build.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';

function step(name, command, args, { optional = false } = {}) {
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    if (optional) return console.warn(`build: ${name} skipped (exit ${run.status})`);
    console.error(`build: ${name} failed`);
    process.exit(run.status ?? 1);
  }
  console.log(`build: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
// The catalog's zod schema as the plain shape the browser validates with (before tsc compiles it).
step('catalog shape → src/core/catalog/catalog-shape.ts', 'npx', ['tsx', 'scripts/write-catalog-shape.ts']);
// tsc through its API, so lit's template text is minified on the way (scripts/minify-literals.mjs).
step('tsc → dist/ (ESM + .d.ts, lit templates minified)', 'node', ['scripts/compile.mjs', 'tsconfig.build.json']);
chmodSync('dist/cli/bin.js', 0o755);
step('catalog JSON Schema', 'npx', ['tsx', 'scripts/write-catalog-schema.ts', 'catalog/schema.json']);
copyFileSync('catalog/schema.json', 'dist/catalog.schema.json');
if (existsSync('scripts/write-openapi.ts')) step('OpenAPI 3.1 → dist/openapi.json', 'npx', ['tsx', 'scripts/write-openapi.ts']);
if (existsSync('vite.lib.config.ts')) step('dist/creditkit.js (script-tag bundle)', 'npx', ['vite', 'build', '--config', 'vite.lib.config.ts']);
if (existsSync('custom-elements-manifest.config.mjs')) step('custom-elements.json', 'npx', ['cem', 'analyze', '--litelement']);

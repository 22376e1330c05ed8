// `npm run bench [-- name]`: runs bench/*.bench.ts in fresh Node processes (tsx) and
// bench/*.browser.ts bundled by esbuild in headless Chromium through Playwright.
// Each benchmark prints its own side-by-side table; a browser benchmark logs with console.log
// and sets `globalThis.__benchDone = true` when it has finished.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { build } from 'esbuild';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';

const only = process.argv[2];
const files = readdirSync('bench').filter((f) => !only || f.includes(only)).sort();
let failed = false;

for (const file of files.filter((f) => f.endsWith('.bench.ts'))) {
  console.log(`\n### ${file} (Node ${process.version})`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', file)], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}

const browserFiles = files.filter((f) => f.endsWith('.browser.ts'));
if (browserFiles.length) {
  const { chromium } = await import('playwright');
  const executablePath = await findChromium();
  const outdir = 'node_modules/.cache/creditkit-bench';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') {
      res.setHeader('content-type', 'text/html');
      return res.end('<!doctype html><html lang="en"><body></body></html>');
    }
    if (path === '/favicon.ico') return res.writeHead(204).end(); // not a 404 in the printed log
    try {
      const body = await readFile(join(process.cwd(), path));
      const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
      res.setHeader('content-type', types[extname(path)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  for (const file of browserFiles) {
    console.log(`\n### ${file} (Chromium)`);
    await build({
      entryPoints: [join('bench', file)],
      bundle: true,
      format: 'esm',
      splitting: true,
      outdir: join(outdir, file.replace(/\.ts$/, '')),
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage();
    page.on('console', (msg) => console.log(msg.text()));
    page.on('pageerror', (err) => {
      console.error(`page error: ${err.message}`);
      failed = true;
    });
    await page.goto(origin + '/');
    const entry = `/${outdir}/${file.replace(/\.ts$/, '')}/${file.replace(/\.ts$/, '.js')}`;
    await page.addScriptTag({ type: 'module', url: origin + entry });
    await page.waitForFunction(() => globalThis.__benchDone === true, undefined, { timeout: 10 * 60 * 1000, polling: 200 });
    await browser.close();
  }
  server.close();
}
process.exit(failed ? 1 : 0);

// Web Test Runner: every test/**/*.test.ts except the Node-only *.node.test.ts, in a real Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { axRolesPlugin } from './scripts/wtr-ax-roles-plugin.mjs';

const executablePath = await findChromium();

// React ships CommonJS only, which the dev server cannot serve as ES modules; the
// creditkit/react test imports one esbuild bundle of what it needs (test/react/entry.ts) instead,
// as an app bundler would build it.
const bundles = {
  name: 'creditkit-test-bundles',
  async serve(context) {
    if (context.path !== '/__bundles__/react.js') return undefined;
    const result = await build({
      entryPoints: ['test/react/entry.ts'],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

// The reference host (creditkit host) on a free loopback port, with a fresh database, started on
// first use; /api/* of the test server is proxied to it so browser tests can talk to a real host.
let host;
function referenceHost() {
  host ??= new Promise((resolve, reject) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-wtr-host-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', '0', '--database', join(dataDir, 'host.sqlite'), '--seed', 'demo'], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const stop = () => {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    };
    process.once('exit', stop);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const match = /listening (http:\/\/[^\s/]+)/.exec(String(chunk));
      if (match) resolve({ origin: match[1], stop });
    });
  });
  return host;
}

async function proxyApi(ctx, next) {
  if (!ctx.url.startsWith('/api/')) return next();
  const { origin } = await referenceHost();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = { ...ctx.request.headers };
  delete headers.host;
  const response = await fetch(origin + ctx.url, {
    method: ctx.method,
    headers,
    body: ['GET', 'HEAD'].includes(ctx.method) ? undefined : Buffer.concat(chunks),
  });
  ctx.status = response.status;
  response.headers.forEach((value, key) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(key)) ctx.set(key, value);
  });
  ctx.body = Buffer.from(await response.arrayBuffer());
}

export default {
  middleware: [proxyApi],
  rootDir: '.',
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    bundles,
    axRolesPlugin(),
    // js-tiktoken/lite (the reference the tokenizer tests compare with) imports base64-js, which ships CommonJS only.
    fromRollup(rollupCommonjs)({ include: ['**/node_modules/base64-js/**'] }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter(process.env.CREDITKIT_WTR_REPORT ?? 'node_modules/.cache/creditkit-wtr.json')],
};

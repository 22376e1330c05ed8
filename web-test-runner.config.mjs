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
// CREDITKIT_WTR_ENGINE=postgres puts it on a new database of CREDITKIT_TEST_POSTGRES_URL's server.
async function freshDatabase() {
  if (process.env.CREDITKIT_WTR_ENGINE !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-wtr-host-'));
    return { database: join(dataDir, 'host.sqlite'), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = process.env.CREDITKIT_TEST_POSTGRES_URL;
  if (!server) throw new Error('CREDITKIT_WTR_ENGINE=postgres needs CREDITKIT_TEST_POSTGRES_URL');
  const { default: pg } = await import('pg');
  const name = `creditkit_wtr_${process.pid}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { database: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

let host;
function referenceHost() {
  host ??= freshDatabase().then(
    ({ database, drop }) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'host', '--port', '0', '--database', database, '--seed', 'demo'], {
          env: process.env,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const stop = async () => {
          child.kill();
          await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
          await drop().catch(() => {});
        };
        stopHost = stop;
        process.once('exit', () => child.kill());
        child.on('error', reject);
        child.stdout.on('data', (chunk) => {
          const match = /listening (http:\/\/[^\s/]+)/.exec(String(chunk));
          if (match) resolve({ origin: match[1], stop });
        });
      }),
  );
  return host;
}
let stopHost;

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
    // Stops the host (and drops its database) when the run ends.
    { name: 'creditkit-reference-host', serverStop: () => stopHost?.() },
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

// Web Test Runner: every test/**/*.test.ts except the Node-only *.node.test.ts, in a real Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';

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

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    bundles,
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

// End-to-end harness: builds the demo with Vite, starts the reference host and `vite preview`
// on loopback, and drives Debian's Chromium with Playwright. Screenshots go to e2e-artifacts/
// (not committed). Each suite starts one demo and closes it after.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { build, preview, type PreviewServer } from 'vite';
// @ts-expect-error a plain .mjs helper without types
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';

export const ARTIFACTS = 'e2e-artifacts';
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export interface Demo {
  url: string;
  apiUrl: string;
  browser: Browser;
  page(viewport?: keyof typeof VIEWPORTS, locale?: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

let built = false;

export async function startDemo(): Promise<Demo> {
  if (!built) {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
    built = true;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'creditkit-e2e-'));
  const { startHost } = await import('../../src/host/index.js');
  const host = await startHost({ port: 0, database: join(dataDir, 'host.sqlite'), seed: 'demo' });
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, proxy: { '/api': host.origin } },
  });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}`;
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors: string[] = [];
  return {
    url,
    apiUrl: host.url,
    browser,
    async page(viewport = 'desktop', locale = 'en-US') {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale, timezoneId: 'UTC' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    },
    async screenshot(page, name) {
      // A full-page capture does not scroll, so content-visibility: auto content below the fold
      // (most of the price list's rows) would show blank: grow the viewport to the whole page
      // first, so everything is on screen and rendered, as it is for a visitor who scrolls.
      const viewport = page.viewportSize()!;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      await page.setViewportSize(viewport);
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`uncaught errors in demo pages: ${errors.join('; ')}`);
    },
  };
}

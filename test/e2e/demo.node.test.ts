// The demo as a user sees it: the built site (vite build + vite preview) beside the reference
// host, driven in Chromium. Screenshots of each page at desktop and phone width land in
// e2e-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemo, type Demo } from './harness.js';

let demo: Demo;
before(async () => {
  demo = await startDemo();
}, { timeout: 240_000 });
after(async () => {
  await demo?.close();
});

describe('the demo start page', () => {
  it('prices meinGPT\'s chat with the engine: 2.6533 exact, shown as 0.16 + 1.49 + 1.00 = 2.65', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await demo.page(viewport);
      await page.goto(`${demo.url}/index.html`);
      const first = page.locator('#examples section').first();
      await first.locator('tfoot').waitFor();
      const shown = await first.locator('tbody tr td:last-child').allTextContents();
      assert.deepEqual(shown, ['0.16', '1.49', '1.00']);
      const total = await first.locator('tfoot td').allTextContents();
      assert.deepEqual(total.slice(-2), ['2.6533', '2.65']);
      await demo.screenshot(page, `index-${viewport}`);
      await page.context().close();
    }
  });
});

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

describe('the product page: a signed-in user chats', () => {
  it('sees each message\'s cost badge, the balance going down by exactly that cost, and the usage chart growing', async () => {
    const { Decimal } = await import('../../src/core/decimal.js');
    const page = await demo.page('desktop');
    await page.goto(`${demo.url}/product.html`);
    // The exact balance, from the host the page talks to (the element shows it rounded).
    const { token } = (await (await fetch(`${demo.apiUrl}/demo/token`, { method: 'POST' })).json()) as { token: string };
    const balanceCredits = async () =>
      ((await (await fetch(`${demo.apiUrl}/balance`, { headers: { authorization: `Bearer ${token}` } })).json()) as { credits: string }).credits;
    const shownBalance = () => page.locator('credit-balance').evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
    const today = new Date().toISOString().slice(0, 10);
    const todayBar = page.locator(`credit-usage rect[data-day="${today}"]`);
    await page.waitForFunction(() => /credits/.test(document.querySelector('#balance')?.shadowRoot?.textContent ?? ''));
    await todayBar.waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const w = window as unknown as { costs: string[] };
      w.costs = [];
      document.addEventListener('credit-cost-change', (e) => {
        const origin = e.composedPath()[0] as Element;
        if (origin.closest?.('#messages')) w.costs.push((e as unknown as CustomEvent<{ credits: string }>).detail.credits);
      });
    });

    for (const [i, text] of ['Hello! What can you do?', 'Search the web for the weather in Berlin, please.'].entries()) {
      const before = await balanceCredits();
      const shownBefore = await shownBalance();
      const barBefore = (await todayBar.getAttribute('data-credits')) ?? '0';
      await page.fill('#draft', text);
      // Issue 14.9: the draft's estimate counts what will be billed, part by part.
      const rowsOf = (selector: string) =>
        page.locator(selector).evaluate((el) => [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
      await page.waitForFunction(() => /Your message/.test(document.querySelector('#draft-cost')?.shadowRoot?.textContent ?? ''));
      const estimated = await rowsOf('#draft-cost');
      const estimatedTotal = await page.locator('#draft-cost').evaluate((el) => el.shadowRoot!.querySelector('tfoot .total-cell')!.textContent!.trim());
      assert.deepEqual(estimated.map((r) => r[0]), [
        'System prompt',
        ...(i > 0 ? ['Conversation so far'] : []),
        'Your message',
        'Expected reply',
        ...(estimated.some((r) => r[0] === 'Expected tool calls') ? ['Expected tool calls'] : []),
      ]);
      await page.click('#composer button[type=submit]');
      await page.waitForFunction((n) => (window as unknown as { costs: string[] }).costs.length > n, i);
      const cost = await page.evaluate((n) => (window as unknown as { costs: string[] }).costs[n]!, i);
      const after = await balanceCredits();
      await page.waitForFunction((was) => (document.querySelector('#balance')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '') !== was, shownBefore);
      assert.ok(new Decimal(cost).gt(0), `message ${i + 1} costs something`);
      assert.equal(new Decimal(before).minus(after).toFixed(), new Decimal(cost).toFixed(), `balance ${before} → ${after} is down by exactly the badge's ${cost}`);
      const badge = page.locator('#messages credit-chat-cost').nth(i);
      assert.match(await badge.evaluate((el) => el.shadowRoot?.textContent ?? ''), /credit/i);
      // The bill counts the same input as the estimate did; only the reply and tool calls were unknown.
      const billed = await rowsOf(`#messages credit-chat-cost >> nth=${i}`);
      const input = (rows: string[][]) => rows.filter((r) => ['System prompt', 'Conversation so far', 'Your message'].includes(r[0]!)).map((r) => r.slice(0, 2));
      assert.deepEqual(input(billed), input(estimated));
      assert.match(await badge.evaluate((el) => el.shadowRoot!.querySelector('[part=comparison]')!.textContent!), new RegExp(`^estimated ${estimatedTotal.replace('.', '\\.')} → billed `));
      await page.waitForFunction(
        ({ day, was }) => {
          const bar = document.querySelector('credit-usage')?.shadowRoot?.querySelector(`rect[data-day="${day}"]`);
          return bar && bar.getAttribute('data-credits') !== was;
        },
        { day: today, was: barBefore },
      );
      const barAfter = (await todayBar.getAttribute('data-credits'))!;
      assert.equal(new Decimal(barAfter).minus(barBefore).toFixed(), new Decimal(cost).toFixed(), 'today\'s bar grew by the cost');
    }
    await demo.screenshot(page, 'product-desktop');
    const phone = await demo.page('phone');
    await phone.goto(`${demo.url}/product.html`);
    await phone.waitForFunction(() => /credits/.test(document.querySelector('#balance')?.shadowRoot?.textContent ?? ''));
    await demo.screenshot(phone, 'product-phone');
    await page.context().close();
    await phone.context().close();
  });
});

describe('the marketing pages: a visitor reads the price list', () => {
  it('searches, sorts and switches to German', async () => {
    const page = await demo.page('desktop');
    await page.goto(`${demo.url}/marketing.html`);
    const rows = page.locator('credit-pricing-table#gptbots tr[part~="row"]');
    await page.waitForFunction(() => (document.querySelector('credit-pricing-table#gptbots')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0) >= 118);
    assert.equal(await rows.count(), 118, 'every GPTBots service is listed once');
    await demo.screenshot(page, 'marketing-desktop');

    await page.locator('credit-pricing-table#gptbots input#search').fill('opus');
    await page.waitForFunction(() => (document.querySelector('credit-pricing-table#gptbots')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0) === 4);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    assert.deepEqual(ids.sort(), ['anthropic/claude-4.5-opus-200k', 'anthropic/claude-4.5-opus-thinking-200k', 'anthropic/claude-4.6-opus-200k', 'anthropic/claude-4.6-opus-thinking-200k']);

    await page.locator('credit-pricing-table#gptbots input#search').fill('');
    const firstGroup = page.locator('credit-pricing-table#gptbots section.group').first();
    const priceHeader = firstGroup.locator('thead tr').last().locator('th').first();
    await priceHeader.locator('button').click();
    assert.equal(await priceHeader.getAttribute('aria-sort'), 'ascending');
    const firstRow = await firstGroup.locator('tbody tr').first().getAttribute('data-id');
    assert.ok(['baidu/ernie-speed-128k', 'tencent/hunyuan-lite-4k'].includes(firstRow!), `a free model sorts first, got ${firstRow}`);
    await priceHeader.locator('button').click();
    assert.equal(await priceHeader.getAttribute('aria-sort'), 'descending');

    const de = await demo.page('desktop', 'de-DE');
    await de.goto(`${demo.url}/marketing-de.html`);
    await de.waitForFunction(() => (document.querySelector('credit-pricing-table#gptbots')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0) >= 118);
    // The German page quotes per 1M tokens: GPT-4o-mini's 0.0165 / 1K is 16,5 / 1M, with a decimal comma.
    const row = de.locator('credit-pricing-table#gptbots tr[data-id="openai/gpt-4o-mini-128k"]');
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /16,5/);
    await demo.screenshot(de, 'marketing-de-desktop');
    const phone = await demo.page('phone');
    await phone.goto(`${demo.url}/marketing.html`);
    await phone.waitForFunction(() => (document.querySelector('credit-pricing-table#gptbots')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0) >= 118);
    await demo.screenshot(phone, 'marketing-phone');
    const dark = await demo.page('desktop');
    await dark.goto(`${demo.url}/marketing-dark.html`);
    await dark.waitForFunction(() => (document.querySelector('credit-pricing-table')?.shadowRoot?.querySelectorAll('tr[data-id]').length ?? 0) >= 118);
    await demo.screenshot(dark, 'marketing-dark-desktop');
    for (const p of [page, de, phone, dark]) await p.context().close();
  });
});

describe('the planner page: a customer simulates a month', () => {
  it('builds a scenario from a preset, copies the share link, and a new page shows the same result', async () => {
    const page = await demo.page('desktop');
    await page.goto(`${demo.url}/planner.html`);
    const calc = page.locator('credit-calculator');
    const total = calc.locator('[part~="total"]');
    await total.waitFor();
    await calc.locator('button', { hasText: 'Support bot' }).click();
    const before = await total.innerText();
    await calc.locator('input#users').fill('25');
    await page.waitForFunction(
      (was) => document.querySelector('credit-calculator')?.shadowRoot?.querySelector('[part~="total"]')?.textContent?.trim() !== was.trim(),
      before,
    );
    const result = { total: await total.innerText(), money: await calc.locator('[part~="money"]').innerText() };
    await calc.locator('button', { hasText: /copy share link/i }).click();
    const link = await calc.locator('input#share-link').inputValue();
    assert.ok(link.startsWith(demo.url), `a share link on this site: ${link}`);
    await demo.screenshot(page, 'planner-desktop');

    const other = await demo.page('phone');
    await other.goto(link);
    const otherCalc = other.locator('credit-calculator');
    await otherCalc.locator('[part~="total"]').waitFor();
    await other.waitForFunction(
      (want) => document.querySelector('credit-calculator')?.shadowRoot?.querySelector('[part~="total"]')?.textContent?.trim() === want.trim(),
      result.total,
    );
    assert.deepEqual({ total: await otherCalc.locator('[part~="total"]').innerText(), money: await otherCalc.locator('[part~="money"]').innerText() }, result);
    assert.equal(await otherCalc.locator('input#users').inputValue(), '25');
    await demo.screenshot(other, 'planner-phone');
    for (const p of [page, other]) await p.context().close();
  });
});

describe('the account page: the monthly statement', () => {
  it('shows the host\'s newest closed statement with the host\'s totals, in English and German', async () => {
    const { token } = (await (await fetch(`${demo.apiUrl}/demo/token`, { method: 'POST' })).json()) as { token: string };
    const host = async <T>(path: string) => (await (await fetch(`${demo.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const { statements } = await host<{ statements: { number: number; period: string; status: string }[] }>('/statements');
    const closed = statements.find((s) => s.status === 'closed')!;
    const statement = await host<{ number: number; totals: Record<'opening' | 'granted' | 'used' | 'expired' | 'closing', string> }>(`/statements/${closed.period}`);
    const { opening, granted, used, expired, closing } = statement.totals;
    for (const [name, group, decimal] of [['account', ',', '.'], ['account-de', '.', ',']] as const) {
      const page = await demo.page('desktop');
      await page.goto(`${demo.url}/${name}.html`);
      await page.waitForFunction(() => document.querySelector('#statement')?.shadowRoot?.querySelector('[part~=totals]'));
      const shown = await page.locator('#statement').evaluate((el) => [...el.shadowRoot!.querySelectorAll('[part~=totals] td')].map((td) => td.textContent!.trim()));
      // The host's decimal strings as the page's language writes them (every decimal kept).
      const local = (v: string) => {
        const [whole, fraction] = v.split('.');
        return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${fraction ? `${decimal}${fraction}` : ''}`;
      };
      assert.deepEqual(shown, [opening, granted, used, expired, closing].map(local), name);
      const number = await page.locator('#statement').evaluate((el) => el.shadowRoot!.querySelector('[part~=summary] dd')!.textContent!.trim());
      assert.equal(number, String(statement.number));
      await page.context().close();
    }
  });
});

describe('the theming page', () => {
  it('shows as code the brand theme the built stylesheet applies: its --credit-* tokens, each with the value the frame computes', async () => {
    const page = await demo.page('desktop');
    await page.goto(`${demo.url}/theming.html`, { waitUntil: 'networkidle' });
    const { code, computed } = await page.evaluate(() => {
      const code = document.getElementById('brand-theme-code')!.textContent!;
      const frame = document.querySelector('.theme-brand')!;
      const names = [...code.matchAll(/(--credit-[\w-]+):/g)].map((m) => m[1]!);
      return { code, computed: names.map((name) => [name, getComputedStyle(frame).getPropertyValue(name).trim()]) };
    });
    assert.match(code, /^\.theme-brand \{\n/);
    assert.equal(computed.length, 6, code);
    for (const [name, value] of computed) assert.ok(value && code.includes(`${name}: ${value};`), `${name}: ${value} in ${code}`);
    await page.context().close();
  });
});

describe('every demo page: laid out for phones and desktops, accessible in light and dark', () => {
  // Every page of the demo site (demo/*.html), in English and German.
  const PAGES = ['index', 'marketing', 'marketing-de', 'marketing-dark', 'planner', 'planner-de', 'product', 'product-de', 'account', 'account-de', 'theming', 'theming-de'];

  it('has no horizontal overflow at 320, 390 and 1280 px', async () => {
    const overflowing: string[] = [];
    for (const width of [320, 390, 1280]) {
      const context = await demo.browser.newContext({ viewport: { width, height: 844 }, locale: 'en-US', timezoneId: 'UTC' });
      for (const name of PAGES) {
        const page = await context.newPage();
        await page.goto(`${demo.url}/${name}.html`, { waitUntil: 'networkidle' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        if (overflow > 0) overflowing.push(`${name} at ${width} px: ${overflow} px`);
        await page.close();
      }
      await context.close();
    }
    assert.deepEqual(overflowing, []);
  });

  it('is axe-clean (WCAG 2.2 AA) in light and dark: the site shell, the chat, the account and the theming pages', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, locale: 'en-US', timezoneId: 'UTC' });
      for (const name of ['index', 'product', 'product-de', 'account', 'account-de', 'theming', 'theming-de']) {
        const page = await context.newPage();
        await page.goto(`${demo.url}/${name}.html`, { waitUntil: 'networkidle' });
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const run = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
          const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        found.push(...violations.map((v) => `${name} (${colorScheme}): ${v}`));
        await page.close();
      }
      await context.close();
    }
    assert.deepEqual(found, []);
  });
});

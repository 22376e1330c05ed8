// <credit-calculator>'s layout in Chromium at 320, 390 and 1280 px, light and dark: no horizontal
// overflow, no clipped chart label, the monthly total in the viewport while each field is edited
// on a phone (and the field not hidden under it), the estimate sticking beside the form on a
// desktop, and a print that is one clean page of the summary.
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../src/elements/calculator/index.js';
import type { CreditCalculator } from '../../../src/elements/calculator/index.js';
import { expectAccessible } from '../../helpers/axe.js';

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

async function page(width: number, scheme: 'light' | 'dark' = 'light', lang = 'en'): Promise<CreditCalculator> {
  await setViewport({ width, height: width < 600 ? 844 : 900 });
  await emulateMedia({ colorScheme: scheme });
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<credit-calculator src="/catalog/gptbots.json" start="2026-11-23" announce-delay="0" balance="5000"></credit-calculator>`;
  const el = wrapper.querySelector('credit-calculator')!;
  await until(() => el.result !== undefined, 'the first result');
  el.updateRecommendations();
  await el.updateComplete;
  await aTimeout(50);
  return el;
}

/** Everything inside the element stays within the viewport's width, and no chart label is cut. */
function expectFits(el: CreditCalculator, what: string): void {
  const root = el.shadowRoot!;
  const out = [...root.querySelectorAll<HTMLElement>('.base *')].filter((node) => {
    const r = node.getBoundingClientRect();
    return r.width > 0 && r.right > innerWidth + 0.5;
  });
  expect(out.map((n) => `${n.tagName}.${n.className} ${n.getAttribute('part') ?? ''} ${Math.round(n.getBoundingClientRect().right)}`), `${what}: sticks out`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${what}: page overflow`).to.be.at.most(innerWidth);
  for (const label of root.querySelectorAll<HTMLElement>('.bar-label, .bar-value, .card-credits, .summary-bar-total, .side-total')) {
    expect(label.scrollWidth, `${what}: "${label.textContent}" clipped`).to.be.at.most(label.clientWidth + 1);
  }
}

// axe over the whole element takes seconds on a machine shared with other test runs.
describe('<credit-calculator> layout', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${width} px, ${scheme}: no horizontal overflow, no clipped label, axe-clean`, async () => {
        const el = await page(width, scheme, scheme === 'dark' ? 'de' : 'en');
        expectFits(el, `${width} ${scheme}`);
        await expectAccessible(el);
      });
    }
  }

  for (const width of [320, 390]) {
    it(`${width} px comparing A and B, in German: nothing overflows or is clipped, with the bar's breakdown open`, async () => {
      const el = await page(width, 'light', 'de');
      el.shadowRoot!.querySelector<HTMLElement>('[part="compare-start"]')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLElement>('[part="summary-bar-toggle"]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="summary-bar-panel"] .side-total').length).to.equal(2);
      expectFits(el, `${width} compare`);
      await expectAccessible(el);
    });
  }

  it('390 px: the monthly total stays in the viewport while each field is focused, the field not under it', async () => {
    const el = await page(390);
    const root = el.shadowRoot!;
    const bar = root.querySelector<HTMLElement>('[part="summary-bar"]')!;
    const total = root.querySelector<HTMLElement>('[part="summary-bar-total"]')!;
    expect(total.textContent).to.match(/credits$/);
    const fields = [...root.querySelectorAll<HTMLElement>('.main input, .main select, .main textarea')].filter((f) => f.offsetParent !== null && getComputedStyle(f).opacity !== '0');
    expect(fields.length).to.be.greaterThan(10);
    for (const field of fields) {
      field.focus();
      await aTimeout(30);
      const t = total.getBoundingClientRect();
      expect(t.top, `${field.id}: total below the viewport`).to.be.at.least(0);
      expect(t.bottom, `${field.id}: total below the viewport`).to.be.at.most(innerHeight);
      // Not hidden under the bar (WCAG 2.4.11): a field taller than what is left shows at least its top.
      const f = field.getBoundingClientRect();
      expect(f.top, `${field.id} under the bar`).to.be.below(bar.getBoundingClientRect().top - 16);
    }
    // The bar opens the breakdown: both charts and the table, in the viewport.
    root.querySelector<HTMLElement>('[part="summary-bar-toggle"]')!.click();
    await el.updateComplete;
    const panel = root.querySelector<HTMLElement>('[part="summary-bar-panel"]')!;
    expect(panel.querySelectorAll('[part="chart"]').length).to.equal(2);
    expect(panel.getBoundingClientRect().top).to.be.at.least(0);
    await expectAccessible(el);
  });

  it('1280 px: the estimate sticks beside the form while the page scrolls; no phone bar', async () => {
    const el = await page(1280);
    const root = el.shadowRoot!;
    expect(getComputedStyle(root.querySelector('[part="summary-bar"]')!).display).to.equal('none');
    const form = root.querySelector<HTMLElement>('[part="form"]')!;
    const results = root.querySelector<HTMLElement>('[part="results"]')!;
    expect(results.getBoundingClientRect().left).to.be.greaterThan(form.getBoundingClientRect().right - 1);
    // Scroll to the last workload: the total is still in view.
    root.querySelector<HTMLElement>('#add-workload')!.scrollIntoView({ block: 'end' });
    await aTimeout(50);
    expect(scrollY).to.be.greaterThan(0);
    const t = root.querySelector('[part="total"]')!.getBoundingClientRect();
    expect(t.top).to.be.at.least(0);
    expect(t.bottom).to.be.at.most(innerHeight);
  });

  it('prints the summary as one clean page: no form, no controls', async () => {
    const el = await page(1280);
    dispatchEvent(new Event('beforeprint'));
    await emulateMedia({ media: 'print' });
    await el.updateComplete;
    await aTimeout(50);
    const root = el.shadowRoot!;
    expect(getComputedStyle(root.querySelector('.main')!).display).to.equal('none');
    expect(getComputedStyle(root.querySelector('[part="summary-bar"]')!).display).to.equal('none');
    const results = root.querySelector<HTMLElement>('[part="results"]')!;
    expect(getComputedStyle(results).position).to.equal('static');
    const buttons = [...root.querySelectorAll<HTMLElement>('button')].filter((b) => b.offsetParent !== null);
    expect(buttons, 'no buttons on paper').to.have.length(0);
    // What was assumed is on paper too. GPTBots' GPT-4.1-mini-1M at 0.044 / 0.176 credits per 1K
    // tokens: 400 requests × 30 days = 12,000, of which 20 % are cache hits at no cost: 9,600 ×
    // (1.2 × 0.044 + 0.3 × 0.176) = 9,600 × 0.1056 = 1,013.76 credits.
    const printed = root.querySelector<HTMLElement>('[part="printed"]')!;
    expect(getComputedStyle(printed).display).to.equal('block');
    expect(printed.textContent!.replace(/\s+/g, ' ')).to.include('Answers · GPT-4.1-mini-1M · 400 requests/day · 1,013.76 credits');
    // An A4 page at 96 dpi holds about 1,050 px of content between its margins.
    expect(results.getBoundingClientRect().height).to.be.below(1050);
    dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(root.querySelector('[part="printed"]')).to.equal(null);
  });
});

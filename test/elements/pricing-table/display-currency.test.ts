// A second currency for display: "≈ $3.25" under each price in money, the rate, its source and date
// in a note, from the page (exchange-rates) or the catalog (exchangeRates); a missing rate is an
// error that names the pair. meinGPT: 1 credit = €0.01, GPT-4o 300 / 1,200 credits per 1M tokens.
import { expect } from '@open-wc/testing';
import { parseCatalog, type Catalog } from '../../../src/core/index.js';
import { loadCatalog, loadJson } from '../../core/load.js';
import { expectAccessible } from '../../helpers/axe.js';
import { $, mount, settle, text } from './setup.js';

const ECB = [{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }];
const fx = (el: HTMLElement, key: string) => text((el as never as { shadowRoot: ShadowRoot }).shadowRoot.querySelector(`tr[data-id="openai/gpt-4o"] td[data-cell="platform:${key}"] .fx`));

let meingpt: Catalog;
before(async () => {
  meingpt = await loadCatalog('meingpt');
});

describe('<credit-pricing-table>: display currency', function () {
  this.timeout(120_000);
  it('shows ≈ USD beside the euro prices at the page’s rate, with the rate in a note', async () => {
    const el = await mount(meingpt, { 'display-currency': 'USD', 'hide-packages': '' });
    el.exchangeRates = ECB;
    await settle(el);
    // 300 credits × €0.01 = €3 × 1.0843 = $3.2529 → $3.25 (2 decimals, half up); €12 × 1.0843 = $13.0116 → $13.01
    expect(fx(el, 'input')).to.equal('≈ about $3.25');
    expect(fx(el, 'output')).to.equal('≈ about $13.01');
    expect(text($(el, '[part="exchange-note"]'))).to.equal('≈ amounts at 1 EUR = 1.0843 USD (ECB, Dec 1, 2026), for information only: charges are in EUR.');
    // the "≈" is for the eye; screen readers hear "about"
    expect($(el, 'tr[data-id="openai/gpt-4o"] .fx [aria-hidden="true"]')!.textContent).to.equal('≈ ');
  });

  it('shows ≈ USD under the plan cards’ euro prices', async () => {
    const el = await mount(meingpt, { 'display-currency': 'USD' });
    el.exchangeRates = ECB;
    await settle(el);
    // €10 × 1.0843 = $10.843 → $10.84; €95 × 1.0843 = $103.0085 → $103.01 (half up); "Custom" is priced on request
    const shown = [...el.shadowRoot!.querySelectorAll('.package')].map((li) => text(li.querySelector('.package-fx')));
    expect(shown).to.deep.equal(['≈ about $10.84', '≈ about $54.22', '≈ about $103.01', '≈ about $487.94', '≈ about $921.66', '']);
  });

  it('takes the catalog’s rates, in German', async () => {
    const json = (await loadJson('/catalog/meingpt.json')) as Record<string, unknown>;
    const catalog = parseCatalog({ ...json, exchangeRates: ECB });
    const el = await mount(catalog, { lang: 'de', 'display-currency': 'USD', 'hide-packages': '' });
    expect(fx(el, 'input')).to.equal('≈ etwa 3,25 $');
    expect(text($(el, '[part="exchange-note"]'))).to.equal('≈-Beträge zum Kurs 1 EUR = 1,0843 USD (ECB, 01.12.2026), nur zur Information: abgerechnet wird in EUR.');
  });

  it('shows no second currency in credits only, and reports a pair without a rate', async () => {
    const credits = await mount(meingpt, { 'display-currency': 'USD', 'currency-display': 'credits', 'hide-packages': '' });
    credits.exchangeRates = ECB;
    await settle(credits);
    expect($(credits, '.fx')).to.equal(null);
    const errors: string[] = [];
    const el = await mount(meingpt, { 'hide-packages': '' });
    el.addEventListener('credit-error', (e) => errors.push((e as CustomEvent).detail.error.message));
    el.displayCurrency = 'GBP';
    el.exchangeRates = ECB;
    await settle(el);
    expect(errors).to.deep.equal(['display-currency GBP: no exchange rate between EUR and GBP (set exchangeRates or the catalog\u2019s exchangeRates)'.replace('\u2019', "'")]);
    expect($(el, '.fx')).to.equal(null);
  });

  it('has no violations with the second currency, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(meingpt, { theme, 'display-currency': 'USD' });
      el.exchangeRates = ECB;
      await settle(el);
      await expectAccessible(el);
    }
  });
});

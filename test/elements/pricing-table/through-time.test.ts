// The price list through time and in every way the providers bill: the prices in force at `at`
// (now by default), an announced change beside the price ("from 1 Jan: 0.3"), a recent change with
// the earlier price ("was 0.11 until 23 Nov"), the service-tier switch (a service without the tier
// shows "not offered", never the standard price) and long-context tiers ("above 200K tokens: …").
// Figures worked by hand from the fixture below (prices in credits, 1 credit = $0.01).
import { expect } from '@open-wc/testing';
import { mergeHistory, parseCatalog, type Catalog } from '../../../src/core/index.js';
import { llmCatalogJson, loadCatalog } from '../../core/load.js';
import { $, $$, mainText, mount, rowIds, text } from './setup.js';
import type { CreditPricingTable } from '../../../src/elements/pricing-table/index.js';
import { expectAccessible } from '../../helpers/axe.js';

/** Per 1K tokens (the group's unit is its first service's). */
const fixture = (): Catalog =>
  parseCatalog(
    llmCatalogJson([
      {
        // The GPTBots change of 2026-11-23: Claude 4.5 Haiku tripled (0.11 / 0.55 → 0.33 / 1.65 per 1K).
        id: 'anthropic/claude-4.5-haiku',
        brand: 'Anthropic',
        model: 'Claude-4.5-Haiku',
        billingType: 'llm',
        unit: 'tokens-1k',
        earlier: [{ until: '2026-11-23', prices: { platform: { input: '0.11', output: '0.55' } } }],
        prices: { platform: { input: '0.33', output: '1.65' } },
      },
      {
        // GPT-4.1: $2 / $8 per 1M standard, $1 / $4 batch = 200 / 800 and 100 / 400 credits per 1M.
        id: 'openai/gpt-4.1',
        brand: 'OpenAI',
        model: 'GPT-4.1',
        billingType: 'llm',
        unit: 'tokens-1m',
        prices: { platform: { input: '200', output: '800' } },
        serviceTiers: { batch: { prices: { platform: { input: '100', output: '400' } } } },
      },
      {
        // Gemini 2.5 Pro: $1.25 / $10 per 1M, $2.50 / $15 above 200K input tokens; no batch here.
        id: 'google/gemini-2.5-pro',
        brand: 'Google',
        model: 'Gemini-2.5-Pro',
        billingType: 'llm',
        unit: 'tokens-1m',
        prices: { platform: { input: '125', output: '1000' } },
        tiers: [{ above: 200000, prices: { platform: { input: '250', output: '1500' } } }],
      },
      {
        // An announced change: 0.2 / 0.6 per 1K until 2027-01-01, then 0.3 / 0.9.
        id: 'mistral/mistral-large',
        brand: 'Mistral',
        model: 'Mistral-Large',
        billingType: 'llm',
        unit: 'tokens-1k',
        earlier: [{ until: '2027-01-01', prices: { platform: { input: '0.2', output: '0.6' } } }],
        prices: { platform: { input: '0.3', output: '0.9' } },
      },
    ]),
  );

const cell = (el: CreditPricingTable, id: string, key = 'platform:input') => $(el, `tr[data-id="${id}"] td[data-cell="${key}"]`);
const line = (el: CreditPricingTable, id: string, cls: string, key = 'platform:input') => text(cell(el, id, key)?.querySelector(`.${cls}`));

describe('<credit-pricing-table>: prices through time', () => {
  it('shows the prices in force at `at`, a recent change with the earlier price and an announced one', async () => {
    const el = await mount(fixture(), { at: '2026-12-07', 'currency-display': 'credits' });
    // 2026-12-07 is 14 days after the change of 2026-11-23 (< 30): marked with the earlier price.
    expect(mainText(cell(el, 'anthropic/claude-4.5-haiku'))).to.equal('0.33');
    expect(line(el, 'anthropic/claude-4.5-haiku', 'was')).to.equal('was 0.11 until Nov 23');
    expect($(el, 'tr[data-id="anthropic/claude-4.5-haiku"] td[data-cell="platform:input"] .was s')?.textContent).to.equal('0.11');
    expect(line(el, 'anthropic/claude-4.5-haiku', 'was', 'platform:output')).to.equal('was 0.55 until Nov 23');
    // The change of 2027-01-01 lies ahead: the price now, and the next one with its date.
    expect(mainText(cell(el, 'mistral/mistral-large'))).to.equal('0.2');
    expect(line(el, 'mistral/mistral-large', 'next')).to.equal('from Jan 1: 0.3');
    expect(line(el, 'mistral/mistral-large', 'next', 'platform:output')).to.equal('from Jan 1: 0.9');
    // Services without a history carry neither mark.
    expect(cell(el, 'openai/gpt-4.1')!.querySelector('.change')).to.equal(null);
  });

  it('shows the list as it stood before a change: the old price, the change ahead', async () => {
    const el = await mount(fixture(), { at: '2026-11-22T12:00:00Z', 'currency-display': 'credits' });
    expect(mainText(cell(el, 'anthropic/claude-4.5-haiku'))).to.equal('0.11');
    expect(line(el, 'anthropic/claude-4.5-haiku', 'next')).to.equal('from Nov 23: 0.33');
    expect(text($(el, 'footer .at'))).to.equal('showing the prices in force on Nov 22, 2026, 12:00 PM');
    // 2026-12-23T00:00Z is 30 days after the change: no longer "recent", no longer marked.
    el.at = '2026-12-23T00:00:00Z';
    await el.updateComplete;
    expect(mainText(cell(el, 'anthropic/claude-4.5-haiku'))).to.equal('0.33');
    expect(cell(el, 'anthropic/claude-4.5-haiku')!.querySelector('.change')).to.equal(null);
  });

  it('writes the dates as the locale does, with the year when the change is further than the year around', async () => {
    const de = await mount(fixture(), { lang: 'de', at: '2026-12-07', 'currency-display': 'credits' });
    expect(line(de, 'mistral/mistral-large', 'next')).to.equal('ab 1. Jan.: 0,3');
    expect(line(de, 'anthropic/claude-4.5-haiku', 'was')).to.equal('bisher 0,11 bis 23. Nov.');
    const early = await mount(fixture(), { at: '2025-12-01', 'currency-display': 'credits' });
    // Claude 4.5 Haiku has no start: the old price applies then, the change is a year away.
    expect(line(early, 'anthropic/claude-4.5-haiku', 'next')).to.equal('from Nov 23, 2026: 0.33');
  });

  it('shows money for a change in money, and both under "both"', async () => {
    const el = await mount(fixture(), { at: '2026-12-07', 'currency-display': 'money' });
    // 0.3 credits × $0.01 = $0.003
    expect(line(el, 'mistral/mistral-large', 'next')).to.equal('from Jan 1: $0.003');
    expect(line(el, 'anthropic/claude-4.5-haiku', 'was')).to.equal('was $0.0011 until Nov 23');
  });

  it('reports an `at` that is not a date and shows the prices in force now', async () => {
    const errors: string[] = [];
    const wrap = document.createElement('div');
    document.body.append(wrap);
    const el = document.createElement('credit-pricing-table');
    el.addEventListener('credit-error', (e) => errors.push((e as CustomEvent).detail.error.message));
    el.setAttribute('at', '23.11.2026');
    el.catalog = fixture();
    wrap.append(el);
    const { settle } = await import('./setup.js');
    await settle(el);
    expect(errors.some((m) => m.includes('at:') && m.includes('23.11.2026'))).to.equal(true);
    expect(rowIds(el)).to.have.length(4);
    wrap.remove();
  });

  it('GPTBots from `creditkit history`: 95 services on the 22nd, 118 now, Claude-4.5-Haiku-200k tripled', async () => {
    const { catalog } = mergeHistory(await loadCatalog('gptbots-previous'), await loadCatalog('gptbots'), '2026-11-23');
    const before = await mount(catalog, { at: '2026-11-22T12:00:00Z', 'currency-display': 'credits', 'key-mode': 'platform' });
    expect(rowIds(before)).to.have.length(95);
    const haiku = 'anthropic/claude-4.5-haiku-200k';
    expect(mainText(cell(before, haiku))).to.equal('0.11');
    expect(line(before, haiku, 'next')).to.equal('from Nov 23: 0.33');
    const after = await mount(catalog, { at: '2026-12-07', 'currency-display': 'credits', 'key-mode': 'platform' });
    expect(rowIds(after)).to.have.length(118);
    expect(mainText(cell(after, haiku))).to.equal('0.33');
    expect(line(after, haiku, 'was', 'platform:output')).to.equal('was 0.55 until Nov 23');
  });
});

describe('<credit-pricing-table>: service tiers and long-context tiers', () => {
  it('switches to batch prices where the catalog has them; a service without batch is "not offered"', async () => {
    const el = await mount(fixture(), { at: '2026-12-07', 'currency-display': 'credits' });
    const radios = $$(el, '[part~="service-tier"] input[type="radio"]') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).to.deep.equal(['standard', 'batch']);
    // per 1K: 200 / 1,000 = 0.2 standard input; batch 100 / 1,000 = 0.1, 400 / 1,000 = 0.4 output
    expect(mainText(cell(el, 'openai/gpt-4.1'))).to.equal('0.2');
    radios[1]!.click();
    await el.updateComplete;
    expect(el.getAttribute('service-tier')).to.equal('batch');
    expect(mainText(cell(el, 'openai/gpt-4.1'))).to.equal('0.1');
    expect(mainText(cell(el, 'openai/gpt-4.1', 'platform:output'))).to.equal('0.4');
    for (const id of ['google/gemini-2.5-pro', 'anthropic/claude-4.5-haiku', 'mistral/mistral-large']) {
      expect(cell(el, id)!.classList.contains('not-offered'), id).to.equal(true);
      expect(mainText(cell(el, id)), id).to.equal('not offered');
    }
    // What 1,000 credits buy follows the tier: 1,000 / 0.1 × 1,000 = 10,000,000 input tokens.
    expect(text($(el, 'tr[data-id="openai/gpt-4.1"] td.buys'))).to.contain('10,000,000');
    expect(text($(el, 'tr[data-id="google/gemini-2.5-pro"] td.buys'))).to.contain('not offered');
  });

  it('has no service-tier switch for a catalog without service tiers', async () => {
    const el = await mount(await loadCatalog('meingpt'));
    expect($(el, '[part~="service-tier"]')).to.equal(null);
  });

  it('heads a web-search price "per call", not in the group\'s token unit', async () => {
    const catalog = parseCatalog(llmCatalogJson([{ id: 'openai/gpt-4o-search', brand: 'OpenAI', model: 'GPT-4o search', billingType: 'llm', unit: 'tokens-1k', prices: { platform: { input: '0.25', output: '1', webSearch: '3.5' } } }]));
    const headers = async (lang: string) => $$(await mount(catalog, { lang }), 'thead th').map((th) => text(th).replace('↕', '').trim()).filter((t) => /search|suche/i.test(t));
    expect(await headers('en')).to.deep.equal(['Web search / call']);
    expect(await headers('de')).to.deep.equal(['Websuche / Aufruf']);
  });

  it('shows a long-context tier under the price: above 200K tokens', async () => {
    const el = await mount(fixture(), { at: '2026-12-07', 'currency-display': 'credits' });
    // 125 / 1,000 = 0.125 per 1K; above 200K: 250 / 1,000 = 0.25, output 1,500 / 1,000 = 1.5
    expect(mainText(cell(el, 'google/gemini-2.5-pro'))).to.equal('0.125');
    expect(line(el, 'google/gemini-2.5-pro', 'tier')).to.equal('above 200K tokens: 0.25');
    expect(line(el, 'google/gemini-2.5-pro', 'tier', 'platform:output')).to.equal('above 200K tokens: 1.5');
    const de = await mount(fixture(), { lang: 'de', at: '2026-12-07', 'currency-display': 'credits' });
    expect(line(de, 'google/gemini-2.5-pro', 'tier')).to.equal('über 200K Tokens: 0,25');
  });
});

describe('<credit-pricing-table>: marks of time and tiers are accessible', function () {
  this.timeout(120_000);
  it('has no violations with changes, tiers and the service-tier switch, en and de, light and dark, desktop and phone', async () => {
    for (const [lang, theme, width] of [['en', 'light', '1200px'], ['de', 'dark', '1200px'], ['en', 'dark', '390px']] as const) {
      const el = await mount(fixture(), { lang, theme, width, at: '2026-12-07' });
      expect($$(el, '.change')).to.have.length.greaterThan(0);
      await expectAccessible(el);
    }
  });
});

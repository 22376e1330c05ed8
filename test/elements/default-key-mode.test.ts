// Issue 14.8: which key mode applies when none is chosen is one rule (core's defaultKeyMode), and
// every element shows the key mode it prices. The catalog lists [own, platform] and names no
// defaultKeyMode: the rule says platform, and before the fix the calculator showed "Own key"
// (the first listed) while pricing the month with the platform key.
import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { budgetToQuantity, defaultKeyMode, parseCatalog, rate, simulateMonth, type Catalog, type CatalogInput, type Scenario } from '../../src/core/index.js';
import '../../src/elements/calculator/index.js';
import '../../src/elements/chat-cost/index.js';
import type { CreditCalculator } from '../../src/elements/calculator/index.js';
import type { CreditChatCost } from '../../src/elements/chat-cost/index.js';
import { loadJson } from '../core/load.js';
import { mount, $ } from './pricing-table/setup.js';

let catalog: Catalog;
before(async () => {
  const json = (await loadJson('/catalog/gptbots.json')) as CatalogInput;
  delete json.defaultKeyMode;
  json.keyModes = [...json.keyModes].reverse();
  expect(json.keyModes.map((k) => k.id)).to.deep.equal(['own', 'platform']);
  catalog = parseCatalog(json);
});

// GPT-4.1-1M: platform 0.22 / 0.88 per 1K, own key 0.01 (cap) per 1K input.
const SERVICE = 'openai/gpt-4.1-1m';

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

describe('default key mode: a catalog listing [own, platform] without defaultKeyMode', () => {
  it('core: the rule answers platform, and rate, simulateMonth and budgetToQuantity use it', () => {
    expect(defaultKeyMode(catalog)).to.equal('platform');
    const charge = rate(catalog, { service: SERVICE, inputTokens: 1000 });
    expect(charge.lines[0]!.keyMode).to.equal('platform');
    expect(charge.credits).to.equal('0.22');
    const month = simulateMonth(catalog, { version: 1, period: { basis: 'calendar', days: 1 }, users: 1, workloads: [{ service: SERVICE, requestsPerUserPerDay: 1, inputTokens: 1000, outputTokens: 0 }] });
    expect(month.credits).to.equal('0.22');
    expect(budgetToQuantity(catalog, SERVICE, { credits: '22' }).quantity).to.equal('100000');
  });

  it('the rule: the declared default, else platform, else the first key mode', () => {
    const modes = (...ids: string[]) => ids.map((id) => ({ id, name: id }));
    expect(defaultKeyMode({ keyModes: modes('own', 'platform'), defaultKeyMode: 'own' })).to.equal('own');
    expect(defaultKeyMode({ keyModes: modes('own', 'platform') })).to.equal('platform');
    expect(defaultKeyMode({ keyModes: modes('team', 'own') })).to.equal('team');
  });

  it('<credit-calculator> shows the key mode it prices (Platform key), and its total is the platform price', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('credit-calculator') as CreditCalculator;
    el.setAttribute('announce-delay', '0');
    el.setAttribute('url-param', '');
    el.catalog = catalog;
    const scenario: Scenario = { version: 1, period: { basis: 'calendar', days: 30 }, users: 1, workloads: [{ service: SERVICE, requestsPerUserPerDay: 10, inputTokens: 1000, outputTokens: 300 }] };
    el.scenario = scenario;
    wrapper.append(el);
    await until(() => el.result !== undefined, 'the first result');
    await el.updateComplete;
    // The key mode is a segmented control: the checked radio is the mode priced.
    const checked = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="key-mode"] input:checked')!;
    expect(checked.value).to.equal('platform');
    expect(checked.closest('label')!.textContent!.trim()).to.equal('Platform key');
    expect(el.result!.credits).to.equal(simulateMonth(catalog, { ...scenario, keyMode: 'platform' }).credits);
    expect(el.result!.credits).not.to.equal(simulateMonth(catalog, { ...scenario, keyMode: 'own' }).credits);
  });

  it('<credit-pricing-table> with both key modes hands over the platform key on select', async () => {
    const el = await mount(catalog, { 'key-mode': 'both' });
    const button = $(el, `tr[data-id="${SERVICE}"] button.action`) as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'credit-service-select');
    expect(event.detail).to.deep.equal({ serviceId: SERVICE, keyMode: 'platform' });
  });

  it('<credit-chat-cost> prices usage without a key mode with the platform key', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${catalog} .usage=${[{ service: SERVICE, inputTokens: 1000 }]}></credit-chat-cost>`);
    await el.loaded();
    expect(el.shadowRoot!.querySelector('[part~="summary"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('0.22 credits');
  });
});

// Live updates (ETag revalidation through an injected fetch), error states and "price changed" marks.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CatalogInput } from '../../../src/core/index.js';
import type { CreditCatalogChangeEvent, CreditPricingTable } from '../../../src/elements/pricing-table/index.js';
import { loadJson } from '../../core/load.js';
import { fakeFetch, type FakeFetch } from '../../helpers/fake-fetch.js';
import { $, $$, mountLoading, rowIds, settle, text } from './setup.js';

let base: CatalogInput;
before(async () => {
  base = (await loadJson('/catalog/gptbots.json')) as CatalogInput;
});

/** A copy of the GPTBots catalog with GPT-4.1-1M's platform input 0.22 → 0.25, TTS "Voice" own 0.044 → 0.05 and one new service. */
function repriced(): CatalogInput {
  const next = structuredClone(base) as CatalogInput & { services: CatalogInput['services'] };
  next.version = '2026-11-24.1';
  const gpt41 = next.services.find((s) => s.id === 'openai/gpt-4.1-1m')!;
  gpt41.prices.platform!.input = '0.25';
  const voice = next.services.find((s) => s.brand === 'Minimax' && s.model === 'Voice')!;
  voice.prices.own!.characters = '0.05';
  next.services.push({ ...structuredClone(gpt41), id: 'openai/gpt-9', model: 'GPT-9', aliases: [] });
  return next;
}

async function mountSrc(fetch: FakeFetch, attrs = ''): Promise<CreditPricingTable> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang="en" style="width: 1200px"></div>`);
  wrap.innerHTML = `<credit-pricing-table ${attrs}></credit-pricing-table>`;
  const el = wrap.firstElementChild as CreditPricingTable;
  el.fetch = fetch;
  el.src = '/catalog/gptbots.json';
  await settle(el);
  await fetch.settled();
  await settle(el);
  return el;
}

const changedCells = (el: CreditPricingTable) =>
  $$(el, 'td[data-changed]').map((td) => `${td.closest('tr')!.getAttribute('data-id')} ${td.getAttribute('data-cell')}`);

describe('<credit-pricing-table>: live revalidation', () => {
  it('200 → 304 → 200: asks with If-None-Match and marks exactly the changed cells', async () => {
    const fetch = fakeFetch([{ body: base, etag: '"v1"' }, { status: 304 }, { body: repriced(), etag: '"v2"' }]);
    const el = await mountSrc(fetch);
    expect(rowIds(el)).to.have.length(118);
    expect(changedCells(el)).to.deep.equal([]);

    await el.reload();
    expect(fetch.requests.map((r) => r.ifNoneMatch)).to.deep.equal([undefined, '"v1"']);
    expect(changedCells(el)).to.deep.equal([]);

    setTimeout(() => void el.reload());
    const event = (await oneEvent(el, 'credit-catalog-change')) as CreditCatalogChangeEvent;
    await settle(el);
    expect(fetch.requests[2]!.ifNoneMatch).to.equal('"v1"');
    const voice = base.services.find((s) => s.brand === 'Minimax' && s.model === 'Voice')!.id;
    expect(changedCells(el).sort()).to.deep.equal(['openai/gpt-4.1-1m platform:input', `${voice} own:characters`].sort());
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell="platform:input"] .badge.changed'))).to.equal('price changed +13.6%');
    expect(text($(el, 'tr[data-id="openai/gpt-9"] .badge.new'))).to.equal('new');
    expect(event.detail.diff.repriced.map((r) => r.id).sort()).to.deep.equal(['openai/gpt-4.1-1m', voice].sort());
    expect(event.detail.diff.added.map((s) => s.id)).to.deep.equal(['openai/gpt-9']);
    expect(event.detail.catalog.version).to.equal('2026-11-24.1');
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Price list updated: 2 services repriced, 1 added, 0 removed.');
    expect(text($(el, '.footer'))).to.contain('Catalog 2026-11-24.1');
  });

  it('shows "price changed" against a previous catalog', async () => {
    const fetch = fakeFetch([{ body: repriced() }]);
    const el = await mountSrc(fetch);
    el.previous = base;
    await settle(el);
    const marked = $$(el, 'td:has(.badge.changed)').map((td) => `${td.closest('tr')!.getAttribute('data-id')} ${td.getAttribute('data-cell')}`);
    expect(marked).to.have.length(2);
    expect(marked).to.include('openai/gpt-4.1-1m platform:input');
    expect($$(el, 'td[data-changed]')).to.have.length(0); // no live flash: nothing was refreshed
  });
});

describe('<credit-pricing-table>: previous and visibility', () => {
  it('loads a previous catalog from a URL and marks what differs', async () => {
    const fetch = fakeFetch([{ body: repriced() }, { body: base }]);
    const el = await mountSrc(fetch);
    el.setAttribute('previous', '/catalog/gptbots-last-month.json');
    await settle(el);
    await fetch.settled();
    await settle(el);
    expect(fetch.requests.map((r) => r.url)).to.deep.equal(['/catalog/gptbots.json', '/catalog/gptbots-last-month.json']);
    expect($$(el, 'td.changed')).to.have.length(2);
    expect($$(el, 'tr .badge.new').map((b) => b.closest('tr')!.getAttribute('data-id'))).to.deep.equal(['openai/gpt-9']);
  });

  it('revalidates when the tab becomes visible again', async () => {
    const fetch = fakeFetch([{ body: base, etag: '"v1"' }, { status: 304 }]);
    const el = await mountSrc(fetch);
    document.dispatchEvent(new Event('visibilitychange')); // headless tabs are always visible
    await fetch.settled();
    expect(fetch.requests.map((r) => r.ifNoneMatch)).to.deep.equal([undefined, '"v1"']);
    expect(rowIds(el)).to.have.length(118);
  });
});

describe('<credit-pricing-table>: errors', () => {
  it('shows a readable error and fires credit-error when the first load fails', async () => {
    const fetch = fakeFetch([{ status: 503 }]);
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = document.createElement('credit-pricing-table');
    el.fetch = fetch;
    el.src = '/catalog/gptbots.json';
    setTimeout(() => wrap.append(el));
    const event = await oneEvent(el, 'credit-error');
    await settle(el);
    expect(event.detail.error.message).to.equal('could not load /catalog/gptbots.json: HTTP 503');
    const alert = $(el, '[role="alert"]')!;
    expect(text(alert)).to.equal('The price list could not be loaded. could not load /catalog/gptbots.json: HTTP 503 Retry');
    expect(rowIds(el)).to.deep.equal([]);
    expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('names what is wrong with an invalid catalog', async () => {
    const bad = structuredClone(base) as CatalogInput;
    (bad.services[0]!.prices.platform as Record<string, unknown>).input = -1;
    const el = await mountSrc(fakeFetch([{ body: bad }]));
    expect(text($(el, '[role="alert"] .detail'))).to.contain('services[0].prices.platform.input');
  });

  it('keeps the last good prices when a refresh fails, and says so', async () => {
    const fetch = fakeFetch([{ body: base, etag: '"v1"' }, { status: 500 }, { status: 304 }]);
    const el = await mountSrc(fetch);
    await el.reload();
    expect(rowIds(el)).to.have.length(118);
    expect(text($(el, '.message.stale p'))).to.equal('The price list could not be refreshed. Showing the prices checked on Nov 23, 2026.');
    await el.reload();
    expect($(el, '.message')).to.equal(null);
  });

  it('shows skeleton rows while loading, in the place of the table', async () => {
    const fetch = fakeFetch([{ body: base, hold: true }]);
    const el = await mountLoading(fetch);
    expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '.skeleton-row')).to.have.length(8);
    expect(text($(el, '.skeleton [role="status"]'))).to.equal('Loading…');
    const toolbarTop = $(el, '.toolbar')!.getBoundingClientRect().top;
    fetch.release();
    await fetch.settled();
    await settle(el);
    expect($$(el, '.skeleton-row')).to.have.length(0);
    expect($(el, '.toolbar')!.getBoundingClientRect().top).to.equal(toolbarTop);
  });
});

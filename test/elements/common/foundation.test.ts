// The foundation every element stands on: the base class (define, theme, language), the context a
// container provides (client, catalog), and the catalog request's limits (time, size, leaving the page).
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import type { Catalog } from '../../../src/core/index.js';
import {
  CATALOG_MAX_BYTES,
  CatalogController,
  CatalogLoadError,
  CreditElement,
  fetchCatalog,
  loadErrorText,
  loadParser,
  provideCredit,
} from '../../../src/elements/common/index.js';
import { CreditBalance } from '../../../src/elements/balance/index.js';
import { CreditCalculator } from '../../../src/elements/calculator/index.js';
import { CreditChatCost } from '../../../src/elements/chat-cost/index.js';
import { CreditPricingTable } from '../../../src/elements/pricing-table/index.js';
import { CreditUsage } from '../../../src/elements/usage/index.js';
import { CreditStatement } from '../../../src/elements/statement/index.js';
import type { CreditClient } from '../../../src/sdk/client.js';
import { loadCatalog } from '../../core/load.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';
import { settle } from '../pricing-table/setup.js';

class ContextProbe extends CreditElement {
  static override readonly tag = 'context-probe';
  readonly loader = new CatalogController(this);
  protected override willUpdate(): void {
    this.loader.sync({ catalog: this.providedCatalog });
  }
  protected override render() {
    return litHtml`<p>${this.language}|${this.providedClient ? 'client' : '-'}|${this.loader.catalog?.id ?? '-'}</p>`;
  }
}
ContextProbe.define();

const probeText = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;
const tick = () => new Promise((r) => setTimeout(r));

let meingpt: Catalog;
let gptbots: Catalog;
before(async () => {
  await loadParser();
  meingpt = await loadCatalog('meingpt');
  gptbots = await loadCatalog('gptbots');
});

describe('foundation: one base class', () => {
  it('every element is a CreditElement with a `theme` attribute, and define() registers any tag once', async () => {
    for (const element of [CreditBalance, CreditCalculator, CreditChatCost, CreditPricingTable, CreditStatement, CreditUsage]) {
      expect(element.prototype).to.be.instanceOf(CreditElement);
      expect(element.elementProperties.get('theme'), element.name).to.deep.include({ reflect: true });
    }
    CreditPricingTable.define('my-price-list');
    CreditPricingTable.define('my-price-list'); // idempotent
    const mine = customElements.get('my-price-list')!;
    expect(mine).not.to.equal(CreditPricingTable);
    expect(mine.prototype).to.be.instanceOf(CreditPricingTable);
    expect(customElements.get('credit-pricing-table')).to.equal(CreditPricingTable);
  });

  it('speaks the language of the closest lang, and follows a change', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de-CH"><context-probe></context-probe></div>`);
    const probe = wrap.firstElementChild as ContextProbe;
    await probe.updateComplete;
    expect(probeText(probe)).to.equal('de|-|-');
    wrap.lang = 'en-GB';
    await tick();
    await probe.updateComplete;
    expect(probeText(probe)).to.equal('en|-|-');
  });
});

describe('foundation: provideCredit', () => {
  it('hands client and catalog to every element inside, before or after they connect, and updates them', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><context-probe></context-probe><section></section></div>`);
    const early = container.querySelector('context-probe') as ContextProbe;
    await early.updateComplete;
    expect(probeText(early)).to.equal('en|-|-');
    const client = { getCatalog: async () => gptbots } as unknown as CreditClient;
    const handle = provideCredit(container, { client, catalog: meingpt });
    await early.updateComplete;
    expect(probeText(early)).to.equal('en|client|meingpt'); // connected before the provider
    // One inside a shadow root below the container, added later.
    const shadow = container.querySelector('section')!.attachShadow({ mode: 'open' });
    const late = document.createElement('context-probe') as ContextProbe;
    shadow.append(late);
    await late.updateComplete;
    expect(probeText(late)).to.equal('en|client|meingpt');
    handle.set({ catalog: gptbots });
    await early.updateComplete;
    await late.updateComplete;
    expect([probeText(early), probeText(late)]).to.deep.equal(['en|client|gptbots', 'en|client|gptbots']);
    expect(provideCredit(container, {})).to.equal(handle); // one provider per container
  });

  it('feeds a real <credit-pricing-table>, whose own `catalog` still wins', async () => {
    const container = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    provideCredit(container, { catalog: meingpt });
    const table = document.createElement('credit-pricing-table');
    container.append(table);
    await settle(table);
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(meingpt.services.length);
    table.catalog = gptbots;
    await settle(table);
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(118);
  });
});

describe('foundation: the catalog request is bounded (issue 14 item 19)', () => {
  it('gives up after `timeout` seconds with a readable error, aborting the request', async () => {
    const fetch = fakeFetch([{ body: meingpt, hold: true }]);
    const error = await fetchCatalog('/slow.json', { fetch, timeout: 0.05 }).catch((e: Error) => e);
    expect(error).to.be.instanceOf(CatalogLoadError);
    expect((error as CatalogLoadError).reason).to.equal('timeout');
    expect((error as Error).message).to.equal('/slow.json did not answer within 0.05 s');
    expect(fetch.requests[0]!.aborted).to.equal(true);
    expect(loadErrorText(error as Error, 'en', 'en')).to.equal('The server did not answer within 0.05 seconds.');
    expect(loadErrorText(error as Error, 'de', 'de')).to.equal('Der Server hat nicht innerhalb von 0,05 Sekunden geantwortet.');
  });

  it('refuses a body over the size limit, by its Content-Length or while reading it', async () => {
    const declared = async () => new Response('{}', { headers: { 'content-length': String(200 * 1024 * 1024) } });
    const big = await fetchCatalog('/big.json', { fetch: declared }).catch((e: CatalogLoadError) => e);
    expect(big).to.be.instanceOf(CatalogLoadError);
    expect((big as CatalogLoadError).reason).to.equal('too-large');
    expect((big as Error).message).to.equal('/big.json is 200 MB, more than the 5 MB a catalog may be');
    expect(loadErrorText(big as Error, 'en', 'en')).to.equal('The file is larger than 5 MB and was not loaded.');
    // No length given: the stream is read up to the limit and then cancelled.
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const streamed = await fetchCatalog('/endless.json', { fetch: async () => new Response(endless), maxBytes: 256 * 1024 }).catch((e: CatalogLoadError) => e);
    expect((streamed as CatalogLoadError).reason).to.equal('too-large');
    expect(cancelled).to.equal(true);
    expect(pulled).to.be.lessThan(8);
    expect(CATALOG_MAX_BYTES).to.equal(5 * 1024 * 1024);
  });

  it('a table shows the timeout in its language, and a table leaving the page aborts its request', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const table = document.createElement('credit-pricing-table');
    table.fetch = fakeFetch([{ body: meingpt, hold: true }]);
    table.timeout = 0.05;
    table.src = '/slow.json';
    wrap.append(table);
    await new Promise((r) => setTimeout(r, 150));
    await table.updateComplete;
    expect(table.shadowRoot!.querySelector('.message.error .detail')!.textContent).to.equal('Der Server hat nicht innerhalb von 0,05 Sekunden geantwortet.');

    const fetch = fakeFetch([{ body: meingpt, hold: true }]);
    const leaving = document.createElement('credit-pricing-table');
    leaving.fetch = fetch;
    leaving.src = '/hanging.json';
    wrap.append(leaving);
    await leaving.updateComplete;
    expect(fetch.requests.map((r) => r.aborted)).to.deep.equal([false]);
    leaving.remove();
    expect(fetch.requests.map((r) => r.aborted)).to.deep.equal([true]);
  });
});

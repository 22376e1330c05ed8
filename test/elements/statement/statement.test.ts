// <credit-statement> through the SDK against a scripted fetch: the periods, the statement shown
// (figures exactly as the host sent them), choosing another month, the four downloads, loading,
// empty and error states, German, axe in light and dark, and no overflow at 320, 390 and 1280 px.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/statement/index.js';
import type { CreditStatement } from '../../../src/elements/statement/index.js';
import { createClient } from '../../../src/sdk/client.js';
import type { Statement, Statements } from '../../../src/sdk/contract/statements.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fakeFetch, type FakeResponse } from '../../helpers/fake-fetch.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const LIST: Statements = {
  statements: [
    { number: 3, period: '2026-12', status: 'open' },
    { number: 2, period: '2026-11', status: 'closed' },
    { number: 1, period: '2026-10', status: 'closed' },
  ],
};

// A month worked by hand: opening 1000 + top-up 500.5 − usage 300.1234 (Engineering 200.1234 +
// Sales 100) − expired 50 = closing 1150.3766.
function november(): Statement {
  return {
    number: 2,
    period: '2026-11',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    status: 'closed',
    organisation: { id: 'org-nordlicht', billingName: 'Nordlicht GmbH' },
    departments: [
      { id: 'd-engineering', name: 'Engineering' },
      { id: 'd-sales', name: 'Sales' },
    ],
    creditUnit: { currency: 'EUR', value: '0.01' },
    totals: { opening: '1000', granted: '500.5', used: '300.1234', expired: '50', closing: '1150.3766' },
    grants: [{ at: '2026-11-03T09:00:00.000Z', grantId: 'g-7', kind: 'paid', credits: '500.5', expiresAt: '2027-11-03T09:00:00.000Z', reason: 'November top-up' }],
    usage: {
      byDepartment: [
        { key: 'd-engineering', label: 'Engineering', credits: '200.1234', events: 1204 },
        { key: 'd-sales', label: 'Sales', credits: '100', events: 80 },
      ],
      byService: [{ key: 'openai/gpt-4o', label: 'OpenAI GPT-4o', credits: '300.1234', events: 1284 }],
      byUser: [
        { key: 'u-anna', label: 'Anna Schmidt', credits: '200.1234', events: 1204 },
        { key: 'u-ben', label: 'Ben Weber', credits: '100', events: 80 },
      ],
    },
    expired: [{ at: '2026-11-30T23:59:59.000Z', grantId: 'g-2', departmentId: 'd-sales', credits: '50' }],
    transfers: [],
    entries: { first: 899, last: 2183, count: 1285 },
  };
}

const ok = (body: unknown): FakeResponse => ({ body, headers: JSON_TYPE });

async function mount(script: FakeResponse[], { lang = 'en', theme = 'light', width = 1280 } = {}) {
  const fetch = fakeFetch(script);
  const client = createClient({ baseUrl: 'https://host.test/api', getToken: () => 'token', fetch: fetch as typeof globalThis.fetch, maxRetries: 0 });
  const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"><credit-statement lang=${lang} theme=${theme} .client=${client}></credit-statement></div>`);
  const el = wrap.firstElementChild as CreditStatement;
  await el.loaded();
  return { el, fetch, wrap };
}

const root = (el: CreditStatement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: CreditStatement, name: string) => root(el).querySelector(`[part~=${name}]`);
/** The summary as term → definition. */
const summary = (el: CreditStatement) => Object.fromEntries([...root(el).querySelectorAll('[part~=summary] > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
const rows = (table: Element | null) => [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => text(c)));

describe('<credit-statement>', () => {
  it('lists the periods and shows the newest closed month exactly as the host sent it, accessibly', async () => {
    const { el, fetch } = await mount([ok(LIST), ok(november())]);
    expect(fetch.requests.map((r) => new URL(r.url).pathname)).to.deep.equal(['/api/statements', '/api/statements/2026-11']);
    const options = [...root(el).querySelectorAll('option')];
    expect(options.map((o) => text(o))).to.deep.equal(['December 2026 · open', 'November 2026 · no. 2', 'October 2026 · no. 1']);
    expect(root(el).querySelector('select')!.value).to.equal('2026-11');
    expect(part(el, 'base')!.getAttribute('part')).to.equal('base state-ready');
    expect(summary(el)).to.deep.equal({ 'Statement no.': '2', Period: 'Nov 1, 2026 – Nov 30, 2026', 'Billed to': 'Nordlicht GmbH', Status: 'Closed' });
    expect(rows(part(el, 'totals'))).to.deep.equal([
      ['Opening balance', '1,000'],
      ['+Top-ups and grants', '500.5'],
      ['−Usage', '300.1234'],
      ['−Expired credits', '50'],
      ['=Closing balance', '1,150.3766'],
    ]);
    expect(rows(part(el, 'grants'))).to.deep.equal([['Nov 3, 2026', 'Top-up · November top-up expires Nov 3, 2027', '500.5']]);
    const [byDepartment, byService, byUser] = [...root(el).querySelectorAll('[part~=breakdown]')];
    expect(text(byDepartment!.querySelector('caption'))).to.equal('Usage by department');
    expect(rows(byDepartment!)).to.deep.equal([
      ['Engineering', '1,204', '200.1234'],
      ['Sales', '80', '100'],
    ]);
    expect(rows(byService!)).to.deep.equal([['OpenAI GPT-4o', '1,284', '300.1234']]);
    expect(rows(byUser!).map((r) => r[0])).to.deep.equal(['Anna Schmidt', 'Ben Weber']);
    // The share bars, set through the CSSOM (no style attribute text): 200.1234 / 300.1234 = 66.68…% → 66.7 %, 100 / 300.1234 = 33.32…% → 33.3 %.
    const bars = [...byDepartment!.querySelectorAll<HTMLElement>('[part~=share]')].map((b) => b.style.inlineSize);
    expect(bars).to.deep.equal(['66.7%', '33.3%']);
    expect(rows(part(el, 'expired'))).to.deep.equal([['Nov 30, 2026', 'Sales', '50']]);
    expect([...root(el).querySelectorAll('[part~=download]')].map((b) => text(b))).to.deep.equal(['CSV (English)', 'CSV (Excel, German)', 'PDF (English)', 'PDF (German)']);
    await expectAccessible(el);
  });

  it('says under a service line which prices priced it, where the prices changed during the month (en, de)', async () => {
    // GPTBots' Claude-4.5-Haiku-200k was repriced on 23 Nov: a line per price period (host: key <service>@<period>).
    const changed = november();
    changed.usage.byService = [
      { key: 'anthropic/claude-4.5-haiku-200k@1', label: 'Anthropic Claude-4.5-Haiku-200k', credits: '200.1234', events: 1000, prices: { from: '2026-11-23T00:00:00Z' } },
      { key: 'anthropic/claude-4.5-haiku-200k@0', label: 'Anthropic Claude-4.5-Haiku-200k', credits: '100', events: 284, prices: { until: '2026-11-23T00:00:00Z' } },
    ];
    const periods = (el: CreditStatement) => [...root(el).querySelectorAll('[part~=prices]')].map((n) => text(n));
    const { el } = await mount([ok(LIST), ok(changed)]);
    expect(periods(el)).to.deep.equal(['prices from Nov 23, 2026', 'prices until Nov 22, 2026']);
    await expectAccessible(el);
    const { el: de } = await mount([ok(LIST), ok(changed)], { lang: 'de' });
    expect(periods(de)).to.deep.equal(['Preise ab 23.11.2026', 'Preise bis 22.11.2026']);
  });

  it('is accessible in dark mode too', async () => {
    const { el } = await mount([ok(LIST), ok(november())], { theme: 'dark' });
    await expectAccessible(el);
  });

  it('loads the month a reader picks, and says which one is shown', async () => {
    const october = { ...november(), number: 1, period: '2026-10', from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
    const { el, fetch } = await mount([ok(LIST), ok(november()), ok(october)]);
    const select = root(el).querySelector('select')!;
    select.value = '2026-10';
    const shown = oneEvent(el, 'credit-statement-change');
    select.dispatchEvent(new Event('change'));
    expect((await shown).detail.period).to.equal('2026-10');
    await el.loaded();
    expect(el.period).to.equal('2026-10');
    expect(el.getAttribute('period')).to.equal('2026-10');
    expect(new URL(fetch.requests.at(-1)!.url).pathname).to.equal('/api/statements/2026-10');
    expect(summary(el)['Statement no.']).to.equal('1');
  });

  it('downloads the German CSV the host made as a file, with the host\'s file name', async () => {
    const csv = '\uFEFFAbschnitt;Datum;Posten;Detail;Credits\r\nSumme;2026-11-30;Endbestand;;1150,3766\r\n';
    const disposition = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="statement-org-nordlicht-2026-11-de.csv"' };
    const { el, fetch } = await mount([ok(LIST), ok(november()), { text: csv, headers: disposition }]);
    const saved: { name: string; blob: Blob }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    let lastBlob: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => ((lastBlob = blob as Blob), 'blob:statement');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: lastBlob! });
    };
    try {
      const downloaded = oneEvent(el, 'credit-statement-download');
      (root(el).querySelector('[part~=download-csv-de]') as HTMLButtonElement).click();
      expect((await downloaded).detail).to.deep.equal({ period: '2026-11', format: 'csv', language: 'de', filename: 'statement-org-nordlicht-2026-11-de.csv' });
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    const request = new URL(fetch.requests.at(-1)!.url);
    expect(`${request.pathname}${request.search}`).to.equal('/api/statements/2026-11?lang=de');
    expect(saved.map((s) => s.name)).to.deep.equal(['statement-org-nordlicht-2026-11-de.csv']);
    // The bytes as the host sent them (the byte-order mark included: Excel reads UTF-8 by it).
    expect(new Uint8Array(await saved[0]!.blob.arrayBuffer())).to.deep.equal(new TextEncoder().encode(csv));
    expect(root(el).querySelector('a[download]'), 'the temporary link is gone').to.equal(null);
  });

  it('says when a download fails, and keeps the statement', async () => {
    const { el } = await mount([ok(LIST), ok(november()), { status: 500, body: { type: 'about:blank', title: 'The host failed', status: 500 }, headers: { 'content-type': 'application/problem+json' } }]);
    const failed = oneEvent(el, 'credit-error');
    await el.download('pdf', 'en');
    expect((await failed).detail.source).to.equal('credit-statement');
    expect(text(part(el, 'download-error'))).to.equal('The download failed. Try again.');
    expect(part(el, 'totals')).to.not.equal(null);
    await expectAccessible(el);
  });

  it('says when there is no statement yet', async () => {
    const { el } = await mount([ok({ statements: [] })]);
    expect(part(el, 'base')!.getAttribute('part')).to.equal('base state-empty');
    expect(text(part(el, 'status'))).to.equal('No statements yet: the first one starts with the first credits.');
    expect(root(el).querySelector('select')).to.equal(null);
    await expectAccessible(el);
  });

  it('says it is loading, then fails with a retry that loads', async () => {
    const fetch = fakeFetch([{ hold: true, status: 503, body: { type: 'about:blank', title: 'Unavailable', status: 503 }, headers: { 'content-type': 'application/problem+json' } }, ok(LIST), ok(november())]);
    const client = createClient({ baseUrl: 'https://host.test/api', getToken: () => 'token', fetch: fetch as typeof globalThis.fetch, maxRetries: 0 });
    const el = await fixture<CreditStatement>(html`<credit-statement lang="en" .client=${client}></credit-statement>`);
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('part')).to.equal('base state-loading');
    expect(text(part(el, 'status'))).to.equal('Loading your statements…');
    await expectAccessible(el);
    fetch.release();
    await el.loaded();
    expect(part(el, 'base')!.getAttribute('part')).to.equal('base state-error');
    expect(text(part(el, 'status'))).to.equal('Your statements could not be loaded.');
    await expectAccessible(el);
    (part(el, 'retry') as HTMLButtonElement).click();
    await fetch.settled();
    await el.loaded();
    expect(part(el, 'base')!.getAttribute('part')).to.equal('base state-ready');
    expect(summary(el)['Statement no.']).to.equal('2');
  });

  it('speaks German: months, figures with decimal commas, and the labels', async () => {
    const { el } = await mount([ok(LIST), ok(november())], { lang: 'de' });
    expect([...root(el).querySelectorAll('option')].map((o) => text(o))).to.deep.equal(['Dezember 2026 · offen', 'November 2026 · Nr. 2', 'Oktober 2026 · Nr. 1']);
    expect(rows(part(el, 'totals'))).to.deep.equal([
      ['Anfangsbestand', '1.000'],
      ['+Aufladungen und Gutschriften', '500,5'],
      ['−Verbrauch', '300,1234'],
      ['−Verfallene Credits', '50'],
      ['=Endbestand', '1.150,3766'],
    ]);
    expect([...root(el).querySelectorAll('[part~=download]')].map((b) => text(b))).to.deep.equal(['CSV (Englisch)', 'CSV (Excel, deutsch)', 'PDF (Englisch)', 'PDF (deutsch)']);
    await expectAccessible(el);
  });

  for (const width of [320, 390, 1280]) {
    it(`fits ${width} px without overflow`, async () => {
      const { el } = await mount([ok(LIST), ok(november())], { width });
      const base = part(el, 'base') as HTMLElement;
      expect(el.getBoundingClientRect().width).to.be.at.most(width);
      expect(base.scrollWidth, 'the card scrolls sideways').to.be.at.most(base.clientWidth);
      for (const node of root(el).querySelectorAll<HTMLElement>('table, dl, .downloads, .head')) {
        expect(node.scrollWidth, `${node.className || node.tagName} overflows`).to.be.at.most(node.clientWidth + 1);
        expect(node.getBoundingClientRect().right, `${node.tagName} sticks out`).to.be.at.most(base.getBoundingClientRect().right + 0.5);
      }
    });
  }
});

// The user elements in Chromium against the real reference host (creditkit host, started by the
// test server and reached through its /api proxy): what they show equals what the host says.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/balance/index.js';
import '../../../src/elements/chat-cost/index.js';
import '../../../src/elements/usage/index.js';
import type { CreditBalance } from '../../../src/elements/balance/index.js';
import type { CreditChatCost } from '../../../src/elements/chat-cost/index.js';
import type { CreditUsage } from '../../../src/elements/usage/index.js';
import { createClient, type CreditClient } from '../../../src/sdk/index.js';
import { Decimal } from '../../../src/core/decimal.js';

let client: CreditClient;
let token: string;
before(async () => {
  const response = await fetch('/api/demo/token', { method: 'POST' });
  expect(response.ok, 'the reference host answers through the test server').to.equal(true);
  token = ((await response.json()) as { token: string }).token;
  client = createClient({ baseUrl: '/api', getToken: async () => token });
});

async function host<T>(path: string): Promise<T> {
  const response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as T;
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('against the reference host', () => {
  it('<credit-chat-cost chat-id> shows the host\'s charge for a recorded chat: meinGPT\'s 2.6533 as 2.65', async () => {
    const chatId = `wtr-${crypto.randomUUID()}`;
    await client.recordUsage({
      chatId,
      records: [
        { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
        { service: 'meingpt/tool-call', requests: 2 },
      ],
    });
    const costs: string[] = [];
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .client=${client} chat-id=${chatId} @credit-cost-change=${(e: CustomEvent<{ credits: string }>) => costs.push(e.detail.credits)}></credit-chat-cost>`);
    await el.loaded();
    const chat = await host<{ charge: { credits: string } }>(`/chats/${chatId}`);
    expect(chat.charge.credits).to.equal('2.6533');
    await waitUntil(() => costs.length > 0, 'the badge reports its cost');
    expect(costs.at(-1)).to.equal(chat.charge.credits);
    expect(text(el)).to.contain('2.65');
  });

  it('<credit-balance> shows the host\'s balance, and it falls by exactly a recorded charge', async () => {
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" .client=${client}></credit-balance>`);
    await el.loaded();
    const before = await host<{ credits: string }>('/balance');
    const shown = (credits: string) => new Decimal(credits).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(text(el)).to.contain(shown(before.credits));
    const receipt = await client.recordUsage({ chatId: `wtr-${crypto.randomUUID()}`, records: [{ service: 'openai/gpt-image-1', requests: 1 }] });
    expect(receipt).to.exist;
    await el.refresh();
    const after = await host<{ credits: string }>('/balance');
    expect(new Decimal(before.credits).minus(after.credits).toFixed()).to.equal('30');
    expect(text(el)).to.contain(shown(after.credits));
  });

  it('<credit-usage> draws exactly the host\'s days: the bars add up to the host\'s total', async () => {
    const el = await fixture<CreditUsage>(html`<credit-usage lang="en" .client=${client}></credit-usage>`);
    await waitUntil(() => (el.shadowRoot?.querySelectorAll('rect[data-day]').length ?? 0) > 0, 'bars drawn', { timeout: 10000 });
    const range = el.range!;
    const report = await host<{ total: { credits: string } }>(`/usage?from=${range.from}&to=${range.to}&groupBy=day`);
    const bars = [...el.shadowRoot!.querySelectorAll('rect[data-day]')].map((r) => r.getAttribute('data-credits') ?? '0');
    const sum = bars.reduce((a, b) => a.plus(b), new Decimal(0));
    expect(sum.toFixed()).to.equal(new Decimal(report.total.credits).toFixed());
  });
});

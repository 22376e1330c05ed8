// <credit-chat-cost>: meinGPT's worked chat (523 input + 1,247 output tokens of GPT-4o, 2 tool
// calls = 2.6533 credits), priced client-side and loaded from a fake host through the SDK.
// (Shown text is compared with whitespace collapsed, so Intl's no-break spaces read as spaces.)
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseCatalog, type Catalog, type Usage } from '../../../src/core/index.js';
import '../../../src/elements/chat-cost/index.js';
import type { CreditChatCost } from '../../../src/elements/chat-cost/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { loadJson } from '../../core/load.js';
import { FakeHost, clientFor, shownText } from '../balance/fake-host.js';

const CHAT: Usage[] = [
  { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
  { service: 'meingpt/tool-call', requests: 2 },
];
// 1,000 × 300 / 1M + 1,500 × 1,200 / 1M = 0.3 + 1.8 = 2.10 credits.
const ESTIMATE: Usage[] = [{ service: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 1500 }];

let catalogJson: unknown;
let meingpt: Catalog;
before(async () => {
  catalogJson = await loadJson('/catalog/meingpt.json');
  meingpt = parseCatalog(catalogJson);
});

function rows(el: CreditChatCost): string[][] {
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
}
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
function footerTotal(el: CreditChatCost): string {
  return el.shadowRoot!.querySelector('tfoot .total-cell')!.textContent!.trim();
}
/** Sum of the shown line amounts in hundredths (integers: no float sums). */
function shownSum(el: CreditChatCost): number {
  return rows(el).reduce((sum, r) => sum + Number(r[2]!.replace(/[^\d]/g, '')), 0);
}

function hostWithChat(): FakeHost {
  return new FakeHost({ catalogJson, events: [{ chatId: 'chat-1', at: '2026-11-23T10:00:00.000Z', records: CHAT }] });
}

describe('<credit-chat-cost>', () => {
  it('prices usage with the catalog: This chat cost 2.65 credits (€0.03), lines 0.16 + 1.49 + 1.00', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .usage=${CHAT}></credit-chat-cost>`);
    await el.loaded();
    const pill = el.shadowRoot!.querySelector('button[part~=summary]')!;
    expect(pill.textContent!.replace(/\s+/g, ' ').trim()).to.equal('This chat cost 2.65 credits (€0.03)');
    // Only the figures show; the words are the button's name for a screen reader.
    const visible = pill.cloneNode(true) as HTMLElement;
    visible.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
    expect(visible.textContent!.replace(/\s+/g, '')).to.equal('2.65credits€0.03'); // spaced by CSS gap
    expect(rows(el)).to.deep.equal([
      ['Input tokens', '523', '0.16'],
      ['Output tokens', '1,247', '1.49'],
      ['Tool calls', '2', '1.00'],
    ]);
    expect(footerTotal(el)).to.equal('2.65');
    expect(shownSum(el)).to.equal(265);
    shownText(el);
    await expectAccessible(el);
  });

  it('says "This message cost" for one message (scope="message")', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" scope="message" .catalog=${meingpt} .usage=${CHAT}></credit-chat-cost>`);
    await el.loaded();
    expect(shownText(el)).to.match(/^This message cost 2.65 credits \(€0.03\)/);
  });

  it('opens the breakdown in a popover from the keyboard, placed under the pill, and stays accessible open', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .usage=${CHAT}></credit-chat-cost>`);
    await el.loaded();
    const pill = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~=summary]')!;
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part~=panel]')!;
    expect(pill.getAttribute('aria-expanded')).to.equal('false');
    expect(pill.getAttribute('aria-controls')).to.equal(panel.id);
    pill.focus();
    expect(el.shadowRoot!.activeElement).to.equal(pill);
    pill.click(); // what Enter and Space do on a button
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(true);
    expect(el.open).to.equal(true);
    expect(pill.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => panel.getBoundingClientRect().top > 0, 'the popover is placed');
    expect(panel.getBoundingClientRect().top).to.be.at.least(pill.getBoundingClientRect().bottom);
    await expectAccessible(el);
    el.open = false;
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(false);
    el.open = true;
    await el.updateComplete;
    expect(panel.matches(':popover-open'), 'the open property opens it too').to.equal(true);
    el.open = false;
    await el.updateComplete;
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in ${theme}: the estimate pill, then the bill with its comparison and the popover open`, async () => {
      const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="de" theme=${theme} .catalog=${meingpt} .estimateUsage=${ESTIMATE}></credit-chat-cost>`);
      await el.loaded();
      expect(el.shadowRoot!.querySelector('[part~=summary]')!.getAttribute('part')).to.equal('summary estimate');
      await expectAccessible(el);
      el.usage = CHAT;
      el.open = true;
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('[part=comparison]')!)).to.equal('geschätzt 2,10 → abgerechnet 2,65');
      await expectAccessible(el);
      el.open = false;
      await el.updateComplete;
    });
  }

  it('loads a chat from the host through the SDK: the same lines, adding up to the host charge', async () => {
    const host = hostWithChat();
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" chat-id="chat-1" .client=${clientFor(host)} open></credit-chat-cost>`);
    await el.loaded();
    expect(host.calls).to.deep.equal(['/chats/chat-1']); // no catalog needed: the host priced it
    const charged = host.chat('chat-1')!;
    expect(charged.billedCredits).to.equal('2.6533');
    expect(rows(el).map((r) => r[2])).to.deep.equal(['0.16', '1.49', '1.00']);
    expect(footerTotal(el)).to.equal('2.65');
    expect(shownSum(el)).to.equal(265);
    expect(shownText(el)).to.contain('This chat cost 2.65 credits (€0.03)');
    await expectAccessible(el);
  });

  it('fires credit-cost-change with the exact and shown totals', async () => {
    const el = document.createElement('credit-chat-cost');
    el.lang = 'en';
    el.catalog = meingpt;
    el.usage = CHAT;
    const event = oneEvent(el, 'credit-cost-change');
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ credits: '2.6533', total: '2.65', money: { amount: '0.026533', currency: 'EUR' } });
    el.remove();
  });

  it('shows an estimate before sending, then "estimated 2.10 → billed 2.65", announced once', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .estimateUsage=${ESTIMATE}></credit-chat-cost>`);
    await el.loaded();
    expect(shownText(el)).to.contain('Estimated cost: about 2.10 credits (€0.02)');
    await expectAccessible(el);
    el.usage = CHAT;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=comparison]')!.textContent!.trim()).to.equal('estimated 2.10 → billed 2.65');
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    const region = el.shadowRoot!.querySelector('[role=status]')!;
    expect(region.textContent!.trim()).to.equal('Billed 2.65\u00a0credits; estimated 2.10.');
    await expectAccessible(el);
    // A re-render with the same bill does not announce again.
    el.open = true;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(region.textContent!.trim()).to.equal('Billed 2.65\u00a0credits; estimated 2.10.');
  });

  it('estimates a draft as the chat format sends it: "Hello world" is 9 input tokens, + 1,500 expected output', async () => {
    const el = await fixture<CreditChatCost>(
      html`<credit-chat-cost lang="en" .catalog=${meingpt} service="openai/gpt-4o" expected-output-tokens="1500" draft="Hello world" open></credit-chat-cost>`,
    );
    await el.loaded();
    // "Hello world" is 2 tokens; the chat format adds 3 per message, 1 for the role "user" and 3
    // priming the reply: 9 × 300 / 1M = 0.0027 (shown "< 0.01", not a free "0.00") + 1,500 × 1,200 / 1M = 1.8.
    expect(rows(el)).to.deep.equal([
      ['Your message', '9 tokens', '<\u00a00.01'],
      ['Expected reply', '1,500 tokens', '1.80'],
    ]);
    expect(shownText(el)).to.contain('Estimated cost: about 1.80 credits (€0.02)');
    expect(shownText(el)).to.contain('The reply and tool calls are assumed; the rest is counted.');
    await expectAccessible(el);
  });

  // Issue 14.9: the hand-worked conversation of test/tokenizer/chat-turn.node.test.ts. The system
  // prompt (10 tokens), the conversation so far (23) and the draft (10) are input at 300 / 1M, the
  // expected reply (40) output at 1,200 / 1M, the expected tool call 0.5: 0.5609 credits.
  const SYSTEM = 'You are a helpful assistant.';
  const HISTORY = [
    { role: 'user', content: 'What is the weather in Berlin?' },
    { role: 'assistant', content: 'Light rain, 9 °C.' },
  ];

  it('estimates what sending will be billed, each part a labelled line: system prompt, conversation so far, message, expected reply and tool calls', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} service="openai/gpt-4o" system-prompt=${SYSTEM}
      .messages=${HISTORY} draft="And tomorrow?" expected-output-tokens="40" expected-tool-calls="1" tool-service="meingpt/tool-call" open></credit-chat-cost>`);
    await el.loaded();
    // Shown to 2 places by largest remainder: 0.003, 0.0069, 0.003, 0.048, 0.5 → 0.00, 0.01, 0.00, 0.05, 0.50 = 0.56.
    expect(rows(el)).to.deep.equal([
      ['System prompt', '10 tokens', '<\u00a00.01'],
      ['Conversation so far', '23 tokens', '0.01'],
      ['Your message', '10 tokens', '<\u00a00.01'],
      ['Expected reply', '40 tokens', '0.05'],
      ['Expected tool calls', '1 call', '0.50'],
    ]);
    expect(footerTotal(el)).to.equal('0.56');
    expect(shownText(el)).to.contain('Lines are rounded so that they add up to the total.');
    await expectAccessible(el);
    // The conversation grows: counted again, the estimate follows.
    el.messages = [...HISTORY, { role: 'user', content: 'And tomorrow?' }, { role: 'assistant', content: 'Sunny.' }];
    await el.loaded();
    expect(rows(el)[1]![1]).to.not.equal('23 tokens');
  });

  it('shows a billed turn beside its estimate: they differ only by the reply and the tool calls', async () => {
    const counted = { service: 'openai/gpt-4o', systemTokens: 10, historyTokens: 23, messageTokens: 10, toolService: 'meingpt/tool-call' };
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" scope="message" .catalog=${meingpt}
      .estimateTurn=${{ ...counted, replyTokens: 40, toolCalls: 1 }} .turn=${{ ...counted, replyTokens: 25, toolCalls: 2 }} open></credit-chat-cost>`);
    await el.loaded();
    // 0.0129 + 25 × 1,200 / 1M (0.03) + 2 × 0.5 = 1.0429 credits.
    expect(rows(el).map((r) => r.slice(0, 2))).to.deep.equal([
      ['System prompt', '10 tokens'],
      ['Conversation so far', '23 tokens'],
      ['Your message', '10 tokens'],
      ['Reply', '25 tokens'],
      ['Tool calls', '2 calls'],
    ]);
    expect(el.shadowRoot!.querySelector('[part=comparison]')!.textContent!.trim()).to.equal('estimated 0.56 → billed 1.04');
    await expectAccessible(el);
  });

  it('writes a line that rounds to zero as "< 0.01", not a free "0.00" (issue 14.12: "Input tokens 15 – 0.00")', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="de" .catalog=${meingpt} .usage=${[{ service: 'openai/gpt-4o', inputTokens: 15, outputTokens: 1247 }]} open></credit-chat-cost>`);
    await el.loaded();
    // 15 × 300 / 1M = 0.0045 and 1.4964: 1.5009 → 1,50, the step to the output line (larger remainder).
    expect(rows(el)).to.deep.equal([
      ['Eingabe-Tokens', '15', '<\u00a00,01'],
      ['Ausgabe-Tokens', '1.247', '1,50'],
    ]);
    expect(shownText(el)).to.contain('Die Posten sind so gerundet, dass sie die Summe ergeben.');
  });

  it('writes a total that rounds to zero as "< 0.01 credits"', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .usage=${[{ service: 'openai/gpt-4o', inputTokens: 15 }]}></credit-chat-cost>`);
    await el.loaded();
    expect(shownText(el)).to.contain('This chat cost < 0.01 credits (less than €0.01)');
  });

  it('speaks German: Dieser Chat kostete 2,65 Credits (0,03 €)', async () => {
    const el = await fixture<CreditChatCost>(html`<div lang="de"><credit-chat-cost .catalog=${meingpt} .usage=${CHAT} open></credit-chat-cost></div>`);
    const badge = el.querySelector('credit-chat-cost')!;
    await badge.loaded();
    expect(badge.shadowRoot!.querySelector('[part~=summary]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Dieser Chat kostete 2,65 Credits (0,03 €)');
    expect(rows(badge)).to.deep.equal([
      ['Eingabe-Tokens', '523', '0,16'],
      ['Ausgabe-Tokens', '1.247', '1,49'],
      ['Tool-Aufrufe', '2', '1,00'],
    ]);
    await expectAccessible(badge);
  });

  it('shows loading, then an error with a retry that recovers, firing credit-error', async () => {
    const host = hostWithChat();
    host.failure = { status: 500 };
    const el = document.createElement('credit-chat-cost');
    el.lang = 'en';
    el.chatId = 'chat-1';
    el.client = clientFor(host);
    const failed = oneEvent(el, 'credit-error');
    document.body.append(el);
    await el.updateComplete;
    expect(shownText(el)).to.equal('Loading the cost of this chat…');
    await expectAccessible(el);
    const { detail } = await failed;
    expect(detail.error.name).to.equal('InternalServerError');
    await el.loaded();
    expect(shownText(el)).to.match(/^The cost of this chat could not be shown\. .*500.* Retry$/);
    await expectAccessible(el);
    host.failure = undefined;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await el.loaded();
    expect(shownText(el)).to.contain('This chat cost 2.65 credits');
    el.remove();
  });

  it('says so when the host has no usage for the chat yet (404), and stays accessible', async () => {
    const host = hostWithChat();
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" chat-id="new-chat" .client=${clientFor(host)}></credit-chat-cost>`);
    await el.loaded();
    expect(shownText(el)).to.equal('No usage recorded for this chat yet.');
    await expectAccessible(el);
  });

  it('names what is wrong with bad usage instead of crashing', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .usage=${[{ service: 'nope/model', inputTokens: 5 }]}></credit-chat-cost>`);
    await el.loaded();
    expect(shownText(el)).to.match(/^The cost of this chat could not be shown\. .*nope\/model/);
    await expectAccessible(el);
  });

  it('shows "less than €0.01" rather than €0.00 for a tiny charge', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${meingpt} .usage=${[{ service: 'openai/gpt-4o', inputTokens: 100 }]}></credit-chat-cost>`);
    await el.loaded();
    // 100 × 300 / 1M = 0.03 credits = €0.0003
    expect(shownText(el)).to.contain('This chat cost 0.03 credits (less than €0.01)');
  });

  it('prices with the client catalog when given no catalog', async () => {
    const host = hostWithChat();
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .client=${clientFor(host)} .usage=${CHAT}></credit-chat-cost>`);
    await el.loaded();
    expect(host.calls).to.deep.equal(['/catalog']);
    expect(footerTotal(el)).to.equal('2.65');
  });
});

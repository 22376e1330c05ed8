// <credit-chat-cost> names how each line was priced (issue 16 item 5): the long-context tier, cache
// reads, cache writes (5 min, 1 h, and "at the input price" where the catalog has no cache-write
// price), reasoning tokens and the service tier, each its own line, from the charge's lines.
// Providers' published prices (USD per 1M tokens), 1 credit = $0.01.
import { expect, fixture, html } from '@open-wc/testing';
import { parseCatalog, type Usage } from '../../../src/core/index.js';
import '../../../src/elements/chat-cost/index.js';
import type { CreditChatCost } from '../../../src/elements/chat-cost/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { llmCatalogJson } from '../../core/load.js';

const llm = { billingType: 'llm', unit: 'tokens-1m' } as const;
const catalog = parseCatalog(
  llmCatalogJson([
    // Claude Sonnet 4.5: $3 / $15, cache reads $0.30, writes $3.75 (5 min) / $6 (1 h); no reasoning price (reasoning at the output price).
    { ...llm, id: 'anthropic/claude-sonnet-4.5', brand: 'Anthropic', model: 'Claude Sonnet 4.5', prices: { platform: { input: '300', output: '1500', cachedInput: '30', cacheWrite: '375', cacheWrite1h: '600' } } },
    // GPT-4.1: $2 / $8, batch $1 / $4; no cache-write price.
    { ...llm, id: 'openai/gpt-4.1', brand: 'OpenAI', model: 'GPT-4.1', prices: { platform: { input: '200', output: '800' } }, serviceTiers: { batch: { prices: { platform: { input: '100', output: '400' } } } } },
    // Gemini 2.5 Pro: $1.25 / $10, $2.50 / $15 above 200K input tokens.
    { ...llm, id: 'google/gemini-2.5-pro', brand: 'Google', model: 'Gemini 2.5 Pro', prices: { platform: { input: '125', output: '1000' } }, tiers: [{ above: 200_000, prices: { platform: { input: '250', output: '1500' } } }] },
  ]),
);

const USAGE: Usage[] = [
  // 1,000 × 300 / 1M = 0.3; 1,000 cached × 30 / 1M = 0.03; 2,000 × 375 / 1M = 0.75; 1,000 × 600 / 1M = 0.6;
  // output 500 of which 200 reasoning: 300 × 1,500 / 1M = 0.45 and 200 × 1,500 / 1M = 0.3 → 2.43
  { service: 'anthropic/claude-sonnet-4.5', inputTokens: 1000, cachedInputTokens: 1000, cacheWriteTokens: 2000, cacheWrite1hTokens: 1000, outputTokens: 500, reasoningTokens: 200 },
  // Batch: 10,000 × 100 / 1M = 1; 1,000 cache writes at the batch input price: 0.1 → 1.1
  { service: 'openai/gpt-4.1', inputTokens: 10_000, cacheWriteTokens: 1000, serviceTier: 'batch' },
  // 250,000 × 250 / 1M = 62.5; 1,000 × 1,500 / 1M = 1.5 → 64
  { service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1000 },
];

const rows = (el: CreditChatCost) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

describe('<credit-chat-cost>: how each line was priced', () => {
  it('shows the tier, cache reads and writes, reasoning and the service tier as lines adding up to 67.53', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="en" .catalog=${catalog} .usage=${USAGE} open></credit-chat-cost>`);
    await el.loaded();
    expect(rows(el)).to.deep.equal([
      ['Input tokens · Claude Sonnet 4.5', '1,000', '0.30'],
      ['Cache reads · Claude Sonnet 4.5', '1,000', '0.03'],
      ['Cache writes (5 min) · Claude Sonnet 4.5', '2,000', '0.75'],
      ['Cache writes (1 h) · Claude Sonnet 4.5', '1,000', '0.60'],
      ['Output tokens · Claude Sonnet 4.5', '300', '0.45'],
      ['Reasoning tokens · Claude Sonnet 4.5, at the output price', '200', '0.30'],
      ['Input tokens · GPT-4.1, Batch', '10,000', '1.00'],
      ['Cache writes (5 min) · GPT-4.1, Batch · at the input price', '1,000', '0.10'],
      ['Input tokens · Gemini 2.5 Pro, priced above 200K tokens', '250,000', '62.50'],
      ['Output tokens · Gemini 2.5 Pro, priced above 200K tokens', '1,000', '1.50'],
    ]);
    // 2.43 + 1.1 + 64 = 67.53
    expect(el.shadowRoot!.querySelector('tfoot .total-cell')!.textContent!.trim()).to.equal('67.53');
    for (const theme of ['light', 'dark']) {
      el.setAttribute('theme', theme);
      await el.updateComplete;
      await expectAccessible(el);
    }
  });

  it('in German', async () => {
    const el = await fixture<CreditChatCost>(html`<credit-chat-cost lang="de" .catalog=${catalog} .usage=${USAGE} open></credit-chat-cost>`);
    await el.loaded();
    const labels = rows(el).map((r) => r[0]);
    expect(labels[1]).to.equal('Cache-Lesezugriffe · Claude Sonnet 4.5');
    expect(labels[7]).to.equal('Cache-Schreibvorgänge (5 Min.) · GPT-4.1, Batch · zum Eingabepreis');
    expect(labels[8]).to.equal('Eingabe-Tokens · Gemini 2.5 Pro, Preis über 200K Tokens');
  });
});

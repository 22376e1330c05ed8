// The planner's price levers of issue 16: a share of requests through the batch tier, shares of
// the prompt read from and written to the provider's cache (5 minutes, 1 hour), and a long prompt
// priced at its long-context tier. Golden cases worked by hand from the providers' published
// prices (USD per 1M tokens) in a catalog where 1 credit = $0.01 ($2 per 1M = 200 credits per 1M).
import { expect } from '@open-wc/testing';
import { llmCatalogJson } from '../load.js';
import { parseCatalog, simulateMonth, UsageError, type Catalog, type Scenario, type Workload } from '../../../src/core/index.js';
import { sumDecimals } from '../../../src/core/money.js';

const llm = { billingType: 'llm', unit: 'tokens-1m', contextWindow: 1_000_000 } as const;
const providers: Catalog = parseCatalog(
  llmCatalogJson([
    // GPT-4.1: $2 / $8 per 1M standard, $1 / $4 batch.
    { ...llm, id: 'openai/gpt-4.1', brand: 'OpenAI', model: 'GPT-4.1', prices: { platform: { input: '200', output: '800' } }, serviceTiers: { batch: { prices: { platform: { input: '100', output: '400' } } } } },
    // Claude Sonnet 4.5: $3 / $15, cache writes $3.75 (5 min) / $6 (1 h), reads $0.30; above 200K input: $6 / $22.50, writes $7.50 / $12, reads $0.60.
    {
      ...llm,
      id: 'anthropic/claude-sonnet-4.5',
      brand: 'Anthropic',
      model: 'Claude Sonnet 4.5',
      prices: { platform: { input: '300', output: '1500', cachedInput: '30', cacheWrite: '375', cacheWrite1h: '600' } },
      tiers: [{ above: 200_000, prices: { platform: { input: '600', output: '2250', cachedInput: '60', cacheWrite: '750', cacheWrite1h: '1200' } } }],
    },
    // Gemini 2.5 Pro: $1.25 / $10, $2.50 / $15 above 200K input tokens; no batch tier here.
    { ...llm, id: 'google/gemini-2.5-pro', brand: 'Google', model: 'Gemini 2.5 Pro', prices: { platform: { input: '125', output: '1000' } }, tiers: [{ above: 200_000, prices: { platform: { input: '250', output: '1500' } } }] },
  ]),
);

/** One user, one day, one request a day: the month is one request. */
const once = (w: Omit<Workload, 'requestsPerUserPerDay'>, requests = 1): Scenario => ({
  version: 1,
  period: { basis: 'calendar', days: 1 },
  users: 1,
  workloads: [{ requestsPerUserPerDay: requests, ...w }],
});

describe('batch share', () => {
  const gpt = { service: 'openai/gpt-4.1', inputTokens: 1_000_000, outputTokens: 100_000 };

  it('GPT-4.1, 1,000,000 input + 100,000 output: 280 credits standard, 140 all batch, 210 half batch', () => {
    // standard: 1M × 200 / 1M = 200 + 100,000 × 800 / 1M = 80 → 280; batch: 100 + 40 = 140.
    expect(simulateMonth(providers, once(gpt)).credits).to.equal('280');
    expect(simulateMonth(providers, once({ ...gpt, batchShare: 1 })).credits).to.equal('140');
    // Half of each quantity at each price: (280 + 140) / 2 = 210.
    const half = simulateMonth(providers, once({ ...gpt, batchShare: 0.5 }));
    expect(half.credits).to.equal('210');
    expect(half.lines.map((l) => [l.kind, l.quantity, l.serviceTier ?? 'standard', l.credits])).to.deep.equal([
      ['inputTokens', '500000', 'standard', '100'],
      ['outputTokens', '50000', 'standard', '40'],
      ['inputTokens', '500000', 'batch', '50'],
      ['outputTokens', '50000', 'batch', '20'],
    ]);
  });

  it('40 % of 30 requests a day for 21 days: shares of whole monthly totals that add up to them', () => {
    // 630 requests × 1,000 input = 630,000 tokens; 40 % = 252,000 batch, 378,000 standard.
    const r = simulateMonth(providers, { ...once({ service: 'openai/gpt-4.1', inputTokens: 1000, outputTokens: 0, batchShare: 0.4 }, 30), period: { basis: 'calendar', days: 21 } });
    const input = r.lines.filter((l) => l.kind === 'inputTokens');
    expect(input.map((l) => [l.quantity, l.serviceTier ?? 'standard'])).to.deep.equal([
      ['378000', 'standard'],
      ['252000', 'batch'],
    ]);
    // 378,000 × 200 / 1M = 75.6; 252,000 × 100 / 1M = 25.2; 100.8
    expect(r.credits).to.equal('100.8');
    expect(sumDecimals(r.lines.map((l) => l.credits))).to.equal(r.credits);
  });

  it('a service without a batch tier is an error at the lever, never the standard price', () => {
    const run = () => simulateMonth(providers, once({ service: 'google/gemini-2.5-pro', inputTokens: 1000, outputTokens: 10, batchShare: 0.5 }));
    expect(run).to.throw(UsageError);
    try {
      run();
    } catch (error) {
      expect((error as UsageError).issues).to.deep.equal([{ path: 'workloads[0].batchShare', message: 'google/gemini-2.5-pro offers no batch tier with key mode "platform"' }]);
    }
  });
});

describe('prompt cache shares', () => {
  it('Claude: 4,000 input of which 2,000 written for 5 min and 1,000 for 1 h, + 500 output = 2.4 credits', () => {
    // 1,000 × 300 / 1M = 0.3; 2,000 × 375 / 1M = 0.75; 1,000 × 600 / 1M = 0.6; 500 × 1,500 / 1M = 0.75 → 2.4
    const r = simulateMonth(providers, once({ service: 'anthropic/claude-sonnet-4.5', inputTokens: 4000, outputTokens: 500, cacheWriteShare: 0.5, cacheWrite1hShare: 0.25 }));
    expect(r.credits).to.equal('2.4');
    expect(r.lines.map((l) => [l.kind, l.quantity, l.credits])).to.deep.equal([
      ['inputTokens', '1000', '0.3'],
      ['cacheWriteTokens', '2000', '0.75'],
      ['cacheWrite1hTokens', '1000', '0.6'],
      ['outputTokens', '500', '0.75'],
    ]);
  });

  it('where the catalog has no cache-write price, the input price applies and the line says so', () => {
    // GPT-4.1: 1,000 input, 30 % written: 300 × 200 / 1M = 0.06 priced as input; 700 × 200 / 1M = 0.14.
    const r = simulateMonth(providers, once({ service: 'openai/gpt-4.1', inputTokens: 1000, outputTokens: 0, cacheWriteShare: 0.3 }));
    const write = r.lines.find((l) => l.kind === 'cacheWriteTokens')!;
    expect([write.quantity, write.pricedAs, write.credits]).to.deep.equal(['300', 'input', '0.06']);
    expect(r.credits).to.equal('0.2');
  });

  it('shares of one input add up to at most the whole', () => {
    const bad = once({ service: 'anthropic/claude-sonnet-4.5', inputTokens: 1000, outputTokens: 0, cacheReadShare: 0.5, cacheWriteShare: 0.3, cacheWrite1hShare: 0.3 });
    expect(() => simulateMonth(providers, bad)).to.throw(UsageError, /workloads\[0\]\.cacheWriteShare: cache reads and writes are shares of one input: together at most 1, got 1\.1/);
  });
});

describe('long prompts at their long-context tier', () => {
  it('Gemini 2.5 Pro, 250,000 input + 1,000 output: 64 credits, every line at the tier', () => {
    // 250,000 × 250 / 1M = 62.5; 1,000 × 1,500 / 1M = 1.5 → 64
    const r = simulateMonth(providers, once({ service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1000 }));
    expect(r.credits).to.equal('64');
    expect(r.lines.map((l) => [l.kind, l.tierAbove])).to.deep.equal([
      ['inputTokens', 200_000],
      ['outputTokens', 200_000],
    ]);
  });

  it('100,000 input + 1,000 output stays at the base price: 13.5 credits, no tier on its lines', () => {
    // 100,000 × 125 / 1M = 12.5 + 1 = 13.5
    const r = simulateMonth(providers, once({ service: 'google/gemini-2.5-pro', inputTokens: 100_000, outputTokens: 1000 }));
    expect(r.credits).to.equal('13.5');
    expect(r.lines.some((l) => l.tierAbove !== undefined)).to.equal(false);
  });

  it('cache writes count towards the threshold: Claude, 250,000 input of which 40 % written for 5 min', () => {
    // 150,000 plain + 100,000 written = 250,000 > 200K: at the tier.
    // 150,000 × 600 / 1M = 90; 100,000 × 750 / 1M = 75; 1,000 × 2,250 / 1M = 2.25 → 167.25
    const r = simulateMonth(providers, once({ service: 'anthropic/claude-sonnet-4.5', inputTokens: 250_000, outputTokens: 1000, cacheWriteShare: 0.4 }));
    expect(r.credits).to.equal('167.25');
    expect(r.lines.every((l) => l.tierAbove === 200_000)).to.equal(true);
  });

  it('many long requests split into records that each stay inside the tier, cache shares and all', () => {
    // 7 requests × 200,001 input: each just above 200K. 1,400,007 tokens; 1/3 read from the cache
    // (466,669 after rounding half-up), the rest plain (933,338), all at the tier:
    // 933,338 × 600 / 1M = 560.0028; 466,669 × 60 / 1M = 28.00014 → 588.00294
    const r = simulateMonth(providers, once({ service: 'anthropic/claude-sonnet-4.5', inputTokens: 200_001, outputTokens: 0, cacheReadShare: 1 / 3 }, 7));
    expect(r.lines.map((l) => [l.kind, l.quantity, l.tierAbove])).to.deep.equal([
      ['inputTokens', '933338', 200_000],
      ['cachedInputTokens', '466669', 200_000],
    ]);
    expect(r.credits).to.equal('588.00294');
  });

  it('many shorter requests stay at the base price however the month is split into records', () => {
    // 10 requests × 150,000 input = 1,500,000 tokens, each request below 200K; 1/3 read from the
    // cache (500,000), 1,000,000 plain: 1,000,000 × 300 / 1M = 300; 500,000 × 30 / 1M = 15 → 315
    const r = simulateMonth(providers, once({ service: 'anthropic/claude-sonnet-4.5', inputTokens: 150_000, outputTokens: 0, cacheReadShare: 1 / 3 }, 10));
    expect(r.lines.map((l) => [l.kind, l.quantity, l.tierAbove])).to.deep.equal([
      ['inputTokens', '1000000', undefined],
      ['cachedInputTokens', '500000', undefined],
    ]);
    expect(r.credits).to.equal('315');
  });
});

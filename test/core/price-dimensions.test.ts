// Every way the providers bill, as prices of one service: long-context tiers, service tiers
// (batch, flex, priority), cache writes (5 minutes and 1 hour), reasoning tokens and web searches.
// Golden cases worked by hand from the providers' published prices (USD per 1M tokens) in a
// catalog where 1 credit = $0.01, so a price of $1.25 per 1M is 125 credits per 1M.
import { expect } from '@open-wc/testing';
import { llmCatalogJson } from './load.js';
import { CatalogError, NotOfferedError, UsageError, parseCatalog, rate, rateMany, type Catalog, type CatalogInput } from '../../src/core/index.js';

function catalogOf(services: CatalogInput['services']): Catalog {
  return parseCatalog(llmCatalogJson(services));
}

const llm = { billingType: 'llm', unit: 'tokens-1m' } as const;
const providers = catalogOf([
  // Gemini 2.5 Pro: $1.25 / $10 per 1M, $2.50 / $15 above 200K input tokens.
  { ...llm, id: 'google/gemini-2.5-pro', brand: 'Google', model: 'Gemini 2.5 Pro', prices: { platform: { input: '125', output: '1000' } }, tiers: [{ above: 200_000, prices: { platform: { input: '250', output: '1500' } } }] },
  // Claude Sonnet 4.5: $3 / $15 per 1M, cache writes $3.75 (5 min) and $6 (1 h), cache reads $0.30.
  { ...llm, id: 'anthropic/claude-sonnet-4.5', brand: 'Anthropic', model: 'Claude Sonnet 4.5', prices: { platform: { input: '300', output: '1500', cachedInput: '30', cacheWrite: '375', cacheWrite1h: '600' } } },
  // GPT-4.1: $2 / $8 per 1M standard, $1 / $4 batch; web search $10 per 1K calls = 1 credit a call.
  { ...llm, id: 'openai/gpt-4.1', brand: 'OpenAI', model: 'GPT-4.1', prices: { platform: { input: '200', output: '800', webSearch: '1' } }, serviceTiers: { batch: { prices: { platform: { input: '100', output: '400' } } } } },
  // o4-mini: $1.10 / $4.40 per 1M, reasoning billed as output (no reasoning price of its own).
  { ...llm, id: 'openai/o4-mini', brand: 'OpenAI', model: 'o4-mini', prices: { platform: { input: '110', output: '440' } } },
]);

describe('long-context tiers: the whole request at the tier price once its input passes the threshold', () => {
  it('Gemini 2.5 Pro, 100,000 input + 1,000 output: 13.5 credits at the base price', () => {
    // 100,000 × 125 / 1M = 12.5; 1,000 × 1,000 / 1M = 1; 12.5 + 1 = 13.5
    const charge = rate(providers, { service: 'google/gemini-2.5-pro', inputTokens: 100_000, outputTokens: 1_000 });
    expect(charge.credits).to.equal('13.5');
    expect(charge.lines.every((l) => l.tier === undefined)).to.equal(true);
  });

  it('Gemini 2.5 Pro, 250,000 input + 1,000 output: 64 credits, output at the tier price too', () => {
    // 250,000 × 250 / 1M = 62.5; 1,000 × 1,500 / 1M = 1.5; 62.5 + 1.5 = 64
    const charge = rate(providers, { service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1_000 });
    expect(charge.credits).to.equal('64');
    expect(charge.lines.map((l) => [l.kind, l.unitPrice, l.tier])).to.deep.equal([
      ['inputTokens', '250', 0],
      ['outputTokens', '1500', 0],
    ]);
  });

  it('counts cached input towards the threshold: 150,000 + 60,000 cached passes 200K', () => {
    // Cache reads fall back to the tier's input price: 150,000 × 250 / 1M = 37.5; 60,000 × 250 / 1M = 15.
    expect(rate(providers, { service: 'google/gemini-2.5-pro', inputTokens: 150_000, cachedInputTokens: 60_000 }).credits).to.equal('52.5');
  });

  it('refuses a tier priced below its base, naming it', () => {
    expect(() => catalogOf([{ ...llm, id: 'x/y', brand: 'X', model: 'Y', prices: { platform: { input: '125' } }, tiers: [{ above: 1000, prices: { platform: { input: '100' } } }] }]))
      .to.throw(CatalogError, /services\[0\]\.tiers\[0\]\.prices\.platform\.input: 100 is below the base price 125/);
  });
});

describe('cache writes', () => {
  it('Claude: 1,000 input + 2,000 cache-write (5 min) + 1,000 cache-write (1 h) + 500 output = 2.4 credits', () => {
    // 1,000 × 300 / 1M = 0.3; 2,000 × 375 / 1M = 0.75; 1,000 × 600 / 1M = 0.6; 500 × 1,500 / 1M = 0.75; sum 2.4
    const charge = rate(providers, { service: 'anthropic/claude-sonnet-4.5', inputTokens: 1000, cacheWriteTokens: 2000, cacheWrite1hTokens: 1000, outputTokens: 500 });
    expect(charge.credits).to.equal('2.4');
    expect(charge.lines.map((l) => [l.kind, l.credits])).to.deep.equal([
      ['inputTokens', '0.3'],
      ['cacheWriteTokens', '0.75'],
      ['cacheWrite1hTokens', '0.6'],
      ['outputTokens', '0.75'],
    ]);
  });

  it('without a cache-write price, the input price applies and the line says so', () => {
    // 10,000 × 200 / 1M = 2 credits, priced as input.
    const [line] = rate(providers, { service: 'openai/gpt-4.1', cacheWriteTokens: 10_000 }).lines;
    expect([line!.kind, line!.unitPrice, line!.pricedAs, line!.credits]).to.deep.equal(['cacheWriteTokens', '200', 'input', '2']);
  });
});

describe('service tiers', () => {
  it('GPT-4.1, 1,000,000 input + 100,000 output: 280 credits standard, 140 batch', () => {
    // standard: 1M × 200 / 1M = 200; 100,000 × 800 / 1M = 80 → 280. batch: 100 + 40 = 140.
    const usage = { service: 'openai/gpt-4.1', inputTokens: 1_000_000, outputTokens: 100_000 };
    expect(rate(providers, usage).credits).to.equal('280');
    expect(rate(providers, { ...usage, serviceTier: 'standard' }).credits).to.equal('280');
    const batch = rate(providers, { ...usage, serviceTier: 'batch' });
    expect(batch.credits).to.equal('140');
    expect(batch.lines.map((l) => l.serviceTier)).to.deep.equal(['batch', 'batch']);
    // Mixed in one rateMany: one line per (service tier, kind); 280 + 140 = 420.
    expect(rateMany(providers, [usage, { ...usage, serviceTier: 'batch' }]).credits).to.equal('420');
  });

  it('a tier the service does not offer is NotOfferedError, never the standard price', () => {
    expect(() => rate(providers, { service: 'openai/gpt-4.1', inputTokens: 1, serviceTier: 'priority' })).to.throw(NotOfferedError, /openai\/gpt-4\.1 .*no priority tier/);
    expect(() => rate(providers, { service: 'google/gemini-2.5-pro', inputTokens: 1, serviceTier: 'flex' })).to.throw(NotOfferedError, /no flex tier/);
  });

  it('a batch tier without long-context prices does not price a long request at the standard tier price', () => {
    const c = catalogOf([{ ...llm, id: 'g/long', brand: 'G', model: 'Long', prices: { platform: { input: '125', output: '1000' } }, tiers: [{ above: 200_000, prices: { platform: { input: '250', output: '1500' } } }], serviceTiers: { batch: { prices: { platform: { input: '62.5', output: '500' } } } } }]);
    expect(rate(c, { service: 'g/long', inputTokens: 100_000, serviceTier: 'batch' }).credits).to.equal('6.25');
    expect(() => rate(c, { service: 'g/long', inputTokens: 250_000, serviceTier: 'batch' })).to.throw(NotOfferedError, /no input price above 200000 input tokens in the batch tier/);
  });

  it('refuses a service tier that is no tier, naming the field', () => {
    expect(() => rate(providers, { service: 'openai/gpt-4.1', inputTokens: 1, serviceTier: 'cheap' as 'batch' })).to.throw(UsageError, /serviceTier: expected one of standard, batch, flex, priority, got "cheap"/);
  });
});

describe('reasoning tokens and web searches', () => {
  it('reasoning is a part of output, its own line at the output price where there is no reasoning price', () => {
    // o4-mini: 1,000 input × 110 / 1M = 0.11; 800 plain output × 440 / 1M = 0.352; 1,200 reasoning × 440 / 1M = 0.528.
    const charge = rate(providers, { service: 'openai/o4-mini', inputTokens: 1000, outputTokens: 2000, reasoningTokens: 1200 });
    expect(charge.lines.map((l) => [l.kind, l.quantity, l.credits, l.pricedAs])).to.deep.equal([
      ['inputTokens', '1000', '0.11', undefined],
      ['outputTokens', '800', '0.352', undefined],
      ['reasoningTokens', '1200', '0.528', 'output'],
    ]);
    // The same as 2,000 output tokens: 0.11 + 0.88 = 0.99.
    expect(charge.credits).to.equal('0.99');
  });

  it('refuses more reasoning than output, or reasoning without output, naming the field', () => {
    expect(() => rate(providers, { service: 'openai/o4-mini', outputTokens: 10, reasoningTokens: 11 })).to.throw(UsageError, /reasoningTokens: is a part of outputTokens \(10\), so at most that, got 11/);
    expect(() => rate(providers, { service: 'openai/o4-mini', inputTokens: 10, reasoningTokens: 1 })).to.throw(UsageError, /reasoningTokens: is a part of outputTokens, which is missing/);
  });

  it('web searches are priced per call: 3 searches at 1 credit', () => {
    const charge = rate(providers, { service: 'openai/gpt-4.1', inputTokens: 0, webSearches: 3 });
    expect(charge.lines.find((l) => l.kind === 'webSearches')!.credits).to.equal('3');
    expect(() => rate(providers, { service: 'openai/o4-mini', webSearches: 1 })).to.throw(UsageError, /webSearches: does not apply to openai\/o4-mini/);
  });
});

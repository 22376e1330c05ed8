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

// Images generated by size and quality, audio tokens and audio seconds in and out, at OpenAI's
// published list prices (LiteLLM's model_prices_and_context_window.json carries the same figures),
// 1 credit = $0.01.
const media = catalogOf([
  // gpt-image-1 per image: 1024×1024 low $0.011, medium $0.042, high $0.167; 1536×1024 medium $0.063, high $0.25.
  {
    ...llm, id: 'openai/gpt-image-1', brand: 'OpenAI', model: 'gpt-image-1',
    prices: { platform: { input: '500', generatedImages: { '1024x1024/low': '1.1', '1024x1024/medium': '4.2', '1024x1024/high': '16.7', '1536x1024/medium': '6.3', '1536x1024/high': '25', '1024x1536/high': null } } },
    serviceTiers: { batch: { prices: { platform: { input: '250', generatedImages: { '1024x1024/high': '8.35' } } } } },
  },
  // DALL·E 2 prices by size alone: 1024×1024 $0.02, 512×512 $0.018.
  { id: 'openai/dall-e-2', brand: 'OpenAI', model: 'DALL·E 2', billingType: 'llm', unit: 'images', prices: { platform: { generatedImages: { '1024x1024': '2', '512x512': '1.8' } } } },
  // gpt-4o-audio-preview: text $2.50 / $10, audio $40 / $80 per 1M tokens.
  { ...llm, id: 'openai/gpt-4o-audio-preview', brand: 'OpenAI', model: 'GPT-4o audio', prices: { platform: { input: '250', output: '1000', inputAudio: '4000', outputAudio: '8000' } } },
  // whisper-1: $0.006 a minute of audio in; gpt-4o-mini-tts: $0.015 a minute of audio out (OpenAI's estimate).
  { id: 'openai/whisper-1', brand: 'OpenAI', model: 'Whisper', billingType: 'llm', unit: 'seconds-60', prices: { platform: { audio: '0.6' } } },
  { id: 'openai/gpt-4o-mini-tts', brand: 'OpenAI', model: 'gpt-4o-mini-tts', billingType: 'llm', unit: 'seconds-60', prices: { platform: { audioOutput: '1.5' } } },
]);

describe('generated images by size and quality', () => {
  it('gpt-image-1: 3 images 1024×1024 high + 2 images 1536×1024 medium + 1 image 1024×1024 low = 63.8 credits, a line per variant', () => {
    // 3 × 16.7 = 50.1; 2 × 6.3 = 12.6; 1 × 1.1 = 1.1; 50.1 + 12.6 + 1.1 = 63.8
    const charge = rate(media, {
      service: 'openai/gpt-image-1',
      generatedImages: [{ size: '1024x1024', quality: 'high', count: 3 }, { size: '1536x1024', quality: 'medium', count: 2 }, { size: '1024x1024', quality: 'low' }],
    });
    expect(charge.credits).to.equal('63.8');
    expect(charge.lines.map((l) => [l.kind, l.quantity, l.image, l.unit, l.unitPrice, l.credits])).to.deep.equal([
      ['generatedImages', '3', { size: '1024x1024', quality: 'high' }, 'images', '16.7', '50.1'],
      ['generatedImages', '2', { size: '1536x1024', quality: 'medium' }, 'images', '6.3', '12.6'],
      ['generatedImages', '1', { size: '1024x1024', quality: 'low' }, 'images', '1.1', '1.1'],
    ]);
  });

  it('rateMany sums each variant over records, beside the prompt tokens: 1,000 records = 17,200 credits', () => {
    // per record: 1,000 input × 500 / 1M = 0.5, and one 1024×1024 high image 16.7; 0.5 + 16.7 = 17.2;
    // 1,000 records × 17.2 = 17,200 credits, in two lines (input tokens, images).
    const records = Array.from({ length: 1000 }, () => ({ service: 'openai/gpt-image-1', inputTokens: 1000, generatedImages: [{ size: '1024x1024', quality: 'high' }] }));
    const charge = rateMany(media, records);
    expect(charge.credits).to.equal('17200');
    expect(charge.lines.map((l) => [l.kind, l.quantity])).to.deep.equal([['inputTokens', '1000000'], ['generatedImages', '1000']]);
  });

  it('prices by size alone where the service does (DALL·E 2: 4 × 1024×1024 + 1 × 512×512 = 9.8 credits)', () => {
    // 4 × 2 = 8; 1 × 1.8 = 1.8; 9.8
    expect(rate(media, { service: 'openai/dall-e-2', generatedImages: [{ size: '1024x1024', count: 4 }, { size: '512x512' }] }).credits).to.equal('9.8');
  });

  it('the batch tier prices images at its own prices: 2 × 1024×1024 high = 16.7 credits', () => {
    // 2 × 8.35 = 16.7
    expect(rate(media, { service: 'openai/gpt-image-1', serviceTier: 'batch', generatedImages: [{ size: '1024x1024', quality: 'high', count: 2 }] }).credits).to.equal('16.7');
  });

  it('a size or quality the catalog does not price is NotOfferedError, never another variant or 0', () => {
    expect(() => rate(media, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1536', quality: 'high' }] })).to.throw(NotOfferedError, /no price for generated images 1024×1536 high/);
    expect(() => rate(media, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1024' }] })).to.throw(NotOfferedError, /no price for generated images 1024×1024\)$/);
    expect(() => rate(media, { service: 'openai/dall-e-2', generatedImages: [{ size: '1024x1024', quality: 'hd' }] })).to.throw(NotOfferedError, /1024×1024 hd/);
    expect(() => rate(media, { service: 'openai/gpt-image-1', serviceTier: 'batch', generatedImages: [{ size: '1536x1024', quality: 'high' }] })).to.throw(NotOfferedError, /1536×1024 high in the batch tier/);
    expect(() => rateMany(media, [{ service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1024', quality: 'low' }] }, { service: 'openai/gpt-image-1', generatedImages: [{ size: '4096x4096', quality: 'low' }] }])).to.throw(NotOfferedError, /4096×4096 low/);
  });

  it('refuses malformed images and images on a service that prices none, naming the field', () => {
    expect(() => rate(media, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024', quality: 'high' }] })).to.throw(UsageError, /generatedImages\[0\]\.size: expected width x height in pixels such as "1024x1024", got "1024"/);
    expect(() => rate(media, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1024', count: -1 }] })).to.throw(UsageError, /generatedImages\[0\]\.count: expected a non-negative whole number/);
    expect(() => rate(media, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1024', style: 'vivid' } as never] })).to.throw(UsageError, /generatedImages\[0\]\.style: unknown field/);
    expect(() => rate(media, { service: 'openai/gpt-4o-audio-preview', generatedImages: [{ size: '1024x1024' }] })).to.throw(UsageError, /generatedImages: does not apply to openai\/gpt-4o-audio-preview/);
  });

  it('the catalog refuses a variant that is no size and quality', () => {
    expect(() => catalogOf([{ ...llm, id: 'x/y', brand: 'X', model: 'Y', prices: { platform: { generatedImages: { 'big/high': '1' } } } }])).to.throw(CatalogError, /generatedImages\.big\/high.*expected an image size and quality such as "1024x1024\/high"/);
    expect(() => catalogOf([{ id: 'x/y', brand: 'X', model: 'Y', billingType: 'llm', unit: 'seconds-60', prices: { platform: { generatedImages: { '1024x1024': '1' } } } }])).to.throw(CatalogError, /a "generatedImages" price does not apply to unit "seconds-60"/);
  });
});

describe('audio tokens and audio seconds, in and out', () => {
  it('gpt-4o-audio-preview: 1,000 text in + 20,000 audio in + 500 text out + 10,000 audio out = 160.75 credits', () => {
    // 1,000 × 250 / 1M = 0.25; 20,000 × 4,000 / 1M = 80; 500 × 1,000 / 1M = 0.5; 10,000 × 8,000 / 1M = 80; sum 160.75
    const charge = rate(media, { service: 'openai/gpt-4o-audio-preview', inputTokens: 1000, audioInputTokens: 20_000, outputTokens: 500, audioOutputTokens: 10_000 });
    expect(charge.credits).to.equal('160.75');
    expect(charge.lines.map((l) => [l.kind, l.credits])).to.deep.equal([
      ['inputTokens', '0.25'],
      ['audioInputTokens', '80'],
      ['outputTokens', '0.5'],
      ['audioOutputTokens', '80'],
    ]);
  });

  it('audio tokens have no text-price fallback: a service without an audio price refuses them', () => {
    expect(() => rate(providers, { service: 'openai/gpt-4.1', audioInputTokens: 10 })).to.throw(UsageError, /audioInputTokens: does not apply to openai\/gpt-4\.1/);
  });

  it('whisper-1, 90 s in = 0.9 credits; gpt-4o-mini-tts, 150.5 s out = 3.7625 credits, prorated exactly', () => {
    // 90 / 60 × 0.6 = 0.9; 150.5 / 60 × 1.5 = 3.7625
    expect(rate(media, { service: 'openai/whisper-1', audioSeconds: 90 }).credits).to.equal('0.9');
    const tts = rate(media, { service: 'openai/gpt-4o-mini-tts', audioOutputSeconds: '150.5' });
    expect([tts.lines[0]!.kind, tts.lines[0]!.quantity, tts.credits]).to.deep.equal(['audioOutputSeconds', '150.5', '3.7625']);
    // Summed exactly over records: 0.1 + 0.2 seconds out is 0.3, not 0.30000000000000004: 0.3 / 60 × 1.5 = 0.0075
    expect(rateMany(media, [{ service: 'openai/gpt-4o-mini-tts', audioOutputSeconds: 0.1 }, { service: 'openai/gpt-4o-mini-tts', audioOutputSeconds: 0.2 }]).credits).to.equal('0.0075');
    expect(() => rate(media, { service: 'openai/whisper-1', audioOutputSeconds: 1 })).to.throw(UsageError, /audioOutputSeconds: does not apply to openai\/whisper-1/);
  });
});

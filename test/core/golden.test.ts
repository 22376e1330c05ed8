// Golden cases worked by hand from the source documents (GPTBots price list, meinGPT billing pages).
import { expect } from '@open-wc/testing';
import { allocateDisplay, budgetToQuantity, imageTokens, parseCatalog, rate, rateMany, type Catalog } from '../../src/core/index.js';
import { loadCatalog, loadJson } from './load.js';

let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

describe('meinGPT example 1: a chat with GPT-4o', () => {
  // 523 × 3.00 € / 1M = 0.1569 credits; 1,247 × 12.00 € / 1M = 1.4964; 2 tool calls flat 0.5 = 1.0.
  const chat = () =>
    rate(meingpt, [
      { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
      { service: 'meingpt/tool-call', requests: 2 },
    ]);

  it('is exactly 2.6533 credits, line by line', () => {
    const charge = chat();
    expect(charge.lines.map((l) => [l.kind, l.quantity, l.credits])).to.deep.equal([
      ['inputTokens', '523', '0.1569'],
      ['outputTokens', '1247', '1.4964'],
      ['requests', '2', '1'],
    ]);
    expect(charge.credits).to.equal('2.6533');
    expect(charge.exact).to.equal(true);
  });

  it('is 0.026533 EUR, one credit being one euro cent', () => {
    expect(chat().money).to.deep.equal({ amount: '0.026533', currency: 'EUR' });
  });

  it('shows 0.16 + 1.49 + 1.00 = 2.65 (not 003\'s 0.16 + 1.50 + 1.00 = 2.66)', () => {
    const shown = allocateDisplay(chat().lines, 2);
    expect(shown.lines.map((l) => l.display)).to.deep.equal(['0.16', '1.49', '1.00']);
    expect(shown.total).to.equal('2.65');
  });

  it('carries the catalog version', () => {
    expect(chat().catalogVersion).to.equal(meingpt.version);
  });
});

describe('meinGPT example 2: the priced parts of a productive workday', () => {
  it('5 images with GPT Image 1 are 150 credits (1.50 €)', () => {
    const charge = rate(meingpt, { service: 'GPT Image 1', requests: 5 });
    expect(charge.credits).to.equal('150');
    expect(charge.money.amount).to.equal('1.5');
  });
  it('2 workflow wizards are 20 credits (0.20 €)', () => {
    expect(rate(meingpt, { service: 'meingpt/workflow-wizard', requests: 2 }).credits).to.equal('20');
  });
});

describe('GPTBots FAQ', () => {
  it('1,000 credits buy 4,545,454 input tokens of GPT-4.1-1M with the platform key', () => {
    expect(budgetToQuantity(gptbots, 'openai/gpt-4.1-1m', { credits: '1000' })).to.deep.equal({ quantity: '4545454' });
  });
  it('so does $10', () => {
    expect(budgetToQuantity(gptbots, 'openai/gpt-4.1-1m', { money: { amount: '10', currency: 'USD' } }).quantity).to.equal('4545454');
  });
  it('1,000 input tokens of GPT-4.1-1M consume 0.22 credits', () => {
    expect(rate(gptbots, { service: 'openai/gpt-4.1-1m', inputTokens: 1000 }).credits).to.equal('0.22');
  });
  it('a free service buys an unlimited quantity', () => {
    expect(budgetToQuantity(gptbots, 'baidu/ernie-speed-128k', { credits: '1' })).to.deep.equal({ quantity: null, unlimited: true });
  });
  it('refuses a budget in another currency', () => {
    expect(() => budgetToQuantity(gptbots, 'openai/gpt-4.1-1m', { money: { amount: '10', currency: 'EUR' } })).to.throw(/USD, not EUR/);
  });
});

describe('image input: the tile rule of the price list', () => {
  it('2000 × 500 px is 4 tiles, 765 tokens', () => {
    expect(imageTokens(2000, 500)).to.equal(765);
  });
  it('1024 × 1024 px is 4 tiles, 765 tokens; 512 × 512 is 1 tile, 255', () => {
    expect(imageTokens(1024, 1024)).to.equal(765);
    expect(imageTokens(512, 512)).to.equal(255);
    expect(imageTokens(513, 512)).to.equal(425);
  });
  it('low detail is a flat 85', () => {
    expect(imageTokens(4000, 4000, 'low')).to.equal(85);
  });
  it('is priced as input tokens of an LLM: 765 × 0.225 / 1K = 0.172125 credits on GPT-4o-128k', () => {
    const charge = rate(gptbots, { service: 'openai/gpt-4o-128k', images: [{ width: 2000, height: 500 }] });
    expect(charge.lines[0]).to.include({ kind: 'imageTokens', quantity: '765', unitPrice: '0.225', credits: '0.172125' });
  });
});

describe('every non-LLM unit, worked by hand', () => {
  it('ASR per 60 s: 90 s of Whisper Large-V2 = 90 × 0.66 / 60 = 0.99', () => {
    expect(rate(gptbots, { service: 'openai/whisper-large-v2', audioSeconds: 90 }).credits).to.equal('0.99');
  });
  it('ASR prorates fractional seconds exactly: 30.5 s of GPT-4o-transcribe = 30.5 × 0.66 / 60 = 0.3355', () => {
    expect(rate(gptbots, { service: 'openai/gpt-4o-transcribe', audioSeconds: 30.5 }).credits).to.equal('0.3355');
    expect(rate(gptbots, { service: 'openai/gpt-4o-transcribe', audioSeconds: '30.5' }).credits).to.equal('0.3355');
  });
  it('ASR keeps a repeating third exact: 1 s of Whisper Large-V3 = 0.88 / 60 = 0.01466…, and 3 × 1 s sums to exactly 0.044', () => {
    const one = rate(gptbots, { service: 'openai/whisper-large-v3', audioSeconds: 1 });
    expect(one.exact).to.equal(false);
    expect(one.credits).to.equal('0.01466666666666666667');
    const three = rate(gptbots, [1, 1, 1].map((s) => ({ service: 'openai/whisper-large-v3', audioSeconds: s })));
    expect(three.credits).to.equal('0.044');
    expect(three.exact).to.equal(true);
  });
  it('TTS per 1,000 characters: 2,500 characters of OpenAI TTS = 2.5 × 1.65 = 4.125', () => {
    expect(rate(gptbots, { service: 'openai/tts', characters: 2500 }).credits).to.equal('4.125');
  });
  it('TTS with the own key: 2,500 characters of Ali CosyVoice = 2.5 × 0.044 = 0.11', () => {
    expect(rate(gptbots, { service: 'alibaba/cosyvoice', keyMode: 'own', characters: 2500 }).credits).to.equal('0.11');
  });
  it('knowledge storage per 1K tokens per day: 2,000,000 tokens for 30 days = 60,000 × 0.001 = 60', () => {
    expect(rate(gptbots, { service: 'gptbots/vector-storage', tokenDays: 60_000_000 }).credits).to.equal('60');
  });
  it('vector storage costs the same with either key', () => {
    const platform = rate(gptbots, { service: 'gptbots/vector-storage', tokenDays: 1234 });
    const own = rate(gptbots, { service: 'gptbots/vector-storage', keyMode: 'own', tokenDays: 1234 });
    expect([own.credits, platform.credits]).to.deep.equal(['0.001234', '0.001234']);
  });
  it('per request: 10,000 moderation calls = 10,000 × 0.0001 = 1', () => {
    expect(rate(gptbots, { service: 'openai/omni-moderation', requests: 10_000 }).credits).to.equal('1');
  });
  it('embedding per 1K tokens: 1M tokens of text-embedding-3-small = 1,000 × 0.0024 = 2.4', () => {
    expect(rate(gptbots, { service: 'openai/text-embedding-3-small', inputTokens: 1_000_000 }).credits).to.equal('2.4');
  });
  it('rerank per 1K tokens: 50,000 tokens of Jina-Reranker-m0 = 50 × 0.0022 = 0.11', () => {
    expect(rate(gptbots, { service: 'jina/jina-reranker-m0', inputTokens: 50_000 }).credits).to.equal('0.11');
  });
});

describe('own-key cap of the price list', () => {
  it('charges min(listed, cap): GPT-4o-128k own key lists 0.0225 / 0.11, charges 0.01 / 0.1', () => {
    const charge = rate(gptbots, { service: 'openai/gpt-4o-128k', keyMode: 'own', inputTokens: 1000, outputTokens: 1000 });
    expect(charge.lines.map((l) => [l.unitPrice, l.listedUnitPrice])).to.deep.equal([
      ['0.01', '0.0225'],
      ['0.1', '0.11'],
    ]);
    expect(charge.credits).to.equal('0.11');
  });
  it('leaves prices under the cap alone: GPT-4.1-nano own key 0.001 / 0.004', () => {
    const charge = rate(gptbots, { service: 'openai/gpt-4.1-nano-1m', keyMode: 'own', inputTokens: 1000, outputTokens: 1000 });
    expect(charge.lines.map((l) => l.unitPrice)).to.deep.equal(['0.001', '0.004']);
    expect(charge.lines.every((l) => l.listedUnitPrice === undefined)).to.equal(true);
  });
  it('caps cached input too, which falls back to the input price', () => {
    const charge = rate(gptbots, { service: 'anthropic/claude-4.5-opus-200k', keyMode: 'own', cachedInputTokens: 2000 });
    expect(charge.lines[0]).to.include({ kind: 'cachedInputTokens', unitPrice: '0.01', listedUnitPrice: '0.15', credits: '0.02' });
  });
  it('does not apply to non-LLM services: Whisper Large-V3 own key stays 0.08 / 60 s', () => {
    expect(rate(gptbots, { service: 'openai/whisper-large-v3', keyMode: 'own', audioSeconds: 60 }).credits).to.equal('0.08');
  });
  it('does not apply to the platform key', () => {
    expect(rate(gptbots, { service: 'openai/gpt-4o-128k', inputTokens: 1000 }).credits).to.equal('0.225');
  });
});

describe('not offered vs free', () => {
  it('Gemma with the platform key ("-") is not offered', () => {
    expect(() => rate(gptbots, { service: 'google/gemma-3-27b', inputTokens: 10 })).to.throw(/not offered with key mode "platform"/);
  });
  it('Gemma with the own key (0) is free: 0 credits, not an error', () => {
    expect(rate(gptbots, { service: 'google/gemma-3-27b', keyMode: 'own', inputTokens: 10, outputTokens: 10 }).credits).to.equal('0');
  });
  it('a key mode the catalog does not have is not offered, and the error names the ones it has', () => {
    expect(() => rate(meingpt, { service: 'openai/gpt-4o', keyMode: 'own', inputTokens: 1 })).to.throw(/no key mode "own"; it has platform/);
  });
});

describe('rounding policies a catalog may declare', () => {
  const withRounding = (rounding: unknown) => parseCatalog({ ...structuredClone(meingptJson), rounding });
  let meingptJson: Record<string, unknown>;
  before(async () => {
    meingptJson = (await loadJson('/catalog/meingpt.json')) as Record<string, unknown>;
  });
  const chat = [
    { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
    { service: 'meingpt/tool-call', requests: 2 },
  ];

  it('per line: each line rounded half-up to 2 places, the total their sum (0.16 + 1.50 + 1.00 = 2.66, as 003 prints)', () => {
    const charge = rate(withRounding({ mode: 'line', decimals: 2, rounding: 'half-up' }), chat);
    expect(charge.lines.map((l) => [l.credits, l.exactCredits])).to.deep.equal([['0.16', '0.1569'], ['1.5', '1.4964'], ['1', undefined]]);
    expect(charge.credits).to.equal('2.66');
  });
  it('per total: lines exact, the total rounded (2.6533 → 2.65)', () => {
    const charge = rate(withRounding({ mode: 'total', decimals: 2, rounding: 'half-up' }), chat);
    expect(charge.lines.map((l) => l.credits)).to.deep.equal(['0.1569', '1.4964', '1']);
    expect(charge.credits).to.equal('2.65');
  });
  it('rounding up per total bills 2.66; down bills 2.65', () => {
    expect(rate(withRounding({ mode: 'total', decimals: 2, rounding: 'up' }), chat).credits).to.equal('2.66');
    expect(rate(withRounding({ mode: 'total', decimals: 2, rounding: 'down' }), chat).credits).to.equal('2.65');
  });
  it('a minimum charge raises a small total and says so', () => {
    const charge = rate(withRounding({ mode: 'total', decimals: 2, rounding: 'half-up', minimumCharge: '5' }), chat);
    expect([charge.credits, charge.minimumChargeApplied]).to.deep.equal(['5', true]);
  });
  it('rounds a repeating third exactly: 1 s of 4.1666 / 60 s rounds down to 0.06, not up from a rendering', () => {
    const gptbotsDown = parseCatalog({ ...structuredClone(gptbotsJson), rounding: { mode: 'total', decimals: 2, rounding: 'down' } });
    expect(rate(gptbotsDown, { service: 'azure/azure-speech', audioSeconds: 1 }).credits).to.equal('0.06');
  });
  let gptbotsJson: Record<string, unknown>;
  before(async () => {
    gptbotsJson = (await loadJson('/catalog/gptbots.json')) as Record<string, unknown>;
  });
});

describe('sums beyond the float range stay exact', () => {
  it('3 × 4,000,000,000,000,001 input tokens of GPT-4o at 300 / 1M = 3,600,000,000,000.0009 credits', () => {
    const huge = 4_000_000_000_000_001;
    expect(Number.isSafeInteger(huge)).to.equal(true);
    const charge = rateMany(meingpt, [1, 2, 3].map(() => ({ service: 'openai/gpt-4o', inputTokens: huge })));
    expect(charge.lines[0]!.quantity).to.equal('12000000000000003');
    expect(charge.credits).to.equal('3600000000000.0009');
  });
});

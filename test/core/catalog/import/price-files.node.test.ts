// Every price dimension of LiteLLM's price file and of pydantic's genai-prices data, from excerpts
// of the real files (test/fixtures/import/litellm-dimensions.json, genai-prices-excerpt.json).
// Credits at 0.01 USD per credit, per 1M tokens: USD per token × 1,000,000 ÷ 0.01.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importGenaiPrices, importLiteLLM, lintCatalog, NotOfferedError, parseCatalog, rate, type ImportIssue } from '../../../../src/core/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8'));
const options = { id: 'providers', name: 'Providers', version: '1', creditValue: '0.01', tokenUnit: 'tokens-1m' } as const;
const warnings = (issues: ImportIssue[]) => issues.filter((i) => i.severity === 'warning').map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`);

describe('LiteLLM: every price field maps or is reported', () => {
  const { catalog, issues } = importLiteLLM(fixture('litellm-dimensions.json'), options);
  const parsed = parseCatalog(catalog);
  const service = (id: string) => parsed.services.find((s) => s.id === id)!;

  it('claude-sonnet-4-5: cache reads and writes (5 min, 1 h), the 200K tier of each, web search per call', () => {
    // 3e-06 → 300; 1.5e-05 → 1,500; cache read 3e-07 → 30; write 3.75e-06 → 375; 1 h 6e-06 → 600;
    // above 200K: 6e-06 → 600, 2.25e-05 → 2,250, 6e-07 → 60, 7.5e-06 → 750, 1 h 1.2e-05 → 1,200; a search $0.01 → 1 credit.
    const claude = service('anthropic/claude-sonnet-4-5');
    assert.deepEqual(claude.prices, { platform: { cacheWrite: '375', cacheWrite1h: '600', cachedInput: '30', input: '300', output: '1500', webSearch: '1' } });
    assert.deepEqual(claude.tiers, [{ above: 200_000, prices: { platform: { cacheWrite: '750', cacheWrite1h: '1200', cachedInput: '60', input: '600', output: '2250', webSearch: '1' } } }]);
    // 250,000 in + 1,000 out: 250,000 × 600 / 1M = 150; 1,000 × 2,250 / 1M = 2.25 → 152.25 (the whole request at the tier).
    assert.equal(rate(parsed, { service: 'anthropic/claude-sonnet-4-5', inputTokens: 250_000, outputTokens: 1000 }).credits, '152.25');
  });

  it('gpt-4.1: batch and priority service tiers (priority with its own cache reads); no flex', () => {
    const gpt = service('openai/gpt-4.1');
    assert.deepEqual(gpt.prices, { platform: { cachedInput: '50', input: '200', output: '800' } });
    assert.deepEqual(gpt.serviceTiers, { batch: { prices: { platform: { input: '100', output: '400' } } }, priority: { prices: { platform: { cachedInput: '87.5', input: '350', output: '1400' } } } });
    // 1M in + 100K out: standard 200 + 80 = 280; batch 100 + 40 = 140 (the issue's golden case).
    const usage = { service: 'openai/gpt-4.1', inputTokens: 1_000_000, outputTokens: 100_000 };
    assert.equal(rate(parsed, usage).credits, '280');
    assert.equal(rate(parsed, { ...usage, serviceTier: 'batch' }).credits, '140');
    assert.throws(() => rate(parsed, { ...usage, serviceTier: 'flex' }), NotOfferedError);
  });

  it('gpt-5: flex and priority, and no batch price means no batch tier', () => {
    assert.deepEqual(service('openai/gpt-5').serviceTiers, {
      flex: { prices: { platform: { cachedInput: '6.25', input: '62.5', output: '500' } } },
      priority: { prices: { platform: { cachedInput: '25', input: '250', output: '2000' } } },
    });
  });

  it('audio tokens, per-second audio, images by size and quality, flat per-image prices', () => {
    // nova-2-pro: 2.1875e-06 → 218.75 for text and for audio input.
    assert.deepEqual(service('bedrock_converse/amazon.nova-2-pro-preview-20251202-v1-0').prices, { platform: { cachedInput: '54.6875', input: '218.75', inputAudio: '218.75', output: '1750' } });
    // whisper-large-v3 on groq: 3.083e-05 USD a second × 60 ÷ 0.01 = 0.18498 credits per 60 s.
    assert.deepEqual([service('groq/whisper-large-v3').unit, service('groq/whisper-large-v3').prices], ['seconds-60', { platform: { audio: '0.18498' } }]);
    // gpt-image-1, three "high/WxH/gpt-image-1" entries → one service: $0.167 → 16.7, $0.25 → 25.
    assert.deepEqual(service('openai/gpt-image-1').prices, { platform: { generatedImages: { '1024x1024/high': '16.7', '1024x1536/high': '25', '1536x1024/high': '25' } } });
    assert.equal(rate(parsed, { service: 'openai/gpt-image-1', generatedImages: [{ size: '1024x1024', quality: 'high', count: 2 }, { size: '1536x1024', quality: 'high' }] }).credits, '58.4'); // 2 × 16.7 + 25
    assert.deepEqual(service('bedrock/1024-x-1024-50-steps-bedrock-amazon.nova-canvas-v1-0').prices, { platform: { request: '6' } });
  });

  it('reports each unmapped field once, with its count, and what it leaves out', () => {
    assert.deepEqual(warnings(issues), [
      '["hd/1024-x-1024/dall-e-3"]: left out: a image_generation model without output_cost_per_image',
      '["gpt-4o-transcribe-diarize"]: left out: a audio_transcription model without input_cost_per_second',
      'input_cost_per_image_token: not mapped, in 1 model (creditkit prices image input by the tile rule and generated images per image); imported without it',
      'input_cost_per_pixel: not mapped, in 3 models (a per-pixel approximation; creditkit prices generated images per image by size and quality); imported without it',
    ]);
    assert.ok(issues.some((i) => i.severity === 'info' && /1 model of mode "search" left out/.test(i.message)));
    assert.deepEqual(lintCatalog(parsed), []);
  });

  it('maps reasoning and audio output tokens, and reports search context sizes priced differently (entries written in LiteLLM\'s field names)', () => {
    const r = importLiteLLM({
      m: { litellm_provider: 'x', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 4e-6, output_cost_per_reasoning_token: 8e-6, output_cost_per_audio_token: 2e-5,
        search_context_cost_per_query: { search_context_size_low: 0.03, search_context_size_medium: 0.035, search_context_size_high: 0.05 }, computer_use_input_cost_per_1k_tokens: 0.003 },
    }, options);
    assert.deepEqual(r.catalog.services[0]!.prices, { platform: { input: '100', output: '400', reasoning: '800', outputAudio: '2000' } });
    assert.deepEqual(warnings(r.issues).map((w) => w.split(':')[0]), ['computer_use_input_cost_per_1k_tokens', 'search_context_cost_per_query']);
  });
});

describe('genai-prices: tiered and dated prices', () => {
  const { catalog, issues } = importGenaiPrices(fixture('genai-prices-excerpt.json'), options);
  const parsed = parseCatalog(catalog);
  const service = (id: string) => parsed.services.find((s) => s.id === id)!;

  it('flat prices, cache reads and writes, audio tokens, the provider\'s name as brand', () => {
    // $1 / $5 per 1M → 100 / 500 credits per 1M; writes $1.25 → 125, reads $0.10 → 10.
    assert.deepEqual(service('anthropic/claude-haiku-4-5').prices, { platform: { input: '100', cacheWrite: '125', cachedInput: '10', output: '500' } });
    assert.deepEqual([service('anthropic/claude-haiku-4-5').brand, service('anthropic/claude-haiku-4-5').model, service('anthropic/claude-haiku-4-5').contextWindow], ['Anthropic', 'Claude Haiku 4.5', 200000]);
    assert.deepEqual(service('aws/amazon.nova-2-sonic-v1-0').prices, { platform: { input: '33', output: '275', inputAudio: '300', outputAudio: '1200' } });
  });

  it('{ base, tiers: [{ start, price }] } is a long-context tier above start', () => {
    assert.deepEqual(service('anthropic/claude-sonnet-4-5').tiers, [{ above: 200000, prices: { platform: { input: '600', cacheWrite: '750', cachedInput: '60', output: '2250' } } }]);
  });

  it('prices by date: the tiered prices until 2026-03-13, the flat ones from then; each record priced at its day', () => {
    const sonnet = service('anthropic/claude-sonnet-4-6');
    assert.deepEqual(sonnet.earlier?.map((e) => [e.until, e.tiers?.[0]?.above]), [['2026-03-13', 200000]]);
    assert.equal(sonnet.tiers, undefined);
    // 250,000 in + 1,000 out on 12 March: 250,000 × 600 / 1M = 150 + 1,000 × 2,250 / 1M = 2.25 → 152.25;
    // on 13 March: 250,000 × 300 / 1M = 75 + 1,000 × 1,500 / 1M = 1.5 → 76.5.
    const usage = { service: 'anthropic/claude-sonnet-4-6', inputTokens: 250_000, outputTokens: 1000 };
    assert.equal(rate(parsed, { ...usage, at: '2026-03-12T12:00:00Z' }).credits, '152.25');
    assert.equal(rate(parsed, { ...usage, at: '2026-03-13T12:00:00Z' }).credits, '76.5');
    assert.deepEqual(warnings(issues), []);
  });

  it('reports what it cannot map: requests per 1,000, cached audio, prices by time of day (entries written in genai-prices\' form)', () => {
    const r = importGenaiPrices([{ id: 'deepseek', name: 'DeepSeek', models: [
      { id: 'deepseek-chat', prices: [{ prices: { input_mtok: 0.27, output_mtok: 1.1 } }, { constraint: { start_time: '16:30:00Z', end_time: '00:30:00Z' }, prices: { input_mtok: 0.135, output_mtok: 0.55 } }] },
      { id: 'sonar', prices: { input_mtok: 1, output_mtok: 1, requests_kcount: 5, cache_audio_read_mtok: 2 } },
    ] }], options);
    assert.deepEqual(r.catalog.services.map((s) => [s.id, s.prices]), [['deepseek/deepseek-chat', { platform: { input: '27', output: '110' } }], ['deepseek/sonar', { platform: { input: '100', output: '100' } }]]);
    assert.deepEqual(warnings(r.issues).map((w) => w.split(':')[0]), ['cache_audio_read_mtok', 'constraint.end_time', 'constraint.start_time', 'requests_kcount']);
  });
});

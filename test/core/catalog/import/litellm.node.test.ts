// LiteLLM's price file → a catalog: USD per token to credits per 1K (or 1M) tokens, exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ImportError, importLiteLLM, parseCatalog, rate } from '../../../../src/core/index.js';

const sample = JSON.parse(readFileSync(new URL('../../../fixtures/import/litellm-sample.json', import.meta.url), 'utf8'));
const options = { id: 'litellm', name: 'LiteLLM', version: '1', creditValue: '0.01' };

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error.issues.filter((i) => i.severity === 'error').map((i) => `${i.path ?? ''}: ${i.message}`);
    throw error;
  }
  assert.fail('expected an ImportError');
}

describe('importLiteLLM', () => {
  const { catalog, issues } = importLiteLLM(sample, options);
  const parsed = parseCatalog(catalog);
  const byId = new Map(parsed.services.map((s) => [s.id, s]));

  it('converts every priced model at 0.01 USD per credit, exactly', () => {
    // 2.5e-6 USD/token × 1,000 / 0.01 = 0.25 credits / 1K tokens; 1e-5 → 1; 1.25e-6 → 0.125.
    assert.deepEqual(byId.get('openai/gpt-4o')?.prices, { platform: { input: '0.25', output: '1', cachedInput: '0.125' } });
    assert.deepEqual(byId.get('anthropic/claude-3-5-haiku-20241022')?.prices, { platform: { input: '0.08', output: '0.4', cachedInput: '0.008' } });
    assert.deepEqual(byId.get('openai/text-embedding-3-small')?.prices, { platform: { input: '0.002' } });
    assert.deepEqual([byId.get('openai/whisper-1')?.unit, byId.get('openai/whisper-1')?.prices], ['seconds-60', { platform: { audio: '0.6' } }]);
    assert.deepEqual([byId.get('openai/tts-1')?.unit, byId.get('openai/tts-1')?.prices], ['characters-1k', { platform: { characters: '1.5' } }]);
    assert.deepEqual([byId.get('cohere/rerank-english-v3.0')?.unit, byId.get('cohere/rerank-english-v3.0')?.prices], ['requests', { platform: { request: '0.2' } }]);
    // "hd/1024-x-1024/dall-e-3" is one size and quality of dall-e-3's generated images: $0.08 → 8 credits an image.
    assert.deepEqual([byId.get('openai/dall-e-3')?.unit, byId.get('openai/dall-e-3')?.prices], ['images', { platform: { generatedImages: { '1024x1024/hd': '8' } } }]);
    // A published 0 stays free, never "not offered".
    assert.deepEqual(byId.get('openai/omni-moderation-latest')?.prices, { platform: { input: '0' } });
  });

  it('keeps provider, model, context window and billing type; strips the provider prefix of the key', () => {
    const azure = byId.get('azure/gpt-4o')!;
    assert.deepEqual([azure.brand, azure.model, azure.aliases, azure.contextWindow], ['azure', 'gpt-4o', ['azure/gpt-4o'], 128000]);
    assert.equal(byId.get('openai/gpt-4o-audio-preview')?.billingType, 'llm-audio-chat');
    assert.equal(byId.get('openai/gpt-4o')?.billingType, 'llm-text-chat');
    assert.deepEqual(parsed.keyModes, [{ id: 'platform', name: 'Provider list price' }]);
    assert.deepEqual(parsed.creditUnit, { currency: 'USD', value: '0.01' });
  });

  it('reports what it leaves out instead of pricing it at zero', () => {
    assert.ok(!byId.has('openai/gpt-4o-search-preview'));
    assert.ok(issues.some((i) => i.path === '["gpt-4o-search-preview"]' && /output_cost_per_token/.test(i.message)));
    assert.ok(issues.some((i) => /1 model of mode "video_generation" left out/.test(i.message)));
    assert.equal(parsed.services.length, 10);
  });

  it('prices usage with the imported catalog: 1,000 input + 1,000 output tokens of gpt-4o = 1.25 credits', () => {
    assert.equal(rate(parsed, { service: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 1000 }).credits, '1.25');
  });

  it('quotes per 1M tokens when asked, and filters by provider and mode', () => {
    const r = importLiteLLM(sample, { ...options, tokenUnit: 'tokens-1m', providers: ['openai'], modes: ['chat'] });
    assert.deepEqual(r.catalog.services.map((s) => s.id), ['openai/gpt-4o', 'openai/gpt-4o-audio-preview']);
    assert.deepEqual(r.catalog.services[0]!.prices, { platform: { input: '250', output: '1000', cachedInput: '125' } });
  });

  it('refuses a conversion that is not exact, negative or non-numeric costs, non-USD credits and bad JSON, naming the entry', () => {
    assert.deepEqual(errorsOf(() => importLiteLLM({ m: { litellm_provider: 'x', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 3e-6 } }, { ...options, creditValue: '0.03' })), [
      '["m"]: input_cost_per_token: 0.000001 USD × 1000 is no exact number of credits at 0.03 USD per credit',
    ]);
    assert.deepEqual(errorsOf(() => importLiteLLM({ m: { litellm_provider: 'x', mode: 'chat', input_cost_per_token: -1, output_cost_per_token: '0.1' } }, options)), [
      '["m"]: input_cost_per_token: expected a non-negative number of USD, got -1',
      '["m"]: output_cost_per_token: expected a non-negative number of USD, got "0.1"',
    ]);
    assert.match(errorsOf(() => importLiteLLM(sample, { ...options, currency: 'EUR' }))[0]!, /must be USD too, not EUR/);
    assert.match(errorsOf(() => importLiteLLM('{"gpt-4o": ', options))[0]!, /^\(root\): not valid JSON/);
    assert.match(errorsOf(() => importLiteLLM([], options))[0]!, /^\(root\): expected LiteLLM's object of models, got an array/);
    assert.match(errorsOf(() => importLiteLLM({ m: { mode: 'chat' } }, options))[0]!, /^\["m"\]: litellm_provider: expected a provider name, got nothing/);
    assert.match(errorsOf(() => importLiteLLM(sample, { ...options, creditValue: '' })).join('\n'), /credit value/);
  });
});

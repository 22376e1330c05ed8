// The public API in Node: which encoding a model gets, estimates with reasons, countChat's chat
// overhead, image tokens, bad input, abort, a failed rank load and 10 MB of text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Tiktoken, getEncodingNameForModel, type TiktokenModel } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { countTokens as gptTokenizerCount } from 'gpt-tokenizer/encoding/o200k_base';
import { parseCatalog } from '../../src/core/index.js';
import {
  countChat, countTokens, estimateTokens, imageTokens, TokenCounter, TokenizerError, ESTIMATE_METHOD, CHAT_REPLY_PRIMING,
} from '../../src/tokenizer/index.js';
import { setRankImporter } from '../../src/tokenizer/encodings.js';
import { openAiEncoding } from '../../src/tokenizer/models.js';
import { CORPUS } from './corpus.js';

const catalog = parseCatalog(readFileSync('catalog/gptbots.json', 'utf8'));
const o200kRef = new Tiktoken(o200k);
const ref = (text: string): number => o200kRef.encode(text, [], []).length;

test('OpenAI model names get their encoding by family', async () => {
  const cases: [string, string][] = [
    ['gpt-4o', 'o200k_base'], ['gpt-4.1-mini', 'o200k_base'], ['gpt-5', 'o200k_base'], ['o3-mini', 'o200k_base'],
    ['gpt-4', 'cl100k_base'], ['gpt-3.5-turbo', 'cl100k_base'], ['text-embedding-3-small', 'cl100k_base'],
    ['openai/gpt-4o', 'o200k_base'], ['GPT-4o', 'o200k_base'],
  ];
  for (const [model, encoding] of cases) assert.deepEqual(await countTokens('Hello, world!', { model }), { tokens: 4, exact: true, encoding }, model);
});

test('the family table gives js-tiktoken\'s encoding for every model name js-tiktoken knows', () => {
  // Every name of js-tiktoken's TiktokenModel type, read from its declarations (the list lives only there).
  const declarations = readFileSync(new URL(import.meta.resolve('js-tiktoken/lite').replace(/lite\.js$/, 'lite.d.ts')), 'utf8');
  const core = /from '\.\/(core-[^']+)\.js'/.exec(declarations)?.[1];
  const types = readFileSync(new URL(import.meta.resolve('js-tiktoken/lite').replace(/lite\.js$/, `${core}.d.ts`)), 'utf8');
  const names = [.../type TiktokenModel = ([^;]+);/.exec(types)![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(names.length > 100, `read ${names.length} names`);
  for (const name of names) assert.equal(openAiEncoding(name), getEncodingNameForModel(name as TiktokenModel), name);
  // Newer members and dated snapshots of a family, which js-tiktoken's exact list does not know yet.
  for (const name of ['gpt-5.2', 'gpt-5.1-codex', 'gpt-4.1-2025-04-14', 'o3-pro', 'gpt-4o-mini-tts']) assert.equal(openAiEncoding(name), 'o200k_base', name);
  for (const name of ['gpt-4-turbo-2024-04-09', 'gpt-3.5-turbo-0125']) assert.equal(openAiEncoding(name), 'cl100k_base', name);
  for (const name of ['o2', 'gpt-4x', 'gpt-6', 'llama-3.3-70b', 'davinci-003', 'o1x']) assert.equal(openAiEncoding(name), undefined, name);
});

test('without model or encoding the count is exact on o200k_base', async () => {
  assert.deepEqual(await countTokens('Hello, world!'), { tokens: 4, exact: true, encoding: 'o200k_base' });
});

test('catalog ids get the entry\'s tokenizer: GPT-4o/4.1/5/o-series/audio/computer-use o200k_base, embeddings cl100k_base', async () => {
  const withTokenizer = catalog.services.filter((s) => s.tokenizer);
  assert.ok(withTokenizer.length >= 29);
  for (const service of withTokenizer) {
    const result = await countTokens('Preis pro 1.000 Tokens', { model: service.id, catalog });
    assert.equal(result.exact, true, service.id);
    assert.equal((result as { encoding: string }).encoding, service.tokenizer, service.id);
  }
  for (const id of ['openai/gpt-4.1-1m', 'azure/computer-use-agent', 'openai/gpt-o4-mini-200k', 'openai/gpt-audio']) assert.equal(((await countTokens('x', { model: id, catalog })) as { encoding: string }).encoding, 'o200k_base', id);
  for (const id of ['openai/text-embedding-3-large', 'openai/text-embedding-ada-002']) assert.equal(((await countTokens('x', { model: id, catalog })) as { encoding: string }).encoding, 'cl100k_base', id);
});

test('anything else is an estimate that says why', async () => {
  const text = 'Die Preise gelten pro 1.000 Tokens.';
  const estimate = estimateTokens(text);
  assert.deepEqual(await countTokens(text, { model: 'anthropic/claude-4.5-sonnet-200k', catalog }), {
    tokens: estimate, exact: false, method: ESTIMATE_METHOD, reason: 'catalog entry "anthropic/claude-4.5-sonnet-200k" names no tokenizer',
  });
  assert.deepEqual(await countTokens(text, { model: 'llama-3.3-70b' }), { tokens: estimate, exact: false, method: ESTIMATE_METHOD, reason: '"llama-3.3-70b" is not an OpenAI model with a known encoding' });
  assert.deepEqual(await countTokens(text, { model: 'llama-3.3-70b', catalog }), { tokens: estimate, exact: false, method: ESTIMATE_METHOD, reason: '"llama-3.3-70b" is neither in the catalog nor an OpenAI model with a known encoding' });
  assert.deepEqual(await countTokens(text, { model: 'davinci' }), { tokens: estimate, exact: false, method: ESTIMATE_METHOD, reason: 'davinci uses r50k_base, which is not bundled' });
  assert.deepEqual(await countTokens(text, { encoding: 'p50k_base' }), { tokens: estimate, exact: false, method: ESTIMATE_METHOD, reason: 'encoding "p50k_base" is not bundled (exact counts exist for o200k_base and cl100k_base)' });
});

test('bad input: a clear TokenizerError naming what is wrong', async () => {
  for (const [value, got] of [[42, 'number'], [null, 'null'], [undefined, 'undefined'], [['a'], 'an array'], [{}, 'object']] as const) {
    await assert.rejects(countTokens(value as unknown as string), (e: Error) => e instanceof TokenizerError && e.message === `countTokens: text must be a string, got ${got}`);
  }
  await assert.rejects(countTokens('x', { model: '' }), /model must be a non-empty string, got ""/);
  await assert.rejects(countTokens('x', { encoding: 5 as unknown as string }), /encoding must be a string, got number/);
  await assert.rejects(countTokens('x', null as unknown as object), /options must be an object/);
  assert.throws(() => estimateTokens(undefined as unknown as string), /estimateTokens: text must be a string, got undefined/);
  await assert.rejects(countChat('hi' as unknown as []), /countChat: messages must be an array, got string/);
  await assert.rejects(countChat([{ role: 'user' } as unknown as { role: string; content: string }]), /countChat: messages\[0\].content must be a string or an array of parts/);
  await assert.rejects(countChat([{ role: 7, content: 'x' } as unknown as { role: string; content: string }]), /countChat: messages\[0\].role: text must be a string, got number/);
});

test('an aborted signal rejects with its reason, before and during a long count', async () => {
  await assert.rejects(countTokens('x', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  const controller = new AbortController();
  const big = 'Ein Satz mit Wörtern.\n'.repeat(50_000);
  const pending = countTokens(big, { signal: controller.signal });
  setTimeout(() => controller.abort(), 0);
  await assert.rejects(pending, { name: 'AbortError' });
});

test('a rank file that fails to load gives the estimate with the reason, and a later load succeeds', async () => {
  setRankImporter(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
  try {
    const text = 'Offline, the count is an estimate.';
    assert.deepEqual(await countTokens(text, { model: 'gpt-4o' }), {
      tokens: estimateTokens(text), exact: false, method: ESTIMATE_METHOD, reason: 'could not load o200k_base: Failed to fetch dynamically imported module',
    });
    const counter = await TokenCounter.create({ encoding: 'cl100k_base' });
    assert.equal(counter.exact, false);
    assert.match(counter.reason!, /could not load cl100k_base/);
  } finally {
    setRankImporter();
  }
  assert.deepEqual(await countTokens('back online'), { tokens: ref('back online'), exact: true, encoding: 'o200k_base' });
});

test('10 MB of text is counted exactly in Node, in slices (equal to gpt-tokenizer\'s count)', async () => {
  const corpus = CORPUS.map((f) => readFileSync(`test/fixtures/tokenizer/${f}`, 'utf8')).join('\n');
  let text = '';
  for (let i = 0; text.length < 10_000_000; i++) text += corpus.replaceAll('e', String(i % 10)) + '\n';
  const result = await countTokens(text);
  assert.equal(result.exact, true);
  assert.equal(result.tokens, gptTokenizerCount(text, { disallowedSpecial: new Set() }));
});

test('countChat: "Hello" from the user is 8 tokens on gpt-4o (3 per message + role + content + 3 priming)', async () => {
  assert.deepEqual(await countChat([{ role: 'user', content: 'Hello' }], { model: 'gpt-4o' }), { tokens: 8, exact: true, encoding: 'o200k_base', perMessage: [5] });
});

test('countChat: names, several messages and image parts, worked from js-tiktoken counts', async () => {
  const messages = [
    { role: 'system', content: 'You are a helpful assistant that prices LLM usage.' },
    { role: 'user', name: 'example_user', content: 'What does 2000 × 500 cost?' },
    { role: 'user', content: [{ type: 'text' as const, text: 'And this picture?' }, { type: 'image' as const, width: 2000, height: 500 }, { type: 'image' as const, width: 4000, height: 4000, detail: 'low' as const }] },
  ];
  const expected = [
    3 + ref('system') + ref(messages[0]!.content as string),
    3 + ref('user') + ref('example_user') + 1 + ref('What does 2000 × 500 cost?'),
    3 + ref('user') + ref('And this picture?') + 765 + 85,
  ];
  const result = await countChat(messages, { model: 'gpt-4.1' });
  assert.deepEqual(result, { tokens: expected.reduce((a, b) => a + b) + CHAT_REPLY_PRIMING, exact: true, encoding: 'o200k_base', perMessage: expected });
});

test('countChat for an estimated model says so', async () => {
  const result = await countChat([{ role: 'user', content: 'Hallo Welt' }], { model: 'mistral-large' });
  assert.equal(result.exact, false);
  assert.equal(result.tokens, 3 + estimateTokens('user') + estimateTokens('Hallo Welt') + 3);
});

test('imageTokens (re-exported from core): the tile rule of seed 001 and OpenAI\'s low detail', () => {
  assert.equal(imageTokens(2000, 500), 765); // 001: 4 × 1 tiles → 85 + 170 × 4
  assert.equal(imageTokens(512, 512), 255); // one tile
  assert.equal(imageTokens(513, 512), 425); // two tiles
  assert.equal(imageTokens(4000, 4000, 'low'), 85);
  assert.throws(() => imageTokens(0, 10), RangeError);
});

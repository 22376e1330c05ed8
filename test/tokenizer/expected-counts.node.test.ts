// The reference: js-tiktoken's encode(text, [], []).length of every corpus file and edge case, live.
// It checks test/fixtures/tokenizer/expected-counts.json (which the browser tests read) and our
// count on the main thread in Node; UPDATE_EXPECTED=1 rewrites the JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import fc from 'fast-check';
import { countTokens, ENCODINGS, type EncodingName } from '../../src/tokenizer/index.js';
import { loadEncoding } from '../../src/tokenizer/encodings.js';
import { BpeCounter } from '../../src/tokenizer/bpe.js';
import { RankTable } from '../../src/tokenizer/rank-table.js';
import { CORPUS, EDGE_CASES, type ExpectedCounts } from './corpus.js';

const FIXTURES = 'test/fixtures/tokenizer';
const references: Record<EncodingName, Tiktoken> = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };
const live = (encoding: EncodingName, text: string): number => references[encoding].encode(text, [], []).length;

const computed = { files: {}, edgeCases: {} } as ExpectedCounts;
for (const encoding of ENCODINGS) {
  computed.files[encoding] = Object.fromEntries(CORPUS.map((f) => [f, live(encoding, readFileSync(`${FIXTURES}/${f}`, 'utf8'))])) as ExpectedCounts['files'][EncodingName];
  computed.edgeCases[encoding] = Object.fromEntries(Object.entries(EDGE_CASES).map(([name, text]) => [name, live(encoding, text)]));
}
if (process.env.UPDATE_EXPECTED) writeFileSync(`${FIXTURES}/expected-counts.json`, JSON.stringify(computed, null, 2) + '\n');

test('expected-counts.json holds js-tiktoken\'s live counts', () => {
  assert.deepEqual(JSON.parse(readFileSync(`${FIXTURES}/expected-counts.json`, 'utf8')), computed);
});

for (const encoding of ENCODINGS) {
  test(`${encoding}: every corpus file and edge case counted in Node (main thread, no Worker) equals js-tiktoken`, async () => {
    assert.equal(typeof (globalThis as { Worker?: unknown }).Worker, 'undefined');
    for (const file of CORPUS) {
      const text = readFileSync(`${FIXTURES}/${file}`, 'utf8');
      assert.deepEqual(await countTokens(text, { encoding }), { tokens: computed.files[encoding][file], exact: true, encoding }, file);
      // Forced to the worker path: Node has none, so it falls back to this thread.
      assert.equal((await countTokens(text, { encoding, worker: true })).tokens, computed.files[encoding][file], file);
    }
    for (const [name, text] of Object.entries(EDGE_CASES)) assert.equal((await countTokens(text, { encoding })).tokens, computed.edgeCases[encoding][name], name);
  });

  test(`${encoding}: random strings over a hard alphabet equal js-tiktoken (fast-check)`, async () => {
    const counter = await loadEncoding(encoding);
    const alphabet = ['a', 'b', 'A', 'é', '\u0301', ' ', '  ', '\n', '\r', '\t', '/', "'", "'s", "'LL", '1', '12', '.', ',', '中', '文', 'か', 'カ', '한', '😀', '👍🏽', '\ud800', '\udc00', '\u0000', '<|endoftext|>', 'the', 'The', 'ing', ' und', '\u00a0'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => counter.count(t) === live(encoding, t)), { numRuns: 1000 });
  });

  test(`${encoding}: every merge path (scan, heap, buckets) equals js-tiktoken on random and on long single pieces (fast-check)`, () => {
    const ranks = encoding === 'o200k_base' ? o200k : cl100k;
    const table = new RankTable(ranks.bpe_ranks);
    const paths = {
      heap: new BpeCounter(table, ranks.pat_str, 0, true, Infinity),
      buckets: new BpeCounter(table, ranks.pat_str, 0, true, 0),
    };
    const alphabet = ['a', 'b', 'e', 'n', 'r', 'ab', 'aa', 'in', 'er', 'the', 'ing', 'ä', '中', '文', '国', 'か', 'ア', '😀', '1', ' ', '.'];
    const short = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((p) => p.join(''));
    // Long pieces: letters only (no space, digit or mark), so each string is one piece of up to ~6 KB.
    const long = fc.array(fc.constantFrom('a', 'b', 'e', 'n', 'ab', 'aa', 'in', 'er', 'the', 'ing', 'ä', '中', '文', 'か'), { minLength: 500, maxLength: 2000 }).map((p) => p.join(''));
    for (const [name, counter] of Object.entries(paths)) {
      fc.assert(fc.property(short, (t) => counter.count(t) === live(encoding, t)), { numRuns: 300 });
      fc.assert(fc.property(long, (t) => counter.count(t) === live(encoding, t)), { numRuns: 15 });
      for (const t of ['a'.repeat(3000), 'ab'.repeat(1500), '中'.repeat(1000) + 'a'.repeat(500)]) assert.equal(counter.count(t), live(encoding, t), `${name}: ${t.slice(0, 10)}…`);
    }
  });

  test(`${encoding}: a 300 KB mixed text (all corpus files) through the sliced main-thread path equals js-tiktoken`, async () => {
    const text = CORPUS.map((f) => readFileSync(`${FIXTURES}/${f}`, 'utf8')).join('\n').repeat(3);
    assert.ok(text.length > 300_000);
    assert.equal((await countTokens(text, { encoding })).tokens, live(encoding, text));
  });
}

// Exact counts: every corpus file and edge case, for o200k_base and cl100k_base, through the plain
// (main thread), worker and incremental paths, equal js-tiktoken's encode().length (recorded in
// expected-counts.json, which expected-counts.node.test.ts checks against js-tiktoken live).
import { expect } from '@open-wc/testing';
import { countTokens, TokenCounter, ENCODINGS } from '../../src/tokenizer/index.js';
import { BpeCounter } from '../../src/tokenizer/bpe.js';
import { RankTable } from '../../src/tokenizer/rank-table.js';
import { countInWorker, setWorkerFactory } from '../../src/tokenizer/worker-client.js';
import { CORPUS, EDGE_CASES, expectedCounts } from './corpus.js';
import { corpusText } from './corpus-browser.js';

// The dev server serves the worker's TypeScript source; the built package uses count.worker.js.
before(() => setWorkerFactory(() => new Worker(new URL('../../src/tokenizer/count.worker.ts', import.meta.url), { type: 'module' })));

for (const encoding of ENCODINGS) {
  describe(`exact counts, ${encoding}`, () => {
    for (const file of CORPUS) {
      it(`${file}: plain, worker and TokenCounter equal js-tiktoken`, async () => {
        const text = await corpusText(file);
        const expected = (await expectedCounts()).files[encoding][file];
        expect(await countTokens(text, { encoding, worker: false })).to.deep.equal({ tokens: expected, exact: true, encoding });
        expect(await countTokens(text, { encoding, worker: true })).to.deep.equal({ tokens: expected, exact: true, encoding });
        expect(await countInWorker(text, encoding), 'in the worker itself, no fallback').to.equal(expected);
        const counter = await TokenCounter.create({ encoding });
        expect(counter.set(text)).to.equal(expected);
        // Typed in again as three edits around the middle: still the full count.
        const middle = Math.floor(text.length / 2);
        counter.splice(middle, Math.min(40, text.length - middle));
        counter.splice(middle, 0, text.slice(middle, middle + 40));
        expect(counter.text).to.equal(text);
        expect(counter.tokens).to.equal(expected);
        expect(counter.check()).to.equal(true);
      });
    }

    for (const [name, text] of Object.entries(EDGE_CASES)) {
      it(`edge case: ${name}`, async () => {
        const expected = (await expectedCounts()).edgeCases[encoding][name];
        expect((await countTokens(text, { encoding, worker: false })).tokens).to.equal(expected);
        const counter = await TokenCounter.create({ encoding });
        expect(counter.set(text)).to.equal(expected);
      });
    }

    it('the other paths (heap merge for every piece, js-tiktoken\'s regex instead of the scanner) give the same counts', async () => {
      const ranks = encoding === 'o200k_base' ? await import('js-tiktoken/ranks/o200k_base') : await import('js-tiktoken/ranks/cl100k_base');
      const heapOnly = new BpeCounter(new RankTable(ranks.default.bpe_ranks), ranks.default.pat_str, 0, false);
      const { files } = await expectedCounts();
      for (const file of CORPUS) expect(heapOnly.count(await corpusText(file)), file).to.equal(files[encoding][file]);
      const { edgeCases } = await expectedCounts();
      for (const [name, text] of Object.entries(EDGE_CASES)) expect(heapOnly.count(text), name).to.equal(edgeCases[encoding][name]);
    });
  });
}

describe('exact counts, long single pieces', () => {
  it('1,000,000 × "a" is 125,000 tokens on o200k_base (8 "a"s a token, the issue\'s figure)', async () => {
    expect((await countTokens('a'.repeat(1_000_000), { encoding: 'o200k_base', worker: false })).tokens).to.equal(125_000);
  });

  it('a 20,000-character piece counts the same through the worker and on the main thread', async () => {
    const text = 'ab'.repeat(5000) + '中文'.repeat(5000);
    const plain = await countTokens(text, { worker: false });
    expect(await countTokens(text, { worker: true })).to.deep.equal(plain);
  });
});

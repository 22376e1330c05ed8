// TokenCounter: after any sequence of edits its total equals a fresh full count of its text, and
// a keystroke re-counts a few KB, not the document.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { TokenCounter, ENCODINGS, estimateTokens } from '../../src/tokenizer/index.js';
import { loadEncoding } from '../../src/tokenizer/encodings.js';
import { CORPUS } from './corpus.js';
import { corpusText } from './corpus-browser.js';
import { loadCatalog } from '../core/load.js';

let documentText = '';
before(async () => {
  documentText = (await Promise.all(CORPUS.map(corpusText))).join('\n');
});

type Edit = { at: number; remove: number; insert: string };
const pieces = ['a', 'Z', ' ', '  ', '\n', '\n\n', '/', "'s", '1', '2024', '.', '中文', 'か', '😀', '\ud800', 'word ', ' and ', '\r\n', '\t', 'ü'];
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3000 })),
  insert: fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join('')),
});

for (const encoding of ENCODINGS) {
  describe(`TokenCounter, ${encoding}`, () => {
    it('equals a full count after every one of a random sequence of edits (fast-check)', async () => {
      const full = await loadEncoding(encoding);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: documentText.length - 20_000 }), fc.array(edit, { minLength: 1, maxLength: 25 }), fc.boolean(), async (from, edits, viaUpdate) => {
          const counter = await TokenCounter.create({ encoding });
          let text = documentText.slice(from, from + 20_000);
          counter.set(text);
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            const remove = Math.min(e.remove, text.length - at);
            const next = text.slice(0, at) + e.insert + text.slice(at + remove);
            if (viaUpdate) counter.update(next);
            else counter.splice(at, remove, e.insert);
            text = next;
            if (counter.text !== text || !counter.check() || counter.tokens !== full.count(text)) return false;
          }
          return true;
        }),
        { numRuns: 60 },
      );
    });

    it('a keystroke in a 200 KB document re-counts at most a few chunks', async () => {
      const counter = await TokenCounter.create({ encoding });
      const text = documentText.repeat(Math.ceil(200_000 / documentText.length)).slice(0, 200_000);
      counter.set(text);
      const at = 123_457;
      counter.splice(at, 0, 'x');
      expect(counter.lastRecounted).to.be.below(3 * 512 + 200);
      expect(counter.tokens).to.equal((await loadEncoding(encoding)).count(text.slice(0, at) + 'x' + text.slice(at)));
      counter.update(counter.text.slice(0, at) + counter.text.slice(at + 1));
      expect(counter.tokens).to.equal((await loadEncoding(encoding)).count(text));
    });
  });
}

describe('TokenCounter, edge cases', () => {
  it('empties and refills, and rejects a range outside the text and non-string text', async () => {
    const counter = await TokenCounter.create({ encoding: 'o200k_base' });
    expect(counter.set('hello world')).to.equal(2);
    expect(counter.splice(0, 11)).to.equal(0);
    expect(counter.text).to.equal('');
    expect(counter.splice(0, 0, 'hello')).to.equal(1);
    expect(() => counter.splice(3, 10)).to.throw(/range 3\+10 is outside the text \(length 5\)/);
    expect(() => counter.splice(-1, 0)).to.throw(/outside the text/);
    expect(() => counter.set(42 as unknown as string)).to.throw(/TokenCounter.set: text must be a string, got number/);
  });

  it('counts an estimate for a model without an encoding, and says so', async () => {
    const counter = await TokenCounter.create({ model: 'anthropic/claude-4.5-sonnet-200k', catalog: await loadCatalog('gptbots') });
    expect(counter.exact).to.equal(false);
    expect(counter.reason).to.equal('catalog entry "anthropic/claude-4.5-sonnet-200k" names no tokenizer');
    const text = documentText.slice(0, 30_000);
    counter.set(text);
    expect(counter.tokens).to.equal(estimateTokens(text));
  });
});

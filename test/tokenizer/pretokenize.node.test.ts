// The compiled scanners cut text into exactly the pieces of js-tiktoken's regexes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { scannerFor, O200K_PATTERN, CL100K_PATTERN } from '../../src/tokenizer/pretokenize.js';
import { CORPUS, EDGE_CASES } from './corpus.js';

function regexPieces(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'gu'))].map((m) => `${m.index}:${m[0].length}`);
}
function scannedPieces(pattern: string, text: string): string[] {
  const scan = scannerFor(pattern)!;
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = scan(text, i);
    if (end < 0) {
      i++;
      continue;
    }
    pieces.push(`${i}:${end - i}`);
    i = end;
  }
  return pieces;
}

// Every class the patterns distinguish: Lu Ll Lt Lm Lo M (BMP and astral), Nd Nl No, \s kinds,
// \r \n / ' and the contraction letters, lone surrogates, symbols and emoji.
const ALPHABET = [
  'a', 'Z', 'é', 'É', 'ǅ', 'ʰ', 'ー', '中', 'ア', 'か', '한', 'ก', '\u0301', '\u0903', '𝔘', '𝔲', '𠀀', '𝟘', 'Ⅻ', '½', '٣', '7', '42',
  ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '/', "'", "'s", "'T", "'re", "'VE", "'lL", "'d", 'm', 'll',
  '.', ',', '!?', '(', '€', '😀', '👍🏽', '\u200d', '\ufe0f', '\ud800', '\udc00', '\u0000', '<|endoftext|>',
];

for (const [name, pattern] of [['o200k_base', O200K_PATTERN], ['cl100k_base', CL100K_PATTERN]] as const) {
  test(`${name}: the known pattern is js-tiktoken's pat_str, character for character`, () => {
    assert.equal(pattern, name === 'o200k_base' ? o200k.pat_str : cl100k.pat_str);
  });

  test(`${name}: scanner pieces equal the regex pieces on the corpus and edge cases`, () => {
    for (const file of CORPUS) {
      const text = readFileSync(`test/fixtures/tokenizer/${file}`, 'utf8');
      assert.deepEqual(scannedPieces(pattern, text), regexPieces(pattern, text), file);
    }
    for (const [case_, text] of Object.entries(EDGE_CASES)) assert.deepEqual(scannedPieces(pattern, text), regexPieces(pattern, text), case_);
  });

  test(`${name}: scanner pieces equal the regex pieces on random strings of every character class (fast-check)`, () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => assert.deepEqual(scannedPieces(pattern, t), regexPieces(pattern, t))), { numRuns: 5000 });
  });

  test(`${name}: scanner pieces equal the regex pieces on random UTF-16 (fast-check)`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => assert.deepEqual(scannedPieces(pattern, t), regexPieces(pattern, t))), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }), (t) => assert.deepEqual(scannedPieces(pattern, t), regexPieces(pattern, t))), { numRuns: 3000 });
  });
}

test('any other pattern gets no scanner (the regex is used)', () => {
  assert.equal(scannerFor('\\p{L}+|\\s+'), undefined);
});

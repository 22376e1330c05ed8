// Test helpers: the token-counting corpus (test/fixtures/tokenizer, fetched from the test server in
// the browser) and js-tiktoken's counts of it. js-tiktoken itself runs in the Node tests: its
// CommonJS dependency (base64-js) does not load in the test browser without a bundler.
import type { EncodingName } from '../../src/tokenizer/index.js';

export const CORPUS = [
  'en-gptbots-pricing.txt',
  'en-meingpt-billing.txt',
  'de-gptbots-preise.txt',
  'de-gpt4-preisstrategie.txt',
  'zh-prose.txt',
  'ja-prose.txt',
  'emoji-mixed.txt',
  'code-core.ts.txt',
  'catalog-excerpt.json.txt',
  'price-table.tsv',
  'multilingual.txt',
] as const;
export type CorpusFile = (typeof CORPUS)[number];

/** js-tiktoken's counts of every corpus file and edge case, checked live by expected-counts.node.test.ts. */
export interface ExpectedCounts {
  files: Record<EncodingName, Record<CorpusFile, number>>;
  edgeCases: Record<EncodingName, Record<string, number>>;
}
let expected: Promise<ExpectedCounts> | undefined;
export function expectedCounts(): Promise<ExpectedCounts> {
  return (expected ??= fetch('/test/fixtures/tokenizer/expected-counts.json').then((r) => r.json()));
}

/** Hard cases the corpus files do not cover densely: long single pieces, odd code units, specials. */
export const EDGE_CASES: Record<string, string> = {
  empty: '',
  'one space': ' ',
  '2,000 × "a" (one long piece)': 'a'.repeat(2000),
  '"ab" × 700': 'ab'.repeat(700),
  '1,000 digits': '1234567890'.repeat(100),
  '500 Han characters without punctuation': '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生'.repeat(11).slice(0, 500),
  'lone surrogates': 'a\ud800b \udc00c \ud83d\ude00 \ude00\ud83d x\ud800',
  'NUL and controls': 'a\u0000b\u0000\u0000c \u0001\u0002\u001f\u007f end',
  'special-token strings': '<|endoftext|> hello <|endofprompt|><|fim_prefix|>x<|im_start|>',
  'whitespace mixes': '  \n\n  \t\t\r\n \u00a0\u2003\u3000 x  \n   \n',
  'slashes after newlines': 'a.\n/b\n//c\n/\n/',
  'contractions': "I'm you're he's we've they'll it'd DON'T I'M You'Re 's 'd 'll",
  'combining marks alone': '\u0301\u0301a\u0301 \u0308\u0308',
  'mixed scripts in one word': 'abcабвαβγ中文かなカナ한글',
  'camelCase and snake_case': 'allocateDisplayLines snake_case_name SCREAMING_CASE XMLHttpRequest',
  'numbers': '3.14159 1,000,000 0.0025 $2.50/1M ١٢٣ ①②③ 12345678901234567890',
  'long URL': 'https://example.com/' + 'path/'.repeat(60) + '?q=' + 'x'.repeat(300),
};

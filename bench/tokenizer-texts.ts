// Deterministic benchmark texts of about `size` UTF-8 bytes that do not repeat themselves,
// generated from the test corpus (test/fixtures/tokenizer) by seeded shuffles: words into new
// sentences for English and German, clause fragments for Chinese, lines for code.

export const CORPUS_FILES = {
  english: ['en-gptbots-pricing.txt', 'en-meingpt-billing.txt'],
  german: ['de-gptbots-preise.txt', 'de-gpt4-preisstrategie.txt'],
  chinese: ['zh-prose.txt'],
  code: ['code-core.ts.txt'],
} as const;
export type TextKind = keyof typeof CORPUS_FILES;

/** mulberry32: a small seeded generator, the same one as bench/rating.bench.ts. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

/** About `size` bytes of `kind` text built from `corpus` (the concatenated fixture files). */
export function makeText(kind: TextKind, corpus: string, size: number, seed = 7): string {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const parts: string[] = [];
  let bytes = 0;
  const add = (s: string): void => {
    parts.push(s);
    bytes += utf8(s);
  };
  if (kind === 'english' || kind === 'german') {
    const words = corpus.split(/\s+/).filter((w) => /\p{L}/u.test(w) && w.length < 30);
    while (bytes < size) {
      const n = 5 + Math.floor(random() * 20);
      const sentence = Array.from({ length: n }, () => pick(words)).join(' ');
      add(sentence.charAt(0).toUpperCase() + sentence.slice(1) + (random() < 0.15 ? '.\n\n' : '. '));
    }
  } else if (kind === 'chinese') {
    const clauses = corpus.split(/[，。？！：；、“”（）\s]+/u).filter((c) => c.length >= 2);
    while (bytes < size) {
      let sentence = '';
      const n = 2 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        const c = pick(clauses);
        const from = Math.floor(random() * (c.length - 1));
        sentence += c.slice(from, from + 2 + Math.floor(random() * 6)) + (i < n - 1 ? '，' : '');
      }
      add(sentence + (random() < 0.2 ? '。\n\n' : '。'));
    }
  } else {
    const lines = corpus.split('\n').filter((l) => l.trim().length > 0);
    while (bytes < size) add(pick(lines) + '\n');
  }
  return parts.join('');
}

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

// What both token-counting benchmarks (Node and Chromium) share: the tools, the texts, how each
// tool loads o200k_base, and the keystroke run.
export const TOOLS = ['creditkit', 'js-tiktoken', 'gpt-tokenizer'] as const;
export type Tool = (typeof TOOLS)[number];
export const TEXTS = ['english', 'german', 'chinese', 'code', 'a×1M'] as const;
export type TextName = (typeof TEXTS)[number];

/** A benchmark text: 1,000,000 × "a", or ~1 MB generated from the corpus files read by `read`. */
export async function benchText(name: TextName, read: (file: string) => string | Promise<string>): Promise<string> {
  if (name === 'a×1M') return 'a'.repeat(1_000_000);
  const files = await Promise.all(CORPUS_FILES[name].map(read));
  return makeText(name, files.join('\n'), 1 << 20);
}

/** Loads `tool`'s encoding; returns its counting function (special-token strings count as text in all three). */
export async function loadCounter(tool: Tool, encoding: 'o200k_base' | 'cl100k_base'): Promise<(text: string) => number> {
  if (tool === 'creditkit') {
    const { loadEncoding } = await import('../src/tokenizer/encodings.js');
    const counter = await loadEncoding(encoding);
    return (t) => counter.count(t);
  }
  if (tool === 'js-tiktoken') {
    const { Tiktoken } = await import('js-tiktoken/lite');
    const ranks = encoding === 'o200k_base' ? await import('js-tiktoken/ranks/o200k_base') : await import('js-tiktoken/ranks/cl100k_base');
    const enc = new Tiktoken(ranks.default);
    return (t) => enc.encode(t, [], []).length;
  }
  const mod = encoding === 'o200k_base' ? await import('gpt-tokenizer/encoding/o200k_base') : await import('gpt-tokenizer/encoding/cl100k_base');
  return (t) => mod.countTokens(t, { disallowedSpecial: new Set() });
}

/** 200 single-character edits (insert, then delete through update()) at seeded places in `text` held by a TokenCounter. */
export async function keystrokes(text: string): Promise<{ median: number; p95: number; max: number; fullMs: number; equal: boolean }> {
  const { TokenCounter } = await import('../src/tokenizer/index.js');
  const { loadEncoding } = await import('../src/tokenizer/encodings.js');
  const counter = await TokenCounter.create({ encoding: 'o200k_base' });
  counter.set(text);
  const random = rng(3);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const at = Math.floor(random() * counter.text.length);
    const start = performance.now();
    if (i % 2 === 0) counter.splice(at, 0, 'x');
    else counter.update(counter.text.slice(0, at) + counter.text.slice(at + 1));
    times.push(performance.now() - start);
  }
  const full = await loadEncoding('o200k_base');
  const start = performance.now();
  const exact = full.count(counter.text);
  const fullMs = performance.now() - start;
  times.sort((a, b) => a - b);
  return { median: times[100]!, p95: times[190]!, max: times[199]!, fullMs, equal: exact === counter.tokens };
}

// Token counting in Chromium, cold: every cell runs in a fresh module Worker (a new isolate: no
// warm JIT, no caches) that loads the tool, builds the text and counts it once. creditkit vs raw
// js-tiktoken `encode().length` vs gpt-tokenizer's `countTokens`, o200k_base; the same texts as
// bench/tokenizer.bench.ts; then load times, and a keystroke in a 200 KB document on the page.
// This one bundle is both the page script and the worker script.
import { CORPUS_FILES, makeText, rng, type TextKind } from './tokenizer-texts.js';

const MB = 1 << 20;
const TOOLS = ['creditkit', 'js-tiktoken', 'gpt-tokenizer'] as const;
type Tool = (typeof TOOLS)[number];
const TEXTS = ['english', 'german', 'chinese', 'code', 'a×1M'] as const;
type TextName = (typeof TEXTS)[number];
const LIMIT_MS = 20_000;

async function benchText(name: TextName): Promise<string> {
  if (name === 'a×1M') return 'a'.repeat(1_000_000);
  const files = await Promise.all(CORPUS_FILES[name as TextKind].map((f) => fetch(`/test/fixtures/tokenizer/${f}`).then((r) => r.text())));
  return makeText(name as TextKind, files.join('\n'), MB);
}

async function load(tool: Tool, encoding: 'o200k_base' | 'cl100k_base'): Promise<(text: string) => number> {
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

interface Job { mode: 'count' | 'load'; tool: Tool; what: string }
type Result = Record<string, number>;

async function inWorker(job: Job): Promise<Result> {
  const start = performance.now();
  const { mode, tool, what } = job;
  if (mode === 'load') {
    await load(tool, what as 'o200k_base');
    return { ms: performance.now() - start };
  }
  const text = await benchText(what as TextName);
  const count = await load(tool, 'o200k_base');
  const t0 = performance.now();
  const tokens = count(text);
  return { ms: performance.now() - t0, tokens, bytes: new TextEncoder().encode(text).length };
}

function cell(job: Job): Promise<Result | string> {
  return new Promise((resolve) => {
    const worker = new Worker(import.meta.url, { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve(`> ${LIMIT_MS / 1000} s`);
    }, LIMIT_MS + 10_000); // loading and generating come on top of the count
    worker.onmessage = ({ data }) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(data.error ? `error: ${data.error}` : data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      resolve(`error: ${e.message}`);
    };
    worker.postMessage(job);
  });
}

async function page(): Promise<void> {
  console.log(`${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; fresh Worker per cell; o200k_base; ~1 MB texts generated from test/fixtures/tokenizer.\n`);
  console.log('| text | tokens | creditkit | js-tiktoken | gpt-tokenizer | creditkit ÷ gpt-tokenizer | counts agree |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const fmt = (c: Result | string): string => (typeof c === 'string' ? c : `${c.ms!.toFixed(0)} ms (${(c.bytes! / MB / (c.ms! / 1000)).toFixed(1)} MB/s)`);
  for (const text of TEXTS) {
    const cells: Record<string, Result | string> = {};
    for (const tool of TOOLS) cells[tool] = await cell({ mode: 'count', tool, what: text });
    const ours = cells.creditkit!;
    const peer = cells['gpt-tokenizer']!;
    const ratio = typeof ours !== 'string' && typeof peer !== 'string' ? `${(peer.ms! / ours.ms!).toFixed(2)}×` : typeof ours !== 'string' ? `> ${(LIMIT_MS / ours.ms!).toFixed(0)}×` : '—';
    const counts = TOOLS.flatMap((t) => (typeof cells[t] === 'string' ? [] : [(cells[t] as Result).tokens!]));
    const agree = counts.every((n) => n === counts[0]) ? `yes (${counts.length} of 3 finished)` : `NO: ${counts.join(' / ')}`;
    console.log(`| ${text} | ${typeof ours === 'string' ? '?' : ours.tokens} | ${fmt(ours)} | ${fmt(cells['js-tiktoken']!)} | ${fmt(peer)} | ${ratio} | ${agree} |`);
  }

  console.log('\n| load (fresh Worker, import + build) | creditkit | js-tiktoken | gpt-tokenizer |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    const cells = [];
    for (const tool of TOOLS) cells.push(await cell({ mode: 'load', tool, what: encoding }));
    console.log(`| ${encoding} | ${cells.map((c) => (typeof c === 'string' ? c : `${c.ms!.toFixed(0)} ms`)).join(' | ')} |`);
  }

  // A keystroke on the page: 200 KB of English in a TokenCounter, 200 single-character edits.
  const { TokenCounter } = await import('../src/tokenizer/index.js');
  const { loadEncoding } = await import('../src/tokenizer/encodings.js');
  const counter = await TokenCounter.create({ encoding: 'o200k_base' });
  counter.set((await benchText('english')).slice(0, 200_000));
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
  console.log('\n| TokenCounter on the page, 200 KB English, 200 edits | median | p95 | max | full re-count | total = full count |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  console.log(`| one keystroke | ${times[100]!.toFixed(3)} ms | ${times[190]!.toFixed(3)} ms | ${times[199]!.toFixed(3)} ms | ${fullMs.toFixed(1)} ms | ${exact === counter.tokens ? 'yes' : 'NO'} |`);
  (globalThis as { __benchDone?: boolean }).__benchDone = true;
}

if (typeof document === 'undefined') {
  const scope = globalThis as unknown as { onmessage: (e: MessageEvent<Job>) => void; postMessage(m: unknown): void };
  scope.onmessage = async ({ data }) => {
    try {
      scope.postMessage(await inWorker(data));
    } catch (error) {
      scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  };
} else {
  void page();
}

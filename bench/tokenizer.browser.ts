// Token counting in Chromium, cold: every cell runs in a fresh module Worker (a new isolate: no
// warm JIT, no caches) that loads the tool, builds the text and counts it once. creditkit vs raw
// js-tiktoken `encode().length` vs gpt-tokenizer's `countTokens`, o200k_base; the same texts as
// bench/tokenizer.bench.ts; then load times, and a keystroke in a 200 KB document on the page.
// This one bundle is both the page script and the worker script.
import { TEXTS, TOOLS, benchText, keystrokes, loadCounter, type TextName, type Tool } from './tokenizer-texts.js';

const MB = 1 << 20;
const LIMIT_MS = 20_000;

const read = (file: string): Promise<string> => fetch(`/test/fixtures/tokenizer/${file}`).then((r) => r.text());

interface Job { mode: 'count' | 'load'; tool: Tool; what: string }
type Result = Record<string, number>;

async function inWorker(job: Job): Promise<Result> {
  const start = performance.now();
  const { mode, tool, what } = job;
  if (mode === 'load') {
    await loadCounter(tool, what as 'o200k_base');
    return { ms: performance.now() - start };
  }
  const text = await benchText(what as TextName, read);
  const count = await loadCounter(tool, 'o200k_base');
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

  // A keystroke on the page: 200 KB of English in a TokenCounter.
  const k = await keystrokes((await benchText('english', read)).slice(0, 200_000));
  console.log('\n| TokenCounter on the page, 200 KB English, 200 edits | median | p95 | max | full re-count | total = full count |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  console.log(`| one keystroke | ${k.median.toFixed(3)} ms | ${k.p95.toFixed(3)} ms | ${k.max.toFixed(3)} ms | ${k.fullMs.toFixed(1)} ms | ${k.equal ? 'yes' : 'NO'} |`);
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

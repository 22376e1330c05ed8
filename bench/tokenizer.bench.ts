// Token counting, cold: every figure comes from a fresh Node process (no warm JIT, no caches).
// creditkit's count-only BPE vs raw js-tiktoken `encode().length` vs gpt-tokenizer's
// `countTokens` on 1 MB of English, German, Chinese and code (generated without repeats from the
// test corpus, bench/tokenizer-texts.ts) and on 1,000,000 × "a"; load time and heap of each
// encoding; a keystroke in a 200 KB document through TokenCounter.
// Peers that are quadratic on one long piece get a time limit and are reported as "> limit".
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CORPUS_FILES, makeText, rng, type TextKind } from './tokenizer-texts.js';

const MB = 1 << 20;
const TOOLS = ['creditkit', 'js-tiktoken', 'gpt-tokenizer'] as const;
type Tool = (typeof TOOLS)[number];
const TEXTS = ['english', 'german', 'chinese', 'code', 'a×1M'] as const;
type TextName = (typeof TEXTS)[number];
const LIMIT_MS = Number(process.env.TOKENIZER_BENCH_LIMIT_MS ?? 20_000);
const ENCODING = 'o200k_base';

function benchText(name: TextName): string {
  if (name === 'a×1M') return 'a'.repeat(1_000_000);
  const corpus = CORPUS_FILES[name as TextKind].map((f) => readFileSync(`test/fixtures/tokenizer/${f}`, 'utf8')).join('\n');
  return makeText(name as TextKind, corpus, MB);
}

const heap = (): number => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Loads `tool`'s o200k_base encoding; returns a counting function. */
async function load(tool: Tool, encoding: string): Promise<(text: string) => number> {
  if (tool === 'creditkit') {
    const { loadEncoding } = await import('../src/tokenizer/encodings.js');
    const counter = await loadEncoding(encoding as 'o200k_base');
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

async function child(args: string[]): Promise<void> {
  const [mode, tool, what] = args as [string, Tool, string];
  if (mode === 'load') {
    const before = heap();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const count = await load(tool, what);
    const ms = performance.now() - start;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    count('one short count, so that lazily built tables exist');
    console.log(JSON.stringify({ ms, cpuMs, heapMB: (heap() - before) / MB }));
    return;
  }
  if (mode === 'count') {
    const text = benchText(what as TextName);
    const count = await load(tool, ENCODING);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const tokens = count(text);
    const ms = performance.now() - start;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    console.log(JSON.stringify({ ms, cpuMs, tokens, bytes: new TextEncoder().encode(text).length }));
    return;
  }
  // keystroke: 200 KB of English in a TokenCounter, 200 single-character edits at random places.
  const { TokenCounter } = await import('../src/tokenizer/index.js');
  const { loadEncoding } = await import('../src/tokenizer/encodings.js');
  const text = benchText('english').slice(0, 200_000);
  const counter = await TokenCounter.create({ encoding: ENCODING });
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
  const full = await loadEncoding(ENCODING);
  const start = performance.now();
  const exact = full.count(counter.text);
  const fullMs = performance.now() - start;
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ median: times[100], p95: times[190], max: times[199], fullMs, equal: exact === counter.tokens }));
}

function run(args: string[]): { ok: true; value: Record<string, number | boolean> } | { ok: false; why: string } {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/tokenizer.bench.ts', '--child', ...args], {
    encoding: 'utf8',
    timeout: LIMIT_MS + 15_000, // the limit applies to the count; loading and generating come on top
    maxBuffer: 1 << 20,
  });
  if (result.error || result.status !== 0) return { ok: false, why: result.error ? `> ${LIMIT_MS / 1000} s` : `exit ${result.status}: ${result.stderr.trim().split('\n').pop()}` };
  return { ok: true, value: JSON.parse(result.stdout.trim().split('\n').pop()!) };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) return child(process.argv.slice(childAt + 1));

  const { loadavg, cpus } = await import('node:os');
  console.log(`Fresh process per cell; o200k_base; texts of about 1 MB (UTF-8) generated from test/fixtures/tokenizer; time limit ${LIMIT_MS / 1000} s per count.`);
  console.log(`Cells: wall ms / CPU ms of this process (user time, JIT threads included); ratios from CPU time, which a loaded machine distorts less. ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start.\n`);
  console.log('| text | tokens | creditkit | js-tiktoken | gpt-tokenizer | creditkit ÷ gpt-tokenizer (CPU) | counts agree |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const text of TEXTS) {
    const cells = Object.fromEntries(TOOLS.map((tool) => [tool, run(['count', tool, text])])) as Record<Tool, ReturnType<typeof run>>;
    const fmt = (c: ReturnType<typeof run>): string => (c.ok ? `${(c.value.ms as number).toFixed(0)} / ${(c.value.cpuMs as number).toFixed(0)} ms (${(((c.value.bytes as number) / MB) / ((c.value.cpuMs as number) / 1000)).toFixed(1)} MB/s CPU)` : c.why);
    const ours = cells.creditkit;
    const peer = cells['gpt-tokenizer'];
    const ratio = ours.ok && peer.ok ? `${((peer.value.cpuMs as number) / (ours.value.cpuMs as number)).toFixed(2)}×` : ours.ok ? `> ${(LIMIT_MS / (ours.value.ms as number)).toFixed(0)}× (wall)` : '—';
    const counts = TOOLS.map((t) => cells[t]).flatMap((c) => (c.ok ? [c.value.tokens as number] : []));
    const agree = counts.every((n) => n === counts[0]) ? `yes (${counts.length} of 3 finished)` : `NO: ${counts.join(' / ')}`;
    console.log(`| ${text} | ${ours.ok ? ours.value.tokens : '?'} | ${fmt(ours)} | ${fmt(cells['js-tiktoken'])} | ${fmt(peer)} | ${ratio} | ${agree} |`);
  }

  console.log('\n| load (fresh process): wall / CPU, heap + array buffers after | creditkit | js-tiktoken | gpt-tokenizer |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    const cells = TOOLS.map((tool) => run(['load', tool, encoding]));
    console.log(`| ${encoding} | ${cells.map((c) => (c.ok ? `${(c.value.ms as number).toFixed(0)} / ${(c.value.cpuMs as number).toFixed(0)} ms, ${(c.value.heapMB as number).toFixed(1)} MB` : c.why)).join(' | ')} |`);
  }

  const k = run(['keystroke']);
  console.log('\n| TokenCounter, 200 KB English, 200 edits | median | p95 | max | full re-count | total = full count |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  if (k.ok) {
    const v = k.value as Record<string, number>;
    console.log(`| one keystroke | ${v.median!.toFixed(3)} ms | ${v.p95!.toFixed(3)} ms | ${v.max!.toFixed(3)} ms | ${v.fullMs!.toFixed(1)} ms | ${k.value.equal ? 'yes' : 'NO'} |`);
  } else console.log(`| one keystroke | ${k.why} |`);
}

await main();

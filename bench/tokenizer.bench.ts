// Token counting, cold: every figure comes from a fresh Node process (no warm JIT, no caches).
// creditkit's count-only BPE vs raw js-tiktoken `encode().length` vs gpt-tokenizer's
// `countTokens` on 1 MB of English, German, Chinese and code (generated without repeats from the
// test corpus, bench/tokenizer-texts.ts) and on 1,000,000 × "a"; load time and heap of each
// encoding; a keystroke in a 200 KB document through TokenCounter.
// Peers that are quadratic on one long piece get a time limit and are reported as "> limit".
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TEXTS, TOOLS, benchText, keystrokes, loadCounter, type TextName, type Tool } from './tokenizer-texts.js';

const MB = 1 << 20;
const LIMIT_MS = Number(process.env.TOKENIZER_BENCH_LIMIT_MS ?? 20_000);
const ENCODING = 'o200k_base';

const read = (file: string): string => readFileSync(`test/fixtures/tokenizer/${file}`, 'utf8');

const heap = (): number => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

async function child(args: string[]): Promise<void> {
  const [mode, tool, what] = args as [string, Tool, string];
  if (mode === 'load') {
    const before = heap();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const count = await loadCounter(tool, what as 'o200k_base');
    const ms = performance.now() - start;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    count('one short count, so that lazily built tables exist');
    console.log(JSON.stringify({ ms, cpuMs, heapMB: (heap() - before) / MB }));
    return;
  }
  if (mode === 'count') {
    const text = await benchText(what as TextName, read);
    const count = await loadCounter(tool, ENCODING);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const tokens = count(text);
    const ms = performance.now() - start;
    const cpuMs = process.cpuUsage(cpu).user / 1000;
    console.log(JSON.stringify({ ms, cpuMs, tokens, bytes: new TextEncoder().encode(text).length }));
    return;
  }
  // keystroke: 200 KB of English in a TokenCounter.
  console.log(JSON.stringify(await keystrokes((await benchText('english', read)).slice(0, 200_000))));
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

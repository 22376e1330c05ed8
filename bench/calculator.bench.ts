// simulateMonth for 1,000 workloads (monthly totals, one rateMany per band variant) against the
// naive path: every request of the month priced with Decimal, one by one, in the same run.
import { readFileSync } from 'node:fs';
import { Decimal } from '../src/core/decimal.js';
import { effectivePrice, findService, parseCatalog, simulateMonth, UNITS, type PriceKey, type Scenario, type Workload } from '../src/core/index.js';
import { median, time } from './measure.js';

const catalog = parseCatalog(readFileSync('catalog/gptbots.json', 'utf8'));
const WORKLOADS = Number(process.env.WORKLOADS ?? 1000);

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const int = (max: number) => 1 + Math.floor(random() * max);
const llms = ['openai/gpt-4.1-1m', 'openai/gpt-4o-mini-128k', 'anthropic/claude-4.5-sonnet-200k', 'deepseek/deepseek-3.2-128k', 'google/gemini-3.0-flash', 'alibaba/qwen-plus-1m'];
const workloads: Workload[] = Array.from({ length: WORKLOADS }, (_, i) => {
  const kind = i % 10;
  if (kind < 7) return { service: llms[i % llms.length]!, keyMode: i % 3 ? 'platform' : 'own', requestsPerUserPerDay: int(8), inputTokens: int(4000), outputTokens: int(1000) };
  if (kind === 7) return { service: 'openai/text-embedding-3-small', requestsPerUserPerDay: int(8), inputTokens: int(500) };
  if (kind === 8) return { service: 'openai/whisper-large-v2', requestsPerUserPerDay: int(8), audioSeconds: int(120) };
  return { service: 'openai/tts', requestsPerUserPerDay: int(8), characters: int(2000) };
});
const scenario: Scenario = { version: 1, period: { basis: 'working', days: 21 }, users: 5, workloads };

/** The naive path: each request of the month priced with Decimal and added to a Decimal total. */
function naive(s: Scenario): string {
  let total = new Decimal(0);
  for (const w of s.workloads) {
    const service = findService(catalog, w.service);
    const per = UNITS[service.unit].per;
    const mode = w.keyMode ?? 'platform';
    const price = (key: PriceKey) => new Decimal(effectivePrice(catalog, service, mode, key)!.charged!);
    const requests = s.users * (w.requestsPerUserPerDay ?? 0) * s.period.days;
    const quantities: [PriceKey, number | undefined][] = [
      ['input', w.inputTokens],
      ['output', w.outputTokens],
      ['audio', w.audioSeconds],
      ['characters', w.characters],
    ];
    const priced = quantities.filter(([, q]) => q !== undefined).map(([k, q]) => [price(k), q!] as const);
    for (let r = 0; r < requests; r++) {
      for (const [p, q] of priced) total = total.plus(new Decimal(q).times(p).div(per));
    }
  }
  return total.toFixed();
}


// Warm the JIT the way a page that recomputes on every keystroke does.
for (let i = 0; i < 30; i++) simulateMonth(catalog, scenario);
const fast: number[] = [];
let fastTotal = '';
for (let i = 0; i < 25; i++) {
  const t = time(() => simulateMonth(catalog, scenario));
  fast.push(t.ms);
  fastTotal = t.value.credits;
}
const slow: number[] = [];
let slowTotal = '';
for (let i = 0; i < 3; i++) {
  const t = time(() => naive(scenario));
  slow.push(t.ms);
  slowTotal = t.value;
}
const requests = workloads.reduce((a, w) => a + scenario.users * (w.requestsPerUserPerDay ?? 0) * scenario.period.days, 0);
const f = median(fast);
const s = median(slow);
console.log(`workloads: ${WORKLOADS.toLocaleString('en')}; requests a month: ${requests.toLocaleString('en')}; totals equal: ${new Decimal(fastTotal).eq(slowTotal)} (${fastTotal} credits)`);
console.log('| path | median ms | vs naive |');
console.log('| --- | ---: | ---: |');
console.log(`| simulateMonth (monthly totals, one rateMany) | ${f.toFixed(2)} | ${(s / f).toFixed(0)}× faster |`);
console.log(`| naive: Decimal per request | ${s.toFixed(1)} | 1× |`);
console.log(`target: simulateMonth for ${WORKLOADS} workloads < 50 ms → ${f < 50 ? 'met' : 'MISSED'}`);

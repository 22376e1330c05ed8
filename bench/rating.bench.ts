// Rating 1,000,000 usage records: rateMany (integer sums, then a few exact multiplications)
// against the naive path (every record priced with Decimal one by one), in one run.
// The records mix long-context tiers, a batch service tier and the price change of GPTBots'
// lists on 2026-11-23 (the catalog made by mergeHistory, as `creditkit history` does), so
// rateMany's sums run per (service, key mode, period, service tier, tier).
import { readFileSync } from 'node:fs';
import { Decimal } from '../src/core/decimal.js';
import {
  effectivePrice, findService, instantMs, mergeHistory, parseCatalog, periodAt, rateMany, UNITS, PRICE_KEY_OF,
  type Catalog, type Usage, type QuantityKind, type Service,
} from '../src/core/index.js';
import { imageTokens } from '../src/core/images.js';
import { median, seededRandom, time } from './measure.js';

const N = Number(process.env.RECORDS ?? 1_000_000);
const llms = ['openai/gpt-4.1-1m', 'openai/gpt-4o-mini-128k', 'anthropic/claude-4.5-sonnet-200k', 'anthropic/claude-4.5-haiku-200k', 'xai/grok-4.1-fast-2m'];

/** Half the prices (a batch tier) or twice them (a long-context tier), per key mode. */
function scaled(prices: Service['prices'], factor: string): Service['prices'] {
  return Object.fromEntries(Object.entries(prices).map(([mode, set]) => [mode, Object.fromEntries(Object.entries(set).map(([k, v]) => [k, typeof v === 'string' ? new Decimal(v).times(factor).toFixed() : v]))]));
}
/** The merged GPTBots catalog with a 128K long-context tier and a batch tier on the LLMs above, in every period. */
function benchCatalog(): Catalog {
  const load = (file: string) => parseCatalog(readFileSync(file, 'utf8'));
  const merged = JSON.parse(JSON.stringify(mergeHistory(load('catalog/gptbots-previous.json'), load('catalog/gptbots.json'), '2026-11-23').catalog));
  for (const service of merged.services) {
    if (!llms.includes(service.id)) continue;
    for (const pricing of [service, ...(service.earlier ?? [])]) {
      pricing.tiers = [{ above: 128_000, prices: scaled(pricing.prices, '2') }];
      pricing.serviceTiers = { batch: { prices: scaled(pricing.prices, '0.5'), tiers: [{ above: 128_000, prices: scaled(pricing.prices, '1') }] } };
    }
  }
  return parseCatalog(merged);
}
const catalog = benchCatalog();

// Deterministic pseudo-random records, a realistic mix of services and quantities.
const random = seededRandom(42);
const int = (max: number) => Math.floor(random() * max);
const day = Date.UTC(2026, 10, 22);
const records: Usage[] = new Array(N);
for (let i = 0; i < N; i++) {
  const pick = random();
  if (pick < 0.85) {
    const long = random() < 0.03;
    const r: Usage = { service: llms[int(llms.length)]!, keyMode: random() < 0.3 ? 'own' : 'platform', inputTokens: long ? 120_000 + int(100_000) : int(8000), outputTokens: int(2000) };
    if (random() < 0.2) r.cachedInputTokens = int(4000);
    if (random() < 0.02) r.images = [{ width: 1 + int(2048), height: 1 + int(2048) }];
    if (random() < 0.1) r.serviceTier = 'batch';
    r.at = new Date(day + int(2 * 86_400_000)).toISOString();
    records[i] = r;
  } else if (pick < 0.9) records[i] = { service: 'openai/text-embedding-3-small', inputTokens: int(2000) };
  else if (pick < 0.95) records[i] = { service: 'openai/whisper-large-v2', audioSeconds: int(600) };
  else records[i] = { service: 'openai/tts', characters: int(3000) };
}

/** The naive path: every quantity of every record priced with Decimal at its period, service tier and tier, added to a Decimal total. */
function naive(rs: readonly Usage[]): string {
  let total = new Decimal(0);
  const kinds: QuantityKind[] = ['inputTokens', 'cachedInputTokens', 'outputTokens', 'audioSeconds', 'characters', 'requests', 'tokenDays'];
  const now = Date.now();
  for (const r of rs) {
    const found = findService(catalog, r.service);
    let service = periodAt(found, r.at === undefined ? now : instantMs(r.at)!)!.service;
    if (r.serviceTier === 'batch') service = { ...service, prices: service.serviceTiers!.batch!.prices, tiers: service.serviceTiers!.batch!.tiers };
    const per = UNITS[service.unit].per;
    const mode = r.keyMode ?? 'platform';
    const imageTotal = (r.images ?? []).reduce((sum, img) => sum + imageTokens(img.width, img.height), 0);
    const requestInput = (r.inputTokens ?? 0) + (r.cachedInputTokens ?? 0) + imageTotal;
    const tier = service.tiers && requestInput > service.tiers[0]!.above ? 0 : -1;
    for (const kind of kinds) {
      const q = r[kind as keyof Usage] as number | undefined;
      if (q === undefined) continue;
      const price = effectivePrice(catalog, service, mode, PRICE_KEY_OF[kind], tier)!;
      total = total.plus(new Decimal(q).times(price.charged!).div(per));
    }
    if (r.images) {
      const price = effectivePrice(catalog, service, mode, 'input', tier)!;
      total = total.plus(new Decimal(imageTotal).times(price.charged!).div(per));
    }
  }
  return total.toFixed();
}

/** Wall-clock ms, and the CPU time of the whole process (every thread: compiler, GC), steadier than wall-clock on a loaded machine. */
function measure<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const start = process.cpuUsage();
  const t = time(fn);
  const used = process.cpuUsage(start);
  return { ...t, cpu: (used.user + used.system) / 1000 };
}

const fast = [] as number[];
const fastCpu = [] as number[];
let fastTotal = '';
for (let i = 0; i < 7; i++) {
  const t = measure(() => rateMany(catalog, records));
  fast.push(t.ms);
  fastCpu.push(t.cpu);
  fastTotal = t.value.credits;
}
const slow = [] as number[];
const slowCpu = [] as number[];
let slowTotal = '';
for (let i = 0; i < 3; i++) {
  const t = measure(() => naive(records));
  slow.push(t.ms);
  slowCpu.push(t.cpu);
  slowTotal = t.value;
}
const f = median(fast);
const first = fast[0]!;
const s = median(slow);
console.log(`records: ${N.toLocaleString('en')}; totals equal: ${new Decimal(fastTotal).eq(slowTotal)} (${fastTotal} credits)`);
console.log('| path | median ms | records / s | vs naive | CPU ms (process) | vs naive by CPU |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const row = (path: string, ms: number, cpu: number) =>
  console.log(`| ${path} | ${ms.toFixed(1)} | ${Math.round((N / ms) * 1000).toLocaleString('en')} | ${(s / ms).toFixed(1)}× faster | ${cpu.toFixed(0)} | ${(median(slowCpu) / cpu).toFixed(1)}× |`);
row('rateMany (integer sums, then exact products)', f, median(fastCpu));
row('rateMany, first call in this process', first, fastCpu[0]!);
row('naive: Decimal per record', s, median(slowCpu));
console.log(`targets: rateMany < 100 ms → ${f < 100 ? 'met' : 'MISSED'}; ≥ 30× naive → ${s / f >= 30 ? 'met' : 'MISSED'}; first call ≥ 30× → ${s / first >= 30 ? 'met' : 'MISSED'}`);

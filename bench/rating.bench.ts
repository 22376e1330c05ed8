// Rating 1,000,000 usage records: rateMany (integer sums, then a few exact multiplications)
// against the naive path (every record priced with Decimal one by one), in one run.
import { readFileSync } from 'node:fs';
import { Decimal } from '../src/core/decimal.js';
import { effectivePrice, findService, parseCatalog, rateMany, UNITS, PRICE_KEY_OF, type Usage, type QuantityKind } from '../src/core/index.js';
import { imageTokens } from '../src/core/images.js';
import { median, seededRandom, time } from './measure.js';

const catalog = parseCatalog(readFileSync('catalog/gptbots.json', 'utf8'));
const N = Number(process.env.RECORDS ?? 1_000_000);

// Deterministic pseudo-random records, a realistic mix of services and quantities.
const random = seededRandom(42);
const int = (max: number) => Math.floor(random() * max);
const llms = ['openai/gpt-4.1-1m', 'openai/gpt-4o-mini-128k', 'anthropic/claude-4.5-sonnet-200k', 'deepseek/deepseek-3.2-128k', 'google/gemini-3.0-flash', 'alibaba/qwen-plus-1m'];
const records: Usage[] = new Array(N);
for (let i = 0; i < N; i++) {
  const pick = random();
  if (pick < 0.85) {
    const r: Usage = { service: llms[int(llms.length)]!, keyMode: random() < 0.3 ? 'own' : 'platform', inputTokens: int(8000), outputTokens: int(2000) };
    if (random() < 0.2) r.cachedInputTokens = int(4000);
    if (random() < 0.02) r.images = [{ width: 1 + int(2048), height: 1 + int(2048) }];
    records[i] = r;
  } else if (pick < 0.9) records[i] = { service: 'openai/text-embedding-3-small', inputTokens: int(2000) };
  else if (pick < 0.95) records[i] = { service: 'openai/whisper-large-v2', audioSeconds: int(600) };
  else records[i] = { service: 'openai/tts', characters: int(3000) };
}

/** The naive path: every quantity of every record priced with Decimal and added to a Decimal total. */
function naive(rs: readonly Usage[]): string {
  let total = new Decimal(0);
  const kinds: QuantityKind[] = ['inputTokens', 'cachedInputTokens', 'outputTokens', 'audioSeconds', 'characters', 'requests', 'tokenDays'];
  for (const r of rs) {
    const service = findService(catalog, r.service);
    const per = UNITS[service.unit].per;
    const mode = r.keyMode ?? 'platform';
    for (const kind of kinds) {
      const q = r[kind as keyof Usage] as number | undefined;
      if (q === undefined) continue;
      const price = effectivePrice(catalog, service, mode, PRICE_KEY_OF[kind])!;
      total = total.plus(new Decimal(q).times(price.charged!).div(per));
    }
    if (r.images) {
      const price = effectivePrice(catalog, service, mode, 'input')!;
      for (const img of r.images) total = total.plus(new Decimal(imageTokens(img.width, img.height)).times(price.charged!).div(per));
    }
  }
  return total.toFixed();
}


const fast = [] as number[];
let fastTotal = '';
for (let i = 0; i < 7; i++) {
  const t = time(() => rateMany(catalog, records));
  fast.push(t.ms);
  fastTotal = t.value.credits;
}
const slow = [] as number[];
let slowTotal = '';
for (let i = 0; i < 3; i++) {
  const t = time(() => naive(records));
  slow.push(t.ms);
  slowTotal = t.value;
}
const f = median(fast);
const s = median(slow);
console.log(`records: ${N.toLocaleString('en')}; totals equal: ${new Decimal(fastTotal).eq(slowTotal)} (${fastTotal} credits)`);
console.log('| path | median ms | records / s | vs naive |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| rateMany (integer sums, then exact products) | ${f.toFixed(1)} | ${Math.round((N / f) * 1000).toLocaleString('en')} | ${(s / f).toFixed(1)}× faster |`);
console.log(`| naive: Decimal per record | ${s.toFixed(1)} | ${Math.round((N / s) * 1000).toLocaleString('en')} | 1× |`);
console.log(`targets: rateMany < 100 ms → ${f < 100 ? 'met' : 'MISSED'}; ≥ 30× naive → ${s / f >= 30 ? 'met' : 'MISSED'}`);

// A part's monthly quantities as a handful of synthetic usage records for rateMany. Usually one
// record; more only when a quantity passes 2^53 or when a long-context tier must see each
// record's input inside the tier the real requests fall in (rateMany picks a tier per record).
import type { Service } from '../catalog/schema.js';
import type { Decimal } from '../decimal.js';
import { CreditError } from '../errors.js';
import type { Usage } from '../rating/usage.js';
import { tiersOf, ZERO, type Part } from './quantities.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** More records than this for one part means the scenario is outside what the simulator models. */
const MAX_RECORDS = 100_000;

/** The long-context tier one request of `requestInput` input tokens is priced in (-1: base prices), and its bounds. */
export function tierOf(tiers: Service['tiers'], requestInput: Decimal): { index: number; above: number; below: number } {
  let index = -1;
  let above = -1;
  let below = MAX;
  (tiers ?? []).forEach((t, i) => {
    if (requestInput.gt(t.above) && t.above > above) {
      index = i;
      above = t.above;
    }
  });
  for (const t of tiers ?? []) if (t.above > above && t.above < below) below = t.above;
  return { index, above, below };
}

type IntField = 'inputTokens' | 'cachedInputTokens' | 'cacheWriteTokens' | 'cacheWrite1hTokens' | 'outputTokens' | 'characters' | 'requests' | 'tokenDays';
/** The fields that count as a request's input for its long-context tier (the engine's rule: input, cache reads and writes, images). */
const INPUT_FIELDS: ReadonlySet<IntField> = new Set(['inputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'cacheWrite1hTokens']);

export function recordsOf(part: Part): Usage[] {
  const q = part.quantities;
  const ints: [IntField, Decimal][] = [];
  // Image tokens are priced as input tokens; they travel as input so the tier sees them too.
  if (q.inputTokens || q.imageTokens) ints.push(['inputTokens', (q.inputTokens ?? ZERO).plus(q.imageTokens ?? ZERO)]);
  for (const field of ['cachedInputTokens', 'cacheWriteTokens', 'cacheWrite1hTokens', 'outputTokens', 'characters', 'requests', 'tokenDays'] as const) {
    const value = q[field];
    if (value) ints.push([field, value]);
  }
  const head = (): Usage => ({ service: part.service.id, keyMode: part.keyMode, ...(part.serviceTier && { serviceTier: part.serviceTier }) });

  const tiers = tiersOf(part.service, part.serviceTier);
  const tier = tiers?.length ? tierOf(tiers, part.requestInput) : undefined;
  // The usual case: one record, every quantity a safe integer.
  if (!tier && ints.every(([, v]) => v.lte(MAX))) {
    const record = head();
    for (const [field, value] of ints) record[field] = value.toNumber();
    if (q.audioSeconds) record.audioSeconds = q.audioSeconds.toFixed();
    return [record];
  }
  // Enough records that each holds its quantities below 2^53 and each request's input inside its tier.
  const input = ints.reduce((sum, [field, value]) => (INPUT_FIELDS.has(field) ? sum.plus(value) : sum), ZERO);
  let n = Math.max(1, input.div(tier ? tier.below : MAX).ceil().toNumber());
  for (const [, value] of ints) n = Math.max(n, value.div(MAX).ceil().toNumber());
  if (n > MAX_RECORDS) {
    throw new CreditError(`workloads[${part.workload}]: ${part.service.id} would need ${n} rating records a month; the quantities are too large to simulate`);
  }
  if (tier && tier.index >= 0 && input.gt(0) && input.divToInt(n).lte(tier.above)) {
    throw new CreditError(`workloads[${part.workload}]: fewer than one long-context request a month on ${part.service.id}; raise the requests or lower the input`);
  }
  const records: Usage[] = Array.from({ length: n }, head);
  // The remainders of the input fields go round the records in turn, so that every record's input
  // differs from the others' by at most one token (and stays inside the tier).
  let offset = 0;
  for (const [field, value] of ints) {
    const base = value.divToInt(n);
    const remainder = value.minus(base.times(n)).toNumber();
    const b = base.toNumber();
    const start = INPUT_FIELDS.has(field) ? offset : 0;
    records.forEach((r, i) => (r[field] = b + ((i - start + n) % n < remainder ? 1 : 0)));
    if (INPUT_FIELDS.has(field)) offset = (offset + remainder) % n;
  }
  if (q.audioSeconds) records[0]!.audioSeconds = q.audioSeconds.toFixed();
  return records;
}

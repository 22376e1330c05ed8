// A part's monthly quantities as a handful of synthetic usage records for rateMany. Usually one
// record; more only when a quantity passes 2^53 or when a long-context tier must see each
// record's input inside the tier the real requests fall in (rateMany picks a tier per record).
import type { Service } from '../catalog/schema.js';
import type { Decimal } from '../decimal.js';
import { CreditError } from '../errors.js';
import type { Usage } from '../rating/usage.js';
import { ZERO, type Part } from './quantities.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** More records than this for one part means the scenario is outside what the simulator models. */
const MAX_RECORDS = 100_000;

/** The long-context tier one request of `requestInput` input tokens is priced in (-1: base prices), and its bounds. */
export function tierOf(service: Service, requestInput: Decimal): { index: number; above: number; below: number } {
  let index = -1;
  let above = -1;
  let below = MAX;
  (service.tiers ?? []).forEach((t, i) => {
    if (requestInput.gt(t.above) && t.above > above) {
      index = i;
      above = t.above;
    }
  });
  for (const t of service.tiers ?? []) if (t.above > above && t.above < below) below = t.above;
  return { index, above, below };
}

type IntField = 'inputTokens' | 'outputTokens' | 'characters' | 'requests' | 'tokenDays';

export function recordsOf(part: Part): Usage[] {
  const q = part.quantities;
  const ints: [IntField, Decimal][] = [];
  // Image tokens are priced as input tokens; they travel as input so the tier sees them too.
  if (q.inputTokens || q.imageTokens) ints.push(['inputTokens', (q.inputTokens ?? ZERO).plus(q.imageTokens ?? ZERO)]);
  if (q.outputTokens) ints.push(['outputTokens', q.outputTokens]);
  if (q.characters) ints.push(['characters', q.characters]);
  if (q.requests) ints.push(['requests', q.requests]);
  if (q.tokenDays) ints.push(['tokenDays', q.tokenDays]);

  const tier = part.service.tiers?.length ? tierOf(part.service, part.requestInput) : undefined;
  // The usual case: one record, every quantity a safe integer.
  if (!tier && ints.every(([, v]) => v.lte(MAX))) {
    const record: Usage = { service: part.service.id, keyMode: part.keyMode };
    for (const [field, value] of ints) record[field] = value.toNumber();
    if (q.audioSeconds) record.audioSeconds = q.audioSeconds.toFixed();
    return [record];
  }
  const limitOf = (field: IntField) => (field === 'inputTokens' && tier ? tier.below : MAX);
  let n = 1;
  for (const [field, value] of ints) n = Math.max(n, value.div(limitOf(field)).ceil().toNumber());
  if (n > MAX_RECORDS) {
    throw new CreditError(`workloads[${part.workload}]: ${part.service.id} would need ${n} rating records a month; the quantities are too large to simulate`);
  }
  const records: Usage[] = Array.from({ length: n }, () => ({ service: part.service.id, keyMode: part.keyMode }));
  for (const [field, value] of ints) {
    const base = value.divToInt(n);
    const remainder = value.minus(base.times(n)).toNumber();
    const b = base.toNumber();
    records.forEach((r, i) => (r[field] = b + (i < remainder ? 1 : 0)));
    if (field === 'inputTokens' && tier && tier.index >= 0 && b + (remainder > 0 ? 1 : 0) > 0 && b <= tier.above) {
      throw new CreditError(
        `workloads[${part.workload}]: fewer than one long-context request a month on ${part.service.id}; raise the requests or lower the input`,
      );
    }
  }
  if (q.audioSeconds) records[0]!.audioSeconds = q.audioSeconds.toFixed();
  return records;
}

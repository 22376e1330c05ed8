// fast-check arbitraries: usage records that a catalog can rate, for the property tests.
import fc from 'fast-check';
import { UNITS, type Catalog, type Service, type Usage } from '../../src/core/index.js';

/** Key modes in which every price the service has is offered. */
export function offeredModes(service: Service): string[] {
  return Object.entries(service.prices)
    .filter(([, set]) => Object.values(set).every((p) => p !== null))
    .map(([mode]) => mode);
}

const tokens = fc.integer({ min: 0, max: 5_000_000 });
// Multiples of 1.5 s keep "per 60 s" terminating (1.5 / 60 = 1/40), so sums compare exactly.
const seconds = fc.integer({ min: 0, max: 20_000 }).map((n) => (n % 2 ? String(n * 1.5) : n * 1.5));
const image = fc.record({ width: fc.integer({ min: 1, max: 4096 }), height: fc.integer({ min: 1, max: 4096 }) });

/** A usage record for one service, with a random subset (at least one) of its applicable quantities. */
export function usageFor(service: Service, keyMode: string): fc.Arbitrary<Usage> {
  const kind = UNITS[service.unit].kind;
  const keys = new Set(Object.values(service.prices).flatMap((set) => Object.keys(set)));
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  if (kind === 'tokens') {
    fields.inputTokens = tokens;
    fields.cachedInputTokens = tokens;
    if (keys.has('output')) {
      fields.outputTokens = tokens;
      fields.images = fc.array(image, { minLength: 1, maxLength: 3 });
    }
  } else if (kind === 'seconds') fields.audioSeconds = seconds;
  else if (kind === 'characters') fields.characters = fc.integer({ min: 0, max: 10_000_000 });
  else if (kind === 'requests' || kind === 'images') fields.requests = fc.integer({ min: 0, max: 1_000_000 });
  else fields.tokenDays = fc.integer({ min: 0, max: 1_000_000_000 });
  const names = Object.keys(fields);
  return fc
    .subarray(names, { minLength: 1 })
    .chain((chosen) => fc.record(Object.fromEntries(chosen.map((n) => [n, fields[n]!]))))
    .map((quantities) => ({ service: service.id, keyMode, ...quantities }) as Usage);
}

export function usageRecord(catalog: Catalog): fc.Arbitrary<Usage> {
  const pairs = catalog.services.flatMap((s) => offeredModes(s).map((mode) => [s, mode] as const));
  return fc.constantFrom(...pairs).chain(([service, mode]) => usageFor(service, mode));
}

// diffCatalogs: what changed between two catalogs — services added, removed, repriced — for the
// pricing table's live updates and "price changed" marks, and for `creditkit diff`.
import { compareDecimalStrings, isZeroDecimal, percentChange } from '../decimal-text.js';
import type { Catalog, PriceSet, Service } from './schema.js';
import { PRICE_KEYS, SERVICE_TIERS, type PriceKey } from './vocabulary.js';

export interface PriceChange {
  keyMode: string;
  /** The price that changed; `generatedImages` with the `variant` for a generated image's price. */
  key: PriceKey | 'generatedImages';
  /** A generated image's size and quality ("1024x1024/high"). */
  variant?: string;
  /** Where the price is a service tier's (batch, flex, priority) rather than the standard one. */
  serviceTier?: string;
  /** Where the price is a long-context tier's: the input tokens above which it applies. */
  above?: number;
  /** Old and new price; null = not offered, undefined = no such price. */
  from: string | null | undefined;
  to: string | null | undefined;
  /** Change in percent, to two places ("-25", "12.5"); absent when either side is not a positive number. */
  percent?: string;
}

export interface RepricedService {
  id: string;
  changes: PriceChange[];
}

export interface CatalogDiff {
  added: Service[];
  removed: Service[];
  repriced: RepricedService[];
  /** Services whose unit changed: their prices are not comparable. */
  changedUnit: { id: string; from: string; to: string }[];
}

// Exact on the decimal strings, without decimal.js: a price list marks changes with this.
const changeInPercent = (from: string, to: string): string | undefined => (isZeroDecimal(from) ? undefined : percentChange(from, to));

function samePrice(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return compareDecimalStrings(a, b) === 0; // "0.1" and "0.10" are one price
}

type Prices = Record<string, PriceSet>;
type Where = Pick<PriceChange, 'serviceTier' | 'above'>;

function change(keyMode: string, key: PriceChange['key'], from: string | null | undefined, to: string | null | undefined, where: Where & { variant?: string }): PriceChange {
  const percent = typeof from === 'string' && typeof to === 'string' ? changeInPercent(from, to) : undefined;
  return { keyMode, key, from, to, ...where, ...(percent !== undefined && { percent }) };
}

/** The changes between two sets of prices per key mode: every price key, and each generated image's variant. */
function setChanges(previous: Prices, next: Prices, where: Where): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const keyMode of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const [a, b] = [previous[keyMode], next[keyMode]];
    for (const key of PRICE_KEYS) if (!samePrice(a?.[key], b?.[key])) changes.push(change(keyMode, key, a?.[key], b?.[key], where));
    for (const variant of new Set([...Object.keys(a?.generatedImages ?? {}), ...Object.keys(b?.generatedImages ?? {})])) {
      const [from, to] = [a?.generatedImages?.[variant], b?.generatedImages?.[variant]];
      if (!samePrice(from, to)) changes.push(change(keyMode, 'generatedImages', from, to, { ...where, variant }));
    }
  }
  return changes;
}

/** Long-context tiers matched by their threshold: a tier added or dropped shows as prices from or to none. */
function tierChanges(previous: Service['tiers'], next: Service['tiers'], where: Where): PriceChange[] {
  const thresholds = [...new Set([...(previous ?? []), ...(next ?? [])].map((t) => t.above))].sort((x, y) => x - y);
  return thresholds.flatMap((above) =>
    setChanges(previous?.find((t) => t.above === above)?.prices ?? {}, next?.find((t) => t.above === above)?.prices ?? {}, { ...where, above }),
  );
}

/**
 * Every price that differs between two entries (of one service, or of a service and its
 * successor): the standard prices and their generated-image variants, the long-context tiers by
 * threshold, and each service tier's prices and tiers.
 */
export function priceChanges(previous: Service, service: Service): PriceChange[] {
  const changes = [...setChanges(previous.prices, service.prices, {}), ...tierChanges(previous.tiers, service.tiers, {})];
  for (const serviceTier of SERVICE_TIERS) {
    if (serviceTier === 'standard') continue;
    const [a, b] = [previous.serviceTiers?.[serviceTier], service.serviceTiers?.[serviceTier]];
    if (!a && !b) continue;
    changes.push(...setChanges(a?.prices ?? {}, b?.prices ?? {}, { serviceTier }), ...tierChanges(a?.tiers, b?.tiers, { serviceTier }));
  }
  return changes;
}

/** True when two entries charge the same: the same prices, generated images, long-context tiers and service tiers. */
export function samePricing(a: Service, b: Service): boolean {
  return priceChanges(a, b).length === 0;
}

/** Compares services by id. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const old = new Map(before.services.map((s) => [s.id, s]));
  const current = new Map(after.services.map((s) => [s.id, s]));
  const diff: CatalogDiff = { added: [], removed: [], repriced: [], changedUnit: [] };
  for (const service of after.services) if (!old.has(service.id)) diff.added.push(service);
  for (const service of before.services) if (!current.has(service.id)) diff.removed.push(service);
  for (const service of after.services) {
    const previous = old.get(service.id);
    if (!previous) continue;
    if (previous.unit !== service.unit) {
      diff.changedUnit.push({ id: service.id, from: previous.unit, to: service.unit });
      continue;
    }
    const changes = priceChanges(previous, service);
    if (changes.length) diff.repriced.push({ id: service.id, changes });
  }
  return diff;
}

/** True when nothing a price list shows has changed. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.repriced.length && !diff.changedUnit.length;
}

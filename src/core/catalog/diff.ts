// diffCatalogs: what changed between two catalogs — services added, removed, repriced — for the
// pricing table's live updates and "price changed" marks, and for `creditkit diff`.
import { compareDecimalStrings, isZeroDecimal, percentChange } from '../decimal-text.js';
import type { Catalog, Service } from './schema.js';
import { PRICE_KEYS, type PriceKey } from './vocabulary.js';

export interface PriceChange {
  keyMode: string;
  key: PriceKey;
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

/** Every price that differs between two entries (of one service, or of a service and its successor). */
export function priceChanges(previous: Service, service: Service): PriceChange[] {
  const modes = new Set([...Object.keys(previous.prices), ...Object.keys(service.prices)]);
  const changes: PriceChange[] = [];
  for (const keyMode of modes) {
    for (const key of PRICE_KEYS) {
      const from = previous.prices[keyMode]?.[key];
      const to = service.prices[keyMode]?.[key];
      if (samePrice(from, to)) continue;
      const percent = typeof from === 'string' && typeof to === 'string' ? changeInPercent(from, to) : undefined;
      changes.push({ keyMode, key, from, to, ...(percent !== undefined && { percent }) });
    }
  }
  return changes;
}

/** True when two entries charge the same: the same prices, long-context tiers and service tiers. */
export function samePricing(a: Service, b: Service): boolean {
  const images = (s: Service) => Object.entries(s.prices).map(([mode, set]) => [mode, set.generatedImages ?? {}]);
  return !priceChanges(a, b).length && JSON.stringify([a.tiers ?? [], a.serviceTiers ?? {}, images(a)]) === JSON.stringify([b.tiers ?? [], b.serviceTiers ?? {}, images(b)]);
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

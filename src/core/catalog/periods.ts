// Prices through time: a service's price periods (its `earlier` prices, then its current ones,
// within `since` and `until`), the prices in force at an instant, and a catalog as it stood at an
// instant. Each period is presented as a Service of its own with that period's prices and
// tiers, so every price rule (caps, fallbacks, tiers) works on it unchanged.
import { formatInstant, instantMs } from '../instant.js';
import type { Catalog, Service } from './schema.js';

export interface PricePeriod {
  /** Index among the service's periods, oldest first. */
  index: number;
  /** Milliseconds since the epoch; -Infinity when the period has no start. */
  from: number;
  /** Exclusive end; Infinity when the period has no end. */
  until: number;
  /** The service with this period's prices and tiers, and no history. */
  service: Service;
}

const periodsOf = new WeakMap<Service, readonly PricePeriod[]>();

type Pricing = Pick<Service, 'prices' | 'tiers' | 'serviceTiers'>;

/** A copy of the service with one period's prices, tiers and service tiers, and no history fields. */
function withPrices(service: Service, { prices, tiers, serviceTiers }: Pricing): Service {
  const { earlier: _earlier, since: _since, until: _until, tiers: _tiers, serviceTiers: _serviceTiers, ...rest } = service;
  return Object.freeze({ ...rest, prices, ...(tiers && { tiers }), ...(serviceTiers && { serviceTiers }) });
}

/** True when the service's prices depend on the instant. */
export function hasHistory(service: Service): boolean {
  return service.earlier !== undefined || service.since !== undefined || service.until !== undefined;
}

/** The service's price periods, oldest first (one unbounded period for a service without history). */
export function pricePeriods(service: Service): readonly PricePeriod[] {
  let periods = periodsOf.get(service);
  if (periods) return periods;
  if (!hasHistory(service)) periods = [{ index: 0, from: -Infinity, until: Infinity, service }];
  else {
    const list: PricePeriod[] = [];
    let from = service.since === undefined ? -Infinity : instantMs(service.since)!;
    for (const earlier of service.earlier ?? []) {
      const until = instantMs(earlier.until)!;
      list.push({ index: list.length, from, until, service: withPrices(service, earlier) });
      from = until;
    }
    const until = service.until === undefined ? Infinity : instantMs(service.until)!;
    list.push({ index: list.length, from, until, service: withPrices(service, service) });
    // A period that ends before it starts (a removal before the last change) prices nothing.
    periods = list.filter((p) => p.from < p.until);
  }
  Object.freeze(periods);
  periodsOf.set(service, periods);
  return periods;
}

/** The period in force at `ms`, or undefined when the service was not offered then. */
export function periodAt(service: Service, ms: number): PricePeriod | undefined {
  for (const period of pricePeriods(service)) if (period.from <= ms && ms < period.until) return period;
  return undefined;
}

/** "from 2026-11-23T00:00:00Z until 2026-12-01T00:00:00Z" */
export function describePeriod(period: Pick<PricePeriod, 'from' | 'until'>): string {
  const parts = [];
  if (period.from > -Infinity) parts.push(`from ${formatInstant(period.from)}`);
  if (period.until < Infinity) parts.push(`until ${formatInstant(period.until)}`);
  return parts.join(' ') || 'at any time';
}

/** Why a service cannot be priced at `ms`: the periods it has. */
export function notInForce(service: Service, ms: number): string {
  const periods = pricePeriods(service);
  const span = periods.length ? describePeriod({ from: periods[0]!.from, until: periods[periods.length - 1]!.until }) : 'never';
  return `${service.id} has no prices in force at ${formatInstant(ms)}: it is priced ${span}`;
}

const atCache = new WeakMap<Catalog, Map<string, Catalog>>();

/**
 * The catalog as it stood at an instant: each service with the prices in force then, services
 * not offered then left out; the catalog itself when no service has a history. What a price list
 * shows (`catalogAt(catalog, Date.now())`) and what `diff` compares at two dates.
 */
export function catalogAt(catalog: Catalog, at: string | number | Date): Catalog {
  const ms = typeof at === 'number' ? at : at instanceof Date ? at.getTime() : instantMs(at);
  if (ms === undefined || Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  if (!catalog.services.some(hasHistory)) return catalog;
  const chosen = catalog.services.map((s) => periodAt(s, ms));
  const key = chosen.map((p) => (p ? p.index : '-')).join(',');
  let byKey = atCache.get(catalog);
  if (!byKey) atCache.set(catalog, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) {
    const services = chosen.flatMap((p) => (p ? [p.service] : []));
    view = Object.freeze({ ...catalog, services: Object.freeze(services) as Service[] });
    byKey.set(key, view);
  }
  return view;
}

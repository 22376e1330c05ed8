// A service as priced in a service tier (batch, flex, priority): the tier's prices and long-context
// tiers in place of the standard ones. One rule for the rating engine and the price list.
import type { Service, ServiceTier } from './schema.js';

const views = new WeakMap<Service, Map<ServiceTier, Service | null>>();

/**
 * The service priced in `tier`, or undefined where the service does not offer it (never the
 * standard prices in its place). Without its own long-context tiers, a service tier offers nothing
 * above the thresholds: never the standard tier's long-context price.
 */
export function serviceInTier(service: Service, tier: ServiceTier): Service | undefined {
  if (tier === 'standard') return service;
  let byTier = views.get(service);
  if (!byTier) views.set(service, (byTier = new Map()));
  let view = byTier.get(tier);
  if (view === undefined) {
    const prices = service.serviceTiers?.[tier];
    const tiers = prices?.tiers ?? service.tiers?.map((t) => ({ above: t.above, prices: {} }));
    view = prices ? Object.freeze({ ...service, prices: prices.prices, serviceTiers: undefined, ...(tiers ? { tiers } : { tiers: undefined }) }) : null;
    byTier.set(tier, view);
  }
  return view ?? undefined;
}

/** The service tiers besides standard that any of the services offers, in SERVICE_TIERS order. */
export function offeredServiceTiers(services: readonly Service[]): ServiceTier[] {
  const found = new Set<ServiceTier>();
  for (const s of services) for (const [tier, prices] of Object.entries(s.serviceTiers ?? {})) if (prices) found.add(tier as ServiceTier);
  return (['batch', 'flex', 'priority'] as const).filter((t) => found.has(t));
}

// Which key mode applies when none is chosen. One rule for the engine, the simulator, the budget
// helper and every element, so that what a page shows is what it prices.
import type { Catalog } from './schema.js';

/**
 * The key mode of a usage record, workload or view that names none: the catalog's
 * `defaultKeyMode`, else `platform` where the catalog has it (the platform's own key, what a
 * customer gets without configuring anything), else the first key mode listed.
 */
export function defaultKeyMode(catalog: Pick<Catalog, 'keyModes' | 'defaultKeyMode'>): string {
  if (catalog.defaultKeyMode) return catalog.defaultKeyMode;
  return catalog.keyModes.some((k) => k.id === 'platform') ? 'platform' : catalog.keyModes[0]!.id;
}

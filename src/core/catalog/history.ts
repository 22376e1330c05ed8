// mergeHistory: one catalog holding two editions of a price list, the newer prices in force
// from an instant (`creditkit history`). A repriced service keeps its older prices as `earlier`;
// a removed one stays, rateable until the change; an added one is offered from it; a renamed
// one (as likelyRenames detects) keeps its history under the new id with the old id as alias.
import { CatalogError, type Issue } from '../errors.js';
import { formatInstant, instantMs, INSTANT_EXAMPLE } from '../instant.js';
import { describeValue } from '../describe.js';
import { diffCatalogs, samePricing } from './diff.js';
import { likelyRenames, type LikelyRename } from './renames.js';
import type { Catalog, EarlierPrices, Service } from './schema.js';

export interface HistoryResult {
  /** The merged catalog, as JSON (parse it with parseCatalog). */
  catalog: Catalog;
  from: string;
  repriced: string[];
  removed: string[];
  added: string[];
  renamed: LikelyRename[];
  /** Services whose unit changed: their older prices cannot be kept under the same id. */
  unitChanged: string[];
}

/** The older service's periods, closed at `until`, for the newer one's `earlier`. */
function earlierOf(older: Service, until: string): EarlierPrices[] {
  return [...(older.earlier ?? []), { until, prices: older.prices, ...(older.tiers && { tiers: older.tiers }), ...(older.serviceTiers && { serviceTiers: older.serviceTiers }) }];
}

function unionById<T extends { id: string }>(first: readonly T[], second: readonly T[]): T[] {
  const ids = new Set(first.map((x) => x.id));
  return [...first, ...second.filter((x) => !ids.has(x.id))];
}

/**
 * @param from the instant (a day is its midnight, UTC) from which the newer prices apply.
 * @throws CatalogError when `from` is not an instant, the credit units differ, or a service's
 *   history in the older catalog reaches past `from`.
 */
export function mergeHistory(older: Catalog, newer: Catalog, from: string): HistoryResult {
  const fromMs = instantMs(from);
  if (fromMs === undefined) throw new CatalogError([{ path: 'from', message: `expected an instant such as ${INSTANT_EXAMPLE}, got ${describeValue(from)}` }], 'cannot merge');
  const until = formatInstant(fromMs);
  const issues: Issue[] = [];
  if (older.creditUnit.currency !== newer.creditUnit.currency || older.creditUnit.value !== newer.creditUnit.value) {
    issues.push({ path: 'creditUnit', message: `the older catalog's credit is ${older.creditUnit.value} ${older.creditUnit.currency}, the newer's ${newer.creditUnit.value} ${newer.creditUnit.currency}: their prices are not in the same credits` });
  }
  older.services.forEach((s, i) => {
    const last = s.earlier?.at(-1)?.until;
    if (last !== undefined && instantMs(last)! >= fromMs) issues.push({ path: `older.services[${i}].earlier`, message: `${s.id} already changes price at ${last}, not before ${until}` });
  });
  if (issues.length) throw new CatalogError(issues, 'cannot merge');

  const diff = diffCatalogs(older, newer);
  const renamed = likelyRenames(diff);
  const olderById = new Map(older.services.map((s) => [s.id, s]));
  const predecessor = new Map<string, Service>(renamed.map((r) => [r.to, olderById.get(r.from)!]));
  const renamedFrom = new Set(renamed.map((r) => r.from));
  const result: HistoryResult = { catalog: newer, from: until, repriced: [], removed: [], added: [], renamed, unitChanged: [] };

  const services: Service[] = newer.services.map((service) => {
    const previous = olderById.get(service.id) ?? predecessor.get(service.id);
    if (!previous || previous.unit !== service.unit) {
      if (previous) result.unitChanged.push(service.id);
      else result.added.push(service.id);
      return { ...service, since: until };
    }
    const aliases = previous.id === service.id ? service.aliases : [...new Set([...(service.aliases ?? []), previous.id, ...(previous.aliases ?? [])])];
    const changed = !samePricing(previous, service);
    if (changed && previous.id === service.id) result.repriced.push(service.id);
    const earlier = changed ? earlierOf(previous, until) : previous.earlier;
    return {
      ...service,
      ...(aliases?.length && { aliases }),
      ...(earlier?.length && { earlier }),
      ...(previous.since !== undefined && { since: previous.since }),
    };
  });
  for (const service of older.services) {
    if (newer.services.some((s) => s.id === service.id) || renamedFrom.has(service.id)) continue;
    result.removed.push(service.id);
    const ended = service.until !== undefined && instantMs(service.until)! < fromMs;
    services.push(ended ? service : { ...service, until });
  }

  const note =
    `Prices through time (creditkit history): ${older.version} until ${until}, ${newer.version} from then. ` +
    `${result.repriced.length} repriced (earlier prices kept), ${result.removed.length} removed (rateable until ${until}), ${result.added.length} added (offered from ${until})` +
    (renamed.length ? `, ${renamed.length} renamed (history kept under the new id, the old id an alias: ${renamed.map((r) => `${r.from} → ${r.to}`).join(', ')})` : '') +
    (result.unitChanged.length ? `; the unit of ${result.unitChanged.join(', ')} changed, so their older prices are not kept` : '') +
    '. Caps, packages and rounding are those of the newer list.';
  result.catalog = {
    ...newer,
    keyModes: unionById(newer.keyModes, older.keyModes),
    billingTypes: unionById(newer.billingTypes, older.billingTypes),
    notes: [...(newer.notes ?? []), note],
    services,
  };
  return result;
}

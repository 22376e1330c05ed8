// findService: a service by id, alias or display name, case-insensitively, through an index
// built once per catalog.
import { AmbiguousServiceError, UnknownServiceError } from '../errors.js';
import type { Catalog, Service } from './schema.js';

interface ServiceIndex {
  byId: Map<string, Service>;
  byName: Map<string, Service[]>;
}

const indexes = new WeakMap<Catalog, ServiceIndex>();

/** Lower case, trimmed, runs of spaces and underscores as one hyphen: "GPT 4.1 1M" → "gpt-4.1-1m". */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function addName(map: Map<string, Service[]>, name: string, service: Service) {
  const key = normalizeName(name);
  const list = map.get(key);
  if (!list) map.set(key, [service]);
  else if (!list.includes(service)) list.push(service);
}

function indexOf(catalog: Catalog): ServiceIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  index = { byId: new Map(), byName: new Map() };
  for (const service of catalog.services) {
    if (!index.byId.has(service.id)) index.byId.set(service.id, service);
    addName(index.byName, service.model, service);
    addName(index.byName, `${service.brand} ${service.model}`, service);
    if (service.brandEn) addName(index.byName, `${service.brandEn} ${service.model}`, service);
    for (const alias of service.aliases ?? []) addName(index.byName, alias, service);
  }
  indexes.set(catalog, index);
  return index;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The longest service name (id, alias or display name) worth looking up. Longer ones get no
 * "did you mean": the edit distance costs length × length per service, and a 60 KB name would
 * hold a thread for seconds. The host API refuses longer names in its contract.
 */
export const MAX_SERVICE_NAME_LENGTH = 200;

/** The ids nearest to a query, for "did you mean" (none for a name over MAX_SERVICE_NAME_LENGTH). */
export function nearestIds(catalog: Catalog, query: string, count = 3): string[] {
  if (query.length > MAX_SERVICE_NAME_LENGTH) return [];
  const q = normalizeName(query);
  return catalog.services
    .map((s) => {
      const model = normalizeName(s.model);
      const distance = Math.min(editDistance(q, s.id), editDistance(q, model), s.id.includes(q) ? 0.5 : Infinity);
      return { id: s.id, distance };
    })
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((s) => s.id);
}

/**
 * Finds a service by id (`openai/gpt-4.1-1m`), alias (`GPT-Mini-Auido`) or display name
 * (`GPT-4.1-1M`, `Azure GPT-4.1-1M`), case-insensitively.
 * @throws AmbiguousServiceError when a name fits several services; UnknownServiceError with the nearest ids.
 */
export function findService(catalog: Catalog, idOrName: string): Service {
  const index = indexOf(catalog);
  const exact = index.byId.get(idOrName) ?? index.byId.get(normalizeName(idOrName));
  if (exact) return exact;
  const matches = index.byName.get(normalizeName(idOrName));
  if (matches?.length === 1) return matches[0]!;
  if (matches && matches.length > 1) throw new AmbiguousServiceError(idOrName, matches.map((s) => s.id));
  throw new UnknownServiceError(idOrName, nearestIds(catalog, idOrName));
}

/** Like findService, but undefined instead of an error. */
export function tryFindService(catalog: Catalog, idOrName: string): Service | undefined {
  try {
    return findService(catalog, idOrName);
  } catch {
    return undefined;
  }
}

// Which removed services were probably renamed to an added one, for `creditkit diff`: price lists
// rename models between editions (GPT-o4-mini → GPT-o4-mini-200k, Moonshot-8k → Moonshot-v1-8k),
// and an operator wants to see that as one model whose price may have changed, not as one gone and
// one new. Conservative on purpose: a hint beside the exact, id-based diff, never a replacement.
import { priceChanges, type CatalogDiff, type PriceChange } from './diff.js';
import type { Service } from './schema.js';

export interface LikelyRename {
  from: string;
  to: string;
  changes: PriceChange[];
}

/** A service's name at two levels of looseness: without a -v1 version marker, then also without
 *  the context-window suffix (-200k, -1m); with its provider, billing type and unit. */
function familyKeys(service: Service): [string, string] {
  const [provider, model = ''] = service.id.split('/', 2);
  const kind = `${provider}|${service.billingType}|${service.unit}`;
  const unversioned = model.replace(/-v\d+(?=-|$)/, '');
  return [`${kind}|${unversioned}`, `${kind}|${unversioned.replace(/-\d+(\.\d+)?[km]$/, '')}`];
}

function aliasOf(a: Service, b: Service): boolean {
  const names = new Set([a.id, ...(a.aliases ?? [])].map((n) => n.toLowerCase()));
  return [b.id, ...(b.aliases ?? [])].some((n) => names.has(n.toLowerCase()));
}

/** The one service of `among` that `service` matches at the closest level, if exactly one does. */
function onlyMatch(service: Service, among: readonly Service[]): Service | undefined {
  const keys = familyKeys(service);
  const levels = [(s: Service) => aliasOf(service, s), ...keys.map((key, i) => (s: Service) => familyKeys(s)[i] === key)];
  for (const matches of levels) {
    const found = among.filter(matches);
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined; // ambiguous at the closest level that matches at all
  }
  return undefined;
}

/** Pairs of a removed and an added service of the same provider, billing type and unit where one
 *  names the other as an alias, or whose names differ only by a version marker or a context-window
 *  suffix; only pairs that are each other's only match. */
export function likelyRenames(diff: CatalogDiff): LikelyRename[] {
  const renames: LikelyRename[] = [];
  for (const old of diff.removed) {
    const successor = onlyMatch(old, diff.added);
    if (successor && onlyMatch(successor, diff.removed) === old) renames.push({ from: old.id, to: successor.id, changes: priceChanges(old, successor) });
  }
  return renames;
}

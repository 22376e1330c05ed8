// What changed between two catalogs, as the price list marks it: loaded only when there is a
// catalog to compare with (the `previous` attribute, or a refresh that brought other prices), so
// a page that shows one catalog does not download the comparison.
import { diffCatalogs, type CatalogDiff } from '../../core/catalog/diff.js';
import { catalogAt } from '../../core/catalog/periods.js';
import type { Catalog } from '../../core/catalog/schema.js';
import { cellKey } from './model-types.js';

export { isEmptyDiff, type CatalogDiff } from '../../core/catalog/diff.js';

/** What changed between two catalogs as they stand at one instant (a history's future prices are not a change yet). */
export function diffCatalogsAt(before: Catalog, after: Catalog, at: number): CatalogDiff {
  return diffCatalogs(catalogAt(before, at), catalogAt(after, at));
}

/** Keys of the cells a diff touches (`id|keyMode:key`), and the ids of added services. */
export function changedCells(diff: CatalogDiff): { cells: Map<string, string | undefined>; added: Set<string> } {
  // value: the change in percent where both sides are prices ("-25", "12.5")
  const cells = new Map<string, string | undefined>();
  for (const service of diff.repriced) {
    for (const change of service.changes) {
      // The cells show the standard prices: a tier's or an image variant's change has no cell of its own.
      if (change.key === 'generatedImages' || change.serviceTier !== undefined || change.above !== undefined) continue;
      cells.set(`${service.id}|${cellKey(change.keyMode, change.key)}`, change.percent);
    }
  }
  return { cells, added: new Set(diff.added.map((s) => s.id)) };
}

// What the table shows for the current search, filters and sort: filtered, sorted groups and the
// cheapest cells. Runs on every keystroke, so it uses no Decimal (decimal-order.ts compares).
import { searchTerms } from '../../core/catalog/search.js';
import { compareDecimalStrings } from '../../core/decimal-text.js';
import { cellKey, type Group, type PriceCell, type Row, type TableModel } from './model-types.js';

export type SortDirection = 'ascending' | 'descending';
/** `name`, or a price column `keyMode:key` (a group without that key sorts by its first key). */
export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface ViewOptions {
  query: string;
  /** Allowed billing type ids / brands (attributes); empty = all. */
  billingTypes: readonly string[];
  brands: readonly string[];
  /** The one brand / billing type picked in the toolbar, or ''. */
  brand: string;
  billingType: string;
  sort: SortState | undefined;
  keyModes: readonly string[];
  /** For sorting by model name. */
  locale: string;
}

export interface GroupView {
  group: Group;
  rows: Row[];
  /** `id|keyMode:key` of the cheapest offered cells (none when more than three tie). */
  cheapest: Set<string>;
  /** The price column the group is sorted by, if any. */
  sortedColumn: string | undefined;
}

const MAX_CHEAPEST_TIES = 3;

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })));
  return c;
}

/** Comma or space separated list attribute → lower-case ids. */
export function parseList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function matchesBrand(row: Row, brand: string): boolean {
  const s = row.service;
  return s.brand.toLowerCase() === brand || s.brandEn?.toLowerCase() === brand;
}

/** The column a group sorts by: the asked key, or the group's first key in that key mode. */
export function groupColumn(group: Group, column: string): string | undefined {
  if (column === 'name') return undefined;
  const [mode, key] = column.split(':') as [string, string];
  return group.keys.includes(key as Group['keys'][number]) ? column : cellKey(mode, group.keys[0]!);
}

/** Sort value of a cell: charged price, free as "0"; not offered and none sort last either way. */
function sortValue(cell: PriceCell | undefined): string | undefined {
  if (!cell) return undefined;
  if (cell.state === 'free') return '0';
  return cell.state === 'price' ? cell.charged : undefined;
}

function sortRows(rows: Row[], column: string | undefined, direction: SortDirection, collator: Intl.Collator): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const indexed = rows.map((row, i) => ({ row, i, value: column ? sortValue(row.cells.get(column)) : row.service.model }));
  indexed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value === b.value) return a.i - b.i;
      return a.value === undefined ? 1 : -1;
    }
    const order = column ? compareDecimalStrings(a.value, b.value) : collator.compare(a.value, b.value);
    return order * sign || a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

function cheapestOf(group: Group, rows: Row[], keyModes: readonly string[]): Set<string> {
  const marked = new Set<string>();
  if (rows.length < 2) return marked;
  for (const mode of keyModes) {
    for (const key of group.keys) {
      const column = cellKey(mode, key);
      let best: string | undefined;
      let ties: Row[] = [];
      for (const row of rows) {
        const value = sortValue(row.cells.get(column));
        if (value === undefined) continue;
        const order = best === undefined ? -1 : compareDecimalStrings(value, best);
        if (order < 0) {
          best = value;
          ties = [row];
        } else if (order === 0) ties.push(row);
      }
      if (ties.length && ties.length <= MAX_CHEAPEST_TIES && ties.length < rows.length) {
        for (const row of ties) marked.add(`${row.service.id}|${column}`);
      }
    }
  }
  return marked;
}

export function viewOf(model: TableModel, options: ViewOptions): GroupView[] {
  const terms = searchTerms(options.query);
  const brand = options.brand.toLowerCase();
  const views: GroupView[] = [];
  for (const group of model.groups) {
    if (options.billingTypes.length && !options.billingTypes.includes(group.billingType)) continue;
    if (options.billingType && options.billingType !== group.billingType) continue;
    let rows = group.rows.filter(
      (row) =>
        (!options.brands.length || options.brands.some((b) => matchesBrand(row, b))) &&
        (!brand || matchesBrand(row, brand)) &&
        terms.every((t) => row.haystack.includes(t)),
    );
    if (!rows.length) continue;
    const sortedColumn = options.sort ? groupColumn(group, options.sort.column) : undefined;
    if (options.sort) rows = sortRows(rows, sortedColumn, options.sort.direction, collator(options.locale));
    views.push({ group, rows, cheapest: cheapestOf(group, rows, options.keyModes), sortedColumn });
  }
  return views;
}

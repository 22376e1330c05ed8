// "Export CSV" of what <credit-usage> shows: every day of the chart (zero days included), then the
// breakdown's groups in the order shown, then the period's total. Exact decimal strings as the
// host sent them, never a rounded display figure. DOM-free.
import { toCsv, type CsvCell } from '../../core/csv.js';
import { compareDecimalStrings } from '../../core/decimal-text.js';
import type { UsageReport } from '../../sdk/contract/usage.js';
import { fillDays } from './series.js';

export const USAGE_CSV_COLUMNS = ['group_by', 'key', 'label', 'credits', 'events'] as const;

/**
 * @param days the period's report grouped by day.
 * @param groups the same period grouped as the breakdown shows it, or undefined when it did not load.
 * @param label the name shown for a group (billing types in the page's language).
 */
export function usageCsv(days: UsageReport, groups: UsageReport | undefined, label: (key: string, label: string) => string = (_, l) => l): string {
  const rows: CsvCell[][] = [[...USAGE_CSV_COLUMNS]];
  const events = new Map(days.groups.map((g) => [g.key, g.events]));
  for (const d of fillDays(days, days.groups)) rows.push(['day', d.date, d.date, d.credits, events.get(d.date) ?? 0]);
  if (groups && groups.from === days.from && groups.to === days.to) {
    for (const g of sortedGroups(groups)) rows.push([groups.groupBy, g.key, label(g.key, g.label), g.credits, g.events]);
  }
  rows.push(['total', '', '', days.total.credits, days.total.events]);
  return toCsv(rows);
}

/** The groups as the breakdown lists them: most credits first, then by key. */
export function sortedGroups(report: UsageReport): UsageReport['groups'] {
  return [...report.groups].sort((a, b) => compareDecimalStrings(b.credits, a.credits) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The file name of a period's export: `usage-2026-11-01-to-2026-11-23-service.csv`. */
export function usageCsvName(days: UsageReport, groupBy: string): string {
  return `usage-${days.from}-to-${days.to}-${groupBy}.csv`;
}

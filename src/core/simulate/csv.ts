// The month's breakdown as CSV (RFC 4180, core's toCsv): one row per workload part and quantity
// kind, then the total.
import { toCsv, type CsvCell } from '../csv.js';
import type { SimulationResult } from './simulate.js';

export const CSV_COLUMNS = ['workload', 'name', 'part', 'service', 'key_mode', 'billing_type', 'kind', 'quantity', 'unit', 'unit_price', 'credits'] as const;

export function breakdownCsv(result: SimulationResult): string {
  const rows: CsvCell[][] = [[...CSV_COLUMNS]];
  for (const l of result.lines) {
    const w = result.byWorkload[l.workload]!;
    rows.push([l.workload + 1, w.name, l.role, l.service, l.keyMode, l.billingType, l.kind, l.quantity, l.unit, l.unitPrice, l.credits]);
  }
  rows.push(['total', '', '', '', '', '', '', '', '', '', result.credits]);
  return toCsv(rows);
}

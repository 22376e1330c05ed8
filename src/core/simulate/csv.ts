// The month's breakdown as CSV (RFC 4180): one row per workload part and quantity kind, then
// the total. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
import type { SimulationResult } from './simulate.js';

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['workload', 'name', 'part', 'service', 'key_mode', 'billing_type', 'kind', 'quantity', 'unit', 'unit_price', 'credits'] as const;

export function breakdownCsv(result: SimulationResult): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const l of result.lines) {
    const w = result.byWorkload[l.workload]!;
    rows.push([l.workload + 1, w.name, l.role, l.service, l.keyMode, l.billingType, l.kind, l.quantity, l.unit, l.unitPrice, l.credits]);
  }
  rows.push(['total', '', '', '', '', '', '', '', '', '', result.credits]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

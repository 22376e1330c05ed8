// CSV as RFC 4180 writes it: CRLF line ends, a cell quoted when it holds a comma, a quote or a
// line break (a quote doubled inside). A text cell that a spreadsheet would run as a formula
// (= + - @ tab CR first) gets an apostrophe in front; a plain number never does, so exact
// decimals ("-0.0009", "757.96864") stay numbers.
import { isPlainDecimal } from './decimal-text.js';

export type CsvCell = string | number;

/** One cell, quoted and defused as needed. */
export function csvCell(value: CsvCell): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !isPlainDecimal(text.replace(/^-/, ''))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) as a CSV document ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Cells of a pasted table: a price with a decimal point or a decimal comma, "-" for not offered.
// Each cell is read on its own, since one list mixes both separators (0,1375 next to 0.1375).

export type DecimalMark = 'auto' | 'point' | 'comma';

/** "-" and the typographic dashes a copy from a web page may turn it into. */
const NOT_OFFERED = new Set(['-', '–', '—']);

const POINT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
const COMMA = /^(?:0|[1-9]\d*)(?:,\d+)?$/;

/** True when a cell holds a price or "-" (never a thousands-grouped figure like 3,500,000). */
export function isPriceCell(cell: string, mark: DecimalMark = 'auto'): boolean {
  const text = cell.trim();
  if (NOT_OFFERED.has(text)) return true;
  if (mark !== 'comma' && POINT.test(text)) return true;
  return mark !== 'point' && COMMA.test(text);
}

/**
 * A price cell as a catalog price: a plain decimal string exactly as published (trailing zeros
 * kept, a decimal comma turned into a point), or null for "-". Undefined when it is not a price.
 */
export function readPrice(cell: string, mark: DecimalMark = 'auto'): string | null | undefined {
  const text = cell.trim();
  if (NOT_OFFERED.has(text)) return null;
  if (mark !== 'comma' && POINT.test(text)) return text;
  if (mark !== 'point' && COMMA.test(text)) return text.replace(',', '.');
  return undefined;
}

/** Splits one CSV record (RFC 4180 quotes; a quoted field may hold the delimiter, as "0,22" does). */
export function splitCsv(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return undefined; // an unterminated quote: the caller reports the line
  cells.push(cell);
  return cells.map((c) => c.trim());
}

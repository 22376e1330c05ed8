// Reads a price table pasted from a web page or a spreadsheet into raw rows with their line
// numbers. Three shapes: TSV (a copy of an HTML table or a sheet), CSV, and the text a page
// turns into when copied as plain text (cells separated by single spaces, as in the seeds).
// Only what is unambiguous is read; a line that looks like a price row but cannot be read is an error.
import { isPriceCell, splitCsv, type DecimalMark } from './cells.js';
import { lookupBrand, splitBrandPrefix, type BrandMap } from './brands.js';
import type { IssueLog } from './issues.js';
import { END_OF_TABLES, isSectionKey, sectionOfHeading, SECTIONS, unitOfNote, type SectionKey } from './sections.js';
import { UNITS, type Unit } from '../schema.js';

export type TableFormat = 'tsv' | 'csv' | 'text';

export interface RawRow {
  line: number;
  section: SectionKey;
  unit: Unit;
  /** TSV/CSV: the label cells (brand, model); text: one label, brand and model still together. */
  labels: string[];
  /** The price cells, as published ("0,1375", "-", "" for an empty cell of a wide layout). */
  cells: string[];
}

export interface TableReadOptions {
  format?: TableFormat | 'auto';
  /** CSV delimiter; by default ";" when the text has one, else ",". */
  delimiter?: string;
  decimalMark?: DecimalMark;
  /** The section of rows that come before any heading (a paste of one table alone). */
  section?: SectionKey;
  brands: BrandMap;
}

/** TSV when any line has a tab; CSV only when asked (a decimal comma makes commas ambiguous); else text. */
export function detectFormat(text: string): TableFormat {
  return text.includes('\t') ? 'tsv' : 'text';
}

interface Open {
  key: SectionKey;
  unit: Unit;
  heading: number;
  rows: number;
  /** Line of the note or text that ended the table, once it has had rows. */
  endedAt?: number;
}

export function readTable(text: string, options: TableReadOptions, log: IssueLog): { rows: RawRow[]; format: TableFormat } {
  const format = !options.format || options.format === 'auto' ? detectFormat(text) : options.format;
  const mark = options.decimalMark ?? 'auto';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const delimiter = options.delimiter ?? (format === 'csv' && lines.some((l) => l.includes(';')) ? ';' : ',');
  const rows: RawRow[] = [];
  let open: Open | undefined = options.section
    ? { key: options.section, unit: SECTIONS[options.section].unit, heading: 0, rows: 0 }
    : undefined;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;

    let cells: string[];
    if (format === 'text') cells = trimmed.split(/\s+/);
    else {
      const split = format === 'tsv' ? line.split('\t').map((c) => c.trim()) : splitCsv(line, delimiter);
      if (!split) {
        log.error('unterminated quote', { line: lineNo });
        continue;
      }
      cells = split;
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
    }
    const single = format === 'text' ? trimmed : cells.length === 1 ? cells[0]! : undefined;

    if (single !== undefined && END_OF_TABLES.test(single)) {
      log.info(`the price tables end at "${single}"; the rest is not read`, { line: lineNo });
      break;
    }
    const heading = single !== undefined ? sectionOfHeading(single) : undefined;
    if (heading) {
      open = { key: heading, unit: SECTIONS[heading].unit, heading: lineNo, rows: 0 };
      continue;
    }

    // A leading section column ("llm", "embedding", …) names the section of that row.
    let rowSection: SectionKey | undefined;
    if (format !== 'text' && cells.length >= 3 && isSectionKey(cells[0]!)) {
      rowSection = cells[0] as SectionKey;
      cells = cells.slice(1);
    }

    // The price cells are the trailing run of prices ("-" included; empty cells inside a wide layout).
    let start = cells.length;
    while (start > 0 && (isPriceCell(cells[start - 1]!, mark) || (format !== 'text' && cells[start - 1] === ''))) start--;
    while (start < cells.length && cells[start] === '') start++;
    const labels = format === 'text' ? (start > 0 ? [cells.slice(0, start).join(' ')] : []) : cells.slice(0, start);
    const prices = cells.slice(start);
    // Within an open table, a line that starts with a known brand is a row even without prices
    // (so "OpenAI GPT-x n/a" is reported, not skipped as a note).
    const inTable = !!open && open.endedAt === undefined;
    const startsWithBrand =
      inTable &&
      (format === 'text' ? !!splitBrandPrefix(options.brands, trimmed) : cells.length >= 3 && !!lookupBrand(options.brands, cells[0]!));
    const looksLikeRow = rowSection !== undefined || (prices.length > 0 && labels.length > 0) || startsWithBrand;

    if (!looksLikeRow) {
      // Header lines ("Brand", "Model", "Input (GPTBots Key) …") and notes. A note before the
      // rows may state the unit; a text line after rows ends the table.
      if (open && open.rows === 0) {
        const unit = unitOfNote(trimmed);
        if (unit && UNITS[unit].kind !== UNITS[SECTIONS[open.key].unit].kind) {
          log.error(`the note states prices per ${unit}, which does not fit the ${open.key} table (${SECTIONS[open.key].unit})`, { line: lineNo });
        } else if (unit) open.unit = unit;
      } else if (open && open.rows > 0 && open.endedAt === undefined) open.endedAt = lineNo;
      continue;
    }

    const section = rowSection ?? open?.key;
    if (!section) {
      log.error(`a price row before any section heading (expected a heading such as "LLM Service Pricing", or pass a section): ${trimmed}`, { line: lineNo });
      continue;
    }
    if (!rowSection && open?.endedAt !== undefined) {
      log.error(`a price row after the ${section} table ended at line ${open.endedAt}; put a section heading before it: ${trimmed}`, { line: lineNo });
      continue;
    }
    if (!labels.length) {
      log.error(`no brand or model before the prices: ${trimmed}`, { line: lineNo });
      continue;
    }
    if (!prices.length) {
      log.error(`no price found (expected decimal numbers or "-"): ${trimmed}`, { line: lineNo });
      continue;
    }
    const unit = rowSection ? SECTIONS[rowSection].unit : open!.unit;
    if (open && !rowSection) open.rows++;
    rows.push({ line: lineNo, section, unit, labels, cells: prices });
  }
  return { rows, format };
}

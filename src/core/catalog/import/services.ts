// Raw table rows → catalog service entries: brand slug, id, fixed spelling, billing type, prices
// per key mode from the column layout, context window and tokenizer.
import type { PriceKey, PriceSet, Unit } from '../schema.js';
import { normalizeName } from '../find.js';
import { lookupBrand, splitBrandPrefix, type BrandMap } from './brands.js';
import { readPrice, type DecimalMark } from './cells.js';
import type { IssueLog } from './issues.js';
import { contextWindowOf, fixSpelling, slugify, tokenizerOf } from './names.js';
import { SECTIONS, type SectionKey } from './sections.js';
import type { RawRow, TableFormat } from './table.js';

/** A plain service entry, in the key order of the project's catalogs. */
export interface ServiceEntry {
  id: string;
  brand: string;
  brandEn?: string;
  model: string;
  aliases?: string[];
  billingType: string;
  unit: Unit;
  prices: Record<string, PriceSet>;
  /** Long-context tiers, service tiers and earlier prices, where the source has them (LiteLLM, genai-prices). */
  tiers?: { above: number; prices: Record<string, PriceSet> }[];
  serviceTiers?: Partial<Record<'batch' | 'flex' | 'priority', { prices: Record<string, PriceSet> }>>;
  earlier?: { until: string; prices: Record<string, PriceSet>; tiers?: { above: number; prices: Record<string, PriceSet> }[] }[];
  contextWindow?: number;
  tokenizer?: 'o200k_base' | 'cl100k_base';
  notes?: string[];
}

/** Where one price cell goes: key mode and price key. */
export interface Column {
  keyMode: string;
  key: PriceKey;
}

export interface RowOptions {
  brands: BrandMap;
  /** The platform's own brand, for rows without one (vector storage): display name and slug. */
  platform: { brand: string; slug: string };
  keyModes: readonly string[];
  /** Column layout per section; by default key mode by key mode, input before output. */
  columns?: Partial<Record<SectionKey, Column[]>>;
  billingTypes?: Partial<Record<SectionKey, string>>;
  audioModels: readonly RegExp[];
  audioBillingType?: string;
  fixes: Record<string, string>;
  decimalMark?: DecimalMark;
}

export function defaultColumns(section: SectionKey, keyModes: readonly string[]): Column[] {
  return keyModes.flatMap((keyMode) => SECTIONS[section].priceKeys.map((key) => ({ keyMode, key })));
}

const STORAGE_NAME = SECTIONS.storage.heading;

function resolveLabels(row: RawRow, format: TableFormat, options: RowOptions, log: IssueLog): { brand: string; slug: string; en?: string; model: string } | undefined {
  const brands = { ...options.brands, [options.platform.brand]: { slug: options.platform.slug } };
  let brand: string | undefined;
  let model: string;
  if (format === 'text') {
    const split = splitBrandPrefix(brands, row.labels[0]! + ' ');
    if (split && !split.rest) {
      log.error(`no model name after the brand "${split.brand}"`, { line: row.line });
      return undefined;
    }
    if (split) ({ brand, rest: model } = split);
    else model = row.labels[0]!;
  } else if (row.labels.length === 2) {
    [brand, model] = row.labels as [string, string];
  } else if (row.labels.length === 1) model = row.labels[0]!;
  else {
    log.error(`expected a brand and a model before the prices, found ${row.labels.length} cells: ${row.labels.join(' | ')}`, { line: row.line });
    return undefined;
  }
  if (brand === undefined) {
    if (row.section !== 'storage') {
      log.error(`unknown brand in "${row.labels.join(' ')}" (add it with --brand "Name=slug")`, { line: row.line });
      return undefined;
    }
    return { brand: options.platform.brand, slug: options.platform.slug, model };
  }
  const info = lookupBrand(brands, brand);
  if (!info) {
    log.error(`unknown brand "${brand}" (add it with --brand "${brand}=slug")`, { line: row.line });
    return undefined;
  }
  return { brand, slug: info.slug, ...(info.en && info.en !== brand && { en: info.en }), model };
}

function readPrices(row: RawRow, options: RowOptions, log: IssueLog): { prices: Record<string, PriceSet>; note?: string } | undefined {
  const columns = options.columns?.[row.section] ?? defaultColumns(row.section, options.keyModes);
  let cells = row.cells;
  let note: string | undefined;
  // A "wide" layout (one price per key mode in the input/output columns of a four-column sheet): the output cells are empty.
  // (A trailing empty cell may have been trimmed away.)
  const wide = cells.length === columns.length * 2 - 1 ? [...cells, ''] : cells;
  if (columns.length > 0 && wide.length === columns.length * 2 && wide.every((c, i) => (i % 2 === 1) === (c === ''))) {
    cells = wide.filter((_, i) => i % 2 === 0);
  }
  if (row.section === 'storage' && cells.length === 1 && columns.length > 1) {
    cells = columns.map(() => row.cells[0]!);
    note = `One price is published; it applies with ${columns.length === 2 ? 'either key' : 'every key mode'}.`;
  }
  if (cells.length !== columns.length) {
    log.error(
      `expected ${columns.length} price${columns.length === 1 ? '' : 's'} (${columns.map((c) => `${c.keyMode} ${c.key}`).join(', ')}), found ${row.cells.length}: ${row.cells.map((c) => c || '(empty)').join(' ')}`,
      { line: row.line },
    );
    return undefined;
  }
  const prices: Record<string, PriceSet> = {};
  for (let i = 0; i < columns.length; i++) {
    const { keyMode, key } = columns[i]!;
    const price = readPrice(cells[i]!, options.decimalMark);
    if (price === undefined) {
      const what = cells[i] === '' ? 'is empty' : `"${cells[i]}" is not a price`;
      log.error(`column ${i + 1} (${keyMode} ${key}) ${what} (write a decimal number, or "-" for not offered)`, { line: row.line });
      return undefined;
    }
    (prices[keyMode] ??= {})[key] = price;
  }
  return { prices, ...(note && { note }) };
}

export function rowToService(row: RawRow, format: TableFormat, options: RowOptions, log: IssueLog): ServiceEntry | undefined {
  const labels = resolveLabels(row, format, options, log);
  const read = readPrices(row, options, log);
  if (!labels || !read) return undefined;
  const fixed = fixSpelling(labels.model, options.fixes);
  const modelSlug = row.section === 'storage' && STORAGE_NAME.test(labels.model) ? 'vector-storage' : slugify(fixed);
  if (!modelSlug) {
    log.error(`the model name "${labels.model}" has nothing an id can be made of`, { line: row.line });
    return undefined;
  }
  const audio = row.section === 'llm' && options.audioModels.some((p) => p.test(fixed));
  const billingType = audio ? (options.audioBillingType ?? 'llm-audio-chat') : (options.billingTypes?.[row.section] ?? SECTIONS[row.section].billingType);
  const contextWindow = row.section === 'llm' ? contextWindowOf(fixed) : undefined;
  const tokenizer = tokenizerOf(labels.slug, row.section);
  return {
    id: `${labels.slug}/${modelSlug}`,
    brand: labels.brand,
    ...(labels.en && { brandEn: labels.en }),
    model: fixed,
    ...(fixed !== labels.model && { aliases: [labels.model] }),
    billingType,
    unit: row.unit,
    prices: read.prices,
    ...(contextWindow && { contextWindow }),
    ...(tokenizer && { tokenizer }),
    ...(read.note && { notes: [read.note] }),
  };
}

function samePrices(a: ServiceEntry, b: ServiceEntry): boolean {
  return a.unit === b.unit && a.billingType === b.billingType && JSON.stringify(a.prices) === JSON.stringify(b.prices);
}

/**
 * Adds a service unless its id is taken: a repeated row with the same prices is dropped with a
 * warning, a repeated id with other prices is an error (which one is right cannot be told).
 */
export function addUnique(services: ServiceEntry[], seen: Map<string, { entry: ServiceEntry; where: string }>, entry: ServiceEntry, where: string, at: { line?: number; path?: string }, log: IssueLog): void {
  const before = seen.get(entry.id);
  if (!before) {
    seen.set(entry.id, { entry, where });
    services.push(entry);
  } else if (samePrices(before.entry, entry)) {
    log.warn(`${entry.id} repeats ${before.where} with the same prices; the repetition is left out`, at);
  } else {
    log.error(`${entry.id} is also ${before.where}, with other prices; keep one of them`, at);
  }
}

/**
 * One name names one service: an alias that two services share (GPTBots lists the misspelt
 * "GPT-4o-mini-Auido-128k" under OpenAI and under Azure) becomes "<brand> <alias>" on each, and
 * an alias that is another service's id, or still shared after that, is dropped with a note.
 */
export function separateAliases(services: ServiceEntry[], log: IssueLog): void {
  const count = new Map<string, number>();
  for (const s of services) for (const alias of new Set((s.aliases ?? []).map(normalizeName))) count.set(alias, (count.get(alias) ?? 0) + 1);
  const ids = new Set(services.map((s) => s.id));
  const taken = new Map<string, string>();
  for (const s of services) {
    if (!s.aliases) continue;
    const kept: string[] = [];
    for (const alias of s.aliases) {
      const name = (count.get(normalizeName(alias)) ?? 0) > 1 ? `${s.brand} ${alias}` : alias;
      const key = normalizeName(name);
      if (taken.get(key) === s.id) continue;
      if ((ids.has(key) && key !== s.id) || taken.has(key)) {
        log.info(`${s.id}: alias "${alias}" left out, it would name another service too`);
        continue;
      }
      if (name !== alias) log.info(`${s.id}: alias "${alias}" is shared with another service; kept as "${name}"`);
      taken.set(key, s.id);
      kept.push(name);
    }
    if (kept.length) s.aliases = kept;
    else delete s.aliases;
  }
}

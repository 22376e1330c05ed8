// Catalog import: a price table pasted as TSV / CSV / plain text, or LiteLLM's price file, into a
// creditkit catalog that parseCatalog accepts. DOM-free; the `creditkit import` command wraps it.
import { Decimal, isPlainDecimal } from '../../decimal.js';
import type { CatalogInput } from '../schema.js';
import { DEFAULT_BRANDS, type BrandMap } from './brands.js';
import type { DecimalMark } from './cells.js';
import { assembleCatalog, keyModeIds, type CatalogMeta } from './catalog.js';
import { IssueLog, type ImportIssue } from './issues.js';
import { liteLLMServices, type LiteLLMOptions } from './litellm.js';
import { genaiPricesServices, type GenaiPricesOptions } from './genai-prices.js';
import { DEFAULT_AUDIO_MODELS, DEFAULT_FIXES, slugify } from './names.js';
import type { SectionKey } from './sections.js';
import { addUnique, rowToService, type Column, type ServiceEntry } from './services.js';
import { readTable, type TableFormat } from './table.js';

export { DEFAULT_BRANDS, type BrandMap, type BrandInfo } from './brands.js';
export { DEFAULT_FIXES, DEFAULT_AUDIO_MODELS, slugify, contextWindowOf } from './names.js';
export { SECTIONS, SECTION_KEYS, type SectionKey } from './sections.js';
export { ImportError, formatIssue, type ImportIssue } from './issues.js';
export { defaultColumns, type Column, type ServiceEntry } from './services.js';
export { readPrice } from './cells.js';
export { DEFAULT_KEY_MODES, type CatalogMeta } from './catalog.js';
export type { TableFormat } from './table.js';
export { LITELLM_TOKEN_FIELDS, LITELLM_SERVICE_TIERS } from './litellm.js';
export { GENAI_PRICE_FIELDS } from './genai-prices.js';

export interface ImportResult {
  catalog: CatalogInput;
  /** Warnings and notes (never errors: those throw ImportError). */
  issues: ImportIssue[];
}

export interface TableImportOptions extends CatalogMeta {
  format?: TableFormat | 'auto';
  delimiter?: string;
  decimalMark?: DecimalMark;
  /** Section of rows before any heading. */
  section?: SectionKey;
  /** Extra or changed brand spellings, merged over DEFAULT_BRANDS. */
  brands?: BrandMap;
  /** The platform's own brand for rows that have none (vector storage). @default the catalog name, slug = catalog id */
  platformBrand?: { brand: string; slug: string };
  columns?: Partial<Record<SectionKey, Column[]>>;
  billingTypes?: Partial<Record<SectionKey, string>>;
  /** LLM rows whose (fixed) model name matches one of these are LLM audio chat. */
  audioModels?: readonly RegExp[];
  /** Misspellings fixed in id and name, the published spelling kept as an alias. */
  fixes?: Record<string, string>;
}

/**
 * Imports a pasted price table.
 * @throws ImportError listing every row that cannot be read, each with its line number.
 */
export function importTable(text: string, options: TableImportOptions): ImportResult {
  const log = new IssueLog();
  const brands = { ...DEFAULT_BRANDS, ...options.brands };
  const { rows, format } = readTable(text, { format: options.format, delimiter: options.delimiter, decimalMark: options.decimalMark, section: options.section, brands }, log);
  const id = options.id ?? options.base?.id ?? 'imported';
  const platform = options.platformBrand ?? { brand: options.name ?? options.base?.name ?? id, slug: slugify(id) };
  const rowOptions = {
    brands,
    platform,
    keyModes: keyModeIds(options),
    columns: options.columns,
    billingTypes: options.billingTypes,
    audioModels: options.audioModels ?? DEFAULT_AUDIO_MODELS,
    fixes: options.fixes ?? DEFAULT_FIXES,
    decimalMark: options.decimalMark,
  };
  const services: ServiceEntry[] = [];
  const seen = new Map<string, { entry: ServiceEntry; where: string }>();
  for (const row of rows) {
    const service = rowToService(row, format, rowOptions, log);
    if (service) addUnique(services, seen, service, `line ${row.line}`, { line: row.line }, log);
  }
  const catalog = assembleCatalog(options, services, log);
  return { catalog, issues: log.all };
}

export interface LiteLLMImportOptions extends CatalogMeta, Omit<LiteLLMOptions, 'creditValue' | 'keyMode'> {
  /** USD per credit, e.g. "0.01" (LiteLLM's prices are USD). */
  creditValue: string;
}

/**
 * A price file in USD (LiteLLM's, genai-prices'): its JSON parsed, the credit unit checked, its
 * services converted by `services` into the first key mode, the catalog assembled.
 */
function importPriceFile(
  source: string,
  input: unknown,
  options: CatalogMeta & { creditValue: string },
  services: (json: unknown, keyMode: string, log: IssueLog) => ServiceEntry[],
): ImportResult {
  const log = new IssueLog();
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      log.error(`not valid JSON (${(error as Error).message})`, { path: '(root)' });
    }
  }
  const currency = options.currency ?? options.base?.creditUnit.currency ?? 'USD';
  if (currency !== 'USD') log.error(`${source} prices are in USD; the credit unit must be USD too, not ${currency}`);
  const meta: CatalogMeta = { ...options, currency, keyModes: options.keyModes ?? options.base?.keyModes ?? [{ id: 'platform', name: 'Provider list price' }] };
  // Without a usable credit value nothing converts; assembleCatalog reports it.
  const convertible = isPlainDecimal(options.creditValue) && !new Decimal(options.creditValue).isZero();
  const entries = log.hasErrors || !convertible ? [] : services(json, keyModeIds(meta)[0]!, log);
  const catalog = assembleCatalog(meta, entries, log);
  return { catalog, issues: log.all };
}

/**
 * Imports LiteLLM's model_prices_and_context_window.json (parsed JSON or its text).
 * @throws ImportError listing every entry that cannot be converted, each with its JSON path.
 */
export function importLiteLLM(input: unknown, options: LiteLLMImportOptions): ImportResult {
  return importPriceFile("LiteLLM's", input, options, (json, keyMode, log) => liteLLMServices(json, { ...options, keyMode }, log));
}

export interface GenaiPricesImportOptions extends CatalogMeta, Omit<GenaiPricesOptions, 'creditValue' | 'keyMode'> {
  /** USD per credit, e.g. "0.01" (genai-prices' prices are USD). */
  creditValue: string;
}

/** True for genai-prices' data (a list of providers with models), false for LiteLLM's object of models. */
export function isGenaiPrices(json: unknown): boolean {
  return Array.isArray(json) && json.length > 0 && json.every((p) => p && typeof p === 'object' && Array.isArray((p as { models?: unknown }).models));
}

/**
 * Imports pydantic's genai-prices data (prices/data.json, parsed or its text): tiered prices become
 * long-context tiers, prices by date the service's earlier prices.
 * @throws ImportError listing every entry that cannot be converted, each with its JSON path.
 */
export function importGenaiPrices(input: unknown, options: GenaiPricesImportOptions): ImportResult {
  return importPriceFile("genai-prices'", input, options, (json, keyMode, log) => genaiPricesServices(json, { ...options, keyMode }, log));
}

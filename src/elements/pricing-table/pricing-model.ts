// The pricing table's data, built once per catalog and unit: one row per service with every
// price cell (charged, published, money) and what 1,000 credits buy. DOM-free; loaded lazily by
// the element because it brings core's Decimal (the first paint does not need it).
import { unitsForCredits, type BudgetQuantity } from '../../core/units-for-credits.js';
import { diffCatalogs, isEmptyDiff, type CatalogDiff } from '../../core/catalog/diff.js';
import { parseCatalog } from '../../core/catalog/parse.js';
import { effectivePrice } from '../../core/catalog/prices.js';
import { searchTextOf } from '../../core/catalog/search.js';
import { PRICE_KEYS, UNITS, type Catalog, type PriceKey, type Service, type Unit } from '../../core/catalog/schema.js';
import { isZeroDecimal, powerOfTen, shiftDecimal } from '../../core/decimal-text.js';
import { cellKey, type Group, type PriceCell, type Row, type TableModel } from './model-types.js';
import { creditsToMoney } from '../../core/credits-to-money.js';
import type { QuantityKind } from '../../core/rating/usage.js';
import type { TokenUnitPreference } from './model-types.js';
import { chatsForCredits, type TypicalChat } from './chats.js';

export { diffCatalogs, isEmptyDiff, parseCatalog, type CatalogDiff };
export type { TokenUnitPreference } from './model-types.js';

export const QUANTITY_OF: Record<PriceKey, QuantityKind> = {
  input: 'inputTokens',
  cachedInput: 'cachedInputTokens',
  cacheWrite: 'cacheWriteTokens',
  cacheWrite1h: 'cacheWrite1hTokens',
  output: 'outputTokens',
  reasoning: 'reasoningTokens',
  webSearch: 'webSearches',
  inputAudio: 'audioInputTokens',
  outputAudio: 'audioOutputTokens',
  audio: 'audioSeconds',
  audioOutput: 'audioOutputSeconds',
  characters: 'characters',
  request: 'requests',
  storage: 'tokenDays',
};

const BUDGET_CREDITS = '1000';

function displayUnit(services: Service[], preference: TokenUnitPreference): Unit {
  const first = services[0]!.unit;
  if (UNITS[first].kind !== 'tokens') return first;
  if (preference === '1k') return 'tokens-1k';
  if (preference === '1m') return 'tokens-1m';
  return first;
}

/** Unit conversion (tokens per 1K ↔ 1M) is a power of ten: a string shift, no Decimal. */
function scale(value: string, exponent: number): string {
  return exponent ? shiftDecimal(value, exponent) : value;
}

/** Money of a number of credits: a string shift for a power-of-ten credit value (0.01), else core. */
function moneyOf(catalog: Catalog, credits: string, creditExponent: number | undefined): string {
  return creditExponent === undefined ? creditsToMoney(catalog, credits).amount : shiftDecimal(credits, creditExponent);
}

function buildCell(catalog: Catalog, service: Service, keyMode: string, key: PriceKey, exponent: number, creditExponent: number | undefined): PriceCell {
  const price = effectivePrice(catalog, service, keyMode, key);
  if (!price) return { keyMode, key, state: 'none' };
  if (price.charged === null) return { keyMode, key, state: 'not-offered' };
  const charged = scale(price.charged, exponent);
  const cell: PriceCell = {
    keyMode,
    key,
    state: isZeroDecimal(charged) ? 'free' : 'price',
    charged,
    money: moneyOf(catalog, charged, creditExponent),
  };
  if (price.capped && price.listed !== null) {
    cell.listed = scale(price.listed, exponent);
    cell.listedMoney = moneyOf(catalog, cell.listed, creditExponent);
  }
  return cell;
}

/** What 1,000 credits buy of the group's first quantity in a key mode; undefined when not offered. */
export function buysOf(group: Group, row: Row, keyMode: string): BudgetQuantity | undefined {
  if (row.buys.has(keyMode)) return row.buys.get(keyMode);
  const first = row.cells.get(cellKey(keyMode, group.keys[0]!));
  // The cell's charged price is already capped and in the group's display unit; the quantity is
  // the same in any unit (credits × unit size ÷ price), exactly as core's budgetToQuantity gives it.
  const result =
    first && (first.state === 'price' || first.state === 'free') ? unitsForCredits(BUDGET_CREDITS, UNITS[group.unit].per, first.charged!) : undefined;
  row.buys.set(keyMode, result);
  return result;
}

/** A group priced per input and output token: its "1,000 credits buy" is also said in chats. */
export function isChatGroup(group: Group): boolean {
  return UNITS[group.unit].kind === 'tokens' && group.keys.includes('input') && group.keys.includes('output');
}

const chatMemo = new WeakMap<Row, Map<string, string | null | undefined>>();
/**
 * Typical chats 1,000 credits buy of a row in a key mode: a whole number, null when a chat is
 * free, undefined when input or output is not offered.
 */
export function chatsOf(group: Group, row: Row, keyMode: string, chat: TypicalChat): string | null | undefined {
  let memo = chatMemo.get(row);
  if (!memo) chatMemo.set(row, (memo = new Map()));
  const key = `${keyMode}|${chat.inputTokens}|${chat.outputTokens}`;
  if (memo.has(key)) return memo.get(key);
  const input = row.cells.get(cellKey(keyMode, 'input'));
  const output = row.cells.get(cellKey(keyMode, 'output'));
  const priced = (c: PriceCell | undefined) => c?.state === 'price' || c?.state === 'free';
  const result = priced(input) && priced(output) ? chatsForCredits(BUDGET_CREDITS, UNITS[group.unit].per, chat, input!.charged!, output!.charged!) : undefined;
  memo.set(key, result);
  return result;
}

export function buildModel(catalog: Catalog, preference: TokenUnitPreference): TableModel {
  const byType = new Map<string, Service[]>();
  for (const service of catalog.services) {
    const list = byType.get(service.billingType);
    if (list) list.push(service);
    else byType.set(service.billingType, [service]);
  }
  const modes = catalog.keyModes.map((k) => k.id);
  const creditExponent = powerOfTen(catalog.creditUnit.value);
  const groups: Group[] = [];
  // Catalog order of billing types, then any group the catalog lists under an unknown type.
  for (const info of catalog.billingTypes) {
    const services = byType.get(info.id);
    if (!services?.length) continue;
    const unit = displayUnit(services, preference);
    const present = new Set<PriceKey>();
    for (const s of services) for (const set of Object.values(s.prices)) for (const [k, v] of Object.entries(set)) if (v !== undefined) present.add(k as PriceKey);
    const keys = PRICE_KEYS.filter((k) => present.has(k));
    const rows = services.map((service): Row => {
      // per 1K → per 1M is × 1,000: both unit sizes are powers of ten
      const exponent = Math.round(Math.log10(UNITS[unit].per / UNITS[service.unit].per));
      const cells = new Map<string, PriceCell>();
      for (const mode of modes) for (const key of keys) cells.set(cellKey(mode, key), buildCell(catalog, service, mode, key, exponent, creditExponent));
      return { service, haystack: searchTextOf(service), cells, buys: new Map() };
    });
    groups.push({ billingType: info.id, catalogName: info.name, unit, keys, quantityKind: QUANTITY_OF[keys[0]!], rows });
  }
  const brands = new Map<string, { brand: string; brandEn?: string }>();
  for (const s of catalog.services) if (!brands.has(s.brand)) brands.set(s.brand, { brand: s.brand, ...(s.brandEn && { brandEn: s.brandEn }) });
  return { catalog, groups, brands: [...brands.values()] };
}

/** Keys of the cells a diff touches (`id|keyMode:key`), and the ids of added services. */
export function changedCells(diff: CatalogDiff): { cells: Map<string, string | undefined>; added: Set<string> } {
  // value: the change in percent where both sides are prices ("-25", "12.5")
  const cells = new Map<string, string | undefined>();
  for (const service of diff.repriced) {
    for (const change of service.changes) cells.set(`${service.id}|${cellKey(change.keyMode, change.key)}`, change.percent);
  }
  return { cells, added: new Set(diff.added.map((s) => s.id)) };
}

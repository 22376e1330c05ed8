// The pricing table's data, built once per catalog and unit: one row per service with every
// price cell (charged, published, money) and what 1,000 credits buy. DOM-free; loaded lazily by
// the element because it brings core's Decimal (the first paint does not need it).
import { unitsForCredits, type BudgetQuantity } from '../../core/units-for-credits.js';
import { parseCatalog } from '../../core/catalog/parse.js';
import { effectivePrice } from '../../core/catalog/prices.js';
import { searchTextOf } from '../../core/catalog/search.js';
import type { Catalog, Service } from '../../core/catalog/schema.js';
import { PRICE_KEYS, UNITS, type PriceKey, type ServiceTier, type Unit } from '../../core/catalog/vocabulary.js';
import { catalogAt, hasHistory, pricePeriods, type PricePeriod } from '../../core/catalog/periods.js';
import { offeredServiceTiers, serviceInTier } from '../../core/catalog/service-tier-view.js';
import { instantMs } from '../../core/instant.js';
import { isZeroDecimal, powerOfTen, shiftDecimal } from '../../core/decimal-text.js';
import { cellKey, type Group, type PriceCell, type PriceStep, type Row, type TableModel, type TierPrice } from './model-types.js';
import { creditsToMoney } from '../../core/credits-to-money.js';
import type { QuantityKind } from '../../core/rating/usage.js';
import type { TokenUnitPreference } from './model-types.js';
import { chatsForCredits, type TypicalChat } from './chats.js';

export { parseCatalog };
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

/** What every cell of a row is priced with: the catalog, the unit shift, the credit value's shift, the service tier. */
interface Pricing {
  catalog: Catalog;
  /** Power of ten from the service's unit to the group's display unit. */
  exponent: number;
  /** Power of ten of the credit value (0.01 → -2), or undefined when it is none. */
  creditExponent: number | undefined;
  serviceTier: ServiceTier;
}

/** A period's charged price of one key, in the display unit: undefined when the service has no such price. */
function chargedOf(p: Pricing, service: Service | undefined, keyMode: string, key: PriceKey, tierIndex = -1): { charged: string | null; money?: string } | undefined {
  if (!service) return { charged: null };
  const price = effectivePrice(p.catalog, service, keyMode, key, tierIndex);
  if (!price) return undefined;
  if (price.charged === null) return { charged: null };
  const charged = scale(price.charged, p.exponent);
  return { charged, money: moneyOf(p.catalog, charged, p.creditExponent) };
}

/** The service's neighbouring periods around the one in force, as the table marks them. */
interface Timeline {
  /** The period after the one in force, when it starts after the instant shown (an announced change). */
  next: PricePeriod | undefined;
  /** The period before, when the one in force started within RECENT_MS of the instant shown. */
  previous: PricePeriod | undefined;
}

/** A change this recent is marked with the price before it. */
export const RECENT_MS = 30 * 24 * 60 * 60 * 1000;

function timelineOf(periods: readonly PricePeriod[], current: PricePeriod, at: number): Timeline {
  const i = periods.indexOf(current);
  const after = periods[i + 1];
  const before = periods[i - 1];
  return {
    next: after && after.from === current.until && after.from > at ? after : undefined,
    previous: before && before.until === current.from && at - current.from < RECENT_MS ? before : undefined,
  };
}

/** The same price in another period, where it differs from `now`; `at` is when the change takes (took) effect. */
function stepOf(p: Pricing, period: PricePeriod | undefined, at: number, now: { charged: string | null } | undefined, keyMode: string, key: PriceKey): PriceStep | undefined {
  if (!period || !now) return undefined;
  const then = chargedOf(p, serviceInTier(period.service, p.serviceTier), keyMode, key);
  if (!then || then.charged === now.charged) return undefined;
  return { at, ...then };
}

function buildCell(p: Pricing, service: Service | undefined, keyMode: string, key: PriceKey, timeline: Timeline | undefined): PriceCell {
  const { catalog, exponent, creditExponent } = p;
  const now = chargedOf(p, service, keyMode, key);
  const cell: PriceCell = !now
    ? { keyMode, key, state: 'none' }
    : now.charged === null
      ? { keyMode, key, state: 'not-offered' }
      : { keyMode, key, state: isZeroDecimal(now.charged) ? 'free' : 'price', charged: now.charged, money: now.money! };
  if (timeline) {
    const next = timeline.next && stepOf(p, timeline.next, timeline.next.from, now, keyMode, key);
    const was = timeline.previous && stepOf(p, timeline.previous, timeline.previous.until, now, keyMode, key);
    if (next) cell.next = next;
    if (was) cell.was = was;
  }
  if (!service || !now || now.charged === null) return cell;
  const price = effectivePrice(catalog, service, keyMode, key)!;
  if (price.capped && price.listed !== null) {
    cell.listed = scale(price.listed, exponent);
    cell.listedMoney = moneyOf(catalog, cell.listed, creditExponent);
  }
  const tiers: TierPrice[] = [];
  service.tiers?.forEach((tier, i) => {
    const inTier = chargedOf(p, service, keyMode, key, i);
    if (inTier && inTier.charged !== now.charged) tiers.push({ above: tier.above, ...inTier });
  });
  if (tiers.length) cell.tiers = tiers;
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

/** The instant a price list shows: `at` (an ISO 8601 day or instant) or now. A bad `at` is an error naming it. */
export function instantOf(at: string | undefined, now = Date.now()): number {
  if (at === undefined || at === '') return now;
  const ms = instantMs(at);
  if (ms === undefined) throw new RangeError(`at: not a date or instant (such as 2026-11-23 or 2026-11-23T12:00:00Z): ${JSON.stringify(at)}`);
  return ms;
}

export interface ModelOptions {
  /** The instant whose prices are shown (ms). @default Date.now() */
  at?: number;
  /** The service tier prices are shown in. @default 'standard' */
  serviceTier?: ServiceTier;
}

/** A row's service as it stands at the instant: its period in force, and the neighbouring ones the table marks. */
interface Shown {
  service: Service;
  timeline: Timeline | undefined;
}

export function buildModel(catalog: Catalog, preference: TokenUnitPreference, options: ModelOptions = {}): TableModel {
  const at = options.at ?? Date.now();
  const serviceTier = options.serviceTier ?? 'standard';
  // The prices in force at the instant (core's catalogAt: services not offered then are left
  // out), each with the periods around it where the service has a history.
  const history = catalog.services.some(hasHistory);
  const shown: Shown[] = [];
  for (const original of catalog.services) {
    if (!history || !hasHistory(original)) {
      shown.push({ service: original, timeline: undefined });
      continue;
    }
    const periods = pricePeriods(original);
    const current = periods.find((p) => p.from <= at && at < p.until);
    if (current) shown.push({ service: current.service, timeline: timelineOf(periods, current, at) });
  }
  const byType = new Map<string, Shown[]>();
  for (const item of shown) {
    const list = byType.get(item.service.billingType);
    if (list) list.push(item);
    else byType.set(item.service.billingType, [item]);
  }
  const modes = catalog.keyModes.map((k) => k.id);
  const creditExponent = powerOfTen(catalog.creditUnit.value);
  const groups: Group[] = [];
  // Catalog order of billing types, then any group the catalog lists under an unknown type.
  for (const info of catalog.billingTypes) {
    const items = byType.get(info.id);
    if (!items?.length) continue;
    const services = items.map((i) => i.service);
    const unit = displayUnit(services, preference);
    const present = new Set<PriceKey>();
    for (const s of services) for (const set of Object.values(s.prices)) for (const [k, v] of Object.entries(set)) if (v !== undefined) present.add(k as PriceKey);
    const keys = PRICE_KEYS.filter((k) => present.has(k));
    const rows = items.map(({ service, timeline }): Row => {
      // per 1K → per 1M is × 1,000: both unit sizes are powers of ten
      const exponent = Math.round(Math.log10(UNITS[unit].per / UNITS[service.unit].per));
      // A service without the chosen service tier: its prices are "not offered", never the standard ones.
      const priced = serviceInTier(service, serviceTier);
      const pricing: Pricing = { catalog, exponent, creditExponent, serviceTier };
      const cells = new Map<string, PriceCell>();
      for (const mode of modes) {
        for (const key of keys) {
          const cell = buildCell(pricing, priced, mode, key, timeline);
          // A price the standard tier has is "not offered" in a tier the service lacks; one it never has stays "none".
          if (!priced && !effectivePrice(catalog, service, mode, key)) cell.state = 'none';
          cells.set(cellKey(mode, key), cell);
        }
      }
      return { service, haystack: searchTextOf(service), cells, buys: new Map() };
    });
    groups.push({ billingType: info.id, catalogName: info.name, unit, keys, quantityKind: QUANTITY_OF[keys[0]!], rows });
  }
  const brands = new Map<string, { brand: string; brandEn?: string }>();
  for (const { service: s } of shown) if (!brands.has(s.brand)) brands.set(s.brand, { brand: s.brand, ...(s.brandEn && { brandEn: s.brandEn }) });
  return { catalog, at, serviceTier, serviceTiers: offeredServiceTiers(shown.map((i) => i.service)), groups, brands: [...brands.values()] };
}

// A price cell's texts (credits, money, published price), formatted once per cell, locale and
// currency display, and kept beside the cell: a keystroke or a refresh that leaves a cell alone
// does not format it again.
import type { Catalog } from '../../core/catalog/schema.js';
import { isZeroDecimal as isZero } from '../../core/decimal-text.js';
import { commonStrings, formatCreditAmount, formatMoney, languageOf } from '../../i18n/index.js';
import { convertForDisplay, decimalsOf, type ExchangeRate } from '../../core/exchange-rates.js';
import type { PriceCell, PriceStep } from './model-types.js';

export type CurrencyDisplay = 'credits' | 'money' | 'both';

/** Money shown in a second currency too (display only): the currency and the one rate that applies. */
export interface DisplayFx {
  currency: string;
  rate: ExchangeRate;
  /** What the converted texts depend on (currency, rate, date): part of the cell's memo key. */
  key: string;
}

export interface CellText {
  key: string;
  /** Credits (or money with currency-display="money"), or "free" / "not offered"; '' for no price. */
  main: string;
  money: string;
  listed?: string;
  /** A price the service does not have: "—" for the eye, "not applicable" for screen readers. */
  hidden?: true;
  /** The price of an announced change, and the one before a recent change (formatted like `main`). */
  next?: string;
  was?: string;
  /** The money in the display currency: "$0.0012" (shown as "≈ $0.0012"); undefined without one. */
  fx?: string;
  /** Long-context tiers' prices, formatted like `main`. */
  tiers?: { above: number; price: string }[];
}

const memo = new WeakMap<PriceCell, CellText>();
/**
 * Formatted amounts by locale and value, per catalog: a price list repeats a few values (every
 * capped own-key price), and a new catalog starts afresh (nothing stale, nothing unbounded).
 */
const formattedByCatalog = new WeakMap<Catalog, Map<string, string>>();

function once(catalog: Catalog, key: string, format: () => string): string {
  let cache = formattedByCatalog.get(catalog);
  if (!cache) formattedByCatalog.set(catalog, (cache = new Map()));
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = format()));
  return text;
}

export function cellText(catalog: Catalog, cell: PriceCell, locale: string, display: CurrencyDisplay, fx?: DisplayFx): CellText {
  const key = `${locale}|${display}|${fx?.key ?? ''}`;
  const known = memo.get(cell);
  if (known?.key === key) return known;
  const common = commonStrings(languageOf(locale));
  const currency = catalog.creditUnit.currency;
  const credits = (value: string) => once(catalog, `c|${locale}|${value}`, () => formatCreditAmount(value, locale, { style: 'price' }));
  const money = (value: string) => once(catalog, `m|${locale}|${value}`, () => formatMoney(value, currency, locale));
  /** A price as the main figure shows it: credits or money, "free", "not offered". */
  const priceText = (p: Pick<PriceStep, 'charged' | 'money'>) =>
    p.charged === null ? common.notOffered : isZero(p.charged) ? common.free : display === 'money' ? money(p.money!) : credits(p.charged);
  let text: CellText;
  if (cell.state === 'none') text = { key, main: '', money: '', hidden: true };
  else if (cell.state === 'not-offered') text = { key, main: common.notOffered, money: '' };
  else if (cell.state === 'free') text = { key, main: common.free, money: '' };
  else {
    const inMoney = money(cell.money!);
    const listed = cell.listed === undefined ? undefined : display === 'money' ? money(cell.listedMoney!) : credits(cell.listed);
    text = {
      key,
      main: display === 'money' ? inMoney : credits(cell.charged!),
      money: display === 'both' ? inMoney : '',
      ...(listed !== undefined && { listed }),
    };
  }
  if (fx && cell.state === 'price' && display !== 'credits') {
    // At least the currency's 2 decimals, else as many as the amount converted has: €0.0011 → $0.0012.
    const converted = convertForDisplay(cell.money!, currency, fx.currency, [fx.rate], Math.max(2, decimalsOf(cell.money!)));
    if (converted) text.fx = once(catalog, `x|${locale}|${fx.key}|${converted.amount}`, () => formatMoney(converted.amount, fx.currency, locale));
  }
  if (cell.next) text.next = priceText(cell.next);
  if (cell.was) text.was = priceText(cell.was);
  if (cell.tiers) text.tiers = cell.tiers.map((t) => ({ above: t.above, price: priceText(t) }));
  memo.set(cell, text);
  return text;
}

// Money in a second currency, for display only: "≈ $28.77" beside €26.53, with the rate's date and
// source. Exact decimal arithmetic on strings and bigints (no float, no decimal.js, so the price
// list and the balance stay light), rounded half up (away from zero) to a stated number of
// decimals. Never used for billing: a charge stays in the catalog's currency.
import { isPlainDecimal, scaledInteger, fromScaledInteger, isZeroDecimal } from './decimal-text.js';

/** 1 `from` = `rate` `to`, as published on `date` by `source`: { from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }. */
export interface ExchangeRate {
  from: string;
  to: string;
  /** A positive decimal string. */
  rate: string;
  /** The day the rate was published (YYYY-MM-DD). */
  date: string;
  /** Who published it ("ECB"). */
  source?: string;
}

export interface DisplayAmount {
  /** The amount in the display currency, rounded half up to `decimals`: "28.77". */
  amount: string;
  currency: string;
  /** The rate used, as given (an inverse rate is divided by, not restated). */
  rate: ExchangeRate;
  /** True when the rate is quoted the other way round (USD → EUR) and the amount was divided by it. */
  inverse: boolean;
  decimals: number;
}

const CURRENCY = /^[A-Z]{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks exchange rates given by a page or a catalog; an error names the rate and the field that
 * is wrong. Returns them frozen.
 */
export function parseExchangeRates(value: unknown): readonly ExchangeRate[] {
  if (!Array.isArray(value)) throw new TypeError(`exchange rates: expected a list of { from, to, rate, date, source }, got ${value === null ? 'null' : typeof value}`);
  return Object.freeze(
    value.map((item: unknown, i): ExchangeRate => {
      const where = `exchange rate ${i + 1}`;
      if (!item || typeof item !== 'object') throw new TypeError(`${where}: expected { from, to, rate, date, source }`);
      const { from, to, rate, date, source } = item as Record<string, unknown>;
      if (typeof from !== 'string' || !CURRENCY.test(from)) throw new TypeError(`${where}: from: expected an ISO 4217 currency code such as "EUR", got ${JSON.stringify(from)}`);
      if (typeof to !== 'string' || !CURRENCY.test(to)) throw new TypeError(`${where}: to: expected an ISO 4217 currency code such as "USD", got ${JSON.stringify(to)}`);
      if (from === to) throw new TypeError(`${where}: from and to are both ${from}`);
      if (typeof rate !== 'string' || !isPlainDecimal(rate) || isZeroDecimal(rate)) throw new TypeError(`${where}: rate: expected a positive decimal string such as "1.0843", got ${JSON.stringify(rate)}`);
      if (typeof date !== 'string' || !DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new TypeError(`${where}: date: expected a day as YYYY-MM-DD, got ${JSON.stringify(date)}`);
      if (source !== undefined && typeof source !== 'string') throw new TypeError(`${where}: source: expected text, got ${typeof source}`);
      return Object.freeze({ from, to, rate, date, ...(source !== undefined && { source }) });
    }),
  );
}

/** The rate for `from` → `to`: quoted that way, else the other way round; the latest date wins. */
export function findRate(rates: readonly ExchangeRate[], from: string, to: string): { rate: ExchangeRate; inverse: boolean } | undefined {
  let best: { rate: ExchangeRate; inverse: boolean } | undefined;
  for (const rate of rates) {
    const direct = rate.from === from && rate.to === to;
    if (!direct && !(rate.from === to && rate.to === from)) continue;
    // Later date first; on the same day a rate quoted this way round beats an inverse one.
    if (!best || rate.date > best.rate.date || (rate.date === best.rate.date && direct && best.inverse)) best = { rate, inverse: !direct };
  }
  return best;
}

/** numerator / denominator rounded half up (away from zero) to an integer. Both positive or numerator ≥ 0. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/**
 * `amount` (a decimal string in `from`) in `to`, rounded half up to `decimals` places, or
 * undefined when no rate connects the two (or they are the same currency). Exact before the one
 * rounding: amount × rate, or amount ÷ rate for a rate quoted the other way round.
 */
export function convertForDisplay(amount: string, from: string, to: string, rates: readonly ExchangeRate[], decimals = 2): DisplayAmount | undefined {
  if (from === to) return undefined;
  const found = findRate(rates, from, to);
  if (!found) return undefined;
  const negative = amount.startsWith('-');
  const [a, as] = scaledInteger(negative ? amount.slice(1) : amount);
  const [r, rs] = scaledInteger(found.rate.rate);
  const places = BigInt(decimals);
  // Direct: a·10^-as × r·10^-rs, in units of 10^-decimals = a·r·10^decimals / 10^(as+rs).
  // Inverse: a·10^-as ÷ (r·10^-rs) = a·10^rs·10^decimals / (r·10^as).
  const value = found.inverse
    ? divideHalfUp(a * 10n ** (BigInt(rs) + places), r * 10n ** BigInt(as))
    : divideHalfUp(a * r * 10n ** places, 10n ** BigInt(as + rs));
  const text = fromScaledInteger(negative ? -value : value, decimals);
  return { amount: text, currency: to, rate: found.rate, inverse: found.inverse, decimals };
}

/** Decimals of a plain decimal string as written, without trailing zeros: "0.00110" → 4, "10" → 0. */
export function decimalsOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.slice(dot + 1).replace(/0+$/, '').length;
}

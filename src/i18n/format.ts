// Cached Intl formatters. Amounts are decimal strings and reach Intl.NumberFormat as strings,
// which it formats exactly (no float in between): never parseFloat money.
import { languageOf } from './locale.js';
import { commonStrings } from './strings.js';

type Decimal = Intl.StringNumericLiteral;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** One Intl.NumberFormat per (locale, options), kept for the page's lifetime. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function asNumeric(value: string | number | bigint): Decimal | number | bigint {
  return value as Decimal | number | bigint;
}

export interface DecimalsOptions {
  /** @default 0 */
  minimumFractionDigits?: number;
  /** @default 6 (prices per unit go down to 0.0001 credits and below) */
  maximumFractionDigits?: number;
}

/** A plain number in the locale: 4,545,454 / 4.545.454; decimal strings exactly. */
export function formatNumber(value: string | number | bigint, locale: string, options: DecimalsOptions = {}): string {
  const min = options.minimumFractionDigits ?? 0;
  const max = options.maximumFractionDigits ?? 6;
  const key = `n|${locale}|${min}|${max}`; // a cheap key: tables format thousands of cells
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return format.format(asNumeric(value));
}

/** The amount of credits alone, without the word ("0.22", "0,22"). */
export function formatCreditAmount(credits: string, locale: string, options: DecimalsOptions = {}): string {
  return formatNumber(credits, locale, options);
}

/** Credits with the word: "0.22 credits", "0,22 Credits", "1 credit". */
export function formatCredits(credits: string, locale: string, options: DecimalsOptions = {}): string {
  const strings = commonStrings(languageOf(locale));
  const one = credits.replace(/^0*(\d)/, '$1').replace(/\.0*$/, '') === '1';
  return `${formatCreditAmount(credits, locale, options)}\u00a0${one ? strings.credit : strings.credits}`;
}

const ZERO = /^[-+]?0*(?:\.0*)?$/;

/**
 * A credit amount rounded for display (`shown`, already to `decimals` places, such as a line of
 * core's allocateDisplay), with exactly `decimals` decimals; "< 0.01" ("> −0.01" below zero) when
 * it shows as zero though the `exact` amount is not zero: a line that costs something never reads
 * as free.
 */
export function formatRoundedCredits(shown: string, exact: string, locale: string, decimals: number): string {
  const fixed = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  if (!ZERO.test(shown) || ZERO.test(exact)) return formatNumber(shown, locale, fixed);
  const step = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  const negative = exact.trim().startsWith('-');
  return `${negative ? '>' : '<'}\u00a0${formatNumber(negative ? `-${step}` : step, locale, fixed)}`;
}

/**
 * A percentage (0–100 scale, a decimal string or a display-only number) as the locale writes it:
 * "50.4%", "50,4 %", and "+12.5%" with `signDisplay: 'exceptZero'`. One rule for every element.
 */
export function formatPercent(percent: string | number, locale: string, options: { maximumFractionDigits?: number; signDisplay?: 'auto' | 'exceptZero' } = {}): string {
  const format = numberFormat(locale, { style: 'unit', unit: 'percent', maximumFractionDigits: options.maximumFractionDigits ?? 1, signDisplay: options.signDisplay ?? 'auto' });
  return format.format(asNumeric(percent));
}

/**
 * A context window as model lists write it, in every language: "128K", "1M", "1.5M" ("1,5M" in
 * German), "4K" for 4,000 and "4.1K" for 4,096 tokens.
 */
export function formatContextWindow(tokens: number, locale: string): string {
  const [value, suffix] = tokens >= 1e6 ? [tokens / 1e6, 'M'] : tokens >= 1000 ? [tokens / 1000, 'K'] : [tokens, ''];
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value) + suffix;
}

/**
 * Money in a currency, as Intl writes it ("$10.00", "10,00 $", "10,00 €"). At least the currency's
 * own decimals; more when the amount has them, up to `maximumFractionDigits` (prices per token).
 */
export function formatMoney(amount: string, currency: string, locale: string, options: { maximumFractionDigits?: number } = {}): string {
  const key = `m|${locale}|${currency}|${options.maximumFractionDigits ?? 8}`;
  let format = numberFormats.get(key);
  if (!format) {
    const digits = numberFormat(locale, { style: 'currency', currency }).resolvedOptions().minimumFractionDigits ?? 2;
    const max = Math.max(digits, options.maximumFractionDigits ?? 8);
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: max });
    numberFormats.set(key, format);
  }
  return format.format(asNumeric(amount));
}

/** A date as the locale writes it ("Nov 23, 2026", "23.11.2026"); a YYYY-MM-DD string is a UTC day. */
export function formatDate(date: string | Date, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const value = typeof date === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date) : date;
  if (Number.isNaN(value.getTime())) return String(date);
  const key = locale + JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
    dateFormats.set(key, format);
  }
  return format.format(value);
}

/** Intl.PluralRules, cached. */
export function plural(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

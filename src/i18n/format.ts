// Cached Intl formatters. Amounts are decimal strings and reach Intl.NumberFormat as strings,
// which it formats exactly (no float in between): never parseFloat money.
import { languageOf, type Language } from './locale.js';
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

/**
 * The one rule for showing credits (and money) in every element:
 * - `amount` (the default: balances, totals, package sizes): a whole amount without decimals
 *   ("6,912 credits"), any other with exactly `decimals` ("6,912.40", "1.50");
 * - `fixed` (lines that add up to a total, a column of figures): always `decimals` ("1.00");
 * - `price` (a price per unit): as published, up to 6 decimals ("0.1925", "1.54").
 * A non-zero amount that rounds to zero is "< 0.01", never "0.00".
 */
export interface CreditFormat {
  /** @default 'amount' */
  style?: 'amount' | 'fixed' | 'price';
  /** Decimals of `amount` and `fixed`. @default 2 */
  decimals?: number;
}

const PRICE_DECIMALS = 6;

/** True when a plain decimal string is not zero. */
function isNonZero(value: string): boolean {
  return /[1-9]/.test(value);
}

/** The fraction digits `format` asks for `value`. */
function digitsOf(value: string, format: CreditFormat): [min: number, max: number] {
  const style = format.style ?? 'amount';
  if (style === 'price') return [0, PRICE_DECIMALS];
  const decimals = format.decimals ?? 2;
  if (style === 'fixed') return [decimals, decimals];
  return /\.\d*[1-9]/.test(value) ? [decimals, decimals] : [0, 0];
}

/**
 * True when a non-zero decimal string shows as zero at `decimals` places (half-up, as Intl
 * rounds): "0.004" at 2, not "0.005".
 */
export function roundsToZero(value: string, decimals: number): boolean {
  const abs = value.replace(/^[-+]/, '');
  if (!isNonZero(abs)) return false;
  const [whole = '', fraction = ''] = abs.split('.');
  if (/[1-9]/.test(whole)) return false;
  const kept = fraction.slice(0, decimals);
  return !/[1-9]/.test(kept) && (fraction[decimals] ?? '0') < '5';
}

/**
 * "< 0.01" (or "> −0.01") for a non-zero amount that rounds to zero at `decimals` (or, with
 * `shownZero`, that is shown as zero after an allocation); else undefined.
 */
function belowStep(value: string, decimals: number, format: (step: string) => string, shownZero = false): string | undefined {
  if (shownZero ? !isNonZero(value) : !roundsToZero(value, decimals)) return undefined;
  const step = decimals ? `0.${'0'.repeat(decimals - 1)}1` : '1';
  return value.trim().startsWith('-') ? `>\u00a0${format(`-${step}`)}` : `<\u00a0${format(step)}`;
}

/** The amount of credits alone, without the word ("0.22", "0,22", "< 0.01"), by the rule of `CreditFormat`. */
export function formatCreditAmount(credits: string, locale: string, format: CreditFormat = {}): string {
  const [min, max] = digitsOf(credits, format);
  const formatted = (value: string) => formatNumber(value, locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  return belowStep(credits, max, formatted) ?? formatted(credits);
}

/** Credits with the word: "0.22 credits", "0,22 Credits", "1 credit". */
export function formatCredits(credits: string, locale: string, format: CreditFormat = {}): string {
  const strings = commonStrings(languageOf(locale));
  const one = credits.replace(/^0*(\d)/, '$1').replace(/\.0*$/, '') === '1';
  return `${formatCreditAmount(credits, locale, format)}\u00a0${one ? strings.credit : strings.credits}`;
}

/**
 * A credit amount rounded for display (`shown`, already to `decimals` places, such as a line of
 * core's allocateDisplay), with exactly `decimals` decimals; "< 0.01" ("> −0.01" below zero) when
 * it shows as zero though the `exact` amount is not zero: a line that costs something never reads
 * as free.
 */
export function formatRoundedCredits(shown: string, exact: string, locale: string, decimals: number): string {
  const fixed = (value: string) => formatNumber(value, locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (isNonZero(shown) ? undefined : belowStep(exact, decimals, fixed, true)) ?? fixed(shown);
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
 * A non-zero amount that rounds to zero is "< $0.01".
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
  const f = format;
  const max = f.resolvedOptions().maximumFractionDigits ?? 2;
  return belowStep(amount, max, (v) => f.format(asNumeric(v))) ?? f.format(asNumeric(amount));
}

/**
 * The footnote under a list of rounded lines, when it is needed: some line shows other than its
 * own rounding because the lines were rounded so that they add up to the total
 * (core's allocateDisplay, largest remainder). Undefined when every line is its plain rounding.
 */
export function roundingFootnote(lines: readonly { credits: string; display: string }[], language: Language): string | undefined {
  const adjusted = lines.some((line) => roundHalfUp(line.credits, decimalsOf(line.display)) !== normalize(line.display));
  return adjusted ? commonStrings(language).roundedToTotal : undefined;
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function normalize(text: string): string {
  const negative = text.startsWith('-');
  const body = text.replace(/^[-+]/, '').replace(/^0+(?=\d)/, '');
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A plain decimal string rounded half-up (away from zero) to `decimals` places, as a fixed-point string. */
export function roundHalfUp(value: string, decimals: number): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const digits = (whole + fraction.padEnd(decimals + 1, '0').slice(0, decimals + 1)).replace(/^0+(?=\d)/, '');
  let kept = BigInt(digits.slice(0, -1) || '0');
  if (digits.at(-1)! >= '5') kept += 1n;
  const text = kept.toString().padStart(decimals + 1, '0');
  const body = decimals ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return normalize(negative ? `-${body}` : body);
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

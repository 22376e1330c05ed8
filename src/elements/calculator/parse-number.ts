// Numbers as people type and paste them, in either locale: "1,234.5", "1.234,5", "1 234,5",
// "1'234", "12,5". Separators that group thousands are accepted from either language; a single
// separator that cannot be grouping ("1,5") is read as the decimal mark. Never NaN, never a throw.
import { numberFormat } from '../../i18n/index.js';

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: 'empty' | 'negative' | 'not-a-number' | 'too-large' | 'too-small' | 'not-whole' };

export interface NumberRule {
  min?: number;
  max: number;
  /** Whole numbers only (users, days, pixels). */
  integer?: boolean;
}

const GROUPING = /[\s\u00a0\u202f'’_]/g;

const separators = new Map<string, string>();

/** The decimal separator of a locale ("." or ","), looked up once per locale. */
export function decimalSeparator(locale: string): string {
  let sep = separators.get(locale);
  if (sep === undefined) {
    sep = numberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    separators.set(locale, sep);
  }
  return sep;
}

function grouped(parts: string[]): boolean {
  return parts.length > 1 && /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** A plain decimal text ("1234.5") from what was typed, or undefined when it is not a number. */
function normalize(text: string, locale: string): string | undefined {
  const t = text.replace(GROUPING, '');
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(t)) return undefined;
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  if (dots && commas) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [int, frac, extra] = t.split(decimal);
    if (extra !== undefined || !int || !grouped(int.split(group))) return undefined;
    return `${int.split(group).join('')}.${frac}`;
  }
  const sep = dots ? '.' : commas ? ',' : '';
  if (!sep) return t;
  const parts = t.split(sep);
  if (parts.length > 2) return grouped(parts) ? parts.join('') : undefined;
  // One separator: the locale's decimal mark is a decimal mark; the other is grouping when
  // exactly three digits follow, otherwise a decimal mark typed in the other language's habit.
  if (sep === decimalSeparator(locale) || !/^\d{3}$/.test(parts[1]!) || parts[0] === '' || parts[0] === '0') return `${parts[0] || '0'}.${parts[1]}`;
  return parts.join('');
}

export function parseNumber(text: string, locale: string, rule: NumberRule): ParsedNumber {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (/^[-−–]/.test(trimmed)) return { ok: false, reason: 'negative' };
  const plain = normalize(trimmed.replace(/^\+/, ''), locale);
  if (plain === undefined) return { ok: false, reason: 'not-a-number' };
  // Length first: a thousand digits would still parse to a finite float.
  if (plain.replace(/\..*$/, '').replace(/^0+/, '').length > 16) return { ok: false, reason: 'too-large' };
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  if (value > rule.max) return { ok: false, reason: 'too-large' };
  if (rule.min !== undefined && value < rule.min) return { ok: false, reason: 'too-small' };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, reason: 'not-whole' };
  return { ok: true, value };
}

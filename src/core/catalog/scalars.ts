// The catalog's scalars that JSON has no type for, read by plain functions: the zod schema
// (schema.ts) wraps them as transforms and the browser's validator (shape.ts) calls them, so both
// accept and refuse the same values with the same message.
import { isPlainDecimal, numberToPlainDecimal } from '../decimal-text.js';
import { describeValue } from '../describe.js';
import { INSTANT_EXAMPLE, instantMs } from '../instant.js';

export type ScalarResult<T> = { value: T } | { error: string };

/** The decimal text of a published decimal string or a plain JSON number, else undefined. */
function decimalText(value: unknown): string | undefined {
  if (typeof value === 'string' && isPlainDecimal(value)) return value;
  return typeof value === 'number' ? numberToPlainDecimal(value) : undefined;
}

/** A non-negative decimal, kept as published ("0.2200" stays "0.2200"); a number becomes its string. */
export function readDecimal(value: unknown): ScalarResult<string> {
  const text = decimalText(value);
  return text !== undefined ? { value: text } : { error: `expected a decimal string, got ${describeValue(value)}` };
}

/** A price: a decimal (as readDecimal), or null for "not offered" (never confused with "0", which is free). */
export function readPrice(value: unknown): ScalarResult<string | null> {
  if (value === null) return { value: null };
  const text = decimalText(value);
  return text !== undefined ? { value: text } : { error: `expected a decimal string or null (not offered), got ${describeValue(value)}` };
}

/** An instant, ISO 8601: a day or a day and a time ("2026-11-23", "2026-11-23T09:00:00Z"). */
export function readInstant(value: unknown): ScalarResult<string> {
  return typeof value === 'string' && instantMs(value) !== undefined ? { value } : { error: `expected an instant such as ${INSTANT_EXAMPLE}, got ${describeValue(value)}` };
}

/** The readers by the name the catalog's shape (catalog-shape.ts) gives them. */
export const SCALARS = { decimal: readDecimal, price: readPrice, instant: readInstant } as const;
export type ScalarName = keyof typeof SCALARS;

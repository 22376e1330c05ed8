// Decimal strings as text: checks that need no arithmetic, kept apart from decimal.js so that
// validating a catalog does not load the arbitrary-precision library.

const PLAIN_DECIMAL = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** True for a non-negative decimal string without sign, exponent or stray characters: "0.2200", "10". */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/** A number as the decimal string it prints as, or undefined when that needs an exponent or is not finite. */
export function numberToPlainDecimal(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  const text = String(n);
  return isPlainDecimal(text) ? text : undefined;
}

/** A plain decimal string as an integer and a power of ten: "0.0022" → [22n, 4], "10" → [10n, 0]. */
export function scaledInteger(text: string): [bigint, number] {
  if (!isPlainDecimal(text)) throw new RangeError(`not a plain decimal string: ${JSON.stringify(text)}`);
  const dot = text.indexOf('.');
  return dot < 0 ? [BigInt(text), 0] : [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}

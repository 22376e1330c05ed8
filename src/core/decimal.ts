// The one Decimal constructor of creditkit. A private clone, so that neither the host page's
// nor any other library's global Decimal configuration can change how money is computed.
import DecimalModule from 'decimal.js';

// decimal.mjs has only a default export while its typings describe CommonJS; take the class
// from whichever shape the loader (Node, esbuild, Vite) hands over.
type DecimalClass = typeof import('decimal.js').Decimal;
const DecimalJs: DecimalClass =
  (DecimalModule as unknown as { default?: DecimalClass }).default ?? (DecimalModule as unknown as DecimalClass);

/** Enough significant digits that sums and products of published prices never round. */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
  minE: -9e15,
  maxE: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

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

/** A Decimal as a plain string (never exponent notation), trailing zeros removed. */
export function toPlain(d: Decimal): string {
  const text = d.toFixed();
  return text === '-0' ? '0' : text;
}

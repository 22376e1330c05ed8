// The one Decimal constructor of creditkit. A private clone, so that neither the host page's
// nor any other library's global Decimal configuration can change how money is computed.
import DecimalModule from 'decimal.js';

// decimal.mjs has only a default export while its typings describe CommonJS; take the class
// from whichever shape the loader (Node, esbuild, Vite) hands over.
// The type is named, not inferred: an inferred one is written into decimal.d.ts through the
// default import, which a consumer's moduleResolution (bundler vs node16) reads differently
// (under bundler as the class's optional static `Decimal`: TS2344 with skipLibCheck off). The
// class as a named export means the same under every resolution.
type DecimalClass = typeof import('decimal.js').Decimal;
const DecimalJs: DecimalClass = /* @__PURE__ */ (() =>
  (DecimalModule as unknown as { default?: DecimalClass }).default ?? (DecimalModule as unknown as DecimalClass))();

/** Enough significant digits that sums and products of published prices never round. */
export const Decimal: DecimalClass = /* @__PURE__ */ DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
  minE: -9e15,
  maxE: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export { isPlainDecimal, numberToPlainDecimal } from './decimal-text.js';

/** A Decimal as a plain string (never exponent notation), trailing zeros removed. */
export function toPlain(d: Decimal): string {
  const text = d.toFixed();
  return text === '-0' ? '0' : text;
}

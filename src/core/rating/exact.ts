// An exact amount as a rational: a Decimal numerator over a small integer denominator coprime
// to 10. Prices are decimals and every unit divides by 2^a·5^b except "per 60 seconds", whose
// factor 3 would make a decimal repeat; keeping that 3 apart keeps every sum exact.
import { Decimal, toPlain } from '../decimal.js';

export interface Exact {
  readonly num: Decimal;
  readonly den: number;
}

export const EXACT_ZERO: Exact = { num: new Decimal(0), den: 1 };

/** Decimal places shown for an amount whose decimal expansion repeats (a third of a credit). */
export const REPEATING_DECIMALS = 20;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Splits a positive integer divisor into its 2^a·5^b part (a terminating division) and the rest. */
function splitDivisor(divisor: number): { decimalPart: number; rest: number } {
  let rest = divisor;
  let decimalPart = 1;
  for (const p of [2, 5]) {
    while (rest % p === 0) {
      rest /= p;
      decimalPart *= p;
    }
  }
  return { decimalPart, rest };
}

/** value / divisor, exactly. */
export function divide(value: Decimal, divisor: number): Exact {
  const { decimalPart, rest } = splitDivisor(divisor);
  return normalize({ num: value.div(decimalPart), den: rest });
}

export function add(a: Exact, b: Exact): Exact {
  if (a.den === b.den) return { num: a.num.plus(b.num), den: a.den };
  const den = (a.den / gcd(a.den, b.den)) * b.den;
  return normalize({ num: a.num.times(den / a.den).plus(b.num.times(den / b.den)), den });
}

export function times(a: Exact, factor: Decimal): Exact {
  return normalize({ num: a.num.times(factor), den: a.den });
}

/** Reduces num/den to num'/1 when the division terminates. */
function normalize(x: Exact): Exact {
  if (x.den === 1) return x;
  const places = x.num.decimalPlaces();
  const scaled = x.num.times(new Decimal(10).pow(places));
  if (scaled.mod(x.den).isZero()) return { num: x.num.div(x.den), den: 1 };
  return x;
}

export function isTerminating(x: Exact): boolean {
  return x.den === 1;
}

/** The value as a Decimal: exact when terminating, else to REPEATING_DECIMALS places, half-up. */
export function toDecimal(x: Exact): Decimal {
  if (x.den === 1) return x.num;
  return x.num.div(x.den).toDecimalPlaces(REPEATING_DECIMALS, Decimal.ROUND_HALF_UP);
}

export function toDecimalString(x: Exact): string {
  return toPlain(toDecimal(x));
}

export function compare(a: Exact, b: Exact): number {
  return a.num.times(b.den).cmp(b.num.times(a.den));
}

// Plain decimal strings as text: checks, ordering and shifts by a power of ten, exact and without
// decimal.js, so that validating a catalog does not load the arbitrary-precision library and the
// hot paths that run hundreds of times per render (ordering prices, per 1K ↔ per 1M tokens,
// credits → money at 0.01) need no Decimal.

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

function split(value: string): [string, string] {
  const dot = value.indexOf('.');
  const whole = (dot < 0 ? value : value.slice(0, dot)).replace(/^0+/, '');
  const fraction = dot < 0 ? '' : value.slice(dot + 1).replace(/0+$/, '');
  return [whole, fraction];
}

/** -1, 0, 1 for a < b, a = b, a > b. */
export function compareDecimalStrings(a: string, b: string): number {
  const [aw, af] = split(a);
  const [bw, bf] = split(b);
  if (aw.length !== bw.length) return aw.length < bw.length ? -1 : 1;
  if (aw !== bw) return aw < bw ? -1 : 1;
  if (af === bf) return 0;
  return af < bf ? -1 : 1; // no trailing zeros: plain string order is numeric order
}

/** True for "0", "0.000". */
export function isZeroDecimal(value: string): boolean {
  return /^0*(?:\.0*)?$/.test(value);
}

/** value × 10^exponent, exactly, as a plain decimal without superfluous zeros. */
export function shiftDecimal(value: string, exponent: number): string {
  const [whole, fraction] = split(value);
  const digits = whole + fraction;
  const point = whole.length + exponent; // position of the decimal point in `digits`
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const [w, f] = split(result);
  return (w || '0') + (f ? `.${f}` : '');
}

/** The exponent of a power of ten given as a decimal string ("0.01" → -2, "1000" → 3), else undefined. */
export function powerOfTen(value: string): number | undefined {
  const small = /^0\.(0*)1$/.exec(value);
  if (small) return -(small[1]!.length + 1);
  const large = /^1(0*)(?:\.0*)?$/.exec(value);
  return large ? large[1]!.length : undefined;
}

/** A plain decimal string from an integer and a power of ten: (22n, 4) → "0.0022", (-5n, 1) → "-0.5". */
export function fromScaledInteger(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const text = shiftDecimal(digits, -scale);
  return negative && !isZeroDecimal(text) ? `-${text}` : text;
}

/** a × b, exactly (the product of two decimals always terminates). */
export function multiplyDecimalStrings(a: string, b: string): string {
  const [x, xs] = scaledInteger(a);
  const [y, ys] = scaledInteger(b);
  return fromScaledInteger(x * y, xs + ys);
}

/**
 * The change from `from` to `to` in percent, rounded half up (away from zero) to `places`
 * decimals: ("0.11", "0.33") → "200", ("3", "2") → "-33.33". `from` must not be zero.
 */
export function percentChange(from: string, to: string, places = 2): string {
  const [f, fs] = scaledInteger(from);
  const [t, ts] = scaledInteger(to);
  if (f === 0n) throw new RangeError('a change from 0 has no percentage');
  // Both at the same scale: (t − f) / f × 100 × 10^places, rounded half away from zero.
  const scale = Math.max(fs, ts);
  const fi = f * 10n ** BigInt(scale - fs);
  const ti = t * 10n ** BigInt(scale - ts);
  const numerator = (ti - fi) * 100n * 10n ** BigInt(places);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + fi) / (2n * fi);
  return fromScaledInteger(numerator < 0n ? -rounded : rounded, places);
}

// Exact operations on plain non-negative decimal strings that the pricing table runs hundreds of
// times per render, without a float or a Decimal: ordering, and scaling by a power of ten (money
// at 1 credit = 0.01, tokens per 1K ↔ per 1M).

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

// Ordering of plain non-negative decimal strings ("0.0125" < "0.1" < "1.54") without a float or a
// Decimal: the pricing table sorts hundreds of cells on every keystroke.

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

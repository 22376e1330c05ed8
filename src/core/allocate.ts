// Display rounding: each line shown to `decimals` places so that the shown lines add up to the
// shown total, which is the exact total rounded half-up (largest-remainder allocation).
// meinGPT's chat: 0.1569 + 1.4964 + 1.0 = 2.6533 → 0.16 + 1.49 + 1.00 = 2.65.
import { Decimal } from './decimal.js';

export interface DisplayAllocation<L> {
  lines: (L & { display: string })[];
  /** The exact total rounded half-up to `decimals`, as a fixed-point string. */
  total: string;
}

/**
 * @param lines anything with an exact `credits` decimal string (non-negative or negative).
 * @param decimals places to show, 0–12.
 */
export function allocateDisplay<L extends { credits: string }>(lines: readonly L[], decimals = 2): DisplayAllocation<L> {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new RangeError(`decimals must be a whole number from 0 to 12, got ${decimals}`);
  }
  const step = new Decimal(10).pow(-decimals);
  const exact = lines.map((l) => new Decimal(l.credits));
  const total = exact.reduce((a, b) => a.plus(b), new Decimal(0));
  const shownTotal = total.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const floors = exact.map((x) => x.toDecimalPlaces(decimals, Decimal.ROUND_FLOOR));
  const floorSum = floors.reduce((a, b) => a.plus(b), new Decimal(0));
  // Whole steps still to hand out (may be negative only for negative totals rounding away).
  let steps = shownTotal.minus(floorSum).div(step).round().toNumber();
  const order = exact
    .map((x, i) => ({ i, remainder: x.minus(floors[i]!) }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || exact[b.i]!.cmp(exact[a.i]!) || a.i - b.i);
  const shown = floors.slice();
  for (let k = 0; steps > 0 && order.length; k = (k + 1) % order.length, steps--) {
    const i = order[k]!.i;
    shown[i] = shown[i]!.plus(step);
  }
  for (let k = order.length - 1; steps < 0 && order.length; k = (k - 1 + order.length) % order.length, steps++) {
    const i = order[k]!.i;
    shown[i] = shown[i]!.minus(step);
  }
  return {
    lines: lines.map((l, i) => ({ ...l, display: shown[i]!.toFixed(decimals) })),
    total: shownTotal.toFixed(decimals),
  };
}

// The catalog's billing rounding policy, applied at its one declared point (per line or per
// total). Display rounding is separate: see allocateDisplay.
import type { RoundingPolicy } from '../catalog/schema.js';
import { Decimal, toPlain } from '../decimal.js';
import { add, EXACT_ZERO, toDecimalString, type Exact } from './exact.js';

const MODES = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
} as const;

function roundExact(x: Exact, decimals: number, mode: keyof typeof MODES): Decimal {
  // Round the exact quotient, not its 20-place rendering, so "down" never rounds a repeating value up.
  return x.num.div(x.den).toDecimalPlaces(decimals, MODES[mode]);
}

export interface Rounded {
  lines: string[];
  total: string;
  totalExact: Exact;
  minimumChargeApplied: boolean;
}

export function applyRounding(policy: RoundingPolicy, lines: readonly Exact[]): Rounded {
  const exactTotal = lines.reduce(add, EXACT_ZERO);
  if (policy.mode === 'none') {
    return { lines: lines.map(toDecimalString), total: toDecimalString(exactTotal), totalExact: exactTotal, minimumChargeApplied: false };
  }
  let lineTexts: string[];
  let total: Decimal;
  if (policy.mode === 'line') {
    const rounded = lines.map((l) => roundExact(l, policy.decimals, policy.rounding));
    lineTexts = rounded.map(toPlain);
    total = rounded.reduce((a, b) => a.plus(b), new Decimal(0));
  } else {
    lineTexts = lines.map(toDecimalString);
    total = roundExact(exactTotal, policy.decimals, policy.rounding);
  }
  let minimumChargeApplied = false;
  if (policy.minimumCharge !== undefined && total.gt(0) && total.lt(policy.minimumCharge)) {
    total = new Decimal(policy.minimumCharge);
    minimumChargeApplied = true;
  }
  return { lines: lineTexts, total: toPlain(total), totalExact: { num: total, den: 1 }, minimumChargeApplied };
}


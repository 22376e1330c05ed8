// Which state a balance is in, from the host's own thresholds: DOM-free so it is tested alone.
import { Decimal } from '../../core/decimal.js';
import type { Balance } from '../../sdk/contract/balance.js';

/** normal; low (a threshold reached); critical (the lowest threshold reached); depleted (AI paused). */
export type BalanceLevel = 'normal' | 'low' | 'critical' | 'depleted';

export interface BalanceState {
  level: BalanceLevel;
  /** Percent of the reference balance of the lowest threshold reached ("20", "10"), for low and critical. */
  percent?: string;
  /** Balance left of the reference (last top-up) in percent, 0–100 (display only), or undefined without a reference. */
  percentLeft?: number;
}

export function balanceState(balance: Balance): BalanceState {
  const credits = new Decimal(balance.credits);
  const reference = new Decimal(balance.lowBalance.referenceCredits);
  const percentLeft = reference.gt(0)
    ? Decimal.min(Decimal.max(credits.div(reference).times(100), 0), 100).toDecimalPlaces(1, Decimal.ROUND_FLOOR).toNumber()
    : undefined;
  const withLeft = <T extends BalanceState>(s: T): T => (percentLeft === undefined ? s : { ...s, percentLeft });
  if (balance.paused || credits.lte(0)) return withLeft({ level: 'depleted' });
  // A 0 % threshold (the reference host sends one) is the depleted state, handled above.
  const byPercent = balance.lowBalance.thresholds.filter((t) => new Decimal(t.percent).gt(0)).sort((a, b) => new Decimal(a.percent).cmp(b.percent));
  const reached = byPercent.filter((t) => t.reached);
  if (!reached.length) return withLeft({ level: 'normal' });
  const lowest = reached[0]!;
  const level: BalanceLevel = byPercent.length > 1 && lowest === byPercent[0] ? 'critical' : 'low';
  return withLeft({ level, percent: lowest.percent });
}

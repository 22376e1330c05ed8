// The breakdown as shown: each group's credits to two places and its share to one place of a
// percent, both rounded by largest remainder (core's allocateDisplay) so that the credits add up
// to the total shown and the shares to 100 %. DOM-free.
import { allocateDisplay } from '../../core/allocate.js';
import { Decimal, toPlain } from '../../core/decimal.js';
import type { UsageReport } from '../../sdk/contract/usage.js';
import { sortedGroups } from './export.js';

export interface ShownGroup {
  key: string;
  label: string;
  /** Exact credits, as the host sent them. */
  credits: string;
  events: number;
  /** Credits shown, to `decimals` places. */
  display: string;
  /** Share of the period's credits in percent, to one place ("36.4"). */
  share: string;
  /** The exact share in percent (for the bar's length and the rounding footnote). */
  exactShare: string;
}

export interface ShownBreakdown {
  groups: ShownGroup[];
  /** The period's credits shown, to `decimals` places. */
  total: string;
}

/** The groups most credits first, with credits and shares that add up. */
export function shownBreakdown(report: UsageReport, decimals = 2): ShownBreakdown {
  const groups = sortedGroups(report);
  const credits = allocateDisplay(groups, decimals);
  const sum = groups.reduce((a, g) => a.plus(g.credits), new Decimal(0));
  const exactShares = groups.map((g) => ({ credits: sum.isZero() ? '0' : toPlain(new Decimal(g.credits).div(sum).times(100)) }));
  const shares = allocateDisplay(exactShares, 1);
  return {
    groups: groups.map((g, i) => ({ ...g, display: credits.lines[i]!.display, share: shares.lines[i]!.display, exactShare: exactShares[i]!.credits })),
    total: credits.total,
  };
}

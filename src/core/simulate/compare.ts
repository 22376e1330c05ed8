// Two priced months side by side (A/B: today's setup and a variant of it): the difference per
// workload, per billing type and in total. Workloads pair by position (a variant starts as a copy
// of A, so its workloads keep their places); billing types by id. Exact decimal strings; the
// display rounding of each column is the caller's (core's allocateDisplay), so each adds up.
import { Decimal, toPlain } from '../decimal.js';
import type { SimulationResult } from './simulate.js';

export interface ComparedLine {
  /** The workload's name (B's where the names differ, since B is the variant being edited), or the billing type's id. */
  label: string;
  /** Exact credits in A and in B; null where that side has no such line. */
  a: string | null;
  b: string | null;
  /** b − a (a missing side counts as 0). */
  difference: string;
}

export interface Comparison {
  byWorkload: ComparedLine[];
  byBillingType: (ComparedLine & { id: string })[];
  total: { a: string; b: string; difference: string; /** The difference as a percentage of A (2 decimals, toward zero); null when A costs nothing. */ percent: string | null };
}

const diff = (a: string | null, b: string | null) => toPlain(new Decimal(b ?? 0).minus(a ?? 0));

export function compareResults(a: SimulationResult, b: SimulationResult): Comparison {
  const count = Math.max(a.byWorkload.length, b.byWorkload.length);
  const byWorkload = Array.from({ length: count }, (_, i): ComparedLine => {
    const wa = a.byWorkload[i];
    const wb = b.byWorkload[i];
    const x = wa?.credits ?? null;
    const y = wb?.credits ?? null;
    return { label: (wb ?? wa)!.name, a: x, b: y, difference: diff(x, y) };
  });
  const types = new Map<string, { name: string; a: string | null; b: string | null }>();
  for (const t of a.byBillingType) types.set(t.id, { name: t.name, a: t.credits, b: null });
  for (const t of b.byBillingType) {
    const seen = types.get(t.id);
    if (seen) seen.b = t.credits;
    else types.set(t.id, { name: t.name, a: null, b: t.credits });
  }
  const byBillingType = [...types].map(([id, t]) => ({ id, label: t.name, a: t.a, b: t.b, difference: diff(t.a, t.b) }));
  const difference = diff(a.credits, b.credits);
  const percent = new Decimal(a.credits).isZero() ? null : toPlain(new Decimal(difference).times(100).div(a.credits).toDecimalPlaces(2, Decimal.ROUND_DOWN));
  return { byWorkload, byBillingType, total: { a: a.credits, b: b.credits, difference, percent } };
}

// Credit grants: every credit that enters the ledger is a grant (a paid top-up, a promotional
// grant, an auto-recharge, or a piece of a department transfer) with an optional expiry and a
// priority. A charge spends grants in one declared order, so that the ledger can say which grant
// paid for what, and what is left of each expires at its instant. Pure: no I/O.
import { Decimal, toPlain } from '../core/decimal.js';
import type { GrantKind, GrantRow } from './store/types.js';

/** Priorities when none is given: promotional credits are spent before paid ones. */
export const DEFAULT_PRIORITY: Record<GrantKind, number> = { promotional: 10, transfer: 20, recharge: 20, paid: 20 };

/**
 * The declared order in which grants pay for a charge:
 *   1. the charging user's department's own grants before the organisation's pool,
 *   2. expiring first (the earliest expiry first; grants that never expire last),
 *   3. lower priority first (promotional 10 before paid and recharge 20, unless declared otherwise),
 *   4. oldest first (the ledger entry that created it).
 */
export function spendOrder(departmentId: string | null): (a: GrantRow, b: GrantRow) => number {
  const scope = (g: GrantRow) => (g.departmentId !== null && g.departmentId === departmentId ? 0 : 1);
  return (a, b) =>
    scope(a) - scope(b) ||
    (a.expiresAt === b.expiresAt ? 0 : a.expiresAt === null ? 1 : b.expiresAt === null ? -1 : a.expiresAt < b.expiresAt ? -1 : 1) ||
    a.priority - b.priority ||
    a.seq - b.seq ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The grants a user of `departmentId` may spend: their department's and the pool's (not another department's). */
export function spendable(grants: Iterable<GrantRow>, departmentId: string | null): GrantRow[] {
  return [...grants].filter((g) => g.departmentId === null || g.departmentId === departmentId);
}

/** Sum of what is left of `grants`. */
export function remainingOf(grants: Iterable<GrantRow>): Decimal {
  let total = new Decimal(0);
  for (const g of grants) total = total.plus(g.remaining);
  return total;
}

/**
 * Takes `amount` from `grants` in `order`: the pieces taken ([grant, credits]) and the grants
 * with their new `remaining`. Throws when they hold less (the rules check before).
 */
export function take(grants: readonly GrantRow[], amount: Decimal, order: (a: GrantRow, b: GrantRow) => number): { pieces: [GrantRow, string][]; updated: GrantRow[] } {
  let left = amount;
  const pieces: [GrantRow, string][] = [];
  const updated: GrantRow[] = [];
  for (const grant of [...grants].sort(order)) {
    if (left.lte(0)) break;
    const has = new Decimal(grant.remaining);
    if (has.lte(0)) continue;
    const part = Decimal.min(has, left);
    left = left.minus(part);
    pieces.push([grant, toPlain(part)]);
    updated.push({ ...grant, remaining: toPlain(has.minus(part)) });
  }
  if (left.gt(0)) throw new Error(`creditkit host: the grants hold ${toPlain(amount.minus(left))} credits, ${toPlain(amount)} were taken`);
  return { pieces, updated };
}

/** The earliest expiry among grants with credits left; null when none expires. */
export function nextExpiryOf(grants: Iterable<GrantRow>): string | null {
  let next: string | null = null;
  for (const g of grants) if (g.expiresAt !== null && new Decimal(g.remaining).gt(0) && (next === null || g.expiresAt < next)) next = g.expiresAt;
  return next;
}

/** What expires next: the credits left of the grants with the earliest expiry, and when. */
export function nextExpiring(grants: Iterable<GrantRow>): { credits: string; at: string } | null {
  const list = [...grants];
  const at = nextExpiryOf(list);
  if (at === null) return null;
  return { credits: toPlain(remainingOf(list.filter((g) => g.expiresAt === at))), at };
}

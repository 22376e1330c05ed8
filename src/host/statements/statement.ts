// A monthly statement built from the ledger: the entries dated in the period (UTC) and the one
// before it (the opening balance). Pure: the ledger (src/host/ledger.ts) loads the rows. The
// figures add up by construction and are checked against the ledger's own running balance:
// opening + granted − used − expired = closing = the balance after the period's last entry.
import { formatInstant, hasHistory, instantMs, periodAt, tryFindService, type Catalog } from '../../core/index.js';
import { Decimal } from '../../core/decimal.js';
import type { Statement, StatementLine } from '../../sdk/contract/index.js';
import { serviceLabel } from '../reports.js';
import { plain } from '../rules.js';
import type { GrantKind, GrantRow, LedgerEntry, OrganisationRow } from '../store/types.js';

/** The first instant of a month (YYYY-MM) and of the month after it. */
export function periodBounds(period: string): { from: string; to: string } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, month - 1, 1)).toISOString(), to: new Date(Date.UTC(year, month, 1)).toISOString() };
}

/** Months from `first` to `period` (both YYYY-MM): 0 for the same month. */
export function monthsBetween(first: string, period: string): number {
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [py, pm] = period.split('-').map(Number) as [number, number];
  return (py - fy) * 12 + (pm - fm);
}

/** The month `n` months after `period`. */
export function addMonths(period: string, n: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + n, 1)).toISOString().slice(0, 7);
}

export interface StatementInputs {
  org: OrganisationRow;
  catalog: Catalog;
  period: string;
  /** The statement's number (1 for the organisation's first month). */
  number: number;
  status: 'open' | 'closed';
  /** The last entry before the period, if any. */
  before: LedgerEntry | undefined;
  entries: readonly LedgerEntry[];
  /** The events charged by the period's charge entries. */
  events: readonly { seq: number; userId: string; departmentId: string | null; at: string; services: string }[];
  grants: ReadonlyMap<string, GrantRow>;
  names: { users: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> };
}

const KIND_OF_ENTRY: Partial<Record<LedgerEntry['kind'], GrantKind>> = { topup: 'paid', 'auto-recharge': 'recharge', grant: 'promotional' };

type Prices = NonNullable<StatementLine['prices']>;

/** Adds credits to a breakdown, counting each event once per line. */
class Breakdown {
  readonly #lines = new Map<string, { credits: Decimal; events: Set<number>; prices?: Prices }>();
  add(key: string, credits: string, seq: number, prices?: Prices): void {
    const line = this.#lines.get(key) ?? { credits: new Decimal(0), events: new Set<number>(), ...(prices && { prices }) };
    line.credits = line.credits.plus(credits);
    line.events.add(seq);
    this.#lines.set(key, line);
  }
  /** The lines, the most credits first (then by label, then the earlier prices first). */
  lines(label: (key: string) => string): StatementLine[] {
    return [...this.#lines]
      .map(([key, l]) => ({ key, label: label(key), credits: l.credits, events: l.events.size, ...(l.prices && { prices: l.prices }) }))
      .sort((a, b) => b.credits.cmp(a.credits) || a.label.localeCompare(b.label, 'en') || (a.prices?.from ?? '').localeCompare(b.prices?.from ?? ''))
      .map((l) => ({ ...l, credits: plain(l.credits) }));
  }
}

/**
 * The service's line of a statement: one per price period where the service's prices changed
 * (the event's own instant chose them, as when it was rated), so a month that straddles a
 * change shows what was used at the earlier prices and what at the new ones.
 */
function servicePeriod(catalog: Catalog, serviceId: string, at: string): { key: string; prices?: Prices } {
  const service = tryFindService(catalog, serviceId);
  const ms = instantMs(at);
  if (!service || !hasHistory(service) || ms === undefined) return { key: serviceId };
  const period = periodAt(service, ms);
  if (!period) return { key: serviceId };
  const prices: Prices = { ...(period.from > -Infinity && { from: formatInstant(period.from) }), ...(period.until < Infinity && { until: formatInstant(period.until) }) };
  return { key: `${serviceId}@${period.index}`, prices };
}

const NO_DEPARTMENT = '(none)';

export function buildStatement(input: StatementInputs): Statement {
  const { org, catalog, period, entries } = input;
  const opening = new Decimal(input.before?.balanceAfter ?? '0');
  let granted = new Decimal(0);
  let used = new Decimal(0);
  let expired = new Decimal(0);
  const grants: Statement['grants'] = [];
  const expiredLines: Statement['expired'] = [];
  const transfers: Statement['transfers'] = [];
  const eventsBySeq = new Map(input.events.map((e) => [e.seq, e]));
  const byDepartment = new Breakdown();
  const byService = new Breakdown();
  const byUser = new Breakdown();

  entries.forEach((e, i) => {
    const pieces = JSON.parse(e.grants) as [string, string][];
    const detail = e.detail === null ? {} : (JSON.parse(e.detail) as { by?: string; reason?: string });
    const kind = KIND_OF_ENTRY[e.kind];
    if (kind) {
      granted = granted.plus(e.credits);
      const grantId = pieces[0]?.[0] ?? `entry ${e.seq}`;
      grants.push({ at: e.at, grantId, kind, credits: e.credits, expiresAt: input.grants.get(grantId)?.expiresAt ?? null, reason: detail.reason ?? null });
    } else if (e.kind === 'charge') {
      used = used.plus(e.credits);
      const event = eventsBySeq.get(e.seq);
      if (!event) throw new Error(`creditkit host: the charge entry ${e.seq} of ${org.id} has no event`);
      byDepartment.add(event.departmentId ?? NO_DEPARTMENT, e.credits, e.seq);
      byUser.add(event.userId, e.credits, e.seq);
      for (const [service, , credits] of JSON.parse(event.services) as [string, string, string][]) {
        const { key, prices } = servicePeriod(catalog, service, event.at);
        byService.add(key, credits, e.seq, prices);
      }
    } else if (e.kind === 'expiry') {
      expired = expired.plus(e.credits);
      expiredLines.push({ at: e.at, grantId: pieces[0]?.[0] ?? '', departmentId: e.departmentId, credits: e.credits });
    } else if (e.kind === 'transfer-in') {
      const out = entries[i - 1];
      transfers.push({ at: e.at, from: out?.departmentId ?? null, to: e.departmentId, credits: e.credits, by: detail.by ?? '', reason: detail.reason ?? '' });
    }
  });

  const closing = opening.plus(granted).minus(used).minus(expired);
  const last = entries.at(-1);
  // The statement's arithmetic against the ledger's own running balance: a mismatch is a broken ledger, never a statement.
  if (last && !closing.eq(last.balanceAfter)) throw new Error(`creditkit host: the statement ${period} of ${org.id} closes at ${plain(closing)}, the ledger at ${last.balanceAfter}`);
  const { from, to } = periodBounds(period);
  const { users, departments } = input.names;
  return {
    number: input.number,
    period,
    from,
    to,
    status: input.status,
    organisation: { id: org.id, billingName: org.billingName ?? org.name },
    departments: [...departments].map(([id, name]) => ({ id, name })),
    creditUnit: { currency: catalog.creditUnit.currency, value: catalog.creditUnit.value },
    totals: { opening: plain(opening), granted: plain(granted), used: plain(used), expired: plain(expired), closing: plain(closing) },
    grants,
    usage: {
      byDepartment: byDepartment.lines((k) => (k === NO_DEPARTMENT ? k : (departments.get(k) ?? k))),
      byService: byService.lines((k) => serviceLabel(catalog, k.replace(/@\d+$/, ''))),
      byUser: byUser.lines((k) => users.get(k) ?? k),
    },
    expired: expiredLines,
    transfers,
    entries: last ? { first: entries[0]!.seq, last: last.seq, count: entries.length } : null,
  };
}

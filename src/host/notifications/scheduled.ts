// Notifications that no charge raises, found by looking at an organisation's books from time to
// time (every minute, and before the feed is read): grants expiring within 7 days, the statement
// of the month just closed, its usage report, and anomalies. Each has a once-key, so however many
// processes look, each is recorded once.
import { Decimal, toPlain } from '../../core/decimal.js';
import type { Anomaly } from '../../sdk/contract/index.js';
import { lastDayBefore } from '../reports.js';
import type { GrantRow, NotificationRow } from '../store/types.js';

export const EXPIRY_NOTICE_MS = 7 * 86_400_000;

/** The grants whose credits left expire within 7 days of `nowMs`: one notice per grant. */
export function expiringNotices(grants: readonly GrantRow[], nowMs: number, balance: string): NotificationRow[] {
  const now = new Date(nowMs).toISOString();
  const until = new Date(nowMs + EXPIRY_NOTICE_MS).toISOString();
  return grants
    .filter((g) => g.expiresAt !== null && g.expiresAt > now && g.expiresAt <= until && new Decimal(g.remaining).gt(0))
    .map((g) => ({
      kind: 'grant-expiring',
      at: now,
      balance,
      detail: `${g.remaining} credits of grant ${g.id} expire at ${g.expiresAt!}`,
      onceKey: `grant-expiring:${g.id}`,
      data: JSON.stringify({ grantId: g.id, credits: g.remaining, expiresAt: g.expiresAt, lastDay: lastDayBefore(g.expiresAt!), departmentId: g.departmentId }),
    }));
}

/** The month just closed (`period`): its statement is ready, and its usage report. */
export function monthClosedNotices(period: string, usage: { credits: string; events: number }, nowMs: number, balance: string): NotificationRow[] {
  const at = new Date(nowMs).toISOString();
  return [
    { kind: 'statement-ready', at, balance, detail: `statement ${period} ready`, onceKey: `statement-ready:${period}`, data: JSON.stringify({ period }) },
    {
      kind: 'usage-report',
      at,
      balance,
      detail: `${period}: ${usage.credits} credits in ${usage.events} events`,
      onceKey: `usage-report:${period}`,
      data: JSON.stringify({ period, credits: usage.credits, events: usage.events }),
    },
  ];
}

/** An anomaly as a notification: once per subject and day. */
export function anomalyNotice(a: Anomaly, nowMs: number, balance: string): NotificationRow {
  return {
    kind: 'anomaly',
    at: new Date(nowMs).toISOString(),
    balance,
    detail: `${a.subject.name} on ${a.day}: ${a.reason.en}`,
    onceKey: `anomaly:${a.subject.kind}:${a.subject.id}:${a.day}`,
    data: JSON.stringify({ day: a.day, subject: a.subject, credits: a.credits, baseline: a.baseline, ratio: a.ratio, basis: a.basis, score: a.score, reason: a.reason }),
  };
}

export const sumCredits = (values: readonly string[]): string => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));

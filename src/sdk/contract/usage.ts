// GET /usage (a period, grouped) and POST /usage-events (what the product records after a call).
import * as z from 'zod/mini';
import { charge, usageRecord } from './charge.js';
import { credits, day, instant, signedCredits } from './common.js';
import { anomaly } from './notifications.js';

export const GROUP_BY = ['day', 'service', 'billingType', 'user', 'department'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Query of GET /usage: whole UTC days, both ends included. */
export const usageQuery = z.object({
  from: day,
  to: day,
  groupBy: z.enum(GROUP_BY),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export const usageGroup = z.object({
  /** Day (YYYY-MM-DD), service id, billing type id, user id or department id. */
  key: z.string(),
  /** What to show for the key (a service's display name, a user's name). */
  label: z.string(),
  credits,
  /** How many usage events fall in the group. */
  events: z.int().check(z.minimum(0)),
});

export const usageResponse = z.object({
  from: day,
  to: day,
  groupBy: z.enum(GROUP_BY),
  /** Whose usage: the whole organisation (an admin), one department (a department token) or only the caller. */
  scope: z.enum(['organisation', 'department', 'user']),
  /** Groups with usage, in key order; their credits add up to `total.credits`. */
  groups: z.array(usageGroup),
  total: z.object({ credits, events: z.int().check(z.minimum(0)) }),
  /** Projected credits for the current calendar month from its usage so far. */
  forecast: z.optional(z.object({ month: z.string(), credits, basisDays: z.int() })),
  /** With groupBy=day: the days whose spend stands out (GET /anomalies), for the chart to mark: the organisation's for an admin, the member's own. */
  anomalies: z.optional(z.array(anomaly)),
});
export type UsageReport = z.infer<typeof usageResponse>;

/**
 * How far an event's `at` may lie from the host's clock: 35 days back (a late report, a retry
 * after an outage), 5 minutes ahead (clock skew). As Stripe's meter events: usage dated in
 * another month's report, or in year 9999, would be charged today and shown nowhere.
 */
export const EVENT_TIME_WINDOW = { pastMs: 35 * 86_400_000, futureMs: 5 * 60_000 } as const;

/** Why `at` is outside the window around `nowMs`, or undefined when it is inside. */
export function eventTimeProblem(at: string, nowMs: number): string | undefined {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return `${at} is not an instant`;
  if (ms < nowMs - EVENT_TIME_WINDOW.pastMs) return `${at} is more than 35 days before the host's clock (${new Date(nowMs).toISOString()})`;
  if (ms > nowMs + EVENT_TIME_WINDOW.futureMs) return `${at} is more than 5 minutes after the host's clock (${new Date(nowMs).toISOString()})`;
  return undefined;
}

/** Body of POST /usage-events (send an `Idempotency-Key` header: a retried post is charged once). */
export const usageEventRequest = z.object({
  /** The chat (or task) the usage belongs to. */
  chatId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When it happened, at most 35 days before and 5 minutes after the host's clock; the host's clock when omitted. */
  at: z.optional(instant),
  records: z.array(usageRecord).check(z.minLength(1), z.maxLength(100)),
});
export type UsageEventRequest = z.infer<typeof usageEventRequest>;

export const usageEventResponse = z.object({
  eventId: z.string(),
  chatId: z.string(),
  at: instant,
  charge,
  /** The balance right after this charge. */
  balance: z.object({ credits: signedCredits, paused: z.boolean() }),
});
export type UsageEventReceipt = z.infer<typeof usageEventResponse>;

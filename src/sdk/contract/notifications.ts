// The notification feed (GET /notifications), anomalies (GET /anomalies) and webhooks that
// deliver the feed to a platform's endpoints (POST/GET/DELETE /webhooks, GET /webhooks/{id}/deliveries).
import * as z from 'zod/mini';
import { credits, day, instant, signedCredits } from './common.js';

/** What a notification tells: a low-balance threshold, a department budget, an anomaly, a recharge … */
export const NOTIFICATION_TYPES = ['threshold', 'budget', 'anomaly', 'recharge', 'recharge-limit', 'grant-expiring', 'statement-ready', 'usage-report'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Who a notification or an anomaly is about. */
export const notificationSubject = z.object({
  kind: z.enum(['organisation', 'department', 'user']),
  id: z.string(),
  name: z.string(),
});
export type NotificationSubject = z.infer<typeof notificationSubject>;

/** The same sentence in English and German. */
export const words = z.object({ en: z.string(), de: z.string() });

export const notification = z.object({
  /** Stable: the same event keeps its id in the feed and in every webhook delivery (de-duplicate on it). */
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  at: instant,
  /** The organisation's balance when it was recorded. */
  balance: signedCredits,
  /** What happened, in words. */
  message: words,
  subject: z.nullable(notificationSubject),
  /** The figures behind the words (a threshold's percent, an anomaly's credits and baseline, a grant's id …). */
  data: z.record(z.string(), z.unknown()),
});
export type Notification = z.infer<typeof notification>;

export const notificationsQuery = z.object({
  /** How many, 1 to 100. @default 20 */
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|100)$/, 'expected a whole number from 1 to 100'))),
  /** The `next` of the page before. */
  cursor: z.optional(z.string().check(z.regex(/^evt_\d{1,15}$/, 'expected the `next` of a page'))),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationsResponse = z.object({
  /** Newest first. */
  notifications: z.array(notification),
  /** The cursor of the following (older) page; null on the last. */
  next: z.nullable(z.string()),
});
export type Notifications = z.infer<typeof notificationsResponse>;

/** A day whose spend stands out from the subject's own trailing 28 days. */
export const anomaly = z.object({
  day,
  subject: notificationSubject,
  /** The day's spend. */
  credits,
  /** The usual spend it is compared with: the median of the same weekday, else of all 28 days. */
  baseline: credits,
  /** credits ÷ baseline, to one decimal ("6.2"). */
  ratio: z.string(),
  /** 'weekday': compared with the same weekday of the last four weeks; 'days': with all 28 days. */
  basis: z.enum(['weekday', 'days']),
  /** The robust score: (credits − baseline) ÷ the spread (1.4826 × the median absolute deviation), to one decimal. */
  score: z.string(),
  reason: words,
});
export type Anomaly = z.infer<typeof anomaly>;

export const anomaliesQuery = z.object({ from: day, to: day });
export type AnomaliesQuery = z.infer<typeof anomaliesQuery>;

export const anomaliesResponse = z.object({
  from: day,
  to: day,
  /** By day, then organisation, departments, users. */
  anomalies: z.array(anomaly),
});
export type Anomalies = z.infer<typeof anomaliesResponse>;

export const webhookRequest = z.object({
  /** Where deliveries are POSTed: http(s); a private or loopback address only on a host in development (listening on loopback). */
  url: z.string().check(z.minLength(1), z.maxLength(2000)),
  description: z.optional(z.string().check(z.maxLength(200))),
});
export type WebhookRequest = z.infer<typeof webhookRequest>;

const count = z.int().check(z.minimum(0));

export const webhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.nullable(z.string()),
  createdAt: instant,
  createdBy: z.string(),
  /** The webhook's deliveries by state. */
  deliveries: z.object({ pending: count, delivered: count, failed: count, cancelled: count }),
});
export type Webhook = z.infer<typeof webhook>;

/** A new webhook, with the secret its deliveries are signed with: shown once, at creation. */
export const webhookCreated = z.extend(webhook, { secret: z.string() });
export type WebhookCreated = z.infer<typeof webhookCreated>;

export const webhooksResponse = z.object({ webhooks: z.array(webhook) });
export type Webhooks = z.infer<typeof webhooksResponse>;

export const deliveryAttempt = z.object({
  id: z.int(),
  /** The notification delivered (its `id` in the feed). */
  eventId: z.string(),
  type: z.string(),
  /** 1 for the first attempt of this event. */
  attempt: z.int().check(z.minimum(1)),
  at: instant,
  /** The receiver's HTTP status; null when no answer came (a timeout, a refused connection). */
  statusCode: z.nullable(z.int()),
  error: z.nullable(z.string()),
  durationMs: z.int().check(z.minimum(0)),
  /** delivered (2xx), retry (tried again later, with backoff), failed (given up after a day). */
  outcome: z.enum(['delivered', 'retry', 'failed']),
});

export const deliveriesQuery = z.object({
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|100)$/, 'expected a whole number from 1 to 100'))),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/, 'expected the `next` of a page'))),
});

export const deliveriesResponse = z.object({
  /** Newest first. */
  attempts: z.array(deliveryAttempt),
  next: z.nullable(z.string()),
});
export type Deliveries = z.infer<typeof deliveriesResponse>;

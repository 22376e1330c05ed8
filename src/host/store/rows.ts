// Row mappings both engines share: their columns have the same names (snake_case).
import type { DeliveryLogEntry, LedgerEntry, StoredNotification, WebhookRow } from './types.js';

export interface LedgerRecord {
  org_id: string;
  seq: number;
  kind: LedgerEntry['kind'];
  credits: string;
  at: string;
  event_id: string | null;
  balance_after: string;
  reference_after: string;
  department_id: string | null;
  grants: string;
  detail: string | null;
}

export const LEDGER_COLUMNS = 'org_id, seq, kind, credits, at, event_id, balance_after, reference_after, department_id, grants, detail';

export const toEntry = (r: LedgerRecord): LedgerEntry => ({
  orgId: r.org_id,
  seq: r.seq,
  kind: r.kind,
  credits: r.credits,
  at: r.at,
  eventId: r.event_id,
  balanceAfter: r.balance_after,
  referenceAfter: r.reference_after,
  departmentId: r.department_id,
  grants: r.grants,
  detail: r.detail,
});

export interface NotificationRecord {
  seq: number;
  kind: string;
  at: string;
  balance: string;
  detail: string | null;
  once_key: string | null;
  data: string | null;
}

export const toNotification = (r: NotificationRecord): StoredNotification => ({ seq: Number(r.seq), kind: r.kind, at: r.at, balance: r.balance, detail: r.detail, onceKey: r.once_key, data: r.data });

export interface WebhookRecord {
  id: string;
  org_id: string;
  url: string;
  secret: string;
  description: string | null;
  created_at: string;
  created_by: string;
}

export const toWebhook = (r: WebhookRecord): WebhookRow => ({ id: r.id, orgId: r.org_id, url: r.url, secret: r.secret, description: r.description, createdAt: r.created_at, createdBy: r.created_by });

export interface AttemptRecord {
  id: number;
  delivery_id: number;
  webhook_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  outcome: DeliveryLogEntry['outcome'];
  notification_seq: number;
  kind: string;
}

export const toLogEntry = (r: AttemptRecord): DeliveryLogEntry => ({
  id: Number(r.id),
  deliveryId: Number(r.delivery_id),
  webhookId: r.webhook_id,
  attempt: Number(r.attempt),
  at: r.at,
  statusCode: r.status_code === null ? null : Number(r.status_code),
  error: r.error,
  durationMs: Number(r.duration_ms),
  outcome: r.outcome,
  notificationSeq: Number(r.notification_seq),
  kind: r.kind,
});

/** Deliveries by state, 0 for a state with none. */
export function countsOf(rows: readonly { status: string; n: number | string }[]): Record<'pending' | 'delivered' | 'failed' | 'cancelled', number> {
  const out = { pending: 0, delivered: 0, failed: 0, cancelled: 0 };
  for (const r of rows) if (r.status in out) out[r.status as keyof typeof out] = Number(r.n);
  return out;
}

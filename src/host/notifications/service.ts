// The notification feed, anomalies and webhooks of the reference host, beside the Ledger (which
// owns the money): reads of the feed with cursor paging, the notifications found by looking
// (scheduled.ts), anomalies computed from stored events (anomalies.ts), and the webhooks a
// platform registers (their deliveries run in webhooks/deliverer.ts).
import { createHash, randomUUID } from 'node:crypto';
import type { Anomalies, Anomaly, Deliveries, Notifications, NotificationSubject, Webhook, WebhookCreated, WebhookRequest, Webhooks } from '../../sdk/contract/index.js';
import { detectAnomalies, WINDOW_DAYS } from '../anomalies.js';
import type { Ledger, Once } from '../ledger.js';
import { addDays, dayOf, monthOf } from '../periods.js';
import { HostError } from '../problems.js';
import type { Principal } from '../rules.js';
import { addMonths } from '../statements/statement.js';
import type { ClaimedDelivery, WebhookRow } from '../store/types.js';
import { checkWebhookUrl } from '../webhooks/urls.js';
import { newSecret } from '../webhooks/signing.js';
import { eventIdOf, notificationOut, seqOfEventId, typeOf } from './feed.js';
import { anomalyNotice, expiringNotices, monthClosedNotices, sumCredits } from './scheduled.js';

/** How far back anomalies are looked for: usage events may be dated up to 35 days back. */
const ANOMALY_LOOKBACK_DAYS = 35;

export interface NotifierOptions {
  /** Webhooks may point at private and loopback addresses (a host in development). */
  allowPrivateWebhooks: boolean;
  /** Resolves a host name (tests). @default DNS */
  resolve?: (host: string) => Promise<string[]>;
}

export class Notifier {
  /** Months whose closing notices this process already recorded, by organisation. */
  readonly #closed = new Set<string>();

  constructor(
    readonly ledger: Ledger,
    readonly options: NotifierOptions,
  ) {}

  get #store() {
    return this.ledger.store;
  }

  async #names(orgId: string): Promise<(kind: NotificationSubject['kind'], id: string) => string> {
    const [org, users, departments] = await Promise.all([this.ledger.organisation(orgId), this.#store.usersOf(orgId), this.#store.departmentsOf(orgId)]);
    const names = new Map<string, string>([[`organisation:${orgId}`, org.row.name], ...users.map((u) => [`user:${u.id}`, u.name] as [string, string]), ...departments.map((d) => [`department:${d.id}`, d.name] as [string, string])]);
    return (kind, id) => names.get(`${kind}:${id}`) ?? id;
  }

  /** Anomalies of the days `from` … `to`: an admin sees every subject, a member only themselves. */
  async #detect(who: Principal, from: string, to: string): Promise<Anomaly[]> {
    const own = who.role === 'admin' ? null : who.userId;
    const events = await this.#store.eventsInRange(who.orgId, addDays(from, -WINDOW_DAYS), to, own);
    return detectAnomalies(events, who.orgId, from, to, await this.#names(who.orgId), (kind, id) => own === null || (kind === 'user' && id === own));
  }

  async anomalies(who: Principal, from: string, to: string): Promise<Anomalies> {
    await this.ledger.organisation(who.orgId);
    return { from, to, anomalies: await this.#detect(who, from, to) };
  }

  /** The days of `from` … `to` the usage chart marks: the organisation's anomalies for an admin, the member's own otherwise. */
  async usageMarks(who: Principal, from: string, to: string): Promise<Anomaly[]> {
    return (await this.#detect(who, from, to)).filter((a) => (who.role === 'admin' ? a.subject.kind === 'organisation' : a.subject.id === who.userId));
  }

  /** Records what looking at the books finds now: grants expiring, a month closed, anomalies. Each once. */
  async sweep(orgId: string): Promise<number> {
    const nowMs = this.ledger.now();
    const today = dayOf(new Date(nowMs).toISOString());
    const [grants, { account }, first] = await Promise.all([this.#store.grants(orgId, true), this.#store.accountWithSpend(orgId, []), this.#store.firstLedgerAt(orgId)]);
    const balance = account.balance;
    const rows = expiringNotices(grants, nowMs, balance);
    const closed = addMonths(monthOf(today), -1);
    if (first !== undefined && monthOf(first) <= closed && !this.#closed.has(`${orgId}:${closed}`)) {
      const events = await this.#store.eventsInRange(orgId, `${closed}-01`, addDays(`${monthOf(today)}-01`, -1), null);
      rows.push(...monthClosedNotices(closed, { credits: sumCredits(events.map((e) => e.credits)), events: events.length }, nowMs, balance));
      this.#closed.add(`${orgId}:${closed}`);
    }
    const from = addDays(today, -ANOMALY_LOOKBACK_DAYS);
    for (const a of await this.#detect({ orgId, userId: '', role: 'admin' }, from, today)) rows.push(anomalyNotice(a, nowMs, balance));
    return rows.length ? this.#store.addNotifications(orgId, rows) : 0;
  }

  /** Every organisation looked at (the deliverer's schedule); one failing does not stop the others. */
  async sweepAll(): Promise<void> {
    for (const orgId of await this.#store.organisationIds()) {
      await this.sweep(orgId).catch((error: unknown) => console.warn(`creditkit host: notifications of ${orgId}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  /** The feed, newest first; `cursor` is the `next` of the page before. */
  async feed(who: Principal, limit: number, cursor: string | undefined): Promise<Notifications> {
    const org = await this.ledger.organisation(who.orgId);
    const before = cursor === undefined ? null : seqOfEventId(cursor);
    if (before === undefined) throw new HostError(400, 'invalid-query', 'The cursor is not the `next` of a page of notifications');
    if (before === null) await this.sweep(who.orgId);
    const rows = await this.#store.notificationsPage(who.orgId, before, limit + 1);
    const page = rows.slice(0, limit);
    return { notifications: page.map((n) => notificationOut(n, org.row)), next: rows.length > limit ? eventIdOf(page.at(-1)!.seq) : null };
  }

  /** A delivery's body: the notification as the feed shows it, with its organisation. */
  async deliveryBody(d: ClaimedDelivery): Promise<string> {
    const org = await this.ledger.organisation(d.orgId);
    return JSON.stringify({ ...notificationOut(d.notification, org.row), organisation: { id: org.row.id, name: org.row.name } });
  }

  async #webhookOut(row: WebhookRow): Promise<Webhook> {
    return { id: row.id, url: row.url, description: row.description, createdAt: row.createdAt, createdBy: row.createdBy, deliveries: await this.#store.deliveryCounts(row.orgId, row.id) };
  }

  /**
   * Registers a webhook. With an Idempotency-Key its id is derived from the organisation and the
   * key, so a retry (from any process) finds the webhook the first request made and answers the
   * same, secret included, instead of registering a second one; the key with another URL,
   * description or caller is a 422.
   */
  async addWebhook(who: Principal, request: WebhookRequest, idempotencyKey?: string): Promise<Once<WebhookCreated>> {
    await this.ledger.organisation(who.orgId);
    const url = await checkWebhookUrl(request.url, this.options.allowPrivateWebhooks, this.options.resolve);
    const id = idempotencyKey === undefined ? `wh_${randomUUID()}` : `wh_k${createHash('sha256').update(`${who.orgId}\0${idempotencyKey}`).digest('base64url').slice(0, 32)}`;
    const row: WebhookRow = { id, orgId: who.orgId, url: url.href, secret: newSecret(), description: request.description ?? null, createdAt: new Date(this.ledger.now()).toISOString(), createdBy: who.userId };
    const stored = await this.#store.addWebhook(row);
    const replayed = stored.secret !== row.secret;
    if (replayed && (stored.orgId !== row.orgId || stored.url !== row.url || stored.description !== row.description || stored.createdBy !== row.createdBy)) {
      throw new HostError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request', `first used at ${stored.createdAt}`);
    }
    return { result: { ...(await this.#webhookOut(stored)), secret: stored.secret }, replayed };
  }

  async webhooks(who: Principal): Promise<Webhooks> {
    await this.ledger.organisation(who.orgId);
    return { webhooks: await Promise.all((await this.#store.webhooks(who.orgId)).map((w) => this.#webhookOut(w))) };
  }

  async #own(who: Principal, id: string): Promise<WebhookRow> {
    const row = (await this.#store.webhooks(who.orgId)).find((w) => w.id === id);
    // Another organisation's webhook is as unknown as one that does not exist.
    if (!row) throw new HostError(404, 'webhook-not-found', 'No such webhook', id.slice(0, 100));
    return row;
  }

  async deleteWebhook(who: Principal, id: string): Promise<void> {
    await this.#own(who, id);
    if (!(await this.#store.deleteWebhook(who.orgId, id, new Date(this.ledger.now()).toISOString()))) throw new HostError(404, 'webhook-not-found', 'No such webhook', id.slice(0, 100));
  }

  async deliveries(who: Principal, id: string, limit: number, cursor: string | undefined): Promise<Deliveries> {
    await this.#own(who, id);
    const rows = await this.#store.deliveryLog(who.orgId, id, cursor === undefined ? null : Number(cursor), limit + 1);
    const page = rows.slice(0, limit);
    return {
      attempts: page.map((a) => ({ id: a.id, eventId: eventIdOf(a.notificationSeq), type: typeOf(a.kind), attempt: a.attempt, at: a.at, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, outcome: a.outcome })),
      next: rows.length > limit ? String(page.at(-1)!.id) : null,
    };
  }
}

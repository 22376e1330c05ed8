// The SQLite engine (better-sqlite3): one database file, WAL, one connection per process.
// better-sqlite3 is synchronous, so a write (lock, load, decide, write, commit) runs as one
// synchronous block inside BEGIN IMMEDIATE: nothing else of this process runs in between (no
// read sees a write half done), and another process on the same file waits for the write lock
// (busy_timeout). Amounts are TEXT decimal strings added with creditkit's Decimal.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { databaseError } from './errors.js';
import { MIGRATIONS } from './migrations.js';
import { countsOf, LEDGER_COLUMNS, toEntry, toLogEntry, toNotification, toWebhook, type AttemptRecord, type LedgerRecord, type NotificationRecord, type WebhookRecord } from './rows.js';
import { spendKey, type EngineOptions, type AccountRow, type ChatsOf, type BooksChanges, type BooksQuery, type BooksSnapshot, type DepartmentRow, type EventRow, type GrantRow, type IdempotentRequest, type LedgerEntry, type ServiceLimitRow, type NotificationRow, type OrganisationRow, type Store, type UserRow, type StoredNotification, type WebhookRow, type ClaimedDelivery, type DeliveryAttempt, type DeliveryLogEntry } from './types.js';

type Db = Database.Database;

/** better-sqlite3 is an optional peer dependency: only a host on SQLite needs it. */
async function loadDriver(): Promise<typeof Database> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (error) {
    throw new Error('creditkit host: the SQLite engine needs better-sqlite3 (npm install better-sqlite3)', { cause: error });
  }
}

/** The schema of the demo host before versioned migrations (PRAGMA user_version 4): demo data, started afresh. */
const LEGACY_VERSION = 4;

function migrate(db: Db, file: string): void {
  db.transaction(() => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    if (tables.length && !tables.includes('schema_migrations')) {
      if (db.pragma('user_version', { simple: true }) !== LEGACY_VERSION) throw new Error(`creditkit host: ${file} is not a creditkit host database`);
      console.warn(`creditkit host: ${file} holds the demo schema from before migrations; starting it afresh`);
      db.pragma('foreign_keys = OFF');
      for (const table of tables) db.exec(`DROP TABLE "${table}"`);
      db.pragma('foreign_keys = ON');
    }
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql('sqlite'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  }).immediate(); // BEGIN IMMEDIATE: a second process waits here, then finds the migrations applied
}

interface OrgRecord {
  id: string;
  name: string;
  billing_name: string | null;
  catalog: string;
  low_balance_percents: string;
  auto_recharge_enabled: number;
  auto_recharge_threshold: string;
  auto_recharge_credits: string;
  auto_recharge_monthly_limit: string | null;
}
interface UserRecord {
  id: string;
  org_id: string;
  department_id: string | null;
  name: string;
  role: 'admin' | 'member';
  daily_limit: string | null;
  monthly_limit: string | null;
}
interface DepartmentRecord {
  id: string;
  org_id: string;
  name: string;
  monthly_budget: string | null;
  overdraft_protection: number;
}
interface EventRecord {
  id: string;
  org_id: string;
  user_id: string;
  department_id: string | null;
  chat_id: string;
  seq: number;
  idempotency_key: string;
  body: string;
  at: string;
  day: string;
  records: string;
  credits: string;
  response: string;
  services: string;
}


interface GrantRecord {
  id: string;
  department_id: string | null;
  kind: GrantRow['kind'];
  credits: string;
  remaining: string;
  priority: number;
  expires_at: string | null;
  at: string;
  seq: number;
  origin: string | null;
}
const toGrant = (r: GrantRecord): GrantRow => ({
  id: r.id,
  departmentId: r.department_id,
  kind: r.kind,
  credits: r.credits,
  remaining: r.remaining,
  priority: r.priority,
  expiresAt: r.expires_at,
  at: r.at,
  seq: r.seq,
  origin: r.origin,
});

const toEvent = (r: EventRecord): EventRow => ({
  id: r.id,
  orgId: r.org_id,
  userId: r.user_id,
  departmentId: r.department_id,
  chatId: r.chat_id,
  seq: r.seq,
  idempotencyKey: r.idempotency_key,
  body: r.body,
  at: r.at,
  day: r.day,
  records: r.records,
  credits: r.credits,
  response: r.response,
  services: r.services,
});

export async function openSqlite(file: string, options: EngineOptions = {}): Promise<Store> {
  const Driver = await loadDriver();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  // FULL by default: a commit is on disk before the host acknowledges an event (group commit keeps it fast).
  db.pragma(`synchronous = ${options.durability === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrate(db, file);
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly #q;

  constructor(readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.#q = {
      org: p('SELECT * FROM orgs WHERE id = ?'),
      orgIds: p('SELECT id FROM orgs ORDER BY id').pluck(),
      user: p('SELECT * FROM users WHERE id = ?'),
      department: p('SELECT * FROM departments WHERE id = ?'),
      usersOf: p('SELECT id, name FROM users WHERE org_id = ? ORDER BY id'),
      departmentsOf: p('SELECT id, name FROM departments WHERE org_id = ? ORDER BY id'),
      account: p('SELECT balance, reference, last_seq, next_expiry FROM accounts WHERE org_id = ?'),
      openGrants: p("SELECT * FROM grants WHERE org_id = ? AND remaining <> '0' ORDER BY seq, id"),
      allGrants: p('SELECT * FROM grants WHERE org_id = ? ORDER BY seq, id'),
      setGrant: p(`INSERT INTO grants (org_id, id, department_id, kind, credits, remaining, priority, expires_at, at, seq, origin)
        VALUES (@orgId, @id, @departmentId, @kind, @credits, @remaining, @priority, @expiresAt, @at, @seq, @origin)
        ON CONFLICT (org_id, id) DO UPDATE SET remaining = excluded.remaining`),
      ledgerBetween: p(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = ? AND at >= ? AND at < ? ORDER BY seq`),
      ledgerBefore: p('SELECT * FROM ledger WHERE org_id = ? AND at < ? ORDER BY seq DESC LIMIT 1'),
      firstLedgerAt: p('SELECT min(at) FROM ledger WHERE org_id = ?').pluck(),
      ledgerOfKinds: p(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY seq`),
      serviceLimits: p('SELECT service, daily_limit, monthly_limit FROM service_limits WHERE org_id = ? ORDER BY service'),
      eventsOfEntries: p('SELECT seq, user_id, department_id, at, services FROM events WHERE org_id = ? AND seq IN (SELECT value FROM json_each(?)) ORDER BY seq'),
      eventsByKeys: p('SELECT idempotency_key, user_id, body, response FROM events WHERE org_id = ? AND idempotency_key IN (SELECT value FROM json_each(?))'),
      // Driven by the keys asked for (CROSS JOIN keeps json_each outside), each a primary-key lookup.
      spendByKeys: p("SELECT s.scope, s.period, s.credits FROM json_each(?) AS k CROSS JOIN spend AS s ON s.org_id = ? AND s.scope = k.value ->> '$[0]' AND s.period = k.value ->> '$[1]'"),
      requestsByKeys: p('SELECT key, fingerprint, response, at FROM idempotent_requests WHERE org_id = ? AND key IN (SELECT value FROM json_each(?))'),
      requestInsert: p('INSERT INTO idempotent_requests (org_id, key, fingerprint, response, at) VALUES (?, ?, ?, ?, ?)'),
      notifiedKeys: p('SELECT once_key FROM notifications WHERE org_id = ? AND once_key IN (SELECT value FROM json_each(?))').pluck(),
      setAccount: p('UPDATE accounts SET balance = ?, reference = ?, last_seq = ?, next_expiry = ? WHERE org_id = ?'),
      ledgerInsert: p('INSERT INTO ledger (org_id, seq, kind, credits, at, event_id, balance_after, reference_after, department_id, grants, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      eventInsert: p('INSERT INTO events (id, org_id, user_id, department_id, chat_id, seq, idempotency_key, body, at, day, records, credits, response, services) VALUES (@id, @orgId, @userId, @departmentId, @chatId, @seq, @idempotencyKey, @body, @at, @day, @records, @credits, @response, @services)'),
      setSpend: p('INSERT INTO spend (org_id, scope, period, credits) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, scope, period) DO UPDATE SET credits = excluded.credits'),
      notify: p('INSERT INTO notifications (org_id, kind, at, balance, detail, once_key, data) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, once_key) DO NOTHING'),
      notificationsPage: p('SELECT seq, kind, at, balance, detail, once_key, data FROM notifications WHERE org_id = ? AND (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?'),
      // WHERE true: SQLite needs it to read ON CONFLICT after INSERT … SELECT.
      addWebhook: p(`INSERT INTO webhooks (id, org_id, url, secret, description, created_at, created_by, after_seq, enqueued_seq)
        SELECT @id, @orgId, @url, @secret, @description, @createdAt, @createdBy, s, s FROM (SELECT coalesce(max(seq), 0) AS s FROM notifications WHERE org_id = @orgId) WHERE true
        ON CONFLICT (id) DO NOTHING`),
      webhookById: p('SELECT id, org_id, url, secret, description, created_at, created_by FROM webhooks WHERE id = ?'),
      webhooks: p('SELECT id, org_id, url, secret, description, created_at, created_by FROM webhooks WHERE org_id = ? AND deleted_at IS NULL ORDER BY created_at, id'),
      deleteWebhook: p('UPDATE webhooks SET deleted_at = ? WHERE org_id = ? AND id = ? AND deleted_at IS NULL'),
      cancelDeliveries: p("UPDATE webhook_deliveries SET status = 'cancelled', finished_at = ?, lease_until = NULL WHERE webhook_id = ? AND status = 'pending'"),
      enqueue: p(`INSERT INTO webhook_deliveries (webhook_id, org_id, notification_seq, status, attempts, created_at, next_attempt_at)
        SELECT w.id, w.org_id, n.seq, 'pending', 0, @now, @now FROM webhooks AS w JOIN notifications AS n ON n.org_id = w.org_id AND n.seq > w.enqueued_seq
        WHERE w.deleted_at IS NULL ORDER BY n.seq ON CONFLICT (webhook_id, notification_seq) DO NOTHING`),
      enqueued: p(`UPDATE webhooks SET enqueued_seq = (SELECT max(n.seq) FROM notifications AS n WHERE n.org_id = webhooks.org_id)
        WHERE deleted_at IS NULL AND enqueued_seq < (SELECT coalesce(max(n.seq), 0) FROM notifications AS n WHERE n.org_id = webhooks.org_id)`),
      due: p(`SELECT d.id, d.webhook_id, d.org_id, d.attempts, d.created_at, w.url, w.secret, n.seq, n.kind, n.at, n.balance, n.detail, n.once_key, n.data
        FROM webhook_deliveries AS d JOIN webhooks AS w ON w.id = d.webhook_id JOIN notifications AS n ON n.seq = d.notification_seq
        WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now)
        ORDER BY d.next_attempt_at, d.id LIMIT @limit`),
      lease: p('UPDATE webhook_deliveries SET lease_until = ? WHERE id = ?'),
      attemptInsert: p('INSERT INTO webhook_attempts (delivery_id, webhook_id, attempt, at, status_code, error, duration_ms, outcome) VALUES (@deliveryId, @webhookId, @attempt, @at, @statusCode, @error, @durationMs, @outcome)'),
      finish: p(`UPDATE webhook_deliveries SET attempts = @attempt, lease_until = NULL,
        status = CASE @outcome WHEN 'delivered' THEN 'delivered' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
        next_attempt_at = coalesce(@next, next_attempt_at), finished_at = CASE WHEN @outcome = 'retry' THEN NULL ELSE @at END
        WHERE id = @deliveryId AND status = 'pending'`),
      deliveryLog: p(`SELECT a.id, a.delivery_id, a.webhook_id, a.attempt, a.at, a.status_code, a.error, a.duration_ms, a.outcome, d.notification_seq, n.kind
        FROM webhook_attempts AS a JOIN webhook_deliveries AS d ON d.id = a.delivery_id JOIN notifications AS n ON n.seq = d.notification_seq
        WHERE d.org_id = ? AND a.webhook_id = ? AND (? IS NULL OR a.id < ?) ORDER BY a.id DESC LIMIT ?`),
      deliveryCounts: p('SELECT status, count(*) AS n FROM webhook_deliveries WHERE org_id = ? AND webhook_id = ? GROUP BY status'),
      eventsInRange: p('SELECT id, user_id, department_id, day, credits FROM events WHERE org_id = @org AND day BETWEEN @from AND @to AND (@user IS NULL OR user_id = @user)'),
      servicesInRange: p('SELECT id, services FROM events WHERE org_id = @org AND day BETWEEN @from AND @to AND (@user IS NULL OR user_id = @user)'),
      chatEvents: p('SELECT * FROM events WHERE org_id = ? AND chat_id = ? ORDER BY at, seq'),
      // Keyset pagination on (last activity, chat id), latest first.
      recentChats: p(`SELECT chat_id, max(at) AS last_at FROM events WHERE org_id = @org AND (@user IS NULL OR user_id = @user) AND (@dept IS NULL OR department_id = @dept)
        GROUP BY chat_id HAVING @before IS NULL OR max(at) < @before OR (max(at) = @before AND chat_id < @beforeChat)
        ORDER BY last_at DESC, chat_id DESC LIMIT @limit`),
      chatsEvents: p('SELECT chat_id, user_id, at, credits FROM events WHERE org_id = @org AND chat_id IN (SELECT value FROM json_each(@chats)) AND (@user IS NULL OR user_id = @user) AND (@dept IS NULL OR department_id = @dept) ORDER BY at, seq'),
      notifications: p('SELECT kind, at, balance, detail, once_key FROM notifications WHERE org_id = ? ORDER BY seq'),
      ledger: p('SELECT * FROM ledger WHERE org_id = ? ORDER BY seq'),
      getSetting: p('SELECT value FROM meta WHERE key = ?').pluck(),
      addSetting: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    };
  }

  /** Runs a driver call, turning a driver failure into a DatabaseUnavailableError. */
  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(databaseError('sqlite', error, () => false));
    }
  }

  organisation(id: string): Promise<OrganisationRow | undefined> {
    return this.#run(() => {
      const r = this.#q.org.get(id) as OrgRecord | undefined;
      return r && {
        id: r.id,
        name: r.name,
        billingName: r.billing_name,
        catalog: r.catalog,
        lowBalancePercents: JSON.parse(r.low_balance_percents) as string[],
        autoRecharge: { enabled: r.auto_recharge_enabled === 1, threshold: r.auto_recharge_threshold, credits: r.auto_recharge_credits, monthlyLimit: r.auto_recharge_monthly_limit },
      };
    });
  }

  organisationIds(): Promise<string[]> {
    return this.#run(() => this.#q.orgIds.all() as string[]);
  }

  user(id: string): Promise<UserRow | undefined> {
    return this.#run(() => {
      const r = this.#q.user.get(id) as UserRecord | undefined;
      return r && { id: r.id, orgId: r.org_id, departmentId: r.department_id, name: r.name, role: r.role, dailyLimit: r.daily_limit, monthlyLimit: r.monthly_limit };
    });
  }

  department(id: string): Promise<DepartmentRow | undefined> {
    return this.#run(() => {
      const r = this.#q.department.get(id) as DepartmentRecord | undefined;
      return r && { id: r.id, orgId: r.org_id, name: r.name, monthlyBudget: r.monthly_budget, overdraftProtection: r.overdraft_protection === 1 };
    });
  }

  usersOf(orgId: string): Promise<{ id: string; name: string }[]> {
    return this.#run(() => this.#q.usersOf.all(orgId) as { id: string; name: string }[]);
  }

  departmentsOf(orgId: string): Promise<{ id: string; name: string }[]> {
    return this.#run(() => this.#q.departmentsOf.all(orgId) as { id: string; name: string }[]);
  }

  #account(orgId: string): AccountRow {
    const r = this.#q.account.get(orgId) as { balance: string; reference: string; last_seq: number; next_expiry: string | null } | undefined;
    if (!r) throw new Error(`creditkit host: organisation ${orgId} has no account row`);
    return { balance: r.balance, reference: r.reference, lastSeq: r.last_seq, nextExpiry: r.next_expiry };
  }

  #spend(orgId: string, keys: readonly { scope: string; period: string }[]): Map<string, string> {
    const rows = this.#q.spendByKeys.all(JSON.stringify(keys.map((k) => [k.scope, k.period])), orgId) as { scope: string; period: string; credits: string }[];
    return new Map(rows.map((r) => [spendKey(r), r.credits]));
  }

  // No `grown`: one process, and its transaction runs synchronously, so nothing waits for the lock and nothing arrives meanwhile.
  write<T>(query: BooksQuery, decide: (books: BooksSnapshot) => { changes: BooksChanges | undefined; result: T }): Promise<T> {
    let decided = false;
    try {
      return Promise.resolve(
        this.db
          .transaction(() => {
            const events = this.#q.eventsByKeys.all(query.orgId, JSON.stringify(query.idempotencyKeys)) as { idempotency_key: string; user_id: string; body: string; response: string }[];
            const books: BooksSnapshot = {
              account: this.#account(query.orgId),
              events: new Map(events.map((e) => [e.idempotency_key, { userId: e.user_id, body: e.body, response: e.response }])),
              spend: this.#spend(query.orgId, query.spend),
              notified: new Set(query.onceKeys.length ? (this.#q.notifiedKeys.all(query.orgId, JSON.stringify(query.onceKeys)) as string[]) : []),
              grants: (this.#q.openGrants.all(query.orgId) as GrantRecord[]).map(toGrant),
              ...(query.requestKeys?.length && {
                requests: new Map((this.#q.requestsByKeys.all(query.orgId, JSON.stringify(query.requestKeys)) as IdempotentRequest[]).map((r) => [r.key, r])),
              }),
            };
            decided = true;
            const { changes, result } = decide(books);
            decided = false;
            if (changes) this.#apply(query.orgId, changes);
            return result;
          })
          .immediate(),
      );
    } catch (error) {
      return Promise.reject(decided ? error : databaseError('sqlite', error, () => false));
    }
  }

  #apply(orgId: string, changes: BooksChanges): void {
    for (const e of changes.ledger) this.#q.ledgerInsert.run(orgId, e.seq, e.kind, e.credits, e.at, e.eventId, e.balanceAfter, e.referenceAfter, e.departmentId, e.grants, e.detail);
    for (const g of changes.grants) this.#q.setGrant.run({ orgId, ...g });
    for (const e of changes.events) this.#q.eventInsert.run(e);
    for (const s of changes.spend) this.#q.setSpend.run(orgId, s.scope, s.period, s.credits);
    for (const n of changes.notifications) this.#q.notify.run(orgId, n.kind, n.at, n.balance, n.detail, n.onceKey ?? null, n.data ?? null);
    for (const r of changes.requests ?? []) this.#q.requestInsert.run(orgId, r.key, r.fingerprint, r.response, r.at);
    const { balance, reference, lastSeq, nextExpiry } = changes.account;
    this.#q.setAccount.run(balance, reference, lastSeq, nextExpiry, orgId);
  }

  accountWithSpend(orgId: string, spend: readonly { scope: string; period: string }[]) {
    return this.#run(() => ({ account: this.#account(orgId), spend: this.#spend(orgId, spend) }));
  }

  eventsInRange(orgId: string, from: string, to: string, userId: string | null) {
    return this.#run(() =>
      (this.#q.eventsInRange.all({ org: orgId, from, to, user: userId }) as { id: string; user_id: string; department_id: string | null; day: string; credits: string }[]).map((r) => ({
        id: r.id,
        userId: r.user_id,
        departmentId: r.department_id,
        day: r.day,
        credits: r.credits,
      })),
    );
  }

  servicesInRange(orgId: string, from: string, to: string, userId: string | null) {
    return this.#run(() => this.#q.servicesInRange.all({ org: orgId, from, to, user: userId }) as { id: string; services: string }[]);
  }

  chatEvents(orgId: string, chatId: string) {
    return this.#run(() => (this.#q.chatEvents.all(orgId, chatId) as EventRecord[]).map(toEvent));
  }

  recentChats(orgId: string, whose: ChatsOf, before: readonly [string, string] | null, limit: number) {
    return this.#run(() =>
      (this.#q.recentChats.all({ org: orgId, user: whose.userId, dept: whose.departmentId, before: before?.[0] ?? null, beforeChat: before?.[1] ?? null, limit }) as { chat_id: string; last_at: string }[]).map((r) => ({ chatId: r.chat_id, lastAt: r.last_at })),
    );
  }

  chatsEvents(orgId: string, chatIds: readonly string[], whose: ChatsOf) {
    return this.#run(() =>
      (this.#q.chatsEvents.all({ org: orgId, chats: JSON.stringify(chatIds), user: whose.userId, dept: whose.departmentId }) as { chat_id: string; user_id: string; at: string; credits: string }[]).map((r) => ({ chatId: r.chat_id, userId: r.user_id, at: r.at, credits: r.credits })),
    );
  }

  notifications(orgId: string): Promise<NotificationRow[]> {
    return this.#run(() => (this.#q.notifications.all(orgId) as { kind: string; at: string; balance: string; detail: string | null; once_key: string | null }[]).map((r) => ({ kind: r.kind, at: r.at, balance: r.balance, detail: r.detail, onceKey: r.once_key })));
  }

  notificationsPage(orgId: string, beforeSeq: number | null, limit: number): Promise<StoredNotification[]> {
    return this.#run(() => (this.#q.notificationsPage.all(orgId, beforeSeq, beforeSeq, limit) as NotificationRecord[]).map(toNotification));
  }

  addNotifications(orgId: string, rows: readonly NotificationRow[]): Promise<number> {
    // BEGIN IMMEDIATE: the organisation's writes run one after the other, so notifications are numbered in the order they commit.
    return this.#run(() => this.db.transaction(() => rows.reduce((added, n) => added + this.#q.notify.run(orgId, n.kind, n.at, n.balance, n.detail, n.onceKey ?? null, n.data ?? null).changes, 0)).immediate());
  }

  addWebhook(row: WebhookRow): Promise<WebhookRow> {
    return this.#run(() => {
      this.#q.addWebhook.run(row);
      return toWebhook(this.#q.webhookById.get(row.id) as WebhookRecord);
    });
  }

  webhooks(orgId: string): Promise<WebhookRow[]> {
    return this.#run(() => (this.#q.webhooks.all(orgId) as WebhookRecord[]).map(toWebhook));
  }

  deleteWebhook(orgId: string, id: string, at: string): Promise<boolean> {
    return this.#run(() =>
      this.db
        .transaction(() => {
          if (this.#q.deleteWebhook.run(at, orgId, id).changes === 0) return false;
          this.#q.cancelDeliveries.run(at, id);
          return true;
        })
        .immediate(),
    );
  }

  enqueueDeliveries(now: string): Promise<number> {
    return this.#run(() =>
      this.db
        .transaction(() => {
          const added = this.#q.enqueue.run({ now }).changes;
          this.#q.enqueued.run();
          return added;
        })
        .immediate(),
    );
  }

  claimDeliveries(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    return this.#run(() =>
      this.db
        .transaction(() => {
          const rows = this.#q.due.all({ now, limit }) as (NotificationRecord & { id: number; webhook_id: string; org_id: string; attempts: number; created_at: string; url: string; secret: string })[];
          for (const r of rows) this.#q.lease.run(leaseUntil, r.id);
          return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, orgId: r.org_id, url: r.url, secret: r.secret, attempts: r.attempts, createdAt: r.created_at, notification: toNotification(r) }));
        })
        .immediate(),
    );
  }

  finishDelivery(attempt: DeliveryAttempt, nextAttemptAt: string | null): Promise<void> {
    return this.#run(() =>
      this.db
        .transaction(() => {
          this.#q.attemptInsert.run(attempt);
          this.#q.finish.run({ ...attempt, next: nextAttemptAt });
        })
        .immediate(),
    );
  }

  deliveryLog(orgId: string, webhookId: string, beforeId: number | null, limit: number): Promise<DeliveryLogEntry[]> {
    return this.#run(() => (this.#q.deliveryLog.all(orgId, webhookId, beforeId, beforeId, limit) as AttemptRecord[]).map(toLogEntry));
  }

  deliveryCounts(orgId: string, webhookId: string) {
    return this.#run(() => countsOf(this.#q.deliveryCounts.all(orgId, webhookId) as { status: string; n: number }[]));
  }

  ledger(orgId: string): Promise<LedgerEntry[]> {
    return this.#run(() => (this.#q.ledger.all(orgId) as LedgerRecord[]).map(toEntry));
  }

  ledgerBetween(orgId: string, from: string, to: string): Promise<LedgerEntry[]> {
    return this.#run(() => (this.#q.ledgerBetween.all(orgId, from, to) as LedgerRecord[]).map(toEntry));
  }

  ledgerBefore(orgId: string, at: string): Promise<LedgerEntry | undefined> {
    return this.#run(() => {
      const r = this.#q.ledgerBefore.get(orgId, at) as LedgerRecord | undefined;
      return r && toEntry(r);
    });
  }

  firstLedgerAt(orgId: string): Promise<string | undefined> {
    return this.#run(() => (this.#q.firstLedgerAt.get(orgId) as string | null) ?? undefined);
  }

  eventsOfEntries(orgId: string, seqs: readonly number[]) {
    return this.#run(() =>
      (this.#q.eventsOfEntries.all(orgId, JSON.stringify(seqs)) as { seq: number; user_id: string; department_id: string | null; at: string; services: string }[]).map((r) => ({ seq: r.seq, userId: r.user_id, departmentId: r.department_id, at: r.at, services: r.services })),
    );
  }

  ledgerOfKinds(orgId: string, kinds: readonly string[]): Promise<LedgerEntry[]> {
    return this.#run(() => (this.#q.ledgerOfKinds.all(orgId, JSON.stringify(kinds)) as LedgerRecord[]).map(toEntry));
  }

  serviceLimits(orgId: string): Promise<ServiceLimitRow[]> {
    return this.#run(() =>
      (this.#q.serviceLimits.all(orgId) as { service: string; daily_limit: string | null; monthly_limit: string | null }[]).map((r) => ({ orgId, service: r.service, dailyLimit: r.daily_limit, monthlyLimit: r.monthly_limit })),
    );
  }

  grants(orgId: string, open: boolean): Promise<GrantRow[]> {
    return this.#run(() => ((open ? this.#q.openGrants : this.#q.allGrants).all(orgId) as GrantRecord[]).map(toGrant));
  }

  setting(key: string, fallback: () => string): Promise<string> {
    return this.#run(() => {
      this.#q.addSetting.run(key, fallback());
      return this.#q.getSetting.get(key) as string;
    });
  }

  async withSetupLock<T>(work: () => Promise<T>): Promise<T> {
    // One file, and the host opens it with one connection: migrations already ran under BEGIN
    // IMMEDIATE; a seed checks for an empty database inside its own immediate transaction.
    return work();
  }

  insertDirectory(rows: { organisations: OrganisationRow[]; departments: DepartmentRow[]; users: UserRow[] }): Promise<void> {
    return this.#run(() =>
      this.db.transaction(() => {
        const org = this.db.prepare(
          'INSERT INTO orgs (id, name, catalog, low_balance_percents, auto_recharge_enabled, auto_recharge_threshold, auto_recharge_credits, auto_recharge_monthly_limit, billing_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        const account = this.db.prepare("INSERT INTO accounts (org_id, balance, reference, last_seq) VALUES (?, '0', '0', 0)");
        for (const o of rows.organisations) {
          const r = o.autoRecharge;
          org.run(o.id, o.name, o.catalog, JSON.stringify(o.lowBalancePercents), r.enabled ? 1 : 0, r.threshold, r.credits, r.monthlyLimit, o.billingName ?? null);
          account.run(o.id);
        }
        const dept = this.db.prepare('INSERT INTO departments VALUES (?, ?, ?, ?, ?)');
        for (const d of rows.departments) dept.run(d.id, d.orgId, d.name, d.monthlyBudget, d.overdraftProtection ? 1 : 0);
        const user = this.db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const u of rows.users) user.run(u.id, u.orgId, u.departmentId, u.name, u.role, u.dailyLimit, u.monthlyLimit);
      })(),
    );
  }

  execute(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.#run(() => {
      const statement = this.db.prepare(sql);
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

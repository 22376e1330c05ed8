// The PostgreSQL engine (node-postgres): any number of host processes on one database.
//
// Concurrency, argued: every write to an organisation's money (a batch of usage events, a
// top-up) first locks that organisation's `accounts` row (SELECT … FOR UPDATE) and only then
// reads what the rules need (stored idempotency keys, spend counters, notifications sent). Under
// READ COMMITTED each statement sees everything committed before it started, so the reads after
// the lock see every write that held the lock before: the writes to one organisation are
// serialised across processes, the balance and the limits are checked against the truth, an
// idempotency key is found if any process stored it, and the ledger's per-organisation sequence
// (accounts.last_seq) has no gaps and no forks. Row locks rather than SERIALIZABLE because the
// conflict is known in advance (one row per organisation): waiting on it costs one queue, where
// serialisable transactions would abort and retry the whole batch under exactly the load where
// retries hurt. A transaction locks one account only, so there is no lock order to deadlock on.
// Unique constraints (org_id, idempotency_key), (org_id, seq) and CHECK (balance >= 0) back the
// argument up: a violation aborts the transaction instead of storing a double or an overdraft.
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { databaseError } from './errors.js';
import { MIGRATIONS } from './migrations.js';
import { countsOf, LEDGER_COLUMNS, toEntry, toLogEntry, toNotification, toWebhook, type AttemptRecord, type LedgerRecord, type NotificationRecord, type WebhookRecord } from './rows.js';
import { spendKey, type EngineOptions, type AccountRow, type ChatsOf, type BooksChanges, type BooksQuery, type BooksSnapshot, type DepartmentRow, type EventRow, type GrantRow, type IdempotentRequest, type LedgerEntry, type ServiceLimitRow, type NotificationRow, type OrganisationRow, type Store, type UserRow, type StoredNotification, type WebhookRow, type ClaimedDelivery, type DeliveryAttempt, type DeliveryLogEntry } from './types.js';

/**
 * Named statements: PostgreSQL parses and plans a named statement once per connection and reuses
 * the plan, where an unnamed one is parsed and planned on every call (for the write's CTE that was
 * most of the database's CPU per event). The texts are constants, so the names stay few.
 */
const statementNames = new Map<string, string>();
function prepared(text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `creditkit_${statementNames.size + 1}`));
  return { name, text, values };
}

/** The advisory lock under which migrations and the demo seed run: one process at a time per database. */
const SETUP_LOCK = 0x63_6b_68_6f_73_74; // "ckhost"

type Pg = typeof import('pg');

/** node-postgres is an optional peer dependency: only a host on PostgreSQL needs it. */
async function loadDriver(): Promise<Pg> {
  try {
    const pg = (await import('pg')) as Pg & { default?: Pg };
    return pg.default ?? pg;
  } catch (error) {
    throw new Error('creditkit host: the PostgreSQL engine needs node-postgres (npm install pg)', { cause: error });
  }
}

/** Values as the rules want them: amounts and days as exact strings, instants as ISO 8601 UTC, counters as numbers. */
function typeParsers(pg: Pg): PoolConfig['types'] {
  const OID = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184 };
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === OID.date || oid === OID.numeric) return (value: string) => value;
      if (oid === OID.int8) return (value: string) => Number(value);
      if (oid === OID.timestamptz) {
        const parse = pg.types.getTypeParser(oid) as (value: string) => Date;
        return (value: string) => parse(value).toISOString();
      }
      return pg.types.getTypeParser(oid, format);
    }) as NonNullable<PoolConfig['types']>['getTypeParser'],
  };
}

async function migrate(client: PoolClient): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(m.sql('postgres'));
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
}

export async function openPostgres(url: string, options: EngineOptions = {}): Promise<Store> {
  const pg = await loadDriver();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: typeParsers(pg),
    // A database that does not answer makes a request fail (503) instead of hanging.
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    keepAlive: true,
    application_name: 'creditkit-host',
  });
  // An idle connection that dies (PostgreSQL restarted) is dropped from the pool; without a
  // listener node-postgres would crash the process. The next request opens a new connection.
  pool.on('error', (error) => console.warn(`creditkit host: a PostgreSQL connection closed (${(error as { code?: string }).code ?? error.message}); reconnecting on demand`));
  const store = new PostgresStore(pool);
  await store.withSetupLock(async (client) => migrate(client));
  return store;
}

interface Loaded {
  events: [key: string, userId: string, body: string, response: string][];
  spend: [scope: string, period: string, credits: string][];
  notified: string[];
  grants: GrantJson[];
}

/** A grant as json_build_object gives it: amounts as text, instants as ISO text. */
type GrantJson = Omit<GrantRow, 'seq' | 'priority'> & { seq: number; priority: number };

const GRANT_JSON = `json_build_object('id', g.id, 'departmentId', g.department_id, 'kind', g.kind, 'credits', g.credits::text, 'remaining', g.remaining::text,
  'priority', g.priority, 'expiresAt', to_char(g.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'at', to_char(g.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'seq', g.seq, 'origin', g.origin)`;


const BOOKS_SQL = `SELECT
  (SELECT coalesce(json_agg(json_build_array(idempotency_key, user_id, body, response)), '[]') FROM events WHERE org_id = $1 AND idempotency_key = ANY($2::text[])) AS events,
  (SELECT coalesce(json_agg(json_build_array(s.scope, s.period, s.credits::text)), '[]') FROM unnest($3::text[], $4::text[]) AS k(scope, period)
     JOIN spend AS s ON s.org_id = $1 AND s.scope = k.scope AND s.period = k.period) AS spend,
  (SELECT coalesce(json_agg(once_key), '[]') FROM notifications WHERE org_id = $1 AND once_key = ANY($5::text[])) AS notified,
  (SELECT coalesce(json_agg(${GRANT_JSON} ORDER BY g.seq, g.id), '[]') FROM grants AS g WHERE g.org_id = $1 AND g.remaining > 0) AS grants`;

/** Every change of a write in one statement: the rows travel as JSON arrays ($2 … $5). */
const CHANGES_SQL = `WITH
  ledger_rows AS (
    INSERT INTO ledger (org_id, seq, kind, credits, at, event_id, balance_after, reference_after, department_id, grants, detail)
    SELECT $1, seq, kind, credits, at, "eventId", "balanceAfter", "referenceAfter", "departmentId", grants, detail
    FROM json_to_recordset($2::json) AS x(seq bigint, kind text, credits numeric, at timestamptz, "eventId" text, "balanceAfter" numeric, "referenceAfter" numeric, "departmentId" text, grants text, detail text)),
  grant_rows AS (
    INSERT INTO grants (org_id, id, department_id, kind, credits, remaining, priority, expires_at, at, seq, origin)
    SELECT $1, id, "departmentId", kind, credits, remaining, priority, "expiresAt", at, seq, origin
    FROM json_to_recordset($9::json) AS x(id text, "departmentId" text, kind text, credits numeric, remaining numeric, priority bigint, "expiresAt" timestamptz, at timestamptz, seq bigint, origin text)
    ON CONFLICT (org_id, id) DO UPDATE SET remaining = excluded.remaining),
  event_rows AS (
    INSERT INTO events (id, org_id, user_id, department_id, chat_id, seq, idempotency_key, body, at, day, records, credits, response, services)
    SELECT id, $1, "userId", "departmentId", "chatId", seq, "idempotencyKey", body, at, day, records, credits, response, services
    FROM json_to_recordset($3::json) AS x(id text, "userId" text, "departmentId" text, "chatId" text, seq bigint, "idempotencyKey" text, body text, at timestamptz, day date, records text, credits numeric, response text, services text)),
  spend_rows AS (
    INSERT INTO spend (org_id, scope, period, credits)
    SELECT $1, scope, period, credits FROM json_to_recordset($4::json) AS x(scope text, period text, credits numeric)
    ON CONFLICT (org_id, scope, period) DO UPDATE SET credits = excluded.credits),
  notification_rows AS (
    INSERT INTO notifications (org_id, kind, at, balance, detail, once_key, data)
    SELECT $1, kind, at, balance, detail, "onceKey", data FROM json_to_recordset($5::json) AS x(i int, kind text, at timestamptz, balance numeric, detail text, "onceKey" text, data text)
    ORDER BY i
    ON CONFLICT (org_id, once_key) DO NOTHING)
UPDATE accounts SET balance = $6, reference = $7, last_seq = $8, next_expiry = $10 WHERE org_id = $1`;

const NOTIFICATION_COLUMNS = 'n.seq, n.kind, n.at, n.balance::text AS balance, n.detail, n.once_key, n.data';

/**
 * Fills the outbox in one statement, so one snapshot: the deliveries inserted and the webhooks'
 * enqueued_seq moved to the same notifications. Notifications of an organisation are recorded
 * under its account lock, so they commit in the order of their seq: none can appear later
 * below an enqueued_seq. Two processes at once insert each delivery once (the unique key).
 */
const ENQUEUE_SQL = `WITH due AS (
    SELECT w.id AS webhook_id, w.org_id, n.seq FROM webhooks AS w JOIN notifications AS n ON n.org_id = w.org_id AND n.seq > w.enqueued_seq WHERE w.deleted_at IS NULL),
  added AS (
    INSERT INTO webhook_deliveries (webhook_id, org_id, notification_seq, status, attempts, created_at, next_attempt_at)
    SELECT webhook_id, org_id, seq, 'pending', 0, $1, $1 FROM due ORDER BY seq
    ON CONFLICT (webhook_id, notification_seq) DO NOTHING RETURNING 1),
  moved AS (
    UPDATE webhooks AS w SET enqueued_seq = m.seq FROM (SELECT webhook_id, max(seq) AS seq FROM due GROUP BY webhook_id) AS m
    WHERE w.id = m.webhook_id AND w.enqueued_seq < m.seq)
SELECT count(*)::int AS added FROM added`;

/** Leases due deliveries; SKIP LOCKED lets several processes claim different ones at once. */
const CLAIM_SQL = `WITH claimed AS (
    UPDATE webhook_deliveries AS d SET lease_until = $2
    FROM (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
          ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) AS due
    WHERE d.id = due.id RETURNING d.id, d.webhook_id, d.org_id, d.attempts, d.created_at, d.notification_seq)
SELECT c.id, c.webhook_id, c.org_id, c.attempts, c.created_at, w.url, w.secret, ${NOTIFICATION_COLUMNS}
FROM claimed AS c JOIN webhooks AS w ON w.id = c.webhook_id JOIN notifications AS n ON n.seq = c.notification_seq ORDER BY c.id`;

const FINISH_SQL = `WITH attempt AS (
    INSERT INTO webhook_attempts (delivery_id, webhook_id, attempt, at, status_code, error, duration_ms, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8))
UPDATE webhook_deliveries SET attempts = $3, lease_until = NULL,
  status = CASE $8::text WHEN 'delivered' THEN 'delivered' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
  next_attempt_at = coalesce($9::timestamptz, next_attempt_at), finished_at = CASE WHEN $8::text = 'retry' THEN NULL ELSE $4::timestamptz END
WHERE id = $1 AND status = 'pending'`;

class PostgresStore implements Store {
  readonly engine = 'postgres';

  constructor(readonly pool: Pool) {}

  /** A query on any pooled connection, a driver failure turned into a DatabaseUnavailableError. */
  async #query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(prepared(sql, params))).rows;
    } catch (error) {
      throw databaseError('postgres', error, () => false);
    }
  }

  /**
   * A connection of our own for a transaction. Its connection may die while we hold it between
   * statements (PostgreSQL restarted): the next statement then fails (a 503), and the 'error'
   * event, which node-postgres would otherwise throw as uncaught, is noted here.
   */
  async #connect(): Promise<PoolClient> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw databaseError('postgres', error, () => false);
    }
    if (!client.listenerCount('error')) client.on('error', () => {});
    return client;
  }

  async organisation(id: string): Promise<OrganisationRow | undefined> {
    const [r] = await this.#query<{ id: string; name: string; billing_name: string | null; catalog: string; low_balance_percents: string; auto_recharge_enabled: boolean; auto_recharge_threshold: string; auto_recharge_credits: string; auto_recharge_monthly_limit: string | null }>('SELECT * FROM orgs WHERE id = $1', [id]);
    return r && {
      id: r.id,
      name: r.name,
      billingName: r.billing_name,
      catalog: r.catalog,
      lowBalancePercents: JSON.parse(r.low_balance_percents) as string[],
      autoRecharge: { enabled: r.auto_recharge_enabled, threshold: r.auto_recharge_threshold, credits: r.auto_recharge_credits, monthlyLimit: r.auto_recharge_monthly_limit },
    };
  }

  async organisationIds(): Promise<string[]> {
    return (await this.#query<{ id: string }>('SELECT id FROM orgs ORDER BY id')).map((r) => r.id);
  }

  async user(id: string): Promise<UserRow | undefined> {
    const [r] = await this.#query<{ id: string; org_id: string; department_id: string | null; name: string; role: 'admin' | 'member'; daily_limit: string | null; monthly_limit: string | null }>('SELECT * FROM users WHERE id = $1', [id]);
    return r && { id: r.id, orgId: r.org_id, departmentId: r.department_id, name: r.name, role: r.role, dailyLimit: r.daily_limit, monthlyLimit: r.monthly_limit };
  }

  async department(id: string): Promise<DepartmentRow | undefined> {
    const [r] = await this.#query<{ id: string; org_id: string; name: string; monthly_budget: string | null; overdraft_protection: boolean }>('SELECT * FROM departments WHERE id = $1', [id]);
    return r && { id: r.id, orgId: r.org_id, name: r.name, monthlyBudget: r.monthly_budget, overdraftProtection: r.overdraft_protection };
  }

  usersOf(orgId: string) {
    return this.#query<{ id: string; name: string }>('SELECT id, name FROM users WHERE org_id = $1 ORDER BY id', [orgId]);
  }

  departmentsOf(orgId: string) {
    return this.#query<{ id: string; name: string }>('SELECT id, name FROM departments WHERE org_id = $1 ORDER BY id', [orgId]);
  }

  async write<T>(query: BooksQuery, decide: (books: BooksSnapshot) => { changes: BooksChanges | undefined; result: T }, grown?: () => BooksQuery | undefined): Promise<T> {
    const client = await this.#connect();
    let decided = false;
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const [account] = (await client.query<{ balance: string; reference: string; last_seq: number; next_expiry: string | null }>(prepared('SELECT balance, reference, last_seq, next_expiry FROM accounts WHERE org_id = $1 FOR UPDATE', [query.orgId]))).rows;
      if (!account) throw new Error(`creditkit host: organisation ${query.orgId} has no account row`);
      // What arrived while we waited for the lock joins this transaction instead of waiting for the next one.
      query = grown?.() ?? query;
      // After the lock, in a statement of its own: it sees what the writers before us committed.
      const [loaded] = (
        await client.query<Loaded>(prepared(BOOKS_SQL, [query.orgId, query.idempotencyKeys, query.spend.map((k) => k.scope), query.spend.map((k) => k.period), query.onceKeys]))
      ).rows;
      const books: BooksSnapshot = {
        account: { balance: account.balance, reference: account.reference, lastSeq: account.last_seq, nextExpiry: account.next_expiry },
        grants: loaded!.grants,
        events: new Map(loaded!.events.map(([key, userId, body, response]) => [key, { userId, body, response }])),
        spend: new Map(loaded!.spend.map(([scope, period, credits]) => [spendKey({ scope, period }), credits])),
        notified: new Set(loaded!.notified),
        ...(query.requestKeys?.length && {
          requests: new Map(
            (await client.query<IdempotentRequest>(prepared('SELECT key, fingerprint, response, at FROM idempotent_requests WHERE org_id = $1 AND key = ANY($2)', [query.orgId, query.requestKeys]))).rows.map((r) => [r.key, r]),
          ),
        }),
      };
      decided = true;
      const { changes, result } = decide(books);
      decided = false;
      if (changes) {
        const { account: a } = changes;
        await client.query(prepared(CHANGES_SQL, [
          query.orgId,
          JSON.stringify(changes.ledger),
          JSON.stringify(changes.events),
          JSON.stringify(changes.spend),
          JSON.stringify(changes.notifications.map((n, i) => ({ ...n, i }))),
          a.balance,
          a.reference,
          a.lastSeq,
          JSON.stringify(changes.grants),
          a.nextExpiry,
        ]));
        for (const r of changes.requests ?? []) {
          await client.query(prepared('INSERT INTO idempotent_requests (org_id, key, fingerprint, response, at) VALUES ($1, $2, $3, $4, $5)', [query.orgId, r.key, r.fingerprint, r.response, r.at]));
        }
      }
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      if (decided) throw error; // the rules failed, not the database
      // A connection that failed mid-transaction is closed, not returned to the pool.
      broken = error;
      throw databaseError('postgres', error, () => false);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async accountWithSpend(orgId: string, spend: readonly { scope: string; period: string }[]) {
    const [row] = await this.#query<{ balance: string; reference: string; last_seq: number; next_expiry: string | null; spend: [string, string, string][] }>(
      `SELECT a.balance, a.reference, a.last_seq, a.next_expiry,
         (SELECT coalesce(json_agg(json_build_array(s.scope, s.period, s.credits::text)), '[]') FROM unnest($2::text[], $3::text[]) AS k(scope, period)
            JOIN spend AS s ON s.org_id = $1 AND s.scope = k.scope AND s.period = k.period) AS spend
       FROM accounts AS a WHERE a.org_id = $1`,
      [orgId, spend.map((k) => k.scope), spend.map((k) => k.period)],
    );
    if (!row) throw new Error(`creditkit host: organisation ${orgId} has no account row`);
    return {
      account: { balance: row.balance, reference: row.reference, lastSeq: row.last_seq, nextExpiry: row.next_expiry },
      spend: new Map(row.spend.map(([scope, period, credits]) => [spendKey({ scope, period }), credits])),
    };
  }

  async eventsInRange(orgId: string, from: string, to: string, userId: string | null) {
    const rows = await this.#query<{ id: string; user_id: string; department_id: string | null; day: string; credits: string }>(
      'SELECT id, user_id, department_id, day, credits FROM events WHERE org_id = $1 AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR user_id = $4)',
      [orgId, from, to, userId],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, departmentId: r.department_id, day: r.day, credits: r.credits }));
  }

  servicesInRange(orgId: string, from: string, to: string, userId: string | null) {
    return this.#query<{ id: string; services: string }>('SELECT id, services FROM events WHERE org_id = $1 AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR user_id = $4)', [orgId, from, to, userId]);
  }

  async chatEvents(orgId: string, chatId: string): Promise<EventRow[]> {
    const rows = await this.#query<Record<string, string | null>>('SELECT * FROM events WHERE org_id = $1 AND chat_id = $2 ORDER BY at, seq', [orgId, chatId]);
    return rows.map((r) => ({
      id: r.id!,
      orgId: r.org_id!,
      userId: r.user_id!,
      departmentId: r.department_id ?? null,
      chatId: r.chat_id!,
      seq: Number(r.seq),
      idempotencyKey: r.idempotency_key!,
      body: r.body!,
      at: r.at!,
      day: r.day!,
      records: r.records!,
      credits: r.credits!,
      response: r.response!,
      services: r.services!,
    }));
  }

  async recentChats(orgId: string, whose: ChatsOf, before: readonly [string, string] | null, limit: number) {
    const rows = await this.#query<{ chat_id: string; last_at: string }>(
      `SELECT chat_id, max(at) AS last_at FROM events WHERE org_id = $1 AND ($2::text IS NULL OR user_id = $2) AND ($6::text IS NULL OR department_id = $6)
       GROUP BY chat_id HAVING $3::timestamptz IS NULL OR (max(at), chat_id) < ($3::timestamptz, $4::text)
       ORDER BY last_at DESC, chat_id DESC LIMIT $5`,
      [orgId, whose.userId, before?.[0] ?? null, before?.[1] ?? null, limit, whose.departmentId],
    );
    return rows.map((r) => ({ chatId: r.chat_id, lastAt: r.last_at }));
  }

  async chatsEvents(orgId: string, chatIds: readonly string[], whose: ChatsOf) {
    const rows = await this.#query<{ chat_id: string; user_id: string; at: string; credits: string }>(
      'SELECT chat_id, user_id, at, credits FROM events WHERE org_id = $1 AND chat_id = ANY($2::text[]) AND ($3::text IS NULL OR user_id = $3) AND ($4::text IS NULL OR department_id = $4) ORDER BY at, seq',
      [orgId, chatIds, whose.userId, whose.departmentId],
    );
    return rows.map((r) => ({ chatId: r.chat_id, userId: r.user_id, at: r.at, credits: r.credits }));
  }

  async notifications(orgId: string): Promise<NotificationRow[]> {
    const rows = await this.#query<{ kind: string; at: string; balance: string; detail: string | null; once_key: string | null }>('SELECT kind, at, balance, detail, once_key FROM notifications WHERE org_id = $1 ORDER BY seq', [orgId]);
    return rows.map((r) => ({ kind: r.kind, at: r.at, balance: r.balance, detail: r.detail, onceKey: r.once_key }));
  }

  async notificationsPage(orgId: string, beforeSeq: number | null, limit: number): Promise<StoredNotification[]> {
    const rows = await this.#query<NotificationRecord>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications AS n WHERE n.org_id = $1 AND ($2::bigint IS NULL OR n.seq < $2) ORDER BY n.seq DESC LIMIT $3`, [orgId, beforeSeq, limit]);
    return rows.map(toNotification);
  }

  async addNotifications(orgId: string, rows: readonly NotificationRow[]): Promise<number> {
    // Under the account's lock, as every write of the organisation: its notifications commit in the order of their seq.
    return this.#transaction(async (client) => {
      await client.query('SELECT 1 FROM accounts WHERE org_id = $1 FOR UPDATE', [orgId]);
      const { rowCount } = await client.query(
        `INSERT INTO notifications (org_id, kind, at, balance, detail, once_key, data)
         SELECT $1, kind, at, balance, detail, "onceKey", data FROM json_to_recordset($2::json) AS x(i int, kind text, at timestamptz, balance numeric, detail text, "onceKey" text, data text)
         ORDER BY i ON CONFLICT (org_id, once_key) DO NOTHING`,
        [orgId, JSON.stringify(rows.map((n, i) => ({ ...n, i })))],
      );
      return rowCount ?? 0;
    });
  }

  async addWebhook(row: WebhookRow): Promise<WebhookRow> {
    await this.#query(
      `INSERT INTO webhooks (id, org_id, url, secret, description, created_at, created_by, after_seq, enqueued_seq)
       SELECT $1, $2, $3, $4, $5, $6, $7, s, s FROM (SELECT coalesce(max(seq), 0) AS s FROM notifications WHERE org_id = $2) AS m
       ON CONFLICT (id) DO NOTHING`,
      [row.id, row.orgId, row.url, row.secret, row.description, row.createdAt, row.createdBy],
    );
    const [stored] = await this.#query<WebhookRecord>('SELECT id, org_id, url, secret, description, created_at, created_by FROM webhooks WHERE id = $1', [row.id]);
    return toWebhook(stored!);
  }

  async webhooks(orgId: string): Promise<WebhookRow[]> {
    return (await this.#query<WebhookRecord>('SELECT id, org_id, url, secret, description, created_at, created_by FROM webhooks WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id', [orgId])).map(toWebhook);
  }

  async deleteWebhook(orgId: string, id: string, at: string): Promise<boolean> {
    return this.#transaction(async (client) => {
      const { rowCount } = await client.query('UPDATE webhooks SET deleted_at = $1 WHERE org_id = $2 AND id = $3 AND deleted_at IS NULL', [at, orgId, id]);
      if (!rowCount) return false;
      await client.query("UPDATE webhook_deliveries SET status = 'cancelled', finished_at = $1, lease_until = NULL WHERE webhook_id = $2 AND status = 'pending'", [at, id]);
      return true;
    });
  }

  async enqueueDeliveries(now: string): Promise<number> {
    const [row] = await this.#query<{ added: number }>(ENQUEUE_SQL, [now]);
    return row?.added ?? 0;
  }

  async claimDeliveries(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.#query<NotificationRecord & { id: number; webhook_id: string; org_id: string; attempts: number; created_at: string; url: string; secret: string }>(CLAIM_SQL, [now, leaseUntil, limit]);
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, orgId: r.org_id, url: r.url, secret: r.secret, attempts: r.attempts, createdAt: r.created_at, notification: toNotification(r) }));
  }

  async finishDelivery(a: DeliveryAttempt, nextAttemptAt: string | null): Promise<void> {
    // One statement: the attempt is logged and the delivery moved on together, or neither.
    await this.#query(FINISH_SQL, [a.deliveryId, a.webhookId, a.attempt, a.at, a.statusCode, a.error, a.durationMs, a.outcome, nextAttemptAt]);
  }

  async deliveryLog(orgId: string, webhookId: string, beforeId: number | null, limit: number): Promise<DeliveryLogEntry[]> {
    const rows = await this.#query<AttemptRecord>(
      `SELECT a.id, a.delivery_id, a.webhook_id, a.attempt, a.at, a.status_code, a.error, a.duration_ms, a.outcome, d.notification_seq, n.kind
       FROM webhook_attempts AS a JOIN webhook_deliveries AS d ON d.id = a.delivery_id JOIN notifications AS n ON n.seq = d.notification_seq
       WHERE d.org_id = $1 AND a.webhook_id = $2 AND ($3::bigint IS NULL OR a.id < $3) ORDER BY a.id DESC LIMIT $4`,
      [orgId, webhookId, beforeId, limit],
    );
    return rows.map(toLogEntry);
  }

  async deliveryCounts(orgId: string, webhookId: string) {
    return countsOf(await this.#query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2 GROUP BY status', [orgId, webhookId]));
  }

  /** `work` in one transaction on a connection of its own; a driver failure is a DatabaseUnavailableError. */
  async #transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      broken ??= error;
      throw databaseError('postgres', error, () => false);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async ledger(orgId: string): Promise<LedgerEntry[]> {
    return (await this.#query<LedgerRecord>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = $1 ORDER BY seq`, [orgId])).map(toEntry);
  }

  async ledgerBetween(orgId: string, from: string, to: string): Promise<LedgerEntry[]> {
    return (await this.#query<LedgerRecord>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = $1 AND at >= $2 AND at < $3 ORDER BY seq`, [orgId, from, to])).map(toEntry);
  }

  async ledgerBefore(orgId: string, at: string): Promise<LedgerEntry | undefined> {
    const [r] = await this.#query<LedgerRecord>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = $1 AND at < $2 ORDER BY seq DESC LIMIT 1`, [orgId, at]);
    return r && toEntry(r);
  }

  async firstLedgerAt(orgId: string): Promise<string | undefined> {
    const [r] = await this.#query<{ first: string | null }>('SELECT min(at) AS first FROM ledger WHERE org_id = $1', [orgId]);
    return r?.first ?? undefined;
  }

  async eventsOfEntries(orgId: string, seqs: readonly number[]) {
    const rows = await this.#query<{ seq: number; user_id: string; department_id: string | null; at: string; services: string }>('SELECT seq, user_id, department_id, at, services FROM events WHERE org_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq', [orgId, seqs]);
    return rows.map((r) => ({ seq: r.seq, userId: r.user_id, departmentId: r.department_id, at: r.at, services: r.services }));
  }

  async ledgerOfKinds(orgId: string, kinds: readonly string[]): Promise<LedgerEntry[]> {
    return (await this.#query<LedgerRecord>(`SELECT ${LEDGER_COLUMNS} FROM ledger WHERE org_id = $1 AND kind = ANY($2::text[]) ORDER BY seq`, [orgId, kinds])).map(toEntry);
  }

  async serviceLimits(orgId: string): Promise<ServiceLimitRow[]> {
    const rows = await this.#query<{ service: string; daily_limit: string | null; monthly_limit: string | null }>('SELECT service, daily_limit, monthly_limit FROM service_limits WHERE org_id = $1 ORDER BY service', [orgId]);
    return rows.map((r) => ({ orgId, service: r.service, dailyLimit: r.daily_limit, monthlyLimit: r.monthly_limit }));
  }

  async grants(orgId: string, open: boolean): Promise<GrantRow[]> {
    const rows = await this.#query<{ grant: GrantJson }>(`SELECT ${GRANT_JSON} AS grant FROM grants AS g WHERE g.org_id = $1 AND ($2::boolean = false OR g.remaining > 0) ORDER BY g.seq, g.id`, [orgId, open]);
    return rows.map((r) => r.grant);
  }

  async setting(key: string, fallback: () => string): Promise<string> {
    // Whoever inserts first wins; every process then reads the same value.
    const [row] = await this.#query<{ value: string }>(
      'WITH added AS (INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value) SELECT value FROM added UNION ALL SELECT value FROM meta WHERE key = $1',
      [key, fallback()],
    );
    if (row) return row.value;
    // Another process inserted the key while this statement ran: its INSERT waited for that
    // commit, but the SELECT reads the snapshot taken before it. A new statement sees the row.
    const [stored] = await this.#query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return stored!.value;
  }

  async withSetupLock<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#connect();
    let broken: unknown;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
      try {
        return await work(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch((error: unknown) => (broken = error));
      }
    } catch (error) {
      broken = error;
      throw databaseError('postgres', error, (e) => !(e as { code?: unknown } | null)?.code);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async insertDirectory(rows: { organisations: OrganisationRow[]; departments: DepartmentRow[]; users: UserRow[] }): Promise<void> {
    const client = await this.#connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      for (const o of rows.organisations) {
        const r = o.autoRecharge;
        await client.query(
          'INSERT INTO orgs (id, name, catalog, low_balance_percents, auto_recharge_enabled, auto_recharge_threshold, auto_recharge_credits, auto_recharge_monthly_limit, billing_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [o.id, o.name, o.catalog, JSON.stringify(o.lowBalancePercents), r.enabled, r.threshold, r.credits, r.monthlyLimit, o.billingName ?? null],
        );
        await client.query('INSERT INTO accounts (org_id, balance, reference, last_seq) VALUES ($1, 0, 0, 0)', [o.id]);
      }
      for (const d of rows.departments) await client.query('INSERT INTO departments VALUES ($1, $2, $3, $4, $5)', [d.id, d.orgId, d.name, d.monthlyBudget, d.overdraftProtection]);
      for (const u of rows.users) await client.query('INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6, $7)', [u.id, u.orgId, u.departmentId, u.name, u.role, u.dailyLimit, u.monthlyLimit]);
      await client.query('COMMIT');
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => {});
      throw databaseError('postgres', error, () => false);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  execute(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
    let n = 0;
    return this.#query(sql.replace(/\?/g, () => `$${++n}`), params);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

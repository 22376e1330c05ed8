// The host's schema as versioned migrations, written once for both engines with the column types
// each spells its own way: amounts are exact (PostgreSQL numeric; SQLite decimal TEXT added with
// creditkit's Decimal, never a float), instants are UTC (timestamptz; ISO 8601 TEXT). Each engine
// applies the migrations it has not recorded in schema_migrations, in order, under a lock that
// makes a second process starting at the same time wait and then find them applied.

export type Dialect = 'sqlite' | 'postgres';

/** The column types of one dialect. */
const TYPES = {
  sqlite: { text: 'TEXT', amount: 'TEXT', instant: 'TEXT', day: 'TEXT', bool: 'INTEGER', int: 'INTEGER', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', nonNegative: (c: string) => `CAST(${c} AS REAL) >= 0` },
  postgres: { text: 'text', amount: 'numeric', instant: 'timestamptz', day: 'date', bool: 'boolean', int: 'bigint', serial: 'bigserial PRIMARY KEY', nonNegative: (c: string) => `${c} >= 0` },
} as const;

export interface Migration {
  version: number;
  name: string;
  sql(dialect: Dialect): string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger, events, limits, notifications',
    sql: (dialect) => {
      const t = TYPES[dialect];
      return `
CREATE TABLE meta (key ${t.text} PRIMARY KEY, value ${t.text} NOT NULL);
CREATE TABLE orgs (
  id ${t.text} PRIMARY KEY, name ${t.text} NOT NULL, catalog ${t.text} NOT NULL,
  low_balance_percents ${t.text} NOT NULL,            -- JSON list of decimal strings, e.g. ["20","10","0"]
  auto_recharge_enabled ${t.bool} NOT NULL, auto_recharge_threshold ${t.amount} NOT NULL,
  auto_recharge_credits ${t.amount} NOT NULL, auto_recharge_monthly_limit ${t.amount}
);
CREATE TABLE departments (
  id ${t.text} PRIMARY KEY, org_id ${t.text} NOT NULL REFERENCES orgs(id), name ${t.text} NOT NULL,
  monthly_budget ${t.amount}, overdraft_protection ${t.bool} NOT NULL
);
CREATE TABLE users (
  id ${t.text} PRIMARY KEY, org_id ${t.text} NOT NULL REFERENCES orgs(id), department_id ${t.text} REFERENCES departments(id),
  name ${t.text} NOT NULL, role ${t.text} NOT NULL CHECK (role IN ('admin', 'member')), daily_limit ${t.amount}, monthly_limit ${t.amount}
);
-- The running state of each organisation's ledger, and the row a write locks.
CREATE TABLE accounts (
  org_id ${t.text} PRIMARY KEY REFERENCES orgs(id), balance ${t.amount} NOT NULL CHECK (${t.nonNegative('balance')}),
  reference ${t.amount} NOT NULL, last_seq ${t.int} NOT NULL
);
-- Every top-up, recharge and charge, never changed, numbered 1, 2, 3 … per organisation; each
-- carries the balance after it (the entry before ± credits) and the low-balance reference.
CREATE TABLE ledger (
  org_id ${t.text} NOT NULL, seq ${t.int} NOT NULL, kind ${t.text} NOT NULL CHECK (kind IN ('topup', 'auto-recharge', 'charge')),
  credits ${t.amount} NOT NULL, at ${t.instant} NOT NULL, event_id ${t.text},
  balance_after ${t.amount} NOT NULL, reference_after ${t.amount} NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE TABLE events (
  id ${t.text} PRIMARY KEY, org_id ${t.text} NOT NULL, user_id ${t.text} NOT NULL, department_id ${t.text}, chat_id ${t.text} NOT NULL,
  seq ${t.int} NOT NULL,                              -- its charge's entry in the ledger
  idempotency_key ${t.text} NOT NULL, body ${t.text} NOT NULL,  -- the body's canonical JSON, to tell a retry from a reused key
  at ${t.instant} NOT NULL, day ${t.day} NOT NULL,
  records ${t.text} NOT NULL, credits ${t.amount} NOT NULL, response ${t.text} NOT NULL,
  services ${t.text} NOT NULL,                        -- JSON [[service, billingType, credits], …]: the credits split by service
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX events_day ON events (org_id, day);
CREATE INDEX events_chat ON events (org_id, chat_id, at, seq);
-- Spend per user or department per day / month (for the limits) and recharges per month.
CREATE TABLE spend (org_id ${t.text} NOT NULL, scope ${t.text} NOT NULL, period ${t.text} NOT NULL, credits ${t.amount} NOT NULL, PRIMARY KEY (org_id, scope, period));
CREATE TABLE notifications (
  seq ${t.serial}, org_id ${t.text} NOT NULL, kind ${t.text} NOT NULL, at ${t.instant} NOT NULL,
  balance ${t.amount} NOT NULL, detail ${t.text},
  once_key ${t.text}, UNIQUE (org_id, once_key)        -- a notice sent at most once per key (recharge-limit:2026-11)
);
`;
    },
  },
  {
    version: 2,
    name: 'credit grants, expiry, department transfers, billing name',
    sql: (dialect) => {
      const t = TYPES[dialect];
      const kinds = "('topup', 'auto-recharge', 'grant', 'charge', 'expiry', 'transfer-out', 'transfer-in')";
      // SQLite cannot change a CHECK constraint: the ledger is copied into a table with the new one.
      const ledger =
        dialect === 'sqlite'
          ? `
CREATE TABLE ledger_v2 (
  org_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ${kinds}),
  credits TEXT NOT NULL, at TEXT NOT NULL, event_id TEXT,
  balance_after TEXT NOT NULL, reference_after TEXT NOT NULL,
  department_id TEXT, grants TEXT NOT NULL DEFAULT '[]', detail TEXT,
  PRIMARY KEY (org_id, seq)
);
INSERT INTO ledger_v2 (org_id, seq, kind, credits, at, event_id, balance_after, reference_after)
  SELECT org_id, seq, kind, credits, at, event_id, balance_after, reference_after FROM ledger;
DROP TABLE ledger;
ALTER TABLE ledger_v2 RENAME TO ledger;`
          : `
ALTER TABLE ledger DROP CONSTRAINT ledger_kind_check;
ALTER TABLE ledger ADD CONSTRAINT ledger_kind_check CHECK (kind IN ${kinds});
ALTER TABLE ledger ADD COLUMN department_id text, ADD COLUMN grants text NOT NULL DEFAULT '[]', ADD COLUMN detail text;`;
      return `${ledger}
CREATE INDEX ledger_at ON ledger (org_id, at);
ALTER TABLE orgs ADD COLUMN billing_name ${t.text};
ALTER TABLE accounts ADD COLUMN next_expiry ${t.instant};
-- Every credit that entered the ledger, and what is left of it. A charge spends grants in the
-- declared order (rules.ts); an expiry entry takes what is left at expires_at.
CREATE TABLE grants (
  org_id ${t.text} NOT NULL, id ${t.text} NOT NULL, department_id ${t.text},
  kind ${t.text} NOT NULL CHECK (kind IN ('paid', 'promotional', 'recharge', 'transfer')),
  credits ${t.amount} NOT NULL, remaining ${t.amount} NOT NULL CHECK (${t.nonNegative('remaining')}),
  priority ${t.int} NOT NULL, expires_at ${t.instant}, at ${t.instant} NOT NULL,
  seq ${t.int} NOT NULL, origin ${t.text},
  PRIMARY KEY (org_id, id)
);
CREATE INDEX grants_org ON grants (org_id, remaining);
-- A ledger from before grants: what each organisation holds becomes one paid grant.
INSERT INTO grants (org_id, id, department_id, kind, credits, remaining, priority, expires_at, at, seq, origin)
  SELECT org_id, 'g0', NULL, 'paid', balance, balance, 20, NULL, ${dialect === 'sqlite' ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" : 'now()'}, last_seq, NULL FROM accounts WHERE ${t.nonNegative('balance')} AND balance <> ${dialect === 'sqlite' ? "'0'" : '0'};
`;
    },
  },
  {
    version: 3,
    name: 'per-model limits for each user',
    sql: (dialect) => {
      const t = TYPES[dialect];
      return `
-- A limit on what each user of an organisation may spend on one service (a model) per day and per month.
CREATE TABLE service_limits (
  org_id ${t.text} NOT NULL REFERENCES orgs(id), service ${t.text} NOT NULL,
  daily_limit ${t.amount}, monthly_limit ${t.amount},
  PRIMARY KEY (org_id, service)
);
`;
    },
  },
  {
    version: 4,
    name: 'notification feed, webhooks and their delivery outbox',
    sql: (dialect) => {
      const t = TYPES[dialect];
      return `
-- What a notification is about beyond its words: JSON (the subject and figures of an anomaly, a budget's percent …).
ALTER TABLE notifications ADD COLUMN data ${t.text};
CREATE INDEX notifications_org ON notifications (org_id, seq);
-- A platform's endpoints for the notification feed. A webhook receives the notifications after
-- after_seq (those recorded once it existed); enqueued_seq is how far its outbox has been filled.
CREATE TABLE webhooks (
  id ${t.text} PRIMARY KEY, org_id ${t.text} NOT NULL REFERENCES orgs(id), url ${t.text} NOT NULL, secret ${t.text} NOT NULL,
  description ${t.text}, created_at ${t.instant} NOT NULL, created_by ${t.text} NOT NULL,
  after_seq ${t.int} NOT NULL, enqueued_seq ${t.int} NOT NULL, deleted_at ${t.instant}
);
CREATE INDEX webhooks_org ON webhooks (org_id);
-- The outbox: one row per webhook and notification, written in one transaction per state change
-- (pending → delivered | failed | cancelled). A process claims a due row by a lease; one killed
-- mid-delivery leaves the row pending, and the lease's end makes it due again (at-least-once).
CREATE TABLE webhook_deliveries (
  id ${t.serial}, webhook_id ${t.text} NOT NULL REFERENCES webhooks(id), org_id ${t.text} NOT NULL, notification_seq ${t.int} NOT NULL,
  status ${t.text} NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts ${t.int} NOT NULL, created_at ${t.instant} NOT NULL, next_attempt_at ${t.instant} NOT NULL, lease_until ${t.instant}, finished_at ${t.instant},
  UNIQUE (webhook_id, notification_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
-- Every attempt, as the receiver answered it, written with the delivery's new state.
CREATE TABLE webhook_attempts (
  id ${t.serial}, delivery_id ${t.int} NOT NULL, webhook_id ${t.text} NOT NULL, attempt ${t.int} NOT NULL, at ${t.instant} NOT NULL,
  status_code ${t.int}, error ${t.text}, duration_ms ${t.int} NOT NULL,
  outcome ${t.text} NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed'))
);
CREATE INDEX webhook_attempts_webhook ON webhook_attempts (webhook_id, id);
`;
    },
  },
  {
    version: 5,
    name: 'idempotency keys of administrators\' writes (grants, transfers)',
    sql: (dialect) => {
      const t = TYPES[dialect];
      return `
-- The first answer to a POST /grants or /transfers with an Idempotency-Key, written in the same
-- transaction as its ledger entries: a retry with the key is answered from here and applied once.
-- The primary key refuses a second row for a key even if two writes raced past the account lock.
CREATE TABLE idempotent_requests (
  org_id ${t.text} NOT NULL REFERENCES orgs(id), key ${t.text} NOT NULL,
  fingerprint ${t.text} NOT NULL, response ${t.text} NOT NULL, at ${t.instant} NOT NULL,
  PRIMARY KEY (org_id, key)
);
`;
    },
  },
];

// The reference host's database: SQLite through better-sqlite3, in WAL mode, one file per
// data directory. Amounts are stored as decimal strings (TEXT) and added with creditkit's
// Decimal, never as SQLite REAL.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orgs (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, catalog TEXT NOT NULL,
  low_balance_percents TEXT NOT NULL,            -- JSON list of decimal strings, e.g. ["20","10","0"]
  auto_recharge_enabled INTEGER NOT NULL, auto_recharge_threshold TEXT NOT NULL,
  auto_recharge_credits TEXT NOT NULL, auto_recharge_monthly_limit TEXT
);
CREATE TABLE IF NOT EXISTS departments (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), name TEXT NOT NULL,
  monthly_budget TEXT, overdraft_protection INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), department_id TEXT REFERENCES departments(id),
  name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('admin', 'member')), daily_limit TEXT, monthly_limit TEXT
);
-- The ledger: every top-up and every charge. The balance is derived from it.
CREATE TABLE IF NOT EXISTS ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('topup', 'auto-recharge', 'charge')),
  credits TEXT NOT NULL, at TEXT NOT NULL, event_id TEXT, balance_after TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_org ON ledger (org_id, seq);
-- The running balance, updated in the same transaction as each ledger row (checked against the ledger at start).
CREATE TABLE IF NOT EXISTS balances (org_id TEXT PRIMARY KEY, credits TEXT NOT NULL, reference TEXT NOT NULL, last_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL, user_id TEXT NOT NULL, department_id TEXT, chat_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL, body_hash TEXT NOT NULL, at TEXT NOT NULL, day TEXT NOT NULL,
  records TEXT NOT NULL, credits TEXT NOT NULL, response TEXT NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS events_day ON events (org_id, day);
CREATE INDEX IF NOT EXISTS events_chat ON events (org_id, chat_id, at);
-- An event's credits split by service (and its billing type), for grouped usage.
CREATE TABLE IF NOT EXISTS event_services (
  event_id TEXT NOT NULL REFERENCES events(id), service TEXT NOT NULL, billing_type TEXT NOT NULL, credits TEXT NOT NULL,
  PRIMARY KEY (event_id, service)
);
-- Spend per user or department per day / month, for the limits.
CREATE TABLE IF NOT EXISTS spend (org_id TEXT NOT NULL, scope TEXT NOT NULL, period TEXT NOT NULL, credits TEXT NOT NULL, PRIMARY KEY (org_id, scope, period));
CREATE TABLE IF NOT EXISTS notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, balance TEXT NOT NULL, detail TEXT
);
`;

/** Opens (creating when needed) the database in `dataDir`. */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'creditkit-host.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the host acknowledges an event (group commit keeps it fast).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

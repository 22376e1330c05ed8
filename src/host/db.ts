// The reference host's database: SQLite through better-sqlite3, in WAL mode, one file per
// data directory. Amounts are stored as decimal strings (TEXT) and added with creditkit's
// Decimal, never as SQLite REAL.
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Raised whenever the schema changes. */
const SCHEMA_VERSION = 4;

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
-- The ledger: every top-up and every charge, never changed. The balance is derived from it:
-- each row carries the balance after it (the previous row's ± credits, checked against the sum
-- of the ledger at start) and the low-balance reference (the balance after the last top-up).
CREATE TABLE IF NOT EXISTS ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('topup', 'auto-recharge', 'charge')),
  credits TEXT NOT NULL, at TEXT NOT NULL, event_id TEXT, balance_after TEXT NOT NULL, reference_after TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_org ON ledger (org_id, seq);
-- Looked up by idempotency key, by day and by chat; the id is a UUID that needs no index.
CREATE TABLE IF NOT EXISTS events (
  id TEXT NOT NULL, org_id TEXT NOT NULL, user_id TEXT NOT NULL, department_id TEXT, chat_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL, body TEXT NOT NULL,  -- the body's canonical JSON, to tell a retry from a reused key
  at TEXT NOT NULL, day TEXT NOT NULL,
  records TEXT NOT NULL, credits TEXT NOT NULL, response TEXT NOT NULL,
  services TEXT NOT NULL,                        -- JSON [[service, billingType, credits], ...]: the credits split by service
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS events_day ON events (org_id, day);
CREATE INDEX IF NOT EXISTS events_chat ON events (org_id, chat_id, at);
-- Spend per user or department per day / month, for the limits.
CREATE TABLE IF NOT EXISTS spend (org_id TEXT NOT NULL, scope TEXT NOT NULL, period TEXT NOT NULL, credits TEXT NOT NULL, PRIMARY KEY (org_id, scope, period));
CREATE TABLE IF NOT EXISTS notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, balance TEXT NOT NULL, detail TEXT
);
`;

/** better-sqlite3 is an optional peer dependency: only a host on SQLite needs it. */
async function loadSqlite(): Promise<typeof Database> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (error) {
    throw new Error('reference host: the SQLite engine needs better-sqlite3 (npm install better-sqlite3)', { cause: error });
  }
}

/**
 * How hard a commit waits for the disk: FULL syncs the WAL on every commit (an acknowledged
 * event survives a power cut); NORMAL survives a crash of the process but not of the machine.
 */
export type Durability = 'FULL' | 'NORMAL';

/** Opens (creating it and its directory when needed) the SQLite database file `file`. */
export async function openDb(file: string, durability: Durability = 'FULL'): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new (await loadSqlite())(file);
  db.pragma('journal_mode = WAL');
  // FULL by default: a commit is on disk before the host acknowledges an event (group commit keeps it fast).
  db.pragma(`synchronous = ${durability === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
    // Demo data only: a database from an older schema is started afresh.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    if (tables.length) console.warn(`reference host: ${file} holds an older schema; starting it afresh`);
    db.pragma('foreign_keys = OFF');
    for (const table of tables) db.exec(`DROP TABLE "${table}"`);
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  return db;
}

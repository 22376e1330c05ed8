// Starts a reference host on loopback on a fresh database of either engine (a temporary SQLite
// file, or a new database on the PostgreSQL server of CREDITKIT_TEST_POSTGRES_URL), with a
// clock the test moves, and gives an SDK client per user. Host tests run once per engine.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost, type HostOptions } from '../../src/host/index.js';
import { createClient, type CreditClient } from '../../src/sdk/index.js';

export type Engine = 'sqlite' | 'postgres';

/** The PostgreSQL server the tests may create databases on (`npm test` starts a throwaway one when it can). */
export const POSTGRES_URL = process.env.CREDITKIT_TEST_POSTGRES_URL;

/** The engines to test: SQLite always, PostgreSQL when a server is given. */
export const ENGINES: readonly Engine[] = ['sqlite', ...(POSTGRES_URL ? (['postgres'] as const) : [])];
if (!POSTGRES_URL && !process.env.CREDITKIT_TEST_QUIET) console.log('# host tests: PostgreSQL skipped (no CREDITKIT_TEST_POSTGRES_URL)');

export interface TestHost {
  engine: Engine;
  server: RunningHost;
  /** The database setting the host was started with (a second process may use it too). */
  database: string;
  clock: { now: number };
  client(userId: string): CreditClient;
  /** Changes settings in the database, as an administrator would, and lets the host re-read them. */
  configure(sql: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** 2026-11-23 10:00 UTC, a Monday. */
export const NOON_ISH = Date.parse('2026-11-23T10:00:00Z');

/** A fresh, empty database of `engine`; `drop()` removes it. */
export async function freshDatabase(engine: Engine): Promise<{ database: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'creditkit-host-'));
    return { database: join(dir, 'host.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!POSTGRES_URL) throw new Error('CREDITKIT_TEST_POSTGRES_URL is not set');
  const { default: pg } = await import('pg');
  const name = `creditkit_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    database: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startTestHost(options: Partial<HostOptions> & { engine?: Engine } = {}): Promise<TestHost> {
  const { engine = 'sqlite', ...hostOptions } = options;
  const { database, drop } = await freshDatabase(engine);
  const clock = { now: NOON_ISH };
  // Webhook deliveries run when a test calls server.deliverer.tick(), on the test's clock.
  const server = await startHost({ port: 0, database, seed: 'organisations', now: () => clock.now, log: () => {}, webhooks: { pollMs: 0 }, ...hostOptions });
  return {
    engine,
    server,
    database,
    clock,
    client: (userId) =>
      createClient({
        baseUrl: server.url,
        getToken: () => server.tokenFor(userId),
        maxRetries: 0,
        // Correctness, not speed: a machine busy with other work must not fail a test by a timeout.
        timeout: 60_000,
        cacheTtl: 0,
        staleTtl: 0,
        now: () => clock.now,
      }),
    async configure(sql, ...params) {
      await server.store.execute(sql, ...params);
      server.ledger.forgetConfig();
    },
    async close() {
      await server.close();
      await drop();
    },
  };
}

export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

// startHost: the reference host as a platform runs it (`creditkit host`, the demo, the tests): a
// store (SQLite by default, PostgreSQL for several processes), migrations, the demo seed once
// per database, the ledger audited, and the HTTP API listening.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { parseCatalog } from '../core/index.js';
import { createApp, issueToken } from './app.js';
import { Ledger, type LoadedCatalog } from './ledger.js';
import { seedDemo, seedOrganisations, type SeedOptions } from './seed.js';
import { describeDatabase, openStore } from './store/index.js';
import type { Durability, Store } from './store/types.js';
import { signingKey, TokenIssuer } from './tokens.js';
import { Notifier } from './notifications/service.js';
import { WebhookDeliverer } from './webhooks/deliverer.js';

export interface HostOptions {
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** The interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** A SQLite database file (created with its directory when missing) or a `postgres://` URL. */
  database: string;
  /**
   * What to write into an empty database on first start (once per database, however many
   * processes start): `'demo'` (the demo organisations and 60 days of usage up to today, or the
   * days given), `'organisations'` (the demo organisations and users, no usage) or `'none'`. @default 'none'
   */
  seed?: 'none' | 'organisations' | 'demo' | SeedOptions;
  /** The clock (tests move it). @default Date.now */
  now?: () => number;
  /** Catalog JSON files; an organisation names its catalog by the catalog's id. @default the package's meinGPT and GPTBots catalogs */
  catalogs?: readonly string[];
  /**
   * The key that signs tokens (at least 32 bytes, base64 or hex), shared by every process on one
   * database. @default a key created once and kept in the database
   */
  tokenKey?: string;
  /**
   * POST /api/demo/token hands anyone a token for any user: on only where that is harmless.
   * @default true when `host` is a loopback address, else false
   */
  demoTokens?: boolean;
  /**
   * The platform server's secret key for POST /api/tokens (scoped end-user tokens), at least 32
   * characters. @default the CREDITKIT_API_KEY environment variable; unset: only administrators' tokens may issue tokens
   */
  apiKey?: string;
  /** SQLite synchronous mode: FULL (survives a power cut) or NORMAL (survives a process crash). @default 'FULL' */
  durability?: Durability;
  /** SQLite: how long a write waits for another process's write lock before answering 503. @default 5000 */
  sqliteBusyTimeoutMs?: number;
  /** PostgreSQL connections per process. @default 10 */
  poolSize?: number;
  /** How long organisations, users and departments are cached in each process. @default 5000 */
  configTtlMs?: number;
  /** Log lines at start ("demo tokens: …"). @default console.log */
  log?: (line: string) => void;
  /** Webhook deliveries (src/host/webhooks/); the environment's CREDITKIT_WEBHOOK_* when not given. */
  webhooks?: WebhookOptions;
}

export interface WebhookOptions {
  /**
   * Webhooks may point at private and loopback addresses: for a host in development only.
   * @default true when `host` is a loopback address, else false
   */
  allowPrivate?: boolean;
  /** Per delivery attempt (CREDITKIT_WEBHOOK_TIMEOUT_MS). @default 10000 */
  timeoutMs?: number;
  /** The first retry's delay, doubling up to an hour (CREDITKIT_WEBHOOK_RETRY_MS). @default 30000 */
  retryBaseMs?: number;
  /** How often the outbox is looked at; 0: never by itself (tests call `deliverer.tick()`) (CREDITKIT_WEBHOOK_POLL_MS). @default 1000 */
  pollMs?: number;
  /** How often the books are looked at for anomalies, expiring grants and closed months. @default 60000 */
  sweepMs?: number;
  /** Resolves host names for the private-address check (tests). @default DNS */
  resolve?: (host: string) => Promise<string[]>;
}

const envNumber = (name: string): number | undefined => {
  const value = process.env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

export interface RunningHost {
  /** The API base URL, such as http://127.0.0.1:8787/api. */
  url: string;
  origin: string;
  /** The service: balances, usage, chats, events, top-ups, the ledger audit. */
  ledger: Ledger;
  /** The storage (SQL for operators and tests: `store.execute(sql, ...params)`). */
  store: Store;
  /** The notification feed, anomalies and webhooks. */
  notifier: Notifier;
  /** Delivers the feed to the webhooks from the outbox. */
  deliverer: WebhookDeliverer;
  /** A valid token for a user (tests, a platform's own backend). */
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/** The package's catalogs (src/host and dist/host are both two levels below the package root). */
export const DEFAULT_CATALOGS: readonly string[] = ['meingpt', 'gptbots'].map((name) => fileURLToPath(new URL(`../../catalog/${name}.json`, import.meta.url)));

/** Reads and parses each catalog file, keyed by the catalog's id. */
function loadCatalogs(files: readonly string[]): Map<string, LoadedCatalog> {
  const out = new Map<string, LoadedCatalog>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const catalog = parseCatalog(JSON.parse(text));
    if (out.has(catalog.id)) throw new Error(`creditkit host: two catalogs have the id "${catalog.id}" (${file})`);
    out.set(catalog.id, { catalog, text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"` });
  }
  return out;
}

/** 127.0.0.0/8, ::1, localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  const catalogs = loadCatalogs(options.catalogs ?? DEFAULT_CATALOGS);
  const store = await openStore(options.database, { durability: options.durability, poolSize: options.poolSize, busyTimeoutMs: options.sqliteBusyTimeoutMs });
  try {
    const ledger = new Ledger(store, catalogs, now, { configTtlMs: options.configTtlMs });
    const seed = options.seed ?? 'none';
    if (seed !== 'none') {
      // Once per database: the first process seeds under the lock; the others then find it done.
      await store.withSetupLock(async () => {
        if ((await store.organisationIds()).length) return;
        if (seed === 'organisations') await seedOrganisations(store);
        else await seedDemo(store, ledger, typeof seed === 'object' ? seed : {});
      });
    }
    for (const org of await store.organisationIds()) {
      const { problems } = await ledger.audit(org);
      if (problems.length) throw new Error(`creditkit host: the ledger of ${org} does not check: ${problems.slice(0, 5).join('; ')}`);
    }
    const tokens = new TokenIssuer(await signingKey(store, options.tokenKey));
    const demoTokens = options.demoTokens ?? isLoopback(host);
    const apiKey = (options.apiKey ?? process.env.CREDITKIT_API_KEY) || undefined;
    if (apiKey !== undefined && apiKey.length < 32) throw new Error('creditkit host: the API key must be at least 32 characters (e.g. `openssl rand -base64 32`)');
    const hooks = options.webhooks ?? {};
    const allowPrivate = hooks.allowPrivate ?? isLoopback(host);
    const notifier = new Notifier(ledger, { allowPrivateWebhooks: allowPrivate, ...(hooks.resolve && { resolve: hooks.resolve }) });
    const pollMs = hooks.pollMs ?? envNumber('CREDITKIT_WEBHOOK_POLL_MS') ?? 1_000;
    const deliverer = new WebhookDeliverer({
      pollMs: Math.max(pollMs, 1),
      store,
      now,
      allowPrivate,
      ...(hooks.resolve && { resolve: hooks.resolve }),
      body: (d) => notifier.deliveryBody(d),
      sweep: () => notifier.sweepAll(),
      timeoutMs: hooks.timeoutMs ?? envNumber('CREDITKIT_WEBHOOK_TIMEOUT_MS') ?? 10_000,
      retryBaseMs: hooks.retryBaseMs ?? envNumber('CREDITKIT_WEBHOOK_RETRY_MS') ?? 30_000,
      ...(hooks.sweepMs !== undefined && { sweepMs: hooks.sweepMs }),
    });
    const app = createApp({ ledger, tokens, demoTokens, notifier, apiKey });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => resolve());
    });
    if (pollMs > 0) deliverer.start();
    const { port } = server.address() as AddressInfo;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    log(`creditkit host: ${describeDatabase(options.database)}; demo tokens ${demoTokens ? (options.demoTokens ? 'on (opted in)' : `on (${host} is loopback)`) : `off (${host} is not loopback; --demo-tokens to opt in)`}`);
    return {
      url: `${origin}/api`,
      origin,
      ledger,
      store,
      notifier,
      deliverer,
      tokenFor: async (userId) => (await issueToken(ledger, tokens, userId)).token,
      async close() {
        await deliverer.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}

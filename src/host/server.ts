// The reference host: the creditkit host API contract under /api, on SQLite. `startHost` is
// what `creditkit host`, the tests and the e2e harness start.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseCatalog } from '../core/index.js';
import { toIssues } from '../core/validation.js';
import { recentChatsQuery, usageEventRequest, usageQuery } from '../sdk/contract/index.js';
import { Batcher } from './batcher.js';
import { openDb, type Durability } from './db.js';
import { MAX_BODY_BYTES, readJson, requestIdOf, sendJson, sendProblem } from './http.js';
import { HostError } from './problems.js';
import { DEMO_USER, seedDemo, seedOrganisations, type SeedOptions } from './seed.js';
import { Store, type LoadedCatalog, type Principal } from './store.js';
import { TOKEN_LIFETIME_S, TokenIssuer } from './tokens.js';

export interface HostOptions {
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** The interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** The SQLite database file (created with its directory when missing). */
  database: string;
  /**
   * What to write into an empty database on first start: `'demo'` (the demo organisations and
   * 60 days of usage up to today, or the days given), `'organisations'` (the demo organisations
   * and users, no usage) or `'none'`. @default 'none'
   */
  seed?: 'none' | 'organisations' | 'demo' | SeedOptions;
  /** The clock (tests move it). @default Date.now */
  now?: () => number;
  /** Catalog JSON files; an organisation names its catalog by the catalog's id. @default the package's meinGPT and GPTBots catalogs */
  catalogs?: readonly string[];
  /** SQLite synchronous mode: FULL (survives a power cut) or NORMAL (survives a process crash). @default 'FULL' */
  durability?: Durability;
}

export interface RunningHost {
  /** The API base URL, such as http://127.0.0.1:8787/api. */
  url: string;
  origin: string;
  store: Store;
  /** A valid token for a user (tests). */
  tokenFor(userId: string): string;
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
    if (out.has(catalog.id)) throw new Error(`reference host: two catalogs have the id "${catalog.id}" (${file})`);
    out.set(catalog.id, { catalog, text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"` });
  }
  return out;
}

/** A percent-decoded path segment; a 400 problem for a malformed escape such as %E0%A4%A. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HostError(400, 'malformed-path', 'The path has a malformed percent-escape', segment.slice(0, 200));
  }
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const now = options.now ?? Date.now;
  const db = await openDb(options.database, options.durability);
  const store = new Store(db, loadCatalogs(options.catalogs ?? DEFAULT_CATALOGS), now);
  const tokens = new TokenIssuer(db);
  const batcher = new Batcher(db);
  const empty = (db.prepare('SELECT count(*) FROM orgs').pluck().get() as number) === 0;
  const seed = options.seed ?? 'none';
  if (empty && seed === 'organisations') db.transaction(() => seedOrganisations(db))();
  else if (empty && seed !== 'none') seedDemo(db, store, typeof seed === 'object' ? seed : {});
  for (const org of db.prepare('SELECT id FROM orgs').pluck().all() as string[]) {
    const { fromLedger, running } = store.audit(org);
    if (fromLedger !== running) throw new Error(`reference host: the ledger of ${org} sums to ${fromLedger} but its last row says ${running}`);
  }

  const issue = (userId: string) => {
    const user = store.user(userId);
    if (!user) throw new HostError(404, 'unknown-user', 'No such demo user', userId);
    const exp = Math.floor(now() / 1000) + TOKEN_LIFETIME_S;
    return { token: tokens.issue({ sub: user.id, org: user.org_id, exp }), expiresAt: new Date(exp * 1000).toISOString(), userId: user.id, organisation: user.org_id };
  };

  function authenticate(req: IncomingMessage): Principal {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([^\s]+)$/.exec(header);
    const claims = match ? tokens.verify(match[1]!, now()) : undefined;
    const user = claims ? store.user(claims.sub) : undefined;
    if (!claims || !user || user.org_id !== claims.org) {
      throw new HostError(401, 'unauthorized', match ? 'The token is invalid or expired' : 'A bearer token is required', undefined, undefined, { 'www-authenticate': 'Bearer' });
    }
    return { userId: user.id, orgId: user.org_id, role: user.role };
  }

  function requireAdmin(who: Principal): void {
    if (who.role !== 'admin') throw new HostError(403, 'forbidden', 'Only an administrator may do this');
  }

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host');
    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    const headers = { 'x-request-id': requestId };
    const is = (m: string, p: string) => method === m && path === p;

    if (is('GET', '/api/health')) return sendJson(res, 200, { ok: true }, headers);
    if (is('POST', '/api/demo/token')) {
      const body = (await readJson(req, { optional: true })) as { userId?: unknown } | undefined;
      const userId = typeof body?.userId === 'string' ? body.userId : DEMO_USER;
      return sendJson(res, 201, issue(userId), headers);
    }
    const who = authenticate(req);
    if (is('GET', '/api/balance')) return sendJson(res, 200, store.balance(who), headers);
    if (is('GET', '/api/usage')) {
      const parsed = usageQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) throw new HostError(400, 'invalid-query', 'The usage query is invalid', undefined, toIssues(parsed.error.issues));
      const { from, to } = parsed.data;
      if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to) throw new HostError(400, 'invalid-query', 'from must be a day on or before to');
      if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new HostError(400, 'invalid-query', 'A usage period spans at most 366 days');
      return sendJson(res, 200, store.usage(who, parsed.data), headers);
    }
    if (is('GET', '/api/chats')) {
      const parsed = recentChatsQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) throw new HostError(400, 'invalid-query', 'The chats query is invalid', undefined, toIssues(parsed.error.issues));
      return sendJson(res, 200, store.recentChats(who, Number(parsed.data.limit ?? 20), parsed.data.cursor), headers);
    }
    const chat = /^\/api\/chats\/([^/]+)$/.exec(path);
    if (chat && method === 'GET') return sendJson(res, 200, store.chat(who, decodePathSegment(chat[1]!)), headers);
    if (is('GET', '/api/catalog')) {
      const { text, etag } = store.catalogOf(who.orgId);
      const common = { ...headers, etag, 'cache-control': 'private, no-cache' };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common);
        return void res.end();
      }
      res.writeHead(200, { ...common, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      return void res.end(text);
    }
    if (is('POST', '/api/usage-events')) {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) throw new HostError(400, 'idempotency-key-required', 'Send an Idempotency-Key header (1 to 255 visible ASCII characters)');
      const parsed = usageEventRequest.safeParse(await readJson(req));
      if (!parsed.success) throw new HostError(422, 'invalid-usage', 'The usage event is invalid', undefined, toIssues(parsed.error.issues));
      const body = parsed.data;
      const { receipt, replayed } = await batcher.run(() => store.recordEvent(who, key, body));
      return sendJson(res, 201, receipt, { ...headers, ...(replayed && { 'idempotent-replayed': 'true' }) });
    }
    if (is('POST', '/api/demo/top-up')) {
      requireAdmin(who);
      const body = (await readJson(req)) as { credits?: unknown };
      const credits = store.topUp(who.orgId, typeof body?.credits === 'string' ? body.credits : '');
      return sendJson(res, 200, { credits }, headers);
    }
    if (is('GET', '/api/demo/notifications')) {
      requireAdmin(who);
      return sendJson(res, 200, { notifications: store.notifications(who.orgId) }, headers);
    }
    throw new HostError(404, 'not-found', 'No such endpoint', `${method} ${path}`);
  }

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req, randomUUID);
    route(req, res, requestId).catch((error: unknown) => {
      const problem =
        error instanceof HostError ? error : new HostError(500, 'internal', 'The host failed', undefined);
      if (!(error instanceof HostError)) console.error(`reference host: ${req.method} ${req.url} [${requestId}]`, error);
      if (res.headersSent) return res.destroy();
      if (problem.status === 413) res.setHeader('connection', 'close');
      sendProblem(res, problem, requestId);
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: `${origin}/api`,
    origin,
    store,
    tokenFor: (userId) => issue(userId).token,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}

export { MAX_BODY_BYTES };

// The host API contract's routes under /api (Hono): authentication, parameters checked by the
// contract's zod schemas, the Ledger's answers, problem+json for every error.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { recentChatsQuery, usageEventRequest, usageQuery } from '../sdk/contract/index.js';
import { decodeSegment, json, parse, problemFor, readJson, requestIdOf, type HostEnv } from './http.js';
import type { Ledger } from './ledger.js';
import { HostError } from './problems.js';
import type { Principal } from './rules.js';
import { DEMO_USER } from './seed.js';
import { TOKEN_LIFETIME_S, type TokenIssuer } from './tokens.js';

export interface AppOptions {
  ledger: Ledger;
  tokens: TokenIssuer;
  /** POST /api/demo/token hands out tokens (a demo on loopback, or an explicit opt-in). */
  demoTokens: boolean;
}

/** A token for a user of the host (the demo endpoint, tests, `RunningHost.tokenFor`). */
export async function issueToken(ledger: Ledger, tokens: TokenIssuer, userId: string) {
  const user = await ledger.user(userId);
  if (!user) throw new HostError(404, 'unknown-user', 'No such demo user', userId);
  const exp = Math.floor(ledger.now() / 1000) + TOKEN_LIFETIME_S;
  return { token: tokens.issue({ sub: user.id, org: user.orgId, exp }), expiresAt: new Date(exp * 1000).toISOString(), userId: user.id, organisation: user.orgId };
}

export function createApp({ ledger, tokens, demoTokens }: AppOptions): Hono<HostEnv> {
  const app = new Hono<HostEnv>({ strict: false }).basePath('/api');

  async function authenticate(c: Context<HostEnv>): Promise<Principal> {
    const match = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '');
    const claims = match ? tokens.verify(match[1]!, ledger.now()) : undefined;
    const user = claims ? await ledger.user(claims.sub) : undefined;
    if (!claims || !user || user.orgId !== claims.org) {
      throw new HostError(401, 'unauthorized', match ? 'The token is invalid or expired' : 'A bearer token is required', undefined, undefined, { 'www-authenticate': 'Bearer' });
    }
    return { userId: user.id, orgId: user.orgId, role: user.role };
  }

  const requireAdmin = (who: Principal) => {
    if (who.role !== 'admin') throw new HostError(403, 'forbidden', 'Only an administrator may do this');
  };

  app.use(async (c, next) => {
    c.set('requestId', requestIdOf(c.req.header('x-request-id'), randomUUID));
    await next();
  });
  app.onError((error, c) => problemFor(error, c));
  app.notFound((c) => problemFor(new HostError(404, 'not-found', 'No such endpoint', `${c.req.method} ${c.req.path}`), c));

  app.get('/health', (c) => json(c, 200, { ok: true }));

  app.post('/demo/token', async (c) => {
    // Anyone may ask, for any user: harmless only where nobody else can reach the host.
    if (!demoTokens) throw new HostError(404, 'not-found', 'No such endpoint', 'POST /api/demo/token (demo tokens are off)');
    const body = (await readJson(c, { optional: true })) as { userId?: unknown } | undefined;
    return json(c, 201, await issueToken(ledger, tokens, typeof body?.userId === 'string' ? body.userId : DEMO_USER));
  });

  app.get('/balance', async (c) => json(c, 200, await ledger.balance(await authenticate(c))));

  app.get('/usage', async (c) => {
    const who = await authenticate(c);
    const query = parse(usageQuery, c.req.query(), 400, 'invalid-query', 'The usage query is invalid');
    if (query.from > query.to) throw new HostError(400, 'invalid-query', 'from must be a day on or before to');
    if (Date.parse(query.to) - Date.parse(query.from) > 366 * 86_400_000) throw new HostError(400, 'invalid-query', 'A usage period spans at most 366 days');
    return json(c, 200, await ledger.usage(who, query));
  });

  app.get('/chats', async (c) => {
    const who = await authenticate(c);
    const query = parse(recentChatsQuery, c.req.query(), 400, 'invalid-query', 'The chats query is invalid');
    return json(c, 200, await ledger.recentChats(who, Number(query.limit ?? 20), query.cursor));
  });

  app.get('/chats/*', async (c) => {
    const who = await authenticate(c);
    // The raw segment: Hono would hand a malformed escape on undecoded instead of refusing it.
    const match = /^\/api\/chats\/([^/]+)\/?$/.exec(new URL(c.req.url).pathname);
    if (!match) throw new HostError(404, 'not-found', 'No such endpoint', `GET ${c.req.path}`);
    return json(c, 200, await ledger.chat(who, decodeSegment(match[1]!)));
  });

  app.get('/catalog', async (c) => {
    const who = await authenticate(c);
    const { text, etag } = await ledger.catalogFor(who.orgId);
    const common = { 'x-request-id': c.get('requestId'), etag, 'cache-control': 'private, no-cache' };
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers: common });
    return new Response(text, { status: 200, headers: { ...common, 'content-type': 'application/json' } });
  });

  app.post('/usage-events', async (c) => {
    const who = await authenticate(c);
    const key = c.req.header('idempotency-key');
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) throw new HostError(400, 'idempotency-key-required', 'Send an Idempotency-Key header (1 to 255 visible ASCII characters)');
    const body = parse(usageEventRequest, await readJson(c), 422, 'invalid-usage', 'The usage event is invalid');
    const { receipt, replayed } = await ledger.recordEvent(who, key, body);
    return json(c, 201, receipt, replayed ? { 'idempotent-replayed': 'true' } : {});
  });

  app.post('/demo/top-up', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const body = (await readJson(c)) as { credits?: unknown } | null;
    return json(c, 200, { credits: await ledger.topUp(who.orgId, typeof body?.credits === 'string' ? body.credits : '') });
  });

  app.get('/demo/notifications', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const notifications = (await ledger.notifications(who.orgId)).map(({ kind, at, balance, detail }) => ({ kind, at, balance, detail }));
    return json(c, 200, { notifications });
  });

  return app;
}

// The host API contract's routes under /api (Hono): authentication, parameters checked by the
// contract's zod schemas, the Ledger's answers, problem+json for every error.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { anomaliesQuery, deliveriesQuery, grantRequest, tokenRequest, notificationsQuery, transferRequest, period as periodSchema, recentChatsQuery, usageEventRequest, usageQuery, webhookRequest } from '../sdk/contract/index.js';
import { decodeSegment, json, parse, problemFor, readJson, requestIdOf, type HostEnv } from './http.js';
import type { Ledger } from './ledger.js';
import type { Notifier } from './notifications/service.js';
import { HostError } from './problems.js';
import { statementCsv } from './statements/csv.js';
import { statementPdf } from './statements/pdf.js';
import type { StatementLanguage } from './statements/strings.js';
import type { Principal } from './rules.js';
import { DEMO_USER } from './seed.js';
import { apiKeyMatches, issueScoped, principalOf, TOKEN_LIFETIME_S, type TokenIssuer, type TokenRequester } from './tokens.js';

export interface AppOptions {
  ledger: Ledger;
  tokens: TokenIssuer;
  /** POST /api/demo/token hands out tokens (a demo on loopback, or an explicit opt-in). */
  demoTokens: boolean;
  notifier: Notifier;
  /** The platform server's secret key for POST /api/tokens (`Authorization: Bearer <key>`); unset: only administrators' tokens may ask. */
  apiKey?: string | undefined;
}

/** A period of whole days, from ≤ to, at most 366 days (a 400 otherwise). */
function checkDays(from: string, to: string): void {
  if (from > to) throw new HostError(400, 'invalid-query', 'from must be a day on or before to');
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new HostError(400, 'invalid-query', 'A period spans at most 366 days');
}

/** A token for a user of the host (the demo endpoint, tests, `RunningHost.tokenFor`). */
export async function issueToken(ledger: Ledger, tokens: TokenIssuer, userId: string) {
  const user = await ledger.user(userId);
  if (!user) throw new HostError(404, 'unknown-user', 'No such demo user', userId);
  const exp = Math.floor(ledger.now() / 1000) + TOKEN_LIFETIME_S;
  return { token: tokens.issue({ sub: user.id, org: user.orgId, exp }), expiresAt: new Date(exp * 1000).toISOString(), userId: user.id, organisation: user.orgId };
}

/** JSON, CSV or PDF: `?format=` wins (for plain links), then the first of them the Accept header names. */
function statementFormat(query: string | undefined, accept: string | undefined): 'json' | 'csv' | 'pdf' {
  if (query !== undefined) {
    if (query === 'json' || query === 'csv' || query === 'pdf') return query;
    throw new HostError(400, 'invalid-query', 'format is json, csv or pdf', query.slice(0, 40), [{ path: 'format', message: 'expected json, csv or pdf' }]);
  }
  const types = (accept ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  for (const type of types) {
    if (type === 'text/csv') return 'csv';
    if (type === 'application/pdf') return 'pdf';
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  }
  if (types.some((t) => t !== '')) throw new HostError(406, 'not-acceptable', 'A statement is application/json, text/csv or application/pdf', accept?.slice(0, 100));
  return 'json';
}

/** German when asked for (`?lang=de`, or an Accept-Language that starts with de), English otherwise. */
function statementLanguage(query: string | undefined, acceptLanguage: string | undefined): StatementLanguage {
  if (query !== undefined) {
    if (query === 'en' || query === 'de') return query;
    throw new HostError(400, 'invalid-query', 'lang is en or de', query.slice(0, 40), [{ path: 'lang', message: 'expected en or de' }]);
  }
  return /^\s*de\b/i.test(acceptLanguage ?? '') ? 'de' : 'en';
}

export function createApp({ ledger, tokens, demoTokens, notifier, apiKey }: AppOptions): Hono<HostEnv> {
  const app = new Hono<HostEnv>({ strict: false }).basePath('/api');

  async function authenticate(c: Context<HostEnv>): Promise<Principal> {
    const match = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '');
    const claims = match ? tokens.verify(match[1]!, ledger.now()) : undefined;
    const user = claims ? await ledger.user(claims.sub) : undefined;
    if (!claims || !user || user.orgId !== claims.org) {
      throw new HostError(401, 'unauthorized', match ? 'The token is invalid or expired' : 'A bearer token is required', undefined, undefined, { 'www-authenticate': 'Bearer' });
    }
    const who = principalOf(claims, user);
    // Every route that changes something is a POST (or another unsafe method): a read token asks only.
    if (who.scope === 'read' && c.req.method !== 'GET' && c.req.method !== 'HEAD') throw new HostError(403, 'read-only-token', 'This token may only read', `${c.req.method} ${c.req.path}`);
    return who;
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

  app.post('/tokens', async (c) => {
    const bearer = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    let requester: TokenRequester;
    if (bearer !== undefined && apiKeyMatches(bearer, apiKey)) requester = { kind: 'platform' };
    else {
      const who = await authenticate(c);
      // Only the organisation's administrator (a write token) hands out tokens; a narrowed token cannot mint a wider one.
      if (who.role !== 'admin' || who.departmentId !== undefined) throw new HostError(403, 'forbidden', 'Only the platform (its API key) or an administrator may issue tokens');
      requester = { kind: 'admin', who };
    }
    const body = parse(tokenRequest, await readJson(c), 422, 'invalid-token-request', 'The token request is invalid');
    return json(c, 201, await issueScoped(ledger, tokens, requester, body));
  });

  app.get('/balance', async (c) => json(c, 200, await ledger.balance(await authenticate(c))));

  app.get('/usage', async (c) => {
    const who = await authenticate(c);
    const query = parse(usageQuery, c.req.query(), 400, 'invalid-query', 'The usage query is invalid');
    checkDays(query.from, query.to);
    const report = await ledger.usage(who, query);
    // The chart marks the days that stand out (the organisation's for an admin, the member's own otherwise).
    if (query.groupBy === 'day') report.anomalies = await notifier.usageMarks(who, query.from, query.to);
    return json(c, 200, report);
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

  /** The Idempotency-Key header: 1 to 255 visible ASCII characters; required on usage events, optional on grants, transfers and webhooks. */
  function idempotencyKey(c: Context<HostEnv>, required: true): string;
  function idempotencyKey(c: Context<HostEnv>, required: false): string | undefined;
  function idempotencyKey(c: Context<HostEnv>, required: boolean): string | undefined {
    const key = c.req.header('idempotency-key');
    if (key === undefined && !required) return undefined;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) throw new HostError(400, required ? 'idempotency-key-required' : 'invalid-idempotency-key', 'Send an Idempotency-Key header (1 to 255 visible ASCII characters)');
    return key;
  }
  const replayedHeader = (replayed: boolean): Record<string, string> => (replayed ? { 'idempotent-replayed': 'true' } : {});

  app.post('/usage-events', async (c) => {
    const who = await authenticate(c);
    const key = idempotencyKey(c, true);
    const body = parse(usageEventRequest, await readJson(c), 422, 'invalid-usage', 'The usage event is invalid');
    const { receipt, replayed } = await ledger.recordEvent(who, key, body);
    return json(c, 201, receipt, replayedHeader(replayed));
  });

  app.get('/grants', async (c) => json(c, 200, await ledger.grants(await authenticate(c))));

  app.post('/grants', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const key = idempotencyKey(c, false);
    const body = parse(grantRequest, await readJson(c), 422, 'invalid-grant', 'The grant is invalid');
    const { result, replayed } = await ledger.grant(who, body, { ...(key !== undefined && { idempotencyKey: key }) });
    return json(c, 201, result, replayedHeader(replayed));
  });

  app.get('/departments', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    return json(c, 200, await ledger.departments(who));
  });

  app.get('/transfers', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    return json(c, 200, await ledger.transfers(who));
  });

  app.post('/transfers', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const key = idempotencyKey(c, false);
    const body = parse(transferRequest, await readJson(c), 422, 'invalid-transfer', 'The transfer is invalid');
    const { result, replayed } = await ledger.transfer(who, body, { ...(key !== undefined && { idempotencyKey: key }) });
    return json(c, 201, result, replayedHeader(replayed));
  });

  app.get('/statements', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    return json(c, 200, await ledger.statements(who));
  });

  app.get('/statements/:period', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const period = c.req.param('period');
    if (!periodSchema.safeParse(period).success) throw new HostError(400, 'invalid-period', 'The period is not a month as YYYY-MM', period.slice(0, 40), [{ path: 'period', message: 'expected a month as YYYY-MM, such as "2026-11"' }]);
    const format = statementFormat(c.req.query('format'), c.req.header('accept'));
    const language = statementLanguage(c.req.query('lang'), c.req.header('accept-language'));
    const statement = await ledger.statement(who, period);
    if (format === 'json') return json(c, 200, statement);
    const file = `statement-${statement.organisation.id}-${period}${language === 'de' ? '-de' : ''}.${format}`;
    const headers = { 'x-request-id': c.get('requestId'), 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file}"`, 'content-language': language, vary: 'accept, accept-language' };
    if (format === 'csv') return new Response(statementCsv(statement, language), { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8; header=present' } });
    return new Response(await statementPdf(statement, language), { status: 200, headers: { ...headers, 'content-type': 'application/pdf' } });
  });

  app.get('/notifications', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const query = parse(notificationsQuery, c.req.query(), 400, 'invalid-query', 'The notifications query is invalid');
    return json(c, 200, await notifier.feed(who, Number(query.limit ?? 20), query.cursor));
  });

  app.get('/anomalies', async (c) => {
    const who = await authenticate(c);
    const query = parse(anomaliesQuery, c.req.query(), 400, 'invalid-query', 'The anomalies query is invalid');
    checkDays(query.from, query.to);
    return json(c, 200, await notifier.anomalies(who, query.from, query.to));
  });

  app.get('/webhooks', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    return json(c, 200, await notifier.webhooks(who));
  });

  app.post('/webhooks', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const key = idempotencyKey(c, false);
    const body = parse(webhookRequest, await readJson(c), 422, 'invalid-webhook', 'The webhook is invalid');
    const { result, replayed } = await notifier.addWebhook(who, body, key);
    return json(c, 201, result, replayedHeader(replayed));
  });

  app.delete('/webhooks/:id', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    await notifier.deleteWebhook(who, c.req.param('id'));
    return new Response(null, { status: 204, headers: { 'x-request-id': c.get('requestId') } });
  });

  app.get('/webhooks/:id/deliveries', async (c) => {
    const who = await authenticate(c);
    requireAdmin(who);
    const query = parse(deliveriesQuery, c.req.query(), 400, 'invalid-query', 'The deliveries query is invalid');
    return json(c, 200, await notifier.deliveries(who, c.req.param('id'), Number(query.limit ?? 20), query.cursor));
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

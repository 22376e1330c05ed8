// createClient: the host API client the elements stand on. Reads are cached and shared;
// every response is validated against the contract before anyone sees it.
import type * as z from 'zod/mini';
import { parseCatalog } from '../core/catalog/parse.js';
import type { Catalog } from '../core/catalog/schema.js';
import { CatalogError, CreditError } from '../core/errors.js';
import { toIssues } from '../core/validation.js';
import { sleep as defaultSleep } from './abort.js';
import { ResponseCache } from './cache.js';
import { balanceResponse, type Balance } from './contract/balance.js';
import { day } from './contract/common.js';
import { chatResponse, MAX_RECENT_CHATS, recentChatsResponse, type ChatUsage, type RecentChats } from './contract/chat.js';
import { departmentsResponse, transfersResponse, type Departments, type Transfers } from './contract/departments.js';
import { grantsResponse, type Grants } from './contract/grants.js';
import { anomaliesResponse, deliveriesResponse, notificationsResponse, webhookCreated, webhookRequest, webhooksResponse, type Anomalies, type Deliveries, type Notifications, type WebhookCreated, type WebhookRequest, type Webhooks } from './contract/notifications.js';
import { period as periodSchema, statementResponse, statementsResponse, type Statement, type Statements } from './contract/statements.js';
import {
  GROUP_BY,
  usageEventRequest,
  usageEventResponse,
  usageResponse,
  type GroupBy,
  type UsageEventReceipt,
  type UsageEventRequest,
  type UsageReport,
} from './contract/usage.js';
import { ContractError } from './errors.js';
import { DEFAULTS, type CallOptions, type ClientOptions, type Connectivity } from './options.js';
import { Transport, type Reply } from './transport.js';

export interface UsageParams {
  /** First day, YYYY-MM-DD (UTC) or a Date. */
  from: string | Date;
  /** Last day, included. */
  to: string | Date;
  groupBy: GroupBy;
}

export interface RecentChatsParams {
  /** How many chats, 1 to 100. @default 20 */
  limit?: number;
  /** The `next` of the page before. */
  cursor?: string;
}

export interface RecordOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`; every retry of this call reuses it. @default a random UUID */
  idempotencyKey?: string;
}

export interface StatementDownload {
  /** `csv` (RFC 4180; the German variant with `;` and decimal commas for Excel) or `pdf` (A4). */
  format: 'csv' | 'pdf';
  /** @default 'en' */
  language?: 'en' | 'de';
  signal?: AbortSignal;
}

export interface PageParams {
  /** How many, 1 to 100. @default 20 */
  limit?: number;
  /** The `next` of the page before. */
  cursor?: string;
}

export interface CreditClient {
  getBalance(options?: CallOptions): Promise<Balance>;
  getUsage(params: UsageParams, options?: CallOptions): Promise<UsageReport>;
  getChat(chatId: string, options?: CallOptions): Promise<ChatUsage>;
  /** The most recent chats with what each cost, latest first (an admin sees the organisation's); `next` reads on. */
  getRecentChats(params?: RecentChatsParams, options?: CallOptions): Promise<RecentChats>;
  /** The organisation's credit grants with credits left, in the order the caller's charges spend them. */
  getGrants(options?: CallOptions): Promise<Grants>;
  /** The organisation's monthly statements, newest first (administrators). */
  getStatements(options?: CallOptions): Promise<Statements>;
  /** One month's statement (YYYY-MM): opening, grants, usage by department, service and user, expired, closing (administrators). */
  getStatement(period: string, options?: CallOptions): Promise<Statement>;
  /** One month's statement as a CSV or PDF file, with the name the host gives it (administrators). */
  downloadStatement(period: string, download: StatementDownload): Promise<{ blob: Blob; filename: string }>;
  /** The departments with their allocated credits, and the unallocated pool (administrators). */
  getDepartments(options?: CallOptions): Promise<Departments>;
  /** Every transfer between the pool and departments, newest first (administrators). */
  getTransfers(options?: CallOptions): Promise<Transfers>;
  /** The notification feed, newest first: thresholds, budgets, anomalies, recharges, expiring grants, statements, usage reports (administrators). */
  getNotifications(params?: PageParams, options?: CallOptions): Promise<Notifications>;
  /** Days whose spend stands out from the subject's trailing 28 days, with the reason in words (a member: their own). */
  getAnomalies(params: { from: string | Date; to: string | Date }, options?: CallOptions): Promise<Anomalies>;
  /** The organisation's webhooks (administrators). */
  getWebhooks(options?: CallOptions): Promise<Webhooks>;
  /**
   * Registers a webhook; the answer carries the signing secret (administrators). Sent with one
   * Idempotency-Key for all its retries, so a retry never registers the webhook twice.
   */
  addWebhook(webhook: WebhookRequest, options?: RecordOptions): Promise<WebhookCreated>;
  /** Removes a webhook; its pending deliveries are cancelled (administrators). */
  deleteWebhook(webhookId: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** A webhook's delivery attempts, newest first (administrators). */
  getWebhookDeliveries(webhookId: string, params?: PageParams, options?: CallOptions): Promise<Deliveries>;
  /** The organisation's catalog, parsed by `parseCatalog` (revalidated with its ETag). */
  getCatalog(options?: CallOptions): Promise<Catalog>;
  /** Records usage (POST /usage-events); the balance, usage and that chat are then read afresh. */
  recordUsage(event: UsageEventRequest, options?: RecordOptions): Promise<UsageEventReceipt>;
  /** Forgets cached responses. */
  invalidate(): void;
  /** Stops listening for online/offline. */
  dispose(): void;
}

function defaultConnectivity(): Connectivity | undefined {
  const g = globalThis as unknown as Partial<Connectivity> & { navigator?: { onLine?: boolean } };
  if (typeof g.addEventListener !== 'function' || typeof g.navigator?.onLine !== 'boolean') return undefined;
  return {
    get onLine() {
      return g.navigator!.onLine!;
    },
    addEventListener: g.addEventListener.bind(g),
    removeEventListener: g.removeEventListener!.bind(g),
  };
}

function resolveBase(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') throw new CreditError('createClient: baseUrl is required');
  const page = (globalThis as { location?: { href: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw new CreditError(`createClient: baseUrl "${baseUrl}" is not a URL${page ? '' : ' (outside a page it must be absolute)'}`);
  }
  if (url.username || url.password) throw new CreditError('createClient: baseUrl must not contain credentials');
  if (url.search || url.hash) throw new CreditError('createClient: baseUrl must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

function toDay(value: string | Date, what: string, method = 'getUsage'): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CreditError(`${method}: ${what} is an invalid Date`);
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || !day.safeParse(value).success) {
    throw new CreditError(`${method}: ${what} must be a day of the calendar as YYYY-MM-DD or a Date, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `?limit=…&cursor=…` for a paged read, checked. */
function pageQuery(params: PageParams, method: string): string {
  const { limit = 20, cursor } = params;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100)) throw new CreditError(`${method}: limit must be a whole number from 1 to 100, got ${String(limit)}`);
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) throw new CreditError(`${method}: cursor must be the non-empty \`next\` of a page`);
  return `?${new URLSearchParams({ limit: String(limit), ...(cursor !== undefined && { cursor }) })}`;
}

function checkWebhookId(id: string, method: string): string {
  if (typeof id !== 'string' || id === '') throw new CreditError(`${method}: webhookId must be a non-empty string`);
  return encodeURIComponent(id);
}

function checkPeriod(period: string, method: string): string {
  if (typeof period !== 'string' || !periodSchema.safeParse(period).success) throw new CreditError(`${method}: period must be a month as YYYY-MM, got ${JSON.stringify(period)}`);
  return period;
}

/** Creates a client for a host's credit API. */
export function createClient(options: ClientOptions): CreditClient {
  if (typeof options?.getToken !== 'function') throw new CreditError('createClient: getToken must be a function that returns a short-lived token');
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== 'function') throw new CreditError('createClient: no fetch available; pass options.fetch');
  for (const key of ['timeout', 'maxRetries', 'retryBaseDelay', 'retryMaxDelay', 'maxRetryAfter', 'cacheTtl', 'staleTtl', 'maxResponseBytes'] as const) {
    const v = options[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && Number.isFinite(v))) throw new CreditError(`createClient: ${key} must be a non-negative number, got ${String(v)}`);
  }
  const now = options.now ?? Date.now;
  const settings = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    base: resolveBase(options.baseUrl),
    fetch: fetchImpl,
    sleep: options.sleep ?? defaultSleep,
    now,
    random: options.random ?? Math.random,
    connectivity: options.connectivity ?? defaultConnectivity(),
  } as ConstructorParameters<typeof Transport>[0];
  const transport = new Transport(settings);
  const cache = new ResponseCache();
  const { cacheTtl, staleTtl } = settings;
  const emit = settings.onEvent ?? (() => {});

  const onOnline = () => {
    transport.setOnline(true);
    cache.markStale(now() - cacheTtl);
    emit({ type: 'online' });
  };
  const onOffline = () => {
    transport.setOnline(false);
    emit({ type: 'offline' });
  };
  settings.connectivity?.addEventListener('online', onOnline);
  settings.connectivity?.addEventListener('offline', onOffline);

  function validate<T>(schema: z.ZodMiniType<T>, reply: Reply, path: string): T {
    const parsed = schema.safeParse(reply.json);
    if (parsed.success) return parsed.data;
    const issues = toIssues(parsed.error.issues);
    throw new ContractError('schema', issues.slice(0, 5).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '), { requestId: reply.requestId, method: 'GET', path }, issues);
  }

  /** Fetches `path` (sharing a request in flight), revalidating with the ETag when there is one. */
  function load<T>(path: string, parse: (reply: Reply) => T, signal?: AbortSignal): Promise<T> {
    return cache.shared(
      path,
      async (sharedSignal) => {
        const entry = cache.get<T>(path);
        const headers: Record<string, string> = entry?.etag ? { 'if-none-match': entry.etag } : {};
        const reply = await transport.send({ method: 'GET', path, headers, signal: sharedSignal });
        if (reply.status === 304 && entry) {
          cache.set(path, { ...entry, storedAt: now() });
          return entry.value;
        }
        const value = parse(reply);
        cache.set(path, { value, storedAt: now(), etag: reply.headers.get('etag') ?? undefined });
        return value;
      },
      signal,
    );
  }

  async function get<T>(path: string, parse: (reply: Reply) => T, options: CallOptions = {}): Promise<T> {
    const entry = cache.get<T>(path);
    if (entry && !transport.isOnline) {
      emit({ type: 'cache', path, state: 'offline' });
      return entry.value;
    }
    if (entry && options.cache !== 'no-cache') {
      const age = now() - entry.storedAt;
      if (age < cacheTtl) {
        emit({ type: 'cache', path, state: 'fresh' });
        return entry.value;
      }
      if (age < cacheTtl + staleTtl) {
        emit({ type: 'cache', path, state: 'stale' });
        load(path, parse).then(
          () => emit({ type: 'revalidated', path }),
          (error: Error) => emit({ type: 'revalidate-failed', path, error }),
        );
        return entry.value;
      }
    }
    return load(path, parse, options.signal);
  }

  return {
    getBalance: (options) => get('/balance', (r) => validate(balanceResponse, r, '/balance'), options),
    getUsage(params, options) {
      const from = toDay(params?.from, 'from');
      const to = toDay(params?.to, 'to');
      if (from > to) throw new CreditError(`getUsage: from (${from}) is after to (${to})`);
      if (!GROUP_BY.includes(params.groupBy)) throw new CreditError(`getUsage: groupBy must be one of ${GROUP_BY.join(', ')}, got ${JSON.stringify(params.groupBy)}`);
      const path = `/usage?${new URLSearchParams({ from, to, groupBy: params.groupBy })}`;
      return get(path, (r) => validate(usageResponse, r, path), options);
    },
    getChat(chatId, options) {
      if (typeof chatId !== 'string' || chatId === '') throw new CreditError('getChat: chatId must be a non-empty string');
      const path = `/chats/${encodeURIComponent(chatId)}`;
      return get(path, (r) => validate(chatResponse, r, path), options);
    },
    getRecentChats(params = {}, options) {
      const { limit = 20, cursor } = params;
      if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_RECENT_CHATS)) throw new CreditError(`getRecentChats: limit must be a whole number from 1 to ${MAX_RECENT_CHATS}, got ${String(limit)}`);
      if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) throw new CreditError('getRecentChats: cursor must be the non-empty `next` of a page');
      // Always with a query, so that recordUsage's '/chats?' drops every cached page.
      const path = `/chats?${new URLSearchParams({ limit: String(limit), ...(cursor !== undefined && { cursor }) })}`;
      return get(path, (r) => validate(recentChatsResponse, r, path), options);
    },
    getGrants: (options) => get('/grants', (r) => validate(grantsResponse, r, '/grants'), options),
    getStatements: (options) => get('/statements', (r) => validate(statementsResponse, r, '/statements'), options),
    getStatement(period, options) {
      const path = `/statements/${checkPeriod(period, 'getStatement')}`;
      return get(path, (r) => validate(statementResponse, r, path), options);
    },
    async downloadStatement(period, download) {
      checkPeriod(period, 'downloadStatement');
      if (download?.format !== 'csv' && download?.format !== 'pdf') throw new CreditError(`downloadStatement: format must be "csv" or "pdf", got ${JSON.stringify(download?.format)}`);
      const language = download.language ?? 'en';
      if (language !== 'en' && language !== 'de') throw new CreditError(`downloadStatement: language must be "en" or "de", got ${JSON.stringify(language)}`);
      const type = download.format === 'csv' ? 'text/csv' : 'application/pdf';
      const reply = await transport.send({ method: 'GET', path: `/statements/${period}?lang=${language}`, download: type, signal: download.signal });
      const filename = /filename="([^"]+)"/.exec(reply.headers.get('content-disposition') ?? '')?.[1] ?? `statement-${period}.${download.format}`;
      return { blob: new Blob([reply.bytes ?? new Uint8Array(0)], { type: reply.headers.get('content-type') ?? type }), filename };
    },
    getDepartments: (options) => get('/departments', (r) => validate(departmentsResponse, r, '/departments'), options),
    getTransfers: (options) => get('/transfers', (r) => validate(transfersResponse, r, '/transfers'), options),
    getNotifications(params = {}, options) {
      const path = `/notifications${pageQuery(params, 'getNotifications')}`;
      return get(path, (r) => validate(notificationsResponse, r, path), options);
    },
    getAnomalies(params, options) {
      const from = toDay(params?.from, 'from', 'getAnomalies');
      const to = toDay(params?.to, 'to', 'getAnomalies');
      if (from > to) throw new CreditError(`getAnomalies: from (${from}) is after to (${to})`);
      const path = `/anomalies?${new URLSearchParams({ from, to })}`;
      return get(path, (r) => validate(anomaliesResponse, r, path), options);
    },
    getWebhooks: (options) => get('/webhooks', (r) => validate(webhooksResponse, r, '/webhooks'), options),
    async addWebhook(webhook, options = {}) {
      const body = webhookRequest.safeParse(webhook);
      if (!body.success) throw new CreditError(`addWebhook: ${toIssues(body.error.issues).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
      const headers = { 'idempotency-key': options.idempotencyKey ?? globalThis.crypto.randomUUID() };
      const reply = await transport.send({ method: 'POST', path: '/webhooks', body: body.data, headers, signal: options.signal });
      cache.invalidate(['/webhooks']);
      return validate(webhookCreated, reply, '/webhooks');
    },
    async deleteWebhook(webhookId, options = {}) {
      await transport.send({ method: 'DELETE', path: `/webhooks/${checkWebhookId(webhookId, 'deleteWebhook')}`, signal: options.signal });
      cache.invalidate(['/webhooks']);
    },
    getWebhookDeliveries(webhookId, params = {}, options) {
      const path = `/webhooks/${checkWebhookId(webhookId, 'getWebhookDeliveries')}/deliveries${pageQuery(params, 'getWebhookDeliveries')}`;
      return get(path, (r) => validate(deliveriesResponse, r, path), options);
    },
    getCatalog: (options) =>
      get(
        '/catalog',
        (reply) => {
          try {
            return parseCatalog(reply.json);
          } catch (error) {
            if (!(error instanceof CatalogError)) throw error;
            const info = { requestId: reply.requestId, method: 'GET', path: '/catalog' };
            throw new ContractError('schema', error.message, info, error.issues);
          }
        },
        options,
      ),
    async recordUsage(event, options = {}) {
      const body = usageEventRequest.safeParse(event);
      if (!body.success) throw new CreditError(`recordUsage: ${toIssues(body.error.issues).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
      const idempotencyKey = options.idempotencyKey ?? globalThis.crypto.randomUUID();
      const reply = await transport.send({
        method: 'POST',
        path: '/usage-events',
        body: body.data,
        headers: { 'idempotency-key': idempotencyKey },
        signal: options.signal,
      });
      cache.invalidate(['/balance', '/grants', '/usage?', '/chats?', `/chats/${encodeURIComponent(event.chatId)}`]);
      return validate(usageEventResponse, reply, '/usage-events');
    },
    invalidate: () => cache.invalidate(),
    dispose() {
      settings.connectivity?.removeEventListener('online', onOnline);
      settings.connectivity?.removeEventListener('offline', onOffline);
    },
  };
}

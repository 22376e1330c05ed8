// `creditkit check-host <baseUrl> --token <token> [--chat <id>] [--json]`: runs the host API
// contract against a host's real API with read-only calls and reports every deviation, so a
// platform can check its implementation in CI. Exit 0 when it conforms, 1 on deviations, 2 on
// bad arguments. The token may come from CREDITKIT_HOST_TOKEN instead of the command line.
import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import { CatalogError, parseCatalog, rate, type Catalog, type Usage } from '../../core/index.js';
import { Decimal, toPlain } from '../../core/decimal.js';
import { toIssues } from '../../core/validation.js';
import { anomaliesResponse, balanceResponse, chatResponse, deliveriesResponse, departmentsResponse, grantsResponse, GROUP_BY, notificationsResponse, problem, recentChatsResponse, statementResponse, statementsResponse, tokenResponse, transfersResponse, usageResponse, webhooksResponse, type Anomaly, type Balance } from '../../sdk/contract/index.js';
import { checkToken } from '../../sdk/token.js';
import { parseOptions } from './check.js';

export interface CheckResult {
  name: string;
  ok: boolean;
  /** What deviates from the contract, one line each. */
  deviations: string[];
  /** Not a breach of the contract, but worth fixing. */
  warnings: string[];
}

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const TIMEOUT_SECONDS = 15;

/** The host cannot be reached at all: every further check would fail the same way, so checking stops with this one message. */
export class HostUnreachableError extends Error {
  override name = 'HostUnreachableError';
}

/** What fetch's "fetch failed" means, from the code of its cause (Node's undici). */
const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the host',
};

/** A fetch failure before any answer (no connection, no TLS) as a HostUnreachableError naming its cause; undefined for other errors. */
function unreachable(error: unknown, base: string): HostUnreachableError | undefined {
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return undefined;
  const cause = error.cause as Error & { code?: string; errors?: { code?: string }[] };
  const code = cause.code ?? cause.errors?.find((e) => e.code)?.code;
  return new HostUnreachableError(`${(code && NETWORK_FAILURES[code]) ?? cause.message} at ${base}`, { cause: error });
}

/**
 * Runs every read-only check against `baseUrl` (such as https://app.example.com/api).
 * @throws HostUnreachableError when the host cannot be reached (connection refused, unknown host …).
 */
export async function checkHost(baseUrl: string, token: string, options: { chatId?: string; fetch?: typeof fetch; today?: string } = {}): Promise<CheckResult[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const results: CheckResult[] = [];

  /** A GET (or, for the token check, a POST with `body` and another `bearer`). */
  async function get(path: string, headers: Record<string, string> = {}, auth = true, post?: { body: unknown; bearer?: string }): Promise<Reply> {
    let response: Response;
    try {
      response = await fetchImpl(base + path, {
        ...(post && { method: 'POST', body: JSON.stringify(post.body) }),
        headers: { accept: 'application/json', 'x-request-id': `check-host-${randomUUID()}`, ...(auth && { authorization: `Bearer ${post?.bearer ?? token}` }), ...(post && { 'content-type': 'application/json' }), ...headers },
        signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw new Error(`no answer within ${TIMEOUT_SECONDS} s`);
      throw unreachable(error, base) ?? error;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  async function check(name: string, body: (r: CheckResult) => Promise<void>): Promise<void> {
    const result: CheckResult = { name, ok: true, deviations: [], warnings: [] };
    try {
      await body(result);
    } catch (error) {
      if (error instanceof HostUnreachableError) throw error;
      result.deviations.push(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    result.ok = result.deviations.length === 0;
    results.push(result);
  }

  /** Status and content type as expected, then the body against the schema. */
  function expectJson<T>(r: CheckResult, reply: Reply, status: number, schema: z.ZodMiniType<T> | undefined, problemJson = false): T | undefined {
    if (reply.status !== status) r.deviations.push(`expected status ${status}, got ${reply.status}`);
    const type = reply.headers.get('content-type') ?? '';
    const wanted = problemJson ? /^application\/problem\+json\b/i : JSON_TYPE;
    if (!wanted.test(type)) r.deviations.push(`expected content type ${problemJson ? 'application/problem+json' : 'application/json'}, got ${type ? `"${type}"` : 'none'}${/^\s*</.test(reply.text) ? ' (an HTML page)' : ''}`);
    if (reply.json === undefined) {
      r.deviations.push('the body is not JSON');
      return undefined;
    }
    if (!schema) return reply.json as T;
    const parsed = schema.safeParse(reply.json);
    if (parsed.success) return parsed.data;
    for (const issue of toIssues(parsed.error.issues)) r.deviations.push(`${issue.path || '(body)'}: ${issue.message}`);
    return undefined;
  }

  let balance: Balance | undefined;
  await check('GET /balance', async (r) => {
    const reply = await get('/balance');
    balance = expectJson(r, reply, 200, balanceResponse);
    if (!reply.headers.get('x-request-id')) r.warnings.push('no X-Request-Id in the response (the SDK puts it on every error)');
    if (!balance) return;
    const money = toPlain(new Decimal(balance.credits).times(balance.creditUnit.value));
    if (!new Decimal(money).eq(balance.money.amount)) r.deviations.push(`money.amount ${balance.money.amount} is not credits × creditUnit.value = ${money}`);
    if (balance.money.currency !== balance.creditUnit.currency) r.deviations.push(`money.currency ${balance.money.currency} differs from creditUnit.currency ${balance.creditUnit.currency}`);
    if (balance.paused !== new Decimal(balance.credits).lte(0)) r.warnings.push(`paused is ${balance.paused} with ${balance.credits} credits`);
    const remaining = [balance.credits, ...[balance.limits.daily, balance.limits.monthly].flatMap((a) => (a ? [a.remaining] : []))];
    if (new Decimal(balance.remainingAllowance).gt(Decimal.max(0, Decimal.min(...remaining)))) r.deviations.push(`remainingAllowance ${balance.remainingAllowance} exceeds the balance or a remaining limit`);
    for (const t of balance.lowBalance.thresholds) {
      const expected = new Decimal(balance.lowBalance.referenceCredits).times(t.percent).div(100);
      if (!expected.eq(t.credits)) r.deviations.push(`lowBalance threshold ${t.percent}% is ${t.credits} credits, expected ${toPlain(expected)}`);
    }
    for (const [name, a] of [['daily', balance.limits.daily], ['monthly', balance.limits.monthly], ['department budget', balance.limits.department?.budget]] as const) {
      if (a && !new Decimal(a.limit).minus(a.used).clampedTo(0, Infinity).eq(a.remaining)) r.deviations.push(`${name}: remaining ${a.remaining} is not limit ${a.limit} − used ${a.used}`);
    }
  });

  let catalog: Catalog | undefined;
  await check('GET /catalog', async (r) => {
    const reply = await get('/catalog');
    const json = expectJson<unknown>(r, reply, 200, undefined);
    if (json === undefined) return;
    try {
      catalog = parseCatalog(json);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      for (const issue of error.issues.slice(0, 20)) r.deviations.push(`catalog ${issue.path || '(root)'}: ${issue.message}`);
      return;
    }
    if (balance && (catalog.creditUnit.currency !== balance.creditUnit.currency || !new Decimal(catalog.creditUnit.value).eq(balance.creditUnit.value))) {
      r.deviations.push("the catalog's credit unit differs from the balance's");
    }
    const etag = reply.headers.get('etag');
    if (!etag) return void r.deviations.push('no ETag header');
    const again = await get('/catalog', { 'if-none-match': etag });
    if (again.status !== 304) r.deviations.push(`If-None-Match with the ETag answered ${again.status}, expected 304`);
  });

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  for (const groupBy of GROUP_BY) {
    await check(`GET /usage groupBy=${groupBy}`, async (r) => {
      const report = expectJson(r, await get(`/usage?${new URLSearchParams({ from, to: today, groupBy })}`), 200, usageResponse);
      if (!report) return;
      if (report.from !== from || report.to !== today || report.groupBy !== groupBy) r.deviations.push(`echoes from/to/groupBy as ${report.from}/${report.to}/${report.groupBy}`);
      const sum = report.groups.reduce((a, g) => a.plus(g.credits), new Decimal(0));
      if (!sum.eq(report.total.credits)) r.deviations.push(`groups add up to ${toPlain(sum)} credits, total says ${report.total.credits}`);
      const keys = report.groups.map((g) => g.key);
      if (new Set(keys).size !== keys.length) r.deviations.push('a group key appears twice');
      if (keys.some((k, i) => i > 0 && keys[i - 1]! > k)) r.deviations.push('groups are not in key order');
      if (groupBy === 'day' && keys.some((k) => k < from || k > today)) r.deviations.push('a day group lies outside the period');
      if (groupBy === 'day') r.deviations.push(...anomalyDeviations(report.anomalies ?? [], from, today));
      if (['day', 'user', 'department'].includes(groupBy)) {
        const events = report.groups.reduce((a, g) => a + g.events, 0);
        if (events !== report.total.events) r.deviations.push(`group events add up to ${events}, total says ${report.total.events}`);
      }
    });
  }

  await check('GET /chats (recent)', async (r) => {
    const page = expectJson(r, await get('/chats?limit=5'), 200, recentChatsResponse);
    if (!page) return;
    if (page.chats.length > 5) r.deviations.push(`limit=5 listed ${page.chats.length} chats`);
    const order = page.chats.map((c) => c.lastAt);
    if (order.some((at, i) => i > 0 && order[i - 1]! < at)) r.deviations.push('chats are not latest first');
    if (new Set(page.chats.map((c) => c.chatId)).size !== page.chats.length) r.deviations.push('a chat appears twice');
    for (const c of page.chats) if (c.firstAt > c.lastAt) r.deviations.push(`${c.chatId}: firstAt is after lastAt`);
    const first = page.chats[0];
    if (first) {
      const chat = expectJson(r, await get(`/chats/${encodeURIComponent(first.chatId)}`), 200, chatResponse);
      if (chat && !new Decimal(chat.billedCredits).eq(first.credits)) r.deviations.push(`${first.chatId}: listed with ${first.credits} credits, the chat says billedCredits ${chat.billedCredits}`);
    }
    if (page.next !== null) {
      const next = expectJson(r, await get(`/chats?${new URLSearchParams({ limit: '5', cursor: page.next })}`), 200, recentChatsResponse);
      const seen = new Set(page.chats.map((c) => c.chatId));
      if (next?.chats.some((c) => seen.has(c.chatId))) r.deviations.push('the next page repeats a chat of the first');
      if (next?.chats[0] && first && next.chats[0].lastAt > page.chats.at(-1)!.lastAt) r.deviations.push('the next page starts later than the first ended');
    }
  });

  await check('GET /chats/<no usage yet> (an empty chat)', async (r) => {
    const chatId = `check-host-${randomUUID()}`;
    const chat = expectJson(r, await get(`/chats/${chatId}`), 200, chatResponse);
    if (!chat) return;
    if (chat.chatId !== chatId) r.deviations.push(`echoes chatId as ${chat.chatId}`);
    if (chat.records.length || !new Decimal(chat.billedCredits).isZero() || !new Decimal(chat.charge.credits).isZero()) r.deviations.push('a chat with no usage has records or credits');
  });

  if (options.chatId) {
    await check(`GET /chats/${options.chatId}`, async (r) => {
      const chat = expectJson(r, await get(`/chats/${encodeURIComponent(options.chatId!)}`), 200, chatResponse);
      if (!chat || !catalog) return;
      const expected = rate(catalog, chat.records.map((x) => x.record as Usage));
      if (!new Decimal(expected.credits).eq(chat.charge.credits)) r.deviations.push(`charge.credits ${chat.charge.credits} differs from creditkit's rate of the records: ${expected.credits}`);
      for (const [i, record] of chat.records.entries()) {
        const own = rate(catalog, record.record as Usage).credits;
        if (!new Decimal(own).eq(record.credits)) r.deviations.push(`records[${i}].credits ${record.credits}, rate says ${own}`);
      }
    });
  }

  await checkGrantsAndStatements({ get, check, expectJson, balance: () => balance });
  await checkNotifications({ get, check, expectJson, balance: () => balance }, from, today);
  await checkScopedTokens({ get, check, expectJson, balance: () => balance });

  await check('errors are problem+json', async (r) => {
    const cases: [string, number, () => Promise<Reply>][] = [
      ['GET /balance without a token', 401, () => get('/balance', {}, false)],
      ['GET /<unknown>', 404, () => get(`/check-host-${randomUUID()}`)],
      ['GET /usage?groupBy=nonsense', 400, () => get(`/usage?from=${from}&to=${today}&groupBy=nonsense`)],
    ];
    for (const [what, status, send] of cases) {
      const sub: CheckResult = { name: what, ok: true, deviations: [], warnings: [] };
      expectJson(sub, await send(), status, problem, true);
      r.deviations.push(...sub.deviations.map((d) => `${what}: ${d}`));
    }
  });
  return results;
}

interface Checker {
  get(path: string, headers?: Record<string, string>, auth?: boolean, post?: { body: unknown; bearer?: string }): Promise<Reply>;
  check(name: string, body: (r: CheckResult) => Promise<void>): Promise<void>;
  expectJson<T>(r: CheckResult, reply: Reply, status: number, schema: z.ZodMiniType<T> | undefined, problemJson?: boolean): T | undefined;
  balance(): Balance | undefined;
}

const sumOf = (values: readonly string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0));

/** An endpoint for administrators answered 403 to this token: not a deviation, but not checked either. */
function adminOnly(r: CheckResult, reply: Reply): boolean {
  if (reply.status !== 403) return false;
  r.warnings.push("answered 403: check with an administrator's token to cover it");
  return true;
}

/**
 * Scoped tokens (issue 18): a read token for the caller from POST /tokens reads the balance and is
 * refused a post (403, before the host looks at the body, so nothing is recorded either way).
 */
async function checkScopedTokens({ get, check, expectJson }: Checker): Promise<void> {
  await check('POST /tokens (a read token) and its scope', async (r) => {
    const reply = await get('/tokens', {}, true, { body: { level: 'user', scope: 'read', expiresIn: 60 } });
    if (adminOnly(r, reply)) return;
    const issued = expectJson(r, reply, 201, tokenResponse);
    if (!issued) return;
    if (issued.scope !== 'read') r.deviations.push(`asked for a read token, got scope ${issued.scope}`);
    const withRead = await get('/balance', { authorization: `Bearer ${issued.token}` });
    if (withRead.status !== 200) r.deviations.push(`GET /balance with the read token answered ${withRead.status}`);
    const posted = await get('/usage-events', { authorization: `Bearer ${issued.token}`, 'idempotency-key': `check-host-${randomUUID()}` }, true, { body: {} });
    if (posted.status !== 403) r.deviations.push(`POST /usage-events with a read token answered ${posted.status}, expected 403 (a read token may only read)`);
  });
}

/** Grants, departments, transfers and statements (issue 18): the figures must add up to the balance and to each other. */
async function checkGrantsAndStatements({ get, check, expectJson, balance }: Checker): Promise<void> {
  await check('GET /grants', async (r) => {
    const list = expectJson(r, await get('/grants'), 200, grantsResponse);
    if (!list) return;
    for (const g of list.grants) if (new Decimal(g.remaining).gt(g.credits)) r.deviations.push(`${g.id}: remaining ${g.remaining} exceeds its credits ${g.credits}`);
    const b = balance();
    if (b && !sumOf(list.grants.map((g) => g.remaining)).eq(b.credits)) r.deviations.push(`the grants hold ${toPlain(sumOf(list.grants.map((g) => g.remaining)))}, the balance says ${b.credits}`);
    const pool = list.grants.filter((g) => g.departmentId === null).map((g) => g.expiresAt ?? '~');
    if (pool.some((at, i) => i > 0 && pool[i - 1]! > at)) r.deviations.push('the pool\'s grants are not listed expiring first');
    const next = list.grants.filter((g) => g.expiresAt !== null).map((g) => g.expiresAt!).sort()[0];
    if (b?.expiring !== undefined && (b.expiring?.at ?? undefined) !== next) r.deviations.push(`the balance says credits expire next at ${b.expiring?.at ?? 'never'}, the grants at ${next ?? 'never'}`);
  });

  await check('GET /departments', async (r) => {
    const reply = await get('/departments');
    if (adminOnly(r, reply)) return;
    const list = expectJson(r, reply, 200, departmentsResponse);
    const b = balance();
    if (!list || !b) return;
    const held = sumOf([list.poolCredits, ...list.departments.map((d) => d.credits)]);
    if (!held.eq(b.credits)) r.deviations.push(`the pool and the departments hold ${toPlain(held)}, the balance says ${b.credits}`);
  });

  await check('GET /transfers', async (r) => {
    const reply = await get('/transfers');
    if (adminOnly(r, reply)) return;
    const list = expectJson(r, reply, 200, transfersResponse);
    if (!list) return;
    const order = list.transfers.map((t) => t.at);
    if (order.some((at, i) => i > 0 && order[i - 1]! < at)) r.deviations.push('transfers are not newest first');
    for (const t of list.transfers) if (t.from === t.to) r.deviations.push(`a transfer at ${t.at} has the same side twice`);
  });

  await check('GET /statements and /statements/{period} (JSON, CSV, PDF)', async (r) => {
    const reply = await get('/statements');
    if (adminOnly(r, reply)) return;
    const list = expectJson(r, reply, 200, statementsResponse);
    if (!list || !list.statements.length) return;
    const numbers = list.statements.map((s) => s.number);
    if (numbers.some((n, i) => i > 0 && numbers[i - 1] !== n + 1)) r.deviations.push(`statement numbers are not consecutive, newest first: ${numbers.slice(0, 5).join(', ')}`);
    // The newest two: each adds up, and the older one's closing balance is the newer one's opening.
    const [newer, older] = await Promise.all(list.statements.slice(0, 2).map(async (s) => expectJson(r, await get(`/statements/${s.period}`), 200, statementResponse)));
    for (const s of [newer, older]) {
      if (!s) continue;
      const { opening, granted, used, expired, closing } = s.totals;
      const computed = new Decimal(opening).plus(granted).minus(used).minus(expired);
      if (!computed.eq(closing)) r.deviations.push(`${s.period}: opening + granted − used − expired = ${toPlain(computed)}, closing says ${closing}`);
      for (const [name, lines] of [['department', s.usage.byDepartment], ['service', s.usage.byService], ['user', s.usage.byUser]] as const) {
        if (!sumOf(lines.map((l) => l.credits)).eq(used)) r.deviations.push(`${s.period}: usage by ${name} adds up to ${toPlain(sumOf(lines.map((l) => l.credits)))}, used says ${used}`);
      }
      if (!sumOf(s.grants.map((g) => g.credits)).eq(granted)) r.deviations.push(`${s.period}: the grants add up to ${toPlain(sumOf(s.grants.map((g) => g.credits)))}, granted says ${granted}`);
    }
    if (newer && older && !new Decimal(older.totals.closing).eq(newer.totals.opening)) r.deviations.push(`${newer.period} opens at ${newer.totals.opening}, ${older.period} closed at ${older.totals.closing}`);
    if (!newer) return;
    const csv = await get(`/statements/${newer.period}`, { accept: 'text/csv' });
    if (csv.status !== 200 || !/^text\/csv\b/i.test(csv.headers.get('content-type') ?? '')) r.deviations.push(`Accept: text/csv answered ${csv.status} ${csv.headers.get('content-type') ?? ''}`);
    else {
      const last = csv.text.trimEnd().split(/\r\n/).at(-1)?.split(',').at(-1);
      if (last === undefined || !/^\d/.test(last) || !new Decimal(last).eq(newer.totals.closing)) r.deviations.push(`the CSV's last row says ${last ?? 'nothing'}, the closing balance is ${newer.totals.closing}`);
    }
    const pdf = await get(`/statements/${newer.period}`, { accept: 'application/pdf' });
    if (pdf.status !== 200 || !/^application\/pdf\b/i.test(pdf.headers.get('content-type') ?? '') || !pdf.text.startsWith('%PDF-')) r.deviations.push(`Accept: application/pdf answered ${pdf.status} ${pdf.headers.get('content-type') ?? ''}, not a PDF`);
    const next = new Date(Date.parse(`${newer.period}-01T00:00:00Z`));
    next.setUTCMonth(next.getUTCMonth() + 1);
    const future = await get(`/statements/${next.toISOString().slice(0, 7)}`);
    if (future.status !== 404 || !/^application\/problem\+json\b/i.test(future.headers.get('content-type') ?? '')) r.deviations.push(`a month after the newest statement answered ${future.status}, expected a 404 problem`);
    const malformed = await get('/statements/2026-13');
    if (malformed.status !== 400 || !/^application\/problem\+json\b/i.test(malformed.headers.get('content-type') ?? '')) r.deviations.push(`GET /statements/2026-13 answered ${malformed.status}, expected a 400 problem`);
  });
}

/** What does not hold of anomalies said to lie in `from` … `to`: days in the period, ratio = credits ÷ baseline to one decimal. */
function anomalyDeviations(anomalies: readonly Anomaly[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const a of anomalies) {
    if (a.day < from || a.day > to) out.push(`an anomaly on ${a.day} lies outside the period`);
    if (new Decimal(a.baseline).gt(0) && !new Decimal(a.credits).div(a.baseline).toDecimalPlaces(1).eq(a.ratio)) out.push(`${a.day} ${a.subject.id}: ratio ${a.ratio} is not credits ${a.credits} ÷ baseline ${a.baseline} to one decimal`);
    if (!a.reason.en || !a.reason.de) out.push(`${a.day} ${a.subject.id}: the reason is missing in English or German`);
  }
  return out;
}

/** The notification feed, anomalies and webhooks (issue 18): paging that neither repeats nor skips, figures that agree. */
async function checkNotifications({ get, check, expectJson }: Checker, from: string, today: string): Promise<void> {
  await check('GET /notifications (paged)', async (r) => {
    const reply = await get('/notifications?limit=5');
    if (adminOnly(r, reply)) return;
    const page = expectJson(r, reply, 200, notificationsResponse);
    if (!page) return;
    if (page.notifications.length > 5) r.deviations.push(`limit=5 listed ${page.notifications.length} notifications`);
    const ids = page.notifications.map((n) => n.id);
    if (new Set(ids).size !== ids.length) r.deviations.push('an event id appears twice');
    const order = page.notifications.map((n) => n.at);
    if (order.some((at, i) => i > 0 && order[i - 1]! < at)) r.warnings.push('notifications are not newest first by their time');
    if (page.next !== null) {
      const next = expectJson(r, await get(`/notifications?${new URLSearchParams({ limit: '5', cursor: page.next })}`), 200, notificationsResponse);
      if (next?.notifications.some((n) => ids.includes(n.id))) r.deviations.push('the next page repeats an event of the first');
    }
    const again = expectJson(r, await get('/notifications?limit=5'), 200, notificationsResponse);
    if (again && page.notifications[0] && !again.notifications.some((n) => n.id === page.notifications[0]!.id)) r.warnings.push('a second read does not show the newest event under the same id (receivers de-duplicate on it)');
  });

  await check('GET /anomalies', async (r) => {
    const list = expectJson(r, await get(`/anomalies?${new URLSearchParams({ from, to: today })}`), 200, anomaliesResponse);
    if (!list) return;
    if (list.from !== from || list.to !== today) r.deviations.push(`echoes from/to as ${list.from}/${list.to}`);
    r.deviations.push(...anomalyDeviations(list.anomalies, from, today));
    const reversed = await get(`/anomalies?${new URLSearchParams({ from: today, to: from })}`);
    if (reversed.status !== 400) r.deviations.push(`from after to answered ${reversed.status}, expected a 400 problem`);
  });

  await check('GET /webhooks and /webhooks/{id}/deliveries', async (r) => {
    const reply = await get('/webhooks');
    if (adminOnly(r, reply)) return;
    const list = expectJson(r, reply, 200, webhooksResponse);
    if (!list) return;
    for (const w of list.webhooks) {
      if ('secret' in w) r.deviations.push(`${w.id}: the list shows the signing secret (only the answer to POST /webhooks may)`);
      if (!/^https?:\/\//.test(w.url)) r.deviations.push(`${w.id}: ${w.url} is not http(s)`);
    }
    const first = list.webhooks[0];
    if (first) {
      const log = expectJson(r, await get(`/webhooks/${encodeURIComponent(first.id)}/deliveries?limit=5`), 200, deliveriesResponse);
      if (log && log.attempts.some((a, i) => i > 0 && log.attempts[i - 1]!.at < a.at)) r.deviations.push(`${first.id}: delivery attempts are not newest first`);
    }
    const unknown = await get(`/webhooks/check-host-${randomUUID()}/deliveries`);
    if (unknown.status !== 404 || !/^application\/problem\+json\b/i.test(unknown.headers.get('content-type') ?? '')) r.deviations.push(`an unknown webhook's deliveries answered ${unknown.status}, expected a 404 problem`);
  });
}

const USAGE = [
  'usage: creditkit check-host <baseUrl> [--token <token>] [--chat <chatId>] [--json]',
  '  <baseUrl>      the API base, such as https://app.example.com/api',
  '  --token        a short-lived user token (or set CREDITKIT_HOST_TOKEN); never a secret key',
  '  --chat         also check one chat\'s charge against creditkit\'s rate',
  '  --json         print the results as JSON',
].join('\n');

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, { token: { type: 'string' }, chat: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (!parsed) return args.includes('--help') || args.includes('-h') ? 0 : 2;
  const [baseUrl] = parsed.positionals;
  const token = (parsed.values.token as string | undefined) ?? process.env.CREDITKIT_HOST_TOKEN;
  if (parsed.positionals.length !== 1 || !baseUrl || !/^https?:\/\//.test(baseUrl) || !token) {
    console.error(`${!token ? 'check-host: a token is required (--token or CREDITKIT_HOST_TOKEN)\n' : ''}${USAGE}`);
    return 2;
  }
  try {
    checkToken(token);
  } catch (error) {
    console.error(`check-host: ${(error as Error).message}`);
    return 2;
  }
  let results: CheckResult[];
  try {
    results = await checkHost(baseUrl, token, { chatId: parsed.values.chat as string | undefined });
  } catch (error) {
    if (!(error instanceof HostUnreachableError)) throw error;
    if (parsed.values.json) console.log(JSON.stringify({ baseUrl, ok: false, error: error.message, results: [] }, null, 2));
    else console.error(`check-host: ${error.message}`);
    return 1;
  }
  const failed = results.filter((r) => !r.ok).length;
  if (parsed.values.json) {
    console.log(JSON.stringify({ baseUrl, ok: failed === 0, results }, null, 2));
  } else {
    for (const r of results) {
      console.log(`${r.ok ? '✓' : '✗'} ${r.name}`);
      for (const d of r.deviations) console.log(`    ✗ ${d}`);
      for (const w of r.warnings) console.log(`    ! ${w}`);
    }
    console.log(failed ? `\n${failed} of ${results.length} checks found deviations from the creditkit host API contract` : `\nall ${results.length} checks pass`);
  }
  return failed ? 1 : 0;
}

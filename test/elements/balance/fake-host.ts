// A fake host API for element tests: a `fetch` that answers the creditkit host contract from
// memory, pricing usage events with core's `rate` and checking every answer against the
// contract's zod schemas (so a test cannot pass on a response the SDK would reject).
import * as z from 'zod/mini';
import { parseCatalog, rate, sumDecimals, type Catalog, type Usage } from '../../../src/core/index.js';
import { Decimal, toPlain } from '../../../src/core/decimal.js';
import { createClient, type CreditClient } from '../../../src/sdk/client.js';
import type { ClientOptions } from '../../../src/sdk/options.js';
import { balanceResponse, chatResponse, recentChatsResponse, usageEventResponse, usageResponse, type Balance, type GroupBy } from '../../../src/sdk/contract/index.js';

export interface FakeEvent {
  eventId?: string;
  chatId: string;
  /** ISO instant. */
  at: string;
  user?: { id: string; name: string };
  department?: { id: string; name: string };
  records: Usage[];
}

export interface FakeHostOptions {
  catalogJson: unknown;
  /** Credits loaded so far (the balance is top-ups minus charges). @default "10000" */
  topUps?: string;
  /** The balance the low-balance percentages refer to. @default topUps */
  referenceCredits?: string;
  events?: FakeEvent[];
  /** The host's clock. @default 2026-11-23T12:00:00.000Z */
  now?: string;
  /** Overrides merged into the balance answer (limits, auto-recharge). */
  balance?: Partial<Balance>;
}

export type Failure = { status: number } | 'network' | 'html' | 'hang';

export class FakeHost {
  readonly catalog: Catalog;
  readonly events: FakeEvent[];
  topUps: string;
  referenceCredits: string;
  now: string;
  balanceOverrides: Partial<Balance>;
  /** Makes every following request fail this way, until set back to undefined. */
  failure: Failure | undefined;
  /** Request paths (with query) in the order they came. */
  readonly calls: string[] = [];

  constructor(private readonly options: FakeHostOptions) {
    this.catalog = parseCatalog(options.catalogJson);
    this.events = (options.events ?? []).map((e, i) => ({ eventId: `ev-${i + 1}`, ...e }));
    this.topUps = options.topUps ?? '10000';
    this.referenceCredits = options.referenceCredits ?? this.topUps;
    this.now = options.now ?? '2026-11-23T12:00:00.000Z';
    this.balanceOverrides = options.balance ?? {};
  }

  /** Sets the balance to exactly `credits` by adjusting the top-ups. */
  setBalance(credits: string): void {
    this.topUps = toPlain(new Decimal(credits).plus(this.charged()));
  }

  charged(): string {
    return sumDecimals(this.events.map((e) => this.chargeOf(e).credits));
  }

  chargeOf(event: FakeEvent) {
    return rate(this.catalog, event.records);
  }

  balance(): Balance {
    const credits = new Decimal(this.topUps).minus(this.charged());
    const reference = new Decimal(this.referenceCredits);
    const body: Balance = {
      credits: toPlain(credits),
      money: { amount: toPlain(credits.times(this.catalog.creditUnit.value)), currency: this.catalog.creditUnit.currency },
      creditUnit: { currency: this.catalog.creditUnit.currency, value: this.catalog.creditUnit.value },
      asOf: this.now,
      paused: credits.lte(0),
      lowBalance: {
        referenceCredits: toPlain(reference),
        thresholds: ['20', '10'].map((percent) => {
          const at = reference.times(percent).div(100);
          return { percent, credits: toPlain(at), reached: credits.lte(at) };
        }),
      },
      autoRecharge: { enabled: false, thresholdCredits: '0', rechargeCredits: '0', monthlyLimitCredits: null, rechargedThisMonthCredits: '0' },
      limits: { daily: null, monthly: null, department: null },
      remainingAllowance: toPlain(Decimal.max(credits, 0)),
      ...this.balanceOverrides,
    };
    return z.parse(balanceResponse, body);
  }

  usage(from: string, to: string, groupBy: GroupBy) {
    const groups = new Map<string, { key: string; label: string; credits: string[]; events: number }>();
    const add = (key: string, label: string, credits: string) => {
      const g = groups.get(key) ?? { key, label, credits: [], events: 0 };
      g.credits.push(credits);
      g.events++;
      groups.set(key, g);
    };
    let events = 0;
    const all: string[] = [];
    for (const e of this.events) {
      const day = e.at.slice(0, 10);
      if (day < from || day > to) continue;
      events++;
      const charge = this.chargeOf(e);
      all.push(charge.credits);
      if (groupBy === 'day') add(day, day, charge.credits);
      else if (groupBy === 'user') add(e.user?.id ?? 'me', e.user?.name ?? 'Me', charge.credits);
      else if (groupBy === 'department') add(e.department?.id ?? 'none', e.department?.name ?? 'No department', charge.credits);
      else {
        // One event may touch several services or billing types: split it by its charge lines.
        const parts = new Map<string, { label: string; credits: string[] }>();
        for (const line of charge.lines) {
          const service = this.catalog.services.find((s) => s.id === line.service)!;
          const key = groupBy === 'service' ? line.service : line.billingType;
          const label =
            groupBy === 'service' ? `${service.brand} ${service.model}` : (this.catalog.billingTypes?.find((b) => b.id === key)?.name ?? key);
          const p = parts.get(key) ?? { label, credits: [] };
          p.credits.push(line.credits);
          parts.set(key, p);
        }
        for (const [key, p] of parts) add(key, p.label, sumDecimals(p.credits));
      }
    }
    const body = {
      from,
      to,
      groupBy,
      scope: 'organisation' as const,
      groups: [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((g) => ({ key: g.key, label: g.label, credits: sumDecimals(g.credits), events: g.events })),
      total: { credits: sumDecimals(all), events },
    };
    return z.parse(usageResponse, body);
  }

  chat(chatId: string) {
    const events = this.events.filter((e) => e.chatId === chatId);
    if (!events.length) return undefined;
    const records = events.flatMap((e) => e.records.map((record) => ({ eventId: e.eventId!, at: e.at, record, credits: rate(this.catalog, record).credits })));
    const charge = rate(this.catalog, events.flatMap((e) => e.records));
    return z.parse(chatResponse, { chatId, records, charge, billedCredits: sumDecimals(events.map((e) => this.chargeOf(e).credits)) });
  }

  record(body: { chatId: string; at?: string; records: Usage[] }) {
    const event: FakeEvent = { eventId: `ev-${this.events.length + 1}`, chatId: body.chatId, at: body.at ?? this.now, records: body.records };
    this.events.push(event);
    const balance = this.balance();
    return z.parse(usageEventResponse, { eventId: event.eventId, chatId: event.chatId, at: event.at, charge: this.chargeOf(event), balance: { credits: balance.credits, paused: balance.paused } });
  }

  /** GET /chats: the latest chats first, each with its events and billed credits. */
  recentChats(limit: number) {
    const byChat = new Map<string, FakeEvent[]>();
    for (const e of this.events) byChat.set(e.chatId, [...(byChat.get(e.chatId) ?? []), e]);
    const chats = [...byChat.entries()]
      .map(([chatId, events]) => ({
        chatId,
        user: events[0]!.user ?? { id: 'u-demo', name: 'Demo user' },
        firstAt: events.map((e) => e.at).sort()[0]!,
        lastAt: events.map((e) => e.at).sort().at(-1)!,
        events: events.length,
        credits: sumDecimals(events.map((e) => this.chargeOf(e).credits)),
      }))
      .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : a.chatId < b.chatId ? -1 : 1));
    return z.parse(recentChatsResponse, { scope: 'organisation', chats: chats.slice(0, limit), next: null });
  }

  /** The fetch to hand to `createClient`; the base URL is whatever comes before the endpoint path. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const path = url.pathname.replace(/^.*?(?=\/(?:balance|usage|usage-events|chats|chats\/[^/]+|catalog)$)/, '');
    this.calls.push(path + url.search);
    const failure = this.failure;
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 'hang') return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    if (failure === 'html') return new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (failure) return problem(failure.status, 'Host failure');
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/balance') return json(200, this.balance());
    if (path === '/usage') {
      const q = url.searchParams;
      return json(200, this.usage(q.get('from')!, q.get('to')!, q.get('groupBy') as GroupBy));
    }
    if (path === '/catalog') return json(200, this.options.catalogJson);
    if (path === '/chats') return json(200, this.recentChats(Number(url.searchParams.get('limit') ?? 20)));
    const chat = /^\/chats\/([^/]+)$/.exec(path);
    if (chat) {
      const body = this.chat(decodeURIComponent(chat[1]!));
      return body ? json(200, body) : problem(404, 'No such chat');
    }
    if (path === '/usage-events' && init?.method === 'POST') return json(201, this.record(JSON.parse(String(init.body))));
    return problem(404, 'Not found');
  };
}

function problem(status: number, title: string): Response {
  return new Response(JSON.stringify({ title, status }), { status, headers: { 'content-type': 'application/problem+json' } });
}

/** An SDK client on the fake host: no retries, no waiting, no cache surprises across tests. */
export function clientFor(host: FakeHost, options: Partial<ClientOptions> = {}): CreditClient {
  return createClient({
    baseUrl: '/api',
    getToken: () => 'demo-token-for-tests',
    fetch: host.fetch as typeof fetch,
    maxRetries: 0,
    sleep: () => Promise.resolve(),
    cacheTtl: 0,
    staleTtl: 0,
    ...options,
  });
}

/** The visible text of an element's shadow root, whitespace collapsed; fails on NaN, Infinity or "undefined". */
export function shownText(element: Element): string {
  const text = (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (/NaN|Infinity|undefined|\[object /.test(text)) throw new Error(`shows a broken number or value: ${text}`);
  return text;
}

// The reference host's domain: a ledger of top-ups and charges per organisation, usage events
// rated with creditkit's own `rate`, limits, budgets, the 0-credit pause, low-balance
// notifications and auto-recharge. Everything that changes money runs in one transaction.
import { randomUUID } from 'node:crypto';
import { rate, tryFindService, type Catalog, type Charge, type Usage } from '../core/index.js';
import { Decimal, toPlain } from '../core/decimal.js';
import { CreditError, UsageError, UnknownServiceError, AmbiguousServiceError, NotOfferedError } from '../core/errors.js';
import type { Balance, ChatUsage, RecentChats, UsageEventReceipt, UsageEventRequest, UsageQuery, UsageReport } from '../sdk/contract/index.js';
import type { Db } from './db.js';
import { HostError } from './problems.js';
import { addDays, dayOf, daysInMonth, monthOf, nextDay, nextMonth } from './periods.js';

export interface Principal {
  userId: string;
  orgId: string;
  role: 'admin' | 'member';
}

export interface LoadedCatalog {
  catalog: Catalog;
  /** The file's bytes, served as they are, and their ETag. */
  text: string;
  etag: string;
}

interface OrgRow {
  id: string;
  name: string;
  catalog: string;
  low_balance_percents: string;
  auto_recharge_enabled: number;
  auto_recharge_threshold: string;
  auto_recharge_credits: string;
  auto_recharge_monthly_limit: string | null;
}
interface UserRow {
  id: string;
  org_id: string;
  department_id: string | null;
  name: string;
  role: 'admin' | 'member';
  daily_limit: string | null;
  monthly_limit: string | null;
}
interface DepartmentRow {
  id: string;
  name: string;
  monthly_budget: string | null;
  overdraft_protection: number;
}
interface EventRow {
  id: string;
  user_id: string;
  department_id: string | null;
  chat_id: string;
  at: string;
  day: string;
  records: string;
  credits: string;
  body: string;
  response: string;
}

const D = (s: string) => new Decimal(s);
const plain = (d: Decimal) => toPlain(d);
const nonNegative = (d: Decimal) => plain(Decimal.max(d, 0));

/** An event's credits by service: its charge lines, with any rounding difference put on the largest. */
function creditsByService(catalog: Catalog, charge: Charge): Map<string, { billingType: string; credits: Decimal }> {
  const out = new Map<string, { billingType: string; credits: Decimal }>();
  for (const line of charge.lines) {
    const entry = out.get(line.service) ?? { billingType: line.billingType, credits: new Decimal(0) };
    entry.credits = entry.credits.plus(line.credits);
    out.set(line.service, entry);
  }
  const sum = [...out.values()].reduce((a, e) => a.plus(e.credits), new Decimal(0));
  const diff = D(charge.credits).minus(sum);
  if (!diff.isZero()) {
    const largest = [...out.values()].sort((a, b) => b.credits.cmp(a.credits))[0];
    if (largest) largest.credits = largest.credits.plus(diff);
    else out.set('(minimum charge)', { billingType: catalog.billingTypes[0]?.id ?? 'other', credits: diff });
  }
  return out;
}

export class Store {
  private readonly q;
  /** Organisations, users and departments change rarely: read once, until forgetConfig(). */
  private readonly config = new Map<string, OrgRow | UserRow | DepartmentRow | undefined>();

  constructor(
    readonly db: Db,
    private readonly catalogs: ReadonlyMap<string, LoadedCatalog>,
    readonly now: () => number,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      org: p('SELECT * FROM orgs WHERE id = ?'),
      user: p('SELECT * FROM users WHERE id = ?'),
      usersOf: p('SELECT id, name FROM users WHERE org_id = ?'),
      department: p('SELECT * FROM departments WHERE id = ?'),
      departmentsOf: p('SELECT id, name FROM departments WHERE org_id = ?'),
      balance: p('SELECT balance_after AS credits, reference_after AS reference FROM ledger WHERE org_id = ? ORDER BY seq DESC LIMIT 1'),
      ledgerInsert: p('INSERT INTO ledger (org_id, kind, credits, at, event_id, balance_after, reference_after) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      ledgerAll: p('SELECT kind, credits FROM ledger WHERE org_id = ? ORDER BY seq'),
      spend: p('SELECT credits FROM spend WHERE org_id = ? AND scope = ? AND period = ?').pluck(),
      setSpend: p('INSERT INTO spend (org_id, scope, period, credits) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, scope, period) DO UPDATE SET credits = excluded.credits'),
      // Up to four counters (user day, user month, department month, recharges) in one read;
      // an event moves three of them in one write.
      spend4: p('SELECT scope, period, credits FROM spend WHERE org_id = ? AND (scope, period) IN (VALUES (?, ?), (?, ?), (?, ?), (?, ?))'),
      setSpend3: p('INSERT INTO spend (org_id, scope, period, credits) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?) ON CONFLICT (org_id, scope, period) DO UPDATE SET credits = excluded.credits'),
      eventByKey: p('SELECT * FROM events WHERE org_id = ? AND idempotency_key = ?'),
      eventInsert: p('INSERT INTO events (id, org_id, user_id, department_id, chat_id, idempotency_key, body, at, day, records, credits, response, services) VALUES (@id, @org, @user, @department, @chat, @key, @body, @at, @day, @records, @credits, @response, @services)'),
      eventsInRange: p('SELECT id, user_id, department_id, day, credits FROM events WHERE org_id = ? AND day BETWEEN ? AND ?'),
      eventsOfUserInRange: p('SELECT id, user_id, department_id, day, credits FROM events WHERE org_id = ? AND user_id = ? AND day BETWEEN ? AND ?'),
      servicesInRange: p('SELECT id, services FROM events WHERE org_id = ? AND day BETWEEN ? AND ? AND (? IS NULL OR user_id = ?)'),
      chatEvents: p('SELECT * FROM events WHERE org_id = ? AND chat_id = ? ORDER BY at, rowid'),
      // Keyset pagination on (last activity, chat id), latest first; the user filter for members.
      recentChats: p(`SELECT chat_id, max(at) AS last_at FROM events WHERE org_id = @org AND (@user IS NULL OR user_id = @user)
        GROUP BY chat_id HAVING @before IS NULL OR max(at) < @before OR (max(at) = @before AND chat_id < @beforeChat)
        ORDER BY last_at DESC, chat_id DESC LIMIT @limit`),
      chatTotals: p('SELECT chat_id, user_id, at, credits FROM events WHERE org_id = ? AND chat_id IN (SELECT value FROM json_each(?)) AND (? IS NULL OR user_id = ?) ORDER BY at, rowid'),
      notify: p('INSERT INTO notifications (org_id, kind, at, balance, detail) VALUES (?, ?, ?, ?, ?)'),
      notifications: p('SELECT kind, at, balance, detail FROM notifications WHERE org_id = ? ORDER BY seq'),
    };
  }

  catalogOf(orgId: string): LoadedCatalog {
    const org = this.org(orgId);
    const loaded = this.catalogs.get(org.catalog);
    if (!loaded) throw new HostError(500, 'catalog-missing', 'The organisation has no catalog', org.catalog);
    return loaded;
  }

  /** Drops the cached organisations, users and departments (after changing them in the database). */
  forgetConfig(): void {
    this.config.clear();
  }

  private cached<T extends OrgRow | UserRow | DepartmentRow>(key: string, read: () => unknown): T | undefined {
    if (!this.config.has(key)) this.config.set(key, read() as T | undefined);
    return this.config.get(key) as T | undefined;
  }

  private readonly percents = new Map<string, string[]>();

  /** The organisation's low-balance percentages ("20", "10", "0"), parsed once. */
  private percentsOf(org: OrgRow): string[] {
    let list = this.percents.get(org.low_balance_percents);
    if (!list) this.percents.set(org.low_balance_percents, (list = JSON.parse(org.low_balance_percents) as string[]));
    return list;
  }

  private readonly thresholdCache = new Map<string, { percent: string; credits: string; at: Decimal }[]>();

  /** The low-balance thresholds for a reference balance: they change only with a top-up, so they are computed once. */
  private thresholdsOf(org: OrgRow, reference: string): { percent: string; credits: string; at: Decimal }[] {
    const key = `${org.low_balance_percents}|${reference}`;
    let list = this.thresholdCache.get(key);
    if (!list) {
      if (this.thresholdCache.size >= 1000) this.thresholdCache.clear();
      list = this.percentsOf(org).map((percent) => {
        const at = D(reference).times(percent).div(100);
        return { percent, credits: plain(at), at };
      });
      this.thresholdCache.set(key, list);
    }
    return list;
  }

  private department(id: string | null): DepartmentRow | undefined {
    return id === null ? undefined : this.cached<DepartmentRow>(`dept:${id}`, () => this.q.department.get(id));
  }

  private org(orgId: string): OrgRow {
    const org = this.cached<OrgRow>(`org:${orgId}`, () => this.q.org.get(orgId));
    if (!org) throw new HostError(403, 'unknown-organisation', 'Unknown organisation');
    return org;
  }

  user(userId: string): UserRow | undefined {
    return this.cached<UserRow>(`user:${userId}`, () => this.q.user.get(userId));
  }

  private balanceRow(orgId: string): { credits: string; reference: string } {
    return (this.q.balance.get(orgId) as { credits: string; reference: string } | undefined) ?? { credits: '0', reference: '0' };
  }

  private spent(orgId: string, scope: string, period: string): Decimal {
    return D((this.q.spend.get(orgId, scope, period) as string | undefined) ?? '0');
  }

  /** Several spend counters in one query, in the order asked. */
  private spentMany(orgId: string, pairs: readonly (readonly [scope: string, period: string])[]): Decimal[] {
    const slots = [...pairs, ...Array<readonly [string, string]>(4 - pairs.length).fill(pairs[pairs.length - 1]!)];
    const rows = this.q.spend4.all(orgId, ...slots.flat()) as { scope: string; period: string; credits: string }[];
    return pairs.map(([scope, period]) => D(rows.find((r) => r.scope === scope && r.period === period)?.credits ?? '0'));
  }

  private addSpend(orgId: string, scope: string, period: string, credits: Decimal): void {
    this.q.setSpend.run(orgId, scope, period, plain(this.spent(orgId, scope, period).plus(credits)));
  }

  /** Appends a ledger row and moves the running balance with it. */
  private post(orgId: string, kind: 'topup' | 'auto-recharge' | 'charge', credits: Decimal, at: string, eventId: string | null, row = this.balanceRow(orgId)): Decimal {
    const { credits: before, reference } = row;
    const after = kind === 'charge' ? D(before).minus(credits) : D(before).plus(credits);
    // A top-up starts a new low-balance cycle: percentages refer to the balance after it.
    this.q.ledgerInsert.run(orgId, kind, plain(credits), at, eventId, plain(after), kind === 'charge' ? reference : plain(after));
    return after;
  }

  /** Loads credits (a purchase). */
  topUp(orgId: string, credits: string, atMs = this.now()): string {
    if (!/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(credits) || D(credits).isZero()) throw new HostError(422, 'invalid-amount', 'A top-up needs a positive decimal string of credits');
    this.org(orgId);
    return this.db.transaction(() => plain(this.post(orgId, 'topup', D(credits), new Date(atMs).toISOString(), null)))();
  }

  /** The balance recomputed from the ledger (top-ups minus charges) next to the running one. */
  audit(orgId: string): { fromLedger: string; running: string } {
    let total = new Decimal(0);
    for (const row of this.q.ledgerAll.all(orgId) as { kind: string; credits: string }[]) {
      total = row.kind === 'charge' ? total.minus(row.credits) : total.plus(row.credits);
    }
    return { fromLedger: plain(total), running: plain(D(this.balanceRow(orgId).credits)) };
  }

  notifications(orgId: string): { kind: string; at: string; balance: string; detail: string | null }[] {
    return this.q.notifications.all(orgId) as { kind: string; at: string; balance: string; detail: string | null }[];
  }

  balance(who: Principal): Balance {
    const nowMs = this.now();
    const org = this.org(who.orgId);
    const { catalog } = this.catalogOf(who.orgId);
    const user = this.user(who.userId);
    const { credits, reference } = this.balanceRow(who.orgId);
    const balance = D(credits);
    const today = dayOf(new Date(nowMs).toISOString());
    const month = monthOf(today);
    const allowance = (limit: string | null, used: Decimal, resetsAt: string) =>
      limit === null ? null : { limit, used: plain(used), remaining: nonNegative(D(limit).minus(used)), resetsAt };
    const dept = this.department(user?.department_id ?? null);
    const [userDay, userMonth, recharged, deptMonth] = this.spentMany(who.orgId, [
      [`user:${who.userId}`, today],
      [`user:${who.userId}`, month],
      ['recharge', month],
      ...(dept ? [[`dept:${dept.id}`, month] as const] : []),
    ]);
    const daily = allowance(user?.daily_limit ?? null, userDay!, nextDay(nowMs));
    const monthly = allowance(user?.monthly_limit ?? null, userMonth!, nextMonth(nowMs));
    const budget = dept ? allowance(dept.monthly_budget, deptMonth!, nextMonth(nowMs)) : null;
    const remaining = [balance, ...[daily, monthly].filter((a) => a !== null).map((a) => D(a!.remaining))];
    if (budget && dept?.overdraft_protection) remaining.push(D(budget.remaining));
    return {
      credits: plain(balance),
      money: { amount: plain(balance.times(catalog.creditUnit.value)), currency: catalog.creditUnit.currency },
      creditUnit: { currency: catalog.creditUnit.currency, value: catalog.creditUnit.value },
      asOf: new Date(nowMs).toISOString(),
      paused: balance.lte(0),
      lowBalance: {
        referenceCredits: nonNegative(D(reference)),
        thresholds: this.thresholdsOf(org, reference).map(({ percent, credits, at }) => ({ percent, credits, reached: balance.lte(at) })),
      },
      autoRecharge: {
        enabled: org.auto_recharge_enabled === 1,
        thresholdCredits: org.auto_recharge_threshold,
        rechargeCredits: org.auto_recharge_credits,
        monthlyLimitCredits: org.auto_recharge_monthly_limit,
        rechargedThisMonthCredits: plain(recharged!),
      },
      limits: {
        daily,
        monthly,
        department: dept && budget ? { id: dept.id, name: dept.name, budget, overdraftProtection: dept.overdraft_protection === 1 } : null,
      },
      remainingAllowance: nonNegative(Decimal.min(...remaining)),
    };
  }

  /**
   * Records and charges one usage event, exactly once per idempotency key, and returns the
   * receipt as JSON text (a replay returns the stored text). Call inside a transaction (the
   * batcher does); throws a HostError when the event is refused.
   */
  recordEvent(who: Principal, idempotencyKey: string, body: UsageEventRequest, canonical = canonicalBody(body), nowMs = this.now(), eventId = `ev_${randomUUID()}`): { receipt: string; replayed: boolean } {
    const existing = this.q.eventByKey.get(who.orgId, idempotencyKey) as EventRow | undefined;
    if (existing) {
      if (existing.body !== canonical || existing.user_id !== who.userId) {
        throw new HostError(422, 'idempotency-key-reused', 'The Idempotency-Key was already used for a different request');
      }
      return { receipt: existing.response, replayed: true };
    }
    const { catalog } = this.catalogOf(who.orgId);
    let charge: Charge;
    try {
      charge = rate(catalog, body.records as Usage[]);
    } catch (error) {
      if (error instanceof UsageError) throw new HostError(422, 'invalid-usage', 'The usage cannot be rated', error.message, error.issues);
      if (error instanceof UnknownServiceError || error instanceof AmbiguousServiceError || error instanceof NotOfferedError || error instanceof CreditError) {
        throw new HostError(422, 'invalid-usage', 'The usage cannot be rated', error.message);
      }
      throw error;
    }
    const cost = D(charge.credits);
    const nowIso = new Date(nowMs).toISOString();
    const today = dayOf(nowIso);
    const month = monthOf(nowIso);
    const balanceRow = this.balanceRow(who.orgId);
    const balance = D(balanceRow.credits);
    if (balance.lte(0)) throw new HostError(402, 'credits-exhausted', 'No credits left: AI is paused until credits are loaded', `balance ${plain(balance)} credits`);
    if (cost.gt(balance)) throw new HostError(402, 'insufficient-credits', 'Not enough credits for this usage', `needs ${charge.credits}, balance ${plain(balance)}`);
    const user = this.user(who.userId);
    if (!user) throw new HostError(403, 'unknown-user', 'Unknown user');
    const dept = this.department(user.department_id);
    // Each spend counter is read once: checked against its limit, then moved by the cost.
    const counters = [
      { scope: `user:${user.id}`, period: today, max: user.daily_limit, slug: 'daily-limit-reached', title: "The user's daily credit limit is reached" },
      { scope: `user:${user.id}`, period: month, max: user.monthly_limit, slug: 'monthly-limit-reached', title: "The user's monthly credit limit is reached" },
      ...(dept ? [{ scope: `dept:${dept.id}`, period: month, max: dept.overdraft_protection ? dept.monthly_budget : null, slug: 'department-budget-exhausted', title: `The ${dept.name} department's budget is used up` }] : []),
    ];
    const used = this.spentMany(who.orgId, counters.map((c) => [c.scope, c.period] as const));
    counters.forEach((c, i) => {
      if (c.max !== null && used[i]!.plus(cost).gt(c.max)) throw new HostError(403, c.slug, c.title, `used ${plain(used[i]!)} of ${c.max} credits; this usage needs ${charge.credits}`);
    });

    const at = body.at ?? nowIso;
    const after = this.post(who.orgId, 'charge', cost, nowIso, eventId, balanceRow);
    const moved = counters.map((c, i) => [c.scope, c.period, plain(used[i]!.plus(cost))]);
    this.q.setSpend3.run(...[...moved, moved[moved.length - 1]!].slice(0, 3).flatMap((m) => [who.orgId, ...m]));
    this.notifyCrossings(who.orgId, balanceRow.reference, balance, after, nowIso);
    const final = this.autoRecharge(who.orgId, after, nowIso, month);
    const receipt: UsageEventReceipt = { eventId, chatId: body.chatId, at, charge, balance: { credits: plain(final), paused: final.lte(0) } };
    const text = JSON.stringify(receipt);
    this.q.eventInsert.run({
      id: eventId,
      org: who.orgId,
      user: user.id,
      department: dept?.id ?? null,
      chat: body.chatId,
      key: idempotencyKey,
      body: canonical,
      at,
      day: dayOf(at),
      records: JSON.stringify(body.records),
      credits: charge.credits,
      response: text,
      services: JSON.stringify([...creditsByService(catalog, charge)].map(([service, { billingType, credits }]) => [service, billingType, plain(credits)])),
    });
    return { receipt: text, replayed: false };
  }

  /** Records the 20 % / 10 % / 0 % notifications the balance just crossed. */
  private notifyCrossings(orgId: string, reference: string, before: Decimal, after: Decimal, at: string): void {
    const org = this.org(orgId);
    for (const { percent, at: threshold } of this.thresholdsOf(org, reference)) {
      if (before.gt(threshold) && after.lte(threshold)) {
        this.q.notify.run(orgId, D(percent).isZero() ? 'depleted' : `low-${percent}`, at, plain(after), `${percent}% of ${reference} credits remaining`);
      }
    }
  }

  /** Loads credits when the balance fell below the threshold, within the monthly limit. */
  private autoRecharge(orgId: string, balance: Decimal, at: string, month: string): Decimal {
    const org = this.org(orgId);
    if (!org.auto_recharge_enabled || !balance.lt(org.auto_recharge_threshold)) return balance;
    const loaded = this.spent(orgId, 'recharge', month);
    const amount = D(org.auto_recharge_credits);
    if (org.auto_recharge_monthly_limit !== null && loaded.plus(amount).gt(org.auto_recharge_monthly_limit)) {
      this.q.notify.run(orgId, 'recharge-limit', at, plain(balance), `monthly auto-recharge limit of ${org.auto_recharge_monthly_limit} credits reached`);
      return balance;
    }
    const after = this.post(orgId, 'auto-recharge', amount, at, null);
    this.addSpend(orgId, 'recharge', month, amount);
    this.q.notify.run(orgId, 'recharge', at, plain(after), `auto-recharge of ${org.auto_recharge_credits} credits`);
    return after;
  }

  usage(who: Principal, query: UsageQuery): UsageReport {
    const org = this.org(who.orgId);
    const { catalog } = this.catalogOf(who.orgId);
    const own = who.role !== 'admin';
    const events = (own ? this.q.eventsOfUserInRange.all(who.orgId, who.userId, query.from, query.to) : this.q.eventsInRange.all(who.orgId, query.from, query.to)) as Pick<EventRow, 'id' | 'user_id' | 'department_id' | 'day' | 'credits'>[];
    const groups = new Map<string, { credits: Decimal; events: Set<string> }>();
    const add = (key: string, credits: string, eventId: string) => {
      const g = groups.get(key) ?? { credits: new Decimal(0), events: new Set<string>() };
      g.credits = g.credits.plus(credits);
      g.events.add(eventId);
      groups.set(key, g);
    };
    if (query.groupBy === 'service' || query.groupBy === 'billingType') {
      const rows = this.q.servicesInRange.all(who.orgId, query.from, query.to, own ? who.userId : null, own ? who.userId : null) as { id: string; services: string }[];
      for (const row of rows) {
        for (const [service, billingType, credits] of JSON.parse(row.services) as [string, string, string][]) add(query.groupBy === 'service' ? service : billingType, credits, row.id);
      }
    } else {
      for (const e of events) add(query.groupBy === 'day' ? e.day : query.groupBy === 'user' ? e.user_id : (e.department_id ?? '(none)'), e.credits, e.id);
    }
    const names = new Map<string, string>();
    if (query.groupBy === 'user') for (const u of this.q.usersOf.all(org.id) as { id: string; name: string }[]) names.set(u.id, u.name);
    if (query.groupBy === 'department') for (const d of this.q.departmentsOf.all(org.id) as { id: string; name: string }[]) names.set(d.id, d.name);
    const label = (key: string): string => {
      if (query.groupBy === 'service') {
        const service = tryFindService(catalog, key);
        return service ? `${service.brand} ${service.model}` : key;
      }
      if (query.groupBy === 'billingType') return catalog.billingTypes.find((b) => b.id === key)?.name ?? key;
      return names.get(key) ?? key;
    };
    const total = events.reduce((a, e) => a.plus(e.credits), new Decimal(0));
    const nowMs = this.now();
    const today = dayOf(new Date(nowMs).toISOString());
    const monthStart = `${monthOf(today)}-01`;
    const monthEvents = (own ? this.q.eventsOfUserInRange.all(who.orgId, who.userId, monthStart, today) : this.q.eventsInRange.all(who.orgId, monthStart, today)) as { credits: string }[];
    const basisDays = Number(today.slice(8, 10));
    const monthSoFar = monthEvents.reduce((a, e) => a.plus(e.credits), new Decimal(0));
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      scope: own ? 'user' : 'organisation',
      groups: [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, g]) => ({ key, label: label(key), credits: plain(g.credits), events: g.events.size })),
      total: { credits: plain(total), events: events.length },
      forecast: { month: monthOf(today), credits: plain(monthSoFar.div(basisDays).times(daysInMonth(nowMs)).toDecimalPlaces(4)), basisDays },
    };
  }

  chat(who: Principal, chatId: string): ChatUsage {
    const { catalog } = this.catalogOf(who.orgId);
    // A chat with no usage yet (or none of the caller's) is an empty chat: no records, 0 credits.
    const events = (this.q.chatEvents.all(who.orgId, chatId) as EventRow[]).filter((e) => who.role === 'admin' || e.user_id === who.userId);
    const records = events.flatMap((e) => (JSON.parse(e.records) as Usage[]).map((record) => ({ eventId: e.id, at: e.at, record, credits: rate(catalog, record).credits })));
    return {
      chatId,
      records: records as ChatUsage['records'],
      charge: rate(catalog, records.map((r) => r.record)),
      billedCredits: plain(events.reduce((a, e) => a.plus(e.credits), new Decimal(0))),
    };
  }

  /** The most recent chats with their billed credits, latest activity first; `cursor` is the `next` of the page before. */
  recentChats(who: Principal, limit: number, cursor: string | undefined): RecentChats {
    const own = who.role !== 'admin' ? who.userId : null;
    const after = cursor === undefined ? undefined : decodeChatCursor(cursor);
    const page = this.q.recentChats.all({ org: who.orgId, user: own, before: after?.[0] ?? null, beforeChat: after?.[1] ?? null, limit: limit + 1 }) as { chat_id: string; last_at: string }[];
    const shown = page.slice(0, limit);
    const rows = this.q.chatTotals.all(who.orgId, JSON.stringify(shown.map((c) => c.chat_id)), own, own) as { chat_id: string; user_id: string; at: string; credits: string }[];
    const chats = new Map(shown.map((c) => [c.chat_id, { user: '', firstAt: '', lastAt: c.last_at, events: 0, credits: new Decimal(0) }]));
    for (const row of rows) {
      const chat = chats.get(row.chat_id)!;
      if (chat.events++ === 0) Object.assign(chat, { user: row.user_id, firstAt: row.at });
      chat.credits = chat.credits.plus(row.credits);
    }
    const last = shown.at(-1);
    return {
      scope: own ? 'user' : 'organisation',
      chats: [...chats].map(([chatId, c]) => ({ chatId, user: { id: c.user, name: this.user(c.user)?.name ?? c.user }, firstAt: c.firstAt, lastAt: c.lastAt, events: c.events, credits: plain(c.credits) })),
      next: page.length > limit && last ? Buffer.from(JSON.stringify([last.last_at, last.chat_id])).toString('base64url') : null,
    };
  }
}

/** The (last activity, chat id) a `next` cursor names; a 400 when it is not one the host made. */
function decodeChatCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    // reported below
  }
  throw new HostError(400, 'invalid-query', 'The cursor is not the `next` of a page of chats');
}

export { addDays };

/**
 * The body as canonical JSON (zod's output has its keys in schema order), which tells a retried
 * post (the same body) from a reused key (another body).
 */
export function canonicalBody(body: UsageEventRequest): string {
  return JSON.stringify(body);
}

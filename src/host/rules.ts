// The rules of money, as a platform's engineer would port them. A write works on an
// organisation's books in memory (loaded under its lock by the store, src/host/store/) and
// returns what changed; nothing here does I/O. A usage event passes, in order:
//
//   1. idempotency    a key already stored answers with its first receipt, charged once
//   2. rating         the records priced by creditkit's `rate` against the organisation's catalog
//   0. expiry         grants whose instant has passed leave the ledger at that instant (every write, first)
//   3. limits         the credits the user may spend (no overdraft), the user's day and month, the department's budget
//   4. grants+ledger  the charge taken from grants in the declared order (grants.ts) and posted with
//                     the balance after it and the grants it spent; the spend counters move
//   5. notifications  the low-balance thresholds the charge crossed, the department budget's 80 % and 100 %
//                     (recorded with the charge; webhooks deliver them from an outbox, src/host/webhooks/)
//   6. auto-recharge  credits loaded below the threshold, within the monthly limit
//   7. the receipt    stored with the event, replayed for a retry
//
// A step that refuses throws a HostError before anything changed; steps 4–7 do not refuse.
import { randomUUID } from 'node:crypto';
import { rate, type Catalog, type Charge, type Usage } from '../core/index.js';
import { Decimal, toPlain } from '../core/decimal.js';
import { AmbiguousServiceError, CreditError, NotOfferedError, UnknownServiceError, UsageError } from '../core/errors.js';
import type { UsageEventReceipt, UsageEventRequest } from '../sdk/contract/index.js';
import { DEFAULT_PRIORITY, nextExpiryOf, remainingOf, spendable, spendOrder, take } from './grants.js';
import { dayOf, monthOf } from './periods.js';
import { HostError } from './problems.js';
import { spendKey, type AccountRow, type BooksChanges, type BooksQuery, type BooksSnapshot, type DepartmentRow, type EventRow, type GrantKind, type GrantRow, type LedgerKind, type OrganisationRow, type ServiceLimitRow, type SpendKey, type UserRow } from './store/types.js';

export interface Principal {
  userId: string;
  orgId: string;
  role: 'admin' | 'member';
  /** `read`: GET only (tokens.ts). @default 'write' */
  scope?: 'read' | 'write';
  /** A department token: sees that department's usage (a member otherwise). */
  departmentId?: string;
}

/** One usage event as it reaches the rules. */
export interface EventInput {
  who: Principal;
  user: UserRow;
  department: DepartmentRow | undefined;
  /** The organisation's per-service limits for each user (a model's day and month). */
  serviceLimits: readonly ServiceLimitRow[];
  idempotencyKey: string;
  body: UsageEventRequest;
  /** The body's canonical JSON (zod's output, keys in schema order). */
  canonical: string;
  /** The host's clock when the event arrived. */
  nowMs: number;
  eventId: string;
}

export interface Organisation {
  row: OrganisationRow;
  catalog: Catalog;
}

export const plain = (d: Decimal): string => toPlain(d);
const D = (s: string) => new Decimal(s);

/** The body as canonical JSON: tells a retried post (the same body) from a reused key (another body). */
export function canonicalBody(body: UsageEventRequest): string {
  return JSON.stringify(body);
}

/** A new event id. */
export const newEventId = (): string => `ev_${randomUUID()}`;

const userDay = (userId: string, nowIso: string): SpendKey => ({ scope: `user:${userId}`, period: dayOf(nowIso) });
const userMonth = (userId: string, nowIso: string): SpendKey => ({ scope: `user:${userId}`, period: monthOf(nowIso) });
const userServiceDay = (userId: string, service: string, nowIso: string): SpendKey => ({ scope: `user:${userId}:service:${service}`, period: dayOf(nowIso) });
const userServiceMonth = (userId: string, service: string, nowIso: string): SpendKey => ({ scope: `user:${userId}:service:${service}`, period: monthOf(nowIso) });
const departmentMonth = (departmentId: string, nowIso: string): SpendKey => ({ scope: `dept:${departmentId}`, period: monthOf(nowIso) });
const recharged = (nowIso: string): SpendKey => ({ scope: 'recharge', period: monthOf(nowIso) });
const rechargeLimitNotice = (nowIso: string) => `recharge-limit:${monthOf(nowIso)}`;
/** The department budget's share used that is told, once each per department and month. */
export const BUDGET_PERCENTS = ['80', '100'] as const;
const budgetNotice = (percent: string, departmentId: string, nowIso: string) => `budget-${percent}:${departmentId}:${monthOf(nowIso)}`;

/** The spend counters a balance read shows: the user's day and month, the recharges of the month, the department's month. */
export function balanceCounters(userId: string, departmentId: string | null, nowIso: string): SpendKey[] {
  return [userDay(userId, nowIso), userMonth(userId, nowIso), recharged(nowIso), ...(departmentId ? [departmentMonth(departmentId, nowIso)] : [])];
}

/** What the store loads for a batch of events of one organisation. */
export function booksQueryFor(orgId: string, inputs: readonly EventInput[]): BooksQuery {
  const spend = new Map<string, SpendKey>();
  const onceKeys = new Set<string>();
  for (const input of inputs) {
    const nowIso = new Date(input.nowMs).toISOString();
    for (const key of balanceCounters(input.user.id, input.department?.id ?? null, nowIso)) spend.set(spendKey(key), key);
    for (const { service } of input.serviceLimits) for (const key of [userServiceDay(input.user.id, service, nowIso), userServiceMonth(input.user.id, service, nowIso)]) spend.set(spendKey(key), key);
    onceKeys.add(rechargeLimitNotice(nowIso));
    if (input.department?.monthlyBudget != null) for (const percent of BUDGET_PERCENTS) onceKeys.add(budgetNotice(percent, input.department.id, nowIso));
  }
  return { orgId, idempotencyKeys: inputs.map((i) => i.idempotencyKey), spend: [...spend.values()], onceKeys: [...onceKeys] };
}

/** An organisation's books during one write: what was loaded, and what the rules changed. */
export class Books {
  #account: AccountRow;
  #balance: Decimal;
  readonly #spend = new Map<string, Decimal>();
  readonly #events: Map<string, { userId: string; body: string; response: string }>;
  readonly #notified: Set<string>;
  /** The grants with credits left (and those emptied during this write), by id. */
  readonly #grants = new Map<string, GrantRow>();
  readonly #changes: Omit<BooksChanges, 'account' | 'spend' | 'grants'> & { spend: Map<string, SpendKey & { credits: string }>; grants: Map<string, GrantRow> } = {
    ledger: [],
    events: [],
    spend: new Map(),
    notifications: [],
    grants: new Map(),
  };

  constructor(readonly orgId: string, snapshot: BooksSnapshot) {
    this.#account = { ...snapshot.account };
    this.#balance = D(snapshot.account.balance);
    for (const [key, credits] of snapshot.spend) this.#spend.set(key, D(credits));
    this.#events = new Map(snapshot.events);
    this.#notified = new Set(snapshot.notified);
    for (const g of snapshot.grants) this.#grants.set(g.id, g);
  }

  /** The grants with credits left. */
  get grants(): GrantRow[] {
    return [...this.#grants.values()].filter((g) => D(g.remaining).gt(0));
  }

  /** What a user of `departmentId` may spend: their department's grants and the pool's. */
  available(departmentId: string | null): Decimal {
    return remainingOf(spendable(this.grants, departmentId));
  }

  /** What a department holds (null: the organisation's pool, not allocated to any department). */
  holding(departmentId: string | null): Decimal {
    return remainingOf(this.grants.filter((g) => g.departmentId === departmentId));
  }

  #setGrant(grant: GrantRow): void {
    this.#grants.set(grant.id, grant);
    this.#changes.grants.set(grant.id, grant);
  }

  /** The sequence number of the last ledger entry. */
  get lastSeq(): number {
    return this.#account.lastSeq;
  }

  get balance(): Decimal {
    return this.#balance;
  }

  /** The balance after the last top-up: what the low-balance percentages refer to. */
  get reference(): string {
    return this.#account.reference;
  }

  spent(key: SpendKey): Decimal {
    return this.#spend.get(spendKey(key)) ?? new Decimal(0);
  }

  addSpend(key: SpendKey, credits: Decimal): void {
    const total = this.spent(key).plus(credits);
    this.#spend.set(spendKey(key), total);
    this.#changes.spend.set(spendKey(key), { ...key, credits: plain(total) });
  }

  storedEvent(idempotencyKey: string): { userId: string; body: string; response: string } | undefined {
    return this.#events.get(idempotencyKey);
  }

  /** Appends a ledger entry (numbered after the last) and moves the running balance with it. */
  #post(kind: LedgerKind, credits: Decimal, at: string, entry: { eventId?: string | null; departmentId?: string | null; grants: [string, string][]; detail?: string | null }): Decimal {
    const crediting = kind === 'topup' || kind === 'auto-recharge' || kind === 'grant';
    const after = crediting ? this.#balance.plus(credits) : kind === 'charge' || kind === 'expiry' ? this.#balance.minus(credits) : this.#balance;
    // Credits loaded start a new low-balance cycle: percentages refer to the balance after them.
    const reference = crediting ? plain(after) : this.#account.reference;
    const seq = this.#account.lastSeq + 1;
    this.#changes.ledger.push({
      orgId: this.orgId,
      seq,
      kind,
      credits: plain(credits),
      at,
      eventId: entry.eventId ?? null,
      balanceAfter: plain(after),
      referenceAfter: reference,
      departmentId: entry.departmentId ?? null,
      grants: JSON.stringify(entry.grants),
      detail: entry.detail ?? null,
    });
    this.#account = { ...this.#account, balance: plain(after), reference, lastSeq: seq };
    this.#balance = after;
    return after;
  }

  /** Credits entering the ledger as a grant: an entry of its kind and the grant `g<seq>`. */
  grant(kind: Exclude<GrantKind, 'transfer'>, credits: Decimal, at: string, options: { expiresAt?: string | null; priority?: number; detail?: string | null } = {}): { balance: Decimal; grant: GrantRow } {
    const seq = this.#account.lastSeq + 1;
    const grant: GrantRow = { id: `g${seq}`, departmentId: null, kind, credits: plain(credits), remaining: plain(credits), priority: options.priority ?? DEFAULT_PRIORITY[kind], expiresAt: options.expiresAt ?? null, at, seq, origin: null };
    const ledgerKind: LedgerKind = kind === 'paid' ? 'topup' : kind === 'recharge' ? 'auto-recharge' : 'grant';
    const balance = this.#post(ledgerKind, credits, at, { grants: [[grant.id, grant.credits]], detail: options.detail ?? null });
    this.#setGrant(grant);
    return { balance, grant };
  }

  /** A charge taken from the grants a user of `departmentId` may spend, in the declared order. */
  charge(credits: Decimal, at: string, eventId: string, departmentId: string | null): Decimal {
    const { pieces, updated } = take(spendable(this.grants, departmentId), credits, spendOrder(departmentId));
    updated.forEach((g) => this.#setGrant(g));
    return this.#post('charge', credits, at, { eventId, departmentId, grants: pieces.map(([g, c]) => [g.id, c]) });
  }

  /** 0. Expiry: what is left of each grant whose instant is at or before `nowIso` leaves the ledger, dated at that instant. */
  expire(nowIso: string): void {
    const due = this.grants.filter((g) => g.expiresAt !== null && g.expiresAt <= nowIso).sort((a, b) => (a.expiresAt! < b.expiresAt! ? -1 : a.expiresAt! > b.expiresAt! ? 1 : a.seq - b.seq));
    for (const g of due) {
      this.#post('expiry', D(g.remaining), g.expiresAt!, { departmentId: g.departmentId, grants: [[g.id, g.remaining]] });
      this.#setGrant({ ...g, remaining: '0' });
    }
  }

  /**
   * Moves credits from one holder (a department, or null: the pool) to another in two entries,
   * `transfer-out` and `transfer-in`, written in the same transaction. The credits keep their
   * expiry and priority: the pieces taken become grants of kind `transfer` of the receiver.
   */
  transfer(from: string | null, to: string | null, credits: Decimal, at: string, detail: string): { out: number; in: number } {
    const { pieces, updated } = take(this.grants.filter((g) => g.departmentId === from), credits, spendOrder(from));
    updated.forEach((g) => this.#setGrant(g));
    this.#post('transfer-out', credits, at, { departmentId: from, grants: pieces.map(([g, c]) => [g.id, c]), detail });
    const seq = this.#account.lastSeq + 1;
    const created = pieces.map(([g, c], i): GrantRow => ({ id: `g${seq}.${i + 1}`, departmentId: to, kind: 'transfer', credits: c, remaining: c, priority: g.priority, expiresAt: g.expiresAt, at, seq, origin: g.id }));
    this.#post('transfer-in', credits, at, { departmentId: to, grants: created.map((g) => [g.id, g.credits]), detail });
    created.forEach((g) => this.#setGrant(g));
    return { out: seq - 1, in: seq };
  }

  notify(kind: string, at: string, balance: Decimal, detail: string, onceKey?: string, data?: Record<string, unknown>): void {
    if (onceKey !== undefined) {
      if (this.#notified.has(onceKey)) return;
      this.#notified.add(onceKey);
    }
    this.#changes.notifications.push({ kind, at, balance: plain(balance), detail, ...(onceKey !== undefined && { onceKey }), ...(data && { data: JSON.stringify(data) }) });
  }

  storeEvent(row: EventRow): void {
    this.#events.set(row.idempotencyKey, { userId: row.userId, body: row.body, response: row.response });
    this.#changes.events.push(row);
  }

  /** What to write; undefined when nothing changed. */
  changes(): BooksChanges | undefined {
    if (!this.#changes.ledger.length && !this.#changes.notifications.length) return undefined;
    const account = { ...this.#account, nextExpiry: nextExpiryOf(this.#grants.values()) };
    return { ...this.#changes, account, spend: [...this.#changes.spend.values()], grants: [...this.#changes.grants.values()] };
  }
}

// --- the steps of a usage event -------------------------------------------------------------

/** 1. Idempotency: the stored receipt for a key used before with the same body and user. */
function replayOf(books: Books, input: EventInput): string | undefined {
  const stored = books.storedEvent(input.idempotencyKey);
  if (!stored) return undefined;
  if (stored.body !== input.canonical || stored.userId !== input.who.userId) {
    throw new HostError(422, 'idempotency-key-reused', 'The Idempotency-Key was already used for a different request');
  }
  return stored.response;
}

/**
 * 2. Rating: the records priced with creditkit's own `rate` at the prices in force at the event's
 * `at` (a catalog may hold dated prices); what cannot be priced is a 422 naming why.
 */
function rateRecords(catalog: Catalog, records: UsageEventRequest['records'], at: string): Charge {
  try {
    return rate(catalog, records as Usage[], { at });
  } catch (error) {
    if (error instanceof UsageError) throw new HostError(422, 'invalid-usage', 'The usage cannot be rated', error.message, error.issues);
    if (error instanceof UnknownServiceError || error instanceof AmbiguousServiceError || error instanceof NotOfferedError || error instanceof CreditError) {
      throw new HostError(422, 'invalid-usage', 'The usage cannot be rated', error.message);
    }
    throw error;
  }
}

interface Counter {
  key: SpendKey;
  limit: string | null;
  slug: string;
  title: string;
  /** The credits the counter moves by (a model's share of the event); the whole charge when missing. */
  credits?: Decimal;
}

/** 3. Limits: refuses a charge the balance, the user's day or month, or a protected department budget cannot take. */
function checkLimits(books: Books, input: EventInput, cost: Decimal, byService: readonly [string, string, string][], nowIso: string): Counter[] {
  const { user, department } = input;
  // The credits this user may spend: their department's allocation and the organisation's pool.
  const balance = books.available(department?.id ?? null);
  if (balance.lte(0)) throw new HostError(402, 'credits-exhausted', 'No credits left: AI is paused until credits are loaded', `balance ${plain(balance)} credits`);
  if (cost.gt(balance)) throw new HostError(402, 'insufficient-credits', 'Not enough credits for this usage', `needs ${plain(cost)}, balance ${plain(balance)}`);
  const counters: Counter[] = [
    { key: userDay(user.id, nowIso), limit: user.dailyLimit, slug: 'daily-limit-reached', title: "The user's daily credit limit is reached" },
    { key: userMonth(user.id, nowIso), limit: user.monthlyLimit, slug: 'monthly-limit-reached', title: "The user's monthly credit limit is reached" },
    ...(department
      ? [{ key: departmentMonth(department.id, nowIso), limit: department.overdraftProtection ? department.monthlyBudget : null, slug: 'department-budget-exhausted', title: `The ${department.name} department's budget is used up` }]
      : []),
  ];
  for (const c of counters) {
    const used = books.spent(c.key);
    if (c.limit !== null && used.plus(cost).gt(c.limit)) throw new HostError(403, c.slug, c.title, `used ${plain(used)} of ${c.limit} credits; this usage needs ${plain(cost)}`);
  }
  // A model's limits count only that model's credits of the event.
  const serviceCounters: (Counter & { credits: Decimal })[] = [];
  for (const limit of input.serviceLimits) {
    const credits = byService.filter(([service]) => service === limit.service).reduce((a, [, , c]) => a.plus(c), new Decimal(0));
    if (credits.isZero()) continue;
    serviceCounters.push(
      { key: userServiceDay(user.id, limit.service, nowIso), limit: limit.dailyLimit, slug: 'service-daily-limit-reached', title: `The user's daily limit for ${limit.service} is reached`, credits },
      { key: userServiceMonth(user.id, limit.service, nowIso), limit: limit.monthlyLimit, slug: 'service-monthly-limit-reached', title: `The user's monthly limit for ${limit.service} is reached`, credits },
    );
  }
  for (const c of serviceCounters) {
    const used = books.spent(c.key);
    if (c.limit !== null && used.plus(c.credits).gt(c.limit)) throw new HostError(403, c.slug, c.title, `used ${plain(used)} of ${c.limit} credits; this usage needs ${plain(c.credits)}`);
  }
  return [...counters, ...serviceCounters];
}

/** 4. Grants and ledger: the charge taken from grants in the declared order, as an entry with the balance after it; every counter it was checked against moves. */
function postCharge(books: Books, cost: Decimal, counters: readonly Counter[], nowIso: string, eventId: string, departmentId: string | null): Decimal {
  const after = books.charge(cost, nowIso, eventId, departmentId);
  for (const c of counters) books.addSpend(c.key, c.credits ?? cost);
  return after;
}

const thresholdCache = new Map<string, { percent: string; credits: string; at: Decimal }[]>();

/** The low-balance thresholds for a reference balance; they change only with a top-up, so they are computed once. */
export function thresholdsOf(org: OrganisationRow, reference: string): { percent: string; credits: string; at: Decimal }[] {
  const key = `${org.lowBalancePercents.join(',')}|${reference}`;
  let list = thresholdCache.get(key);
  if (!list) {
    if (thresholdCache.size >= 1000) thresholdCache.clear();
    list = org.lowBalancePercents.map((percent) => {
      const at = D(reference).times(percent).div(100);
      return { percent, credits: plain(at), at };
    });
    thresholdCache.set(key, list);
  }
  return list;
}

/** 5. Notifications: the 20 % / 10 % / 0 % thresholds the balance just crossed. */
function notifyCrossings(books: Books, org: OrganisationRow, reference: string, before: Decimal, after: Decimal, at: string): void {
  for (const { percent, at: threshold } of thresholdsOf(org, reference)) {
    if (before.gt(threshold) && after.lte(threshold)) books.notify(D(percent).isZero() ? 'depleted' : `low-${percent}`, at, after, `${percent}% of ${reference} credits remaining`, undefined, { percent, referenceCredits: reference });
  }
}

/** 5. Notifications: the department's monthly budget reached 80 % or 100 % (once each per month). */
function notifyBudget(books: Books, department: DepartmentRow | undefined, usedBefore: Decimal, at: string): void {
  if (!department || department.monthlyBudget === null || D(department.monthlyBudget).lte(0)) return;
  const used = books.spent(departmentMonth(department.id, at));
  for (const percent of BUDGET_PERCENTS) {
    const mark = D(department.monthlyBudget).times(percent).div(100);
    if (usedBefore.lt(mark) && used.gte(mark)) {
      books.notify(`budget-${percent}`, at, books.balance, `${department.name}: ${percent}% of the monthly budget of ${department.monthlyBudget} credits used`, budgetNotice(percent, department.id, at), {
        percent,
        subject: { kind: 'department', id: department.id, name: department.name },
        budget: department.monthlyBudget,
        used: plain(used),
      });
    }
  }
}

/** 6. Auto-recharge: loads credits when the balance fell below the threshold, within the monthly limit (told once a month when reached). */
function autoRecharge(books: Books, org: OrganisationRow, balance: Decimal, nowIso: string): Decimal {
  const { enabled, threshold, credits, monthlyLimit } = org.autoRecharge;
  if (!enabled || !balance.lt(threshold)) return balance;
  const month = recharged(nowIso);
  const amount = D(credits);
  if (monthlyLimit !== null && books.spent(month).plus(amount).gt(monthlyLimit)) {
    books.notify('recharge-limit', nowIso, balance, `monthly auto-recharge limit of ${monthlyLimit} credits reached`, rechargeLimitNotice(nowIso), { monthlyLimit });
    return balance;
  }
  const after = books.grant('recharge', amount, nowIso).balance;
  books.addSpend(month, amount);
  books.notify('recharge', nowIso, after, `auto-recharge of ${credits} credits`, undefined, { credits });
  return after;
}

/** An event's credits by service: its charge lines, with any rounding difference put on the largest. */
function creditsByService(catalog: Catalog, charge: Charge): [service: string, billingType: string, credits: string][] {
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
  return [...out].map(([service, { billingType, credits }]) => [service, billingType, plain(credits)]);
}

/** 7. The receipt, stored with the event so that a retry gets the same answer. */
function storeEvent(books: Books, input: EventInput, charge: Charge, byService: readonly [string, string, string][], seq: number, final: Decimal): string {
  const at = input.body.at ?? new Date(input.nowMs).toISOString();
  const receipt: UsageEventReceipt = { eventId: input.eventId, chatId: input.body.chatId, at, charge, balance: { credits: plain(final), paused: final.lte(0) } };
  const response = JSON.stringify(receipt);
  books.storeEvent({
    id: input.eventId,
    orgId: input.who.orgId,
    userId: input.user.id,
    departmentId: input.department?.id ?? null,
    chatId: input.body.chatId,
    seq,
    idempotencyKey: input.idempotencyKey,
    body: input.canonical,
    at,
    day: dayOf(at),
    records: JSON.stringify(input.body.records),
    credits: charge.credits,
    response,
    services: JSON.stringify(byService),
  });
  return response;
}

/**
 * Records and charges one usage event on the books, exactly once per idempotency key, and
 * returns the receipt as JSON text (a replay returns the stored text). Throws a HostError when
 * the event is refused; the books are then unchanged.
 */
export function recordEvent(books: Books, org: Organisation, input: EventInput): { receipt: string; replayed: boolean } {
  const replay = replayOf(books, input);
  if (replay !== undefined) return { receipt: replay, replayed: true };
  const charge = rateRecords(org.catalog, input.body.records, input.body.at ?? new Date(input.nowMs).toISOString());
  const cost = D(charge.credits);
  const nowIso = new Date(input.nowMs).toISOString();
  books.expire(nowIso);
  const byService = creditsByService(org.catalog, charge);
  const counters = checkLimits(books, input, cost, byService, nowIso);
  const before = books.balance;
  const reference = books.reference;
  const budgetUsedBefore = input.department ? books.spent(departmentMonth(input.department.id, nowIso)) : D('0');
  const after = postCharge(books, cost, counters, nowIso, input.eventId, input.department?.id ?? null);
  const seq = books.lastSeq;
  notifyCrossings(books, org.row, reference, before, after, nowIso);
  notifyBudget(books, input.department, budgetUsedBefore, nowIso);
  const final = autoRecharge(books, org.row, after, nowIso);
  return { receipt: storeEvent(books, input, charge, byService, seq, final), replayed: false };
}

/** A purchase of credits: a top-up entry (a paid grant) that starts a new low-balance cycle. */
export function topUp(books: Books, credits: string, at: string): Decimal {
  books.expire(at);
  return books.grant('paid', D(credits), at).balance;
}

// The host's service: usage events through the rules (src/host/rules.ts) in group commits, top-ups,
// and the reads (balance, usage, chats) from the store. Organisations, users and departments
// change rarely and are cached for `configTtlMs`; every process re-reads them after that.
import type { Catalog } from '../core/index.js';
import { Decimal } from '../core/decimal.js';
import { eventTimeProblem, type Departments, type Transfer, type TransferRequest, type Transfers, type Statement, type Statements, type Grant, type GrantRequest, type Grants, type Balance, type ChatUsage, type RecentChats, type UsageEventRequest, type UsageQuery, type UsageReport } from '../sdk/contract/index.js';
import { Batcher, type Outcome } from './batcher.js';
import { remainingOf, spendOrder } from './grants.js';
import { dayOf, monthOf } from './periods.js';
import { HostError } from './problems.js';
import { addMonths, buildStatement, monthsBetween, periodBounds } from './statements/statement.js';
import { balanceReport, chatReport, decodeChatCursor, recentChatsReport, usageReport } from './reports.js';
import { balanceCounters, Books, booksQueryFor, canonicalBody, newEventId, plain, recordEvent, topUp, type EventInput, type Organisation, type Principal } from './rules.js';
import { CREDITING, DEBITING, type ChatsOf, type ServiceLimitRow, type GrantRow, type DepartmentRow, type LedgerEntry, type NotificationRow, type OrganisationRow, type Store, type UserRow } from './store/types.js';

/** A grant as the API shows it. */
export const grantOut = (g: GrantRow): Grant => ({ id: g.id, kind: g.kind, departmentId: g.departmentId, credits: g.credits, remaining: g.remaining, priority: g.priority, expiresAt: g.expiresAt, at: g.at, origin: g.origin });

/** An entry's effect on the organisation's balance: + credits loaded, − charged or expired, 0 for a transfer. */
export const signed = (e: Pick<LedgerEntry, 'kind' | 'credits'>): Decimal =>
  CREDITING.includes(e.kind) ? new Decimal(e.credits) : DEBITING.includes(e.kind) ? new Decimal(e.credits).negated() : new Decimal(0);

export interface LoadedCatalog {
  catalog: Catalog;
  /** The file's bytes, served as they are, and their ETag. */
  text: string;
  etag: string;
}

export interface LedgerOptions {
  /** How long organisations, users and departments are cached. @default 5000 */
  configTtlMs?: number;
}

/** A usage event as the seed or a platform's import gives it: its own clock, key and id. */
export interface EventSubmission {
  who: Principal;
  idempotencyKey: string;
  body: UsageEventRequest;
  nowMs: number;
  eventId: string;
}

export type Receipt = { receipt: string; replayed: boolean };

/** An answer, and whether it is the stored first answer to a retried Idempotency-Key. */
export type Once<T> = { result: T; replayed: boolean };

export interface WriteOptions {
  /** The write's instant. @default now */
  atMs?: number;
  /** Applied once per key (`Idempotency-Key`); a retry gets the first answer. */
  idempotencyKey?: string;
}

export class Ledger {
  readonly #config = new Map<string, { value: Promise<unknown>; expires: number }>();
  readonly #batcher: Batcher<EventInput, Receipt>;
  readonly #configTtlMs: number;

  constructor(
    readonly store: Store,
    private readonly catalogs: ReadonlyMap<string, LoadedCatalog>,
    readonly now: () => number,
    options: LedgerOptions = {},
  ) {
    this.#configTtlMs = options.configTtlMs ?? 5000;
    this.#batcher = new Batcher((orgId, inputs, more) => this.#commitInputs(orgId, inputs, more));
  }

  // --- configuration -------------------------------------------------------------------------

  #cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.#config.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (this.#config.size > 10_000) this.#config.clear();
    const value = read();
    this.#config.set(key, { value, expires: now + this.#configTtlMs });
    value.catch(() => this.#config.delete(key)); // a failed read is not cached
    return value;
  }

  /** Drops the cached organisations, users and departments (after changing them in the database). */
  forgetConfig(): void {
    this.#config.clear();
  }

  user(id: string): Promise<UserRow | undefined> {
    return this.#cached(`user:${id}`, () => this.store.user(id));
  }

  department(id: string | null): Promise<DepartmentRow | undefined> {
    return id === null ? Promise.resolve(undefined) : this.#cached(`dept:${id}`, () => this.store.department(id));
  }

  serviceLimits(orgId: string): Promise<ServiceLimitRow[]> {
    return this.#cached(`service-limits:${orgId}`, () => this.store.serviceLimits(orgId));
  }

  async organisation(orgId: string): Promise<Organisation> {
    const row = await this.#cached(`org:${orgId}`, () => this.store.organisation(orgId));
    if (!row) throw new HostError(403, 'unknown-organisation', 'Unknown organisation');
    return { row, catalog: this.catalogOf(row).catalog };
  }

  catalogOf(org: OrganisationRow): LoadedCatalog {
    const loaded = this.catalogs.get(org.catalog);
    if (!loaded) throw new HostError(500, 'catalog-missing', 'The organisation has no catalog', org.catalog);
    return loaded;
  }

  async catalogFor(orgId: string): Promise<LoadedCatalog> {
    return this.catalogOf((await this.organisation(orgId)).row);
  }

  // --- writes --------------------------------------------------------------------------------

  /**
   * Records and charges a usage event from a client, exactly once per idempotency key: the
   * receipt as JSON text, and whether it is a replay. A refusal is a HostError.
   */
  recordEvent(who: Principal, idempotencyKey: string, body: UsageEventRequest): Promise<Receipt> {
    const nowMs = this.now();
    const problem = body.at === undefined ? undefined : eventTimeProblem(body.at, nowMs);
    if (problem) throw new HostError(422, 'invalid-usage', 'The usage event is invalid', problem, [{ path: 'at', message: problem }]);
    // One spelling of an instant (milliseconds, Z), so that both engines store and echo the same.
    const event = body.at === undefined ? body : { ...body, at: new Date(body.at).toISOString() };
    // Looked up before the event queues: a batch holding the organisation's lock and a pooled
    // connection never waits for another connection (a pool of writers each waiting for one more
    // would stall until the connection timeout).
    return this.#eventInputs(who.orgId, [{ who, idempotencyKey, body: event, nowMs, eventId: newEventId() }]).then(([input]) =>
      input instanceof HostError ? Promise.reject(input) : this.#batcher.run(who.orgId, input!),
    );
  }

  /** Writes a batch of one organisation's events in one transaction (the seed). */
  async commitEvents(orgId: string, submissions: readonly EventSubmission[]): Promise<Outcome<Receipt>[]> {
    return this.#commitInputs(orgId, await this.#eventInputs(orgId, submissions));
  }

  /**
   * Writes a batch of one organisation's events in one transaction; `more` takes the events
   * that queued meanwhile into it once the organisation's lock is held (the batcher).
   */
  async #commitInputs(orgId: string, inputs: (EventInput | HostError)[], more?: () => EventInput[]): Promise<Outcome<Receipt>[]> {
    const org = await this.organisation(orgId);
    const query = () => booksQueryFor(orgId, inputs.filter((i): i is EventInput => !(i instanceof HostError)));
    const grown = () => {
      const late = more?.() ?? [];
      if (!late.length) return undefined;
      inputs.push(...late);
      return query();
    };
    return this.store.write(
      query(),
      (snapshot) => {
        const books = new Books(orgId, snapshot);
        const outcomes = inputs.map((input): Outcome<Receipt> => {
          if (input instanceof HostError) return { ok: false, error: input };
          try {
            return { ok: true, value: recordEvent(books, org, input) };
          } catch (error) {
            if (error instanceof HostError) return { ok: false, error };
            throw error;
          }
        });
        return { changes: books.changes(), result: outcomes };
      },
      more && grown,
    );
  }

  /** What the rules need of each submission (its user, department and limits), or why it is refused. */
  #eventInputs(orgId: string, submissions: readonly EventSubmission[]): Promise<(EventInput | HostError)[]> {
    return Promise.all(
      submissions.map(async (s) => {
        const user = await this.user(s.who.userId);
        if (!user || user.orgId !== orgId) return new HostError(403, 'unknown-user', 'Unknown user');
        return { ...s, user, department: await this.department(user.departmentId), serviceLimits: await this.serviceLimits(orgId), canonical: canonicalBody(s.body) };
      }),
    );
  }

  /** Loads credits (a purchase); the balance after it. */
  async topUp(orgId: string, credits: string, atMs = this.now()): Promise<string> {
    if (typeof credits !== 'string' || !/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(credits) || new Decimal(credits).isZero()) throw new HostError(422, 'invalid-amount', 'A top-up needs a positive decimal string of credits');
    await this.organisation(orgId);
    return this.#write(orgId, (books) => plain(topUp(books, credits, new Date(atMs).toISOString())));
  }

  /** Adds a grant (paid or promotional, with an optional expiry and priority); the grant. */
  async grant(who: Principal, request: GrantRequest, { atMs = this.now(), idempotencyKey }: WriteOptions = {}): Promise<Once<Grant>> {
    await this.organisation(who.orgId);
    const at = new Date(atMs).toISOString();
    if (request.expiresAt !== undefined && Date.parse(request.expiresAt) <= atMs) throw new HostError(422, 'invalid-grant', 'A grant must expire in the future', `expiresAt ${request.expiresAt} is not after ${at}`, [{ path: 'expiresAt', message: 'expected an instant in the future' }]);
    const detail = JSON.stringify({ by: who.userId, ...(request.reason !== undefined && { reason: request.reason }) });
    return this.#writeOnce(who, 'POST /grants', request, idempotencyKey, at, (books) => {
      books.expire(at);
      const expiresAt = request.expiresAt === undefined ? null : new Date(request.expiresAt).toISOString();
      return grantOut(books.grant(request.kind, new Decimal(request.credits), at, { expiresAt, ...(request.priority !== undefined && { priority: request.priority }), detail }).grant);
    });
  }

  /**
   * Moves credits between the organisation's pool (null) and its departments, as one ledger
   * transaction with both sides, who and why. Refused, changing nothing: a department of another
   * organisation or none, the same holder on both sides, more than the giving side holds.
   */
  async transfer(who: Principal, request: TransferRequest, { idempotencyKey }: WriteOptions = {}): Promise<Once<Transfer>> {
    const from = request.from ?? null;
    const to = request.to ?? null;
    const invalid = (field: string, title: string, detail: string) => new HostError(422, 'invalid-transfer', title, detail, [{ path: field, message: detail }]);
    if (from === to) throw invalid('to', 'A transfer needs two different sides', from === null ? 'from and to are both the organisation\'s pool' : `from and to are both ${from}`);
    for (const [field, id] of [['from', from], ['to', to]] as const) {
      if (id === null) continue;
      const department = await this.department(id);
      // Another organisation's department is as unknown as one that does not exist: nothing about it is told.
      if (!department || department.orgId !== who.orgId) throw invalid(field, 'No such department in this organisation', `${field}: ${id.slice(0, 100)}`);
    }
    const at = new Date(this.now()).toISOString();
    const credits = new Decimal(request.credits);
    const detail = JSON.stringify({ by: who.userId, reason: request.reason });
    return this.#writeOnce(who, 'POST /transfers', request, idempotencyKey, at, (books) => {
      books.expire(at);
      const holds = books.holding(from);
      if (credits.gt(holds)) throw new HostError(422, 'insufficient-credits-to-transfer', `${from === null ? "The organisation's pool" : `The department ${from}`} holds less than the transfer`, `holds ${plain(holds)} credits; the transfer needs ${request.credits}`, [{ path: 'credits', message: `at most ${plain(holds)}` }]);
      const entries = books.transfer(from, to, credits, at, detail);
      return { at, from, to, credits: plain(credits), by: who.userId, reason: request.reason, entries: [entries.out, entries.in] };
    });
  }

  /** Every transfer, newest first: the audit trail. */
  async transfers(who: Principal): Promise<Transfers> {
    await this.organisation(who.orgId);
    const entries = await this.store.ledgerOfKinds(who.orgId, ['transfer-out', 'transfer-in']);
    const out: Transfer[] = [];
    for (let i = 0; i + 1 < entries.length; i += 2) {
      const [a, b] = [entries[i]!, entries[i + 1]!];
      const detail = JSON.parse(a.detail ?? '{}') as { by?: string; reason?: string };
      out.push({ at: a.at, from: a.departmentId, to: b.departmentId, credits: a.credits, by: detail.by ?? '', reason: detail.reason ?? '', entries: [a.seq, b.seq] });
    }
    return { transfers: out.reverse() };
  }

  /** The organisation's departments with the credits allocated to each and their month's use, and the pool. */
  async departments(who: Principal): Promise<Departments> {
    await this.organisation(who.orgId);
    await this.sweep(who.orgId);
    const month = monthOf(new Date(this.now()).toISOString());
    const ids = (await this.store.departmentsOf(who.orgId)).map((d) => d.id);
    const [grants, { spend }, rows] = await Promise.all([
      this.store.grants(who.orgId, true),
      this.store.accountWithSpend(who.orgId, ids.map((id) => ({ scope: `dept:${id}`, period: month }))),
      Promise.all(ids.map((id) => this.store.department(id))),
    ]);
    const holding = (id: string | null) => plain(remainingOf(grants.filter((g) => g.departmentId === id)));
    return {
      poolCredits: holding(null),
      departments: rows
        .filter((d): d is DepartmentRow => d !== undefined)
        .map((d) => ({ id: d.id, name: d.name, credits: holding(d.id), monthlyBudget: d.monthlyBudget, usedThisMonth: plain(new Decimal(spend.get(`dept:${d.id}|${month}`) ?? '0')), overdraftProtection: d.overdraftProtection })),
    };
  }

  /** Posts the expiry entries that are due (a write only when one is). */
  async expireDue(orgId: string, nextExpiry: string | null): Promise<void> {
    const now = new Date(this.now()).toISOString();
    if (nextExpiry === null || nextExpiry > now) return;
    await this.#write(orgId, (books) => books.expire(now));
  }

  /** One write on an organisation's books: `work` decides in memory, the store writes what changed. */
  #write<T>(orgId: string, work: (books: Books) => T): Promise<T> {
    return this.store.write({ orgId, idempotencyKeys: [], spend: [], onceKeys: [] }, (snapshot) => {
      const books = new Books(orgId, snapshot);
      const result = work(books);
      return { changes: books.changes(), result };
    });
  }

  /**
   * An administrator's write applied once per Idempotency-Key: the first answer is kept with the
   * ledger entries in one transaction, under the organisation's lock, so a retry (from any
   * process) gets that answer and changes nothing. The same key with another route, caller or
   * body is a 422. A refused write keeps nothing: its retry is decided afresh.
   */
  #writeOnce<T>(who: Principal, route: string, request: unknown, key: string | undefined, at: string, work: (books: Books) => T): Promise<Once<T>> {
    if (key === undefined) return this.#write(who.orgId, work).then((result) => ({ result, replayed: false }));
    const fingerprint = JSON.stringify([route, who.userId, request]);
    return this.store.write<Once<T>>({ orgId: who.orgId, idempotencyKeys: [], spend: [], onceKeys: [], requestKeys: [key] }, (snapshot) => {
      const first = snapshot.requests?.get(key);
      if (first) {
        if (first.fingerprint !== fingerprint) throw new HostError(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request', `first used at ${first.at}`);
        return { changes: undefined, result: { result: JSON.parse(first.response) as T, replayed: true } };
      }
      const books = new Books(who.orgId, snapshot);
      const result = work(books);
      const changes = books.changes();
      return { changes: changes && { ...changes, requests: [{ key, fingerprint, response: JSON.stringify(result), at }] }, result: { result, replayed: false } };
    });
  }

  /** The grants with credits left, in the order a charge of `departmentId` spends them. */
  async grants(who: Principal): Promise<Grants> {
    await this.sweep(who.orgId);
    const user = await this.user(who.userId);
    const departmentId = user?.departmentId ?? null;
    const open = await this.store.grants(who.orgId, true);
    return { grants: open.sort(spendOrder(departmentId)).map(grantOut) };
  }

  /** Expiries due are posted before a read shows a balance or a period. */
  async sweep(orgId: string): Promise<void> {
    const { account } = await this.store.accountWithSpend(orgId, []);
    await this.expireDue(orgId, account.nextExpiry);
  }

  // --- reads ---------------------------------------------------------------------------------

  async balance(who: Principal): Promise<Balance> {
    const org = await this.organisation(who.orgId);
    const user = await this.user(who.userId);
    const department = await this.department(user?.departmentId ?? null);
    // Read first and sweep only when a grant has expired since: a balance read is usually two
    // queries, not three (the sweep's own account read), and the answer is the same.
    const read = async (nowMs: number) => {
      const [{ account, spend }, grants] = await Promise.all([
        this.store.accountWithSpend(who.orgId, balanceCounters(who.userId, department?.id ?? null, new Date(nowMs).toISOString())),
        this.store.grants(who.orgId, true),
      ]);
      return { account, spend, grants, nowMs };
    };
    let books = await read(this.now());
    const { nextExpiry } = books.account;
    if (nextExpiry !== null && nextExpiry <= new Date(books.nowMs).toISOString()) {
      await this.expireDue(who.orgId, nextExpiry);
      books = await read(this.now());
    }
    return balanceReport({ org: org.row, catalog: org.catalog, user, department, ...books });
  }

  async usage(who: Principal, query: UsageQuery): Promise<UsageReport> {
    const { catalog } = await this.organisation(who.orgId);
    const dept = who.departmentId;
    // A department token reads the organisation's events and keeps its department's.
    const own = who.role !== 'admin' && dept === undefined ? who.userId : null;
    const mine = <T extends { departmentId: string | null }>(rows: T[]) => (dept === undefined ? rows : rows.filter((r) => r.departmentId === dept));
    const nowMs = this.now();
    const today = dayOf(new Date(nowMs).toISOString());
    const bySource = query.groupBy === 'service' || query.groupBy === 'billingType';
    const [events, services, month, names] = await Promise.all([
      this.store.eventsInRange(who.orgId, query.from, query.to, own).then(mine),
      bySource ? this.store.servicesInRange(who.orgId, query.from, query.to, own) : undefined,
      this.store.eventsInRange(who.orgId, `${monthOf(today)}-01`, today, own).then(mine),
      query.groupBy === 'user' ? this.store.usersOf(who.orgId) : query.groupBy === 'department' ? this.store.departmentsOf(who.orgId) : [],
    ]);
    const kept = new Set(events.map((e) => e.id));
    return usageReport({
      query,
      catalog,
      own: own !== null,
      ...(dept !== undefined && { department: true }),
      events,
      ...(services && { services: dept === undefined ? services : services.filter((s) => kept.has(s.id)) }),
      names: new Map(names.map((n) => [n.id, n.name])),
      monthSoFar: month.map((e) => e.credits),
      nowMs,
    });
  }

  async chat(who: Principal, chatId: string): Promise<ChatUsage> {
    const { catalog } = await this.organisation(who.orgId);
    // A member sees only their own records of a chat; none is an empty chat, not an error.
    const events = (await this.store.chatEvents(who.orgId, chatId)).filter((e) =>
      who.departmentId !== undefined ? e.departmentId === who.departmentId : who.role === 'admin' || e.userId === who.userId,
    );
    return chatReport(catalog, chatId, events);
  }

  /** The most recent chats with their billed credits, latest activity first; `cursor` is the `next` of the page before. */
  async recentChats(who: Principal, limit: number, cursor: string | undefined): Promise<RecentChats> {
    await this.organisation(who.orgId);
    // A department token lists its department's chats (events charged to it), a member their own, an administrator all.
    const whose: ChatsOf = who.departmentId !== undefined ? { userId: null, departmentId: who.departmentId } : { userId: who.role !== 'admin' ? who.userId : null, departmentId: null };
    const before = cursor === undefined ? null : decodeChatCursor(cursor);
    if (before === undefined) throw new HostError(400, 'invalid-query', 'The cursor is not the `next` of a page of chats');
    const page = await this.store.recentChats(who.orgId, whose, before, limit + 1);
    const events = await this.store.chatsEvents(who.orgId, page.slice(0, limit).map((c) => c.chatId), whose);
    const names = new Map<string, string>();
    for (const id of new Set(events.map((e) => e.userId))) names.set(id, (await this.user(id))?.name ?? id);
    const scope = whose.departmentId !== null ? 'department' : whose.userId !== null ? 'user' : 'organisation';
    return recentChatsReport(scope, page, limit, events, (id) => names.get(id) ?? id);
  }

  // --- statements ----------------------------------------------------------------------------

  /** The organisation's first month and the current one (YYYY-MM); no first month before any entry. */
  async #months(orgId: string): Promise<{ first: string | undefined; current: string }> {
    const first = await this.store.firstLedgerAt(orgId);
    return { first: first === undefined ? undefined : monthOf(first), current: monthOf(new Date(this.now()).toISOString()) };
  }

  /** Every statement period of the organisation, newest first (administrators). */
  async statements(who: Principal): Promise<Statements> {
    await this.organisation(who.orgId);
    await this.sweep(who.orgId);
    const { first, current } = await this.#months(who.orgId);
    if (first === undefined) return { statements: [] };
    const count = monthsBetween(first, current) + 1;
    return { statements: Array.from({ length: count }, (_, i) => ({ number: count - i, period: addMonths(current, -i), status: i === 0 ? ('open' as const) : ('closed' as const) })) };
  }

  /**
   * The statement of a month, from the ledger (read only: a statement is computed, never stored, so
   * there is nothing to half-write). A month in the future, or before the organisation's first
   * entry, has no statement (404).
   */
  async statement(who: Principal, period: string): Promise<Statement> {
    const org = await this.organisation(who.orgId);
    await this.sweep(who.orgId);
    const { first, current } = await this.#months(who.orgId);
    if (period > current) throw new HostError(404, 'statement-not-found', 'No statement for a month that has not begun', `${period} is after the current month ${current}`);
    if (first === undefined || period < first) throw new HostError(404, 'statement-not-found', 'No statement for a month before the organisation\'s first credits', first === undefined ? 'the organisation has no ledger entries yet' : `the first statement is ${first}`);
    const { from, to } = periodBounds(period);
    const [before, entries, grants, users, departments] = await Promise.all([
      this.store.ledgerBefore(who.orgId, from),
      this.store.ledgerBetween(who.orgId, from, to),
      this.store.grants(who.orgId, false),
      this.store.usersOf(who.orgId),
      this.store.departmentsOf(who.orgId),
    ]);
    const events = await this.store.eventsOfEntries(who.orgId, entries.filter((e) => e.kind === 'charge').map((e) => e.seq));
    return buildStatement({
      org: org.row,
      catalog: org.catalog,
      period,
      number: monthsBetween(first, period) + 1,
      status: period === current ? 'open' : 'closed',
      before,
      entries,
      events,
      grants: new Map(grants.map((g) => [g.id, g])),
      names: { users: new Map(users.map((u) => [u.id, u.name])), departments: new Map(departments.map((d) => [d.id, d.name])) },
    });
  }

  notifications(orgId: string): Promise<NotificationRow[]> {
    return this.store.notifications(orgId);
  }

  /**
   * The ledger checked entry by entry: numbered 1, 2, 3 … without gaps, each balance the one
   * before ± its credits, never negative, and the account's balance equal to the last entry's
   * and to top-ups − charges. `problems` lists what does not hold.
   */
  async audit(orgId: string): Promise<{ fromLedger: string; running: string; entries: number; problems: string[] }> {
    const [entries, { account }, grants] = await Promise.all([this.store.ledger(orgId), this.store.accountWithSpend(orgId, []), this.store.grants(orgId, true)]);
    const problems: string[] = [];
    let total = new Decimal(0);
    entries.forEach((e, i) => {
      if (e.seq !== i + 1) problems.push(`entry ${i + 1} is numbered ${e.seq}`);
      total = signed(e).plus(total);
      const moved = (JSON.parse(e.grants) as [string, string][]).reduce((a, [, c]) => a.plus(c), new Decimal(0));
      if (e.grants !== '[]' && !moved.eq(e.credits)) problems.push(`entry ${e.seq}: its grants move ${plain(moved)}, the entry ${e.credits}`);
      if (e.kind === 'transfer-in' && entries[i - 1]?.kind !== 'transfer-out') problems.push(`entry ${e.seq}: a transfer-in without its transfer-out`);
      if (!total.eq(e.balanceAfter)) problems.push(`entry ${e.seq}: balance after ${e.balanceAfter}, the entries before it and its credits give ${plain(total)}`);
      if (total.isNegative()) problems.push(`entry ${e.seq}: the balance is negative (${plain(total)})`);
    });
    if (!new Decimal(account.balance).eq(total)) problems.push(`the account says ${account.balance}, the ledger sums to ${plain(total)}`);
    if (account.lastSeq !== entries.length) problems.push(`the account's last entry is ${account.lastSeq}, the ledger has ${entries.length}`);
    const held = remainingOf(grants);
    if (!held.eq(account.balance)) problems.push(`the grants hold ${plain(held)}, the account says ${account.balance}`);
    return { fromLedger: plain(total), running: plain(new Decimal(account.balance)), entries: entries.length, problems };
  }
}

// The host's service: usage events through the rules (src/host/rules.ts) in group commits, top-ups,
// and the reads (balance, usage, chats) from the store. Organisations, users and departments
// change rarely and are cached for `configTtlMs`; every process re-reads them after that.
import type { Catalog } from '../core/index.js';
import { Decimal } from '../core/decimal.js';
import { eventTimeProblem, type Balance, type ChatUsage, type RecentChats, type UsageEventRequest, type UsageQuery, type UsageReport } from '../sdk/contract/index.js';
import { Batcher, type Outcome } from './batcher.js';
import { dayOf, monthOf } from './periods.js';
import { HostError } from './problems.js';
import { balanceReport, chatReport, decodeChatCursor, recentChatsReport, usageReport } from './reports.js';
import { balanceCounters, Books, booksQueryFor, canonicalBody, newEventId, plain, recordEvent, topUp, type EventInput, type Organisation, type Principal } from './rules.js';
import type { DepartmentRow, NotificationRow, OrganisationRow, Store, UserRow } from './store/types.js';

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

export class Ledger {
  readonly #config = new Map<string, { value: Promise<unknown>; expires: number }>();
  readonly #batcher: Batcher<EventSubmission, Receipt>;
  readonly #configTtlMs: number;

  constructor(
    readonly store: Store,
    private readonly catalogs: ReadonlyMap<string, LoadedCatalog>,
    readonly now: () => number,
    options: LedgerOptions = {},
  ) {
    this.#configTtlMs = options.configTtlMs ?? 5000;
    this.#batcher = new Batcher((orgId, inputs) => this.commitEvents(orgId, inputs));
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
    return this.#batcher.run(who.orgId, { who, idempotencyKey, body: event, nowMs, eventId: newEventId() });
  }

  /** Writes a batch of one organisation's events in one transaction (the batcher, the seed). */
  async commitEvents(orgId: string, submissions: readonly EventSubmission[]): Promise<Outcome<Receipt>[]> {
    const org = await this.organisation(orgId);
    const inputs: (EventInput | HostError)[] = await Promise.all(
      submissions.map(async (s) => {
        const user = await this.user(s.who.userId);
        if (!user || user.orgId !== orgId) return new HostError(403, 'unknown-user', 'Unknown user');
        return { ...s, user, department: await this.department(user.departmentId), canonical: canonicalBody(s.body) };
      }),
    );
    const valid = inputs.filter((i): i is EventInput => !(i instanceof HostError));
    return this.store.write(booksQueryFor(orgId, valid), (snapshot) => {
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
    });
  }

  /** Loads credits (a purchase); the balance after it. */
  async topUp(orgId: string, credits: string, atMs = this.now()): Promise<string> {
    if (typeof credits !== 'string' || !/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(credits) || new Decimal(credits).isZero()) throw new HostError(422, 'invalid-amount', 'A top-up needs a positive decimal string of credits');
    await this.organisation(orgId);
    return this.store.write({ orgId, idempotencyKeys: [], spend: [], onceKeys: [] }, (snapshot) => {
      const books = new Books(orgId, snapshot);
      const after = topUp(books, credits, new Date(atMs).toISOString());
      return { changes: books.changes(), result: plain(after) };
    });
  }

  // --- reads ---------------------------------------------------------------------------------

  async balance(who: Principal): Promise<Balance> {
    const nowMs = this.now();
    const org = await this.organisation(who.orgId);
    const user = await this.user(who.userId);
    const department = await this.department(user?.departmentId ?? null);
    const { account, spend } = await this.store.accountWithSpend(who.orgId, balanceCounters(who.userId, department?.id ?? null, new Date(nowMs).toISOString()));
    return balanceReport({ org: org.row, catalog: org.catalog, user, department, account, spend, nowMs });
  }

  async usage(who: Principal, query: UsageQuery): Promise<UsageReport> {
    const { catalog } = await this.organisation(who.orgId);
    const own = who.role !== 'admin' ? who.userId : null;
    const nowMs = this.now();
    const today = dayOf(new Date(nowMs).toISOString());
    const bySource = query.groupBy === 'service' || query.groupBy === 'billingType';
    const [events, services, month, names] = await Promise.all([
      this.store.eventsInRange(who.orgId, query.from, query.to, own),
      bySource ? this.store.servicesInRange(who.orgId, query.from, query.to, own) : undefined,
      this.store.eventsInRange(who.orgId, `${monthOf(today)}-01`, today, own),
      query.groupBy === 'user' ? this.store.usersOf(who.orgId) : query.groupBy === 'department' ? this.store.departmentsOf(who.orgId) : [],
    ]);
    return usageReport({ query, catalog, own: own !== null, events, ...(services && { services }), names: new Map(names.map((n) => [n.id, n.name])), monthSoFar: month.map((e) => e.credits), nowMs });
  }

  async chat(who: Principal, chatId: string): Promise<ChatUsage> {
    const { catalog } = await this.organisation(who.orgId);
    // A member sees only their own records of a chat; none is an empty chat, not an error.
    const events = (await this.store.chatEvents(who.orgId, chatId)).filter((e) => who.role === 'admin' || e.userId === who.userId);
    return chatReport(catalog, chatId, events);
  }

  /** The most recent chats with their billed credits, latest activity first; `cursor` is the `next` of the page before. */
  async recentChats(who: Principal, limit: number, cursor: string | undefined): Promise<RecentChats> {
    await this.organisation(who.orgId);
    const own = who.role !== 'admin' ? who.userId : null;
    const before = cursor === undefined ? null : decodeChatCursor(cursor);
    if (before === undefined) throw new HostError(400, 'invalid-query', 'The cursor is not the `next` of a page of chats');
    const page = await this.store.recentChats(who.orgId, own, before, limit + 1);
    const events = await this.store.chatsEvents(who.orgId, page.slice(0, limit).map((c) => c.chatId), own);
    const names = new Map<string, string>();
    for (const id of new Set(events.map((e) => e.userId))) names.set(id, (await this.user(id))?.name ?? id);
    return recentChatsReport(own !== null, page, limit, events, (id) => names.get(id) ?? id);
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
    const [entries, { account }] = await Promise.all([this.store.ledger(orgId), this.store.accountWithSpend(orgId, [])]);
    const problems: string[] = [];
    let total = new Decimal(0);
    entries.forEach((e, i) => {
      if (e.seq !== i + 1) problems.push(`entry ${i + 1} is numbered ${e.seq}`);
      total = e.kind === 'charge' ? total.minus(e.credits) : total.plus(e.credits);
      if (!total.eq(e.balanceAfter)) problems.push(`entry ${e.seq}: balance after ${e.balanceAfter}, the entries before it and its credits give ${plain(total)}`);
      if (total.isNegative()) problems.push(`entry ${e.seq}: the balance is negative (${plain(total)})`);
    });
    if (!new Decimal(account.balance).eq(total)) problems.push(`the account says ${account.balance}, the ledger sums to ${plain(total)}`);
    if (account.lastSeq !== entries.length) problems.push(`the account's last entry is ${account.lastSeq}, the ledger has ${entries.length}`);
    return { fromLedger: plain(total), running: plain(new Decimal(account.balance)), entries: entries.length, problems };
  }
}

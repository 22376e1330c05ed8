// The host's storage behind one asynchronous interface, with two engines (SQLite, PostgreSQL)
// that keep the same schema concepts. The rules of money (src/host/rules.ts) never see SQL:
// a write loads an organisation's books under a lock, the rules decide in memory, and the
// engine writes what they decided in the same transaction.

/** Amounts are exact decimal strings everywhere in this file. */
export type Credits = string;

export interface OrganisationRow {
  id: string;
  name: string;
  /** The name statements are made out to; the organisation's name when missing. */
  billingName?: string | null;
  /** The id of the organisation's catalog. */
  catalog: string;
  /** Low-balance percentages, such as ["20", "10", "0"]. */
  lowBalancePercents: string[];
  autoRecharge: { enabled: boolean; threshold: Credits; credits: Credits; monthlyLimit: Credits | null };
}

export interface DepartmentRow {
  id: string;
  orgId: string;
  name: string;
  monthlyBudget: Credits | null;
  overdraftProtection: boolean;
}

/** What each user may spend on one service (a model) per day and per month; null: no limit. */
export interface ServiceLimitRow {
  orgId: string;
  /** The service id as the catalog names it ("openai/gpt-4o"). */
  service: string;
  dailyLimit: Credits | null;
  monthlyLimit: Credits | null;
}

export interface UserRow {
  id: string;
  orgId: string;
  departmentId: string | null;
  name: string;
  role: 'admin' | 'member';
  dailyLimit: Credits | null;
  monthlyLimit: Credits | null;
}

/** The running state of an organisation's ledger: the row a write locks. */
export interface AccountRow {
  balance: Credits;
  /** The balance after the last top-up: what the low-balance percentages refer to. */
  reference: Credits;
  /** The sequence number of the organisation's last ledger entry (0 before the first). */
  lastSeq: number;
  /** The earliest expiry of a grant with credits left (null: none expires): when the next expiry entry is due. */
  nextExpiry: string | null;
}

/**
 * The ledger's kinds of entry. Credits enter as a grant (`topup`: paid, `auto-recharge`,
 * `grant`: promotional), leave by `charge` or `expiry`, and move between an organisation's
 * pool and its departments by a `transfer-out` / `transfer-in` pair (the organisation's balance
 * does not change).
 */
export type LedgerKind = 'topup' | 'auto-recharge' | 'grant' | 'charge' | 'expiry' | 'transfer-out' | 'transfer-in';

/** Ledger kinds that add credits to the organisation, and that take them away; transfers do neither. */
export const CREDITING: readonly LedgerKind[] = ['topup', 'auto-recharge', 'grant'];
export const DEBITING: readonly LedgerKind[] = ['charge', 'expiry'];

export type GrantKind = 'paid' | 'promotional' | 'recharge' | 'transfer';

/** Whose chats a listing holds: one user's, one department's, or (both null) the organisation's. */
export interface ChatsOf {
  userId: string | null;
  departmentId: string | null;
}

/** Credits that entered the ledger together, and what is left of them. */
export interface GrantRow {
  /** `g<seq>` (the entry that created it), `g<seq>.<n>` for the pieces of a transfer. */
  id: string;
  /** The department the credits are allocated to; null for the organisation's pool. */
  departmentId: string | null;
  kind: GrantKind;
  credits: Credits;
  remaining: Credits;
  /** Lower is spent first among grants with the same expiry (promotional 10, paid and recharge 20 by default). */
  priority: number;
  /** The instant the credits left expire; null: never. */
  expiresAt: string | null;
  at: string;
  /** The ledger entry that created it. */
  seq: number;
  /** The grant a transferred piece came from. */
  origin: string | null;
}

export interface LedgerEntry {
  orgId: string;
  /** 1, 2, 3 … per organisation, without gaps: the order of the entries. */
  seq: number;
  kind: LedgerKind;
  credits: Credits;
  at: string;
  eventId: string | null;
  balanceAfter: Credits;
  referenceAfter: Credits;
  /** The department whose allocation the entry moved; null: the organisation's pool (or, for a charge, none). */
  departmentId: string | null;
  /** JSON [[grantId, credits], …]: the grants the entry created, spent or expired. */
  grants: string;
  /** JSON of who and why (transfers, grants), or null. */
  detail: string | null;
}

/** A spend counter: credits used by a scope (`user:<id>`, `dept:<id>`, `recharge`) in a period (a day or a month). */
export interface SpendKey {
  scope: string;
  period: string;
}

export interface EventRow {
  id: string;
  orgId: string;
  userId: string;
  departmentId: string | null;
  chatId: string;
  /** The sequence number of its charge in the organisation's ledger: the order events happened in. */
  seq: number;
  idempotencyKey: string;
  /** The request body's canonical JSON: tells a retry (same body) from a reused key. */
  body: string;
  at: string;
  day: string;
  /** JSON of the usage records. */
  records: string;
  credits: Credits;
  /** The receipt as sent, replayed for a retry. */
  response: string;
  /** JSON [[service, billingType, credits], …]: the credits split by service. */
  services: string;
}

export interface NotificationRow {
  kind: string;
  at: string;
  balance: Credits;
  detail: string | null;
  /** Set for a notification sent at most once per key (such as `recharge-limit:2026-11`). */
  onceKey?: string | null;
  /** JSON of what it is about beyond its words (an anomaly's subject and figures, a budget's percent). */
  data?: string | null;
}

/** A stored notification: numbered in the order it was recorded (its id in the feed and in webhooks). */
export interface StoredNotification extends NotificationRow {
  seq: number;
}

/** A registered webhook endpoint of an organisation. */
export interface WebhookRow {
  id: string;
  orgId: string;
  url: string;
  /** The HMAC key its deliveries are signed with. */
  secret: string;
  description: string | null;
  createdAt: string;
  createdBy: string;
}

/** A delivery claimed from the outbox: the webhook, the notification, and how often it was tried. */
export interface ClaimedDelivery {
  id: number;
  webhookId: string;
  orgId: string;
  url: string;
  secret: string;
  /** Attempts finished before this one. */
  attempts: number;
  createdAt: string;
  notification: StoredNotification;
}

/** One delivery attempt as the receiver answered it. */
export interface DeliveryAttempt {
  deliveryId: number;
  webhookId: string;
  /** 1 for the first attempt of a delivery. */
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  outcome: 'delivered' | 'retry' | 'failed';
}

/** An attempt in a webhook's log, with the notification it carried. */
export interface DeliveryLogEntry extends DeliveryAttempt {
  id: number;
  notificationSeq: number;
  kind: string;
}

/** What the rules need to see of an organisation's books to decide a batch of writes. */
export interface BooksQuery {
  orgId: string;
  idempotencyKeys: readonly string[];
  spend: readonly SpendKey[];
  onceKeys: readonly string[];
  /** Idempotency keys of an administrator's write (grants, transfers) to look up. */
  requestKeys?: readonly string[];
}

/** The stored first answer to an administrator's write with an Idempotency-Key. */
export interface IdempotentRequest {
  key: string;
  /** Route, caller and canonical body: tells a retry from a reused key. */
  fingerprint: string;
  /** The answer as sent (JSON). */
  response: string;
  at: string;
}

/** The books as loaded under the organisation's lock. */
export interface BooksSnapshot {
  account: AccountRow;
  /** Stored events by idempotency key (only the keys asked for). */
  events: ReadonlyMap<string, Pick<EventRow, 'userId' | 'body' | 'response'>>;
  /** Spend by `${scope}|${period}` (missing = 0). */
  spend: ReadonlyMap<string, Credits>;
  /** The once-keys already notified. */
  notified: ReadonlySet<string>;
  /** The grants with credits left. */
  grants: readonly GrantRow[];
  /** Stored answers by idempotency key (only the `requestKeys` asked for). */
  requests?: ReadonlyMap<string, IdempotentRequest>;
}

/** What the rules decided, written in the same transaction. */
export interface BooksChanges {
  account: AccountRow;
  ledger: LedgerEntry[];
  events: EventRow[];
  /** New totals of the spend counters that moved. */
  spend: (SpendKey & { credits: Credits })[];
  notifications: NotificationRow[];
  /** Grants created or spent (their new `remaining`). */
  grants: GrantRow[];
  /** First answers to keep for their idempotency keys. */
  requests?: IdempotentRequest[];
}

export const spendKey = (k: SpendKey): string => `${k.scope}|${k.period}`;

export interface EventSummary {
  id: string;
  userId: string;
  departmentId: string | null;
  day: string;
  credits: Credits;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';

  organisation(id: string): Promise<OrganisationRow | undefined>;
  organisationIds(): Promise<string[]>;
  user(id: string): Promise<UserRow | undefined>;
  department(id: string): Promise<DepartmentRow | undefined>;
  usersOf(orgId: string): Promise<{ id: string; name: string }[]>;
  departmentsOf(orgId: string): Promise<{ id: string; name: string }[]>;

  /**
   * One write: in one transaction, locks the organisation's account, loads what `query` asks
   * for, calls `decide` (synchronous: the rules work in memory) and writes the changes it
   * returns. Concurrent writes to one organisation, from this process or another, run one
   * after the other; a failure writes nothing. An engine whose lock can be waited for (several
   * processes on one database) calls `grown` once it holds the lock: the query of a batch that
   * grew while it waited, or undefined; `decide` then decides the grown batch. `grown` is
   * synchronous: nothing is looked up while the lock and a connection are held.
   */
  write<T>(query: BooksQuery, decide: (books: BooksSnapshot) => { changes: BooksChanges | undefined; result: T }, grown?: () => BooksQuery | undefined): Promise<T>;

  /** The account and some spend counters, in one read. */
  accountWithSpend(orgId: string, spend: readonly SpendKey[]): Promise<{ account: AccountRow; spend: ReadonlyMap<string, Credits> }>;
  eventsInRange(orgId: string, from: string, to: string, userId: string | null): Promise<EventSummary[]>;
  /** `services` of each event in the range (JSON, as stored). */
  servicesInRange(orgId: string, from: string, to: string, userId: string | null): Promise<{ id: string; services: string }[]>;
  chatEvents(orgId: string, chatId: string): Promise<EventRow[]>;
  /** Chats by last activity, latest first, strictly before (lastAt, chatId) when given; only `whose` events where given. */
  recentChats(orgId: string, whose: ChatsOf, before: readonly [string, string] | null, limit: number): Promise<{ chatId: string; lastAt: string }[]>;
  /** Every event of these chats (only `whose`), oldest first. */
  chatsEvents(orgId: string, chatIds: readonly string[], whose: ChatsOf): Promise<{ chatId: string; userId: string; at: string; credits: Credits }[]>;
  notifications(orgId: string): Promise<NotificationRow[]>;
  /** The whole ledger of an organisation, in order (for the audit). */
  ledger(orgId: string): Promise<LedgerEntry[]>;
  /** Ledger entries with `from <= at < to` (ISO instants), in order. */
  ledgerBetween(orgId: string, from: string, to: string): Promise<LedgerEntry[]>;
  /** The last entry before `at`, if any (a period's opening balance). */
  ledgerBefore(orgId: string, at: string): Promise<LedgerEntry | undefined>;
  /** The first entry's instant (the first period of an organisation), or undefined. */
  firstLedgerAt(orgId: string): Promise<string | undefined>;
  /** Events whose charge entry is one of `seqs`, with their credits by service. */
  eventsOfEntries(orgId: string, seqs: readonly number[]): Promise<{ seq: number; userId: string; departmentId: string | null; at: string; services: string }[]>;
  /** Ledger entries of these kinds, in order. */
  ledgerOfKinds(orgId: string, kinds: readonly string[]): Promise<LedgerEntry[]>;
  /** The per-service limits of an organisation's users. */
  serviceLimits(orgId: string): Promise<ServiceLimitRow[]>;
  /** Grants of the organisation (`open`: only those with credits left). */
  grants(orgId: string, open: boolean): Promise<GrantRow[]>;

  /** Notifications newest first, strictly before `beforeSeq` when given. */
  notificationsPage(orgId: string, beforeSeq: number | null, limit: number): Promise<StoredNotification[]>;
  /**
   * Records notifications outside a charge (anomalies, grants expiring, statements ready, usage
   * reports) under the organisation's lock, each once-key at most once; how many were new.
   */
  addNotifications(orgId: string, rows: readonly NotificationRow[]): Promise<number>;

  /** Registers a webhook: it receives the notifications recorded from now on. */
  /** Adds the webhook unless one with its id exists (an idempotent retry); returns the one stored under that id, deleted or not. */
  addWebhook(row: WebhookRow): Promise<WebhookRow>;
  /** The organisation's webhooks (not deleted), oldest first. */
  webhooks(orgId: string): Promise<WebhookRow[]>;
  /** Deletes a webhook and cancels its pending deliveries; false when there is no such webhook. */
  deleteWebhook(orgId: string, id: string, at: string): Promise<boolean>;
  /** Fills the outbox: a pending delivery per webhook for each notification recorded since; how many. */
  enqueueDeliveries(now: string): Promise<number>;
  /** Leases up to `limit` pending deliveries that are due (not leased by another process) until `leaseUntil`. */
  claimDeliveries(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]>;
  /** Logs an attempt and moves its delivery on, in one transaction: delivered, failed, or due again at `nextAttemptAt`. */
  finishDelivery(attempt: DeliveryAttempt, nextAttemptAt: string | null): Promise<void>;
  /** A webhook's attempts, newest first, strictly before `beforeId` when given. */
  deliveryLog(orgId: string, webhookId: string, beforeId: number | null, limit: number): Promise<DeliveryLogEntry[]>;
  /** How many of a webhook's deliveries are in each state. */
  deliveryCounts(orgId: string, webhookId: string): Promise<Record<'pending' | 'delivered' | 'failed' | 'cancelled', number>>;

  /** The value of a setting; when missing, stores `fallback` first. Every process gets the same value. */
  setting(key: string, fallback: () => string): Promise<string>;
  /** Runs `work` while holding the database-wide setup lock (seeding once per database). */
  withSetupLock<T>(work: () => Promise<T>): Promise<T>;
  /** Writes organisations, departments and users (a seed, or a platform's provisioning). */
  insertDirectory(rows: { organisations: OrganisationRow[]; departments: DepartmentRow[]; users: UserRow[] }): Promise<void>;

  /** Plain SQL with `?` placeholders, for operators and tests (`UPDATE users SET daily_limit = ? …`). */
  execute(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * SQLite: how hard a commit waits for the disk. FULL syncs the WAL on every commit (an
 * acknowledged event survives a power cut); NORMAL survives a crash of the process but not of the machine.
 */
export type Durability = 'FULL' | 'NORMAL';

export interface EngineOptions {
  /** SQLite synchronous mode. @default 'FULL' */
  durability?: Durability;
  /** SQLite: how long a write waits for another process's write lock before giving up (a 503). @default 5000 */
  busyTimeoutMs?: number;
  /** PostgreSQL connections per process. @default 10 */
  poolSize?: number;
}

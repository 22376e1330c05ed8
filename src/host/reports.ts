// What the host answers for reads, computed from stored rows with exact decimals: the balance
// with the caller's limits, usage grouped over a period, one chat, and the recent chats.
import { rate, tryFindService, type Catalog, type Usage } from '../core/index.js';
import { Decimal } from '../core/decimal.js';
import type { Balance, ChatUsage, RecentChats, UsageQuery, UsageReport } from '../sdk/contract/index.js';
import { nextExpiring, remainingOf, spendable } from './grants.js';
import { dayOf, daysInMonth, monthOf, nextDay, nextMonth } from './periods.js';
import { balanceCounters, plain, thresholdsOf, type Principal } from './rules.js';
import { spendKey, type GrantRow, type AccountRow, type DepartmentRow, type EventRow, type EventSummary, type OrganisationRow, type UserRow } from './store/types.js';

const nonNegative = (d: Decimal) => plain(Decimal.max(d, 0));
const sum = (values: readonly string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0));

export interface BalanceInputs {
  org: OrganisationRow;
  catalog: Catalog;
  user: UserRow | undefined;
  department: DepartmentRow | undefined;
  account: AccountRow;
  spend: ReadonlyMap<string, string>;
  nowMs: number;
  /** The organisation's grants with credits left. */
  grants: readonly GrantRow[];
}

/** The last UTC day before an instant: credits that leave at midnight can be spent until the day before. */
export function lastDayBefore(at: string): string {
  return new Date(Date.parse(at) - 1).toISOString().slice(0, 10);
}

export function balanceReport({ org, catalog, user, department, account, spend, nowMs, grants }: BalanceInputs): Balance {
  const nowIso = new Date(nowMs).toISOString();
  const [userDay, userMonth, recharged, deptMonth] = balanceCounters(user?.id ?? '', department?.id ?? null, nowIso).map((k) => new Decimal(spend.get(spendKey(k)) ?? '0'));
  const balance = new Decimal(account.balance);
  const allowance = (limit: string | null, used: Decimal, resetsAt: string) => (limit === null ? null : { limit, used: plain(used), remaining: nonNegative(new Decimal(limit).minus(used)), resetsAt });
  const daily = allowance(user?.dailyLimit ?? null, userDay!, nextDay(nowMs));
  const monthly = allowance(user?.monthlyLimit ?? null, userMonth!, nextMonth(nowMs));
  const budget = department ? allowance(department.monthlyBudget, deptMonth!, nextMonth(nowMs)) : null;
  // The caller spends their department's grants and the pool's, never another department's.
  const remaining = [remainingOf(spendable(grants, department?.id ?? null)), ...[daily, monthly].filter((a) => a !== null).map((a) => new Decimal(a.remaining))];
  const next = nextExpiring(grants);
  if (budget && department?.overdraftProtection) remaining.push(new Decimal(budget.remaining));
  return {
    credits: plain(balance),
    money: { amount: plain(balance.times(catalog.creditUnit.value)), currency: catalog.creditUnit.currency },
    creditUnit: { currency: catalog.creditUnit.currency, value: catalog.creditUnit.value },
    asOf: nowIso,
    paused: balance.lte(0),
    lowBalance: {
      referenceCredits: nonNegative(new Decimal(account.reference)),
      thresholds: thresholdsOf(org, account.reference).map(({ percent, credits, at }) => ({ percent, credits, reached: balance.lte(at) })),
    },
    autoRecharge: {
      enabled: org.autoRecharge.enabled,
      thresholdCredits: plain(new Decimal(org.autoRecharge.threshold)),
      rechargeCredits: plain(new Decimal(org.autoRecharge.credits)),
      monthlyLimitCredits: org.autoRecharge.monthlyLimit === null ? null : plain(new Decimal(org.autoRecharge.monthlyLimit)),
      rechargedThisMonthCredits: plain(recharged!),
    },
    limits: {
      daily,
      monthly,
      department: department && budget ? { id: department.id, name: department.name, budget, overdraftProtection: department.overdraftProtection } : null,
    },
    remainingAllowance: nonNegative(Decimal.min(...remaining)),
    expiring: next && { ...next, lastDay: lastDayBefore(next.at) },
  };
}

/** A service as people name it ("OpenAI GPT-4o"); the id when the catalog does not know it. */
export function serviceLabel(catalog: Catalog, id: string): string {
  const service = tryFindService(catalog, id);
  return service ? `${service.brand} ${service.model}` : id;
}

export interface UsageInputs {
  query: UsageQuery;
  catalog: Catalog;
  own: boolean;
  /** A department token's report: the department's events. */
  department?: boolean;
  events: readonly EventSummary[];
  /** Each event's credits by service, when grouping by service or billing type. */
  services?: readonly { id: string; services: string }[];
  names: ReadonlyMap<string, string>;
  /** The credits of the current month so far, for the forecast. */
  monthSoFar: readonly string[];
  nowMs: number;
}

export function usageReport({ query, catalog, own, department = false, events, services, names, monthSoFar, nowMs }: UsageInputs): UsageReport {
  const groups = new Map<string, { credits: Decimal; events: Set<string> }>();
  const add = (key: string, credits: string, eventId: string) => {
    const g = groups.get(key) ?? { credits: new Decimal(0), events: new Set<string>() };
    g.credits = g.credits.plus(credits);
    g.events.add(eventId);
    groups.set(key, g);
  };
  if (query.groupBy === 'service' || query.groupBy === 'billingType') {
    for (const row of services ?? []) {
      for (const [service, billingType, credits] of JSON.parse(row.services) as [string, string, string][]) add(query.groupBy === 'service' ? service : billingType, credits, row.id);
    }
  } else {
    for (const e of events) add(query.groupBy === 'day' ? e.day : query.groupBy === 'user' ? e.userId : (e.departmentId ?? '(none)'), e.credits, e.id);
  }
  const label = (key: string): string => {
    if (query.groupBy === 'service') return serviceLabel(catalog, key);
    if (query.groupBy === 'billingType') return catalog.billingTypes.find((b) => b.id === key)?.name ?? key;
    return names.get(key) ?? key;
  };
  const today = dayOf(new Date(nowMs).toISOString());
  const basisDays = Number(today.slice(8, 10));
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    scope: department ? 'department' : own ? 'user' : 'organisation',
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, g]) => ({ key, label: label(key), credits: plain(g.credits), events: g.events.size })),
    total: { credits: plain(sum(events.map((e) => e.credits))), events: events.length },
    forecast: { month: monthOf(today), credits: plain(sum(monthSoFar).div(basisDays).times(daysInMonth(nowMs)).toDecimalPlaces(4)), basisDays },
  };
}

/** One chat as rated records; a chat with no usage (yet) is empty, not an error. */
export function chatReport(catalog: Catalog, chatId: string, events: readonly EventRow[]): ChatUsage {
  // Each record at the prices of its event's day, as it was billed.
  const records = events.flatMap((e) => (JSON.parse(e.records) as Usage[]).map((record) => ({ eventId: e.id, at: e.at, record, credits: rate(catalog, record, { at: e.at }).credits })));
  return {
    chatId,
    records: records as ChatUsage['records'],
    charge: rate(catalog, records.map((r) => ({ ...r.record, at: r.at }))),
    billedCredits: plain(sum(events.map((e) => e.credits))),
  };
}

/** The (last activity, chat id) a `next` cursor names, or undefined when it is not one the host made. */
export function decodeChatCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') && !Number.isNaN(Date.parse(value[0] as string))) return value as [string, string];
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

export function recentChatsReport(
  scope: RecentChats['scope'],
  page: readonly { chatId: string; lastAt: string }[],
  limit: number,
  events: readonly { chatId: string; userId: string; at: string; credits: string }[],
  userName: (id: string) => string,
): RecentChats {
  const shown = page.slice(0, limit);
  const chats = new Map(shown.map((c) => [c.chatId, { user: '', firstAt: '', lastAt: c.lastAt, events: 0, credits: new Decimal(0) }]));
  for (const row of events) {
    const chat = chats.get(row.chatId);
    if (!chat) continue;
    if (chat.events++ === 0) Object.assign(chat, { user: row.userId, firstAt: row.at });
    chat.credits = chat.credits.plus(row.credits);
  }
  const last = shown.at(-1);
  return {
    scope,
    chats: [...chats].map(([chatId, c]) => ({ chatId, user: { id: c.user, name: userName(c.user) }, firstAt: c.firstAt, lastAt: c.lastAt, events: c.events, credits: plain(c.credits) })),
    next: page.length > limit && last ? Buffer.from(JSON.stringify([last.lastAt, last.chatId])).toString('base64url') : null,
  };
}

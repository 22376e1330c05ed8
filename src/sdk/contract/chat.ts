// GET /chats/{chatId}: the usage records of one chat and what they cost.
import * as z from 'zod/mini';
import { charge, usageRecord } from './charge.js';
import { credits, instant } from './common.js';

export const chatRecord = z.object({
  eventId: z.string(),
  at: instant,
  record: usageRecord,
  /** This record's credits on its own. */
  credits,
});

export const chatResponse = z.object({
  chatId: z.string(),
  records: z.array(chatRecord),
  /** All records rated together with creditkit's `rate` against the organisation's catalog. */
  charge,
  /** Credits the ledger charged for this chat (equal to `charge.credits` unless rounding per event differs). */
  billedCredits: credits,
});
export type ChatUsage = z.infer<typeof chatResponse>;

/** Most chats one page of GET /chats lists. */
export const MAX_RECENT_CHATS = 100;

/** Query of GET /chats: the most recent chats first, a page at a time. */
export const recentChatsQuery = z.object({
  /** How many chats, 1 to 100. @default 20 */
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|100)$/, 'expected a whole number from 1 to 100'))),
  /** The `next` of the page before, to read on from there. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(400))),
});
export type RecentChatsQuery = z.infer<typeof recentChatsQuery>;

/** One chat in the list: who, when, and what it cost in total. */
export const chatSummary = z.object({
  chatId: z.string(),
  /** The user whose usage it is (the first user of the chat). */
  user: z.object({ id: z.string(), name: z.string() }),
  /** The first and the last usage event (their `at`). */
  firstAt: instant,
  lastAt: instant,
  /** How many usage events the chat has. */
  events: z.int().check(z.minimum(1)),
  /** Credits the ledger charged for the chat (its `billedCredits`). */
  credits,
});

export const recentChatsResponse = z.object({
  /** Whose chats: the whole organisation's (an admin), a department's (a department token) or only the caller's. */
  scope: z.enum(['organisation', 'department', 'user']),
  /** Latest activity first. */
  chats: z.array(chatSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  next: z.nullable(z.string()),
});
export type RecentChats = z.infer<typeof recentChatsResponse>;
export type ChatSummary = z.infer<typeof chatSummary>;

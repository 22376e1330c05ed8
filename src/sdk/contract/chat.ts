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

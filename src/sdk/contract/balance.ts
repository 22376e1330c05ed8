// GET /balance: the organisation's credits and what the signed-in caller may still spend.
import * as z from 'zod/mini';
import { credits, creditUnit, instant, money, signedCredits } from './common.js';
import { expiring } from './grants.js';

/** One spending limit: its size, what the period has used and what remains. */
export const allowance = z.object({
  limit: credits,
  used: credits,
  remaining: credits,
  /** When the period ends and `used` starts again from 0. */
  resetsAt: instant,
});

export const balanceResponse = z.object({
  /** Credits left (top-ups minus charges). */
  credits: signedCredits,
  /** `credits` in money, in the credit unit's currency. */
  money,
  creditUnit,
  /** When the host computed this balance. */
  asOf: instant,
  /** AI features are paused (at 0 credits) until credits are loaded. */
  paused: z.boolean(),
  lowBalance: z.object({
    /** The balance the percentages refer to (the balance after the last top-up). */
    referenceCredits: credits,
    thresholds: z.array(
      z.object({
        /** Percent of the reference balance, such as "20". */
        percent: credits,
        credits,
        /** The balance is at or below this threshold. */
        reached: z.boolean(),
      }),
    ),
  }),
  autoRecharge: z.object({
    enabled: z.boolean(),
    /** A recharge runs when the balance falls below this many credits. */
    thresholdCredits: credits,
    /** Credits each recharge loads. */
    rechargeCredits: credits,
    /** Most credits auto-recharge may load in a calendar month; null for no limit. */
    monthlyLimitCredits: z.nullable(credits),
    rechargedThisMonthCredits: credits,
  }),
  /** The caller's limits; null where none is set. */
  limits: z.object({
    daily: z.nullable(allowance),
    monthly: z.nullable(allowance),
    department: z.nullable(
      z.object({
        id: z.string(),
        name: z.string(),
        budget: allowance,
        /** Charges that would exceed the budget are refused. */
        overdraftProtection: z.boolean(),
      }),
    ),
  }),
  /** What the caller can still spend now: the smallest of the balance and every remaining limit. */
  remainingAllowance: credits,
  /** The credits that expire next and when (null: none of the organisation's credits expire; missing: a host without grants). */
  expiring: z.optional(z.nullable(expiring)),
});
export type Balance = z.infer<typeof balanceResponse>;

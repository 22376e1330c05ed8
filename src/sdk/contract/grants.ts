// Credit grants: every credit that enters the ledger is a grant with a kind, an optional expiry
// and a priority. POST /grants adds one (an administrator), GET /grants lists them.
import * as z from 'zod/mini';
import { credits, instant } from './common.js';

export const GRANT_KINDS = ['paid', 'promotional', 'recharge', 'transfer'] as const;

/** A positive decimal string of credits ("300", "12.5"). */
export const positiveCredits = credits.check(z.refine((v) => !/^0(?:\.0*)?$/.test(v), 'expected more than 0 credits'));

export const grantRequest = z.object({
  /** `paid` (a purchase) or `promotional` (free credits); recharges and transfers are the host's own. */
  kind: z.enum(['paid', 'promotional']),
  credits: positiveCredits,
  /** When what is left of the grant expires (an instant in the future); omit for never. */
  expiresAt: z.optional(instant),
  /** Lower is spent first among grants with the same expiry. @default 10 promotional, 20 paid */
  priority: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
  /** Why (shown in the ledger and on the statement), up to 200 characters. */
  reason: z.optional(z.string().check(z.maxLength(200))),
});
export type GrantRequest = z.infer<typeof grantRequest>;

export const grant = z.object({
  id: z.string(),
  kind: z.enum(GRANT_KINDS),
  /** The department the credits are allocated to; null: the organisation's pool. */
  departmentId: z.nullable(z.string()),
  credits,
  remaining: credits,
  priority: z.int(),
  expiresAt: z.nullable(instant),
  at: instant,
  /** The grant a transferred piece came from. */
  origin: z.nullable(z.string()),
});
export type Grant = z.infer<typeof grant>;

export const grantsResponse = z.object({
  /** The grants with credits left, in the order charges spend them (for a member of no department). */
  grants: z.array(grant),
});
export type Grants = z.infer<typeof grantsResponse>;

/** What expires next: "300 credits expire on 31 Dec". */
export const expiring = z.object({
  credits,
  /** The instant the credits leave the ledger. */
  at: instant,
  /** The last UTC day they can be spent (the day before `at` when `at` is midnight). */
  lastDay: z.iso.date(),
});
export type Expiring = z.infer<typeof expiring>;

// GET /statements and GET /statements/{period}: an organisation's monthly statements. Every
// figure comes from the ledger entries dated in the period (UTC), and they add up:
// opening + granted − used − expired = closing, and the closing balance of one month is the
// opening balance of the next. The same statement is served as CSV and PDF (Accept).
import * as z from 'zod/mini';
import { credits, creditUnit, instant } from './common.js';
import { transferLine } from './departments.js';
import { GRANT_KINDS } from './grants.js';

/** A calendar month, YYYY-MM. */
export const period = z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, such as "2026-11"'));

/** One line of a breakdown (a department, a service or a user) and its credits. */
export const statementLine = z.object({
  key: z.string(),
  label: z.string(),
  credits,
  /** Usage events charged. */
  events: z.int(),
  /**
   * Usage by service only, where the service's prices changed over time: the price period that
   * priced this line (instants, UTC; `from` missing: since the beginning, `until` missing: still
   * in force). A month straddling a change has a line per period, its key `<service>@<period>`.
   */
  prices: z.optional(z.object({ from: z.optional(instant), until: z.optional(instant) })),
});
export type StatementLine = z.infer<typeof statementLine>;

export const statementResponse = z.object({
  /** Sequential per organisation: the organisation's first month is statement 1. */
  number: z.int(),
  period,
  from: instant,
  /** The first instant after the period. */
  to: instant,
  /** `closed` for a past month; `open` for the current month (its figures so far). */
  status: z.enum(['open', 'closed']),
  organisation: z.object({ id: z.string(), billingName: z.string() }),
  /** The organisation's departments, for the names of the ids below. */
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  creditUnit,
  totals: z.object({
    opening: credits,
    /** Top-ups, promotional grants and auto-recharges. */
    granted: credits,
    used: credits,
    expired: credits,
    closing: credits,
  }),
  /** Every credit that entered: top-ups, promotional grants and recharges. */
  grants: z.array(
    z.object({
      at: instant,
      grantId: z.string(),
      kind: z.enum(GRANT_KINDS),
      credits,
      expiresAt: z.nullable(instant),
      reason: z.nullable(z.string()),
    }),
  ),
  usage: z.object({
    byDepartment: z.array(statementLine),
    byService: z.array(statementLine),
    byUser: z.array(statementLine),
  }),
  /** What was left of grants at their expiry. */
  expired: z.array(z.object({ at: instant, grantId: z.string(), departmentId: z.nullable(z.string()), credits })),
  /** Credits moved between the organisation's pool and its departments (they do not change the balance). */
  transfers: z.array(transferLine),
  /** The ledger entries the statement is made of (sequence numbers, inclusive); null for a month without entries. */
  entries: z.nullable(z.object({ first: z.int(), last: z.int(), count: z.int() })),
});
export type Statement = z.infer<typeof statementResponse>;

export const statementsResponse = z.object({
  /** Newest first, from the current month back to the organisation's first. */
  statements: z.array(z.object({ number: z.int(), period, status: z.enum(['open', 'closed']) })),
});
export type Statements = z.infer<typeof statementsResponse>;

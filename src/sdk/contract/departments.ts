// Departments (cost centres): the credits allocated to each, and transfers between them. An
// administrator moves credits from the organisation's pool to a department, back, or from one
// department to another: one ledger transaction with both sides, who and why.
import * as z from 'zod/mini';
import { credits, instant } from './common.js';
import { positiveCredits } from './grants.js';

export const department = z.object({
  id: z.string(),
  name: z.string(),
  /** Credits allocated to the department and not yet spent (its users spend these before the pool). */
  credits,
  monthlyBudget: z.nullable(credits),
  /** Credits the department's users spent this month. */
  usedThisMonth: credits,
  /** Charges that would exceed the monthly budget are refused. */
  overdraftProtection: z.boolean(),
});

export const departmentsResponse = z.object({
  /** Credits not allocated to any department. */
  poolCredits: credits,
  departments: z.array(department),
});
export type Departments = z.infer<typeof departmentsResponse>;

export const transferRequest = z.object({
  /** A department id, or null (or omitted) for the organisation's pool. */
  from: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
  to: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
  credits: positiveCredits,
  /** Why: kept in the ledger and shown on the statement (1 to 200 characters). */
  reason: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type TransferRequest = z.infer<typeof transferRequest>;

/** A transfer as a statement lists it: when, from and to (a department id; null: the pool), who and why. */
export const transferLine = z.object({
  at: instant,
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  credits,
  /** The administrator who moved the credits. */
  by: z.string(),
  reason: z.string(),
});

export const transfer = z.extend(transferLine, {
  /** The two ledger entries: transfer-out and transfer-in. */
  entries: z.tuple([z.int(), z.int()]),
});
export type Transfer = z.infer<typeof transfer>;

export const transfersResponse = z.object({
  /** Every transfer, newest first. */
  transfers: z.array(transfer),
});
export type Transfers = z.infer<typeof transfersResponse>;

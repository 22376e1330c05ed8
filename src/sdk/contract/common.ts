// Shared pieces of the host API contract: decimal strings, money, problem documents.
// zod/mini keeps the SDK small; every schema here is also published in dist/openapi.json.
import * as z from 'zod/mini';

/** A non-negative decimal string: "0", "2.6533", "1000". Never a JSON number: money is not a float. */
export const credits = z.string().check(
  z.regex(/^(?:0|[1-9]\d*)(?:\.\d+)?$/, 'expected a non-negative decimal string such as "2.6533"'),
  z.describe('A non-negative decimal string ("2.6533"); never a JSON number.'),
);

/** A decimal string that may be negative (a balance a host lets go into overdraft). */
export const signedCredits = z.string().check(
  z.regex(/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/, 'expected a decimal string such as "-1.5" or "2.6533"'),
  z.describe('A decimal string, negative only for a balance in overdraft; never a JSON number.'),
);

/** An amount of money in a currency (ISO 4217). */
export const money = z.object({
  amount: signedCredits,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "EUR"')),
});

/** An instant, ISO 8601 in UTC ("2026-11-23T12:00:00.000Z"). */
export const instant = z.iso.datetime({ offset: false });

/** A calendar day in UTC ("2026-11-23"); a day that does not exist (2026-02-31) is refused. */
export const day = z.iso.date('expected a day of the calendar as YYYY-MM-DD');

/** What one credit is worth. */
export const creditUnit = z.object({ currency: z.string(), value: credits });

/**
 * An error, as `application/problem+json` (RFC 9457). `type` is a URI naming the problem
 * (for example `https://creditkit.dev/problems/credits-exhausted`), `requestId` is what the
 * host logged.
 */
export const problem = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  /** Where an input was wrong: one entry per field. */
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof problem>;

/** The base of the problem type URIs the reference host uses. */
export const PROBLEM_BASE = 'https://creditkit.dev/problems/';

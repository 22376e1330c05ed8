// A charge and the usage records it prices, as core's `rate` returns them.
import * as z from 'zod/mini';
import { credits, money } from './common.js';
import { UNITS, QUANTITY_KINDS, MAX_SERVICE_NAME_LENGTH, type Unit } from '../../core/index.js';

const nonNegativeInt = z.int().check(z.minimum(0));

/** One usage record (core's `Usage`): a service and its quantities. */
export const usageRecord = z.object({
  /** A service id, alias or display name (at most 200 characters). */
  service: z.string().check(z.minLength(1, 'expected a service id or name'), z.maxLength(MAX_SERVICE_NAME_LENGTH, `expected at most ${MAX_SERVICE_NAME_LENGTH} characters`)),
  keyMode: z.optional(z.string().check(z.maxLength(100, 'expected at most 100 characters'))),
  inputTokens: z.optional(nonNegativeInt),
  outputTokens: z.optional(nonNegativeInt),
  cachedInputTokens: z.optional(nonNegativeInt),
  images: z.optional(z.array(z.object({ width: z.int().check(z.positive()), height: z.int().check(z.positive()) }))),
  audioSeconds: z.optional(z.union([z.number().check(z.minimum(0)), credits])),
  characters: z.optional(nonNegativeInt),
  requests: z.optional(nonNegativeInt),
  tokenDays: z.optional(nonNegativeInt),
});

export const chargeLine = z.object({
  service: z.string(),
  keyMode: z.string(),
  billingType: z.string(),
  kind: z.enum(QUANTITY_KINDS),
  quantity: credits,
  unit: z.enum(Object.keys(UNITS) as [Unit, ...Unit[]]),
  unitPrice: credits,
  listedUnitPrice: z.optional(credits),
  tier: z.optional(z.int()),
  credits,
  exactCredits: z.optional(credits),
});

/** Usage priced by creditkit's `rate`: lines, total credits, money and the catalog version. */
export const charge = z.object({
  lines: z.array(chargeLine),
  credits,
  money,
  catalogVersion: z.string(),
  exact: z.boolean(),
  minimumChargeApplied: z.optional(z.boolean()),
});

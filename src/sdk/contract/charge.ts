// A charge and the usage records it prices, as core's `rate` returns them.
import * as z from 'zod/mini';
import { credits, money } from './common.js';
import { UNITS, QUANTITY_KINDS, HOST_RECORD_FIELDS, SERVICE_TIERS, PRICE_KEYS, instantMs, type HostUsage, type Unit, type UsageFieldSpec, type UsageFieldType } from '../../core/index.js';

const nonNegativeInt = z.int().check(z.minimum(0));

/** The zod schema of each field type of core's usage record table (USAGE_FIELDS). */
const FIELD_SCHEMAS: { [T in UsageFieldType]: (spec: UsageFieldSpec) => z.ZodMiniType } = {
  name: (spec) =>
    z.string().check(
      z.minLength(spec.required ? 1 : 0, spec.required ? 'expected a service id or name' : undefined),
      z.maxLength(spec.maxLength ?? Number.MAX_SAFE_INTEGER, `expected at most ${spec.maxLength} characters`),
    ),
  count: () => nonNegativeInt,
  seconds: () => z.union([z.number().check(z.minimum(0)), credits]),
  images: () => z.array(z.strictObject({ width: z.int().check(z.positive()), height: z.int().check(z.positive()) })),
  generatedImages: () =>
    z.array(z.strictObject({ size: z.string().check(z.regex(/^[1-9]\d{0,5}x[1-9]\d{0,5}$/)), quality: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/))), count: z.optional(nonNegativeInt) })),
  text: () => z.string(),
  serviceTier: () => z.enum(SERVICE_TIERS),
  instant: () => z.string().check(z.refine((text) => instantMs(text) !== undefined, 'expected an ISO 8601 instant')),
  object: () => z.record(z.string(), z.unknown()),
};

/**
 * One usage record (core's `Usage` without what the event carries): a service and its
 * quantities. Built from core's one table of fields, so the host refuses exactly what core's
 * `rate` refuses: an unknown field or a record without a quantity is an error, not dropped.
 */
export const usageRecord = z
  .strictObject(
    Object.fromEntries(
      [...HOST_RECORD_FIELDS].map(([name, spec]) => [name, spec.required ? FIELD_SCHEMAS[spec.type](spec) : z.optional(FIELD_SCHEMAS[spec.type](spec))]),
    ),
  )
  .check(
    z.refine((record) => [...HOST_RECORD_FIELDS].some(([name, spec]) => spec.kind && (record as Record<string, unknown>)[name] !== undefined), {
      message: `has no quantity (${[...HOST_RECORD_FIELDS].filter(([, spec]) => spec.kind).map(([name]) => name).join(', ')})`,
    }),
    // A part (reasoningTokens) needs its whole (outputTokens) and is at most that.
    z.superRefine((record, ctx) => {
      const r = record as Record<string, number | undefined>;
      for (const [name, spec] of HOST_RECORD_FIELDS) {
        if (!spec.partOf || r[name] === undefined) continue;
        const whole = r[spec.partOf];
        if (whole === undefined || r[name]! > whole) ctx.addIssue({ code: 'custom', path: [name], message: `is a part of ${spec.partOf} and at most that`, input: r[name] });
      }
    }),
  ) as unknown as z.ZodMiniType<HostUsage>;

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
  /** Generated images: the size and quality the line prices. */
  image: z.optional(z.object({ size: z.string(), quality: z.optional(z.string()) })),
  /** The service tier (batch, flex, priority) that priced the line; absent for standard. */
  serviceTier: z.optional(z.enum(SERVICE_TIERS)),
  /** The price key whose price was charged where the service lists none for this kind (a cache write priced as input). */
  pricedAs: z.optional(z.enum(PRICE_KEYS)),
  /** The price period that priced the line, where the service's prices changed over time. */
  period: z.optional(z.object({ from: z.optional(z.string()), until: z.optional(z.string()) })),
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

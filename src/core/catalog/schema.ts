// The catalog format: zod schemas are the single source of the catalog types (z.infer), of the
// published JSON Schema and of the shape parseCatalog checks without zod (zod-shape.ts →
// catalog-shape.ts), so a page that validates a catalog does not download zod.
import * as z from 'zod/mini';
import { readDecimal, readInstant, readPrice, type ScalarResult } from './scalars.js';
import { IMAGE_VARIANT_PATTERN, UNITS, type Unit } from './vocabulary.js';

export * from './vocabulary.js';

/** A scalar read by one of core's plain readers (scalars.ts), as a zod transform: the same rule in the browser's validator. */
function scalar<T>(read: (value: unknown) => ScalarResult<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx): T => {
      const result = read(value);
      if ('value' in result) return result.value;
      ctx.issues.push({ code: 'custom', message: result.error, input: value });
      return z.NEVER;
    }),
  );
}

/** A non-negative decimal, kept as published ("0.2200" stays "0.2200"); a plain JSON number is accepted and turned into its string. */
export const decimalString = scalar(readDecimal);

/** A price: a decimal string, or null for "not offered" (never confused with "0", which is free). */
export const price = scalar(readPrice);

/** An instant: a day (from its midnight, UTC) or a day and a time, ISO 8601 ("2026-11-23", "2026-11-23T09:00:00Z"). */
export const instant = scalar(readInstant);

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
const idPattern = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case slug (a-z, 0-9, ".", "_", "-")'));

export const unit = z.enum(Object.keys(UNITS) as [Unit, ...Unit[]]);

const imageVariant = z.string().check(z.regex(IMAGE_VARIANT_PATTERN, 'expected an image size and quality such as "1024x1024/high" or a size alone ("1024x1024")'));

export const priceSet = z.strictObject({
  input: z.optional(price),
  output: z.optional(price),
  cachedInput: z.optional(price),
  cacheWrite: z.optional(price),
  cacheWrite1h: z.optional(price),
  reasoning: z.optional(price),
  inputAudio: z.optional(price),
  outputAudio: z.optional(price),
  audio: z.optional(price),
  audioOutput: z.optional(price),
  characters: z.optional(price),
  request: z.optional(price),
  storage: z.optional(price),
  webSearch: z.optional(price),
  /** Per generated image, by size and quality ("1024x1024/high"): quoted per image whatever the unit; null = that variant is not offered. */
  generatedImages: z.optional(z.record(imageVariant, price)),
});

/** Prices that apply instead of the base prices when one request's input exceeds `above` tokens. */
export const tier = z.strictObject({
  above: z.int().check(z.positive()),
  prices: z.record(slug, priceSet),
});

/** The prices of a service tier (batch, flex, priority), per key mode, with its own long-context tiers. */
export const serviceTierPrices = z.strictObject({
  prices: z.record(slug, priceSet),
  tiers: z.optional(z.array(tier)),
});

/** Batch, flex and priority prices; a tier missing here is not offered. */
export const serviceTiers = z.strictObject({
  batch: z.optional(serviceTierPrices),
  flex: z.optional(serviceTierPrices),
  priority: z.optional(serviceTierPrices),
});

/** The prices (and long-context tiers) a service had until an instant, when the next ones applied. */
export const earlierPrices = z.strictObject({
  /** The instant from which the next prices apply (exclusive end of this period). */
  until: instant,
  prices: z.record(slug, priceSet),
  tiers: z.optional(z.array(tier)),
  serviceTiers: z.optional(serviceTiers),
});

export const provenance = z.strictObject({
  document: nonEmpty,
  url: z.optional(z.string()),
  checked: isoDate,
  section: z.optional(z.string()),
});

export const service = z.strictObject({
  id: z.string().check(z.regex(idPattern, 'expected an id "brand/model" in lower case')),
  brand: nonEmpty,
  /** English name of the brand where the published one is not (百度 → Baidu). */
  brandEn: z.optional(z.string()),
  model: nonEmpty,
  aliases: z.optional(z.array(nonEmpty)),
  billingType: slug,
  unit,
  /** Prices per key mode; a key mode missing here is not offered for this service. */
  prices: z.record(slug, priceSet),
  tiers: z.optional(z.array(tier)),
  /** Prices of the batch, flex and priority service tiers, where the service offers them. */
  serviceTiers: z.optional(serviceTiers),
  /**
   * Earlier prices, oldest first, each with the instant until which it applied; `prices` and
   * `tiers` apply from the last `until` on (which may lie in the future: an announced change).
   */
  earlier: z.optional(z.array(earlierPrices)),
  /** The instant from which the service is offered (added to the price list then). */
  since: z.optional(instant),
  /** The instant from which the service is no longer offered (removed; usage before stays rateable). */
  until: z.optional(instant),
  contextWindow: z.optional(z.int().check(z.positive())),
  tokenizer: z.optional(z.enum(['o200k_base', 'cl100k_base'])),
  tier: z.optional(slug),
  source: z.optional(provenance),
  notes: z.optional(z.array(z.string())),
});

export const billingType = z.strictObject({
  id: slug,
  name: nonEmpty,
  description: z.optional(z.string()),
  example: z.optional(z.string()),
});

export const keyMode = z.strictObject({
  id: slug,
  name: nonEmpty,
  description: z.optional(z.string()),
});

/** A ceiling on what a key mode charges, applied by the engine: charge = min(listed, cap). */
export const cap = z.strictObject({
  keyMode: slug,
  billingTypes: z.array(slug),
  unit,
  prices: priceSet,
  source: z.optional(z.string()),
});

export const roundingPolicy = z.union([
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({
    mode: z.enum(['line', 'total']),
    decimals: z.int().check(z.gte(0), z.lte(12)),
    rounding: z.enum(['half-up', 'half-even', 'up', 'down']),
    minimumCharge: z.optional(decimalString),
  }),
]);

export const creditPackage = z.strictObject({
  id: slug,
  name: nonEmpty,
  credits: decimalString,
  /** What the package costs; absent for a package priced on request. */
  price: z.optional(z.strictObject({ amount: decimalString, currency: z.string().check(z.regex(/^[A-Z]{3}$/)) })),
  /** The discount the source states, in percent, checked by the linter against the price. */
  statedDiscountPercent: z.optional(decimalString),
  /** A package sold from this many credits up, at an individual price. */
  custom: z.optional(z.boolean()),
  description: z.optional(z.string()),
});

export const modelTier = z.strictObject({
  id: slug,
  name: nonEmpty,
  description: z.optional(z.string()),
  models: z.array(nonEmpty),
});

/**
 * A rate for showing money in a second currency beside the catalog's ("≈ $28.77"), never for
 * billing: 1 `from` = `rate` `to`, as `source` published it on `date`.
 */
export const exchangeRate = z.strictObject({
  from: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code')),
  to: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code')),
  rate: decimalString,
  date: isoDate,
  source: z.optional(z.string()),
});

export const catalogSchema = z.strictObject({
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(1),
  id: slug,
  name: nonEmpty,
  version: nonEmpty,
  source: z.optional(provenance),
  creditUnit: z.strictObject({
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code')),
    value: decimalString,
  }),
  rounding: roundingPolicy,
  keyModes: z.array(keyMode).check(z.minLength(1, 'a catalog needs at least one key mode')),
  defaultKeyMode: z.optional(slug),
  billingTypes: z.array(billingType).check(z.minLength(1)),
  caps: z.optional(z.array(cap)),
  packages: z.optional(z.array(creditPackage)),
  modelTiers: z.optional(z.array(modelTier)),
  /** Rates for showing money in another currency too (display only). */
  exchangeRates: z.optional(z.array(exchangeRate)),
  notes: z.optional(z.array(z.string())),
  services: z.array(service),
});

export type Catalog = z.output<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;

/** A type as TypeScript types the same data imported from a JSON file: literals widened (`1` → number, `'none'` → string). */
type AsJson<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer Item)[]
        ? readonly AsJson<Item>[]
        : T extends object
          ? { [K in keyof T]: AsJson<T[K]> }
          : T;

/**
 * A catalog as the elements (and the React wrappers) accept it from script: parsed (`Catalog`),
 * written out (`CatalogInput`), or imported from its JSON file
 * (`import gptbots from 'creditkit/catalog/gptbots.json'`, whose literals TypeScript widens, so
 * `schemaVersion` is a number). Anything not made by `parseCatalog` is validated at run time.
 */
export type CatalogLike = Catalog | CatalogInput | AsJson<CatalogInput>;
export type Service = z.output<typeof service>;
export type EarlierPrices = z.output<typeof earlierPrices>;
export type PriceSet = z.output<typeof priceSet>;
export type Cap = z.output<typeof cap>;
export type CreditPackage = z.output<typeof creditPackage>;
export type RoundingPolicy = z.output<typeof roundingPolicy>;
export type BillingTypeInfo = z.output<typeof billingType>;
export type KeyModeInfo = z.output<typeof keyMode>;
export type CatalogExchangeRate = z.output<typeof exchangeRate>;
export type Price = string | null;

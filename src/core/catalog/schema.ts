// The catalog format: zod schemas are the single source of the catalog types (z.infer) and of
// the published JSON Schema. zod/mini keeps the pricing table's first paint small.
import * as z from 'zod/mini';
import { isPlainDecimal, numberToPlainDecimal } from '../decimal-text.js';
import { describeValue } from '../describe.js';
import { INSTANT_EXAMPLE, instantMs } from '../instant.js';

/** A non-negative decimal, kept as published ("0.2200" stays "0.2200"); a plain JSON number is accepted and turned into its string. */
export const decimalString = z.pipe(
  z.unknown(),
  z.transform((value, ctx): string => {
    if (typeof value === 'string' && isPlainDecimal(value)) return value;
    if (typeof value === 'number') {
      const text = numberToPlainDecimal(value);
      if (text !== undefined) return text;
    }
    ctx.issues.push({ code: 'custom', message: `expected a decimal string, got ${describeValue(value)}`, input: value });
    return z.NEVER;
  }),
);

/** A price: a decimal string, or null for "not offered" (never confused with "0", which is free). */
export const price = z.pipe(
  z.unknown(),
  z.transform((value, ctx): string | null => {
    if (value === null) return null;
    if (typeof value === 'string' && isPlainDecimal(value)) return value;
    if (typeof value === 'number') {
      const text = numberToPlainDecimal(value);
      if (text !== undefined) return text;
    }
    ctx.issues.push({
      code: 'custom',
      message: `expected a decimal string or null (not offered), got ${describeValue(value)}`,
      input: value,
    });
    return z.NEVER;
  }),
);

/** An instant: a day (from its midnight, UTC) or a day and a time, ISO 8601 ("2026-11-23", "2026-11-23T09:00:00Z"). */
export const instant = z.pipe(
  z.unknown(),
  z.transform((value, ctx): string => {
    if (typeof value === 'string' && instantMs(value) !== undefined) return value;
    ctx.issues.push({ code: 'custom', message: `expected an instant such as ${INSTANT_EXAMPLE}, got ${describeValue(value)}`, input: value });
    return z.NEVER;
  }),
);

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
const idPattern = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/;
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case slug (a-z, 0-9, ".", "_", "-")'));

/** The units a price can be quoted in. The number is what one price unit counts. */
export const UNITS = {
  'tokens-1k': { kind: 'tokens', per: 1000 },
  'tokens-1m': { kind: 'tokens', per: 1_000_000 },
  'seconds-60': { kind: 'seconds', per: 60 },
  'characters-1k': { kind: 'characters', per: 1000 },
  requests: { kind: 'requests', per: 1 },
  images: { kind: 'images', per: 1 },
  'token-days-1k': { kind: 'token-days', per: 1000 },
} as const;
export type Unit = keyof typeof UNITS;
export const unit = z.enum(Object.keys(UNITS) as [Unit, ...Unit[]]);

/**
 * Price keys, one per quantity kind a usage record can carry:
 * input/output tokens, cache reads (cachedInput), cache writes (cacheWrite: the provider's default
 * TTL, Anthropic's 5 minutes; cacheWrite1h), reasoning tokens, audio tokens in and out
 * (inputAudio, outputAudio: OpenAI's and Gemini's audio prices per token), audio seconds in
 * (audio) and out (audioOutput), characters, requests (calls, images generated, tool calls),
 * stored token-days and web searches (per call). Generated images are priced per image by size
 * and quality in a price set's `generatedImages`, not by one key.
 */
export const PRICE_KEYS = ['input', 'output', 'cachedInput', 'cacheWrite', 'cacheWrite1h', 'reasoning', 'inputAudio', 'outputAudio', 'audio', 'audioOutput', 'characters', 'request', 'storage', 'webSearch'] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];
/** What prices a quantity kind: a price key, or a price set's per-variant prices of generated images. */
export type PriceName = PriceKey | 'generatedImages';

/**
 * The price a key borrows where a service lists none: cache reads and writes are priced as input,
 * reasoning as output (the charge line names the price it borrowed).
 */
export const PRICE_FALLBACK: Partial<Record<PriceKey, PriceKey>> = {
  cachedInput: 'input',
  cacheWrite: 'input',
  cacheWrite1h: 'input',
  reasoning: 'output',
};

/** Price keys quoted per call whatever the service's unit (a web search on a per-1M-token model). */
export const PER_CALL_KEYS: ReadonlySet<PriceName> = new Set(['webSearch']);

/** A generated image's size and quality as a price names it: "1024x1024" or "1024x1024/high". */
export const IMAGE_VARIANT_PATTERN = /^[1-9]\d{0,5}x[1-9]\d{0,5}(?:\/[a-z0-9][a-z0-9-]*)?$/;
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

/** The service tiers a request can ask for; `standard` is the service's own prices. */
export const SERVICE_TIERS = ['standard', 'batch', 'flex', 'priority'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

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

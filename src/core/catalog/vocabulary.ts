// The catalog's vocabulary: units, price keys, service tiers. Plain values without zod, so what
// reads a catalog in the browser (the price list) does not bring the schema library along.

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
/** The service tiers a request can ask for; `standard` is the service's own prices. */
export const SERVICE_TIERS = ['standard', 'batch', 'flex', 'priority'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

// LiteLLM's model_prices_and_context_window.json → service entries. Costs there are USD per
// token (per second, per character, per image); they become credits per catalog unit by one
// exact multiplication and division with core's Decimal, and an amount that the credit value
// does not divide exactly is an error rather than a rounded price.
import { Decimal, toPlain } from '../../decimal.js';
import { describeValue } from '../../describe.js';
import type { PriceKey, PriceSet, Unit } from '../schema.js';
import { lookupBrand, type BrandMap } from './brands.js';
import type { IssueLog } from './issues.js';
import { DEFAULT_AUDIO_MODELS, slugify } from './names.js';
import { addUnique, type ServiceEntry } from './services.js';

export interface LiteLLMOptions {
  /** USD per credit, e.g. "0.01". */
  creditValue: string;
  /** The key mode the provider's list prices go to. */
  keyMode: string;
  /** Unit of token prices. @default 'tokens-1k' */
  tokenUnit?: 'tokens-1k' | 'tokens-1m';
  /** Only these providers (litellm_provider), if given. */
  providers?: readonly string[];
  /** Only these modes (chat, embedding, …), if given. */
  modes?: readonly string[];
  brands?: BrandMap;
  audioModels?: readonly RegExp[];
}

interface ModeSpec {
  billingType: string;
  /** Price key ← LiteLLM field, and how many of the field's units one catalog unit counts. */
  prices: { key: PriceKey; field: string; required: boolean }[];
  unit: (tokenUnit: Unit) => Unit;
}

const TOKEN_PRICES = [
  { key: 'input', field: 'input_cost_per_token', required: true },
  { key: 'output', field: 'output_cost_per_token', required: true },
  { key: 'cachedInput', field: 'cache_read_input_token_cost', required: false },
] as const;

const MODES: Record<string, ModeSpec[]> = {
  chat: [{ billingType: 'llm-text-chat', prices: [...TOKEN_PRICES], unit: (t) => t }],
  completion: [{ billingType: 'llm-text-chat', prices: [...TOKEN_PRICES], unit: (t) => t }],
  responses: [{ billingType: 'llm-text-chat', prices: [...TOKEN_PRICES], unit: (t) => t }],
  embedding: [{ billingType: 'knowledge-indexing', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t }],
  rerank: [
    { billingType: 'knowledge-reranking', prices: [{ key: 'request', field: 'input_cost_per_query', required: true }], unit: () => 'requests' },
    { billingType: 'knowledge-reranking', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t },
  ],
  audio_transcription: [{ billingType: 'asr', prices: [{ key: 'audio', field: 'input_cost_per_second', required: true }], unit: () => 'seconds-60' }],
  audio_speech: [{ billingType: 'tts', prices: [{ key: 'characters', field: 'input_cost_per_character', required: true }], unit: () => 'characters-1k' }],
  moderation: [{ billingType: 'content-moderation', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t }],
  image_generation: [{ billingType: 'image-generation', prices: [{ key: 'request', field: 'output_cost_per_image', required: true }], unit: () => 'images' }],
};

/** How many of LiteLLM's units (one token, second, character, image) one catalog unit counts. */
const PER: Record<Unit, number> = {
  'tokens-1k': 1000,
  'tokens-1m': 1_000_000,
  'seconds-60': 60,
  'characters-1k': 1000,
  requests: 1,
  images: 1,
  'token-days-1k': 1000,
};

/** A JSON number as an exact Decimal: the shortest decimal that prints as the same double, which is what the file wrote. */
function costOf(value: unknown): Decimal | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return new Decimal(String(value));
}

export function liteLLMServices(json: unknown, options: LiteLLMOptions, log: IssueLog): ServiceEntry[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    log.error(`expected LiteLLM's object of models, got ${describeValue(json)}`, { path: '(root)' });
    return [];
  }
  const creditValue = new Decimal(options.creditValue);
  const tokenUnit = options.tokenUnit ?? 'tokens-1k';
  const audioModels = options.audioModels ?? DEFAULT_AUDIO_MODELS;
  const services: ServiceEntry[] = [];
  const seen = new Map<string, { entry: ServiceEntry; where: string }>();
  const skippedModes = new Map<string, number>();

  for (const [name, raw] of Object.entries(json as Record<string, unknown>)) {
    const at = { path: `[${JSON.stringify(name)}]` };
    if (name === 'sample_spec') continue; // LiteLLM's documentation of the format
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      log.error(`expected a model object, got ${describeValue(raw)}`, at);
      continue;
    }
    const entry = raw as Record<string, unknown>;
    const provider = entry.litellm_provider;
    const mode = entry.mode ?? 'chat';
    if (typeof provider !== 'string' || !provider) {
      log.error(`litellm_provider: expected a provider name, got ${describeValue(provider)}`, at);
      continue;
    }
    if (typeof mode !== 'string') {
      log.error(`mode: expected a mode name, got ${describeValue(mode)}`, at);
      continue;
    }
    if (options.providers && !options.providers.includes(provider)) continue;
    if (options.modes && !options.modes.includes(mode)) continue;
    const specs = MODES[mode];
    if (!specs) {
      skippedModes.set(mode, (skippedModes.get(mode) ?? 0) + 1);
      continue;
    }
    const spec = specs.find((s) => s.prices.filter((p) => p.required).every((p) => entry[p.field] !== undefined));
    if (!spec) {
      const missing = specs[0]!.prices.filter((p) => p.required && entry[p.field] === undefined).map((p) => p.field);
      log.warn(`left out: a ${mode} model without ${missing.join(' and ')}`, at);
      continue;
    }
    const unit = spec.unit(tokenUnit);
    const set: PriceSet = {};
    let ok = true;
    for (const { key, field } of spec.prices) {
      if (entry[field] === undefined) continue;
      const cost = costOf(entry[field]);
      if (!cost) {
        log.error(`${field}: expected a non-negative number of USD, got ${describeValue(entry[field])}`, at);
        ok = false;
        continue;
      }
      const credits = cost.times(PER[unit]).div(creditValue);
      // Exact when the quotient did not use up every significant digit (a repeating decimal
      // does) and multiplies back to the amount.
      if (credits.sd() >= Decimal.precision || !credits.times(creditValue).eq(cost.times(PER[unit]))) {
        log.error(`${field}: ${String(entry[field])} USD × ${PER[unit]} is no exact number of credits at ${options.creditValue} USD per credit`, at);
        ok = false;
        continue;
      }
      set[key] = toPlain(credits);
    }
    if (!ok) continue;

    const model = name.startsWith(`${provider}/`) ? name.slice(provider.length + 1) : name;
    const brandSlug = (options.brands && lookupBrand(options.brands, provider)?.slug) ?? slugify(provider);
    const modelSlug = slugify(model);
    if (!brandSlug || !modelSlug) {
      log.error(`no id can be made of provider "${provider}" and model "${model}"`, at);
      continue;
    }
    const billingType = spec.billingType === 'llm-text-chat' && audioModels.some((p) => p.test(model)) ? 'llm-audio-chat' : spec.billingType;
    const window = entry.max_input_tokens;
    const contextWindow = typeof window === 'number' && Number.isSafeInteger(window) && window > 0 ? window : undefined;
    if (window !== undefined && window !== null && contextWindow === undefined) log.warn(`max_input_tokens: ${describeValue(window)} is not a token count; left out`, at);
    const service: ServiceEntry = {
      id: `${brandSlug}/${modelSlug}`,
      brand: provider,
      model,
      ...(model !== name && { aliases: [name] }),
      billingType,
      unit,
      prices: { [options.keyMode]: set },
      ...(contextWindow && { contextWindow }),
    };
    addUnique(services, seen, service, at.path, at, log);
  }
  for (const [mode, count] of skippedModes) log.info(`${count} model${count === 1 ? '' : 's'} of mode "${mode}" left out: creditkit has no unit for them`);
  return services;
}

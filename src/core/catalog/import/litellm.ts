// LiteLLM's model_prices_and_context_window.json → service entries. Costs there are USD per
// token (per second, per character, per image); they become credits per catalog unit exactly
// (usd.ts). Every price field maps to a creditkit price, a long-context tier (`…_above_200k_tokens`)
// or a service tier (`…_batches`, `…_flex`, `…_priority`); a price field that cannot is reported
// once per field name with the number of models that carried it, never dropped silently.
import { describeValue } from '../../describe.js';
import type { PriceKey, PriceSet, Unit } from '../schema.js';
import { lookupBrand, type BrandMap } from './brands.js';
import type { IssueLog } from './issues.js';
import { DEFAULT_AUDIO_MODELS, slugify } from './names.js';
import { addUnique, type ServiceEntry } from './services.js';
import { costOf, creditsOf, FieldReport } from './usd.js';

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
  /** Price key ← LiteLLM field; a spec applies when its required fields are there. */
  prices: { key: PriceKey; field: string; required: boolean }[];
  unit: (tokenUnit: Unit) => Unit;
}

/** Token prices of a chat model: the field of the standard price, without tier or service-tier suffix. */
export const LITELLM_TOKEN_FIELDS: Readonly<Record<string, PriceKey>> = {
  input_cost_per_token: 'input',
  output_cost_per_token: 'output',
  cache_read_input_token_cost: 'cachedInput',
  cache_creation_input_token_cost: 'cacheWrite',
  cache_creation_input_token_cost_above_1hr: 'cacheWrite1h',
  output_cost_per_reasoning_token: 'reasoning',
  input_cost_per_audio_token: 'inputAudio',
  output_cost_per_audio_token: 'outputAudio',
};

/** The suffix of a service tier's price: input_cost_per_token_batches. */
export const LITELLM_SERVICE_TIERS = { batches: 'batch', flex: 'flex', priority: 'priority' } as const;

const CHAT: ModeSpec = {
  billingType: 'llm-text-chat',
  prices: [
    { key: 'input', field: 'input_cost_per_token', required: true },
    { key: 'output', field: 'output_cost_per_token', required: true },
  ],
  unit: (t) => t,
};

const MODES: Record<string, ModeSpec[]> = {
  chat: [CHAT],
  completion: [CHAT],
  responses: [CHAT],
  embedding: [{ billingType: 'knowledge-indexing', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t }],
  rerank: [
    { billingType: 'knowledge-reranking', prices: [{ key: 'request', field: 'input_cost_per_query', required: true }], unit: () => 'requests' },
    { billingType: 'knowledge-reranking', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t },
  ],
  audio_transcription: [{ billingType: 'asr', prices: [{ key: 'audio', field: 'input_cost_per_second', required: true }], unit: () => 'seconds-60' }],
  audio_speech: [
    { billingType: 'tts', prices: [{ key: 'characters', field: 'input_cost_per_character', required: true }], unit: () => 'characters-1k' },
    { billingType: 'tts', prices: [{ key: 'audioOutput', field: 'output_cost_per_second', required: true }], unit: () => 'seconds-60' },
  ],
  moderation: [{ billingType: 'content-moderation', prices: [{ key: 'input', field: 'input_cost_per_token', required: true }], unit: (t) => t }],
  image_generation: [
    { billingType: 'image-generation', prices: [{ key: 'request', field: 'output_cost_per_image', required: true }], unit: () => 'images' },
    { billingType: 'image-generation', prices: [{ key: 'request', field: 'input_cost_per_image', required: true }], unit: () => 'images' },
  ],
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

/** Why a price field is not mapped, for the report. */
function unmappedReason(field: string): string {
  if (/pixel/.test(field)) return 'a per-pixel approximation; creditkit prices generated images per image by size and quality';
  if (/image_token|image$/.test(field)) return 'creditkit prices image input by the tile rule and generated images per image';
  if (/video/.test(field)) return 'creditkit has no video price';
  if (field === 'search_context_cost_per_query') return 'low, medium and high search context priced differently; creditkit has one web-search price';
  if (/per_second/.test(field)) return 'audio seconds are priced on services quoted per 60 seconds only';
  return 'creditkit has no such price';
}

/** Fields that name no price (metadata, capabilities, limits). */
const isPriceField = (field: string) => /cost|price/.test(field);

/** A generated-image variant's key: "high/1024-x-1024/gpt-image-1" → quality high, 1024×1024, model gpt-image-1. */
const IMAGE_VARIANT = /^(?:(low|medium|high|standard|hd|auto)\/)?([1-9]\d*)-x-([1-9]\d*)\/([^/]+)$/;

interface TokenPrices {
  /** By service tier ('standard' or batch/flex/priority), then threshold (0 = base), then price key. */
  [serviceTier: string]: Map<number, PriceSet>;
}

/**
 * A chat model's token prices by service tier and long-context threshold. Fields it cannot map go
 * to the report; a value that is no exact price is an error.
 */
function tokenPrices(entry: Record<string, unknown>, unit: Unit, options: LiteLLMOptions, at: { path: string }, log: IssueLog, report: FieldReport): TokenPrices | undefined {
  const out: TokenPrices = {};
  let ok = true;
  for (const [field, value] of Object.entries(entry)) {
    if (!isPriceField(field)) continue;
    let rest = field;
    let serviceTier = 'standard';
    const st = /_(batches|flex|priority)$/.exec(rest);
    if (st) {
      serviceTier = LITELLM_SERVICE_TIERS[st[1] as keyof typeof LITELLM_SERVICE_TIERS];
      rest = rest.slice(0, st.index);
    }
    let threshold = 0;
    const above = /_above_(\d+)k_tokens$/.exec(rest);
    if (above) {
      threshold = Number(above[1]) * 1000;
      rest = rest.slice(0, above.index);
    }
    const key = LITELLM_TOKEN_FIELDS[rest];
    let credits: string | undefined;
    if (key) credits = creditsOf(value, PER[unit], 1, options.creditValue, field, at, log);
    else if (field === 'search_context_cost_per_query' && value && typeof value === 'object') {
      // One price per web search where low, medium and high context cost the same (Anthropic's $10 per 1K).
      const sizes = Object.values(value as Record<string, unknown>).map((v) => costOf(v)?.toString());
      if (sizes.length && sizes.every((s) => s !== undefined && s === sizes[0])) {
        credits = creditsOf(Object.values(value as Record<string, unknown>)[0], 1, 1, options.creditValue, field, at, log);
        (out[serviceTier] ??= new Map()).set(threshold, { ...(out[serviceTier]!.get(threshold) ?? {}), webSearch: credits });
        if (credits === undefined) ok = false;
        continue;
      }
      report.add(field);
      continue;
    } else {
      // A price of 0 for something creditkit does not bill loses nothing; any other is reported.
      if (value !== 0) report.add(field);
      continue;
    }
    if (credits === undefined) {
      ok = false;
      continue;
    }
    const sets = (out[serviceTier] ??= new Map());
    sets.set(threshold, { ...(sets.get(threshold) ?? {}), [key]: credits });
  }
  return ok ? out : undefined;
}

/** A chat model's prices, long-context tiers and service tiers from its token prices. */
function tokenService(prices: TokenPrices, keyMode: string): Pick<ServiceEntry, 'prices' | 'tiers' | 'serviceTiers'> {
  const tiersOf = (sets: Map<number, PriceSet>) => {
    const base = sets.get(0) ?? {};
    // A key the tier does not price keeps the base price, as LiteLLM computes it.
    const tiers = [...sets.keys()].filter((t) => t > 0).sort((a, b) => a - b).map((above) => ({ above, prices: { [keyMode]: { ...base, ...sets.get(above) } } }));
    return tiers.length ? tiers : undefined;
  };
  const standard = prices.standard ?? new Map<number, PriceSet>();
  const tiers = tiersOf(standard);
  const serviceTiers: ServiceEntry['serviceTiers'] = {};
  for (const name of ['batch', 'flex', 'priority'] as const) {
    const sets = prices[name];
    const base = sets?.get(0);
    // A service tier is offered where it prices input or output; what it does not price is not
    // borrowed from the standard tier (a cache read then costs the tier's input price, and says so).
    if (!sets || !base || (base.input === undefined && base.output === undefined)) continue;
    const own = tiersOf(sets);
    serviceTiers[name] = { prices: { [keyMode]: base }, ...(own && { tiers: own }) } as { prices: Record<string, PriceSet> };
  }
  return { prices: { [keyMode]: standard.get(0) ?? {} }, ...(tiers && { tiers }), ...(Object.keys(serviceTiers).length && { serviceTiers }) };
}

export function liteLLMServices(json: unknown, options: LiteLLMOptions, log: IssueLog): ServiceEntry[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    log.error(`expected LiteLLM's object of models, got ${describeValue(json)}`, { path: '(root)' });
    return [];
  }
  const tokenUnit = options.tokenUnit ?? 'tokens-1k';
  const audioModels = options.audioModels ?? DEFAULT_AUDIO_MODELS;
  const services: ServiceEntry[] = [];
  const seen = new Map<string, { entry: ServiceEntry; where: string }>();
  const skippedModes = new Map<string, number>();
  const report = new FieldReport(unmappedReason);
  /** Generated-image variants per (provider, model), merged into one service after the loop. */
  const variants = new Map<string, { provider: string; model: string; path: string; prices: Record<string, string> }>();

  const idOf = (provider: string, model: string, at: { path: string }) => {
    const brandSlug = (options.brands && lookupBrand(options.brands, provider)?.slug) ?? slugify(provider);
    const modelSlug = slugify(model);
    if (!brandSlug || !modelSlug) {
      log.error(`no id can be made of provider "${provider}" and model "${model}"`, at);
      return undefined;
    }
    return `${brandSlug}/${modelSlug}`;
  };

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
    const model = name.startsWith(`${provider}/`) ? name.slice(provider.length + 1) : name;

    // "high/1024-x-1024/gpt-image-1": one size and quality of a model's generated images.
    const variant = mode === 'image_generation' ? IMAGE_VARIANT.exec(model) : null;
    const perImageField = entry.output_cost_per_image !== undefined ? 'output_cost_per_image' : entry.input_cost_per_image !== undefined ? 'input_cost_per_image' : undefined;
    if (variant && perImageField) {
      const credits = creditsOf(entry[perImageField], 1, 1, options.creditValue, perImageField, at, log);
      if (credits === undefined) continue;
      const [, quality, width, height, base] = variant as unknown as [string, string | undefined, string, string, string];
      const key = `${provider}\u0000${base}`;
      const group = variants.get(key) ?? { provider, model: base, path: at.path, prices: {} };
      group.prices[`${width}x${height}${quality ? `/${quality}` : ''}`] = credits;
      variants.set(key, group);
      for (const field of Object.keys(entry)) if (field !== perImageField && isPriceField(field) && entry[field] !== 0) report.add(field);
      continue;
    }

    const spec = specs.find((s) => s.prices.filter((p) => p.required).every((p) => entry[p.field] !== undefined));
    if (!spec) {
      const missing = specs[0]!.prices.filter((p) => p.required && entry[p.field] === undefined).map((p) => p.field);
      log.warn(`left out: a ${mode} model without ${missing.join(' and ')}`, at);
      continue;
    }
    const unit = spec.unit(tokenUnit);
    let priced: Pick<ServiceEntry, 'prices' | 'tiers' | 'serviceTiers'>;
    if (spec === CHAT) {
      const prices = tokenPrices(entry, unit, options, at, log, report);
      if (!prices) continue;
      priced = tokenService(prices, options.keyMode);
    } else {
      const set: PriceSet = {};
      let ok = true;
      for (const { key, field } of spec.prices) {
        if (entry[field] === undefined) continue;
        const credits = creditsOf(entry[field], PER[unit], 1, options.creditValue, field, at, log);
        if (credits === undefined) ok = false;
        else set[key] = credits;
      }
      if (!ok) continue;
      const used = new Set(spec.prices.map((p) => p.field));
      for (const field of Object.keys(entry)) if (!used.has(field) && isPriceField(field) && entry[field] !== 0) report.add(field);
      priced = { prices: { [options.keyMode]: set } };
    }

    const id = idOf(provider, model, at);
    if (!id) continue;
    const billingType = spec.billingType === 'llm-text-chat' && audioModels.some((p) => p.test(model)) ? 'llm-audio-chat' : spec.billingType;
    const window = entry.max_input_tokens;
    const contextWindow = typeof window === 'number' && Number.isSafeInteger(window) && window > 0 ? window : undefined;
    if (window !== undefined && window !== null && contextWindow === undefined) log.warn(`max_input_tokens: ${describeValue(window)} is not a token count; left out`, at);
    const service: ServiceEntry = {
      id,
      brand: provider,
      model,
      ...(model !== name && { aliases: [name] }),
      billingType,
      unit,
      ...priced,
      ...(contextWindow && { contextWindow }),
    };
    addUnique(services, seen, service, at.path, at, log);
  }

  // Generated-image variants join their model's service (its per-image or token prices), or make one.
  for (const { provider, model, path, prices } of variants.values()) {
    const id = idOf(provider, model, { path });
    if (!id) continue;
    const existing = seen.get(id)?.entry;
    if (existing && (existing.unit === 'images' || existing.unit === tokenUnit)) {
      const set = existing.prices[options.keyMode] ?? {};
      existing.prices[options.keyMode] = { ...set, generatedImages: prices };
    } else if (existing) log.error(`${id}: image prices by size and quality cannot join a service priced per ${existing.unit}`, { path });
    else addUnique(services, seen, { id, brand: provider, model, billingType: 'image-generation', unit: 'images', prices: { [options.keyMode]: { generatedImages: prices } } }, path, { path }, log);
  }
  report.report(log);
  for (const [mode, count] of skippedModes) log.info(`${count} model${count === 1 ? '' : 's'} of mode "${mode}" left out: creditkit has no unit for them`);
  return services;
}

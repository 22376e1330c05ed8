// pydantic's genai-prices data (prices/data.json: providers, each with models) → service entries.
// Prices are USD per million tokens (`input_mtok`), a number or tiered ({ base, tiers: [{ start,
// price }] }: once a request's input passes `start`, the whole request is priced at the tier), and
// a model's `prices` may be a list of prices by date ({ constraint: { start_date }, prices }):
// the earlier ones become the service's `earlier` prices, each until the next one's date.
import { describeValue } from '../../describe.js';
import type { PriceKey, PriceSet, Unit } from '../schema.js';
import { lookupBrand, type BrandMap } from './brands.js';
import type { IssueLog } from './issues.js';
import { slugify } from './names.js';
import { addUnique, type ServiceEntry } from './services.js';
import { creditsOf, FieldReport } from './usd.js';

export interface GenaiPricesOptions {
  creditValue: string;
  keyMode: string;
  /** @default 'tokens-1k' */
  tokenUnit?: 'tokens-1k' | 'tokens-1m';
  /** Only these provider ids, if given. */
  providers?: readonly string[];
  brands?: BrandMap;
}

/** genai-prices' price fields (per million tokens) and the creditkit price each is. */
export const GENAI_PRICE_FIELDS: Readonly<Record<string, PriceKey>> = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cachedInput',
  cache_write_mtok: 'cacheWrite',
  input_audio_mtok: 'inputAudio',
  output_audio_mtok: 'outputAudio',
};

const PER_MTOK: Record<'tokens-1k' | 'tokens-1m', number> = { 'tokens-1k': 1000, 'tokens-1m': 1_000_000 };

function unmappedReason(field: string): string {
  if (field === 'requests_kcount') return 'a price per 1,000 requests on a token-priced model; creditkit prices requests on services quoted per request';
  if (field === 'cache_audio_read_mtok') return 'creditkit has no price for cached audio input';
  if (field.startsWith('constraint.')) return 'prices by time of day; only prices by date are kept';
  return 'creditkit has no such price';
}

type Tiered = { base: unknown; tiers: { start: unknown; price: unknown }[] };
const isTiered = (v: unknown): v is Tiered => !!v && typeof v === 'object' && 'base' in v && Array.isArray((v as Tiered).tiers);

/** One set of genai prices → base prices and long-context tiers (each tier filled with the base for keys it does not tier). */
function pricesOf(raw: unknown, options: GenaiPricesOptions, at: { path: string }, log: IssueLog, report: FieldReport): Pick<ServiceEntry, 'prices' | 'tiers'> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    log.error(`prices: expected an object of prices, got ${describeValue(raw)}`, at);
    return undefined;
  }
  const multiplier = PER_MTOK[options.tokenUnit ?? 'tokens-1k'];
  const convert = (v: unknown, field: string) => creditsOf(v, multiplier, 1_000_000, options.creditValue, field, at, log);
  const base: PriceSet = {};
  const byStart = new Map<number, PriceSet>();
  let ok = true;
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = GENAI_PRICE_FIELDS[field];
    if (!key) {
      report.add(field);
      continue;
    }
    if (isTiered(value)) {
      const credits = convert(value.base, `${field}.base`);
      if (credits === undefined) ok = false;
      else base[key] = credits;
      value.tiers.forEach((t, i) => {
        const start = t.start;
        if (typeof start !== 'number' || !Number.isSafeInteger(start) || start <= 0) {
          log.error(`${field}.tiers[${i}].start: expected a positive token count, got ${describeValue(start)}`, at);
          ok = false;
          return;
        }
        const price = convert(t.price, `${field}.tiers[${i}].price`);
        if (price === undefined) ok = false;
        else byStart.set(start, { ...(byStart.get(start) ?? {}), [key]: price });
      });
      continue;
    }
    const credits = convert(value, field);
    if (credits === undefined) ok = false;
    else base[key] = credits;
  }
  if (!ok) return undefined;
  // Each key's price in a tier is that of its highest tier at or below the tier's start, else the base.
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const tiers = starts.map((above, i) => {
    const set: PriceSet = { ...base };
    for (const start of starts.slice(0, i + 1)) Object.assign(set, byStart.get(start));
    return { above, prices: { [options.keyMode]: set } };
  });
  return { prices: { [options.keyMode]: base }, ...(tiers.length && { tiers }) };
}

export function genaiPricesServices(json: unknown, options: GenaiPricesOptions, log: IssueLog): ServiceEntry[] {
  if (!Array.isArray(json)) {
    log.error(`expected genai-prices' list of providers, got ${describeValue(json)}`, { path: '(root)' });
    return [];
  }
  const unit: Unit = options.tokenUnit ?? 'tokens-1k';
  const services: ServiceEntry[] = [];
  const seen = new Map<string, { entry: ServiceEntry; where: string }>();
  const report = new FieldReport(unmappedReason);
  json.forEach((provider: unknown, p) => {
    const where = { path: `[${p}]` };
    if (!provider || typeof provider !== 'object' || typeof (provider as { id?: unknown }).id !== 'string' || !Array.isArray((provider as { models?: unknown }).models)) {
      log.error(`expected a provider { id, models }, got ${describeValue(provider)}`, where);
      return;
    }
    const { id: providerId, name: providerName, models } = provider as { id: string; name?: string; models: unknown[] };
    if (options.providers && !options.providers.includes(providerId)) return;
    const brand = typeof providerName === 'string' && providerName ? providerName : providerId;
    const brandSlug = (options.brands && lookupBrand(options.brands, providerId)?.slug) ?? slugify(providerId);
    models.forEach((m: unknown, j) => {
      const at = { path: `[${p}].models[${j}]` };
      if (!m || typeof m !== 'object' || typeof (m as { id?: unknown }).id !== 'string') {
        log.error(`expected a model { id, prices }, got ${describeValue(m)}`, at);
        return;
      }
      const model = m as { id: string; name?: unknown; context_window?: unknown; prices?: unknown };
      const modelAt = { path: `${at.path} (${providerId}/${model.id})` };
      // Prices by date: the undated entry first, then each from its start_date; time-of-day prices are reported.
      const dated: { from?: string; prices: unknown }[] = [];
      if (Array.isArray(model.prices)) {
        for (const entry of model.prices as { constraint?: Record<string, unknown>; prices?: unknown }[]) {
          const constraint = entry?.constraint ?? {};
          const other = Object.keys(constraint).filter((k) => k !== 'start_date');
          if (other.length) {
            for (const k of other) report.add(`constraint.${k}`);
            continue;
          }
          const from = constraint.start_date;
          if (from !== undefined && (typeof from !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(from))) {
            log.error(`constraint.start_date: expected a date, got ${describeValue(from)}`, modelAt);
            return;
          }
          dated.push({ ...(from !== undefined && { from: from as string }), prices: entry?.prices });
        }
      } else dated.push({ prices: model.prices });
      dated.sort((a, b) => (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0);
      const periods = dated.map((d) => ({ from: d.from, priced: pricesOf(d.prices, options, modelAt, log, report) }));
      if (!periods.length || periods.some((x) => !x.priced)) return;
      const current = periods[periods.length - 1]!.priced!;
      const earlier = periods.slice(0, -1).map((x, k) => ({ until: periods[k + 1]!.from!, ...x.priced! }));
      if (earlier.some((e) => e.until === undefined)) {
        log.error('two prices without a start_date: which applies when cannot be told', modelAt);
        return;
      }
      const slug = slugify(model.id);
      if (!brandSlug || !slug) {
        log.error(`no id can be made of provider "${providerId}" and model "${model.id}"`, modelAt);
        return;
      }
      const window = model.context_window;
      const service: ServiceEntry = {
        id: `${brandSlug}/${slug}`,
        brand,
        model: typeof model.name === 'string' && model.name ? model.name : model.id,
        ...(typeof model.name === 'string' && model.name && model.name !== model.id && { aliases: [model.id] }),
        billingType: 'llm-text-chat',
        unit,
        ...current,
        ...(earlier.length && { earlier }),
        ...(typeof window === 'number' && Number.isSafeInteger(window) && window > 0 && { contextWindow: window }),
      };
      addUnique(services, seen, service, modelAt.path, modelAt, log);
    });
  });
  report.report(log);
  return services;
}

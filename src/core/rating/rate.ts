// The rating engine. Records are summed as integers per (service, key mode, tier, quantity kind)
// and only then multiplied by exact prices, so a million records cost a handful of Decimal
// operations; rating one record is the same code with one record.
import { findService } from '../catalog/find.js';
import { defaultKeyMode } from '../catalog/key-modes.js';
import { effectivePrice, generatedImagePrice, priceKeysOf, pricesGeneratedImages, type EffectivePrice } from '../catalog/prices.js';
import { PER_CALL_KEYS, SERVICE_TIERS, UNITS, type Catalog, type Service, type ServiceTier } from '../catalog/schema.js';
import { Decimal, isPlainDecimal, toPlain } from '../decimal.js';
import { NotOfferedError, UsageError, CreditError } from '../errors.js';
import { imageTokens } from '../images.js';
import { describeValue } from '../describe.js';
import { INSTANT_EXAMPLE, formatInstant, instantMs } from '../instant.js';
import { serviceInTier } from '../catalog/service-tier-view.js';
import { describePeriod, hasHistory, notInForce, pricePeriods, type PricePeriod } from '../catalog/periods.js';
import type { Charge, ChargeLine } from './charge.js';
import { divide, isTerminating, times, toDecimalString, type Exact } from './exact.js';
import { applyRounding } from './rounding.js';
import { FIELD_OF_KIND, PRICE_KEY_OF, QUANTITY_KINDS, USAGE_FIELDS, USAGE_FIELD_NAMES, fieldValueIssue, generatedImageIssues, imageVariantKey, usageShapeIssues, type GeneratedImages, type ImageInput, type QuantityKind, type Usage, type UsageField, type UsageFieldSpec } from './usage.js';

const KIND_INDEX = Object.fromEntries(QUANTITY_KINDS.map((k, i) => [k, i])) as Record<QuantityKind, number>;
const K_IMAGE = KIND_INDEX.imageTokens;
const K_GENERATED = KIND_INDEX.generatedImages;
const KINDS = QUANTITY_KINDS.length;
const MAX = Number.MAX_SAFE_INTEGER;

/** Integer sums of one (service, key mode, tier). */
class Accumulator {
  readonly counts = new Array<number>(KINDS).fill(0);
  /** Carries beyond Number.MAX_SAFE_INTEGER, allocated only when a sum gets that large. */
  overflow: bigint[] | undefined;
  /** Non-integer seconds per kind (audio in and out), summed exactly beside the integer counts. */
  fractions: (Decimal | undefined)[] | undefined;
  /** Generated images per variant ("1024x1024/high"), in the order first seen. */
  images: Map<string, number> | undefined;
  present = 0;
  constructor(
    readonly group: Group,
    readonly tier: number,
    /** Kinds whose price is null in this key mode/tier: using them is "not offered". */
    readonly notOfferedMask: number,
  ) {}

  add(kind: number, value: number) {
    const current = this.counts[kind]!;
    if (current > MAX - value) {
      this.overflow ??= new Array<bigint>(KINDS).fill(0n);
      this.overflow[kind]! += BigInt(current);
      this.counts[kind] = value;
    } else this.counts[kind] = current + value;
  }

  quantity(kind: number): Decimal {
    let q = new Decimal(this.counts[kind]!);
    if (this.overflow && this.overflow[kind] !== 0n) q = q.plus(this.overflow[kind]!.toString());
    const fraction = this.fractions?.[kind];
    if (fraction) q = q.plus(fraction);
    return q;
  }

  addFraction(kind: number, seconds: Decimal) {
    this.fractions ??= [];
    const sum = this.fractions[kind];
    this.fractions[kind] = sum ? sum.plus(seconds) : seconds;
  }

  /** Adds generated images of a variant; false where the variant has no price here (not offered). */
  addImages(variant: string, count: number): boolean {
    if (this.images?.has(variant)) {
      this.images.set(variant, this.images.get(variant)! + count);
      return true;
    }
    if (this.group.terms.imagePrice(this.tier, variant) === null) return false;
    (this.images ??= new Map()).set(variant, count);
    return true;
  }
}

interface TierTerms {
  notOfferedMask: number;
  /** Effective price per quantity kind (QUANTITY_KINDS index); undefined where the kind does not apply. */
  prices: (EffectivePrice | undefined)[];
  /** The charged prices as Decimals, parsed once. */
  charged: (Decimal | undefined)[];
  /** Generated images: the price per variant as text and Decimal, null where not offered. */
  images: Map<string, { text: string; value: Decimal } | null>;
}

/** What a (service, key mode) charges, worked out once per catalog: masks and effective prices per tier. */
class ServiceTerms {
  /** Kinds that do not apply to the service at all (output tokens on TTS). */
  readonly inapplicableMask: number;
  readonly tiers: readonly { above: number; index: number }[];
  private readonly byTier = new Map<number, TierTerms>();
  constructor(
    readonly catalog: Catalog,
    readonly service: Service,
    readonly keyMode: string,
  ) {
    const keys = priceKeysOf(service);
    const isChatModel = UNITS[service.unit].kind === 'tokens' && keys.has('output');
    let inapplicable = 0;
    QUANTITY_KINDS.forEach((kind, i) => {
      const price = PRICE_KEY_OF[kind];
      const applies = kind === 'imageTokens' ? isChatModel : price === 'generatedImages' ? pricesGeneratedImages(service) : keys.has(price);
      if (!applies) inapplicable |= 1 << i;
    });
    this.inapplicableMask = inapplicable;
    this.tiers = (service.tiers ?? []).map((t, index) => ({ above: t.above, index })).sort((a, b) => b.above - a.above);
  }

  /** Effective prices per kind (by QUANTITY_KINDS index) and the kinds not offered, for a tier (-1: base). */
  tier(tier: number): TierTerms {
    let terms = this.byTier.get(tier);
    if (!terms) {
      let notOfferedMask = 0;
      const prices = QUANTITY_KINDS.map((kind, i) => {
        const key = PRICE_KEY_OF[kind];
        // Generated images are priced per variant, looked up as records name them (imagePrice).
        if (this.inapplicableMask & (1 << i) || key === 'generatedImages') return undefined;
        const price = effectivePrice(this.catalog, this.service, this.keyMode, key, tier);
        if (!price || price.charged === null) notOfferedMask |= 1 << i;
        return price;
      });
      const charged = prices.map((p) => (p?.charged ? new Decimal(p.charged) : undefined));
      terms = { notOfferedMask, prices, charged, images: new Map() };
      this.byTier.set(tier, terms);
    }
    return terms;
  }

  tierFor(requestInputTokens: number): number {
    for (const t of this.tiers) if (requestInputTokens > t.above) return t.index;
    return -1;
  }

  /** The price of one generated image of a variant in a tier, null where not offered. */
  imagePrice(tier: number, variant: string): { text: string; value: Decimal } | null {
    const images = this.tier(tier).images;
    let price = images.get(variant);
    if (price === undefined) {
      const text = generatedImagePrice(this.service, this.keyMode, variant, tier);
      images.set(variant, (price = text === null ? null : { text, value: new Decimal(text) }));
    }
    return price;
  }
}

/** Terms per service object (a period of a service is an object of its own) and key mode. */
const termsCache = new WeakMap<Service, Map<string, ServiceTerms>>();

function termsOf(catalog: Catalog, service: Service, keyMode: string): ServiceTerms {
  let byMode = termsCache.get(service);
  if (!byMode) termsCache.set(service, (byMode = new Map()));
  let terms = byMode.get(keyMode);
  if (!terms || terms.catalog !== catalog) byMode.set(keyMode, (terms = new ServiceTerms(catalog, service, keyMode)));
  return terms;
}

/** One (service, key mode, price period) in one rating: its terms and its accumulators per tier. */
class Group {
  readonly accumulators: Accumulator[] = [];
  readonly terms: ServiceTerms;
  readonly inapplicableMask: number;
  readonly tiers: readonly { above: number; index: number }[];
  constructor(
    readonly catalog: Catalog,
    /** The service as priced in the period. */
    readonly service: Service,
    readonly keyMode: string,
    /** The period, where the service's prices depend on the instant. */
    readonly period: PricePeriod | undefined,
    /** The service tier, when not standard. */
    readonly serviceTier: ServiceTier | undefined,
  ) {
    this.terms = termsOf(catalog, service, keyMode);
    this.inapplicableMask = this.terms.inapplicableMask;
    this.tiers = this.terms.tiers;
  }

  accumulator(tier: number): Accumulator {
    let acc = this.accumulators[tier + 1];
    if (!acc) {
      acc = new Accumulator(this, tier, this.terms.tier(tier).notOfferedMask);
      this.accumulators[tier + 1] = acc;
    }
    return acc;
  }

  tierFor(requestInputTokens: number): number {
    return this.terms.tierFor(requestInputTokens);
  }
}

/** A period's service as priced in a service tier (index into SERVICE_TIERS), or undefined where not offered. */
function inServiceTier(service: Service, tier: number): Service | undefined {
  return serviceInTier(service, SERVICE_TIERS[tier]!);
}

/** A (service, key mode) as records name it, and its groups by price period. */
class Entry {
  readonly periods: readonly PricePeriod[];
  /** True when the service has one price period at all times: the record's instant does not matter. */
  readonly timeless: boolean;
  readonly groups: (Group | undefined)[] = [];
  constructor(
    readonly service: Service,
    readonly keyMode: string,
  ) {
    this.periods = pricePeriods(service);
    this.timeless = !hasHistory(service);
  }
}

function recordPath(index: number, single: boolean): string {
  return single ? '' : `records[${index}]`;
}

/** Describes exactly what is wrong with one record and throws it. */
function rejectRecord(catalog: Catalog, record: unknown, index: number, single: boolean, group?: Group, acc?: Accumulator): never {
  const at = recordPath(index, single);
  const shape = usageShapeIssues(record, at);
  if (shape.length) throw new UsageError(shape);
  const r = record as Usage;
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (group) {
    for (let k = 0; k < KINDS; k++) {
      const kind = QUANTITY_KINDS[k]!;
      const sourceField = FIELD_OF_KIND[kind];
      if ((r as unknown as Record<string, unknown>)[sourceField] === undefined) continue;
      if (group.inapplicableMask & (1 << k)) {
        throw new UsageError([
          { path: field(sourceField), message: `does not apply to ${group.service.id} (${group.service.billingType}, priced per ${group.service.unit})` },
        ]);
      }
      const above = acc && acc.tier >= 0 ? ` above ${group.service.tiers![acc.tier]!.above} input tokens` : '';
      const inTier = group.serviceTier ? ` in the ${group.serviceTier} tier` : '';
      if (acc && acc.notOfferedMask & (1 << k)) {
        throw new NotOfferedError(group.service.id, group.keyMode, `no ${PRICE_KEY_OF[kind]} price${above}${inTier}`);
      }
      if (acc && k === K_GENERATED) {
        for (const e of r.generatedImages!) {
          const variant = imageVariantKey(e.size, e.quality);
          if (group.terms.imagePrice(acc.tier, variant) === null) {
            throw new NotOfferedError(group.service.id, group.keyMode, `no price for generated images ${e.size.replace('x', '×')}${e.quality ? ` ${e.quality}` : ''}${above}${inTier}`);
          }
        }
      }
    }
  }
  throw new UsageError([{ path: at, message: 'cannot be rated' }]);
}

// The fast path reads a record's fields into slots by the one table of fields (USAGE_FIELDS).
// A plain object rather than a Map: V8's keyed loads with a record's own (internalized) keys hit
// its stub cache; inherited names ("constructor") find a function, not a number, and are unknown.
const SLOT_OF: Record<string, unknown> = {};
USAGE_FIELD_NAMES.forEach((name, i) => (SLOT_OF[name] = i));
const SLOTS = USAGE_FIELD_NAMES.length;
const slotOf = (name: UsageField) => SLOT_OF[name] as number;
const S_SERVICE = slotOf('service');
const S_KEY_MODE = slotOf('keyMode');
const S_IMAGES = slotOf('images');
const S_GENERATED = slotOf('generatedImages');
const SLOT_AUDIO_INPUT = slotOf('audioInputTokens');
/** Per slot: the kind (QUANTITY_KINDS index) a seconds field adds to (audio in and out), else -1. */
const SECONDS_KIND = Int32Array.from(USAGE_FIELD_NAMES, (name) => {
  const spec: UsageFieldSpec = USAGE_FIELDS[name];
  return spec.type === 'seconds' ? KIND_INDEX[spec.kind as QuantityKind] : -1;
});
const S_AT = slotOf('at');
const S_SERVICE_TIER = slotOf('serviceTier');
const S_OUTPUT = slotOf('outputTokens');
const S_REASONING = slotOf('reasoningTokens');
const K_OUTPUT = KIND_INDEX.outputTokens;
const SERVICE_TIER_COUNT = SERVICE_TIERS.length;
const SERVICE_TIER_INDEX: Record<string, number> = Object.fromEntries(SERVICE_TIERS.map((t, i) => [t, i]));
const SLOT_INPUT = slotOf('inputTokens');
const SLOT_CACHED = slotOf('cachedInputTokens');
const SLOT_WRITE = slotOf('cacheWriteTokens');
const SLOT_WRITE_1H = slotOf('cacheWrite1hTokens');
/** Per slot: the kind (QUANTITY_KINDS index) a whole-number quantity field adds to, else -1. */
const COUNT_KIND = Int32Array.from(USAGE_FIELD_NAMES, (name) => {
  const spec: UsageFieldSpec = USAGE_FIELDS[name];
  return spec.type === 'count' ? KIND_INDEX[spec.kind as QuantityKind] : -1;
});
/** Per slot: 1 for metadata (checked by the table's rule when present). */
const IS_OTHER = Uint8Array.from(USAGE_FIELD_NAMES, (name) => (['text', 'object', 'serviceTier'].includes(USAGE_FIELDS[name].type) ? 1 : 0));
const MAX_KEY_MODE = USAGE_FIELDS.keyMode.maxLength;

export interface RateOptions {
  /**
   * The instant of records that carry no `at` of their own (an event's time), ISO 8601.
   * @default now
   */
  at?: string;
}

/** The instant of records without `at`: the options' `at`, else now. */
function defaultInstant(options: RateOptions | undefined): number {
  if (options?.at === undefined) return Date.now();
  const ms = instantMs(options.at);
  if (ms === undefined) throw new UsageError([{ path: 'options.at', message: `expected an instant such as ${INSTANT_EXAMPLE}, got ${describeValue(options.at)}` }]);
  return ms;
}

/** Sums every record into its accumulator; throws on the first record that cannot be rated. */
function accumulate(catalog: Catalog, records: readonly unknown[], single: boolean, options: RateOptions | undefined): Group[] {
  const groups: Group[] = [];
  const entries: Entry[] = [];
  const byService = new Map<string, Entry[]>();
  // options.at is checked up front even where no service's prices depend on it; now is read once, when needed.
  let defaultMs = options?.at === undefined ? undefined : defaultInstant(options);
  const fallbackMode = defaultKeyMode(catalog);
  const keyModes = new Set(catalog.keyModes.map((k) => k.id));
  // The current record's fields by slot, and which slots it set (cleared before the next record).
  const values = new Array<unknown>(SLOTS).fill(undefined);
  const slots = new Int32Array(SLOTS);
  let touched = 0;

  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) rejectRecord(catalog, r, i, single);
    // One pass over the record's own keys reads every field into its slot and catches unknown
    // fields (V8 keeps keyed loads inside for-in fast, whatever the record's shape).
    for (let t = 0; t < touched; t++) values[slots[t]!] = undefined;
    touched = 0;
    let bad = false;
    let mask = 0;
    for (const key in r) {
      const value = r[key];
      if (value === undefined) continue;
      const slot = SLOT_OF[key];
      if (typeof slot !== 'number') {
        bad = true;
        continue;
      }
      values[slot] = value;
      slots[touched++] = slot;
      const kind = COUNT_KIND[slot]!;
      if (kind >= 0) {
        mask |= 1 << kind;
        bad ||= !(Number.isSafeInteger(value) && (value as number) >= 0);
      } else if (SECONDS_KIND[slot]! >= 0) {
        mask |= 1 << SECONDS_KIND[slot]!;
        bad ||= typeof value === 'number' ? !(value >= 0 && Number.isFinite(value)) : typeof value !== 'string' || !isPlainDecimal(value);
      } else if (IS_OTHER[slot]) bad ||= fieldValueIssue(USAGE_FIELDS[USAGE_FIELD_NAMES[slot]!], value) !== undefined;
    }
    const images = values[S_IMAGES] as readonly ImageInput[] | undefined;
    const generated = values[S_GENERATED] as readonly GeneratedImages[] | undefined;
    if (images !== undefined) { mask |= 1 << K_IMAGE; bad ||= !Array.isArray(images); }
    if (generated !== undefined) {
      mask |= 1 << K_GENERATED;
      bad ||= !Array.isArray(generated) || generated.some((e, g) => generatedImageIssues(e, String(g)).length > 0);
    }
    // Reasoning tokens are a part of the output tokens.
    const reasoning = values[S_REASONING] as number | undefined;
    if (reasoning !== undefined) {
      const output = values[S_OUTPUT] as number | undefined;
      bad ||= output === undefined || reasoning > output;
    }
    // A malformed record is named by its shape before its service is looked up.
    if (bad || mask === 0) rejectRecord(catalog, r, i, single);
    const name = values[S_SERVICE] as string | undefined;
    const keyMode = values[S_KEY_MODE] as string | undefined;
    const mode = keyMode ?? fallbackMode;
    // The record's instant, checked on every record (cheap for the usual form), used where prices changed.
    const serviceTier = values[S_SERVICE_TIER] as ServiceTier | undefined;
    const atText = values[S_AT];
    const at = atText === undefined ? undefined : instantMs(atText);
    if (atText !== undefined && at === undefined) rejectRecord(catalog, r, i, single);
    let modes = name === undefined ? undefined : byService.get(name);
    let entry: Entry | undefined;
    if (modes) for (let m = 0; m < modes.length; m++) if (modes[m]!.keyMode === mode) entry = modes[m];
    if (!entry) {
      // A new name or key mode: checked once by the table's rule, then found by the map.
      if (typeof name !== 'string' || typeof mode !== 'string' || fieldValueIssue(USAGE_FIELDS.service, name) || mode.length > MAX_KEY_MODE) {
        rejectRecord(catalog, r, i, single);
      }
      const serviceName: string = name;
      let service: Service;
      try {
        service = findService(catalog, serviceName);
      } catch (error) {
        if (error instanceof CreditError) error.message = `${recordPath(i, single) || 'usage'}.service: ${error.message}`;
        throw error;
      }
      if (!keyModes.has(mode)) {
        throw new NotOfferedError(service.id, mode, `the catalog has no key mode "${mode}"; it has ${[...keyModes].join(', ')}`);
      }
      // Two names of one service share its entry.
      entry = entries.find((e) => e.service === service && e.keyMode === mode) ?? new Entry(service, mode);
      if (!entries.includes(entry)) entries.push(entry);
      if (!modes) byService.set(serviceName, (modes = []));
      modes.push(entry);
    }
    let p = 0;
    if (!entry.timeless) {
      const ms = at ?? (defaultMs ??= defaultInstant(options));
      const periods = entry.periods;
      while (p < periods.length && !(periods[p]!.from <= ms && ms < periods[p]!.until)) p++;
      if (p === periods.length) {
        const path = recordPath(i, single);
        throw new UsageError([{ path: path ? `${path}.at` : 'at', message: `${at === undefined ? 'not given, so the rating instant: ' : ''}${notInForce(entry.service, ms)}` }]);
      }
    }
    const st = serviceTier === undefined ? 0 : SERVICE_TIER_INDEX[serviceTier]!;
    let group = entry.groups[p * SERVICE_TIER_COUNT + st];
    if (!group) {
      const period = entry.periods[p]!;
      const when = entry.timeless ? '' : ` ${describePeriod(period)}`;
      const priced = inServiceTier(period.service, st);
      if (!priced) throw new NotOfferedError(entry.service.id, mode, `no ${serviceTier} tier${when}`);
      if (!priced.prices[mode]) throw new NotOfferedError(entry.service.id, mode, (st ? `${serviceTier} tier` : '') + when || undefined);
      group = entry.groups[p * SERVICE_TIER_COUNT + st] = new Group(catalog, priced, mode, entry.timeless ? undefined : period, st ? serviceTier : undefined);
      groups.push(group);
    }

    if (mask & group.inapplicableMask) rejectRecord(catalog, r, i, single, group);

    let imageTotal = 0;
    if (images !== undefined) {
      for (const image of images) {
        if (!image || typeof image !== 'object' || !Number.isSafeInteger(image.width) || !Number.isSafeInteger(image.height) || image.width <= 0 || image.height <= 0) {
          rejectRecord(catalog, r, i, single, group);
        }
        for (const key in image) if (key !== 'width' && key !== 'height') rejectRecord(catalog, r, i, single, group);
        imageTotal += imageTokens(image.width, image.height);
      }
    }
    const input = values[SLOT_INPUT] as number | undefined;
    const cached = values[SLOT_CACHED] as number | undefined;
    const audioInput = values[SLOT_AUDIO_INPUT] as number | undefined;
    // A request's input for its tier: input, cache reads and writes, audio input, images (Anthropic counts cache writes too).
    const tier = group.tiers.length ? group.tierFor((input ?? 0) + (cached ?? 0) + ((values[SLOT_WRITE] as number | undefined) ?? 0) + ((values[SLOT_WRITE_1H] as number | undefined) ?? 0) + (audioInput ?? 0) + imageTotal) : -1;
    const acc = group.accumulators[tier + 1] ?? group.accumulator(tier);
    if (mask & acc.notOfferedMask) rejectRecord(catalog, r, i, single, group, acc);
    acc.present |= mask;
    for (let t = 0; t < touched; t++) {
      const kind = COUNT_KIND[slots[t]!]!;
      if (kind >= 0) acc.add(kind, kind === K_OUTPUT && reasoning !== undefined ? (values[slots[t]!] as number) - reasoning : (values[slots[t]!] as number));
    }
    if (images !== undefined) acc.add(K_IMAGE, imageTotal);
    if (generated !== undefined) {
      for (const e of generated) if (!acc.addImages(imageVariantKey(e.size, e.quality), e.count ?? 1)) rejectRecord(catalog, r, i, single, group, acc);
    }
    for (let t = 0; t < touched; t++) {
      const kind = SECONDS_KIND[slots[t]!]!;
      if (kind < 0) continue;
      const seconds = values[slots[t]!] as number | string;
      if (typeof seconds === 'number' && Number.isSafeInteger(seconds)) acc.add(kind, seconds);
      else {
        // Non-integer seconds are summed exactly as decimals (a float's shortest decimal form).
        const text = typeof seconds === 'number' ? String(seconds) : seconds;
        if (!isPlainDecimal(text)) rejectRecord(catalog, r, i, single, group);
        acc.addFraction(kind, new Decimal(text));
      }
    }
  }
  return groups;
}

interface ExactLine {
  line: Omit<ChargeLine, 'credits' | 'exactCredits'>;
  exact: Exact;
}

function periodJson(period: PricePeriod): { from?: string; until?: string } {
  return { ...(period.from > -Infinity && { from: formatInstant(period.from) }), ...(period.until < Infinity && { until: formatInstant(period.until) }) };
}

/** One line per size and quality of generated images, priced per image. */
function imageLines(group: Group, acc: Accumulator): ExactLine[] {
  const { service, keyMode } = group;
  return [...(acc.images ?? [])].map(([variant, count]) => {
    const price = group.terms.imagePrice(acc.tier, variant)!;
    const [size, quality] = variant.split('/') as [string, string | undefined];
    return {
      line: {
        service: service.id,
        keyMode,
        billingType: service.billingType,
        kind: 'generatedImages',
        quantity: String(count),
        unit: 'images',
        unitPrice: price.text,
        image: { size, ...(quality !== undefined && { quality }) },
        ...(acc.tier >= 0 && { tier: acc.tier }),
        ...(group.serviceTier && { serviceTier: group.serviceTier }),
        ...(group.period && { period: periodJson(group.period) }),
      },
      exact: divide(new Decimal(count).times(price.value), 1),
    };
  });
}

function priceLines(groups: Group[]): ExactLine[] {
  const out: ExactLine[] = [];
  for (const group of groups) {
    const { service, keyMode, catalog } = group;
    const per = UNITS[service.unit].per;
    for (const acc of group.accumulators) {
      if (!acc) continue;
      for (let k = 0; k < KINDS; k++) {
        if (!(acc.present & (1 << k))) continue;
        const kind = QUANTITY_KINDS[k]!;
        if (k === K_GENERATED) {
          out.push(...imageLines(group, acc));
          continue;
        }
        const terms = group.terms.tier(acc.tier);
        const price = terms.prices[k]!;
        const quantity = acc.quantity(k);
        const exact = divide(quantity.times(terms.charged[k]!), PER_CALL_KEYS.has(PRICE_KEY_OF[kind]) ? 1 : per);
        out.push({
          line: {
            service: service.id,
            keyMode,
            billingType: service.billingType,
            kind,
            quantity: toPlain(quantity),
            unit: service.unit,
            unitPrice: price.charged!,
            ...(price.capped && { listedUnitPrice: price.listed! }),
            ...(acc.tier >= 0 && { tier: acc.tier }),
            ...(group.serviceTier && { serviceTier: group.serviceTier }),
            ...(price.fallback && { pricedAs: price.fallback }),
            ...(group.period && { period: periodJson(group.period) }),
          },
          exact,
        });
      }
    }
  }
  return out;
}

const creditValues = new WeakMap<Catalog, Decimal>();
function creditValueOf(catalog: Catalog): Decimal {
  let value = creditValues.get(catalog);
  if (!value) creditValues.set(catalog, (value = new Decimal(catalog.creditUnit.value)));
  return value;
}

function buildCharge(catalog: Catalog, lines: ExactLine[]): Charge {
  const rounded = applyRounding(catalog.rounding, lines.map((l) => l.exact));
  const chargeLines: ChargeLine[] = lines.map((l, i) => {
    const credits = rounded.lines[i]!;
    const exactText = toDecimalString(l.exact);
    return {
      ...l.line,
      credits,
      ...(credits !== exactText && { exactCredits: exactText }),
    };
  });
  const moneyExact = times(rounded.totalExact, creditValueOf(catalog));
  return {
    lines: chargeLines,
    credits: rounded.total,
    money: { amount: toDecimalString(moneyExact), currency: catalog.creditUnit.currency },
    catalogVersion: catalog.version,
    exact: lines.every((l) => isTerminating(l.exact)) && isTerminating(rounded.totalExact),
    ...(rounded.minimumChargeApplied && { minimumChargeApplied: true }),
  };
}

/**
 * Prices one usage record or several (summed into one charge, a line per service, key mode,
 * price period and quantity kind). Each record is priced at the prices in force at its `at`
 * (else `options.at`, else now).
 * @throws UsageError naming the field; NotOfferedError; UnknownServiceError / AmbiguousServiceError.
 */
export function rate(catalog: Catalog, usage: Usage | readonly Usage[], options?: RateOptions): Charge {
  const single = !Array.isArray(usage);
  const records = single ? [usage] : (usage as readonly Usage[]);
  return buildCharge(catalog, priceLines(accumulate(catalog, records, single, options)));
}

/**
 * Prices many records at once: integer sums per (service, key mode, price period, quantity kind) first,
 * then one exact multiplication each. The result equals summing `rate` over every record.
 */
export function rateMany(catalog: Catalog, records: readonly Usage[], options?: RateOptions): Charge {
  return buildCharge(catalog, priceLines(accumulate(catalog, records, false, options)));
}


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
import { INSTANT_EXAMPLE, InstantReader, MS_PER_DAY, formatInstant, instantMs } from '../instant.js';
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
  /** Whole numbers up to Number.MAX_SAFE_INTEGER, unboxed. */
  readonly counts = new Float64Array(KINDS);
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
    const sum = this.counts[kind]! + value;
    // A sum past MAX_SAFE_INTEGER compares greater even where the addition rounded.
    if (sum > MAX) this.carry(kind, value);
    else this.counts[kind] = sum;
  }

  /** Moves the count so far into the exact carries and starts again from `value`. */
  private carry(kind: number, value: number) {
    this.overflow ??= new Array<bigint>(KINDS).fill(0n);
    this.overflow[kind]! += BigInt(this.counts[kind]!);
    this.counts[kind] = value;
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
    const tiers = this.tiers;
    for (let t = 0; t < tiers.length; t++) if (requestInputTokens > tiers[t]!.above) return tiers[t]!.index;
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
  /** Days that lie wholly in one period, and that period, by day number modulo 8 (a direct-mapped cache: records mostly share a few days). */
  readonly wholeDays = new Int32Array(8).fill(NOT_CACHED);
  readonly wholeDayPeriods = new Int32Array(8);
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

// The fast path reads a record's fields by the one table of fields (USAGE_FIELDS) in one for-in
// pass. A plain object rather than a Map: V8's keyed loads with a record's own (internalized) keys
// hit its stub cache; inherited names ("constructor") find a function, not a number, and are unknown.
const SLOT_OF: Record<string, unknown> = {};
USAGE_FIELD_NAMES.forEach((name, i) => (SLOT_OF[name] = i));
const SLOTS = USAGE_FIELD_NAMES.length;
const slotOf = (name: UsageField) => SLOT_OF[name] as number;
const S_SERVICE = slotOf('service');
const S_KEY_MODE = slotOf('keyMode');
const S_AT = slotOf('at');
const S_SERVICE_TIER = slotOf('serviceTier');
const S_IMAGES = slotOf('images');
const S_GENERATED = slotOf('generatedImages');
/** Per slot: the kind (QUANTITY_KINDS index) a whole-number quantity field adds to, else -1. */
const COUNT_KIND = Int32Array.from(USAGE_FIELD_NAMES, (name) => {
  const spec: UsageFieldSpec = USAGE_FIELDS[name];
  return spec.type === 'count' ? KIND_INDEX[spec.kind as QuantityKind] : -1;
});
/** Per slot: the kind a seconds field (audio in and out) adds to, else -1. */
const SECONDS_KIND = Int32Array.from(USAGE_FIELD_NAMES, (name) => {
  const spec: UsageFieldSpec = USAGE_FIELDS[name];
  return spec.type === 'seconds' ? KIND_INDEX[spec.kind as QuantityKind] : -1;
});
/** Per slot: the kind a field adds to when its value is a safe whole number (counts and whole seconds), else -1. */
const WHOLE_KIND = COUNT_KIND.map((kind, slot) => (kind >= 0 ? kind : SECONDS_KIND[slot]!));
const bit = (kind: QuantityKind) => 1 << KIND_INDEX[kind];
const B_OUTPUT = bit('outputTokens');
const B_REASONING = bit('reasoningTokens');
const K_REASONING = KIND_INDEX.reasoningTokens;
const K_OUTPUT = KIND_INDEX.outputTokens;
// The kinds that make a request's input for its tier: input, cache reads and writes, audio input, images (Anthropic counts cache writes too).
const K_INPUT = KIND_INDEX.inputTokens;
const K_CACHED = KIND_INDEX.cachedInputTokens;
const K_WRITE = KIND_INDEX.cacheWriteTokens;
const K_WRITE_1H = KIND_INDEX.cacheWrite1hTokens;
const K_AUDIO_INPUT = KIND_INDEX.audioInputTokens;
const SERVICE_TIER_COUNT = SERVICE_TIERS.length;
const MAX_KEY_MODE = USAGE_FIELDS.keyMode.maxLength;
const lowestBit = (mask: number) => 31 - Math.clz32(mask & -mask);

/** The index of a service tier's name in SERVICE_TIERS, -1 when it is none. */
function serviceTierIndex(value: unknown): number {
  for (let t = 0; t < SERVICE_TIER_COUNT; t++) if (value === SERVICE_TIERS[t]) return t;
  return -1;
}

/**
 * The fields of a record the fast path leaves out of line (a count that is no whole number,
 * fractional seconds, images, generated images, metadata), read into slots by slot mask.
 */
class RareFields {
  readonly values = new Array<unknown>(SLOTS).fill(undefined);
  /** Fractional seconds by kind, summed once the record's accumulator is known. */
  readonly seconds: { kind: number; value: number | string }[] = [];
  generated: readonly GeneratedImages[] | undefined;

  /** Checks the rare slots of a record: the kinds they add, or -1 when one is malformed. `quantities` gets image tokens. */
  read(slots: number, quantities: Float64Array): number {
    const values = this.values;
    this.seconds.length = 0;
    this.generated = undefined;
    let mask = 0;
    let bad = false;
    for (let rest = slots; rest !== 0; rest &= rest - 1) {
      const slot = lowestBit(rest);
      const value = values[slot];
      values[slot] = undefined;
      const seconds = SECONDS_KIND[slot]!;
      if (COUNT_KIND[slot]! >= 0) bad = true; // a whole count takes the fast path
      else if (seconds >= 0) {
        mask |= 1 << seconds;
        if (typeof value === 'number' ? value >= 0 && Number.isFinite(value) : typeof value === 'string' && isPlainDecimal(value)) this.seconds.push({ kind: seconds, value: value as number | string });
        else bad = true;
      } else if (slot === S_IMAGES) {
        mask |= 1 << K_IMAGE;
        const total = Array.isArray(value) ? imageTokensOf(value) : -1;
        if (total < 0) bad = true;
        else quantities[K_IMAGE] = total;
      } else if (slot === S_GENERATED) {
        mask |= 1 << K_GENERATED;
        if (!Array.isArray(value) || value.some((e, g) => generatedImageIssues(e, String(g)).length > 0)) bad = true;
        else this.generated = value as readonly GeneratedImages[];
      } else bad ||= fieldValueIssue(USAGE_FIELDS[USAGE_FIELD_NAMES[slot]!], value) !== undefined;
    }
    return bad ? -1 : mask;
  }

  /** Adds the fractional seconds and generated images read last to the record's accumulator; false where one cannot be rated there. */
  add(acc: Accumulator): boolean {
    for (const { kind, value } of this.seconds) {
      if (typeof value === 'number' && Number.isSafeInteger(value)) acc.add(kind, value);
      else {
        // Non-integer seconds are summed exactly as decimals (a float's shortest decimal form).
        const text = typeof value === 'number' ? String(value) : value;
        if (!isPlainDecimal(text)) return false;
        acc.addFraction(kind, new Decimal(text));
      }
    }
    if (this.generated) for (const e of this.generated) if (!acc.addImages(imageVariantKey(e.size, e.quality), e.count ?? 1)) return false;
    return true;
  }
}

/** The input tokens of a record's images by the tile rule, -1 when one is malformed. */
function imageTokensOf(images: readonly unknown[]): number {
  let total = 0;
  for (const image of images as ImageInput[]) {
    if (!image || typeof image !== 'object' || !Number.isSafeInteger(image.width) || !Number.isSafeInteger(image.height) || image.width <= 0 || image.height <= 0) return -1;
    for (const key in image) if (key !== 'width' && key !== 'height') return -1;
    total += imageTokens(image.width, image.height);
  }
  return total;
}

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

/** The (service, key mode) entries and (period, service tier) groups of one rating, found by name once each. */
class Ledger {
  readonly groups: Group[] = [];
  private readonly entries: Entry[] = [];
  private readonly byService = new Map<string, Entry[]>();
  private readonly keyModes: Set<string>;
  readonly fallbackMode: string;
  constructor(
    readonly catalog: Catalog,
    readonly single: boolean,
  ) {
    this.fallbackMode = defaultKeyMode(catalog);
    this.keyModes = new Set(catalog.keyModes.map((k) => k.id));
  }

  /** The entry of a record's service name and key mode; throws naming the record when there is none. */
  entry(name: unknown, mode: unknown, record: unknown, index: number): Entry {
    const modes = typeof name === 'string' ? this.byService.get(name) : undefined;
    if (modes) for (let m = 0; m < modes.length; m++) if (modes[m]!.keyMode === mode) return modes[m]!;
    return this.newEntry(name, mode, record, index);
  }

  /** A new name or key mode: checked once by the table's rule, then found by the map. */
  private newEntry(name: unknown, mode: unknown, record: unknown, index: number): Entry {
    const { catalog, single } = this;
    if (typeof name !== 'string' || typeof mode !== 'string' || fieldValueIssue(USAGE_FIELDS.service, name) || mode.length > MAX_KEY_MODE) {
      rejectRecord(catalog, record, index, single);
    }
    let service: Service;
    try {
      service = findService(catalog, name);
    } catch (error) {
      if (error instanceof CreditError) error.message = `${recordPath(index, single) || 'usage'}.service: ${error.message}`;
      throw error;
    }
    if (!this.keyModes.has(mode)) {
      throw new NotOfferedError(service.id, mode, `the catalog has no key mode "${mode}"; it has ${[...this.keyModes].join(', ')}`);
    }
    // Two names of one service share its entry.
    let entry = this.entries.find((e) => e.service === service && e.keyMode === mode);
    if (!entry) this.entries.push((entry = new Entry(service, mode)));
    let modes = this.byService.get(name);
    if (!modes) this.byService.set(name, (modes = []));
    modes.push(entry);
    return entry;
  }

  /** The group of an entry's price period and service tier (index into SERVICE_TIERS), made on first use. */
  group(entry: Entry, p: number, st: number): Group {
    const slot = p * SERVICE_TIER_COUNT + st;
    return entry.groups[slot] ?? this.newGroup(entry, p, st);
  }

  private newGroup(entry: Entry, p: number, st: number): Group {
    const period = entry.periods[p]!;
    const serviceTier = SERVICE_TIERS[st]!;
    const mode = entry.keyMode;
    const when = entry.timeless ? '' : ` ${describePeriod(period)}`;
    const priced = inServiceTier(period.service, st);
    if (!priced) throw new NotOfferedError(entry.service.id, mode, `no ${serviceTier} tier${when}`);
    if (!priced.prices[mode]) throw new NotOfferedError(entry.service.id, mode, (st ? `${serviceTier} tier` : '') + when || undefined);
    const group = new Group(this.catalog, priced, mode, entry.timeless ? undefined : period, st ? serviceTier : undefined);
    entry.groups[p * SERVICE_TIER_COUNT + st] = group;
    this.groups.push(group);
    return group;
  }
}

const NOT_CACHED = -0x40000000;

/** The index of the entry's price period in force at an instant (its day and the milliseconds into it), -1 when none is. */
function periodIndex(entry: Entry, day: number, time: number): number {
  const slot = day & 7;
  return entry.wholeDays[slot] === day ? entry.wholeDayPeriods[slot]! : findPeriod(entry, day, time);
}

/** Finds the period by the periods' bounds, and remembers the day when it lies in that period from start to end. */
function findPeriod(entry: Entry, day: number, time: number): number {
  const ms = day * MS_PER_DAY + time;
  const periods = entry.periods;
  for (let p = 0; p < periods.length; p++) {
    const { from, until } = periods[p]!;
    if (from <= ms && ms < until) {
      if (from <= day * MS_PER_DAY && (day + 1) * MS_PER_DAY <= until) {
        entry.wholeDays[day & 7] = day;
        entry.wholeDayPeriods[day & 7] = p;
      }
      return p;
    }
  }
  return -1;
}

function notInForceError(entry: Entry, instant: InstantReader, given: boolean, index: number, single: boolean): UsageError {
  const ms = instant.day * MS_PER_DAY + instant.time;
  const path = recordPath(index, single);
  return new UsageError([{ path: path ? `${path}.at` : 'at', message: `${given ? '' : 'not given, so the rating instant: '}${notInForce(entry.service, ms)}` }]);
}

/**
 * Sums every record into its accumulator; throws on the first record that cannot be rated.
 * The loop is kept small (rare fields, new names and errors are out of line) so that V8 compiles
 * it early on the first call, and allocates nothing per record: quantities go through one
 * Float64Array by kind, and the kinds present through a bit mask.
 */
function accumulate(catalog: Catalog, records: readonly unknown[], single: boolean, options: RateOptions | undefined): Group[] {
  const ledger = new Ledger(catalog, single);
  const rare = new RareFields();
  const rareValues = rare.values;
  const quantities = new Float64Array(KINDS);
  const keyAt = new Array<string>(SLOTS).fill('');
  const slotAt = new Int32Array(SLOTS);
  const fallbackMode = ledger.fallbackMode;
  // options.at is checked up front even where no service's prices depend on it; now is read once, when needed.
  // The record's instant, and the instant of records without one (read on first need).
  const instant = new InstantReader();
  let defaultInstantRead = options?.at !== undefined;
  const defaults = new InstantReader();
  if (defaultInstantRead) defaults.set(defaultInstant(options));
  // The entry of the record before: a batch often comes one service at a time.
  let lastEntry: Entry | undefined;
  let lastName: unknown;

  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) rejectRecord(catalog, r, i, single);
    // One pass over the record's own keys: quantities by kind, the few metadata fields into
    // locals, anything else into rare slots (V8 keeps keyed loads inside for-in fast, whatever the record's shape).
    let mask = 0;
    let rareSlots = 0;
    let bad = false;
    let name: unknown;
    let keyMode: unknown;
    let atText: unknown;
    let serviceTier: unknown;
    let position = 0;
    for (const key in r) {
      const value = r[key];
      if (value === undefined) continue;
      // Records of one shape list their keys in one order: the slot of the key at this position last time is tried first.
      let slot: unknown;
      if (keyAt[position] === key) slot = slotAt[position];
      else {
        slot = SLOT_OF[key];
        if (position < SLOTS) {
          keyAt[position] = key;
          slotAt[position] = typeof slot === 'number' ? slot : -1;
        }
      }
      position++;
      if (typeof slot !== 'number' || slot < 0) bad = true;
      else if (typeof value === 'number' && WHOLE_KIND[slot]! >= 0 && value >= 0 && Number.isSafeInteger(value)) {
        const kind = WHOLE_KIND[slot]!;
        quantities[kind] = value;
        mask |= 1 << kind;
      } else if (slot === S_SERVICE) name = value;
      else if (slot === S_KEY_MODE) keyMode = value;
      else if (slot === S_AT) atText = value;
      else if (slot === S_SERVICE_TIER) serviceTier = value;
      else {
        rareValues[slot] = value;
        rareSlots |= 1 << slot;
      }
    }
    if (rareSlots !== 0) {
      const more = rare.read(rareSlots, quantities);
      if (more < 0) bad = true;
      else mask |= more;
    }
    // Reasoning tokens are a part of the output tokens.
    if (mask & B_REASONING) {
      if (!(mask & B_OUTPUT) || quantities[K_REASONING]! > quantities[K_OUTPUT]!) bad = true;
      else quantities[K_OUTPUT] = quantities[K_OUTPUT]! - quantities[K_REASONING]!;
    }
    const st = serviceTier === undefined ? 0 : serviceTierIndex(serviceTier);
    // The record's instant, checked on every record (cheap for the usual form), used where prices changed.
    if (atText !== undefined && !instant.read(atText)) bad = true;
    // A malformed record is named by its shape before its service is looked up.
    if (bad || mask === 0 || st < 0) rejectRecord(catalog, r, i, single);
    const mode = keyMode ?? fallbackMode;
    let entry = lastEntry;
    if (entry === undefined || name !== lastName || mode !== entry.keyMode) {
      entry = lastEntry = ledger.entry(name, mode, r, i);
      lastName = name;
    }
    let p = 0;
    if (!entry.timeless) {
      let when = instant;
      if (atText === undefined) {
        if (!defaultInstantRead) defaults.set(defaultInstant(options));
        defaultInstantRead = true;
        when = defaults;
      }
      p = periodIndex(entry, when.day, when.time);
      if (p < 0) throw notInForceError(entry, when, atText !== undefined, i, single);
    }
    const group = ledger.group(entry, p, st);
    if (mask & group.inapplicableMask) rejectRecord(catalog, r, i, single, group);
    let tier = -1;
    if (group.tiers.length) {
      tier = group.terms.tierFor(quantities[K_INPUT]! + quantities[K_CACHED]! + quantities[K_WRITE]! + quantities[K_WRITE_1H]! + quantities[K_AUDIO_INPUT]! + quantities[K_IMAGE]!);
    }
    const acc = group.accumulators[tier + 1] ?? group.accumulator(tier);
    if (mask & acc.notOfferedMask) rejectRecord(catalog, r, i, single, group, acc);
    acc.present |= mask;
    // Every kind present is added and its slot zeroed for the next record.
    for (let rest = mask; rest !== 0; ) {
      const kind = 31 - Math.clz32(rest);
      rest ^= 1 << kind;
      acc.add(kind, quantities[kind]!);
      quantities[kind] = 0;
    }
    if (rareSlots !== 0 && !rare.add(acc)) rejectRecord(catalog, r, i, single, group, acc);
  }
  return ledger.groups;
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


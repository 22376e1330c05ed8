// What a service actually charges in a key mode: the listed price, capped where the catalog
// declares a cap (GPTBots' own-key ceiling), with cached input falling back to the input price.
import { compareDecimalStrings, shiftDecimal } from '../decimal-text.js';
import type { Catalog, Service } from './schema.js';
import { PRICE_FALLBACK, UNITS, type PriceKey, type PriceName } from './vocabulary.js';

export interface EffectivePrice {
  /** The price as published; null = not offered. */
  listed: string | null;
  /** The price charged: the listed one, or the cap where that is lower. null = not offered. */
  charged: string | null;
  /** True when a cap lowered the listed price. */
  capped: boolean;
  /** The key whose price is borrowed where the service lists none for this one (cache writes priced as input). */
  fallback?: PriceKey;
}

/** Price keys a service prices in any key mode (on token services cache reads and writes count
 *  wherever input does, reasoning wherever output does: they borrow that price). */
export function priceKeysOf(service: Service): Set<PriceKey> {
  const keys = new Set<PriceKey>();
  for (const set of Object.values(service.prices)) {
    for (const [key, value] of Object.entries(set)) if (value !== undefined && key !== 'generatedImages') keys.add(key as PriceKey);
  }
  if (UNITS[service.unit].kind === 'tokens') {
    for (const [key, from] of Object.entries(PRICE_FALLBACK)) if (keys.has(from)) keys.add(key as PriceKey);
  }
  return keys;
}

/**
 * A cap converted to a service's unit, per cap object and unit: a price list asks for it per cell.
 * Units of one kind differ by a power of ten (per 1K and per 1M tokens), so the conversion is a
 * shift of the decimal point: exact, and without decimal.js.
 */
const capsInUnit = new WeakMap<object, Map<string, string>>();

function capFor(catalog: Catalog, service: Service, keyMode: string, key: PriceKey): string | undefined {
  for (const cap of catalog.caps ?? []) {
    if (cap.keyMode !== keyMode || !cap.billingTypes.includes(service.billingType)) continue;
    const value = cap.prices[key];
    if (value === undefined || value === null) continue;
    const capUnit = UNITS[cap.unit];
    const serviceUnit = UNITS[service.unit];
    if (capUnit.kind !== serviceUnit.kind) continue;
    let converted = capsInUnit.get(cap);
    if (!converted) capsInUnit.set(cap, (converted = new Map()));
    const id = `${service.unit}|${key}`;
    let text = converted.get(id);
    if (text === undefined) {
      const shift = Math.log10(serviceUnit.per / capUnit.per);
      if (!Number.isInteger(shift)) throw new RangeError(`a cap per ${cap.unit} cannot be converted exactly to ${service.unit} (${service.id})`);
      converted.set(id, (text = shiftDecimal(value, shift)));
    }
    return text;
  }
  return undefined;
}

/** True when the service prices generated images (by size and quality) in some key mode. */
export function pricesGeneratedImages(service: Service): boolean {
  return Object.values(service.prices).some((set) => set.generatedImages !== undefined);
}

/**
 * The price of one generated image of a variant ("1024x1024/high") in a key mode (and long-context
 * tier), null where the variant or the key mode is not offered. No fallback to another size or
 * quality: an image the catalog does not price is never priced as another.
 */
export function generatedImagePrice(service: Service, keyMode: string, variant: string, tierIndex = -1): string | null {
  const prices = tierIndex >= 0 ? service.tiers?.[tierIndex]?.prices[keyMode] : service.prices[keyMode];
  const images = prices?.generatedImages;
  return images && Object.hasOwn(images, variant) ? (images[variant] ?? null) : null;
}

/**
 * The effective price of one price key for a service in a key mode, or undefined when the
 * service has no such price at all. `tierPrices` replaces the base prices for a long-context tier.
 * Generated images have no one price (see generatedImagePrice): undefined.
 */
export function effectivePrice(
  catalog: Catalog,
  service: Service,
  keyMode: string,
  key: PriceName,
  tierIndex = -1,
): EffectivePrice | undefined {
  if (key === 'generatedImages') return undefined;
  const prices = tierIndex >= 0 ? service.tiers?.[tierIndex]?.prices[keyMode] : service.prices[keyMode];
  let listed = prices?.[key];
  let fallback: PriceKey | undefined;
  if (listed === undefined && PRICE_FALLBACK[key] && UNITS[service.unit].kind === 'tokens') {
    fallback = PRICE_FALLBACK[key];
    listed = prices?.[fallback];
  }
  if (listed === undefined) {
    if (!priceKeysOf(service).has(key)) return undefined;
    return { listed: null, charged: null, capped: false };
  }
  if (listed === null) return { listed: null, charged: null, capped: false, ...(fallback && { fallback }) };
  const cap = capFor(catalog, service, keyMode, fallback ?? key);
  const capped = cap !== undefined && compareDecimalStrings(cap, listed) < 0;
  return {
    listed,
    charged: capped ? cap : listed,
    capped,
    ...(fallback && { fallback }),
  };
}

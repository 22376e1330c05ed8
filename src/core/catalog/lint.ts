// lintCatalog: what parses but looks wrong. Warnings, never errors: a catalog may knowingly
// publish a price above its cap (GPTBots does, and the engine charges the cap). Two services
// under one id or alias are no warning: such a catalog does not parse.
import { Decimal, toPlain } from '../decimal.js';
import { effectivePrice } from './prices.js';
import { samePricing } from './diff.js';
import { describePeriod, pricePeriods } from './periods.js';
import { PRICE_KEYS, UNITS, type Catalog } from './schema.js';

export type LintRule =
  | 'above-cap'
  | 'own-above-platform'
  | 'output-below-tenth-of-input'
  | 'no-price'
  | 'package-discount-mismatch'
  | 'repeated-prices';

export interface LintWarning {
  rule: LintRule;
  path: string;
  /** The service or package concerned. */
  subject: string;
  message: string;
}

export function lintCatalog(catalog: Catalog): LintWarning[] {
  const warnings: LintWarning[] = [];

  catalog.services.forEach((service, i) => {
    const at = `services[${i}]`;
    const warn = (rule: LintRule, path: string, message: string) => warnings.push({ rule, path, subject: service.id, message });

    const modes = Object.entries(service.prices);
    const anyPrice = modes.some(([, set]) => Object.values(set).some((p) => p !== undefined && p !== null));
    if (!anyPrice) warn('no-price', `${at}.prices`, `${service.id} has no price in any key mode`);

    for (const [mode] of modes) {
      for (const key of PRICE_KEYS) {
        const price = effectivePrice(catalog, service, mode, key);
        // A borrowed price (a cache write priced as input) is warned about once, under the key that lists it.
        if (price?.capped && !price.fallback) {
          warn('above-cap', `${at}.prices.${mode}.${key}`, `${service.id} lists ${price.listed} for ${mode} ${key}, above the cap of ${toPlain(new Decimal(price.charged!))}; the cap is charged`);
        }
      }
      const set = service.prices[mode]!;
      if (set.input && set.output && new Decimal(set.output).lt(new Decimal(set.input).div(10))) {
        warn('output-below-tenth-of-input', `${at}.prices.${mode}.output`, `${service.id} ${mode} output ${set.output} is under a tenth of input ${set.input}: columns swapped?`);
      }
    }
    // A change that changes nothing: two periods in a row with the same prices and tiers.
    const periods = pricePeriods(service);
    for (let j = 1; j < periods.length; j++) {
      const before = periods[j - 1]!.service;
      const after = periods[j]!.service;
      if (samePricing(before, after)) {
        warn('repeated-prices', `${at}.earlier[${j - 1}]`, `${service.id}: the change ${describePeriod({ from: periods[j]!.from, until: Infinity })} repeats the prices before it`);
      }
    }
    const platform = service.prices.platform;
    const own = service.prices.own;
    if (platform && own) {
      for (const key of PRICE_KEYS) {
        const p = platform[key];
        const o = own[key];
        if (p && o && new Decimal(o).gt(p)) {
          warn('own-above-platform', `${at}.prices.own.${key}`, `${service.id} own-key ${key} ${o} is above the platform-key ${p}`);
        }
      }
    }
  });

  const unitValue = new Decimal(catalog.creditUnit.value);
  catalog.packages?.forEach((pkg, i) => {
    if (!pkg.price || pkg.statedDiscountPercent === undefined) return;
    if (pkg.price.currency !== catalog.creditUnit.currency) return;
    const faceValue = new Decimal(pkg.credits).times(unitValue);
    const actual = faceValue.isZero() ? new Decimal(0) : new Decimal(1).minus(new Decimal(pkg.price.amount).div(faceValue)).times(100);
    if (!actual.toDecimalPlaces(2).eq(new Decimal(pkg.statedDiscountPercent))) {
      warnings.push({
        rule: 'package-discount-mismatch',
        path: `packages[${i}].statedDiscountPercent`,
        subject: pkg.id,
        message: `${pkg.name} states ${pkg.statedDiscountPercent}% off, but ${pkg.credits} credits for ${pkg.price.amount} ${pkg.price.currency} is ${toPlain(actual.toDecimalPlaces(2))}% off the face value of ${toPlain(faceValue)}`,
      });
    }
  });
  return warnings;
}

/** Per-unit label used by tools: "credits / 1K tokens". */
export function unitLabel(unit: keyof typeof UNITS): string {
  return {
    'tokens-1k': 'credits / 1K tokens',
    'tokens-1m': 'credits / 1M tokens',
    'seconds-60': 'credits / 60 s',
    'characters-1k': 'credits / 1,000 characters',
    requests: 'credits / request',
    images: 'credits / image',
    'token-days-1k': 'credits / 1K tokens / day',
  }[unit];
}

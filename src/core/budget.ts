// budgetToQuantity: how much of one quantity a budget buys. "$10 buys 4,545,454 input tokens of GPT-4.1-1M".
import { findService } from './catalog/find.js';
import { defaultKeyMode } from './catalog/key-modes.js';
import { effectivePrice } from './catalog/prices.js';
import { UNITS, type Catalog } from './catalog/schema.js';
import { scaledInteger } from './decimal-text.js';
import { CreditError, NotOfferedError, UsageError } from './errors.js';
import { moneyToCredits } from './money.js';
import type { Money } from './rating/charge.js';
import { PRICE_KEY_OF, type QuantityKind } from './rating/usage.js';

export type Budget = { credits: string } | { money: Money };

export interface BudgetQuantity {
  /** Whole units bought, rounded down; null when the service is free. */
  quantity: string | null;
  unlimited?: true;
}

export function budgetToQuantity(
  catalog: Catalog,
  serviceName: string,
  budget: Budget,
  quantityKind: QuantityKind = 'inputTokens',
  keyMode?: string,
): BudgetQuantity {
  const service = findService(catalog, serviceName);
  const mode = keyMode ?? defaultKeyMode(catalog);
  const credits = 'credits' in budget ? budget.credits : moneyToCredits(catalog, budget.money);
  if (typeof credits !== 'string' || !/^\d+(\.\d+)?$/.test(credits)) {
    throw new CreditError(`budget.credits must be a non-negative decimal string, got ${JSON.stringify(credits)}`);
  }
  const price = effectivePrice(catalog, service, mode, PRICE_KEY_OF[quantityKind]);
  if (!price) {
    throw new UsageError([{ path: 'quantityKind', message: `${quantityKind} does not apply to ${service.id}` }]);
  }
  if (price.charged === null) throw new NotOfferedError(service.id, mode);
  return unitsForCredits(credits, UNITS[service.unit].per, price.charged);
}

/**
 * Whole units that `credits` buy at `price` credits per `unitSize` units, rounded down; unlimited
 * when the price is 0. Exact in integers: credits × unitSize ÷ price with both decimal strings
 * scaled to integers, so a price list can show it for every row without Decimal.
 */
export function unitsForCredits(credits: string, unitSize: number, price: string): BudgetQuantity {
  const [c, creditScale] = scaledInteger(credits);
  const [p, priceScale] = scaledInteger(price);
  if (p === 0n) return { quantity: null, unlimited: true };
  // (c / 10^cs) × n / (p / 10^ps) = c × n × 10^ps / (p × 10^cs); BigInt division of non-negative values is the floor.
  return { quantity: ((c * BigInt(unitSize) * 10n ** BigInt(priceScale)) / (p * 10n ** BigInt(creditScale))).toString() };
}

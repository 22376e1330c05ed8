// budgetToQuantity: how much of one quantity a budget buys. "$10 buys 4,545,454 input tokens of GPT-4.1-1M".
import { findService } from './catalog/find.js';
import { defaultKeyMode } from './catalog/key-modes.js';
import { effectivePrice } from './catalog/prices.js';
import { UNITS, type Catalog } from './catalog/schema.js';
import { unitsForCredits, type BudgetQuantity } from './units-for-credits.js';
import { CreditError, NotOfferedError, UsageError } from './errors.js';
import { moneyToCredits } from './money.js';
import type { Money } from './rating/charge.js';
import { PRICE_KEY_OF, type QuantityKind } from './rating/usage.js';

export type Budget = { credits: string } | { money: Money };

export type { BudgetQuantity } from './units-for-credits.js';
export { unitsForCredits };

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

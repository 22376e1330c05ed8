// Credits → money in a catalog's credit unit, exact and without decimal.js (a product of two
// decimals always terminates), so a price list shows money beside credits without loading it.
import type { Catalog } from './catalog/schema.js';
import { isPlainDecimal, multiplyDecimalStrings } from './decimal-text.js';
import { CreditError } from './errors.js';
import type { Money } from './rating/charge.js';

/** The money a number of credits is worth: exact. */
export function creditsToMoney(catalog: Catalog, credits: string): Money {
  if (typeof credits !== 'string' || !isPlainDecimal(credits)) {
    throw new CreditError(`credits must be a non-negative decimal string, got ${JSON.stringify(credits)}`);
  }
  return { amount: multiplyDecimalStrings(credits, catalog.creditUnit.value), currency: catalog.creditUnit.currency };
}

// Credits ↔ money in a catalog's credit unit (1 credit = 0.01 USD for GPTBots, 0.01 EUR for meinGPT).
import type { Catalog } from './catalog/schema.js';
import { Decimal, isPlainDecimal, toPlain } from './decimal.js';
import { creditsToMoney } from './credits-to-money.js';
import { CreditError } from './errors.js';
import type { Money } from './rating/charge.js';

function decimalOf(value: string, what: string): Decimal {
  if (typeof value !== 'string' || !isPlainDecimal(value)) {
    throw new CreditError(`${what} must be a non-negative decimal string, got ${JSON.stringify(value)}`);
  }
  return new Decimal(value);
}

export { creditsToMoney };

/** The credits an amount of money buys: exact (money / credit value). */
export function moneyToCredits(catalog: Catalog, money: Money): string {
  if (money.currency !== catalog.creditUnit.currency) {
    throw new CreditError(`the catalog's credits are in ${catalog.creditUnit.currency}, not ${money.currency}`);
  }
  return toPlain(decimalOf(money.amount, 'money.amount').div(catalog.creditUnit.value));
}

/** Sum of decimal strings, exact. */
export function sumDecimals(values: readonly string[]): string {
  return toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));
}

/** -1, 0 or 1 as a < b, a = b, a > b, for decimal strings. */
export function compareDecimals(a: string, b: string): number {
  return new Decimal(a).cmp(b);
}

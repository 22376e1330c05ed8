// How many whole units a number of credits buys at a price: exact in integers and without
// decimal.js, so a price list can show "1,000 credits buy …" for every row (budget.ts uses it too).
import { scaledInteger } from './decimal-text.js';

export interface BudgetQuantity {
  /** Whole units bought, rounded down; null when the service is free. */
  quantity: string | null;
  unlimited?: true;
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

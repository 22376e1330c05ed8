// USD amounts from a price file (a JSON number, per token, second, image or per 1M tokens) to
// credits per catalog unit: one exact multiplication and division with core's Decimal. An amount
// the credit value does not divide exactly is an error rather than a rounded price.
import { Decimal, toPlain } from '../../decimal.js';
import { describeValue } from '../../describe.js';
import type { IssueLog } from './issues.js';

/** A JSON number as an exact Decimal: the shortest decimal that prints as the same double, which is what the file wrote. */
export function costOf(value: unknown): Decimal | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return new Decimal(String(value));
}

/**
 * Credits for `value` USD × `multiplier` ÷ `divisor` (USD per token × 1,000 = per 1K tokens), or
 * undefined after logging why not.
 */
export function creditsOf(value: unknown, multiplier: number, divisor: number, creditValue: string, field: string, at: { path: string }, log: IssueLog): string | undefined {
  const cost = costOf(value);
  if (!cost) {
    log.error(`${field}: expected a non-negative number of USD, got ${describeValue(value)}`, at);
    return undefined;
  }
  const amount = cost.times(multiplier).div(divisor);
  const credit = new Decimal(creditValue);
  const credits = amount.div(credit);
  // Exact when the quotient did not use up every significant digit (a repeating decimal does) and multiplies back.
  if (credits.sd() >= Decimal.precision || !credits.times(credit).eq(amount)) {
    log.error(`${field}: ${String(value)} USD × ${multiplier}${divisor === 1 ? '' : ` ÷ ${divisor}`} is no exact number of credits at ${creditValue} USD per credit`, at);
    return undefined;
  }
  return toPlain(credits);
}

/** Fields a source reports once each, with how many models carried them. */
export class FieldReport {
  private readonly counts = new Map<string, number>();
  constructor(private readonly reason: (field: string) => string) {}
  add(field: string): void {
    this.counts.set(field, (this.counts.get(field) ?? 0) + 1);
  }
  report(log: IssueLog): void {
    for (const [field, count] of [...this.counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      log.warn(`${field}: not mapped, in ${count} model${count === 1 ? '' : 's'} (${this.reason(field)}); imported without it`);
    }
  }
}

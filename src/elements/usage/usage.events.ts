// Events of <credit-usage>.
import { CreditEvent } from '../common/events.js';
import type { Period } from './usage.strings.js';

/** The period shown changed (the picker or the attributes). */
export class CreditPeriodChangeEvent extends CreditEvent<{ period: Period; from: string; to: string }> {
  constructor(detail: { period: Period; from: string; to: string }) {
    super('credit-period-change', detail);
  }
}

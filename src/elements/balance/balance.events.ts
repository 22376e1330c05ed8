// Events of <credit-balance>.
import type { Balance } from '../../sdk/contract/balance.js';
import { CreditEvent } from '../common/events.js';
import type { BalanceLevel } from './balance-state.js';

export interface BalanceStateDetail {
  level: BalanceLevel;
  /** The level before, or undefined on the first balance. */
  previous: BalanceLevel | undefined;
  balance: Balance;
}

/** The balance moved into another state (normal, low, critical, depleted). */
export class CreditBalanceStateEvent extends CreditEvent<BalanceStateDetail> {
  constructor(detail: BalanceStateDetail) {
    super('credit-balance-state', detail);
  }
}

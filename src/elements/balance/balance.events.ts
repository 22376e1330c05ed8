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

export interface TopUpDetail {
  level: BalanceLevel;
  balance: Balance;
  /** The link the call to action follows (`top-up-url` filled in), if any. */
  url: string | undefined;
}

/** The top-up call to action was chosen. Cancelable: `preventDefault()` keeps a link from being followed (open your own dialog). */
export class CreditTopUpEvent extends CreditEvent<TopUpDetail> {
  constructor(detail: TopUpDetail) {
    super('credit-top-up', detail, { cancelable: true });
  }
}

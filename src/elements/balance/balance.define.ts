import { CreditBalance } from './balance.js';
import type { CreditBalanceStateEvent } from './balance.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditBalance.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-balance': CreditBalance;
  }
  interface GlobalEventHandlersEventMap {
    'credit-balance-state': CreditBalanceStateEvent;
    'credit-error': CreditErrorEvent;
  }
}
